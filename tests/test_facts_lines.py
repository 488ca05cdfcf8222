"""A run of facts typed one a line ('时间：…⏎地点：…⏎主持人：…') is a line each in plain text.

Under a meeting's title the lines were run together by width ('时间：2026年3月5日上午9:00 地点：市政府三楼第一会议室')
and the rest glued on as a sentence broken off ('…第一会议室' + '主持人：王副市长'): the place and the chair cited as
one fact. Negative: a fact whose value wraps onto the next line (after '、', or a line that is no fact) stays one
paragraph.
"""

from __future__ import annotations

from pathlib import Path

from qa.loading import load_file
from qa.structure import recover_outline

BODY = (
    "\n\n一、会议议定事项\n\n会议听取了市城管局关于城市精细化管理工作的汇报，各地各部门要切实提高政治站位。"
    "\n\n二、下一步工作\n\n会议要求各单位按照职责分工抓好落实，确保各项措施落地见效。"
    "\n\n三、其他事项\n\n会议还研究了其他事项，各地各部门要切实提高政治站位。\n"
)


def _outline(tmp_path: Path, head: str):
    path = tmp_path / "minutes.txt"
    path.write_text(head + BODY, encoding="utf-8")
    return recover_outline(load_file(path))


def _shown(outline) -> list[str]:
    """What a reader is shown: paragraphs, a paragraph glued to the one before joined onto it."""
    shown: list[str] = []
    for section in outline.sections:
        for i, join in zip(section.paragraphs, section.joins, strict=True):
            text = outline.paragraphs[i].text
            if join and shown:
                shown[-1] += text
            else:
                shown.append(text)
    return shown


def test_facts_one_a_line_stay_apart(tmp_path):
    head = "市城市管理工作专题会议纪要\n时间：2026年3月5日上午9:00\n地点：市政府三楼第一会议室\n主持人：王副市长\n" + (
        "参会人员：市城管局、市住建局、市交通局负责同志"
    )
    shown = _shown(_outline(tmp_path, head))
    for fact in ["时间：2026年3月5日上午9:00", "地点：市政府三楼第一会议室", "主持人：王副市长"]:
        assert fact in shown, shown


def test_a_fact_wrapped_onto_the_next_line_stays_one(tmp_path):
    head = (
        "市城市管理工作专题会议纪要\n\n时间：2026年3月5日上午9:00\n"
        "参会人员：市城管局、市住建局、市交通局、市生态环境局、\n市水务局、市公安局交警支队负责同志"
    )
    shown = _shown(_outline(tmp_path, head))
    assert "参会人员：市城管局、市住建局、市交通局、市生态环境局、\n市水务局、市公安局交警支队负责同志" in shown, shown
