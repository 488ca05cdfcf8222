"""Kickers (引题) set in a face no larger than the body's, on one line or a few, over their headline.

A newspaper sets the kicker over its headline in a face of its own — 楷体 or a lighter 宋体 — at a size chosen
against the headline, not the body: half to two thirds of the headline's size, which for a modest headline is the
body's size or below it. The kicker is then no display type by its size alone (``qa.formats.pdf.lines._is_head``),
and a long one wraps onto a second line in a narrow module. What still marks it, on every paper:

- it is set **smaller than its headline** (a face of its own: at most ``SMALLER`` of the headline's size),
- **right over the headline** (a few points, never a paragraph's or a band's space: at most ``CLOSE`` of its size),
- **aligned with it** — both flush left, both centred or both flush right, or starting over the headline,
- **standing apart** from the text above it: no line in its own type sits at its line pitch over its first line
  (it is no last line of a paragraph of its size), and it is nearer its headline than to the text above,
- on **at most three lines** that **end no sentence** ('。', '：', '，' end a paragraph or a field; a kicker is a
  phrase) and are no jump marker, figure caption or credit ('（记者　王芳）' closing the story above).

Only on a multi-column page (a newspaper): in a report a small line right over a heading is a footnote's or a
caption's last line as often as a label of the heading.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from qa.formats.blocks import CAPTION_LABEL
from qa.formats.pdf.furniture import _JUMP_MARK
from qa.formats.pdf.lines import HEAD_RATIO, KICKER_RATIO, Line
from qa.formats.pdf.order import _SENTENCE_END, RULED_GAP
from qa.structure.cues import is_byline
from qa.structure.headings import MAX_KICKER_CJK

if TYPE_CHECKING:
    from qa.formats.pdf.paragraphs import _Item

# In units of the font size. Chosen on the Pango producer's DIAGNOSIS seeds (benchmarks/pango_dimensions.py) and
# reported on its REPORT seeds and the other producers (benchmarks/formats.py).
SMALLER = 0.8  # a kicker's size is at most this share of its headline's (a face set against the headline)
CLOSE = 1.0  # ... and its last line at most this far (x its size) over the headline
MAX_LINES = 3  # a kicker wraps onto at most this many lines; more is a paragraph
PITCH = 0.8  # a line of one type this close under another (x its size) is the next line of one stack
ALIGN = 1.0  # edges or centres this close (x the body size) are aligned


def _one_type(a: Line, b: Line) -> bool:
    return abs(a.size - b.size) <= 0.03 * a.size and a.bold == b.bold and a.page == b.page


def _next_in_stack(a: Line, b: Line) -> bool:
    """Is ``b`` the line right under ``a`` in one stack of lines of one type?"""
    return _one_type(a, b) and 0 <= b.top - a.bottom < PITCH * a.size and b.x0 < a.x1 and a.x0 < b.x1


def _aligned(line: Line, head: Line, body: float) -> bool:
    """Flush left, centred or flush right with the headline, or starting over it."""
    return (
        abs(line.x0 - head.x0) <= ALIGN * body
        or abs((line.x0 + line.x1) - (head.x0 + head.x1)) <= 2 * ALIGN * body
        or abs(line.x1 - head.x1) <= ALIGN * body
        or head.x0 - 1.5 * body <= line.x0 < head.x1
    )


def small_kicker(items: list[_Item], i: int, body: float, line_gap: float | None = None) -> int:
    """The number of lines of the kicker set below display size that starts at line ``i`` (0 for none): a stack of
    at most ``MAX_LINES`` lines of one type right over headline type (see the module's docstring). ``line_gap``, the
    page's own white between two lines of a column where known: a line of the text above sits that far over the
    next one, so white clearly wider (by ``order.RULED_GAP`` of the body) sets the kicker apart, whatever its size."""
    first = items[i].line
    if first.size >= KICKER_RATIO * body or first.quoted or first.row:
        return 0  # display type is a kicker by size already (``_is_head``)
    stack = [first]
    j = i + 1
    while j < len(items) and len(stack) <= MAX_LINES and _next_in_stack(stack[-1], items[j].line):
        stack.append(items[j].line)
        j += 1
    if j >= len(items) or len(stack) > MAX_LINES:
        return 0
    head = items[j].line
    if head.size < HEAD_RATIO * body or head.quoted or head.page != first.page or first.size > SMALLER * head.size:
        return 0
    gap = head.top - stack[-1].bottom
    if not (0 <= gap <= CLOSE * first.size) or not all(_aligned(ln, head, body) for ln in stack):
        return 0
    text = "".join(ln.text.strip() for ln in stack)
    if (
        not text
        or any(ln.text.strip().endswith(_SENTENCE_END) for ln in stack)  # a line ending a sentence ends a paragraph
        or len(text) > MAX_KICKER_CJK
        or text.endswith(_SENTENCE_END + tuple("，、"))
        or _JUMP_MARK.search(text)
        or CAPTION_LABEL.match(text)
        or is_byline(text)
        or (text[0] in "（(" and text[-1] in "）)")
    ):
        return 0
    # Apart from the text above: no line of its type, flush with it, nearer than a line's space or twice its gap to
    # the headline (it would be a paragraph's last lines; a section label over it, '【今日关注】', is set elsewhere).
    apart = first.size if line_gap is None else min(first.size, line_gap + RULED_GAP * body)
    reach = max(apart, 2 * gap)
    for it in items:
        o = it.line
        if o.page != first.page or o is first or not (o.x0 < first.x1 and first.x0 < o.x1):
            continue
        space = first.top - o.bottom
        if 0 <= space < reach and _one_type(o, first) and abs(o.x0 - first.x0) <= 2.5 * first.size:
            return 0
    return len(stack)
