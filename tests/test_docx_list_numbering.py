"""Headings numbered by Word's list numbering (``w:numPr`` on plain paragraphs, bold) head sections.

An author who numbers headings with Word's numbering button (1. 安装 / 1.1 电源连接 …) and makes them bold
has no heading style on them: the file was read as one section. A list level set apart from the body by
type is a heading at its list level; a plain numbered list of items (not set apart) stays a list, each item
with the number Word draws before it ('1. 苹果'), as the reader sees it.
python-docx has no API for numbering definitions: they are written as raw XML into the numbering part.
"""

from __future__ import annotations

from pathlib import Path

from qa.loading import load_file
from qa.structure import recover_outline

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _sections(path: Path) -> list[tuple[tuple[str, ...], list[str]]]:
    outline = recover_outline(load_file(path))
    return [(s.path, [outline.paragraphs[i].text for i in s.paragraphs]) for s in outline.sections]


def _numbering(d) -> None:  # noqa: ANN001 - python-docx Document
    from lxml import etree

    numbering = d.part.numbering_part.numbering_definitions._numbering
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="{text}"/></w:lvl>'
        for i, text in enumerate(["%1.", "%1.%2"])
    )
    numbering.insert(0, etree.fromstring(f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="90">{levels}</w:abstractNum>'))
    numbering.append(etree.fromstring(f'<w:num xmlns:w="{W}" w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))


def _numbered(d, text: str, level: int, bold: bool, style: str | None = None) -> None:  # noqa: ANN001
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    p = d.add_paragraph(style=style)
    p.add_run(text).bold = bold or None
    num = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), str(level))
    num_id = OxmlElement("w:numId")
    num_id.set(qn("w:val"), "90")
    num.append(ilvl)
    num.append(num_id)
    p._p.get_or_add_pPr().insert(0, num)


def test_bold_list_numbered_lines_head_sections_at_their_list_level(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("产品使用手册", style="Title")
    _numbering(d)
    _numbered(d, "安装", 0, True)
    d.add_paragraph("将设备放置在通风干燥处，距离墙面至少十厘米。")
    _numbered(d, "电源连接", 1, True, style="List Paragraph")  # Word sets List Paragraph when numbering is applied
    d.add_paragraph("使用随机附带的电源适配器，输入电压为220伏。")
    _numbered(d, "日常维护", 0, True)
    d.add_paragraph("每月清洁一次滤网，每年更换一次滤芯。")
    d.save(str(tmp_path / "manual.docx"))
    top = "产品使用手册"
    assert _sections(tmp_path / "manual.docx") == [
        ((top, "1. 安装"), ["将设备放置在通风干燥处，距离墙面至少十厘米。"]),
        ((top, "1. 安装", "1.1 电源连接"), ["使用随机附带的电源适配器，输入电压为220伏。"]),
        ((top, "2. 日常维护"), ["每月清洁一次滤网，每年更换一次滤芯。"]),
    ]


def test_a_plain_numbered_list_stays_a_list(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("购物清单", style="Title")
    d.add_paragraph("本周需要采购以下物品。")
    _numbering(d)
    for item in ("苹果", "牛奶", "面包"):
        _numbered(d, item, 0, False, style="List Paragraph")
    d.add_paragraph("请在周五之前采购完毕。")
    d.save(str(tmp_path / "list.docx"))
    assert _sections(tmp_path / "list.docx") == [
        (("购物清单",), ["本周需要采购以下物品。", "1. 苹果", "2. 牛奶", "3. 面包", "请在周五之前采购完毕。"])
    ]
