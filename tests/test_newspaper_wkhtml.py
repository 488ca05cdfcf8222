"""The wkhtmltopdf producer (tests/newspaper_wkhtml.py): its PDFs are real, its gold holds, its conventions vary; and
the PDF reader's target on it, recorded as a strict xfail.

Seeds are the producer's DIAGNOSIS seeds (20500+), never its REPORT seeds (20000–20039, the figure of
``python benchmarks/formats.py --only "diagnosed: wkhtmltopdf"``). Skipped, with the reason, when wkhtmltopdf or the
fonts are missing (scripts/install-wkhtmltopdf.sh installs them).
"""

from __future__ import annotations

from collections import Counter

import pytest

from tests.newspaper_pdfs import (
    assert_both_pages_read,
    assert_cut_paragraphs_go_on,
    assert_filed_and_stitched,
    assert_gold_check_can_fail,
    assert_gold_checked,
    assert_jumps_marked,
    read_papers,
)
from tests.newspaper_wkhtml import (
    JUMP_IN,
    JUMP_OUT,
    check_gold,
    make_spec,
    make_wkhtml_newspaper,
    page_texts,
    wkhtmltopdf_available,
)

WHY_NOT = wkhtmltopdf_available()
pytestmark = pytest.mark.skipif(WHY_NOT is not None, reason=WHY_NOT or "")
SEEDS = (20500, 20502)


@pytest.fixture(scope="module")
def papers(tmp_path_factory: pytest.TempPathFactory) -> list:
    folder = tmp_path_factory.mktemp("wkhtml")
    return [make_wkhtml_newspaper(folder / f"paper-{seed}.pdf", seed) for seed in SEEDS]


def test_the_pdf_is_wkhtmltopdfs_with_two_pages_of_text(papers: list) -> None:
    """A real wkhtmltopdf PDF (Qt's writer), two pages, each with its text layer, at the drawn page size."""
    import pdfplumber

    sizes = set()
    for paper in papers:
        with pdfplumber.open(paper.path) as pdf:
            assert "wkhtmltopdf" in pdf.metadata.get("Creator", ""), pdf.metadata
            assert pdf.metadata.get("Producer", "").startswith("Qt"), pdf.metadata
            assert len(pdf.pages) == 2
            assert all(len(page.chars) > 500 for page in pdf.pages)
            sizes.add((round(pdf.pages[0].width), round(pdf.pages[0].height)))
    assert len(sizes) == len(papers)  # each paper its own page size


def test_gold_pieces_are_printed_on_their_pages(papers: list) -> None:
    """Every kicker, subtitle, byline, caption and paragraph part QtWebKit laid out is drawn in the PDF on its gold
    page (a long piece moved to the other page is caught); every jumped story has text on both pages."""
    for paper in papers:
        assert paper.jumps, paper.path.name
        assert_gold_checked(paper, check_gold)
        assert {"byline", "subtitle", "kicker", "caption"} & {p.role for p in paper.pieces}


def test_the_gold_check_catches_text_that_is_not_printed(papers: list) -> None:
    """A piece whose text is not on the page (here: its characters reversed) is reported, so the check can fail."""
    assert_gold_check_can_fail(papers[0], check_gold)


def test_jumped_text_goes_on_under_a_marker_on_page_two(papers: list) -> None:
    """Page 1 says where each jumped story goes, page 2 where it came from; a paragraph cut on page 1 goes on at the
    head of its continuation (a gold piece that ``continues``)."""
    assert_jumps_marked(papers, page_texts, JUMP_OUT, JUMP_IN)
    assert_cut_paragraphs_go_on(papers)


def test_a_seed_makes_the_same_paper(papers: list) -> None:
    """The seed fixes the paper (QtWebKit lays out the same HTML the same way): the gold is reproducible, and another
    seed makes another paper."""
    assert make_spec(SEEDS[0])[1] == make_spec(SEEDS[0])[1]
    assert make_spec(SEEDS[0])[1] != make_spec(SEEDS[1])[1]
    assert [p.text for p in papers[1].pieces] != [p.text for p in papers[0].pieces]


def test_conventions_vary_across_seeds() -> None:
    """Over forty seeds every convention the docstring names is drawn, each in more than one way: column counts 3–6
    on both pages, both mastheads, heads on top / in a side column / vertical, briefs columns, boxes, drop caps,
    photos, all byline styles, marker forms, continuation places and heads, both head faces, traditional papers."""
    seen: dict[str, Counter] = {}
    for seed in range(20500, 20540):
        conventions = make_spec(seed)[3]
        for name, value in conventions.items():
            seen.setdefault(name, Counter())[value] += 1
    assert {c for cols in seen["columns"] for c in cols} == {3, 4, 5, 6}
    for name, values in {
        "masthead": {"across", "corner"},
        "head_face": {"hei", "bold"},
        "marker_form": {"line", "runin"},
        "cont_where": {"top", "middle", "foot"},
        "cont_head": {"head_marker", "head_inline", "marker"},
        "trad": {True, False},
        "indent": {True, False},
    }.items():
        assert set(seen[name]) == values, name
    for used in ("head_top", "head_side", "head_vertical", "briefs", "boxed", "dropcap", "photo", "ear"):
        assert sum(n for v, n in seen.get(used, Counter()).items() if v) >= 3, used
    for byline in ("byline_byline", "byline_dateline", "byline_closing"):
        assert byline in seen, byline


@pytest.fixture(scope="module")
def read(papers: list) -> list:
    """(paper, document, outline) as ``qa build`` reads each paper."""
    return read_papers(papers)


def test_reader_reads_both_pages(read: list) -> None:
    assert_both_pages_read(read)


@pytest.mark.xfail(
    strict=True,
    reason="first sight, before any diagnosis: on these diagnosis seeds para→article was 0.879 (n = 58) and 0.611 "
    "(n = 36) with 0 of 2 and 0 of 1 jumps stitched; after the diagnosis (wkhtml2) 0.914 and 0.944, 1 of 2 and 1 of 1 "
    "(report seeds 20000–20039: see the README); remove the mark when the reader reaches it",
)
def test_paragraphs_file_under_their_story_and_jumps_are_stitched(read: list) -> None:
    assert_filed_and_stitched(read)
