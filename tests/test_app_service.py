"""The app's pieces without a server: HTML escaping and marking, shared wording, index swaps."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest

from qa.webapp import render
from qa.webapp.modes import mode_kwargs, search_modes
from qa.webapp.overlap import shared_spans
from tests.app_support import ROOT


def test_mark_text_escapes_and_nests() -> None:
    html = render.mark_text("a<b>&c", {"qa-answer": [(0, 3)], "qa-passage": [(2, 6)]})
    assert html == (
        '<mark class="qa-answer">a&lt;</mark>'  # the answer range is cut where the passage starts
        '<mark class="qa-answer qa-passage">b</mark>'
        '<span class="qa-passage">&gt;&amp;c</span>'
    )


def test_hit_card_escapes_document_text() -> None:
    hit = {
        "rank": 1,
        "score": 0.5,
        "chunk_id": "x#1",
        "doc_id": "<x>.txt",
        "lines": "1-2",
        "citation": "<x>.txt:1-2",
        "text": "<script>alert(1)</script> 答案在此。",
        "highlights": [[26, 31]],
    }
    html = render.hit_card(hit)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert '<mark class="qa-answer">答案在此。</mark>' in html


def test_shared_spans_mark_words_in_both() -> None:
    texts = ["重庆建设和美乡村示范", "乡村振兴推动重庆发展"]
    spans, terms = shared_spans(texts)
    marked = [{texts[i][a:b] for a, b in s} for i, s in enumerate(spans)]
    assert "重庆" in "".join(marked[0]) and "乡村" in "".join(marked[0])
    assert "重庆" in "".join(marked[1])
    assert set(terms) >= {"重庆", "乡村"}
    assert shared_spans(["只有一段"])[0] == [[]]


def test_mode_kwargs_follow_the_searcher_signature() -> None:
    assert mode_kwargs("") == {}
    if search_modes():
        assert mode_kwargs(search_modes()[0]) == {"mode": search_modes()[0]}
    else:
        assert mode_kwargs("dense") == {}
    with pytest.raises(Exception, match="mode"):
        mode_kwargs("telepathy")


def test_mode_is_passed_once_the_searcher_takes_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """Before and after the hybrid-search merge: ``mode`` goes through only when accepted."""
    import qa.webapp.modes as service_module
    from qa.search import Searcher

    class ModeSearcher(Searcher):
        def search(self, question: str, k: int = 5, doc=None, section=None, min_score=None, mode: str = "hybrid"):  # noqa: ANN001, ANN201
            return []

    monkeypatch.setattr(service_module, "Searcher", ModeSearcher)
    assert service_module.search_modes() == ("hybrid", "dense", "keyword")
    assert service_module.default_mode() == "hybrid"
    assert mode_kwargs("keyword") == {"mode": "keyword"}
    with pytest.raises(Exception, match="unknown search mode"):
        mode_kwargs("telepathy")


@pytest.fixture(scope="module")
def built_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from qa.build import build_index

    index = tmp_path_factory.mktemp("svc") / "index"
    build_index([ROOT / "corpus"], index, progress=False)
    return index


def test_compare_across_two_indexes(built_index: Path, tmp_path: Path) -> None:
    from qa.webapp.service import QAService

    other = tmp_path / "other"
    shutil.copytree(built_index, other)
    service = QAService(built_index, tmp_path / "uploads", extra_indexes={"other": other})
    assert service.index_names() == ["main", "other"]
    result = service.compare("重庆如何建设和美乡村？", k=2, index="main", other_index="other")
    assert [p["label"] for p in result["passages"]] == ["A1", "A2", "B1", "B2"]
    assert [p["index"] for p in result["selected"]] == ["main", "other"]
    # Same index, same model, same question: both sides agree, and by default B's best *other*
    # passage is shown beside A1 (two copies of one text compare nothing).
    assert [(a["rank_a"], a["rank_b"]) for a in result["agreement"]] == [(1, 1), (2, 2)]
    assert result["picks"] == ["A1", "B2"]
    same = service.compare("重庆如何建设和美乡村？", k=2, index="main", other_index="other", picks=["A1", "B1"])
    first, second = same["selected"]
    assert first["text"] == second["text"] and first["shared"]


def test_searches_keep_working_during_an_upload(built_index: Path, tmp_path: Path) -> None:
    from qa.webapp.service import QAService

    shutil.copytree(built_index, tmp_path / "index")
    service = QAService(tmp_path / "index", tmp_path / "uploads")
    before = len(service.searcher.chunks)
    errors: list[BaseException] = []
    counts: list[int] = []
    done = threading.Event()

    def searching() -> None:
        while not done.is_set():
            try:
                counts.append(len(service.search("重庆", k=3)[1]))
            except BaseException as exc:  # noqa: BLE001 - any failure is the finding
                errors.append(exc)

    worker = threading.Thread(target=searching)
    worker.start()
    new = tmp_path / "extra.txt"
    body = "。".join(f"第{i}条：北碚的缙云山有一只会写诗的松鼠" for i in range(40))
    new.write_text(f"附录\n\n{body}。\n", "utf-8")
    result = service.add_documents([new])
    done.set()
    worker.join()
    assert result.ok and not errors and counts and all(c == 3 for c in counts)
    assert len(service.searcher.chunks) > before
    assert "extra.txt" in service.doc_ids()
