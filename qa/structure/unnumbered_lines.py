"""In a numbered document, a short line without a number is a heading only where such documents put one.

A notice or a regulation whose headings carry outline numbers ('一、', '第三章', '1.1') says by its numbers where its
sections begin. Short lines without a number further down are its text: a section's own facts ('报名截止日期：
2026年3月1日', '联系人：王老师'), a list of the materials to hand in ('申请表⏎身份证复印件⏎承诺书'). Read as bare
headlines (the newspaper rule: a short line ending no sentence), each opened a section of its own: '报名截止日期…'
became the section the issuer and the date were filed under, and a three-item list became a three-level path.

Kept as headings: an annex line ('附件1', '附录A', '附表') and the title line under it, and a lone line followed by
text (an un-numbered part heading such as '附则' or 'Acknowledgements').
"""

from __future__ import annotations

import re

from qa.records import Paragraph
from qa.structure.headings import CLAUSE, heading_title, outline_rank

HEADING_KINDS = ("heading", "title")
# '联系人：王老师', '报名截止日期：2026年3月1日': a label and its value, a fact of the section it is in
_LABEL_VALUE = re.compile(r"^[^：:\s]{1,12}\s*[：:]\s*\S")
# '附件', '附件1', '附件：', '附录A', '附表2', 'Appendix B': an annex opens a part of its own
_ANNEX = re.compile(r"^(?:附\s*[件录表图]|appendix\b|annex\b)", re.IGNORECASE)


def _numbered(text: str) -> bool:
    title = heading_title(text)
    return outline_rank(title) is not None or bool(CLAUSE.match(title))


def demote_unnumbered_lines(paragraphs: list[Paragraph], kinds: list[str]) -> None:
    """Make body of the un-numbered heading lines below a numbered document's first numbered heading that are a
    label with its value, or one of a run of such lines (a list), unless they open an annex (``kinds`` in place)."""
    first = next(
        (i for i, (p, k) in enumerate(zip(paragraphs, kinds, strict=True)) if k in HEADING_KINDS and _numbered(p.text)),
        None,
    )
    if first is None:
        return

    def bare(i: int) -> bool:  # an un-numbered heading line
        return 0 <= i < len(kinds) and i > first and kinds[i] in HEADING_KINDS and not _numbered(paragraphs[i].text)

    annex_title = {i + 1 for i in range(first + 1, len(kinds)) if _ANNEX.match(paragraphs[i].text.strip())}
    demote = []
    for i in range(first + 1, len(kinds)):
        if not bare(i):
            continue
        text = paragraphs[i].text.strip()
        if _ANNEX.match(text) or i in annex_title:
            continue
        if _LABEL_VALUE.match(text) or bare(i - 1) or bare(i + 1):
            demote.append(i)
    for i in demote:
        kinds[i] = "body"
