"""The answering line is marked, not the heading-like line or table title that names its topic, and a
hit whose own lines answer is not dropped as a repeat of a higher hit (pages without marked headings).

Real pages indexed for real with the bundled model: a WeChat-style article whose section titles are
plain paragraphs ('01' / '家里怎样防滑'), and an Excel-saved HTML table.
"""

from __future__ import annotations

import docx
import pytest

from qa.build import build_index
from qa.highlight import highlight_spans, label_spans
from qa.search import Searcher
from qa.sentences import sentence_spans

ARTICLE_LINES = [
    "社区健康 市第二人民医院 2026-01-12 19:00",
    "天气转冷，老年人跌倒的风险明显增加。今天，老年科主任医师陈建国为大家讲讲冬季老人防跌倒的要点。",
    "01",
    "为什么老人冬天容易摔倒",
    "冬季衣物厚重，关节活动不灵活；加上室外路面结冰，老人反应变慢，一旦失去平衡就很难站稳。",
    "提个醒：摔倒后不要急着爬起来，先判断有没有骨折。",
    "02",
    "家里怎样防滑",
    "1. 卫生间铺上防滑垫，淋浴区安装扶手，扶手高度在八十厘米左右。",
    "2. 夜间起床时床边要有小夜灯，灯光亮度以看清地面为准。",
    "3. 常用物品放在伸手可及的地方，避免踩凳子登高取物。",
    "03",
    "摔倒后出现这些情况要马上送医",
    "老人摔倒后髋部疼痛不能站立、头部着地后呕吐、意识模糊或者说话含糊不清，都需要立即拨打急救电话送往医院。",
    "陈建国，主任医师，从事老年医学临床工作三十余年，擅长老年综合评估与跌倒预防。",
    "本文仅供科普参考，不能代替医生面诊。",
]

TABLE = """<html><head><meta charset="utf-8"><title>门店客流量</title></head><body>
<table>
<tr><td colspan="5">2025年各门店客流量统计（单位：万人次）</td></tr>
<tr><td>大区</td><td>门店</td><td>2025年</td><td>2024年</td><td>同比增长</td></tr>
<tr><td>华北</td><td>天津</td><td>86.4</td><td>80.1</td><td>7.9%</td></tr>
<tr><td>华北</td><td>石家庄</td><td>52.3</td><td>55.0</td><td>-4.9%</td></tr>
<tr><td>西北</td><td>兰州</td><td>41.7</td><td>36.2</td><td>15.2%</td></tr>
<tr><td>西北</td><td>银川</td><td>29.8</td><td>27.5</td><td>8.4%</td></tr>
<tr><td>合计</td><td></td><td>210.2</td><td>198.8</td><td>5.7%</td></tr>
</table></body></html>
"""

# A FAQ written as paragraphs, each question before its answer (as notices and service pages keep them).
FAQ_LINES = [
    "问：居住证怎么办理？",
    "答：本人携带身份证和租房合同到社区警务室申请，十五个工作日内领取。",
    "问：居住证有效期是多久？",
    "答：自签发之日起一年，期满前三十日内到原受理点续签。",
    "问：外地老人随子女居住能申请吗？",
    "答：可以，由子女出具共同居住证明，老人本人到场采集照片。",
]


@pytest.fixture(scope="module")
def searcher(tmp_path_factory, use_embedder):
    docs = tmp_path_factory.mktemp("label_docs")
    body = "".join(f"<p>{line}</p>" for line in ARTICLE_LINES)
    (docs / "falls_article.html").write_text(
        f"<html><head><meta charset='utf-8'><title>冬季老人防跌倒</title></head><body><h1>冬季老人防跌倒，"
        f"老年科主任教你3招</h1>{body}</body></html>",
        encoding="utf-8",
    )
    (docs / "store_visits.html").write_text(TABLE, encoding="utf-8")
    faq = docx.Document()
    faq.add_heading("居住证办理常见问题", level=1)
    for line in FAQ_LINES:
        faq.add_paragraph(line)
    faq.save(docs / "residence_faq.docx")
    index = tmp_path_factory.mktemp("label_index")
    build_index([docs], index, embedder=use_embedder, progress=False)
    return Searcher(index, embedder=use_embedder)


def marked(hit) -> str:
    start, end = hit.highlights[0]
    return hit.text[start:end]


@pytest.mark.parametrize("mode", ["hybrid", "keyword"])
def test_a_table_question_marks_the_row_not_the_title_or_the_column_names(searcher, mode):
    hit = searcher.search("兰州2025年客流量是多少", k=1, mode=mode, doc="store_visits.html")[0]
    assert "统计" in hit.text and "41.7" in hit.text  # title and row are in the passage
    assert "兰州" in marked(hit) and "41.7" in marked(hit)


@pytest.mark.parametrize("mode", ["hybrid", "keyword"])
def test_the_line_under_a_plain_paragraph_heading_is_marked_not_the_heading(searcher, mode):
    hits = searcher.search("老人冬天家里扶手装多高", k=3, mode=mode, doc="falls_article.html")
    assert hits and any("扶手高度" in h.text for h in hits)
    hit = next(h for h in hits if "扶手高度" in h.text)
    assert "扶手高度" in marked(hit), marked(hit)


def test_a_hit_whose_own_lines_answer_is_not_dropped_as_a_repeat(searcher):
    question = "老人摔倒后什么情况要马上送医"
    answer = "髋部疼痛不能站立"
    hits = searcher.search(question, k=10, doc="falls_article.html", show_weak=True)
    assert any(answer in h.text for h in hits), [h.citation for h in hits]
    assert any(answer in marked(h) for h in hits), [marked(h) for h in hits]


def test_labels_are_short_unpunctuated_lines_and_a_tables_first_row():
    text = "家里怎样防滑\n1. 卫生间铺上防滑垫。\n电话：0931-8123456\n大区 | 门店 | 2025年\n华北 | 天津 | 86.4"
    spans = sentence_spans(text)
    found = {text[a:b].strip(): is_label for (a, b), is_label in zip(spans, label_spans(text, spans), strict=True)}
    assert found["家里怎样防滑"] and found["大区 | 门店 | 2025年"]
    assert not found["卫生间铺上防滑垫。"] and not found["电话：0931-8123456"] and not found["华北 | 天津 | 86.4"]
    # A label alone, or the only line the question's words are in, is still marked.
    assert highlight_spans("怎样防滑", "家里怎样防滑\n冬季路面湿滑") == [(0, 6)]


@pytest.mark.parametrize("mode", ["hybrid", "keyword"])
def test_a_faq_hit_marks_the_answer_not_the_question_it_repeats(searcher, mode):
    for question, answer in [("居住证怎么办理", "社区警务室"), ("居住证的有效期是多久", "期满前三十日")]:
        hits = searcher.search(question, k=3, mode=mode, doc="residence_faq.docx")
        hit = next(h for h in hits if answer in h.text)
        assert answer in marked(hit), marked(hit)


def test_a_question_in_the_text_hands_the_mark_to_what_follows_it():
    faq = "Q: How do I reset my password?\nA: Open Settings and press Reset.\nQ: Can I change my username?\nA: No."
    assert [faq[a:b] for a, b in highlight_spans("can I change the username", faq)] == ["A: No."]
    prose = "为什么老人冬天容易摔倒？因为衣物厚重，关节活动不灵活。"
    marks = [prose[a:b] for a, b in highlight_spans("老人冬天为什么容易摔倒", prose)]
    assert marks == ["因为衣物厚重，关节活动不灵活。"]
    # Negatives: a question last in the passage stays marked (its answer is in the next chunk), and a
    # statement is marked as before.
    cut = "居住证须本人申请。\n问：居住证怎么办理？"
    assert [cut[a:b] for a, b in highlight_spans("居住证怎么办理", cut)] == ["问：居住证怎么办理？"]
    plain = "居住证由公安机关签发。有效期一年。"
    assert [plain[a:b] for a, b in highlight_spans("居住证由谁签发", plain)] == ["居住证由公安机关签发。"]


def test_the_mark_stays_where_no_answer_follows_a_question():
    # 'Q3：' is a quarter, not a FAQ's question; a quiz's questions have no answer after them; filler after a
    # question gives way to the sentence that answers.
    report = "Q2：第二季度营收同比增长9%。Q3：第三季度营收同比增长15%。全年目标有望完成。"
    marks = [report[a:b] for a, b in highlight_spans("第三季度营收增长多少", report)]
    assert marks == ["Q3：第三季度营收同比增长15%。"]
    quiz = "1.火灾时应该拨打什么电话？2.地震时应该躲在哪里？3.溺水时怎么办？以上问题请在下课前提交。"
    assert [quiz[a:b] for a, b in highlight_spans("火灾时应该拨打什么电话", quiz)] == ["1.火灾时应该拨打什么电话？"]
    filler = "什么是光合作用？这是生物课的核心问题。光合作用是植物利用光能把二氧化碳和水合成有机物的过程。"
    marks = [filler[a:b] for a, b in highlight_spans("什么是光合作用", filler)]
    assert marks == ["光合作用是植物利用光能把二氧化碳和水合成有机物的过程。"]
