"""Numbered headings set in the body's own type: official documents, notices and contracts.

A 公文 (GB/T 9704) sets everything in 16 pt — '一、' heads in 黑体, '（一）' heads in 楷体, the text in 仿宋; a notice
typed in one face sets '一、高度重视' exactly like its text; a contract's '第一条 房屋基本情况' is body type too.
Type size tells none of these apart from the text, so the reader's size-ranked headings file everything under the
document's title. Their numbering does tell them: the DOCX reader already reads such unstyled numbered paragraphs as
headings ranked by their outline number (``qa.formats.outline_numbers.numbered_heading_rank``, the structure stage's
``outline_rank``: 第一章 above 一、 above （一） above 1．); this module applies the same ranking to a one-column PDF's
one-line paragraphs, with the same guards:

- the line is a paragraph of one line that reads like a title (short, ends no sentence, a comma only between
  parallel phrases as in '（一）坚持稳中求进，经济运行持续向好' — ``qa.structure.headings.phrased_title``): a point
  '1．放假前召开一次班会，讲清要求。' that runs on as a sentence is an item of the text, not a heading;
- it heads text: a body paragraph comes before the next numbered line of its rank or above (a run of numbered lines
  over nothing is a list — ``qa.formats.outline_numbers.numbered_line_heads_text``);
- the document numbers at least ``MIN_NUMBERED_HEADINGS`` such lines (the plain-text stage's own test for a
  numbered document, ``qa.structure.layout``);
- where type already heads numbered sections ('一、' in 黑体), a body-type line numbered shallower than those is no
  heading (a manual's '1. 打开文件' step under its '2.3 安装' heading): only the same or deeper numbering joins them.

Ranks: a numbered line whose numbering a type-ranked heading already carries takes that heading's level; a deeper
one sits right under the deepest type-ranked level holding a shallower number, else under every type-ranked level
(as the DOCX reader puts unstyled numbered headings under every styled level).

A word processor may set the clause number apart from its title with a tab ('第一条⇥房屋基本情况'); the reader reads the
two as two lines of one row, and the wide gap as the start of a new paragraph. ``join_numbers`` puts them back
together first.
"""

from __future__ import annotations

import re
from dataclasses import replace

from qa.formats.blocks import Block
from qa.formats.outline_numbers import (
    MAX_NUMBERED_HEADING,
    extends_decimal_outline,
    numbered_heading_rank,
    numbered_line_heads_text,
)
from qa.formats.pdf.exams import is_question, part_title
from qa.formats.pdf.lines import Line
from qa.formats.pdf.paragraphs import _Item
from qa.formats.pdf.sequence import outline_count
from qa.structure.headings import (
    CLAUSE,
    CLAUSE_RANK,
    MAX_TITLE_PHRASE,
    OUTLINE_NUMBER,
    SENTENCE_INSIDE,
    is_bare_heading,
    line_outline_rank,
    phrased_title,
)
from qa.structure.layout import MIN_NUMBERED_HEADINGS

_CN = "一二三四五六七八九十百千零〇两"
MAX_RANK = 5  # outline_rank of '1．' ('1.1' is 6, '(1)' 9)
# An outline number standing alone on its row, its title set apart after a tab: '第一条', '一、', '（一）', '1．'.
_BARE_NUMBER = re.compile(rf"^(?:第[{_CN}\d]+[编篇卷部章节条]|[{_CN}]+[、．.]|[（(][{_CN}\d]+[）)]|\d{{1,2}}[、．.])$")


def join_numbers(items: list[_Item], body: float) -> list[_Item]:
    """Join a bare outline number ('第一条') to its title set apart on the same row ('房屋基本情况') into one line."""
    out: list[_Item] = []
    for item in items:
        if out:
            prev = out[-1].line
            line = item.line
            same_row = prev.page == line.page and abs(prev.top - line.top) < 0.3 * line.size
            if (
                same_row
                and _BARE_NUMBER.match(prev.text.strip())
                and abs(prev.size - line.size) < 0.1 * line.size
                and 0 < line.x0 - prev.x1 < 6 * body
            ):
                joined = Line(
                    f"{prev.text.strip()} {line.text.strip()}",
                    prev.x0,
                    line.x1,
                    min(prev.top, line.top),
                    max(prev.bottom, line.bottom),
                    line.size,
                    prev.bold and line.bold,
                    line.page,
                    line.core_x1,
                    prev.quoted or line.quoted,
                    prev.ruled_above,
                    prev.core_x0,
                )
                out[-1] = _Item(joined, out[-1].leaf, out[-1].left, out[-1].right)
                continue
        out.append(item)
    return out


def _rank(text: str) -> float | None:
    """Outline rank of a one-line paragraph that reads like a numbered heading, None for text or a list item.

    Only the numberings an official document heads its sections with in body type (第一章, 第一条, 一、, （一）, 1．):
    a decimal number of two parts or more ('2.7.13 移植一个软件包') in body type is a contents entry or a
    cross-reference (a manual's headings set it in display type), '(1)', '1)', 'a)' number list items."""
    text = text.strip()
    if CLAUSE.match(text):
        if len(text) > MAX_NUMBERED_HEADING or not is_bare_heading(text):
            return None
        if ("，" in text or "," in text) and not phrased_title(text):
            return None
        return CLAUSE_RANK if len(CLAUSE.match(text).group(0)) < len(text) else None
    rank = numbered_heading_rank(text)
    return rank if rank is not None and rank <= MAX_RANK else None


def _stopped_rank(text: str) -> float | None:
    """Outline rank of a one-line paragraph that is a numbered title closed by a full stop ('（一）推进“一网通办”。'),
    None for anything else: one short phrase (``MAX_TITLE_PHRASE``, the comma_headings split's phrase length), no
    clause break or comma inside — a point that runs on ('（一）各单位要认真落实，加强组织领导。') is a sentence."""
    text = text.strip()
    if not text.endswith("。"):
        return None
    title = text[:-1]
    numbering = OUTLINE_NUMBER.match(title)
    if numbering is None or SENTENCE_INSIDE & set(title) or "，" in title or "," in title:
        return None
    if not 2 <= len(title[numbering.end() :].strip()) <= MAX_TITLE_PHRASE:
        return None
    return _rank(title)


def _stopped_heads(blocks: list[Block], one_line: set[int], candidates: dict[int, float]) -> dict[int, float]:
    """Numbered titles closed by a full stop, each on a line of its own over a paragraph of its own, counting
    （一）（二）… under headings numbered shallower.

    GB/T 9704 sets a 公文's second level '（一）' in 楷体 at the body's size and lets it end with a full stop; alone on
    its line over its text, it heads that text as '（一）推进“一网通办”' without the stop does (its face, the one thing
    that sets it apart, the reader does not keep). A stop marks most numbered lines as a sentence of the text
    (``numbered_heading_rank``), so such a line is taken only as an outline's lower level would be set:

    - numbered deeper than the document's other numbered headings — which need no stop: never a document's only
      numbered run (a list of points);
    - a paragraph of text right under it, or a line numbered deeper (its '1．'): points written one per line
      ('（一）…。' over '（二）…。') and an exam's last questions ('4．写出…方程式。' over the next part's head) head
      nothing of their own;
    - counting from one in its numbering family under each shallower numbered line (``sequence.outline_count``),
      every one before it in the run taken too: '（一）' then '（二）', as an outline counts; an exam's '4．' after
      its questions 1–3 (read as questions, not heads) or '5．' after it starts no run."""
    shallowest = list(candidates.values())
    shallowest += [r for b in blocks if b.heading_level is not None and (r := _heading_rank(b.text)) is not None]
    if not shallowest:
        return {}
    top = min(shallowest)
    out: dict[int, float] = {}
    last: dict[tuple[object, ...], int] = {}  # numbering family -> the count of its run's latest head taken
    for i, b in enumerate(blocks):
        head = candidates.get(i, _heading_rank(b.text) if b.heading_level is not None else None)
        if head is not None:  # a numbered head: the runs under it start anew, its own run counts on
            last = {f: v for f, v in last.items() if not (isinstance(f[0], (int, float)) and f[0] > head)}
            if (counted := outline_count(b.text)) is not None:
                last[counted[0]] = counted[1]
            continue
        if i not in one_line or b.heading_level is not None or b.role != "body":
            continue
        r = _stopped_rank(b.text)
        counted = outline_count(b.text) if r is not None else None
        if r is None or counted is None or r <= top or is_question(blocks, i):
            continue
        family, value = counted
        follows = last.get(family, 0) + 1 == value
        last[family] = value if follows else -1  # a run broken here takes none after it
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        own_text = (
            nxt is not None
            and nxt.heading_level is None
            and nxt.role == "body"
            and all(n is None or n > r for n in (_rank(nxt.text), _stopped_rank(nxt.text)))
        )
        if follows and own_text:
            out[i] = r
        else:
            last[family] = -1
    return out


def _heading_rank(text: str) -> float | None:
    """Outline rank of a heading's number (a type-ranked heading), clauses included."""
    return line_outline_rank(text.strip())


def numbered_heads(blocks: list[Block], one_line: set[int]) -> list[Block]:
    """Body paragraphs of one line (indexes ``one_line``) that open with an outline number and head text, as
    headings ranked by their numbering among the document's type-ranked headings."""
    # An exam's part head ('一、选择题（本大题共5小题，…）') is ranked by its title, on one line or two.
    parts = {i for i, b in enumerate(blocks) if b.heading_level is None and b.role == "body" and part_title(b.text)}
    candidates = {
        i: r
        for i in one_line | parts
        if blocks[i].heading_level is None
        and blocks[i].role == "body"
        and (r := _rank(part_title(blocks[i].text) or blocks[i].text)) is not None
        and not is_question(blocks, i)  # an exam's question heads its options, no section (qa.formats.pdf.exams)
    }
    candidates.update(_stopped_heads(blocks, one_line, candidates))
    if not candidates:
        return blocks
    # Under a decimal-numbered heading ('A.3.简体中文翻译') a line numbered otherwise ('（一）英文原版情况') is one of
    # the clause's points, as the DOCX reader has it (``qa.formats.outline_numbers.extends_decimal_outline``).
    parent = ""
    parents: dict[int, str] = {}
    for i, b in enumerate(blocks):
        if b.heading_level is not None:
            parent = b.text
        parents[i] = parent
    candidates = {i: r for i, r in candidates.items() if extends_decimal_outline(parents[i], blocks[i].text)}
    if not candidates:
        return blocks
    if not any(r < MAX_RANK for r in candidates.values()) and not any(
        b.heading_level is not None and (r := _heading_rank(b.text)) is not None and r < MAX_RANK for b in blocks
    ):
        # '1．' heads a section in body type only as the level under 一、/（一）/第N条 (GB/T 9704's fourth level): a
        # web page's or manual's '1. 编辑配置文件' steps, numbered alone, are its list.
        candidates = {i: r for i, r in candidates.items() if r < MAX_RANK}
    headed: dict[float, int] = {}  # outline rank -> the shallowest level a type-ranked heading with it has
    for b in blocks:
        if b.heading_level is not None and (r := _heading_rank(b.text)) is not None:
            headed[r] = min(headed.get(r, b.heading_level), b.heading_level)
    if headed:
        deepest = max(headed)
        candidates = {i: r for i, r in candidates.items() if r >= deepest}
    # docx's test, on the same item shape: ("p", text, level, is_title); a deeper-numbered line's text is this one's
    items = [("p", b.text, b.heading_level, False) for b in blocks]
    heads = {i: r for i, r in candidates.items() if numbered_line_heads_text(i, r, items, candidates, set())}
    if len(heads) + sum(1 for b in blocks if b.heading_level is not None and _heading_rank(b.text) is not None) < (
        MIN_NUMBERED_HEADINGS
    ):
        return blocks
    if not heads:
        return blocks
    unnumbered = [b.heading_level for b in blocks if b.heading_level is not None and _heading_rank(b.text) is None]
    base = max(unnumbered, default=0)

    def key(r: float) -> tuple[float, float]:
        if r in headed:
            return (headed[r], -1.0)
        shallower = [h for h in headed if h < r]
        if shallower:
            return (headed[max(shallower)], r)
        return (base, r)

    keys: list[tuple[float, float] | None] = []
    for i, b in enumerate(blocks):
        if i in heads:
            keys.append(key(heads[i]))
        elif b.heading_level is not None:
            keys.append((b.heading_level, -1.0))
        else:
            keys.append(None)
    rank = {k: n + 1 for n, k in enumerate(sorted({k for k in keys if k is not None}))}
    out: list[Block] = []
    for i, (b, k) in enumerate(zip(blocks, keys, strict=True)):
        if k is None:
            out.append(b)
        elif i in heads:
            out.append(replace(b, heading_level=rank[k], role="heading"))
        else:
            out.append(replace(b, heading_level=rank[k]))
    return out


# The parts a document numbers in words, from the top: 第N编/篇/卷/部 over 第N章 over 第N节.
_PART_WORD = re.compile(rf"^\s*第\s*[{_CN}\d]+\s*([编編篇卷部章节節])")
_PART_RANK = {"编": 0, "編": 0, "篇": 0, "卷": 0, "部": 0, "章": 1, "节": 2, "節": 2}


def _part_rank(text: str) -> float | None:
    """The outline rank a heading's number names: 第N编/章/节 by the word (spaces allowed: '第 二 章'), else
    壹、 / 第N条 / 一、 / （一） (``line_outline_rank`` below the decimal ranks, which ``nest_by_numbers`` nests)."""
    if m := _PART_WORD.match(text):
        return _PART_RANK[m.group(1)]
    rank = line_outline_rank(text.strip())
    return rank if rank is not None and rank < MAX_RANK else None


def nest_by_part_words(blocks: list[Block]) -> list[Block]:
    """Headings set in one type whose numbers name different parts ('第二章 …' and '第一节 …' both 17 pt bold, as
    ctexbook sets \\chapter* and \\section* and many Word templates set 章 and 节; a notice's bold '二、检查内容' and
    '（一）消防设施' at the body's size) nest by the part the number names: the 节 under its 章, the （一） under its
    二、. Type size alone put each beside the heading it belongs to, closing it.

    Like ``qa.formats.pdf.reports.nest_by_numbers``: size stays the first key, a type naming one part only keeps its
    level, the type's unnumbered headings (a title) keep its first level."""
    parts: dict[int, set[float]] = {}
    for b in blocks:
        if b.heading_level is not None and b.role == "heading" and (r := _part_rank(b.text)) is not None:
            parts.setdefault(b.heading_level, set()).add(r)
    if not any(len(ranks) > 1 for ranks in parts.values()):
        return blocks
    keys: list[tuple[int, int] | None] = []
    for b in blocks:
        if b.heading_level is None:
            keys.append(None)
            continue
        ranks = sorted(parts.get(b.heading_level, ()))
        r = _part_rank(b.text) if b.role == "heading" else None
        sub = ranks.index(r) if r is not None and len(ranks) > 1 else 0
        keys.append((b.heading_level, sub))
    rank = {k: n + 1 for n, k in enumerate(sorted({k for k in keys if k is not None}))}
    return [b if k is None else replace(b, heading_level=rank[k]) for b, k in zip(blocks, keys, strict=True)]
