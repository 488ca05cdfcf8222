"""Pay a fresh app's one-time costs in the background, so its first user does not wait for them.

A new process's first question used to take over a second: jieba reads its 500,000-word prefix
dictionary on first use (``qa.words.load_segmenter``), and the encoder, FAISS, SQLite and the
pinyin-name table each have a first-call cost. The app starts this warm-up in a daemon thread as
soon as it starts (the dictionary loads while the model and the index load), and asks one question
of its own once the index is open. The page is served meanwhile; a user's question asked during
the warm-up waits only for what it needs (jieba's dictionary loads once, under a lock, and the
encoder is shared under its own lock), and gets the same answer as afterwards.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import TYPE_CHECKING

from qa.words import load_segmenter, load_segmenter_in_background

if TYPE_CHECKING:
    from qa.webapp.service import QAService

log = logging.getLogger(__name__)

# A Chinese question and an English one naming a person in pinyin: together they touch every
# first-use path of a search (segmenter, encoder, FAISS, keyword index, SQLite, pinyin-name table).
# Nothing in them is about any document: any index answers them.
WARM_QUESTION = "这份文件主要讲了什么？ What did Wang Fang say?"


class WarmUp:
    """The background warm-up of one app process; ``ready`` is set when a question costs what later ones do."""

    def __init__(self) -> None:
        self.ready = threading.Event()

    def start_segmenter(self) -> WarmUp:
        """Load jieba's dictionary now, beside whatever the caller loads next (the model, the index)."""
        load_segmenter_in_background()
        return self

    def start_search(self, service: QAService) -> WarmUp:
        """Once the index is open: the dictionary (if not loaded yet), then one question of our own."""
        threading.Thread(target=self._search, args=(service,), name="warm-up: search", daemon=True).start()
        return self

    def wait(self, timeout: float | None = None) -> bool:
        """True once the warm-up is done (for tests and benchmarks; the app never waits for it)."""
        return self.ready.wait(timeout)

    def _search(self, service: QAService) -> None:
        started = time.perf_counter()
        try:
            load_segmenter()
            service.searcher.search(WARM_QUESTION, k=1)
        except Exception:  # noqa: BLE001 - a warm-up failure only means the first user pays the cost
            log.warning("warm-up: the first search failed", exc_info=True)
        finally:
            self.ready.set()
        log.info("warmed up in %.1fs: the first question is answered at full speed", time.perf_counter() - started)
