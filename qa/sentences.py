"""Sentence boundaries for Chinese and English text, as character offsets.

Offsets (not strings) so chunks and highlights map back to the exact source characters.
A Chinese sentence ends at 。！？；… (closing quotes/brackets stay with it); an English one at
.!? followed by whitespace, not inside numbers like 3.5 or abbreviations like "e.g.".
"""

from __future__ import annotations

import re

_CLOSERS = "”’」』）)】》\"'"
# A CJK terminator (or run of them, e.g. "……" / "？！"), then any closing quotes/brackets.
_CJK_END = re.compile(rf"(?:[。！？；]+|…+|\.{{3,}})[{re.escape(_CLOSERS)}]*")
# A Latin terminator followed by whitespace/end, not after a single letter or common abbreviation.
_LATIN_END = re.compile(rf"[.!?;][{re.escape(_CLOSERS)}]*(?=\s|$)")
_ABBREVIATION = re.compile(r"(?:\b(?:e\.g|i\.e|etc|vs|Mr|Mrs|Ms|Dr|No|St|Fig)|\b[A-Za-z])$")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into [start, end) spans covering every character exactly once.

    Line breaks also end a sentence, so headings and list lines never fuse with body text.
    """
    cuts: set[int] = {0, len(text)}
    for match in _CJK_END.finditer(text):
        cuts.add(match.end())
    for match in _LATIN_END.finditer(text):
        if text[match.start()] == "." and _ABBREVIATION.search(text, 0, match.start()):
            continue
        end = match.end()
        while end < len(text) and text[end] in " \t":
            end += 1  # trailing spaces stay with the sentence they follow
        cuts.add(end)
    for match in re.finditer(r"\n+", text):
        cuts.add(match.end())
    ordered = sorted(cuts)
    spans: list[tuple[int, int]] = []
    for start, end in zip(ordered, ordered[1:], strict=False):
        if start == end:
            continue
        # Attach leading whitespace to the previous sentence so sentences start on a character.
        if spans and not text[start:end].strip():
            spans[-1] = (spans[-1][0], end)
            continue
        spans.append((start, end))
    return spans


_SOFT_BREAKS = "，,、：:；; "


def bounded_sentence_spans(
    text: str, size: int, sentences: list[tuple[int, int]] | None = None
) -> list[tuple[int, int]]:
    """``sentence_spans`` with every sentence longer than ``size`` cut at soft breaks (commas,
    enumeration marks), else hard at ``size``: the units both chunks and dense windows pack.
    ``sentences``: ``sentence_spans(text)`` when the caller already has them."""
    pieces: list[tuple[int, int]] = []
    for start, end in sentence_spans(text) if sentences is None else sentences:
        while end - start > size:
            window = text[start : start + size]
            cut = max(window.rfind(ch) for ch in _SOFT_BREAKS)
            cut = start + cut + 1 if cut >= size // 3 else start + size
            pieces.append((start, cut))
            start = cut
        pieces.append((start, end))
    return pieces


def split_sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text)]
