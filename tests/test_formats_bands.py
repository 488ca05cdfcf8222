"""Text in a page's top and bottom bands that is not furniture: real PDFs made with reportlab.

Found on the fpdf2 producer's diagnosis seeds (benchmarks/formats.py --diagnosis-seeds, 15500+): a short jump head
('…▼上接第一版', which names an edition like a banner does) set atop a column in the top band, and a column's last
line mentioning a date in the bottom band, with a jump marker on its row — each was dropped as page furniture, and
the jump with it. These tests use another library, other text and other measures.
"""

from __future__ import annotations

import pytest

from qa.loading import load_file
from qa.structure import recover_outline
from tests.test_formats_gutters import COLUMN, _font

pytest.importorskip("reportlab")

SIZE = 10.0
PER_ROW = 14
LEAD = 1.5 * SIZE
HEAD = "城市公交改革稳步推进"


def _rows(text: str) -> list[str]:
    return [text[i : i + PER_ROW] for i in range(0, len(text), PER_ROW)]


def _column(c, x: float, y: float, rows: list[str]) -> float:  # noqa: ANN001
    for row in rows:
        c.drawString(x, y, row)
        y -= LEAD
    return y


def _outline(path):  # noqa: ANN001, ANN202
    outline = recover_outline(load_file(path))
    texts = ["".join(p.text.split()) for p in outline.paragraphs]
    return outline, texts


def _homes(outline, texts: list[str], part: str) -> set[tuple[str, ...]]:  # noqa: ANN001
    return {s.path[:1] for s in outline.sections for i in s.paragraphs if part in texts[i]}


def _banner(c, page: int) -> None:  # noqa: ANN001
    c.setFont(_font(), 8)
    c.drawString(40, 815, f"江城晚报　2026年5月2日　星期四　第{page}版")
    c.drawString(290, 20, f"— {page} —")


@pytest.mark.parametrize("head", ["城市公交▼上接第一版", "城市公交改革（接1版）"])
def test_a_short_jump_head_atop_a_column_in_the_top_band_opens_the_continuation(tmp_path, head):
    """A jumped story's rest on page 2 heads the third column under a short jump head set in the page's top band,
    beside the banner's row: the head names an edition like a banner does, but it is no furniture — the rest is
    cited under the story and stitched to its page-1 text."""
    from reportlab.pdfgen import canvas

    font = _font()
    path = tmp_path / "top-band.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    rows = _rows(COLUMN[0] + COLUMN[1])
    _banner(c, 1)
    c.setFont(font, 22)
    c.drawString(40, 770, HEAD)
    c.setFont(font, SIZE)
    _column(c, 40, 735, rows[:12])
    _column(c, 40 + (PER_ROW + 2) * SIZE, 735, [*rows[12:15], rows[15] + "▲下转第二版"])
    c.showPage()
    _banner(c, 2)
    c.setFont(font, 22)
    c.drawString(40, 770, "夏粮收购进展顺利")
    c.setFont(font, SIZE)
    other = _rows(COLUMN[2] * 2)
    _column(c, 40, 735, other[:30])
    x3 = 40 + 2 * (PER_ROW + 2) * SIZE
    c.setFont(font, 14)
    c.drawString(x3, 800, head)  # in the top band, a little under the banner's row
    c.setFont(font, SIZE)
    _column(c, x3, 778, rows[16:])
    _column(c, 40 + (PER_ROW + 2) * SIZE, 735, other[30:])
    c.save()
    outline, texts = _outline(path)
    rest = "".join(rows[17:19])
    assert _homes(outline, texts, rest) == {(HEAD,)}, outline.sections
    assert outline.stitches


def test_a_columns_last_line_with_a_date_in_the_bottom_band_is_text_and_keeps_the_jump_on_its_row(tmp_path):
    """A column's last line reaches into the page's bottom band and mentions a date ('1995年11月24日'), like a
    footer; on its row the next column's story ends with '（下转第2版）'. The line is the story's text, and the
    marker still ends the other story, which is stitched to its rest on page 2."""
    from reportlab.pdfgen import canvas

    font = _font()
    path = tmp_path / "bottom-band.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    _banner(c, 1)
    c.setFont(font, 14)  # two headlines side by side, each over its own column
    c.drawString(40, 780, "夏粮收购进展顺利")
    x2 = 40 + (PER_ROW + 2) * SIZE
    c.drawString(x2, 780, HEAD)
    c.setFont(font, SIZE)
    first = [*_rows(COLUMN[2][: 6 * PER_ROW]), "早在1995年11月24日晚各地粮库"]  # the date on the last row
    foot = 40.0  # the last row, in the bottom band (under 7.5% of the page's height)
    top = foot + (len(first) - 1) * LEAD
    _column(c, 40, top, first)
    jumped = _rows(COLUMN[0] + COLUMN[1])
    n = len(first) - 1
    _column(c, x2, top, jumped[:n])
    c.drawString(x2, foot, jumped[n][:8])
    c.drawRightString(x2 + PER_ROW * SIZE, foot, "（下转第2版）")
    c.showPage()
    _banner(c, 2)
    c.setFont(font, 22)
    c.drawString(40, 780, "农村合作医疗覆盖面扩大")
    c.setFont(font, SIZE)
    _column(c, 40, 745, _rows("铁路部门今年春运准备工作已全面就绪全国铁路将增开临时旅客列车三百余对售票窗口延长时间"))
    c.setFont(font, 14)
    c.drawString(40, 560, "城市公交改革（接1版）")
    c.setFont(font, SIZE)
    _column(c, 40, 535, [jumped[n][8:], *jumped[n + 1 :]])
    c.save()
    outline, texts = _outline(path)
    assert _homes(outline, texts, "早在1995年11月24日") == {("夏粮收购进展顺利",)}
    assert _homes(outline, texts, "".join(jumped[n + 1 : n + 3])) == {(HEAD,)}, outline.sections
    assert outline.stitches
