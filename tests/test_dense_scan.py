"""The dense scan below ANN_MIN reads half-precision vectors and rescores from the float ones: it must
return what a float scan returns, and an index written with the former float scan must still answer.

``qa.dense_index``: kind ``flat16`` (``IndexScalarQuantizer`` fp16 + rescoring) for new segments,
kind ``flat`` (``IndexFlatIP``) for segments written before.
"""

from __future__ import annotations

import faiss
import numpy as np
import pytest

from qa.build import build_index
from qa.dense_index import FaissDense, exact_search
from qa.index_store import IndexStore
from qa.search import Searcher

QUESTIONS = [
    "2021年成渝地区双城经济圈的GDP是多少？",
    "重庆将如何建设宜居宜业和美乡村？",
    "What will Chongqing do for its villages?",
    "北京的天气怎么样？",
]


def _near_ties(n: int, dim: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Unit vectors whose cosines with a query are 1e-5 apart: float32 orders them, half precision
    (a component within 2^-11 of itself, the products off by ~1e-5 each) cannot."""
    rng = np.random.default_rng(seed)
    q = rng.standard_normal(dim)
    q /= np.linalg.norm(q)
    u = rng.standard_normal((n, dim))
    u -= np.outer(u @ q, q)  # orthogonal to the query
    u /= np.linalg.norm(u, axis=1, keepdims=True)
    cos = 0.5 + 1e-5 * rng.permutation(n)
    x = cos[:, None] * q + np.sqrt(1 - cos**2)[:, None] * u
    return x.astype(np.float32), q.astype(np.float32)


@pytest.mark.parametrize("norm", [1.0, 1000.0])  # unit vectors, and vectors an embedder did not normalise
def test_half_scan_returns_the_float_top_k_where_half_precision_cannot_order_them(norm):
    vectors, query = _near_ties(3000, 64, seed=0)
    vectors = (vectors * norm).astype(np.float32)
    ids = np.arange(500, 3500, dtype=np.int64)  # ids are not row numbers
    dense = FaissDense.build(vectors, ids)
    assert dense.kind == "flat16"
    truth = exact_search(vectors, ids, query[None], 20)[0]
    # Half precision alone gets this order wrong (else the test would prove nothing) ...
    raw_ids, _ = dense._scan(query, 20, None, None)
    assert list(raw_ids) != list(truth)
    # ... the search rescoring from the float vectors does not.
    got, scores = dense.search(query, 20)
    assert list(got) == list(truth)
    assert np.allclose(scores, vectors[got - 500] @ query, rtol=1e-6, atol=1e-6)
    # Filters and deletions still apply inside the scan.
    allowed = ids[::3]
    got, _ = dense.search(query, 20, allowed=allowed)
    assert list(got) == list(exact_search(vectors[::3], allowed, query[None], 20)[0])
    excluded = truth[:5]
    got, _ = dense.search(query, 20, exclude=excluded)
    kept = ~np.isin(ids, excluded)
    assert list(got) == list(exact_search(vectors[kept], ids[kept], query[None], 20)[0])


def test_half_scan_of_a_real_index_equals_the_float_scan(corpus_index, use_embedder):
    """On the bundled page's index (real model vectors, read back from disk), question by question."""
    index = IndexStore(corpus_index).load()
    segment = index.segments[0]
    assert segment.dense.kind == "flat16"
    assert segment.dense.norm_max == pytest.approx(1.0, abs=1e-4)  # recorded at build, read back on open
    vectors = np.asarray(segment.vectors)
    ids = np.asarray(segment.ids)
    queries = np.ascontiguousarray(use_embedder.encode_queries(QUESTIONS), dtype=np.float32)
    k = min(10, len(ids) - 1)
    for query, truth in zip(queries, exact_search(vectors, ids, queries, k), strict=True):
        found = segment.dense.search_exact(query, k)
        assert list(found.ids) == list(truth)
        assert np.array_equal(found.vectors, vectors[np.searchsorted(ids, found.ids)])


def _float_scan_build(vectors, ids, ann_min=50_000, nprobe=None):
    """What ``FaissDense.build`` wrote below ANN_MIN before the half-precision scan."""
    index = faiss.IndexIDMap2(faiss.IndexFlatIP(vectors.shape[1]))
    if len(vectors):
        index.add_with_ids(np.ascontiguousarray(vectors, dtype=np.float32), np.asarray(ids, dtype=np.int64))
    return FaissDense(index)


def test_an_index_written_with_the_float_scan_opens_and_answers_as_a_new_one(
    tmp_path, corpus_copy, use_embedder, corpus_index, monkeypatch
):
    old = tmp_path / "old-index"
    with monkeypatch.context() as patch:
        patch.setattr(FaissDense, "build", staticmethod(_float_scan_build))
        build_index([corpus_copy], old, embedder=use_embedder, progress=False)
    assert [s.dense.kind for s in IndexStore(old).load().segments] == ["flat"]
    before, after = Searcher(old, embedder=use_embedder), Searcher(corpus_index, embedder=use_embedder)
    for question in QUESTIONS:
        for mode in ("hybrid", "dense"):
            a = before.search(question, k=5, mode=mode, show_weak=True)
            b = after.search(question, k=5, mode=mode, show_weak=True)
            assert [h.chunk.chunk_id for h in a] == [h.chunk.chunk_id for h in b]
            assert [h.score for h in a] == pytest.approx([h.score for h in b], abs=1e-6)
