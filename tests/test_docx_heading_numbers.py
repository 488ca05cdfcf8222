"""The numbers Word draws before numbered headings are part of their titles: '1 总则 › 1.1 目的', not '总则 › 目的'.

Word's multilevel numbering (numbering.xml) draws '1', '1.1', '第一章' before headings; the text holds only the
words, so section paths named sections otherwise than the page and than users' questions ('1.1 目的'). Only
decimal and Chinese counting formats are drawn; a level in another format (letters, Roman) draws nothing.
python-docx has no API for numbering definitions: they are written as raw XML into the numbering part.
"""

from __future__ import annotations

from pathlib import Path

from qa.loading import load_file
from qa.structure import recover_outline

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _sections(path: Path) -> list[tuple[tuple[str, ...], list[str]]]:
    outline = recover_outline(load_file(path))
    return [(s.path, [outline.paragraphs[i].text for i in s.paragraphs]) for s in outline.sections]


def _define(d, num_id: int, levels: list[tuple[str, str, str | None]], legal: frozenset[int] = frozenset()) -> None:  # noqa: ANN001
    """A list ``num_id`` whose levels are (numFmt, lvlText, linked paragraph style id or None); the levels in
    ``legal`` use legal numbering (``w:isLgl``)."""
    from lxml import etree

    numbering = d.part.numbering_part.numbering_definitions._numbering
    xml = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/>'
        + ("<w:isLgl/>" if i in legal else "")
        + f'<w:numFmt w:val="{fmt}"/>'
        + (f'<w:pStyle w:val="{style}"/>' if style else "")
        + f'<w:lvlText w:val="{text}"/></w:lvl>'
        for i, (fmt, text, style) in enumerate(levels)
    )
    numbering.insert(
        0, etree.fromstring(f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="{num_id}">{xml}</w:abstractNum>')
    )
    numbering.append(
        etree.fromstring(f'<w:num xmlns:w="{W}" w:numId="{num_id}"><w:abstractNumId w:val="{num_id}"/></w:num>')
    )


def _number(element, num_id: int, level: int | None) -> None:  # noqa: ANN001 - lxml w:p or w:style
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    num = OxmlElement("w:numPr")
    if level is not None:
        ilvl = OxmlElement("w:ilvl")
        ilvl.set(qn("w:val"), str(level))
        num.append(ilvl)
    nid = OxmlElement("w:numId")
    nid.set(qn("w:val"), str(num_id))
    num.append(nid)
    element.get_or_add_pPr().insert(0, num)


def test_decimal_numbers_of_numbered_heading_paragraphs_are_in_the_path(tmp_path):
    import docx

    d = docx.Document()
    _define(d, 91, [("decimal", "%1", None), ("decimal", "%1.%2", None)])
    for text, level, body in (
        ("总则", 0, None),
        ("目的", 1, "为规范差旅费管理，制定本办法。"),
        ("适用范围", 1, "本办法适用于公司全体员工。"),
        ("报销标准", 0, None),
        ("住宿", 1, "一线城市每晚不超过六百元。"),
    ):
        _number(d.add_heading(text, level + 1)._p, 91, level)
        if body:
            d.add_paragraph(body)
    d.save(str(tmp_path / "rules.docx"))
    assert _sections(tmp_path / "rules.docx") == [
        (("1 总则", "1.1 目的"), ["为规范差旅费管理，制定本办法。"]),
        (("1 总则", "1.2 适用范围"), ["本办法适用于公司全体员工。"]),
        (("2 报销标准", "2.1 住宿"), ["一线城市每晚不超过六百元。"]),
    ]


def test_chinese_numbers_from_heading_styles_linked_to_a_list(tmp_path):
    # Word's usual set-up: the Heading styles carry the list, each list level names its style
    import docx

    d = docx.Document()
    _define(d, 92, [("chineseCounting", "第%1章", "Heading1"), ("chineseCounting", "（%2）", "Heading2")])
    _number(d.styles["Heading 1"].element, 92, None)
    _number(d.styles["Heading 2"].element, 92, 1)
    d.add_heading("总则", 1)
    d.add_heading("目的", 2)
    d.add_paragraph("为规范差旅费管理，制定本办法。")
    for n in range(2, 12):
        d.add_heading(f"附则{n}", 1)
    d.add_heading("施行", 2)
    d.add_paragraph("本办法自发布之日起施行。")
    d.save(str(tmp_path / "styles.docx"))
    sections = _sections(tmp_path / "styles.docx")
    assert sections[0] == (("第一章 总则", "（一）目的"), ["为规范差旅费管理，制定本办法。"])
    assert sections[-1] == (("第十一章 附则11", "（一）施行"), ["本办法自发布之日起施行。"])


def test_other_formats_and_typed_numbers_are_not_drawn_twice(tmp_path):
    import docx

    d = docx.Document()
    _define(d, 93, [("ordinal", "%1.", None)])
    _define(d, 94, [("decimal", "%1", None)])
    _number(d.add_heading("附录", 1)._p, 93, 0)  # '1st.': a format not drawn here
    d.add_paragraph("本附录列出常用术语。")
    _number(d.add_heading("1 总则", 1)._p, 94, 0)  # the author typed the number too
    d.add_paragraph("为规范差旅费管理，制定本办法。")
    d.save(str(tmp_path / "other.docx"))
    assert _sections(tmp_path / "other.docx") == [
        (("附录",), ["本附录列出常用术语。"]),
        (("1 总则",), ["为规范差旅费管理，制定本办法。"]),
    ]


def test_legal_numbering_draws_the_chapter_number_in_digits_under_a_chinese_chapter(tmp_path):
    # Chinese report and thesis templates: chapters '第一章', sections under them in legal numbering ('1.1', not
    # '一.1', the chapter's number drawn in digits as Word draws it)
    import docx

    d = docx.Document()
    _define(
        d,
        93,
        [("chineseCounting", "第%1章", "Heading1"), ("decimal", "%1.%2", "Heading2"), ("decimal", "%1.%2.%3", None)],
        legal=frozenset({1, 2}),
    )
    _number(d.styles["Heading 1"].element, 93, 0)
    _number(d.styles["Heading 2"].element, 93, 1)
    _number(d.styles["Heading 3"].element, 93, 2)
    d.add_heading("总则", 1)
    d.add_heading("目的", 2)
    d.add_paragraph("为规范差旅费管理，制定本办法。")
    d.add_heading("管理", 1)
    d.add_heading("职责", 2)
    d.add_heading("部门", 3)
    d.add_paragraph("各部门负责本部门的差旅审批。")
    d.save(str(tmp_path / "thesis.docx"))
    assert _sections(tmp_path / "thesis.docx") == [
        (("第一章 总则", "1.1 目的"), ["为规范差旅费管理，制定本办法。"]),
        (("第二章 管理", "2.1 职责", "2.1.1 部门"), ["各部门负责本部门的差旅审批。"]),
    ]
