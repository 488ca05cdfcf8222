"""How sure is each paragraph's section? A learned, calibrated answer: P(section right).

Hand-set levels (a tail-zone paragraph 0.7, an untitled article 0.5, …) did not separate right
from wrong: a missed headline or a fragment left below the last article kept confidence 1.0 while
many paragraphs at 0.7 were right. This pass collects the solver's evidence for every paragraph
(``evidence``: how sure the line model was of the opening title, the most title-like body line
between the opening and the paragraph, the stitch that brought it there and its margin, its place
relative to the run of fragments below the last article, unmatched heads, cut ends, vocabulary
shared with its article against the best other article, page-level scramble evidence, …) and maps
it to a probability with a model fitted on generated pages whose sections are known
(``python benchmarks/structure_confidence.py --train``). Two stages: each paragraph on its own
evidence, then again with the first stage's verdicts on the paragraphs printed together with it
(a run glued to the wrong article goes wrong together). The weights ship as
``section_confidence.json`` (plain numbers: logistic regressions, or small tree ensembles with
``--model trees``; no pickle) and inference is plain Python over a few dozen features (no
scikit-learn or numpy at run time).

Where the stitching solver did not run (nothing on the page asks for a continuation: a report or a
book in reading order) there is no scramble evidence and nothing was moved; those documents keep
the hand-set rule (``rule_confidence``), which only doubts lines the line model nearly took for
titles. The threshold that turns the probability into a visible mark is ``qa.records.CONFIDENT_SECTION``,
chosen by the same benchmark on tuning pages and reported on held-out families.
"""

from __future__ import annotations

import dataclasses
import json
import math
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from qa.records import Paragraph, Stitch
from qa.structure import cues
from qa.structure.headings import numbered_outline

WEIGHTS = Path(__file__).with_name("section_confidence.json")
MAX_SIMILARITY_ARTICLES = 80  # vocabulary evidence is for pages; a book's hundreds of sections skip it
MAX_SIMILARITY_PARAGRAPHS = 600
CORE_PARAGRAPHS = 2  # paragraphs printed under an article's opening that make its core vocabulary
SHORT_LINE = 40  # a body line this short that does not end a sentence may be a missed headline

SUSPECT_TAIL = 0.5  # a paragraph left in the fragment run below the last article while a head went unmatched
TAIL = 0.7  # any paragraph left in that run: a fragment cut at a sentence end looks like body
MISSED_TITLE_FLOOR = 0.01  # title probabilities below this say nothing about a missed headline
UNTITLED = 0.5  # an article named after its byline or dateline, not a title (its title is elsewhere)
FROM_ELSEWHERE = 0.6  # a '（上接N版）' block whose head is not on this page: named after its marker


# ---------------------------------------------------------------- the model

# one regression tree: feature, threshold, left child, right child, leaf value per node (feature -1 at leaves)
Tree = tuple[tuple[int, ...], tuple[float, ...], tuple[int, ...], tuple[int, ...], tuple[float, ...]]


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, z))))


@dataclass(frozen=True)
class Calibrator:
    """P(section right) from evidence: a logistic regression or a sum of regression trees (log-odds)."""

    names: tuple[str, ...]
    kind: str  # "logistic" | "trees"
    mean: tuple[float, ...] = ()
    scale: tuple[float, ...] = ()
    coef: tuple[float, ...] = ()
    intercept: float = 0.0
    # trees: one (feature, threshold, left, right, value) tuple of lists per tree; leaves have feature -1
    trees: tuple[Tree, ...] = ()
    rate: float = 1.0

    def probability(self, features: dict[str, float]) -> float:
        x = [features.get(n, 0.0) for n in self.names]
        if self.kind == "logistic":
            terms = zip(x, self.mean, self.scale, self.coef, strict=True)
            z = self.intercept + sum(c * (v - m) / s for v, m, s, c in terms)
            return _sigmoid(z)
        z = self.intercept
        for feat, thr, left, right, value in self.trees:
            node = 0
            while feat[node] >= 0:
                node = left[node] if x[feat[node]] <= thr[node] else right[node]
            z += self.rate * value[node]
        return _sigmoid(z)

    def to_json(self) -> dict:
        out: dict = {"kind": self.kind, "names": list(self.names), "intercept": self.intercept}
        if self.kind == "logistic":
            out.update(mean=list(self.mean), scale=list(self.scale), coef=list(self.coef))
        else:
            out.update(rate=self.rate, trees=[[list(part) for part in tree] for tree in self.trees])
        return out

    @classmethod
    def from_json(cls, data: dict) -> Calibrator:
        trees = tuple(
            (
                tuple(int(v) for v in f),
                tuple(float(v) for v in t),
                tuple(int(v) for v in a),
                tuple(int(v) for v in b),
                tuple(float(v) for v in val),
            )
            for f, t, a, b, val in data.get("trees", [])
        )
        return cls(
            names=tuple(data["names"]),
            kind=data["kind"],
            mean=tuple(data.get("mean", ())),
            scale=tuple(data.get("scale", ())),
            coef=tuple(data.get("coef", ())),
            intercept=float(data["intercept"]),
            trees=trees,
            rate=float(data.get("rate", 1.0)),
        )


def model_names(rows: list[dict[str, float]]) -> tuple[str, ...]:
    """Feature names of a set of evidence rows (keys starting with '_' are bookkeeping)."""
    return tuple(sorted({k for r in rows for k in r if not k.startswith("_")}))


def second_stage_features(feats: dict[int, dict[str, float]], first: dict[int, float]) -> dict[int, dict[str, float]]:
    """Evidence plus the first stage's verdicts on the paragraph's neighbours in its section.

    Paragraphs printed together and read together share their fate: when the first paragraph of
    a run was put in the wrong article, the rest of the run went with it, whatever their own
    evidence says.
    """
    runs: dict[float, list[int]] = {}
    for p, f in feats.items():
        runs.setdefault(f.get("_run", float(p)), []).append(p)
    out: dict[int, dict[str, float]] = {}
    for p, f in feats.items():
        members = runs[f.get("_run", float(p))]
        prev = int(f.get("_prev", -1.0))
        g = dict(f)
        g["s1"] = first[p]
        g["s1_logit"] = _logit(first[p])
        g["prev_s1_logit"] = _logit(first.get(prev, 1.0)) if prev >= 0 else _logit(1.0)
        g["run_min_s1_logit"] = _logit(min(first[q] for q in members))
        g["run_head_s1_logit"] = _logit(first[min(members)])
        g["run_size"] = math.log1p(len(members))
        out[p] = g
    return out


def _elsewhere(feats: dict[int, dict[str, float]], probs: dict[int, float]) -> dict[int, float]:
    """A paragraph of a '（上接N版）' block whose head is not on this page is never called confident.

    Its section is named after the marker, not after its article, so the citation is right only in
    that weak sense: a policy (as in the hand-set rule), not a fitted value.
    """
    return {p: min(c, FROM_ELSEWHERE) if feats[p].get("kind_marker") else c for p, c in probs.items()}


@dataclass(frozen=True)
class SectionModel:
    """Two stages: each paragraph on its own evidence, then again with its run's first-stage verdicts."""

    first: Calibrator
    second: Calibrator | None = None

    def predict(self, feats: dict[int, dict[str, float]]) -> dict[int, float]:
        first = {p: self.first.probability(f) for p, f in feats.items()}
        if self.second is None:
            return _elsewhere(feats, first)
        stacked = second_stage_features(feats, first)
        return _elsewhere(feats, {p: self.second.probability(f) for p, f in stacked.items()})

    def to_json(self) -> dict:
        return {"first": self.first.to_json(), "second": self.second.to_json() if self.second else None}

    @classmethod
    def from_json(cls, data: dict) -> SectionModel:
        second = data.get("second")
        return cls(Calibrator.from_json(data["first"]), Calibrator.from_json(second) if second else None)


_override: list[SectionModel | None] = []
_recorders: list[list[dict[int, dict[str, float]]]] = []


@lru_cache(maxsize=1)
def _shipped() -> SectionModel | None:
    if not WEIGHTS.exists():
        return None
    return SectionModel.from_json(json.loads(WEIGHTS.read_text(encoding="utf-8")))


def current_model() -> SectionModel | None:
    """The calibrator in use: one set by ``using`` (benchmark folds), else the shipped weights."""
    return _override[-1] if _override else _shipped()


@contextmanager
def using(model: SectionModel | None) -> Iterator[None]:
    """Score with another fitted model (None: the hand-set rule), e.g. in a held-out fold."""
    _override.append(model)
    try:
        yield
    finally:
        _override.pop()


@contextmanager
def recording() -> Iterator[list[dict[int, dict[str, float]]]]:
    """Collect the evidence of every outline built inside the block (training rows for the benchmark)."""
    found: list[dict[int, dict[str, float]]] = []
    _recorders.append(found)
    try:
        yield found
    finally:
        _recorders.remove(found)


# ---------------------------------------------------------------- evidence


def _logit(c: float) -> float:
    c = min(max(c, 1e-4), 1 - 1e-4)
    return math.log(c / (1 - c))


def rule_confidence(paragraphs: list[Paragraph], layout, assignment, stitches: list[Stitch], probs) -> dict[int, float]:
    """The hand-set levels (kept as one piece of evidence, and for documents the solver left in order).

    * under a heading run: the line model's probability for the run's last line;
    * stitched fragments (and the paragraphs read with them): the stitch's confidence;
    * a paragraph in the run of fragments below the last article: ``TAIL`` (``SUSPECT_TAIL`` while
      some head found no continuation);
    * a body line the model nearly took for a title lowers everything after it in its section.
    """
    link = {st.tail: st.confidence for st in stitches if st.tail != st.head + 1}
    zone = _zone(layout, assignment, link)
    out: dict[int, float] = {}
    for k, seg in enumerate(layout.segments):
        art = layout.articles[seg.article]
        if seg.opened_by_run and probs is not None:
            base = max(0.5, min(probs[i] for i in seg.opened_by_run[-1:]))
        elif art.kind == "marker":
            base = FROM_ELSEWHERE
        elif art.kind == "preface" and not art.path:
            # text before any heading: the citation names no section, so it cannot name a wrong one
            out.update({p: 1.0 for p in assignment.order.get(k, [])})
            continue
        elif art.kind in ("untitled", "preface"):
            base = UNTITLED if not art.title_paras else 0.9
        else:
            base = 1.0
        current = base
        first = seg.paragraphs[0] if seg.paragraphs else None
        for p in assignment.order.get(k, []):
            if probs is not None and p != first and probs[p] > MISSED_TITLE_FLOOR:
                base = min(base, 1.0 - probs[p])
                current = min(current, base)
            if p in link:
                current = min(base, link[p])
            elif p == first:
                current = min(base, link.get(p, 1.0))
            elif p >= zone and current >= base:
                current = min(current, SUSPECT_TAIL if assignment.unmatched_heads else TAIL)
            out[p] = round(current, 3)
    return out


def _zone(layout, assignment, link: dict[int, float]) -> int:
    """Where moved text starts: the solver's tail zone, or the first far stitch or 上接 block above it."""
    markers = [s.paragraphs[0] for s in layout.segments if s.paragraphs and layout.articles[s.article].kind == "marker"]
    return min([assignment.tail_zone_start, *link, *markers])


def _unended(text: str) -> bool:
    """No sentence-final punctuation at the end (a headline, or a line cut mid-sentence)."""
    body = text.strip().rstrip("”’」』）)》】\"'")
    return bool(body) and body[-1] not in "。！？!?；;…"


def solver_ran(paragraphs: list[Paragraph], assignment, stitches: list[Stitch], layout=None) -> bool:
    """False when nothing asked for a continuation and the printed order was kept (reports, books).

    Also False for a numbered document ('第一章 … 第一节 …', '一、 … （一）…') the solver left in printed order:
    its numbers say its text is where it is printed, so its last part's paragraphs are no fragments below the
    last article waiting to be moved (a novel's last section had read as 'section uncertain', 0.32)."""
    far = any(st.tail != st.head + 1 for st in stitches)
    if far:
        return True
    if layout is not None:
        headings = [paragraphs[i].text for i, role in layout.roles.items() if role in ("heading", "title")]
        if numbered_outline(headings):
            return False
    return assignment.tail_zone_start < len(paragraphs)


def evidence(
    paragraphs: list[Paragraph], layout, assignment, stitches: list[Stitch], probs
) -> dict[int, dict[str, float]]:
    """Features of every placed paragraph's section assignment (see the module docstring)."""
    n = len(paragraphs)
    rule = rule_confidence(paragraphs, layout, assignment, stitches, probs)
    link = {st.tail: st.confidence for st in stitches if st.tail != st.head + 1}
    zone = _zone(layout, assignment, link)
    texts = [p.text for p in paragraphs]
    cut = [cues.is_cut(t) for t in texts]
    seg_of = {i: k for k, seg in enumerate(layout.segments) for i in seg.paragraphs}
    filled = [k for k, seg in enumerate(layout.segments) if seg.paragraphs]
    n_articles = len({layout.segments[k].article for k in filled})
    cut_ends = sum(cut[layout.segments[k].paragraphs[-1]] for k in filled)
    markers = sum(1 for a in layout.articles if a.kind == "marker")
    far = len(link)
    titles = sum(1 for r in layout.roles.values() if r in ("heading", "title"))
    page = {
        "log_paragraphs": math.log1p(n),
        "log_articles": math.log1p(n_articles),
        "log_segments": math.log1p(len(filled)),
        "cut_end_share": cut_ends / max(len(filled), 1),
        "unmatched_heads": min(assignment.unmatched_heads, 6) / 6,
        "any_unmatched": float(assignment.unmatched_heads > 0),
        "far_stitches": math.log1p(far),
        "marker_articles": math.log1p(markers),
        "title_share": titles / max(n, 1),
        "zone_share": max(0, n - zone) / max(n, 1),
        "model_missing": float(probs is None),
        "dangling_runs": math.log1p(len(getattr(layout, "dangling", []) or [])),
    }
    article_of: dict[int, int] = {}
    for k, order in assignment.order.items():
        for p in order:
            article_of[p] = layout.segments[k].article
    prev_of = {p: order[i - 1] for order in assignment.order.values() for i, p in enumerate(order) if i}
    sims = _similarities(paragraphs, layout, article_of, prev_of)
    short_unended = [len(t.strip()) <= SHORT_LINE and "\n" not in t.strip() and _unended(t) for t in texts]
    out: dict[int, dict[str, float]] = {}
    for k, seg in enumerate(layout.segments):
        art = layout.articles[seg.article]
        order = assignment.order.get(k, [])
        joins = assignment.joins.get(k, [])
        open_prob = 1.0
        if seg.opened_by_run and probs is not None:
            open_prob = min(probs[i] for i in seg.opened_by_run[-1:])
        max_above = 0.0
        short_above = 0.0
        run = -1
        chain_link = 1.0  # confidence of the far stitch that brought the current run of paragraphs
        moved_run = 0.0
        for idx, p in enumerate(order):
            prob = probs[p] if probs is not None else 0.0
            if idx > 0:
                max_above = max(max_above, prob)
                short_above = max(short_above, float(short_unended[p]))
            if p in link:
                chain_link = link[p]
                moved_run = 1.0
            prev_src = p - 1
            if idx == 0 or order[idx - 1] != prev_src:
                run = p  # a run of paragraphs printed together in this section shares its fate
            f = dict(page)
            f.update(
                {
                    "rule": rule.get(p, 1.0),
                    "rule_logit": _logit(rule.get(p, 1.0)),
                    "open_prob": open_prob,
                    "open_logit": _logit(open_prob),
                    "opened_by_run": float(bool(seg.opened_by_run)),
                    "run_len": min(len(seg.opened_by_run), 4) / 4,
                    f"kind_{art.kind}": 1.0,
                    "has_title": float(bool(art.title_paras)),
                    "loose": float(seg.loose),
                    "subsection": float(bool(seg.suffix)),
                    "pos": math.log1p(idx),
                    "first": float(idx == 0),
                    "seg_len": math.log1p(len(order)),
                    "self_prob": prob,
                    "max_prob_above": max_above,
                    "max_logit_above": _logit(max(max_above, 1e-4)),
                    "prev_src_prob": probs[prev_src] if probs is not None and prev_src >= 0 else 0.0,
                    "prev_src_title": float(prev_src >= 0 and layout.roles.get(prev_src) in ("heading", "title")),
                    "stitched": float(p in link),
                    "link_conf": link.get(p, 1.0),
                    "chain_conf": chain_link,
                    "chain_logit": _logit(chain_link),
                    "in_moved_run": moved_run,
                    "in_zone": float(p >= zone),
                    "in_solver_tail": float(p >= assignment.tail_zone_start),
                    "past_zone": max(0, p - zone) / max(n, 1),
                    "printed_elsewhere": float(seg_of.get(p, k) != k),
                    "out_of_print_order": float(idx > 0 and order[idx - 1] != p - 1),
                    "joined": float(bool(joins[idx])) if idx < len(joins) else 0.0,
                    "cut_self": float(cut[p]),
                    "cut_prev_src": float(prev_src >= 0 and cut[prev_src]),
                    "cut_prev_order": float(idx > 0 and cut[order[idx - 1]]),
                    "starts_mid": float(cues.starts_mid_sentence(texts[p])),
                    "short_first": float(cues.short_first_sentence(texts[p])),
                    "log_len": math.log1p(len(texts[p])),
                    "marker_self": float(cues.continuation_marker(texts[p]) is not None),
                    "short_unended_self": float(short_unended[p]),
                    "short_unended_above": short_above,
                    "short_unended_prev_src": float(prev_src >= 0 and short_unended[prev_src]),
                }
            )
            f.update(sims.get(p, {"sim_missing": 1.0}))
            f["_run"] = float(run)  # bookkeeping for the second stage, not a model feature
            f["_prev"] = float(order[idx - 1]) if idx else -1.0
            out[p] = f
    for rec in _recorders:
        rec.append(out)
    return out


def _similarities(
    paragraphs: list[Paragraph], layout, article_of: dict[int, int], prev_of: dict[int, int]
) -> dict[int, dict[str, float]]:
    """Vocabulary shared with the paragraph's own article against the best other article.

    Two views: the whole article as assembled (without the paragraph), and the article's *core* —
    its title and the first paragraphs printed under it, which no stitching decision moved. A
    fragment left in the wrong article usually shares more words with the article it continues; a
    run of paragraphs glued on after a missed headline drifts away from the core it was put under.
    """
    from qa.structure.lexical import Similarity, tokens

    articles = set(article_of.values())
    if len(articles) < 2 or len(articles) > MAX_SIMILARITY_ARTICLES or len(article_of) > MAX_SIMILARITY_PARAGRAPHS:
        return {}
    sim = Similarity(paragraphs[p].text for p in article_of)
    toks = {p: Counter(tokens(paragraphs[p].text)) for p in article_of}
    counts: dict[int, Counter[str]] = {a: Counter() for a in articles}
    core: dict[int, Counter[str]] = {a: Counter() for a in articles}
    core_members: dict[int, set[int]] = {a: set() for a in articles}
    for p, a in article_of.items():
        counts[a].update(toks[p])
    for art in layout.articles:  # the titles name the article too
        if art.aid in counts:
            for el in art.path:
                counts[art.aid].update(tokens(el))
                core[art.aid].update(tokens(el))
    for seg in layout.segments:  # the first paragraphs printed under the article's opening
        a = seg.article
        if a in core and not core_members[a] and seg.paragraphs:
            for p in seg.paragraphs[:CORE_PARAGRAPHS]:
                if p in toks:
                    core[a].update(toks[p])
                    core_members[a].add(p)
    norms = {a: sim.sq_norm(c) for a, c in counts.items()}
    core_norms = {a: sim.sq_norm(c) for a, c in core.items()}
    vecs = {a: sim.weigh(c) for a, c in counts.items()}
    core_vecs = {a: sim.weigh(c) for a, c in core.items()}
    unit = {p: sim.weigh(t) for p, t in toks.items()}
    out: dict[int, dict[str, float]] = {}
    for p, a in article_of.items():
        vec = unit[p]
        own = sim.cosine_without(vec, counts[a], norms[a], toks[p])
        other = max((sim.cosine(vec, vecs[b]) for b in articles if b != a), default=0.0)
        empty: Counter[str] = Counter()
        own_core = sim.cosine_without(vec, core[a], core_norms[a], toks[p] if p in core_members[a] else empty)
        other_core = max((sim.cosine(vec, core_vecs[b]) for b in articles if b != a), default=0.0)
        prev = prev_of.get(p, -1)
        out[p] = {
            "sim_own": own,
            "sim_other": other,
            "sim_margin": own - other,
            "sim_behind": float(other > own),
            "core_own": own_core,
            "core_other": other_core,
            "core_margin": own_core - other_core,
            "core_behind": float(other_core > own_core),
            "in_core": float(p in core_members[a]),
            "sim_prev": sim.cosine(vec, unit[prev]) if prev in unit else 1.0,
        }
    return out


def section_confidence(paragraphs: list[Paragraph], layout, assignment, stitches: list[Stitch]) -> dict[int, float]:
    """P(section right) for every placed paragraph (the calibrator), or the hand-set rule where it does not apply."""
    from qa.structure.layout import last_title_probabilities

    probs = last_title_probabilities()
    probs = probs if probs is not None and len(probs) == len(paragraphs) else None
    if not solver_ran(paragraphs, assignment, stitches, layout):
        # printed order kept: no run below the last article holds moved text (a numbered document's last part)
        kept = dataclasses.replace(assignment, tail_zone_start=len(paragraphs))
        return rule_confidence(paragraphs, layout, kept, stitches, probs)
    feats = evidence(paragraphs, layout, assignment, stitches, probs)
    model = current_model()
    if model is None:
        return {p: f["rule"] for p, f in feats.items()}
    return {p: round(c, 4) for p, c in model.predict(feats).items()}
