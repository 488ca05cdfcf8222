"""A photo set inside a column with its caption under it, the column's text running round both (a layout
program's text wrap): the caption is read after the paragraph the photo interrupts, not in its middle.

Read top to bottom, the column gives the paragraph's first half, the caption, then the paragraph's rest; the
caption (smaller type, right under the photo's frame) ends the paragraph there and opens a second one. When the
line above the photo ends mid-sentence, the caption's lines move to where that paragraph ends, so the paragraph is
read whole and the caption right after it (``Line.after_photo``: the photo's white ends no paragraph). When the
paragraph runs on into the next column, the caption (``Line.aside``) is read after its end there: a caption set close
after a line of the same measure would otherwise read as that paragraph's next words.
"""

from __future__ import annotations

from qa.formats.blocks import CAPTION_LABEL
from qa.formats.pdf.lines import Line
from qa.formats.pdf.order import _SENTENCE_END, _Layout

_CLOSERS = "”’」』）)》〉"
SMALLER = 0.95  # caption type is at most this share of the body lines' size around it (or it opens with '图1')
UNDER = 1.0  # the caption's top is at most this far (x body size) under the photo's frame
CAPTION_LINES = 3  # a caption runs to at most this many lines


def _ends_sentence(text: str) -> bool:
    return text.rstrip().rstrip(_CLOSERS).endswith(_SENTENCE_END)


def _figures(layout: _Layout) -> list[tuple[float, float, float, float]]:
    """Where the page's photos and figures are: drawn frames, and images (a figure is as often a raster image with
    no frame drawn round it; its caption under it interrupts the paragraph just the same)."""
    return layout.frames + layout.pictures


def _photo_above(caption: Line, above: Line, frames: list[tuple[float, float, float, float]], body: float) -> bool:
    """A frame (the photo) between the body line ``above`` and ``caption``, right over the caption and across it."""
    return any(
        top >= above.bottom - 0.5 * body
        and caption.top - UNDER * body <= bottom <= caption.top + 0.5 * body
        and x0 <= caption.x0 + 0.5 * body
        and x1 >= caption.x1 - 0.5 * body
        for x0, top, x1, bottom in frames
    )


def captions_out_of_paragraphs(leaves: list[list[Line]], layout: _Layout) -> list[list[Line]]:
    """Each leaf with the captions that interrupt a paragraph moved to after that paragraph's last line."""
    if not layout.frames and not layout.pictures:
        return leaves
    out: list[list[Line]] = []
    for leaf in leaves:
        # The photo may also part the column into two leaves: the caption then opens the second.
        above = (
            out[-1][-1]
            if out and out[-1] and leaf and out[-1][-1].x0 < leaf[0].x1 and leaf[0].x0 < out[-1][-1].x1
            else None
        )
        moved = _move_captions([above, *leaf] if above else leaf, layout)
        out.append(moved[1:] if above else moved)
        if above and moved[1:] and not moved[1].after_photo and _photo_between(above, moved[1], layout):
            moved[1].after_photo = True  # a photo across the column, its caption in another: the paragraph goes on
    return out


def _photo_between(above: Line, below: Line, layout: _Layout) -> bool:
    """A frame (a photo) across ``below``'s column filling the white between ``above`` and ``below`` (the column's
    text before and after it), the line above mid-sentence."""
    body = layout.body
    return not _ends_sentence(above.text) and any(
        top >= above.bottom - 0.5 * body
        and bottom <= below.top + 0.5 * body
        and below.top - bottom < 4 * body  # (a caption under it beside the column, a line or two)
        and x0 <= below.x0 + 0.5 * body
        and x1 >= below.x1 - 0.5 * body
        for x0, top, x1, bottom in _figures(layout)
    )


def _move_captions(leaf: list[Line], layout: _Layout) -> list[Line]:
    body = layout.body
    lines = list(leaf)
    k = 1
    while k < len(lines) - 1:
        above = lines[k - 1]
        n = 0
        while k + n < len(lines) and n < CAPTION_LINES and lines[k + n].size <= SMALLER * above.size:
            n += 1
        if n == 0 and CAPTION_LABEL.match(lines[k].text):
            n = 1  # a caption set in the body's own size, labelled as one ('图1 系统总体架构'): one line
        if (
            n == 0
            or k + n >= len(lines)
            or _ends_sentence(above.text)
            or abs(lines[k + n].size - above.size) > 0.05 * above.size
            or not _photo_above(lines[k], above, _figures(layout), body)
        ):
            k += 1
            continue
        caption = lines[k : k + n]
        for ln in caption:  # a paragraph of its own, whatever room the paragraph's last line leaves
            ln.aside = True
        rest = lines[k + n :]
        rest[0].after_photo = True  # the white the photo leaves between it and ``above`` ends no paragraph
        end = next((i for i, ln in enumerate(rest) if _ends_sentence(ln.text)), len(rest) - 1)
        lines = lines[:k] + rest[: end + 1] + caption + rest[end + 1 :]
        k += end + 1 + n
    return lines
