"""Newspaper PDFs typeset by Apache FOP from XSL-FO, with gold read back from FOP's own area tree.

An eleventh producer (after reportlab, Chromium, WeasyPrint, Typst, LibreOffice, XeLaTeX, fpdf2, PDFKit, Scribus and
Pango/cairo), written by an engineer who did NOT read the PDF reader's source (qa/formats, qa/structure), its tests,
nor the other producers' layout code: only the gold and scoring interface of tests/newspaper_pdfs.py, the corpus
loaders of tests/text_sources.py and the registration shape of the Pango producer (its module's interface, install
script, Makefile line, benchmark rows and gold test). The conventions below were written down before the reader first
ran on these papers; the set is HELD OUT (nobody diagnoses the reader on its report seeds).

The engine: **Apache FOP 2.8** (Debian ``fop``, Java) formats an XSL-FO document this module writes: its own
line breaker (Knuth-style total-fit paragraphs, UAX #14 break opportunities between CJK characters), its own
justification, its own multi-column page regions (``column-count`` on the page's body region, text filling column
after column, columns balanced before a block that spans all of them) and its own PDF writer (TrueType subsets of
the AR PL and WenQuanYi fonts, ToUnicode maps). FOP is run two or three times a paper: to an AREA TREE (FOP's XML
report of every page, block and line it laid out, each block tagged with the ``id`` this module gave it), once more
after the cuts below are set from it, and from that area tree to the PDF (``fop -atin``), so the PDF is exactly the
layout the gold was read from.

Conventions (fixed before the first run; every dimension drawn from the seed, independently):

- **Page**: width 600–900 pt, height ×1.30–1.45, margins 20–45 pt; page 1 has 3–6 columns and page 2 its own 3–6
  (drawn separately; redrawn until a column holds at least 9 body characters), column gap 8–18 pt; body 8.5–10.5 pt
  宋体 (明体 on traditional papers), line height ×1.3–1.65; a two-character first-line indent, or none with half a
  line between paragraphs; justified (about 70 % of papers) or ragged.
- **Page 1** opens with a **masthead** across the page: the paper's name in large red 黑体, centred over an issue line,
  or at the left of a two-cell table with an ear of date / 星期 / 第N期 / 国内统一刊号 lines at the right; under it a
  single or a double rule. Then **bands** down the page, each across all columns: a **wide band** holds one story,
  its heads across the page (FOP ``span="all"``) over its body flowing through the columns (balanced: every band,
  the last one too, is closed by a rule or a hairline across the page); a **flow band** holds 2–4 short stories one
  after the other down the columns, each under heads one column wide (a head may start mid-column and wrap). A thin
  rule between bands on some papers, a red section label (【今日关注】 / ■经济纵横 …, not a piece) over some bands.
- **The lead** is the first band: a wide band, its headline 2.0–3.4× the body; its text is cut where a column line
  ends (after 35–65 % of it, set from the first area tree) and JUMPS. Later stories' headlines 1.3–2.1× (1.15–1.6×
  in flow bands). On some papers (about 45 %) the first story that runs off page 1 with its heads and four lines on
  the page is cut at a line end two lines up and jumps too (the **second jump**; the bands after it are dropped).
  Otherwise a story that runs off with its heads and a paragraph on the page keeps the whole paragraphs there (an
  editor's cut to fit: the rest is not printed and not in the gold) and the bands after it are dropped; one whose
  heads would stand at the foot is left out and the next band tried in its place (up to three times a page).
- **Heads**, per story: optional 引题 (kicker, 楷体, 0.45–0.7 of the headline), the headline (黑体 WenQuanYi Micro Hei
  or large 宋体/明体, per paper), optional 副题 (subtitle, 楷体, 0.5–0.75 of the headline, with or without a leading
  '——'); left-aligned or centred, per paper.
- **Bylines**, one style per story: a line under the heads (本报记者　X　Y / 新华社记者　X / 本报通讯员　X; left,
  right or centred per paper), a dateline run into the first paragraph (本报北京1月5日电　记者X报道： — part of that
  paragraph), a bracketed closing byline right-aligned under the last paragraph (（记者　X）), or none.
- **Photos**: a grey box a column wide above some stories' first paragraph, its caption (楷体, smaller: 图为… / a
  title and （X摄）) under it; the caption is a piece of the story. **Boxes**: some flow-band stories in a ruled frame.
- **Jump markers**: the cut text ends either with a marker LINE under it (right-, left- or centre-aligned per paper)
  or with the marker RUN IN at the end of the last line, in one of （下转第2版） / （下转第二版） / （转第2版） /
  （下转2版） / （未完，下转第2版） / （转二版） / 下转第2版. Page 2 carries the continuations at the TOP, after the
  first band (MIDDLE), or as the last band (FOOT): each under its headline set smaller with a marker line
  （上接第1版） / （上接第一版） / （接第1版） / （上接1版） / （紧接第1版） / （接一版） / 上接第1版, under a one-line
  head with the marker run on after it, or under the marker line alone; the rest of the cut paragraph opens it
  without an indent. Page 2's other stories fill the page in bands: chosen in order by the heights FOP gave them in
  the first run, leaving room for the continuations (estimated from the rest's length), then cut to fit as on page
  1 if the page still runs over.
- **Furniture**: page 2 has a running head (第2版　版名 at the left, date and paper at the right, over a rule) in
  the page's top region; both pages a footer over a rule (责任编辑 / 美术编辑 / 校对, page 2 also 本版编辑 and a
  page number －2－). None of it is a piece; neither are mastheads, labels, markers nor a continuation's headline.
- **Text**: People's Daily January 1998 articles (``pd_article_sample``: real headlines and reporter names), about
  a fifth of the stories swapped for CMRC 2018 passages when that corpus is installed; kickers, subtitles and
  captions borrow other articles' real titles; paper names, dates and editors are invented. Passages with characters
  neither the body font nor WenQuanYi Micro Hei covers are left out (FOP would print '#'). About one paper in five is
  converted to traditional characters with OpenCC s2tw (everything: heads, markers, furniture).

Gold: every paragraph part, kicker, subtitle, byline and caption is an XSL-FO block with an id; the final area tree
says on which page each block was laid out (a block split over two pages, or one that ran off page 2, would fail the
paper). A piece is a paragraph's text on one page (a paragraph cut by a jump is two pieces, the second
``continues``), a kicker, subtitle, byline or caption; the headline keys the article. ``check_gold`` reads the PDF
back with pdfplumber and requires each piece's characters in order on its page. Two pages per paper. Engine: FOP 2.8
(Apache-2.0; a test-time tool only, nothing in ``qa`` uses it) on a Java runtime, installed by scripts/install-fop.sh;
``fop_available()`` says why not, and callers skip.
"""

from __future__ import annotations

import atexit
import hashlib
import os
import random
import re
import shutil
import subprocess
import tempfile
import threading
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from tests.newspaper_pdfs import Article, Newspaper, Piece, fonts_missing, pieces_not_on_their_pages
from tests.producer_cache import ProducerCache
from tests.producer_corpus import converter, mixed_articles

FONTS = {  # FO family -> (font file, sub-font of a collection)
    "Song": (Path("/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf"), None),
    "Kai": (Path("/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf"), None),
    "Ming": (Path("/usr/share/fonts/truetype/arphic-bsmi00lp/bsmi00lp.ttf"), None),
    "KaiT": (Path("/usr/share/fonts/truetype/arphic-bkai00mp/bkai00mp.ttf"), None),
    "Hei": (Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"), "WenQuanYi Micro Hei"),
}
JUMP_OUT = (
    "（下转第2版）",
    "（下转第二版）",
    "（转第2版）",
    "（下转2版）",
    "（未完，下转第2版）",
    "（转二版）",
    "下转第2版",
)
JUMP_IN = ("（上接第1版）", "（上接第一版）", "（接第1版）", "（上接1版）", "（紧接第1版）", "（接一版）", "上接第1版")
LABELS = ("【今日关注】", "■经济纵横", "【社会广角】", "■基层来信", "【环球视窗】", "■城乡新貌", "【简讯】")
PAPERS = ("江南日报", "北国晨报", "长江商报", "西部日报", "南海晚报", "齐鲁都市报", "巴蜀时报", "塞上日报")
EDITIONS = ("要闻", "综合新闻", "经济", "社会", "国内新闻", "时事")
NAMES = ("孙伟", "马丽", "朱军", "胡敏", "郭峰", "何琳", "高山", "林雪", "罗平", "梁静")
CITIES = ("北京", "上海", "广州", "成都", "南京", "武汉", "西安", "沈阳")
WEEKDAYS = "一二三四五六日"
RED = "#b00000"


@dataclass
class FopNewspaper(Newspaper):
    """A paper typeset by FOP; ``blocks`` maps each gold piece to the id of the block that printed it, ``column_x``
    gives each page's column edges (x0, x1 in pt) for reading its text back column by column."""

    blocks: list[str] = field(default_factory=list)
    column_x: list[list[tuple[float, float]]] = field(default_factory=list)


@cache
def fop_available() -> str | None:
    """None when papers can be made here, else why not (callers skip with it)."""
    if shutil.which("fop") is None:
        return "Apache FOP is not installed (scripts/install-fop.sh)"
    if shutil.which("java") is None:
        return "no Java runtime for FOP (scripts/install-fop.sh)"
    return fonts_missing((path for path, _ in FONTS.values()), "scripts/install-fop.sh")


# ---- the paper's drawn dimensions and text ------------------------------------------------------------------------
def _draw_style(rng: random.Random, columns: int | None) -> dict:
    while True:
        width = rng.uniform(600, 900)
        margins = [rng.uniform(20, 45) for _ in range(4)]
        cols = [columns or rng.randint(3, 6), columns or rng.randint(3, 6)]
        gap = rng.uniform(8, 18)
        body = rng.choice((8.5, 9.0, 9.5, 10.0, 10.5))
        inner = width - margins[0] - margins[1]
        if columns or all((inner - (c - 1) * gap) / c / body >= 9 for c in cols):
            break
    trad = rng.random() < 0.2
    indent = rng.random() < 0.65
    return {
        "width": width,
        "height": width * rng.uniform(1.30, 1.45),
        "margins": margins,  # left, right, top, bottom
        "columns": cols,
        "gap": gap,
        "body": body,
        "leading": rng.uniform(1.3, 1.65),
        "indent": indent,
        "justify": rng.random() < 0.7,
        "body_face": "Ming" if trad else "Song",
        "kai": "KaiT" if trad else "Kai",
        "head_face": rng.choice(("Hei", "Hei", "Ming" if trad else "Song")),
        "lead_scale": rng.uniform(2.0, 3.4),
        "head_scale": rng.uniform(1.3, 2.1),
        "flow_scale": rng.uniform(1.15, 1.6),
        "kicker_ratio": rng.uniform(0.45, 0.7),
        "subtitle_ratio": rng.uniform(0.5, 0.75),
        "cont_scale": rng.uniform(1.2, 1.8),
        "head_align": rng.choice(("start", "center")),
        "byline_align": rng.choice(("start", "end", "center")),
        "marker_form": rng.choice(("line", "line", "inline")),
        "marker_align": rng.choice(("end", "end", "start", "center")),
        "band_rules": rng.random() < 0.5,
        "masthead_size": rng.uniform(32, 54),
        "masthead_left": rng.random() < 0.5,
        "double_rule": rng.random() < 0.4,
        "footer_align": rng.choice(("start", "center", "end")),
        "lead_share": rng.uniform(0.35, 0.65),
        "second_jump": rng.random() < 0.45,
        "cont_where": rng.choice(("top", "middle", "foot")),
        "cont_head": rng.choice(("head_marker", "head_inline", "marker")),
        "flow_bands": rng.uniform(0.2, 0.6),  # share of later bands that are flow bands
        "kicker_rate": rng.uniform(0.1, 0.5),
        "subtitle_rate": rng.uniform(0.1, 0.5),
        "photo_rate": rng.uniform(0.0, 0.35),
        "box_rate": rng.uniform(0.0, 0.25),
        "label_rate": rng.uniform(0.0, 0.3),
        "trad": trad,
    }


@cache
def _covered() -> frozenset[int]:
    """Code points both the body fonts' fallback (WenQuanYi Micro Hei) and ASCII cover."""
    from fontTools.ttLib import TTCollection

    hei = TTCollection(str(FONTS["Hei"][0])).fonts[0]
    return frozenset(hei.getBestCmap())


def _printable(text: str) -> bool:
    covered = _covered()
    return all(ord(ch) in covered or ch in " \u3000" for ch in text)


def _story(rng: random.Random, art: Article, titles: list[str], st: dict, day: int, key: str) -> dict:
    names = art.byline.split("　") if art.byline else rng.sample(NAMES, rng.choice((1, 2)))
    paragraphs = list(art.paragraphs)
    style = rng.choice(("line", "line", "dateline", "closing", None))
    byline = None
    if style == "line":
        byline = rng.choice(("本报记者　", "新华社记者　", "本报通讯员　")) + "　".join(names[:2])
    elif style == "dateline":
        paragraphs[0] = f"本报{rng.choice(CITIES)}1月{day}日电　记者{'、'.join(names[:2])}报道：" + paragraphs[0]
    elif style == "closing":
        byline = f"（记者　{'　'.join(names[:2])}）"
    spec = {"key": key, "headline": art.headline, "paragraphs": paragraphs, "byline": byline, "byline_style": style}
    if rng.random() < st["kicker_rate"] and titles:
        spec["kicker"] = titles.pop()
    if rng.random() < st["subtitle_rate"] and titles:
        spec["subtitle"] = rng.choice(("——", "")) + titles.pop()
    if rng.random() < st["photo_rate"] and titles:
        title = titles.pop()
        spec["caption"] = rng.choice((f"图为{title}现场。", f"{title}。（{rng.choice(NAMES)}摄）", f"图为：{title}。"))
        spec["photo_ratio"] = rng.uniform(0.5, 0.8)
    spec["boxed"] = rng.random() < st["box_rate"]
    return spec


def _bands(rng: random.Random, stories: list[dict], st: dict) -> list[dict]:
    """Stories grouped into bands: wide (one story under heads across the page) or flow (2–4 short ones)."""
    bands: list[dict] = []
    todo = list(stories)
    while todo:
        label = rng.choice(LABELS) if rng.random() < st["label_rate"] else None
        if len(todo) >= 2 and rng.random() < st["flow_bands"]:
            k = min(len(todo), rng.randint(2, 4))
            group = todo[:k]
            for s in group:  # flow stories are short: at most three paragraphs
                s["paragraphs"] = s["paragraphs"][:3]
            bands.append({"kind": "flow", "stories": group, "label": label})
            todo = todo[k:]
        else:
            story = todo.pop(0)
            story["boxed"] = False
            bands.append({"kind": "wide", "stories": [story], "label": label})
    return bands


def _capacity(st: dict, page: int) -> int:
    """Roughly how many body characters one page's columns hold."""
    left, right, top, bottom = st["margins"]
    cols = st["columns"][page]
    col_w = (st["width"] - left - right - (cols - 1) * st["gap"]) / cols
    lines = (st["height"] - top - bottom) / (st["body"] * st["leading"])
    return int(cols * lines * col_w / st["body"])


def _convert(value, convert):  # noqa: ANN001, ANN202 - the spec's strings, converted in place of the same shape
    if isinstance(value, str):
        return convert(value)
    if isinstance(value, list):
        return [_convert(v, convert) for v in value]
    if isinstance(value, dict):
        keep = {"key", "byline_style", "kind", "body_face", "kai", "head_face", "head_align", "byline_align"}
        return {k: (_convert(v, convert) if k not in keep else v) for k, v in value.items()}
    return value


def make_spec(seed: int, columns: int | None = None) -> dict:
    """The paper's drawn dimensions and its text, grouped into candidate bands for each page."""
    rng = random.Random(seed)
    st = _draw_style(rng, columns)
    pair = rng.randrange(len(JUMP_OUT))
    st["jump_out"] = JUMP_OUT[pair]
    st["jump_in"] = JUMP_IN[rng.choice((pair, rng.randrange(len(JUMP_IN))))]
    arts = mixed_articles(rng, 40, _printable)  # about a fifth CMRC passages
    arts.sort(key=lambda a: -sum(map(len, a.paragraphs)))
    lead_art = arts.pop(0)  # the longest: it runs over
    rng.shuffle(arts)
    n_stories = min(len(arts), 24)
    titles = [a.headline for a in arts[n_stories:]]
    day = rng.randint(1, 31)
    weekday = WEEKDAYS[(day + 2) % 7]
    lead = _story(rng, lead_art, titles, st, day, "s0")
    lead["boxed"] = False
    budget = int(0.8 * min(_capacity(st, 0), _capacity(st, 1)))  # the lead must fit a page, all told
    while len(lead["paragraphs"]) > 3 and sum(map(len, lead["paragraphs"])) > budget:
        lead["paragraphs"].pop()
    others = [_story(rng, a, titles, st, day, f"s{n + 1}") for n, a in enumerate(arts[:n_stories])]
    half = len(others) // 2
    paper = rng.choice(PAPERS)
    names = rng.sample(NAMES, 3)
    issue = rng.randint(10000, 19999)
    spec = {
        "seed": seed,
        "style": st,
        "lead": lead,
        "page1": _bands(rng, others[:half], st),
        "page2": _bands(rng, others[half:], st),
        "masthead": {
            "name": paper,
            "issue": f"1998年1月{day}日　星期{weekday}　第{issue}期　今日{rng.choice((4, 8, 12))}版",
            "ear": [
                f"1998年1月{day}日",
                f"星期{weekday}",
                f"第{issue}期",
                f"国内统一刊号CN{rng.randint(11, 65)}-{rng.randint(1, 99):04d}",
            ],
        },
        "running_head": [rng.choice(("第2版　", "2　", "A2　")) + rng.choice(EDITIONS), f"1998年1月{day}日　{paper}"],
        "footers": [
            f"责任编辑：{names[0]}　美术编辑：{names[1]}　校对：{names[2]}",
            f"本版编辑：{names[1]}　电话：{rng.randint(6000000, 6999999)}　－2－",
        ],
    }
    out = _convert(spec, converter(st["trad"], "s2tw"))  # traditional papers: every string, markers and furniture too
    out["style"]["trad"] = st["trad"]
    return out


# ---- XSL-FO -------------------------------------------------------------------------------------------------------
def _x(text: str) -> str:
    return escape(text)


class _Writer:
    """Writes the FO document for the current cuts and drops; records the gold piece of every block it writes."""

    def __init__(self, spec: dict, cuts: dict[str, int], dropped: set[tuple[int, int]]) -> None:
        self.spec, self.st, self.cuts, self.dropped = spec, spec["style"], cuts, dropped
        self.pieces: dict[str, tuple[str, str, str, bool, int]] = {}  # id -> (article, text, role, continues, seq)
        self.out: list[str] = []
        self.seq = 0
        self.n = 0

    # one block with a gold piece
    def _piece(self, story: dict, role: str, text: str, attrs: str, continues: bool = False, tail: str = "") -> None:
        self.n += 1
        bid = f"{story['key']}-{role}-{self.n}"
        self.pieces[bid] = (story["headline"], text, role, continues, self.seq)
        self.out.append(f'<fo:block id="{bid}" {attrs}>{_x(text)}{tail}</fo:block>')

    def _fam(self, face: str) -> str:
        return f'font-family="{face},Hei"'

    def _body_attrs(self, first: bool, continues: bool = False) -> str:
        st = self.st
        b = st["body"]
        attrs = (
            f'{self._fam(st["body_face"])} font-size="{b:.1f}pt" line-height="{b * st["leading"]:.2f}pt"'
            f' text-align="{"justify" if st["justify"] else "start"}"'
        )
        if st["indent"] and not continues:
            attrs += f' text-indent="{2 * b:.1f}pt"'
        if not st["indent"] and not first:
            attrs += f' space-before="{0.5 * b:.1f}pt"'
        return attrs

    def _heads(self, story: dict, size: float, span: str, label: str | None) -> None:
        st = self.st
        align = f'text-align="{st["head_align"]}"'
        if label:
            self.out.append(
                f'<fo:block {span} {self._fam("Hei")} font-size="{st["body"] * 1.1:.1f}pt" color="{RED}"'
                f' space-before="{st["body"] * 0.6:.1f}pt" keep-with-next.within-column="always">{_x(label)}</fo:block>'
            )
        keep = 'keep-with-next.within-column="always"'
        if story.get("kicker"):
            k = max(st["body"], size * st["kicker_ratio"])
            self._piece(
                story,
                "kicker",
                story["kicker"],
                f'{span} {self._fam(st["kai"])} font-size="{k:.1f}pt" {align} {keep}'
                f' space-before="{st["body"] * 0.5:.1f}pt"',
            )
        self.n += 1
        self.out.append(
            f'<fo:block id="{story["key"]}-head-{self.n}" {span} {self._fam(st["head_face"])} font-size="{size:.1f}pt"'
            f' line-height="1.25" {align} {keep} space-before="{st["body"] * 0.4:.1f}pt"'
            f' space-after="{st["body"] * 0.3:.1f}pt">{_x(story["headline"])}</fo:block>'
        )
        if story.get("subtitle"):
            s = max(st["body"], size * st["subtitle_ratio"])
            self._piece(
                story,
                "subtitle",
                story["subtitle"],
                f'{span} {self._fam(st["kai"])} font-size="{s:.1f}pt" {align} {keep}'
                f' space-after="{st["body"] * 0.3:.1f}pt"',
            )
        if story["byline_style"] == "line":
            self._piece(
                story,
                "byline",
                story["byline"],
                f'{span} {self._fam(st["kai"])} font-size="{st["body"]:.1f}pt"'
                f' text-align="{st["byline_align"]}" {keep} space-after="{st["body"] * 0.4:.1f}pt"',
            )

    def _marker(self, text: str, inline: bool) -> str:
        st = self.st
        attrs = f'{self._fam("Hei")} font-size="{st["body"]:.1f}pt"'
        if inline:
            return f"<fo:inline {attrs}>{_x(text)}</fo:inline>"
        keep = 'keep-with-previous.within-column="always"'
        return f'<fo:block {attrs} text-align="{st["marker_align"]}" {keep}>{_x(text)}</fo:block>'

    def _photo(self, story: dict) -> None:
        st = self.st
        cols = st["columns"][self.seq]
        left, right = st["margins"][:2]
        col_w = (st["width"] - left - right - (cols - 1) * st["gap"]) / cols
        self.out.append(
            f'<fo:block-container height="{col_w * story["photo_ratio"]:.1f}pt" background-color="#d4d4d4"'
            f' space-before="{st["body"] * 0.3:.1f}pt" keep-with-next.within-column="always">'
            "<fo:block/></fo:block-container>"
        )
        self._piece(
            story,
            "caption",
            story["caption"],
            f'{self._fam(st["kai"])} font-size="{st["body"] * 0.9:.1f}pt"'
            f' space-after="{st["body"] * 0.4:.1f}pt" keep-together.within-column="always"',
        )

    def _body(self, story: dict, paragraphs: list[str], continues: bool, jump: bool) -> None:
        """The paragraphs (the first continuing a cut one when ``continues``); a cut story ends with its marker."""
        for n, para in enumerate(paragraphs):
            last = n == len(paragraphs) - 1
            tail = (
                self._marker(self.st["jump_out"], True) if jump and last and self.st["marker_form"] == "inline" else ""
            )
            self._piece(story, "body", para, self._body_attrs(n == 0, continues and n == 0), continues and n == 0, tail)
        if jump and self.st["marker_form"] == "line":
            self.out.append(self._marker(self.st["jump_out"], False))
        if not jump and story["byline_style"] == "closing":
            self._piece(
                story,
                "byline",
                story["byline"],
                f'{self._fam(self.st["kai"])} font-size="{self.st["body"]:.1f}pt"'
                ' text-align="end" keep-with-previous.within-column="always"',
            )

    def _split(self, story: dict) -> tuple[list[str], list[str]]:
        """A jumping story's paragraphs on page 1 and the rest (a paragraph cut mid-way is in both)."""
        at = self.cuts[story["key"]]
        first, rest, seen = [], [], 0
        for para in story["paragraphs"]:
            if seen + len(para) <= at:
                first.append(para)
            elif seen >= at:
                rest.append(para)
            else:
                first.append(para[: at - seen])
                rest.append(para[at - seen :])
            seen += len(para)
        return first, rest

    def _rule(self, double: bool = False) -> None:
        style = "double" if double else "solid"
        width = "3pt" if double else "0.6pt"
        self.out.append(
            f'<fo:block span="all" border-top="{width} {style} #333" space-before="3pt" space-after="3pt"'
            ' font-size="1pt" line-height="1pt">&#160;</fo:block>'
        )

    def _story_in_band(self, story: dict, kind: str, label: str | None, first: bool) -> None:
        st = self.st
        if kind == "wide":
            size = st["body"] * (st["lead_scale"] if story["key"] == "s0" else st["head_scale"])
            self._heads(story, size, 'span="all"', label)
        else:
            if story["boxed"]:
                self.out.append(
                    f'<fo:block border="0.7pt solid #555" padding="4pt" space-before="{st["body"] * 0.5:.1f}pt">'
                )
            self._heads(story, st["body"] * st["flow_scale"], "", label if first else None)
        if story.get("caption"):
            self._photo(story)
        jump = story["key"] in self.cuts
        paragraphs = self._split(story)[0] if jump else story["paragraphs"]
        self._body(story, paragraphs, False, jump)
        if kind == "flow" and story["boxed"]:
            self.out.append("</fo:block>")

    def _separator(self) -> None:
        """A rule across the page, or a hairline of white: a block across all columns ends the band above (FOP
        balances its columns) and opens the next one."""
        if self.st["band_rules"]:
            self._rule()
        else:
            self.out.append('<fo:block span="all" font-size="1pt" line-height="1pt">&#160;</fo:block>')

    def _balance(self) -> None:
        """A hairline across the page closing the flow: FOP balances the last band's columns above it too."""
        self.out.append('<fo:block span="all" font-size="1pt" line-height="1pt">&#160;</fo:block>')

    def _band(self, band: dict, index: int) -> None:
        if index:
            self._separator()
        for n, story in enumerate(band["stories"]):
            self._story_in_band(story, band["kind"], band["label"], n == 0)

    def _continuations(self) -> None:
        st = self.st
        for story in [self.spec["lead"], *(s for b in self.spec["page1"] for s in b["stories"])]:
            if story["key"] not in self.cuts:
                continue
            rest = self._split(story)[1]
            size = st["body"] * st["cont_scale"]
            head = (
                f'span="all" {self._fam(st["head_face"])} font-size="{size:.1f}pt" line-height="1.25"'
                f' text-align="{st["head_align"]}" space-before="{st["body"] * 0.4:.1f}pt"'
            )
            keep = 'keep-with-next.within-column="always"'
            marker = f'{self._fam("Hei")} font-size="{st["body"]:.1f}pt" {keep}'
            if st["cont_head"] == "head_marker":
                self.out.append(f"<fo:block {head} {keep}>{_x(story['headline'])}</fo:block>")
                self.out.append(
                    f'<fo:block span="all" {marker} text-align="{st["head_align"]}">{_x(st["jump_in"])}</fo:block>'
                )
            elif st["cont_head"] == "head_inline":
                self.out.append(
                    f"<fo:block {head} {keep}>{_x(story['headline'])}<fo:inline {self._fam('Hei')}"
                    f' font-size="{st["body"]:.1f}pt">{_x(st["jump_in"])}</fo:inline></fo:block>'
                )
            else:  # the marker line alone, opening a band of its own
                self._separator()
                self.out.append(
                    f'<fo:block {marker} space-before="{st["body"] * 0.4:.1f}pt">{_x(st["jump_in"])}</fo:block>'
                )
            self._body(story, rest, True, False)

    def _masthead(self) -> None:
        st, m = self.st, self.spec["masthead"]
        name = f'{self._fam("Hei")} font-size="{st["masthead_size"]:.1f}pt" color="{RED}" line-height="1.15"'
        small = f'{self._fam(st["body_face"])} font-size="{st["body"]:.1f}pt"'
        if st["masthead_left"]:
            ear = "".join(f'<fo:block {small} text-align="end">{_x(line)}</fo:block>' for line in m["ear"])
            self.out.append(
                '<fo:block span="all"><fo:table table-layout="fixed" width="100%">'
                '<fo:table-column column-width="62%"/><fo:table-column column-width="38%"/><fo:table-body>'
                f'<fo:table-row><fo:table-cell display-align="center"><fo:block {name}>{_x(m["name"])}</fo:block>'
                f'</fo:table-cell><fo:table-cell display-align="center">{ear}</fo:table-cell></fo:table-row>'
                "</fo:table-body></fo:table></fo:block>"
            )
        else:
            self.out.append(f'<fo:block span="all" {name} text-align="center">{_x(m["name"])}</fo:block>')
            self.out.append(f'<fo:block span="all" {small} text-align="center">{_x(m["issue"])}</fo:block>')
        self._rule(st["double_rule"])

    def _page_master(self, name: str, cols: int, head: bool) -> str:
        st = self.st
        left, right, top, bottom = st["margins"]
        before = st["body"] * 2.6 if head else 0
        after = st["body"] * 2.4
        return (
            f'<fo:simple-page-master master-name="{name}" page-width="{st["width"]:.1f}pt"'
            f' page-height="{st["height"]:.1f}pt" margin-left="{left:.1f}pt" margin-right="{right:.1f}pt"'
            f' margin-top="{top:.1f}pt" margin-bottom="{bottom:.1f}pt">'
            f'<fo:region-body margin-top="{before:.1f}pt" margin-bottom="{after:.1f}pt" column-count="{cols}"'
            f' column-gap="{st["gap"]:.1f}pt"/><fo:region-before extent="{max(before - 4, 1):.1f}pt"/>'
            f'<fo:region-after extent="{after - 6:.1f}pt"/></fo:simple-page-master>'
        )

    def _static(self, seq: int) -> str:
        st, spec = self.st, self.spec
        small = f'{self._fam(st["body_face"])} font-size="{st["body"] * 0.9:.1f}pt"'
        foot = (
            f'<fo:static-content flow-name="xsl-region-after"><fo:block border-top="0.5pt solid #333" padding-top="3pt"'
            f' {small} text-align="{st["footer_align"]}">{_x(spec["footers"][seq])}</fo:block></fo:static-content>'
        )
        if seq == 0:
            return foot
        left, right = spec["running_head"]
        head = (
            '<fo:static-content flow-name="xsl-region-before"><fo:block border-bottom="0.8pt solid #333"'
            f' {small} text-align-last="justify">{_x(left)}<fo:leader leader-pattern="space"/>{_x(right)}</fo:block>'
            "</fo:static-content>"
        )
        return head + foot

    def write(self) -> str:
        st, spec = self.st, self.spec
        self.out = [
            '<?xml version="1.0" encoding="UTF-8"?><fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format">',
            "<fo:layout-master-set>",
            self._page_master("p1", st["columns"][0], False),
            self._page_master("p2", st["columns"][1], True),
            "</fo:layout-master-set>",
        ]
        # page 1
        self.seq = 0
        self.out.append(
            f'<fo:page-sequence master-reference="p1">{self._static(0)}<fo:flow flow-name="xsl-region-body">'
        )
        self._masthead()
        self._band({"kind": "wide", "stories": [spec["lead"]], "label": None}, 0)
        for n, band in enumerate(spec["page1"]):
            if (0, n) not in self.dropped:
                self._band(band, n + 1)
        self._balance()
        self.out.append("</fo:flow></fo:page-sequence>")
        # page 2
        self.seq = 1
        self.out.append(
            f'<fo:page-sequence master-reference="p2">{self._static(1)}<fo:flow flow-name="xsl-region-body">'
        )
        kept = [(n, b) for n, b in enumerate(spec["page2"]) if (1, n) not in self.dropped]
        at = {"top": 0, "middle": min(1, len(kept)), "foot": len(kept)}[st["cont_where"]]
        for i, (_, band) in enumerate(kept):
            if i == at:
                self._continuations()
            self._band(band, i + (i >= at))
        if at == len(kept):
            if kept:
                self._separator()
            self._continuations()
        self._balance()
        self.out.append("</fo:flow></fo:page-sequence></fo:root>")
        return "".join(self.out)


# ---- FOP runs and its area tree -----------------------------------------------------------------------------------
def _config(folder: Path) -> Path:
    fonts = []
    for family, (path, sub) in FONTS.items():
        sub_attr = f' sub-font="{sub}"' if sub else ""
        fonts.append(
            f'<font embed-url="{path.as_uri()}"{sub_attr} kerning="no">'
            f'<font-triplet name="{family}" style="normal" weight="normal"/></font>'
        )
    conf = folder / "fop.xconf"
    conf.write_text(
        '<fop version="1.0"><renderers><renderer mime="application/pdf"><fonts>'
        + "".join(fonts)
        + "</fonts></renderer></renderers></fop>",
        encoding="utf-8",
    )
    return conf


# FOP's own command line, optionally (NEWSPAPER_FOP_SERVER=1) run in one long-lived JVM per process. The helper below is
# FOP's ``Main.startFOP`` minus its ``System.exit``: the same CommandLineOptions parse the same arguments, so a run
# typesets exactly what ``fop`` would (checked: the same characters, fonts, sizes and positions on seeds 19500-19503).
# It is compiled on first use where a JDK is present (javac); a bare JRE (CI's default-jre-headless) runs the ``fop``
# script. It did not save CPU where measured (see ``_server``); the cache of outputs (``_fop``) is what saves the time.
_SERVER_JAVA = r"""
import java.io.*;
import org.apache.fop.apps.FOUserAgent;
import org.apache.fop.apps.MimeConstants;
import org.apache.fop.cli.CommandLineOptions;

public class QaFopServer {
    public static void main(String[] ignored) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, "UTF-8"));
        PrintStream reply = new PrintStream(new FileOutputStream(FileDescriptor.out), true, "UTF-8");
        System.setOut(System.err);  // whatever FOP prints stays off the replies
        String line;
        while ((line = in.readLine()) != null) {
            try {
                CommandLineOptions options = new CommandLineOptions();
                if (!options.parse(line.split("\t"))) throw new IllegalArgumentException("arguments not parsed");
                FOUserAgent agent = options.getFOUserAgent();
                String format = options.getOutputFormat();
                try (OutputStream out = new BufferedOutputStream(new FileOutputStream(options.getOutputFile()))) {
                    agent.setOutputFile(options.getOutputFile());
                    if (MimeConstants.MIME_XSL_FO.equals(format)) options.getInputHandler().transformTo(out);
                    else options.getInputHandler().renderTo(agent, format, out);
                }
                reply.println("OK");
            } catch (Throwable t) {
                reply.println("ERR " + String.valueOf(t).replace('\n', ' '));
            }
        }
    }
}
"""
# the jars the Debian ``fop`` script puts on its class path
_FOP_JARS = (
    "commons-io",
    "serializer",
    "xalan2",
    "xml-apis",
    "batik-all",
    "commons-logging",
    "xercesImpl",
    "xmlgraphics-commons",
    "xml-apis-ext",
    "fontbox2",
    "fop",
)
_JAVA_FLAGS = (
    "-Djava.awt.headless=true",
    "-Dorg.apache.commons.logging.Log=org.apache.commons.logging.impl.SimpleLog",
    "-Dorg.apache.commons.logging.simplelog.defaultlog=ERROR",
)


class _FopServer:
    """One JVM answering FOP command lines (tab-separated, one a line) with ``OK`` or ``ERR <why>``."""

    def __init__(self, classpath: str) -> None:
        cmd = ["java", "-XX:+UseSerialGC", *_JAVA_FLAGS, "-cp", classpath, "QaFopServer"]
        self.proc = subprocess.Popen(  # noqa: S603 - a fixed command
            cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, encoding="utf-8"
        )
        self.lock = threading.Lock()
        atexit.register(self.close)

    def run(self, args: list[str]) -> str | None:
        """None when FOP ran; else why not (the server is gone or FOP failed)."""
        with self.lock:
            if self.proc.poll() is not None:
                return "the FOP server exited"
            self.proc.stdin.write("\t".join(args) + "\n")
            self.proc.stdin.flush()
            answer = self.proc.stdout.readline().strip()
        return None if answer == "OK" else (answer or "the FOP server exited")

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.stdin.close()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()


def _jar_path() -> str | None:
    jars = [Path("/usr/share/java") / f"{name}.jar" for name in _FOP_JARS]
    jars.append(Path("/usr/share/fop/fop-hyph.jar"))
    present = [str(j) for j in jars if j.is_file()]
    return ":".join(present) if any(j.endswith("/fop.jar") for j in present) else None


@cache
def _server() -> _FopServer | None:
    """The process's FOP server, or None (not asked for with NEWSPAPER_FOP_SERVER=1, no javac, no jars, or it failed to
    build). Opt-in: measured interleaved on 2 seeds x 2 runs at load 14-21, it took 17.3 s CPU against the script's
    16.0 s (C1-only short JVMs are cheap; a long-lived JVM's C2 compiles do not pay back over a few papers)."""
    jars = _jar_path()
    if os.environ.get("NEWSPAPER_FOP_SERVER") != "1" or shutil.which("javac") is None or jars is None:
        return None
    digest = hashlib.sha256((_SERVER_JAVA + jars).encode()).hexdigest()[:16]
    classes = Path(tempfile.gettempdir()) / f"qa-fop-server-{os.getuid()}-{digest}"
    if not (classes / "QaFopServer.class").is_file():
        build = Path(tempfile.mkdtemp(prefix="qa-fop-server-"))
        (build / "QaFopServer.java").write_text(_SERVER_JAVA, encoding="utf-8")
        done = subprocess.run(  # noqa: S603 - a fixed command
            ["javac", "-nowarn", "-cp", jars, "-d", str(build), str(build / "QaFopServer.java")],
            capture_output=True,
            text=True,
            check=False,
            timeout=300,
        )
        if done.returncode:
            shutil.rmtree(build, ignore_errors=True)
            return None
        try:
            build.rename(classes)  # atomic: a parallel process may have won the race, which is as good
        except OSError:
            shutil.rmtree(build, ignore_errors=True)
    return _FopServer(f"{classes}:{jars}")


def _cache_key(conf: Path, args: list[str]) -> str:
    """What a run's output depends on: FOP's jar, the fonts, the configuration, the options and the input's bytes."""
    digest = hashlib.sha256()
    for path in [Path("/usr/share/java/fop.jar"), *(font for font, _ in FONTS.values())]:
        stat = path.stat() if path.exists() else None
        digest.update(f"{path}:{stat and stat.st_size}:{stat and stat.st_mtime_ns};".encode())
    digest.update(conf.read_bytes())
    digest.update("\t".join([args[0], *args[2:-1]]).encode())
    digest.update(Path(args[1]).read_bytes())
    return digest.hexdigest()


CACHE = ProducerCache("qa-newspaper-fop", "NEWSPAPER_FOP_CACHE")  # FOP's outputs by their inputs' hash


def _fop(conf: Path, args: list[str]) -> None:
    """Run FOP on ``args`` (input file second, output file last); an output made before from the same bytes is
    copied from the cache instead: FOP is deterministic, and the benchmark remakes the same papers run after run."""
    key = _cache_key(conf, args) if CACHE.folder() is not None else ""
    kept = CACHE.get(key) if key else None
    if kept:
        shutil.copyfile(kept[0], args[-1])
        return
    _run_fop(conf, args)
    if key:
        CACHE.put(key, {"": Path(args[-1])})


def _run_fop(conf: Path, args: list[str]) -> None:
    server = _server()
    if server is not None:
        why = server.run(["-q", "-c", str(conf), *args])
        if why is None:
            return
        raise RuntimeError(f"fop {' '.join(args)} failed: {why}")
    # C1 JIT and the serial collector: FOP runs are short, and this halves their CPU time (the JVM's start dominates)
    env = {**os.environ, "JAVA_ARGS": "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"}
    cmd = ["fop", "-q", "-c", str(conf), *args]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False, timeout=300, env=env)
    if done.returncode:
        raise RuntimeError(f"fop {' '.join(args)} failed: {(done.stderr or done.stdout)[-2000:]}")


@dataclass
class _Laid:
    """Where FOP laid out each id'd block: fragments of (page-sequence index, page within it, its lines' text)."""

    frags: dict[str, list[tuple[int, int, list[str]]]]
    order: list[str]  # ids in the order they were laid out
    spans: list[tuple[int, float, list[str]]] = field(default_factory=list)  # (sequence, height pt, ids) in order
    body_height: dict[int, float] = field(default_factory=dict)  # sequence -> its pages' body region height, pt
    pages: dict[int, int] = field(default_factory=dict)  # sequence -> pages it took


def _area_tree(path: Path) -> _Laid:
    root = ET.parse(path).getroot()
    frags: dict[str, list[tuple[int, int, list[str]]]] = {}
    order: list[str] = []
    spans: list[tuple[int, float, list[str]]] = []
    heights: dict[int, float] = {}
    pages: dict[int, int] = {}
    for seq, sequence in enumerate(root.iter("pageSequence")):
        for page, viewport in enumerate(sequence.iter("pageViewport")):
            pages[seq] = page + 1
            for region in viewport.iter("regionBody"):
                heights.setdefault(seq, int(region.get("bpd", "0")) / 1000)
            for span in viewport.iter("span"):
                ids = [b.get("prod-id") for b in span.iter("block") if re.match(r"s\d+-", b.get("prod-id") or "")]
                spans.append((seq, int(span.get("bpd", "0")) / 1000, ids))
            for block in viewport.iter("block"):
                bid = block.get("prod-id")
                if not bid or not re.match(r"s\d+-", bid):
                    continue
                lines = ["".join(line.itertext()) for line in block.iter("lineArea")]
                if bid not in frags:
                    order.append(bid)
                frags.setdefault(bid, []).append((seq, page, lines))
    return _Laid(frags, order, spans, heights, pages)


def _chars_in(lines: list[str]) -> int:
    return sum(len("".join(line.split())) for line in lines)


def _offset(text: str, squeezed_count: int) -> int:
    """The index in ``text`` just after its first ``squeezed_count`` non-space characters."""
    seen = 0
    for i, ch in enumerate(text):
        if not ch.isspace():
            if seen == squeezed_count:
                return i
            seen += 1
    return len(text)


def _story_of(spec: dict, key: str) -> tuple[int, int, dict] | None:
    """(page-sequence, band index or -1 for the lead, story) for a story key."""
    if key == "s0":
        return 0, -1, spec["lead"]
    for seq, name in ((0, "page1"), (1, "page2")):
        for n, band in enumerate(spec[name]):
            for story in band["stories"]:
                if story["key"] == key:
                    return seq, n, story
    return None


def _body_lines(laid: _Laid, writer: _Writer, key: str, seq: int, page: int | None) -> list[tuple[str, list[str]]]:
    """The body blocks of story ``key`` (id, lines) laid out in page-sequence ``seq`` (on ``page`` if given)."""
    out = []
    for bid in laid.order:
        if not bid.startswith(key + "-body-") or writer.pieces[bid][4] != seq:
            continue
        lines = [line for s, p, ls in laid.frags[bid] if s == seq and (page is None or p == page) for line in ls]
        if lines:
            out.append((bid, lines))
    return out


def _cut_at_line(writer: _Writer, story: dict, kept_lines: int, laid: _Laid, seq: int) -> int | None:
    """The character offset in the story's body text after its first ``kept_lines`` laid-out lines."""
    blocks = _body_lines(laid, writer, story["key"], seq, None)
    at = 0
    for bid, lines in blocks:
        text = writer.pieces[bid][1]
        if kept_lines >= len(lines):
            at += len(text)
            kept_lines -= len(lines)
            continue
        if kept_lines <= 0:
            return at
        off = _offset(text, _chars_in(lines[:kept_lines]))
        if off < 4 or len(text) - off < 4:  # too near a paragraph edge to be a cut inside it: cut at its start
            return at if at else None
        return at + off
    return None


def _adjust(spec: dict, writer: _Writer, laid: _Laid, cuts: dict[str, int], dropped: set, state: _State) -> bool:
    """Set the cuts and drops this area tree asks for; True when anything changed (lay out again)."""
    st = spec["style"]
    changed = False
    # The lead's page-1 text ends where a column line ends: drop the last (short) line of its cut paragraph.
    if "s0" not in state.snapped:
        blocks = _body_lines(laid, writer, "s0", 0, None)
        total = sum(len(ls) for _, ls in blocks)
        if total > 2:
            new = _cut_at_line(writer, spec["lead"], total - 1, laid, 0)
            if new and new < cuts["s0"]:
                cuts["s0"] = new
                changed = True
        state.snapped.add("s0")
    # Page 1 overflow: the first block laid out on a later page of the first sequence.
    over = next((b for b in laid.order if any(s == 0 and p > 0 for s, p, _ in laid.frags[b])), None)
    if over:
        key = over.split("-")[0]
        seq, band, story = _story_of(spec, key)
        on_p1 = _body_lines(laid, writer, key, 0, 0)
        lines_p1 = sum(len(ls) for _, ls in on_p1)
        head_p1 = (
            any(
                b.startswith(key + "-head-") or b.startswith(key + "-kicker-")
                for b in laid.order
                if any(s == 0 and p == 0 for s, p, _ in laid.frags[b])
            )
            or key == "s0"
        )
        jumps = [k for k in cuts if k != "s0"]
        can_cut = key == "s0" or (st["second_jump"] and not jumps)
        cut = _cut_at_line(writer, story, lines_p1 - 2, laid, 0) if can_cut and head_p1 and lines_p1 >= 4 else None
        if cut and key in cuts and cut >= cuts[key]:
            cut = int(cuts[key] * 0.8)
        if cut:
            cuts[key] = cut
            state.snapped.add(key)
            _drop_after(spec, dropped, 0, band, key)
        elif key == "s0":
            raise RuntimeError(f"seed {spec['seed']}: the lead does not fit page 1")
        elif not _fits_some(laid, writer, story, 0) and _may_skip(state, 0):
            # its heads would stand at the page's foot: leave this story out and try the next band in its place
            _leave_out(spec, dropped, 0, band, key)
        else:
            cuts.pop(key, None)
            _shorten(spec, writer, laid, dropped, 0, band, story)
        changed = True
    # A page run over by what has no id (a marker line, a continuation's head, the closing hairline): trim its end.
    for seq in (0, 1):
        if laid.pages.get(seq, 1) > 1 and not any(
            any(s == seq and p > 0 for s, p, _ in laid.frags[b]) for b in laid.order
        ):
            _trim_last(spec, writer, laid, dropped, state, seq)
            return True
    # Page 2: choose its bands from their measured heights once the jumps are known (again when they change).
    jumps_now = ",".join(sorted(cuts))
    if jumps_now not in state.plans:
        state.plans.add(jumps_now)
        heights = _band_heights(state, laid, spec)
        room = laid.body_height.get(1, 0) - _continuation_height(spec, writer, laid, cuts)
        for n in range(len(spec["page2"])):
            h = heights.get(n)
            if h is not None and h <= room:
                room -= h
                dropped.discard((1, n))
            else:
                dropped.add((1, n))
        return True
    # Page 2 overflow: shorten the story that runs off (or, when the continuations run off, drop the band before).
    over2 = next((b for b in laid.order if any(s == 1 and p > 0 for s, p, _ in laid.frags[b])), None)
    if over2:
        key = over2.split("-")[0]
        where = _story_of(spec, key)
        kept = [n for n in range(len(spec["page2"])) if (1, n) not in dropped]
        if where and where[0] == 1 and not _fits_some(laid, writer, where[2], 1) and _may_skip(state, 1):
            _leave_out(spec, dropped, 1, where[1], key)  # nothing of it would be left: try the next band instead
        elif where and where[0] == 1:
            _shorten(spec, writer, laid, dropped, 1, where[1], where[2])
        elif kept:  # a continuation runs off: the last band laid out before it goes
            before = [n for n in kept if laid.order.index(over2) > _first_index(laid, spec["page2"][n])]
            dropped.add((1, (before or kept)[-1]))
        else:
            raise RuntimeError(f"seed {spec['seed']}: the continuations do not fit page 2")
        changed = True
    return changed


@dataclass
class _State:
    """What the runs so far decided: cuts snapped to a line end, stories left out per page, page 2's plans (one per
    set of jumps) and its bands' measured heights."""

    snapped: set[str] = field(default_factory=set)
    skips: dict[int, int] = field(default_factory=dict)
    plans: set[str] = field(default_factory=set)
    heights: dict[int, float] = field(default_factory=dict)


def _band_heights(state: _State, laid: _Laid, spec: dict) -> dict[int, float]:
    """Page 2's band heights (pt) as last measured: a band's spans (its heads across the page, its balanced columns)
    and the hairline or rule before it. Only bands laid out whole on one page are measured; kept across runs."""
    band_of = {s["key"]: n for n, band in enumerate(spec["page2"]) for s in band["stories"]}
    measured: dict[int, float] = {}
    pages: dict[int, set] = {}
    pending = 0.0
    for seq, height, ids in laid.spans:
        if seq != 1:
            continue
        bands = {band_of.get(i.split("-")[0]) for i in ids}
        if not ids:
            pending += height  # a hairline or rule: counted with the band under it
            continue
        for n in bands - {None}:
            measured[n] = measured.get(n, 0.0) + height + pending
            pending = 0.0
    for n in measured:
        pages[n] = {p for i in laid.order if band_of.get(i.split("-")[0]) == n for s, p, _ in laid.frags[i] if s == 1}
    state.heights.update({n: h for n, h in measured.items() if len(pages.get(n, ())) == 1})
    return state.heights


def _continuation_height(spec: dict, writer: _Writer, laid: _Laid, cuts: dict[str, int]) -> float:
    """An estimate (pt, generous) of the continuations' height on page 2: measured where they were laid out on page
    2 whole, else from the rest's length in page 2's columns."""
    st = spec["style"]
    cols = st["columns"][1]
    left, right = st["margins"][:2]
    col_w = (st["width"] - left - right - (cols - 1) * st["gap"]) / cols
    per_line = max(1, int(col_w / st["body"]))
    pitch = st["body"] * st["leading"]
    total = 0.0
    for key in cuts:
        story = _story_of(spec, key)[2]
        rest = writer._split(story)[1]
        lines = sum(-(-(len(p) + 2) // per_line) for p in rest) + (2 if story.get("byline_style") == "closing" else 0)
        body = -(-lines // cols) * pitch + len(rest) * (0 if st["indent"] else st["body"] * 0.5)
        head = st["body"] * st["cont_scale"] * 1.25 * 2 + pitch * 2
        total += 1.1 * (body + head) + pitch
    return total


def _trim_last(spec: dict, writer: _Writer, laid: _Laid, dropped: set, state: _State, seq: int) -> None:
    """Make room at the foot of page ``seq + 1``: the last story laid out there loses its last paragraph (or goes);
    when that is a continuation, the last band before it goes instead."""
    last = next(b for b in reversed(laid.order) if any(s == seq for s, _, _ in laid.frags[b]))
    key = last.split("-")[0]
    where = _story_of(spec, key)
    name = ("page1", "page2")[seq]
    kept = [n for n in range(len(spec[name])) if (seq, n) not in dropped]
    if where[0] != seq or key == "s0":  # a jumping story's text: drop the band laid out last before it
        if seq == 1 and kept:
            dropped.add((1, kept[-1]))
            return
        raise RuntimeError(f"seed {spec['seed']}: page {seq + 1} runs over with nothing left to drop")
    story = where[2]
    if len(story["paragraphs"]) > 1 and key not in writer.cuts:
        story["paragraphs"] = story["paragraphs"][:-1]
    else:
        _leave_out(spec, dropped, seq, where[1], key)


def _may_skip(state: _State, seq: int, budget: int = 3) -> bool:
    """Whether another story may be left out of page ``seq + 1`` for a later one (a few per paper: each costs a run)."""
    state.skips[seq] = state.skips.get(seq, 0) + 1
    return state.skips[seq] <= budget


def _fits_some(laid: _Laid, writer: _Writer, story: dict, seq: int) -> bool:
    """Whether the story's head and its first paragraph were laid out whole on the page."""
    key = story["key"]
    on_page = {
        b for b in laid.order if b.startswith(key + "-") and all(s == seq and p == 0 for s, p, _ in laid.frags[b])
    }
    bodies = _body_lines(laid, writer, key, seq, None)
    return any(b.startswith(key + "-head-") for b in on_page) and bool(bodies) and bodies[0][0] in on_page


def _leave_out(spec: dict, dropped: set, seq: int, band: int, key: str) -> None:
    """Leave one story out of its page (its band, when it is the band's only story); the bands after it stay."""
    name = ("page1", "page2")[seq]
    stories = spec[name][band]["stories"]
    if len(stories) == 1:
        dropped.add((seq, band))
    else:
        spec[name][band]["stories"] = [s for s in stories if s["key"] != key]


def _drop_after(spec: dict, dropped: set, seq: int, band: int, key: str) -> None:
    """Drop the stories after ``key`` in its band and the bands after it on that page."""
    name = ("page1", "page2")[seq]
    if band >= 0:
        stories = spec[name][band]["stories"]
        spec[name][band]["stories"] = stories[: [s["key"] for s in stories].index(key) + 1]
    dropped.update((seq, n) for n in range(band + 1, len(spec[name])))


def _shorten(spec: dict, writer: _Writer, laid: _Laid, dropped: set, seq: int, band: int, story: dict) -> None:
    """A story that runs off its page keeps the whole paragraphs laid out on the page (an editor's cut to fit, no
    marker: the rest is not printed); with none there, or its head off the page, the story goes. Later stories of
    its band and later bands go too."""
    key = story["key"]
    on_page = [
        b for b in laid.order if b.startswith(key + "-") and all(s == seq and p == 0 for s, p, _ in laid.frags[b])
    ]
    head = any(b.startswith(key + "-head-") for b in on_page)
    whole = 0
    for bid, _ in _body_lines(laid, writer, key, seq, None):
        if bid not in on_page:
            break
        whole += 1
    keep = min(whole, len(story["paragraphs"]) - 1)  # something ran off: at least the last paragraph goes
    name = ("page1", "page2")[seq]
    if head and keep >= 1:
        story["paragraphs"] = story["paragraphs"][:keep]
        _drop_after(spec, dropped, seq, band, key)
        return
    stories = spec[name][band]["stories"]
    at = [s["key"] for s in stories].index(key)
    if at == 0:
        dropped.add((seq, band))
    else:
        spec[name][band]["stories"] = stories[:at]
    dropped.update((seq, n) for n in range(band + 1, len(spec[name])))


def _first_index(laid: _Laid, band: dict) -> int:
    keys = {s["key"] for s in band["stories"]}
    return next((i for i, b in enumerate(laid.order) if b.split("-")[0] in keys), len(laid.order))


def make_fop_newspaper(path: Path, seed: int, pages: int = 2, columns: int | None = None) -> FopNewspaper:
    """Typeset a two-page paper with FOP at ``path``; its gold from the blocks FOP laid out on each page."""
    if pages != 2:
        raise ValueError("the FOP producer makes two-page papers")
    spec = make_spec(seed, columns)
    lead_len = sum(map(len, spec["lead"]["paragraphs"]))
    cuts: dict[str, int] = {"s0": max(40, int(lead_len * spec["style"]["lead_share"]))}
    dropped: set[tuple[int, int]] = set()
    state = _State()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        conf = _config(folder)
        fo, at = folder / "paper.fo", folder / "paper.at.xml"
        for _ in range(8):
            writer = _Writer(spec, cuts, dropped)
            fo.write_text(writer.write(), encoding="utf-8")
            _fop(conf, ["-fo", str(fo), "-at", "application/pdf", str(at)])
            laid = _area_tree(at)
            if not _adjust(spec, writer, laid, cuts, dropped, state):
                break
        else:
            raise RuntimeError(f"seed {seed}: the layout did not settle")
        _fop(conf, ["-atin", str(at), "-pdf", str(path)])
        if os.environ.get("NEWSPAPER_FOP_KEEP"):  # keep the FO and the area tree beside the PDF, for a look
            shutil.copy(fo, path.with_suffix(".fo"))
            shutil.copy(at, path.with_suffix(".at.xml"))
    return _gold(spec, writer, laid, path)


def _gold(spec: dict, writer: _Writer, laid: _Laid, path: Path) -> FopNewspaper:
    st = spec["style"]
    paper = FopNewspaper(path, "fop", st["columns"][0], 2)
    left, right = st["margins"][:2]
    for cols in st["columns"]:
        width = (st["width"] - left - right - (cols - 1) * st["gap"]) / cols
        paper.column_x.append(
            [(left + k * (width + st["gap"]), left + k * (width + st["gap"]) + width) for k in range(cols)]
        )
    for bid in laid.order:
        if bid not in writer.pieces:  # a headline: on page 1 for page-1 stories, checked with the pieces' pages
            continue
        article, text, role, continues, seq = writer.pieces[bid]
        places = {(s, p) for s, p, _ in laid.frags[bid]}
        if places != {(seq, 0)}:
            raise RuntimeError(f"seed {spec['seed']}: block {bid} laid out at {sorted(places)}, not on page {seq + 1}")
        paper.pieces.append(Piece(article, text, seq + 1, role, continues=continues))
        paper.blocks.append(bid)
    missing = set(writer.pieces) - set(laid.frags)
    if missing:
        raise RuntimeError(f"seed {spec['seed']}: blocks written but not laid out: {sorted(missing)[:5]}")
    paper.jumps = [_story_of(spec, key)[2]["headline"] for key in writer.cuts]
    return paper


def page_texts(paper: Newspaper) -> list[str]:
    """Each page's characters as pdfplumber reads them (white space removed), line by line across the page."""
    import pdfplumber

    with pdfplumber.open(paper.path) as pdf:
        return ["".join((page.extract_text() or "").split()) for page in pdf.pages]


def _lines(chars: list[dict]) -> list[list[dict]]:
    """Characters grouped into printed lines (tops within half a character of the line's first), each left to right."""
    lines: list[list[dict]] = []
    for c in sorted(chars, key=lambda c: c["top"]):
        if lines and c["top"] - lines[-1][0]["top"] < 0.5 * (c["bottom"] - c["top"]):
            lines[-1].append(c)
        else:
            lines.append([c])
    return [sorted(line, key=lambda c: c["x0"]) for line in lines]


def column_texts(paper: FopNewspaper) -> list[str]:
    """Each page's characters read column by column (each column's lines top to bottom, white space removed): a
    paragraph set in the columns is a subsequence of it; a line across the page is one of ``page_texts``."""
    import pdfplumber

    out = []
    with pdfplumber.open(paper.path) as pdf:
        for page, columns in zip(pdf.pages, paper.column_x, strict=False):
            chars = [c for c in page.chars if c["text"].strip()]
            parts = []
            for n, (x0, x1) in enumerate(columns):
                lo = x0 - (x0 - columns[n - 1][1]) / 2 if n else 0
                hi = x1 + (columns[n + 1][0] - x1) / 2 if n + 1 < len(columns) else page.width
                mine = [c for c in chars if lo <= (c["x0"] + c["x1"]) / 2 < hi]
                parts += ["".join(c["text"] for c in line) for line in _lines(mine)]
            out.append("".join(parts))
    return out


def check_gold(paper: FopNewspaper) -> list[str]:
    """Problems with the gold: pieces whose characters are not printed, in order, on their page of the PDF — read
    column by column (text in the columns) or line by line across the page (heads and bylines across a wide band)."""
    by_column, by_line = column_texts(paper), page_texts(paper)
    if len(by_line) != paper.pages:
        return [f"{len(by_line)} pages printed, {paper.pages} in the gold"]
    problems = []
    for piece in paper.pieces:
        if pieces_not_on_their_pages([piece], by_column) and (found := pieces_not_on_their_pages([piece], by_line)):
            problems += found
    return problems
