"""The PDFKit producer (tests/newspaper_pdfkit.py): its gold holds, and what the PDF reader gets right on its papers.

Seeds are the producer's DIAGNOSIS seeds (16500+), never its REPORT seeds (16000–16039, the held-out figure of
``python benchmarks/formats.py --only pdfkit``). Skipped, with the reason, when node, pdfkit or the CJK font is missing
(scripts/install-pdfkit.sh installs pdfkit).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.newspaper_pdfkit import check_gold, make_pdfkit_newspaper, pdfkit_available
from tests.newspaper_pdfs import assert_gold_checked, score_outline

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
