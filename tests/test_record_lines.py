"""A chat export or a log writes one record a line: each line is a paragraph of its own.

Messages seldom end in a full stop ('收到', 'ok'), so the width rule (a line as long as the block's widest runs on)
had glued five messages into one paragraph, and a hit's mark covered all of them.
"""

from __future__ import annotations

from pathlib import Path

from qa.build import build_index
from qa.paragraphs import split_paragraphs
from qa.records import Document
from qa.search import Searcher
from qa.structure import recover_outline

CHAT = [
    "[2024-04-01 09:15] 张伟: 大家好，今天的站会改到十点半",
    "[2024-04-01 09:16] 李娜: 收到",
    "[2024-04-01 09:20] 王强: 服务器迁移的事情谁负责？",
    "[2024-04-01 09:21] 张伟: 赵磊负责服务器迁移，周三之前完成",
    "[2024-04-01 10:45] 李娜: 客户要求把交付日期推迟到五月十五日",
    "[2024-04-02 14:05] 赵磊: 迁移已完成百分之六十",
]
LOG = [
    "2024-04-01T09:15:03Z INFO scheduler started with 4 workers and a queue of 128 jobs",
    "2024-04-01T09:15:04Z WARN disk",
    "2024-04-01T09:15:09Z ERROR job 17 failed: connection to the database refused by the server",
]


def _paragraphs(lines: list[str]) -> list[str]:
    text = "\n".join(lines) + "\n"
    return [p.text for p in split_paragraphs(Document("a.txt", Path("a.txt"), text, "", "utf-8"))]


def test_each_chat_message_or_log_record_is_a_paragraph_of_text() -> None:
    for lines in (CHAT, LOG):
        assert _paragraphs(lines) == lines
        text = "\n".join(lines) + "\n"
        outline = recover_outline(Document("a.txt", Path("a.txt"), text, "", "utf-8"))
        assert set(outline.roles.values()) == {"body"}, outline.roles  # no record read as a heading
        assert [s.joins for s in outline.sections] == [[False] * len(lines)]  # nor glued to the next


def test_hard_wrapped_prose_still_runs_on() -> None:
    # Negative: a wrapped paragraph whose next line happens to open with a label, the line before not.
    wrapped = [
        "根据市政府工作安排，各区县要在本月底前完成辖区内老旧小区的",
        "摸底：摸清楼栋数量、住户人数和加装电梯的意愿。",
    ]
    english = [
        "The scheduler starts four workers when the service comes up at",
        "09:15 and restarts one when it stops.",
    ]
    for lines in (wrapped, english):
        assert _paragraphs(lines) == ["\n".join(lines)]


def test_a_chat_hit_marks_the_one_message_that_answers(tmp_path: Path, use_embedder) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "group_chat.txt").write_text("\n".join(CHAT) + "\n", encoding="utf-8")
    build_index([docs], tmp_path / "index", embedder=use_embedder, progress=False)
    hit = Searcher(tmp_path / "index", embedder=use_embedder).search("谁负责服务器迁移", k=1)[0]
    start, end = hit.highlights[0]
    assert hit.text[start:end].strip() == CHAT[3]


def test_a_time_opening_a_report_or_an_agenda_is_no_record() -> None:
    # A live report's '10:30，…' cut by a page continues after it; an agenda's '09:00 开幕式' heads its item.
    report = "市区迎来强降雨\n\n10:30，记者来到城东立交桥下，看到交警正在现场疏导\n\n交通，消防人员用抽水泵排水。\n"
    outline = recover_outline(Document("r.txt", Path("r.txt"), report, "", "utf-8"))
    assert outline.sections[0].joins == [False, True]
    agenda = "大会议程\n\n09:00 开幕式\n\n市领导致辞，与会嘉宾合影留念。\n\n10:00 主旨演讲\n\n三位院士作主旨演讲。\n"
    outline = recover_outline(Document("a.txt", Path("a.txt"), agenda, "", "utf-8"))
    assert [s.path[-1] for s in outline.sections] == ["09:00 开幕式", "10:00 主旨演讲"]
