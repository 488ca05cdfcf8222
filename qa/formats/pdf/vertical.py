"""Vertical headlines (竖题): a story's head set top to bottom in a strip at its module's edge.

Chinese dailies set some heads vertically, one character under the other in a narrow strip beside the story's
columns (at the right edge, where vertical text starts). Read by rows, each character is a line of its own, a leaf
of one-character lines that the column finder places after the columns to its left: the story's text was read
before its head and filed under the story above, and the head ('中', '国', '工' …) headed nothing, or the next
story. Here such a strip becomes one headline, read before the module it heads: the leaves right before it in
reading order that lie to its left, each a gutter from the next, and start level with it, or under a photo that
does (a module's columns start together; the columns of the story before, under their own headline, start lower or
are headed).

Set vertically, the strip is display type whatever its size (a 竖题 may be set no larger than the body, its place
tells it apart): it is read as headline type.

Only on a page of columns: a 竖题 heads one module of a page that sets its text in columns side by side. A notice or
poster set in one column may carry a decorative vertical slogan (竖排标语 '安全生产人人有责') in its margin, level with
its text; that strip heads nothing — read as a head, the notice's text would land under the slogan instead of under
the notice's own title. So on a page whose body text leaves (the strips aside) never sit side by side a strip stays
where it was read, joined into one line (its words, not one character a line) marked as display type that reads as
text (``quoted``): a paragraph of its own that heads nothing.
"""

from __future__ import annotations

from dataclasses import replace

from qa.formats.pdf.lines import HEAD_RATIO, Line

# Thresholds, in units of the strip's character size (or of the body size); chosen on the wkhtmltopdf DIAGNOSIS seeds.
MIN_CHARS = 3  # a strip of at least this many characters one under the other is vertical type
SOLID = 1.25  # ... set solid: each character at most this far (x its height) below the last
STRAIGHT = 0.3  # ... in one straight column: their left edges at most this far (x its size) apart
LEVEL = 0.6  # a column of the module starts at most this far (x the body) from the strip's top
BESIDE = 2.5  # ... and at most this far (x the body) left of the module's next column (a gutter apart)


def _vertical(leaf: list[Line]) -> bool:
    """Whether ``leaf`` is a strip of single ideographs one under the other, set solid (no line spacing)."""
    if len(leaf) < MIN_CHARS or any(len(ln.text) != 1 or not "\u4e00" <= ln.text <= "\u9fff" for ln in leaf):
        return False
    lines = sorted(leaf, key=lambda ln: ln.top)
    height = max(ln.bottom - ln.top for ln in lines)
    return all(
        0 < b.top - a.top <= SOLID * height and abs(b.x0 - a.x0) <= STRAIGHT * a.size
        for a, b in zip(lines, lines[1:], strict=False)
    )


def _columns(leaves: list[list[Line]], body: float) -> bool:
    """Whether two of the page's leaves of body text (vertical strips aside) sit side by side: apart across, sharing
    more than a line's height down the page — the page is set in columns, as a newspaper's is."""
    boxes = []
    for leaf in leaves:
        text = [ln for ln in leaf if abs(ln.size - body) < 0.1 * body]
        if text and not _vertical(leaf):
            boxes.append(
                (
                    min(ln.x0 for ln in text),
                    max(ln.x1 for ln in text),
                    min(ln.top for ln in text),
                    max(ln.bottom for ln in text),
                )
            )
    return any(
        (a[1] <= b[0] or b[1] <= a[0]) and min(a[3], b[3]) - max(a[2], b[2]) > body
        for k, a in enumerate(boxes)
        for b in boxes[k + 1 :]
    )


def _head(leaf: list[Line], body: float) -> Line:
    lines = sorted(leaf, key=lambda ln: ln.top)
    return replace(
        lines[0],
        text="".join(ln.text for ln in lines),
        x0=min(ln.x0 for ln in lines),
        x1=max(ln.x1 for ln in lines),
        core_x1=max(ln.x1 for ln in lines),
        top=lines[0].top,
        bottom=lines[-1].bottom,
        size=max(lines[0].size, 1.01 * HEAD_RATIO * body),
    )


def _level(leaf: list[Line], head: Line, frames: list[tuple[float, float, float, float]], body: float) -> bool:
    """Whether ``leaf`` starts level with ``head``, or right under a photo (a drawn box) that starts level with it."""
    top = min(ln.top for ln in leaf)
    if abs(top - head.top) <= LEVEL * body:
        return True
    x0, x1 = min(ln.x0 for ln in leaf), max(ln.x1 for ln in leaf)
    return any(
        abs(f_top - head.top) <= LEVEL * body and f_bottom <= top + body and f_x0 < x1 and f_x1 > x0
        for f_x0, f_top, f_x1, f_bottom in frames
    )


def vertical_heads(
    leaves: list[list[Line]], body: float, frames: list[tuple[float, float, float, float]] = ()
) -> list[list[Line]]:
    """``leaves`` (one page's, in reading order) with each vertical strip joined into one headline line and moved
    before the leaves of the module it heads, on a page set in columns; other leaves unchanged. ``frames``: the
    page's drawn boxes (x0, top, x1, bottom), photos among them."""
    out = list(leaves)
    if not _columns(out, body):  # one column of text: a strip beside it is a slogan, no module's head
        return [[replace(_head(leaf, body), quoted=True)] if _vertical(leaf) else leaf for leaf in out]
    j = 0
    while j < len(out):
        leaf = out[j]
        if not _vertical(leaf):
            j += 1
            continue
        head = _head(leaf, body)
        first = j
        while first > 0:
            prev = out[first - 1]
            if (
                not prev
                or max(ln.x1 for ln in prev) > head.x0 + 0.5 * body
                or not _level(prev, head, list(frames), body)
                or (first < j and min(ln.x0 for ln in out[first]) - max(ln.x1 for ln in prev) > BESIDE * body)
                or any(ln.size >= HEAD_RATIO * body for ln in prev)
            ):
                break
            first -= 1
        out[first : j + 1] = [[head], *out[first:j]]
        j += 1
    return out
