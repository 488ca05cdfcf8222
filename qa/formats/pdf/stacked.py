"""Strips of text one right under the other are one column, not columns side by side.

The column finder parts a region's lines into strips by the white between them across the page. A paragraph's
indented first line over its short last line ('本文采用…问卷三千' at the indent, '份。' at the margin, ending where the
line above starts), cut off from the text around them by headings, leave such white: read as two columns side by
side, the last line came first ('份。本文采用…'). Columns stand beside each other on shared rows; strips each wholly
below the one before, no more than a line's spacing apart, are lines read top to bottom.
"""

from __future__ import annotations

from qa.formats.pdf.lines import Line


def stacked(strips: list[list[Line]], line_gap: float, body: float) -> bool:
    """Whether ``strips`` lie one under the other (no two share a row), each at most a line's gap below the last."""
    boxes = sorted((min(ln.top for ln in s), max(ln.bottom for ln in s)) for s in strips if s)
    return all(
        prev_bottom - 0.1 * body <= top <= prev_bottom + max(line_gap, 0.8 * body)
        for (_, prev_bottom), (top, _) in zip(boxes, boxes[1:], strict=False)
    )
