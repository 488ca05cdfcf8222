"""Headings made by direct formatting — bold and a larger size on a Normal paragraph, no heading style — head
sections, as the same text's headings do in a .txt file; a sentence or a phrase that is merely bold does not.

Many Word files are typed so: the author selects a line and makes it bold and bigger. They were read as one
section with no structure. The reader now resolves each line's size and weight as Word does (run, character
style, paragraph style, document defaults) and ranks the lines set apart from the body by type.
"""

from __future__ import annotations

from pathlib import Path

from qa.loading import load_file
from qa.structure import recover_outline


def _sections(path: Path) -> list[tuple[tuple[str, ...], list[str]]]:
    outline = recover_outline(load_file(path))
    return [(s.path, [outline.paragraphs[i].text for i in s.paragraphs]) for s in outline.sections]


def _line(d, text: str, size: float | None = None, bold: bool = False):  # noqa: ANN001, ANN202
    from docx.shared import Pt

    run = d.add_paragraph().add_run(text)
    run.bold = bold or None
    if size is not None:
        run.font.size = Pt(size)
    return run


def test_bold_larger_lines_head_sections_by_their_size(tmp_path):
    import docx

    d = docx.Document()
    _line(d, "年度工作总结", 22, True)
    _line(d, "工作概况", 16, True)
    _line(d, "今年部门共完成项目十二个，比去年增加三个，客户满意度达到百分之九十五。")
    _line(d, "存在问题", 16, True)
    _line(d, "人员流动较大，新员工培训不足，部分项目延期交付。")
    _line(d, "明年计划", 16, True)
    _line(d, "人才培养", 14, True)
    _line(d, "建立导师制度，每位新员工配备一名导师，培训周期三个月。")
    _line(d, "流程优化", 14, True)
    _line(d, "引入项目管理系统，所有任务在线跟踪，每周例会复盘。")
    d.save(str(tmp_path / "summary.docx"))
    top = "年度工作总结"
    assert _sections(tmp_path / "summary.docx") == [
        ((top, "工作概况"), ["今年部门共完成项目十二个，比去年增加三个，客户满意度达到百分之九十五。"]),
        ((top, "存在问题"), ["人员流动较大，新员工培训不足，部分项目延期交付。"]),
        ((top, "明年计划", "人才培养"), ["建立导师制度，每位新员工配备一名导师，培训周期三个月。"]),
        ((top, "明年计划", "流程优化"), ["引入项目管理系统，所有任务在线跟踪，每周例会复盘。"]),
    ]


def test_bold_lines_at_body_size_head_sections_when_several_do(tmp_path):
    # headings typed bold at the body's size, set in a style that sets the size (as Chinese templates do)
    import docx
    from docx.shared import Pt

    d = docx.Document()
    d.styles["Normal"].font.size = Pt(12)
    pairs = [
        ("项目背景", "本项目位于城市东部，占地约五十亩，计划两年建成。"),
        ("建设内容", "新建教学楼两栋，运动场一个，配套道路和绿化。"),
        ("投资估算", "项目总投资约一亿二千万元，由市财政全额拨付。"),
    ]
    for title, body in pairs:
        _line(d, title, bold=True)
        _line(d, body)
    d.save(str(tmp_path / "plan.docx"))
    assert _sections(tmp_path / "plan.docx") == [((title,), [body]) for title, body in pairs]


def test_an_emphasised_sentence_or_a_lone_bold_phrase_is_body(tmp_path):
    import docx

    d = docx.Document()
    _line(d, "关于调整作息时间的通知", 18, True)
    _line(d, "各部门：")
    _line(d, "自下周一起，上午上班时间调整为八点半。")
    _line(d, "请各部门务必于本周五前通知到每一位员工。", bold=True)  # an emphasised sentence
    _line(d, "特别提醒", bold=True)  # a lone bold phrase at the body's size
    _line(d, "食堂开放时间相应顺延半小时，具体安排另行通知。")
    d.save(str(tmp_path / "notice.docx"))
    assert _sections(tmp_path / "notice.docx") == [
        (
            ("关于调整作息时间的通知",),
            [
                "各部门：",
                "自下周一起，上午上班时间调整为八点半。",
                "请各部门务必于本周五前通知到每一位员工。",
                "特别提醒",
                "食堂开放时间相应顺延半小时，具体安排另行通知。",
            ],
        )
    ]


def test_bold_lines_do_not_become_headings_beside_heading_styles(tmp_path):
    # a document that uses heading styles says where its headings are: a bold line in it is emphasis
    import docx

    d = docx.Document()
    d.add_heading("安装说明", 1)
    _line(d, "准备工作", bold=True)
    _line(d, "确认电源电压为二百二十伏。")
    _line(d, "注意事项", bold=True)
    _line(d, "安装时请断开电源。")
    d.save(str(tmp_path / "styled.docx"))
    assert _sections(tmp_path / "styled.docx") == [
        (("安装说明",), ["准备工作", "确认电源电压为二百二十伏。", "注意事项", "安装时请断开电源。"])
    ]


def test_a_title_opening_with_a_year_heads_the_document(tmp_path):
    # '2023年…报告' set large and bold is the document's title, though it opens with a figure
    import docx

    d = docx.Document()
    _line(d, "2023年经济运行情况报告", 18, True)
    _line(d, "全年经济运行总体平稳，主要指标好于预期，结构调整持续推进。", 12)
    _line(d, "总体情况", 14, True)
    _line(d, "地区生产总值增长百分之五点二，居民收入稳步增加。", 12)
    _line(d, "下一步工作", 14, True)
    _line(d, "坚持稳中求进，扩大有效需求，推动高质量发展。", 12)
    d.save(str(tmp_path / "report.docx"))
    top = "2023年经济运行情况报告"
    assert _sections(tmp_path / "report.docx") == [
        ((top,), ["全年经济运行总体平稳，主要指标好于预期，结构调整持续推进。"]),
        ((top, "总体情况"), ["地区生产总值增长百分之五点二，居民收入稳步增加。"]),
        ((top, "下一步工作"), ["坚持稳中求进，扩大有效需求，推动高质量发展。"]),
    ]
