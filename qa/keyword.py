"""Keyword search: a BM25 index over jieba words, built once per index build and persisted.

BM25 over jieba's search-mode words is the strongest single signal for Chinese factual questions
(CMRC 2018: 0.937 hit@1 on whole paragraphs, far above the bundled dense model). It is built with
``bm25s`` (a maintained, sparse-matrix BM25 that precomputes every term's per-document score), at
build time only, from the same text that is embedded (section path + passage), and saved inside
the index generation under the same manifest checksums as the vectors. Loading reads the sparse
matrix and vocabulary back; it never re-tokenizes the corpus, so a query costs one jieba pass over
the question plus a sparse row sum (well under a millisecond at 10k chunks).

Each index segment has its own BM25 index, loaded with ``mmap=True`` (opening maps the score
matrix instead of reading it). Deleted chunks and document/section filters reach bm25s as its
``weight_mask`` (0 drops a row), so nothing is rebuilt to delete. A segment added to a bigger
index (one new document) would otherwise weigh words by its own few chunks; ``align_idf``
rescales its stored scores to the inverse document frequencies of the whole index.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from qa.words import content_tokens, question_tokens, regional_words, word_forms

log = logging.getLogger(__name__)

KEYWORD_DIR = "bm25"  # sub-directory of a generation holding the bm25s files
# Lucene's BM25 variant with the usual k1/b; on CMRC these beat rank_bm25's Okapi defaults slightly.
BM25_METHOD = "lucene"
BM25_K1 = 1.2
BM25_B = 0.75


def corpus_tokens(texts: Sequence[str]) -> list[list[str]]:
    """Index-side tokens: content words of each text, a traditional text's mainland words beside its own
    (``qa.words.regional_words``; an empty text gets a placeholder)."""
    out: list[list[str]] = []
    for text in texts:
        words = content_tokens(text)
        out.append(words + regional_words(text, words) or [""])
    return out


def _bm25s():
    """Import bm25s, which sets its own logger to DEBUG on import; keep it at WARNING."""
    import bm25s

    logging.getLogger("bm25s").setLevel(logging.WARNING)
    return bm25s


class KeywordIndex:
    """A bm25s index over chunk texts, rows in chunk order."""

    def __init__(self, model) -> None:  # a bm25s.BM25
        self._model = model
        self.size = int(model.scores["num_docs"])
        self._vocab: dict[str, int] = model.vocab_dict
        self._columns = len(model.scores["indptr"]) - 1  # tokens with a score column (not the placeholder)
        self._df: np.ndarray | None = None

    @classmethod
    def build(cls, texts: Sequence[str]) -> KeywordIndex:
        return cls.build_from_tokens(corpus_tokens(texts))

    @classmethod
    def build_from_tokens(cls, tokens: Sequence[Sequence[str]]) -> KeywordIndex:
        """Index already tokenized rows (tokens are stored with the chunks, so a merge never re-runs jieba)."""
        model = _bm25s().BM25(method=BM25_METHOD, k1=BM25_K1, b=BM25_B)
        model.index([list(t) or [""] for t in tokens], show_progress=False)
        return cls(model)

    def save(self, directory: Path) -> list[str]:
        """Write the index under ``directory/bm25``; returns file names relative to ``directory``."""
        target = Path(directory) / KEYWORD_DIR
        target.mkdir(parents=True, exist_ok=True)
        self._model.save(str(target), show_progress=False)
        return sorted(str(p.relative_to(directory)) for p in target.rglob("*") if p.is_file())

    @classmethod
    def load(cls, directory: Path, mmap: bool = True) -> KeywordIndex:
        """Read a saved index (no tokenizing: the sparse score matrix is memory-mapped as stored)."""
        model = _bm25s().BM25.load(str(Path(directory) / KEYWORD_DIR), mmap=mmap, show_progress=False)
        return cls(model)

    def document_frequencies(self) -> dict[str, int]:
        """Chunks containing each word (the length of its column in the score matrix)."""
        indptr = np.asarray(self._model.scores["indptr"])
        counts = np.diff(indptr)
        return {t: int(counts[i]) for t, i in self._vocab.items() if i < self._columns}

    def frequencies(self, words: Sequence[str]) -> dict[str, int]:
        """Chunks containing each of a few words (0 for unknown ones): a question's document frequencies.

        Reads only those words' column lengths, so it costs nothing like ``document_frequencies``.
        """
        if self._df is None:  # column lengths, computed once per opened index
            self._df = np.diff(np.asarray(self._model.scores["indptr"]))
        out = {}
        for word in words:
            column = self._vocab.get(word)
            out[word] = int(self._df[column]) if column is not None and column < self._columns else 0
        return out

    def align_idf(self, other_df: dict[str, int], other_docs: int) -> None:
        """Rescale scores to IDFs over this index plus another of ``other_docs`` chunks (Lucene IDF).

        BM25 scores are idf x a term-frequency part, so multiplying a word's column by
        idf(whole index) / idf(this segment) gives the scores the whole index would give.
        """
        indptr = np.asarray(self._model.scores["indptr"])
        own = np.diff(indptr).astype(np.float64)
        total = self.size + other_docs
        words = sorted(((i, t) for t, i in self._vocab.items() if i < self._columns))
        extra = np.array([other_df.get(t, 0) for _, t in words], dtype=np.float64)
        cols = np.array([i for i, _ in words], dtype=np.int64)
        ratio = np.ones(self._columns, dtype=np.float64)
        mine = np.log(1 + (self.size - own[cols] + 0.5) / (own[cols] + 0.5))
        whole = np.log(1 + (total - own[cols] - extra + 0.5) / (own[cols] + extra + 0.5))
        ratio[cols] = np.where(mine > 0, whole / np.maximum(mine, 1e-12), 1.0)
        data = np.asarray(self._model.scores["data"], dtype=np.float32)
        self._model.scores["data"] = (data * np.repeat(ratio, np.diff(indptr)).astype(np.float32)).astype(data.dtype)

    def coverage(self, query_tokens: Sequence[str]) -> float:
        """Share of a question's content words that occur anywhere in the corpus (0..1)."""
        if not query_tokens:
            return 0.0
        return sum(t in self._vocab for t in query_tokens) / len(query_tokens)

    def known(self, query_tokens: Sequence[str]) -> set[str]:
        """The question's words that occur in this index."""
        return {t for t in query_tokens if t and t in self._vocab}

    def scores(self, query_tokens: Sequence[str], weight_mask: np.ndarray | None = None) -> np.ndarray:
        """BM25 score of every row for one tokenized question (zeros when no word is known).

        ``weight_mask`` (bm25s's own argument) multiplies each row's score: 0 for deleted or
        filtered-out chunks.
        """
        ids = [self._vocab[t] for t in query_tokens if t and t in self._vocab and self._vocab[t] < self._columns]
        if not ids:
            return np.zeros(self.size, dtype=np.float32)
        return np.asarray(self._model.get_scores_from_ids(ids, weight_mask=weight_mask), dtype=np.float32)


def query_tokens(question: str, fold_script: bool = True) -> list[str]:
    """Question-side tokens: content words (stopwords and question words say nothing), read as simplified
    Chinese like the index's words (``qa.words.simplified``; ``fold_script=False`` for an index built
    before the fold, whose words are as written). English asking adjectives ('how long') are left out
    (``qa.words.question_tokens``)."""
    return question_tokens(question, fold_script)


def known_forms(tokens: list[str], frequencies) -> list[str]:
    """``tokens`` with each English word the index lacks replaced by a form of it the index holds
    ('deposits' -> 'deposit'; regular endings only: ``qa.words.word_forms``).

    ``frequencies(words)`` gives the index-wide document frequencies (the finder's ``document_frequencies``);
    the most frequent known form is used, and a word with no known form is kept (it still counts as unseen).
    """
    forms = {t: fs for t in tokens if (fs := word_forms(t))}
    if not forms:
        return tokens
    df, _ = frequencies(list(dict.fromkeys([*forms, *(f for fs in forms.values() for f in fs)])))
    out = []
    for t in tokens:
        if t in forms and not df.get(t):
            found = [f for f in forms[t] if df.get(f)]
            out.append(max(found, key=lambda f: df[f]) if found else t)
        else:
            out.append(t)
    return out
