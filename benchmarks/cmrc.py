"""CMRC 2018 as a retrieval benchmark with a held-out protocol: a tuning part and a report part.

Every constant of retrieval (fusion weights, window weights, thresholds) is chosen on the
**tuning** part; the **report** part is only ever printed. The split is by paragraph (in CMRC
every paragraph comes from its own Wikipedia article: 1,103 distinct titles for 1,104
paragraphs), so questions about one passage never straddle the two parts:

* tuning = every ``trial`` paragraph, the dev paragraphs the first English question set points
  at (it was used for tuning before this protocol), and half of the other dev paragraphs;
* report = the remaining dev paragraphs.

A share of each part (``ABSENT_SHARE``) is left out of the index altogether: their questions
have no answer in the corpus and measure the "no good passage found" verdict (tuned on the
tuning part's absent questions, reported on the report part's).

Membership is decided by a hash of the paragraph id (not by file order or a seeded shuffle), so
it is stable when the data file is re-ordered or extended.
"""

from __future__ import annotations

import hashlib
import json
import random
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "cmrc2018"
if not DEFAULT_DATA.is_dir():
    DEFAULT_DATA = Path("/work/shared/data/cmrc2018")
ENGLISH_TUNING = ROOT / "benchmarks" / "data" / "cmrc_english_questions.jsonl"  # 52, used for tuning before
ENGLISH_REPORT = ROOT / "benchmarks" / "data" / "cmrc_english_report.jsonl"  # written for the report only
ABSENT_SHARE = 0.15  # paragraphs of each part left out of the index (their questions have no answer)


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def _unit(key: str, salt: str) -> float:
    """A stable pseudo-random number in [0, 1) for ``key``."""
    digest = hashlib.sha256(f"{salt}:{key}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


@dataclass
class Split:
    """Which paragraphs are tuning / report, and which of them are left out of the index."""

    part: dict[str, str]  # paragraph id -> "tuning" | "report"
    absent: set[str]  # paragraph ids not indexed

    def indexed(self, corpus: list[dict]) -> list[dict]:
        return [row for row in corpus if row["paragraph_id"] not in self.absent]


def make_split(corpus: list[dict], english_tuning: Path = ENGLISH_TUNING) -> Split:
    pinned = {q["gold_paragraph_id"] for q in read_jsonl(english_tuning)} if english_tuning.exists() else set()
    part: dict[str, str] = {}
    for row in corpus:
        pid = row["paragraph_id"]
        tuning = row.get("split") == "trial" or pid in pinned or _unit(pid, "part") < 0.5
        part[pid] = "tuning" if tuning else "report"
    absent = {pid for pid in part if pid not in pinned and _unit(pid, "absent") < ABSENT_SHARE}
    return Split(part, absent)


@dataclass
class Question:
    qid: str
    question: str
    part: str  # tuning | report
    group: str  # e.g. cmrc, english; "absent" questions have no answer in the index
    gold: list[str]
    answers: list[str]

    @property
    def answerable(self) -> bool:
        return bool(self.gold)


def cmrc_questions(data: Path, split: Split, per_part: int) -> list[Question]:
    """Up to ``per_part`` answerable questions per part (seeded sample) plus absent-paragraph questions."""
    queries = read_jsonl(data / "queries.jsonl")
    random.Random(0).shuffle(queries)
    out: list[Question] = []
    taken = {"tuning": 0, "report": 0}
    absent_taken = {"tuning": 0, "report": 0}
    for q in queries:
        pid = q["gold_paragraph_id"]
        part = split.part.get(pid)
        if part is None:
            continue
        if pid in split.absent:
            # One question per absent paragraph keeps the no-answer set varied.
            if absent_taken[part] < per_part and not any(o.qid.startswith(pid + "_") for o in out if not o.gold):
                out.append(Question(q["query_id"], q["question"], part, "no-answer", [], q["answers"]))
                absent_taken[part] += 1
        elif taken[part] < per_part:
            out.append(Question(q["query_id"], q["question"], part, "cmrc", [pid], q["answers"]))
            taken[part] += 1
    return out


def english_questions(split: Split) -> list[Question]:
    """The English sets: the old one (tuning) and the one written for the report."""
    out: list[Question] = []
    for path, part in ((ENGLISH_TUNING, "tuning"), (ENGLISH_REPORT, "report")):
        if not path.exists():
            continue
        for q in read_jsonl(path):
            pid = q["gold_paragraph_id"]
            if split.part.get(pid) != part or pid in split.absent:
                raise SystemExit(
                    f"{path.name}: {q['query_id']} points at {pid}, which is not an indexed {part} paragraph"
                )
            out.append(Question(q["query_id"], q["question"], part, "english", [pid], q.get("answers", [])))
    return out
