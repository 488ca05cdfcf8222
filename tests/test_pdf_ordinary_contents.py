"""A contents page's entry rows are dropped, and nothing else: body rows that look like entries stay.

A label and a number ('一季度经费 120') under a short contents list, or a table ('北京 1200') opening the page after a
contents list that filled its page, is text a user asks about (reviewer's cases; reportlab PDFs)."""

from __future__ import annotations

import pytest

from qa.loading import load_file
from tests.reportlab_pages import microhei_canvas

reportlab = pytest.importorskip("reportlab")
BODY = "本研究基于城市交通调查数据，分析了高峰时段拥堵的主要成因，并提出了相应的治理建议。"


def _body(c, x: float, y: float) -> None:
    text = BODY * 2
    for k in range(0, len(text), 38):
        c.setFont("W", 11)
        c.drawString(x, y, text[k : k + 38])
        y -= 18


def test_label_and_number_rows_under_a_short_contents_list_stay(tmp_path) -> None:
    c, (w, h) = microhei_canvas(tmp_path / "report.pdf")
    c.setFont("W", 16)
    c.drawCentredString(w / 2, h - 80, "目 录")
    y = h - 120
    for title, page in [("一、项目概况", 1), ("二、实施进度", 2), ("三、经费使用", 3)]:
        c.setFont("W", 11)
        c.drawString(80, y, title)
        c.drawRightString(w - 80, y, str(page))
        y -= 22
    y -= 20
    c.drawString(80, y, "项目负责人：张三")
    for label, value in [("一季度经费", "120"), ("二季度经费", "135")]:
        y -= 22
        c.drawString(80, y, label)
        c.drawRightString(w - 80, y, value)
    _body(c, 80, y - 32)
    c.showPage()
    c.showPage()
    c.showPage()
    c.save()
    text = load_file(tmp_path / "report.pdf").text
    for kept in ("项目负责人：张三", "一季度经费", "120", "二季度经费", "135", BODY):
        assert kept in text, text
    assert "项目概况" not in text, text  # the contents entries still go


def test_a_table_opening_the_page_after_a_full_contents_page_stays(tmp_path) -> None:
    c, (w, h) = microhei_canvas(tmp_path / "thesis.pdf")
    c.setFont("W", 16)
    c.drawCentredString(w / 2, h - 80, "目录")
    y, n = h - 130, 0
    while y > 60:
        n += 1
        c.setFont("W", 11)
        c.drawString(80, y, f"第{n}章 标题{n} " + "." * 40)
        c.drawRightString(w - 80, y, str(n + 1))
        y -= 24
    c.showPage()
    y = h - 80
    for city, value in [("北京", 1200), ("上海", 1350), ("广州", 980), ("深圳", 1105)]:
        c.setFont("W", 11)
        c.drawString(80, y, city)
        c.drawRightString(w - 80, y, str(value))
        y -= 20
    c.setFont("W", 16)
    c.drawString(80, y - 10, "第一章 绪论")
    _body(c, 80, y - 40)
    c.showPage()
    for _ in range(n):
        c.showPage()
    c.save()
    text = load_file(tmp_path / "thesis.pdf").text
    for kept in ("北京", "1200", "深圳", "1105", BODY):
        assert kept in text, text
    assert "标题3" not in text, text  # the contents entries still go
