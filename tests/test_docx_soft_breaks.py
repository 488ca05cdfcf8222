"""A line break (Shift+Enter, ``w:br``) inside a Word paragraph parts its lines.

People type Shift+Enter between what are really paragraphs (pasted text often arrives so): a duty roster
'一、值班时间⏎春节期间…。⏎二、值班人员⏎…' in ONE paragraph was read as one glued line, '一、值班时间春节期间…',
with no sections. Its lines are now read as a text file's would be. Lines broken in mid-sentence (a PDF converted
to Word, one break per printed line) still read as one paragraph, each line its own, and a heading whose title is
broken over two lines is still one heading.
"""

from __future__ import annotations

from pathlib import Path

from qa.loading import load_file
from qa.structure import recover_outline


def _sections(path: Path) -> list[tuple[tuple[str, ...], list[str]]]:
    outline = recover_outline(load_file(path))
    return [(s.path, [outline.paragraphs[i].text for i in s.paragraphs]) for s in outline.sections]


def _broken_paragraph(d, lines: list[str]) -> None:  # noqa: ANN001 - python-docx Document
    p = d.add_paragraph()
    for i, line in enumerate(lines):
        run = p.add_run(line)
        if i < len(lines) - 1:
            run.add_break()


def test_numbered_lines_after_soft_breaks_head_their_text(tmp_path):
    import docx

    d = docx.Document()
    d.add_heading("值班安排", 1)
    _broken_paragraph(
        d,
        [
            "一、值班时间",
            "春节期间二月九日至二月十七日，每天八点至次日八点。",
            "二、值班人员",
            "王强（二月九日至十一日），李娜（二月十二日至十四日）。",
            "三、注意事项",
            "值班人员须保持手机畅通，遇突发事件立即报告。",
        ],
    )
    d.save(str(tmp_path / "roster.docx"))
    assert _sections(tmp_path / "roster.docx") == [
        (("值班安排", "一、值班时间"), ["春节期间二月九日至二月十七日，每天八点至次日八点。"]),
        (("值班安排", "二、值班人员"), ["王强（二月九日至十一日），李娜（二月十二日至十四日）。"]),
        (("值班安排", "三、注意事项"), ["值班人员须保持手机畅通，遇突发事件立即报告。"]),
    ]


def test_lines_broken_mid_sentence_stay_one_paragraph_and_a_broken_heading_one_heading(tmp_path):
    import docx

    d = docx.Document()
    d.add_heading("第一章", 1).runs[0].add_break()
    d.paragraphs[-1].add_run("总则")
    # one break per printed line, in mid-sentence: one paragraph, as it reads
    _broken_paragraph(
        d,
        [
            "为了规范本单位的差旅费管理，加强经费支出",
            "的控制，根据国家有关规定，结合本单位实际",
            "情况，制定本办法。",
        ],
    )
    _broken_paragraph(d, ["Travel costs are reimbursed within thirty", "days of the journey, against receipts."])
    d.save(str(tmp_path / "wrapped.docx"))
    assert _sections(tmp_path / "wrapped.docx") == [
        (
            ("第一章 总则",),
            [  # one paragraph each, its lines as Word shows them
                "为了规范本单位的差旅费管理，加强经费支出\n的控制，根据国家有关规定，结合本单位实际\n情况，制定本办法。",
                "Travel costs are reimbursed within thirty\ndays of the journey, against receipts.",
            ],
        )
    ]


def test_a_short_line_ended_by_its_author_is_its_own_line(tmp_path):
    import docx

    d = docx.Document()
    d.add_heading("联系方式", 1)
    _broken_paragraph(d, ["办公室", "电话：010-12345678，工作日上午九点至下午五点接听。"])
    d.save(str(tmp_path / "contact.docx"))
    text = load_file(tmp_path / "contact.docx").text
    assert "办公室\n" in text and "办公室电话" not in text


def test_steps_typed_with_line_breaks_are_a_list_not_headings(tmp_path):
    import docx

    d = docx.Document()
    d.add_heading("升级步骤", 1)
    _broken_paragraph(d, ["操作步骤如下：", "1. 备份数据库", "2. 安装新版本", "3. 重启服务"])
    d.add_paragraph("升级完成后，请检查日志中有无错误信息。")
    d.save(str(tmp_path / "steps.docx"))
    steps = ["操作步骤如下：", "1. 备份数据库", "2. 安装新版本", "3. 重启服务"]
    assert _sections(tmp_path / "steps.docx") == [(("升级步骤",), [*steps, "升级完成后，请检查日志中有无错误信息。"])]


def test_a_chapter_title_typed_over_two_lines_without_a_heading_style_is_one_heading(tmp_path):
    # '第一章⏎总则' set bold 14 pt on a Normal paragraph: the chapter's number is part of its title, not body text
    import docx
    from docx.shared import Pt

    def line(text: str, size: float, bold: bool = False) -> None:
        p = d.add_paragraph()
        parts = text.split("\n")
        for i, part in enumerate(parts):
            run = p.add_run(part)
            run.font.size = Pt(size)
            run.bold = bold or None
            if i < len(parts) - 1:
                run.add_break()

    d = docx.Document()
    line("员工手册", 18, True)
    line("第一章\n总则", 14, True)
    line("为规范公司管理，保障员工合法权益，根据国家有关法律法规，制定本手册。", 12)
    line("第二章\n考勤管理", 14, True)
    line("员工应按时上下班，不得迟到早退，因故不能出勤的应提前请假。", 12)
    line("第三章\n附则", 14, True)
    line("本手册自发布之日起施行，由人力资源部负责解释。", 12)
    d.save(str(tmp_path / "handbook.docx"))
    sections = _sections(tmp_path / "handbook.docx")
    assert [(path[-1], texts) for path, texts in sections if texts] == [
        ("第一章 总则", ["为规范公司管理，保障员工合法权益，根据国家有关法律法规，制定本手册。"]),
        ("第二章 考勤管理", ["员工应按时上下班，不得迟到早退，因故不能出勤的应提前请假。"]),
        ("第三章 附则", ["本手册自发布之日起施行，由人力资源部负责解释。"]),
    ]
