"""Web-page furniture around an article: a documentation page's feedback box ('这篇文档对您有帮助吗？ [有帮助]
[没帮助]', 'Was this page helpful? [Yes] [No]') under its last section, and an old table-layout site's left menu (a cell
holding a table of links under a caption, '通知公告'), which became a section of its own and put the page's title
twice in every section's path. Each is dropped as the page's navigation is; what the author wrote stays: a
paragraph asking the same question in a sentence of its own, a step naming buttons, a download list of files."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.loading import load_file
from qa.structure import recover_outline

MANUAL = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>安装指南 - 云栈存储文档中心</title></head>
<body>
<header class="site-header"><a href="/">云栈存储</a> <a href="/docs">文档</a> <a href="/login">登录</a></header>
<div class="wrap">
<main>
<h1>安装指南</h1>
<h2 id="req">1. 系统要求</h2>
<p>云栈存储服务端需要 64 位 Linux 系统，内核版本不低于 4.18，每个存储节点至少 16 GB 内存。</p>
<h2 id="steps">2. 安装步骤</h2>
<ol><li>下载安装包并校验 SHA256。</li>
<li>在弹出的窗口中点击 <button>确定</button> 或 <button>取消</button>，确定后脚本会自动创建系统用户。</li></ol>
<h2 id="verify">3. 验证安装</h2>
<p>运行 <code>yzctl status</code>，当所有节点状态显示为 HEALTH_OK 时表示安装成功。</p>
{ending}
</main>
</div>
<footer><p>© 2024 云栈科技有限公司 版权所有</p></footer>
</body></html>"""

WIDGETS = {
    "buttons": '<div class="feedback">这篇文档对您有帮助吗？ <button>有帮助</button> <button>没帮助</button></div>',
    "wrapped": '<div class="x-box"><p>Was this page helpful?</p><div><button type="button">Yes</button>'
    '<button type="button">No</button></div></div>',
    "stars": '<div class="score"><span>是否解决了您的问题</span>'
    + "".join(f'<input type="radio" name="s" value="{n}">' for n in range(1, 6))
    + "</div>",
    # answers as links or icons, no form controls: told by the question's words (a named list of phrasings)
    "links": '<div class="doc-rate">Was this page helpful? <a href="#">Yes</a> <a href="#">No</a></div>',
    "link lines": '<p>本文是否对您有帮助？</p><p><a href="javascript:;">是</a> <a href="javascript:;">否</a></p>',
}


def _sections(path: Path) -> tuple[dict[str, tuple[str, ...]], list[str]]:
    """Each paragraph's first words → its section's path, and all paragraphs' texts."""
    outline = recover_outline(load_file(path))
    paths = {outline.paragraphs[i].text[:8]: s.path for s in outline.sections for i in s.paragraphs}
    return paths, [p.text for p in outline.paragraphs]


@pytest.mark.parametrize("kind", sorted(WIDGETS))
def test_a_feedback_box_under_the_last_section_is_dropped(tmp_path: Path, kind: str) -> None:
    page = tmp_path / "manual.html"
    page.write_text(MANUAL.replace("{ending}", WIDGETS[kind]), "utf-8")
    paths, texts = _sections(page)
    assert not any("帮助" in t or "helpful" in t or "解决了您的问题" in t for t in texts), texts
    assert paths["运行 yzctl"] == ("安装指南", "3. 验证安装")
    # a step that names a dialog's buttons in a sentence of its own is the author's
    assert any(t.startswith("在弹出的窗口中点击") and "自动创建系统用户" in t for t in texts), texts


def test_a_paragraph_asking_the_question_in_its_own_words_stays(tmp_path: Path) -> None:
    page = tmp_path / "manual.html"
    own = "<p>读完本节后，请问问自己：这篇文档对您有帮助吗？如果没有，请在社区论坛提出您的问题。</p>"
    page.write_text(MANUAL.replace("{ending}", own), "utf-8")
    paths, _ = _sections(page)
    assert paths["读完本节后，请问"] == ("安装指南", "3. 验证安装")


OLD_SITE = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>关于2024年度研究生招生考试报名的公告</title></head>
<body><table width="980" border="0" cellpadding="0" cellspacing="0" align="center">
<tr><td colspan="2"><img src="banner.jpg" alt="某某大学研究生院"></td></tr>
<tr><td colspan="2" class="nav"><a href="/">首页</a> | <a href="/zs">招生信息</a> | <a href="/py">培养管理</a></td></tr>
<tr><td width="200" valign="top" class="left">{menu}</td>
<td width="780" valign="top">
<table width="100%"><tr><td align="center"><font size="5"><b>关于2024年度研究生招生考试报名的公告</b></font></td></tr>
<tr><td align="center">发布时间：2023-09-20　浏览次数：3521</td></tr>
<tr><td><p>　　根据教育部有关规定，现将我校2024年全国硕士研究生招生考试网上报名有关事项公告如下：</p>
<p><b>一、报名时间</b></p>
<p>　　网上报名时间为2023年10月8日至10月25日，每天9:00-22:00。逾期不再补报，也不得修改报名信息。</p>
<p><b>二、网上确认</b></p>
<p>　　考生须于11月1日至11月5日登录网上确认系统，上传本人身份证正反面照片和近期免冠证件照。</p>
<p><b>三、报考费用</b></p>
<p>　　报考费每人每科次30元，共计4科120元，网上支付成功后不予退还。</p>
<table><tr><td><b>附件下载</b></td></tr>
<tr><td><a href="/upload/2023/报名流程.pdf">报名流程</a></td></tr>
<tr><td><a href="/upload/2023/考生诚信承诺书.docx">考生诚信承诺书</a></td></tr>
<tr><td><a href="/upload/2023/收费标准.xls">收费标准</a></td></tr>
<tr><td><a href="/upload/2023/报考点名单.xlsx">报考点名单</a></td></tr></table>
</td></tr></table></td></tr>
<tr><td colspan="2" align="center" class="foot">版权所有 某某大学研究生院 地址：某某市大学路1号</td></tr>
</table></body></html>"""


MENU_TABLE = """<table><tr><td><b>通知公告</b></td></tr>
<tr><td><a href="/zs/bs.html">博士招生简章</a></td></tr><tr><td><a href="/zs/ss.html">硕士招生简章</a></td></tr>
<tr><td><a href="/zs/tj.html">调剂信息</a></td></tr></table>"""
MENU_LINES = """<b>通知公告</b><br><a href="/zs/bs.html">博士招生简章</a><br>
<a href="/zs/ss.html">硕士招生简章</a><br><a href="/zs/tj.html">调剂信息</a>"""


@pytest.mark.parametrize("menu", [MENU_TABLE, MENU_LINES], ids=["table", "lines"])
def test_an_old_sites_menu_cell_is_navigation_and_the_title_is_named_once(tmp_path: Path, menu: str) -> None:
    page = tmp_path / "oldsite.html"
    page.write_bytes(OLD_SITE.replace("{menu}", menu).encode("gb2312"))
    paths, texts = _sections(page)
    title = "关于2024年度研究生招生考试报名的公告"
    assert not any(t in ("通知公告", "博士招生简章", "调剂信息") for t in texts), texts
    assert paths["网上报名时间为2"] == (title, "一、报名时间")
    assert paths["报考费每人每科次"] == (title, "三、报考费用")
    # a download list in the article (a caption over links to files) is the article's, not a menu
    for name in ("报名流程", "考生诚信承诺书", "收费标准", "报考点名单"):
        assert name in texts, texts


PLAIN_SITE = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>安装指南 - 云栈存储文档中心</title></head>
<body>
<div class="top"><a href="/">云栈存储</a> | <a href="/docs">文档</a> | <a href="/pricing">价格</a></div>
<div>{trail}</div>
<div class="article">
<h1>安装指南</h1>
<h2 id="req">1. 系统要求</h2>
<p>云栈存储服务端需要 64 位 Linux 系统，内核版本不低于 4.18，每个存储节点至少 16 GB 内存。</p>
<p>操作路径：<a href="/console/settings">设置</a> &gt; <a href="/console/net">网络</a> &gt; 端口</p>
<p>在该页面开放 TCP 端口 7480 和 6789，保存后立即生效。</p>
<div><h2 id="more">2. 相关文档</h2><ul><li><a href="backup.html">备份与恢复</a></li>
<li><a href="config.html">配置参考</a></li></ul></div>
<h2 id="verify">3. 验证安装</h2>
<p>运行 yzctl status，当所有节点状态显示为 HEALTH_OK 时表示安装成功。</p>
</div>
<div class="right">{caption}<ul><li><a href="#req">系统要求</a></li><li><a href="#more">相关文档</a></li>
<li><a href="#verify">验证安装</a></li></ul></div>
</body></html>"""


@pytest.mark.parametrize(
    ("trail", "caption"),
    [
        ('<a href="/docs">文档中心</a> &gt; <a href="/docs/admin">管理员指南</a> &gt; 安装指南', "<p>本页目录</p>"),
        ('当前位置：<a href="/">首页</a> › <a href="/docs">文档中心</a> › 安装指南', "<h4>On this page</h4>"),
    ],
)
def test_a_breadcrumb_trail_and_an_on_page_contents_box_without_markup_are_navigation(
    tmp_path: Path, trail: str, caption: str
) -> None:
    page = tmp_path / "page.html"
    page.write_text(PLAIN_SITE.format(trail=trail, caption=caption), "utf-8")
    outline = recover_outline(load_file(page))
    texts = [p.text for p in outline.paragraphs]
    assert not any("文档中心" in t or t in ("本页目录", "On this page") for t in texts), texts
    assert all("On this page" not in s.path for s in outline.sections)
    paths = {outline.paragraphs[i].text[:8]: s.path for s in outline.sections for i in s.paragraphs}
    assert paths["运行 yzctl"] == ("安装指南", "3. 验证安装")
    # a menu path written in the text is the author's, and a section over links to other pages is a section
    assert paths["操作路径：设置 "] == ("安装指南", "1. 系统要求")
    assert "2. 相关文档" in load_file(page).text


def test_the_title_names_the_document_once_when_a_column_heading_comes_first(tmp_path: Path) -> None:
    """A site's column name set as a heading above the article ('<h1>通知公告</h1>', then the article's own <h1>): the
    <title> repeats the article's heading, which names the document; it is not put over both."""
    page = tmp_path / "column.html"
    title = "关于2024年度研究生招生考试报名的公告"
    body = (
        f"<h1>通知公告</h1><p>发布时间：2023-09-20</p><h1>{title}</h1><h2>一、报名时间</h2>"
        "<p>网上报名时间为2023年10月8日至10月25日，每天9:00-22:00。</p>"
    )
    page.write_text(
        f'<html><head><meta charset="utf-8"><title>{title}</title></head><body>{body}</body></html>', "utf-8"
    )
    paths, _ = _sections(page)
    assert paths["网上报名时间为2"] == (title, "一、报名时间")
