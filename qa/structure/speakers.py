"""Who is speaking in a paragraph: names right before a speech verb ('X表示', 'X在座谈时透露').

Used to flag fragments that quote someone who speaks in a different article than the one the
fragment was stitched to: a hint for the reader, not a hard rule (one speaker may appear in
several articles of a press-conference page).
"""

from __future__ import annotations

import re
from functools import lru_cache

_SPEECH = re.compile(r"^.{0,2}(?:在[^，。]{0,10})?(?:表示|介绍|说|指出|强调|认为|透露)")


@lru_cache(maxsize=2048)
def speakers(text: str) -> frozenset[str]:
    """Person names (jieba 'nr') immediately followed by a speech verb."""
    if not re.search(r"表示|介绍|说|指出|强调|认为|透露", text):
        return frozenset()
    import jieba.posseg as pseg  # here, not at import: its tag table costs ~0.5 s that searching never needs

    found: set[str] = set()
    pos = 0
    for token in pseg.lcut(text):
        pos = text.find(token.word, pos)
        end = pos + len(token.word)
        if token.flag == "nr" and 2 <= len(token.word) <= 4 and _SPEECH.match(text[end : end + 16]):
            found.add(token.word)
        pos = end
    return frozenset(found)
