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

from qa.formats.pdf.lines import EDGE_ROWS, KICKER_RATIO, Line, _column_groups, _is_head, _style
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


def heads_atop_own_columns(heads: list[Line], below: list[Line], body: float, over: list[Line] = ()) -> bool:
    """Do the display lines ``heads``, all in one type, stand side by side, each atop its own column of the text
    ``below`` and each opening it (the region's lines ``over`` them set across the columns, none in one of them)?

    A paper set in CSS columns whose two columns both open with a section heading: the right column's heading
    stands at the column's very top, the left one's a little lower (its space above it kept), so the two share a
    band across the page. Cut under that band as under a headline's display run, both headings were read first and
    then both columns, the left column's text cited under the right column's heading. A headline's run lies across
    the columns it heads; headings a gutter apart, each over another column of the text under them, each head their
    own column, and the band is no boundary under one head (``_xy_cut`` then reads each column with its heading).

    What tells a column's opening heading from a line that merely stands level with another column's: it is the
    first thing in its column — only what is set across the columns (the paper's title, its authors) stands above
    it — and the headings opening a document's columns side by side are of one level, so of one type (``_style``).
    Subheads side by side inside a story whose text flows down one column and on atop the next ('延伸阅读1' under
    the first column's text, '延伸阅读2' under the second's) have text of those columns above them; the last line of
    one story's headline stack level with the subtitle of the story beside it (two stories side by side under
    headlines of their own, a kicker over one, a larger headline over the other) has its headline above it, in its
    column, and another type than the line beside it: no column tops."""
    if not all(_is_head(ln, body) for ln in heads) or len({_style(ln, body) for ln in heads}) != 1:
        return False  # text beside a heading, or display lines of different ranks: no column heads of one level
    groups = [[heads[i] for i in g] for g in _column_groups(heads, body)]
    text = [ln for ln in below if ln.size < KICKER_RATIO * body]
    if len(groups) < 2 or len(text) < 2:
        return False
    columns = [[text[i] for i in g] for g in _column_groups(text, body)]
    spans = [(min(ln.x0 for ln in col), max(ln.x1 for ln in col)) for col in columns]
    homes = set()
    for group in groups:
        x0, x1 = min(ln.x0 for ln in group), max(ln.x1 for ln in group)
        home = [c for c, (a, b) in enumerate(spans) if a - body <= x0 and x1 <= b + body]
        if len(home) != 1:
            return False  # a head across a gutter (or beside the text): a run over several columns
        homes.add(home[0])
    if any(any(a - body <= ln.x0 and ln.x1 <= b + body for a, b in spans) for ln in over):
        return False  # a line of one column above them (its text, a headline over it): they open no column
    return len(homes) == len(groups)
