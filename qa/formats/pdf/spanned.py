"""Columns under (or over) text set across their gutter with no gap between (part of step 3 of ``qa.formats.pdf``).

A paper sets its title block and abstract across the page and its body in two columns under them. The XY-cut parts
the two at a full-width gap; a browser's CSS columns leave none: the second column starts right under the abstract's
last line, one line's pitch below it, while only the first column opens with a heading's space above it. No gap runs
across the page there, and the abstract's lines cross the gutter, so no gutter runs the region's full height: read as
one column in rows, the two columns' lines were read across the gutter, glued ('weight of 0.3 relative to the
original query Statutory question answering asks a system'), the headings of both columns in one heap.

What tells it: from some row down (or up to some row, or between two) the region's lines stand in two columns or
more with a gutter white in all of them, side by side on shared rows (not strips one under another, ``stacked``),
each column at least EDGE_ROWS lines one under another, together as wide as the text across them (a borderless table
set under a paragraph, its columns short of the paragraph's right edge, is no page's columns); the lines past that
row cross the gutter. Then the region is cut at those rows: what crosses above, the columns, what crosses below.
Asked only of a region nothing else cuts, which would otherwise be read in rows across a gutter its columns leave
white — for any document, lines side by side with white between them over several rows are columns, whatever runs
across above or below them.
"""

from __future__ import annotations

from qa.formats.pdf.lines import EDGE_ROWS, Line, _column_groups
from qa.formats.pdf.stacked import stacked


def spanned_columns(lines: list[Line], body: float, line_gap: float) -> list[list[Line]]:
    """The region cut into [lines crossing the gutter above, the columns, lines crossing below] (the empty parts
    left out), or [] when no run of its rows stands in columns under or over lines crossing their gutter."""
    ordered = sorted(lines, key=lambda ln: (ln.top, ln.x0))
    n = len(ordered)
    if n < 2 * EDGE_ROWS + 1:
        return []

    def columns(lo: int, hi: int) -> bool:
        return len(_column_groups(ordered[lo:hi], body)) > 1

    # Start from a part of the region that stands in columns (its middle, lower or upper half), then take in the
    # rows above and below it as long as the gutter stays white.
    for lo, hi in ((n // 4, n - n // 4), (n // 2, n), (0, n - n // 2)):
        if columns(lo, hi):
            break
    else:
        return []
    while lo > 0 and columns(lo - 1, hi):
        lo -= 1
    while hi < n and columns(lo, hi + 1):
        hi += 1
    if lo == 0 and hi == n:
        return []
    window = ordered[lo:hi]
    groups = [[window[i] for i in g] for g in _column_groups(window, body)]
    if sum(_rows(g, body) >= EDGE_ROWS for g in groups) < 2 or stacked(groups, line_gap, body):
        return []
    across = ordered[:lo] + ordered[hi:]
    if (
        min(ln.x0 for ln in window) > min(ln.x0 for ln in across) + body
        or max(ln.x1 for ln in window) < max(ln.x1 for ln in across) - body
    ):
        return []  # columns narrower than the text across them: a table's, set inside the text's measure
    return [part for part in (ordered[:lo], window, ordered[hi:]) if part]


def _rows(column: list[Line], body: float) -> int:
    """How many rows ``column``'s lines stand on, one under another (a page printed over itself, its letters one
    line each on one row, stands on one)."""
    middles = sorted((ln.top + ln.bottom) / 2 for ln in column)
    return 1 + sum(b - a > 0.5 * body for a, b in zip(middles, middles[1:], strict=False))
