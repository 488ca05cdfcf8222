"""Evidence for the stitching assignment: heads, article vocabulary, stay and start scores.

A *head* is the last paragraph of a printed segment that cannot be the end of its article: it
stops mid-sentence, or its announced list ('从N个方面…一是…二是') is unfinished. For every
later paragraph the solver weighs two readings: it *stays* with the text printed above it, or it
*starts* the continuation of a head. The scores only use cues that hold on any page: sentence
ends, mid-sentence starts, a jieba word across the seam, enumeration order, shared vocabulary
with the article, topic closeness to the article by the sentence encoder (``ctx.topic``, relative
over the page's articles, see ``topic.py``), and the run of fragments printed below the last article.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from qa.records import Paragraph
from qa.structure import cues
from qa.structure.layout import Layout
from qa.structure.lexical import Similarity, seam_forms_word, tokens

LEXICAL_WEIGHT = 6.0
TOPIC_WEIGHT = 2.0  # the sentence encoder's relative topic similarity: benchmarks/structure.py --sweep-topic
SWITCH_COST = 1.0
TAIL_ZONE_BONUS = 1.0
LOOSE_START_COST = 2.0
MAX_END_HEAD_SEGMENTS = 60  # segments: a newspaper page; longer documents need a cut to stitch
END_MID_START_COST = 3.0  # a fragment starting mid-sentence cannot continue a complete sentence


@dataclass
class Head:
    """The last paragraph of a segment, and how badly it needs a continuation."""

    para: int
    segment: int
    need: str  # "cut" (ends mid-sentence) | "enum" (announced list unfinished) | "colon"
    last_step: int  # last enumeration step printed before the break, 0 if none
    expected: int = 0  # announced list length, for unfinished enumerations


@dataclass
class Context:
    """Everything the scores and the solver read, plus their caches."""

    paragraphs: list[Paragraph]
    layout: Layout
    heads: list[Head]
    seq: list[int]  # body paragraphs in source order
    first: set[int]  # paragraphs that open a segment (forced)
    seg_of: dict[int, int]
    sim: Similarity
    article_counts: dict[int, Counter[str]]
    tail_zone_start: int
    steps_of: dict[int, list[int]] = field(default_factory=dict)
    loose_first: set[int] = field(default_factory=set)  # body resuming after a title, no heading
    fragments: set[int] = field(default_factory=set)  # starts that fuse into a word with a cut head
    struct_step: dict[int, int] = field(default_factory=dict)  # last step printed above p in its segment
    counted_in: dict[int, int] = field(default_factory=dict)  # paragraph -> article whose counts hold it
    memo: dict[tuple, tuple[float, str]] = field(default_factory=dict)
    vectors: dict[tuple[int, int], dict[str, float]] = field(default_factory=dict)  # (article, p) cache
    sim_table: tuple | None = None  # (article row, paragraph column, cosine matrix), see build_sim_table
    topic: dict[tuple[int, int], float] = field(default_factory=dict)  # (article, fragment) -> relative similarity
    # a numbered document (its headings carry outline numbers): its text is where it is printed, a paragraph may
    # only continue the one printed just before it (a page break's cut); head paragraph -> the body paragraph after it
    numbered: dict[int, int] | None = None


def last_step_of(texts: list[str]) -> int:
    """The last enumeration step found in a run of paragraphs, 0 if there is none."""
    found = [s for t in texts for s in cues.steps(t)]
    return found[-1] if found else 0


def find_heads(paragraphs: list[Paragraph], layout: Layout) -> tuple[list[Head], list[str]]:
    """Heads in source order, and notes for segments that say they continue on another page."""
    heads: list[Head] = []
    notes: list[str] = []
    filled = [k for k, seg in enumerate(layout.segments) if seg.paragraphs]
    last_seg = filled[-1] if filled else -1
    # a page-sized text may have articles cut at a sentence end, continued below the last one
    end_heads = len(filled) <= MAX_END_HEAD_SEGMENTS
    for k, seg in enumerate(layout.segments):
        if not seg.paragraphs:
            continue
        last = seg.paragraphs[-1]
        text = paragraphs[last].text
        if cues.has_transfer_marker(text):
            notes.append(f"line {paragraphs[last].line_end}: continues on another page (marker)")
            continue
        seg_text = "\n".join(paragraphs[i].text for i in seg.paragraphs)
        step = last_step_of([paragraphs[i].text for i in seg.paragraphs])
        unfinished = cues.unfinished_enumeration(seg_text)
        next_article = layout.segments[k + 1].article if k + 1 < len(layout.segments) else None
        if cues.is_cut(text):
            heads.append(Head(last, k, "cut", step))
        elif unfinished and unfinished[0] == step:
            heads.append(Head(last, k, "enum", step, unfinished[1]))
        elif (
            text.rstrip().endswith(("：", ":"))
            and next_article != seg.article
            and not _opens_subsections(layout, k)
        ):
            heads.append(Head(last, k, "colon", step))  # what the colon introduces is elsewhere
        elif end_heads and k < last_seg and seg.opened_by_run and not seg.suffix and next_article != seg.article:
            heads.append(Head(last, k, "end", step))  # cut at a sentence end: only its topic can tell
    heads.sort(key=lambda h: h.para)
    return heads, notes


def _opens_subsections(layout: Layout, k: int) -> bool:
    """Is segment ``k`` followed by a subsection of its own section? Then what its last paragraph's colon
    announces ('现总结如下：') is those subsections ('一、主要成绩' …), printed right there, not text elsewhere."""
    if k + 1 >= len(layout.segments):
        return False
    here, there = layout.segments[k], layout.segments[k + 1]
    by_id = {a.aid: a for a in layout.articles}
    mine = by_id[here.article].path + here.suffix
    theirs = by_id[there.article].path + there.suffix
    return len(theirs) > len(mine) and theirs[: len(mine)] == mine


def core_counts(paragraphs: list[Paragraph], layout: Layout) -> tuple[dict[int, Counter[str]], dict[int, int]]:
    """First-pass article vocabulary: headings plus each segment's opening (and its cut chain).

    Orphans printed below an article are structurally inside it, so its full text would make
    every orphan look like it belongs there; the opening of each segment is safe.
    """
    counts: dict[int, Counter[str]] = {a.aid: Counter() for a in layout.articles}
    members: dict[int, int] = {}
    for art in layout.articles:
        counts[art.aid].update(tokens(" ".join(art.path)))
    for seg in layout.segments:
        counts[seg.article].update(tokens(" ".join(seg.suffix)))
        for i in seg.paragraphs:
            counts[seg.article].update(tokens(paragraphs[i].text))
            members[i] = seg.article
            if not cues.is_cut(paragraphs[i].text):
                break
    return counts, members


def article_sim(ctx: Context, aid: int, p: int) -> float:
    """Similarity of paragraph p to an article's vocabulary, leaving p itself out of it."""
    skey = ("sim", aid, p, ctx.counted_in.get(p) == aid)
    if skey in ctx.memo:
        return ctx.memo[skey][0]
    value = _article_sim(ctx, aid, p)
    ctx.memo[skey] = (value, "")
    return value


def build_sim_table(ctx: Context) -> None:
    """Every article × paragraph cosine of the window at once (sparse product), for the solver's inner loop."""
    import numpy as np
    from scipy.sparse import csr_matrix

    vocab: dict[str, int] = {}

    def matrix(vectors: list[dict[str, float]]) -> csr_matrix:
        rows, cols, vals = [], [], []
        for r, vec in enumerate(vectors):
            for w, v in vec.items():
                rows.append(r)
                cols.append(vocab.setdefault(w, len(vocab)))
                vals.append(v)
        return rows, cols, vals

    aids = sorted(ctx.article_counts)
    a = matrix([ctx.sim.weigh(ctx.article_counts[x]) for x in aids])
    p = matrix([ctx.sim.vector(ctx.paragraphs[i].text) for i in ctx.seq])
    shape_v = max(len(vocab), 1)
    am = csr_matrix((a[2], (a[0], a[1])), shape=(len(aids), shape_v))
    pm = csr_matrix((p[2], (p[0], p[1])), shape=(len(ctx.seq), shape_v))
    ctx.sim_table = (
        {x: k for k, x in enumerate(aids)},
        {i: k for k, i in enumerate(ctx.seq)},
        np.asarray((am @ pm.T).todense()),
    )


def _article_sim(ctx: Context, aid: int, p: int) -> float:
    if ctx.sim_table is not None and ctx.counted_in.get(p) != aid:
        arow, pcol, table = ctx.sim_table
        if aid in arow and p in pcol:
            return float(table[arow[aid], pcol[p]])
    pkey = (-1, p)
    if pkey not in ctx.vectors:
        ctx.vectors[pkey] = ctx.sim.vector(ctx.paragraphs[p].text)
    pvec = ctx.vectors[pkey]
    counts = ctx.article_counts[aid]
    if ctx.counted_in.get(p) == aid:  # leave p out of its own article's vocabulary
        nkey = (aid, -2)
        if nkey not in ctx.vectors:
            ctx.vectors[nkey] = {"": ctx.sim.sq_norm(counts)}
        return ctx.sim.cosine_without(pvec, counts, ctx.vectors[nkey][""], Counter(tokens(ctx.paragraphs[p].text)))
    key = (aid, -1)
    if key not in ctx.vectors:
        ctx.vectors[key] = ctx.sim.weigh(counts)
    return Similarity.cosine(pvec, ctx.vectors[key])


def stay_score(ctx: Context, q: int, p: int, aid: int, last_step: int) -> float:
    key = ("stay", q, p, aid, last_step)
    if key not in ctx.memo:
        ctx.memo[key] = (_stay_score_raw(ctx, q, p, aid, last_step), "")
    return ctx.memo[key][0]


def _stay_score_raw(ctx: Context, q: int, p: int, aid: int, last_step: int) -> float:
    pt, qt = ctx.paragraphs[p].text, ctx.paragraphs[q].text
    fs = ctx.steps_of[p][0] if ctx.steps_of[p] else None
    score = 0.0
    if cues.is_cut(qt) and p == q + 1:  # printed right below a broken-off sentence
        score += -3.0 if fs and last_step and fs <= last_step else 3.0
    else:
        if cues.starts_mid_sentence(pt) or cues.short_first_sentence(pt) or p in ctx.fragments:
            score -= 3.0
        if fs:
            if last_step and fs == last_step + 1:
                score += 2.0
            elif last_step and fs <= last_step:
                score -= 3.0
            elif not last_step and fs >= 2:
                score -= 2.0
            elif last_step and fs > last_step + 1:
                score -= 1.0
    if p in ctx.loose_first:
        score -= LOOSE_START_COST
    # topic counts on both readings (stay and start), so it only says which article, not whether to move
    return score + LEXICAL_WEIGHT * article_sim(ctx, aid, p) + TOPIC_WEIGHT * ctx.topic.get((aid, p), 0.0)


def start_score(ctx: Context, head: Head, p: int) -> tuple[float, str]:
    key = ("start", head.para, p)
    if key not in ctx.memo:
        ctx.memo[key] = _start_score_raw(ctx, head, p)
    return ctx.memo[key]


def _start_score_raw(ctx: Context, head: Head, p: int) -> tuple[float, str]:
    if ctx.numbered is not None and ctx.numbered.get(head.para) != p:
        return -1e9, "a numbered document's text stays where it is printed"
    pt, ht = ctx.paragraphs[p].text, ctx.paragraphs[head.para].text
    fs = cues.first_step(pt)
    score, reasons = -SWITCH_COST, []
    if head.need == "cut":
        if seam_forms_word(ht, pt):
            score += 4.0
            reasons.append("a word straddles the seam")
        if cues.starts_mid_sentence(pt) or cues.short_first_sentence(pt):
            score += 2.0
            reasons.append("starts mid-sentence")
        inner = ctx.steps_of[p][0] if ctx.steps_of[p] else None
        if fs:
            score -= 2.0
        elif inner and head.last_step and inner == head.last_step + 1:
            score += 2.5
            reasons.append(f"enumeration step {head.last_step}→{inner} after the seam")
        elif inner and head.last_step:
            score -= 1.0
        if cues.dateline(pt):
            score -= 3.0
        reasons.insert(0, "head ends mid-sentence")
    elif head.need == "colon":
        reasons.insert(0, "head ends with a colon")
        if fs == 1:
            score += 3.0
            reasons.append("the list it announces starts here")
        elif fs:
            score -= 2.5
    elif head.need == "end":
        reasons.insert(0, "head ends a sentence; continued below the last article")
        if p < ctx.tail_zone_start:
            return -1e9, "not below the last article"
        if cues.starts_mid_sentence(pt) or p in ctx.fragments or cues.continuation_marker(pt):
            score -= END_MID_START_COST
    elif head.need == "enum":
        if fs == head.last_step + 1:
            score += 3.0
            reasons.append(f"enumeration step {head.last_step}→{fs} of {head.expected}")
        else:
            score -= 2.5
    aid = ctx.layout.segments[head.segment].article
    sim = article_sim(ctx, aid, p)
    score += LEXICAL_WEIGHT * sim
    reasons.append(f"shared vocabulary {sim:.2f}")
    if (aid, p) in ctx.topic and TOPIC_WEIGHT:
        score += TOPIC_WEIGHT * ctx.topic[(aid, p)]
        reasons.append(f"topic {ctx.topic[(aid, p)]:+.2f}")
    if p >= ctx.tail_zone_start:
        score += TAIL_ZONE_BONUS
        reasons.append("in the run of fragments below the last article")
    return score, "; ".join(reasons)


def full_counts(ctx: Context, matches: list[tuple[int, int]]) -> tuple[dict[int, Counter[str]], dict[int, int]]:
    """Second-pass article vocabulary from the first-pass assignment (all its paragraphs)."""
    counts = {a.aid: Counter(tokens(" ".join(a.path))) for a in ctx.layout.articles}
    members: dict[int, int] = {}
    for p, k in owners(ctx, matches).items():
        aid = ctx.layout.segments[k].article
        counts[aid].update(tokens(ctx.paragraphs[p].text))
        members[p] = aid
    return counts, members


def owners(ctx: Context, matches: list[tuple[int, int]]) -> dict[int, int]:
    """Segment each body paragraph belongs to after the continuations are applied."""
    starts = {p: j for j, p in matches}
    owner: dict[int, int] = {}
    current: int | None = None
    for p in ctx.seq:
        if p in ctx.first:
            current = None
        if p in starts:  # the head may itself have been carried into another segment
            head = ctx.heads[starts[p]]
            current = owner.get(head.para, head.segment)
        owner[p] = current if current is not None else ctx.seg_of[p]
    return owner
