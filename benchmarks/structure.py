"""Structure recovery: in-distribution and leave-one-family-out, against the old solver, in one run.

Run as ``python benchmarks/structure.py`` (``--pages N`` evaluation pages, ``--sizes 1,5,50`` for
the cost part, ``--train`` to refit the shipped line-role weights ``qa/structure/line_roles.json``).

Pages come from ``tests/layout_pages.py`` (independent layout dimensions, text from CMRC and the
People's Daily 1998 corpus) plus the first generator's convention (``convention=legacy``). A
*family* is one value of one dimension. The fitted part of the solver measured here is the line-role
model; for each family it is refitted on training pages *without* that family and scored on
evaluation pages *with* it (held-out rows). In-distribution rows use the model fitted on all
families (tuning rows). The old solver (the branch point of this work, read from git) runs on the
same pages as the baseline. The section-confidence calibrator and its threshold have their own
benchmark, ``benchmarks/structure_confidence.py``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from structure_fit import LEGACY, fit, training_pages  # noqa: E402

from qa.loading import load_file  # noqa: E402
from qa.records import Outline, Paragraph, Section  # noqa: E402
from qa.structure import line_roles, recover_outline  # noqa: E402
from tests.layout_pages import PageScore, generate, score_page  # noqa: E402
from tests.scrambled_pages import generate_page as generate_legacy  # noqa: E402
from tests.scrambled_pages import page_gold, score_outline  # noqa: E402
from tests.structure_gold import ARTICLE_OF, KEYS, ORDERS, PAGE  # noqa: E402

BASE_REF = "260aaf3"  # branch point: the solver on main before this work


@dataclass
class Item:
    """One evaluation page: how to score an outline of it, and its families."""

    families: list[str]
    text: str
    scorer: object

    def score(self, outline: Outline) -> PageScore:
        return self.scorer(outline)


def _legacy_score(page):
    gold, orders = page_gold(page)
    # moved: paragraphs printed away from the one they follow in reading order
    moved = {b for order in orders for (a, _), (b, _) in zip(order, order[1:], strict=False) if b - a > 3}

    def scorer(outline: Outline) -> PageScore:
        s = score_outline(outline, gold, page.keys, orders)
        out = PageScore(body=s.total, body_ok=s.correct)
        owner = {outline.paragraphs[i].line_start: sec.path for sec in outline.sections for i in sec.paragraphs}
        for line in moved & set(gold):
            if line in owner:
                named = [el for el in owner[line] if el in page.keys]
                out.cont += 1
                out.cont_ok += bool(named) and named[-1] == gold[line]
        conf = outline.confidence
        for p in outline.paragraphs:
            if p.line_start in gold:
                named = [el for el in owner.get(p.line_start, ()) if el in page.keys]
                out.conf_pairs.append((conf.get(p.index, 1.0), bool(named) and named[-1] == gold[p.line_start]))
        return out

    return scorer


def build_items(n_pages: int, n_legacy: int) -> list[Item]:
    items = []
    for seed in range(n_pages):
        page = generate(seed)
        items.append(Item(page.families(), page.text, lambda o, page=page: _scored(page, o)))
    for seed in range(n_legacy):
        page = generate_legacy(seed)
        items.append(Item([LEGACY], page.text, _legacy_score(page)))
    return items


def _scored(page, outline: Outline) -> PageScore:
    return score_page(page, outline, outline.confidence)


TOPIC: list = [None]  # the TopicSource the structure stage gets: None = the shared default; --no-topic = off


def solve(text: str) -> Outline:
    from qa.records import Document

    return recover_outline(Document("page.txt", Path("page.txt"), text, "", "utf-8"), topic=TOPIC[0])


# ---------------------------------------------------------------- the old solver, from git


_OLD_RUNNER = """
import json, sys
from pathlib import Path
from qa.records import Document
from qa.structure import recover_outline
out = []
for text in json.load(sys.stdin):
    o = recover_outline(Document("page.txt", Path("page.txt"), text, "", "utf-8"))
    out.append({"paragraphs": [[p.index, p.text, p.line_start, p.line_end] for p in o.paragraphs],
                "sections": [[list(s.path), s.paragraphs, s.joins] for s in o.sections],
                "roles": {str(k): v for k, v in o.roles.items()}})
json.dump(out, sys.stdout)
"""


def old_outlines(texts: list[str]) -> list[Outline]:
    """Outlines from the solver at ``BASE_REF`` (exported with git archive, run in a subprocess)."""
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", BASE_REF, "qa"], capture_output=True, check=True)
        subprocess.run(["tar", "-x", "-C", tmp], input=archive.stdout, check=True)
        done = subprocess.run(
            [sys.executable, "-c", _OLD_RUNNER],
            input=json.dumps(texts),
            capture_output=True,
            text=True,
            cwd=tmp,
            env={"PYTHONPATH": tmp, "PATH": "/usr/bin:/bin"},
            check=True,
        )
    outlines = []
    for row in json.loads(done.stdout):
        paras = [Paragraph(i, t, a, b, 0, 0) for i, t, a, b in row["paragraphs"]]
        sections = [Section(tuple(p), s, j) for p, s, j in row["sections"]]
        outlines.append(Outline("page.txt", paras, sections, {int(k): v for k, v in row["roles"].items()}))
    return outlines


# ---------------------------------------------------------------- tables


def _f(x: float) -> str:
    return "  n/a" if x != x else f"{x:.3f}"


def _row(label: str, split: str, s: PageScore, extra: str = "") -> str:
    return (
        f"{label:<26} {split:<9} {_f(s.para):>7} {_f(s.continuation):>7} {_f(s.head_recall):>7}"
        f" {_f(s.head_precision):>7} {s.body:>6} {s.cont:>5}{extra}"
    )


HEADER = f"{'family / pages':<26} {'split':<9} {'para':>7} {'cont':>7} {'head R':>7} {'head P':>7} {'n':>6} {'n_c':>5}"


PRIOR_GRID = (0.0, 1.0, 1.5, 2.0, 4.0, 8.0, float("inf"))
ORDER_FAMILIES = ("order=in_order", "order=shuffled", "order=reversed", LEGACY)
TUNE_SEED0 = 200_000  # tuning pages for the stitching constants: neither evaluation (0..N) nor training seeds


def tuning_items(n_pages: int, n_legacy: int) -> list[Item]:
    """Pages for choosing the solver's constants, drawn from seeds the evaluation never uses."""
    items = []
    for seed in range(TUNE_SEED0, TUNE_SEED0 + n_pages):
        page = generate(seed)
        items.append(Item(page.families(), page.text, lambda o, page=page: _scored(page, o)))
    for seed in range(TUNE_SEED0, TUNE_SEED0 + n_legacy):
        page = generate_legacy(seed)
        items.append(Item([LEGACY], page.text, _legacy_score(page)))
    return items


def _by_prior(items: list[Item], model: line_roles.LineModel) -> dict[float, list[PageScore]]:
    from qa.structure import stitching

    keep = stitching.ORDER_PRIOR
    out: dict[float, list[PageScore]] = {}
    try:
        for value in PRIOR_GRID:
            stitching.ORDER_PRIOR = value
            with line_roles.using(model):
                out[value] = [it.score(solve(it.text)) for it in items]
    finally:
        stitching.ORDER_PRIOR = keep
    return out


def _pool(items: list[Item], scores: list[PageScore], keep) -> PageScore:
    total = PageScore()
    for it, s in zip(items, scores, strict=True):
        if keep(it.families):
            total.add(s)
    return total


def _best_prior(items: list[Item], by_prior: dict[float, list[PageScore]], keep, allowed: list[float]) -> float:
    """The allowed value with most body paragraphs right on the kept pages (ties: the smaller prior).

    Allowed values keep the bundled page (a real page, part of the tuning set) fully right.
    """
    return max(allowed, key=lambda v: (_pool(items, by_prior[v], keep).body_ok, -v))


def sweep_order_prior(evaluation: list[Item], tuning: list[Item], model: line_roles.LineModel) -> None:
    """Evidence for ORDER_PRIOR, tuned on one part and reported on another.

    Every grid value is run on the tuning pages (seeds ``TUNE_SEED0``…) and on the evaluation
    pages. For each continuation-order family the value is *chosen* on tuning pages WITHOUT that
    family and *reported* on the family's evaluation pages; the last line chooses on all tuning
    pages (the value a release ships). The bundled page is a real page and must stay right, so
    only values that keep it right are candidates.
    """
    from qa.structure import stitching

    print(f"tuning the continuation-order prior on {len(tuning)} tuning pages…", file=sys.stderr)
    tune = _by_prior(tuning, model)
    print(f"…and scoring every value on {len(evaluation)} evaluation pages", file=sys.stderr)
    report = _by_prior(evaluation, model)
    keep = stitching.ORDER_PRIOR
    bundled: dict[float, float] = {}
    try:
        for value in PRIOR_GRID:
            stitching.ORDER_PRIOR = value
            bundled[value] = score_outline(recover_outline(load_file(PAGE)), ARTICLE_OF, KEYS, ORDERS).accuracy
    finally:
        stitching.ORDER_PRIOR = keep
    print("ORDER_PRIOR (gain a reordering of the continuations needs over the printed order), para / cont:")
    columns = ("tuning pages (all)", "evaluation (all)", *ORDER_FAMILIES)
    head = f"{'value':>6} " + " ".join(f"{c:>20}" for c in columns)
    print(head + "  bundled page")
    print("-" * (len(head) + 14))
    for value in PRIOR_GRID:
        t = _pool(tuning, tune[value], lambda fams: True)
        e = _pool(evaluation, report[value], lambda fams: True)
        fam_cells = [_pool(evaluation, report[value], lambda fams, f=f: f in fams) for f in ORDER_FAMILIES]
        cells = [f"{_f(x.para)} / {_f(x.continuation)}" for x in (t, e, *fam_cells)]
        print(f"{value:>6} " + " ".join(f"{c:>20}" for c in cells) + f"  {bundled[value]:.3f}")
    allowed = [v for v in PRIOR_GRID if bundled[v] == 1.0] or list(PRIOR_GRID)
    print("\nHeld out: the value chosen on tuning pages without the family (among values keeping the bundled")
    print("page right), reported on the family's evaluation pages; 'shipped' = the value in stitching.py.")
    head = f"{'held-out family':<22} {'chosen':>7} {'para':>7} {'cont':>7} {'n':>6} {'shipped para':>13} {'cont':>7}"
    print(head)
    print("-" * len(head))
    for fam in ORDER_FAMILIES:
        chosen = _best_prior(tuning, tune, lambda fams, f=fam: f not in fams, allowed)
        got = _pool(evaluation, report[chosen], lambda fams, f=fam: f in fams)
        shipped = _pool(evaluation, report[keep], lambda fams, f=fam: f in fams)
        print(
            f"{fam:<22} {chosen:>7} {_f(got.para):>7} {_f(got.continuation):>7} {got.body:>6}"
            f" {_f(shipped.para):>13} {_f(shipped.continuation):>7}"
        )
    best = _best_prior(tuning, tune, lambda fams: True, allowed)
    print(f"\nchosen on all tuning pages: {best} (shipped: stitching.ORDER_PRIOR = {keep})")


TOPIC_GRID = (
    (0.0, 0.0),
    (1.0, 0.0),
    (3.0, 0.0),
    (0.0, 1.0),
    (0.0, 2.0),
    (1.0, 1.0),
    (1.0, 2.0),
    (3.0, 2.0),
    (3.0, 4.0),
)  # (jumps, stitching)


def sweep_topic_weight(evaluation: list[Item], tuning: list[Item], model: line_roles.LineModel) -> None:
    """Evidence for the topic weights (sentence-encoder topic evidence): tuned on one part, reported on another.

    Two weights: ``jumps.TOPIC_WEIGHT`` (pairing 下转 heads with 上接 blocks / jump heads) and
    ``evidence.TOPIC_WEIGHT`` (stitching headless fragments). Every grid pair runs on the tuning
    pages (seeds ``TUNE_SEED0``…) and on the evaluation pages; the pair is chosen on tuning pages
    only (most body paragraphs right; ties: the smaller weights), among pairs that keep the
    bundled page right, and its evaluation row is the report.
    """
    from qa.structure import evidence, jumps

    keep = jumps.TOPIC_WEIGHT, evidence.TOPIC_WEIGHT
    rows = []
    try:
        for jw, sw in TOPIC_GRID:
            jumps.TOPIC_WEIGHT, evidence.TOPIC_WEIGHT = jw, sw
            print(f"topic weights jumps {jw} / stitching {sw}…", file=sys.stderr)
            with line_roles.using(model):
                t, e = PageScore(), PageScore()
                for it in tuning:
                    t.add(it.score(solve(it.text)))
                for it in evaluation:
                    e.add(it.score(solve(it.text)))
            doc = load_file(PAGE)
            bundled = score_outline(recover_outline(doc, topic=TOPIC[0]), ARTICLE_OF, KEYS, ORDERS).accuracy
            rows.append(((jw, sw), t, e, bundled))
    finally:
        jumps.TOPIC_WEIGHT, evidence.TOPIC_WEIGHT = keep
    print(f"Topic weights (jumps / stitching), {len(tuning)} tuning pages (seeds {TUNE_SEED0}…) and")
    print(f"{len(evaluation)} evaluation pages; line model fitted on all training families:")
    head = (
        f"{'jumps':>6} {'stitch':>6} {'tuning para':>12} {'cont':>7} {'n':>5} {'n_c':>4}"
        f" {'eval para':>10} {'cont':>7} {'n':>5} {'n_c':>4} {'bundled':>8}"
    )
    print(head)
    print("-" * len(head))
    for (jw, sw), t, e, b in rows:
        print(
            f"{jw:>6} {sw:>6} {_f(t.para):>12} {_f(t.continuation):>7} {t.body:>5} {t.cont:>4}"
            f" {_f(e.para):>10} {_f(e.continuation):>7} {e.body:>5} {e.cont:>4} {b:>8.3f}"
        )
    allowed = [r for r in rows if r[3] == 1.0] or rows
    best = max(allowed, key=lambda r: (r[1].body_ok, -sum(r[0])))
    print(f"\nchosen on tuning pages: jumps {best[0][0]} / stitching {best[0][1]} (shipped: {keep[0]} / {keep[1]})")


BLOCK_GRID = (None, 28, 36, 48, 64)  # None: the title-block rule off; else layout.MAX_BLOCK_LINE


def _held_out_by_block(items: list[Item], train) -> dict[object, PageScore]:
    """Pooled leave-one-family-out scores of ``items`` for every ``BLOCK_GRID`` value.

    A page is solved again only when the value changes what ``layout.classify`` says of its lines.
    """
    from qa.paragraphs import split_paragraphs
    from qa.records import Document
    from qa.structure import layout
    from qa.structure.script import is_traditional, simplified

    keep = layout.BLOCK_RULE[0], layout.MAX_BLOCK_LINE
    out = {v: PageScore() for v in BLOCK_GRID}
    families = sorted({f for it in items for f in it.families})
    try:
        for n, fam in enumerate(families, 1):
            print(f"  held-out family {n}/{len(families)}: {fam}", file=sys.stderr)
            with line_roles.using(fit(train, exclude=fam)):
                for it in items:
                    if fam not in it.families:
                        continue
                    paras = split_paragraphs(Document("page.txt", Path("page.txt"), it.text, "", "utf-8"))
                    work = simplified(paras) if is_traditional(paras) else paras
                    solved: dict[tuple[str, ...], PageScore] = {}
                    for value in BLOCK_GRID:
                        layout.BLOCK_RULE[0] = value is not None
                        layout.MAX_BLOCK_LINE = value or keep[1]
                        kinds = tuple(layout.classify(work))
                        if kinds not in solved:
                            solved[kinds] = it.score(solve(it.text))
                        out[value].add(solved[kinds])
    finally:
        layout.BLOCK_RULE[0], layout.MAX_BLOCK_LINE = keep
    return out


def sweep_title_blocks(evaluation: list[Item], tuning: list[Item], train) -> None:
    """Evidence for the title-block rule (``layout._title_blocks``) and its width cap ``MAX_BLOCK_LINE``.

    Every value runs leave-one-family-out (line model refitted without the family, scored on the
    family's pages, pooled) on the tuning pages (seeds ``TUNE_SEED0``…), where the value is chosen
    (most body paragraphs right; ties: the value the layout already uses for a title line's width),
    and on the evaluation pages, where it is reported.
    """
    from qa.structure import layout

    print(f"title-block rule: {len(tuning)} tuning pages, held-out families…", file=sys.stderr)
    tune = _held_out_by_block(tuning, train)
    print(f"…and {len(evaluation)} evaluation pages", file=sys.stderr)
    report = _held_out_by_block(evaluation, train)
    print("Title-block rule (a line ending no sentence between title lines is a title), pooled held-out families:")
    head = (
        f"{'MAX_BLOCK_LINE':>14} {'tuning para':>12} {'cont':>7} {'head R':>7} {'head P':>7}"
        f" {'eval para':>10} {'cont':>7} {'head R':>7} {'head P':>7}"
    )
    print(head)
    print("-" * len(head))
    for value in BLOCK_GRID:
        t, e = tune[value], report[value]
        label = "rule off" if value is None else str(value)
        print(
            f"{label:>14} {_f(t.para):>12} {_f(t.continuation):>7} {_f(t.head_recall):>7} {_f(t.head_precision):>7}"
            f" {_f(e.para):>10} {_f(e.continuation):>7} {_f(e.head_recall):>7} {_f(e.head_precision):>7}"
        )
    shipped = layout.MAX_BLOCK_LINE if layout.BLOCK_RULE[0] else None
    best = max(BLOCK_GRID, key=lambda v: (tune[v].body_ok, v == shipped))
    print(f"\nchosen on tuning pages: {best} (shipped: layout.MAX_BLOCK_LINE = {shipped}); n = body paragraphs pooled")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=int, default=90, help="evaluation pages (independent-dimension generator)")
    ap.add_argument("--legacy", type=int, default=30, help="evaluation pages of the first generator")
    ap.add_argument("--train-pages", type=int, default=200)
    ap.add_argument("--train-legacy", type=int, default=120)
    ap.add_argument("--train", action="store_true", help="refit the shipped weights on all families and exit")
    ap.add_argument("--no-lofo", action="store_true")
    ap.add_argument("--sizes", default="", help="MB sizes for the cost part, e.g. 1,5,50")
    ap.add_argument("--sweep", action="store_true", help="ORDER_PRIOR chosen on tuning pages, reported on evaluation")
    ap.add_argument("--tune-pages", type=int, default=60, help="tuning pages for the stitching constants (--sweep)")
    ap.add_argument("--tune-legacy", type=int, default=24)
    ap.add_argument("--sweep-topic", action="store_true", help="TOPIC_WEIGHT: tuned, then reported")
    ap.add_argument("--no-topic", action="store_true", help="structure stage without the sentence encoder")
    ap.add_argument("--sweep-block", action="store_true", help="title-block width cap: tuned, then reported (held out)")
    ap.add_argument(
        "--no-title-over", action="store_true", help="without layout._titles_over_blocks (the rule's comparison)"
    )
    args = ap.parse_args()
    started = time.perf_counter()
    if args.sizes:
        from structure_sizes import run_sizes

        run_sizes([float(x) for x in args.sizes.split(",")])
        return
    print(f"fitting on {args.train_pages}+{args.train_legacy} training pages…", file=sys.stderr)
    train = training_pages(args.train_pages, args.train_legacy)
    full = fit(train)
    if args.train:
        line_roles.WEIGHTS.write_text(json.dumps(full.to_json(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {line_roles.WEIGHTS} ({len(full.names)} features)")
        return
    if args.no_title_over:
        from qa.structure import layout

        layout.TITLE_OVER_RULE[0] = False
    if args.no_topic:
        from qa.structure.topic import OFF

        TOPIC[0] = OFF
    items = build_items(args.pages, args.legacy)
    if args.sweep_topic:
        sweep_topic_weight(items, tuning_items(args.tune_pages, args.tune_legacy), full)
        return
    if args.sweep_block:
        sweep_title_blocks(items, tuning_items(args.tune_pages, args.tune_legacy), train)
        return
    if args.sweep:
        sweep_order_prior(items, tuning_items(args.tune_pages, args.tune_legacy), full)
        return
    families = sorted({f for it in items for f in it.families})
    print(f"solving {len(items)} pages (in-distribution)…", file=sys.stderr)
    with line_roles.using(full):
        tuned = [it.score(solve(it.text)) for it in items]
    print("old solver on the same pages…", file=sys.stderr)
    old = [it.score(o) for it, o in zip(items, old_outlines([it.text for it in items]), strict=True)]

    def pooled(scores: list[PageScore], fam: str | None) -> PageScore:
        total = PageScore()
        for it, s in zip(items, scores, strict=True):
            if fam is None or fam in it.families:
                total.add(s)
        return total

    held: dict[str, PageScore] = {}
    if not args.no_lofo:
        for n, fam in enumerate(families, 1):
            print(f"held-out family {n}/{len(families)}: {fam}", file=sys.stderr)
            model = fit(train, exclude=fam)
            total = PageScore()
            with line_roles.using(model):
                for it in items:
                    if fam in it.families:
                        total.add(it.score(solve(it.text)))
            held[fam] = total

    print("Structure recovery: para = body paragraph → article; cont = moved continuation paragraphs → article;")
    print("head R = headlines that name a section; head P = title-role lines that are title-like in the gold.")
    print("split: 'baseline' = old solver; 'tuning' = model fitted on all families (in-distribution);")
    print("       'held-out' = model refitted without that family, scored on the family's pages.\n")
    print(HEADER)
    print("-" * len(HEADER))
    print(_row("all generated pages", "baseline", pooled(old, None)))
    print(_row("all generated pages", "tuning", pooled(tuned, None)))
    if held:
        total = PageScore()
        for s in held.values():
            total.add(s)
        print(_row("mean over held-out families", "held-out", total))
        worst = min(held, key=lambda f: held[f].para)
        print(_row(f"worst: {worst}", "held-out", held[worst]))
    print()
    print(HEADER)
    print("-" * len(HEADER))
    for fam in families:
        print(_row(fam, "baseline", pooled(old, fam)))
        print(_row(fam, "tuning", pooled(tuned, fam)))
        if fam in held:
            print(_row(fam, "held-out", held[fam]))
    bundled_doc = load_file(PAGE)
    for label, outline in (("old solver", old_outlines([bundled_doc.text])[0]), ("structure stage", None)):
        outline = outline or recover_outline(bundled_doc, topic=TOPIC[0])
        s = score_outline(outline, ARTICLE_OF, KEYS, ORDERS)
        print(
            f"\nbundled page, {label}: para→article {s.accuracy:.3f} ({s.correct}/{s.total}), "
            f"stitch P {s.precision:.3f} R {s.recall:.3f}"
        )

    print("\nSection confidence (calibrator, threshold, held-out precision and coverage, reliability):")
    print("python benchmarks/structure_confidence.py")
    print(
        f"\n{len(items)} evaluation pages, {args.train_pages}+{args.train_legacy} training pages, "
        f"{time.perf_counter() - started:.0f} s"
    )


if __name__ == "__main__":
    main()
