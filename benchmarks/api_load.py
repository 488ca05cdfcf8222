"""Load on the /search API: N concurrent gradio_client clients, M searches each, over loopback.

    python benchmarks/api_load.py                 # starts `app.py` on a temp copy of the index
    python benchmarks/api_load.py --url http://127.0.0.1:7860/ --clients 20 --requests 5
    python benchmarks/api_load.py --batch 3000 --clients 1 --requests 40   # Ask while a batch runs

Prints errors and latency (p50/p95/max) as a Markdown table. With ``--batch N`` it measures the
same searches twice in one run: first on an idle app (the baseline), then while another client's
N-question ``/batch`` runs, and says whether the batch was still running when the last search
returned (else the second row did not measure what it claims). Bounded: every request has a
timeout and the run stops issuing requests after --max-seconds; requests not sent because of
that are counted apart from errors (they did not fail).
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


def start_app(
    workdir: Path, index: Path | None, corpus: Path | None = None, timeout: float = 240
) -> tuple[subprocess.Popen, str]:
    """``python app.py`` in a child process (so the clients do not share its GIL); wait until it serves.

    Shared by the load, memory and fault benchmarks. Uploads and Gradio's temporary files go under
    ``workdir``, so a benchmark can check that nothing escapes them.
    """
    port = free_port()
    index = index if index is not None else workdir / "index"
    corpus = corpus if corpus is not None else ROOT / "corpus"
    cmd = [sys.executable, str(ROOT / "app.py"), "--index", str(index), "--corpus", str(corpus)]
    cmd += ["--uploads", str(workdir / "uploads"), "--host", "127.0.0.1", "--port", str(port)]
    log = (workdir / "app.log").open("w")
    env = {**os.environ, "GRADIO_TEMP_DIR": str(workdir / "gradio-tmp"), "GRADIO_ANALYTICS_ENABLED": "False"}
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"app.py exited early:\n{(workdir / 'app.log').read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(url + "config", timeout=2):
                return proc, url
        except OSError:
            time.sleep(0.5)
    proc.terminate()
    raise SystemExit(f"app.py did not start within {timeout:.0f} s")


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
    unsent: list[int] = [0]
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
                    unsent[0] += requests - i  # not an error: the run's time budget ran out
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
    return {"latencies": latencies, "errors": errors, "wall": wall, "unsent": unsent[0], "ended": time.monotonic()}


class BackgroundBatch:
    """One client running an N-question ``/batch`` in a thread, with its start and end times."""

    def __init__(self, url: str, n: int, k: int, timeout: float) -> None:
        self.questions = [f"{QUESTIONS[i % len(QUESTIONS)]} {i}" for i in range(n)]
        self.url, self.k, self.timeout = url, k, timeout
        self.started = self.ended = 0.0
        self.error = ""
        self.answered = 0
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        from gradio_client import Client

        self.started = time.monotonic()
        try:
            records = Client(self.url, verbose=False).predict(self.questions, k=self.k, api_name="/batch")
            self.answered = sum(bool(r["hits"]) for r in records)
        except Exception as exc:  # noqa: BLE001 - reported in the table
            self.error = f"{type(exc).__name__}: {exc}"[:160]
        self.ended = time.monotonic()

    def start(self, warmup: float = 2.0) -> None:
        """Start the batch and give it ``warmup`` seconds to be running before searches are timed."""
        self._thread.start()
        time.sleep(warmup)

    def join(self) -> None:
        self._thread.join(timeout=self.timeout)


def _row(label: str, clients: int, result: dict, total: int) -> str:
    lat = result["latencies"]
    if lat:
        p50, p95, worst = percentile(lat, 50), percentile(lat, 95), max(lat)
        cells = f"{p50:.2f} | {p95:.2f} | {worst:.2f} | {len(lat) / result['wall']:.1f}"
    else:
        cells = "— | — | — | 0"
    errors = sum(result["errors"].values())
    return f"| {label} | {clients} | {total} | {len(lat)} | {errors} | {result['unsent']} | {cells} |"


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
    parser.add_argument(
        "--batch", type=int, default=0, metavar="N", help="also measure while an N-question /batch runs (e.g. 3000)"
    )
    parser.add_argument("--batch-k", type=int, default=3, help="results per batch question (default: %(default)s)")
    args = parser.parse_args(argv)
    if args.clients < 1 or args.requests < 1 or args.clients > 200:
        parser.error("--clients must be 1..200 and --requests at least 1")
    if not 0 <= args.batch <= 5000:
        parser.error("--batch must be 0..5000 (the app's cap per batch)")

    rows: list[tuple[str, dict]] = []
    batch: BackgroundBatch | None = None
    with tempfile.TemporaryDirectory(prefix="qa-load-") as tmp:
        proc = None
        url = args.url
        if url is None:
            proc, url = start_app(Path(tmp), args.index)
        try:
            from gradio_client import Client

            Client(url, verbose=False).predict(QUESTIONS[0], api_name="/search")  # warm-up, not counted
            load = (url, args.clients, args.requests, args.k, args.timeout, args.max_seconds, args.transport)
            if args.batch:
                rows.append(("idle (baseline)", run(*load)))
                batch = BackgroundBatch(url, args.batch, args.batch_k, args.timeout * 20)
                batch.start()
                rows.append((f"during a {args.batch}-question batch", run(*load)))
                batch.join()
            else:
                rows.append(("idle", run(*load)))
        finally:
            if proc is not None:
                proc.terminate()
                proc.wait(timeout=30)

    total = args.clients * args.requests
    print(f"\n/search load ({args.transport}): {args.clients} clients x {args.requests} searches, k={args.k}, {url}\n")
    print(
        "| app state | clients | requests | ok | errors | not sent | p50 (s) | p95 (s) | max (s) | throughput (req/s) |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for label, result in rows:
        print(_row(label, args.clients, result, total))
    for label, result in rows:
        lat = result["latencies"]
        if lat:
            print(
                f"\n{label}: mean {statistics.mean(lat):.2f} s over {len(lat)} searches in {result['wall']:.1f} s wall"
            )
        for message, count in result["errors"].most_common(5):
            print(f"{label}: error x{count}: {message}")
        if result["unsent"]:
            print(f"{label}: {result['unsent']} searches not sent: --max-seconds reached (not errors)")
    if batch is not None:
        during = rows[-1][1]
        overlapped = batch.ended == 0.0 or batch.ended >= during["ended"]
        took = (batch.ended or time.monotonic()) - batch.started
        print(
            f"\nbatch: {args.batch} questions (k={args.batch_k}) in {took:.1f} s, {batch.answered} answered"
            f"{', error: ' + batch.error if batch.error else ''}; still running when the last timed search returned: "
            f"{'yes' if overlapped else 'NO (the second row is partly idle)'}"
        )
    failed = any(result["errors"] for _, result in rows) or bool(batch and batch.error)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
