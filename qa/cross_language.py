"""Evidence for a question in another language than the corpus (an English question over Chinese text).

Neither of fusion's signals reads such a question well: the encoder carries its meaning but
places rare names loosely, and jieba-BM25 only matches the Latin names and numbers a Chinese
passage happens to write as they are. What else carries across languages is what is spelled
by rule: Chinese names written in pinyin ("Lu Zhongheng") are matched to the characters that
read so (陆仲亨, ``qa.pinyin_names``) and added to the fused score by ``cross_language``.

(Also tried on the tuning part, no gain, not shipped: letting BM25 read only the question's
names, acronyms and numbers, so that stray English words in Chinese passages ("River", "live")
stop matching — hit@1 0.692 either way on 52 English questions; removing the English-minus-
Chinese direction from the question vector — 0.692 -> 0.692/0.712 by strength, noise.)

A question counts as cross-language when less than ``CROSS_LANGUAGE_BELOW`` of it is Chinese
(``qa.fusion.cjk_share``); Chinese questions are left exactly as they were. Constants are chosen
on the tuning part (``python benchmarks/tune_retrieval.py``).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from qa.fusion import QueryFeatures
from qa.pinyin_names import name_evidence

CROSS_LANGUAGE_BELOW = 0.5  # cjk_share under which a question gets cross-language treatment
NAME_WEIGHT = 0.5  # added to the fused score x the share of the question's pinyin names a passage writes


def cross_language(
    question: str, features: QueryFeatures, ids: np.ndarray, fused: np.ndarray, texts_of: Callable
) -> np.ndarray:
    """Fused scores plus ``NAME_WEIGHT`` x the share of the question's pinyin names a passage writes.

    ``texts_of(ids)`` is called only when a cross-language question names something in pinyin,
    so other questions fetch no text.
    """
    if features.cjk_share >= CROSS_LANGUAGE_BELOW or not len(ids):
        return fused
    names = name_evidence(question, ids, texts_of)
    if names is None:
        return fused
    return fused + NAME_WEIGHT * names.astype(fused.dtype)
