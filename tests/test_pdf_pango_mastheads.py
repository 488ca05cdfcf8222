"""A nameplate set high on the front page, its ear beside it, is no headline of the lead story.

A paper's name in display type at the top left, its ear (date, 星期, 第N期, CN number) in small lines at the right:
set high on the page, the ear's date and issue lines sit in the banner band, where they went out first as furniture.
The name, left alone in its row, then read as the page's first headline: the lead story's kicker and headline
became its 'subtitles' and the lead's text was cited under the paper's name. The page is written by reportlab and
read by the real reader.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.formats.pdf import read_pdf
from qa.structure import recover_outline
from tests.reportlab_pages import BODY, EAR, LEAD, LEAD_TEXT, MARGIN, NAME, OTHER, OTHER_TEXT, PAGE_H, PAGE_W, Grid

GRID = Grid(4, gutter=12.0)


def _set(c, x: float, y: float, text: str, columns: int) -> float:  # noqa: ANN001 - a canvas
    """``text`` set column after column (balanced) from ``x``; the baseline under its last row."""
    return GRID.set_balanced(c, x, y, text, columns)


@pytest.mark.parametrize("name_size", [48.0, 60.0])
def test_a_nameplate_with_its_ear_beside_it_is_no_headline(tmp_path: Path, fonts, name_size: float) -> None:
    from reportlab.pdfgen import canvas

    path = tmp_path / "front.pdf"
    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    c.setFillColorRGB(0.8, 0, 0)
    c.setFont("STSong-Light", name_size)
    c.drawString(MARGIN, PAGE_H - 30 - name_size, NAME)
    c.setFillColorRGB(0, 0, 0)
    c.setFont("STSong-Light", 8)
    for k, line in enumerate(EAR):
        c.drawRightString(PAGE_W - MARGIN, PAGE_H - 42 - k * 11, line)
    c.line(MARGIN, PAGE_H - 40 - name_size, PAGE_W - MARGIN, PAGE_H - 40 - name_size)
    y = PAGE_H - 62 - name_size
    c.setFont("STSong-Light", 12)
    c.drawString(MARGIN, y, "春风送暖农事忙")  # the lead's kicker
    c.setFont("STSong-Light", 26)
    c.drawString(MARGIN, y - 30, LEAD)
    y = _set(c, MARGIN, y - 56, LEAD_TEXT, 4) - 1.5 * BODY
    c.setFont("STSong-Light", 18)
    c.drawString(MARGIN, y - 18, OTHER)
    _set(c, MARGIN, y - 44, OTHER_TEXT * 3, 4)
    c.save()

    document = read_pdf(path, path.name)
    outline = recover_outline(document)
    assert [s.path for s in outline.sections] == [(LEAD,), (OTHER,)]
    lead = outline.sections[0].paragraphs
    assert any(LEAD_TEXT[:20] in outline.paragraphs[i].text for i in lead)
    assert any(outline.paragraphs[i].text == "春风送暖农事忙" for i in lead)
    assert NAME not in document.text and "星期五" not in document.text
