"""Lines in reading order → paragraphs and heading blocks (steps 4 and 5 of ``qa.formats.pdf``)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, replace

from qa.formats.blocks import Block
from qa.formats.pdf.centred import wraps_centred
from qa.formats.pdf.furniture import _JUMP_MARK
from qa.formats.pdf.kickers import small_kicker
from qa.formats.pdf.lines import (
    _CONT_LINE,
    EM_SPACE,
    HEAD_RATIO,
    KICKER_RATIO,
    RUN_IN_LINES,
    Line,
    _is_head,
    _Page,
)
from qa.formats.pdf.order import _SENTENCE_END, RULED_GAP
from qa.formats.pdf.outline_runs import opens_deeper_number
from qa.formats.pdf.subheads import extends_number, title_page_line
from qa.formats.pdf.translations import translation_under
from qa.paragraphs import FIELD_LABEL
from qa.structure import markers
from qa.structure.cues import CLOSERS, dateline, is_byline
from qa.structure.headings import outline_rank

# Thresholds, in units of the font size (or of the body size). Chosen on the tuning families of
# benchmarks/formats.py and reported there on a held-out family.
PARA_SPACED = 0.08  # share of a column's line gaps that are one wider, constant space: paragraphs are spaced
INDENT = 0.8  # a first line indented by this much (x its size) starts a paragraph
SHORT_LINE = 1.5  # a line ending this far (x its size) before the column's right edge ends a paragraph
LIST_MARKER = 2.5  # a list item's number and its space ('12. '), x the size: a hanging indent's width
FAR_SHORT = 3.0  # ... and one ending a sentence or a field this far before a one-column text's measure
KICKER_CHARS = 8  # a kicker in the body's own type is a short label ('一线采访', '岁末年初看变化')
RUN_SIZE = 0.02  # heading lines this close in size (x the size) may be one run (one headline's lines)
_TRANSFER_LINE = re.compile(rf"^\s*(?:{markers.TRANSFER.pattern})")  # a '（下转第2版）' line of its own
# A figure or table caption ("图1 系统结构", "Table 2"): closes what is above it, never a kicker of what follows.
_CAPTION = re.compile(r"\s*(?:[图圖表]|fig(?:ure)?\.?|table)\s*[\d０-９一二三四五六七八九十]", re.IGNORECASE)
# Line breaking (UAX #14, and every CJK typesetter's 禁则): no break before closing punctuation, none
# after opening brackets, none on either side of a quotation mark; numbers and Latin words stay whole.
_NO_BREAK_BEFORE = set("”’）)」』》〉】〕，。、；：？！…—·,.;:?!%％\"'“‘")
_NO_BREAK_AFTER = set("“‘”’（(「『《〈【〔\"'")


def usual_line_gap(pages: list[_Page], body: float) -> float:
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


def paragraph_gap(pages: list[_Page], body: float, line_gap: float) -> float | None:
    """The usual paragraph space between body lines of one column, when the document spaces its
    paragraphs (a blank line or a margin) — often and always alike; None for indented paragraphs,
    whose only wider gaps (module and column ends) are rarer and vary."""
    pairs = [g for page in pages for g in _column_gaps(page, body)]
    gaps = sorted(g for g in pairs if g > line_gap + 0.3 * body)
    if len(gaps) < 5 or len(gaps) < PARA_SPACED * len(pairs):
        return None
    q1, median, q3 = (gaps[int(f * (len(gaps) - 1))] for f in (0.25, 0.5, 0.75))
    return median if q3 - q1 <= 0.15 * body else None


@dataclass
class _Item:
    line: Line
    leaf: int
    left: float  # the leaf's column edges
    right: float
    measure: float = 0.0  # where its lines would end if full, in a one-column document (qa.formats.pdf.measure)


def _stacks(lines: list[Line], under: Callable[[Line, Line], bool], most: int) -> list[list[Line]]:
    """The stacks of lines one right under the other (``under(a, b)``: b sits right under a; they overlap
    across), top first, at most ``most`` lines each; a line with nothing above it opens one."""
    ordered = sorted(lines, key=lambda ln: (ln.top, ln.x0))
    below: dict[int, Line] = {}
    for a in ordered:
        nxt = [b for b in ordered if b is not a and b.x0 < a.x1 and a.x0 < b.x1 and under(a, b)]
        if nxt:
            below[id(a)] = min(nxt, key=lambda b: b.top)
    has_above = {id(b) for b in below.values()}
    stacks = []
    for first in ordered:
        if id(first) in has_above:
            continue
        chain = [first]
        while id(chain[-1]) in below and len(chain) < most:
            chain.append(below[id(chain[-1])])
        stacks.append(chain)
    return stacks


def mark_quotes(lines: list[Line], body: float) -> None:
    """Mark display type that ends a sentence with a full stop: a pull quote (a sentence of the story
    repeated large between rules), not a headline — headlines and subheads end without one.

    A quote set on several lines is the stack of lines of one size, one above the other, whose
    last line ends the sentence."""
    display = [ln for ln in lines if ln.size >= KICKER_RATIO * body]

    def under(a: Line, b: Line) -> bool:
        return abs(b.size - a.size) < 0.05 * a.size and 0 <= b.top - a.bottom < 0.8 * a.size

    for chain in _stacks(display, under, 8):
        if chain[-1].text.rstrip(CLOSERS).endswith("。"):
            for ln in chain:
                ln.quoted = True


def unbold_paragraphs(lines: list[Line], body: float) -> None:
    """Clear the bold mark of body-size lines that are a paragraph set in a bold face, not subheads.

    A paper sets a paragraph (an emphasised lead, a quoted passage, text in a face with the glyphs its body face
    lacks) in 黑体 at body size; each of its lines alone looks like a short bold subhead. A stack of such lines
    one right under the other at the line pitch is a paragraph when it has three lines or more, or ends a
    sentence, or its first line is indented: a subhead is one or two lines that end no sentence."""
    bold = [ln for ln in lines if ln.bold and abs(ln.size - body) < 0.1 * body]

    def under(a: Line, b: Line) -> bool:
        return 0 <= b.top - a.bottom < 0.8 * a.size and abs(b.x0 - a.x0) < 2.5 * a.size

    for chain in _stacks(bold, under, 200):
        if len(chain) < 2 or chain[-1].run_in:  # (a brief's headline running on into its text: lines.py)
            continue
        # indented, and ending where the next line ends (a centred two-line heading's longer second line
        # starts left of its first too, but does not end where it ends)
        indented = chain[0].x0 - chain[1].x0 >= INDENT * body and abs(chain[0].x1 - chain[1].x1) < 0.5 * body
        if len(chain) >= 3 or indented or chain[-1].text.rstrip(CLOSERS).endswith(_SENTENCE_END):
            for ln in chain:
                ln.bold = False


def _head_broken_at_colon(items: list[_Item], i: int, body: float) -> bool:
    """Is line ``i`` a headline's first line, broken after its colon ('《朗朗星空》：' over '难忘知青经历')?

    A line ending with a colon is no head of its own (``lines._is_head``): bold or display type ending so is a lead-in
    of what follows ('具体做法：'). But a headline may break after its colon, and then what follows, right under the
    line (starting within a line's space under it, overlapping it), is more of the headline: a head line in the very
    same type (size within RUN_SIZE, weight alike) — not text."""
    line = items[i].line
    text = line.text.rstrip()
    if i + 1 >= len(items) or not text.endswith(("：", ":")) or not _is_head(replace(line, text=text[:-1]), body):
        return False
    below = items[i + 1].line
    return (
        _is_head(below, body)
        and not _CONT_LINE.match(below.text)
        and below.page == line.page
        and abs(below.size - line.size) <= RUN_SIZE * line.size
        and below.bold == line.bold
        and line.top < below.top < line.bottom + line.size
        and below.x0 < line.x1
        and line.x0 < below.x1
    )


def _kicker_over(items: list[_Item], i: int, body: float, line_gap: float | None = None) -> bool:
    """Is line ``i`` a kicker set below or in body size: a short unpunctuated line of smaller type right over headline
    type (within a line's space, over its start), standing alone (not the last line of a paragraph above; in the
    body's type, also apart from the text above it and no credit line)?

    On a newspaper's page (``line_gap``, the paper's own white between two lines of a column, given for multi-column
    pages only) a story in a flow band may be headed in display type under headline size (a fifth over the body)
    with its kicker in the body's size over it: the kicker is still the smaller type right over the head. And it
    stands apart from the text above when the white over it is clearly wider than the paper's line gap (by
    ``order.RULED_GAP`` of the body, the white that parts two bands) — a paragraph's last line sits at the line gap
    from the line over it, whatever the type's size, so the size itself is no measure of standing apart."""
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
    least = HEAD_RATIO if line_gap is None or not plain else KICKER_RATIO  # display type over a body-size kicker
    if head.size < least * body or head.quoted or head.page != line.page:
        return False
    below = head.top - line.bottom
    if not (0 <= below <= 1.5 * line.size and head.x0 - 1.5 * body <= line.x0 < head.x1):
        return False
    if i > 0:
        prev = items[i - 1].line
        # The line ends a paragraph of its own small type (a caption's last line): not a kicker.
        same_type = abs(prev.size - line.size) < 0.05 * line.size
        apart = line.size if line_gap is None or not plain else min(line.size, line_gap + RULED_GAP * body)
        if prev.page == line.page and same_type and 0 <= line.top - prev.bottom < apart:
            return False
        # In body type it stands apart from the text above it (in its column), nearer its headline than to it.
        over = prev.page == line.page and prev.x0 < line.x1 and line.x0 < prev.x1 and prev.bottom <= line.top + 1
        if plain and over and line.top - prev.bottom < max(apart, 2 * below):
            return False
    return True


def _markers_under_heads(items: list[_Item], body: float) -> list[_Item]:
    """Read a continuation's marker line ('（上接第一版）' alone) set centred or flush right under its head right after
    that head, whatever column it stands over.

    A continuation printed under its head set smaller may carry the marker on a line of its own just below the head,
    centred under it or flush right; it then stands over another column than the text it opens (or over none), and
    column order reads it after that text (or glued to the middle column's first line). What tells it from a marker
    that opens a column (with or without a head over the story): that one is set flush with the column's left edge,
    the column's first line right under it; this one is not — the line under it, if any, starts elsewhere. The head
    is the display line right above it (within two of its lines) on its page, over it, with no plain text between."""
    out = list(items)
    for item in items:
        line = item.line
        found = _CONT_LINE.match(line.text)
        if not found or found.end() != len(line.text) or line.size >= KICKER_RATIO * body:
            continue
        same_page = [it.line for it in out if it.line.page == line.page and it is not item]
        if any(
            0 <= o.top - line.bottom < 1.5 * line.size and abs(o.x0 - line.x0) < body and o.x0 < line.x1
            for o in same_page
        ):
            continue  # the first line of its column: it opens that column's text
        above = [
            it
            for it in out
            if it.line.page == line.page
            and it.line.size >= KICKER_RATIO * body
            and not it.line.quoted
            and 0 <= line.top - it.line.bottom <= 2 * line.size
            and min(it.line.x1, line.x1) - max(it.line.x0, line.x0) > -(it.line.x1 - it.line.x0)
        ]
        if not above:
            continue
        head = max(above, key=lambda it: it.line.bottom)
        if any(
            o.size < KICKER_RATIO * body
            and head.line.bottom - 1 <= o.top
            and o.bottom <= line.top + 1
            and o.x0 < line.x1
            and line.x0 < o.x1
            for o in same_page
        ):
            continue  # plain text between: the marker is not the head's
        out.remove(item)
        out.insert(out.index(head) + 1, _Item(line, head.leaf, head.left, head.right))
    return out


_OPENERS_CLOSERS = ("（(〔【［[〖", "）)〕】］]〗")


def _unclosed(text: str) -> bool:
    """Does ``text`` end inside brackets it opened (more opening brackets than closing ones)?"""
    return sum(text.count(ch) for ch in _OPENERS_CLOSERS[0]) > sum(text.count(ch) for ch in _OPENERS_CLOSERS[1])


_SPACE_AFTER = ".,;:!?)]}%\"'"  # Latin marks a wrapped line may end on before the next word
_SPACE_BEFORE = "([\"'"  # ... and marks the next line may open with


NAME_PART = re.compile(r"[a-z0-9]+(?:[._/][A-Za-z0-9]|[0-9])")  # 'user.target', 'efi_amd64', 'amd64'


def join_lines(a: str, b: str) -> str:
    """Two lines of one paragraph as one text: CJK joins as set, Latin words keep their space.

    A line ending in Latin punctuation is a word boundary too ('sorts.' + 'We'), except inside a number a
    typesetter broke ('2.' + '5', '1,' + '000')."""
    if not a:
        return b
    if a.endswith("-") and b[:1].islower():
        # A word a typesetter hyphenated ('hyphen-' / 'ation') joins without its hyphen; a name a browser broke
        # after its own hyphen ('systemd-' / 'journald.service', 'multi-' / 'user.target') or an option's dash
        # ('ps --pid 1 -' / 'f') keeps it: browsers do not hyphenate, and no hyphenated word goes on into a dotted
        # or underscored name.
        if not a[-2:-1].isalpha() or NAME_PART.match(b):
            return a + b
        return a[:-1] + b
    last, first = a[-1:], b[:1]
    if not (last.isascii() and first.isascii()):
        return a + b
    if (last.isalnum() or last in _SPACE_AFTER) and (first.isalnum() or first in _SPACE_BEFORE):
        if last in ".,:" and a[-2:-1].isdigit() and first.isdigit():
            return a + b
        return f"{a} {b}"
    return a + b


def _blocks(
    items: list[_Item],
    body: float,
    multi_column: bool,
    one_line: set[int] | None = None,
    line_gap: float | None = None,
) -> list[Block]:
    """Heading groups and paragraphs from lines in reading order (``one_line`` collects the indexes of the
    paragraphs set on one line, for ``qa.formats.pdf.numbered``; ``line_gap``, the document's white between two lines
    of a column, tells a kicker standing apart from the text over it — ``_kicker_over``, ``kickers.small_kicker``)."""
    items = _markers_under_heads(items, body)
    # Sizes that rank headings. A report (one column) ranks every heading size, also those under headline type:
    # a printed page's h1 in 14 pt over h2 in bold 12 pt (body 12) are two levels, not one.
    head_sizes = sorted(
        {
            round(it.line.size)
            for it in items
            if it.line.size >= HEAD_RATIO * body or (not multi_column and _is_head(it.line, body))
        },
        reverse=True,
    )
    blocks: list[Block] = []
    subhead_faces: set[tuple[float, bool]] = set()  # (size, bold) of the subheads since the last headline
    para: list[_Item] = []
    pending_prefix = ""
    held: Block | None = None  # a dateline set on a line of its own, waiting for the paragraph it opens
    asides: list[Block] = []  # photo captions set inside the paragraph being read, to follow it (runaround)
    glued = False  # the line before was a bold dateline opening a paragraph (_dateline_lead): this one goes on with it

    def flush() -> None:
        nonlocal para, held
        _flush_paragraph()
        if held is None:
            blocks.extend(asides)
            asides.clear()

    def _flush_paragraph() -> None:
        nonlocal para, held
        if para:
            text = _join_all([it.line for it in para])
            if held is None and _dateline_alone(text):
                held, para = Block(text, page=para[0].line.page), []
                return
            if held is not None:
                text, page = join_lines(held.text, text), held.page
                held = None
            else:
                page = para[0].line.page
            if one_line is not None and len(para) == 1:
                one_line.add(len(blocks))
            blocks.append(Block(text, page=page, role="byline" if is_byline(text) else "body"))
        para = []

    def release() -> None:
        """A held dateline with no paragraph after it (a headline follows) stays a paragraph of its own."""
        nonlocal held
        if held is not None:
            blocks.append(replace(held, role="byline" if is_byline(held.text) else "body"))
            held = None

    heads = [k for k, it in enumerate(items) if _is_head(it.line, body)]
    # Display lines opening a heading group (text right above them): the document's headings of their type.
    openers = [items[k].line for k in heads if k == 0 or not _is_head(items[k - 1].line, body)]
    story_faces = _story_faces(items, heads, body)
    stop = [len(items)] * (len(items) + 1)  # stop[k]: the first headline-size line at or after k
    for k in range(len(items) - 1, -1, -1):
        ln = items[k].line
        stop[k] = k if ln.size >= HEAD_RATIO * body and not ln.quoted else stop[k + 1]
    i = 0
    while i < len(items):
        item = items[i]
        line = item.line
        glue, glued = glued, False
        if line.aside:
            # A photo's caption moved out of the paragraph it interrupts: read after that paragraph, which goes on
            # past it (into the next column), not as its next words.
            caption = [line]
            while i + 1 < len(items) and items[i + 1].line.aside:
                i += 1
                caption.append(items[i].line)
            asides.append(Block(_join_all(caption), page=line.page))
            if not para:
                flush()
            i += 1
            continue
        if para and _credit_inside(para[-1], item, body):
            # A byline set at the head of the next column while the paragraph runs on into it (a credit right-aligned
            # under the headline, over the story's last column): the story's byline, not words of the paragraph.
            blocks.append(Block(line.text, page=line.page, role="byline"))
            i += 1
            continue
        lead = _dateline_lead(items, i, body) if multi_column else 0
        if lead:
            # A story's dateline set bold at the body's size opens its first paragraph: text, glued to the next line.
            flush()
            para.extend(items[i : i + lead])
            i += lead
            glued = True
            continue
        # a newspaper's kicker set no larger than the body, on one line or a few (qa.formats.pdf.kickers)
        kicker_lines = small_kicker(items, i, body, line_gap) if multi_column and not _is_head(line, body) else 0
        if (
            (
                _is_head(line, body)
                or kicker_lines
                or _kicker_over(items, i, body, line_gap if multi_column else None)
                or _head_broken_at_colon(items, i, body)
            )
            and not _CONT_LINE.match(line.text)
            and not _TRANSFER_LINE.match(line.text)
        ):
            flush()
            release()
            group = [item]
            for _ in range(kicker_lines - 1):
                i += 1
                group.append(items[i])
            while (
                i + 1 < len(items)
                and _is_head(items[i + 1].line, body)
                # a continuation's marker opens its text — unless the head runs into it and wraps inside its
                # brackets ('…送医送药到山乡（上' / '接第一版）'): then it ends the head, a short jump head
                and (not _CONT_LINE.match(items[i + 1].line.text) or _unclosed("".join(it.line.text for it in group)))
                and not (multi_column and _dateline_lead(items, i + 1, body))  # the story's text under its heads
            ):
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
            opener = items[i + 1].line.text if i + 1 < len(items) else ""
            # A story's dateline or byline opens what follows — unless the head is set in the type of a subhead the
            # story above has already shown (a subhead's text may open with a quoted dateline).
            face = max((round(it.line.size, 1), it.line.bold) for it in group)
            # So does a deck: a kicker (引题) over the head or a subtitle after a dash (——副题) under it, which a
            # story's headline carries and no subhead inside a story does.
            deck = len({round(it.line.size, 1) for it in group}) > 1 or _subtitle_line(opener)
            # A bold head over a dateline heads a story only where its type heads stories on the whole: papers set a
            # story's subheads in bold too, and a subhead's text may open with a quoted dateline ('链接' over '本报北京
            # 一月六日讯…') — read in the type of the story's other subheads, over plain text, it is one of them.
            dated = (
                bool(dateline(opener) or is_byline(opener))
                and face not in subhead_faces
                and (not face[1] or face in story_faces)
            )
            story = deck or dated
            made = _heading_blocks(group, body, head_sizes, multi_column, later, openers, story)
            for block in made:
                if block.heading_level == 1:
                    subhead_faces = set()
                elif block.heading_level == 2:  # (the face of its own lines: a box title's first item is one)
                    subhead_faces |= {
                        (round(it.line.size, 1), it.line.bold) for it in group if it.line.text in block.text
                    }
            blocks.extend(made)
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
        elif para and not glue and _starts_paragraph(para[-1], item, body, para[0]):
            flush()
        if pending_prefix:
            # A bare marker ('上接第1版', no brackets) keeps a space before the text it opens: run into it, the
            # text's first word could make it read as prose ('上接第1版的老师们' is no marker).
            sep = "" if pending_prefix.rstrip()[-1:] in CLOSERS else " "
            item = _Item(Line(pending_prefix + sep + text, *_geometry(line)), item.leaf, item.left, item.right)
            pending_prefix = ""
        para.append(item)
        i += 1
    flush()
    release()
    if pending_prefix:
        blocks.append(Block(pending_prefix, page=items[-1].line.page))
    return blocks


_TRADITIONAL = str.maketrans("報訊華電記", "报讯华电记")
_CREDIT_TRADITIONAL = str.maketrans("報記評論員約員見習稿", "报记评论员约员见习稿")
# A credit of names alone, set apart under a headline: '李战吉　郑勇' (two to four names of two to four characters).
_NAMES = re.compile(r"[\u4e00-\u9fff]{2,4}(?:[\s\u3000]+[\u4e00-\u9fff]{2,4}){1,3}")


def _credit_line(text: str) -> bool:
    """A byline ('本报记者　张三', '本報評論員') or the names of its writers alone ('李战吉　郑勇'): a credit line,
    which a story sets right under its heads in a face of its own — never one of its subheads."""
    stripped = text.strip()
    return is_byline(stripped.translate(_CREDIT_TRADITIONAL)) or bool(_NAMES.fullmatch(stripped))


_CREDIT = re.compile(r"[（(][^（()）]{1,30}[）)]")


def _dateline_lead(items: list[_Item], i: int, body: float) -> int:
    """How many lines from ``i`` are a story's dateline set bold at the body's size and run into its first paragraph
    ('本报北京1月5日电　记者张三　' in 黑体, the text going on after it): 0 when they are not one.

    Where a bold lead-in fills a narrow column's first line or two, or most of a line, the line reads as a short bold
    line, a subhead's shape. But a dateline heads nothing (no headline or subhead opens with one; ``lines._spaced_head``
    says as much of a run-in head): it opens its story's text. So the bold body-size lines from ``i`` are text when
    their words open with a dateline. (Not when the line's end cuts the dateline and the next line completes it,
    '新华社杭州1月24' over '日电　…': a brief's bold head over text opening '据新华社曼谷1月7日电' reads so
    too.) Display type (KICKER_RATIO and larger) is never one: a headline may be set that large."""
    n = 0
    while i + n < len(items) and n < RUN_IN_LINES:
        ln = items[i + n].line
        if not ln.bold or ln.quoted or ln.code or ln.size >= KICKER_RATIO * body or ln.size < body / KICKER_RATIO:
            break
        n += 1
    if not n or _CONT_LINE.match(items[i].line.text) or _TRANSFER_LINE.match(items[i].line.text):
        return 0
    return n if dateline(_join_all([it.line for it in items[i : i + n]]).translate(_TRADITIONAL)) else 0


def _subtitle_line(text: str) -> bool:
    """A line opening with a dash that is a subtitle (——副题), not a paragraph of prose opening with one: a subtitle is
    a title, and no sentence ends inside it ('———乡镇企业接纳下岗职工。一个时期以来…' is text under a subhead)."""
    t = text.lstrip()
    return t.startswith("——") and "。" not in t


def _story_faces(items: list[_Item], heads: list[int], body: float) -> set[tuple[float, bool]]:
    """The types — (size, bold) — whose heads mostly open a story: a dateline, a byline or a deck (a kicker over the
    head, a ——subtitle under it) under more of their heading groups than plain text. A paper sets every story of a
    flow band under one type and its subheads in another; a dateline under one head of a subhead type is quoted text,
    which the vote over the document tells from a story's own (``_blocks``)."""
    votes: dict[tuple[float, bool], int] = {}
    at = 0
    while at < len(heads):
        start = end = heads[at]
        at += 1
        while at < len(heads) and heads[at] == end + 1:
            end = heads[at]
            at += 1
        group = items[start : end + 1]
        opener = items[end + 1].line.text if end + 1 < len(items) else ""
        face = max((round(it.line.size, 1), it.line.bold) for it in group)
        storied = (
            len({round(it.line.size, 1) for it in group}) > 1
            or _subtitle_line(opener)
            or bool(dateline(opener) or is_byline(opener))
        )
        votes[face] = votes.get(face, 0) + (1 if storied else -1)
    return {f for f, v in votes.items() if v > 0}


def _dateline_alone(text: str) -> bool:
    """Is ``text`` a dateline and nothing else — '本报讯（记者 王黎）', '新华社兰州1月23日电（记者李新烽）'?

    News copy opens its first paragraph with the dateline; a typesetter may set it on a line of its own
    (a run-in head broken off), and the paragraph then starts on the next line, indented. It is no
    paragraph of its own: it opens the one after it."""
    flat = "".join(text.split()).translate(_TRADITIONAL)
    head = dateline(flat)
    if not head or len(flat) > 40 or _JUMP_MARK.search(flat) or _LABEL.match(flat):
        # (a field's label opens '会议时间：5月8日上午九点': a notice's field, no news copy's dateline)
        return False
    rest = flat[len(head) :]
    return not rest or bool(_CREDIT.fullmatch(rest))


def _geometry(line: Line) -> tuple:
    return line.x0, line.x1, line.top, line.bottom, line.size, line.bold, line.page, line.core_x1


def column_edges(leaf: list[Line], body: float) -> tuple[float, float, bool, float]:
    """A leaf's column edges (left, right), whether it has enough lines to tell them, and its top."""
    body_lines = [ln for ln in leaf if abs(ln.size - body) < 0.1 * body] or leaf
    # Most lines of a column are full: their right edge is the column's (robust to one overhang).
    ends = sorted(ln.x1 for ln in body_lines)
    left, right = min(ln.x0 for ln in body_lines), ends[int(0.7 * (len(ends) - 1))]
    return left, right, len(body_lines) >= 3, min(ln.top for ln in leaf)


def borrow_edges(
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
    """A digit, Latin letter or underscore, half- or full-width: part of a number or word (an identifier,
    'ffi_get_struct_offsets') no line breaks."""
    return ch.isdigit() or "a" <= ch.lower() <= "z" or "ａ" <= ch.lower() <= "ｚ" or ch == "_"


def _credit_inside(prev: _Item, item: _Item, body: float) -> bool:
    """Is ``item`` a credit line of names ('本报记者　张三　李四', with the spaces between names) set short at the top
    of a column, while the paragraph before it ran to its column's end with no full stop and so goes on past it?"""
    line, a = item.line, prev.line
    return (
        item.leaf != prev.leaf
        and abs(line.size - body) < 0.1 * body
        and " " in line.text
        and _credit_line(line.text)
        and prev.right - a.x1 <= SHORT_LINE * a.size
        and not a.text.rstrip().rstrip(CLOSERS).endswith(("。", "！", "？", "!", "?"))
        and line.x1 - line.x0 < item.right - item.left - SHORT_LINE * line.size  # (flush left, centred or right)
    )


# A footnote's mark as read (``notemarks``): set after the stop it follows ('…方可出行。¹'), it ends no sentence of its
# own and hides none — the sentence ends at the stop.
_NOTE_MARKS = "⁰¹²³⁴⁵⁶⁷⁸⁹"


def _ends_sentence(text: str) -> bool:
    return text.rstrip().rstrip(_NOTE_MARKS).rstrip(CLOSERS).endswith(_SENTENCE_END)


_LABEL = FIELD_LABEL  # a field's label opening a line: '值班人员：', 'Office hours:' (``qa.paragraphs``)


def ends_sentence(text: str) -> bool:
    """Does a line end a sentence — also in English ('… with wet hands.'; a number's point '2.' is none)?"""
    stripped = text.rstrip().rstrip(_NOTE_MARKS).rstrip(CLOSERS)
    if stripped.endswith(_SENTENCE_END):
        return True
    return stripped.endswith(".") and len(stripped) > 2 and stripped[-2].isalpha() and not stripped[-3].isspace()


def field_follows(a: str, b: str) -> bool:
    """Is ``b`` the next field of a list of fields ('物业电话：12345678' then '值班人员：张师傅')?"""
    return bool(_LABEL.match(a.strip())) and bool(_LABEL.match(b.strip()))


def _flush_right(item: _Item) -> bool:
    """Is the line set flush right in its column, starting past the column's middle (a signature, a date)?"""
    line = item.line
    return line.x0 > (item.left + item.right) / 2 and abs(item.right - line.x1) < 1.5 * line.size


def _inside_next(a: Line, b: Line, size: float) -> bool:
    """Is ``a`` set inside the line ``b`` under it at both ends: starting in from ``b``'s start by more than an
    indent and ending short of ``b``'s end by room ``b``'s first word would have filled? Then ``a`` ended its
    paragraph — an indented first line that ended short, or a centred line (a paper's affiliation '（同济大学…）' over
    its abstract '摘要：…', in the same small type). The column's edges cannot always tell: where a leaf holds one
    line near the body's size (the authors' names in a paper's front matter), they are that line's ends, and every
    wider line under it looks neither indented nor short against them."""
    return (
        a.x0 - b.x0 > INDENT * size
        and b.x1 - a.x1 > max(SHORT_LINE * size, _lead_width(b.text, size) + 0.25 * size)
        and 0 <= b.top - a.bottom < 2 * size
    )


def _narrowed(a: Line, b: Line, size: float) -> bool:
    """Does ``b``, right under ``a``, end where ``a`` ends and start no further right: a measure narrowed beside a
    photo (text run round it: half-length lines, short of the column's left or right edge), where a line ending
    short or starting in from the column's edge ends no paragraph — unless it ends a sentence. (A paragraph's
    last line is followed by a line ending elsewhere, or indented past its start.) A line opening with an outline
    number ('（一）', '二、', '3.') opens an item or a head of its own: two short heads that happen to end alike
    ('二、工作要求' over '（一）抓落实') are two lines, not a measure narrowed."""
    return (
        a.page == b.page
        and 0 <= b.top - a.bottom < size
        and b.x0 <= a.x0 + 0.3 * size
        and abs(a.x1 - b.x1) < 0.3 * size
        and not _ends_sentence(a.text)
        and not _numbered_item(b.text)
    )


def _numbered_item(text: str) -> bool:
    """Does a line open with an outline number ('（一）', '二、', '3.') — not a bullet, nor a figure ('1.5万')?"""
    return bool(_LIST_ITEM.match(text)) and outline_rank(text.strip()) is not None


def _wraps_in_indented_block(prev: _Item, item: _Item, size: float) -> bool:
    """Is ``item`` the next line of an indented block that ``prev`` wraps in: a printed page's list item (its
    lines all in from the text's left edge, after a bullet the text layer may not even hold), or one with a hanging
    indent after its number ('2. provide the diffs … They' / 'may not be integrated …'), or a block quote. The line
    before starts in from the column's edge too, runs full (the caller's ``short`` is false) without ending a
    sentence, and this line starts where it starts or up to a marker's width further in, right under it.

    Only in a one-column document (``measure`` is set): a newspaper column indents a paragraph's first line only.
    A line opening with an outline number opens the next item or a head ('参会人员：…负责同志' set near full, then
    '一、会议议定事项' under it), not a wrapped line of this one."""
    a, b = prev.line, item.line
    return (
        prev.measure > 0
        and prev.leaf == item.leaf
        and a.page == b.page
        and a.x0 - item.left > INDENT * size
        and a.x0 - 0.3 * size <= b.x0 <= a.x0 + LIST_MARKER * size
        and 0 <= b.top - a.bottom < size
        and not _ends_sentence(a.text)
        and not _numbered_item(b.text)
    )


def _breaks_word(text: str, after: str) -> bool:
    """Does ``text`` end in a Latin word broken by a hyphen whose rest, in lower case, opens ``after``?"""
    text, after = text.rstrip(), after.lstrip()
    return (
        len(text) > 1
        and text[-1] == "-"
        and text[-2].isascii()
        and text[-2].isalpha()
        and after[:1].isascii()
        and after[:1].islower()
    )


# A list item's number or bullet opening its first line ('1. ', '2）', '（三）', '①', 'a)', '•'), not a number the
# text runs on with ('1.2万人'): what a hanging indent hangs out.
_LIST_ITEM = re.compile(
    r"^\s*(?:\d{1,3}[.．、)）]|[（(](?:\d{1,3}|[一二三四五六七八九十]{1,3})[)）]|[一二三四五六七八九十]{1,3}、"
    r"|[①-⑳]|[a-zA-Z][.)]|[•●○■□◆▪◦–-])(?!\d)"
)


def _hangs_under_number(first: _Item, prev: _Item, item: _Item, size: float) -> bool:
    """Is ``item`` the next line of a list item set with a hanging indent: its paragraph's ``first`` line opens with
    the item's number (or bullet) and its text starts in from it by at most that number's width (``LIST_MARKER``) —
    where this line starts, right under the line before, which starts there too (or is that first line) and runs
    full (the caller's ``short`` is false) without ending a sentence ('2. 市场部…具体方案须' / '在下周例会前提交…').

    The number says it is a list: in any layout (a printed web page's ``<ol>`` beside its sidebar as in a one-column
    report), where a newspaper's paragraph indents its first line only and goes on at the column's edge."""
    f, a, b = first.line, prev.line, item.line
    return (
        first.leaf == prev.leaf == item.leaf
        and a.page == b.page
        and bool(_LIST_ITEM.match(f.text))
        and f.x0 < b.x0 <= f.x0 + LIST_MARKER * size
        and (prev is first or abs(a.x0 - b.x0) <= 0.3 * size)
        and 0 <= b.top - a.bottom < size
        and not _ends_sentence(a.text)
    )


def _starts_paragraph(prev: _Item, item: _Item, body: float, first: _Item | None = None) -> bool:
    """Whether ``item``'s line starts a new paragraph after ``prev``'s (``first``: the first line of the paragraph
    ``prev`` is in)."""
    a, b = prev.line, item.line
    if a.row or b.row:  # a table's row is a paragraph of its own (qa.formats.pdf.tables)
        return True
    if a.ends_point:  # a slide's point ends here (qa.formats.pdf.slides)
        return True
    size = b.size
    if abs(a.size - b.size) > 0.1 * max(a.size, b.size):
        return True
    if a.code != b.code:
        # A listing's line (every letter in a typewriter face) and a line of text: the type changes as it does at
        # a size change, though a listing's face is set only a little smaller than the text ('--set replicaCount=3'
        # ran into the sentence under the listing, '默认 replicaCount 为 2').
        return True
    indented = b.x0 - item.left > INDENT * size
    room = prev.right - a.x1
    # A line ends short where its paragraph ends — or where the next line's first unbreakable run
    # ('个“改', '山”。') did not fit (a typesetter that does not stretch CJK lines leaves the room
    # empty). Only room the next line's start would have fitted, or a finished sentence, ends it.
    short = room > SHORT_LINE * size and (room > _lead_width(b.text, size) + 0.25 * size or _ends_sentence(a.text))
    if indented and not short and _wraps_in_indented_block(prev, item, size):
        indented = False  # a list item's or a block quote's next line: its whole block is set in
    if indented and not short and _breaks_word(a.text, b.text):
        # A full line ending in a word broken by a hyphen, the word's rest opening this line: the paragraph goes
        # on, however far in this line starts (a bibliography's hanging indent: 'The probabilistic rel-' / 'evance').
        indented = False
    if indented and not short and first is not None and _hangs_under_number(first, prev, item, size):
        indented = False  # a list item's next line, under its text, right of its number (a hanging indent)
    if prev.measure - a.x1 > FAR_SHORT * size and b.x0 <= a.x0 + INDENT * size and field_follows(a.text, b.text):
        # A text of short paragraphs, whose column edge its own lines cannot tell: well short of the measure, a
        # finished sentence or a field's value ends the paragraph (qa.formats.pdf.measure) — a field's even where
        # two fields happen to end alike (no measure narrowed beside a photo).
        return True
    if not short and prev.measure - a.x1 > FAR_SHORT * size and b.x0 <= a.x0 + INDENT * size:
        # (an English sentence only before Chinese: a bilingual text's sentence and its translation; in English
        # text a full stop ending a line short of a guessed measure may be a sentence's end inside a paragraph)
        latin_end = not _ends_sentence(a.text) and b.text[:1] and not b.text[:1].isascii()
        short = _ends_sentence(a.text) or bool(latin_end and ends_sentence(a.text))
    if prev.measure and _flush_right(prev) and _flush_right(item) and abs(a.x1 - b.x1) < 0.5 * size:
        return True  # a one-column text's lines set flush right: a signature's name and its date, one each
    if prev.measure and _flush_right(prev) and b.page == a.page and b.top > a.bottom - 1 and b.x1 < a.x0:
        # A one-column text's line set flush right (a signature's name, its date) ends its paragraph: a line below
        # that ends short of where it starts, left of it, opens another (a 公文's '（此件公开发布）' under its date).
        return True
    if (short or indented) and _narrowed(a, b, size):
        short = indented = False  # text run round a photo: a measure narrowed beside it, the paragraph goes on
    if (short or indented) and not _ends_sentence(a.text) and wraps_centred(prev, item, size):
        short = indented = False  # a centred paragraph's second line (qa.formats.pdf.centred)
    if indented or short:
        return True
    below = a.page == b.page and b.top > a.bottom - 1 and b.x0 < a.x1 and a.x0 < b.x1
    if below and not b.after_photo and _inside_next(a, b, size):
        return True
    if (prev.leaf == item.leaf or below) and not b.after_photo:  # on down the same column (a paragraph space may
        return b.top - a.bottom > 1.2 * size  # end a leaf): a blank line's worth of space ends the paragraph
    return False  # next column or page, unindented after a full line: the paragraph goes on


# Marks set before a title that make it a section of what it stands in (a story's '◆民生', a page's '■经济纵横').
_SECTION_MARKS = ("◆", "◇", "■", "□", "●", "○", "▲", "△", "★", "☆", "▶", "►", "•")


def _beside(a: Line, b: Line) -> bool:
    """Is ``b`` set on ``a``'s row, to its right, an ideographic space (``lines.EM_SPACE``) or more apart: two names
    side by side ('张明远␣␣陈思雨', set as separate runs or parted by spaces the PDF does not store), which the line
    reader read apart at the gap. Lines of one paragraph that follow each other down the page are joined as set (CJK
    without a space); words side by side on one row keep the white between them as a space."""
    size = min(a.size, b.size)
    return (
        a.page == b.page
        and b.x0 - a.x1 >= EM_SPACE[0] * size
        and abs((a.top + a.bottom) / 2 - (b.top + b.bottom) / 2) < 0.5 * size
    )


def _join_all(lines: list[Line]) -> str:
    text = ""
    for k, ln in enumerate(lines):
        beside = k and text and ln.text and _beside(lines[k - 1], ln)
        text = f"{text} {ln.text}" if beside else join_lines(text, ln.text)
    return text


LABEL_CHARS = 4  # a bold label opening a story's text ('编者按', '记者手记') is this short
LABEL_RATIO = 0.6  # and set well under its headline's size


def _second_headline(runs: list[list[Line]], biggest: int, body: float) -> int | None:
    """Where a second headline's deck starts in a heading group whose headline is run ``biggest``: the first run of
    smaller type after it (its kicker) when a bold run of headline type a quarter larger than everything between
    follows — or None.

    A headline's deck only steps down under it (主题, then 副题 and the byline in smaller type); type stepping back up
    to a headline's size is another headline, the smaller type over it its kicker (引题). A flag's name set right
    over the lead story's kicker and head, with no gap, made the lead's head a subtitle of the paper's name and its
    story a story of the masthead. A subtitle after a dash stays the first headline's.

    A byline between ends the deck: what a story sets under its credit is its own text — a bold label such as
    '编者按', '记者手记' or '专家点评' opening it — never another story's headline, and no kicker is a credit. Nor
    is a label of a few characters set at no more than LABEL_RATIO of the headline's size another headline (a lead's
    headline under a flag is a sentence of its own, set at more than half the flag's size)."""
    for t in range(biggest + 2, len(runs)):
        head = runs[t]
        if not (head[0].size >= HEAD_RATIO * body and all(ln.bold for ln in head)):
            continue
        between = runs[biggest + 1 : t]
        if any(_credit_line(_join_all(run)) for run in between):
            return None
        if len(_join_all(head).strip()) <= LABEL_CHARS and head[0].size <= LABEL_RATIO * runs[biggest][0].size:
            continue
        if all(head[0].size >= 1.25 * run[0].size for run in between):
            start = next((k for k in range(biggest + 1, t) if not _join_all(runs[k]).startswith(("——", "—", "--"))), t)
            return start
    return None


def _heading_blocks(
    group: list[_Item],
    body: float,
    head_sizes: list[int],
    multi_column: bool,
    later: list[Line] = (),
    openers: list[Line] = (),
    story: bool = False,
) -> list[Block]:
    """A heading group → kicker(s), the headline (one block, lines joined), subtitle(s).

    ``later``: display lines further down the article (its subheads); a run under the headline in
    their type is the first of them, not a subtitle (a briefs box's first item title). ``openers``: the display lines
    that open a heading group anywhere in the document (``qa.formats.pdf.translations``). ``story``: the text under
    the group opens with a dateline or a byline (a story's own opening, which no subhead inside a story has)."""
    runs: list[list[Line]] = []
    for it in group:
        ln = it.line
        # A rule between two lines of one type parts them: a table's title row and its first item's title.
        # One type is one size and one weight: a headline's lines are set alike, while a kicker stacked over it
        # may be only a little smaller or lighter (sizes are read to 0.1 pt; a long headline shrunk to fit its
        # story's width may come within a few per cent of its kicker).
        if (
            runs
            and abs(runs[-1][-1].size - ln.size) <= RUN_SIZE * ln.size
            and runs[-1][-1].bold == ln.bold
            and ln.top - runs[-1][-1].bottom < ln.size
            and ln.page == runs[-1][-1].page  # (a title atop the next page is no line of this one's last heading)
            and not ln.ruled_above
            and not opens_deeper_number(runs[-1][0].text, ln.text)  # '二、检查内容' over '（一）…' (outline_runs)
        ):
            runs[-1].append(ln)
        else:
            runs.append([ln])
    if not multi_column:  # a report: every run is a heading of its own, nested by type size
        out = []
        for r, run in enumerate(runs):
            text = _join_all(run)
            # Except display lines that only make sense beside a headline: smaller type right above
            # a larger heading is its kicker (a report's headings grow smaller downwards, not
            # larger), and a line opening with a dash right below one is its subtitle (——副题).
            if title_page_line(runs, r):  # an author or a date under a title page's title (subheads.py)
                out.append(Block(text, page=run[0].page, role="subtitle"))
                continue
            if r + 1 < len(runs) and runs[r + 1][0].size > 1.05 * run[0].size and runs[r + 1][0].page == run[-1].page:
                out.append(Block(text, page=run[0].page, role="kicker"))
                continue
            if r > 0 and text.startswith(("——", "—", "--")) and run[0].size < runs[r - 1][0].size:
                out.append(Block(text, page=run[0].page, role="subtitle"))
                continue
            # a translation under a Chinese heading (qa.formats.pdf.translations)
            if translation_under(runs, r, text, _join_all(runs[r - 1]) if r else "", openers):
                out.append(Block(text, page=run[0].page, role="subtitle"))
                continue
            size = round(run[0].size)
            level = 1 + head_sizes.index(size) if size in head_sizes else len(head_sizes) + 1
            out.append(Block(text, page=run[0].page, heading_level=level, role="heading"))
        return out
    # The headline is the largest run (the bold one, of two of one size: a kicker or subtitle is set lighter).
    biggest = max(range(len(runs)), key=lambda r: (runs[r][0].size, all(ln.bold for ln in runs[r]), -r))
    second = _second_headline(runs, biggest, body)
    if second is not None:
        # Two headlines in one group: the first (a flag's name, a story's head) and, after smaller type under it,
        # another headline with that smaller type as its kicker — two heading groups, read one after the other.
        at = sum(len(run) for run in runs[:second])
        return _heading_blocks(group[:at], body, head_sizes, multi_column, later, openers) + _heading_blocks(
            group[at:], body, head_sizes, multi_column, later, openers, story
        )
    main = runs[biggest][0]
    level = 1 if main.size >= HEAD_RATIO * body else 2  # an article's headline, or a subhead inside it
    if level == 2 and any(
        all(ln.bold and ln.size < 0.95 * main.size for ln in run) and not _join_all(run).startswith(("——", "—", "--"))
        for run in runs[biggest + 1 :]
    ):
        # Display type right over a smaller bold title: a box or column's title (简讯, 社区动态) over its first
        # item's title — the title of what follows, not a subhead of the story before it.
        level = 1
    if (
        level == 2
        and story
        and main.size >= KICKER_RATIO * body
        and not main.text.lstrip().startswith(_SECTION_MARKS)
        and outline_rank(_join_all(runs[biggest]).strip()) is None
    ):
        # Display type a little larger than the body, light or bold (黑体), over a dateline, a byline (bold: where its
        # type heads stories on the whole — ``_blocks``) or under its deck: a short story's headline (papers set a flow
        # band's heads only a size up), not a subhead of the story before it. (A briefs box's bold item titles over
        # datelines stay its items: the first is read with the box's title as its subhead, and the rest are set in that
        # subhead's type — ``_blocks``; a title behind a mark, '◆民生', or a numbered one, '一、现场见闻', is a section
        # inside a story, whatever opens its text: a story's parts are numbered, stories are not.)
        level = 1
    out: list[Block] = []
    for r, run in enumerate(runs):
        text = _join_all(run)
        if r == biggest:
            out.append(Block(text, page=run[0].page, heading_level=level, role="heading"))
        elif r > biggest and run[0].size < KICKER_RATIO * body and _credit_line(text):
            # A credit under the headline in a face of its own (黑体 or 楷体 beside a 宋体 body reads bold):
            # the story's byline, not its first subhead — the story's text stays under its headline.
            out.append(Block(text, page=run[0].page, role="byline"))
        elif (
            r > biggest
            and not text.startswith(("——", "—", "--"))
            and (
                extends_number(_join_all(runs[biggest]), text)  # '2.1 图像采集' under '2 数据集' (subheads.py)
                or all(ln.bold and ln.size < HEAD_RATIO * body for ln in run)
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
