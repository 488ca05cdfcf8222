"""A long page's jump links back up ('返回目录' after each section, '回到顶部' at the end) are navigation: they
ended every section's passage. A link forward or among the author's words is text."""

from __future__ import annotations

from pathlib import Path

from qa.loading import load_file
from qa.structure import recover_outline

SECTIONS = [
    ("s1", "一、项目概述", "本项目拟建设全市统一的政务数据共享交换平台。"),
    ("s2", "二、总体架构", "平台采用四层架构：基础设施层、数据资源层、应用支撑层和应用层。"),
    ("s3", "三、投资估算", "项目总投资为3860万元，其中硬件购置1200万元。"),
]


def _read(tmp_path: Path, body: str):
    path = tmp_path / "plan.html"
    page = f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>建设方案</title></head><body>{body}</body></html>'
    path.write_text(page, "utf-8")
    outline = recover_outline(load_file(path))
    return outline, {outline.paragraphs[i].text: s.path for s in outline.sections for i in s.paragraphs}


def _page(after_each: str, end: str) -> str:
    toc = '<div id="toc"><h2>目录</h2><ul>' + "".join(f'<li><a href="#{a}">{t}</a></li>' for a, t, _ in SECTIONS)
    body = "".join(f'<h2 id="{a}">{t}</h2><p>{text}</p>{after_each}' for a, t, text in SECTIONS)
    return f'<a name="top"></a><h1>某市政务数据共享交换平台建设方案</h1>{toc}</ul></div>{body}{end}'


def test_links_back_to_the_contents_and_the_top_are_not_text(tmp_path):
    outline, paths = _read(tmp_path, _page('<p><a href="#toc">返回目录</a></p>', '<p><a href="#top">回到顶部</a></p>'))
    text = "\n".join(p.text for p in outline.paragraphs)
    assert "返回目录" not in text and "回到顶部" not in text
    assert paths["项目总投资为3860万元，其中硬件购置1200万元。"][-1] == "三、投资估算"


def test_a_link_forward_or_among_words_is_text(tmp_path):
    outline, _ = _read(
        tmp_path,
        _page('<p>（参见<a href="#toc">目录</a>）</p>', '<p><a href="#s3">见投资估算</a></p><div id="end">完</div>')
        + '<p><a href="#appendix">附录一</a></p><h2 id="appendix">附录一</h2><p>附表略。</p>',
    )
    text = "\n".join(p.text for p in outline.paragraphs)
    assert text.count("（参见目录）") == 3
    assert "见投资估算" in text  # a link back up, but to a section, not the top or the contents
