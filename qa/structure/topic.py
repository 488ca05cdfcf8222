"""Semantic topic evidence for stitching and jump pairing: how close a fragment is to each article.

Shared vocabulary misses a continuation that talks about its article in other words (a cut at a
sentence end leaves no seam, no marker, only topic). The project's sentence encoder compares each
fragment with each article's title and opening; the score is *relative* (a fragment's similarity to
one article minus its mean over the page's articles), so it only says which article a fragment is
closest to, not whether it should move at all.

The encoder is loaded lazily: a ``TopicSource`` holds a factory, and the model is only built when a
page actually has fragments to place (reports and books never pay). The default source uses the
project's default encoder (``qa.embedding.default_embedder``, one loaded model per process, shared
with a build that uses the same model). If it cannot be loaded, structure recovery goes on with
lexical evidence alone and says so once in the log.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from qa.embedding import Embedder

log = logging.getLogger(__name__)

OPENING_CHARS = 240  # article side of stitching: title + this much of its opening text
CACHE_TEXTS = 4096


class TopicSource:
    """A sentence encoder, built on first use (``factory``) or given ready (``embedder``); neither = off."""

    def __init__(self, factory: Callable[[], Embedder] | None = None, embedder: Embedder | None = None) -> None:
        self._factory = factory
        self._embedder = embedder
        self._lock = threading.Lock()
        self._cache: dict[str, np.ndarray] = {}  # text -> vector: a page is solved several times

    @property
    def enabled(self) -> bool:
        return self._embedder is not None or self._factory is not None

    def _model(self) -> Embedder | None:
        with self._lock:
            if self._embedder is None and self._factory is not None:
                try:
                    self._embedder = self._factory()
                except Exception as exc:  # noqa: BLE001 - any failure to load leaves the lexical evidence
                    log.warning("structure: no sentence encoder (%s); stitching by vocabulary only", exc)
                    self._factory = None
            return self._embedder

    def similarity(self, articles: list[str], fragments: list[str]) -> np.ndarray | None:
        """Fragments × articles matrix of centred cosines (each row minus its mean); None when off."""
        if not articles or not fragments:
            return np.zeros((len(fragments), len(articles)), dtype=np.float32)
        texts = articles + fragments
        with self._lock:  # the app may recover several documents at once
            found = {t: self._cache.get(t) for t in texts}
        missing = [t for t, v in found.items() if v is None]
        if missing:
            model = self._model()
            if model is None:
                return None
            fresh = dict(zip(missing, model.encode_documents(missing), strict=True))
            found.update(fresh)
            with self._lock:
                if len(self._cache) > CACHE_TEXTS:
                    self._cache.clear()
                self._cache.update(fresh)
        vecs = np.vstack([found[t] for t in texts])
        a, f = vecs[: len(articles)], vecs[len(articles) :]
        sim = f @ a.T
        return sim - sim.mean(axis=1, keepdims=True)


def _default_factory() -> Embedder:
    from qa.embedding import default_embedder

    return default_embedder()


_shared: TopicSource | None = None
OFF = TopicSource()


def shared() -> TopicSource:
    """The process-wide default source (the project's default encoder, loaded on first need)."""
    global _shared
    if _shared is None:
        _shared = TopicSource(_default_factory)
    return _shared
