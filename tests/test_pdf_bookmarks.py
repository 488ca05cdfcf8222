"""A PDF's bookmarks (its outline) name its headings where the type does not (qa.formats.pdf.bookmarks).

PDFs written by real tools with real outlines: reportlab (``bookmarkPage`` / ``addOutlineEntry``), LibreOffice
exporting a python-docx file (heading styles become bookmarks), pdfLaTeX with hyperref. In each, some headings are
set in the body's type, so the layout alone reads them as one-line paragraphs; the outline files the text under
them. Junk outlines (one 'Page N' bookmark a page; every bookmark at page 1; titles not on their page) leave the
reading exactly as it is without an outline.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from qa.formats.pdf import read_pdf
from qa.loading import load_file
from qa.structure import recover_outline

BODY = 11
TEXT = "本项工作按照年度计划有序推进，各项指标均已完成，具体情况说明如下，请各单位结合实际认真研究落实。"

# (depth, title, paragraph): chapters in larger bold type, sections in the body's own type
SECTIONS = [
    (0, "总体情况", "全年共完成检查任务四十二项，发现问题一百余条，均已督促整改到位。"),
    (1, "工作背景", "上级部门对安全生产提出了新的要求，本单位据此修订了管理制度。"),
    (1, "主要做法", "坚持问题导向，建立清单台账，逐项明确责任人和完成时限。"),
    (0, "存在问题", "部分单位对整改工作重视不够，个别问题反复出现，需要持续跟踪。"),
    (1, "原因分析", "制度执行不严格是主要原因，培训教育不到位也是重要因素。"),
    (1, "下步打算", "明年将加大抽查力度，对整改不力的单位进行通报批评并限期整改。"),
]


def _sections(path: Path) -> dict[str, tuple[str, ...]]:
    """Each paragraph's first 12 characters → the section path it is filed under."""
    outline = recover_outline(load_file(path))
    return {outline.paragraphs[i].text[:12]: s.path for s in outline.sections for i in s.paragraphs}


def _report(path: Path, marks: str = "real", per_page: int = 3) -> None:
    """A report drawn with reportlab: chapters in 16 pt, sections in the body's 11 pt, ``per_page`` sections a page.
    ``marks``: 'real' (a bookmark at each heading), 'numbered' (the same, its titles numbered '1.2 …' where the page
    draws no number), 'none', 'pages' ('Page N' at each page's top), 'first' (every
    heading's bookmark at page 1's top), 'elsewhere' (titles of headings this document does not have, and one naming
    a paragraph's line)."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(595, 842))
    y = 780.0
    page = 1
    if marks == "pages":
        c.bookmarkPage("p1", fit="XYZ", top=842)
        c.addOutlineEntry("Page 1", "p1", level=0)
    if marks == "first":  # a converter that could not resolve the destinations: every heading's at page 1's top
        for n, (depth, title, _) in enumerate(SECTIONS):
            c.bookmarkPage(f"h{n}", fit="XYZ", top=842)
            c.addOutlineEntry(title, f"h{n}", level=depth)
    for n, (depth, title, para) in enumerate(SECTIONS):
        if n and n % per_page == 0:
            c.showPage()
            page += 1
            y = 780.0
            if marks == "pages":
                c.bookmarkPage(f"p{page}", fit="XYZ", top=842)
                c.addOutlineEntry(f"Page {page}", f"p{page}", level=0)
        size = 16 if depth == 0 else BODY
        c.setFont("STSong-Light", size)
        c.drawString(70, y, title)
        key = f"h{n}"
        if marks in ("real", "numbered"):
            c.bookmarkPage(key, fit="XYZ", top=y + size)
            chapter = sum(d == 0 for d, *_ in SECTIONS[: n + 1])
            section = n - max(k for k in range(n + 1) if SECTIONS[k][0] == 0)
            number = f"{chapter}" if depth == 0 else f"{chapter}.{section}"
            c.addOutlineEntry(f"{number} {title}" if marks == "numbered" else title, key, level=depth)
        elif marks == "elsewhere":
            c.bookmarkPage(key, fit="XYZ", top=y + size)
            # (another version's titles; one happens to name a line of its page, a one-line paragraph)
            c.addOutlineEntry(para if n == 0 else f"第{n + 1}部分 附件材料清单", key, level=depth)
        y -= 2.2 * size
        c.setFont("STSong-Light", BODY)
        for line in (para, TEXT[:40], TEXT[40:]):
            c.drawString(70 + (2 * BODY if line is para else 0), y, line)
            y -= 1.6 * BODY
        y -= 1.6 * BODY
    c.save()


@pytest.mark.parametrize("marks", ["real", "numbered"])
def test_reportlab_bookmarks_make_body_type_section_titles_headings(tmp_path, fonts, marks) -> None:
    path = tmp_path / "report.pdf"
    _report(path, marks=marks)
    sections = _sections(path)
    assert sections["上级部门对安全生产提出了"] == ("总体情况", "工作背景")
    assert sections["制度执行不严格是主要原因"] == ("存在问题", "原因分析")


def _listed(path: Path) -> None:
    """A chapter whose opening lists its sections ('1. 工作背景'), a line each in the body's type, above them."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont("STSong-Light", 16)
    c.drawString(70, 780, "总体情况")
    c.bookmarkPage("top", fit="XYZ", top=800)
    c.addOutlineEntry("总体情况", "top", level=0)
    c.setFont("STSong-Light", BODY)
    y = 740.0
    c.drawString(70, y, "本章包括以下内容：")
    for n, title in enumerate(("工作背景", "主要做法"), 1):
        y -= 2.4 * BODY  # (set apart: a paragraph each)
        c.drawString(70 + 2 * BODY, y, f"{n}. {title}")
    y -= 3 * BODY
    for title, para in (("工作背景", SECTIONS[1][2]), ("主要做法", SECTIONS[2][2])):
        c.drawString(70, y, title)
        c.bookmarkPage(title, fit="XYZ", top=y + BODY)
        c.addOutlineEntry(title, title, level=1)
        y -= 2.2 * BODY
        for line in (para, TEXT[:40], TEXT[40:]):
            c.drawString(70 + (2 * BODY if line is para else 0), y, line)
            y -= 1.6 * BODY
        y -= 1.6 * BODY
    c.save()


def test_a_title_found_twice_on_its_page_is_the_one_at_the_bookmarks_y(tmp_path, fonts) -> None:
    """A chapter's list of what it covers names its sections on lines of their own above them: the bookmark's
    destination picks the heading, not the list's line."""
    path = tmp_path / "listed.pdf"
    _listed(path)
    doc = read_pdf(path, path.name)
    lines = doc.text.split("\n")
    hints = doc.hints or {}
    heads = [(n, line) for n, line in enumerate(lines, 1) if n in hints and hints[n].heading_level == 2]
    assert [line for _, line in heads] == ["工作背景", "主要做法"]
    # the headings are the ones right over their paragraphs, not the list's lines
    for n, _ in heads:
        assert lines[n + 1].startswith(("上级部门", "坚持问题"))


@pytest.mark.parametrize("marks", ["pages", "first", "elsewhere"])
def test_junk_bookmarks_change_nothing(tmp_path, fonts, marks) -> None:
    plain, junk = tmp_path / "plain.pdf", tmp_path / f"{marks}.pdf"
    _report(plain, marks="none")
    _report(junk, marks=marks)
    a, b = read_pdf(plain, "x"), read_pdf(junk, "x")
    assert (a.text, a.hints) == (b.text, b.hints)


def _soffice() -> str:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed (Debian: libreoffice-writer-nogui)")
    return soffice


def test_libreoffice_export_of_word_headings_in_body_type_keeps_their_sections(tmp_path) -> None:
    """python-docx Heading 2 restyled to the body's size and weight (as many templates set it); LibreOffice's PDF
    export writes a bookmark for every heading."""
    soffice = _soffice()
    from docx import Document
    from docx.shared import Pt, RGBColor

    doc = Document()
    h2 = doc.styles["Heading 2"]
    h2.font.size, h2.font.bold, h2.font.color.rgb = Pt(BODY), False, RGBColor(0, 0, 0)
    h2.paragraph_format.space_before = Pt(0)
    for depth, title, para in SECTIONS:
        doc.add_heading(title, depth + 1)
        doc.add_paragraph(para + TEXT)
    source = tmp_path / "report.docx"
    doc.save(str(source))
    profile = (tmp_path / "profile").as_uri()
    cmd = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", "pdf"]
    subprocess.run([*cmd, "--outdir", str(tmp_path), str(source)], check=False, capture_output=True, timeout=180)
    printed = tmp_path / "report.pdf"
    if not printed.exists():
        pytest.fail("soffice did not print the report")
    sections = _sections(printed)
    assert sections["坚持问题导向，建立清单台"] == ("总体情况", "主要做法")
    assert sections["明年将加大抽查力度，对整"] == ("存在问题", "下步打算")


def test_latex_hyperref_bookmarks_name_run_of_the_mill_section_heads(tmp_path) -> None:
    """pdfLaTeX + hyperref, sections set in the body's type without numbers (a class that sets heads plainly)."""
    latex = shutil.which("pdflatex")
    if latex is None:
        pytest.skip("pdflatex is not installed (Debian: texlive-latex-base)")
    paras = [
        "The committee met twice during the year and reviewed every open item on its list of actions.",
        "Each action now has a named owner and a date by which it must be closed or reported again.",
        "Two audits found gaps in the records kept by the field offices; both were closed by spring.",
        "Training for new staff will move online next year, with a short test at the end of each part.",
    ]
    body = []
    for title, para in zip(["Meetings", "Actions", "Audits", "Training"], paras, strict=True):
        body.append(f"\\section{{{title}}}\n{para} {para}\n")
    source = tmp_path / "minutes.tex"
    source.write_text(
        "\\documentclass{article}\n\\usepackage[bookmarks=true]{hyperref}\n\\setcounter{secnumdepth}{0}\n"
        "\\makeatletter\\renewcommand\\section{\\@startsection{section}{1}{0pt}{1ex}{1ex}{\\normalfont\\normalsize}}"
        "\\makeatother\n\\begin{document}\n" + "\n".join(body) + "\\end{document}\n",
        encoding="utf-8",
    )
    for _ in range(2):  # (the second run writes the outline)
        subprocess.run(
            [latex, "-interaction=nonstopmode", "-halt-on-error", source.name],
            cwd=tmp_path,
            check=False,
            capture_output=True,
            timeout=180,
        )
    printed = tmp_path / "minutes.pdf"
    if not printed.exists():
        pytest.fail("pdflatex did not write the PDF")
    sections = _sections(printed)
    assert sections["Two audits f"] == ("Audits",)
    assert sections["Training for"] == ("Training",)
