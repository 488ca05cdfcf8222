"""A Word file whose notes part is damaged or empty is still read: its body, and any other notes part.

The notes are a separate part of the package (word/footnotes.xml, word/endnotes.xml). A truncated or
zero-byte footnotes part — a file cut short by a failed copy, a tool that wrote an empty part — made the whole
document unreadable ('not a readable Word .docx file'), and a user lost every paragraph of it to a footnote.
"""

from __future__ import annotations

import logging

import pytest
from docx.oxml import parse_xml

from qa.loading import load_file
from qa.structure import recover_outline

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _part(document, kind: str, data: bytes) -> None:  # noqa: ANN001
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    content_type = f"application/vnd.openxmlformats-officedocument.wordprocessingml.{kind}s+xml"
    document.part.relate_to(
        Part(PackURI(f"/word/{kind}s.xml"), content_type, data, document.part.package), f"{RT}/{kind}s"
    )


def _notes_xml(kind: str, text: str) -> bytes:
    return (
        f"<?xml version='1.0' encoding='UTF-8' standalone='yes'?><w:{kind}s {W}><w:{kind} w:id='1'><w:p>"
        f"<w:r><w:{kind}Ref/></w:r><w:r><w:t xml:space='preserve'> {text}</w:t></w:r></w:p></w:{kind}></w:{kind}s>"
    ).encode()


def _reference(paragraph, kind: str) -> None:  # noqa: ANN001
    paragraph._p.append(parse_xml(f"<w:r {W}><w:{kind}Reference w:id='1'/></w:r>"))


@pytest.mark.parametrize("damage", ["truncated", "zero bytes", "no root"])
def test_a_damaged_footnotes_part_loses_its_notes_not_the_document(tmp_path, caplog, damage):
    import docx

    d = docx.Document()
    d.add_heading("第一章 总则", 1)
    _reference(d.add_paragraph("本办法由工作组进行维护。"), "footnote")
    d.add_heading("第二章 附则", 1)
    _reference(d.add_paragraph("本办法自发布之日起施行。"), "endnote")
    good = _notes_xml("footnote", "工作组指信息化领导小组办公室。")
    bad = {"truncated": good[:-20], "zero bytes": b"", "no root": b"<?xml version='1.0'?>"}[damage]
    _part(d, "footnote", bad)
    _part(d, "endnote", _notes_xml("endnote", "施行日期以印发日期为准。"))
    d.save(str(tmp_path / "damaged.docx"))
    with caplog.at_level(logging.WARNING):
        outline = recover_outline(load_file(tmp_path / "damaged.docx"))
    sections = {s.path: [outline.paragraphs[i].text for i in s.paragraphs] for s in outline.sections}
    assert sections == {
        ("第一章 总则",): ["本办法由工作组进行维护。"],
        ("第二章 附则",): ["本办法自发布之日起施行。", "施行日期以印发日期为准。"],
    }
    assert any("damaged.docx" in r.getMessage() and "footnotes.xml" in r.getMessage() for r in caplog.records)
