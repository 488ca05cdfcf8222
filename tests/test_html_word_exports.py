"""A Word document saved as HTML by LibreOffice (XHTML export and plain HTML export): its placeholder <title>
('- no title specified') titled every path and its Title paragraph was body text; heads set by custom styles
(bold 15 pt / 13 pt, no Heading style) were plain paragraphs, so the whole document was one section. The pages
here are made by python-docx and converted by LibreOffice itself."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

from qa.loading import load_file
from qa.structure import recover_outline

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice not installed")
FILTERS = {"xhtml": "html:XHTML Writer File:UTF8", "plain": "html"}


def _policy(path: Path) -> Path:
    d = docx.Document()
    d.styles["Normal"].font.size = Pt(12)
    for name, size in (("制度-一级", 15), ("制度-二级", 13)):
        style = d.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = d.styles["Normal"]
        style.font.size, style.font.bold = Pt(size), True
    d.add_paragraph("员工差旅费管理办法", style="Title")
    for chapter, parts in (
        ("总则", [("目的", "为规范公司员工出差管理，特制定本办法。"), ("适用范围", "本办法适用于公司全体正式员工。")]),
        ("交通费标准", [("飞机", "部门经理及以上人员可乘坐经济舱全价票。"), ("火车", "员工乘坐高铁可选择二等座。")]),
    ):
        d.add_paragraph(chapter, style="制度-一级")
        for head, text in parts:
            d.add_paragraph(head, style="制度-二级")
            d.add_paragraph(text)
    d.save(path)
    return path


def _minutes(path: Path) -> Path:
    d = docx.Document()
    d.add_paragraph("2025年第三季度产品评审会议纪要", style="Title")
    d.add_paragraph("时间：2025年9月18日 14:00-16:30")
    d.add_heading("一、会议决定", 1)
    d.add_paragraph("同意追加服务器采购预算45万元。")
    d.save(path)
    return path


def _export(source: Path, kind: str) -> Path:
    out = source.parent / kind
    cmd = [SOFFICE, f"-env:UserInstallation={(source.parent / 'profile').as_uri()}", "--headless", "--norestore"]
    cmd += ["--convert-to", FILTERS[kind], "--outdir", str(out), str(source)]
    subprocess.run(cmd, check=True, capture_output=True, timeout=300)
    return out / (source.stem + ".html")


def _paths(path: Path) -> dict[str, tuple[str, ...]]:
    outline = recover_outline(load_file(path))
    return {outline.paragraphs[i].text: s.path for s in outline.sections for i in s.paragraphs}


@needs_soffice
@pytest.mark.parametrize("kind", ["xhtml", "plain"])
def test_heads_set_by_custom_styles_make_the_outline(tmp_path, kind):
    paths = _paths(_export(_policy(tmp_path / "policy.docx"), kind))
    title, chapter, part = paths["员工乘坐高铁可选择二等座。"]
    assert (title, chapter.split()[-1], part.split()[-1]) == ("员工差旅费管理办法", "交通费标准", "火车")
    assert paths["本办法适用于公司全体正式员工。"][-1].endswith("适用范围")


@needs_soffice
def test_the_title_paragraph_titles_the_page_not_the_placeholder(tmp_path):
    page = _export(_minutes(tmp_path / "minutes.docx"), "xhtml")
    assert "no title specified" in page.read_text(encoding="utf-8")  # the exporter's placeholder is there
    paths = _paths(page)
    assert paths["同意追加服务器采购预算45万元。"] == ("2025年第三季度产品评审会议纪要", "一、会议决定")
    assert paths["时间：2025年9月18日 14:00-16:30"] == ("2025年第三季度产品评审会议纪要",)


def _page(tmp_path: Path, head: str, body: str) -> dict[str, tuple[str, ...]]:
    path = tmp_path / "page.html"
    path.write_text(f'<html><head><meta charset="utf-8">{head}</head><body>{body}</body></html>', "utf-8")
    return _paths(path)


def test_a_title_of_the_pages_own_and_a_hand_written_page_are_kept(tmp_path):
    body = (
        '<p class="Title">产品目录</p><p style="font-size:15pt"><b>价格说明</b></p>'
        "<p>所有价格均含税，单位为人民币元。</p>"
    )
    paths = _page(tmp_path, "<title>Title specified in the page settings</title>", body)
    assert paths["所有价格均含税，单位为人民币元。"][0] == "Title specified in the page settings"
    assert "产品目录" in paths  # a Title-class paragraph under a real <title> is text
    # an exported page that marks its headings keeps them alone: a bold, larger line in it is emphasis
    generator = '<meta name="generator" content="LibreOffice 7.4.7.2 (Linux)"/><title></title>'
    body = (
        "<h1>一、适用范围</h1><p>本办法适用于全体员工。</p>"
        '<p><font style="font-size: 15pt"><b>特别提示</b></font></p><p>逾期不予报销。</p>'
    )
    paths = _page(tmp_path, generator, body)
    assert paths["特别提示"] == ("一、适用范围",) and paths["逾期不予报销。"] == ("一、适用范围",)


def test_one_larger_line_over_an_exported_page_leaves_its_numbered_heads_alone(tmp_path):
    generator = '<meta name="Generator" content="Microsoft Word 9"><title>软件许可协议</title>'
    body = '<p class=MsoNormal><b><span style="font-size:14.0pt">软件许可协议 第1.0版</span></b></p>' + "".join(
        f"<p class=MsoNormal><b>{n}. {head}</b></p><p class=MsoNormal>{text}</p>"
        for n, head, text in (
            (1, "定义", "“贡献”是指由贡献者提供的对程序的更改和补充。"),
            (2, "授予的权利", "每一贡献者授予接收者非独占的、全球性的、免版税的许可。"),
            (3, "要求", "贡献者可以以目标代码形式分发程序，但须遵守本协议。"),
        )
    )
    paths = _page(tmp_path, generator, body)
    assert paths["每一贡献者授予接收者非独占的、全球性的、免版税的许可。"][-1] == "2. 授予的权利"
