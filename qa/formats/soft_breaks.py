"""Where a soft line break (Word's Shift+Enter ``w:br``, HTML's ``<br>``) ends a paragraph, and where it only
ends a line of one.

Authors type soft breaks for two things. Between what are really paragraphs — pasted text, '一、值班时间⏎春节期间…。
⏎二、值班人员⏎…' in one Word paragraph — the break ends a sentence, or comes before or after a numbered title
line, or between lines set in different type: there the paragraph is parted. Inside one paragraph — a meeting's
field block ('时间：…⏎地点：…⏎主持人：张三⏎参会人员：…'), a poem, an address, a signature, a sentence broken
mid-way ('本办法由⏎人力资源部负责解释。', a PDF converted to Word with one break per printed line) — the lines
stay one paragraph, each still a line of its own: never glued into one ('张三参会人员'), never cut into two
paragraphs in mid-sentence (a passage cut at the break loses its sentence's end).
"""

from __future__ import annotations

import re

from qa.formats.outline_numbers import NUMBERING, line_outline_rank

ENDS_PARAGRAPH = tuple("。！？；：!?;:…”」』")
# Punctuation inside a sentence (after a line's number): a numbered line holding it is a sentence in progress
# ('第三条 有下列情形之一的，依照本办法'), not a title line.
_IN_SENTENCE = re.compile(r"[，,、]")
# A clause, article or chapter cited in a sentence ('依照本办法⏎第五条规定处理'): after a sentence in progress, the
# rest of that sentence, not a new clause. Other numbers ('二、', '（三）', '3.') at a line's start begin an item.
_CITED = re.compile(r"^第[一二三四五六七八九十百千零〇两\d]+[条款项章节编]")


def _in_sentence(line: str) -> bool:
    number = NUMBERING.match(line)
    return bool(_IN_SENTENCE.search(line[number.end() :] if number else line))


def ends_paragraph(line: str, following: str, same_type: bool = True) -> bool:
    """Whether a soft line break between ``line`` and ``following`` (each one cleaned line) parts a paragraph."""
    line, following = line.strip(), following.strip()
    if line.endswith(ENDS_PARAGRAPH) or not same_type:
        return True
    if line_outline_rank(following) is not None:  # a numbered line begins, unless a sentence cites a clause
        return not (_CITED.match(following) and _in_sentence(line))
    # after a numbered title line ('一、值班时间'), not after a numbered sentence in progress
    return line_outline_rank(line) is not None and not _in_sentence(line)
