"""The query path's speed choices, as behaviour: where a question's work runs, what it reads, what it loads.

* A question runs on its caller's thread unless ``QA_QUERY_THREADS=2`` asks for a helper
  (``qa.beside``: the helper cost more than it saved), whatever the load average says.
* A half-precision segment gathers its candidates' windows from the memory map: the same rows as
  the ``pread`` path (``qa.segment.Segment.read_windows``).
* The first English question reads the shipped pinyin table instead of importing pypinyin and
  walking its dictionary (``qa.pinyin_names``), and the shipped table is what pypinyin gives.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import numpy as np
import pytest

import qa.beside
from qa.search import Searcher

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def searcher(corpus_index, use_embedder) -> Searcher:
    return Searcher(corpus_index, embedder=use_embedder)


def test_a_question_stays_on_its_thread_by_default_even_on_an_idle_machine(monkeypatch):
    monkeypatch.delenv("QA_QUERY_THREADS", raising=False)
    monkeypatch.setattr(qa.beside, "_cores", lambda: 2)
    monkeypatch.setattr(os, "getloadavg", lambda: (0.0, 0.0, 0.0))  # a core idle: the old rule used it
    assert not qa.beside.helpers_allowed()
    assert qa.beside.beside(threading.get_ident)() == threading.get_ident()
    monkeypatch.setenv("QA_QUERY_THREADS", "2")
    assert qa.beside.helpers_allowed()  # asked for: the helper is used
    monkeypatch.setenv("QA_QUERY_THREADS", "two")
    assert not qa.beside.helpers_allowed()  # nonsense keeps the default


def test_hybrid_search_runs_its_dense_side_in_the_caller_by_default(searcher, monkeypatch):
    monkeypatch.delenv("QA_QUERY_THREADS", raising=False)
    monkeypatch.setattr(os, "getloadavg", lambda: (0.0, 0.0, 0.0))
    threads = []
    dense_side = searcher.finder._dense_side

    def spy(*args):
        threads.append(threading.get_ident())
        return dense_side(*args)

    monkeypatch.setattr(searcher.finder, "_dense_side", spy)
    hits = searcher.search("2021年成渝地区双城经济圈的GDP是多少？", k=3)
    assert hits and threads == [threading.get_ident()]


def test_mapped_window_gather_reads_the_rows_pread_reads(searcher):
    segments = [s for s in searcher.index.segments if s._mapped_windows is not None]
    assert segments, "the bundled page's index is small: its segment is scanned in half precision"
    for segment in segments:
        rng = np.random.default_rng(0)
        for size in (1, 2, 7, segment.count):
            rows = np.sort(rng.choice(segment.count, min(size, segment.count), replace=False))
            gathered, offsets = segment.read_windows(rows)
            starts, ends = segment.window_starts[rows], segment.window_ends[rows]
            assert np.array_equal(gathered, segment.window_reader.ranges(starts, ends))
            assert np.array_equal(offsets, np.concatenate([[0], np.cumsum(ends - starts)[:-1]]))


def test_first_english_question_reads_the_shipped_pinyin_table_without_pypinyin():
    """In a fresh process: names are read (陆仲亨 for "Lu Zhongheng") and pypinyin is never imported."""
    code = (
        "import sys\n"
        "from qa.pinyin_names import NameMatcher, pinyin_names\n"
        "names = pinyin_names('What did Lu Zhongheng do?')\n"
        "print(names, NameMatcher(names).scores(['陆仲亨是明朝人', '别的']).tolist(), 'pypinyin' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True, timeout=120
    ).stdout
    assert out.strip() == "[('lu', 'zhong', 'heng')] [1.0, 0.0] False"


def test_shipped_pinyin_table_is_what_pypinyin_gives():
    """The table is pypinyin's readings as of the version its header names (a newer pypinyin may differ: the
    table, not the installed pypinyin, is what searches read, so that only asks for a rewrite)."""
    from importlib.metadata import version

    from qa.pinyin_names import READINGS_FILE, build_readings, read_readings

    made_with = READINGS_FILE.read_text(encoding="utf-8").splitlines()[0].rsplit(" ", 1)[-1]
    if version("pypinyin") != made_with:
        pytest.skip(f"table made with pypinyin {made_with}, {version('pypinyin')} here: python -m qa.pinyin_names")
    shipped = read_readings(READINGS_FILE)
    assert shipped == build_readings(), "pypinyin changed: run `python -m qa.pinyin_names` and commit the table"


def test_a_missing_pinyin_table_falls_back_to_pypinyin(tmp_path, monkeypatch, caplog):
    import qa.pinyin_names as names

    monkeypatch.setattr(names, "READINGS_FILE", tmp_path / "gone.tsv")
    names._readings.cache_clear()
    try:
        assert "陆" in names._readings()["lu"]
        assert "building it from pypinyin" in caplog.text
    finally:
        names._readings.cache_clear()


def test_overlapping_one_thread_limits_keep_blas_at_one_until_the_last_leaves(searcher):
    """A question scored while another thread encodes: the first to leave must not give BLAS its threads back."""
    from threadpoolctl import threadpool_info

    def blas_threads() -> list[int]:
        """NumPy's BLAS (the encoder's and the scoring's products; FAISS's follows its per-thread OpenMP count)."""
        return [
            lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas" and "numpy" in lib["filepath"]
        ]

    if (os.cpu_count() or 1) < 2:
        pytest.skip("one core: BLAS has nothing to limit")
    # OpenBLAS (pthreads build) takes a raised count only from the main thread, so a limit restored on a
    # server thread (an earlier test's upload answered from one) leaves BLAS at one thread: raise it here.
    from threadpoolctl import ThreadpoolController

    for lib in ThreadpoolController().lib_controllers:
        if lib.user_api == "blas" and "numpy" in lib.filepath:
            lib.set_num_threads(2)
    before = blas_threads()
    assert before and max(before) == 2
    scoring = searcher._one_thread()
    encoding = searcher.embedder._model._single_blas_thread()
    scoring.__enter__()
    encoding.__enter__()
    scoring.__exit__(None, None, None)
    assert max(blas_threads()) == 1  # the encoder is still inside
    encoding.__exit__(None, None, None)
    assert blas_threads() == before
