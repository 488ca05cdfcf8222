"""Running heads that change with the chapter: '某某办法 第一章 总则' over one chapter's pages, '某某办法 第二章 …' over
the next (LaTeX's ``\\leftmark``, Word's STYLEREF field, a report's header naming its part).

The furniture step drops a running head that repeats word for word on other pages; one that names each page's chapter
repeats only within the chapter — a regulation whose chapters fit on a page each never repeats it — and was read as
the first paragraph of every page (once per chapter, between the chapter's last article and the next chapter's
title). What repeats is its stem: the same words (the document's name) opening or closing the line, at the same
height, on other pages. It is a line of the page's furniture, not a heading.
"""

from __future__ import annotations

import re

from qa.formats.pdf.lines import HEAD_RATIO, Line, _Page

STEM = 6  # characters (spaces aside) a running head's changing lines share at their start or end: a document's name
BAND = 0.15  # share of the page height at its top or foot where running heads stand (TeX's sit 0.06-0.12 from the edge)
LEVEL = 2.0  # pt: the lines of one running head stand at one height on every page
OTHERS = 2  # other pages holding the stem at that height: a running head runs through three pages or more

_FOLIO = re.compile(r"^\s*[-—–]?\s*\d{1,4}\s*[-—–]?\s+|\s+[-—–]?\s*\d{1,4}\s*[-—–]?\s*$")


def _words(text: str) -> str:
    return re.sub(r"\s+", "", _FOLIO.sub("", text))


def _shared(a: str, b: str) -> int:
    """Characters ``a`` and ``b`` share at their start, or at their end, whichever is more."""
    head = 0
    while head < min(len(a), len(b)) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    return max(head, tail)


def _edge_row(line: Line, page: _Page, body: float) -> bool:
    """Is ``line`` alone on the page's first (or last) row, a line's white or more from the text?"""
    rest = [ln for ln in page.lines if ln is not line]
    if any(abs(ln.bottom - line.bottom) <= 1 for ln in rest):
        return False  # beside other text on its row: a table's header, a newspaper's top row of columns
    if line.top < page.height / 2:
        gaps = [ln.top - line.bottom for ln in rest]
    else:
        gaps = [line.top - ln.bottom for ln in rest]
    return all(g >= body for g in gaps)


def running_stems(pages: list[_Page], body: float) -> set[int]:
    """ids of lines that are a running head whose words change from page to page around a stem they keep."""
    candidates: list[tuple[_Page, Line, str]] = []
    for page in pages:
        for ln in page.lines:
            in_band = ln.top < BAND * page.height or ln.bottom > (1 - BAND) * page.height
            if in_band and ln.size < HEAD_RATIO * body and len(_words(ln.text)) >= STEM and _edge_row(ln, page, body):
                candidates.append((page, ln, _words(ln.text)))
    found: set[int] = set()
    for page, line, words in candidates:
        others = {
            other_page.number
            for other_page, other, other_words in candidates
            if other_page is not page
            and abs(other.top - line.top) <= LEVEL
            and other_words != words  # (word for word the furniture step already knows it)
            and _shared(words, other_words) >= STEM
        }
        if len(others) >= OTHERS:
            found.add(id(line))
    return found
