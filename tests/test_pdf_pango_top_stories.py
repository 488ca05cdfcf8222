"""The first stories under an inside page's running head keep their kickers, headlines and subtitles.

An inside page opens with a running head (第2版 · 版名, the date, the paper's name) over a rule, and its first
stories start close under it: their heads fall in the top band where banners, dates and folios are looked for. A
kicker or a subtitle set small there looked like a banner line and went out as furniture — and with it the
headline on its row, so that story's text fell to the story before it. The page is written by reportlab and read
by the real reader.
"""

from __future__ import annotations

from pathlib import Path

from qa.formats.pdf import read_pdf
from qa.structure import recover_outline

PAGE_W, PAGE_H = 800.0, 1000.0
MARGIN, GUTTER, BODY, LEADING = 40.0, 12.0, 10.0, 15.0
COL_W = (PAGE_W - 2 * MARGIN - 3 * GUTTER) / 4
LEFT_HEAD, LEFT_SUB = "金价创近二十年最低", "——国际市场需求疲软"
RIGHT_KICKER, RIGHT_HEAD = "首都劳模联欢", "劳模代表共迎新春"
LEFT_TEXT = (
    "新年伊始，国际市场黄金价格持续走低，伦敦市场金价一度跌至每盎司二百八十美元以下，创近二十年来的最低水平。"
    "分析人士认为，各国央行抛售黄金储备和亚洲市场需求减少，是金价下跌的主要原因。"
)
RIGHT_TEXT = (
    "首都各界劳动模范代表五百余人昨天欢聚一堂，共迎新春佳节。市领导向劳模们致以节日的问候，"
    "希望大家继续发挥模范带头作用，在各自岗位上再立新功，为首都发展作出新的贡献。"
)


def _set(c, x: float, y: float, text: str) -> None:  # noqa: ANN001 - a canvas
    """``text`` set in two columns from ``x``, balanced."""
    per_line = int(COL_W // BODY)
    rows = [text[k : k + per_line] for k in range(0, len(text), per_line)]
    per_column = -(-len(rows) // 2)
    c.setFont("STSong-Light", BODY)
    for k, row in enumerate(rows):
        col, at = divmod(k, per_column)
        c.drawString(x + col * (COL_W + GUTTER), y - at * LEADING, row)


def test_heads_under_the_running_head_are_no_furniture(tmp_path: Path, fonts) -> None:
    from reportlab.pdfgen import canvas

    path = tmp_path / "page2.pdf"
    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    c.setFont("STSong-Light", 11)
    c.drawString(MARGIN, PAGE_H - 40, "第2版 综合新闻")
    c.setFont("STSong-Light", 8.5)
    c.drawRightString(PAGE_W - MARGIN, PAGE_H - 40, "2024年1月11日 星期四 江南日报")
    c.line(MARGIN, PAGE_H - 45, PAGE_W - MARGIN, PAGE_H - 45)
    # Left: a headline and its subtitle right under it, in the top band (its top 7.5 % of the page).
    c.setFont("STSong-Light", 16)
    c.drawString(MARGIN, PAGE_H - 66, LEFT_HEAD)
    c.setFont("STSong-Light", 8)
    c.drawString(MARGIN + 16, PAGE_H - 77, LEFT_SUB)
    _set(c, MARGIN, PAGE_H - 100, LEFT_TEXT * 2)
    # Right: a small kicker over a headline, the kicker in the band.
    x = MARGIN + 2 * (COL_W + GUTTER)
    c.setFont("STSong-Light", 8)
    c.drawString(x + 20, PAGE_H - 60, RIGHT_KICKER)
    c.setFont("STSong-Light", 16)
    c.drawString(x, PAGE_H - 77, RIGHT_HEAD)
    _set(c, x, PAGE_H - 100, RIGHT_TEXT * 2)
    c.save()

    document = read_pdf(path, path.name)
    outline = recover_outline(document)
    assert [s.path for s in outline.sections] == [(LEFT_HEAD,), (RIGHT_HEAD,)]
    by_text = {p.text: p.index for p in outline.paragraphs}
    assert by_text[LEFT_SUB] in outline.sections[0].paragraphs
    assert by_text[RIGHT_KICKER] in outline.sections[1].paragraphs
    assert "江南日报" not in document.text and "综合新闻" not in document.text  # the running head is still furniture
