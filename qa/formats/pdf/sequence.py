"""Decimal section numbers that run in one clean sequence set the headings' levels, whatever their type said.

A two-column paper (reportlab frames, LaTeX's twocolumn) is read as a page of columns, where a heading's level
comes from its type and its neighbours: a chapter's title set right over its first section's title ('2 相关工作'
over '2.1 检索增强生成') reads as a headline with its subtitle, one over a paragraph ('1 引言', '4 实验') as a
subhead — so '4 实验' and '5 结论', in the same size and face as '3 方法', were filed under '3 方法', and the paper's
title stood over '1 引言' alone. The numbers say what the type did not: '1' … '5' are siblings, '2.1' and '2.2' are
parts of '2'.

Only a numbering that is unmistakably the document's outline is read so: top-level numbers that count up by one
(three or more of them), every deeper number right under its parent and counting up from 1 within it, and at least
one deeper number. A list's '1.' '2.' restarting in each section, a figure, or a year breaks the sequence, and
then nothing changes. Headings already nested consistently by their numbers are left as they are.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from qa.formats.blocks import Block
from qa.formats.pdf.reports import section_number
from qa.structure.headings import line_outline_rank
from qa.structure.markers import number

MIN_CHAPTERS = 3  # top-level numbers counting up: fewer is no outline to trust over the type


def _numbered(blocks: list[Block]) -> list[tuple[int, tuple[int, ...]]]:
    """(index, number) of the numbered headings, in reading order; [] if any number is not all digits."""
    out = []
    for k, b in enumerate(blocks):
        if b.heading_level is None or b.role != "heading":
            continue
        n = section_number(b.text)
        if n is None:
            continue
        if not all(part.isdigit() for part in n):
            return []
        out.append((k, tuple(int(part) for part in n)))
    return out


def _clean_sequence(numbers: list[tuple[int, ...]]) -> bool:
    """Does each number follow the one before as an outline's next section does (1, 2, 2.1, 2.2, 3, 3.1, 4 …)?"""
    top = [n for n in numbers if len(n) == 1]
    if len(top) < MIN_CHAPTERS or len(top) == len(numbers):
        return False
    open_: tuple[int, ...] = ()
    for n in numbers:
        if len(n) == 1:
            ok = not open_ or n[0] == open_[0] + 1
        elif len(n) <= len(open_) + 1:
            parent, last = n[:-1], open_[: len(n)]
            if len(n) == len(open_) + 1:  # a first child: '2' then '2.1'
                ok = parent == open_ and n[-1] == 1
            else:  # a sibling of an open number, or of one of its parents: '2.1' then '2.2', '2.1.3' then '2.2'
                ok = parent == last[:-1] and n[-1] == last[-1] + 1
        else:
            ok = False
        if not ok:
            return False
        open_ = n
    return True


def level_by_sequence(blocks: list[Block]) -> list[Block]:
    """Numbered headings in one clean outline sequence get one level per depth: the level most of the top numbers
    have (the shallower on a tie), one deeper per depth; headings without a number keep theirs."""
    numbered = _numbered(blocks)
    if not numbered or not _clean_sequence([n for _, n in numbered]):
        return blocks
    levels: dict[int, set[int]] = {}
    for k, n in numbered:
        levels.setdefault(len(n), set()).add(blocks[k].heading_level or 0)
    consistent = all(len(ls) == 1 for ls in levels.values()) and all(
        max(levels[d]) < min(levels[d + 1]) for d in levels if d + 1 in levels
    )
    if consistent:
        return blocks
    tops = Counter(blocks[k].heading_level for k, n in numbered if len(n) == 1)
    base = min(tops, key=lambda level: (-tops[level], level or 0)) or 1
    out = list(blocks)
    for k, n in numbered:
        out[k] = replace(blocks[k], heading_level=base + len(n) - 1)
    return out


# A heading's numbering family and its count: '二、' → ((3,), 2), '（三）' → ((4,), 3), '2.3 ' → ((6, '2'), 3).
_COUNTED = re.compile(r"^\s*(?:第\s*)?[（(]?\s*([\d.]+|[一二三四五六七八九十]+)")


def outline_count(text: str) -> tuple[tuple[object, ...], int] | None:
    """(family, count) of a heading's outline number, or None: the family is the structure stage's outline rank
    (with a decimal number's parent parts: '2.1' and '3.1' count in two families)."""
    rank = line_outline_rank(text.strip())
    match = _COUNTED.match(text)
    if rank is None or match is None:
        return None
    token = match.group(1).rstrip(".")
    if token.replace(".", "").isdigit():
        parts = token.split(".")
        if not all(parts):
            return None
        return (rank, *parts[:-1]), int(parts[-1])
    value = number(token)
    return ((rank,), value) if value else None


def siblings_by_count(blocks: list[Block]) -> list[Block]:
    """A heading numbered next in its family after its family's last heading ('二、' after '一、') is that heading's
    sibling, whatever size it is set in; the headings under it move with it.

    A report sets '一、' in 18 pt and '二、' in 16 pt (a style edited by hand, a page typed apart): ranked by size,
    '二、' sat a level under '一、', and every passage of part two was cited as '一、… › 二、…'. The structure stage
    reads plain text the same way — numbering says how deep a heading sits (``qa.structure.headings.outline_rank``:
    '二、' closes '一、'). The count must run on: '二、' right after '一、' of the same family with no shallower
    numbered heading (a new '第二章' restarts it) and no heading at the family's level or above between them; a
    list's '1.' '2.' restarting under each section is not such a run across sections."""
    out = list(blocks)
    last: dict[tuple[object, ...], tuple[int, int]] = {}  # family -> (count, level) of its latest heading
    shift_until: int | None = None  # headings under a moved one move with it, until one at its old level or above
    shift = 0
    for k, b in enumerate(blocks):
        if b.heading_level is None or b.role != "heading":
            continue
        level = b.heading_level
        if shift and shift_until is not None and level > shift_until:
            out[k] = replace(b, heading_level=max(1, level + shift))
            continue
        shift, shift_until = 0, None
        counted = outline_count(b.text)
        # A heading at a family's level or above closes that family's run (a new chapter, an unnumbered part).
        rank = counted[0][0] if counted else None
        for family, (_, lvl) in list(last.items()):
            shallower = isinstance(rank, (int, float)) and isinstance(family[0], (int, float)) and rank < family[0]
            if shallower or (counted is None and level <= lvl):
                del last[family]
        if counted is None:
            continue
        family, value = counted
        before = last.get(family)
        if before is not None and value == before[0] + 1 and before[1] != level:
            shift, shift_until = before[1] - level, level
            out[k] = replace(b, heading_level=before[1])
            level = before[1]
        last[family] = (value, level)
    return out
