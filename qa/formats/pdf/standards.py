"""Decimal-numbered documents read by their numbering: national standards (GB/T, ISO), specifications, theses.

A GB/T standard (GB/T 1.1—2020) sets every head in the body's size — '1 范围', '5.2 数据存储', '附录A', 'A.3
误接受率计算' in 黑体 at 五号 like the text; a word processor without the 黑体 prints them in the body's own CJK
face, often with only the clause number in bold. Type then tells the heads from the text poorly or not at all:
the reader's size-ranked headings missed chapters 1–6, took the bold term entries ('3.2' / '生物特征模板
biometric template') as the only heads (filing everything after them under the last term), or, with 前言/引言
set larger, nested every chapter under 引言 and the appendices under the last chapter. The numbering itself is
the outline, and it checks itself: chapters run 1, 2, 3 …; '5.2' only follows '5' (or '5.1'); '附录A' opens A.1,
A.2 …; so a line is read as a head here only where it continues that sequence. What this module reads:

- **Clauses:** a one-line paragraph (or a heading) 'N title', 'N.M title', … whose title reads like a title (short,
  no comma, ends no sentence), in sequence. An untitled clause ('5.1.1 智能门锁应……。') is text of its clause, as the
  standard prints it and as the DOCX reader reads it.
- **Appendices:** '附录A' / 'Appendix A' / 'Annex A', with its '（规范性）'/'(normative)' line and its title line joined
  into one head (so a citation names '附录A （规范性） 活体检测测试方法' and ``--section 附录A`` finds it);
  'A.1 title' under it.
- **Parts:** 前言, 引言, 目次, Foreword, Introduction … before the first chapter and 参考文献, 索引,
  Bibliography … after it, at the chapters' level.
- **Term entries:** '3.2' alone on its line with the term on the next ('生物特征模板 biometric template') are one head
  '3.2 生物特征模板 biometric template' under chapter 3, its definition and notes its text. A term entry is a numbered
  clause the standard cites ('见3.2'); a citation naming the entry says exactly where the definition is, and a question
  about the term finds its name in the section path.
- **Not a list of steps:** a manual numbered the same way lists steps inside a chapter as short lines
  '1 取出前后面板', '2 按开孔图开孔', '3 安装锁体' … restarting at 1. Counting on, '3 安装锁体' would be
  chapter 3 and the real '3 使用方法' after it text of a false chapter. An item of a list restarted at 1 under a
  chapter stays text where it cannot be the next chapter, skips one, stands right under the item before it, or a
  later line repeats its number (the real chapter); it is the chapter only if its own first clause 'N.1' comes next.

Levels: parts, chapters and appendices one under the document's title (1 without one), each number part deeper one
more. Headings before the first part (the cover's '中华人民共和国国家标准' and the document's title) keep theirs, and
the outline nests under the highest of them (a citation names the manual's title as it did before this pass); a
type-ranked heading after it that is none of the above (a figure's title set bold) sits one level under the clause it
stands in, so it closes no clause.

The pass changes nothing where type already agrees with the numbering (every numbered head a heading, one level per
depth, deeper numbers deeper, no other heading at a chapter's level or above between them): a manual whose display
type ranks its numbered sections keeps the levels its type gives.
"""

from __future__ import annotations

import re
from dataclasses import replace

from qa.formats.blocks import Block
from qa.formats.pdf.paragraphs import join_lines as source_join

MIN_CHAPTERS = 3  # chapters in sequence (1, 2, 3 …) that make a document decimal-numbered
MIN_SUBCLAUSES = 2  # and numbered heads under them ('5.1', 'A.1', a term entry)
MAX_TITLE = 40  # characters of a head's title; a longer line is a clause's text
MAX_STEP = 2  # a number may skip one (a head the reader lost to a wrapped line) but no more

_NUMBER = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,4})(?:[ \t\u3000]+|(?=[^\x00-\x7f]))(\S.*)$")
_BARE = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){1,4})$")
_APPENDIX = re.compile(r"^(?:附\s*录|appendix|annex)[ \t\u3000]*([A-Z])(?![A-Za-z])[ \t\u3000]*(.*)$", re.IGNORECASE)
_APPENDIX_CLAUSE = re.compile(r"^([A-Z])\.(\d{1,2}(?:\.\d{1,2}){0,3})(?:[ \t\u3000]+|(?=[^\x00-\x7f]))(\S.*)$")
_STATUS = re.compile(r"[（(](?:规范性|资料性|规范性附录|资料性附录|normative|informative)[)）]\s*$", re.IGNORECASE)
# the status line of an appendix, its title after it on the same line or not: '(informative) Test samples'
_STATUS_LINE = re.compile(
    r"^[（(](?:规范性|资料性|规范性附录|资料性附录|normative|informative)[)）][ \t\u3000]*(.*)$", re.I
)
_SENTENCE = re.compile(r"[。；;，,：:！？!?]|\.\s*$")
_FRONT = {"前言", "引言", "目次", "目录", "摘要", "foreword", "introduction", "preface", "contents", "abstract"}
_BACK = {"参考文献", "索引", "致谢", "后记", "bibliography", "references", "index", "acknowledgements"}
_BACK.add("acknowledgments")


def _title_like(text: str) -> bool:
    """A head's title: short and no sentence (a clause's text runs on and ends with '。')."""
    return 0 < len(text) <= MAX_TITLE and not _SENTENCE.search(text) and "\n" not in text


def _part(text: str) -> str | None:
    key = re.sub(r"[ \t\u3000]+", "", text).lower()
    return key if key in _FRONT or key in _BACK else None


def _numbers(text: str) -> tuple[int, ...]:
    return tuple(int(p) for p in text.split("."))


def _follows(number: tuple[int, ...], open_: list[tuple[int, ...]]) -> bool:
    """'N.M' continues the open outline: its parent is open, and it comes after its open sibling (by at most
    ``MAX_STEP``), or first under its parent."""
    depth = len(number)
    if depth == 1:
        last = open_[0][0] if open_ else None
        return number[0] <= 1 if last is None else last < number[0] <= last + MAX_STEP
    if len(open_) < depth - 1 or open_[depth - 2] != number[:-1]:
        return False
    if len(open_) >= depth:
        return open_[depth - 1][-1] < number[-1] <= open_[depth - 1][-1] + MAX_STEP
    return number[-1] <= MAX_STEP


def _outline(blocks: list[Block], one_line: set[int]) -> tuple[dict[int, tuple[int, str]], set[int]]:
    """The blocks that continue the document's numbering: index -> (depth, head text), and the indexes of lines
    joined into the head before them (a term's name after its bare number, an appendix's status and title)."""
    heads: dict[int, tuple[int, str]] = {}
    joined: set[int] = set()
    open_: list[tuple[int, ...]] = []  # the numbers open at each depth (an appendix: (0,) for its letter)
    appendix = ""  # the letter of the open appendix
    chapters = False
    listed: tuple[int, int] | None = None  # a numbered list inside a chapter: (its next number, its last item)
    i = 0

    def eligible(k: int) -> bool:
        b = blocks[k]
        if b.role in ("kicker", "subtitle"):  # a line the reader set under or over a heading ('(informative)')
            return True
        return (b.heading_level is not None or k in one_line) and b.role in (
            "body",
            "heading",
            "title",
            "kicker",
            "subtitle",
        )

    def numbered(k: int) -> tuple[int, ...] | None:
        m = _NUMBER.match(blocks[k].text.strip()) if eligible(k) else None
        return _numbers(m.group(1)) if m and _title_like(m.group(2)) else None

    def _list_item(n: int, k: int, last: int, open_: list[tuple[int, ...]]) -> bool:
        """Item ``n`` of a list restarted at 1 inside a chapter, rather than chapter ``n``: it cannot be the chapter,
        or it skips one, or it stands right under the item before it, or a later line repeats its number (the real
        chapter) — unless its own first clause 'n.1' comes next."""
        if not _follows((n,), open_) or n > open_[0][0] + 1:
            return True
        later = [(j, x) for j in range(k + 1, len(blocks)) if (x := numbered(j))]
        if later and later[0][1] == (n, 1):
            return False
        return k == last + 1 or any(x == (n,) for _, x in later)

    while i < len(blocks):
        if not eligible(i):
            i += 1
            continue
        text = blocks[i].text.strip()
        if (m := _NUMBER.match(text)) and not appendix and _title_like(m.group(2)):
            number = _numbers(m.group(1))
            if len(number) == 1 and open_ and listed is not None and number[0] == listed[0]:
                if _list_item(number[0], i, listed[1], open_):
                    listed = (number[0] + 1, i)
                    i += 1
                    continue
            elif len(number) == 1 and open_ and number[0] == 1 and not _follows(number, open_):
                listed = (2, i)  # a list restarting at 1 under a chapter: '1 取出前后面板', '2 按开孔图开孔' …
            if _follows(number, open_):
                open_ = open_[: len(number) - 1] + [number]
                chapters = chapters or len(number) == 1
                listed = None if len(number) == 1 else listed
                heads[i] = (len(number), text)
        elif (m := _BARE.match(text)) and not appendix and i + 1 < len(blocks) and eligible(i + 1):
            number = _numbers(m.group(1))
            term = blocks[i + 1].text.strip()
            if _follows(number, open_) and _title_like(term) and not _NUMBER.match(term):
                open_ = open_[: len(number) - 1] + [number]
                heads[i] = (len(number), f"{text} {term}")
                joined.add(i + 1)
                i += 2
                continue
        elif (m := _APPENDIX.match(text)) and chapters:
            letter, rest = m.group(1).upper(), m.group(2).strip()
            if letter == (chr(ord(appendix) + 1) if appendix else "A") and (not rest or _title_like(rest)):
                appendix, open_ = letter, [(0,)]
                parts = [text]
                k = i + 1
                status = _STATUS_LINE.match(blocks[k].text.strip()) if k < len(blocks) and eligible(k) else None
                if status and (not status.group(1) or _title_like(status.group(1))):
                    parts.append(blocks[k].text.strip())
                    joined.add(k)
                    k += 1
                    rest = rest or status.group(1)
                if not _STATUS.sub("", rest).strip() and k < len(blocks) and eligible(k):
                    more = blocks[k].text.strip()
                    if (
                        _title_like(more)
                        and not any(r.match(more) for r in (_APPENDIX_CLAUSE, _APPENDIX, _NUMBER, _BARE))
                        and not _part(more)
                    ):
                        parts.append(more)
                        joined.add(k)
                        k += 1
                heads[i] = (1, " ".join(parts))
                i = k
                continue
        elif (m := _APPENDIX_CLAUSE.match(text)) and appendix and _title_like(m.group(3)):
            if m.group(1) == appendix:
                number = (0, *_numbers(m.group(2)))
                if _follows(number, open_):
                    open_ = open_[: len(number) - 1] + [number]
                    heads[i] = (len(number), text)
        elif (name := _part(text)) and (name in _BACK if chapters else name in _FRONT):
            open_ = open_ if name in _FRONT else [(10**6,)]  # nothing numbered follows the back matter
            heads[i] = (1, text)
        i += 1
    return heads, joined


def _type_agrees(blocks: list[Block], heads: dict[int, tuple[int, str]], joined: set[int]) -> bool:
    """Type already ranks the numbered heads as their numbering does: nothing to change."""
    if joined or any(blocks[i].heading_level is None for i in heads):
        return False
    levels: dict[int, set[int]] = {}
    for i, (depth, _) in heads.items():
        levels.setdefault(depth, set()).add(blocks[i].heading_level or 0)
    if any(len(ls) > 1 for ls in levels.values()):
        return False
    order = [next(iter(levels[d])) for d in sorted(levels)]
    if order != sorted(order) or len(set(order)) != len(order):
        return False
    top = order[0]
    first = min(heads)
    return not any(
        b.heading_level is not None and b.heading_level <= top and k not in heads
        for k, b in enumerate(blocks)
        if k > first
    )


# A paragraph's last sentence with a short line after it: a head the line model ran on into the paragraph above (the
# paragraph's last line was full, so nothing in the layout said a new paragraph starts: GB/T sets no space between
# paragraphs).
_TAIL = re.compile(r"^(.{4,}(?:[。；！？]|[.;!?](?=[ \t\u3000])))[ \t\u3000]*(\S.{0,48})$", re.DOTALL)


_DOUBLE = re.compile(
    r"^(\d{1,2}(?:\.\d{1,2}){0,3})[ \t\u3000]+(\S.*?)[ \t\u3000]+(\d{1,2}(?:\.\d{1,2}){1,4}[ \t\u3000]+\S.*)$"
)


_APPENDIX_DOUBLE = re.compile(
    r"^((?:附\s*录|appendix|annex)[ \t\u3000]*([A-Z])(?![A-Za-z]).*?)[ \t\u3000]+(\2\.1[ \t\u3000]+\S.*)$", re.I
)


def _split_tails(blocks: list[Block], one_line: set[int]) -> tuple[list[Block], set[int], set[int]]:
    """``blocks`` with a head-like last line of a body paragraph ('…完成同步。4.2 试验步骤') set apart as a block of
    its own; the new one-line indexes, and the indexes of the parts set apart (to join back where they head nothing)."""
    out: list[Block] = []
    one: set[int] = set()
    tails: set[int] = set()
    for k, b in enumerate(blocks):
        double = _DOUBLE.match(b.text.strip()) if b.heading_level is not None else None
        annex = _APPENDIX_DOUBLE.match(b.text.strip()) if b.heading_level is not None else None
        if annex:  # '附录A （规范性） 标题 A.1 测试样本': the appendix's head and its first clause's
            out.append(replace(b, text=annex.group(1)))
            one.add(len(out))
            tails.add(len(out))
            out.append(replace(b, text=annex.group(3)))
            continue
        if double and double.group(3).startswith(double.group(1) + ".") and _title_like(double.group(2)):
            # a heading group the reader made of a clause's head and its first subclause's ('3.1 Environmental
            # conditions' over '3.1.1 Test conditions'): two heads
            out.append(replace(b, text=f"{double.group(1)} {double.group(2)}"))
            one.add(len(out))
            tails.add(len(out))
            out.append(replace(b, text=b.text.strip()[double.start(3) :]))
            continue
        m = _TAIL.match(b.text) if b.heading_level is None and b.role == "body" else None
        tail = m.group(2).strip() if m else ""
        headlike = tail and (
            ((n := _NUMBER.match(tail)) and _title_like(n.group(2)))
            or _BARE.match(tail)
            or ((a := _APPENDIX.match(tail)) and (not a.group(2) or _title_like(a.group(2))))
            or _part(tail)
        )
        if m and headlike:
            out.append(replace(b, text=m.group(1)))
            one.add(len(out))
            tails.add(len(out))
            out.append(replace(b, text=tail))
            continue
        if k in one_line:
            one.add(len(out))
        out.append(b)
    return out, one, tails


def decimal_outline(blocks: list[Block], one_line: set[int]) -> list[Block]:
    """``blocks`` with a decimal-numbered document's heads levelled by their numbering (see the module's doc);
    unchanged for any other document, or where type already levels them so."""
    source = blocks
    blocks, one_line, tails = _split_tails(blocks, one_line)
    heads, joined = _outline(blocks, one_line)
    chapters = sum(1 for i, (d, t) in heads.items() if d == 1 and _NUMBER.match(t))
    if chapters < MIN_CHAPTERS or sum(1 for d, _ in heads.values() if d > 1) < MIN_SUBCLAUSES:
        return source
    if _type_agrees(blocks, heads, joined):
        return source
    first = min(heads)
    # the document's title (a heading before the first part) stays over the outline, as type ranked it
    top = min((b.heading_level for b in blocks[:first] if b.heading_level is not None), default=0)
    out: list[Block] = []
    depth = 0
    for k, b in enumerate(blocks):
        if k in joined:
            continue
        if k in tails and k not in heads:  # a paragraph's last line after all
            out[-1] = replace(out[-1], text=source_join(out[-1].text, b.text))
            continue
        if k in heads:
            depth, text = heads[k]
            depth += top
            out.append(replace(b, text=text, heading_level=depth, role="heading"))
        elif k > first and b.heading_level is not None:
            out.append(replace(b, heading_level=depth + 1))
        else:
            out.append(b)
    return out
