"""Chinese dailies' story packages read right: real PDFs made with reportlab.

A story package sets its heads over the story (引题 / 主题 / 副题), its credit under them in a face of its own, its
text in columns, sometimes a sidebar or a framed commentary beside it; a jumped story's continuation sits on a later
page under its head set smaller. Found on the held-out PDFKit producer's diagnosis seeds (benchmarks/formats.py
--diagnosis-seeds, seeds 16500+); these tests use another library, other text and other dimensions.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.loading import load_file
from qa.structure import recover_outline
from tests.test_formats_gutters import COLUMN, _font

pytest.importorskip("reportlab")

HEI = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
SIZE = 10.0
PER_ROW = 15
SIDE = "秋粮收购进度加快各地粮站延长营业时间农民售粮排队现象明显减少收购价格保持稳定质检人员现场服务"


def _hei() -> str:
    """WenQuanYi Micro Hei (a 黑体): the face a credit line is set in beside a 宋体 body."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("Hei", str(HEI), subfontIndex=0))
    return "Hei"


def _squeeze(text: str) -> str:
    return "".join(text.split())


def _section_of(outline, needle: str) -> tuple[str, ...] | None:  # noqa: ANN001 - qa.records.Outline
    for section in outline.sections:
        for i in section.paragraphs:
            if needle in _squeeze(outline.paragraphs[i].text):
                return tuple(_squeeze(t) for t in section.path)
    return None


def _story(c, font: str, hei: str, x0: float, top: float, headline: str, credit: str, texts: list[str]) -> None:  # noqa: ANN001
    """A headline centred over three columns, the credit centred under it in 黑体 at body size, then ``texts`` as
    indented paragraphs flowing down the columns."""
    width = 3 * PER_ROW * SIZE + 2 * 1.5 * SIZE
    c.setFont(hei, 22)
    c.drawCentredString(x0 + width / 2, top, headline)
    c.setFont(hei, SIZE)
    c.drawCentredString(x0 + width / 2, top - 24, credit)
    c.setFont(font, SIZE)
    rows = []
    for text in texts:
        body = "\u3000\u3000" + text + "。"
        rows += [body[i : i + PER_ROW] for i in range(0, len(body), PER_ROW)]
    per_column = -(-len(rows) // 3)
    for k, row in enumerate(rows):
        col, r = divmod(k, per_column)
        c.drawString(x0 + col * (PER_ROW + 1.5) * SIZE, top - 48 - r * SIZE * 1.5, row)


@pytest.mark.parametrize(
    "credits",
    [("本报记者　张文华", "本报评论员"), ("李建国　王小红", "本報記者　陳志明")],
)
def test_a_credit_under_the_headline_in_a_face_of_its_own_is_the_byline_not_a_subhead(tmp_path, credits):
    """Two stories, each with its credit centred under its headline in 黑体 (bold beside the 宋体 body) at body size:
    the credit is a paragraph of its story, and the story's text is filed under the headline alone, not under a
    subhead named after its writer."""
    if not HEI.exists():
        pytest.skip("fonts-wqy-microhei is not installed")
    from reportlab.pdfgen import canvas

    font, hei = _font(), _hei()
    path = tmp_path / "credits.pdf"
    c = canvas.Canvas(str(path), pagesize=(760, 1000))
    heads = ("城市公交改革稳步推进", "夏粮收购工作进展顺利")
    _story(c, font, hei, 40, 940, heads[0], credits[0], [COLUMN[0][:60], COLUMN[1][:70]])
    _story(c, font, hei, 40, 520, heads[1], credits[1], [COLUMN[2][:65], COLUMN[1][70:130]])
    c.save()
    outline = recover_outline(load_file(path))
    assert _section_of(outline, COLUMN[0][:20]) == (heads[0],)
    assert _section_of(outline, COLUMN[1][:20]) == (heads[0],)
    assert _section_of(outline, COLUMN[2][:20]) == (heads[1],)
    assert _section_of(outline, COLUMN[1][70:90]) == (heads[1],)
    for head, credit in zip(heads, credits, strict=True):
        assert _section_of(outline, _squeeze(credit)) == (head,)


def _section_index(outline, needle: str) -> int | None:  # noqa: ANN001 - qa.records.Outline
    for s, section in enumerate(outline.sections):
        if any(needle in _squeeze(outline.paragraphs[i].text) for i in section.paragraphs):
            return s
    return None


def _columns(c, font: str, x0: float, top: float, text: str, columns: int, gutter: float = 1.5) -> None:  # noqa: ANN001
    c.setFont(font, SIZE)
    rows = [text[i : i + PER_ROW] for i in range(0, len(text), PER_ROW)]
    per_column = -(-len(rows) // columns)
    for k, row in enumerate(rows):
        col, r = divmod(k, per_column)
        c.drawString(x0 + col * (PER_ROW + gutter) * SIZE, top - r * SIZE * 1.5, row)


@pytest.mark.parametrize("marker", ["（上接第1版）", "（上接第一版）"])
def test_a_continuation_marker_on_a_line_below_its_smaller_head_opens_the_continuation(tmp_path, marker):
    """Page 1's story jumps to the foot of page 2, where its continuation runs in two columns of a three-column page
    under its head set smaller, with the marker on a line of its own set flush right under the head (over the empty
    third column): the continuation is stitched to the story, its text right after the page-1 text."""
    if not HEI.exists():
        pytest.skip("fonts-wqy-microhei is not installed")
    from reportlab.pdfgen import canvas

    font, hei = _font(), _hei()
    path = tmp_path / "jump.pdf"
    c = canvas.Canvas(str(path), pagesize=(760, 1000))
    width = 3 * PER_ROW * SIZE + 2 * 1.5 * SIZE
    head, other, second = "城市公交改革稳步推进", "夏粮收购工作进展顺利", "农村合作医疗覆盖面扩大"
    c.setFont(hei, 24)
    c.drawCentredString(40 + width / 2, 940, head)
    first = "\u3000\u3000" + COLUMN[0][:80]
    _columns(c, font, 40, 900, first + "（下转第2版）", 3)
    c.setFont(hei, 24)
    c.drawCentredString(40 + width / 2, 700, second)
    _columns(c, font, 40, 660, "\u3000\u3000" + COLUMN[1][:100] + "。", 3)
    c.showPage()
    c.setFont(hei, 24)
    c.drawCentredString(40 + width / 2, 940, other)
    _columns(c, font, 40, 900, "\u3000\u3000" + COLUMN[2] + "。", 3)
    c.setFont(hei, 16)
    c.drawCentredString(40 + width / 2, 600, head)
    c.setFont(hei, SIZE)
    c.drawRightString(40 + width, 580, marker)
    rest = COLUMN[0][80:] + "。"
    _columns(c, font, 40, 560, rest, 2)
    c.showPage()
    c.save()
    outline = recover_outline(load_file(path))
    on_page_1 = _section_index(outline, COLUMN[0][:20])
    assert on_page_1 is not None and outline.sections[on_page_1].path[0] == head
    assert _section_index(outline, rest[:15]) == on_page_1
    section = outline.sections[on_page_1]
    texts = [_squeeze(outline.paragraphs[i].text) for i in section.paragraphs]
    k = next(n for n, t in enumerate(texts) if COLUMN[0][:20] in t)
    assert rest[:15] in texts[k + 1]
    assert _section_index(outline, COLUMN[2][:20]) != on_page_1


@pytest.mark.parametrize("marker", ["上接第1版", "（上接第1版）"])
def test_a_marker_centred_under_a_smaller_head_over_the_middle_column_opens_the_continuation(tmp_path, marker):
    """The continuation at the foot of page 2 runs in all three columns under its head set smaller, the marker (bare or
    bracketed) centred on a line of its own right under the head — over the middle column's text, not the first's.
    The continuation is stitched to the story, its first words ('的…', which run into a bare marker would read as
    prose) right after the page-1 text; the middle column's text stays where it is."""
    if not HEI.exists():
        pytest.skip("fonts-wqy-microhei is not installed")
    from reportlab.pdfgen import canvas

    font, hei = _font(), _hei()
    path = tmp_path / "centred.pdf"
    c = canvas.Canvas(str(path), pagesize=(760, 1000))
    width = 3 * PER_ROW * SIZE + 2 * 1.5 * SIZE
    head, other, second = "乡村道路建设全面提速", "夏粮收购工作进展顺利", "农村合作医疗覆盖面扩大"
    c.setFont(hei, 24)
    c.drawCentredString(40 + width / 2, 940, head)
    _columns(c, font, 40, 900, "\u3000\u3000" + COLUMN[0][:80] + "下转第2版", 3)
    c.setFont(hei, 24)
    c.drawCentredString(40 + width / 2, 700, second)
    _columns(c, font, 40, 660, "\u3000\u3000" + COLUMN[1][:100] + "。", 3)
    c.showPage()
    c.setFont(hei, 24)
    c.drawCentredString(40 + width / 2, 940, other)
    _columns(c, font, 40, 900, "\u3000\u3000" + COLUMN[2] + "。", 3)
    c.setFont(hei, 16)
    c.drawCentredString(40 + width / 2, 600, head)
    c.setFont(hei, SIZE)
    c.drawCentredString(40 + width / 2, 582, marker)
    rest = "的" + COLUMN[0][80:] + "。"
    _columns(c, font, 40, 564, rest, 3)
    c.showPage()
    c.save()
    outline = recover_outline(load_file(path))
    on_page_1 = _section_index(outline, COLUMN[0][:20])
    assert on_page_1 is not None and outline.sections[on_page_1].path[0] == head
    section = outline.sections[on_page_1]
    texts = [_squeeze(outline.paragraphs[i].text) for i in section.paragraphs]
    k = next(n for n, t in enumerate(texts) if COLUMN[0][:20] in t)
    assert rest[:15] in texts[k + 1]
    assert _section_index(outline, rest[PER_ROW : 2 * PER_ROW]) == on_page_1
    assert _section_index(outline, COLUMN[2][:20]) != on_page_1


def test_a_headless_marker_atop_a_column_beside_another_headline_stays_with_its_column(tmp_path):
    """Page 2 opens with another story, its headline over the first two columns; the third column starts right under
    that headline's row with a continuation that has no head of its own: '（上接第1版）' flush with the column's left
    edge, its text under it. The marker opens that column's text (stitched to page 1's story), not a continuation
    under the neighbour's headline; the neighbour's text stays the neighbour's."""
    if not HEI.exists():
        pytest.skip("fonts-wqy-microhei is not installed")
    from reportlab.pdfgen import canvas

    font, hei = _font(), _hei()
    path = tmp_path / "headless.pdf"
    c = canvas.Canvas(str(path), pagesize=(760, 1000))
    width = 3 * PER_ROW * SIZE + 2 * 1.5 * SIZE
    head, other, second = "乡村道路建设全面提速", "夏粮收购工作进展顺利", "农村合作医疗覆盖面扩大"
    c.setFont(hei, 24)
    c.drawCentredString(40 + width / 2, 940, head)
    _columns(c, font, 40, 900, "\u3000\u3000" + COLUMN[0][:80] + "（下转第2版）", 3)
    c.setFont(hei, 24)
    c.drawCentredString(40 + width / 2, 700, second)
    _columns(c, font, 40, 660, "\u3000\u3000" + COLUMN[1][:100] + "。", 3)
    c.showPage()
    two = 2 * PER_ROW * SIZE + 1.5 * SIZE
    c.setFont(hei, 20)
    c.drawCentredString(40 + two / 2, 940, other)
    _columns(c, font, 40, 910, "\u3000\u3000" + COLUMN[2] + "。", 2)
    x3 = 40 + 2 * (PER_ROW + 1.5) * SIZE
    c.setFont(font, SIZE)
    c.drawString(x3, 925, "（上接第1版）")
    rest = COLUMN[0][80:] + "。"
    for r in range(0, len(rest), PER_ROW):
        c.drawString(x3, 925 - (r // PER_ROW + 1) * SIZE * 1.5, rest[r : r + PER_ROW])
    c.showPage()
    c.save()
    outline = recover_outline(load_file(path))
    on_page_1 = _section_index(outline, COLUMN[0][:20])
    assert on_page_1 is not None and outline.sections[on_page_1].path[0] == head
    assert _section_index(outline, rest[:15]) == on_page_1
    theirs = _section_index(outline, COLUMN[2][:20])
    assert theirs is not None and outline.sections[theirs].path == (other,)
    assert _section_index(outline, COLUMN[2][-20:]) == theirs


@pytest.mark.parametrize("split", ["（上", "（上接"])
def test_a_jump_head_run_into_its_marker_and_wrapped_inside_the_brackets_is_one_jump_head(tmp_path, split):
    """A continuation in a narrow column at the foot of page 2 under a short jump head — the story's head run into
    its marker, '…提速（上接第1版）' — wrapped so that the marker breaks inside its brackets. The head is one jump
    head: the continuation's text follows the page-1 text in its section, with no stray '接第1版）' paragraph
    between."""
    if not HEI.exists():
        pytest.skip("fonts-wqy-microhei is not installed")
    from reportlab.pdfgen import canvas

    font, hei = _font(), _hei()
    path = tmp_path / "wrapped.pdf"
    c = canvas.Canvas(str(path), pagesize=(760, 1000))
    width = 3 * PER_ROW * SIZE + 2 * 1.5 * SIZE
    head, other, second = "乡村道路建设全面提速", "夏粮收购工作进展顺利", "农村合作医疗覆盖面扩大"
    c.setFont(hei, 24)
    c.drawCentredString(40 + width / 2, 940, head)
    _columns(c, font, 40, 900, "\u3000\u3000" + COLUMN[0][:80] + "（下转第2版）", 3)
    c.setFont(hei, 24)
    c.drawCentredString(40 + width / 2, 700, second)
    _columns(c, font, 40, 660, "\u3000\u3000" + COLUMN[1][:100] + "。", 3)
    c.showPage()
    c.setFont(hei, 24)
    c.drawCentredString(40 + width / 2, 940, other)
    _columns(c, font, 40, 900, "\u3000\u3000" + COLUMN[2] + "。", 3)
    x3 = 40 + 2 * (PER_ROW + 1.5) * SIZE
    c.setFont(hei, 14)
    jump = head + "（上接第1版）"
    cut = jump.index(split) + len(split)
    c.drawCentredString(x3 + PER_ROW * SIZE / 2, 600, jump[:cut])
    c.drawCentredString(x3 + PER_ROW * SIZE / 2, 582, jump[cut:])
    rest = COLUMN[0][80:] + "。"
    _columns(c, font, x3, 560, rest, 1)
    c.showPage()
    c.save()
    outline = recover_outline(load_file(path))
    on_page_1 = _section_index(outline, COLUMN[0][:20])
    assert on_page_1 is not None and outline.sections[on_page_1].path == (head,)
    section = outline.sections[on_page_1]
    texts = [_squeeze(outline.paragraphs[i].text) for i in section.paragraphs]
    k = next(n for n, t in enumerate(texts) if COLUMN[0][:20] in t)
    assert rest[:15] in texts[k + 1]
    assert _section_index(outline, COLUMN[2][:20]) != on_page_1


def test_a_paragraph_set_in_a_bold_face_is_text_and_a_bold_subhead_still_heads(tmp_path):
    """A story's second paragraph is set in 黑体 (bold beside the 宋体 body) at body size over four lines; further
    down a one-line 黑体 subhead opens the story's second part. The bold paragraph is one paragraph of the story
    (not four subheads, each line its own), and the subhead still heads what follows it."""
    if not HEI.exists():
        pytest.skip("fonts-wqy-microhei is not installed")
    from reportlab.pdfgen import canvas

    font, hei = _font(), _hei()
    path = tmp_path / "bold.pdf"
    c = canvas.Canvas(str(path), pagesize=(760, 1000))
    head, subhead = "城市公交改革稳步推进", "乡村医疗条件改善"
    width = 3 * PER_ROW * SIZE + 2 * 1.5 * SIZE
    c.setFont(hei, 24)
    c.drawCentredString(40 + width / 2, 940, head)
    plain, bold, after = COLUMN[0][:44] + "。", COLUMN[2][:52] + "。", COLUMN[1][:58] + "。"
    rows: list[tuple[str, str]] = []
    for text, face in ((plain, font), (bold, hei)):
        body = "\u3000\u3000" + text
        rows += [(body[i : i + PER_ROW], face) for i in range(0, len(body), PER_ROW)]
    rows.append(("", font))
    rows.append((subhead, hei))
    rows.append(("", font))
    body = "\u3000\u3000" + after
    rows += [(body[i : i + PER_ROW], font) for i in range(0, len(body), PER_ROW)]
    per_column = -(-len(rows) // 2)
    for k, (row, face) in enumerate(rows):
        col, r = divmod(k, per_column)
        c.setFont(face, SIZE)
        c.drawString(40 + col * (PER_ROW + 1.5) * SIZE, 900 - r * SIZE * 1.5, row)
    c.save()
    outline = recover_outline(load_file(path))
    texts = [_squeeze(p.text) for p in outline.paragraphs]
    assert any(t.endswith(bold) for t in texts), texts  # one paragraph, whole
    assert _section_of(outline, bold[:15]) == (head,)
    assert _section_of(outline, plain[:15]) == (head,)
    assert _section_of(outline, after[:15]) == (head, subhead)


def test_a_rule_across_the_page_parts_bands_of_stories_set_close(tmp_path):
    """Two bands of stories on one four-column grid, parted by a rule across the page with only a little more
    space than a line's: the upper story runs over all four columns under a headline that spans only the first
    three, and the lower band opens with section labels (栏目名) in display type over a three-column story and a
    one-column one. The gutter before the fourth column runs the page's full height, yet the upper story's fourth
    column is its own, not read after the lower band's first story."""
    if not HEI.exists():
        pytest.skip("fonts-wqy-microhei is not installed")
    from reportlab.pdfgen import canvas

    font, hei = _font(), _hei()
    path = tmp_path / "bands.pdf"
    c = canvas.Canvas(str(path), pagesize=(760, 1000))
    pitch, gutter = (PER_ROW + 1.5) * SIZE, 1.5 * SIZE

    def column(col: int, top: float, text: str) -> float:
        c.setFont(font, SIZE)
        rows = [text[i : i + PER_ROW] for i in range(0, len(text), PER_ROW)]
        for r, row in enumerate(rows):
            c.drawString(40 + col * pitch, top - r * 1.5 * SIZE, row)
        return top - (len(rows) - 1) * 1.5 * SIZE  # the last row's baseline

    upper, lower, side = "城市公交改革稳步推进", "乡村医疗条件明显改善", "粮食收购"
    c.setFont(hei, 24)
    c.drawCentredString(40 + 1.5 * pitch - gutter / 2, 940, upper)
    texts = [COLUMN[0][i * 75 : (i + 1) * 75] for i in range(2)] + [COLUMN[1][:75], COLUMN[1][75:150]]
    foot = min(column(k, 900, "\u3000\u3000" * (k == 0) + t) for k, t in enumerate(texts))
    # The labels' top about 0.8 em under the last row's glyph boxes (a line gap is 0.4 em), the rule between.
    label = foot - 1.95 * SIZE
    c.setLineWidth(0.6)
    c.line(40, foot - 0.55 * SIZE, 40 + 4 * pitch - gutter, foot - 0.55 * SIZE)
    c.setFont(hei, 11)
    c.drawString(40, label, "■民生观察")
    c.drawString(40 + 3 * pitch, label, "■今日关注")
    c.setFont(hei, 22)
    c.drawCentredString(40 + 1.5 * pitch - gutter / 2, label - 30, lower)
    c.drawCentredString(40 + 3.5 * pitch - gutter, label - 30, side)
    for k in range(3):
        column(k, label - 60, "\u3000\u3000" * (k == 0) + COLUMN[2][k * 45 : (k + 1) * 45])
    column(3, label - 60, "\u3000\u3000" + SIDE)
    c.save()
    outline = recover_outline(load_file(path))
    assert _section_of(outline, COLUMN[1][75:95]) == (upper,)
    assert _section_of(outline, COLUMN[1][:20]) == (upper,)
    assert _section_of(outline, COLUMN[2][50:70]) == (lower,)
    assert _section_of(outline, SIDE[:20]) == (side,)


def test_a_byline_across_the_gutter_of_spaced_columns_parts_no_line(tmp_path):
    """A two-column story with spaced (not indented) paragraphs, its byline (in 黑体) centred under the headline
    across the gutter; the columns' paragraph spaces differ, so after their first rows they share no baseline grid.
    The byline is the only row around the first row with text on both sides of the gutter: the first rows of the
    two columns are still two lines, and every paragraph is read whole."""
    if not HEI.exists():
        pytest.skip("fonts-wqy-microhei is not installed")
    from reportlab.pdfgen import canvas

    font, hei = _font(), _hei()
    path = tmp_path / "spaced.pdf"
    c = canvas.Canvas(str(path), pagesize=(600, 800))
    head = "城市公交改革稳步推进"
    per_row, pitch = 16, 16 * SIZE + 1.5 * SIZE
    c.setFont(font, 22)
    c.drawCentredString(40 + pitch - 0.75 * SIZE, 740, head)
    c.setFont(hei, SIZE)
    c.drawCentredString(40 + pitch - 0.75 * SIZE, 712, "本报记者　张文华　李明远")
    c.setFont(font, SIZE)
    columns = [
        [COLUMN[0][:40] + "。", COLUMN[0][40:90] + "。", COLUMN[0][90:] + "。"],
        [COLUMN[1][:20] + "。", COLUMN[1][20:75] + "。", COLUMN[2][:45] + "。"],
    ]
    for col, paragraphs in enumerate(columns):
        y = 690.0
        for text in paragraphs:
            for i in range(0, len(text), per_row):
                c.drawString(40 + col * pitch, y, text[i : i + per_row])
                y -= 1.5 * SIZE
            y -= (0.6 if col == 0 else 1.0) * SIZE  # the paragraph space, not alike in the two columns
    c.save()
    outline = recover_outline(load_file(path))
    texts = [_squeeze(p.text) for p in outline.paragraphs]
    for paragraph in (p for col in columns for p in col):
        assert paragraph in texts, (paragraph, texts)
    assert _section_of(outline, COLUMN[1][20:40]) == (head,)


def test_a_kicker_a_little_smaller_than_its_shrunk_headline_is_no_line_of_it(tmp_path):
    """A one-column story whose long headline was shrunk to fit the column (14 pt), under a kicker (引题) in
    13.5 pt right above it: the kicker is the story's kicker, not the headline's first line, and the story's text
    is filed under the headline alone."""
    if not HEI.exists():
        pytest.skip("fonts-wqy-microhei is not installed")
    from reportlab.pdfgen import canvas

    font, hei = _font(), _hei()
    path = tmp_path / "deck.pdf"
    c = canvas.Canvas(str(path), pagesize=(760, 800))
    kicker, head = "国家科技领导小组召开会议", "欧盟将向阿派遣代表团政府已表示接受"
    _story(c, font, hei, 40, 750, "城市公交改革稳步推进", "本报记者　张文华", [COLUMN[0], COLUMN[2]])
    x = 40 + (PER_ROW + 1.5) * SIZE  # under the first story, in its second column
    c.setFont(hei, 13.5)
    c.drawCentredString(x + PER_ROW * SIZE / 2, 560, kicker)
    c.setFont(hei, 14)
    c.drawCentredString(x + PER_ROW * SIZE / 2, 543, head[:PER_ROW])
    c.drawCentredString(x + PER_ROW * SIZE / 2, 527, head[PER_ROW:])
    _columns(c, font, x, 502, "\u3000\u3000" + COLUMN[1] + "。", 1)
    c.save()
    outline = recover_outline(load_file(path))
    assert _section_of(outline, COLUMN[1][:20]) == (head,)
    assert _section_of(outline, kicker) == (head,)


def test_text_run_round_a_photo_keeps_its_paragraphs_whole(tmp_path):
    """A photo over the left half of a story's second column: that column's lines beside it are half as long (and
    start in from the column's edge), then run full width under it. The paragraph that goes on beside the photo and
    under it is one paragraph, not one per half-length line."""
    from reportlab.pdfgen import canvas

    font = _font()
    path = tmp_path / "runaround.pdf"
    c = canvas.Canvas(str(path), pagesize=(600, 800))
    head = "城市公交改革稳步推进"
    pitch = (PER_ROW + 1.5) * SIZE
    c.setFont(font, 22)
    c.drawCentredString(40 + pitch - 0.75 * SIZE, 740, head)
    c.setFont(font, SIZE)
    first = "\u3000\u3000" + COLUMN[0][:58] + "。"
    rows = [first[i : i + PER_ROW] for i in range(0, len(first), PER_ROW)]
    for r, row in enumerate(rows):
        c.drawString(40, 700 - r * 1.5 * SIZE, row)
    x2, half = 40 + pitch, 7  # the photo covers the column's first 8 ems; the lines beside it hold 7 characters
    c.setFillGray(0.7)
    c.rect(x2, 700 - 5 * 1.5 * SIZE, 7.5 * SIZE, 5 * 1.5 * SIZE + SIZE, fill=1, stroke=0)
    c.setFillGray(0)
    second = COLUMN[1][:105] + "。"
    text, y, k = "\u3000\u3000" + second, 700.0, 0
    while k < len(text):
        beside = y > 700 - 5 * 1.5 * SIZE
        n = half if beside else PER_ROW
        x = x2 + (PER_ROW - half) * SIZE if beside else x2
        c.drawString(x, y, text[k : k + n])
        k += n
        y -= 1.5 * SIZE
    c.save()
    outline = recover_outline(load_file(path))
    texts = [_squeeze(p.text) for p in outline.paragraphs]
    assert first.strip("\u3000") in texts
    assert second in texts, texts
    assert _section_of(outline, second[:20]) == (head,)


def test_a_byline_atop_the_last_column_is_no_part_of_the_paragraph_running_into_it(tmp_path):
    """A story's byline set flush right under its headline, over the story's last column, right above that column's
    text; the paragraph from the column before runs on into it. The byline is the story's byline, and the paragraph
    is read whole without it."""
    if not HEI.exists():
        pytest.skip("fonts-wqy-microhei is not installed")
    from reportlab.pdfgen import canvas

    font, hei = _font(), _hei()
    path = tmp_path / "byline.pdf"
    c = canvas.Canvas(str(path), pagesize=(760, 800))
    head, credit = "城市公交改革稳步推进", "本报记者　张文华　李明远"
    pitch = (PER_ROW + 1.5) * SIZE
    c.setFont(hei, 22)
    c.drawCentredString(40 + pitch - 0.75 * SIZE, 740, head)
    c.setFont(hei, SIZE)
    c.drawRightString(40 + 2 * pitch + PER_ROW * SIZE, 728, credit)
    paragraphs = [COLUMN[0] + "。", COLUMN[1] + "。", COLUMN[2][:40] + "。"]
    rows = [
        row
        for text in paragraphs
        for row in (("\u3000\u3000" + text)[i : i + PER_ROW] for i in range(0, len(text) + 2, PER_ROW))
    ]
    per_column = -(-len(rows) // 3)
    c.setFont(font, SIZE)
    for k, row in enumerate(rows):
        col, r = divmod(k, per_column)
        c.drawString(40 + col * pitch, 710 - r * 1.5 * SIZE, row)
    c.save()
    outline = recover_outline(load_file(path))
    texts = [_squeeze(p.text) for p in outline.paragraphs]
    for paragraph in paragraphs:
        assert paragraph in texts, texts
    assert _squeeze(credit) in texts
    assert _section_of(outline, _squeeze(credit)) == (head,)
