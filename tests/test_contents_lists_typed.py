"""A contents list is navigation, not text, however it was made: typed out in Word, in Word's own contents styles, or
printed under a bilingual title ('目录 Contents', as annual reports and standards print it).

Left in, a question about a part of the report ('分季度主要财务指标') found the contents line naming it first and
cited '目录 Contents' (an exploratory tester's annual report, LibreOffice and Word alike). Lines that only look like
entries — a cross-reference naming a heading with a page number, label-and-number rows — stay."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.loading import load_file
from qa.structure import recover_outline
from tests.reportlab_pages import microhei_canvas

HEADS = ["第一节 重要提示", "第二节 公司简介和主要财务指标", "一、主要会计数据和财务指标", "二、分季度主要财务指标"]
BODIES = [
    "公司董事会保证年度报告内容的真实、准确、完整，不存在虚假记载、误导性陈述或重大遗漏。",
    "本公司主营电子元器件的研发、生产和销售，总部位于江州市高新区。",
    "报告期内公司营业收入八十六亿元，同比增长百分之十六点八。",
    "第四季度营业收入最高，主要受消费电子旺季及海外订单集中交付影响。",
]


def _sections(path: Path) -> dict[str, list[str]]:
    outline = recover_outline(load_file(path))
    return {" › ".join(s.path): [outline.paragraphs[i].text for i in s.paragraphs] for s in outline.sections}


def _report_docx(path: Path, contents_title: str, entry_style: str | None, numbers: bool, extra: list[str]) -> None:
    import docx
    from docx.enum.style import WD_STYLE_TYPE

    d = docx.Document()
    if entry_style and entry_style not in [s.name for s in d.styles]:
        d.styles.add_style(entry_style, WD_STYLE_TYPE.PARAGRAPH)
    d.add_paragraph("华晟电子股份有限公司2023年年度报告", style="Title")
    d.add_heading(contents_title, 1)
    for k, head in enumerate(HEADS):
        d.add_paragraph(f"{head}\t{2 + k // 2}" if numbers else head, style=entry_style)
    for line in extra:
        d.add_paragraph(line)
    for head, body in zip(HEADS, BODIES, strict=True):
        d.add_heading(head, 1 if head.startswith("第") else 2)
        d.add_paragraph(body)
    d.save(str(path))


def _entries_left(sections: dict[str, list[str]]) -> list[str]:
    return [text for texts in sections.values() for text in texts if any(text.startswith(h) for h in HEADS)]


@pytest.mark.parametrize("title", ["目录", "目录 Contents", "Contents"])
def test_a_contents_list_typed_out_in_word_is_dropped(tmp_path, title) -> None:
    _report_docx(tmp_path / "report.docx", title, None, True, [])
    sections = _sections(tmp_path / "report.docx")
    assert _entries_left(sections) == [], sections
    quarterly = next(path for path, texts in sections.items() if BODIES[3] in texts)
    assert quarterly.endswith("第二节 公司简介和主要财务指标 › 二、分季度主要财务指标"), sections
    assert all(BODIES[k] in " ".join(t for texts in sections.values() for t in texts) for k in range(4))


def test_lines_in_words_contents_styles_are_dropped_without_page_numbers(tmp_path) -> None:
    _report_docx(tmp_path / "report.docx", "目录", "TOC 1", False, [])
    assert _entries_left(_sections(tmp_path / "report.docx")) == []


def test_cross_references_and_label_rows_that_look_like_entries_stay(tmp_path) -> None:
    # two lines naming headings with a number are cross-references (no list of three); label rows name no heading
    import docx

    d = docx.Document()
    d.add_heading("第一节 重要提示", 1)
    d.add_paragraph("利润分配预案详见第二节 公司简介和主要财务指标 5")
    d.add_paragraph("一季度经费 120")
    d.add_paragraph("二季度经费 135")
    d.add_paragraph("三季度经费 150")
    d.add_heading("第二节 公司简介和主要财务指标", 1)
    d.add_paragraph(BODIES[1])
    d.save(str(tmp_path / "notes.docx"))
    texts = [t for texts in _sections(tmp_path / "notes.docx").values() for t in texts]
    for kept in ("利润分配预案详见第二节 公司简介和主要财务指标 5", "一季度经费 120", "三季度经费 150", BODIES[1]):
        assert kept in texts, texts


def _pdf_with_contents(path: Path, title: str) -> None:
    c, (w, h) = microhei_canvas(path)
    c.setFont("W", 18)
    c.drawCentredString(w / 2, h - 80, title)
    y = h - 130
    for head in HEADS:
        c.setFont("W", 11)
        c.drawString(80 + (20 if head.startswith(("一", "二")) else 0), y, head)
        c.drawRightString(w - 80, y, "2")  # within the document (a page number past its end is no entry)
        y -= 24
    c.showPage()
    y = h - 80
    for head, body in zip(HEADS, BODIES, strict=True):
        c.setFont("W", 16 if head.startswith("第") else 13)
        c.drawString(80, y, head)
        c.setFont("W", 11)
        c.drawString(80, y - 26, body[:36])
        c.drawString(80, y - 44, body[36:])
        y -= 90
    c.showPage()
    c.save()


@pytest.mark.parametrize("title", ["目录 Contents", "CONTENTS / 目录", "目  录"])
def test_a_pdf_contents_page_under_a_bilingual_title_is_dropped(tmp_path, title) -> None:
    _pdf_with_contents(tmp_path / "report.pdf", title)
    sections = _sections(tmp_path / "report.pdf")
    assert _entries_left(sections) == [], sections
    quarterly = next(path for path, texts in sections.items() if any(BODIES[3][:20] in t for t in texts))
    assert quarterly.endswith("二、分季度主要财务指标"), sections


def test_a_contents_page_whose_leaders_end_ragged_is_dropped(tmp_path) -> None:
    # a contents list typed with a fixed number of dots: its page numbers do not line up at the right
    pytest.importorskip("reportlab")
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    heads = ["1 Network Overview", "1.1 Substations", "2 Reliability Performance", "2.2 Fault Causes"]
    bodies = [f"Paragraph {k} of the report says what the grid did in the year under review." for k in range(4)]
    w, h = A4
    c = canvas.Canvas(str(tmp_path / "grid.pdf"), pagesize=A4)
    c.setFont("Helvetica-Bold", 18)
    c.drawString(72, h - 72, "Contents")
    for k, head in enumerate(heads):
        c.setFont("Helvetica", 11)
        c.drawString(72, h - 110 - 20 * k, f"{head} {'.' * 40} 2")
    c.showPage()
    y = h - 72
    for head, body in zip(heads, bodies, strict=True):
        c.setFont("Helvetica-Bold", 14 if "." not in head.split()[0] else 12)
        c.drawString(72, y, head)
        c.setFont("Helvetica", 11)
        c.drawString(72, y - 22, body)
        y -= 70
    c.showPage()
    c.save()
    outline = recover_outline(load_file(tmp_path / "grid.pdf"))
    texts = [outline.paragraphs[i].text for s in outline.sections for i in s.paragraphs]
    assert not any("...." in t for t in texts), texts
    where = {outline.paragraphs[i].text: s.path for s in outline.sections for i in s.paragraphs}
    assert where[bodies[3]][-1] == "2.2 Fault Causes", where
