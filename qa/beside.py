"""Run one piece of a question's work on a helper thread while the caller does another.

A question is answered in ~5 ms on one core while a second core often idles: the FAISS scan of
the chunk vectors (~1 ms at 10k chunks, native code that releases the GIL) does not depend on the
keyword search or on the dense spread of the corpus sample, so the two can run side by side.

Taken back, never waited for: if the helper thread has not started the piece by the time the
caller wants its result (the other core is busy with other work), the caller cancels it and runs
it itself, so a loaded machine pays nothing for a thread that is not scheduled. On one core the
piece always runs in the caller. The result is the same either way: the piece is the same call.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")

_pool: ThreadPoolExecutor | None = None
_pool_pid = 0
_lock = threading.Lock()


def helpers_allowed() -> bool:
    """Whether a question may use a second core: more than one core, and ``QA_QUERY_THREADS`` is not 1."""
    if os.environ.get("QA_QUERY_THREADS", "").strip() == "1":
        return False
    return _cores() > 1


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
