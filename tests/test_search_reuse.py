"""Speed work that must not change answers: a search scores its candidates once (what the hits show
must equal scoring them from scratch), and a build encodes from several threads (same vectors).

The relevance of the hits and the window cosines behind their highlights are taken from the
candidate scoring (``qa.candidates.Candidates``) instead of being read and computed again; these
tests recompute them the slow way (``Searcher.relevance`` without candidates, ``window_cosines``
read from disk) and require the same numbers, in every mode, with and without a filter.
"""

from __future__ import annotations

import os

import numpy as np
import pytest

from qa import cross_language as cross
from qa.fusion import QueryFeatures, cjk_share
from qa.keyword import known_forms, query_tokens
from qa.options import SearchOptions
from qa.search import Searcher

QUESTIONS = [
    "2021年成渝地区双城经济圈的GDP是多少？",
    "重庆将如何建设宜居宜业和美乡村？",
    "What will Chongqing do for its villages?",
    "北京的天气怎么样？",
]


@pytest.fixture(scope="module")
def searcher(corpus_index, use_embedder) -> Searcher:
    return Searcher(corpus_index, embedder=use_embedder)


def _from_scratch(searcher: Searcher, question: str, opts: SearchOptions):
    """(ids, relevance, keyword match, dense standing) of the first candidates, nothing reused."""
    vector = np.ascontiguousarray(searcher.embedder.encode_queries([question]), dtype=np.float32)[0]
    vector = cross.question_vectors(searcher.embedder, [question], [vector])[0]  # English over Chinese text
    tokens = known_forms(query_tokens(question), searcher.finder.document_frequencies)  # as Searcher reads them
    features = QueryFeatures(cjk_share(question), searcher.finder.coverage(tokens))
    allowed = searcher.index.filter_ids(opts.doc, opts.section) if opts.doc else None
    ids, _, _ = searcher.rank(question, vector if opts.mode != "keyword" else None, tokens, features, opts, allowed)
    ids = ids[: opts.k * 3]
    mismatch = searcher._script_mismatch(features, ids, opts.k, searcher.index.fetch)  # English over Chinese
    rel, kw, dn = searcher.relevance(tokens, vector, ids, features.coverage, mismatch=mismatch)
    rel = cross.name_relevance(question, features, ids, rel, searcher.index.fetch)
    return ids, np.minimum.accumulate(rel), kw, dn


@pytest.mark.parametrize("mode", ["hybrid", "dense", "keyword"])
@pytest.mark.parametrize("question", QUESTIONS)
def test_hit_scores_equal_scoring_the_hits_from_scratch(searcher, question, mode):
    opts = SearchOptions(mode=mode, k=4, show_weak=True)
    hits = searcher.search_many([question], options=opts)[0]
    ids, rel, kw, dn = _from_scratch(searcher, question, opts)
    chunks = searcher.index.fetch(ids)
    position = {chunks[int(i)].chunk_id: j for j, i in enumerate(ids)}
    assert bool(hits) == bool(len(ids))  # keyword mode finds nothing for words the page lacks
    for hit in hits:
        j = position[hit.chunk.chunk_id]
        assert hit.score == pytest.approx(rel[j], abs=1e-6)
        assert hit.breakdown["keyword"] == pytest.approx(kw[j], abs=1e-6)
        assert hit.breakdown["dense"] == pytest.approx(dn[j], abs=1e-6)


def test_filtered_search_scores_equal_scoring_from_scratch(searcher):
    doc = searcher.search(QUESTIONS[0], k=1)[0].doc_id
    opts = SearchOptions(k=3, doc=doc, show_weak=True)
    hits = searcher.search_many([QUESTIONS[1]], options=opts)[0]
    ids, rel, _, _ = _from_scratch(searcher, QUESTIONS[1], opts)
    assert [h.score for h in hits] == pytest.approx(list(rel[: len(hits)]), abs=1e-6)


def test_kept_window_cosines_equal_the_ones_read_from_disk(searcher):
    question = QUESTIONS[2]
    vector = searcher.embedder.encode_queries([question])[0]
    found = searcher.finder.find(vector, query_tokens(question), "hybrid", None)
    assert found.exact and len(found.ids) > 1
    for j, chunk_id in enumerate(found.ids):
        kept = found.windows_of(j)
        read = searcher.finder.window_cosines(vector, int(chunk_id))
        assert kept is not None and len(kept) == len(read) >= 1
        np.testing.assert_allclose(kept, read, atol=1e-6)
    assert found.positions(np.array([found.ids.max() + 1])) is None  # not a candidate: read from disk


@pytest.mark.skipif(len(os.sched_getaffinity(0)) < 2, reason="one core: there is no second path to compare")
def test_a_question_on_one_core_gets_the_hits_of_two(searcher, monkeypatch):
    """The opt-in helper (the question encoded beside its BM25 search, the FAISS scan beside the keyword
    candidates' scoring) changes nothing in what is found."""
    import qa.beside

    monkeypatch.setenv("QA_QUERY_THREADS", "2")  # the helper thread (off by default)
    assert qa.beside.helpers_allowed()
    two = [[h.to_json() for h in hits] for hits in searcher.search_many(QUESTIONS, k=4, show_weak=True)]
    monkeypatch.setenv("QA_QUERY_THREADS", "1")
    one = [[h.to_json() for h in hits] for hits in searcher.search_many(QUESTIONS, k=4, show_weak=True)]
    assert one == two


@pytest.mark.parametrize("mode", ["hybrid", "keyword", "dense"])
def test_a_single_question_gets_the_same_hits_with_the_helper(searcher, monkeypatch, mode):
    """One question at a time (``search``), the opt-in helper (the question encoded beside its BM25 search, the
    keyword candidates handed to the FAISS side already found) gives the one-thread hits, in every mode (the
    batches above take the keyword side inside ``CandidateFinder.find``)."""
    import qa.beside

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


def test_threaded_build_encoding_gives_the_vectors_of_one_by_one_encoding(use_embedder):
    from qa.build import ENCODE_BATCH, encode_texts

    count = 2 * ENCODE_BATCH + 9  # several batches and a short last one
    texts = [f"第{i}段：重庆市推进成渝地区双城经济圈建设，GDP增长{i % 7}.{i % 10}%。" for i in range(count)]
    texts[5] = "An English sentence among Chinese ones."
    threaded = encode_texts(use_embedder, texts, progress=False)
    assert threaded.shape == (len(texts), use_embedder.dim)
    assert np.array_equal(threaded, use_embedder.encode_documents(texts))
    questions = encode_texts(use_embedder, texts, progress=False, queries=True)  # calibration's pseudo-questions
    assert np.array_equal(questions, use_embedder.encode_queries(texts))


def test_words_segmented_block_by_block_equal_jieba_on_the_whole_text():
    import jieba

    from qa.words import _RUNS, _WORD, tokens

    def whole(text: str) -> list[str]:  # what tokens() did before it segmented (and remembered) blocks
        out: list[str] = []
        for run in _RUNS.findall(text):
            if run[0].isascii() and run[0].isalnum():
                out.append(run.lower())
            else:
                out.extend(t.lower() for t in jieba.lcut_for_search(run) if _WORD.search(t))
        return out

    texts = [
        "重庆市推进成渝地区双城经济圈建设，2021年GDP增长7.4%，总量达到7.39万亿元。",
        "中华人民共和国成立于1949年；“乡村振兴”战略——建设宜居宜业和美乡村！",
        "ＡＢＣ全角字母、カタカナ、한국어와 Привет мир e.g. 3.5亿元 C++ #tag a&b 文明维说：",
        "。。。！",
        "",
        "Only English words here.",
    ]
    for text in texts + texts[::-1]:  # the second time from remembered blocks
        assert tokens(text) == whole(text), text


def test_a_question_scores_on_one_blas_thread_and_gives_the_others_back(searcher, monkeypatch):
    """Matrix-vector products on one thread while a question is ranked, the caller's setting after."""
    from threadpoolctl import threadpool_info, threadpool_limits

    import qa.search

    def blas_threads() -> list[int]:
        return [lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"]

    seen: list[list[int]] = []
    fuse = qa.search.fuse

    def spying_fuse(*args, **kwargs):
        seen.append(blas_threads())
        return fuse(*args, **kwargs)

    monkeypatch.setattr(qa.search, "fuse", spying_fuse)
    with threadpool_limits(limits=2, user_api="blas"):
        before = blas_threads()
        searcher.search(QUESTIONS[0], k=3)
        assert blas_threads() == before
    assert seen and all(n == 1 for n in seen[0])
    assert 2 in before  # the limit above took hold, so the check inside meant something
