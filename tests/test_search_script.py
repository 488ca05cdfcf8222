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
    assert settings.get("words") == "t2s+tw"


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


# A Taiwan office's rules in Taiwan's words (身分證, 軟體, 網路), beside a mainland notice that shares the other
# words of the questions: a mainland question must find the Taiwan passage by its regional words.
TAIWAN_RULES = [
    ("一、國民身分證遺失", "國民身分證遺失者，應攜帶戶口名簿及最近二年內相片一張，親自至戶籍地戶政事務所申請補發。"),
    ("二、電腦軟體採購", "各單位採購電腦軟體應取得合法授權，並由資訊室統一登記列管，不得私自安裝。"),
    ("三、網路使用規範", "同仁使用網路時應遵守資訊安全規定，不得下載來源不明之檔案或開啟可疑郵件附件。"),
]
MAINLAND_NOTICE = [
    ("一、证件遗失补办", "护照遗失者，应携带户口簿及近期照片，到出入境管理部门申请补办，并说明遗失经过。"),
    ("二、设备采购", "各部门采购办公设备须经审批，取得合法发票，由后勤处统一登记，不得私自采购。"),
    ("三、安全管理", "员工应遵守安全规定，不得擅自带领外来人员进入办公区域，下载影片须经批准。"),
]


def _docx(path, title, sections) -> None:
    import docx

    document = docx.Document()
    document.add_heading(title, level=0)
    for head, body in sections:
        document.add_heading(head, level=1)
        document.add_paragraph(body)
    document.save(str(path))


@pytest.fixture(scope="module")
def regional_searcher(tmp_path_factory, use_embedder):
    docs = tmp_path_factory.mktemp("regional_docs")
    _docx(docs / "taiwan_rules.docx", "資訊室作業要點", TAIWAN_RULES)
    _docx(docs / "mainland_notice.docx", "办公室管理通知", MAINLAND_NOTICE)
    index = tmp_path_factory.mktemp("regional_index")
    build_index([docs], index, embedder=use_embedder, progress=False)
    return Searcher(index, embedder=use_embedder)


@pytest.mark.parametrize(
    ("question", "section"),
    [("身份证遗失怎样申请", "身分證"), ("软件采购要登记吗", "軟體"), ("使用网络要遵守什么规定", "網路")],
)
def test_a_mainland_question_finds_the_taiwan_passage_by_its_regional_word(regional_searcher, question, section):
    hits = regional_searcher.search(question, k=3, mode="keyword", show_weak=True)
    assert hits and hits[0].doc_id == "taiwan_rules.docx", [h.citation for h in hits]
    assert section in " › ".join(hits[0].section_path)
    assert section in hits[0].text  # shown as the document writes it


def test_a_word_both_regions_write_alike_still_finds_the_mainland_passage(regional_searcher):
    """Negative: the Taiwan phrase tables would read 影片 as 视频; a mainland passage's 影片 is kept (no fold on
    simplified text), so the question that names it finds it."""
    hits = regional_searcher.search("下载影片需要批准吗", k=3, mode="keyword", show_weak=True)
    assert hits and hits[0].doc_id == "mainland_notice.docx" and "影片" in hits[0].text


def test_regional_words_are_added_to_traditional_text_only():
    from qa.words import content_tokens, regional_words

    taiwan = "遺失國民身分證者應申請補發，電腦軟體應取得授權。"
    added = regional_words(taiwan, content_tokens(taiwan))
    assert {"身份证", "软件"} <= set(added)
    mainland = "下载影片须经批准，资料由网络中心保管。"
    assert regional_words(mainland, content_tokens(mainland)) == []


def test_a_simplified_passage_quoting_a_traditional_name_keeps_its_own_words():
    """Negative: one clause naming '國立臺灣大學' does not put the rest of a simplified passage through the Taiwan
    phrase tables (its '时间序列' would have gained '串行')."""
    from qa.words import content_tokens, regional_words

    text = "本文介绍时间序列模型的训练方法，数据来自國立臺灣大學的公开资料，视频和软件均开源。"
    assert "串行" not in regional_words(text, content_tokens(text))
