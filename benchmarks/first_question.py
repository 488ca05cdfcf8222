"""First-use costs a user notices: a fresh process opens an index and asks its first questions.

    python benchmarks/first_question.py --index IDX                         # this checkout
    python benchmarks/first_question.py --index IDX --baseline /tmp/old     # and an older checkout, in turn
    python benchmarks/first_question.py --index IDX --baseline /tmp/old --app   # the web app, start to answer
    python benchmarks/first_question.py --index IDX --baseline /tmp/old --cli   # `qa search QUESTION`, start to exit

With ``--app`` each run starts the real app (``app.py --index IDX``, a Gradio server) and times what its
first user sees: from the start until the page answers (``/info``), then the first Chinese question
asked through the API the moment it does, i.e. start -> first answer. The app's CPU seconds until then
are printed beside (a background warm-up shifts work, it does not remove it).

Each run is a new Python process (nothing cached but the OS's file cache): it opens a ``Searcher``
on ``--index``, asks a Chinese question (the first question pays for the encoder's and jieba's
warm-up), then an English question naming a person in pinyin (the first English question pays for
the pinyin-name table, ``qa.pinyin_names``), then another English one. Wall milliseconds of each
step, median and range over ``--runs`` runs; with ``--baseline`` the two checkouts alternate
(A, B, A, B ...) so both see the same machine. The load average is printed: compare within a run.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

STEPS = (
    "open searcher",
    "first Chinese question",
    "first English question (pinyin name)",
    "next English question",
    "process CPU s (all steps)",
)
QUESTIONS = (
    "重庆将如何建设宜居宜业和美乡村？",
    "What did Lu Zhongheng do in the Ming dynasty?",
    "Who is Yeh Sheng-mao?",
)

CLI_STEPS = ("qa search: start -> answer printed", "process CPU s")
APP_STEPS = ("start -> page answers", "first Chinese question", "start -> first answer", "app CPU s until then")

CHILD = """
import json, sys, time
sys.path.insert(0, {root!r})
started = time.perf_counter()
from qa.search import Searcher
searcher = Searcher({index!r}, model={model!r})
times = [time.perf_counter() - started]
for question in {questions!r}:
    started = time.perf_counter()
    searcher.search(question, k=5)
    times.append(time.perf_counter() - started)
times.append(time.process_time())
import qa
print(json.dumps({{"times": times, "qa": qa.__file__, "pypinyin": "pypinyin" in sys.modules}}))
"""


def run_once(root: Path, index: Path, model: str | None) -> dict:
    code = CHILD.format(root=str(root), index=str(index), model=model, questions=QUESTIONS)
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a running process (Linux ``/proc``)."""
    import os

    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run_app_once(root: Path, index: Path, model: str | None, question: str = QUESTIONS[0]) -> dict:
    """Start ``root``'s app on ``index``; seconds until the page answers and until the first answer."""
    import os
    import socket
    import tempfile
    import time

    from gradio_client import Client

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    env = {k: v for k, v in os.environ.items() if not k.startswith("GRADIO_SERVER_")}
    with tempfile.TemporaryDirectory(prefix="first-question-") as tmp:
        cmd = [sys.executable, "app.py", "--index", str(index), "--uploads", str(Path(tmp) / "uploads")]
        cmd += ["--port", str(port), *(["--model", model] if model else [])]
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        try:
            while True:
                if proc.poll() is not None:
                    raise RuntimeError(f"the app in {root} stopped: {proc.communicate()[1][-2000:]}")
                try:
                    client = Client(f"http://127.0.0.1:{port}/", verbose=False)
                    client.predict(api_name="/info")
                    break
                except Exception:  # noqa: BLE001 - not up yet
                    if time.perf_counter() - started > 300:
                        raise
                    time.sleep(0.05)
            up = time.perf_counter()
            hits = client.predict(question=question, k=5, api_name="/search")
            answered = time.perf_counter()
            cpu = _cpu_seconds(proc.pid)
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    assert hits, f"no answer from the app in {root}"
    return {"times": [up - started, answered - up, answered - started, cpu], "qa": str(root), "pypinyin": "n/a"}


def run_cli_once(root: Path, index: Path, model: str | None, question: str = QUESTIONS[0]) -> dict:
    """``qa search QUESTION`` as a one-shot command in ``root``: wall and CPU seconds until it exits."""
    import resource
    import time

    cmd = [sys.executable, "-m", "qa.cli", "search", question, "--index", str(index), "-k", "5"]
    cmd += ["--model", model] if model else []
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    out = subprocess.run(cmd, cwd=root, capture_output=True, text=True, check=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    assert out.stdout.startswith("[1]"), f"no answer from qa search in {root}: {out.stdout[:200]}"
    return {"times": [wall, cpu], "qa": str(root), "pypinyin": "n/a"}


def load_average() -> str:
    try:
        return Path("/proc/loadavg").read_text().split()[0]
    except OSError:
        return "n/a"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--model", default=None)
    parser.add_argument("--baseline", type=Path, default=None, help="another checkout to time in turn")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--app", action="store_true", help="time the web app from its start to its first answer")
    parser.add_argument("--cli", action="store_true", help="time a one-shot `qa search` from start to answer")
    args = parser.parse_args(argv)
    steps = APP_STEPS if args.app else CLI_STEPS if args.cli else STEPS
    roots = {"this checkout": ROOT}
    if args.baseline:
        roots["baseline"] = args.baseline.resolve()
    times: dict[str, list[list[float]]] = {name: [] for name in roots}
    loads = [load_average()]
    for i in range(args.runs):
        for name, root in roots.items() if i % 2 == 0 else reversed(list(roots.items())):
            run = run_app_once if args.app else run_cli_once if args.cli else run_once
            result = run(root, args.index.resolve(), args.model)
            times[name].append(result["times"])
            print(
                f"run {i + 1} {name}: {[round(t, 3) for t in result['times']]} s "
                f"({result['qa']}; pypinyin imported: {result['pypinyin']})",
                file=sys.stderr,
            )
    loads.append(load_average())
    what = "The web app's first user" if args.app else "One-shot qa search" if args.cli else "First use in a process"
    print(f"{what}, wall ms, median (min-max) of {args.runs} runs each; load {' -> '.join(loads)}")
    print()
    print("| step | " + " | ".join(roots) + " |")
    print("|---|" + "---|" * len(roots))
    for j, step in enumerate(steps):
        cells = []
        for name in roots:
            cpu = "CPU" in step
            values = [run[j] * (1 if cpu else 1000) for run in times[name]]
            f = ".1f" if cpu else ".0f"
            cells.append(f"{statistics.median(values):{f}} ({min(values):{f}}-{max(values):{f}})")
        print(f"| {step} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
