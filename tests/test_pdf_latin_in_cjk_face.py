"""A line of English inside a paragraph set in a Chinese face is prose, not a code listing.

Many CJK faces set their Latin letters at one width (AR PL's 简报宋, the face several producers embed): measured by
its glyphs alone the body's face looked like a typewriter face, and a paragraph's line that held only an English name
('Proceedings of the Workshop on Computational Linguistics') was read as a code line and split out of its paragraph
(``qa.formats.pdf.page``). A listing set in a real typewriter face under the same body stays its own paragraph.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from qa.formats.pdf import read_pdf

AR_PL = Path("/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf")
MONO = Path("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf")
LINES = [  # the first two lines full (26 ideographs and an indent of two; 56 letters at half an em), the last short
    "该研究最早发表于国际会议，论文收录在会议论文集中，即",
    "Proceedings of the Workshop on Computational Linguistics",
    "一书，随后被多次引用。",
]
AFTER = "研究团队随后公开了全部数据和评测脚本，供同行复现。"
CODE = "python evaluate.py --data test.jsonl --k 5"


def _page(path: Path, code: bool) -> None:
    pdfmetrics.registerFont(TTFont("ARPL", str(AR_PL)))
    if code:
        pdfmetrics.registerFont(TTFont("Mono", str(MONO)))
    c = canvas.Canvas(str(path), pagesize=(400, 400))
    y = 360.0
    c.setFont("ARPL", 16)
    c.drawString(40, y, "研究简介")
    y -= 30
    for line in LINES:
        c.setFont("ARPL", 10)
        c.drawString(40, y, line)
        y -= 14
    if code:
        c.setFont("Mono", 10)
        c.drawString(40, y - 4, CODE)
        y -= 18
    c.setFont("ARPL", 10)
    c.drawString(40, y, "\u3000\u3000" + AFTER)
    c.save()


@pytest.mark.skipif(not AR_PL.is_file(), reason="needs fonts-arphic-gbsn00lp")
def test_an_english_line_in_a_paragraph_set_in_a_chinese_face_stays_in_it(tmp_path: Path) -> None:
    path = tmp_path / "paper.pdf"
    _page(path, code=False)
    paragraphs = ["".join(p.split()) for p in read_pdf(path, path.name).text.split("\n\n") if p.strip()]
    whole = "".join("".join(line.split()) for line in LINES)
    assert any(whole in p for p in paragraphs), paragraphs


@pytest.mark.skipif(not (AR_PL.is_file() and MONO.is_file()), reason="needs fonts-arphic-gbsn00lp, DejaVu Sans Mono")
def test_a_listing_in_a_typewriter_face_is_still_a_paragraph_of_its_own(tmp_path: Path) -> None:
    path = tmp_path / "paper.pdf"
    _page(path, code=True)
    paragraphs = ["".join(p.split()) for p in read_pdf(path, path.name).text.split("\n\n") if p.strip()]
    assert "".join(CODE.split()) in paragraphs, paragraphs
