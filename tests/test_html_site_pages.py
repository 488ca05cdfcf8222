"""Ordinary web pages as sites write them: a WeChat article whose heads are questions, a government notice whose
title is an ``<h2 class="title">`` under a ``<div class="header">``, a MediaWiki page with its edit links and reference
marks, a bank's FAQ written as a definition list under a ``<title>`` with the site's name.

Each was read wrongly: the article was one section ('？' ended every head), the notice's '一、' heads were body text
and its site header a section of its own, every wiki section was named '景观[编辑]' and its text read '白堤[2]', the
FAQ's list answers were filed together under the list's section with their questions as text, and every citation
began with the ``<title>`` before the page's own h1.
"""

from __future__ import annotations

from pathlib import Path

from qa.loading import load_file
from qa.structure import recover_outline


def _sections(tmp_path: Path, html: str) -> tuple[str, dict[str, list[str]]]:
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    doc = load_file(path)
    outline = recover_outline(doc)
    return doc.text, {" › ".join(s.path): [outline.paragraphs[i].text for i in s.paragraphs] for s in outline.sections}


# --- a WeChat article (the editor's markup: heads bold, coloured and larger in <section>/<p>/<span>, no h-tags) ---

WX_TITLE = "社保卡换领新卡，这些问题一次说清"
WX_HEADS = [
    ("01", "哪些人需要换领新卡？", "持第一代社保卡的参保人需要换领，第二代卡无需换领。"),
    ("02", "去哪里办理?", "可到各区社保服务大厅或合作银行网点办理，也可在线申领邮寄到家。"),
    ("03", "换卡要收费吗？", "首次换领免费，补办因丢失损坏的卡按每张20元收取工本费。"),
]


def _wechat(head_style: str) -> str:
    lead = "社保卡换领工作已全面启动，下面为大家梳理常见问题。"
    body = f'<section><p><span style="font-size:15px;">{lead}</span></p></section>'
    for badge, head, answer in WX_HEADS:
        body += (
            f'<section style="text-align:center;margin:20px 0 10px;"><p><strong><span style="{head_style}">'
            f"{badge} {head}</span></strong></p></section>"
            f'<section><p><span style="font-size:15px;">{answer}</span></p></section>'
        )
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{WX_TITLE}</title></head><body>
<div id="js_article" class="rich_media"><h1 class="rich_media_title" id="activity-name">{WX_TITLE}</h1>
<div id="meta_content"><span class="rich_media_meta">原创</span> <a id="js_name">某市社保</a></div>
<div class="rich_media_content" id="js_content">{body}</div></div></body></html>"""


def test_wechat_heads_phrased_as_questions_head_their_sections(tmp_path: Path) -> None:
    _, sections = _sections(tmp_path, _wechat("color:#c00;font-size:18px;"))
    for badge, head, answer in WX_HEADS:
        assert sections[f"{WX_TITLE} › {badge} {head}"] == [answer]


def test_bold_questions_in_the_body_type_stay_text(tmp_path: Path) -> None:
    """The same questions in bold but in the body's own size and colour: emphasis the author did not set apart."""
    _, sections = _sections(tmp_path, _wechat("font-size:15px;"))
    assert list(sections) == [WX_TITLE]


# --- a government notice: title in <h2 class="title">, site header and footer in <div>s ---

NOTICE = "关于做好2026年高校毕业生就业服务工作的通知"


def _notice(title_tag: str) -> str:
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>{NOTICE}_通知公告_某省人力资源和社会保障厅</title></head><body>
<div class="header"><img src="/images/logo.png" alt="">某省人力资源和社会保障厅 | 首页 | 政务公开 | 办事服务</div>
<div class="article"><{title_tag} class="title">{NOTICE}</{title_tag}>
<div class="info">发布时间：2026-04-02 来源：就业促进处</div>
<div class="content">
<p>各市人力资源和社会保障局：</p>
<p><strong>一、拓宽就业渠道</strong></p>
<p>对招用毕业生并签订1年以上劳动合同的中小微企业，按每人1500元给予一次性吸纳就业补贴。</p>
<p><strong>二、加强就业服务</strong></p>
<p>各地要在5月至8月集中开展招聘专项行动，每周至少举办1场专场招聘会。</p>
<p><strong>三、强化组织保障</strong></p>
<p>各市要于2026年12月10日前报送工作总结。</p>
</div></div>
<div class="footer">网站标识码：1234000001 主办单位：某省人力资源和社会保障厅</div></body></html>"""


def test_a_notice_titled_in_an_h2_gets_its_numbered_sections(tmp_path: Path) -> None:
    text, sections = _sections(tmp_path, _notice("h2"))
    assert sections[f"{NOTICE} › 一、拓宽就业渠道"] == [
        "对招用毕业生并签订1年以上劳动合同的中小微企业，按每人1500元给予一次性吸纳就业补贴。"
    ]
    assert sections[f"{NOTICE} › 三、强化组织保障"] == ["各市要于2026年12月10日前报送工作总结。"]
    assert "首页 | 政务公开" not in text  # the site's header is no section of the notice


def test_one_h2_that_is_not_the_pages_title_keeps_the_page_as_marked(tmp_path: Path) -> None:
    """A page whose one heading is not what its <title> names (a section's heading, not the article's title):
    its bold lines are not made an outline under it."""
    page = _notice("h2").replace(f'<h2 class="title">{NOTICE}</h2>', "<h2>政策要点</h2>")
    _, sections = _sections(tmp_path, page)
    assert not any("一、拓宽就业渠道" in path for path in sections)


def test_a_header_block_holding_the_title_is_read(tmp_path: Path) -> None:
    page = _notice("h2").replace('<div class="article">', '<div class="header">', 1)
    _, sections = _sections(tmp_path, page)
    assert f"{NOTICE} › 二、加强就业服务" in sections


def test_a_table_header_row_named_header_is_read(tmp_path: Path) -> None:
    """pandoc marks a table's first row '<tr class="header">': the column names, not the page's header."""
    page = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>参数</title></head><body>
<table><thead><tr class="header"><th>参数格式</th><th>说明</th></tr></thead>
<tbody><tr class="odd"><td>#1</td><td>第一个参数</td></tr><tr class="even"><td>#2</td><td>第二个参数</td></tr></tbody>
</table></body></html>"""
    text, _ = _sections(tmp_path, page)
    assert "参数格式 | 说明" in text


# --- a MediaWiki page (zh.wikipedia's markup) ---

EDIT = (
    '<span class="mw-editsection"><span class="mw-editsection-bracket">[</span>'
    '<a href="/w/index.php?title=%E8%A5%BF%E6%B9%96&amp;action=edit&amp;section={n}" title="编辑章节：{t}">编辑</a>'
    '<span class="mw-editsection-bracket">]</span></span>'
)


def _ref(n: int) -> str:
    return f'<sup id="cite_ref-{n}" class="reference"><a href="#cite_note-{n}">[{n}]</a></sup>'


def _wiki(edit) -> str:  # noqa: ANN001 - (section number, title) -> edit link markup
    def head(level: int, n: int, title: str) -> str:
        return f'<h{level}><span class="mw-headline" id="{title}">{title}</span>{edit(n, title)}</h{level}>'

    return f"""<!DOCTYPE html><html lang="zh"><head><meta charset="utf-8">
<title>西湖 - 维基百科，自由的百科全书</title></head><body>
<div id="content" class="mw-body"><h1 id="firstHeading" class="firstHeading">西湖</h1>
<div id="bodyContent"><div class="mw-parser-output">
<p><b>西湖</b>位于浙江省杭州市西部，是首批国家重点风景名胜区{_ref(1)}。湖面面积约6.38平方公里<sup>[來源請求]</sup>。</p>
{head(2, 1, "历史")}
<p>唐代白居易任杭州刺史时主持修筑白堤{_ref(2)}。北宋苏轼疏浚西湖，以淤泥筑成苏堤{_ref(3)}。</p>
{head(2, 2, "景观")}
{head(3, 3, "西湖十景")}
<p>南宋时形成的西湖十景包括苏堤春晓、曲院风荷、平湖秋月、断桥残雪。</p>
{head(2, 4, "参考文献")}
<div class="reflist"><ol class="references">
<li id="cite_note-1"><a href="#cite_ref-1">^</a> <span class="reference-text">国务院. 风景名胜区名单. 1982.</span></li>
<li id="cite_note-2"><a href="#cite_ref-2">^</a> <span class="reference-text">《新唐书·白居易传》.</span></li>
<li id="cite_note-3"><a href="#cite_ref-3">^</a> <span class="reference-text">《宋史·苏轼传》.</span></li>
</ol></div></div></div></div></body></html>"""


def test_wiki_sections_are_named_without_edit_links_and_text_without_reference_marks(tmp_path: Path) -> None:
    for edit in (lambda n, t: EDIT.format(n=n, t=t), lambda n, t: " [编辑]"):  # the markup, and the text form
        text, sections = _sections(tmp_path, _wiki(edit))
        assert sections["西湖 › 历史"] == ["唐代白居易任杭州刺史时主持修筑白堤。北宋苏轼疏浚西湖，以淤泥筑成苏堤。"]
        assert "西湖 › 景观 › 西湖十景" in sections
        assert "[编辑]" not in text and "[2]" not in text
        assert any("《新唐书·白居易传》" in p for p in sections["西湖 › 参考文献"])  # the notes themselves stay


def test_brackets_and_superscripts_of_the_authors_stay(tmp_path: Path) -> None:
    page = _wiki(lambda n, t: "").replace(
        "<p>南宋时", "<p>湖区面积为6.38 km<sup>2</sup>，数组写作a[2]，见《西湖志》[卷三]。</p><p>南宋时"
    )
    text, _ = _sections(tmp_path, page)
    assert "km2" in text.replace(" ", "") and "a[2]" in text and "[卷三]" in text


# --- a bank's FAQ: <h3> questions and a <dl> of questions, under a site-suffixed <title> ---

FAQ = """<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>常见问题 - 某银行信用卡中心</title></head>
<body><nav><a href="/">首页</a> &gt; <a href="/card">信用卡</a> &gt; 常见问题</nav>
<div class="main"><h1>信用卡常见问题</h1>
<div class="faq-group"><h2>办卡与激活</h2>
<div class="qa"><h3>Q：新卡如何激活？</h3><p>A：可通过手机银行或拨打客服热线激活。</p></div></div>
<div class="faq-group"><h2>还款与账单</h2>
<dl class="faq-list">
<dt>问：账单日和还款日是哪天？</dt><dd>答：账单日为每月5日，到期还款日为账单日后第20天。</dd>
<dt>问：最低还款额怎么计算？</dt><dd>答：最低还款额为消费金额的10%加上全部费用和利息。</dd>
</dl></div>
<div class="faq-group"><h2>名词解释</h2>
<dl><dt>免息期</dt><dd>从银行记账日至到期还款日之间的日期。</dd><dt>账单日</dt><dd>银行每月汇总账单的日期。</dd></dl>
</div></div>
<footer>版权所有 © 2024 某银行</footer></body></html>"""


def test_faq_list_questions_head_their_answers_under_the_pages_h1(tmp_path: Path) -> None:
    _, sections = _sections(tmp_path, FAQ)
    assert sections["信用卡常见问题 › 还款与账单 › 问：账单日和还款日是哪天？"] == [
        "答：账单日为每月5日，到期还款日为账单日后第20天。"
    ]
    assert sections["信用卡常见问题 › 办卡与激活 › Q：新卡如何激活？"] == ["A：可通过手机银行或拨打客服热线激活。"]
    assert not any(path.startswith("常见问题 - ") for path in sections)  # the <title> is no level above the h1


def test_a_glossary_list_stays_its_sections_text(tmp_path: Path) -> None:
    _, sections = _sections(tmp_path, FAQ)
    glossary = [paragraphs for path, paragraphs in sections.items() if "名词解释" in path]
    assert glossary == [
        [
            "免息期",
            "从银行记账日至到期还款日之间的日期。",
            "账单日",
            "银行每月汇总账单的日期。",
        ]
    ]
