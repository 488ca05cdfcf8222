"""Fuse keyword (BM25) and dense scores into one ranking, with weights that adapt to the question.

Why not reciprocal-rank fusion: RRF gives both signals an equal vote whatever the question, so
on CMRC 2018 it falls below BM25 alone (0.839 vs 0.937 hit@1 in the dataset README; 0.951 vs
0.969 with our chunks) and on English questions over Chinese text it drags the dense ranking
from 0.60 down to 0.27, because BM25 returns noise for words the corpus does not contain.

What is done instead (normalised score fusion, per question, over the candidate set):

* BM25 is scaled by the best candidate's score (0..1);
* dense scores become standard scores against a fixed random sample of the corpus, counted
  from ``Z_FLOOR`` (2, what the best of ~100 random passages reaches) in units of ``Z_REF - Z_FLOOR``
  (``Z_REF``: the bundled model's typical best-passage z of ~6): how far the best passage stands
  out is kept, so a model that cannot tell passages apart gets little say and a confident
  strong model gets more (it can exceed 1);
* the keyword weight is ``coverage * (B + (A - B) * cjk_share)``: ``coverage`` is the share of
  the question's content words found in the corpus vocabulary (a question whose words the
  corpus lacks gets no say from BM25), ``cjk_share`` is how Chinese the question is (jieba-BM25
  is strong on Chinese facts, while an English question over Chinese text only matches stray
  Latin names);
* ``fused = w * bm25_norm + (1 - w) * dense_norm``.

Evidence (bundled USE-m3, 2,775 chunks of the 1,104 CMRC paragraphs, 1,000 sampled questions
split into the dev/trial groups, plus 52 English questions; hit@1 dev / trial / English):

    bm25                                   0.969 / 0.969 / 0.192
    dense (windows, qa.dense)              0.860 / 0.873 / 0.596
    RRF k=60                               0.951 / 0.934 / 0.269
    fixed w=0.3, median-max scaling        0.958 / 0.948 / 0.577
    fixed w=0.7, median-max scaling        0.973 / 0.978 / 0.346
    adaptive A=0.7 B=0.3, median-max       0.978 / 0.974 / 0.596
    adaptive A=0.6..0.8, B=0..0.3          0.974-0.979 / 0.965-0.978 / 0.577-0.596 (flat)
    adaptive A=0.7 B=0.5, standard scores  0.977 / 0.974 / 0.596
      ... counted above a floor of z=2     0.978 / 0.974 / 0.596   <- used (floor 3: English 0.558)

Why standard scores: median-max scaling stretches any dense ranking to 0..1, however weak.
With an English-only sentence-transformers model (all-MiniLM-L6-v2, dense 0.18 hit@1 on CMRC)
it pulled hybrid down to 0.45 / 0.60 against BM25's 0.98; with standard scores hybrid stays
at 0.98 / 0.99 (BM25 0.98 / 0.99), and the bundled model's figures are unchanged. B=0.5 (vs
0.3) also lifts that model's English group (0.15 -> 0.17; BM25 0.19, dense 0.15) at no cost
for the bundled model. The weights are the same for every model; ``Searcher(keyword_ceiling=)``
overrides A after measuring with ``qa eval``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

A_CHINESE = 0.7  # keyword weight for a fully covered Chinese question
B_OTHER = 0.5  # keyword weight for a fully covered non-Chinese question
Z_REF = 6.0  # median standard score of the best passage for the bundled model on CMRC questions
Z_FLOOR = 2.0  # standing out by less than this is what the best of ~100 random passages does anyway

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


def noise_floor(corpus_size: int) -> float:
    """The z that the best of ``corpus_size`` random passages reaches anyway, capped at ``Z_FLOOR``.

    In a small index (one page: ~30 chunks) even the right passage stands out by only z~2-3,
    and the best of n noise scores is ~sqrt(2 ln n) - 1 below ``Z_FLOOR``; a fixed floor of 2
    would silence a good model there (an English question over a Chinese page got all zeros).
    """
    if corpus_size < 2:
        return 0.0
    return float(min(Z_FLOOR, max(0.0, np.sqrt(2 * np.log(corpus_size)) - 1.0)))


def normalise_dense_z(
    scores: np.ndarray, mean: float, std: float, floor: float = Z_FLOOR, z_ref: float = Z_REF
) -> np.ndarray:
    """Dense scores as standard scores against the whole corpus, in units of ``Z_REF``.

    Unlike scaling by the candidates' own spread, this keeps how far the best passage stands out
    from the corpus: a model that cannot tell passages apart (an English-only model over Chinese
    text) gets small values and so little say, while a confident strong model can exceed 1.
    Standing out by less than ``Z_FLOOR`` counts as nothing: the best of a hundred random
    passages does that much (a pure-noise model then leaves keyword ranking untouched).
    """
    if not scores.size or std <= 1e-9:
        return np.zeros_like(scores)
    return np.maximum((scores - mean) / std - floor, 0.0) / max(z_ref - floor, 1e-6)


def fuse(
    keyword: np.ndarray,
    dense: np.ndarray,
    features: QueryFeatures,
    ceiling: float = A_CHINESE,
    dense_stats: tuple[float, float, float] | None = None,
    z_ref: float = Z_REF,
) -> np.ndarray:
    """Fused scores of the candidates (same order as the inputs); higher is better, ~1 at the top.

    ``dense_stats`` (mean, std of the question's dense scores over a fixed sample of the corpus,
    and the noise floor for the corpus size) switches dense normalisation to standard scores
    (``normalise_dense_z``).
    """
    w = keyword_weight(features, ceiling)
    dense_n = normalise_dense(dense) if dense_stats is None else normalise_dense_z(dense, *dense_stats, z_ref=z_ref)
    return w * normalise_keyword(keyword) + (1.0 - w) * dense_n
