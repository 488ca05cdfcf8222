"""The ConTeXt producer (tests/newspaper_context.py): its PDFs are ConTeXt's, its gold holds, its conventions vary;
and the PDF reader's target on it, recorded as a strict xfail.

Seeds are the producer's DIAGNOSIS seeds (21500+), never its REPORT seeds (21000–21039, the held-out figure of
``python benchmarks/formats.py --only ConTeXt``). Skipped, with the reason, when ConTeXt or the fonts are missing
(scripts/install-context.sh installs them). ConTeXt takes 5–10 s a run and a paper 2–3 runs; the runs are cached by
their source's hash (~/.cache/qa-newspaper-context), so a second test run costs none.
"""

from __future__ import annotations

from collections import Counter

import pytest

from tests.newspaper_context import (
    JUMP_IN,
    JUMP_OUT,
    check_gold,
    context_available,
    make_context_newspaper,
    make_spec,
    page_texts,
    tex,
)
from tests.newspaper_pdfs import (
    assert_both_pages_read,
    assert_cut_paragraphs_go_on,
    assert_filed_and_stitched,
    assert_gold_check_can_fail,
    assert_gold_checked,
    assert_headlines_set_as_heads,
    assert_jumps_marked,
    read_papers,
)

WHY_NOT = context_available()
pytestmark = pytest.mark.skipif(WHY_NOT is not None, reason=WHY_NOT or "")
SEEDS = (21500, 21501)


@pytest.fixture(scope="module")
def papers(tmp_path_factory: pytest.TempPathFactory) -> list:
    folder = tmp_path_factory.mktemp("context")
    return [make_context_newspaper(folder / f"paper-{seed}.pdf", seed) for seed in SEEDS]


def test_the_pdf_is_contexts_with_two_pages_of_text(papers: list) -> None:
    """A real ConTeXt PDF (LuaTeX's writer), two pages, each with its text layer, at the drawn page size."""
    import pdfplumber

    sizes = set()
    for paper in papers:
        with pdfplumber.open(paper.path) as pdf:
            assert "ConTeXt" in pdf.metadata.get("Creator", ""), pdf.metadata
            assert pdf.metadata.get("Producer", "").startswith("LuaTeX"), pdf.metadata
            assert len(pdf.pages) == 2
            assert all(len(page.chars) > 500 for page in pdf.pages)
            sizes.add((round(pdf.pages[0].width), round(pdf.pages[0].height)))
    assert len(sizes) == len(papers)  # each paper its own page size


def test_gold_pieces_are_printed_on_their_pages(papers: list) -> None:
    """Every kicker, subtitle, byline, caption and paragraph part ConTeXt shipped is drawn in the PDF on its gold page
    (a long piece moved to the other page is caught); every jumped story has text on both pages."""
    for paper in papers:
        assert paper.jumps, paper.path.name
        assert_gold_checked(paper, check_gold)
        assert {"byline", "subtitle", "kicker", "caption"} & {p.role for p in paper.pieces}


def test_every_headline_is_printed_as_a_head(papers: list) -> None:
    """Each story's headline is set as a head, larger than the body (or in 黑体, a brief's run-in head), not at the
    body size in the body face: ConTeXt 2021 honoured a bodyfont switch to a size only the first time that size was
    asked for, and every later head of the size came out as a line of body text."""
    assert_headlines_set_as_heads(papers)


def test_the_gold_check_catches_text_that_is_not_printed(papers: list) -> None:
    """A piece whose text is not on the page (here: its characters reversed) is reported, so the check can fail."""
    assert_gold_check_can_fail(papers[0], check_gold)


def test_jumped_text_goes_on_under_a_marker_on_page_two(papers: list) -> None:
    """Page 1 says where each jumped story goes, page 2 where it came from; a paragraph cut on page 1 goes on at the
    head of its continuation (a gold piece that ``continues``)."""
    assert_jumps_marked(papers, page_texts, JUMP_OUT, JUMP_IN)
    assert_cut_paragraphs_go_on(papers)


def test_tex_specials_are_typeset_as_text() -> None:
    """Article text reaches ConTeXt as text: its special characters are ConTeXt's letter commands, so a '%' does not
    swallow the rest of a paragraph nor a '#' stop the run (and plain text is left as it is)."""
    assert tex("增长5%，见#3") == r"增长5\letterpercent{}，见\letterhash{}3"
    assert tex("国务院总理") == "国务院总理"


def test_a_seed_makes_the_same_paper(papers: list) -> None:
    """The seed fixes the paper's plan (ConTeXt lays out the same source the same way): the gold is reproducible,
    and another seed makes another paper."""
    assert repr(make_spec(SEEDS[0])[1]) == repr(make_spec(SEEDS[0])[1])
    assert repr(make_spec(SEEDS[0])[1]) != repr(make_spec(SEEDS[1])[1])
    assert [p.text for p in papers[1].pieces] != [p.text for p in papers[0].pieces]


def test_conventions_vary_across_seeds() -> None:
    """Over forty seeds every convention the docstring names is drawn, each in more than one way: column counts 3–6
    on both pages, both mastheads, across and flow bands, sidebars, briefs strips in three run-in styles, photos,
    second jumps, all byline styles, marker forms, continuation places and heads, both head faces, traditional
    papers."""
    seen: dict[str, Counter] = {}
    for seed in range(21500, 21540):
        conventions = make_spec(seed)[3]
        for name, value in conventions.items():
            seen.setdefault(name, Counter())[value] += 1
    assert {c for cols in seen["columns"] for c in cols} == {3, 4, 5, 6}
    for name, values in {
        "masthead": {"banner", "flag"},
        "head_face": {"hei", "bold"},
        "head_align": {"left", "center"},
        "marker_form": {"line", "runin"},
        "cont_where": {"top", "middle", "foot"},
        "cont_head": {"head_marker", "short_head", "marker"},
        "runin_style": {"bold", "bracket", "square"},
        "trad": {True, False},
        "indent": {True, False},
    }.items():
        assert set(seen[name]) == values, name
    for used in ("across", "flow", "sidebar", "briefs", "photo", "second_jump", "label", "kicker"):
        assert sum(n for v, n in seen.get(used, Counter()).items() if v) >= 3, used
    for byline in ("byline_line", "byline_dateline", "byline_closing"):
        assert byline in seen, byline


@pytest.fixture(scope="module")
def read(papers: list) -> list:
    """(paper, document, outline) as ``qa build`` reads each paper."""
    return read_papers(papers)


def test_reader_reads_both_pages(read: list) -> None:
    assert_both_pages_read(read)


@pytest.mark.xfail(
    strict=True,
    reason="the reader as on main, on the papers since the producer prints heads at their sizes: para→article 0.350 "
    "(n = 20) and 0.968 (n = 31), 0 of 1 and 2 of 2 jumps stitched (first sight, heads printed as body text: 0.350 and "
    "0.333); report seeds 21000–21039: see the README; remove the mark when the reader reaches it",
)
def test_paragraphs_file_under_their_story_and_jumps_are_stitched(read: list) -> None:
    assert_filed_and_stitched(read)
