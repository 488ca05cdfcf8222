"""Markdown front matter and emphasis: what a blog or Hugo site's notes are cited under and show.

A front matter's ``title:`` repeated as the body's ``# H1`` under a logo block named the document twice in every
citation ('手册 › 手册 › 二、路由器'); Hugo's TOML front matter ('+++ … +++') was indexed as text; '**红色闪烁**'
kept its asterisks in the passage shown to the reader; a foldout's question ('<details><summary>') was a line of
text beside its answer instead of heading it.
"""

from __future__ import annotations

from pathlib import Path

from qa.loading import load_file
from qa.structure import recover_outline

BANNER = '<div align="center">\n<p><b>内部资料</b></p>\n</div>\n\n'
BODY = (
    "## 一、指示灯\n\n光纤信号中断时 LOS 灯**红色闪烁**，请拨打报修电话。\n\n"
    "## 二、路由器\n\n按住 Reset 键 10 秒即可重置路由器。\n"
)


def _paths(path: Path) -> dict[str, tuple[str, ...]]:
    """Each paragraph's first words -> the section path it is cited under."""
    outline = recover_outline(load_file(path, path.name))
    return {
        outline.paragraphs[k].text.strip()[:6]: tuple(section.path)
        for section in outline.sections
        for k in section.paragraphs
    }


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_front_matter_title_repeated_as_the_h1_is_cited_once(tmp_path):
    text = f"---\ntitle: 宽带自查手册\ndate: 2024-05-01\n---\n\n{BANNER}# 宽带自查手册\n\n{BODY}"
    paths = _paths(_write(tmp_path, "note.md", text))
    assert paths["按住 Res"] == ("宽带自查手册", "二、路由器")
    assert paths["内部资料"] == ("宽带自查手册",)  # the banner before the H1 is still the document's


def test_a_front_matter_title_other_than_the_h1_still_heads_it(tmp_path):
    """Negative: a site's title over a page whose H1 says something else keeps both, the title first."""
    text = f"---\ntitle: 网络部知识库\n---\n\n{BANNER}# 宽带自查手册\n\n{BODY}"
    paths = _paths(_write(tmp_path, "kb.md", text))
    assert paths["按住 Res"] == ("网络部知识库", "宽带自查手册", "二、路由器")


def test_toml_front_matter_is_not_text_and_its_title_heads_the_file(tmp_path):
    text = '+++\ntitle = "值班制度"\ndate = 2024-01-01\ndraft = false\n+++\n\n## 交接班\n\n每日 8:30 交接班。\n'
    path = _write(tmp_path, "duty.md", text)
    doc = load_file(path, path.name)
    assert "draft" not in doc.text and "+++" not in doc.text
    assert doc.text.split("\n")[8].startswith("每日")  # line numbers kept: line 9 of the file
    assert _paths(path)["每日 8:3"] == ("值班制度", "交接班")


def test_a_plus_line_that_opens_no_front_matter_stays_text(tmp_path):
    """Negative: '+++' with no closing fence and no TOML is the file's text."""
    path = _write(tmp_path, "plus.md", "+++\n加号分隔线之后的说明文字。\n\n## 说明\n\n正文内容。\n")
    assert "加号分隔线之后的说明文字" in load_file(path, path.name).text


def test_emphasis_marks_are_not_shown_but_code_keeps_its_asterisks(tmp_path):
    text = "# 手册\n\nLOS 灯**红色闪烁**表示中断，*务必*报修。乘法写作 5 * 3 = 15。\n\n命令 `ls **/*.md` 列出文件。\n"
    path = _write(tmp_path, "marks.md", text)
    lines = load_file(path, path.name).text.split("\n")
    assert lines[2] == "LOS 灯红色闪烁表示中断，务必报修。乘法写作 5 * 3 = 15。"
    assert "`ls **/*.md`" in lines[4]


FAQ = (
    "# 宽带手册\n\n## 一、光猫\n\n光猫指示灯说明如下。\n\n"
    "<details>\n<summary>PON 灯一直闪烁怎么办？</summary>\n\n重启光猫一次即可恢复。\n\n</details>\n"
)


def test_a_foldouts_question_heads_its_answer(tmp_path):
    paths = _paths(_write(tmp_path, "faq.md", FAQ + "\n## 二、路由器\n\n按住 Reset 键 10 秒。\n"))
    assert paths["重启光猫一次"] == ("宽带手册", "一、光猫", "PON 灯一直闪烁怎么办？")
    assert paths["按住 Res"] == ("宽带手册", "二、路由器")


def test_a_foldout_with_text_after_it_in_its_section_stays_text(tmp_path):
    """Negative: text after the foldout belongs to '一、光猫', which a heading made of the question would take."""
    paths = _paths(_write(tmp_path, "faq2.md", FAQ + "\n光猫背面另有复位孔。\n"))
    assert paths["光猫背面另有"] == ("宽带手册", "一、光猫")
    assert paths["重启光猫一次"] == ("宽带手册", "一、光猫")


def test_a_code_span_beside_emphasis_keeps_its_marks(tmp_path):
    """Emphasis on the same line as inline code: the code is shown and indexed exactly as typed."""
    text = "# 手册\n\n请 _务必_ 设置变量 `max_len_value`，使用 *星号* 计算 `a*b*c`，**注意** ``x__y__z``。\n"
    path = _write(tmp_path, "code.md", text)
    line = load_file(path, path.name).text.split("\n")[2]
    assert line == "请 务必 设置变量 `max_len_value`，使用 星号 计算 `a*b*c`，注意 ``x__y__z``。"
