"""Fault injection: the README's reliability figures, reproduced on this machine in one command.

    python benchmarks/faults.py            # full run: 30 kills, 40 API clients for 60 s (~9 min on 2 cores)
    python benchmarks/faults.py --quick    # 5 kills, 10 clients for 10 s: a look while working

Everything runs on real components in a temp dir (removed afterwards): the bundled model, real
FAISS/BM25 indexes on disk, `qa build` / `qa search` as child processes, `app.py` on 127.0.0.1.

Probes:
- kill -9 during `qa build`: a real incremental build of a small corpus (the bundled page and two
  small documents, one changed every trial) is killed at a random moment; half the kills are
  drawn uniformly over a measured build, half land just after a new generation starts being
  written (a ``.tmp-gen-*`` folder appears). Survived: the index loads, answers, and holds
  exactly the documents of the old build or of the new one (never a mix).
- damaged index files: every file of a generation (and CURRENT) deleted, emptied, cut in half,
  one byte flipped, garbage appended. Survived: one clear ``QAError`` line, or the same answers;
  a crash of another kind or different answers is a failure. Each is then rebuilt and re-checked.
- manifest without checksums + changed vectors: the manifest's ``files`` list removed and one
  vector changed (silently searched unless the manifest checks itself).
- concurrent builds: two `qa build` of different corpora into one index at once.
- search during build: new Searchers loaded, and one loaded before, searched while a build runs.
- bad-input zoo: odd names (non-UTF-8 bytes, ``:``, ``§``, newline, ``=``), encodings (UTF-16
  without BOM, GB18030, Big5, cut UTF-8, NUL bytes), pipes, devices, links, empty/binary/huge
  files, built with `qa build`: each odd-but-valid file indexed, each bad one skipped with a
  message naming it, the build exits 0.
- upload escape: file names with ``../``, absolute paths, backslashes sent to the real app's
  upload endpoint and `/add_documents`, plus server paths the client never uploaded. Survived:
  nothing written outside the uploads folder, nothing foreign indexed, the app still answers.
- API load: N concurrent clients POST /search on loopback for S seconds: errors, p50/p95, the
  server's RSS before and after.

Prints one Markdown table: probe | trials | survived | figure. Exits 1 when any trial failed.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's qa, whatever else is installed

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
logging.getLogger("qa").setLevel(logging.ERROR)  # the probes provoke warnings on purpose

from api_load import start_app  # noqa: E402  (benchmarks/ is on sys.path when run as a script)

from qa.build import build_index  # noqa: E402
from qa.embedding import load_embedder  # noqa: E402
from qa.errors import QAError  # noqa: E402
from qa.index_store import IndexStore  # noqa: E402
from qa.search import Searcher  # noqa: E402

PAGE = ROOT / "corpus" / "chongqing_daily_2022-12-23.txt"
QUESTIONS = ["重庆将如何建设和美乡村？", "斜拉桥的主跨有多长？", "Where were the coral reefs mapped?"]
TINY = {
    "bridges.txt": "桥梁工程\n\n这座斜拉桥主跨长达八百米，是当地最长的桥梁。工程师采用了新的抗风设计。\n",
    "tea.txt": "茶叶种植\n\n山坡上的茶园每年春天采摘新茶，龙井的香气来自独特的炒制工艺。\n",
    "notes/ocean.md": "# Ocean\n\nThe research vessel mapped coral reefs along the northern coast.\n",
}
OTHER = {
    "rail.txt": "铁路建设\n\n新建高速铁路全长三百公里，连接沿线五座城市。\n",
    "river.txt": "江河治理\n\n长江沿岸的湿地保护区今年新增了两处观鸟点。\n",
}


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


@dataclass
class Row:
    probe: str
    trials: int
    survived: int
    figure: str


def write_corpus(root: Path, docs: dict[str, str]) -> Path:
    if root.exists():
        shutil.rmtree(root)
    for name, text in docs.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def index_state(index: Path) -> dict[str, str]:
    """doc_id -> content hash of the live generation (checksums verified by the load)."""
    return {doc_id: stored.sha256 for doc_id, stored in IndexStore(index).load().documents.items()}


def corpus_state(corpus: Path) -> dict[str, str]:
    from qa.loading import load_paths

    return {d.doc_id: d.sha256 for d in load_paths([corpus]).documents}


def qa_cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "qa.cli", "-q", *args]


def answers(index: Path, embedder) -> list[list[str]]:
    searcher = Searcher(index, embedder=embedder)
    return [[h.chunk.chunk_id for h in searcher.search(q, k=3)] for q in QUESTIONS]


def outcome(index: Path, embedder, reference: list[list[str]]) -> str:
    """How a possibly damaged index behaves: 'clear error', 'same answers' or what went wrong."""
    try:
        got = answers(index, embedder)
    except QAError as exc:
        return "clear error" if str(exc) and "\n" not in str(exc) else "messy error"
    except Exception as exc:  # noqa: BLE001 - a crash of another kind is the finding
        return f"crash ({type(exc).__name__})"
    return "same answers" if got == reference else "silently wrong"


# ---- kill -9 ---------------------------------------------------------------------------------
def changed_doc(trial: int) -> str:
    """A small document whose text changes every trial, so every build embeds and writes."""
    rng = random.Random(trial)
    lines = [line for line in PAGE.read_text(encoding="utf-8").splitlines() if len(line) > 30]
    body = "\n\n".join(rng.sample(lines, 6))
    return f"变化的文档 第{trial}版\n\n{body}\n"


def probe_kills(work: Path, embedder, kills: int, seed: int) -> Row:
    rng = random.Random(seed)
    corpus = write_corpus(work / "kill-corpus", {**TINY, "changing.txt": changed_doc(-1)})
    shutil.copy(PAGE, corpus / PAGE.name)
    index = work / "kill-index"
    build_index([corpus], index, embedder=embedder, progress=False)
    # One uninterrupted CLI build with a change: the span random kills are drawn from.
    (corpus / "changing.txt").write_text(changed_doc(-2), encoding="utf-8")
    started = time.monotonic()
    subprocess.run(qa_cli("build", str(corpus), "--index", str(index)), cwd=ROOT, check=True, capture_output=True)
    duration = time.monotonic() - started
    log(f"kill -9: a build takes {duration:.1f}s; {kills} kills")
    lost = unsearchable = mixed = mid_write = finished = 0
    for trial in range(kills):
        before = index_state(index)
        stale = set(index.glob(".tmp-gen-*"))  # left by an earlier kill: not this build's writing
        (corpus / "changing.txt").write_text(changed_doc(trial), encoding="utf-8")
        after = corpus_state(corpus)
        proc = subprocess.Popen(
            qa_cli("build", str(corpus), "--index", str(index)),
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        targeted = trial % 2 == 1
        deadline = time.monotonic() + (duration * 3 if targeted else rng.uniform(0, duration * 1.05))
        extra = rng.uniform(0, 0.05)
        while time.monotonic() < deadline and proc.poll() is None:
            if targeted and set(index.glob(".tmp-gen-*")) - stale:
                time.sleep(extra)  # somewhere inside the write of the new generation
                break
            time.sleep(0.002 if targeted else 0.01)
        writing = bool(set(index.glob(".tmp-gen-*")) - stale)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            mid_write += writing
        else:
            finished += 1
        proc.wait()
        try:
            state = index_state(index)
            if not Searcher(index, embedder=embedder).search(QUESTIONS[0], k=1):
                unsearchable += 1
            elif state not in (before, after):
                mixed += 1
        except QAError as exc:
            lost += 1
            log(f"  trial {trial}: index lost: {exc}")
    leftovers = len(list(index.glob(".tmp-gen-*")))
    build_index([corpus], index, embedder=embedder, progress=False)  # the next build still works
    bad = lost + unsearchable + mixed
    return Row(
        "kill -9 during `qa build`",
        kills,
        kills - bad,
        f"{lost} lost, {unsearchable} unsearchable, {mixed} mixed; {mid_write} killed mid-write, "
        f"{finished} finished first; {leftovers} `.tmp-gen-*` left before the next build",
    )


# ---- damage ----------------------------------------------------------------------------------
def _damage(path: Path, kind: str) -> None:
    data = path.read_bytes()
    if kind == "deleted":
        path.unlink()
    elif kind == "emptied":
        path.write_bytes(b"")
    elif kind == "cut in half":
        path.write_bytes(data[: len(data) // 2])
    elif kind == "one byte flipped":
        middle = len(data) // 2
        path.write_bytes(data[:middle] + bytes([data[middle] ^ 0x5A]) + data[middle + 1 :] if data else b"\x5a")
    elif kind == "garbage appended":
        path.write_bytes(data + os.urandom(64))
    else:
        raise ValueError(kind)


DAMAGE = ("deleted", "emptied", "cut in half", "one byte flipped", "garbage appended")


def probe_damage(work: Path, embedder) -> list[Row]:
    corpus = write_corpus(work / "tiny", TINY)
    clean = work / "clean-index"
    build_index([corpus], clean, embedder=embedder, progress=False)
    reference = answers(clean, embedder)
    gen = IndexStore(clean).current_dir()
    files = ["CURRENT"] + sorted(p.relative_to(clean).as_posix() for p in gen.rglob("*") if p.is_file())
    counts: Counter[str] = Counter()
    repaired = trials = 0
    target = work / "damaged-index"
    for name in files:
        for kind in DAMAGE:
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(clean, target)
            _damage(target / name, kind)
            result = outcome(target, embedder, reference)
            counts[result] += 1
            trials += 1
            if result not in ("clear error", "same answers"):
                log(f"  damage: {name} {kind}: {result}")
            try:
                build_index([corpus], target, embedder=embedder, progress=False)
            except Exception as exc:  # noqa: BLE001 - a rebuild that fails is a finding
                log(f"  damage: {name} {kind}: the rebuild failed: {type(exc).__name__}: {exc}")
                continue
            repaired += outcome(target, embedder, reference) == "same answers"
    survived = counts["clear error"] + counts["same answers"]
    other = ", ".join(f"{n} {k}" for k, n in counts.items() if k not in ("clear error", "same answers")) or "0 crashes"
    rows = [
        Row(
            f"damaged index files ({len(files)} files × {len(DAMAGE)} kinds)",
            trials,
            survived,
            f"{counts['clear error']} one-line errors, {counts['same answers']} unaffected, {other}; "
            f"{repaired}/{trials} repaired by the next `qa build`",
        )
    ]
    # The manifest's checksum list removed and one vector changed: only a manifest that checks
    # itself (or the vectors' own checksum kept elsewhere) notices.
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(clean, target)
    gen = IndexStore(target).current_dir()
    manifest = json.loads((gen / "manifest.json").read_text(encoding="utf-8"))
    manifest.pop("files", None)
    (gen / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    import numpy as np

    vectors_file = sorted(gen.glob("seg-*/vectors.npy"))[0]  # a segment's chunk vectors (qa.segment)
    data = np.load(vectors_file)
    data[[0, -1]] = data[[-1, 0]]  # two passages swap vectors: plausible, wrong
    np.save(vectors_file, data, allow_pickle=False)
    result = outcome(target, embedder, reference)
    rows.append(Row("manifest without checksums + changed vectors", 1, int(result == "clear error"), result))
    return rows


# ---- concurrency -----------------------------------------------------------------------------
def probe_concurrent_builds(work: Path, embedder, pairs: int) -> Row:
    a = write_corpus(work / "corpus-a", TINY)
    b = write_corpus(work / "corpus-b", OTHER)
    index = work / "concurrent-index"
    build_index([a], index, embedder=embedder, progress=False)
    states = (corpus_state(a), corpus_state(b))
    good = 0
    notes: Counter[str] = Counter()
    for _ in range(pairs):
        procs = [
            subprocess.Popen(
                qa_cli("build", str(c), "--index", str(index)),
                cwd=ROOT,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
            for c in (a, b)
        ]
        codes = [p.wait(timeout=600) for p in procs]
        for p in procs:
            p.stderr.close()
        try:
            state = index_state(index)
            ok = codes == [0, 0] and state in states and bool(answers(index, embedder))
        except QAError as exc:
            ok, state = False, {}
            notes[str(exc)] += 1
        notes["leftover tmp"] += len(list(index.glob(".tmp-gen-*")))
        good += ok
    return Row(
        "two `qa build` into one index at once",
        pairs,
        good,
        f"both exit 0 and the index holds one build's documents exactly in {good}/{pairs} pairs; "
        f"{notes['leftover tmp']} `.tmp-gen-*` left",
    )


def probe_search_during_build(work: Path, embedder, builds: int) -> Row:
    corpus = write_corpus(work / "busy-corpus", {**TINY, "changing.txt": changed_doc(100)})
    shutil.copy(PAGE, corpus / PAGE.name)
    index = work / "busy-index"
    build_index([corpus], index, embedder=embedder, progress=False)
    ok = errors = loads = 0
    messages: Counter[str] = Counter()
    for n in range(builds):
        old = Searcher(index, embedder=embedder)
        (corpus / "changing.txt").write_text(changed_doc(200 + n), encoding="utf-8")
        proc = subprocess.Popen(
            qa_cli("build", str(corpus), "--index", str(index)),
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        while proc.poll() is None:
            for fresh in (True, False):
                try:
                    searcher = Searcher(index, embedder=embedder) if fresh else old
                    loads += fresh
                    hits = searcher.search(QUESTIONS[n % len(QUESTIONS)], k=3)
                    if not hits:
                        raise ValueError("no hits")
                    ok += 1
                except Exception as exc:  # noqa: BLE001 - every failure is a finding
                    errors += 1
                    messages[f"{type(exc).__name__}: {exc}"[:120]] += 1
        proc.wait()
    for message, count in messages.most_common(3):
        log(f"  search during build: x{count} {message}")
    return Row(
        "search while `qa build` runs",
        ok + errors,
        ok,
        f"{errors} errors over {builds} builds ({loads} fresh index loads, the rest on a searcher opened before)",
    )


# ---- bad-input zoo ---------------------------------------------------------------------------
def make_zoo(root: Path) -> tuple[dict[str, str], set[str]]:
    """Files to index (doc id -> a phrase its stored text must contain) and ids to be skipped."""
    root.mkdir(parents=True)
    good: dict[str, str] = {}

    def add(name: str | bytes, text: str, data: bytes | None = None, marker: str | None = None) -> None:
        from qa.loading import display_name

        fs_name = os.fsdecode(name) if isinstance(name, bytes) else name
        path = root / fs_name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8") if data is None else data)
        good[display_name(Path(fs_name).as_posix())] = marker or text.split("\n")[2].strip()

    def body(n: int) -> str:
        return f"第{n}号文件\n\n测试标记{n:02d}：山坡上的茶园每年春天采摘新茶。\n"

    add(b"\xff\xfe\xe6\x96\x87.txt", body(1))  # not UTF-8
    add("a:b.txt", body(2))
    add("x § y.txt", body(3))
    add("line\nbreak.txt", body(4))
    add("=HYPERLINK(1).txt", body(5))
    add("utf16le.txt", body(6), body(6).encode("utf-16-le"))
    add("utf16be.txt", body(7), body(7).encode("utf-16-be"))
    add("utf16bom.txt", body(8), body(8).encode("utf-16"))
    cut = (body(9).rstrip("\n") + "尾").encode("utf-8")[:-1]
    add("utf8-cut.txt", body(9).rstrip("\n"), cut)
    padded = body(10).encode() + ("补充说明。" * 3000).encode() + b"\x00" * 300 + "\n\n结尾。\n".encode()
    add("nul-after-8k.txt", body(10), padded)
    add("nul-in-head.txt", body(11), b"\x00\x00" + body(11).encode())
    add("gb18030.txt", body(12), body(12).encode("gb18030"))
    traditional = "第13號文件\n\n測試標記13：臺灣的高速鐵路全長三百多公里。\n"
    add("big5.txt", traditional, traditional.encode("big5"))
    add("cr-only.txt", body(14), body(14).replace("\n", "\r").encode())
    add("one-long-line.txt", "测试标记15" + "长行没有换行符。" * 20000, marker="测试标记15")
    add("deep/" * 12 + "deep.txt", body(16))
    add("很长的文件名" * 13 + ".txt", body(17))  # 238 bytes: near the 255-byte limit
    add("escape-codes.txt", body(18).replace("测试", "\x1b[31m测试\x1b[0m"), marker="标记18：山坡上的茶园")
    add("utf8-bom.txt", body(19), b"\xef\xbb\xbf" + body(19).encode())

    bad = {"empty.txt", "blank.txt", "random.txt", "png.txt", "nul-only.txt", "huge.txt", "pipe.txt", "zero.txt"}
    bad |= {"dangling.txt"}
    (root / "empty.txt").write_bytes(b"")
    (root / "blank.txt").write_bytes(b" \n\t\n")
    (root / "random.txt").write_bytes(random.Random(0).randbytes(20000))
    (root / "png.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + random.Random(1).randbytes(5000))
    (root / "nul-only.txt").write_bytes(b"\x00" * 5000)
    with (root / "huge.txt").open("wb") as handle:
        handle.truncate(101 * 2**20)  # sparse: over the 100 MB document limit
    os.mkfifo(root / "pipe.txt")
    (root / "zero.txt").symlink_to("/dev/zero")
    (root / "dangling.txt").symlink_to(root / "no-such-file.txt")
    (root / "loop").symlink_to(root, target_is_directory=True)
    (root / "image.png").write_bytes(b"\x89PNG\r\n")  # not a document type: ignored
    (root / ".hidden.txt").write_text("hidden", encoding="utf-8")  # hidden: ignored
    return good, bad


def probe_zoo(work: Path, embedder) -> Row:
    zoo = work / "zoo"
    good, bad = make_zoo(zoo)
    index = work / "zoo-index"
    started = time.monotonic()
    proc = subprocess.run(qa_cli("build", str(zoo), "--index", str(index)), cwd=ROOT, capture_output=True, timeout=900)
    seconds = time.monotonic() - started
    err = proc.stderr.decode("utf-8", "replace")
    handled = 0
    try:
        stored = IndexStore(index).load().documents
        searcher = Searcher(index, embedder=embedder)
    except QAError as exc:
        log(f"  zoo: no index: {exc}; stderr: {err[-500:]}")
        stored, searcher = {}, None
    for doc_id, marker in good.items():
        ok = doc_id in stored and marker in stored[doc_id].text
        if ok and searcher is not None:
            hits = searcher.search(marker, k=1, mode="keyword", doc=doc_id)
            ok = bool(hits) and hits[0].citation.isprintable()
        handled += ok
        if not ok:
            log(f"  zoo: {doc_id!r} not indexed as expected")
    for name in sorted(bad):
        ok = name not in stored and f"{name}:" in err
        handled += ok
        if not ok:
            log(f"  zoo: {name!r} not skipped with a message")
    if proc.returncode != 0:
        log(f"  zoo: qa build exited {proc.returncode}: {err[-500:]}")
        handled = 0
    return Row(
        "bad-input zoo, one `qa build`",
        len(good) + len(bad),
        handled,
        f"exit {proc.returncode} in {seconds:.0f}s; {sum(d in stored for d in good)}/{len(good)} odd-but-valid files "
        f"indexed and searchable, {sum(f'{n}:' in err for n in bad)}/{len(bad)} bad ones skipped with a message "
        "naming them (a directory symlink loop, a .png and a hidden file ignored)",
    )


# ---- the app: upload escapes and API load ----------------------------------------------------
def call(url: str, api: str, data: list, timeout: float = 300) -> tuple[bool, object]:
    """A queued Gradio endpoint over bare HTTP: (completed, payload or error message)."""
    request = urllib.request.Request(
        f"{url}gradio_api/call/{api}", json.dumps({"data": data}).encode(), {"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:
        event_id = json.loads(response.read())["event_id"]
    with urllib.request.urlopen(f"{url}gradio_api/call/{api}/{event_id}", timeout=timeout) as response:
        event = None
        for raw in response:
            line = raw.decode("utf-8").rstrip("\n")
            if line.startswith("event:"):
                event = line.split(":", 1)[1].strip()
            elif line.startswith("data:") and event in ("complete", "error"):
                payload = line.split(":", 1)[1].strip()
                value = json.loads(payload) if payload and payload != "null" else None
                if event == "complete" and isinstance(value, list) and len(value) == 1:
                    value = value[0]  # one output component
                return event == "complete", value
    return False, "no result"


def search_http(url: str, question: str, timeout: float = 60) -> list[dict]:
    body = json.dumps({"data": [question, 5, "", "", ""]}).encode()
    request = urllib.request.Request(f"{url}gradio_api/run/search", body, {"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.loads(response.read())["data"][0]


ESCAPES = [
    "../../escape-a.txt",
    "../escape-b.txt",
    "/tmp/escape-c-{tag}.txt",
    "..\\..\\escape-d.txt",
    "sub/../../escape-e.txt",
    "%2e%2e%2fescape-f.txt",
    "....//....//escape-g.txt",
    "../index/CURRENT",
    "../index/escape-h.txt",
]


def probe_uploads(work: Path, url: str) -> Row:
    import httpx

    tag = f"{os.getpid()}-{random.Random().randrange(10**6)}"
    allowed = {work / "uploads", work / "gradio-tmp"}
    trials = survived = foreign_indexed = added = 0
    outside: set[str] = set()

    def escaped() -> set[str]:
        found = {str(p) for p in Path("/tmp").glob(f"escape-*{tag}*")}
        found |= {str(p) for p in work.parent.glob("escape-*")}
        for path in work.rglob("*escape-*"):
            if not any(a in path.parents for a in allowed):
                found.add(str(path))
        return found

    def index_intact() -> bool:
        try:
            IndexStore(work / "index").current_dir()
            return True
        except QAError:
            return False

    for name in ESCAPES:
        name = name.format(tag=tag)
        trials += 1
        text = f"上传测试\n\n这是一个试图逃出上传目录的文件 {Path(name).name}。\n"
        try:
            response = httpx.post(
                f"{url}gradio_api/upload", files=[("files", (name, text.encode(), "text/plain"))], timeout=60
            )
            paths = response.json() if response.status_code == 200 else []
            for path in paths if isinstance(paths, list) else []:
                files = [{"path": path, "orig_name": name, "meta": {"_type": "gradio.FileData"}}]
                data = [files, False, False]  # files, replace, keep_both
                ok, result = call(url, "add_documents", data)
                added += ok and isinstance(result, dict) and bool(result.get("added"))
                log(f"  upload {name!r} -> {path}: {'ok' if ok else 'error'} {str(result)[:200]}")
        except (OSError, ValueError) as exc:
            log(f"  upload {name!r}: {type(exc).__name__}: {exc}")
        found = escaped()
        survived += not found and index_intact()
        outside |= found
    # Server paths the client never uploaded: the app must not read them.
    for path in ["/etc/hostname", str(work / "index" / "CURRENT"), "../../../../../../etc/passwd"]:
        trials += 1
        try:
            files = [{"path": path, "meta": {"_type": "gradio.FileData"}}]
            ok, result = call(url, "add_documents", [files, False, False])
            log(f"  add_documents {path!r}: {'ok' if ok else 'error'} {str(result)[:200]}")
        except OSError as exc:
            log(f"  add_documents {path!r}: {type(exc).__name__}: {exc}")
        _, docs = call(url, "documents", [])
        ids = {str(d.get("doc_id")) for d in docs} if isinstance(docs, list) else set()
        hit = bool({"hostname", "passwd", "CURRENT"} & ids)
        foreign_indexed += hit
        survived += not hit and index_intact()
    alive = bool(search_http(url, QUESTIONS[0]))
    for path in sorted(outside):
        log(f"  escaped: {path}")
    return Row(
        "upload escapes against the app",
        trials,
        survived if alive else 0,
        f"{added}/{len(ESCAPES)} hostile names added as plain files inside uploads/ (the rest refused), "
        f"{len(outside)} files written outside it, {foreign_indexed} server files indexed, "
        + ("the index intact and the app still answering" if alive else "the app STOPPED answering"),
    )


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(q / 100 * len(ordered) + 0.5) - 1))]


def probe_load(url: str, pid: int, clients: int, seconds: float) -> Row:
    questions = [
        "重庆将如何建设和美乡村？",
        "新重庆“新”在哪里？",
        "成渝地区双城经济圈建设有什么进展？",
        "内陆开放高地",
        "What does the new Chongqing mean?",
        "城乡融合发展",
        "斜拉桥的主跨有多长？",
        "乡村振兴的重点任务是什么？",
    ]
    for q in questions:  # warm-up, not counted
        search_http(url, q)
    before = rss_mb(pid)
    latencies: list[float] = []
    errors: Counter[str] = Counter()
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def worker(n: int) -> None:
        i = n
        while time.monotonic() < stop:
            started = time.perf_counter()
            try:
                hits = search_http(url, questions[i % len(questions)])
                if not hits or "citation" not in hits[0]:
                    raise ValueError("no cited hits")
                with lock:
                    latencies.append(time.perf_counter() - started)
            except Exception as exc:  # noqa: BLE001 - every failure is a finding
                with lock:
                    errors[f"{type(exc).__name__}: {exc}"[:120]] += 1
            i += 1

    threads = [threading.Thread(target=worker, args=(n,), daemon=True) for n in range(clients)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + 120)
    wall = time.monotonic() - started
    after = rss_mb(pid)
    for message, count in errors.most_common(3):
        log(f"  load: x{count} {message}")
    total = len(latencies) + sum(errors.values())
    figure = (
        f"{clients} clients × {seconds:.0f} s: {sum(errors.values())} errors, "
        + (f"p50 {percentile(latencies, 50):.2f} s, p95 {percentile(latencies, 95):.2f} s, " if latencies else "")
        + f"{len(latencies) / wall:.1f} req/s; server RSS {before:.0f} → {after:.0f} MB"
    )
    return Row("API /search load on loopback", total, len(latencies), figure)


def probe_app(work: Path, embedder, clients: int, seconds: float) -> list[Row]:
    app = work / "app"
    app.mkdir()
    corpus = write_corpus(app / "corpus", TINY)
    shutil.copy(PAGE, corpus / PAGE.name)
    build_index([corpus], app / "index", embedder=embedder, progress=False)
    proc, url = start_app(app, app / "index", corpus)  # api_load's: the one way benchmarks run the app
    try:
        log(f"app on {url} (pid {proc.pid})")
        rows = [probe_uploads(app, url)]
        rows.append(probe_load(url, proc.pid, clients, seconds))
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
    return rows


# ---- main ------------------------------------------------------------------------------------
PROBES = ("kills", "damage", "concurrent", "during", "zoo", "app")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=30, help="kill -9 trials (default %(default)s)")
    parser.add_argument("--load-clients", type=int, default=40, help="concurrent API clients (default %(default)s)")
    parser.add_argument("--load-seconds", type=float, default=60, help="API load duration (default %(default)s)")
    parser.add_argument("--pairs", type=int, default=3, help="concurrent build pairs (default %(default)s)")
    parser.add_argument("--quick", action="store_true", help="5 kills, 10 clients for 10 s, 1 pair")
    parser.add_argument("--only", choices=PROBES, action="append", help="run only these probes (repeatable)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--keep", action="store_true", help="keep the temp dir (its path is logged)")
    args = parser.parse_args(argv)
    if args.quick:
        args.kills, args.load_clients, args.load_seconds, args.pairs = 5, 10, 10.0, 1
    only = set(args.only or PROBES)
    started = time.monotonic()
    embedder = load_embedder(None)  # the default model, as `qa build` uses
    rows: list[Row] = []
    work = Path(tempfile.mkdtemp(prefix="qa-faults-"))
    log(f"work dir {work}")
    steps: list[tuple[str, Callable[[], Row | list[Row]]]] = [
        ("kills", lambda: probe_kills(work, embedder, args.kills, args.seed)),
        ("damage", lambda: probe_damage(work, embedder)),
        ("concurrent", lambda: probe_concurrent_builds(work, embedder, args.pairs)),
        ("during", lambda: probe_search_during_build(work, embedder, 3)),
        ("zoo", lambda: probe_zoo(work, embedder)),
        ("app", lambda: probe_app(work, embedder, args.load_clients, args.load_seconds)),
    ]
    try:
        for name, step in steps:
            if name not in only:
                continue
            t0 = time.monotonic()
            log(f"probe {name} ...")
            result = step()
            rows.extend(result if isinstance(result, list) else [result])
            log(f"probe {name}: {time.monotonic() - t0:.0f}s")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    cores = len(os.sched_getaffinity(0))
    command = " ".join(["python benchmarks/faults.py", *(argv if argv is not None else sys.argv[1:])])
    print(f"\nfault probes: `{command}`")
    print(f"({cores} cores, load average {os.getloadavg()[0]:.1f}, {time.monotonic() - started:.0f} s in all)\n")
    print("| probe | trials | survived | figure |")
    print("|---|---:|---:|---|")
    for row in rows:
        print(f"| {row.probe} | {row.trials} | {row.survived} | {row.figure} |")
    return 0 if all(r.survived == r.trials for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
