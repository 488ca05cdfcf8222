"""A 黑体 that sets a bilingual page's Chinese body is the body's face, not bold type.

Where WenQuanYi Zen Hei is installed, Chromium prints a Chinese page without a font-family in it; its name reads
bold-looking ('…ZenHei'), and on a page whose body is mostly English the whole body's share did not clear it, so
short list items of Chinese ('内核模块初始化') read as subheads. Made with reportlab: English in Times, Chinese in
WenQuanYi Zen Hei, headings larger."""

from __future__ import annotations

from pathlib import Path

from qa.loading import load_file
from qa.structure import recover_outline
from tests.reportlab_pages import microhei_canvas

ENGLISH = (
    "This section says what each stage of the boot does, and in which configuration files an administrator can "
    "change how it behaves; the commands below show the state of the units the system started."
)
CHINESE = "这一节说明系统启动时各个阶段做了什么，以及管理员可以在哪些配置文件里调整它们的行为。"


def _page(path: Path) -> None:
    c, (w, h) = microhei_canvas(path, "ZenHei")  # a 黑体 whose name reads so, as Zen Hei's does
    y = h - 60
    for n, name in enumerate(("启动过程概述", "系统消息", "定制系统"), 1):
        c.setFont("ZenHei", 18)
        c.drawString(60, y, f"3.{n}. {name}")
        y -= 28
        for k in range(0, len(ENGLISH), 88):
            c.setFont("Times-Roman", 11)
            c.drawString(60, y, ENGLISH[k : k + 88])
            y -= 15
        for item in ("内核模块初始化", "网络接口初始化"):  # list items: the bullets are drawn, not text
            c.setFont("ZenHei", 11)
            c.drawString(78, y, item)
            y -= 16
        c.drawString(60, y - 6, "本节内容较短。")
        y -= 22
        c.setFont("ZenHei", 11)
        c.drawString(60, y, CHINESE)
        y -= 30
    c.showPage()
    c.save()


def _heads(path: Path) -> set[str]:
    outline = recover_outline(load_file(path))
    return {"".join(p.text.split()) for p in outline.paragraphs if outline.roles.get(p.index) == "heading"}


def test_short_chinese_lines_in_the_body_hei_face_head_nothing(tmp_path) -> None:
    _page(tmp_path / "page.pdf")
    heads = _heads(tmp_path / "page.pdf")
    assert not any("初始化" in h for h in heads), heads
    assert {"3.1.启动过程概述", "3.2.系统消息", "3.3.定制系统"} <= heads, heads
