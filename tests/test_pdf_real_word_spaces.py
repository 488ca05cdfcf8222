"""Latin words set without space glyphs, a narrow justified space apart (as TeX sets them), stay words.

Seen on the TUNING documents of ``python benchmarks/real_pdfs.py`` (pdfTeX's manual and other English TeX
documents): TeX writes no space characters, and a justified line's word space may be a fifth of an em; the
reader, which inserted a space only for gaps over a quarter em, joined them ('Thisparameterspecifieswhether'),
which no search finds. pdfium's text layer marks those word spaces; the reader now keeps them. The PDF is
written by reportlab, word by word, and read by the real reader.
"""

from __future__ import annotations

from qa.formats.pdf import read_pdf
from qa.structure import recover_outline

SIZE = 11.0
WORDS = (
    "This parameter specifies whether the output format should be dvi or pdf. A positive value means pdf output, "
    "otherwise one gets dvi output. This primitive is the only one that must be set to produce pdf output."
).split()


def test_words_set_a_fifth_of_an_em_apart_without_space_glyphs_stay_apart(tmp_path) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    path = tmp_path / "manual.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont("Helvetica-Bold", 14)
    c.drawString(72, 760, "7.1 Document setup")
    c.setFont("Times-Roman", SIZE)
    y, x = 730.0, 72.0
    for word in WORDS:
        width = stringWidth(word, "Times-Roman", SIZE)
        if x + width > 400:
            y, x = y - 14, 72.0
        c.drawString(x, y, word)  # each word on its own: no space glyph between words
        x += width + 0.2 * SIZE
    c.save()

    outline = recover_outline(read_pdf(path, path.name))
    body = " ".join(p.text for p in outline.paragraphs if outline.roles.get(p.index) != "heading")
    assert body.split() == WORDS
