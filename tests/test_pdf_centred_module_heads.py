"""A headline centred over its story's columns, beside a one-column story whose headline is centred on its column.

A page of modules (豆腐块): in one band a one-column story under its headline centred on that column, and beside it a
story over the next three columns, its headline centred over all three — so it stands over the middle one — its
byline atop its first column, its text poured into the first column and a little of the second. Both stories' text
starts on the same row (one baseline grid), so the reader filed the three-column story's first column under the
one-column story's headline: a headline to its left 'heads it as well'. A headline centred on ONE column heads that
column only (over two it would be centred across the gutter). Set flush left instead, the left headline may head the
next column too (a two-column module whose head is short): the column stays with it.

Pages written by reportlab (heads bold as fill-and-stroke) and read by the real reader.
"""

from __future__ import annotations

from pathlib import Path

from qa.formats.pdf import read_pdf
from qa.structure import recover_outline
from tests.test_pdf_spaced_heads import FONT, TEXT, _section_of

W, H = 680.0, 600.0
MARGIN, GUTTER, BODY, PITCH, CHARS = 36.0, 14.0, 10.0, 15.0, 14
COL_W = CHARS * BODY
LONG = TEXT + TEXT[::-1]  # enough text for three columns, no passage twice
HEAD_A, HEAD_B = "全省春耕展开", "农资市场平稳"


def _x(col: int) -> float:
    return MARGIN + col * (COL_W + GUTTER)


def _line(c, x: float, top: float, text: str, size: float = BODY, bold: bool = False) -> None:  # noqa: ANN001
    t = c.beginText(x, H - top)
    t.setFont(FONT, size)
    t.setTextRenderMode(2 if bold else 0)
    t.textOut(text)
    c.drawText(t)


def _column(c, col: int, top: float, text: str) -> None:  # noqa: ANN001
    for k in range(0, len(text), CHARS):
        _line(c, _x(col), top + (k // CHARS) * PITCH, text[k : k + CHARS])


def _page(path: Path, centred_a: bool, a_columns: int = 1, kicker: str = "") -> None:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(W, H))
    size = 18.0
    a_w = a_columns * COL_W + (a_columns - 1) * GUTTER
    a_x = _x(0) + (a_w - len(HEAD_A) * size) / 2 if centred_a else _x(0)
    _line(c, a_x, 70, HEAD_A, size, bold=True)
    module_mid = (_x(1) + _x(3) + COL_W) / 2  # story B over columns 2–4
    _line(c, module_mid - len(HEAD_B) * size / 2, 70, HEAD_B, size, bold=True)
    if kicker:  # an 引题 in the body's size, centred right over the headline
        _line(c, module_mid - len(kicker) * BODY / 2, 50, kicker)
    _line(c, _x(0), 100, "本报记者　王小明")
    _column(c, 0, 115, LONG[:150])
    if a_columns == 1:
        _line(c, _x(1), 100, "本报记者　李大同")
    _column(c, 1, 115, LONG[150:304])
    _column(c, 2, 115, LONG[304:332])  # under the head, level with the first column's text
    c.showPage()
    c.save()


def test_a_headline_centred_on_one_column_heads_no_neighbour(tmp_path: Path, fonts) -> None:
    path = tmp_path / "modules.pdf"
    _page(path, centred_a=True)
    outline = recover_outline(read_pdf(path, path.name))
    assert _section_of(outline, LONG[20:50]) == (HEAD_A,)
    assert _section_of(outline, LONG[170:200]) == (HEAD_B,)


def test_a_kicker_over_the_centred_headline_keeps_its_first_column_with_it(tmp_path: Path, fonts) -> None:
    """The same page with an 引题 in the body's size right over the three-column story's headline: the strip still
    opens with a headline (the kicker is part of its heading group), so the first column is still its own."""
    path = tmp_path / "kicker.pdf"
    _page(path, centred_a=True, kicker="春耕时节看市场")
    outline = recover_outline(read_pdf(path, path.name))
    assert _section_of(outline, LONG[20:50]) == (HEAD_A,)
    assert _section_of(outline, LONG[170:200])[-1] == HEAD_B


def test_a_headline_centred_over_two_columns_heads_both(tmp_path: Path, fonts) -> None:
    path = tmp_path / "two.pdf"
    _page(path, centred_a=True, a_columns=2)
    outline = recover_outline(read_pdf(path, path.name))
    assert _section_of(outline, LONG[20:50]) == (HEAD_A,)
    assert _section_of(outline, LONG[170:200]) == (HEAD_A,)


def _three_and_one(path: Path) -> None:
    """A band of two stories on one baseline grid: story B over columns 1–3, its headline centred over all three (so
    over the middle one, centred on it), its text poured into the three columns; story A in column 4 under a headline
    centred on its column. Every column's text starts on one row."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(W, H))
    size = 18.0
    module_mid = (_x(0) + _x(2) + COL_W) / 2  # story B over columns 1–3
    _line(c, module_mid - len(HEAD_B) * size / 2, 70, HEAD_B, size, bold=True)
    _line(c, _x(3) + (COL_W - len(HEAD_A) * size) / 2, 70, HEAD_A, size, bold=True)
    _column(c, 0, 115, LONG[:154])
    _column(c, 1, 115, LONG[154:308])
    _column(c, 2, 115, LONG[308:378])
    _column(c, 3, 115, LONG[400:500])
    c.showPage()
    c.save()


def test_a_headline_centred_over_three_columns_keeps_its_last(tmp_path: Path, fonts) -> None:
    """A headline centred on the middle of three headless columns whose text starts level with its own (the columns
    on both its sides) is centred over all three: the third column is its story's, not the next story's (Scribus
    DIAGNOSIS seed 17533 read it after the neighbour's headline once a headline centred on one column headed no
    neighbour). The page's other stories keep theirs."""
    path = tmp_path / "three.pdf"
    _three_and_one(path)
    outline = recover_outline(read_pdf(path, path.name))
    assert _section_of(outline, LONG[20:50]) == (HEAD_B,)
    assert _section_of(outline, LONG[320:350]) == (HEAD_B,)
    assert _section_of(outline, LONG[420:450]) == (HEAD_A,)
