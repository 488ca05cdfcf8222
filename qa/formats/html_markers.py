"""The words of an HTML element's class and id ('comment-list', 'secTitle', 'main_content'): the readers name page
chrome, comments, content wrappers and section titles by them, so they split them one way."""

from __future__ import annotations

import re

HEADINGS = {f"h{n}": n for n in range(1, 7)}  # heading tags and their levels
_CASE_CHANGE = re.compile(r"(?<=[a-z])(?=[A-Z])")


def marker_words(marker: str) -> list[str]:
    """A class/id marker's words, lower case: split at spaces, '_' and '-', and where camel case changes."""
    return [w for w in re.split(r"[\s_-]+", _CASE_CHANGE.sub(" ", marker).lower()) if w]


def element_words(el) -> list[str]:  # noqa: ANN001 - lxml element
    """The words of an element's class and id (``marker_words``)."""
    return marker_words(f"{el.get('class') or ''} {el.get('id') or ''}")
