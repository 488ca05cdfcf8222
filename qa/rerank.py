"""Optional second stage: re-order the first-stage candidates with a sentence-transformers CrossEncoder.

A cross-encoder reads question and passage together, so it can judge an answer that shares no
words with the question; it is also ~100x slower per passage than the first stage, so it only
sees the top ``RERANK_DEPTH`` candidates. None ships with qa (no weights may be downloaded
implicitly): the user names one by local path or hub name, e.g. ``--rerank BAAI/bge-reranker-base``.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from qa.errors import QAError

log = logging.getLogger(__name__)

RERANK_DEPTH = 30  # candidates handed to the cross-encoder per question
MAX_PASSAGE_CHARS = 1000  # cross-encoders truncate at ~512 tokens anyway


class Reranker:
    """A loaded CrossEncoder; ``scores`` gives one relevance score per (question, passage)."""

    def __init__(self, name: str, device: str = "cpu") -> None:
        try:
            from sentence_transformers import CrossEncoder
        except ImportError as exc:
            raise QAError(
                f"reranking with {name!r} needs sentence-transformers: "
                "pip install torch==2.13.0 'qa[st]' (the torch pin keeps pip off the CUDA build)"
            ) from exc
        local = os.path.isdir(os.path.expanduser(name))
        target = os.path.expanduser(name) if local else name
        try:
            self._model = CrossEncoder(target, device=device)
        except (OSError, ValueError) as exc:
            where = "that folder" if local else "the Hugging Face hub or the local cache"
            raise QAError(f"cannot load reranking model {name!r} from {where}: {exc}") from exc
        self.name = os.path.abspath(target) if local else name

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
