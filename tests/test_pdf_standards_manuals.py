"""Manuals numbered like a standard ('1 产品简介', '1.1 产品特点', '2 安装' …) whose chapters hold numbered lists of
steps ('1 取出前后面板', '2 按开孔图开孔' …): the steps are text of their chapter, never chapters of their own, and
the real chapters that repeat their numbers later stay the outline, under the manual's title.

Made by reportlab, heads at the body's size (nothing in the type marks them), as ``test_pdf_standards`` makes its
standards.
"""

from __future__ import annotations

from pathlib import Path

from qa.loading import load_file
from qa.structure import recover_outline
from tests.test_pdf_standards import _reportlab_pdf

TITLE = "智能门锁使用说明书"


def _path_of(outline, start: str) -> list[str]:
    for section in outline.sections:
        for i in section.paragraphs:
            if outline.paragraphs[i].text.replace(" ", "").startswith(start.replace(" ", "")):
                return list(section.path)
    raise AssertionError(f"no paragraph starts with {start!r}")


def _manual(steps: list[tuple[str, str]], last: list[tuple[str, str]] | None = None) -> list[tuple[str, str]]:
    """The manual: chapter 2 holds ``steps``; chapter 4 ends with ``last`` (more steps) if given."""
    lines = [
        ("cover", TITLE),
        ("head", "1 产品简介"),
        ("text", "本产品是一款支持指纹、密码和刷卡开锁的智能门锁，适用于家庭和办公室。"),
        ("head", "1.1 产品特点"),
        ("text", "采用半导体指纹识别模块，识别速度快，误识率低，支持一百组指纹。"),
        ("head", "1.2 技术参数"),
        ("text", "工作电压为六伏，静态电流小于六十微安，使用四节五号碱性电池供电。"),
        ("head", "2 安装"),
        ("text", "安装前请确认门厚在四十毫米到一百二十毫米之间。安装步骤如下："),
        *steps,
        ("text", "安装完成后请检查门锁开关是否顺畅，如有卡顿请调整锁体位置。"),
        ("head", "3 使用方法"),
        ("text", "首次使用时请先设置管理员密码，然后再录入用户指纹。"),
        ("head", "3.1 录入指纹"),
        ("text", "进入菜单后选择用户管理，按提示将手指平放在指纹采集器上三次。"),
        ("head", "3.2 修改密码"),
        ("text", "进入菜单后选择密码管理，输入旧密码后再输入两次新密码即可完成修改。"),
        ("head", "4 维护保养"),
        ("text", "请勿使用腐蚀性物质清洁门锁表面，电池电量低时请及时更换。"),
    ]
    return lines + (last or [])


def _assert_chapters(outline) -> None:
    """Every chapter where its numbering puts it, under the title; no step is a section."""
    assert _path_of(outline, "安装前请确认") == [TITLE, "2 安装"]
    assert _path_of(outline, "安装完成后") == [TITLE, "2 安装"]
    assert _path_of(outline, "首次使用时") == [TITLE, "3 使用方法"]
    assert _path_of(outline, "进入菜单后选择用户") == [TITLE, "3 使用方法", "3.1 录入指纹"]
    assert _path_of(outline, "进入菜单后选择密码") == [TITLE, "3 使用方法", "3.2 修改密码"]
    assert _path_of(outline, "请勿使用") == [TITLE, "4 维护保养"]
    assert _path_of(outline, "采用半导体") == [TITLE, "1 产品简介", "1.1 产品特点"]


def test_steps_continuing_the_chapter_numbers_stay_text(tmp_path: Path) -> None:
    """Steps 1–4 inside chapter 2: '3 安装锁体' and '4 固定后面板' continue the chapters' count, but the list restarted
    at 1 under chapter 2 and the real '3 使用方法' and '4 维护保养' repeat those numbers later."""
    steps = [("text", t) for t in ("1 取出前后面板", "2 按开孔图开孔", "3 安装锁体", "4 固定后面板")]
    outline = recover_outline(load_file(_reportlab_pdf(tmp_path / "manual.pdf", _manual(steps))))
    _assert_chapters(outline)
    assert _path_of(outline, "3 安装锁体") == [TITLE, "2 安装"]
    assert _path_of(outline, "4 固定后面板") == [TITLE, "2 安装"]


def test_steps_with_text_between_them_restart_at_one(tmp_path: Path) -> None:
    """A list restarting at 1 inside chapter 2, a sentence after each step; step 3 is the chapters' next number and
    nothing but the real chapter 3 later says it is not one."""
    steps: list[tuple[str, str]] = []
    for step, note in (
        ("1 断开电源", "拆下电池盒盖并取出全部电池，等待十秒后再继续操作。"),
        ("2 拆下旧锁", "用十字螺丝刀拧下后面板的四颗固定螺丝，取下旧锁体。"),
        ("3 装入新锁", "将新锁体推入锁孔，使斜舌方向与开门方向一致后拧紧螺丝。"),
    ):
        steps += [("text", step), ("text", note)]
    outline = recover_outline(load_file(_reportlab_pdf(tmp_path / "manual.pdf", _manual(steps))))
    _assert_chapters(outline)
    assert _path_of(outline, "将新锁体推入") == [TITLE, "2 安装"]


def test_steps_in_the_last_chapter_run_past_its_number(tmp_path: Path) -> None:
    """Six steps in the last chapter: '5 更换电池' and '6 装回盖板' would be chapters 5 and 6 by count alone; they
    stand right under the steps before them."""
    steps = [("text", t) for t in ("1 取出前后面板", "2 按开孔图开孔")]
    last = [("text", "更换电池的步骤如下：")]
    last += [
        ("text", f"{n} {t}")
        for n, t in enumerate(["拧下螺丝", "打开盖板", "取出电池", "检查触点", "更换电池", "装回盖板"], 1)
    ]
    last += [("text", "更换完成后请按任意键唤醒门锁，确认屏幕显示正常。")]
    outline = recover_outline(load_file(_reportlab_pdf(tmp_path / "manual.pdf", _manual(steps, last))))
    _assert_chapters(outline)
    assert _path_of(outline, "更换完成后") == [TITLE, "4 维护保养"]
    assert _path_of(outline, "6 装回盖板") == [TITLE, "4 维护保养"]
