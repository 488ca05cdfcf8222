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


def test_a_list_of_people_without_a_header_is_not_labelled_by_its_first_row(tmp_path):
    """'张三,男,销售部' is data: labelled by it, every row read '张三：李四 | 男：女'."""
    path = tmp_path / "staff.csv"
    path.write_text("张三,男,销售部\n李四,女,财务部\n王五,男,人事部\n", "utf-8")
    assert _lines(path) == ["张三 | 男 | 销售部", "李四 | 女 | 财务部", "王五 | 男 | 人事部"]


def test_cells_beyond_the_headers_width_and_huge_cells_are_kept(tmp_path):
    path = tmp_path / "ragged.csv"
    path.write_text("城市,销售额\n成都,730.2,同比增长5%\n", "utf-8")
    assert "城市：成都 | 销售额：730.2 | 同比增长5%" in _lines(path)
    big = tmp_path / "articles.csv"
    article = "正文" * 80_000  # 160,000 characters: past the csv module's default 131,072-character field limit
    big.write_text(f"标题,内容\n通知,{article}\n", "utf-8")
    assert any(article in line for line in _lines(big))
