"""The gold of ``benchmarks/real_html.py`` files a footnote where the author's link to it is, as a Word file
prints it and as the readers read it: pandoc lists a page's notes at its end, after the last section."""

from __future__ import annotations

from benchmarks.real_html import gold_of, norm

PAGE = """<html><head><title>手册</title></head><body>
<h1>第一章 安装<a href="#fn3" class="footnote-ref" id="fnref3" role="doc-noteref"><sup>3</sup></a></h1>
<p>先安装 TeX Live<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup></a>。</p>
<p>再安装编辑器。</p>
<h1>第二章 使用</h1>
<p>运行 xelatex<a href="#fn2" class="footnote-ref" id="fnref2" role="doc-noteref"><sup>2</sup></a>。</p>
<section class="footnotes footnotes-end-of-document" role="doc-endnotes"><hr />
<ol>
<li id="fn1" role="doc-endnote"><p>每年发布一个新版本。<a href="#fnref1" role="doc-backlink">↩︎</a></p></li>
<li id="fn2" role="doc-endnote"><p>或 lualatex。<a href="#fnref2" role="doc-backlink">↩︎</a></p></li>
<li id="fn3" role="doc-endnote"><p>适用于 Windows 和 Linux。<a href="#fnref3" role="doc-backlink">↩︎</a></p></li>
</ol></section></body></html>"""


def test_a_note_is_filed_right_after_the_block_citing_it():
    gold = gold_of(PAGE.encode("utf-8"))
    one, two = (norm("第一章 安装"),), (norm("第二章 使用"),)
    assert gold.headings == [one, two]  # the heading's note mark is not part of its title
    assert [(p.text, p.path) for p in gold.paragraphs] == [
        (norm("适用于 Windows 和 Linux。"), one),
        (norm("先安装 TeX Live。"), one),
        (norm("每年发布一个新版本。"), one),
        (norm("再安装编辑器。"), one),
        (norm("运行 xelatex。"), two),
        (norm("或 lualatex。"), two),
    ]
