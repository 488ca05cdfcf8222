"""A chapter's title opening a manual's page, with a page number or a listing's line number right under it.

Seen on the TUNING documents of ``python benchmarks/real_pdfs.py`` (KOMA-Script's guide, a report template's
manual): the title alone atop the page, then a contents entry's page number (flush right) or a code listing's
line number just below — the shape of a newspaper's nameplate with its ear (a date, an issue number) under it.
Read as a nameplate, the chapter's title was dropped as furniture. A bare number is no ear. The PDF is written
by reportlab and read by the real reader and structure stage.
"""

from __future__ import annotations

from qa.formats.pdf import read_pdf
from qa.structure import recover_outline

BODY = 10.5
LEFT, RIGHT = 72.0, 523.0
TEXT = (
    "本宏包是针对中日韩文的横排文档设计出来的，它依赖于下面这些宏包，请确保发行版里已经安装好了这些宏包的最新版本。"
    "在西文排版里，相邻两行基线之间的距离称为行距，一般来说西文的行距为字号的一点二倍左右，而中文的行距要大一些。"
)
ENTRIES = [("第1章 绪论", "1"), ("1.1 研究背景", "2"), ("1.2 本文结构", "4"), ("第2章 相关工作", "7")]


def test_a_chapter_title_atop_a_page_with_a_number_under_it_is_a_heading(tmp_path, fonts) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    path = tmp_path / "manual.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    for page in range(3):
        y = 800.0
        c.setFont("STSong-Light", 20)
        c.drawString(LEFT, y, ["目录", "第1章 绪论", "第2章 相关工作"][page])
        y -= 24  # the first entry (or listing line) starts half a line under the title
        c.setFont("STSong-Light", BODY)
        if page == 0:  # the contents: titles with dot leaders, the page number flush right
            for title, number in ENTRIES * 3:
                c.drawString(LEFT, y, title + " " + ". " * ((330 - int(stringWidth(title, "STSong-Light", BODY))) // 5))
                c.drawRightString(RIGHT, y, number)
                y -= 16
        else:
            # a code listing with its line numbers in the margin, opening the chapter
            for k in range(5):
                c.setFont("Courier", 6.5)
                c.drawRightString(LEFT + 14, y, str(1000 + 10 * page + k))
                c.setFont("Courier", 9)
                c.drawString(LEFT + 20, y, r"\RequirePackage{verbatim}" if k % 2 else r"\newcommand{\pseudo}[2]{")
                y -= 13
            c.setFont("STSong-Light", BODY)
            y -= 10
            for i in range(0, len(TEXT), 40):
                c.drawString(LEFT, y, TEXT[i : i + 40])
                y -= 16
        c.showPage()
    c.save()

    outline = recover_outline(read_pdf(path, path.name))
    headings = [p.text for p in outline.paragraphs if outline.roles.get(p.index) == "heading"]
    assert headings == ["目录", "第1章 绪论", "第2章 相关工作"]
    paths = [s.path[-1] for s in outline.sections for i in s.paragraphs if outline.paragraphs[i].text[:10] == TEXT[:10]]
    assert paths == ["第1章 绪论", "第2章 相关工作"]


def test_a_chapter_number_set_larger_than_its_title_is_one_heading_with_it(tmp_path, fonts) -> None:
    """A book's chapter opening: the number in 36 pt, an em of the title's type, then the title in 26 pt."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    path = tmp_path / "book.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    for n, title in enumerate(["使用本书", "运行排版程序"], 1):
        c.setFont("Times-Roman", 36)
        c.drawString(LEFT, 740, str(n))
        c.setFont("STSong-Light", 26)
        c.drawString(LEFT + stringWidth(str(n), "Times-Roman", 36) + 26, 740, title)
        c.setFont("STSong-Light", BODY)
        y = 680.0
        for i in range(0, len(TEXT), 40):
            c.drawString(LEFT, y, TEXT[i : i + 40])
            y -= 16
        c.showPage()
    c.save()

    outline = recover_outline(read_pdf(path, path.name))
    headings = [p.text for p in outline.paragraphs if outline.roles.get(p.index) == "heading"]
    assert headings == ["1 使用本书", "2 运行排版程序"]
