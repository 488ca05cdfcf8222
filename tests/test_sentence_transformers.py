"""Any sentence-transformers model by local path, offline, with its query/document prompts."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest

from qa.build import build_index
from qa.cli import main
from qa.embedding import SentenceTransformerEmbedder, load_embedder
from qa.errors import QAError
from qa.search import Searcher

DOCS = {
    "volcano.txt": "Volcanoes\n\nMagma rises through the crust and erupts as lava when pressure builds up.\n",
    "bakery.txt": "Baking\n\nSourdough bread needs a starter culture and a long, slow fermentation.\n",
    "orbit.txt": "Satellites\n\nA geostationary satellite circles the Earth once every twenty-four hours.\n",
}


@pytest.fixture(scope="module")
def docs_dir(tmp_path_factory):
    root = tmp_path_factory.mktemp("english")
    for name, text in DOCS.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


def test_local_model_builds_and_searches_offline(tmp_path, docs_dir, minilm_path, capsys):
    index_dir = tmp_path / "index"
    code = main(["-q", "build", str(docs_dir), "--index", str(index_dir), "--model", minilm_path])
    assert code == 0, capsys.readouterr().err
    searcher = Searcher(index_dir, model=minilm_path)
    assert searcher.index.model_id == minilm_path and searcher.index.vectors.d == 384
    hits = searcher.search("How long does a geostationary orbit take?", k=3)
    assert hits[0].doc_id == "orbit.txt" and hits[0].section_path == ("Satellites",)
    # The model recorded in the index is used when none is named.
    assert Searcher(index_dir).search("bread fermentation", k=1)[0].doc_id == "bakery.txt"


def test_model_prompts_are_applied_to_queries_and_documents(tmp_path, minilm_path):
    model_dir = tmp_path / "prompted"
    shutil.copytree(minilm_path, model_dir)
    config_path = model_dir / "config_sentence_transformers.json"
    config = json.loads(config_path.read_text())
    config["prompts"] = {"query": "query: ", "document": "passage: "}
    config_path.write_text(json.dumps(config))

    prompted = SentenceTransformerEmbedder(str(model_dir))
    plain = SentenceTransformerEmbedder(minilm_path)
    text = "Where do volcanoes erupt?"
    q = prompted.encode_queries([text])[0]
    d = prompted.encode_documents([text])[0]
    assert np.allclose(q, plain.encode_queries(["query: " + text])[0], atol=1e-5)
    assert np.allclose(d, plain.encode_documents(["passage: " + text])[0], atol=1e-5)
    assert not np.allclose(q, d, atol=1e-3)
    assert np.isclose(np.linalg.norm(q), 1.0, atol=1e-5)


def test_a_hub_name_that_cannot_be_had_offline_is_a_clear_error():
    with pytest.raises(QAError, match="cannot load embedding model"):
        load_embedder("no-such-org/no-such-model-xyz")


def test_switching_model_on_rebuild_re_embeds_everything(tmp_path, docs_dir, minilm_path, use_embedder):
    index_dir = tmp_path / "index"
    build_index([docs_dir], index_dir, embedder=use_embedder, progress=False)
    report = build_index([docs_dir], index_dir, model=minilm_path, progress=False)
    assert report.embedded == report.chunks
    assert Searcher(index_dir).index.model_id == minilm_path
