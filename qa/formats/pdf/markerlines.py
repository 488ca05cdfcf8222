"""A jump marker set in head type is no heading: its line goes back to the paragraph it ends or opens.

Papers set the jump marker in bold or 黑体 ('…书记兼统战**（下转第2版）**'). Run on at the end of the cut paragraph,
it can make that paragraph's last line mostly display type, or the line breaker can break inside the marker ('…一级〔下'
/ '转第2版〕'), leaving a last line that is nothing but the marker's rest. Read by its type, such a line becomes a
heading or a kicker of its own: the cut paragraph no longer ends in a marker, the page-1 half of the jump has nothing
to pair with, and the words on that line ('统战') are lost to their paragraph. Likewise a marker line alone set in head
type ('（本文接第1版）' under a continuation's headline) was read as a subhead, not as the marker opening the text.

``rejoin_marker_lines`` works on the reader's blocks in reading order, after headings are decided, and knows no
producer: a block that completes a transfer marker together with the body paragraph right before it on its page, with
no more than a line's words before the marker, is that paragraph's end; a block that is only a continuation marker
opens the body paragraph after it; any other block that is only a marker is body text, never a heading.
"""

from __future__ import annotations

from dataclasses import replace

from qa.formats.blocks import Block
from qa.formats.pdf.paragraphs import join_lines
from qa.structure import markers

TAIL_WORDS = 12  # characters of the cut paragraph a marker's line may carry before the marker (about a short line)


def _body(block: Block) -> bool:
    return block.heading_level is None and block.role == "body"


def _whole(pattern, text: str) -> bool:  # noqa: ANN001 - a compiled marker pattern
    match = pattern.search(text.strip())
    return bool(match) and match.start() == 0 and match.end() == len(text.strip())


def _ends_paragraph(prev: Block, cur: Block) -> bool:
    """``cur`` is the last line of body paragraph ``prev``: together they end in a transfer marker that ``prev``
    alone does not, with at most ``TAIL_WORDS`` characters of ``cur`` before it. A line read as body joins only
    when the marker is broken across the two ('…（下' / '转第2版）'): a body line of words and a whole marker is
    already its own paragraph by the reader's paragraph rules."""
    if not _body(prev) or prev.page != cur.page or markers.transfer_marker(prev.text):
        return False
    joined = join_lines(prev.text.rstrip(), cur.text.strip())
    match = markers.TRANSFER.search(joined)
    if match is None:
        return False
    words = match.start() - len(prev.text.rstrip())  # characters of ``cur`` before its marker (< 0: broken marker)
    if words > TAIL_WORDS:
        return False
    return words < 0 or not _body(cur)


def rejoin_marker_lines(blocks: list[Block]) -> list[Block]:
    """``blocks`` with each jump marker line read as a heading, kicker or paragraph of its own given back: the last
    line of a cut paragraph (words and a transfer marker, or a broken marker's rest) joins that paragraph, a lone
    continuation marker opens the body paragraph after it, any other lone marker is body text."""
    out: list[Block] = []
    k = 0
    while k < len(blocks):
        block = blocks[k]
        if out and _ends_paragraph(out[-1], block):
            out[-1] = replace(out[-1], text=join_lines(out[-1].text.rstrip(), block.text.strip()))
            k += 1
            continue
        nxt = blocks[k + 1] if k + 1 < len(blocks) else None
        if not _body(block) and _whole(markers.CONTINUED, block.text):
            if nxt is not None and _body(nxt) and nxt.page == block.page and not markers.continuation_marker(nxt.text):
                out.append(replace(nxt, text=block.text.strip() + nxt.text.lstrip()))
                k += 2
                continue
            block = replace(block, heading_level=None, role="body")
        elif not _body(block) and _whole(markers.TRANSFER, block.text):
            block = replace(block, heading_level=None, role="body")
        out.append(block)
        k += 1
    return out
