"""Reading order (step 3 of ``qa.formats.pdf``): a page's lines → leaves, each read top to bottom.

Recursive XY-cut: a region splits first at vertical gutters that run its full height, else at
horizontal gaps or type changes (``_horizontal_cuts``), else it is one leaf. Whether a headline band
heads the columns under it is ``headbands``' question; a dogleg story's run-on under its neighbour
is moved to follow its own column (``_doglegs``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from qa.formats.pdf.bandends import band_end_cut
from qa.formats.pdf.bandstarts import band_start_cut
from qa.formats.pdf.flow_ends import column_ran_out
from qa.formats.pdf.furniture import _JUMP_MARK
from qa.formats.pdf.headbands import _heading_band_atop, _heading_over_columns, _not_last_column, _under_one_headline
from qa.formats.pdf.lines import (
    _CONT_LINE,
    GUTTER,
    HEAD_RATIO,
    Line,
    _bands,
    _column_groups,
    _is_head,
    _opens_article,
    _ruled,
    _style,
)
from qa.formats.pdf.measure_change import wider_above
from qa.formats.pdf.spanned import spanned_columns
from qa.formats.pdf.stacked import stacked

# Thresholds, in units of the font size (or of the body size). Chosen on the tuning families of
# benchmarks/formats.py and reported there on a held-out family.
BLOCK_GAP = 0.5  # a horizontal gap this much (x body size) wider than the usual line gap separates blocks
OPENS_NEAR = 1.5  # a headline this many body lines below a full-width gap still opens what is under the gap
OPENS_UNDER = 6.0  # ... or this many, as the first line under the gap of a column whose text ends over it
BAND_GAP = 1.0  # ... when the gap is this much (x body size) wider than the line gap
RULED_GAP = 0.25  # a gap this much (x body size) wider than the line gap holds a rule between bands of modules
RULE_TOUCH = 0.3  # ... and in a narrower gap the rule may lie this far (x body size) into the box of the line under it
SPACED_GAP = 1.5  # where paragraphs are indented, white this much (x body size) over the line gap under columns
# ending on one row ends their block
_SENTENCE_END = tuple("。！？!?；;…：:")


@dataclass
class _Layout:
    body: float  # body font size
    line_gap: float  # usual whitespace between two body lines of one column
    para_gap: float | None = None  # usual space between paragraphs, where paragraphs are spaced (not indented)
    rules: list[tuple[float, float, float]] = field(default_factory=list)  # the page's horizontal rules
    frames: list[tuple[float, float, float, float]] = field(default_factory=list)  # the page's boxes
    pictures: list[tuple[float, float, float, float]] = field(default_factory=list)  # its images (runaround only)


def _xy_cut(lines: list[Line], layout: _Layout, depth: int = 0) -> list[list[Line]]:
    """Leaves (single columns of one block) of a region in reading order.

    Order of cuts: (1) a full-width gap above a headline — an article boundary, cut before the
    columns because short headlines leave gutters that run through several articles; (2)
    full-height gutters (a strip without a headline stays with the strip to its left when
    together they cut into articles); (3) horizontal gaps that do not separate a headline from
    what follows it (side-by-side articles are cut apart with their headlines before their
    bodies); (4) the gap under a headline.
    """
    if len(lines) <= 1 or depth > 60:
        return [_in_rows(lines)]
    bands = _bands(lines)
    cuts = _horizontal_cuts(bands, layout, "article") if len(bands) > 1 else []
    if len(cuts) > 1:
        return [leaf for cut in cuts for leaf in _xy_cut(cut, layout, depth + 1)]
    head = _heading_band_atop(bands, layout.body) or _jump_head_atop(bands, layout.body)
    if head:
        in_head = {id(h) for h in head}
        rest = [ln for ln in lines if id(ln) not in in_head]
        return [sorted(head, key=lambda ln: (ln.top, ln.x0)), *_xy_cut(rest, layout, depth + 1)]
    ended = band_end_cut(lines, layout.body, layout.line_gap)  # a band of columns ending with no gap (bandends.py)
    # (or the next band's columns starting together under heads set with no gap over them: bandstarts.py)
    ended = ended or band_start_cut(lines, layout.body, layout.line_gap, layout.para_gap is not None)
    if ended:
        return [leaf for part in ended for leaf in _xy_cut(part, layout, depth + 1)]
    strips = [[lines[i] for i in col] for col in _column_groups(lines, layout.body)]
    if len(strips) > 1 and stacked(strips, layout.line_gap, layout.body):  # lines one under another (stacked.py)
        strips = [lines]
    columns = strips
    if len(strips) > 1 and any(_opens_article(ln, layout.body) for ln in lines):
        # A strip may hold the last column of articles to its left whose headlines are narrower
        # than their bodies: keep it with them when together they cut into articles across their
        # full width (an article boundary runs through both) — unless between two such boundaries it
        # cannot be (see _not_last_column): then it is a column of a flow, where two stories may
        # start side by side by chance.
        merged: list[list[Line]] = []
        for strip in strips:
            if merged:
                joined = merged[-1] + strip
                cuts = _horizontal_cuts(_bands(joined), layout, "article")
                if len(cuts) > 1 and not any(_not_last_column(merged[-1], strip, cut, layout.body) for cut in cuts):
                    merged[-1] = joined
                    continue
            merged.append(list(strip))
        strips = _under_one_headline(merged, layout.body, layout.frames)
    if len(strips) > 1:
        return [leaf for strip in strips for leaf in _xy_cut(strip, layout, depth + 1)]
    if len(bands) > 1:
        for mode in ("block", "headline"):
            cuts = _horizontal_cuts(bands, layout, mode)
            if len(cuts) > 1:
                return [leaf for cut in cuts for leaf in _xy_cut(cut, layout, depth + 1)]
    parts = _heads_side_by_side(lines, layout.body)
    if parts:
        return [leaf for part in parts for leaf in _xy_cut(part, layout, depth + 1)]
    head, rest = _heading_over_columns(lines, layout.body)
    if head:
        return [head, *_xy_cut(rest, layout, depth + 1)]
    if len(columns) > 1:
        # Columns kept together (one article's columns beside its narrow headline) that nothing else
        # cuts: read them one after the other; rows across a gutter are no lines of text.
        return [leaf for column in columns for leaf in _xy_cut(column, layout, depth + 1)]
    # Columns under (or over) text crossing their gutter with no gap between (qa.formats.pdf.spanned)
    parts = spanned_columns(lines, layout.body, layout.line_gap)
    if parts:
        return [leaf for part in parts for leaf in _xy_cut(part, layout, depth + 1)]
    return [_in_rows(lines)]


def _jump_head_atop(bands: list[list[Line]], body: float) -> list[Line]:
    """A continuation's head standing alone across the top of a region, with its marker line ('（接一版）') set
    under it: the head and the marker, the region's first leaf, or [] (see headbands._heading_band_atop).

    A continuation on the next page opens under its headline set again, centred over the columns, with the marker
    line under it; centred, both may stand over one middle column only. The marker is no text of that column: read
    there, it opened the middle column's text ('（接一版）度。…'), and the story's text from the first column on
    came before its head. Without the marker lines the heading group is asked as any head atop a region is."""
    k = 0
    while k < len(bands) and all(_is_head(ln, body) or _CONT_LINE.match(ln.text) for ln in bands[k]):
        k += 1
    marks = [ln for band in bands[:k] for ln in band if _CONT_LINE.match(ln.text)]
    heads = [[ln for ln in band if not _CONT_LINE.match(ln.text)] for band in bands[:k]]
    if not marks or not any(heads):
        return []
    h0 = min(ln.x0 for band in heads for ln in band)
    h1 = max(ln.x1 for band in heads for ln in band)
    h_top = min(ln.top for band in heads for ln in band)
    if any(m.top < h_top or m.x0 < h0 - body or m.x1 > h1 + body for m in marks):
        return []  # a marker line over the head or beside it (another continuation's, opening its column): no
        # continuation's head with its marker under it
    group = _heading_band_atop([band for band in heads if band] + bands[k:], body)
    return sorted(group + marks, key=lambda ln: (ln.top, ln.x0)) if group else []


def _heads_side_by_side(lines: list[Line], body: float) -> list[list[Line]]:
    """The region's columns, each with the heading lines over it, when its opening display type is the heads of
    stories set side by side, each over its own column; else [].

    A headline a little too long for its column runs into the gutter (a layout program lets a line overrun its
    frame rather than break a word) and nearly touches the headline beside it: no gutter parts them, and the two
    heading groups would read as one head over both columns. Each line of the group lying over one column of the
    text below, two columns or more so headed each by headline type, tells them apart."""
    ordered = sorted(lines, key=lambda ln: (ln.top, ln.x0))
    k = 0
    while k < len(ordered) and _is_head(ordered[k], body) and not _CONT_LINE.match(ordered[k].text):
        k += 1
    if k < 2:
        return []
    text = [ln for ln in ordered[k:] if not _is_head(ln, body)]
    columns = [[text[i] for i in col] for col in _column_groups(text, body)]
    if len(columns) < 2:
        return []
    spans = [(min(ln.x0 for ln in col), max(ln.x1 for ln in col)) for col in columns]

    def over(ln: Line) -> list[int]:  # the columns a line lies over (a short one, over half its width)
        least = min(body, (ln.x1 - ln.x0) / 2)
        return [c for c, (x0, x1) in enumerate(spans) if min(ln.x1, x1) - max(ln.x0, x0) > least]

    homes = [over(ln) for ln in ordered[:k]]
    if any(len(h) != 1 for h in homes):
        return []  # a line across a gutter (or over none): a head over several columns
    headed = {h[0] for h, ln in zip(homes, ordered, strict=False) if ln.size >= HEAD_RATIO * body and not ln.quoted}
    if len(headed) < 2:
        return []
    parts: list[list[Line]] = [[] for _ in spans]
    for ln in ordered:
        home = over(ln)
        if not home:
            return []
        parts[max(home, key=lambda c: min(ln.x1, spans[c][1]) - max(ln.x0, spans[c][0]))].append(ln)
    return [part for part in parts if part]


def _box(leaf: list[Line]) -> tuple[float, float, float, float]:
    """x0, top, x1, bottom of a leaf."""
    return (
        min(ln.x0 for ln in leaf),
        min(ln.top for ln in leaf),
        max(ln.x1 for ln in leaf),
        max(ln.bottom for ln in leaf),
    )


def _dogleg_at(order: list[list[Line]], k: int, layout: _Layout) -> int | None:
    """The index of the leaf after which leaf ``k`` reads when it is the part of a dogleg under a neighbour, or
    None (see _doglegs)."""
    body, reach = layout.body, 2 * (layout.body + layout.line_gap)
    boxes = [_box(leaf) for leaf in order[: k + 1]]
    x0, top, x1, bottom = boxes[k]
    first = min(order[k], key=lambda ln: (ln.top, ln.x0))
    if _is_head(first, body) or _CONT_LINE.match(first.text):
        return None
    # The column above it: the nearest leaf over its width, ending in body text a short gap above it (or a
    # short gap under the box drawn round it: a framed module, a brief box, ends at its frame, not its text).
    over = [j for j in range(k) if boxes[j][3] <= top + 1 and min(boxes[j][2], x1) - max(boxes[j][0], x0) > body]
    ends = {j: _framed_bottom(boxes[j], layout.frames, top) for j in over}
    if not over:
        return None
    up = max(over, key=lambda j: (ends[j], boxes[j][3]))
    foot = max(order[up], key=lambda ln: ln.bottom)
    if (
        top - ends[up] >= 2 * reach
        or abs(foot.size - body) >= 0.05 * body
        or _is_head(foot, body)
        or sum(abs(ln.size - body) < 0.05 * body for ln in order[up]) < 2
    ):
        return None
    # The column on its left, starting higher and reaching down to its foot, read before the neighbour's head.
    left = [
        j
        for j in range(up)
        if 0 <= x0 - boxes[j][2] < 3 * body
        and abs(boxes[j][3] - bottom) < reach
        and _photo_top(boxes[j], layout.frames, reach) < top - reach
        and not _is_head(max(order[j], key=lambda ln: ln.bottom), body)
    ]
    if not left:
        return None
    before = max(left)
    between = range(before + 1, k)
    if not any(_is_head(min(order[j], key=lambda ln: (ln.top, ln.x0)), body) for j in between):
        return None  # read after its own text already
    if any(boxes[j][3] > top + 1 for j in between):
        return None  # something read in between reaches down beside it: no neighbour's module ending above it
    return before


def _framed_bottom(box: tuple[float, float, float, float], frames, limit: float) -> float:  # noqa: ANN001
    """The bottom of a leaf's ``box``, or of a frame drawn round it that ends above ``limit``."""
    x0, top, x1, bottom = box
    feet = [b for a, t, c, b in frames if a - 1 <= x0 and x1 <= c + 1 and t - 1 <= top and bottom <= b <= limit + 1]
    return max([bottom, *feet])


def _photo_top(box: tuple[float, float, float, float], frames, reach: float) -> float:  # noqa: ANN001
    """The top of a leaf's ``box``, or of a frame standing right above it over its width (a photo heading the
    column, its caption between): where the column starts on the page."""
    x0, top, x1, _ = box
    return min(
        [top] + [f[1] for f in frames if 0 <= top - f[3] < reach and min(f[2], x1) - max(f[0], x0) > 0.5 * (x1 - x0)]
    )


def _doglegs(leaves: list[list[Line]], layout: _Layout) -> list[list[Line]]:
    """Leaves reordered so that a dogleg's last columns follow its own text, not the neighbour's above them.

    An L-shaped (dogleg) story fills its own columns and runs on under its right-hand neighbour, whose module
    ends part-way down; the cuts read that part after the neighbour, under the neighbour's headline. What
    tells it: text with no head of its own sits under a column of the neighbour's body that ended (body type
    to its last line: a photo's caption over a story's own text is no such end), and the column left of it,
    starting higher, reaches down to the same foot — the story there ran on into it. It is read right after
    that column, with the leaves beside it on its row (the dogleg's further columns)."""
    order = list(leaves)
    k = 0
    while k < len(order):
        before = _dogleg_at(order, k, layout)
        if before is None:
            k += 1
            continue
        x0, top, x1, _ = _box(order[k])
        group = [k]
        for m in range(k + 1, len(order)):
            m0, m_top, _, _ = _box(order[m])
            if abs(m_top - top) >= layout.body or m0 < x1 or _is_head(order[m][0], layout.body):
                break
            group.append(m)
            x1 = _box(order[m])[2]
        run = [order[m] for m in group]
        rest = order[:k] + order[group[-1] + 1 :]
        order = rest[: before + 1] + run + rest[before + 1 :]
        k += len(group)
    return order


def _stranded_heads(leaves: list[list[Line]], layout: _Layout) -> list[list[Line]]:
    """Leaves reordered so that a headline stranded at a column's foot is read before its text atop the next column.

    A typesetter that breaks a column right after a headline (TeX's multicol, a word processor's column break) leaves
    the headline, perhaps with its byline, at the foot of one column and starts its text at the top of the next. A
    headline has text: when nothing stands under it in its column, the headless leaves of the next column read last
    before it, since the last headline (which heads only its own column), starting above it, are its text."""
    body = layout.body
    order = list(leaves)

    def opening(leaf: list[Line]) -> Line:
        return min(leaf, key=lambda ln: (ln.top, ln.x0))

    k = 0
    while k < len(order):
        first = opening(order[k])
        if first.size < HEAD_RATIO * body or first.quoted or _CONT_LINE.match(first.text):
            k += 1
            continue
        hx0, _, hx1, foot = _box(order[k])
        group = [k]
        if k + 1 < len(order) and len(order[k + 1]) <= 2:  # its byline, set under it
            bx0, b_top, bx1, b_foot = _box(order[k + 1])
            if bx0 < hx1 and hx0 < bx1 and 0 <= b_top - foot < 2 * body and not _is_head(order[k + 1][0], body):
                group.append(k + 1)
                foot = b_foot
        under = any(
            ln.top >= foot - 1 and min(ln.x1, hx1) - max(ln.x0, hx0) > body
            for m, leaf in enumerate(order)
            if m not in group
            for ln in leaf
        )
        heads = [j for j in range(k) if opening(order[j]).size >= HEAD_RATIO * body]
        if under or not heads:
            k += len(group)
            continue
        before = heads[-1]
        between = list(range(before + 1, k))
        boxes = {m: _box(order[m]) for m in between}
        moved = [m for m in between if boxes[m][0] >= hx1 - 1 and boxes[m][1] < first.top]
        own = [m for m in between if m not in moved]
        if (
            not moved
            or moved != between[len(own) :]  # the next column's text, read last before the headline
            or any(_is_head(opening(order[m]), body) for m in moved)
            or _box(order[before])[2] >= min(boxes[m][0] for m in moved)  # the last headline heads that column too
            or min(boxes[m][0] for m in moved) - max([hx1, *(boxes[m][2] for m in own)]) > 3 * body
        ):
            k += len(group)
            continue
        run = [order[m] for m in group]
        rest = [leaf for m, leaf in enumerate(order) if m not in group]
        order = rest[: moved[0]] + run + rest[moved[0] :]
        k += len(group)
    return order


def _in_rows(lines: list[Line]) -> list[Line]:
    """A column's lines top to bottom, and left to right within a row.

    Two lines of one size share a row when their tops lie within a third of it and they overlap vertically: the
    last line of a paragraph and a '（转第2版）' set flush right after it (a tab or fill to the column's edge)
    are read as two lines, and when the marker's face has a taller ascent its box starts a little higher —
    it must still come after the text it ends."""
    ordered = sorted(lines, key=lambda ln: (ln.top, ln.x0))
    out: list[Line] = []
    row: list[Line] = []
    for line in ordered:
        first = row[0] if row else line
        if row and not (
            abs(line.size - first.size) < 0.1 * first.size  # (a kicker may overlap its headline's box)
            and line.top - first.top < 0.3 * line.size
            and min(line.bottom, first.bottom) - line.top > 0.6 * min(line.bottom - line.top, first.bottom - first.top)
        ):
            out += sorted(row, key=lambda ln: ln.x0)
            row = []
        row.append(line)
    return out + sorted(row, key=lambda ln: ln.x0)


def _opens_below(line: Line, below: list[list[Line]], body: float) -> bool:
    """Does ``line``, at the top of ``band``, open an article? Headline type or '（上接第N版）' does;
    smaller display type does only as a kicker — with headline type right below it. A subhead
    (display type over body text) at the top of a band does not: columns set on one baseline grid
    leave full-width gaps between paragraphs, and a subhead there continues its article."""
    if _opens_article(line, body):
        return True
    if not _is_head(line, body):
        return False
    return any(
        ln.size >= HEAD_RATIO * body
        and line.bottom - 1 <= ln.top <= line.bottom + 2 * line.size
        and ln.x0 < line.x1
        and line.x0 < ln.x1
        for band in below
        for ln in band
    )


def _opens_near(first: list[Line], below: list[list[Line]], reach: float, body: float) -> bool:
    """Does a line starting above ``reach`` in the bands ``below`` a gap open an article, with no
    display type beside it atop another column (a kicker over the opening headline is its own)?"""
    openers = [ln for band in below for ln in band if ln.top <= reach and _opens_below(ln, below, body)]
    return bool(openers) and not any(
        _is_head(ln, body) and not any(o.x0 < ln.x1 and ln.x0 < o.x1 for o in openers) for ln in first
    )


def _under_headline_run(bands: list[list[Line]], j: int, body: float) -> bool:
    """Are the bands right above band ``j`` all display type, with headline type among them?"""
    k = j - 1
    while k >= 0 and all(_is_head(ln, body) for ln in bands[k]):
        if any(ln.size >= HEAD_RATIO * body for ln in bands[k]):
            return True
        k -= 1
    return False


def _horizontal_cuts(bands: list[list[Line]], layout: _Layout, mode: str) -> list[list[Line]]:
    """Bands merged wherever the gap between them is no boundary of the kind ``mode`` asks for.

    ``article``: a wide gap with display type (a headline, kicker) or '（上接第N版）' right below it;
    ``block``: a wide gap or a change of type, except under a headline; ``headline``: under a headline.
    """
    body = layout.body
    region = [ln for b in bands for ln in b]
    strips: list[list[Line]] | None = None  # the region's columns, for "article" mode, when first needed
    span: tuple[float, float] | None = None  # the region's left and right edges, likewise

    def columns() -> list[list[Line]]:
        nonlocal strips
        if strips is None:
            strips = [[region[i] for i in col] for col in _column_groups(region, body)]
        return strips

    cuts: list[list[Line]] = [list(bands[0])]
    for j, band in enumerate(bands[1:], start=1):
        above = cuts[-1]
        edge_above = max(ln.bottom for ln in above)
        edge_below = min(ln.top for ln in band)
        last = [ln for ln in above if ln.bottom >= edge_above - 1]
        first = [ln for ln in band if ln.top <= edge_below + 1]
        gap = edge_below - edge_above
        wide = gap > layout.line_gap + BLOCK_GAP * body
        under_headline = all(_is_head(ln, body) for ln in last)
        changed = {_style(ln, body) for ln in last} != {_style(ln, body) for ln in first}
        if mode == "article":
            # Only headline type holds on to what follows across a wide gap; a subhead left at
            # the foot of a column does not.
            # A headline opening one column a little lower than the plain text atop the others (the
            # space a headline keeps above it, where a new multi-column block starts with it) opens it
            # too — not beside display type there (a briefs column's next item is no such block).
            opens = wide and (
                any(_opens_below(ln, bands[j : j + 4], body) for ln in first)
                or _opens_near(first, bands[j : j + 4], edge_below + OPENS_NEAR * (body + layout.line_gap), body)
                or (
                    # (Not beside display type atop another column: a briefs column's next item.)
                    not any(_is_head(ln, body) and not _opens_article(ln, body) for ln in first)
                    and gap > layout.line_gap + BAND_GAP * body  # (a blank line at least: no paragraph space)
                    and _column_opens_below(bands, j, body, OPENS_UNDER * (body + layout.line_gap))
                )
            )
            # (Nor does a kicker: display type right over the headline it labels, whatever space its
            # paragraph settings leave between them.)
            above_headline = all(ln.size >= HEAD_RATIO * body for ln in last) or (
                all(_is_head(ln, body) for ln in last)
                and gap < 2 * body
                and any(
                    f.size >= HEAD_RATIO * body and not f.quoted and any(f.x0 < ln.x1 and ln.x0 < f.x1 for ln in last)
                    for f in first
                )
            )
            boundary = wide and not above_headline and opens
            # A line set across the gutters of the columns ending right over the gap (a band's heads, a continuation's
            # head over its columns) opens what is under it at any gap wider than the line spacing: no column reads
            # on through a line that crosses its gutter, however little white the typesetter left over it. Nor up
            # through one in body type right over the gap (a subtitle centred over the columns starting under it).
            pitch = body + layout.line_gap
            below = [ln for b in bands[j : j + 4] for ln in b]
            reach = [ln for ln in below if ln.top <= edge_below + 2 * pitch]
            ends = [ln for ln in above if ln.bottom >= edge_above - 2 * pitch and not _is_head(ln, body)]
            starts = [ln for ln in below if ln.top <= edge_below + 2 * pitch and not _is_head(ln, body)]
            over = [ln for ln in above if ln.bottom >= edge_above - 2 * pitch and not _is_head(ln, body)]
            # (Not where a column the crossing lines do not reach reads on through the gap: the gap is that column's
            # line space — a headline's second line over its text, a briefs column's next item — and the crossing
            # line stands under white of its own, higher up.)
            crossing = _across_gutters(ends, reach, body) + _across_gutters(starts, over, body)
            across = bool(crossing) and not _reads_through(columns(), edge_above, edge_below, crossing, layout)
            across = gap > 1.1 * layout.line_gap and not above_headline and across
            # Where paragraphs are indented, a story's columns keep to their line pitch: white across every column
            # wider than the line spacing by a rule's gap is a band's edge, and a head right under it opens the next
            # (a headline, or a label atop its column over the headline it labels, however much white between them) —
            # where it opens the band's first column: text opening a column left of the head under the same white is
            # that column reading on (a paragraph space its producer adds), the head a story's beside it, no band's.
            near = bands[j : j + 4]
            banded = (
                layout.para_gap is None
                and gap > layout.line_gap + RULED_GAP * body
                and not above_headline
                and len(_spans(ends, body)) > 1
                and any(
                    _is_head(ln, body)
                    and (_opens_below(ln, near, body) or _labels_from_afar(ln, near, body))
                    and not any(not _is_head(f, body) and f.x1 <= ln.x0 for f in first)
                    for ln in first
                )
            )
            # (Neither where a rule drawn over some of the columns at the gap's height stops short of another: the
            # rule is the bands' edge, and a column beyond its end a strip beside the bands — a briefs column, whose
            # white under one of its items parts no band.)
            spans = _spans(ends, body)
            beside = any(
                edge_above - 2 * pitch <= y <= edge_below + RULE_TOUCH * body
                and sum(a < x1 and x0 < b for a, b in spans) >= 2
                and any(a >= x1 or b <= x0 for a, b in spans)
                for x0, x1, y in layout.rules
            )
            if (across or banded) and not boundary and not beside:  # (nor where two columns read on: flow_tails)
                from qa.formats.pdf.flow_tails import flows_through  # (flow_tails imports paragraphs, which imports us)

                boundary = not flows_through(columns(), above, edge_above, edge_below, body)
            # Headline type right under text with no display type over it opens an article at any
            # clear gap when a rule over it parts it from that text: modules set close in bands
            # (parted by a rule, not by space) — unless a column beside the headline reads on through
            # the gap (columns on one baseline grid leave a full-width gap between every two rows).
            heads = [ln for ln in first if ln.size >= HEAD_RATIO * body and not ln.quoted]
            heads = [
                ln
                for ln in heads
                if _text_right_above(ln, above, body) and _ruled(ln, edge_above, edge_below, layout.rules, body)
            ]
            tight_head = False
            if gap > 0 and heads:
                tight_head = not _reads_through(columns(), edge_above, edge_below, heads, layout)
            if boundary and layout.para_gap is not None:
                boundary = not _continues_through(columns(), edge_above, edge_below, layout, bands[j : j + 6])
            # (nor where a flow's right column ran out above it: qa.formats.pdf.flow_ends)
            boundary = boundary and not column_ran_out(above, [ln for b in bands[j:] for ln in b], body)
            boundary = boundary or tight_head
            if not boundary and gap > 0 and not under_headline and layout.rules:
                # A rule drawn across the whole region between two rows parts two bands of modules (papers rule
                # off each band of stories, often with less space than an unruled band boundary needs), whatever
                # opens below it: the columns above end there. In a gap wider than a line's, anywhere in it; in a
                # narrower one (a typesetter that sets the next band's label right under its rule) the rule may
                # touch the top of the line under it, whose box starts above its glyphs.
                if span is None:
                    span = (min(ln.x0 for ln in region), max(ln.x1 for ln in region))
                wide_rule_gap = gap > layout.line_gap + RULED_GAP * body
                reach = 0.0 if wide_rule_gap else RULE_TOUCH * body
                boundary = any(
                    edge_above <= y <= edge_below + reach and x0 <= span[0] + body and x1 >= span[1] - body
                    for x0, x1, y in layout.rules
                )
        elif mode == "block":
            # A change of type counts only across more than a line's spacing: columns set on one
            # baseline grid leave a full-width gap between every row, and a subhead in one
            # column must not cut its neighbours' text into rows.
            # Nor does a paragraph space inside one column whose neighbours have ended above it
            # (or have their own paragraph space on the same row): the column reads on.
            # A subhead there is part of the column too (it does not open an article).
            # But where paragraphs are indented, not spaced, a blank line and a half under columns ending on one
            # row (a module's foot), or the foot of a frame drawn round the text above (a brief box), ends them.
            same_column = (
                gap < 3 * (layout.line_gap + body)
                and not (layout.para_gap is None and len(last) > 1 and gap >= layout.line_gap + SPACED_GAP * body)
                and not _frame_ends(last, first, edge_above, edge_below, layout.frames)
                and not any(_is_head(ln, body) for ln in last)
                and not any(_opens_below(ln, bands[j : j + 4], body) for ln in first)
                and all(any(f.x0 < ln.x1 and ln.x0 < f.x1 for ln in last) for f in first)
                and not wider_above(above, bands[j : j + 10], body)  # across the gutter below (measure_change.py)
            )
            boundary = not under_headline and not same_column and (wide or (changed and gap > 1.1 * layout.line_gap))
        else:  # "headline": the gap under display type, once nothing else cuts the region
            # Body type right under display type is a boundary at any clear gap: a subtitle set tight
            # over a body in several columns must not hold those columns together as one.
            # (Only under a headline's display run — headline type, then perhaps a subtitle — across
            # the band's width: a subhead inside a column, or beside another column's text, is not.)
            body_below = not any(_is_head(ln, body) for ln in first) and _under_headline_run(bands, j, body)
            boundary = under_headline and (wide or (changed and gap >= (0.3 if body_below else 0.9) * layout.line_gap))
        if boundary:
            cuts.append(list(band))
        else:
            above.extend(band)
    return cuts


def _labels_from_afar(line: Line, below: list[list[Line]], body: float) -> bool:
    """Is the next line under ``line`` in its column headline type — ``line`` a label (栏目名, a kicker) over the
    headline it labels, a blank line or two over it rather than tight (as ``_opens_below`` and ``_labels`` ask)?"""
    under = [ln for band in below for ln in band if ln.top >= line.bottom - 1 and ln.x0 < line.x1 and line.x0 < ln.x1]
    nxt = min(under, key=lambda ln: ln.top, default=None)
    return nxt is not None and nxt.size >= HEAD_RATIO * body and not nxt.quoted


def _spans(side: list[Line], body: float) -> list[list[float]]:
    """The columns of the lines ``side`` (the columns' lines nearest a gap): their extents across, parted by white at
    least GUTTER wide (a paragraph's short last line and the next one's indented first line, each narrower than their
    column, are one column)."""
    spans: list[list[float]] = []
    for ln in sorted(side, key=lambda ln: ln.x0):
        if spans and ln.x0 < spans[-1][1] + GUTTER * body:
            spans[-1][1] = max(spans[-1][1], ln.x1)
        else:
            spans.append([ln.x0, ln.x1])
    return spans


def _across_gutters(side: list[Line], lines: list[Line], body: float) -> list[Line]:
    """The ``lines`` (not pull quotes) that lie across the gutter between two columns of the lines ``side``, over
    each of the two by more than a character — and not past the columns' outer edges: a line reaching past them is
    set across the text's measure, the columns a table's inside it (qa.formats.pdf.spanned), no band's."""
    spans = _spans(side, body)
    if not spans:
        return []
    left, right = spans[0][0] - body, spans[-1][1] + body
    return [
        ln
        for ln in lines
        if not ln.quoted
        and sum(min(ln.x1, x1) - max(ln.x0, x0) > body for x0, x1 in spans) >= 2
        and left <= ln.x0
        and ln.x1 <= right
    ]


def _frame_ends(
    last: list[Line], first: list[Line], top: float, bottom: float, frames: list[tuple[float, float, float, float]]
) -> bool:
    """Does a frame drawn round the lines ``last`` end in the gap ``top``..``bottom``, above the lines ``first``?"""
    return any(
        top - 1 <= f3 <= bottom + 1 and all(f0 - 1 <= ln.x0 and ln.x1 <= f2 + 1 and f1 - 1 <= ln.top for ln in last)
        for f0, f1, f2, f3 in frames
    ) and bool(first)


def _column_opens_below(bands: list[list[Line]], j: int, body: float, reach: float) -> bool:
    """Does a column whose text ends above the gap over band ``j`` start an article below it — its first line
    under the gap headline type (or '（上接第N版）'), with plain text, not display type, last above the gap?

    Bands of modules parted by white space alone: a story's columns end on one row, and under the gap one
    column opens the next band's first story while its neighbours go on with that story's text (set
    after it) or other stories. Columns are the strips of the region's plain text (a headline spanning a
    gutter would join them). A photo across one story's columns leaves a full-width gap too, but its
    columns go on below it with text, not with a headline; and a column whose subhead (or a headline's
    byline) stands right over the gap reads on through it. The headline opens within ``reach`` of the gap
    (a rule and a module's space above it), not a column's length further down."""
    region = [ln for band in bands for ln in band]
    text = [ln for ln in region if not _is_head(ln, body)]
    top = min(ln.top for ln in bands[j])
    opens = False
    for column in _column_groups(text, body):
        x0, x1 = min(text[i].x0 for i in column), max(text[i].x1 for i in column)
        inside = [ln for ln in region if ln.x0 < x1 and x0 < ln.x1 and min(ln.x1, x1) - max(ln.x0, x0) > body]
        above = [ln for ln in inside if ln.bottom <= top + 1]
        under = [ln for ln in inside if ln.top >= top - 1]
        if not above or not under:
            continue
        last = max(above, key=lambda ln: ln.bottom)
        ordered = sorted(under, key=lambda ln: (ln.top, ln.x0))
        opener = ordered[0]
        if len(ordered) > 1 and not _opens_article(opener, body) and _labels(opener, ordered[1], body):
            opener = ordered[1]  # a kicker over the headline, in any type
        over = [ln for ln in above if ln is not last and ln.bottom <= last.top + 1]
        head_over = bool(over) and _is_head(max(over, key=lambda ln: ln.bottom), body)
        if (_is_head(last, body) or (head_over and last.top - max(o.bottom for o in over) < 1.5 * body)) and not (
            _is_head(opener, body)
        ):
            return False  # a subhead, or a headline's byline, over the gap: its column reads on below it
        near = opener.top - top <= reach
        opens = opens or (not _is_head(last, body) and near and _opens_article(opener, body))
    return opens


def _labels(line: Line, head: Line, body: float) -> bool:
    """Is ``line`` a kicker over ``head``: a short unpunctuated line right over headline type, over its start?"""
    return (
        len(line.text) <= 16
        and not line.text.endswith(_SENTENCE_END + tuple("，、"))
        and not _JUMP_MARK.search(line.text)
        and head.size >= HEAD_RATIO * body
        and not head.quoted
        and 0 <= head.top - line.bottom <= 1.5 * line.size
        and head.x0 - 1.5 * body <= line.x0 < head.x1
    )


def _reads_through(strips: list[list[Line]], top: float, bottom: float, heads: list[Line], layout: _Layout) -> bool:
    """Does a column the headlines ``heads`` do not reach read on through the gap ``top``..``bottom``
    (its lines right above and right below it a line's spacing apart)?"""
    body = layout.body
    for strip in strips:
        x0, x1 = min(ln.x0 for ln in strip), max(ln.x1 for ln in strip)
        if any(h.x0 < x1 and x0 < h.x1 for h in heads):
            continue
        above = [ln for ln in strip if ln.bottom <= top + 1]
        under = [ln for ln in strip if ln.top >= bottom - 1]
        if above and under:
            a = max(above, key=lambda ln: ln.bottom)
            b = min(under, key=lambda ln: ln.top)
            if b.top - a.bottom < layout.line_gap + BLOCK_GAP * body:
                return True
    return False


def _text_right_above(line: Line, above: list[Line], body: float) -> bool:
    """Is the nearest line above ``line`` (across its width) plain text, with no display type there?"""
    over = [ln for ln in above if ln.x0 < line.x1 and line.x0 < ln.x1 and ln.bottom <= line.top + 1]
    if not over:
        return False
    nearest = max(over, key=lambda ln: ln.bottom)
    return not _is_head(nearest, body) and not any(
        _is_head(ln, body) for ln in over if ln.bottom >= nearest.top - 0.5 * body
    )


def _continues_through(strips: list[list[Line]], top: float, bottom: float, layout: _Layout, below) -> bool:  # noqa: ANN001
    """Does a column (a strip of the region no line crosses) read on through the gap ``top``..``bottom``?

    Its last line above and first line below are body type, a paragraph space apart, and nothing
    below opens an article: the gap is that column's paragraph space, which happens to line up with
    a gap across the other columns (paragraphs spaced on one baseline grid), not an article boundary.
    """
    if layout.para_gap is None:
        return False
    body = layout.body
    for strip in strips:
        above = [ln for ln in strip if ln.bottom <= top + 1]
        under = [ln for ln in strip if ln.top >= bottom - 1]
        if not above or not under:
            continue
        a = max(above, key=lambda ln: ln.bottom)
        b = min(under, key=lambda ln: ln.top)
        if (
            abs((b.top - a.bottom) - layout.para_gap) <= 0.2 * body
            and not _is_head(a, body)
            and not _is_head(b, body)
            and not _opens_below(b, below, body)
        ):
            return True
    return False
