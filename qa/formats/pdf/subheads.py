"""A heading's first subsection, set right under it: told by its number, not its type.

On a multi-column page the reader takes a run of display type right under a headline for the headline's subtitle
(副题), as a newspaper sets one. A two-column paper, report or thesis sets its section heading and its first
subsection heading one under the other with no text between ('2 数据集' over '2.1 图像采集'), in type that
differs only a little; a subtitle never carries its headline's section number extended by one part. So a run whose
decimal number extends the headline's ('2' → '2.1', '3.2' → '3.2.1') is the first subhead, not a subtitle.
"""

from __future__ import annotations

import re
from typing import Any

# A decimal section number opening a heading: '2', '2.1', '3.2.1', 'A.1' — followed by a space or the title
# itself ('2.1图像采集'), not by more digits or a unit ('2024年', '3.5%').
_NUMBER = re.compile(r"^\s*((?:[A-Z]|\d{1,2})(?:[.．]\d{1,2}){0,3})[.．]?(?=\s|[^\d.．%a-z])")


def _parts(text: str) -> list[str] | None:
    match = _NUMBER.match(text)
    if match is None or match.end() >= len(text.rstrip()):
        return None  # no number, or a number with no title after it (a page number)
    return re.split(r"[.．]", match.group(1))


def extends_number(parent: str, text: str) -> bool:
    """Whether ``text`` is numbered as the first level under ``parent``: '2.1 图像采集' under '2 数据集'."""
    above, below = _parts(parent), _parts(text)
    if above is None or below is None or not above[0].isdigit() and len(above) == 1:
        return False  # a lone letter ('A 股') is no section number of its own
    return len(below) == len(above) + 1 and below[: len(above)] == above


def title_page_line(runs: list[list[Any]], r: int) -> bool:
    """Whether run ``r`` of a heading group (runs of lines, each line with ``page`` and ``size``) is a title page's
    author, date or institution: display type on a page whose display type ends before the group does (the text
    starts on a later page), and not the largest on its page (that is the title). Read as a heading of its own it
    was an empty section, and as the kicker of the first chapter's heading on the next page, text of that chapter."""
    page = runs[r][0].page
    if runs[-1][0].page == page:
        return False
    biggest = max(run[0].size for run in runs if run[0].page == page)
    return runs[r][0].size < biggest
