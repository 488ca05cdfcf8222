"""A report's table of figures in a PDF: a figure wrapped inside its narrow cell is read whole ('3,215,487,902.15',
what a user searches for), each row one line 'item | figure | figure', ruled or not; a table's header row that a
page break left alone at the foot of a page stays one row. PDFs made by reportlab (platypus tables, and a table
drawn on the canvas as a word processor prints one across a page break)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.table_pdfs import FONT_FILE, data_doc, make_reportlab

_FIGURE = re.compile(r"\d{1,3}(?:,\d{3})+\.\d\d")


def _paragraphs(pdf: Path) -> tuple[str, list[str]]:
    from qa.loading import load_file
    from qa.structure import recover_outline

    loaded = load_file(pdf)
    return loaded.text, ["".join(p.text.split()) for p in recover_outline(loaded).paragraphs]


@pytest.mark.parametrize("ruled", [True, False], ids=["ruled", "bare"])
def test_wrapped_figures_stay_whole_and_rows_one_line(tmp_path, ruled):
    doc = data_doc(3, columns=4, rows=6, narrow=True, sections=1)
    text, paras = _paragraphs(make_reportlab(doc, tmp_path / "report.pdf", ruled))
    figures = [c for r in doc.sections[0][1] for c in r if _FIGURE.fullmatch(c)]
    assert figures
    missing = [f for f in figures if f not in text]
    assert not missing, f"figures split in the text: {missing}"
    for row in doc.sections[0][1]:
        assert "|".join(row) in paras, f"row {row} is not one line"


def test_header_row_at_a_page_foot_stays_one_row(tmp_path):
    """A ruled table whose header row ends page 1 and whose body starts page 2 (as LibreOffice breaks it)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if "WQY" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("WQY", str(FONT_FILE), subfontIndex=0))
    width, height = A4
    xs = [72, 200, 300, 400, 520]
    pdf = tmp_path / "break.pdf"
    c = canvas.Canvas(str(pdf), pagesize=A4)

    def row(y: float, cells: list[str]) -> None:
        c.setFont("WQY", 10.5)
        for x, t in zip(xs, cells, strict=False):
            c.drawString(x + 4, y - 15, t)
        c.line(xs[0], y, xs[-1], y)
        c.line(xs[0], y - 22, xs[-1], y - 22)
        for x in xs:
            c.line(x, y, x, y - 22)

    c.setFont("WQY", 10.5)
    y = height - 72
    for n in range(44):
        c.drawString(72, y, f"第{n + 1}行正文：报告期内公司经营稳健，各项业务有序推进，主要指标保持增长。")
        y -= 15
    c.drawString(72, y, "单位：元 币种：人民币")
    row(y - 8, ["科目", "本期数", "上年同期数", "变动比例（%）"])
    c.showPage()
    y = height - 72
    for cells in (
        ["营业收入", "3,215,487,902.15", "2,786,120,334.08", "15.41"],
        ["销售费用", "186,554,301.22", "171,002,448.90", "9.09"],
        ["研发费用", "302,899,154.01", "243,785,529.23", "24.25"],
    ):
        row(y, cells)
        y -= 22
    c.drawString(72, y - 20, "研发费用变动原因说明：主要系公司加大研发投入所致。")
    c.save()
    _, paras = _paragraphs(pdf)
    assert "科目|本期数|上年同期数|变动比例（%）" in paras
    assert "营业收入|3,215,487,902.15|2,786,120,334.08|15.41" in paras
