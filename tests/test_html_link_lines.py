"""A paragraph made only of links is the author's text where it stands between the page's text (a list of the laws
an article cites, '详见：' over its parts) and whenever its links are titles; only a line of short link words at
the page's edge ('首页 本地 体育' over the article, '上一篇 下一篇' under it) is a menu. Found by a reviewer: the
laws an article cites were dropped as a menu."""

from __future__ import annotations

from pathlib import Path

from qa.loading import load_file
from qa.structure import recover_outline


def _outline(tmp_path: Path, html: str) -> dict[str, list[str]]:
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    outline = recover_outline(load_file(path))
    return {" › ".join(s.path): [outline.paragraphs[i].text for i in s.paragraphs] for s in outline.sections}


BODY = "这是一段用于测试的正文内容，说明了项目的背景、目标和实施的基本情况，并且足够长。"


def test_a_paragraph_of_cited_laws_is_text(tmp_path):
    html = f"""<html><head><meta charset="utf-8"><title>法规解读</title></head><body>
    <div class="top"><a href="/">首页</a> | <a href="/zwgk/">政务公开</a> | <a href="/bsfw/">办事服务</a></div>
    <div class="content"><p>{BODY}</p><p>本文依据以下法律：</p>
    <p><a href="/law/1.html">《中华人民共和国安全生产法》</a>、<a href="/law/2.html">《中华人民共和国消防法》</a></p>
    <p>{BODY}</p>
    <p><a href="/c.html">《关于加强安全生产工作的意见》</a><a href="/d.html">《安全生产许可证条例》</a></p>
    </div>
    <div class="pages"><a href="/prev.html">上一篇</a> <a href="/next.html">下一篇</a></div></body></html>"""
    texts = _outline(tmp_path, html)["法规解读"]
    assert "《中华人民共和国安全生产法》、《中华人民共和国消防法》" in texts
    assert "《关于加强安全生产工作的意见》《安全生产许可证条例》" in texts  # last on the page, yet titles
    # the site's header line and the pager are menus of short words at the page's edges
    assert not any("政务公开" in t or "下一篇" in t for t in texts)


def test_a_line_of_links_between_the_text_is_kept(tmp_path):
    html = f"""<html><head><meta charset="utf-8"><title>用户指南</title></head><body><h1>用户指南</h1>
    <h2>安装</h2><p>{BODY}</p><p>详见：</p>
    <div><a href="a.html">第一部分</a><br><a href="b.html">第二部分</a></div>
    <h2>使用</h2><p>{BODY}</p></body></html>"""
    assert _outline(tmp_path, html)["用户指南 › 安装"] == [BODY, "详见：", "第一部分", "第二部分"]
