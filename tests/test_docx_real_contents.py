"""Word files as real word processors write them: a contents list before the chapter's headings.

LibreOffice saves a DocBook page's table of contents as "List Heading" paragraphs ("3.1. 启动过程概述")
above the "Heading 2" paragraphs they name; Word's own contents field writes "3.1 启动过程概述<tab>2". Such
a line is numbered like a heading but names one: read as a heading, every section of the chapter appeared
twice and the chapter's opening text was filed under the last contents line.
"""

from __future__ import annotations

from pathlib import Path

from qa.loading import load_file
from qa.structure import recover_outline


def _sections(path: Path) -> list[tuple[tuple[str, ...], list[str]]]:
    outline = recover_outline(load_file(path))
    return [(s.path, [outline.paragraphs[i].text for i in s.paragraphs]) for s in outline.sections]


def _chapter_with_contents(path: Path, contents: list[str], style: str | None) -> None:
    import docx

    d = docx.Document()
    d.add_heading("第 3 章 系统初始化", 1)
    d.add_paragraph("目录")
    for line in contents:
        d.add_paragraph(line, style=style)
    d.add_paragraph("作为系统管理员，了解系统的启动方式是明智的。")
    d.add_heading("3.1. 启动过程概述", 2)
    d.add_paragraph("计算机系统从上电到提供完整功能，需要经历几个阶段。")
    d.add_heading("3.1.1. 第一阶段：UEFI", 3)
    d.add_paragraph("统一可扩展固件接口定义了启动管理器。")
    d.add_heading("3.2. Systemd 初始化", 2)
    d.add_paragraph("本节描述系统如何启动。参见 3.1. 启动过程概述。")
    d.save(str(path))


def _expected(contents: list[str]) -> list[tuple[tuple[str, ...], list[str]]]:
    chapter = ("第 3 章 系统初始化",)
    return [
        (chapter, ["目录", *contents, "作为系统管理员，了解系统的启动方式是明智的。"]),
        ((*chapter, "3.1. 启动过程概述"), ["计算机系统从上电到提供完整功能，需要经历几个阶段。"]),
        ((*chapter, "3.1. 启动过程概述", "3.1.1. 第一阶段：UEFI"), ["统一可扩展固件接口定义了启动管理器。"]),
        ((*chapter, "3.2. Systemd 初始化"), ["本节描述系统如何启动。参见 3.1. 启动过程概述。"]),
    ]


def test_a_contents_list_naming_the_headings_is_not_read_as_headings(tmp_path):
    contents = ["3.1. 启动过程概述", "3.1.1. 第一阶段：UEFI", "3.2. Systemd 初始化"]
    _chapter_with_contents(tmp_path / "chapter.docx", contents, "List Paragraph")
    assert _sections(tmp_path / "chapter.docx") == _expected(contents)


def test_contents_lines_with_page_numbers_are_not_headings_nor_text(tmp_path):
    # Word's contents list pasted as text ('3.1 …<tab>2'): a list of the headings, dropped with its '目录' title
    # as a contents field is — left in, a question about a heading found the list first
    contents = ["3.1. 启动过程概述\t2", "3.1.1. 第一阶段：UEFI\t2", "3.2. Systemd 初始化\t5"]
    _chapter_with_contents(tmp_path / "chapter.docx", contents, None)
    expected = _expected([])
    expected[0] = (expected[0][0], ["作为系统管理员，了解系统的启动方式是明智的。"])
    assert _sections(tmp_path / "chapter.docx") == expected


def test_an_unstyled_numbered_heading_still_heads_its_section(tmp_path):
    import docx

    d = docx.Document()
    d.add_heading("第一章 总体情况", 1)
    d.add_paragraph("一、工业生产")  # numbered, names no styled heading: a heading below the styled levels
    d.add_paragraph("规模以上工业增加值增长百分之五。")
    d.save(str(tmp_path / "report.docx"))
    assert _sections(tmp_path / "report.docx") == [
        (("第一章 总体情况", "一、工业生产"), ["规模以上工业增加值增长百分之五。"])
    ]


def test_numbered_lines_in_list_or_code_styles_and_value_lists_are_not_headings(tmp_path):
    # LibreOffice saves a page's contents list (<dl>) as "List Heading" paragraphs naming headings of other
    # files; Word numbers list items in "List Number"; code keeps its numbers; '2 = 0x2 - …' lists values.
    import docx
    from docx.enum.style import WD_STYLE_TYPE

    d = docx.Document()
    d.styles.add_style("List Heading", WD_STYLE_TYPE.PARAGRAPH)
    d.styles.add_style("Preformatted Text", WD_STYLE_TYPE.PARAGRAPH)
    d.add_heading("Debian 参考手册", 1)
    for line in ["1. 免责声明", "2. 什么是 Debian", "3.1. 指导原则"]:
        d.add_paragraph(line, style="List Heading")
    d.add_heading("9.4.15. Alt-SysRq 键", 2)
    d.add_paragraph("下列数值可以组合使用。")
    d.add_paragraph("2 = 0x2 - 启用控制台日志级别控制")
    d.add_paragraph("16 = 0x10 - 启用 sync 命令")
    d.add_paragraph("3 重启服务", style="Preformatted Text")
    d.add_paragraph("1. 第一步 安装软件包", style="List Number")
    d.save(str(tmp_path / "lists.docx"))
    top = ("Debian 参考手册",)
    assert _sections(tmp_path / "lists.docx") == [
        (top, ["1. 免责声明", "2. 什么是 Debian", "3.1. 指导原则"]),
        (
            (*top, "9.4.15. Alt-SysRq 键"),
            [
                "下列数值可以组合使用。",
                "2 = 0x2 - 启用控制台日志级别控制",
                "16 = 0x10 - 启用 sync 命令",
                "3 重启服务",
                "1. 第一步 安装软件包",
            ],
        ),
    ]


def test_a_run_of_numbered_lines_over_no_text_is_a_list_not_headings(tmp_path):
    # pandoc writes a book's front page contents (chapters of other files) as plain Body Text paragraphs
    import docx

    d = docx.Document()
    d.add_heading("Debian 参考手册", 1)
    d.add_paragraph("目录")
    contents = ["1. 免责声明", "2. 什么是 Debian", "3. 关于本文档", "3.1. 指导原则", "3.2. “$LANG”变量", "4. 一些提醒"]
    for line in contents:
        d.add_paragraph(line)
    d.add_heading("摘要", 2)
    d.add_paragraph("这本书是自由的。")
    # an outline whose numbered headings head text stays one, numbered sentences under it are its text
    d.add_heading("工作报告", 1)
    for line in ["一、总体要求", "（一）交通运输", "1. 货运量稳步增长，港口吞吐量创历史新高。", "（二）工业生产"]:
        d.add_paragraph(line)
    d.add_paragraph("规模以上工业增加值增长百分之五。")
    d.save(str(tmp_path / "front.docx"))
    report = ("工作报告", "一、总体要求")
    assert _sections(tmp_path / "front.docx") == [
        (("Debian 参考手册",), ["目录", *contents]),
        (("Debian 参考手册", "摘要"), ["这本书是自由的。"]),
        ((*report, "（一）交通运输"), ["1. 货运量稳步增长，港口吞吐量创历史新高。"]),
        ((*report, "（二）工业生产"), ["规模以上工业增加值增长百分之五。"]),
    ]


def test_numbered_headings_whose_title_opens_with_a_year_or_a_quotation_are_headings(tmp_path):
    # a government work report's parts: the title after '一、' opens with a year, a book title or a quotation
    import docx

    heads = ["一、2023年工作回顾", "二、《条例》的主要内容", "三、“双碳”目标的落实"]
    d = docx.Document()
    d.add_heading("政府工作报告", 1)
    for n, head in enumerate(heads):
        d.add_paragraph(head)
        d.add_paragraph(f"这一部分的正文，第{n + 1}段。")
    d.save(str(tmp_path / "report.docx"))
    assert [path for path, _ in _sections(tmp_path / "report.docx")] == [("政府工作报告", h) for h in heads]
