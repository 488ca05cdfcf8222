"""A kicker (引题) set no larger than the body, on one line or two, files under the headline it stands over.

Papers size a kicker against its headline — half to two thirds of it — so over a modest headline it is the body's
size or smaller, on two lines in a narrow module. Read as a paragraph, it fell to the story printed above it: a
user searching the kicker's words got the wrong article cited. The pages are written by reportlab (and by the Pango
producer on its DIAGNOSIS seeds) and read by the real reader.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.formats.pdf import read_pdf
from qa.structure import recover_outline

BODY = 10.0
LEADING = 15.0
PAGE_W, PAGE_H = 800.0, 1000.0
MARGIN, GUTTER = 40.0, 12.0
COL_W = (PAGE_W - 2 * MARGIN - 3 * GUTTER) / 4
PER_LINE = int(COL_W // BODY)

TOP_HEAD = "全省春耕生产全面展开"
TOP_TEXT = [
    "入春以来，全省各地抓住有利天气，组织农民抢修水利设施，备足种子化肥，春耕生产进度明显快于去年同期。",
    "省农业厅负责人介绍，今年全省粮食播种面积稳定在八千万亩以上，优质专用品种比重进一步提高。",
    "各地还组织农技人员深入田间地头，指导农民科学施肥、合理密植，为夺取夏粮丰收打下基础。",
]
HEAD = "城市公交线路优化调整"
TEXT = [
    "本报讯　市交通运输局日前公布公交线路优化方案，新开通线路六条，调整线路十一条，撤并重复线路四条。",
    "优化后的线路更多地向新建居民区和产业园区延伸，市民出行换乘次数明显减少，平均候车时间缩短。",
]
SIDE_HEAD = "老街改造留住乡愁"
FILLER = [
    "记者从市气象台获悉，受冷空气影响，本周后期全市将有一次明显降温过程，最低气温可降至零下五摄氏度。",
    "气象部门提醒市民及时添加衣物，注意防寒保暖，农业生产单位要做好大棚蔬菜和越冬作物的防冻工作。",
]
SIDE_TEXT = ["旧城改造中，设计人员保留了老街原有的石板路和骑楼，修缮沿街店铺一百多间，吸引不少游客前来参观。"]


def _rows(text: str, first_indent: bool = True) -> list[str]:
    rows, line, room = [], "", PER_LINE - (2 if first_indent else 0)
    for ch in text:
        if len(line) == room:
            rows.append(line)
            line, room = "", PER_LINE
        line += ch
    return [*rows, line] if line else rows


def _column_text(c, x: float, y: float, paragraphs: list[str], columns: int) -> None:  # noqa: ANN001 - a canvas
    """Paragraphs set column after column (``columns`` wide from ``x``), indented two characters, balanced."""
    rows: list[tuple[str, bool]] = []
    for para in paragraphs:
        rows += [(row, k == 0) for k, row in enumerate(_rows(para))]
    per_column = -(-len(rows) // columns)
    c.setFont("STSong-Light", BODY)
    for k, (row, first) in enumerate(rows):
        col, at = divmod(k, per_column)
        c.drawString(x + col * (COL_W + GUTTER) + (2 * BODY if first else 0), y - at * LEADING, row)


def _paper(path: Path, kicker: list[str], size: float, align: str, under_top: str | None = None) -> None:
    """A page of a paper: a story across four columns; under it a story over two columns with ``kicker`` (its lines,
    in ``size``, ``align``ed with the headline) over a 16 pt headline, and a story beside it with no kicker.
    ``under_top``: a line set under the top story's last paragraph (its closing credit), right over the kicker."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    c.setFont("STSong-Light", 24)
    c.drawString(MARGIN, PAGE_H - 70, TOP_HEAD)
    _column_text(c, MARGIN, PAGE_H - 100, TOP_TEXT, 4)
    y = PAGE_H - 100 - 3 * LEADING
    if under_top:
        c.setFont("STSong-Light", BODY)
        c.drawRightString(MARGIN + COL_W, y, under_top)
        y -= 1.6 * BODY
    else:
        y -= 2.5 * BODY
    head_size, head_w = 16.0, 16.0 * len(HEAD)
    module_w = 2 * COL_W + GUTTER
    head_x = MARGIN + (module_w - head_w) / 2 if align == "center" else MARGIN
    c.setFont("STSong-Light", size)
    for k, line in enumerate(kicker):
        width = size * len(line)
        x = MARGIN + (module_w - width) / 2 if align == "center" else MARGIN
        c.drawString(x, y - k * 1.3 * size, line)
    y -= (len(kicker) - 1) * 1.3 * size + 0.3 * size + head_size
    c.setFont("STSong-Light", head_size)
    c.drawString(head_x, y, HEAD)
    side_x = MARGIN + 2 * (COL_W + GUTTER)
    c.drawString(side_x, y, SIDE_HEAD)
    _column_text(c, MARGIN, y - 1.6 * head_size, TEXT, 2)
    _column_text(c, side_x, y - 1.6 * head_size, SIDE_TEXT, 2)
    c.save()


def _home(outline, text: str) -> list[tuple[str, ...]]:  # noqa: ANN001 - qa.records.Outline
    """The section paths of the paragraphs holding ``text``."""
    text = "".join(text.split())
    hits = {p.index for p in outline.paragraphs if text in "".join(p.text.split())}
    return [s.path for s in outline.sections if hits & set(s.paragraphs)]


@pytest.mark.parametrize(
    ("kicker", "size", "align"),
    [
        (["坚持便民利民原则，", "打通群众出行最后一公里"], 8.0, "left"),  # smaller than the body, on two lines
        (["打通群众出行最后一公里　方便市民换乘"], 10.4, "center"),  # a hair over the body's size, centred, long
        (["公交出行更便捷更舒心了"], BODY, "left"),  # in the body's own size
    ],
    ids=["two-lines-smaller", "centred-just-over-body", "body-size"],
)
def test_a_kicker_no_larger_than_the_body_files_under_its_headline(
    tmp_path: Path, fonts, kicker: list[str], size: float, align: str
) -> None:
    path = tmp_path / "paper.pdf"
    _paper(path, kicker, size, align)
    outline = recover_outline(read_pdf(path, path.name))
    assert _home(outline, "".join(kicker)) == [(HEAD,)]  # one text, under its own headline
    assert _home(outline, TEXT[0][:12]) == [(HEAD,)]
    assert _home(outline, TOP_TEXT[-1][:12]) == [(TOP_HEAD,)]  # the story above keeps its own text
    assert _home(outline, SIDE_TEXT[0][:12]) == [(SIDE_HEAD,)]


def test_a_closing_credit_over_the_next_headline_stays_with_its_story(tmp_path: Path, fonts) -> None:
    """A column of briefs: a story's closing credit ('（记者　王芳）', right-aligned under its last paragraph) set
    right over the next brief's headline is the story's credit, not a kicker of the next brief."""
    from reportlab.pdfgen import canvas

    path = tmp_path / "briefs.pdf"
    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    y = PAGE_H - 70
    for head, text in ((TOP_HEAD, TOP_TEXT[:2]), (HEAD, TEXT), (SIDE_HEAD, SIDE_TEXT)):
        c.setFont("STSong-Light", 16)
        c.drawString(MARGIN, y, head)
        y -= 1.6 * 16
        rows = [(row, k == 0) for para in text for k, row in enumerate(_rows(para))]
        c.setFont("STSong-Light", BODY)
        for row, first in rows:
            c.drawString(MARGIN + (2 * BODY if first else 0), y, row)
            y -= LEADING
        c.drawRightString(MARGIN + COL_W, y, "（记者　王芳）")
        y -= 0.3 * BODY + 16
    for k in (1, 2, 3):  # the other columns: a story of its own, so that the page is one of columns
        x = MARGIN + k * (COL_W + GUTTER)
        c.setFont("STSong-Light", 16)
        c.drawString(x, PAGE_H - 70, f"{SIDE_HEAD}之{k}")
        _column_text(c, x, PAGE_H - 100, FILLER, 1)
    c.save()
    outline = recover_outline(read_pdf(path, path.name))
    assert _home(outline, TOP_TEXT[1][:12]) == [(TOP_HEAD,)]
    assert _home(outline, TEXT[0][:12]) == [(HEAD,)]
    credits = [p for p in outline.paragraphs if "记者王芳" in "".join(p.text.split())]
    assert credits and all(outline.roles.get(p.index) != "kicker" for p in credits)
    assert [s.path for s in outline.sections if credits[0].index in s.paragraphs] == [(TOP_HEAD,)]


def test_the_pango_producers_kickers_file_under_their_headlines(tmp_path: Path) -> None:
    """On a Pango/cairo paper (a DIAGNOSIS seed; tests/newspaper_pango.py) whose kickers are set 0.78 of the body —
    one of them on two lines — every kicker is read under its own story's headline."""
    from tests.newspaper_pango import make_pango_newspaper, pango_available
    from tests.newspaper_pdfs import score_outline

    why_not = pango_available()
    if why_not:
        pytest.skip(why_not)
    paper = make_pango_newspaper(tmp_path / "paper.pdf", 18500)
    kickers = [p for p in paper.pieces if p.role == "kicker"]
    assert len(kickers) >= 3
    outline = recover_outline(read_pdf(paper.path, paper.path.name))
    only = type(paper)(**{**vars(paper), "pieces": kickers, "jumps": []})
    score = score_outline(only, outline)
    assert score.correct == score.pieces == len(kickers)
