"""Parts of real sites' pages that are not the author's words, or are and were lost: a documentation generator's
'¶' permalink after every heading, a blog's comments under their heading, a template's '<div class="sec-title">'
opening each <section>, a government site's tool bar and text breadcrumb over a notice whose metadata table sits
above its title, and a short ``<title>`` naming the notice its heading titles. Found by an exploratory tester; each
page is written as such generators and sites write them (Sphinx, Hexo, a government CMS), not taken from a
benchmark."""

from __future__ import annotations

from pathlib import Path

from qa.loading import load_file
from tests.html_outlines import page_sections

_outline = page_sections  # section path -> its paragraphs' texts, as a citation names them


SPHINX = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>安装指南 — DataFlow 3.2 文档</title></head><body>
<div itemprop="articleBody">
<section id="install"><h1>安装指南<a class="headerlink" href="#install" title="Link to this heading">¶</a></h1>
<p>本节介绍如何安装 DataFlow。</p>
<section id="id1"><h2>系统要求<a class="headerlink" href="#id1">¶</a></h2>
<p>DataFlow 需要 Python 3.9 或更高版本。</p></section>
<section id="pip"><h2>使用 pip 安装<a href="#pip">#</a></h2><p>运行 pip install dataflow。</p></section>
<section id="cs"><h2>在 <a href="#csharp">C#</a> 中调用</h2><p>引用 DataFlow.Net 程序包。</p></section>
</section></div></body></html>"""


def test_a_headings_permalink_sign_is_no_part_of_its_name(tmp_path):
    sections = _outline(tmp_path, SPHINX)
    assert sections["安装指南 › 系统要求"] == ["DataFlow 需要 Python 3.9 或更高版本。"]
    assert sections["安装指南 › 使用 pip 安装"] == ["运行 pip install dataflow。"]
    # a link within the page that is the heading's own words stays
    assert sections["安装指南 › 在 C# 中调用"] == ["引用 DataFlow.Net 程序包。"]


BLOG = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>用树莓派搭建家庭NAS | 老王的博客</title></head><body>
<main><article><h1>用树莓派搭建家庭NAS</h1>
<h2>准备硬件</h2><p>我用的是树莓派4B，配了两块4TB硬盘。</p>
<h2>性能测试</h2><p>千兆局域网下顺序读取约110MB/s。</p></article>
<section id="comments"><h3>2 条评论</h3>
<div class="comment"><b>小李</b> 2023-11-03<p>请问功耗大概多少？</p></div>
<div class="comment"><b>老王</b> 2023-11-03<p>待机功耗大约6瓦，满载不超过15瓦。</p>
 <div class="comment-share"><a href="/s/1">分享</a> <a href="/s/2">举报</a></div></div>
</section></main></body></html>"""


def test_comments_under_their_heading_are_a_section_of_the_page(tmp_path):
    sections = _outline(tmp_path, BLOG)
    assert sections["用树莓派搭建家庭NAS › 2 条评论"] == [
        "小李 2023-11-03 请问功耗大概多少？",
        "老王 2023-11-03 待机功耗大约6瓦，满载不超过15瓦。",
    ]
    # beside the article's sections, not filed under its last one
    assert sections["用树莓派搭建家庭NAS › 性能测试"] == ["千兆局域网下顺序读取约110MB/s。"]


def test_a_comments_heading_over_a_scripts_empty_box_is_dropped_and_unheaded_comments_stay_out(tmp_path):
    html = BLOG.split('<section id="comments">')[0] + (
        '<section id="comments"><h3>评论</h3><div id="disqus_thread"></div></section>'
        '<div class="comments"><div class="comment"><b>小李</b><p>请问功耗大概多少？</p></div></div>'
        "</main></body></html>"
    )
    document = load_file(_write(tmp_path, html))
    assert "评论" not in document.text
    assert "请问功耗" not in document.text


def _write(tmp_path: Path, html: str) -> Path:
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    return path


SECTIONS = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>员工手册</title></head><body>
<section class="chapter"><div class="chapter-title">第一章 考勤制度</div>
<section><div class="sec-title">上下班时间</div><p>核心工作时间为上午十点至下午四点。</p></section>
<section><div class="sec-title">迟到处理</div><p>每月迟到超过三次的，扣除全勤奖。</p></section></section>
<section class="chapter"><div class="chapter-title">第二章 休假制度</div>
<section><div class="sec-title">年假</div><p>入职满一年的员工享有五天带薪年假。</p></section>
<section><div class="title-tip">温馨提示</div><p>请假须提前申请。</p></section></section></body></html>"""


def test_a_class_named_title_opening_a_section_is_its_heading(tmp_path):
    sections = _outline(tmp_path, SECTIONS)
    assert sections["员工手册 › 第一章 考勤制度 › 迟到处理"] == ["每月迟到超过三次的，扣除全勤奖。"]
    # a div whose class names no title, or a note under one ("title-tip"), is text, read where it stands
    assert sections["员工手册 › 第二章 休假制度 › 年假"] == [
        "入职满一年的员工享有五天带薪年假。",
        "温馨提示",
        "请假须提前申请。",
    ]


GOV = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>关于开展个人所得税汇算清缴的公告_政策文件_某市税务局</title></head><body>
<div class="top">无障碍 | 长者模式 | 繁體 | English</div>
<div class="position">当前位置：首页 &gt; 政务公开 &gt; 政策文件</div>
<table class="info"><tr><td>索引号：</td><td>113301/2024-00123</td><td>发布机构：</td><td>某市税务局</td></tr>
<tr><td>发文日期：</td><td>2024-02-05</td><td>文号：</td><td>某税公告〔2024〕3号</td></tr></table>
<div class="content"><p style="text-align:center;font-size:22px"><b>关于开展个人所得税汇算清缴的公告</b></p>
<p>现就办理汇算清缴事项公告如下：</p><p><b>一、汇算时间</b></p><p>2025年3月1日至6月30日。</p>
<p><b>二、办理方式</b></p><p>纳税人可通过个人所得税APP办理。</p></div>
<div class="foot">主办单位：某市税务局 网站标识码：3301000012</div></body></html>"""


def test_a_sites_tool_bar_and_text_breadcrumb_go_and_the_metadata_is_under_the_notice(tmp_path):
    document = load_file(_write(tmp_path, GOV))
    assert "长者模式" not in document.text and "当前位置" not in document.text
    sections = _outline(tmp_path, GOV)
    first = sections["关于开展个人所得税汇算清缴的公告"]
    assert any("某税公告〔2024〕3号" in p for p in first)


def test_a_place_line_in_the_text_and_a_lead_above_the_title_stay(tmp_path):
    html = GOV.replace("<table", "<p>本公告自发布之日起施行。</p><table").replace(
        "<p>现就办理", "<p>当前位置：首页 &gt; 政务公开</p><p>现就办理"
    )
    document = load_file(_write(tmp_path, html))
    assert "当前位置：首页 > 政务公开" in document.text
    sections = _outline(tmp_path, html)
    assert not any("某税公告〔2024〕3号" in p for p in sections.get("关于开展个人所得税汇算清缴的公告", []))


NOTICE = """<html><head><meta charset="utf-8"><title>停水通知</title></head><body>
<h2>关于城东片区临时停水的通知</h2><p>因管网改造施工，7月3日8:00至20:00停水。</p>
<h3>停水区域</h3><p>东湖路以东区域。</p></body></html>"""


def test_a_short_title_naming_the_notice_adds_no_level_over_its_heading(tmp_path):
    sections = _outline(tmp_path, NOTICE)
    assert sections["关于城东片区临时停水的通知 › 停水区域"] == ["东湖路以东区域。"]


def test_a_title_naming_something_else_is_still_the_documents_top_level(tmp_path):
    sections = _outline(tmp_path, NOTICE.replace("停水通知", "Python 教程"))
    assert sections["Python 教程 › 关于城东片区临时停水的通知 › 停水区域"] == ["东湖路以东区域。"]
