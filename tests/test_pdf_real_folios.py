"""A page number set a size above the body at the foot of each page, further in than the banner band, is no heading.

Seen on the TUNING documents of ``python benchmarks/real_pdfs.py`` (a documented source printed by TeX's ltxdoc,
CJKpunct's manual): its folio, centred 0.1 of the page from the foot in 12 pt over an 11 pt body, was read as a
heading on every page ('3', '4', … '18'), and each page's text was filed under its page number. The running-head
rule (the same words at the same height on other pages) did not see it: a folio's words change on every page.
A number opening a page's last line of text, and a listing's line numbers, stay text. The PDF is written by
reportlab and read by the real reader and structure stage.
"""

from __future__ import annotations

from qa.formats.pdf import read_pdf
from qa.structure import recover_outline

BODY = 11.0
LEFT, RIGHT = 72.0, 523.0
WORDS = (
    "The package redefines a few macros of the CJK package so that punctuation marks are kerned according to the "
    "chosen style, and it reads the kerning values from a file generated for each font family in use."
).split()


def _lines(words: list[str], n: int) -> list[str]:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    out, line = [], []
    while len(out) < n:
        for word in words:
            if line and stringWidth(" ".join([*line, word]), "Times-Roman", BODY) > RIGHT - LEFT:
                out.append(" ".join(line))
                line = []
            line.append(word)
    return out[:n]


def test_a_folio_at_the_foot_of_each_page_is_no_heading(tmp_path, fonts) -> None:
    from reportlab.pdfgen import canvas

    path = tmp_path / "source.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    titles = ["1 Introduction", "2 Usage", "3 Implementation", "4 Kerning tables"]
    for page in range(4):
        y = 760.0
        c.setFont("Helvetica-Bold", 14)
        c.drawString(LEFT, y, titles[page])
        y -= 26
        for n, text in enumerate(_lines(WORDS[page * 3 :] + WORDS[: page * 3], 40)):
            c.setFont("Times-Roman", BODY)
            c.drawString(LEFT, y, f"{page * 40 + n + 1} {text}" if page == 3 and n == 39 else text)
            y -= 15.5
        c.setFont("Times-Roman", 12)
        c.drawCentredString(297.5, 80, str(page + 3))  # 0.9 of the page down: below the text, above the band
        c.showPage()
    c.save()

    outline = recover_outline(read_pdf(path, path.name))
    headings = [p.text for p in outline.paragraphs if outline.roles.get(p.index) == "heading"]
    assert headings == titles
    body = " ".join(p.text for p in outline.paragraphs if outline.roles.get(p.index) != "heading")
    assert "160 " in body  # a number opening the last line of text is text
    assert not [p.text for p in outline.paragraphs if p.text.strip() in {"3", "4", "5", "6"}]  # no folio anywhere
