"""Relevance on a small index of everyday documents: a right answer to a short question is not
"no good passage found", and a question the documents do not answer still is.

The relevance model was once fitted on CMRC's Wikipedia paragraphs only (long crowd-written questions,
~2,400 chunks); on a handful of regulations and notices it called most right answers weak
(``benchmarks/relevance.py`` prints the calibration by document family).
"""

from __future__ import annotations

import pytest

from qa.build import build_index
from qa.calibration import NO_ANSWER_BELOW
from qa.search import Searcher

RULES = """单位车辆使用管理规定

第一章　总则

第一条　为规范公务车辆使用，降低运行成本，制定本规定。

第二条　本规定适用于本单位所有公务车辆及驾驶人员。

第二章　用车管理

第三条　因公用车须提前一个工作日填写用车申请单，经部门负责人签字后交车队调度。

第四条　车辆每行驶五千公里进行一次保养，保养记录由车队统一存档。

第五条　驾驶人员连续驾驶不得超过四小时，中途休息不少于二十分钟。

第三章　事故处理

第六条　车辆发生交通事故后，驾驶人员应当在三十分钟内向车队队长报告，并保护好现场。

第七条　本规定自2026年3月1日起施行。
"""

NOTICE = """# 关于做好春节期间值班工作的通知

## 一、值班安排

春节期间实行二十四小时值班制度，每班由一名处级干部带班。

## 二、信息报送

值班人员每天下午五点前报送当日值班情况，遇有紧急情况随时报告。

## 三、联系方式

总值班室电话：010-65123478，传真：010-65123479。
"""

HANDBOOK = """<html><head><meta charset="utf-8"><title>员工手册</title></head><body>
<h1>员工手册</h1>
<h2>考勤</h2><p>公司实行弹性工作制，核心工作时间为上午十点至下午四点。</p>
<h2>休假</h2><p>员工入职满一年后每年享有带薪年假五天，满十年享有十天。</p>
<h2>报销</h2><p>差旅费报销须在出差结束后十五个工作日内提交，逾期不予受理。</p>
</body></html>
"""

ANSWERED = [
    ("车辆多少公里保养一次", "五千公里"),
    ("发生交通事故多长时间内报告", "三十分钟内"),
    ("连续驾驶最多几小时", "四小时"),
    ("总值班室电话是多少", "010-65123478"),
    ("年假有几天", "带薪年假五天"),
    ("差旅费报销期限是多久", "十五个工作日"),
]
UNANSWERED = ["北京明天的天气怎么样？", "量子计算机的原理是什么？", "How do I bake sourdough bread?"]


@pytest.fixture(scope="module")
def searcher(tmp_path_factory, use_embedder):
    docs = tmp_path_factory.mktemp("small_docs")
    (docs / "vehicle_rules.txt").write_text(RULES, encoding="utf-8")
    (docs / "duty_notice.md").write_text(NOTICE, encoding="utf-8")
    (docs / "handbook.html").write_text(HANDBOOK, encoding="utf-8")
    index = tmp_path_factory.mktemp("small_index")
    build_index([docs], index, embedder=use_embedder, progress=False)
    return Searcher(index, embedder=use_embedder)


def test_right_answers_to_short_questions_are_not_called_weak(searcher):
    right, confident = 0, []
    for question, answer in ANSWERED:
        top = searcher.search(question, k=1)[0]
        if answer in top.text:
            right += 1
            confident.append(top.score >= NO_ANSWER_BELOW)
    assert right >= len(ANSWERED) - 1, "the documents answer these; the ranking finds them"
    assert sum(confident) >= len(confident) - 1, f"right top hits called weak: {confident}"


@pytest.mark.parametrize("question", UNANSWERED)
def test_questions_the_documents_do_not_answer_still_get_no_good_passage(searcher, question):
    assert searcher.search(question, k=3, show_weak=False) == []
