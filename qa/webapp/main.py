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

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7860

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
    parser.add_argument(
        "--host", default=None, help="address to listen on (default: $GRADIO_SERVER_NAME, else 127.0.0.1)"
    )
    parser.add_argument("--port", type=int, default=None, help="port (default: $GRADIO_SERVER_PORT, else 7860)")
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


def listen_address(host: str | None, port: int | None) -> tuple[str, int]:
    """Where to serve: the flags, else Gradio's own variables, else loopback:7860.

    ``GRADIO_SERVER_NAME`` / ``GRADIO_SERVER_PORT`` are how Gradio apps are configured in
    containers and hosting; a flag given on the command line wins over them.
    """
    host = host or os.environ.get("GRADIO_SERVER_NAME") or DEFAULT_HOST
    if port is None:
        raw = os.environ.get("GRADIO_SERVER_PORT", "").strip()
        try:
            port = int(raw) if raw else DEFAULT_PORT
        except ValueError:
            raise QAError(f"GRADIO_SERVER_PORT must be a port number, not {raw!r}") from None
    if not 0 < port < 65536:
        raise QAError(f"port must be 1..65535, not {port}")
    return host, port


def check_port(host: str, port: int) -> None:
    """One clear line when the port is taken (instead of a server traceback)."""
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family) as sock:
        try:
            sock.bind((host, port))
        except OSError as exc:
            raise QAError(
                f"端口已被占用 cannot listen on {host}:{port} ({exc.strerror or exc}): another program uses it; "
                "choose another with --port or GRADIO_SERVER_PORT"
            ) from None


def create_service(
    index: Path,
    corpus: Path,
    model: str | None = None,
    uploads: Path | None = None,
    compare_indexes: dict[str, Path] | None = None,
) -> QAService:
    """Make sure the index exists (building it from ``corpus``), then open it.

    The first question's one-time costs are paid in the background meanwhile (``qa.webapp.warmup``):
    jieba's dictionary loads while the model and the index load, and one question of our own is
    asked once the index is open; ``service.warm_up.wait()`` waits for it (the app does not).
    """
    from qa.embedding import load_embedder
    from qa.webapp.service import QAService, ensure_index
    from qa.webapp.warmup import WarmUp

    needs_build = not (index / "CURRENT").is_file()
    # A first-launch build loads the dictionary itself, then forks its word segmenter: no thread beside it.
    warm_up = WarmUp() if needs_build else WarmUp().start_segmenter()
    embedder = None
    if needs_build:
        embedder = load_embedder(model)
        ensure_index(index, corpus, model, embedder)
    service = QAService(index, uploads, model=model, extra_indexes=compare_indexes, embedder=embedder)
    service.warm_up = warm_up.start_search(service)
    return service


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
        host, port = listen_address(args.host, args.port)
        check_port(host, port)  # before the (slow) first build: fail fast
        service = create_service(args.index, args.corpus, args.model, args.uploads, extra)
        check_port(host, port)
        serve(service, host, port, block=True)
    except QAError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:  # the port was taken between the check and the launch
        print(f"error: cannot serve on {host}:{port}: {exc}", file=sys.stderr)
        return 2
    return 0
