"""An exam paper typed in Word: bold part headings over numbered questions.

Teachers set '一、选择题（本大题共4小题，每小题5分，共20分）' in bold over questions '1．地球自转的方向是（　　）'
typed as body text. The note's commas made the part heading read as a sentence, and each unpunctuated numbered
question headed a section of its own (its options its text, the next part's heading filed under the last
question). A question is told by what a heading never has: an answer blank, its marks, or options after it.
"""

from __future__ import annotations

from pathlib import Path

from qa.loading import load_file
from qa.structure import recover_outline


def _sections(path: Path) -> dict[str, tuple[str, ...]]:
    """The section path of every paragraph, by the paragraph's text."""
    outline = recover_outline(load_file(path))
    return {outline.paragraphs[i].text: s.path for s in outline.sections for i in s.paragraphs}


def _paper(path: Path, title: str, parts: list[tuple[str, list[str]]]) -> None:
    import docx
    from docx.shared import Pt

    d = docx.Document()
    d.styles["Normal"].font.size = Pt(11)
    for line in ("2025—2026学年第一学期期末考试", title):
        run = d.add_paragraph().add_run(line)
        run.bold, run.font.size = True, Pt(16)
    d.add_paragraph("（考试时间：60分钟　满分：100分）")
    for head, questions in parts:
        d.add_paragraph().add_run(head).bold = True
        for question in questions:
            if "＿" in question:  # a fill-in blank: underlined full-width spaces, as Word users type it
                before, after = question.split("＿")
                para = d.add_paragraph(before)
                para.add_run("\u3000" * 6).underline = True
                para.add_run(after)
            else:
                d.add_paragraph(question)
    d.save(str(path))


def test_bold_parts_head_sections_and_questions_are_their_text(tmp_path: Path) -> None:
    path = tmp_path / "exam.docx"
    _paper(
        path,
        "高一地理试卷",
        [
            (
                "一、选择题（本大题共2小题，每小题5分，共10分）",
                [
                    "1．地球自转的方向是（\u3000\u3000）",
                    "A．自东向西\tB．自西向东\tC．顺时针\tD．逆时针",
                    "2．长江的发源地是（\u3000\u3000）",
                    "A．巴颜喀拉山\tB．唐古拉山\tC．昆仑山\tD．天山",
                ],
            ),
            ("二、填空题（本大题共2小题，每空5分，共10分）", ["3．我国的首都是＿，位于华北平原北部。"]),
            ("三、综合题（本大题共1小题，共30分）", ["4．（30分）简述季风气候对我国东部地区农业生产的影响。"]),
        ],
    )
    sections = _sections(path)
    fill_in = next(t for t in sections if t.startswith("3．我国的首都是"))
    assert sections[fill_in] == ("高一地理试卷", "二、填空题")
    assert sections["1．地球自转的方向是（ ）"] == ("高一地理试卷", "一、选择题")
    assert sections["A．巴颜喀拉山 B．唐古拉山 C．昆仑山 D．天山"] == ("高一地理试卷", "一、选择题")
    assert sections["4．（30分）简述季风气候对我国东部地区农业生产的影响。"] == ("高一地理试卷", "三、综合题")
    # the part's note is kept, as its first line of text
    assert sections["（本大题共2小题，每空5分，共10分）"] == ("高一地理试卷", "二、填空题")


def test_questions_without_blanks_are_told_by_their_options_and_marks(tmp_path: Path) -> None:
    path = tmp_path / "maths.docx"
    _paper(
        path,
        "高二数学试卷",
        [
            (
                "一、单项选择题（每题5分，共10分）",
                [
                    "1．函数 y=2x+1 的图像经过",
                    "A．第一、二、三象限\tB．第一、三、四象限",
                    "2．下列函数中为偶函数的是",
                    "A．y=x\tB．y=x²",
                ],
            ),
            ("二、解答题（共20分）", ["3．（10分）求函数 f(x)=x³-3x 的极值", "4．（10分）解不等式 x²-5x+6<0"]),
        ],
    )
    sections = _sections(path)
    assert sections["A．y=x B．y=x²"] == ("高二数学试卷", "一、单项选择题")
    assert sections["4．（10分）解不等式 x²-5x+6<0"] == ("高二数学试卷", "二、解答题（共20分）")
    assert not any(p and p[-1].startswith(("1．", "2．", "3．", "4．")) for p in sections.values())
