"""Every named API endpoint through ``gradio_client`` against the real app on loopback."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.app_support import RunningApp, answerable, start_app, unique_sentences

ENDPOINTS = {"/search", "/compare", "/batch", "/documents", "/outline", "/section", "/info", "/add_documents", "/undo"}


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


# ---- issue 11: trust -------------------------------------------------------------------------


def test_filters_that_match_nothing_say_why(app: RunningApp, client) -> None:  # noqa: ANN001
    """An unknown document or section prefix, or k out of range, is a message, not an empty list."""
    from gradio_client.exceptions import AppError

    with pytest.raises(AppError, match="No document 'no-such-file.txt'"):
        client.predict("重庆", doc="no-such-file.txt", api_name="/search")
    with pytest.raises(AppError, match="No section .*starts with"):
        client.predict("重庆", section="没有这个章节 › 也没有这个", api_name="/search")
    with pytest.raises(AppError, match="k must be from 1 to"):
        client.predict("重庆", k=500, api_name="/search")
    doc_id = app.service.doc_ids()[0]
    assert client.predict("重庆", k=2, doc=doc_id, api_name="/search")


def test_errors_are_bilingual_and_name_no_server_path(client, tmp_path: Path) -> None:  # noqa: ANN001
    from gradio_client import handle_file
    from gradio_client.exceptions import AppError

    with pytest.raises(AppError) as info:
        client.predict("   ", api_name="/search")
    assert re.search(r"[\u4e00-\u9fff]", str(info.value)) and "empty" in str(info.value)
    bad = tmp_path / "scan.txt"
    bad.write_bytes(b"\x00\x01\x02 not text \xff\xfe" * 20)
    result = client.predict([handle_file(str(bad))], api_name="/add_documents")
    assert not result["ok"] and "scan.txt" in result["message"]
    assert "/tmp" not in result["message"] and "gradio" not in result["message"].lower()
    assert re.search(r"[\u4e00-\u9fff]", result["rejected"][0])


def test_compare_says_when_a_side_found_nothing(app: RunningApp, client) -> None:  # noqa: ANN001
    _, sentence = unique_sentences(app.service.searcher.chunks)[0]
    result = client.predict(
        sentence, other_question="qqzzxx plughxyzzy", mode="hybrid", other_mode="keyword", api_name="/compare"
    )
    a, b = result["sides"]
    assert a["found"] >= 1 and b["found"] == 0
    assert result["selected"] == [], "an empty side must not be replaced by A1 vs A2"
    assert all(p["label"].startswith("A") for p in result["passages"])


def test_compare_modes_shows_agreement_and_few_distinctive_shared_words(app: RunningApp, client) -> None:  # noqa: ANN001
    _, sentence = unique_sentences(app.service.searcher.chunks)[0]
    result = client.predict(sentence, k=5, mode="hybrid", other_mode="dense", api_name="/compare")
    assert [s["mode"] for s in result["sides"]] == ["hybrid", "dense"]
    first, second = result["selected"]
    assert first["label"] == "A1" and second["label"].startswith("B")
    b_ids = [p["chunk_id"] for p in result["passages"] if p["label"].startswith("B")]
    if any(c != first["chunk_id"] for c in b_ids):  # never the same passage twice when B has another
        assert second["chunk_id"] != first["chunk_id"]
    ids_a = {p["chunk_id"]: p["rank"] for p in result["passages"] if p["label"].startswith("A")}
    ids_b = {p["chunk_id"]: p["rank"] for p in result["passages"] if p["label"].startswith("B")}
    both = {a["chunk_id"]: (a["rank_a"], a["rank_b"]) for a in result["agreement"]}
    assert both == {c: (ids_a[c], ids_b[c]) for c in ids_a.keys() & ids_b.keys()}
    # Shared wording: a handful of words, none of them common across the index.
    pairs = unique_sentences(app.service.searcher.chunks)
    two = client.predict(pairs[0][1], other_question=pairs[1][1], k=3, api_name="/compare")
    chunks = app.service.searcher.chunks
    assert len(two["shared_terms"]) <= 12
    for term in two["shared_terms"]:
        assert sum(term in c.text.lower() for c in chunks) <= max(2, 0.35 * len(chunks)), term


def test_batch_reports_empty_questions_filters_and_is_capped(app: RunningApp, client) -> None:  # noqa: ANN001
    from gradio_client.exceptions import AppError

    questions = [s for _, s in unique_sentences(app.service.searcher.chunks)[:2]]
    doc_id = app.service.doc_ids()[0]
    records = client.predict([questions[0], "  ", questions[1]], k=2, doc=doc_id, api_name="/batch")
    assert [r["question"].strip() for r in records] == [questions[0], "", questions[1]]
    assert records[1]["skipped"] and records[1]["hits"] == []
    assert all(h["doc_id"] == doc_id for r in records for h in r["hits"])
    with pytest.raises(AppError, match="5000"):
        client.predict(["重庆"] * 5001, k=1, api_name="/batch")


def test_outline_lines_are_citation_formatted_parts(app: RunningApp, client) -> None:  # noqa: ANN001
    for doc_id in app.service.doc_ids()[:3]:
        outline = client.predict(doc_id, api_name="/outline")
        for sec in outline["sections"]:
            assert re.fullmatch(r"\d+(-\d+)?(,\d+(-\d+)?)*", sec["lines"]), sec["lines"]
            assert len(sec["lines"].split(",")) == len(sec["parts"])
    stitched = [c for c in app.service.searcher.chunks if len({(s.line_start, s.line_end) for s in c.spans}) > 1]
    if stitched:  # a stitched passage's section lists the parts its citation names
        chunk = stitched[0]
        outline = client.predict(chunk.doc_id, api_name="/outline")
        sec = next(s for s in outline["sections"] if tuple(s["path"]) == chunk.section_path)
        assert len(sec["parts"]) > 1


def test_view_api_shows_types_and_modes(client) -> None:  # noqa: ANN001
    info = client.view_api(print_info=False, return_format="dict")["named_endpoints"]
    search = info["/search"]
    mode = next(p for p in search["parameters"] if p["parameter_name"] == "mode")
    assert {"hybrid", "dense", "keyword"} <= set(mode["type"].get("enum", []))
    returned = json.dumps(search["returns"])
    assert "citation" in returned and "highlights" in returned
    assert "rank_a" in json.dumps(info["/compare"]["returns"])
    assert "/undo" in info


def test_mode_type_matches_the_searcher() -> None:
    from typing import get_args

    from qa.search import MODES
    from qa.webapp.api import Mode

    assert set(get_args(Mode)) == {"", *MODES}


def test_page_config_holds_no_document_table(app: RunningApp) -> None:
    """The page config is copied for every visitor: it must not carry the document table."""
    import urllib.request

    with urllib.request.urlopen(app.url + "config", timeout=30) as response:
        config = json.loads(response.read())
    table = next(c for c in config["components"] if c.get("props", {}).get("elem_id") == "docs-table")
    value = table["props"].get("value") or {}
    assert not value.get("data") or value["data"] in ([], [[]], [["", "", "", "", "", ""]])
    doc_id = app.service.doc_ids()[0]
    assert doc_id not in json.dumps(table)
