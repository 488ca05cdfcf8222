"""A ruled table's row that a page break parts: its cells' last words carried over to the next page's first row.

LibreOffice (and Word) let a table's row break across pages: the row's cells end at the page's foot, and the next
page opens with the repeated header row and then the rest of the row — only the cells whose text did not fit, the
row's number and the short cells left empty ('64 | 高新区第64号 | 高新区 | …' at the foot, '学校新建工程' on the next
page). Read as two rows, the project's name was cut in two and its tail stood alone as a row of its own, after the
header row, found by no search for the name. The tail belongs to the row before the break, cell by cell.
"""

from __future__ import annotations

import re

from qa.formats.pdf.lines import Line, _Page

PART = 0.5  # a carried-over part fills at most this share of the row's cells (never its first, the row's key)
_WORD_END = re.compile(r"[A-Za-z0-9]$")
_WORD_START = re.compile(r"^[A-Za-z0-9]")
_NUMBER = re.compile(r"[-+−]?[\d,，.]+%?")  # a figure: a cell of its own, never the tail of a wrapped cell
_CLOSED = re.compile(r"[。；！？.;!?）)」』》】]$")  # a cell ending with closing punctuation is whole


def _last_row(page: _Page) -> Line | None:
    """The page's last line when it is a table's row: nothing of the text under it."""
    if not page.lines:
        return None
    last = max(page.lines, key=lambda ln: ln.bottom)
    return last if last.cells else None


def _opening_rows(page: _Page) -> list[Line]:
    """The table's rows the page opens with, before any other text."""
    rows = []
    for line in sorted(page.lines, key=lambda ln: ln.top):
        if not line.cells:
            break
        rows.append(line)
    return rows


def _carried(row: Line, last: Line, others: list[Line]) -> bool:
    """Is ``row`` the rest of ``last``: its first cell empty where the table's rows fill theirs, and most cells empty?
    (A table whose first column is merged over several rows leaves it empty in rows of their own, full elsewhere.)
    Each carried part must be a wrapped cell's tail: no figure (a subtotal row '| 小计 | 465000 |' opening the page is
    a row), and the cell it joins is cut — holding text that ends without closing punctuation."""
    filled = sum(1 for text in row.cells if text)
    return (
        len(row.cells) == len(last.cells)
        and all(
            not _NUMBER.fullmatch(tail) and bool(head) and not _CLOSED.search(head)
            for head, tail in zip(last.cells, row.cells, strict=True)
            if tail
        )
        and not row.cells[0]
        and 0 < filled <= PART * len(row.cells)
        and all(other.cells[0] for other in others if len(other.cells) == len(row.cells))
    )


def _join(head: str, tail: str) -> str:
    if not head or not tail:
        return head or tail
    space = " " if _WORD_END.search(head) and _WORD_START.search(tail) else ""
    return head + space + tail


def join_carried_rows(pages: list[_Page]) -> None:
    """Join each page's carried-over part of a row to the row the page before ends with (its cells to its cells)."""
    for before, page in zip(pages, pages[1:], strict=False):
        last = _last_row(before)
        rows = _opening_rows(page)
        if last is None or not rows:
            continue
        seen = {ln.cells for ln in before.lines if ln.cells}
        at = 1 if rows[0].cells in seen else 0  # the header row repeated atop the page
        if at >= len(rows):
            continue
        row = rows[at]
        others = [ln for ln in before.lines + page.lines if ln.cells and ln is not row]
        if not _carried(row, last, others):
            continue
        last.cells = tuple(_join(a, b) for a, b in zip(last.cells, row.cells, strict=True))
        last.text = " | ".join(text for text in last.cells if text)
        page.lines = [ln for ln in page.lines if ln is not row]
