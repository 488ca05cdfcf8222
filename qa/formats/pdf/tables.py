"""Ruled tables: a table's cells read row by row, one line per row ('名称 | 版本 | 说明'), none of their text lost.

Why: a table printed from a web page or a word processor sets each cell as a short line of its own. Read as
lines, the cells of one column run together as a column of the page (XY-cut), a cell's wrapped words join
the next cell's, cells on one baseline join into one line, and a value a user searches for ('V:857, I:951')
is no longer where its row is. A user reading a hit expects the row: the package, its popularity, its size,
its description — on one line, in the page's order.

How: the page's ruling (thin paths and the sides of drawn rectangles, read from pdfium's path objects with
their segments, so a grid drawn as one path of many lines counts as well as a cell drawn as four boxes) goes
through pdfplumber's own table finder (``pdfplumber.table``: edges snapped and joined, their intersections,
the cells the intersections close, the tables the cells make up, with its default tolerances) — a well-kept
implementation of the "lattice" method Camelot and RAGFlow's deepdoc also use for ruled tables — applied to
pdfium's paths, so the page is not parsed a second time with pdfminer (five times slower). The page's lines
then fall into the cells by their middle, and each table row becomes one ``Line`` as wide as the table, its
cells' texts joined by ' | ' (a cell's own lines joined as a paragraph's; an empty cell left out, as the DOCX
and HTML readers do). ``Line.row`` keeps the row a paragraph of its own, and ``quoted`` keeps a bold header
row from reading as a subhead.

Only ruled grids are read so (text-aligned tables without ruling stay as the rest of the page): a grid is a
table only when it has two rows and two columns of cells, its cells hold a few lines each, no line lies across
two cells or in the grid outside every cell, and no line is headline type. A newspaper's boxed articles or
rules between modules make cells of dozens of lines, a page's frame holds the page: neither is read as a table.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass

from qa.formats.pdf.borderless import borderless_tables
from qa.formats.pdf.lines import HEAD_RATIO, Line, _Char, _wide, rows_to_lines
from qa.formats.pdf.paragraphs import NAME_PART

log = logging.getLogger(__name__)

THIN = 2.5  # pt: a path this thin (or a side of a rectangle) is a rule
MIN_EDGE = 3.0  # pt: shorter rules are no table's (pdfplumber's edge_min_length)
MAX_SEGMENTS = 400  # a path of more segments is a drawing (a chart, an icon), not ruling
# Set on the TUNING pages of benchmarks/real_printed.py (46 PDFs): their tables' cells hold at most 10 rows of text,
# the one grid there that is no table (a page laid out in a bordered table, its menu a cell) 13 to 20.
MAX_CELL_LINES = 12  # a cell holding more rows than this is a frame round text (a menu, a boxed article), no cell
ACROSS_SHARE = 0.05  # a grid whose sides part more of its characters' words than this is ruling over text
PARALLEL_SHARE = 0.8  # rows of a two-column table in two scripts, one each side, that make it a parallel text
PROSE_CHARS = 20  # CJK characters (Latin: twice as many) in a cell that make it prose rather than a term
PROSE_WORDS = 3  # words before a line-end hyphen that make a cell prose a typesetter hyphenates
PAGE_MARK_CHARS = 12  # characters beyond a one-row grid that still leave it at its page's edge (a page number)
TIGHT = 0.15  # x the size: characters this close on one baseline are one word, which no cell's side parts

Edge = tuple[float, float, float, float]  # x0, top, x1, bottom (y from the page's top)


def object_edges(obj, raw, height: float) -> list[Edge]:  # noqa: ANN001 - pypdfium2 path object and raw module
    """A path object's horizontal and vertical rules: the object itself when thin, else every straight
    axis-parallel segment of it (a rectangle's four sides, a grid's lines drawn as one path), y from the top.
    Called from ``page._page_paths``'s one walk over the page's path objects."""
    import ctypes

    left, bottom, right, top = obj.get_bounds()
    if right - left < MIN_EDGE and top - bottom < MIN_EDGE:
        return []
    if right - left <= THIN or top - bottom <= THIN:  # a rule drawn as a thin box or a stroked line
        return [(left, height - top, right, height - bottom)]
    count = raw.FPDFPath_CountSegments(obj.raw)
    if count <= 0 or count > MAX_SEGMENTS:
        return []
    x, y = ctypes.c_float(), ctypes.c_float()
    m = obj.get_matrix()
    points: list[tuple[int, float, float, bool]] = []
    for i in range(count):
        seg = raw.FPDFPath_GetPathSegment(obj.raw, i)
        if not raw.FPDFPathSegment_GetPoint(seg, x, y):
            return []
        px, py = m.a * x.value + m.c * y.value + m.e, m.b * x.value + m.d * y.value + m.f
        points.append((raw.FPDFPathSegment_GetType(seg), px, py, bool(raw.FPDFPathSegment_GetClose(seg))))
    edges: list[Edge] = []
    start = prev = None
    for kind, px, py, close in points:
        if kind == raw.FPDF_SEGMENT_MOVETO:
            start = prev = (px, py)
            continue
        if kind == raw.FPDF_SEGMENT_LINETO and prev is not None:
            edges += _straight(prev, (px, py), height)
            if close and start is not None:
                edges += _straight((px, py), start, height)
        prev = (px, py)
    return edges


def _straight(a: tuple[float, float], b: tuple[float, float], height: float) -> list[Edge]:
    """The segment a–b as an edge when it is horizontal or vertical and long enough."""
    (x0, y0), (x1, y1) = a, b
    if abs(y0 - y1) <= 0.5 and abs(x1 - x0) >= MIN_EDGE:
        return [(min(x0, x1), height - y0, max(x0, x1), height - y0)]
    if abs(x0 - x1) <= 0.5 and abs(y1 - y0) >= MIN_EDGE:
        return [(x0, height - max(y0, y1), x0, height - min(y0, y1))]
    return []


@dataclass
class _Grid:
    rows: list[list[tuple[float, float, float, float]]]  # each row's cells left to right (merged cells once)
    bbox: tuple[float, float, float, float]


def _grids(edges: list[Edge]) -> list[_Grid]:
    """pdfplumber's lattice: edges → snapped and joined → intersections → cells → tables of cells → rows."""
    vertical = [e for e in edges if e[2] - e[0] <= THIN and e[3] - e[1] >= MIN_EDGE]
    horizontal = [e for e in edges if e[3] - e[1] <= THIN and e[2] - e[0] >= MIN_EDGE]
    if len(vertical) < 3 or len(horizontal) < 2:  # two columns need three verticals; one row two horizontals
        return []
    from pdfplumber import table as plumb

    objs = []
    for x0, top, x1, bottom in vertical:
        mid = (x0 + x1) / 2
        objs.append(
            {"x0": mid, "x1": mid, "top": top, "bottom": bottom, "width": 0, "height": bottom - top, "orientation": "v"}
        )
    for x0, top, x1, bottom in horizontal:
        mid = (top + bottom) / 2
        objs.append({"x0": x0, "x1": x1, "top": mid, "bottom": mid, "width": x1 - x0, "height": 0, "orientation": "h"})
    settings = plumb.TableSettings()  # pdfplumber's defaults: snap and join within 3 pt, edges of 3 pt or more
    merged = plumb.merge_edges(
        objs, settings.snap_tolerance, settings.snap_tolerance, settings.join_tolerance, settings.join_tolerance
    )
    merged = [
        e
        for e in merged
        if (e["x1"] - e["x0"] if e["orientation"] == "h" else e["bottom"] - e["top"]) >= settings.edge_min_length
    ]
    points = plumb.edges_to_intersections(merged, settings.intersection_tolerance, settings.intersection_tolerance)
    cells = plumb.intersections_to_cells(points)
    grids = []
    for group in plumb.cells_to_tables(cells):
        table = plumb.Table(None, group)
        rows = [[c for c in row.cells if c is not None] for row in table.rows]
        grids.append(_Grid([r for r in rows if r], table.bbox))
    return grids


def _inside(mx: float, my: float, box: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = box
    return x0 <= mx < x1 and top <= my < bottom


def _middle(ch: _Char) -> tuple[float, float]:
    return (ch.x0 + ch.x1) / 2, (ch.top + ch.bottom) / 2


_FIGURE_CELL = re.compile(r"[-+−(（]?[\d,.，%％)）]+")  # a line of a cell holding only (part of) a figure
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")  # a figure with thousands separators, whole
_GROUPED_HEAD = re.compile(r"\d{1,3}(?:,\d{3})*(?:\.\d+)?")
_TAIL = re.compile(r"[\d,.]+$")
_HEAD = re.compile(r"^[\d,.]+")
_LATIN_END = re.compile(r"[A-Za-z0-9.,;:!?)\]'\"’”%]$")
_LATIN_START = re.compile(r"^[A-Za-z0-9(\['\"‘“$€£]")


def splits_figure(text: str, t: str) -> bool:
    """Does a line break fall inside one figure: '3,215,487,90' / '2.15' (a word processor breaks a figure too
    wide for its cell anywhere), or a line ending on a separator ('1,204,' / '330')?"""
    tail, head = _TAIL.search(text), _HEAD.match(t)
    if not tail or not head or not tail.group(0)[:1].isdigit():
        return False
    if tail.group(0)[-1] in ",." and head.group(0)[:1].isdigit():
        return True
    joined = tail.group(0) + head.group(0)
    return bool(_GROUPED.fullmatch(joined)) and not _GROUPED_HEAD.fullmatch(tail.group(0))


def join_cell(lines: list[Line]) -> str:
    """A cell's lines as one text: Latin words part with a space, CJK runs on. A hyphen ending a line stays
    when a name goes on ('grub-efi-' / 'amd64': a browser breaks a name after its own hyphen), and goes where a
    typesetter hyphenated a word in a cell of prose ('from 1 Jan-' / 'uary', as ``paragraphs.join_lines`` reads a
    paragraph's lines; a cell of one name, 'init-system-' / 'helpers', is a browser's break after the name's own
    hyphen).
    A figure is never split: a cell of one figure wrapped ('78,220,315.4' / '4') or a grouped figure broken
    mid-group runs on, so '3,215,487,902.15' stays what a user searches for."""
    texts = [ln.text.strip() for ln in sorted(lines, key=lambda ln: (ln.top, ln.x0))]
    texts = [t for t in texts if t]
    if len(texts) > 1 and all(_FIGURE_CELL.fullmatch(t) for t in texts):
        return "".join(texts)
    text = ""
    for t in texts:
        if not text:
            text = t
        elif splits_figure(text, t):
            text += t
        elif (
            text.endswith("-")
            and t[:1].islower()
            and text[-2:-1].isalpha()
            and not NAME_PART.match(t)
            and len(text.split()) >= PROSE_WORDS
        ):
            text = text[:-1] + t  # a word a typesetter hyphenated in a cell of prose ('from 1 Jan-' / 'uary')
        elif _LATIN_END.search(text) and _LATIN_START.match(t):
            text = f"{text} {t}"
        else:
            text += t
    return text


def _runs_across(chars: list[_Char], cell_of: dict[int, int]) -> list[_Char]:
    """The characters of words that run across a cell's side (characters set tight on one baseline in two
    cells): text laid over the grid (a printed page's footer over a table running on under it), or rules drawn
    over text (a strike-through, a box round a phrase) rather than between a table's cells."""
    placed = sorted((ch for ch in chars if id(ch) in cell_of), key=lambda ch: (round(ch.base), ch.x0))
    runs: list[list[_Char]] = []
    for ch in placed:
        last = runs[-1][-1] if runs else None
        if (
            last is not None
            and abs(last.base - ch.base) <= 0.2 * last.size
            and -TIGHT * last.size < ch.x0 - last.x1 < TIGHT * last.size
            and not ch.text.isspace()
            and not last.text.isspace()
        ):
            runs[-1].append(ch)
        else:
            runs.append([ch])
    return [ch for run in runs if len({cell_of[id(c)] for c in run}) > 1 for ch in run]


def _baselines(chars: list[_Char]) -> int:
    """How many rows of text the characters stand on."""
    count, last = 0, None
    for ch in sorted((ch for ch in chars if not ch.text.isspace()), key=lambda ch: ch.base):
        if last is None or ch.base - last > 0.35 * ch.size:
            count += 1
        last = ch.base
    return count


def _script(text: str) -> str:
    """'cjk' for a text mostly of CJK characters, 'latin' for one mostly of Latin letters, '' otherwise."""
    wide = sum(1 for c in text if _wide(c) and c.isalnum())
    latin = sum(1 for c in text if c.isascii() and c.isalpha())
    if wide >= 4 and wide > 2 * latin:
        return "cjk"
    if latin >= 8 and latin > 4 * wide:
        return "latin"
    return ""


def parallel_text(cells: list[list[str]], least: int = 2) -> bool:
    """Is the table a two-column parallel text (a bilingual contract: the Chinese clause left, its English right)?

    Every row's two cells, where both are filled, are in two scripts, the same one on the same side, and some
    cells run to prose (a sentence, not a term): a glossary's '生物特征模板 | biometric template' stays a row.
    ``least``: rows in both scripts needed (one where a page break left a single row of the table on the page)."""
    if any(len(row) != 2 for row in cells):
        return False
    both = [row for row in cells if all(row)]
    if len(both) < least:
        return False
    sides = Counter((_script(a), _script(b)) for a, b in both)
    (pair, count), = sides.most_common(1)
    if pair not in (("cjk", "latin"), ("latin", "cjk")) or count < PARALLEL_SHARE * len(both):
        return False
    if least < 2:  # a lone row: both its cells prose (a page's running head, its date left and title right, is not)
        return all(len(t) >= PROSE_CHARS * (1 if _script(t) == "cjk" else 2) for row in both for t in row)
    prose = sum(1 for row in both if any(len(t) >= PROSE_CHARS * (1 if _script(t) == "cjk" else 2) for t in row))
    return prose * 3 >= len(both)


def row_line(text: str, lines: list[Line], bbox: tuple[float, float, float, float], page: int, top: float) -> Line:
    """One line as wide as the table standing for ``lines`` (a row, or one cell of a parallel text's row)."""
    sizes = Counter(round(ln.size, 1) for ln in lines for _ in ln.text)
    # Bold as most of its letters are: the document's share of bold body text (which tells whether weight
    # marks headings at all, qa.formats.pdf.read_pdf) stays what the cells made it. ``quoted`` keeps a bold
    # row from heading anything.
    bold = 2 * sum(len(ln.text) for ln in lines if ln.bold) > sum(len(ln.text) for ln in lines)
    return Line(
        text,
        bbox[0],
        bbox[2],
        top,
        max(top + 0.1, max(ln.bottom for ln in lines)),
        sizes.most_common(1)[0][0],
        bold,
        page,
        core_x1=bbox[2],
        quoted=True,
        row=True,
    )


def _at_page_edge(grid: _Grid, chars: list[_Char], body: float) -> bool:
    """Does the grid end its page's text or start it (a header row the page break parted from its table's body,
    or a table's last row carried over)? Text beyond it is at most a page number's few characters."""
    x0, top, x1, bottom = grid.bbox
    below = [ch for ch in chars if ch.top >= bottom - 1 and not ch.text.isspace()]
    above = [ch for ch in chars if ch.bottom <= top + 1 and not ch.text.isspace()]
    return len(below) <= PAGE_MARK_CHARS or len(above) <= PAGE_MARK_CHARS


def _table_rows(grid: _Grid, chars: list[_Char], page: int, body: float) -> tuple[list[Line], set[int]] | None:
    """The grid's rows as lines and the ids of the characters they take, or None when it is no text table."""
    if not grid.rows or max(len(r) for r in grid.rows) < 2:
        return None
    single = len(grid.rows) == 1  # read only when a page break parted it from its table (``_at_page_edge``)
    if single and not _at_page_edge(grid, chars, body):
        return None
    within = [ch for ch in chars if _inside(*_middle(ch), grid.bbox)]
    if not any(not ch.text.isspace() for ch in within):
        return None
    cells = [cell for row in grid.rows for cell in row]
    cell_of: dict[int, int] = {}
    for ch in within:
        mx, my = _middle(ch)
        for k, cell in enumerate(cells):
            if _inside(mx, my, cell):
                cell_of[id(ch)] = k
                break
    if any(id(ch) not in cell_of and not ch.text.isspace() for ch in within):
        return None  # text in the grid outside its cells
    if any(ch.size >= HEAD_RATIO * body for ch in within if not ch.text.isspace()):
        return None  # headline type: a page's frame or a boxed article, not a table
    across = _runs_across(within, cell_of)
    if len(across) > ACROSS_SHARE * len(within):
        return None  # the ruling parts words: no table's
    for ch in across:  # a few words over the grid are not the table's: they stay lines of the page
        del cell_of[id(ch)]
    read: list[list[tuple[str, list[Line]]]] = []  # each row's cells: (text, lines)
    k = 0
    for row in grid.rows:
        row_cells: list[tuple[str, list[Line]]] = []
        for _ in row:
            held = [ch for ch in within if cell_of.get(id(ch)) == k]
            k += 1
            if _baselines(held) > MAX_CELL_LINES:
                return None  # a frame round text (a boxed article), not a cell
            lines = rows_to_lines(held, page, body) if held else []
            row_cells.append((join_cell(lines), lines))
        read.append(row_cells)
    filled = sum(1 for row in read for text, _ in row if text)
    if single:
        if filled < 2 or any(len(lines) > 3 for row in read for _, lines in row):
            return None  # a header row has a few short cells; a box of text is no table's row
    elif filled < 3 or sum(1 for row in read if any(text for text, _ in row)) < 2:
        return None  # too little text for a table
    out: list[Line] = []
    if parallel_text([[text for text, _ in row] for row in read]):
        # A parallel text: each row's cells one after the other, the left first, each a paragraph of its own, so
        # neither language's sentence runs into the other's and a clause's number heads its text.
        for row in read:
            top = min((ln.top for _, lines in row for ln in lines), default=0.0)
            for n, (text, lines) in enumerate(c for c in row if c[0]):
                out.append(row_line(text, lines, grid.bbox, page, top + 0.01 * n))
        return out, set(cell_of)
    for row in read:
        texts = [text for text, _ in row if text]
        if not texts:
            continue
        row_lines = [ln for _, lines in row for ln in lines]
        out.append(row_line(" | ".join(texts), row_lines, grid.bbox, page, min(ln.top for ln in row_lines)))
        out[-1].cells = tuple(text for text, _ in row)  # (a row a page break parts: qa.formats.pdf.carried_rows)
    return out, set(cell_of)


def read_tables(chars: list[_Char], edges: list[Edge], page: int, body: float) -> tuple[list[_Char], list[Line]]:
    """The page's characters outside ruled tables, and each table's rows as lines (see the module's doc)."""
    if len(edges) < 5 or not chars:
        return chars, []
    rows: list[Line] = []
    taken: set[int] = set()
    try:
        grids = _grids(edges)
    except Exception as exc:  # noqa: BLE001 - a table finder's failure must not cost the page: read it as before
        log.warning("page %d: tables not read, the page read as lines (%s: %s)", page, type(exc).__name__, exc)
        return chars, []
    for grid in grids:
        found = _table_rows(grid, [ch for ch in chars if id(ch) not in taken], page, body)
        if found is None:
            continue
        out, took = found
        rows += out
        taken |= took
    if not rows:
        return chars, []
    return [ch for ch in chars if id(ch) not in taken], rows


def page_lines(chars: list[_Char], edges: list[Edge], page: int, body: float) -> list[Line]:
    """The page's lines (``lines.rows_to_lines``), each table's rows among them as one line a row (a parallel
    text's cells one line each)."""
    rest, rows = read_tables(chars, edges, page, body)
    rest, bare = borderless_tables(rest, page, body)  # tables set without ruling (qa.formats.pdf.borderless)
    rows += bare
    lines = rows_to_lines(rest, page, body)
    return sorted(lines + rows, key=lambda ln: (ln.top, ln.x0)) if rows else lines
