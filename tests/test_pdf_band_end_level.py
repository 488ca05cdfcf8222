"""A band whose last column stops well above the next band's head still ends there, when the next band's text opens
the last column level with that head.

A band's story balanced over the columns does not always end on one row: the first column may hold two lines more
(a paragraph the typesetter would not leave a line of), and the next band's head may stand a little lower than the
next band's first row (a box drawn round the story, a head's space above it). The columns run down the page with no
gap across it; the last column's story ends two rows or more above the head, white under it, and its next line, the
next band's, starts level with the head. The reader used to look for the last column's end only right over the head
(and cut at the head's top, through the row the next band opens on): it read each column whole, the lead's text in
the second and third columns filed under the first column's head. The page is written by reportlab on one baseline
grid and read by the real reader; a page whose last column runs on well under the head (one story's columns, a
paragraph break there) is the negative.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.formats.pdf import read_pdf
from qa.structure import recover_outline
from tests.reportlab_pages import BODY, FONT, LEADING, MARGIN, PAGE_H, PAGE_W, TOP, Grid

GRID = Grid(3)
PER_LINE = GRID.per_line

LEAD_HEAD, SECOND_HEAD, THIRD_HEAD = "沿海港口货物吞吐量创新高", "古镇修缮有序推进", "乡村图书室开门迎客"
SENTENCES = (
    "全年沿海港口完成货物吞吐量比上年增长一成以上，集装箱运输增长更快。",
    "港口部门加快码头泊位建设，新建深水泊位陆续投入使用，通过能力明显提高。",
    "海关和检验检疫部门推行一站式通关，货物在港停留时间大大缩短。",
    "业内人士认为，港口的发展带动了临港工业和现代物流业的兴起。",
    "古镇修缮工程按照修旧如旧的原则进行，老房子的砖木结构都保留了下来。",
    "施工队请来了熟悉传统工艺的老师傅，手把手地教年轻工人砌墙铺瓦。",
    "镇上还成立了文物保护小组，定期巡查古建筑的安全状况。",
    "乡村图书室建成以后，村民们农闲时节有了读书看报的好去处。",
    "县图书馆定期派人送书下乡，每次都带来农业技术和养殖方面的新书。",
    "图书室的管理员是村里的退休教师，她把借书登记做得一丝不苟。",
)


def _story(sentences: tuple[str, ...], rows: list[int]) -> list[str]:
    """Paragraphs of the given numbers of column lines, cycling through the story's ``sentences``, each ending short
    on a full stop."""
    out, n = [], 0
    for r in rows:
        size = (PER_LINE - 2) + (r - 2) * PER_LINE + PER_LINE // 2
        text = ""
        while len(text) < size:
            text += sentences[n % len(sentences)]
            n += 1
        out.append(text[: size - 1] + "。")
    assert len(GRID.lines(out)) == sum(rows)
    return out


def _page(path: Path, shift: float, runs_on: int) -> dict[str, list[str]]:
    """A lead over three columns (the first two rows longer than the second, the third ending three rows short),
    then a flow band on the next rows with no gap: the second story's head in column 1 (``shift`` rows under the
    band's first row), its text running on into column 2, where the third story opens and runs on into column 3 —
    whose text starts ``runs_on`` rows under the band's first row."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    c.setFont(FONT, 26)
    c.drawString(MARGIN, PAGE_H - 100, LEAD_HEAD)
    rows = (14, 12, 11)  # band 1's rows per column: the last column's story ends three rows over the band's foot
    lead = _story(SENTENCES[:4], [8, 10, 9, 10])
    lines = GRID.lines(lead)
    for col, n in enumerate(rows):
        start = sum(rows[:col])
        for row, line in enumerate(lines[start : start + n]):
            GRID.draw_line(c, col, row, line)
    band = rows[0]  # band 2's first row
    foot = band + 12
    GRID.draw_head(c, 0, band + shift, SECOND_HEAD, 14)
    slots = [(0, r) for r in range(band + 2, foot)] + [(1, r) for r in range(band, foot)]
    slots += [(2, r) for r in range(band + runs_on, foot + runs_on)]
    second = _story(SENTENCES[4:7], [6, 8])
    third = _story(SENTENCES[7:], [7, 8])
    for (col, row), line in zip(slots, GRID.lines(second), strict=False):
        GRID.draw_line(c, col, row, line)
    col, row = slots[len(GRID.lines(second))]
    assert col == 1
    GRID.draw_head(c, col, row + 0.3, THIRD_HEAD, 14)
    rest = slots[len(GRID.lines(second)) + 2 :]
    assert rest[len(GRID.lines(third)) - 1][0] == 2  # (the third story runs on into column 3)
    for (col, row), line in zip(rest, GRID.lines(third), strict=False):
        GRID.draw_line(c, col, row, line)
    c.save()
    return {LEAD_HEAD: lead, SECOND_HEAD: second, THIRD_HEAD: third}


def _filed(path: Path, stories: dict[str, list[str]]) -> dict[str, str]:
    """Each paragraph's first words → the headline of the section the reader filed it under ('' when the reader
    split or merged it)."""
    outline = recover_outline(read_pdf(path, path.name))
    filed = {}
    for paragraphs in stories.values():
        for text in paragraphs:
            held = [p for p in outline.paragraphs if text in p.text.replace(" ", "")]
            section = next((s for s in outline.sections if len(held) == 1 and held[0].index in s.paragraphs), None)
            filed[text[:10]] = section.path[-1] if section else ""
    return filed


@pytest.mark.parametrize("shift", [0.0, 0.4], ids=["head-level", "head-lower"])
def test_a_band_ends_where_its_last_column_stopped_above_the_next_head(tmp_path: Path, fonts, shift: float) -> None:
    """The lead's text in all three columns stays under the lead, the flow band's under its own heads, whether the
    next head stands on the band's first row or a little under it (a box's padding)."""
    path = tmp_path / "band.pdf"
    stories = _page(path, shift, runs_on=0)
    filed = _filed(path, stories)
    assert filed == {text[:10]: head for head, paragraphs in stories.items() for text in paragraphs}, filed


def test_a_last_column_running_on_under_the_head_is_no_band_end(tmp_path: Path, fonts) -> None:
    """Where the last column, after its paragraph's end and white, goes on two rows under the first column's head
    (not level with it: no band opens there), nothing is cut across: the reader reads as before."""
    path = tmp_path / "story.pdf"
    stories = _page(path, 0.0, runs_on=3)
    filed = _filed(path, stories)
    from qa.formats.pdf.bandends import band_end_cut  # the rule itself: no cut on this page
    from qa.formats.pdf.page import read_pages

    pages, body = read_pages(path, path.name)
    assert band_end_cut(pages[0].lines, body, LEADING - BODY) is None
    assert filed[stories[SECOND_HEAD][0][:10]] == SECOND_HEAD, filed


SUB = "图为春节期间群众在广场上观看民间艺术团表演"  # (long enough to reach into the gutter after column 1)


def _subtitle_page(path: Path, reach: bool) -> dict[str, list[str]]:
    """A lead over four columns, the first one row longer (its last line a full one), the others ending a row
    higher, the last on a jump marker; under the first column's last line, with no gap, the next band's head, a
    subtitle (set into the gutter after the first column when ``reach``) and the next story's text across the four
    columns."""
    from reportlab.pdfgen import canvas

    grid = Grid(4, gutter=10.0)
    cols, gutter, width, per_line = grid.cols, grid.gutter, grid.col_w, grid.per_line
    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    c.setFont(FONT, 26)
    c.drawString(MARGIN, PAGE_H - 100, LEAD_HEAD)

    def line(col: int, row: float, text: str, size: float = BODY) -> None:
        grid.draw_head(c, col, row, text, size)

    lead_text = "".join(SENTENCES[k % 4] for k in range(12))
    rows = [lead_text[k : k + per_line] for k in range(0, 26 * per_line, per_line)]  # 7 + 6 + 6 + 6 rows
    lead = "".join(rows[:25]) + "。"
    for k, row in enumerate(rows[:7]):
        line(0, k, row)
    for col in (1, 2):
        for k, row in enumerate(rows[7 + 6 * (col - 1) : 13 + 6 * (col - 1)]):
            line(col, k, row)
    for k, row in enumerate(rows[19:25]):
        line(3, k, row + ("。（下转第2版）" if k == 5 else ""))
    line(0, 7.4, SECOND_HEAD, 14)
    c.setFont(FONT, 9)
    sub = SUB if reach else SUB[:6]
    c.drawString(MARGIN, TOP - 8.45 * LEADING, sub)
    assert (MARGIN + c.stringWidth(sub, FONT, 9) > MARGIN + width + gutter) == reach
    second = "".join(SENTENCES[4 + k % 3] for k in range(8))
    body = [second[k : k + per_line] for k in range(0, len(second), per_line)]
    slots = [(col, 9.4 + r) for col in range(cols) for r in range(len(body) // cols + 1)]
    for (col, row), text in zip(slots, body, strict=False):
        line(col, row, text)
    c.save()
    return {LEAD_HEAD: [lead], SECOND_HEAD: [second]}


@pytest.mark.parametrize("reach", [True, False], ids=["subtitle-into-gutter", "subtitle-in-column"])
def test_the_first_columns_last_line_over_the_next_head_stays_in_its_band(tmp_path: Path, fonts, reach: bool) -> None:
    """The lead's first column ends a row lower than the others, its last line a full one, right over the next
    band's head: that line is the lead's (read before the second column), not the next head's kicker — also when a
    subtitle under the head reaches into the gutter, joining the first two columns (the case the rule is for; the
    subtitle within its column is the negative, read so before)."""
    path = tmp_path / "sub.pdf"
    stories = _subtitle_page(path, reach=reach)
    outline = recover_outline(read_pdf(path, path.name))
    flat = "".join(p.text.replace(" ", "") for p in outline.paragraphs)
    lead = stories[LEAD_HEAD][0]
    assert lead[:-1] in flat, flat[:400]  # the lead's text in order, its first column's last line in its place
    held = next(p for p in outline.paragraphs if lead[:20] in p.text.replace(" ", ""))
    assert next(s for s in outline.sections if held.index in s.paragraphs).path[-1] == LEAD_HEAD
