"""English and mixed-language questions over English and bilingual documents: ranking and relevance,
this checkout against a baseline checkout in the same run.

    python benchmarks/english_questions.py --baseline /work/main      # ~3 min on 2 cores

Documents are generated (``benchmarks/bilingual_facts.py``): English handbooks, bilingual contracts that
state each clause in Chinese then English, Chinese notes that keep English names. Each fact is asked once in
English and once in Chinese (or Chinese with the English name); each index also gets near-miss questions it
cannot answer, and each document names two of its facts again in a clause that does not state them ('…may
retain the parking permit deposit if the card is lost.'), which the answer must outrank. TUNING families
(``TUNING_TEMPLATES`` in ``TUNING_LAYOUTS``) are the only ones looked at when choosing anything; REPORT
families (other kinds of fact, other wordings, other layouts) are only scored.

Printed per part, question language and checkout: n, hit@1, hit@3, MRR@10 (a hit is right when it holds the
answer, in either language), right top hits called weak ("no good passage found"), and no-answer questions
flagged (their top hit weak). Each checkout builds its own indexes with its own code (a subprocess with that
checkout first on ``sys.path``), with the bundled model.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def collect(root: Path, work: Path, indexes: int, docs: int, facts: int, absent: int) -> list[dict]:
    """Rows of one checkout (imports that checkout's qa)."""
    sys.path.insert(0, str(root))
    sys.path.insert(0, str(HERE))
    from bilingual_facts import (
        NAMES,
        REPORT_LAYOUTS,
        REPORT_TEMPLATES,
        TUNING_LAYOUTS,
        TUNING_TEMPLATES,
        facts_for,
        make_fact,
        write_document,
    )

    from qa.build import build_index
    from qa.embedding import load_embedder
    from qa.search import Searcher

    print(f"checkout {root}: qa from {sys.modules['qa.search'].__file__}", file=sys.stderr)
    embedder = load_embedder(None)
    rows: list[dict] = []
    families = [(lay, "tuning") for lay in TUNING_LAYOUTS] + [(lay, "report") for lay in REPORT_LAYOUTS]
    for layout, part in families:
        templates = TUNING_TEMPLATES if part == "tuning" else REPORT_TEMPLATES
        rng = random.Random(f"{layout}-{part}")
        for i in range(indexes):
            folder = work / layout / f"docs{i}"
            shutil.rmtree(folder, ignore_errors=True)
            taken: set = set()
            questions: list[dict] = []
            for name in rng.sample(NAMES, docs):
                written = facts_for(templates, facts, rng, taken)
                write_document(layout, name, written, folder, rng)
                for fact in written:
                    questions.append(dict(q=rng.choice(fact.questions_en), lang="en", answers=fact.answers, ok=True))
                    questions.append(dict(q=rng.choice(fact.questions_zh), lang="zh", answers=fact.answers, ok=True))
            misses = 0
            while misses < absent:
                fact = make_fact(rng.choice(templates), rng)
                if any(t == fact.template and k == fact.key for t, k in taken):
                    continue
                misses += 1
                questions.append(dict(q=rng.choice(fact.questions_en), lang="en", answers=fact.answers, ok=False))
                questions.append(dict(q=rng.choice(fact.questions_zh), lang="zh", answers=fact.answers, ok=False))
            index = work / layout / f"index{i}"
            shutil.rmtree(index, ignore_errors=True)
            build_index([folder], index, embedder=embedder, progress=False)
            searcher = Searcher(index, embedder=embedder)
            results = searcher.search_many([q["q"] for q in questions], k=10, show_weak=True)
            for q, hits in zip(questions, results, strict=True):
                ranks = [r for r, h in enumerate(hits, 1) if any(a in h.text for a in q["answers"])]
                rows.append(
                    dict(
                        part=part,
                        layout=layout,
                        lang=q["lang"],
                        answerable=q["ok"],
                        question=q["q"],
                        rank=ranks[0] if ranks and q["ok"] else 0,
                        weak=bool(not hits or hits[0].weak),
                        relevance=hits[0].score if hits else 0.0,
                        top=hits[0].text[:120] if hits else "",
                    )
                )
            print(f"  {layout} index {i}: {searcher.finder.total} chunks, {len(questions)} questions", file=sys.stderr)
    return rows


def table(runs: dict[str, list[dict]]) -> None:
    print(
        "| part | questions | checkout | n | hit@1 | hit@3 | MRR@10 | right top hits called weak | no-answer flagged |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for part in ("tuning", "report"):
        for lang in ("en", "zh", "all"):
            for label, rows in runs.items():
                sel = [r for r in rows if r["part"] == part and (lang == "all" or r["lang"] == lang)]
                ans = [r for r in sel if r["answerable"]]
                miss = [r for r in sel if not r["answerable"]]
                if not ans:
                    continue
                h1 = sum(r["rank"] == 1 for r in ans) / len(ans)
                h3 = sum(0 < r["rank"] <= 3 for r in ans) / len(ans)
                mrr = sum(1 / r["rank"] for r in ans if r["rank"]) / len(ans)
                right = [r for r in ans if r["rank"] == 1]
                weak = sum(r["weak"] for r in right)
                flagged = sum(r["weak"] for r in miss)
                name = {"en": "English", "zh": "Chinese/mixed", "all": "all"}[lang]
                print(
                    f"| {part.upper()} | {name} | {label} | {len(ans)} | {h1:.3f} | {h3:.3f} | {mrr:.3f} "
                    f"| {weak}/{len(right)} | {flagged}/{len(miss)} |"
                )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--baseline", type=Path, default=None, help="another checkout to compare (e.g. /work/main)")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/qa-english-questions"))
    parser.add_argument("--indexes", type=int, default=3, help="indexes per layout")
    parser.add_argument("--docs", type=int, default=3, help="documents per index")
    parser.add_argument("--facts", type=int, default=6, help="facts per document")
    parser.add_argument("--absent", type=int, default=3, help="no-answer facts per index (asked in both languages)")
    parser.add_argument("--collect", type=Path, default=None, help=argparse.SUPPRESS)  # internal: one checkout
    parser.add_argument("--out", type=Path, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--failures", action="store_true", help="print TUNING questions whose top hit is wrong")
    args = parser.parse_args(argv)
    sizes = (args.indexes, args.docs, args.facts, args.absent)
    if args.collect:
        rows = collect(args.collect.resolve(), args.workdir, *sizes)
        args.out.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
        return 0
    checkouts = {"this": HERE.parent}
    if args.baseline:
        checkouts = {"baseline": args.baseline.resolve(), **checkouts}
    runs: dict[str, list[dict]] = {}
    for label, root in checkouts.items():
        out = args.workdir / f"rows-{label}.json"
        out.parent.mkdir(parents=True, exist_ok=True)
        command = [
            sys.executable,
            str(Path(__file__).resolve()),
            "--collect",
            str(root),
            "--out",
            str(out),
            "--workdir",
            str(args.workdir / label),
            "--indexes",
            str(args.indexes),
            "--docs",
            str(args.docs),
            "--facts",
            str(args.facts),
            "--absent",
            str(args.absent),
        ]
        subprocess.run(command, check=True, cwd=root)
        runs[f"{label} ({root.name})"] = json.loads(out.read_text(encoding="utf-8"))
    table(runs)
    if args.failures:
        for label, rows in runs.items():
            print(f"\nTUNING failures, {label}:")
            for r in rows:
                if r["part"] == "tuning" and (
                    (r["answerable"] and r["rank"] != 1) or (not r["answerable"] and not r["weak"])
                ):
                    print(
                        f"  [{r['layout']}] {r['question']!r} rank={r['rank']} relevance={r['relevance']:.2f}",
                        f"top={r['top'][:80]!r}",
                    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
