"""Cheap lexical evidence from jieba: does a seam form a word, and how alike are two texts.

No embedding model: the structure stage must run anywhere the tokenizer does, and topic
continuity between fragments of one article shows up well enough in shared content words.
"""

from __future__ import annotations

import logging
import math
import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

import jieba

jieba.setLogLevel(logging.WARNING)

_CONTENT = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")
_STOP = set("的了和与及在是也要将为对把等以从并而或就都还又上中下一个这那其之")
SEAM_WINDOW = 8


_RUNS = re.compile(r"[\u4e00-\u9fff]+|[A-Za-z0-9]+")


@lru_cache(maxsize=1024)  # a page's paragraphs; a paragraph's bigrams can weigh ~100 kB
def tokens(text: str) -> tuple[str, ...]:
    """Content tokens for topic continuity: overlapping character bigrams of Chinese runs, whole Latin words.

    Bigrams cover the same shared vocabulary that words do (a two-character word is a bigram, a
    longer one several) at a small fraction of jieba's cost, so topic evidence stays affordable on
    a book-length document. Bigrams of two function characters are dropped.
    """
    out: list[str] = []
    for run in _RUNS.findall(text):
        if run[0].isascii():
            if len(run) >= 2:
                out.append(run.lower())
            continue
        out.extend(run[i : i + 2] for i in range(len(run) - 1) if not (run[i] in _STOP and run[i + 1] in _STOP))
    return tuple(out)


def seam_forms_word(head: str, tail: str) -> bool:
    """True when jieba, reading across the seam, finds a word that straddles it.

    '…推进节能减' + '排工作…' reads as '减排': strong evidence that the two pieces were one
    sentence, because a random pair of paragraph edges rarely fuses into a dictionary word.
    """
    return _seam_word(head.rstrip()[-SEAM_WINDOW:], tail.lstrip()[:SEAM_WINDOW])


@lru_cache(maxsize=65536)
def _seam_word(left: str, right: str) -> bool:
    if not left or not right or not _CONTENT.match(left[-1]) or not _CONTENT.match(right[0]):
        return False
    pos = 0
    for word in jieba.lcut(left + right, HMM=False):  # dictionary words only, no guessed names
        end = pos + len(word)
        if pos < len(left) < end and len(word) >= 2:
            return True
        pos = end
    return False


def last_word(text: str) -> str:
    """The last dictionary word of a text (jieba, no guessed words), punctuation included."""
    words = jieba.lcut(text.rstrip()[-SEAM_WINDOW:], HMM=False)
    return words[-1] if words else ""


def first_word(text: str) -> str:
    """The first dictionary word of a text (jieba, no guessed words)."""
    return _first_word(text[:SEAM_WINDOW])


@lru_cache(maxsize=65536)
def _first_word(text: str) -> str:
    words = jieba.lcut(text, HMM=False)
    return words[0] if words else ""


class Similarity:
    """TF-IDF cosine over jieba tokens, with document frequencies taken from one page."""

    def __init__(self, texts: Iterable[str]) -> None:
        docs = [set(tokens(t)) for t in texts]
        df: Counter[str] = Counter()
        for doc in docs:
            df.update(doc)
        n = max(len(docs), 1)
        self._idf = {w: math.log((n + 1) / (c + 0.5)) for w, c in df.items()}
        self._default_idf = math.log(n + 1)

    def vector(self, text: str) -> dict[str, float]:
        return self.weigh(Counter(tokens(text)))

    def weigh(self, counts: Counter[str]) -> dict[str, float]:
        """Unit TF-IDF vector of token counts."""
        vec = {w: (1 + math.log(c)) * self._idf.get(w, self._default_idf) for w, c in counts.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {w: v / norm for w, v in vec.items()}

    def idf(self, word: str) -> float:
        return self._idf.get(word, self._default_idf)

    def cosine_without(self, vec: dict[str, float], counts: Counter[str], sq_norm: float, leave: Counter[str]) -> float:
        """Cosine of unit vector ``vec`` with the TF-IDF of ``counts - leave``, in O(len(leave)).

        ``sq_norm`` is the squared norm of the unnormalised TF-IDF of ``counts``; only the
        weights of the left-out tokens change, so neither the counts nor the norm are rebuilt.
        """
        dot, norm2 = 0.0, sq_norm
        for w, c_out in leave.items():
            c = counts.get(w, 0)
            if c <= 0:
                continue
            idf = self.idf(w)
            old = (1 + math.log(c)) * idf
            rest = c - c_out
            new = (1 + math.log(rest)) * idf if rest > 0 else 0.0
            norm2 += new * new - old * old
            dot += vec.get(w, 0.0) * new
        return dot / math.sqrt(norm2) if norm2 > 1e-12 else 0.0

    def sq_norm(self, counts: Counter[str]) -> float:
        return sum(((1 + math.log(c)) * self.idf(w)) ** 2 for w, c in counts.items() if c > 0)

    @staticmethod
    def cosine(a: dict[str, float], b: dict[str, float]) -> float:
        if len(a) > len(b):
            a, b = b, a
        return sum(v * b.get(w, 0.0) for w, v in a.items())
