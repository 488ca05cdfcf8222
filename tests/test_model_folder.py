"""A local model folder is identified by its contents, not the path it was reached by (issue 13 item 7)."""

from __future__ import annotations

import json
import os
import shutil

import pytest

from qa.build import build_index
from qa.embedding import model_fingerprint, same_model
from qa.errors import ModelMismatchError, QAError
from qa.index_store import IndexStore
from qa.search import Searcher

DOCS = {
    "reef.txt": "Ocean survey\n\nThe research vessel mapped coral reefs along the northern coast.\n",
    "bridge.txt": "Bridge works\n\nThe cable-stayed bridge has a main span of eight hundred metres.\n",
}


@pytest.fixture()
def docs(tmp_path):
    root = tmp_path / "docs"
    root.mkdir()
    for name, text in DOCS.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


def _linked_copy(source: str, target) -> None:
    """A copy of the model folder that costs no disk space (hard links where the filesystem allows)."""

    def link(src, dst):
        try:
            os.link(src, dst)
        except OSError:
            shutil.copy2(src, dst)

    shutil.copytree(source, target, copy_function=link)


def test_model_folder_given_through_a_symlink_is_the_same_model(tmp_path, docs, minilm_path):
    link = tmp_path / "models" / "minilm"
    link.parent.mkdir()
    link.symlink_to(minilm_path, target_is_directory=True)
    index = tmp_path / "index"
    build_index([docs], index, model=str(link), progress=False)
    manifest = IndexStore(index).load().manifest
    assert manifest["model"] == os.path.realpath(minilm_path)
    assert manifest["model_fingerprint"] == model_fingerprint(minilm_path) == model_fingerprint(str(link))
    for model in (minilm_path, str(link)):
        hit = Searcher(index, model=model).search("Where were the coral reefs mapped?", k=1)[0]
        assert hit.doc_id == "reef.txt"
    # A rebuild through the other path reuses every vector.
    assert build_index([docs], index, model=minilm_path, progress=False).embedded == 0


def test_moving_the_model_folder_keeps_the_index(tmp_path, docs, minilm_path):
    first, moved = tmp_path / "m1", tmp_path / "elsewhere" / "m2"
    _linked_copy(minilm_path, first)
    index = tmp_path / "index"
    build_index([docs], index, model=str(first), progress=False)
    moved.parent.mkdir()
    first.rename(moved)

    # Without --model the message names the missing folder and the fix, not a traceback.
    with pytest.raises(QAError, match=r"does not exist.*--model") as err:
        Searcher(index)
    assert str(first) in str(err.value)
    hit = Searcher(index, model=str(moved)).search("How long is the main span of the bridge?", k=1)[0]
    assert hit.doc_id == "bridge.txt"
    assert build_index([docs], index, model=str(moved), progress=False).embedded == 0


def test_a_folder_with_other_weights_is_still_a_mismatch(tmp_path, docs, minilm_path, use_embedder):
    index = tmp_path / "index"
    build_index([docs], index, model=minilm_path, progress=False)
    recorded = IndexStore(index).load().manifest
    other = tmp_path / "finetuned"
    _linked_copy(minilm_path, other)
    weights = other / "model.safetensors"
    data = bytearray(weights.read_bytes())
    weights.unlink()  # break the hard link before changing the copy
    # A fine-tune of the same architecture: same file names and sizes, the tensors changed throughout.
    header = 8 + int.from_bytes(data[:8], "little")  # safetensors: length-prefixed JSON header, then tensors
    for i in range(header, len(data), 997):
        data[i] ^= 0x01
    weights.write_bytes(bytes(data))
    assert model_fingerprint(str(other)) != recorded["model_fingerprint"]
    assert not same_model(recorded["model"], str(other), recorded["model_fingerprint"])
    with pytest.raises(ModelMismatchError):
        Searcher(index, model=str(other))
    # The bundled model is still told apart too.
    with pytest.raises(ModelMismatchError):
        Searcher(index, embedder=use_embedder)


def test_fingerprint_ignores_readmes_and_other_runtimes(tmp_path, minilm_path):
    copy = tmp_path / "copy"
    _linked_copy(minilm_path, copy)
    before = model_fingerprint(str(copy))
    (copy / "README.md").write_text("notes", encoding="utf-8")
    (copy / "onnx").mkdir()
    (copy / "onnx" / "config.json").write_text(json.dumps({"x": 1}), encoding="utf-8")
    assert model_fingerprint(str(copy)) == before
