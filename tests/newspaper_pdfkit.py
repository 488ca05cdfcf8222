"""Newspaper PDFs laid out and drawn by PDFKit (Node.js) in the conventions of Chinese dailies' story packages.

An eighth producer (after reportlab, Chromium, WeasyPrint, Typst, LibreOffice, XeLaTeX and fpdf2), written by an
engineer who did NOT read the PDF reader's source (qa/formats, qa/structure), its tests, nor the other producers'
layout code (only the gold and scoring interface of tests/newspaper_pdfs.py and the public docstring of
tests/newspaper_fpdf.py, to cover other conventions). The conventions below were written down before the reader
first ran on these papers, and the producer is frozen since (at ``dcf3038``; its first held-out figure, report seeds
16000–16039, is in the README: para→article 0.840, jumps stitched 37/57).

The engine is PDFKit's own text layout (its UAX #14 line breaker and its ``columns``/``columnGap`` flow:
a paragraph goes on in the next column mid-sentence, each column filled to the foot before the next — never
balanced), driven through tests/newspaper_pdfkit.mjs. Python decides the layout and the gold; node draws and
reports every line it drew, so the gold is what PDFKit printed, not what was asked for. Each PDF line is one
text object in one font (PDFKit writes a line as one ``TJ``), drawn in reading order.

Conventions (the story package of 人民日报 / 南方周末 / local party dailies):

- **Multi-deck headlines centred over the story**: 引题 (kicker) above and 副题 (subtitle, with or without
  '——') below a main head, all centred over the story's whole width, the main head in 黑体 (or 楷体 on some
  papers), synthetic bold (filled and stroked glyphs) on some papers; a head too long for its width is broken
  over 2–3 centred lines. The body under it may use FEWER columns than the head spans: the last column then
  holds a **sidebar** (链接 / 背景 / 相关阅读) — a tinted or ruled box with its own title ('【链接】…', '■背景…')
  and smaller text. Gold: the sidebar belongs to the story; its paragraphs' section is (headline, sidebar title).
- **Section labels (栏目名)** above some heads: reversed (white on a black box), boxed, or with an ornament
  ('■今日关注', '【评论员文章】'); they are furniture, not pieces. A **commentary** (评论员文章 / 短评) is framed by a
  box, under a reversed or boxed label, signed 本报评论员, its body in 楷体.
- **编者按 (editor's note)** on some stories: a paragraph in 楷体 opening '编者按：' between the heads and the
  body, across the body's width, between rules; a piece of its story (role ``note``).
- **Body by PDFKit's column flow**: 3–6 columns on the page grid, a story 1..C columns wide, its text poured into
  one ``columns`` region; **vertical rules** between a story's columns on some papers; paragraphs indented by
  two ideographic spaces (as typeset text from 方正 systems carries), by PDFKit's ``indent``, or not indented
  and spaced (``paragraphGap``); lines ragged or **justified by character spacing** (Tc), drawn per paper.
- **Runaround (text wrap round a photo)**: a photo (a tinted box) over the first column and half of the second,
  with a caption under it; the second column's lines beside the photo are half as long; the text goes on
  under the photo in the first column, then beside it in the second (a chain of regions: PDFKit's flow continued
  region to region, mid-paragraph).
- **Pull quotes (引语)** set large (1.4–1.7× body, 楷体 or 黑体) between two rules inside a column, the column's
  text stopping above and going on below it; a pull quote repeats a sentence of its story and is no piece.
- **End marks**: a story's last paragraph ends with '■', '□' or '（完）' on some papers (not part of the gold text).
- **Jumps (转版) with continuations at the BOTTOM of page 2**: page 1's lead (and sometimes a second story)
  stops mid-sentence with a marker, run into the last line or on a line of its own: （下转第二版） / （下转第2版） /
  （转2版） / 下转第2版 / （转二版）. The continuation sits in a band at the foot of page 2 (under page 2's own
  stories), under the headline set smaller with a marker line below it (（上接第一版） / （上接第1版） /
  （接1版） / 上接第1版 / （接一版）), the headline with the marker on its line, or only the marker run into its
  first paragraph.
- **Furniture**: a page-1 masthead (paper name, issue line with date, 第N期 and 今日N版), a page-2 running head
  (edition number, 版名, date) over a rule, rules between bands and stories, a footer (责任编辑 / 版式设计) — none
  are pieces.
- **Dimensions drawn independently per paper**: page width 700–960 pt (height 1.32–1.48×), 3–6 columns (a
  column at least 9 characters wide), margins, gutter 7–16 pt, body 8.5–10.5 pt in 宋体 / 黑体 (明体 for
  traditional), leading +25–80 %, head scale, deck and label rates, indent style, justification, rules,
  runaround and pull-quote rates, end marks, marker wording, jump-head style; a fifth of the papers in
  traditional characters (OpenCC s2t over all text, markers included).

Text is not written here: People's Daily January 1998 articles (tests/text_sources.py via ``pd_article_sample``)
with their real headlines and reporter names, and CMRC 2018 paragraphs for about a fifth of the stories when
that corpus is present. Kickers, subtitles, captions, sidebars and editor's notes take other articles' real
titles and paragraphs. Paper names, dates and editor credits are invented.

Gold by construction: every text line is drawn by PDFKit from text this module gave it, and node reports what
it drew (``rest`` = what did not fit must be empty); each printed paragraph (or the part of one printed on one
page), kicker, subtitle, byline, caption, editor's note and sidebar paragraph is a ``Piece`` of its story on its
page. A story that does not fit is cut at a sentence end (the rest is neither printed nor in the gold); only jumps
cut mid-sentence. ``check_gold`` re-reads each page with pdfplumber and requires every piece on its page
(``pieces_not_on_their_pages``). Two pages per paper.

Engine: PDFKit (npm ``pdfkit``, MIT) on Node.js, installed by scripts/install-pdfkit.sh into ``.pdfkit/`` (or
``$PDFKIT_HOME``); fonts: Debian's fonts-wqy-microhei (黑体, required) and, when installed, the AR PL 宋/楷/明 fonts
(fonts-arphic-*; 黑体 stands in for a missing one). ``pdfkit_available()`` says why not; callers skip.
"""

from __future__ import annotations

import json
import math
import os
import random
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from tests.newspaper_pdfs import Article, Newspaper, Piece, pd_article_sample, pieces_not_on_their_pages

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = Path(__file__).with_suffix(".mjs")
HEI = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
ARPHIC = {
    "song": Path("/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf"),
    "kai": Path("/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf"),
    "ming": Path("/usr/share/fonts/truetype/arphic-bsmi00lp/bsmi00lp.ttf"),
    "bkai": Path("/usr/share/fonts/truetype/arphic-bkai00mp/bkai00mp.ttf"),
}
LINE_HEIGHT = {"hei": 1.1724}  # PDFKit's line height / font size (measured); the AR PL fonts' is 1.0049
SENTENCE = re.compile(r"[^。！？!?]+[。！？!?]+[”’」』]?|[^。！？!?]+$")
SPLIT_AFTER = set("，。、；：？！）”」』》")


def pdfkit_home() -> Path:
    return Path(os.environ.get("PDFKIT_HOME") or ROOT / ".pdfkit")


def pdfkit_available() -> str | None:
    """None when papers can be made here, else why not (callers skip with it)."""
    if shutil.which("node") is None:
        return "node (Node.js) is not installed"
    if not (pdfkit_home() / "node_modules" / "pdfkit" / "package.json").is_file():
        return f"pdfkit is not installed in {pdfkit_home()} (scripts/install-pdfkit.sh)"
    if not HEI.is_file():
        return f"the CJK font {HEI} is missing (fonts-wqy-microhei)"
    return None


def _fonts() -> dict[str, dict]:
    fonts = {"hei": {"path": str(HEI), "family": "WenQuanYiMicroHei"}}
    for name, path in ARPHIC.items():
        fonts[name] = {"path": str(path if path.is_file() else HEI)}
        if not path.is_file():
            fonts[name]["family"] = "WenQuanYiMicroHei"
    return fonts


def _line_height(font: str, size: float, gap: float = 0.0) -> float:
    ratio = LINE_HEIGHT["hei"] if font == "hei" or not ARPHIC.get(font, HEI).is_file() else 1.0049
    return ratio * size + gap


# ---- the paper's style, drawn per paper ---------------------------------------------------------------------
JUMP_WORDS = [  # (page-1 marker, page-2 marker, how page 2 is named in the running head)
    ("（下转第二版）", "（上接第一版）", "第二版"),
    ("（下转第2版）", "（上接第1版）", "第2版"),
    ("（转2版）", "（接1版）", "2版"),
    ("下转第2版", "上接第1版", "第2版"),
    ("（转二版）", "（接一版）", "二版"),
]
PAPERS = ["滨江日报", "东海晚报", "西岭日报", "南湖时报", "北原日报", "清溪都市报", "长河日报", "江城晚报"]
DESKS = ["要闻", "综合新闻", "经济", "社会", "时事", "地方新闻"]
LABELS = ["今日关注", "评论员文章", "本报特稿", "民生", "深度报道", "一线调查", "经济观察", "聚焦", "新春走基层"]
SIDEBAR = ["链接", "背景", "相关阅读", "延伸阅读"]
WEEKDAYS = "一二三四五六日"


@dataclass
class _Style:
    width: float
    height: float
    margin: float
    columns: int
    gap: float
    body: str  # body font
    head: str  # headline font
    size: float  # body size
    lead: float  # extra leading (PDFKit lineGap)
    indent: str  # "ideographic" | "option" | "spaced"
    justify: bool
    bold_heads: bool
    head_scale: float
    rules: bool  # vertical rules between a story's columns
    band_rules: bool
    end_mark: str
    jump: tuple[str, str, str]
    marker_own_line: bool
    jump_head: str  # "head+marker" | "head-marker-line" | "marker-run-in"
    traditional: bool
    kicker_rate: float
    subtitle_rate: float
    label_rate: float
    photo_rate: float
    quote_rate: float
    note_rate: float
    sidebar_rate: float

    @property
    def col_w(self) -> float:
        return (self.width - 2 * self.margin - self.gap * (self.columns - 1)) / self.columns

    def col_x(self, col: int) -> float:
        return self.margin + col * (self.col_w + self.gap)

    def span_w(self, cols: int) -> float:
        return cols * self.col_w + (cols - 1) * self.gap

    @property
    def line(self) -> float:
        return _line_height(self.body, self.size, self.lead)


def _style(rng: random.Random, columns: int | None) -> _Style:
    width = rng.uniform(700, 960)
    height = width * rng.uniform(1.32, 1.48)
    margin = rng.uniform(26, 50)
    size = rng.choice([8.5, 9.0, 9.5, 10.0, 10.5])
    gap = rng.uniform(7, 16)
    traditional = rng.random() < 0.2
    body = rng.choice(["ming", "ming", "hei"] if traditional else ["song", "song", "song", "hei"])
    head = rng.choice(["hei", "hei", "bkai" if traditional else "kai"])
    cols = columns or rng.choice([3, 4, 5, 6])
    while cols > 3 and ((width - 2 * margin - gap * (cols - 1)) / cols) < 9 * size:
        cols -= 1
    return _Style(
        width=width,
        height=height,
        margin=margin,
        columns=cols,
        gap=gap,
        body=body,
        head=head,
        size=size,
        lead=size * rng.uniform(0.25, 0.8),
        indent=rng.choice(["ideographic", "ideographic", "option", "spaced"]),
        justify=rng.random() < 0.6,
        bold_heads=rng.random() < 0.5,
        head_scale=rng.uniform(1.7, 2.4),
        rules=rng.random() < 0.4,
        band_rules=rng.random() < 0.7,
        end_mark=rng.choice(["", "", "■", "□", "（完）"]),
        jump=rng.choice(JUMP_WORDS),
        marker_own_line=rng.random() < 0.4,
        jump_head=rng.choice(["head+marker", "head-marker-line", "marker-run-in"]),
        traditional=traditional,
        kicker_rate=rng.uniform(0.1, 0.5),
        subtitle_rate=rng.uniform(0.1, 0.5),
        label_rate=rng.uniform(0.0, 0.4),
        photo_rate=rng.uniform(0.1, 0.45),
        quote_rate=rng.uniform(0.0, 0.35),
        note_rate=rng.uniform(0.0, 0.25),
        sidebar_rate=rng.uniform(0.2, 0.6),
    )


# ---- text --------------------------------------------------------------------------------------------------
def _source_articles(rng: random.Random, k: int) -> list[Article]:
    """People's Daily 1998 articles, about a fifth replaced by CMRC paragraphs when that corpus is present."""
    from tests import text_sources

    out = [a for a in pd_article_sample(rng, k) if _printable(a)]
    cmrc = text_sources.cmrc_articles()
    seen = {a.headline for a in out}
    for n in range(len(out)):
        if cmrc and rng.random() < 0.2:
            c = cmrc[rng.randrange(len(cmrc))]
            if c.title not in seen and len(c.title) >= 2 and _printable(Article(c.title, list(c.paragraphs))):
                seen.add(c.title)
                out[n] = Article(c.title, list(c.paragraphs))
    return out


@lru_cache(maxsize=1)
def _hei_cmap() -> frozenset[int] | None:
    """The code points the 黑体 draws (fontTools comes with fpdf2, a test dependency); None when unknown."""
    try:
        from fontTools.ttLib import TTCollection
    except ImportError:
        return None
    return frozenset(TTCollection(str(HEI), lazy=True).fonts[0].getBestCmap())


def _printable(article: Article) -> bool:
    """Every character of the article has a glyph in the fallback font (else PDFKit would print .notdef)."""
    cmap = _hei_cmap()
    text = article.headline + "".join(article.paragraphs) + (article.byline or "")
    return cmap is None or all(ord(ch) in cmap or ch.isspace() for ch in text)


def _clean(text: str) -> str:
    return "".join(text.split())


def _sentences(paragraph: str) -> list[str]:
    return [s for s in SENTENCE.findall(paragraph) if s]


def _em(text: str) -> float:
    return sum(0.55 if ord(ch) < 0x2E80 else 1.0 for ch in text)


def _deck(text: str, want: float, least: float, width: float) -> tuple[list[str], float]:
    """A head broken over as few centred lines as fit ``width`` at a size between ``least`` and ``want``."""
    em = _em(text)
    for n in range(1, 5):
        size = min(want, 0.9 * width / (em / n + 2.5))
        if size >= least or n == 4:
            break
    size = max(size, 6.0)
    lines, cur = [], ""
    budget = 0.9 * width / size - 1.1  # PDFKit measures a line's closing '\n' with the character before it
    for ch in text:
        if cur and _em(cur + ch) > budget and ch not in SPLIT_AFTER:
            lines.append(cur)
            cur = ""
        cur += ch
    lines.append(cur)
    return lines, size


# ---- layout -------------------------------------------------------------------------------------------------
@dataclass
class _Flow:
    """One PDFKit text flow; ``pieces`` are (role, text, section) of what it prints, in order."""

    id: str
    page: int
    regions: list[dict]
    text: str
    font: str
    size: float
    line_gap: float = 0.0
    paragraph_gap: float = 0.0
    indent: float = 0.0
    align: str = "left"
    color: str = "#000000"
    bold: bool = False

    def op(self) -> dict:
        return {
            "op": "flow",
            "id": self.id,
            "regions": self.regions,
            "text": self.text,
            "font": self.font,
            "size": self.size,
            "lineGap": self.line_gap,
            "paragraphGap": self.paragraph_gap,
            "indent": self.indent,
            "align": self.align,
            "color": self.color,
            "bold": self.bold,
            "fallback": "hei",
        }


@dataclass
class _Body:
    """A story's (or sidebar's) paragraphs poured into a chain of regions, cut to what fits after measuring."""

    flow: _Flow
    paragraphs: list[str]
    article: str
    section: tuple[str, ...] = ()
    jump_marker: str = ""  # a page-1 part that jumps ends mid-sentence with this marker
    run_in: str = ""  # a marker run into the first paragraph (a continuation without a head)
    continues: bool = False  # the first paragraph is the tail of one cut on page 1
    end_mark: str = ""
    marker_line: bool = False  # the jump marker on a line of its own
    ideographic: bool = False  # paragraphs indented by two ideographic spaces in the text
    printed: list[str] = field(default_factory=list)
    rest: list[str] = field(default_factory=list)  # a jump's text not printed here (goes on on page 2)


@dataclass
class PdfkitNewspaper(Newspaper):
    seed: int = 0


class _Page:
    def __init__(self, number: int, st: _Style) -> None:
        self.number = number
        self.st = st
        self.ops: list[dict | _Flow] = []
        self.pieces: list[Piece] = []  # heads' pieces (kicker, subtitle, byline, caption, note)
        self.bodies: list[_Body] = []

    def flow(self, flow: _Flow) -> _Flow:
        self.ops.append(flow)
        return flow

    def rect(self, x: float, y: float, w: float, h: float, fill: str | None = None, stroke: str | None = None) -> None:
        self.ops.append({"op": "rect", "x": x, "y": y, "w": w, "h": h, "fill": fill, "stroke": stroke})

    def line(self, x1: float, y1: float, x2: float, y2: float, lw: float = 0.5) -> None:
        self.ops.append({"op": "line", "x1": x1, "y1": y1, "x2": x2, "y2": y2, "lw": lw})

    def text(self, key: str, text: str, x: float, y: float, w: float, font: str, size: float, **kw) -> float:
        """One short text block (heads, labels, furniture); returns its height."""
        lines = text.count("\n") + 1
        h = lines * _line_height(font, size, kw.get("line_gap", 0.0))
        self.flow(
            _Flow(
                f"p{self.number}-{key}",
                self.number,
                [{"x": x, "y": y, "w": w, "h": h + 2 * size}],
                text,
                font,
                size,
                **kw,
            )
        )
        return h


class _Composer:
    def __init__(self, rng: random.Random, st: _Style, articles: list[Article], conv) -> None:  # noqa: ANN001
        self.rng = rng
        self.st = st
        self.pool = articles
        self.conv = conv
        self.ids = 0
        self.month = rng.randint(1, 12)
        self.day = rng.randint(1, 28)

    def key(self) -> str:
        self.ids += 1
        return f"f{self.ids}"

    def take(self, want_chars: float, least: int = 0, among: int = 40) -> Article:
        """The unused article whose length best matches ``want_chars`` (from a sample of the pool)."""
        sample = self.pool[:among]
        fitting = [a for a in sample if sum(map(len, a.paragraphs)) >= least] or sample
        best = min(fitting, key=lambda a: abs(sum(map(len, a.paragraphs)) - want_chars))
        self.pool.remove(best)
        return best

    def other_title(self) -> str:
        return self.pool.pop(self.rng.randrange(min(len(self.pool), 40))).headline

    def capacity(self, w: float, h: float, cols: int) -> float:
        st = self.st
        lines = max(0, int(h / st.line))
        cpl = max(1, int((w - (cols - 1) * st.gap) / cols / st.size))
        return lines * cpl * cols * 0.82

    # -- one story in a module (x, y, w, h) of `cols` page columns ------------------------------------------
    def story(
        self,
        page: _Page,
        x: float,
        y: float,
        w: float,
        h: float,
        cols: int,
        lead: bool = False,
        jump: bool = False,
        article: Article | None = None,
    ) -> _Body | None:
        st, rng, conv = self.st, self.rng, self.conv
        bottom = y + h
        commentary = not lead and not jump and cols <= 3 and rng.random() < 0.12
        pad = st.size * 0.6 if commentary else 0.0
        if commentary:
            page.rect(x, y, w, h - st.size * 0.3, stroke="#000000")
            x, y, w, bottom = x + pad, y + pad, w - 2 * pad, bottom - pad - st.size * 0.3
        est = self.capacity(w, h * 0.72, cols)
        article = article or self.take(est * (1.7 if jump else 1.05), least=int(est * 1.4) if jump else 0)
        jump = lead or (jump and sum(map(len, article.paragraphs)) > est * 1.25)
        headline = conv(article.headline)
        # section label (栏目名): furniture
        if commentary or rng.random() < st.label_rate:
            label = conv("评论员文章" if commentary else rng.choice(LABELS))
            lsize = st.size * 1.1
            how = rng.choice(["reversed", "boxed", "ornament"])
            if how == "ornament":
                label = rng.choice(["■", "【"]) + label + ("】" if label.startswith("【") else "")
            lw = _em(label) * lsize + lsize
            lh = _line_height("hei", lsize) + 3
            if how == "reversed":
                page.rect(x, y, lw, lh, fill="#000000")
            elif how == "boxed":
                page.rect(x, y, lw, lh, stroke="#000000")
            page.text(
                self.key(),
                label,
                x + lsize / 2,
                y + 1.5,
                lw,
                "hei",
                lsize,
                color="#ffffff" if how == "reversed" else "#000000",
            )
            y += lh + st.size * 0.6
        # decks
        if rng.random() < (0.7 if lead else st.kicker_rate):
            kicker = conv(self.other_title())
            lines, size = _deck(kicker, st.size * 1.35, st.size * 1.05, w)
            y += page.text(self.key(), "\n".join(lines), x, y, w, st.head, size, align="center") + st.size * 0.3
            page.pieces.append(Piece(headline, kicker, page.number, role="kicker"))
        want = st.size * st.head_scale * (1.45 if lead else 1.0) * (0.95 if cols == 1 else 1.0)
        lines, size = _deck(headline, want, st.size * 1.35, w)
        y += page.text(self.key(), "\n".join(lines), x, y, w, st.head, size, align="center", bold=st.bold_heads)
        y += st.size * 0.35
        if rng.random() < (0.6 if lead else st.subtitle_rate):
            subtitle = conv(self.other_title())
            dash = rng.random() < 0.5
            lines, size = _deck(("——" if dash else "") + subtitle, st.size * 1.25, st.size * 1.0, w)
            y += page.text(self.key(), "\n".join(lines), x, y, w, st.head, size, align="center") + st.size * 0.3
            page.pieces.append(Piece(headline, subtitle, page.number, role="subtitle"))
        byline = conv(article.byline) if article.byline else None
        if byline and rng.random() < 0.75:
            byline = ("本报记者　" if rng.random() < 0.6 else "") + byline
            if commentary:
                byline = conv("本报评论员")
            align = rng.choice(["center", "left", "right"])
            y += page.text(self.key(), byline, x, y, w, "kai" if st.head != "hei" else "hei", st.size, align=align)
            y += st.size * 0.5
            page.pieces.append(Piece(headline, byline, page.number, role="byline"))
        elif commentary:
            y += page.text(self.key(), conv("本报评论员"), x, y, w, "hei", st.size, align="center") + st.size * 0.5
        y += st.size * 0.4
        # sidebar in the last column (the body uses fewer columns than the head spans)
        body_cols = cols
        if cols >= 3 and rng.random() < st.sidebar_rate and not commentary:
            body_cols = cols - 1
            sx = x + st.span_w(body_cols) + st.gap
            self.sidebar(page, headline, sx, y, w - (sx - x), bottom - y)
        bw = st.span_w(body_cols) if body_cols < cols else w
        # 编者按
        if body_cols >= 2 and rng.random() < st.note_rate and self.pool:
            donor = self.pool.pop(0)
            note = conv(_first_sentences(donor.paragraphs[0], 90))
            nsize = st.size
            cpl = bw / nsize
            nh = math.ceil((_em(note) + 4) / cpl + 1) * _line_height("kai", nsize, nsize * 0.3)
            page.line(x, y, x + bw, y, 0.6)
            page.flow(
                _Flow(
                    f"p{page.number}-{self.key()}",
                    page.number,
                    [{"x": x, "y": y + 4, "w": bw, "h": nh + nsize}],
                    conv("编者按：") + note,
                    "kai",
                    nsize,
                    line_gap=nsize * 0.3,
                )
            )
            page.line(x, y + nh + 6, x + bw, y + nh + 6, 0.6)
            y += nh + 6 + st.size * 0.8
            page.pieces.append(Piece(headline, note, page.number, role="note"))
        regions = self.regions(page, headline, article, x, y, bw, bottom - y, body_cols)
        if not regions:
            return None
        body = self.body(page, regions, headline, [conv(p) for p in article.paragraphs], jump)
        if st.rules and body_cols > 1:
            for c in range(1, body_cols):
                gx = x + c * (st.col_w + st.gap) - st.gap / 2
                page.line(gx, y, gx, bottom - st.size * 0.3, 0.4)
        return body

    def regions(
        self, page: _Page, headline: str, article: Article, x: float, y: float, w: float, h: float, cols: int
    ) -> list[dict]:
        """The chain of regions a story's body flows through: columns, a runaround photo, a pull quote."""
        st, rng, conv = self.st, self.rng, self.conv
        cw, g = st.col_w, st.gap
        if h < st.line * 3:
            return []
        if cols >= 2 and h > 16 * st.line and rng.random() < st.photo_rate:
            pw = cw * 1.5 + g
            ph = min(pw * rng.uniform(0.55, 0.8), h * 0.4)
            page.rect(x, y, pw, ph, fill=rng.choice(["#9a9a9a", "#b8b8b8", "#7f8c8d"]))
            caption = conv(f"图为{self.other_title()}现场。") + (conv("本报记者摄") if rng.random() < 0.5 else "")
            csize = st.size * 0.85
            cfont = "kai" if rng.random() < 0.5 else "hei"
            ch = math.ceil((_em(caption) + 2) / (pw / csize - 1.5)) * _line_height(cfont, csize, 1.5)
            page.text(self.key(), caption, x, y + ph + 3, pw, cfont, csize, line_gap=1.5)
            page.pieces.append(Piece(headline, caption, page.number, role="caption"))
            under = ph + 3 + ch + st.size * 0.8
            beside_x = x + pw + g * 0.8
            chain = [
                {"x": x, "y": y + under, "w": cw, "h": h - under},
                {"x": beside_x, "y": y, "w": x + 2 * cw + g - beside_x, "h": under - st.size * 0.3},
                {"x": x + cw + g, "y": y + under, "w": cw, "h": h - under},
            ]
            if cols > 2:
                chain.append(
                    {"x": x + 2 * (cw + g), "y": y, "w": st.span_w(cols - 2), "h": h, "columns": cols - 2, "gap": g}
                )
            return chain
        if h > 22 * st.line and rng.random() < st.quote_rate and article.paragraphs:
            sentences = [s for p in article.paragraphs for s in _sentences(p) if 12 <= len(s) <= 34]
            if sentences:
                quote = conv("“" + rng.choice(sentences).rstrip("。") + "”")
                j = rng.randrange(cols)
                qsize = st.size * rng.uniform(1.4, 1.7)
                qfont = rng.choice(["kai", "hei"])
                lines, qsize = _deck(quote, qsize, st.size * 1.2, cw)
                qh = len(lines) * _line_height(qfont, qsize, 2) + 8
                qy = y + h * rng.uniform(0.3, 0.55)
                qx = x + j * (cw + g)
                page.line(qx, qy, qx + cw, qy, 1.2)
                page.text(self.key(), "\n".join(lines), qx, qy + 4, cw, qfont, qsize, align="center", line_gap=2)
                page.line(qx, qy + qh, qx + cw, qy + qh, 1.2)
                chain = []
                if j > 0:
                    chain.append({"x": x, "y": y, "w": st.span_w(j), "h": h, "columns": j, "gap": g})
                chain += [
                    {"x": qx, "y": y, "w": cw, "h": qy - y - st.size * 0.5},
                    {"x": qx, "y": qy + qh + st.size * 0.6, "w": cw, "h": y + h - (qy + qh + st.size * 0.6)},
                ]
                if j < cols - 1:
                    chain.append(
                        {
                            "x": qx + cw + g,
                            "y": y,
                            "w": st.span_w(cols - 1 - j),
                            "h": h,
                            "columns": cols - 1 - j,
                            "gap": g,
                        }
                    )
                return chain
        return [{"x": x, "y": y, "w": w, "h": h, "columns": cols, "gap": g}]

    def body(
        self,
        page: _Page,
        regions: list[dict],
        headline: str,
        paragraphs: list[str],
        jump: bool,
        section: tuple[str, ...] = (),
        font: str | None = None,
        size: float | None = None,
    ) -> _Body:
        st = self.st
        size = size or st.size
        indent = st.indent if (st.indent != "option" or len(regions) == 1) else "ideographic"
        flow = _Flow(
            f"p{page.number}-{self.key()}",
            page.number,
            regions,
            "",
            font or st.body,
            size,
            line_gap=st.lead * size / st.size,
            paragraph_gap=size * 0.6 if indent == "spaced" else 0.0,
            indent=2 * size if indent == "option" else 0.0,
            align="justify" if st.justify else "left",
        )
        flow.text = "\n".join(paragraphs)
        page.flow(flow)
        body = _Body(flow, paragraphs, headline, section, end_mark=self.conv(st.end_mark) if not jump else "")
        body.ideographic = indent == "ideographic"
        body.marker_line = st.marker_own_line
        if jump:
            words = st.jump
            body.jump_marker = self.conv(words[0])
        page.bodies.append(body)
        body.flow.text = _compose(body, paragraphs)
        return body

    def sidebar(self, page: _Page, headline: str, x: float, y: float, w: float, h: float) -> None:
        st, rng, conv = self.st, self.rng, self.conv
        if h < 8 * st.line:
            return
        donor = self.take(self.capacity(w, h * 0.8, 1))
        kind = conv(rng.choice(SIDEBAR))
        title = (f"【{kind}】" if rng.random() < 0.5 else f"■{kind}：") + conv(donor.headline)
        tinted = rng.random() < 0.5
        page.rect(x, y, w, h - st.size * 0.3, fill="#e6e6e6" if tinted else None, stroke=None if tinted else "#000000")
        pad = st.size * 0.5
        lines, tsize = _deck(title, st.size * 1.15, st.size * 0.95, w - 2 * pad)
        th = page.text(self.key(), "\n".join(lines), x + pad, y + pad, w - 2 * pad, "hei", tsize, align="center")
        size = st.size * 0.9
        top = y + pad + th + st.size * 0.6
        region = {"x": x + pad, "y": top, "w": w - 2 * pad, "h": y + h - st.size * 0.3 - pad - top}
        if region["h"] > 2 * st.line:
            self.body(
                page,
                [region],
                headline,
                [conv(p) for p in donor.paragraphs],
                False,
                (headline, title),
                font="kai" if rng.random() < 0.5 else st.body,
                size=size,
            )


def _first_sentences(text: str, limit: int) -> str:
    out = ""
    for s in _sentences(text):
        if out and len(out) + len(s) > limit:
            break
        out += s
    return out[: limit + 40]


def _compose(body: _Body, printed: list[str], cut_tail: str = "") -> str:
    """The flow's text for the paragraphs ``printed`` (with the run-in marker, jump marker, end mark)."""
    paras = list(printed)
    if body.run_in and paras:
        paras[0] = body.run_in + paras[0]
    if paras and body.jump_marker and cut_tail:
        paras[-1] = paras[-1] + ("\n" if body.marker_line else "") + body.jump_marker
    elif paras and body.end_mark:
        paras[-1] = paras[-1] + body.end_mark
    if body.ideographic:
        paras = ["　　" + p if not (n == 0 and body.continues) else p for n, p in enumerate(paras)]
    return "\n".join(paras)


def _fit(body: _Body, capacity: int, line_chars: int) -> None:
    """Cut ``body``'s paragraphs to ``capacity`` printed characters: at a sentence end, or for a jump mid-sentence
    with the marker after it (the rest kept for page 2)."""
    paras = body.paragraphs
    extra = len(_clean(body.run_in)) + (len(body.end_mark) if body.end_mark else 0) + 2
    if body.jump_marker:
        budget = capacity - len(_clean(body.jump_marker)) - 4 - (line_chars + 2 if body.marker_line else 0)
        printed: list[str] = []
        used = 0
        for k, para in enumerate(paras):
            if used + len(para) <= budget - 10 and k < len(paras) - 1:
                printed.append(para)
                used += len(para)
                continue
            room = max(0, budget - used)
            at = min(room, len(para) - 10)
            while at > 8 and (para[at - 1] in SPLIT_AFTER or para[at] in SPLIT_AFTER or para[at - 1] in "。！？"):
                at -= 1
            if at <= 8:  # too little room in this paragraph: cut the one before
                if not printed:
                    at = max(9, min(len(para) - 10, room))
                else:
                    last = printed.pop()
                    at2 = max(9, len(last) - 12)
                    body.printed = printed + [last[:at2]]
                    body.rest = [last[at2:], *paras[k:]]
                    return
            body.printed = printed + [para[:at]]
            body.rest = [para[at:], *paras[k + 1 :]]
            return
        body.printed, body.rest = paras[:-1], paras[-1:]
        return
    if capacity >= len(_clean(body.flow.text)):
        body.printed = list(paras)
        return
    budget = capacity - extra
    printed, used = [], 0
    for para in paras:
        if used + len(para) <= budget:
            printed.append(para)
            used += len(para)
            continue
        part = ""
        for s in _sentences(para):
            if used + len(part) + len(s) > budget:
                break
            part += s
        if len(part) >= 8:
            printed.append(part)
        break
    body.printed = printed


def _node(spec: dict, out: Path | None) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        spec_path = Path(tmp) / "spec.json"
        log_path = Path(tmp) / "log.json"
        spec_path.write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
        env = {**os.environ, "PDFKIT_HOME": str(pdfkit_home())}
        done = subprocess.run(
            ["node", str(SCRIPT), str(spec_path), str(out) if out else "-", str(log_path)],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=False,
        )
        if done.returncode != 0:
            raise RuntimeError(f"pdfkit failed: {done.stderr[-2000:]}")
        return json.loads(log_path.read_text(encoding="utf-8"))


def _spec(st: _Style, pages: list[_Page], only_bodies: bool = False) -> dict:
    out = []
    for page in pages:
        ops = []
        for op in page.ops:
            if isinstance(op, _Flow):
                ops.append(op.op())
            elif not only_bodies:
                ops.append(op)
        out.append({"width": st.width, "height": st.height, "ops": ops})
    return {"fonts": _fonts(), "pages": out}


def _measure(st: _Style, pages: list[_Page], bodies: list[_Body]) -> dict[str, int]:
    """Printed characters each body's regions hold (PDFKit's own breaking of the full text)."""
    log = _node(_spec(st, pages, only_bodies=True), None)["flows"]
    return {b.flow.id: sum(len(_clean(line["text"])) for line in log[b.flow.id]["lines"]) for b in bodies}


def _converter(traditional: bool):  # noqa: ANN202 - a str -> str function
    if not traditional:
        return lambda s: s
    import opencc

    cc = opencc.OpenCC("s2t")
    return cc.convert


def _masthead(page: _Page, comp: _Composer, paper: str, issue: int) -> float:
    st, rng, conv = comp.st, comp.rng, comp.conv
    top = st.margin * 0.7
    size = st.size * rng.uniform(4.0, 5.5)
    align = rng.choice(["center", "left"])
    page.text("mast", conv(paper), st.margin, top, st.width - 2 * st.margin, "hei", size, align=align, bold=True)
    y = top + _line_height("hei", size) + 4
    line = conv(f"2026年{comp.month}月{comp.day}日　星期{WEEKDAYS[rng.randrange(7)]}　第{issue}期　今日8版")
    page.text("issue", line, st.margin, y, st.width - 2 * st.margin, "hei", st.size * 0.9, align=align)
    y += _line_height("hei", st.size * 0.9) + 4
    page.line(st.margin, y, st.width - st.margin, y, 1.5)
    page.line(st.margin, y + 2.5, st.width - st.margin, y + 2.5, 0.5)
    return y + st.size * 1.2


def _running_head(page: _Page, comp: _Composer, paper: str) -> float:
    st, rng, conv = comp.st, comp.rng, comp.conv
    top = st.margin * 0.7
    size = st.size * 1.05
    edition = st.jump[2]
    page.text("rh-l", conv(f"{edition}　{rng.choice(DESKS)}"), st.margin, top, st.width / 2, "hei", size * 1.2)
    page.text(
        "rh-r",
        conv(f"{paper}　2026年{comp.month}月{comp.day}日"),
        st.width / 2,
        top,
        st.width / 2 - st.margin,
        "hei",
        size,
        align="right",
    )
    y = top + _line_height("hei", size * 1.2) + 3
    page.line(st.margin, y, st.width - st.margin, y, 1.0)
    return y + st.size * 1.2


def _footer(page: _Page, comp: _Composer) -> float:
    st, conv = comp.st, comp.conv
    y = st.height - st.margin * 0.6 - st.size
    names = ["王晓东", "李娜", "陈静", "刘洋", "张伟", "赵敏"]
    text = conv(f"责任编辑：{comp.rng.choice(names)}　版式设计：{comp.rng.choice(names)}")
    page.text(
        "foot",
        text,
        st.margin,
        y,
        st.width - 2 * st.margin,
        "hei",
        st.size * 0.8,
        align=comp.rng.choice(["left", "right"]),
    )
    return y - st.size


def _partition(rng: random.Random, cols: int, parts: int) -> list[int]:
    parts = max(1, min(parts, cols))
    cuts = sorted(rng.sample(range(1, cols), parts - 1)) if parts > 1 else []
    return [b - a for a, b in zip([0, *cuts], [*cuts, cols], strict=True)]


def _bands(comp: _Composer, page: _Page, top: float, bottom: float, first_band: str | None) -> list[_Body]:
    """Fill [top, bottom] with bands of stories; ``first_band == "lead"`` puts page 1's lead (which jumps) on top
    and maybe a second jumping story. Returns the bodies that jump."""
    st, rng = comp.st, comp.rng
    C = st.columns
    jumping: list[_Body] = []
    y = top
    if first_band == "lead":
        longest = sorted(comp.pool, key=lambda a: -sum(map(len, a.paragraphs)))[:12]
        article = rng.choice(longest)  # one of the longest; its module holds about half of it
        comp.pool.remove(article)
        per_point = comp.capacity(st.span_w(C), 1000.0, C) / 1000.0
        heads = st.size * st.head_scale * 1.45 * 1.3 + 6 * st.line
        h = heads + sum(map(len, article.paragraphs)) * rng.uniform(0.4, 0.6) / per_point
        h = min(max(h, (bottom - top) * 0.16), (bottom - top) * 0.5)
        body = comp.story(page, st.margin, y, st.span_w(C), h, C, lead=True, jump=True, article=article)
        if body and body.jump_marker:
            jumping.append(body)
        y += h + st.size * 0.8
        if st.band_rules:
            page.line(st.margin, y - st.size * 0.5, st.width - st.margin, y - st.size * 0.5, 0.8)
    left = bottom - y
    bands = max(1, round(left / rng.uniform(200, 320)))
    heights = [rng.uniform(0.75, 1.25) for _ in range(bands)]
    total = sum(heights)
    for b, share in enumerate(heights):
        h = left * share / total
        widths = _partition(rng, C, math.ceil(C / rng.choice([1.5, 2, 2, 2.5, 3])))
        col = 0
        for i, n in enumerate(widths):
            x = st.col_x(col)
            jump = first_band == "lead" and b == 0 and not jumping[1:] and n >= 2 and rng.random() < 0.35
            body = comp.story(page, x, y, st.span_w(n), h - st.size * 0.8, n, jump=jump)
            if body and body.jump_marker:
                jumping.append(body)
            if i and st.band_rules:
                page.line(x - st.gap / 2, y, x - st.gap / 2, y + h - st.size * 0.9, 0.5)
            col += n
        y += h
        if st.band_rules and b < bands - 1:
            page.line(st.margin, y - st.size * 0.45, st.width - st.margin, y - st.size * 0.45, 0.8)
    return jumping


def _continuation(comp: _Composer, page: _Page, body: _Body, x: float, y: float, w: float, h: float, cols: int) -> None:
    """A jumped story's rest at the foot of page 2, under its jump head."""
    st, conv = comp.st, comp.conv
    bottom = y + h
    marker = conv(st.jump[1])
    headline = body.article
    how = st.jump_head
    run_in = ""
    if how == "head+marker":
        lines, size = _deck(headline + marker, st.size * st.head_scale * 0.8, st.size * 1.2, w)
        y += page.text(comp.key(), "\n".join(lines), x, y, w, st.head, size, align="center", bold=st.bold_heads)
    elif how == "head-marker-line":
        lines, size = _deck(headline, st.size * st.head_scale * 0.8, st.size * 1.2, w)
        y += page.text(comp.key(), "\n".join(lines), x, y, w, st.head, size, align="center", bold=st.bold_heads)
        y += page.text(comp.key(), marker, x, y + 2, w, "hei", st.size, align=comp.rng.choice(["center", "right"]))
    else:
        run_in = marker
    y += st.size * 0.6
    regions = [{"x": x, "y": y, "w": w, "h": max(st.line * 2, bottom - y), "columns": cols, "gap": st.gap}]
    cont = comp.body(page, regions, headline, body.rest, False)
    cont.run_in = run_in
    cont.continues = True
    cont.flow.text = _compose(cont, cont.paragraphs)


def make_pdfkit_newspaper(path: Path, seed: int, pages: int = 2, columns: int | None = None) -> PdfkitNewspaper:
    """A two-page newspaper drawn by PDFKit at ``path`` with its gold pieces (``pages`` must be 2)."""
    if pages != 2:
        raise ValueError("the PDFKit producer makes two-page papers")
    rng = random.Random(seed)
    st = _style(rng, columns)
    conv = _converter(st.traditional)
    comp = _Composer(rng, st, _source_articles(rng, 240), conv)
    paper_name = rng.choice(PAPERS)
    p1, p2 = _Page(1, st), _Page(2, st)
    top1 = _masthead(p1, comp, paper_name, rng.randint(8000, 26000))
    bottom1 = _footer(p1, comp)
    jumping = _bands(comp, p1, top1, bottom1, "lead")
    caps = _measure(st, [p1], p1.bodies)
    for body in p1.bodies:
        _fit(body, caps[body.flow.id], int(st.col_w / st.size))
        body.flow.text = _compose(body, body.printed, cut_tail="x" if body.jump_marker else "")
    # page 2: its own stories above, the continuations in a band at the foot
    top2 = _running_head(p2, comp, paper_name)
    bottom2 = _footer(p2, comp)
    jumping = [b for b in jumping if b.rest]
    C = st.columns
    room = C - 1 if C >= 4 and rng.random() < 0.4 else C  # a short story may take the band's last column
    chars = [sum(map(len, b.rest)) * 1.15 + 30 for b in jumping]
    widths = [max(1, round(room * c / sum(chars))) for c in chars] if jumping else []
    while sum(widths) > room:
        widths[widths.index(max(widths))] -= 1
    widths = [w for w in widths if w > 0]
    jumping = jumping[: len(widths)]
    need = 0.0
    cpl = max(1, int(st.col_w / st.size))
    heads = 2 * _line_height(st.head, st.size * st.head_scale * 0.8) + 2 * st.line
    for c, n in zip(chars, widths, strict=False):
        need = max(need, c / (cpl * n) * st.line * 1.1 + heads + st.line * 3)
    band_h = min(need, (bottom2 - top2) * 0.55) if jumping else 0.0
    band_top = bottom2 - band_h
    _bands(comp, p2, top2, band_top - st.size * 0.8 if jumping else bottom2, None)
    if jumping:
        page_line_y = band_top - st.size * 0.5
        p2.line(st.margin, page_line_y, st.width - st.margin, page_line_y, 1.0)
        col = 0
        for body, n in zip(jumping, widths, strict=False):
            _continuation(comp, p2, body, st.col_x(col), band_top, st.span_w(n), bottom2 - band_top, n)
            col += n
        if sum(widths) < C:  # a column left beside the continuation: a short story
            n = C - sum(widths)
            comp.story(p2, st.col_x(col), band_top, st.span_w(n), bottom2 - band_top, n)
    p2_bodies = p2.bodies
    caps = _measure(st, [p1, p2], p2_bodies)
    for body in p2_bodies:
        _fit(body, caps[body.flow.id], int(st.col_w / st.size))
        body.flow.text = _compose(body, body.printed)
    # draw, and check that PDFKit printed every flow whole (a cut body that did not fit is cut a sentence earlier)
    bodies = {b.flow.id: b for b in p1.bodies + p2.bodies}
    for _attempt in range(4):
        log = _node({**_spec(st, [p1, p2]), "title": paper_name}, path)["flows"]
        short = {fid: v for fid, v in log.items() if v["rest"].strip()}
        if not short or any(fid not in bodies for fid in short):
            break
        for fid, v in short.items():
            body = bodies[fid]
            drawn = sum(len(_clean(line["text"])) for line in v["lines"])
            _fit(body, drawn - len(_clean(v["rest"])) - 4, int(st.col_w / st.size))
            body.flow.text = _compose(body, body.printed, cut_tail="x" if body.jump_marker else "")
    if short:
        left = [(f, v["rest"][:30]) for f, v in short.items()]
        raise RuntimeError(f"seed {seed}: PDFKit did not print all of {left}")
    paper = PdfkitNewspaper(path=path, family="pdfkit", columns=C, pages=2, seed=seed)
    for page in (p1, p2):
        for piece in page.pieces:
            paper.pieces.append(piece)
        for body in page.bodies:
            for n, para in enumerate(body.printed):
                role = "body"
                paper.pieces.append(
                    Piece(
                        body.article,
                        para,
                        page.number,
                        role=role,
                        continues=body.continues and n == 0,
                        section=body.section,
                    )
                )
    paper.jumps = [
        b.article
        for b in jumping
        if b.printed and any(p.article == b.article and p.page == 2 and p.role == "body" for p in paper.pieces)
    ]
    return paper


def check_gold(paper: Newspaper) -> list[str]:
    """Every gold piece is printed on its page (pdfplumber's characters of the page, in drawing order)."""
    import pdfplumber

    with pdfplumber.open(paper.path) as pdf:
        texts = ["".join(ch["text"] for ch in page.chars if not ch["text"].isspace()) for page in pdf.pages]
    return pieces_not_on_their_pages(paper.pieces, texts)
