"""Slide decks (beamer, PowerPoint or Keynote exported to PDF, slides drawn by a report generator).

A slide sets its points one under another, each a line or two, none ending in a full stop, far short of the slide's
width: the paragraph rule, which ends a paragraph after a short line only at a finished sentence (in prose a short
line inside a paragraph is a wrap the next word did not fit), ran a slide's points into one paragraph. On a slide
a line ending well short of the measure ends its point. And a point's number or bullet, set in a small face in its
own box left of the point ('1' in beamer's ball, '•'), is read as the point's first word, not as a column of
numbers read before the points.

What makes a deck: every page landscape (wider than ``LANDSCAPE`` x its height), and few lines of text on a page
(``MAX_LINES``) — a landscape report or a wide table holds many — and few lines filling the measure (``MAX_FULL``):
a landscape memo's paragraphs of prose run on to the right margin, and split at every wrap when read as points.
"""

from __future__ import annotations

import re
from dataclasses import replace

from qa.formats.pdf.lines import Line, _Page
from qa.formats.pdf.paragraphs import FAR_SHORT, _Item

LANDSCAPE = 1.25  # a slide is at least this much wider than high (4:3 is 1.33, 16:9 1.78)
MAX_LINES = 16  # lines of text on a slide, on average at most (a dense slide holds a dozen points)
MAX_FULL = 0.25  # share of a deck's lines that may fill the measure (a point run onto a second line, a page number)
MIN_PAGES = 2  # a deck has a title slide and at least one more
MARK_REACH = 3.0  # x the point's size: a number or bullet this near left of a point, on its row, is its mark

_MARK = re.compile(r"[\d]{1,2}[.)．、]?|[•·●○■□◆◇▪▫►▶➢✓✔–—-]")


def is_slide_deck(pages: list[_Page]) -> bool:
    """Are ``pages`` a slide deck: all landscape, few lines each?"""
    if len(pages) < MIN_PAGES or any(p.width < LANDSCAPE * p.height for p in pages):
        return False
    if sum(len(p.lines) for p in pages) > MAX_LINES * len(pages):
        return False
    # A slide's points end well short of the slide's measure; a landscape memo's prose runs on, its lines filling
    # the measure (the page's width less the text's left margin on both sides) but for each paragraph's last.
    lines = [ln for p in pages for ln in p.lines]
    full = 0
    for p in pages:
        if p.lines:
            left = min(ln.x0 for ln in p.lines)
            full += sum(p.width - left - ln.x1 <= FAR_SHORT * ln.size for ln in p.lines)
    return full <= MAX_FULL * len(lines)


def seat_point_marks(page: _Page) -> None:
    """Join a point's number or bullet, a line of its own in a small face left of the point on its row, to the
    point ('1' + '销售额突破5.5亿元' → '1 销售额突破5.5亿元')."""
    marks = [ln for ln in page.lines if _MARK.fullmatch(ln.text.strip())]
    gone: set[int] = set()
    for mark in marks:
        points = [
            ln
            for ln in page.lines
            if ln is not mark
            and id(ln) not in gone
            and not _MARK.fullmatch(ln.text.strip())
            and 0 <= ln.x0 - mark.x1 <= MARK_REACH * ln.size
            and mark.top < ln.bottom
            and ln.top < mark.bottom
            and mark.size <= 1.05 * ln.size
        ]
        if not points:
            continue
        point = min(points, key=lambda ln: ln.x0 - mark.x1)
        joined = replace(point, text=f"{mark.text.strip()} {point.text}", x0=mark.x0, core_x0=None)
        page.lines[page.lines.index(point)] = joined
        gone.add(id(mark))
    page.lines = [ln for ln in page.lines if id(ln) not in gone]


def end_points(items: list[_Item], widths: dict[int, float]) -> list[_Item]:
    """On a slide, a line ending ``FAR_SHORT`` sizes or more short of the slide's measure ends its point (its
    paragraph). The measure is the page's margins (``widths``: each page's width; the text starts as far from the
    left edge as it would end from the right): a slide's points, one a line, look like a paragraph's wrapped
    lines to the measure that reads wraps off the text."""
    left: dict[int, float] = {}
    for it in items:
        left[it.line.page] = min(left.get(it.line.page, it.line.x0), it.line.x0)
    out = []
    for it in items:
        ln: Line = it.line
        measure = widths.get(ln.page, 0.0) - left[ln.page]
        if measure - ln.x1 > FAR_SHORT * ln.size and not ln.ends_point:
            it = replace(it, line=replace(ln, ends_point=True))
        out.append(it)
    return out
