"""LaTeX's logo at a line's end or start, in running text: its raised small A keeps the line whole.

Seen on the TUNING documents of ``python benchmarks/real_pdfs.py`` (xpinyin's, ctex's and fduthesis's manuals):
LaTeX sets its name with a raised A at three quarters of the size, kerned back into the L and the T. A change
of size parts a line, so every line holding the logo was read in three pieces ('…如果使用 L', 'A', 'TEX'); a
piece at a line's end or start ('TEX', 'XƎL', '或 pdfL') was read as a line of its own, and then as a heading
that took the text after it from its section. The PDF is written by reportlab the way latex.ltx sets the logo
(its kerns and shifts) and read by the real reader and structure stage.
"""

from __future__ import annotations

from qa.formats.pdf import read_pdf
from qa.structure import recover_outline

BODY = 10.5
LEFT, RIGHT = 90.0, 505.0
SENTENCES = [
    "本宏包支持采用 GBK 和 UTF-8 编码的源文件，建议总是使用 UTF-8。如果使用",
    "或 pdf",
    "的编译方式，则根据编码的情况，本宏包依赖 CJK 或者 CJKutf8 宏包。如果使用",
    "则依赖 xeCJK 宏包。如果它们没有在本宏包之前被载入，本宏包将根据编译方式自动选择。",
]


def _latex(size: float) -> list[tuple[str, str, float, float, float]]:
    """LaTeX's logo as latex.ltx sets it: L, a raised A at 0.75 size kerned back, T, a lowered E, X."""
    return [
        ("L", "Times-Roman", size, 0.0, 0.0),
        ("A", "Times-Roman", 0.75 * size, -0.36, 0.21),
        ("T", "Times-Roman", size, -0.15, 0.0),
        ("E", "Times-Roman", size, -0.1667, -0.22),
        ("X", "Times-Roman", size, -0.125, 0.0),
    ]


def _draw(c, x: float, y: float, parts: list[tuple[str, str, float, float, float]]) -> float:  # noqa: ANN001
    from reportlab.pdfbase.pdfmetrics import stringWidth

    for text, font, size, kern, shift in parts:
        x += kern * size
        c.setFont(font, size)
        c.drawString(x, y + shift * size, text)
        x += stringWidth(text, font, size)
    return x


def _section(c, y: float, title: str) -> float:  # noqa: ANN001
    """A section: its heading, then a paragraph whose lines end and start with the logo."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    c.setFont("STSong-Light", 15)
    c.drawString(LEFT, y, title)
    y -= 28
    first, second, third, fourth = SENTENCES
    # line 1 ends with the logo at the right margin; line 2 opens 'or pdfLaTeX'; line 3 ends with it again
    logo_width = _draw(c, 0, -100, _latex(BODY))  # (drawn off the page: its width)
    start = RIGHT - logo_width - stringWidth(first, "STSong-Light", BODY)
    x = _draw(c, start, y, [(first, "STSong-Light", BODY, 0, 0)])
    _draw(c, x, y, _latex(BODY))
    y -= 16
    x = _draw(c, LEFT, y, [(second, "STSong-Light", BODY, 0, 0)])
    x = _draw(c, x, y, _latex(BODY))
    _draw(c, x, y, [(third, "STSong-Light", BODY, 0.2, 0)])
    y -= 16
    x = _draw(c, LEFT, y, _latex(BODY))
    _draw(c, x, y, [(fourth, "STSong-Light", BODY, 0.2, 0)])
    return y - 30


def test_a_line_holding_the_latex_logo_is_one_line_of_its_paragraph(tmp_path, fonts) -> None:
    from reportlab.pdfgen import canvas

    titles = ["第 1 节 简介", "第 2 节 基本用法", "第 3 节 用户手册"]
    path = tmp_path / "manual.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    y = 760.0
    for title in titles:
        y = _section(c, y, title)
    c.save()

    outline = recover_outline(read_pdf(path, path.name))
    headings = [p.text for p in outline.paragraphs if outline.roles.get(p.index) == "heading"]
    assert [h.replace(" ", "") for h in headings] == [t.replace(" ", "") for t in titles]
    for section in outline.sections[-3:]:
        text = "".join(outline.paragraphs[i].text for i in section.paragraphs).replace(" ", "")
        assert text.count("LATEX") == 3, text  # each logo one word, in its section


def test_a_lowered_e_level_with_a_margin_note_beside_its_line_stays_in_its_word(tmp_path, fonts) -> None:
    """ctex's manual sets option names in the left margin, 9 pt, at their own baselines beside the text: when a
    note's baseline falls right above the lowered E of a LaTeX logo opening a line, the E was read with the note's
    row, a line of its own ('E', read as a heading) — the word it belongs to read 'LATX'."""
    from reportlab.pdfgen import canvas

    path = tmp_path / "manual.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    title = "7.1 编号相关"
    c.setFont("STSong-Light", 12)
    c.drawString(130.5, 760, title)
    y = 730.0
    rows = [SENTENCES[0], SENTENCES[2], SENTENCES[3], SENTENCES[0]]
    for n, text in enumerate(rows):
        x = _draw(c, 151.5 if n == 0 else 130.5, y, _latex(BODY) if n in (0, 2) else [])
        _draw(c, x, y, [(text, "STSong-Light", BODY, 0.2 if n in (0, 2) else 0.0, 0)])
        c.setFont("Courier", 9)
        c.drawString(5.6, y - 0.22 * BODY + 0.1, f"sub{n}section/numbering")  # a margin note, level with the E
        c.drawString(5.6, y + 10.8 - 0.22 * BODY + 0.1, f"part{n}/numbering")
        y -= 15.1
    c.save()

    outline = recover_outline(read_pdf(path, path.name))
    headings = [p.text for p in outline.paragraphs if outline.roles.get(p.index) == "heading"]
    assert [h.replace(" ", "") for h in headings] == [title.replace(" ", "")]
    text = "".join(p.text for p in outline.paragraphs).replace(" ", "")
    assert text.count("LATEX") == 2, text
