"""One question at a time (``Searcher.search``), the opt-in helper thread (``QA_QUERY_THREADS=2``: the question
encoded beside its BM25 search, the keyword candidates handed to the FAISS side already found) gives the hits of
the default one-thread path, in every mode. (``tests/test_search_reuse.py`` compares batches, which take the
keyword side inside ``CandidateFinder.find``.)"""

from __future__ import annotations

import pytest

import qa.beside
from qa.search import Searcher

QUESTIONS = [
    "2021年成渝地区双城经济圈的GDP是多少？",
    "重庆将如何建设宜居宜业和美乡村？",
    "What will Chongqing do for its villages?",
]


@pytest.fixture(scope="module")
def searcher(corpus_index, use_embedder) -> Searcher:
    return Searcher(corpus_index, embedder=use_embedder)


@pytest.mark.parametrize("mode", ["hybrid", "keyword", "dense"])
def test_a_single_question_gets_the_same_hits_with_the_helper(searcher, monkeypatch, mode):
    monkeypatch.setattr(qa.beside, "_cores", lambda: 2)  # the helper is made whatever the machine
    given: list[bool] = []
    find = searcher.finder.find

    def spy(*args):
        given.append(len(args) > 4 and args[4] is not None)  # the keyword side found before the vector
        return find(*args)

    monkeypatch.setattr(searcher.finder, "find", spy)

    def answers(threads: str) -> list:
        monkeypatch.setenv("QA_QUERY_THREADS", threads)
        return [[h.to_json() for h in searcher.search(q, k=4, mode=mode, show_weak=True)] for q in QUESTIONS]

    two = answers("2")
    assert qa.beside.helpers_allowed()
    one = answers("1")
    assert two == one and sum(map(bool, one)) >= 2  # (an English question may find no keyword hits)
    assert given == [mode != "dense"] * (2 * len(QUESTIONS))
