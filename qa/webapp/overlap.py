"""Wording that passages share, as character offsets, for the side-by-side comparison.

Words come from jieba (Chinese) and plain word runs (Latin, digits), the same segmentation the
rest of the package uses, so "shared wording" means shared words rather than shared single
characters: two Chinese passages share most common characters, which would mark everything.
Shared words are then limited to distinctive ones: a word found in most passages of the index
(重庆, 发展 on a Chongqing paper) is shared by any two of them and says nothing about why these
two agree. Distinctiveness is the word's IDF over the index's chunks.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable

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


MAX_TERMS = 12  # shared words marked at most: the most distinctive ones
MAX_DOC_SHARE = 0.2  # a word in more than this share of the index's chunks is not distinctive
MIN_CHUNKS_FOR_IDF = 10  # below this, every shared word counts (too few chunks to judge)


def document_frequencies(texts: Iterable[str]) -> Callable[[str], float]:
    """An IDF function over ``texts``: ``log((n + 1) / (df + 1))``, and 0 for too common words.

    0 marks a word in more than ``MAX_DOC_SHARE`` of the texts (with at least
    ``MIN_CHUNKS_FOR_IDF`` texts); unseen words get the highest IDF.
    """
    counts: Counter[str] = Counter()
    n = 0
    for text in texts:
        n += 1
        counts.update({w for w, _, _ in word_spans(text)})

    def idf(word: str) -> float:
        df = counts.get(word, 0)
        if n >= MIN_CHUNKS_FOR_IDF and df > MAX_DOC_SHARE * n:
            return 0.0
        return math.log((n + 1) / (df + 1)) + 1e-6

    return idf


def shared_spans(
    texts: list[str], weight: Callable[[str], float] | None = None, max_terms: int = MAX_TERMS
) -> tuple[list[list[tuple[int, int]]], list[str]]:
    """For each text, the spans of distinctive words that also occur in at least one other text.

    ``weight`` (e.g. ``document_frequencies``) ranks shared words; words weighing 0 are dropped
    and only the ``max_terms`` heaviest are kept. Returns (spans per text, shared words, most
    distinctive first). With fewer than two texts nothing is shared.
    """
    words = [word_spans(t) for t in texts]
    vocab = [{w for w, _, _ in ws} for ws in words]
    if weight is not None and len(texts) > 1:
        common = [w for w in set().union(*vocab) if sum(w in v for v in vocab) >= 2]
        ranked = sorted((w for w in common if weight(w) > 0), key=lambda w: (-weight(w), w))[:max_terms]
        keep = set(ranked)
        vocab = [v & keep for v in vocab]
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
    if weight is not None:
        terms.sort(key=lambda w: (-weight(w), w))
    return spans, terms
