"""Candidate retrieval over an index's segments: BM25 and FAISS top lists, then exact scores for the union.

Only candidates are scored in full: the best ``CANDIDATES`` chunks by BM25 and by whole-chunk
cosine (after filters and deletions), whose sentence windows are then read (a half-precision
segment gathers them from its memory map in one numpy call, a large one reads them with ``pread``:
``qa.segment.Segment.read_windows``). A question never touches a per-chunk Python object or an
O(N) Python loop; the O(N) parts left are bm25s's sparse column sums and FAISS's scan, both in
native code.

The keyword side (``keyword_side``: BM25 scores and candidates) needs no question vector, so the
searcher runs it before it waits for the encoder (``qa.search``). By default everything runs in
the caller's thread, in turn; with ``QA_QUERY_THREADS=2`` (``qa.beside``) the question is encoded on
a helper thread meanwhile, and the dense side (the FAISS scan and the windows of the dense
candidates the keyword search did not also find) runs on it while the caller does the corpus
sample's spread and the keyword candidates' windows (``CandidateFinder.find``). Who scores which
candidate never depends on timing, so one thread or two give the same numbers
(``benchmarks/search_snapshot.py`` checks both). Where the time goes per stage: the latency part
of ``python benchmarks/retrieval.py`` (its stage table and its one-thread and helper rows).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from qa.beside import beside
from qa.dense import WINDOW_WEIGHT
from qa.index_store import LoadedIndex
from qa.segment import Segment

CANDIDATES = 100  # per signal: chunks whose sentence windows are scored and whose scores are fused
DENSE_SAMPLE = 256  # chunks sampled for the corpus-wide spread of dense scores
EXACT_FILTER_MAX = 100_000  # allowed chunks up to which a filtered dense search is an exact scan


@dataclass
class Candidates:
    """Candidate chunk ids (ascending) with each signal's score (None when the mode skips it).

    ``exact``: the scores are what ``keyword_for`` / ``dense_scores`` give for the same ids, so the
    relevance of the hits reuses them instead of scoring again. ``window_cosines`` (with
    ``window_starts``/``window_ends`` per id) are the question's cosines with every window of every
    candidate, kept from dense scoring for the highlight.
    """

    ids: np.ndarray
    keyword: np.ndarray | None
    dense: np.ndarray | None
    exact: bool = False
    window_cosines: np.ndarray | None = None
    window_starts: np.ndarray | None = None
    window_ends: np.ndarray | None = None

    def positions(self, ids: np.ndarray) -> np.ndarray | None:
        """Positions of ``ids`` among the candidates, or None if some id is not a candidate."""
        ids = np.asarray(ids, dtype=np.int64)
        where = np.searchsorted(self.ids, ids)
        if len(ids) and (where.max() >= len(self.ids) or not np.array_equal(self.ids[where], ids)):
            return None
        return where

    def windows_of(self, position: int) -> np.ndarray | None:
        """Cosines of the windows of the candidate at ``position`` (None when dense scoring was skipped)."""
        if self.window_cosines is None or self.window_starts is None or self.window_ends is None:
            return None
        return self.window_cosines[self.window_starts[position] : self.window_ends[position]]


@dataclass
class KeywordSide:
    """A question's keyword search: each segment's BM25 row scores and the best ``CANDIDATES`` chunk ids
    (unique, ascending). It needs no question vector, so it can run while the question is encoded."""

    rows: dict[str, np.ndarray]
    ids: np.ndarray


@dataclass
class DenseTop:
    """A dense search's best chunk ids, and the float vectors it already read (``seen_ids`` rows)."""

    ids: np.ndarray
    seen_ids: np.ndarray | None = None
    seen_vectors: np.ndarray | None = None

    def vectors_of(self, ids: np.ndarray, read: Callable[[np.ndarray], np.ndarray]) -> np.ndarray:
        """Float vectors of ``ids``: those already read copied, the rest read with ``read``."""
        if self.seen_ids is None or self.seen_vectors is None or not len(self.seen_ids):
            return read(ids)
        order = np.argsort(self.seen_ids, kind="stable")
        seen = self.seen_ids[order]
        where = np.minimum(np.searchsorted(seen, ids), len(seen) - 1)
        have = seen[where] == ids
        out = np.empty((len(ids), self.seen_vectors.shape[1]), dtype=np.float32)
        out[have] = self.seen_vectors[order[where[have]]]
        if not have.all():
            out[~have] = read(ids[~have])
        return out


def _top(scores: np.ndarray, n: int, positive: bool = False) -> np.ndarray:
    """Positions of the ``n`` highest finite scores (only positive ones with ``positive``)."""
    n = min(n, len(scores))
    if n <= 0:
        return np.zeros(0, dtype=np.int64)
    top = np.argpartition(-scores, n - 1)[:n] if n < len(scores) else np.arange(len(scores))
    keep = np.isfinite(scores[top])
    if positive:
        keep &= scores[top] > 0
    return top[keep].astype(np.int64)


class CandidateFinder:
    """Per-question candidate search over one opened generation."""

    def __init__(self, index: LoadedIndex) -> None:
        self.index = index
        self.total = index.count
        self._masks = {s.name: index.live_mask(s) for s in index.segments}
        self._dead = {s.name: index.dead_in(s) for s in index.segments}
        # A fixed random sample of chunks whose dense scores give each question's corpus-wide mean
        # and spread (qa.fusion.normalise_dense_z); its vectors are copied out once.
        live = index.live_ids()
        pick = np.sort(np.random.default_rng(0).choice(len(live), min(len(live), DENSE_SAMPLE), replace=False))
        sample = live[pick]
        self._sample_vectors = index.chunk_vectors(sample)
        windows, offsets = [], []
        for segment, where in index.split(sample):
            vectors, offs = segment.read_windows(segment.rows(sample[where]))
            offsets.append(offs + sum(len(w) for w in windows))
            windows.append(vectors)
        dim = int(index.manifest["dim"])
        self._sample_windows = np.ascontiguousarray(np.vstack(windows)) if windows else np.zeros((0, dim), np.float32)
        self._sample_offsets = np.concatenate(offsets) if offsets else np.zeros(0, dtype=np.int64)
        self._last_stats: tuple[bytes, tuple[float, float]] | None = None

    # ---- keyword -------------------------------------------------------------------------
    def coverage(self, tokens: list[str]) -> float:
        """Share of a question's content words that occur anywhere in the index (0..1)."""
        if not tokens:
            return 0.0
        known: set[str] = set()
        for segment in self.index.segments:
            known |= segment.keyword.known(tokens)
        return sum(t in known for t in tokens) / len(tokens)

    def document_frequencies(self, tokens: list[str]) -> tuple[dict[str, int], int]:
        """(chunks containing each word over all segments, rows in all segments): index-wide IDFs."""
        df = dict.fromkeys(tokens, 0)
        for segment in self.index.segments:
            for word, n in segment.keyword.frequencies(tokens).items():
                df[word] += n
        return df, sum(s.count for s in self.index.segments)

    def keyword_for(self, tokens: list[str], ids: np.ndarray) -> np.ndarray:
        """BM25 scores of the chunks ``ids`` (a mode that skipped keyword search still reports them)."""
        out = np.zeros(len(ids), dtype=np.float32)
        for segment, where in self.index.split(ids):
            out[where] = segment.keyword.scores(tokens)[segment.rows(ids[where])]
        return out

    def _weight_mask(self, segment: Segment, allowed: np.ndarray | None) -> np.ndarray | None:
        if allowed is None:
            return self._masks[segment.name]
        mask = np.zeros(segment.count, dtype=np.float32)
        inside = allowed[segment.holds(allowed)]
        mask[segment.rows(inside)] = 1.0
        return mask

    def keyword_scores(self, tokens: list[str], allowed: np.ndarray | None) -> dict[str, np.ndarray]:
        """Each segment's BM25 row scores (0 for deleted and filtered-out rows)."""
        return {s.name: s.keyword.scores(tokens, self._weight_mask(s, allowed)) for s in self.index.segments}

    def _keyword_top(self, scores: dict[str, np.ndarray], depth: int) -> np.ndarray:
        ids, values = [], []
        for segment in self.index.segments:
            rows = _top(scores[segment.name], depth, positive=True)
            ids.append(np.asarray(segment.ids)[rows])
            values.append(scores[segment.name][rows])
        if not ids:
            return np.zeros(0, dtype=np.int64)
        all_ids, all_values = np.concatenate(ids), np.concatenate(values)
        return all_ids[_top(all_values, depth)]

    # ---- dense ---------------------------------------------------------------------------
    def _dense_top(self, vector: np.ndarray, want: int, allowed: np.ndarray | None) -> DenseTop:
        """The ``want`` best chunks by whole-chunk cosine (after filters and deletions)."""
        ids, values, seen_ids, seen_vectors = [], [], [], []
        for segment in self.index.segments:
            if allowed is None:
                hit = segment.dense.search_exact(vector, want, exclude=self._dead[segment.name])
                found, scores = hit.ids, hit.scores
                if hit.vectors is not None:
                    seen_ids.append(found)
                    seen_vectors.append(hit.vectors)
            else:
                inside = allowed[segment.holds(allowed)]
                if not len(inside):
                    continue
                if len(inside) <= EXACT_FILTER_MAX:
                    rows = segment.rows(inside)
                    block = segment.read_vectors(rows) if len(rows) <= 2 * CANDIDATES else segment.vectors[rows]
                    sims = np.asarray(block) @ vector
                    top = _top(sims, want)
                    found, scores = inside[top], sims[top]
                else:
                    found, scores = segment.dense.search(vector, want, allowed=inside)
            ids.append(found)
            values.append(scores)
        if not ids:
            return DenseTop(np.zeros(0, dtype=np.int64))
        all_ids, all_values = np.concatenate(ids), np.concatenate(values)
        if not seen_ids:
            return DenseTop(all_ids[_top(all_values, want)])
        return DenseTop(all_ids[_top(all_values, want)], np.concatenate(seen_ids), np.vstack(seen_vectors))

    def window_max(self, vector: np.ndarray, ids: np.ndarray) -> np.ndarray:
        """Best sentence-window cosine of each chunk."""
        return self._windows(vector, ids)[0]

    def _windows(self, vector: np.ndarray, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """(best window cosine of each chunk, every window's cosine, first and end window of each chunk in it)."""
        best = np.zeros(len(ids), dtype=np.float32)
        starts = np.zeros(len(ids), dtype=np.int64)
        ends = np.zeros(len(ids), dtype=np.int64)
        parts: list[np.ndarray] = []
        base = 0
        for segment, where in self.index.split(ids):
            vectors, offsets = segment.read_windows(segment.rows(ids[where]))
            sims = vectors @ vector
            best[where] = np.maximum.reduceat(sims, offsets)
            starts[where] = base + offsets
            ends[where] = base + np.append(offsets[1:], len(sims))
            parts.append(sims)
            base += len(sims)
        cosines = np.concatenate(parts) if parts else np.zeros(0, dtype=np.float32)
        return best, cosines, starts, ends

    def window_cosines(self, vector: np.ndarray, chunk_id: int) -> np.ndarray:
        """Cosine of each sentence window of one chunk (for the highlight)."""
        for segment, _ in self.index.split(np.array([chunk_id])):
            vectors, _ = segment.read_windows(segment.rows(np.array([chunk_id])))
            return vectors @ vector
        return np.zeros(0, dtype=np.float32)

    def dense_scores(self, vector: np.ndarray, ids: np.ndarray) -> np.ndarray:
        """Window-scored dense score of each chunk (qa.dense)."""
        ids = np.asarray(ids, dtype=np.int64)
        part = self._score(vector, ids)
        return WINDOW_WEIGHT * part.best + (1 - WINDOW_WEIGHT) * part.whole

    def dense_stats(self, vector: np.ndarray) -> tuple[float, float]:
        """Mean and spread of this question's dense scores over the fixed corpus sample.

        Fusion and relevance both ask for them: the last question's answer is kept (one entry,
        replaced whole, so threads sharing the finder never see a half-written one).
        """
        key = np.asarray(vector, dtype=np.float32).tobytes()
        cached = self._last_stats
        if cached is not None and cached[0] == key:
            return cached[1]
        if not len(self._sample_offsets):
            return 0.0, 0.0
        best = np.maximum.reduceat(self._sample_windows @ vector, self._sample_offsets)
        sample = WINDOW_WEIGHT * best + (1 - WINDOW_WEIGHT) * (self._sample_vectors @ vector)
        stats = (float(sample.mean()), float(sample.std()))
        self._last_stats = (key, stats)
        return stats

    # ---- both ----------------------------------------------------------------------------
    def keyword_side(self, tokens: list[str], allowed: np.ndarray | None) -> KeywordSide:
        """BM25 over every segment and the keyword candidates (what ``find`` does first in hybrid and keyword mode)."""
        rows = self.keyword_scores(tokens, allowed)
        return KeywordSide(rows, np.unique(self._keyword_top(rows, min(self.total, CANDIDATES))))

    def find(
        self,
        vector: np.ndarray | None,
        tokens: list[str],
        mode: str,
        allowed: np.ndarray | None,
        keyword: KeywordSide | None = None,
    ) -> Candidates:
        """Candidates of one question and their keyword and dense scores.

        ``keyword``: the question's keyword side when the caller already ran it (``keyword_side``).
        Hybrid: the dense side (FAISS scan, then the windows of the dense candidates the keyword
        search did not also find) runs on the helper thread when one is allowed (``qa.beside``,
        opt-in), else here after the keyword side; this thread does the keyword search (unless
        given), the corpus sample's spread and the windows of the keyword candidates. The helper
        waits for the keyword candidates, so who scores which candidate never depends on timing:
        one thread or two, the same numbers.
        """
        depth = min(self.total, CANDIDATES)
        if mode == "keyword":
            keyword = keyword or self.keyword_side(tokens, allowed)
            return Candidates(keyword.ids, self._keyword_of(keyword.rows, keyword.ids), None, True)
        assert vector is not None
        if mode == "dense":
            top = self._dense_top(vector, min(self.total, 2 * depth), allowed)
            ids = np.unique(top.ids)
            if not len(ids):
                return Candidates(ids, None, np.zeros(0, dtype=np.float32), True)
            return self._scored(ids, None, [self._score(vector, ids, top)])
        keyword_ids: list[np.ndarray] = []
        ready = threading.Event()
        if keyword is not None:
            keyword_ids.append(keyword.ids)
            ready.set()
        dense_side = beside(self._dense_side, vector, min(self.total, depth), allowed, keyword_ids, ready)
        try:
            if keyword is None:
                keyword = self.keyword_side(tokens, allowed)
                keyword_ids.append(keyword.ids)
        finally:
            ready.set()  # never leave the helper waiting, even when the keyword search failed
        self.dense_stats(vector)
        mine = self._score(vector, keyword_ids[0])
        theirs = dense_side()
        ids = np.union1d(mine.ids, theirs.ids)
        return self._scored(ids, self._keyword_of(keyword.rows, ids), [mine, theirs])

    def _dense_side(
        self, vector: np.ndarray, want: int, allowed: np.ndarray | None, keyword_ids: list, ready: threading.Event
    ) -> _Scored:
        """The dense candidates' scores, leaving out those the keyword side scores (``keyword_ids[0]``)."""
        top = self._dense_top(vector, want, allowed)
        ready.wait()
        ids = np.unique(top.ids)
        if keyword_ids:
            ids = np.setdiff1d(ids, keyword_ids[0], assume_unique=True)
        return self._score(vector, ids, top)

    def _score(self, vector: np.ndarray, ids: np.ndarray, known: DenseTop | None = None) -> _Scored:
        """Whole-chunk and window cosines of ``ids`` (ascending); ``known``: vectors already read."""
        if not len(ids):
            empty = np.zeros(0, dtype=np.float32)
            return _Scored(ids, empty, empty, empty, np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64))
        vectors = known.vectors_of(ids, self.index.chunk_vectors) if known else self.index.chunk_vectors(ids)
        best, cosines, starts, ends = self._windows(vector, ids)
        return _Scored(ids, vectors @ vector, best, cosines, starts, ends)

    def _keyword_of(self, rows: dict[str, np.ndarray], ids: np.ndarray) -> np.ndarray:
        """BM25 scores of ``ids`` from each segment's row scores."""
        keyword = np.zeros(len(ids), dtype=np.float32)
        for segment, where in self.index.split(ids):
            keyword[where] = rows[segment.name][segment.rows(ids[where])]
        return keyword

    @staticmethod
    def _scored(ids: np.ndarray, keyword: np.ndarray | None, parts: list[_Scored]) -> Candidates:
        """Candidates ``ids`` (ascending, each scored in exactly one of ``parts``) with their dense scores.

        Every candidate is live and allowed (its mask weight is 1), so its BM25 score is keyword_for's.
        """
        whole = np.zeros(len(ids), dtype=np.float32)
        best = np.zeros(len(ids), dtype=np.float32)
        starts = np.zeros(len(ids), dtype=np.int64)
        ends = np.zeros(len(ids), dtype=np.int64)
        base = 0
        for part in parts:
            where = np.searchsorted(ids, part.ids)
            whole[where], best[where] = part.whole, part.best
            starts[where], ends[where] = part.starts + base, part.ends + base
            base += len(part.cosines)
        cosines = np.concatenate([part.cosines for part in parts])
        dense = WINDOW_WEIGHT * best + (1 - WINDOW_WEIGHT) * whole
        return Candidates(ids, keyword, dense, True, cosines, starts, ends)


@dataclass
class _Scored:
    """Whole-chunk cosines, best window cosines and every window's cosine (with each chunk's first and
    end window in it) of some candidates, ascending ids."""

    ids: np.ndarray
    whole: np.ndarray
    best: np.ndarray
    cosines: np.ndarray
    starts: np.ndarray
    ends: np.ndarray
