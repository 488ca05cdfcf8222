"""A paper's centred affiliation and the abstract under it are two paragraphs, though both are set in one small type.

reportlab sets the front matter as a paper's authors do: the title, the authors' names, their affiliation centred
in small type and, a little under it, the abstract across the full measure in that same type. The authors' line,
near the body's size, gave the frame its column edges, so the wider abstract looked neither indented nor short
against them and ran on after the affiliation ('…上海 200092）摘要：…', qa.formats.pdf.paragraphs._inside_next).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.formats.pdf import read_pdf

HEI = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
ABSTRACT = "摘要：提出一种融合多源遥感影像的耕地变化检测方法，在三个省份的测试区内总体精度达到百分之九十二。"
TEXT = "耕地保护需要及时掌握耕地的数量和分布变化，传统的人工调查方式周期长、成本高，难以满足动态监测的需要。"


def _paper(path: Path, abstract_indent: float) -> Path:
    """The front matter over a two-column body; the abstract's first line indented by ``abstract_indent`` pt."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import BaseDocTemplate, Frame, FrameBreak, PageTemplate, Paragraph, Spacer

    pdfmetrics.registerFont(TTFont("Hei", str(HEI), subfontIndex=0))
    body = ParagraphStyle("b", fontName="Hei", fontSize=9.5, leading=14, wordWrap="CJK", firstLineIndent=19)
    small = ParagraphStyle("s", fontName="Hei", fontSize=8, leading=11, wordWrap="CJK")
    width, height = A4
    margin, gap, top = 20 * mm, 8 * mm, 60 * mm
    col = (width - 2 * margin - gap) / 2
    frames = [
        Frame(margin, height - margin - top, width - 2 * margin, top),
        Frame(margin, margin, col, height - 2 * margin - top),
        Frame(margin + col + gap, margin, col, height - 2 * margin - top),
    ]
    doc = BaseDocTemplate(str(path), pagesize=A4, pageTemplates=[PageTemplate("p", frames)])
    story = [
        Paragraph(
            "基于多源遥感影像的耕地变化检测", ParagraphStyle("t", fontName="Hei", fontSize=17, leading=24, alignment=1)
        ),
        Paragraph("王立新　陈佳", ParagraphStyle("a", parent=small, fontSize=10, leading=14, alignment=1)),
        Paragraph("（中国农业大学 土地科学与技术学院，北京 100193）", ParagraphStyle("f", parent=small, alignment=1)),
        Spacer(1, 5),
        Paragraph(ABSTRACT * 2, ParagraphStyle("ab", parent=small, firstLineIndent=abstract_indent)),
        FrameBreak(),
        Paragraph(TEXT * 12, body),
        FrameBreak(),
        Paragraph(TEXT * 12, body),
    ]
    doc.build(story)
    return path


@pytest.fixture
def reportlab() -> None:
    pytest.importorskip("reportlab")
    if not HEI.exists():
        pytest.skip("WenQuanYi Micro Hei is not installed")


def _paragraphs(path: Path) -> list[str]:
    return [t for t in read_pdf(path, path.name).text.split("\n") if t.strip()]


def test_abstract_under_a_centred_affiliation_is_its_own_paragraph(tmp_path: Path, reportlab: None) -> None:
    texts = _paragraphs(_paper(tmp_path / "paper.pdf", 0))
    affiliation = next(t for t in texts if "土地科学与技术学院" in t)
    assert affiliation.endswith("100193）"), texts
    assert any(t.startswith("摘要：") and t.count("耕地变化检测") == 2 for t in texts), texts


def test_abstract_lines_stay_one_paragraph(tmp_path: Path, reportlab: None) -> None:
    # Negative: an indented first line over the abstract's full lines is no paragraph's end (it ran full), nor are
    # the body's indented first lines over theirs.
    texts = _paragraphs(_paper(tmp_path / "paper.pdf", 16))
    assert sum("耕地变化检测方法" in t for t in texts) == 1, texts
    assert any(t.count("耕地保护需要") == 12 for t in texts), texts
