"""A continuation opened by its marker line alone, centred over its columns, is read from its first column.

On the jump page a continued story may carry only '（接第1版）' set centred over its columns, no headline. Kept
with the columns it stands over, the marker was read after the first column: the continued text's first words
went to the story above and the marker opened the second column. The page is written by reportlab (a story in the
three columns above, the continuation in three columns under the marker) and read by the real reader.
"""

from __future__ import annotations

from pathlib import Path

from qa.formats.pdf import read_pdf
from qa.structure import recover_outline

PAGE_W, PAGE_H = 560.0, 700.0
MARGIN, GUTTER, BODY, PITCH = 36.0, 14.0, 10.0, 15.0
COL_W = 15 * BODY
FONT = "STSong-Light"
MARKER = "（接第1版）"
ABOVE = "老街区改造工程去年启动，沿街的旧房屋经过加固修缮，保留了原有的风貌。改造后的街巷铺上了青石板路面。"
CONTINUED = (
    "达成协议。在此基础上，共同承担义务，维护中国的主权和领土完整，并对今后两岸关系的发展进行规划。海协与台湾方面"
    "进行政治谈判的程序性商谈，这是我们为推进两岸政治谈判尽早举行而提出的积极建议。加强两岸经济联系，发展面向新世"
    "纪的两岸经济交流与合作，符合两岸同胞的共同利益。台湾同胞是我们的骨肉兄弟，多年来为促进两岸关系的发展做出了"
    "巨大的贡献，我们理解和尊重他们的愿望。"
)


def _x(col: int) -> float:
    return MARGIN + col * (COL_W + GUTTER)


def _page(path: Path, centred: bool) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    c.setFont(FONT, 18)
    c.drawString(_x(0), PAGE_H - 60, "老街区换新颜")
    c.setFont(FONT, BODY)
    rows = [ABOVE[:13]] + [ABOVE[k : k + 15] for k in range(13, len(ABOVE), 15)]
    for col in range(3):  # the story above over the three columns, the same length in each
        for r, line in enumerate(rows):
            c.drawString(_x(col) + (2 * BODY if r == 0 else 0), PAGE_H - 90 - r * PITCH, line)
    top = 90 + (len(rows) + 2) * PITCH
    c.setFont(FONT, BODY)
    x = (_x(0) + _x(2) + COL_W - stringWidth(MARKER, FONT, BODY)) / 2 if centred else _x(0)
    c.drawString(x, PAGE_H - top, MARKER)
    lines = [CONTINUED[k : k + 15] for k in range(0, len(CONTINUED), 15)]
    per = -(-len(lines) // 3)
    for k, line in enumerate(lines):
        col, row = divmod(k, per)
        c.drawString(_x(col), PAGE_H - top - 1.5 * PITCH - row * PITCH, line)
    c.showPage()
    c.save()


def _opening(path: Path) -> str:
    outline = recover_outline(read_pdf(path, path.name))
    return next("".join(p.text.split()) for p in outline.paragraphs if MARKER in p.text)


def test_a_centred_marker_opens_the_continuations_first_column(tmp_path: Path, fonts) -> None:
    path = tmp_path / "centred.pdf"
    _page(path, centred=True)
    assert _opening(path).startswith(MARKER + CONTINUED[:20])


def test_a_marker_over_the_first_column_reads_the_same(tmp_path: Path, fonts) -> None:
    path = tmp_path / "left.pdf"
    _page(path, centred=False)
    assert _opening(path).startswith(MARKER + CONTINUED[:20])
