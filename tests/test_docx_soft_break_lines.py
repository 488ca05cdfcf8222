"""Lines a Word author parts with Shift+Enter (``w:br``) inside one paragraph stay lines of one paragraph.

A meeting's field block '时间：…⏎地点：…⏎主持人：张三⏎参会人员：…' was read as '…主持人：张三' glued into one line
and '参会人员：…' cut off as a paragraph of its own (a passage showed '张三参会人员'); a sentence broken mid-way
('本办法由⏎人力资源部负责解释') was cut into two paragraphs, so a passage could end in mid-sentence. Each line now
stays a line of the document (its own citation line), the paragraph stays whole, and pasted text whose breaks
end sentences or come before numbered heads is still parted into paragraphs (``test_docx_soft_breaks``).
"""

from __future__ import annotations

from pathlib import Path

from qa.chunking import chunk_outline
from qa.loading import load_file
from qa.structure import recover_outline

FIELDS = ["时间：2024年5月8日", "地点：第一会议室", "主持人：张三", "参会人员：李四、王五"]


def _paragraph(d, lines: list[str]) -> None:  # noqa: ANN001 - python-docx Document
    p = d.add_paragraph()
    for i, line in enumerate(lines):
        run = p.add_run(line)
        if i < len(lines) - 1:
            run.add_break()


def _minutes(tmp_path: Path) -> Path:
    import docx

    d = docx.Document()
    d.add_heading("会议纪要", 1)
    _paragraph(d, FIELDS)
    d.add_heading("一、关于预算", 2)
    _paragraph(d, ["会议认为预算方案总体可行。本办法由", "财务部负责解释，自发布之日起施行。"])
    _paragraph(d, ["第三条 有下列情形之一的，依照本办法", "第五条规定处理：未经批准擅自施工的。"])
    _paragraph(d, ["张三", "2024年5月8日"])
    path = tmp_path / "minutes.docx"
    d.save(str(path))
    return path


def test_a_field_block_is_one_paragraph_of_its_lines_never_glued(tmp_path):
    doc = load_file(_minutes(tmp_path))
    outline = recover_outline(doc)
    [fields] = [p for p in outline.paragraphs if "主持人" in p.text]
    assert fields.text.split("\n") == FIELDS
    lines = doc.text.split("\n")
    assert lines[fields.line_start - 1 : fields.line_end] == FIELDS  # each field cites its own line
    section = next(s for s in outline.sections if fields.index in s.paragraphs)
    assert section.path == ("会议纪要",)
    shown = " ".join(c.text for c in chunk_outline(outline))
    assert "张三参会人员" not in shown and "主持人：张三 参会人员：李四、王五" in shown


def test_a_sentence_broken_mid_way_stays_one_paragraph(tmp_path):
    outline = recover_outline(load_file(_minutes(tmp_path)))
    texts = [p.text for p in outline.paragraphs]
    assert "会议认为预算方案总体可行。本办法由\n财务部负责解释，自发布之日起施行。" in texts
    assert "第三条 有下列情形之一的，依照本办法\n第五条规定处理：未经批准擅自施工的。" in texts
    assert "张三\n2024年5月8日" in texts  # a signature: its lines, one paragraph
    section = next(s for s in outline.sections if any("本办法由" in outline.paragraphs[i].text for i in s.paragraphs))
    assert section.path == ("会议纪要", "一、关于预算")
