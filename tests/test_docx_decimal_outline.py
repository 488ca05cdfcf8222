"""Under a heading numbered as a decimal outline ('A.3.', '3.1'), a subsection extends that number.

Debian Reference's appendix 'A.3. 简体中文翻译' lists its figures as paragraphs '（一）英文原版情况', '（二）翻译耗时'
…; a Word file saved from it (by LibreOffice or pandoc) has them as plain Body Text, short and numbered like
a Chinese outline, and they were read as four headings, each taking the paragraphs after it out of A.3.
A decimal outline numbers a subsection by extending its parent's number (A.3 → A.3.1; ISO 2145, GB/T 1.1,
which numbers list items a), 1) under a clause); a line numbered otherwise under it is one of its points.
"""

from __future__ import annotations

from pathlib import Path

from qa.loading import load_file
from qa.structure import recover_outline


def _sections(path: Path) -> list[tuple[tuple[str, ...], list[str]]]:
    outline = recover_outline(load_file(path))
    return [(s.path, [outline.paragraphs[i].text for i in s.paragraphs]) for s in outline.sections]


def test_points_numbered_otherwise_under_a_decimal_heading_are_its_paragraphs(tmp_path):
    import docx

    d = docx.Document()
    d.add_heading("附录 A. 附录", 1)
    d.add_heading("A.3. 简体中文翻译", 2)
    body = [
        "《Debian 参考手册》翻译相关数据统计如下：",
        "（一）英文原版情况",
        "手册英文有 7638 个字符串，82658 个词。",
        "（二）翻译耗时",
        "我们在近 15 个月的时间内，完成了全部翻译。",
    ]
    for line in body:
        d.add_paragraph(line)
    d.add_heading("A.4. 文档格式", 2)
    d.add_paragraph("本文档的源文件是 DocBook XML 格式。")
    d.save(str(tmp_path / "appendix.docx"))
    top = ("附录 A. 附录",)
    assert _sections(tmp_path / "appendix.docx") == [
        ((*top, "A.3. 简体中文翻译"), body),
        ((*top, "A.4. 文档格式"), ["本文档的源文件是 DocBook XML 格式。"]),
    ]


def test_a_subsection_extending_the_decimal_number_and_chinese_outlines_are_still_headings(tmp_path):
    import docx

    d = docx.Document()
    d.add_heading("3.1 启动过程概述", 1)
    d.add_paragraph("计算机系统从上电到提供完整功能，需要经历几个阶段。")
    d.add_paragraph("3.1.1 第一阶段 UEFI")  # unstyled, but it extends 3.1: a subsection
    d.add_paragraph("统一可扩展固件接口定义了启动管理器。")
    d.add_heading("第二章 工作安排", 1)  # numbered otherwise: any outline numbering heads a subsection
    d.add_paragraph("（一）交通运输")
    d.add_paragraph("货运量稳步增长。")
    d.add_heading("2024.10 月度工作总结", 1)  # a date, not a clause number
    d.add_paragraph("一、本月工作")
    d.add_paragraph("完成了系统升级。")
    d.save(str(tmp_path / "mixed.docx"))
    assert _sections(tmp_path / "mixed.docx") == [
        (("3.1 启动过程概述",), ["计算机系统从上电到提供完整功能，需要经历几个阶段。"]),
        (("3.1 启动过程概述", "3.1.1 第一阶段 UEFI"), ["统一可扩展固件接口定义了启动管理器。"]),
        (("第二章 工作安排", "（一）交通运输"), ["货运量稳步增长。"]),
        (("2024.10 月度工作总结", "一、本月工作"), ["完成了系统升级。"]),
    ]


def test_unstyled_decimal_siblings_and_children_of_a_styled_decimal_heading_sit_where_their_number_says(tmp_path):
    # an author styled '1.1' as Heading 2 but only bolded '1.2' and '1.3': they are 1.1's siblings, not its text
    # nor its subsections; '1.3.1' is a subsection of 1.3
    import docx

    d = docx.Document()
    d.add_heading("1 项目概况", 1)
    d.add_heading("1.1 项目背景", 2)
    d.add_paragraph("本项目位于城市东部，占地约五十亩。")
    for number, body in (
        ("1.2 建设目标", "建设目标是在两年内完成一期工程。"),
        ("1.3 建设内容", "主要建设游客中心和停车场。"),
        ("1.3.1 游客中心", "游客中心建筑面积两千平方米。"),
    ):
        d.add_paragraph().add_run(number).bold = True
        d.add_paragraph(body)
    d.add_heading("2 投资估算", 1)
    d.add_paragraph("总投资三千万元。")
    d.save(str(tmp_path / "plan.docx"))
    top = ("1 项目概况",)
    assert _sections(tmp_path / "plan.docx") == [
        ((*top, "1.1 项目背景"), ["本项目位于城市东部，占地约五十亩。"]),
        ((*top, "1.2 建设目标"), ["建设目标是在两年内完成一期工程。"]),
        ((*top, "1.3 建设内容"), ["主要建设游客中心和停车场。"]),
        ((*top, "1.3 建设内容", "1.3.1 游客中心"), ["游客中心建筑面积两千平方米。"]),
        (("2 投资估算",), ["总投资三千万元。"]),
    ]
