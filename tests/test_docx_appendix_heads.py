"""A GB/T standard's appendix head, as the national-standard template writes it: three paragraphs in the '附录标识'
style (an outline level), its label, its nature and its title ('附录A' / '（规范性）' / '活体检测测试方法'). Read
as three headings, the label and the nature headed nothing and only the title was kept, so a user asking within
'附录A' found no such section. The head is one heading '附录A 活体检测测试方法', the nature a line under it."""

from __future__ import annotations

from qa.loading import load_file
from qa.structure import recover_outline


def test_an_appendix_label_nature_and_title_read_as_one_heading(tmp_path):
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    d = docx.Document()
    chapter = d.styles.add_style("章标题", 1)
    chapter.base_style = d.styles["Normal"]
    appendix = d.styles.add_style("附录标识", 1)
    appendix.base_style = d.styles["Normal"]
    for style in (chapter, appendix):
        level = OxmlElement("w:outlineLvl")
        level.set(qn("w:val"), "0")
        style.element.get_or_add_pPr().append(level)
    d.add_paragraph("6  测试方法", style="章标题")
    d.add_paragraph("活体检测按附录A的方法进行。")
    for text in ("附录A", "（规范性）", "活体检测测试方法"):
        d.add_paragraph(text, style="附录标识")
    d.add_paragraph("每类攻击样本不少于50个。")
    for text in ("附录B", "（资料性附录）", "数据安全自评估表"):
        d.add_paragraph(text, style="附录标识")
    d.add_paragraph("共12个评估项，每项1分。")
    d.save(str(tmp_path / "gbt.docx"))
    outline = recover_outline(load_file(tmp_path / "gbt.docx"))
    sections = {s.path: [outline.paragraphs[i].text for i in s.paragraphs] for s in outline.sections}
    assert sections == {
        ("6 测试方法",): ["活体检测按附录A的方法进行。"],
        ("附录A 活体检测测试方法",): ["（规范性）", "每类攻击样本不少于50个。"],
        ("附录B 数据安全自评估表",): ["（资料性附录）", "共12个评估项，每项1分。"],
    }
