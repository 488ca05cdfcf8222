"""Server memory per visitor: open the page as N new visitors and watch the app's RSS.

    python benchmarks/app_memory.py                    # 10,000 new sessions against app.py on a temp index
    python benchmarks/app_memory.py --sessions 2000 --url http://127.0.0.1:7860/ --pid 1234

Each visitor is what a browser does when it opens the page: a fresh session id and the page's load
event (the document table, the pickers and the outline) through Gradio's queue, over bare HTTP
(a browser per visitor would measure the browser). The app's resident memory is read from /proc
after a warm-up (the baseline, same run) and every ``--every`` sessions; the table says how far it
moved from the baseline. Bounded: ``--max-seconds`` stops early and says so.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from api_load import start_app  # noqa: E402


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def page_load_event(url: str) -> tuple[int, list]:
    """The id of the page's load event and its inputs' initial values, from the page config."""
    with urllib.request.urlopen(url + "config", timeout=30) as response:
        config = json.loads(response.read())
    values = {c["id"]: c.get("props", {}).get("value") for c in config["components"]}
    for dep in config["dependencies"]:
        if dep.get("api_name") == "ui_refresh":
            return int(dep["id"]), [values.get(i) for i in dep["inputs"]]
    raise SystemExit("the page has no ui_refresh load event")


def open_page(url: str, fn: int, data: list, timeout: float = 60) -> bool:
    """One new visitor: join the queue with a fresh session and read the event's result."""
    session = uuid.uuid4().hex[:11]
    body = json.dumps({"data": data, "fn_index": fn, "session_hash": session, "trigger_id": None, "event_data": None})
    request = urllib.request.Request(url + "gradio_api/queue/join", body.encode(), {"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        response.read()
    with urllib.request.urlopen(f"{url}gradio_api/queue/data?session_hash={session}", timeout=timeout) as stream:
        for raw in stream:
            line = raw.decode("utf-8", "replace").strip()
            if line.startswith("data:") and '"process_completed"' in line:
                return bool(json.loads(line[5:]).get("success"))
    return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="a running app (give --pid too); default: start app.py on a temp index")
    parser.add_argument("--pid", type=int, help="the running app's process id (for its RSS)")
    parser.add_argument("--index", type=Path, help="index for the started app (default: build one in a temp dir)")
    parser.add_argument("--sessions", type=int, default=10_000, help="new visitors (default: %(default)s)")
    parser.add_argument("--warmup", type=int, default=500, help="visitors before the baseline (default: %(default)s)")
    parser.add_argument("--every", type=int, default=2000, help="RSS reading every N visitors")
    parser.add_argument("--workers", type=int, default=8, help="visitors opening at once (default: %(default)s)")
    parser.add_argument("--max-seconds", type=float, default=900.0, help="stop opening pages after this long")
    args = parser.parse_args(argv)
    if args.url and not args.pid:
        parser.error("--url needs --pid (the app's process, for its memory)")

    import tempfile

    with tempfile.TemporaryDirectory(prefix="qa-mem-") as tmp:
        proc = None
        url, pid = args.url, args.pid
        if url is None:
            proc, url = start_app(Path(tmp), args.index)
            pid = proc.pid
        try:
            fn, data = page_load_event(url)
            failed = 0

            def visit(count: int) -> int:
                with ThreadPoolExecutor(args.workers) as pool:
                    return sum(not ok for ok in pool.map(lambda _: open_page(url, fn, data), range(count)))

            failed += visit(args.warmup)
            base = rss_mb(pid)
            rows = [(0, base)]
            started, done = time.monotonic(), 0
            while done < args.sessions and time.monotonic() - started < args.max_seconds:
                step = min(args.every, args.sessions - done)
                failed += visit(step)
                done += step
                rows.append((done, rss_mb(pid)))
                note = f"{done} sessions: RSS {rows[-1][1]:.0f} MB (baseline {base:.0f} MB)"
                print(note, file=sys.stderr, flush=True)
            wall = time.monotonic() - started
        finally:
            if proc is not None:
                proc.terminate()
                proc.wait(timeout=30)

    print(f"\nnew visitors opening the page ({url}), after {args.warmup} warm-up visitors:\n")
    print("| new sessions | server RSS (MB) | vs baseline |")
    print("|---:|---:|---:|")
    for count, mb in rows:
        print(f"| {count:,} | {mb:.0f} | {100 * (mb - base) / base:+.1f}% |")
    peak = max(mb for _, mb in rows)
    print(
        f"\n{done:,} sessions in {wall:.0f} s ({done / max(wall, 1e-9):.0f}/s), {failed} failed page loads; "
        f"peak {100 * (peak - base) / base:+.1f}% over the baseline"
        + ("" if done >= args.sessions else f" (stopped at --max-seconds: {done} of {args.sessions})")
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
