"""Short lines under a centred title, and a paragraph's short last line under its indented first: read in order.

A poem set flush left under its centred title ('静夜思' over '床前明月光' …) was read before its title, and a
two-line paragraph between two headings whose last line ends where the first line's indent starts ('…问卷三千' /
'份。') was read last line first: the column finder saw white between them across the page and took them for columns
side by side. Strips one under the other are read top to bottom. PDFs written by reportlab (platypus) in several
sizes and margins, read by the real reader and structure stage.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.loading import load_file
from qa.structure import recover_outline

POEMS = [
    ("静夜思", ["床前明月光", "疑是地上霜", "举头望明月", "低头思故乡"]),
    ("春晓", ["春眠不觉晓", "处处闻啼鸟", "夜来风雨声", "花落知多少"]),
    ("登鹳雀楼", ["白日依山尽", "黄河入海流", "欲穷千里目", "更上一层楼"]),
]
TEXT = "这是一段说明文字，介绍了这些诗歌的创作背景、作者生平以及在文学史上的地位，供读者参考和学习使用。"


def _styles(body: float):  # noqa: ANN202 - reportlab styles
    from reportlab.lib.styles import ParagraphStyle

    text = ParagraphStyle("b", fontName="STSong-Light", fontSize=body, leading=body * 1.6, wordWrap="CJK")
    title = ParagraphStyle("t", parent=text, fontSize=body * 1.6, leading=body * 2.2, alignment=1)
    head = ParagraphStyle("h", parent=text, fontSize=body * 1.3, leading=body * 2)
    return text, title, head


def _build(path: Path, story: list, margin: float) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=margin, rightMargin=margin, topMargin=margin)
    doc.build(story)


@pytest.mark.parametrize("body,margin", [(12, 72), (10.5, 90), (14, 60)])
def test_a_poem_under_its_centred_title_is_read_after_it(tmp_path, fonts, body, margin) -> None:
    from reportlab.platypus import Paragraph

    text, title, _ = _styles(body)
    story = []
    for name, lines in POEMS:
        story.append(Paragraph(name, title))
        story.extend(Paragraph(line, text) for line in lines)  # one line a paragraph, flush left
    story.append(Paragraph(TEXT * 2, text))
    path = tmp_path / "poems.pdf"
    _build(path, story, margin)
    outline = recover_outline(load_file(path))
    for name, lines in POEMS:
        section = next((s for s in outline.sections if s.path and s.path[-1] == name), None)
        assert section is not None, [s.path for s in outline.sections]
        body_text = "".join(outline.paragraphs[i].text for i in section.paragraphs).replace(" ", "")
        assert "".join(lines) in body_text, (name, body_text[:40])


@pytest.mark.parametrize("body,indent", [(12, 2), (10.5, 2), (12, 4)])
def test_a_two_line_paragraph_ending_at_the_indent_is_read_in_order(tmp_path, fonts, body, indent) -> None:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    text, _, head = _styles(body)
    indented = ParagraphStyle("i", parent=text, firstLineIndent=indent * body)
    path = tmp_path / "short.pdf"
    width_chars = int((595 - 144) / body)  # characters a full line holds
    # the first line holds width_chars - indent characters, the last line as many as the indent, or fewer
    tail = "份。"[: max(1, indent - 1)] if indent > 2 else "份。"
    first = ("本文采用浮动车数据与问卷调查相结合的方法共收集有效问卷三千" * 3)[: width_chars - indent]
    story = [
        Paragraph("1.1 研究背景", head),
        Paragraph(TEXT, indented),
        Paragraph("1.2 研究方法", head),
        Paragraph(first + tail, indented),
        Paragraph("1.3 研究结论", head),
        Paragraph(TEXT, indented),
    ]
    _build(path, story, 72)
    outline = recover_outline(load_file(path))
    section = next(s for s in outline.sections if s.path and s.path[-1] == "1.2 研究方法")
    got = "".join(outline.paragraphs[i].text for i in section.paragraphs).replace(" ", "")
    assert got == first + tail, got
