"""Page furniture the repetition rules cannot see: a folio set far in from the edge, a header printed on one page only,
a header line kept on the pages where a title opens the page.

The furniture step (``qa.formats.pdf.furniture``) finds a running head by its repeating on other pages, inside bands
measured from the paper's edge. Three cases escape it, and each was read into the text:

- LaTeX's article class on A4 sets its folio 0.16 of the page from the foot, outside every band: '1' and '2' ran into
  a paragraph's last line ('…位于秦岭南1').
- A short paper whose first page has its own style (``\\maketitle``'s plain page, then fancyhdr's header) prints its
  header ('气象科学学报 第45卷 第3期 … 2025年6月') on one page of two: repeated nowhere, it ran into the paragraph
  continued from the page before.
- A header line repeated on every page but kept where a chapter's title opens the page right under it: it read as
  the title's kicker (Chromium's print date '12/1/26, 5:18 AM' over '第3章 安全').

Each is a row standing apart at the page's edge; what makes it furniture is a folio's number repeated at one place,
a header's words (an issue, a date), or the same words at the same place on most pages.
"""

from __future__ import annotations

from collections import defaultdict

from qa.formats.pdf.furniture import FURNITURE
from qa.formats.pdf.lines import HEAD_RATIO, Line, _Page
from qa.formats.pdf.spilled import FOLIO_LINE
from qa.formats.widgets import printed_widget_line, without_trailing_buttons

EDGE = 0.25  # share of the page height at its top or foot where a folio can stand (LaTeX's A4 article: 0.16)
HEADER_BAND = 0.15  # share of the page height at its top where a header stands (TeX's sit 0.06-0.12 from the edge)
LEVEL = 2.0  # pt: a folio or a header stands at one height on every page
SHARE = 0.5  # a folio (or a repeated line) at one place on this share of the pages, two at least
MIN_PAGES = 2
REPEATS = 3  # pages holding one line's words at one place, at least, before they are furniture wherever they stand
WIDE = 0.25  # share of the text's width: the gap between a header's left and right parts (the paper's: 0.6)
RULED = 0.8  # share of the text's width a rule under a header spans
OUTER = 0.075  # share of the page height at its top or foot: the furniture step's band of banners and folios


def _edge_row(page: _Page, top: bool, body: float) -> list[Line]:
    """The page's first (``top``) or last row of text when a line's white or more sets it apart from the rest."""
    if not page.lines:
        return []
    edge = min(page.lines, key=lambda ln: ln.top) if top else max(page.lines, key=lambda ln: ln.bottom)
    row = [ln for ln in page.lines if abs(ln.bottom - edge.bottom) <= 1]
    rest = [ln for ln in page.lines if all(ln is not r for r in row)]
    if not rest:
        return []
    if top:
        gap = min(ln.top for ln in rest) - max(ln.bottom for ln in row)
    else:
        gap = min(ln.top for ln in row) - max(ln.bottom for ln in rest)
    return row if gap >= body else []


def _folios(pages: list[_Page], body: float) -> list[tuple[_Page, Line]]:
    """Page numbers alone on the page's first or last row ('3', '第3页', '3/12'), at one height on ``SHARE`` of the
    pages: a page number alone at the same place page after page is the folio, however far in from the edge."""
    found: list[tuple[_Page, Line]] = []
    for page in pages:
        for top in (True, False):
            row = _edge_row(page, top, body)
            if len(row) == 1 and FOLIO_LINE.fullmatch(row[0].text):
                near = row[0].top < EDGE * page.height if top else row[0].bottom > (1 - EDGE) * page.height
                if near:
                    found.append((page, row[0]))
    need = max(MIN_PAGES, SHARE * len(pages))
    return [
        (page, line)
        for page, line in found
        if len({p.number for p, other in found if abs(other.top - line.top) <= LEVEL}) >= need
    ]


def _header_shaped(row: list[Line], page: _Page, body: float) -> bool:
    """Is the row laid out as a running header: parts at the text's left and right margins parted by a wide gap
    (fancyhdr's left and right heads), or ruled right under across the text? A document's own first line (an issue
    line, '发布时间：…') and a signature's date set right under the text are one part at one side, unruled."""
    x0 = min(ln.x0 for ln in page.lines)
    x1 = max(ln.x1 for ln in page.lines)
    width = x1 - x0
    parts = sorted(row, key=lambda ln: ln.x0)
    split = len(parts) >= 2 and any(b.x0 - a.x1 >= WIDE * width for a, b in zip(parts, parts[1:], strict=False))
    if split and parts[0].x0 - x0 <= body and x1 - max(ln.x1 for ln in parts) <= body:
        return True
    bottom = max(ln.bottom for ln in row)
    return any(0 <= y - bottom <= body and r1 - r0 >= RULED * width for r0, r1, y in page.rules)


def _lone_headers(pages: list[_Page], body: float) -> list[tuple[_Page, Line]]:
    """A page's first row, apart from the text, in text type or smaller, in the header band, one of its lines reading
    as a header's words (an issue '第3期', a date, a folio), laid out as a header: a header printed on this page alone.
    Never on the first page (a document opens with its own issue or date line, and a page style that differs from
    the rest is the first page's), and never at the foot (a notice's last row, its date under the signature)."""
    if len(pages) < MIN_PAGES:
        return []
    found = []
    for page in pages[1:]:
        row = _edge_row(page, True, body)
        if (
            row
            and max(ln.bottom for ln in row) < HEADER_BAND * page.height
            and all(ln.size < HEAD_RATIO * body for ln in row)
            and any(FURNITURE.search(ln.text) for ln in row)
            and _header_shaped(row, page, body)
        ):
            found += [(page, ln) for ln in row]
    return found


def _repeated(pages: list[_Page], body: float) -> list[tuple[_Page, Line]]:
    """Lines in the outermost band whose words stand at the same place (``LEVEL``) on ``SHARE`` of the pages (three at
    least), kept where the furniture step read them as a kicker over a title opening the page. A kicker or a
    sentence does not repeat word for word at one place page after page; a table's repeated header row is a row.
    Only text type or smaller, as in the furniture step: a slide's title repeated on the slides it runs over is a
    heading, set larger than the points under it."""
    where: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for page in pages:
        for ln in page.lines + page.furniture:
            where[ln.text].append((page.number, ln.top))
    need = max(REPEATS, SHARE * len(pages))
    found = []
    for page in pages:
        for ln in page.lines:
            outer = ln.top < OUTER * page.height or ln.bottom > (1 - OUTER) * page.height
            if outer and not ln.row and ln.text.strip() and ln.size < HEAD_RATIO * body:
                places = {n for n, top in where[ln.text] if abs(top - ln.top) <= LEVEL}
                if len(places) >= need:
                    found.append((page, ln))
    return found


def _widgets(page: _Page) -> list[Line]:
    """A printed web page's widgets at the page's top and foot (``qa.formats.widgets``): the rows from either edge
    inwards while each is nothing but widgets ('分享到：微信 微博 QQ空间', '【打印本页】【关闭窗口】 返回顶部'), and the
    widget lines of the first row that is not (a share bar set beside the article's date). What the HTML reader drops
    from the page's markup, the browser's print of it keeps as such lines; a widget's word in a sentence of the
    article, or a row of text between them, is kept. The buttons ending a line of that row ('发布时间：… 字体：【大 中
    小】') leave it."""
    rows: list[list[Line]] = []
    for ln in sorted(page.lines, key=lambda ln: ln.bottom):
        if rows and ln.bottom - rows[-1][0].bottom <= LEVEL:
            rows[-1].append(ln)
        else:
            rows.append([ln])
    found: dict[int, Line] = {}
    for edge in (rows, rows[::-1]):
        for row in edge:
            widgets = {id(ln): ln for ln in row if printed_widget_line(ln.text)}
            found |= widgets
            if len(widgets) < len(row):
                for ln in row:
                    if id(ln) not in widgets:
                        ln.text = without_trailing_buttons(ln.text)
                break
    return list(found.values())


def drop_edge_furniture(pages: list[_Page], body: float) -> None:
    """Move far-set folios, one-page headers, header lines kept on one page and a printed web page's widgets out of
    the body into the furniture (after ``qa.formats.pdf.furniture.drop_furniture``: the lines it took out count as
    repeats)."""
    found = _repeated(pages, body) + _folios(pages, body) + _lone_headers(pages, body)
    found += [(page, ln) for page in pages for ln in _widgets(page)]
    for page in pages:
        out = {id(ln) for p, ln in found if p is page}
        if out:
            page.furniture += [ln for ln in page.lines if id(ln) in out]
            page.lines = [ln for ln in page.lines if id(ln) not in out]
