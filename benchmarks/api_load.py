"""Load on the /search API: N concurrent gradio_client clients, M searches each, over loopback.

    python benchmarks/api_load.py                 # starts `app.py` on a temp copy of the index
    python benchmarks/api_load.py --url http://127.0.0.1:7860/ --clients 20 --requests 5

Prints errors and latency (p50/p95/max) as a Markdown table. Bounded: every request has a
timeout and the run stops issuing requests after --max-seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = [
    "重庆将如何建设和美乡村？",
    "新重庆“新”在哪里？",
    "成渝地区双城经济圈建设有什么进展？",
    "如何推动高质量发展？",
    "西部陆海新通道",
    "What does the new Chongqing mean?",
    "乡村振兴的重点任务是什么？",
    "内陆开放高地",
    "全会的主题是什么？",
    "城乡融合发展",
]


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(q / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_app(workdir: Path, index: Path | None) -> tuple[subprocess.Popen, str]:
    """``python app.py`` in a child process (so the clients do not share its GIL); wait until it serves."""
    port = free_port()
    if index is None:
        index = workdir / "index"
    cmd = [sys.executable, str(ROOT / "app.py"), "--index", str(index), "--corpus", str(ROOT / "corpus")]
    cmd += ["--uploads", str(workdir / "uploads"), "--port", str(port)]
    log = (workdir / "app.log").open("w")
    env = {**os.environ, "GRADIO_ANALYTICS_ENABLED": "False"}
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"app.py exited early; see {workdir / 'app.log'}")
        try:
            with urllib.request.urlopen(url + "config", timeout=2):
                return proc, url
        except OSError:
            time.sleep(0.5)
    proc.terminate()
    raise SystemExit("app.py did not start within 180 s")


class HttpSearch:
    """A bare HTTP client for ``POST /gradio_api/run/search`` (the endpoint runs outside the queue).

    Compared with the gradio_client numbers it separates the server's cost from the client's.
    """

    def __init__(self, url: str) -> None:
        self.endpoint = url.rstrip("/") + "/gradio_api/run/search"

    def search(self, question: str, k: int, timeout: float) -> list[dict]:
        body = json.dumps({"data": [question, k, "", "", ""]}).encode()
        request = urllib.request.Request(self.endpoint, body, {"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return json.loads(response.read())["data"][0]


class GradioSearch:
    """One ``gradio_client.Client`` per simulated user, as the README shows."""

    def __init__(self, url: str) -> None:
        from gradio_client import Client

        self.client = Client(url, verbose=False)

    def search(self, question: str, k: int, timeout: float) -> list[dict]:
        return self.client.submit(question, k, api_name="/search").result(timeout=timeout)


def run(url: str, clients: int, requests: int, k: int, timeout: float, max_seconds: float, transport: str) -> dict:
    make = GradioSearch if transport == "client" else HttpSearch

    latencies: list[float] = []
    errors: Counter[str] = Counter()
    lock = threading.Lock()
    barrier = threading.Barrier(clients)
    stop_at: list[float] = []

    def worker(n: int) -> None:
        try:
            client = make(url)
        except Exception as exc:  # noqa: BLE001 - a failed connection is a result, not a crash
            with lock:
                errors[f"connect: {type(exc).__name__}: {exc}"[:160]] += requests
            barrier.wait()
            return
        barrier.wait()
        for i in range(requests):
            if time.monotonic() > stop_at[0]:
                with lock:
                    errors["not sent: --max-seconds reached"] += requests - i
                return
            question = QUESTIONS[(n + i) % len(QUESTIONS)]
            started = time.perf_counter()
            try:
                hits = client.search(question, k, timeout)
                if not hits or "citation" not in hits[0]:
                    raise ValueError("no cited hits in the answer")
            except Exception as exc:  # noqa: BLE001
                with lock:
                    errors[f"{type(exc).__name__}: {exc}"[:160]] += 1
                continue
            with lock:
                latencies.append(time.perf_counter() - started)

    threads = [threading.Thread(target=worker, args=(n,), daemon=True) for n in range(clients)]
    stop_at.append(time.monotonic() + max_seconds + 120)  # placeholder until every client connects
    for thread in threads:
        thread.start()
    # The clock starts when all clients are connected (the barrier releases them together).
    started = time.monotonic()
    stop_at[0] = started + max_seconds
    for thread in threads:
        thread.join(timeout=max_seconds + timeout + 120)
    wall = time.monotonic() - started
    return {"latencies": latencies, "errors": errors, "wall": wall}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Concurrent gradio_client load on the app's /search endpoint.")
    parser.add_argument("--url", help="a running app; default: start app.py on a temp index of corpus/")
    parser.add_argument("--index", type=Path, help="index for the started app (default: build one in a temp dir)")
    parser.add_argument("--clients", "-n", type=int, default=20, help="concurrent clients (default: %(default)s)")
    parser.add_argument("--requests", "-m", type=int, default=5, help="searches per client (default: %(default)s)")
    parser.add_argument("--k", type=int, default=5)
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per request (default: %(default)s)")
    parser.add_argument(
        "--transport",
        choices=["client", "http"],
        default="client",
        help="gradio_client per user (default) or bare HTTP POSTs to /gradio_api/run/search",
    )
    parser.add_argument("--max-seconds", type=float, default=300.0, help="stop sending after this long")
    args = parser.parse_args(argv)
    if args.clients < 1 or args.requests < 1 or args.clients > 200:
        parser.error("--clients must be 1..200 and --requests at least 1")

    with tempfile.TemporaryDirectory(prefix="qa-load-") as tmp:
        proc = None
        url = args.url
        if url is None:
            proc, url = start_app(Path(tmp), args.index)
        try:
            from gradio_client import Client

            Client(url, verbose=False).predict(QUESTIONS[0], api_name="/search")  # warm-up, not counted
            result = run(url, args.clients, args.requests, args.k, args.timeout, args.max_seconds, args.transport)
        finally:
            if proc is not None:
                proc.terminate()
                proc.wait(timeout=30)

    lat = result["latencies"]
    errors = result["errors"]
    total = args.clients * args.requests
    print(f"\n/search load ({args.transport}): {args.clients} clients x {args.requests} searches, k={args.k}, {url}\n")
    print("| clients | requests | ok | errors | p50 (s) | p95 (s) | max (s) | throughput (req/s) |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    if lat:
        p50, p95, worst = percentile(lat, 50), percentile(lat, 95), max(lat)
        cells = f"{p50:.2f} | {p95:.2f} | {worst:.2f} | {len(lat) / result['wall']:.1f}"
    else:
        cells = "— | — | — | 0"
    print(f"| {args.clients} | {total} | {len(lat)} | {sum(errors.values())} | {cells} |")
    if lat:
        print(f"\nmean {statistics.mean(lat):.2f} s over {len(lat)} answered searches in {result['wall']:.1f} s wall")
    for message, count in errors.most_common(5):
        print(f"error x{count}: {message}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
