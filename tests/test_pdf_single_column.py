"""A single-column report PDF (reportlab, a real CJK font): a figure's caption set in the body's type right
above the next heading closes the section above it. The newspaper rule that reads a short body-type label
over a headline as its kicker (which joins the story below) must not take a report's caption with it: the
caption would then be cited under the next section."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.loading import load_file
from qa.structure import recover_outline

pytest.importorskip("reportlab")

BODY = "本研究讨论了系统在多种负载下的表现，并给出了实验设置与结论。"
SIZE = 10.5


def _report(path: Path, caption: str, caption_size: float) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    y = 780.0

    def line(text: str, size: float = SIZE, x: float = 72) -> None:
        nonlocal y
        c.setFont("STSong-Light", size)
        c.drawString(x, y, text)
        y -= size * 1.6

    for head in ("一、研究背景", "二、研究方法"):
        if head.startswith("二"):
            y -= 120  # a figure
            line(caption, caption_size)
            y -= 4
        line(head, 16)
        y -= 6
        for n in range(6):
            line(("　　" if n % 3 == 0 else "") + BODY)
    c.save()


@pytest.mark.parametrize("caption_size", [SIZE, 9.0], ids=["body-type", "smaller"])
@pytest.mark.parametrize("caption", ["图1 系统结构", "表2 主要参数", "Figure 3"])
def test_a_caption_right_above_a_heading_stays_in_the_section_above(tmp_path, caption, caption_size):
    path = tmp_path / "report.pdf"
    _report(path, caption, caption_size)
    outline = recover_outline(load_file(path))
    homes = [s.path for s in outline.sections for i in s.paragraphs if caption in outline.paragraphs[i].text]
    assert homes == [("一、研究背景",)]
    assert any(s.path == ("二、研究方法",) for s in outline.sections)
