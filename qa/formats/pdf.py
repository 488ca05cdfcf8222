"""Born-digital PDFs: characters with their font size and position → lines → columns → reading order.

Why ``pypdfium2`` (Apache-2.0/BSD; PyMuPDF is AGPL): it exposes every character with its box,
origin, font size and weight, and does so about five times faster than pdfminer-based readers,
which matters on a 2-core machine (measured in ``benchmarks/formats.py``).

The page is read the way a newspaper reader reads it:

1. **Lines.** Characters on one baseline form a row; a row splits where the gap between two
   characters is wider than a word space (a column gutter) or the font size changes — but not where
   the lines above and below set text across the gap: a gutter is white in the lines of its columns,
   while a layout program (InDesign, 方正飞腾) that writes glyphs in short runs puts a justified line's
   slack between the runs, wider than CJK type is ever set.
2. **Page furniture.** Lines in the top and bottom bands that look like a banner, an edition or
   page number, a date or an editor credit, or that repeat on other pages, are dropped. The
   edition ("第2版") is remembered: jump markers name editions, not PDF page indexes.
3. **Reading order** by recursive XY-cut: a region splits first at vertical gutters that run its
   full height (columns, side-by-side articles), else at horizontal gaps wider than the body's
   line spacing or where the type changes (headline above body), else it is one column read top
   to bottom. A headline spanning several columns blocks the gutters below it, so an article's
   columns are read together, after its headline (also a centred headline that leaves the first
   column beside it white); a full-width gap opens a new block of columns when a headline starts
   there, even a few points lower than the text atop the other columns (a new multi-column block
   that opens with a story).
4. **Roles.** The body size is the most common size. A heading group is a run of lines larger
   than the body (or bold and short); its largest lines are the headline, smaller lines above it
   the kicker (引题), below it the subtitle (副题). Bold body-size lines inside an article are
   its subheads (bold by weight, by a synthetic-bold glyph set, or by a font name that states it —
   not by being a 黑体 when the body is one). On a multi-column page every headline is an article of its own (level 1, a
   subhead level 2); a single-column document nests headings by size.
5. **Paragraphs.** A line starts a paragraph when it is indented, follows a short line (one
   the next line's first unbreakable run would have fitted, or that ends a sentence: typesetters
   that do not stretch CJK lines leave room where line-breaking rules forbid a break) or a
   wider gap; at a column or page end a paragraph continues into the next column when that
   column starts unindented after a full line. '（下转第N版）' stays on the paragraph it ends,
   '（上接第N版）' opens the one it starts (every wording ``qa.structure.markers`` knows); the
   structure stage stitches them (``qa.structure.hinted``).

Scanned PDFs (no text layer) and password-protected PDFs are refused with a one-line message.
"""

from __future__ import annotations

import ctypes
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from qa.errors import LoadError
from qa.formats.blocks import Block, to_document
from qa.records import Document
from qa.structure import markers
from qa.structure.cues import dateline, is_byline

# Thresholds, in units of the font size (or of the body size). Chosen on the tuning families of
# benchmarks/formats.py and reported there on a held-out family.
WORD_GAP = 0.8  # a gap wider than this between two Latin characters of a row separates two lines (a gutter)
CJK_GAP = 0.6  # CJK type is set solid, so a gap this wide (more than a space) between two CJK characters is a gutter
EDGE_ROWS = 3  # text starting at the same x in this many rows marks a column edge
PARA_SPACED = 0.08  # share of a column's line gaps that are one wider, constant space: paragraphs are spaced
GUTTER = 0.5  # vertical whitespace at least this wide (x body size) separates columns
HEAD_RATIO = 1.25  # a line this much larger than the body is headline type
KICKER_RATIO = 1.07  # a short line this much larger than the body is display type (kicker, subtitle, subhead);
# sizes are read to 0.1 pt, so a subhead set 1.08× a 10.5 pt body (11.3 pt) must count
BLOCK_GAP = 0.5  # a horizontal gap this much (x body size) wider than the usual line gap separates blocks
INDENT = 0.8  # a first line indented by this much (x its size) starts a paragraph
SHORT_LINE = 1.5  # a line ending this far (x its size) before the column's right edge ends a paragraph
FURNITURE_BAND = 0.075  # top/bottom share of the page where banners, page numbers and credits sit
OPENS_NEAR = 1.5  # a headline this many body lines below a full-width gap still opens what is under the gap
OPENS_UNDER = 6.0  # ... or this many, as the first line under the gap of a column whose text ends over it
BAND_GAP = 1.0  # ... when the gap is this much (x body size) wider than the line gap
PUNCT_GAP = 0.45  # after full-width punctuation (its glyph in the left half of its box), this gap is a gutter
EM_SPACE = (0.85, 1.15)  # a gap this wide (x the size) between CJK characters off a column edge is an ideographic space
HEAD_SPREAD = 0.3  # a gap narrower than this (x its size) between two headline characters is inside one headline
FILL_STROKE = 2  # PDF text render mode: glyphs filled, then stroked (synthetic bold)
EDGE_GAP = 0.35  # a gap this wide (x the size) before text starting on a column edge is a gutter, however narrow
OPENER_GAP = 0.2  # a gap this wide (x the size) before an opening bracket's em box is a gutter
EDGE_PUNCT_GAP = 0.1  # likewise after full-width punctuation, whose em box reaches into the gutter
MULTI_COLUMN = 0.6  # median column narrower than this share of the text width: a multi-column layout
KICKER_CHARS = 8  # a kicker in the body's own type is a short label ('一线采访', '岁末年初看变化')
EDGE_HUNG_GAP = 0.02  # likewise after punctuation hung past the column's right edge
BASE_SHIFT = 0.06  # characters of one line share its baseline; this far off it (x the size) is another line
BASE_GAP = 0.05  # ... when a gap this wide (x the size) parts them (a sub- or superscript is set tight)
RUN_SPACE = 3.0  # a justified line's space between glyph runs is narrower than this (x the size)

_FURNITURE = re.compile(
    r"第\s*[\d一二三四五六七八九十]+\s*[版页]|^[-—–\s]*\d{1,4}[-—–\s]*$|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
    r"|第\s*\d{1,4}\s*期|星期[一二三四五六日天]|责任编辑|美术编辑|版式|校对|^page\s*\d+|^[-—–\s]*[A-Z]\d{1,2}[-—–\s]*$|^[A-Z]\d{1,2}\s",
    re.IGNORECASE,
)
# The page's edition in its banner or folio: 第2版, 第A2版, 2版 · 要闻, A2版, — A2 — (the number is kept).
_EDITION = re.compile(
    r"第\s*[A-Z]?\s*(\d{1,3}|[一二三四五六七八九十]{1,3})\s*版|^\s*[A-Z]?\s*(\d{1,3})\s*版"
    r"|^[-—–\s]*[A-Z]\s*(\d{1,2})[-—–\s]*$"
)
_BOLD_NAME = re.compile(r"bold|black|heavy|demi|W[6-9]\b", re.IGNORECASE)  # a weight the name states
_HEI_NAME = re.compile(r"hei(?:ti)?(?![a-z])|黑", re.IGNORECASE)  # a 黑体 face: bold-looking, body or not
_TRANSFER_LINE = re.compile(rf"^\s*(?:{markers.TRANSFER.pattern})")  # a '（下转第2版）' line of its own
_CONT_LINE = markers.CONTINUED
_JUMP_MARK = markers.ANY
# A figure or table caption ("图1 系统结构", "Table 2"): closes what is above it, never a kicker of what follows.
_CAPTION = re.compile(r"\s*(?:[图圖表]|fig(?:ure)?\.?|table)\s*[\d０-９一二三四五六七八九十]", re.IGNORECASE)
_HANGING = set("，。、；：？！）”」』》．,.;:!?)")  # may hang past the column edge (hanging punctuation)
_SENTENCE_END = tuple("。！？!?；;…：:")
_OPENERS = set("“‘（「『《〈【〔")  # full-width opening punctuation: the glyph sits in the right half of its box
_CLOSERS = "”’」』）)》】\"'"
# Line breaking (UAX #14, and every CJK typesetter's 禁则): no break before closing punctuation, none
# after opening brackets, none on either side of a quotation mark; numbers and Latin words stay whole.
_NO_BREAK_BEFORE = set("”’）)」』》〉】〕，。、；：？！…—·,.;:?!%％\"'“‘")
_NO_BREAK_AFTER = set("“‘”’（(「『《〈【〔\"'")


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


def _edition_number(text: str) -> int | None:
    match = _EDITION.search(text)
    if not match:
        return None
    return markers.number(next(g for g in match.groups() if g))


# ---- reading characters -----------------------------------------------------------------------
def _page_paths(page, raw) -> tuple[list[tuple[float, float, float]], list[tuple[float, float, float, float]]]:  # noqa: ANN001 - pypdfium2 page and raw module
    """The page's drawn lines and boxes, in one walk over its path objects, y from the top:

    - rules, thin wide paths, as (x0, x1, y): papers part modules set close together with a rule, which
      the text alone cannot show;
    - frames, paths at least a few lines tall and wide, as (x0, top, x1, bottom): a framed module (a brief
      box, a sidebar) is read on its own, its title heading only what the frame holds.
    """
    height = page.get_height()
    rules, frames = [], []
    for obj in page.get_objects(filter=[raw.FPDF_PAGEOBJ_PATH], max_depth=3):
        left, bottom, right, top = obj.get_bounds()
        if right - left <= 20:
            continue
        if top - bottom < 2.5:
            rules.append((left, right, height - (top + bottom) / 2))
        elif top - bottom > 20:
            frames.append((left, height - top, right, height - bottom))
    return rules, frames


def _page_chars(page, raw) -> list[_Char]:  # noqa: ANN001 - pypdfium2 page and raw module
    """Every visible character with its loose box (font ascent to descent), size and weight."""
    textpage = page.get_textpage()
    try:
        tp = textpage.raw
        height = page.get_height()
        rect = raw.FS_RECTF()
        ox, oy = ctypes.c_double(), ctypes.c_double()
        name = ctypes.create_string_buffer(128)
        flags = ctypes.c_int()
        chars: list[_Char] = []
        fonts: dict[bytes, tuple[bool, bool]] = {}  # name -> (bold, bold only because it is a 黑体)
        for i in range(raw.FPDFText_CountChars(tp)):
            if raw.FPDFText_IsGenerated(tp, i):
                continue
            code = raw.FPDFText_GetUnicode(tp, i)
            if code in (0xFFFE, 0xFFFF) or code < 32 or 0xD800 <= code <= 0xDFFF:  # controls, lone surrogates
                continue
            text = chr(code) if code < 0x110000 else " "
            raw.FPDFText_GetLooseCharBox(tp, i, rect)
            raw.FPDFText_GetCharOrigin(tp, i, ox, oy)
            size = raw.FPDFText_GetFontSize(tp, i)
            weight = raw.FPDFText_GetFontWeight(tp, i)
            # Glyphs filled and stroked (render mode 2) are emboldened: how word processors (LibreOffice,
            # Word) print bold in a font that has no bold face. The font's name and weight say regular.
            stroked = raw.FPDFTextObj_GetTextRenderMode(raw.FPDFText_GetTextObject(tp, i)) == FILL_STROKE
            raw.FPDFText_GetFontInfo(tp, i, name, 128, flags)
            font = name.value
            if font not in fonts:
                # A font without a name is a Type 3 set of drawn glyphs: Chromium (Skia) writes synthetic
                # bold that way, emboldening the outlines of a font that has no bold face.
                # A 黑体 face's bold is named ('WenQuanYi-Micro-Hei-Bold'): that stays bold when the body
                # is the 黑体 itself.
                decoded = font.decode("latin-1")
                stated = not font or bool(_BOLD_NAME.search(decoded))
                hei = bool(_HEI_NAME.search(decoded))
                fonts[font] = (stated or hei, hei and not stated)
            chars.append(
                _Char(
                    text,
                    rect.left,
                    rect.right,
                    height - rect.top,
                    height - rect.bottom,
                    height - oy.value,
                    round(size, 1),
                    weight >= 600 or stroked or fonts[font][0],
                    weight < 600 and not stroked and fonts[font][1],
                )
            )
        return chars
    finally:
        textpage.close()


def _rows_to_lines(chars: list[_Char], page: int, body: float) -> list[Line]:
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

    def on_edge(x: float, edges: Counter[int] = starts) -> bool:
        r = round(x)
        return edges[r - 1] + edges[r] + edges[r + 1] >= EDGE_ROWS

    lines: list[Line] = []
    for r, row in enumerate(rows):
        current: list[_Char] = []
        for j, ch in enumerate(row):
            if current:
                prev = current[-1]
                small = min(prev.size, ch.size) or 1.0
                gap = ch.x0 - prev.x1
                # Only between two Latin characters is a gap wider than CJK spacing a word space;
                # CJK is set solid, also next to Latin (at most a quarter em between them).
                latin = prev.text.isascii() and ch.text.isascii() and not on_edge(ch.x0)
                limit = WORD_GAP if latin else CJK_GAP
                reach = limit * min(small, body)
                if prev.text in _HANGING and not prev.text.isascii():
                    # Full-width punctuation's box is an em wide but its glyph sits in the left half:
                    # a line ending in one reaches half an em into the gutter (in a line, the next
                    # character follows at once, or the box is halved and overlapped).
                    reach = min(reach, PUNCT_GAP * min(small, body))
                if (
                    not latin
                    and prev.text.isalnum()  # between two words (names): not after a sentence's end
                    and ch.text.isalnum()
                    and EM_SPACE[0] * small <= gap <= EM_SPACE[1] * small
                    and not on_edge(ch.x0)
                    and not on_edge(prev.x1, ends)
                    and abs(prev.size - ch.size) < 0.05 * small
                ):
                    # One em between two CJK characters where no column starts: an ideographic space
                    # ('张三　李四', a closing byline's names) that the PDF does not store as a character.
                    # A gutter's sides are column edges, where text starts (ends) in several rows.
                    reach = max(reach, EM_SPACE[1] * small)
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
                if not latin and ch.text not in _OPENERS and on_edge(ch.x0, beside) and gap > edge_gap:
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
                if small >= HEAD_RATIO * body and max(prev.size, ch.size) <= 1.02 * small:
                    # Inside one headline a justified line spreads its characters (a fifth of an em
                    # and more); two headlines side by side are a module gap apart, wider than that.
                    reach = max(reach, HEAD_SPREAD * small)
                if not latin and gap > BASE_GAP * small and abs(ch.base - prev.base) > BASE_SHIFT * small:
                    # Off the baseline of the characters before it, past a gap: a neighbouring column's line
                    # (columns a narrow gutter apart set their lines a point off each other's grid), however
                    # far the full-width punctuation ending this column's line hangs into that gutter.
                    reach = min(reach, gap - 0.01)
                if reach < gap <= RUN_SPACE * small and _text_through(rows, r, prev, ch, small, _evenly(row, j, small)):
                    # The rows above and below run their text through this gap: a justified line's space
                    # between two glyph runs (a layout program puts all of a line's slack there), not a gutter.
                    reach = gap
                if gap > reach or max(prev.size, ch.size) > 1.15 * small:
                    lines.extend(_make_line(current, page))
                    current = []
            current.append(ch)
        lines.extend(_make_line(current, page))
    return lines


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
    for step in (-1, 1):
        k, at, seen = r + step, base, 0
        while 0 <= k < len(rows) and seen < 3 and abs(rows[k][0].base - at) <= 2.2 * size:
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
    allowed = 0 if even else found // 3
    run = best = 0.0
    for count in covered:
        run = run + step_x if count <= allowed else 0.0
        best = max(best, run)
    return best < GUTTER * size


def _make_line(chars: list[_Char], page: int) -> list[Line]:
    visible = [c for c in chars if not c.text.isspace()]
    if not visible:
        return []
    parts: list[str] = []
    prev: _Char | None = None
    for ch in chars:
        if ch.text.isspace():
            if parts and parts[-1] != " ":
                parts.append(" ")
            continue
        gap = ch.x0 - prev.x1 if prev is not None else 0.0
        if prev is not None and parts[-1] != " " and (
            (gap > 0.25 * ch.size and ch.text.isascii()) or gap >= EM_SPACE[0] * ch.size
        ):
            parts.append(" ")
        parts.append(ch.text)
        prev = ch
    sizes = Counter(c.size for c in visible)
    size = sizes.most_common(1)[0][0]
    return [
        Line(
            text="".join(parts).strip(),
            x0=min(c.x0 for c in visible),
            x1=max(c.x1 for c in visible),
            top=min(c.top for c in visible),
            bottom=max(c.bottom for c in visible),
            size=size,
            bold=sum(c.bold for c in visible) * 2 > len(visible),
            page=page,
            core_x1=max((c.x1 for c in visible if c.text not in _HANGING), default=max(c.x1 for c in visible)),
            core_x0=visible[0].x0 + 0.5 * visible[0].size
            if visible[0].text in _OPENERS and visible[0].x1 - visible[0].x0 >= 0.9 * visible[0].size
            else None,
        )
    ]


# ---- page furniture ---------------------------------------------------------------------------
def _shape(text: str) -> str:
    return re.sub(r"[\d一二三四五六七八九十]+", "#", text)


def _drop_furniture(pages: list[_Page], body: float) -> None:
    """Move banners, page numbers, dates and credits in the top/bottom bands out of the body."""

    def in_band(line: Line, page: _Page) -> bool:
        return line.top < FURNITURE_BAND * page.height or line.bottom > (1 - FURNITURE_BAND) * page.height

    def reads_on(line: Line, page: _Page) -> bool:
        """A body line with the next line of its column right below it (the top line of a column that
        reaches into the band): not a banner, even when it mentions a date or '第1版'."""
        if abs(line.size - body) > 0.1 * body:
            return False
        for other in page.lines:
            overlap = min(line.x1, other.x1) - max(line.x0, other.x0)
            if (
                other is not line
                and 0 <= other.top - line.bottom < 0.8 * line.size
                and overlap > 0.8 * min(line.x1 - line.x0, other.x1 - other.x0)
                and abs(other.size - line.size) < 0.1 * body
            ):
                return True
        return False

    shapes = Counter(_shape(ln.text) for p in pages for ln in p.lines if in_band(ln, p))
    for page in pages:
        furniture = [
            ln
            for ln in page.lines
            if in_band(ln, page)
            and not _CONT_LINE.match(ln.text)
            and not _JUMP_MARK.search(ln.text)
            and not reads_on(ln, page)
            and (
                _FURNITURE.search(ln.text)
                or (len(pages) > 1 and shapes[_shape(ln.text)] > 1 and ln.size < HEAD_RATIO * body)
                or (ln.size < 0.95 * body and len(ln.text) <= 40)
            )
        ]
        # A banner's other items (the section name beside '第2版') share its baseline.
        rows = {round(ln.bottom) for ln in furniture}
        page.furniture = [ln for ln in page.lines if in_band(ln, page) and round(ln.bottom) in rows]
        page.lines = [ln for ln in page.lines if not (in_band(ln, page) and round(ln.bottom) in rows)]
        page.furniture += _masthead(page, body)
        for line in page.furniture:
            edition = _edition_number(line.text)
            if edition is not None:
                page.edition = edition
                break


def _masthead(page: _Page, body: float) -> list[Line]:
    """The nameplate (报头) atop a front page, taken out of the body: the paper's name in display type
    on one row, with its ear (报眼: date, 农历, CN number, '第1版') beside it.

    It sits below the furniture band, and is no headline: the top band of the page — everything
    above the first full-width gap — holding one row of display type and, beside it, a short block
    of small lines one of which reads like furniture (a date, a weekday, an edition). A headline
    at the top of a page has its body (or nothing) beside it, not a date line.

    The ear may also sit right under the name instead of beside it: an issue line (date, 第N期,
    publisher) set smaller than headline type within a line's space (or 0.6 of the name's size) under the
    display row. Word-processor
    papers put it there, and then the columns start close under it, with no full-width gap.
    """
    if not page.lines:
        return []
    top = min(_bands(page.lines), key=lambda band: min(ln.top for ln in band))
    display = [ln for ln in top if ln.size >= HEAD_RATIO * body]
    rest = [ln for ln in top if ln.size < HEAD_RATIO * body]
    if display and not rest:
        foot = max(ln.bottom for ln in display)
        reach = max(1.5 * body, 0.6 * max(ln.size for ln in display))  # the space under display type grows with it
        under = [
            ln
            for ln in page.lines + page.furniture  # (the issue line may already be out, as a banner line)
            if ln not in top and foot - 1 <= ln.top <= foot + reach and ln.size < HEAD_RATIO * body
        ]
        issue = [ln for ln in under if _FURNITURE.search(ln.text) and not _JUMP_MARK.search(ln.text)]
        rows = {round(ln.bottom) for ln in issue}
        rest = [ln for ln in under if ln in issue or (round(ln.bottom) in rows and ln.size < 0.95 * body)]
        top = top + [ln for ln in rest if ln not in page.furniture]
    if (
        not display
        or not rest
        or min(ln.top for ln in top) > 0.25 * page.height
        or max(ln.bottom for ln in display) - min(ln.top for ln in display) > 1.5 * max(ln.size for ln in display)
        or len({round(ln.bottom) for ln in rest}) > 6
        or any(_JUMP_MARK.search(ln.text) or _CONT_LINE.match(ln.text) for ln in top)
        or not any(_FURNITURE.search(ln.text) for ln in rest)
    ):
        return []
    page.lines = [ln for ln in page.lines if ln not in top]
    return list(top)


# ---- reading order ----------------------------------------------------------------------------
@dataclass
class _Layout:
    body: float  # body font size
    line_gap: float  # usual whitespace between two body lines of one column
    para_gap: float | None = None  # usual space between paragraphs, where paragraphs are spaced (not indented)
    rules: list[tuple[float, float, float]] = field(default_factory=list)  # the page's horizontal rules
    frames: list[tuple[float, float, float, float]] = field(default_factory=list)  # the page's boxes


def _column_groups(lines: list[Line], body: float) -> list[list[int]]:
    """Indexes of ``lines`` grouped into columns, left to right: lines whose text spans (from the ink of
    a hung opening bracket, ``_left``) overlap or come nearer than a gutter (``GUTTER`` body sizes)."""
    return _groups([(_left(ln), ln.core_x1, i) for i, ln in enumerate(lines)], GUTTER * body)


def _groups(intervals: list[tuple[float, float, int]], min_gap: float) -> list[list[int]]:
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


def _xy_cut(lines: list[Line], layout: _Layout, depth: int = 0) -> list[list[Line]]:
    """Leaves (single columns of one block) of a region in reading order.

    Order of cuts: (1) a full-width gap above a headline — an article boundary, cut before the
    columns because short headlines leave gutters that run through several articles; (2)
    full-height gutters (a strip without a headline stays with the strip to its left when
    together they cut into articles); (3) horizontal gaps that do not separate a headline from
    what follows it (side-by-side articles are cut apart with their headlines before their
    bodies); (4) the gap under a headline.
    """
    if len(lines) <= 1 or depth > 60:
        return [_in_rows(lines)]
    bands = _bands(lines)
    cuts = _horizontal_cuts(bands, layout, "article") if len(bands) > 1 else []
    if len(cuts) > 1:
        return [leaf for cut in cuts for leaf in _xy_cut(cut, layout, depth + 1)]
    head = _heading_band_atop(bands, layout.body)
    if head:
        in_head = {id(h) for h in head}
        rest = [ln for ln in lines if id(ln) not in in_head]
        return [sorted(head, key=lambda ln: (ln.top, ln.x0)), *_xy_cut(rest, layout, depth + 1)]
    strips = [[lines[i] for i in col] for col in _column_groups(lines, layout.body)]
    columns = strips
    if len(strips) > 1 and any(_opens_article(ln, layout.body) for ln in lines):
        # A strip may hold the last column of articles to its left whose headlines are narrower
        # than their bodies: keep it with them when together they cut into articles across their
        # full width (an article boundary runs through both) — unless between two such boundaries it
        # cannot be (see _not_last_column): then it is a column of a flow, where two stories may
        # start side by side by chance.
        merged: list[list[Line]] = []
        for strip in strips:
            if merged:
                joined = merged[-1] + strip
                cuts = _horizontal_cuts(_bands(joined), layout, "article")
                if len(cuts) > 1 and not any(_not_last_column(merged[-1], strip, cut, layout.body) for cut in cuts):
                    merged[-1] = joined
                    continue
            merged.append(list(strip))
        strips = _under_one_headline(merged, layout.body, layout.frames)
    if len(strips) > 1:
        return [leaf for strip in strips for leaf in _xy_cut(strip, layout, depth + 1)]
    if len(bands) > 1:
        for mode in ("block", "headline"):
            cuts = _horizontal_cuts(bands, layout, mode)
            if len(cuts) > 1:
                return [leaf for cut in cuts for leaf in _xy_cut(cut, layout, depth + 1)]
    head, rest = _heading_over_columns(lines, layout.body)
    if head:
        return [head, *_xy_cut(rest, layout, depth + 1)]
    if len(columns) > 1:
        # Columns kept together (one article's columns beside its narrow headline) that nothing else
        # cuts: read them one after the other; rows across a gutter are no lines of text.
        return [leaf for column in columns for leaf in _xy_cut(column, layout, depth + 1)]
    return [_in_rows(lines)]


def _box(leaf: list[Line]) -> tuple[float, float, float, float]:
    """x0, top, x1, bottom of a leaf."""
    return (
        min(ln.x0 for ln in leaf),
        min(ln.top for ln in leaf),
        max(ln.x1 for ln in leaf),
        max(ln.bottom for ln in leaf),
    )


def _dogleg_at(order: list[list[Line]], k: int, layout: _Layout) -> int | None:
    """The index of the leaf after which leaf ``k`` reads when it is the part of a dogleg under a neighbour, or
    None (see _doglegs)."""
    body, reach = layout.body, 2 * (layout.body + layout.line_gap)
    boxes = [_box(leaf) for leaf in order[: k + 1]]
    x0, top, x1, bottom = boxes[k]
    first = min(order[k], key=lambda ln: (ln.top, ln.x0))
    if _is_head(first, body) or _CONT_LINE.match(first.text):
        return None
    # The column above it: the nearest leaf over its width, ending in body text a short gap above it.
    over = [j for j in range(k) if boxes[j][3] <= top + 1 and min(boxes[j][2], x1) - max(boxes[j][0], x0) > body]
    if not over:
        return None
    up = max(over, key=lambda j: boxes[j][3])
    foot = max(order[up], key=lambda ln: ln.bottom)
    if (
        top - boxes[up][3] >= 2 * reach
        or abs(foot.size - body) >= 0.05 * body
        or _is_head(foot, body)
        or sum(abs(ln.size - body) < 0.05 * body for ln in order[up]) < 2
    ):
        return None
    # The column on its left, starting higher and reaching down to its foot, read before the neighbour's head.
    left = [
        j
        for j in range(up)
        if 0 <= x0 - boxes[j][2] < 3 * body
        and abs(boxes[j][3] - bottom) < reach
        and boxes[j][1] < top - reach
        and not _is_head(max(order[j], key=lambda ln: ln.bottom), body)
    ]
    if not left:
        return None
    before = max(left)
    between = range(before + 1, k)
    if not any(_is_head(min(order[j], key=lambda ln: (ln.top, ln.x0)), body) for j in between):
        return None  # read after its own text already
    if any(boxes[j][3] > top + 1 for j in between):
        return None  # something read in between reaches down beside it: no neighbour's module ending above it
    return before


def _doglegs(leaves: list[list[Line]], layout: _Layout) -> list[list[Line]]:
    """Leaves reordered so that a dogleg's last columns follow its own text, not the neighbour's above them.

    An L-shaped (dogleg) story fills its own columns and runs on under its right-hand neighbour, whose module
    ends part-way down; the cuts read that part after the neighbour, under the neighbour's headline. What
    tells it: text with no head of its own sits under a column of the neighbour's body that ended (body type
    to its last line: a photo's caption over a story's own text is no such end), and the column left of it,
    starting higher, reaches down to the same foot — the story there ran on into it. It is read right after
    that column, with the leaves beside it on its row (the dogleg's further columns)."""
    order = list(leaves)
    k = 0
    while k < len(order):
        before = _dogleg_at(order, k, layout)
        if before is None:
            k += 1
            continue
        x0, top, x1, _ = _box(order[k])
        group = [k]
        for m in range(k + 1, len(order)):
            m0, m_top, _, _ = _box(order[m])
            if abs(m_top - top) >= layout.body or m0 < x1 or _is_head(order[m][0], layout.body):
                break
            group.append(m)
            x1 = _box(order[m])[2]
        run = [order[m] for m in group]
        rest = order[:k] + order[group[-1] + 1 :]
        order = rest[: before + 1] + run + rest[before + 1 :]
        k += len(group)
    return order


def _in_rows(lines: list[Line]) -> list[Line]:
    """A column's lines top to bottom, and left to right within a row.

    Two lines of one size share a row when their tops lie within a third of it and they overlap vertically: the
    last line of a paragraph and a '（转第2版）' set flush right after it (a tab or fill to the column's edge)
    are read as two lines, and when the marker's face has a taller ascent its box starts a little higher —
    it must still come after the text it ends."""
    ordered = sorted(lines, key=lambda ln: (ln.top, ln.x0))
    out: list[Line] = []
    row: list[Line] = []
    for line in ordered:
        first = row[0] if row else line
        if row and not (
            abs(line.size - first.size) < 0.1 * first.size  # (a kicker may overlap its headline's box)
            and line.top - first.top < 0.3 * line.size
            and min(line.bottom, first.bottom) - line.top > 0.6 * min(line.bottom - line.top, first.bottom - first.top)
        ):
            out += sorted(row, key=lambda ln: ln.x0)
            row = []
        row.append(line)
    return out + sorted(row, key=lambda ln: ln.x0)


def _heading_band_atop(bands: list[list[Line]], body: float) -> list[Line]:
    """The heading group standing alone across the top of a region whose columns start below it, their first
    column with plain text: the region's first leaf, or [].

    A word processor sets the lead's headline in a one-column section across the page (centred), and the
    story's text starts at the top of the first column of the multi-column section below, with no
    full-width gap between. When the headline does not reach over the first column and that column holds
    other stories further down (with their own headlines), joining the column to the headline's strip
    cannot tell: what does is that nothing stands beside the headline and the columns all start under it
    (centred over one middle column or across several, its story starts at the top of the first).
    Its byline (or a caption) set apart under it goes with it."""
    if len(bands) < 2:
        return []
    k = 0
    while k < len(bands) and all(_is_head(ln, body) and not _CONT_LINE.match(ln.text) for ln in bands[k]):
        k += 1
    group = [ln for band in bands[:k] for ln in band]
    if not any(ln.size >= HEAD_RATIO * body and not ln.quoted for ln in group):
        return []
    if len(_groups([(ln.x0, ln.x1, i) for i, ln in enumerate(group)], GUTTER * body)) > 1:
        return []  # headlines side by side, each over its own column: not one heading across the columns
    if k < len(bands) and len(bands[k]) == 1 and len(bands) > k + 1 and is_byline(bands[k][0].text):
        group += bands[k]
        k += 1
    rest = [ln for band in bands[k:] for ln in band]
    if not rest:
        return []
    columns = _column_groups(rest, body)
    if len(columns) < 2:
        return []
    spans = [(min(rest[i].x0 for i in col), max(rest[i].x1 for i in col), col) for col in columns]
    h0, h1 = min(ln.x0 for ln in group), max(ln.x1 for ln in group)
    over = any(min(h1, x1) - max(h0, x0) > body for x0, x1, _ in spans)  # it heads some column below
    _, first_x1, first = min(spans, key=lambda s: s[0])
    opener = min((rest[i] for i in first), key=lambda ln: ln.top)
    if not over or h0 < first_x1 or _is_head(opener, body) or _CONT_LINE.match(opener.text):
        return []  # (a headline over the first column holds it in its strip already)
    return group


def _not_last_column(left: list[Line], strip: list[Line], segment: list[Line], body: float) -> bool:
    """Is ``strip``'s part of ``segment`` (the region between two article boundaries) surely not the
    last column of the article ``left`` holds there? It is not when ``left`` has no body text there
    (a kicker alone) while it has, or when its leftmost column opens an article below body text of
    its own (a story starting mid-column)."""
    own = {id(ln) for ln in strip}
    lines = [ln for ln in segment if id(ln) in own]
    if not lines:
        return False
    theirs = {id(ln) for ln in left}
    if any(not _is_head(ln, body) for ln in lines) and all(_is_head(ln, body) for ln in segment if id(ln) in theirs):
        return True
    first = [lines[i] for i in _column_groups(lines, body)[0]]
    return any(
        _opens_article(ln, body) and any(not _is_head(o, body) and o.bottom <= ln.top + 1 for o in first)
        for ln in first
    )


def _heading_over_columns(lines: list[Line], body: float) -> tuple[list[Line], list[Line]]:
    """The heading group atop a region whose body, without it, stands in several columns.

    A headline crossing a gutter (centred over an article's columns) holds them together as one
    strip; when the columns do not share a baseline grid (paragraph spaces, or a typesetter that sets
    each column alone) no full-width gap parts the headline from them either, and reading that strip
    row by row interleaves its columns' lines. Headline type marks the group: it is cut off by type,
    and what is under it is read column by column. ([], lines) when there is no such group.
    """
    ordered = sorted(lines, key=lambda ln: (ln.top, ln.x0))
    k = 0
    while k < len(ordered) and _is_head(ordered[k], body) and not _CONT_LINE.match(ordered[k].text):
        k += 1
    if k > 0 and not any(ln.size >= HEAD_RATIO * body for ln in ordered[:k]):
        return [], lines
    if any(_is_head(ln, body) and ln.size >= HEAD_RATIO * body for ln in ordered[k:]):
        return [], lines  # another headline below: not one article's head over its columns
    # A byline or photo caption set across the columns, right under the heading group and above
    # every column's first line, goes with the head.
    # (Also with no heading group here: the cut under the headline left them atop the columns.)
    for extra in range(4):
        rest = ordered[k + extra :]
        if len(rest) < 2:
            return [], lines
        if len(_column_groups(rest, body)) > 1:
            return ([], lines) if k + extra == 0 else (ordered[: k + extra], rest)
        if rest[0].bottom > min(ln.top for ln in rest[1:]) + 0.3 * body:
            return [], lines
    return [], lines


def _body_top_under_headline(strip: list[Line], body: float) -> tuple[float, ...] | None:
    """Where the text under the heading group that opens ``strip`` starts — the tops of its first lines,
    and of the first line that reads on into a column (a byline or a photo's caption set apart
    above the columns is no column) — or None when the strip does not open with a headline
    (display type with headline type among it)."""
    ordered = sorted(strip, key=lambda ln: (ln.top, ln.x0))
    k = 0
    while k < len(ordered) and _is_head(ordered[k], body) and not _CONT_LINE.match(ordered[k].text):
        k += 1
    if k == 0 or not any(ln.size >= HEAD_RATIO * body for ln in ordered[:k]):
        return None
    if k == len(ordered):
        # Display type only: a headline centred over its article's columns whose text did not reach
        # the columns under it (a typesetter that fills columns one by one, unbalanced). Its body
        # would start right under its foot.
        return (max(ln.bottom for ln in ordered),)
    # The first rows under the head: a byline or a caption may sit right above the columns' text.
    column = _column_top(ordered[k:], body)
    return tuple(ln.top for ln in ordered[k : k + 3]) + (() if column is None else (column,))


def _column_top(lines: list[Line], body: float) -> float | None:
    """Top of the first body line (in the body's very size: a caption is a little smaller) with the next
    body line of its column right under it."""
    ordered = sorted(lines, key=lambda ln: (ln.top, ln.x0))
    for n, ln in enumerate(ordered[:12]):
        if abs(ln.size - body) >= 0.05 * body:
            continue
        if any(
            abs(o.size - body) < 0.05 * body and 0 <= o.top - ln.bottom < 1.5 * body and o.x0 < ln.x1 and ln.x0 < o.x1
            for o in ordered[n + 1 : n + 12]
        ):
            return ln.top
    return None


def _level(starts: tuple[float, ...] | None, strip: list[Line], body: float) -> bool:
    """Does ``strip`` (no headline of its own) start on a row where text starts under a headline?"""
    if starts is None:
        return False
    column = _column_top(strip, body)
    firsts = (min(ln.top for ln in strip),) + (() if column is None else (column,))
    return any(abs(a - b) <= 0.6 * body for a in firsts for b in starts)


def _framed_apart(left: list[Line], strip: list[Line], frames: list[tuple[float, float, float, float]]) -> bool:
    """Whether a box drawn round the headline opening ``strip`` and text under it leaves ``left`` out: a framed
    module's title heads only what the frame holds (a shaded band behind a headline frames no module)."""
    first = min(strip, key=lambda ln: (ln.top, ln.x0))

    def inside(ln: Line, box: tuple[float, float, float, float]) -> bool:
        return box[0] - 1 <= ln.x0 and ln.x1 <= box[2] + 1 and box[1] - 1 <= ln.top and ln.bottom <= box[3] + 1

    return any(
        inside(first, box)
        and any(ln.top >= first.bottom and inside(ln, box) for ln in strip)  # a box round a module, not a band
        and not any(inside(ln, box) for ln in left)
        for box in frames
    )


def _under_one_headline(
    strips: list[list[Line]], body: float, frames: list[tuple[float, float, float, float]] = ()
) -> list[list[Line]]:
    """Strips joined to the strip on their right whose centred headline heads their columns.

    A headline centred over its article's columns leaves white space beside it that looks like a
    gutter, cutting the first column away from it. When a strip opens with a headline that spans a
    gutter of the columns under it (it heads several columns), a column with no headline of its own
    a gutter to its left, whose text starts on the same row as the first body line under that
    headline, is one of its columns: the article is read with its headline first, then its columns
    left to right. (Columns right of the headline's strip need no joining: they are read after it.)
    """
    if len(strips) < 2:
        return strips
    out = [list(s) for s in strips]
    heads = [_body_top_under_headline(s, body) for s in out]
    # A headline spanning a gutter of the columns under it — or one set apart from its own column's left
    # edge (centred) or with no text under it: a typesetter that fills columns one by one leaves the last
    # columns of a short story empty, and its centred headline then sits over one column, apart from the
    # first (or over none at all). A headline flush with its column's edge heads no column to its left.
    spanning = [h is not None and _heads_left(s, body) for s, h in zip(out, heads, strict=True)]

    def beside(a: list[Line], b: list[Line], starts: tuple[float, ...] | None) -> bool:
        """``a`` a gutter left of ``b`` (not a whole empty column away), its text starting on a row
        where text starts under ``b``'s headline."""
        gap = min(ln.x0 for ln in b) - max(ln.x1 for ln in a)
        return gap < 0.5 * (max(ln.x1 for ln in a) - min(ln.x0 for ln in a)) and _level(starts, a, body)

    k = len(out) - 2
    while k >= 0:
        left = out[k]
        first = min(left, key=lambda o: (o.top, o.x0)) if left else None
        if (
            spanning[k + 1]
            # A '（上接第N版）' atop it opens the continuation the headline (a jump head) repeats the title of.
            and not any(_opens_article(ln, body) for ln in left if ln is not first)
            and not any(ln.size >= HEAD_RATIO * body and not ln.quoted for ln in left)
            and beside(left, out[k + 1], heads[k + 1])
            and not _framed_apart(left, out[k + 1], frames)
            # Not when a headline on its left heads it as well (pages set on one baseline grid
            # start every article's body on one row): it is read after that headline anyway.
            and not (k > 0 and heads[k - 1] is not None and beside(out[k - 1], left, heads[k - 1]))
        ):
            out[k + 1] = left + out[k + 1]
            del out[k], heads[k], spanning[k]
        k -= 1
    return out


def _heads_left(strip: list[Line], body: float) -> bool:
    """May the headline opening ``strip`` head a column to its left? When it spans a gutter of the columns
    under it, stands over no text, or is set in from its column's left edge or centred on it (centred
    over more columns than its own)."""
    heads = [ln for ln in strip if ln.size >= HEAD_RATIO * body and not ln.quoted]
    text = [ln for ln in strip if not _is_head(ln, body)]
    if not heads or not text:
        return True
    columns = _column_groups(text, body)
    spans = [(min(text[i].x0 for i in col), max(text[i].x1 for i in col)) for col in columns]
    if any(sum(min(h.x1, x1) - max(h.x0, x0) > body for x0, x1 in spans) >= 2 for h in heads):
        return True
    left, right = min(ln.x0 for ln in text), max(ln.x1 for ln in text)
    h0, h1 = min(h.x0 for h in heads), max(h.x1 for h in heads)
    return h0 > left + body or abs((h0 + h1) / 2 - (left + right) / 2) <= body


def _bands(lines: list[Line]) -> list[list[Line]]:
    """Lines grouped into horizontal bands separated by full-width whitespace, top to bottom."""
    return [[lines[i] for i in band] for band in _groups([(ln.top, ln.bottom, i) for i, ln in enumerate(lines)], 0.01)]


def _opens_article(line: Line, body: float) -> bool:
    """Headline type or a '（上接第N版）' marker: where an article (or its continuation) starts."""
    return (line.size >= HEAD_RATIO * body and not line.quoted) or bool(_CONT_LINE.match(line.text))


def _opens_below(line: Line, below: list[list[Line]], body: float) -> bool:
    """Does ``line``, at the top of ``band``, open an article? Headline type or '（上接第N版）' does;
    smaller display type does only as a kicker — with headline type right below it. A subhead
    (display type over body text) at the top of a band does not: columns set on one baseline grid
    leave full-width gaps between paragraphs, and a subhead there continues its article."""
    if _opens_article(line, body):
        return True
    if not _is_head(line, body):
        return False
    return any(
        ln.size >= HEAD_RATIO * body
        and line.bottom - 1 <= ln.top <= line.bottom + 2 * line.size
        and ln.x0 < line.x1
        and line.x0 < ln.x1
        for band in below
        for ln in band
    )


def _opens_near(first: list[Line], below: list[list[Line]], reach: float, body: float) -> bool:
    """Does a line starting above ``reach`` in the bands ``below`` a gap open an article, with no
    display type beside it atop another column (a kicker over the opening headline is its own)?"""
    openers = [ln for band in below for ln in band if ln.top <= reach and _opens_below(ln, below, body)]
    return bool(openers) and not any(
        _is_head(ln, body) and not any(o.x0 < ln.x1 and ln.x0 < o.x1 for o in openers) for ln in first
    )


def _under_headline_run(bands: list[list[Line]], j: int, body: float) -> bool:
    """Are the bands right above band ``j`` all display type, with headline type among them?"""
    k = j - 1
    while k >= 0 and all(_is_head(ln, body) for ln in bands[k]):
        if any(ln.size >= HEAD_RATIO * body for ln in bands[k]):
            return True
        k -= 1
    return False


def _horizontal_cuts(bands: list[list[Line]], layout: _Layout, mode: str) -> list[list[Line]]:
    """Bands merged wherever the gap between them is no boundary of the kind ``mode`` asks for.

    ``article``: a wide gap with display type (a headline, kicker) or '（上接第N版）' right below it;
    ``block``: a wide gap or a change of type, except under a headline; ``headline``: under a headline.
    """
    body = layout.body
    region = [ln for b in bands for ln in b]
    strips: list[list[Line]] | None = None  # the region's columns, for "article" mode, when first needed
    span: tuple[float, float] | None = None  # the region's left and right edges, likewise

    def columns() -> list[list[Line]]:
        nonlocal strips
        if strips is None:
            strips = [[region[i] for i in col] for col in _column_groups(region, body)]
        return strips

    cuts: list[list[Line]] = [list(bands[0])]
    for j, band in enumerate(bands[1:], start=1):
        above = cuts[-1]
        edge_above = max(ln.bottom for ln in above)
        edge_below = min(ln.top for ln in band)
        last = [ln for ln in above if ln.bottom >= edge_above - 1]
        first = [ln for ln in band if ln.top <= edge_below + 1]
        gap = edge_below - edge_above
        wide = gap > layout.line_gap + BLOCK_GAP * body
        under_headline = all(_is_head(ln, body) for ln in last)
        changed = {_style(ln, body) for ln in last} != {_style(ln, body) for ln in first}
        if mode == "article":
            # Only headline type holds on to what follows across a wide gap; a subhead left at
            # the foot of a column does not.
            # A headline opening one column a little lower than the plain text atop the others (the
            # space a headline keeps above it, where a new multi-column block starts with it) opens it
            # too — not beside display type there (a briefs column's next item is no such block).
            opens = wide and (
                any(_opens_below(ln, bands[j : j + 4], body) for ln in first)
                or _opens_near(first, bands[j : j + 4], edge_below + OPENS_NEAR * (body + layout.line_gap), body)
                or (
                    # (Not beside display type atop another column: a briefs column's next item.)
                    not any(_is_head(ln, body) and not _opens_article(ln, body) for ln in first)
                    and gap > layout.line_gap + BAND_GAP * body  # (a blank line at least: no paragraph space)
                    and _column_opens_below(bands, j, body, OPENS_UNDER * (body + layout.line_gap))
                )
            )
            # (Nor does a kicker: display type right over the headline it labels, whatever space its
            # paragraph settings leave between them.)
            above_headline = all(ln.size >= HEAD_RATIO * body for ln in last) or (
                all(_is_head(ln, body) for ln in last)
                and gap < 2 * body
                and any(
                    f.size >= HEAD_RATIO * body and not f.quoted and any(f.x0 < ln.x1 and ln.x0 < f.x1 for ln in last)
                    for f in first
                )
            )
            boundary = wide and not above_headline and opens
            # Headline type right under text with no display type over it opens an article at any
            # clear gap when a rule over it parts it from that text: modules set close in bands
            # (parted by a rule, not by space) — unless a column beside the headline reads on through
            # the gap (columns on one baseline grid leave a full-width gap between every two rows).
            heads = [ln for ln in first if ln.size >= HEAD_RATIO * body and not ln.quoted]
            heads = [
                ln
                for ln in heads
                if _text_right_above(ln, above, body) and _ruled(ln, edge_above, edge_below, layout.rules, body)
            ]
            tight_head = False
            if gap > 0 and heads:
                tight_head = not _reads_through(columns(), edge_above, edge_below, heads, layout)
            if boundary and layout.para_gap is not None:
                boundary = not _continues_through(columns(), edge_above, edge_below, layout, bands[j : j + 6])
            boundary = boundary or tight_head
            if not boundary and wide and not under_headline and layout.rules:
                # A rule drawn across the whole region in a wide gap parts two bands of modules (papers rule
                # off each band of stories), whatever opens below it: the columns above end there.
                if span is None:
                    span = (min(ln.x0 for ln in region), max(ln.x1 for ln in region))
                boundary = any(
                    edge_above <= y <= edge_below and x0 <= span[0] + body and x1 >= span[1] - body
                    for x0, x1, y in layout.rules
                )
        elif mode == "block":
            # A change of type counts only across more than a line's spacing: columns set on one
            # baseline grid leave a full-width gap between every row, and a subhead in one
            # column must not cut its neighbours' text into rows.
            # Nor does a paragraph space inside one column whose neighbours have ended above it
            # (or have their own paragraph space on the same row): the column reads on.
            # A subhead there is part of the column too (it does not open an article).
            same_column = (
                gap < 3 * (layout.line_gap + body)
                and not any(_is_head(ln, body) for ln in last)
                and not any(_opens_below(ln, bands[j : j + 4], body) for ln in first)
                and all(any(f.x0 < ln.x1 and ln.x0 < f.x1 for ln in last) for f in first)
            )
            boundary = not under_headline and not same_column and (wide or (changed and gap > 1.1 * layout.line_gap))
        else:  # "headline": the gap under display type, once nothing else cuts the region
            # Body type right under display type is a boundary at any clear gap: a subtitle set tight
            # over a body in several columns must not hold those columns together as one.
            # (Only under a headline's display run — headline type, then perhaps a subtitle — across
            # the band's width: a subhead inside a column, or beside another column's text, is not.)
            body_below = not any(_is_head(ln, body) for ln in first) and _under_headline_run(bands, j, body)
            boundary = under_headline and (wide or (changed and gap >= (0.3 if body_below else 0.9) * layout.line_gap))
        if boundary:
            cuts.append(list(band))
        else:
            above.extend(band)
    return cuts


def _column_opens_below(bands: list[list[Line]], j: int, body: float, reach: float) -> bool:
    """Does a column whose text ends above the gap over band ``j`` start an article below it — its first line
    under the gap headline type (or '（上接第N版）'), with plain text, not display type, last above the gap?

    Bands of modules parted by white space alone: a story's columns end on one row, and under the gap one
    column opens the next band's first story while its neighbours go on with that story's text (set
    after it) or other stories. Columns are the strips of the region's plain text (a headline spanning a
    gutter would join them). A photo across one story's columns leaves a full-width gap too, but its
    columns go on below it with text, not with a headline; and a column whose subhead (or a headline's
    byline) stands right over the gap reads on through it. The headline opens within ``reach`` of the gap
    (a rule and a module's space above it), not a column's length further down."""
    region = [ln for band in bands for ln in band]
    text = [ln for ln in region if not _is_head(ln, body)]
    top = min(ln.top for ln in bands[j])
    opens = False
    for column in _column_groups(text, body):
        x0, x1 = min(text[i].x0 for i in column), max(text[i].x1 for i in column)
        inside = [ln for ln in region if ln.x0 < x1 and x0 < ln.x1 and min(ln.x1, x1) - max(ln.x0, x0) > body]
        above = [ln for ln in inside if ln.bottom <= top + 1]
        under = [ln for ln in inside if ln.top >= top - 1]
        if not above or not under:
            continue
        last = max(above, key=lambda ln: ln.bottom)
        ordered = sorted(under, key=lambda ln: (ln.top, ln.x0))
        opener = ordered[0]
        if len(ordered) > 1 and not _opens_article(opener, body) and _labels(opener, ordered[1], body):
            opener = ordered[1]  # a kicker over the headline, in any type
        over = [ln for ln in above if ln is not last and ln.bottom <= last.top + 1]
        head_over = bool(over) and _is_head(max(over, key=lambda ln: ln.bottom), body)
        if (_is_head(last, body) or (head_over and last.top - max(o.bottom for o in over) < 1.5 * body)) and not (
            _is_head(opener, body)
        ):
            return False  # a subhead, or a headline's byline, over the gap: its column reads on below it
        near = opener.top - top <= reach
        opens = opens or (not _is_head(last, body) and near and _opens_article(opener, body))
    return opens


def _labels(line: Line, head: Line, body: float) -> bool:
    """Is ``line`` a kicker over ``head``: a short unpunctuated line right over headline type, over its start?"""
    return (
        len(line.text) <= 16
        and not line.text.endswith(_SENTENCE_END + tuple("，、"))
        and not _JUMP_MARK.search(line.text)
        and head.size >= HEAD_RATIO * body
        and not head.quoted
        and 0 <= head.top - line.bottom <= 1.5 * line.size
        and head.x0 - 1.5 * body <= line.x0 < head.x1
    )


def _ruled(line: Line, top: float, bottom: float, rules: list[tuple[float, float, float]], body: float) -> bool:
    """Is a rule drawn in the gap ``top``..``bottom`` over at least half of ``line``?"""
    half = 0.5 * (line.x1 - line.x0)
    return any(
        top - 0.5 * body <= y <= bottom + 0.5 * body and min(x1, line.x1) - max(x0, line.x0) >= half
        for x0, x1, y in rules
    )


def _reads_through(
    strips: list[list[Line]], top: float, bottom: float, heads: list[Line], layout: _Layout
) -> bool:
    """Does a column the headlines ``heads`` do not reach read on through the gap ``top``..``bottom``
    (its lines right above and right below it a line's spacing apart)?"""
    body = layout.body
    for strip in strips:
        x0, x1 = min(ln.x0 for ln in strip), max(ln.x1 for ln in strip)
        if any(h.x0 < x1 and x0 < h.x1 for h in heads):
            continue
        above = [ln for ln in strip if ln.bottom <= top + 1]
        under = [ln for ln in strip if ln.top >= bottom - 1]
        if above and under:
            a = max(above, key=lambda ln: ln.bottom)
            b = min(under, key=lambda ln: ln.top)
            if b.top - a.bottom < layout.line_gap + BLOCK_GAP * body:
                return True
    return False


def _text_right_above(line: Line, above: list[Line], body: float) -> bool:
    """Is the nearest line above ``line`` (across its width) plain text, with no display type there?"""
    over = [ln for ln in above if ln.x0 < line.x1 and line.x0 < ln.x1 and ln.bottom <= line.top + 1]
    if not over:
        return False
    nearest = max(over, key=lambda ln: ln.bottom)
    return not _is_head(nearest, body) and not any(
        _is_head(ln, body) for ln in over if ln.bottom >= nearest.top - 0.5 * body
    )


def _usual_line_gap(pages: list[_Page], body: float) -> float:
    """Median whitespace between a body line and the next body line below it in the same column."""
    gaps: list[float] = []
    for page in pages:
        column = sorted((ln for ln in page.lines if abs(ln.size - body) < 0.1 * body), key=lambda ln: (ln.x0, ln.top))
        for a, b in zip(column, column[1:], strict=False):
            if abs(a.x0 - b.x0) < 2 * body and 0 <= b.top - a.bottom < 2 * body:
                gaps.append(b.top - a.bottom)
    gaps.sort()
    return gaps[len(gaps) // 2] if gaps else 0.4 * body


def _column_gaps(page: _Page, body: float) -> list[float]:
    """Whitespace between each body line and the line right above it in its column (any type)."""
    gaps: list[float] = []
    recent: list[Line] = []  # lines of the last rows, a window wide enough for every column
    for line in sorted(page.lines, key=lambda ln: (ln.top, ln.x0)):
        above = [ln for ln in recent if ln.bottom <= line.top + 1 and ln.x0 < line.x1 and line.x0 < ln.x1]
        if above and abs(line.size - body) < 0.1 * body:
            a = max(above, key=lambda ln: ln.bottom)
            if abs(a.size - body) < 0.1 * body and line.top - a.bottom < 3 * body:
                gaps.append(line.top - a.bottom)
        recent.append(line)
        if len(recent) > 40:
            recent.pop(0)
    return gaps


def _paragraph_gap(pages: list[_Page], body: float, line_gap: float) -> float | None:
    """The usual paragraph space between body lines of one column, when the document spaces its
    paragraphs (a blank line or a margin) — often and always alike; None for indented paragraphs,
    whose only wider gaps (module and column ends) are rarer and vary."""
    pairs = [g for page in pages for g in _column_gaps(page, body)]
    gaps = sorted(g for g in pairs if g > line_gap + 0.3 * body)
    if len(gaps) < 5 or len(gaps) < PARA_SPACED * len(pairs):
        return None
    q1, median, q3 = (gaps[int(f * (len(gaps) - 1))] for f in (0.25, 0.5, 0.75))
    return median if q3 - q1 <= 0.15 * body else None


def _continues_through(strips: list[list[Line]], top: float, bottom: float, layout: _Layout, below) -> bool:  # noqa: ANN001
    """Does a column (a strip of the region no line crosses) read on through the gap ``top``..``bottom``?

    Its last line above and first line below are body type, a paragraph space apart, and nothing
    below opens an article: the gap is that column's paragraph space, which happens to line up with
    a gap across the other columns (paragraphs spaced on one baseline grid), not an article boundary.
    """
    if layout.para_gap is None:
        return False
    body = layout.body
    for strip in strips:
        above = [ln for ln in strip if ln.bottom <= top + 1]
        under = [ln for ln in strip if ln.top >= bottom - 1]
        if not above or not under:
            continue
        a = max(above, key=lambda ln: ln.bottom)
        b = min(under, key=lambda ln: ln.top)
        if (
            abs((b.top - a.bottom) - layout.para_gap) <= 0.2 * body
            and not _is_head(a, body)
            and not _is_head(b, body)
            and not _opens_below(b, below, body)
        ):
            return True
    return False


# ---- roles and paragraphs ---------------------------------------------------------------------
@dataclass
class _Item:
    line: Line
    leaf: int
    left: float  # the leaf's column edges
    right: float


def _is_head(line: Line, body: float) -> bool:
    """Headline type, or a short unpunctuated line set larger than the body or in bold (kicker, subhead)."""
    if line.quoted:
        return False
    if line.size >= HEAD_RATIO * body:
        return True
    text = line.text
    distinct = line.size >= KICKER_RATIO * body or (line.bold and line.size >= 0.95 * body)
    return distinct and len(text) <= 40 and not text.endswith(("。", "，", "；", "、", "：", ":"))


def _mark_quotes(lines: list[Line], body: float) -> None:
    """Mark display type that ends a sentence with a full stop: a pull quote (a sentence of the story
    repeated large between rules), not a headline — headlines and subheads end without one.

    A quote set on several lines is the stack of lines of one size, one above the other, whose
    last line ends the sentence."""
    display = sorted((ln for ln in lines if ln.size >= KICKER_RATIO * body), key=lambda ln: (ln.top, ln.x0))
    below: dict[int, Line] = {}
    for a in display:
        for b in display:
            if (
                b is not a
                and abs(b.size - a.size) < 0.05 * a.size
                and 0 <= b.top - a.bottom < 0.8 * a.size
                and b.x0 < a.x1
                and a.x0 < b.x1
            ):
                below[id(a)] = b
                break
    has_above = {id(b) for b in below.values()}
    for first in display:
        if id(first) in has_above:
            continue
        chain = [first]
        while id(chain[-1]) in below and len(chain) < 8:
            chain.append(below[id(chain[-1])])
        if chain[-1].text.rstrip(_CLOSERS).endswith("。"):
            for ln in chain:
                ln.quoted = True


def _kicker_over(items: list[_Item], i: int, body: float) -> bool:
    """Is line ``i`` a kicker set below or in body size: a short unpunctuated line of smaller type right over headline
    type (within a line's space, over its start), standing alone (not the last line of a paragraph above; in the
    body's type, also apart from the text above it and no credit line)?"""
    line = items[i].line
    plain = line.size >= 0.97 * body  # in the body's own type: only a short label standing apart
    if i + 1 >= len(items) or line.size >= 1.03 * body or len(line.text) > (KICKER_CHARS if plain else 16):
        return False
    if line.text.endswith(_SENTENCE_END + tuple("，、")) or _JUMP_MARK.search(line.text):
        return False
    if plain and (is_byline(line.text) or any(ch in line.text for ch in "（）()【】〔〕")):
        return False  # a story's closing credit, not a label of the next
    if _CAPTION.match(line.text):
        return False  # a figure's or table's caption closes what is above it (a report's figure before a heading)
    head = items[i + 1].line
    if head.size < HEAD_RATIO * body or head.quoted or head.page != line.page:
        return False
    below = head.top - line.bottom
    if not (0 <= below <= 1.5 * line.size and head.x0 - 1.5 * body <= line.x0 < head.x1):
        return False
    if i > 0:
        prev = items[i - 1].line
        # The line ends a paragraph of its own small type (a caption's last line): not a kicker.
        same_type = abs(prev.size - line.size) < 0.05 * line.size
        if prev.page == line.page and same_type and 0 <= line.top - prev.bottom < line.size:
            return False
        # In body type it stands apart from the text above it (in its column), nearer its headline than to it.
        over = prev.page == line.page and prev.x0 < line.x1 and line.x0 < prev.x1 and prev.bottom <= line.top + 1
        if plain and over and line.top - prev.bottom < max(line.size, 2 * below):
            return False
    return True


def _join(a: str, b: str) -> str:
    if not a:
        return b
    if a.endswith("-") and b[:1].islower():
        return a[:-1] + b
    if a[-1:].isascii() and a[-1:].isalnum() and b[:1].isascii() and b[:1].isalnum():
        return f"{a} {b}"
    return a + b


def _blocks(items: list[_Item], body: float, multi_column: bool) -> list[Block]:
    """Heading groups and paragraphs from lines in reading order."""
    head_sizes = sorted({round(it.line.size) for it in items if it.line.size >= HEAD_RATIO * body}, reverse=True)
    blocks: list[Block] = []
    para: list[_Item] = []
    pending_prefix = ""
    held: Block | None = None  # a dateline set on a line of its own, waiting for the paragraph it opens

    def flush() -> None:
        nonlocal para, held
        if para:
            text = ""
            for it in para:
                text = _join(text, it.line.text)
            if held is None and _dateline_alone(text):
                held, para = Block(text, page=para[0].line.page), []
                return
            if held is not None:
                text, page = _join(held.text, text), held.page
                held = None
            else:
                page = para[0].line.page
            blocks.append(Block(text, page=page, role="byline" if is_byline(text) else "body"))
        para = []

    def release() -> None:
        """A held dateline with no paragraph after it (a headline follows) stays a paragraph of its own."""
        nonlocal held
        if held is not None:
            blocks.append(replace(held, role="byline" if is_byline(held.text) else "body"))
            held = None

    heads = [k for k, it in enumerate(items) if _is_head(it.line, body)]
    stop = [len(items)] * (len(items) + 1)  # stop[k]: the first headline-size line at or after k
    for k in range(len(items) - 1, -1, -1):
        ln = items[k].line
        stop[k] = k if ln.size >= HEAD_RATIO * body and not ln.quoted else stop[k + 1]
    i = 0
    while i < len(items):
        item = items[i]
        line = item.line
        if (
            _is_head(line, body) or _kicker_over(items, i, body)
        ) and not _CONT_LINE.match(line.text) and not _TRANSFER_LINE.match(line.text):
            flush()
            release()
            group = [item]
            while i + 1 < len(items) and _is_head(items[i + 1].line, body):
                i += 1
                group.append(items[i])
            # The article's subheads: display lines after it, up to the next headline (indexes found
            # once per page set, so a long report of bold subheads is not rescanned per heading).
            # Not the display lines right above the next headline: they are its kicker, not a subhead here.
            ks = heads[bisect_left(heads, i + 1) : bisect_left(heads, stop[i + 1])]
            end = stop[i + 1]
            while end < len(items) and ks and ks[-1] == end - 1:
                end = ks.pop()
            later = [items[k].line for k in ks]
            blocks.extend(_heading_blocks(group, body, head_sizes, multi_column, later))
            i += 1
            continue
        text = line.text
        if _TRANSFER_LINE.match(text) and para:  # '（下转第2版）' on a line of its own ends the paragraph
            para.append(item)
            flush()
            i += 1
            continue
        if _CONT_LINE.match(text):
            flush()
            release()
            if _CONT_LINE.match(text).end() == len(text):  # '（上接第1版）' alone opens the next paragraph
                pending_prefix = text
                i += 1
                continue
        elif para and _starts_paragraph(para[-1], item, body):
            flush()
        if pending_prefix:
            item = _Item(Line(pending_prefix + text, *_geometry(line)), item.leaf, item.left, item.right)
            pending_prefix = ""
        para.append(item)
        i += 1
    flush()
    release()
    if pending_prefix:
        blocks.append(Block(pending_prefix, page=items[-1].line.page))
    return blocks


_TRADITIONAL = str.maketrans("報訊華電記", "报讯华电记")
_CREDIT = re.compile(r"[（(][^（()）]{1,30}[）)]")


def _dateline_alone(text: str) -> bool:
    """Is ``text`` a dateline and nothing else — '本报讯（记者 王黎）', '新华社兰州1月23日电（记者李新烽）'?

    News copy opens its first paragraph with the dateline; a typesetter may set it on a line of its own
    (a run-in head broken off), and the paragraph then starts on the next line, indented. It is no
    paragraph of its own: it opens the one after it."""
    flat = "".join(text.split()).translate(_TRADITIONAL)
    head = dateline(flat)
    if not head or len(flat) > 40 or _JUMP_MARK.search(flat):
        return False
    rest = flat[len(head) :]
    return not rest or bool(_CREDIT.fullmatch(rest))


def _geometry(line: Line) -> tuple:
    return line.x0, line.x1, line.top, line.bottom, line.size, line.bold, line.page, line.core_x1


def _column_edges(leaf: list[Line], body: float) -> tuple[float, float, bool, float]:
    """A leaf's column edges (left, right), whether it has enough lines to tell them, and its top."""
    body_lines = [ln for ln in leaf if abs(ln.size - body) < 0.1 * body] or leaf
    # Most lines of a column are full: their right edge is the column's (robust to one overhang).
    ends = sorted(ln.x1 for ln in body_lines)
    left, right = min(ln.x0 for ln in body_lines), ends[int(0.7 * (len(ends) - 1))]
    return left, right, len(body_lines) >= 3, min(ln.top for ln in leaf)


def _borrow_edges(
    own: tuple[float, float, bool, float], edges: list[tuple[float, float, bool, float]], body: float
) -> tuple[float, float]:
    """Edges of a leaf too short to tell its own (a line or two between paragraph spaces): those of
    the nearest full leaf of the same column, if any — a one-line leaf is not its column's width."""
    left, right, _, top = own
    same = [
        (abs(top - top2), l2, r2)
        for l2, r2, full, top2 in edges
        if full and l2 - 1 <= left <= l2 + 3 * body and right <= r2 + body
    ]
    if not same:
        return left, right
    _, l2, r2 = min(same)
    return l2, r2


def _lead_width(text: str, size: float) -> float:
    """Least width of a line's first unbreakable run: a character with the punctuation and quotes
    that may not be parted from it, or a Latin word (full-width characters one em, others half)."""
    if not text:
        return 0.0
    k = 1
    while k < len(text) and (
        text[k] in _NO_BREAK_BEFORE
        or text[k - 1] in _NO_BREAK_AFTER
        or (_word_char(text[k - 1]) and (_word_char(text[k]) or text[k] in ".．·,"))
        or (text[k - 1] in ".．·," and _word_char(text[k]))
    ):
        k += 1
    return sum(size * (0.5 if ch.isascii() or ch in "“”‘’" else 1.0) for ch in text[:k])


def _word_char(ch: str) -> bool:
    """A digit or Latin letter, half- or full-width: part of a number or word no line breaks."""
    return ch.isdigit() or "a" <= ch.lower() <= "z" or "ａ" <= ch.lower() <= "ｚ"


def _ends_sentence(text: str) -> bool:
    return text.rstrip().rstrip(_CLOSERS).endswith(_SENTENCE_END)


def _starts_paragraph(prev: _Item, item: _Item, body: float) -> bool:
    a, b = prev.line, item.line
    size = b.size
    if abs(a.size - b.size) > 0.1 * max(a.size, b.size):
        return True
    indented = b.x0 - item.left > INDENT * size
    room = prev.right - a.x1
    # A line ends short where its paragraph ends — or where the next line's first unbreakable run
    # ('个“改', '山”。') did not fit (a typesetter that does not stretch CJK lines leaves the room
    # empty). Only room the next line's start would have fitted, or a finished sentence, ends it.
    short = room > SHORT_LINE * size and (room > _lead_width(b.text, size) + 0.25 * size or _ends_sentence(a.text))
    if indented or short:
        return True
    below = a.page == b.page and b.top > a.bottom - 1 and b.x0 < a.x1 and a.x0 < b.x1
    if prev.leaf == item.leaf or below:  # on down the same column (a paragraph space may end a leaf)
        return b.top - a.bottom > 1.2 * size  # a blank line's worth of space
    return False  # next column or page, unindented after a full line: the paragraph goes on


def _join_all(lines: list[Line]) -> str:
    text = ""
    for ln in lines:
        text = _join(text, ln.text)
    return text


def _heading_blocks(
    group: list[_Item], body: float, head_sizes: list[int], multi_column: bool, later: list[Line] = ()
) -> list[Block]:
    """A heading group → kicker(s), the headline (one block, lines joined), subtitle(s).

    ``later``: display lines further down the article (its subheads); a run under the headline in
    their type is the first of them, not a subtitle (a briefs box's first item title)."""
    runs: list[list[Line]] = []
    for it in group:
        ln = it.line
        # A rule between two lines of one type parts them: a table's title row and its first item's title.
        if (
            runs
            and abs(runs[-1][-1].size - ln.size) <= 0.05 * ln.size
            and ln.top - runs[-1][-1].bottom < ln.size
            and not ln.ruled_above
        ):
            runs[-1].append(ln)
        else:
            runs.append([ln])
    if not multi_column:  # a report: every run is a heading of its own, nested by type size
        out = []
        for r, run in enumerate(runs):
            text = ""
            for ln in run:
                text = _join(text, ln.text)
            # Except display lines that only make sense beside a headline: smaller type right above
            # a larger heading is its kicker (a report's headings grow smaller downwards, not
            # larger), and a line opening with a dash right below one is its subtitle (——副题).
            if r + 1 < len(runs) and runs[r + 1][0].size > 1.05 * run[0].size:
                out.append(Block(text, page=run[0].page, role="kicker"))
                continue
            if r > 0 and text.startswith(("——", "—", "--")) and run[0].size < runs[r - 1][0].size:
                out.append(Block(text, page=run[0].page, role="subtitle"))
                continue
            size = round(run[0].size)
            level = 1 + head_sizes.index(size) if size in head_sizes else len(head_sizes) + 1
            out.append(Block(text, page=run[0].page, heading_level=level, role="heading"))
        return out
    biggest = max(range(len(runs)), key=lambda r: (runs[r][0].size, -r))
    main = runs[biggest][0]
    level = 1 if main.size >= HEAD_RATIO * body else 2  # an article's headline, or a subhead inside it
    if level == 2 and any(
        all(ln.bold and ln.size < 0.95 * main.size for ln in run) and not _join_all(run).startswith(("——", "—", "--"))
        for run in runs[biggest + 1 :]
    ):
        # Display type right over a smaller bold title: a box or column's title (简讯, 社区动态) over its first
        # item's title — the title of what follows, not a subhead of the story before it.
        level = 1
    out: list[Block] = []
    for r, run in enumerate(runs):
        text = ""
        for ln in run:
            text = _join(text, ln.text)
        if r == biggest:
            out.append(Block(text, page=run[0].page, heading_level=level, role="heading"))
        elif (
            r > biggest
            and not text.startswith(("——", "—", "--"))
            and (
                all(ln.bold and ln.size < HEAD_RATIO * body for ln in run)
                or any(
                    abs(o.size - run[0].size) < 0.03 * run[0].size and o.bold == run[0].bold
                    for o in later
                    if o.size < HEAD_RATIO * body
                )
            )
        ):
            # Bold body-size type right under a headline is no subtitle (副题 are set larger, mostly
            # after a dash) but the first of the article's subheads (a briefs column's first item).
            out.append(Block(text, page=run[0].page, heading_level=2, role="heading"))
        else:
            out.append(Block(text, page=run[0].page, role="kicker" if r < biggest else "subtitle"))
    return out


# ---- the reader ---------------------------------------------------------------------------------
def _open(path: Path, doc_id: str):  # noqa: ANN202 - pypdfium2.PdfDocument
    import pypdfium2 as pdfium

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LoadError(f"{doc_id}: cannot read ({exc.strerror or exc})") from exc
    if not data.startswith(b"%PDF"):
        raise LoadError(f"{doc_id}: not a PDF file (no %PDF header), skipped")
    if b"%%EOF" not in data[-2048:]:
        raise LoadError(f"{doc_id}: PDF is truncated (no end-of-file marker), skipped")
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise LoadError(f"{doc_id}: PDF is encrypted (password required), skipped") from exc
        raise LoadError(f"{doc_id}: PDF cannot be read ({exc}), skipped") from exc


def read_pages(path: Path, doc_id: str) -> tuple[list[_Page], float]:
    """The PDF's pages with their lines (before furniture removal and ordering), and the body size."""
    import pypdfium2.raw as raw

    pdf = _open(path, doc_id)
    try:
        sized: list[tuple[int, float, float, list[_Char]]] = []
        rules: list[list[tuple[float, float, float]]] = []
        frames: list[list[tuple[float, float, float, float]]] = []
        for index in range(len(pdf)):
            page = pdf[index]
            try:
                sized.append((index + 1, page.get_width(), page.get_height(), _page_chars(page, raw)))
                page_rules, page_frames = _page_paths(page, raw)
                rules.append(page_rules)
                frames.append(page_frames)
            finally:
                page.close()
    finally:
        pdf.close()
    sizes: Counter[float] = Counter(round(c.size * 2) / 2 for *_, chars in sized for c in chars if not c.text.isspace())
    if sum(sizes.values()) < 20:
        raise LoadError(f"{doc_id}: PDF has no text layer (a scan?); OCR is not supported, skipped")
    body = sizes.most_common(1)[0][0]
    # When the body itself is set in a face whose name reads bold (a 黑体 such as WenQuanYi Micro Hei),
    # the name marks nothing: only weight and synthetic bold set type apart from the body.
    body_chars = [c for *_, chars in sized for c in chars if abs(c.size - body) <= 0.5 and not c.text.isspace()]
    if sum(c.bold_by_name for c in body_chars) * 2 > len(body_chars):
        for *_, chars in sized:
            for c in chars:
                if c.bold_by_name:
                    c.bold = False
    pages = [_Page(n, w, h, _rows_to_lines(chars, n, body)) for n, w, h, chars in sized]
    for page, drawn, boxes in zip(pages, rules, frames, strict=True):
        page.rules = drawn
        page.frames = boxes
        for line in page.lines if drawn else ():
            line.ruled_above = _ruled(line, line.top - 0.8 * body, line.top, drawn, 0.0)
    return pages, body


def read_pdf(path: Path, doc_id: str) -> Document:
    """The PDF's text in reading order with page, heading level and role of every block."""
    pages, body = read_pages(path, doc_id)
    _drop_furniture(pages, body)
    body_chars = [(len(ln.text), ln.bold) for p in pages for ln in p.lines if abs(ln.size - body) < 0.1 * body]
    if sum(n for n, bold in body_chars if bold) * 2 > sum(n for n, _ in body_chars):
        # The body itself is set in a bold (or 黑体) face: weight tells nothing about headings.
        for page in pages:
            for line in page.lines:
                line.bold = False
    for page in pages:
        _mark_quotes(page.lines, body)
    line_gap = _usual_line_gap(pages, body)
    layout = _Layout(body, line_gap, _paragraph_gap(pages, body, line_gap))
    items: list[_Item] = []
    widths: list[float] = []
    text_width = max((max(ln.x1 for ln in p.lines) - min(ln.x0 for ln in p.lines) for p in pages if p.lines), default=1)
    leaf_id = 0
    for page in pages:
        leaves = [leaf for leaf in _xy_cut(page.lines, replace(layout, rules=page.rules, frames=page.frames)) if leaf]
        leaves = _doglegs(leaves, layout)
        edges = [_column_edges(leaf, body) for leaf in leaves]
        for leaf, own in zip(leaves, edges, strict=True):
            left, right, full, _ = own
            if full:
                widths.append(right - left)
            else:
                left, right = _borrow_edges(own, edges, body)
            items.extend(_Item(ln, leaf_id, left, right) for ln in leaf)
            leaf_id += 1
    widths.sort()
    multi_column = bool(widths) and widths[len(widths) // 2] < MULTI_COLUMN * text_width
    blocks = _blocks(items, body, multi_column)
    editions = {p.number: p.edition for p in pages}
    blocks = [replace(b, edition=editions.get(b.page)) if b.page else b for b in blocks]
    return to_document(blocks, path, doc_id, "pdf", "pdf")
