"""Retrieval v2 on the bundled page: calibrated relevance, "no good passage found", speaker
questions, collapsed near-duplicates, per-index calibration, and the two builds of the USE model."""

from __future__ import annotations

import json

import numpy as np
import pytest

from qa.build import build_index
from qa.calibration import NO_ANSWER_BELOW
from qa.cli import main
from qa.index_store import IndexStore
from qa.search import Searcher
from qa.speakers import speaker_of, speaks_in

UNRELATED = ["北京的天气怎么样？", "How do I bake sourdough bread?", "量子计算机的原理是什么？"]
ANSWERED = ["2021年成渝地区双城经济圈的GDP是多少？", "重庆将如何建设宜居宜业和美乡村？"]


@pytest.fixture(scope="module")
def searcher(corpus_index, use_embedder) -> Searcher:
    return Searcher(corpus_index, embedder=use_embedder)


@pytest.mark.parametrize("question", UNRELATED)
def test_a_question_the_page_cannot_answer_gets_no_good_passage(searcher, question):
    assert searcher.search(question, k=5, show_weak=False) == []
    weak = searcher.search(question, k=5)  # the Python default still lists the best ones, marked
    assert weak and all(h.weak and 0.0 <= h.score < NO_ANSWER_BELOW for h in weak)


@pytest.mark.parametrize("question", ANSWERED)
def test_a_question_the_page_answers_gets_a_confident_top_hit(searcher, question):
    hits = searcher.search(question, k=5, show_weak=False)
    assert hits and hits[0].score >= NO_ANSWER_BELOW and not hits[0].weak
    assert all(0.0 <= h.score <= 1.0 for h in hits)
    assert all(a.score >= b.score for a, b in zip(hits, hits[1:], strict=False))


def test_relevance_reads_the_same_in_every_mode(searcher):
    question = ANSWERED[0]
    tops = {mode: searcher.search(question, k=1, mode=mode)[0] for mode in ("hybrid", "dense", "keyword")}
    assert len({h.chunk.chunk_id for h in tops.values()}) == 1, "all modes agree on this passage"
    scores = [h.score for h in tops.values()]
    assert max(scores) - min(scores) < 1e-6, scores


def test_hit_json_carries_relevance_breakdown_and_weak_flag(searcher):
    row = searcher.search(ANSWERED[0], k=1)[0].to_json()
    assert row["relevance"] == row["score"] and row["weak"] is False
    assert {"keyword", "dense", "fused"} <= set(row["breakdown"])
    json.dumps(row)


def test_cli_says_no_good_passage_and_lists_the_best_ones_only_when_asked(corpus_index, capsys):
    assert main(["-q", "search", UNRELATED[0], "--index", str(corpus_index)]) == 0
    out = capsys.readouterr().out
    assert "no good passage found" in out and "[1]" not in out
    assert main(["-q", "search", UNRELATED[0], "--index", str(corpus_index), "--show-weak"]) == 0
    out = capsys.readouterr().out
    assert "no good passage found" in out and "[1]" in out and "(weak)" in out


def test_speaker_question_ranks_the_passage_where_the_speaker_speaks(searcher):
    question = "文明维说了什么？"
    assert speaker_of(question) == "文明维"
    hits = searcher.search(question, k=3, mode="hybrid")
    assert hits and speaks_in("文明维", hits[0].text), hits[0].text[:80]
    # The name is matched as a name (jieba alone cuts "文明维说" into 文明/维说), so the answer is confident.
    assert not hits[0].weak
    assert all(speaks_in("文明维", h.text) for h in hits[:2])


def test_overlapping_chunks_do_not_repeat_the_same_answer(searcher):
    for question in [*ANSWERED, "乡村振兴", "重庆如何培育中小企业？"]:
        hits = searcher.search(question, k=10)
        for i, hit in enumerate(hits):
            if not hit.highlights:
                continue
            a, b = hit.highlights[0]
            sentence = hit.text[a:b]
            earlier = [h for h in hits[:i] if h.doc_id == hit.doc_id]
            assert not any(sentence in h.text for h in earlier), (question, sentence)


def test_build_measures_fusion_for_its_model_and_corpus(corpus_index):
    manifest = IndexStore(corpus_index).load().manifest
    calibration = manifest["calibration"]
    assert calibration["pseudo_questions"] >= 5
    assert 0.0 <= calibration["keyword_ceiling"] <= 1.0 and calibration["z_ref"] > 0


def test_onnx_build_encodes_like_the_numpy_build(use_embedder):
    from qa.embedding import OnnxUseEmbedder

    texts = ["重庆将如何建设宜居宜业和美乡村？", "The bridge opened in 1998.", "成渝地区双城经济圈"]
    a = OnnxUseEmbedder().encode_documents(texts)
    b = use_embedder.encode_documents(texts)
    assert np.allclose(np.linalg.norm(a, axis=1), 1.0, atol=1e-4)
    assert (np.sum(a * b, axis=1) > 0.9).all()


def test_an_index_built_with_the_onnx_use_stays_searchable(tmp_path, corpus_copy):
    from qa.embedding import OnnxUseEmbedder

    index_dir = tmp_path / "index"
    build_index([corpus_copy], index_dir, embedder=OnnxUseEmbedder(), progress=False)
    searcher = Searcher(index_dir)  # the model named in the manifest is loaded
    assert searcher.embedder.model_id == "use-m3-onnx"
    assert "GDP" in searcher.search(ANSWERED[0], k=1)[0].text


def test_calibration_is_kept_for_a_small_change_and_measured_after_a_large_one(tmp_path, corpus_copy, use_embedder):
    index_dir = tmp_path / "index"
    docs = tmp_path / "docs"
    docs.mkdir()
    page = next(p for p in corpus_copy.iterdir() if p.is_file())
    (docs / page.name).write_bytes(page.read_bytes())
    build_index([docs], index_dir, embedder=use_embedder, progress=False)
    first = IndexStore(index_dir).read_manifest()
    assert first["calibration"]["pseudo_questions"] >= 5 and first["calibration"]["changed"] == 0
    # One short note: far less than a tenth of the index, so the measurement is carried over.
    (docs / "note.txt").write_text("备注\n\n周五下午开会讨论预算。\n", encoding="utf-8")
    build_index([docs], index_dir, embedder=use_embedder, progress=False)
    second = IndexStore(index_dir).read_manifest()["calibration"]
    assert second["changed"] == 1
    assert {k: second[k] for k in ("z_ref", "keyword_ceiling")} == {
        k: first["calibration"][k] for k in ("z_ref", "keyword_ceiling")
    }
    # A second copy of the page doubles the index: measured again, over the index as it now is.
    (docs / "copy.txt").write_bytes(page.read_bytes())
    build_index([docs], index_dir, embedder=use_embedder, progress=False)
    third = IndexStore(index_dir).read_manifest()
    assert third["calibration"]["changed"] == 0 and third["calibration"]["measured_on"] == third["count"]
    assert Searcher(index_dir, embedder=use_embedder).search(ANSWERED[0], k=1)[0].score >= NO_ANSWER_BELOW
