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

import dataclasses
import math
import sys
from dataclasses import dataclass, field

from tqdm import tqdm

from qa.paragraphs import facts_follow
from qa.records import Paragraph
from qa.sign_off import dated
from qa.structure import cues, evidence
from qa.structure.alignment import solve
from qa.structure.attachments import list_label, listed_under
from qa.structure.evidence import (
    Context,
    Head,
    build_sim_table,
    core_counts,
    find_heads,
    full_counts,
    owners,
    start_score,
)
from qa.structure.headings import numbered_outline
from qa.structure.layout import Article, Layout, Segment
from qa.structure.lexical import Similarity, seam_forms_word
from qa.structure.speakers import speakers
from qa.structure.topic import OPENING_CHARS, TopicSource

LARGE_DOCUMENT = 2000  # body paragraphs: beyond this, stitch only with scramble evidence
SCRAMBLE_SHARE = 0.05  # cut heads per printed segment that count as evidence of a scrambled layout
WINDOW_SEGMENTS = 60  # a generated or printed page fits in one window
ORDER_PRIOR = 1.0  # gain a non-printed continuation order needs over the printed one (benchmark --sweep)
MAX_SPEAKER_PARAGRAPHS = 200
PAGE_PARAGRAPHS = 200  # a window longer than any printed page: a long document, judged more cheaply
MAX_RESOLVES = 40  # stitches whose confidence is measured by re-solving without them
MAX_RESOLVE_PARAGRAPHS = 400  # beyond this a re-solve per stitch costs more than the margin is worth


@dataclass
class Assignment:
    """Result: for each segment, the reading-order paragraphs and joins; the stitches made."""

    order: dict[int, list[int]] = field(default_factory=dict)  # segment -> paragraphs
    joins: dict[int, list[bool]] = field(default_factory=dict)
    stitches: list[tuple[int, int, float, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    tail_zone_start: int = 0  # first paragraph of the run where moved fragments may sit
    unmatched_heads: int = 0  # heads that needed a continuation and got none


def stitch(paragraphs: list[Paragraph], layout: Layout, topic: TopicSource | None = None) -> Assignment:
    """Assign every body paragraph to a segment in reading order and record the stitches.

    A long document is stitched in windows of ``WINDOW_SEGMENTS`` printed segments (a page holds
    far fewer), each with its own vocabulary statistics: cost and memory grow with the length of
    the document, not with its square. Progress goes to stderr when there are many windows.
    On a page-sized document ``topic`` (a sentence encoder, loaded only if there are fragments to
    place) adds semantic topic evidence to the lexical one.
    """
    n = len(layout.segments)
    if n <= WINDOW_SEGMENTS:
        return _stitch_window(paragraphs, layout, topic)
    # a long document (a report, a book) is stitched by vocabulary alone: encoding every window's
    # fragments would cost more than the size targets allow, and its cuts are rarely topic-only
    result = Assignment(tail_zone_start=len(paragraphs))
    starts = range(0, n, WINDOW_SEGMENTS)
    for lo in tqdm(starts, desc="structure: stitching", unit="window", disable=len(starts) < 20, file=sys.stderr):
        ks = list(range(lo, min(lo + WINDOW_SEGMENTS, n)))
        part = _stitch_window(paragraphs, _sub_layout(layout, ks))
        for local, k in enumerate(ks):
            result.order[k] = part.order.get(local, [])
            result.joins[k] = part.joins.get(local, [])
        result.stitches.extend(part.stitches)
        result.notes.extend(part.notes)
        result.unmatched_heads += part.unmatched_heads
    return result


def _sub_layout(layout: Layout, ks: list[int]) -> Layout:
    """The segments ``ks`` (and their articles, renumbered) as a layout of their own."""
    aids: dict[int, int] = {}
    articles: list[Article] = []
    segments: list[Segment] = []
    for k in ks:
        seg = layout.segments[k]
        if seg.article not in aids:
            aids[seg.article] = len(articles)
            articles.append(dataclasses.replace(layout.articles[seg.article], aid=len(articles)))
        segments.append(dataclasses.replace(seg, article=aids[seg.article]))
    return Layout(roles=layout.roles, articles=articles, segments=segments, notes=[])


def _stitch_window(paragraphs: list[Paragraph], layout: Layout, topic: TopicSource | None = None) -> Assignment:
    heads, notes = find_heads(paragraphs, layout)
    seq = sorted(i for seg in layout.segments for i in seg.paragraphs)
    seg_of = {i: k for k, seg in enumerate(layout.segments) for i in seg.paragraphs}
    strong = [h for h in heads if h.need != "end"]
    if not heads or (len(seq) > LARGE_DOCUMENT and len(strong) < SCRAMBLE_SHARE * len(layout.segments)):
        # nothing printed asks for a continuation (a report, a book): keep the printed order
        result = Assignment()
        for k, seg in enumerate(layout.segments):
            result.order[k] = list(seg.paragraphs)
            pairs = zip(seg.paragraphs, seg.paragraphs[1:], strict=False)
            result.joins[k] = [False] + [b == a + 1 and cues.is_cut(paragraphs[a].text) for a, b in pairs]
        result.notes = notes + ([f"{len(strong)} paragraphs end mid-sentence; too few to stitch"] if strong else [])
        result.tail_zone_start = len(paragraphs)
        return result
    first = {seg.paragraphs[0] for seg in layout.segments if seg.paragraphs and not seg.loose}
    loose_first = {seg.paragraphs[0] for seg in layout.segments if seg.paragraphs and seg.loose}
    # moved text starts below the last headline's article: a '（上接N版）' block or a jumped
    # continuation is itself moved text, and a column credited by a byline (its title printed
    # after it) may close the page below the fragments, so neither pushes the zone down
    openings = [
        seg.paragraphs[0]
        for seg in layout.segments
        if seg.paragraphs and not seg.loose and not seg.jumped and layout.articles[seg.article].kind != "marker"
    ]
    headed = [
        seg.paragraphs[0]
        for seg in layout.segments
        if seg.paragraphs and not seg.loose and not seg.jumped and layout.articles[seg.article].kind == "headed"
    ]
    tail_zone = max(headed or openings) + 1 if openings else 0
    after = [p for p in loose_first if p > tail_zone]
    tail_zone = min(after) if after else tail_zone
    ctx = Context(
        paragraphs=paragraphs,
        layout=layout,
        heads=heads,
        seq=seq,
        first=first,
        seg_of=seg_of,
        sim=Similarity(paragraphs[i].text for i in seq),
        article_counts={},
        tail_zone_start=tail_zone,
        loose_first=loose_first,
        steps_of={i: cues.steps(paragraphs[i].text) for i in seq},
    )
    # a numbered document: '第七条' is where its number puts it, not moved text sharing words with '第二条'
    if numbered_outline([paragraphs[i].text for i, role in layout.roles.items() if role in ("heading", "title")]):
        ctx.numbered = dict(zip(seq, seq[1:], strict=False))
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
    ctx.article_counts, ctx.counted_in = core_counts(paragraphs, layout)
    if topic is not None and topic.enabled and evidence.TOPIC_WEIGHT and len(seq) <= PAGE_PARAGRAPHS:
        ctx.topic = _topic_table(ctx, topic)
    build_sim_table(ctx)
    printed_score, matches = solve(ctx)
    reordered = _order_heads(ctx)
    if reordered != heads and len(seq) > PAGE_PARAGRAPHS:
        # a long document: judge the orders on the first pass (a refit per order costs more than it tells)
        ctx.heads = reordered
        score, alt = solve(ctx)
        if score > printed_score + ORDER_PRIOR:
            heads, matches = reordered, alt
        best, matches = _refit(ctx, heads, matches)
    elif reordered != heads:  # printed order is the prior: another order must explain the page better
        ctx.heads = reordered
        _, alt = solve(ctx)
        # each order is judged with the article vocabulary its own assignment implies; the printed
        # order is solved last so that, when it stays, its solution is the final one
        score, _ = _refit(ctx, reordered, alt)
        best, matches = _refit(ctx, heads, matches)
        if score > best + ORDER_PRIOR:
            heads = reordered
            best, matches = _refit(ctx, reordered, alt)
    else:
        best, matches = _refit(ctx, heads, matches)
    result = _assemble(ctx, matches)
    result.notes = notes
    for j, p in matches:
        head = heads[j]
        if len(matches) <= MAX_RESOLVES and len(seq) <= MAX_RESOLVE_PARAGRAPHS:
            alt, _ = solve(ctx, forbid=(j, p))
            margin = best - alt
        else:  # long document: the evidence for the stitch itself stands in for the margin
            margin = start_score(ctx, head, p)[0]
        confidence = 1.0 / (1.0 + math.exp(-margin)) if math.isfinite(margin) else 1.0
        _, reason = start_score(ctx, head, p)
        result.stitches.append((head.para, p, round(confidence, 3), reason))
        if confidence < 0.75:
            result.notes.append(
                f"lines {paragraphs[head.para].line_end}→{paragraphs[p].line_start}: "
                f"uncertain continuation (confidence {confidence:.2f}); check it"
            )
    owner = owners(ctx, matches)
    if len(seq) <= MAX_SPEAKER_PARAGRAPHS:  # part-of-speech tagging every paragraph is for pages, not books
        result.notes.extend(_speaker_notes(ctx, owner))
    matched = {heads[j].para for j, _ in matches}
    result.tail_zone_start = ctx.tail_zone_start
    for head in heads:
        moved = owner[head.para] != ctx.seg_of[head.para]
        if head.para not in matched and not moved and head.need != "end":
            result.unmatched_heads += 1
            what = {"cut": "ends mid-sentence", "enum": "announces a longer list"}.get(head.need, "ends with a colon")
            result.notes.append(
                f"line {paragraphs[head.para].line_end}: {what} but no continuation was found on this page"
            )
    return result


def _candidates(ctx: Context) -> list[int]:
    """Paragraphs that could start a continuation: below the last article, after a title run, or fused to a cut."""
    return [
        p
        for p in ctx.seq
        if p not in ctx.first and (p >= ctx.tail_zone_start or p in ctx.loose_first or p in ctx.fragments)
    ]


def _topic_table(ctx: Context, topic: TopicSource) -> dict[tuple[int, int], float]:
    """Relative topic similarity of every candidate fragment to every article of the window (encoder).

    An article is represented by its title path and its opening (the first paragraph of its first
    segment and the cut chain below it, up to ``OPENING_CHARS``), the text no moved fragment sits in.
    """
    cands = [p for p in _candidates(ctx) if any(h.para < p for h in ctx.heads)]
    if not cands:
        return {}
    texts: dict[int, str] = {}
    for seg in ctx.layout.segments:
        if seg.article in texts or not seg.paragraphs:
            continue
        opening = []
        for i in seg.paragraphs:
            opening.append(ctx.paragraphs[i].text)
            if not cues.is_cut(ctx.paragraphs[i].text):
                break
        title = " ".join(ctx.layout.articles[seg.article].path)
        texts[seg.article] = (title + "\n" + "".join(opening))[:OPENING_CHARS]
    aids = list(texts)
    matrix = topic.similarity([texts[a] for a in aids], [ctx.paragraphs[p].text for p in cands])
    if matrix is None:
        return {}
    return {(a, p): float(matrix[r, c]) for r, p in enumerate(cands) for c, a in enumerate(aids)}


def _refit(ctx: Context, heads: list[Head], matches: list[tuple[int, int]]) -> tuple[float, list[tuple[int, int]]]:
    """Solve again with article vocabulary taken from a first assignment (all its paragraphs)."""
    ctx.heads = heads
    ctx.article_counts, ctx.counted_in = full_counts(ctx, matches)
    ctx.memo.clear()
    ctx.vectors.clear()
    build_sim_table(ctx)
    return solve(ctx)


def _order_heads(ctx: Context) -> list[Head]:
    """Heads in the order their continuations are likely printed, so the monotone solver can follow it.

    Continuations need not be printed in the order of their heads (shuffled, reversed). A
    min-cost matching (Hungarian, scipy) of heads to the paragraphs that could start a
    continuation, scored by the same start evidence, says where each head most likely continues;
    heads are then ordered by that place (unmatched heads keep their printed order in front). The
    solver still decides every stitch: the matching only sets the order it may use, the soft prior.
    """
    heads = ctx.heads
    if len(heads) < 2:
        return heads
    cands = _candidates(ctx)
    if not cands:
        return heads
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    matrix = np.full((len(heads), len(cands)), -50.0)
    for j, head in enumerate(heads):
        for c, p in enumerate(cands):
            if head.para < p:
                matrix[j, c] = max(start_score(ctx, head, p)[0], -50.0)
    rows, cols = linear_sum_assignment(-matrix)
    place = {int(r): cands[int(c)] for r, c in zip(rows, cols, strict=True) if matrix[r, c] > 0}
    order = sorted(range(len(heads)), key=lambda j: (place.get(j, -1), heads[j].para))
    return [heads[j] for j in order]


def _assemble(ctx: Context, matches: list[tuple[int, int]]) -> Assignment:
    owner = owners(ctx, matches)
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
            join = bool(order) and order[-1] == p - 1 and _runs_on(ctx.paragraphs, p)
        order.append(p)
        result.joins[k].append(join)
    return result


def _runs_on(paragraphs: list[Paragraph], p: int) -> bool:
    """Whether paragraph ``p`` continues the sentence the one before it breaks off. Not a line that is wholly a
    date (a document's date under its issuer), nor a line after an item of an attachment list ('附件：1. 名单⏎2. 规程'),
    whose items are lines of their own, each a title without a sentence end."""
    if not cues.is_cut(paragraphs[p - 1].text) or dated(paragraphs[p].text.strip()):
        return False
    if facts_follow(paragraphs[p - 1].text, paragraphs[p].text):
        return False  # a run of facts ('地点：…⏎主持人：…'): each a line of its own
    above = (paragraphs[i].text for i in range(p - 2, -1, -1))
    return not (list_label(paragraphs[p - 1].text) or listed_under(paragraphs[p - 1].text, above))


def _name(article: Article) -> str:
    """How a note names an article: its title, or where it stands when it has none (text above the first headline)."""
    return article.path[-1] if article.path else "the text before the first headline"


def _speaker_notes(ctx: Context, owner: dict[int, int]) -> list[str]:
    """Flag stitched fragments that quote someone who speaks only in another article."""
    arts = ctx.layout.articles
    article_of = {p: ctx.layout.segments[k].article for p, k in owner.items()}
    notes: list[str] = []
    for p, k in owner.items():
        if k == ctx.seg_of[p]:
            continue  # only stitched fragments that quote someone are in doubt
        names = speakers(ctx.paragraphs[p].text)
        if not names:
            continue
        quoted_in: dict[int, bool] = {}
        for q, aid in article_of.items():
            if q != p and names & speakers(ctx.paragraphs[q].text):
                quoted_in[aid] = True
        here = article_of[p]
        if quoted_in and here not in quoted_in:
            where = " / ".join(_name(arts[a]) for a in quoted_in)
            notes.append(
                f"line {ctx.paragraphs[p].line_start}: quotes {'、'.join(sorted(names))}, who speaks in "
                f"'{where}', but was placed in '{_name(arts[here])}' by position and topic; check it"
            )
    return notes
