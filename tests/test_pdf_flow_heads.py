"""A short story's headline set only a size above the body is a story of its own, not a subhead of the lead.

Papers set the heads of a flow band's short stories barely larger than the body (1.15× here), below the size the
reader takes for headline type, in a light face: read as subheads, every short story under the lead was nested in
the lead's section (the article found, the section path wrong). What tells a story's head from a subhead inside a
story is what opens the text under it: a dateline (本报北京1月5日电) or a byline, which only a story's opening has.
A subhead over ordinary text stays a subhead, and so does a title behind a section mark ('◆民生') or a bold title
(a briefs box's items) even over a dateline. A page written by reportlab, read by the real reader.
"""

from __future__ import annotations

from pathlib import Path

from qa.formats.pdf import read_pdf
from qa.structure import recover_outline
from tests.reportlab_pages import Grid

GRID = Grid(3)

STORY, SUBHEAD, MARKED = "老街区换新颜", "改造稳步推进", "◆民生服务"
DATELINE = "本报杭州1月5日电　记者王小明报道："
TEXT = "老街区改造工程去年启动，沿街的旧房屋经过加固修缮，保留了原有的风貌，居民出行更加方便。"


def _page(path: Path) -> None:
    """The lead across the page, its text in column 1; under it in column 2 a short story under a head 1.15× the
    body over its dateline, its text going on under a subhead of the same size over plain text; in column 3 a
    marked title of that size over a dateline."""
    columns = [[("text", TEXT * 3), ("text", TEXT * 4), ("text", TEXT * 3)]]
    story = [("head", STORY), ("text", DATELINE + TEXT * 2), ("text", TEXT * 2), ("head", SUBHEAD), ("text", TEXT)]
    columns.append(story)
    columns.append([("head", MARKED), ("text", DATELINE + TEXT), ("text", TEXT * 2)])
    GRID.flow_page(path, columns, bold=False, spaced=True)


def test_a_small_head_over_a_dateline_is_a_story_and_a_subhead_stays_one(tmp_path: Path, fonts) -> None:
    path = tmp_path / "flow.pdf"
    _page(path)
    outline = recover_outline(read_pdf(path, path.name))
    paths = [s.path for s in outline.sections]
    assert (STORY,) in paths, paths  # the story's own article, not nested under the lead
    assert any(p[-1] == SUBHEAD and p[0] == STORY for p in paths), paths  # its subhead still nests under it
    assert any(p[-1] == MARKED and len(p) == 2 for p in paths), paths  # a marked title is a section, over a dateline
