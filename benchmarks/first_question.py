"""First-use costs a user notices: a fresh process opens an index and asks its first questions.

    python benchmarks/first_question.py --index IDX                         # this checkout
    python benchmarks/first_question.py --index IDX --baseline /tmp/old     # and an older checkout, in turn

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

STEPS = ("open searcher", "first Chinese question", "first English question (pinyin name)", "next English question")
QUESTIONS = (
    "重庆将如何建设宜居宜业和美乡村？",
    "What did Lu Zhongheng do in the Ming dynasty?",
    "Who is Yeh Sheng-mao?",
)

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
import qa
print(json.dumps({{"times": times, "qa": qa.__file__, "pypinyin": "pypinyin" in sys.modules}}))
"""


def run_once(root: Path, index: Path, model: str | None) -> dict:
    code = CHILD.format(root=str(root), index=str(index), model=model, questions=QUESTIONS)
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


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
    args = parser.parse_args(argv)
    roots = {"this checkout": ROOT}
    if args.baseline:
        roots["baseline"] = args.baseline.resolve()
    times: dict[str, list[list[float]]] = {name: [] for name in roots}
    loads = [load_average()]
    for i in range(args.runs):
        for name, root in roots.items() if i % 2 == 0 else reversed(list(roots.items())):
            result = run_once(root, args.index.resolve(), args.model)
            times[name].append(result["times"])
            print(
                f"run {i + 1} {name}: {[round(t * 1000) for t in result['times']]} ms "
                f"({result['qa']}; pypinyin imported: {result['pypinyin']})",
                file=sys.stderr,
            )
    loads.append(load_average())
    print(f"First use in a fresh process, wall ms, median (min-max) of {args.runs} runs; load {' -> '.join(loads)}")
    print()
    print("| step | " + " | ".join(roots) + " |")
    print("|---|" + "---|" * len(roots))
    for j, step in enumerate(STEPS):
        cells = []
        for name in roots:
            values = [run[j] * 1000 for run in times[name]]
            cells.append(f"{statistics.median(values):.0f} ({min(values):.0f}-{max(values):.0f})")
        print(f"| {step} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
