"""HTML tables with merged cells (rowspan/colspan) read one line per row, each value under its column's name.

Excel's "Save as Web Page" writes a region's name once with rowspan over its cities and a total's label across two
columns with colspan; read cell by cell, '杭州 | 860.0' lost its region and every value after a colspan slid
under the wrong column. The markup below follows Excel's (x:num, mso classes, a gb2312 page)."""

from __future__ import annotations

from pathlib import Path

from qa.loading import load_file
from qa.structure import recover_outline

EXCEL = """<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head>
<meta http-equiv=Content-Type content="text/html; charset=gb2312"><meta name=ProgId content=Excel.Sheet>
<style>.xl65{{mso-number-format:"\\@";}}</style></head><body link=blue vlink=purple>
<table border=0 cellpadding=0 cellspacing=0 width=400 style="border-collapse:collapse">
<tr height=27><td colspan=5 class=xl67>2025年各城市销售额统计（单位：万元）</td></tr>
<tr height=19><td class=xl65>大区</td><td class=xl65>城市</td><td class=xl65>2025年</td><td class=xl65>2024年</td>
<td class=xl65>同比增长</td></tr>
{rows}
<tr height=19><td colspan=2 class=xl65>合计</td><td class=xl66 x:num>5937.7</td><td class=xl66 x:num>5346.9</td>
<td class=xl65>11.0%</td></tr>
</table></body></html>"""
DATA = [
    ("华东", [("上海", "1280.5", "1105.2", "15.9%"), ("杭州", "860.0", "790.3", "8.8%")]),
    (
        "西南",
        [("成都", "730.2", "602.5", "21.2%"), ("重庆", "655.9", "640.1", "2.5%"), ("贵阳", "410.0", "380.2", "7.8%")],
    ),
]


def _excel(tmp_path: Path) -> list[str]:
    rows = []
    for region, cities in DATA:
        for k, (city, *values) in enumerate(cities):
            head = f"<td rowspan={len(cities)} class=xl65>{region}</td>" if k == 0 else ""
            cells = "".join(f"<td class=xl66 x:num>{v}</td>" for v in values[:2]) + f"<td class=xl65>{values[2]}</td>"
            rows.append(f"<tr height=19>{head}<td class=xl65>{city}</td>{cells}</tr>")
    path = tmp_path / "销售.htm"
    path.write_bytes(EXCEL.format(rows="\n".join(rows)).encode("gb2312"))
    outline = recover_outline(load_file(path))
    return [p.text for p in outline.paragraphs]


def test_a_value_merged_down_is_read_in_every_row_it_covers(tmp_path):
    texts = _excel(tmp_path)
    assert "大区：华东 | 城市：杭州 | 2025年：860.0 | 2024年：790.3 | 同比增长：8.8%" in texts
    assert "大区：西南 | 城市：贵阳 | 2025年：410.0 | 2024年：380.2 | 同比增长：7.8%" in texts
    assert "大区：西南 | 城市：成都 | 2025年：730.2 | 2024年：602.5 | 同比增长：21.2%" in texts


def test_a_cell_across_columns_keeps_the_values_after_it_under_their_columns(tmp_path):
    texts = _excel(tmp_path)
    assert "合计 | 2025年：5937.7 | 2024年：5346.9 | 同比增长：11.0%" in texts
    assert "2025年各城市销售额统计（单位：万元）" in texts  # the title row across the table, as it reads
    assert "大区 | 城市 | 2025年 | 2024年 | 同比增长" in texts  # the header row is kept: no text is lost


def _page(tmp_path: Path, table: str) -> list[str]:
    path = tmp_path / "page.html"
    path.write_text(f"<html><head><meta charset='utf-8'><title>表</title></head><body>{table}</body></html>", "utf-8")
    return [p.text for p in recover_outline(load_file(path)).paragraphs]


def test_two_header_rows_name_each_column_top_to_bottom(tmp_path):
    table = """<table><thead><tr><th rowspan=2>城市</th><th colspan=2>销售额</th></tr>
    <tr><th>2025年</th><th>2024年</th></tr></thead>
    <tbody><tr><td>上海</td><td>1280.5</td><td>1105.2</td></tr><tr><td>杭州</td><td>860.0</td><td>790.3</td></tr></tbody>
    </table>"""
    texts = _page(tmp_path, table)
    assert "城市：杭州 | 销售额 2025年：860.0 | 销售额 2024年：790.3" in texts


def test_a_form_naming_its_fields_down_the_first_column_is_not_labelled_by_its_first_row(tmp_path):
    table = """<table><tr><td>姓名</td><td>张三</td><td>性别</td><td>男</td></tr>
    <tr><td>部门</td><td>研发部</td><td>职务</td><td>工程师</td></tr>
    <tr><td>电话</td><td>13800001111</td><td>邮箱</td><td>zhang@example.com</td></tr></table>"""
    texts = _page(tmp_path, table)
    assert "部门 | 研发部 | 职务 | 工程师" in texts and "姓名 | 张三 | 性别 | 男" in texts


def test_a_row_left_with_one_cell_of_its_own_is_still_a_row_of_the_table(tmp_path):
    table = """<table><tr><th>项目</th><th>说明</th></tr>
    <tr><td rowspan=2>年假</td><td>工作满一年后享有</td></tr><tr><td>每多一年加一天</td></tr></table>"""
    texts = _page(tmp_path, table)
    assert "项目：年假 | 说明：每多一年加一天" in texts


def test_a_table_laying_out_a_page_takes_no_column_names_from_its_first_row(tmp_path):
    table = """<table><tr><td><h2>采购公告</h2></td><td>发布日期</td></tr>
    <tr><td>办公桌</td><td>120</td></tr><tr><td>办公椅</td><td>240</td></tr></table>"""
    texts = _page(tmp_path, table)
    assert "办公桌 | 120" in texts and "办公椅 | 240" in texts
