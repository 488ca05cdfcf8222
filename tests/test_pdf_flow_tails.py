"""A reportlab report in two frames whose section's last paragraph runs from the first column's foot to the top of the
second, the page template changing after it (the second column runs out under those lines).

The carried lines were read with the band atop the page — after the first column's opening heading — and cited under
it ('§ 1 Network Overview', only the fragment) instead of the section their sentence starts in (qa.formats.pdf.
flow_tails). Negative: where the flow fills both columns, every section's paragraphs stay under their own headings.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import BaseDocTemplate, Frame, NextPageTemplate, PageBreak, PageTemplate, Paragraph

from qa.formats.pdf import read_pdf
from qa.structure import recover_outline
from tests.reportlab_pages import BODY, FONT, LEADING, MARGIN, PAGE_H, PAGE_W, Grid

W, H = A4
TOPICS = ["Substations", "Feeders", "Outages", "Faults", "Meters", "Tariffs"]


def _text(topic: str, copy: int) -> str:
    return " ".join(
        f"The {topic.lower()} survey of district {d} counted {3 * d + copy} sites and found {d + copy} needing work,"
        f" mostly on circuits laid before {1950 + 5 * d} and kept by the {topic.lower()} crews"
        + ("." if d % 3 == 2 else ";")
        for d in range(6)
    )


def _report(path: Path, sections: list[str], copies: int) -> dict[str, list[str]]:
    """Numbered sections in two frames, then a landscape page: the heading, the paragraphs of each section."""
    styles = getSampleStyleSheet()
    doc = BaseDocTemplate(str(path), pagesize=A4)
    c1 = Frame(2 * cm, 2 * cm, (W - 4 * cm) / 2 - 0.4 * cm, H - 4 * cm, id="c1")
    c2 = Frame(W / 2 + 0.4 * cm, 2 * cm, (W - 4 * cm) / 2 - 0.4 * cm, H - 4 * cm, id="c2")
    lw, lh = landscape(A4)
    land = Frame(2 * cm, 2 * cm, lw - 4 * cm, lh - 4 * cm)
    doc.addPageTemplates([PageTemplate("two", [c1, c2]), PageTemplate("land", [land], pagesize=landscape(A4))])
    story: list = []
    texts: dict[str, list[str]] = {}
    for k, topic in enumerate(sections, start=1):
        title = f"{k} {topic}"
        story.append(Paragraph(title, styles["Heading2"]))
        texts[title] = [_text(topic, c) for c in range(copies)]
        story += [Paragraph(t, styles["BodyText"]) for t in texts[title]]
    story += [NextPageTemplate("land"), PageBreak(), Paragraph("Appendix", styles["Heading1"])]
    story.append(Paragraph("The appendix lists the circuits by district.", styles["BodyText"]))
    doc.build(story)
    return texts


def _homes(path: Path) -> dict[str, str]:
    outline = recover_outline(read_pdf(path, path.name))
    found = {}
    for section in outline.sections:
        for i in section.paragraphs:
            found["".join(outline.paragraphs[i].text.split())] = "".join(section.path[-1].split())
    return found


def test_a_paragraph_carried_to_the_top_of_a_short_second_column_stays_in_its_section(tmp_path: Path) -> None:
    checked = 0
    for copies in (3, 4):  # the first column full, the last section's paragraph carried a few lines over
        path = tmp_path / f"report{copies}.pdf"
        texts = _report(path, TOPICS[:3], copies)
        homes = _homes(path)
        for title, paragraphs in texts.items():
            for text in paragraphs:
                assert homes.get("".join(text.split())) == "".join(title.split()), (copies, title)
                checked += 1
    assert checked


def test_two_full_columns_keep_each_section_under_its_heading(tmp_path: Path) -> None:
    path = tmp_path / "full.pdf"
    texts = _report(path, TOPICS, 3)
    homes = _homes(path)
    for title, paragraphs in texts.items():
        for text in paragraphs:
            assert homes.get("".join(text.split())) == "".join(title.split()), title


# ---- a newspaper's band at the page's top: its last column set level with the others ------------------------------
NP_GRID = Grid(4)
TOP_HEAD, LOW_HEAD = "山区公路全线贯通", "老街区换新颜"
TOP_TEXT = "（上接第1版）" + "".join(
    f"沿线第{k}个村庄修通了连接公路的支线，山里的农产品可以当天运到县城出售，" for k in range(1, 40)
)
LOW_TEXT = "".join(f"老街区第{k}号院的旧房屋经过加固修缮，保留了原有的风貌，" for k in range(1, 30))


def _newspaper(path: Path) -> tuple[str, str]:
    """Atop the page a story continued from page 1 under a head over its first column only, its text balanced down four
    columns (the first under the head) that end level; under it a story with its headline across three columns, its
    text balanced down them, the first column's last line running on into the second; white under the fourth column.
    Returns the top story's last column's text and the lower story's first column's last line."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    top = PAGE_H - 60
    n = 12  # the top band's lines per column

    def lines(text: str, count: int, first_indent: bool) -> list[str]:
        out, at = [], 0
        for k in range(count):
            take = NP_GRID.per_line - (2 if first_indent and k == 0 else 0)
            out.append(text[at : at + take])
            at += take
        return out

    def column(col: int, y: float, rows: list[str], indent_first: bool) -> None:
        x = NP_GRID.x(col)
        c.setFont(FONT, BODY)
        for k, row in enumerate(rows):
            c.drawString(x + (2 * BODY if indent_first and k == 0 else 0), y - k * LEADING, row)

    c.setFont(FONT, 15)
    c.drawString(MARGIN, top, TOP_HEAD)
    top_rows = lines(TOP_TEXT, n - 2 + 3 * n, False)
    column(0, top - 2 * LEADING, top_rows[: n - 2], False)
    for col in range(1, NP_GRID.cols):
        start = n - 2 + (col - 1) * n
        column(col, top, top_rows[start : start + n], False)
    last_top_column = "".join(top_rows[n - 2 + 2 * n :])
    low = top - n * LEADING - 40
    c.setFont(FONT, 22)
    c.drawString(MARGIN, low, LOW_HEAD)
    m = 6
    low_rows = lines(LOW_TEXT, 3 * m, True)
    low_rows[-1] = low_rows[-1][:-3] + "。"
    for col in range(3):
        column(col, low - 36, low_rows[col * m : (col + 1) * m], col == 0)
    c.save()
    return last_top_column, low_rows[m - 1]


def test_a_newspaper_bands_last_column_level_with_the_others_stays_in_its_story(tmp_path: Path, fonts) -> None:
    """The top story's fourth column stands at the page's top with white under it, and the lowest line left of it (the
    lower story's first column's foot) runs on: but it is level with the columns beside it — a band's last column —
    so it is read after them, under its own story, not after that foot (filed in the lower story)."""
    path = tmp_path / "band.pdf"
    tail, foot = _newspaper(path)
    assert not foot.endswith("。")  # the lower story's first column runs on into its second
    outline = recover_outline(read_pdf(path, path.name))
    home = next(
        s.path
        for s in outline.sections
        for i in s.paragraphs
        if tail[-12:] in "".join(outline.paragraphs[i].text.split())
    )
    assert home == (TOP_HEAD,), home
    low = [s for s in outline.sections if s.path == (LOW_HEAD,)]
    assert low and all(tail[-12:] not in "".join(outline.paragraphs[i].text.split()) for s in low for i in s.paragraphs)
