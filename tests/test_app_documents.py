"""Documents through the API of the real app: nothing replaced without say-so, undo, one build path.

Own app (these tests change its index), driven with ``gradio_client`` over loopback.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from tests.app_support import RunningApp, answerable, start_app

# Settings that differ between any two builds, or that only an undo writes.
VOLATILE = {"built_at", "files", "restored_from", "manifest_sha256", "segments"}


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningApp]:
    yield from start_app(tmp_path_factory.mktemp("app-docs"))


@pytest.fixture(scope="module")
def client(app: RunningApp):  # noqa: ANN201
    from gradio_client import Client

    return Client(app.url, verbose=False)


def _load(index_dir: Path):  # noqa: ANN202
    """The index and its sentence windows (vectors and per-chunk starts, segment by segment)."""
    from qa.index_store import IndexStore

    loaded = IndexStore(index_dir).load()
    windows = [(np.asarray(s.windows.vectors), np.asarray(s.windows.starts)) for s in loaded.segments]
    return loaded, windows


def test_app_builds_exactly_what_qa_build_builds(app: RunningApp, client, tmp_path: Path) -> None:  # noqa: ANN001
    """App-built and CLI-built indexes of the same files, in the same steps, are identical.

    Same steps: the app built the page on first launch, then an upload added a file; the CLI
    builds the page, then re-runs on the page and the file (reusing the page's vectors). From
    scratch in one run the encoder batches differ, which moves vectors by ~1e-7; and on a fresh
    install (NumPy 2.4.6) the app's server and this process give vectors up to ~1e-7 apart even in
    the same steps (float rounding, cause not traced), so vectors are compared to 1e-6 — a vector
    of other text differs by ~1e-2 — while chunks, manifests and window counts must be identical.
    """
    from gradio_client import handle_file

    from qa.cli import main

    extra = tmp_path / "garden_notes.txt"
    extra.write_text("温室笔记\n\n兰花需要散射光，每周浇水一次。\n\n冬天把仙人掌搬到南窗下。\n", encoding="utf-8")
    result = client.predict([handle_file(str(extra))], api_name="/add_documents")
    assert result["added"] == ["garden_notes.txt"]

    cli_index = tmp_path / "cli-index"
    assert main(["build", str(app.tmp / "corpus"), "--index", str(cli_index), "--quiet"]) == 0
    assert main(["build", str(app.tmp / "corpus"), str(extra), "--index", str(cli_index), "--quiet"]) == 0
    (ours, our_windows), (theirs, their_windows) = _load(app.service.index_dir), _load(cli_index)
    strip = lambda m: {k: v for k, v in m.items() if k not in VOLATILE}  # noqa: E731
    assert strip(ours.manifest) == strip(theirs.manifest)
    assert ours.manifest["chunk_vectors"] == "window-mean"  # the bundled model averages: window means
    assert [c.to_json() for c in ours.chunks] == [c.to_json() for c in theirs.chunks]
    ours_v = ours.vectors.reconstruct_n(0, ours.vectors.ntotal)
    theirs_v = theirs.vectors.reconstruct_n(0, theirs.vectors.ntotal)
    np.testing.assert_allclose(ours_v, theirs_v, rtol=0, atol=1e-6)
    assert [len(s.windows.starts) for s in ours.segments] == [len(s.windows.starts) for s in theirs.segments]
    for (our_vectors, our_starts), (their_vectors, their_starts) in zip(our_windows, their_windows, strict=True):
        np.testing.assert_allclose(our_vectors, their_vectors, rtol=0, atol=1e-6)
        np.testing.assert_array_equal(our_starts, their_starts)


def test_upload_to_a_cli_built_index_embeds_only_the_new_file(tmp_path: Path, corpus_copy: Path) -> None:
    from qa.cli import main
    from qa.webapp.service import QAService

    index = tmp_path / "index"
    assert main(["build", str(corpus_copy), "--index", str(index), "--quiet"]) == 0
    before = len(_load(index)[0].chunks)
    note = tmp_path / "short_note.txt"
    note.write_text("便条\n\n明天上午九点在三楼会议室开会。\n", encoding="utf-8")
    result = QAService(index, tmp_path / "uploads").add_documents([note])
    new_chunks = len(_load(index)[0].chunks) - before
    assert result.added == ["short_note.txt"]
    assert result.report is not None and result.report.embedded == new_chunks


def test_same_name_upload_asks_and_every_change_can_be_undone(app: RunningApp, client, tmp_path: Path) -> None:  # noqa: ANN001
    from gradio_client import handle_file
    from gradio_client.exceptions import AppError

    chunk, sentence, hit = answerable(app.service)
    doc_id = chunk.doc_id
    original_outline = client.predict(doc_id, api_name="/outline")
    impostor = tmp_path / doc_id
    impostor.write_text("月球茶园\n\n月球背面的茶园今年第一次采摘了白茶。\n", encoding="utf-8")

    # Refused by default: nothing changes.
    refused = client.predict([handle_file(str(impostor))], api_name="/add_documents")
    assert not refused["ok"] and refused["conflicts"] == [doc_id]
    assert client.predict(doc_id, api_name="/outline") == original_outline

    # Keep both: the upload gets a new id, the original stays; undo removes the copy.
    both = client.predict([handle_file(str(impostor))], keep_both=True, api_name="/add_documents")
    new_id = both["renamed"][doc_id]
    assert new_id != doc_id and both["added"] == [new_id]
    ids = {d["doc_id"] for d in client.predict(api_name="/documents")}
    assert {doc_id, new_id} <= ids
    assert "undone" in client.predict(api_name="/undo")["message"].lower()
    assert new_id not in {d["doc_id"] for d in client.predict(api_name="/documents")}

    # Replace: only when asked; the outline follows; undo brings back the original exactly.
    replaced = client.predict([handle_file(str(impostor))], replace=True, api_name="/add_documents")
    assert replaced["changed"] == [doc_id] and replaced["undo"]
    assert client.predict(doc_id, api_name="/outline") != original_outline
    assert client.predict(api_name="/info")["undo"]
    client.predict(api_name="/undo")
    assert client.predict(doc_id, api_name="/outline") == original_outline
    hits = client.predict(sentence, api_name="/search")
    assert hit.citation in [h["citation"] for h in hits]
    assert not (app.service.uploads_dir / doc_id).exists(), "the uploads folder is put back too"

    with pytest.raises(AppError, match="Nothing to undo"):
        client.predict(api_name="/undo")


def test_remove_a_document_then_undo_brings_it_back(app: RunningApp, client, tmp_path: Path) -> None:  # noqa: ANN001
    from gradio_client import handle_file
    from gradio_client.exceptions import AppError

    chunk, sentence, hit = answerable(app.service)
    doc_id = chunk.doc_id
    other = tmp_path / "remove_test_note.txt"
    other.write_text("备忘\n\n周五下午把旧打印机送去二楼仓库。\n", encoding="utf-8")
    client.predict([handle_file(str(other))], keep_both=True, api_name="/add_documents")
    before = {d["doc_id"] for d in client.predict(api_name="/documents")}
    assert {doc_id, other.name} <= before

    with pytest.raises(AppError, match="No document 'no-such.txt'"):
        client.predict(["no-such.txt"], api_name="/remove_documents")

    removed = client.predict([doc_id], api_name="/remove_documents")
    assert removed["removed"] == [doc_id] and removed["undo"]
    assert doc_id not in {d["doc_id"] for d in client.predict(api_name="/documents")}
    cited = {h["doc_id"] for h in client.predict(sentence, k=10, api_name="/search")}
    assert doc_id not in cited
    with pytest.raises(AppError, match="No document"):
        client.predict(sentence, doc=doc_id, api_name="/search")
    assert (app.service.uploads_dir / other.name).exists()

    # Removing what is left (every document) is refused and nothing changes.
    left = [d["doc_id"] for d in client.predict(api_name="/documents")]
    with pytest.raises(AppError, match="Cannot remove (the last|every) document"):
        client.predict(left, api_name="/remove_documents")
    assert [d["doc_id"] for d in client.predict(api_name="/documents")] == left

    assert "undone" in client.predict(api_name="/undo")["message"].lower()
    assert {d["doc_id"] for d in client.predict(api_name="/documents")} == before
    hits = client.predict(sentence, api_name="/search")
    assert hit.citation in [h["citation"] for h in hits]
