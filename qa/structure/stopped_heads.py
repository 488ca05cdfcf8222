"""A numbered document's heads may end in a full stop: '（一）加强组织领导。' over its paragraph.

GB/T 9704 公文 often close their second- and third-level heads with '。' ('（一）危险化学品领域。', '1.压实工作责任。'),
written on a line of their own over the text they head. The bare-heading rule reads any line ending a sentence as
text, so each such head was filed as a paragraph of the section above it, and every paragraph under it was cited
under the wrong part.

The number alone does not make the line a head: a list of numbered sentences ('（一）申请人须年满18周岁。⏎（二）…')
and a long numbered paragraph of body text ('（一）各单位要认真落实，…。') end alike. The document's own sequence
says which it is: a head is one short line (a title's length, ``headings.is_heading_block`` once its stop is
dropped), shorter than the paragraph of text that follows it, and its siblings — the lines of its rank under the
same parent — are heads of the same shape. One such line alone, or siblings that run on one after another with no
text between (a list), stay text. A short title of comma-parted phrases ('（一）加强组织领导，压实工作责任。') is a
head here; the PDF reader (``qa.formats.pdf.numbered._stopped_rank``) still refuses a comma, so such heads read as
heads in text and Word but not in a PDF — one rule for both is left to do.
"""

from __future__ import annotations

from qa.records import Paragraph
from qa.structure.headings import heading_title, is_heading_block, line_outline_rank

STOPS = ("。", "．")  # the full stop a 公文 head ends with ('．' is the full-width point some writers use)
_HEAD_KINDS = ("heading", "title")


def _rank(text: str) -> float | None:
    return line_outline_rank(heading_title(text))


def _stopped_head_shape(text: str) -> bool:
    """One line, outline-numbered, ending in a full stop and a title once the stop is dropped."""
    text = text.strip()
    if "\n" in text or not text.endswith(STOPS) or _rank(text) is None:
        return False
    return is_heading_block(text.rstrip("。．"))


def promote_stopped_heads(paragraphs: list[Paragraph], kinds: list[str]) -> None:
    """Make headings of the numbered, stop-ended lines that head text, as a run of siblings (``kinds`` in place).

    Siblings: the lines of one rank between two headings of a higher rank (or the document's ends). A run is
    promoted when it has two or more lines and every one of them is a heading already or a stop-ended head shape
    followed by a longer paragraph of text — not by another numbered line (a list) nor by a heading.
    """
    texts = [p.text.strip() for p in paragraphs]
    ranks = [_rank(t) if "\n" not in t else None for t in texts]

    def sibling(j: int) -> bool:  # a head already, or a stopped head over its text
        if kinds[j] in _HEAD_KINDS:
            return True
        if not _stopped_head_shape(texts[j]) or j + 1 >= len(texts):
            return False
        nxt = j + 1
        return kinds[nxt] not in _HEAD_KINDS and ranks[nxt] is None and len(texts[nxt]) > len(texts[j])

    def parent(j: int, rank: float) -> bool:  # a heading of a higher rank closes a run of siblings
        return ranks[j] is not None and ranks[j] < rank and kinds[j] in _HEAD_KINDS

    for i, rank in enumerate(ranks):
        if rank is None or kinds[i] in _HEAD_KINDS or not _stopped_head_shape(texts[i]):
            continue
        start = next((j + 1 for j in range(i - 1, -1, -1) if parent(j, rank)), 0)
        end = next((j for j in range(i + 1, len(texts)) if parent(j, rank)), len(texts))
        run = [j for j in range(start, end) if ranks[j] == rank]
        if len(run) >= 2 and all(sibling(j) for j in run):
            for j in run:
                kinds[j] = "heading"
