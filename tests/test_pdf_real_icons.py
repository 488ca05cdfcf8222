"""An icon (or a drop cap) in display type beside a paragraph's first lines is no heading.

Seen on the TUNING documents of ``python benchmarks/real_pdfs.py`` (awesomebox's manual): an admonition's icon,
a symbol font's glyph at twice the body size in the margin left of the note, was read as a one-letter heading
('c', '½', 'Ģ'), and the note's text and the rest of its section were filed under it. A heading stands alone on
its row; the icon stands beside the lines it marks. The PDF is written by reportlab and read by the real reader
and structure stage.
"""

from __future__ import annotations

from qa.formats.pdf import read_pdf
from qa.structure import recover_outline

BODY = 12.0
LEFT, RIGHT = 144.0, 510.0
WORDS = (
    "Lorem ipsum dolor sit amet, consectetur adipiscing elit. Nam quis lectus elementum fermentum. Fusce aliquet "
    "augue sapien, non efficitur mi ornare sed. Morbi at dictum felis. Pellentesque tortor lacus, semper et neque."
).split()


def _paragraph(c, y: float, words: list[str], left: float = LEFT) -> float:  # noqa: ANN001
    from reportlab.pdfbase.pdfmetrics import stringWidth

    c.setFont("Times-Roman", BODY)
    line: list[str] = []
    for word in words:
        if line and stringWidth(" ".join([*line, word]), "Times-Roman", BODY) > RIGHT - left:
            c.drawString(left, y, " ".join(line))
            y -= 17.3
            line = []
        line.append(word)
    c.drawString(left, y, " ".join(line))
    return y - 17.3 - 10


def test_an_icon_beside_a_note_is_no_heading(tmp_path, fonts) -> None:
    from reportlab.pdfgen import canvas

    titles = ["3.1 Inline boxes", "3.2 Environments", "4 How to add new icons?"]
    path = tmp_path / "boxes.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    y = 760.0
    for n, title in enumerate(titles):
        c.setFont("Helvetica-Bold", 14)
        c.drawString(85, y, title)
        y -= 28
        y = _paragraph(c, y, WORDS[n * 4 :] + WORDS[: n * 4], left=85)
        for icon in ("!", "i") if n < 2 else ():
            c.setFont("Helvetica-Bold", 24.8)
            c.drawString(102, y - 12, icon)  # in the margin, beside the note's first two lines
            y = _paragraph(c, y, WORDS[n * 2 :] + WORDS[: n * 2])
    c.save()

    outline = recover_outline(read_pdf(path, path.name))
    headings = [p.text for p in outline.paragraphs if outline.roles.get(p.index) == "heading"]
    assert headings == titles
    # every note stays in its section
    under = {s.path[-1]: "".join(outline.paragraphs[i].text for i in s.paragraphs) for s in outline.sections}
    assert under["3.1 Inline boxes"].count("Lorem") == 3
    assert under["3.2 Environments"].count("Lorem") == 3
