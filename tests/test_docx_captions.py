"""Bold captions and bold phrases at the body's size in a Word file with no heading styles do not outrank the
numbered chapters beside them.

A report typed without heading styles numbers its chapters ('一、总体情况') and sets its table and figure captions
('表1 主要经济指标') bold at the body's size. A caption is a label of the table or figure, never a section: read
as a heading it filed the chapters after it under itself, and every answer from them was cited to '表1'.
"""

from __future__ import annotations

from pathlib import Path

from qa.loading import load_file
from qa.structure import recover_outline

BODY = "这是一段用于测试的正文内容，说明了项目的背景、目标和实施的基本情况，并且足够长以便换行到第二行。"


def _sections(path: Path) -> dict[tuple[str, ...], list[str]]:
    outline = recover_outline(load_file(path))
    return {s.path: [outline.paragraphs[i].text for i in s.paragraphs] for s in outline.sections}


def _line(d, text: str, size: float, bold: bool = False) -> None:  # noqa: ANN001 - python-docx Document
    from docx.shared import Pt

    run = d.add_paragraph().add_run(text)
    run.bold = bold or None
    run.font.size = Pt(size)


def test_bold_captions_are_not_sections_and_do_not_hold_the_chapters(tmp_path):
    import docx

    d = docx.Document()
    _line(d, "经济运行情况报告", 18, True)
    _line(d, BODY, 12)
    _line(d, "一、总体情况", 12, True)
    _line(d, BODY, 12)
    _line(d, "表1 主要经济指标", 12, True)
    table = d.add_table(rows=2, cols=2)
    for (r, c), text in {(0, 0): "指标", (0, 1): "数值", (1, 0): "生产总值", (1, 1): "100"}.items():
        table.cell(r, c).text = text
    _line(d, "数据来源：统计局。", 12)
    _line(d, "二、分项情况", 12, True)
    _line(d, BODY, 12)
    _line(d, "图1 增长趋势", 12, True)
    _line(d, "从图中可以看出，增长趋势明显。", 12)
    _line(d, "三、下一步工作", 12, True)
    _line(d, BODY, 12)
    d.save(str(tmp_path / "report.docx"))
    sections = _sections(tmp_path / "report.docx")
    paths = list(sections)
    assert not any("表1" in part or "图1" in part for path in paths for part in path)
    chapters = {path[-1]: path for path in paths if path and path[-1][:2] in ("一、", "二、", "三、")}
    assert set(chapters) == {"一、总体情况", "二、分项情况", "三、下一步工作"}
    assert len({len(path) for path in chapters.values()}) == 1  # siblings: none filed under another line
    assert "表1 主要经济指标" in sections[chapters["一、总体情况"]]
    assert "从图中可以看出，增长趋势明显。" in sections[chapters["二、分项情况"]]


def test_a_bold_phrase_at_the_chapters_size_does_not_hold_the_chapters(tmp_path):
    # bold unnumbered lines at the numbered chapters' size head text, but rank below the numbered chapters
    import docx

    d = docx.Document()
    _line(d, "一、工作回顾", 12, True)
    _line(d, BODY, 12)
    _line(d, "重点任务", 12, True)
    _line(d, BODY, 12)
    _line(d, "二、存在问题", 12, True)
    _line(d, BODY, 12)
    _line(d, "保障措施", 12, True)
    _line(d, BODY, 12)
    _line(d, "三、明年计划", 12, True)
    _line(d, BODY, 12)
    d.save(str(tmp_path / "plan.docx"))
    paths = list(_sections(tmp_path / "plan.docx"))
    chapters = [path for path in paths if path and path[-1][:2] in ("一、", "二、", "三、")]
    assert [path[-1] for path in chapters] == ["一、工作回顾", "二、存在问题", "三、明年计划"]
    assert all(len(path) == 1 for path in chapters), chapters
    assert ("二、存在问题", "保障措施") in paths or ("二、存在问题",) in paths
