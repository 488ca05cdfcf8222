"""Headings in a Latin script longer than 40 letters: a bold section title set a little above the body.

Seen on the TUNING documents of ``python benchmarks/real_pdfs.py`` (KOMA-Script's and other English and German
manuals): a heading's length was capped at 40 characters, a CJK measure; a Latin title of 58 letters takes
the width of 29 CJK characters, and whole sections were filed under the heading before. A line mixing CJK text
with a bold term (a run-in list item) stays text. The PDF is written by reportlab and read by the real reader
and structure stage.
"""

from __future__ import annotations

from qa.formats.pdf import read_pdf
from qa.structure import recover_outline

BODY = 11.0
LEFT, RIGHT = 72.0, 523.0
WORDS = (
    "The package offers two different user interfaces to influence the construction of the type area. The most "
    "important way is to give options when loading the package, and the options can be set in different ways as "
    "described in the previous section of this guide, where the class is loaded first."
).split()


def _paragraph(c, y: float, words: list[str]) -> float:  # noqa: ANN001
    from reportlab.pdfbase.pdfmetrics import stringWidth

    c.setFont("Times-Roman", BODY)
    line: list[str] = []
    for word in words:
        if line and stringWidth(" ".join([*line, word]), "Times-Roman", BODY) > RIGHT - LEFT:
            c.drawString(LEFT, y, " ".join(line))
            y -= 13.6
            line = []
        line.append(word)
    c.drawString(LEFT, y, " ".join(line))
    return y - 13.6 - 8


def test_a_long_bold_heading_in_latin_letters_is_a_heading(tmp_path, fonts) -> None:
    from reportlab.pdfgen import canvas

    titles = [
        "2.6. Einstellung des Satzspiegels und der Seitenaufteilung",
        "2.7. Compatibility with earlier versions of the type area package",
        "2.8. Options",
    ]
    path = tmp_path / "guide.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    y = 770.0
    for n, title in enumerate(titles):
        c.setFont("Helvetica-Bold", 12)
        c.drawString(LEFT, y, title)
        y -= 24
        y = _paragraph(c, y, WORDS[n * 5 :] + WORDS[: n * 5])
        if n == 1:
            # a run-in item of a list: a bold command, then CJK text on its line — text, not a heading
            c.setFont("Helvetica-Bold", 12)
            c.drawString(LEFT, y, r"\SetMathEnvironmentSinglespace{real}")
            c.setFont("STSong-Light", BODY)
            c.drawString(LEFT + 235, y, "如果数学字体来自 newpxmath 或是 TeX")
            y -= 22
        y -= 12
    c.save()

    outline = recover_outline(read_pdf(path, path.name))
    headings = [p.text for p in outline.paragraphs if outline.roles.get(p.index) == "heading"]
    assert headings == titles
    under = {outline.paragraphs[i].text[:20]: s.path[-1] for s in outline.sections for i in s.paragraphs}
    for n, title in enumerate(titles):
        assert under[" ".join(WORDS[n * 5 :] + WORDS[: n * 5])[:20]] == title
