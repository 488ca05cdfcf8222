"""A table's or figure's caption in bold ('表3 中文字库', 'Figure 2: …') is no section heading.

Seen on the TUNING documents of ``python benchmarks/real_pdfs.py`` (TeX manuals and thesis templates: ctex's
and LaTeX's captions set their label in bold, an em before the caption's text): read as a heading, the label
took the rest of its section — every paragraph after the table — away from the section's real heading. The
PDF is written by reportlab and read by the real reader and structure stage.
"""

from __future__ import annotations

from qa.formats.pdf import read_pdf
from qa.structure import recover_outline

BODY = 10.5
LEFT = 90.0
TEXT = (
    "如果没有指定字库的值，宏集将自动检测用户使用的操作系统，配置相应的字体。预定义了以下六种中文字库，用户也可以"
    "自己定义新的字库配置，并在导言区中选择它。不同的编译方式所支持的字库并不相同，请参见下面的表格以了解详情。"
)


def _paragraph(c, y: float, text: str) -> float:  # noqa: ANN001
    c.setFont("STSong-Light", BODY)
    for i in range(0, len(text), 38):
        c.drawString(LEFT + (2 * BODY if i == 0 else 0), y, text[i : i + 38])
        y -= 16
    return y - 6


def _caption(c, y: float, label: str, text: str) -> float:  # noqa: ANN001
    """A caption centred over its table, in bold."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    _bold(c, 300 - stringWidth(f"{label} {text}", "STSong-Light", BODY) / 2, y, f"{label} {text}")
    return y - 20


def _bold(c, x: float, y: float, text: str) -> None:  # noqa: ANN001
    bold = c.beginText(x, y)
    bold.setFont("STSong-Light", BODY)
    bold.setTextRenderMode(2)  # filled and stroked: the synthetic bold of a face without a bold weight
    bold.textOut(text)
    bold.setTextRenderMode(0)
    c.drawText(bold)


def _table(c, y: float) -> float:  # noqa: ANN001
    c.setFont("STSong-Light", BODY)
    for row in (("编译方式", "Windows", "macOS", "其他"), ("xelatex", "中易字库", "华文字库", "Fandol")):
        for k, cell in enumerate(row):
            c.drawString(LEFT + 40 + 100 * k, y, cell)
        y -= 18
    return y - 10


def test_a_bold_caption_label_is_no_heading(tmp_path, fonts) -> None:
    from reportlab.pdfgen import canvas

    path = tmp_path / "manual.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    y = 770.0
    c.setFont("STSong-Light", 14)
    c.drawString(LEFT, y, "4.3 中文字库")
    y -= 28
    y = _paragraph(c, y, TEXT)
    y = _caption(c, y, "表3", "宏集自动配置字体策略")
    y = _table(c, y)
    y = _paragraph(c, y, TEXT[30:] + TEXT[:30])
    y = _caption(c, y, "Table 4:", "字库与编译方式")
    y = _table(c, y)
    y = _paragraph(c, y, TEXT[50:] + TEXT[:50])
    # a figure (a drawn box), its caption under it: the label set apart from its text by an em and a half, both in bold
    c.rect(200, y - 80, 200, 80)
    y -= 110
    _bold(c, 250, y, "图2")
    _bold(c, 250 + 2 * BODY + 1.5 * BODY, y, "系统结构")
    y -= 36
    y = _paragraph(c, y, TEXT[40:] + TEXT[:40])
    c.setFont("STSong-Light", 14)
    c.drawString(LEFT, y - 10, "4.4 横排与竖排")
    y -= 38
    _paragraph(c, y, TEXT[60:] + TEXT[:60])
    c.save()

    outline = recover_outline(read_pdf(path, path.name))
    headings = [p.text for p in outline.paragraphs if outline.roles.get(p.index) == "heading"]
    assert headings == ["4.3 中文字库", "4.4 横排与竖排"]
    under = {outline.paragraphs[i].text[:12]: s.path[-1] for s in outline.sections for i in s.paragraphs}
    assert under[(TEXT[30:] + TEXT[:30])[:12]] == "4.3 中文字库"
    assert under[(TEXT[50:] + TEXT[:50])[:12]] == "4.3 中文字库"
    assert under[(TEXT[40:] + TEXT[:40])[:12]] == "4.3 中文字库"
    assert under[(TEXT[60:] + TEXT[:60])[:12]] == "4.4 横排与竖排"
