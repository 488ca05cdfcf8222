"""The words of a build's chunks (jieba), segmented beside the encoder: in a forked child process
that streams them back piece by piece, or in a thread where forking is unsafe.

Why a forked process and not a thread: jieba is pure Python, and a Python thread that never
waits holds the GIL in 5 ms turns, while the encoder's worker threads need it back after every
NumPy call (dozens per micro-batch): beside such a thread the encoder ran about 3x slower (a
busy Python thread next to one encoding thread, same run). A child process segments on the
other core without touching this process's GIL.

Why pieces, kept pickled: the child sends the words of ``PIECE_TEXTS`` chunks at a time (so it never
holds more than one piece, and exits as soon as it is done instead of holding every token, and the
pages of this process it still shares, until the encoder finishes), and a reader thread here takes
each piece off the pipe as it comes and keeps it as the bytes it came in: a tenth of the size of the
words as Python objects (pickle stores a repeated word once per piece). They are unpickled when the
build asks for them, after the encoder, into the memory the encoder has freed (a first version that
unpickled each piece on arrival peaked as high as the thread: 510-524 MB over the model against
478-479 for the old child, in an earlier run of the benchmark below; words made during encoding
seem to sit between the encoder's buffers and keep that memory from being reused). The reader only
waits on the pipe, so the encoder keeps the GIL to itself. ``python benchmarks/build_memory.py --mb 3
--rounds 2`` (4,768 chunks, shared machine): peak PSS of the build's
processes 688-689 MB (the child that handed back one pickled list: 687-689; a thread: 716-749), the
child's own memory 71 MB (140-144); the README has the table's context.

Why a watchdog: a child that dies (killed, out of memory) closes its pipe, and one that hangs
stops sending; either way the build segments the chunks it has no words for itself, with a
one-line warning, and gets the same tokens. A hang is declared once the parent is waiting and
the next piece is ``STALL_SECONDS`` plus a second per ``STALL_CHARS_PER_SECOND`` characters of
that piece late (jieba segments ~180k characters a second on one core; the limit allows ~20x
slower for a loaded machine).
"""

from __future__ import annotations

import contextlib
import logging
import pickle
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from qa.keyword import corpus_tokens

log = logging.getLogger(__name__)

FORK_TOKENS_MIN = 200  # texts: fewer are segmented in a thread (a process costs ~10-20 ms to fork and join)
PIECE_TEXTS = 256  # texts the child segments and sends at a time (~0.4 s of jieba, ~0.3 MB pickled)
STALL_SECONDS = 30.0  # a piece later than this (plus the per-character allowance) means the child hangs
STALL_CHARS_PER_SECOND = 10_000
CHILD_EXIT_SECONDS = 5.0  # a child that sent everything and does not exit within this is killed


class PendingTokens:
    """The words of a build's chunks, being segmented beside the encoder: call it to wait for them, or
    ``cancel()`` it when the build fails before it needs them (a child process is stopped then)."""

    def __init__(self, wait: Callable[[], list[list[str]]], cancel: Callable[[], None] = lambda: None) -> None:
        self._wait, self.cancel = wait, cancel

    def __call__(self) -> list[list[str]]:
        return self._wait()


def tokens_beside(texts: list[str]) -> PendingTokens:
    """Start ``corpus_tokens(texts)`` beside the encoder; returns what waits for the tokens (same tokens
    whichever way they are made: child process, thread, or here after a child failed)."""
    import multiprocessing

    if (
        len(texts) < FORK_TOKENS_MIN
        or "fork" not in multiprocessing.get_all_start_methods()
        or threading.current_thread() is not threading.main_thread()
    ):
        # Fork only from the main thread (``qa build``, scripts): in a web server the build runs on a
        # worker thread while other threads may hold locks (logging, a regex cache), and a forked child
        # that needs such a lock would wait forever, hanging the build. There a thread is slower, never stuck.
        return _in_a_thread(texts)
    from qa.words import load_segmenter

    load_segmenter()  # once, here: the child inherits the loaded dictionary, and this process needs it after
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_tokens_child, args=(texts, send), name="qa-tokens", daemon=True)
    try:
        child.start()
    except Exception as exc:  # no memory to fork, or this is a daemonic worker (which may have no children)
        log.info("segmenting words in a thread: could not start a child process (%s)", exc)
        receive.close()
        send.close()
        return _in_a_thread(texts)
    send.close()  # the child holds the only writing end now: its exit is an EOF here
    streamed = _StreamedTokens(texts, child, receive)
    return PendingTokens(streamed.wait, streamed.cancel)


def _in_a_thread(texts: list[str]) -> PendingTokens:
    pool = ThreadPoolExecutor(1, thread_name_prefix="qa-tokens")
    job = pool.submit(corpus_tokens, texts)
    pool.shutdown(wait=False)
    return PendingTokens(job.result)


def _tokens_child(texts: list[str], send) -> None:  # runs in the forked child
    """Send the words of ``texts`` piece by piece; a failure is sent as a message (a str)."""
    try:
        for start in range(0, len(texts), PIECE_TEXTS):
            words = corpus_tokens(texts[start : start + PIECE_TEXTS])
            send.send_bytes(pickle.dumps(words, pickle.HIGHEST_PROTOCOL))
    except BaseException as exc:  # noqa: BLE001 - reported to the parent, which segments the rest itself
        with contextlib.suppress(Exception):  # the parent is gone or stopped reading: nothing left to tell
            send.send(f"{type(exc).__name__}: {exc}")
    finally:
        send.close()


class _StreamedTokens:
    """Collects the child's pieces (pickled) in a reader thread; ``wait`` returns all the words, segmenting
    here whatever a dead or hung child did not send."""

    def __init__(self, texts: list[str], child, receive) -> None:
        self._texts = texts
        self._child = child
        self._receive = receive
        self._pieces: list[bytes] = []  # piece i: the pickled words of texts[i * PIECE_TEXTS :][:PIECE_TEXTS]
        self._expected = -(-len(texts) // PIECE_TEXTS)
        self._failure: str | None = None  # why the pipe ended early (None: it has not, or all arrived)
        self._ended = False  # the reader is done: all pieces arrived, or the pipe closed or broke
        self._last_piece = time.monotonic()
        self._changed = threading.Condition()
        self._reader = threading.Thread(target=self._read, name="qa-tokens-reader", daemon=True)
        self._reader.start()

    def _read(self) -> None:
        failure = None
        try:
            while len(self._pieces) < self._expected:
                data = self._receive.recv_bytes()
                with self._changed:
                    self._pieces.append(data)
                    self._last_piece = time.monotonic()
                    self._changed.notify_all()
        except (EOFError, OSError):
            failure = "it stopped"  # the pipe closed: the child exited (its code is read in ``wait``)
        with self._changed:
            self._failure = failure
            self._ended = True
            self._changed.notify_all()

    def _received(self) -> int:
        return min(len(self._pieces) * PIECE_TEXTS, len(self._texts))

    def _stall_limit(self, received: int) -> float:
        """Seconds the next piece may take once the parent waits: generous, scaled to its text."""
        chars = sum(len(t) for t in self._texts[received : received + PIECE_TEXTS])
        return STALL_SECONDS + chars / STALL_CHARS_PER_SECOND

    def wait(self) -> list[list[str]]:
        waiting_since = time.monotonic()
        hung = False
        try:
            with self._changed:
                while not self._ended:
                    limit = self._stall_limit(self._received())
                    left = max(self._last_piece, waiting_since) + limit - time.monotonic()
                    if left <= 0:
                        hung = True
                        break
                    self._changed.wait(left)
                failure = f"it sent nothing for {limit:.0f} s" if hung else self._failure
        except BaseException:  # Ctrl-C while waiting: the child goes too
            self._stop(kill=True)
            raise
        self._stop(kill=failure is not None)
        with self._changed:
            pieces, self._pieces = self._pieces, []
        tokens: list[list[str]] = []
        for i, data in enumerate(pieces):
            pieces[i] = b""  # each piece's bytes go as its words arrive
            words = self._unpickled(data, len(tokens))
            if isinstance(words, str):
                failure = words
                break
            tokens += words
        if failure is None and len(tokens) == len(self._texts):
            return tokens
        code = self._child.exitcode
        if hung:
            failure += "; stopped it"
        elif code is not None and code < 0:
            failure += f", killed by signal {-code}"
        elif code:
            failure += f", exit code {code}"
        log.warning(
            "word segmentation in a child process failed (%s) after %d of %d texts; segmenting the rest here",
            failure,
            len(tokens),
            len(self._texts),
        )
        return tokens + corpus_tokens(self._texts[len(tokens) :])

    def _unpickled(self, data: bytes, start: int) -> list[list[str]] | str:
        """The words of the piece that starts at text ``start``, or why there are none."""
        try:
            words = pickle.loads(data)
        except Exception as exc:  # noqa: BLE001 - a garbled piece: the words are made here instead
            return f"unreadable words ({type(exc).__name__}: {exc})"
        if isinstance(words, str):
            return f"it reported {words:.300}"
        if not isinstance(words, list) or len(words) != len(self._texts[start : start + PIECE_TEXTS]):
            return f"it sent {type(words).__name__} of {len(words) if isinstance(words, list) else '?'} for a piece"
        return words

    def cancel(self) -> None:
        """The build failed before it needed the words: stop the child, and the reader with it."""
        self._stop(kill=True)

    def _stop(self, kill: bool) -> None:
        child = self._child
        if not kill:
            child.join(CHILD_EXIT_SECONDS)
        if child.is_alive():
            child.kill()  # SIGKILL: also ends a stopped (SIGSTOP) child, which SIGTERM would not
            child.join()
        self._reader.join(CHILD_EXIT_SECONDS)  # the dead child's pipe is at EOF: the reader returns
        if not self._reader.is_alive():
            self._receive.close()
