"""A wide story's headline centred over the middle columns opens a band, where paragraphs are spaced too.

A paper stacks bands: a story under a headline across the page, its text balanced over the columns, then the next
story's headline — centred, so over the middle columns only — and its text starting in every column on one row under
it. Nothing crosses the gutter between the first two columns from the top of the page to its foot, and the XY-cut read
the first column whole: the second story's first column fell under the first story's headline. The band's start shows
in its row (headline type with white beside it, every column starting together under it); the reader cut there only
where paragraphs are indented, for a subhead in one story's spaced columns may have white beside it by chance. A
subhead stands in its own column; a headline across a gutter heads a band — spaced paragraphs or not. A subhead in
one column, level with white in the others, still cuts nothing. Pages written by reportlab, read by the real reader.
"""

from __future__ import annotations

import re
from pathlib import Path

from qa.formats.pdf import read_pdf
from qa.structure import recover_outline
from tests.reportlab_pages import BODY, FONT, MARGIN, PAGE_H, PAGE_W, SPRING, STREET, Grid

GRID = Grid(4)
COLS, PER_LINE = GRID.cols, GRID.per_line

LEAD_HEAD, SECOND_HEAD, SUBHEAD = "全省春耕生产全面展开", "老街区改造工程全面完工", "改造稳步推进"
SENTENCES = SPRING + STREET


def _paragraph(mark: str, rows: int, start: int) -> list[str]:
    """A paragraph opening on ``mark`` set on ``rows`` column lines, no indent, its last line short on a full stop."""
    text, n = f"（{mark}）", start
    while len(text) < rows * PER_LINE:
        text += SENTENCES[n % len(SENTENCES)]
        n += 1
    text = text[: (rows - 1) * PER_LINE + PER_LINE // 2 - 1] + "。"
    return [text[k : k + PER_LINE] for k in range(0, len(text), PER_LINE)]


def _put(c, col: float, row: float, text: str, size: float = BODY) -> None:  # noqa: ANN001 - a canvas
    GRID.draw_head(c, col, row, text, size)


def _column(c, col: int, row: int, paragraphs: list[tuple[str, int, int]]) -> list[str]:  # noqa: ANN001
    """Set the paragraphs (mark, rows, first sentence) down column ``col`` from ``row``, a white row after each;
    return their marks."""
    for mark, rows, start in paragraphs:
        for line in _paragraph(mark, rows, start):
            _put(c, col, row, line)
            row += 1
        row += 1
    return [mark for mark, _, _ in paragraphs]


def _bands_page(path: Path, credit: str = "") -> dict[str, list[str]]:
    """Band 1: the lead's spaced paragraphs balanced over four columns (rows 0–11, the third column a row short).
    Band 2: right under it (no white across the page), a headline centred from the middle of column 2 to the middle
    of column 3, white beside it (and a ``credit`` centred under it), and from row 14 (15 under a credit) its story's
    spaced paragraphs starting in every column on one row."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    c.setFont(FONT, 26)
    c.drawString(MARGIN, PAGE_H - 100, LEAD_HEAD)
    lead, second = [], []
    for col in range(COLS):
        lead += _column(c, col, 0, [(f"甲{col}1", 5, col), (f"甲{col}2", 5 if col == 2 else 6, col + 1)])
        second += _column(c, col, 15 if credit else 14, [(f"乙{col}1", 4, col + 4), (f"乙{col}2", 5, col + 5)])
    _put(c, 1.5, 12.6, SECOND_HEAD, size=16)
    if credit:
        _put(c, 1.8, 13.9, credit)
    c.save()
    return {LEAD_HEAD: lead, SECOND_HEAD: second}


def _section_of(outline, mark: str) -> tuple[str, ...]:  # noqa: ANN001 - qa.records.Outline
    held = [p.index for p in outline.paragraphs if f"（{mark}）" in p.text.replace(" ", "")]
    assert len(held) == 1, (mark, [p.text[:12] for p in outline.paragraphs])
    return next(s.path for s in outline.sections if held[0] in s.paragraphs)


def test_a_headline_centred_over_the_middle_columns_opens_a_band(tmp_path: Path, fonts) -> None:
    path = tmp_path / "bands.pdf"
    stories = _bands_page(path)
    outline = recover_outline(read_pdf(path, path.name))
    for head, marks in stories.items():
        for mark in marks:
            assert _section_of(outline, mark)[-1] == head, (mark, _section_of(outline, mark))


def _subhead_page(path: Path) -> list[str]:
    """One story in spaced paragraphs over four columns: column 2 ends a paragraph on row 11 and opens a subhead
    (headline type, within its column) after a white row; columns 1, 3 and 4 end a paragraph on row 12, leaving the
    subhead's row white as any paragraph's space; every column goes on from row 14, on one row.
    Returns the marks in reading order (column by column), the subhead in its place."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    c.setFont(FONT, 26)
    c.drawString(MARGIN, PAGE_H - 100, LEAD_HEAD)
    order: list[str] = []
    for col in range(COLS):
        order += _column(c, col, 0, [(f"{col}1", 5, col), (f"{col}2", 6 if col == 1 else 7, col + 1)])
        if col == 1:
            _put(c, col, 13, SUBHEAD, size=16)
            order.append(SUBHEAD)
        order += _column(c, col, 14, [(f"{col}3", 4, col + 4), (f"{col}4", 5, col + 5)])
    c.save()
    return order


def test_a_subhead_in_one_column_beside_white_cuts_nothing(tmp_path: Path, fonts) -> None:
    path = tmp_path / "subhead.pdf"
    order = _subhead_page(path)
    outline = recover_outline(read_pdf(path, path.name))
    flat = "".join(p.text.replace(" ", "") for p in outline.paragraphs)
    marks = re.findall(r"（(\d\d)）", flat)
    assert marks == [m for m in order if m != SUBHEAD], marks  # column by column, as written
    at = order.index(SUBHEAD)
    section = next(s for s in outline.sections if s.path[-1] == SUBHEAD)
    under = "".join(outline.paragraphs[i].text.replace(" ", "") for i in section.paragraphs)
    assert all(f"（{m}）" in under for m in order[at + 1 :]), under[:80]  # the rest of the story under the subhead


def test_a_news_agency_credit_under_the_headline_stands_over_the_band(tmp_path: Path, fonts) -> None:
    """A credit under the band's headline ('新华社记者　陈鹤高', a news agency's reporter, as '本报记者' is the paper's
    own) is no text of a column: the columns still start together under it, and the band opens there."""
    path = tmp_path / "credit.pdf"
    stories = _bands_page(path, credit="新华社记者　陈鹤高")
    outline = recover_outline(read_pdf(path, path.name))
    for head, marks in stories.items():
        for mark in marks:
            assert _section_of(outline, mark)[-1] == head, (mark, _section_of(outline, mark))
