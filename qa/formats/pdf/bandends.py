"""Where a band of balanced columns ends with no gap across the page (part of step 3 of ``qa.formats.pdf``).

A paper stacks bands: a story across several columns (its text balanced over them, each column stopping at about
the same height), then, under it, the next band's stories. A rule or a full-width gap usually parts them; when the
typesetter leaves neither, the columns run down the page unbroken and the XY-cut reads each column whole, the first
band's story and the second band's stories interleaved. What tells the band's end is its story's end: the last
column of a balanced band holds the story's last lines, a paragraph's end (or its jump marker) with white under it,
while the first column, at that height, opens the next band with a headline. The XY-cut then cuts across there.

What looks the same and is no band's end (seen on the dense, embedded-font and fpdf2 papers): modules side by side,
each column opening under a headline of its own, two of them ending level by chance; a column with nothing under
that height (the band under it does not run across); and a paper that parts every paragraph with a line's white
(no indents), where the white under the last column's paragraph is any paragraph's and the first column's "headline"
a subhead of the same story.
"""

from __future__ import annotations

from qa.formats.pdf.furniture import _JUMP_MARK
from qa.formats.pdf.lines import _CONT_LINE, HEAD_RATIO, Line, _column_groups, _is_head
from qa.formats.pdf.stacked import stacked

# In units of the usual line pitch (the body's line height plus the line gap), chosen on the DIAGNOSIS seeds of the
# FOP set of benchmarks/formats.py and reported on its REPORT seeds and the other sets.
TOPS_ALIGNED = 2.5  # a band's columns start within this many lines of one another
ENDS_NEAR = 1.6  # the last column's story ends at most this many lines above the first column's headline
LEVEL = 0.5  # ... or anywhere above it when its next line starts within this many lines of the headline's top
MIN_ABOVE = 2  # the band holds at least this many lines in its first and last columns
_PARAGRAPH_ENDS = tuple("。！？；：，、”!?;:,.")


def _ends_story(line: Line, column_right: float, body: float) -> bool:
    """Does ``line`` end a paragraph: short of the column's right edge, or closing on a full stop or a bracket
    (a jump marker '（下转第2版）' or a closing byline)?"""
    text = line.text.rstrip()
    return column_right - line.x1 > body or text.endswith(("。", "！", "？", "”", "）", ")", "版"))


def band_end_cut(lines: list[Line], body: float, line_gap: float) -> tuple[list[Line], list[Line]] | None:
    """The region cut across where a band of columns ends without a gap: (above, below), or None.

    It ends where the first column opens a story with headline type after text of the band's own, while the last
    column's text stops at that height, a paragraph's end with white under it, and what follows there in the last
    column is no headline (it runs on the next band's story, from the column before). Nothing is cut when the
    columns do not start together (no band), when more than one of them opens under a headline of its own
    (modules side by side, see _side_by_side), when a column has nothing on one side of the cut, when that white
    is the paper's paragraph space (see _spaces_paragraphs), or when any part would be empty."""
    text = [ln for ln in lines if not _is_head(ln, body)]  # (a headline over several columns joins them)
    groups = _column_groups(text, body)
    if len(groups) < 3:
        return None
    spans = [(min(text[i].x0 for i in g), max(text[i].x1 for i in g)) for g in groups]
    if stacked([[text[i] for i in g] for g in groups], line_gap, body):
        return None
    pitch = body + line_gap
    tops = [min(text[i].top for i in g) for g in groups]
    if max(tops) - min(tops) > TOPS_ALIGNED * pitch:
        return None
    columns = [
        sorted((ln for ln in lines if x0 - body <= ln.x0 < x1 - body), key=lambda ln: ln.top) for x0, x1 in spans
    ]
    if _side_by_side(columns, body):
        return None  # stories side by side, each opening under a headline of its own: modules, not one band
    first = columns[0]
    for k, ln in enumerate(first):  # a headline in the first column under text of its own: the next band's opening
        if k >= MIN_ABOVE and _is_head(ln, body) and not _is_head(first[k - 1], body):
            top = _kicker_top(first, k, spans[0][1], body, line_gap)
            if _runs_through(first, columns[1:-1], top, body, line_gap):
                continue  # a middle column's text runs on past the first column's: no band ends there
            parts = _cut_at(lines, columns, top, body, line_gap)
            if parts:
                return parts
    return None


def _runs_through(first: list[Line], middle: list[list[Line]], top: float, body: float, line_gap: float) -> bool:
    """Does a middle column run on through the white over the first column's headline (above ``top``, under the
    first column's last line): a line set wholly in that white with the next line under it at the usual pitch?

    Where a band ends, its middle columns stop too (their last lines may reach down to the next band, but there they
    stop, white under them); running text facing that white, on the grid of the column's own lines, is one story's
    columns, the first one opening a subhead in its running text."""
    above = [ln for ln in first if ln.top < top]
    if not above:
        return False
    white = (above[-1].bottom, top)
    pitch = body + line_gap
    for column in middle:
        for ln, under in zip(column, column[1:], strict=False):
            if white[0] <= ln.top and ln.bottom <= white[1] and under.top - ln.top <= pitch + 0.15 * body:
                return True
    return False


def _line_end(column: list[Line], line: Line, body: float) -> float:
    """Where most text lines starting about where ``line`` starts end: its own column's right edge. (The region's
    first column may hold two: a subtitle or a dateline set into the gutter joins them, and the furthest edge made
    every full line of the first look short, a kicker.)"""
    ends = sorted(ln.x1 for ln in column if abs(ln.x0 - line.x0) <= 2 * body and not _is_head(ln, body))
    return ends[len(ends) // 2] if ends else line.x1


def _kicker_top(column: list[Line], k: int, right: float, body: float, line_gap: float) -> float:
    """The top of the headline ``column[k]`` with the kicker set right over it: a line of its own, short of the
    column's width (its text's ``right`` edge) and ending on no punctuation a paragraph's last line would (a
    paragraph cut at a jump ends full; one ending short ends on a full stop), at most two such lines."""
    top = column[k].top
    for j in range(k - 1, max(k - 3, 0), -1):
        line = column[j]
        text = line.text.rstrip()
        edge = min(right, _line_end(column, line, body))
        if top - line.bottom > line_gap + body or edge - line.x1 < 2 * body or text.endswith(_PARAGRAPH_ENDS):
            break
        if text.startswith(("（", "(")) and text.endswith(("）", ")")) or _JUMP_MARK.search(text):
            break  # a jump marker or a closing byline ends the text above
        top = line.top
    return top


def _cut_at(
    lines: list[Line], columns: list[list[Line]], head: float, body: float, line_gap: float
) -> tuple[list[Line], list[Line]] | None:
    """(above, below) the cut over the first column's head (its top at ``head``) when the last column's story ends
    there, with white under it, and every column holds text of the band above it; else None.

    The last column's text stops at most ENDS_NEAR lines over the head, or anywhere above it when what it goes on
    with starts level with the head (within LEVEL of a line): the next band's first row, which a head's box or its
    space above lowers a little, or which the first column, longer than the others, reaches late. The cut runs over
    whichever of the two starts higher."""
    pitch = body + line_gap
    last = columns[-1]
    runs = next((ln for ln in last if ln.top >= head - LEVEL * pitch), None)
    level = runs is not None and runs.top <= head + LEVEL * pitch
    cut = min(head, runs.top) - 0.5 if level and runs is not None else head - 0.5
    above = [ln for ln in last if ln.top < cut]
    below = [ln for ln in last if ln.top >= cut]
    if len(above) < MIN_ABOVE or not below:
        return None
    end, runs_on = above[-1], below[0]
    right = max(ln.x1 for ln in last)
    if runs_on.top - end.bottom < line_gap + 0.5 * body:
        return None  # the last column's text does not stop there: no white under it
    if cut - end.bottom > ENDS_NEAR * pitch and not (level and runs_on is runs):
        return None  # it stops well above the head and goes on lower down: no band's end
    if not _ends_story(end, right, body) or _is_head(runs_on, body) or _CONT_LINE.match(runs_on.text):
        return None
    if _spaces_paragraphs(columns, cut, body, runs_on.top - end.bottom):
        return None  # white under a paragraph's end is how the band parts all its paragraphs: no story's end
    if any(not [ln for ln in col if ln.top < cut] or not [ln for ln in col if ln.top >= cut] for col in columns):
        return None  # a column with nothing in the band, or with nothing under it: no band ends across them all
    return [ln for ln in lines if ln.top < cut], [ln for ln in lines if ln.top >= cut]


def _spaces_paragraphs(columns: list[list[Line]], cut: float, body: float, white: float) -> bool:
    """Does the band (its columns above ``cut``) set white between its paragraphs: do most of its paragraph ends
    (a line two characters or more short of its column's text, more text under it) have as much white under them
    as the last column's end has (``white``, to a tenth of the body: a paper's paragraph space is one amount)?

    A paper with no first-line indents parts its paragraphs with a line's white; there the white under the last
    column's paragraph is any paragraph's, level with the first column's subhead by chance."""
    ends = spaced = 0
    for column in columns:
        band = [ln for ln in column if ln.top < cut]
        text = [ln for ln in band if not _is_head(ln, body)]
        if not text:
            continue
        right = max(ln.x1 for ln in text)
        for line, under in zip(band, band[1:], strict=False):
            if _is_head(line, body) or _is_head(under, body) or right - line.x1 <= 2 * body:
                continue  # (a line short by a character or two: a ragged edge, digits, Latin words)
            ends += 1
            spaced += under.top - line.bottom >= white - 0.1 * body
    return 2 * spaced > ends > 0


def _side_by_side(columns: list[list[Line]], body: float) -> bool:
    """Do two or more columns open under headlines of their own: a heading group at a column's top (its first lines
    in display type, a jump's continuation line aside) holding headline type, not set under another column's
    opening headline (a subtitle '——…' under a headline across columns is that headline's)?

    Modules set side by side open that way; a band of flow stories opens one column with a headline or a section
    label ('■城乡新貌', kicker type), the next column running on or opening under a label or a subtitle."""
    groups = []
    for column in columns:
        group: list[Line] = []
        for line in column:
            if not _is_head(line, body) or _CONT_LINE.match(line.text):
                break
            group.append(line)
        groups.append(group)
    opening = [g for g in groups if any(ln.size >= HEAD_RATIO * body for ln in g)]
    heads = [ln for g in opening for ln in g]
    own = [
        g
        for g in opening
        if not any(h.top < g[0].top and h.x0 - body <= g[0].x0 and g[0].x1 <= h.x1 + body for h in heads)
    ]
    return len(own) > 1
