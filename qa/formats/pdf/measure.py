"""Where a one-column document's lines would end if they ran full: the measure a short line is short of.

The paragraph rule (``qa.formats.pdf.paragraphs._starts_paragraph``) ends a paragraph after a line that ends short
of its column's right edge, and reads that edge off the column's own lines (most lines of a column are full). A
notice, a contact sheet or a bilingual manual is a text of short paragraphs — one or two lines each — whose lines
mostly end where their paragraph ends: read off them, the edge is itself a short line's end, and '物业电话：12345678'
runs into '值班人员：张师傅', '一是…。' into '二是…。', an English sentence into the Chinese one under it. Two readings
of the measure that do not depend on most lines being full:

- the lines a paragraph wraps after, mid-sentence (the next line right under it, starting no further in and not
  indented, no longer than it, and no new field '值班人员：' opening it), fill the measure: their ends, over the whole
  document, say where it is (``MIN_WRAPS`` of them or more);
- with none of those (every paragraph one line), a page's margins: word processors, browsers and report
  generators set a page's text between equal margins, so the measure ends as far from the right edge as the text
  starts from the left.

And a short leaf set right or centred inside a column (a notice's signature '某某市教育局' / '2024年6月20日', right
aligned) is measured against that column, not against itself; lines set flush right one under the other are
paragraphs each (a signature's name and its date, not one run-on line: ``paragraphs._flush_right``).

Only for one-column documents (a newspaper's columns are full of wrapped lines), and only a finished sentence
(also an English one: '… with wet hands.') or a field's value ends a paragraph by this measure, and only well short
of it (``paragraphs.FAR_SHORT`` sizes: the page's margins are a guess).
"""

from __future__ import annotations

from dataclasses import replace

from qa.formats.pdf.lines import Line
from qa.formats.pdf.paragraphs import INDENT, _Item, ends_sentence, field_follows

MIN_WRAPS = 3  # wrapped lines needed to read the measure off the text rather than the page's margins


def _wraps(a: _Item, b: _Item) -> bool:
    """Does the paragraph wrap after ``a`` (``b`` right under it, no further in, the sentence going on)?"""
    x, y = a.line, b.line
    return (
        a.leaf == b.leaf
        and x.page == y.page
        and abs(x.size - y.size) < 0.1 * x.size
        and 0 <= y.top - x.bottom < x.size
        and y.x0 <= min(x.x0 + 0.3 * x.size, a.left + INDENT * x.size)
        and x.x1 >= y.x1 - x.size  # (a paragraph's line is no shorter than the next: a title over its text is)
        and not ends_sentence(x.text)
        and not field_follows(x.text, y.text)
    )


def measure_one_column(items: list[_Item], widths: dict[int, float], body: float) -> list[_Item]:
    """``items`` with each one's ``measure`` (where its lines would end if full) and a short leaf set inside a
    wider column measured against that column. ``widths``: each page's width."""
    items = _inside_columns(_widen_to_wraps(items, body), body)
    spans = [a.line.x1 - a.left for a, b in zip(items, items[1:], strict=False) if _wraps(a, b)]
    spans.sort()
    page_left: dict[int, float] = {}
    for it in items:
        page_left[it.line.page] = min(page_left.get(it.line.page, it.left), it.left)
    out = []
    for it in items:
        if len(spans) >= MIN_WRAPS:
            measure = it.left + spans[int(0.7 * (len(spans) - 1))]
        else:
            width = widths.get(it.line.page, 0.0)
            measure = width - page_left[it.line.page] if width else 0.0
        out.append(replace(it, measure=max(measure, it.right)))
    return out


def _inside_columns(items: list[_Item], body: float) -> list[_Item]:
    """A leaf of one or two body lines set inside a fuller leaf's column on its page (not flush with its left
    edge: right-aligned or centred) takes that column's edges."""
    leaves: dict[int, list[Line]] = {}
    edges: dict[int, tuple[int, float, float]] = {}
    for it in items:
        leaves.setdefault(it.leaf, []).append(it.line)
        edges[it.leaf] = (it.line.page, it.left, it.right)
    full = [edges[k] for k, lines in leaves.items() if sum(abs(ln.size - body) < 0.1 * body for ln in lines) >= 3]
    out = []
    for it in items:
        lines = leaves[it.leaf]
        if len(lines) <= 2 and all(abs(ln.size - body) < 0.1 * body for ln in lines):
            page, left, right = edges[it.leaf]
            around = [(l2, r2) for p2, l2, r2 in full if p2 == page and l2 + 3 * body < left and right <= r2 + body]
            if around:
                l2, r2 = max(around)
                it = replace(it, left=l2, right=max(r2, right))
        out.append(it)
    return out


def _widen_to_wraps(items: list[_Item], body: float) -> list[_Item]:
    """Each leaf's right edge at least where the lines its paragraphs wrap after end (a column of short paragraphs
    reads its edge off its lines, most of which end short; ``paragraphs.column_edges``)."""
    ends: dict[int, list[float]] = {}
    for a, b in zip(items, items[1:], strict=False):
        x, y = a.line, b.line
        if (
            a.leaf == b.leaf
            and x.page == y.page
            and abs(x.size - body) < 0.1 * body
            and abs(y.size - body) < 0.1 * body
            and 0 <= y.top - x.bottom < x.size
            and y.x0 <= min(x.x0, a.left + INDENT * x.size)
            and x.x1 >= y.x1 - x.size
        ):
            ends.setdefault(a.leaf, []).append(x.x1)
    edge = {leaf: sorted(xs)[int(0.7 * (len(xs) - 1))] for leaf, xs in ends.items()}
    return [replace(it, right=max(it.right, edge[it.leaf])) if it.leaf in edge else it for it in items]


def side_by_side(items: list[_Item], body: float) -> bool:
    """Does some page set two leaves of body text side by side (apart across, sharing a line's height or more)?

    Columns do; a notice of short paragraphs, whose every leaf is narrower than the page's text (its lines end
    short), sets its leaves one under another — no reason to read it as a multi-column page."""
    boxes: dict[int, list[float]] = {}
    pages: dict[int, int] = {}
    for it in items:
        line = it.line
        if abs(line.size - body) >= 0.1 * body:
            continue
        box = boxes.setdefault(it.leaf, [line.x0, line.x1, line.top, line.bottom])
        box[:] = [min(box[0], line.x0), max(box[1], line.x1), min(box[2], line.top), max(box[3], line.bottom)]
        pages[it.leaf] = line.page
    by_page: dict[int, list[list[float]]] = {}
    for leaf, box in boxes.items():
        by_page.setdefault(pages[leaf], []).append(box)
    for page_boxes in by_page.values():
        for k, a in enumerate(page_boxes):
            for b in page_boxes[k + 1 :]:
                apart = a[1] <= b[0] or b[1] <= a[0]
                if apart and min(a[3], b[3]) - max(a[2], b[2]) > body:
                    return True
    return False
