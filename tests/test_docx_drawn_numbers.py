"""Word's automatic numbers on ordinary paragraphs are part of the text the reader sees.

Regulations typed with Word's numbering ('第%1章' chapters, '第%2条' articles on Normal paragraphs), GB/T clauses
numbered by their style ('4.1.1'), numbered list items ('1.' '2.'), the GB/T template's appendices (upperLetter
'附录A', 'A.1'): the numbers are not in the file's text but drawn from numbering.xml. They were lost, so
'第九条规定了什么' found nothing. Counting follows Word: articles run on across chapters (``w:lvlRestart`` 0), lists
sharing a definition continue, a list with ``w:startOverride`` restarts. python-docx has no API for numbering
definitions: they are written as raw XML into the numbering part.
"""

from __future__ import annotations

from pathlib import Path

from qa.loading import load_file
from qa.structure import recover_outline

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _sections(path: Path) -> list[tuple[tuple[str, ...], list[str]]]:
    outline = recover_outline(load_file(path))
    return [(s.path, [outline.paragraphs[i].text for i in s.paragraphs]) for s in outline.sections]


def _define(d, aid: int, levels: str, nums: dict[int, str]) -> None:  # noqa: ANN001 - python-docx Document
    """An abstract list ``aid`` with the given w:lvl XML, and lists numId -> their w:num children beside the link."""
    from lxml import etree

    if not d.paragraphs:
        d.add_paragraph("x", style="List Number")  # (python-docx adds its numbering part with a list style)
        d.paragraphs[0]._p.getparent().remove(d.paragraphs[0]._p)
    numbering = d.part.numbering_part.element
    numbering.insert(
        0, etree.fromstring(f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="{aid}">{levels}</w:abstractNum>')
    )
    for num_id, extra in nums.items():
        numbering.append(
            etree.fromstring(f'<w:num xmlns:w="{W}" w:numId="{num_id}"><w:abstractNumId w:val="{aid}"/>{extra}</w:num>')
        )


def _number(element, num_id: int, level: int) -> None:  # noqa: ANN001 - lxml w:p or w:style
    from lxml import etree

    pr = element.find(f"{{{W}}}pPr")
    if pr is None:
        pr = etree.SubElement(element, f"{{{W}}}pPr")
        element.insert(0, pr)
    pr.insert(
        0, etree.fromstring(f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>')
    )


def _lvl(level: int, fmt: str, text: str, extra: str = "") -> str:
    return (
        f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{extra}'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
    )


def test_regulation_articles_numbered_by_word_read_as_typed_and_run_on_across_chapters(tmp_path):
    import docx

    d = docx.Document()
    levels = _lvl(0, "chineseCounting", "第%1章") + _lvl(1, "chineseCounting", "第%2条", '<w:lvlRestart w:val="0"/>')
    _define(d, 77, levels, {77: ""})
    d.add_paragraph().add_run("考勤与休假管理制度").bold = True
    body = [
        ("总则", ["为规范考勤管理，制定本制度。", "本制度适用于全体员工。"]),
        ("考勤管理", ["工作时间为周一至周五。", "迟到30分钟以内的，每次扣款50元。", "连续旷工3天的，可以解除合同。"]),
        ("休假管理", ["年休假5天。", "病假工资按基本工资的80%发放。", "婚假为3天。"]),
        ("附则", ["本制度由人力资源部负责解释。"]),
    ]
    for chapter, articles in body:
        p = d.add_paragraph()
        p.add_run(chapter).bold = True
        _number(p._p, 77, 0)
        for article in articles:
            _number(d.add_paragraph(article)._p, 77, 1)
    d.save(str(tmp_path / "rules.docx"))
    sections = dict(_sections(tmp_path / "rules.docx"))
    assert sections[("第二章 考勤管理",)] == [
        "第三条 工作时间为周一至周五。",
        "第四条 迟到30分钟以内的，每次扣款50元。",
        "第五条 连续旷工3天的，可以解除合同。",
    ]
    assert sections[("第四章 附则",)] == ["第九条 本制度由人力资源部负责解释。"]


def test_lists_sharing_a_definition_count_on_and_a_start_override_restarts(tmp_path):
    import docx

    d = docx.Document()
    override = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'
    _define(d, 80, _lvl(0, "decimal", "%1."), {81: "", 82: "", 83: override})
    d.add_paragraph("采购须知如下。")
    for num_id, item in ((81, "填写申请单"), (81, "部门负责人签字"), (82, "报财务部审核"), (83, "签订合同")):
        _number(d.add_paragraph(item)._p, num_id, 0)
    d.add_paragraph("以上步骤缺一不可。")
    d.save(str(tmp_path / "steps.docx"))
    texts = [text for _, paragraphs in _sections(tmp_path / "steps.docx") for text in paragraphs]
    assert texts == [
        "采购须知如下。",
        "1. 填写申请单",
        "2. 部门负责人签字",
        "3. 报财务部审核",  # another list of the same definition continues its numbering
        "1. 签订合同",  # "restart numbering"
        "以上步骤缺一不可。",
    ]


def test_gbt_clauses_and_letter_appendices_numbered_by_their_styles(tmp_path):
    import docx

    d = docx.Document()
    clause_levels = _lvl(0, "decimal", "%1") + _lvl(1, "decimal", "%1.%2") + _lvl(2, "decimal", "%1.%2.%3")
    _define(d, 60, clause_levels, {60: ""})
    _define(d, 61, _lvl(0, "upperLetter", "附录%1") + _lvl(1, "decimal", "%1.%2"), {61: ""})
    _number(d.styles["Heading 1"].element, 60, 0)
    _number(d.styles["Heading 2"].element, 60, 1)
    clause = d.styles.add_style("无标题条", 1)
    clause.base_style = d.styles["Normal"]
    _number(clause.element, 60, 2)
    appendix = d.styles.add_style("附录标识", 1)
    appendix.base_style = d.styles["Heading 1"]
    _number(appendix.element, 61, 0)
    appendix_clause = d.styles.add_style("附录一级条", 1)
    appendix_clause.base_style = d.styles["Heading 2"]
    _number(appendix_clause.element, 61, 1)
    d.add_heading("范围", 1)
    d.add_paragraph("本文件规定了智能门锁的数据安全要求。")
    d.add_heading("数据安全要求", 1)
    d.add_heading("数据存储", 2)
    d.add_paragraph("生物特征模板应存储在本地安全芯片中。", style="无标题条")
    d.add_paragraph("开锁记录在本地保存不应少于180天。", style="无标题条")
    d.add_paragraph("活体检测测试方法", style="附录标识")
    d.add_paragraph("测试样本", style="附录一级条")
    d.add_paragraph("每类攻击样本不少于50个。")
    d.save(str(tmp_path / "gbt.docx"))
    assert _sections(tmp_path / "gbt.docx") == [
        (("1 范围",), ["本文件规定了智能门锁的数据安全要求。"]),
        (
            ("2 数据安全要求", "2.1 数据存储"),
            ["2.1.1 生物特征模板应存储在本地安全芯片中。", "2.1.2 开锁记录在本地保存不应少于180天。"],
        ),
        (("附录A 活体检测测试方法", "A.1 测试样本"), ["每类攻击样本不少于50个。"]),
    ]


def test_under_styled_headings_a_drawn_number_heads_only_where_it_continues_its_heading(tmp_path):
    """'4.1.1 数据加密' drawn under '4.1 数据存储' is a clause heading, as typed; '1. 下载安装包' drawn under the
    unnumbered heading '安装' is a step of a list (pandoc and LibreOffice write ordered lists so)."""
    import docx

    d = docx.Document()
    _define(d, 60, _lvl(0, "decimal", "%1") + _lvl(1, "decimal", "%1.%2") + _lvl(2, "decimal", "%1.%2.%3"), {60: ""})
    _define(d, 70, _lvl(0, "decimal", "%1."), {70: ""})
    _number(d.styles["Heading 1"].element, 60, 0)
    _number(d.styles["Heading 2"].element, 60, 1)
    d.add_heading("数据安全要求", 1)
    d.add_heading("数据存储", 2)
    _number(d.add_paragraph("数据加密")._p, 60, 2)
    d.add_paragraph("模板应加密存储。")
    d.add_heading("安装", 1)
    d.add_paragraph("按以下步骤安装：")
    for step in ("下载安装包", "运行安装程序"):
        _number(d.add_paragraph(step)._p, 70, 0)
    d.add_paragraph("安装完成后重启。")
    d.save(str(tmp_path / "mixed.docx"))
    sections = dict(_sections(tmp_path / "mixed.docx"))
    assert sections[("1 数据安全要求", "1.1 数据存储", "1.1.1 数据加密")] == ["模板应加密存储。"]
    assert sections[("2 安装",)] == ["按以下步骤安装：", "1. 下载安装包", "2. 运行安装程序", "安装完成后重启。"]
