"""A flow band's heads set in bold a size above the body are stories' headlines, not subheads of the story above.

Papers set the heads of a flow band's short stories in 黑体 only a size above the body (1.15× here), under the size the
reader takes for headline type. The reader told such a head from a subhead by the dateline or byline opening the text
under it — for heads in a light face only (bold titles over datelines being a briefs box's items), and not where a
subhead in that type came before: a flow band of bold heads, and every story after the first one opening without a
dateline, was nested under the story above (the article found, its section path wrong). A bold head over a dateline is a
story too now; and so is a head carrying a deck — a subtitle after a dash (——副题) under it, or a kicker over it —
which no subhead inside a story has, whatever type came before. A bold subhead over plain text stays a subhead, and
so does a numbered one ('一、现场见闻') over a dateline: a story's parts are numbered, stories are not.
A page written by reportlab (bold as fill-and-stroke), read by the real reader.
"""

from __future__ import annotations

from pathlib import Path

from qa.formats.pdf import read_pdf
from qa.structure import recover_outline
from tests.reportlab_pages import Grid

GRID = Grid(3)

STORY, SUBHEAD, DECKED, NUMBERED = "老街区换新颜", "改造稳步推进", "山区公路全线贯通", "一、现场见闻"
SUBTITLE = "——沿线村民出行时间缩短一半"
DATELINE = "本报杭州1月5日电　记者王小明报道："
TEXT = "老街区改造工程去年启动，沿街的旧房屋经过加固修缮，保留了原有的风貌，居民出行更加方便。"
ROAD = "这条公路全长八十多公里，连接沿线十几个村庄，通车以后山里的农产品可以当天运到县城出售。"


def _page(path: Path) -> None:
    """The lead across the page, its text in column 1; in column 2 a story under a bold head 1.15× the body over its
    dateline, its text going on under a bold subhead of that type over plain text; in column 3 a story under a bold
    head of that type over a subtitle after a dash, its text opening with no dateline, going on under a numbered bold
    subhead of that type over a dateline."""
    columns = [[("text", TEXT * 3), ("text", TEXT * 4), ("text", TEXT * 3)]]
    story = [("head", STORY), ("text", DATELINE + TEXT * 2), ("text", TEXT * 2), ("head", SUBHEAD), ("text", TEXT)]
    columns.append(story)
    road = [("text", ROAD * 2), ("head", NUMBERED), ("text", DATELINE + ROAD)]
    columns.append([("head", DECKED), ("subtitle", SUBTITLE), *road])
    GRID.flow_page(path, columns, bold=True, spaced=True)


def test_bold_flow_heads_over_a_dateline_or_a_deck_are_stories_and_a_bold_subhead_stays_one(
    tmp_path: Path, fonts
) -> None:
    path = tmp_path / "decks.pdf"
    _page(path)
    outline = recover_outline(read_pdf(path, path.name))
    paths = [s.path for s in outline.sections]
    assert (STORY,) in paths, paths  # a bold head over its dateline: the story's own article, not the lead's
    assert any(p[-1] == SUBHEAD and p[0] == STORY for p in paths), paths  # its bold subhead still nests under it
    assert (DECKED,) in paths, paths  # a head over its ——subtitle: a story, though a subhead of its type came before
    road = next(s for s in outline.sections if s.path == (DECKED,))
    assert any(ROAD[:10] in outline.paragraphs[i].text for i in road.paragraphs)  # with its text
    assert (DECKED, NUMBERED) in paths, paths  # a numbered subhead over a dateline: a part of the story
