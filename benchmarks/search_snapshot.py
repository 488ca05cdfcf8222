"""Same results before and after a speed change: save every hit of a fixed question set, compare later.

    python benchmarks/search_snapshot.py --index IDX --save before.json   # on the old code
    python benchmarks/search_snapshot.py --index IDX --check before.json  # on the new code: exit 1 on a difference

Questions: the first ``--questions`` CMRC report questions, every English report question, the
report part's no-answer questions and a few speaker questions ("X说了什么？"), each searched in
all three modes at k=10 with weak hits shown, plus a document-filtered search. Recorded per hit:
chunk id, rank, relevance, the breakdown (keyword, dense, fused) and the highlight offsets. The
check requires identical ids, ranks and highlights and scores within ``--tolerance`` (1e-6), and
prints the first differences. Speed work on the query path (``qa.search``, ``qa.candidates``...)
must pass it: a faster search that answers differently is a different search.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's qa, whatever else is installed
sys.path.insert(0, str(ROOT / "benchmarks"))

from cmrc import DEFAULT_DATA, cmrc_questions, english_questions, make_split, read_jsonl  # noqa: E402

from qa.search import Searcher  # noqa: E402

SPEAKERS = ("文明维说了什么？", "市长说了什么？", "What did the mayor say?", "他说了什么")


def question_set(data: Path, n: int) -> list[str]:
    corpus = read_jsonl(data / "corpus.jsonl")
    split = make_split(corpus)
    questions = [q for q in cmrc_questions(data, split, n) + english_questions(split) if q.part == "report"]
    cmrc = [q.question for q in questions if q.group == "cmrc"][:n]
    rest = [q.question for q in questions if q.group != "cmrc"]
    return cmrc + rest + list(SPEAKERS)


def snapshot(searcher: Searcher, questions: list[str], k: int) -> dict[str, list]:
    out: dict[str, list] = {}
    some_doc = None
    for mode in ("hybrid", "dense", "keyword"):
        for q in questions:
            hits = searcher.search(q, k=k, mode=mode, show_weak=True)
            some_doc = some_doc or (hits[0].doc_id if hits else None)
            out[f"{mode}\t{q}"] = [_hit(h) for h in hits]
    if some_doc:
        for q in questions[:20]:
            hits = searcher.search(q, k=k, doc=some_doc, show_weak=True)
            out[f"doc\t{q}"] = [_hit(h) for h in hits]
    return out


def _hit(h) -> dict:
    return {
        "id": h.chunk.chunk_id,
        "rank": h.rank,
        "score": float(h.score),
        "breakdown": {k: float(v) for k, v in h.breakdown.items()},
        "highlights": [list(s) for s in h.highlights],
    }


def compare(before: dict[str, list], after: dict[str, list], tolerance: float) -> tuple[list[str], float]:
    """(differences, largest score difference among hits with the same id and rank)."""
    problems = []
    largest = 0.0
    for key, old in before.items():
        new = after.get(key)
        if new is None:
            problems.append(f"{key!r}: missing")
            continue
        if [(h["id"], h["rank"]) for h in old] != [(h["id"], h["rank"]) for h in new]:
            problems.append(f"{key!r}: ids/ranks {[h['id'] for h in old]} -> {[h['id'] for h in new]}")
            continue
        for a, b in zip(old, new, strict=True):
            diffs = [abs(a["score"] - b["score"])]
            diffs += [abs(a["breakdown"][n] - b["breakdown"].get(n, float("inf"))) for n in a["breakdown"]]
            largest = max(largest, *diffs)
            if max(diffs) > tolerance:
                problems.append(
                    f"{key!r} rank {a['rank']}: scores {a['score']} {a['breakdown']} -> {b['score']} {b['breakdown']}"
                )
            if a["highlights"] != b["highlights"]:
                problems.append(f"{key!r} rank {a['rank']}: highlights {a['highlights']} -> {b['highlights']}")
    return problems, largest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--model", default=None)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--questions", type=int, default=150, help="CMRC report questions (default 150)")
    parser.add_argument("-k", type=int, default=10)
    parser.add_argument("--tolerance", type=float, default=1e-6)
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path)
    group.add_argument("--check", type=Path)
    args = parser.parse_args(argv)
    searcher = Searcher(args.index, model=args.model)
    result = snapshot(searcher, question_set(args.data, args.questions), args.k)
    hits = sum(len(v) for v in result.values())
    if args.save:
        args.save.write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
        print(f"saved {len(result)} searches, {hits} hits -> {args.save}")
        return 0
    before = json.loads(args.check.read_text(encoding="utf-8"))
    problems, largest = compare(before, result, args.tolerance)
    for line in problems[:20]:
        print(line)
    verdict = "SAME" if not problems else f"DIFFERENT ({len(problems)} differences)"
    print(
        f"{len(before)} searches, {hits} hits: {verdict} (ids, ranks, highlights; scores within {args.tolerance}; "
        f"largest score difference {largest:.2g})"
    )
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main())
