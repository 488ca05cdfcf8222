"""Pages without h1–h6 (a government site's article in one editor <div> of <br> lines, heads in <strong>; ARIA
headings in <div>s; bold paragraphs as heads) get the sections their text has, and site furniture on a page
without semantic tags (a header line of links, a sidebar with headings) is not read as text.
Found by an exploratory tester; each page here is written as such sites write them, not taken from the
benchmark."""

from __future__ import annotations

from tests.html_outlines import page_sections

_outline = page_sections  # section path -> its paragraphs' texts, as a citation names them


GOV = """<html><head><meta charset="utf-8"><title>关于开展春季植树活动的通知_某某区人民政府</title></head><body>
<div class="top"><a href="/">首页</a> | <a href="/zwgk/">政务公开</a> | <a href="/bsfw/">办事服务</a></div>
<div id="zoom" class="TRS_Editor">
<p align="center"><strong>关于开展春季植树活动的通知</strong></p>
各街道办事处、区直各部门：<br>
　　为改善城区生态环境，区政府决定开展春季义务植树活动。现将有关事项通知如下：<br>
　　<strong>一、活动时间</strong><br>
　　2024年3月12日至3月31日。<br>
　　<strong>二、活动安排</strong><br>
　　<strong>（一）集中植树</strong><br>
　　3月12日上午在滨河公园东侧绿化带集中植树。<br>
　　（二）分散植树<br>
　　各街道在指定地块自行组织。<br>
　　<strong>三、工作要求</strong><br>
　　各单位要组织干部职工积极参加，每人至少栽种一棵树。<br>
</div></body></html>"""


def test_a_government_article_of_br_lines_has_its_numbered_heads_as_sections(tmp_path):
    sections = _outline(tmp_path, GOV)
    title = "关于开展春季植树活动的通知"
    assert sections[f"{title} › 一、活动时间"] == ["2024年3月12日至3月31日。"]
    assert sections[f"{title} › 二、活动安排 › （一）集中植树"] == ["3月12日上午在滨河公园东侧绿化带集中植树。"]
    # numbered without bold, by the same outline rules as a Word paragraph
    assert sections[f"{title} › 二、活动安排 › （二）分散植树"] == ["各街道在指定地块自行组织。"]
    assert sections[f"{title} › 三、工作要求"] == ["各单位要组织干部职工积极参加，每人至少栽种一棵树。"]
    assert any(p.startswith("为改善城区生态环境") for p in sections[title])
    # the header's line of site links is navigation, not text of the notice
    assert not any("政务公开" in p for ps in sections.values() for p in ps)


def test_aria_headings_in_divs_are_headings(tmp_path):
    html = """<html><head><meta charset="utf-8"><title>员工手册</title></head><body><main>
    <div role="heading" aria-level="1">员工手册</div>
    <div role="heading" aria-level="2">请假制度</div><p>病假须提供医院证明。</p>
    <div role="heading" aria-level="3">年假</div><p>工作满一年的员工享有五天带薪年假。</p>
    <div role="heading">报销制度</div><p>差旅费用须在返回后十个工作日内报销。</p>
    </main></body></html>"""
    sections = _outline(tmp_path, html)
    assert sections["员工手册 › 请假制度"] == ["病假须提供医院证明。"]
    assert sections["员工手册 › 请假制度 › 年假"] == ["工作满一年的员工享有五天带薪年假。"]
    assert sections["员工手册 › 报销制度"] == ["差旅费用须在返回后十个工作日内报销。"]  # ARIA's default level 2


def test_bold_paragraphs_head_a_page_without_headings(tmp_path):
    html = """<html><head><meta charset="utf-8"><title>周报</title></head><body><div id="app"><div class="doc">
    <p><strong>本周进展</strong></p><p>完成了登录模块的开发和测试，修复了七个缺陷。</p>
    <p><b>下周计划</b></p><p>开始支付模块开发，预计两周完成。</p>
    <p><span style="font-weight:bold">风险</span></p><p>第三方接口文档不完整，可能影响进度。</p>
    <p><strong>注意：所有缺陷须在周五前关闭，否则顺延。</strong></p><p>请各位知悉。</p>
    </div></div></body></html>"""
    sections = _outline(tmp_path, html)
    assert sections["周报 › 本周进展"] == ["完成了登录模块的开发和测试，修复了七个缺陷。"]
    assert sections["周报 › 下周计划"] == ["开始支付模块开发，预计两周完成。"]
    # a bold sentence is emphasis, not a head: it stays text of its section
    assert sections["周报 › 风险"] == [
        "第三方接口文档不完整，可能影响进度。",
        "注意：所有缺陷须在周五前关闭，否则顺延。",
        "请各位知悉。",
    ]


def test_a_page_with_an_outline_of_its_own_keeps_bold_lines_and_numbered_lines_as_text(tmp_path):
    html = """<html><head><meta charset="utf-8"><title>安装</title></head><body><h1>安装</h1>
    <h2>步骤</h2><p><strong>准备工作</strong></p><p>下载安装包。</p><p>1. 解压文件</p><p>2. 运行安装程序</p>
    <ol><li>一、打开设置</li><li>二、选择语言</li></ol></body></html>"""
    sections = _outline(tmp_path, html)
    assert list(sections) == ["安装 › 步骤"]
    expected = ["准备工作", "下载安装包。", "1. 解压文件", "2. 运行安装程序", "一、打开设置", "二、选择语言"]
    assert sections["安装 › 步骤"] == expected


def test_an_article_with_only_its_title_as_h1_gets_its_numbered_heads_below_it(tmp_path):
    html = """<html><head><meta charset="utf-8"><title>市政府工作报告 - 某某市人民政府</title></head><body>
    <div class="title"><h1>市政府工作报告</h1></div><div class="TRS_Editor">
    <p>各位代表：现在，我代表市人民政府向大会报告工作。</p>
    <p><strong>一、过去一年工作回顾</strong></p><p>全市地区生产总值增长百分之五。</p>
    <p><strong>（一）经济运行稳中向好</strong></p><p>规模以上工业增加值增长百分之六。</p>
    <p><strong>二、今年主要任务</strong></p><p>坚持稳中求进工作总基调。</p></div></body></html>"""
    sections = _outline(tmp_path, html)
    assert sections["市政府工作报告"] == ["各位代表：现在，我代表市人民政府向大会报告工作。"]
    first = "市政府工作报告 › 一、过去一年工作回顾"
    assert sections[first] == ["全市地区生产总值增长百分之五。"]
    assert sections[f"{first} › （一）经济运行稳中向好"] == ["规模以上工业增加值增长百分之六。"]
    assert sections["市政府工作报告 › 二、今年主要任务"] == ["坚持稳中求进工作总基调。"]


def test_list_items_and_a_contents_list_are_not_heads(tmp_path):
    html = """<html><head><meta charset="utf-8"><title>说明</title></head><body><div>
    <p>一、概述</p><p>二、安装</p><p>三、使用</p>
    <ul><li><strong>一、概述</strong></li></ul><p>本说明介绍软件的用法。</p></div></body></html>"""
    sections = _outline(tmp_path, html)
    assert list(sections) == ["说明"]


NEWS = """<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">
<title>我市新建三座公园 - 某某日报网</title></head><body>
<div class="header"><a href="/">首页</a> <a href="/local">本地</a> <a href="/sports">体育</a></div>
<div class="container"><div class="content">
  <h1>我市新建三座公园</h1>
  <p>记者从市园林局获悉，今年我市将新建三座城市公园。</p>
  <h2>年底前全部开放</h2>
  <p>园林局负责人表示，三座公园计划于今年十二月底前全部建成开放。</p>
 </div>
 <div class="sidebar">
  <h3>热门新闻</h3><ul><li><a href="/1">地铁五号线下月通车</a></li><li><a href="/2">高考报名人数创新高</a></li></ul>
  <h3>广告</h3><p>夏季家电大促销，全场五折起，欢迎选购。</p>
 </div></div>
<div class="comments"><h3>网友评论（2）</h3>
 <div class="comment"><span class="user">市民甲</span><p>太好了，终于有地方遛弯了！</p></div>
</div>
</body></html>"""


def test_a_news_page_without_semantic_tags_reads_the_article_and_its_comments_apart(tmp_path):
    # the sidebar and the header line go; the comments under their own heading are a section of the page beside the
    # article's (qa.formats.html_comments), never filed under its last section
    sections = _outline(tmp_path, NEWS)
    assert sections == {
        "我市新建三座公园": ["记者从市园林局获悉，今年我市将新建三座城市公园。"],
        "我市新建三座公园 › 年底前全部开放": ["园林局负责人表示，三座公园计划于今年十二月底前全部建成开放。"],
        "我市新建三座公园 › 网友评论（2）": ["市民甲 太好了，终于有地方遛弯了！"],
    }


def test_a_page_wrapped_whole_in_a_chrome_named_block_is_still_read(tmp_path):
    html = """<html><head><meta charset="utf-8"><title>手册</title></head><body><div id="toc-wrapper">
    <h1>手册</h1><p>简介。</p><h2>安装</h2><p>运行安装程序。</p></div></body></html>"""
    sections = _outline(tmp_path, html)
    assert sections["手册 › 安装"] == ["运行安装程序。"]


def test_a_wrapper_whose_class_names_the_content_and_a_sidebar_is_read(tmp_path):
    html = """<html><head><meta charset="utf-8"><title>手册</title></head><body>
    <div class="logo"><h1>某某软件</h1></div><div class="main-content-with-sidebar">
    <h2>安装</h2><p>运行安装程序。</p><h2>卸载</h2><p>删除安装目录。</p></div></body></html>"""
    sections = _outline(tmp_path, html)
    assert sections["手册 › 某某软件 › 卸载"] == ["删除安装目录。"]


def test_steps_written_as_numbered_br_lines_stay_a_list(tmp_path):
    html = """<html><head><meta charset="utf-8"><title>设置语言</title></head><body><div class="TRS_Editor">
    <strong>一、操作步骤</strong><br>1. 打开设置<br>2. 选择语言<br>3. 点击确定<br>设置在重启后生效。<br>
    <strong>二、常见问题</strong><br>如语言未改变，请清除缓存。<br></div></body></html>"""
    sections = _outline(tmp_path, html)
    assert sections["设置语言 › 一、操作步骤"] == ["1. 打开设置", "2. 选择语言", "3. 点击确定", "设置在重启后生效。"]
    assert sections["设置语言 › 二、常见问题"] == ["如语言未改变，请清除缓存。"]


def test_a_government_article_laid_out_in_a_one_column_table_is_read_paragraph_by_paragraph(tmp_path):
    html = """<html><head><meta charset="utf-8"><title>关于做好防汛工作的通知</title></head><body>
    <table><tr><td><a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt;
    <a href="/tzgg/">通知公告</a></td></tr></table>
    <table><tr><td class="title">关于做好防汛工作的通知</td></tr><tr><td>发布时间：2024-06-01</td></tr>
    <tr><td><div class="TRS_Editor"><p>各镇街：</p><p>为切实做好今年防汛工作，现就有关事项通知如下。</p>
    <p>一、落实防汛责任</p><p>（一）压实属地责任</p><p>各镇街主要负责人为第一责任人。</p>
    <p>（二）加强值班值守</p><p>汛期实行24小时值班。</p></div></td></tr></table></body></html>"""
    sections = _outline(tmp_path, html)
    title = "关于做好防汛工作的通知"
    assert sections[f"{title} › 一、落实防汛责任 › （一）压实属地责任"] == ["各镇街主要负责人为第一责任人。"]
    assert sections[f"{title} › 一、落实防汛责任 › （二）加强值班值守"] == ["汛期实行24小时值班。"]
    assert "为切实做好今年防汛工作，现就有关事项通知如下。" in sections[title]
    assert not any("政务公开" in p for ps in sections.values() for p in ps)  # the breadcrumb is navigation


def test_bold_front_matter_is_a_sibling_of_the_numbered_chapters(tmp_path):
    html = """<html><head><meta charset="utf-8"><title>年度报告</title></head><body><div class="TRS_Editor">
    <p><strong>前言</strong></p><p>本报告回顾全年工作。</p>
    <p><strong>一、主要成绩</strong></p><p>各项指标全面完成。</p>
    <p><strong>二、存在问题</strong></p><p>基层力量仍显薄弱。</p></div></body></html>"""
    sections = _outline(tmp_path, html)
    assert sections["年度报告 › 前言"] == ["本报告回顾全年工作。"]
    assert sections["年度报告 › 一、主要成绩"] == ["各项指标全面完成。"]
    assert sections["年度报告 › 二、存在问题"] == ["基层力量仍显薄弱。"]
