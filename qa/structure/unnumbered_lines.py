"""In a numbered document, a short line without a number is a heading only where such documents put one.

A notice or a regulation whose headings carry outline numbers ('一、', '第三章', '1.1') says by its numbers where its
sections begin. Short lines without a number further down are its text: a section's own facts ('报名截止日期：
2026年3月1日', '联系人：王老师'), a list of the materials to hand in ('申请表⏎身份证复印件⏎承诺书'). Read as bare
headlines (the newspaper rule: a short line ending no sentence), each opened a section of its own: '报名截止日期…'
became the section the issuer and the date were filed under, and a three-item list became a three-level path.

Kept as headings: an annex line ('附件1', '附录A', '附表') and the title line under it, a 'label：title' line with text
under it ('案例一：某化工厂爆炸事故' over its account), and a lone line followed by text (an un-numbered part heading
such as '附则' or 'Acknowledgements'). Only a document whose headings are mostly numbered is read this way (a report
with one '1.' list keeps its un-numbered headings).
"""

from __future__ import annotations

import re

from qa.records import Paragraph
from qa.structure.closing import MAX_SIGNATURE_LINE, closing_line
from qa.structure.cues import SENTENCE_FINAL
from qa.structure.headings import MIN_NUMBERED_OUTLINE, every_line, heading_title, line_outline_rank

HEADING_KINDS = ("heading", "title")
# '联系人：王老师', '报名截止日期：2026年3月1日': a label and its value, a fact of the section it is in
_LABEL_VALUE = re.compile(r"^[^：:\s]{1,12}\s*[：:]\s*\S")
# '附件', '附件1', '附件：', '附录A', '附表2', 'Appendix B': an annex opens a part of its own
_ANNEX = re.compile(r"^(?:附\s*[件录表图]|appendix\b|annex\b)", re.IGNORECASE)
# '特此通知。', '特此函告': the formula that ends a notice's text, not text a heading would head
_FORMULA = re.compile(r"^特此\S{1,4}[。.！!]?$")


def _rank(text: str) -> float | None:
    return line_outline_rank(heading_title(text))


def _numbered(text: str) -> bool:
    return _rank(text) is not None


def _numbered_outline(paragraphs: list[Paragraph], kinds: list[str]) -> bool:
    """Three or more numbered headings that head something: a list ('1. 扩大绿地面积⏎2. 提升公园品质⏎3. …' in a
    report) is a run of numbered lines of one rank, each over the next item rather than over text."""
    heading = [k in HEADING_KINDS for k in kinds]
    heads = 0
    for i, para in enumerate(paragraphs):
        rank = _rank(para.text) if heading[i] else None
        if rank is None:
            continue
        if i + 1 < len(kinds) and heading[i + 1] and _rank(paragraphs[i + 1].text) == rank:
            continue  # the next item of a list
        heads += 1
    return heads >= MIN_NUMBERED_OUTLINE


def _facts(text: str) -> bool:
    """Every line is a label with its value."""
    return every_line(text, _LABEL_VALUE.match)


def demote_unnumbered_lines(paragraphs: list[Paragraph], kinds: list[str]) -> None:
    """Make body of the un-numbered heading lines below a numbered document's first numbered heading that are a
    label with its value, or one of a run of such lines (a list), unless they open an annex, and of the label–value
    lines between its title and that heading (``kinds`` in place)."""
    if not _numbered_outline(paragraphs, kinds):
        return  # a report whose '1.' list made it look numbered: its un-numbered headings are headings
    first = next(
        (i for i, (p, k) in enumerate(zip(paragraphs, kinds, strict=True)) if k in HEADING_KINDS and _numbered(p.text)),
        None,
    )
    if first is None:
        return

    def text_follows(i: int) -> bool:  # a paragraph of text under the line: it heads it ('案例一：某化工厂爆炸事故')
        if i + 1 >= len(kinds) or kinds[i + 1] in HEADING_KINDS:
            return False
        nxt = paragraphs[i + 1].text.strip()
        if _FORMULA.match(nxt) or _LABEL_VALUE.match(nxt) or closing_line(nxt):
            return False  # another fact, the closing formula, the issuer or the date
        return len(nxt) > MAX_SIGNATURE_LINE or nxt.endswith(SENTENCE_FINAL)

    def bare(i: int) -> bool:  # an un-numbered heading line
        return 0 <= i < len(kinds) and i > first and kinds[i] in HEADING_KINDS and not _numbered(paragraphs[i].text)

    # Above the first numbered heading, under the title: the document's own facts ('会议时间：…', '主持人：…',
    # '甲方：…⏎乙方：…'), text of the title's part; read as headings, each became a level of every citation below.
    title = next((i for i, k in enumerate(kinds) if k in HEADING_KINDS), first)
    for i in range(title + 1, first):
        if kinds[i] in HEADING_KINDS and _facts(paragraphs[i].text) and not text_follows(i):
            kinds[i] = "body"

    annex_title = {i + 1 for i in range(first + 1, len(kinds)) if _ANNEX.match(paragraphs[i].text.strip())}
    demote = []
    for i in range(first + 1, len(kinds)):
        if not bare(i):
            continue
        text = paragraphs[i].text.strip()
        if _ANNEX.match(text) or i in annex_title:
            continue
        if (_LABEL_VALUE.match(text) and not text_follows(i)) or bare(i - 1) or bare(i + 1):
            demote.append(i)
    for i in demote:
        kinds[i] = "body"
