"""Cost of structure recovery on big plain-text documents (``python benchmarks/structure.py --sizes 1,5,50``).

A long report is made of CMRC paragraphs under numbered section headings (one heading every seven
paragraphs), written to a temporary file and recovered in a child process so its peak memory
(max RSS) is measured alone. Prints MB, wall and CPU seconds, paragraphs and peak RSS per size.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_CHILD = """
import sys, time
from pathlib import Path
from qa.records import Document
from qa.structure import recover_outline
text = Path(sys.argv[1]).read_text(encoding="utf-8")
t, c = time.perf_counter(), time.process_time()
out = recover_outline(Document("big.txt", Path("big.txt"), text, "", "utf-8"))
secs, cpu = time.perf_counter() - t, time.process_time() - c
# VmHWM: this process's own peak (ru_maxrss can carry the parent's peak across fork/exec)
hwm = next(int(x.split()[1]) for x in open("/proc/self/status") if x.startswith("VmHWM"))
print(secs, cpu, len(out.paragraphs), hwm // 1024)
"""


def _report(mb: float, path: Path) -> None:
    from tests.text_sources import cmrc_path

    rows = [json.loads(line) for line in cmrc_path().open(encoding="utf-8")]
    size, n = 0, 0
    with path.open("w", encoding="utf-8") as fh:
        while size < mb * 1e6:
            row = rows[n % len(rows)]
            n += 1
            if n % 7 == 1:
                fh.write(f"第{n // 7 + 1}节 {row['title']}\n\n")
            fh.write(row["text"] + "\n\n")
            size += len(row["text"].encode()) + 2


def run_sizes(sizes: list[float]) -> None:
    print("wall = elapsed seconds, cpu = this process's CPU seconds (wall is inflated on a shared machine)")
    print(f"{'MB':>6} {'wall s':>8} {'cpu s':>8} {'paragraphs':>11} {'peak RSS MB':>12}")
    for mb in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "big.txt"
            _report(mb, path)
            print(f"  {mb} MB: recovering…", file=sys.stderr)
            done = subprocess.run(
                [sys.executable, "-c", _CHILD, str(path)], capture_output=True, text=True, cwd=ROOT, check=True
            )
            secs, cpu, paras, rss = done.stdout.split()
            print(f"{mb:>6} {float(secs):>8.1f} {float(cpu):>8.1f} {int(paras):>11} {int(rss):>12}", flush=True)
