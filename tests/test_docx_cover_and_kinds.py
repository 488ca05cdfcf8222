"""A Word file's cover page titles the document; a file whose name says one format and whose content is another is
read as what it is (or refused in plain words).

A plan typed as a cover page (organisation, title, '编制部门：…', date, a page break) over Heading-styled chapters:
the cover's lines formed a section of no heading and the plan's title headed nothing. A PDF saved as '….docx' was
skipped with python-docx's 'Package not found at …'. Files made here by python-docx and reportlab.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from qa.errors import LoadError
from qa.loading import load_file
from qa.structure import recover_outline

COVER = ["华东电力设计院", "2024年度技术培训方案", "编制部门：人力资源部", "二〇二四年一月"]


def _plan(tmp_path: Path, cover: list[str], sizes: dict[str, int] | None = None, page_break: bool = True) -> Path:
    import docx
    from docx.shared import Pt

    document = docx.Document()
    for line in cover:
        run = document.add_paragraph().add_run(line)
        if sizes and line in sizes:
            run.font.size = Pt(sizes[line])
    if page_break:
        document.add_page_break()
    for head, text in [
        ("一、培训目标", "全年计划培训技术人员三百人次。"),
        ("二、考核方式", "考核采用笔试加答辩的方式。"),
    ]:
        document.add_heading(head, 1)
        document.add_paragraph(text)
    path = tmp_path / "plan.docx"
    document.save(path)
    return path


def _sections(path: Path) -> dict[str, list[str]]:
    outline = recover_outline(load_file(path, path.name))
    return {" › ".join(s.path): [outline.paragraphs[i].text for i in s.paragraphs] for s in outline.sections}


def test_a_cover_pages_title_heads_the_document(tmp_path):
    sections = _sections(_plan(tmp_path, COVER))
    assert sections["2024年度技术培训方案 › 一、培训目标"] == ["全年计划培训技术人员三百人次。"]
    assert sections["2024年度技术培训方案"] == ["华东电力设计院", "编制部门：人力资源部", "二〇二四年一月"]


def test_a_cover_title_set_larger_is_the_title_whatever_it_says(tmp_path):
    cover = ["华东电力设计院", "新员工入职培训", "二〇二四年一月"]
    sections = _sections(_plan(tmp_path, cover, sizes={"新员工入职培训": 22}))
    assert sections["新员工入职培训 › 二、考核方式"] == ["考核采用笔试加答辩的方式。"]


def test_no_title_is_guessed_without_a_page_break_or_among_alike_lines(tmp_path):
    # no page break: the opening lines are the document's text, not a cover
    assert "2024年度技术培训方案 › 一、培训目标" not in _sections(_plan(tmp_path, COVER, page_break=False))
    # a cover of two alike lines, neither naming a kind of document: no line is picked
    sections = _sections(_plan(tmp_path, ["华东电力设计院", "人力资源部"]))
    assert "一、培训目标" in sections


def _pdf(path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    page = canvas.Canvas(str(path), pagesize=A4)
    page.drawString(72, 760, "Leave request form")
    page.drawString(72, 740, "Applicant: Zhang San")
    page.save()


def test_a_pdf_named_docx_is_read_as_a_pdf_and_the_log_says_so(tmp_path, caplog):
    path = tmp_path / "form.docx"
    _pdf(path)
    with caplog.at_level(logging.WARNING):
        document = load_file(path)
    assert "Applicant: Zhang San" in document.text
    assert document.source_format == "pdf"
    assert "is a PDF file" in caplog.text


def test_a_docx_named_pdf_is_read_and_an_unread_package_is_refused_in_plain_words(tmp_path):
    import zipfile

    docx_path = _plan(tmp_path, COVER)
    renamed = tmp_path / "plan.pdf"
    renamed.write_bytes(docx_path.read_bytes())
    assert "全年计划培训技术人员三百人次。" in load_file(renamed).text
    sheet = tmp_path / "table.docx"
    with zipfile.ZipFile(sheet, "w") as package:
        package.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(LoadError) as refused:
        load_file(sheet)
    assert "Excel" in str(refused.value) and "Package not found" not in str(refused.value)
