"""Word tables with merged cells (w:vMerge down, w:gridSpan across), made by python-docx's own cell merge: each row
reads as one line, a value merged down repeated in every row it covers, values labelled with their column's name
(a header row Word repeats on each page, or a first row of column names)."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml import OxmlElement

from qa.loading import load_file
from qa.structure import recover_outline

ROWS = [
    ["大区", "城市", "2025年", "2024年"],
    ["华东", "上海", "1280.5", "1105.2"],
    ["", "杭州", "860.0", "790.3"],
    ["华南", "广州", "990.4", "1020.8"],
    ["", "深圳", "1420.7", "1188.0"],
    ["合计", "", "4551.6", "4104.3"],
]


def _read(tmp_path: Path, mark_header: bool) -> list[str]:
    d = docx.Document()
    d.add_heading("销售情况", 1)
    d.add_paragraph("各城市销售额如下表。")
    table = d.add_table(rows=len(ROWS), cols=4)
    for r, row in enumerate(ROWS):
        for c, value in enumerate(row):
            if value:
                table.cell(r, c).text = value
    table.cell(1, 0).merge(table.cell(2, 0))
    table.cell(3, 0).merge(table.cell(4, 0))
    table.cell(5, 0).merge(table.cell(5, 1))
    if mark_header:  # Word's "Repeat as header row at the top of each page"
        table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
        for cell in table.rows[0].cells:  # years alone: without the mark, a row of numbers is no header
            cell.text = cell.text.rstrip("年")
    path = tmp_path / "sales.docx"
    d.save(str(path))
    return [p.text for p in recover_outline(load_file(path)).paragraphs]


def test_a_value_merged_down_is_labelled_and_read_in_every_row(tmp_path):
    texts = _read(tmp_path, mark_header=False)
    assert "大区：华东 | 城市：杭州 | 2025年：860.0 | 2024年：790.3" in texts
    assert "大区：华南 | 城市：深圳 | 2025年：1420.7 | 2024年：1188.0" in texts
    assert "合计 | 2025年：4551.6 | 2024年：4104.3" in texts  # across two columns: read once, values in place
    assert "大区 | 城市 | 2025年 | 2024年" in texts


def test_a_header_row_word_repeats_on_each_page_names_the_columns(tmp_path):
    texts = _read(tmp_path, mark_header=True)
    assert "大区：华东 | 城市：杭州 | 2025：860.0 | 2024：790.3" in texts
