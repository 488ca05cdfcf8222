"""Ordinary documents lose nothing to the rules real manuals needed (tests/test_pdf_real_layout.py): a table whose
header repeats atop every page, a note closing each page, a section opening each page, a centred bold heading of
two lines. Found by a review of those rules (each dropped or flattened text before its fix); PDFs written here by
reportlab, read by the real reader and structure stage."""

from __future__ import annotations

from pathlib import Path

from qa.formats.pdf import read_pdf
from qa.loading import load_file
from qa.structure import recover_outline

BODY = 10.5
TEXT = "本年度各项工作稳步推进，主要指标完成情况良好，下面分项说明具体情况和存在的问题，供审议时参考使用。"


def _canvas(path: Path):  # noqa: ANN202 - reportlab canvas
    from reportlab.pdfgen import canvas

    return canvas.Canvas(str(path), pagesize=(595, 842))


def test_a_table_header_repeated_atop_every_page_and_each_pages_last_row_are_kept(tmp_path, fonts) -> None:
    path = tmp_path / "table.pdf"
    c = _canvas(path)
    for page in range(3):
        c.setFont("STSong-Light", BODY)
        y = 842 - 90  # below a banner's band, in a book's running-head band
        for col, x in (("序号", 70), ("项目名称", 130), ("金额（万元）", 400)):
            c.drawString(x, y, col)
        for row in range(33):  # rows 20 pt apart (more than reads on in a column); the last in the running-foot band
            y -= 20
            n = page * 33 + row + 1
            c.drawString(70, y, str(n))
            c.drawString(130, y, f"第{n}号建设项目配套资金")
            c.drawString(400, y, f"{n * 13 % 97}.5")
        c.showPage()
    c.save()
    text = read_pdf(path, path.name).text
    assert text.count("项目名称") == 3
    for n in (33, 66, 99):  # each page's last row
        assert f"第{n}号建设项目配套资金" in text


def test_a_note_closing_each_of_two_pages_is_kept(tmp_path, fonts) -> None:
    path = tmp_path / "notes.pdf"
    c = _canvas(path)
    for _ in range(2):
        c.setFont("STSong-Light", BODY)
        y = 842 - 80
        for _ in range(38):
            c.drawString(70, y, TEXT[:38])
            y -= 17
        c.drawString(70, y - 17, "注：以上数据均为初步统计结果。")
        c.showPage()
    c.save()
    assert read_pdf(path, path.name).text.count("注：以上数据均为初步统计结果。") == 2


def test_sections_opening_three_pages_at_one_height_are_headings(tmp_path, fonts) -> None:
    path = tmp_path / "sections.pdf"
    c = _canvas(path)
    for title in ("第一节", "第二节", "第三节"):  # bold at body size, at one height below the banner band
        text = c.beginText(70, 842 - 80)
        text.setFont("STSong-Light", BODY)
        text.setTextRenderMode(2)  # filled and stroked: bold (reportlab's CID font has no bold face)
        text.textLine(title)
        c.drawText(text)
        c.setFont("STSong-Light", BODY)
        c._code.append("0 Tr")  # back to filled glyphs: the render mode outlives the text object in reportlab
        y = 842 - 110
        for _ in range(30):
            c.drawString(70, y, TEXT[:38])
            y -= 17
        c.showPage()
    c.save()
    outline = recover_outline(load_file(path))
    assert [s.path[-1] for s in outline.sections] == ["第一节", "第二节", "第三节"]


def test_a_centred_bold_heading_of_two_lines_is_one_heading(tmp_path, fonts) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    path = tmp_path / "heading.pdf"
    c = _canvas(path)
    y = 842 - 80
    for line in ("附件二 项目验收", "工作安排的补充说明事项"):
        width = stringWidth(line, "STSong-Light", BODY)
        text = c.beginText(297.5 - width / 2, y)
        text.setFont("STSong-Light", BODY)
        text.setTextRenderMode(2)
        text.textLine(line)
        c.drawText(text)
        y -= 16
    c.setFont("STSong-Light", BODY)
    c._code.append("0 Tr")  # back to filled glyphs: the render mode outlives the text object in reportlab
    y -= 12
    for _ in range(6):
        c.drawString(70, y, TEXT[:38])
        y -= 16
    c.showPage()
    c.save()
    doc = read_pdf(path, path.name)
    headings = [doc.text.split("\n")[n - 1] for n, h in sorted(doc.hints.items()) if h.heading_level]
    assert len(headings) == 1 and "附件二" in headings[0] and "补充说明事项" in headings[0], headings
