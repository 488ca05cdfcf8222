"""Paragraphs set apart by space, in a printed page whose paragraphs are mostly one line each.

A web page printed by a browser sets each ``<p>`` with a margin above and below (1 em by default), and a law, a
notice or a list printed from HTML is a column of one-line paragraphs: '第一条 …。', '第二条 …。', '第一章 总则'.
The paragraph rule (``qa.formats.pdf.paragraphs._starts_paragraph``) ends a paragraph after a line ending short of
the column's edge, or at a blank line's worth of space (1.2 of the size); a one-line paragraph that happens to run
the full width, and the 0.75 em of white a browser leaves between paragraphs, end none — so '第一条…。' ran into
'第二条…。', a part's title '第二编 分则' into the chapter title under it and that into the article after it (the
headings lost, their articles filed under the wrong chapter), and a notice's items 10 to 25 (their numbers two
digits, their lines full) into one paragraph.

The space tells it, measured against the document's own line spacing:

- the white under a line a paragraph surely wraps after — a line running to its column's edge that ends inside a
  word (on an ideograph, a letter or a digit, not on punctuation), the next line right under it, not indented
  and no longer — is the line spacing;
- when the document's wider gaps between lines of one column are alike, recur (``MIN_GAPS`` or more) and are
  ``WIDER`` than that by half a line or more, each of them ends a paragraph;
- a document of one-line paragraphs has no such wrap at all: then, over ``MIN_LINES`` body lines or more one
  under another at one pitch, a line ending a sentence ends its paragraph (in prose of paragraphs several lines
  long, some line always ends inside a word).

Only in one-column documents (a newspaper's columns are full of wrapped lines, and its paragraphs are indented);
the paragraph end is marked on the line (``Line.ends_point``, which the paragraph rule honours).
"""

from __future__ import annotations

from dataclasses import replace

from qa.formats.pdf.paragraphs import INDENT, SHORT_LINE, _Item, ends_sentence

SAME_TYPE = 0.1  # share of the body size within which a line is in the body's type
WIDER = 0.5  # a paragraph space is this much (x the size) wider than the line spacing, or more
ALIKE = 0.15  # paragraph spaces agree within this (x the body size): the interquartile range of them
MIN_GAPS = 3  # paragraph spaces needed to read them as the document's own
MIN_LINES = 8  # body lines one under another needed to read a text without wraps as one-line paragraphs
ONE_PITCH = 0.15  # ... all at one pitch: their gaps within this (x the body size) of each other


def _pairs(items: list[_Item], body: float) -> list[int]:
    """Indexes k where items k and k+1 are body lines of one column, k+1 under k (within three sizes)."""
    out = []
    for k, (a, b) in enumerate(zip(items, items[1:], strict=False)):
        x, y = a.line, b.line
        if (
            a.leaf == b.leaf
            and x.page == y.page
            and abs(x.size - body) <= SAME_TYPE * body
            and abs(y.size - body) <= SAME_TYPE * body
            and -0.5 * body <= y.top - x.bottom < 3 * body  # (a face's loose boxes may overlap at single spacing)
            and y.top > x.top
            and y.x0 < x.x1
            and x.x0 < y.x1
            and not (x.row or y.row)
        ):
            out.append(k)
    return out


def _sure_wrap(a: _Item, b: _Item) -> bool:
    """Does the paragraph surely wrap after ``a``: a full line ending inside a word, ``b`` not indented under it?"""
    x, y = a.line, b.line
    last = x.text.rstrip()[-1:]
    return (
        bool(last)
        and last.isalnum()
        and a.right - x.x1 <= SHORT_LINE * x.size
        and y.x1 <= x.x1 + x.size  # (no longer than it: a short leaf's title over a longer line is no wrap)
        and y.x0 - a.left <= INDENT * y.size
        and y.x0 <= x.x0 + INDENT * y.size
    )


def space_paragraphs(items: list[_Item], body: float) -> list[_Item]:
    """``items`` with the lines that a paragraph space follows marked as ending their paragraph."""
    pairs = _pairs(items, body)
    if not pairs:
        return items
    gap = {k: items[k + 1].line.top - items[k].line.bottom for k in pairs}
    wraps = sorted(gap[k] for k in pairs if _sure_wrap(items[k], items[k + 1]))
    ends: list[int] = []
    if wraps:
        spacing = wraps[len(wraps) // 2]
        wide = [k for k in pairs if gap[k] >= spacing + WIDER * body and not _sure_wrap(items[k], items[k + 1])]
        spaces = sorted(gap[k] for k in wide)
        if len(spaces) >= MIN_GAPS:
            q1, q3 = spaces[len(spaces) // 4], spaces[(3 * len(spaces)) // 4]
            if q3 - q1 <= ALIKE * body:
                ends = wide
    elif len(pairs) + 1 >= MIN_LINES:
        gaps = sorted(gap.values())
        if gaps[-1] - gaps[0] <= ONE_PITCH * body:
            ends = [k for k in pairs if ends_sentence(items[k].line.text)]
    if not ends:
        return items
    out = list(items)
    for k in ends:
        out[k] = replace(out[k], line=replace(out[k].line, ends_point=True))
    return out
