"""Find the sentence(s) of a passage that best answer a question, as character offsets.

Scored by how much of the question's content words (jieba) a sentence contains, so highlighting
needs no model call and costs microseconds per hit.
"""

from __future__ import annotations

import math
import re

from qa.sentences import sentence_spans
from qa.words import content_tokens

_MIN_SCORE = 1e-9


def sentence_scores(question: str, text: str) -> list[tuple[float, int, int]]:
    """(score, start, end) for every sentence of ``text``.

    The score is the share of the question's words (weighted by length, so 经济圈 counts more
    than 地) that the sentence contains; among equal shares the denser sentence wins.
    """
    wanted = set(content_tokens(question))
    total = sum(len(w) for w in wanted) or 1
    scored: list[tuple[float, int, int]] = []
    for start, end in sentence_spans(text):
        words = content_tokens(text[start:end])
        if not words or not wanted:
            scored.append((0.0, start, end))
            continue
        coverage = sum(len(w) for w in set(words) & wanted) / total
        density = 1.0 / math.sqrt(len(words) + 4)
        scored.append((coverage + 0.01 * density if coverage else 0.0, start, end))
    return scored


def highlight_spans(question: str, text: str, max_sentences: int = 1) -> list[tuple[int, int]]:
    """Offsets of the best-answering sentence(s) in ``text``, trimmed of surrounding space."""
    scored = [s for s in sentence_scores(question, text) if s[0] > _MIN_SCORE]
    best = sorted(scored, key=lambda s: -s[0])[:max_sentences]
    spans: list[tuple[int, int]] = []
    for _, start, end in sorted(best, key=lambda s: s[1]):
        piece = text[start:end]
        lead = len(piece) - len(piece.lstrip())
        trail = len(piece) - len(piece.rstrip())
        spans.append((start + lead, end - trail))
    return spans


def strip_markup(text: str) -> str:
    """Drop terminal colour codes (for tests and plain output)."""
    return re.sub(r"\033\[[0-9;]*m", "", text)
