"""Slide decks exported to PDF: each slide's title heads that slide's points, one paragraph a point.

A deck's footer (title, author, date, 'n / N') runs along every slide and may hold more characters than the slides'
few points: measured by it, the body size was the footer's, every point read as display type, and a title's digits in
a Latin face a few points from its CJK text ('2025␣年业绩回顾') were split off as a column of their own. And the
points, none ending a sentence, ran into one paragraph. Decks drawn by reportlab and fpdf2 (the two other makers of
benchmarks/ordinary_pdfs.py, where beamer decks are scored too), read by the real reader and structure stage.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.loading import load_file
from qa.structure import recover_outline
from tests import ordinary_pdfs as op

FOOTER = "2026年度营销工作计划 · 市场部 · 2026年1月 · 内部资料 请勿外传"
SLIDES = [
    ("2025年业绩回顾", ["销售额4.6亿元", "新增客户320家"]),
    ("2026年核心目标", ["销售额突破5.5亿", "开拓东南亚市场"]),
    ("3大重点行业", ["新能源汽车", "医疗器械"]),
]


def _deck(path: Path, gap_em: float, footer_size: float) -> Path:
    """Slides whose titles open with digits in Helvetica, ``gap_em`` of the title's size before the CJK text (as
    PowerPoint sets Latin and Asian runs apart), a long footer on every slide."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    font = op._reportlab_font()
    w, h = 960, 540
    c = canvas.Canvas(str(path), pagesize=(w, h))
    c.setFont(font, 40)
    c.drawCentredString(w / 2, 300, "2026年度营销工作计划")
    c.setFont(font, 18)
    c.drawString(w / 2 - 150, 240, "市场部")
    for n in range(len(SLIDES) + 1):
        if n:
            title, points = SLIDES[n - 1]
            digits = title[: len(title) - len(title.lstrip("0123456789"))]
            c.setFont("Helvetica", 36)
            c.drawString(50, h - 70, digits)
            x = 50 + stringWidth(digits, "Helvetica", 36) + gap_em * 36
            c.setFont(font, 36)
            c.drawString(x, h - 70, title[len(digits) :])
            c.setFont(font, 24)
            for k, point in enumerate(points):
                c.drawString(90, h - 170 - 56 * k, point)
        c.setFont(font, footer_size)
        c.drawString(40, 18, FOOTER)
        c.drawRightString(w - 40, 18, f"{n + 1} / {len(SLIDES) + 1}")
        c.showPage()
    c.save()
    return path


def _sections(pdf: Path) -> dict[str, list[str]]:
    outline = recover_outline(load_file(pdf))
    return {s.path[-1] if s.path else "": [outline.paragraphs[i].text for i in s.paragraphs] for s in outline.sections}


@pytest.mark.parametrize(("gap_em", "footer_size"), [(0.35, 9.0), (0.5, 11.0)])
def test_each_slide_title_heads_its_points_whatever_the_footer(tmp_path, gap_em, footer_size) -> None:
    sections = _sections(_deck(tmp_path / "deck.pdf", gap_em, footer_size))
    for title, points in SLIDES:
        heads = [k for k in sections if k.replace(" ", "") == title]
        assert heads, f"no section {title!r}: {list(sections)}"
        assert [p.replace(" ", "") for p in sections[heads[0]]] == points
    assert not any(FOOTER[:8] in p for ps in sections.values() for p in ps)  # the footer is no text


@pytest.mark.parametrize("maker", [op.slides_reportlab, op.slides_fpdf])
@pytest.mark.parametrize("deck", op.DECKS, ids=lambda d: d["title"])
def test_each_point_of_a_slide_is_a_paragraph_under_its_title(tmp_path, maker, deck) -> None:
    made = maker(deck, tmp_path / "deck.pdf")
    sections = _sections(made.pdf)
    for title, kind, items in deck["slides"]:
        if kind == "table":
            continue
        key = next(k for k in sections if k.replace(" ", "") == title.replace(" ", ""))
        got = [p.replace(" ", "") for p in sections[key]]
        # one paragraph a point, in order; a point's number or bullet may lead it
        assert len(got) == len(items), got
        for point, para in zip(items, got, strict=True):
            assert para.endswith(point.replace(" ", "")), (point, para)


MEMO = (
    "The renewal programme rebuilt one hundred and twenty residential compounds this year, upgrading water supply, "
    "drainage, electricity, gas pipelines and fire protection, and installing elevators in buildings where residents "
    "agreed to share maintenance costs.",
    "Transport improved as well: twelve new bus routes opened, twenty-five were adjusted to serve new housing, and the "
    "main structure of the third metro line was completed ahead of schedule, with services expected next year.",
)


@pytest.mark.parametrize(("size", "margin"), [(14.0, 60.0), (16.0, 90.0)])
def test_a_landscape_memo_of_prose_is_no_deck_its_paragraphs_stay_whole(tmp_path, size, margin) -> None:
    """Two landscape pages of a few paragraphs each, few lines a page: taken for a deck, every wrap ended a point."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    font = op._reportlab_font()
    w, h = landscape(A4)
    path = tmp_path / "memo.pdf"
    c = canvas.Canvas(str(path), pagesize=(w, h))
    for page in range(2):
        y = h - 70
        if page == 0:
            c.setFont(font, 20)
            c.drawString(margin, y, "Urban Renewal Progress Memo")
            y -= 40
        for text in MEMO:
            line = ""
            for word in text.split():
                if line and stringWidth(f"{line} {word}", font, size) > w - 2 * margin:
                    c.setFont(font, size)
                    c.drawString(margin, y, line)
                    y -= 1.5 * size
                    line = word
                else:
                    line = f"{line} {word}".strip()
            c.setFont(font, size)
            c.drawString(margin, y, line)
            y -= 2.5 * size
        c.showPage()
    c.save()
    outline = recover_outline(load_file(path))
    got = [" ".join(p.text.split()) for p in outline.paragraphs]
    # (a paragraph ending a page on a full line may run on into the next page's first: read so, not split at wraps)
    for text in MEMO:
        assert any(text in p for p in got), (text, got)
    assert len(got) <= 1 + 2 * len(MEMO), got
