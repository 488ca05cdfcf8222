"""A paper whose two columns both open with a section heading, printed by Chromium from CSS columns and drawn with
reportlab.

The right column's heading stands at the column's very top, the left one's a little lower (the space above it kept),
so the two shared one band across the page; cut under it as under one headline, both headings were read first and
the left column's text was cited under the right column's heading (qa.formats.pdf.spanned.heads_atop_own_columns).
Negatives: a heading across both columns, two headings over one column, subheads with their columns' text above
them (a story flowing on atop the next column), display lines of two types side by side, or a line with its own
headline above it in its column (two stories side by side under headline stacks: tests/test_pdf_scribus_heads.py)
are no pair of column heads.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from qa.formats.pdf import read_pdf
from qa.formats.pdf.lines import Line
from qa.formats.pdf.spanned import heads_atop_own_columns
from qa.structure import recover_outline
from tests.newspaper_html import CHROMIUM, chromium_browser

STYLE = """
body { font-family: 'AR PL SungtiL GB', 'WenQuanYi Micro Hei', serif; font-size: %(size)spt; margin: 0 }
h1 { text-align: center; font-size: 20pt } .cols { column-count: 2; column-gap: 1.2cm; text-align: justify }
h2 { font-size: %(head)spt; font-family: 'WenQuanYi Micro Hei' }
table { width: 100%%; border-collapse: collapse } td { border: 1px solid #000; text-align: center }
"""
WORDS = "耕地 遥感 影像 分类 精度 样本 面积 变化 监测 模型 指数 植被 像元 波段 时序 区域".split()


def _paper(rng: random.Random, size: float, head: float) -> tuple[str, dict[str, str]]:
    """The page's HTML and each section's paragraph: two blocks of two columns, each column opening with a
    heading, a full-width table between the blocks."""
    count = [0]

    def sentences(n: int) -> str:
        out = []
        for _ in range(n):
            count[0] += 1
            w = rng.sample(WORDS, 3)
            out.append(f"第{count[0]}组实验表明{w[0]}与{w[1]}共同影响{w[2]}的估计结果。")
        return "".join(out)

    titles = ["1 引言", "2 研究区与数据", "3 结果与分析", "4 结论"]
    texts = {t: sentences(rng.randint(9, 12)) for t in titles}

    def block(pair: list[str]) -> str:
        return "<div class='cols'>" + "".join(f"<h2>{t}</h2><p>{texts[t]}</p>" for t in pair) + "</div>"

    table = "<table><tr><td>年份</td><td>耕地</td></tr><tr><td>2015</td><td>215.4</td></tr></table>"
    body = f"<h1>耕地面积变化监测研究</h1><p style='text-align:center'>张三　李四</p>{block(titles[:2])}{table}"
    css = STYLE % {"size": size, "head": head}
    html = f"<!DOCTYPE html><html lang='zh-CN'><head><meta charset='utf-8'><style>{css}</style></head>"
    return html + f"<body>{body}{block(titles[2:])}</body></html>", texts


@pytest.fixture(scope="module")
def browser():  # noqa: ANN201
    if not CHROMIUM.exists():
        pytest.skip("Chromium (/usr/bin/chromium) is not installed")
    with chromium_browser() as b:
        yield b


def _bare(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize(("seed", "size", "head"), [(3, 10.5, 13), (4, 10, 12)])
def test_each_column_of_a_paper_is_cited_under_its_own_top_heading(browser, tmp_path: Path, seed, size, head) -> None:
    html, texts = _paper(random.Random(seed), size, head)
    page = browser.new_page()
    try:
        page.set_content(html)
        path = tmp_path / "paper.pdf"
        page.pdf(path=str(path), format="A4", margin={k: "1cm" for k in ("top", "bottom", "left", "right")})
    finally:
        page.close()
    outline = recover_outline(read_pdf(path, path.name))
    found = {}
    for section in outline.sections:
        for i in section.paragraphs:
            found[_bare(outline.paragraphs[i].text)[:20]] = _bare(section.path[-1]) if section.path else ""
    for title, text in texts.items():
        assert found.get(_bare(text)[:20]) == _bare(title), title


@pytest.mark.parametrize(("seed", "drop"), [(3, 9.0), (5, 0.0)])
def test_a_reportlab_paper_whose_two_columns_open_with_headings(tmp_path: Path, fonts, seed, drop) -> None:
    """The paper drawn on a canvas: its title and authors centred across the page, then two columns, the left one
    opening with '1 引言' ``drop`` points lower than the right one's '2 研究区与数据' (0: level with it), each over its
    own section's text. Each section's text is cited under its own heading (on main both headings and both texts were
    read as one section of the title)."""
    pytest.importorskip("reportlab")
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    rng = random.Random(seed)
    count = [0]

    def sentences(n: int) -> str:
        out = []
        for _ in range(n):
            count[0] += 1
            w = rng.sample(WORDS, 3)
            out.append(f"第{count[0]}组实验表明{w[0]}与{w[1]}共同影响{w[2]}的估计结果。")
        return "".join(out)

    size, leading, margin, gutter = 10.5, 16.0, 40.0, 20.0
    width, height = A4
    column = (width - 2 * margin - gutter) / 2
    per_row = int(column // size)
    texts = {t: sentences(rng.randint(9, 12)) for t in ("1 引言", "2 研究区与数据")}
    path = tmp_path / "paper.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("STSong-Light", 20)
    c.drawCentredString(width / 2, height - 60, "耕地面积变化监测研究")
    c.setFont("STSong-Light", 12)
    c.drawCentredString(width / 2, height - 85, "张三　李四")
    for k, (title, text) in enumerate(texts.items()):
        x, y = margin + k * (column + gutter), height - 125 - (0 if k else drop)
        c.setFont("STSong-Light", 13)
        c.drawString(x, y, title)
        c.setFont("STSong-Light", size)
        y, first = y - 24, per_row - 2
        c.drawString(x + 2 * size, y, text[:first])
        for at in range(first, len(text), per_row):
            y -= leading
            c.drawString(x, y, text[at : at + per_row])
    c.save()
    outline = recover_outline(read_pdf(path, path.name))
    found = {}
    for section in outline.sections:
        for i in section.paragraphs:
            found[_bare(outline.paragraphs[i].text)[:20]] = _bare(section.path[-1]) if section.path else ""
    for title, text in texts.items():
        assert found.get(_bare(text)[:20]) == _bare(title), (title, found)


def _line(text: str, x0: float, x1: float, top: float, size: float = 10.0, bold: bool = False) -> Line:
    return Line(text, x0, x1, top, top + size, size, bold, 1, core_x1=x1)


def test_heads_over_their_own_columns_only() -> None:
    left = [_line("正文" * 10, 50, 280, 120 + 15 * k) for k in range(6)]
    right = [_line("正文" * 10, 305, 540, 120 + 15 * k) for k in range(6)]
    heads = [_line("2 数据", 305, 380, 96, 13, True), _line("1 引言", 50, 100, 104, 13, True)]
    assert heads_atop_own_columns(heads, left + right, 10.0)
    # a headline across both columns heads them together
    assert not heads_atop_own_columns([_line("研究综述与方法概要", 120, 470, 96, 13, True)], left + right, 10.0)
    # two heads side by side over one column of text (a kicker beside its headline): no column heads
    pair = [_line("引题", 50, 90, 96, 13, True), _line("主题", 150, 260, 96, 13, True)]
    assert not heads_atop_own_columns(pair, left + right, 10.0)
    # one column of text under them: nothing to head apart
    assert not heads_atop_own_columns(heads, left, 10.0)
    # a title across the page over them leaves them column tops; a column's text over them makes them subheads
    # inside a story whose text flows on atop the next column
    assert heads_atop_own_columns(heads, left + right, 10.0, [_line("论文标题", 150, 450, 40, 20, True)])
    assert not heads_atop_own_columns(heads, left + right, 10.0, [_line("正文" * 10, 50, 280, 80)])
    # a headline's last line level with the subtitle of the story beside it: two types, no column heads of one level
    tail = [_line("人选", 50, 76, 100, 13, True), _line("中国艺术研究院研究员", 305, 415, 100, 11, True)]
    assert not heads_atop_own_columns(tail, left + right, 10.0)
    # a line of one story's headline stack above it in its column: it opens no column
    assert not heads_atop_own_columns(heads, left + right, 10.0, [_line("克林顿称萨达姆无权", 50, 167, 78, 13, True)])
