"""A flow's text carried to the top of a page's next column, that column running out under it: read after the
column it continues (part of step 3 of ``qa.formats.pdf``).

A report set in two frames (reportlab's Frames, a word processor's columns) fills its first column to the page's
foot, then carries the paragraph on at the top of the second. When the section ends there — a page template changes
after it — the second column holds a few lines at its top and white under them. The XY-cut cuts the page across at
every gap over the first column's headings (nothing in the second column runs through them) and reads the second
column's lines with the band at the top of the page: the first column's opening heading, then the carried lines,
filed under that heading ('joint failures on paper-insulated cables laid before 1980.' under '1 Network Overview'
instead of '2.2 Fault Causes', where its sentence starts at the first column's foot).

What tells it: the leaf stands at the top of the page's text, opens with no heading and has nothing under it in its
column; the lines left of it reach the page's foot further down, and the lowest of them runs on (it ends no sentence
and had no room for the leaf's first word). Then the leaf is read right after the leaf holding that lowest line. A
newspaper story's last column also reads on from its left column, but under the story's own headline and level with
its other columns, not alone at a page's top with the left column's foot running on into it.
"""

from __future__ import annotations

from qa.formats.pdf.lines import Line, _is_head
from qa.formats.pdf.paragraphs import SHORT_LINE, _ends_sentence, _lead_width


def carry_column_tails(leaves: list[list[Line]], body: float, pitch: float) -> list[list[Line]]:
    """``leaves`` with each carried column top (see the module) moved after the leaf its text continues."""
    lines = [ln for leaf in leaves for ln in leaf]
    if not lines:
        return leaves
    page_top = min(ln.top for ln in lines)
    order = list(leaves)
    for leaf in leaves:
        if not leaf or any(_is_head(ln, body) for ln in leaf):
            continue
        first = min(leaf, key=lambda ln: ln.top)
        x0, x1 = min(ln.x0 for ln in leaf), max(ln.x1 for ln in leaf)
        bottom = max(ln.bottom for ln in leaf)
        if first.top > page_top + pitch:
            continue  # not at the page's top
        if any(ln.top >= bottom - 1 and ln.x0 < x1 and x0 < ln.x1 for ln in lines):
            continue  # its column goes on under it
        left = [ln for ln in lines if ln.x1 <= x0]
        if not left:
            continue
        if any(
            other is not leaf
            and other
            and max(ln.x1 for ln in other) <= x0
            and not any(_is_head(ln, body) for ln in other)
            and abs(min(ln.top for ln in other) - first.top) < pitch
            and abs(max(ln.bottom for ln in other) - bottom) < pitch
            for other in leaves
        ):
            continue  # level with a column of text beside it: a band's last column, read on from that one
        foot = max(left, key=lambda ln: ln.bottom)
        if foot.bottom <= bottom + pitch or _is_head(foot, body) or _ends_sentence(foot.text):
            continue  # the column before it does not reach further down, or it ends there
        right = max(ln.x1 for ln in left if abs(ln.x0 - foot.x0) < body)
        room = right - foot.x1
        if room > SHORT_LINE * foot.size and room > _lead_width(first.text, first.size) + 0.25 * first.size:
            continue  # the foot's line ended short with room for the next word: its paragraph ends there
        k = order.index(leaf)
        home = next((i for i, other in enumerate(order) if any(ln is foot for ln in other)), None)
        if home is None or home < k:
            continue  # read after the column it continues already
        order.insert(home, order.pop(k))
    return order


def flows_through(strips: list[list[Line]], above: list[Line], top: float, bottom: float, body: float) -> bool:
    """Do two columns of a region read on through its gap ``top``..``bottom``, one flow from top to foot?

    A word processor's columns (and a paper's text snaking down one column and up into the next) carry the foot of a
    column to the top of the one right of it. Where that right column opens mid-paragraph — no indent, no head — over
    the gap while the column left of it ends its paragraph right over the gap (a sentence's end, a short line), its
    text came from no line above the gap; and where the left column's foot under the gap runs on (no sentence's end,
    no room for the next word), that is where it came from: both columns read on from top to foot, and white across
    them both at one height — a story ending in each, the next one's head under it — parts no band of columns.
    ``strips`` are the region's columns left to right, ``above`` its lines over the gap since its last band edge."""
    from qa.formats.pdf.paragraphs import INDENT  # (paragraphs imports order, which imports this module's users)

    over = {id(ln) for ln in above}
    for left, right in zip(strips, strips[1:], strict=False):
        left_up = [ln for ln in left if id(ln) in over and ln.bottom <= top + 1]
        right_up = [ln for ln in right if id(ln) in over and ln.bottom <= top + 1]
        left_down = [ln for ln in left if ln.top >= bottom - 1]
        if not left_up or not right_up or not left_down:
            continue
        opening = min(right_up, key=lambda ln: (ln.top, ln.x0))
        if _is_head(opening, body) or opening.x0 - min(ln.x0 for ln in right_up) >= INDENT * opening.size:
            continue  # the right column opens with a head or a paragraph of its own
        edge = max(ln.x1 for ln in left if not _is_head(ln, body)) if any(not _is_head(ln, body) for ln in left) else 0
        last = max(left_up, key=lambda ln: ln.bottom)
        if _is_head(last, body) or not _ends_sentence(last.text) or edge - last.x1 <= SHORT_LINE * last.size:
            continue  # the left column may carry its paragraph on into the right one over the gap
        foot = max(left_down, key=lambda ln: ln.bottom)
        room = edge - foot.x1
        if _is_head(foot, body) or _ends_sentence(foot.text):
            continue
        if room <= SHORT_LINE * foot.size or room <= _lead_width(opening.text, opening.size) + 0.25 * foot.size:
            return True
    return False
