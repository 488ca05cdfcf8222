"""A flag whose ear starts above the paper's name is no headline of the lead story.

A front page's flag: the paper's name in display type at the left, its ear (报眼: date, 星期, 第N期, CN number stacked
in small lines) at the right, the ear's first line set higher than the name's top. That first line then stands alone
over a full-width gap, the page's top band held no display type, and the name was read as the page's first headline:
the lead's headline and text were filed under the paper's name (ConTeXt flags on the DIAGNOSIS seeds). A kicker or a
date line set over a headline, across it, is no ear: the headline under it stays the story's. The pages are written
by reportlab and read by the real reader.
"""

from __future__ import annotations

from pathlib import Path

from qa.formats.pdf import read_pdf
from qa.structure import recover_outline
from tests.reportlab_pages import BODY, EAR, LEAD, LEAD_TEXT, MARGIN, NAME, OTHER, OTHER_TEXT, PAGE_H, PAGE_W, Grid

GRID = Grid(4, gutter=12.0)


def _set(c, x: float, y: float, text: str, columns: int) -> float:  # noqa: ANN001 - a canvas
    """``text`` set column after column (balanced) from ``x``; the baseline under its last row."""
    return GRID.set_balanced(c, x, y, text, columns)


def _front(path: Path, top_lines: list[tuple[float, str]], name: bool, first: float = 58) -> None:
    """A front page: (``name``) the flag at the left, then ``top_lines`` (x, text) stacked in 9 pt from ``first`` pt
    under the page's top, the lead's headline and four columns, a second story under them."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    if name:
        c.setFillColorRGB(0.8, 0, 0)
        c.setFont("STSong-Light", 45)
        c.drawString(MARGIN, PAGE_H - 106, NAME)
        c.setFillColorRGB(0, 0, 0)
    c.setFont("STSong-Light", 9)
    for k, (x, line) in enumerate(top_lines):
        c.drawString(x, PAGE_H - first - k * 13, line)
    c.setFont("STSong-Light", 22)
    c.drawString(MARGIN, PAGE_H - 140, LEAD)
    y = _set(c, MARGIN, PAGE_H - 166, LEAD_TEXT, 4) - 1.5 * BODY
    c.setFont("STSong-Light", 18)
    c.drawString(MARGIN, y - 18, OTHER)
    _set(c, MARGIN, y - 44, OTHER_TEXT * 3, 4)
    c.save()


def test_a_flag_whose_ear_starts_above_the_name_is_no_headline(tmp_path: Path, fonts) -> None:
    path = tmp_path / "front.pdf"
    _front(path, [(PAGE_W - MARGIN - 110, line) for line in EAR], name=True)
    document = read_pdf(path, path.name)
    outline = recover_outline(document)
    assert [s.path for s in outline.sections] == [(LEAD,), (OTHER,)]
    assert any(LEAD_TEXT[:20] in outline.paragraphs[i].text for i in outline.sections[0].paragraphs)
    assert NAME not in document.text and "星期五" not in document.text


def test_a_date_line_over_the_lead_headline_leaves_it_the_lead(tmp_path: Path, fonts) -> None:
    """No flag: a kicker naming a date set right over the headline's start, across it — no ear beside a name (asked
    as one, the headline went out as the paper's name). The headline heads the lead's text."""
    path = tmp_path / "front.pdf"
    _front(path, [(MARGIN, "2024年3月15日全省春耕动员大会召开")], name=False, first=110)
    outline = recover_outline(read_pdf(path, path.name))
    # (the date line may stand as text over the page or as the lead's kicker, by how the machine's substitute for the
    # non-embedded STSong-Light measures it; either way the headline heads the lead)
    headed = [s for s in outline.sections if s.path]
    assert [s.path[-1] for s in headed][:2] == [LEAD, OTHER]
    assert any(LEAD_TEXT[:20] in outline.paragraphs[i].text for i in headed[0].paragraphs)
