"""A two-column paper's numbered chapters are siblings, whatever their neighbours made of their type.

reportlab sets the paper (a full-width title frame over two column frames, as mk_paper_rl-style papers are made);
'2 相关工作' right over '2.1 …' read as a headline over its subtitle and '4 实验' over a paragraph as a subhead, so
'4 实验' and '5 结论' were filed under '3 方法' (qa.formats.pdf.sequence reads the numbers' sequence instead).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.formats.blocks import Block
from qa.formats.pdf import read_pdf
from qa.formats.pdf.sequence import level_by_sequence
from qa.structure import recover_outline

FILL = "本节的观察表明检索与排序的关系会影响准确率和召回率，因此需要结合上下文对候选段落进行处理。"
CHAPTERS = [
    ("1 引言", 1, 6),
    ("2 相关工作", 1, 0),
    ("2.1 检索增强生成", 2, 5),
    ("2.2 文档版面分析", 2, 6),
    ("3 方法", 1, 0),
    ("3.1 章节结构恢复", 2, 6),
    ("3.2 混合检索", 2, 5),
    ("4 实验", 1, 8),
    ("5 结论", 1, 2),
]


HEI = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
SONG = Path("/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf")


def _paper(path: Path) -> Path:
    """The paper as a user's reportlab script sets it: a 宋体 body, 黑体 headings (12 pt chapters, 10.5 pt sections)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import BaseDocTemplate, Frame, FrameBreak, NextPageTemplate, PageTemplate, Paragraph

    width, height = A4
    margin, gap, head = 18 * mm, 7 * mm, 55 * mm
    col = (width - 2 * margin - gap) / 2
    first = [
        Frame(margin, height - margin - head, width - 2 * margin, head),
        Frame(margin, margin, col, height - 2 * margin - head),
        Frame(margin + col + gap, margin, col, height - 2 * margin - head),
    ]
    rest = [
        Frame(margin, margin, col, height - 2 * margin),
        Frame(margin + col + gap, margin, col, height - 2 * margin),
    ]
    doc = BaseDocTemplate(str(path), pagesize=A4)
    doc.addPageTemplates([PageTemplate("first", first), PageTemplate("rest", rest)])
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("Hei", str(HEI)))
    pdfmetrics.registerFont(TTFont("Song", str(SONG)))
    font, hei = "Song", "Hei"
    title = ParagraphStyle("t", fontName=hei, fontSize=18, leading=26, alignment=1)
    body = ParagraphStyle("b", fontName=font, fontSize=10, leading=15, firstLineIndent=20, wordWrap="CJK")
    h1 = ParagraphStyle("h1", fontName=hei, fontSize=12, leading=18, spaceBefore=6)
    h2 = ParagraphStyle("h2", fontName=hei, fontSize=10.5, leading=16, spaceBefore=4)
    story = [
        Paragraph("基于检索增强生成的中文政务问答方法研究", title),
        Paragraph("摘要：本文提出一种结合版面结构恢复与混合检索的问答方法。", body),
        NextPageTemplate("rest"),
        FrameBreak(),
    ]
    for heading, depth, sentences in CHAPTERS:
        story.append(Paragraph(heading, h1 if depth == 1 else h2))
        if sentences:
            story.append(Paragraph(f"{heading}一节正文。" + FILL * sentences, body))
    doc.build(story)
    return path


def _path_of(outline, start: str) -> tuple[str, ...]:  # noqa: ANN001 - qa.structure.Outline
    for section in outline.sections:
        for i in section.paragraphs:
            if outline.paragraphs[i].text.startswith(start):
                return tuple(t.replace(" ", "") for t in section.path)
    raise AssertionError(f"no paragraph opens with {start!r}")


@pytest.mark.skipif(not (HEI.exists() and SONG.exists()), reason="fonts-wqy-microhei / fonts-arphic-gbsn00lp missing")
def test_a_two_column_papers_chapters_are_siblings(tmp_path: Path) -> None:
    outline = recover_outline(read_pdf(_paper(tmp_path / "paper.pdf"), "paper.pdf"))
    title = "基于检索增强生成的中文政务问答方法研究"
    assert _path_of(outline, "1 引言一节") == (title, "1引言")
    assert _path_of(outline, "2.1 检索增强生成一节") == (title, "2相关工作", "2.1检索增强生成")
    assert _path_of(outline, "4 实验一节") == (title, "4实验")  # not under 3 方法
    assert _path_of(outline, "5 结论一节") == (title, "5结论")


def _heads(*items: tuple[str, int]) -> list[Block]:
    return [Block(text, heading_level=level, role="heading") for text, level in items] + [Block("正文。")]


def test_numbers_that_restart_or_skip_leave_the_levels_alone() -> None:
    # Points '1' '2' restarting in each chapter are a list's, not the outline's; numbers that skip one (no 4) are
    # no count.
    restarting = _heads(("1 总则", 1), ("1 目的", 2), ("2 范围", 2), ("2 职责", 1), ("1 分工", 2), ("3 附则", 2))
    assert level_by_sequence(restarting) == restarting
    skipping = _heads(("1 引言", 2), ("2 方法", 1), ("2.1 数据", 2), ("3 结果", 2), ("5 附录", 1))
    assert level_by_sequence(skipping) == skipping
    flat = _heads(("1 引言", 2), ("2 方法", 1), ("3 结果", 2))  # no deeper number: nothing says it is an outline
    assert level_by_sequence(flat) == flat
