"""Find the sentence(s) of a passage that best answer a question, as character offsets.

Two views of "answers the question", mixed the same way fusion mixes them for ranking:

* word overlap: content words shared with the question (longer words count more, long
  sentences are penalised), which pinpoints the answering sentence of a Chinese factual
  question without any model call;
* meaning: the cosine between the question vector and each sentence window's vector (the same
  windows dense search scores), which is the only signal when an English question is asked of
  Chinese text and no word is shared.

``keyword_weight`` (from ``qa.fusion``) says how much to trust overlap for this question; with no
window vectors the overlap alone decides, as in the first version.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

import numpy as np

from qa.dense import window_spans
from qa.sentences import sentence_spans
from qa.words import content_tokens

_MIN_SCORE = 1e-9


def _overlap(wanted: set[str], piece: str) -> float:
    words = content_tokens(piece)
    if not words or not wanted:
        return 0.0
    hits = sum(len(w) for w in set(words) & wanted)
    return hits / math.sqrt(len(words) + 4)


def _best_sentence(wanted: set[str], text: str, start: int, end: int) -> tuple[int, int]:
    """Within a window of merged short sentences, the one sharing most words (else the window)."""
    inner = [(a + start, b + start) for a, b in sentence_spans(text[start:end])]
    if len(inner) < 2:
        return start, end
    scores = [_overlap(wanted, text[a:b]) for a, b in inner]
    best = int(np.argmax(scores))
    return inner[best] if scores[best] > _MIN_SCORE else (start, end)


def sentence_scores(question: str, text: str) -> list[tuple[float, int, int]]:
    """(word-overlap score, start, end) for every sentence of ``text``."""
    wanted = set(content_tokens(question))
    return [(_overlap(wanted, text[a:b]), a, b) for a, b in sentence_spans(text)]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    piece = text[start:end]
    return start + len(piece) - len(piece.lstrip()), end - (len(piece) - len(piece.rstrip()))


def highlight_spans(
    question: str,
    text: str,
    max_sentences: int = 1,
    window_cosines: Sequence[float] | None = None,
    keyword_weight: float = 1.0,
) -> list[tuple[int, int]]:
    """Offsets of the best-answering sentence(s) in ``text``, trimmed of surrounding space.

    ``window_cosines`` are the question's cosines with ``qa.dense.window_spans(text)`` (in that
    order); when given, spans are those windows, scored by a ``keyword_weight`` mix of overlap
    and meaning (each scaled to 0..1 within the passage).
    """
    if window_cosines is not None:
        spans = window_spans(text)
        if len(spans) == len(window_cosines):
            wanted = set(content_tokens(question))
            lexical = np.array([_overlap(wanted, text[a:b]) for a, b in spans])
            dense = np.asarray(window_cosines, dtype=np.float64)
            lex_n = lexical / lexical.max() if lexical.max() > 0 else lexical
            spread = dense.max() - dense.min()
            dense_n = (dense - dense.min()) / spread if spread > 1e-9 else np.ones_like(dense)
            mixed = keyword_weight * lex_n + (1 - keyword_weight) * dense_n
            best = np.argsort(-mixed, kind="stable")[:max_sentences]
            return [_trim(text, *_best_sentence(wanted, text, *spans[i])) for i in sorted(best)]
    scored = [s for s in sentence_scores(question, text) if s[0] > _MIN_SCORE]
    best = sorted(scored, key=lambda s: -s[0])[:max_sentences]
    return [_trim(text, start, end) for _, start, end in sorted(best, key=lambda s: s[1])]


def strip_markup(text: str) -> str:
    """Drop terminal colour codes (for tests and plain output)."""
    return re.sub(r"\033\[[0-9;]*m", "", text)
