"""Footnote marks: a small raised number (or *, †) set against a word of the text, or opening the note itself.

LaTeX, Word and LibreOffice print a note's mark in the text as a few small digits raised off the line's baseline
right after the word it annotates ('快速增长¹，道路…'), and the note at the page's foot opens with the same raised
number ('¹数据来源：…'). Read by size and baseline alone the mark is a line of its own: it cut its paragraph in three
('…快速增长' / '1' / '，道路…') and parted the note from its number. A mark stays in its line and reads as a
superscript number ('¹'), so it neither splits the text nor reads as a count ('增长1' is 'grew by one').

Duck-typed over the reader's characters (``text``, ``x0``, ``x1``, ``base``, ``size``) so that ``lines`` can call
it without an import cycle.
"""

from __future__ import annotations

from typing import Any

MARK_CHARS = set("0123456789*†‡§¶")
MAX_MARK = 3  # a mark is at most this many characters ('12', '1,2' is read as three)
MARK_SIZE = 0.85  # a mark is set at most this share of its text's size (TeX: 8 on 12, 7 on 10; Word: 2/3)
MARK_RAISE = 0.12  # ... its baseline this share of the text's size above the text's baseline, or more
MARK_GAP = 0.3  # ... and this close (x the text's size) to the glyph it is set against
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def _run(row: list[Any], j: int) -> tuple[int, int]:
    """The run of mark characters around ``row[j]`` in its size and on its baseline: [start, end)."""
    ch = row[j]
    start, end = j, j + 1
    while start > 0 and _alike(row[start - 1], ch):
        start -= 1
    while end < len(row) and _alike(row[end], ch):
        end += 1
    return start, end


def _alike(a: Any, b: Any) -> bool:
    return a.text in MARK_CHARS and abs(a.size - b.size) <= 0.05 * b.size and abs(a.base - b.base) <= 0.05 * b.size


def _against(mark: Any, host: Any, gap: float) -> bool:
    """``mark`` is set small, raised and close against ``host`` (a glyph of the text, not another mark)."""
    return (
        host.text not in MARK_CHARS
        and not host.text.isspace()
        and mark.size <= MARK_SIZE * host.size
        and host.base - mark.base >= MARK_RAISE * host.size
        and host.base - mark.base <= 0.8 * host.size  # on the text's line, not a line above it
        and -0.1 * host.size <= gap <= MARK_GAP * host.size
    )


def raised_mark(row: list[Any], j: int) -> bool:
    """Whether ``row[j]`` (``row`` in reading order, left to right) belongs to a footnote mark: a run of at most
    ``MAX_MARK`` mark characters set small and raised right after a glyph of the text (and, if the text goes on,
    followed by it on the text's baseline), or right before the text at a line's start (a note's own number)."""
    if not 0 <= j < len(row) or row[j].text not in MARK_CHARS:
        return False
    start, end = _run(row, j)
    if end - start > MAX_MARK:
        return False
    first, last = row[start], row[end - 1]
    if start > 0:
        host = row[start - 1]
        if not _against(first, host, first.x0 - host.x1):
            return False
        if end < len(row):  # the text goes on after the mark: back on its baseline, in its size
            after = row[end]
            return (
                abs(after.base - host.base) <= 0.1 * host.size
                and abs(after.size - host.size) <= 0.1 * host.size
                and after.x0 - last.x1 <= MARK_GAP * host.size
            )
        return True
    if end < len(row):  # a note's number opening its line, the note's text right after it
        after = row[end]
        return _against(last, after, after.x0 - last.x1) and after.text not in MARK_CHARS
    return False


def mark_text(text: str) -> str:
    """A mark as read: digits as superscript digits ('¹²'), symbols as they are."""
    return text.translate(_SUPERSCRIPT)


def seat_marks(rows: list[list[Any]]) -> list[list[Any]]:
    """Rows made only of mark characters, set raised beside a glyph of a row just below (their baseline a little
    above the text's: a row of their own when grouped by baseline), are put into that row, where ``raised_mark``
    reads them; a mark of several digits ('10') moves as one. ``rows`` are sorted by baseline, each left to
    right; a row is returned sorted again."""
    moved = False
    for r, row in enumerate(rows):
        visible = [c for c in row if not c.text.isspace()]
        if not visible or any(c.text not in MARK_CHARS for c in visible):
            continue
        runs: list[list[Any]] = []
        for ch in visible:
            if runs and ch.x0 - runs[-1][-1].x1 <= 0.15 * ch.size:
                runs[-1].append(ch)
            else:
                runs.append([ch])
        for run in runs:
            if len(run) > MAX_MARK:
                continue
            for h in range(r + 1, min(len(rows), r + 4)):
                host = rows[h]
                if not any(
                    _against(run[0], c, run[0].x0 - c.x1)
                    or (c.x0 > run[-1].x0 and _against(run[-1], c, c.x0 - run[-1].x1))
                    for c in host
                ):
                    continue
                host.extend(run)
                host.sort(key=lambda c: c.x0)
                for ch in run:
                    row.remove(ch)
                moved = True
                break
    return [row for row in rows if row] if moved else rows
