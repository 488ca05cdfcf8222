"""End to end on the bundled page: Python API, `qa search`, `qa batch`, user errors."""

from __future__ import annotations

import csv
import json
import random
import re

import pytest

from qa.cli import main
from qa.search import Searcher
from qa.sentences import split_sentences


@pytest.fixture(scope="module")
def searcher(corpus_index, use_embedder) -> Searcher:
    return Searcher(corpus_index, embedder=use_embedder)


@pytest.mark.parametrize(
    ("question", "section_word", "passage_word"),
    [
        ("重庆将如何建设宜居宜业和美乡村？", "乡村", "和美乡村"),
        ("2021年成渝地区双城经济圈的GDP是多少？", "双城经济圈", "GDP"),
        ("重庆如何培育中小企业？", "中小企业", "培育"),
        ("What will Chongqing do to build beautiful villages?", "乡村", "乡村"),
        ("How will Chongqing build a strong cultural city?", "文化", "文化"),
        ("怎样把重庆建成文化强市？", "文化发展", "文化"),
    ],
)
def test_question_about_the_page_finds_the_passage_and_its_section(searcher, question, section_word, passage_word):
    hit = searcher.search(question, k=3)[0]
    assert hit.score > 0, "a one-page index must not floor every score to zero"
    assert section_word in hit.chunk.section_label
    assert passage_word in hit.text
    assert hit.doc_id == "chongqing_daily_2022-12-23.txt"
    assert re.fullmatch(r"\d+(-\d+)?(,\d+(-\d+)?)*", hit.lines)


def test_hits_are_ranked_by_score_and_highlight_a_sentence_of_the_passage(searcher):
    hits = searcher.search("成渝地区双城经济圈GDP增速", k=5)
    assert [h.rank for h in hits] == [1, 2, 3, 4, 5]
    assert all(a.score >= b.score for a, b in zip(hits, hits[1:], strict=False))
    start, end = hits[0].highlights[0]
    assert "GDP" in hits[0].text[start:end]


def test_search_many_matches_search(searcher):
    questions = ["乡村治理", "文化强市", "先进制造业"]
    batched = searcher.search_many(questions, k=3)
    for question, hits in zip(questions, batched, strict=True):
        assert [h.chunk.chunk_id for h in hits] == [h.chunk.chunk_id for h in searcher.search(question, k=3)]


def test_filters_by_document_and_section_prefix(searcher):
    top_sections = {c.section_path[0] for c in searcher.chunks if c.section_path}
    prefix = sorted(top_sections)[0]
    hits = searcher.search("发展", k=50, section=prefix)
    assert hits and all(h.section_path[0] == prefix for h in hits)
    assert searcher.search("发展", k=5, doc="no-such-doc.txt") == []
    strong = searcher.search("发展", k=50, min_score=0.3)
    assert all(h.score >= 0.3 for h in strong)


def test_cli_search_prints_cited_hits(corpus_index, capsys):
    code = main(["-q", "search", "成渝地区双城经济圈GDP", "-k", "2", "--index", str(corpus_index)])
    out = capsys.readouterr().out
    assert code == 0
    assert re.search(r"^\[1\] \d\.\d{3}  chongqing_daily_2022-12-23\.txt:\d+.* § .+$", out, re.M)
    assert "【" in out  # the answering sentence is marked when output is not a terminal


@pytest.mark.parametrize("question", ["", "   "])
def test_cli_empty_question_is_an_error_not_a_traceback(corpus_index, capsys, question):
    code = main(["-q", "search", question, "--index", str(corpus_index)])
    err = capsys.readouterr().err
    assert code == 2 and "empty" in err and "Traceback" not in err


def test_cli_missing_index_is_an_error(tmp_path, capsys):
    code = main(["-q", "search", "问题", "--index", str(tmp_path / "none")])
    assert code == 2 and "qa build" in capsys.readouterr().err


def test_huge_question_still_answers(searcher):
    assert searcher.search("重庆乡村建设" * 2000, k=1)


def _fifty_questions(searcher: Searcher) -> list[str]:
    rng = random.Random(0)
    sentences = [s.strip() for c in searcher.chunks for s in split_sentences(c.text) if len(s.strip()) > 12]
    return [rng.choice(sentences) for _ in range(50)]


@pytest.mark.parametrize("fmt", ["txt", "csv", "jsonl"])
def test_cli_batch_writes_cited_results_for_fifty_questions(tmp_path, searcher, corpus_index, fmt):
    questions = _fifty_questions(searcher)
    qfile = tmp_path / f"questions.{fmt}"
    if fmt == "txt":
        qfile.write_text("\n".join(questions) + "\n", encoding="utf-8")
    elif fmt == "csv":
        with qfile.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["id", "question"])
            writer.writerows([[f"q{i}", q] for i, q in enumerate(questions)])
    else:
        qfile.write_text(
            "\n".join(
                json.dumps({"id": f"q{i}", "question": q, "group": "g"}, ensure_ascii=False)
                for i, q in enumerate(questions)
            ),
            encoding="utf-8",
        )
    out_jsonl, out_csv = tmp_path / "out.jsonl", tmp_path / "out.csv"
    assert main(["-q", "batch", str(qfile), "--out", str(out_jsonl), "-k", "3", "--index", str(corpus_index)]) == 0
    if fmt == "txt":  # one input format is enough to check the CSV writer
        assert main(["-q", "batch", str(qfile), "--out", str(out_csv), "-k", "3", "--index", str(corpus_index)]) == 0

    records = [json.loads(line) for line in out_jsonl.read_text(encoding="utf-8").splitlines()]
    assert [r["question"] for r in records] == questions
    found = 0
    for record in records:
        assert len(record["hits"]) == 3
        for hit in record["hits"]:
            assert hit["doc_id"] and hit["lines"] and hit["citation"].startswith(hit["doc_id"] + ":")
            assert isinstance(hit["section_path"], list) and hit["text"]
        found += any(record["question"] in h["text"] for h in record["hits"])
    assert found >= 45, "a sentence taken from a passage should find that passage"
    if fmt == "jsonl":
        assert all(r["group"] == "g" for r in records)

    if fmt != "txt":
        return
    rows = list(csv.DictReader(out_csv.open(encoding="utf-8-sig")))
    assert len(rows) == 150 and {r["question"] for r in rows} == set(questions)
    assert all(r["citation"] and r["section"] is not None for r in rows)


def test_cli_batch_rejects_a_question_file_with_bad_json(tmp_path, corpus_index, capsys):
    qfile = tmp_path / "bad.jsonl"
    qfile.write_text('{"question": "好的"}\n{broken\n', encoding="utf-8")
    code = main(["-q", "batch", str(qfile), "--out", str(tmp_path / "o.jsonl"), "--index", str(corpus_index)])
    assert code == 2 and "line 2" in capsys.readouterr().err
    assert not (tmp_path / "o.jsonl").exists()


def test_build_index_script_and_python_api(tmp_path, corpus_copy):
    import subprocess
    import sys

    from tests.conftest import ROOT

    index_dir = tmp_path / "idx"
    proc = subprocess.run(
        [sys.executable, str(ROOT / "build_index.py"), "--index", str(index_dir), "-q"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert "indexed 1 document" in proc.stdout
    assert Searcher(index_dir).search("乡村", k=1)[0].doc_id == "chongqing_daily_2022-12-23.txt"


def test_cli_batch_reads_a_gb18030_question_file(tmp_path, corpus_index):
    qfile = tmp_path / "questions.txt"
    qfile.write_bytes("重庆如何培育中小企业？\n乡村治理\n".encode("gb18030"))
    out = tmp_path / "out.jsonl"
    assert main(["-q", "batch", str(qfile), "--out", str(out), "-k", "1", "--index", str(corpus_index)]) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["question"] for r in records] == ["重庆如何培育中小企业？", "乡村治理"]
