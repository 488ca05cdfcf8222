"""A contents page ('目录': titles, dot leaders, page numbers) is no text of the document.

Read as text, a thesis's or a report's contents page became a section '目录' whose paragraphs were every heading of
the document again ('1.1 研究背景', '. . . . .', and a column of page numbers read as one paragraph '2 2 3 3'): a
question about 研究背景 found the contents line and cited '目录'. The HTML reader drops navigation likewise.

A contents page is a page with a contents title ('目录', '目 次', 'Contents') on a row of its own in its upper half,
followed by entry rows; an entry row ends in a page number set apart from its title (or after dot leaders). The
entry rows under the title are dropped (the title stays, a heading over nothing: a PDF's bookmarks list '目录'), up
to the first row that is no entry (a contents list on a title page ends where the text begins); a wrapped entry's
first line, with no number, goes with the entry under it. The next pages go on being contents while they open with
entry rows (a contents list of several pages).

A contents list printed without page numbers (a web page's links to its sections, a law's 目录 printed from HTML)
is told by its entries being the document's headings: rows of their own, each named again further on; its run of
such rows under the title goes (printed so, a law's 目录 had every part and chapter read as headings over nothing,
and the first chapter's articles filed under the list's last entry).
"""

from __future__ import annotations

import re

from qa.formats.blocks import CONTENTS_TITLE, MIN_CONTENTS_ENTRIES
from qa.formats.pdf.lines import Line, _Page

_PAGE_NUMBER = re.compile(r"^(?:\d{1,4}|[ivxlc]{1,7}|[IVXLC]{1,7})$")
_LEADERS = re.compile(r"(?:[.．·・…⋯_]\s*){4,}\s*(?:\d{1,4}|[ivxlc]{1,7}|[IVXLC]{1,7})?\s*$")
NAMED_CHARS = 40  # an entry named again as a heading further on is no longer than a heading


def _rows(lines: list[Line]) -> list[list[Line]]:
    """The page's lines in rows (lines whose boxes overlap in height), top first, each row left to right."""
    rows: list[list[Line]] = []
    for ln in sorted(lines, key=lambda ln: (ln.top, ln.x0)):
        if rows and ln.top < min(o.bottom for o in rows[-1]) - 0.3 * ln.size:
            rows[-1].append(ln)
        else:
            rows.append([ln])
    return [sorted(row, key=lambda ln: ln.x0) for row in rows]


def _entry(row: list[Line]) -> bool:
    """A contents entry: a title with its page number set apart at its right (or after dot leaders)."""
    last = row[-1].text.strip()
    if len(row) >= 2 and _PAGE_NUMBER.match(last):
        return any(not _PAGE_NUMBER.match(ln.text.strip()) for ln in row[:-1])
    return bool(_LEADERS.search(last)) and re.search(r"\d\s*$", last) is not None


def _leaders_only(row: list[Line]) -> bool:
    return all(_LEADERS.fullmatch(ln.text.strip()) or _PAGE_NUMBER.match(ln.text.strip()) for ln in row)


class _Run:
    """What the entries so far fix: the page-number column's right edge and the last page number.

    Only rows that are clearly entries go ("loses nothing": when in doubt, keep): an entry's page number stays within
    the document's page count, runs non-decreasing down the list, and ends at the column's right edge — '一季度经费
    120' under a three-entry list, or a table's '北京 1200' opening the next page, is text."""

    def __init__(self, page_count: int) -> None:
        self.page_count = page_count
        self.edge: float | None = None
        self.last = 0

    def takes(self, row: list[Line]) -> bool:
        if not _entry(row):
            return False
        m = re.search(r"(\d{1,4}|[ivxlcIVXLC]{1,7})\s*$", row[-1].text.strip())
        number = int(m.group(1)) if m and m.group(1).isdigit() else None
        if number is not None and (number > self.page_count or number < self.last):
            return False
        led = bool(_LEADERS.search(row[-1].text.strip()))  # dot leaders say 'entry' wherever its number ends
        if self.edge is not None and not led and abs(row[-1].x1 - self.edge) > 2 * row[-1].size:
            return False
        self.edge = row[-1].x1 if self.edge is None else self.edge
        self.last = number if number is not None else self.last
        return True


def _entries_from(rows: list[list[Line]], start: int, run: _Run) -> int:
    """The index after the run of entry rows from ``start`` (a wrapped entry's unnumbered first row included)."""
    k = start
    while k < len(rows):
        if run.takes(rows[k]):
            k += 1
        elif k + 1 < len(rows) and len(rows[k]) == 1 and not _leaders_only(rows[k]) and run.takes(rows[k + 1]):
            k += 2
        else:
            break
    return k


def _bare(text: str) -> str:
    return "".join(text.split())


def _named_from(rows: list[list[Line]], start: int, later: list[str]) -> int:
    """The index after the run of rows from ``start`` that are headings named again further on: a contents list
    printed without page numbers (a web page's list of links to its sections, a law's 目录 printed from HTML) names
    the headings that follow it, each on a row of its own. ``later``: the document's lines after this page."""
    texts = [_bare("".join(ln.text for ln in row)) for row in rows]
    k = start
    while k < len(rows) and 0 < len(texts[k]) <= NAMED_CHARS:
        rest = texts[k + 1 :] + later
        if texts[k] not in rest:
            break
        k += 1
    return k


def drop_contents(pages: list[_Page]) -> None:
    """Take contents pages' title and entry rows out of ``pages`` (in place)."""
    going_on = False  # the page before ended in contents entries
    run = _Run(len(pages))
    for n, page in enumerate(pages):
        rows = _rows(page.lines)
        start = title = None
        for k, row in enumerate(rows):
            if len(row) == 1 and CONTENTS_TITLE.fullmatch(row[0].text) and row[0].top < 0.5 * page.height:
                start = title = k
                break
        if start is not None:
            run = _Run(len(pages))
            end = _entries_from(rows, start + 1, run)
            if end - (start + 1) < MIN_CONTENTS_ENTRIES:
                later = [_bare("".join(ln.text for ln in row)) for p in pages[n + 1 :] for row in _rows(p.lines)]
                end = _named_from(rows, start + 1, later)
                going_on = False
                if end - (start + 1) < MIN_CONTENTS_ENTRIES:
                    continue
                named = {id(ln) for row in rows[start + 1 : end] for ln in row}
                page.lines = [ln for ln in page.lines if id(ln) not in named]
                continue
        elif going_on:
            start = 0
            end = _entries_from(rows, 0, run)  # the same column and rising numbers as the page before
            if end - start < MIN_CONTENTS_ENTRIES:
                going_on = False
                continue
        else:
            continue
        # (the title stays: a heading over nothing, as a PDF's bookmarks list '目录' — its entries are what misled)
        dropped = {id(ln) for row in rows[start + 1 if title is not None else start : end] for ln in row}
        page.lines = [ln for ln in page.lines if id(ln) not in dropped]
        going_on = end == len(rows)
