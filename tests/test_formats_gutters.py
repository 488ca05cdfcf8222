"""What the XeLaTeX diagnosis fixed, on real PDFs made with reportlab: columns standing close together (an em
or less apart, as TeX's multicol sets them, a line-ending comma's or opening quote's em box reaching into the
gutter) are read one after the other, and jump markers in 〔〕/【】 brackets or traditional characters are stitched."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.loading import load_file
from qa.structure import recover_outline

pytest.importorskip("reportlab")

SIZE = 10.5
PER_ROW = 18  # characters in a full row of one column
COLUMN = [
    "城市公共交通改革稳步推进新线路开通后市民出行更加便利早晚高峰时段的拥挤状况明显缓解"
    "交通部门还将增加夜间班次方便加班职工回家沿线居民普遍表示满意公交公司同时更新了一批新能源车辆"
    "车厢宽敞明亮座椅舒适老年乘客上下车也更方便站台电子屏实时显示车辆到站时间",
    "农村合作医疗覆盖面逐年扩大参保农民看病报销比例有所提高乡镇卫生院添置了新设备"
    "县医院专家定期下乡坐诊群众在家门口就能看上好医生村卫生室也配备了常用药品和简单检查设备"
    "乡村医生每年接受两次集中培训慢性病患者有了健康档案随访服务做到了每月一次",
    "今年夏粮收购工作进展顺利各地粮库敞开收购农民交售踊跃粮价保持稳定"
    "有关部门加强市场监管严厉打击压级压价坑农害农行为保护种粮积极性粮食部门还延长了收购时间"
    "在偏远乡村设立流动收购点农民不出村就能卖粮收购款当场结清不打白条",
]


def _font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    return "STSong-Light"


def _rows(text: str, hang: bool) -> list[str]:
    """Rows of one column; with ``hang`` every other full row ends in a comma hung past the column edge."""
    rows = [text[i : i + PER_ROW] for i in range(0, len(text), PER_ROW)]
    out = []
    for k, row in enumerate(rows):
        last = k == len(rows) - 1
        out.append(row + ("。" if last else "，" if hang and k % 2 == 0 else ""))
    return out


def _paragraph(text: str, hang: bool) -> str:
    return "".join(_rows(text, hang))


def _close_columns(path: Path, gutter_em: float) -> None:
    """A headline over three columns of one story, ``gutter_em`` apart; the first column's rows often end in a
    comma hung into the gutter (its em box reaching most of the way across)."""
    from reportlab.pdfgen import canvas

    font = _font()
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont(font, 24)
    c.drawString(60, 770, "城乡民生工作取得新进展")
    width = PER_ROW * SIZE
    for k, text in enumerate(COLUMN):
        x = 60 + k * (width + gutter_em * SIZE)
        c.setFont(font, SIZE)
        y = 730.0
        for row in _rows(text, hang=k == 0):
            c.drawString(x, y, row)
            y -= SIZE * 1.5
    c.save()


@pytest.mark.parametrize("gutter_em", [1.3, 1.2, 1.1, 1.05])
def test_columns_an_em_apart_are_read_one_after_the_other(tmp_path, gutter_em):
    """Each column's paragraph is read whole, not interleaved with its neighbour's rows, when the gutter is
    narrow and a line-ending comma's box reaches into it (to within a twentieth of an em of the next column)."""
    path = tmp_path / "close.pdf"
    _close_columns(path, gutter_em)
    outline = recover_outline(load_file(path))
    paragraphs = ["".join(p.text.split()) for p in outline.paragraphs]
    for k, text in enumerate(COLUMN):
        want = _paragraph(text, hang=k == 0)
        assert any(want in p for p in paragraphs), (k, [p[:30] for p in paragraphs])
        assert not any(want in p and len(p) > len(want) + 2 for p in paragraphs if k < 2), "columns merged"


def test_a_line_opening_with_a_quote_hung_into_the_gutter_stays_in_its_column(tmp_path):
    """A typesetter hangs an opening quote's empty half-em into a narrow gutter (its glyph sits in the right half of
    its box): the columns are still read one after the other, each paragraph whole."""
    from reportlab.pdfgen import canvas

    font = _font()
    path = tmp_path / "quote.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont(font, 24)
    c.drawString(60, 770, "城乡民生工作取得新进展")
    width, gutter = PER_ROW * SIZE, 0.9 * SIZE
    texts = [COLUMN[0], "“" + COLUMN[1][:60] + "”" + COLUMN[1][60:]]
    for k, text in enumerate(texts):
        x = 60 + k * (width + gutter)
        c.setFont(font, SIZE)
        y = 730.0
        for n, row in enumerate(_rows(text, hang=False)):
            hung = 0.5 * SIZE if n == 0 and row.startswith("“") else 0.0
            c.drawString(x - hung, y, row)
            y -= SIZE * 1.5
    c.save()
    outline = recover_outline(load_file(path))
    paragraphs = ["".join(p.text.split()) for p in outline.paragraphs]
    for text in texts:
        want = _paragraph(text, hang=False)
        assert any(want == p for p in paragraphs), [p[:30] for p in paragraphs]


@pytest.mark.parametrize(
    ("transfer", "continued"),
    [("〔下转第2版〕", "〔上接第1版〕"), ("【转第二版】", "【接第一版】"), ("（下轉第2版）", "（續第1版）")],
)
def test_jump_markers_in_other_brackets_and_traditional_characters_are_stitched(tmp_path, transfer, continued):
    """Papers bracket their jump markers in 〔〕 or 【】 as well as （）, and traditional-character papers write
    轉 / 續: the page-2 rest of a jumped story is cited under its headline, not under the story printed above it."""
    from reportlab.pdfgen import canvas

    font = _font()
    path = tmp_path / "jump.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))

    def story(y: float, head: str | None, rows: list[str]) -> float:
        if head:
            c.setFont(font, 22)
            c.drawString(60, y, head)
            y -= 40
        c.setFont(font, SIZE)
        for n, row in enumerate(rows):
            c.drawString(60 + (2 * SIZE if n == 0 else 0), y, row)
            y -= SIZE * 1.5
        return y - 30

    jumped = _rows(COLUMN[0], hang=False)
    y = story(780, "城市公交改革稳步推进", [*jumped[:3], jumped[3] + transfer])
    story(y, "农村合作医疗覆盖面扩大", _rows(COLUMN[1], hang=False))
    c.showPage()
    y = story(780, "夏粮收购进展顺利", _rows(COLUMN[2], hang=False))
    story(y, None, [continued + jumped[4], *jumped[5:]])
    c.save()
    outline = recover_outline(load_file(path))
    rest = "".join(jumped[5:])
    texts = ["".join(p.text.split()) for p in outline.paragraphs]
    homes = [s.path[:1] for s in outline.sections for i in s.paragraphs if rest in texts[i]]
    assert homes == [("城市公交改革稳步推进",)], homes


def test_a_rule_across_the_page_ends_the_band_of_columns_above_it(tmp_path):
    """Bands of stories ruled off across the page: the story above the rule is read column by column to its end
    before the next band, even where the next band's headline stands a few lines below the rule (space above
    it) and that band's other columns start right under the rule."""
    from reportlab.pdfgen import canvas

    font = _font()
    path = tmp_path / "bands.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    width, gutter = PER_ROW * SIZE, 1.5 * SIZE
    lead = 1.5 * SIZE

    def columns(texts: list[str], tops: list[float]) -> None:
        c.setFont(font, SIZE)
        for k, (text, y) in enumerate(zip(texts, tops, strict=True)):
            for row in _rows(text, hang=False):
                c.drawString(60 + k * (width + gutter), y, row)
                y -= lead

    c.setFont(font, 24)
    c.drawString(60, 780, "城乡民生工作取得新进展")
    upper = [COLUMN[0][:100], COLUMN[0][100:], COLUMN[1][:60]]
    columns(upper, [740.0] * 3)
    c.setLineWidth(0.8)
    c.line(60, 600, 60 + 3 * width + 2 * gutter, 600)
    c.setFont(font, 20)
    c.drawString(60, 540, "夏粮收购进展顺利")
    lower = [COLUMN[2][:54], COLUMN[2][54:126], COLUMN[2][126:]]
    columns(lower, [510.0, 580.0, 580.0])
    c.save()
    outline = recover_outline(load_file(path))
    texts = ["".join(p.text.split()) for p in outline.paragraphs]
    for text, head in ((COLUMN[0][100:130], "城乡民生工作取得新进展"), (COLUMN[1][:30], "城乡民生工作取得新进展")):
        homes = [s.path[:1] for s in outline.sections for i in s.paragraphs if text in texts[i]]
        assert homes == [(head,)], (text[:10], homes)


@pytest.mark.parametrize("kicker_size", [8.5, SIZE])
def test_a_kicker_below_body_size_over_a_headline_goes_with_that_headline(tmp_path, kicker_size):
    """A kicker set smaller than the body (or in the body's own type, standing apart from the text above it) right
    over a headline labels the story below it: it is not the last paragraph of the story above."""
    from reportlab.pdfgen import canvas

    font = _font()
    path = tmp_path / "kicker.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))

    def story(y: float, head: str, rows: list[str], kicker: str | None = None) -> float:
        if kicker:
            c.setFont(font, kicker_size)
            c.drawString(60, y, kicker)
            y -= 26
        c.setFont(font, 22)
        c.drawString(60, y, head)
        y -= 30
        c.setFont(font, SIZE)
        for n, row in enumerate(rows):
            c.drawString(60 + (2 * SIZE if n == 0 else 0), y, row)
            y -= SIZE * 1.5
        return y - 24

    y = story(780, "城市公交改革稳步推进", _rows(COLUMN[0], hang=False))
    story(y, "农村合作医疗覆盖面扩大", _rows(COLUMN[1], hang=False), kicker="今日关注")
    c.save()
    outline = recover_outline(load_file(path))
    first = next(s for s in outline.sections if s.path == ("城市公交改革稳步推进",))
    assert not any("今日关注" in outline.paragraphs[i].text for i in first.paragraphs)
    assert any(s.path[:1] == ("农村合作医疗覆盖面扩大",) for s in outline.sections)


def test_a_number_ending_in_a_full_width_point_over_a_narrow_gutter_keeps_the_columns_apart(tmp_path):
    """An overfull row whose last characters are a full-width number with its point ('１８１．', the number
    going on in the next row) reaches into a narrow gutter; the point's glyph sits in the left half of its em box
    like '。' does, so the columns are still read one after the other, each paragraph whole."""
    from reportlab.pdfgen import canvas

    font = _font()
    path = tmp_path / "point.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont(font, 24)
    c.drawString(60, 770, "城乡民生工作取得新进展")
    width, gutter = PER_ROW * SIZE, 1.3 * SIZE
    first = _rows(COLUMN[0], hang=False)
    first[2] = first[2][:-3] + "１８１．"  # a character wider than the column: its point's box is in the gutter
    texts = ["".join(first), _paragraph(COLUMN[1], hang=False)]
    for k, rows in enumerate((first, _rows(COLUMN[1], hang=False))):
        c.setFont(font, SIZE)
        y = 730.0
        for row in rows:
            c.drawString(60 + k * (width + gutter), y, row)
            y -= SIZE * 1.5
    c.save()
    outline = recover_outline(load_file(path))
    paragraphs = ["".join(p.text.split()) for p in outline.paragraphs]
    for want in texts:
        assert want in paragraphs, [p[:30] for p in paragraphs]


def test_a_jump_marker_set_flush_right_on_the_last_row_ends_that_paragraph(tmp_path):
    """'（转第2版）' set flush right on the row of a paragraph's last words, in another face whose taller ascent
    starts its box a little higher: it ends that paragraph (after its last words), and the story's page-2 text
    follows it in the story's section."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("MSung-Light"))
    font = _font()
    path = tmp_path / "flush.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    width = PER_ROW * SIZE
    rows = _rows(COLUMN[0], hang=False)[:7]
    rows[-1] = rows[-1][:11]  # the last row stops short, an em before the marker set at the column's right edge
    c.setFont(font, 18)
    c.drawString(60, 780, "城市公交改革稳步推进")
    y = 740.0
    for row in rows:
        c.setFont(font, SIZE)
        c.drawString(60, y, row)
        y -= SIZE * 1.5
    marker = "（转第2版）"
    c.setFont("MSung-Light", SIZE)
    c.drawRightString(60 + width, y + SIZE * 1.5 + 0.2, marker)
    x = 60 + width + 1.5 * SIZE  # another story in the next column
    c.setFont(font, 18)
    c.drawString(x, 780, "农村合作医疗覆盖面扩大")
    c.setFont(font, SIZE)
    for n, row in enumerate(_rows(COLUMN[1], hang=False)):
        c.drawString(x, 740 - n * SIZE * 1.5, row)
    c.showPage()
    c.setFont(font, SIZE)
    rest = _rows(COLUMN[2], hang=False)
    c.drawString(60, 780, "（上接第1版）" + rest[0])
    for n, row in enumerate(rest[1:]):
        c.drawString(60, 780 - (n + 1) * SIZE * 1.5, row)
    c.save()
    outline = recover_outline(load_file(path))
    texts = ["".join(p.text.split()) for p in outline.paragraphs]
    assert "".join(rows) + marker in texts, [t[-20:] for t in texts]
    story = next(s for s in outline.sections if s.path == ("城市公交改革稳步推进",))
    mine = [texts[i] for i in story.paragraphs]
    assert mine[0].endswith(marker) and mine[1].startswith("（上接第1版）"), [t[:12] for t in mine]


def test_a_band_parted_by_white_space_alone_ends_its_columns_and_a_jump_head_heads_its_continuation(tmp_path):
    """Page 2 opens with a jumped story's rest under its repeated headline, centred over the middle of four
    columns, '（上接第1版）' atop the first; a gap of white space (no rule) parts that band from the next, whose
    first column opens a story under its headline a little lower while the other columns go on with that
    story's text right under the gap. The continuation is read whole under its headline — first column first
    — and the next story's text under its own."""
    from reportlab.pdfgen import canvas

    from tests.newspaper_pdfs import _bundled_articles

    pool = ["".join(ch for ch in "".join(a.paragraphs) if "\u4e00" <= ch <= "\u9fff") for a in _bundled_articles()]
    font = _font()
    path = tmp_path / "band.pdf"
    width, gutter, lead = PER_ROW * SIZE, 1.5 * SIZE, 1.5 * SIZE
    xs = [40 + k * (width + gutter) for k in range(4)]
    height = 1000.0
    c = canvas.Canvas(str(path), pagesize=(2 * 40 + 4 * width + 3 * gutter, height))

    def rows_at(x: float, top: float, rows: list[str]) -> float:
        c.setFont(font, SIZE)
        for row in rows:
            c.drawString(x, height - top - SIZE, row)
            top += lead
        return top

    def flow(text: str, counts: list[int]) -> list[list[str]]:
        rows = [text[i : i + PER_ROW] for i in range(0, len(text), PER_ROW)]
        out = []
        for n in counts:
            out.append(rows[:n])
            rows = rows[n:]
        return out

    jumped = pool[0]  # page 1 prints 10 rows of it, then the marker
    c.setFont(font, 24)
    c.drawString(xs[0], height - 70, "城市公交改革稳步推进")
    first, second = flow(jumped, [5, 5])
    rows_at(xs[0], 90, first)
    rows_at(xs[1], 90, [*second[:4], second[4][:12] + "（下转第2版）"])
    c.setFont(font, 24)
    c.drawString(xs[2], height - 70, "农村合作医疗覆盖面扩大")
    other = pool[1]
    for x, rows in zip(xs[2:], flow(other[: 10 * PER_ROW - 1] + "。", [5, 5]), strict=True):
        rows_at(x, 90, rows)
    c.showPage()
    rest = jumped[10 * PER_ROW - 6 : 27 * PER_ROW - 7] + "。"  # from the cut sentence's tail on
    c.setFont(font, 20)
    head = "城市公交改革……"
    center = xs[0] + (4 * width + 3 * gutter) / 2
    c.drawCentredString(center, height - 60, head)
    top = 100.0
    c.setFont(font, SIZE)
    c.drawString(xs[0], height - top - SIZE, "（上接第1版）")
    cols = flow(rest, [2, 5, 5, 5])
    bottom = 0.0
    for k, (x, rows) in enumerate(zip(xs, cols, strict=True)):
        bottom = rows_at(x, top + (lead if k == 0 else 0), rows)
    gap_top = bottom + 2.4 * SIZE  # white space alone parts the bands
    c.setFont(font, 20)
    c.drawString(xs[0], height - gap_top - 30 - 20, "夏粮收购进展顺利")
    story = pool[7][: 14 * PER_ROW - 1] + "。"
    lower = flow(story, [2, 4, 4, 4])
    rows_at(xs[0], gap_top + 64, lower[0])
    for x, rows in zip(xs[1:], lower[1:], strict=True):
        rows_at(x, gap_top, rows)
    c.save()

    outline = recover_outline(load_file(path))
    texts = ["".join(p.text.split()) for p in outline.paragraphs]

    def homes(piece: str) -> list[tuple[str, ...]]:
        return [s.path[:1] for s in outline.sections for i in s.paragraphs if piece in texts[i]]

    for rows in cols:
        for row in rows:
            assert homes(row) == [("城市公交改革稳步推进",)], (row[:10], homes(row))
    for rows in lower:
        for row in rows:
            assert homes(row) == [("夏粮收购进展顺利",)], (row[:10], homes(row))


def test_a_dateline_set_on_a_line_of_its_own_opens_the_paragraph_after_it(tmp_path):
    """'本报讯（记者 王黎）' broken off onto a line of its own, the story's first paragraph indented below it: the
    dateline is read as the opening words of that paragraph (a search for the paragraph finds it whole), not as a
    paragraph of its own."""
    from reportlab.pdfgen import canvas

    font = _font()
    path = tmp_path / "dateline.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont(font, 22)
    c.drawString(60, 780, "城市公交改革稳步推进")
    y = 740.0
    c.setFont(font, SIZE)
    c.drawString(60 + 2 * SIZE, y, "本报讯（记者 王黎）")
    y -= SIZE * 1.5
    for n, row in enumerate(_rows(COLUMN[0], hang=False)):
        c.drawString(60 + (2 * SIZE if n == 0 else 0), y, row[:16] if n == 0 else row)
        y -= SIZE * 1.5
    c.save()
    outline = recover_outline(load_file(path))
    texts = ["".join(p.text.split()) for p in outline.paragraphs]
    assert texts[1].startswith("本报讯（记者王黎）" + COLUMN[0][:16]), texts


def test_columns_off_each_others_baselines_part_where_a_hung_comma_nearly_bridges_the_gutter(tmp_path):
    """Two columns just over an em apart, the second set a point off the first's baselines (each column on its own
    grid); the first column's rows end in a comma hung into the gutter, its em box reaching to within a tenth of an
    em of the next column. The columns are read one after the other, each paragraph whole."""
    from reportlab.pdfgen import canvas

    font = _font()
    path = tmp_path / "offset.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont(font, 24)
    c.drawString(60, 770, "城乡民生工作取得新进展")
    width, gutter = PER_ROW * SIZE, 1.08 * SIZE
    texts = [COLUMN[0], COLUMN[1]]
    for k, text in enumerate(texts):
        c.setFont(font, SIZE)
        y = 730.0 - k * 1.0
        for row in _rows(text, hang=k == 0):
            c.drawString(60 + k * (width + gutter), y, row)
            y -= SIZE * 1.5
    c.save()
    outline = recover_outline(load_file(path))
    paragraphs = ["".join(p.text.split()) for p in outline.paragraphs]
    for k, text in enumerate(texts):
        assert _paragraph(text, hang=k == 0) in paragraphs, [p[:30] for p in paragraphs]


def test_a_briefs_box_title_heads_its_items_not_the_story_before_it(tmp_path):
    """A briefs box in the next column — its title ('简讯') in bold a little larger than the body, each item under a
    bold body-size title — is a section of its own: every item's text is cited under (简讯, the item's title), not
    under the story printed before the box."""
    from reportlab.pdfgen import canvas

    font = _font()
    path = tmp_path / "briefs.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    width, gutter = PER_ROW * SIZE, 1.5 * SIZE

    def line(x: float, y: float, text: str, size: float, bold: bool = False) -> None:
        c.saveState()  # (the render mode is graphics state: it would outlive the text object)
        t = c.beginText(x, y)
        t.setFont(font, size)
        t.setTextRenderMode(2 if bold else 0)  # filled and stroked: a word processor's bold
        t.textLine(text)
        c.drawText(t)
        c.restoreState()

    line(60, 780, "城市公交改革稳步推进", 22)
    y = 740.0
    for row in _rows(COLUMN[0], hang=False):
        line(60, y, row, SIZE)
        y -= SIZE * 1.5
    x = 60 + width + gutter
    line(x, 740, "简讯", 1.2 * SIZE, bold=True)
    y = 718.0
    items = {"农村合作医疗覆盖面扩大": COLUMN[1], "夏粮收购进展顺利": COLUMN[2]}
    for title, text in items.items():
        line(x, y, title, SIZE, bold=True)
        y -= SIZE * 1.6
        for row in _rows(text, hang=False):
            line(x, y, row, SIZE)
            y -= SIZE * 1.5
        y -= SIZE
    c.save()
    outline = recover_outline(load_file(path))
    texts = ["".join(p.text.split()) for p in outline.paragraphs]
    for title, text in items.items():
        homes = [s.path for s in outline.sections for i in s.paragraphs if text[:30] in texts[i]]
        assert homes == [("简讯", title)], (title, homes)
    homes = [s.path for s in outline.sections for i in s.paragraphs if COLUMN[0][:30] in texts[i]]
    assert homes == [("城市公交改革稳步推进",)], homes


def test_a_paragraph_space_that_lines_up_with_a_gap_across_the_page_does_not_end_the_band(tmp_path):
    """A story's paragraph space in the middle column happens to line up with white space across the other columns
    (the first column's story ends over it, the next story's headline stands a few lines below it, the last
    column's story has ended): that is no band boundary, and the story's second paragraph stays with its first —
    it is not read after the last column's story."""
    from reportlab.pdfgen import canvas

    font = _font()
    path = tmp_path / "spaced.pdf"
    height = 842.0
    width, gutter, lead = PER_ROW * SIZE, 1.5 * SIZE, 1.4 * SIZE
    xs = [40 + k * (width + gutter) for k in range(3)]
    c = canvas.Canvas(str(path), pagesize=(2 * 40 + 3 * width + 2 * gutter, height))

    def rows_at(x: float, top: float, rows: list[str], size: float = SIZE) -> float:
        c.setFont(font, size)
        for row in rows:
            c.drawString(x, height - top - size, row)
            top += lead if size == SIZE else 1.3 * size
        return top

    rows_at(xs[0], 60, ["城乡民生工作进展"], 20)
    rows_at(xs[1], 60, ["城市公交改革推进"], 20)
    rows_at(xs[2], 60, ["夏粮收购进展顺利"], 20)
    first = _rows(COLUMN[1], hang=False)[:6]
    end = rows_at(xs[0], 100, first)
    x_rows = _rows(COLUMN[0], hang=False)
    para1, para2 = x_rows[:6], x_rows[6:]
    gap_top = rows_at(xs[1], 100, para1)
    rows_at(xs[1], gap_top + 0.7 * SIZE, para2)  # a paragraph space, no blank line
    rows_at(xs[2], 100, _rows(COLUMN[2], hang=False)[:5])
    head = end + 4 * lead
    rows_at(xs[0], head, ["农村医疗"], 20)
    rows_at(xs[0], head + 30, _rows(COLUMN[1], hang=False)[6:])
    c.save()
    outline = recover_outline(load_file(path))
    texts = ["".join(p.text.split()) for p in outline.paragraphs]
    homes = [s.path[:1] for s in outline.sections for i in s.paragraphs if "".join(para2)[:20] in texts[i]]
    assert homes == [("城市公交改革推进",)], homes
