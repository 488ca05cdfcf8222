"""A head set in two languages, one line each ('2. Product Specifications' over '2. 产品规格'): a bilingual manual's.

The DOCX reader keeps a line set apart by type as a heading only when it heads some text; the English line of a
bilingual head is followed at once by its Chinese line, set the same, so it headed nothing and was read as the last
line of the section before ('2. Product Specifications' under '1. 安全须知'). The two lines are one head: the first
heads what the second heads. Two heads in one language, one over the other ('第一章 总则' over '第二章 附则'), are two
heads, and the first heads nothing. Nor is an English line over a Chinese head, set alike, always its translation: a
brochure's bold 'Designed by ACME in California' over '售后服务' is a line of its own. A bilingual manual sets every
head so, so an unnumbered pair is one head only when the document has at least ``MIN_PAIRS`` such pairs; a numbered
pair ('3.1 When to replace' over '3.1 更换时机') shows it by its number.
"""

from __future__ import annotations

import re

MIN_PAIRS = 2  # English-over-Chinese heads a document needs before an unnumbered one is read as one head
_HAN = re.compile(r"[\u3400-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]{2,}")
_NUMBER = re.compile(r"^\s*([\dA-Za-z]{0,3}(?:[.．]\d+)*[.．、]?)\s")  # '2.', '3.1', 'A.': the head's own number


def _number(text: str) -> str:
    found = _NUMBER.match(text)
    return found.group(1).rstrip(".．、") if found and any(c.isdigit() for c in found.group(1)) else ""


def translated_head(first: str, second: str) -> bool:
    """Whether two heads one over the other are one head in two languages: one line in Latin letters without a
    Chinese character, the other with Chinese characters, and the same number, if any ('3.1 When to replace',
    '3.1 更换时机')."""
    han = [bool(_HAN.search(t)) for t in (first, second)]
    latin_only = [bool(_LATIN.search(t)) and not h for t, h in zip((first, second), han, strict=True)]
    if not ((han[0] and latin_only[1]) or (han[1] and latin_only[0])):
        return False
    return _number(first) == _number(second)


def translated_over(items: list, candidates: dict[int, float], numbered: dict[int, float]) -> dict[int, float]:
    """The numbered lines (``candidates``, line -> rank) that head nothing only because the same head in the other
    language follows at once, at the same rank, and heads text (is in ``numbered``)."""
    return {
        i: rank
        for i, rank in candidates.items()
        if i not in numbered and numbered.get(i + 1) == rank and translated_head(items[i][1], items[i + 1][1])
    }


def translated_pairs(items: list, plain: dict[int, str], keys: dict[int, tuple]) -> set[int]:
    """The head lines (``keys``, line -> rank key) set over the same head in the other language: the next line has
    the same key and ``translated_head`` holds. A pair without a number counts only when the document has at least
    ``MIN_PAIRS`` pairs (a bilingual manual's pattern), not one English line over one Chinese head."""
    pairs = {
        i
        for i, key in keys.items()
        if keys.get(i + 1) == key and translated_head(plain.get(i, items[i][1]), items[i + 1][1])
    }
    if len(pairs) >= MIN_PAIRS:
        return pairs
    return {i for i in pairs if _number(plain.get(i, items[i][1]))}
