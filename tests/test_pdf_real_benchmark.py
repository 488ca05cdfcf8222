"""The real-PDF benchmark's own scoring (benchmarks/real_pdfs.py), on a PDF with an outline made here by reportlab.

The benchmark's gold is a PDF's bookmarks and its printed characters; these tests check that a perfect reading
scores 1.0 and that the failures it exists to catch — a heading read as body text, a section number split from
its title, a contents line taken for a heading — score lower. The readings are written by hand, so the test
depends on the scoring alone, not on the reader.
"""

from __future__ import annotations

import pytest

from benchmarks.real_pdfs import Score, find_printed, outline_entries, page_chars, score_document
from qa.records import Outline, Paragraph, Section

# (kind, text, level): a contents page, then two numbered sections on page 2, one on page 3.
PAGES = [
    [
        ("title", "行距宏包使用说明", 0),
        ("toc", "1 简介 . . . . . . . . 2", 0),
        ("toc", "1.1 宏包依赖 . . . . . . 2", 0),
        ("toc", "2 功能介绍 . . . . . . . 3", 0),
    ],
    [
        ("head", "1 简介", 0),
        ("body", "本宏包是针对中日韩文的横排文档设计出来的，用于调整正文与脚注的行距。", 0),
        ("body", "中文排版虽然没有基线的概念，但有非常相似的概念，称为字身框的底线。", 0),
        ("head", "1.1 宏包依赖", 1),
        ("body", "它依赖于下面这些宏包：键值选项宏包、浮点运算宏包与打补丁用的工具宏包。", 0),
    ],
    [
        ("head", "2 功能介绍", 0),
        ("body", "载入宏包时可以设定六个基本的键值选项，它们分别规定正文、脚注与数学公式的行距。", 0),
        ("body", "用户可以指定多倍行距的倍数，但这只保证排出来的行距与文字处理软件的设置一致。", 0),
    ],
]


@pytest.fixture(scope="module")
def document(tmp_path_factory) -> tuple[list, list]:
    """The PDF's outline entries (printed headings found) and its page characters."""
    import pypdfium2 as pdfium
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path_factory.mktemp("real") / "manual.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    for n, lines in enumerate(PAGES):
        y = 760.0
        for kind, text, level in lines:
            size = 16 if kind in ("head", "title") else 11
            c.setFont("STSong-Light", size)
            if kind == "head":
                y -= 12
                name = f"s{n}-{y:.0f}"
                c.bookmarkPage(name, fit="XYZ", top=y + size + 6)  # as hyperref: a little above the heading
                c.addOutlineEntry(text, name, level=level)
            c.drawString(72, y, text)
            y -= size * 2
        c.showPage()
    c.save()
    pdf = pdfium.PdfDocument(str(path))
    try:
        entries, pages = outline_entries(pdf, 40), page_chars(pdf)
    finally:
        pdf.close()
    for entry in entries:
        find_printed(entry, pages)
    return entries, pages


def _reading(items: list[tuple[int, str, str]]) -> Outline:
    """An outline from (page, text, role) in reading order: each heading opens a section under the last
    heading of a lower numbering depth (so "1.1 …" nests under "1 …"), as the structure stage would."""
    paragraphs, sections, roles = [], [], {}
    path: list[tuple[int, str]] = []
    for index, (page, text, role) in enumerate(items):
        paragraphs.append(Paragraph(index, text, index + 1, index + 1, 0, 0, page_start=page, page_end=page))
        roles[index] = role
        if role == "heading":
            depth = text.split()[0].count(".") if text[0].isdigit() else 0
            path = [p for p in path if p[0] < depth] + [(depth, text)]
            sections.append(Section(tuple(t for _, t in path), []))
        elif sections:
            sections[-1].paragraphs.append(index)
        else:
            sections.append(Section((), [index]))
    return Outline("manual.pdf", paragraphs, sections, roles)


def _perfect() -> list[tuple[int, str, str]]:
    items = []
    for n, lines in enumerate(PAGES, 1):
        for kind, text, _level in lines:
            items.append((n, text, "heading" if kind in ("head", "title") else "body"))
    return items


def _rates(score: Score) -> tuple[float, float, float]:
    return (
        score.found / score.entries,
        score.right_headings / score.headings,
        score.right_paragraphs / score.paragraphs,
    )


def test_gold_comes_from_the_outline_and_the_printed_page(document) -> None:
    entries, pages = document
    assert [(e.title, e.page) for e in entries] == [("1 简介", 1), ("1.1 宏包依赖", 1), ("2 功能介绍", 2)]
    assert all(e.printed for e in entries) and len(pages) == 3


def test_a_perfect_reading_scores_one(document) -> None:
    entries, pages = document
    score = score_document(_reading(_perfect()), entries, pages, paged=True)
    # the document's title is a heading no bookmark names: precision is a lower bound (3 of 4)
    assert _rates(score) == (1.0, 0.75, 1.0)
    assert score.paragraphs == 5 and score.unlocated == 0 and score.split == 0


def test_a_heading_read_as_body_text_scores_lower(document) -> None:
    entries, pages = document
    merged = [(p, t, "body" if t == "1.1 宏包依赖" else r) for p, t, r in _perfect()]
    recall, _precision, para = _rates(score_document(_reading(merged), entries, pages, paged=True))
    assert recall == pytest.approx(2 / 3)
    assert para == pytest.approx(4 / 6)  # it and its paragraph are filed under "1 简介"


def test_a_section_number_split_from_its_title_is_a_miss(document) -> None:
    entries, pages = document
    split = []
    for p, t, r in _perfect():
        if t == "1.1 宏包依赖":
            split += [(p, "1.1", "heading"), (p, "宏包依赖", "heading")]
        else:
            split.append((p, t, r))
    score = score_document(_reading(split), entries, pages, paged=True)
    assert score.split == 1
    assert score.found == 2 and score.right_paragraphs == 4


def test_contents_lines_taken_for_headings_lower_precision_only(document) -> None:
    entries, pages = document
    toc = [(p, t, "heading" if t.endswith(("2", "3")) else r) for p, t, r in _perfect()]
    score = score_document(_reading(toc), entries, pages, paged=True)
    recall, precision, para = _rates(score)
    assert recall == 1.0 and para == 1.0
    assert precision == pytest.approx(3 / 7)  # the three contents lines name the entries on the wrong page


def test_a_reading_without_pages_is_located_in_character_order(document) -> None:
    entries, pages = document
    score = score_document(_reading(_perfect()), entries, pages, paged=False)
    assert _rates(score) == (1.0, 0.75, 1.0)
