"""English questions over a bilingual contract (each clause in Chinese, then in English), as people ask them.

A question's asking words ('how much', 'how long') and its inflections ('deposits') are not what it is
about: an index of a lease that states the deposit in both languages must answer 'How much is the
deposit?' (it said "no good passage found": 'much' counted as a word the passage lacks), and a plural
must find the singular the contract uses. Chinese questions over the same index keep their answers.
"""

from __future__ import annotations

import pytest

from qa.build import build_index
from qa.search import Searcher

CLAUSES = [
    (
        "第一条 租赁房屋",
        "甲方将位于上海市静安区的写字楼第十二层出租给乙方作办公使用。",
        "Party A leases the twelfth floor of its office building in Jing'an District, Shanghai, to Party B as offices.",
    ),
    (
        "第二条 租赁期限",
        "租赁期限为三年，自二〇二六年一月一日起至二〇二八年十二月三十一日止。",
        "The lease term is three years, from 1 January 2026 to 31 December 2028.",
    ),
    (
        "第三条 租金及押金",
        "月租金为人民币52000元。押金为两个月租金，即人民币104000元，租期届满后无息退还。",
        "The monthly rent is RMB 52,000. The deposit equals two months' rent, RMB 104,000, refunded without "
        "interest when the lease expires.",
    ),
    (
        "第四条 维修",
        "房屋主体结构的维修由甲方负责，室内设施的日常维修由乙方负责。",
        "Party A repairs the main structure of the premises; Party B maintains the fittings inside.",
    ),
    (
        "第五条 违约责任",
        "乙方逾期支付租金超过十五日的，甲方有权解除合同并没收押金。",
        "If Party B is more than fifteen days late in paying rent, Party A may terminate this contract "
        "and retain the deposit.",
    ),
    (
        "第六条 通知",
        "任何一方提前解除合同，应当提前六十日书面通知对方。",
        "Either party terminating early shall give the other sixty days' written notice.",
    ),
    (
        "第七条 争议解决",
        "因本合同发生的争议，提交上海仲裁委员会仲裁。",
        "Disputes arising from this contract are submitted to the Shanghai Arbitration Commission.",
    ),
]


@pytest.fixture(scope="module")
def lease(tmp_path_factory, use_embedder) -> Searcher:
    folder = tmp_path_factory.mktemp("lease")
    lines = ["# 房屋租赁合同 Premises Lease Contract", ""]
    for heading, chinese, english in CLAUSES:
        lines += [f"## {heading}", "", chinese, "", english, ""]
    (folder / "lease.md").write_text("\n".join(lines), encoding="utf-8")
    # The same contract as plain text and as an English-only copy: a deposit mentioned in many passages.
    text = ["房屋租赁合同", ""] + [f"{h}\n{c}\n{e}\n" for h, c, e in CLAUSES]
    (folder / "lease.txt").write_text("\n".join(text), encoding="utf-8")
    english = ["Premises Lease Contract", ""] + [f"Article {i + 1}\n{e}\n" for i, (_, _, e) in enumerate(CLAUSES)]
    (folder / "lease_en.txt").write_text("\n".join(english), encoding="utf-8")
    index = tmp_path_factory.mktemp("index") / "lease"
    build_index([folder], index, embedder=use_embedder, progress=False)
    return Searcher(index, embedder=use_embedder)


def _answer(searcher: Searcher, question: str, answer: str):
    """The first of the top three hits holding ``answer`` (failing when none does)."""
    hits = searcher.search(question, k=3, show_weak=True)
    found = [h for h in hits if answer in h.text]
    assert found, (question, [h.text for h in hits])
    return found[0]


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("How much is the deposit?", "104"),
        ("How long is the lease term?", "three years"),
        ("How many days' notice must a party give?", "sixty days"),
    ],
)
def test_english_asking_words_do_not_make_the_answer_weak(lease: Searcher, question: str, answer: str):
    hit = _answer(lease, question, answer)
    assert not hit.weak, (question, hit.score)


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("Who maintains the fitting?", "fittings inside"),
        ("What about the deposits?", "104,000"),
    ],
)
def test_another_form_of_a_word_finds_the_form_the_text_uses(lease: Searcher, question: str, answer: str):
    hit = _answer(lease, question, answer)
    assert not hit.weak, (question, hit.score, hit.breakdown)
    marked = " ".join(hit.text[a:b] for a, b in hit.highlights)
    assert answer in marked, (question, marked, hit.text)  # the sentence is marked, whatever form it uses


@pytest.mark.parametrize(("question", "answer"), [("押金是多少", "104000"), ("租赁期限多长", "三年")])
def test_chinese_questions_over_the_same_contract_keep_their_answers(lease: Searcher, question: str, answer: str):
    hits = lease.search(question, k=1)
    assert hits and answer in hits[0].text, (question, hits)


def test_the_highlight_marks_the_sentence_with_another_form_of_the_question_word():
    from qa.highlight import highlight_spans

    text = "The monthly rent is RMB 52,000, paid each quarter. The deposit equals two months' rent, RMB 104,000."
    for question in ("What about the deposits?", "When is the rent paid?"):
        spans = highlight_spans(question, text)
        marked = " ".join(text[a:b] for a, b in spans)
        want = "104,000" if "deposit" in question else "52,000"
        assert want in marked and ("104,000" in marked) == (want == "104,000"), (question, marked)
