"""Layouts of real born-digital documents (manuals, theses, reports) that the generated newspapers never had.

Each shape here was seen on the TUNING documents of ``python benchmarks/real_pdfs.py`` (TeX Live's Chinese
manuals); the PDFs are written in the test by reportlab, set the way TeX/ctex set them (a section number in a
Latin face, an em before its title; a table of contents with dot leaders and page numbers), and read by the
real reader and structure stage.
"""

from __future__ import annotations

from pathlib import Path

from qa.formats.pdf import read_pdf
from qa.structure import recover_outline

BODY = 10.5
LINE = 16.0
LEFT, RIGHT = 90.0, 505.0
TEXT = (
    "本宏包是针对中日韩文的横排文档设计出来的，它依赖于下面这些宏包，请确保发行版里已经安装好了这些宏包的最新版本。"
    "在西文排版里，相邻两行基线之间的距离称为行距，一般来说西文的行距为字号的一点二倍左右，而中文的行距要大一些。"
)


class _Writer:
    """A one-column document page by page, top to bottom, as TeX sets it."""

    def __init__(self, path: Path) -> None:
        from reportlab.pdfgen import canvas

        self.c = canvas.Canvas(str(path), pagesize=(595, 842))
        self.y = 760.0

    def heading(self, number: str, title: str, size: float) -> None:
        """The number in a Latin face a little smaller than the title's (TeX's digits read 0.9-0.95 of the CJK
        size in these PDFs), an em of space, then the title (ctex's \\section)."""
        from reportlab.pdfbase.pdfmetrics import stringWidth

        self.y -= 1.2 * size
        self.c.setFont("Helvetica", 0.92 * size)
        self.c.drawString(LEFT, self.y, number)
        self.c.setFont("STSong-Light", size)
        self.c.drawString(LEFT + stringWidth(number, "Helvetica", 0.92 * size) + size, self.y, title)
        self.y -= 1.2 * size

    def paragraph(self, text: str) -> None:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        self.c.setFont("STSong-Light", BODY)
        line, first = "", True
        for ch in text:
            indent = 2 * BODY if first else 0
            if stringWidth(line + ch, "STSong-Light", BODY) > RIGHT - LEFT - indent:
                self.c.drawString(LEFT + indent, self.y, line)
                self.y -= LINE
                line, first = "", False
            line += ch
        self.c.drawString(LEFT + (2 * BODY if first else 0), self.y, line)
        self.y -= LINE

    def page(self) -> None:
        self.c.showPage()
        self.y = 760.0

    def save(self) -> None:
        self.c.save()


def _headings_and_paths(path: Path) -> tuple[list[str], dict[str, tuple[str, ...]]]:
    doc = read_pdf(path, path.name)
    outline = recover_outline(doc)
    headings = [p.text for p in outline.paragraphs if outline.roles.get(p.index) == "heading"]
    where = {}
    for section in outline.sections:
        for i in section.paragraphs:
            where[outline.paragraphs[i].text[:12]] = section.path
    return headings, where


def test_a_section_number_set_apart_from_its_title_is_one_heading(tmp_path, fonts) -> None:
    path = tmp_path / "manual.pdf"
    w = _Writer(path)
    w.heading("1", "简介", 15)
    w.paragraph(TEXT)
    w.heading("1.1", "宏包依赖", 12)
    w.paragraph(TEXT[40:] + TEXT[:40])
    w.heading("1.2", "中西有别", 12)
    w.paragraph(TEXT[20:] + TEXT[:20])
    w.save()
    headings, where = _headings_and_paths(path)
    assert headings == ["1 简介", "1.1 宏包依赖", "1.2 中西有别"]
    assert where[(TEXT[20:] + TEXT[:20])[:12]][-1] == "1.2 中西有别"


def test_a_running_head_inside_the_page_is_not_text(tmp_path, fonts) -> None:
    """A book's running head ("第 2节 功能介绍" and the page number, under TeX's header rule) stands further in from
    the page edge than a newspaper's banner; repeated at one height on every page, it is furniture."""
    path = tmp_path / "book.pdf"
    w = _Writer(path)
    for n in range(3):
        w.c.setFont("STSong-Light", BODY)
        w.c.drawString(LEFT, 842 - 80, "第 2节 功能介绍")
        w.c.drawString(RIGHT - 10, 842 - 80, str(n + 4))
        w.c.line(LEFT, 842 - 84, RIGHT, 842 - 84)
        w.y = 842 - 120
        if n == 0:
            w.heading("2.1", "载入宏包时的键值选项", 12)
        w.paragraph(TEXT[n * 10 :] + TEXT[: n * 10])
        w.paragraph(TEXT)
        w.page()
    w.save()
    doc = read_pdf(path, path.name)
    assert "功能介绍" not in doc.text
    headings, _ = _headings_and_paths(path)
    assert headings == ["2.1 载入宏包时的键值选项"]


def test_type_set_at_one_point_and_scaled_reads_at_its_printed_size(tmp_path, fonts) -> None:
    """Some TeX drivers set every font at 1 pt and scale it by the text matrix: pdfium then says 1 pt for every
    character; the printed size (the matrix's scale) is what tells headings from text."""
    from reportlab.pdfgen import canvas

    path = tmp_path / "unit.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    y = 760.0

    def put(text: str, size: float) -> None:
        t = c.beginText()
        t.setTextTransform(size, 0, 0, size, LEFT, y)
        t.setFont("STSong-Light", 1)
        t.textOut(text)
        c.drawText(t)

    for title in ("1 简介", "2 功能介绍"):
        y -= 20
        put(title, 15)
        y -= 24
        for k in range(4):
            put(TEXT[k * 30 : k * 30 + 30], BODY)
            y -= LINE
    c.save()
    headings, _ = _headings_and_paths(path)
    assert headings == ["1 简介", "2 功能介绍"]


def test_a_manual_with_pages_of_contents_is_read_as_one_column(tmp_path, fonts) -> None:
    """A contents page splits into narrow columns (titles, dot leaders, page numbers) that outnumber the chapters'
    full-width paragraphs; most of the text still runs across the page: one column, so a numbered section right
    under its chapter's heading is a heading nested in it, not a newspaper headline's subtitle."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    path = tmp_path / "contents.pdf"
    w = _Writer(path)
    for page in range(2):
        for n in range(30):
            title = f"{page * 3 + n // 10 + 1}.{n % 10 + 1} 宏包依赖与选项"
            w.c.setFont("STSong-Light", BODY)
            w.c.drawString(LEFT, w.y, title)
            # TeX sets leader dots on a grid the whole page shares: they start at one x under short titles
            x = LEFT + 8 * (1 + int(stringWidth(title, "STSong-Light", BODY) // 8)) + 96
            while x < RIGHT - 30:
                w.c.drawString(x, w.y, ".")
                x += 8
            w.c.drawRightString(RIGHT, w.y, str(page * 10 + n // 3 + 3))
            w.y -= LINE
        w.page()
    for chapter in range(2):
        w.heading(f"{chapter + 3}", "使用说明", 15)
        w.heading(f"{chapter + 3}.1", "基本用法", 12)
        for k in range(8):
            w.paragraph(TEXT[k * 7 :] + TEXT[: k * 7])
        w.page()
    w.save()
    outline = recover_outline(read_pdf(path, path.name))
    paths = [s.path for s in outline.sections]
    assert ("3 使用说明", "3.1 基本用法") in paths and ("4 使用说明", "4.1 基本用法") in paths
