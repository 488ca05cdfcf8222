"""``python app.py``: build the index on first launch (progress on stderr), then serve the app."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

# Before gradio is imported: no usage reporting or version checks from an offline machine.
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from qa.build import DEFAULT_INDEX  # noqa: E402
from qa.errors import QAError  # noqa: E402

if TYPE_CHECKING:
    import gradio as gr

    from qa.webapp.service import QAService


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="app.py", description="Document QA web app (Gradio).")
    parser.add_argument("--index", type=Path, default=DEFAULT_INDEX, help="index directory (default: %(default)s)")
    parser.add_argument(
        "--corpus", type=Path, default=Path("corpus"), help="documents to index on first launch (default: %(default)s)"
    )
    parser.add_argument(
        "--uploads", type=Path, default=None, help="uploaded documents folder (default: uploads/ beside the index)"
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: %(default)s)")
    parser.add_argument("--port", type=int, default=7860, help="port (default: %(default)s)")
    parser.add_argument("--model", default=None, help="embedding model for a new index (default: bundled use-m3)")
    parser.add_argument(
        "--compare-index",
        action="append",
        default=[],
        metavar="NAME=DIR",
        help="another index to offer in Compare, e.g. minilm=index/minilm (repeatable)",
    )
    args = parser.parse_args(argv)
    return args


def create_service(
    index: Path,
    corpus: Path,
    model: str | None = None,
    uploads: Path | None = None,
    compare_indexes: dict[str, Path] | None = None,
) -> QAService:
    """Make sure the index exists (building it from ``corpus``), then open it."""
    from qa.embedding import load_embedder
    from qa.webapp.service import QAService, ensure_index

    embedder = None
    if not (index / "CURRENT").is_file():
        embedder = load_embedder(model)
        ensure_index(index, corpus, model, embedder)
    return QAService(index, uploads, model=model, extra_indexes=compare_indexes, embedder=embedder)


def free_port(host: str = "127.0.0.1") -> int:
    """A port nothing listens on right now (for tests, screenshots and benchmarks)."""
    import socket

    with socket.socket() as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def serve(
    service: QAService, host: str = "127.0.0.1", port: int | None = None, block: bool = True
) -> tuple[gr.Blocks, str]:
    """Build the page over ``service`` and serve it; with ``block=False`` return (demo, url) at once."""
    from qa.webapp.layout import build_app, launch_kwargs

    demo = build_app(service)
    demo.queue(default_concurrency_limit=1)
    port = port or free_port(host)
    demo.launch(
        server_name=host,
        server_port=port,
        share=False,
        prevent_thread_lock=not block,
        quiet=not block,
        **launch_kwargs(),
    )
    return demo, f"http://{host}:{port}/"


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s: %(message)s", stream=sys.stderr)
    for name in ("httpx", "jieba", "faiss"):
        logging.getLogger(name).setLevel(logging.WARNING)
    extra = {}
    for item in args.compare_index:
        name, sep, path = item.partition("=")
        if not sep:
            name, path = Path(item).name, item
        extra[name] = Path(path)
    try:
        service = create_service(args.index, args.corpus, args.model, args.uploads, extra)
    except QAError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2

    serve(service, args.host, args.port, block=True)
    return 0
