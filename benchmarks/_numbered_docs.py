"""What the generated-numbered-document benchmarks share: their PDF writer and their table cells.

benchmarks/comma_headings.py and benchmarks/formal_documents.py each write every generated document as a real
file and score how the product reads it; their PDFs are set the same way (reportlab, WenQuanYi, A4, the heading in
body type as a 公文 sets it, a title larger and centred), so that a PDF family's figure moves only with the reader,
not with one benchmark's drawing code drifting from the other's.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"


class PdfLine(NamedTuple):
    """One line of a document as the PDF sets it."""

    text: str
    title: bool = False  # 18 pt, never wrapped, more space under it
    align: str = "left"  # left, center or right (flush right, two characters in from the margin)
    indent: bool = False  # a left-aligned paragraph's first line indented by two characters


def write_pdf(path: Path, lines: Iterable[PdfLine]) -> None:
    """An A4 PDF of ``lines`` in 12 pt WenQuanYi, each wrapped at the measure by character count (a CJK line has no
    spaces to break at), a new page when the foot margin is reached."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if "WQY" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("WQY", FONT, subfontIndex=0))
    width, height = A4
    left, right, size = 72, width - 72, 12
    c = canvas.Canvas(str(path), pagesize=A4)
    y = height - 80
    per_line = int((right - left) // size)
    for line in lines:
        s = 18 if line.title else size
        text = line.text
        chunks = [text] if line.title else [text[k : k + per_line] for k in range(0, len(text), per_line)]
        for n, chunk in enumerate(chunks):
            if y < 80:
                c.showPage()
                y = height - 80
            c.setFont("WQY", s)
            if line.align == "center":
                c.drawCentredString(width / 2, y, chunk)
            elif line.align == "right":
                c.drawRightString(right - 2 * size, y, chunk)
            else:
                c.drawString(left + (2 * s if n == 0 and line.indent else 0), y, chunk)
            y -= s * 1.6
        y -= 14 if line.title else 6
    c.save()


def norm(text: str) -> str:
    """``text`` without white space: how a line is matched to the paragraph the reader made of it."""
    return "".join(text.split())


def rate(xs: list[bool]) -> str:
    """A table cell: the share right and the counts ('0.958 (115/120)'), or '-' when nothing was scored."""
    return f"{sum(xs) / len(xs):.3f} ({sum(xs)}/{len(xs)})" if xs else "   -"
