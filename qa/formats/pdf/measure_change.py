"""Text set across a gutter above columns: a block of another measure, not the top of a column.

A paper printed from HTML with CSS columns (``column-count: 2``) sets its title, authors and abstract across the
page and its body in two columns under them. The reading-order step (``qa.formats.pdf.order``) keeps a gap in its
column when the lines under it overlap the line above it across (columns set on one baseline grid leave a gap
between every two rows): an abstract whose last line ended just past the gutter ('关键词：…；混合检索' running a
few points into the right column's span) held the two columns under it together as one, read row by row — the
columns interleaved, lines spliced mid-word, sections filed under the wrong chapter.

What parts them is the measure: a line of running text above the gap that runs across the gutter of the columns
right below it (past the gutter's both edges) belongs to a wider block, whatever its last line's length.
"""

from __future__ import annotations

from qa.formats.pdf.lines import HEAD_RATIO, Line

MIN_ROWS = 3  # rows of the band below that show the gutter (two lines side by side on a row)
PROSE = 8.0  # body sizes: each of the two lines beside the gutter is at least this wide (a column's text; a table's
# cells, 'Division' beside '\\part', are no columns of running text, and a table is read row by row)
EDGE = 1.0  # body sizes: the gutter's edges agree across its rows within this


def _gutter(below: list[Line], body: float) -> tuple[float, float] | None:
    """The gutter between two columns of body text in ``below`` (its left and right edge), seen on ``MIN_ROWS``
    rows or more at one place; None when the lines do not set text side by side."""
    text = sorted((ln for ln in below if ln.size < HEAD_RATIO * body), key=lambda ln: (ln.top, ln.x0))
    gaps: list[tuple[float, float]] = []
    for i, a in enumerate(text):
        for b in text[i + 1 :]:
            if b.top > a.bottom:
                break
            if (
                b.x0 - a.x1 > body
                and min(a.bottom, b.bottom) - max(a.top, b.top) > 0.3 * (a.bottom - a.top)
                and min(a.x1 - a.x0, b.x1 - b.x0) >= PROSE * body
            ):
                gaps.append((a.x1, b.x0))
    if len(gaps) < MIN_ROWS:
        return None
    gaps.sort(key=lambda g: g[1])
    left, right = gaps[len(gaps) // 2]
    agree = [g for g in gaps if abs(g[1] - right) <= EDGE * body]
    if len(agree) < MIN_ROWS:
        return None
    return max(g[0] for g in agree), right


def wider_above(above: list[Line], below: list[list[Line]], body: float) -> bool:
    """Does a line of running text in ``above`` cross the gutter of the columns set in the bands ``below`` (the
    next few bands under the gap: columns on one baseline grid leave a gap between every two rows)?"""
    gutter = _gutter([ln for band in below for ln in band], body)
    if gutter is None:
        return False
    left, right = gutter
    return any(ln.size < HEAD_RATIO * body and ln.x0 < left - body and ln.x1 > right + body for ln in above)
