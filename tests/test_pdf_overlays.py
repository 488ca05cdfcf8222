"""A stamp printed level over the text ('机密', '样张') is no headline: the notice it lies on stays one section.

Type that is read never sits on other type; a stamp drawn over a page already set did, and the reader took it for
a one-line headline that split the notice in two and filed its second half under '机密'. The PDFs are written by
reportlab with its CID font and read by the real reader.
"""

from __future__ import annotations

import pytest

from qa.formats.pdf import read_pdf
from qa.structure import recover_outline

LINE = "各单位要按照年度计划组织实施，确保各项任务按期完成，并及时报送进展情况和存在的问题。"


def _notice(path, stamp: str | None, head_gap: float) -> None:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont("STSong-Light", 16)
    c.drawString(72, 780, "一、工作安排")
    c.setFont("STSong-Light", 10.5)
    y = 780 - head_gap
    for _ in range(18):
        c.drawString(72, y, LINE[:40])
        y -= 16
    c.setFont("STSong-Light", 16)
    c.drawString(72, y - 14, "二、保障措施")
    c.setFont("STSong-Light", 10.5)
    y -= 44
    for _ in range(4):
        c.drawString(72, y, LINE[:40])
        y -= 16
    if stamp:
        c.setFillGray(0.85)
        c.setFont("STSong-Light", 60)
        c.drawString(220, 620, stamp)
    c.save()


@pytest.mark.parametrize("stamp", ["机密", "样张"])
def test_a_stamp_over_the_text_is_no_heading_and_splits_nothing(tmp_path, fonts, stamp) -> None:
    path = tmp_path / "notice.pdf"
    _notice(path, stamp, head_gap=24)
    document = read_pdf(path, path.name)
    outline = recover_outline(document)
    heads = [p.text for p in outline.paragraphs if outline.roles.get(p.index) == "heading"]
    assert heads == ["一、工作安排", "二、保障措施"]
    assert stamp not in document.text
    body = "".join(p.text for p in outline.paragraphs if outline.roles.get(p.index) != "heading")
    assert body.count(LINE[:40]) == 22  # every line of the notice is still read


def test_a_heading_set_close_over_its_text_stays_a_heading(tmp_path, fonts) -> None:
    path = tmp_path / "tight.pdf"
    _notice(path, None, head_gap=15)  # the head's box all but touches the first line's
    outline = recover_outline(read_pdf(path, path.name))
    heads = [p.text for p in outline.paragraphs if outline.roles.get(p.index) == "heading"]
    assert heads == ["一、工作安排", "二、保障措施"]
