"""Text boxes floated beside the text (a Word callout, square wrap): their lines read apart, after the text.

Why: a word processor floats a bordered text box ('借阅须知 …') beside a paragraph and flows the body around it — the
body's lines beside the box end short of it, the lines under it run the full width again, with no white band at the
box's foot. Reading order by gutters and cuts finds neither a gutter down the whole region (the lines under the box
cross it) nor a cut across it (the body runs on past the box's foot), so the box's lines and the body's were one
region read by their tops: '每位读者…图书五' then '六时，法定节假日…' — each paragraph broken, both texts lost.

How: a drawn frame (``Page.frames``) that holds lines of text wholly inside it, crossed by no line, with body text
beside it that runs on under it — a line outside the box on its rows starts where a line right under the box (less
than ``UNDER`` line pitches below its foot) starts, and that line reaches across the box — is such a float. Its
lines are taken out before the page is cut into regions and read as one region of their own, after the region that
holds the text beside it (where a DOCX read directly puts a box: after the paragraph it is anchored to). A framed
story of a newspaper's page (a box among columns, white under it before the next module) is no float and is left
to the reading order: the text beside a float reaches down to its foot, and what runs on under it is body type, not
the next module's headline (a boxed story beside columns that end higher, over a headline reaching under both, had
been read apart as a float: the Chromium set fell 0.978 → 0.973).
"""

from __future__ import annotations

from qa.formats.pdf.lines import HEAD_RATIO, Line

UNDER = 3.0  # body sizes: the body's next line starts at most this far under the box's foot (a paragraph's space)
INSIDE = 0.5  # points: a line's box within the frame's by this much counts as inside it
MIN_LINES = 2  # a box holding fewer lines is a label, not a text box


def _inside(ln: Line, f: tuple[float, float, float, float]) -> bool:
    return ln.x0 >= f[0] - INSIDE and ln.x1 <= f[2] + INSIDE and ln.top >= f[1] - INSIDE and ln.bottom <= f[3] + INSIDE


def _crosses(ln: Line, f: tuple[float, float, float, float]) -> bool:
    """Does ``ln`` overlap the frame without lying inside it?"""
    overlaps = ln.x0 < f[2] and ln.x1 > f[0] and ln.top < f[3] and ln.bottom > f[1]
    return overlaps and not _inside(ln, f)


def _float(lines: list[Line], f: tuple[float, float, float, float], body: float) -> list[Line] | None:
    """The lines of the frame ``f`` when it is a text box the body flows around, else None."""
    inside = [ln for ln in lines if _inside(ln, f)]
    if len(inside) < MIN_LINES or any(_crosses(ln, f) for ln in lines):
        return None
    outside = [ln for ln in lines if not _inside(ln, f)]
    beside = [ln for ln in outside if ln.top < f[3] and ln.bottom > f[1] and (ln.x1 <= f[0] or ln.x0 >= f[2])]
    under = [
        ln
        for ln in outside
        if f[3] <= ln.top <= f[3] + UNDER * body and ln.x0 < f[2] and ln.x1 > f[0] and ln.size < HEAD_RATIO * body
    ]
    if not beside or not under:
        return None
    # The body wraps the box down to its foot: text beside it that stops well above the foot, with only a headline
    # under the box, is a page of modules (a boxed story beside another story's columns, the next module's head
    # under both), not a float.
    if f[3] - max(ln.bottom for ln in beside) > UNDER * body:
        return None
    # The text beside the box and under it is one column running on: they start at one edge.
    edges = {round(ln.x0) for ln in beside}
    if not any(min(abs(ln.x0 - e) for e in edges) <= 0.5 * body for ln in under):
        return None
    return inside


def text_boxes(lines: list[Line], frames: list[tuple[float, float, float, float]], body: float) -> list[list[Line]]:
    """The page's floated text boxes, each its lines top to bottom (see the module's doc)."""
    out: list[list[Line]] = []
    taken: set[int] = set()
    for f in sorted(frames, key=lambda f: (f[1], f[0])):
        found = _float([ln for ln in lines if id(ln) not in taken], f, body)
        if found:
            out.append(sorted(found, key=lambda ln: (ln.top, ln.x0)))
            taken |= {id(ln) for ln in found}
    return out


def place_boxes(leaves: list[list[Line]], boxes: list[list[Line]]) -> list[list[Line]]:
    """``leaves`` (the page's regions in reading order, the boxes' lines taken out) with each box after the last
    region holding a line beside it (on its rows), or at the end when none does."""
    out = list(leaves)
    for box in boxes:
        top, bottom = box[0].top, max(ln.bottom for ln in box)
        at = max(
            (k for k, leaf in enumerate(out) if any(ln.top < bottom and ln.bottom > top for ln in leaf)),
            default=len(out) - 1,
        )
        out.insert(at + 1, box)
    return out
