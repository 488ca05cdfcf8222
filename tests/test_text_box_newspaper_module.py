"""A newspaper's boxed story is no floated text box (qa.formats.pdf.textboxes).

A Word text box floats beside the body, which wraps it down to its foot and runs on under it in body type. A
newspaper page sets a boxed story beside another story's columns that end higher up, and the next module's headline
under both: that headline starts on one of the columns' edges and reaches under the box, which the float rule once
took for the body running on — the box was read apart from the page's modules (the Chromium newspaper set fell
0.978 → 0.973). Built with reportlab: the text-box rule must find no float here, and the page's stories keep their
own paragraphs.
"""

from __future__ import annotations

from pathlib import Path

from qa.formats.pdf import read_pdf
from qa.formats.pdf.page import read_pages
from qa.formats.pdf.textboxes import text_boxes
from qa.structure import recover_outline

FONT = "STSong-Light"
PAGE_W, PAGE_H = 595.0, 842.0
BODY = 11.5
LEFT_HEAD, BOX_HEAD, NEXT_HEAD = "城乡居民收入稳步增长", "聚焦民生实事", "消费者协会确定年度活动主题"
LEFT_TEXT = "今年以来，全市城乡居民收入保持稳定增长，农村居民收入增速继续快于城镇居民，收入差距进一步缩小。" * 3
BOX_TEXT = "市政府今年确定的十件民生实事进展顺利，老旧小区改造、社区养老服务和农贸市场提升等项目已陆续完工。" * 4
NEXT_TEXT = "消费者协会日前公布今年的活动主题，将围绕农村消费市场开展调查和维权活动，推动放心消费环境建设。" * 2


def _column(c, text: str, x: float, top: float, chars: int, rows: int) -> None:
    for k in range(rows):
        c.drawString(x, PAGE_H - top - k * 15, text[k * chars : (k + 1) * chars])


def _page(path: Path) -> Path:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    c.setFont(FONT, 24)
    c.drawString(30, PAGE_H - 60, LEFT_HEAD)
    c.setFont(FONT, BODY)
    _column(c, LEFT_TEXT, 30, 90, 12, 14)  # two columns ending at about 300 pt from the top
    _column(c, LEFT_TEXT[168:] + LEFT_TEXT, 190, 90, 12, 14)
    c.rect(350, PAGE_H - 460, 210, 405)  # the boxed story, its foot at 460 pt
    c.setFont(FONT, 16)
    c.drawString(360, PAGE_H - 80, BOX_HEAD)
    c.setFont(FONT, BODY)
    _column(c, BOX_TEXT, 360, 110, 16, 22)
    c.setFont(FONT, 30)
    c.drawString(190, PAGE_H - 505, NEXT_HEAD)  # the next module's headline, on the second column's edge, under the box
    c.setFont(FONT, BODY)
    _column(c, NEXT_TEXT, 190, 535, 28, 7)
    c.showPage()
    c.save()
    return path


def test_a_boxed_story_beside_shorter_columns_is_no_float(tmp_path: Path) -> None:
    path = _page(tmp_path / "modules.pdf")
    pages, body = read_pages(path, path.name)
    assert not text_boxes(pages[0].lines, pages[0].frames, body)
    outline = recover_outline(read_pdf(path, path.name))
    titles = {section.path[-1] for section in outline.sections if section.paragraphs}
    assert {LEFT_HEAD, BOX_HEAD} <= titles
