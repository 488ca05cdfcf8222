"""Web pages printed to PDF by Chromium (through playwright) and LibreOffice: what a help page's print looks like.

Shapes seen on benchmarks/real_printed.py's TUNING pages (GIMP's and Debian Reference's DocBook help printed by
Chromium and LibreOffice), rebuilt here with pages of our own wording:

- a chapter's title and its sections' titles in ONE type (GIMP's CSS sets h1 and h2 alike): the section
  numbers' depth ("3." / "3.1.") is all that nests them;
- a figure's caption set in that same type ("图 3.1. …"): a paragraph of its section, not a heading;
- a table whose header row and code cells print bold (LibreOffice prints each cell a line): cells, not subheads.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from qa.formats.pdf import read_pdf
from qa.structure import recover_outline
from tests.newspaper_html import CHROMIUM, chromium_browser, print_pdf

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Chromium (/usr/bin/chromium) is not installed")

STYLE = """
body { font-family: 'WenQuanYi Micro Hei', sans-serif; font-size: 13px; margin: 0 3em }
h1, h2, .title { font-size: 16px; font-weight: bold }
table { border-collapse: collapse } td, th { padding: 2px 14px; text-align: left }
"""

TEXT = "这一节说明如何在菜单中找到这个命令，以及它对当前图像做了什么，读者照着做一遍即可。" * 3


def _print(browser, html: str, path: Path) -> Path:  # noqa: ANN001 - playwright Browser
    head = f"<meta charset='utf-8'><style>{STYLE}</style>"
    return print_pdf(browser, f"<!DOCTYPE html><html><head>{head}</head><body>{html}</body></html>", path)


def _bare(text: str) -> str:
    return "".join(text.split())  # the reader may join a section number to its title without the space


def _sections(path: Path) -> tuple[dict[str, tuple[str, ...]], set[str]]:
    """Each paragraph's section path, and the set of heading texts (compared without spaces)."""
    outline = recover_outline(read_pdf(path, path.name))
    path_of = {}
    for section in outline.sections:
        for i in section.paragraphs:
            path_of[_bare(outline.paragraphs[i].text)] = tuple(_bare(t) for t in section.path)
    heads = {_bare(p.text) for p in outline.paragraphs if outline.roles.get(p.index) == "heading"}
    return path_of, heads


def _under(path_of: dict[str, tuple[str, ...]], start: str) -> tuple[str, ...]:
    return next(path for text, path in path_of.items() if text.startswith(_bare(start)))


@pytest.fixture(scope="module")
def browser():  # noqa: ANN201
    with chromium_browser() as b:
        yield b


def test_sections_in_their_chapters_type_nest_by_number(browser, tmp_path: Path) -> None:
    html = "<h1>3. 滤镜菜单</h1><p>第一段：" + TEXT + "</p>"
    for n, name in enumerate(("激活子菜单", "刷新脚本", "Script-Fu Console"), 1):
        html += f"<h2>3.{n}. {name}</h2><p>第{n + 1}段：{TEXT}</p>"
    path_of, heads = _sections(_print(browser, html, tmp_path / "nested.pdf"))
    assert {"3.滤镜菜单", "3.1.激活子菜单", "3.3.Script-FuConsole"} <= heads
    assert _under(path_of, "第一段") == ("3.滤镜菜单",)
    # the user cites "3. 滤镜菜单 › 3.2. 刷新脚本", not a section "3.2" beside its chapter
    assert _under(path_of, "第3段") == ("3.滤镜菜单", "3.2.刷新脚本")
    assert _under(path_of, "第4段") == ("3.滤镜菜单", "3.3.Script-FuConsole")


def test_a_caption_in_heading_type_stays_text_of_its_section(browser, tmp_path: Path) -> None:
    html = (
        "<h1>5. 图层</h1><p>第一段：" + TEXT + "</p>"
        "<p class='title'>图 5.1. 图层对话框</p><p>第二段：" + TEXT + "</p>"
        "<h1>6. 通道</h1><p>第三段：" + TEXT + "</p>"
    )
    path_of, heads = _sections(_print(browser, html, tmp_path / "caption.pdf"))
    assert "图5.1.图层对话框" not in heads
    assert _under(path_of, "图 5.1.") == ("5.图层",)
    assert _under(path_of, "第二段") == ("5.图层",)  # not filed under the caption
    assert _under(path_of, "第三段") == ("6.通道",)


def _soffice_print(html: str, folder: Path) -> Path:
    """The page printed by LibreOffice (Writer/Web → PDF), the way a user converts a saved page."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed (Debian: libreoffice-writer-nogui)")
    page = folder / "page.html"
    # Writer/Web leaves the page's first block off its print (a blank first page): a line to lose comes first.
    body = f"<p>打印的网页</p>{html}"
    page.write_text(f"<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>{body}</body></html>", "utf-8")
    profile = (folder / "profile").as_uri()
    cmd = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", "pdf"]
    subprocess.run([*cmd, "--outdir", str(folder), str(page)], capture_output=True, timeout=300)
    if not (folder / "page.pdf").is_file():
        pytest.fail("soffice did not print the page")
    return folder / "page.pdf"


def test_bold_table_cells_are_not_subheads(tmp_path: Path) -> None:
    rows = "".join(
        f"<tr><td><b>/etc/{name}</b></td><td><b>-rw-r--r--</b></td><td><b>root</b></td><td>{what}</td></tr>"
        for name, what in (("passwd", "用户账号信息"), ("shadow", "加密的密码"), ("group", "组信息"))
    )
    html = (
        "<h1>4.1. 一般的认证</h1><p>第一段：" + TEXT + "</p>"
        f"<table><tr><th>文件</th><th>权限</th><th>用户</th><th>说明</th></tr>{rows}</table>"
        "<p>第二段：" + TEXT + "</p><h1>4.2. 管理账号</h1><p>第三段：" + TEXT + "</p>"
    )
    path_of, heads = _sections(_soffice_print(html, tmp_path))
    assert heads == {"4.1.一般的认证", "4.2.管理账号"}
    assert _under(path_of, "第二段") == ("4.1.一般的认证",)
    assert _under(path_of, "第三段") == ("4.2.管理账号",)


def test_a_paragraph_ending_on_a_bold_word_is_one_paragraph(browser, tmp_path: Path) -> None:
    # The paragraph wraps right before its last words, set bold: a manual page's name in a help page's sentence.
    # The measure is 30 ideographs, so the 60 before the name fill two lines and the name wraps to a third.
    sentence = (
        "第二段：单元由它们的配置文件定义，描述由系统控制和监管的文件系统挂载点，"
        "其中每个单元的详细写法和可用的选项都请参见手册页"
    )
    assert len(sentence) == 60
    html = (
        "<div style='width: 30em'><h1>3.2. 初始化</h1><p>第一段：" + TEXT + "</p>"
        "<p>" + sentence + "<b>systemd.mount(5)</b>.</p><p>第三段：" + TEXT + "</p>"
        "<h1>3.3. 系统消息</h1><p>第四段：" + TEXT + "</p></div>"
    )
    path_of, heads = _sections(_print(browser, html, tmp_path / "runon.pdf"))
    assert heads == {"3.2.初始化", "3.3.系统消息"}
    assert _under(path_of, "第三段") == ("3.2.初始化",)


def test_a_large_icon_heads_no_section(browser, tmp_path: Path) -> None:
    # LibreOffice's help prints its menu's large '⌄' over the page: type larger than any heading, no words.
    html = (
        "<div style='font-size:44px'>⌄</div>"
        "<h1>编辑图表标题</h1><p>第一段：" + TEXT + "</p><h1>相关主题</h1><p>第二段：" + TEXT + "</p>"
    )
    path_of, heads = _sections(_print(browser, html, tmp_path / "icon.pdf"))
    assert heads == {"编辑图表标题", "相关主题"}
    assert _under(path_of, "第一段") == ("编辑图表标题",)
    assert _under(path_of, "第二段") == ("相关主题",)


def test_a_heading_a_little_larger_than_the_body_ranks_above_a_bold_one(browser, tmp_path: Path) -> None:
    # LibreOffice prints DocBook's h1 at 14 pt and h2 bold at the body's 12 pt: two levels, though neither is
    # headline type (25% over the body).
    style = "<style>h1 { font-size: 18px } h2 { font-size: 16px } body { font-size: 16px }</style>"
    html = style + "<h1>使用说明</h1><p>第一段：" + TEXT + "</p>"
    html += "<h2>安装</h2><p>第二段：" + TEXT + "</p><h2>卸载</h2><p>第三段：" + TEXT + "</p>"
    html += "<h1>常见问题</h1><p>第四段：" + TEXT + "</p>"
    path_of, heads = _sections(_print(browser, html, tmp_path / "ranks.pdf"))
    assert heads == {"使用说明", "安装", "卸载", "常见问题"}
    assert _under(path_of, "第二段") == ("使用说明", "安装")
    assert _under(path_of, "第三段") == ("使用说明", "卸载")
    assert _under(path_of, "第四段") == ("常见问题",)


def test_a_title_beside_a_logo_in_a_layout_table_still_heads(browser, tmp_path: Path) -> None:
    # Old project pages set their title in a table beside the logos: headline type there is the page's heading.
    html = (
        "<table><tr><td>项目标志</td><td><h1 style='font-size:32px'>文档处理工具库</h1></td></tr></table>"
        "<h2>如何参与</h2><p>第一段：" + TEXT + "</p><h2>相关链接</h2><p>第二段：" + TEXT + "</p>"
    )
    path_of, heads = _sections(_print(browser, html, tmp_path / "layout.pdf"))
    assert "文档处理工具库" in heads
    assert _under(path_of, "第一段") == ("文档处理工具库", "如何参与")


def test_a_caption_right_under_a_heading_is_not_part_of_it(browser, tmp_path: Path) -> None:
    # GIMP's pages open a section with its figure: the caption in heading type right under the section's title.
    html = (
        "<h1>5. 图层</h1><p class='title'>图 5.1. 图层对话框</p><p>第一段：" + TEXT + "</p>"
        "<h1>6. 通道</h1><p>第二段：" + TEXT + "</p>"
    )
    path_of, heads = _sections(_print(browser, html, tmp_path / "caption_under.pdf"))
    assert heads == {"5.图层", "6.通道"}
    assert _under(path_of, "图5.1.") == ("5.图层",)


def test_a_long_latin_section_title_is_a_heading(browser, tmp_path: Path) -> None:
    # GIMP's English titles in its Chinese help: seven words are a heading, not a paragraph (forty characters
    # of Latin text are as wide as twenty CJK characters).
    title = "7.33.1. Activating the Transparency Submenu of the Layer Menu"
    html = f"<h1>7.33. 透明子菜单</h1><p>第一段：{TEXT}</p><h2>{title}</h2><p>第二段：{TEXT}</p>"
    path_of, heads = _sections(_print(browser, html, tmp_path / "latin.pdf"))
    assert _bare(title) in heads
    assert _under(path_of, "第二段") == ("7.33.透明子菜单", _bare(title))


def test_an_unnumbered_title_inside_a_numbered_section_closes_no_section(browser, tmp_path: Path) -> None:
    # DocBook prints a list's title ("The Script-Fu Console Buttons") in its sections' type, unnumbered.
    html = (
        "<h1>3. 滤镜菜单</h1><p>第一段：" + TEXT + "</p><h2>3.1. 控制台</h2><p>第二段：" + TEXT + "</p>"
        "<p class='title'>控制台的按钮</p><p>第三段：" + TEXT + "</p>"
        "<h2>3.2. 启动服务器</h2><p>第四段：" + TEXT + "</p>"
    )
    path_of, heads = _sections(_print(browser, html, tmp_path / "unnumbered.pdf"))
    assert {"3.滤镜菜单", "3.1.控制台", "3.2.启动服务器"} <= heads
    assert _under(path_of, "第四段") == ("3.滤镜菜单", "3.2.启动服务器")
    assert _under(path_of, "第三段")[:2] == ("3.滤镜菜单", "3.1.控制台")  # under the list's title or not


def test_a_bold_cell_centred_beside_a_two_line_cell_is_no_subhead(browser, tmp_path: Path) -> None:
    # A browser centres a one-line cell between the two lines of the cell beside it: a row is found by lines
    # side by side, not by the cell's next line under its first.
    rows = "".join(
        f"<tr><td>{what}<br>（{note}）</td><td><b>{command}</b></td></tr>"
        for what, note, command in (
            ("遮掩服务", "链接到空设备", '"systemctl mask $unit"'),
            ("解除遮掩", "删除那个链接", '"systemctl unmask $unit"'),
            ("重新载入", "所有配置文件", '"systemctl daemon-reload"'),
        )
    )
    html = (
        "<h1>3.5. 系统管理</h1><p>第一段：" + TEXT + "</p><p>" + TEXT + "</p>"
        f"<table>{rows}</table><p>第二段：" + TEXT + "</p><p>" + TEXT + "</p>"
        "<h1>3.6. 系统监控</h1><p>第三段：" + TEXT + "</p>"
    )  # a manual's chapter: more text than table (a page all table reads as columns)
    path_of, heads = _sections(_print(browser, html, tmp_path / "centred.pdf"))
    assert heads == {"3.5.系统管理", "3.6.系统监控"}
    assert _under(path_of, "第二段") == ("3.5.系统管理",)


def test_bold_subheads_set_tight_in_a_notice_stay_headings(browser, tmp_path: Path) -> None:
    # A notice printed with no space between paragraphs: a bold subhead right under a paragraph's finished last
    # line, and one over a short line, are subheads (not a bold word running on in the paragraph).
    tight = "style='margin: 0; line-height: 1.0'"
    html = (
        "<h1>关于举办培训班的通知</h1>"
        f"<p {tight}>各单位：" + TEXT + "</p>"
        f"<p {tight}><b>培训时间和地点</b></p><p {tight}>时间：三月五日</p><p {tight}>地点：三楼会议室</p>"
        f"<p {tight}>报名须知：" + TEXT + "</p>"
        f"<p {tight}><b>联系方式</b></p><p {tight}>张三</p><p {tight}>电话：12345678</p>"
    )
    path_of, heads = _sections(_print(browser, html, tmp_path / "notice.pdf"))
    assert {"培训时间和地点", "联系方式"} <= heads
    assert _under(path_of, "时间：三月五日")[-1] == "培训时间和地点"
    assert _under(path_of, "电话")[-1] == "联系方式"


def test_a_reports_back_matter_after_its_last_subsection_is_a_section_of_its_own(browser, tmp_path: Path) -> None:
    # Every heading in one type: the numbers nest 1 › 1.1; 结论 and 参考文献 after 2.1 are the report's own parts.
    html = (
        "<h1>1 项目概况</h1><p>第一段：" + TEXT + "</p><h2>1.1 项目背景</h2><p>第二段：" + TEXT + "</p>"
        "<h1>2 投资估算</h1><p>第三段：" + TEXT + "</p><h2>2.1 资金来源</h2><p>第四段：" + TEXT + "</p>"
        "<h2>结论与建议</h2><p>第五段：综上所述，本项目建设条件成熟，建议尽快立项实施。</p>"
        "<h2>参考文献</h2><p>第六段：国家旅游局，旅游景区质量等级评定办法，二〇一二年。</p>"
    )
    path_of, _ = _sections(_print(browser, html, tmp_path / "report.pdf"))
    assert _under(path_of, "第四段") == ("2投资估算", "2.1资金来源")
    assert _under(path_of, "第五段") == ("结论与建议",)
    assert _under(path_of, "第六段") == ("参考文献",)
