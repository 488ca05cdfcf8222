"""On a page without h1–h6 the heads read from bold and numbered lines are heads, never emphasis, steps or captions:
a bold label with its message ('温馨提示：请妥善保管密码'), '1.' steps numbered alone (a list, as the PDF reader
reads them), a caption ('表1 主要经济指标'); and a bold line after a '1.' step ends the step instead of filing the
rest of the page under it. Found by a reviewer on pages an editor writes so."""

from __future__ import annotations

from pathlib import Path

from qa.loading import load_file
from qa.structure import recover_outline


def _outline(tmp_path: Path, html: str) -> dict[str, list[str]]:
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    outline = recover_outline(load_file(path))
    return {" › ".join(s.path): [outline.paragraphs[i].text for i in s.paragraphs] for s in outline.sections}


BODY = "这是一段用于测试的正文内容，说明了项目的背景、目标和实施的基本情况，并且足够长。"


def test_steps_and_bold_notes_on_a_page_without_headings_are_text(tmp_path):
    html = f"""<html><head><meta charset="utf-8"><title>操作说明</title></head><body>
    <p>{BODY}</p>
    <p>1. 打开设置页面</p><p>点击右上角的齿轮图标，进入设置页面。</p>
    <p>2. 修改密码</p><p>输入旧密码和新密码，点击保存。</p>
    <p>3. 退出登录</p><p>{BODY}</p>
    <p>这段话中有<strong>重要提示</strong>需要注意。</p>
    <p><strong>注意</strong></p><p>{BODY}</p>
    <p><b>温馨提示：请妥善保管密码</b></p><p>请勿将密码告诉他人。</p>
    </body></html>"""
    sections = _outline(tmp_path, html)
    assert list(sections) == ["操作说明"]
    texts = sections["操作说明"]
    assert texts[:3] == [BODY, "1. 打开设置页面", "点击右上角的齿轮图标，进入设置页面。"]
    assert texts[-2:] == ["温馨提示：请妥善保管密码", "请勿将密码告诉他人。"]


def test_a_bold_line_after_a_numbered_step_is_its_sibling(tmp_path):
    html = """<html><head><meta charset="utf-8"><title>安装手册</title></head><body>
    <p>一、安装</p><p>安装前请关闭其他程序。</p>
    <p>1. 下载安装包</p><p>从官网下载最新版本。</p>
    <p>2. 运行安装程序</p><p>双击安装包，按提示完成。</p>
    <p><strong>常见问题</strong></p><p>安装失败时请检查磁盘空间。</p>
    <p>二、使用</p><p>启动后先登录。</p>
    </body></html>"""
    sections = _outline(tmp_path, html)
    assert sections["安装手册 › 一、安装 › 2. 运行安装程序"] == ["双击安装包，按提示完成。"]
    assert sections["安装手册 › 一、安装 › 常见问题"] == ["安装失败时请检查磁盘空间。"]
    assert sections["安装手册 › 二、使用"] == ["启动后先登录。"]


def test_a_bold_caption_is_no_head(tmp_path):
    html = f"""<html><head><meta charset="utf-8"><title>经济运行报告</title></head><body>
    <p>{BODY}</p><p>一、总体情况</p><p>{BODY}</p>
    <p><strong>表1 主要经济指标</strong></p>
    <table><tr><td>指标</td><td>数值</td></tr><tr><td>GDP</td><td>100</td></tr></table><p>{BODY}</p>
    <p>二、分项情况</p><p>{BODY}</p><p><strong>图1 增长趋势</strong></p><p>从图中可以看出，增长趋势明显。</p>
    </body></html>"""
    sections = _outline(tmp_path, html)
    assert list(sections) == ["经济运行报告", "经济运行报告 › 一、总体情况", "经济运行报告 › 二、分项情况"]
    assert sections["经济运行报告 › 一、总体情况"] == [
        BODY,
        "表1 主要经济指标",
        "指标 | 数值",
        "指标：GDP | 数值：100",
        BODY,
    ]
    assert sections["经济运行报告 › 二、分项情况"][-2:] == ["图1 增长趋势", "从图中可以看出，增长趋势明显。"]
