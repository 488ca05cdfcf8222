"""Search an index: a question in, ranked passages out, each citing where it came from.

A thin pipeline over single-job modules: candidates (``qa.candidates``: BM25 and FAISS top
lists over the index's segments, exact scores for their union) -> fuse (``qa.fusion``, with the
weights the build measured: ``qa.calibration``) -> speaker questions (``qa.speakers``) -> rerank
(``qa.rerank``, optional) -> relevance of the returned candidates (``qa.calibration``) ->
highlight (``qa.highlight``) -> hits, near-duplicates collapsed. Opening an index maps
its files and reads its manifest; chunk records are fetched from the chunk store only for the
hits shown (and the candidates an English name question reads), each once per question.
Options arrive as one validated ``SearchOptions`` (``qa.options``).

Speed: a question is a few milliseconds of many short steps (encoding ~2, candidates ~2, the rest
~1.5 at 12k chunks: the stage table of ``python benchmarks/retrieval.py``'s latency part), and by
default all of them run in the calling thread: handing a piece to a second core (``qa.beside``)
saves a little wall time only when that core is idle, for more CPU a question (the speed table of
``benchmarks/retrieval_results.md``), and an app answering several users has no idle core. What
does not need the question vector (jieba, the speaker test, BM25 and its candidates:
``CandidateFinder.keyword_side``) runs before the encoder is waited for, so ``QA_QUERY_THREADS=2``
can encode on the helper meanwhile; the latency benchmark times that beside the default. BLAS is
held at one thread (shared count, ``qa.beside.one_blas_thread``) while a question runs. Results are the same either way:
``benchmarks/search_snapshot.py`` compares every hit, score and highlight before and after.

Modes: ``hybrid`` (default) fuses both signals, ``dense`` and ``keyword`` use one.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from qa import cross_language as cross  # English questions over Chinese text
from qa import definitions  # the sentence that states what is asked, over one that mentions it
from qa.beside import beside, find_blas_libraries, one_blas_thread
from qa.build import DEFAULT_INDEX
from qa.calibration import (
    NO_ANSWER_BELOW,
    IndexCalibration,
    dense_standing,
    keyword_match_df,
    relevance,
)
from qa.candidates import CANDIDATES, Candidates, KeywordSide
from qa.embedding import Embedder, load_embedder, matches_manifest
from qa.errors import ModelMismatchError, QueryError
from qa.fusion import QueryFeatures, cjk_share, fuse, keyword_weight, noise_floor
from qa.highlight import fresh_answer, highlight_spans
from qa.ideograph_forms import fold_ideographs
from qa.index_store import IndexStore, LoadedIndex
from qa.keyword import known_forms, query_tokens
from qa.options import DEFAULT_MODE, MODES, SearchOptions
from qa.records import CONFIDENT_SECTION, Chunk, format_citation, format_line_ranges
from qa.rerank import RERANK_DEPTH, load_reranker
from qa.speakers import drop_speech_words, is_near_duplicate, lift_speakers, speaker_of
from qa.words import SCRIPT, WORDS_SCRIPT, asking_tokens, simplified

log = logging.getLogger(__name__)

MAX_QUERY_CHARS = 1000  # longer questions are cut (with a warning): encoders truncate anyway
DENSE_Z = True  # dense scores enter fusion as standard scores (see qa.fusion)
DENSE_Z_MIN = 20  # chunks below which the median-max scaling is used instead
__all__ = ["CANDIDATES", "DEFAULT_MODE", "MODES", "Hit", "SearchOptions", "Searcher", "clean_question"]


@dataclass
class Hit:
    """One ranked passage with its citation.

    ``score`` is the calibrated relevance in [0, 1] (``qa.calibration``): the estimated chance
    that the passage answers the question, the same scale in every mode. ``breakdown`` holds
    the signals behind it (``keyword``: share of the question's word information the passage
    holds; ``dense``: how far its meaning stands out from the corpus; ``fused``: the ranking
    score of the mode; ``rerank``: the cross-encoder's score when one re-ordered the hits).
    ``weak`` is True below ``qa.calibration.NO_ANSWER_BELOW``: "no good passage found".
    """

    rank: int
    score: float
    chunk: Chunk
    highlights: list[tuple[int, int]] = field(default_factory=list)  # answer spans within text
    breakdown: dict[str, float] = field(default_factory=dict)

    @property
    def relevance(self) -> float:
        return self.score

    @property
    def weak(self) -> bool:
        return self.score < NO_ANSWER_BELOW

    @property
    def text(self) -> str:
        return self.chunk.text

    @property
    def doc_id(self) -> str:
        return self.chunk.doc_id

    @property
    def section_path(self) -> tuple[str, ...]:
        return self.chunk.section_path

    @property
    def lines(self) -> str:
        return format_line_ranges(self.chunk.spans)

    @property
    def citation(self) -> str:
        """``document:lines § section path`` as shown to users; ``document:lines p.1–2 § …`` for a PDF.

        A document id with separators is quoted."""
        return format_citation(self.doc_id, self.lines, self.chunk.section_label, self.chunk.pages or "")

    def to_json(self) -> dict[str, Any]:
        return {
            "rank": self.rank,
            "score": round(float(self.score), 6),
            "relevance": round(float(self.score), 6),
            "weak": self.weak,
            "breakdown": {k: round(float(v), 6) for k, v in self.breakdown.items()},
            "chunk_id": self.chunk.chunk_id,
            "doc_id": self.doc_id,
            "section_path": list(self.section_path),
            "section": self.chunk.section_label,
            "lines": self.lines,
            "line_start": self.chunk.line_start,
            "line_end": self.chunk.line_end,
            "page_start": self.chunk.page_start,
            "page_end": self.chunk.page_end,
            "spans": [s.as_dict() for s in self.chunk.spans],
            "citation": self.citation,
            "section_confidence": self.chunk.section_confidence,
            "section_uncertain": self.chunk.section_confidence < CONFIDENT_SECTION,
            "text": self.text,
            "highlights": [list(h) for h in self.highlights],
        }


def clean_question(question: str) -> str:
    """Strip a question; refuse an empty one, cut a huge one; look-alike ideographs (a question pasted from a
    PDF) as the ideographs the index holds."""
    text = " ".join(fold_ideographs(question or "").split())
    if not text:
        raise QueryError("the question is empty: type what you want to find")
    if len(text) > MAX_QUERY_CHARS:
        log.warning("question is %d characters long; searching with its first %d", len(text), MAX_QUERY_CHARS)
        text = text[:MAX_QUERY_CHARS]
    return text


class Searcher:
    """Opens an index once and answers questions against it.

    ``model`` (or ``embedder``) must be the model the index was built with: vectors from two
    models share no space, so a mismatch is an error naming both rather than silent nonsense.
    ``mode``, ``rerank`` and ``keyword_ceiling`` (or ``options``) set defaults that each call may
    override.
    """

    def __init__(
        self,
        index_dir: Path | str = DEFAULT_INDEX,
        model: str | None = None,
        embedder: Embedder | None = None,
        mode: str = DEFAULT_MODE,
        rerank: str | None = None,
        keyword_ceiling: float | None = None,
        options: SearchOptions | None = None,
    ) -> None:
        self.index_dir = Path(index_dir)
        self.options = options or SearchOptions(mode=mode, rerank=rerank, keyword_weight=keyword_ceiling)
        self.index: LoadedIndex = IndexStore(index_dir).load()
        built_with = self.index.model_id
        requested = embedder.model_id if embedder is not None else model
        if not matches_manifest(self.index.manifest, requested):
            raise ModelMismatchError(
                f"index at {index_dir} was built with model {built_with!r}, not {requested!r}: "
                f"search it with --model {built_with} or rebuild it with --model {requested}"
            )
        # The model the user named (the recorded folder may have moved), else the recorded one.
        self.embedder = embedder or load_embedder(model or built_with)
        if self.embedder.dim != self.index.vectors.d:
            raise ModelMismatchError(
                f"model {self.embedder.model_id!r} makes {self.embedder.dim}-d vectors, "
                f"the index at {index_dir} holds {self.index.vectors.d}-d ones"
            )
        self.finder = self.index.finder()
        # Fusion weights the build measured for this model and corpus (an index built before keeps
        # the former constants); an explicit keyword_weight option overrides the measured one.
        self.calibration = IndexCalibration.from_manifest(self.index.manifest)
        # Questions are read as simplified Chinese when the index's words were (``qa.words.simplified``).
        settings = self.index.manifest.get("settings") or {}
        self.fold_script = settings.get("words") in (WORDS_SCRIPT, SCRIPT)  # SCRIPT: before regional words
        self.fold_vectors = settings.get("vectors") == SCRIPT
        self._one_thread = _single_blas_thread()
        find_blas_libraries()  # the BLAS libraries loaded by now (the encoder's, FAISS's) are the ones limited

    @property
    def mode(self) -> str:
        return self.options.mode

    @property
    def keyword_ceiling(self) -> float:
        return self.keyword_ceiling_for(self.options)

    @property
    def chunks(self) -> list[Chunk]:
        """Every chunk of the index (read on first use; searching never needs it)."""
        return self.index.chunks

    def options_for(self, options: SearchOptions | None = None, **overrides: Any) -> SearchOptions:
        """The options of one call: ``options`` if given, else the defaults with ``overrides``."""
        return options if options is not None else self.options.with_changes(**overrides)

    def search(
        self,
        question: str,
        k: int = 5,
        doc: str | None = None,
        section: str | None = None,
        min_score: float | None = None,
        mode: str | None = None,
        rerank: str | None = None,
        options: SearchOptions | None = None,
        show_weak: bool | None = None,
    ) -> list[Hit]:
        """The ``k`` best passages for one question (see ``search_many`` for the options)."""
        opts = self.options_for(
            options, k=k, doc=doc, section=section, min_score=min_score, mode=mode, rerank=rerank, show_weak=show_weak
        )
        return self.search_many([question], options=opts)[0]

    def search_many(
        self,
        questions: list[str],
        k: int = 5,
        doc: str | None = None,
        section: str | None = None,
        min_score: float | None = None,
        mode: str | None = None,
        rerank: str | None = None,
        options: SearchOptions | None = None,
        show_weak: bool | None = None,
    ) -> list[list[Hit]]:
        """Batched search: one encoder call for all questions.

        ``doc`` keeps hits from one document id; ``section`` keeps hits whose section path starts
        with the given path (``A › B``, ``A > B`` or ``A/B``); ``min_score`` drops hits whose
        relevance (0..1, the same in every mode) is below it. ``mode`` is hybrid, dense or keyword;
        ``rerank`` names a CrossEncoder that re-orders the top candidates. ``show_weak=False``
        drops hits below ``qa.calibration.NO_ANSWER_BELOW``: an empty list then means "no good
        passage found". ``options`` (a ``SearchOptions``) replaces all of these at once.
        """
        opts = self.options_for(
            options, k=k, doc=doc, section=section, min_score=min_score, mode=mode, rerank=rerank, show_weak=show_weak
        )
        cleaned = [clean_question(q) for q in questions]
        if not cleaned:
            return []
        # The filter as the engine takes it: allowed chunk ids (FAISS files) or an expression (Milvus).
        allowed = self.index.filter_ids(opts.doc, opts.section) if (opts.doc or opts.section) else None
        reranker = load_reranker(opts.rerank) if opts.rerank else None
        # BLAS held at one thread from before the encoder may start on the helper until it is done:
        # the count is process-wide, and a helper thread's products under a count that changes under
        # it woke OpenBLAS's busy-waiting worker (qa.beside.one_blas_thread).
        with self._one_thread():
            # Questions are encoded in keyword mode too: relevance reads both signals in every mode.
            # With QA_QUERY_THREADS=2 the encoding runs on the helper while this thread segments the
            # question and searches BM25 (neither needs the vector); by default both run here, in turn.
            # (A batch keeps one question's BM25 row scores at a time: N floats per segment each.)
            encoded = beside(self._question_vectors, cleaned)
            early = len(cleaned) == 1
            prepared = [self._keyword_part(question, opts, allowed, early) for question in cleaned]
            vectors = encoded()
        results: list[list[Hit]] = []
        for question, vector, (tokens, speaker, features, keyword) in zip(cleaned, vectors, prepared, strict=True):
            records = RecordMemo(self.index.fetch)  # each chunk record is read once per question
            with self._one_thread():
                ids, scores, found = self.rank(
                    question,
                    vector if opts.mode != "keyword" else None,
                    tokens,
                    features,
                    opts,
                    allowed,
                    records,
                    keyword,
                )
            if speaker and len(ids):
                chunks = records(ids)
                ids, scores = lift_speakers(ids, scores, [chunks[int(i)].text for i in ids], speaker)
            ids, scores, reranked = self._rerank(reranker, question, ids, scores, opts, records)
            with self._one_thread():
                hits = self._hits(question, vector, tokens, ids, scores, reranked, features, opts, found, records)
            results.append(hits)
        return results

    def _keyword_part(
        self, question: str, opts: SearchOptions, allowed: np.ndarray | None, search: bool = True
    ) -> tuple[list[str], str | None, QueryFeatures, KeywordSide | None]:
        """What a question needs before its vector: (words, speaker, features, BM25 candidates with ``search``
        unless dense mode)."""
        tokens = query_tokens(question, self.fold_script)
        speaker = speaker_of(question)  # "X说了什么？": rank passages where X speaks (qa.speakers)
        if speaker:
            # The name is the question: segmented on its own (jieba cuts "文明维说" as 文明/维说).
            tokens = query_tokens(speaker, self.fold_script) or drop_speech_words(tokens)
        tokens = known_forms(tokens, self.finder.document_frequencies)  # 'deposits' finds 'deposit'
        features = QueryFeatures(cjk_share(question), self.finder.coverage(tokens))
        # Engines whose finder has no separate keyword side (Milvus) search both signals in ``find``.
        early = search and opts.mode != "dense" and hasattr(self.finder, "keyword_side")
        keyword = self.finder.keyword_side(tokens, allowed) if early else None
        return tokens, speaker, features, keyword

    def rank(
        self,
        question: str,
        vector: np.ndarray | None,
        tokens: list[str],
        features: QueryFeatures,
        opts: SearchOptions,
        allowed: np.ndarray | None = None,
        records: Callable[[np.ndarray], dict[int, Chunk]] | None = None,
        keyword: KeywordSide | None = None,
    ) -> tuple[np.ndarray, np.ndarray, Candidates]:
        """(candidate chunk ids, their scores, the candidates) for one question, best first: candidates -> fuse.

        The candidates keep their BM25, dense and window scores, reused for relevance and highlights.
        ``records``: where chunk records come from (the question's ``RecordMemo``; default the index).
        """
        if keyword is None:
            found = self.finder.find(vector, tokens, opts.mode, allowed)
        else:
            found = self.finder.find(vector, tokens, opts.mode, allowed, keyword)
        if not len(found.ids):
            return found.ids, np.zeros(0, dtype=np.float32), found
        if opts.mode == "keyword":
            scores = found.keyword
        elif opts.mode == "dense":
            scores = found.dense
        else:
            total = self.finder.total
            # Standard scores need a corpus to stand out from: in a handful of chunks the best
            # z is at most sqrt(n - 1), so tiny indexes scale by the candidates' spread instead.
            stats = (*self.finder.dense_stats(vector), noise_floor(total)) if DENSE_Z and total >= DENSE_Z_MIN else None
            ceiling = self.keyword_ceiling_for(opts)
            cal = self.calibration
            scores = fuse(found.keyword, found.dense, features, ceiling, stats, cal.z_ref, cal.dense_trust)
            fetch = records or self.index.fetch
            scores = cross.cross_language(question, features, found.ids, scores, fetch)  # pinyin names
            # A passage whose sentence says what the asked thing is, over one that only mentions it.
            wanted = [t for t in tokens if t not in asking_tokens(question, self.fold_script)]
            scores = definitions.lift(wanted, found.ids, scores, fetch, self.fold_script, features.cjk_share)
            # Equal fused scores (e.g. both signals floored to 0) fall back to the dense order.
            order = np.lexsort((-found.dense, -scores))
            return found.ids[order], scores[order], found
        order = np.argsort(-scores, kind="stable")
        return found.ids[order], scores[order], found

    def _question_vectors(self, cleaned: list[str]) -> list[np.ndarray]:
        """Each question's vector (an English question's pulled toward its content words: qa.cross_language)."""
        texts = [simplified(q) for q in cleaned] if self.fold_vectors else cleaned  # as the index's vectors were
        vectors = list(np.ascontiguousarray(self.embedder.encode_queries(texts), dtype=np.float32))
        return cross.question_vectors(self.embedder, cleaned, vectors)

    def keyword_ceiling_for(self, opts: SearchOptions) -> float:
        """The keyword weight of a fully covered Chinese question: the option, else the build's measurement."""
        weight = self.calibration.keyword_ceiling if opts.keyword_weight is None else opts.keyword_weight
        return float(weight)

    def _rerank(self, reranker, question: str, ids: np.ndarray, scores: np.ndarray, opts: SearchOptions, records):
        """(ids, fused scores, cross-encoder scores or None), re-ordered by the cross-encoder when there is one."""
        if reranker is None or not len(ids):
            return ids, scores, None
        depth = max(opts.k, RERANK_DEPTH)
        ids, scores = ids[:depth], scores[:depth]
        chunks = records(ids)
        reranked = np.asarray(reranker.scores(question, [chunks[int(i)].text for i in ids]))
        order = np.argsort(-reranked, kind="stable")
        return ids[order], scores[order], reranked[order]

    def relevance(
        self,
        tokens: list[str],
        vector: np.ndarray,
        ids: np.ndarray,
        coverage: float,
        found: Candidates | None = None,
        asking: frozenset[str] | set[str] = frozenset(),
        mismatch: np.ndarray | None = None,
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(relevance, keyword match, dense standing) of the chunks ``ids`` (``qa.calibration``), any mode.

        Only the returned candidates are scored: their BM25 and dense scores come from the engine
        (``keyword_for``, ``dense_scores``), the question words' index-wide document frequencies from
        the segments' keyword indexes (a few column lengths), the dense spread from the finder's sample.
        ``asking``: the question's words that say how it asks (``qa.words.asking_tokens``).
        ``found``: the candidates ``ids`` came from; scores they already hold (``Candidates.exact``)
        are reused rather than computed again. ``mismatch``: how far each is written in another script than
        the question (``qa.cross_language.script_mismatch``; None: not known, 0).
        """
        if not len(ids):
            return np.zeros(0), np.zeros(0), np.zeros(0)
        where = found.positions(ids) if found is not None and found.exact else None
        if where is not None and found is not None and found.keyword is not None:
            bm25 = found.keyword[where]
        else:
            bm25 = self.finder.keyword_for(tokens, ids) if tokens else np.zeros(len(ids), dtype=np.float32)
        df, n = self.finder.document_frequencies(tokens)
        kw = keyword_match_df(bm25, tokens, df, n, asking)
        mean, std = self.finder.dense_stats(vector)
        if where is not None and found is not None and found.dense is not None:
            dense = found.dense[where]
        else:
            dense = self.finder.dense_scores(vector, ids)
        dn = dense_standing(dense, mean, std, noise_floor(self.finder.total), self.calibration.z_ref)
        return relevance(kw, dn, coverage, 0.0 if mismatch is None else mismatch, mean), kw, dn

    def _hits(
        self,
        question: str,
        vector: np.ndarray,
        tokens: list[str],
        ids: np.ndarray,
        scores: np.ndarray,
        reranked: np.ndarray | None,
        features: QueryFeatures,
        opts: SearchOptions,
        found: Candidates | None = None,
        records: RecordMemo | None = None,
    ) -> list[Hit]:
        """The top ``k`` as hits (relevance, breakdown, answer spans), weak and near-duplicate ones dropped."""
        records = records or RecordMemo(self.index.fetch)
        # Relevance for the first few candidates only (a filter may need to look further down).
        top = opts.k * 3 if opts.min_score is None and opts.show_weak else len(ids)
        ids, scores = ids[:top], scores[:top]
        reranked = reranked[:top] if reranked is not None else None
        asking = asking_tokens(question, self.fold_script)
        mismatch = self._script_mismatch(features, ids, opts.k, records)  # records the hits need anyway
        rel, kw, dn = self.relevance(tokens, vector, ids, features.coverage, found, asking, mismatch)
        # Shown in rank order, a passage is never more relevant than the one ranked above it
        # (the top hit's relevance is what was calibrated; qa.calibration).
        rel = cross.name_relevance(question, features, ids, rel, records)  # pinyin names count too
        rel = np.minimum.accumulate(rel) if len(rel) else rel
        keep = len(ids)
        floor = max(
            opts.min_score if opts.min_score is not None else -np.inf, -np.inf if opts.show_weak else NO_ANSWER_BELOW
        )
        below = np.flatnonzero(rel < floor)
        keep = int(below[0]) if len(below) else keep
        ids = ids[:keep]
        weight = keyword_weight(features, self.keyword_ceiling_for(opts))
        hits: list[Hit] = []
        for j, i in enumerate(ids):
            # Records of the hits still wanted, one query for them; a collapsed duplicate asks for more.
            chunk = records(ids[j : j + opts.k - len(hits)])[int(i)]
            cosines = None if opts.mode == "keyword" else self._window_cosines(vector, int(i), found)
            if cosines is None:
                spans = highlight_spans(question, chunk.text)
            else:
                spans = highlight_spans(question, chunk.text, window_cosines=cosines, keyword_weight=weight)
            # Overlapping chunks: the same answering sentence is listed once (qa.speakers).
            shown = [h.text for h in hits if h.doc_id == chunk.doc_id]
            if shown and is_near_duplicate(chunk.text, spans[0] if spans else None, shown):
                # Its answering sentence is on screen already; its own lines may still answer.
                extra = {} if cosines is None else {"window_cosines": cosines, "keyword_weight": weight}
                fresh = highlight_spans(question, chunk.text, shown=shown, **extra) if spans else []
                if not (spans and fresh_answer(question, chunk.text, spans[0], fresh)):
                    continue
                spans = fresh
            breakdown = {"keyword": float(kw[j]), "dense": float(dn[j]), "fused": float(scores[j])}
            if reranked is not None:
                breakdown["rerank"] = float(reranked[j])
            hits.append(Hit(len(hits) + 1, float(rel[j]), chunk, spans, breakdown))
            if len(hits) == opts.k:
                break
        return hits

    def _script_mismatch(self, features: QueryFeatures, ids: np.ndarray, depth: int, records) -> np.ndarray:
        """How far the first ``depth`` candidates are written in another script than a Chinese question (0 further
        down, and for other questions: no record is read for it beyond the ``depth`` the hits read anyway; a
        candidate further down is shown only when a hit above it is collapsed, and then at most as relevant)."""
        mismatch = np.zeros(len(ids))
        head = ids[: min(len(ids), depth)]
        if len(head) and features.cjk_share >= cross.CROSS_LANGUAGE_BELOW:
            chunks = records(head)
            texts = [chunks[int(i)].text if int(i) in chunks else "" for i in head]
            mismatch[: len(head)] = cross.script_mismatch(features.cjk_share, texts)
        return mismatch

    def _window_cosines(self, vector: np.ndarray, chunk_id: int, found: Candidates | None) -> np.ndarray | None:
        """The question's cosines with one chunk's windows: kept from candidate scoring, else read."""
        if found is not None and found.window_cosines is not None:
            where = found.positions(np.array([chunk_id]))
            if where is not None:
                return found.windows_of(int(where[0]))
        return self.finder.window_cosines(vector, chunk_id)


class RecordMemo:
    """Chunk records of one question, each read from the chunk store once.

    Several steps read records: pinyin-name evidence for an English question reads every candidate
    (ranking) and again the first hits (their relevance), speaker questions and the reranker read
    texts, and the hits their citations. They all ask this memo, which queries the store only for
    ids it has not seen (one SQLite query per call at most).
    """

    def __init__(self, fetch: Callable[[np.ndarray], dict[int, Chunk]]) -> None:
        self._fetch = fetch
        self._records: dict[int, Chunk] = {}

    def __call__(self, ids: np.ndarray) -> dict[int, Chunk]:
        wanted = [int(i) for i in ids]
        missing = [i for i in wanted if i not in self._records]
        if missing:
            self._records.update(self._fetch(np.asarray(missing, dtype=np.int64)))
        return {i: self._records[i] for i in wanted if i in self._records}


def _single_blas_thread() -> Callable[[], contextlib.AbstractContextManager]:
    """A context factory limiting BLAS and FAISS's OpenMP to one thread while a question is scored.

    A question's products are matrix-vector (memory-bound): a second thread gains nothing and,
    when another process holds the other core, spin-waiting made them 2x slower (22 vs 10 ms for
    11k x 512 under load). FAISS's OpenMP did worse: one IVF/flat search of 30k vectors took
    235 ms with 2 threads against 28 ms with one on the loaded machine. ``omp_set_num_threads``
    applies to the calling thread only, so builds elsewhere in the process keep both cores. The
    BLAS limit is process-wide, so it is one count shared with the encoder and with questions
    answered at the same time from other threads (``qa.beside.one_blas_thread``): one leaving
    never gives BLAS its threads back under another.
    """
    import faiss

    @contextlib.contextmanager
    def one_thread():
        before = faiss.omp_get_max_threads()
        faiss.omp_set_num_threads(1)
        try:
            with one_blas_thread():
                yield
        finally:
            faiss.omp_set_num_threads(before)

    return one_thread
