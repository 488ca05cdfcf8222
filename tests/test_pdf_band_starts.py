"""A band whose heads are set right under the band above, with no gap, still starts a band of its own.

A paper stacks bands: a story balanced over the columns, then the next story with its headline at the left over
the first column, its byline over the last, and its text starting in every column on one row under them. A
typesetter that sets those heads right under the lowest line above (FOP balances columns so that the last one may
end a line lower, touching the heads) leaves no gap across the page, and the columns ran down the page unbroken:
read column by column, the first story's second and third columns fell under the second story's headline, and the
second story's text was split among the first story's. The band's start shows in the row of the heads (no text
beside them) and in the columns starting together under them. The pages are written by reportlab on one baseline
grid and read by the real reader.
"""

from __future__ import annotations

import re
from pathlib import Path

from qa.formats.pdf import read_pdf
from qa.structure import recover_outline
from tests.reportlab_pages import BODY, LEADING, MARGIN, PAGE_H, PAGE_W, SPRING, STREET, TOP, Grid

GRID = Grid(3)
COLS, GUTTER, COL_W, PER_LINE = GRID.cols, GRID.gutter, GRID.col_w, GRID.per_line

FIRST_HEAD, SECOND_HEAD = "全省春耕生产全面展开", "老街区换新颜"
SENTENCES = SPRING + STREET


def _columns(c, lines: list[tuple[str, bool]], heights: list[int], first_row: int) -> None:  # noqa: ANN001
    """``lines`` set down the columns from ``first_row``, ``heights[k]`` lines in column k."""
    at = 0
    for col, height in enumerate(heights):
        for row in range(height):
            GRID.draw_line(c, col, first_row + row, lines[at])
            at += 1
    assert at == len(lines)


def _stories() -> tuple[list[str], list[str]]:
    first = [
        SENTENCES[0] + SENTENCES[1] + SENTENCES[2] + SENTENCES[3],
        SENTENCES[3] + SENTENCES[0] + SENTENCES[2],
        SENTENCES[1] + SENTENCES[3] + SENTENCES[2] + SENTENCES[0],
    ]
    # Its last line full, on no full stop: the story runs on elsewhere (so its end is no paragraph's end with white
    # under it, which bandends.py would take for the band's end by itself).
    first[-1] = first[-1][: len(first[-1]) - (len(first[-1]) - (PER_LINE - 2)) % PER_LINE - 1] + "，"
    while len(GRID.lines(first)) % COLS != 1:  # (so that the last column ends a line lower than the others)
        first[-1] = first[-1][: -PER_LINE - 1] + "，"
    second = [
        SENTENCES[4] + SENTENCES[5] + SENTENCES[7],
        SENTENCES[6] + SENTENCES[7] + SENTENCES[4],
        SENTENCES[5] + SENTENCES[6] + SENTENCES[4],
    ]
    return first, second


def _page(path: Path) -> dict[str, list[str]]:
    """Band 1: a story balanced over three columns, the last one a line longer; band 2 on the very next row of the
    grid: its headline over column 1, its byline over column 3, its text starting in all three columns together."""
    from reportlab.pdfgen import canvas

    first, second = _stories()
    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    c.setFont("STSong-Light", 26)
    c.drawString(MARGIN, PAGE_H - 100, FIRST_HEAD)
    lines = GRID.lines(first)
    short = (len(lines) - 1) // COLS
    heights = [short, short, len(lines) - 2 * short]
    assert heights[2] == short + 1, heights  # (the last column ends a line lower)
    _columns(c, lines, heights, 0)
    c.setFont("STSong-Light", 14)
    c.drawString(MARGIN, TOP - heights[2] * LEADING, SECOND_HEAD)  # right under column 3's last line
    c.setFont("STSong-Light", BODY)
    byline = "本报记者　王小明"
    c.drawRightString(MARGIN + 3 * COL_W + 2 * GUTTER, TOP - (heights[2] + 1) * LEADING, byline)
    lines = GRID.lines(second)
    per = -(-len(lines) // COLS)
    _columns(c, lines, [per, per, len(lines) - 2 * per], heights[2] + 2)
    c.save()
    return {FIRST_HEAD: first, SECOND_HEAD: second}


def test_heads_right_under_a_band_start_a_band_of_their_own(tmp_path: Path, fonts) -> None:
    path = tmp_path / "bands.pdf"
    stories = _page(path)
    outline = recover_outline(read_pdf(path, path.name))
    for head, paragraphs in stories.items():
        for text in paragraphs:
            held = [p for p in outline.paragraphs if text in p.text.replace(" ", "")]
            assert len(held) == 1, (head, text[:12], [p.text[:12] for p in held])
            section = next(s for s in outline.sections if held[0].index in s.paragraphs)
            assert section.path[-1] == head, (text[:12], section.path)


SUBHEAD = "一、交通先行"


def _one_story_page(path: Path) -> list[str]:
    """One story over three columns, a subhead set as large as a headline in column 1 while columns 2 and 3 run on
    beside it: no band starts there. Returns the lines in reading order."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    c.setFont("STSong-Light", 26)
    c.drawString(MARGIN, PAGE_H - 100, FIRST_HEAD)
    text = "".join(f"（{n}）{SENTENCES[n % len(SENTENCES)]}" for n in range(60))
    rows = [text[k : k + PER_LINE] for k in range(0, len(text), PER_LINE)]
    order: list[str] = []
    taken = 0
    for col in range(COLS):
        for row in range(30):
            if col == 0 and row == 10:
                c.setFont("STSong-Light", 14)
                c.drawString(MARGIN, TOP - row * LEADING, SUBHEAD)
                order.append(SUBHEAD)
                continue
            GRID.draw_line(c, col, row, (rows[taken], False))
            order.append(rows[taken])
            taken += 1
    c.save()
    return order


def test_a_subhead_beside_running_columns_starts_no_band(tmp_path: Path, fonts) -> None:
    """The columns beside the subhead run on: the story is read column by column, the subhead in its place."""
    path = tmp_path / "story.pdf"
    order = _one_story_page(path)
    outline = recover_outline(read_pdf(path, path.name))
    flat = "".join(p.text.replace(" ", "") for p in outline.paragraphs)
    marks = [int(m) for m in re.findall(r"（(\d+)）", flat)]
    assert marks == sorted(marks) and len(marks) >= 50, marks
    at = order.index(SUBHEAD)
    before = re.findall(r"（\d+）", "".join(order[:at]))[-1]
    after = re.findall(r"（\d+）", "".join(order[at + 1 :]))
    assert flat.index(before) < flat.index(SUBHEAD) < flat.index(after[0]), flat[:300]
