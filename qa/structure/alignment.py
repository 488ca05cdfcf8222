"""Monotone alignment of heads to continuation starts, solved by dynamic programming.

Continuations are printed in the same order as the articles they continue, each head continues
at most once, and a head left without continuation costs a penalty; within those rules the
solver picks the best-scoring reading of the whole page at once rather than greedily.
"""

from __future__ import annotations

import math

from qa.structure.evidence import Context, start_score, stay_score

BEAM = 400  # states kept per paragraph; only long documents with many cut heads reach it
MAX_REACH = 300  # paragraphs between a head and its continuation (a page is far shorter)
UNMATCHED_COST = {"cut": 4.0, "enum": 3.0, "colon": 1.5, "end": 0.0}


def solve(ctx: Context, forbid: tuple[int, int] | None = None) -> tuple[float, list[tuple[int, int]]]:
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
            stay = score + stay_score(ctx, prev, p, aid, step)
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
            gain, _ = start_score(ctx, head, p)
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
