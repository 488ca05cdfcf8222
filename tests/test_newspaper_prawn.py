"""The Prawn producer (tests/newspaper_prawn.py and .rb): its PDFs are Prawn's, its gold holds, its conventions vary;
and the PDF reader's target on it, recorded as a strict xfail.

Seeds are the producer's DIAGNOSIS seeds (23500+), never its REPORT seeds (23000–23039, the reported figure of
``python benchmarks/formats.py --only "diagnosed: Prawn"``; held out until 2026-12-01). Skipped, with the reason, when
Ruby, Prawn or the fonts are missing (scripts/install-prawn.sh installs them). A paper takes 10–40 s cold (Prawn's
measures through a Ruby process) and is cached by seed and the producer's hash (~/.cache/qa-newspaper-prawn).
"""

from __future__ import annotations

from collections import Counter

import pytest

import tests.newspaper_prawn as producer
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
from tests.newspaper_prawn import (
    JUMP_IN,
    JUMP_OUT,
    Engine,
    check_gold,
    make_prawn_newspaper,
    make_spec,
    page_texts,
    prawn_available,
)

WHY_NOT = prawn_available()
pytestmark = pytest.mark.skipif(WHY_NOT is not None, reason=WHY_NOT or "")
SEEDS = (23500, 23501)
TEXT = "中华人民共和国成立以来，经济社会发展取得了成就，1998 年 GDP 增长。"


@pytest.fixture(scope="module")
def papers(tmp_path_factory: pytest.TempPathFactory) -> list:
    folder = tmp_path_factory.mktemp("prawn")
    return [make_prawn_newspaper(folder / f"paper-{seed}.pdf", seed) for seed in SEEDS]


@pytest.fixture
def no_prawn(monkeypatch: pytest.MonkeyPatch) -> None:
    """make_spec without starting Prawn (only the draw is looked at)."""
    monkeypatch.setattr(producer, "Engine", lambda: None)


def test_the_pdf_is_prawns_with_two_pages_of_text(papers: list) -> None:
    """A real Prawn PDF, two pages, each with its text layer in embedded TrueType subsets, at the drawn page size."""
    import pdfplumber

    sizes = set()
    for paper in papers:
        with pdfplumber.open(paper.path) as pdf:
            assert pdf.metadata.get("Producer", "").startswith("Prawn"), pdf.metadata
            assert len(pdf.pages) == 2
            assert all(len(page.chars) > 500 for page in pdf.pages)
            fonts = {c["fontname"] for page in pdf.pages for c in page.chars}
            assert all("+" in f for f in fonts), fonts  # subsets, embedded
            assert not any(c["text"] == "\u200b" for page in pdf.pages for c in page.chars)  # break hints not drawn
            sizes.add((round(pdf.pages[0].width), round(pdf.pages[0].height)))
        assert paper.path.stat().st_size < 3_000_000  # subset: not the whole 5–13 MB font files
    assert len(sizes) == len(papers)  # each paper its own page size


def test_gold_pieces_are_printed_on_their_pages(papers: list) -> None:
    """Every kicker, subtitle, byline, caption and paragraph part Prawn printed is drawn in the PDF on its gold page
    (a long piece moved to the other page is caught); every jumped story has text on both pages."""
    for paper in papers:
        assert paper.jumps, paper.path.name
        assert_gold_checked(paper, check_gold)
        assert {"byline", "subtitle", "kicker", "caption"} & {p.role for p in paper.pieces}


def test_every_headline_is_printed_as_a_head(papers: list) -> None:
    """Each story's headline is set as a head: larger than the body, or in 黑体 (a brief's head at the body size)."""
    assert_headlines_set_as_heads(papers)


def test_the_gold_check_catches_text_that_is_not_printed(papers: list) -> None:
    """A piece whose text is not on the page (here: its characters reversed) is reported, so the check can fail."""
    assert_gold_check_can_fail(papers[0], check_gold)


def test_jumped_text_goes_on_under_a_marker_on_page_two(papers: list) -> None:
    """Page 1 says where each jumped story goes, page 2 where it came from; a paragraph cut on page 1 goes on at the
    head of its continuation (a gold piece that ``continues``)."""
    assert_jumps_marked(papers, page_texts, JUMP_OUT, JUMP_IN)
    assert_cut_paragraphs_go_on(papers)


def test_the_gold_page_is_where_prawn_printed_the_piece(tmp_path, no_prawn: None) -> None:  # noqa: ANN001
    """Prawn reports the pages each block printed on: a flow too long for its rectangles is reported unfinished and
    its unprinted paragraphs are not in the record, so no gold is guessed; a paragraph Prawn carries on over the
    page is recorded on both pages (the producer refuses such a piece)."""
    css = make_spec(SEEDS[0])[1].css
    blocks = [css.block([(TEXT * 3, "song", 9.0)], f"e{i}") for i in range(6)]
    short = [(0.0, 0.0, 120.0, 60.0), (130.0, 0.0, 250.0, 60.0)]
    tall = [(0.0, 0.0, 120.0, 900.0), (130.0, 0.0, 250.0, 900.0)]
    engine = Engine()
    try:
        assert not engine.fits(blocks, short) and engine.fits(blocks, tall)
        assert engine.balanced(blocks, [(0.0, 120.0), (130.0, 250.0)], 900.0) < 900.0 / 2
        pages = [
            [{"op": "flow", "name": "short", "blocks": blocks, "rects": short}],
            [{"op": "flow", "name": "tall", "blocks": blocks, "rects": tall}],
        ]
        done = engine.render(tmp_path / "probe.pdf", (300.0, 1000.0), pages)
    finally:
        engine.close()
    assert done["unfinished"] == ["short"]
    assert done["seen"]["e0"] == [1, 2] and done["seen"]["e5"] == [2]


def test_chinese_lines_are_filled_even_beside_a_latin_space(tmp_path, no_prawn: None) -> None:  # noqa: ANN001
    """Prawn breaks only at spaces unless a line has none: the zero-width spaces let a paragraph holding "1998 年"
    fill each line to the column's width (no line ends early at the Latin space)."""
    import pdfplumber

    css = make_spec(SEEDS[0])[1].css
    engine = Engine()
    try:
        block = css.block([(TEXT * 4, "song", 10.0)], "e0", align="left")
        done = engine.render(
            tmp_path / "lines.pdf",
            (300.0, 600.0),
            [[{"op": "flow", "name": "p", "blocks": [block], "rects": [(20.0, 20.0, 220.0, 580.0)]}]],
        )
    finally:
        engine.close()
    assert done["unfinished"] == []
    with pdfplumber.open(tmp_path / "lines.pdf") as pdf:
        lines = pdf.pages[0].extract_text_lines()
    ends = [line["x1"] for line in lines[:-1]]
    assert len(lines) > 5 and min(ends) > 220 - 2 * 10 - 1, ends  # every full line within two characters of the edge


def test_a_seed_makes_the_same_paper(papers: list, no_prawn: None) -> None:
    """The seed fixes the paper (Prawn lays out the same stories the same way): another seed makes another paper."""
    again = make_spec(SEEDS[0])[0]
    assert again == make_spec(SEEDS[0])[0]
    assert again != make_spec(SEEDS[1])[0]
    assert [p.text for p in papers[1].pieces] != [p.text for p in papers[0].pieces]


def test_conventions_vary_across_seeds(no_prawn: None) -> None:
    """Over forty seeds each drawn convention the docstring names comes out in more than one way: column counts 3–6
    on both pages, both mastheads, both page-2 heads, marker forms, continuation places and heads, head faces, brief
    styles, traditional papers."""
    seen: dict[str, Counter] = {}
    names = ("masthead", "corner_side", "page2_head", "head_face", "head_align", "marker_form", "cont_where")
    names += ("cont_head", "brief_style", "trad", "indent", "justify", "column_rules", "lead_span", "second_jump")
    for seed in range(23500, 23540):
        st = make_spec(seed)[0]
        for name in names:
            seen.setdefault(name, Counter())[st[name]] += 1
        seen.setdefault("columns", Counter()).update(st["columns"])
        seen.setdefault("jump_out", Counter())[st["jump_out"]] += 1
    assert set(seen["columns"]) == {3, 4, 5, 6}
    for name, values in {
        "masthead": {"banner", "corner"},
        "page2_head": {"bar", "folio"},
        "head_face": {"hei", "kai"},
        "marker_form": {"line", "runin"},
        "cont_where": {"top", "middle", "foot"},
        "cont_head": {"head_marker", "short_head", "marker"},
        "brief_style": {"line", "square", "bracket"},
        "trad": {True, False},
        "second_jump": {True, False},
        "lead_span": {"all", "side"},
    }.items():
        assert set(seen[name]) == values, name
    assert len(seen["jump_out"]) >= 5


@pytest.fixture(scope="module")
def read(papers: list) -> list:
    """(paper, document, outline) as ``qa build`` reads each paper."""
    return read_papers(papers)


def test_reader_reads_both_pages(read: list) -> None:
    assert_both_pages_read(read)


@pytest.mark.xfail(
    strict=True,
    reason="first sight (ed906e2): para→article 0.892 (n = 37) and 0.786 (n = 42), 2 of 2 and 0 of 1 jumps stitched;"
    " after prawn10's rules 0.919 and 0.810, the same jumps; report seeds 23000–23039 in the README; remove the mark"
    " when it gets there",
)
def test_paragraphs_file_under_their_story_and_jumps_are_stitched(read: list) -> None:
    assert_filed_and_stitched(read)
