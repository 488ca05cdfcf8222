"""Choose retrieval constants on the CMRC **tuning** part only and print the evidence tables.

    python benchmarks/tune_retrieval.py [--workdir DIR --reuse-index] [--per-part 500]

Prints the tables quoted in ``qa/dense.py`` (window weight), ``qa/calibration.py`` (keyword
weight offset over the build-time measurement, relevance coefficients, the "no good passage"
threshold), ``qa/cross_language.py`` (pinyin-name weight, heading share, name precision).
Nothing here reads a report-part question (``benchmarks/cmrc.py``); the report part
is printed only by ``benchmarks/retrieval.py``.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from cmrc import DEFAULT_DATA, cmrc_questions, english_questions, make_split, read_jsonl  # noqa: E402
from retrieval import stem, write_documents  # noqa: E402

import qa.candidates as candidates_module  # noqa: E402  (where dense scores are computed)
import qa.cross_language as cross  # noqa: E402
from qa.build import build_index  # noqa: E402
from qa.calibration import CEILING_OFFSET, RELEVANCE_COEF, relevance_features  # noqa: E402
from qa.evaluate import CUTOFF, Metrics  # noqa: E402
from qa.keyword import query_tokens  # noqa: E402
from qa.pinyin_names import NameMatcher, pinyin_names  # noqa: E402
from qa.search import Searcher  # noqa: E402


def ranks(searcher: Searcher, questions, mode: str) -> dict[str, list]:
    out: dict[str, list] = {}
    for start in range(0, len(questions), 64):
        part = questions[start : start + 64]
        for q, hits in zip(part, searcher.search_many([q.question for q in part], k=CUTOFF, mode=mode), strict=True):
            out.setdefault(q.group, []).append((q, hits))
    return out


def hit1(rows) -> float:
    return Metrics.from_ranks([next((h.rank for h in hits if stem(h.doc_id) in q.gold), None) for q, hits in rows]).hit1


def cross_language_evidence(searcher: Searcher, english) -> None:
    """NAME_WEIGHT / HEADING_SHARE grid and NAME_PRECISION (qa.cross_language), English tuning questions."""
    n = len(english)
    print(f"\nContent-word vector for English questions (qa.cross_language.CONTENT_WEIGHT), n={n}:\n")
    print("    CONTENT_WEIGHT  dense hit@1  hybrid hit@1  hit@5  MRR@10")
    saved_content = cross.CONTENT_WEIGHT
    weights = (0.0, 1.0, 1.5, 2.0, 3.0, 5.0)
    mrr = []
    for weight in weights:
        cross.CONTENT_WEIGHT = weight
        row = {}
        for mode in ("dense", "hybrid"):
            r = ranks(searcher, english, mode)["english"]
            row[mode] = Metrics.from_ranks(
                [next((h.rank for h in hits if stem(h.doc_id) in q.gold), None) for q, hits in r]
            )
        mrr.append(row["hybrid"].mrr10)
        mark = " <- used" if weight == saved_content else ""
        h = row["hybrid"]
        print(
            f"    {weight:.1f}             {row['dense'].hit1:.3f}        {h.hit1:.3f}         "
            f"{h.hit5:.3f}  {h.mrr10:.3f}{mark}"
        )
    padded = np.pad(np.array(mrr), 1, mode="edge")
    smooth = (padded[:-2] + padded[1:-1] + padded[2:]) / 3  # one step either side: 52 questions are noisy
    print(f"    best MRR@10 averaged with its neighbours: {weights[int(np.argmax(smooth))]:.1f}")
    cross.CONTENT_WEIGHT = saved_content

    print(f"\nPinyin-name evidence for English questions (hybrid; qa.cross_language), n={n}:\n")
    print("    NAME_WEIGHT  HEADING_SHARE  hit@1  hit@5  MRR@10")
    saved = (cross.NAME_WEIGHT, cross.HEADING_SHARE)
    grid = [(w, h) for h in (0.0, 0.5) for w in (0.0, 0.3, 0.5, 0.7, 1.0)]
    results = {}
    for weight, heading in grid:
        cross.NAME_WEIGHT, cross.HEADING_SHARE = weight, heading
        r = ranks(searcher, english, "hybrid")["english"]
        m = Metrics.from_ranks([next((h.rank for h in hits if stem(h.doc_id) in q.gold), None) for q, hits in r])
        results[(weight, heading)] = m.hit1
        mark = " <- used" if (weight, heading) == saved else ""
        print(f"    {weight:.1f}          {heading:.1f}            {m.hit1:.3f}  {m.hit5:.3f}  {m.mrr10:.3f}{mark}")
    best = max(results.values())
    print(
        f"    best hit@1 {best:.3f}; smallest weight reaching it per heading share: "
        + ", ".join(
            f"{h:.1f}: {min(w for (w, hh), v in results.items() if hh == h and v >= best - 1e-9):.1f}"
            for h in (0.0, 0.5)
            if any(v >= best - 1e-9 for (w, hh), v in results.items() if hh == h)
        )
    )
    cross.NAME_WEIGHT, cross.HEADING_SHARE = saved
    # NAME_PRECISION: of the top hits that write the question's names in full, the share that is right.
    r = ranks(searcher, english, "hybrid")["english"]
    full = right = 0
    for q, hits in r:
        matcher = NameMatcher(pinyin_names(q.question))
        if not matcher or not hits:
            continue
        if matcher.scores([hits[0].chunk.embed_text or hits[0].chunk.text])[0] >= 1.0:
            full += 1
            right += stem(hits[0].doc_id) in q.gold
    laplace = (right + 1) / (full + 2)  # few questions: the rule-of-succession estimate, not the raw share
    print(
        f"\n    top hits writing the names in full: {full}, right {right}; (right + 1) / (n + 2) = {laplace:.2f}; "
        f"shipped NAME_PRECISION {cross.NAME_PRECISION}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--model", default=None)
    parser.add_argument("--per-part", type=int, default=500)
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--reuse-index", action="store_true")
    args = parser.parse_args(argv)

    corpus = read_jsonl(args.data / "corpus.jsonl")
    split = make_split(corpus)
    questions = [
        q for q in cmrc_questions(args.data, split, args.per_part) + english_questions(split) if q.part == "tuning"
    ]
    tmp = tempfile.TemporaryDirectory(prefix="qa-tune-") if args.workdir is None else None
    work = Path(tmp.name) if tmp else args.workdir
    try:
        docs = work / "docs"
        shutil.rmtree(docs, ignore_errors=True)
        write_documents(split.indexed(corpus), docs)
        slug = (args.model or "default").replace("/", "_").strip("_")[-40:]
        index = work / f"index-{slug}"
        if index.exists() and not args.reuse_index:
            shutil.rmtree(index)
        build_index([docs], index, model=args.model, progress=False)
        searcher = Searcher(index, model=args.model)
        cal = searcher.calibration
        n = {g: sum(q.group == g for q in questions) for g in ("cmrc", "english", "no-answer")}
        print(f"TUNING part only: {n['cmrc']} CMRC, {n['english']} English, {n['no-answer']} no-answer questions.")
        print(f"Model {searcher.index.model_id}; build-time calibration: {cal}")

        print("\nWindow weight (dense mode; qa.dense.WINDOW_WEIGHT), hit@1 cmrc / english:\n")
        saved = candidates_module.WINDOW_WEIGHT
        for weight in (0.3, 0.5, 0.7):
            candidates_module.WINDOW_WEIGHT = weight
            r = ranks(searcher, [q for q in questions if q.group != "no-answer"], "dense")
            h = f"{hit1(r['cmrc']):.3f} / {hit1(r['english']):.3f}"
            print(f"    {weight:.1f} max window + {1 - weight:.1f} window mean   {h}")
        candidates_module.WINDOW_WEIGHT = saved

        print("\nKeyword weight for Chinese questions (hybrid), hit@1 cmrc / english:\n")
        measured = cal.keyword_ceiling - CEILING_OFFSET  # measured and shrunk toward the default
        scored: list[tuple[float, float]] = []
        for offset in (-0.1, 0.0, 0.1, 0.2):
            searcher.options = searcher.options.with_changes(keyword_weight=float(np.clip(measured + offset, 0, 1)))
            r = ranks(searcher, [q for q in questions if q.group != "no-answer"], "hybrid")
            h = (hit1(r["cmrc"]), hit1(r["english"]))
            mark = " <- used" if abs(offset - CEILING_OFFSET) < 1e-9 else ""
            used = f"{measured:.2f} {offset:+.1f} = {searcher.keyword_ceiling:.2f}"
            print(f"    measured {used}   {h[0]:.3f} / {h[1]:.3f}{mark}")
            scored.append((h[0] + h[1] * n["english"] / max(n["cmrc"], 1), offset))
        # Within one CMRC question of the best is a tie (noise); ties go to the smallest correction,
        # so as much of the build-time measurement as possible is kept.
        top = max(score for score, _ in scored)
        chosen = min((o for score, o in scored if score >= top - 1.0 / max(n["cmrc"], 1) - 1e-9), key=abs)
        print(f"    best offset on the tuning part (within one question of the best: the smallest): {chosen:+.1f}")
        searcher.options = searcher.options.with_changes(keyword_weight=float(np.clip(measured + CEILING_OFFSET, 0, 1)))

        cross_language_evidence(searcher, [q for q in questions if q.group == "english"])

        print("\nRelevance of the top hit (hybrid): logistic fit on the tuning part\n")
        r = ranks(searcher, questions, "hybrid")
        x, y = [], []
        for group_rows in r.values():
            for q, hits in group_rows:
                if not hits:
                    continue
                top = hits[0]
                coverage = searcher.finder.coverage(query_tokens(q.question))
                x.append(relevance_features(top.breakdown["keyword"], top.breakdown["dense"], coverage))
                y.append(int(bool(q.gold) and stem(top.doc_id) in q.gold))
        features = np.array(x)
        labels = np.array(y)
        from sklearn.linear_model import LogisticRegression

        fit = LogisticRegression(C=10.0).fit(features, labels)
        coef = (float(fit.intercept_[0]), *map(float, fit.coef_[0]))
        fitted = ", ".join(f"{c:.2f}" for c in coef)
        print(f"    fitted (C0, C_KW, C_DENSE, C_UNCOVERED) = ({fitted}); shipped {RELEVANCE_COEF}")
        prob = fit.predict_proba(features)[:, 1]
        print("\n    | relevance | n | mean | top hit right |")
        print("    |---|---|---|---|")
        for lo, hi in zip((0, 0.2, 0.4, 0.6, 0.8), (0.2, 0.4, 0.6, 0.8, 1.01), strict=True):
            inside = (prob >= lo) & (prob < hi)
            if inside.any():
                cells = f"{inside.sum()} | {prob[inside].mean():.3f} | {labels[inside].mean():.3f}"
                print(f"    | {lo:.1f}-{min(hi, 1):.1f} | {cells} |")
        print("\n    'no good passage' threshold: verdict accuracy (top hit wrong or no answer <-> below):\n")
        for threshold in (0.3, 0.4, 0.5, 0.6, 0.7):
            acc = float(((prob < threshold) == (labels == 0)).mean())
            print(f"    {threshold:.1f}   {acc:.3f}")
    finally:
        if tmp:
            tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
