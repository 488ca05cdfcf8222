"""Put fragments back together: which body paragraph continues which article.

An assignment problem solved by dynamic programming over the body paragraphs in source order.
Every paragraph that does not open a segment either *stays* with the text printed above it or
*starts* the continuation of a head: the last paragraph of an earlier segment that is cut
mid-sentence or whose announced list is unfinished. Continuations appear in the same order as
their heads (a monotone alignment), a head continues at most once, and an unmatched cut head
costs a penalty. Scores add evidence that generalises: cut ends and mid-sentence starts, a
jieba word straddling the seam, enumeration steps that follow on, shared vocabulary with the
article, and the run of orphans sitting below the last article. Confidence of each stitch is the
score lost if it were forbidden.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from qa.records import Paragraph
from qa.structure import cues
from qa.structure.layout import Layout
from qa.structure.lexical import Similarity, seam_forms_word, tokens
from qa.structure.speakers import speakers

LEXICAL_WEIGHT = 6.0
SWITCH_COST = 1.0
TAIL_ZONE_BONUS = 1.0
LOOSE_START_COST = 2.0
BEAM = 400  # states kept per paragraph; only long documents with many cut heads reach it
MAX_RESOLVES = 40  # stitches whose confidence is measured by re-solving without them
MAX_REACH = 300  # paragraphs between a head and its continuation (a page is far shorter)
UNMATCHED_COST = {"cut": 4.0, "enum": 3.0}


@dataclass
class Head:
    """The last paragraph of a segment, and how badly it needs a continuation."""

    para: int
    segment: int
    need: str  # "cut" (ends mid-sentence) | "enum" (announced list unfinished)
    last_step: int  # last enumeration step printed before the break, 0 if none
    expected: int = 0  # announced list length, for unfinished enumerations


@dataclass
class Assignment:
    """Result: for each segment, the reading-order paragraphs and joins; the stitches made."""

    order: dict[int, list[int]] = field(default_factory=dict)  # segment -> paragraphs
    joins: dict[int, list[bool]] = field(default_factory=dict)
    stitches: list[tuple[int, int, float, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class _Context:
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


def _last_step(texts: list[str]) -> int:
    found = [s for t in texts for s in cues.steps(t)]
    return found[-1] if found else 0


def find_heads(paragraphs: list[Paragraph], layout: Layout) -> tuple[list[Head], list[str]]:
    """Heads in source order, and notes for segments that say they continue on another page."""
    heads: list[Head] = []
    notes: list[str] = []
    for k, seg in enumerate(layout.segments):
        if not seg.paragraphs:
            continue
        last = seg.paragraphs[-1]
        text = paragraphs[last].text
        if cues.has_transfer_marker(text):
            notes.append(f"line {paragraphs[last].line_end}: continues on another page (marker)")
            continue
        seg_text = "\n".join(paragraphs[i].text for i in seg.paragraphs)
        step = _last_step([paragraphs[i].text for i in seg.paragraphs])
        unfinished = cues.unfinished_enumeration(seg_text)
        if cues.is_cut(text):
            heads.append(Head(last, k, "cut", step))
        elif unfinished and unfinished[0] == step:
            heads.append(Head(last, k, "enum", step, unfinished[1]))
        # a segment that ends a sentence with its list complete needs no continuation: not a head
    heads.sort(key=lambda h: h.para)
    return heads, notes


def _core_counts(
    paragraphs: list[Paragraph], layout: Layout
) -> tuple[dict[int, Counter[str]], dict[int, int]]:
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


def _article_sim(ctx: _Context, aid: int, p: int) -> float:
    """Similarity of paragraph p to an article's vocabulary, leaving p itself out of it."""
    key = (aid, p) if ctx.counted_in.get(p) == aid else (aid, -1)
    vec = ctx.vectors.get(key)
    if vec is None:
        counts = ctx.article_counts[aid]
        if key[1] >= 0:
            counts = counts.copy()
            counts.subtract(tokens(ctx.paragraphs[p].text))
            counts = +counts
        vec = ctx.vectors[key] = ctx.sim.weigh(counts)
    pkey = (-1, p)
    if pkey not in ctx.vectors:
        ctx.vectors[pkey] = ctx.sim.vector(ctx.paragraphs[p].text)
    return Similarity.cosine(ctx.vectors[pkey], vec)


def _stay_score(ctx: _Context, q: int, p: int, aid: int, last_step: int) -> float:
    key = ("stay", q, p, aid, last_step)
    if key not in ctx.memo:
        ctx.memo[key] = (_stay_score_raw(ctx, q, p, aid, last_step), "")
    return ctx.memo[key][0]


def _stay_score_raw(ctx: _Context, q: int, p: int, aid: int, last_step: int) -> float:
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
    return score + LEXICAL_WEIGHT * _article_sim(ctx, aid, p)


def _start_score(ctx: _Context, head: Head, p: int) -> tuple[float, str]:
    key = ("start", head.para, p)
    if key not in ctx.memo:
        ctx.memo[key] = _start_score_raw(ctx, head, p)
    return ctx.memo[key]


def _start_score_raw(ctx: _Context, head: Head, p: int) -> tuple[float, str]:
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
    elif head.need == "enum":
        if fs == head.last_step + 1:
            score += 3.0
            reasons.append(f"enumeration step {head.last_step}→{fs} of {head.expected}")
        else:
            score -= 2.5
    sim = _article_sim(ctx, ctx.layout.segments[head.segment].article, p)
    score += LEXICAL_WEIGHT * sim
    reasons.append(f"shared vocabulary {sim:.2f}")
    if p >= ctx.tail_zone_start:
        score += TAIL_ZONE_BONUS
        reasons.append("in the run of fragments below the last article")
    return score, "; ".join(reasons)


def _solve(ctx: _Context, forbid: tuple[int, int] | None = None) -> tuple[float, list[tuple[int, int]]]:
    """Best monotone assignment: total score and the (head index, start paragraph) pairs.

    State after each paragraph: (last head used, paragraph where the current continuation
    started or -1 when the paragraph sits in its printed segment). Starting a continuation
    from any state with an earlier last head is a prefix maximum, so a page costs
    O(paragraphs × states).
    """
    heads = ctx.heads
    cum = [0.0]
    for h in heads:
        cum.append(cum[-1] + UNMATCHED_COST[h.need])  # cum[j + 1] = cost of heads[0..j]
    # value: (score, matches, last enumeration step of the continuation chain)
    State = tuple[float, tuple[tuple[int, int], ...], int]
    states: dict[tuple[int, int], State] = {(-1, -1): (0.0, (), 0)}
    prev: int | None = None
    for p in ctx.seq:
        new: dict[tuple[int, int], State] = {}

        def offer(key: tuple[int, int], value: State, table: dict[tuple[int, int], State] = new) -> None:
            if key not in table or value[0] > table[key][0]:
                table[key] = value

        if p in ctx.first or prev is None:
            for (j, _start), (score, matches, _) in states.items():
                offer((j, -1), (score, matches, 0))
            states, prev = new, p
            continue
        p_step = ctx.steps_of[p][-1] if ctx.steps_of[p] else 0
        # best state per last head, shifted so skipped heads can be charged by a difference
        best_by_j: dict[int, State] = {}
        for (j, start), (score, matches, chain_step) in states.items():
            if start >= 0:
                aid = ctx.layout.segments[heads[j].segment].article
                step = chain_step
            else:
                aid = ctx.layout.segments[ctx.seg_of[p]].article
                step = ctx.struct_step[p]
            stay = score + _stay_score(ctx, prev, p, aid, step)
            offer((j, start), (stay, matches, p_step or step))
            if j not in best_by_j or score + cum[j + 1] > best_by_j[j][0]:
                best_by_j[j] = (score + cum[j + 1], matches, 0)
        running: State | None = None
        for jj, head in enumerate(heads):
            cand = best_by_j.get(jj - 1)
            if cand is not None and (running is None or cand[0] > running[0]):
                running = cand
            if running is None or head.para >= p or p - head.para > MAX_REACH or (jj, p) == forbid:
                continue
            gain, _ = _start_score(ctx, head, p)
            total = running[0] - cum[jj] + gain
            offer((jj, p), (total, running[1] + ((jj, p),), p_step or head.last_step))
        if len(new) > BEAM:
            new = dict(sorted(new.items(), key=lambda kv: kv[1][0], reverse=True)[:BEAM])
        states, prev = new, p
    best_score, best_matches = -math.inf, ()
    for (j, _start), (score, matches, _) in states.items():
        total = score - (cum[-1] - cum[j + 1])
        if total > best_score:
            best_score, best_matches = total, matches
    return best_score, list(best_matches)


def stitch(paragraphs: list[Paragraph], layout: Layout) -> Assignment:
    """Assign every body paragraph to a segment in reading order and record the stitches."""
    heads, notes = find_heads(paragraphs, layout)
    seq = sorted(i for seg in layout.segments for i in seg.paragraphs)
    seg_of = {i: k for k, seg in enumerate(layout.segments) for i in seg.paragraphs}
    first = {seg.paragraphs[0] for seg in layout.segments if seg.paragraphs and not seg.loose}
    loose_first = {seg.paragraphs[0] for seg in layout.segments if seg.paragraphs and seg.loose}
    tail_zone = max(first) + 1 if first else 0
    after = [p for p in loose_first if p > tail_zone]
    tail_zone = min(after) if after else tail_zone
    ctx = _Context(
        paragraphs=paragraphs,
        layout=layout,
        heads=heads,
        seq=seq,
        first=first,
        seg_of=seg_of,
        sim=Similarity(p.text for p in paragraphs),
        article_counts={},
        tail_zone_start=tail_zone,
        loose_first=loose_first,
        steps_of={i: cues.steps(paragraphs[i].text) for i in seq},
    )
    cut_heads = [h.para for h in heads if h.need == "cut"]
    ctx.fragments = {
        p
        for p in seq
        if p not in first
        and p >= tail_zone
        and cues.first_step(paragraphs[p].text) is None
        and any(h < p and seam_forms_word(paragraphs[h].text, paragraphs[p].text) for h in cut_heads)
    }
    for seg in layout.segments:
        last = 0
        for i in seg.paragraphs:
            ctx.struct_step[i] = last
            last = ctx.steps_of[i][-1] if ctx.steps_of[i] else last
    ctx.article_counts, ctx.counted_in = _core_counts(paragraphs, layout)
    _, matches = _solve(ctx)
    ctx.article_counts, ctx.counted_in = _full_counts(ctx, matches)
    ctx.memo.clear()
    ctx.vectors.clear()
    best, matches = _solve(ctx)
    result = _assemble(ctx, matches)
    result.notes = notes
    for j, p in matches:
        head = heads[j]
        if len(matches) <= MAX_RESOLVES:
            alt, _ = _solve(ctx, forbid=(j, p))
            margin = best - alt
        else:  # long document: the evidence for the stitch itself stands in for the margin
            margin = _start_score(ctx, head, p)[0]
        confidence = 1.0 / (1.0 + math.exp(-margin)) if math.isfinite(margin) else 1.0
        _, reason = _start_score(ctx, head, p)
        result.stitches.append((head.para, p, round(confidence, 3), reason))
        if confidence < 0.75:
            result.notes.append(
                f"lines {paragraphs[head.para].line_end}→{paragraphs[p].line_start}: "
                f"uncertain continuation (confidence {confidence:.2f}); check it"
            )
    owner = _owners(ctx, matches)
    result.notes.extend(_speaker_notes(ctx, owner))
    matched = {heads[j].para for j, _ in matches}
    for head in heads:
        moved = owner[head.para] != ctx.seg_of[head.para]
        if head.para not in matched and not moved:
            what = "ends mid-sentence" if head.need == "cut" else "announces a longer list"
            result.notes.append(
                f"line {paragraphs[head.para].line_end}: {what} but no continuation was found on this page"
            )
    return result


def _owners(ctx: _Context, matches: list[tuple[int, int]]) -> dict[int, int]:
    """Segment each body paragraph belongs to after the continuations are applied."""
    starts = {p: j for j, p in matches}
    owner: dict[int, int] = {}
    current: int | None = None
    for p in ctx.seq:
        if p in ctx.first:
            current = None
        if p in starts:
            current = ctx.heads[starts[p]].segment
        owner[p] = current if current is not None else ctx.seg_of[p]
    return owner


def _full_counts(
    ctx: _Context, matches: list[tuple[int, int]]
) -> tuple[dict[int, Counter[str]], dict[int, int]]:
    """Second-pass article vocabulary from the first-pass assignment (all its paragraphs)."""
    counts = {a.aid: Counter(tokens(" ".join(a.path))) for a in ctx.layout.articles}
    members: dict[int, int] = {}
    for p, k in _owners(ctx, matches).items():
        aid = ctx.layout.segments[k].article
        counts[aid].update(tokens(ctx.paragraphs[p].text))
        members[p] = aid
    return counts, members


def _assemble(ctx: _Context, matches: list[tuple[int, int]]) -> Assignment:
    owner = _owners(ctx, matches)
    starts = {p: ctx.heads[j] for j, p in matches}
    result = Assignment()
    for k in range(len(ctx.layout.segments)):
        result.order[k] = []
        result.joins[k] = []
    for p in ctx.seq:
        k = owner[p]
        order = result.order[k]
        if p in starts:
            join = starts[p].need == "cut"
        else:
            join = bool(order) and order[-1] == p - 1 and cues.is_cut(ctx.paragraphs[order[-1]].text)
        order.append(p)
        result.joins[k].append(join)
    return result


def _speaker_notes(ctx: _Context, owner: dict[int, int]) -> list[str]:
    """Flag stitched fragments that quote someone who speaks only in another article."""
    arts = ctx.layout.articles
    article_of = {p: ctx.layout.segments[k].article for p, k in owner.items()}
    notes: list[str] = []
    for p, k in owner.items():
        names = speakers(ctx.paragraphs[p].text)
        if k == ctx.seg_of[p] or not names:
            continue  # only stitched fragments that quote someone are in doubt
        quoted_in: dict[int, bool] = {}
        for q, aid in article_of.items():
            if q != p and names & speakers(ctx.paragraphs[q].text):
                quoted_in[aid] = True
        here = article_of[p]
        if quoted_in and here not in quoted_in:
            where = " / ".join(arts[a].path[-1] for a in quoted_in)
            notes.append(
                f"line {ctx.paragraphs[p].line_start}: quotes {'、'.join(sorted(names))}, who speaks in "
                f"'{where}', but was placed in '{arts[here].path[-1]}' by position and topic; check it"
            )
    return notes
