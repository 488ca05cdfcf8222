"""The scoring of ``benchmarks/real_html.py`` on a page written here: a perfect reading scores 1.0, a
reading that drops a section, nests a heading wrongly or keeps the navigation scores lower."""

from __future__ import annotations

from pathlib import Path

from benchmarks.real_html import Score, gold_of, locate, norm, reading_of, score
from qa.formats.blocks import Block, to_document
from qa.structure import recover_outline

PAGE = """<!DOCTYPE html><html><head><title>手册</title><style>p {color: red}</style></head><body>
<div class="navheader"><table><tr><th>第 2 章 网络</th></tr>
<tr><td><a href="ch01.html">上一页</a></td><td><a href="ch03.html">下一页</a></td></tr></table></div>
<nav><ul><li><a href="/">首页</a></li><li><a href="/about">关于我们</a></li></ul></nav>
<div class="chapter"><h1>第 2 章 网络设置</h1>
<div class="toc"><p><b>目录</b></p><dl><dt>2.1. <a href="#a">基本架构</a></dt>
<dt>2.2. <a href="#b">优化</a></dt></dl></div>
<p>本章介绍网络设置。</p>
<h2 id="a">2.1. 基本架构</h2><p>让我们回顾一下基本网络架构。</p>
<table><tr><td>软件包</td><td>说明</td></tr><tr><td>ifupdown</td><td>标准网络配置</td></tr></table>
<div class="tip"><p>提示</p></div>
<h2 id="b">2.2. 优化</h2><p>找出最佳 MTU 的方法如下。</p><pre>ping -M do host</pre>
<div class="tip"><p>提示</p></div>
<ul><li><a href="https://example.org/howto">Networking HOWTO</a></li>
<li><a href="https://example.org/nat">NAT HOWTO</a></li></ul>
</div>
<footer><p>版权所有 © 2024</p></footer>
</body></html>"""

CONTENT = [
    (None, "本章介绍网络设置。"),
    (2, "2.1. 基本架构"),
    (None, "让我们回顾一下基本网络架构。"),
    (None, "软件包 | 说明"),
    (None, "ifupdown | 标准网络配置"),
    (None, "提示"),
    (2, "2.2. 优化"),
    (None, "找出最佳 MTU 的方法如下。"),
    (None, "ping -M do host"),
    (None, "提示"),
    (None, "Networking HOWTO"),
    (None, "NAT HOWTO"),
]


def _reading(tmp_path: Path, lines: list[tuple[int | None, str]]):
    blocks = [Block(t, heading_level=level, role="heading" if level else "body") for level, t in lines]
    doc = to_document(blocks, tmp_path / "page.html", "page.html", "html", "utf-8")
    return reading_of(recover_outline(doc))


def _ratios(s: Score) -> tuple[float, ...]:
    return (
        s.found_headings / s.gold_headings,
        s.right_headings / s.our_headings,
        s.right_paras / s.found_paras,
        s.found_chars / s.gold_chars,
        s.nav_chars / s.our_chars,
    )


def test_gold_reads_the_authors_markup():
    gold = gold_of(PAGE.encode("utf-8"))
    assert gold.headings == [("第2章网络设置",), ("第2章网络设置", "2.1.基本架构"), ("第2章网络设置", "2.2.优化")]
    texts = [p.text for p in gold.paragraphs]
    assert "本章介绍网络设置。" in texts and "ping-Mdohost" in texts and "NetworkingHOWTO" in texts  # external links
    assert {p.path for p in gold.paragraphs if p.text == "提示"} == {
        ("第2章网络设置", "2.1.基本架构"),
        ("第2章网络设置", "2.2.优化"),
    }
    nav = " ".join(gold.nav)
    for chrome in ("上一页", "第2章网络", "首页", "目录", "基本架构", "版权所有"):  # navheader, nav, toc, footer
        assert chrome in nav
    assert not any(t in texts for t in ("上一页", "首页", "目录", "版权所有©2024"))
    assert "color" not in nav + "".join(texts)  # style is no text


def test_a_perfect_reading_scores_one(tmp_path):
    gold = gold_of(PAGE.encode("utf-8"))
    s = score(gold, _reading(tmp_path, [(1, "第 2 章 网络设置"), *CONTENT]))
    assert _ratios(s) == (1.0, 1.0, 1.0, 1.0, 0.0)
    assert s.exact_docs == 1


def test_a_dropped_section_scores_lower(tmp_path):
    gold = gold_of(PAGE.encode("utf-8"))
    dropped = [(1, "第 2 章 网络设置"), *CONTENT[:6]]  # section 2.2 and its text lost
    r, p, para, recall, nav = _ratios(score(gold, _reading(tmp_path, dropped)))
    assert r < 1.0 and recall < 1.0
    assert p == 1.0 and para == 1.0  # what is there is right


def test_a_heading_nested_wrong_files_its_text_wrong(tmp_path):
    gold = gold_of(PAGE.encode("utf-8"))
    nested = [(1, "第 2 章 网络设置"), *CONTENT[:6], (3, "2.2. 优化"), *CONTENT[7:]]  # 2.2 read under 2.1
    s = score(gold, _reading(tmp_path, nested))
    r, p, para, recall, nav = _ratios(s)
    assert r < 1.0 and p < 1.0 and para < 1.0
    assert recall == 1.0 and s.exact_docs == 0


def test_kept_navigation_is_counted(tmp_path):
    gold = gold_of(PAGE.encode("utf-8"))
    s = score(gold, _reading(tmp_path, [(None, "上一页 | 下一页"), (1, "第 2 章 网络设置"), *CONTENT]))
    assert s.nav_chars == len(norm("上一页下一页")) and _ratios(s)[:4] == (1.0, 1.0, 1.0, 1.0)


def test_short_repeated_text_is_found_at_its_own_place():
    texts = ["a" * 25, "提示", "b" * 25, "提示", "c" * 25]
    joined = "a" * 25 + "提示" + "b" * 25 + "c" * 25  # the second 提示 was dropped
    at = locate(texts, joined)
    assert at[1] == 25 and at[3] == -1 and at[4] == joined.index("c")


def test_a_navigation_heading_a_pdfs_outline_names_is_excused(tmp_path):
    """A footer's h3 (LibreOffice help's 'Help content debug info:') that the printer wrote into the PDF's outline is
    neither right nor wrong (the outline cannot say 'navigation'), and counted; read without the outline naming it,
    it is a heading not in the gold."""
    page = PAGE.replace("<footer><p>", "<footer><h3>帮助内容调试信息：</h3><p>")
    gold = gold_of(page.encode("utf-8"))
    footer = [(2, "帮助内容调试信息："), (None, "版权所有 © 2024")]
    reading = _reading(tmp_path, [(1, "第 2 章 网络设置"), *CONTENT, *footer])
    plain = score(gold, reading)
    assert plain.right_headings < plain.our_headings and plain.exact_docs == 0
    assert score(gold, reading, outline={"第2章网络设置", "2.2.优化"}).chrome_headings == 0  # not in the outline
    excused = score(gold, reading, outline={"第2章网络设置", norm("帮助内容调试信息：")})
    assert excused.chrome_headings == 1 and excused.right_headings == excused.our_headings == 3
    assert excused.exact_docs == 1 and excused.strict_exact == 0
