"""A Word contents list kept as a TOC field (no content control), as Word, WPS and LibreOffice write it before a
report's or an exam booklet's chapters: not indexed, as the content-control kind already is not.

The field ('TOC \\o "1-3" \\h \\z \\u' between ``w:fldChar`` begin/separate/end) keeps its last result, one entry per
paragraph ('第一章 总则<tab>1'); read, those entries were passages a search found before the chapters they name.
(Named for the ownership of this session's DOCX tests.)
"""

from __future__ import annotations

from pathlib import Path

from qa.loading import load_file
from qa.structure import recover_outline

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def _plan(path: Path, after_end: str = "", closed: bool = True) -> None:
    """A plan with heading styles, '目  录' and a cached TOC field after its title (python-docx and lxml)."""
    import docx
    from docx.oxml import parse_xml

    d = docx.Document()
    title = d.add_paragraph("智慧园区管理平台项目实施方案")
    for head, level, body in (
        ("第一章 总则", 1, "本方案规定了项目的建设目标和实施步骤。"),
        ("1.1 建设目标", 2, "到2026年底，实现门禁、停车、能耗三大系统统一接入。"),
        ("第二章 保障措施", 1, "成立项目领导小组，组长由管委会副主任担任。"),
    ):
        d.add_heading(head, level)
        d.add_paragraph(body)
    entries = ["第一章 总则\t1", "1.1 建设目标\t1", "第二章 保障措施\t2"]
    paragraphs = [f"<w:p {_W}>{_run('目  录')}</w:p>"]
    for i, entry in enumerate(entries):
        words, page = entry.split("\t")
        begin = (
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" '
            '\\h \\z \\u </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            if i == 0
            else ""
        )
        end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>' + (_run(after_end) if after_end else "")
        last = i == len(entries) - 1 and closed
        paragraphs.append(f"<w:p {_W}>{begin}{_run(words)}<w:r><w:tab/></w:r>{_run(page)}{end if last else ''}</w:p>")
    anchor = title._p
    for xml in paragraphs:
        element = parse_xml(xml)
        anchor.addnext(element)
        anchor = element
    d.save(str(path))


def _sections(path: Path) -> list[tuple[tuple[str, ...], list[str]]]:
    outline = recover_outline(load_file(path))
    return [(s.path, [outline.paragraphs[i].text for i in s.paragraphs]) for s in outline.sections]


def test_a_contents_field_and_its_caption_are_not_read(tmp_path: Path) -> None:
    _plan(tmp_path / "plan.docx")
    doc = load_file(tmp_path / "plan.docx")
    assert "目 录" not in doc.text and "总则 1" not in doc.text and "建设目标 1" not in doc.text
    assert _sections(tmp_path / "plan.docx") == [
        ((), ["智慧园区管理平台项目实施方案"]),
        (("第一章 总则",), ["本方案规定了项目的建设目标和实施步骤。"]),
        (("第一章 总则", "1.1 建设目标"), ["到2026年底，实现门禁、停车、能耗三大系统统一接入。"]),
        (("第二章 保障措施",), ["成立项目领导小组，组长由管委会副主任担任。"]),
    ]


def test_text_after_the_field_and_an_unclosed_field_are_kept(tmp_path: Path) -> None:
    _plan(tmp_path / "after.docx", after_end="以下为正文。")
    assert "以下为正文。" in load_file(tmp_path / "after.docx").text
    _plan(tmp_path / "damaged.docx", closed=False)  # nothing is dropped on a guess about where the list ends
    text = load_file(tmp_path / "damaged.docx").text
    assert "成立项目领导小组，组长由管委会副主任担任。" in text and "本方案规定了项目的建设目标和实施步骤。" in text
    # (its entries still go: each names a heading and ends in a page number, a contents list typed out)
    assert "第二章 保障措施 2" not in text
