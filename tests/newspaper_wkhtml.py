"""Newspaper PDFs printed by wkhtmltopdf (QtWebKit + Qt's PDF writer), with gold reported by the layout engine itself.

A twelfth producer (after reportlab, Chromium, WeasyPrint, Typst, LibreOffice, XeLaTeX, fpdf2, PDFKit, Scribus,
Pango/cairo and Apache FOP), written by an engineer who did NOT read the PDF reader's source (qa/formats,
qa/structure) nor its tests: only the gold and scoring interface of tests/newspaper_pdfs.py and the registration shape
of the FOP producer. The conventions below were written down before the reader first ran on these papers; the set was
HELD OUT at first, then diagnosed on its DIAGNOSIS seeds 20500+ only (nobody diagnoses the reader on its report seeds
20000+).

**Why wkhtmltopdf.** Of the candidates (wkhtmltopdf, jsPDF, hand-written PostScript through Ghostscript), it is the
one least like the eleven producers and most like software that really makes PDFs: it is the web-to-PDF tool behind
countless report, invoice and e-paper back ends (Debian's 0.12.6 on Qt 5.15). Its layout engine is QtWebKit (WebKit
602, a fork older than Blink: its own line breaker, CJK justification, ``-webkit-writing-mode`` vertical text, floats
for drop caps; it computes but does not lay out CSS multi-column boxes) and its PDF writer is Qt's QPdfEngine (its own
font subsets and ToUnicode maps, synthetic bold drawn as a second, shifted copy of each glyph when the face has no
bold, content scaled by Qt's printing transform) — neither is used by any other producer. jsPDF would have been
another program placing glyphs itself (like fpdf2 and PDFKit); PostScript through pdfwrite likewise, with the line
breaking written here. Like a web-to-print newspaper system, the page is built as absolutely positioned story MODULES
on a column grid, each story's columns LINKED boxes (as in a page-layout program: text flows from box to box), and an
editor's script (tests/newspaper_wkhtml_fit.js) flows and fits each story with QtWebKit's own measurements before
printing: the gold is what QtWebKit laid out, reported by that script on the console.

Conventions (fixed before the first run; every dimension drawn from the seed, independently):

- **Page**: 600–900 pt wide, height ×1.30–1.45, margins 18–40 pt; page 1 has 3–6 columns and page 2 its own 3–6
  (``columns=`` fixes both), gutter 0.8–1.8 body sizes; body 8.5–10.5 pt 宋体 (AR PL SungtiL GB; 明体 AR PL Mingti2L
  on traditional papers) with WenQuanYi Micro Hei as the fallback; line height ×1.35–1.7; a two-character indent or
  none with half a line between paragraphs; justified or ragged; rules between columns on some papers.
- **Masthead** on page 1: ACROSS the top (the paper's name centred in red over an issue line and a rule) or in the
  top-left CORNER (name, date, issue and 国内统一刊号 stacked in a box over 1–2 columns) with an EAR story
  (报眼) in a module beside it. Page 2 has a running head (第2版　版名 … date and paper) over a rule; both pages a
  footer line (责任编辑 / 美术编辑 / 校对; page 2 a page number too). None of it is a piece.
- **Modules**: every story is a rectangle of k columns. Its heads are ON TOP (引题 kicker in 楷体, headline, 副题
  subtitle with or without '——', a byline line; left or centred), in a SIDE COLUMN at the left of the body columns
  (the head set ragged in the module's first column, body in the rest), or VERTICAL (竖题: the headline set top to
  bottom in a strip at the module's right edge, as Chinese dailies do). Headlines in 黑体 (WenQuanYi, no bold) or
  bold 宋体 (which Qt draws as two shifted copies); lead 2.2–3.6× the body, others 1.3–2.2×. Section labels
  (栏目名, white on red) over some heads; some stories BOXED (ruled frame, tinted on some papers); DROP CAPS
  (首字下沉: the first character floated over 2–3 lines) on some stories; photos (grey boxes) with 楷体 captions at
  the top of some bodies; bylines as a line, a dateline run into the first paragraph (本报北京1月5日电　记者X报道：),
  a bracketed closing byline (（记者　X）) or none.
- **Briefs column** (about 40 % of front pages): one full-height column at the left or right edge under a label
  (简讯 / 新闻速览 / 本报短讯 …), holding 4–8 briefs each opening with a RUN-IN headline (bold 黑体, or in 【】, then
  a space) — each brief an article of its own.
- **Page 1**: after the masthead, the LEAD over all columns left (or one fewer, with one or two stories stacked
  beside it), sized so that 40–65 % of its text fits; then one or two bands of 1–3 modules down to the footer. The
  lead JUMPS: QtWebKit's measure finds the last character that fits (with the marker) and the text is cut there,
  mid-paragraph. On some papers (about 40 %) a story in page 1's last band jumps too. A jump ends with a marker LINE
  (right-, left-aligned or centred per paper) or a marker RUN IN at the end of the last line: （下转第2版） /
  （下转第二版） / （转第2版） / （转2版） / 下转第二版 / （未完，转第2版） / （转A2版） / ▼下转第2版.
- **Page 2**: continuations at the TOP (under the running head), in the MIDDLE or at the FOOT, over all columns (two
  jumps: side by side or stacked); each under its headline set smaller with a marker line, a one-line head with the
  marker run on, or a marker line alone — （上接第1版） / （上接第一版） / （接第1版） / （接1版） / （紧接第1版） /
  （接A1版） / 上接第一版 / ▲上接第1版; the rest of the cut paragraph opens it without indent. Other stories fill
  the page in bands. Every story not jumping is cut by the editor at a paragraph end (at a sentence end of its first
  paragraph if even that does not fit); what is not printed is not in the gold.
- **Text**: People's Daily January 1998 articles (``pd_article_sample``: real headlines and reporter names);
  kickers, subtitles, captions and briefs' heads borrow other articles' real titles; paper names, dates and editors
  are invented. About one paper in five is converted to traditional characters with OpenCC s2tw (everything).

Gold: the fitting script reports every printed piece (page, story, role, the text QtWebKit laid out in its module)
on the console; ``check_gold`` reads the PDF back with pdfplumber and requires each piece's characters in order on
its page and two pages printed; a paper whose script reports a failure or whose gold does not check is drawn again
(up to four attempts, deterministic per seed). A piece is a paragraph's text on one page (a paragraph cut by a jump
is two pieces, the second ``continues``), a kicker, subtitle, byline or caption; the headline keys the article.
Engine: wkhtmltopdf 0.12.6 (LGPL-3; a test-time tool only, nothing in ``qa`` uses it), installed by
scripts/install-wkhtmltopdf.sh; ``wkhtmltopdf_available()`` says why not, and callers skip. Under a second a paper.
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from functools import cache
from html import escape
from pathlib import Path
from urllib.parse import unquote

from tests.newspaper_pdfs import Article, Newspaper, Piece, drawn_page_texts, fonts_missing, gold_problems
from tests.producer_corpus import converter, distinct_articles

FIT_SCRIPT = Path(__file__).with_name("newspaper_wkhtml_fit.js")
PX = 0.576138  # pt per CSS px in wkhtmltopdf 0.12.6 on unpatched Qt 5 (Qt's printing transform; measured)
FONTS = {
    "song": ("AR PL SungtiL GB", Path("/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf")),
    "ming": ("AR PL Mingti2L Big5", Path("/usr/share/fonts/truetype/arphic-bsmi00lp/bsmi00lp.ttf")),
    "kai": ("AR PL KaitiM GB", Path("/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf")),
    "kait": ("AR PL KaitiM Big5", Path("/usr/share/fonts/truetype/arphic-bkai00mp/bkai00mp.ttf")),
    "hei": ("WenQuanYi Micro Hei", Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")),
}
JUMP_OUT = (
    "（下转第2版）",
    "（下转第二版）",
    "（转第2版）",
    "（转2版）",
    "下转第二版",
    "（未完，转第2版）",
    "（转A2版）",
    "▼下转第2版",
)
JUMP_IN = (
    "（上接第1版）",
    "（上接第一版）",
    "（接第1版）",
    "（接1版）",
    "（紧接第1版）",
    "（接A1版）",
    "上接第一版",
    "▲上接第1版",
)
LABELS = ("时政要闻", "经济观察", "社会民生", "科教文卫", "国际视野", "地方传真", "热点追踪")
BRIEF_LABELS = ("简讯", "新闻速览", "本报短讯", "要闻简报", "一句话新闻")
PAPERS = ("东海日报", "中原晚报", "滨江时报", "燕赵都市报", "珠江商报", "雪域日报", "天山晨报", "秦川日报")
EDITIONS = ("要闻", "综合", "经济", "社会", "国内", "专版")
NAMES = ("王海", "李娜", "张伟", "刘洋", "陈静", "杨帆", "赵磊", "黄鹂", "周强", "吴敏")
CITIES = ("北京", "上海", "天津", "重庆", "杭州", "郑州", "昆明", "兰州")
WEEKDAYS = "一二三四五六日"
RED = "#b3001b"


@dataclass
class WkhtmlNewspaper(Newspaper):
    """A paper printed by wkhtmltopdf; ``conventions`` names what this paper's draw used (for the variety test)."""

    conventions: dict = field(default_factory=dict)


@cache
def wkhtmltopdf_available() -> str | None:
    """None when papers can be made here, else why not (callers skip with it)."""
    if shutil.which("wkhtmltopdf") is None:
        return "wkhtmltopdf is not installed (scripts/install-wkhtmltopdf.sh)"
    return fonts_missing((path for _, path in FONTS.values()), "scripts/install-wkhtmltopdf.sh")


# ---- the paper's drawn dimensions ----------------------------------------------------------------------------------
def draw_style(rng: random.Random, columns: int | None) -> dict:
    """Every dimension and convention of one paper, each drawn independently."""
    width = rng.uniform(600, 900)
    trad = rng.random() < 0.2
    body = rng.choice((8.5, 9.0, 9.5, 10.0, 10.5))
    return {
        "width": width,
        "height": width * rng.uniform(1.30, 1.45),
        "margins": [rng.uniform(18, 40) for _ in range(4)],  # left, right, top, bottom (pt)
        "columns": [columns or rng.randint(3, 6), columns or rng.randint(3, 6)],
        "gutter": rng.uniform(0.8, 1.8),  # × body
        "body": body,
        "leading": rng.uniform(1.35, 1.7),
        "indent": rng.random() < 0.65,
        "justify": rng.random() < 0.7,
        "column_rules": rng.random() < 0.4,
        "body_face": "ming" if trad else "song",
        "kai": "kait" if trad else "kai",
        "head_face": rng.choice(("hei", "hei", "bold")),
        "head_align": rng.choice(("left", "center")),
        "lead_scale": rng.uniform(2.2, 3.6),
        "head_scale": rng.uniform(1.3, 2.2),
        "kicker_ratio": rng.uniform(0.45, 0.7),
        "subtitle_ratio": rng.uniform(0.5, 0.75),
        "cont_scale": rng.uniform(1.2, 1.8),
        "masthead": rng.choice(("across", "corner")),
        "masthead_size": rng.uniform(34, 60),
        "briefs": rng.random() < 0.4,
        "briefs_side": rng.choice(("left", "right")),
        "runin_style": rng.choice(("bold", "bracket")),
        "lead_narrow": rng.random() < 0.3,
        "lead_share": rng.uniform(0.4, 0.65),
        "second_jump": rng.random() < 0.4,
        "marker_form": rng.choice(("line", "line", "runin")),
        "marker_align": rng.choice(("right", "right", "left", "center")),
        "cont_where": rng.choice(("top", "middle", "foot")),
        "cont_head": rng.choice(("head_marker", "head_inline", "marker")),
        "cont_side_by_side": rng.random() < 0.5,
        "side_rate": rng.uniform(0.0, 0.4),
        "vertical_rate": rng.uniform(0.0, 0.35),
        "kicker_rate": rng.uniform(0.1, 0.5),
        "subtitle_rate": rng.uniform(0.1, 0.5),
        "photo_rate": rng.uniform(0.0, 0.35),
        "box_rate": rng.uniform(0.0, 0.3),
        "tint": rng.random() < 0.5,
        "label_rate": rng.uniform(0.0, 0.35),
        "dropcap_rate": rng.uniform(0.0, 0.4),
        "byline_styles": rng.sample(("line", "dateline", "closing", "none"), rng.randint(2, 4)),
        "byline_align": rng.choice(("left", "right", "center")),
        "trad": trad,
    }


# ---- HTML ----------------------------------------------------------------------------------------------------------
def _e(text: str) -> str:
    return escape(text, quote=True)


class _Layout:
    """Places story modules on each page's column grid and writes the HTML (sizes in CSS px)."""

    def __init__(self, rng: random.Random, st: dict, convert) -> None:  # noqa: ANN001 - str -> str
        self.rng, self.st, self.cv = rng, st, convert
        self.px = lambda pt: pt / PX
        self.W, self.H = self.px(st["width"]) - 2, self.px(st["height"]) - 4
        self.ml, self.mr, self.mt, self.mb = (self.px(m) for m in st["margins"])
        self.fs = self.px(st["body"])
        self.line = self.fs * st["leading"]
        self.gap = self.fs * st["gutter"]
        self.headlines: dict[str, str] = {}
        self.stories: list[Article] = []
        self.titles: list[str] = []
        self.html: list[str] = []
        self.n = 0
        self.used: dict[str, int] = {}
        self.jumps: list[str] = []

    # grid
    def colw(self, cols: int) -> float:
        return (self.W - self.ml - self.mr - (cols - 1) * self.gap) / cols

    def x_of(self, cols: int, c: int) -> float:
        return self.ml + c * (self.colw(cols) + self.gap)

    def span_w(self, cols: int, k: int) -> float:
        return k * self.colw(cols) + (k - 1) * self.gap

    def count(self, what: str) -> None:
        self.used[what] = self.used.get(what, 0) + 1

    def next_story(self, longest: bool = False) -> Article:
        if longest:
            art = max(self.stories, key=lambda a: sum(map(len, a.paragraphs)))
            self.stories.remove(art)
            return art
        return self.stories.pop(0)

    def key_of(self, art: Article) -> str:
        self.n += 1
        key = f"s{self.n}"
        self.headlines[key] = art.headline
        return key

    # heads
    def fam(self, face: str) -> str:
        return f"font-family:'{FONTS[face][0]}','{FONTS['hei'][0]}'"

    def head_css(self, size: float) -> str:
        face = self.st["head_face"]
        weight = "bold" if face == "bold" else "normal"
        fam = self.fam(self.st["body_face"] if face == "bold" else "hei")
        return f"{fam};font-size:{size:.1f}px;font-weight:{weight};line-height:1.2"

    def heads(self, art: Article, key: str, size: float, extras: dict, align: str) -> str:
        st, out = self.st, []
        if extras.get("label"):
            out.append(
                f'<div style="{self.fam("hei")};font-size:{self.fs * 1.05:.1f}px;margin-bottom:{self.fs * 0.3:.1f}px">'
                f"<span style='background:{RED};color:#fff;padding:1px 6px'>{_e(extras['label'])}</span></div>"
            )
        if extras.get("kicker"):
            k = max(self.fs, size * st["kicker_ratio"])
            out.append(
                f"<div data-role='kicker' style=\"{self.fam(st['kai'])};font-size:{k:.1f}px;line-height:1.3\">"
                f"<span class='txt'>{_e(extras['kicker'])}</span></div>"
            )
        out.append(f'<div style="{self.head_css(size)};margin:{self.fs * 0.2:.1f}px 0">{_e(art.headline)}</div>')
        if extras.get("subtitle"):
            s = max(self.fs, size * st["subtitle_ratio"])
            out.append(
                f"<div data-role='subtitle' style=\"{self.fam(st['kai'])};font-size:{s:.1f}px;line-height:1.3\">"
                f"<span class='txt'>{_e(extras['subtitle'])}</span></div>"
            )
        if extras.get("byline"):
            out.append(
                f"<div data-role='byline' style=\"{self.fam(st['kai'])};font-size:{self.fs:.1f}px;"
                f'text-align:{st["byline_align"]};margin-top:{self.fs * 0.3:.1f}px">'
                f"<span class='txt'>{_e(extras['byline'])}</span></div>"
            )
        return f"<div style='text-align:{align}'>{''.join(out)}</div>"

    def extras(self, art: Article, allow_closing: bool = True) -> dict:
        rng, st = self.rng, self.st
        ex: dict = {}
        names = art.byline.split("　") if art.byline else rng.sample(NAMES, rng.choice((1, 2)))
        style = rng.choice(st["byline_styles"])
        if style == "closing" and not allow_closing:
            style = "line"
        if style == "line":
            ex["byline"] = self.cv(rng.choice(("本报记者　", "新华社记者　", "本报通讯员　")) + "　".join(names[:2]))
        elif style == "dateline":
            day = st["day"]
            ex["dateline"] = self.cv(f"本报{rng.choice(CITIES)}1月{day}日电　记者{'、'.join(names[:2])}报道：")
        elif style == "closing":
            ex["closing"] = self.cv(f"（记者　{'　'.join(names[:2])}）")
        if rng.random() < st["kicker_rate"] and self.titles:
            ex["kicker"] = self.titles.pop()
        if rng.random() < st["subtitle_rate"] and self.titles:
            ex["subtitle"] = rng.choice(("——", "")) + self.titles.pop()
        if rng.random() < st["label_rate"]:
            ex["label"] = self.cv(rng.choice(LABELS))
        if rng.random() < st["photo_rate"] and self.titles:
            t = self.titles.pop()
            ex["caption"] = rng.choice((f"图为{t}现场。", f"{t}。（{rng.choice(NAMES)}摄）", f"图为：{t}。"))
            ex["caption"] = self.cv(ex["caption"])
            ex["photo"] = rng.uniform(0.5, 0.85)
        if rng.random() < st["dropcap_rate"]:
            ex["dropcap"] = True
        for k in ("byline", "dateline", "closing"):
            if k in ex:
                self.count(f"byline_{k}")
        return ex

    # bodies
    def para(self, text: str, first: bool, drop: bool = False, key: str = "", runin: str = "") -> str:
        st = self.st
        cls = "para drop" if drop else "para"
        css = []
        if not st["indent"] and not first:
            css.append(f"margin-top:{self.line * 0.5:.1f}px")
        if st["indent"] and not drop and not runin:
            css.append(f"text-indent:{2 * self.fs:.1f}px")
        k = f" data-key='{key}'" if key else ""
        head = ""
        if runin:
            if st["runin_style"] == "bold":
                head = f"<span class='runin' style=\"{self.fam('hei')}\">{_e(runin)}</span>　"
            else:
                head = f"<span class='runin' style=\"{self.fam('hei')}\">【{_e(runin)}】</span>"
        style = ";".join(css)
        return f"<p class='{cls}' data-role='body'{k} style='{style}'>{head}<span class='txt'>{_e(text)}</span></p>"

    def body_div(self, inner: str, x: float, y: float, w: float, h: float | None, cols: int, runin: str = "") -> str:
        """The story's source blocks (hidden) and its linked column boxes, which the fitting script fills."""
        st = self.st
        cw = (w - (cols - 1) * self.gap) / cols
        height = h if h is not None else 10.0
        boxes = []
        for j in range(cols):
            cx = x + j * (cw + self.gap)
            boxes.append(
                f"<div class='col' style='position:absolute;left:{cx:.1f}px;top:{y:.1f}px;width:{cw:.1f}px;"
                f"height:{height:.1f}px;overflow:hidden'></div>"
            )
            if j and st["column_rules"]:
                boxes.append(
                    f"<div class='rule' style='position:absolute;left:{cx - self.gap / 2:.1f}px;top:{y:.1f}px;width:0;"
                    f"height:{height:.1f}px;border-left:0.7px solid #777'></div>"
                )
        r = f" data-runin='{_e(runin)}'" if runin else ""
        return (
            f"<div class='flow' data-gap='{self.fs * 0.6:.1f}'{r}><div class='src' style='display:none'>{inner}</div>"
            f"{''.join(boxes)}</div>"
        )

    def module(
        self,
        page: int,
        cols: int,
        c0: int,
        k: int,
        y: float,
        h: float,
        art: Article,
        key: str,
        size: float,
        mode: str = "para",
        cont_of: str = "",
        cont_head: str = "",
    ) -> None:
        """One story's rectangle: heads (top, side or vertical), then its body in k columns."""
        rng, st = self.rng, self.st
        x, w = self.x_of(cols, c0), self.span_w(cols, k)
        boxed = not cont_of and mode == "para" and rng.random() < st["box_rate"]
        pad = self.fs * 0.6 if boxed else 0.0
        frame = ""
        if boxed:
            frame = "border:1px solid #333;" + ("background:#f1ece0;" if st["tint"] else "")
            self.count("boxed")
        ex = {} if cont_of else self.extras(art, allow_closing=mode == "para")
        align = "center" if st["head_align"] == "center" else "left"
        kind = "top"
        if not cont_of and k >= 3 and rng.random() < st["side_rate"]:
            kind = "side"
        elif (
            not cont_of and k >= 2 and rng.random() < st["vertical_rate"] and len(art.headline) * size * 1.05 < h * 0.8
        ):
            kind = "vertical"
        self.count(f"head_{kind}")
        marker = st["jump_out"] if mode == "jump" else ""
        paras = list(art.paragraphs)
        inner = []
        photo_h = min(self.colw(cols) * ex.get("photo", 0), 0.4 * (h - self.head_h(size)))
        if photo_h > 4 * self.line:
            inner.append(
                f"<div class='atom' style='height:{photo_h:.1f}px;background:#b8b8b8;"
                f"margin-bottom:{self.fs * 0.3:.1f}px'></div>"
                f"<p class='atom' data-role='caption' style=\"{self.fam(st['kai'])};"
                f"font-size:{self.fs * 0.9:.1f}px;margin:0 0 {self.fs * 0.5:.1f}px 0\"><span class='txt'>"
                f"{_e(ex['caption'])}</span></p>"
            )
            self.count("photo")
        if ex.get("dateline"):
            paras[0] = ex["dateline"] + paras[0]
        if cont_of:
            inner.append(self.para("", True))  # a prototype the fitting script fills with the rest
        else:
            drop = bool(ex.get("dropcap"))
            if drop:
                self.count("dropcap")
            inner += [self.para(t, n == 0, drop=drop and n == 0) for n, t in enumerate(paras)]
        if ex.get("closing"):
            inner.append(
                f"<p class='trailer' data-role='byline' style='text-align:right'><span class='txt'>"
                f"{_e(ex['closing'])}</span></p>"
            )
        runin = ""
        if marker and st["marker_form"] == "line":
            inner.append(
                f"<p class='trailer' style=\"text-align:{st['marker_align']};{self.fam('hei')}\">{_e(marker)}</p>"
            )
        elif marker:
            runin = marker
        body_inner = "".join(inner)
        heads = ""
        if cont_of:
            csize = self.fs * st["cont_scale"]
            jin = f'<span style="{self.fam("hei")};font-size:{self.fs:.1f}px">{_e(st["jump_in"])}</span>'
            if cont_head == "head_marker":
                heads = f'<div style="{self.head_css(csize)}">{_e(art.headline)}</div><div>{jin}</div>'
            elif cont_head == "head_inline":
                heads = f'<div style="{self.head_css(csize)}">{_e(art.headline)}　{jin}</div>'
            else:
                heads = f"<div>{jin}</div>"
            heads = f"<div style='text-align:{align}'>{heads}</div>"
        elif kind != "vertical":
            heads = self.heads(art, key, size, ex, align if kind == "top" else "left")
        attrs = f"class='module' data-key='{key}' data-mode='{mode}' data-pad='{pad:.1f}'"
        if cont_of:
            attrs += f" data-cont='{cont_of}'"
        out = [
            f"<div {attrs} style='position:absolute;left:{x:.1f}px;top:{y:.1f}px;width:{w:.1f}px;"
            f"height:{h:.1f}px;{frame}'>"
        ]
        if kind == "top":
            out.append(
                f"<div class='head top' style='position:absolute;left:{pad:.1f}px;top:{pad:.1f}px;"
                f"width:{w - 2 * pad:.1f}px'>"
                f"{heads}</div>"
            )
            out.append(self.body_div(body_inner, pad, pad, w - 2 * pad, None, k, runin))
        elif kind == "side":
            cw = self.colw(cols)
            out.append(
                f"<div class='head side' style='position:absolute;left:{pad:.1f}px;top:{pad:.1f}px;"
                f"width:{cw - pad:.1f}px'>"
                f"{heads}</div>"
            )
            bx = cw + self.gap
            out.append(self.body_div(body_inner, bx, pad, w - bx - pad, h - 2 * pad, k - 1, runin))
        else:
            strip = size * 1.3
            vhead = (
                f"<div class='head vert' style='position:absolute;right:{pad:.1f}px;top:{pad:.1f}px;"
                f"width:{strip:.1f}px;"
                f"height:{h - 2 * pad:.1f}px;-webkit-writing-mode:vertical-rl;{self.head_css(size)}'>"
                f"{_e(art.headline)}</div>"
            )
            out.append(vhead)
            if ex.get("byline"):  # under a vertical head the byline opens the body
                body_inner = (
                    f"<p class='atom' data-role='byline' style=\"{self.fam(st['kai'])};"
                    f'margin:0 0 {self.fs * 0.4:.1f}px 0">'
                    f"<span class='txt'>{_e(ex['byline'])}</span></p>" + body_inner
                )
            bw = w - 2 * pad - strip - self.gap
            bcols = max(1, min(k, int((bw + self.gap) / (self.fs * 9 + self.gap))))
            out.append(self.body_div(body_inner, pad, pad, bw, h - 2 * pad, bcols, runin))
        out.append("</div>")
        self.page_html[page].append("".join(out))

    def briefs(self, page: int, cols: int, c0: int, y: float, h: float) -> None:
        """A full-height column of briefs, each under a run-in headline, all under one label."""
        x, w = self.x_of(cols, c0), self.span_w(cols, 1)
        label = self.cv(self.rng.choice(BRIEF_LABELS))
        items = []
        n = self.rng.randint(4, 8)
        for m in range(n):
            if not self.stories:
                break
            art = self.next_story()
            key = self.key_of(art)
            items.append(self.para(art.paragraphs[0], m == 0, key=key, runin=art.headline))
        self.count("briefs")
        head = (
            f"<div class='head top' style='position:absolute;left:0;top:0;width:{w:.1f}px;"
            f"border-bottom:2px solid {RED}'>"
            f'<div style="{self.fam("hei")};font-size:{self.fs * 1.6:.1f}px;color:{RED};text-align:center">{_e(label)}'
            "</div></div>"
        )
        self.page_html[page].append(
            f"<div class='module' data-key='briefs' data-mode='para' data-pad='0' style='position:absolute;"
            f"left:{x:.1f}px;"
            f"top:{y:.1f}px;width:{w:.1f}px;height:{h:.1f}px'>"
            f"{head}{self.body_div(''.join(items), 0, 0, w, None, 1)}</div>"
        )

    # estimates, for sizing modules before QtWebKit measures
    def head_h(self, size: float) -> float:
        return size * 1.5 + self.fs * 3.5

    def capacity(self, cols: int, k: int, h: float, size: float) -> int:
        per_line = max(1, int(self.colw(cols) / self.fs))
        lines = max(0, int((h - self.head_h(size)) / self.line))
        return k * per_line * lines

    def bands(self, page: int, cols: int, c0: int, ncols: int, y0: float, y1: float) -> None:
        """Fill [y0, y1) over columns [c0, c0 + ncols) with one or two bands of 1–3 modules."""
        rng, st = self.rng, self.st
        room = y1 - y0
        n = max(1, min(3, round(room / (rng.uniform(18, 28) * self.line))))
        cuts = [(b + rng.uniform(-0.2, 0.2)) / n for b in range(1, n)]  # bands of about equal depth
        edges = [y0] + [y0 + room * c for c in cuts] + [y1]
        for b in range(n):
            top, bottom = edges[b] + (self.gap if b else 0), edges[b + 1]
            widths = _partition(rng, ncols)
            c = c0
            for k in widths:
                if not self.stories:
                    return
                jump = page == 1 and st["second_jump"] and not self.second_done and b == n - 1 and k >= 2
                art = self.next_story(longest=jump)
                key = self.key_of(art)
                if jump:
                    self.second_done = True
                    self.jumps.append(key)
                    self.jumped[key] = art
                size = self.fs * st["head_scale"]
                self.module(page, cols, c, k, top, bottom - top, art, key, size, mode="jump" if jump else "para")
                c += k

    # pages
    def page1(self) -> None:
        rng, st = self.rng, self.st
        cols = st["columns"][0]
        y, bottom = self.mt, self.H - self.mb - self.fs * 2.2
        mh = self.px(st["masthead_size"])
        if st["masthead"] == "across":
            self.page_html[1].append(
                f"<div style='position:absolute;left:{self.ml:.1f}px;top:{y:.1f}px;"
                f"width:{self.W - self.ml - self.mr:.1f}px;"
                f"text-align:center;border-bottom:3px double {RED}'>"
                f'<div style="{self.fam("hei")};font-size:{mh:.1f}px;color:{RED};line-height:1.15">'
                f"{_e(st['paper'])}</div>"
                f'<div style="{self.fam(st["body_face"])};font-size:{self.fs:.1f}px;margin:4px 0">'
                f"{_e(st['issue'])}</div>"
                "</div>"
            )
            y += mh * 1.15 + self.fs * 2.2 + 10
        else:
            m = 1 if cols <= 4 else 2
            box_w = self.span_w(cols, m)
            size = min(mh, box_w / max(2, len(st["paper"])) * 0.95)
            ear = "".join(f"<div>{_e(t)}</div>" for t in st["ear"])
            band = size * 1.3 + self.fs * 1.5 * len(st["ear"]) + 20
            band = max(band, 11 * self.line + self.head_h(self.fs * st["head_scale"]))
            self.page_html[1].append(
                f"<div style='position:absolute;left:{self.ml:.1f}px;top:{y:.1f}px;width:{box_w:.1f}px;"
                f"height:{band:.1f}px;"
                f"border:2px solid {RED};text-align:center'><div style=\"{self.fam('hei')};font-size:{size:.1f}px;"
                f'color:{RED};margin:8px 0">{_e(st["paper"])}</div><div style="{self.fam(st["body_face"])};'
                f'font-size:{self.fs:.1f}px;line-height:1.5">{ear}</div></div>'
            )
            art = self.next_story()
            self.count("ear")
            self.module(1, cols, m, cols - m, y, band, art, self.key_of(art), self.fs * st["head_scale"])
            y += band + self.gap
        c0, ncols = 0, cols
        if st["briefs"] and cols >= 3:
            bc = 0 if st["briefs_side"] == "left" else cols - 1
            self.briefs(1, cols, bc, y, bottom - y)
            c0, ncols = (1, cols - 1) if bc == 0 else (0, cols - 1)
        # the lead: sized so that lead_share of its text fits
        lead = self.next_story(longest=True)
        key = self.key_of(lead)
        self.jumps.append(key)
        self.jumped[key] = lead
        k = ncols - 1 if st["lead_narrow"] and ncols >= 3 else ncols
        size = self.fs * st["lead_scale"]
        want = st["lead_share"] * sum(map(len, lead.paragraphs))
        per_line = k * max(1, int(self.colw(cols) / self.fs))
        h = self.head_h(size) + want / per_line * self.line + 2 * self.line
        room = bottom - y
        h = max(0.25 * room, min(0.6 * room, h))
        lead_c = c0 + (ncols - k if k < ncols and rng.random() < 0.5 else 0)
        self.module(1, cols, lead_c, k, y, h, lead, key, size, "jump")
        if k < ncols:  # one or two stories stacked beside a narrow lead
            side_c = c0 + ncols - 1 if lead_c == c0 else c0
            n = 1 if h < 30 * self.line else 2
            for j in range(n):
                art = self.next_story()
                top = y + j * (h / n) + (self.gap if j else 0)
                self.module(
                    1,
                    cols,
                    side_c,
                    1,
                    top,
                    h / n - (self.gap if j else 0),
                    art,
                    self.key_of(art),
                    self.fs * st["head_scale"] * 0.8,
                )
        self.bands(1, cols, c0, ncols, y + h + self.gap, bottom)
        self.furniture(1, bottom)

    def page2(self) -> None:
        st = self.st
        cols = st["columns"][1]
        y = self.mt
        self.page_html[2].append(
            f'<div style="position:absolute;left:{self.ml:.1f}px;top:{y:.1f}px;'
            f"width:{self.W - self.ml - self.mr:.1f}px;"
            f'border-bottom:1.5px solid #000;{self.fam("hei")};font-size:{self.fs:.1f}px">'
            f"<span>{_e(st['running'][0])}</span><span style='float:right'>{_e(st['running'][1])}</span></div>"
        )
        y += self.fs * 1.6 + self.gap
        bottom = self.H - self.mb - self.fs * 2.2
        room = bottom - y
        conts = list(self.jumps)
        # the continuations' band, sized from the rest's estimated length
        per_line = cols * max(1, int(self.colw(cols) / self.fs))
        rest = sum(max(200, int(sum(map(len, self.jumped[k].paragraphs)) * (1.05 - st["lead_share"]))) for k in conts)
        ch = self.fs * st["cont_scale"] * 1.5 + self.fs * 2.5 + rest / per_line * self.line * 1.1
        side = len(conts) == 2 and st["cont_side_by_side"] and cols >= 4
        if len(conts) == 2 and not side:
            ch += self.fs * st["cont_scale"] * 1.5 + self.fs * 2.5
        elif side:
            ch = ch / 2 + self.fs * 5
        ch = max(0.2 * room, min(0.55 * room, ch))
        where = st["cont_where"]
        if where == "top":
            cy, fill = y, [(y + ch + self.gap, bottom)]
        elif where == "foot":
            cy, fill = bottom - ch, [(y, bottom - ch - self.gap)]
        else:
            upper = max(8 * self.line + self.head_h(self.fs * st["head_scale"]), (room - ch) * 0.45)
            cy = y + upper + self.gap
            fill = [(y, y + upper), (cy + ch + self.gap, bottom)]
        if side:
            a = cols // 2
            for n, key in enumerate(conts):
                c0, k = (0, a) if n == 0 else (a, cols - a)
                self.cont(cols, c0, k, cy, ch, key)
        else:
            hs = [ch * 0.6, ch * 0.4] if len(conts) == 2 else [ch]
            top = cy
            for key, hh in zip(conts, hs, strict=True):
                self.cont(cols, 0, cols, top, hh - (self.gap if top > cy else 0), key)
                top += hh
        for a, b in fill:
            if b - a > 6 * self.line:
                self.bands(2, cols, 0, cols, a, b)
        self.furniture(2, bottom)

    def cont(self, cols: int, c0: int, k: int, y: float, h: float, key: str) -> None:
        art = self.jumped[key]
        self.count(f"cont_{self.st['cont_head']}")
        self.module(2, cols, c0, k, y, h, art, f"{key}-c", 0, cont_of=key, cont_head=self.st["cont_head"])
        self.headlines[f"{key}-c"] = art.headline

    def furniture(self, page: int, bottom: float) -> None:
        st = self.st
        self.page_html[page].append(
            f'<div style="position:absolute;left:{self.ml:.1f}px;top:{bottom + self.fs * 0.6:.1f}px;'
            f"width:{self.W - self.ml - self.mr:.1f}px;border-top:0.8px solid #000;{self.fam(st['body_face'])};"
            f'font-size:{self.fs * 0.85:.1f}px;text-align:{st["footer_align"]}">{_e(st["footers"][page - 1])}</div>'
        )

    def document(self) -> str:
        st = self.st
        css = (
            "body{margin:0}p{margin:0}"
            f".page{{position:relative;width:{self.W:.1f}px;height:{self.H:.1f}px;overflow:hidden;"
            "page-break-after:always;background:#fff}"
            f".flow{{{self.fam(st['body_face'])};font-size:{self.fs:.1f}px;line-height:{self.line:.1f}px;"
            f"text-align:{'justify' if st['justify'] else 'left'}}}"
            f"p.drop::first-letter{{float:left;font-size:{self.line * 2 + self.fs * 0.7:.1f}px;line-height:1;"
            f"margin:{self.fs * 0.1:.1f}px {self.fs * 0.25:.1f}px 0 0;{self.fam('hei')}}}"
            ".runin{font-weight:bold}"
            + (".split{text-align-last:justify;-webkit-text-align-last:justify}" if st["justify"] else "")
        )
        pages = "".join(f"<div class='page' data-page='{n}'>{''.join(self.page_html[n])}</div>" for n in (1, 2))
        script = FIT_SCRIPT.read_text(encoding="utf-8")
        return (
            f"<!DOCTYPE html><html><head><meta charset='utf-8'><style>{css}</style></head><body>{pages}"
            f"<script>{script}</script></body></html>"
        )

    def build(self, articles: list[Article]) -> str:
        self.stories = articles[:]
        self.titles = [a.headline for a in articles[-8:]]
        self.stories = self.stories[:-8]
        self.page_html: dict[int, list[str]] = {1: [], 2: []}
        self.jumped: dict[str, Article] = {}
        self.second_done = False
        self.page1()
        self.page2()
        return self.document()


def _partition(rng: random.Random, n: int) -> list[int]:
    """Split n columns into 1–3 module widths, preferring modules of two or more columns."""
    options = (
        [n],
        [n // 2, n - n // 2],
        [2, n - 2],
        [1, n - 1],
        [2, 2, n - 4],
        [1, 2, n - 3],
        [n // 3, n // 3, n - 2 * (n // 3)],
    )
    parts = rng.choice([p for p in options if min(p) >= 1])
    if rng.random() < 0.5:
        parts = parts[::-1]
    return parts


# ---- running wkhtmltopdf -------------------------------------------------------------------------------------------
def make_spec(seed: int, attempt: int = 0, columns: int | None = None) -> tuple[dict, str, dict[str, str], dict]:
    """The drawn style, the HTML, the headline of every story key and the conventions used (deterministic)."""
    rng = random.Random(seed * 101 + attempt)
    st = draw_style(rng, columns)
    cv = converter(st["trad"], "s2tw")
    pair = rng.randrange(len(JUMP_OUT))
    st["jump_out"] = cv(JUMP_OUT[pair])
    st["jump_in"] = cv(JUMP_IN[rng.choice((pair, rng.randrange(len(JUMP_IN))))])
    day = rng.randint(1, 31)
    st["day"] = day
    weekday = WEEKDAYS[(day + 2) % 7]
    paper = rng.choice(PAPERS)
    issue = rng.randint(10000, 19999)
    names = rng.sample(NAMES, 3)
    st["paper"] = cv(paper)
    st["issue"] = cv(f"1998年1月{day}日　星期{weekday}　第{issue}期　今日8版")
    st["ear"] = [
        cv(t)
        for t in (
            f"1998年1月{day}日",
            f"星期{weekday}",
            f"第{issue}期",
            f"国内统一刊号CN{rng.randint(11, 65)}-{rng.randint(1, 99):04d}",
        )
    ]
    st["running"] = [
        cv(rng.choice(("第2版　", "2　", "A2　")) + rng.choice(EDITIONS)),
        cv(f"1998年1月{day}日　{paper}"),
    ]
    st["footers"] = [
        cv(f"责任编辑：{names[0]}　美术编辑：{names[1]}　校对：{names[2]}"),
        cv(f"本版编辑：{names[1]}　电话：{rng.randint(6000000, 6999999)}　－2－"),
    ]
    st["footer_align"] = rng.choice(("left", "center", "right"))
    arts = [
        Article(cv(a.headline), [cv(p) for p in a.paragraphs], byline=cv(a.byline) if a.byline else None)
        for a in distinct_articles(rng, 60)
    ]
    lay = _Layout(rng, st, cv)
    html = lay.build(arts)
    conventions = dict(lay.used)
    for name in ("masthead", "head_face", "marker_form", "cont_where", "cont_head", "trad", "indent", "justify"):
        conventions[name] = st[name]
    conventions["columns"] = tuple(st["columns"])
    return st, html, lay.headlines, conventions


def _run(html: str, st: dict, pdf: Path) -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "paper.html"
        src.write_text(html, encoding="utf-8")
        width_mm, height_mm = st["width"] / 72 * 25.4, st["height"] / 72 * 25.4
        cmd = [
            shutil.which("wkhtmltopdf") or "wkhtmltopdf",
            "--debug-javascript", "--no-stop-slow-scripts", "--javascript-delay", "50",
            "-B", "0", "-T", "0", "-L", "0", "-R", "0",
            "--page-width", f"{width_mm:.2f}mm", "--page-height", f"{height_mm:.2f}mm",
            "--title", st["paper"], str(src), str(pdf),
        ]  # fmt: skip
        env = {"PATH": "/usr/bin:/bin", "HOME": tmp, "XDG_RUNTIME_DIR": tmp, "QT_QPA_PLATFORM": "offscreen"}
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=120, env=env)
        if done.returncode != 0 or not pdf.is_file():
            raise RuntimeError(f"wkhtmltopdf failed ({done.returncode}): {done.stderr[-500:]}")
        return done.stderr.splitlines()


def _console(lines: list[str], tag: str) -> list[str]:
    out = []
    for line in lines:
        at = line.find(f" {tag} ")
        if "Warning:" in line and at >= 0:
            out.append(unquote(line[at + len(tag) + 2 :].strip()))
    return out


def make_wkhtml_newspaper(path: Path, seed: int, pages: int = 2, columns: int | None = None) -> WkhtmlNewspaper:
    """Print a two-page paper with wkhtmltopdf at ``path``; its gold as QtWebKit laid it out."""
    if pages != 2:
        raise ValueError("the wkhtmltopdf producer makes two-page papers")
    problems: list[str] = []
    for attempt in range(4):
        st, html, headlines, conventions = make_spec(seed, attempt, columns)
        lines = _run(html, st, path)
        problems = _console(lines, "FAIL")
        if not any("DONE" in line for line in lines):
            problems.append("the fitting script did not finish")
        pieces = []
        for raw in _console(lines, "GOLD"):
            g = json.loads(raw)
            pieces.append(Piece(headlines[g["key"]], g["text"], g["page"], g["role"], continues=bool(g["continues"])))
        pieces.sort(key=lambda p: p.page)  # stable: the script's order within a page
        jumps = [h for h in dict.fromkeys(headlines[k] for k in headlines if k.endswith("-c"))]
        jumps = [h for h in jumps if {p.page for p in pieces if p.article == h and p.role == "body"} == {1, 2}]
        paper = WkhtmlNewspaper(path, "wkhtmltopdf", st["columns"][0], 2, pieces, jumps, conventions=conventions)
        if not problems:
            problems = check_gold(paper)
        if not problems and len(jumps) == sum(1 for k in headlines if k.endswith("-c")):
            return paper
        problems = problems or ["a jumped story has no text on one of its pages"]
    raise RuntimeError(f"seed {seed}: no consistent paper in four attempts: {problems[:3]}")


page_texts = drawn_page_texts  # each page's characters in the order Qt drew them (white space removed)


def check_gold(paper: Newspaper) -> list[str]:
    """Problems with the gold: the wrong number of pages, or pieces whose characters are not drawn, in order, on
    their page (Qt draws each line box in the order QtWebKit paints them, so a piece's text is a subsequence)."""
    return gold_problems(paper, page_texts(paper))
