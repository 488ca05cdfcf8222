"""PDF: newspaper pages read in column order, headlines from type size, jumps stitched across pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.loading import load_file, load_paths
from qa.records import CONFIDENT_SECTION
from qa.structure import recover_outline
from tests.newspaper_pdfs import FAMILIES, make_newspaper, score_outline

pytest.importorskip("reportlab")


def _font():
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    return "STSong-Light"


@pytest.mark.parametrize(("family", "seed"), [("broadsheet", 3), ("tabloid", 17), ("broadsheet", 11)])
def test_four_column_two_page_newspaper_articles_and_jumps(tmp_path, family, seed):
    paper = make_newspaper(tmp_path / "paper.pdf", seed, FAMILIES[family], pages=2, columns=4)
    doc = load_file(paper.path)
    assert doc.source_format == "pdf"
    outline = recover_outline(doc)
    score = score_outline(paper, outline)
    assert score.pieces > 20
    assert score.correct / score.pieces >= 0.95, vars(score)
    assert score.stitched == score.jumps, vars(score)
    # Page furniture is not body text; every paragraph knows its page.
    assert "责任编辑" not in doc.text and "— 1 —" not in doc.text and "示例日报" not in doc.text
    assert all(p.page_start in (1, 2) for p in outline.paragraphs)


def test_jumped_article_reads_on_from_page_one_to_page_two(tmp_path):
    for seed in range(20):
        paper = make_newspaper(tmp_path / f"p{seed}.pdf", seed, FAMILIES["broadsheet"], pages=2, columns=4)
        if paper.jumps:
            break
    else:
        pytest.fail("the generator made no jump in 20 papers")
    outline = recover_outline(load_file(paper.path))
    headline = paper.jumps[0]
    section = next(s for s in outline.sections if s.path == (headline,))
    pages = [outline.paragraphs[i].page_start for i in section.paragraphs]
    assert pages == sorted(pages) and pages[0] == 1 and pages[-1] == 2
    first_on_two = next(n for n, p in enumerate(pages) if p == 2)
    continuation = outline.paragraphs[section.paragraphs[first_on_two]]
    assert continuation.text.startswith("（上接第1版）")
    assert "下转第2版" in outline.paragraphs[section.paragraphs[first_on_two - 1]].text
    assert any(st.tail == continuation.index for st in outline.stitches)
    # Markers both ways and the jump headline agree: the stitched text is cited without a doubt mark.
    assert outline.section_confidence(section) >= CONFIDENT_SECTION
    # The repeated jump headline on page 2 is not a second section of the same name.
    assert sum(s.path == (headline,) for s in outline.sections) == 1


def test_kicker_and_subtitle_belong_to_their_headline_not_above_it(tmp_path):
    for seed in range(30):
        paper = make_newspaper(tmp_path / f"k{seed}.pdf", seed, FAMILIES["broadsheet"], pages=1)
        kickers = [p for p in paper.pieces if p.role in ("kicker", "subtitle")]
        if len(kickers) >= 2:
            break
    doc = load_file(paper.path)
    outline = recover_outline(doc)
    headings = {outline.paragraphs[i].text for i, r in outline.roles.items() if r == "heading"}
    for piece in kickers:
        assert piece.text not in headings
        section = next(
            s for s in outline.sections if any(outline.paragraphs[i].text == piece.text for i in s.paragraphs)
        )
        assert section.path == (piece.article,)


def test_report_headings_nest_by_size_and_paragraphs_cross_pages(tmp_path):
    """A single-column report: title > chapter > section by type size; a paragraph broken by the
    page end is one paragraph; the running header and page numbers are dropped."""
    from reportlab.pdfgen import canvas

    font = _font()
    path = tmp_path / "report.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    body = "全市经济运行总体平稳，主要指标好于预期，就业和物价保持稳定，" * 3
    y = 780

    def line(text: str, size: float, x: float = 60) -> None:
        nonlocal y
        c.setFont(font, size)
        c.drawString(x, y, text)
        y -= size * 1.6

    def furniture(page: int) -> None:
        c.setFont(font, 8)
        c.drawString(60, 815, "二〇二六年工作报告")
        c.drawString(290, 25, f"- {page} -")

    furniture(1)
    line("年度工作报告", 22)
    line("第一章 总体情况", 16)
    for _ in range(3):
        text = body
        line(text[:24], 10.5, 81)
        for start in range(24, len(text), 26):
            line(text[start : start + 26], 10.5)
    line("一、工业生产", 13)
    y = 90
    line("规模以上工业增加值增长百分之五，高技术制造业增加", 10.5, 81)  # a full line that runs on over the page end
    c.showPage()
    furniture(2)
    y = 780
    line("值增长百分之九。", 10.5)
    line("第二章 明年安排", 16)
    line("明年将继续扩大有效投资。", 10.5, 81)
    c.save()
    doc = load_file(path)
    outline = recover_outline(doc)
    paths = {s.path: [outline.paragraphs[i].text for i in s.paragraphs] for s in outline.sections}
    assert paths[("年度工作报告", "第一章 总体情况", "一、工业生产")] == [
        "规模以上工业增加值增长百分之五，高技术制造业增加值增长百分之九。"
    ]
    assert ("年度工作报告", "第二章 明年安排") in paths
    assert "二〇二六年工作报告" not in doc.text and "- 2 -" not in doc.text


def _scan_like(path: Path) -> None:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path))
    for k in range(40):  # strokes where a scan would have an image: no text layer
        c.rect(50 + k * 10, 400, 6, 200, fill=1)
    c.save()


def _encrypted(path: Path) -> None:
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), encrypt=StandardEncryption("secret", ownerPassword="owner"))
    c.setFont(_font(), 12)
    c.drawString(72, 720, "需要密码才能打开的文件。")
    c.save()


def test_scans_encrypted_and_broken_pdfs_are_refused_by_name_and_the_rest_load(tmp_path):
    make_newspaper(tmp_path / "good.pdf", 1, FAMILIES["tabloid"], pages=1)
    data = (tmp_path / "good.pdf").read_bytes()
    (tmp_path / "truncated.pdf").write_bytes(data[: len(data) // 2])
    (tmp_path / "renamed.pdf").write_bytes("这其实是文本文件。".encode())
    _scan_like(tmp_path / "scan.pdf")
    _encrypted(tmp_path / "locked.pdf")
    result = load_paths([tmp_path])
    assert [d.doc_id for d in result.documents] == ["good.pdf"]
    messages = {p.split(":", 1)[0]: p for p in result.problems}
    assert set(messages) == {"truncated.pdf", "renamed.pdf", "scan.pdf", "locked.pdf"}
    assert "truncated" in messages["truncated.pdf"]
    assert "no text layer" in messages["scan.pdf"] and "OCR" in messages["scan.pdf"]
    assert "encrypted" in messages["locked.pdf"]
    assert all("\n" not in m for m in messages.values())


def test_jumps_across_page_files_of_one_issue(tmp_path):
    """One PDF per page, indexed together: page 2's continuations cite the page-1 article's headline."""
    import pypdfium2 as pdfium

    for seed in range(20):
        paper = make_newspaper(tmp_path / "whole.pdf", seed, FAMILIES["tabloid"], pages=2, columns=4)
        if paper.jumps:
            break
    issue = tmp_path / "issue"
    issue.mkdir()
    whole = pdfium.PdfDocument(str(paper.path))
    for k in (0, 1):
        part = pdfium.PdfDocument.new()
        part.import_pages(whole, [k])
        part.save(str(issue / f"第{k + 1}版.pdf"))
    page2 = next(d for d in load_paths([issue]).documents if d.doc_id == "第2版.pdf")
    outline = recover_outline(page2)
    section_of = {i: s.path for s in outline.sections for i in s.paragraphs}
    for headline in paper.jumps:
        first = next(p for p in paper.pieces if p.article == headline and p.page == 2 and p.role == "body")
        para = next(p for p in outline.paragraphs if "".join(first.text.split()) in "".join(p.text.split()))
        assert section_of[para.index] == (headline,)
    # Alone, page 2 does not pretend to know: its continuations are sections named by their marker
    # (or by their jump headline).
    alone = recover_outline(load_file(issue / "第2版.pdf"))
    assert not alone.stitches
    # ...and says it is unsure of them (hits show "section uncertain"), not of page 2's own articles.
    runs = [p.index for p in alone.paragraphs if p.text.startswith("（上接")]
    assert runs and all(alone.confidence.get(i, 1.0) < CONFIDENT_SECTION for i in runs)
    own = [s for s in alone.sections if s.path and not any(i in runs for i in s.paragraphs)]
    assert own and all(alone.section_confidence(s) >= CONFIDENT_SECTION for s in own)


def test_a_reader_failure_is_a_message_not_a_crashed_build(tmp_path, monkeypatch):
    """Whatever a strange file does to a reader, the build reports it by name and goes on."""
    import qa.formats.pdf as pdf_reader

    make_newspaper(tmp_path / "odd.pdf", 4, FAMILIES["tabloid"], pages=1)
    (tmp_path / "notes.txt").write_text("照常索引的文本。\n", encoding="utf-8")

    def broken(*_args):  # noqa: ANN202
        raise ZeroDivisionError("layout of a page nobody foresaw")

    monkeypatch.setattr(pdf_reader, "_xy_cut", broken)
    result = load_paths([tmp_path])
    assert [d.doc_id for d in result.documents] == ["notes.txt"]
    assert result.problems == [
        "odd.pdf: could not be read as PDF (ZeroDivisionError: layout of a page nobody foresaw), skipped"
    ]


def test_subheads_inside_articles_are_second_level_sections(tmp_path):
    from dataclasses import replace

    family = replace(FAMILIES["broadsheet"], subheads=1.0)
    for seed in range(10):
        paper = make_newspaper(tmp_path / f"s{seed}.pdf", seed, family, pages=2, columns=4)
        if len(paper.subheads) >= 4 and paper.jumps:
            break
    outline = recover_outline(load_file(paper.path))
    score = score_outline(paper, outline)
    assert score.exact / score.pieces >= 0.95 and score.stitched == score.jumps, vars(score)
    paths = {s.path for s in outline.sections}
    printed = [(h, sub) for h, sub in paper.subheads if any(p.section == (h, sub) for p in paper.pieces)]
    assert printed and all(pair in paths for pair in printed)


def _chromium_paper(path):
    from tests.newspaper_html import CHROMIUM, chromium_browser, make_chromium_newspaper

    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is not installed: no second PDF producer to test against")
    with chromium_browser() as browser:
        return make_chromium_newspaper(path, 1, browser, pages=2)


def _weasy_paper(path):
    from tests.newspaper_weasy import make_weasy_newspaper, weasyprint_available

    why_not = weasyprint_available()
    if why_not:
        pytest.skip(why_not)
    return make_weasy_newspaper(path, 1, pages=2)


@pytest.mark.parametrize(
    ("make_paper", "furniture"),
    [(_chromium_paper, ("本版编辑", "美编")), (_weasy_paper, ("责任编辑", "校对"))],
    ids=["chromium", "weasyprint"],
)
def test_a_newspaper_from_another_producer_is_read_whole_with_its_pages(tmp_path, make_paper, furniture):
    """Other producers' PDFs than reportlab's — Chromium printing CSS multi-column HTML, WeasyPrint's own
    CSS layout engine (stories through one multi-column container, headers in page-margin boxes): paragraphs
    are read whole and cite the page they are printed on; running headers and footers stay out of the text.

    How well these families are read is measured by benchmarks/formats.py (both diagnosed on seeds 7000+;
    tests/test_formats_weasy.py guards the rules that diagnosis added); this test only guards that such a
    file is read at all, with pages right."""
    paper = make_paper(tmp_path / "paper.pdf")
    doc = load_file(paper.path)
    assert doc.source_format == "pdf"
    outline = recover_outline(doc)
    texts = [("".join(p.text.split()), p.page_start) for p in outline.paragraphs]
    body = [p for p in paper.pieces if p.role == "body"]
    assert len(body) > 10
    whole = 0
    for piece in body:
        wanted = "".join(piece.text.split())
        pages = [page for text, page in texts if wanted in text]
        whole += bool(pages)
        assert not pages or pages[0] == piece.page or piece.continues, (piece.text[:30], pages, piece.page)
    assert whole >= 0.8 * len(body), f"{whole} of {len(body)} paragraphs read whole"
    assert not any(word in doc.text for word in furniture)
