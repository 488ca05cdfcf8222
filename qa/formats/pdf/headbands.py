"""Does a headline head the columns under it? (part of step 3 of ``qa.formats.pdf``).

When the XY-cut meets a band of headline type atop columns, these rules decide whether the band
heads all the columns below (one story), only some (a story beside another), or none (a column
that runs on from above); a wrong answer reads one story's columns into another.
"""

from __future__ import annotations

from dataclasses import dataclass

from qa.formats.pdf.lines import (
    _CONT_LINE,
    GUTTER,
    HEAD_RATIO,
    Line,
    _column_groups,
    _is_head,
    _opens_article,
    interval_groups,
)
from qa.structure.cues import is_byline


def _heading_band_atop(bands: list[list[Line]], body: float) -> list[Line]:
    """The heading group standing alone across the top of a region whose columns start below it, their first
    column with plain text: the region's first leaf, or [].

    A word processor sets the lead's headline in a one-column section across the page (centred), and the
    story's text starts at the top of the first column of the multi-column section below, with no
    full-width gap between. When the headline does not reach over the first column and that column holds
    other stories further down (with their own headlines), joining the column to the headline's strip
    cannot tell: what does is that nothing stands beside the headline and the columns all start under it
    (centred over one middle column or across several, its story starts at the top of the first; set flush left
    in a later column, it is that column's head).
    Its byline (or a caption) set apart under it goes with it."""
    if len(bands) < 2:
        return []
    k = 0
    while k < len(bands) and all(_is_head(ln, body) and not _CONT_LINE.match(ln.text) for ln in bands[k]):
        k += 1
    group = [ln for band in bands[:k] for ln in band]
    if not any(ln.size >= HEAD_RATIO * body and not ln.quoted for ln in group):
        return []
    if len(interval_groups([(ln.x0, ln.x1, i) for i, ln in enumerate(group)], GUTTER * body)) > 1:
        return []  # headlines side by side, each over its own column: not one heading across the columns
    if k < len(bands) and len(bands[k]) == 1 and len(bands) > k + 1 and is_byline(bands[k][0].text):
        group += bands[k]
        k += 1
    rest = [ln for band in bands[k:] for ln in band]
    if not rest:
        return []
    columns = _column_groups(rest, body)
    if len(columns) < 2:
        return []
    spans = [(min(rest[i].x0 for i in col), max(rest[i].x1 for i in col), col) for col in columns]
    h0, h1 = min(ln.x0 for ln in group), max(ln.x1 for ln in group)
    over = any(min(h1, x1) - max(h0, x0) > body for x0, x1, _ in spans)  # it heads some column below
    _, first_x1, first = min(spans, key=lambda s: s[0])
    opener = min((rest[i] for i in first), key=lambda ln: ln.top)
    if not over or h0 < first_x1 or _is_head(opener, body) or _CONT_LINE.match(opener.text):
        return []  # (a headline over the first column holds it in its strip already)
    if any(x0 - body <= h0 < x0 + GUTTER * body and h1 <= x1 and x1 - h1 > h0 - x0 + body for x0, x1, _ in spans):
        # Set flush with a later column's left edge and short of its right one: that column's own heading, not
        # centred over the columns — a paper's section head atop its second column, set higher than the first
        # column's text when a figure opens that one (read first, '3 Method' became the title's subtitle).
        return []
    return group


def _not_last_column(left: list[Line], strip: list[Line], segment: list[Line], body: float) -> bool:
    """Is ``strip``'s part of ``segment`` (the region between two article boundaries) surely not the
    last column of the article ``left`` holds there? It is not when ``left`` has no body text there
    (a kicker alone) while it has, or when its leftmost column opens an article below body text of
    its own (a story starting mid-column)."""
    own = {id(ln) for ln in strip}
    lines = [ln for ln in segment if id(ln) in own]
    if not lines:
        return False
    theirs = {id(ln) for ln in left}
    if any(not _is_head(ln, body) for ln in lines) and all(_is_head(ln, body) for ln in segment if id(ln) in theirs):
        return True
    first = [lines[i] for i in _column_groups(lines, body)[0]]
    return any(
        _opens_article(ln, body) and any(not _is_head(o, body) and o.bottom <= ln.top + 1 for o in first)
        for ln in first
    )


def _heading_over_columns(lines: list[Line], body: float) -> tuple[list[Line], list[Line]]:
    """The heading group atop a region whose body, without it, stands in several columns.

    A headline crossing a gutter (centred over an article's columns) holds them together as one
    strip; when the columns do not share a baseline grid (paragraph spaces, or a typesetter that sets
    each column alone) no full-width gap parts the headline from them either, and reading that strip
    row by row interleaves its columns' lines. Headline type marks the group: it is cut off by type,
    and what is under it is read column by column. ([], lines) when there is no such group.
    """
    ordered = sorted(lines, key=lambda ln: (ln.top, ln.x0))
    k = 0
    while k < len(ordered) and _is_head(ordered[k], body) and not _CONT_LINE.match(ordered[k].text):
        k += 1
    if k > 0 and not any(ln.size >= HEAD_RATIO * body for ln in ordered[:k]):
        return [], lines
    if any(_is_head(ln, body) and ln.size >= HEAD_RATIO * body for ln in ordered[k:]):
        return [], lines  # another headline below: not one article's head over its columns
    # A byline or photo caption set across the columns, right under the heading group and above
    # every column's first line, goes with the head.
    # (Also with no heading group here: the cut under the headline left them atop the columns.)
    for extra in range(4):
        rest = ordered[k + extra :]
        if len(rest) < 2:
            return [], lines
        if len(_column_groups(rest, body)) > 1:
            return ([], lines) if k + extra == 0 else (ordered[: k + extra], rest)
        if rest[0].bottom > min(ln.top for ln in rest[1:]) + 0.3 * body:
            return [], lines
    return [], lines


@dataclass
class _Row:
    """A line as ``kickers.small_kicker`` reads it (an item of the reading order: its ``line``)."""

    line: Line


def _body_top_under_headline(strip: list[Line], body: float) -> tuple[float, ...] | None:
    """Where the text under the heading group that opens ``strip`` starts — the tops of its first lines,
    and of the first line that reads on into a column (a byline or a photo's caption set apart
    above the columns is no column) — or None when the strip does not open with a headline
    (display type with headline type among it). A kicker (引题) set in the body's size right over the headline
    (``kickers.small_kicker``) belongs to the heading group: the strip still opens with a headline."""
    from qa.formats.pdf.kickers import small_kicker  # (kickers reads order, which reads this module)

    ordered = sorted(strip, key=lambda ln: (ln.top, ln.x0))
    kicker = small_kicker([_Row(ln) for ln in ordered], 0, body) if ordered and not _is_head(ordered[0], body) else 0
    k = kicker
    while k < len(ordered) and _is_head(ordered[k], body) and not _CONT_LINE.match(ordered[k].text):
        k += 1
    if k == kicker or not any(ln.size >= HEAD_RATIO * body for ln in ordered[:k]):
        return None
    if k == len(ordered):
        # Display type only: a headline centred over its article's columns whose text did not reach
        # the columns under it (a typesetter that fills columns one by one, unbalanced). Its body
        # would start right under its foot.
        return (max(ln.bottom for ln in ordered),)
    # The first rows under the head: a byline or a caption may sit right above the columns' text.
    column = _column_top(ordered[k:], body)
    return tuple(ln.top for ln in ordered[k : k + 3]) + (() if column is None else (column,))


def _column_top(lines: list[Line], body: float) -> float | None:
    """Top of the first body line (in the body's very size: a caption is a little smaller) with the next
    body line of its column right under it."""
    ordered = sorted(lines, key=lambda ln: (ln.top, ln.x0))
    for n, ln in enumerate(ordered[:12]):
        if abs(ln.size - body) >= 0.05 * body:
            continue
        if any(
            abs(o.size - body) < 0.05 * body and 0 <= o.top - ln.bottom < 1.5 * body and o.x0 < ln.x1 and ln.x0 < o.x1
            for o in ordered[n + 1 : n + 12]
        ):
            return ln.top
    return None


Box = tuple[float, float, float, float]  # a frame drawn on the page: x0, top, x1, bottom


def _level(starts: tuple[float, ...] | None, strip: list[Line], body: float, frames: list[Box] = ()) -> bool:
    """Does ``strip`` (no headline of its own) start on a row where text starts under a headline? A byline set atop
    the column starts it too, and so does a photo (a frame) over the column with its caption under it."""
    if starts is None:
        return False
    column = _column_top(strip, body)
    ordered = sorted(strip, key=lambda ln: (ln.top, ln.x0))
    firsts = (ordered[0].top,) + (() if column is None else (column,))
    if len(ordered) > 1 and is_byline(ordered[0].text):
        firsts += (ordered[1].top,)
    x0, x1 = min(ln.x0 for ln in strip), max(ln.x1 for ln in strip)
    for f0, f_top, f1, foot in frames:
        if 0 <= ordered[0].top - foot < 1.5 * body and min(f1, x1) - max(f0, x0) > 0.5 * (x1 - x0):
            firsts += (f_top,)
    return any(abs(a - b) <= 0.6 * body for a in firsts for b in starts)


def _framed_apart(left: list[Line], strip: list[Line], frames: list[tuple[float, float, float, float]]) -> bool:
    """Whether a box drawn round the headline opening ``strip`` and text under it leaves ``left`` out: a framed
    module's title heads only what the frame holds (a shaded band behind a headline frames no module)."""
    first = min(strip, key=lambda ln: (ln.top, ln.x0))

    def inside(ln: Line, box: tuple[float, float, float, float]) -> bool:
        return box[0] - 1 <= ln.x0 and ln.x1 <= box[2] + 1 and box[1] - 1 <= ln.top and ln.bottom <= box[3] + 1

    return any(
        inside(first, box)
        and any(ln.top >= first.bottom and inside(ln, box) for ln in strip)  # a box round a module, not a band
        and not any(inside(ln, box) for ln in left)
        for box in frames
    )


def _under_one_headline(
    strips: list[list[Line]], body: float, frames: list[tuple[float, float, float, float]] = ()
) -> list[list[Line]]:
    """Strips joined to the strip on their right whose centred headline heads their columns.

    A headline centred over its article's columns leaves white space beside it that looks like a
    gutter, cutting the first column away from it. When a strip opens with a headline that spans a
    gutter of the columns under it (it heads several columns), a column with no headline of its own
    a gutter to its left, whose text starts on the same row as the first body line under that
    headline, is one of its columns: the article is read with its headline first, then its columns
    left to right. (Columns right of the headline's strip need no joining: they are read after it.)
    """
    if len(strips) < 2:
        return strips
    out = [list(s) for s in strips]
    heads = [_body_top_under_headline(s, body) for s in out]
    # A headline spanning a gutter of the columns under it — or one set apart from its own column's left
    # edge (centred) or with no text under it: a typesetter that fills columns one by one leaves the last
    # columns of a short story empty, and its centred headline then sits over one column, apart from the
    # first (or over none at all). A headline flush with its column's edge heads no column to its left.
    spanning = [h is not None and _heads_left(s, body) for s, h in zip(out, heads, strict=True)]

    def beside(a: list[Line], b: list[Line], starts: tuple[float, ...] | None) -> bool:
        """``a`` a gutter left of ``b`` (not a whole empty column away), its text starting on a row
        where text starts under ``b``'s headline."""
        gap = min(ln.x0 for ln in b) - max(ln.x1 for ln in a)
        return gap < 0.5 * (max(ln.x1 for ln in a) - min(ln.x0 for ln in a)) and _level(starts, a, body, frames)

    k = len(out) - 2
    while k >= 0:
        left = out[k]
        first = min(left, key=lambda o: (o.top, o.x0)) if left else None
        if (
            spanning[k + 1]
            # A '（上接第N版）' atop it opens the continuation the headline (a jump head) repeats the title of.
            and not any(_opens_article(ln, body) for ln in left if ln is not first)
            and not any(ln.size >= HEAD_RATIO * body and not ln.quoted for ln in left)
            and beside(left, out[k + 1], heads[k + 1])
            and not _framed_apart(left, out[k + 1], frames)
            # Not when a headline on its left heads it as well (pages set on one baseline grid
            # start every article's body on one row): it is read after that headline anyway. A headline
            # centred on its own one column heads no other (over two it would be centred across the gutter) —
            # unless a column with no headline stands beside it on its left too, its text level with the
            # headline's: then the headline is centred over three columns (the middle one its own), and this one
            # is its story's last.
            and not (
                k > 0
                and heads[k - 1] is not None
                and beside(out[k - 1], left, heads[k - 1])
                and (
                    not _centred_on_one_column(out[k - 1], body)
                    or (k > 1 and heads[k - 2] is None and beside(out[k - 2], out[k - 1], heads[k - 1]))
                )
            )
        ):
            out[k + 1] = left + out[k + 1]
            del out[k], heads[k], spanning[k]
        k -= 1
    return out


def _centred_on_one_column(strip: list[Line], body: float) -> bool:
    """Whether the headline opening ``strip`` is a one-column story's: its text one column, the headline's lines
    within it and centred on it, set in from both its edges or wrapped at its measure (two lines and more). A desk
    centres a headline over all its story's columns (across the gutters between them) and breaks it at their
    width, so one centred on a single column heads that column and no neighbour — also when the neighbour's text
    starts on its row (a page on one baseline grid starts every story's text on one row)."""
    heads = _opening([ln for ln in strip if ln.size >= HEAD_RATIO * body and not ln.quoted])
    text = [ln for ln in strip if not _is_head(ln, body)]
    if not heads or not text or len(_column_groups(text, body)) != 1:
        return False
    left, right = min(ln.x0 for ln in text), max(ln.x1 for ln in text)
    within = all(
        left - body <= h.x0 and h.x1 <= right + body and abs((h.x0 + h.x1) / 2 - (left + right) / 2) <= body
        for h in heads
    )
    return within and (len(heads) > 1 or (heads[0].x0 > left + body and heads[0].x1 < right - body))


def _heads_left(strip: list[Line], body: float) -> bool:
    """May the headline opening ``strip`` head a column to its left? When it spans a gutter of the columns
    under it, stands over no text, or is set in from its column's left edge or centred on it (centred
    over more columns than its own)."""
    heads = [ln for ln in strip if ln.size >= HEAD_RATIO * body and not ln.quoted]
    text = [ln for ln in strip if not _is_head(ln, body)]
    if not heads or not text:
        return True
    columns = _column_groups(text, body)
    spans = [(min(text[i].x0 for i in col), max(text[i].x1 for i in col)) for col in columns]
    if any(sum(min(h.x1, x1) - max(h.x0, x0) > body for x0, x1 in spans) >= 2 for h in heads):
        return True
    left, right = min(ln.x0 for ln in text), max(ln.x1 for ln in text)
    h0 = min(h.x0 for h in heads)
    # Centred: every line of it (a headline broken flush left, its last line short, is set left, not centred).
    return h0 > left + body or all(abs((h.x0 + h.x1) / 2 - (left + right) / 2) <= body for h in _opening(heads))


def _opening(heads: list[Line]) -> list[Line]:
    """The lines of the first headline among ``heads`` (headline type): the top one and those set right under it."""
    ordered = sorted(heads, key=lambda ln: (ln.top, ln.x0))
    run = ordered[:1]
    for ln in ordered[1:]:
        if ln.top - run[-1].bottom > 0.5 * ln.size:
            break
        run.append(ln)
    return run
