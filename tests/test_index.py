"""The index on disk: round trip, incremental rebuilds, atomic writes, damage, model mismatch."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import numpy as np
import pytest

from qa.build import build_index
from qa.errors import IndexStoreError, ModelMismatchError
from qa.index_store import CURRENT, IndexStore
from qa.search import Searcher

DOCS = {
    "bridges.txt": "桥梁工程\n\n这座斜拉桥主跨长达八百米，是当地最长的桥梁。工程师采用了新的抗风设计。\n",
    "tea.txt": "茶叶种植\n\n山坡上的茶园每年春天采摘新茶，龙井的香气来自独特的炒制工艺。\n",
    "notes/ocean.md": "# Ocean\n\nThe research vessel mapped coral reefs along the northern coast.\n",
}


def _write_docs(root, docs=DOCS):
    for name, text in docs.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


@pytest.fixture()
def docs_dir(tmp_path):
    root = tmp_path / "docs"
    _write_docs(root)
    return root


def test_round_trip_on_disk(tmp_path, docs_dir, use_embedder):
    index_dir = tmp_path / "index"
    report = build_index([docs_dir], index_dir, embedder=use_embedder, progress=False)
    assert report.documents == 3 and report.chunks >= 3 and report.embedded == report.chunks

    loaded = IndexStore(index_dir).load()
    assert loaded.vectors.ntotal == len(loaded.chunks) == report.chunks
    assert loaded.manifest["model"] == use_embedder.model_id and loaded.manifest["dim"] == 512
    assert set(loaded.manifest["documents"]) == {"bridges.txt", "tea.txt", "notes/ocean.md"}
    assert loaded.manifest["chunking"]["size"] > 0
    assert loaded.manifest["settings"]["engine"] == "faiss"
    # Vectors come back normalised, so inner product is cosine.
    vectors = loaded.vectors.reconstruct_n(0, loaded.vectors.ntotal)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert loaded.documents["tea.txt"].text.startswith("茶叶种植")

    hit = Searcher(index_dir, embedder=use_embedder).search("斜拉桥的主跨有多长？", k=1)[0]
    assert hit.doc_id == "bridges.txt" and hit.section_path == ("桥梁工程",)
    assert "八百米" in hit.text and hit.lines == "3"


def test_rebuild_of_unchanged_documents_embeds_nothing(tmp_path, docs_dir, use_embedder):
    index_dir = tmp_path / "index"
    build_index([docs_dir], index_dir, embedder=use_embedder, progress=False)
    again = build_index([docs_dir], index_dir, embedder=use_embedder, progress=False)
    assert again.embedded == 0 and again.added == again.changed == again.removed == []


def test_changed_document_is_re_embedded_and_removed_one_dropped(tmp_path, docs_dir, use_embedder):
    index_dir = tmp_path / "index"
    first = build_index([docs_dir], index_dir, embedder=use_embedder, progress=False)
    (docs_dir / "tea.txt").write_text("茶叶种植\n\n高山红茶的发酵时间决定了它的口感。\n", encoding="utf-8")
    (docs_dir / "bridges.txt").unlink()
    report = build_index([docs_dir], index_dir, embedder=use_embedder, progress=False)
    assert report.changed == ["tea.txt"] and report.removed == ["bridges.txt"]
    assert 0 < report.embedded < first.chunks  # only the changed document's chunks
    searcher = Searcher(index_dir, embedder=use_embedder)
    assert {c.doc_id for c in searcher.chunks} == {"tea.txt", "notes/ocean.md"}
    assert "发酵" in searcher.search("红茶发酵", k=1)[0].text


def test_keep_existing_adds_documents_without_dropping_others(tmp_path, docs_dir, use_embedder):
    index_dir = tmp_path / "index"
    build_index([docs_dir / "tea.txt"], index_dir, embedder=use_embedder, progress=False)
    extra = tmp_path / "new.txt"
    extra.write_text("天文观测\n\n天文台昨晚观测到一颗明亮的彗星。\n", encoding="utf-8")
    report = build_index([extra], index_dir, embedder=use_embedder, keep_existing=True, progress=False)
    assert report.added == ["new.txt"] and report.embedded >= 1
    assert {c.doc_id for c in IndexStore(index_dir).load().chunks} == {"tea.txt", "new.txt"}


def test_searching_with_another_model_is_a_clear_error(tmp_path, docs_dir, use_embedder, minilm_path):
    index_dir = tmp_path / "index"
    build_index([docs_dir], index_dir, embedder=use_embedder, progress=False)
    with pytest.raises(ModelMismatchError) as err:
        Searcher(index_dir, model=minilm_path)
    assert use_embedder.model_id in str(err.value) and minilm_path in str(err.value)


CRASH = textwrap.dedent(
    """
    import os, sys
    import numpy as np
    import qa.segment
    from qa.build import build_index, remove_documents

    class Cheap:  # never committed: the process dies before the switch
        model_id, dim, averaging = "use-m3", 512, True
        def encode_documents(self, texts, progress=False):
            return np.ones((len(texts), 512), dtype=np.float32) / np.sqrt(512)
        def encode_queries(self, texts):
            return self.encode_documents(texts)

    def die(*args, **kwargs):  # after the vectors, FAISS and BM25 files of the new segment are written
        os._exit(9)

    qa.segment.SqliteChunkStore.write_rows = die
    index, what = sys.argv[2], sys.argv[1]
    if what == "build":
        build_index([sys.argv[3]], index, embedder=Cheap(), progress=False)
    else:  # a removal writes no segment: die while writing its tombstones
        import qa.index_store
        qa.index_store.np.save = die
        remove_documents([sys.argv[3]], index)
    """
)


def _crash(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", CRASH, *args], capture_output=True, text=True)


def test_crash_mid_build_leaves_the_old_index_usable(tmp_path, docs_dir, use_embedder):
    index_dir = tmp_path / "index"
    build_index([docs_dir], index_dir, embedder=use_embedder, progress=False)
    before = (index_dir / CURRENT).read_text()
    # A real crash: a child process dies (os._exit) after writing part of a new generation.
    extra = tmp_path / "more"
    extra.mkdir()
    (extra / "comet.txt").write_text("天文观测\n\n天文台昨晚观测到一颗明亮的彗星。\n", encoding="utf-8")
    proc = _crash("build", str(index_dir), str(extra))
    assert proc.returncode == 9, proc.stderr
    assert any(p.name.startswith(".tmp-gen-") for p in index_dir.iterdir()), "the crash left a partial generation"
    assert (index_dir / CURRENT).read_text() == before
    hit = Searcher(index_dir, embedder=use_embedder).search("茶园", k=1)[0]
    assert hit.doc_id == "tea.txt"
    # The next build cleans the leftovers up.
    build_index([docs_dir], index_dir, embedder=use_embedder, progress=False)
    assert not any(p.name.startswith(".tmp-gen-") for p in index_dir.iterdir())


def test_crashed_builds_leave_at_most_one_half_written_generation(tmp_path, docs_dir, use_embedder):
    """Issue 13 item 4: leftovers no longer pile up until a build succeeds."""
    index_dir = tmp_path / "index"
    build_index([docs_dir], index_dir, embedder=use_embedder, progress=False)
    extra = tmp_path / "more"
    extra.mkdir()
    (extra / "comet.txt").write_text("天文观测\n\n彗星。\n", encoding="utf-8")
    for _ in range(3):
        assert _crash("build", str(index_dir), str(extra)).returncode == 9
    leftovers = [p for p in index_dir.iterdir() if p.name.startswith(".tmp-gen-")]
    assert len(leftovers) == 1  # each writer removes its predecessors' leftovers once it holds the lock


def test_crash_while_removing_a_document_keeps_it(tmp_path, docs_dir, use_embedder):
    index_dir = tmp_path / "index"
    build_index([docs_dir], index_dir, embedder=use_embedder, progress=False)
    proc = _crash("remove", str(index_dir), "tea.txt")
    assert proc.returncode == 9, proc.stderr
    hit = Searcher(index_dir, embedder=use_embedder).search("龙井的香气", k=1)[0]
    assert hit.doc_id == "tea.txt"


def test_interrupted_build_in_process_keeps_the_old_index(tmp_path, docs_dir, use_embedder, monkeypatch):
    index_dir = tmp_path / "index"
    build_index([docs_dir], index_dir, embedder=use_embedder, progress=False)
    (docs_dir / "tea.txt").write_text("茶叶种植\n\n全新内容。\n", encoding="utf-8")

    def boom(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("qa.segment.SqliteChunkStore.write_rows", boom)
    with pytest.raises(KeyboardInterrupt):
        build_index([docs_dir], index_dir, embedder=use_embedder, progress=False)
    monkeypatch.undo()
    texts = " ".join(c.text for c in IndexStore(index_dir).load().chunks)
    assert "龙井" in texts and "全新内容" not in texts
    assert not any(p.name.startswith(".tmp-gen-") for p in index_dir.iterdir())


def _segment_file(index_dir, name):
    return next(IndexStore(index_dir).current_dir().glob(f"seg-*/{name}"))


@pytest.mark.parametrize(
    "damage", ["truncate_chunks", "garble_vectors", "drop_current_target", "old_format", "edit_manifest"]
)
def test_damaged_index_is_reported_not_searched(tmp_path, docs_dir, use_embedder, damage):
    index_dir = tmp_path / "index"
    build_index([docs_dir], index_dir, embedder=use_embedder, progress=False)
    gen = IndexStore(index_dir).current_dir()
    if damage == "truncate_chunks":
        path = _segment_file(index_dir, "chunks.sqlite")
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 2])
    elif damage == "garble_vectors":
        _segment_file(index_dir, "dense.faiss").write_bytes(b"not a faiss index")
    elif damage == "drop_current_target":
        (index_dir / CURRENT).write_text("gen-missing\n")
    else:
        manifest = json.loads((gen / "manifest.json").read_text())
        if damage == "old_format":
            manifest["format_version"] = 0
        else:
            manifest["dim"] = 256
        (gen / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(IndexStoreError, match="damaged|format version"):
        Searcher(index_dir, embedder=use_embedder)
    # A rebuild repairs it.
    build_index([docs_dir], index_dir, embedder=use_embedder, progress=False)
    assert Searcher(index_dir, embedder=use_embedder).search("茶园", k=1)


def test_manifest_without_its_file_list_cannot_hide_a_corrupted_vector_file(tmp_path, docs_dir, use_embedder):
    """Issue 13 item 8: the manifest has a checksum of its own."""
    index_dir = tmp_path / "index"
    build_index([docs_dir], index_dir, embedder=use_embedder, progress=False)
    gen = IndexStore(index_dir).current_dir()
    vectors = _segment_file(index_dir, "vectors.npy")
    data = bytearray(vectors.read_bytes())
    data[-64:] = bytes(64)  # same size, zeroed vector tail
    vectors.write_bytes(bytes(data))
    manifest = json.loads((gen / "manifest.json").read_text())
    del manifest["files"]
    (gen / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(IndexStoreError, match="damaged"):
        Searcher(index_dir, embedder=use_embedder)


def test_open_hashes_nothing_and_verify_hashes_everything(tmp_path, docs_dir, use_embedder, monkeypatch):
    import os

    from qa.cli import main

    index_dir = tmp_path / "index"
    build_index([docs_dir], index_dir, embedder=use_embedder, progress=False)

    def no_hashing(path):
        raise AssertionError(f"open hashed {path}")

    with monkeypatch.context() as patch:
        patch.setattr("qa.index_store.sha256_file", no_hashing)
        assert Searcher(index_dir, embedder=use_embedder).search("茶园", k=1)
    assert main(["verify", "--index", str(index_dir)]) == 0
    # A bit flip that keeps size and mtime is invisible to open but not to verify.
    path = _segment_file(index_dir, "windows.npy")
    stat = path.stat()
    data = bytearray(path.read_bytes())
    data[-1] ^= 0xFF
    path.write_bytes(bytes(data))
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert main(["verify", "--index", str(index_dir)]) == 2
    # A changed mtime makes open check that file's checksum.
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    with pytest.raises(IndexStoreError, match="checksum"):
        Searcher(index_dir, embedder=use_embedder)


def test_missing_index_names_the_fix(tmp_path):
    with pytest.raises(IndexStoreError, match="qa build"):
        Searcher(tmp_path / "nowhere")
