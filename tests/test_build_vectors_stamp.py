"""An index's manifest says its vectors were made from simplified text ('vectors: t2s') only when all of them were.

Search folds a question to simplified characters for the dense side when the manifest says so. An index built before
the encoder read Han as simplified, then updated in place, kept its old documents' vectors (made from traditional
text as written) under a new 't2s' stamp: a traditional passage then scored below its simplified original. Now such
an index is embedded again on its next build, and a removal (which embeds nothing) keeps the old stamp."""

from __future__ import annotations

import importlib.util
import json

import opencc
import pytest

from qa.build import build_index, remove_documents
from qa.index_store import MANIFEST, SELF_CHECKSUM, IndexStore, manifest_checksum
from qa.search import Searcher

PLAN = """社区资源回收试点工作计划

一、经费来源
本计划所需经费由区财政年度预算支出，总额一百二十万元，专款专用，不得挪作他用。

二、预期效益
预计资源回收率提高至百分之三十五，每人每日垃圾产生量减少零点二公斤。
"""
HAVE_MILVUS = all(importlib.util.find_spec(m) for m in ("pymilvus", "milvus_lite"))
ENGINES = ["faiss", pytest.param("milvus", marks=pytest.mark.skipif(not HAVE_MILVUS, reason="pip install qa[milvus]"))]
OTHER = """学校日常管理规定

一、学生请假
学生因病请假须由家长出具证明，请假三天以上须经班主任批准并报教务处备案。
"""


def _settings(index) -> dict:
    return IndexStore(index).read_manifest()["settings"]


@pytest.fixture(params=ENGINES)
def old_index(request, tmp_path, use_embedder, monkeypatch):
    """An index as the build before the fold wrote it: vectors of the text as written, no 'vectors' stamp."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "plan_simplified.txt").write_text(PLAN, encoding="utf-8")
    (docs / "plan_traditional.txt").write_text(opencc.OpenCC("s2t").convert(PLAN), encoding="utf-8")
    (docs / "school_rules.txt").write_text(OTHER, encoding="utf-8")
    index = tmp_path / "index"
    engine = {"engine": "milvus", "milvus_uri": str(tmp_path / "milvus.db")} if request.param == "milvus" else {}
    with monkeypatch.context() as patch:
        patch.setattr("qa.build.simplified", lambda text: text)
        build_index([docs], index, embedder=use_embedder, progress=False, **engine)
    gen = IndexStore(index).current_dir()
    manifest = json.loads((gen / MANIFEST).read_text(encoding="utf-8"))
    manifest["settings"].pop("vectors", None)
    manifest[SELF_CHECKSUM] = manifest_checksum(manifest)
    (gen / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    return docs, index


def test_updating_an_index_from_before_the_fold_embeds_its_documents_again(tmp_path, old_index, use_embedder):
    docs, index = old_index
    more = tmp_path / "more"
    more.mkdir()
    (more / "notice.txt").write_text("放假通知\n\n国庆节放假七天，十月八日正常上班。\n", encoding="utf-8")
    build_index([more], index, embedder=use_embedder, progress=False, keep_existing=True)
    assert _settings(index).get("vectors") == "t2s"
    hits = Searcher(index, embedder=use_embedder).search("项目的经费从哪里来？", k=4, mode="dense", show_weak=True)
    by_doc = {}
    for hit in hits:
        by_doc.setdefault(hit.doc_id, hit.breakdown["fused"])
    # the traditional copy's vector is its simplified reading's, as the stamp says
    assert by_doc["plan_simplified.txt"] == pytest.approx(by_doc["plan_traditional.txt"], abs=1e-5)


def test_removing_a_document_keeps_the_stamp_of_the_vectors_kept(old_index):
    _, index = old_index
    remove_documents(["school_rules.txt"], index)
    assert _settings(index).get("vectors") is None
