"""Word and HTML files: sections exactly as the source marks them, boilerplate dropped, bad files refused."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from qa.build import build_index
from qa.index_store import IndexStore
from qa.loading import load_file, load_paths
from qa.structure import recover_outline


def sections(doc) -> list[tuple[tuple[str, ...], list[str]]]:  # noqa: ANN001
    outline = recover_outline(doc)
    return [(s.path, [outline.paragraphs[i].text for i in s.paragraphs]) for s in outline.sections]


def make_report_docx(path: Path) -> None:
    """A report as Word users write one: Title, Heading 1/2, a custom style with an outline level,
    an unstyled numbered heading, a table, a page header and footer."""
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "内部资料 注意保存"
    d.sections[0].footer.paragraphs[0].text = "第 1 页"
    d.add_heading("年度工作报告", 0)
    d.add_heading("第一章 总体情况", 1)
    d.add_paragraph("今年以来，全市经济运行总体平稳，主要指标好于预期。")
    d.add_heading("一、工业生产", 2)
    d.add_paragraph("规模以上工业增加值增长百分之五。")
    custom = d.styles.add_style("部门小标题", WD_STYLE_TYPE.PARAGRAPH)
    outline_level = OxmlElement("w:outlineLvl")
    outline_level.set(qn("w:val"), "1")  # level 2, like Heading 2
    custom.element.get_or_add_pPr().append(outline_level)
    d.add_paragraph("二、服务业", style="部门小标题")
    d.add_paragraph("服务业增加值增长百分之六，消费市场持续回暖。")
    d.add_paragraph("（一）交通运输")
    d.add_paragraph("1. 货运量稳步增长，港口吞吐量创历史新高，物流成本下降。")
    table = d.add_table(rows=2, cols=2)
    for (r, c), text in {(0, 0): "指标", (0, 1): "增速", (1, 0): "货运量", (1, 1): "8%"}.items():
        table.cell(r, c).text = text
    d.add_heading("第二章 明年安排", 1)
    d.add_paragraph("明年将继续扩大有效投资。")
    d.save(str(path))


def test_docx_sections_follow_heading_styles_outline_levels_and_numbering(tmp_path):
    make_report_docx(tmp_path / "report.docx")
    doc = load_file(tmp_path / "report.docx")
    assert doc.source_format == "docx"
    top = ("年度工作报告", "第一章 总体情况")
    assert sections(doc) == [
        (top, ["今年以来，全市经济运行总体平稳，主要指标好于预期。"]),
        ((*top, "一、工业生产"), ["规模以上工业增加值增长百分之五。"]),
        ((*top, "二、服务业"), ["服务业增加值增长百分之六，消费市场持续回暖。"]),
        (
            (*top, "二、服务业", "（一）交通运输"),
            ["1. 货运量稳步增长，港口吞吐量创历史新高，物流成本下降。", "指标 | 增速", "指标：货运量 | 增速：8%"],
        ),
        (("年度工作报告", "第二章 明年安排"), ["明年将继续扩大有效投资。"]),
    ]
    assert "内部资料" not in doc.text and "第 1 页" not in doc.text


def test_docx_chinese_style_names_are_headings(tmp_path):
    import docx
    from docx.enum.style import WD_STYLE_TYPE

    d = docx.Document()
    for level in (1, 2):
        d.styles.add_style(f"标题 {level}", WD_STYLE_TYPE.PARAGRAPH)
    d.add_paragraph("乡村振兴", style="标题 1")
    d.add_paragraph("产业兴旺", style="标题 2")
    d.add_paragraph("特色种植面积扩大到十万亩。")
    d.add_paragraph("生态宜居", style="标题 2")
    d.add_paragraph("农村人居环境持续改善。")
    d.save(str(tmp_path / "村.docx"))
    assert sections(load_file(tmp_path / "村.docx")) == [
        (("乡村振兴", "产业兴旺"), ["特色种植面积扩大到十万亩。"]),
        (("乡村振兴", "生态宜居"), ["农村人居环境持续改善。"]),
    ]


PAGE = """<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>城市更新三年行动_示例新闻网</title><style>p {{ color: red }}</style></head>
<body>
<header><a href="/">首页</a> <a href="/news">新闻</a></header>
<nav><ul><li><a href="/a">要闻</a></li><li><a href="/b">财经</a></li></ul></nav>
<div class="content">
<h1>城市更新三年行动</h1>
<p>本市发布城市更新三年行动方案，
计划改造老旧小区三百个。</p>
<h2>老旧小区改造</h2>
<p>改造内容包括加装电梯、<b>更新管网</b>和增加停车位。</p>
<ul><li>加装电梯一百部</li><li>更新管网五十公里</li></ul>
<h3>资金来源</h3>
<p>资金由市区两级财政共同承担。</p>
<h2>历史街区保护</h2>
<div>历史街区将以微改造为主，保留原有街巷肌理。</div>
<table><tr><th>项目</th><th>数量</th></tr><tr><td>街区</td><td>12</td></tr></table>
<ul class="links"><li><a href="/x">相关新闻一</a></li><li><a href="/y">相关新闻二</a></li></ul>
</div>
<aside>热门排行 今日最热</aside>
<footer>版权所有 示例新闻网</footer>
<script>var hidden = "脚本文字";</script>
</body></html>
"""


@pytest.mark.parametrize("charset", ["utf-8", "gb2312"])
def test_html_sections_from_h1_to_h6_without_navigation_or_footer(tmp_path, charset):
    page = tmp_path / "news.html"
    page.write_bytes(PAGE.format(charset=charset).encode("gb18030" if charset == "gb2312" else charset))
    doc = load_file(page)
    assert doc.source_format == "html"
    top = ("城市更新三年行动",)
    assert sections(doc) == [
        (top, ["本市发布城市更新三年行动方案，计划改造老旧小区三百个。"]),
        (
            (*top, "老旧小区改造"),
            ["改造内容包括加装电梯、更新管网和增加停车位。", "加装电梯一百部", "更新管网五十公里"],
        ),
        ((*top, "老旧小区改造", "资金来源"), ["资金由市区两级财政共同承担。"]),
        (
            (*top, "历史街区保护"),
            ["历史街区将以微改造为主，保留原有街巷肌理。", "项目 | 数量", "项目：街区 | 数量：12"],
        ),
    ]
    for noise in ("首页", "要闻", "相关新闻", "热门排行", "版权所有", "脚本文字"):
        assert noise not in doc.text


def test_html_title_heads_the_page_when_no_h1_repeats_it(tmp_path):
    page = tmp_path / "notice.htm"
    page.write_text(
        "<html><head><title>停水通知</title></head><body><h2>影响范围</h2><p>东城区部分小区。</p>"
        "<h2>恢复时间</h2><p>预计次日上午恢复供水。</p></body></html>",
        encoding="utf-8",
    )
    assert sections(load_file(page)) == [
        (("停水通知", "影响范围"), ["东城区部分小区。"]),
        (("停水通知", "恢复时间"), ["预计次日上午恢复供水。"]),
    ]


def test_bad_docx_files_are_refused_by_name_and_the_rest_index(tmp_path, use_embedder):
    make_report_docx(tmp_path / "good.docx")
    with zipfile.ZipFile(tmp_path / "other.docx", "w") as archive:  # a zip, but not a Word document
        archive.writestr("notes.txt", "这不是Word文档。")
    data = (tmp_path / "good.docx").read_bytes()
    (tmp_path / "truncated.docx").write_bytes(data[: len(data) // 2])
    (tmp_path / "page.html").write_bytes(PAGE.format(charset="utf-8").encode("utf-8"))
    (tmp_path / "plain.txt").write_text("纯文本文件也照常索引。\n", encoding="utf-8")
    loaded = load_paths([tmp_path])
    assert sorted(d.doc_id for d in loaded.documents) == ["good.docx", "page.html", "plain.txt"]
    assert len(loaded.problems) == 2
    for name, problem in zip(["other.docx", "truncated.docx"], sorted(loaded.problems), strict=True):
        assert problem.startswith(f"{name}: ") and "\n" not in problem and "Word" in problem

    index = tmp_path / "index"
    report = build_index([tmp_path], index, embedder=use_embedder, progress=False)
    assert report.documents == 3 and len(report.problems) == 2
    stored = IndexStore(index).load().documents
    # Hints survive the index: the outline rebuilt from the stored record is the file's outline.
    assert sections(stored["good.docx"].to_document()) == sections(load_file(tmp_path / "good.docx"))
    assert stored["page.html"].source_format == "html"
