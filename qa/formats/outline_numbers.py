"""Outline numbers on lines that carry no heading markup: which numbered line is a heading, how deep, and
whether it heads any text — shared by the DOCX, HTML and PDF readers.

A Word file without heading styles, a web page without h1–h6 and a PDF notice whose headings are set at body size
all mark their outline the same way: by the number a line opens with ('第一章', '一、', '（一）', '1.2', '第三条').
The plain-text structure stage's ``outline_rank`` ranks those numbers; this module adds what the three readers
need beside it — clauses ('第N条'), the test that a numbered line reads like a title and not a list item or a
sentence, that it heads text (a run of numbered lines over nothing is a contents list), and how a decimal outline
('3.1', 'A.3.1') nests under a decimal-numbered heading.
"""

from __future__ import annotations

import re

from qa.structure.attachments import listed_under
from qa.structure.headings import is_bare_heading, line_outline_rank, phrased_title
from qa.structure.numbered_lists import listed_phrases

MAX_NUMBERED_HEADING = 40  # characters; a longer numbered line is a list item, not a heading

# The numbering of an outline heading: '第一章 ', '一、', '（一）', '1.2. ', '3 '.
NUMBERING = re.compile(
    r"^[\s第（(]*[\d一二三四五六七八九十百千零〇两兩壹贰貳叁參叄参肆伍陆陸柒捌玖拾佰]+(?:[.．]\d+)*[\s.．、）)章节節编編篇卷部条條]*"
)
# A section number as a document's own outline (a PDF's bookmarks) may carry it before a title, matched on text
# compared without whitespace and in lower case: the numbering above, also a lecture's, a lesson's, a novel's and a
# clause's ('第一讲', '第五课', '第三回', '第二款'), and the Latin forms of books, papers and standards ('Chapter 2',
# 'Appendix A', 'A.1', 'II.'), which a Chinese body line does not open with but an outline titled in English does.
SECTION_NUMBER = re.compile(
    rf"{NUMBERING.pattern}[款回讲课]?"
    r"|^(?:(?:chapter|part|section|appendix|annex|附录)[0-9a-z]*[.:：]?|[a-z](?:[.．][0-9]+)+[.．]?|[ivx]+[.．])",
    re.IGNORECASE,
)
# A title may open with a quotation or a bracket ('二、“双碳”目标', '一、《条例》的主要内容') or a year or count
# ('一、2023年工作回顾'); an operator, a star or a bare number after the numbering is not a title.
DATE_OR_NUMBER = re.compile(r"[\d０-９年月日号.．/\-\s:：]+")  # the figures of a date, a time or an amount
TITLE_OPENERS = set("“‘《「『（(〈【\"'")
_YEAR_OR_COUNT = re.compile(r"\d+\s*[年月日个项条次届期]")


def numbered_heading_rank(text: str) -> float | None:
    """Outline depth of an unstyled numbered heading ('一、总体要求'), or None for a list item.

    After its number a heading's title starts with a word: '2 = 0x2 - 启用日志' and '15 14 1 * * cmd' are
    a value list and a crontab line, not headings numbered 2 and 15."""
    if len(text) > MAX_NUMBERED_HEADING or not is_bare_heading(text):
        return None
    if ("，" in text or "," in text) and not phrased_title(text):  # '（一）坚持稳中求进，经济运行持续向好' is a title
        return None
    numbering = NUMBERING.match(text)
    rest = text[numbering.end() :] if numbering else text
    if not rest or not (rest[0].isalpha() or rest[0] in TITLE_OPENERS or _YEAR_OR_COUNT.match(rest)):
        return None
    return line_outline_rank(text)


def numbered_line_heads_text(
    i: int,
    rank: float,
    items: list,
    candidates: dict[int, float],
    linked: set[int],
    noted: frozenset[int] = frozenset(),
) -> bool:
    """Whether the numbered line ``i`` heads any text: a body paragraph or table row comes before the next
    numbered line of its rank or above, or a styled heading. A run of numbered lines over nothing — a contents
    list naming the chapters of other files ('1. 免责声明', '2. 什么是 Debian', '3.1. 指导原则' …, written
    by pandoc as plain Body Text) — is a list, not a stack of empty sections. A footnote read after the line
    or a deeper one (``noted``) is text under it. A comma-titled line next to a line of its rank is a list's item
    (``qa.structure.numbered_lists``). An item of an attachment list ('附件：1. 名单⏎2. 规程') is the list's, not a
    heading (``qa.structure.attachments``)."""
    if listed_under(items[i][1], (items[j][1] for j in range(i - 1, -1, -1))):
        return False
    if listed_phrases(items[i][1], items[i - 1][1] if i else None, items[i + 1][1] if i + 1 < len(items) else None):
        return False
    if i in noted:
        return True
    for j in range(i + 1, len(items)):
        kind, text, level, is_title = items[j]
        if kind == "row":
            return True
        if level is not None or is_title:
            return False
        # a numbered line that is all link is a contents entry however it is worded ('2.6. 使用 apt(8), …')
        other = candidates.get(j, line_outline_rank(text) if j in linked else _entry_rank(text))
        if other is None:
            return True
        if other <= rank:
            return False
        if j in noted:
            return True
        # a deeper numbered line (a heading or another entry): its text would be this heading's text too
    return False


SENTENCE_PUNCT = re.compile(r"[，,。；;！!？?]")


# A decimal outline number of two or more parts ('3.1', 'A.3.', '2.1.4'), as ISO 2145 / GB/T 1.1 number clauses;
# not a date opening a title ('2024.10 月度工作总结').
_DECIMAL_NUMBER = re.compile(r"^\s*((?:[A-Z]|\d{1,3})(?:[.．]\d{1,3})+)[.．]?(?!\d)")


def _decimal_parts(text: str) -> int | None:
    """How many parts a line's decimal outline number has ('A.3.' 2, '2.1.4' 3), None if it has none."""
    match = _DECIMAL_NUMBER.match(text)
    return None if match is None else len(re.split("[.．]", match.group(1)))


def extends_decimal_outline(parent: str, text: str) -> bool:
    """Whether a numbered line may be a heading under the styled heading ``parent``.

    Under a decimal-numbered heading ('A.3.', '1.1') a line numbered otherwise — '（一）英文原版情况', '1)',
    '(a)' — is one of the clause's points, written as paragraphs (GB/T 1.1 numbers clauses 5.1.1 and list
    items a), 1)); a decimal number of two or more parts is a clause of the same outline, a subsection
    ('A.3.1') or a sibling an author left unstyled ('1.2 建设目标' after the styled '1.1 项目背景'), placed at
    the level its number implies (``decimal_level``). Under a heading numbered otherwise ('第一章',
    '二、服务业', none) any outline numbering may head a subsection."""
    if _DECIMAL_NUMBER.match(parent) is None:
        return True
    return _DECIMAL_NUMBER.match(text) is not None


def decimal_level(parent: str, parent_level: int, text: str) -> int | None:
    """The level a decimal-numbered line's number implies beside its decimal-numbered styled heading: as deep
    as the parent's level plus the parts it has more ('1.1' level 2 → '1.2' level 2, '1.1.1' level 3).
    None when either line is not numbered so."""
    own, top = _decimal_parts(text), _decimal_parts(parent)
    if own is None or top is None:
        return None
    return max(1, parent_level + own - top)


def _entry_rank(text: str) -> float | None:
    """Outline depth of a numbered line that reads like a title, not a sentence: an entry of a list of
    contents ('1.5.2. “$LANG”变量'). A numbered sentence ('1. 货运量稳步增长，…。') is text."""
    if len(text) > MAX_NUMBERED_HEADING or SENTENCE_PUNCT.search(text):
        return None
    return line_outline_rank(text)
