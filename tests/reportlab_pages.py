"""Newspaper pages drawn with reportlab for the PDF reader's tests: the grid, the stories and the setting they share.

Each test of a newspaper layout (a flag and its ear, a flow band's heads, a band's start or end) draws its own page,
but on one grid (an 800×1000 pt page, 40 pt margins, 10 pt body on a 15 pt leading, STSong-Light) and with the same
few ways of setting text: a story balanced over columns, paragraphs broken into column lines with a two-character
indent, a column of heads and text flowing down. They were written again in each test file; here they are written
once, so that a test says only what its page holds and what the reader must make of it. The functions draw exactly
what the tests drew before (same operators in the same order), so the PDFs are the same byte for byte.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

PAGE_W, PAGE_H = 800.0, 1000.0
MARGIN, BODY, LEADING = 40.0, 10.0, 15.0
FONT = "STSong-Light"
MICROHEI = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"  # Debian's fonts-wqy-microhei
TOP = PAGE_H - 140  # the first row of the columns under a headline across the page

# A front page's flag and its ear (报眼), the lead story and a second story under it.
NAME = "江南日报"
EAR = ["2024年3月15日", "星期五", "第12345期", "国内统一刊号CN32-0001"]
LEAD = "全省春耕生产全面展开"
LEAD_TEXT = (
    "入春以来，全省各地抓住有利天气，组织农民抢修水利设施，备足种子化肥，春耕生产进度明显快于去年同期。"
    "省农业厅负责人介绍，今年全省粮食播种面积稳定在八千万亩以上，优质专用品种比重进一步提高。"
    "各地还组织农技人员深入田间地头，指导农民科学施肥、合理密植，为夺取夏粮丰收打下基础。"
)
OTHER = "城市公交线路优化调整"
OTHER_TEXT = "市交通运输局日前公布公交线路优化方案，新开通线路六条，调整线路十一条，撤并重复线路四条，方便市民出行。"

# Sentences of two stories (spring farming; an old street rebuilt), for pages that cut paragraphs to a row count.
SPRING = (
    "各地农业部门组织技术人员深入田间地头，指导农民做好选种育秧和农机检修工作。",
    "今年全省计划播种粮食作物面积比上年有所增加，优质品种的比重进一步提高。",
    "金融机构加大对春耕生产的信贷投放，确保农资采购资金及时到位。",
    "气象部门提醒，近期部分地区可能出现低温天气，要注意防范倒春寒。",
)
STREET = (
    "老街区改造工程去年启动，沿街的旧房屋经过加固修缮，保留了原有的风貌。",
    "改造后的街巷铺上了青石板路面，增设了路灯和休息座椅，居民出行更加方便。",
    "不少老字号店铺重新开张，吸引了大批市民和游客前来参观购物。",
    "社区还组织居民成立了志愿服务队，每天轮流清扫街道、维护秩序。",
)


def microhei_canvas(path, name: str = "W"):  # noqa: ANN001, ANN201 - a path; a reportlab canvas and its page size
    """An A4 reportlab canvas with WenQuanYi Micro Hei registered as ``name`` (embedded: the page carries its glyphs,
    no substitute font is asked for), and the page size; the test is skipped where reportlab or the font is not
    installed."""
    import pytest

    pytest.importorskip("reportlab")
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if not Path(MICROHEI).exists():
        pytest.skip("fonts-wqy-microhei is not installed")
    pdfmetrics.registerFont(TTFont(name, MICROHEI, subfontIndex=0))
    return canvas.Canvas(str(path), pagesize=A4), A4


@dataclass(frozen=True)
class Grid:
    """``cols`` columns between the margins, ``gutter`` apart, and the ways the tests set text on them: where column
    ``col`` starts and row ``row`` stands, a story balanced over columns, paragraphs broken into column lines, heads
    and lines on the grid's rows, a flow band of heads and text."""

    cols: int
    gutter: float = 14.0

    @property
    def col_w(self) -> float:
        return (PAGE_W - 2 * MARGIN - (self.cols - 1) * self.gutter) / self.cols

    @property
    def per_line(self) -> int:
        """Body characters a column line holds."""
        return int(self.col_w // BODY)

    def x(self, col: float) -> float:
        return MARGIN + col * (self.col_w + self.gutter)

    def y(self, row: float) -> float:
        return TOP - row * LEADING

    def set_balanced(
        self,
        c,  # noqa: ANN001 - a reportlab canvas
        x: float,
        y: float,
        text: str,
        columns: int,
        draw: Callable[..., None] | None = None,
    ) -> float:
        """``text`` set column after column (balanced) from ``x``; the baseline under its last row. Each row is
        drawn by ``draw(c, x, y, row)`` (a test's own face or render mode), else in the body face."""
        per_line = self.per_line
        rows = [text[k : k + per_line] for k in range(0, len(text), per_line)]
        per_column = -(-len(rows) // columns)
        if draw is None:
            c.setFont(FONT, BODY)
        for k, row in enumerate(rows):
            col, at = divmod(k, per_column)
            if draw is None:
                c.drawString(x + col * (self.col_w + self.gutter), y - at * LEADING, row)
            else:
                draw(c, x + col * (self.col_w + self.gutter), y - at * LEADING, row)
        return y - per_column * LEADING

    def lines(self, paragraphs: Sequence[str]) -> list[tuple[str, bool]]:
        """Each paragraph broken into column lines, the first indented two characters: (text, indented)."""
        out: list[tuple[str, bool]] = []
        for text in paragraphs:
            first = self.per_line - 2
            out.append((text[:first], True))
            out.extend((text[k : k + self.per_line], False) for k in range(first, len(text), self.per_line))
        return out

    def draw_line(self, c, col: int, row: float, line: tuple[str, bool]) -> None:  # noqa: ANN001 - a canvas
        """A body line (text, indented) of :meth:`lines` on row ``row`` of column ``col``."""
        text, indented = line
        c.setFont(FONT, BODY)
        c.drawString(self.x(col) + (2 * BODY if indented else 0), self.y(row), text)

    def draw_head(self, c, col: float, row: float, text: str, size: float) -> None:  # noqa: ANN001 - a canvas
        """A head of ``size`` pt on row ``row`` of column ``col``."""
        c.setFont(FONT, size)
        c.drawString(self.x(col), self.y(row), text)

    def draw_paragraph(self, c, x: float, y: float, text: str) -> float:  # noqa: ANN001 - a canvas
        """``text`` as a paragraph flowing down a column from baseline ``y`` at ``x``, its first line indented two
        characters; the baseline under its last line."""
        c.setFont(FONT, BODY)
        for line, indented in self.lines([text]):
            c.drawString(x + (2 * BODY if indented else 0), y, line)
            y -= LEADING
        return y

    def flow_page(self, path, columns: Sequence[Sequence[tuple[str, str]]], bold: bool, spaced: bool) -> None:  # noqa: ANN001
        """A flow band: the lead's headline (``LEAD``, 26 pt) across the page, then column by column ``(kind, text)``
        items flowing down from ``TOP``: a "head" in 11.5 pt (bold as fill-and-stroke when ``bold``; 4 pt more white
        over it and 2 pt under it when ``spaced``), a "subtitle" indented two characters, or "text", a paragraph
        whose first line is indented two characters."""
        from reportlab.pdfgen import canvas

        c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
        c.setFont(FONT, 26)
        c.drawString(MARGIN, PAGE_H - 100, LEAD)
        for col, items in enumerate(columns):
            y = TOP
            x = self.x(col)
            for kind, text in items:
                if kind == "head":
                    if spaced:
                        y -= 4
                    if bold:
                        t = c.beginText(x, y)
                        t.setFont(FONT, 11.5)
                        t.setTextRenderMode(2)  # fill and stroke: bold
                        t.textOut(text)
                        c.drawText(t)
                    else:
                        c.setFont(FONT, 11.5)
                        c.drawString(x, y, text)
                    y -= LEADING + (2 if spaced else 0)
                    continue
                if kind == "subtitle":
                    c.setFont(FONT, BODY)
                    c.drawString(x + 2 * BODY, y, text)
                    y -= LEADING + 2
                    continue
                y = self.draw_paragraph(c, x, y, text)
        c.save()
