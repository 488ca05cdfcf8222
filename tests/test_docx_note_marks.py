"""A note's mark is not text, but the words sharing its run are.

Word usually gives a footnote reference a run of its own, yet a run may hold text around the mark
('<w:t>本办法由工作组</w:t><w:footnoteReference/><w:t>进行维护</w:t>' in one run, as other writers and edited files
have it) and a note may start with its mark and its words in one run. Skipping the whole run lost the sentence
and the note's text. A custom mark ('*', written as the text right after a reference with
``w:customMarkFollows``) is the mark, not a word of the sentence.
"""

from __future__ import annotations

from docx.oxml import parse_xml

from qa.loading import load_file
from qa.structure import recover_outline

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def test_text_sharing_a_run_with_a_note_mark_is_read_and_a_custom_mark_is_not(tmp_path):
    import docx
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    d = docx.Document()
    d.add_heading("第一章 总则", 1)
    p = d.add_paragraph()
    p._p.append(
        parse_xml(
            f"<w:r {W}><w:t>本办法由工作组</w:t><w:footnoteReference w:id='1'/>"
            "<w:t>进行维护，每年修订一次。</w:t></w:r>"
        )
    )
    p = d.add_paragraph("各区参照执行")
    p._p.append(parse_xml(f"<w:r {W}><w:footnoteReference w:id='2' w:customMarkFollows='1'/><w:t>*</w:t></w:r>"))
    p.add_run("。")
    notes = (
        f"<w:footnotes {W}>"
        "<w:footnote w:id='1'><w:p><w:r><w:footnoteRef/><w:t xml:space='preserve'> 工作组指信息化领导小组办公室。</w:t>"
        "</w:r></w:p></w:footnote>"
        "<w:footnote w:id='2'><w:p><w:r><w:t xml:space='preserve'>* 含经济技术开发区。</w:t></w:r></w:p></w:footnote>"
        "</w:footnotes>"
    )
    ct = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
    d.part.relate_to(Part(PackURI("/word/footnotes.xml"), ct, notes.encode(), d.part.package), f"{RT}/footnotes")
    d.save(str(tmp_path / "marks.docx"))
    outline = recover_outline(load_file(tmp_path / "marks.docx"))
    assert [(p.text, p.role_hint) for p in outline.paragraphs[1:]] == [
        ("本办法由工作组进行维护，每年修订一次。", "body"),
        ("工作组指信息化领导小组办公室。", "footnote"),
        ("各区参照执行。", "body"),
        ("* 含经济技术开发区。", "footnote"),
    ]
