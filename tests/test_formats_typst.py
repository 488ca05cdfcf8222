"""A newspaper typeset by Typst (a producer the PDF reader was not written against) through `qa build`.

How well such papers are read is measured by benchmarks/formats.py (the HELD OUT Typst set); these tests
only guard what a user would notice at once: the file is indexed, its text is read, hits cite the page
they were printed on, running footers stay out of the text, and the generator's gold is what is printed.
"""

from __future__ import annotations

import pytest

from qa.search import Searcher
from tests.newspaper_pdfs import assert_jumps_span_pages, pages_cited
from tests.newspaper_typst import check_gold, make_typst_newspaper, typst_available

_why_not = typst_available()
pytestmark = pytest.mark.skipif(_why_not is not None, reason=_why_not or "")


@pytest.fixture(scope="module")
def built(tmp_path_factory, use_embedder):
    """A two-page Typst newspaper with a jump, built into an index."""
    folder = tmp_path_factory.mktemp("typst")
    paper = make_typst_newspaper(folder / "paper.pdf", 2, pages=2)
    assert paper.jumps, "seed 2 draws a paper with a jumped story"
    from qa.build import build_index

    index = folder.parent / "typst-index"
    report = build_index([folder], index, embedder=use_embedder, progress=False)
    return paper, index, report


def test_the_gold_is_what_the_pdf_prints(built):
    """Every gold piece's characters appear in order on the page the gold names; every jumped story has
    text on page 1 and on page 2; continuations are only on later pages."""
    paper, _, _ = built
    assert check_gold(paper) == []
    assert_jumps_span_pages(paper)


def test_a_typst_newspaper_is_indexed_and_its_hits_cite_pages(built, use_embedder):
    paper, index, report = built
    assert report.added == ["paper.pdf"] and not report.problems
    searcher = Searcher(index, embedder=use_embedder)
    chunks = [c for c in searcher.chunks if c.doc_id == "paper.pdf"]
    text = "".join("".join(c.text.split()) for c in chunks)
    assert "责任编辑" not in text and "版式：" not in text  # the footer credits are not body text
    checked = pages_cited(searcher, paper)
    assert checked[1] and checked[2], f"hits found and cited per page: {checked}"
