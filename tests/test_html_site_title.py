"""A page's ``<title>`` carries the site's name after the page's own ('…_重庆市人民政府网', '… - 新华网',
'…｜国家统计局'). Where no heading of the page repeats the title, the title heads the document: without the site's
name, which every answer cited. A title whose '_' or '-' is its own ('2024 - 2025学年校历', 'COVID-19', 'os_path')
is kept whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.loading import load_file
from qa.structure import recover_outline

BODY = """<div class="header"><a href="/">首页</a> | <a href="/sj/">数据</a> | <a href="/fb/">发布</a></div>
<div class="detail"><div class="detail-title">{heading}</div>
<div class="detail-info">发布时间：2026-02-28　来源：{source}</div>
<div class="TRS_Editor">
<p>2025年，全国各族人民坚持稳中求进工作总基调，经济运行总体平稳、稳中有进。</p>
<p><strong>一、综合</strong></p>
<p>初步核算，全年国内生产总值1350000亿元，比上年增长5.0%。全年人均国内生产总值95000元。</p>
<p><strong>二、农业</strong></p>
<p>全年粮食种植面积11930万公顷，比上年增加50万公顷。全年粮食产量70650万吨。</p>
<p><strong>三、工业和建筑业</strong></p>
<p>全年全部工业增加值405000亿元，比上年增长5.7%。</p>
</div></div>
<div class="footer">版权所有：{source}　京ICP备05034670号</div>"""


def _paths(tmp_path: Path, title: str, heading: str, source: str = "国家统计局") -> dict[str, tuple[str, ...]]:
    path = tmp_path / "page.html"
    body = BODY.format(heading=heading, source=source)
    path.write_text(
        f'<html><head><meta charset="utf-8"><title>{title}</title></head><body>{body}</body></html>', "utf-8"
    )
    outline = recover_outline(load_file(path))
    return {outline.paragraphs[i].text[:6]: s.path for s in outline.sections for i in s.paragraphs}


@pytest.mark.parametrize(
    ("title", "own"),
    [
        ("2025年国民经济和社会发展统计公报｜国家统计局", "2025年国民经济和社会发展统计公报"),
        ("关于印发重庆市统计工作要点的通知_通知公告_重庆市人民政府网", "关于印发重庆市统计工作要点的通知"),
        ("国家统计局发布2025年国民经济数据 - 新华网", "国家统计局发布2025年国民经济数据"),
    ],
)
def test_the_document_is_titled_without_the_sites_name(tmp_path: Path, title: str, own: str) -> None:
    paths = _paths(tmp_path, title, "中华人民共和国2025年国民经济和社会发展统计公报")
    assert paths["初步核算，全"] == (own, "一、综合")
    assert paths["全年粮食种植"] == (own, "二、农业")


@pytest.mark.parametrize(
    "title",
    ["2024 - 2025学年校历", "COVID-19疫情防控统计简报", "中国 - 东盟博览会统计数据", "统计数据解读_第二部分"],
)
def test_a_title_whose_dash_or_underscore_is_its_own_is_kept(tmp_path: Path, title: str) -> None:
    paths = _paths(tmp_path, title, "统计数据", source="某某学校")
    assert paths["初步核算，全"] == (title, "一、综合")


@pytest.mark.parametrize(
    "title",
    [
        "深度调查｜走进北京协和医院",  # a column's name, then the headline: 医院 names no site
        "人工智能 | 机器学习 | 计算机学院",  # a school's name the page never gives as its owner
        "数字政府建设 | 重庆市大数据应用发展管理局",
    ],
)
def test_a_last_part_that_names_no_site_is_kept(tmp_path: Path, title: str) -> None:
    paths = _paths(tmp_path, title, "统计数据", source="某某学校")
    assert paths["初步核算，全"] == (title, "一、综合")


def test_a_column_before_its_headline_keeps_the_headline(tmp_path: Path) -> None:
    paths = _paths(tmp_path, "要闻｜走进北京协和医院｜新华网", "统计数据", source="某某学校")
    assert paths["初步核算，全"] == ("要闻｜走进北京协和医院", "一、综合")
