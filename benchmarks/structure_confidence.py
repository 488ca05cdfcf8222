"""Section confidence: is a paragraph called "confident" right? Held-out families, coverage, reliability.

Run as ``python benchmarks/structure_confidence.py`` (``--pages/--legacy/--clean`` evaluation pages,
``--train`` to refit the shipped calibrator ``qa/structure/section_confidence.json`` and print the
``CONFIDENT_SECTION`` value chosen on tuning data, ``--model logistic|trees`` to pick the kind).

The calibrator maps the solver's per-paragraph evidence (``qa.structure.confidence.evidence``) to
P(section right). It is fitted on *training* pages (seeds ≥ 100,000: ``tests/layout_pages.py``
pages, first-generator pages ``convention=legacy`` and *clean* pages — the same generated articles
laid out in reading order, ``layout=clean``, so that confidence is not learnt only on scrambled
pages). Training features come from the solver run with a line model that did not see the page
(two-fold cross-fitting), as it will be on a user's page.

Splits, as printed:
* **tuning** — training pages, each family's pages scored by a calibrator fitted without that family
  (the same kind of split the figures are reported on); ``CONFIDENT_SECTION`` is the lowest value from
  ``MIN_CONFIDENT`` (0.9) up whose confident share is ≥ 0.98 right there (out-of-fold-by-page figures
  are printed beside them);
* **held-out family** — for each family (one value of one layout dimension) the line model *and*
  the calibrator are refitted without it, its threshold chosen on tuning pages without it, and
  precision/coverage measured on the family's evaluation pages (seeds < 100,000);
* **baseline** — the hand-set levels (``rule_confidence``) at the old 0.97 on the same pages.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from structure import Item, build_items, solve  # noqa: E402
from structure_fit import TRAIN_SEED0, fit, training_pages  # noqa: E402

from qa.loading import load_file  # noqa: E402
from qa.records import Outline  # noqa: E402
from qa.structure import confidence, line_roles, recover_outline  # noqa: E402
from tests.clean_pages import clean_page  # noqa: E402
from tests.clean_pages import families as clean_families  # noqa: E402
from tests.layout_pages import generate, score_page  # noqa: E402
from tests.scrambled_pages import generate_page as generate_legacy  # noqa: E402
from tests.structure_gold import ARTICLE_OF, KEYS, PAGE  # noqa: E402
from tests.structure_gold import I_ as MARKER_KEY  # noqa: E402

TARGET_PRECISION = 0.98
# A paragraph is called confident only when its own P(right) is at least MIN_CONFIDENT (a policy: a hit
# the model gives a one-in-ten chance of naming the wrong section is never shown as certain); above
# that floor the threshold rises until the confident set is >= TARGET_PRECISION right on tuning pages.
MIN_CONFIDENT = 0.9
GRID = [round(MIN_CONFIDENT + 0.01 * i, 2) for i in range(10)] + [0.995, 0.999]
CLEAN_SEED0 = 50_000  # evaluation clean pages; training ones add TRAIN_SEED0
BINS = [0.0, 0.5, 0.7, 0.8, 0.9, 0.95, 0.97, 0.98, 0.99, 1.0001]
OLD_THRESHOLD = 0.97
FOLDS = 2
OUTER_FOLDS = 3


# ---------------------------------------------------------------- pages


def clean_items(n: int, seed0: int = CLEAN_SEED0) -> list[Item]:
    out = []
    for s in range(n):
        page = clean_page(seed0 + s)
        out.append(Item(clean_families(page), page.text, lambda o, page=page: score_page(page, o, o.confidence)))
    return out


def training_items(n: int, legacy: int, clean: int) -> list[Item]:
    """Training pages as scorable items (same seeds as the line model's training pages)."""
    from structure import _legacy_score, _scored

    items = []
    for s in range(n):
        page = generate(TRAIN_SEED0 + s)
        items.append(Item(page.families(), page.text, lambda o, page=page: _scored(page, o)))
    for s in range(legacy):
        page = generate_legacy(TRAIN_SEED0 + s)
        items.append(Item(["convention=legacy"], page.text, _legacy_score(page)))
    return items + clean_items(clean, TRAIN_SEED0 + CLEAN_SEED0)


# ---------------------------------------------------------------- rows


@dataclass
class Row:
    page: int  # item number
    para: int  # paragraph index on the page
    families: list[str]
    features: dict[str, float]
    right: bool


def truth(item: Item, outline: Outline) -> dict[int, bool]:
    """Whether each gold body paragraph's section is right, by the benchmark's own scorer.

    The scorers report (confidence, right) pairs; scoring a copy whose confidence is the
    paragraph index gives the index back without repeating the scoring rule here.
    """
    marked = dataclasses.replace(outline, confidence={p.index: float(p.index) for p in outline.paragraphs})
    return {int(i): ok for i, ok in item.score(marked).conf_pairs}


def page_rows_of(items: list[Item], model, first: int = 0, label: str = "") -> list[Row]:
    """Solve each page with line model ``model`` and keep every scored paragraph's evidence."""
    rows: list[Row] = []
    with line_roles.using(model):
        for n, item in enumerate(items):
            with confidence.recording() as found:
                outline = solve(item.text)
            feats = found[-1] if found else {}
            for i, ok in truth(item, outline).items():
                if i in feats:
                    rows.append(Row(first + n, i, item.families, feats[i], ok))
            if label and (n + 1) % 50 == 0:
                print(f"{label}: {n + 1}/{len(items)} pages", file=sys.stderr)
    return rows


def cross_fitted_rows(items: list[Item], line_pages) -> list[Row]:
    """Training rows, each page solved with a line model fitted on the other fold of pages.

    ``line_pages[k]`` is the line-model training data of ``items[k]``; the clean items after them
    were never line-model training pages.
    """
    rows: list[Row] = []
    for fold in range(FOLDS):
        keep = [pg for k, pg in enumerate(line_pages) if k % FOLDS != fold]
        model = fit(keep)
        part = [(k, it) for k, it in enumerate(items) if k % FOLDS == fold]
        for k, it in part:
            rows.extend(page_rows_of([it], model, first=k))
        print(f"training rows: fold {fold + 1}/{FOLDS} done", file=sys.stderr)
    return rows


# ---------------------------------------------------------------- fitting


def fit_calibrator(features: list[dict[str, float]], labels: list[bool], kind: str) -> confidence.Calibrator:
    """One stage: logistic regression on standardised features, or boosted trees (exported as plain numbers)."""
    import numpy as np

    names = confidence.model_names(features)
    x = np.array([[f.get(k, 0.0) for k in names] for f in features], dtype=float)
    y = np.array([int(v) for v in labels])
    if kind == "logistic":
        from sklearn.linear_model import LogisticRegression

        mean, scale = x.mean(axis=0), x.std(axis=0)
        scale[scale == 0] = 1.0
        clf = LogisticRegression(C=1.0, max_iter=3000).fit((x - mean) / scale, y)
        return confidence.Calibrator(
            names=names,
            kind="logistic",
            mean=tuple(round(float(v), 6) for v in mean),
            scale=tuple(round(float(v), 6) for v in scale),
            coef=tuple(round(float(v), 6) for v in clf.coef_[0]),
            intercept=round(float(clf.intercept_[0]), 6),
        )
    from sklearn.ensemble import GradientBoostingClassifier

    clf = GradientBoostingClassifier(
        n_estimators=100, max_depth=3, learning_rate=0.1, min_samples_leaf=20, subsample=0.8, random_state=0
    ).fit(x, y)
    trees = []
    for est in clf.estimators_[:, 0]:
        t = est.tree_
        trees.append(
            (
                tuple(int(v) if v >= 0 else -1 for v in t.feature),
                tuple(round(float(v), 6) for v in t.threshold),
                tuple(int(v) for v in t.children_left),
                tuple(int(v) for v in t.children_right),
                tuple(round(float(v), 6) for v in t.value[:, 0, 0]),
            )
        )
    raw = clf.decision_function(x[:1])[0]
    tree_sum = sum(est.predict(x[:1])[0] for est in clf.estimators_[:, 0])
    init = float(raw - clf.learning_rate * tree_sum)
    return confidence.Calibrator(
        names=names, kind="trees", intercept=round(init, 6), trees=tuple(trees), rate=clf.learning_rate
    )


def _by_page(rows: list[Row]) -> dict[int, list[Row]]:
    pages: dict[int, list[Row]] = {}
    for r in rows:
        pages.setdefault(r.page, []).append(r)
    return pages


def _folds(rows: list[Row], k: int) -> dict[int, int]:
    """Fold of each page: pages dealt out in turn, so any subset of pages splits evenly."""
    return {page: n % k for n, page in enumerate(sorted({r.page for r in rows}))}


def fit_model(rows: list[Row], kind: str, stages: int = 2) -> confidence.SectionModel:
    """First stage on the evidence; second stage on evidence + first-stage verdicts of the paragraph's run.

    The second stage is trained on *out-of-fold* first-stage verdicts (the first stage never
    judges a page it was fitted on), as it will see them on a user's page.
    """
    first = fit_calibrator([r.features for r in rows], [r.right for r in rows], kind)
    if stages == 1:
        return confidence.SectionModel(first)
    verdict: dict[tuple[int, int], float] = {}
    fold_of = _folds(rows, FOLDS)
    for fold in range(FOLDS):
        train = [r for r in rows if fold_of[r.page] != fold]
        cal = fit_calibrator([r.features for r in train], [r.right for r in train], kind)
        for r in rows:
            if fold_of[r.page] == fold:
                verdict[(r.page, r.para)] = cal.probability(r.features)
    stacked: list[dict[str, float]] = []
    labels: list[bool] = []
    for page, prow in _by_page(rows).items():
        feats = {r.para: r.features for r in prow}
        second = confidence.second_stage_features(feats, {r.para: verdict[(page, r.para)] for r in prow})
        stacked.extend(second[r.para] for r in prow)
        labels.extend(r.right for r in prow)
    return confidence.SectionModel(first, fit_calibrator(stacked, labels, kind))


def predict(model: confidence.SectionModel, rows: list[Row]) -> list[tuple[float, bool]]:
    out: list[tuple[float, bool]] = []
    for prow in _by_page(rows).values():
        got = model.predict({r.para: r.features for r in prow})
        out.extend((got[r.para], r.right) for r in prow)
    return out


def out_of_fold(rows: list[Row], kind: str, stages: int, exclude: str | None = None) -> list[tuple[float, bool]]:
    """Tuning predictions: each training page scored by a model fitted on the other folds' pages."""
    rows = [r for r in rows if exclude is None or exclude not in r.families]
    pairs: list[tuple[float, bool]] = []
    fold_of = _folds(rows, OUTER_FOLDS)
    for fold in range(OUTER_FOLDS):
        train = [r for r in rows if fold_of[r.page] != fold]
        test = [r for r in rows if fold_of[r.page] == fold]
        pairs.extend(predict(fit_model(train, kind, stages), test))
    return pairs


def family_out_of_fold(rows: list[Row], kind: str, stages: int) -> list[tuple[str, float, bool]]:
    """Tuning predictions for the threshold: each training family's pages scored by a model fitted without
    that family (a paragraph counts once per family it belongs to).

    The threshold is reported on held-out families, so it is chosen on the same kind of split: on
    predictions for families the model did not see, which are less sure than out-of-fold pages.
    """
    families = sorted({f for r in rows for f in r.families})
    out: list[tuple[str, float, bool]] = []
    for n, fam in enumerate(families, 1):
        model = fit_model([r for r in rows if fam not in r.families], kind, stages)
        out.extend((fam, c, ok) for c, ok in predict(model, [r for r in rows if fam in r.families]))
        if n % 10 == 0:
            print(f"tuning families: {n}/{len(families)}", file=sys.stderr)
    return out


def tuning_pairs(fam_oof: list[tuple[str, float, bool]], exclude: str | None = None) -> list[tuple[float, bool]]:
    """Family-held-out tuning predictions, leaving out family ``exclude`` (the one being reported)."""
    return [(c, ok) for fam, c, ok in fam_oof if fam != exclude]


def threshold_for(pairs: list[tuple[float, bool]]) -> float:
    """Lowest grid threshold (from MIN_CONFIDENT up) whose confident share is at least TARGET_PRECISION right."""
    for t in GRID:
        chosen = [ok for c, ok in pairs if c >= t]
        if chosen and sum(chosen) / len(chosen) >= TARGET_PRECISION:
            return t
    return 1.01


def precision_at(pairs: list[tuple[float, bool]], t: float) -> tuple[float, float, int]:
    chosen = [ok for c, ok in pairs if c >= t]
    prec = sum(chosen) / len(chosen) if chosen else float("nan")
    return prec, (len(chosen) / len(pairs) if pairs else 0.0), len(chosen)


def _f(x: float) -> str:
    return "  n/a" if x != x else f"{x:.3f}"


def reliability(pairs: list[tuple[float, bool]]) -> None:
    head = f"{'confidence bin':<16} {'n':>6} {'mean conf':>10} {'right':>7}"
    print(head)
    print("-" * len(head))
    for lo, hi in zip(BINS, BINS[1:], strict=False):
        got = [(c, ok) for c, ok in pairs if lo <= c < hi]
        if not got:
            continue
        mean = sum(c for c, _ in got) / len(got)
        acc = sum(ok for _, ok in got) / len(got)
        print(f"[{lo:.2f}, {min(hi, 1.0):.2f}{']' if hi > 1 else ')'}{'':<3} {len(got):>6} {mean:>10.3f} {acc:>7.3f}")


def bundled_check(threshold: float) -> str:
    """The bundled page with the shipped calibrator: its right paragraphs should stay confident.

    The '（上接1版）' block continues an article printed on another page, so its section names only
    the marker: it is counted apart (flagged on purpose).
    """
    doc = load_file(PAGE)
    outline = recover_outline(doc)
    owner = {outline.paragraphs[i].line_start: (s.path, i) for s in outline.sections for i in s.paragraphs}
    counts = {"named": [0, 0, 0], "marker": [0, 0, 0]}  # right, right and confident, wrong and confident
    wrong = 0
    for line, key in ARTICLE_OF.items():
        path, i = owner.get(line, ((), None))
        named = [el for el in path if el in KEYS]
        ok = bool(named) and named[-1] == key
        conf = i is not None and outline.confidence.get(i, 1.0) >= threshold
        c = counts["marker" if key == MARKER_KEY else "named"]
        c[0] += ok
        c[1] += ok and conf
        c[2] += (not ok) and conf
        wrong += not ok
    n, m = counts["named"], counts["marker"]
    return (
        f"bundled page (shipped weights, threshold {threshold:.2f}): {n[0] + m[0]}/{len(ARTICLE_OF)} paragraphs right; "
        f"confident: {n[1]}/{n[0]} of the right ones in headlined articles, {m[1]}/{m[0]} of the "
        f"'{MARKER_KEY}' block (its head is on another page); {n[2] + m[2]}/{wrong} wrong ones confident"
    )


# ---------------------------------------------------------------- main


def _load_cache(path: Path | None) -> dict:
    if path is None or not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))

    def rows(raw: list) -> list[Row]:
        return [Row(*r) for r in raw]

    out: dict = {k: rows(v) for k, v in data.items() if k != "held"}
    out["held"] = {fam: rows(v) for fam, v in data.get("held", {}).items()}
    return out


def _save_cache(path: Path | None, cache: dict) -> None:
    if path is None:
        return

    def raw(rows: list[Row]) -> list:
        return [[r.page, r.para, r.families, r.features, r.right] for r in rows]

    data = {k: raw(v) for k, v in cache.items() if k != "held"}
    data["held"] = {fam: raw(v) for fam, v in cache.get("held", {}).items()}
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data), encoding="utf-8")
    tmp.replace(path)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=int, default=60, help="evaluation pages (independent-dimension generator)")
    ap.add_argument("--legacy", type=int, default=24, help="evaluation pages of the first generator")
    ap.add_argument("--clean", type=int, default=24, help="evaluation pages laid out in reading order")
    ap.add_argument("--train-pages", type=int, default=200)
    ap.add_argument("--train-legacy", type=int, default=120)
    ap.add_argument("--train-clean", type=int, default=60)
    ap.add_argument("--model", choices=["logistic", "trees"], default="logistic")
    ap.add_argument("--stages", type=int, choices=[1, 2], default=2, help="2: second stage reads the run's verdicts")
    ap.add_argument("--train", action="store_true", help="refit the shipped calibrator on all training pages and exit")
    ap.add_argument("--no-lofo", action="store_true", help="skip the leave-one-family-out part")
    ap.add_argument(
        "--rows-cache",
        type=Path,
        help="JSON file keeping the solved pages' evidence between runs (delete it when the solver changes)",
    )
    args = ap.parse_args()
    started = time.perf_counter()
    random.seed(0)
    cache = _load_cache(args.rows_cache)
    print(f"line model folds on {args.train_pages}+{args.train_legacy} training pages…", file=sys.stderr)
    line_pages = training_pages(args.train_pages, args.train_legacy)
    n_train = args.train_pages + args.train_legacy + args.train_clean
    if "train" not in cache:
        train_items = training_items(args.train_pages, args.train_legacy, args.train_clean)
        cache["train"] = cross_fitted_rows(train_items, line_pages)
        _save_cache(args.rows_cache, cache)
    rows = cache["train"]
    print("tuning predictions (pages out-of-fold, families held out)…", file=sys.stderr)
    tuning = out_of_fold(rows, args.model, args.stages)
    fam_oof = family_out_of_fold(rows, args.model, args.stages)
    shipped_t = threshold_for(tuning_pairs(fam_oof))
    model_all = fit_model(rows, args.model, args.stages)
    if args.train:
        confidence.WEIGHTS.write_text(json.dumps(model_all.to_json()) + "\n", encoding="utf-8")
        p, cov, _ = precision_at(tuning_pairs(fam_oof), shipped_t)
        print(
            f"wrote {confidence.WEIGHTS} ({args.model}, {args.stages} stage(s), {len(model_all.first.names)} features, "
            f"{len(rows)} training paragraphs)"
        )
        print(f"CONFIDENT_SECTION = {shipped_t} (tuning, families held out: precision {p:.3f}, coverage {cov:.3f});")
        print("set it in qa/records.py if it changed.")
        return
    items = build_items(args.pages, args.legacy) + clean_items(args.clean)
    families = sorted({f for it in items for f in it.families})
    if "eval" not in cache:
        print(f"solving {len(items)} evaluation pages (in-distribution)…", file=sys.stderr)
        cache["eval"] = page_rows_of(items, fit(line_pages), label="in-distribution")
        _save_cache(args.rows_cache, cache)
    eval_rows = cache["eval"]
    in_dist = predict(model_all, eval_rows)
    held: dict[str, tuple[float, list, list, list]] = {}
    cache.setdefault("held", {})
    if not args.no_lofo:
        for n, fam in enumerate(families, 1):
            print(f"held-out family {n}/{len(families)}: {fam}", file=sys.stderr)
            if fam not in cache["held"]:
                fam_items = [it for it in items if fam in it.families]
                cache["held"][fam] = page_rows_of(fam_items, fit(line_pages, exclude=fam))
                _save_cache(args.rows_cache, cache)
            fam_rows = cache["held"][fam]
            cal = fit_model([r for r in rows if fam not in r.families], args.model, args.stages)
            tun = tuning_pairs(fam_oof, exclude=fam)
            rule = [(r.features["rule"], r.right) for r in fam_rows]
            held[fam] = (threshold_for(tun), tun, predict(cal, fam_rows), rule)
    report(args, rows, tuning, tuning_pairs(fam_oof), shipped_t, in_dist, eval_rows, held)
    print(
        f"\n{len(items)} evaluation pages, {n_train} training pages ({len(rows)} paragraphs), "
        f"{args.model} calibrator, {time.perf_counter() - started:.0f} s"
    )


def report(args, rows, tuning, fam_tuning, shipped_t, in_dist, eval_rows, held) -> None:
    from qa.records import CONFIDENT_SECTION

    print("Section confidence: precision = share right among paragraphs called confident (confidence ≥ threshold);")
    print("coverage = share of body paragraphs called confident. 'tuning' = training pages, each family scored by a")
    print("calibrator fitted without it (thresholds are chosen there); 'held-out' = line model and calibrator refitted")
    print("without the family, threshold chosen on tuning pages of the other families, scored on the family's")
    print("evaluation pages (never used for fitting or choosing); 'rule@0.97' = the old")
    print("hand-set levels at the old threshold on the same held-out pages (baseline).\n")
    head = (
        f"{'held-out family':<26} {'thr':>5} {'tuning P':>8} {'held-out P':>10} {'coverage':>8} {'n':>6}"
        f" {'wrong':>5} {'rule@0.97 P':>11} {'rule cov':>8}"
    )
    print(head)
    print("-" * len(head))
    pooled_pred: list = []
    pooled_rule: list = []
    pooled_at_t: list = []
    fam_met = 0
    for fam, (t, tun, pairs, rule) in held.items():
        tp, _, _ = precision_at(tun, t)
        hp, cov, n_conf = precision_at(pairs, t)
        rp, rcov, _ = precision_at(rule, OLD_THRESHOLD)
        wrong = sum(1 for c, ok in pairs if c >= t and not ok)
        fam_met += hp >= TARGET_PRECISION
        pooled_pred.extend(pairs)
        pooled_rule.extend(rule)
        pooled_at_t.extend((1.0 if c >= t else 0.0, ok) for c, ok in pairs)
        print(
            f"{fam:<26} {t:>5.2f} {_f(tp):>8} {_f(hp):>10} {cov:>8.3f} {len(pairs):>6} {wrong:>5}"
            f" {_f(rp):>11} {rcov:>8.3f}"
        )
    print("-" * len(head))
    if held:
        hp, cov, _ = precision_at(pooled_at_t, 0.5)
        rp, rcov, _ = precision_at(pooled_rule, OLD_THRESHOLD)
        print(
            f"{'pooled held-out (own thr)':<26} {'':>5} {'':>8} {_f(hp):>10} {cov:>8.3f} {len(pooled_at_t):>6} {'':>5}"
            f" {_f(rp):>11} {rcov:>8.3f}"
        )
        hp, cov, _ = precision_at(pooled_pred, shipped_t)
        print(f"{'pooled @ shipped thr':<26} {shipped_t:>5.2f} {'':>8} {_f(hp):>10} {cov:>8.3f} {len(pooled_pred):>6}")
        print(f"families meeting ≥ {TARGET_PRECISION} held-out: {fam_met}/{len(held)}")
        print("\nHeld-out precision / coverage at other thresholds (for reading only; nothing is chosen here):")
        print(
            "  "
            + "  ".join(
                f"{t:.2f}: {_f(precision_at(pooled_pred, t)[0])}/{precision_at(pooled_pred, t)[1]:.3f}"
                for t in (0.9, 0.93, 0.95, 0.97, 0.98, 0.99)
            )
        )
    fp, fcov, _ = precision_at(fam_tuning, shipped_t)
    tp, tcov, _ = precision_at(tuning, shipped_t)
    ip, icov, _ = precision_at(in_dist, shipped_t)
    print(
        f"\nshipped threshold (chosen on all tuning pages): {shipped_t:.2f}; qa.records.CONFIDENT_SECTION = "
        f"{CONFIDENT_SECTION}"
    )
    print(
        f"  tuning pages, families held out (where it is chosen): precision {_f(fp)}, coverage {fcov:.3f}, "
        f"n = {len(fam_tuning)}"
    )
    print(f"  tuning pages (out-of-fold by page): precision {_f(tp)}, coverage {tcov:.3f}, n = {len(tuning)}")
    print(
        f"  evaluation pages, in-distribution calibrator: precision {_f(ip)}, coverage {icov:.3f}, n = {len(in_dist)}"
    )
    rule_eval = [(r.features["rule"], r.right) for r in eval_rows]
    rp, rcov, _ = precision_at(rule_eval, OLD_THRESHOLD)
    print(f"  evaluation pages, hand-set rule at {OLD_THRESHOLD}: precision {_f(rp)}, coverage {rcov:.3f}")
    if held:
        print("\nReliability, held-out predictions pooled over families (n counts a paragraph once per family):")
        reliability(pooled_pred)
    print("\nReliability, tuning pages, families held out:")
    reliability(fam_tuning)
    print("\nReliability, tuning pages (out-of-fold by page):")
    reliability(tuning)
    print()
    print(bundled_check(CONFIDENT_SECTION))


if __name__ == "__main__":
    from threadpoolctl import threadpool_limits

    with threadpool_limits(1):  # many small fits: BLAS threads only fight on a shared 2-core machine
        main()
