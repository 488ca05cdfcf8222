"""Per-index calibration of fusion, measured at build time on questions the corpus itself provides.

How much to trust the dense signal depends on the model and on the corpus: the bundled USE is
weaker than jieba-BM25 on Chinese factual questions, a strong model (EmbeddingGemma) is about as
good or better, an English-only model over Chinese text is noise. Constants chosen for one model
hurt the others, so each build measures it (``calibrate_index``):

* **pseudo-questions**: a sentence window is held out of a sampled chunk (the inverse cloze
  task): the question is that sentence, the answer the chunk *without* it — both signals must
  find the source from its context, as with a real question, not from a copy of the sentence;
* over a sample of the index (``SUBCORPUS`` chunks holding the sources), BM25 (Lucene formula, the
  held-out words removed from the source) and dense scores (window max + window mean, the
  held-out window dropped) are computed for every pseudo-question;
* ``z_ref`` = the median standard score of the source under the dense signal (how far a right
  passage stands out for this model; the unit of ``qa.fusion.normalise_dense_z``);
* both are shrunk toward the former constants by ``m / (m + PRIOR_QUESTIONS)`` for ``m``
  pseudo-questions: a one-page index yields a couple of dozen, often ambiguous ones, and its
  z-scores are capped by its size (on a generated 24-chunk corpus the raw measurement cost
  hybrid one Chinese question against BM25: ``tests/test_retrieval.py``);
* ``keyword_ceiling`` = the keyword weight for a Chinese question: the weight that ranks the
  most sources first when fusing the pseudo-questions' scores exactly as search does, plus
  ``CEILING_OFFSET`` (real questions copy more words from their answer than a held-out sentence
  shares with its context, so BM25 deserves more than the pseudo-questions show; the offset was
  measured on the CMRC tuning part with the bundled model, never on the report part).

The result is stored in the manifest (``calibration``); an index without one (built before)
uses the former constants.

Evidence, printed by ``python benchmarks/tune_retrieval.py`` (CMRC tuning part only: 500 CMRC
and 52 English questions, 957 paragraphs = 2,397 chunks, bundled USE ONNX; the build measured
0.75 on 200 pseudo-questions, 0.74 after shrinkage), hybrid hit@1 CMRC / English by the offset:

    measured 0.74 -0.1 = 0.64   0.974 / 0.577
    measured 0.74 +0.0 = 0.74   0.972 / 0.577   <- CEILING_OFFSET = 0
    measured 0.74 +0.1 = 0.84   0.974 / 0.577
    measured 0.74 +0.2 = 0.94   0.966 / 0.577

(-0.1..+0.1 differ by one question in 500, non-monotonically: noise, so no offset is applied; an
earlier state of the code gave 0.972 for all three.)

With an English-only model (MiniLM) over CMRC text the build measures a weight of 0.94 (dense
finds 20% of the held-out sentences' sources against BM25's 51.5%) and a dense trust of ~0.5
(``IndexCalibration.dense_trust``), so BM25 decides even for English questions; printed by
``benchmarks/retrieval.py`` with the per-model results (``benchmarks/retrieval_results.md``).

Relevance: every hit also gets ``relevance`` in [0, 1], a logistic function of two absolute
signals: how much of the question's word information the passage holds (BM25 over the sum of the
question words' idf; words that only say how it asks — 几天, 多长时间, 什么时候 — are left out of the sum,
``qa.words.asking_tokens``) and how far the passage's dense score stands out from the corpus (in units
of the index's ``z_ref``). It is the same whatever the search mode, so it reads the same in hybrid,
dense and keyword results, and below ``NO_ANSWER_BELOW`` the answer is "no good passage found". A
third term, ``dense_standing * (1 - coverage)``, lets meaning carry the estimate when the question's
words are not the corpus's (an English question over Chinese text).

A passage written in another script than the question (a Chinese question over an English handbook;
``qa.cross_language.script_mismatch``) gets ``C_MISMATCH + C_MISMATCH_TOPIC * topic`` more, ``topic`` being
the question's mean cosine with the corpus: with the three terms alone such a right answer read ~0.2, "no
good passage found" (30 of 41 right top hits on the TUNING family ``cross-english-md`` of
``benchmarks/relevance.py``), and dense standing does not separate right from wrong there, while a question
about something else altogether (北京的天气怎么样 over a staff handbook) has a mean cosine near 0 against ~0.1.
The two are fitted on the TUNING rows on top of ``RELEVANCE_COEF``, which is unchanged
(``print_mismatch_fit``), so a question in its passages' script reads exactly as before.

``RELEVANCE_COEF`` was first fitted on CMRC's tuning part alone (one big index of Wikipedia
paragraphs, long crowd-written questions); on a handful of regulations and notices asked short
questions it called most right answers weak (an exploratory set: 11 of 17 right top hits below 0.5).
It is now fitted by ``python benchmarks/relevance.py --fit`` on the TUNING families there (731 top
hits: the big CMRC index's tuning questions and the 52 English tuning ones, small Markdown and 第N条
indexes of CMRC tuning paragraphs, small generated regulations and handbooks asked short questions;
no-answer questions weighed as 15% of each family), and reported on REPORT families of other
document kinds, other paragraphs and other question templates (969 top hits, n per family in the
printed table). The fit is bounded (``scipy.optimize``, L-BFGS-B):
the evidence coefficients may not be negative, so a closer keyword or meaning match never lowers the
relevance. Hits are ranked by the fused score and dropped below ``NO_ANSWER_BELOW`` by this one; the
unbounded fit (-2.07, 10.44, -1.02, 4.24) gave dense standing a negative weight (at coverage 1 and
keyword match 0.45 the relevance fell 0.933 -> 0.643 as dense standing rose 0 -> 2), so a closer
meaning match could be called weak where a worse one passed. The bound sets that weight to 0 and
costs little on REPORT rows (n=969): ECE 0.048 -> 0.057, right top hits called weak 32 -> 25 of 772,
no-answer questions flagged 78 -> 73 of 107. Verdict accuracy by threshold on the TUNING rows: 0.3:
0.843, 0.4: 0.865, 0.5: 0.877 (used), 0.6: 0.865, 0.7: 0.837. Adding log(chunks) as a feature fits
the small families better but
extrapolates badly to the big index (log loss 1.55 on it when it is left out, against 0.63), so it
is not used. The reliability tables (REPORT rows) are printed by ``benchmarks/relevance.py`` and
``benchmarks/retrieval.py``.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass

import numpy as np

from qa.records import Chunk
from qa.words import simplified

_DEBUG = False
SUBCORPUS = 400  # chunks in the calibration sample (sources included)
PSEUDO_QUESTIONS = 200  # held-out sentences
MIN_CHUNKS = 12  # smaller indexes keep the default constants (too few passages to measure anything)
MIN_SENTENCE = 12  # characters: shorter held-out windows say too little to be a question
GRID = np.round(np.linspace(0.0, 1.0, 21), 2)  # keyword weights tried
PRIOR_QUESTIONS = 50  # measurements are shrunk toward the defaults as if these many questions backed them
CEILING_OFFSET = 0.0  # added to the measured weight (tuning part, bundled model: benchmarks/tune_retrieval.py)
DEFAULT_Z_REF = 6.0  # the bundled model's typical best-passage z on CMRC (the former constant)
DEFAULT_CEILING = 0.7  # the former constant keyword weight for Chinese questions

# Relevance = sigmoid(C0 + C_KW * keyword_match + C_DENSE * dense_standing
#                     + C_UNCOVERED * dense_standing * (1 - coverage)); fitted on the tuning part.
# The last term lets meaning speak when the question's words are not the corpus's (English over Chinese).
RELEVANCE_COEF = (-1.87, 9.0, 0.0, 2.59)  # bounded fit: no evidence feature may lower the score
# A passage in another script than the question (a Chinese question over English text): neither word signal can
# vouch for it, and dense standing hardly tells right from wrong there (the bundled model places a Chinese question
# loosely among English passages); whether the question is about what the corpus is about at all (its mean cosine
# with the corpus: ~0.1 for a handbook's own facts, ~0.01 for 北京的天气怎么样) does. Fitted on top of
# RELEVANCE_COEF, which is left as it was: a question in its passages' script reads exactly as before.
C_MISMATCH = 0.85
C_MISMATCH_TOPIC = 11.60  # x the question's mean cosine with the corpus (clipped to 0..0.5)
NO_ANSWER_BELOW = 0.5  # top relevance below this: "no good passage found" (chosen on the tuning part)


@dataclass(frozen=True)
class IndexCalibration:
    """What a build measured about its model and corpus (stored in the manifest)."""

    z_ref: float = DEFAULT_Z_REF
    keyword_ceiling: float = DEFAULT_CEILING
    pseudo_questions: int = 0
    keyword_hit1: float = math.nan  # share of pseudo-questions whose source BM25 ranks first
    dense_hit1: float = math.nan
    fused_hit1: float = math.nan
    measured_weight: float = math.nan  # the pseudo-questions' best weight, before shrinkage and offset

    @property
    def dense_trust(self) -> float:
        """How far dense can be trusted beside BM25 (0..1): the pseudo-questions' dense hit@1 over
        BM25's, shrunk toward 1 like the other measurements. Fusion gives the dense signal only
        this share of its weight (``qa.fusion.fuse``), so a model that cannot read the corpus's
        language cannot outvote BM25 even on a question whose words the corpus lacks."""
        if not self.pseudo_questions or math.isnan(self.dense_hit1) or math.isnan(self.keyword_hit1):
            return 1.0
        raw = min(1.0, self.dense_hit1 / max(self.keyword_hit1, 1e-6))
        trust = self.pseudo_questions / (self.pseudo_questions + PRIOR_QUESTIONS)
        return float(trust * raw + (1 - trust))

    def as_dict(self) -> dict[str, float]:
        return {k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in asdict(self).items()}

    @classmethod
    def from_manifest(cls, manifest: dict) -> IndexCalibration:
        raw = manifest.get("calibration") or {}
        fields = {k: (math.nan if v is None else v) for k, v in raw.items() if k in cls.__dataclass_fields__}
        return cls(**fields)


def sigmoid(x: np.ndarray | float) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.asarray(x, dtype=np.float64)))


def relevance_features(keyword_match: np.ndarray, dense_standing: np.ndarray, coverage: float) -> np.ndarray:
    """(n, 3) inputs of the relevance model, clipped to the range it was fitted on."""
    kw = np.clip(np.asarray(keyword_match, dtype=np.float64), 0.0, 2.0)
    dn = np.clip(np.asarray(dense_standing, dtype=np.float64), 0.0, 2.0)
    return np.stack([kw, dn, dn * (1.0 - float(np.clip(coverage, 0.0, 1.0)))], axis=-1)


def relevance(
    keyword_match: np.ndarray,
    dense_standing: np.ndarray,
    coverage: float,
    mismatch: np.ndarray | float = 0.0,
    topic: float = 0.0,
) -> np.ndarray:
    """Calibrated probability that a passage answers the question (see module docstring).

    ``mismatch``: how far each passage is written in another script than the question
    (``qa.cross_language.script_mismatch``; 0 when not known); ``topic``: the question's mean cosine with
    the corpus (``CandidateFinder.dense_stats``), read only for such passages.
    """
    c0, *weights = RELEVANCE_COEF
    z = c0 + relevance_features(keyword_match, dense_standing, coverage) @ np.array(weights)
    m = np.clip(np.asarray(mismatch, dtype=np.float64), 0.0, 1.0)
    return sigmoid(z + m * (C_MISMATCH + C_MISMATCH_TOPIC * float(np.clip(topic, 0.0, 0.5))))


def keyword_idf(keyword_index) -> tuple[dict[str, int], np.ndarray, int]:
    """(vocabulary, Lucene idf per vocabulary id, number of chunks) of a ``qa.keyword.KeywordIndex``.

    Read from the stored bm25s matrix (one column per word: its length is the document frequency),
    so nothing is re-tokenized.
    """
    model = keyword_index._model
    indptr = np.asarray(model.scores["indptr"])
    n = int(model.scores["num_docs"])
    df = np.diff(indptr).astype(np.float64)
    return keyword_index._vocab, np.log(1 + (n - df + 0.5) / (df + 0.5)), n


def keyword_match(
    bm25: np.ndarray,
    tokens: Sequence[str],
    vocab: dict[str, int],
    idf: np.ndarray,
    n: int,
    asking: frozenset[str] | set[str] = frozenset(),
) -> np.ndarray:
    """BM25 over the question words' total idf: ~1 when a passage holds every word of the question.

    A word the corpus lacks counts with the idf of a word seen once (the question asks about
    something the index does not hold, so no passage can match it fully). Words that only say how
    the question asks (``asking``: 几天, 多长时间; ``qa.words.asking_tokens``) do not count: the answer
    states what is asked ('十五天'), so they are unseen in a small index, and would count as missing.
    """
    unseen = math.log(1 + (n - 1 + 0.5) / 1.5) if n else 1.0
    total = sum(float(idf[vocab[t]]) if t in vocab else unseen for t in set(tokens) if t and t not in asking)
    if total <= 0:
        return np.zeros_like(np.asarray(bm25, dtype=np.float64))
    return np.asarray(bm25, dtype=np.float64) / total


def keyword_match_df(
    bm25: np.ndarray, tokens: Sequence[str], df: dict[str, int], n: int, asking: frozenset[str] | set[str] = frozenset()
) -> np.ndarray:
    """``keyword_match`` with the question words' document frequencies over ``n`` chunks (Lucene idf).

    What a search uses: the engine reports the few words' frequencies, nothing index-wide is loaded.
    """
    words = sorted({t for t in tokens if t})
    vocab = {t: i for i, t in enumerate(w for w in words if df.get(w, 0) > 0)}
    freq = np.array([df[t] for t in vocab], dtype=np.float64)
    idf = np.log(1 + (n - freq + 0.5) / (freq + 0.5))
    return keyword_match(bm25, words, vocab, idf, n, asking)


def dense_standing(dense: np.ndarray, mean: float, std: float, floor: float, z_ref: float) -> np.ndarray:
    """How far dense scores stand out from the corpus, counted from the noise floor in units of z_ref."""
    if std <= 1e-9:
        return np.zeros_like(np.asarray(dense, dtype=np.float64))
    return np.maximum((np.asarray(dense, dtype=np.float64) - mean) / std - floor, 0.0) / max(z_ref - floor, 1e-6)


# ---------------------------------------------------------------------------------------------
# Build-time calibration


class _Bm25:
    """Lucene BM25 over token lists (the formula and k1/b of ``qa.keyword``), for a small sample.

    A sparse word-by-passage count matrix scores a question in a few column reads; passages
    whose text a pseudo-question changed are re-scored from their own counts.
    """

    def __init__(self, docs: list[list[str]], k1: float, b: float) -> None:
        from scipy.sparse import csc_matrix

        self.k1, self.b = k1, b
        self.counts = [Counter(d) for d in docs]
        self.vocab: dict[str, int] = {}
        rows, cols, vals = [], [], []
        for i, c in enumerate(self.counts):
            for t, f in c.items():
                rows.append(i)
                cols.append(self.vocab.setdefault(t, len(self.vocab)))
                vals.append(f)
        n = len(docs)
        self.matrix = csc_matrix((vals, (rows, cols)), shape=(n, max(len(self.vocab), 1)), dtype=np.float64)
        lengths = np.array([max(sum(c.values()), 1) for c in self.counts], dtype=np.float64)
        self.avg = float(lengths.mean()) if n else 1.0
        self.norm = k1 * (1 - b + b * lengths / self.avg)
        df = np.diff(self.matrix.indptr).astype(np.float64)
        self.idf = np.log(1 + (n - df + 0.5) / (df + 0.5))

    def scores(self, query: Sequence[str], changed: dict[int, Counter] | None = None) -> np.ndarray:
        out = np.zeros(self.matrix.shape[0])
        ids = [self.vocab[t] for t in set(query) if t in self.vocab]
        if ids:
            tf = self.matrix[:, ids].toarray()
            out = (self.idf[ids] * tf * (self.k1 + 1) / (tf + self.norm[:, None])).sum(axis=1)
        for j, counts in (changed or {}).items():
            length = max(sum(counts.values()), 1)
            norm = self.k1 * (1 - self.b + self.b * length / self.avg)
            out[j] = sum(
                self.idf[self.vocab[t]] * counts[t] * (self.k1 + 1) / (counts[t] + norm)
                for t in set(query)
                if t in self.vocab and counts.get(t, 0) > 0
            )
        return out


def _pick_weight(mrr_by_weight: np.ndarray) -> float:
    """The weight with the best MRR, smoothed over neighbouring weights.

    Hit@1 over a few hundred pseudo-questions is flat and noisy across a wide range of weights
    (the argmax jumped between 0.05 and 0.7 with the sample size); reciprocal ranks, averaged
    with the neighbours, give a stable optimum.
    """
    padded = np.pad(mrr_by_weight, 1, mode="edge")
    smooth = (padded[:-2] + padded[1:-1] + padded[2:]) / 3
    return float(GRID[int(np.argmax(smooth))])


def calibrate_index(
    chunks: Sequence[Chunk],
    window_vectors: np.ndarray,
    window_starts: np.ndarray,
    embedder,
    window_spans_of,
    tokenize,
    k1: float,
    b: float,
    noise_floor,
    seed: int = 0,
) -> IndexCalibration:
    """Measure ``z_ref`` and the keyword weight for this model and corpus (see module docstring).

    ``window_spans_of(text)`` gives the window spans the window vectors were made from,
    ``tokenize(text)`` the BM25 tokens, ``noise_floor(n)`` the z below which a score is noise.
    """
    n = len(chunks)
    if n < MIN_CHUNKS:
        return IndexCalibration()
    rng = np.random.default_rng(seed)
    ends = np.append(window_starts[1:], len(window_vectors))
    counts = ends - window_starts
    eligible = [i for i in range(n) if counts[i] >= 3]
    if len(eligible) < 5:
        return IndexCalibration()
    sources = sorted(rng.choice(eligible, min(PSEUDO_QUESTIONS, len(eligible)), replace=False).tolist())
    others = [i for i in range(n) if i not in set(sources)]
    extra = rng.choice(others, min(len(others), max(0, SUBCORPUS - len(sources))), replace=False).tolist()
    sample = sorted(set(sources) | set(extra))
    position = {c: j for j, c in enumerate(sample)}

    questions: list[str] = []
    held: list[tuple[int, int, int]] = []  # (sample position of the source, start, end) in chunk text
    for c in sources:
        spans = window_spans_of(chunks[c].text)
        if len(spans) != counts[c]:
            continue
        choices = [j for j in range(1, len(spans)) if spans[j][1] - spans[j][0] >= MIN_SENTENCE] or [len(spans) - 1]
        j = int(rng.choice(choices))
        a, z = spans[j]
        questions.append(chunks[c].text[a:z])
        held.append((position[c], a, z))
    if len(questions) < 5:
        return IndexCalibration()

    texts = [chunks[c].embed_text or chunks[c].text for c in sample]
    bm25 = _Bm25([tokenize(t) for t in texts], k1, b)
    # Read as simplified, as searches read questions and the build read the windows (qa.words.simplified).
    query_vectors = np.asarray(embedder.encode_queries([simplified(q) for q in questions]), dtype=np.float32)

    # Dense scores of the untouched sample in one product; chunks holding the held-out sentence
    # (the source, and an overlapping neighbour) are re-scored without its window(s).
    rows = [np.arange(window_starts[c], ends[c]) for c in sample]
    flat = np.concatenate(rows)
    offsets = np.zeros(len(sample), dtype=np.int64)
    offsets[1:] = np.cumsum([len(r) for r in rows])[:-1]
    sample_windows = window_vectors[flat]
    means = np.add.reduceat(sample_windows, offsets, axis=0)
    means /= np.maximum(np.linalg.norm(means, axis=1, keepdims=True), 1e-12)
    sims_all = query_vectors @ sample_windows.T
    dense_all = 0.5 * np.maximum.reduceat(sims_all, offsets, axis=1) + 0.5 * (query_vectors @ means.T)
    z_targets: list[float] = []
    per_question: list[tuple[np.ndarray, np.ndarray, set[int]]] = []
    for q, (src, src_start, _) in enumerate(held):
        sentence = questions[q]
        qv = query_vectors[q]
        sentence_counts = Counter(tokenize(sentence))
        dense = dense_all[q].copy()
        changed: dict[int, Counter] = {}
        for j, c in enumerate(sample):
            text = chunks[c].text
            pos = src_start if j == src else text.find(sentence)
            if pos < 0:
                continue
            spans = window_spans_of(text)
            end = pos + len(sentence)
            keep = np.array([not (s < end and pos < e) for s, e in spans], dtype=bool)
            if len(spans) != len(rows[j]) or not keep.any():
                keep = np.ones(len(rows[j]), dtype=bool)
            vecs = window_vectors[rows[j][keep]]
            mean = vecs.mean(axis=0)
            mean /= max(float(np.linalg.norm(mean)), 1e-12)
            dense[j] = 0.5 * float((vecs @ qv).max()) + 0.5 * float(mean @ qv)
            # The chunk's words without the sentence's (jieba cuts locally, so this is what
            # tokenizing the shortened text gives, without tokenizing it again).
            changed[j] = bm25.counts[j] - sentence_counts
        keyword = bm25.scores(list(sentence_counts), changed)
        std = float(dense.std())
        z = (dense - dense.mean()) / std if std > 1e-9 else np.zeros_like(dense)
        z_targets.append(float(z[src]))
        per_question.append((keyword, z, set(changed) | {src}))

    z_ref_raw = float(np.median(z_targets))
    floor = noise_floor(n)
    z_ref = max(z_ref_raw, floor + 1.0)  # a model whose sources do not stand out still gets a finite unit
    hits = np.zeros(len(GRID))
    mrr = np.zeros(len(GRID))
    kw_hits = dense_hits = 0
    for keyword, z, right in per_question:
        top_kw = float(keyword.max())
        kw_n = keyword / top_kw if top_kw > 0 else np.zeros_like(keyword)
        dn = np.maximum(z - floor, 0.0) / (z_ref - floor)
        kw_hits += top_kw > 0 and int(np.argmax(keyword)) in right
        dense_hits += int(np.argmax(z)) in right
        for g, w in enumerate(GRID):
            fused = w * kw_n + (1 - w) * dn
            order = np.lexsort((-z, -fused))
            hits[g] += int(order[0]) in right
            first = next(r for r, i in enumerate(order[:10].tolist() + [-1]) if i in right or i < 0)
            mrr[g] += 1.0 / (first + 1) if first < 10 and int(order[first]) in right else 0.0
    m = len(per_question)
    # A small index yields few (and often ambiguous) pseudo-questions, and its z-scores are capped
    # by its size (at most sqrt(n - 1)): shrink toward the defaults in proportion.
    trust = m / (m + PRIOR_QUESTIONS)
    if _DEBUG:
        print("hits", hits.tolist(), "mrr", np.round(mrr, 1).tolist())
    measured = _pick_weight(mrr)
    z_ref = trust * z_ref + (1 - trust) * DEFAULT_Z_REF
    ceiling = trust * measured + (1 - trust) * DEFAULT_CEILING + CEILING_OFFSET
    return IndexCalibration(
        z_ref=round(z_ref, 4),
        keyword_ceiling=round(float(np.clip(ceiling, 0.0, 1.0)), 4),
        pseudo_questions=m,
        keyword_hit1=round(kw_hits / m, 4),
        dense_hit1=round(dense_hits / m, 4),
        fused_hit1=round(float(hits.max()) / m, 4),
        measured_weight=measured,
    )


# ---------------------------------------------------------------------------------------------
# In the engine's build path: a bounded sample of the live index, re-measured only when it changed

RECALIBRATE_SHARE = 0.10  # re-measure once this share of the live chunks was added or removed since


def _sample_windows(previous, ids: np.ndarray) -> tuple[dict[int, Chunk], dict[int, np.ndarray]]:
    """Chunk records and window vectors of stored chunks ``ids`` (read through the segments)."""
    chunks = previous.fetch(ids)
    windows: dict[int, np.ndarray] = {}
    for segment, where in previous.split(ids):
        part = ids[where]
        vectors, offsets = segment.read_windows(segment.rows(part))
        ends = np.append(offsets[1:], len(vectors))
        for chunk_id, a, z in zip(part.tolist(), offsets.tolist(), ends.tolist(), strict=True):
            windows[int(chunk_id)] = np.asarray(vectors[a:z])
    return chunks, windows


def calibrate_update(
    previous,
    dead: np.ndarray,
    new_chunks: Sequence[Chunk],
    new_windows,
    live_after: int,
    embedder,
    seed: int = 0,
    known_tokens: dict[str, list[str]] | None = None,
) -> dict:
    """The ``calibration`` manifest entry of the generation a build writes (``calibrate_index`` on a sample).

    ``previous`` is the index being updated (None for a fresh one; a Milvus index holds no sentence
    windows, so only the new chunks are sampled there), ``dead`` its chunk ids this build removes,
    ``new_chunks``/``new_windows`` (a ``qa.dense.WindowTable``) what it adds. The last calibration is
    carried over while less than ``RECALIBRATE_SHARE`` of the live index changed since it was
    measured (adding or removing one document stays cheap), and when ``embedder`` is None (a
    removal needs no model; the change is counted toward the next build).
    """
    from qa.dense import window_spans
    from qa.fusion import noise_floor
    from qa.keyword import BM25_B, BM25_K1, corpus_tokens

    known = known_tokens or {}  # BM25 tokens the build already has, by text (jieba is the slow part)
    old = dict(previous.manifest.get("calibration") or {}) if previous is not None else {}
    changed = int(old.get("changed", 0)) + len(dead) + len(new_chunks)
    if old and (embedder is None or changed < RECALIBRATE_SHARE * max(live_after, 1)):
        return {**old, "changed": changed}
    if embedder is None:
        return {**IndexCalibration().as_dict(), "measured_on": 0, "changed": changed}
    old_ids = np.zeros(0, dtype=np.int64)
    if previous is not None and getattr(previous, "segments", None):  # FAISS files: windows are stored
        old_ids = np.setdiff1d(previous.live_ids(), np.asarray(dead, dtype=np.int64))
    total = len(old_ids) + len(new_chunks)
    rng = np.random.default_rng(seed)
    pick = np.sort(rng.choice(total, min(total, SUBCORPUS), replace=False)) if total else np.zeros(0, np.int64)
    from_old = old_ids[pick[pick < len(old_ids)]]
    stored_chunks, stored_windows = _sample_windows(previous, from_old) if len(from_old) else ({}, {})
    chunks: list[Chunk] = [stored_chunks[int(i)] for i in from_old]
    blocks: list[np.ndarray] = [stored_windows[int(i)] for i in from_old]
    new_ends = np.append(new_windows.starts[1:], len(new_windows.vectors)) if len(new_chunks) else []
    for j in (pick[pick >= len(old_ids)] - len(old_ids)).tolist():
        chunks.append(new_chunks[j])
        blocks.append(np.asarray(new_windows.vectors[new_windows.starts[j] : new_ends[j]]))
    counts = [len(b) for b in blocks]
    starts = np.zeros(len(counts), dtype=np.int64)
    if counts:
        starts[1:] = np.cumsum(counts)[:-1]
    vectors = np.vstack(blocks).astype(np.float32) if blocks else np.zeros((0, int(embedder.dim)), np.float32)
    measured = calibrate_index(
        chunks,
        vectors,
        starts,
        embedder,
        window_spans,
        lambda text: known.get(text) or corpus_tokens([text])[0],
        BM25_K1,
        BM25_B,
        noise_floor,
        seed=seed,
    )
    if old and measured.pseudo_questions == 0:  # too little to measure (e.g. a Milvus update's few chunks)
        return {**old, "changed": changed}
    return {**measured.as_dict(), "measured_on": int(live_after), "changed": 0}
