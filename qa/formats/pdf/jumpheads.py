"""A continuation opened by its marker line alone ('（接第1版）' centred over its columns) is read from column 1.

A continued story on the jump page may carry no headline again, only the marker line set over its columns (centred,
or over the middle ones). The column finder keeps the marker with the columns it stands over, so a first column to
its left came before it: the continued text's first words were read before the marker and filed under the story
above, while the marker opened its second column. The marker is moved before the leaves of its band that precede
it: those to its left whose text starts right under it (the band's columns start together under the marker).
"""

from __future__ import annotations

from qa.formats.pdf.lines import _CONT_LINE, Line

UNDER = 2.5  # a column of the band starts at most this far (x the body) under the marker line's foot


def marker_heads(leaves: list[list[Line]], body: float) -> list[list[Line]]:
    """``leaves`` (one page's, in reading order) with each continuation marker line set alone over its columns moved
    before the leaves of its band read before it; other leaves unchanged. The marker is a leaf of its own (over a
    gutter) or opens the leaf of a column it stands over, set in from that column's edge (centred over the band; a
    marker at a column's left edge opens that column)."""
    out = list(leaves)
    for j in range(len(out)):
        leaf = sorted(out[j], key=lambda ln: ln.top)
        if not leaf or not _CONT_LINE.match(leaf[0].text) or len(leaf[0].text) > 12:
            continue
        marker, rest = leaf[0], leaf[1:]
        if rest and (marker.x0 < min(ln.x0 for ln in rest) + 2 * body or rest[0].top < marker.bottom):
            continue
        first = j
        while first > 0:
            prev = out[first - 1]
            if (
                not prev
                or max(ln.x1 for ln in prev) > marker.x0
                or not 0 <= min(ln.top for ln in prev) - marker.bottom <= UNDER * body
            ):
                break
            first -= 1
        if first < j:
            out[first : j + 1] = [[marker], *out[first:j], *([rest] if rest else [])]
    return out
