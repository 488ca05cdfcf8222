"""Page furniture (step 2 of ``qa.formats.pdf``): banners, folios, dates, credits and running heads.

They are dropped from the body, but the edition ("第2版") is remembered, since jump markers name
editions, not PDF page indexes.
"""

from __future__ import annotations

import re

from qa.formats.pdf.lines import _CONT_LINE, HEAD_RATIO, Line, _bands, _Page
from qa.formats.pdf.running_stems import running_stems
from qa.structure import markers

# Thresholds, in units of the font size (or of the body size). Chosen on the tuning families of
# benchmarks/formats.py and reported there on a held-out family.
FURNITURE_BAND = 0.075  # top/bottom share of the page where banners, page numbers and credits sit
# A book's running head or foot may sit further in (TeX's headers are 0.08-0.12 of an A4 page from its edge): there
# a line is furniture only when the same line (numbers aside) stands at the same height on another page.
RUNNING_BAND = 0.15
SHAPE_LEVEL = 2.0  # pt: a banner or a folio repeated with its numbers changed stands at one height on its pages
SHAPE_SHARE = 0.5  # … on at least this share of the pages
OVERLAP = 0.25  # of the size: how far the loose boxes of two lines set solid may overlap
FOOTER_CHARS = 40  # a small line in a band this long at most may be a footer (a credit, a folio, a date)
# A nameplate's issue line under it names the issue (第12期, 总第3456期, 今日8版, CN 50-0001, 主办): an article's title
# over its byline and date, also above columns, does not ('张三 李四 2024年3月15日').
_ISSUE = re.compile(
    r"第\s*[\d一二三四五六七八九十百千]+\s*期|总第|今日\s*\d+\s*版|第\s*[A-Z]?\d{1,3}\s*版|CN\s*\d{2}|主办|出版|内部资料"
)
FURNITURE = re.compile(
    r"第\s*[\d一二三四五六七八九十]+\s*[版页]|^[-—–\s]*\d{1,4}[-—–\s]*$|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
    r"|第\s*\d{1,4}\s*期|星期[一二三四五六日天]|责任编辑|美术编辑|版式|校对|^page\s*\d+|^[-—–\s]*[A-Z]\d{1,2}[-—–\s]*$|^[A-Z]\d{1,2}\s",
    re.IGNORECASE,
)
# The page's edition in its banner or folio: 第2版, 第A2版, 2版 · 要闻, A2版, — A2 — (the number is kept).
EDITION = re.compile(
    r"第\s*[A-Z]?\s*(\d{1,3}|[一二三四五六七八九十]{1,3})\s*版|^\s*[A-Z]?\s*(\d{1,3})\s*版"
    r"|^[-—–\s]*[A-Z]\s*(\d{1,2})[-—–\s]*$"
)
_JUMP_MARK = markers.ANY


def _edition_number(text: str) -> int | None:
    match = EDITION.search(text)
    if not match:
        return None
    return markers.number(next(g for g in match.groups() if g))


def _shape(text: str) -> str:
    return re.sub(r"[\d一二三四五六七八九十]+", "#", text)


def _ends_note(line: Line, page: _Page) -> bool:
    """Is ``line`` (small type in a band) the last line of a note whose previous line, right above it in its size and
    across it, is text too long for furniture (more than FOOTER_CHARS) and runs on into it — a word broken
    by a hyphen or a sentence unfinished? A footnote at a column's foot ends in a short line ('sured by Cohen kappa
    was 0.82.') that a footer's size and length alone would drop."""
    for other in page.lines:
        overlap = min(line.x1, other.x1) - max(line.x0, other.x0)
        if (
            other is not line
            and -OVERLAP * line.size <= line.top - other.bottom < 0.8 * line.size
            and abs(other.size - line.size) < 0.1 * line.size
            and overlap > 0.8 * (line.x1 - line.x0)
            and len(other.text) > FOOTER_CHARS
            and not other.text.rstrip().endswith(_NOTE_ENDS)
        ):
            return True
    return False


_NOTE_ENDS = tuple(".!?。！？;；:：")


def drop_furniture(pages: list[_Page], body: float) -> None:
    """Move banners, page numbers, dates and credits in the top/bottom bands out of the body."""

    def in_band(line: Line, page: _Page) -> bool:
        return line.top < FURNITURE_BAND * page.height or line.bottom > (1 - FURNITURE_BAND) * page.height

    def reads_on(line: Line, page: _Page) -> bool:
        """A body line with the next line of its column right below it (the top line of a column that
        reaches into the band), or in the bottom band the line before it right above it (a column's last
        line, with more words than a footer's date or folio): not a banner or a footer, even when it mentions a
        date or '第1版'."""
        if _over_headline(line, page, body):
            return True
        if abs(line.size - body) > 0.1 * body:
            return _ends_note(line, page)
        # (A footer right under the text — a folio, a date, an editor's credit — is nothing but furniture.)
        bottom_band = line.top > 0.5 * page.height and len(FURNITURE.sub("", line.text).strip()) >= 4
        for other in page.lines:
            overlap = min(line.x1, other.x1) - max(line.x0, other.x0)
            if (
                other is not line
                and (
                    # (loose boxes of lines set solid overlap a little: Chromium's 1.2 leading of a 14 pt face)
                    -OVERLAP * line.size <= other.top - line.bottom < 0.8 * line.size
                    or (bottom_band and -OVERLAP * line.size <= line.top - other.bottom < 0.8 * line.size)
                )
                and overlap > 0.8 * min(line.x1 - line.x0, other.x1 - other.x0)
                and abs(other.size - line.size) < 0.1 * body
            ):
                return True
        return False

    # Where each line's shape (its numbers aside) stands in the bands: a banner or folio line repeats at one place,
    # while a numbered head or a sentence that falls near a page's edge on two pages stands at two heights.
    shapes: dict[str, list[tuple[float, str]]] = {}
    for p in pages:
        for ln in p.lines:
            if in_band(ln, p):
                shapes.setdefault(_shape(ln.text), []).append((ln.top, ln.text))

    def shaped(line: Line) -> bool:
        """The shape at the line's place on ``SHAPE_SHARE`` of the pages (two at least), or its very words there on
        three: two numbered heads of a manual ('2.1 小节', '5.2 小节') falling near the foot of two pages of fifteen
        are no banner; a web page's 'Skip to content' printed atop three pages of thirteen is."""
        here = [text for top, text in shapes.get(_shape(line.text), []) if abs(top - line.top) <= SHAPE_LEVEL]
        return len(here) > 1 and (len(here) >= SHAPE_SHARE * len(pages) or here.count(line.text) >= 3)

    # Which pages hold each line's words at each height in the running-head bands: a running head repeats at
    # one height, with the same words (its folio aside) — '第一节' and '第二节' opening two pages are headings.
    pages_at: dict[tuple[str, int], set[int]] = {}
    for p in pages:
        for ln in p.lines:
            if _in_running_band(ln, p) and ln.size < HEAD_RATIO * body:
                pages_at.setdefault((_running_words(ln.text), round(ln.top)), set()).add(p.number)

    def running(line: Line, page: _Page) -> bool:
        """The same words (a folio aside) at the same height (2 pt) on two other pages or more, near the top or
        foot: a note or a table's header repeated on one other page is text, and a running head worth dropping
        runs through a document of three pages or more."""
        if not _in_running_band(line, page) or line.size >= HEAD_RATIO * body:
            return False
        words, top = _running_words(line.text), round(line.top)
        others = set().union(*(pages_at.get((words, t), set()) for t in range(top - 2, top + 3)))
        return len(others - {page.number}) >= 2

    stemmed = running_stems(pages, body)  # a running head naming each page's chapter (qa.formats.pdf.running_stems)
    for page in pages:
        furniture = [
            ln
            for ln in page.lines
            if in_band(ln, page)
            and not _CONT_LINE.match(ln.text)
            and not _JUMP_MARK.search(ln.text)
            and not markers.heading_continuation(ln.text)  # a short jump head atop a column: '变形金刚▼上接第一版'
            and not reads_on(ln, page)
            and (
                FURNITURE.search(ln.text)
                or (len(pages) > 1 and shaped(ln) and ln.size < HEAD_RATIO * body)
                or (ln.size < 0.95 * body and len(ln.text) <= FOOTER_CHARS)
                or id(ln) in stemmed
            )
        ]
        heads = [
            ln
            for ln in page.lines
            if not in_band(ln, page)
            and (running(ln, page) or id(ln) in stemmed)
            and not _CONT_LINE.match(ln.text)
            and not _JUMP_MARK.search(ln.text)
            and not reads_on(ln, page)
        ]
        # A banner's other items (the section name beside '第2版') share its baseline.
        rows = {round(ln.bottom) for ln in furniture}
        head_rows = {round(ln.bottom) for ln in heads if _running_row(ln, page, heads, body)}
        # (Not a jump marker set on a column's last row, nor text that reads on in its column; only lines in
        # the bands can go, so only they are asked.)
        kept = {
            id(ln)
            for ln in page.lines
            if (in_band(ln, page) or _in_running_band(ln, page)) and (_JUMP_MARK.search(ln.text) or reads_on(ln, page))
        }
        gone = {
            id(ln)
            for ln in page.lines
            if id(ln) not in kept
            and (
                (in_band(ln, page) and round(ln.bottom) in rows)
                or (_in_running_band(ln, page) and round(ln.bottom) in head_rows)
            )
        }
        page.furniture = [ln for ln in page.lines if id(ln) in gone]
        page.lines = [ln for ln in page.lines if id(ln) not in gone]
        page.furniture += _masthead(page, body)
        page.furniture += _overlays(page, body)
        for line in page.furniture:
            edition = _edition_number(line.text)
            if edition is not None:
                page.edition = edition
                break


def _over_headline(line: Line, page: _Page, body: float) -> bool:
    """Is ``line`` a kicker or a subtitle in the banner band: a short line in smaller type right over or right under
    headline type (within its own size, across it), with no banner's or issue line's words? A page's first stories
    start close under its running head, and a kicker or a subtitle set small by a headline there is not a date or
    an edition line for being small and high (nor is the headline beside it, on its row)."""
    return (
        line.size < HEAD_RATIO * body
        and len(line.text) <= 40
        and not FURNITURE.search(line.text)
        and not _ISSUE.search(line.text)
        and any(
            h.size >= max(HEAD_RATIO * body, 1.25 * line.size)
            and (0 <= h.top - line.bottom <= line.size or 0 <= line.top - h.bottom <= line.size)
            and h.x0 < line.x1
            and line.x0 < h.x1
            for h in page.lines
        )
    )


def _running_words(text: str) -> str:
    """A running line's words without its folio ('12  第 1 节 简介', '第 1 节 简介  13') or spaces. A folio
    alone ('5', '— 12 —') reads as any other page's folio: a book's page number centred at its foot, further in
    than the banner band (TeX sets it 0.1 of an A4 page from its edge) and a size above the body, was read as a
    heading on every page."""
    if _FOLIO.fullmatch(text):
        return "#"
    return re.sub(r"\s+", "", _FOLIO_ENDS.sub("", text))


_FOLIO_ENDS = re.compile(r"^\s*\d{1,4}\s+|\s+\d{1,4}\s*$")


def _running_row(line: Line, page: _Page, heads: list[Line], body: float) -> bool:
    """Is ``line`` a running head's row: the page's first (or last) row of text, set apart from the text by more
    than a line's white (a table's header row repeated atop each page sits at the table's row pitch), holding
    nothing but running lines and folios? A repeated byline or kicker inside a newspaper's columns has text
    above and below it."""
    rest = [ln for ln in page.lines if abs(ln.bottom - line.bottom) > 1]
    if line.top < page.height / 2:
        edge = all(ln.top >= line.bottom - 1 for ln in rest)
        gap = min((ln.top - line.bottom for ln in rest), default=page.height)
    else:
        edge = all(ln.bottom <= line.top + 1 for ln in rest)
        gap = min((line.top - ln.bottom for ln in rest), default=page.height)
    if gap < body:
        return False
    mates = [ln for ln in page.lines if abs(ln.bottom - line.bottom) <= 1]
    return edge and all(ln in heads or FURNITURE.search(ln.text) for ln in mates)


def _overlays(page: _Page, body: float) -> list[Line]:
    """Display type printed over the text (a '机密' or '样张' stamp, a draft watermark set level), taken out of the
    body: a large line whose box covers the middle of two or more smaller lines it crosses. Type that is read never
    sits on other type — a headline, a pull quote or a drop cap has its own space, the text set round it — while a
    stamp, drawn over a page already set, became a one-line 'headline' that split the article it lies on."""
    # (A word: two letters or more. A big operator or brace of display maths spans the rows of its formula.)
    big = [ln for ln in page.lines if ln.size >= HEAD_RATIO * body and sum(ch.isalpha() for ch in ln.text) >= 2]
    gone = []
    for line in big:
        crossed = 0
        for other in page.lines:
            middle = (other.top + other.bottom) / 2
            if (
                other is not line
                and other.size < 0.6 * line.size
                and line.top < middle < line.bottom
                and min(line.x1, other.x1) - max(line.x0, other.x0) > 0.5 * (line.x1 - line.x0)
            ):
                crossed += 1
        if crossed >= 2:
            gone.append(line)
    page.lines = [ln for ln in page.lines if all(ln is not g for g in gone)]
    return gone


def _in_running_band(line: Line, page: _Page) -> bool:
    return line.top < RUNNING_BAND * page.height or line.bottom > (1 - RUNNING_BAND) * page.height


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
    top = _top_band(page.lines, body)
    display = [ln for ln in top if ln.size >= HEAD_RATIO * body]
    rest = [ln for ln in top if ln.size < HEAD_RATIO * body]
    if display:
        rest += _ear_gone_beside(page, display, body)
    under = bool(display) and not rest  # the ear under the name, not beside it
    if under:
        foot = max(ln.bottom for ln in display)
        reach = max(1.5 * body, 0.6 * max(ln.size for ln in display))  # the space under display type grows with it
        below = [
            ln
            for ln in page.lines + page.furniture  # (the issue line may already be out, as a banner line)
            if ln not in top and foot - 1 <= ln.top <= foot + reach and ln.size < HEAD_RATIO * body
        ]
        issue = [ln for ln in below if _ear_line(ln.text) and not _JUMP_MARK.search(ln.text)]
        rows = {round(ln.bottom) for ln in issue}
        rest = [ln for ln in below if ln in issue or (round(ln.bottom) in rows and ln.size < 0.95 * body)]
        top = top + [ln for ln in rest if ln not in page.furniture]
    if (
        not display
        or not rest
        or min(ln.top for ln in top) > 0.25 * page.height
        or max(ln.bottom for ln in display) - min(ln.top for ln in display) > 1.5 * max(ln.size for ln in display)
        or len({round(ln.bottom) for ln in rest}) > 6
        or any(_JUMP_MARK.search(ln.text) or _CONT_LINE.match(ln.text) for ln in top)
        or not any(_ear_line(ln.text) for ln in rest)
        or (under and (not _columns_below(page, top) or not any(_ISSUE.search(ln.text) for ln in rest)))
    ):
        return []
    page.lines = [ln for ln in page.lines if ln not in top]
    return list(top)


def _top_band(lines: list[Line], body: float) -> list[Line]:
    """The page's top band: its lines above the first full-width gap — and, when those are small lines only, the
    band under them too while they stack on down to it beside its display type, a line's space apart at most.

    An ear (报眼: date, 星期, 第N期, CN number stacked in a box) set beside a flag at the page's left may start higher
    than the paper's name: its first lines then stand alone over a full-width gap, and the name's row, under them,
    was asked as the lead's headline. Lines stacked down into the name's row, clear of the name across, are its ear;
    a running head or a kicker over a headline lies over it, not beside it."""
    bands = sorted(_bands(lines), key=lambda band: min(ln.top for ln in band))
    top = list(bands[0])
    for band in bands[1:]:
        if (
            any(ln.size >= HEAD_RATIO * body for ln in top)
            or min(ln.top for ln in band) - max(ln.bottom for ln in top) > body
        ):
            break
        display = [ln for ln in band if ln.size >= HEAD_RATIO * body]
        if any(d.x0 < ln.x1 and ln.x0 < d.x1 for d in display for ln in top):
            break  # small lines over the display type: a running head, a kicker — no ear beside a name
        top += band
    return top


def _ear_gone_beside(page: _Page, display: list[Line], body: float) -> list[Line]:
    """The nameplate's ear beside the name when it is already out as banner lines: a nameplate high on the page
    has its ear (date, 星期, 第N期, CN number) in the furniture band, where those lines went first as dates and
    issue lines. They still say the display row beside them is the paper's name, not the lead's headline: lines
    of the furniture, smaller than headline type, level with the display row and clear of it across."""
    top, foot = min(ln.top for ln in display), max(ln.bottom for ln in display)
    return [
        ln
        for ln in page.furniture
        if ln.size < HEAD_RATIO * body
        and ln.top < foot
        and ln.bottom > top
        and not any(ln.x0 < d.x1 and d.x0 < ln.x1 for d in display)
    ]


def _columns_below(page: _Page, top: list[Line]) -> bool:
    """Does text stand in columns under ``top`` (lines side by side on three rows or more)? A nameplate with its
    issue line under it heads a page of columns; a letter's or a notice's title over its date ('会议通知' over
    '会议时间：2024年5月8日…') heads one column of text, and is its first section, not furniture. (An ear beside
    the name is asked nothing: no title is set with its date beside it.)"""
    inside = {id(ln) for ln in top}
    lines = sorted((ln for ln in page.lines if id(ln) not in inside), key=lambda ln: ln.x0)
    rows = set()
    for i, a in enumerate(lines):
        for b in lines[i + 1 :]:
            if b.x0 > a.x1 and b.top < a.bottom and a.top < b.bottom:
                rows.add(round(a.bottom))
                break
        if len(rows) >= 3:
            return True
    return False


_FOLIO = re.compile(r"[-—–\s]*\d{1,4}[-—–\s]*")


def _ear_line(text: str) -> bool:
    """A line of a nameplate's ear: a date, a weekday, an issue or edition — not a bare number, which under a
    chapter's title opening a manual's page is a contents entry's page or a listing's line number."""
    return bool(FURNITURE.search(text)) and not _FOLIO.fullmatch(text)
