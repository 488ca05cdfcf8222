"""TeX logos (L^AT_EX, X_ET_EX) in headings and text: letters set off the baseline inside a word.

Seen on the TUNING documents of ``python benchmarks/real_pdfs.py`` (TeX Live's manuals, Chinese and English):
TeX sets its own name with a lowered E and LaTeX with a raised small A, each kerned in between its neighbours.
On a baseline of its own, such a letter became a line of its own — a one-letter heading ("E") that took the
section's text from its real heading, or a heading cut in three. The PDFs here are written by reportlab the way
TeX sets the logos (its kerns and shifts), and read by the real reader and structure stage.
"""

from __future__ import annotations

from qa.formats.pdf import read_pdf
from qa.structure import recover_outline

BODY = 10.5
LEFT = 90.0
TEXT = (
    "本宏包是针对中日韩文的横排文档设计出来的，它依赖于下面这些宏包，请确保发行版里已经安装好了这些宏包的最新版本。"
    "在西文排版里，相邻两行基线之间的距离称为行距，一般来说西文的行距为字号的一点二倍左右，而中文的行距要大一些。"
)


def _draw(c, x: float, y: float, parts: list[tuple[str, str, float, float, float]]) -> float:  # noqa: ANN001
    """Draw (text, font, size, kern before in em, baseline shift in em) pieces left to right; the x after."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    for text, font, size, kern, shift in parts:
        x += kern * size
        c.setFont(font, size)
        c.drawString(x, y + shift * size, text)
        x += stringWidth(text, font, size)
    return x


def _latex(size: float) -> list[tuple[str, str, float, float, float]]:
    """LaTeX's logo as latex.ltx sets it: L, a raised A at 0.75 size kerned back, T, a lowered E, X."""
    return [
        ("L", "Times-Roman", size, 0.0, 0.0),
        ("A", "Times-Roman", 0.75 * size, -0.36, 0.21),
        ("T", "Times-Roman", size, -0.15, 0.0),
        ("E", "Times-Roman", size, -0.1667, -0.22),
        ("X", "Times-Roman", size, -0.125, 0.0),
    ]


def _xetex(size: float) -> list[tuple[str, str, float, float, float]]:
    return [
        ("X", "Times-Roman", size, 0.0, 0.0),
        ("E", "Times-Roman", size, -0.1667, -0.22),
        ("T", "Times-Roman", size, -0.125, 0.0),
        ("E", "Times-Roman", size, -0.1667, -0.22),
        ("X", "Times-Roman", size, -0.125, 0.0),
    ]


def _paragraph(c, y: float, text: str, logo: bool) -> float:  # noqa: ANN001
    """A paragraph of 38-character lines (a logo inside the first when ``logo``); the y under it."""
    rows = [text[i : i + 38] for i in range(0, len(text), 38)]
    for n, row in enumerate(rows):
        if n == 0 and logo:
            x = _draw(c, LEFT, y, [(row[:10], "STSong-Light", BODY, 0.0, 0.0), *_latex(BODY)])
            _draw(c, x, y, [(row[10:], "STSong-Light", BODY, 0.25, 0.0)])
        else:
            _draw(c, LEFT, y, [(row, "STSong-Light", BODY, 0.0, 0.0)])
        y -= 16
    return y - 6


def _heading(c, y: float, number: str, before: str, logo: list, after: str, size: float) -> float:  # noqa: ANN001
    y -= 1.5 * size
    x = _draw(c, LEFT, y, [(number, "Times-Roman", size, 0.0, 0.0), (before, "STSong-Light", size, 1.0, 0.0)])
    x = _draw(c, x, y, logo)
    _draw(c, x, y, [(after, "STSong-Light", size, 0.0, 0.0)])
    return y - 1.2 * size


def test_a_tex_logo_in_a_heading_or_a_line_is_read_as_one_word(tmp_path, fonts) -> None:
    from reportlab.pdfgen import canvas

    path = tmp_path / "manual.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    y = 780.0
    y = _heading(c, y, "1", "使用", _latex(15), "排版中文", 15)
    y = _paragraph(c, y, TEXT, logo=True)
    y = _paragraph(c, y, TEXT[30:] + TEXT[:30], logo=True)
    y = _heading(c, y, "2", "在", _xetex(12), "下设置字体", 12)
    y = _paragraph(c, y, TEXT[50:] + TEXT[:50], logo=True)
    y = _heading(c, y, "3", "中西文混排", [], "", 12)
    _paragraph(c, y, TEXT[70:] + TEXT[:70], logo=False)
    c.save()

    outline = recover_outline(read_pdf(path, path.name))
    headings = [p.text for p in outline.paragraphs if outline.roles.get(p.index) == "heading"]
    # each heading whole, its logo one word (no heading of a stray letter, none cut at the logo)
    # (LaTeX's A, set smaller, still stands apart from its word's line: a size change parts a line, and sparing a
    # smaller letter kerned in between two larger ones cost a generated newspaper set; its lowered E is seated)
    flat = [h.replace(" ", "") for h in headings]
    assert flat[1:] == ["2在XETEX下设置字体", "3中西文混排"]
    assert flat[0] in ("1使用LATEX排版中文", "1使用LTEX排版中文")
    # the text under each heading stays under it, the logo inside its line
    where = {outline.paragraphs[i].text[:10]: s.path[-1] for s in outline.sections for i in s.paragraphs}
    assert where[TEXT[50:60]].replace(" ", "") == "2在XETEX下设置字体"
    bodies = [p.text for p in outline.paragraphs if outline.roles.get(p.index) != "heading"]
    assert sum("TEX" in b.replace(" ", "") for b in bodies) == 3
    assert not [b for b in bodies if len(b.strip()) == 1 and b.strip() != "A"]  # no stray E
