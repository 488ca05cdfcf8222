"""A form laid out as a table (field names beside their values) is not a table of records: its first row must not
label the others ('项目名称：负责人 | 城市内涝智能预警系统：李明' wrote false facts into the index)."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from qa.loading import load_file

FORM_2 = [("项目名称", "城市内涝智能预警系统"), ("负责人", "李明"), ("申请单位", "重庆大学"),
          ("项目简介", "基于物联网的监测与预警"), ("经费预算", "五十万元"), ("起止年月", "2026年1月起")]  # fmt: skip
FORM_4 = [("姓名", "张三", "性别", "男"), ("籍贯", "四川成都", "民族", "汉"), ("学历", "本科", "专业", "计算机"),
          ("毕业院校", "四川大学", "政治面貌", "群众")]  # fmt: skip
RECORDS = [("城市", "2025年销售额（万元）"), ("成都", "730.2"), ("杭州", "860.0"), ("重庆", "655.5")]


def _docx(path: Path, rows: list[tuple[str, ...]]) -> Path:
    document = docx.Document()
    document.add_paragraph("登记表")
    table = document.add_table(rows=0, cols=len(rows[0]))
    for row in rows:
        for cell, value in zip(table.add_row().cells, row, strict=True):
            cell.text = value
    document.save(path)
    return path


def _html(path: Path, rows: list[tuple[str, ...]]) -> Path:
    body = "".join("<tr>" + "".join(f"<td>{v}</td>" for v in row) + "</tr>" for row in rows)
    path.write_text(f"<html><head><meta charset='utf-8'><title>登记表</title></head><body><h1>登记表</h1>"
                    f"<table>{body}</table></body></html>", encoding="utf-8")  # fmt: skip
    return path


@pytest.mark.parametrize("make", [_docx, _html])
@pytest.mark.parametrize("rows", [FORM_2, FORM_4])
def test_a_forms_first_row_labels_nothing(tmp_path: Path, make, rows) -> None:
    text = load_file(make(tmp_path / f"form.{make.__name__[1:]}", rows)).text
    for row in rows[1:]:
        assert " | ".join(row) in text, text  # each field beside its value, as the form shows it
    assert f"{rows[0][0]}：{rows[1][0]}" not in text


@pytest.mark.parametrize("make", [_docx, _html])
def test_a_table_of_figures_keeps_its_labels(tmp_path: Path, make) -> None:
    text = load_file(make(tmp_path / f"sales.{make.__name__[1:]}", RECORDS)).text
    assert "城市：成都 | 2025年销售额（万元）：730.2" in text, text


CONTACTS = [("姓名", "部门", "职务"), ("张三", "研发部", "工程师"), ("李四", "财务部", "会计")]


@pytest.mark.parametrize("make", [_docx, _html])
def test_a_table_of_records_named_by_words_keeps_its_labels(tmp_path: Path, make) -> None:
    """No figures, but every cell of the first row is a column name: a header (government pages rarely mark <th>)."""
    text = load_file(make(tmp_path / f"contacts.{make.__name__[1:]}", CONTACTS)).text
    assert "姓名：张三 | 部门：研发部 | 职务：工程师" in text, text
