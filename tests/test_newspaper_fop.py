"""The Apache FOP producer (tests/newspaper_fop.py): its gold holds, and what the PDF reader gets right on it.

Seeds are the producer's DIAGNOSIS seeds (19500+), never its REPORT seeds (19000–19039, the held-out figure of
``python benchmarks/formats.py --only FOP``). Skipped, with the reason, when FOP, Java or the fonts are missing
(scripts/install-fop.sh installs them).
"""

from __future__ import annotations

import pytest

from tests.newspaper_fop import (
    JUMP_IN,
    JUMP_OUT,
    check_gold,
    fop_available,
    make_fop_newspaper,
    make_spec,
    page_texts,
)
from tests.newspaper_pdfs import (
    assert_both_pages_read,
    assert_filed_and_stitched,
    assert_gold_check_can_fail,
    assert_gold_checked,
    assert_jumps_marked,
    read_papers,
)

WHY_NOT = fop_available()
pytestmark = pytest.mark.skipif(WHY_NOT is not None, reason=WHY_NOT or "")
SEEDS = (19500, 19502)


@pytest.fixture(scope="module")
def papers(tmp_path_factory: pytest.TempPathFactory) -> list:
    folder = tmp_path_factory.mktemp("fop")
    return [make_fop_newspaper(folder / f"paper-{seed}.pdf", seed) for seed in SEEDS]


def test_gold_pieces_are_printed_on_their_pages(papers: list) -> None:
    """Every kicker, subtitle, byline, caption and paragraph part FOP laid out is read back from the PDF on its gold
    page (a long piece moved to the other page is caught); every jumped story has text on both pages."""
    for paper in papers:
        assert paper.jumps, paper.path.name
        assert_gold_checked(paper, check_gold)
        assert {"byline", "subtitle", "kicker", "caption"} & {p.role for p in paper.pieces}


def test_the_gold_check_catches_text_that_is_not_printed(papers: list) -> None:
    """A piece whose text is not on the page (here: its characters reversed) is reported, so the check can fail."""
    assert_gold_check_can_fail(papers[0], check_gold)


def test_jumped_text_goes_on_under_a_marker_on_page_two(papers: list) -> None:
    """Page 1 says where each jumped story goes, page 2 where it came from; the paragraph cut on page 1 goes on
    at the head of its continuation (a gold piece that ``continues``)."""
    assert_jumps_marked(papers, page_texts, JUMP_OUT, JUMP_IN)
    for paper in papers:
        for headline in paper.jumps:
            first_p2 = next(p for p in paper.pieces if p.article == headline and p.role == "body" and p.page == 2)
            assert first_p2.continues, headline


def test_a_seed_makes_the_same_paper(papers: list) -> None:
    """The seed fixes the paper's dimensions and text (FOP lays out the same input the same way): the gold is
    reproducible, and another seed makes another paper. Checked on the spec, as a paper takes FOP several runs."""
    assert make_spec(SEEDS[0]) == make_spec(SEEDS[0])
    assert make_spec(SEEDS[0]) != make_spec(SEEDS[1])
    assert [p.text for p in papers[1].pieces] != [p.text for p in papers[0].pieces]


@pytest.fixture(scope="module")
def read(papers: list) -> list:
    """(paper, document, outline) as ``qa build`` reads each paper."""
    return read_papers(papers)


def test_reader_reads_both_pages(read: list) -> None:
    assert_both_pages_read(read)


@pytest.mark.xfail(
    strict=True,
    reason="after the second FOP diagnosis (bands starting under tight heads, qa/formats/pdf/bandstarts.py; rules "
    "touching a label): on these diagnosis seeds para→article is 0.964 (n = 28) and 0.889 (n = 63) with 1 of 1 and 1 "
    "of 1 jumps stitched (first sight 0.679 and 0.556, 0 of 2; after the first diagnosis 0.964 and 0.746; report seeds "
    "19000–19039: see the README); remove the mark when the reader reaches it",
)
def test_paragraphs_file_under_their_story_and_jumps_are_stitched(read: list) -> None:
    assert_filed_and_stitched(read)
