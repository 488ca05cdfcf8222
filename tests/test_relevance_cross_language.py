"""A Chinese question over an English handbook: its right answer is shown, not "no good passage found".

Neither word signal can vouch for a passage in another script than the question, so the relevance model read
such an answer as weak (relevance ~0.2 whatever the question). It now also reads how far the passage's script
differs from the question's and whether the question is about what the corpus is about at all
(``qa.calibration.C_MISMATCH``, ``C_MISMATCH_TOPIC``): a question about something else altogether is still
"no good passage found", in either language.
"""

from __future__ import annotations

import pytest

from qa.build import build_index
from qa.cross_language import script_mismatch
from qa.fusion import cjk_share
from qa.search import Searcher

HANDBOOK = """# Riverside Office Handbook

## Parking

Staff park in the basement car park. The deposit for a parking permit is RMB 300, refunded when the permit is returned.

## Canteen

The canteen is open from 7:00 to 19:00 on weekdays. Lunch is served from 11:30 to 13:30.

## IT support

The IT Service Desk can be reached at 021-66881234 during office hours. Lost laptops are reported to the IT Service
Desk at once.

## Meeting rooms

Meeting rooms are booked through the intranet. The large meeting room holds at most 40 people.

## Visitors

Visitors sign in at reception and wear a visitor badge at all times.
"""


@pytest.fixture(scope="module")
def handbook(tmp_path_factory, use_embedder) -> Searcher:
    folder = tmp_path_factory.mktemp("handbook")
    (folder / "handbook.md").write_text(HANDBOOK, encoding="utf-8")
    index = tmp_path_factory.mktemp("index") / "handbook"
    build_index([folder], index, embedder=use_embedder, progress=False)
    return Searcher(index, embedder=use_embedder)


@pytest.mark.parametrize(
    ("question", "answer"), [("食堂几点开门", "7:00 to 19:00"), ("大会议室能容纳多少人", "40 people")]
)
def test_a_chinese_question_over_english_text_gets_its_answer_not_a_weak_verdict(
    handbook: Searcher, question: str, answer: str
):
    hits = handbook.search(question, k=1, show_weak=False)  # weak hits hidden, as `qa search` shows them
    assert hits and answer in hits[0].text, (question, hits)
    assert not hits[0].weak


@pytest.mark.parametrize("question", ["北京的天气怎么样", "如何做红烧肉", "What is the capital of France?"])
def test_an_unrelated_question_is_still_no_good_passage(handbook: Searcher, question: str):
    assert handbook.search(question, k=1, show_weak=False) == [], question
    assert handbook.search(question, k=1, show_weak=True)[0].weak


def test_script_mismatch_counts_another_script_only():
    texts = [
        "The deposit for a parking permit is RMB 300.",
        "停车证押金为人民币300元。",
        "停车证押金为人民币300元。The deposit for a parking permit is RMB 300.",
    ]
    chinese = script_mismatch(cjk_share("停车证押金是多少"), texts)
    english = script_mismatch(cjk_share("How much is the parking permit deposit?"), texts)
    assert chinese[0] == 1.0 and chinese[1] == 0.0 and chinese[2] < 0.5, chinese
    assert not english.any(), english  # an English question over Chinese text has evidence of its own
