"""Run one piece of a question's work on a helper thread while the caller does another: opt-in only.

The idea: a question's encoding does not depend on its jieba words and BM25 search, and the FAISS
scan of the chunk vectors (native code that releases the GIL) does not depend on the dense spread
of the corpus sample or on the keyword candidates' windows, so a second core could take one side
of each. Measured, the first version (the encoder's convolution blocks shared, the dense side here)
did not pay: the quiet-machine runs of the session before it had hybrid p50 6.65 ms with the helper
against 5.85 ms on one core. One cause found since: a helper's BLAS products while the caller set the
process-wide BLAS thread count back woke OpenBLAS's busy-waiting worker (``one_blas_thread`` now holds
one count across the hand-off). Every question runs on its caller's thread unless
``QA_QUERY_THREADS=2`` (or more) asks for the helper, which now encodes the question while the caller
segments it and searches BM25 (``qa.search``), then scans FAISS while the caller scores the keyword
candidates (``qa.candidates``); a test checks it gives the same results. On an idle second core it
now saves a little wall time for more CPU (the speed table of ``benchmarks/retrieval_results.md``,
``python benchmarks/retrieval.py --models use-m3 --per-part 100 --parts report --latency-questions
100``, five runs: p50 4.7 ms with the helper against 5.0 ms, CPU 5.7 against 5.0 ms a question), so
one thread stays the default: an app answering several users at once has no idle core to give.

Taken back, never waited for: if the helper thread has not started the piece by the time the
caller wants its result (the other core is busy with other work), the caller cancels it and runs
it itself. The result is the same either way: the piece is the same call.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")

_blas_lock = threading.Lock()
_blas_users = 0
_blas_saved: list[tuple[object, int]] = []
_blas_libs: list | None = None
_pool: ThreadPoolExecutor | None = None
_pool_pid = 0
_lock = threading.Lock()


def helpers_allowed() -> bool:
    """Whether a question may use a second core: only when ``QA_QUERY_THREADS`` asks for two or more
    and the process has two cores (see the module docstring for why one thread is the default).

    Before, the default was "when the load average says a core is idle"; on the quiet machine that
    meant the helper, and the helper made the median question slower.
    """
    forced = os.environ.get("QA_QUERY_THREADS", "").strip()
    try:
        wanted = int(forced) if forced else 1
    except ValueError:
        return False
    return wanted >= 2 and _cores() >= 2


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def _helper() -> ThreadPoolExecutor | None:
    """The helper thread (one per process, made again in a forked child), None on a single core."""
    global _pool, _pool_pid
    if not helpers_allowed():
        return None
    with _lock:
        if _pool is None or _pool_pid != os.getpid():
            _pool = ThreadPoolExecutor(1, thread_name_prefix="qa-beside", initializer=_one_omp_thread)
            _pool_pid = os.getpid()
        return _pool


def _one_omp_thread() -> None:
    """FAISS's OpenMP at one thread in the helper (the limit is per thread; see qa.search)."""
    try:
        import faiss
    except ImportError:  # pragma: no cover - faiss is a dependency
        return
    faiss.omp_set_num_threads(1)


def beside(piece: Callable[..., T], *args) -> Callable[[], T]:
    """Start ``piece(*args)`` on the helper thread; the returned function gives its result.

    Call the returned function once: it waits for the piece if the helper is running it, and runs
    it in the caller if the helper has not started it (or there is no helper).
    """
    pool = _helper()
    if pool is None:
        return lambda: piece(*args)
    future = pool.submit(piece, *args)

    def result() -> T:
        if future.cancel():
            return piece(*args)
        return future.result()

    return result


@contextlib.contextmanager
def one_blas_thread() -> Iterator[None]:
    """BLAS at one thread from the first of overlapping users to enter until the last leaves.

    The limit is process-wide (OpenBLAS has one thread count), so users that overlap (a question
    encoded on the helper while the caller scores, a build encoding while the app answers) share
    one count: a user leaving must not give BLAS its threads back under another still inside,
    whose matrix-vector products would then wake an OpenBLAS worker that busy-waits (before, the
    encoder and the search each saved and restored the count on their own). The libraries are
    those loaded when a searcher or an encoder was last made (``find_blas_libraries``; threadpoolctl's
    controllers, set directly: ``limit`` re-reads every library on each call). Without threadpoolctl
    nothing is limited.
    """
    global _blas_users, _blas_saved
    if _blas_libs is None:  # no searcher or encoder made yet: look now, before taking the (non-reentrant) lock
        find_blas_libraries()
    with _blas_lock:
        if _blas_users == 0:
            _blas_saved = [(lib, lib.num_threads) for lib in _blas_libs or []]
            for lib, n in _blas_saved:
                if n != 1:
                    lib.set_num_threads(1)
        _blas_users += 1
    try:
        yield
    finally:
        with _blas_lock:
            _blas_users -= 1
            if _blas_users == 0:
                for lib, n in _blas_saved:
                    if n != 1:
                        lib.set_num_threads(n)
                _blas_saved = []


def find_blas_libraries() -> None:
    """Look again for the BLAS libraries ``one_blas_thread`` limits (a searcher opening, an encoder made:
    libraries imported since are then included)."""
    global _blas_libs
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:  # pragma: no cover - threadpoolctl comes with the model libraries
        found = []
    else:
        found = [lib for lib in ThreadpoolController().lib_controllers if lib.user_api == "blas"]
    with _blas_lock:
        if _blas_users == 0:  # never swap the list under a user (it restores the counts it saved)
            _blas_libs = found
