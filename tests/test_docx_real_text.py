"""Text of Word files as Word writes it, beyond plain runs: equations, content controls, smart tags,
tracked changes. A real Word file of equations (Debian's texlive Latin Modern Math test document) read as
"no text found": python-docx's paragraph text skips all of these. Files written here with python-docx, the
Word XML for the parts it cannot write added as Word writes it."""

from __future__ import annotations

from pathlib import Path

from docx.oxml import parse_xml

from qa.loading import load_file
from qa.structure import recover_outline

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
M = 'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"'


def _sections(path: Path) -> list[tuple[tuple[str, ...], list[str]]]:
    outline = recover_outline(load_file(path))
    return [(s.path, [outline.paragraphs[i].text for i in s.paragraphs]) for s in outline.sections]


def _append(document, xml: str) -> None:  # noqa: ANN001
    body = document.element.body
    body.insert(len(body) - 1, parse_xml(xml))  # before the section properties, as Word keeps them last


def test_an_equation_in_a_paragraph_keeps_its_text(tmp_path):
    import docx

    d = docx.Document()
    d.add_heading("第一章 函数", 1)
    para = d.add_paragraph("函数 ")
    para._p.append(parse_xml(f"<m:oMath {M}><m:r><m:t>f(x)=x+1</m:t></m:r></m:oMath>"))
    para.add_run(" 在区间上连续。")
    _append(d, f"<m:oMathPara {M}><m:oMath><m:r><m:t>a+b=c</m:t></m:r></m:oMath></m:oMathPara>")  # display math
    d.save(str(tmp_path / "math.docx"))
    assert _sections(tmp_path / "math.docx") == [(("第一章 函数",), ["函数 f(x)=x+1 在区间上连续。"])]


def test_a_page_of_equations_alone_is_read(tmp_path):
    import docx

    d = docx.Document()
    para = d.add_paragraph()
    para._p.append(parse_xml(f"<m:oMath {M}><m:r><m:t>E=mc</m:t></m:r></m:oMath>"))
    d.save(str(tmp_path / "only_math.docx"))
    assert load_file(tmp_path / "only_math.docx").text.strip() == "E=mc"


def test_content_controls_smart_tags_and_tracked_changes_are_read_as_word_shows_them(tmp_path):
    import docx

    d = docx.Document()
    d.add_heading("第一章 总体情况", 1)
    d.add_paragraph("今年经济运行总体平稳。")
    _append(  # a block content control (a template's field) holding a heading and its text
        d,
        f"<w:sdt {W}><w:sdtPr><w:alias w:val='正文'/></w:sdtPr><w:sdtContent>"
        "<w:p><w:pPr><w:pStyle w:val='Heading2'/></w:pPr><w:r><w:t>一、工作安排</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>会议在</w:t></w:r>"
        "<w:smartTag w:uri='urn:schemas-microsoft-com:office:smarttags' w:element='place'><w:r><w:t>北京</w:t></w:r>"
        "</w:smartTag><w:ins w:id='1' w:author='a' w:date='2024-01-01T00:00:00Z'><w:r><w:t>市</w:t></w:r></w:ins>"
        "<w:del w:id='2' w:author='a' w:date='2024-01-01T00:00:00Z'><w:r><w:delText>上海</w:delText></w:r></w:del>"
        "<w:sdt><w:sdtPr/><w:sdtContent><w:r><w:t>召开</w:t></w:r></w:sdtContent></w:sdt>"
        "<w:r><w:t>。</w:t></w:r></w:p></w:sdtContent></w:sdt>",
    )
    d.save(str(tmp_path / "controls.docx"))
    top = ("第一章 总体情况",)
    assert _sections(tmp_path / "controls.docx") == [
        (top, ["今年经济运行总体平稳。"]),
        ((*top, "一、工作安排"), ["会议在北京市召开。"]),
    ]


def test_words_generated_table_of_contents_is_not_read(tmp_path):
    import docx

    d = docx.Document()
    _append(
        d,
        f"<w:sdt {W}><w:sdtPr><w:docPartObj><w:docPartGallery w:val='Table of Contents'/><w:docPartUnique/>"
        "</w:docPartObj></w:sdtPr><w:sdtContent>"
        "<w:p><w:r><w:t>目录</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>第一章 总体情况</w:t></w:r><w:r><w:tab/><w:t>1</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>一、工业生产</w:t></w:r><w:r><w:tab/><w:t>2</w:t></w:r></w:p>"
        "</w:sdtContent></w:sdt>",
    )
    d.add_heading("第一章 总体情况", 1)
    d.add_heading("一、工业生产", 2)
    d.add_paragraph("规模以上工业增加值增长百分之五。")
    d.save(str(tmp_path / "toc.docx"))
    assert _sections(tmp_path / "toc.docx") == [
        (("第一章 总体情况", "一、工业生产"), ["规模以上工业增加值增长百分之五。"])
    ]


def test_a_table_cell_keeps_its_equation_and_nested_table(tmp_path):
    import docx

    d = docx.Document()
    d.add_heading("公式表", 1)
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "面积"
    table.cell(0, 1).paragraphs[0]._p.append(parse_xml(f"<m:oMath {M}><m:r><m:t>S=πr</m:t></m:r></m:oMath>"))
    table.cell(0, 1).add_table(rows=1, cols=1).cell(0, 0).text = "圆"
    d.save(str(tmp_path / "table.docx"))
    assert _sections(tmp_path / "table.docx") == [(("公式表",), ["面积 | S=πr 圆"])]


def test_table_cells_saying_the_same_are_two_cells_and_a_merged_cell_is_one(tmp_path):
    # Debian Reference's table of account files, saved by LibreOffice: user and group are both 'root'
    import docx

    d = docx.Document()
    d.add_heading("4.1. 一般的 Unix 认证", 1)
    table = d.add_table(rows=3, cols=4)
    merged = table.cell(0, 0).merge(table.cell(0, 3))
    merged.text = "表 4.1. 三个重要的配置文件"
    for r, row in enumerate(
        [["/etc/passwd", "root", "root", "用户账号信息"], ["/etc/shadow", "root", "shadow", "加密"]]
    ):
        for c, text in enumerate(row):
            table.cell(r + 1, c).text = text
    d.save(str(tmp_path / "table.docx"))
    assert _sections(tmp_path / "table.docx") == [
        (
            ("4.1. 一般的 Unix 认证",),
            [
                "表 4.1. 三个重要的配置文件",
                "/etc/passwd | root | root | 用户账号信息",
                "/etc/shadow | root | shadow | 加密",
            ],
        )
    ]


BOX_NS = (
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:v="urn:schemas-microsoft-com:vml"'
)


def _text_box_run(text: str) -> str:
    """A run holding a text box as Word writes it: twice, as a drawing shape and as a VML fallback copy."""
    box = f"<w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>"
    return (
        "<w:r><mc:AlternateContent><mc:Choice Requires='wps'><w:drawing><wps:wsp>"
        f"<wps:txbx>{box}</wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>"
        f"{box}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )


def test_a_text_box_is_read_once_after_its_anchor_paragraph(tmp_path):
    import docx

    d = docx.Document()
    d.add_heading("第一版 要闻", 1)
    _append(
        d,
        f"<w:p {W} {BOX_NS}>{_text_box_run('本期要点：乡村振兴')}"
        "<w:r><w:t>全市农村人居环境持续改善。</w:t></w:r></w:p>",
    )
    d.save(str(tmp_path / "box.docx"))
    assert _sections(tmp_path / "box.docx") == [
        (("第一版 要闻",), ["全市农村人居环境持续改善。", "本期要点：乡村振兴"])
    ]


def test_a_text_box_in_a_table_cell_is_read_once(tmp_path):
    import docx

    d = docx.Document()
    d.add_heading("设备清单", 1)
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "单元格A"
    cell = table.cell(0, 1)._tc
    cell.remove(cell.findall(f"{{{docx.oxml.ns.nsmap['w']}}}p")[0])
    cell.append(
        parse_xml(f"<w:p {W} {BOX_NS}><w:r><w:t>单元格B</w:t></w:r>{_text_box_run('文本框里的说明')}</w:p>")
    )
    d.save(str(tmp_path / "cell.docx"))
    texts = [t for _, paras in _sections(tmp_path / "cell.docx") for t in paras]
    assert len(texts) == 1 and texts[0].count("文本框里的说明") == 1, texts
