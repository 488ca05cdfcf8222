"""A note cited from a part of the page that is not read is still read, where the page lists it.

pandoc puts a document's title in ``<header id="title-block-header">`` at the top of <body>; a note on the
title (a paper's funding note, '基于深度学习的文本分类研究[^fund]') is cited from there. The page's own header
is chrome and is not read, and the note was moved after its heading into it and lost with it. Nothing a page
says may be lost to moving a note.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from qa.loading import load_file
from qa.structure import recover_outline

NOTE = "基金项目：国家自然科学基金资助项目（编号12345678）。"


def _texts(path: Path) -> list[str]:
    return [p.text for p in recover_outline(load_file(path)).paragraphs]


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc not installed")
def test_a_note_on_a_pandoc_title_is_read(tmp_path):
    source = tmp_path / "paper.md"
    source.write_text(
        "---\ntitle: 基于深度学习的文本分类研究[^fund]\nauthor: 张三\n---\n\n"
        "# 引言\n\n文本分类是自然语言处理的基础任务。\n\n"
        f"# 结论\n\n实验表明该方法有效。\n\n[^fund]: {NOTE}\n",
        encoding="utf-8",
    )
    page = tmp_path / "paper.html"
    subprocess.run(["pandoc", "-s", "-t", "html5", "-o", str(page), str(source)], check=True, timeout=120)
    texts = _texts(page)
    assert texts.count(NOTE) == 1
    assert texts.index("实验表明该方法有效。") < texts.index(NOTE)


def test_notes_cited_from_a_page_header_and_from_a_table_cell_are_each_read_once(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>年度报告</title></head><body>"
        '<header><h1>年度报告<a href="#fn1" role="doc-noteref">1</a></h1></header>'
        "<h2>一、概况</h2><p>全年运行平稳。</p>"
        '<table><tr><td><ul><li>收入<a href="#fn2" role="doc-noteref">2</a></li><li>支出</li></ul></td>'
        "<td>120</td></tr></table>"
        '<section role="doc-endnotes"><ol><li id="fn1"><p>本报告由办公室编制。</p></li>'
        '<li id="fn2"><p>按可比口径计算。</p></li></ol></section>'
        "</body></html>",
        encoding="utf-8",
    )
    text = "\n".join(_texts(page))
    assert text.count("本报告由办公室编制。") == 1
    assert text.count("按可比口径计算。") == 1


def test_a_note_moved_after_a_block_the_walk_drops_is_read_where_the_page_lists_it(tmp_path, monkeypatch):
    # the safety net: should the check before moving ever misjudge a block as read (here: it is told every
    # block is), the note moved after a dropped block is read where the page listed it, once
    import qa.formats.html as html

    monkeypatch.setattr(html, "_read_there", lambda block, content, in_content: True)
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>年度报告</title></head><body>"
        '<header><h1>年度报告<a href="#fn1" role="doc-noteref">1</a></h1></header>'
        "<h2>一、概况</h2><p>全年运行平稳。</p><h2>二、注释</h2>"
        '<section role="doc-endnotes"><ol><li id="fn1"><p>本报告由办公室编制。</p></li></ol></section>'
        "</body></html>",
        encoding="utf-8",
    )
    outline = recover_outline(load_file(page))
    notes = [(s.path[-1], outline.paragraphs[i].text) for s in outline.sections for i in s.paragraphs]
    assert notes == [("一、概况", "全年运行平稳。"), ("二、注释", "本报告由办公室编制。")]
