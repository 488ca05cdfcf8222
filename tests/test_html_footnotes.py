"""Footnotes of web pages: a page lists its notes at the end (pandoc's ``<section role="doc-endnotes">``, an
EPUB's ``<aside role="doc-footnote">``); each is read right after the paragraph whose link refers to it, so it
is cited under that paragraph's section, and the reference's number does not run into the sentence."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from qa.loading import load_file
from qa.structure import recover_outline


def _sections(path: Path) -> dict[str, list[str]]:
    outline = recover_outline(load_file(path))
    return {s.path[-1]: [outline.paragraphs[i].text for i in s.paragraphs] for s in outline.sections}


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc not installed")
def test_pandoc_endnotes_are_read_after_the_paragraph_citing_them(tmp_path):
    source = tmp_path / "report.md"
    source.write_text(
        "# 第一部分 背景\n\n"
        "LaTeX 起初由 Leslie Lamport 博士开发，目前由 LaTeX 工作组[^team]进行维护。\n\n"
        "TeX 由高德纳设计。\n\n"
        "# 第二部分 安装\n\n"
        "在 Windows 下可以安装 TeX Live[^tl]。\n\n"
        "[^team]: LaTeX 工作组的网站是 latex-project.org。\n"
        "[^tl]: TeX Live 每年发布一个新版本。\n",
        encoding="utf-8",
    )
    page = tmp_path / "report.html"
    subprocess.run(
        ["pandoc", "-s", "-f", "markdown", "-t", "html5", "--metadata", "title=手册", "-o", str(page), str(source)],
        check=True,
        timeout=120,
    )
    sections = _sections(page)
    assert sections["第一部分 背景"] == [
        "LaTeX 起初由 Leslie Lamport 博士开发，目前由 LaTeX 工作组进行维护。",
        "LaTeX 工作组的网站是 latex-project.org。",
        "TeX 由高德纳设计。",
    ]
    assert sections["第二部分 安装"] == ["在 Windows 下可以安装 TeX Live。", "TeX Live 每年发布一个新版本。"]
    roles = {p.text: p.role_hint for p in recover_outline(load_file(page)).paragraphs}
    assert roles["TeX Live 每年发布一个新版本。"] == "endnote"


def test_an_epub_footnote_aside_is_read_not_dropped(tmp_path):
    page = tmp_path / "chapter.html"
    page.write_text(
        "<html><head><title>第三章</title></head><body>"
        "<h1>第三章 财务</h1><h2>一、收入</h2>"
        '<p>全年收入增长<a href="#n1" role="doc-noteref" epub:type="noteref">1</a>。</p>'
        "<h2>二、支出</h2><p>支出保持平稳。</p>"
        '<aside id="n1" role="doc-footnote"><p>按可比口径计算。</p></aside>'
        "</body></html>",
        encoding="utf-8",
    )
    sections = _sections(page)
    assert sections["一、收入"] == ["全年收入增长。", "按可比口径计算。"]
    assert sections["二、支出"] == ["支出保持平稳。"]


def test_a_note_cited_only_from_page_chrome_stays_where_the_page_lists_it(tmp_path):
    """A reference in a footer (or a menu) is not read: moved after it, the note would be dropped with it."""
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>年报</title></head><body><main>"
        "<h1>年报</h1><h2>一、概况</h2><p>全年运行平稳。</p>"
        "<h2>注释</h2><ol role=\"doc-endnotes\"><li id=\"e1\">数据截至十二月底。</li></ol>"
        "</main>"
        '<footer><p>本页数据说明见注<a href="#e1" role="doc-noteref">1</a>。</p></footer>'
        "</body></html>",
        encoding="utf-8",
    )
    text = "\n".join(p for paras in _sections(page).values() for p in paras)
    assert "数据截至十二月底。" in text
