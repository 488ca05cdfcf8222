"""Newspaper PDFs laid out by Scribus (a desktop-publishing program) in its own text frames, with gold.

A ninth producer (after reportlab, Chromium, WeasyPrint, Typst, LibreOffice, XeLaTeX, fpdf2 and PDFKit), written
by an engineer who did NOT read the PDF reader's source (qa/formats, qa/structure), its tests, nor the other
producers' layout code (only the gold and scoring interface of tests/newspaper_pdfs.py and the public docstrings
of tests/newspaper_pdfkit.py and tests/newspaper_fpdf.py, to draw OTHER conventions than theirs). The conventions
below were written down before the reader first ran on these papers; the producer is frozen since.

The engine is Scribus 1.5 (Debian ``scribus``), run headless (``scribus -g -ns -py``, Qt's offscreen platform)
on tests/newspaper_scribus_script.py, which this module feeds a JSON spec: the page grid, the frames and the
text. Scribus does the typesetting with its own machinery — paragraph and character styles, its line breaker
and justification, **linked text frames** (a story's text flows frame to frame, column to column and from page
1 to page 2 mid-paragraph, as a layout artist links frames), Scribus's own **in-frame columns** for some
stories, **text wrap round a photo frame**, **drop caps** — and exports the PDF (subset TrueType fonts). The
script reports every frame's visible text as Scribus laid it out; the gold is built from that report.

Conventions (those of a Chinese daily laid out in a DTP program, as 方正飞翔 / InDesign / Scribus users do it):

- **Type faces**: only the AR PL 宋体 / 楷体 (GB fonts; 明体 / 楷体 Big5 fonts on traditional papers) — no 黑体:
  Scribus writes its PDF ToUnicode from the font's cmap, and for fonts that also map CJK compatibility ideographs
  (WenQuanYi Micro Hei, Droid Sans Fallback) common characters (年 了 不 北 更 …) come out of the text layer as
  U+F9xx; that would measure a font quirk, not layout. Heads and furniture are made **bold by an outline stroke**
  (Scribus's outline text effect; synthetic bold) on some papers, or by size alone.
- **Page furniture**: page 1 opens with a masthead (the paper's name in large bold 宋体 or 楷体, left or centred;
  an issue line with the date, 星期, 第N期 / 今日N版 / 国内统一刊号; a thick or double rule under it). Page 2 carries a
  running head (第2版 and a 版名 such as 要闻 / 国内 / 经济, the date, the paper's name) over a rule. A footer
  (责任编辑 / 版式 / 校对 names, sometimes a page number 2 or －2－) closes each page. None are pieces.
- **Modules**: the type area is cut into bands, a band into modules of 1..C columns; on some papers a
  one-column strip runs the full height of page 1 at the left or the right and holds two short stories one over
  the other. Rules (thin, 0.5 pt) separate bands on some papers; thin vertical column rules on others.
- **Heads stacked in their own frames** over the story's module: 引题 (kicker, smaller, 楷体 or 宋体), the main
  head (宋体 or 楷体, outlined bold on some papers; 1.7–3.2× body for the lead, 1.3–2.2× for others;
  LEFT-aligned on some papers and centred on others — never right), 副题 (subtitle, with or without a leading
  '——'). A head too long for its module is broken over several lines by Scribus; each head frame is grown line
  by line until Scribus lays all its text out. Some non-lead stories carry a **section label** (栏目, '【经济观察】' /
  '◆今日视点') above the kicker — furniture, not a piece.
- **Bylines in three styles** drawn per paper: a line of its own under the heads ('本报记者　张三　李四', 楷体,
  smaller, left or right aligned); a **dateline run into the first paragraph** ('本报北京1月5日讯　记者张三报道：'
  opening the body — part of that paragraph's text); or a **closing byline** in brackets right-aligned after the
  last paragraph ('（记者　张三）', its own paragraph, role byline).
- **Body** in 宋体 (明体 for traditional papers, 楷体 on some), 8.5–10.5 pt, fixed leading ×1.3–1.8,
  justified (Scribus's block alignment) or ragged; paragraphs indented by a first-line indent of two characters
  (a paragraph-style indent, not ideographic spaces) or not indented and separated by a space after. The text of
  a story flows through linked frames (one per column) or through one frame with Scribus's columns; on some
  papers the lead opens with a 2- or 3-line **drop cap** (首字下沉). A story that does not fit is cut back to the
  last sentence end that Scribus printed (neither the cut text nor a half sentence is printed or in the gold).
- **Photos with runaround**: a tinted box spanning 1–2 columns somewhere down the body (top, middle), with a
  caption frame under it; Scribus's text flow runs the body round both. The caption is a piece (role caption).
- **Jumps (转版)**: page 1's lead, and on some papers a second story, fills its frames and the text flows on,
  mid-paragraph, into frames on page 2 — the SAME Scribus story in linked frames. Under the last column on page 1
  sits a jump line in its own small frame, right- or left-aligned: （下转第二版） / （下转2版） / （转第2版） /
  下转第2版 / 转二版→ (▶ and ◀ have no glyph in the AR PL fonts). On page 2 the continuation is placed per
  paper at the TOP of the page (the first module), in a full-height side strip (1–2 columns, left or right) or
  at the foot; it opens with the headline set at the secondary size and a marker line under it (（上接第一版） /
  （上接1版） / （接第1版） / 上接第1版 / ←接一版), or with a one-line jump head (the headline with the marker
  after it on the same line), or with the marker line only (no head).
- **Dimensions drawn independently per paper**: page width 620–980 pt (height ×1.30–1.50), margins 24–54 pt,
  3–6 columns (redrawn until a column holds at least 10 body characters), gutter 6–18 pt, body size and leading,
  head scales, alignment, indent style, kicker / subtitle / label rates, byline style, photo rate, in-frame
  columns rate, column and band rules, drop caps, marker wording and alignment, continuation placement and head
  style, a second jump; about one paper in five in traditional characters (OpenCC s2tw, Taiwan forms, over all
  text, markers and furniture included — s2t's 着 and the like have no glyph in the Big5 fonts).

Text is not written here: People's Daily January 1998 articles (tests/text_sources.py via ``pd_article_sample``)
with their real headlines and reporter names, and CMRC 2018 paragraphs for about a fifth of the stories when that
corpus is installed; an article with a character the paper's fonts have no glyph for is left out (about 2 % of
simplified, 5 % of traditional). Kickers, subtitles and captions take other articles' real titles; paper names,
dates and editor credits are invented.

Gold from what Scribus printed: each frame's visible text (``getFrameText`` after ``layoutTextChain``) is read
back; a story's body pieces are its chain's visible text split at paragraph ends, page by page (a paragraph cut by
the page-1→page-2 flow is two pieces, the second ``continues``); kickers, subtitles, byline lines and captions are
their frames' text. ``check_gold`` re-reads each page with pdfplumber and requires every piece on its page
(``pieces_not_on_their_pages``). Two pages per paper.

Engine: Scribus (Debian ``scribus``, GPL; a test-time tool only, nothing in ``qa`` uses it), installed by
scripts/install-scribus.sh with the AR PL fonts (fonts-arphic-gbsn00lp, -gkai00mp, -bsmi00lp, -bkai00mp).
``scribus_available()`` says why not; callers skip.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from tests.newspaper_pdfs import Article, Newspaper, Piece, fonts_missing, pd_article_sample, pieces_not_on_their_pages

SCRIPT = Path(__file__).with_name("newspaper_scribus_script.py")
FONT_FILES = {
    "song": ("AR PL SungtiL GB Regular", Path("/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf")),
    "kai": ("AR PL KaitiM GB Regular", Path("/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf")),
    "ming": ("AR PL Mingti2L Big5 Regular", Path("/usr/share/fonts/truetype/arphic-bsmi00lp/bsmi00lp.ttf")),
    "kai_t": ("AR PL KaitiM Big5 Regular", Path("/usr/share/fonts/truetype/arphic-bkai00mp/bkai00mp.ttf")),
}
WEEKDAYS = "一二三四五六日"
CN_DIGITS = "〇一二三四五六七八九"
JUMP_OUT = ("（下转第二版）", "（下转2版）", "（转第2版）", "下转第2版", "转二版→")
JUMP_IN = ("（上接第一版）", "（上接1版）", "（接第1版）", "上接第1版", "←接一版")
LABELS = ("【经济观察】", "◆今日视点", "【地方传真】", "■民生关注", "【新春走基层】", "◆综合新闻")
PAPERS = ("江南日报", "北方时报", "滨海日报", "西部商报", "河洛晚报", "岭南都市报", "塞上日报", "长河报")
EDITIONS = ("要闻", "国内", "经济", "综合", "地方新闻")
NAMES = ("王磊", "刘洋", "陈静", "张伟", "李娜", "赵敏", "孙浩", "周婷", "吴刚", "郑芳")
CITIES = ("北京", "上海", "广州", "西安", "成都", "武汉", "南京", "沈阳")


@dataclass
class ScribusNewspaper(Newspaper):
    """A paper with the column boxes of its text frames (page, x0, top, x1, bottom in pt), for ``check_gold``."""

    boxes: list[tuple[int, float, float, float, float]] = field(default_factory=list)


def scribus_available() -> str | None:
    """None when papers can be made here, else why not (callers skip with it)."""
    if shutil.which("scribus") is None:
        return "Scribus is not installed (scripts/install-scribus.sh)"
    return fonts_missing((path for _, path in FONT_FILES.values()), "scripts/install-scribus.sh")


@dataclass
class _Style:
    """One paper's drawn dimensions."""

    width: float
    height: float
    margins: tuple[float, float, float, float]  # left, right, top, bottom
    columns: int
    gutter: float
    body: float
    leading: float
    trad: bool
    body_font: str
    head_font: str
    bold: float  # synthetic bold of heads and furniture (an outline stroke, % of the size); 0 = none
    kicker_font: str
    lead_scale: float
    head_scale: float
    head_align: int  # 0 left, 1 centred
    justify: bool
    indent: bool
    kicker_rate: float
    subtitle_rate: float
    dash: bool
    label_rate: float
    byline: str  # line / dateline / closing
    byline_align: int
    photo_rate: float
    inframe_rate: float
    col_rules: bool
    band_rules: bool
    dropcap: bool
    out_marker: str
    in_marker: str
    marker_align: int  # 0 left, 2 right
    cont_place: str  # top / side / bottom
    cont_head: str  # head+marker / one-line / marker
    second_jump: bool
    strip: str  # none / left / right (page 1's full-height one-column strip)


def _draw_style(rng: random.Random, columns: int | None) -> _Style:
    width = rng.uniform(620, 980)
    height = width * rng.uniform(1.30, 1.50)
    margins = tuple(round(rng.uniform(24, 54), 1) for _ in range(4))
    body = round(rng.uniform(8.5, 10.5), 1)
    gutter = rng.uniform(6, 18)
    while True:
        cols = columns or rng.randint(3, 6)
        colw = (width - margins[0] - margins[1] - gutter * (cols - 1)) / cols
        if colw >= 10 * body or columns:
            break
    trad = rng.random() < 0.2
    body_font = rng.choices(["song", "kai"], [0.85, 0.15])[0]
    head_font = rng.choices(["song", "kai"], [0.7, 0.3])[0]
    return _Style(
        width=width,
        height=height,
        margins=margins,
        columns=cols,
        gutter=gutter,
        body=body,
        leading=round(body * rng.uniform(1.3, 1.8), 2),
        trad=trad,
        body_font=body_font,
        head_font=head_font,
        kicker_font=rng.choice(["song", "kai"]),
        bold=rng.choice([0.0, 0.0, 2.5, 4.0]),
        lead_scale=rng.uniform(1.7, 3.2),
        head_scale=rng.uniform(1.3, 2.2),
        head_align=rng.choice([0, 1]),
        justify=rng.random() < 0.7,
        indent=rng.random() < 0.7,
        kicker_rate=rng.choice([0.0, 0.25, 0.5]),
        subtitle_rate=rng.choice([0.0, 0.25, 0.5]),
        dash=rng.random() < 0.5,
        label_rate=rng.choice([0.0, 0.0, 0.3]),
        byline=rng.choice(["line", "dateline", "closing"]),
        byline_align=rng.choice([0, 2]),
        photo_rate=rng.choice([0.0, 0.3, 0.5]),
        inframe_rate=rng.choice([0.0, 0.3, 0.7]),
        col_rules=rng.random() < 0.5,
        band_rules=rng.random() < 0.6,
        dropcap=rng.random() < 0.3,
        out_marker=rng.choice(JUMP_OUT),
        in_marker=rng.choice(JUMP_IN),
        marker_align=rng.choice([0, 2]),
        cont_place=rng.choice(["top", "side", "bottom"]),
        cont_head=rng.choice(["head+marker", "one-line", "marker"]),
        second_jump=rng.random() < 0.4,
        strip=rng.choice(["none", "none", "left", "right"]),
    )


class _Spec:
    """The JSON spec for tests/newspaper_scribus_script.py, built up item by item."""

    def __init__(self, st: _Style, convert) -> None:  # noqa: ANN001 - str -> str
        self.st, self.t = st, convert
        self.items: list[dict] = []
        self.chains: list[dict] = []
        self.charstyles: list[dict] = []
        self.parstyles: list[dict] = []
        self.n = 0

    def name(self, kind: str) -> str:
        self.n += 1
        return f"{kind}{self.n}"

    def style(
        self,
        font: str,
        size: float,
        leading: float | None = None,
        align: int = 0,
        indent: float = 0.0,
        after: float = 0.0,
        drop: int = 0,
        bold: float = 0.0,
    ) -> str:
        """A paragraph style (with its own character style) for these settings; reused when it exists. ``font`` is
        song or kai: the traditional paper's 明体 / 楷体 (Big5 fonts) stand in on traditional papers."""
        key = f"p{len(self.parstyles)}"
        face = {"song": "ming", "kai": "kai_t"}[font] if self.st.trad else font
        cs = {"name": "c" + key, "font": FONT_FILES[face][0], "fontsize": round(size, 2)}
        if bold:
            cs.update(features="outline", outlinewidth=round(bold * 10), strokecolor="Black")
        ps = {
            "name": key,
            "linespacingmode": 0,
            "linespacing": round(leading or size * 1.25, 2),
            "alignment": align,
            "firstindent": round(indent, 2),
            "gapafter": round(after, 2),
            "charstyle": "c" + key,
        }
        if drop:
            ps.update(hasdropcap=1, dropcaplines=drop)
        for old_cs, old_ps in zip(self.charstyles, self.parstyles, strict=True):
            if {**old_cs, "name": cs["name"]} == cs and {**old_ps, "name": key, "charstyle": cs["name"]} == ps:
                return old_ps["name"]
        self.charstyles.append(cs)
        self.parstyles.append(ps)
        return key

    def text(self, page: int, x: float, y: float, w: float, h: float, text: str, style: str, fit: bool = False) -> str:
        name = self.name("t")
        self.items.append(
            {
                "op": "text",
                "name": name,
                "page": page,
                "x": x,
                "y": y,
                "w": w,
                "h": h,
                "text": self.t(text),
                "style": style,
                "fit": fit,
            }
        )
        return name

    def line(self, page: int, x1: float, y1: float, x2: float, y2: float, width: float = 0.5) -> None:
        self.items.append({"op": "line", "page": page, "x1": x1, "y1": y1, "x2": x2, "y2": y2, "width": width})


@dataclass
class _Story:
    article: Article
    role: str  # lead / jump2 / story / continuation
    heads: list[tuple[str, str]]  # (role, name of frame) in print order
    body: str  # name of the body (module)
    closing: str | None = None  # the closing byline paragraph, when the paper closes with one


def _date(rng: random.Random) -> tuple[str, str]:
    day = rng.randint(1, 31)
    weekday = WEEKDAYS[(day + 2) % 7]  # 1 January 1998 was a Thursday
    return f"1998年1月{day}日", f"星期{weekday}"


class _Layout:
    """Places one paper's furniture, modules and chains into a _Spec."""

    def __init__(self, rng: random.Random, st: _Style, spec: _Spec, articles: list[Article]) -> None:
        self.rng, self.st, self.spec = rng, st, spec
        self.articles = articles
        self.stories: list[_Story] = []
        self.jumps: list[_Story] = []
        left, right, top, bottom = st.margins
        self.x0, self.x1 = left, st.width - right
        self.y0, self.y1 = top, st.height - bottom
        self.colw = (self.x1 - self.x0 - st.gutter * (st.columns - 1)) / st.columns
        self.used_titles: set[str] = set()
        self.date, self.weekday = _date(rng)
        self.paper = rng.choice(PAPERS)

    # ---- furniture -----------------------------------------------------------------------------------
    def masthead(self) -> float:
        st, sp, rng = self.st, self.spec, self.rng
        size = rng.uniform(30, 46)
        align = rng.choice([0, 1])
        y = self.y0
        sp.text(
            1,
            self.x0,
            y,
            self.x1 - self.x0,
            size * 1.3,
            self.paper,
            sp.style(st.head_font, size, size * 1.25, align, bold=st.bold or 3.0),
        )
        y += size * 1.35
        issue = f"{self.date}　{self.weekday}　第{rng.randint(6000, 19000)}期　今日{rng.choice([4, 8, 12, 16])}版"
        if rng.random() < 0.5:
            issue += f"　国内统一刊号CN{rng.randint(11, 65)}－{rng.randint(1, 99):04d}"
        small = st.body * 0.9
        sp.text(1, self.x0, y, self.x1 - self.x0, small * 1.4, issue, sp.style(st.head_font, small, small * 1.3, align))
        y += small * 1.6
        sp.line(1, self.x0, y, self.x1, y, rng.choice([1.5, 2.5]))
        if rng.random() < 0.5:
            sp.line(1, self.x0, y + 2.5, self.x1, y + 2.5, 0.5)
        return y + st.leading

    def running_head(self) -> float:
        st, sp, rng = self.st, self.spec, self.rng
        size = st.body * rng.uniform(1.0, 1.3)
        edition = rng.choice(EDITIONS)
        style = sp.style(st.head_font, size, size * 1.3, 0)
        left = rng.choice([f"第2版　{edition}", f"2　{'　'.join(edition)}", f"{edition}　2"])
        half = (self.x1 - self.x0) / 2
        sp.text(2, self.x0, self.y0, half, size * 1.4, left, style)
        right_style = sp.style(st.head_font, size * 0.9, size * 1.3, 2)
        sp.text(2, self.x0 + half, self.y0, half, size * 1.4, f"{self.date}　{self.weekday}　{self.paper}", right_style)
        y = self.y0 + size * 1.6
        sp.line(2, self.x0, y, self.x1, y, rng.choice([0.8, 1.5]))
        return y + st.leading

    def footer(self, page: int) -> float:
        st, sp, rng = self.st, self.spec, self.rng
        size = st.body * 0.85
        names = rng.sample(NAMES, 3)
        credits = f"责任编辑：{names[0]}　版式：{names[1]}"
        if rng.random() < 0.5:
            credits += f"　校对：{names[2]}"
        y = self.y1 - size * 1.4
        sp.line(page, self.x0, y - 3, self.x1, y - 3, 0.5)
        sp.text(
            page,
            self.x0,
            y,
            (self.x1 - self.x0) * 0.7,
            size * 1.4,
            credits,
            sp.style(st.head_font, size, size * 1.3, 0),
        )
        if rng.random() < 0.5:
            folio = rng.choice([str(page), f"－{page}－"])
            x = self.x1 - 40
            sp.text(page, x, y, 40, size * 1.4, folio, sp.style(st.head_font, size, size * 1.3, 2))
        return y - 3 - st.leading * 0.6

    # ---- stories -------------------------------------------------------------------------------------
    def other_title(self) -> str:
        for a in self.articles:
            if a.headline not in self.used_titles:
                self.used_titles.add(a.headline)
                self.articles.remove(a)
                return a.headline
        return "本报综合消息"

    def body_style(self, drop: int = 0) -> str:
        st = self.st
        return self.spec.style(
            st.body_font,
            st.body,
            st.leading,
            3 if st.justify else 0,
            2 * st.body if st.indent else 0.0,
            0.0 if st.indent else st.leading * 0.5,
            drop,
        )

    def module(
        self, page: int, x: float, y: float, cols: int, h: float, article: Article, role: str, out_marker: bool = False
    ) -> _Story:
        """One story's module: heads, then a body of ``cols`` columns; returns its story."""
        st, sp, rng = self.st, self.spec, self.rng
        w = cols * self.colw + (cols - 1) * st.gutter
        scale = st.lead_scale if role in ("lead", "jump2") and cols > 1 else st.head_scale
        size = max(st.body * 1.3, min(st.body * scale, w / max(4, min(len(article.headline), 16))))
        heads: list[dict] = []
        story = _Story(article, role, [], sp.name("b"))
        kstyle = sp.style(st.kicker_font, max(st.body * 1.1, size * 0.55), None, st.head_align)
        if role == "story" and rng.random() < st.label_rate:
            lsize = st.body * 1.05
            heads.append(
                {
                    "name": sp.name("l"),
                    "text": sp.t(rng.choice(LABELS)),
                    "step": lsize * 1.3,
                    "style": sp.style(st.head_font, lsize, lsize * 1.3, 0),
                    "after": 2.0,
                    "role": "label",
                }
            )
        roomy = h >= 16 * st.leading  # a shallow module gets no kicker and no subtitle
        if roomy and rng.random() < st.kicker_rate:
            article.kicker = self.other_title()
            heads.append(
                {
                    "name": sp.name("k"),
                    "text": sp.t(article.kicker),
                    "step": kstyle_step(sp, kstyle),
                    "style": kstyle,
                    "after": 1.0,
                    "role": "kicker",
                }
            )
        hstyle = sp.style(st.head_font, size, size * 1.2, st.head_align, bold=st.bold)
        heads.append(
            {
                "name": sp.name("h"),
                "text": sp.t(article.headline),
                "step": size * 1.2,
                "style": hstyle,
                "after": 2.0,
                "role": "head",
            }
        )
        if roomy and rng.random() < st.subtitle_rate:
            article.subtitle = ("——" if st.dash else "") + self.other_title()
            heads.append(
                {
                    "name": sp.name("s"),
                    "text": sp.t(article.subtitle),
                    "step": kstyle_step(sp, kstyle),
                    "style": kstyle,
                    "after": 2.0,
                    "role": "subtitle",
                }
            )
        reporters = article.byline or "　".join(rng.sample(NAMES, rng.choice([1, 2])))
        if st.byline == "line":
            bsize = st.body * 0.95
            bstyle = sp.style(st.kicker_font, bsize, bsize * 1.35, st.byline_align)
            heads.append(
                {
                    "name": sp.name("y"),
                    "text": sp.t(f"本报记者　{reporters}"),
                    "step": bsize * 1.35,
                    "style": bstyle,
                    "after": st.leading * 0.5,
                    "role": "byline",
                }
            )
        elif st.byline == "dateline":
            dateline = f"本报{rng.choice(CITIES)}{self.date[5:]}讯　记者{reporters.split('　')[0]}报道："
            article.paragraphs = [dateline + article.paragraphs[0], *article.paragraphs[1:]]
        else:
            story.closing = f"（记者　{reporters}）"
        heads[-1]["after"] = max(heads[-1]["after"], st.leading * 0.5)
        story.heads = [(hd["role"], hd["name"]) for hd in heads]
        body: dict = {"name": story.body, "columns": cols, "gap": st.gutter, "rules": st.col_rules}
        body["mode"] = "frame" if cols > 1 and rng.random() < st.inframe_rate else "linked"
        if out_marker:
            msize = st.body * 0.95
            body["marker"] = {
                "name": sp.name("m"),
                "text": sp.t(st.out_marker),
                "h": msize * 1.5,
                "style": sp.style(st.head_font, msize, msize * 1.3, st.marker_align),
            }
        if role != "continuation" and rng.random() < st.photo_rate and h > 14 * st.leading:
            span = min(cols, rng.choice([1, 2]))
            csize = st.body * 0.9
            pw = span * self.colw
            body["photo"] = {
                "col": rng.randint(0, cols - span),
                "span": span,
                "at": rng.choice([0.0, 0.3, 0.5]) if role != "lead" else rng.choice([0.0, 0.4]),
                "h": pw * rng.uniform(0.45, 0.7),
                "shade": rng.choice([20, 35, 50]),
                "pad": st.leading * 0.4,
                "caption": {
                    "name": sp.name("c"),
                    "text": sp.t(self.other_title()),
                    "step": csize * 1.35,
                    "style": sp.style(st.kicker_font, csize, csize * 1.35, 0),
                },
            }
            story.heads.append(("caption", body["photo"]["caption"]["name"]))
        sp.items.append({"op": "module", "page": page, "x": x, "y": y, "w": w, "h": h, "heads": heads, "body": body})
        self.stories.append(story)
        return story

    def continuation(self, page: int, x: float, y: float, cols: int, h: float, story: _Story) -> str:
        """The module on page 2 the jumped ``story`` flows on into; returns its body's name."""
        st, sp = self.st, self.spec
        w = cols * self.colw + (cols - 1) * st.gutter
        size = max(st.body * 1.3, min(st.body * st.head_scale, w / max(4, min(len(story.article.headline), 16))))
        msize = st.body * 0.95
        mstyle = sp.style(st.head_font, msize, msize * 1.35, st.head_align)
        heads = []
        if st.cont_head == "head+marker":
            heads.append(
                {
                    "name": sp.name("h"),
                    "text": sp.t(story.article.headline),
                    "step": size * 1.2,
                    "style": sp.style(st.head_font, size, size * 1.2, st.head_align),
                    "after": 1.0,
                }
            )
            heads.append(
                {
                    "name": sp.name("m"),
                    "text": sp.t(st.in_marker),
                    "step": msize * 1.35,
                    "style": mstyle,
                    "after": st.leading * 0.5,
                }
            )
        elif st.cont_head == "one-line":
            heads.append(
                {
                    "name": sp.name("h"),
                    "text": sp.t(story.article.headline + st.in_marker),
                    "step": size * 1.2,
                    "style": sp.style(st.head_font, size, size * 1.2, st.head_align),
                    "after": st.leading * 0.5,
                }
            )
        else:
            heads.append(
                {
                    "name": sp.name("m"),
                    "text": sp.t(st.in_marker),
                    "step": msize * 1.35,
                    "style": mstyle,
                    "after": st.leading * 0.5,
                }
            )
        name = sp.name("b")
        body = {"name": name, "columns": cols, "gap": st.gutter, "rules": st.col_rules, "mode": "linked"}
        sp.items.append({"op": "module", "page": page, "x": x, "y": y, "w": w, "h": h, "heads": heads, "body": body})
        return name

    def band_rule(self, page: int, y: float, x0: float | None = None, x1: float | None = None) -> None:
        if self.st.band_rules:
            self.spec.line(page, self.x0 if x0 is None else x0, y, self.x1 if x1 is None else x1, y, 0.5)

    def split(self, cols: int, parts: int) -> list[int]:
        """``cols`` columns cut into ``parts`` modules of at least one column."""
        parts = max(1, min(parts, cols))
        cuts = sorted(self.rng.sample(range(1, cols), parts - 1))
        return [b - a for a, b in zip([0, *cuts], [*cuts, cols], strict=True)]

    def fill_band(self, page: int, y: float, h: float, col0: int, cols: int) -> None:
        """A band of ordinary stories across columns col0..col0+cols-1."""
        x = self.x0 + col0 * (self.colw + self.st.gutter)
        parts = self.rng.choice([1, 2, 2, 3]) if h >= 14 * self.st.leading else 1  # a shallow band: one story
        for width in self.split(cols, parts):
            if not self.articles:
                return
            article = self.articles.pop(0)
            self.used_titles.add(article.headline)
            self.module(page, x, y, width, h, article, "story")
            x += width * (self.colw + self.st.gutter)

    def height_for(self, article: Article, cols: int, share: float) -> float:
        """A module height whose body holds about ``share`` of ``article`` (a rough estimate from the body size and
        leading; Scribus's layout decides, and the caller checks the text did reach page 2)."""
        st = self.st
        per_line = max(1, int(self.colw / st.body))
        chars = sum(len(p) + per_line // 2 for p in article.paragraphs) * share
        heads = st.body * st.lead_scale * 2.6 + st.leading * 3
        return heads + chars / (cols * per_line) * st.leading

    def page1(self, shrink: float) -> None:
        st, rng = self.st, self.rng
        top = self.masthead()
        bottom = self.footer(1)
        lead = self.articles.pop(0)  # the two longest articles: the stories that jump
        second = self.articles.pop(0) if st.second_jump else None
        col0, cols = 0, st.columns
        if st.strip != "none" and st.columns >= 4:  # a full-height one-column strip of two short stories
            strip_col = 0 if st.strip == "left" else st.columns - 1
            col0 = 1 if st.strip == "left" else 0
            cols = st.columns - 1
            x = self.x0 + strip_col * (self.colw + st.gutter)
            mid = top + (bottom - top) * rng.uniform(0.4, 0.6)
            for y, h in (
                (top, mid - top - st.leading * 0.5),
                (mid + st.leading * 0.5, bottom - mid - st.leading * 0.5),
            ):
                if self.articles:
                    article = self.articles.pop(0)
                    self.used_titles.add(article.headline)
                    self.module(1, x, y, 1, h, article, "story")
            self.band_rule(1, mid, x, x + self.colw)
        x = self.x0 + col0 * (self.colw + st.gutter)
        share = rng.uniform(0.45, 0.7) * shrink
        lead_h = min(max(self.height_for(lead, cols, share), (bottom - top) * 0.25), (bottom - top) * 0.62)
        self.used_titles.add(lead.headline)
        self.jumps.append(self.module(1, x, top, cols, lead_h, lead, "lead", out_marker=True))
        y = top + lead_h + st.leading * 0.6
        self.band_rule(1, y - st.leading * 0.3)
        rest = bottom - y
        if second is not None:
            self.used_titles.add(second.headline)
            wcols = max(1, cols // 2) if cols > 2 else cols
            h2 = min(max(self.height_for(second, wcols, rng.uniform(0.45, 0.7) * shrink), rest * 0.35), rest * 0.9)
            at = rng.choice([0, cols - wcols])
            x2 = self.x0 + (col0 + at) * (self.colw + st.gutter)
            self.jumps.append(self.module(1, x2, y, wcols, h2, second, "jump2", out_marker=True))
            others = [(col0, at), (col0 + at + wcols, cols - at - wcols)]
            for c0, n in others:
                if n > 0:
                    self.fill_band(1, y, rest, c0, n)
            if h2 < rest - 6 * st.leading:
                self.fill_band(1, y + h2 + st.leading * 0.6, rest - h2 - st.leading * 0.6, col0 + at, wcols)
        else:
            if rng.random() < 0.5 and rest > 16 * st.leading:
                h1 = rest * rng.uniform(0.45, 0.6)
                self.fill_band(1, y, h1, col0, cols)
                self.band_rule(1, y + h1 + st.leading * 0.3)
                self.fill_band(1, y + h1 + st.leading * 0.6, rest - h1 - st.leading * 0.6, col0, cols)
            else:
                self.fill_band(1, y, rest, col0, cols)

    def page2(self) -> list[str]:
        """Page 2's stories and the continuations; the continuations' body names, one per jump."""
        st, rng = self.st, self.rng
        top = self.running_head()
        bottom = self.footer(2)
        n = len(self.jumps)
        conts: list[str] = []
        if st.cont_place == "side":
            width = 1 if st.columns < 5 else rng.choice([1, 2])
            left = rng.random() < 0.5
            c0 = 0 if left else st.columns - width
            x = self.x0 + c0 * (self.colw + st.gutter)
            h = (bottom - top) / n
            for k, story in enumerate(self.jumps):
                conts.append(self.continuation(2, x, top + k * h, width, h - st.leading * 0.6, story))
            col0 = width if left else 0
            cols = st.columns - width
            y, rest = top, bottom - top
        else:
            h_cont = (bottom - top) * rng.uniform(0.3, 0.45)
            y_cont = top if st.cont_place == "top" else bottom - h_cont
            widths = self.split(st.columns, n) if n > 1 else [st.columns]
            x = self.x0
            for story, width in zip(self.jumps, widths, strict=True):
                conts.append(self.continuation(2, x, y_cont, width, h_cont, story))
                x += width * (self.colw + st.gutter)
            col0, cols = 0, st.columns
            rest = bottom - top - h_cont - st.leading * 0.6
            y = top + h_cont + st.leading * 0.6 if st.cont_place == "top" else top
            self.band_rule(2, (y - st.leading * 0.3) if st.cont_place == "top" else (y + rest + st.leading * 0.3))
        if rest > 18 * st.leading and rng.random() < 0.6:
            h1 = rest * rng.uniform(0.4, 0.6)
            self.fill_band(2, y, h1, col0, cols)
            self.band_rule(2, y + h1 + st.leading * 0.3, self.x0 + col0 * (self.colw + st.gutter))
            self.fill_band(2, y + h1 + st.leading * 0.6, rest - h1 - st.leading * 0.6, col0, cols)
        else:
            self.fill_band(2, y, rest, col0, cols)
        return conts


def kstyle_step(spec: _Spec, style: str) -> float:
    """The line pitch of paragraph style ``style``."""
    return next(ps["linespacing"] for ps in spec.parstyles if ps["name"] == style)


@cache
def _cmap(face: str) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    return frozenset(TTFont(str(FONT_FILES[face][1])).getBestCmap())


def _printable(st: _Style, convert) -> Callable[[Article], bool]:  # noqa: ANN001 - str -> str
    """Whether both of the paper's faces have a glyph for every character of an article (as converted): a
    character missing from the font would be printed as nothing, so such articles are left out."""
    faces = ("ming", "kai_t") if st.trad else ("song", "kai")
    cmaps = [_cmap(f) for f in faces]

    def ok(a: Article) -> bool:
        text = convert(a.headline + "".join(a.paragraphs) + (a.byline or ""))
        return all(ord(c) in cm for c in text if not c.isspace() for cm in cmaps)

    return ok


def _articles(rng: random.Random, printable: Callable[[Article], bool]) -> list[Article]:
    """People's Daily articles (and about a fifth CMRC when installed) the paper's fonts can print, long ones first
    for the jumps."""
    from tests import text_sources

    arts = [a for a in pd_article_sample(rng, 120) if sum(map(len, a.paragraphs)) >= 200]
    cmrc = text_sources.cmrc_articles()
    if cmrc:
        for a in rng.sample(list(cmrc), min(8, len(cmrc))):
            arts.insert(rng.randrange(len(arts) + 1), Article(a.title, list(a.paragraphs)))
    seen: set[str] = set()
    out = []
    for a in arts:
        if a.headline not in seen and 4 <= len(a.headline) <= 40 and printable(a):
            seen.add(a.headline)
            out.append(a)
    longest = sorted(out, key=lambda a: -sum(map(len, a.paragraphs)))[:2]
    return longest + [a for a in out if a not in longest]


def _run_scribus(spec: dict, folder: Path) -> dict:
    path = folder / "spec.json"
    path.write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
    env = {
        **os.environ,
        "SCRIBUS_NEWSPAPER_SPEC": str(path),
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(folder),
        "XDG_RUNTIME_DIR": str(folder),
    }
    proc = subprocess.run(
        ["scribus", "-g", "-ns", "-py", str(SCRIPT)], env=env, capture_output=True, text=True, timeout=300
    )
    if os.environ.get("SCRIBUS_NEWSPAPER_DEBUG"):
        print(proc.stderr[-3000:])
    error = Path(str(path) + ".error")
    if error.exists():
        raise RuntimeError(f"Scribus script failed:\n{error.read_text(encoding='utf-8')}")
    report = Path(spec["report"])
    if proc.returncode != 0 or not report.exists():
        raise RuntimeError(f"Scribus failed ({proc.returncode}): {proc.stderr[-2000:]}")
    return json.loads(report.read_text(encoding="utf-8"))


def _chain_pieces(story: _Story, frames: list[tuple[str, str]], pages: dict[str, int], headline: str) -> list[Piece]:
    """A chain's visible text cut into paragraph pieces page by page."""
    by_page: dict[int, str] = {}
    for name, text in frames:
        by_page[pages[name]] = by_page.get(pages[name], "") + text
    pieces: list[Piece] = []
    carry = False
    for page in sorted(by_page):
        text = by_page[page]
        paras = text.split("\r")
        for k, para in enumerate(paras):
            if not para.strip():
                continue
            role = "byline" if story.closing is not None and para.strip() == story.closing.strip() else "body"
            pieces.append(Piece(headline, para, page, role, continues=carry and k == 0))
        carry = not text.endswith("\r")
    return pieces


def make_scribus_newspaper(path: Path, seed: int, pages: int = 2, columns: int | None = None) -> Newspaper:
    """Lay out a two-page paper with Scribus at ``path``; its gold from what Scribus printed."""
    if pages != 2:
        raise ValueError("the Scribus producer makes two-page papers")
    rng = random.Random(seed)
    st = _draw_style(rng, columns)
    convert = _converter(st.trad)
    pool = _articles(rng, _printable(st, convert))
    state = rng.getstate()
    for attempt in range(4):  # a lead too short to reach page 2: shrink its module and lay the paper out again
        rng.setstate(state)
        articles = [Article(a.headline, list(a.paragraphs), byline=a.byline) for a in pool]
        spec = _Spec(st, convert)
        lay = _Layout(rng, st, spec, articles)
        lay.page1(0.7**attempt)
        conts = lay.page2()
        for story in lay.stories:
            paras = [*story.article.paragraphs, *([story.closing] if story.closing else [])]
            chain: dict = {
                "story": story.body,
                "bodies": [story.body],
                "text": convert("\r".join(paras)),
                "style": lay.body_style(),
            }
            if story in lay.jumps:
                chain["bodies"].append(conts[lay.jumps.index(story)])
            if story.role == "lead" and st.dropcap:
                chain["styles"] = [[0, len(paras[0]), lay.body_style(drop=rng.choice([2, 3]))]]
            if story.closing:
                at = len("\r".join(paras[:-1])) + 1
                chain.setdefault("styles", []).append(
                    [at, len(story.closing), spec.style(st.kicker_font, st.body, st.leading, 2)]
                )
            spec.chains.append(chain)
        with tempfile.TemporaryDirectory() as tmp:
            data = {
                "size": [st.width, st.height],
                "margins": list(st.margins),
                "pages": 2,
                "charstyles": spec.charstyles,
                "parstyles": spec.parstyles,
                "items": spec.items,
                "chains": spec.chains,
                "fonts": sorted({cs["font"] for cs in spec.charstyles}),
                "pdf": str(path),
                "report": str(Path(tmp) / "report.json"),
            }
            report = _run_scribus(data, Path(tmp))
        paper = _gold(path, lay, report, convert, st)
        if all({p.page for p in paper.pieces if p.article == h and p.role == "body"} == {1, 2} for h in paper.jumps):
            return paper
    raise RuntimeError(f"seed {seed}: a jumped story never reached page 2")


def _gold(path: Path, lay: _Layout, report: dict, convert, st: _Style) -> Newspaper:  # noqa: ANN001 - str -> str
    pages = {name: v[0] for name, v in report["frames"].items()}
    paper = ScribusNewspaper(path, "scribus", st.columns, 2)
    for page, _, _, x, y, cols, gap, w, h in report["frames"].values():
        colw = (w - gap * (cols - 1)) / cols
        for k in range(cols):
            left = x + k * (colw + gap)
            paper.boxes.append((page, left, y, left + colw, y + h))
    for story in lay.stories:
        headline = convert(story.article.headline)
        page = 1 if story in lay.jumps else None
        for role, name in story.heads:
            if role in ("head", "label"):
                continue
            _, text, overflow = report["frames"][name][:3]
            if overflow:
                raise RuntimeError(f"{name} overflows")
            page = pages[name]
            paper.pieces.append(Piece(headline, text.replace("\r", ""), page, role))
        chain = report["chains"][story.body]
        paper.pieces.extend(_chain_pieces(story, chain["frames"], pages, headline))
        if story in lay.jumps:
            paper.jumps.append(headline)
    return paper


def _converter(trad: bool):  # noqa: ANN202 - str -> str
    if not trad:
        return lambda s: s
    import opencc

    cc = opencc.OpenCC("s2tw")  # Taiwan forms (著, not 着): the Big5 fonts have their glyphs
    return cc.convert


def page_texts(paper: ScribusNewspaper) -> list[str]:
    """Each page's printed characters read back with pdfplumber, column box by column box of the frames Scribus
    laid out (in the order they were made), so that a column's text is not interleaved with its neighbours'."""
    import pdfplumber

    texts = []
    with pdfplumber.open(paper.path) as pdf:
        for n, page in enumerate(pdf.pages, start=1):
            parts = []
            for p, x0, top, x1, bottom in paper.boxes:
                if p != n:
                    continue
                box = (max(0, x0 - 1), max(0, top - 1), min(page.width, x1 + 1), min(page.height, bottom + 1))
                if box[0] < box[2] and box[1] < box[3]:  # a frame off the page prints nothing
                    parts.append(page.crop(box).extract_text() or "")
            texts.append("".join("".join(parts).split()))
    return texts


def check_gold(paper: ScribusNewspaper) -> list[str]:
    """Problems with the gold: pieces not printed on their pages (empty when consistent)."""
    return pieces_not_on_their_pages(paper.pieces, page_texts(paper))
