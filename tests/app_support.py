"""Shared set-up for the app tests: a small index in a temp dir, the app on loopback, Chromium.

Not a conftest (other test modules are owned by other people); test modules import it.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

from qa.records import Chunk  # noqa: E402
from qa.search import Hit  # noqa: E402
from qa.sentences import sentence_spans  # noqa: E402
from qa.webapp.main import create_service, serve  # noqa: E402
from qa.webapp.service import QAService  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]


@dataclass
class RunningApp:
    service: QAService
    url: str
    tmp: Path


def start_app(tmp: Path) -> Iterator[RunningApp]:
    """Copy corpus/ into ``tmp``, build an index there, serve the real app on a free port."""
    corpus = tmp / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    service = create_service(tmp / "index", corpus, uploads=tmp / "uploads")
    demo, url = serve(service, block=False)
    try:
        yield RunningApp(service, url, tmp)
    finally:
        demo.close()


def chromium_or_skip() -> str:
    """The Chromium binary; without one, skip locally but fail in CI (CI must run these)."""
    if os.path.exists(CHROMIUM):
        return CHROMIUM
    message = f"{CHROMIUM} is missing: install Debian's chromium (scripts/install-chromium.sh)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def unique_sentences(chunks: list[Chunk], min_len: int = 18, max_len: int = 80) -> list[tuple[Chunk, str]]:
    """(chunk, sentence) pairs where the sentence occurs in that chunk's text and no other's.

    Questions built from them have one right passage, found from the index rather than
    hard-coded, so the tests survive changes to the corpus, chunking or structure stage.
    """
    pairs = []
    for chunk in chunks:
        spans = sorted(sentence_spans(chunk.text), key=lambda s: s[0] - s[1])
        for start, end in spans:
            sentence = chunk.text[start:end].strip()
            if not (min_len <= len(sentence) <= max_len):
                continue
            if sum(sentence in other.text for other in chunks) == 1:
                pairs.append((chunk, sentence))
                break
    return pairs


def answerable(service: QAService, k: int = 5) -> tuple[Chunk, str, Hit]:
    """A unique sentence whose own chunk is among the top ``k`` hits when asked verbatim."""
    for chunk, sentence in unique_sentences(service.searcher.chunks):
        for hit in service.search(sentence, k=k)[1]:
            if hit.chunk.chunk_id == chunk.chunk_id:
                return chunk, sentence, hit
    raise AssertionError("no sentence of the index finds its own passage in the top hits")
