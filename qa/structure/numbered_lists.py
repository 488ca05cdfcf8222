"""A numbered line with a comma in its title is a heading only where it stands alone at its rank.

'（一）坚持稳中求进，经济运行持续向好' heads a section of a government work report; '1．各单位要认真落实，加强组织领导'
— the same shape of phrases, its full stop left off — is the first point of a list, and the next line is the list's
'2．…'. Form alone does not tell the two apart (``qa.structure.headings.phrased_title`` accepts both); their
neighbours do: a heading's sibling comes after the heading's own text, while a list's items follow one another. So a
comma-titled numbered line with a line of its own rank right before or after it is an item of a list, in plain text
and in the format readers alike (``qa.formats.outline_numbers.numbered_line_heads_text``). Numbered lines without a
comma keep the rules they had: this guards only what ``phrased_title`` newly lets in.
"""

from __future__ import annotations

from qa.records import Paragraph
from qa.structure.headings import heading_title, line_outline_rank, phrased_title


def has_comma(text: str) -> bool:
    return "，" in text or "," in text


def listed_phrases(text: str, before: str | None, after: str | None) -> bool:
    """Whether ``text``, a numbered line whose title is phrases split by commas, is an item of a list: the line
    right ``before`` or ``after`` it (None where there is none) is numbered at its rank."""
    if not has_comma(text) or not phrased_title(text):
        return False
    rank = line_outline_rank(heading_title(text))
    return any(other is not None and line_outline_rank(heading_title(other)) == rank for other in (before, after))


def demote_listed_phrases(paragraphs: list[Paragraph], kinds: list[str]) -> None:
    """Make body of the comma-titled numbered heading lines that are items of a list (``kinds`` in place)."""
    texts = [p.text.strip() for p in paragraphs]
    demote = [
        i
        for i, kind in enumerate(kinds)
        if kind == "heading"
        and listed_phrases(texts[i], texts[i - 1] if i else None, texts[i + 1] if i + 1 < len(texts) else None)
    ]
    for i in demote:
        kinds[i] = "body"
