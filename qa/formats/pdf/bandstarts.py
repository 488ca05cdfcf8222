"""Where a band of columns starts under its heads with no gap over them (part of step 3 of ``qa.formats.pdf``).

A paper stacks bands: under the columns of one band, the next opens with its heads (a headline at the left over
the first column, a byline over the last) and its text starting in every column on one row under them. The XY-cut
looks for a gap across the page over such heads; a typesetter that sets the heads right under the lowest line of
the band above (FOP balances a band's columns, so one or two of them end a line lower, touching the heads) leaves
none, and the columns run down the page unbroken: each read whole, the two bands' stories interleave. What tells the
band's start is the row itself: headline type with no text beside it (nothing of the columns runs on there) and,
under it, every column starting together. The region is cut across over the heads.
"""

from __future__ import annotations

from qa.formats.pdf.lines import HEAD_RATIO, Line, _column_groups, _is_head
from qa.formats.pdf.stacked import stacked
from qa.structure.cues import is_byline

# In units of the usual line pitch (the body's size plus the line gap), chosen on the DIAGNOSIS seeds of the FOP set
# of benchmarks/formats.py.
STARTS_TOGETHER = 0.5  # the band's columns start within this much of one another under its heads
KICKER_REACH = 1.0  # display type at most this far over the headline is its kicker, cut with it
MIN_COLUMNS = 3  # a band of at least this many columns


def _display(line: Line, body: float) -> bool:
    """Heads and credits: type that stands over a band's columns, not in them."""
    return _is_head(line, body) or is_byline(line.text)


def band_start_cut(
    lines: list[Line], body: float, line_gap: float, spaced: bool = False
) -> tuple[list[Line], list[Line]] | None:
    """The region cut across over the heads of a band whose columns all start together under them: (above, below),
    or None.

    The heads' rows hold display type only (a column running on beside a headline would put text there: a flow
    band's head set mid-column cuts nothing); under them every column of the region opens on one row; over them
    every column holds text of the band above (heads atop a region with nothing over them are another rule's).
    Where paragraphs are ``spaced`` (not indented), only under a headline set across a gutter: spaced paragraphs may
    leave white beside a subhead in one story's columns by chance, but a subhead stands in its own column, while a
    headline over two columns or more (a wide story's, centred over the middle ones) heads a band."""
    text = [ln for ln in lines if not _display(ln, body)]
    groups = _column_groups(text, body)
    if len(groups) < MIN_COLUMNS:
        return None
    columns = [sorted((text[i] for i in g), key=lambda ln: ln.top) for g in groups]
    if stacked(columns, line_gap, body):
        return None
    pitch = body + line_gap
    edges = [(min(ln.x0 for ln in col), max(ln.x1 for ln in col)) for col in columns]
    heads = sorted((ln for ln in lines if ln.size >= HEAD_RATIO * body and not ln.quoted), key=lambda ln: ln.top)
    for head in heads:
        if spaced and sum(min(x1, head.x1) > max(x0, head.x0) for x0, x1 in edges) < 2:
            continue  # a head within one column, where paragraphs are spaced: perhaps a subhead
        top = _kicker_top(head, lines, body, pitch)
        starts = [next((ln.top for ln in col if ln.top >= head.bottom - 1), None) for col in columns]
        if any(s is None for s in starts):
            continue
        opens = min(s for s in starts if s is not None)
        if max(s for s in starts if s is not None) - opens > STARTS_TOGETHER * pitch:
            continue  # the columns under it do not start together: no band opens there
        if any(ln.top < opens - 1 and ln.bottom > top + 1 for ln in text):
            continue  # text beside the heads: a column runs on there
        if any(not [ln for ln in col if ln.bottom <= top + 1] for col in columns):
            continue  # a column with nothing over the heads: no band above
        cut = top - 0.5
        return [ln for ln in lines if ln.top < cut], [ln for ln in lines if ln.top >= cut]
    return None


def _kicker_top(head: Line, lines: list[Line], body: float, pitch: float) -> float:
    """The top of ``head`` with the display lines set right over it (its kicker) that overlap it across."""
    top = head.top
    moved = True
    while moved:
        moved = False
        for ln in lines:
            if (
                ln.top < top
                and top - KICKER_REACH * pitch <= ln.bottom <= top + 1
                and _is_head(ln, body)
                and min(ln.x1, head.x1) - max(ln.x0, head.x0) > body
            ):
                top, moved = ln.top, True
    return top
