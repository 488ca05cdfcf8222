"""Articles saved from a social platform's page (WeChat and the editors its authors use: 135editor, xiumi): the
title is the page's one h1, the heads are bold ``<section>``/``<span>`` lines (a number badge apart), and the page
prints counts, buttons and a follow prompt after the article. The heads used to be body text (bold lines under a
marked title were never heads) and the furniture was indexed; furniture between paragraphs stays text."""

from __future__ import annotations

from pathlib import Path

from qa.loading import load_file
from qa.structure import recover_outline


def _sec(style: str, inner: str) -> str:
    return f'<section style="{style}">{inner}</section>'


def _para(text: str) -> str:
    return f'<p style="margin:0 8px 16px;"><span style="font-size:15px;color:#3e3e3e;">{text}</span></p>'


def _head(badge: str, title: str, weight: str) -> str:
    bold = (
        (lambda t: f"<strong>{t}</strong>")
        if weight == "strong"
        else (lambda t: f'<span style="font-weight:bold;">{t}</span>')
    )
    return _sec(
        "margin:24px 0 12px;text-align:left;",
        _sec("display:inline-block;background:#0a8;color:#fff;padding:2px 10px;", bold(badge))
        + _sec("font-size:17px;color:#0a8;", bold(f'<span style="letter-spacing:1px;">{title}</span>')),
    )


def _page(title: str, parts: list[tuple[str, str, list[str]]], weight: str, tail: str) -> str:
    body = _para("开头导语：本文整理了社区工作人员的常见问题，供大家参考。")
    for badge, head, paragraphs in parts:
        body += _head(badge, head, weight) + "".join(_para(p) for p in paragraphs)
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title></head>
<body><div id="js_article"><h1 class="rich_media_title">{title}</h1>
<div class="rich_media_meta_list"><span>社区服务中心</span> <em>2026-03-02 08:00</em></div>
<div class="rich_media_content" id="js_content">{_sec("font-size:16px;", body)}</div>{tail}</div></body></html>"""


PARTS = [
    ("PART 1", "如何办理居住证", ["携带身份证和租房合同到社区服务中心登记，十个工作日后领取。"]),
    (
        "PART 2",
        "老年人补贴怎么申请",
        ["年满八十周岁的老人可申请高龄津贴，点赞和转发不影响审核。", "材料齐全当场受理。"],
    ),
    ("PART 3", "垃圾分类投放时间", ["每天早七点到九点、晚六点到八点定时定点投放。"]),
]
TAIL = (
    '<div class="rich_media_tool"><a href="##">阅读原文</a><span>阅读 10万+</span><span>赞 1024</span>'
    "<span>在看 66</span></div><div><p>精选留言</p></div><div><p>微信扫一扫<br>关注该公众号</p></div>"
)


def _sections(tmp_path: Path, html: str) -> tuple[str, dict[str, list[str]]]:
    path = tmp_path / "article.html"
    path.write_text(html, encoding="utf-8")
    doc = load_file(path)
    outline = recover_outline(doc)
    return doc.text, {" › ".join(s.path): [outline.paragraphs[i].text for i in s.paragraphs] for s in outline.sections}


def test_bold_section_heads_under_the_title_head_sections(tmp_path: Path) -> None:
    for weight in ("strong", "style"):
        _, sections = _sections(tmp_path, _page("社区办事指南", PARTS, weight, TAIL))
        assert sections["社区办事指南 › PART 2 老年人补贴怎么申请"][-1] == "材料齐全当场受理。"
        assert sections["社区办事指南 › PART 3 垃圾分类投放时间"] == ["每天早七点到九点、晚六点到八点定时定点投放。"]
        assert sections["社区办事指南"][-1] == "开头导语：本文整理了社区工作人员的常见问题，供大家参考。"


def test_two_bold_lines_under_a_title_stay_emphasis(tmp_path: Path) -> None:
    _, sections = _sections(tmp_path, _page("社区办事指南", PARTS[:2], "strong", ""))
    assert list(sections) == ["社区办事指南"]


def test_the_platforms_furniture_after_the_article_is_not_read(tmp_path: Path) -> None:
    text, sections = _sections(tmp_path, _page("社区办事指南", PARTS, "strong", TAIL))
    for furniture in ("阅读原文", "10万+", "赞 1024", "在看 66", "精选留言", "微信扫一扫", "关注该公众号"):
        assert furniture not in text
    # the same words inside the article are its text, and so is the byline before it
    assert "点赞和转发不影响审核" in text and "社区服务中心 2026-03-02 08:00" in text


def test_bold_labels_in_the_body_type_under_a_title_stay_text(tmp_path: Path) -> None:
    """A converter's page (pandoc from LaTeX) with bold paragraph labels and no styles: its author marked the
    headings it meant (the h1) and set these in the body's type."""
    labels = "".join(
        f"<p><strong>{t}</strong></p><p>{t}的条款正文，说明权利与义务。</p>" for t in ("适用范围", "复制", "修改")
    )
    html = (
        f'<html><head><meta charset="utf-8"><title>许可协议</title></head><body><h1>许可协议</h1>{labels}</body></html>'
    )
    _, sections = _sections(tmp_path, html)
    assert list(sections) == ["许可协议"]


def test_an_ordinary_pages_first_and_last_lines_of_figures_are_not_furniture(tmp_path: Path) -> None:
    """Only a line with one of the platform's words is furniture: a closing date, a figure and a contact line
    ending an ordinary page are its text (a reviewer found them dropped)."""
    lines = ["1,250,000", "本年度全市接待游客总人次如上。", "咨询请联系店长。", "微信：13800138000", "2024.01.15"]
    page = "<html><head><title>统计</title></head><body>" + "".join(f"<p>{t}</p>" for t in lines) + "</body></html>"
    path = tmp_path / "stats.html"
    path.write_text(page, encoding="utf-8")
    text = load_file(path).text
    for line in ("1,250,000", "微信：13800138000", "2024.01.15"):
        assert line in text, line
