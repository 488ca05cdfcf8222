"""A PDF's bookmarks (its document outline) as evidence for its headings.

Why: word processors (LibreOffice and Word export "with bookmarks"), LaTeX's hyperref and browsers printing with an
outline write the author's own section tree into the PDF. The layout reading guesses headings from type; where a
heading is set like the body (a Word Heading 2 whose number is drawn at a tab stop, read as two short body lines
'一.1' / '课程性质与目标'), the outline still names it. So: each bookmark is looked for on its destination page, among
the blocks the layout reading made — one block or a run of up to three (a heading whose number and title were read
apart, or a title wrapped over two lines) whose text is the bookmark's (compared without whitespace, in NFKC, with
or without a leading section number the line draws and the bookmark lacks or the other way round). A matched run
becomes one heading block at the bookmark's depth (relative to the shallowest matched bookmark; a document title
the layout reading already found above them stays the root, and the outline's top level goes under it).

Not evidence (the layout reading stands):

- a bookmark naming no text on its page changes nothing;
- a bookmark titled as a page ('Page 3', '第3页', '3') is how converters fill an outline when a document has no
  headings: skipped;
- an outline of three or more bookmarks all pointing at one spot (page 1's top: destinations a converter could not
  resolve) is set aside — real headings stand at different heights;
- the whole outline is set aside when fewer than half of its remaining bookmarks name text on their page: an
  outline that does not describe the text it points at (off by a page, or another version's titles) says nothing
  about this text's headings, even where a title happens to match a line.

Not on multi-column (newspaper) pages either: there every headline is an article of its own, and an outline's depth
is the style the headline was set in (LibreOffice writes a lead story's Heading 1 and the others' Heading 2 as
parent and children).

Where a title is found more than once on its page, the destination's y picks the run nearest it (the order of the
lines on the page: the run whose first line is nearest below the destination's top).
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass, replace

from qa.formats.blocks import Block
from qa.formats.outline_numbers import SECTION_NUMBER
from qa.formats.pdf.lines import Line
from qa.formats.pdf.paragraphs import join_lines
from qa.formats.pdf.spilled import FOLIO_LINE
from qa.ideograph_forms import fold_ideographs

log = logging.getLogger(__name__)

RUN = 3  # blocks a heading may have been read as: number | title | a title's wrapped second line
# A longer outline (a dictionary's every entry) is no section tree: a bound on the work, not a tuned number.
MAX_MARKS = 2000

_SPACE = re.compile(r"\s+")
# A title that names a page, not a section: how converters fill an outline when the document has no headings. The
# forms of a folio line ('3', '第3页', '3/12', 'Page 3 of 9': qa.formats.pdf.spilled.FOLIO_LINE), and the page labels
# an outline has beside them: a front matter's roman numeral ('iv', 'Page iv'), which a text line alone on a page's
# edge must not be read as (a line 'C' or 'I' is an exam's option or a list's), and 'p. 3', 'pg 3', 'Seite 3'.
_PAGE_LABEL = re.compile(r"(?:page|p\.|pg\.?|seite)?[ivxlc]+|(?:p\.|pg\.?|seite)[0-9]+", re.IGNORECASE)


def _page_title(title: str) -> bool:
    """A normalised bookmark title that names a page."""
    return bool(FOLIO_LINE.fullmatch(title) or _PAGE_LABEL.fullmatch(title))


@dataclass(frozen=True)
class Mark:
    """One bookmark: its title, depth in the outline (0 = top), 1-based destination page and top (points from the
    page's top; None when the destination gives no y)."""

    title: str
    depth: int
    page: int
    top: float | None


def read_marks(pdf, name: str) -> list[Mark]:  # noqa: ANN001 - an open pypdfium2.PdfDocument
    """The bookmarks of the open PDF ``pdf`` (``name`` for the log) that point at a page, in outline order (empty when
    it has none or they cannot be read).

    Read from the document the pages were read from, while it is open (``read_pages``' ``while_open``): no second
    parse of the file (pdfminer's get_outlines would parse it again), and pdfium guards against cyclic outlines."""
    marks: list[Mark] = []
    try:
        heights = {}
        for item in pdf.get_toc(max_depth=8):
            if len(marks) >= MAX_MARKS:
                return []
            dest = item.get_dest()
            index = dest.get_index() if dest is not None else None
            if index is None or index < 0:
                continue
            top = None
            mode, args = dest.get_view() or (0, [])
            # XYZ gives (left, top, zoom), FitH and FitBH (top): a top of 0 is "unchanged", no position
            y = args[1] if mode == 1 and len(args) >= 2 else args[0] if mode in (3, 7) and args else 0
            if y:
                if index not in heights:
                    heights[index] = pdf.get_page_size(index)[1]
                top = heights[index] - y
            marks.append(Mark(item.get_title() or "", item.level, index + 1, top))
    except Exception as exc:  # noqa: BLE001 - a damaged outline is no outline: the layout reading stands without it
        log.debug("%s: outline not read (%s)", name, exc)
        return []
    return marks


def _norm(text: str) -> str:
    """Text as compared: NFKC (full-width forms, ligatures), look-alike ideographs folded, no whitespace, lower
    case, no closing colon or full stop (a run-in heading's)."""
    text = unicodedata.normalize("NFKC", fold_ideographs(text))
    return _SPACE.sub("", text).lower().rstrip(":：.。")


def _unnumbered(text: str) -> str:
    """A normalised text without its leading section number ('' when it is only a number)."""
    return text[m.end() :] if (m := SECTION_NUMBER.match(text)) else text


def _same(title: str, text: str) -> bool:
    """The line(s) read as ``text`` draw the heading ``title`` (both normalised): the same, or the same once a
    section number that one side has and the other lacks is set aside (Word's bookmarks leave out a list's
    automatic number; LaTeX's carry it). What is left must be two characters or more: a lone '图' is no evidence."""
    if title == text:
        return True
    bare_title, bare_text = _unnumbered(title), _unnumbered(text)
    if len(bare_title) < 2:
        return False
    return (bare_title == text and bare_title != title) or (bare_text == title and bare_text != text)


def apply_bookmarks(blocks: list[Block], marks: list[Mark], lines: list[Line]) -> list[Block]:
    """``blocks`` with the runs its bookmarks name made headings at the bookmarks' depth (see the module's doc);
    ``lines`` (in reading order) place a title found more than once on its page."""
    marks = [m for m in marks if not _page_title(_norm(m.title)) and _norm(m.title)]
    if not marks or (len(marks) >= 3 and len({(m.page, None if m.top is None else round(m.top)) for m in marks}) == 1):
        return blocks  # (every heading at one spot: destinations a converter could not resolve)
    by_page: dict[int, list[int]] = {}
    for k, block in enumerate(blocks):
        if block.page is not None:
            by_page.setdefault(block.page, []).append(k)
    texts: dict[int, str] = {}  # blocks' compared texts, made when a bookmark's page is read
    page_lines: dict[int, list[Line]] = {}
    for line in lines:
        page_lines.setdefault(line.page, []).append(line)
    taken: set[int] = set()
    found: list[tuple[Mark, int, int]] = []  # (bookmark, first block, end block)
    for mark in marks:
        title = _norm(mark.title)
        width = len(title) + 20
        runs = []
        for first in by_page.get(mark.page, []):
            joined = ""
            for end in range(first, min(first + RUN, len(blocks))):
                block = blocks[end]
                if end in taken or block.page != mark.page or block.role == "table" or len(block.text) > 3 * width:
                    break  # (a paragraph far longer than the title is none of its lines)
                if end not in texts:
                    texts[end] = _norm(block.text)
                joined += texts[end]
                if len(joined) > 2 * len(title) + 8:
                    break
                if _same(title, joined):
                    if not runs or first >= runs[-1][1]:  # (not the title inside a run just found: '一.2' | '先修课程')
                        runs.append((first, end + 1))
                    break
        if not runs:
            continue
        if len(runs) > 1 and mark.top is not None:
            runs = [_nearest(runs, mark, title, page_lines.get(mark.page, []))]
        first, end = runs[0]
        taken.update(range(first, end))
        found.append((mark, first, end))
    if 2 * len(found) < len(marks):
        log.debug("outline set aside: %d of %d bookmarks name text on their page", len(found), len(marks))
        return blocks
    if not found:
        return blocks
    shallowest = min(m.depth for m, _, _ in found)
    opening = min(first for _, first, _ in found)
    # A heading the layout reading put at level 1 above the first bookmarked heading (a document title the outline
    # leaves out) stays the root, the outline's top level under it — unless the layout read the outline's top-level
    # headings at level 1 too (then it is their peer: a front matter's 摘要 before the chapters).
    tops = [_layout_level(blocks[first:end]) for mark, first, end in found if mark.depth == shallowest]
    root = any(b.heading_level == 1 for b in blocks[:opening]) and 1 not in tops
    starts = {first: (mark, end) for mark, first, end in found}
    out: list[Block] = []
    shift = 0  # new level - the layout's level of the last bookmarked heading the layout read as a heading too
    k = 0
    while k < len(blocks):
        block = blocks[k]
        if k not in starts:
            if k > opening and block.heading_level is not None:
                # A heading the outline leaves out (hyperref's bookmarks stop at a depth) keeps its place relative to
                # the bookmarked heading above it, as the layout read them.
                block = replace(block, heading_level=max(1, block.heading_level + shift))
            out.append(block)
            k += 1
            continue
        mark, end = starts[k]
        run = blocks[k:end]
        text = block.text
        for other in run[1:]:
            text = join_lines(text, other.text)
        if _norm(text) == _norm(mark.title):
            text = mark.title  # (the author's spacing: '一.1 课程性质与目标', read as '一.1' and '课程性质与目标')
        level = mark.depth - shallowest + (2 if root else 1)
        layout = _layout_level(run)
        shift = shift if layout is None else level - layout
        out.append(replace(block, text=text, heading_level=level, role="heading", lines=False))
        k = end
    return out


def _layout_level(run: list[Block]) -> int | None:
    """The heading level the layout reading gave a run of blocks (None: it read no heading there)."""
    return next((b.heading_level for b in run if b.heading_level is not None), None)


def _nearest(runs: list[tuple[int, int]], mark: Mark, title: str, on_page: list[Line]) -> tuple[int, int]:
    """Of the runs of blocks on the bookmark's page whose text is its title, the one whose lines lie nearest the
    destination's top: the lines of that page that open a run of the title, in reading order, are paired with the
    runs in order (both read the page the same way); when they do not pair one to one, the first run."""
    tops: list[float] = []
    after = 0
    for n, line in enumerate(on_page):
        joined = ""
        for m, other in enumerate(on_page[n : n + RUN]):
            joined += _norm(other.text)
            if _same(title, joined):
                if n >= after:
                    tops.append(line.top)
                    after = n + m + 1
                break
    if len(tops) != len(runs) or mark.top is None:
        return runs[0]
    best = min(range(len(runs)), key=lambda r: abs(tops[r] - mark.top))
    return runs[best]
