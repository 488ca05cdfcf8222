"""Headlines a desktop-publishing program (Scribus, InDesign, 方正飞翔) sets beside one another that the reader
misread (found on the Scribus producer's DIAGNOSIS seeds of benchmarks/formats.py), each built here with reportlab
so the test is fast and stands alone:

- a headline broken flush left over one column (its last line short) heads that column only, not the column to
  its left: the last column of a lead whose headline is set over its first columns and whose byline is set flush
  right over its last column;
- a headline a little too long for its column runs into the gutter, nearly touching the headline beside it: the
  two stories are still read apart, each head over its own column.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.loading import load_file
from qa.structure import recover_outline

pytest.importorskip("reportlab")

FONT = "STSong-Light"
SIZE = 10.0
PITCH = 1.5 * SIZE
TEXTS = [
    "城市公共交通改革稳步推进新线路开通后市民出行更加便利早晚高峰时段的拥挤状况明显缓解。"
    "交通部门还将增加夜间班次方便加班职工回家沿线居民普遍表示满意。",
    "农村合作医疗覆盖面逐年扩大参保农民看病报销比例有所提高乡镇卫生院添置了新设备。"
    "县医院专家定期下乡坐诊群众在家门口就能看上好医生。",
    "今年夏粮收购工作进展顺利各地粮库敞开收购农民交售踊跃粮价保持稳定。"
    "有关部门加强市场监管严厉打击压级压价坑农害农行为保护种粮积极性。",
    "全市中小学今年新建了一批标准化实验室学生动手做实验的机会明显增多。"
    "教育部门还组织骨干教师送教下乡城乡学校结对帮扶的做法受到欢迎。",
    "新建的社区图书馆向居民免费开放藏书三万余册还设有少儿阅览室和电子阅览区。"
    "开馆一个月来接待读者上万人次周末常常座无虚席。",
    "高速公路服务区今年完成改造新增充电桩和母婴室过往司机和旅客的休息条件明显改善。"
    "有关部门表示将继续推进服务区提档升级。",
]


def _norm(text: str) -> str:
    return "".join(text.split())


def _flow(paragraphs: list[str], per_row: int) -> list[tuple[bool, str]]:
    """Rows of ``per_row`` characters, each paragraph's first row indented two characters: (indented, text)."""
    rows: list[tuple[bool, str]] = []
    for text in paragraphs:
        first = per_row - 2
        rows.append((True, text[:first]))
        rows += [(False, text[k : k + per_row]) for k in range(first, len(text), per_row)]
    return rows


def _set_rows(c, rows: list[tuple[bool, str]], x: float, top: float) -> None:  # noqa: ANN001 - reportlab canvas
    c.setFont(FONT, SIZE)
    for n, (indented, row) in enumerate(rows):
        c.drawString(x + (2 * SIZE if indented else 0), top - n * PITCH, row)


def _home(outline, text: str) -> list[tuple[str, ...]]:  # noqa: ANN001 - qa.records.Outline
    """The section paths of the paragraphs holding ``text`` whole."""
    texts = [_norm(p.text) for p in outline.paragraphs]
    return [s.path for s in outline.sections for i in s.paragraphs if _norm(text) in texts[i]]


def test_a_flush_left_headline_heads_its_own_column_only(tmp_path: Path, fonts) -> None:
    """A lead in four columns, its headline over the first two and its byline flush right over the fourth; in the
    fifth column a story under a headline broken flush left (the first line filling the column, the second short),
    its text starting on the lead's first row. The lead's fourth column is read with the lead, not under the
    neighbour's headline."""
    from reportlab.pdfgen import canvas

    per_row, gutter = 12, 1.2 * SIZE
    width = per_row * SIZE
    x0 = 40.0
    xs = [x0 + k * (width + gutter) for k in range(5)]
    path = tmp_path / "flush-left.pdf"
    c = canvas.Canvas(str(path), pagesize=(xs[-1] + width + x0, 700))
    top = 640.0
    c.setFont(FONT, 19)
    c.drawString(xs[0], top, "新华社高级编辑专稿")  # 171 pt: over the first column and into the second
    byline = "本报记者　王磊"
    c.setFont(FONT, 9.5)
    c.drawRightString(xs[3] + width, top - 26, byline)
    body_top = top - 46
    lead = _flow(TEXTS[:4], per_row)
    per_column = -(-len(lead) // 4)
    for k in range(4):
        _set_rows(c, lead[k * per_column : (k + 1) * per_column], xs[k], body_top)
    c.setFont(FONT, 13)
    c.drawString(xs[4], top, "波黑议会批准新任总理")  # 130 pt: the column's width, its edge to its edge
    c.drawString(xs[4], top - 16, "人选名单")
    _set_rows(c, _flow(TEXTS[4:5], per_row), xs[4], body_top)
    c.save()
    outline = recover_outline(load_file(path))
    for text in TEXTS[:4]:
        assert _home(outline, text) == [("新华社高级编辑专稿",)], [(s.path, s.paragraphs) for s in outline.sections]
    assert _home(outline, TEXTS[4]) == [("波黑议会批准新任总理人选名单",)]


def test_headlines_nearly_touching_head_their_own_columns(tmp_path: Path, fonts) -> None:
    """Two stories side by side in a band, each in one column: the left one under a two-line kicker, a headline whose
    first line runs most of a character past its column into the gutter (two points short of the headline beside it,
    a little off that headline's baselines) and a subtitle; the right one under a larger two-line headline and a
    subtitle, its byline and text starting while the left-hand heading group still goes on. Each story's text is read
    under its own headline."""
    from reportlab.pdfgen import canvas

    per_row, gutter = 13, 1.2 * SIZE
    width = per_row * SIZE
    xs = [40.0, 40.0 + width + gutter]
    path = tmp_path / "touching.pdf"
    c = canvas.Canvas(str(path), pagesize=(xs[1] + width + 40, 600))
    top = 540.0

    def say(x: float, dy: float, size: float, text: str) -> None:
        c.setFont(FONT, size)
        c.drawString(x, top - dy, text)

    say(xs[0], 0, 11, "广西从严治党关键从严")
    say(xs[0], 14, 11, "治官")
    left_head = "克林顿称萨达姆无权决定"  # 11 characters at 13 pt: 143 pt, 13 pt past the column's edge
    say(xs[0], 32, 13, left_head)
    say(xs[0], 48, 13, "人选")
    for n, row in enumerate(["纪念邮票将于下月", "正式发行"]):
        say(xs[0], 64 + 14 * n, 11, row)
    right_head = "中年求学的经历"
    say(xs[1], 4, 19, right_head[:-1])
    say(xs[1], 27, 19, right_head[-1])  # 4 pt above the left headline's baseline
    say(xs[1], 50, 11, "中国艺术研究院研究员")
    c.setFont(FONT, 9.5)
    c.drawRightString(xs[1] + width, top - 79, "本报记者　施大鑫")  # level with the left subtitle's foot
    c.drawRightString(xs[0] + width, top - 92, "本报记者　刘加文")
    _set_rows(c, _flow(TEXTS[2:4], per_row), xs[1], top - 100)
    _set_rows(c, _flow(TEXTS[:2], per_row), xs[0], top - 115)
    c.save()
    outline = recover_outline(load_file(path))
    left, right = _norm(left_head + "人选"), _norm(right_head)
    sections = [(s.path, s.paragraphs) for s in outline.sections]
    for text in TEXTS[:2]:
        assert [tuple(_norm(t) for t in p) for p in _home(outline, text)] == [(left,)], sections
    for text in TEXTS[2:4]:
        assert [tuple(_norm(t) for t in p) for p in _home(outline, text)] == [(right,)], sections


def test_a_stretched_line_beside_hung_punctuation_keeps_the_columns_apart(tmp_path: Path, fonts) -> None:
    """Three columns 0.7 em apart, each on a baseline grid of its own; each column's dateline is stretched half an em
    past the column's edge, and in each column a few rows hang their last comma half an em past that edge too (optical
    margins), so several rows end where the stretched line ends. The columns are still read one after the other, each
    paragraph whole."""
    from reportlab.pdfgen import canvas

    per_row = 20
    width = per_row * SIZE
    gutter = 0.7 * SIZE
    path = tmp_path / "hung.pdf"
    c = canvas.Canvas(str(path), pagesize=(3 * width + 2 * gutter + 60, 842))
    c.setFont(FONT, 24)
    c.drawString(30, 800, "城乡民生工作取得新进展")
    texts = ["本报西安1月22日讯　" + "".join(TEXTS[k:] + TEXTS[:k]) for k in range(3)]

    def stretched(x: float, y: float, row: str) -> None:  # the row's last glyph box ends half an em past the edge
        step = (width + 0.5 * SIZE - SIZE) / (len(row) - 1)
        for j, ch in enumerate(row):
            c.drawString(x + j * step, y, ch)

    for k, text in enumerate(texts):
        x = 30 + k * (width + gutter)
        y = 760.0 - 0.4 * k * PITCH  # each column on a grid of its own (stories side by side, not one flow)
        c.setFont(FONT, SIZE)
        at, n = 0, 0
        while at < len(text):
            if n == 0:  # the dateline, stretched by its digits
                stretched(x, y, text[:per_row])
                at = per_row
            elif n % 6 == 5 and at + per_row < len(text):  # a comma hung past the edge ends this row
                stretched(x, y, text[at : at + per_row - 1] + "，")
                at += per_row - 1
            else:
                c.drawString(x, y, text[at : at + per_row])
                at += per_row
            y -= PITCH
            n += 1
    c.save()
    outline = recover_outline(load_file(path))
    paragraphs = [_norm(p.text).replace("，", "") for p in outline.paragraphs]
    for text in texts:
        assert _norm(text) in paragraphs, [p[:30] for p in paragraphs]


def test_a_photo_across_two_columns_interrupts_no_paragraph(tmp_path: Path, fonts) -> None:
    """A story in three columns, one long paragraph, with a photo (a grey box) across the first two columns part-way
    down and its caption, a point smaller than the body, under it in the first column only; the text runs on above
    and below the photo in both, then down the third column. The paragraph is read whole, and the caption as a
    paragraph of its own in the story."""
    from reportlab.pdfgen import canvas

    per_row = 18
    width = per_row * SIZE
    gutter = 1.5 * SIZE
    path = tmp_path / "photo.pdf"
    c = canvas.Canvas(str(path), pagesize=(3 * width + 2 * gutter + 80, 700))
    c.setFont(FONT, 44)
    head = "城乡民生工作取得新进展"  # across the three columns
    c.drawString(40, 630, head)
    text = "".join(TEXTS + TEXTS[:3])  # the third column runs down past the photo's foot
    rows = _flow([text], per_row)
    assert not rows[2][1].endswith("。") and not rows[9][1].endswith("。")  # the photo parts it mid-sentence
    caption = "新线路开通首日市民踊跃乘车"
    top = 600.0
    photo_top, photo_bottom = top - 3 * PITCH + 4, top - 3 * PITCH - 90
    for k in range(2):
        x = 40 + k * (width + gutter)
        column = rows[7 * k : 7 * k + 7]
        _set_rows(c, column[:3], x, top)
        _set_rows(c, column[3:], x, photo_bottom - 30)
    _set_rows(c, rows[14:], 40 + 2 * (width + gutter), top)
    c.setFillGray(0.8)
    c.rect(40, photo_bottom, 2 * width + gutter, photo_top - photo_bottom - 12, stroke=0, fill=1)
    c.setFillGray(0)
    c.setFont(FONT, 9)
    c.drawString(40, photo_bottom - 12, caption)
    c.save()
    outline = recover_outline(load_file(path))
    paragraphs = [_norm(p.text) for p in outline.paragraphs]
    assert _norm(text) in paragraphs, paragraphs
    assert _home(outline, caption) == [(head,)] and _norm(caption) in paragraphs, paragraphs
