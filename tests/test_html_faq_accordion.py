"""An FAQ page written as an accordion: each question is a ``<button>`` opening a panel with its answer. The
button was dropped as a page control, losing the question ('是否支持货到付款？' unfindable); Bootstrap's
'<h2><button>' questions replaced the section they sit in ('账户与支付') in every path. Each question heads its
answer, under its group. Buttons that are controls (submit, share menu, 'read more' over the text above it) stay
out of the text and the outline."""

from __future__ import annotations

from pathlib import Path

from qa.loading import load_file
from qa.structure import recover_outline

QA = [
    ("是否支持货到付款？", "不支持，目前仅支持在线支付。"),
    ("海外地址可以发货吗？", "可以，目前支持发往港澳台及新加坡。"),
    ("会员积分会过期吗？", "会，积分有效期为24个月。"),
]


def _page(tmp_path: Path, body: str, title: str = "帮助中心 - 某某商城") -> dict[str, tuple[str, ...]]:
    path = tmp_path / "faq.html"
    path.write_text(
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title></head><body>{body}</body></html>',
        "utf-8",
    )
    outline = recover_outline(load_file(path))
    return {outline.paragraphs[i].text: s.path for s in outline.sections for i in s.paragraphs}


def _bootstrap(group: str) -> str:
    items = "".join(
        f'<div class="accordion-item"><h2 class="accordion-header" id="h{i}"><button class="accordion-button '
        f'collapsed" type="button" data-bs-toggle="collapse" data-bs-target="#c{i}" aria-expanded="false">{q}'
        f'</button></h2><div id="c{i}" class="accordion-collapse collapse" aria-labelledby="h{i}" '
        f'data-bs-parent="#faq"><div class="accordion-body">{a}</div></div></div>'
        for i, (q, a) in enumerate(QA)
    )
    return f'<section><h2>{group}</h2><div class="accordion" id="faq">{items}</div></section>'


def _buttons() -> str:
    return "".join(
        f'<div class="faq-item"><button class="faq-q" aria-expanded="false">{q}</button>'
        f'<div class="faq-a" hidden>{a}</div></div>'
        for q, a in QA
    )


def test_button_questions_head_their_answers(tmp_path):
    paths = _page(tmp_path, f"<main><h1>购物常见问题</h1>{_buttons()}</main>", title="购物常见问题")
    assert paths["不支持，目前仅支持在线支付。"] == ("购物常见问题", "是否支持货到付款？")
    assert paths["会，积分有效期为24个月。"] == ("购物常见问题", "会员积分会过期吗？")


def test_bootstrap_accordion_questions_nest_under_their_group(tmp_path):
    body = (
        f"<main><h1>帮助中心</h1>{_bootstrap('账户与支付')}"
        "<section><h2>联系我们</h2><p>客服热线400-800-1234，每日9:00至21:00。</p></section></main>"
    )
    paths = _page(tmp_path, body)
    assert paths["可以，目前支持发往港澳台及新加坡。"] == ("帮助中心", "账户与支付", "海外地址可以发货吗？")
    assert paths["不支持，目前仅支持在线支付。"] == ("帮助中心", "账户与支付", "是否支持货到付款？")
    assert paths["客服热线400-800-1234，每日9:00至21:00。"] == ("帮助中心", "联系我们")


def test_a_question_is_found_by_its_words(tmp_path):
    path = tmp_path / "faq.html"
    page = f'<html><head><meta charset="utf-8"></head><body><main><h1>常见问题</h1>{_buttons()}</main></body></html>'
    path.write_text(page, "utf-8")
    assert "货到付款" in load_file(path).text


def test_control_buttons_stay_out(tmp_path):
    body = (
        "<main><h1>退货政策</h1><h2>退货条件</h2><p>商品签收后七日内可申请无理由退货。</p>"
        '<div class="more" id="more"><p>定制商品不适用七日无理由退货。</p></div>'
        '<button aria-expanded="true" aria-controls="more">收起全文</button>'
        '<button data-bs-toggle="dropdown" aria-expanded="false">分享到</button>'
        '<ul class="dropdown-menu"><li>微信好友</li><li>朋友圈</li></ul>'
        '<button aria-expanded="false" aria-controls="links">相关链接</button>'
        '<div id="links"><a href="/a">退款说明</a> <a href="/b">换货说明</a></div>'
        "<h2>退款时间</h2><p>退款一般1至7个工作日到账。</p>"
        '<form><button type="submit">提交申请</button></form></main>'
    )
    paths = _page(tmp_path, body, title="退货政策")
    assert paths["定制商品不适用七日无理由退货。"] == ("退货政策", "退货条件")
    assert paths["退款一般1至7个工作日到账。"] == ("退货政策", "退款时间")
    text = load_file(tmp_path / "faq.html").text
    assert not any(word in text for word in ("收起全文", "分享到", "相关链接", "提交申请"))


# Buttons that control something other than a panel of answer right after them (review3): the text around them
# stays where it was before question buttons were read as heads.
_PRODUCT = "<h1>智能电饭煲 X1</h1><p>售价 599 元，支持预约煮饭与保温。</p>"


def test_tab_panels_stay_under_the_section_the_tabs_sit_in(tmp_path):
    tabs = "".join(
        f'<button role="tab" aria-selected="{i == 1}" aria-controls="p{i}" id="t{i}">{label}</button>'
        for i, label in enumerate(("产品介绍", "规格参数", "售后服务"), 1)
    )
    panels = "".join(
        f'<div role="tabpanel" id="p{i}" aria-labelledby="t{i}"><p>{text}</p></div>'
        for i, text in enumerate(("本产品采用球釜内胆，加热均匀。", "额定功率 860 瓦。", "整机保修一年。"), 1)
    )
    body = f'{_PRODUCT}<h2>产品详情</h2><div role="tablist">{tabs}</div>{panels}<h2>用户评价</h2><p>煮饭很快。</p>'
    paths = _page(tmp_path, body, title="智能电饭煲 X1")
    assert paths["本产品采用球釜内胆，加热均匀。"] == ("智能电饭煲 X1", "产品详情")
    assert paths["整机保修一年。"] == ("智能电饭煲 X1", "产品详情")
    assert paths["煮饭很快。"] == ("智能电饭煲 X1", "用户评价")


def test_a_button_opening_something_at_the_page_end_heads_nothing(tmp_path):
    body = (
        f'{_PRODUCT}<button type="button" aria-controls="cart-drawer" aria-expanded="false">加入购物车</button>'
        '<p>本产品采用球釜内胆，加热均匀。</p><button aria-controls="guide" aria-expanded="false">尺码指南</button>'
        "<p>整机保修一年，内胆涂层保修两年。</p>"
        '<aside id="cart-drawer"><p>您的购物车中暂无商品。</p></aside><div id="guide"><p>内胆直径 20 厘米。</p></div>'
    )
    paths = _page(tmp_path, body, title="智能电饭煲 X1")
    assert paths["本产品采用球釜内胆，加热均匀。"] == ("智能电饭煲 X1",)
    assert paths["整机保修一年，内胆涂层保修两年。"] == ("智能电饭煲 X1",)  # not under the topic '尺码指南'


def test_a_read_more_button_over_the_rest_of_an_article_is_no_head(tmp_path):
    body = (
        "<article><h1>我市今年将新建12所中小学</h1><p>今年我市将新建12所中小学，新增学位1.5万个。</p>"
        '<button class="read-more" aria-expanded="false" aria-controls="rest">展开全文</button>'
        '<div id="rest"><p>其中小学7所、初中5所，预计9月投入使用。</p></div>'
        '<button aria-expanded="false">Read more</button><div><p>计划招聘新教师800名。</p></div></article>'
    )
    paths = _page(tmp_path, body, title="新闻")
    assert paths["其中小学7所、初中5所，预计9月投入使用。"] == ("新闻", "我市今年将新建12所中小学")
    assert paths["计划招聘新教师800名。"] == ("新闻", "我市今年将新建12所中小学")


def test_a_topic_button_over_its_named_panel_heads_it(tmp_path):
    body = (
        "<main><h1>售后服务</h1>"
        '<button aria-controls="r1" aria-expanded="false">退货政策</button>'
        '<div id="r1"><p>签收后七日内可退货。</p></div>'
        '<button aria-controls="r2" aria-expanded="false">保修范围</button>'
        '<div id="r2"><p>整机保修一年。</p></div></main>'
    )
    paths = _page(tmp_path, body, title="售后服务")
    assert paths["签收后七日内可退货。"] == ("售后服务", "退货政策")
    assert paths["整机保修一年。"] == ("售后服务", "保修范围")
