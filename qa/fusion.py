"""Fuse keyword (BM25) and dense scores into one ranking, with weights that adapt to the question.

Why not reciprocal-rank fusion: RRF gives both signals an equal vote whatever the question, so
on CMRC 2018 it falls below BM25 alone (0.839 vs 0.937 hit@1 in the dataset's README), and an
English question over Chinese text would get an equal vote from BM25, which only matches stray
Latin names there.

What is done instead (normalised score fusion, per question, over the candidate set):

* BM25 is scaled by the best candidate's score (0..1);
* dense scores become standard scores against a fixed random sample of the corpus, counted
  from a noise floor (what the best of the corpus's random passages reaches anyway, at most
  ``Z_FLOOR``) in units of ``z_ref - floor``: how far the best passage stands out is kept, so a
  model that cannot tell passages apart gets little say and a confident strong model gets more;
* the keyword weight is ``coverage * (B + (A - B) * cjk_share)``: ``coverage`` is the share of
  the question's content words found in the corpus vocabulary (a question whose words the
  corpus lacks gets no say from BM25), ``cjk_share`` is how Chinese the question is (jieba-BM25
  is strong on Chinese facts, while an English question over Chinese text only matches stray
  Latin names);
* ``fused = w * bm25_norm + (1 - w) * dense_norm``, where the dense share ``1 - w`` is further
  multiplied by the index's measured ``dense_trust`` (dense hit@1 over BM25's on held-out
  sentences, ``qa.calibration``): for the bundled USE it is ~0.98, for an English-only model
  over Chinese text ~0.5, which keeps such a model from outvoting BM25 on English questions.

``A`` (the keyword weight for a Chinese question) and ``z_ref`` are not constants: each build
measures them for its model and corpus on held-out sentences of the corpus and stores them in
the manifest (``qa.calibration``), so a strong model (EmbeddingGemma) gets more say than the
bundled USE and an English-only model over Chinese text gets almost none. ``A_CHINESE`` and
``Z_REF`` below are only the fallback for indexes built before that (and for tiny ones).

Evidence, all printed by commands (tuning part: ``python benchmarks/tune_retrieval.py``; the
held-out report part, per model: ``python benchmarks/retrieval.py``, results in
``benchmarks/retrieval_results.md``). Earlier figures in this docstring were measured on the
questions they reported and are gone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

A_CHINESE = 0.7  # fallback keyword weight for a fully covered Chinese question (qa.calibration measures it)
B_OTHER = 0.5  # keyword weight for a fully covered non-Chinese question (capped at A)
Z_REF = 6.0  # fallback unit of dense standard scores (qa.calibration measures it per index)
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
    dense_trust: float = 1.0,
) -> np.ndarray:
    """Fused scores of the candidates (same order as the inputs); higher is better, ~1 at the top.

    ``dense_stats`` (mean, std of the question's dense scores over a fixed sample of the corpus,
    and the noise floor for the corpus size) switches dense normalisation to standard scores
    (``normalise_dense_z``).
    """
    # The dense signal keeps only ``dense_trust`` of its share (qa.calibration.IndexCalibration).
    w = 1.0 - (1.0 - keyword_weight(features, ceiling)) * float(np.clip(dense_trust, 0.0, 1.0))
    dense_n = normalise_dense(dense) if dense_stats is None else normalise_dense_z(dense, *dense_stats, z_ref=z_ref)
    return w * normalise_keyword(keyword) + (1.0 - w) * dense_n
