"""Recognise lines that head a section rather than carry body text.

Generic signals only: Markdown headings, numbered outline markers, and bare short lines
without sentence-final punctuation (how headlines, kickers and labels reach plain text).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from qa.paragraphs import record_line

MARKDOWN_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_CN_NUM = "一二三四五六七八九十百零〇两兩"
# Formal numerals (大写), simplified and traditional: Taiwanese and many older documents head their top parts
# '壹、計畫目的', '貳、辦理單位' over '一、' and '（一）'.
_CN_FORMAL = "壹贰貳叁參叄参肆伍陆陸柒捌玖拾佰"
BODY_END = tuple("。！？!?；;…，,、：:.")
MAX_BARE_HEADING_CJK = 32
MAX_BARE_HEADING_LATIN = 90


def block_lines(text: str) -> list[str]:
    """A block's lines, stripped, blank ones left out: what the tests of a block's every line (a table, a list of
    facts, a contents list, a heading with its dek) look at, so a stray blank line or indent never decides them."""
    return [ln.strip() for ln in text.strip().split("\n") if ln.strip()]


def every_line(text: str, test: Callable[[str], object]) -> bool:
    """The block has a line and ``test`` holds for each of its lines (``block_lines``)."""
    lines = block_lines(text)
    return bool(lines) and all(test(ln) for ln in lines)


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def display_width_limit(text: str) -> int:
    cjk = sum(_is_cjk(c) for c in text)
    return MAX_BARE_HEADING_CJK if cjk * 2 >= len(text.replace(" ", "")) else MAX_BARE_HEADING_LATIN


def markdown_level(text: str) -> int | None:
    """Heading level of a Markdown ATX heading line, or None."""
    match = MARKDOWN_HEADING.match(text.strip())
    return len(match.group(1)) if match else None


def heading_title(text: str) -> str:
    """The title a heading line shows, without Markdown marks or extra whitespace."""
    match = MARKDOWN_HEADING.match(text.strip())
    title = match.group(2) if match else text.strip()
    return re.sub(r"\s+", " ", title)


def is_bare_heading(text: str) -> bool:
    """A short single line that does not end like a sentence: a headline, kicker or label."""
    stripped = text.strip()
    if not stripped or "\n" in stripped:
        return False
    if stripped.endswith(BODY_END) or record_line(stripped):  # a chat message or a log record is text
        return False
    return len(stripped) <= display_width_limit(stripped)


# Traditional characters name the same parts: 編, 節 (條 for clauses, in ``qa.formats.outline_numbers``).
_OUTLINE_RANKS: list[tuple[re.Pattern[str], float]] = [
    (re.compile(rf"^第[{_CN_NUM}\d]+[编編篇卷部]"), 0),
    (re.compile(rf"^第[{_CN_NUM}\d]+[章回]"), 1),  # 回: a classical novel's chapter
    (re.compile(rf"^第[{_CN_NUM}\d]+[节節]"), 2),
    (re.compile(rf"^[{_CN_FORMAL}]+[、．.]"), 2.5),
    (re.compile(rf"^[{_CN_NUM}]+[、．.]"), 3),
    (re.compile(rf"^[（(][{_CN_NUM}]+[）)]"), 4),
    (re.compile(r"^[（(]\d+[）)]|^\d+[）)]"), 9),
    (re.compile(r"^[A-Za-z][.)]\s"), 10),
]
# A clause of a contract or a regulation ('第一条　房屋基本情况'): under 第N节, above '一、' in the format readers'
# ranking (``qa.formats.outline_numbers``; ``outline_rank`` does not rank it: plain text finds such lines as bare
# headings). 千: the Civil
# Code runs to 第一千二百六十条.
CLAUSE = re.compile(rf"^第[{_CN_NUM}千\d]+[条條]")
CLAUSE_RANK = 2.5
# A clause as a heading names it after a space ('第一条 服务内容', '第一条　为了规范…') or stands alone: '第一条跨海高铁
# 今日通车' is a headline about the first railway, and ranked as a clause it took every later headline under it.
_CLAUSE_HEAD = re.compile(CLAUSE.pattern + r"(?=[\s\u3000]|$)")


# '1.1工作' may run into the text, a bare '20项措施落地' is a headline starting with a number
_DECIMAL = re.compile(r"^(\d+(?:\.\d+)+|\d+(?=[.、．\s]))(?:[.、．]\s*|\s+|(?=[\u4e00-\u9fff]))")


MIN_NUMBERED_OUTLINE = 3  # numbered headings a page's outline needs before its numbers are trusted over its layout


def numbered_outline(headings: list[str]) -> bool:
    """The headings are a numbered outline ('一、' '二、' '三、' under a title; '第一章' …): most carry a number.

    A newspaper page may hold one article's numbered subheads among ten headlines, and a line like '第一篇…' may open
    body text; neither makes the page a numbered document whose text stays where its numbers put it.
    """
    numbered = sum(1 for h in headings if line_outline_rank(heading_title(h)) is not None)
    return numbered >= MIN_NUMBERED_OUTLINE and 2 * numbered >= len(headings)


def outline_rank(title: str) -> float | None:
    """Depth of a numbered outline heading (第一章 above 壹、 above 一、 above （一） above 1. above 1.1), or None.

    Numbering says how deep a heading sits no matter where it appears, which bare-line runs
    cannot: "（一）" after "一、" nests under it, "二、" closes both.
    """
    for pattern, rank in _OUTLINE_RANKS:
        if pattern.match(title):
            return rank
    match = _DECIMAL.match(title)
    if match:
        return 5 + match.group(1).count(".")
    return None


def line_outline_rank(text: str) -> float | None:
    """Depth of an outline-numbered line (``outline_rank``), also knowing clauses '第一条'."""
    rank = outline_rank(text)
    if rank is None and _CLAUSE_HEAD.match(text):
        return CLAUSE_RANK
    return rank


# Front matter: sections a document opens with beside its numbered chapters, never above them. '前言' or '目录'
# before '第一章' is the chapter's sibling; read as an unnumbered level, every chapter was filed under it.
FRONT_MATTER = re.compile(
    r"(?:目\s*录|目\s*次|前\s*言|序\s*言?|引\s*言|导\s*言|摘\s*要|内容(?:提要|摘要|简介)|编者按|说\s*明|凡\s*例|题\s*记"
    r"|(?:table\s+of\s+)?contents|preface|foreword|abstract)[：:]?",
    re.IGNORECASE,
)


# Headings at most this deep (第N编/章/节, 一、, （一）, a bare '1') open a document's body beside its front matter; a
# '1.1' right under '引言' is the introduction's own subsection (its number says chapter 1 is open).
TOP_RANK = 5


# Back matter: parts a numbered document ends with beside its numbered chapters, never under the last one. A law with
# 编 ends '附　　则' beside them (the Civil Code), a report's '结语' or '参考文献' follows its '三、', a paper's
# 'References' its last chapter; read as an unnumbered level, each replaced the deepest open heading ('第二编 › 第三章 ›
# 附则', the law's commencement clause cited under its last chapter).
BACK_MATTER = re.compile(
    r"(?:附\s*则|附\s*录|后\s*记|参考文献|主要参考文献|致\s*谢|结\s*(?:语|束语)"
    r"|references|bibliography|acknowledge?ments?|appendix|appendices)[：:]?",
    re.IGNORECASE,
)


def apply_heading_run(path: tuple[str, ...], titles: list[str], last_numbered: bool = False) -> tuple[str, ...]:
    """The section path after a run of heading lines.

    A numbered heading closes every open level numbered at or below its own depth and nests
    under the rest. An unnumbered run as long as the current path replaces it; a shorter one
    replaces its deepest levels (a new headline under the same banner keeps the banner) — except back matter
    ('附则', '参考文献') after the document's last numbered heading (``last_numbered``: no numbered heading follows),
    which closes every numbered level open and stands beside the outermost. Followed by a numbered heading, it is a
    chapter's own ('第一章 … 参考文献' then '第二章'), and a law's '附则' inside a collection of laws is that law's.
    """
    if last_numbered and BACK_MATTER.fullmatch(heading_title(titles[0])):
        numbered = next((j for j, t in enumerate(path) if line_outline_rank(heading_title(t)) is not None), None)
        if numbered is not None:
            return path[:numbered] + tuple(titles)
    rank = line_outline_rank(titles[0])
    if rank is not None:
        # A clause closes the clause open before it and nests under any other number: a charter puts '第一条' under
        # '一、总则', a contract under its title, a law under '第一章' (its rank, between 节 and 一、, holds only there)
        clause = outline_rank(titles[0]) is None
        cut = next(
            (
                j
                for j, t in enumerate(path)
                if (
                    (_CLAUSE_HEAD.match(t) is not None and outline_rank(t) is None)
                    if clause
                    else ((r := line_outline_rank(t)) is not None and r >= rank)
                )
                or (rank <= TOP_RANK and FRONT_MATTER.fullmatch(heading_title(t)))
            ),
            len(path),
        )
        return path[:cut] + tuple(titles)
    if len(titles) >= len(path):
        return tuple(titles)
    return path[: len(path) - len(titles)] + tuple(titles)


# A government work report heads its '（一）' parts with two or three parallel phrases:
# '（一）坚持稳中求进，经济运行持续向好', '（三）聚焦主业，强化管理，提升效益'. A numbered point written as a sentence
# ends like one ('1．各单位要认真落实，加强组织领导。') or holds a clause break a title never does ('：', '；').
# Phrase length: python benchmarks/comma_headings.py (TUNING).
MAX_TITLE_PHRASES = 3
MAX_TITLE_PHRASE = 16
_PHRASE_BREAK = re.compile(r"[，,]")
SENTENCE_INSIDE = set("。；;：:！!？?")  # a clause break or a sentence's end: never inside a title
_BRACKETED = re.compile(r"[（(【\[][^（）()【】\[\]]*[，,][^（）()【】\[\]]*[）)】\]]")


def phrased_title(text: str) -> bool:
    """An outline-numbered line whose title is up to ``MAX_TITLE_PHRASES`` short phrases split by commas, ending no
    sentence: a heading, where a comma elsewhere marks a numbered line as a sentence of the text."""
    text = text.strip()
    if line_outline_rank(text) is None or text.endswith(BODY_END) or SENTENCE_INSIDE & set(text):
        return False
    numbering = OUTLINE_NUMBER.match(text)
    title = text[numbering.end() if numbering else 0 :]
    if _BRACKETED.search(title):  # commas in a note ('二、填空题（本大题共2小题，每空5分）'): an exam's part, read
        return False  # by its note elsewhere (qa.formats.docx._noted_heading), or a clause in brackets
    phrases = _PHRASE_BREAK.split(title)
    return 2 <= len(phrases) <= MAX_TITLE_PHRASES and all(2 <= len(p.strip()) <= MAX_TITLE_PHRASE for p in phrases)


# The outline number a heading opens with ('（一）', '一、', '1.2 ', '第三条　'); ``phrased_title`` reads what follows.
OUTLINE_NUMBER = re.compile(
    rf"^\s*(?:第[{_CN_NUM}千\d]+[编編篇卷部章回节節条條]|[{_CN_FORMAL}{_CN_NUM}]+[、．.]|[（(][{_CN_NUM}\d]+[）)]"
    r"|\d+(?:\.\d+)*[.、．)）]?|[A-Za-z][.)])\s*"
)


def is_heading_block(text: str) -> bool:
    """A bare heading of one to three short lines (a headline, a title with its dek)."""
    lines = block_lines(text)
    if not lines or len(lines) > 3:
        return False
    return all(_heading_line(ln) for ln in lines)


MAX_KICKER_CJK = 48
_CLAUSE_PUNCT = set("，,。；;：:")


MAX_HEADING_WITH_COMMA = 16


def _heading_line(line: str) -> bool:
    """A bare heading line; kickers may run longer than headlines if they hold no clause break.

    A headline may carry a comma ('稳住基本盘，激发新动能') but stays short; a longer line
    with a comma and no final punctuation is a body paragraph cut mid-sentence — unless an outline number opens it
    and its title is parallel phrases (``phrased_title``: '（一）坚持民生为本，居民收入稳步增长').
    """
    if is_bare_heading(line):
        return "。" not in line and ("，" not in line or len(line) <= MAX_HEADING_WITH_COMMA or phrased_title(line))
    if line.endswith(BODY_END) or "\n" in line:
        return False
    return len(line) <= MAX_KICKER_CJK and (not (_CLAUSE_PUNCT & set(line)) or phrased_title(line))


def title_and_dek(text: str) -> tuple[str, str | None]:
    """Split a heading block into its title and a '——…' dek line, if it has one."""
    from qa.structure.cues import is_dek

    lines = block_lines(text)
    dek = next((ln for ln in lines if is_dek(ln)), None)
    title = " ".join(ln for ln in lines if ln != dek)
    return re.sub(r"\s+", " ", title), dek
