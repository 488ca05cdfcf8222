"""Text at a page's edge that no furniture or carried-row rule may take (review7b's cases, drawn with reportlab).

- A subtotal row ('' | 小计 | 465000 | '') opening a table's second page is a row, not the tail of the row the first
  page ends with (qa.formats.pdf.carried_rows).
- A notice's signature date set alone at the top of page two, a document's own issue line and its '发布时间' line are
  text, not a header printed on one page (qa.formats.pdf.edge_rows._lone_headers).
- A slide's title repeated on the three slides it runs over is a heading, not furniture (edge_rows._repeated).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.formats.pdf import read_pdf

reportlab = pytest.importorskip("reportlab")
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.ttfonts import TTFont  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
needs_font = pytest.mark.skipif(not FONT.exists(), reason="WenQuanYi Micro Hei not installed")
SENT = "各单位要高度重视安全生产工作，认真落实安全生产责任制，切实加强隐患排查治理，确保不发生重大事故。"


def _font() -> None:
    pdfmetrics.registerFont(TTFont("WQY", str(FONT), subfontIndex=0))


def _text(pdf: Path) -> str:
    return read_pdf(pdf, pdf.name).text.replace(" ", "")


@needs_font
def test_a_subtotal_row_opening_the_next_page_stays_a_row(tmp_path: Path) -> None:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    _font()
    grid = TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("FONT", (0, 0), (-1, -1), "WQY", 10)])
    head = ["序号", "项目名称", "金额（元）", "备注"]
    first = [head] + [[str(i), f"办公设备采购第{i}批", str(1000 * i), "已付"] for i in range(1, 31)]
    second = [head, ["", "小计", "465000", ""]] + [
        [str(i), f"维修工程第{i}项", str(500 * i), ""] for i in range(31, 36)
    ]
    body = ParagraphStyle("b", fontName="WQY", fontSize=11, leading=18)
    pdf = tmp_path / "subtotal.pdf"
    story = [
        Paragraph("根据年度预算安排，现将本年度采购项目汇总如下。", body),
        Table(first, colWidths=[50, 200, 100, 100], style=grid),
        PageBreak(),
        Table(second, colWidths=[50, 200, 100, 100], style=grid),
    ]
    SimpleDocTemplate(str(pdf), pagesize=A4).build(story)
    text = _text(pdf)
    assert "办公设备采购第30批小计" not in text
    assert "小计|465000" in text


def _two_pages(pdf: Path, first_line: str, right_date: str | None) -> None:
    """A notice on two pages: ``first_line`` opens page one; ``right_date`` alone, right-aligned, opens page two."""
    _font()
    width, height = A4
    c = canvas.Canvas(str(pdf), pagesize=A4)
    c.setFont("WQY", 12)
    c.drawString(250, height - 0.09 * height, first_line)
    c.setFont("WQY", 20)
    c.drawString(210, height - 0.09 * height - 40, "安全生产工作简报")
    c.setFont("WQY", 12)
    y = height - 0.09 * height - 80
    while y > 100:
        c.drawString(72, y, SENT[:38])
        y -= 20
    c.drawRightString(width - 90, y, "青溪县应急管理局")
    c.showPage()
    y = height - 90
    c.setFont("WQY", 12)
    if right_date:
        c.drawRightString(width - 90, y, right_date)
        y -= 100
    c.drawString(72, y, "抄送：县委办公室，县人大常委会办公室，县政协办公室。")
    c.save()


@needs_font
@pytest.mark.parametrize("first", ["2025年第3期（总第45期）", "发布时间：2025年3月15日　来源：市应急管理局"])
def test_a_documents_issue_or_date_line_and_its_signature_date_are_text(tmp_path: Path, first: str) -> None:
    pdf = tmp_path / "notice.pdf"
    _two_pages(pdf, first, "2025年5月20日")
    text = _text(pdf)
    assert first.replace("　", "") in text.replace("　", "")
    assert "2025年5月20日" in text


@needs_font
def test_a_slide_title_repeated_on_three_slides_stays_a_heading(tmp_path: Path) -> None:
    _font()
    width, height = 960, 540
    pdf = tmp_path / "deck.pdf"
    c = canvas.Canvas(str(pdf), pagesize=(width, height))
    slides = [
        ("安全培训", ["主讲：安全环保部"]),
        ("安全操作规程", ["进入装置区必须穿戴防静电工作服"]),
        ("安全操作规程", ["受限空间作业前必须进行气体检测"]),
        ("安全操作规程", ["高处作业必须系挂安全带"]),
        ("应急处置", ["发生泄漏时立即启动应急预案"]),
    ]
    for title, points in slides:
        c.setFont("WQY", 32)
        c.drawString(50, height - 0.1 * height, title)
        c.setFont("WQY", 22)
        for k, point in enumerate(points):
            c.drawString(80, height - 140 - 50 * k, "• " + point)
        c.showPage()
    c.save()
    assert _text(pdf).count("安全操作规程") == 3
