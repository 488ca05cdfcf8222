"""Run one piece of a question's work on a helper thread while the caller does another.

A question is answered in ~5 ms on one core while a second core often idles: the FAISS scan of
the chunk vectors (~1 ms at 10k chunks, native code that releases the GIL) does not depend on the
keyword search or on the dense spread of the corpus sample, so the two can run side by side.

Taken back, never waited for: if the helper thread has not started the piece by the time the
caller wants its result (the other core is busy with other work), the caller cancels it and runs
it itself. On one core, or when the load average says no core is idle (``helpers_allowed``), the
piece runs in the caller. The result is the same either way: the piece is the same call.
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
    """Whether a question may use a second core now.

    Only when a core is idle: more than one core, and the load average below the number of cores.
    On a machine already running more than it has cores, a helper thread is often descheduled
    midway and the question waits for it. Measured on the shared 2-core machine at load ~8, each
    question timed both ways in turn: encoding alone took 5-6 ms p50 with the split against ~2 ms
    on one core; whole hybrid searches 15.1 against 14.5 ms p50 (110 questions x 5). So a loaded
    machine keeps a question on one core. ``QA_QUERY_THREADS=1`` keeps every question on one core,
    ``QA_QUERY_THREADS=2`` uses a helper whatever the load (benchmarks, tests).
    """
    forced = os.environ.get("QA_QUERY_THREADS", "").strip()
    if forced == "1":
        return False
    cores = _cores()
    if cores < 2:
        return False
    if forced:
        return True
    try:
        return os.getloadavg()[0] < cores
    except OSError:  # pragma: no cover - no load average on this platform
        return True


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
