"""A rule across the page between two bands parts them even when the next band's label sits right under it.

Papers rule off each band of stories. A typesetter may leave less white round that rule than a line's spacing and
set the next band's section label (■经济纵横) right under it, the label's box reaching up over the rule. The reader
asked for a gap wider than a line's around a rule before it cut there: the columns of both bands ran down the page
unbroken and were read whole, the lower band's stories read between the upper band's columns. Now a rule across the
whole region between two rows parts them at any clear gap. A rule over part of the page only (a box's edge over
two columns) still parts nothing. Pages written by reportlab on one baseline grid and read by the real reader.
"""

from __future__ import annotations

import re
from pathlib import Path

from qa.formats.pdf import read_pdf
from qa.structure import recover_outline

PAGE_W, PAGE_H = 800.0, 1000.0
MARGIN, GUTTER, BODY, LEADING = 40.0, 14.0, 10.0, 15.0
COLS = 3
COL_W = (PAGE_W - 2 * MARGIN - (COLS - 1) * GUTTER) / COLS
PER_LINE = int(COL_W // BODY)
TOP = PAGE_H - 140  # the first row of the columns
ROWS = 8  # each band's rows

UPPER, LOWER = "全省春耕生产全面展开", "老街区换新颜"
LABEL = "■经济纵横"


def _numbered(start: int) -> str:
    return "".join(f"（{n}）各地农业部门组织技术人员深入田间地头指导农民。" for n in range(start, start + 40))


def _last_mark() -> str:
    """The last whole number mark printed in the upper band (in its third column)."""
    printed = _numbered(1)[: COLS * ROWS * PER_LINE]
    return re.findall(r"（\d+）", printed)[-1]


def _page(path: Path, across: bool) -> None:
    """Band 1: one story over three columns, ``ROWS`` rows, its rows numbered (1)… Band 2: on the next row of the
    grid, a label over column 1, a rule over the whole page (``across``) or over two columns, set half a line over
    the label's baseline grid row, and a second story under a head in column 1, numbered (100)…"""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    c.setFont("STSong-Light", 26)
    c.drawString(MARGIN, PAGE_H - 100, UPPER)
    c.setFont("STSong-Light", BODY)
    upper = _numbered(1)
    for col in range(COLS):
        for row in range(ROWS):
            k = (col * ROWS + row) * PER_LINE
            c.drawString(MARGIN + col * (COL_W + GUTTER), TOP - row * LEADING, upper[k : k + PER_LINE])
    label_y = TOP - ROWS * LEADING - 2  # the label's baseline, just a little below the grid's next row
    right = MARGIN + COLS * COL_W + (COLS - 1) * GUTTER
    c.setLineWidth(0.8)
    c.line(MARGIN, label_y + 9, right if across else MARGIN + 2 * COL_W + GUTTER, label_y + 9)
    c.setFont("STSong-Light", 11)
    c.drawString(MARGIN, label_y, LABEL)
    c.setFont("STSong-Light", 14)
    c.drawString(MARGIN, label_y - 20, LOWER)
    c.setFont("STSong-Light", BODY)
    lower = _numbered(100)
    first = label_y - 38
    for col in range(COLS):
        rows = ROWS - 2 if col == 0 else ROWS + 1
        y0 = first if col == 0 else label_y - 2
        offset = 0 if col == 0 else ((ROWS - 2) + (col - 1) * (ROWS + 1)) * PER_LINE
        for row in range(rows):
            k = offset + row * PER_LINE
            c.drawString(MARGIN + col * (COL_W + GUTTER), y0 - row * LEADING, lower[k : k + PER_LINE])
    c.save()


def _section_of(outline, mark: str) -> tuple[str, ...]:  # noqa: ANN001 - an Outline
    held = next(p for p in outline.paragraphs if mark in p.text.replace(" ", ""))
    return next(s.path for s in outline.sections if held.index in s.paragraphs)


def test_a_rule_across_the_page_tight_over_a_label_parts_the_bands(tmp_path: Path, fonts) -> None:
    path = tmp_path / "ruled.pdf"
    _page(path, across=True)
    outline = recover_outline(read_pdf(path, path.name))
    flat = "".join(p.text.replace(" ", "") for p in outline.paragraphs)
    # The upper story's last column is read before the lower band starts.
    assert flat.index(_last_mark()) < flat.index(LABEL.lstrip("■")) < flat.index("（100）"), flat[:400]
    assert _section_of(outline, _last_mark())[-1] == UPPER
    assert _section_of(outline, "（101）")[-1] == LOWER


def test_a_rule_over_part_of_the_page_parts_nothing(tmp_path: Path, fonts) -> None:
    """The same page with the rule over two columns only: no band boundary is read from it (the upper band's third
    column still runs down into the lower band's rows, as the reader read such pages before)."""
    path = tmp_path / "part.pdf"
    _page(path, across=False)
    outline = recover_outline(read_pdf(path, path.name))
    flat = "".join(p.text.replace(" ", "") for p in outline.paragraphs)
    assert not flat.index(_last_mark()) < flat.index(LABEL.lstrip("■")) < flat.index("（100）")
