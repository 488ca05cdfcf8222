"""Odd inputs a hostile or unlucky user brings: file names, encodings, NUL bytes, cut files (issue 13)."""

from __future__ import annotations

import json
import os
import re

import pytest

from qa.build import build_index
from qa.cli import main
from qa.index_store import IndexStore
from qa.loading import load_paths
from qa.records import format_citation, quote_doc_id
from qa.search import Searcher

BODY = "茶叶种植\n\n山坡上的茶园每年春天采摘新茶，龙井的香气来自独特的炒制工艺。\n"
OTHER = "桥梁工程\n\n这座斜拉桥主跨长达八百米，是当地最长的桥梁。\n"

# doc:lines § section — the id either bare (no separators) or a JSON string.
CITATION = re.compile(
    r'^(?:"(?P<quoted>(?:[^"\\]|\\.)*)"|(?P<bare>[^"\n]+?)):(?P<lines>\d+(?:-\d+)?(?:,\d+(?:-\d+)?)*)'
    r"(?: § (?P<section>[^\n]+))?$"
)


def parse_citation(citation: str) -> tuple[str, str]:
    """(doc id, lines) read back from a citation string; fails the test if it does not parse one way."""
    match = CITATION.match(citation)
    assert match, f"citation does not parse: {citation!r}"
    doc = json.loads('"' + match["quoted"] + '"') if match["quoted"] is not None else match["bare"]
    return doc, match["lines"]


def test_a_file_name_that_is_not_utf8_is_indexed_under_an_escaped_name(tmp_path, use_embedder, capsys):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / os.fsdecode(b"\xff\xfe tea.txt")).write_text(BODY, encoding="utf-8")
    (docs / "bridge.txt").write_text(OTHER, encoding="utf-8")
    index = tmp_path / "index"
    assert main(["-q", "build", str(docs), "--index", str(index)]) == 0
    assert "error" not in capsys.readouterr().err

    ids = set(IndexStore(index).load().documents)
    assert ids == {"\\xff\\xfe tea.txt", "bridge.txt"}
    hit = Searcher(index, embedder=use_embedder).search("茶园什么时候采茶？", k=1)[0]
    assert hit.doc_id == "\\xff\\xfe tea.txt"
    hit.citation.encode("utf-8")  # printable and storable anywhere
    # The same file keeps the same id: a rebuild embeds nothing.
    assert build_index([docs], index, embedder=use_embedder, progress=False).embedded == 0


@pytest.mark.parametrize(
    "doc_id", ["a:b.txt", "x § y.txt", "line\nbreak.txt", 'say "hi".txt', " edge.txt", "nul\x00.txt"]
)
def test_citation_of_a_document_id_with_separators_is_one_line_and_reads_back(doc_id):
    citation = format_citation(doc_id, "3-5,9", "乡村建设 › 示范创建")
    assert "\n" not in citation and citation.isprintable()
    assert parse_citation(citation) == (doc_id, "3-5,9")
    assert citation.endswith(" § 乡村建设 › 示范创建")


def test_plain_document_ids_are_cited_bare():
    assert quote_doc_id("chongqing_daily_2022-12-23.txt") == "chongqing_daily_2022-12-23.txt"
    assert quote_doc_id("报告/第一 章.md") == "报告/第一 章.md"
    assert format_citation("a.txt", "4", "") == "a.txt:4"
    assert format_citation("a:b.pdf", "4", "标题", pages="p.2") == '"a:b.pdf":4 p.2 § 标题'


def test_search_cites_files_named_with_separators_unambiguously(tmp_path, use_embedder, capsys):
    docs = tmp_path / "docs"
    docs.mkdir()
    names = {
        "tea:notes.txt": BODY,
        "bridge § 1.txt": OTHER,
        "ocean\nreport.txt": "海洋\n\n科考船绘制了北部海岸的珊瑚礁。\n",
    }
    for name, text in names.items():
        (docs / name).write_text(text, encoding="utf-8")
    index = tmp_path / "index"
    build_index([docs], index, embedder=use_embedder, progress=False)
    searcher = Searcher(index, embedder=use_embedder)
    for question, name in [("茶园", "tea:notes.txt"), ("斜拉桥", "bridge § 1.txt"), ("珊瑚礁", "ocean\nreport.txt")]:
        hit = searcher.search(question, k=1)[0]
        assert hit.doc_id == name
        assert parse_citation(hit.citation)[0] == name
    # The CLI prints each hit's citation on its own line.
    assert main(["-q", "search", "珊瑚礁", "-k", "1", "--index", str(index)]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert parse_citation(first.split("  ", 1)[1])[0] == "ocean\nreport.txt"


def test_load_paths_reports_no_problem_for_odd_names(tmp_path):
    (tmp_path / os.fsdecode(b"caf\xe9.txt")).write_text(BODY, encoding="utf-8")  # Latin-1 name
    result = load_paths([tmp_path])
    assert result.problems == [] and [d.doc_id for d in result.documents] == ["caf\\xe9.txt"]


CHINESE = (
    "重庆日报\n\n市民在公园里散步。一年之计在于春，开始最好。\n"
    "“新”在哪里？重庆的经济实力不断提升——数字经济占比超过三成。\n"
)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read_not_called_binary(tmp_path, encoding):
    (tmp_path / "notepad.txt").write_bytes(CHINESE.encode(encoding))
    (tmp_path / "english.txt").write_bytes(b"Field notes\n\nThe vessel mapped the reefs.\n".decode().encode(encoding))
    result = load_paths([tmp_path])
    assert result.problems == []
    texts = {d.doc_id: d.text for d in result.documents}
    assert texts == {"notepad.txt": CHINESE, "english.txt": "Field notes\n\nThe vessel mapped the reefs.\n"}


def test_utf8_file_cut_inside_its_last_character_is_read_with_a_warning(tmp_path, caplog):
    data = CHINESE.rstrip("\n").encode("utf-8")
    (tmp_path / "cut.txt").write_bytes(data[:-1])  # the last character lost one of its three bytes
    result = load_paths([tmp_path])
    assert result.problems == []
    assert result.documents[0].text == CHINESE.rstrip("\n")[:-1]
    assert any("cut.txt" in r.message and "incomplete" in r.message for r in caplog.records)


@pytest.mark.parametrize("where", ["start", "after 8 KB"])
def test_nul_bytes_anywhere_are_removed_and_never_reach_a_citation(tmp_path, use_embedder, caplog, where):
    filler = "".join(f"第{i}段：山坡上的茶园每年春天采摘新茶，龙井的香气来自独特的炒制工艺。\n\n" for i in range(90))
    assert len(filler.encode()) > 8192
    nul_block = "\x00\x00\x00\x00\n\n斜拉桥的主跨长\x00达八百米，是当地最长的桥梁。\n"
    text = "茶叶种植\n\n" + (nul_block + filler if where == "start" else filler + nul_block)
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "padded.txt").write_bytes(text.encode("utf-8"))
    index = tmp_path / "index"
    report = build_index([docs], index, embedder=use_embedder, progress=False)
    assert report.problems == [] and report.documents == 1
    assert any("padded.txt" in r.message and "NUL" in r.message for r in caplog.records)

    searcher = Searcher(index, embedder=use_embedder)
    hit = searcher.search("斜拉桥的主跨有多长？", k=1)[0]
    assert "主跨长达八百米" in hit.text
    for chunk in searcher.chunks:
        assert "\x00" not in chunk.text and all("\x00" not in part and part.strip() for part in chunk.section_path)
    assert all(ch.isprintable() for ch in hit.citation)


def test_pipes_devices_broken_links_and_huge_files_are_named_and_skipped(tmp_path):
    (tmp_path / "good.txt").write_text(BODY, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")  # reading it would block the build forever
    (tmp_path / "zero.txt").symlink_to("/dev/zero")  # reading it would never end
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    with (tmp_path / "huge.txt").open("wb") as handle:  # sparse: costs no disk
        handle.truncate(101 * 2**20)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "loop").symlink_to(tmp_path, target_is_directory=True)  # not followed: no endless walk
    result = load_paths([tmp_path])
    assert [d.doc_id for d in result.documents] == ["good.txt"]
    problems = "\n".join(result.problems)
    for name in ("pipe.txt", "zero.txt"):
        assert f"{name}: not a regular file" in problems
    assert "dangling.txt: a broken link" in problems  # not 'a pipe or a device': the user can mend the link
    assert "huge.txt: 101 MB is more than the 100 MB" in problems


def test_current_pointer_with_garbage_bytes_is_a_damaged_index_that_a_build_repairs(tmp_path, use_embedder, capsys):
    from qa.errors import IndexStoreError

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "tea.txt").write_text(BODY, encoding="utf-8")
    index = tmp_path / "index"
    build_index([docs], index, embedder=use_embedder, progress=False)
    with (index / "CURRENT").open("ab") as handle:
        handle.write(b"\xb4\xff\x00garbage")
    with pytest.raises(IndexStoreError, match="damaged"):
        Searcher(index, embedder=use_embedder)
    assert main(["-q", "search", "茶园", "--index", str(index)]) == 2
    assert capsys.readouterr().err.count("\n") == 1
    build_index([docs], index, embedder=use_embedder, progress=False)
    assert Searcher(index, embedder=use_embedder).search("茶园", k=1)[0].doc_id == "tea.txt"


def test_a_skipped_file_with_a_line_break_in_its_name_is_named_on_one_line(tmp_path):
    (tmp_path / "good.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "bad\nname.txt").write_bytes(b"")
    result = load_paths([tmp_path])
    assert result.problems == ['"bad\\nname.txt": file is empty']


def test_the_build_summary_names_each_skipped_file_once_and_says_skipped_once(tmp_path, capsys):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "tea.txt").write_text(BODY, encoding="utf-8")
    (docs / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj <<>> endobj\n")  # no end-of-file marker
    assert main(["-q", "build", str(docs), "--index", str(tmp_path / "index")]) == 0
    lines = [ln for ln in capsys.readouterr().err.splitlines() if ln.startswith("skipped: ")]
    assert len(lines) == 1 and "broken.pdf" in lines[0]
    assert lines[0].count("skipped") == 1
