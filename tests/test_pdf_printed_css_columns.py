"""A paper printed by Chromium from HTML with CSS columns: title and abstract across the page, body in two columns.

The abstract's keyword line ran a few points past the middle of the page, over the right column's start; the
reading order kept the gap under it as a gap inside one column and read the two columns under it row by row —
lines spliced mid-word, '3.2' filed under '2 相关工作' (qa.formats.pdf.measure_change). Negative: two columns of
text under a gap cross no gutter, and a line of either column does not part them.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from qa.formats.pdf import read_pdf
from qa.formats.pdf.lines import Line
from qa.formats.pdf.measure_change import wider_above
from qa.structure import recover_outline
from tests.newspaper_html import print_pdf

STYLE = """
body { font-family: 'WenQuanYi Micro Hei', sans-serif; font-size: 10pt; line-height: 1.5 }
h1 { font-size: 18pt; text-align: center } .authors { text-align: center }
.abstract { margin: 0 2em; font-size: 9pt } .columns { column-count: 2; column-gap: 8mm }
h2 { font-size: 12pt } h3 { font-size: 10.5pt }
"""
WORDS = "政务 文档 检索 段落 标题 表格 模型 向量 关键词 排序 准确率 章节 层级 版面 字体 字号 编号 标注".split()
SECTIONS = [("h2", "1 引言"), ("h2", "2 相关工作"), ("h3", "2.1 检索增强生成"), ("h3", "2.2 文档版面分析")]
SECTIONS += [("h2", "3 方法"), ("h3", "3.1 章节结构恢复"), ("h3", "3.2 混合检索"), ("h2", "4 实验"), ("h2", "5 结论")]


def _paper(rng: random.Random) -> tuple[str, dict[str, str]]:
    """The page's HTML, and each section's paragraph (its own sentences, numbered through the paper)."""
    count = [0]

    def sentences(n: int) -> str:
        out = []
        for _ in range(n):
            count[0] += 1
            w = rng.sample(WORDS, 4)
            out.append(f"第{count[0]}项观察表明{w[0]}与{w[1]}的关系会影响{w[2]}和{w[3]}的处理。")
        return "".join(out)

    texts = {title: f"{title.split()[1]}一节：" + sentences(5) for tag, title in SECTIONS if title != "2 相关工作"}
    body = "".join(
        f"<{tag}>{title}</{tag}>" + (f"<p>{texts[title]}</p>" if title in texts else "") for tag, title in SECTIONS
    )
    head = (
        "<h1>基于检索增强生成的中文政务问答方法研究</h1><p class='authors'>张三，李四，王五</p>"
        f"<p class='abstract'>摘要：{sentences(4)}</p>"
        "<p class='abstract'>关键词：检索增强生成；政务问答；版面分析；混合检索；章节结构恢复；引用溯源；评测</p>"
    )
    html = f"<!DOCTYPE html><html><head><meta charset='utf-8'><style>{STYLE}</style></head>"
    return html + f"<body>{head}<div class='columns'>{body}</div></body></html>", texts


def _bare(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("seed", [7, 8])
def test_a_css_two_column_paper_reads_each_column_whole(browser, tmp_path: Path, seed: int) -> None:
    html, texts = _paper(random.Random(seed))
    path = print_pdf(browser, html, tmp_path / "paper.pdf", margin="1.5cm")
    outline = recover_outline(read_pdf(path, path.name))
    found = {}
    for section in outline.sections:
        for i in section.paragraphs:
            found[_bare(outline.paragraphs[i].text)] = _bare(section.path[-1]) if section.path else ""
    for title, text in texts.items():
        assert found.get(_bare(text)) == _bare(title), title  # whole, and under its own heading


def _line(x0: float, x1: float, top: float) -> Line:
    return Line("正文" * 5, x0, x1, top, top + 10, 10.0, False, 1)


def test_columns_under_a_gap_are_parted_only_by_text_across_their_gutter() -> None:
    left = [_line(50, 280, 200 + 15 * k) for k in range(6)]
    right = [_line(305, 540, 200 + 15 * k) for k in range(6)]
    below = [[a, b] for a, b in zip(left, right, strict=True)]
    assert wider_above([_line(70, 520, 170)], below, 10.0)  # an abstract's line across the page
    assert not wider_above([_line(50, 280, 185), _line(305, 540, 185)], below, 10.0)  # the columns' own rows
    assert not wider_above([_line(50, 310, 185)], below, 10.0)  # a line just reaching the gutter
    assert not wider_above([_line(70, 520, 170)], [[ln] for ln in left], 10.0)  # one column below: no gutter
