"""Two different files of one name given to one build are two documents; one file given twice is one."""

from __future__ import annotations

from qa.cli import main
from qa.loading import load_paths


def _write(path, text: str):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_two_files_of_one_name_are_both_read_under_the_folders_that_tell_them_apart(tmp_path, monkeypatch):
    _write(tmp_path / "printed" / "law.pdf.txt", "第一条 印刷版规定罚款五千元。\n")
    _write(tmp_path / "lo" / "law.pdf.txt", "第一条 转换版规定罚款八千元。\n")
    monkeypatch.chdir(tmp_path)
    result = load_paths(["printed/law.pdf.txt", "lo/law.pdf.txt"])
    assert [d.doc_id for d in result.documents] == ["printed/law.pdf.txt", "lo/law.pdf.txt"]
    assert "八千元" in result.documents[1].text
    assert not result.problems


def test_the_fewest_folders_that_tell_them_apart_are_used(tmp_path):
    a = _write(tmp_path / "a" / "same" / "x.txt", "甲方文本。\n")
    b = _write(tmp_path / "b" / "same" / "x.txt", "乙方文本。\n")
    c = _write(tmp_path / "c" / "y.txt", "无关文本。\n")
    ids = [d.doc_id for d in load_paths([a, b, c]).documents]
    assert ids == ["a/same/x.txt", "b/same/x.txt", "y.txt"]


def test_one_file_given_twice_is_read_once(tmp_path):
    folder = tmp_path / "docs"
    one = _write(folder / "sub" / "会议纪要.txt", "2024年预算总额为300万元。\n")
    result = load_paths([folder, one, one])
    assert [d.doc_id for d in result.documents] == ["sub/会议纪要.txt"]
    assert len(result.problems) == 2 and all("given twice" in p for p in result.problems)


def test_cli_build_indexes_both_files_of_one_name(tmp_path, monkeypatch, capsys, use_embedder):
    _write(tmp_path / "printed" / "纪要.txt", "2024年预算总额为300万元。\n")
    _write(tmp_path / "lo" / "纪要.txt", "2025年预算总额为520万元。\n")
    monkeypatch.chdir(tmp_path)
    assert main(["build", "printed/纪要.txt", "lo/纪要.txt", "--index", "idx"]) == 0
    out = capsys.readouterr()
    assert "given twice" not in out.out + out.err
    assert main(["search", "520万元", "--index", "idx", "--mode", "keyword"]) == 0
    assert "lo/纪要.txt" in capsys.readouterr().out


def test_a_new_name_never_takes_another_files_id(tmp_path, monkeypatch):
    """'qa build corpus extra' with corpus/a.txt, corpus/extra/a.txt and extra/a.txt: naming the two 'a.txt' apart as
    'corpus/a.txt' and 'extra/a.txt' gave the third file the id the second already had — one replaced the other in
    the index with no message. Every file keeps an id of its own and every text is found."""
    _write(tmp_path / "corpus" / "a.txt", "甲文件：营业收入一百万元。\n")
    _write(tmp_path / "corpus" / "extra" / "a.txt", "乙文件：营业收入三百万元。\n")
    _write(tmp_path / "extra" / "a.txt", "丙文件：营业收入五百万元。\n")
    monkeypatch.chdir(tmp_path)
    result = load_paths(["corpus", "extra"])
    ids = [d.doc_id for d in result.documents]
    assert len(ids) == 3 and len(set(ids)) == 3, ids
    texts = " ".join(d.text for d in result.documents)
    assert all(word in texts for word in ("一百万元", "三百万元", "五百万元"))
