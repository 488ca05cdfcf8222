"""Two ways Chinese desks set a head that the line reader took apart, and what it must leave alone.

A LETTER-SPACED headline (美　东　北　部…): a desk spaces a short head out by a third of an em and more to fill its
measure. Each ideograph stood alone across a gap wider than CJK set solid, the head read as one line per character,
and the lines were put back in another order ('育龙成石' for 育石成龙) or the last one ('击') headed the story. Two
heads side by side in neighbouring columns are not spaced alike across the gutter between them: they stay two.

A BRIEFS STRIP whose run-in heads fit on their first line: the bold head, a space, then the item's text in regular
type on the same line ('外资流出造成资金真空　在动荡的初期…'), one or two items to a column. The line was not cut
(the head had no bold line over it and no sibling down its own column), so the text's first words went into the head
and the item was filed under the brief before it. The ■ a strip sets before each head is no word of the title. A
bold dateline followed by a space ('新华社北京电　…') opens its story's text: no head.

Pages written by reportlab (bold as fill-and-stroke, as ConTeXt's synthetic bold is) and read by the real reader.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.formats.pdf import read_pdf
from qa.structure import recover_outline

PAGE_W, PAGE_H = 620.0, 800.0
MARGIN, GUTTER, BODY, PITCH = 36.0, 14.0, 10.0, 15.0
COLS = 3
COL_W = 17 * BODY
FONT = "STSong-Light"
TEXT = (
    "各地农业部门组织技术人员深入田间地头，指导农民做好选种育秧和农机检修工作。今年全省计划播种粮食作物面积比上年有所"
    "增加，优质品种的比重进一步提高。金融机构加大对春耕生产的信贷投放，确保农资采购资金及时到位。气象部门提醒，近期部"
    "分地区可能出现低温天气，要注意防范倒春寒。农资市场货源充足，价格总体平稳，执法部门加强了对化肥种子质量的抽检。"
    "各级党组织结合农村特点，在读和用上下功夫，许多村党支部在用活阅报栏的同时，举办了多种形式的读报用报活动。"
)


def _x(col: int) -> float:
    return MARGIN + col * (COL_W + GUTTER)


def _put(c, x: float, top: float, text: str, bold: bool = False, size: float = BODY) -> float:  # noqa: ANN001
    """Draw ``text`` with its baseline ``top`` below the page's top; return the x where it ends."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    c.saveState()
    t = c.beginText(x, PAGE_H - top)
    t.setFont(FONT, size)
    t.setTextRenderMode(2 if bold else 0)
    t.textOut(text)
    c.drawText(t)
    c.restoreState()
    return x + stringWidth(text, FONT, size)


def _spaced(c, centre: float, top: float, text: str, size: float, spacing: float) -> None:  # noqa: ANN001
    """A bold head letter-spaced by ``spacing`` em, centred on ``centre``, each character drawn on its own."""
    width = len(text) * size + (len(text) - 1) * spacing * size
    x = centre - width / 2
    for ch in text:
        _put(c, x, top, ch, bold=True, size=size)
        x += size * (1 + spacing)


def _flow(c, col: int, top: float, runs: list[tuple[str, bool]], width: int = 17, gap: float = 0.0) -> float:  # noqa: ANN001
    """Set ``runs`` (text, bold) solid in column ``col`` from row ``top``, ``width`` characters a line, ``gap`` em of
    white after the first run (a space between a run-in head and its text); return the next free row."""
    chars = [
        (ch, bold, k == 0 and i == len(text) - 1) for k, (text, bold) in enumerate(runs) for i, ch in enumerate(text)
    ]
    row, at = top, 0.0
    x = _x(col)
    while chars:
        ch, bold, spaced = chars.pop(0)
        if at + 1 > width:
            row += PITCH
            at, x = 0.0, _x(col)
        x = _put(c, x, row, ch, bold=bold)
        at += 1
        if spaced and gap:
            x += gap * BODY
            at += gap
    return row + PITCH


def _section_of(outline, text: str) -> tuple[str, ...]:  # noqa: ANN001 - qa.records.Outline
    held = [p for p in outline.paragraphs if text in "".join(p.text.split())]
    assert held, text[:12]
    return next((tuple(s.path) for s in outline.sections if held[0].index in s.paragraphs), ())


def _across(path: Path, heads: list[tuple[str, float]], body: str) -> None:
    """A page: each head (text, letter spacing in em) centred over the three columns, ``body`` balanced under it."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    top = 70.0
    per = len(body) // len(heads)
    for k, (head, spacing) in enumerate(heads):
        _spaced(c, PAGE_W / 2, top, head, 20.0, spacing)
        text = body[k * per : (k + 1) * per]
        third = -(-len(text) // COLS)
        rows = [_flow(c, col, top + 40, [(text[col * third : (col + 1) * third], False)]) for col in range(COLS)]
        top = max(rows) + 40
    c.showPage()
    c.save()


def test_a_letter_spaced_headline_heads_its_story_in_its_own_order(tmp_path: Path, fonts) -> None:
    path = tmp_path / "spaced.pdf"
    _across(path, [("育石成龙", 0.35), ("未来一周天气趋势", 0.35)], TEXT)
    outline = recover_outline(read_pdf(path, path.name))
    half = len(TEXT) // 2
    assert _section_of(outline, TEXT[:30]) == ("育石成龙",)
    assert _section_of(outline, TEXT[half : half + 30]) == ("未来一周天气趋势",)


def test_heads_side_by_side_in_neighbouring_columns_stay_two(tmp_path: Path, fonts) -> None:
    """Two heads set solid at the same height, each over its own column (a gutter and the rest of the column apart,
    not spaced alike): two stories, each under its own head."""
    from reportlab.pdfgen import canvas

    path = tmp_path / "side.pdf"
    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    heads = ("全省春耕生产", "农资市场平稳")
    for col, head in enumerate(heads):
        _put(c, _x(col), 70, head, bold=True, size=20)
        _flow(c, col, 110, [(TEXT[col * 90 : (col + 1) * 90], False)])
    c.showPage()
    c.save()
    outline = recover_outline(read_pdf(path, path.name))
    assert _section_of(outline, TEXT[:30]) == (heads[0],)
    assert _section_of(outline, TEXT[90:120]) == (heads[1],)


BRIEFS = (
    ("■", "外资流出造成资金真空", "在动荡的初期阶段，整个市场弥漫着对国际游资冲击可能性的恐惧，各类传闻不断。"),
    ("■", "外国领导人电慰我灾民", "又有一些外国领导人纷纷致电，对河北张家口地区的地震灾害表示慰问。"),
    ("■", "海关查私案值六十七亿元", "全国海关继续加大打私力度，去年共查获走私案件七千多起，成绩显著。"),
)


def _briefs(path: Path, briefs: tuple[tuple[str, str, str], ...]) -> None:
    """A strip under its label: one brief to a column, each a bold run-in head, a space, its text."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    _put(c, _x(0), 70, "简讯", bold=True, size=16)
    for col, (mark, head, text) in enumerate(briefs):
        _flow(c, col, 110, [(mark + head, True), (text, False)], gap=1.0)
    c.showPage()
    c.save()


def test_each_brief_with_a_one_line_run_in_head_is_filed_under_it(tmp_path: Path, fonts) -> None:
    path = tmp_path / "briefs.pdf"
    _briefs(path, BRIEFS)
    outline = recover_outline(read_pdf(path, path.name))
    for _, head, text in BRIEFS:
        assert _section_of(outline, text[:20])[-1] == head, head


def test_a_bold_dateline_and_a_space_opens_its_text(tmp_path: Path, fonts) -> None:
    """Stories in three columns, each column's second paragraph opening with a bold dateline, a space, then its
    text (datelines in several columns, as run-in heads would be): the datelines head nothing; each column's text
    stays under the page's headline."""
    from reportlab.pdfgen import canvas

    path = tmp_path / "datelines.pdf"
    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    head = "全省春耕生产全面展开"
    _put(c, _x(0), 70, head, bold=True, size=24)
    for col, city in enumerate(("北京", "上海", "广州")):
        row = _flow(c, col, 110, [(TEXT[col * 30 : col * 30 + 30] + "。", False)])
        _flow(c, col, row, [(f"新华社{city}电", True), (TEXT[90 + col * 35 : 125 + col * 35], False)], gap=1.0)
    c.showPage()
    c.save()
    outline = recover_outline(read_pdf(path, path.name))
    assert not [s.path for s in outline.sections if any("电" in part for part in s.path)]
    for col in range(3):
        assert _section_of(outline, TEXT[95 + col * 35 : 120 + col * 35]) == (head,)


STORIES = ("上海推进城市更新行动", "北京发布春季出行提示")


@pytest.mark.parametrize(
    "datelines",
    [
        ("光明日报北京3月5日电", "新华网北京3月5日电"),
        ("人民网上海3月5日电", "中新网北京3月5日电"),
        ("经济日报讯", "央视网消息"),
    ],
)
def test_any_agencys_bold_dateline_opens_its_storys_text(tmp_path: Path, fonts, datelines: tuple[str, str]) -> None:
    """Two stories side by side, each first paragraph opening with a bold dateline in another paper's or site's form
    (光明日报…电, 新华网…电, 经济日报讯, 央视网消息), an ideographic space, then its text: a dateline heads nothing
    — it was cut off as a subhead of its story, taking the story's first words' place under it."""
    from reportlab.pdfgen import canvas

    path = tmp_path / "agency.pdf"
    c = canvas.Canvas(str(path), pagesize=(PAGE_W + 80, PAGE_H))
    for col, (head, line) in enumerate(zip(STORIES, datelines, strict=True)):  # two wide columns, 24 characters
        _put(c, _x(2 * col), 70, head, bold=True, size=18)
        _flow(c, 2 * col, 110, [(line, True), ("　" + TEXT[col * 60 : col * 60 + 120], False)], width=24)
    c.showPage()
    c.save()
    outline = recover_outline(read_pdf(path, path.name))
    for col, head in enumerate(STORIES):
        assert _section_of(outline, TEXT[col * 60 + 40 : col * 60 + 70]) == (head,), head
    assert not [s.path for s in outline.sections if any(d in part for part in s.path for d in datelines)]
