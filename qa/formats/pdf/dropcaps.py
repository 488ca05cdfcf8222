"""Drop caps (首字下沉): a paragraph's first character set two to four lines tall at its column's left edge.

A layout program (Scribus, InDesign, 方正飞翔) sets the cap's top level with the first line's and indents the lines
beside it; its baseline is the LAST of those lines'. Read by baseline, the cap joins the wrong row (the second or
third line of the paragraph, which then reads '新受江泽民…' while its first line '华社张家口…' loses its first
character) and makes that row look two lines tall. Seated on the first line's baseline, at that line's size, it is
the first character of its paragraph again. The cap may be drawn at a larger size or as a body-size glyph scaled
up (Scribus): either way its box is several lines tall.
"""

from __future__ import annotations

from dataclasses import replace

from qa.formats.pdf.lines import _Char

# Thresholds, in units of the font size (or of the body size); chosen on the Scribus DIAGNOSIS seeds.
CAP_LINES = 1.8  # a lone character this many times as tall as the body is a drop cap (or a display initial)
BESIDE = 1.0  # the first line starts at most this far (x its size) right of the cap's box
LEVEL = 0.6  # ... and its top is within this much (x its size) of the cap's top


def seat_drop_caps(chars: list[_Char], body: float) -> list[_Char]:
    """``chars`` with each drop cap moved onto the first line of its paragraph (the row beside the cap whose top
    is level with the cap's), at that row's size; other characters unchanged."""
    out = list(chars)
    # Only characters over 0.6 of a cap's least height can be display type beside it: asked once a page, not for
    # every tall character against all the page's characters (a newspaper page's headlines are many).
    large = [d for d in chars if d.bottom - d.top > 0.6 * CAP_LINES * body]
    for k, cap in enumerate(chars):
        tall = cap.bottom - cap.top
        if cap.text.isspace() or tall < CAP_LINES * body:
            continue
        if any(
            d is not cap
            and abs(d.base - cap.base) < 0.2 * tall
            and (d.bottom - d.top) > 0.6 * tall
            and d.x0 < cap.x1 + 2 * tall
            and d.x1 > cap.x0 - 2 * tall
            for d in large
        ):
            continue  # display type: a headline's characters stand beside one another
        beside = [
            d
            for d in chars
            if not d.text.isspace()
            and (d.bottom - d.top) < 0.6 * tall
            and cap.x1 - 0.2 * d.size <= d.x0 <= cap.x1 + BESIDE * d.size
            and abs(d.top - cap.top) <= LEVEL * d.size
            and d.base < cap.base - 0.5 * d.size
        ]
        if not beside:
            continue
        first = min(beside, key=lambda d: (d.x0, d.base))
        out[k] = replace(cap, top=first.top, bottom=first.bottom, base=first.base, size=first.size)
        # The lines beside the cap, under the first, are indented only to clear it: they start where the column
        # does (as the line under the cap shows), not a paragraph each. A row's baseline is the last beside the cap
        # when it is within half a line of the cap's (the cap's glyph may sit a little above its row's baseline), or
        # at the foot of the cap's box (a float's box, as a browser sets a cap, reaches down past its glyph).
        # Only a character that starts its run of text can mark the column's edge: the last characters of the
        # column to the left (its lines end within a few sizes of the cap when the gutter is narrow) are no edge
        # of this one, and moving the rows beside the cap onto them would join those rows to that column's lines.
        size = first.size
        below = [
            d
            for d in chars
            if not d.text.isspace()
            and cap.base + 0.5 * size < d.base <= cap.base + 3 * size
            and cap.x0 - 3 * size <= d.x0 <= cap.x1
            and not _after_text(d, chars)
        ]
        if not below:
            continue
        edge = min(d.x0 for d in below)
        rows: dict[float, list[int]] = {}
        for i, d in enumerate(chars):
            if (
                d is not cap
                and not d.text.isspace()
                and first.base + 0.5 * size < d.base <= max(cap.base + 0.5 * size, cap.bottom + 0.2 * size)
                and d.x0 >= cap.x1 - 0.2 * size  # (a column to the left shares the rows' baselines)
            ):
                rows.setdefault(round(d.base), []).append(i)
        for row in rows.values():
            lead = min(row, key=lambda i: chars[i].x0)
            if cap.x1 - 0.2 * size <= chars[lead].x0 <= cap.x1 + BESIDE * size:
                out[lead] = replace(chars[lead], x0=edge)
    return out


def _after_text(ch: _Char, chars: list[_Char]) -> bool:
    """Another character on ``ch``'s row ends right before it (closer than half its width): ``ch`` goes on a run of
    text and starts no line."""
    width = ch.x1 - ch.x0
    return any(
        d is not ch
        and not d.text.isspace()
        and abs(d.base - ch.base) < 0.3 * ch.size
        and -0.5 * width < ch.x0 - d.x1 < 0.5 * width
        and d.x0 < ch.x0
        for d in chars
    )
