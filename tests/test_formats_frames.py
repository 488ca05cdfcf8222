"""Boxes, photos and stacked heads as page-layout programs set them, read right: real PDFs made with reportlab.

Found on the fpdf2 producer's diagnosis seeds (benchmarks/formats.py --diagnosis-seeds, 15500+): a framed brief
box whose text ends well above its frame, a photo heading a story's columns under its headline, a kicker in head
type barely smaller or lighter than the headline under it, a byline atop the first column of a centred headline.
These tests use another library, other text and other measures.
"""

from __future__ import annotations

import pytest

from qa.loading import load_file
from qa.structure import recover_outline
from tests.test_formats_gutters import COLUMN, _font
from tests.test_formats_layout_programs import _NEIGHBOUR, _flow

pytest.importorskip("reportlab")

SIZE = 10.0
PER_ROW = 12
LEAD = 1.5 * SIZE
GUTTER = 1.5 * SIZE
STORY = "城乡民生工作取得新进展"


def _homes(path, part: str) -> set[tuple[str, ...]]:  # noqa: ANN001
    outline = recover_outline(load_file(path))
    texts = ["".join(p.text.split()) for p in outline.paragraphs]
    return {s.path[:1] for s in outline.sections for i in s.paragraphs if part in texts[i]}


def _columns(n: int) -> list[float]:
    return [40 + k * (PER_ROW * SIZE + GUTTER) for k in range(n)]


@pytest.mark.parametrize("below", [5.0, 8.0])
def test_a_dogleg_under_a_framed_box_whose_text_ends_short_is_the_story_on_its_left(tmp_path, below):
    """A story fills its two columns and runs on under a framed brief box beside it: the box's text ends ``below``
    lines above the frame's foot, and the text under the frame, with no head of its own, is the story's run-on —
    the frame, not the box's last line, is where the neighbour ends."""
    from reportlab.pdfgen import canvas

    font = _font()
    path = tmp_path / "boxed.pdf"
    x = _columns(4)
    c = canvas.Canvas(str(path), pagesize=(610, 842))
    c.setFont(font, 22)
    c.drawString(x[0], 780, STORY)
    top, rows, short = 750.0, 24, 5
    frame_foot = top - (short - 1 + below) * LEAD  # the box's frame reaches well below its text
    c.rect(x[2] - 4, frame_foot, 2 * PER_ROW * SIZE + GUTTER + 8, 800 - frame_foot)
    c.setFont(font, 15)
    c.drawCentredString((x[2] + x[3] + PER_ROW * SIZE) / 2, 780, "简讯")
    c.setFont(font, SIZE)
    under = frame_foot - 2 * SIZE
    foot = top - (rows - 1) * LEAD
    tail = int((under - foot) / LEAD) + 1
    story = (COLUMN[0] + COLUMN[1] + COLUMN[2]) * 3
    rects = [(x[0], top, rows), (x[1], top, rows), (x[2], under, tail), (x[3], under, tail)]
    placed = _flow(c, [story], rects, PER_ROW)
    boxed = _flow(c, [_NEIGHBOUR], [(x[2], top, short), (x[3], top, short)], PER_ROW)
    c.save()
    assert placed[3] and len(boxed[1]) < short
    for rect in (2, 3):
        assert _homes(path, "".join(placed[rect][:2])) == {(STORY,)}, rect
    assert _homes(path, "".join(boxed[1][:2])) == {("简讯",)}


def test_a_dogleg_whose_own_columns_open_with_a_photo_is_the_story_on_its_left(tmp_path):
    """A story's headline over its two columns, a photo across them under it (a caption under the photo), its text
    starting below the photo — lower than where its run-on under the shorter neighbour starts: the run-on is still
    the story's (the story's columns start at the photo, above the neighbour's foot)."""
    from reportlab.pdfgen import canvas

    font = _font()
    path = tmp_path / "photo.pdf"
    x = _columns(4)
    c = canvas.Canvas(str(path), pagesize=(610, 842))
    c.setFont(font, 22)
    c.drawString(x[0], 780, STORY)
    c.drawString(x[2], 780, "铁路春运准备就绪")
    width = 2 * PER_ROW * SIZE + GUTTER
    c.setFillGray(0.8)
    c.rect(x[0], 640, width, 115, fill=1, stroke=1)  # the photo, 755 down to 640
    c.setFillGray(0)
    c.setFont(font, 8)
    c.drawString(x[0], 628, "图为新建的社区卫生服务站。")
    c.setFont(font, SIZE)
    text_top, foot = 610.0, 150.0
    rows = int((text_top - foot) / LEAD) + 1
    top, short = 750.0, 5
    under = top - (short - 1) * LEAD - 3 * SIZE  # the run-on starts above the story's own text
    tail = int((under - foot) / LEAD) + 1
    story = (COLUMN[0] + COLUMN[1] + COLUMN[2]) * 5
    rects = [(x[0], text_top, rows), (x[1], text_top, rows), (x[2], under, tail), (x[3], under, tail)]
    placed = _flow(c, [story], rects, PER_ROW)
    neighbour = _flow(c, [_NEIGHBOUR], [(x[2], top, short), (x[3], top, short)], PER_ROW)
    rule = top - (short - 1) * LEAD - 1.6 * SIZE  # the neighbour's module ruled off, as layout programs do
    c.line(x[2], rule, x[3] + PER_ROW * SIZE, rule)
    c.save()
    assert placed[3] and len(neighbour[1]) < short and under > text_top
    for rect in (2, 3):
        assert _homes(path, "".join(placed[rect][:2])) == {(STORY,)}, rect
    assert _homes(path, "".join(neighbour[1][:2])) == {("铁路春运准备就绪",)}


@pytest.mark.parametrize(
    ("kicker_size", "kicker_bold", "head_size", "head_bold"),
    [(14.0, False, 14.5, False), (13.5, False, 14.1, True), (14.1, False, 14.1, True)],
)
def test_a_kicker_barely_smaller_or_lighter_than_its_headline_is_no_part_of_it(
    tmp_path, kicker_size, kicker_bold, head_size, head_bold
):
    """A kicker (引题) in head type stacked right over its headline, a few per cent smaller or in another weight:
    the story is cited under its headline alone, not under the kicker and headline run together."""
    HEAD = "铁路部门增开临时旅客列车三百余对"  # noqa: N806
    from reportlab.pdfgen import canvas

    font = _font()
    path = tmp_path / "kicker.pdf"
    x = _columns(4)
    c = canvas.Canvas(str(path), pagesize=(610, 842))

    def head(text: str, at: float, y: float, size: float, bold: bool) -> None:
        c.saveState()
        t = c.beginText(at, y)
        t.setFont(font, size)
        t.setTextRenderMode(2 if bold else 0)  # filled and stroked: synthetic bold
        t.textOut(text)
        c.drawText(t)
        c.restoreState()

    head("春运首日全国客流平稳有序", x[0], 785, kicker_size, kicker_bold)
    head(HEAD, x[0], 785 - 1.15 * head_size, head_size, head_bold)  # over both its columns
    head("夏粮收购进展顺利农民交售踊跃", x[2], 785 - 1.15 * head_size, 18, True)
    c.setFont(font, SIZE)
    top = 785 - 1.15 * head_size - 30
    left = _flow(c, [COLUMN[0] + COLUMN[1]], [(x[0], top, 12), (x[1], top, 12)], PER_ROW)
    _flow(c, [COLUMN[2] + _NEIGHBOUR], [(x[2], top, 12), (x[3], top, 12)], PER_ROW)
    c.save()
    for rect in (0, 1):
        assert _homes(path, "".join(left[rect][2:4])) == {(HEAD,)}, rect


def test_a_byline_atop_the_first_column_under_a_centred_headline_leaves_that_column_in_its_story(tmp_path):
    """A headline centred over three columns whose first column opens with the byline, a line above the row
    where the columns' text starts: that column is the story's (read after its headline), not text before it."""
    from reportlab.pdfgen import canvas

    font = _font()
    path = tmp_path / "byline.pdf"
    x = _columns(4)
    c = canvas.Canvas(str(path), pagesize=(610, 842))
    span = x[2] + PER_ROW * SIZE - x[0]
    c.setFont(font, 24)
    c.drawCentredString(x[0] + span / 2, 780, "图片新闻")
    c.setFont(font, 20)
    c.drawString(x[3], 780, "夏粮收购")
    c.setFont(font, SIZE)
    c.drawString(x[0], 752, "本报记者　刘宇　谢美华")
    top = 752 - 1.6 * LEAD
    story = (COLUMN[0] + COLUMN[1]) * 2
    placed = _flow(c, [story], [(x[0], top, 14), (x[1], top, 14), (x[2], top, 14)], PER_ROW)
    _flow(c, [COLUMN[2]], [(x[3], 752, 14)], PER_ROW)
    c.save()
    for rect in (0, 1, 2):
        assert _homes(path, "".join(placed[rect][3:5])) == {("图片新闻",)}, rect


@pytest.mark.parametrize("gap", [2.5, 3.5])
def test_a_dogleg_under_a_neighbour_whose_columns_end_on_one_row_is_the_story_on_its_left(tmp_path, gap):
    """Paragraphs indented, not spaced: the neighbour's module fills both its columns to one row, and under a
    blank line and a half (``gap`` body sizes from one baseline to the next, less than three lines) the dogleg story
    runs on with no head of its own — that white is the module's foot, not a paragraph space of its columns."""
    from reportlab.pdfgen import canvas

    font = _font()
    path = tmp_path / "one-row.pdf"
    x = _columns(4)
    c = canvas.Canvas(str(path), pagesize=(610, 842))
    c.setFont(font, 22)
    c.drawString(x[0], 780, STORY)
    c.drawString(x[2], 780, "铁路春运准备就绪")
    c.setFont(font, SIZE)
    top, rows, short = 750.0, 24, 5
    under = top - (short - 1) * LEAD - (1 + gap) * SIZE
    foot = top - (rows - 1) * LEAD
    tail = int((under - foot) / LEAD) + 1
    story = (COLUMN[0] + COLUMN[1] + COLUMN[2]) * 3
    rects = [(x[0], top, rows), (x[1], top, rows), (x[2], under, tail), (x[3], under, tail)]
    placed = _flow(c, [story], rects, PER_ROW)
    neighbour = _flow(c, [_NEIGHBOUR * 2], [(x[2], top, short), (x[3], top, short)], PER_ROW)
    c.save()
    assert placed[3] and len(neighbour[1]) == short, "the neighbour's columns end on one row"
    for rect in (2, 3):
        assert _homes(path, "".join(placed[rect][:2])) == {(STORY,)}, rect
    assert _homes(path, "".join(neighbour[1][:2])) == {("铁路春运准备就绪",)}


def test_a_story_under_a_framed_box_in_one_column_is_not_the_boxes_last_item(tmp_path):
    """A framed brief box over the top of a story's last column, its items ending a few lines above the frame's
    foot; the story (a dogleg from the columns on its left) runs on under the frame: that text is the story's, not
    the box's last item's — the frame's foot ends the box, however near its text ends."""
    from reportlab.pdfgen import canvas

    font = _font()
    path = tmp_path / "one-box.pdf"
    x = _columns(4)
    c = canvas.Canvas(str(path), pagesize=(610, 842))
    c.setFont(font, 22)
    c.drawString(x[0], 780, "城乡民生工作取得新进展又有新举措")  # over the story's three columns
    top, rows = 750.0, 24
    frame_foot = top - 7 * LEAD
    c.rect(x[3] - 4, frame_foot, PER_ROW * SIZE + 8, 800 - frame_foot)
    c.setFont(font, 15)
    c.drawCentredString(x[3] + PER_ROW * SIZE / 2, 780, "简讯")
    c.setFont(font, 11)
    c.drawString(x[3], 760, "春运准备就绪")
    c.setFont(font, SIZE)
    boxed = _flow(c, [_NEIGHBOUR[:50]], [(x[3], top - 8, 6)], PER_ROW)
    under = frame_foot - 2.2 * SIZE
    foot = top - (rows - 1) * LEAD
    story = (COLUMN[0] + COLUMN[1] + COLUMN[2]) * 4
    rects = [(x[0], top, rows), (x[1], top, rows), (x[2], top, rows), (x[3], under, int((under - foot) / LEAD) + 1)]
    placed = _flow(c, [story], rects, PER_ROW)
    c.save()
    assert placed[3] and len(boxed[0]) < 6
    assert _homes(path, "".join(placed[3][:2])) == {("城乡民生工作取得新进展又有新举措",)}
    assert _homes(path, "".join(boxed[0][1:3])) == {("简讯",)}


def test_a_photo_atop_the_first_column_under_a_centred_headline_leaves_that_column_in_its_story(tmp_path):
    """A headline centred over three columns; the first column opens with a photo (its caption under it) on the row
    where the other columns' text starts, its text below the caption: the column is the story's, not text before
    its headline."""
    from reportlab.pdfgen import canvas

    font = _font()
    path = tmp_path / "photo-first.pdf"
    x = _columns(4)
    c = canvas.Canvas(str(path), pagesize=(610, 842))
    span = x[2] + PER_ROW * SIZE - x[0]
    c.setFont(font, 24)
    c.drawCentredString(x[0] + span / 2, 780, "图片新闻")
    c.setFont(font, 20)
    c.drawString(x[3], 780, "夏粮收购")
    top = 752.0
    c.setFillGray(0.8)
    c.rect(x[0], top - 80, PER_ROW * SIZE, 90, fill=1, stroke=1)
    c.setFillGray(0)
    c.setFont(font, 8)
    c.drawString(x[0], top - 90, "图为新建的社区卫生服务站。")
    c.setFont(font, SIZE)
    story = (COLUMN[0] + COLUMN[1]) * 2
    rects = [(x[0], top - 108, 10), (x[1], top, 17), (x[2], top, 17)]
    placed = _flow(c, [story], rects, PER_ROW)
    _flow(c, [COLUMN[2]], [(x[3], top, 14)], PER_ROW)
    c.save()
    for rect in (0, 1, 2):
        assert _homes(path, "".join(placed[rect][3:5])) == {("图片新闻",)}, rect


@pytest.mark.parametrize("byline", [True, False])
def test_a_headline_stranded_at_a_columns_foot_heads_the_text_atop_the_next_column(tmp_path, byline):
    """A column break right after a headline (TeX's multicol, a word processor's column break) leaves the headline,
    perhaps with its byline, at the foot of the first column and its text at the top of the second: that text is
    the stranded headline's story, not the story above the headline in the first column."""
    from reportlab.pdfgen import canvas

    font = _font()
    path = tmp_path / "stranded.pdf"
    x = _columns(2)
    c = canvas.Canvas(str(path), pagesize=(340, 842))
    c.setFont(font, 18)
    c.drawString(x[0], 780, "夏粮收购")  # heads the first column only
    c.setFont(font, SIZE)
    top, rows = 750.0, 30
    first = _flow(c, [COLUMN[2][: 12 * PER_ROW]], [(x[0], top, 22)], PER_ROW)
    c.setFont(font, 18)
    c.drawString(x[0], top - 24 * LEAD, "城乡公交")  # at the column's foot, nothing under it but its byline
    if byline:
        c.setFont(font, SIZE)
        c.drawString(x[0], top - 24 * LEAD - 2.4 * SIZE, "本报记者　李华")
    c.setFont(font, SIZE)
    story = _flow(c, [COLUMN[0] + COLUMN[1]], [(x[1], top, rows)], PER_ROW)
    c.save()
    assert len(first[0]) < 22 and len(story[0]) > 10
    assert _homes(path, "".join(story[0][1:3])) == {("城乡公交",)}
    assert _homes(path, "".join(story[0][-3:-1])) == {("城乡公交",)}
    assert _homes(path, "".join(first[0][1:3])) == {("夏粮收购",)}
