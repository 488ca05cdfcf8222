"""Lines of an English paragraph that break after punctuation are joined with a space.

A reviewer's two-column paper read 'the list sorts.We then merge': a line ending in a full stop, comma,
colon or closing bracket was glued to the next line's first word, which then matches no search for 'We' or
'sorts'. CJK lines still join without a space. The PDF is written by reportlab and read by the real reader.
"""

from __future__ import annotations

from qa.formats.pdf import read_pdf
from qa.structure import recover_outline

LINES = (
    "The merge step takes two runs that are already in order, and it sorts.",
    "We then compare the heads of both runs (the smallest items),",
    "keep the smaller one: this is stable; equal keys keep their order.",
    "Finally (as in Knuth, vol. 3) the rest of the longer run is copied.",
    '"Quoted" words and 100% of the figures stay apart.',
)
CJK_LINES = (
    "归并排序先把序列分成两半，分别排序，然后把两个已经排好的序列逐项比较，每次取出",
    "较小的一项放进结果里。",
)


def _body(path) -> str:
    outline = recover_outline(read_pdf(path, path.name))
    return "\n".join(p.text for p in outline.paragraphs if outline.roles.get(p.index) != "heading")


def test_wrapped_english_lines_keep_a_space_after_punctuation(tmp_path, fonts) -> None:
    from reportlab.pdfgen import canvas

    path = tmp_path / "paper.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont("Helvetica-Bold", 14)
    c.drawString(72, 760, "3 Merging runs")
    c.setFont("Times-Roman", 11)
    y = 730.0
    for line in LINES:
        c.drawString(72, y, line)
        y -= 14
    c.setFont("STSong-Light", 11)
    y -= 14
    for line in CJK_LINES:
        c.drawString(72, y, line)
        y -= 14
    c.save()

    body = _body(path)
    assert " ".join(LINES).split() == body.split()[: len(" ".join(LINES).split())]
    assert "".join(CJK_LINES) in body  # CJK lines join as set, without a space
