"""A story's bold subheads stay its subheads when the text under one opens with a dateline or a dash.

A story pieced together from agency copy carries other datelines inside it: the text under a bold subhead ('链接')
may open with '本报北京1月6日电…', and a paragraph may open with a dash ('———乡镇企业…。'). The reader took a bold head
over a dateline, or over a line opening with a dash (a ——subtitle), for the head of a story of its own and filed the
subhead's text — and every subhead after it — outside the story. Now a bold head over a dateline opens a story only
where its type heads stories on the whole (more of its heads over datelines, bylines or decks than over plain text),
and a dash-led line with a sentence ending inside it is prose, no subtitle. Negative: a flow band's bold heads in a
type of their own, each over its dateline, are still stories. A page written by reportlab (bold as fill-and-stroke),
read by the real reader.
"""

from __future__ import annotations

from pathlib import Path

from qa.formats.pdf import read_pdf
from qa.structure import recover_outline
from tests.reportlab_pages import FONT, LEAD, LEADING, MARGIN, PAGE_H, PAGE_W, TOP, Grid

GRID = Grid(3)

LINK, WATCH, VOICE = "链接", "观察", "声音"
FLOW = ["山区公路全线贯通", "老街区换新颜"]
TEXT = "老街区改造工程去年启动，沿街的旧房屋经过加固修缮，保留了原有的风貌，居民出行更加方便。"
QUOTED = "本报北京1月6日电　记者王小明报道：全国春耕物资供应充足，化肥农药储备比去年同期有所增加。"
DASHED = "———乡镇企业接纳下岗职工。一个时期以来，这个县的乡镇企业发展较快，成为吸纳劳动力的重要渠道。"
DATELINE = "本报杭州1月5日电　记者李大强报道："
ROAD = "这条公路全长八十多公里，连接沿线十几个村庄，通车以后山里的农产品可以当天运到县城出售。"


def _page(path: Path) -> None:
    """The lead across the page, its text in columns 1 and 2 under bold subheads 1.15× the body — one over a
    paragraph opening with a dateline, one over plain text, one over a paragraph opening with a dash; in column 3 a
    flow band of two stories under bold heads 1.2× the body, each over its dateline."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    c.setFont(FONT, 26)
    c.drawString(MARGIN, PAGE_H - 100, LEAD)

    def column(col: int, items: list[tuple[str, str]]) -> None:
        y = TOP
        x = GRID.x(col)
        for kind, text in items:
            if kind in ("sub", "head"):
                y -= 6
                t = c.beginText(x, y)
                t.setFont(FONT, 11.5 if kind == "sub" else 12.0)
                t.setTextRenderMode(2)  # fill and stroke: a bold head
                t.textOut(text)
                t.setTextRenderMode(0)  # (the mode is graphics state: the text after it is filled only)
                c.drawText(t)
                y -= LEADING + 3
                continue
            y = GRID.draw_paragraph(c, x, y, text)

    column(0, [("text", TEXT * 3), ("text", TEXT * 2), ("sub", LINK), ("text", QUOTED * 2), ("text", TEXT * 2)])
    column(1, [("sub", WATCH), ("text", TEXT * 3), ("sub", VOICE), ("text", DASHED * 2), ("text", TEXT)])
    column(2, [("head", FLOW[0]), ("text", DATELINE + ROAD * 2), ("head", FLOW[1]), ("text", DATELINE + TEXT * 2)])
    c.save()


def test_bold_subheads_over_a_quoted_dateline_or_a_dash_stay_in_their_story_and_flow_heads_are_stories(
    tmp_path: Path, fonts
) -> None:
    path = tmp_path / "quoted.pdf"
    _page(path)
    outline = recover_outline(read_pdf(path, path.name))
    paths = [s.path for s in outline.sections]
    for sub in (LINK, WATCH, VOICE):  # the lead's subheads, the text under each with them
        assert (LEAD, sub) in paths, paths
    under_link = next(s for s in outline.sections if s.path == (LEAD, LINK))
    assert any("全国春耕物资供应充足" in outline.paragraphs[i].text for i in under_link.paragraphs), paths
    under_voice = next(s for s in outline.sections if s.path == (LEAD, VOICE))
    assert any("乡镇企业接纳下岗职工" in outline.paragraphs[i].text for i in under_voice.paragraphs), paths
    for head in FLOW:  # negative: the flow band's bold heads over their datelines are stories of their own
        assert (head,) in paths, paths
