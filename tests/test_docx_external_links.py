"""A numbered line that is all a link to a web page is a heading; one linking within the document is an entry.

A news digest or a briefing links each item's title to its source ('一、<link to http://www.gov.cn/>国务院常务
会议部署稳就业工作</link>', the item's text below it). Read as a contents entry because its words were all link,
every item's title became text and its paragraph was cited under the digest's title. A contents entry links
to the part it names: a bookmark in the file (w:anchor, a HYPERLINK field's \\l), '#…', or a chapter file
beside it.
"""

from __future__ import annotations

from pathlib import Path

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml

from qa.loading import load_file
from qa.structure import recover_outline

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def _sections(path: Path) -> list[tuple[tuple[str, ...], list[str]]]:
    outline = recover_outline(load_file(path))
    return [(s.path, [outline.paragraphs[i].text for i in s.paragraphs]) for s in outline.sections]


def _linked(document, number: str, title: str, how: str) -> None:  # noqa: ANN001
    """A bold paragraph '<number><link>title</link>': a web link, a field to a web page, or a bookmark link."""
    run = f"<w:r><w:rPr><w:b/></w:rPr><w:t xml:space='preserve'>{title}</w:t></w:r>"
    if how == "web":
        rid = document.part.relate_to("http://www.gov.cn/", RT.HYPERLINK, is_external=True)
        link = f"<w:hyperlink r:id='{rid}'>{run}</w:hyperlink>"
    elif how == "field":
        link = f"<w:fldSimple w:instr=' HYPERLINK \"https://www.mof.gov.cn/zhengwuxinxi/\" '>{run}</w:fldSimple>"
    else:
        link = f"<w:hyperlink w:anchor='{how}'>{run}</w:hyperlink>"
    document.element.body.insert(
        len(document.element.body) - 1,
        parse_xml(f"<w:p {W} {R}><w:r><w:rPr><w:b/></w:rPr><w:t>{number}</w:t></w:r>{link}</w:p>"),
    )


def test_items_whose_titles_link_to_web_pages_are_headings(tmp_path):
    import docx

    d = docx.Document()
    d.add_heading("每日要闻摘编", 1)
    items = [
        ("一、", "国务院常务会议部署稳就业工作", "web", "会议指出，要加大对中小企业的支持力度，稳定和扩大就业岗位。"),
        ("二、", "财政部发布专项债券管理办法", "field", "办法明确了专项债券的发行、使用和偿还要求，防范债务风险。"),
    ]
    for number, title, how, body in items:
        _linked(d, number, title, how)
        d.add_paragraph(body)
    d.save(str(tmp_path / "digest.docx"))
    assert _sections(tmp_path / "digest.docx") == [
        (("每日要闻摘编", f"{number}{title}"), [body]) for number, title, _, body in items
    ]


def test_a_numbered_line_linking_to_a_bookmark_in_the_file_is_a_contents_entry(tmp_path):
    import docx

    d = docx.Document()
    d.add_heading("年度报告", 1)
    d.add_paragraph("目录")
    _linked(d, "一、", "总体情况", "_Toc1")
    d.add_paragraph("（本目录由编辑部整理，各部分见正文。）")
    _linked(d, "二、", "主要工作", "_Toc2")
    d.add_heading("一、总体情况", 2)
    d.add_paragraph("全年各项工作稳步推进。")
    d.save(str(tmp_path / "report.docx"))
    assert _sections(tmp_path / "report.docx") == [
        (("年度报告",), ["目录", "一、总体情况", "（本目录由编辑部整理，各部分见正文。）", "二、主要工作"]),
        (("年度报告", "一、总体情况"), ["全年各项工作稳步推进。"]),
    ]
