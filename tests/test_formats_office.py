"""An office-made newspaper (DOCX by python-docx, printed to PDF by LibreOffice) through `qa build`.

How well such papers are read is measured by benchmarks/formats.py (the HELD OUT office set); these tests
only guard what a user would notice at once: the file is indexed, hits cite the page they were printed
on, the footer's contact line stays out of the text, and the generator's gold is what the PDF prints (with
a control: a gold that names the wrong page must be caught). Skipped where LibreOffice is not installed.
"""

from __future__ import annotations

import dataclasses

import pytest

from qa.search import Searcher
from tests.newspaper_office import check_gold, make_office_newspaper, office_available
from tests.newspaper_pdfs import assert_jumps_span_pages, pages_cited

_why_not = office_available()
pytestmark = pytest.mark.skipif(_why_not is not None, reason=_why_not or "")


@pytest.fixture(scope="module")
def built(tmp_path_factory, use_embedder):
    """A two-page office paper with a jump, built into an index."""
    folder = tmp_path_factory.mktemp("office")
    paper = make_office_newspaper(folder / "paper.pdf", 1, pages=2)
    assert paper.jumps, "seed 1 draws a paper with a jumped story"
    from qa.build import build_index

    index = folder.parent / "office-index"
    report = build_index([folder], index, embedder=use_embedder, progress=False)
    return paper, index, report


def test_the_gold_is_what_the_pdf_prints(built):
    """Every gold piece is a run of its page's text; jumped stories have text on both pages and a marker
    naming the page their continuation is on."""
    paper, _, _ = built
    assert check_gold(paper) == []
    assert_jumps_span_pages(paper)


def test_a_gold_naming_the_wrong_page_is_caught(built):
    """The control: move long body pieces to the other page, or drop a continuation, and check_gold objects."""
    paper, _, _ = built
    moved = [
        dataclasses.replace(p, page=3 - p.page) if p.role == "body" and len(p.text) > 40 else p for p in paper.pieces
    ]
    wrong = dataclasses.replace(paper, pieces=moved)
    assert len(check_gold(wrong)) >= sum(p.role == "body" and len(p.text) > 40 for p in paper.pieces)
    no_continuation = dataclasses.replace(paper, pieces=[p for p in paper.pieces if not p.continues])
    assert len(check_gold(no_continuation)) == len(paper.jumps)


def test_an_office_newspaper_is_indexed_and_its_hits_cite_pages(built, use_embedder):
    paper, index, report = built
    assert report.added == ["paper.pdf"] and not report.problems
    searcher = Searcher(index, embedder=use_embedder)
    chunks = [c for c in searcher.chunks if c.doc_id == "paper.pdf"]
    text = "".join("".join(c.text.split()) for c in chunks)
    assert "地址：" not in text and "主编：" not in text  # the footer's contact or credit line is not body text
    checked = pages_cited(searcher, paper)
    assert checked[1] and checked[2], f"hits found and cited per page: {checked}"
