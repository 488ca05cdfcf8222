"""A table's rows as lines of text, merged cells filled in and values labelled with their column's header.

HTML tables (``rowspan``/``colspan``) and Word tables (``w:vMerge``/``w:gridSpan``) merge cells: a region's name
set once beside the three cities under it, a '合计' spanning two columns. Read cell by cell, the rows under a merged
cell lost it ('杭州 | 860.0' said nothing of 华东), and every value after a spanned cell slid under the wrong
column. Here each table is first laid out on its grid — every cell on every slot it covers — and then read row by
row:

- a cell covering several rows is read in each of them (its value belongs to every row it spans);
- a cell covering several columns is read once in its row;
- a row made of one cell across the table (a title row, a group's name) is that cell's text;
- under a header row the values are labelled like the CSV reader's rows ('城市：杭州 | 2025年：860.0'), so a passage
  shown alone still says what each number is. Header rows are the ones the file marks (``<th>`` cells, Word's
  "repeat as header row") or, when none is marked, a first row over a column of figures or with column-name words
  in most of its cells (the CSV reader's rule, ``qa.formats.delimited.is_header``, stricter: a form's first row
  '项目名称 | 城市内涝预警系统' holds a field name too), unless its first column names fields as a form's does.
  The header rows themselves are kept as lines ('城市 | 2025年'), so no text of the table is lost.
  A value in a cell spanning columns with different labels is left unlabelled.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Cell:
    """One cell of a table as a reader found it: ``key`` is the same object on every slot the cell covers."""

    key: object
    text: str
    header: bool = False  # marked as a header cell by the file (<th>, a Word header row)


def _groups(row: list[Cell]) -> list[tuple[int, int, Cell]]:
    """The row's cells in order as (first column, last column, cell), a cell spanning columns read once."""
    out: list[tuple[int, int, Cell]] = []
    for k, cell in enumerate(row):
        if out and out[-1][2].key is cell.key:
            out[-1] = (out[-1][0], k, cell)
        else:
            out.append((k, k, cell))
    return out


def _full_width(row: list[Cell], width: int) -> bool:
    return width > 1 and len(row) == width and len({id(c.key) for c in row}) == 1


def _header_rows(grid: list[list[Cell]], width: int, guess: bool) -> tuple[int, int]:
    """(first, end) of the rows naming the columns, (0, 0) when none: marked header rows, or a first row the CSV
    reader would take for a header. Title rows across the whole table may stand above them."""
    from qa.formats.delimited import LABEL_WORD, is_header

    first = 0
    while first < len(grid) and _full_width(grid[first], width):
        first += 1
    end = first
    while end < len(grid) and grid[end] and all(c.header for c in grid[end]) and not _full_width(grid[end], width):
        end += 1
    if end > first:
        return (first, end) if end < len(grid) else (0, 0)  # a table of header cells only has no data to label
    rows = [[c.text for c in row] for row in grid[first:] if not _full_width(row, width)]
    if not guess or first >= len(grid) or not rows or len(_groups(grid[first])) != len(grid[first]):
        return 0, 0
    if not is_header(rows[0], rows, words_in_most=True):  # unmarked: figures under it, or column names in most cells
        return 0, 0
    # a form ('姓名 | 张三 | 性别 | 男' over '部门 | 研发部 | 职务 | 工程师') names its fields down its first
    # column: its first row is a record like the others, not the columns' names
    keys = [row[0] for row in rows[1:] if row and row[0]]
    if sum(bool(LABEL_WORD.search(k)) for k in keys) * 2 > len(keys):
        return 0, 0
    return first, first + 1


def _labels(grid: list[list[Cell]], first: int, end: int, width: int) -> list[str]:
    """Each column's label: the header rows' texts over it, top to bottom, a cell spanning rows named once."""
    labels = []
    for k in range(width):
        parts: list[str] = []
        for row in grid[first:end]:
            text = row[k].text if k < len(row) else ""
            if text and (not parts or parts[-1] != text):
                parts.append(text)
        labels.append(" ".join(parts))
    return labels


def table_lines(grid: list[list[Cell]], guess_header: bool = True) -> list[str]:
    """One line per row of ``grid`` (rows of cells, one per grid column; '' for a row with no text);
    ``guess_header=False``: only header rows the file marks label the values."""
    width = max((len(row) for row in grid), default=0)
    first, end = _header_rows(grid, width, guess_header)
    labels = _labels(grid, first, end, width) if end > first and width > 1 else []
    lines = []
    for r, row in enumerate(grid):
        pieces = []
        for a, b, cell in _groups(row):
            if not cell.text:
                continue
            labelled = labels and not first <= r < end
            names = {labels[k] for k in range(a, b + 1) if k < len(labels)} if labelled else set()
            name = names.pop() if len(names) == 1 else ""
            pieces.append(f"{name}：{cell.text}" if name and name != cell.text else cell.text)
        lines.append(" | ".join(pieces))
    return lines
