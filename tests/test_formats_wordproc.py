"""PDF reader on pages made the word-processor way: what office-made papers do that typeset ones rarely do.

Each test guards one general rule of qa.formats.pdf / qa.structure.markers, found by inspecting
LibreOffice-printed papers of the office generator on seeds 12000–12059 (never the benchmark's reported
seeds): without it a user is shown the wrong article for a hit, or a continuation stays apart from its
story. Pages are real PDFs drawn with reportlab (each character where a typesetter would put it), and one
DOCX written with python-docx and printed by LibreOffice (skipped, with the reason, where soffice is absent).

- jump markers without brackets, at the end / start of a paragraph ('下转第2版', '接1版'), with spaces
  inside ('（接第 1版）');
- a nameplate whose issue line (第N期, date) sits right under it, the columns starting close below;
- bold printed as filled-and-stroked glyphs (a font with no bold face): a briefs box's item titles;
- an ideographic space the PDF does not store (a closing byline's two names) keeps the line whole.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from qa.loading import load_file
from qa.structure import markers, recover_outline
from tests.newspaper_pdfs import article_pool

FONT = "STSong-Light"
BODY = 10.0


def _paragraphs(seed: int, n: int, least: int = 60) -> list[str]:
    rng = random.Random(seed)
    out = list(dict.fromkeys(p for a in article_pool(rng) for p in a.paragraphs if len(p) >= least))
    return [p for p in out if not any(ch.isascii() for ch in p)][:n]  # full-width only: one em a character


def _outline(path: Path):  # noqa: ANN202 - qa.records.Outline
    return recover_outline(load_file(path))


def _sections(path: Path) -> dict[str, list[str]]:
    """Section title (innermost) -> the normalised text of its paragraphs, as `qa build` reads the file."""
    outline = _outline(path)
    out: dict[str, list[str]] = {}
    for section in outline.sections:
        title = "".join((section.path[-1] if section.path else "").split())
        out.setdefault(title, []).extend("".join(outline.paragraphs[i].text.split()) for i in section.paragraphs)
    return out


def _whole_in(texts: list[str], text: str) -> bool:
    return any("".join(text.split()) in t for t in texts)


class _Page:
    """A reportlab page set in columns: characters one em wide (a CJK body), lines 1.5 em apart."""

    def __init__(self, canvas, height: float = 842.0) -> None:  # noqa: ANN001 - reportlab canvas
        self.c = canvas
        self.height = height

    def line(self, x: float, top: float, text: str, size: float = BODY, stroked: bool = False) -> None:
        obj = self.c.beginText(x, self.height - top - 0.88 * size)
        obj.setFont(FONT, size)
        if stroked:
            obj.setTextRenderMode(2)  # fill, then stroke: bold for a font with no bold face
        obj.textOut(text)
        if stroked:
            obj.setTextRenderMode(0)
        self.c.drawText(obj)

    def para(self, x: float, top: float, width: float, text: str, indent: bool = True) -> float:
        """Set a paragraph in a column ``width`` wide from ``top``; returns the top of the next line."""
        per = int(width // BODY)
        first = per - 2 if indent else per
        rows = [text[:first]] + [text[i : i + per] for i in range(first, len(text), per)]
        for n, row in enumerate(rows):
            self.line(x + (2 * BODY if n == 0 and indent else 0), top, row)
            top += 1.5 * BODY
        return top

    def head(self, x: float, top: float, width: float, text: str, size: float) -> float:
        """A headline wrapped to the column, one line under the other; returns the top of the text under it."""
        per = int(width // size)
        for i in range(0, len(text), per):
            self.line(x, top, text[i : i + per], size)
            top += 1.2 * size
        return top + 0.5 * BODY


def _canvas(path: Path, pages: int = 1):  # noqa: ANN202 - a reportlab canvas
    pytest.importorskip("reportlab")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    return canvas.Canvas(str(path), pagesize=(595.0, 842.0))


COLS = [(40.0, 160.0), (218.0, 160.0), (396.0, 160.0)]  # x, width: three columns, 18 pt gutters


# ---- the marker grammar ----------------------------------------------------------------------------
def test_bare_and_spaced_jump_markers_name_their_editions():
    """Word-processor papers drop the brackets and typesetting puts spaces between 第, the number and 版:
    those are jumps where a marker stands (a paragraph's end, a paragraph's start); inside a sentence,
    without an edition, or before more text they are prose."""
    bare = {"正文说到一半，政府得到下转第2版": 2, "正文说到一半转2版": 2, "说到一半（转 第 二 版）": 2}
    for text, edition in bare.items():
        found = markers.transfer_marker(text)
        assert found and markers.named_edition(found, here=1) == edition, text
    for text in ("接1版进。他说", "（接第 1版）了帮扶", "续第1版文件", "上接第 1 版　会议指出"):
        found = markers.continuation_marker(text)
        assert found and markers.named_edition(found, here=2) == 1, text
    for prose in ("他说转2版的稿子已经排好。", "转2版的稿子已经排好", "车辆接12号线", "本文转载自第2页"):
        assert markers.transfer_marker(prose) is None and markers.continuation_marker(prose) is None, prose
    # Prose that only looks bare-marker-shaped (found in review): a size change, and 版 that is part of
    # a word or a phrase at a paragraph's start.
    looks_bare = ("日报由对开4版转8版", "接1版面设计新颖", "续3版次调整", "接第1版块")
    looks_bare += ("续第2版的印刷工作", "接第一版的报道说")
    for prose in looks_bare:
        assert markers.transfer_marker(prose) is None and markers.continuation_marker(prose) is None, prose


def test_a_bare_jump_marker_stitches_the_continuation_to_its_story(tmp_path):
    """'…得到下转第2版' ends the lead's text on page 1 without brackets, '接1版' opens its rest on page 2
    (run into the paragraph), printed after another story there: the rest is filed under the lead and
    its citation spans pages 1–2."""
    paras = _paragraphs(21, 12)
    lead, other = "社区食堂开进老旧小区", "河道整治工程通过验收"
    path = tmp_path / "bare.pdf"
    c = _canvas(path)
    page = _Page(c)
    x, w = COLS[0]
    top = page.head(x, 60, 3 * w, lead, 24)
    for k, (x, w) in enumerate(COLS):
        text = paras[k] + ("为此，区里又专门下转第2版" if k == 2 else "")
        page.para(x, top, w, text)
    c.showPage()
    page = _Page(c)
    x, w = COLS[0]
    top = page.head(x, 60, 2 * w, other, 22)
    page.para(COLS[0][0], top, COLS[0][1], paras[3])
    page.para(COLS[1][0], top, COLS[1][1], paras[4])
    x, w = COLS[2]
    page.para(x, 60, w, "接1版" + paras[5], indent=False)
    c.save()
    outline = _outline(path)
    sections = _sections(path)
    assert _whole_in(sections.get(lead, []), paras[5]), list(sections)
    assert not _whole_in(sections.get(other, []), paras[5])
    spans = [
        (outline.paragraphs[i].page_start, outline.paragraphs[i].page_end)
        for s in outline.sections
        if s.path and s.path[-1] == lead
        for i in s.paragraphs
    ]
    assert {p for span in spans for p in span} == {1, 2}


# ---- nameplate, synthetic bold, ideographic spaces --------------------------------------------------
def test_a_nameplate_with_its_issue_line_under_it_is_no_headline(tmp_path):
    """The paper's name in display type with its issue line (第N期, date, publisher) right under it, wider than a
    column, the columns starting a few points below: the name is no section, the issue line is no text, and
    the lead's headline wrapped in its narrow column heads its article's paragraphs."""
    paras = _paragraphs(22, 8)
    name, lead, second = "滨河社区报", "老旧小区加装电梯全部完工投入使用", "街道举办迎春书画展"
    path = tmp_path / "nameplate.pdf"
    c = _canvas(path)
    page = _Page(c)
    page.line(297.5 - 2.5 * 36, 70, name, 36)
    page.line(40, 122, "第12期　2024年3月5日　滨河街道办事处主办　内部资料", BODY)  # a gap under the name
    top = 136.0  # the columns start a few points under the issue line
    x, w = COLS[0]
    at = page.head(x, top, w, lead, 22)
    at = page.para(x, at, w, paras[0])
    page.para(x, at, w, paras[1])
    x, w = COLS[1]
    at = page.para(x, top, w, paras[2], indent=False)
    page.para(x, at, w, paras[3])
    x, w = COLS[2]
    at = page.head(x, top, w, second, 20)
    page.para(x, at, w, paras[4])
    c.save()
    sections = _sections(path)
    assert name not in sections, list(sections)
    assert all(_whole_in(sections.get(lead, []), p) for p in paras[:4]), list(sections)
    assert _whole_in(sections.get(second, []), paras[4])
    assert not any("内部资料" in t for texts in sections.values() for t in texts)


def test_stroked_bold_item_titles_of_a_briefs_box_head_their_items(tmp_path):
    """A briefs box under a story: its title a little larger than the body, then items, each a one-line
    title at body size printed bold by filling and stroking the glyphs (the font has no bold face, as a
    word processor prints it), and a paragraph. Each item's paragraph is filed under its own title."""
    paras = _paragraphs(23, 8)
    items = ["春节游园活动报名开始", "社区图书室延长开放时间", "独居老人上门体检"]
    path = tmp_path / "briefs.pdf"
    c = _canvas(path)
    page = _Page(c)
    x, w = COLS[0]
    top = page.head(x, 60, 3 * w, "冬季供暖保障工作全面启动", 24)
    for k, (x, w) in enumerate(COLS[:2]):
        page.para(x, top, w, paras[k])
    x, w = COLS[2]
    at = page.para(x, top, w, paras[2][:60])
    at += BODY
    page.line(x, at, "简讯", 1.2 * BODY, stroked=True)
    at += 1.2 * BODY + 0.6 * BODY
    for title, text in zip(items, paras[3:], strict=False):
        page.line(x, at, title, BODY, stroked=True)
        at = page.para(x, at + 1.5 * BODY, w, text[:80]) + 0.3 * BODY
    c.save()
    sections = _sections(path)
    for title, text in zip(items, paras[3:], strict=False):
        assert _whole_in(sections.get(title, []), text[:80]), (title, list(sections))


def test_a_closing_byline_with_an_ideographic_space_stays_one_line(tmp_path):
    """A closing byline '（王彦田　李华）' right-aligned under a story's last paragraph, the space between the
    names one em of white the PDF does not store: it is one byline in the story, not two fragments."""
    paras = _paragraphs(24, 6)
    story = "农民夜校开课"
    path = tmp_path / "byline.pdf"
    c = _canvas(path)
    page = _Page(c)
    top = page.head(COLS[0][0], 60, 3 * COLS[0][1], story, 24)
    for k, (x, w) in enumerate(COLS):
        at = page.para(x, top, w, paras[k])
    x, w = COLS[2]
    right = x + w
    page.line(right - 4 * BODY, at, "李华）")  # the names: one em of white between them
    page.line(right - 9 * BODY, at, "（王彦田")
    c.save()
    sections = _sections(path)
    assert _whole_in(sections.get(story, []), "（王彦田李华）"), sections.get(story)


# ---- one DOCX printed by LibreOffice ----------------------------------------------------------------
def _soffice_missing() -> str | None:
    from tests.newspaper_office import office_available

    return office_available()


@pytest.fixture(scope="module")
def office_pdf(tmp_path_factory) -> tuple[Path, dict]:
    """A two-page community paper written with python-docx, printed to PDF by LibreOffice."""
    why = _soffice_missing()
    if why is not None:
        pytest.skip(why)
    from docx import Document as Docx
    from docx.enum.section import WD_SECTION
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    from tests.newspaper_office import FONT as OFFICE_FONT
    from tests.newspaper_office import convert

    paras = _paragraphs(25, 14, least=90)
    facts = {
        "name": "滨河社区报",
        "lead": "老旧小区加装电梯全部完工投入使用",
        "second": "街道举办迎春书画展",
        "third": "河道整治工程通过验收",
        "items": ["春节游园活动报名开始", "社区图书室延长开放时间"],
        "paras": paras,
    }
    doc = Docx()
    style = doc.styles["Normal"]
    style.font.size = Pt(10.5)
    style.font.name = OFFICE_FONT
    style.element.rPr.rFonts.set(qn("w:eastAsia"), OFFICE_FONT)
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    sec.left_margin = sec.right_margin = sec.top_margin = sec.bottom_margin = Cm(2)

    def para(text: str, size: float = 10.5, bold: bool = False, indent: bool = True, align=None):  # noqa: ANN001, ANN202
        p = doc.add_paragraph()
        run = p.add_run(text)
        run.font.size, run.font.bold = Pt(size), bold
        fmt = p.paragraph_format
        fmt.space_before = fmt.space_after = Pt(0)
        fmt.first_line_indent = Pt(2 * size) if indent else None
        if align is not None:
            p.alignment = align
        return p

    def columns(section, num: int) -> None:  # noqa: ANN001 - a docx Section
        cols = section._sectPr.find(qn("w:cols"))
        if cols is None:
            cols = OxmlElement("w:cols")
            section._sectPr.append(cols)
        cols.set(qn("w:num"), str(num))
        cols.set(qn("w:space"), str(int(0.8 * 567)))

    para(facts["name"], 36, True, False, WD_ALIGN_PARAGRAPH.CENTER)
    para("第12期　2024年3月5日　滨河街道办事处主办", 9, False, False, WD_ALIGN_PARAGRAPH.CENTER)
    body = doc.add_section(WD_SECTION.CONTINUOUS)
    columns(body, 3)
    para(facts["lead"], 22, True, False)
    para(paras[0])
    para(paras[1])
    para(paras[2] + "为此，区里又专门下转第2版")
    para(facts["second"], 18, True, False)
    para(paras[3])
    para(paras[4])
    para("（王彦田　李华）", indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT)
    table = doc.add_table(rows=1 + len(facts["items"]), cols=1)
    table.style = "Table Grid"
    table.rows[0].cells[0].paragraphs[0].add_run("简讯").font.bold = True
    for row, title, text in zip(table.rows[1:], facts["items"], paras[5:], strict=False):
        cell = row.cells[0]
        cell.paragraphs[0].add_run(title).font.bold = True
        cell.add_paragraph(text[:70])
    para(paras[7])
    brk = doc.add_paragraph().add_run()
    brk.add_break(WD_BREAK.PAGE)
    para(facts["third"], 18, True, False)
    para(paras[8])
    para(paras[9])
    para("接1版" + paras[10], indent=False)
    para(paras[11])
    folder = tmp_path_factory.mktemp("wordproc")
    docx_path = folder / "community.docx"
    doc.save(str(docx_path))
    convert([docx_path], folder, timeout=300)
    pdf = folder / "community.pdf"
    assert pdf.is_file()
    return pdf, facts


def test_an_office_paper_reads_as_its_stories(office_pdf):
    """LibreOffice's page: the nameplate is no section, headlines (bold runs, the lead's wrapped in its
    column) head their stories, the briefs box's items head their own text, the closing byline stays whole,
    and the lead's rest on page 2 after a bare '接1版' is filed under the lead."""
    path, facts = office_pdf
    sections = _sections(path)
    paras = facts["paras"]
    assert facts["name"] not in sections, list(sections)
    assert all(_whole_in(sections.get(facts["lead"], []), p) for p in paras[:3]), list(sections)
    assert _whole_in(sections.get(facts["lead"], []), paras[10]), list(sections)
    assert _whole_in(sections.get(facts["second"], []), paras[3])
    assert _whole_in(sections.get(facts["second"], []), "（王彦田李华）")
    for title, text in zip(facts["items"], paras[5:], strict=False):
        assert _whole_in(sections.get(title, []), text[:70]), (title, list(sections))
    assert _whole_in(sections.get(facts["third"], []), paras[8])


def test_a_headline_across_the_top_heads_the_first_column_it_does_not_reach(tmp_path):
    """The lead's headline centred across the page in a band of its own (a one-column section over a
    four-column one), over the middle columns only; its text starts at the top of the first column, which
    holds another story further down. The lead is read headline first, then the first column's top."""
    text = "".join(_paragraphs(26, 30, least=40))
    # Column texts cut to lengths that fill the four columns to about the same depth (12 characters a line).
    cuts = (84, 84, 132, 96, 240, 300, 276)
    paras, at = [], 0
    for n in cuts:
        paras.append(text[at : at + n])
        at += n
    lead, b, c_, d = "民革中央举行迎春茶话会", "首都武坛喜迎新春", "对根本问题的科学回答", "建设部加强商品房管理"
    cols = [(40.0 + k * 133.0, 120.0) for k in range(4)]
    path = tmp_path / "across.pdf"
    c = _canvas(path)
    page = _Page(c)
    page.line(297.5 - 5.5 * 24, 60, lead, 24)
    page.line(297.5 - 3 * BODY, 92, "通讯员　陈晓钟")
    top = 107.0  # the columns start right under the byline
    x, w = cols[0]
    at = page.para(x, top, w, paras[0])
    at = page.para(x, at, w, paras[1]) + BODY
    at = page.head(x, at, w, b, 14)
    page.para(x, at, w, paras[2])
    x, w = cols[1]
    at = page.para(x, top, w, paras[3], indent=False) + BODY
    at = page.head(x, at, w, c_, 14)
    page.para(x, at, w, paras[4])
    x, w = cols[2]
    page.para(x, top, w, paras[5], indent=False)
    x, w = cols[3]
    at = page.head(x, top + 2, w, d, 14)
    page.para(x, at, w, paras[6])
    c.save()
    sections = _sections(path)
    assert all(_whole_in(sections.get(lead, []), p) for p in paras[:2]), list(sections)
    assert all(_whole_in(sections.get(b, []), p) for p in paras[2:4]), list(sections)
    assert all(_whole_in(sections.get(c_, []), p) for p in paras[4:6]), list(sections)
    assert _whole_in(sections.get(d, []), paras[6])


def test_the_next_storys_kicker_does_not_make_a_subtitle_a_subhead(tmp_path):
    """A subtitle set a little larger than the body under its headline, and the next story's kicker in the
    same type right over its headline: the subtitle stays with its headline (the story's text is filed under
    the headline), the kicker is no subhead type of the first story."""
    paras = _paragraphs(27, 6)
    first, second = "穷则思变走扶贫开发之路", "克拉玛依舞剧唱响大油田"
    path = tmp_path / "subtitle.pdf"
    c = _canvas(path)
    page = _Page(c)
    x, w = COLS[0]
    at = page.head(x, 60, w, first, 16)
    page.line(x, at, "吕梁地区扶贫开发纪事", 11.5)  # no dash before it: only its place says subtitle
    at += 11.5 * 1.5
    at = page.para(x, at, w, paras[0])
    at = page.para(x, at, w, paras[1]) + BODY
    page.line(x, at, "身边榜样", 11.5)
    at += 11.5 * 1.4
    at = page.head(x, at, w, second, 16)
    page.para(x, at, w, paras[2])
    for k, (x, w) in enumerate(COLS[1:]):
        page.para(x, 60, w, paras[3 + k])
    c.save()
    sections = _sections(path)
    assert all(_whole_in(sections.get(first, []), p) for p in paras[:2]), list(sections)
    assert _whole_in(sections.get(second, []), paras[2]), list(sections)


def test_a_kicker_set_apart_over_its_headline_keeps_the_story_in_its_flow(tmp_path):
    """A story starting low in the middle column under a kicker set a paragraph space above its headline, its
    text running on at the top of the next column (which ends above the kicker): the next column's top is
    read after the headline, in the story, not before it with the story above."""
    text = "".join(_paragraphs(28, 30, least=40))
    first, second = "城区道路秩序明显好转", "美能源部预测油价将微涨"
    path = tmp_path / "kicker.pdf"
    c = _canvas(path)
    page = _Page(c)
    x, w = COLS[0]
    at = page.head(x, 60, w, first, 18)
    at = page.para(x, at, w, text[:160])
    page.para(x, at, w, text[160:400])
    x, w = COLS[1]
    at = page.para(x, 60, w, text[400:592], indent=False)  # the first story ends here
    kicker_top = at  # where the next line would start: no more than a line space above the kicker
    page.line(x + 3 * BODY, kicker_top, "一线传真", 11.5)  # display type, below headline type
    at = kicker_top + 11.5 + 16  # the headline's paragraph space above it
    at = page.head(x, at, w, second, 16)
    rest = text[600:1600]
    low = rest[: int((760 - at) // (1.5 * BODY)) * 16 - 2]
    page.para(x, at, w, low)
    x, w = COLS[2]
    top_of_next = rest[len(low) : len(low) + 160]
    assert len(top_of_next) == 160
    page.para(x, 60, w, top_of_next, indent=False)  # ends well above the kicker's row
    c.save()
    sections = _sections(path)
    assert _whole_in(sections.get(second, []), top_of_next[:40]), list(sections)
    assert not _whole_in(sections.get(first, []), top_of_next[:40])
