"""PDF characters → lines: rows on one baseline, split at gutters (step 1 of ``qa.formats.pdf``).

Also the small predicates on a line every later step asks (its style, whether it is headline type,
whether it opens an article) and the grouping of lines into columns and bands, so no later module
imports from a sibling that imports it back.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field, replace

from qa.formats.blocks import CAPTION_LABEL, CONTENTS_TITLE
from qa.formats.pdf.notemarks import mark_text, raised_mark, seat_marks
from qa.structure import markers
from qa.structure.cues import dateline

# Thresholds, in units of the font size (or of the body size). Chosen on the tuning families of
# benchmarks/formats.py and reported there on a held-out family.
WORD_GAP = 0.8  # a gap wider than this between two Latin characters of a row separates two lines (a gutter)
CJK_GAP = 0.6  # CJK type is set solid, so a gap this wide (more than a space) between two CJK characters is a gutter
EDGE_ROWS = 3  # text starting at the same x in this many rows marks a column edge
OUTNUMBERED = 3  # rows ending at an edge this many times as many as at a line's end, just past it: it overran
GUTTER = 0.5  # vertical whitespace at least this wide (x body size) separates columns
HEAD_RATIO = 1.25  # a line this much larger than the body is headline type
KICKER_RATIO = 1.07  # a short line this much larger than the body is display type (kicker, subtitle, subhead);
# sizes are read to 0.1 pt, so a subhead set 1.08× a 10.5 pt body (11.3 pt) must count
PUNCT_GAP = 0.45  # after full-width punctuation (its glyph in the left half of its box), this gap is a gutter
OVERRUN = 0.7  # a line ending this far (x its size) past a column's right edge, on no edge of its own, overran it
LONG_RUN = 6  # characters: a run this long starting (ending) in several rows is a column's edge, not a byline's names
EM_SPACE = (0.85, 1.15)  # a gap this wide (x the size) between CJK characters off a column edge is an ideographic space
HEAD_SPREAD = 0.3  # a gap narrower than this (x its size) between two headline characters is inside one headline
FILL_STROKE = 2  # PDF text render mode: glyphs filled, then stroked (synthetic bold)
EDGE_GAP = 0.35  # a gap this wide (x the size) before text starting on a column edge is a gutter, however narrow
OPENER_GAP = 0.2  # a gap this wide (x the size) before an opening bracket's em box is a gutter
EDGE_PUNCT_GAP = 0.1  # likewise after full-width punctuation, whose em box reaches into the gutter
EDGE_HUNG_GAP = 0.02  # likewise after punctuation hung past the column's right edge
BASE_SHIFT = 0.06  # characters of one line share its baseline; this far off it (x the size) is another line
BASE_GAP = 0.05  # ... when a gap this wide (x the size) parts them (a sub- or superscript is set tight)
SCRIPT_SPACE = 0.2  # this much (x the size) over the line's CJK spacing parts a number from the CJK text after it
RUN_IN_HEAD = 6  # characters: a bracketed head ('【…】', a run-in one or one ending its line) is at least this long
RUN_IN_LINES = 4  # a run-in head is set on at most this many lines
MARKED_HEAD = 2  # characters: a run-in head after a mark (■一、管辖) may be this short; the mark says it is one
_SENTENCE_END = ("。", "！", "？", "!", "?", "；", "…")
PITCHES = 2.0  # the rows looked at around a gap are each at most this many line pitches from the last
RUN_SPACE = 3.0  # a justified line's space between glyph runs is narrower than this (x the size)
NUMBER_GAP = 2.5  # a section number and its title are at most this far apart (x the larger size); TeX sets 1 em
INLINE_RATIO = 1.4  # an inline run of code set at most this much smaller than its text (a browser's 13 px in 16 px)
LETTER_SPACE = 1.0  # display ideographs spaced alike at most this far apart (x the size): one letter-spaced line
OVERLAP = 0.25  # a glyph this far (x the size) over the one before it, on a column's edge, starts another line
EVEN_SPACE = 0.03  # ... alike: gaps within this much (x the size) of each other
# A section number printed as a line of its own beside its title: 1 / 1.2.3 / A.1 / 第1章 / 第 2 节 / Chapter 4 / 一、
SECTION_NUMBER = re.compile(
    r"(?:[0-9]{1,3}(?:\.[0-9]{1,3})*\.?|[A-Z](?:\.[0-9]{1,3})+\.?|[A-Z]\.|§ ?[0-9]{1,3}(?:\.[0-9]{1,3})*"
    r"|第 ?[0-9一二三四五六七八九十百零〇]{1,4} ?[章节節部篇讲講]|(?:Chapter|Part|Section|Appendix) [0-9A-Z]{1,4}"
    r"|附录 ?[A-Z0-9]?|[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）)"
)
_CAPTION_ALONE = re.compile(CAPTION_LABEL.pattern + r"[:：.．]?", re.IGNORECASE)  # the label and nothing else
# An admonition's label alone on its line, set bold above the note it labels (DocBook's and most manuals'
# '注意' / '提示' / 'Warning'): the note is text of the section it stands in, no section of its own.
_ADMONITION = re.compile(
    r"(?:注意|提示|警告|小心|重要|注|Note|Tip|Hint|Warning|Caution|Important|Notice|Attention)[:：]?", re.IGNORECASE
)
# A contents list's title set in the body's size ('目录' over a printed chapter's list of links): the list is
# navigation, and the chapter's text after it is no section of it. (A thesis's 目录 set as a chapter head, in
# headline type, still heads its page.)
_BOLD_NAME = re.compile(r"bold|black|heavy|demi|W[6-9]\b", re.IGNORECASE)  # a weight the name states
_HEI_NAME = re.compile(r"hei(?:ti)?(?![a-z])|黑", re.IGNORECASE)  # a 黑体 face: bold-looking, body or not
_CONT_LINE = markers.CONTINUED
_HANGING = set("，。、；：？！）”」』》．,.;:!?)")  # may hang past the column edge (hanging punctuation)
_OPENERS = set("“‘（「『《〈【〔")  # full-width opening punctuation: the glyph sits in the right half of its box


@dataclass
class _Char:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    base: float
    size: float
    bold: bool
    bold_by_name: bool = False  # bold only because the face is a 黑体 (its name reads bold; a body face may be one)
    font: str = ""  # the font's name as the PDF gives it (several sizes of one face share it)
    spaced: bool = False  # pdfium put a word space right before it (a space the PDF does not store as a glyph)
    by_weight: bool = False  # bold only by pdfium's weight or a nameless (Type 3) font: not by name or stroke
    mono: bool = False  # set in a typewriter face (``page._monospaced``, or a face named so): code, set inline or not


@dataclass
class Line:
    """A run of characters on one baseline within one column."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    page: int
    core_x1: float = 0.0  # right edge without punctuation hanging into the gutter
    quoted: bool = False  # display type that reads as a sentence (a pull quote): text, not a heading
    ruled_above: bool = False  # a rule drawn right above it (a table row's or a box's border)
    core_x0: float | None = None  # left edge without an opening bracket's empty left half (None: x0)
    after_photo: bool = False  # the text above it, in its column, ran on past a photo set in between (runaround)
    aside: bool = False  # a photo's caption moved out of the paragraph it interrupts (runaround): read apart
    row: bool = False  # a table's row read across its cells (qa.formats.pdf.tables): a paragraph of its own
    code: bool = False  # every character in a typewriter face: code, a command, an address — bold marks no subhead
    ends_point: bool = False  # a slide's point ends with this line: the next line opens another (qa.formats.pdf.slides)
    run_in: bool = False  # a brief's bold headline ending here, its text run on after it on the row (_run_in_split)
    cells: tuple[str, ...] = ()  # a ruled table's row: its cells' texts, empty ones kept (qa.formats.pdf.carried_rows)


def _left(line: Line) -> float:
    """Where a line's ink starts: an opening bracket or quote (“ （ 《) that starts it sets its glyph in the
    right half of its em box, and its box may reach into the gutter on its left."""
    return line.x0 if line.core_x0 is None else line.core_x0


@dataclass
class _Page:
    number: int  # 1-based PDF page
    width: float
    height: float
    lines: list[Line]
    edition: int | None = None
    furniture: list[Line] = field(default_factory=list)
    rules: list[tuple[float, float, float]] = field(default_factory=list)  # horizontal rules: (x0, x1, y)
    frames: list[tuple[float, float, float, float]] = field(default_factory=list)  # boxes: (x0, top, x1, bottom)
    pictures: list[tuple[float, float, float, float]] = field(default_factory=list)  # images, as frames are


def rows_to_lines(chars: list[_Char], page: int, body: float) -> list[Line]:
    """Characters → rows on one baseline → lines split at gutters and font size changes.

    Gutters are set for the body type, so a gap is measured against the body size even
    between two headline characters (side-by-side headlines must not merge).
    """
    chars = sorted(chars, key=lambda c: (c.base, c.x0))
    rows: list[list[_Char]] = []
    for ch in chars:
        if rows and abs(ch.base - rows[-1][0].base) <= 0.35 * min(ch.size, rows[-1][0].size):
            rows[-1].append(ch)
        else:
            rows.append([ch])
    for row in rows:
        row.sort(key=lambda c: c.x0)
    rows = seat_marks(_seat_tucked(rows))
    # Column edges: x where text starts (a row's start, or after a gap wider than CJK spacing) in
    # several rows. A Latin word gap is wider than CJK spacing, and a narrow gutter can be narrower
    # than a stretched word gap; a gap whose far side starts on a column edge is a gutter.
    starts: Counter[int] = Counter()
    ends: Counter[int] = Counter()  # likewise where text ends: a column's right edge
    # Where text starts right of other text on its row: the left edge of a column with a column beside it
    # (not the first column's paragraph indent, which lines of a wider column run through).
    beside: Counter[int] = Counter()
    for row in rows:
        for j, ch in enumerate(row):
            if j == 0 or ch.x0 - row[j - 1].x1 > CJK_GAP * min(ch.size, body):
                starts[round(ch.x0)] += 1
                if j:
                    ends[round(row[j - 1].x1)] += 1
                    beside[round(ch.x0)] += 1
        if row:
            ends[round(row[-1].x1)] += 1
    long_starts, long_ends = _long_run_edges(rows, body)

    def on_edge(x: float, edges: Counter[int] = starts) -> bool:
        r = round(x)
        return edges[r - 1] + edges[r] + edges[r + 1] >= EDGE_ROWS

    lines: list[Line] = []
    for r, row in enumerate(rows):
        current: list[_Char] = []
        for j, ch in enumerate(row):
            if current and _one_glyph(current[-1], ch):
                # A ligature ('ﬁ') the text layer gives as its letters, each with the ligature's box: one glyph,
                # however it sits against a column's edge (read apart, 'fine-tuned' opening a line: 'f' / 'ine-tuned').
                current.append(ch)
                continue
            if current:
                prev = current[-1]
                small = min(prev.size, ch.size) or 1.0
                gap = ch.x0 - prev.x1
                # Only between two Latin characters is a gap wider than CJK spacing a word space;
                # CJK is set solid, also next to Latin (at most a quarter em between them).
                # (A word starting where other rows' words start after their spaces is on no column edge when the
                # rows around run their text through the gap: justified lines' word spaces lining up by chance,
                # a river, read as a gutter cut 'The harbour survey | of year' out of a column's line.)
                latin = (
                    prev.text.isascii()
                    and ch.text.isascii()
                    and (not on_edge(ch.x0) or (gap > 0 and _text_through(rows, r, prev, ch, small)))
                )
                limit = WORD_GAP if latin else CJK_GAP
                reach = limit * min(small, body)
                if prev.text in _HANGING and not prev.text.isascii():
                    # Full-width punctuation's box is an em wide but its glyph sits in the left half:
                    # a line ending in one reaches half an em into the gutter (in a line, the next
                    # character follows at once, or the box is halved and overlapped).
                    reach = min(reach, PUNCT_GAP * min(small, body))
                em_space = (
                    not latin
                    and prev.text.isalnum()  # between two words (names): not after a sentence's end
                    and ch.text.isalnum()
                    and EM_SPACE[0] * _em(prev, ch) <= gap <= EM_SPACE[1] * _em(prev, ch)
                    and not on_edge(ch.x0, long_starts)
                    and not on_edge(prev.x1, long_ends)
                    and abs(prev.size - ch.size) < 0.05 * small
                )
                if em_space:
                    # One em between two CJK characters where no column starts: an ideographic space
                    # ('张三　李四', a closing byline's names) that the PDF does not store as a character.
                    # A gutter's sides are column edges, where a line's worth of text starts (ends) in several
                    # rows — not where the names of bylines set alike ('本报记者　李娜') start in a few.
                    reach = max(reach, EM_SPACE[1] * _em(prev, ch))
                # How far apart a justified row sets its characters here (before prev, or after ch).
                spread = max(0.0, prev.x0 - current[-2].x1 if len(current) > 1 else 0.0)
                if j + 1 < len(row):
                    spread = max(spread, min(row[j + 1].x0 - ch.x1, 0.5 * small))
                if ch.text in _OPENERS and not latin and ch.x1 - ch.x0 >= 0.9 * ch.size:
                    # An opening bracket or quote sets its glyph in the right half of its box, and a
                    # typesetter may hang that empty half into the gutter before a column's line: measure
                    # the gap to its glyph (set solid after any character, it is half an em), less a fifth of
                    # an em of justification.
                    # (Beyond the spacing of the characters before it: a justified line spreads them all.)
                    reach = min(reach, max(spread + OPENER_GAP * small, reach - 0.5 * ch.size))
                edge_gap = spread + (EDGE_PUNCT_GAP if prev.text in _HANGING else EDGE_GAP) * small
                if not latin and not em_space and ch.text not in _OPENERS and on_edge(ch.x0, beside) and gap > edge_gap:
                    # A narrow gutter (an em or less): the next column starts here in several rows, and the
                    # gap is wider than CJK set solid (a line-ending comma's box may fill most of the gutter).
                    reach = min(reach, gap - 0.01)
                if (
                    not latin
                    and prev.text in _HANGING
                    and on_edge(ch.x0, beside)
                    and gap > spread + EDGE_HUNG_GAP * small
                    and any(on_edge(x, ends) for x in range(round(prev.x0) + 1, round(prev.x1 - 0.3 * small)))
                ):
                    # Punctuation hung past a column's right edge (where many rows end), the next character on
                    # the next column's left edge: nothing of this line follows its hung punctuation, however
                    # little of the gutter that punctuation's em box leaves.
                    reach = min(reach, gap - 0.01)
                edge = (
                    next((x for x in range(round(prev.x0) + 1, round(prev.x1 - 0.3 * small)) if on_edge(x, ends)), None)
                    if not latin
                    and prev.text not in _HANGING
                    and gap > spread + EDGE_HUNG_GAP * small
                    and on_edge(ch.x0, long_starts)
                    and on_edge(ch.x0, beside)
                    else None
                )
                overrun = edge is not None
                # A character set past a column's right edge (where many rows end), the next one on the next
                # column's left edge: a justified line the layout program let run into a narrow gutter (a
                # dateline's digits stretched it), not text set across the gutter, however narrow the gap. Its
                # line's core ends at the column's edge, so the gutter stays white for the column analysis.
                if small >= HEAD_RATIO * body and max(prev.size, ch.size) <= 1.02 * small:
                    # Inside one headline a justified line spreads its characters (a fifth of an em
                    # and more); two headlines side by side are a module gap apart, wider than that.
                    reach = max(reach, HEAD_SPREAD * small)
                if (
                    small >= HEAD_RATIO * body
                    and max(prev.size, ch.size) <= 1.02 * small
                    and prev.text.isascii() != ch.text.isascii()
                    and prev.text.isalnum()
                    and ch.text.isalnum()
                    and not on_edge(ch.x0)
                ):
                    # A word space where a headline or title turns from Chinese to Latin words or figures
                    # ('…股份有限公司 2023年年度报告', '第2章 安装 Installation'): as wide as a Latin word space at the
                    # title's own size, wider than CJK spacing. Parted there, the title read as two lines side by
                    # side and was put back in the wrong order. A second head beside it starts on a column's edge.
                    reach = max(reach, WORD_GAP * small)
                if small >= HEAD_RATIO * body and _letter_spaced(row, j, small):
                    # A headline letter-spaced by its desk (美　东　北　部…): each ideograph is its own 'word' to the
                    # gutter rules, and it read as one line per character. Two heads side by side are not spaced
                    # alike across the gap between them.
                    reach = max(reach, gap)
                if _digits_before_title(current, ch, gap, body):
                    reach = max(reach, gap)
                mark = raised_mark(row, j) or raised_mark(row, j - 1)  # a footnote mark and its text (notemarks)
                if not latin and not mark and gap > BASE_GAP * small and abs(ch.base - prev.base) > BASE_SHIFT * small:
                    # Off the baseline of the characters before it, past a gap: a neighbouring column's line
                    # (columns a narrow gutter apart set their lines a point off each other's grid), however
                    # far the full-width punctuation ending this column's line hangs into that gutter.
                    reach = min(reach, gap - 0.01)
                if reach < gap <= RUN_SPACE * small and _text_through(rows, r, prev, ch, small, _evenly(row, j, small)):
                    # The rows above and below run their text through this gap: a justified line's space
                    # between two glyph runs (a layout program puts all of a line's slack there), not a gutter.
                    reach = gap
                # (A letter kerned into a word off its baseline is a letter of that word, whatever its size: the
                # LaTeX logo's raised small A, L^AT_EX, read apart cut its line in three, 'L' and 'TEX' headings.)
                resized = (
                    max(prev.size, ch.size) > 1.15 * small
                    and not (mark or _small_tucked(row, j) or _small_tucked(row, j - 1))
                    and not _inline_code(prev, ch, gap, reach)
                )
                if (
                    not latin
                    and prev.text.isalnum()  # (squeezed punctuation's em box may overlap the next glyph's)
                    and gap < -OVERLAP * small
                    and on_edge(ch.x0, long_starts)
                    and on_edge(ch.x0, beside)
                ):
                    # Glyphs set over each other, the next on a column's left edge: the line before ran overfull
                    # across the gutter into the next column (a dateline's digits would not break), not one line.
                    # Its core ends at its column's right edge (where many rows end), as an overrun's does.
                    edge = next(
                        (x for x in range(round(ch.x0) - 1, round(current[0].x0), -1) if on_edge(x, ends)), None
                    )
                    overrun = edge is not None
                    reach = min(reach, gap - 0.01)
                if gap > reach or resized or overrun:
                    made = _run_in_split(current, page, lines, rows)
                    if overrun and made:
                        made[-1].core_x1 = min(made[-1].core_x1, float(edge))
                    lines.extend(made)
                    current = []
            current.append(ch)
        lines.extend(_run_in_split(current, page, lines, rows))
    display = [ln for ln in lines if ln.size >= KICKER_RATIO * body]
    trimmed = [ln for ln in lines if ln.size < KICKER_RATIO * body or _beside_display(ln, display)]
    _trim_overruns(trimmed, ends, starts)
    return _join_section_numbers(lines, body)


TITLE_DIGITS = 6  # a display line opening with at most this many Latin digits ('2025', '3') set apart from its CJK
DIGIT_GAP = 0.6  # ... by at most this much (x the size) is one title


def _one_glyph(prev: _Char, ch: _Char) -> bool:
    """Do two characters share one glyph's box, on one baseline: the letters of a ligature the text layer spells out
    (TeX's 'ﬁ', 'ﬀ'), each given the whole ligature's box?"""
    tol = 0.01 * min(prev.size, ch.size)
    return (
        ch.x1 - ch.x0 > tol
        and abs(ch.x0 - prev.x0) <= tol
        and abs(ch.x1 - prev.x1) <= tol
        and abs(ch.base - prev.base) <= tol
        and ch.text.isascii()
        and ch.text.isalpha()
        and prev.text.isascii()
        and prev.text.isalpha()
    )


def _digits_before_title(current: list[_Char], ch: _Char, gap: float, body: float) -> bool:
    """Is the gap before ``ch`` the space between a display line's opening number, in a Latin face, and its CJK
    text ('2025␣年业绩回顾', '3␣大重点行业' — PowerPoint and xeCJK set Latin and Asian runs apart)? Nothing else is
    on the line before it, so it is no column of its own: a year or a count does not stand beside a headline."""
    return (
        0 < len(current) <= TITLE_DIGITS
        and all(c.text.isascii() and c.text.isdigit() for c in current)
        and _cjk_letter(ch)
        and min(ch.size, current[-1].size) >= KICKER_RATIO * body
        and abs(ch.size - current[-1].size) <= 0.05 * ch.size
        and gap <= DIGIT_GAP * ch.size
    )


def _inline_code(prev: _Char, ch: _Char, gap: float, reach: float) -> bool:
    """Is the size change between ``prev`` and ``ch`` an inline run of code in its sentence ('the ``ffi_type``
    object'): one side in a typewriter face set a little smaller (a browser sets ``<code>`` at 13 px in 16 px
    text), both on one baseline, no wider apart than a word space. Read apart, every such run cut its line in
    pieces that the reading order then scattered, and a heading with one ('The General Syntax Of ``let*``') lost
    its last word to a heading of its own."""
    small, large = (prev, ch) if prev.size < ch.size else (ch, prev)
    return (
        small.mono
        and not large.mono
        and large.size <= INLINE_RATIO * small.size
        and abs(prev.base - ch.base) <= BASE_SHIFT * small.size
        and gap <= reach
    )


def _beside_display(line: Line, display: list[Line]) -> bool:
    """Whether display type of another story stands to the right of ``line`` on its rows (side-by-side heads)."""
    return any(o is not line and o.x0 > line.x1 and o.top < line.bottom and o.bottom > line.top for o in display)


def _trim_overruns(lines: list[Line], ends: Counter[int], starts: Counter[int]) -> None:
    """A justified line that a layout program let run a little past its column's right edge (where many rows end)
    into a narrow gutter — digits or a Latin word stretched it — ends at that edge for the column analysis
    (``core_x1``), so the gutter stays white beside it. A line ending on an edge of its own is left alone, and so
    is display type with no other head beside it (a headline reaching over a column of its story holds that
    column; one beside another story's head on its row does not)."""

    def rows_ending(x: int) -> int:
        return ends[x - 1] + ends[x] + ends[x + 1]

    for line in lines:
        own = rows_ending(round(line.core_x1))
        inside = range(round(line.core_x1 - OVERRUN * line.size), round(line.core_x1) - 1)
        edge = max(inside, key=lambda x: (ends[x], x), default=None)
        # (Not an edge of its own when far more rows end just inside it: the few ending with it are lines stretched
        # like it, or full-width punctuation hung past the column's edge.)
        if own >= EDGE_ROWS and (edge is None or rows_ending(edge) < OUTNUMBERED * own):
            continue
        # Only where the next column starts less than a gutter's width after the line's end (too close to see a
        # gutter between them), never at a single column's ragged end.
        gutter = range(round(line.core_x1), round(line.core_x1 + GUTTER * line.size) + 1)
        beside = any(starts[x - 1] + starts[x] + starts[x + 1] >= EDGE_ROWS for x in gutter)
        if edge is not None and beside and rows_ending(edge) >= EDGE_ROWS and line.x0 < edge - 4 * line.size:
            line.core_x1 = float(edge)


def _long_run_edges(rows: list[list[_Char]], body: float) -> tuple[Counter[int], Counter[int]]:
    """Where runs of at least LONG_RUN characters (parted by gaps wider than CJK spacing) start and end, by row:
    a column's lines are such runs, a byline's names or a label's words are not. Bylines set alike on one page
    ('本报记者　张三', '本报记者　李四　王五') start their names at one x in several rows, which is no column edge."""
    starts: Counter[int] = Counter()
    ends: Counter[int] = Counter()
    for row in rows:
        run: list[_Char] = []
        for j, ch in enumerate(row):
            if run and ch.x0 - row[j - 1].x1 > CJK_GAP * min(ch.size, body):
                if len(run) >= LONG_RUN:
                    starts[round(run[0].x0)] += 1
                    ends[round(run[-1].x1)] += 1
                run = []
            run.append(ch)
        if len(run) >= LONG_RUN:
            starts[round(run[0].x0)] += 1
            ends[round(run[-1].x1)] += 1
    return starts, ends


def _tucked(row: list[_Char], j: int) -> bool:
    """Is ``row[j]`` a glyph kerned in between its two neighbours (it starts after the one before starts and ends
    before the one after ends, overlapping the room between them), such as the raised small A and the lowered E
    of the TeX logos (L^AT_EX): a letter of the word it sits in, whatever its size or baseline."""
    a, ch, b = row[j - 1], row[j], row[j + 1]
    if ch.text.isspace() or a.text.isspace() or b.text.isspace() or not ch.text.isalpha():
        return False
    return a.x0 < ch.x0 and ch.x1 < b.x1 and ch.x0 < b.x0 and ch.x1 > a.x1 and b.x0 - a.x1 < 0.5 * ch.size


def _small_tucked(row: list[_Char], j: int) -> bool:
    """Is ``row[j]`` a smaller letter kerned in between two glyphs of one size and baseline (``_tucked``), raised
    off that baseline: the LaTeX logo's A. Text set in another size beside a word starts after it, never inside
    its last glyph's box."""
    if not 0 < j < len(row) - 1 or not _tucked(row, j):
        return False
    a, ch, b = row[j - 1], row[j], row[j + 1]
    return (
        ch.size < 0.9 * min(a.size, b.size)
        and abs(a.size - b.size) <= 0.05 * max(a.size, b.size)
        and abs(a.base - b.base) <= 0.05 * a.size  # its neighbours on one baseline, the letter raised off it
        and a.base - ch.base >= 0.1 * a.size
        # alone in its size among the glyphs around it: not a letter of a second text overprinting the first
        and not any(abs(o.size - ch.size) <= 0.05 * ch.size for o in row[max(0, j - 3) : j] + row[j + 1 : j + 4])
    )


def _seat_tucked(rows: list[list[_Char]]) -> list[list[_Char]]:
    """Rows of one to three letters set off the baseline inside another row's word (a TeX logo's lowered E, a
    raised A: ``L^AT_EX``) are put back into that row, where they are read as letters of its word. On a baseline
    of their own they became a line of their own — a one-letter heading, or a line that splits its row in two.

    A letter belongs to a row when its box overlaps the row's glyphs vertically and it is kerned in between two
    neighbouring glyphs of the row (``_tucked``), which text on a line of its own never is."""
    # Candidates: a short row, or a short run of letters set an em or more apart from the rest of its row and in
    # another size (a lowered E whose baseline falls nearer a margin note's row, in smaller type beside the text,
    # than its own word's row).
    short = [(r, rows[r]) for r in range(len(rows)) if _few_letters(rows[r])]
    short += [
        (r, run)
        for r, row in enumerate(rows)
        if not _few_letters(row)
        for run in _runs(row)
        if len(run) < len(row)
        and _few_letters(run)
        and not any(abs(o.size - run[0].size) <= 0.05 * run[0].size for o in row if o not in run)
    ]
    if not short:
        return rows
    taken: dict[int, set[int]] = {}  # row index -> ids of its characters put into another row
    hosts: set[int] = set()
    for r, candidate in short:
        row = [c for c in candidate if not c.text.isspace()]
        if r in hosts or any(id(c) in taken.get(r, ()) for c in row):
            continue
        for host_index in range(max(0, r - 3), min(len(rows), r + 4)):
            host = rows[host_index]
            if host_index == r or host_index in taken or len(host) < 2:
                continue
            if not all(min(c.bottom for c in host) > ch.top and max(c.top for c in host) < ch.bottom for ch in row):
                continue
            trial = sorted(host + row, key=lambda c: c.x0)
            mine = {id(ch) for ch in row}
            at = [j for j, c in enumerate(trial) if id(c) in mine]
            if all(0 < j < len(trial) - 1 and _tucked(trial, j) for j in at):
                host[:] = trial
                hosts.add(host_index)
                taken.setdefault(r, set()).update(id(c) for c in candidate)
                break
    rows = [[c for c in row if id(c) not in taken.get(r, ())] for r, row in enumerate(rows)]
    return [row for row in rows if row]


def _few_letters(chars: list[_Char]) -> bool:
    """One to three letters (and spaces): what a TeX logo's shifted letters come to on a row of their own."""
    return 1 <= sum(not c.text.isspace() for c in chars) <= 3 and all(
        c.text.isalpha() or c.text.isspace() for c in chars
    )


def _runs(row: list[_Char]) -> list[list[_Char]]:
    """A row's runs of characters, parted where the next one starts an em or more after the one before."""
    runs = [[row[0]]] if row else []
    for a, b in zip(row, row[1:], strict=False):
        if b.x0 - a.x1 >= b.size:
            runs.append([b])
        else:
            runs[-1].append(b)
    return runs


def _join_section_numbers(lines: list[Line], body: float = 0.0) -> list[Line]:
    """A section number set apart from its title on the title's baseline ("1.1␣␣宏包依赖", "第1章␣␣绪论"; TeX,
    ctex and Word put an em or more between them) is one line with it, not a line of its own: read apart, the
    number becomes a heading (or a kicker) above its title. Only a line that is nothing but a number, opening its
    row, with a line of words of about its size starting within ``NUMBER_GAP`` of its size to its right — or, when
    the words are display type (``body`` given), down to half its size: a book's chapter number set larger than
    its title ("1␣␣使用本书" in 36 and 26 pt)."""
    joined: dict[int, Line] = {}  # id of a number line -> the number and its title as one line
    titles: set[int] = set()
    # (a caption's label set apart from its text, '表3␣␣中文字体配置', likewise: its text is no heading)
    numbers = [a for a in lines if SECTION_NUMBER.fullmatch(a.text) or _CAPTION_ALONE.fullmatch(a.text)]
    if not numbers:
        return lines
    # a number's row mates are found among the lines whose top is at most a line's height above its middle
    # (bisect on the tops): a page of table cells that are all numbers must not compare every pair
    by_top = sorted(lines, key=lambda ln: ln.top)
    tops = [ln.top for ln in by_top]
    tallest = max(ln.bottom - ln.top for ln in lines)
    for a in numbers:
        middle = (a.top + a.bottom) / 2

        def on_row(other: Line, middle: float = middle) -> bool:
            return other.top <= middle <= other.bottom

        near = by_top[bisect_left(tops, middle - tallest) : bisect_right(tops, middle)]
        if any(o is not a and on_row(o) and o.x1 <= a.x0 and a.x0 - o.x1 < 2 * a.size for o in near):
            continue  # something printed just left of it on its row: not a number opening its line
        right = [
            b
            for b in near
            if b is not a
            and id(b) not in titles
            and on_row(b)
            and 0 < b.x0 - a.x1 <= NUMBER_GAP * max(a.size, b.size)
            and (0.8 <= b.size / a.size <= 1.25 or (0.5 <= b.size / a.size < 0.8 and b.size >= HEAD_RATIO * body > 0))
            and any(c.isalpha() for c in b.text)
        ]
        if not right:
            continue
        b = min(right, key=lambda ln: ln.x0)
        titles.add(id(b))
        joined[id(a)] = replace(
            b,
            text=f"{a.text} {b.text}",
            x0=a.x0,
            top=min(a.top, b.top),
            bottom=max(a.bottom, b.bottom),
            core_x0=a.core_x0,
        )
    return [joined.get(id(ln), ln) for ln in lines if id(ln) not in titles]


def _ink(ch: _Char) -> tuple[float, float]:
    """Where a character's glyph is: full-width punctuation sets it in one half of its em box (closing marks
    in the left half, which may hang into the gutter; opening ones in the right half)."""
    if ch.x1 - ch.x0 >= 0.9 * ch.size and not ch.text.isascii():
        if ch.text in _HANGING:
            return ch.x0, ch.x0 + 0.5 * (ch.x1 - ch.x0)
        if ch.text in _OPENERS:
            return ch.x0 + 0.5 * (ch.x1 - ch.x0), ch.x1
    return ch.x0, ch.x1


def _evenly(row: list[_Char], j: int, size: float) -> bool:
    """Whether the gap before ``row[j]`` is as wide as the next space between glyphs before or after it (within
    a few glyphs): a justified line spreads its slack evenly over the spaces between its glyph runs."""
    gap = row[j].x0 - row[j - 1].x1
    for k in (*range(j - 1, max(0, j - 6), -1), *range(j + 1, min(len(row), j + 6))):
        other = row[k].x0 - row[k - 1].x1
        if other > 0.25 * size:
            if abs(other - gap) <= 0.03 * size:
                return True
            if k > j:
                break
    return False


def _letter_spaced(row: list[_Char], j: int, size: float) -> bool:
    """Whether the gap before ``row[j]`` lies inside a letter-spaced line of ideographs: the ideographs on both sides,
    of one size, and a neighbouring gap (before ``row[j - 1]`` or after ``row[j]``) between ideographs as wide, all at
    most ``LETTER_SPACE`` em. Chinese desks space a short headline or a label out to fill its measure (社　论); a
    line set solid has no gaps, a justified one spreads them by a fraction of an em, and a gutter between two
    columns' lines is not repeated between the characters on either side of it."""
    prev, ch = row[j - 1], row[j]
    gap = ch.x0 - prev.x1
    if not (_cjk_letter(prev) and _cjk_letter(ch)) or abs(prev.size - ch.size) > 0.02 * size:
        return False
    if not 0 < gap <= LETTER_SPACE * size:
        return False
    for a, b in ((j - 2, j - 1), (j, j + 1)):
        if a < 0 or b >= len(row):
            continue
        left, right = row[a], row[b]
        alike = max(abs(left.size - ch.size), abs(right.size - ch.size)) <= 0.02 * size
        if not (alike and _cjk_letter(left) and _cjk_letter(right)):
            continue
        if abs((right.x0 - left.x1) - gap) <= EVEN_SPACE * size:
            return True
    return False


def _text_through(rows: list[list[_Char]], r: int, prev: _Char, ch: _Char, size: float, even: bool = False) -> bool:
    """Whether the lines above and below of this size set text across the gap between ``prev`` and ``ch`` on
    row ``r``: a gutter is a strip white in the lines of its columns; a justification space between glyph runs
    is not, as the lines around it space their runs elsewhere.

    Each side looks at the nearest three rows, each within two lines' pitch of the last, whose type is this
    size and that have text on both sides of the gap (a column's first or last line has one side; a line alone
    keeps the other tests' verdict). The gap is a gutter when a strip of it GUTTER x the size wide is white in
    all but a third of them (a byline or a rule's caption may run across the columns' heads); an indent after
    the gutter leaves the gutter's white in the lines around.
    """
    left, right = _ink(prev)[1], _ink(ch)[0]  # a line-ending comma's em box reaches into a narrow gutter
    lo, hi = prev.x0 - size, ch.x1 + size
    base = rows[r][0].base
    bins = max(1, round(2 * (right - left)))  # half-point strips across the gap (none: a narrow gap)
    step_x = (right - left) / bins
    covered = [0] * bins
    found = 0
    reach = min(2.2 * size, PITCHES * _pitch(rows, r, lo, hi, size))
    for step in (-1, 1):
        k, at, seen = r + step, base, 0
        while 0 <= k < len(rows) and seen < 3 and abs(rows[k][0].base - at) <= reach:
            near = [
                _ink(c)
                for c in rows[k]
                if c.x1 > lo and c.x0 < hi and abs(c.size - size) <= 0.02 * size and not c.text.isspace()
            ]
            if near and min(x0 for x0, _ in near) < prev.x1 and max(x1 for _, x1 in near) > ch.x0:
                for x0, x1 in near:
                    first = max(0, int((x0 - left) / step_x))
                    last = min(bins, int((x1 - left) / step_x) + 1)
                    for i in range(first, last):
                        mid = left + (i + 0.5) * step_x
                        if x0 <= mid <= x1:
                            covered[i] += 1
                seen += 1
            if near:  # a short line beside the gap (a paragraph's last) carries the search on past it
                at = rows[k][0].base
            k += step
        found += seen
    if not found:
        return False
    if right - left < GUTTER * size:
        return True
    # (At least one: a byline or caption centred under a headline runs across the gutter of columns that share
    # no baseline grid — spaced paragraphs — where it may be the only row around with text on both sides.)
    allowed = 0 if even else max(1, found // 3)
    run = best = 0.0
    for count in covered:
        run = run + step_x if count <= allowed else 0.0
        best = max(best, run)
    return best < GUTTER * size


def _pitch(rows: list[list[_Char]], r: int, lo: float, hi: float, size: float) -> float:
    """The baseline distance from row ``r`` to the nearest row above or below with text of this size between ``lo``
    and ``hi`` (inf for none): the line pitch the rows around a gap are measured in.

    Measured, not taken from the size: a PDF writer that scales its content by the page's matrix (Qt prints CSS
    pixels at 0.576 pt) states a size its glyphs are not set at, and two of its lines' pitches reach past a module's
    last line into the next story, whose lines run across the gutter."""
    best = float("inf")
    for step in (-1, 1):
        k = r + step
        while 0 <= k < len(rows):
            if any(c.x1 > lo and c.x0 < hi and abs(c.size - size) <= 0.02 * size for c in rows[k]):
                best = min(best, abs(rows[k][0].base - rows[r][0].base))
                break
            k += step
    return best


def _run_in_split(chars: list[_Char], page: int, above: list[Line], rows: list[list[_Char]]) -> list[Line]:
    """``chars`` as a line, or as two when a brief's RUN-IN headline ends on it: the bold head, then its text.

    A briefs column (简讯) sets each item's headline in bold (or in 【】) and runs the item's text on after it on
    the same line. Read as one line, the head's last characters went into the text ('休】中国交响乐团…' under
    '【一月至二月歌舞乐不') or the text's first into the head. A line is cut where bold turns regular — once, the bold
    part first, ending no sentence — when the bold part is a bracketed head (【…】), or closes one opened on the
    bold lines right above, or goes on from a whole bold line right above it (the head's first line). A bold
    lead-in on a paragraph's first line ('本报讯', a dateline) has no bold line over it and no brackets: it stays in
    its line. The brackets go: they set the head apart, they are no words of it (also around a head that ends its
    line, its text under it).

    What a briefs column has and an ordinary page does not: SEVERAL such heads, siblings down one column, each
    opening its paragraph. So the cut needs another line at the same left opening with a bold phrase that runs on
    in regular type (``_sibling_heads``), the head's first line must open a paragraph (``_opens_paragraph``: a
    bold '【附件一】' that a wrap happens to put at a line's start mid-paragraph is a reference, not a head), and
    the text must not go on with a comma (',否则…' after a bold sentence wrapping over lines: one sentence)."""
    visible = [c for c in chars if not c.text.isspace()]
    if not visible or not visible[0].bold or max(c.size for c in visible) > 1.02 * min(c.size for c in visible):
        return _make_line(chars, page)
    size = visible[0].size
    cut = next((k for k, c in enumerate(visible) if not c.bold), len(visible))
    over: list[Line] = []  # the bold lines right over this one, nearest first, set alike at its left
    top = visible[0].top
    for ln in reversed(above[-40:]):
        if (
            ln.bold
            and abs(ln.size - size) <= 0.02 * size
            and abs(ln.x0 - visible[0].x0) <= 0.6 * size
            and 0.5 * size <= top - ln.top <= 2.2 * size
        ):
            over.append(ln)
            top = ln.top
            if len(over) == RUN_IN_LINES - 1:
                break
    # The line opening this head's bracket: up the bold lines over it, none closing a bracket on the way.
    opened = None
    for ln in over:
        if "】" in ln.text:
            break
        if ln.text.startswith("【"):
            opened = ln
            break
    head_text = "".join(c.text for c in visible[:cut])
    closes = opened is not None and head_text.endswith("】") and "【" not in head_text
    alone = head_text.startswith("【") and head_text.endswith("】") and head_text.count("【") == 1
    if cut == len(visible):  # all bold: a head ending its line, its brackets dropped
        made = _make_line(chars, page)
        if closes and opened is not None:
            made[0].text = made[0].text.removesuffix("】")
            opened.text = opened.text.removeprefix("【")
        elif alone and len(head_text) >= RUN_IN_HEAD + 2 and made:
            made[0].text = made[0].text.removeprefix("【").removesuffix("】")
        return made
    if any(c.bold for c in visible[cut:]) or head_text.endswith(_SENTENCE_END) or visible[cut].text in _RUNS_ON:
        return _make_line(chars, page)
    bracketed = alone and len(head_text) >= RUN_IN_HEAD + 2
    goes_on = (  # (a bold phrase going on by one character is no head ending: two at least)
        bool(over) and over[0].x1 >= visible[-1].x1 - size and "】" not in over[0].text and len(visible) - cut >= 2
    )
    spaced = not over and _spaced_head(chars, visible, cut, size)
    if not (bracketed or closes or goes_on or spaced):
        return _make_line(chars, page)
    first = opened if closes and opened is not None else over[0] if goes_on and not bracketed else None
    x0, first_top = (first.x0, first.top) if first is not None else (visible[0].x0, visible[0].top)
    if not _opens_paragraph(above, x0, first_top, size) or not _sibling_heads(rows, visible[0], size):
        return _make_line(chars, page)
    head = {id(c) for c in visible[:cut]}
    made = _make_line([c for c in chars if id(c) in head], page)
    for ln in made:
        ln.run_in = True
        if bracketed or closes:
            ln.text = ln.text.removesuffix("】").removeprefix("【")
    if closes and opened is not None:
        opened.text = opened.text.removeprefix("【")
    # The mark a briefs column sets before each head (■ 加快…) is its bullet, no word of the title: on the head's
    # first line (the nearest bold line over this one that opens with a mark, or this one).
    opening = next((ln for ln in (*made[:1], *over) if ln.text[:1] in _HEAD_MARKS), None)
    if opening is not None:
        opening.text = opening.text[1:].lstrip()
    return made + _make_line([c for c in chars if id(c) not in head], page)


_RUNS_ON = ("，", "、", "；", "。", ",", ";")  # text opening so after a bold phrase goes on with its sentence
_HEAD_MARKS = "■□●◆◇▲△★☆"  # a mark a briefs column may set before each run-in head


def _spaced_head(chars: list[_Char], visible: list[_Char], cut: int, size: float) -> bool:
    """Whether the bold phrase opening this line (``visible[:cut]``) is a run-in head that fits on its line: at
    least RUN_IN_HEAD characters (MARKED_HEAD after a mark such as ■), a space (a space character, or white of
    half an em and more) between it and the regular text after it, and no dateline ('本报北京1月5日电　记者…'
    set bold opens its story's text; it heads nothing). Bold type then a space is how a briefs column sets a head
    that ends on its own first line; a bold lead-in run into its sentence has no space after it."""
    marked = visible[0].text in _HEAD_MARKS
    head = "".join(c.text for c in visible[:cut]).lstrip(_HEAD_MARKS)
    if len(head) < (MARKED_HEAD if marked else RUN_IN_HEAD) or dateline(head) or head.endswith(_SENTENCE_END):
        return False
    last, first = visible[cut - 1], visible[cut]
    between = [c for c in chars if last.x1 <= c.x0 and c.x1 <= first.x0 + 0.01]
    return first.x0 - last.x1 >= 0.5 * size or any(c.text.isspace() for c in between)


def _opens_paragraph(above: list[Line], x0: float, top: float, size: float) -> bool:
    """Whether a line at ``x0``, ``top`` opens a paragraph: no regular line of its size right over it, starting
    no further right, that stops mid-sentence (a paragraph's wrapped line goes on from such a line)."""
    for ln in reversed(above[-40:]):
        if (
            not ln.bold
            and abs(ln.size - size) <= 0.02 * size
            and 0.5 * size <= top - ln.top <= 2.2 * size
            and ln.x0 <= x0 + 0.6 * size
            and ln.x1 > x0 + size
        ):
            return ln.text.rstrip().endswith(_SENTENCE_END + ("」", "”", "）", ")"))
    return True


def _sibling_heads(rows: list[list[_Char]], first: _Char, size: float) -> bool:
    """Whether another line of the page, in ``first``'s size, opens with a bold phrase that runs on in regular type
    on its row, not with a comma or a full stop, at least RUN_IN_HEAD characters long with the whole bold lines at
    its left right over it (a head ending on its second line) and no dateline: a second run-in head (one bold lead
    phrase alone is emphasis). Anywhere on the page, not only down ``first``'s column: a briefs strip balances
    four to eight items over as many columns, one head to a column."""
    for r, row in enumerate(rows):
        for run in _opening_runs(row, size):
            if all(c is not first for c in run) and _sibling_head(rows, r, run, size):
                return True
    return False


def _sibling_head(rows: list[list[_Char]], r: int, run: list[_Char], size: float) -> bool:
    """Whether ``run``, a line opening on row ``r``, opens with a run-in head (see ``_sibling_heads``)."""
    cut = next((k for k, c in enumerate(run) if not c.bold), len(run))
    if cut == len(run) or run[cut].text in _RUNS_ON:
        return False
    head = "".join(c.text for c in run[:cut])
    base = run[0].base
    for k in range(r - 1, max(r - RUN_IN_LINES, -1), -1):  # the head's earlier lines, all bold
        over = _opening_run(rows[k], run[0].x0, size)
        if not over or not all(c.bold for c in over) or not 0.5 * size <= base - over[0].base <= 2.2 * size:
            break
        head = "".join(c.text for c in over) + head
        base = over[0].base
    head = head.lstrip(_HEAD_MARKS)
    return len(head) >= RUN_IN_HEAD and not head.endswith(_SENTENCE_END) and dateline(head) is None


def _opening_runs(row: list[_Char], size: float) -> list[list[_Char]]:
    """The lines of ``size`` opening on ``row``: at its start and after each gutter (each column's line)."""
    starts = [
        j for j, ch in enumerate(row) if not ch.text.isspace() and (j == 0 or ch.x0 - row[j - 1].x1 > CJK_GAP * size)
    ]
    return [run for j in starts if (run := _opening_run(row, row[j].x0, size))]


def _opening_run(row: list[_Char], x0: float, size: float) -> list[_Char]:
    """The visible characters of the line opening at ``x0`` on ``row`` in type of ``size``, up to the next gutter
    (empty when no line opens there)."""
    for j, ch in enumerate(row):
        if (
            ch.text.isspace()
            or abs(ch.x0 - x0) > 0.6 * size
            or abs(ch.size - size) > 0.02 * size
            or (j and ch.x0 - row[j - 1].x1 <= CJK_GAP * size)
        ):
            continue
        run = [ch]
        for k in range(j + 1, len(row)):
            if row[k].x0 - row[k - 1].x1 > CJK_GAP * size:
                break
            if not row[k].text.isspace():
                run.append(row[k])
        return run
    return []


def _make_line(chars: list[_Char], page: int) -> list[Line]:
    visible = [c for c in chars if not c.text.isspace()]
    if not visible:
        return []
    parts: list[str] = []
    prev: _Char | None = None
    spread = _cjk_spread(visible)
    for k, ch in enumerate(chars):
        if ch.text.isspace():
            if parts and parts[-1] != " ":
                parts.append(" ")
            continue
        if raised_mark(chars, k):  # a footnote mark reads as a superscript number ('增长¹，'), set solid
            parts.append(mark_text(ch.text))
            prev = ch
            continue
        gap = ch.x0 - prev.x1 if prev is not None else 0.0
        # TeX writes no space glyphs and may set a justified line's word spaces under a quarter em: pdfium's
        # generated space between two Latin characters marks them ('This parameter', not 'Thisparameter').
        latin_space = ch.spaced and ch.text.isascii() and prev is not None and prev.text.isascii() and gap > 0
        if (
            prev is not None
            and parts[-1] != " "
            and (
                (gap > 0.25 * ch.size and ch.text.isascii())
                or gap >= EM_SPACE[0] * _em(prev, ch)
                or latin_space
                or _script_gap(prev, ch, gap, spread, _LEADING_NUMBER.fullmatch("".join(parts)) is not None)
                or _after_chapter_number("".join(parts), prev, ch, gap, spread)
            )
        ):
            parts.append(" ")
        parts.append(ch.text)
        prev = ch
    # A line of text with inline code in a typewriter face (``_inline_code``) is set in its text's size and weight
    # (a sentence naming a few bold commands is no bold subhead).
    text_chars = [c for c in visible if not c.mono] or visible
    sizes = Counter(c.size for c in text_chars)
    size = sizes.most_common(1)[0][0]
    return [
        Line(
            text="".join(parts).strip(),
            x0=min(c.x0 for c in visible),
            x1=max(c.x1 for c in visible),
            top=min(c.top for c in visible),
            bottom=max(c.bottom for c in visible),
            size=size,
            bold=sum(c.bold for c in text_chars) * 2 > len(text_chars),
            page=page,
            code=all(c.mono for c in visible),
            core_x1=max((c.x1 for c in visible if c.text not in _HANGING), default=max(c.x1 for c in visible)),
            core_x0=visible[0].x0 + 0.5 * visible[0].size
            if visible[0].text in _OPENERS and visible[0].x1 - visible[0].x0 >= 0.9 * visible[0].size
            else None,
        )
    ]


def _cjk_letter(ch: _Char) -> bool:
    """A CJK character that is part of a word (an ideograph, kana, hangul), not punctuation."""
    return not ch.text.isascii() and ch.text.isalnum()


def _cjk_spread(visible: list[_Char]) -> float:
    """How far apart the line sets its CJK characters: the median gap between two neighbouring ones (0 for a
    line set solid; a justified or letter-spaced line, '社␣论', spreads them all alike).

    The lower median: of an even count, the upper one may be the very gap a caller asks about. A heading '第2章␣安装'
    has two such gaps, the space after the chapter's number and none inside '安装'; the upper median made the space
    the line's own spacing, and the heading read '第2章安装'."""
    gaps = sorted(
        max(0.0, b.x0 - a.x1) for a, b in zip(visible, visible[1:], strict=False) if _cjk_letter(a) and _cjk_letter(b)
    )
    return gaps[(len(gaps) - 1) // 2] if gaps else 0.0


_LEADING_NUMBER = re.compile(r"\s*[0-9]{1,3}(?:[.．][0-9]{1,3})*[.．]?")


def _script_gap(prev: _Char, ch: _Char, gap: float, spread: float, leading: bool = True) -> bool:
    """Is the gap between a number and the CJK text after it a space: wider by ``SCRIPT_SPACE`` of an em than the
    line sets its CJK characters apart, or by any white where pdfium's text layer found a word space there. TeX and
    word processors write no space glyph between a section number and its title ('1␣项目概况', an em or a tab
    apart): read solid, the heading a user cites and asks about became '1项目概况'. Between two CJK characters no
    gap is a space (a letter-spaced headline, '社␣论', is one word), and neither is the line's own letter-spacing.
    (A Latin word before CJK text, 'MC␣文件管理', is left solid: spacing it too cost a held-out printed-page set a
    heading, for a cause not looked for.) ``leading``: the line so far is that number alone."""
    if not (prev.text.isascii() and prev.text.isdigit() and _cjk_letter(ch)):
        return False
    small = min(prev.size, ch.size)
    extra = gap - spread
    # Only a number opening the line (a section number) is parted: inside a line, word processors set a number
    # apart from the CJK text around it by themselves ('关于开展␣2025␣年', Word's and LibreOffice's autospace
    # between Asian and Western text, where pdfium finds word spaces too), and the text has none.
    return leading and (extra > SCRIPT_SPACE * small or (ch.spaced and extra > 0.5 * SCRIPT_SPACE * small))


_CHAPTER_NUMBER = re.compile(r"\s*第\s*[0-9一二三四五六七八九十百零〇]{1,4}\s*[章节節条條篇部编編讲講]")


def _after_chapter_number(so_far: str, prev: _Char, ch: _Char, gap: float, spread: float) -> bool:
    """A gap after a chapter's number opening the line ('第一章␣公司概况') is a space, as after '1' (``_script_gap``):
    the heading a user sees and types is '第一章 公司概况', not '第一章公司概况'. Only there: between other CJK
    characters no gap is a space."""
    if not (_CHAPTER_NUMBER.fullmatch(so_far) and _cjk_letter(ch)):
        return False
    small = min(prev.size, ch.size)
    extra = gap - spread
    return extra > SCRIPT_SPACE * small or (ch.spaced and extra > 0.5 * SCRIPT_SPACE * small)


def _column_groups(lines: list[Line], body: float) -> list[list[int]]:
    """Indexes of ``lines`` grouped into columns, left to right: lines whose text spans (from the ink of
    a hung opening bracket, ``_left``) overlap or come nearer than a gutter (``GUTTER`` body sizes).

    A jump line alone ('▼下转第2版', '（转2版）') is set inside its story's column, against its right edge, centred
    or at its left edge: it counts without its last half em. Set right-aligned in bold, it may end a little past the
    column's edge (a synthetic bold widens each glyph), and at its full width it would bridge the gutter and join
    two columns' rows into lines read across both. (Counted at its middle alone, a short marker set at its column's
    left edge under a paragraph's indented first line stood a gutter apart from it: a column of its own, read first.)"""
    spans = []
    for i, ln in enumerate(lines):
        lo, hi = _left(ln), ln.core_x1
        if markers.TRANSFER.fullmatch(ln.text.strip()):
            hi = max(lo, hi - 0.5 * ln.size)
        spans.append((lo, hi, i))
    return interval_groups(spans, GUTTER * body)


def interval_groups(intervals: list[tuple[float, float, int]], min_gap: float) -> list[list[int]]:
    """Indexes grouped by overlapping (or nearer than ``min_gap``) intervals, in order."""
    groups: list[list[int]] = []
    end = float("-inf")
    for lo, hi, i in sorted(intervals):
        if groups and lo - end < min_gap:
            groups[-1].append(i)
            end = max(end, hi)
        else:
            groups.append([i])
            end = hi
    return groups


def _style(line: Line, body: float) -> tuple[int, bool]:
    return round(line.size / body * 8), line.bold


def _bands(lines: list[Line]) -> list[list[Line]]:
    """Lines grouped into horizontal bands separated by full-width whitespace, top to bottom."""
    return [
        [lines[i] for i in band]
        for band in interval_groups([(ln.top, ln.bottom, i) for i, ln in enumerate(lines)], 0.01)
    ]


def _opens_article(line: Line, body: float) -> bool:
    """Headline type or a '（上接第N版）' marker: where an article (or its continuation) starts."""
    return (line.size >= HEAD_RATIO * body and not line.quoted) or bool(_CONT_LINE.match(line.text))


def _ruled(line: Line, top: float, bottom: float, rules: list[tuple[float, float, float]], body: float) -> bool:
    """Is a rule drawn in the gap ``top``..``bottom`` over at least half of ``line``?"""
    half = 0.5 * (line.x1 - line.x0)
    return any(
        top - 0.5 * body <= y <= bottom + 0.5 * body and min(x1, line.x1) - max(x0, line.x0) >= half
        for x0, x1, y in rules
    )


def _is_head(line: Line, body: float) -> bool:
    """Headline type, or a short unpunctuated line set larger than the body or in bold (kicker, subhead)."""
    if line.quoted:
        return False
    if line.size >= HEAD_RATIO * body:
        return True  # headline type heads, whatever its words: a slide's "Table 2: Complexity summary"
    label = line.text.strip()
    if CAPTION_LABEL.match(label) or _ADMONITION.fullmatch(label) or CONTENTS_TITLE.fullmatch(label):
        return False
    if "://" in line.text:
        return False  # (an address set bold on its line, a link, heads nothing)
    text = line.text
    # (a line of bold code at the body's size — a command, an address broken over lines — is text)
    distinct = line.size >= KICKER_RATIO * body or (line.bold and not line.code and line.size >= 0.95 * body)
    # At most 40 characters; a line of a Latin script (no full-width character) at most twice that: a heading in
    # Latin letters ('2.6. Einstellung des Satzspiegels und der Seitenaufteilung', a seven-word English section
    # title) is as wide in half as many ems. (A line mixing CJK with a bold term, '\Set…{⟨real⟩}如果…', is a
    # run-in item of a list.)
    short = len(text) <= 40 or (
        len(text) <= 80
        and not any(_wide(ch) for ch in text)
        # a title, not a sentence set bold: numbered, or a few words ('Do not expose the device to rain or …' is
        # a warning in a manual's text)
        and (bool(SECTION_NUMBER.match(text.split()[0])) or len(text.split()) <= 8)
    )
    return distinct and short and not text.endswith(("。", "，", "；", "、", "：", ":"))


def _em(prev: _Char, ch: _Char) -> float:
    """The em two characters are set in: their size, or between two ideographs the width of their boxes when narrower.

    A full-width glyph's box is one em wide. A writer that scales its content by the page's matrix (Qt prints CSS
    pixels at 0.576 pt) states a size its glyphs are not set at: the ideographic space between two names ('本报通讯员
    江泽民') is an em of the glyphs, not of the stated size, and was read as no space at all."""
    size = min(prev.size, ch.size)
    if _wide(prev.text) and _wide(ch.text) and prev.text.isalnum() and ch.text.isalnum():
        return min(size, prev.x1 - prev.x0, ch.x1 - ch.x0) if min(prev.x1 - prev.x0, ch.x1 - ch.x0) > 0 else size
    return size


def _wide(ch: str) -> bool:
    """A full-width character (CJK ideographs, kana, hangul, full-width forms): one em, where a Latin letter is half."""
    return unicodedata.east_asian_width(ch) in "WF"
