"""Lettered lists in ordinary documents and exam options that wrap: each item is one paragraph, its wrap included.

An exam's row of options ends its paragraph (the next row or question follows, and no full stop ends an option). Taken
for such rows, a report's lettered items ('A．基础类改造：…' over two lines) were split after their first line, the
rest ('专款专用。') a paragraph of its own; so was a real option long enough to wrap. Drawn by reportlab's canvas in two
widths and sizes, read by the real reader and structure stage.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.loading import load_file
from qa.structure import recover_outline
from tests import ordinary_pdfs as op

LISTS = [
    (
        "为推进老旧小区改造工作，结合本市实际，提出以下三类改造方案供各区选择：",
        [
            "A．基础类改造：主要包括小区内供水、排水、供电、弱电、道路、供气、消防、安防、生活垃圾分类、移动通信等基础设施的改造提升。",
            "B．完善类改造：主要包括环境及配套设施改造建设、小区内建筑节能改造、有条件的楼栋加装电梯、停车库场和电动自行车充电设施建设。",
            "C．提升类改造：主要包括公共服务设施配套建设及其智慧化改造，包括社区综合服务设施、卫生服务站、养老托育和助餐设施建设。",
        ],
    ),
    (
        "各区可根据居民意愿，从以下资金渠道中选择：",
        [
            "A．中央补助资金：按照国家有关规定申请中央预算内投资和中央财政城镇保障性安居工程补助资金，专款专用。",
            "B．地方财政资金：市区两级财政按照一比一比例安排配套资金，纳入年度预算，并按照工程进度及时拨付到位。",
        ],
    ),
]
QUESTIONS = [
    (
        "1．下列关于城市更新的说法，正确的是（　　）",
        [
            "A．只改造道路",
            "B．改造应当充分尊重居民意愿，并统筹考虑基础设施、公共服务设施和建筑节能改造等多方面的需要",
            "C．不需要资金",
            "D．只由政府决定",
        ],
    ),
    ("2．老旧小区改造的资金来源不包括（　　）", ["A．中央补助", "B．地方财政", "C．社会资本", "D．个人借贷"]),
]


def _wrap(text: str, width: float, font: str, size: float) -> list[str]:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    out, cur = [], ""
    for ch in text:
        if stringWidth(cur + ch, font, size) > width:
            out.append(cur)
            cur = ch
        else:
            cur += ch
    return out + [cur] if cur else out


def _draw(path: Path, title: str, blocks: list[str], width: float, size: float, gap: float) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = op._reportlab_font()
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont(font, 18)
    c.drawString(60, A4[1] - 70, title)
    y = A4[1] - 110
    for text in blocks:
        for line in _wrap(text, width, font, size):
            c.setFont(font, size)
            c.drawString(60, y, line)
            y -= 1.5 * size
        y -= gap
    c.save()
    return path


def _paragraphs(pdf: Path) -> list[str]:
    outline = recover_outline(load_file(pdf))
    return ["".join(p.text.split()) for p in outline.paragraphs]


@pytest.mark.parametrize(("width", "size"), [(470.0, 10.5), (400.0, 12.0)])
def test_a_wrapped_lettered_item_is_one_paragraph(tmp_path, width, size) -> None:
    blocks = [text for lead, items in LISTS for text in [lead, *items]]
    got = _paragraphs(_draw(tmp_path / "plan.pdf", "临江市老旧小区改造实施方案", blocks, width, size, 6))
    for text in blocks:
        assert text in got, (text, got)


@pytest.mark.parametrize(("width", "size"), [(470.0, 10.5), (400.0, 12.0)])
def test_exam_options_one_a_line_each_a_paragraph_a_wrapped_one_whole(tmp_path, width, size) -> None:
    blocks = [text for stem, options in QUESTIONS for text in [stem, *options]]
    got = _paragraphs(_draw(tmp_path / "paper.pdf", "城市建设知识测验", blocks, width, size, 0))
    for _, options in QUESTIONS:  # no option glued to the next option or question, no wrapped option split
        for option in options:  # (option A may follow its question's stem in one paragraph)
            assert any(p == option or option.startswith("A") and p.endswith(option) for p in got), (option, got)
