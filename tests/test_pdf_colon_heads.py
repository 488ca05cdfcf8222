"""A headline broken after its colon ('《朗朗星空》：' over '难忘知青岁月') is one headline.

A display line ending with a colon is no head of its own: bold type ending so is a lead-in of the text under it
('具体做法：'). But a flow band's head set a column wide breaks where it can, after its colon too: its first line was
read as a paragraph of the story above and the story filed under the second line alone. A display line ending with
a colon right over a head line in the very same type is that headline's first line; over text it stays text.
A page written by reportlab (bold as fill-and-stroke), read by the real reader.
"""

from __future__ import annotations

from pathlib import Path

from qa.formats.pdf import read_pdf
from qa.structure import recover_outline
from tests.reportlab_pages import Grid

GRID = Grid(3)

FIRST, SECOND = "《朗朗星空》：", "难忘知青岁月"
OTHER, LEAD_IN = "老街区换新颜", "具体做法："
DATELINE = "本报杭州1月5日电　记者王小明报道："
FILM = "一部描写当年到草原插队的知识青年在都市生活的电影近日完成拍摄，将于春节期间在各地影院上映。"
TEXT = "老街区改造工程去年启动，沿街的旧房屋经过加固修缮，保留了原有的风貌，居民出行更加方便。"


def _page(path: Path) -> None:
    """The lead across the page, its text in column 1; in column 2 a story under a bold head 1.15× the body broken
    after its colon over two lines; in column 3 a story whose text goes on under a bold lead-in of that type ending
    with a colon."""
    columns = [[("text", TEXT * 3), ("text", TEXT * 4), ("text", TEXT * 3)]]
    columns.append([("head", FIRST), ("head", SECOND), ("text", DATELINE + FILM), ("text", FILM * 2)])
    columns.append([("head", OTHER), ("text", DATELINE + TEXT * 2), ("head", LEAD_IN), ("text", TEXT * 2)])
    GRID.flow_page(path, columns, bold=True, spaced=False)


def test_a_head_broken_after_its_colon_is_one_headline_and_a_lead_in_stays_text(tmp_path: Path, fonts) -> None:
    path = tmp_path / "colon.pdf"
    _page(path)
    outline = recover_outline(read_pdf(path, path.name))
    paths = [s.path for s in outline.sections]
    film = next((s for s in outline.sections if s.path[-1] == FIRST + SECOND), None)
    assert film is not None, paths  # one headline, both its lines
    assert any(FILM[:10] in outline.paragraphs[i].text for i in film.paragraphs)  # the story's text under it
    assert not any(FIRST in outline.paragraphs[i].text for s in outline.sections for i in s.paragraphs)
    # A lead-in ending with a colon over text heads nothing: the story's text goes on under the story's own head.
    assert not any(LEAD_IN.rstrip("：") in p[-1] for p in paths), paths
    other = next(s for s in outline.sections if s.path[-1] == OTHER)
    assert sum(TEXT[:10] in outline.paragraphs[i].text for i in other.paragraphs) >= 2, paths
