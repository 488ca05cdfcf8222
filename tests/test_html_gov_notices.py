"""A government site's notice page (GB2312, nested layout tables, no semantic tags): the citation names the notice,
not '<title>_栏目_站点 › <title>', and the page's buttons and footer are not filed under its last section.

The ``<title>`` carries the column's and the site's names after the notice's own title; the page sets that title
in bold over the text (its own heading), so the site's names are no level of the path. Under the article the page
lays out an attachment line, '【打印本页】【关闭窗口】' and the site's footer ('版权所有…ICP备…') in table cells:
the buttons and footer are dropped, the attachments are a section '附件' of their own.
"""

from __future__ import annotations

from qa.loading import load_file
from qa.structure import recover_outline

TITLE = "关于做好2026年度城乡居民医疗保险参保缴费工作的通知"
PAGE = f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>{TITLE}_通知公告_临江市医疗保障局</title></head>
<body><table width="1000" align="center" border="0">
<tr><td colspan="2" class="nav">当前位置：<a href="/">首页</a> &gt; <a href="/col3/">通知公告</a></td></tr>
<tr><td width="200" valign="top">
  <table border="1"><tr><td><b>办事指南</b></td></tr>
  <tr><td>医保咨询热线：12393<br>地址：临江市人民路18号</td></tr></table>
</td><td width="800" valign="top">
  <table width="100%" border="0"><tr><td align="center"><font size="5"><b>{TITLE}</b></font></td></tr>
  <tr><td align="center">发布时间：2025-09-01　来源：临江市医疗保障局</td></tr>
  <tr><td><div class="TRS_Editor">
  <p>各县（市、区）医疗保障局：</p>
  <p><b>一、参保范围</b></p>
  <p>本市户籍居民，以及在本市居住并办理居住证的非本市户籍居民。</p>
  <p><b>二、缴费标准</b></p>
  <p>个人缴费标准为每人每年400元。</p>
  <p><b>三、工作要求</b></p>
  <p>各地要将参保工作纳入年度考核，参保率不得低于95%。</p>
  <p style="text-align:right">临江市医疗保障局<br>2025年8月28日</p>
  </div></td></tr>
  <tr><td>附件：<a href="/attach/2026cbjf.xlsx">2026年度居民医保参保任务分解表.xlsx</a></td></tr>
  <tr><td>【<a href="javascript:print()">打印本页</a>】【<a href="javascript:close()">关闭窗口</a>】</td></tr>
  </table>
</td></tr>
<tr><td colspan="2" align="center">版权所有：临江市医疗保障局　网站标识码：3310000001　浙ICP备05012345号<br>
技术支持：临江市大数据中心</td></tr>
</table></body></html>"""


def _sections(path) -> dict[tuple[str, ...], list[str]]:  # noqa: ANN001
    outline = recover_outline(load_file(path))
    return {s.path: [outline.paragraphs[i].text for i in s.paragraphs] for s in outline.sections}


def test_a_notice_page_is_cited_by_its_own_title_and_its_footer_is_not_its_last_section(tmp_path):
    path = tmp_path / "notice.html"
    path.write_bytes(PAGE.encode("gb2312"))
    sections = _sections(path)
    assert all("临江市医疗保障局" not in part for p in sections for part in p)  # no site name in any path
    assert sections[(TITLE, "三、工作要求")] == [
        "各地要将参保工作纳入年度考核，参保率不得低于95%。",
        "临江市医疗保障局\n2025年8月28日",
    ]
    assert sections[(TITLE, "附件")] == ["2026年度居民医保参保任务分解表.xlsx"]
    text = load_file(path).text
    assert "打印本页" not in text and "ICP备" not in text and "技术支持" not in text
    assert sections[("办事指南",)] == ["医保咨询热线：12393\n地址：临江市人民路18号"]  # the side box is kept


def test_a_footer_word_inside_the_text_and_a_title_naming_no_heading_are_kept(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>版权保护常见问题 - 某某知识产权网</title></head><body>"
        "<p><b>一、什么是著作权</b></p><p>著作权即版权所有人对作品享有的权利。</p>"
        "<p><b>二、如何登记</b></p><p>向版权保护中心提交申请。</p>"
        "<p>本站内容版权所有，转载请注明出处。以上解答仅供参考，具体以版权局规定为准。</p></body></html>",
        "utf-8",
    )
    sections = _sections(path)
    top = "版权保护常见问题"  # no heading of the page names it: the <title> titles the page, without the site's name
    assert (
        sections[(top, "二、如何登记")][-1]
        == "本站内容版权所有，转载请注明出处。以上解答仅供参考，具体以版权局规定为准。"
    )


def test_an_attachment_list_of_several_files_is_its_own_section(tmp_path):
    path = tmp_path / "notice2.html"
    path.write_text(
        "<html><head><title>关于开展安全检查的通知_通知公告_某某区应急管理局</title></head><body>"
        "<p><b>关于开展安全检查的通知</b></p><p><b>一、检查范围</b></p><p>全区危险化学品企业。</p>"
        "<p><b>二、检查时间</b></p><p>2026年3月1日至3月31日。</p>"
        "<p>附件：</p><p>1. 安全检查表.docx</p><p>2. 企业名单.xlsx</p>"
        "<p>【打印本页】【关闭窗口】</p></body></html>",
        "utf-8",
    )
    sections = _sections(path)
    assert sections[("关于开展安全检查的通知", "二、检查时间")] == ["2026年3月1日至3月31日。"]
    assert sections[("关于开展安全检查的通知", "附件")] == ["1. 安全检查表.docx", "2. 企业名单.xlsx"]
