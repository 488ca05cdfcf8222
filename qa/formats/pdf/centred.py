"""A centred paragraph wrapped onto a second line is one paragraph, not two.

A government work report centres its subtitle '——2025年1月10日在青溪市第九届人民代表大会第四次会议上' under the
title; too long for one line, it wraps, and its second line '会议上' is centred too. Read by its left edge, that line is
set far in from the column, where a paragraph's indented first line starts, so the subtitle became two paragraphs
('…第四次' / '会议上'), neither of which says what it is. A centred line right under a line that runs the column's
full measure without ending a sentence, in the same type, is that line's continuation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from qa.formats.pdf.paragraphs import _Item

FULL = 1.5  # a line this close (x the size) to both column edges runs the full measure
CENTRED = 0.5  # a line whose middle is this close (x the size) to the column's middle is centred


def wraps_centred(prev: _Item, item: _Item, size: float) -> bool:
    """Whether ``item``'s line is the centred second line of the centred paragraph ``prev``'s line starts (the
    caller checks that ``prev`` ends no sentence)."""
    a, b = prev.line, item.line
    left, right = item.left, item.right
    if right <= left or a.page != b.page or not 0 <= b.top - a.bottom < size or abs(a.size - b.size) > 0.05 * size:
        return False
    full = a.x0 - left < FULL * size and right - a.x1 < FULL * size
    centred = abs((b.x0 + b.x1) / 2 - (left + right) / 2) < CENTRED * size and b.x0 - left > FULL * size
    return full and centred
