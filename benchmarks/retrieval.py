"""Retrieval benchmark: keyword (jieba-BM25), dense, hybrid (and rerank) side by side, one run.

    python benchmarks/retrieval.py                  # bundled USE-m3, ~5 minutes on 2 cores
    python benchmarks/retrieval.py --sample 200     # quicker
    python benchmarks/retrieval.py --model PATH --rerank CROSS_ENCODER_PATH

Data: CMRC 2018 from ``../shared/data/cmrc2018`` (or ``--data``). Every paragraph is written as
its own document ``<paragraph_id>.txt`` with its title as a Markdown heading (so the title is the
section path and goes into what is embedded and keyword-indexed, as for any user document), and
indexed with the real ``qa.build.build_index``; a hit is a returned chunk of the gold paragraph.
Questions: 1,000 sampled with ``random.Random(0).shuffle`` over queries.jsonl (groups
``cmrc-dev`` / ``cmrc-trial`` by split), plus the English questions over CMRC paragraphs in
``benchmarks/data/cmrc_english_questions.jsonl`` (group ``english``).

Latency: the CMRC documents are indexed again as several copies (``copy<i>/<id>.txt``) until the
index holds at least ``--latency-chunks`` chunks (10k by default); window vectors are reused by
text hash, so this costs chunking and BM25 only. Each question is then searched alone (k=5, with
highlights) and p50/p95 wall time reported per mode, query encoding included, model load aside.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's qa, whatever else is installed

from qa.build import build_index  # noqa: E402
from qa.evaluate import CUTOFF, GoldQuestion, Metrics, evaluate, write_rows  # noqa: E402
from qa.search import Searcher  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "cmrc2018"
if not DEFAULT_DATA.is_dir():
    DEFAULT_DATA = Path("/work/shared/data/cmrc2018")
ENGLISH = ROOT / "benchmarks" / "data" / "cmrc_english_questions.jsonl"


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def write_documents(corpus: list[dict], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for row in corpus:
        title = row["title"].strip()
        head = f"# {title}\n\n" if title else ""
        (folder / f"{row['paragraph_id']}.txt").write_text(head + row["text"].strip() + "\n", encoding="utf-8")


def gold_questions(data: Path, sample: int) -> list[GoldQuestion]:
    queries = read_jsonl(data / "queries.jsonl")
    random.Random(0).shuffle(queries)
    chosen = queries[:sample]
    gold = [GoldQuestion(q["query_id"], q["question"], f"cmrc-{q['split']}", [q["gold_paragraph_id"]]) for q in chosen]
    for q in read_jsonl(ENGLISH):
        gold.append(GoldQuestion(q["query_id"], q["question"], q.get("group", "english"), [q["gold_paragraph_id"]]))
    return gold


def answers_by_id(data: Path) -> dict[str, list[str]]:
    rows = {q["query_id"]: q["answers"] for q in read_jsonl(data / "queries.jsonl")}
    for q in read_jsonl(ENGLISH):
        rows[q["query_id"]] = q["answers"]
    return rows


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return math.nan
    return ordered[min(len(ordered) - 1, max(0, math.ceil(p / 100 * len(ordered)) - 1))]


def run_quality(searcher: Searcher, gold: list[GoldQuestion], mode: str, rerank: str | None, answers, out: Path):
    """Metrics per group, plus how often a correct top hit's highlight contains the answer."""
    highlight_ok: list[bool] = []
    by_text = {g.question: g for g in gold}

    def search(questions: list[str]):
        results = searcher.search_many(questions, k=CUTOFF, mode=mode, rerank=rerank)
        for question, hits in zip(questions, results, strict=True):
            g = by_text[question]
            if hits and g.matches(hits[0].chunk.chunk_id, hits[0].doc_id, hits[0].text) and g.group != "english":
                marked = "".join(hits[0].text[a:b] for a, b in hits[0].highlights)
                wanted = [a for a in answers.get(g.qid, []) if a in hits[0].text]
                if wanted:
                    highlight_ok.append(any(a in marked for a in wanted))
        return [[(h.chunk.chunk_id, h.doc_id, h.text, h.score) for h in hits] for hits in results]

    started = time.perf_counter()
    result = evaluate(gold, search, batch=64)
    seconds = time.perf_counter() - started
    write_rows(out, result.rows)
    share = sum(highlight_ok) / len(highlight_ok) if highlight_ok else math.nan
    return result, share, seconds


def run_latency(searcher: Searcher, questions: list[str], mode: str, rerank: str | None) -> tuple[float, float]:
    for q in questions[:5]:  # warm caches (jieba dictionary, BLAS threads)
        searcher.search(q, k=5, mode=mode, rerank=rerank)
    times = []
    for q in questions:
        started = time.perf_counter()
        searcher.search(q, k=5, mode=mode, rerank=rerank)
        times.append((time.perf_counter() - started) * 1000)
    return percentile(times, 50), percentile(times, 95)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="CMRC 2018 folder (corpus/queries.jsonl)")
    parser.add_argument("--sample", type=int, default=1000, help="CMRC questions (default 1000)")
    parser.add_argument("--model", default=None, help="embedding model (default: bundled use-m3)")
    parser.add_argument("--rerank", default=None, help="CrossEncoder name/path: adds a hybrid+rerank row")
    parser.add_argument("--latency-chunks", type=int, default=10_000, help="index size for latency (default 10000)")
    parser.add_argument("--latency-questions", type=int, default=200, help="questions timed per mode")
    parser.add_argument("--workdir", type=Path, default=None, help="keep documents, indexes and per-question results")
    parser.add_argument(
        "--reuse-index", action="store_true", help="with --workdir: reuse vectors of an earlier run (build rate moot)"
    )
    args = parser.parse_args(argv)

    tmp = None
    if args.workdir is None:
        tmp = tempfile.TemporaryDirectory(prefix="qa-bench-")
        work = Path(tmp.name)
    else:
        work = args.workdir
        work.mkdir(parents=True, exist_ok=True)
    try:
        corpus = read_jsonl(args.data / "corpus.jsonl")
        docs = work / "docs"
        if docs.exists():
            shutil.rmtree(docs)
        write_documents(corpus, docs)
        index = work / "index"
        if index.exists() and not args.reuse_index:
            shutil.rmtree(index)  # a fresh build, so chunks/s means what it says
        report = build_index([docs], index, model=args.model, progress=False)
        rate = report.chunks / report.seconds if report.seconds else math.nan
        print(
            f"built {report.documents} paragraphs -> {report.chunks} chunks, {report.windows} sentence windows "
            f"({report.embedded} chunks embedded) in {report.seconds:.1f}s = {rate:.0f} chunks/s",
            file=sys.stderr,
        )

        gold = gold_questions(args.data, args.sample)
        answers = answers_by_id(args.data)
        searcher = Searcher(index, model=args.model)
        modes: list[tuple[str, str, str | None]] = [
            ("bm25 (jieba)", "keyword", None),
            ("dense", "dense", None),
            ("hybrid", "hybrid", None),
        ]
        if args.rerank:
            modes.append(("hybrid+rerank", "hybrid", args.rerank))
        quality = {}
        for name, mode, rerank in modes:
            out = work / f"results-{name.split()[0].replace('+', '-')}.jsonl"
            quality[name] = run_quality(searcher, gold, mode, rerank, answers, out)
            print(f"{name}: evaluated in {quality[name][2]:.1f}s", file=sys.stderr)

        # Latency index: copies of the CMRC documents until there are enough chunks.
        copies = max(1, math.ceil(args.latency_chunks / max(report.chunks, 1)))
        big_docs = work / "docs-latency"
        if big_docs.exists():
            shutil.rmtree(big_docs)
        for i in range(copies):
            shutil.copytree(docs, big_docs / f"copy{i}")
        big_index = work / "index-latency"
        if big_index.exists():
            shutil.rmtree(big_index)
        shutil.copytree(index, big_index)  # so window vectors are reused by text hash
        big = build_index([big_docs], big_index, model=args.model, progress=False)
        print(f"latency index: {big.chunks} chunks ({big.embedded} embedded) in {big.seconds:.1f}s", file=sys.stderr)
        del searcher
        big_searcher = Searcher(big_index, model=args.model)
        timed = [g.question for g in gold if g.group != "english"][: args.latency_questions]
        timed += [g.question for g in gold if g.group == "english"][: max(10, args.latency_questions // 10)]
        latency = {name: run_latency(big_searcher, timed, mode, rerank) for name, mode, rerank in modes}

        groups = sorted({g.group for g in gold})
        model = args.model or "use-m3 (bundled)"
        print()
        print(
            f"CMRC 2018: {sum(g.group != 'english' for g in gold)} questions (random.Random(0) sample) over "
            f"{len(corpus)} paragraphs = {report.chunks} chunks; English: {sum(g.group == 'english' for g in gold)} "
            f"questions over the same index. Model: {model}."
        )
        print(
            f"Build: {report.chunks} chunks in {report.seconds:.1f}s = {rate:.1f} chunks/s "
            f"({report.windows} sentence windows embedded with them). Latency: one question at a time, k=5, "
            f"over {big.chunks} chunks, query encoding included."
        )
        print()
        header = "| method | group | n | hit@1 | hit@5 | MRR@10 | answer in highlight | p50 ms | p95 ms |"
        print(header)
        print("|" + "---|" * (header.count("|") - 1))
        summary = {"model": model, "chunks": report.chunks, "build_seconds": report.seconds, "methods": {}}
        for name, _, _ in modes:
            result, share, _ = quality[name]
            p50, p95 = latency[name]
            cmrc = [r["rank"] for r in result.rows if r["group"] != "english"]
            rows = [("cmrc (all)", Metrics.from_ranks(cmrc))] + [(g, result.groups[g]) for g in groups]
            for i, (group, m) in enumerate(rows):
                hl = f"{share:.3f}" if i == 0 else ""
                lat = (f"{p50:.1f}", f"{p95:.1f}") if i == 0 else ("", "")
                print(
                    f"| {name if i == 0 else ''} | {group} | {m.n} | {m.hit1:.3f} | {m.hit5:.3f} | {m.mrr10:.3f} "
                    f"| {hl} | {lat[0]} | {lat[1]} |"
                )
            summary["methods"][name] = {
                "groups": {g: m.as_dict() for g, m in rows},
                "answer_in_highlight": share,
                "latency_ms": {"p50": p50, "p95": p95},
            }
        print()
        best_single = {
            g: max(summary["methods"][n]["groups"][g]["hit@1"] for n in ("bm25 (jieba)", "dense"))
            for g in ["cmrc (all)", *groups]
        }
        verdict = all(summary["methods"]["hybrid"]["groups"][g]["hit@1"] >= best_single[g] for g in best_single)
        print(f"hybrid hit@1 >= max(bm25, dense) on every group: {'yes' if verdict else 'NO'}")
        (work / "summary.json").write_text(json.dumps(summary, indent=1), encoding="utf-8")
        if args.workdir is not None:
            print(f"per-question results: {work}/results-*.jsonl")
    finally:
        if tmp is not None:
            tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
