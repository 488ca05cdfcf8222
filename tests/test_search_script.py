"""A question in simplified characters finds a passage written in traditional ones, and the reverse.

The traditional document is made from a simplified one by OpenCC (s2t), indexed for real with the
bundled model; what is shown (passage, citation) stays as the document writes it.
"""

from __future__ import annotations

import opencc
import pytest

from qa.build import build_index
from qa.index_store import IndexStore
from qa.search import Searcher

PLAN = """社区资源回收试点工作计划

一、计划目的
提高社区资源回收率，减少垃圾填埋数量，推动循环经济发展，营造整洁的居住环境。

二、实施范围
本区各社区居民委员会、各机关办公场所以及辖区内的中小学校。

三、经费来源
本计划所需经费由区财政年度预算支出，总额一百二十万元，专款专用，不得挪作他用。

四、实施期间
自二〇二六年一月一日起至二〇二六年十二月三十一日止，分三个阶段推进。

五、预期效益
预计资源回收率提高至百分之三十五，每人每日垃圾产生量减少零点二公斤。
"""

OTHER = """学校日常管理规定

一、经费管理
学校各项经费实行统一管理，经费支出须经校长审批，每学期公布一次经费使用情况。

二、学生请假
学生因病请假须由家长出具证明，请假三天以上须经班主任批准并报教务处备案。

三、校园安全
门卫实行二十四小时值班，外来人员进入校园须登记身份信息并说明来访事由。
"""


@pytest.fixture(scope="module")
def script_index(tmp_path_factory, use_embedder):
    docs = tmp_path_factory.mktemp("script_docs")
    (docs / "trad_plan.txt").write_text(opencc.OpenCC("s2t").convert(PLAN), encoding="utf-8")
    (docs / "school_rules.txt").write_text(OTHER, encoding="utf-8")
    index = tmp_path_factory.mktemp("script_index")
    build_index([docs], index, embedder=use_embedder, progress=False)
    return index


@pytest.fixture(scope="module")
def searcher(script_index, use_embedder):
    return Searcher(script_index, embedder=use_embedder)


@pytest.mark.parametrize("mode", ["keyword", "hybrid"])
def test_a_simplified_question_finds_the_traditional_passage(searcher, mode):
    hits = searcher.search("经费来源", k=3, mode=mode, doc=None)
    assert hits, "the traditional plan says where its money comes from"
    top = hits[0]
    assert top.doc_id == "trad_plan.txt" and "經費來源" in " › ".join(top.section_path)
    assert "區財政" in top.text  # shown as written, not converted
    start, end = top.highlights[0]
    assert "一百二十萬元" in top.text[start:end]


def test_keyword_search_restricted_to_the_traditional_document_is_not_empty(searcher):
    hits = searcher.search("经费来源", k=3, mode="keyword", doc="trad_plan.txt", show_weak=False)
    assert hits and "經費來源" in " › ".join(hits[0].section_path)


def test_a_traditional_question_finds_the_simplified_passage(searcher):
    hits = searcher.search("學生請假幾天以上須經班主任批准", k=3, mode="keyword")
    assert hits and hits[0].doc_id == "school_rules.txt" and "学生请假" in " › ".join(hits[0].section_path)


def test_the_index_records_that_its_words_are_read_as_simplified(script_index):
    """An index built before the fold lacks the mark: the next build tokenizes it again, and searching it
    meanwhile reads questions as written (its words are)."""
    store = IndexStore(script_index)
    loaded = store.load()
    try:
        settings = loaded.manifest["settings"]
    finally:
        loaded.close()
    assert settings.get("words") == "t2s"


def test_the_encoder_reads_a_traditional_passage_as_its_simplified_original(tmp_path, use_embedder):
    """Dense search scores a traditional copy exactly as the simplified original: the encoder reads both
    as simplified (USE stands a traditional passage further from a simplified question: benchmarks)."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "plan_simplified.txt").write_text(PLAN, encoding="utf-8")
    (docs / "plan_traditional.txt").write_text(opencc.OpenCC("s2t").convert(PLAN), encoding="utf-8")
    (docs / "school_rules.txt").write_text(OTHER, encoding="utf-8")
    build_index([docs], tmp_path / "index", embedder=use_embedder, progress=False)
    searcher = Searcher(tmp_path / "index", embedder=use_embedder)
    for question in ("项目的经费从哪里来？", "資源回收率預計提高到多少"):
        hits = searcher.search(question, k=4, mode="dense", show_weak=True)
        by_doc = {}
        for hit in hits:
            by_doc.setdefault(hit.doc_id, hit.breakdown["fused"])
        assert {"plan_simplified.txt", "plan_traditional.txt"} <= set(by_doc), [h.citation for h in hits]
        assert by_doc["plan_simplified.txt"] == pytest.approx(by_doc["plan_traditional.txt"], abs=1e-5)
