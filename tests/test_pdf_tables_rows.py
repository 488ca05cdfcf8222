"""Ruled tables in PDFs read row by row (``qa.formats.pdf.tables``): every cell's text is found, a row reads as
one line 'a | b | c' in the page's order, the table stays in its section — and ruled pages that are no table
(a newspaper's modules parted by rules) are not read as one.

Real files by real tools: reportlab's platypus ``Table`` with a grid (its CID font), and an HTML table with
borders printed by Chromium the way a browser prints a DocBook manual (cells boxed one by one, a wrapped
description, the name cell centred on its row).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.formats.pdf import read_pdf
from qa.structure import recover_outline

ROWS = [
    ("软件包", "流行度", "大小", "说明"),
    ("systemd", "V:857, I:951", "9572", "基于事件且支持并发的 init 守护进程，可以替代传统的 sysvinit 启动方式"),
    ("init-system-helpers", "V:694, I:961", "140", "在 sysvinit 和 systemd 之间进行转换的帮助工具"),
    ("sysvinit-utils", "V:906, I:999", "100", "类 System V 的实用工具（startpar，bootlogd）"),
    ("uswsusp", "V:1, I:4", "714", "使用 Linux 提供的用户态软件 suspend 的工具"),
]
BEFORE = "系统启动时会用到下面这些软件包，它们各自负责启动流程中的一个阶段，下表列出了它们的流行度和大小。" * 2
AFTER = "第二节的正文说明如何查看启动日志，读者可以照着表中的命令逐条试一遍，确认每一步都按预期完成。" * 2


def _bare(text: str) -> str:
    return "".join(text.split())


def _lines(path: Path) -> list[str]:
    return [_bare(line) for line in read_pdf(path, path.name).text.split("\n") if line.strip()]


def _check_rows(path: Path) -> None:
    doc = read_pdf(path, path.name)
    flat = _bare(doc.text).replace("|", "")
    for row in ROWS:
        for cell in row:
            assert _bare(cell) in flat, f"cell {cell!r} lost"
    lines = _lines(path)
    for row in ROWS:
        # the row on one line, its cells in order, parted by '|' (a user reading the hit sees the row)
        want = "|".join(_bare(c) for c in row)
        assert want in lines, f"row {row[0]!r} not read as one line: {[ln for ln in lines if _bare(row[0]) in ln]}"
    # the table stays in its section: every row is filed under the heading above it, not the next one
    outline = recover_outline(doc)
    section_of = {}
    for section in outline.sections:
        for i in section.paragraphs:
            section_of[_bare(outline.paragraphs[i].text)] = _bare(section.path[-1]) if section.path else ""
    for row in ROWS:
        assert section_of["|".join(_bare(c) for c in row)] == _bare("3.1. 启动工具")
    assert section_of[_bare(AFTER)] == _bare("3.2. 查看日志")


def test_reportlab_grid_table_reads_row_by_row(fonts, tmp_path: Path) -> None:  # noqa: ANN001 - fixture
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    body = ParagraphStyle("body", fontName="STSong-Light", fontSize=10.5, leading=15, wordWrap="CJK")
    head = ParagraphStyle("head", parent=body, fontSize=15, leading=20, spaceBefore=10, spaceAfter=6)
    cell = ParagraphStyle("cell", parent=body, fontSize=10, leading=13)
    data = [[Paragraph(c, cell) for c in row] for row in ROWS]
    table = Table(data, colWidths=[110, 70, 40, 230])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    path = tmp_path / "report.pdf"
    story = [
        Paragraph("3.1. 启动工具", head),
        Paragraph(BEFORE, body),
        Spacer(1, 8),
        table,
        Spacer(1, 8),
        Paragraph("3.2. 查看日志", head),
        Paragraph(AFTER, body),
    ]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    _check_rows(path)


@pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="Chromium (/usr/bin/chromium) is not installed")
def test_browser_printed_table_reads_row_by_row(tmp_path: Path) -> None:
    from tests.newspaper_html import chromium_browser, print_pdf

    cells = "".join(
        "<tr>" + "".join(f"<{'th' if r == 0 else 'td'}>{c}</{'th' if r == 0 else 'td'}>" for c in row) + "</tr>"
        for r, row in enumerate(ROWS)
    )
    style = (
        "body { font-family: 'WenQuanYi Micro Hei', sans-serif; font-size: 14px; margin: 0 4em }"
        "h2 { font-size: 20px } table { border: 1px solid #888; width: 80% } td, th { border: 1px solid #888;"
        " padding: 2px; text-align: left } td:first-child { font-family: monospace; font-weight: bold }"
    )
    html = (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><style>{style}</style></head><body>"
        f"<h2>3.1. 启动工具</h2><p>{BEFORE}</p><table>{cells}</table><h2>3.2. 查看日志</h2><p>{AFTER}</p></body></html>"
    )
    path = tmp_path / "printed.pdf"
    with chromium_browser() as browser:
        print_pdf(browser, html, path)
    _check_rows(path)


ARTICLE = "记者从市交通局获悉，新建的城市快速路将于下月通车，沿线居民出行时间预计缩短一半，相关配套设施正在加紧完善。"


def test_ruled_newspaper_modules_are_not_a_table(fonts, tmp_path: Path) -> None:  # noqa: ANN001 - fixture
    """A page of four articles in a 2×2 grid of boxes (rules between the modules): each article reads whole."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "paper.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    width, height = A4
    left, top, box_w, box_h = 40, height - 60, (width - 80) / 2, 330
    for k in range(4):
        x0 = left + (k % 2) * box_w
        y_top = top - (k // 2) * box_h
        c.setLineWidth(0.8)
        c.rect(x0, y_top - box_h, box_w, box_h)
        c.setFont("STSong-Light", 18)
        c.drawString(x0 + 10, y_top - 30, f"第{k + 1}篇新闻的标题")
        c.setFont("STSong-Light", 10.5)
        text = f"第{k + 1}篇：" + ARTICLE * 3
        per_line = int((box_w - 20) // 10.5)
        y = y_top - 55
        for i in range(0, len(text), per_line):
            c.drawString(x0 + 10, y, text[i : i + per_line])
            y -= 15
    c.showPage()
    c.save()
    doc = read_pdf(path, path.name)
    assert "|" not in doc.text
    flat = [_bare(ln) for ln in doc.text.split("\n")]
    for k in range(4):
        assert any(ln.startswith(f"第{k + 1}篇：") and ln.endswith(ARTICLE) for ln in flat), f"article {k + 1} broken"
