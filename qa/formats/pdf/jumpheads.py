"""A continuation opened by its marker line alone ('（接第1版）' centred over its columns) is read from column 1.

A continued story on the jump page may carry no headline again, only the marker line set over its columns (centred,
or over the middle ones). The column finder keeps the marker with the columns it stands over, so a first column to
its left came before it: the continued text's first words were read before the marker and filed under the story
above, while the marker opened its second column. The marker is moved before the leaves of its band that precede
it: those to its left whose text starts right under it (the band's columns start together under the marker).
The continued story's headline set over such a marker line (centred over the middle columns, the marker at the left
under it) is read before the marker: read after it, it headed only the columns to its right.
"""

from __future__ import annotations

from qa.formats.pdf.lines import _CONT_LINE, Line, _is_head

UNDER = 2.5  # a column of the band starts at most this far (x the body) under the marker line's foot
ABOVE = 2.5  # a jump headline ends at most this far (x the body) above its marker line's top


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
    return _heads_before_markers(out, body)


def _is_marker(leaf: list[Line]) -> bool:
    return len(leaf) == 1 and bool(_CONT_LINE.match(leaf[0].text)) and len(leaf[0].text) <= 12


def _heads_before_markers(leaves: list[list[Line]], body: float) -> list[list[Line]]:
    """A continuation's headline set over its marker line is read before the marker.

    Set over the middle columns (centred, or short in a wide band) with the marker line under it at the left, the
    headline leaves the first column's top white beside it: the marker and the first column were cut off as leaves of
    their own and read first, and the headline, read after them, headed the rest of the columns and the text after
    them — the continuation's first words were filed under the story above. A leaf of head type read after a lone
    marker line, ending just above it (``ABOVE``), with only leaves starting under the marker between them, is moved
    before the marker."""
    out = list(leaves)
    for j in range(len(out)):
        if not _is_marker(out[j]):
            continue
        marker = out[j][0]
        for h in range(j + 1, len(out)):
            leaf = out[h]
            if not leaf:
                break
            top = min(ln.top for ln in leaf)
            if top >= marker.bottom:
                continue  # a column under the marker, read before the headline
            bottom = max(ln.bottom for ln in leaf)
            if all(_is_head(ln, body) for ln in leaf) and 0 <= marker.top - bottom <= ABOVE * body:
                out[j : h + 1] = [leaf, *out[j:h]]
            break
    return out
