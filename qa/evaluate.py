"""Retrieval metrics and the ``qa eval`` runner: hit@1, hit@5 and MRR@10, overall and per group.

A gold question names what a correct hit is in one of two ways:

* by id (``gold_id``, ``gold_chunk_id``, ``gold_paragraph_id``, ``gold_doc_id`` or ``gold``; a
  string or a list): a hit is correct when its chunk id, its document id, or its document id
  without the file extension equals one of them (so ``DEV_0`` matches chunks of ``DEV_0.txt``);
* by answer (``answer`` or ``answers``; a string or a list): a hit is correct when its text
  contains one of them (whitespace-insensitive). Used only when the row gives no id, because
  an answer string like "1998年" can occur in many passages.

Rows may carry a ``group`` (e.g. "english", "dates"); metrics are reported per group as well,
because a fusion that helps on average can still hurt one kind of question.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qa.batch_io import iter_jsonl
from qa.errors import QAError
from qa.loading import read_text_file

CUTOFF = 10  # MRR@10; hit@1 and hit@5 are read off the same ranked list
_ID_KEYS = ("gold_id", "gold_chunk_id", "gold_paragraph_id", "gold_doc_id", "gold")
_ANSWER_KEYS = ("answer", "answers")
_QUESTION_KEYS = ("question", "query", "text")


def _as_list(value: Any) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, list | tuple):
        return [str(v) for v in value if str(v).strip()]
    return [str(value)]


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@dataclass
class GoldQuestion:
    """One question with what counts as a correct hit."""

    qid: str
    question: str
    group: str = "all"
    ids: list[str] = field(default_factory=list)
    answers: list[str] = field(default_factory=list)

    def matches(self, chunk_id: str, doc_id: str, text: str) -> bool:
        """Whether a hit (given by its chunk id, document id and text) answers this question."""
        if self.ids:
            stem = doc_id.rsplit(".", 1)[0] if "." in doc_id.rsplit("/", 1)[-1] else doc_id
            return bool({chunk_id, doc_id, stem} & set(self.ids))
        squashed = _squash(text)
        return any(_squash(a) in squashed for a in self.answers)


def parse_gold(lines: Sequence[str], name: str = "gold") -> list[GoldQuestion]:
    """Gold questions from JSONL lines; a row without question or gold raises QAError naming it."""
    rows: list[GoldQuestion] = []
    for number, row in iter_jsonl(lines, name):
        if not isinstance(row, dict):
            raise QAError(f"{name}: line {number} is not a JSON object")
        question = next((row[k] for k in _QUESTION_KEYS if row.get(k)), None)
        if not question:
            raise QAError(f"{name}: line {number} has no 'question'")
        ids = [i for k in _ID_KEYS for i in _as_list(row.get(k))]
        answers = [a for k in _ANSWER_KEYS for a in _as_list(row.get(k))]
        if not ids and not answers:
            raise QAError(f"{name}: line {number} gives neither a gold id (gold_id) nor an answer string (answer)")
        qid = str(row.get("id") or row.get("query_id") or row.get("qid") or number)
        rows.append(GoldQuestion(qid, str(question), str(row.get("group") or "all"), ids, answers))
    if not rows:
        raise QAError(f"{name}: no questions")
    return rows


def read_gold(path: Path | str) -> list[GoldQuestion]:
    return parse_gold(read_text_file(path).splitlines(), name=str(path))


def first_correct(flags: Sequence[bool]) -> int | None:
    """1-based rank of the first correct hit, or None."""
    return next((i + 1 for i, ok in enumerate(flags) if ok), None)


@dataclass
class Metrics:
    """Averages over a set of questions."""

    n: int
    hit1: float
    hit5: float
    mrr10: float

    @classmethod
    def from_ranks(cls, ranks: Sequence[int | None]) -> Metrics:
        n = len(ranks)
        if not n:
            return cls(0, math.nan, math.nan, math.nan)
        return cls(
            n,
            sum(r == 1 for r in ranks) / n,
            sum(r is not None and r <= 5 for r in ranks) / n,
            sum(1.0 / r for r in ranks if r is not None and r <= CUTOFF) / n,
        )

    def as_dict(self) -> dict[str, float]:
        return {"n": self.n, "hit@1": self.hit1, "hit@5": self.hit5, "mrr@10": self.mrr10}


@dataclass
class EvalResult:
    """Metrics overall and per group, plus one row per question for inspection."""

    overall: Metrics
    groups: dict[str, Metrics]
    rows: list[dict[str, Any]]

    def table(self) -> str:
        lines = [f"{'group':<16} {'n':>5} {'hit@1':>7} {'hit@5':>7} {'MRR@10':>7}"]
        for name, m in [("overall", self.overall), *sorted(self.groups.items())]:
            lines.append(f"{name:<16} {m.n:>5} {m.hit1:>7.3f} {m.hit5:>7.3f} {m.mrr10:>7.3f}")
        return "\n".join(lines)


# search(questions) -> per question, the ranked (chunk_id, doc_id, text, score) of its hits
SearchFn = Callable[[list[str]], list[list[tuple[str, str, str, float]]]]


def evaluate(gold: Sequence[GoldQuestion], search: SearchFn, batch: int = 64) -> EvalResult:
    """Run every question through ``search`` (top ``CUTOFF``) and score the rankings."""
    ranks: list[int | None] = []
    rows: list[dict[str, Any]] = []
    for start in range(0, len(gold), batch):
        part = list(gold[start : start + batch])
        for question, hits in zip(part, search([g.question for g in part]), strict=True):
            flags = [question.matches(c, d, t) for c, d, t, _ in hits[:CUTOFF]]
            rank = first_correct(flags)
            ranks.append(rank)
            rows.append(
                {
                    "id": question.qid,
                    "group": question.group,
                    "question": question.question,
                    "gold_ids": question.ids,
                    "answers": question.answers,
                    "rank": rank,
                    "hit@1": rank == 1,
                    "hit@5": rank is not None and rank <= 5,
                    "rr@10": 1.0 / rank if rank else 0.0,
                    "hits": [
                        {"rank": i + 1, "chunk_id": c, "doc_id": d, "score": round(float(s), 6), "correct": ok}
                        for i, ((c, d, _, s), ok) in enumerate(zip(hits[:CUTOFF], flags, strict=True))
                    ],
                }
            )
    groups: dict[str, list[int | None]] = {}
    for question, rank in zip(gold, ranks, strict=True):
        groups.setdefault(question.group, []).append(rank)
    return EvalResult(
        Metrics.from_ranks(ranks),
        {name: Metrics.from_ranks(r) for name, r in groups.items()},
        rows,
    )


def searcher_fn(searcher, **options: Any) -> SearchFn:
    """Adapt a ``qa.search.Searcher`` (with mode/filters in ``options``) to ``evaluate``."""

    def run(questions: list[str]) -> list[list[tuple[str, str, str, float]]]:
        results = searcher.search_many(questions, k=CUTOFF, **options)
        return [[(h.chunk.chunk_id, h.doc_id, h.text, h.score) for h in hits] for hits in results]

    return run


def write_rows(path: Path | str, rows: Sequence[dict[str, Any]]) -> None:
    """Per-question results as JSONL (one object per question, with its top hits)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
