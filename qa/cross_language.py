"""Evidence for a question in another language than the corpus (an English question over Chinese text).

Neither of fusion's signals reads such a question well: the encoder carries its meaning but
places rare names loosely and reads much of it as "a question", and jieba-BM25 only matches the
Latin names and numbers a Chinese passage happens to write as they are. Three additions, each
only for a cross-language question (less than ``CROSS_LANGUAGE_BELOW`` of it Chinese,
``qa.fusion.cjk_share``; Chinese questions are left exactly as they were):

* ``question_vectors``: the vector of the question's content words (function and question words
  dropped) is added to the question's own, ``CONTENT_WEIGHT`` x, before anything is searched;
* ``cross_language``: Chinese names spelled in pinyin or Wade-Giles ("Lu Zhongheng") are
  matched to the characters that read so (陆仲亨, ``qa.pinyin_names``), in the section heading
  (``HEADING_SHARE``) and anywhere in the passage, and ``NAME_WEIGHT`` x that share is added to
  the fused score;
* ``name_relevance``: the same evidence raises the calibrated relevance (``NAME_PRECISION``).

``script_mismatch`` (a Chinese question) says how far a passage is written in another script than the
question; the relevance model reads it (``qa.calibration.C_MISMATCH``): a Chinese question's right
answer in an English handbook is not "no good passage found" for want of shared words.

Every constant is chosen on the tuning part's 52 English questions (bundled USE, ONNX build; one
question = 0.019) and printed by ``python benchmarks/tune_retrieval.py --workdir W --reuse-index``;
the report part's 72 only by ``benchmarks/retrieval.py``:

    CONTENT_WEIGHT  dense hit@1  hybrid hit@1  hit@5  MRR@10
    0.0             0.577        0.731         0.885  0.804
    1.0             0.577        0.731         0.904  0.811
    1.5             0.654        0.788         0.904  0.840
    2.0             0.596        0.769         0.904  0.830   <- best MRR averaged with its neighbours
    3.0             0.596        0.750         0.885  0.818
    5.0             0.596        0.750         0.885  0.819

    NAME_WEIGHT (HEADING_SHARE 0 / 0.5)   0.0: 0.635 / 0.635   0.3: 0.731 / 0.731
    hybrid hit@1                          0.5: 0.769 / 0.769   0.7, 1.0: 0.769 / 0.769
    -> 0.5, the smallest weight at the best. HEADING_SHARE ties now; before the content-word
    vector it gained one question (0.692 -> 0.712) and it is kept for that reason: a heading that
    names the person says what the passage is about.

    NAME_PRECISION: top hits writing the names in full 13, right 13 -> (13 + 1) / (13 + 2) = 0.93.

Also tried on the tuning part (before the content-word vector), no gain, not shipped: letting
BM25 read only the question's names, acronyms and numbers (so that stray English words in Chinese
passages, "River", "live", stop matching): hit@1 0.692 either way; removing the English-minus-
Chinese direction from the question vector: 0.692 -> 0.692..0.712, noise; pseudo-relevance
feedback (mean of the top 1-5 chunk vectors added): 0.712 -> 0.654..0.712; a dense score against
the section heading alone: 0.692 -> 0.538..0.635.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import numpy as np

from qa.fusion import QueryFeatures, cjk_share
from qa.pinyin_names import LEADING_WORDS, NameMatcher, pinyin_names

CROSS_LANGUAGE_BELOW = 0.5  # cjk_share under which a question gets cross-language treatment
NAME_WEIGHT = 0.5  # added to the fused score x the share of the question's pinyin names a passage writes


CONTENT_WEIGHT = 2.0  # the question's content words' vector, added to the question's own (tuning part)
HEADING_SHARE = 0.5  # of the name evidence that comes from the section heading naming it
# Chance that a top hit writing the question's pinyin names in full is right: 13 of 13 on the English
# tuning questions, (13 + 1) / (13 + 2) by the rule of succession (benchmarks/tune_retrieval.py).
NAME_PRECISION = 0.93

_WORD = re.compile(r"[^\W_](?:[\w'’-]*[^\W_])?")


def content_words(question: str) -> str:
    """The question without its function and question words ("Where is the town of Wangjiangjing?" ->
    "town Wangjiangjing"); empty when nothing would change or nothing is left."""
    words = _WORD.findall(question)
    kept = [w for w in words if w.lower() not in LEADING_WORDS]
    return " ".join(kept) if kept and len(kept) < len(words) else ""


def question_vectors(embedder, questions: Sequence[str], vectors: list[np.ndarray]) -> list[np.ndarray]:
    """Question vectors, a cross-language question's pulled toward the vector of its content words.

    The bundled encoder reads "What does the half-lined cardinalfish feed on?" largely as a
    question; the words that name the thing asked about ("half-lined cardinalfish feed") carry
    what a Chinese passage about it shares. Adding their vector (``CONTENT_WEIGHT`` x, then
    normalised) costs one more encoding, for cross-language questions only.
    """
    todo = [(i, content_words(q)) for i, q in enumerate(questions) if cjk_share(q) < CROSS_LANGUAGE_BELOW]
    todo = [(i, words) for i, words in todo if words]
    if not todo or not CONTENT_WEIGHT:
        return vectors
    extra = np.asarray(embedder.encode_queries([words for _, words in todo]), dtype=np.float32)
    out = list(vectors)
    for (i, _), more in zip(todo, extra, strict=True):
        mixed = np.asarray(vectors[i], dtype=np.float32) + CONTENT_WEIGHT * more
        out[i] = np.ascontiguousarray(mixed / max(float(np.linalg.norm(mixed)), 1e-12), dtype=np.float32)
    return out


def name_scores(question: str, ids: np.ndarray, fetch: Callable) -> np.ndarray | None:
    """How well each chunk ``ids`` writes the question's pinyin names (0..1), or None when it names none.

    ``(1 - HEADING_SHARE)`` x the share written anywhere in the chunk (heading included) +
    ``HEADING_SHARE`` x the share written in its section heading: a passage under a heading that
    names the person is about them, one that mentions them in passing less so. ``fetch(ids)``
    (chunk records by id) is called only when the question names something.
    """
    matcher = NameMatcher(pinyin_names(question))
    if not matcher or not len(ids):
        return None
    chunks = fetch(ids)
    records = [chunks.get(int(i)) for i in ids]
    anywhere = matcher.scores([(c.embed_text or c.text) if c is not None else "" for c in records])
    if not HEADING_SHARE:
        return anywhere
    heading = matcher.scores([(c.section_label or "") if c is not None else "" for c in records])
    return (1 - HEADING_SHARE) * anywhere + HEADING_SHARE * heading


def cross_language(
    question: str, features: QueryFeatures, ids: np.ndarray, fused: np.ndarray, fetch: Callable
) -> np.ndarray:
    """Fused scores plus ``NAME_WEIGHT`` x how well a passage writes the question's pinyin names.

    Only for a cross-language question (``CROSS_LANGUAGE_BELOW``); ``fetch(ids)`` gives chunk
    records and is called only when such a question names something in pinyin.
    """
    if features.cjk_share >= CROSS_LANGUAGE_BELOW or not len(ids):
        return fused
    names = name_scores(question, ids, fetch)
    if names is None:
        return fused
    return fused + NAME_WEIGHT * names.astype(fused.dtype)


def name_relevance(
    question: str, features: QueryFeatures, ids: np.ndarray, relevance: np.ndarray, fetch: Callable
) -> np.ndarray:
    """Relevance (``qa.calibration``) with the pinyin-name evidence folded in, for a cross-language question.

    The calibrated relevance reads word overlap and meaning; a passage that writes the name an
    English question spells (陆仲亨 for "Lu Zhongheng") has neither word overlap nor, for the
    bundled model, a confident dense score, yet is right ``NAME_PRECISION`` of the time. The two
    are combined as independent evidence: ``1 - (1 - relevance) * (1 - NAME_PRECISION * name)``.
    """
    if features.cjk_share >= CROSS_LANGUAGE_BELOW or not len(ids):
        return relevance
    names = name_scores(question, ids, fetch)
    if names is None:
        return relevance
    return 1.0 - (1.0 - relevance) * (1.0 - NAME_PRECISION * names)


MISMATCH_FROM = 0.5  # script difference (cjk share, question against passage) below which nothing is counted


def script_mismatch(question_share: float, texts: Sequence[str]) -> np.ndarray:
    """Per passage, how far it is written in another script than a Chinese question (0..1; 0 for any passage
    when the question is not Chinese).

    ``cjk_share(question) - cjk_share(passage)`` above ``MISMATCH_FROM``, rescaled to 0..1: a Chinese question
    over an English passage is 1, over a bilingual (Chinese-and-English) one 0. The relevance model
    (``qa.calibration``) reads it: neither of its word signals can vouch for such a passage (the question's
    words are not the passage's), so without it a right answer in English read as "no good passage found".
    An English question over Chinese text has its own evidence (``dense_standing * (1 - coverage)``, pinyin
    names) and is left as it was.
    """
    if question_share < CROSS_LANGUAGE_BELOW:
        return np.zeros(len(texts))
    shares = np.array([cjk_share(t) for t in texts], dtype=np.float64)
    gap = float(question_share) - shares
    return np.clip((gap - MISMATCH_FROM) / (1.0 - MISMATCH_FROM), 0.0, 1.0)
