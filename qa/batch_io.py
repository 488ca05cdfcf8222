"""Read question files and write ranked, cited results for batch runs.

Questions: ``.txt`` (one a line), ``.csv`` (a ``question`` column, else the first column; an
optional ``id``/``query_id`` column) or ``.jsonl`` (``question``/``query``/``text`` key, optional
``id``/``query_id``; other fields such as ``group`` are carried through).
Results: ``.jsonl`` (one object per question with its hits) or ``.csv`` (one row per hit; a
question without hits still gets a row, so nothing is silently lost).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qa.errors import QAError
from qa.loading import read_text_file

_QUESTION_KEYS = ("question", "query", "text", "问题")
_ID_KEYS = ("id", "query_id", "qid")

CSV_FIELDS = [
    "question_id",
    "question",
    "rank",
    "score",
    "doc_id",
    "section",
    "lines",
    "citation",
    "answer",
    "text",
    "highlights",
]


# A spreadsheet runs a cell that starts with one of these as a formula (=HYPERLINK(...), @SUM(...)).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """A value made safe for a CSV cell that Excel or LibreOffice may open (OWASP "CSV injection").

    Text starting with ``= + - @``, a tab or a carriage return gets a leading ``'``, which the
    spreadsheet shows as text instead of evaluating; the csv module then quotes what needs quoting.
    Numbers (rank, score) are written as numbers: a negative score is a number, not a formula.
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_csv_row(writer: csv.DictWriter, row: dict[str, Any]) -> None:
    """``writer.writerow`` with every cell passed through ``csv_cell``; every CSV we write goes through here."""
    writer.writerow({key: csv_cell(value) for key, value in row.items()})


def answer_text(hit: dict[str, Any]) -> str:
    """The answering sentence(s) of a hit, from its highlight offsets (its own column in results)."""
    text = hit.get("text", "")
    return " … ".join(text[a:b].strip() for a, b in hit.get("highlights", []) if 0 <= a < b <= len(text))


@dataclass
class Question:
    qid: str
    text: str
    extra: dict[str, Any] = field(default_factory=dict)


def _pick(row: dict[str, Any], keys: Sequence[str]) -> Any:
    lowered = {str(k).strip().lower(): v for k, v in row.items()}
    for key in keys:
        if key in lowered and lowered[key] not in (None, ""):
            return lowered[key]
    return None


def iter_jsonl(lines: Iterable[str], name: str) -> Iterator[tuple[int, Any]]:
    """(line number, parsed value) for every non-blank JSONL line; bad JSON names its line."""
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except ValueError as exc:
            raise QAError(f"{name}: line {number} is not valid JSON ({exc.msg})") from exc


def parse_questions(
    text: str, suffix: str, name: str = "questions", skipped: list[str] | None = None
) -> list[Question]:
    """Questions from a file's decoded text; bad rows raise QAError naming the line.

    A row whose question is empty is skipped; with ``skipped`` given, each is named there
    ("line 3: empty question") so a caller can report it instead of losing it silently.
    """
    suffix = suffix.lower()
    questions: list[Question] = []
    skipped = skipped if skipped is not None else []
    if suffix == ".jsonl":
        for number, row in iter_jsonl(text.splitlines(), name):
            if isinstance(row, str):
                row = {"question": row}
            question = _pick(row, _QUESTION_KEYS) if isinstance(row, dict) else None
            if question is None:
                raise QAError(f"{name}: line {number} has no 'question' field")
            qid = _pick(row, _ID_KEYS) or str(len(questions) + 1)
            extra = {k: v for k, v in row.items() if k not in _QUESTION_KEYS + _ID_KEYS}
            questions.append(Question(str(qid), str(question), extra))
    elif suffix == ".csv":
        reader = csv.DictReader(io.StringIO(text))
        if not reader.fieldnames:
            raise QAError(f"{name}: the CSV file has no header row")
        first = reader.fieldnames[0]
        # With a question column, its cell is the question (an empty cell is an empty question,
        # never the row's id); without one, the first column is.
        has_column = any(str(f).strip().lower() in _QUESTION_KEYS for f in reader.fieldnames if f)
        for row in reader:
            question = _pick(row, _QUESTION_KEYS) if has_column else row.get(first)
            if not question or not str(question).strip():
                skipped.append(f"line {reader.line_num}: empty question")
                continue
            qid = _pick(row, _ID_KEYS) or str(len(questions) + 1)
            extra = {k: v for k, v in row.items() if k and k.lower() not in _QUESTION_KEYS + _ID_KEYS and k != first}
            questions.append(Question(str(qid), str(question), extra))
    else:
        for line in text.splitlines():
            if line.strip():
                questions.append(Question(str(len(questions) + 1), line.strip()))
    if not questions:
        raise QAError(f"{name}: no questions found")
    return questions


def read_questions(path: Path | str, skipped: list[str] | None = None) -> list[Question]:
    path = Path(path)
    return parse_questions(read_text_file(path), path.suffix, str(path), skipped)


def result_rows(questions: list[Question], results: list[list[Any]]) -> list[dict[str, Any]]:
    """One JSON-ready record per question: its id, text, extra fields and hits."""
    return [
        {"question_id": q.qid, "question": q.text, **q.extra, "hits": [h.to_json() for h in hits]}
        for q, hits in zip(questions, results, strict=True)
    ]


def write_csv(path: Path | str, fieldnames: Sequence[str], rows: Iterable[dict[str, Any]]) -> None:
    """Every CSV the project writes: formula cells neutralised, a BOM, written whole or not at all.

    The BOM makes Excel, which many Chinese users open CSV with, read it as UTF-8; the ``.part``
    file replaced at the end means a crash never leaves half a results file under the real name.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    with tmp.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(fieldnames), extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            write_csv_row(writer, row)
    tmp.replace(path)


def _hit_rows(records: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """One CSV row per hit; a question without hits still gets a row."""
    for record in records:
        base = {"question_id": record["question_id"], "question": record["question"]}
        if not record["hits"]:
            yield base
        for hit in record["hits"]:
            yield {**base, **hit, "answer": answer_text(hit), "highlights": json.dumps(hit.get("highlights", []))}


def write_results(path: Path | str, records: list[dict[str, Any]]) -> None:
    """Write ``result_rows`` output as .jsonl or .csv (by suffix)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".jsonl", ".csv"):
        raise QAError(f"{path}: results can be written as .jsonl or .csv")
    if suffix == ".csv":
        write_csv(path, CSV_FIELDS, _hit_rows(records))
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    with tmp.open("w", encoding="utf-8", newline="") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    tmp.replace(path)
