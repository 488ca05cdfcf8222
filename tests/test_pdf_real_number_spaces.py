"""A section number set apart from its CJK title without a space glyph keeps its space.

TeX, ctex and word processors put white between a section number and its CJK title ('1␣项目概况', an em, a space's
width or a tab), but write no space character there. The reader kept a generated space
only between two Latin characters, so the heading users see and cite read '1项目概况', and a question about
'1.2 建设目标' matched it worse. No space may come between CJK characters, though: a letter-spaced headline
('社␣论') and a justified Chinese line spread their characters, and a number set solid in a sentence
('约3亿元') stays solid. The PDF is written by reportlab (its CID font) glyph run by glyph run, without space
glyphs, and read by the real reader and structure stage.
"""

from __future__ import annotations

from qa.formats.pdf import read_pdf
from qa.structure import recover_outline

LEFT = 72.0
BODY = 10.5
HEAD = 14.0
BODY_TEXT = (
    "本项目位于城市中心，总投资约3亿元，建设周期为两年，建成后可容纳学生三千人。项目分为教学区、生活区和运动区，"
    "各区之间以绿地相隔，道路宽敞，交通便利。"
)


def _runs(c, y: float, runs: list[tuple[str, str, float]], size: float, x: float = LEFT) -> None:  # noqa: ANN001
    """Draw text runs on one baseline, each run ``gap`` ems after the one before it (no space glyph between)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    for text, font, gap in runs:
        x += gap * size
        c.setFont(font, size)
        c.drawString(x, y, text)
        x += stringWidth(text, font, size)


def _body(c, y: float, text: str, spacing: float = 0.0) -> float:  # noqa: ANN001
    """A justified Chinese paragraph, 30 characters a line, letter-spaced by ``spacing`` points."""
    c.saveState()
    for i in range(0, len(text), 30):
        t = c.beginText(LEFT, y)
        t.setFont("STSong-Light", BODY)
        t.setCharSpace(spacing)
        t.textOut(text[i : i + 30])
        c.drawText(t)
        y -= 1.6 * BODY
    c.restoreState()
    return y - 0.8 * BODY


def _document(path, gap: float) -> None:  # noqa: ANN001
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(595, 842))
    y = 770.0
    # a spaced-out headline: the same white between every two of its characters, and none is a space
    c.saveState()
    t = c.beginText(LEFT, y)
    t.setFont("STSong-Light", 20)
    t.setCharSpace(10)
    t.textOut("社论")
    c.drawText(t)
    c.restoreState()
    y -= 40
    headings = [
        [("1", "Helvetica-Bold", 0.0), ("项目概况", "STSong-Light", gap)],
        [("1.2", "Helvetica-Bold", 0.0), ("建设目标", "STSong-Light", gap)],
        [("2.1.3", "Helvetica-Bold", 0.0), ("接口说明", "STSong-Light", 0.3)],
    ]
    for n, runs in enumerate(headings):
        _runs(c, y, runs, HEAD)
        y -= 2 * HEAD
        y = _body(c, y, BODY_TEXT[n * 7 :] + BODY_TEXT[: n * 7], spacing=0.8 if n == 1 else 0.0)
    c.save()


def _read(path) -> tuple[list[str], str]:  # noqa: ANN001
    outline = recover_outline(read_pdf(path, path.name))
    heads = [p.text for p in outline.paragraphs if outline.roles.get(p.index) == "heading"]
    body = "".join(p.text for p in outline.paragraphs if outline.roles.get(p.index) != "heading")
    return heads, body


def test_a_section_number_set_apart_from_its_cjk_title_keeps_a_space(tmp_path, fonts) -> None:
    for gap in (0.35, 0.5):  # a word processor's space and tab; TeX's em is read apart and joined already
        path = tmp_path / f"report-{gap}.pdf"
        _document(path, gap)
        heads, body = _read(path)
        assert "1 项目概况" in heads, heads
        assert "1.2 建设目标" in heads, heads
        assert "2.1.3 接口说明" in heads, heads


def test_no_space_comes_between_cjk_characters_or_into_a_number_set_solid(tmp_path, fonts) -> None:
    path = tmp_path / "report.pdf"
    _document(path, 0.5)
    heads, body = _read(path)
    everything = " ".join(heads) + body
    assert "社 论" not in everything and "社论" in everything
    assert "约3亿元" in body  # set solid in the sentence, also in the letter-spaced paragraph
    assert " " not in body  # the paragraphs, one of them letter-spaced, come back without a space


def test_a_chapter_number_set_apart_from_its_title_keeps_a_space(tmp_path, fonts) -> None:
    """'第一章␣公司概况' (a word processor's space between them): the chapter a user sees and types, not
    '第一章公司概况'."""
    from reportlab.pdfgen import canvas

    path = tmp_path / "report.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    y = 760.0
    for number, title in (("第一章", "公司概况"), ("第二章", "环境保护")):
        _runs(c, y, [(number, "STSong-Light", 0.0), (title, "STSong-Light", 0.3)], HEAD)  # a space of a CJK font
        y -= 2 * HEAD
        y = _body(c, y, BODY_TEXT)
    c.save()
    heads, body = _read(path)
    assert "第一章 公司概况" in heads and "第二章 环境保护" in heads, heads
    assert " " not in body
