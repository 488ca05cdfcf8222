"""A table of contents and front matter ('目录', '前言') sit beside a document's numbered chapters, not above them.

Read as an unnumbered heading, '前言' or '目录' before '第一章' opened a level every chapter was then filed under
('报告 › 目录 › 第一章 …'), and a contents list's entries ('第一章 现状分析 ........ 1') were read as headings, the
real chapters nested under them. Plain-text files, read by the real loader and structure stage.
"""

from __future__ import annotations

import pytest

from qa.loading import load_paths
from qa.structure import recover_outline

CHAPTERS = """第一章 现状分析

老城区建筑平均房龄超过三十年，基础设施老化严重，公共空间不足。

第二章 规划目标

到2030年完成全部老旧小区改造，人均公园绿地面积达到十五平方米。

第三章 实施路径

采取政府引导、市场运作、居民参与的方式，分三期推进。
"""
INTRO = "本报告共分三章，分别论述现状、目标与路径。"
LEADERS = "第一章 现状分析 ........ 1\n第二章 规划目标 ........ 5\n第三章 实施路径 ........ 9"


@pytest.mark.parametrize(
    ("front", "body"),
    [
        ("前言", INTRO),
        ("目录", INTRO),
        ("目  录", LEADERS),  # the entries set one per line: one paragraph of three lines
        ("目录", LEADERS.replace("\n", "\n\n")),  # each entry a paragraph of its own
        ("目录", "第一章 现状分析 1\n第二章 规划目标 5\n第三章 实施路径 9"),  # no leaders
    ],
)
def test_chapters_after_front_matter_are_its_siblings(tmp_path, front, body) -> None:
    (tmp_path / "report.txt").write_text(f"城市更新规划研究报告\n\n{front}\n\n{body}\n\n{CHAPTERS}", encoding="utf-8")
    outline = recover_outline(load_paths([tmp_path]).documents[0])
    where = {i: s.path for s in outline.sections for i in s.paragraphs}
    for start, chapter in (
        ("老城区", "第一章 现状分析"),
        ("到2030年", "第二章 规划目标"),
        ("采取政府", "第三章 实施路径"),
    ):
        (para,) = [p for p in outline.paragraphs if p.text.startswith(start)]
        assert where[para.index] == ("城市更新规划研究报告", chapter)
    front_text = [p for p in outline.paragraphs if p.text.startswith(body[:6])]
    assert front_text and where[front_text[0].index][-1].replace(" ", "") == front.replace(" ", "")  # stays under it


def test_a_decimal_subsection_under_an_unnumbered_introduction_is_its_own(tmp_path) -> None:
    """'1.1 研究背景' right under '引言' says chapter 1 is open: the introduction's own subsection; '2 方法' is
    its sibling."""
    text = "报告\n\n引言\n\n本文研究交通问题。\n\n1.1 研究背景\n\n城市化进程加快。\n\n2 方法\n\n我们使用浮动车数据。\n"
    (tmp_path / "paper.txt").write_text(text, encoding="utf-8")
    outline = recover_outline(load_paths([tmp_path]).documents[0])
    where = {outline.paragraphs[i].text: s.path for s in outline.sections for i in s.paragraphs}
    assert where["城市化进程加快。"] == ("报告", "引言", "1.1 研究背景")
    assert where["我们使用浮动车数据。"] == ("报告", "2 方法")
