"""Pair printed jump markers: a '（下转第4版）' head with the '（上接第1版）' block or jump head that continues it.

When both ends of a jump are in one file (a PDF of the whole issue, or pages pasted together),
the markers say outright that the text continues, and a *jump head* over the continuation (a
word of the headline, '新政' over the rest of '某市推出新政…') says which article it is. Which
head goes with which continuation is a min-cost matching (Hungarian, scipy) over evidence that
does not depend on printing order: the jump head is a word of the headline, both ends carry
markers, the page numbers agree, and the vocabulary is shared.

``pair_jumps`` works on a ``Layout`` and is reusable by any reader that knows its headings.
"""

from __future__ import annotations

import re

from qa.records import Paragraph
from qa.structure import cues
from qa.structure.layout import Layout
from qa.structure.lexical import Similarity
from qa.structure.topic import TopicSource

_PAGE = re.compile(r"第?\s*([\d一二三四五六七八九十]+)\s*版")
_CN = {ch: i + 1 for i, ch in enumerate("一二三四五六七八九十")}
MIN_SCORE = 0.1  # 3 × cosine: a pairing needs some shared vocabulary (or a jump head), not just two markers
BALANCED_MIN_SCORE = 0.0  # as many jumps out as in: every marker has its other end here, pair unless contradicted
BALANCED_MIN_JUMPS = 2  # one marker at each end with nothing in common is as likely two jumps to other pages
JUMP_HEAD_MAX = 8
TOPIC_WEIGHT = 1.0  # sentence-encoder topic similarity (relative): benchmarks/structure.py --sweep-topic
TOPIC_CHARS = 400


def _page_no(marker: str) -> int | None:
    match = _PAGE.search(marker)
    if not match:
        return None
    raw = match.group(1)
    if raw.isdigit():
        return int(raw)
    return _CN.get(raw) if len(raw) == 1 else None


def _jump_head_target(title: str, layout: Layout, before: int) -> int | None:
    """The one earlier article whose headline contains this short heading (a jump head)."""
    if not (1 < len(title) <= JUMP_HEAD_MAX):
        return None
    hits = {
        a.aid
        for a in layout.articles[:before]
        if a.path and title in a.path[-1] and title != a.path[-1]
    }
    return hits.pop() if len(hits) == 1 else None


def pair_jumps(
    paragraphs: list[Paragraph], layout: Layout, topic: TopicSource | None = None
) -> list[tuple[int, int, float, str]]:
    """Re-attach continuation segments to the articles whose heads jump to them.

    Returns (head paragraph, continuation paragraph, confidence, reason) for every pairing made;
    the layout's segments are updated in place (the continuation now belongs to the article).
    """
    heads: list[int] = []  # segment indexes ending in '（下转…）'
    conts: list[int] = []  # segment indexes opening with '（上接…）' or under a jump head
    for k, seg in enumerate(layout.segments):
        if not seg.paragraphs:
            continue
        if cues.has_transfer_marker(paragraphs[seg.paragraphs[-1]].text):
            heads.append(k)
        first = paragraphs[seg.paragraphs[0]].text
        jump_head = len(seg.opened_by_run) == 1 and _jump_head_target(
            paragraphs[seg.opened_by_run[0]].text.strip(), layout, seg.article
        )
        if cues.continuation_marker(first) or jump_head is not None and jump_head is not False:
            conts.append(k)
    if not heads or not conts:
        return []
    sim = Similarity(p.text for p in paragraphs)

    def text_of(k: int) -> str:
        seg = layout.segments[k]
        art = layout.articles[seg.article]
        return " ".join(art.path) + " " + " ".join(paragraphs[i].text for i in seg.paragraphs)

    topical = None
    if topic is not None and topic.enabled and TOPIC_WEIGHT and len(heads) + len(conts) > 2:
        topical = topic.similarity([text_of(c)[:TOPIC_CHARS] for c in conts], [text_of(h)[:TOPIC_CHARS] for h in heads])
    scores: list[list[float]] = []
    reasons: dict[tuple[int, int], str] = {}
    for h in heads:
        hseg = layout.segments[h]
        hvec = sim.vector(text_of(h))
        to_page = _page_no(paragraphs[hseg.paragraphs[-1]].text.rsplit("（", 1)[-1])
        row: list[float] = []
        for c in conts:
            cseg = layout.segments[c]
            if c <= h:
                row.append(-10.0)
                continue
            why = ["head says it continues elsewhere"]
            score = 3.0 * sim.cosine(hvec, sim.vector(text_of(c)))
            why.append(f"shared vocabulary {score / 3:.2f}")
            if topical is not None:
                t = float(topical[len(scores), conts.index(c)])
                score += TOPIC_WEIGHT * t
                why.append(f"topic {t:+.2f}")
            marker = cues.continuation_marker(paragraphs[cseg.paragraphs[0]].text)
            if marker:
                why.append("continuation opens with a 上接 marker")
            if len(cseg.opened_by_run) == 1:
                target = _jump_head_target(paragraphs[cseg.opened_by_run[0]].text.strip(), layout, cseg.article)
                if target == hseg.article:
                    score += 3.0
                    why.append("jump head is a word of the headline")
                elif target is not None:
                    score -= 3.0
            from_page = _page_no(marker) if marker else None
            if to_page is not None and from_page is not None and to_page == from_page:
                score -= 1.0  # '下转4版' cannot continue on a block saying it came from page 4
            row.append(score)
            reasons[(h, c)] = "; ".join(why)
        scores.append(row)
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    matrix = np.array(scores)
    rows, cols = linear_sum_assignment(-matrix)
    made: list[tuple[int, int, float, str]] = []
    # unequal counts mean some markers point to pages not in this file: weak pairs are doubtful
    floor = BALANCED_MIN_SCORE if len(heads) == len(conts) >= BALANCED_MIN_JUMPS else MIN_SCORE
    for r, c in zip(rows, cols, strict=True):
        score = float(matrix[r, c])
        if score < floor:
            continue
        second = max([float(x) for j, x in enumerate(matrix[r]) if j != c] or [0.0])
        margin = score - max(second, 0.0)
        confidence = round(1.0 / (1.0 + np.exp(-2.0 * margin)), 3)
        h, k = heads[r], conts[c]
        cseg = layout.segments[k]
        cseg.article = layout.segments[h].article
        cseg.suffix = layout.segments[h].suffix
        cseg.jumped = True
        for i in cseg.opened_by_run:
            layout.roles[i] = "heading"
        made.append((layout.segments[h].paragraphs[-1], cseg.paragraphs[0], confidence, reasons[(h, k)]))
    return made
