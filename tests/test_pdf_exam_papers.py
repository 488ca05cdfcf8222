"""Exam papers (试卷) as teachers make them: each question under its part, options not glued to the next question.

- A question typed in Word ('2．标志着中国近代史开端的历史事件是（　　）') is a numbered one-line paragraph like a
  notice's '1．' point: read as a heading, each question became a section and its part lost its questions.
- Options set two quads apart by LaTeX ('A．分封制\\qquad B．…\\qquad D．三省六部制') leave white under the last
  option where the next question's stem is shorter: the reader took it for a gutter, read 'D．三省六部制' as a column
  after the next stem, and glued the next question to it ('D．三省六部制2．标志着…').
- A part head with its scoring note ('一、选择题（本大题共5小题，每小题4分，共20分。在每小题…）'), long enough to wrap,
  was read as a sentence of text: every question fell under the paper's title.

Papers written by LibreOffice (from python-docx) and XeLaTeX (ctexart), read by the real reader and structure stage.
"""

from __future__ import annotations

import shutil

import pytest

from qa.loading import load_file
from qa.structure import recover_outline
from tests import ordinary_pdfs as op

# Four parts (a paper numbers its parts as a document numbers its sections), scoring notes long enough to wrap.
PAPER = {
    "title": ["2025—2026学年第一学期期末考试", "高一化学试卷"],
    "note": "（考试时间：90分钟　满分：100分）",
    "parts": [
        (
            "一、选择题（本大题共3小题，每小题5分，共15分。在每小题给出的四个选项中，只有一项是符合题目要求的）",
            [
                ("下列物质属于纯净物的是", ["空气", "蒸馏水", "石灰石", "食盐水溶液和糖水"]),
                ("下列变化属于化学变化的是", ["冰雪融化", "酒精挥发", "铁钉生锈", "玻璃破碎"]),
                ("地壳中含量最多的元素是", ["氧", "硅", "铝", "铁"]),
            ],
        ),
        ("二、填空题（本大题共2小题，每小题10分，共20分）", [("写出实验室制取氧气的化学方程式。", [])]),
        ("三、实验题（本大题共1小题，共25分）", [("设计实验证明二氧化碳能与水反应。", [])]),
        ("四、计算题（本大题共1小题，共40分）", [("计算十克碳酸钙完全分解生成二氧化碳的质量。", [])]),
    ],
}


def _paragraph_sections(pdf) -> list[tuple[str, tuple[str, ...]]]:  # noqa: ANN001 - a Path
    outline = recover_outline(load_file(pdf))
    out = []
    for s in outline.sections:
        out += [(outline.paragraphs[i].text.replace(" ", ""), tuple(s.path)) for i in s.paragraphs]
    return out


def _check(paper: dict, pdf) -> None:  # noqa: ANN001 - a Path
    paragraphs = _paragraph_sections(pdf)
    n = 0
    for part, questions in paper["parts"]:
        title = part.split("（")[0].replace(" ", "")
        for stem, options in questions:
            n += 1
            opening = f"{n}．{stem[:6]}"
            found = [(t, path) for t, path in paragraphs if t.startswith(opening)]
            assert found, f"question {n} opens no paragraph: {[t[:20] for t, _ in paragraphs]}"
            text, path = found[0]
            assert path and path[-1].replace(" ", "").startswith(title), (opening, path)
            assert not any(o in text for o in options), f"question {n} holds options: {text}"
            # the options stay with their question: under its part, none running into the next question
            for option in options:
                holder = next(t for t, p in paragraphs if f"．{option}" in t and p == path)
                assert f"{n + 1}．" not in holder, holder


@pytest.mark.skipif(not (shutil.which("soffice") or shutil.which("libreoffice")), reason="LibreOffice not installed")
def test_questions_typed_in_word_stay_under_their_part(tmp_path) -> None:
    _check(op.EXAMS[0], op.exam_docx(op.EXAMS[0], tmp_path / "paper.pdf").pdf)


@pytest.mark.skipif(shutil.which("xelatex") is None, reason="XeLaTeX not installed")
def test_options_set_quads_apart_do_not_glue_to_the_next_question(tmp_path) -> None:
    _check(PAPER, op.exam_ctexart(PAPER, tmp_path / "paper.pdf").pdf)
