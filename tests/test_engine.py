"""The index engine's contract: build, search, filters, add/update/remove in place, reopen, crash, ANN vs exact.

Run against every engine: FAISS files and Milvus (Milvus Lite, a real embedded Milvus in a local
file; skipped only when ``pymilvus``/``milvus-lite`` are not installed). Real components: the
bundled model, files (or a Milvus collection) written by ``build_index``, searched by ``Searcher``.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import textwrap

import numpy as np
import pytest

from qa.build import build_index, remove_documents
from qa.cli import main
from qa.dense_index import FaissDense, exact_search, recall_at
from qa.errors import QAError, QueryError
from qa.index_store import IndexStore
from qa.options import SearchOptions
from qa.search import Searcher
from tests.test_retrieval import generate_corpus

HAVE_MILVUS = all(importlib.util.find_spec(m) for m in ("pymilvus", "milvus_lite"))
ENGINES = ["faiss", pytest.param("milvus", marks=pytest.mark.skipif(not HAVE_MILVUS, reason="pip install qa[milvus]"))]


@pytest.fixture(params=ENGINES)
def engine(request):
    return request.param


def _engine_args(engine: str, tmp_path) -> dict:
    return {"engine": "milvus", "milvus_uri": str(tmp_path / "milvus.db")} if engine == "milvus" else {}


def _clustered(n: int, dim: int, seed: int) -> np.ndarray:
    """Unit vectors around 64 random centres (real embeddings cluster; uniform noise has no neighbours)."""
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((64, dim))
    x = centres[rng.integers(0, 64, n)] + 0.6 * rng.standard_normal((n, dim))
    return (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float32)


def test_ann_index_agrees_with_exact_search_on_6k_vectors():
    """Differential test: the IVF index used above ANN_MIN against the exact scan, on held-out queries."""
    vectors = _clustered(6000, 128, seed=0)
    ids = np.arange(1000, 7000, dtype=np.int64)  # ids are not row numbers
    ann = FaissDense.build(vectors, ids, ann_min=5000)
    assert ann.kind == "ivf"
    tuning = _clustered(100, 128, seed=1)
    ann.tune_nprobe(vectors, ids, tuning)
    held_out = _clustered(200, 128, seed=2)
    truth = exact_search(vectors, ids, held_out, 10)
    found = [ann.search(q, 10)[0] for q in held_out]
    assert recall_at(found, truth) >= 0.95
    # Scores are exact for what is found (IVF-Flat keeps full vectors).
    got_ids, got_scores = ann.search(held_out[0], 10)
    assert np.allclose(got_scores, vectors[got_ids - 1000] @ held_out[0], atol=1e-5)
    # Filters and deletions are honoured inside the search, not after it.
    allowed = ids[::7]
    got, _ = ann.search(held_out[0], 10, allowed=allowed)
    assert len(got) == 10 and set(got) <= set(allowed)
    excluded = truth[0][:5]
    got, _ = ann.search(held_out[0], 10, exclude=excluded)
    assert not set(got) & set(excluded)
    # Stable ids: removing some leaves the others' ids as they were.
    flat = FaissDense.build(vectors, ids, ann_min=10_000)
    flat.remove(truth[0][:3])
    got, _ = flat.search(held_out[0], 7)
    assert list(got) == list(truth[0][3:10])


@pytest.fixture()
def corpus(tmp_path, use_embedder, engine):
    docs = tmp_path / "docs"
    questions = generate_corpus(docs, seed=5, people=16)
    index = tmp_path / "index"
    build_index([docs], index, embedder=use_embedder, progress=False, **_engine_args(engine, tmp_path))
    return docs, index, questions


def _files(index):
    gen = IndexStore(index).current_dir()
    return {p.relative_to(gen).as_posix(): p.stat().st_ino for p in gen.rglob("*") if p.is_file()}


def test_add_update_remove_touch_only_that_document(corpus, use_embedder, engine):
    docs, index, questions = corpus
    files = engine == "faiss"  # Milvus holds the chunks: no segment files to compare
    zh = [q for q in questions if q["group"] == "zh"][:8]
    answers = [Searcher(index, embedder=use_embedder).search(q["question"], k=1)[0].chunk.chunk_id for q in zh]
    assert sum(a.startswith(q["gold"] + "#") for a, q in zip(answers, zh, strict=True)) >= 7
    before = _files(index)
    old_segment = {name for name in before if name.startswith("seg-")}

    # Add: one new segment; every file of the old segment is the same file (hard link, not a copy).
    (docs / "comet.txt").write_text("天文观测\n\n天文学家发现了一颗名为zorblax的彗星。\n", encoding="utf-8")
    report = build_index([docs], index, embedder=use_embedder, progress=False)
    assert report.added == ["comet.txt"] and not report.merged and report.embedded == 1
    after = _files(index)
    if files:
        assert all(after[name] == before[name] for name in old_segment)
        new_files = {n for n in after if n.startswith("seg-") and n not in old_segment}
        assert new_files and all(n.split("/")[0] != next(iter(old_segment)).split("/")[0] for n in new_files)
    searcher = Searcher(index, embedder=use_embedder)
    assert searcher.search("zorblax彗星", k=1, mode="keyword")[0].doc_id == "comet.txt"

    # Update: the changed document's old chunks are deleted, its new text searchable.
    (docs / "comet.txt").write_text("天文观测\n\n天文学家发现了一颗名为quoxel的小行星。\n", encoding="utf-8")
    report = build_index([docs], index, embedder=use_embedder, progress=False)
    assert report.changed == ["comet.txt"] and not report.merged
    searcher = Searcher(index, embedder=use_embedder)
    assert searcher.search("zorblax", k=3, mode="keyword") == []
    assert searcher.search("quoxel小行星", k=1)[0].doc_id == "comet.txt"
    assert sum(c.doc_id == "comet.txt" for c in searcher.chunks) == 1

    # Remove (CLI): nothing is written but tombstones and a manifest.
    before_remove = _files(index)
    assert main(["remove", "comet.txt", "--index", str(index)]) == 0
    after_remove = _files(index)
    if files:
        seg = {n for n in after_remove if n.startswith("seg-")}
        assert seg == {n for n in before_remove if n.startswith("seg-")}
        assert all(after_remove[n] == before_remove[n] for n in seg)
    searcher = Searcher(index, embedder=use_embedder)
    assert "comet.txt" not in searcher.index.documents
    assert all(h.doc_id != "comet.txt" for h in searcher.search("quoxel小行星", k=5))
    # Everything else answers as before.
    assert [searcher.search(q["question"], k=1)[0].chunk.chunk_id for q in zh] == answers


def test_incremental_index_ranks_like_a_fresh_build(corpus, use_embedder, tmp_path, engine):
    docs, index, questions = corpus
    gone = sorted(p.name for p in docs.iterdir())[:2]
    remove_documents(gone, index)
    for name in gone:
        (docs / name).unlink()
    (docs / "extra.txt").write_text("历史\n\n这座古城始建于唐代，城墙长约十二公里。\n", encoding="utf-8")
    build_index([docs], index, embedder=use_embedder, progress=False)
    fresh = tmp_path / "fresh"
    args = _engine_args(engine, tmp_path / "other") if engine == "milvus" else {}
    if args:
        (tmp_path / "other").mkdir()
    build_index([docs], fresh, embedder=use_embedder, progress=False, **args)
    a, b = Searcher(index, embedder=use_embedder), Searcher(fresh, embedder=use_embedder)
    assert len(a.chunks) == len(b.chunks)
    asked = [q["question"] for q in questions if q["gold"] not in gone][:12] + ["古城的城墙有多长？"]
    for question in asked:
        # The dense ranking score (relevance also reads the build's calibration, measured on a sample).
        dense_a = [(h.chunk.chunk_id, round(h.breakdown["fused"], 4)) for h in a.search(question, k=3, mode="dense")]
        dense_b = [(h.chunk.chunk_id, round(h.breakdown["fused"], 4)) for h in b.search(question, k=3, mode="dense")]
        assert dense_a == dense_b  # dense scores do not depend on segments
        assert a.search(question, k=1)[0].chunk.chunk_id == b.search(question, k=1)[0].chunk.chunk_id


def test_filters_are_queries_over_every_segment(corpus, use_embedder, engine):
    docs, index, _ = corpus
    (docs / "notes.md").write_text("# 会议纪要\n\n## 预算\n\n明年的预算增加百分之五。\n", encoding="utf-8")
    build_index([docs], index, embedder=use_embedder, progress=False)
    searcher = Searcher(index, embedder=use_embedder)
    assert engine != "faiss" or len(searcher.index.segments) == 2
    hits = searcher.search("预算", k=5, section="会议纪要 › 预算")
    assert hits and all(h.doc_id == "notes.md" for h in hits)
    hits = searcher.search("出生", k=50, doc="doc3.md")
    assert hits and all(h.doc_id == "doc3.md" for h in hits)
    assert searcher.search("预算", k=5, doc="doc3.md", mode="keyword") == []


def test_remove_refuses_unknown_and_all_documents(corpus):
    _, index, _ = corpus
    with pytest.raises(QAError, match="no document"):
        remove_documents(["nope.txt"], index)
    every = list(IndexStore(index).read_manifest()["documents"])
    with pytest.raises(QAError, match="empty index"):
        remove_documents(every, index)
    assert main(["remove", "nope.txt", "--index", str(index)]) == 2


CRASH = textwrap.dedent(
    """
    import os, sys
    import qa.index_store
    from qa.build import build_index
    from qa.embedding import UseEmbedder

    def die(*args, **kwargs):  # the rows are in the engine, the generation is not switched yet
        os._exit(9)

    qa.index_store.IndexStore.write = die
    build_index([sys.argv[2]], sys.argv[1], embedder=UseEmbedder(), keep_existing=True, progress=False)
    """
)


def test_crash_mid_write_keeps_the_previous_state(corpus, use_embedder, tmp_path):
    docs, index, questions = corpus
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "comet.txt").write_text("天文观测\n\n天文学家发现了一颗名为zorblax的彗星。\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-c", CRASH, str(index), str(extra)], capture_output=True, text=True)
    assert proc.returncode == 9, proc.stderr
    searcher = Searcher(index, embedder=use_embedder)
    assert all(h.doc_id != "comet.txt" for h in searcher.search("zorblax彗星", k=5))
    q = next(q for q in questions if q["group"] == "zh")
    assert searcher.search(q["question"], k=1)[0].doc_id == q["gold"]
    searcher.index.close()
    # The next build cleans up and adds it once.
    report = build_index([extra], index, embedder=use_embedder, keep_existing=True, progress=False)
    assert report.added == ["comet.txt"]
    searcher = Searcher(index, embedder=use_embedder)
    assert [h.doc_id for h in searcher.search("zorblax彗星", k=5)].count("comet.txt") == 1


def test_search_options_are_validated_once():
    assert SearchOptions(mode="Dense ", doc=" a.txt ").mode == "dense"
    for bad in ({"k": 0}, {"mode": "fuzzy"}, {"min_score": float("nan")}, {"keyword_weight": 5}):
        with pytest.raises(QueryError):
            SearchOptions(**bad)
    opts = SearchOptions(k=3).with_changes(mode="keyword", doc=None)
    assert (opts.k, opts.mode, opts.doc) == (3, "keyword", None)


def test_service_removes_a_document_and_keeps_serving(tmp_path, use_embedder):
    from qa.webapp.service import QAService

    docs = tmp_path / "docs"
    generate_corpus(docs, seed=6, people=10)
    build_index([docs], tmp_path / "index", embedder=use_embedder, progress=False)
    service = QAService(tmp_path / "index", uploads_dir=tmp_path / "uploads", embedder=use_embedder)
    assert "doc3.md" in service.doc_ids()
    report = service.remove_documents(["doc3.md"])
    assert report.removed == ["doc3.md"]
    assert "doc3.md" not in service.doc_ids()
    assert all(h["doc_id"] != "doc3.md" for h in service.search_json("出生", k=20))
    assert (docs / "doc3.md").exists()  # the user's file is not deleted


def test_merge_keeps_only_the_current_version_of_each_document(corpus, use_embedder, monkeypatch, engine):
    if engine != "faiss":
        pytest.skip("segments and merges are the FAISS-files engine's")
    docs, index, _ = corpus
    for text in ("版本一：彗星在冬季出现。", "版本二：小行星在夏季出现。"):
        (docs / "doc3.md").write_text(f"# 天文\n\n{text}\n", encoding="utf-8")
        assert not build_index([docs], index, embedder=use_embedder, progress=False).merged
    monkeypatch.setattr("qa.build.MAX_SEGMENTS", 2)
    (docs / "late.txt").write_text("补充\n\n最后加入的文件。\n", encoding="utf-8")
    report = build_index([docs], index, embedder=use_embedder, progress=False)
    assert report.merged
    searcher = Searcher(index, embedder=use_embedder)
    assert len(searcher.index.segments) == 1 and not len(searcher.index.tombstones)
    assert searcher.index.documents["doc3.md"].text.count("版本二") == 1
    assert [c.text for c in searcher.chunks if c.doc_id == "doc3.md"] == ["版本二：小行星在夏季出现。"]
    assert searcher.search("小行星", k=1, mode="keyword")[0].doc_id == "doc3.md"
    assert main(["verify", "--index", str(index)]) == 0


def test_question_words_in_the_corpus_give_keyword_search_its_weight(corpus, use_embedder, engine):
    """Every engine sees the question's words in its corpus, so hybrid search ranks an exact-word match first."""
    from qa.keyword import query_tokens

    docs, index, questions = corpus
    # A rare word in a passage about something else: only the keyword signal can find it.
    (docs / "shelf.txt").write_text("仓库清单\n\n编号鳕鲽鲥的木箱放在三号货架的最上层。\n", encoding="utf-8")
    build_index([docs], index, embedder=use_embedder, progress=False)
    searcher = Searcher(index, embedder=use_embedder)
    zh = [q["question"] for q in questions if q["group"] == "zh"][:3]
    for question in zh:
        tokens = query_tokens(question)
        assert searcher.finder.coverage(tokens) >= 0.5, (question, tokens)  # the name and 出生, at least
    df, total = searcher.finder.document_frequencies(["出生"])
    assert total == len(searcher.chunks) and df["出生"] == sum("出生" in c.text for c in searcher.chunks)
    for question in zh:
        top = searcher.search(question, k=1)[0]
        assert top.breakdown["keyword"] > 0
    # The bundled model ranks a person's story first for these (it does not know the word); BM25 knows it.
    for question in ("鳕鲽鲥", "谁的编号是鳕鲽鲥？"):
        tokens = query_tokens(question)
        assert searcher.finder.coverage(tokens) == 1.0, tokens
        top = searcher.search(question, k=1)[0]
        assert top.doc_id == "shelf.txt" and top.breakdown["keyword"] > 0
