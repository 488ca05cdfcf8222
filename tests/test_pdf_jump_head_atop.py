"""A continuation's headline centred over the page's columns, its marker line under it, heads the text of every column.

A continuation on the next page opens under its headline set again, centred, the marker line '（接一版）' under it,
and its text runs down the columns from the first. A short headline, centred, stands over the middle column only;
with its marker line touching it (FOP), the reader read head and marker as that column's, between the second and
the third column: the continuation's first columns came before its head (filed under the story above) and the
jump lost its seam. On this page the marker is rescued later (jumpheads.py) — the test asks that head and marker
are the page's first leaf. The pages are written by reportlab and read by the real reader; a page where another
story's head stands beside the continuation's, over the first column, is the negative (the first column is that
story's).
"""

from __future__ import annotations

from pathlib import Path

from qa.formats.pdf import read_pdf
from qa.formats.pdf.order import _Layout, _xy_cut
from qa.formats.pdf.page import read_pages
from qa.structure import recover_outline

PAGE_W, PAGE_H = 800.0, 1000.0
MARGIN, GUTTER, BODY, LEADING = 40.0, 12.0, 10.0, 15.0
COLS = 5
COL_W = (PAGE_W - 2 * MARGIN - (COLS - 1) * GUTTER) / COLS
PER_LINE = int(COL_W // BODY)
HEAD, OTHER = "社会热点难点研究", "冬季长跑开赛"
PAGE1 = "本报讯　社会热点难点问题的研究，近年来受到学术界的普遍关注，其中关于城镇贫困人口的"
STORY = (
    "研究处于摸清情况分析原因的阶段，可操作的对策建议还不多。",
    "城镇贫困人口呈增加趋势，直接原因是企业经济效益低下。",
    "研究者指出，城镇贫困问题是与体制相互关联的，首先要正视收入分配领域中的矛盾。",
    "探讨解困扶贫的措施是目前研究的重点，近期目标是建立贫困的监测系统。",
)
RUN = "全市冬季长跑比赛昨天开赛，两千多名市民参加了开幕式后的长跑活动。"


def _column(c, col: int, top: float, text: str) -> None:  # noqa: ANN001 - a canvas
    c.setFont("STSong-Light", BODY)
    for k, at in enumerate(range(0, len(text), PER_LINE)):
        c.drawString(MARGIN + col * (COL_W + GUTTER), top - k * LEADING, text[at : at + PER_LINE])


def _paper(path: Path, beside: bool) -> list[str]:
    """Page 1: the story, cut mid-sentence with '（下转第2版）'. Page 2: its headline centred over the middle column,
    '（接一版）' right under it, its text in columns 1–5 (or, when ``beside``, another story under its own head in
    column 1 and the continuation in columns 2–5). Returns the continuation's column texts in order."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    c.setFont("STSong-Light", 24)
    c.drawString(MARGIN, PAGE_H - 80, HEAD)
    _column(c, 0, PAGE_H - 120, PAGE1 + "（下转第2版）")
    c.showPage()
    top = PAGE_H - 110
    c.setFont("STSong-Light", 17.5)  # (a little wider than its column: into the gutters, short of the next columns)
    centre = MARGIN + 2.5 * COL_W + 2 * GUTTER  # (over the middle column)
    c.drawCentredString(centre, top + 24, HEAD)
    c.setFont("STSong-Light", BODY)
    c.drawCentredString(centre, top + 14, "（接一版）")  # (its box touches the head's)
    texts = [f"（{k + 1}）" + (STORY[k % 4] + STORY[(k + 1) % 4]) * 2 for k in range(COLS)]
    if beside:
        c.setFont("STSong-Light", 16)
        c.drawString(MARGIN, top + 24, OTHER)
        _column(c, 0, top, RUN * 4)
        texts = texts[1:]
    for k, text in enumerate(texts):
        _column(c, COLS - len(texts) + k, top, text)
    c.save()
    return texts


def _flat(path: Path) -> tuple[str, object]:
    outline = recover_outline(read_pdf(path, path.name))
    return "".join(p.text.replace(" ", "") for p in outline.paragraphs), outline


def test_a_centred_continuation_head_and_its_marker_head_every_column(tmp_path: Path, fonts) -> None:
    path = tmp_path / "cont.pdf"
    texts = _paper(path, beside=False)
    flat, outline = _flat(path)
    page2 = flat.index("（下转第2版）") + len("（下转第2版）")
    marker = flat.index("（接一版）", page2)
    starts = [flat.index(text[:PER_LINE], page2) for text in texts]  # (each column's first line, first read)
    assert marker < starts[0] and starts == sorted(starts), (marker, starts, flat[marker - 20 : marker + 40])
    first = next(p for p in outline.paragraphs if texts[0][:PER_LINE] in p.text.replace(" ", ""))
    section = next(s for s in outline.sections if first.index in s.paragraphs)
    assert section.path[0] == HEAD, section.path
    # The head and its marker line are page 2's first leaf, read before every column (not the middle column's).
    pages, body = read_pages(path, path.name)
    first = _xy_cut(pages[1].lines, _Layout(body, LEADING - 1.08 * BODY))[0]
    assert [ln.text.strip() for ln in first] == [HEAD, "（接一版）"], [ln.text for ln in first]


def test_a_head_beside_another_storys_column_keeps_that_column_its_own(tmp_path: Path, fonts) -> None:
    """Another story's head over the first column, beside the continuation's: the first column stays that story's
    and the continuation still reads after its marker."""
    path = tmp_path / "beside.pdf"
    texts = _paper(path, beside=True)
    flat, outline = _flat(path)
    run = next(p for p in outline.paragraphs if RUN[:PER_LINE] in p.text.replace(" ", ""))
    section = next(s for s in outline.sections if run.index in s.paragraphs)
    assert section.path[-1] == OTHER, section.path
    assert flat.index(texts[0][:PER_LINE]) < flat.index(texts[1][:PER_LINE])


def test_a_marker_line_opening_another_column_stays_with_that_column(tmp_path: Path, fonts) -> None:
    """A marker line alone atop the first column (a continuation opening there under no head) beside the centred
    head's own marker: it is no part of the head, and the first column's text stays under it, not the head's."""
    path = tmp_path / "two.pdf"
    texts = _paper(path, beside=False)
    from reportlab.pdfgen import canvas  # (the same paper, with a marker line over the first column)

    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    c.setFont("STSong-Light", 24)
    c.drawString(MARGIN, PAGE_H - 80, HEAD)
    _column(c, 0, PAGE_H - 120, PAGE1 + "（下转第2版）")
    c.showPage()
    top = PAGE_H - 110
    c.setFont("STSong-Light", 17.5)
    c.drawCentredString(MARGIN + 2.5 * COL_W + 2 * GUTTER, top + 24, HEAD)
    c.setFont("STSong-Light", BODY)
    c.drawCentredString(MARGIN + 2.5 * COL_W + 2 * GUTTER, top + 14, "（接一版）")
    c.drawString(MARGIN, top + 14, "（上接第3版）")
    for k, text in enumerate(texts):
        _column(c, k, top, text)
    c.save()
    pages, body = read_pages(path, path.name)
    first = _xy_cut(pages[1].lines, _Layout(body, LEADING - 1.08 * BODY))[0]
    assert "（上接第3版）" not in [ln.text.strip() for ln in first], [ln.text for ln in first]
