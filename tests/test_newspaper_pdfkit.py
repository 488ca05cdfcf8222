"""The PDFKit producer (tests/newspaper_pdfkit.py): its gold holds, and what the PDF reader gets right on its papers.

Seeds are the producer's DIAGNOSIS seeds (16500+), never its REPORT seeds (16000–16039, the held-out figure of
``python benchmarks/formats.py --only pdfkit``). Skipped, with the reason, when node, pdfkit or the CJK font is missing
(scripts/install-pdfkit.sh installs pdfkit).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.newspaper_pdfkit import check_gold, make_pdfkit_newspaper, pdfkit_available
from tests.newspaper_pdfs import (
    assert_both_pages_read,
    assert_filed_and_stitched,
    assert_gold_checked,
    read_papers,
    squeezed,
)

WHY_NOT = pdfkit_available()
pytestmark = pytest.mark.skipif(WHY_NOT is not None, reason=WHY_NOT or "")
SEEDS = (16500, 16501)


@pytest.fixture(scope="module")
def papers(tmp_path_factory: pytest.TempPathFactory) -> list:
    folder = tmp_path_factory.mktemp("pdfkit")
    return [make_pdfkit_newspaper(folder / f"paper-{seed}.pdf", seed) for seed in SEEDS]


def test_gold_pieces_are_printed_on_their_pages(papers: list) -> None:
    """Every kicker, subtitle, byline, caption, note and paragraph is printed on its gold page (and a piece moved to
    the other page is caught), and every jumped story has text on both pages."""
    for paper in papers:
        assert paper.jumps, paper.path.name
        assert_gold_checked(paper, check_gold)


def test_a_different_seed_makes_a_different_paper(papers: list, tmp_path: Path) -> None:
    again = make_pdfkit_newspaper(tmp_path / "again.pdf", SEEDS[0])
    assert [p.text for p in again.pieces] == [p.text for p in papers[0].pieces]  # seeded: the gold is reproducible
    assert [p.text for p in papers[1].pieces] != [p.text for p in papers[0].pieces]


@pytest.fixture(scope="module")
def read(papers: list) -> list:
    """(paper, document, outline) as ``qa build`` reads each paper."""
    return read_papers(papers)


def test_reader_reads_both_pages_without_the_furniture(read: list) -> None:
    assert_both_pages_read(read)
    for paper, doc, _ in read:
        assert not any(word in doc.text for word in ("责任编辑", "責任編輯", "版式设计", "版式設計")), paper.path.name


def test_every_story_headline_heads_a_section(read: list) -> None:
    """A story's multi-deck head (kicker, head, subtitle centred over it) gives one section named by the head, also
    when a section label, a boxed commentary or a sidebar sits in the story's package."""
    for paper, _, outline in read:
        tops = {squeezed(section.path[0]) for section in outline.sections if section.path}
        heads = {p.article for p in paper.pieces if p.role == "body" and not p.section}
        assert heads and not [h for h in heads if squeezed(h) not in tops], paper.path.name


@pytest.mark.xfail(
    strict=True,
    reason="on these diagnosis seeds para→article is 1.000 and 0.977 with both jumps stitched after the reader's "
    "diagnosis (0.89 and 0.82, one of two jumps, before it; report seeds: see the README) — 16501 still files a "
    "commentary's byline and a paragraph under a neighbour; remove the mark when the reader reaches it",
)
def test_paragraphs_file_under_their_story_and_jumps_are_stitched(read: list) -> None:
    assert_filed_and_stitched(read)
