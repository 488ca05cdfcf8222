"""Read traditional-Chinese pages through a simplified copy.

The layout cues (记者, 评论员, 下转/上接, 本报讯) and jieba's dictionary are simplified Chinese;
a traditional page (記者, 下轉) would miss all of them. OpenCC converts each paragraph for the
analysis only: the outline keeps the original paragraphs, and section titles are mapped back to
the page's own wording.
"""

from __future__ import annotations

import dataclasses

from qa.han_script import t2s_converter
from qa.records import Paragraph

SAMPLE_CHARS = 20000
MIN_TRADITIONAL_SHARE = 0.01  # of CJK characters that OpenCC would change


def is_traditional(paragraphs: list[Paragraph]) -> bool:
    """True when enough characters of a sample change under traditional→simplified conversion."""
    sample = "".join(p.text for p in paragraphs)[:SAMPLE_CHARS]
    cjk = [c for c in sample if "\u4e00" <= c <= "\u9fff"]
    if not cjk:
        return False
    converted = t2s_converter().convert("".join(cjk))
    changed = sum(a != b for a, b in zip(cjk, converted, strict=False))
    return changed >= MIN_TRADITIONAL_SHARE * len(cjk)


def simplified(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Paragraphs with simplified text (same indexes and line numbers) for the analysis."""
    conv = t2s_converter()
    return [dataclasses.replace(p, text=conv.convert(p.text)) for p in paragraphs]
