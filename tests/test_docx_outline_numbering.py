"""Headings numbered by the word processor's outline numbering carry the number the reader sees: '第一章 总则', not
'总则'. The number is not in the text; it is drawn from numbering.xml. LibreOffice writes its '一, 二, 三' outline
numbering as Word's taiwaneseCountingThousand format, which drew nothing: a user asking about '第二章' found a
section the file called '职责'. The file is made by LibreOffice itself from a flat ODF text with outline numbering;
a comment Word shows in the margin (python-docx's own comments API) is no text of the section."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import docx
import pytest

from qa.loading import load_file
from qa.structure import recover_outline

FODT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3"
 office:mimetype="application/vnd.oasis.opendocument.text">
<office:styles>
<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph"
 style:default-outline-level="1"><style:text-properties fo:font-size="16pt" fo:font-weight="bold"/></style:style>
<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph"
 style:default-outline-level="2"><style:text-properties fo:font-size="14pt" fo:font-weight="bold"/></style:style>
<text:outline-style style:name="Outline">
<text:outline-level-style text:level="1" style:num-prefix="第" style:num-suffix="章"
 style:num-format="一, 二, 三, ..."/>
<text:outline-level-style text:level="2" style:num-format="1" text:display-levels="2"/>
</text:outline-style>
</office:styles>
<office:body><office:text>
<text:h text:style-name="Heading_20_1" text:outline-level="1">总则</text:h>
<text:p>为规范管理，制定本办法。</text:p>
<text:h text:style-name="Heading_20_2" text:outline-level="2">目的</text:h>
<text:p>明确职责分工，提高工作效率。</text:p>
<text:h text:style-name="Heading_20_1" text:outline-level="1">职责</text:h>
<text:p>各部门负责人对本部门工作负责。</text:p>
<text:h text:style-name="Heading_20_2" text:outline-level="2">部门职责</text:h>
<text:p>部门按照分工开展工作。</text:p>
</office:text></office:body></office:document>
"""


def _sections(path: Path) -> dict[tuple[str, ...], list[str]]:
    outline = recover_outline(load_file(path))
    return {s.path: [outline.paragraphs[i].text for i in s.paragraphs] for s in outline.sections}


@pytest.mark.skipif(not (shutil.which("soffice") or shutil.which("libreoffice")), reason="LibreOffice not installed")
def test_libreoffice_outline_numbering_in_chinese_counting_names_the_chapters(tmp_path):
    source = tmp_path / "办法.fodt"
    source.write_text(FODT, encoding="utf-8")
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    cmd = [soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless", "--norestore"]
    cmd += ["--convert-to", "docx:MS Word 2007 XML", "--outdir", str(tmp_path), str(source)]
    subprocess.run(cmd, check=True, capture_output=True, timeout=300)
    sections = _sections(tmp_path / "办法.docx")
    assert sections[("第二章 职责",)] == ["各部门负责人对本部门工作负责。"]
    # the level below shows each level's number in its own format, as Word and LibreOffice draw '%1.%2'
    assert sections[("第二章 职责", "二.1 部门职责")] == ["部门按照分工开展工作。"]
    assert sections[("第一章 总则", "一.1 目的")] == ["明确职责分工，提高工作效率。"]


def test_a_comment_in_the_margin_is_not_text_of_the_section(tmp_path):
    d = docx.Document()
    d.add_heading("第一章 总则", 1)
    paragraph = d.add_paragraph("本办法自发布之日起施行。")
    d.add_comment(paragraph.runs, text="这里要写明具体日期吗？", author="审阅人", initials="SY")
    d.add_heading("第二章 附则", 1)
    d.add_paragraph("本办法由办公室负责解释。")
    d.save(str(tmp_path / "commented.docx"))
    sections = _sections(tmp_path / "commented.docx")
    assert sections[("第一章 总则",)] == ["本办法自发布之日起施行。"]
    assert not any("具体日期" in t for texts in sections.values() for t in texts)


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def test_paragraphs_with_an_outline_level_and_list_numbering_show_it_as_typed(tmp_path):
    """A WPS/Word file whose heads are plain paragraphs with an outline level (the navigation pane's) and Word's list
    numbering '%1、' / '（%2）': the path names them as the page shows them and as people type them, the number
    against its words ('一、工作目标', not '工作目标' nor '一、 工作目标')."""
    from lxml import etree

    d = docx.Document()
    d.add_paragraph("x", style="List Number")  # (python-docx adds its numbering part with a list style)
    numbering = d.part.numbering_part.element
    levels = "".join(
        f'<w:lvl w:ilvl="{k}"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
        for k, text in enumerate(["%1、", "（%2）"])
    )
    numbering.insert(0, etree.fromstring(f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="77">{levels}</w:abstractNum>'))
    numbering.append(etree.fromstring(f'<w:num xmlns:w="{W}" w:numId="77"><w:abstractNumId w:val="77"/></w:num>'))
    d.element.body.remove(d.element.body[0])

    def add(text: str, level: int | None = None) -> None:
        paragraph = d.add_paragraph(text)
        if level is not None:
            properties = paragraph._p.get_or_add_pPr()
            properties.append(
                etree.fromstring(f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="{level}"/><w:numId w:val="77"/></w:numPr>')
            )
            properties.append(etree.fromstring(f'<w:outlineLvl xmlns:w="{W}" w:val="{level}"/>'))

    add("工作目标", 0)
    add("全年完成各项任务。")
    add("主要措施", 0)
    add("加强组织领导", 1)
    add("成立领导小组。")
    d.save(str(tmp_path / "plan.docx"))
    sections = _sections(tmp_path / "plan.docx")
    assert sections[("一、工作目标",)] == ["全年完成各项任务。"]
    assert sections[("二、主要措施", "（一）加强组织领导")] == ["成立领导小组。"]
