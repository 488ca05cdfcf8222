"""A paper's unnumbered notes at the foot of its first column are read after the page's text, not into column 2.

A Chinese journal prints its first page's notes ('收稿日期：…', '基金项目：…', '作者简介：…') in small type at the
foot of the left column, with no number to cite them, under an empty stretch (or a short rule) where the column's text
ended; the right column's text runs on beside them. Read where they stand they fell between two lines of the right
column and cut its paragraph in two. reportlab sets the page as a paper's authors do: a title frame across, the left
column's text frame with a notes frame under it, the right column full height (qa.formats.pdf.footnotes).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.formats.pdf import read_pdf

HEI = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
LEFT = "城市内涝的预报需要结合降雨观测与排水管网的运行状态进行综合分析。"
RIGHT = "模型在三个城市的历史暴雨事件上进行了检验，预报积水深度的平均误差不超过五厘米，能够满足应急调度的需要。"
END = "下一步将把模型推广到更多城市，并接入实时雷达降雨数据。"
NOTES = ["收稿日期：2024-03-02；修回日期：2024-05-16。", "基金项目：国家重点研发计划项目（2022YFC3000000）。"]


def _paper(path: Path, notes_apart: bool) -> Path:
    """A two-column first page; ``notes_apart``: the notes in a frame at the left column's foot (else run on right
    under the left column's text, as a small-type line of the text itself)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import BaseDocTemplate, Frame, FrameBreak, PageTemplate, Paragraph

    pdfmetrics.registerFont(TTFont("Hei", str(HEI), subfontIndex=0))
    body = ParagraphStyle("b", fontName="Hei", fontSize=9.5, leading=14, wordWrap="CJK", firstLineIndent=19)
    head = ParagraphStyle("h", fontName="Hei", fontSize=12, leading=18, spaceAfter=3)
    title = ParagraphStyle("t", fontName="Hei", fontSize=17, leading=24, alignment=1)
    small = ParagraphStyle("s", fontName="Hei", fontSize=8, leading=11, wordWrap="CJK")
    width, height = A4
    margin, gap, top, foot = 18 * mm, 7 * mm, 40 * mm, 25 * mm
    col = (width - 2 * margin - gap) / 2
    frames = [
        Frame(margin, height - margin - top, width - 2 * margin, top),
        Frame(margin, margin + foot, col, height - 2 * margin - top - foot),
        Frame(margin, margin, col, foot),
        Frame(margin + col + gap, margin, col, height - 2 * margin - top),
    ]
    doc = BaseDocTemplate(str(path), pagesize=A4, pageTemplates=[PageTemplate("p", frames)])
    notes = [Paragraph(n, small) for n in NOTES]
    story = [Paragraph("城市内涝的短时预报方法", title), FrameBreak()]
    story += [Paragraph("1 引言", head), Paragraph(LEFT * 4, body)]
    story += [FrameBreak(), *notes] if notes_apart else [*notes, FrameBreak()]
    story += [FrameBreak(), Paragraph("2 实验", head), Paragraph(RIGHT * 12, body)]
    story += [Paragraph("3 结论", head), Paragraph(END * 12, body)]
    doc.build(story)
    return path


def _paragraphs(path: Path) -> list[str]:
    """The paragraphs the reader makes of the PDF, in reading order (one a line of its text)."""
    return [t for t in read_pdf(path, path.name).text.split("\n") if t.strip()]


@pytest.fixture
def reportlab() -> None:
    pytest.importorskip("reportlab")
    if not HEI.exists():
        pytest.skip("WenQuanYi Micro Hei is not installed")


def test_notes_at_a_column_foot_do_not_cut_the_other_column(tmp_path: Path, reportlab: None) -> None:
    texts = _paragraphs(_paper(tmp_path / "paper.pdf", notes_apart=True))
    ending = [t for t in texts if "实时雷达" in t]
    assert len(ending) == 1, texts  # the right column's last paragraph, whole
    assert ending[0].count("实时雷达") == 12
    funded = next(k for k, t in enumerate(texts) if t.startswith("基金项目"))
    # read after the page's text, not between the right column's sections (filed under '2 实验')
    assert funded > texts.index(ending[0]), texts
    assert any(t.startswith("收稿日期") for t in texts)


def test_small_type_run_on_under_its_column_stays_in_place(tmp_path: Path, reportlab: None) -> None:
    # Negative: the same small lines right under the left column's text, no stretch apart: the column's own text.
    texts = _paragraphs(_paper(tmp_path / "paper.pdf", notes_apart=False))
    funded = next(k for k, t in enumerate(texts) if "基金项目" in t)
    experiment = next(k for k, t in enumerate(texts) if "历史暴雨事件" in t)
    assert funded < experiment
