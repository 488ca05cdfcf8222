"""Spreadsheet tables saved as text: .csv and .tsv files, one row a line, each value labelled with its column.

People keep price lists, contact lists, FAQs and sales figures as CSV. Read as plain text, a row is a run of commas
the structure stage may take for a heading, and a passage '西南,成都,730.2' says nothing of what 730.2 is. So each
row becomes one line of the document, its values labelled with the header row's names when the first row is a
header ('城市：成都 | 销售额（万元）：730.2'): a question naming the column ('成都的销售额是多少') then finds the row,
and the shown passage reads on its own. The header row is kept as a line too, so no text of the file is lost; no
line is a heading (the whole table is the document's one section).

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


def is_header(first: list[str], rows: list[list[str]]) -> bool:
    """Whether the first row names the columns: every cell filled, none a number, no two alike, more rows follow,
    and something says they are names — a column of numbers under a word, or a word column names are made of.

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
    return numeric_column or any(LABEL_WORD.search(c) for c in cells)


def _row_text(row: list[str], header: list[str] | None) -> str:
    """A row as one line: 'name：value | name：value' under a header (empty values left out), else 'a | b'."""
    cells = [clean_inline(c) for c in row]
    if header is None:
        return " | ".join(c for c in cells if c)
    names = header + [""] * (len(cells) - len(header))  # a cell beyond the header's width is kept, unlabelled
    return " | ".join(f"{name}：{c}" if name else c for name, c in zip(names, cells, strict=False) if c)


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
    header = [clean_inline(c) for c in rows[0]] if is_header(rows[0], rows) else None
    blocks = [Block(" | ".join(header), role="table")] if header else []
    blocks += [Block(_row_text(row, header), role="table") for row in (rows[1:] if header else rows)]
    return to_document(blocks, path, doc_id, "csv", encoding)
