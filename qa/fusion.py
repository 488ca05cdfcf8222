"""Fuse keyword (BM25) and dense scores into one ranking, with weights that adapt to the question.

Why not reciprocal-rank fusion: RRF gives both signals an equal vote whatever the question, so
on CMRC 2018 it falls below BM25 alone (0.839 vs 0.937 hit@1 in the dataset README; 0.951 vs
0.969 with our chunks) and on English questions over Chinese text it drags the dense ranking
from 0.60 down to 0.27, because BM25 returns noise for words the corpus does not contain.

What is done instead (normalised score fusion, per question):

* each signal is scaled over the candidate set: BM25 by its maximum (0..1), dense by
  ``(s - median) / (max - median)``, so "as good as the best candidate" means 1 for both;
* the keyword weight is ``coverage * (B + (A - B) * cjk_share)``: ``coverage`` is the share of
  the question's content words found in the corpus vocabulary (a question whose words the
  corpus lacks gets no say from BM25), ``cjk_share`` is how Chinese the question is (jieba-BM25
  is strong on Chinese facts, while an English question over Chinese text only matches stray
  Latin names);
* ``fused = w * bm25_norm + (1 - w) * dense_norm``.

Evidence (bundled USE-m3, 2,775 chunks of the 1,104 CMRC paragraphs, 1,000 sampled questions
split into the dev/trial groups, plus 52 English questions; hit@1 dev / trial / English):

    bm25                         0.969 / 0.969 / 0.192
    dense (windows, qa.dense)    0.860 / 0.873 / 0.596
    RRF k=60                     0.951 / 0.934 / 0.269
    fixed w=0.3                  0.958 / 0.948 / 0.577
    fixed w=0.7                  0.973 / 0.978 / 0.346
    adaptive A=0.7 B=0.3         0.978 / 0.974 / 0.596   <- chosen
    adaptive A=0.6..0.8, B=0..0.3  0.974-0.979 / 0.965-0.978 / 0.577-0.596 (flat: not tuned to noise)

A fixed weight has to choose between Chinese and English questions; the adaptive one does not.

Other embedding models: the weights were measured with the bundled averaging encoder, whose
dense signal is the weaker one on Chinese facts. A sentence-transformers model is usually much
stronger there, so for any other model the Chinese ceiling ``A`` is lowered to
``A_OTHER_MODEL`` so keyword evidence breaks ties and fixes clear misses without outvoting a
confident model (pass ``keyword_ceiling`` to ``Searcher`` to override after measuring with
``qa eval``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

A_CHINESE = 0.7  # keyword weight for a fully covered Chinese question (bundled model)
B_OTHER = 0.3  # keyword weight for a fully covered non-Chinese question
A_OTHER_MODEL = 0.4  # Chinese ceiling when a (stronger) sentence-transformers model is plugged in

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN_WORD = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True)
class QueryFeatures:
    """What fusion knows about a question besides the scores."""

    cjk_share: float  # share of the question that is CJK text (0: English, 1: Chinese)
    coverage: float  # share of the question's content words found in the corpus vocabulary


def cjk_share(question: str) -> float:
    """How Chinese a question is: CJK characters against Latin words (a word ~ two characters)."""
    cjk = len(_CJK.findall(question))
    total = cjk + 2 * len(_LATIN_WORD.findall(question))
    return cjk / total if total else 0.0


def keyword_weight(features: QueryFeatures, ceiling: float = A_CHINESE) -> float:
    """Weight of the keyword signal in [0, 1]; the dense signal gets the rest."""
    low = min(B_OTHER, ceiling)
    w = features.coverage * (low + (ceiling - low) * features.cjk_share)
    return float(np.clip(w, 0.0, 1.0))


def normalise_keyword(scores: np.ndarray) -> np.ndarray:
    """BM25 scaled by the best candidate's score (0 when nothing matched)."""
    top = float(scores.max()) if scores.size else 0.0
    return scores / top if top > 0 else np.zeros_like(scores)


def normalise_dense(scores: np.ndarray) -> np.ndarray:
    """Cosine-like scores scaled so the median candidate is 0 and the best is 1."""
    if not scores.size:
        return scores
    lo, hi = float(np.median(scores)), float(scores.max())
    return (scores - lo) / (hi - lo) if hi > lo else np.zeros_like(scores)


def fuse(keyword: np.ndarray, dense: np.ndarray, features: QueryFeatures, ceiling: float = A_CHINESE) -> np.ndarray:
    """Fused scores of the candidates (same order as the inputs); higher is better, max ~1."""
    w = keyword_weight(features, ceiling)
    return w * normalise_keyword(keyword) + (1.0 - w) * normalise_dense(dense)
