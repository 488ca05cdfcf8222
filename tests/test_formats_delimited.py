"""Tables kept as .csv/.tsv are read (they were passed over in a folder and refused as 'no text' when named): one row
a line, each value labelled with its column when the first row names the columns, so a passage says what a number
is; quoting, embedded newlines and GBK are read as Excel writes them."""

from __future__ import annotations

import csv

from qa.loading import load_file, load_paths
from qa.structure import recover_outline

ROWS = [
    ["大区", "城市", "2025年销售额（万元）", "备注"],
    ["华东", "上海", "1280.5", "含线上渠道，另计退货"],
    ["西南", "成都", "730.2", "新开两家门店"],
    ["西南", "重庆", "655.8", ""],
]


def _lines(path) -> list[str]:
    return [line for line in load_file(path).text.split("\n") if line]


def test_a_gbk_csv_with_a_header_reads_one_labelled_row_a_line(tmp_path):
    path = tmp_path / "sales.csv"
    with path.open("w", encoding="gbk", newline="") as f:
        csv.writer(f).writerows(ROWS)
    lines = _lines(path)
    assert lines[0] == "大区 | 城市 | 2025年销售额（万元） | 备注"
    assert "大区：西南 | 城市：成都 | 2025年销售额（万元）：730.2 | 备注：新开两家门店" in lines
    assert "大区：华东 | 城市：上海 | 2025年销售额（万元）：1280.5 | 备注：含线上渠道，另计退货" in lines
    assert "大区：西南 | 城市：重庆 | 2025年销售额（万元）：655.8" in lines  # an empty value is left out
    outline = recover_outline(load_file(path))
    assert [s.path for s in outline.sections] == [()]  # no row is taken for a heading


def test_a_headerless_semicolon_table_with_quoted_newlines_keeps_every_value(tmp_path):
    path = tmp_path / "stock.csv"
    path.write_text('A-100;"螺丝\n（不锈钢）";1200\nA-101;垫片;300\nA-102;"螺母; 六角";75\n', "utf-8")
    lines = _lines(path)
    assert lines == ["A-100 | 螺丝（不锈钢） | 1200", "A-101 | 垫片 | 300", "A-102 | 螺母; 六角 | 75"]


def test_a_folder_build_reads_csv_and_tsv_files(tmp_path):
    with (tmp_path / "faq.tsv").open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, delimiter="\t").writerows([["问题", "答案"], ["发票怎么开？", "下单时勾选开具发票。"]])
    with (tmp_path / "sales.csv").open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(ROWS)
    result = load_paths([tmp_path])
    assert sorted(d.doc_id for d in result.documents) == ["faq.tsv", "sales.csv"]
    assert not result.problems
    faq = next(d for d in result.documents if d.doc_id == "faq.tsv")
    assert "问题：发票怎么开？ | 答案：下单时勾选开具发票。" in faq.text
