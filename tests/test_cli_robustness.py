"""The CLI under hostile or careless use: formula cells, closed pipes, nonsense options (issue 13)."""

from __future__ import annotations

import csv
import json
import subprocess
import sys

import pytest

from qa.batch_io import CSV_FIELDS, FORMULA_STARTS, csv_cell
from qa.build import build_index
from qa.cli import main
from tests.conftest import ROOT

FORMULAS = ['=HYPERLINK("http://evil.example","点我")', "+1+1", "-2+3", "@SUM(A1:A2)", "\t=1+1"]


def _cells(path) -> list[str]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [cell for row in csv.reader(handle) for cell in row]


def test_batch_csv_neutralises_formula_cells_in_questions_and_citations(tmp_path, use_embedder):
    docs = tmp_path / "docs"
    docs.mkdir()
    # A document whose name a spreadsheet would run: its doc_id and citation cells start with "=".
    (docs / "=cmd()|x.txt").write_text("茶叶种植\n\n山坡上的茶园每年春天采摘新茶。\n", encoding="utf-8")
    index = tmp_path / "index"
    build_index([docs], index, embedder=use_embedder, progress=False)
    questions = tmp_path / "questions.csv"
    with questions.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "question"])
        writer.writerows([[f"=q{i}", q + " 茶园"] for i, q in enumerate(FORMULAS)])
    out = tmp_path / "out.csv"
    assert main(["-q", "batch", str(questions), "--out", str(out), "-k", "1", "--index", str(index)]) == 0

    cells = _cells(out)
    assert not [c for c in cells if c.startswith(FORMULA_STARTS)], "a cell a spreadsheet would evaluate"
    # Neutralised, not lost: the text is there after the leading apostrophe.
    for formula in FORMULAS:
        assert "'" + formula + " 茶园" in cells
    assert "'=cmd()|x.txt" in cells and "'=q0" in cells


def test_every_csv_cell_is_neutralised_including_tab_and_carriage_return(tmp_path):
    from qa.batch_io import write_results

    records = [{"question_id": "\r=1", "question": "\t=2", "hits": []}]
    write_results(tmp_path / "o.csv", records)
    assert _cells(tmp_path / "o.csv")[len(CSV_FIELDS) :][:2] == ["'\r=1", "'\t=2"]


def test_csv_cell_leaves_numbers_and_plain_text_alone():
    assert csv_cell(-0.25) == -0.25 and csv_cell(3) == 3
    assert csv_cell("重庆:12-14 § 乡村") == "重庆:12-14 § 乡村"
    assert csv_cell("-1") == "'-1"


def test_search_into_a_closed_pipe_exits_quietly(corpus_index):
    """`qa search … | head`: the reader leaves early; no BrokenPipeError traceback."""
    cmd = [sys.executable, "-m", "qa.cli", "-q", "search", "重庆乡村建设", "-k", "20", "--index", str(corpus_index)]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()  # like `head` exiting before qa writes
    err = proc.stderr.read().decode("utf-8", "replace")
    assert proc.wait(timeout=300) == 141
    assert "Traceback" not in err and "BrokenPipe" not in err and "Exception ignored" not in err


@pytest.mark.parametrize(
    ("option", "value", "says"),
    [
        ("--min-score", "nan", "finite"),
        ("--min-score", "inf", "finite"),
        ("--keyword-weight", "5", "between 0 and 1"),
        ("--keyword-weight", "-0.1", "between 0 and 1"),
        ("-k", "0", "1..1000"),
        ("-k", "many", "whole number"),
    ],
)
def test_nonsense_option_values_are_refused(corpus_index, capsys, option, value, says):
    with pytest.raises(SystemExit) as exit_info:
        main(["-q", "search", "重庆", option, value, "--index", str(corpus_index)])
    err = capsys.readouterr().err
    assert exit_info.value.code == 2
    assert err.startswith("qa: error:") and says in err and option in err and err.count("\n") == 1


def test_argparse_mistakes_exit_2_with_one_line(corpus_index, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["-q", "search", "重庆", "--mode", "fuzzy", "--index", str(corpus_index)])
    err = capsys.readouterr().err
    assert exit_info.value.code == 2 and err.startswith("qa: error:") and err.count("\n") == 1


@pytest.mark.parametrize("command", ["search", "batch"])
def test_unknown_document_filter_is_refused_with_a_suggestion(corpus_index, tmp_path, capsys, command):
    args = ["重庆"] if command == "search" else [str(tmp_path / "q.txt"), "--out", str(tmp_path / "o.jsonl")]
    (tmp_path / "q.txt").write_text("重庆\n", encoding="utf-8")
    code = main(["-q", command, *args, "--doc", "chongqing_daily_2022-12-23", "--index", str(corpus_index)])
    err = capsys.readouterr().err
    assert code == 2 and err.startswith("qa: error: no document 'chongqing_daily_2022-12-23'")
    assert "chongqing_daily_2022-12-23.txt" in err  # the close match is suggested
    assert not (tmp_path / "o.jsonl").exists()
    # The right id still works.
    assert main(["-q", "search", "重庆", "--doc", "chongqing_daily_2022-12-23.txt", "--index", str(corpus_index)]) == 0


@pytest.mark.parametrize("command", ["search", "batch"])
def test_a_section_filter_no_passage_is_under_is_refused(corpus_index, tmp_path, capsys, command):
    """A mistyped --section said "no good passage found", as if the question had no answer."""
    args = ["重庆"] if command == "search" else [str(tmp_path / "q.txt"), "--out", str(tmp_path / "o.jsonl")]
    (tmp_path / "q.txt").write_text("重庆\n", encoding="utf-8")
    code = main(["-q", command, *args, "--section", "不存在的章节", "--index", str(corpus_index)])
    err = capsys.readouterr().err
    assert code == 2 and err.startswith("qa: error: no section starts with '不存在的章节'") and err.count("\n") == 1
    assert not (tmp_path / "o.jsonl").exists()
    # A section that exists still filters: every hit is under it.
    assert main(["-q", "search", "乡村", "--section", "新重庆 如何建", "--index", str(corpus_index)]) == 0
    assert "§ 新重庆 如何建" in capsys.readouterr().out


def test_eval_csv_neutralises_formula_cells(corpus_index, tmp_path):
    gold = tmp_path / "gold.jsonl"
    rows = [{"question": q + " 乡村振兴", "answer": "乡村", "group": "@g"} for q in FORMULAS]
    gold.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    out = tmp_path / "eval.csv"
    assert main(["-q", "eval", str(gold), "--out", str(out), "--index", str(corpus_index)]) == 0
    cells = _cells(out)
    assert cells[:3] == ["id", "group", "question"]
    assert not [c for c in cells if c.startswith(FORMULA_STARTS)]
    assert "'" + FORMULAS[0] + " 乡村振兴" in cells and "'@g" in cells
