"""A jump marker set in bold and run into a paragraph's last line leaves that line (and the jump) to the paragraph.

Papers print the jump marker in bold ('发展。（转二版）'); run into the last line of the jumping paragraph, its six
characters may outnumber the line's own, and a line most of whose characters are bold read as a bold display line:
the paragraph's last words and the marker became a kicker of their own, the text on page 1 no longer ended on the
marker, and the jump to page 2 was not stitched. The pages are written by reportlab (the marker drawn filled and
stroked, the synthetic bold word processors and FOP's bold faces read as) and read by the real reader.
"""

from __future__ import annotations

from pathlib import Path

from qa.formats.pdf import read_pdf
from qa.formats.pdf.page import read_pages
from qa.structure import recover_outline

PAGE_W, PAGE_H = 600.0, 800.0
MARGIN, BODY, LEADING = 50.0, 10.5, 16.0
PER_LINE = int((PAGE_W - 2 * MARGIN) // BODY)
HEAD = "稳定和加强农业"
MARKER_OUT, MARKER_IN = "（转二版）", "（紧接第1版）"
PAGE1 = (
    "坚持稳定和加强农业不动摇，就是要坚持把农业放在经济工作的首位，切实加强对农业和农村工作的领导。"
    "各地要认真落实党在农村的各项政策，保护和调动农民的生产积极性，争取农村各项事业有新的发展。"
)
PAGE2 = "今年要继续增加对农业的投入，加强农田水利基本建设，推广先进适用的农业技术，提高农业的综合生产能力。"


def _write(c, x: float, y: float, text: str, bold: bool) -> None:  # noqa: ANN001 - a canvas
    c.saveState()  # (the render mode is graphics state: restored after a bold run)
    t = c.beginText(x, y)
    t.setFont("STSong-Light", BODY)
    t.setTextRenderMode(2 if bold else 0)  # filled and stroked: synthetic bold
    t.textOut(text)
    c.drawText(t)
    c.restoreState()


def _paper(path: Path, bold_text: bool) -> str:
    """Page 1: the headline, then the story's paragraph ending '…新的发展。' with the marker run in after it (the
    last line's own text in bold too when ``bold_text``); page 2: the headline again, the marker line, the rest.
    Returns the last line's own text."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    c.setFont("STSong-Light", 24)
    c.drawString(MARGIN, PAGE_H - 80, HEAD)
    text = "　　" + PAGE1
    rows = [text[k : k + PER_LINE] for k in range(0, len(text), PER_LINE)]
    rows[-1:] = [rows[-1][:-3], rows[-1][-3:]]  # (the last line: '发展。', fewer characters than the marker)
    y = PAGE_H - 130
    for row in rows[:-1]:
        _write(c, MARGIN, y, row, False)
        y -= LEADING
    _write(c, MARGIN, y, rows[-1], bold_text)
    c.setFont("STSong-Light", BODY)
    _write(c, MARGIN + c.stringWidth(rows[-1], "STSong-Light", BODY), y, MARKER_OUT, True)
    c.showPage()
    c.setFont("STSong-Light", 18)
    c.drawString(MARGIN, PAGE_H - 80, HEAD)
    _write(c, MARGIN, PAGE_H - 105, MARKER_IN, True)
    text = PAGE2
    y = PAGE_H - 130
    for k in range(0, len(text), PER_LINE):
        _write(c, MARGIN, y, text[k : k + PER_LINE], False)
        y -= LEADING
    c.save()
    return rows[-1]


def test_a_bold_marker_run_in_leaves_the_paragraphs_last_line_text(tmp_path: Path, fonts) -> None:
    path = tmp_path / "jump.pdf"
    own = _paper(path, bold_text=False)
    pages, _ = read_pages(path, path.name)
    line = next(ln for ln in pages[0].lines if ln.text.replace(" ", "").startswith(own))
    assert not line.bold  # (its own three characters are regular: the marker's five weigh nothing)
    outline = recover_outline(read_pdf(path, path.name))
    texts = [p.text.replace(" ", "").replace("\u3000", "") for p in outline.paragraphs]
    whole = [i for i, t in enumerate(texts) if PAGE1 in t]
    assert len(whole) == 1, texts  # the paragraph with its last words, not cut before the marker's line
    rest = next(i for i, t in enumerate(texts) if PAGE2[:12] in t)
    assert texts[whole[0]].endswith(PAGE1[-3:] + MARKER_OUT)  # (the jump's head: its text ends on the marker)
    continued = next(s for s in outline.sections if rest in s.paragraphs)
    assert continued.path[0] == HEAD, continued.path  # (page 2's rest filed under the story)


def test_a_line_bold_in_its_own_text_stays_bold(tmp_path: Path, fonts) -> None:
    """A line whose own characters are bold (the marker beside them too) keeps its weight: the marker takes none
    away."""
    path = tmp_path / "bold.pdf"
    own = _paper(path, bold_text=True)
    pages, _ = read_pages(path, path.name)
    line = next(ln for ln in pages[0].lines if ln.text.replace(" ", "").startswith(own))
    assert line.bold


def _broken_paper(path: Path, tail: str) -> None:
    """Page 1: the paragraph's last line ending '…新的发展。' and the bold head of a bare marker '下转第', the bold
    ``tail`` on the next line; page 2: the rest under the marker line."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    c.setFont("STSong-Light", 24)
    c.drawString(MARGIN, PAGE_H - 80, HEAD)
    text = "　　" + PAGE1
    rows = [text[k : k + PER_LINE] for k in range(0, len(text), PER_LINE)]
    y = PAGE_H - 130
    for row in rows:
        _write(c, MARGIN, y, row, False)
        y -= LEADING
    y += LEADING
    _write(c, MARGIN + c.stringWidth(rows[-1], "STSong-Light", BODY), y, "下转第", True)
    _write(c, MARGIN, y - LEADING, tail, True)
    c.showPage()
    _write(c, MARGIN, PAGE_H - 105, MARKER_IN, True)
    y = PAGE_H - 130
    for k in range(0, len(PAGE2), PER_LINE):
        _write(c, MARGIN, y, PAGE2[k : k + PER_LINE], False)
        y -= LEADING
    c.save()


def test_a_bold_marker_broken_over_two_lines_ends_the_paragraph(tmp_path: Path, fonts) -> None:
    """'…发展。下转第' / '2版': the marker's tail, alone on the next line in bold, is the paragraph's last line (the
    paragraph ends on the whole marker), not a bold display line of its own."""
    path = tmp_path / "broken.pdf"
    _broken_paper(path, "2版")
    pages, _ = read_pages(path, path.name)
    assert not next(ln for ln in pages[0].lines if ln.text.strip() == "2版").bold
    outline = recover_outline(read_pdf(path, path.name))
    texts = [p.text.replace(" ", "").replace("\u3000", "") for p in outline.paragraphs]
    assert any(t.endswith(PAGE1[-12:] + "下转第2版") for t in texts), texts


def test_a_bold_line_under_no_marker_head_stays_bold(tmp_path: Path, fonts) -> None:
    """A bold line under a line whose end begins no marker ('下转第' then '要闻': no edition) keeps its weight."""
    path = tmp_path / "label.pdf"
    _broken_paper(path, "要闻")
    pages, _ = read_pages(path, path.name)
    assert next(ln for ln in pages[0].lines if ln.text.strip() == "要闻").bold
