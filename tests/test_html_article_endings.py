"""An article's own closing lines are not taken for the site's footer or its attachment list.

An event notice closes with '三、组织机构' holding '主办单位：…' and '承办单位：…'; a guide's last section says
'版权所有人按合同约定确定'; a notice's last paragraph begins '附件1所列项目…'. These are the article's text, filed
under its last heading, word for word. Only the site's own footer (a filing number, '©', '网站标识码', outside the
article's container) and an attachment label line ('附件：') with its files are set apart.
"""

from __future__ import annotations

import re

from qa.loading import load_file
from qa.structure import recover_outline


def _sections(path) -> dict[tuple[str, ...], list[str]]:  # noqa: ANN001
    outline = recover_outline(load_file(path))
    return {s.path: [outline.paragraphs[i].text for i in s.paragraphs] for s in outline.sections}


def _page(tmp_path, name: str, body: str):  # noqa: ANN001, ANN202
    path = tmp_path / name
    title = re.search(r"<h1>(.*?)</h1>", body).group(1)  # the page's title is its h1: no extra level
    page = f'<html><head><meta charset="utf-8"><title>{title}</title></head><body>{body}</body></html>'
    path.write_text(page, "utf-8")
    return path


def test_an_event_notice_keeps_its_organisers_section(tmp_path):
    path = _page(
        tmp_path,
        "event.html",
        "<h1>关于举办全民阅读节的通知</h1><h2>一、活动时间</h2><p>2026年4月23日至5月23日。</p>"
        "<h2>二、组织机构</h2><p>主办单位：临江市文化和旅游局</p><p>承办单位：临江市图书馆</p>",
    )
    sections = _sections(path)
    assert sections[("关于举办全民阅读节的通知", "二、组织机构")] == [
        "主办单位：临江市文化和旅游局",
        "承办单位：临江市图书馆",
    ]


def test_a_last_section_naming_the_copyright_owner_is_kept(tmp_path):
    path = _page(
        tmp_path,
        "guide.html",
        "<h1>软件著作权登记须知</h1><h2>一、申请材料</h2><p>提交登记申请表。</p>"
        "<h2>二、权利归属</h2><p>委托开发的软件，版权所有人按合同约定确定</p>"
        "<p>合作开发的软件，版权所有人为全体合作者</p>",
    )
    assert _sections(path)[("软件著作权登记须知", "二、权利归属")] == [
        "委托开发的软件，版权所有人按合同约定确定",
        "合作开发的软件，版权所有人为全体合作者",
    ]


def test_the_article_last_section_keeps_a_footer_like_line_but_the_site_footer_outside_it_goes(tmp_path):
    path = _page(
        tmp_path,
        "page.html",
        '<div class="article"><h1>馆藏资料使用说明</h1><h2>一、借阅</h2><p>凭读者证借阅。</p>'
        "<h2>二、权属</h2><p>版权所有：临江市图书馆</p></div>"
        '<div class="bottom"><p>版权所有：临江市图书馆 网站标识码：3310000002 浙ICP备05012346号</p></div>',
    )
    sections = _sections(path)
    assert sections[("馆藏资料使用说明", "二、权属")] == ["版权所有：临江市图书馆"]
    assert "ICP备" not in load_file(path).text


def test_a_sentence_naming_an_attachment_stays_in_its_section_word_for_word(tmp_path):
    last = "附件1所列项目须于6月底前开工，逾期未开工的项目将调出年度计划。"
    path = _page(
        tmp_path,
        "notice.html",
        "<h1>关于开展城市更新项目申报的通知</h1><h2>一、申报范围</h2><p>全市老旧小区。</p>"
        f"<h2>二、工作要求</h2><p>各区应于5月31日前完成审核。</p><p>{last}</p>",
    )
    sections = _sections(path)
    assert sections[("关于开展城市更新项目申报的通知", "二、工作要求")] == ["各区应于5月31日前完成审核。", last]
    assert not any(p[-1] == "附件" for p in sections)


def test_numbered_attachment_labels_are_one_attachment_part_kept_whole(tmp_path):
    path = _page(
        tmp_path,
        "notice2.html",
        "<h1>关于开展安全检查的通知</h1><h2>一、检查范围</h2><p>全区企业。</p>"
        "<p>附件1：安全检查表.docx</p><p>附件2：企业名单.xlsx</p>",
    )
    sections = _sections(path)
    assert sections[("关于开展安全检查的通知", "一、检查范围")] == ["全区企业。"]
    assert sections[("关于开展安全检查的通知", "附件")] == ["附件1：安全检查表.docx", "附件2：企业名单.xlsx"]


def test_a_footer_written_straight_in_the_body_is_told_by_its_marks(tmp_path):
    path = _page(
        tmp_path,
        "simple.html",
        "<h1>馆藏资料使用说明</h1><h2>一、借阅</h2><p>凭读者证借阅。</p>"
        "<p>版权所有 © 2024 临江市图书馆 浙ICP备05012346号</p>",
    )
    assert _sections(path)[("馆藏资料使用说明", "一、借阅")] == ["凭读者证借阅。"]
