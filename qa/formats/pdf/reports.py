"""Headings of one-column documents (reports, manuals, web pages printed to PDF) beyond what type size says.

A newspaper's headline is told by its type; a printed report's headings may not be. A browser printing a
help page sets a chapter's title and its sections' titles in one size and weight (GIMP's help: "10.6. The
Script-Fu Submenu" and "10.6.1. 激活子菜单" both 16 pt bold), and sets a figure's or table's caption in that
same type ("图 16.269. …", "表 4.1. …"). What tells them apart is their words: a section number's depth
nests the section, and a caption's label says it is no heading (both rules run on every PDF: a newspaper's
headlines carry neither). A table's bold cells are told by standing side by side (one-column documents only:
a newspaper's columns set heads side by side).
"""

from __future__ import annotations

import re
from dataclasses import replace

from qa.formats.blocks import CAPTION_LABEL, Block
from qa.formats.pdf.lines import HEAD_RATIO, SECTION_NUMBER, Line
from qa.formats.pdf.paragraphs import _ends_sentence
from qa.structure.cues import CLOSERS

# A decimal section number opening a heading: '10.6.', '10.6.1', 'A.3', '2', also joined to its title
# ('10.6.3.Script-Fu': the reader joins a number set apart to its title). Depth = how many numbers.
_SECTION_NUMBER = re.compile(
    r"^(?:[0-9]{1,3}|[A-Z](?=\.[0-9]))((?:\.[0-9]{1,3})*)(?:\.(?![0-9])|(?=\s|[^\w.]|[\u4e00-\u9fff]|$))"
)


def is_caption(text: str) -> bool:
    """Does ``text`` open with a figure's, table's or example's label and number?"""
    return bool(CAPTION_LABEL.match(text.strip()))


# A line opening a section by its number ('二、', '（三）', '第四章', '5.2 ', '3. '): the reader's own section number
# (qa.formats.pdf.lines.SECTION_NUMBER), followed by the title — after a space or its own closing mark, so a
# figure ('2024年', '3.5%') opens none.
_OUTLINE = re.compile(rf"\s*(?:{SECTION_NUMBER.pattern})(?:(?<=[、）章节節部篇讲講.])|[\s、．])")
_AMOUNT = set("%％亿万元千百")  # a figure's unit right after the number


def section_number(text: str) -> tuple[str, ...] | None:
    """The section number opening ``text`` as its parts ('10.6.1. 刷新' → ('10', '6', '1')); None when none."""
    text = text.strip()
    match = _SECTION_NUMBER.match(text)
    if match is None or text[match.end() : match.end() + 1] in _AMOUNT:
        return None  # '3.5%的增长', '2.5亿元' are figures, not sections
    return tuple(match.group(0).rstrip(".").split("."))


def captions_as_text(blocks: list[Block]) -> list[Block]:
    """A heading that is a caption ('图 16.269. The Script-Fu submenu') is a paragraph of the section it is in;
    so is "heading" type holding no letter or digit: an icon a page prints large ('⌄' opening a help page's
    menu), which would otherwise head every section after it."""
    return [
        replace(b, heading_level=None, role="body")
        if b.heading_level is not None and (is_caption(b.text) or not any(c.isalnum() for c in b.text))
        else b
        for b in blocks
    ]


def nest_by_numbers(blocks: list[Block]) -> list[Block]:
    """Headings set in one type whose section numbers differ in depth nest by the depth.

    Levels from type size stay the first key: a type holding only one depth of numbers (or none) keeps its
    level, so documents whose sizes already nest their sections are unchanged. Within a type holding several
    depths, each depth is a level under the shallower one. The type's unnumbered headings before its first
    numbered one (a document's title) stay at its first level; those after it, when the numbering goes on at the
    same depth or deeper after them, are the title of a part of the section they stand in (DocBook prints a
    list's or an example's title in its sections' type: "The Script-Fu Console Buttons" between 10.6.3 and
    10.6.4), a level under the type's deepest numbers, so they close no section; those last in their type or
    before a shallower number (a report's 结论, 参考文献, 附录) are at the type's first level.
    """
    numbers: dict[int, set[tuple[str, ...]]] = {}
    for b in blocks:
        if b.heading_level is not None and b.role == "heading":
            n = section_number(b.text)
            if n is not None:
                numbers.setdefault(b.heading_level, set()).add(n)
    # Only numbers in a parent-child pair count ('10.6' and '10.6.1'): a cell's '380' beside '4.5.2' is no depth.
    depths = {
        level: {len(n) for n in ns if n[:-1] in ns or any(m[:-1] == n for m in ns)} for level, ns in numbers.items()
    }
    if not any(len(ds) > 1 for ds in depths.values()):
        return blocks

    def depth_of(b: Block) -> int | None:  # a numbered heading's depth index within its type, else None
        n = section_number(b.text)
        ds = sorted(depths.get(b.heading_level or 0, ()))
        return ds.index(len(n)) if n is not None and len(n) in ds and len(ds) > 1 else None

    # Each heading's next numbered heading in its type (its depth index), from one pass from the end.
    later: list[int | None] = [None] * len(blocks)
    upcoming: dict[int, int] = {}
    for k in range(len(blocks) - 1, -1, -1):
        b = blocks[k]
        if b.heading_level is not None and b.role == "heading":
            later[k] = upcoming.get(b.heading_level)
            if (d := depth_of(b)) is not None:
                upcoming[b.heading_level] = d

    chains: dict[int, list[tuple[str, ...]]] = {}  # type -> the numbers open at each depth index
    last_depth: dict[int, int] = {}  # type -> depth index of its last numbered heading so far
    keys: list[tuple[int, int] | None] = []
    for k, b in enumerate(blocks):
        if b.heading_level is None or b.role != "heading":
            keys.append(None)
            continue
        ds = sorted(depths.get(b.heading_level, ()))
        n = section_number(b.text)
        if n is not None and len(n) in ds:
            d = ds.index(len(n)) if len(ds) > 1 else 0
            chain = chains.setdefault(b.heading_level, [])
            # A deeper number nests only under the number it extends, open right above it ('1.3' under '1', never
            # under '2．' nor '2'): release notes' '3.1' then '3.0.2', a section's points numbered '1．' '2．' in
            # its subsections' type, keep the type's own level, as they had before numbers were read.
            if d > 0 and not (len(chain) >= d and chain[d - 1] == n[: ds[d - 1]]):
                d = 0
            chains[b.heading_level] = chain[:d] + [n]
            last_depth[b.heading_level] = d
            keys.append((b.heading_level, d))
        elif n is None and len(ds) > 1 and b.heading_level in last_depth:
            # Inside the section only when the numbering goes on at that depth or deeper after it (10.6.3, a
            # list's title, 10.6.4); before a shallower number or at the end it is a section of the type's top
            # level: 结论, 参考文献, 附录, 致谢 after '2.1' are the report's own parts, not parts of 2.1.
            inside = later[k] is not None and later[k] >= last_depth[b.heading_level]
            keys.append((b.heading_level, len(ds) if inside else 0))
        else:
            keys.append((b.heading_level, 0))
    rank = {k: n + 1 for n, k in enumerate(sorted({k for k in keys if k is not None}))}
    return [b if k is None else replace(b, heading_level=rank[k]) for b, k in zip(blocks, keys, strict=True)]


ROW_OVERLAP = 0.25  # lines overlapping by this share of the shorter one's height stand on one row
CELL_GAP = 0.5  # lines this many body sizes apart on one row are two cells (a word space is less)
EDGE = 2.0  # pt: cells of one table column start at one x
ROW_REACH = 6.0  # body sizes: the next row of a table is at most this far below (a cell may hold a few lines)


def _rows(lines: list[Line]) -> list[list[Line]]:
    """Lines standing side by side, grouped into rows top to bottom, each row left to right."""
    rows: list[list[Line]] = []
    for ln in sorted(lines, key=lambda ln: (ln.top, ln.x0)):
        for row in rows[-3:]:
            first = row[0]
            overlap = min(first.bottom, ln.bottom) - max(first.top, ln.top)
            beside = all(ln.x0 >= o.x1 or ln.x1 <= o.x0 for o in row)  # a cell's next line is not beside it
            if beside and overlap >= ROW_OVERLAP * min(first.bottom - first.top, ln.bottom - ln.top):
                row.append(ln)
                break
        else:
            rows.append([ln])
    return [sorted(row, key=lambda ln: ln.x0) for row in rows]


def mark_table_rows(lines: list[Line], body: float) -> None:
    """Mark the lines of a table's rows as text, never headings (``Line.quoted``: text, not a heading).

    A word processor or a browser prints a table's header row and cells of code or file names in bold, each
    cell a short line: alone, each looks like a subhead. A one-column document's heading stands alone on its
    row; a table's row has cells side by side: three or more, or a bold one beside a light one, or two whose
    next row's cells start at the same x as theirs (a margin note beside a heading does none of these)."""
    split = [row for row in _rows(lines) if len(row) >= 2 and _apart(row, body)]
    cells: list[Line] = []
    for row in split:
        if len(row) >= 3 or len({ln.bold for ln in row}) > 1:
            cells += row
    for a, b in zip(split, split[1:], strict=False):
        if b[0].top - max(ln.bottom for ln in a) > ROW_REACH * body:
            continue
        shared = sum(any(abs(x.x0 - y.x0) <= EDGE for y in b) for x in a)
        if shared >= 2:
            cells += a + b
    for ln in cells:
        if ln.size < HEAD_RATIO * body:  # headline type in a layout table (a page's title beside its logo) heads
            ln.quoted = True


def _apart(row: list[Line], body: float) -> bool:
    """Are the row's lines set apart (cells), not one line broken where its font changes?"""
    return all(b.x0 - a.x1 >= CELL_GAP * body for a, b in zip(row, row[1:], strict=False))


LINE_PITCH = 0.5  # x the size: a gap this small between two lines is the line spacing, no heading's space
FULL = 2.0  # body sizes: a line ending this close to where the next line ends fills the measure


def mark_run_on_lines(lines: list[Line], body: float) -> None:
    """Mark bold lines that run on in a paragraph of lighter type as text (``Line.quoted``).

    A paragraph whose last line holds only a bold word ("参见 systemd.mount(5)." wrapped after "参见"), or whose
    first line is all bold code, looks like a subhead when read line by line. A heading is set apart by space
    above it, and the text under it starts a new line; these lines follow the line above at the line pitch, or
    fill the measure with the paragraph's next line right under them."""
    by_top = sorted(lines, key=lambda ln: ln.top)
    ends = sorted(ln.x1 for ln in lines if abs(ln.size - body) < 0.05 * body)
    if not ends:
        return
    right = ends[int(0.9 * (len(ends) - 1))]  # the measure's right edge: where most full body lines end
    for k, b in enumerate(by_top):
        if not b.bold or b.size >= HEAD_RATIO * body or _OUTLINE.match(b.text):
            continue  # (a line opening with its section's number, '二、例会安排', is a subhead however it is set)
        # Both ways, the paragraph must run on through the bold line: a paragraph's finished last line (short, or
        # ending its sentence) over a bold line at the line pitch is a subhead set tight ('培训时间和地点' under a
        # paragraph, no space between), and a short bold line over a short line is a subhead over its first item.
        for a in by_top[max(0, k - 6) : k]:
            # A paragraph's next line starts at its left edge (no further in than the line above): an indented
            # bold line is a subhead.
            if (
                _next_line(a, b)
                and not a.bold
                and b.x0 <= a.x0 + EDGE
                and _wrapped(a, b, right, body)
                and not _ends_sentence(a.text)
                and not a.text.rstrip().rstrip(CLOSERS).endswith(".")  # (a Latin full stop ends one too)
            ):
                b.quoted = True
        for c in by_top[k + 1 : k + 6]:
            if (
                _next_line(b, c)
                and not c.bold
                and abs(c.x0 - b.x0) <= EDGE
                and b.x1 >= c.x1 - FULL * body
                and _wrapped(b, c, right, body)
            ):
                b.quoted = True


def _wrapped(a: Line, b: Line, right: float, body: float) -> bool:
    """Did ``a`` end where it did because ``b``'s first word would not fit after it (a paragraph wrapping), not
    because its paragraph or heading ended there? A line ends short of the measure by less than the next line's
    first word ('systemd.mount(5)' left on the next line) when the text runs on."""
    words = b.text.split()
    first = words[0] if words else b.text
    if len(first) > 1 and not first[0].isascii() and not first[1].isascii():
        first = first[:1]  # text breaks between any two ideographs: one character must not have fit
    # (an ideograph run into Latin text or a quote, '动"/lib/…', breaks nowhere before the next space)
    word = (b.x1 - b.x0) * len(first) / max(len(b.text), 1)
    return a.x1 + word >= right - FULL * body


def _next_line(a: Line, b: Line) -> bool:
    """Is ``b`` the line right under ``a`` in one paragraph's type (one size, the line spacing, one column)?"""
    return (
        abs(a.size - b.size) < 0.05 * b.size
        and b.top - a.top > 0.5 * b.size  # below it (loose boxes of tight lines overlap)
        and b.top - a.bottom < LINE_PITCH * b.size
        and a.x0 < b.x1
        and b.x0 < a.x1
    )


def mark_captions(lines: list[Line]) -> None:
    """Mark a caption's lines as text (``Line.quoted``) before headings are grouped.

    A browser may print a caption in heading type and in pieces along its row ('图 16.120.' | 'The“Transparency”'
    | 'submenu …', where the font changes); read as display type, it joins the heading above it into one heading
    group and may be taken for the headline. The caption is the line opening with its label and number, the
    lines in its type to its right on its row, and those right under it at the line pitch (a long caption)."""
    by_top = sorted(lines, key=lambda ln: (ln.top, ln.x0))
    for k, ln in enumerate(by_top):
        if ln.quoted or not is_caption(ln.text):
            continue
        ln.quoted = True
        last = ln
        for other in by_top[k + 1 : k + 40]:
            same_type = abs(other.size - ln.size) < 0.05 * ln.size and other.bold == ln.bold
            if not same_type:
                continue
            on_row = other.x0 >= ln.x0 and min(other.bottom, ln.bottom) - max(other.top, ln.top) > 0.5 * ln.size
            # A caption's next line starts where it starts, or is centred on its axis, and opens no section: a
            # heading set right under a centred caption ('二、员工发展…') is the next section, not the caption.
            aligned = abs(other.x0 - last.x0) <= EDGE or abs((other.x0 + other.x1) - (last.x0 + last.x1)) <= 2 * EDGE
            below = _next_line(last, other) and aligned and not _OUTLINE.match(other.text)
            if on_row or below:
                other.quoted = True
                if not on_row:
                    last = other


ICON_REACH = 4.0  # body sizes: text this near a display glyph, on its rows, is the text the glyph stands beside
ICON_CHARS = 2  # a glyph standing beside text is one or two characters (an icon, a drop cap)


def mark_glyphs_beside_text(lines: list[Line], body: float) -> None:
    """Mark a display-size glyph standing beside body text on its rows as text (``Line.quoted``), never a heading.

    A manual sets an icon beside an admonition (a symbol font's warning sign or light bulb at twice the body
    size, in the margin left of the note's first lines), and a report may set a paragraph's first letter as a
    drop cap: one or two characters in display type, each looking like a one-letter heading that takes the
    text after it from its section. A heading stands alone on its row; this glyph has the lines it belongs to
    beside it, in body type, starting within ``ICON_REACH`` body sizes to its right."""
    for ln in lines:
        text = ln.text.replace(" ", "")
        if ln.size < HEAD_RATIO * body or not 0 < len(text) <= ICON_CHARS or SECTION_NUMBER.fullmatch(text):
            continue
        height = ln.bottom - ln.top
        for other in lines:
            overlap = min(other.bottom, ln.bottom) - max(other.top, ln.top)
            if (
                other is not ln
                and abs(other.size - body) <= 0.1 * body
                and 0 <= other.x0 - ln.x1 <= ICON_REACH * body
                and overlap >= ROW_OVERLAP * min(height, other.bottom - other.top)
                and len(other.text) > ICON_CHARS
            ):
                ln.quoted = True
                break
