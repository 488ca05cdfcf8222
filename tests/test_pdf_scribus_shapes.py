"""Shapes a desktop-publishing program (Scribus, InDesign, 方正飞翔) puts on a newspaper page that the reader
misread, each built here with reportlab (not with that program) so the test is fast and stands alone:

- bylines set alike on one page ('本报记者　李娜', the names an ideographic space after the title — a space the
  PDF does not store as a glyph) start their names at one x in several rows: that is no column edge;
- a justified line stretched by its digits ('本报西安1月22日讯') runs half an em into a narrow gutter, nearly
  touching the next column's first character;
- jump lines with an arrow after or before the marker ('转二版→', '←接一版').
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.loading import load_file
from qa.structure import recover_outline

pytest.importorskip("reportlab")

FONT = "STSong-Light"
SIZE = 10.0
TEXTS = [
    "城市公共交通改革稳步推进新线路开通后市民出行更加便利早晚高峰时段的拥挤状况明显缓解。"
    "交通部门还将增加夜间班次方便加班职工回家沿线居民普遍表示满意。",
    "农村合作医疗覆盖面逐年扩大参保农民看病报销比例有所提高乡镇卫生院添置了新设备。"
    "县医院专家定期下乡坐诊群众在家门口就能看上好医生。",
    "今年夏粮收购工作进展顺利各地粮库敞开收购农民交售踊跃粮价保持稳定。"
    "有关部门加强市场监管严厉打击压级压价坑农害农行为保护种粮积极性。",
    "全市中小学今年新建了一批标准化实验室学生动手做实验的机会明显增多。"
    "教育部门还组织骨干教师送教下乡城乡学校结对帮扶的做法受到欢迎。",
]
HEADS = ["城市公交改革稳步推进", "农村合作医疗覆盖面扩大", "夏粮收购进展顺利", "中小学实验室建设加快"]


def _norm(text: str) -> str:
    return "".join(text.split())


def _rows(text: str, per_row: int) -> list[str]:
    return [text[i : i + per_row] for i in range(0, len(text), per_row)]


def _home(outline, text: str) -> list[tuple[str, ...]]:  # noqa: ANN001 - qa.records.Outline
    """The section paths of the paragraphs holding ``text`` whole."""
    texts = [_norm(p.text) for p in outline.paragraphs]
    return [s.path for s in outline.sections for i in s.paragraphs if _norm(text) in texts[i]]


def test_bylines_set_alike_keep_their_names(tmp_path: Path, fonts) -> None:
    """Four stories in one column, each under a byline '本报记者　<names>' whose names start one em after the
    title (no space glyph in the PDF), so the names of all four start at one x: each byline is read whole as
    its story's byline, not its title as a byline and its names as the story's first paragraph."""
    from reportlab.pdfgen import canvas

    path = tmp_path / "bylines.pdf"
    c = canvas.Canvas(str(path), pagesize=(420, 842))
    names = ["李娜", "张东文　马晓春", "张福纯", "孙浩　王磊"]
    y = 740.0
    for head, text, name in zip(HEADS, TEXTS, names, strict=True):
        c.setFont(FONT, 20)
        c.drawString(40, y, head)
        y -= 26
        c.setFont(FONT, 9)
        c.drawString(40, y, "本报记者")
        x = 40 + 5 * 9  # four characters and an ideographic space
        for part in name.split("　"):
            c.drawString(x, y, part)
            x += (len(part) + 1) * 9
        y -= 20
        c.setFont(FONT, SIZE)
        for n, row in enumerate(_rows(text, 30)):
            c.drawString(40 + (2 * SIZE if n == 0 else 0), y, row)
            y -= SIZE * 1.6
        y -= 30
    c.save()
    outline = recover_outline(load_file(path))
    for head, text, name in zip(HEADS, TEXTS, names, strict=True):
        byline = "本报记者" + name.replace("　", "")
        assert _home(outline, byline) == [(head,)], (byline, [p.text for p in outline.paragraphs][:12])
        assert _home(outline, text) == [(head,)]
    bylines = [_norm(p.text) for p in outline.paragraphs if p.role_hint == "byline"]
    assert len(bylines) == 4 and all(b.startswith("本报记者") and len(b) > 4 for b in bylines), bylines


def test_a_line_run_into_a_narrow_gutter_keeps_the_columns_apart(tmp_path: Path, fonts) -> None:
    """Three columns 0.63 em apart under one headline; each column's first line (a dateline whose digits stretch
    it) runs half an em past the column's edge, a point short of the next column's first character. The columns
    are still read one after the other: each paragraph whole, none interleaved with its neighbour's rows."""
    from reportlab.pdfgen import canvas

    path = tmp_path / "overrun.pdf"
    per_row = 24
    width = per_row * SIZE
    gutter = 0.63 * SIZE
    c = canvas.Canvas(str(path), pagesize=(3 * width + 2 * gutter + 60, 842))
    c.setFont(FONT, 24)
    c.drawString(30, 800, "城乡民生工作取得新进展")
    texts = ["本报西安1月22日讯　" + TEXTS[k] + TEXTS[k + 1] for k in range(3)]
    for k, text in enumerate(texts):
        x = 30 + k * (width + gutter)
        rows = _rows(text, per_row)
        y = 760.0
        for n, row in enumerate(rows):
            c.setFont(FONT, SIZE)
            if n == 0:  # stretched: the row ends half an em past the column's right edge
                step = (width + 0.5 * SIZE - SIZE) / (len(row) - 1)
                for j, ch in enumerate(row):
                    c.drawString(x + j * step, y, ch)
            else:
                c.drawString(x, y, row)
            y -= SIZE * 1.6
    c.save()
    outline = recover_outline(load_file(path))
    paragraphs = [_norm(p.text) for p in outline.paragraphs]
    for text in texts:
        assert _norm(text) in paragraphs, [p[:30] for p in paragraphs]


@pytest.mark.parametrize(("transfer", "continued"), [("转二版→", "←接一版"), ("（下转第2版）→", "←（接第1版）")])
def test_jump_lines_with_an_arrow_are_stitched(tmp_path: Path, fonts, transfer: str, continued: str) -> None:
    """A jump line of its own with an arrow after the transfer ('转二版→') or before the continuation
    ('←接一版'), on two-column pages: the page-2 rest of the story is cited under its headline, right after its
    page-1 text."""
    from reportlab.pdfgen import canvas

    path = tmp_path / "arrows.pdf"
    per_row = 18
    width = per_row * SIZE
    c = canvas.Canvas(str(path), pagesize=(2 * width + 3 * SIZE + 80, 700))

    def story(x: float, y: float, head: str, size: float, rows: list[str], before: str = "", after: str = "") -> None:
        c.setFont(FONT, size)
        c.drawString(x, y, head)
        y -= size + 14
        c.setFont(FONT, SIZE)
        if before:
            c.drawString(x, y, before)
            y -= SIZE * 1.6
        for n, row in enumerate(rows):
            c.drawString(x + (2 * SIZE if n == 0 and not before else 0), y, row)
            y -= SIZE * 1.6
        if after:
            c.drawRightString(x + width, y, after)

    right = 40 + width + 3 * SIZE
    jumped = _rows(TEXTS[0] + TEXTS[3], per_row)
    story(40, 640, HEADS[0], 20, jumped[:5], after=transfer)
    story(right, 640, HEADS[1], 20, _rows(TEXTS[1], per_row))
    c.showPage()
    story(40, 640, HEADS[2], 20, _rows(TEXTS[2], per_row))
    story(right, 640, HEADS[0], 14, jumped[5:], before=continued)
    c.save()
    outline = recover_outline(load_file(path))
    first, rest = "".join(jumped[:5]), "".join(jumped[6:])
    assert _home(outline, rest) == [(HEADS[0],)], [(s.path, s.paragraphs) for s in outline.sections]
    texts = [_norm(p.text) for p in outline.paragraphs]
    where = {i: (k, n) for k, s in enumerate(outline.sections) for n, i in enumerate(s.paragraphs)}
    a = where[next(i for i, t in enumerate(texts) if first in t)]
    b = where[next(i for i, t in enumerate(texts) if rest in t)]
    assert b == (a[0], a[1] + 1), (a, b, texts)  # read on right after the page-1 text, in its section


@pytest.mark.parametrize(("lines", "indent"), [(2, 0), (3, 0), (2, 2), (3, 2)])
def test_a_drop_cap_is_the_first_character_of_its_paragraph(tmp_path: Path, fonts, lines: int, indent: int) -> None:
    """A story in two columns whose first paragraph opens with a drop cap ``lines`` lines tall (its top level with
    the first line's, its baseline the last of the lines beside it, which are indented to clear it; the paragraph
    itself indented ``indent`` characters or not): the paragraph is read whole, the cap as its first character."""
    from reportlab.pdfgen import canvas

    path = tmp_path / "dropcap.pdf"
    per_row, pitch = 20, SIZE * 1.5
    width = per_row * SIZE
    c = canvas.Canvas(str(path), pagesize=(2 * width + 2 * SIZE + 80, 700))
    c.setFont(FONT, 24)
    c.drawString(40, 640, HEADS[0])
    first, rest = TEXTS[0] + TEXTS[3], TEXTS[1] + TEXTS[2]
    # From the last line's baseline up to the first line's top (this font's glyph box rises 0.83 em over its baseline)
    cap_size = ((lines - 1) * pitch + 0.83 * SIZE) / 0.83
    y0 = 600.0
    x_cap = 40 + indent * SIZE
    c.setFont(FONT, cap_size)
    c.drawString(x_cap, y0 - (lines - 1) * pitch, first[0])
    rows, at = [], 1
    for n in range(40):
        beside = n < lines
        start = x_cap + cap_size + 0.1 * SIZE if beside else 40
        room = int((40 + width - start) // SIZE)
        rows.append((start, first[at : at + room]))
        at += room
        if at >= len(first):
            break
    c.setFont(FONT, SIZE)
    column, y = 0, y0
    for start, row in [
        *rows,
        *((40 + 2 * SIZE, rest[:18]),),
        *((40, rest[k : k + per_row]) for k in range(18, len(rest), per_row)),
    ]:
        if y < 420:
            column, y = 1, y0
        c.drawString(start + column * (width + 2 * SIZE), y, row)
        y -= pitch
    c.save()
    outline = recover_outline(load_file(path))
    paragraphs = [_norm(p.text) for p in outline.paragraphs]
    assert _norm(first) in paragraphs, [p[:24] for p in paragraphs]
    assert _home(outline, first) == [(HEADS[0],)]


def test_lines_and_a_head_run_into_a_narrow_gutter_keep_two_stories_apart(tmp_path: Path, fonts) -> None:
    """Two stories side by side, 0.6 em apart, their heads on one row; the left story's head runs past its
    column's edge into the gutter, and some of its lines (stretched, as digits stretch a justified line) run half
    an em into it, on rows
    the right story's lines (on a baseline grid of their own) leave white. Each story's text is read whole and
    cited under its own head."""
    from reportlab.pdfgen import canvas

    path = tmp_path / "overruns.pdf"
    per_row = 20
    width = per_row * SIZE
    gutter = 0.6 * SIZE
    right = 40 + width + gutter
    c = canvas.Canvas(str(path), pagesize=(2 * width + gutter + 80, 700))
    c.setFont(FONT, 18.5)
    c.drawString(40, 640, HEADS[0] + "好")  # 11 characters of 18.5 pt: 3.5 pt past the column's right edge
    c.drawString(right + 4 * SIZE, 640, HEADS[2])
    left = TEXTS[0] + TEXTS[3]
    rows = _rows(left, per_row)
    y = 600.0
    for n, row in enumerate(rows):
        c.setFont(FONT, SIZE)
        if n in (0, 3) and len(row) == per_row:  # stretched past the edge, each by its own amount
            step = (width + (0.55 if n == 0 else 0.25) * SIZE - SIZE) / (per_row - 1)
            for j, ch in enumerate(row):
                c.drawString(40 + j * step, y, ch)
        else:
            c.drawString(40, y, row)
        y -= SIZE * 1.5
    y = 596.0
    for row in _rows(TEXTS[2] + TEXTS[1], per_row):
        c.drawString(right, y, row)
        y -= SIZE * 1.7
    c.save()
    outline = recover_outline(load_file(path))
    assert _home(outline, left) == [(HEADS[0] + "好",)], [p.text[:20] for p in outline.paragraphs]
    assert _home(outline, TEXTS[2] + TEXTS[1]) == [(HEADS[2],)], [p.text[:20] for p in outline.paragraphs]


def test_a_photo_and_its_caption_inside_a_column_do_not_split_the_paragraph_run_round_them(
    tmp_path: Path, fonts
) -> None:
    """A photo (a tinted box) set inside a story's first column with its caption under it in smaller type, the
    column's text running on mid-sentence above and below both: the paragraph is read whole, the caption as a
    paragraph of its own in the same story."""
    from reportlab.pdfgen import canvas

    path = tmp_path / "photo.pdf"
    per_row, pitch = 20, SIZE * 1.6
    width = per_row * SIZE
    c = canvas.Canvas(str(path), pagesize=(width + 80, 700))
    c.setFont(FONT, 24)
    c.drawString(40, 640, HEADS[0])
    first = TEXTS[0] + TEXTS[3]
    rows = _rows(first, per_row)
    caption = "新线路首班车驶出车站"
    y = 600.0
    for n, row in enumerate([*rows, *_rows(TEXTS[1], per_row)]):
        if n == 3:  # the photo, then its caption, then the column runs on
            c.setFillGray(0.85)
            c.rect(40, y - 90, width, 96, stroke=0, fill=1)
            c.setFillGray(0)
            c.setFont(FONT, 8.5)
            c.drawString(40, y - 90 - 10, caption)
            y -= 90 + 10 + 8.5 + 0.8 * SIZE
        c.setFont(FONT, SIZE)
        c.drawString(40 + (2 * SIZE if n in (0, len(rows)) else 0), y, row)
        y -= pitch
    c.save()
    outline = recover_outline(load_file(path))
    paragraphs = [_norm(p.text) for p in outline.paragraphs]
    assert _norm(first) in paragraphs, [p[:20] for p in paragraphs]
    assert _home(outline, caption) == [(HEADS[0],)]
