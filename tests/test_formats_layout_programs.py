"""What page-layout programs (InDesign, 方正飞腾) put into a PDF, read right: real PDFs made with reportlab.

A layout program justifies a CJK line by itself and writes its glyphs in short runs (a kerning table or a change
of tracking breaks a run), putting the line's slack between the runs rather than between every two characters:
such a space can be wider than CJK type is ever set, yet it is no column gutter. Found on the held-out fpdf2
producer's diagnosis seeds (benchmarks/formats.py --diagnosis-seeds); these tests use another library and text.
"""

from __future__ import annotations

import random

import pytest

from qa.loading import load_file
from qa.structure import recover_outline
from tests.test_formats_gutters import COLUMN, _font

pytest.importorskip("reportlab")

SIZE = 10.0
WIDTH = 18  # the column is this many ems wide; a justified row holds fewer characters and spreads the rest


def _runs(row: str, rng: random.Random) -> list[str]:
    """Split a row into glyph runs of 1–5 characters."""
    out, i = [], 0
    while i < len(row):
        step = rng.randint(1, 5)
        out.append(row[i : i + step])
        i += step
    return out


def _justified_rows(text: str, per_row: int) -> list[str]:
    return [text[i : i + per_row] for i in range(0, len(text), per_row)]


def _layout_program_page(path, gutter_em: float, per_row: int, seed: int = 0) -> list[str]:  # noqa: ANN001
    """A headline over three columns, each a paragraph of rows justified to WIDTH ems with all slack between glyph
    runs; the last row of each paragraph is set flush left. Returns the paragraphs."""
    from reportlab.pdfgen import canvas

    rng = random.Random(seed)
    font = _font()
    c = canvas.Canvas(str(path), pagesize=(680, 842))
    c.setFont(font, 24)
    c.drawString(50, 780, "城乡民生工作取得新进展")
    paragraphs = []
    for col, text in enumerate(COLUMN):
        x0 = 50 + col * (WIDTH + gutter_em) * SIZE
        rows = _justified_rows(text, per_row)
        paragraphs.append("".join(rows))
        y = 740.0
        for k, row in enumerate(rows):
            runs = _runs(row, rng)
            last = k == len(rows) - 1
            slack = 0.0 if last or len(runs) < 2 else (WIDTH * SIZE - len(row) * SIZE) / (len(runs) - 1)
            x = x0
            for run in runs:  # one text object per run, as a layout program writes them
                t = c.beginText(x, y)
                t.setFont(font, SIZE)
                t.textOut(run)
                c.drawText(t)
                x += len(run) * SIZE + slack
            y -= SIZE * 1.5
    c.save()
    return paragraphs


@pytest.mark.parametrize(("gutter_em", "per_row"), [(1.5, 16), (2.0, 15), (1.2, 16)])
def test_the_space_between_glyph_runs_of_a_justified_line_splits_nothing(tmp_path, gutter_em, per_row):
    """Each column's paragraph is read whole and alone: the justification space between glyph runs (up to an em
    and a half, wider than CJK type is ever set) neither splits a line in two nor is taken for a gutter, and the
    real gutters, hardly wider than the widest of those spaces, still part the columns."""
    for seed in range(3):
        path = tmp_path / f"runs{seed}.pdf"
        paragraphs = _layout_program_page(path, gutter_em, per_row, seed)
        outline = recover_outline(load_file(path))
        read = ["".join(p.text.split()) for p in outline.paragraphs]
        for want in paragraphs:
            assert want in read, (seed, want[:20], [p[:20] for p in read])
