"""Footnotes at a page's foot are filed after the paragraph that cites them, not where the page ends.

A note printed at the foot of a page ('¹数据来源：国家统计局…') was read where it stands: between the last line of the
page and the first of the next, so a paragraph running on over the page break was cut in two by it, and a note
whose mark is in one section but whose page ends in the next was filed — and cited — under the next. Worse, notes
set alike at one height on several pages ('3注3：数据来源于…' by LibreOffice) were taken for a running footer and
dropped. Here the notes are taken out of each page's lines before anything else reads the page, each made one
paragraph of its own (its lines joined, its number as a superscript like its mark: '¹注1：…'), and put right after
the paragraph holding its mark ('增长¹，'), else after the last paragraph of its page.

A note is told by its place, type and number: a line in the lower half of its page, smaller than the body, opening
with its number — raised (TeX, Word: '¹数据来源'), or set level with the note's text (LibreOffice: '1注1：') where
that page or the one before has the mark ``notemarks`` read in the text ('增长¹'). The lines under it in its
size, up to the next note, are its text.
"""

from __future__ import annotations

import re

from qa.formats.blocks import Block
from qa.formats.pdf.lines import Line, _Page
from qa.formats.pdf.notemarks import mark_text
from qa.formats.pdf.paragraphs import join_lines

NOTE_SIZE = 0.95  # a note is set smaller than this share of the body size
_LOWER = 0.5  # ... in the lower half of its page
_RAISED = re.compile(r"^[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
_LEVEL = re.compile(r"^(\d{1,3})(?=[^\d\s.．、,，)）])")
_MARK_IN_TEXT = re.compile(r"(?<=\S)[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
# A superscript right after a number or a unit of at most two letters after one ('10²', '20 m²', '5 km²') is a
# power: a paragraph stating an area carries no note's mark.
_POWER = re.compile(r"\d\s?[A-Za-z]{0,2}$")


def _marks(lines: list[Line]) -> set[str]:
    return {m.group(0) for ln in lines for m in _MARK_IN_TEXT.finditer(ln.text)}


def take_notes(pages: list[_Page], body: float) -> list[Block]:
    """Take the page-foot notes out of ``pages`` (in place); the notes as blocks, in page order."""
    blocks: list[Block] = []
    before: set[str] = set()  # the marks in the text of the page before
    for page in pages:
        here = _marks(page.lines)
        marks = here | before
        before = here
        notes: list[list[Line]] = []
        lower = sorted((ln for ln in page.lines if ln.top >= _LOWER * page.height), key=lambda ln: (ln.top, ln.x0))
        for ln in lower:
            small = ln.size < NOTE_SIZE * body
            raised = _RAISED.match(ln.text)
            if not small and not (notes and notes[-1][0].size >= NOTE_SIZE * body):
                if raised and raised.group(0) in marks:  # a note set in the body's size (pandoc's Word notes)
                    notes.append([ln])
                continue
            level = _LEVEL.match(ln.text)
            if raised or (small and level and mark_text(level.group(1)) in marks):
                notes.append([ln])
            elif (
                notes
                and ln.top >= notes[-1][-1].top
                and abs(ln.size - notes[-1][0].size) <= 0.1 * notes[-1][0].size
                and ln.x0 <= notes[-1][0].x0 + 2 * ln.size
                and not ln.text.strip().isdigit()  # a page number under the notes
            ):
                notes[-1].append(ln)
        notes = _below_the_text(notes, lower, body)
        if not notes:
            continue
        blocks += _take(page, notes)
    return blocks


def _take(page: _Page, notes: list[list[Line]]) -> list[Block]:
    """Take ``notes`` out of ``page``'s lines; each as a block, its lines joined, its number raised like its mark."""
    taken = {id(ln) for note in notes for ln in note}
    page.lines = [ln for ln in page.lines if id(ln) not in taken]
    blocks: list[Block] = []
    for note in notes:
        text = ""
        for ln in note:
            text = join_lines(text, ln.text)
        level = _LEVEL.match(text)
        if level:
            text = mark_text(level.group(1)) + text[level.end() :]
        blocks.append(Block(text, page=page.number, role="body"))
    return blocks


def take_column_foot_notes(pages: list[_Page], body: float) -> list[Block]:
    """Take the unnumbered notes at a column's foot out of ``pages`` (in place; see ``_column_foot_notes``) — after
    the page furniture is gone: a newspaper's '责任编辑 …' or a folio in small type under a column is furniture, not a
    note, and is dropped as such."""
    blocks: list[Block] = []
    for page in pages:
        blocks += _take(page, _column_foot_notes(page.lines, page, body))
    return blocks


def _column_foot_notes(lines: list[Line], page: _Page, body: float) -> list[list[Line]]:
    """The unnumbered notes at the foot of one column of a page set in columns (a paper's first page: '收稿日期：…',
    '基金项目：…', '作者简介：…'), one list of lines per note.

    They carry no number, so ``take_notes`` cannot tell them by it; they are told by where they stand: a run of
    lines smaller than the body, at the foot of their column (nothing under them there but a page number), set
    apart from the column's text above — under a rule, or under an empty stretch taller than the run itself and
    than two body lines — while another column's body text runs on beside them. Read where they stand, they fall
    between two lines of that other column and cut its paragraph in two; taken out, they are filed after the
    page's text. A caption under a picture, a byline run on under its story, the small-type foot of a page set in
    one column are none of these.
    """
    small = sorted((ln for ln in lines if ln.size < NOTE_SIZE * body), key=lambda ln: ln.top)
    out: list[list[Line]] = []
    used: set[int] = set()
    for first in small:
        if id(first) in used or first.top < _LOWER * page.height:
            continue
        run = [first]
        for ln in small:  # the lines under it in its size, each close under the one before, in its column
            last = run[-1]
            if (
                ln.top > last.top
                and ln.top - last.bottom <= last.size
                and abs(ln.size - first.size) <= 0.1 * first.size
                and ln.x0 < max(r.x1 for r in run)
                and ln.x1 > min(r.x0 for r in run)
            ):
                run.append(ln)
        x0, x1 = min(ln.x0 for ln in run), max(ln.x1 for ln in run)
        top, bottom = run[0].top, run[-1].bottom
        mine = {id(ln) for ln in run}
        over = [ln for ln in lines if id(ln) not in mine and ln.x0 < x1 and ln.x1 > x0]
        if any(ln.top >= top and not ln.text.strip().isdigit() for ln in over):
            continue  # text under (or beside, within) the run: not the column's foot
        above = max((ln for ln in over if ln.bottom <= top), key=lambda ln: ln.bottom, default=None)
        ceiling = above.bottom if above else 0.0
        ruled = any(r0 < x1 and r1 > x0 and ceiling <= y <= top for r0, r1, y in page.rules)
        pictured = any(p0 < x1 and p1 > x0 and ceiling <= pb and pt <= top for p0, pt, p1, pb in page.pictures)
        apart = top - ceiling > max(bottom - top, 2 * body)
        beside = any(
            abs(ln.size - body) < 0.1 * body and (ln.x0 >= x1 or ln.x1 <= x0) and top <= ln.top <= bottom
            for ln in lines
        )
        if pictured or not beside or not (ruled or apart):
            continue
        used |= mine
        note: list[Line] = []
        for ln in run:  # a line ending short of the run's measure ends its note
            note.append(ln)
            if ln.x1 < x1 - 2 * ln.size:
                out.append(note)
                note = []
        if note:
            out.append(note)
    return out


def _below_the_text(notes: list[list[Line]], lower: list[Line], body: float) -> list[list[Line]]:
    """``notes`` without those set in the body's size unless the text ends above them: only notes (and a page
    number) under the first of them. Told from the text by its raised number and mark alone, a note in the
    body's type must be what ends the page, as notes do — a paragraph opening with a raised number ('²³⁵U …')
    that the text cites elsewhere has body text under it."""
    full = [k for k, note in enumerate(notes) if note[0].size >= NOTE_SIZE * body]
    if not full:
        return notes
    taken = {id(ln) for note in notes for ln in note}
    top = notes[full[0]][0].top
    if all(id(ln) in taken or ln.text.strip().isdigit() for ln in lower if ln.top >= top):
        return notes
    return [note for note in notes if note[0].size < NOTE_SIZE * body]


def place_notes(blocks: list[Block], notes: list[Block]) -> list[Block]:
    """``blocks`` with each note right after the paragraph (on its page or the page before) that holds its mark —
    not a power ('20 m²', '10²') —, else after the last block that starts on or before its page."""
    if not notes:
        return blocks
    after: dict[int, list[Block]] = {}  # index of the block a note follows (-1: before all) -> notes
    for note in notes:
        found = _RAISED.match(note.text)
        mark = found.group(0) if found else ""
        page = note.page or 0
        at = -1
        for k, b in enumerate(blocks):
            if (b.page or 0) <= page:
                at = k
        for k, b in enumerate(blocks):
            if (
                mark
                and b.heading_level is None
                and page - 1 <= (b.page or 0) <= page
                and any(
                    m.group(0) == mark and not _POWER.search(b.text, 0, m.start())
                    for m in _MARK_IN_TEXT.finditer(b.text)
                )
            ):
                at = k
        after.setdefault(at, []).append(note)
    out = list(after.get(-1, []))
    for k, b in enumerate(blocks):
        out.append(b)
        out.extend(after.get(k, []))
    return out
