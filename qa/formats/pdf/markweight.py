"""A jump marker run into a line in bold leaves the line's weight to its text (part of step 1 of ``qa.formats.pdf``).

Papers set a jump marker in bold or in a 黑体 ('发展。（转二版）', '（上接第1版）济，使农民…'); run into a paragraph's
last (or a continuation's first) line, the marker may outnumber the line's own characters, and a line is bold when
most of its characters are. Read bold, the paragraph's last line became a kicker of its own (the paragraph cut in two,
its end and the marker apart from its text), so the jump lost its last words. The marker says where the text goes or
comes from, not how the line is set: the line is weighed on its other characters. A marker broken over two lines
('…牺牲。下转第' / '2版') leaves its tail a bold line of its own: that line is the paragraph's last, not bold either.
"""

from __future__ import annotations

from qa.formats.pdf.lines import Line, _Char
from qa.structure.markers import CONTINUED, TRANSFER


def unbold_run_in_markers(lines: list[Line], chars: list[_Char], body: float) -> None:
    """Lines read bold only because of a jump marker run into them (at the end, or at the start) are not bold: their
    other characters, mostly regular, are the line's type; nor is the tail of a marker broken over two lines."""
    for line in lines:
        if not line.bold:
            continue
        if _marker_tail(line, lines, body):
            line.bold = False
            continue
        text = line.text.strip()
        marker = TRANSFER.search(text) or CONTINUED.search(text)
        if marker is None or not text[: marker.start()].strip() and not text[marker.end() :].strip():
            continue  # no marker, or a marker line of its own: its weight is its own
        mine = sorted(
            (c for c in chars if not c.text.isspace() and _inside(c, line)),
            key=lambda c: c.x0,
        )
        n_before = len("".join(text[: marker.start()].split()))
        n_marker = len("".join(marker.group().split()))
        if len(mine) != len("".join(text.split())):
            continue  # the characters do not match the line's text one for one: leave it
        rest = mine[:n_before] + mine[n_before + n_marker :]
        if rest and sum(c.bold for c in rest) * 2 <= len(rest):
            line.bold = False


def _inside(char: _Char, line: Line) -> bool:
    """Is ``char`` one of ``line``'s: within its span across, its middle between the line's top and bottom?"""
    middle = (char.top + char.bottom) / 2
    return line.x0 - 0.5 <= char.x0 and char.x1 <= line.x1 + 0.5 and line.top <= middle <= line.bottom


def _marker_tail(line: Line, lines: list[Line], body: float) -> bool:
    """Is ``line`` the tail of a transfer marker that the line right above it (on the next row up, starting at the
    same left edge: the same column) begins: the two lines' text ending on a marker that starts in the upper one?"""
    above = [
        ln
        for ln in lines
        if ln is not line and abs(ln.x0 - line.x0) < body and 0 <= line.top - ln.bottom < body and not ln.bold
    ]
    for upper in above:
        joined = upper.text.rstrip() + line.text.strip()
        marker = TRANSFER.search(joined)
        if marker is not None and marker.start() < len(upper.text.rstrip()) and marker.end() == len(joined):
            return True
    return False
