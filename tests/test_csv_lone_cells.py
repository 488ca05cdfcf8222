"""Rows with one filled cell that are records, not a sheet's title or notes.

A headerless contact list whose first people have no phone yet ('张三,,') was read with '张三' as the document's
title, every row cited under it; a company list's last row '说明书印刷厂,,' became a note because it begins with
'说明'. A one-cell row is a title only above a header (or when it names a table, '…统计表'), and a note only with
its word and a colon ('说明：…', '注：…').
"""

from __future__ import annotations

import csv

from qa.loading import load_file
from qa.structure import recover_outline


def _write(path, rows) -> None:  # noqa: ANN001
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)


def _read(path):  # noqa: ANN001, ANN202
    outline = recover_outline(load_file(path))
    return outline, [outline.paragraphs[i].text for s in outline.sections for i in s.paragraphs]


def test_headerless_records_with_one_filled_cell_are_rows_not_a_title(tmp_path):
    path = tmp_path / "contacts.csv"
    _write(
        path,
        [["张三", "", ""], ["李四", "", ""], ["王五", "13800000000", "北京"], ["赵六", "13900000000", "上海"]],
    )
    outline, texts = _read(path)
    assert all("张三" not in part for s in outline.sections for part in s.path)  # no row titles the document
    assert texts[:2] == ["张三", "李四"]


def test_a_title_row_over_a_header_is_still_the_title(tmp_path):
    path = tmp_path / "staff.csv"
    _write(
        path,
        [["参会人员", "", ""], ["姓名", "单位", "年龄"], ["张三", "财务处", "35"], ["李四", "人事处", "41"]],
    )
    outline, texts = _read(path)
    assert outline.sections[0].path == ("参会人员",)
    assert "姓名：张三 | 单位：财务处 | 年龄：35" in texts


def test_a_last_record_beginning_with_a_note_word_is_a_record(tmp_path):
    path = tmp_path / "firms.csv"
    _write(
        path,
        [
            ["单位名称", "电话", "地址"],
            ["东方电子有限公司", "0571-88886666", "杭州市西湖区"],
            ["临江纸业有限公司", "0571-88887777", "临江市"],
            ["说明书印刷厂", "", ""],
            ["说明：电话为总机号码", "", ""],
        ],
    )
    _, texts = _read(path)
    assert "单位名称：说明书印刷厂" in texts
    assert texts[-1] == "说明：电话为总机号码"
