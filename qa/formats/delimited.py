"""Spreadsheet tables saved as text: .csv and .tsv files, one row a line, each value labelled with its column.

People keep price lists, contact lists, FAQs and sales figures as CSV. Read as plain text, a row is a run of commas
the structure stage may take for a heading, and a passage '西南,成都,730.2' says nothing of what 730.2 is. So each
row becomes one line of the document, its values labelled with the header row's names when the first row is a
header ('城市：成都 | 销售额（万元）：730.2'): a question naming the column ('成都的销售额是多少') then finds the row,
and the shown passage reads on its own. The header row is kept as a line too, so no text of the file is lost; no
line is a heading (the whole table is the document's one section) but a sheet's title row.

Excel saves a formatted sheet's title and notes as rows of one cell, and merged header cells as text in the first
slot and empty slots after it: those are read back as a title, note lines and full column names
('第二季度 销售额（万元）', ``_merged_header``); a headerless row keeps its empty cells in place ('a | | c').

The standard library's ``csv`` reads quoting and embedded newlines; its ``Sniffer`` finds the delimiter (',' ';'
'\\t' '|'), falling back to the suffix's. Text is decoded as every text file is (``qa.loading.decode_bytes``).
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from qa.errors import LoadError
from qa.formats.blocks import Block, clean_inline, to_document
from qa.loading import decode_bytes
from qa.records import Document

_NUMBER = re.compile(r"^[-+]?[\d,，.．]+%?$")
_SNIFF_BYTES = 64 * 1024
MAX_FIELD = 2**31 - 1  # characters a cell may have (a file is at most qa.loading.MAX_FILE_BYTES anyway)


def _dialect(text: str, suffix: str) -> type[csv.Dialect] | csv.Dialect:
    """The file's delimiter and quoting, guessed from its start; the suffix's default when the guess fails."""
    try:
        return csv.Sniffer().sniff(text[:_SNIFF_BYTES], delimiters=",;\t|，")
    except csv.Error:
        return csv.excel_tab if suffix == ".tsv" else csv.excel


# Words column names are made of ('姓名', '联系电话', 'Email'): a first row of plain text is taken for names only with
# one of them, or over a column of numbers; a headerless list of people ('张三,男,销售部') is otherwise data.
LABEL_WORD = re.compile(
    r"名称|姓名|名字|问题|答案|回答|日期|时间|年份|编号|序号|代码|类型|类别|部门|单位|地址|电话|手机|邮箱|备注|说明|描述|"
    r"数量|金额|价格|单价|总价|合计|城市|地区|省份|国家|标题|内容|状态|等级|性别|年龄|职务|岗位|"
    r"\b(?:name|id|date|time|email|phone|address|title|question|answer|description|price|amount|qty|quantity|type|"
    r"category|note|notes|city|country|status|total|code|year)\b",
    re.IGNORECASE,
)


# A column's name ends with such a word, perhaps with its unit ('项目名称', '销售额（万元）'); a value may only hold one
# ('城市内涝智能预警系统' opens with 城市).
_NAMED_COLUMN = re.compile(rf"(?:{LABEL_WORD.pattern})\s*(?:[（(][^（()）]{{1,12}}[）)])?\s*$", re.IGNORECASE)


def is_header(first: list[str], rows: list[list[str]], words_in_most: bool = False) -> bool:
    """Whether the first row names the columns: every cell filled, none a number, no two alike, more rows follow,
    and something says they are names — a column of numbers under a word, or a word column names are made of
    (``words_in_most``: in most of its cells — a table in a page may be a form, '项目名称 | 城市内涝…' over
    '负责人 | 李明' or '姓名 | 张三 | 性别 | 男', whose first row holds field names beside values; a CSV file is a
    table of records, where one such word suffices).

    A headerless table's first row is data; labelling every row with it ('张三：李四 | 男：女') would be wrong, so when
    in doubt the rows are read unlabelled ('a | b | c'), which loses nothing."""
    cells = [c.strip() for c in first]
    if not (
        len(rows) > 1
        and len(cells) >= 2
        and all(cells)
        and not any(_NUMBER.match(c) for c in cells)
        and len(set(cells)) == len(cells)
    ):
        return False
    below = rows[1:]
    numeric_column = any(
        sum(bool(_NUMBER.match(r[k].strip())) for r in below if k < len(r) and r[k].strip()) * 2
        > sum(1 for r in below if k < len(r) and r[k].strip())
        for k in range(len(cells))
    )
    if words_in_most:
        return numeric_column or 2 * sum(bool(_NAMED_COLUMN.search(c)) for c in cells) > len(cells)
    return numeric_column or any(LABEL_WORD.search(c) for c in cells)


def _row_text(row: list[str], header: list[str] | None) -> str:
    """A row as one line: 'name：value | name：value' under a header (an empty value left out: each value says its
    column), else 'a | | c' (an empty cell kept in its place, so the values stay under their columns)."""
    cells = [clean_inline(c) for c in row]
    if header is None:
        while cells and not cells[-1]:
            cells.pop()
        return " | ".join(cells)
    names = header + [""] * (len(cells) - len(header))  # a cell beyond the header's width is kept, unlabelled
    return " | ".join(f"{name}：{c}" if name else c for name, c in zip(names, cells, strict=False) if c)


# A sheet's own lines above or below the table, one cell wide, that are notes rather than its title: '注：…',
# '单位：万元', '数据来源：…', '制表人：…'.
_NOTE = re.compile(
    r"^\s*(?:注\s*\d{0,2}|备注|附注|说明|单位|计量单位|金额单位|资料来源|数据来源|来源|制表人?|制表单位|制表日期|填表人?|"
    r"填报人?|填报单位|填表日期|审核人?|notes?|sources?|units?)\s*[:：]",
    re.IGNORECASE,
)  # the word and a colon: '说明书印刷厂' is a record's name, no note
# a sheet's title names what the table lists ('2025年上半年各地区销售情况统计表', '参会人员名单')
_TITLE_WORDS = re.compile(
    r"(?:表|统计|名单|名册|汇总|清单|一览|情况|目录|台账|明细|记录|报告)\s*(?:[(（][^()（）]*[)）])?\s*$"
)


def _lone_text(row: list[str], width: int) -> str | None:
    """The text of a row with one filled cell, the first, in a table wider than one column (a title or a note
    Excel saves as a row: '2025年上半年销售情况统计表,,,,,'); None for any other row."""
    filled = [c for c in row if c.strip()]
    if width < 2 or len(filled) != 1 or not row[0].strip() or _NUMBER.match(row[0].strip()):
        return None
    return clean_inline(row[0])


def _merged_header(rows: list[list[str]], width: int) -> tuple[list[str], int] | None:
    """The columns' names of a header Excel saved from merged cells over two or three rows, one name a column
    ('第二季度 销售额（万元）'), and how many rows it takes; None when the rows do not read so.

    A merged cell is saved as its text in its first slot and empty slots after it ('地区,第一季度,,第二季度,,合计'
    over ',销售额,同比,销售额,同比,'): an empty slot takes the text to its left when the row below names the columns
    it spans (they are its sub-columns), and a name spanning rows ('地区', '合计') is named once. The names must
    read as a header by the single-row rule (``is_header``) over the rows below them."""
    for count in (2, 3):
        if len(rows) <= count:
            return None
        head = [row + [""] * (width - len(row)) for row in rows[:count]]
        if any(_NUMBER.match(c.strip()) for row in head for c in row if c.strip()):
            return None
        names: list[list[str]] = [[] for _ in range(width)]
        for h, row in enumerate(head):
            below = head[h + 1] if h + 1 < count else None
            left = -1
            for k, cell in enumerate(row):
                text = clean_inline(cell)
                if text:
                    left = k
                elif below is not None and left >= 0 and all(below[j].strip() for j in range(left, k + 1)):
                    text = clean_inline(row[left])
                if text and (not names[k] or names[k][-1] != text):
                    names[k].append(text)
        labels = [" ".join(parts) for parts in names]
        gaps = any(not c.strip() for c in head[0])
        if gaps and is_header(labels, [labels] + rows[count:]):
            return labels, count
    return None


def read_delimited(path: Path, doc_id: str) -> Document:
    """The ``Document`` of a .csv/.tsv file: the header row, then one labelled line per row."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LoadError(f"{doc_id}: cannot read ({exc.strerror or exc})") from exc
    text, encoding = decode_bytes(data, doc_id)
    text = text.lstrip("\ufeff")
    limit = csv.field_size_limit(MAX_FIELD)  # a cell may hold a whole article (the default stops at 128 kB)
    try:
        rows = [
            row
            for row in csv.reader(io.StringIO(text, newline=""), _dialect(text, path.suffix.lower()))
            if any(c.strip() for c in row)
        ]
    finally:
        csv.field_size_limit(limit)
    if not rows:
        raise LoadError(f"{doc_id}: no rows found in this table file, skipped")
    width = max(len(row) for row in rows)
    blocks: list[Block] = []
    # a sheet's title and notes above the table, saved as rows of one cell: the first such line (not a note) is the
    # document's title, the others its own lines
    # — only when they are not records: a header row follows them, or each is a note ('单位：万元') or the first
    # names a table ('…统计表'). A headerless file's records may have one filled cell ('张三,,'): they stay rows.
    lead = 0
    while lead < len(rows) - 2 and _lone_text(rows[lead], width) is not None:
        lead += 1
    headed = lead > 0 and (is_header(rows[lead], rows[lead:]) or _merged_header(rows[lead:], width) is not None)
    while len(rows) > 2 and (lone := _lone_text(rows[0], width)) is not None:
        note = bool(_NOTE.match(lone))
        if not (headed or note or (not blocks and _TITLE_WORDS.search(lone))):
            break
        title = not blocks and not note
        blocks.append(Block(lone, heading_level=1, role="title") if title else Block(lone, role="note"))
        rows = rows[1:]
    notes: list[Block] = []  # notes below the table ('注：数据来源于财务部。')
    while len(rows) > 2 and (lone := _lone_text(rows[-1], width)) is not None and _NOTE.match(lone):
        notes.insert(0, Block(lone, role="note"))
        rows = rows[:-1]
    header_rows = 0
    header = None
    if is_header(rows[0], rows):
        header, header_rows = [clean_inline(c) for c in rows[0]], 1
    elif (merged := _merged_header(rows, width)) is not None:
        header, header_rows = merged
    if header:
        blocks.append(Block(" | ".join(header), role="table"))
    blocks += [Block(_row_text(row, header), role="table") for row in rows[header_rows:]]
    return to_document(blocks + notes, path, doc_id, "csv", encoding)
