"""The child process that segments a build's words can die or hang: the build must still finish, with the
very index a normal build writes (``qa.build_words``). The child's failures here are real: a SIGKILL sent
from this process mid-build, a child that stops itself (SIGSTOP) or exits after its first piece.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import time
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

import qa.build
import qa.build_words
from qa.build import build_index
from qa.build_words import tokens_beside
from qa.index_store import IndexStore
from qa.keyword import corpus_tokens
from qa.search import Searcher

PARAGRAPHS = [
    "这座斜拉桥主跨长达八百米，是当地最长的桥梁。工程师采用了新的抗风设计。",
    "山坡上的茶园每年春天采摘新茶，龙井的香气来自独特的炒制工艺。",
    "The research vessel mapped coral reefs along the northern coast in 1998.",
    "成渝地区双城经济圈 GDP 达到 73919.2 亿元，重庆将建设宜居宜业和美乡村。",
]


def _write_docs(root) -> None:
    """Three documents of a few dozen chunks each: many pieces when a piece is a few texts."""
    root.mkdir(parents=True, exist_ok=True)
    for d in range(3):
        body = "\n\n".join(f"第{i}节 {PARAGRAPHS[(i + d) % 4]}{PARAGRAPHS[(i * d) % 4]}" for i in range(40))
        (root / f"doc{d}.txt").write_text(f"文档{d}\n\n{body}\n", encoding="utf-8")


def _contents(index_dir) -> tuple[list[tuple], np.ndarray]:
    """Every stored chunk row (its record and its BM25 tokens) and every chunk vector. Rows must be equal;
    vectors equal up to the encoder's own noise between two runs (threads may sum in another order: two
    normal builds of 974 chunks differed by up to 1.3e-7 in 18 of 4,364 window vectors)."""
    loaded = IndexStore(index_dir).load()
    try:
        rows = [row for segment in loaded.segments for row in segment.store.all_raw_rows()]
        return rows, loaded.chunk_vectors(loaded.live_ids())
    finally:
        loaded.close()


def _children() -> list:
    return [c for c in multiprocessing.active_children() if c.name == "qa-tokens"]


@pytest.fixture(scope="module")
def normal_build(tmp_path_factory, use_embedder):
    """The index built with no failure, words segmented in a thread (the reference)."""
    root = tmp_path_factory.mktemp("normal")
    _write_docs(root / "docs")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(qa.build_words, "FORK_TOKENS_MIN", 10**9)
        build_index([root / "docs"], root / "index", embedder=use_embedder, progress=False)
    return root / "index"


def test_a_child_killed_mid_build_leaves_the_same_index(tmp_path, use_embedder, normal_build, monkeypatch, caplog):
    """SIGKILL the segmenting child while the encoder runs, after it sent some pieces and before it sent
    them all: the build segments the rest itself and writes the same rows, tokens and vectors."""
    monkeypatch.setattr(qa.build_words, "FORK_TOKENS_MIN", 1)
    monkeypatch.setattr(qa.build_words, "PIECE_TEXTS", 2)
    real_tokens, real_encode = qa.build_words.corpus_tokens, qa.build.encode_texts

    def slow_tokens(texts):  # a piece every 100 ms: the child is still at work when it is killed
        time.sleep(0.1)
        return real_tokens(texts)

    killed: list[int] = []
    streams: list[qa.build_words._StreamedTokens] = []
    real_init = qa.build_words._StreamedTokens.__init__

    def remember(self, *args):
        real_init(self, *args)
        streams.append(self)

    def encode_then_kill(*args, **kwargs):
        deadline = time.monotonic() + 30
        while not (streams and streams[0]._pieces) and time.monotonic() < deadline:
            time.sleep(0.02)  # some pieces arrive first, however loaded the machine (not a fixed sleep)
        for child in _children():
            os.kill(child.pid, signal.SIGKILL)
            killed.append(child.pid)
        return real_encode(*args, **kwargs)

    monkeypatch.setattr(qa.build_words, "corpus_tokens", slow_tokens)
    monkeypatch.setattr(qa.build, "encode_texts", encode_then_kill)
    monkeypatch.setattr(qa.build_words._StreamedTokens, "__init__", remember)
    _write_docs(tmp_path / "docs")
    with caplog.at_level(logging.WARNING, logger="qa.build_words"):
        build_index([tmp_path / "docs"], tmp_path / "index", embedder=use_embedder, progress=False)
    assert killed
    warning = next(r.getMessage() for r in caplog.records if "child process failed" in r.getMessage())
    assert "killed by signal 9" in warning and "segmenting the rest here" in warning
    received, total = (int(n) for n in warning.split("after ")[1].split(" texts")[0].split(" of "))
    assert 0 < received < total  # some words came from the child, the rest were made here

    rows, vectors = _contents(tmp_path / "index")
    want_rows, want_vectors = _contents(normal_build)
    assert rows == want_rows
    assert np.allclose(vectors, want_vectors, rtol=0, atol=1e-6)  # the encoder's own run-to-run float noise
    question = "龙井的香气来自哪里"
    got = Searcher(tmp_path / "index", embedder=use_embedder).search(question, k=5, mode="keyword")
    want = Searcher(normal_build, embedder=use_embedder).search(question, k=5, mode="keyword")
    assert [(h.doc_id, h.text, h.score) for h in got] == [(h.doc_id, h.text, h.score) for h in want]
    assert not _children()


def _first_piece_then(fate: str):
    def child(texts, send):  # runs in the forked child: one piece, then it hangs or exits
        send.send(corpus_tokens(texts[: qa.build_words.PIECE_TEXTS]))
        if fate == "hang":
            os.kill(os.getpid(), signal.SIGSTOP)  # stopped, pipe still open: only the watchdog can tell
        if fate == "garble":
            send.send([["半个"]])  # a piece of the wrong length, then a clean exit
            os._exit(0)
        os._exit(3)

    return child


@pytest.mark.parametrize(
    ("fate", "message"), [("hang", "sent nothing for"), ("exit", "exit code 3"), ("garble", "sent list of 1")]
)
def test_a_child_that_hangs_or_exits_early_still_gives_every_word(monkeypatch, caplog, fate, message):
    texts = [f"{PARAGRAPHS[i % 4]} 第{i}段" for i in range(300)]
    monkeypatch.setattr(qa.build_words, "FORK_TOKENS_MIN", 1)
    monkeypatch.setattr(qa.build_words, "PIECE_TEXTS", 50)
    monkeypatch.setattr(qa.build_words, "STALL_SECONDS", 0.5)
    monkeypatch.setattr(qa.build_words, "STALL_CHARS_PER_SECOND", 10**9)
    monkeypatch.setattr(qa.build_words, "_tokens_child", _first_piece_then(fate))
    started = time.monotonic()
    with caplog.at_level(logging.WARNING, logger="qa.build_words"):
        tokens = tokens_beside(texts)()
    assert tokens == corpus_tokens(texts)
    assert time.monotonic() - started < 20
    [warning] = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert message in warning and "after 50 of 300 texts" in warning
    assert not _children()  # the stopped child was killed, not left behind


def test_the_hang_limit_grows_with_the_text():
    streamed = qa.build_words._StreamedTokens.__new__(qa.build_words._StreamedTokens)  # no child: the limit only
    streamed._texts = ["字" * 3000, "字" * 2000, "字" * 10]
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(qa.build_words, "STALL_SECONDS", 10.0)
        mp.setattr(qa.build_words, "STALL_CHARS_PER_SECOND", 1000)
        mp.setattr(qa.build_words, "PIECE_TEXTS", 2)
        assert streamed._stall_limit(0) == pytest.approx(15.0)
        assert streamed._stall_limit(2) == pytest.approx(10.01)


def test_a_child_slowed_while_the_encoder_runs_is_not_a_hung_child(monkeypatch, caplog):
    """The limit counts from when the build starts waiting for the words: a child that sent nothing for
    longer than the limit while the encoder had the cores, and then delivers, keeps its words."""
    texts = [f"{PARAGRAPHS[i % 4]} 第{i}段" for i in range(300)]
    monkeypatch.setattr(qa.build_words, "FORK_TOKENS_MIN", 1)
    monkeypatch.setattr(qa.build_words, "STALL_SECONDS", 1.0)
    monkeypatch.setattr(qa.build_words, "STALL_CHARS_PER_SECOND", 10**9)
    real_child = qa.build_words._tokens_child

    def late_child(texts, send):  # runs in the forked child
        time.sleep(1.8)
        real_child(texts, send)

    monkeypatch.setattr(qa.build_words, "_tokens_child", late_child)
    with caplog.at_level(logging.WARNING, logger="qa.build_words"):
        pending = tokens_beside(texts)
        time.sleep(1.5)  # the encoder's turn: longer than the limit, shorter than the child's delay
        tokens = pending()
    assert tokens == corpus_tokens(texts)
    assert not caplog.records  # no hang declared, nothing segmented twice


def test_a_build_on_a_worker_thread_writes_the_same_index(tmp_path, use_embedder, normal_build, monkeypatch):
    """The app builds on a server thread: no child there, and the same index as a build that forks."""
    monkeypatch.setattr(qa.build_words, "FORK_TOKENS_MIN", 1)
    _write_docs(tmp_path / "docs")
    with ThreadPoolExecutor(1) as pool:
        built = pool.submit(build_index, [tmp_path / "docs"], tmp_path / "index", embedder=use_embedder, progress=False)
        built.result()
    build_index([tmp_path / "docs"], tmp_path / "forked", embedder=use_embedder, progress=False)
    want_rows, want_vectors = _contents(normal_build)
    for index in ("index", "forked"):
        rows, vectors = _contents(tmp_path / index)
        assert rows == want_rows and np.allclose(vectors, want_vectors, rtol=0, atol=1e-6)
