"""A big title with a word space where it turns from Chinese to figures or Latin words is one title.

LibreOffice prints a Word title '华晟电子股份有限公司 2023年年度报告' with the space as a gap a third of the title's em
wide and no space character: parted there as at a gutter, the title read as two lines side by side and came back as
'华晟电子股份有限公司报告2023年年度', the root of every citation (an exploratory tester's annual report). Two headlines
side by side, each over its own column, stay two (reportlab PDFs)."""

from __future__ import annotations

import pytest

from qa.loading import load_file
from qa.structure import recover_outline
from tests.reportlab_pages import microhei_canvas

BODY = "报告期内公司实现营业收入八十六亿元，同比增长百分之十六点八，研发投入继续保持较高水平。"


def _spaced(c, x: float, y: float, parts: list[str], size: float, space: float) -> float:
    """Draw ``parts`` one after another with a gap of ``space`` em between them (no space character)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    for part in parts:
        c.drawString(x, y, part)
        x += stringWidth(part, "W", size) + space * size
    return x


@pytest.mark.parametrize(
    ("parts", "wrapped"),
    [
        (["华晟电子股份有限公司", "2023年年度"], "报告"),
        (["江州市轨道交通集团有限公司", "2024"], "年度社会责任报告"),
        (["Northwind 物流控股有限公司"], "年度报告"),
    ],
)
def test_a_wrapped_title_turning_from_chinese_to_latin_at_a_word_space_is_one_title(tmp_path, parts, wrapped) -> None:
    c, (w, h) = microhei_canvas(tmp_path / "report.pdf")
    c.setFont("W", 26)
    _spaced(c, 72, h - 90, parts, 26, 0.34)
    c.drawString(72, h - 124, wrapped)  # the title wraps: its last words under its first
    y = h - 150
    for head in ("第一节 重要提示", "第二节 经营情况"):
        c.setFont("W", 14)
        c.drawString(72, y, head)
        c.setFont("W", 11)
        c.drawString(72, y - 24, BODY[:30])
        c.drawString(72, y - 42, BODY[30:])
        y -= 100
    c.showPage()
    c.save()
    outline = recover_outline(load_file(tmp_path / "report.pdf"))
    roots = {s.path[0] for s in outline.sections if s.path}
    words = "".join([*parts, wrapped]).replace(" ", "")
    assert any(root.replace(" ", "") == words for root in roots), roots


def test_two_headlines_side_by_side_over_their_columns_stay_two(tmp_path) -> None:
    c, (w, h) = microhei_canvas(tmp_path / "page.pdf")
    left, right = 60, 60 + 235  # 220 pt columns 15 pt apart: the first head fills its column
    c.setFont("W", 22)
    c.drawString(left, h - 90, "乡村振兴稳步推进成效")
    c.drawString(right, h - 90, "2023年经济运行回顾")
    c.setFont("W", 10.5)
    for k in range(14):
        c.drawString(left, h - 125 - 16 * k, (BODY * 2)[k : k + 20])
        c.drawString(right, h - 125 - 16 * k, (BODY * 2)[k + 3 : k + 23])
    c.showPage()
    c.save()
    outline = recover_outline(load_file(tmp_path / "page.pdf"))
    titles = {t for s in outline.sections for t in s.path}
    assert "乡村振兴稳步推进成效" in titles and "2023年经济运行回顾" in titles, titles
