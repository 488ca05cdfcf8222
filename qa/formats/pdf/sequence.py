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

from collections import Counter
from dataclasses import replace

from qa.formats.blocks import Block
from qa.formats.pdf.reports import section_number

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
