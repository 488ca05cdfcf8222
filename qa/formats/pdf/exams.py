"""Exam papers (试卷): numbered questions with lettered options, typed in Word or set in LaTeX.

A question '2．标志着中国近代史开端的历史事件是（　　）' is a numbered line of one line in the body's type, as a
notice's '1．' point heading its text is (``qa.formats.pdf.numbered``): read so, each question became a section
holding its options, and the part '一、选择题' lost its questions. A question is told by its words: it ends with
the answer's blank — empty brackets or an underline — or its options follow it ('A．…', 'B．…').
"""

from __future__ import annotations

import re
from dataclasses import replace

from qa.formats.blocks import Block
from qa.formats.pdf.lines import Line, _Page
from qa.structure import exams


def is_question(blocks: list[Block], i: int) -> bool:
    """Is block ``i`` an exam question (``qa.structure.exams.is_question``: the plain-text reader's rule)?"""
    return exams.is_question([b.text for b in blocks[i : i + 2]], 0)


OPTION_REACH = 6.0  # x the size: options of one row are set at most this far apart (tabs, \qquad, a grid's cells)
_LETTERS = "ABCDEFGHＡＢＣＤＥＦＧＨ"
_CJK = re.compile(r"[\u3400-\u9fff]")
_LABEL = re.compile(r"(?:^|(?<=\s))([A-HＡ-Ｈ])\s*[.．、]")


def _letters(text: str) -> list[int]:
    """The option letters a line's labels name, as 0 for A, 1 for B … ('A．分封制 B．郡县制' → [0, 1])."""
    return [_LETTERS.index(m.group(1)) % 8 for m in _LABEL.finditer(text)]


def join_option_rows(lines: list[Line]) -> list[Line]:
    """One row of options read as one line: 'A．分封制 B．郡县制 C．行省制' and 'D．三省六部制' beside it.

    Options set a tab stop or two quads apart leave white no line above or below crosses where the row's last
    option starts — the next question's stem is shorter — and the reader took that white for a gutter: the option
    became a column of its own, read after the question below (the next question glued to it). A line opening
    with the option letter right after the letters of the line left of it on its row, in the same type, within
    ``OPTION_REACH`` sizes, is the same row of options."""
    by_row = sorted(lines, key=lambda ln: (round(ln.bottom), ln.x0))
    gone: set[int] = set()
    out = list(lines)
    for i, right in enumerate(by_row):
        theirs = _letters(right.text)
        if not theirs or not exams.OPTION.match(right.text):
            continue
        left = next(
            (
                ln
                for ln in reversed(by_row[:i])
                if id(ln) not in gone
                and abs(ln.bottom - right.bottom) <= 0.3 * right.size
                and 0 <= right.x0 - ln.x1 <= OPTION_REACH * right.size
                and abs(ln.size - right.size) <= 0.05 * right.size
            ),
            None,
        )
        if left is None or not exams.OPTION.match(left.text):
            continue
        mine = _letters(left.text)
        if not _consecutive(mine) or theirs[0] != mine[-1] + 1:
            continue
        joined = replace(
            left,
            text=f"{left.text} {right.text}",
            x1=right.x1,
            core_x1=right.core_x1,
            top=min(left.top, right.top),
            bottom=max(left.bottom, right.bottom),
        )
        out[out.index(left)] = joined
        by_row[by_row.index(left)] = joined
        gone.add(id(right))
    return [ln for ln in out if id(ln) not in gone]


MIN_QUESTIONS = 2  # rows of options opening with 'A．' a paper has at least


def end_option_rows(pages: list[_Page]) -> None:
    """A row of options ends its paragraph: the next line is the next row of options or the next question, never
    the rest of this row (options are short, set on a row of their own). Without it the row ran into the next
    question ('D．三省六部制2．标志着…'), a row of options being no shorter than a question's stem. Only in a paper
    with ``MIN_QUESTIONS`` rows of Chinese options holding 'A．' and as many holding 'B．' or more; and a row of one
    option only where the next line opens the next option or question (``_next_opens_item``)."""
    rows = [
        ln
        for p in pages
        for ln in p.lines
        if exams.OPTION.match(ln.text) and _consecutive(_letters(ln.text)) and _CJK.search(ln.text)
    ]
    # (Options A and B both, on several rows: an English FAQ's 'A. Yes, …' answers, a lettered list of wrapped items
    # in English, or an appendix's 'A. Overview' are no rows of options.)
    if sum(0 in _letters(ln.text) for ln in rows) < MIN_QUESTIONS or sum(1 in _letters(ln.text) for ln in rows) < (
        MIN_QUESTIONS
    ):
        return
    ours = {id(ln) for ln in rows}
    for page in pages:
        for ln in page.lines:
            if id(ln) in ours and (len(_letters(ln.text)) > 1 or _next_opens_item(ln, page.lines)):
                ln.ends_point = True


NEXT_REACH = 4.0  # x the size: the next line of a column is at most this far below (a question spaced off its options)
# What opens the next option or question: 'B．', '(C)', '3．', '（4）', '二、'.
_OPENS_ITEM = re.compile(r"^\s*(?:\d{1,3}\s*[.．、]|[（(]\d{1,3}[）)]|[一二三四五六七八九十]{1,3}\s*[、．.])")


def _next_opens_item(line: Line, lines: list[Line]) -> bool:
    """Does the line right below ``line`` in its column open the next option or question? A row of ONE option ends
    its paragraph only then: a lettered list's item that wraps ('A．中央补助资金：…' / '专款专用。') goes on
    into its second line, which opens with no letter or number."""
    below = [
        ln
        for ln in lines
        if ln is not line
        and ln.top >= line.bottom - 0.3 * line.size
        and ln.top - line.bottom <= NEXT_REACH * line.size
        and ln.x0 < line.x1
        and line.x0 < ln.x1
    ]
    if not below:  # the column's or page's last line: the option's own if it ends well short (no wrap runs on)
        return max(ln.x1 for ln in lines) - line.x1 > 3.0 * line.size
    nxt = min(below, key=lambda ln: ln.top)
    return bool(exams.OPTION.match(nxt.text) or _OPENS_ITEM.match(nxt.text))


def _consecutive(letters: list[int]) -> bool:
    return bool(letters) and letters == list(range(letters[0], letters[0] + len(letters)))


# A paper's part: '一、选择题（本大题共5小题，每小题4分，共20分。…）' — a short title, then its scoring note in brackets
# (points or questions counted), which may run to a second line.
_PART = re.compile(
    r"^\s*([一二三四五六七八九十]{1,3}\s*[、．.]\s*[^\s，,。（(]{1,12})\s*[（(][^（()）]*[分题][^（()）]*[）)]\s*$"
)


def part_title(text: str) -> str | None:
    """The title of an exam's part head without its scoring note ('一、选择题（本大题共5小题…）' → '一、选择题'), else
    None. The note's commas and its length made the head read as a sentence of text, and every question of the
    paper fell under the paper's title."""
    match = _PART.match(text)
    return match.group(1) if match else None
