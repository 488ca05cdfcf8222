"""Optional second stage: re-order the first-stage candidates with a sentence-transformers CrossEncoder.

A cross-encoder reads question and passage together, so it can judge an answer that shares no
words with the question; it is also ~100x slower per passage than the first stage, so it only
sees the top ``RERANK_DEPTH`` candidates. None ships with qa (no weights may be downloaded
implicitly): the user names one by local path or hub name, e.g. ``--rerank BAAI/bge-reranker-base``.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from qa.embedding import load_sentence_transformers

log = logging.getLogger(__name__)

RERANK_DEPTH = 30  # candidates handed to the cross-encoder per question
MAX_PASSAGE_CHARS = 1000  # cross-encoders truncate at ~512 tokens anyway


class Reranker:
    """A loaded CrossEncoder; ``scores`` gives one relevance score per (question, passage)."""

    def __init__(self, name: str, device: str = "cpu") -> None:
        self._model, self.name = load_sentence_transformers("CrossEncoder", name, device, "reranking")

    def scores(self, question: str, passages: Sequence[str]) -> np.ndarray:
        if not passages:
            return np.zeros(0, dtype=np.float32)
        pairs = [(question, p[:MAX_PASSAGE_CHARS]) for p in passages]
        out = self._model.predict(pairs, show_progress_bar=False, convert_to_numpy=True)
        out = np.asarray(out, dtype=np.float32)
        return out.reshape(len(passages), -1)[:, -1]  # a 2-label model: the "relevant" logit


@lru_cache(maxsize=2)
def load_reranker(name: str) -> Reranker:
    """Load once per process: a Searcher may be asked to rerank call after call."""
    log.info("loading reranking model %s", name)
    return Reranker(name)
