"""A Word file's cover page: its title is the document's title.

A report, a plan or a manual opens with a cover page — the organisation, the title, '编制部门：…', the date — typed
as plain paragraphs and ended by a page break, its chapters after it in Heading styles. Read as text before the
first heading, the cover's lines formed a section of no heading, and the document's title headed nothing: an answer
from '一、培训目标' was cited without the plan it belongs to. Here, when the document uses no Title style, opens with
at most ``MAX_COVER_LINES`` short lines (no sentence, no heading, no table) before its first page break and has
styled headings after it, the cover line set apart by type — the largest, then bold — is the document's title, as a
Title-style paragraph would be (its other lines its front matter under it). A label ('编制部门：…'), a date and a
numbered line are never the title. When the cover's lines are set alike, the one line naming a kind of document
(``_DOCUMENT_KIND``: '…方案', '…报告', '…手册') is the title; with none or several, the cover is left as it is.
"""

from __future__ import annotations

import re

from qa.formats.docx_lines import Line
from qa.formats.outline_numbers import DATE_OR_NUMBER, numbered_heading_rank
from qa.structure.headings import is_bare_heading

MAX_COVER_LINES = 10  # lines: a cover holds a title, its organisation, author, date — more is a page of text
# The kinds of documents a title ends with: the fifteen kinds of GB/T 9704-2012's official documents and the common
# kinds of an organisation's own documents (plans, reports, rules, manuals, standards, contracts).
_DOCUMENT_KIND = re.compile(
    r"(?:决议|决定|命令|公报|公告|通告|意见|通知|通报|报告|请示|批复|议案|函|纪要|方案|计划|规划|总结|办法|规定|细则|制度|"
    r"手册|指南|规范|标准|说明书|说明|须知|预案|章程|合同|协议|协议书|任务书|可行性研究报告|论文|教材|讲义|白皮书|年报|"
    r"要点|守则|规程|流程|大纲|纲要)(?:[（(][^）)]{1,12}[）)])?$"
)
_LABEL = re.compile(r"[:：]")
_CHINESE_DATE = re.compile(
    r"[\d〇零○一二三四五六七八九十]+\s*年(?:\s*[\d〇零○一二三四五六七八九十]+\s*月)?(?:\s*[\d〇零○一二三四五六七八九十]+\s*日)?"
)


def cover_title(
    items: list[tuple[str, str, int | None, bool]], looks: dict[int, Line], first_break: int | None
) -> int | None:
    """The index in ``items`` of the cover page's title line, or None (see the module's words). ``items`` are the
    reader's (kind, text, heading level, is Title) lines; ``first_break`` is how many of them come before the first
    page break."""
    if not first_break or first_break > MAX_COVER_LINES or any(t for *_, t in items):
        return None
    cover = items[:first_break]
    if any(kind != "p" or level is not None for kind, _, level, _ in cover):
        return None
    if not any(level is not None for _, _, level, _ in items[first_break:]):
        return None
    if not all(is_bare_heading(text) for _, text, _, _ in cover if text.strip()):
        return None
    candidates = [
        i
        for i, (_, text, _, _) in enumerate(cover)
        if text.strip()
        and not _LABEL.search(text)
        and not DATE_OR_NUMBER.fullmatch(text.strip())
        and not _CHINESE_DATE.fullmatch(text.strip())
        and numbered_heading_rank(text.strip()) is None
    ]
    if not candidates:
        return None

    def look(i: int) -> tuple[float, bool]:
        line = looks.get(i)
        return (line.size, line.bold) if line is not None else (0.0, False)

    best = max(look(i) for i in candidates)
    top = [i for i in candidates if look(i) == best]
    others = [look(i) for i, (_, text, _, _) in enumerate(cover) if text.strip() and i not in top]
    if len(top) == 1 and others and all(o < best for o in others):
        return top[0]  # set apart by type from every other line of the cover
    named = [i for i in top if _DOCUMENT_KIND.search(re.sub(r"\s+", "", items[i][1]))]
    return named[0] if len(named) == 1 else None
