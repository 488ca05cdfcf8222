"""The Pango/cairo producer (tests/newspaper_pango.py): its gold holds, and what the PDF reader gets right on it.

Seeds are the producer's DIAGNOSIS seeds (18500+), never its REPORT seeds (18000–18039, the held-out figure of
``python benchmarks/formats.py --only Pango``). Skipped, with the reason, when Debian's python3 has no Pango/cairo
bindings or the fonts are missing (scripts/install-pango.sh installs them).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.newspaper_pango import (
    JUMP_IN,
    JUMP_OUT,
    check_gold,
    make_pango_newspaper,
    page_texts,
    pango_available,
)
from tests.newspaper_pdfs import (
    assert_both_pages_read,
    assert_filed_and_stitched,
    assert_gold_checked,
    assert_jumps_marked,
    read_papers,
)

WHY_NOT = pango_available()
pytestmark = pytest.mark.skipif(WHY_NOT is not None, reason=WHY_NOT or "")
SEEDS = (18500, 18502)


@pytest.fixture(scope="module")
def papers(tmp_path_factory: pytest.TempPathFactory) -> list:
    folder = tmp_path_factory.mktemp("pango")
    return [make_pango_newspaper(folder / f"paper-{seed}.pdf", seed) for seed in SEEDS]


def test_gold_pieces_are_printed_in_their_lines_on_their_pages(papers: list) -> None:
    """Every kicker, subtitle, byline, caption and paragraph part the script drew is read back from the PDF in the
    lines it was drawn in, on its gold page (a piece moved to the other page is caught); every jumped story has text
    on both pages."""
    for paper in papers:
        assert paper.jumps, paper.path.name
        assert_gold_checked(paper, check_gold)
        assert {"kicker", "byline", "caption"} & {p.role for p in paper.pieces}


def test_jumped_text_goes_on_under_a_marker_on_page_two(papers: list) -> None:
    """Page 1 says where each jumped story goes, page 2 where it came from; the paragraph cut at the foot of page 1's
    column goes on at the top of its continuation."""
    assert_jumps_marked(papers, page_texts, JUMP_OUT, JUMP_IN)


def test_a_seed_makes_the_same_paper(papers: list, tmp_path: Path) -> None:
    again = make_pango_newspaper(tmp_path / "again.pdf", SEEDS[0])
    assert [p.text for p in again.pieces] == [p.text for p in papers[0].pieces]  # seeded: the gold is reproducible
    assert [p.text for p in papers[1].pieces] != [p.text for p in papers[0].pieces]


@pytest.fixture(scope="module")
def read(papers: list) -> list:
    """(paper, document, outline) as ``qa build`` reads each paper."""
    return read_papers(papers)


def test_reader_reads_both_pages(read: list) -> None:
    assert_both_pages_read(read)


@pytest.mark.xfail(
    strict=True,
    reason="after the kicker and nameplate diagnosis: on these diagnosis seeds para→article is 1.000 and 0.958 "
    "with 1 of 1 and 2 of 2 jumps stitched — 18502 reads a byline and two paragraphs of a story whose centred "
    "headline covers only the middle of its three columns before that headline (first sight: 0.962 and 0.958; see "
    "the README); remove the mark when the reader reaches it",
)
def test_paragraphs_file_under_their_story_and_jumps_are_stitched(read: list) -> None:
    assert_filed_and_stitched(read)
