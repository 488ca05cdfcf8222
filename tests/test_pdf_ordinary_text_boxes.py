"""A text box's wrapped text is a paragraph of its section, not a heading over its last line.

Word and LibreOffice set a text box's Chinese in a 黑体 (a face whose name reads bold) and its figures in the Latin
face: the box's line wrapping before a phone number ('…联系电话：0571-' / '88886666。') left a second line of figures,
read as light, under a first line read as bold — a short bold line over text, a subhead. The 黑体 characters of both
lines say they are one paragraph in one weight: a line's weight is its CJK characters' when its Latin ones are
figures. Pages drawn by reportlab (the body in a 宋体, the box in WenQuanYi Micro Hei with Helvetica figures).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.loading import load_file
from qa.structure import recover_outline
from tests import ordinary_pdfs as op

SECTIONS = [
    ("一、组织保障", "成立项目领导小组，组长由园区管委会副主任陈静担任，成员由各部门负责人组成。"),
    ("二、经费保障", "项目总预算为三百八十万元，其中硬件采购占百分之六十，软件开发占百分之三十。"),
]
BOXES = [
    ("领导小组办公室设在信息中心，联系电话：0571-", "88886666。"),
    ("工程指挥部设在城建大楼三层，值班电话：025-", "66668888，24小时有人值守。"),
]


def _page(path: Path, box: tuple[str, str], size: float) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    hei = op._reportlab_font()  # WenQuanYi Micro Hei, a 黑体
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=A4)
    w, h = A4
    y = h - 80
    c.setFont(hei, 20)
    c.drawCentredString(w / 2, y, "智慧园区管理平台项目实施方案")
    y -= 50
    for k, (head, text) in enumerate(SECTIONS):
        c.setFont(hei, size * 1.3)
        c.drawString(72, y, head)
        y -= size * 2.2
        c.setFont("STSong-Light", size)
        c.drawString(72 + 2 * size, y, text)
        y -= size * 2.2
        if k == 0:  # the text box: a frame, its first line in the 黑体, the wrapped line's figures in Helvetica
            first, rest = box
            c.rect(84, y - size * 2.2, 320, size * 3.6)
            c.setFont(hei, size)
            c.drawString(92, y, first)
            y -= size * 1.4
            digits = rest[: len(rest) - len(rest.lstrip("0123456789-"))]
            c.setFont("Helvetica", size)
            c.drawString(92, y, digits)
            c.setFont(hei, size)
            c.drawString(92 + pdfmetrics.stringWidth(digits, "Helvetica", size), y, rest[len(digits) :])
            y -= size * 2.6
    c.save()
    return path


@pytest.mark.xfail(
    strict=True,
    reason="not done: weighing a line by its CJK characters fixed this but cost benchmarks/real_pdfs.py's REPORT "
    "Chinese manuals (para→sec 0.843 → 0.807), so it was taken out",
)
@pytest.mark.parametrize("box", BOXES, ids=["phone", "hotline"])
@pytest.mark.parametrize("size", [10.5, 12.0])
def test_a_text_box_wrapped_before_figures_is_text_of_its_section(tmp_path, box, size) -> None:
    outline = recover_outline(load_file(_page(tmp_path / "plan.pdf", box, size)))
    titles = [s.path[-1] for s in outline.sections if s.path]
    assert not any(t.startswith(box[0][:6]) for t in titles), titles
    holder = next(s for s in outline.sections if any(box[0][:6] in outline.paragraphs[i].text for i in s.paragraphs))
    assert holder.path[-1] == SECTIONS[0][0]
    texts = [outline.paragraphs[i].text.replace(" ", "") for i in holder.paragraphs]
    joined = (box[0] + box[1]).replace(" ", "")
    assert any(joined in t for t in texts), texts  # the box's two lines are read on, in one paragraph
