"""White a one-column PDF leaves on a line or round a figure, read as the page shows it.

Found by the exploratory tester in ordinary documents, each made here by reportlab and read by the real reader:

- a heading's words set as separate runs, a space's width apart, with no space glyph ('第2章␣安装␣Installation'):
  the space after the chapter's number was taken for the line's own letter-spacing (the upper median of its two CJK
  gaps was that very space) and the heading read '第2章安装';
- two names side by side on one row, two ems apart ('张明远␣␣陈思雨' set as two runs): read apart at the gap as two
  lines and joined as CJK is ('张明远陈思雨');
- a paragraph that runs on under a figure (a raster image, no frame drawn round it) and its caption: split in two
  paragraphs, the caption between them.

Each has its negative: type set solid stays solid, lines following each other down the page join as set, a
paragraph that ends before the figure stays ended.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.formats.pdf import read_pdf
from qa.structure import recover_outline

FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
pytestmark = pytest.mark.skipif(not FONT.exists(), reason="WenQuanYi Micro Hei is not installed")

BODY = (
    "系统由数据采集、数据处理和结果展示三部分组成。数据采集模块负责从各类传感器读取原始数据，经过清洗后写入消息队列，"
    "数据处理模块从队列中取出数据进行分析计算，并将计算结果保存到数据库中供前端页面查询和展示。各模块之间通过标准接口"
    "通信，便于独立部署和扩展，也便于后续增加新的数据来源。"
)
NEXT = "系统采用微服务架构，每个服务独立运行，由统一的网关转发请求。"


def _canvas(path: Path):  # noqa: ANN202 - reportlab canvas
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if "WQY" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("WQY", str(FONT), subfontIndex=0))
    return canvas.Canvas(str(path), pagesize=(595, 842))


def _runs(c, words: list[str], x: float, y: float, size: float, gap: float) -> None:  # noqa: ANN001
    """Each word drawn on its own, ``gap`` apart: no space glyph between them."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    c.setFont("WQY", size)
    for word in words:
        c.drawString(x, y, word)
        x += stringWidth(word, "WQY", size) + gap


def _wrap(text: str, size: float, width: float) -> list[str]:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines, current = [], ""
    for ch in text:
        if stringWidth(current + ch, "WQY", size) > width:
            lines.append(current)
            current = ch
        else:
            current += ch
    return [*lines, current] if current else lines


def _outline(path: Path):  # noqa: ANN202
    return recover_outline(read_pdf(path, path.name))


def _texts(path: Path) -> list[str]:
    return [p.text for p in _outline(path).paragraphs]


def test_heading_words_set_a_space_apart_keep_their_spaces(tmp_path) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    path = tmp_path / "manual.pdf"
    c = _canvas(path)
    space = stringWidth(" ", "WQY", 18)
    _runs(c, ["第2章", "安装", "Installation"], 72, 770, 18, space)
    c.setFont("WQY", 11)
    for k, line in enumerate(_wrap(BODY, 11, 450)):
        c.drawString(72, 740 - 16 * k, line)
    _runs(c, ["第3章", "配置"], 72, 600, 18, space)
    c.setFont("WQY", 18)
    c.drawString(72, 560, "第4章维护")  # set solid: no space is made up
    c.setFont("WQY", 11)
    c.drawString(72, 530, NEXT)
    c.drawString(72, 400, NEXT)
    c.save()

    headings = [p.text for p in _outline(path).paragraphs if p.heading_level is not None]
    assert "第2章 安装 Installation" in headings
    assert "第3章 配置" in headings
    assert "第4章维护" in headings


@pytest.mark.parametrize("size", [12.0, 11.0], ids=["names a size up", "names in the body size"])
def test_names_side_by_side_on_one_row_are_not_glued(tmp_path, size: float) -> None:
    path = tmp_path / "paper.pdf"
    c = _canvas(path)
    c.setFont("WQY", 18)
    c.drawCentredString(297, 770, "城市内涝预警系统的设计与实现")
    _runs(c, ["张明远", "陈思雨"], 220, 740, size, 2 * size)  # two authors, two ems apart, as two runs
    c.setFont("WQY", 11)
    lines = _wrap(BODY, 11, 450)
    for k, line in enumerate(lines):
        c.drawString(72, 700 - 16 * k, line)
    c.save()

    texts = _texts(path)
    # one line with a space between the names, or each name a paragraph of its own: never one word
    assert any("张明远 陈思雨" in t for t in texts) or {"张明远", "陈思雨"} <= set(texts), texts
    assert not any("张明远陈思雨" in t for t in texts), texts
    # lines following each other down the page join as CJK is set, without a space
    assert any("".join(lines) in t for t in texts), texts


def _figure_page(path: Path, caption_size: float, cut_at_sentence: bool) -> None:
    from PIL import Image, ImageDraw

    picture = path.with_suffix(".png")
    image = Image.new("RGB", (500, 240), "white")
    ImageDraw.Draw(image).ellipse([60, 40, 440, 200], fill="lightblue", outline="black")
    image.save(picture)
    c = _canvas(path)
    c.setFont("WQY", 16)
    c.drawString(72, 780, "1 系统设计")
    lines = _wrap("　　" + BODY, 11, 450)
    cut = 2  # the figure set after the paragraph's second line, which runs full
    if cut_at_sentence:  # the paragraph ends before the figure; the text under it is the next paragraph
        end = BODY.index("。") + 1
        before = _wrap("　　" + BODY[:end], 11, 450)
        cut, lines = len(before), before + _wrap("　　" + BODY[end:], 11, 450)
    y = 750.0
    c.setFont("WQY", 11)
    for line in lines[:cut]:
        c.drawString(72, y, line)
        y -= 16
    c.drawImage(str(picture), 172, y - 126, 250, 120)  # the figure: an image, no frame drawn round it
    y -= 126 + 14
    c.setFont("WQY", caption_size)
    c.drawCentredString(297, y, "图1 系统总体架构")
    y -= 24
    c.setFont("WQY", 11)
    for line in lines[cut:]:
        c.drawString(72, y, line)
        y -= 16
    c.drawString(72, y - 8, "　　" + NEXT)
    c.save()


@pytest.mark.parametrize("caption_size", [9.0, 11.0], ids=["smaller caption", "caption in the body size"])
def test_paragraph_running_on_under_a_figure_is_one_paragraph(tmp_path, caption_size: float) -> None:
    path = tmp_path / "design.pdf"
    _figure_page(path, caption_size, cut_at_sentence=False)
    texts = _texts(path)
    assert "".join(BODY.split()) in ["".join(t.split()) for t in texts], texts
    assert "图1 系统总体架构" in texts  # the caption its own paragraph, after the one it interrupted


def test_paragraph_ending_before_a_figure_stays_ended(tmp_path) -> None:
    path = tmp_path / "design.pdf"
    _figure_page(path, 9.0, cut_at_sentence=True)
    texts = ["".join(t.split()) for t in _texts(path)]
    first = BODY[: BODY.index("。") + 1]
    assert any(t.startswith(first) and t.endswith("。") and len(t) < len(BODY) for t in texts), texts
    assert "".join(BODY.split()) not in texts
