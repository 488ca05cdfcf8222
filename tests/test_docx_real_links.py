"""A contents list written as links is a list, whatever its lines say.

pandoc writes a book's front page (DocBook's contents and its list of tables) as Body Text paragraphs, each
a link to the chapter it names — '2. Debian 软件包管理', '2.6. 使用 apt(8), aptitude(8) 的命令行操作' — sometimes
with the number outside the link. A numbered line with a comma reads as text, so the numbered line above it
seemed to head that text and became a heading: the book's index page grew chapters that had no words.
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


def _link_paragraph(document, number: str, title: str, target: str) -> None:  # noqa: ANN001
    """A Body Text paragraph '<number> <link to target>title</link>', as pandoc writes a contents entry."""
    rid = document.part.relate_to(target, RT.HYPERLINK, is_external=True)
    outside = f"<w:r><w:t xml:space='preserve'>{number} </w:t></w:r>" if number else ""
    inside = f"{title}" if number else title
    document.element.body.insert(
        len(document.element.body) - 1,
        parse_xml(
            f"<w:p {W} {R}>{outside}<w:hyperlink r:id='{rid}'><w:r><w:t xml:space='preserve'>{inside}</w:t></w:r>"
            "</w:hyperlink></w:p>"
        ),
    )


def _field_paragraph(document, text: str) -> None:  # noqa: ANN001
    """A paragraph that is one HYPERLINK field (Word's way of writing a link to a bookmark of another file)."""
    document.element.body.insert(
        len(document.element.body) - 1,
        parse_xml(
            f"<w:p {W}><w:r><w:fldChar w:fldCharType='begin'/></w:r>"
            "<w:r><w:instrText xml:space='preserve'> HYPERLINK \"ch03.docx\" \\l \"_Toc1\" </w:instrText></w:r>"
            "<w:r><w:fldChar w:fldCharType='separate'/></w:r>"
            f"<w:r><w:t xml:space='preserve'>{text}</w:t></w:r><w:r><w:fldChar w:fldCharType='end'/></w:r></w:p>"
        ),
    )


def test_numbered_lines_that_are_links_are_a_contents_list_not_headings(tmp_path):
    import docx

    d = docx.Document()
    d.add_heading("Debian 参考手册", 1)
    d.add_paragraph("目录")
    _link_paragraph(d, "", "1. 免责声明", "ch00.html#disclaimer")
    _link_paragraph(d, "", "2. Debian 软件包管理", "ch02.html")
    _link_paragraph(d, "", "2.1. Debian 软件包管理的前提", "ch02.html#prereq")
    _field_paragraph(d, "3. 系统初始化")
    d.add_paragraph("表格清单")
    _link_paragraph(d, "2.5.", "解决特定软件包问题的主要网站", "ch02.html#sites")
    _link_paragraph(d, "2.6.", "使用 apt(8), aptitude(8) 和 apt-get(8) 的命令行基本软件包管理操作", "ch02.html#ops")
    d.add_heading("摘要", 2)
    d.add_paragraph("这本书是自由的，你可以重新分发和修改本书。")
    d.save(str(tmp_path / "index.docx"))
    contents = [
        "目录",
        "1. 免责声明",
        "2. Debian 软件包管理",
        "2.1. Debian 软件包管理的前提",
        "3. 系统初始化",
        "表格清单",
        "2.5. 解决特定软件包问题的主要网站",
        "2.6. 使用 apt(8), aptitude(8) 和 apt-get(8) 的命令行基本软件包管理操作",
    ]
    assert _sections(tmp_path / "index.docx") == [
        (("Debian 参考手册",), contents),
        (("Debian 参考手册", "摘要"), ["这本书是自由的，你可以重新分发和修改本书。"]),
    ]


def test_a_numbered_heading_with_a_link_in_its_words_or_text_of_links_under_it_stays(tmp_path):
    # only a line that is all link is an entry: a heading naming a link keeps its section, and a heading
    # over a list of links (a "see also" of web sites) still heads it
    import docx

    d = docx.Document()
    d.add_heading("网络设置", 1)
    d.add_paragraph("本章介绍网络设置。")
    p = d.add_paragraph("一、")
    rid = d.part.relate_to("https://example.org/ifupdown", RT.HYPERLINK, is_external=True)
    p._p.append(parse_xml(f"<w:hyperlink {W} {R} r:id='{rid}'><w:r><w:t>ifupdown</w:t></w:r></w:hyperlink>"))
    p.add_run(" 的配置")
    d.add_paragraph("编辑 /etc/network/interfaces 文件。")
    d.add_paragraph("二、参考网站")
    _link_paragraph(d, "", "Debian 网络管理手册", "https://example.org/network")
    _link_paragraph(d, "", "NetworkManager 主页", "https://example.org/nm")
    d.save(str(tmp_path / "net.docx"))
    assert _sections(tmp_path / "net.docx") == [
        (("网络设置",), ["本章介绍网络设置。"]),
        (("网络设置", "一、ifupdown 的配置"), ["编辑 /etc/network/interfaces 文件。"]),
        (("网络设置", "二、参考网站"), ["Debian 网络管理手册", "NetworkManager 主页"]),
    ]
