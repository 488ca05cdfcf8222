"""A column's line set overfull across the gutter, its last glyphs over the next column's first: two lines.

TeX lets a line it cannot break (a dateline's digits, '本報北京1月23日電') run past its column's right edge; in a
narrow column with a gutter of about an em it runs across the gutter and its last glyph is set over the first glyph
of the next column's line. Read as one line ('本報北京1月23日次的，橫向涉及'), the two columns' text was mixed and
neither paragraph was found. A glyph set this far over the one before it, on the left edge where the next column's
lines start, opens that column's line. Glyphs that overlap inside a line (a condensed run) stay in it.

Pages written by reportlab, glyph by glyph, and read by the real reader.
"""

from __future__ import annotations

from pathlib import Path

from qa.formats.pdf import read_pdf
from qa.structure import recover_outline

PAGE_W, PAGE_H = 420.0, 600.0
MARGIN, GUTTER, BODY, PITCH = 36.0, 11.0, 10.0, 15.0
WIDTH = 16  # characters a line
FONT = "STSong-Light"
HEAD = "世界各国奋起防治艾滋病"
LEFT = (
    "本报北京1月23日电记者林涛报道：世界各国已开始认识到抵御艾滋病的重要性和紧迫性，从政策制定、财政拨款到宣传"
    "教育都采取了积极的措施。许多国家建立了相当高级别的全国性协调机构，以遏制艾滋病的传播。"
)
RIGHT = (
    "此次会议横向涉及相关部门，纵向直至基层社区。一些国家建立了相当高效率的协调机制，联合国人口基金会、联合国教科"
    "文组织、世界卫生组织和世界银行发表宣言，呼吁建立一个持久的信息交流和协调行动网。"
)


def _x(col: int) -> float:
    return MARGIN + col * (WIDTH * BODY + GUTTER)


def _glyph(c, x: float, top: float, ch: str, size: float = BODY) -> None:  # noqa: ANN001
    t = c.beginText(x, PAGE_H - top)
    t.setFont(FONT, size)
    t.textOut(ch)
    c.drawText(t)


def _column(c, col: int, top: float, text: str, overfull: int = 0) -> None:  # noqa: ANN001
    """``text`` in column ``col``, WIDTH characters a line; the first line takes ``overfull`` more characters, set on
    past the column's edge (each a full em: the last ones in the gutter and over the next column's first glyph)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    first, rest = text[: WIDTH + overfull], text[WIDTH + overfull :]
    lines = [first] + [rest[k : k + WIDTH] for k in range(0, len(rest), WIDTH)]
    for n, line in enumerate(lines):
        x = _x(col)
        for ch in line:
            _glyph(c, x, top + n * PITCH, ch)
            x += stringWidth(ch, FONT, BODY) if ch.isascii() else BODY


def _section_of(outline, text: str) -> tuple[str, ...]:  # noqa: ANN001 - qa.records.Outline
    held = [p for p in outline.paragraphs if text in "".join(p.text.split())]
    assert held, text[:12]
    return next((tuple(s.path) for s in outline.sections if held[0].index in s.paragraphs), ())


def test_an_overfull_line_over_the_next_columns_first_glyph_is_two_lines(tmp_path: Path, fonts) -> None:
    from reportlab.pdfgen import canvas

    path = tmp_path / "overfull.pdf"
    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    t = c.beginText(_x(0), PAGE_H - 70)
    t.setFont(FONT, 20)
    t.textOut(HEAD)
    c.drawText(t)
    # 16 characters fill the line ('1', '2', '3' are half an em): 3 more run 1.5 em past its edge, over the gutter
    # (1.1 em) and 0.4 em over the next column's first glyph.
    _column(c, 0, 110, LEFT, overfull=3)
    _column(c, 1, 110, RIGHT)
    c.showPage()
    c.save()
    outline = recover_outline(read_pdf(path, path.name))
    assert _section_of(outline, LEFT) == (HEAD,)
    assert _section_of(outline, RIGHT) == (HEAD,)


def test_glyphs_overlapping_inside_a_line_stay_in_it(tmp_path: Path, fonts) -> None:
    """A run set condensed (each glyph a third of an em over the one before) mid-line, in one column: one line,
    its paragraph whole."""
    from reportlab.pdfgen import canvas

    path = tmp_path / "condensed.pdf"
    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    t = c.beginText(_x(0), PAGE_H - 70)
    t.setFont(FONT, 20)
    t.textOut(HEAD)
    c.drawText(t)
    _column(c, 0, 110, LEFT[16:])
    x = _x(0)
    for k, ch in enumerate(RIGHT[:16]):
        _glyph(c, x, 110 + 6 * PITCH, ch)
        x += BODY * (0.65 if 4 <= k < 8 else 1.0)
    c.showPage()
    c.save()
    outline = recover_outline(read_pdf(path, path.name))
    assert _section_of(outline, RIGHT[:16]) == (HEAD,)
