"""A briefs column (简讯): each item opens with a bold RUN-IN headline, its text run on after it on the same line.

Read as whole lines, the head's last characters went into the item's text ('休】中国交响乐团…' under '【一月至二月
歌舞乐不'), or the text's first characters into the head, and the item was filed under a heading no reader would
recognise. The line is cut where bold turns regular when the bold part is a bracketed head, closes one opened on the
lines above, or goes on from a whole bold line above; the brackets are dropped from the head. A bold lead-in on a
paragraph's first line ('本报讯') or a bold sentence ending on a line stays in its paragraph.

The page is written by reportlab (bold as fill-and-stroke, as word processors and Qt print a face without a bold) and
read by the real reader.
"""

from __future__ import annotations

from pathlib import Path

from qa.formats.pdf import read_pdf
from qa.structure import recover_outline

PAGE_W, PAGE_H = 620.0, 800.0
MARGIN, GUTTER, BODY, PITCH = 36.0, 14.0, 10.0, 15.0
COLS = 3
COL_W = 12 * BODY
FONT = "STSong-Light"
LEAD_HEAD = "全省春耕生产全面展开"
LEAD = (
    "各地农业部门组织技术人员深入田间地头，指导农民做好选种育秧和农机检修工作。今年全省计划播种粮食作物面积比上年有所"
    "增加，优质品种的比重进一步提高。金融机构加大对春耕生产的信贷投放，确保农资采购资金及时到位。气象部门提醒，近期部"
    "分地区可能出现低温天气，要注意防范倒春寒。农资市场货源充足，价格总体平稳，执法部门加强了对化肥种子质量的抽检。"
)
BRIEFS = (
    (
        "【",
        "冬奥会中国体育代表团成立规模最大",
        "】",
        "本报北京１月１９日讯　参加第十八届冬季奥运会的中国体育代表团今天在北京成立，冰雪健儿进入最后冲刺阶段。",
    ),
    (
        "",
        "阿根廷监管纳税大户千余名人上榜",
        "",
        "据新华社布宜诺斯艾利斯电　为强化征税力度，阿根廷国家税务总局决定加强对名人纳税的监管工作。",
    ),
    ("【", "一月至二月歌舞乐不休", "】", "中国交响乐团、东方歌舞团的排练厅，日日乐舞不休，一台台迎春节目正准备出场。"),
    # (closing on its second line with one character of the text after it)
    (
        "【",
        "哈塔米总统称伊朗尚无需同美国即恢复外交关系",
        "】",
        "据新华社德黑兰１月８日电　伊朗总统哈塔米８日凌晨发表讲话。",
    ),
)


def _x(col: int) -> float:
    return MARGIN + col * (COL_W + GUTTER)


def _put(c, x: float, top: float, text: str, bold: bool = False, size: float = BODY) -> float:  # noqa: ANN001
    """Draw ``text`` with its baseline ``top`` below the page's top; return the x where it ends."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    c.saveState()  # (the render mode is graphics state: it outlives the text object)
    t = c.beginText(x, PAGE_H - top)
    t.setFont(FONT, size)
    t.setTextRenderMode(2 if bold else 0)
    t.textOut(text)
    c.drawText(t)
    c.restoreState()
    return x + stringWidth(text, FONT, size)


def _flow(c, col: int, top: float, runs: list[tuple[str, bool]], indent: int = 0, width: int = 12) -> float:  # noqa: ANN001
    """Set ``runs`` (text, bold) solid in column ``col`` from row ``top``, ``width`` characters a line; return the
    next free row."""
    chars = [(ch, bold) for text, bold in runs for ch in text]
    row, at = top, indent
    while chars:
        line, chars = chars[: width - at], chars[width - at :]
        x = _x(col) + at * BODY
        k = 0
        while k < len(line):  # runs of one weight
            j = k
            while j < len(line) and line[j][1] == line[k][1]:
                j += 1
            x = _put(c, x, row, "".join(ch for ch, _ in line[k:j]), bold=line[k][1])
            k = j
        row += PITCH
        at = 0
    return row


def _page(path: Path, briefs: tuple[tuple[str, str, str, str], ...], paragraphs: list[list[tuple[str, bool]]]) -> None:
    """The lead under its headline: ``paragraphs`` (runs of text, bold or not) in column 1, the rest of LEAD in
    column 2; the briefs under their label in column 3."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    _put(c, _x(0), 70, LEAD_HEAD, size=26)
    row = 110.0
    for runs in paragraphs:
        row = _flow(c, 0, row, runs, indent=2)
    _flow(c, 1, 110, [(LEAD[120:], False)], indent=2)
    _put(c, _x(2), 70, "简讯", size=16, bold=True)
    row = 110.0
    for opening, head, closing, text in briefs:
        row = _flow(c, 2, row, [(opening + head + closing, True), (text, False)]) + 0.5 * PITCH
    c.showPage()
    c.save()


def _notice(path: Path, paragraphs: list[tuple[list[tuple[str, bool]], int]]) -> None:
    """An ordinary one-column page: LEAD_HEAD over ``paragraphs`` (runs, indent), forty characters a line."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    _put(c, _x(0), 70, LEAD_HEAD, size=18)
    row = 110.0
    for runs, indent in paragraphs:
        row = _flow(c, 0, row, runs, indent=indent, width=40)
    c.showPage()
    c.save()


def _section_of(outline, text: str) -> tuple[str, ...]:  # noqa: ANN001 - qa.records.Outline
    held = [p for p in outline.paragraphs if text in "".join(p.text.split())]
    assert held, text[:12]
    return next((tuple(s.path) for s in outline.sections if held[0].index in s.paragraphs), ())


def test_each_brief_is_filed_under_its_run_in_head(tmp_path: Path, fonts) -> None:
    path = tmp_path / "briefs.pdf"
    _page(path, BRIEFS, [[(LEAD[:120], False)]])
    outline = recover_outline(read_pdf(path, path.name))
    for _, head, _, text in BRIEFS:
        path_ = _section_of(outline, "".join(text.split()))
        assert path_ and path_[-1] == head, (head, path_)
    assert _section_of(outline, LEAD[:40])[-1] == LEAD_HEAD


def test_a_bold_lead_in_stays_in_its_paragraph(tmp_path: Path, fonts) -> None:
    """'本报讯' in bold at a paragraph's start, and a bold sentence over two lines ending on a third that runs on in
    regular type: no heads, each paragraph whole under the lead's headline."""
    path = tmp_path / "lead-ins.pdf"
    lead_in = "本报讯"
    sentence = "坚持稳定和加强农业不动摇，是全年农村工作的首要任务。"
    _page(path, BRIEFS[:1], [[(lead_in, True), (LEAD[:50], False)], [(sentence, True), (LEAD[50:90], False)]])
    outline = recover_outline(read_pdf(path, path.name))
    assert _section_of(outline, lead_in + LEAD[:50]) == (LEAD_HEAD,)
    assert _section_of(outline, sentence + LEAD[50:90]) == (LEAD_HEAD,)


# An ordinary page's bold phrases are emphasis, not run-in heads (the reviewer's cases, each once a fake heading
# with the next paragraphs filed under it).


def test_a_bold_reference_wrapped_to_a_line_start_stays_in_its_paragraph(tmp_path: Path, fonts) -> None:
    """A bold '【附件一：…】' that the wrap puts at a line's start MID-paragraph, under a line the layout ended
    short before it (twice, so a sibling is there): no head, the paragraphs after it stay under the page's
    heading."""
    from reportlab.pdfgen import canvas

    path = tmp_path / "references.pdf"
    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    _put(c, _x(0), 70, LEAD_HEAD, size=18)
    row = 110.0
    for annex in ("【附件一：项目申报材料清单】", "【附件二：项目经费预算明细】"):
        row = _flow(c, 0, row, [(LEAD[:38], False)], indent=2, width=40)
        row = _flow(c, 0, row, [(LEAD[38:64] + "，申报材料详见", False)], width=40)
        row = _flow(
            c, 0, row, [(annex, True), ("所列各项内容，逐项填写完整后报送。" + LEAD[70:100] + "。", False)], width=40
        )
    _flow(c, 0, row, [(LEAD[110:160] + "。", False)], indent=2, width=40)
    c.showPage()
    c.save()
    outline = recover_outline(read_pdf(path, path.name))
    assert not [s.path for s in outline.sections if any("附件" in part for part in s.path)]
    assert _section_of(outline, LEAD[110:150]) == (LEAD_HEAD,)


def test_one_bold_bracketed_lead_phrase_is_no_head(tmp_path: Path, fonts) -> None:
    """A paragraph opening with a bold '【典型案例：…】' that runs on in regular type, alone on the page: emphasis.
    A briefs column has several such heads one under another; one is not a briefs column."""
    path = tmp_path / "case.pdf"
    case = "【典型案例：某工厂设备违规操作事故】"
    paragraphs = [
        ([(LEAD[:60] + "。", False)], 2),
        ([(case, True), (LEAD[60:110] + "。", False)], 2),
        ([(LEAD[110:140] + "。", False)], 2),
        ([(LEAD[140:], False)], 2),
    ]
    _notice(path, paragraphs)
    outline = recover_outline(read_pdf(path, path.name))
    assert _section_of(outline, LEAD[110:135]) == (LEAD_HEAD,)
    assert _section_of(outline, LEAD[140:165]) == (LEAD_HEAD,)
    assert not [s.path for s in outline.sections if any("典型案例" in part for part in s.path)]


def test_a_bold_sentence_going_on_after_a_comma_is_no_head(tmp_path: Path, fonts) -> None:
    """An unindented paragraph whose bold lead sentence wraps over lines and goes on in regular type after a
    comma ('…防护外壳' bold, '，否则…' regular): one sentence, not a head over its text."""
    path = tmp_path / "warning.pdf"
    warning = (
        "重要提示：在任何情况下维修人员都应当首先断开设备的总电源并确认设备已经完全停止运转之后再打开设备的防护外壳"
    )
    rest = "，否则将可能导致人身伤害事故的发生。" + LEAD[60:90] + "。"
    paragraphs = [
        ([(LEAD[:60] + "。", False)], 2),
        ([(warning, True), (rest, False)], 0),
        ([(LEAD[110:170] + "。", False)], 2),
    ]
    _notice(path, paragraphs)
    outline = recover_outline(read_pdf(path, path.name))
    assert _section_of(outline, "否则将可能导致人身伤害事故的发生") == (LEAD_HEAD,)
    assert _section_of(outline, LEAD[110:150]) == (LEAD_HEAD,)
