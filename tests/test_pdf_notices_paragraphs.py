"""Paragraph breaks between short lines in one-column PDFs (qa.formats.pdf.measure): a contact sheet's fields, a
list of one-sentence points, a notice's signature set flush right, English sentences over their Chinese
translation. Each line used to run into the next (the column's edge was read off lines that are all short).
PDFs written here by reportlab (and one by Chromium from HTML), read by the real reader."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from qa.formats.pdf import read_pdf

CHROMIUM = Path("/usr/bin/chromium")


def _paragraphs(path: Path) -> list[str]:
    return [ln for ln in read_pdf(path, path.name).text.splitlines() if ln.strip()]


def _build(path: Path, story: list, margin: float = 72) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    SimpleDocTemplate(str(path), pagesize=A4, leftMargin=margin, rightMargin=margin).build(story)


def _style(size: float, **kw):  # noqa: ANN202 - reportlab style
    from reportlab.lib.styles import ParagraphStyle

    return ParagraphStyle(f"s{size}{sorted(kw)}", fontName="STSong-Light", fontSize=size, leading=size * 1.5, **kw)


FIELDS = ["会议时间：2025年3月12日下午两点", "会议地点：综合楼五楼报告厅", "参会人员：各科室主要负责人", "联系人：刘洋"]
POINTS = ["一是总结上年度安全生产工作。", "二是部署本年度重点任务。", "三是签订安全生产责任书。"]


@pytest.mark.parametrize(("size", "margin", "space"), [(11, 72, 6), (14, 100, 0)])
def test_a_contact_sheets_fields_and_one_sentence_points_are_paragraphs_each(tmp_path, fonts, size, margin, space):
    from reportlab.platypus import Paragraph

    story = [Paragraph("安全生产工作会议通知", _style(size + 6, spaceAfter=10))]
    story += [Paragraph(t, _style(size, spaceAfter=space)) for t in FIELDS]
    story.append(Paragraph("会议议程", _style(size + 4, spaceBefore=8, spaceAfter=6)))
    story += [Paragraph(t, _style(size, spaceAfter=space)) for t in POINTS]
    path = tmp_path / "sheet.pdf"
    _build(path, story, margin)
    paragraphs = _paragraphs(path)
    for text in FIELDS + POINTS:
        assert text in paragraphs


def test_a_notices_signature_set_flush_right_is_two_paragraphs_and_text_keeps_its_wraps(tmp_path, fonts) -> None:
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.platypus import Paragraph, Spacer

    body = _style(12, firstLineIndent=24, wordWrap="CJK")
    long = "为做好本年度防汛工作，各单位要认真排查辖区内水库、河道和地质灾害隐患点，建立隐患台账，明确整改责任人。"
    story = [Paragraph("关于做好防汛工作的通知", _style(20, spaceAfter=12)), Paragraph(long, body)]
    story += [Paragraph("各单位要严格执行二十四小时值班制度，遇有重大汛情及时报告。", body), Spacer(1, 30)]
    story += [Paragraph("县应急管理局", _style(12, alignment=TA_RIGHT))]
    story += [Paragraph("2025年10月16日", _style(12, alignment=TA_RIGHT))]
    path = tmp_path / "signed.pdf"
    _build(path, story)
    paragraphs = _paragraphs(path)
    assert "县应急管理局" in paragraphs
    assert "2025年10月16日" in paragraphs
    assert long in paragraphs  # a paragraph wrapped over lines stays whole


def test_english_sentences_over_their_chinese_translation_are_paragraphs_each(tmp_path, fonts) -> None:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    english = ParagraphStyle("en", fontName="Helvetica", fontSize=11, leading=16, spaceAfter=2)
    pairs = [
        ("Unplug the device before cleaning it.", "清洁前请拔下电源插头。"),
        ("Keep the filter dry at all times.", "请始终保持滤网干燥。"),
        ("Replace the filter every six months.", "滤网每六个月更换一次。"),
    ]
    story = [Paragraph("Maintenance 维护保养", _style(16, spaceAfter=8))]
    for en, zh in pairs:
        story += [Paragraph(en, english), Paragraph(zh, _style(11, spaceAfter=8))]
    path = tmp_path / "bilingual.pdf"
    _build(path, story)
    paragraphs = _paragraphs(path)
    for en, zh in pairs:
        assert en in paragraphs
        assert zh in paragraphs


@pytest.mark.skipif(not CHROMIUM.exists(), reason="Chromium (/usr/bin/chromium) is not installed")
def test_a_printed_web_pages_one_line_paragraphs_are_paragraphs_each(tmp_path) -> None:
    """<p> after <p>, each one short line, printed by Chromium: no line runs into the next."""
    lines = [
        "本周六上午八点至十二点停水。",
        "请各位住户提前储水。",
        "物业电话：87654321",
        "值班人员：王师傅",
        "办公地点：小区南门",
    ]
    html = tmp_path / "page.html"
    body = "".join(f"<p>{t}</p>" for t in lines)
    html.write_text(
        '<!DOCTYPE html><html><head><meta charset="utf-8"><style>body{font-family:"WenQuanYi Micro Hei";margin:2.5cm}'
        f"</style></head><body><h1>停水通知</h1>{body}</body></html>",
        encoding="utf-8",
    )
    pdf = tmp_path / "page.pdf"
    cmd = [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer"]
    subprocess.run([*cmd, f"--print-to-pdf={pdf}", html.as_uri()], check=False, capture_output=True, timeout=120)
    if not pdf.exists():
        pytest.fail("Chromium did not print the page")
    paragraphs = _paragraphs(pdf)
    for text in lines:
        assert text in paragraphs
