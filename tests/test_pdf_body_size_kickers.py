"""A kicker (引题) in the body's own size over a story's head in a flow band files under that story.

A paper that runs several short stories down its columns heads them in display type a little over the body's size
(a fifth larger, under headline size) and sets each kicker in the body's size right over its head, with a few points
more white over it than the paper's line gap. Read as text, the kicker ran into the story printed above it: a user
searching its words got that story cited (FOP's flow bands on its DIAGNOSIS seeds set stories so). The negative: a
paragraph's short last line over the next head, at the paper's line gap from the line over it, stays that
paragraph's. The pages are written by reportlab and read by the real reader.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from qa.formats.pdf import read_pdf
from qa.structure import recover_outline
from tests.reportlab_pages import BODY, FONT, LEADING, PAGE_H, PAGE_W, SPRING, STREET, Grid

GRID = Grid(4)
FIRST = "城市公交线路优化调整"
FIRST_TEXT = [
    "市交通运输局日前公布公交线路优化方案，新开通线路六条，调整线路十一条，撤并重复线路四条，方便市民出行。",
    "优化后的线路更多地向新建居民区和产业园区延伸，市民出行换乘次数明显减少，平均候车时间缩短。",
]
KICKER = "岁末看变化"
SECOND = "老街改造留住乡愁"
SECOND_TEXT = [
    "旧城改造中，设计人员保留了老街原有的石板路和骑楼，修缮沿街店铺一百多间，吸引不少游客前来参观。",
    "不少老字号店铺重新开张，社区还组织居民成立了志愿服务队，每天轮流清扫街道、维护秩序。",
]


LONG = ("".join(SPRING), "".join(STREET))  # paragraphs of a paper's length: the line gap is the usual white
OTHERS = [("春耕备耕有序推进", LONG), ("老城商圈人气回升", LONG[::-1]), ("气象部门提醒防寒", LONG)]


def _page(path: Path, head_size: float, kicker: str, above: float) -> None:
    """A flow band of four columns, each a column of stories under bold ``head_size`` heads; in the first, two
    stories, the second with ``kicker`` in the body's size over its head, ``above`` points of white over the kicker
    beyond the paper's leading (0: the kicker's row follows the text's rows on the leading)."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))

    def head(col: int, y: float, text: str) -> float:
        t = c.beginText(GRID.x(col), y)
        t.setFont(FONT, head_size)
        t.setTextRenderMode(2)  # fill and stroke: bold
        t.textOut(text)
        c.drawText(t)
        return y - LEADING - 3

    def text(col: int, y: float, paragraphs: Sequence[str]) -> float:
        c.setFont(FONT, BODY)
        for line, indented in GRID.lines(paragraphs):
            c.drawString(GRID.x(col) + (2 * BODY if indented else 0), y, line)
            y -= LEADING
        return y

    top = PAGE_H - 80
    y = text(0, head(0, top, FIRST), FIRST_TEXT) - above
    c.setFont(FONT, BODY)
    c.drawString(GRID.x(0), y, kicker)
    text(0, head(0, y - head_size - 2, SECOND), SECOND_TEXT)
    for col, (title, paragraphs) in enumerate(OTHERS, start=1):
        text(col, head(col, top, title), paragraphs)
    c.save()


def _section_of(path: Path, words: str) -> tuple[str, ...]:
    doc = read_pdf(path, path.name)
    outline = recover_outline(doc)
    for section in outline.sections:
        for i in section.paragraphs:
            if words in outline.paragraphs[i].text:
                return tuple(section.path)
    pytest.fail(f"{words!r} not found in any section")


@pytest.mark.parametrize(("head_size", "above"), [(12.0, 4.0), (14.0, 4.0)])
def test_body_size_kicker_goes_with_the_head_under_it(
    tmp_path: Path, fonts: None, head_size: float, above: float
) -> None:
    """A kicker in the body's size over a display head a fifth over the body (12 pt on 10), or over a headline-size head
    with a few points more white over it than the paper's line gap (less than its own size): the kicker's story."""
    pytest.importorskip("reportlab")
    path = tmp_path / "flow.pdf"
    _page(path, head_size, KICKER, above)
    assert _section_of(path, SECOND_TEXT[0][:12])[:1] == (SECOND,)
    assert _section_of(path, FIRST_TEXT[1][:12])[:1] == (FIRST,)
    assert _section_of(path, KICKER)[:1] != (FIRST,), "the kicker ran into the story above it"


def test_a_paragraphs_last_line_on_the_leading_stays_its_own(tmp_path: Path, fonts: None) -> None:
    """The negative: a short line on the paper's leading right under the first story's text (its paragraph's last
    line, no white over it beyond the line gap) over the next head stays with the first story."""
    pytest.importorskip("reportlab")
    path = tmp_path / "flow.pdf"
    _page(path, 12.0, KICKER, 0.0)
    assert _section_of(path, KICKER)[:1] == (FIRST,)
