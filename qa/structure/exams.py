"""An exam paper typed as plain text: its parts head sections, its questions and options are their text.

A paper reads '第二部分　非选择题（共70分）⏎二、填空题（本大题共5小题，每空2分，共20分）⏎11．光在真空中的传播速度
为____m/s。'.
Read with a notice's rules, a question short of a sentence end ('1．下列估测最接近实际的是（　）') or a short row of
options ('A．冰雪消融　B．露珠形成') headed a section of its own, the next part was filed under that row of options, and
a part whose scoring note holds commas read as a sentence of text. A question is told by its words (its answer's
blank, or options after it), as the PDF reader tells it (``qa.formats.pdf.exams``); a part by its number and its
scoring note in brackets.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from qa.records import Paragraph
from qa.structure.headings import MIN_NUMBERED_OUTLINE, is_bare_heading, line_outline_rank

# An answer's blank: '（　　）', '( )', '(__)', '____' — space or a rule to write in, or full-width brackets typed
# empty ('下列说法正确的是（）'); an empty pair of ASCII brackets after a name ('python setup.py init()') is code, not
# a blank. ``ANSWER_BLANK`` finds one anywhere in a line (a Word paper's '光速为____m/s。', ``qa.formats.docx``): an
# ASCII rule of three or more there, as '__init__' is a name; ``BLANK`` one closing a question (a plain-text line's
# test), where '__' closing the line is a rule too.
_BLANK = r"(?:[（(][\s\u3000_＿]+[）)]|（）|_{3,}|＿{2,})"
ANSWER_BLANK = re.compile(_BLANK)
BLANK = re.compile(rf"(?:{_BLANK}|__)\s*[。.？?]?\s*$")
# A lettered option opening a line: 'A．分封制', 'B. 郡县制', '(C) …', 'Ｄ、…'.
OPTION = re.compile(r"^\s*(?:[A-HＡ-Ｈ]\s*[.．、:：]|[（(][A-HＡ-Ｈ][）)])")
# A part's scoring note closing its head: '（本大题共10小题，每小题3分，共30分）', '（共70分）'.
_SCORING_NOTE = re.compile(r"\s*[（(][^（()）]*\d+\s*(?:分|小题|题)[^（()）]*[）)]\s*$")
MIN_QUESTIONS = MIN_NUMBERED_OUTLINE  # questions a text has before it is read as a paper


# A question's number: '1．', '12.', '3、' (a heading '一、主要措施' over a lettered list is no question).
_QUESTION_NUMBER = re.compile(r"^\s*\d{1,3}\s*[.．、]")


def is_question(texts: list[str], i: int) -> bool:
    """Is line ``i`` an exam question: ending with an answer's blank, or with an option 'A．' right after it?"""
    if BLANK.search(texts[i]):
        return True
    return i + 1 < len(texts) and bool(OPTION.match(texts[i + 1]))


def scoring_note(text: str) -> re.Match[str] | None:
    """The scoring note in brackets closing a line ('（本大题共10小题，每小题3分，共30分）'), or None."""
    return _SCORING_NOTE.search(text)


def part_head(text: str) -> bool:
    """A paper's numbered part with its scoring note ('二、填空题（本大题共5小题，每空2分，共20分）',
    '第二部分　非选择题（共70分）'): without the note, a numbered bare heading."""
    note = _SCORING_NOTE.search(text)
    if note is None:
        return False
    title = text[: note.start()].strip()
    return bool(title) and line_outline_rank(title) is not None and is_bare_heading(title)


def _questions(texts: list[str]) -> list[int]:
    """The lines of ``texts`` that are numbered questions (``is_question``)."""
    return [
        i
        for i in range(len(texts))
        if "\n" not in texts[i] and _QUESTION_NUMBER.match(texts[i]) and is_question(texts, i)
    ]


def paper_questions(paragraphs: list[Paragraph]) -> frozenset[int] | None:
    """The ``Paragraph.index`` of each numbered question if ``paragraphs`` are an exam paper (``MIN_QUESTIONS``
    questions or more), else None."""
    found = _questions([p.text.strip() for p in paragraphs])
    return frozenset(paragraphs[i].index for i in found) if len(found) >= MIN_QUESTIONS else None


# The exam paper being structured: its questions' paragraph indexes, None when the document is no paper. Read once
# per document (``reading``) and the one verdict every stage asks: the cut-sentence test (``cues.is_cut``, called
# from every stage, one line at a time: a line ending at a blank or opening with 'A．' is complete only in a paper —
# an interview's 'A：我从小…' or 'E. coli grows…' broken across a blank line goes on below it) and the layout's kinds
# (``exam_kinds``).
_PAPER: ContextVar[frozenset[int] | None] = ContextVar("exam_paper_questions", default=None)


@contextmanager
def reading(paragraphs: list[Paragraph]) -> Iterator[None]:
    """Structure ``paragraphs`` with the paper's rules (``line_complete``, ``exam_kinds``) on if they are an exam
    paper."""
    token = _PAPER.set(paper_questions(paragraphs))
    try:
        yield
    finally:
        _PAPER.reset(token)


def line_complete(text: str) -> bool:
    """In an exam paper, a question ending at its answer's blank or a row of options is a line of its own."""
    return _PAPER.get() is not None and bool(BLANK.search(text) or OPTION.match(text))


def exam_kinds(paragraphs: list[Paragraph], kinds: list[str]) -> None:
    """In the exam paper being read (``reading``; outside one, no paper), questions and rows of options are text and
    numbered parts with a scoring note are headings (``kinds`` in place)."""
    questions = _PAPER.get()
    if questions is None:
        return
    texts = [p.text.strip() for p in paragraphs]
    single = ["\n" not in t for t in texts]
    for i, para in enumerate(paragraphs):
        if para.index in questions and kinds[i] in ("heading", "title"):
            kinds[i] = "body"
    for i, text in enumerate(texts):
        if single[i] and OPTION.match(text) and kinds[i] in ("heading", "title"):
            kinds[i] = "body"
        elif single[i] and kinds[i] == "body" and part_head(text):
            kinds[i] = "heading"
