"""Search an index: a question in, ranked passages out, each citing where it came from."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from qa.build import DEFAULT_INDEX
from qa.embedding import Embedder, load_embedder, same_model
from qa.errors import ModelMismatchError, QueryError
from qa.highlight import highlight_spans
from qa.index_store import IndexStore, LoadedIndex
from qa.records import Chunk, format_line_ranges

log = logging.getLogger(__name__)

MAX_QUERY_CHARS = 1000  # longer questions are cut (with a warning): encoders truncate anyway


@dataclass
class Hit:
    """One ranked passage with its citation."""

    rank: int
    score: float
    chunk: Chunk
    highlights: list[tuple[int, int]] = field(default_factory=list)  # answer spans within text

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
        """``document:lines § section path`` as shown to users."""
        section = self.chunk.section_label
        return f"{self.doc_id}:{self.lines}" + (f" § {section}" if section else "")

    def to_json(self) -> dict[str, Any]:
        return {
            "rank": self.rank,
            "score": round(float(self.score), 6),
            "chunk_id": self.chunk.chunk_id,
            "doc_id": self.doc_id,
            "section_path": list(self.section_path),
            "section": self.chunk.section_label,
            "lines": self.lines,
            "line_start": self.chunk.line_start,
            "line_end": self.chunk.line_end,
            "spans": [s.as_dict() for s in self.chunk.spans],
            "citation": self.citation,
            "text": self.text,
            "highlights": [list(h) for h in self.highlights],
        }


def clean_question(question: str) -> str:
    """Strip a question; refuse an empty one, cut a huge one."""
    text = " ".join((question or "").split())
    if not text:
        raise QueryError("the question is empty: type what you want to find")
    if len(text) > MAX_QUERY_CHARS:
        log.warning("question is %d characters long; searching with its first %d", len(text), MAX_QUERY_CHARS)
        text = text[:MAX_QUERY_CHARS]
    return text


class Searcher:
    """Loads an index once and answers questions against it.

    ``model`` (or ``embedder``) must be the model the index was built with: vectors from two
    models share no space, so a mismatch is an error naming both rather than silent nonsense.
    """

    def __init__(
        self,
        index_dir: Path | str = DEFAULT_INDEX,
        model: str | None = None,
        embedder: Embedder | None = None,
    ) -> None:
        self.index_dir = Path(index_dir)
        self.index: LoadedIndex = IndexStore(index_dir).load()
        built_with = self.index.model_id
        requested = embedder.model_id if embedder is not None else model
        if not same_model(built_with, requested):
            raise ModelMismatchError(
                f"index at {index_dir} was built with model {built_with!r}, not {requested!r}: "
                f"search it with --model {built_with} or rebuild it with --model {requested}"
            )
        self.embedder = embedder or load_embedder(built_with)
        if self.embedder.dim != self.index.vectors.d:
            raise ModelMismatchError(
                f"model {self.embedder.model_id!r} makes {self.embedder.dim}-d vectors, "
                f"the index at {index_dir} holds {self.index.vectors.d}-d ones"
            )

    @property
    def chunks(self) -> list[Chunk]:
        return self.index.chunks

    def search(
        self,
        question: str,
        k: int = 5,
        doc: str | None = None,
        section: str | None = None,
        min_score: float | None = None,
    ) -> list[Hit]:
        """The ``k`` best passages for one question (see ``search_many`` for the filters)."""
        return self.search_many([question], k=k, doc=doc, section=section, min_score=min_score)[0]

    def _allowed(self, doc: str | None, section: str | None) -> np.ndarray | None:
        """Boolean mask of chunks passing the document / section-prefix filters (None: all)."""
        if not doc and not section:
            return None
        prefix = tuple(p.strip() for p in re.split(r"\s*(?:›|>|/)\s*", section) if p.strip()) if section else ()
        return np.array(
            [
                (not doc or c.doc_id == doc)
                and (not prefix or c.section_path[: len(prefix)] == prefix or c.section_label.startswith(section or ""))
                for c in self.chunks
            ],
            dtype=bool,
        )

    def search_many(
        self,
        questions: list[str],
        k: int = 5,
        doc: str | None = None,
        section: str | None = None,
        min_score: float | None = None,
    ) -> list[list[Hit]]:
        """Batched search: one encoder call for all questions.

        ``doc`` keeps hits from one document id; ``section`` keeps hits whose section path starts
        with the given path (``A › B``, ``A > B`` or ``A/B``); ``min_score`` drops weaker hits.
        """
        if k < 1:
            raise QueryError("k must be at least 1")
        cleaned = [clean_question(q) for q in questions]
        if not cleaned:
            return []
        vectors = np.ascontiguousarray(self.embedder.encode_queries(cleaned), dtype=np.float32)
        mask = self._allowed(doc, section)
        total = self.index.vectors.ntotal
        depth = min(total, k if mask is None else total)
        scores, ids = self.index.vectors.search(vectors, depth)
        results: list[list[Hit]] = []
        for question, row_s, row_i in zip(cleaned, scores, ids, strict=True):
            hits: list[Hit] = []
            for score, i in zip(row_s, row_i, strict=True):
                if i < 0 or (mask is not None and not mask[i]):
                    continue
                if min_score is not None and score < min_score:
                    break
                chunk = self.chunks[i]
                hits.append(Hit(len(hits) + 1, float(score), chunk, highlight_spans(question, chunk.text)))
                if len(hits) == k:
                    break
            results.append(hits)
        return results
