"""A CSV Excel saves from a formatted sheet: a title row, a header of merged cells over two rows, a note row.

Excel writes a merged cell as its text in its first slot and empty slots after it, and the sheet's title and notes
as rows of one cell. Read as a table of rows, empty cells were dropped so values slid under the wrong headers
('地区 | 第一季度 | 第二季度 | 上半年合计' over rows of six values), and the passage for a question named the
sub-header line. Each value is now labelled with its full column name ('第二季度 销售额（万元）：1105'), the title is
the document's title, the note its own line, and a headerless row keeps its empty cells in place.
"""

from __future__ import annotations

import csv

from qa.loading import load_file
from qa.structure import recover_outline

SHEET = [
    ["2025年上半年各地区销售情况统计表", "", "", "", "", ""],
    ["地区", "第一季度", "", "第二季度", "", "上半年合计（万元）"],
    ["", "销售额（万元）", "同比增长（%）", "销售额（万元）", "同比增长（%）", ""],
    ["华东", "1200", "5.2", "1350", "6.1", "2550"],
    ["华南", "980", "-2.3", "1105", "3.4", "2085"],
    ["西南", "455", "", "530", "15.1", "985"],
    ["注：数据来源于财务部，同比增长按可比口径计算。", "", "", "", "", ""],
]


def _write(path, rows) -> None:  # noqa: ANN001
    with path.open("w", encoding="gbk", newline="") as f:  # Excel's "CSV (逗号分隔)" on a Chinese system
        csv.writer(f, lineterminator="\r\n").writerows(rows)


def test_a_two_row_merged_header_labels_each_value_with_its_full_column_name(tmp_path):
    path = tmp_path / "sales_2025h1.csv"
    _write(path, SHEET)
    outline = recover_outline(load_file(path))
    [section] = outline.sections
    assert section.path == ("2025年上半年各地区销售情况统计表",)  # the title row is the title
    texts = [outline.paragraphs[i].text for i in section.paragraphs]
    assert texts == [
        "地区 | 第一季度 销售额（万元） | 第一季度 同比增长（%） | 第二季度 销售额（万元） | 第二季度 同比增长（%） | "
        "上半年合计（万元）",
        "地区：华东 | 第一季度 销售额（万元）：1200 | 第一季度 同比增长（%）：5.2 | 第二季度 销售额（万元）：1350 | "
        "第二季度 同比增长（%）：6.1 | 上半年合计（万元）：2550",
        "地区：华南 | 第一季度 销售额（万元）：980 | 第一季度 同比增长（%）：-2.3 | 第二季度 销售额（万元）：1105 | "
        "第二季度 同比增长（%）：3.4 | 上半年合计（万元）：2085",
        # an empty value is left out, and the values after it keep their own columns
        "地区：西南 | 第一季度 销售额（万元）：455 | 第二季度 销售额（万元）：530 | 第二季度 同比增长（%）：15.1 | "
        "上半年合计（万元）：985",
        "注：数据来源于财务部，同比增长按可比口径计算。",  # the note is its own line, not a row of values
    ]


def test_a_headerless_table_keeps_its_empty_cells_in_place(tmp_path):
    path = tmp_path / "stock.csv"
    path.write_text("A-100,螺丝,,1200\nA-101,,垫片,300\nA-102,螺母,六角,\n", "utf-8")
    lines = [line for line in load_file(path).text.split("\n") if line]
    assert lines == ["A-100 | 螺丝 | | 1200", "A-101 | | 垫片 | 300", "A-102 | 螺母 | 六角"]


def test_a_title_and_unit_row_over_a_one_row_header(tmp_path):
    path = tmp_path / "prices.csv"
    _write(
        path,
        [
            ["2026年办公用品价格表", "", ""],
            ["单位：元", "", ""],
            ["品名", "规格", "单价"],
            ["签字笔", "0.5mm", "2.5"],
            ["笔记本", "A5", "8"],
        ],
    )
    outline = recover_outline(load_file(path))
    assert [s.path for s in outline.sections] == [("2026年办公用品价格表",)]
    texts = [p.text for p in outline.paragraphs]
    assert "单位：元" in texts and "品名：签字笔 | 规格：0.5mm | 单价：2.5" in texts
