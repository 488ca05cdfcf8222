"""What page-layout programs (InDesign, 方正飞腾) put into a PDF, read right: real PDFs made with reportlab.

A layout program justifies a CJK line by itself and writes its glyphs in short runs (a kerning table or a change
of tracking breaks a run), putting the line's slack between the runs rather than between every two characters:
such a space can be wider than CJK type is ever set, yet it is no column gutter. Found on the held-out fpdf2
producer's diagnosis seeds (benchmarks/formats.py --diagnosis-seeds); these tests use another library and text.
"""

from __future__ import annotations

import random

import pytest

from qa.loading import load_file
from qa.structure import recover_outline
from tests.test_formats_gutters import COLUMN, _font

pytest.importorskip("reportlab")

SIZE = 10.0
WIDTH = 18  # the column is this many ems wide; a justified row holds fewer characters and spreads the rest


def _runs(row: str, rng: random.Random) -> list[str]:
    """Split a row into glyph runs of 1–5 characters."""
    out, i = [], 0
    while i < len(row):
        step = rng.randint(1, 5)
        out.append(row[i : i + step])
        i += step
    return out


def _justified_rows(text: str, per_row: int) -> list[str]:
    return [text[i : i + per_row] for i in range(0, len(text), per_row)]


def _layout_program_page(path, gutter_em: float, per_row: int, seed: int = 0) -> list[str]:  # noqa: ANN001
    """A headline over three columns, each a paragraph of rows justified to WIDTH ems with all slack between glyph
    runs; the last row of each paragraph is set flush left. Returns the paragraphs."""
    from reportlab.pdfgen import canvas

    rng = random.Random(seed)
    font = _font()
    c = canvas.Canvas(str(path), pagesize=(680, 842))
    c.setFont(font, 24)
    c.drawString(50, 780, "城乡民生工作取得新进展")
    paragraphs = []
    for col, text in enumerate(COLUMN):
        x0 = 50 + col * (WIDTH + gutter_em) * SIZE
        rows = _justified_rows(text, per_row)
        paragraphs.append("".join(rows))
        y = 740.0
        for k, row in enumerate(rows):
            runs = _runs(row, rng)
            last = k == len(rows) - 1
            slack = 0.0 if last or len(runs) < 2 else (WIDTH * SIZE - len(row) * SIZE) / (len(runs) - 1)
            x = x0
            for run in runs:  # one text object per run, as a layout program writes them
                t = c.beginText(x, y)
                t.setFont(font, SIZE)
                t.textOut(run)
                c.drawText(t)
                x += len(run) * SIZE + slack
            y -= SIZE * 1.5
    c.save()
    return paragraphs


@pytest.mark.parametrize(("gutter_em", "per_row"), [(1.5, 16), (2.0, 15), (1.2, 16)])
def test_the_space_between_glyph_runs_of_a_justified_line_splits_nothing(tmp_path, gutter_em, per_row):
    """Each column's paragraph is read whole and alone: the justification space between glyph runs (up to an em
    and a half, wider than CJK type is ever set) neither splits a line in two nor is taken for a gutter, and the
    real gutters, hardly wider than the widest of those spaces, still part the columns."""
    for seed in range(3):
        path = tmp_path / f"runs{seed}.pdf"
        paragraphs = _layout_program_page(path, gutter_em, per_row, seed)
        outline = recover_outline(load_file(path))
        read = ["".join(p.text.split()) for p in outline.paragraphs]
        for want in paragraphs:
            assert want in read, (seed, want[:20], [p[:20] for p in read])


def _jumped_paper(path, transfer: str, head: str | None, continued: str) -> tuple[list[str], str]:  # noqa: ANN001
    """Two pages: a story jumps from page 1 to page 2, where its rest follows another story, under ``head`` (a
    line in head type) and opening with ``continued`` (either may be empty). Returns the rows and the headline."""
    from reportlab.pdfgen import canvas

    font = _font()
    c = canvas.Canvas(str(path), pagesize=(595, 842))

    def story(y: float, headline: str | None, rows: list[str], size: float = 22) -> float:
        if headline:
            c.setFont(font, size)
            c.drawString(60, y, headline)
            y -= size + 16
        c.setFont(font, SIZE)
        for n, row in enumerate(rows):
            c.drawString(60 + (2 * SIZE if n == 0 else 0), y, row)
            y -= SIZE * 1.5
        return y - 30

    rows = _justified_rows(COLUMN[0], 24)
    y = story(780, "城市公交改革稳步推进", [*rows[:3], rows[3] + transfer])
    story(y, "农村合作医疗覆盖面扩大", _justified_rows(COLUMN[1], 24))
    c.showPage()
    y = story(780, "夏粮收购进展顺利", _justified_rows(COLUMN[2], 24))
    story(y, head, [continued + rows[4], *rows[5:]], size=14)
    c.save()
    return rows, "城市公交改革稳步推进"


@pytest.mark.parametrize(
    ("transfer", "head", "continued"),
    [
        ("（下转第2版）", "城市公交（上接第1版）", ""),  # a short jump head: the headline's first words, the marker
        ("▲下转第二版", "城市公交改革▼上接第一版", ""),
        ("下转二版", "城市公交改上接一版", ""),
        ("▲下转第二版", None, "▼上接第一版"),  # a pointer before the marker opening the rest
        ("▲下转第二版", "城市公交改革稳步推进", "▼上接第一版"),
    ],
)
def test_a_continuation_under_a_short_jump_head_is_cited_under_its_story(tmp_path, transfer, head, continued):
    """Layout programs head a jumped story's rest with its headline's first words run into the marker, in head
    type, or point at the marker with a triangle ('▼上接第一版'): the rest on page 2 is cited under the story's
    headline, not under a section named by the jump head, nor under the story printed above it."""
    path = tmp_path / "jump.pdf"
    rows, headline = _jumped_paper(path, transfer, head, continued)
    outline = recover_outline(load_file(path))
    rest = "".join(rows[5:])
    texts = ["".join(p.text.split()) for p in outline.paragraphs]
    homes = [s.path[:1] for s in outline.sections for i in s.paragraphs if rest in texts[i]]
    assert homes == [(headline,)], homes
    assert outline.stitches, "the rest is stitched to the page-1 text it continues"


def test_a_framed_box_title_heads_only_what_its_frame_holds(tmp_path):
    """A story's columns run on beside a framed brief box whose title is centred over it, the box's text on the
    columns' own grid: the story's last column is still cited under the story, and the box's text under the box
    (its centred title heads no column outside the frame)."""
    from reportlab.pdfgen import canvas

    font = _font()
    path = tmp_path / "box.pdf"
    c = canvas.Canvas(str(path), pagesize=(680, 842))
    width, gutter, lead = WIDTH * SIZE, 1.5 * SIZE, 1.5 * SIZE
    c.setFont(font, 24)
    c.drawString(40, 780, "城乡民生")  # a short headline over the story's first column only
    texts = [COLUMN[0][:90], COLUMN[0][90:], COLUMN[1]]
    rows_of = [_justified_rows(t, WIDTH) for t in texts]
    c.setFont(font, SIZE)
    for col, rows in enumerate(rows_of):
        x, y = 40 + col * (width + gutter), (740.0 if col == 0 else 785.0)
        for row in rows:
            c.drawString(x, y, row)
            y -= lead
    box_x = 40 + 3 * (width + gutter)
    c.rect(box_x - 4, 560, 0.6 * width + 8, 262)
    c.setFont(font, 15)
    c.drawCentredString(box_x + 0.3 * width, 802, "简讯")
    box_rows = _justified_rows(COLUMN[2], 10)
    c.setFont(font, SIZE)
    y = 785.0
    for row in box_rows[:14]:
        c.drawString(box_x, y, row)
        y -= lead
    c.save()
    outline = recover_outline(load_file(path))
    texts_read = ["".join(p.text.split()) for p in outline.paragraphs]
    homes = {s.path[:1] for s in outline.sections for i in s.paragraphs if "".join(rows_of[2][3:6]) in texts_read[i]}
    assert homes == {("城乡民生",)}, homes
    box = {s.path[:1] for s in outline.sections for i in s.paragraphs if "".join(box_rows[2:4]) in texts_read[i]}
    assert box == {("简讯",)}, box


_NEIGHBOUR = (
    "铁路部门今年春运准备工作已全面就绪全国铁路将增开临时旅客列车三百余对售票窗口延长营业时间网上购票系统"
    "扩容升级车站增设了母婴候车室和重点旅客服务台志愿者将在各大站为老人提供帮助。"
)


def _flow(c, paragraphs: list[str], rects: list[tuple[float, float, int]], per_row: int) -> list[list[str]]:  # noqa: ANN001
    """Paragraphs set in rows of ``per_row`` characters (a paragraph's first row indented two ems) into the
    rectangles (x, top baseline, rows) in order, as far as they hold; the rows set in each rectangle."""
    rows = []
    for text in paragraphs:
        first, text = text[: per_row - 2], text[per_row - 2 :]
        rows.append((2, first))
        rows += [(0, text[i : i + per_row]) for i in range(0, len(text), per_row)]
    placed: list[list[str]] = []
    for x, y, n in rects:
        placed.append([])
        for indent, row in rows[:n]:
            c.drawString(x + indent * SIZE, y, row)
            placed[-1].append(row)
            y -= 1.5 * SIZE
        rows = rows[n:]
    return placed


@pytest.mark.parametrize("gap", [2.0, 3.0])
@pytest.mark.parametrize("starts", ["mid-paragraph", "new paragraph"])
def test_a_dogleg_story_under_a_shorter_neighbour_is_cited_under_its_own_headline(tmp_path, gap, starts):
    """An L-shaped (dogleg) story fills its two columns and runs on under its right-hand neighbour, whose module
    (headline over its own two columns, its text ending in the second) stops part-way down: the text under the
    neighbour, ``gap`` body sizes below it with no headline of its own, is the dogleg story's, whether it goes on
    mid-paragraph or starts a paragraph; the neighbour's text stays its own."""
    from reportlab.pdfgen import canvas

    font = _font()
    path = tmp_path / "dogleg.pdf"
    per_row, lead, gutter = 12, 1.5 * SIZE, 1.5 * SIZE
    x = [40 + k * (per_row * SIZE + gutter) for k in range(4)]
    c = canvas.Canvas(str(path), pagesize=(610, 842))
    c.setFont(font, 22)
    c.drawString(x[0], 780, "城乡民生工作取得新进展")
    c.drawString(x[2], 780, "铁路春运准备就绪")
    c.setFont(font, SIZE)
    top, rows, short = 750.0, 10, 5  # the story's columns hold ten rows; the neighbour's module five
    foot = top - (rows - 1) * lead  # the story's last baseline
    under = top - (short - 1) * lead - (1 + gap) * SIZE  # the dogleg's first baseline, below the neighbour's end
    tail = int((under - foot) / lead) + 1
    story = COLUMN[0] + COLUMN[1] + COLUMN[2]
    if starts == "new paragraph":
        cut = (per_row - 2) + (2 * rows - 1) * per_row  # the first paragraph fills the story's own columns
        paragraphs = [story[: cut - 1] + "。", story[cut:]]
    else:
        paragraphs = [story]
    rects = [(x[0], top, rows), (x[1], top, rows), (x[2], under, tail), (x[3], under, tail)]
    placed = _flow(c, paragraphs, rects, per_row)
    neighbour = _flow(c, [_NEIGHBOUR], [(x[2], top, short), (x[3], top, short)], per_row)
    c.save()
    assert placed[3] and len(neighbour[1]) < short, "the dogleg fills both its columns; the neighbour ends short"
    outline = recover_outline(load_file(path))
    texts = ["".join(p.text.split()) for p in outline.paragraphs]

    def homes(part: str) -> set[tuple[str, ...]]:
        return {s.path[:1] for s in outline.sections for i in s.paragraphs if part in texts[i]}

    for rect in (2, 3):
        assert homes("".join(placed[rect][:2])) == {("城乡民生工作取得新进展",)}, (rect, outline.sections)
    assert homes("".join(neighbour[1][:2])) == {("铁路春运准备就绪",)}
