"""A headline's deck only steps down: type stepping back up to a headline's size after smaller type is another head.

A paper's name (a flag) or a page's big title set right over the lead story's kicker and headline, with no gap
between, was read as one heading group: the biggest type its headline, the lead's kicker and headline its
'subtitles', and the lead's text a story of the paper's name. A headline's deck sets its 副题 and byline smaller
under it; a bold run of headline type a quarter larger than the smaller type over it is a second headline, that
type its kicker. A deck that steps down (主题, a bold 副题, a byline) stays one headline with its subtitle.

Pages written by reportlab (bold as fill-and-stroke) and read by the real reader.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.formats.pdf import read_pdf
from qa.structure import recover_outline
from tests.reportlab_pages import BODY, FONT, LEAD, LEAD_TEXT, MARGIN, OTHER, OTHER_TEXT, PAGE_H, PAGE_W, Grid

GRID = Grid(4, gutter=12.0)


def _line(c, x: float, y: float, text: str, size: float, bold: bool = False) -> None:  # noqa: ANN001
    c.saveState()
    t = c.beginText(x, y)
    t.setFont(FONT, size)
    t.setTextRenderMode(2 if bold else 0)
    t.textOut(text)
    c.drawText(t)
    c.restoreState()


def _set(c, x: float, y: float, text: str, columns: int) -> float:  # noqa: ANN001 - a canvas
    """``text`` set column after column (balanced) from ``x``; the baseline under its last row."""
    return GRID.set_balanced(c, x, y, text, columns, lambda c, x, y, row: _line(c, x, y, row, BODY))


def _page(path: Path, deck: list[tuple[str, float, bool]]) -> None:
    """``deck`` (text, size, bold) stacked at the page's top with no gap, the lead's text under it in four
    columns, another story under its own head below."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    y = PAGE_H - 40
    for text, size, bold in deck:
        y -= 1.3 * size
        _line(c, MARGIN, y, text, size, bold)
    y = _set(c, MARGIN, y - 30, LEAD_TEXT, 4) - 1.5 * BODY
    _line(c, MARGIN, y - 18, OTHER, 18, bold=True)
    _set(c, MARGIN, y - 44, OTHER_TEXT * 3, 4)
    c.save()


def _section_of(outline, text: str) -> tuple[str, ...]:  # noqa: ANN001 - qa.records.Outline
    held = [p for p in outline.paragraphs if text in "".join(p.text.split())]
    assert held, text[:12]
    return next((tuple(s.path) for s in outline.sections if held[0].index in s.paragraphs), ())


def test_a_title_over_the_leads_kicker_and_headline_is_no_deck_of_it(tmp_path: Path, fonts) -> None:
    path = tmp_path / "flag.pdf"
    _page(path, [("江南日报", 44.0, True), ("春风送暖农事忙", 12.0, False), (LEAD, 24.0, True)])
    outline = recover_outline(read_pdf(path, path.name))
    assert LEAD in _section_of(outline, LEAD_TEXT[:20])
    assert LEAD in _section_of(outline, "春风送暖农事忙")
    assert _section_of(outline, OTHER_TEXT[:20])[-1] == OTHER


def test_a_deck_stepping_down_stays_one_headline(tmp_path: Path, fonts) -> None:
    """主题 in 26 pt bold, a 副题 in 16 pt bold and a smaller 14 pt line under it: one headline, its subtitles (the
    second bold line is not a quarter larger than the line over it)."""
    path = tmp_path / "deck.pdf"
    _page(path, [(LEAD, 26.0, True), ("春风送暖农事忙", 14.0, False), ("各地组织农技人员下乡", 16.0, True)])
    outline = recover_outline(read_pdf(path, path.name))
    assert _section_of(outline, LEAD_TEXT[:20]) == (LEAD,)
    assert not [s.path for s in outline.sections if any("农技人员下乡" in part for part in s.path)]


@pytest.mark.parametrize(
    "deck",
    [
        [(LEAD, 28.0, True), ("本报记者　张三　李四", 11.0, False), ("编者按", 14.0, True)],
        [(LEAD, 28.0, True), ("本报记者　张三　李四", 11.0, False), ("专家点评", 14.0, True)],
        [("新春走基层", 14.0, False), (LEAD, 28.0, True), ("本报记者　张三", 11.0, False), ("记者手记", 14.0, True)],
        [(LEAD, 28.0, True), ("春风送暖农事忙", 11.0, False), ("编者按", 14.0, True)],  # a subtitle, no byline
    ],
)
def test_a_bold_label_under_the_byline_is_no_second_headline(tmp_path: Path, fonts, deck) -> None:  # noqa: ANN001
    """A 28 pt headline, its byline in 11 pt and a 14 pt bold label opening the story's text (编者按, 专家点评,
    记者手记): one story under its headline — so too with a subtitle in the byline's place (a label of a few
    characters at half the headline's size is no headline). The label stepping up from the byline was read as another
    story's headline, the story filed under '编者按' and the headline left with no text."""
    path = tmp_path / "label.pdf"
    _page(path, deck)
    outline = recover_outline(read_pdf(path, path.name))
    assert _section_of(outline, LEAD_TEXT[:20]) == (LEAD,)
    assert _section_of(outline, OTHER_TEXT[:20])[-1] == OTHER
