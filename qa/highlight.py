"""Find the sentence(s) of a passage that best answer a question, as character offsets.

Two views of "answers the question", mixed the same way fusion mixes them for ranking:

* word overlap: character bigrams (and Latin words) shared with the question, long sentences
  penalised, which pinpoints the answering sentence of a Chinese factual question without any
  model call or word segmentation;
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
from qa.words import STOPWORDS

_MIN_SCORE = 1e-9
_CJK_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
_LATIN_RUN = re.compile(r"[A-Za-z0-9]+")
# Question words and their bigrams say what is asked, not where the answer is.
_STOP_GRAMS = frozenset(STOPWORDS) | {"什么", "哪一", "一年", "哪个", "哪些", "多少", "为什", "怎么", "如何", "是否"}


def _grams(text: str) -> set[str]:
    """Character bigrams of CJK runs plus lower-cased Latin words and numbers.

    Bigrams rather than jieba words: they need no segmentation (jieba costs ~2 ms per passage,
    too much per hit per query) and match Chinese word overlap closely.
    """
    grams: set[str] = set()
    for run in _CJK_RUN.findall(text):
        grams.update(run[i : i + 2] for i in range(max(1, len(run) - 1)))
    grams.update(w.lower() for w in _LATIN_RUN.findall(text))
    return grams - _STOP_GRAMS


def _overlap(wanted: set[str], piece: str) -> float:
    """Question grams found in ``piece``, damped by the piece's length (long sentences match more)."""
    grams = _grams(piece)
    if not grams or not wanted:
        return 0.0
    return len(grams & wanted) / math.sqrt(len(grams) + 4)


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
    wanted = _grams(question)
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
            wanted = _grams(question)
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
