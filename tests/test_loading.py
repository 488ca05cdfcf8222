"""Loading: encodings, normalisation, bad files, stable ids."""

from __future__ import annotations

import pytest

from qa.build import build_index
from qa.cli import main
from qa.errors import QAError
from qa.loading import load_paths

TEXT = "市民在公园里散步。\n“新”在哪里？重庆的经济实力不断提升——数字经济占比超过三成。\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16"])
def test_simplified_chinese_in_any_common_encoding_reads_the_same(tmp_path, encoding):
    (tmp_path / "doc.txt").write_bytes(TEXT.encode(encoding))
    result = load_paths([tmp_path])
    assert result.problems == []
    assert result.documents[0].text == TEXT


def test_big5_traditional_chinese(tmp_path):
    text = "臺灣的高速鐵路全長三百多公里，連接南北主要城市。\n乘客可以在車站購買車票。\n"
    (tmp_path / "tw.txt").write_bytes(text.encode("big5"))
    doc = load_paths([tmp_path]).documents[0]
    assert doc.text == text


def test_line_endings_and_full_width_spaces_are_normalised(tmp_path):
    (tmp_path / "crlf.txt").write_bytes("标题\u3000一\r\n正文内容。\r\n\r\n第二段。\r".encode())
    doc = load_paths([tmp_path]).documents[0]
    assert doc.text == "标题 一\n正文内容。\n\n第二段。\n"


@pytest.mark.parametrize("encoding", ["utf-8", "gbk"])
def test_a_novel_indented_with_ideographic_spaces_is_text_not_binary(tmp_path, encoding):
    # Every paragraph opens with two ideographic spaces, and short dialogue lines make them more than a
    # twentieth of the characters: such files were refused as 'mostly unprintable; probably binary'.
    lines = ["第一章　归乡"] + ["　　“你回来了？”", "　　“回来了。”", "　　他放下行李，看了看院子。"] * 20
    (tmp_path / "novel.txt").write_bytes("\n".join(lines).encode(encoding))
    result = load_paths([tmp_path])
    assert result.problems == []
    assert "他放下行李，看了看院子。" in result.documents[0].text


def test_same_text_in_another_encoding_has_the_same_hash(tmp_path):
    (tmp_path / "a.txt").write_bytes(TEXT.encode("utf-8"))
    (tmp_path / "b.txt").write_bytes(TEXT.encode("gb18030"))
    a, b = load_paths([tmp_path]).documents
    assert a.sha256 == b.sha256


def test_bad_files_get_a_message_and_the_rest_still_load(tmp_path):
    (tmp_path / "good.md").write_text("# 标题\n\n正文。\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\n ")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n")  # not a text suffix: ignored, not an error
    result = load_paths([tmp_path])
    assert [d.doc_id for d in result.documents] == ["good.md"]
    joined = "\n".join(result.problems)
    assert "empty.txt" in joined and "empty" in joined
    assert "binary.txt" in joined and "binary" in joined
    assert "image.png" not in joined


def test_doc_ids_are_paths_relative_to_the_root_given(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "deep.txt").write_text("深层文件。", encoding="utf-8")
    (tmp_path / "top.txt").write_text("顶层文件。", encoding="utf-8")
    ids = sorted(d.doc_id for d in load_paths([tmp_path]).documents)
    assert ids == ["a/b/deep.txt", "top.txt"]


def test_missing_path_is_reported(tmp_path):
    result = load_paths([tmp_path / "nope"])
    assert result.documents == [] and "no such file" in result.problems[0]


def test_a_build_that_indexes_nothing_fails_clearly(tmp_path, use_embedder):
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(QAError, match="nothing to index.*empty"):
        build_index([tmp_path], tmp_path / "index", embedder=use_embedder, progress=False)
    assert not (tmp_path / "index" / "CURRENT").exists()


def test_cli_build_of_only_bad_files_exits_non_zero_without_traceback(tmp_path, capsys):
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    code = main(["-q", "build", str(tmp_path), "--index", str(tmp_path / "index")])
    err = capsys.readouterr().err
    assert code != 0
    assert "binary" in err and "Traceback" not in err


def test_office_files_not_read_here_are_named_with_what_to_do(tmp_path):
    (tmp_path / "good.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500))  # an OLE2 compound file
    (tmp_path / "slides.pptx").write_bytes(b"PK\x03\x04" + bytes(100))
    (tmp_path / "deck.odp").write_bytes(b"PK\x03\x04" + bytes(100))  # was skipped without a word in a folder
    result = load_paths([tmp_path])
    assert [d.doc_id for d in result.documents] == ["good.txt"]
    joined = "\n".join(result.problems)
    assert "old.doc: Word 97-2003 .doc files are not read; save it as .docx" in joined
    assert "slides.pptx: PowerPoint .pptx files are not read" in joined
    assert "deck.odp: OpenDocument .odp files are not read" in joined
    # given by name, the same message (not 'looks like a binary file')
    assert load_paths([tmp_path / "old.doc"]).problems == [p for p in result.problems if p.startswith("old.doc")]


def test_japanese_shift_jis_is_not_read_as_chinese(tmp_path):
    # The fallback that reads a GBK novel the detector took for Thai must not override its Japanese reading:
    # kana byte pairs decode as GB18030 ideographs too.
    text = "これは日本語の文章です。東京は日本の首都であり、多くの人々が住んでいます。\n" * 5
    (tmp_path / "ja.txt").write_bytes(text.encode("shift_jis"))
    (document,) = load_paths([tmp_path]).documents
    assert document.text == text
