"""A folder of PDF, DOCX, HTML and text files through `qa build` and `qa search`: page citations,
hints kept in the index, and the whole stitched article shown as its section."""

from __future__ import annotations

import json

import pytest

from qa.cli import main
from qa.search import Searcher
from qa.webapp.service import QAService
from tests.newspaper_pdfs import FAMILIES, make_newspaper
from tests.test_formats_docx_html import PAGE, make_report_docx


@pytest.fixture(scope="module")
def mixed(tmp_path_factory, use_embedder):
    """A built index over one of each format, plus the newspaper's gold."""
    folder = tmp_path_factory.mktemp("docs")
    for seed in range(20):
        paper = make_newspaper(folder / "paper.pdf", seed, FAMILIES["broadsheet"], pages=2, columns=4)
        if paper.jumps:
            break
    make_report_docx(folder / "report.docx")
    (folder / "news.html").write_bytes(PAGE.format(charset="utf-8").encode("utf-8"))
    (folder / "notes.txt").write_text("# 备忘\n\n周五下午开会讨论预算。\n", encoding="utf-8")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj")
    index = folder.parent / "index"
    from qa.build import build_index

    report = build_index([folder], index, embedder=use_embedder, progress=False)
    return folder, index, paper, report


def test_every_format_is_indexed_and_the_broken_file_is_reported(mixed):
    _, _, _, report = mixed
    assert sorted(report.added) == ["news.html", "notes.txt", "paper.pdf", "report.docx"]
    assert len(report.problems) == 1 and report.problems[0].startswith("broken.pdf: ")


def test_pdf_hits_cite_pages_and_the_article(mixed, use_embedder, capsys):
    _, index, paper, _ = mixed
    searcher = Searcher(index, embedder=use_embedder)
    headline = paper.jumps[0]
    seam = next(
        c for c in searcher.chunks if c.doc_id == "paper.pdf" and c.section_path == (headline,) and c.page_end == 2
    )
    # Text from the middle of the seam chunk: its start is also the end of the chunk before (overlap),
    # where the earlier hit shows it and the seam's copy is collapsed into it (qa.speakers).
    middle = len(seam.text) // 2
    probe = seam.text[max(0, middle - 30) : middle + 30]
    hit = next(h for h in searcher.search(probe, k=10, mode="keyword") if h.chunk.chunk_id == seam.chunk_id)
    data = hit.to_json()
    assert data["page_end"] == 2 and data["section_path"] == [headline]
    assert f" {seam.pages} § {headline}" in hit.citation and hit.citation.startswith(f"paper.pdf:{hit.lines} p.")
    args = ["search", probe, "--index", str(index), "-k", "10", "--mode", "keyword", "-q", "--show-weak"]
    assert main(args) == 0
    assert hit.citation in capsys.readouterr().out
    # Text documents cite no pages.
    txt = next(c for c in searcher.chunks if c.doc_id == "notes.txt")
    assert txt.page_start is None and "p." not in txt.to_json()


def test_whole_section_shows_the_article_from_both_pages(mixed, use_embedder):
    _, index, paper, _ = mixed
    service = QAService(index, embedder=use_embedder)
    headline = paper.jumps[0]
    chunk = next(c for c in service.searcher.chunks if c.doc_id == "paper.pdf" and c.section_path == (headline,))
    context = service.section_by_chunk(chunk.chunk_id)
    pages = [p["page"] for p in context["paragraphs"]]
    assert 1 in pages and 2 in pages and context["section_path"] == [headline]
    gold = [p.text for p in paper.pieces if p.article == headline and p.role == "body"]
    shown = "".join("".join(p["text"].split()) for p in context["paragraphs"])
    assert all("".join(piece.split()) in shown for piece in gold)


def test_docx_and_html_sections_survive_the_index(mixed, use_embedder):
    _, index, _, _ = mixed
    service = QAService(index, embedder=use_embedder)
    docx_sections = [s["path"] for s in service.outline("report.docx")["sections"]]
    assert ["年度工作报告", "第一章 总体情况", "二、服务业", "（一）交通运输"] in docx_sections
    html_sections = [s["path"] for s in service.outline("news.html")["sections"]]
    assert html_sections[0] == ["城市更新三年行动"]


def test_qa_structure_reads_a_pdf(mixed, capsys):
    folder, _, paper, _ = mixed
    assert main(["structure", str(folder / "paper.pdf")]) == 0
    out = capsys.readouterr().out
    assert paper.jumps[0] in out
    json.dumps(out)


def test_app_upload_accepts_pdf_docx_and_html_and_refuses_a_scan(tmp_path, use_embedder):
    from qa.build import build_index

    start = tmp_path / "start"
    start.mkdir()
    (start / "notes.txt").write_text("周五下午开会讨论预算。\n", encoding="utf-8")
    build_index([start], tmp_path / "index", embedder=use_embedder, progress=False)
    service = QAService(tmp_path / "index", tmp_path / "uploads", embedder=use_embedder)
    make_newspaper(tmp_path / "paper.pdf", 2, FAMILIES["tabloid"], pages=1)
    make_report_docx(tmp_path / "report.docx")
    (tmp_path / "news.htm").write_bytes(PAGE.format(charset="utf-8").encode("utf-8"))
    from reportlab.pdfgen import canvas

    scan = canvas.Canvas(str(tmp_path / "scan.pdf"))
    scan.rect(100, 100, 300, 500, fill=1)
    scan.save()
    result = service.add_documents([tmp_path / n for n in ("paper.pdf", "report.docx", "news.htm", "scan.pdf")])
    assert sorted(result.added) == ["news.htm", "paper.pdf", "report.docx"]
    assert len(result.rejected) == 1 and "scan.pdf: " in result.rejected[0] and "text layer" in result.rejected[0]
    assert "paper.pdf" in service.doc_ids()
