"""HTML shapes seen on real pages (DocBook manuals, gtk-doc/libxml sites, hand-written examples, Node's API
docs; benchmarks/real_html.py, TUNING documents), each on a page written here."""

from __future__ import annotations

from pathlib import Path

from qa.loading import load_file
from qa.structure import recover_outline


def _sections(tmp_path: Path, body: str, title: str = "页") -> list[tuple[tuple[str, ...], list[str]]]:
    path = tmp_path / "page.html"
    path.write_text(f"<html><head><title>{title}</title></head><body>{body}</body></html>", encoding="utf-8")
    outline = recover_outline(load_file(path))
    return [(s.path, [outline.paragraphs[i].text for i in s.paragraphs]) for s in outline.sections]


def _texts(sections: list[tuple[tuple[str, ...], list[str]]]) -> list[str]:
    return [t for _, texts in sections for t in texts]


def test_text_after_a_comment_is_kept(tmp_path):
    # zlib's example page: each explanation follows the code block and an empty comment
    body = (
        "<h1>zlib 用法示例</h1><pre><b>#include &lt;stdio.h&gt;</b></pre><!-- -->\n"
        "这是为了避免输入输出数据损坏。<pre>#define CHUNK 16384</pre>"
    )
    assert _sections(tmp_path, body) == [
        (("页", "zlib 用法示例"), ["#include <stdio.h>", "这是为了避免输入输出数据损坏。", "#define CHUNK 16384"])
    ]


def test_headings_inside_a_layout_table_head_their_sections(tmp_path):
    # libxslt's site: the page title's h1/h2 in a cell of nested layout tables, the menu and text in others
    body = """<table><tr><td><img alt="logo"></td><td><table><tr><td><h1>XSLT 库</h1><h2>如何帮助</h2></td></tr>
    </table></td></tr></table><table><tr><td><table><tr><td><ul><li><a href="index.html">首页</a></li>
    <li><a href="intro.html">简介</a></li></ul></td></tr></table></td><td><p>你可以用多种方式帮助这个项目。</p>
    <h3>提交补丁</h3><p>发现问题时请提供补丁。</p></td></tr></table>"""
    assert _sections(tmp_path, body) == [
        (("页", "XSLT 库", "如何帮助"), ["你可以用多种方式帮助这个项目。"]),
        (("页", "XSLT 库", "如何帮助", "提交补丁"), ["发现问题时请提供补丁。"]),
    ]


def test_a_data_table_still_reads_one_line_per_row(tmp_path):
    body = (
        "<h1>网络</h1><table><tr><th>软件包</th><th>说明</th></tr>"
        "<tr><td><p>ifupdown</p></td><td>标准配置</td></tr></table>"
    )
    assert _sections(tmp_path, body, title="网络") == [
        (("网络",), ["软件包 | 说明", "软件包：ifupdown | 说明：标准配置"])
    ]


def test_a_list_holding_one_link_is_an_item_not_a_menu(tmp_path):
    # Node's API docs give a property's type as a one-item list of one link
    body = """<h1>Cluster</h1><h2>worker.id</h2><ul><li><a href="https://developer.mozilla.org/Number">&lt;integer&gt;</a>
    </li></ul><p>每个新的工作进程都有唯一的编号。</p>"""
    assert _texts(_sections(tmp_path, body)) == ["<integer>", "每个新的工作进程都有唯一的编号。"]


def test_docbook_navigation_header_footer_and_contents_are_dropped(tmp_path):
    body = """<div class="navheader"><table><tr><th colspan="3">第 5 章 网络设置</th></tr><tr>
    <td><a accesskey="p" href="ch04.html">上一页</a></td><th>第 4 章</th></tr></table></div>
    <div class="chapter"><h1>第 5 章 网络设置</h1><div class="toc"><p><strong>目录</strong></p><dl>
    <dt>5.1. <a href="#a">基本网络架构</a></dt><dt>5.2. <a href="#b">现代的桌面网络配置</a></dt></dl></div>
    <p>本章介绍网络设置。</p></div>
    <div class="navfooter"><table><tr><td>第 4 章 认证和访问控制</td><td><a href="index.html">起始页</a></td>
    <td>第 6 章 网络应用</td></tr></table><a class="reportbug" href="https://example.org/bugs">报告错误</a></div>"""
    assert _sections(tmp_path, body) == [(("页", "第 5 章 网络设置"), ["本章介绍网络设置。"])]


def test_a_numbered_list_of_contents_links_is_navigation(tmp_path):
    # DocBook's list of tables: each entry its number and a link, so links are under 80% of its characters
    entries = "".join(f'<dt>{n}.{k}. <a href="ch0{n}.html#t{k}">表{k}</a></dt>' for n in (1, 2) for k in range(1, 12))
    body = f"<h1>手册</h1><p>这是一本手册。</p><div class='list-of-tables'><dl>{entries}</dl></div>"
    assert _sections(tmp_path, body, title="手册") == [(("手册",), ["这是一本手册。"])]


def test_a_list_of_items_with_words_of_their_own_is_content(tmp_path):
    # list items that link and also say something ('参见 …') are text, however much of them is linked
    body = """<h1>访问控制</h1><ul><li><p><a href="https://zh.wikipedia.org/wiki/Systemd">Systemd</a>。参见
    <a href="ch03.html#s">第 3.2 节 “Systemd 初始化”</a>。</p></li><li><p><a href="https://example.org/sandbox">沙盒环境</a>。
    参见 <a href="ch07.html#s">第 7.6 节 “沙盒”</a>。</p></li></ul>"""
    assert _texts(_sections(tmp_path, body)) == [
        "Systemd。参见第 3.2 节 “Systemd 初始化”。",
        "沙盒环境。参见 第 7.6 节 “沙盒”。",
    ]


def test_a_block_of_bare_link_paragraphs_is_navigation(tmp_path):
    # LibreOffice's help: 'related topics' as one <div><p><a> per topic, no list markup
    related = "".join(
        f'<div class="embedded"><p class="embedded"><a href="text/{n}.html">{t}</a></p></div>'
        for n, t in enumerate(["编辑图表图例", "编辑图表轴", "格式-对象属性"])
    )
    body = f"""<h1>编辑图表标题</h1><p>要编辑图表标题，请双击图表。</p><div class="relatedbody">{related}</div>
    <div><p><a href="a.html">图表</a>可以有标题。</p><p><a href="b.html">图例</a>说明数据系列。</p></div>"""
    assert _sections(tmp_path, body, title="编辑图表标题") == [
        (("编辑图表标题",), ["要编辑图表标题，请双击图表。", "图表可以有标题。", "图例说明数据系列。"])
    ]


def test_parts_a_script_reveals_are_read_with_their_headings(tmp_path):
    # LibreOffice's help: each application's part of a page sits in a hidden <span> (an inline element
    # wrapping headings and paragraphs), the menu path for each platform in a hidden phrase; a script shows
    # the ones that apply. Read as one run of text, the part's headings were lost.
    body = """<h1>选择性粘贴</h1><p>将剪贴板上的内容插入到当前文件中。</p>
    <span class="switch"><span hidden="true" class="default"><div class="howtoget"><p>要访问此命令...</p>
    <p>选择「编辑 - 选择性粘贴」。</p></div></span></span>
    <span class="switch"><span hidden="true" class="CALC"><h2>预设方式</h2><p>从几种预设方式中选择。</p>
    <h3>仅粘贴值</h3><p>只粘贴数值。</p></span></span>
    <p>按 <span class="switchinline"><span hidden="true" class="MAC">Command</span><span hidden="true">Ctrl</span>
    </span>+Shift+V 组合键。</p><span aria-hidden="true">★</span>"""
    top = ("页", "选择性粘贴")
    assert _sections(tmp_path, body) == [
        (top, ["将剪贴板上的内容插入到当前文件中。", "要访问此命令...", "选择「编辑 - 选择性粘贴」。"]),
        ((*top, "预设方式"), ["从几种预设方式中选择。"]),
        ((*top, "预设方式", "仅粘贴值"), ["只粘贴数值。", "按 CommandCtrl +Shift+V 组合键。"]),
    ]


def test_texinfo_node_headers_and_index_tables_are_navigation(tmp_path):
    # makeinfo's HTML: each node opens with 'Next: …, Previous: …, Up: …' links typed rel=next/prev/up, and
    # the manual ends with an index table whose rows are links only
    header = (
        '<div class="header"><p>Next: <a href="#Installation" rel="next">Installation</a>, Previous: '
        '<a href="#Top" rel="prev">Web2c</a>, Up: <a href="#Top" rel="up">Web2c</a> &nbsp; '
        '[<a href="#SEC_Contents" rel="contents">Contents</a>]</p></div>'
    )
    rows = "".join(
        f'<tr><td></td><td><a href="#index-{w}">{w}</a>:</td><td>&nbsp;</td><td><a href="#{w}">{w}</a></td></tr>'
        for w in ["AES", "ARCFOUR", "Blowfish", "Camellia", "DES"]
    )
    body = f"""<div class="chapter">{header}<h2>1 Introduction</h2><p>This manual describes Web2c.</p>
    <p>Next: see <a href="#Installation">Installation</a> for <a href="#Top">the steps</a>.</p></div>
    <div class="unnumbered"><h2>Index</h2><table class="index-cp"><tr><td></td><th>Index Entry</th><td></td>
    <th>Section</th></tr>{rows}</table></div>"""
    assert _sections(tmp_path, body, title="Web2c") == [
        (("Web2c", "1 Introduction"), ["This manual describes Web2c.", "Next: see Installation for the steps."])
    ]


def test_a_block_of_links_with_one_part_of_prose_is_text(tmp_path):
    # LibreOffice's help also lists related statements among a sentence of its own: the block is text
    parts = "".join(f'<div class="embedded"><p><a href="text/{n}.html">Option {n} 语句</a></p></div>' for n in range(4))
    body = f"""<h1>CompatibilityMode() Function</h1><div>{parts}
    <p>Variables scope modification in <a href="text/u.html">Using Procedures</a> with this function.</p></div>"""
    texts = _texts(_sections(tmp_path, body, title="CompatibilityMode() Function"))
    assert texts == [
        *(f"Option {n} 语句" for n in range(4)),
        "Variables scope modification in Using Procedures with this function.",
    ]
