"""Tables without ruling: a bilingual contract's two columns, a report's figures set in aligned columns.

Why: a word processor's table without borders (how a bilingual contract is usually laid out: the Chinese clause in
the left cell, its English in the right) prints as two columns of text with nothing drawn. Read as lines, a cell's
wrapped line became a heading ('租赁期限为三年，自2026年1月1日起', its clause '第二条' left empty), a Chinese
cell ran into the English one beside it ('第一条 租赁物Article 1 …'), and a report's figures lost the row they stand in.

How: a run of the page's lines (body type) that leaves one or more vertical white strips (gutters) down its whole
height, text on both sides of each, is a candidate; its columns are the spans between the gutters. Rows: a line
set after more space than the run's usual line pitch starts a row; so does a line where every column has text after
a line where some column had none (a shorter cell ended); and where every column has text on two lines running,
the second starts a row unless every column's first line ran full (all cells wrapped). A candidate is read as a
table only when it holds what a table and no page layout does (``qa.formats.pdf.tables`` reads ruled ones):

- a parallel text: two columns, each row's cells in two scripts, the same on the same side
  (``tables.parallel_text``), whose rows line up as a translation's (``_lined_up``: both cells of a row start on its
  first line, no row boundary cuts a cell that runs on, the same numbering on both sides, the English about as
  long against the Chinese on every row) — read cell by cell, the left first, each a paragraph of its own. A
  two-column page in two scripts (a Chinese paper's conclusions left, its English references right) is no
  translation: its rows, cut wherever either column leaves space, alternate mid-sentence;
- a table of figures: every column after the first holds figures ('3,215,487,902.15', '15.41%') in most of its
  cells — read one line a row, 'cell | cell';
- a form: fields set as 'label：' and its value a tab or a cell further on the same baseline ('申请人：   陈晓东'),
  the labels one column (or every other column: two fields a row) — read one line a field, '申请人：陈晓东'
  (``_form_fields``). Read as lines, the white between labels and values was a column gutter: every label came
  first, then every value, and a question for one field's value was answered with another's.

Columns of prose in one script (a newspaper's, a two-column paper's) are neither, and stay the page's lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from qa.formats.pdf.lines import HEAD_RATIO, Line, _Char, rows_to_lines

GUTTER = 0.8  # body sizes: the narrowest white strip between two columns of a table (a Word cell's margins)
NARROW = 0.45  # body sizes: ... between a column in Chinese and one in a Latin script (fpdf2's thin cell padding)
ROW_GAP = 2.6  # body sizes: a wider vertical gap between two lines ends the run
EXTRA = 0.3  # body sizes: space above a line beyond the usual pitch that starts a new row
OFF_PITCH = 0.75  # of the line pitch: a cell's first line this close under another column's is centred beside it
ROW_STEP = 1.8  # sizes: baselines further apart than this are no lines of one cell (single spacing is 1.2–1.5)
FULL = 2.0  # sizes: a line ending this close to its column's right side ran full (its cell wraps)
FIGURE_SHARE = 0.6  # of a column's cells holding figures that make the column one of figures
MAX_COLUMNS = 6
FOOT_CELL_CHARS = 16  # characters of a cell of a header row alone at a page's foot
PAGE_MARK_CHARS = 12  # characters beyond a run that still leave it at its page's edge (a page number)
_LEADERS = re.compile(r"[.·…]{3}|\. \. \.")  # dot leaders: a contents entry, not a table's row
_FIGURE = re.compile(r"[-+−(（]?[¥$€£]?\d[\d,.，]*[%％)）]?")
_MARKER = re.compile(r"\s*([\[［(（]?)(\d{1,3})[\]］)）.、]")  # a numbered item's number: '[3]', '（3）', '3.'
_LABEL_END = ("：", ":")  # a form field's label ends in a colon
LABEL_CHARS = FOOT_CELL_CHARS  # characters of a field's label at most: a short cell, as a header row's are
_SENTENCE_END = set("。！？；：.!?;:)）」』”\"'")
CUT_SHARE = 1 / 3  # of a parallel text's row boundaries that may cut a cell running on (a ragged line misjudged)
RATIO_SPREAD = 2.0  # a translation row's English/Chinese length ratio stays within this factor of the median


@dataclass
class _Seg:
    """A run of characters on one baseline with no gap as wide as a table's gutter in it."""

    chars: list[_Char]
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    bottom: float = 0.0
    size: float = 0.0
    text: str = ""
    row: bool = field(default=False)

    def __post_init__(self) -> None:
        ink = [c for c in self.chars if not c.text.isspace()]
        self.x0, self.x1 = min(c.x0 for c in ink), max(c.x1 for c in ink)
        self.top, self.bottom = min(c.top for c in ink), max(c.bottom for c in ink)
        self.size = max(c.size for c in ink)
        self.text = "".join(c.text for c in self.chars).strip()


def _script(text: str) -> str:
    """'zh' for CJK characters, 'en' for Latin letters, '' for anything else (figures, punctuation, spaces: both
    scripts write them)."""
    if not text:
        return ""
    ch = text[0]
    if ord(ch) > 0x2E7F and ch.isalpha():
        return "zh"
    return "en" if ch.isascii() and ch.isalpha() else ""


def _edge_scripts(left: str, right: str) -> tuple[str, str]:
    """The script ``left`` (a line's text up to a gap) ends in and the one ``right`` (after it) starts in; '' where
    a side holds no letter (a line of a cell that is only '。')."""
    a = next((_script(ch) for ch in reversed(left) if _script(ch)), "")
    return a, next((_script(ch) for ch in right if _script(ch)), "")


def _scripts_apart(left: str, right: str) -> bool:
    """Is ``left`` in one script and ``right`` in the other: Chinese beside a Latin script?"""
    a, b = _edge_scripts(left, right)
    return bool(a and b and a != b)


def _segments(chars: list[_Char], body: float) -> list[_Seg]:
    """The page's characters as runs on one baseline, split at gaps of ``GUTTER`` body sizes or more (a word
    space, CJK set solid and a justified line's slack are all narrower), or of ``NARROW`` where Chinese meets a Latin
    script across the gap (a parallel text's cells set with little padding: fpdf2's ``table()`` leaves 0.6 body
    between a Chinese cell run full and its English; a word space between the scripts is half that). A space the
    PDF stores as a glyph stays in its run (the cell's words keep it)."""
    out: list[_Seg] = []
    rows: list[list[_Char]] = []
    for c in sorted(chars, key=lambda c: (c.base, c.x0)):
        if rows and abs(rows[-1][0].base - c.base) <= 0.2 * max(c.size, rows[-1][0].size):
            rows[-1].append(c)
        else:
            rows.append([c])
    for row in rows:
        row.sort(key=lambda c: c.x0)
        run: list[_Char] = []
        last: _Char | None = None  # the run's last inked character
        for c in row:
            if c.text.isspace():
                if last is not None:
                    run.append(c)
                continue
            gap = c.x0 - last.x1 if last is not None else 0.0
            if last is not None and (
                gap >= GUTTER * body
                or (gap >= NARROW * body and _scripts_apart("".join(ch.text for ch in run), c.text))
            ):
                out.append(_Seg(run))
                run = []
            run.append(c)
            last = c
        if last is not None:
            out.append(_Seg(run))
    return out


def _baselines(lines: list[_Seg]) -> list[list[_Seg]]:
    """Lines on one baseline together, top to bottom, each left to right."""
    groups: list[list[_Seg]] = []
    for ln in sorted(lines, key=lambda ln: (ln.top, ln.x0)):
        if groups and abs(groups[-1][0].top - ln.top) < 0.4 * ln.size:
            groups[-1].append(ln)
        else:
            groups.append([ln])
    return [sorted(g, key=lambda ln: ln.x0) for g in groups]


def _gutters(group: list[list[_Seg]], body: float) -> list[tuple[float, float]]:
    """White strips at least ``GUTTER`` wide down the whole of ``group`` with text on both sides; or at least
    ``NARROW`` wide where, on every line with text on both sides, Chinese stands on one side and a Latin script on
    the other (a parallel text's cells)."""
    spans = sorted((ln.x0, ln.x1) for b in group for ln in b)
    out: list[tuple[float, float]] = []
    reach = spans[0][1]
    for x0, x1 in spans[1:]:
        if x0 - reach >= GUTTER * body or (x0 - reach >= NARROW * body and _two_scripts(group, reach, x0)):
            out.append((reach, x0))
        reach = max(reach, x1)
    return out


def _two_scripts(group: list[list[_Seg]], left: float, right: float) -> bool:
    """Does no baseline of ``group`` set one script on both sides of the strip ``left``–``right``, and some set
    Chinese on one side, a Latin script on the other? (A side of punctuation alone tells nothing.)"""
    apart = 0
    for b in group:
        before = [sg for sg in b if sg.x1 <= left + 0.01]
        after = [sg for sg in b if sg.x0 >= right - 0.01]
        if before and after:
            a, z = _edge_scripts(before[-1].text, after[0].text)
            if a and a == z:
                return False
            apart += bool(a and z)
    return apart > 0


def _column(ln: _Seg, gutters: list[tuple[float, float]]) -> int:
    mid = (ln.x0 + ln.x1) / 2
    return sum(1 for g in gutters if mid > g[1] - 0.01)


def _runs(lines: list[_Seg], body: float) -> list[list[list[_Seg]]]:
    """Maximal runs of baselines with a gutter down their whole height (at least two baselines)."""
    runs: list[list[list[_Seg]]] = []
    current: list[list[_Seg]] = []
    count = 0  # gutters down the current run
    for b in _baselines(lines):
        if any(ln.size >= HEAD_RATIO * body or ln.row for ln in b):
            if len(current) > 1:
                runs.append(current)
            current = []
            continue
        gap_ok = not current or b[0].top - max(ln.bottom for ln in current[-1]) <= ROW_GAP * body
        wider = _gutters(current + [b], body) if gap_ok else []
        # A line that closes one of the run's gutters (a note under the table running across its first columns)
        # ends the run, though another gutter stays open.
        if wider and (len(current) < 2 or len(wider) >= count):
            current.append(b)
            count = len(wider)
            continue
        if len(current) > 1:
            runs.append(current)
        current = [b]
        count = 0
    if len(current) > 1:
        runs.append(current)
    return runs


def _rows(run: list[list[_Seg]], gutters: list[tuple[float, float]], body: float) -> list[list[list[_Seg]]]:
    """The run's baselines grouped into table rows: each row a list of its columns' lines."""
    ncol = len(gutters) + 1
    right = [0.0] * ncol
    for b in run:
        for ln in b:
            c = _column(ln, gutters)
            right[c] = max(right[c], ln.x1)
    steps = sorted(b2[0].top - b1[0].top for b1, b2 in zip(run, run[1:], strict=False))
    pitch = steps[len(steps) // 4] if steps else body
    # The line pitch within a column: steps between baselines that both hold it. Where a row's shorter cells are
    # centred in it, one column's lines sit half a step off another's and ``pitch`` (the page's steps) is half a
    # line: a cell's next line, a whole step down, is then no new row when it carries the cell on.
    own = []
    for c in range(ncol):
        tops = [b[0].top for b in run if any(_column(ln, gutters) == c for ln in b)]
        own += [t2 - t1 for t1, t2 in zip(tops, tops[1:], strict=False)]
    own.sort()
    col_pitch = own[len(own) // 4] if own else body
    rows: list[list[list[_Seg]]] = []
    prev: list[_Seg] | None = None
    for k, b in enumerate(run):
        cols = {_column(ln, gutters) for ln in b}
        complete = len(cols) == ncol
        start = prev is None
        if prev is not None:
            prev_cols = {_column(ln, gutters) for ln in prev}
            step = b[0].top - prev[0].top
            below = {_column(ln, gutters): ln for ln in b}
            runs_on = cols == prev_cols and all(
                _wraps(ln, below[c], right[c]) for ln in prev if (c := _column(ln, gutters)) in below
            )
            if (step > pitch + EXTRA * body and not (runs_on and step <= col_pitch + EXTRA * body)) or (
                step > ROW_STEP * b[0].size
            ):
                start = True  # more space than a cell's lines are set at: a new row
            elif complete and len(prev_cols) < ncol:
                start = True  # a shorter cell ended: white under it, then every column starts together
            elif complete:
                start = not all(_wraps(ln, below[_column(ln, gutters)], right[_column(ln, gutters)]) for ln in prev)
            elif len(prev_cols) == ncol and _centred(run, k, cols, gutters, col_pitch):
                # After a row whose every cell ended on one line, a line of a cell set on below it that does not
                # carry it on starts the next row, though the row's other cells start lower, off the lines' pitch:
                # a word processor centres a row's shorter cells in it (fpdf2's ``table()`` does), their first
                # line half a line under the longer cell's first.
                start = not any(_wraps(ln, below[c], right[c]) for ln in prev if (c := _column(ln, gutters)) in below)
        if start:
            rows.append([[] for _ in range(ncol)])
        for ln in b:
            rows[-1][_column(ln, gutters)].append(ln)
        prev = b
    return rows


def _centred(run: list[list[_Seg]], k: int, cols: set[int], gutters: list[tuple[float, float]], pitch: float) -> bool:
    """Do the columns missing from baseline ``k`` of ``run`` start on the next baseline, less than a line's pitch
    under it (``OFF_PITCH``): shorter cells centred beside ``k``'s, not the lines of the same row?"""
    if k + 1 >= len(run):
        return False
    nxt = run[k + 1]
    step = nxt[0].top - run[k][0].top
    return 0 < step < OFF_PITCH * pitch and any(_column(ln, gutters) not in cols for ln in nxt)


def _splits_figure(text: str, t: str) -> bool:
    from qa.formats.pdf.tables import splits_figure as splits

    return splits(text, t)


def _wraps(line: _Seg, below: _Seg, right: float) -> bool:
    """Did ``line``'s cell wrap onto ``below``: it ran full, or the first word of ``below`` would not have fitted
    after it (English is set ragged: a long word goes to the next line however much room it leaves)?"""
    if _FIGURE.fullmatch(line.text.replace(" ", "")) and not _splits_figure(line.text, below.text):
        return False  # a whole figure is a cell of its own
    if not any(ch.isdigit() for ch in line.text) and _FIGURE.fullmatch(below.text.replace(" ", "")):
        # Words over a whole figure: a column's name over its first value, no cell's words running on into a number.
        # A header row that sets the table's widths (reportlab sizes a column to its widest cell, its name) runs
        # full in every column, and was read as wrapped cells: '年份1999年 | 營業額1,774'.
        return False
    if line.x1 >= right - FULL * line.size:
        return True
    text = below.text.strip()
    word = text.split(" ")[0] if text[:1].isascii() else text[:1]
    pitch = (line.x1 - line.x0) / max(1, len(line.text))
    return line.x1 + pitch * (len(word) + 1) > right


def _lined_up(
    rows: list[list[list[_Seg]]], cells: list[list[str]], gutters: list[tuple[float, float]], body: float
) -> bool:
    """Do a two-script run's rows line up as a translation's (a bilingual contract's table), not as two columns of a
    page that only share its lines (a Chinese paper's last page: its conclusions left, English references right)?

    Why: ``tables.parallel_text`` asks only for a different script on each side; two independent columns pass it, and
    ``_rows`` then cuts them wherever either leaves space, so the text alternated left/right mid-sentence. A
    translation's rows: each row's cells both start on its first line; no row boundary falls inside a cell that runs
    on (at most ``CUT_SHARE`` of them, for a ragged English line misjudged); few rows filled on one side only; the
    same number on both sides where a cell is numbered (a references list '[1] …' beside prose is none); and the
    English about as long against its Chinese on every row of prose (within ``RATIO_SPREAD`` of the median)."""
    if len(rows) < 2:
        return True  # a lone row at a page's edge: ``parallel_text`` asks both its cells to be prose
    right = [0.0] * (len(gutters) + 1)
    for row in rows:
        for c, col in enumerate(row):
            right[c] = max([right[c]] + [sg.x1 for sg in col])
    one_side = sum(1 for texts in cells if sum(1 for t in texts if t) == 1)
    cuts = 0
    for k, (row, nxt) in enumerate(zip(rows, rows[1:], strict=False)):
        starts = [min(sg.top for sg in col) for col in row if col]
        mids = [(min(sg.top for sg in col) + max(sg.bottom for sg in col)) / 2 for col in row if col]
        if len(starts) == 2 and abs(starts[0] - starts[1]) > 0.4 * body and abs(mids[0] - mids[1]) > 0.4 * body:
            cuts += 1  # one cell starts a line below the other's first (and is not centred beside it): no table row
            continue
        for c, col in enumerate(row):
            if col and nxt[c] and _runs_on(col, nxt[c], cells[k][c], cells[k + 1][c], right[c]):
                cuts += 1  # the cell runs on into the next row: a boundary inside a paragraph
                break
    if cuts > CUT_SHARE * (len(rows) - 1) or one_side * 3 > len(rows):
        return False
    both = [texts for texts in cells if all(texts)]
    for a, b in both:
        ma, mb = _MARKER.match(a), _MARKER.match(b)
        if (ma is None) != (mb is None) and any(m and m.group(1) in "[［" for m in (ma, mb)):
            return False  # a references list ('[1] …') beside prose
        if ma and mb and ma.group(2) != mb.group(2):
            return False  # numbered items whose numbers differ: no item is the other's translation
    ratios = sorted(_en_per_zh(a, b) for a, b in both if min(len(a), len(b)) >= 10)
    if len(ratios) >= 3:
        median = ratios[len(ratios) // 2]
        off = sum(1 for r in ratios if not median / RATIO_SPREAD <= r <= median * RATIO_SPREAD)
        if off * 3 > len(ratios):
            return False
    return True


def _runs_on(col: list[_Seg], below: list[_Seg], text: str, after: str, right: float) -> bool:
    """Does a column's text run on from one row into the next (set solid, no sentence ended, its last line ran full or
    the next row's first word would not have fitted after it)? Not ``_wraps``: a PDF that stores no spaces (TeX's)
    gives it no first word, and a clause's title row ('Article 1 Leased Premises') would seem to wrap."""
    last, first = max(col, key=lambda sg: sg.top), min(below, key=lambda sg: sg.top)
    if first.top - last.bottom >= 0.5 * last.size or text.rstrip()[-1:] in _SENTENCE_END:
        return False
    if last.x1 >= right - FULL * last.size:
        return True
    word = after.split()[0] if after[:1].isascii() and after.split() else after[:1]
    pitch = (last.x1 - last.x0) / max(1, len(last.text))
    return last.x1 + pitch * (len(word) + 1) > right


def _en_per_zh(a: str, b: str) -> float:
    """The Latin-script cell's length over the CJK one's (a row of a parallel text, either side first)."""
    wide = [t for t in (a, b) if sum(1 for ch in t if ord(ch) > 0x2E7F) * 2 > len(t.replace(" ", ""))]
    zh = wide[0] if wide else a
    en = b if zh is a else a
    return len(en) / max(1, len(zh))


def _form_fields(
    run: list[list[_Seg]], gutters: list[tuple[float, float]]
) -> list[list[tuple[list[_Seg], list[_Seg]]]] | None:
    """The run's fields when it is a form: each row a list of (label, value) runs, one pair for each two columns.

    A form is what a two-column page is not: on every baseline that starts a row, each label column holds one short
    run ending in a colon ('申请人：', 'Name:'), and its value, where filled, starts on that same baseline beside it; a
    baseline of values alone carries on the row above it (a value wrapped). Columns of prose share baselines too, but
    their lines are no labels: a column's lines do not all end in a colon, and run full rather than short. None when
    the run is not a form."""
    ncol = len(gutters) + 1
    if ncol % 2:
        return None
    rows: list[list[tuple[list[_Seg], list[_Seg]]]] = []
    valued = 0
    for b in run:
        cols: dict[int, list[_Seg]] = {}
        for sg in b:
            cols.setdefault(_column(sg, gutters), []).append(sg)
        labels = [c for c in cols if c % 2 == 0]
        if not labels:  # a value's next line
            if not rows or b[0].top - max(sg.top for pair in rows[-1] for side in pair for sg in side) > ROW_STEP * (
                b[0].size
            ):
                return None
            for c, segs in cols.items():
                rows[-1][c // 2][1].extend(segs)
            continue
        if any(
            len(cols[c]) != 1 or len(cols[c][0].text) > LABEL_CHARS or not cols[c][0].text.endswith(_LABEL_END)
            for c in labels
        ):
            return None
        row: list[tuple[list[_Seg], list[_Seg]]] = [([], []) for _ in range(ncol // 2)]
        for c, segs in cols.items():
            row[c // 2][c % 2].extend(segs)
        if any(value and not label for label, value in row):
            return None  # a value with no label on its baseline
        valued += sum(1 for label, value in row if label and value)
        rows.append(row)
    return rows if len(rows) >= 2 and valued >= 2 else None


def _figures(cells: list[list[str]]) -> bool:
    """Does every column after the first hold figures in most of its filled cells (two rows of them at least)?"""
    ncol = len(cells[0])
    if any(_LEADERS.search(t) for row in cells for t in row):
        return False  # a contents page: titles, dot leaders, page numbers
    for c in range(1, ncol):
        filled = [row[c] for row in cells if row[c]]
        if all(t.isdigit() for t in filled) and [int(t) for t in filled] == sorted(int(t) for t in filled):
            return False  # page numbers rising down the column: a contents list
        figures = sum(1 for t in filled if _FIGURE.fullmatch(t.replace(" ", "")))
        if len(filled) < 2 or figures < 2 or figures < FIGURE_SHARE * len(filled):
            return False
    return True


def borderless_tables(chars: list[_Char], page: int, body: float) -> tuple[list[_Char], list[Line]]:
    """The page's characters outside tables set without ruling, and those tables' rows as lines (see the module's
    doc)."""
    from qa.formats.pdf.tables import join_cell, parallel_text, row_line  # (tables imports this module)

    segs = _segments(chars, body)
    if len(segs) < 4:
        return chars, []
    taken: set[int] = set()
    out: list[Line] = []
    for run in _runs(segs, body):
        # A short line over the table (a '单位：元' note) is no row of it — unless the table opens the page: then
        # it is the end of a row the page break parted (LibreOffice breaks a row across pages), read as a row.
        opens_page = sum(len(sg.text) for sg in segs if sg.bottom <= run[0][0].top) <= PAGE_MARK_CHARS
        while run and not opens_page and len({_column(sg, _gutters(run, body)) for sg in run[0]}) < 2:
            run = run[1:]
        if len(run) < 2:
            continue
        gutters = _gutters(run, body)
        if not gutters or len(gutters) + 1 > MAX_COLUMNS:
            continue
        fields = _form_fields(run, gutters)
        if fields is not None:
            x0, x1 = min(sg.x0 for b in run for sg in b), max(sg.x1 for b in run for sg in b)
            for row in fields:
                top = min(sg.top for label, _ in row for sg in label)
                for n, (label, value) in enumerate((label, value) for label, value in row if label):
                    cell = [rows_to_lines([c for sg in segs for c in sg.chars], page, body) for segs in (label, value)]
                    name, said = join_cell(cell[0]), join_cell(cell[1])
                    text = f"{name} {said}" if said and name.endswith(":") else name + said
                    out.append(row_line(text, cell[0] + cell[1], (x0, 0.0, x1, 0.0), page, top + 0.01 * n))
            taken |= {id(c) for b in run for sg in b for c in sg.chars}
            continue
        rows = _rows(run, gutters, body)
        while rows and sum(1 for col in rows[-1] if col) < 2 < len(rows):
            rows.pop()  # a note under the table, in its first column's place, is no row of it
        lines = [[rows_to_lines([c for sg in col for c in sg.chars], page, body) for col in row] for row in rows]
        cells = [[join_cell(col) for col in row] for row in lines]
        # One row alone is a table's only where a page break parted it from the rest: first or last on its page.
        above = sum(len(sg.text) for sg in segs if sg.bottom <= run[0][0].top)
        below = sum(len(sg.text) for sg in segs if sg.top >= max(x.bottom for x in run[-1]))
        edge = min(above, below) <= PAGE_MARK_CHARS  # (nothing but a page number beyond it)
        if len(rows) < 2 and not (edge and parallel_text(cells, least=1)):
            continue
        x0 = min(sg.x0 for b in run for sg in b)
        x1 = max(sg.x1 for b in run for sg in b)
        bbox = (x0, 0.0, x1, 0.0)
        read: list[Line] = []
        if parallel_text(cells, least=1 if edge and len(rows) < 2 else 2) and _lined_up(rows, cells, gutters, body):
            for row, texts in zip(lines, cells, strict=True):
                top = min(ln.top for col in row for ln in col)
                filled = [(t, col) for t, col in zip(texts, row, strict=True) if t]
                read += [row_line(t, col, bbox, page, top + 0.01 * n) for n, (t, col) in enumerate(filled)]
        elif _figures(cells):
            for row, texts in zip(lines, cells, strict=True):
                row_lines = [ln for col in row for ln in col]
                text = " | ".join(t for t in texts if t)
                read.append(row_line(text, row_lines, bbox, page, min(ln.top for ln in row_lines)))
        else:
            continue
        taken |= {id(c) for row in rows for col in row for sg in col for c in sg.chars}
        out += read
    # (only on a page that sets a table without ruling: a newspaper's last line of short pieces is no header row)
    foot = _foot_row(segs, taken, body) if out else []
    if foot:
        lines = [rows_to_lines(sg.chars, page, body) for sg in foot]
        out.append(
            row_line(
                " | ".join(join_cell(ln) for ln in lines),
                [ln for col in lines for ln in col],
                (foot[0].x0, 0.0, foot[-1].x1, 0.0),
                page,
                min(sg.top for sg in foot),
            )
        )
        taken |= {id(c) for sg in foot for c in sg.chars}
    if not out:
        return chars, []
    return [c for c in chars if id(c) not in taken], out


def _foot_row(segs: list[_Seg], taken: set[int], body: float) -> list[_Seg]:
    """The page's last line when it is a table's header row a page break parted from the table's body: three or
    more short cells set apart a gutter wide, nothing under them but a page number."""
    for b in reversed(_baselines(segs)):
        if sum(len(sg.text) for sg in b) <= PAGE_MARK_CHARS and len(b) < 3:
            continue  # a page number under it
        if (
            len(b) >= 3
            and all(len(sg.text) <= FOOT_CELL_CHARS and sg.size < HEAD_RATIO * body for sg in b)
            and all(any(ch.isalpha() for ch in sg.text) for sg in b)  # column names, not a contents entry's numbers
            and not any(_LEADERS.search(sg.text) for sg in b)
            and not any(id(c) in taken for sg in b for c in sg.chars)
        ):
            return b
        return []
    return []
