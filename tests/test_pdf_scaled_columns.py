"""Columns a narrow gutter apart on a page whose writer scales its content (as Qt prints a web page).

A web-to-print writer (wkhtmltopdf's Qt) draws CSS pixels under a page matrix of 0.576: the font size the PDF
states is 1.74 times the size its glyphs are set at, so a gutter of an em of real type is barely half of the stated
size. Three things then joined two columns' rows into lines read across both, and the story's text came out
interleaved row by row:

- a drop cap's rows: the lines beside the cap were moved back to the column's edge, measured on characters within
  three sizes to the left of the cap — the ends of the neighbouring column's lines (``dropcaps``);
- a bold jump line ('▼下转第2版') set right-aligned that ends a little past its column's edge and so bridged the
  gutter (``lines._column_groups`` takes it at its middle);
- the last row of a module: the rows looked at to tell a gutter from a justified line's space reached two stated
  sizes down, into the next story whose lines run across the gutter (``lines._text_through`` looks two line
  pitches, measured).

Each page is written by reportlab under the same scaling matrix and read by the real reader; each rule has a page it
must not change.
"""

from __future__ import annotations

from pathlib import Path

from qa.formats.pdf import read_pdf
from qa.structure import recover_outline

PX = 0.576  # pt per CSS px (Qt's printing transform)
PAGE_W, PAGE_H = 1100.0, 1500.0  # px
MARGIN, GUTTER, BODY, PITCH = 50.0, 20.0, 18.0, 30.0  # px: a gutter of 1.1 em of real type
COL_W = 9 * BODY  # nine characters a line
FONT = "STSong-Light"
TEXT = (
    "各地农业部门组织技术人员深入田间地头，指导农民做好选种育秧和农机检修工作。今年全省计划播种粮食作物面积比上年有所"
    "增加，优质品种的比重进一步提高。金融机构加大对春耕生产的信贷投放，确保农资采购资金及时到位。气象部门提醒，近期部"
    "分地区可能出现低温天气，要注意防范倒春寒。农资市场货源充足，价格总体平稳，执法部门加强了对化肥种子质量的抽检。"
)
OTHER = (
    "老街区改造工程去年启动，沿街的旧房屋经过加固修缮，保留了原有的风貌。改造后的街巷铺上了青石板路面，增设了路灯和休"
    "息座椅，居民出行更加方便。不少老字号店铺重新开张，吸引了大批市民和游客前来参观购物。社区还组织居民成立了志愿服务"
    "队，每天轮流清扫街道、维护秩序。山区小学开通宽带网络以后，孩子们第一次通过屏幕听到了城里老师的课。"
)


def _canvas(path: Path):  # noqa: ANN202 - a reportlab canvas
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(PAGE_W * PX, PAGE_H * PX))
    c.scale(PX, PX)  # everything below in px, y up from the page's foot
    return c


def _col_x(col: int) -> float:
    return MARGIN + col * (COL_W + GUTTER)


def _text(c, x: float, top: float, text: str, size: float = BODY, bold: bool = False) -> None:  # noqa: ANN001
    """``text`` with its baseline ``top`` px below the page's top; bold is fill and stroke (a synthetic bold)."""
    t = c.beginText(x, PAGE_H - top)
    t.setFont(FONT, size)
    if bold:
        t.setTextRenderMode(2)
    t.textOut(text)
    c.drawText(t)


def _cut(text: str, first: int, per: int) -> list[str]:
    return [text[:first]] + [text[k : k + per] for k in range(first, len(text), per)]


def _paragraph_read_whole(path: Path, paragraph: str) -> bool:
    outline = recover_outline(read_pdf(path, path.name))
    return any(paragraph in "".join(p.text.split()) for p in outline.paragraphs)


# ---- a drop cap beside a narrow gutter ------------------------------------------------------------------------
def _drop_cap_page(path: Path, cap_column: int, cap_rows: float = 2.0) -> tuple[str, str]:
    """A headline over two columns: column 1 a paragraph of its own, column 2 a story opening with a drop cap beside
    three lines (indented to clear it), both on one baseline grid. The cap's baseline is ``cap_rows`` line pitches
    under the first line's: on the third line's (a layout program), or above it (a browser's float, its glyph
    sitting high in its box)."""
    c = _canvas(path)
    top = 160.0
    _text(c, _col_x(0), 100, "全省春耕生产全面展开", size=40)
    left = TEXT[:108]
    if cap_column == 1:
        for row, line in enumerate(_cut(left, 7, 9)):
            _text(c, _col_x(0) + (2 * BODY if row == 0 else 0), top + row * PITCH, line)
    story = OTHER[:110]
    x = _col_x(cap_column)
    cap = cap_rows * PITCH / 0.88 + BODY  # its top (0.88 of its size above its baseline) level with the first line's
    _text(c, x, top + cap_rows * PITCH, story[0], size=cap)
    lines = _cut(story[1:], 6, 6)
    lines = lines[:3] + _cut("".join(lines[3:]), 9, 9)
    for row, line in enumerate(lines):
        _text(c, x + (cap + 0.2 * BODY if row < 3 else 0), top + row * PITCH, line)
    c.showPage()
    c.save()
    return left, story


def test_a_drop_cap_beside_a_narrow_gutter_keeps_its_column(tmp_path: Path, fonts) -> None:
    path = tmp_path / "cap.pdf"
    left, story = _drop_cap_page(path, cap_column=1)
    assert _paragraph_read_whole(path, story)
    assert _paragraph_read_whole(path, left)


def test_a_drop_cap_floated_above_its_third_line_opens_one_paragraph(tmp_path: Path, fonts) -> None:
    """The cap's baseline half a line above the third line beside it, that line still within the cap's box: it
    is indented to clear the cap, no paragraph of its own."""
    path = tmp_path / "cap-float.pdf"
    _, story = _drop_cap_page(path, cap_column=1, cap_rows=1.45)
    assert _paragraph_read_whole(path, story)


def test_a_drop_cap_in_the_first_column_still_opens_its_paragraph(tmp_path: Path, fonts) -> None:
    path = tmp_path / "cap-first.pdf"
    _, story = _drop_cap_page(path, cap_column=0)
    assert _paragraph_read_whole(path, story)


# ---- a bold jump line past its column's edge ------------------------------------------------------------------
def _jump_page(path: Path, overhang: float) -> tuple[str, str]:
    """Story A under its headline in columns 1–2 ending with a bold right-aligned jump line that ends ``overhang``
    px past column 2's edge; story B under its own headline in column 3, beside it."""
    c = _canvas(path)
    top = 160.0
    _text(c, _col_x(0), 100, "全省春耕生产全面展开", size=36)
    _text(c, _col_x(2), 100, "老街区换新颜", size=30)
    a = TEXT[:150]
    rows = _cut(a, 7, 9)
    per = -(-len(rows) // 2)
    for k, line in enumerate(rows):
        col, row = divmod(k, per)
        _text(c, _col_x(col) + (2 * BODY if k == 0 else 0), top + row * PITCH, line)
    from reportlab.pdfbase.pdfmetrics import stringWidth

    marker = "▼下转第2版"
    end = _col_x(1) + COL_W + overhang
    _text(c, end - stringWidth(marker, FONT, BODY), top + per * PITCH, marker, bold=True)
    b = OTHER[:160]
    for row, line in enumerate(_cut(b, 7, 9)):  # a module of its own, on a grid of its own
        _text(c, _col_x(2) + (2 * BODY if row == 0 else 0), top + (row + 0.4) * PITCH, line)
    c.showPage()
    c.save()
    return a, b


def test_a_jump_line_past_its_columns_edge_bridges_no_gutter(tmp_path: Path, fonts) -> None:
    path = tmp_path / "jump.pdf"
    a, b = _jump_page(path, overhang=6.0)
    assert _paragraph_read_whole(path, a)
    assert _paragraph_read_whole(path, b)


def test_a_jump_line_inside_its_column_reads_the_same(tmp_path: Path, fonts) -> None:
    path = tmp_path / "jump-inside.pdf"
    a, b = _jump_page(path, overhang=0.0)
    assert _paragraph_read_whole(path, a)
    assert _paragraph_read_whole(path, b)


# ---- a module's last row over the next story ------------------------------------------------------------------
def _module_over_story_page(path: Path, below: float) -> tuple[str, str]:
    """Story A in two columns whose last rows share a baseline; ``below`` line pitches under that row, story B under
    its headline set across both columns' width (its lines run across A's gutter)."""
    c = _canvas(path)
    top = 160.0
    _text(c, _col_x(0), 100, "全省春耕生产全面展开", size=36)
    a = TEXT[: 9 * 12 - 2]
    rows = _cut(a, 7, 9)
    per = len(rows) // 2
    for k, line in enumerate(rows):
        col, row = divmod(k, per)
        _text(c, _col_x(col) + (2 * BODY if k == 0 else 0), top + row * PITCH, line)
    b = OTHER[:120]
    wide = int((2 * COL_W + GUTTER) // BODY)
    first = top + (per - 1 + below) * PITCH
    _text(c, _col_x(0), first - 0.9 * PITCH, "老街区换新颜", size=1.5 * BODY)  # B's headline, between
    for row, line in enumerate(_cut(b, wide - 2, wide)):
        _text(c, _col_x(0) + (2 * BODY if row == 0 else 0), first + row * PITCH, line)
    c.showPage()
    c.save()
    return a, b


def test_a_modules_last_row_is_not_read_across_its_gutter(tmp_path: Path, fonts) -> None:
    path = tmp_path / "module.pdf"
    a, _ = _module_over_story_page(path, below=2.2)
    assert _paragraph_read_whole(path, a)


def test_a_justified_lines_space_between_runs_stays_in_its_line(tmp_path: Path, fonts) -> None:
    """One wide column whose line has its slack between two glyph runs (a gap as wide as the gutter), the lines
    around running text through it: still one line of one paragraph."""
    path = tmp_path / "justified.pdf"
    c = _canvas(path)
    text = OTHER[:96]
    rows = _cut(text, 18, 20)
    for row, line in enumerate(rows):
        y = 160 + row * PITCH
        if row == 2:
            _text(c, MARGIN, y, line[:9])
            _text(c, MARGIN + 9 * BODY + GUTTER, y, line[9:])
        else:
            _text(c, MARGIN + (2 * BODY if row == 0 else 0), y, line)
    c.showPage()
    c.save()
    assert _paragraph_read_whole(path, text)


# ---- a byline atop a column the paragraph runs on into ------------------------------------------------------------
def _byline_page(path: Path, gap: float) -> tuple[str, str]:
    """A story in two columns, its paragraph running on from column 1 into column 2, whose first row is the story's
    credit set right-aligned: '记者' and '王海' ``gap`` em apart (an ideographic space, no glyph for it)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    c = _canvas(path)
    top = 160.0
    _text(c, _col_x(0), 100, "全省春耕生产全面展开", size=36)
    text = TEXT[:150]
    rows = _cut(text, 7, 9)
    half = (len(rows) + 1) // 2
    for k, line in enumerate(rows[:half]):
        _text(c, _col_x(0) + (2 * BODY if k == 0 else 0), top + k * PITCH, line)
    names = "王海"
    end = _col_x(1) + COL_W
    x = end - stringWidth(names, FONT, BODY)
    _text(c, x, top, names)
    _text(c, x - gap * BODY - stringWidth("记者", FONT, BODY), top, "记者")
    for k, line in enumerate(rows[half:]):
        _text(c, _col_x(1), top + (k + 1) * PITCH, line)
    c.showPage()
    c.save()
    return text, "记者王海"


def test_a_credit_atop_the_column_a_paragraph_runs_on_into_is_no_words_of_it(tmp_path: Path, fonts) -> None:
    path = tmp_path / "credit.pdf"
    text, credit = _byline_page(path, gap=1.0)
    assert _paragraph_read_whole(path, text)
    outline = recover_outline(read_pdf(path, path.name))
    assert any("".join(p.text.split()) == credit for p in outline.paragraphs)


def test_text_set_solid_on_a_scaled_page_gets_no_spaces(tmp_path: Path, fonts) -> None:
    """The em measured on the glyphs finds no ideographic space between characters set solid."""
    path = tmp_path / "credit-solid.pdf"
    text, _ = _byline_page(path, gap=1.0)
    outline = recover_outline(read_pdf(path, path.name))
    held = [p.text for p in outline.paragraphs if text[:20] in p.text]
    assert held and " " not in held[0]
