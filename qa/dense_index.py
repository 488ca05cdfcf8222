"""Dense candidate search over chunk vectors with FAISS: a half-precision scan when small, IVF when large.

Chunk ids are the index's own ids (``IndexIDMap2`` over a flat index, ``add_with_ids`` on IVF),
so search returns chunk ids directly and ``add``/``remove`` work by id. Below ``ANN_MIN``
vectors every vector is scanned; above it an inverted-file index (``IndexIVFFlat``: vectors kept
exact, only the cells searched are approximate). IVF rather than HNSW because FAISS can
memory-map its inverted lists (``IO_FLAG_MMAP``): a million-vector index opens in milliseconds
without reading 2 GB, where an HNSW graph is read whole; and IVF supports ``remove_ids``, HNSW
does not. ``nprobe`` is chosen at build time for a measured recall (``tune_nprobe``) and recorded
in the manifest.

The scan below ``ANN_MIN`` (kind ``flat16``) reads half-precision copies of the vectors
(``IndexScalarQuantizer`` fp16: half the bytes of ``IndexFlatIP``, which duplicated the float
vectors the segment keeps anyway) and then rescores its best candidates from those float vectors,
so what it returns is the exact top ``k`` with exact scores: a fp16 component is within 2^-11 of
the float one (relative), so a half-precision inner product of unit vectors is within
``HALF_SLACK`` of the float one, and every chunk whose half score comes within twice that of the
``k``-th best is rescored (the scan asks for more until one falls below). The latency part of
``python benchmarks/retrieval.py`` prints the recall against a float scan of the same vectors and
both searches' p50, rescoring included: on 11,985 x 512 vectors, seven quiet runs of 2026-11-30,
recall@100 1.0 each time and 0.67-1.16 ms against 0.78-1.12 ms for the float scan (faster in five):
the gain is the smaller file more than the time.
Indexes written before (kind ``flat``: ``IndexFlatIP``) are opened and searched as they are.

Filters and deleted chunks reach FAISS as an ``IDSelector`` in the search parameters, so a
filtered search still returns the best ``k`` allowed chunks, not the allowed few of the best k.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import faiss
import numpy as np

log = logging.getLogger(__name__)

ANN_MIN = 50_000  # vectors from which a segment gets an IVF index instead of an exact one
TARGET_RECALL = 0.97  # recall@10 against exact search that tune_nprobe asks for (tuning queries)
NPROBES = (8, 16, 32, 48, 64, 96, 128, 192, 256, 384, 512)
# Largest |half-precision - float32| inner product of unit vectors: fp16 rounds each component to
# within 2^-11 of it (relative), so the products sum to within 2^-11 * |q| * |x| of the float
# ones; doubled for float32 summation and rounding of the question itself (measured on 110 CMRC
# questions over 12k chunks: at most 4e-5). Vectors longer than 1 scale it by the largest norm.
HALF_SLACK = 1e-3
VectorRows = Callable[[np.ndarray], np.ndarray]  # chunk ids -> their float32 vectors (rows, same order)


@dataclass
class DenseFound:
    """The best chunks of one search, best first: ids, exact inner products, and the float vectors
    read to rescore them (None when the index scored them exactly itself)."""

    ids: np.ndarray
    scores: np.ndarray
    vectors: np.ndarray | None = None


class DenseIndex(Protocol):
    """Nearest chunks to a query vector, by inner product."""

    dim: int
    size: int

    def search(
        self, vector: np.ndarray, k: int, allowed: np.ndarray | None = None, exclude: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]: ...

    def add(self, ids: np.ndarray, vectors: np.ndarray) -> None: ...

    def remove(self, ids: np.ndarray) -> None: ...


def nlist_for(n: int) -> int:
    """IVF cells for n vectors: ~4 sqrt(n) (FAISS guidance), at least 39 training points per cell."""
    return max(1, min(int(4 * math.sqrt(n)), n // 39))


class FaissDense:
    """A FAISS index searched by chunk id (see module docstring)."""

    def __init__(
        self, index: faiss.Index, nprobe: int = 32, exact: VectorRows | None = None, norm_max: float = 1.0
    ) -> None:
        """``exact``: where a half-precision index reads the float vectors it rescores from;
        ``norm_max``: the largest norm among them (1 for the unit vectors every embedder here makes)."""
        self.index = index
        self.norm_max = float(norm_max)
        self.dim = int(index.d)
        self.nprobe = int(nprobe)
        try:
            self._ivf = faiss.extract_index_ivf(index)
        except RuntimeError:
            self._ivf = None
        inner = faiss.downcast_index(index.index) if isinstance(index, faiss.IndexIDMap) else index
        self._half = isinstance(inner, faiss.IndexScalarQuantizer)
        if self._half and exact is None:
            raise ValueError("a half-precision dense index needs the float vectors to rescore from")
        self._exact = exact

    @property
    def kind(self) -> str:
        """``ivf``, ``flat16`` (half-precision scan, exact rescoring) or ``flat`` (float scan)."""
        if self._ivf is not None:
            return "ivf"
        return "flat16" if self._half else "flat"

    @property
    def size(self) -> int:
        return int(self.index.ntotal)

    @classmethod
    def build(cls, vectors: np.ndarray, ids: np.ndarray, ann_min: int = ANN_MIN, nprobe: int | None = None):
        """An exact index below ``ann_min`` vectors, else a trained IVF (nprobe tuned unless given)."""
        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        ids = np.ascontiguousarray(ids, dtype=np.int64)
        dim = vectors.shape[1]
        if len(vectors) < max(ann_min, 1):
            half = faiss.IndexScalarQuantizer(dim, faiss.ScalarQuantizer.QT_fp16, faiss.METRIC_INNER_PRODUCT)
            index = faiss.IndexIDMap2(half)
            if len(vectors):
                index.add_with_ids(vectors, ids)
            norm_max = float(np.linalg.norm(vectors, axis=1).max()) if len(vectors) else 1.0
            return cls(index, exact=_rows_of(vectors, ids), norm_max=norm_max)
        nlist = nlist_for(len(vectors))
        quantizer = faiss.IndexFlatIP(dim)
        index = faiss.IndexIVFFlat(quantizer, dim, nlist, faiss.METRIC_INNER_PRODUCT)
        # k-means on 40 points per cell, 10 iterations: ~4x cheaper than FAISS's defaults (256 points,
        # 25 iterations) and the lost precision is bought back by nprobe, which is tuned for recall.
        index.cp.niter = 10
        rng = np.random.default_rng(0)
        train = vectors[np.sort(rng.choice(len(vectors), min(len(vectors), nlist * 40), replace=False))]
        index.train(train)
        index.add_with_ids(vectors, ids)
        dense = cls(index)
        dense.nprobe = nprobe or 32
        return dense

    def tune_nprobe(self, exact: np.ndarray, ids: np.ndarray, queries: np.ndarray, k: int = 10) -> float:
        """Smallest nprobe reaching TARGET_RECALL@k against exact search on ``queries``; returns its recall."""
        if self._ivf is None or not len(queries):
            return 1.0
        truth = exact_search(exact, ids, queries, k)
        recall = 0.0
        for nprobe in NPROBES:
            if nprobe > self._ivf.nlist:
                break
            self.nprobe = nprobe
            recall = recall_at([self.search(q, k)[0] for q in queries], truth)
            if recall >= TARGET_RECALL:
                break
        log.info(
            "IVF nprobe %d of %d cells: recall@%d %.3f on %d tuning queries",
            self.nprobe,
            self._ivf.nlist,
            k,
            recall,
            len(queries),
        )
        return recall

    def search(
        self, vector: np.ndarray, k: int, allowed: np.ndarray | None = None, exclude: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """(ids, scores) of the ``k`` best chunks, best first; ``allowed``/``exclude`` are id arrays."""
        found = self.search_exact(vector, k, allowed, exclude)
        return found.ids, found.scores

    def search_exact(
        self, vector: np.ndarray, k: int, allowed: np.ndarray | None = None, exclude: np.ndarray | None = None
    ) -> DenseFound:
        """``search`` with the float vectors a half-precision index read to rescore (see module docstring)."""
        query = np.ascontiguousarray(vector, dtype=np.float32).reshape(-1)
        k = min(int(k), self.size)
        if not self._half or k <= 0:
            return DenseFound(*self._scan(query, k, allowed, exclude))
        assert self._exact is not None
        slack = 2 * HALF_SLACK * float(np.linalg.norm(query)) * max(self.norm_max, 1.0)
        # Twice k: a wider heap costs little beside the scan, and a second scan is rarely needed
        # (k + k/8 needed one for 10 of 110 CMRC questions over 12k chunks).
        fetch = min(self.size, 2 * k + 8)
        while True:
            ids, approx = self._scan(query, fetch, allowed, exclude)
            if len(ids) <= k:
                break  # every allowed chunk is here
            # Chunks whose half score is within ``slack`` of the k-th best may belong to the exact top k.
            bar = approx[k - 1] - slack
            inside = int(np.count_nonzero(approx >= bar))
            if inside < len(ids) or fetch >= self.size or len(ids) < fetch:
                ids = ids[:inside]
                break
            fetch = min(self.size, 2 * fetch)
        ids = np.sort(ids)  # read in file order (neighbours in one read); ties then go to the lower id
        vectors = self._exact(ids)
        scores = vectors @ query
        order = np.argsort(-scores, kind="stable")[:k]
        return DenseFound(ids[order], scores[order], vectors[order])

    def _scan(
        self, query: np.ndarray, k: int, allowed: np.ndarray | None, exclude: np.ndarray | None
    ) -> tuple[np.ndarray, np.ndarray]:
        """(ids, FAISS's scores) of the ``k`` best chunks by the index's own arithmetic, best first."""
        if k <= 0:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        selector = None
        alive = []  # FAISS selectors hold raw pointers to each other: keep every one alive until the search ends
        if allowed is not None:
            selector = faiss.IDSelectorBatch(np.ascontiguousarray(allowed, dtype=np.int64))
            alive.append(selector)
        if exclude is not None and len(exclude):
            removed = faiss.IDSelectorBatch(np.ascontiguousarray(exclude, dtype=np.int64))
            not_removed = faiss.IDSelectorNot(removed)
            alive += [removed, not_removed]
            selector = not_removed if selector is None else faiss.IDSelectorAnd(selector, not_removed)
        if self._ivf is not None:
            params = faiss.SearchParametersIVF(nprobe=self.nprobe)
            if selector is not None:
                params.sel = selector
        else:
            params = faiss.SearchParameters(sel=selector) if selector is not None else None
        scores, ids = self.index.search(query.reshape(1, -1), k, params=params)
        del alive
        keep = ids[0] >= 0
        return ids[0][keep].astype(np.int64), scores[0][keep].astype(np.float32)

    def add(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        if self._half:  # the float vectors it rescores from live beside it (a segment's vectors.npy)
            raise NotImplementedError("a half-precision index is written whole (segments are immutable)")
        self.index.add_with_ids(np.ascontiguousarray(vectors, dtype=np.float32), np.asarray(ids, dtype=np.int64))

    def remove(self, ids: np.ndarray) -> None:
        self.index.remove_ids(faiss.IDSelectorBatch(np.ascontiguousarray(ids, dtype=np.int64)))

    def save(self, path: Path) -> None:
        faiss.write_index(self.index, str(path))

    @classmethod
    def load(
        cls, path: Path, nprobe: int = 32, kind: str = "ivf", exact: VectorRows | None = None, norm_max: float = 1.0
    ) -> FaissDense:
        """Memory-mapped and read-only: opening reads headers and the IVF centroids, not the vectors.

        The flags differ by index type (IVF lists: ``IO_FLAG_MMAP``; flat codes, float or half:
        ``IO_FLAG_MMAP_IFC``); combining them makes FAISS refuse an IVF file, and a silent fallback
        to a full read cost 4 s and 2 GB at a million chunks, so the kind comes from the manifest.
        ``exact``: the float vectors by chunk id, which a ``flat16`` index rescores from (``norm_max``:
        their largest norm, recorded at build).
        """
        mapped = faiss.IO_FLAG_MMAP if kind == "ivf" else getattr(faiss, "IO_FLAG_MMAP_IFC", 0)
        try:
            index = faiss.read_index(str(path), faiss.IO_FLAG_READ_ONLY | mapped)
        except RuntimeError as exc:  # an index type FAISS cannot map: read it whole
            log.warning("reading %s into memory (FAISS cannot map it: %s)", path.name, exc)
            index = faiss.read_index(str(path))
        return cls(index, nprobe, exact, norm_max)


def _rows_of(vectors: np.ndarray, ids: np.ndarray) -> VectorRows:
    """Float vectors by chunk id from arrays in memory (an index just built, before it is saved)."""
    order = np.argsort(ids, kind="stable")
    sorted_ids = ids[order]

    def rows(wanted: np.ndarray) -> np.ndarray:
        return vectors[order[np.searchsorted(sorted_ids, np.asarray(wanted, dtype=np.int64))]]

    return rows


def exact_search(vectors: np.ndarray, ids: np.ndarray, queries: np.ndarray, k: int) -> np.ndarray:
    """Ids of the exact top ``k`` by inner product for each query (the baseline ANN is measured against)."""
    out = []
    for start in range(0, len(queries), 64):
        sims = np.asarray(queries[start : start + 64], dtype=np.float32) @ np.asarray(vectors, dtype=np.float32).T
        top = np.argpartition(-sims, min(k, sims.shape[1] - 1), axis=1)[:, :k]
        order = np.take_along_axis(sims, top, axis=1).argsort(axis=1)[:, ::-1]
        out.append(ids[np.take_along_axis(top, order, axis=1)])
    return np.vstack(out) if out else np.zeros((0, k), dtype=np.int64)


def recall_at(found, truth) -> float:
    """Mean share of each query's true top-k ids found in its approximate top-k."""
    if not len(truth):
        return 1.0
    shares = [len(set(f.tolist()) & set(t.tolist())) / max(1, len(t)) for f, t in zip(found, truth, strict=True)]
    return float(np.mean(shares))
