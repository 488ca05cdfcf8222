"""A bilingual document's heading over its translation: 'XR-200空气净化器用户手册' set large, 'XR-200 Air Purifier
User Manual' right under it a size smaller.

A one-column document nests its headings by type size, so the English line became a heading one level under the
Chinese title, and every section of the manual sat one level deeper than it is — under a section named in English
that is only the title again. A run of display type with no CJK letter, no section number, smaller than the run
above it in the same heading group, which is set in Chinese, is that heading's translation: its subtitle — unless
the document sets a heading of its own in that type elsewhere, after text (its sibling subheading).
"""

from __future__ import annotations

import re
from typing import Any

from qa.formats.pdf.lines import SECTION_NUMBER

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
MIN_WORDS = 2  # a translation is a phrase ('User Manual'), not a lone word or code


def translation_under(runs: list[list[Any]], r: int, text: str, above: str, openers: list[Any] = ()) -> bool:
    """Is run ``r`` of a heading group (runs of lines with ``size``; ``text`` its words, ``above`` the words of the run
    right above it) the translation of the heading above it? Not where the document opens a heading elsewhere in
    its type (``openers``: display lines with text right above them, ``sibling_heading``)."""
    if r == 0 or runs[r][0].size >= 0.98 * runs[r - 1][0].size or runs[r][0].page != runs[r - 1][-1].page:
        return False
    if sibling_heading(runs[r][0], openers):
        return False
    words = text.split()
    return (
        not _CJK.search(text)
        and bool(_CJK.search(above))
        and len(words) >= MIN_WORDS
        and sum(any(c.isalpha() for c in w) for w in words) >= MIN_WORDS
        and not SECTION_NUMBER.match(text)
        and not SECTION_NUMBER.match(above)
    )


SAME_SIZE = 0.03  # x the size: two lines of one type differ by no more (sizes read to 0.1 pt)


def sibling_heading(line: Any, openers: list[Any]) -> bool:
    """Is ``line``'s type (size and weight) that of a heading the document sets elsewhere with text right above it?

    'Deep Learning Models' right under '模型方法' is its first subsection, not its translation, when 'Support Vector
    Machines' in the same type heads a later section after text: a subheading's type, its first use included. A
    bilingual manual's translations are each set right under their Chinese heading, never after text."""
    return any(
        o is not line and abs(o.size - line.size) <= SAME_SIZE * line.size and o.bold == line.bold for o in openers
    )
