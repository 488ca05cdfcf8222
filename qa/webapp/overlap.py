"""Wording that passages share, as character offsets, for the side-by-side comparison.

Words come from jieba (Chinese) and plain word runs (Latin, digits), the same segmentation the
rest of the package uses, so "shared wording" means shared words rather than shared single
characters: two Chinese passages share most common characters, which would mark everything.
"""

from __future__ import annotations

import re

import jieba

from qa.words import STOPWORDS

_WORDISH = re.compile(r"[\w\u4e00-\u9fff]")


def word_spans(text: str) -> list[tuple[str, int, int]]:
    """(lower-cased word, start, end) for every content word of ``text``.

    Single characters are dropped: one CJK character or letter carries too little to call
    wording shared.
    """
    out: list[tuple[str, int, int]] = []
    for word, start, end in jieba.tokenize(text):
        low = word.strip().lower()
        if len(low) < 2 or not _WORDISH.search(low) or low in STOPWORDS:
            continue
        out.append((low, start, end))
    return out


def _merge(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Join spans that touch or are separated only by spaces, so a shared phrase is one mark."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and (start <= merged[-1][1] or not text[merged[-1][1] : start].strip()):
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(a, b) for a, b in merged]


def shared_spans(texts: list[str]) -> tuple[list[list[tuple[int, int]]], list[str]]:
    """For each text, the spans of words that also occur in at least one other text.

    Returns (spans per text, shared words in order of first appearance in the first text that
    has them). With fewer than two texts nothing is shared.
    """
    words = [word_spans(t) for t in texts]
    vocab = [{w for w, _, _ in ws} for ws in words]
    spans: list[list[tuple[int, int]]] = []
    terms: list[str] = []
    seen: set[str] = set()
    for i, (text, ws) in enumerate(zip(texts, words, strict=True)):
        others: set[str] = set().union(*(v for j, v in enumerate(vocab) if j != i)) if len(texts) > 1 else set()
        mine = [(s, e) for w, s, e in ws if w in others]
        spans.append(_merge(mine, text))
        for w, _, _ in ws:
            if w in others and w not in seen:
                seen.add(w)
                terms.append(w)
    return spans, terms
