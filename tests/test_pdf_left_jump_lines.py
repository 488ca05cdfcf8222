"""A jump line set at its column's left edge ('转2版' under a paragraph's indented one line) stays in its column.

A jump line alone is counted narrower than it prints: set right-aligned in a synthetic bold it may end past its
column's edge and bridge a narrow gutter. Counted at its middle alone, a short marker set flush left under a
one-line paragraph indented two characters stood a gutter apart from that line: where a region held just the two,
the marker was a column of its own, read before the line and joined to the paragraph above ('…勇气。转2版'); the
story's last words were left after it and its jump to page 2 was not stitched (the office newspaper set, paper 11037:
50/55 → 51/55 jumps). Counted without its last half em, it overlaps its column's lines on the left and still ends
short of its right edge (tests/test_pdf_scaled_columns.py: a bold jump line past its column's edge bridges no
gutter). The lines are read by the real reader from a page written by reportlab.
"""

from __future__ import annotations

from pathlib import Path

from qa.formats.pdf.lines import _column_groups
from qa.formats.pdf.page import read_pages

PAGE_W, PAGE_H = 420.0, 400.0
MARGIN, BODY = 36.0, 10.5
COL_W = 13 * BODY
FONT = "STSong-Light"
LAST, MARKER = "如果每一个党员干部都敢", "转2版"
NEXT = "新华社北京电外交部发言人今天在这里说"


def _groups(path: Path, marker_x: float, gutter: float) -> list[list[str]]:
    """Write a column's last paragraph (one line, indented two characters), the marker under it at ``marker_x``
    and the next column's lines ``gutter`` to the right; return the texts of the column groups the reader finds."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    c.setFont(FONT, BODY)
    c.drawString(MARGIN + 2 * BODY, PAGE_H - 100, LAST)
    c.drawString(marker_x, PAGE_H - 114, MARKER)
    for r in range(2):
        c.drawString(MARGIN + COL_W + gutter, PAGE_H - 100 - 14 * r, NEXT[: 12 - r])
    c.showPage()
    c.save()
    pages, body = read_pages(path, path.name)
    lines = pages[0].lines
    return [sorted(lines[i].text.replace(" ", "") for i in group) for group in _column_groups(lines, body)]


def test_a_jump_line_at_the_column_edge_stays_with_its_column(tmp_path: Path, fonts) -> None:
    groups = _groups(tmp_path / "left.pdf", MARGIN, 3 * BODY)
    assert sorted([LAST, MARKER]) in groups, groups
