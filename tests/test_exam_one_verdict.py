"""An exam paper is recognised once per document (``qa.structure.exams.reading``) and every rule asks that one
verdict: the layout's kinds (``exam_kinds``) and the cut-line test (``line_complete``); one answer-blank pattern
serves the plain-text and the Word readers (``exams.BLANK``, ``exams.ANSWER_BLANK``, ``qa.formats.docx``).
"""

from __future__ import annotations

import pytest

from qa.records import Paragraph
from qa.structure import exams

PAPER = [
    "一、选择题（本大题共3小题，每小题3分，共9分）",
    "1．下列估测最接近实际的是（　）",
    "A．一个鸡蛋的质量约为500g　B．人正常步行的速度约为1.1m/s",
    "2．关于声现象，下列说法正确的是（）",
    "A．声音在真空中传播速度最大　B．禁止鸣笛是在传播过程中减弱噪声",
    "3．光在真空中的传播速度为________",
]
NOTICE = ["一、工作目标", "二、主要措施", "A．加强宣传", "三、工作要求"]


def _paras(lines: list[str]) -> list[Paragraph]:
    return [Paragraph(i, t, i + 1, i + 1, 0, len(t)) for i, t in enumerate(lines)]


def test_a_paper_s_questions_are_text_and_its_parts_headings():
    paras = _paras(PAPER)
    kinds = ["body", "heading", "heading", "heading", "body", "heading"]
    with exams.reading(paras):
        assert exams.line_complete(PAPER[2])
        exams.exam_kinds(paras, kinds)
    assert kinds == ["heading", "body", "body", "body", "body", "body"]


def test_a_notice_with_a_lettered_line_is_no_paper():
    paras = _paras(NOTICE)
    kinds = ["heading", "heading", "heading", "heading"]
    with exams.reading(paras):
        assert not exams.line_complete(NOTICE[2])  # 'A．加强宣传' may go on below: no paper
        exams.exam_kinds(paras, kinds)
    assert kinds == ["heading"] * 4


def test_outside_a_reading_no_document_is_a_paper():
    paras = _paras(PAPER)
    kinds = ["body", "heading", "heading", "heading", "body", "heading"]
    exams.exam_kinds(paras, kinds)
    assert kinds == ["body", "heading", "heading", "heading", "body", "heading"]
    assert not exams.line_complete(PAPER[2])


@pytest.mark.parametrize(
    ("line", "closing", "anywhere"),
    [
        ("1．地球自转的方向是（　　）", True, True),
        ("2．下列说法正确的是（）", True, True),  # full-width brackets typed empty: a blank
        ("4．光在真空中的传播速度为________m/s。", False, True),  # a Word paper's blank inside the line
        ("安装后运行初始化脚本 python setup.py init()", False, False),  # ASCII brackets after a name: code
        ("3．构造函数 __init__ 的参数", False, False),  # a Python name, no rule to write on
    ],
)
def test_one_answer_blank_pattern(line: str, closing: bool, anywhere: bool):
    assert bool(exams.BLANK.search(line)) is closing
    assert bool(exams.ANSWER_BLANK.search(line)) is anywhere
