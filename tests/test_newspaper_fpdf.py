"""Newspapers written glyph by glyph by fpdf2 in a shuffled drawing order (a held-out producer) through `qa`.

How well such papers are read is measured by benchmarks/formats.py (the HELD OUT fpdf2 set, seeds 15000+; seeds
15500+ are for diagnosing). These tests guard the producer's gold — every piece is printed on its page where the
producer says, and the page really is drawn out of reading order — and what a user would notice at once on one
real two-page paper: it is indexed and its hits cite the page they were printed on. Skipped with a one-line
reason where fpdf2 or the CJK font is missing.
"""

from __future__ import annotations

import pytest

from tests.newspaper_fpdf import check_gold, fpdf_available, make_fpdf_newspaper
from tests.newspaper_pdfs import assert_gold_checked, pages_cited, section_of, squeezed

_why_not = fpdf_available()
pytestmark = pytest.mark.skipif(_why_not is not None, reason=_why_not or "")

SEED = 3  # a 4-column paper whose lead and a second page-1 story jump to page 2 (not a benchmark seed)


@pytest.fixture(scope="module")
def paper(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fpdf")
    paper = make_fpdf_newspaper(folder / "paper.pdf", SEED, pages=2)
    assert paper.jumps, f"seed {SEED} draws a paper with a jumped story"
    return paper


def test_the_gold_is_what_the_pdf_prints(paper):
    """Every placed line's characters sit in its box and every gold piece is on the page the gold names; jumped
    stories have text on both pages. The control: a gold with long body pieces moved to the other page is caught."""
    assert_gold_checked(paper, check_gold)


@pytest.mark.parametrize("seed", [14, 22])  # one text object per line + squeezing; runs, traditional
def test_other_papers_keep_their_gold_too(tmp_path, seed):
    """Three-page papers, other glyph placements, column counts and scripts: the gold holds there as well."""
    paper = make_fpdf_newspaper(tmp_path / "p.pdf", seed, pages=3)
    assert check_gold(paper) == []
    assert {p.page for p in paper.pieces} == {1, 2, 3}


def test_the_stream_is_not_in_reading_order(paper):
    """What sets this producer apart: the content stream does not draw the page in its reading order. pdfplumber
    lists characters in stream order; the producer's lines (in reading order) must appear out of that order."""
    import pdfplumber

    with pdfplumber.open(str(paper.path)) as pdf:
        chars = pdf.pages[0].chars
        first_at = []
        for line in paper.lines[0]:
            x0, top, x1, bottom = line.box
            at = next(
                (
                    n
                    for n, c in enumerate(chars)
                    if x0 - 0.5 <= (c["x0"] + c["x1"]) / 2 <= x1 + 0.5 and top <= (c["top"] + c["bottom"]) / 2 <= bottom
                ),
                None,
            )
            if at is not None:
                first_at.append(at)
    backwards = sum(b < a for a, b in zip(first_at, first_at[1:], strict=False))
    assert backwards >= 3, f"only {backwards} of {len(first_at)} lines drawn before the line that precedes them"


@pytest.fixture(scope="module")
def built(paper, tmp_path_factory, use_embedder):
    """The paper's outline as `qa` reads it, and an index built from its folder."""
    from qa.build import build_index
    from qa.loading import load_file
    from qa.structure import recover_outline

    index = tmp_path_factory.mktemp("fpdf-index") / "index"
    report = build_index([paper.path.parent], index, embedder=use_embedder, progress=False)
    return recover_outline(load_file(paper.path)), index, report


def test_an_fpdf_newspaper_is_indexed_and_its_hits_cite_pages(paper, built, use_embedder):
    from qa.search import Searcher

    _, index, report = built
    assert report.added == ["paper.pdf"] and not report.problems
    checked = pages_cited(Searcher(index, embedder=use_embedder), paper)
    assert checked[1] and checked[2], f"hits found and cited per page: {checked}"


def test_every_story_is_found_as_a_section(paper, built):
    """A user searching the paper gets each story's text cited under that story's headline."""
    outline = built[0]
    stories = {p.article for p in paper.pieces if p.role == "body" and len(p.text) > 30}
    headed = {squeezed(s.path[-1]) for s in outline.sections if s.path} | {
        squeezed(s.path[0]) for s in outline.sections if s.path
    }
    missing = sorted(h for h in stories if squeezed(h) not in headed)
    assert not missing, f"{len(missing)} of {len(stories)} stories have no section: {missing}"


def test_a_jumped_storys_text_is_cited_under_its_headline_on_both_pages(paper, built):
    """Everything a jumped story prints — on page 1 and, after the jump, on page 2 — is cited under its headline
    ("show the whole section" shows the story from both pages)."""
    outline = built[0]
    for headline in paper.jumps:
        for piece in (p for p in paper.pieces if p.article == headline and p.role == "body"):
            assert (section_of(outline, piece.text) or ())[:1] == (squeezed(headline),), (piece.page, piece.text[:30])
