"""A headline set vertically (竖题) in a strip at its story's right edge heads that story.

Read by rows, each of the strip's characters was a line of its own, read after the story's columns: the story was
filed under the story above it, and the head headed the next one. The page is written by reportlab: a story under
a headline across the top, then a band of two modules side by side, the second a column under a photo headed by a
vertical strip at its right edge; read by the real reader.
"""

from __future__ import annotations

from pathlib import Path

from qa.formats.pdf import read_pdf
from qa.structure import recover_outline

PAGE_W, PAGE_H = 620.0, 800.0
MARGIN, GUTTER, BODY, PITCH = 36.0, 14.0, 10.0, 15.0
COL_W = 12 * BODY
FONT = "STSong-Light"
TOP_HEAD, LEFT_HEAD, VERTICAL_HEAD = "全省春耕生产全面展开", "老街区换新颜", "山区小学通上网络"
TEXT = (
    "各地农业部门组织技术人员深入田间地头，指导农民做好选种育秧和农机检修工作。今年全省计划播种粮食作物面积比上年有所"
    "增加，优质品种的比重进一步提高。金融机构加大对春耕生产的信贷投放，确保农资采购资金及时到位。"
)
LEFT = (
    "老街区改造工程去年启动，沿街的旧房屋经过加固修缮，保留了原有的风貌。改造后的街巷铺上了青石板路面，增设了路灯和休"
    "息座椅，居民出行更加方便。不少老字号店铺重新开张，吸引了大批市民和游客前来参观购物。"
)
RIGHT = (
    "山区小学开通宽带网络以后，孩子们第一次通过屏幕听到了城里老师的课。县教育局为每所学校配备了多媒体教室，并对教师进"
    "行了集中培训。校长说，网络让山里的孩子和外面的世界连在了一起。"
)


def _x(col: int) -> float:
    return MARGIN + col * (COL_W + GUTTER)


def _column(c, col: int, top: float, text: str, rows: int, indent: bool = True) -> str:  # noqa: ANN001
    """Set up to ``rows`` lines of ``text`` in column ``col`` from baseline ``top``; return what is left."""
    c.setFont(FONT, BODY)
    first = 10 if indent else 12
    lines = [text[:first]] + [text[k : k + 12] for k in range(first, len(text), 12)]
    for r, line in enumerate(lines[:rows]):
        c.drawString(_x(col) + (2 * BODY if indent and r == 0 else 0), PAGE_H - top - r * PITCH, line)
    return "".join(lines[rows:])


def _page(path: Path, vertical: bool) -> None:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    c.setFont(FONT, 24)
    c.drawString(_x(0), PAGE_H - 70, TOP_HEAD)
    for col in range(4):
        _column(c, col, 110, TEXT[col * 30 : col * 30 + 30], 3, indent=col == 0)
    band = 200.0  # the band of two modules: its top
    c.setFont(FONT, 18)
    c.drawString(_x(0), PAGE_H - band - 14, LEFT_HEAD)
    rest = _column(c, 0, band + 40, LEFT, 6)
    _column(c, 1, band + 40, rest, 6, indent=False)
    if vertical:  # the head down a strip at the module's right edge, one character under the other, set solid
        c.setFont(FONT, 16)
        for k, ch in enumerate(VERTICAL_HEAD):
            c.drawString(_x(3), PAGE_H - band - 14 - k * 16, ch)
        top = band
    else:
        c.setFont(FONT, 18)
        c.drawString(_x(2), PAGE_H - band - 14, VERTICAL_HEAD)
        top = band + 30
    c.setFillGray(0.8)  # a photo atop the module's column (level with its head's top), the text under it
    c.rect(_x(2), PAGE_H - top - 52, COL_W, 52, stroke=0, fill=1)
    c.setFillGray(0)
    _column(c, 2, top + 70, RIGHT, 12)
    c.showPage()
    c.save()


def _sections(path: Path) -> dict[str, tuple[str, ...]]:
    outline = recover_outline(read_pdf(path, path.name))
    found = {}
    for text in (TEXT[:20], LEFT[:20], RIGHT[:20], RIGHT[-20:]):
        held = next(p for p in outline.paragraphs if text in "".join(p.text.split()))
        found[text] = next((tuple(s.path) for s in outline.sections if held.index in s.paragraphs), ())
    return found


def test_a_vertical_head_heads_the_module_to_its_left(tmp_path: Path, fonts) -> None:
    path = tmp_path / "vertical.pdf"
    _page(path, vertical=True)
    found = _sections(path)
    assert found[RIGHT[:20]] == (VERTICAL_HEAD,)
    assert found[RIGHT[-20:]] == (VERTICAL_HEAD,)
    assert found[LEFT[:20]] == (LEFT_HEAD,)  # the module beside it keeps its own text
    assert found[TEXT[:20]] == (TOP_HEAD,)


def test_a_head_set_across_the_top_reads_the_same(tmp_path: Path, fonts) -> None:
    path = tmp_path / "across.pdf"
    _page(path, vertical=False)
    found = _sections(path)
    assert found[RIGHT[:20]] == (VERTICAL_HEAD,)
    assert found[LEFT[:20]] == (LEFT_HEAD,)
