"""Relevance calibration across document families: is a top hit's relevance the chance that it answers?

    python benchmarks/relevance.py                                   # collect (cached) and print both tables
    python benchmarks/relevance.py --indexes 3 --docs 4 --paragraphs 3   # smaller
    python benchmarks/relevance.py --cmrc-index /work/ret-bench/index-use-m3 --cmrc-questions 300  # + big CMRC
    python benchmarks/relevance.py --fit                             # also fit the coefficients on TUNING rows

``qa.calibration.RELEVANCE_COEF`` was first fitted on one kind of index only: CMRC 2018 Wikipedia
paragraphs, ~2,400 chunks of one kind of text. People index a handful of regulations, notices, Word
handbooks and web articles, so this benchmark lays CMRC paragraphs out as **families** of small
indexes (a few documents each, as people build them), each its own document kind, read through the
real loaders (``qa.build.build_index``):

* TUNING families (coefficients and threshold chosen here): ``handbook-md`` (Markdown, ``##`` per
  paragraph), ``regulation-txt`` (plain text, 第N章 per paragraph, 第N条 per sentence group), and, with
  ``--cmrc-index``, the big CMRC index's tuning questions and the 52 English tuning ones (``wiki-big``);
  ``facts-regulation-txt`` and ``facts-handbook-md``: generated documents asked short questions
  (``benchmarks/fact_documents.py``, its TUNING templates);
* REPORT families (never used to choose anything; other paragraphs *and* other document kinds):
  ``wechat-html`` (HTML with no headings: a bold line per paragraph, sentences in ``<p>``),
  ``word-docx`` (python-docx, Heading 1 per paragraph), ``notice-txt`` (公文-like 一、（一） outline),
  ``facts-notice-docx``, ``facts-wechat-html``, ``facts-table-html`` (the other templates), and
  ``wiki-big`` report questions with the 72 English report ones.

TUNING families take paragraphs of the CMRC tuning part, REPORT families of the report part
(``benchmarks/cmrc.py``). Each index also gets questions whose paragraph it does not hold
(group no-answer: "no good passage found" is the right verdict). A top hit is right when its passage
contains one of the question's answers. Features of the top two hits are cached under ``--workdir``
(``rows.jsonl``), so refitting or re-printing costs no search.

Printed per family and part, for the relevance the searches returned (run it on two checkouts to compare
them): n, top hit right, mean relevance, the share of right top hits reported
as "no good passage" (relevance < ``NO_ANSWER_BELOW``), the share of no-answer questions that say so,
expected calibration error, the share of right top hits whose marked sentence holds the answer
(``qa.highlight``), and a reliability table (predicted vs observed by relevance bin) on the
REPORT rows.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import shutil
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's qa, whatever else is installed
sys.path.insert(0, str(ROOT / "benchmarks"))

import bilingual_facts as bf  # noqa: E402
from cmrc import DEFAULT_DATA, english_questions, make_split, read_jsonl  # noqa: E402
from fact_documents import REPORT_TEMPLATES, TUNING_TEMPLATES, facts_for, make_fact, write_document  # noqa: E402

from qa.build import build_index  # noqa: E402
from qa.calibration import NO_ANSWER_BELOW, relevance  # noqa: E402
from qa.fusion import cjk_share  # noqa: E402
from qa.keyword import query_tokens  # noqa: E402
from qa.search import Searcher  # noqa: E402

try:  # a baseline checkout from before the script-mismatch feature: rows without it (only --fit reads it)
    from qa.cross_language import script_mismatch
except ImportError:  # pragma: no cover

    def script_mismatch(question_share: float, texts: list[str]) -> np.ndarray:
        return np.zeros(len(texts))


TUNING_FAMILIES = ("handbook-md", "regulation-txt", "facts-regulation-txt", "facts-handbook-md", "cross-english-md")
REPORT_FAMILIES = (
    "wechat-html",
    "word-docx",
    "notice-txt",
    "facts-notice-docx",
    "facts-wechat-html",
    "facts-table-html",
    "cross-english-html",
)
FACT_DOCS = ("档案", "安全", "后勤", "人事", "财务", "信息", "车辆", "会务", "接待")
CN_DIGITS = "零一二三四五六七八九十"


def cn_number(n: int) -> str:
    if n <= 10:
        return CN_DIGITS[n]
    if n < 20:
        return "十" + (CN_DIGITS[n % 10] if n % 10 else "")
    return CN_DIGITS[n // 10] + "十" + (CN_DIGITS[n % 10] if n % 10 else "")


def sentences(text: str) -> list[str]:
    out, buf = [], ""
    for ch in text.strip():
        buf += ch
        if ch in "。！？；":
            out.append(buf)
            buf = ""
    if buf.strip():
        out.append(buf)
    return [s for s in out if s.strip()]


def groups_of(text: str, size: int = 2) -> list[str]:
    s = sentences(text)
    return ["".join(s[i : i + size]) for i in range(0, len(s), size)] or [text]


def write_family(family: str, docs: list[list[dict]], folder: Path) -> None:
    """One index's documents in the family's layout; each document holds a few CMRC paragraphs."""
    folder.mkdir(parents=True, exist_ok=True)
    for d, paragraphs in enumerate(docs):
        if family == "handbook-md":
            lines = [f"# 资料汇编（{cn_number(d + 1)}）", ""]
            for i, p in enumerate(paragraphs):
                lines += [f"## {cn_number(i + 1)}、{p['title']}", "", p["text"].strip(), ""]
            (folder / f"handbook{d}.md").write_text("\n".join(lines), encoding="utf-8")
        elif family == "regulation-txt":
            lines, article = [f"{paragraphs[0]['title']}等事项管理办法", ""], 0
            for i, p in enumerate(paragraphs):
                lines += [f"第{cn_number(i + 1)}章　{p['title']}", ""]
                for g in groups_of(p["text"]):
                    article += 1
                    lines += [f"第{cn_number(article)}条　{g}", ""]
            (folder / f"regulation{d}.txt").write_text("\n".join(lines), encoding="utf-8")
        elif family == "notice-txt":
            lines = [f"关于{paragraphs[0]['title']}等情况的通报", "", "各有关单位：", ""]
            for i, p in enumerate(paragraphs):
                lines += [f"{cn_number(i + 1)}、{p['title']}", ""]
                for j, g in enumerate(groups_of(p["text"], 3)):
                    lines += [f"（{cn_number(j + 1)}）{g}", ""]
            lines += ["特此通报。", ""]
            (folder / f"notice{d}.txt").write_text("\n".join(lines), encoding="utf-8")
        elif family == "wechat-html":
            body = [f"<h1>{paragraphs[0]['title']}｜一文读懂</h1>"]
            for p in paragraphs:
                body.append(f"<section><p><strong>{p['title']}</strong></p>")
                body += [f"<p>{g}</p>" for g in groups_of(p["text"], 3)]
                body.append("</section>")
            html = "<html><head><meta charset='utf-8'><title>x</title></head><body>" + "".join(body) + "</body></html>"
            (folder / f"article{d}.html").write_text(html, encoding="utf-8")
        elif family == "word-docx":
            import docx

            document = docx.Document()
            document.add_heading(f"{paragraphs[0]['title']}等资料", level=0)
            for p in paragraphs:
                document.add_heading(p["title"], level=1)
                for g in groups_of(p["text"], 3):
                    document.add_paragraph(g)
            document.save(folder / f"handbook{d}.docx")
        else:
            raise ValueError(family)


def answer_in(text: str, answers: list[str]) -> bool:
    flat = "".join(text.split())
    return any(a and "".join(a.split()) in flat for a in answers)


def top_rows(searcher: Searcher, questions: list[dict], family: str, part: str, index_id: str) -> list[dict]:
    rows = []
    results = searcher.search_many([q["question"] for q in questions], k=3, mode="hybrid", show_weak=True)
    vectors = searcher._question_vectors([q["question"] for q in questions])
    for q, hits, vector in zip(questions, results, vectors, strict=True):
        row = {"family": family, "part": part, "index": index_id, "chunks": searcher.finder.total}
        row |= {"question": q["question"], "answerable": q["answerable"]}
        row["coverage"] = searcher.finder.coverage(query_tokens(q["question"]))
        for j in range(2):
            h = hits[j] if len(hits) > j else None
            row[f"kw{j + 1}"] = h.breakdown["keyword"] if h else 0.0
            row[f"dn{j + 1}"] = h.breakdown["dense"] if h else 0.0
        row["relevance"] = hits[0].score if hits else 0.0
        # The relevance model without the script-mismatch terms, for fitting them (``print_mismatch_fit``).
        row["base"] = float(relevance(np.array([row["kw1"]]), np.array([row["dn1"]]), row["coverage"])[0])
        row["topic"] = float(searcher.finder.dense_stats(vector)[0])  # the question's mean cosine with the corpus
        row["mismatch1"] = float(script_mismatch(cjk_share(q["question"]), [hits[0].text])[0]) if hits else 0.0
        row["right"] = bool(hits and q["answerable"] and answer_in(hits[0].text, q["answers"]))
        marks = [hits[0].text[a:b] for a, b in hits[0].highlights] if hits else []
        row["marked"] = row["right"] and any(answer_in(m, q["answers"]) for m in marks)
        rows.append(row)
    return rows


def collect(args, work: Path) -> list[dict]:
    corpus = read_jsonl(args.data / "corpus.jsonl")
    split = make_split(corpus)
    by_id = {r["paragraph_id"]: r for r in corpus}
    queries: dict[str, list[dict]] = {}
    for q in read_jsonl(args.data / "queries.jsonl"):
        queries.setdefault(q["gold_paragraph_id"], []).append(q)
    rng = random.Random(7)
    rows: list[dict] = []
    pools = {}
    for part in ("tuning", "report"):
        pool = [pid for pid, p in split.part.items() if p == part and pid in queries and by_id[pid]["title"].strip()]
        rng.shuffle(pool)
        pools[part] = pool
    for family in TUNING_FAMILIES + REPORT_FAMILIES:
        part = "tuning" if family in TUNING_FAMILIES else "report"
        if family.startswith("facts-"):
            rows += collect_facts(args, work, family, part)
            continue
        if family.startswith("cross-"):
            # Questions about other things altogether (CMRC questions of the same part), as the CMRC families get.
            taken, pools[part] = pools[part][: args.absent * args.indexes], pools[part][args.absent * args.indexes :]
            others = [queries[pid][0] for pid in taken]
            rows += collect_cross(args, work, family, part, others)
            continue
        pool = pools[part]
        for i in range(args.indexes):
            per = args.docs * args.paragraphs
            chosen, pool = pool[:per], pool[per:]
            absent, pool = pool[: args.absent], pool[args.absent :]
            pools[part] = pool
            paragraphs = [by_id[pid] for pid in chosen]
            docs = [paragraphs[j : j + args.paragraphs] for j in range(0, per, args.paragraphs)]
            folder = work / family / f"docs{i}"
            shutil.rmtree(folder, ignore_errors=True)
            write_family(family, docs, folder)
            index = work / family / f"index{i}"
            shutil.rmtree(index, ignore_errors=True)
            build_index([folder], index, progress=False)
            questions = []
            for pid in chosen:
                for q in queries[pid][: args.per_paragraph]:
                    questions.append({"question": q["question"], "answers": q["answers"], "answerable": True})
            for pid in absent:
                q = queries[pid][0]
                questions.append({"question": q["question"], "answers": q["answers"], "answerable": False})
            searcher = Searcher(index)
            got = top_rows(searcher, questions, family, part, f"{family}/{i}")
            rows += got
            print(f"{family} index {i}: {searcher.finder.total} chunks, {len(got)} questions", file=sys.stderr)
    if args.cmrc_index:
        searcher = Searcher(args.cmrc_index)
        for part in ("tuning", "report"):
            picked = []
            for pid, p in split.part.items():
                if p == part and pid in queries:
                    q = queries[pid][0]
                    picked.append(
                        {"question": q["question"], "answers": q["answers"], "answerable": pid not in split.absent}
                    )
            random.Random(3).shuffle(picked)
            picked = picked[: args.cmrc_questions]
            # The English questions written for CMRC (an English question over Chinese text; meaning decides).
            picked += [
                {"question": q.question, "answers": q.answers, "answerable": True}
                for q in english_questions(split)
                if q.part == part
            ]
            got = top_rows(searcher, picked, "wiki-big", part, "wiki-big")
            rows += got
            print(f"wiki-big {part}: {len(got)} questions", file=sys.stderr)
    return rows


def collect_facts(args, work: Path, family: str, part: str) -> list[dict]:
    """Generated fact documents (``fact_documents``), short questions, near-miss no-answer questions."""
    templates = TUNING_TEMPLATES if part == "tuning" else REPORT_TEMPLATES
    layout = family.removeprefix("facts-")
    rng = random.Random(f"{family}")
    rows = []
    for i in range(args.indexes):
        folder = work / family / f"docs{i}"
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        taken: set = set()
        questions = []
        for name in rng.sample(FACT_DOCS, args.docs - 1 if args.docs > 1 else 1):
            facts = facts_for(templates, args.facts, rng, taken)
            write_document(layout, name, facts, folder, rng)
            for fact in facts:
                questions.append({"question": rng.choice(fact.questions), "answers": [fact.answer], "answerable": True})
        misses = 0
        while misses < args.absent:
            fact = make_fact(rng.choice(templates), rng)
            if any(t == fact.template and k[0] == fact.key[0] for t, k in taken):
                continue
            questions.append({"question": rng.choice(fact.questions), "answers": [fact.answer], "answerable": False})
            misses += 1
        index = work / family / f"index{i}"
        shutil.rmtree(index, ignore_errors=True)
        build_index([folder], index, progress=False)
        searcher = Searcher(index)
        got = top_rows(searcher, questions, family, part, f"{family}/{i}")
        rows += got
        print(f"{family} index {i}: {searcher.finder.total} chunks, {len(got)} questions", file=sys.stderr)
    return rows


def collect_cross(args, work: Path, family: str, part: str, others: list[dict]) -> list[dict]:
    """Chinese questions over English documents (``bilingual_facts``: its TUNING templates in an English
    handbook for TUNING, its REPORT templates on English web pages for REPORT); no-answer ones are near
    misses (a fact of the same kind about something the index lacks) and ``others`` (CMRC questions about
    other things altogether, ``args.absent`` per index)."""
    templates = bf.TUNING_TEMPLATES if part == "tuning" else bf.REPORT_TEMPLATES
    layout = family.removeprefix("cross-")
    rng = random.Random(f"{family}")
    rows = []
    for i in range(args.indexes):
        folder = work / family / f"docs{i}"
        shutil.rmtree(folder, ignore_errors=True)
        taken: set = set()
        questions = []
        for name in rng.sample(bf.NAMES, max(args.docs - 1, 1)):
            facts = bf.facts_for(templates, args.facts, rng, taken)
            bf.write_document(layout, name, facts, folder, rng)
            for fact in facts:
                questions.append(
                    {"question": rng.choice(fact.questions_zh), "answers": fact.answers, "answerable": True}
                )
        misses = 0
        while misses < args.absent:
            fact = bf.make_fact(rng.choice(templates), rng)
            if any(t == fact.template and k == fact.key for t, k in taken):
                continue
            questions.append({"question": rng.choice(fact.questions_zh), "answers": fact.answers, "answerable": False})
            misses += 1
        for q in others[i * args.absent : (i + 1) * args.absent]:
            questions.append({"question": q["question"], "answers": q["answers"], "answerable": False})
        index = work / family / f"index{i}"
        shutil.rmtree(index, ignore_errors=True)
        build_index([folder], index, progress=False)
        searcher = Searcher(index)
        got = top_rows(searcher, questions, family, part, f"{family}/{i}")
        rows += got
        print(f"{family} index {i}: {searcher.finder.total} chunks, {len(got)} questions", file=sys.stderr)
    return rows


def ece(prob: np.ndarray, right: np.ndarray, bins=(0.0, 0.2, 0.4, 0.6, 0.8, 1.0001)) -> float:
    total = 0.0
    for lo, hi in zip(bins, bins[1:], strict=False):
        inside = (prob >= lo) & (prob < hi)
        if inside.any():
            total += inside.sum() * abs(prob[inside].mean() - right[inside].mean())
    return total / max(len(prob), 1)


def print_tables(rows: list[dict]) -> None:
    """Calibration of the relevance the searches returned, per family and part, and REPORT reliability."""
    families = [f for f in ("wiki-big", *TUNING_FAMILIES, *REPORT_FAMILIES) if any(r["family"] == f for r in rows)]
    print(f"'no good passage found' below {NO_ANSWER_BELOW}. TUNING rows chose the coefficients; REPORT never did.")
    print()
    print(
        "| family | part | n | top right | mean relevance | ECE | right top hits said 'no good passage' "
        "| no-answer said so | answer in the marked sentence (right top hits) |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for part in ("tuning", "report"):
        for fam in [*families, "ALL"]:
            sel = [r for r in rows if r["part"] == part and (fam == "ALL" or r["family"] == fam)]
            if not sel:
                continue
            prob = np.array([r["relevance"] for r in sel])
            right = np.array([r["right"] for r in sel], dtype=float)
            lost = [r["relevance"] < NO_ANSWER_BELOW for r in sel if r["right"]]
            none = [r["relevance"] < NO_ANSWER_BELOW for r in sel if not r["answerable"]]
            marked = [r.get("marked", False) for r in sel if r["right"]]
            print(
                f"| {fam} | {part.upper()} | {len(sel)} | {right.mean():.3f} | {prob.mean():.3f} "
                f"| {ece(prob, right):.3f} | {share(lost)} | {share(none)} | {share(marked)} |"
            )
    sel = [r for r in rows if r["part"] == "report"]
    prob = np.array([r["relevance"] for r in sel])
    right = np.array([r["right"] for r in sel], dtype=float)
    print()
    print(f"Reliability of the top hit's relevance, REPORT rows of every family (n={len(sel)}):")
    print()
    print("| relevance | n | mean predicted | observed top hit right |")
    print("|---|---|---|---|")
    for lo, hi in zip((0.0, 0.2, 0.4, 0.6, 0.8), (0.2, 0.4, 0.6, 0.8, 1.0001), strict=True):
        inside = (prob >= lo) & (prob < hi)
        if inside.any():
            mean, seen = prob[inside].mean(), right[inside].mean()
            print(f"| {lo:.1f}-{min(hi, 1):.1f} | {inside.sum()} | {mean:.3f} | {seen:.3f} |")


def share(flags: list[bool]) -> str:
    return f"{sum(flags)}/{len(flags)} ({sum(flags) / max(len(flags), 1):.3f})"


FEATURE_SETS = {
    "kw, dense, dense x uncovered": lambda r: [r["kw1"], r["dn1"], r["dn1"] * (1 - r["coverage"])],
    "+ log chunks": lambda r: [r["kw1"], r["dn1"], r["dn1"] * (1 - r["coverage"]), math.log(r["chunks"])],
    "+ script mismatch": lambda r: [r["kw1"], r["dn1"], r["dn1"] * (1 - r["coverage"]), r.get("mismatch1", 0.0)],
    "+ script mismatch, mismatch x topic": lambda r: [
        r["kw1"],
        r["dn1"],
        r["dn1"] * (1 - r["coverage"]),
        r.get("mismatch1", 0.0),
        r.get("mismatch1", 0.0) * r.get("topic", 0.0),
    ],
    "+ script mismatch, mismatch x dense": lambda r: [
        r["kw1"],
        r["dn1"],
        r["dn1"] * (1 - r["coverage"]),
        r.get("mismatch1", 0.0),
        r.get("mismatch1", 0.0) * r["dn1"],
    ],
}


def feature_rows(rows: list[dict], name: str) -> np.ndarray:
    x = np.array([FEATURE_SETS[name](r) for r in rows], dtype=np.float64)
    x[:, :2] = np.clip(x[:, :2], 0.0, 2.0)
    x[:, 2] = np.clip(x[:, 2], 0.0, 2.0)
    return x


def fit(rows: list[dict]) -> None:
    """Fit the relevance coefficients on TUNING rows (printed; copied into qa.calibration by hand).

    Each feature set is scored by leaving one TUNING family out at a time (log loss on it); the
    answerable and no-answer questions are weighed so no-answer ones are 15% of each family, as in
    ``benchmarks/cmrc.py`` (a family's own mix would otherwise set the threshold).
    """
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import log_loss

    tuning = [r for r in rows if r["part"] == "tuning"]
    families = sorted({r["family"] for r in tuning})

    def weights(sel: list[dict]) -> np.ndarray:
        w = np.ones(len(sel))
        for fam in {r["family"] for r in sel}:
            inside = [i for i, r in enumerate(sel) if r["family"] == fam]
            none = [i for i in inside if not sel[i]["answerable"]]
            some = [i for i in inside if sel[i]["answerable"]]
            scale = 1000.0 / max(len(inside), 1)  # every family weighs the same
            if none and some:
                w[none] = scale * 0.15 * len(inside) / len(none)
                w[some] = scale * 0.85 * len(inside) / len(some)
            else:
                w[inside] = scale
        return w

    for name in FEATURE_SETS:
        losses = []
        for held in families:
            train = [r for r in tuning if r["family"] != held]
            test = [r for r in tuning if r["family"] == held]
            model = LogisticRegression(C=10.0, max_iter=2000)
            model.fit(feature_rows(train, name), [r["right"] for r in train], sample_weight=weights(train))
            prob = model.predict_proba(feature_rows(test, name))[:, 1]
            losses.append(log_loss([r["right"] for r in test], prob, labels=[0, 1]))
        model = LogisticRegression(C=10.0, max_iter=2000)
        model.fit(feature_rows(tuning, name), [r["right"] for r in tuning], sample_weight=weights(tuning))
        coef = ", ".join(f"{c:.2f}" for c in (model.intercept_[0], *model.coef_[0]))
        held = ", ".join(f"{f} {x:.3f}" for f, x in zip(families, losses, strict=True))
        print(f"{name}: ({coef}); log loss on each TUNING family left out: {held}; mean {np.mean(losses):.3f}")
        prob = model.predict_proba(feature_rows(tuning, name))[:, 1]
        y = np.array([r["right"] for r in tuning])
        verdicts = ", ".join(f"{t}: {np.mean((prob >= t) == y):.3f}" for t in (0.3, 0.4, 0.5, 0.6, 0.7))
        print(f"    verdict accuracy on TUNING rows by threshold: {verdicts}")
    print_bounded_fit(tuning, weights(tuning))
    print()


def print_bounded_fit(tuning: list[dict], w: np.ndarray, c: float = 10.0) -> None:
    """The shipped fit: the same weighted, L2-penalised log loss as above, with the evidence
    coefficients bounded at >= 0 so no closer keyword or meaning match lowers the relevance (the
    unbounded fit gives dense standing a negative weight). sklearn's LogisticRegression takes no
    bounds, hence scipy's L-BFGS-B. The script mismatch (``qa.cross_language.script_mismatch``) is no
    evidence either way and is left free."""
    from scipy.optimize import minimize

    y = np.array([r["right"] for r in tuning], dtype=np.float64)
    shipped = ("kw, dense, dense x uncovered", "+ script mismatch", "+ script mismatch, mismatch x topic")
    for name, free in zip(shipped, ((), (3,), (3,)), strict=True):
        x = feature_rows(tuning, name)

        def loss(b: np.ndarray, x=x) -> float:
            z = b[0] + x @ b[1:]
            return float(np.sum(w * (np.logaddexp(0.0, z) - y * z)) + 0.5 * np.sum(b[1:] ** 2) / c)

        bounds = [(None, None)] + [(None, None) if j in free else (0.0, None) for j in range(x.shape[1])]
        found = minimize(loss, np.zeros(x.shape[1] + 1), method="L-BFGS-B", bounds=bounds)
        prob = 1.0 / (1.0 + np.exp(-(found.x[0] + x @ found.x[1:])))
        coef = ", ".join(f"{v:.2f}" for v in found.x)
        verdicts = ", ".join(f"{t}: {np.mean((prob >= t) == y):.3f}" for t in (0.3, 0.4, 0.5, 0.6, 0.7))
        print(f"bounded {name} (evidence coefficients >= 0): ({coef})")
        print(f"    verdict accuracy on TUNING rows by threshold: {verdicts}")
    print_mismatch_fit(tuning, w, c)


def print_mismatch_fit(tuning: list[dict], w: np.ndarray, c: float = 10.0) -> None:
    """The shipped script-mismatch terms: ``RELEVANCE_COEF`` kept as it is (a question in the passages' script
    reads exactly as before) and only ``C_MISMATCH`` (free) and ``C_MISMATCH_TOPIC`` (>= 0) fitted on top of it,
    by the same weighted, penalised log loss."""
    from scipy.optimize import minimize

    y = np.array([r["right"] for r in tuning], dtype=np.float64)
    base = np.log(np.clip([r["base"] for r in tuning], 1e-9, 1 - 1e-9))
    base -= np.log1p(-np.clip([r["base"] for r in tuning], 1e-9, 1 - 1e-9))
    m = np.array([r.get("mismatch1", 0.0) for r in tuning])
    x = np.stack([m, m * np.clip([r.get("topic", 0.0) for r in tuning], 0.0, 0.5)], axis=1)

    def loss(b: np.ndarray) -> float:
        z = base + x @ b
        return float(np.sum(w * (np.logaddexp(0.0, z) - y * z)) + 0.5 * np.sum(b**2) / c)

    found = minimize(loss, np.zeros(2), method="L-BFGS-B", bounds=[(None, None), (0.0, None)])
    prob = 1.0 / (1.0 + np.exp(-(base + x @ found.x)))
    verdicts = ", ".join(f"{t}: {np.mean((prob >= t) == y):.3f}" for t in (0.3, 0.4, 0.5, 0.6, 0.7))
    print(f"on the shipped RELEVANCE_COEF: C_MISMATCH, C_MISMATCH_TOPIC = ({found.x[0]:.2f}, {found.x[1]:.2f})")
    print(f"    verdict accuracy on TUNING rows by threshold: {verdicts}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/qa-relevance-bench"))
    parser.add_argument("--indexes", type=int, default=4, help="indexes per family")
    parser.add_argument("--docs", type=int, default=4, help="documents per index")
    parser.add_argument("--paragraphs", type=int, default=3, help="CMRC paragraphs per document")
    parser.add_argument("--per-paragraph", type=int, default=2, help="questions per paragraph")
    parser.add_argument("--facts", type=int, default=8, help="facts per generated document")
    parser.add_argument("--absent", type=int, default=3, help="no-answer questions per index")
    parser.add_argument("--cmrc-index", type=Path, default=None, help="a benchmarks/retrieval.py CMRC index")
    parser.add_argument("--cmrc-questions", type=int, default=300, help="questions per part on --cmrc-index")
    parser.add_argument("--recollect", action="store_true", help="search again even if rows.jsonl exists")
    parser.add_argument("--fit", action="store_true", help="fit the coefficients on the TUNING rows")
    args = parser.parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)
    cache = args.workdir / "rows.jsonl"
    if cache.exists() and not args.recollect:
        rows = [json.loads(line) for line in cache.open(encoding="utf-8")]
    else:
        rows = collect(args, args.workdir)
        cache.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    if args.fit:
        fit(rows)
    print_tables(rows)
    return 0 if not math.isnan(0.0) else 1


if __name__ == "__main__":
    sys.exit(main())
