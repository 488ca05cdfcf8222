"""Which type of a printed page is bold: the page's body face is not, whatever weight the PDF gives it.

Chromium's PDFs give font weights on no common scale (Liberation Sans 225, its Bold 380, the Kai face it picks for
a Chinese page without a font-family, AR PL KaitiM GB, 748). Read as bold, every short line of Chinese in the body
face read as a subhead (Debian Reference's contents page: sixty false headings). Shapes seen on
benchmarks/real_printed.py's TUNING pages (Debian Reference and GIMP help printed by Chromium), our own wording:
short paragraphs and list items of plain Chinese, an admonition's label ('注意'), a command in bold code, a
contents list's title ('目录') in the body's size.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.formats.pdf import read_pdf
from qa.structure import recover_outline
from tests.newspaper_html import CHROMIUM, chromium_browser, print_pdf

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Chromium (/usr/bin/chromium) is not installed")

# A bilingual page (or a contents page of numbered entries): most of its body-size text in a Latin face.
ENGLISH = (
    "This section says what each stage of the boot does, and in which configuration files an administrator can "
    "change how it behaves; the commands below show the state of the units the system started. "
) * 3
STYLE = "code { font-size: 16px }"
TEXT = "这一节说明系统启动时各个阶段做了什么，以及管理员可以在哪些配置文件里调整它们的行为。"


def _print(browser, html: str, path: Path) -> Path:  # noqa: ANN001 - playwright Browser
    # No font-family: the browser's defaults for a Chinese page, as the Debian manuals print (their code at the
    # text's size).
    head = f"<meta charset='utf-8'><style>{STYLE}</style>"
    return print_pdf(browser, f"<!DOCTYPE html><html lang='zh-cn'><head>{head}</head><body>{html}</body></html>", path)


@pytest.fixture(scope="module")
def browser():  # noqa: ANN201
    with chromium_browser() as b:
        yield b


def test_short_lines_of_the_body_face_head_nothing(browser, tmp_path: Path) -> None:
    html = "<h1>第3章 系统初始化</h1><p><b>目录</b></p>"  # a printed chapter's contents list, then its text
    html += "<ul>" + "".join(f"<li>3.{n}. {name}</li>" for n, name in enumerate(("启动过程概述", "系统消息"), 1))
    html += "</ul><p>" + TEXT + "</p>"
    for n, name in enumerate(("启动过程概述", "系统消息", "定制系统"), 1):
        html += f"<h2>3.{n}. {name}</h2><p>{TEXT * 2}</p><p>{ENGLISH}</p>"
        html += "<ul><li>内核模块初始化</li><li>网络接口初始化</li></ul>"
        html += "<p>本节内容较短。</p><p><b>注意</b></p><p>" + TEXT + "</p>"
        html += f"<p>执行 <code><b>systemctl status</b></code> 查看{name}的状态。</p>"
        html += "<p><code><b>sudo systemctl daemon-reload</b></code></p><p>" + TEXT + "</p>"
    outline = recover_outline(read_pdf(_print(browser, html, tmp_path / "weights.pdf"), "weights.pdf"))
    heads = {"".join(p.text.split()) for p in outline.paragraphs if outline.roles.get(p.index) == "heading"}
    assert heads == {"第3章系统初始化", "3.1.启动过程概述", "3.2.系统消息", "3.3.定制系统"}
    last = {"".join(t.split()) for s in outline.sections for t in s.path[-1:]}
    assert "注意" not in last and "本节内容较短。" not in last and "目录" not in last
