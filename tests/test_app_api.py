"""Every named API endpoint through ``gradio_client`` against the real app on loopback."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.app_support import RunningApp, answerable, start_app, unique_sentences

ENDPOINTS = {"/search", "/compare", "/batch", "/documents", "/outline", "/section", "/info", "/add_documents"}


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningApp]:
    yield from start_app(tmp_path_factory.mktemp("app-api"))


@pytest.fixture(scope="module")
def client(app: RunningApp):  # noqa: ANN201
    from gradio_client import Client

    return Client(app.url, verbose=False)


def test_endpoints_are_named(client) -> None:  # noqa: ANN001
    named = set(client.view_api(print_info=False, return_format="dict")["named_endpoints"])
    assert named >= ENDPOINTS
    assert not any(name.startswith("/ui_") for name in named), "UI-only events must stay private"


def test_search_returns_structured_cited_hits(app: RunningApp, client) -> None:  # noqa: ANN001
    chunk, sentence, _ = answerable(app.service)
    hits = client.predict(sentence, api_name="/search")
    assert 1 <= len(hits) <= 5
    assert [h["rank"] for h in hits] == list(range(1, len(hits) + 1))
    mine = next(h for h in hits if h["chunk_id"] == chunk.chunk_id)
    assert mine["citation"].startswith(f"{chunk.doc_id}:")
    assert mine["text"] == chunk.text
    (a, b), *_ = mine["highlights"]
    assert mine["text"][a:b].strip()

    filtered = client.predict(sentence, k=2, doc=chunk.doc_id, section=chunk.section_label, api_name="/search")
    assert 1 <= len(filtered) <= 2
    assert all(h["section_path"][: len(chunk.section_path)] == list(chunk.section_path) for h in filtered)


def test_search_errors_are_messages(client) -> None:  # noqa: ANN001
    from gradio_client.exceptions import AppError

    with pytest.raises(AppError, match="question is empty"):
        client.predict("   ", api_name="/search")
    with pytest.raises(AppError, match="mode"):
        client.predict("重庆", mode="no-such-mode", api_name="/search")


def test_compare_marks_shared_wording(app: RunningApp, client) -> None:  # noqa: ANN001
    pairs = unique_sentences(app.service.searcher.chunks)
    result = client.predict(pairs[0][1], other_question=pairs[1][1], k=2, api_name="/compare")
    labels = [p["label"] for p in result["passages"]]
    assert labels[:2] == ["A1", "A2"] and "B1" in labels
    assert result["picks"] == ["A1", "B1"]
    for passage in result["selected"]:
        for a, b in passage["shared"]:
            assert passage["text"][a:b].strip()
    one_list = client.predict(pairs[0][1], k=3, picks=["A1", "A2", "A3"], api_name="/compare")
    assert [p["label"] for p in one_list["selected"]] == ["A1", "A2", "A3"]


def test_batch(app: RunningApp, client) -> None:  # noqa: ANN001
    questions = [s for _, s in unique_sentences(app.service.searcher.chunks)[:3]]
    records = client.predict(questions, k=2, api_name="/batch")
    assert [r["question"] for r in records] == questions
    assert all(1 <= len(r["hits"]) <= 2 and r["hits"][0]["citation"] for r in records)


def test_documents_outline_section(app: RunningApp, client) -> None:  # noqa: ANN001
    docs = client.predict(api_name="/documents")
    assert {d["doc_id"] for d in docs} >= set(app.service.doc_ids()) - {"late.txt"}
    doc_id = docs[0]["doc_id"]
    outline = client.predict(doc_id, api_name="/outline")
    assert outline["doc_id"] == doc_id and outline["sections"]
    assert all(s["lines"] for s in outline["sections"])

    chunk = app.service.searcher.chunks[len(app.service.searcher.chunks) // 2]
    section = client.predict(chunk.chunk_id, api_name="/section")
    assert section["doc_id"] == chunk.doc_id
    assert any(p["passage"] for p in section["paragraphs"])

    info = client.predict(api_name="/info")
    assert info["chunks"] == len(app.service.searcher.chunks)
    assert info["indexes"] == ["main"]


def test_add_documents_good_and_bad(app: RunningApp, client, tmp_path: Path) -> None:  # noqa: ANN001
    from gradio_client import handle_file

    good = tmp_path / "late.txt"
    good.write_text("迟到通知\n\n银杏大道上的自动售货机昨晚开始出售热腾腾的桂花米酒。\n", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    result = client.predict([handle_file(str(good)), handle_file(str(empty))], api_name="/add_documents")
    assert result["ok"] and result["added"] == ["late.txt"]
    assert any("empty.txt" in r for r in result["rejected"])
    hits = client.predict("哪里卖桂花米酒？", k=1, api_name="/search")
    assert hits[0]["doc_id"] == "late.txt"

    only_bad = client.predict([handle_file(str(empty))], api_name="/add_documents")
    assert not only_bad["ok"] and only_bad["rejected"]
    assert client.predict("哪里卖桂花米酒？", k=1, api_name="/search")[0]["doc_id"] == "late.txt"
