"""A newspaper typeset by XeLaTeX (a held-out producer the PDF reader was not written against) through `qa`.

How well such papers are read is measured by benchmarks/formats.py (the HELD OUT LaTeX set, seeds 13000+);
these tests guard what a user would notice at once on one real two-page paper: it is indexed, its hits cite
the page they were printed on, its stories are found as sections, and a story that jumps to page 2 is read
as one article across both pages. The generator's gold is checked against the PDF first (with a control).
Skipped with a one-line reason where xelatex, its packages or the fonts are missing (scripts/install-latex.sh).
"""

from __future__ import annotations

import pytest

from qa.loading import load_file
from qa.search import Searcher
from qa.structure import recover_outline
from tests.newspaper_latex import check_gold, latex_available, make_latex_newspaper
from tests.newspaper_pdfs import assert_gold_checked, pages_cited, section_of, squeezed

_why_not = latex_available()
pytestmark = pytest.mark.skipif(_why_not is not None, reason=_why_not or "")

SEED = 4  # a 4-column paper whose lead and a second page-1 story jump to page 2 (not a benchmark seed)


@pytest.fixture(scope="module")
def built(tmp_path_factory, use_embedder):
    """The two-page LaTeX paper, its outline as `qa` reads it, and an index built from it."""
    folder = tmp_path_factory.mktemp("latex")
    paper = make_latex_newspaper(folder / "paper.pdf", SEED, pages=2)
    assert paper.jumps, f"seed {SEED} draws a paper with a jumped story"
    from qa.build import build_index

    index = folder.parent / "latex-index"
    report = build_index([folder], index, embedder=use_embedder, progress=False)
    outline = recover_outline(load_file(paper.path))
    return paper, outline, index, report


def test_the_gold_is_what_the_pdf_prints(built):
    """Every gold piece's characters appear in order on the page the gold names; jumped stories have text on
    both pages. The control: a gold with long body pieces moved to the other page is caught."""
    paper = built[0]
    assert_gold_checked(paper, check_gold)


def test_a_latex_newspaper_is_indexed_and_its_hits_cite_pages(built, use_embedder):
    paper, _, index, report = built
    assert report.added == ["paper.pdf"] and not report.problems
    searcher = Searcher(index, embedder=use_embedder)
    checked = pages_cited(searcher, paper)
    assert checked[1] and checked[2], f"hits found and cited per page: {checked}"


def test_every_story_is_found_as_a_section(built):
    """A user searching the paper gets each story's text cited under that story's headline."""
    paper, outline = built[0], built[1]
    stories = {p.article for p in paper.pieces if p.role == "body" and len(p.text) > 30}
    headed = {squeezed(s.path[0]) for s in outline.sections if s.path}
    missing = sorted(h for h in stories if squeezed(h) not in headed)
    assert not missing, f"{len(missing)} of {len(stories)} stories have no section: {missing}"


def test_a_jumped_story_holds_its_text_from_both_pages(built):
    """ "Show the whole section" of a jumped story shows text from page 1 and from page 2."""
    paper, outline = built[0], built[1]
    for headline in paper.jumps:
        pages = {
            outline.paragraphs[i].page_start
            for s in outline.sections
            if s.path and squeezed(s.path[0]) == squeezed(headline)
            for i in s.paragraphs
        }
        assert {1, 2} <= pages, (headline, pages)


def test_a_jumped_storys_continuation_is_cited_under_its_headline(built, use_embedder):
    """Everything a jumped story goes on with on page 2 — first the rest of the sentence the jump cut — is cited
    under the story's headline with page 2, not under whatever story precedes it in the reading order."""
    paper, outline, index, _ = built
    searcher = Searcher(index, embedder=use_embedder)
    for headline in paper.jumps:
        later = [p for p in paper.pieces if p.article == headline and p.page == 2 and p.role == "body"]
        for piece in later:
            assert (section_of(outline, piece.text) or ())[:1] == (squeezed(headline),), (headline, piece.text[:30])
        body = squeezed(next(p for p in later if len(squeezed(p.text)) >= 40).text)
        probe = body[len(body) // 2 - 8 : len(body) // 2 + 8]
        hit = next(h for h in searcher.search(probe, k=10, mode="keyword") if probe in squeezed(h.chunk.text))
        assert squeezed(hit.section_path[0]) == squeezed(headline), (probe, hit.citation)
        assert hit.chunk.page_start <= 2 <= hit.chunk.page_end, (probe, hit.citation)
