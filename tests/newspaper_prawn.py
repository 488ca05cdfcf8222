"""Newspaper PDFs laid out by Prawn (Ruby), gold from Prawn's own record of the pages it printed each piece on.

A fourteenth producer (after reportlab, Chromium, WeasyPrint, Typst, LibreOffice, XeLaTeX, fpdf2, PDFKit, Scribus,
Pango/cairo, Apache FOP, wkhtmltopdf and ConTeXt), written by an engineer who did NOT read the PDF reader's source
(qa/formats, qa/structure) nor its tests: the page conventions, gold format and caching are ported from the MuPDF
producer of branch ``producer14`` (not merged: PyMuPDF is AGPL), fixed before the reader first ran on these papers.
The set was HELD OUT until 2026-12-01, then DIAGNOSED on its DIAGNOSIS seeds 23500+ only (never on its report
seeds 23000+).

**Why Prawn.** None of the others uses it: Prawn 2.4's own text layout (``Prawn::Text::Formatted::Box``: its line
wrapping, its line heights from the font's ascender, descender and line gap plus a leading), TTFunk's TrueType
subsetting (Type0 fonts, ToUnicode maps), and Prawn's PDF writer. No browser, no TeX, no cairo, no Qt, no MuPDF.
Python plans the paper (this file: which story in which module, where a jump is cut) and asks a Ruby process
(tests/newspaper_prawn.rb, JSON lines on its stdin/stdout) for every measure and, at the end, to draw the pages.
**CJK line breaking**: Prawn breaks lines only at spaces, tabs, hyphens and zero-width spaces; it wraps by character
only when a line holds no break at all, so a paragraph with one Latin space (``1998 年``) would end a line early and
set the rest of its CJK run whole on the next. The Ruby side therefore puts a zero-width space between characters
(none before closing or after opening punctuation: a small 禁则), which Prawn does not draw. Prawn's ``:justify``
stretches only spaces, so "justified" papers come out ragged, as a Prawn user would get them. A character the face
lacks (▶, ◀, ■ …) is set in 黑体 (the runs are split once per paragraph; Prawn's own fallback is many times slower).

Conventions (fixed before the first run; every dimension drawn from the seed, independently):

- **Page**: 560–860 pt wide, height ×1.35–1.5, margins 22–40 pt; page 1 and page 2 each 3–6 columns (``columns=``
  fixes both), gutters 0.8–1.6 body sizes; body 8.5–10.5 pt 宋体 (AR PL SungtiL GB; 明体 AR PL Mingti2L on traditional
  papers), line height ×1.4–1.75, a printed two-ideographic-space indent or none with space between paragraphs.
  Thin rules between modules (always) and between columns (some papers), drawn after the stories.
- **Masthead** (page 1): a BANNER (the paper's name in red 黑体 centred, a date/issue line and a double rule under it)
  or a CORNER flag (the name white on a red block over the first 2–3 columns) with, beside it, a 本期导读 box (▲ the
  headlines of three page-2 stories with （2版）) or an 报眼 block (date, 农历, weather, 国内统一刊号). Page 2: a 版头
  bar (版次 and 版名 on a tinted bar, the date and paper name on the right) or a folio (a large page number, a rule).
  Footers: 责任编辑/美术编辑 on page 1 and the printer's line on page 2, or the reverse. None of it is a piece.
- **Modules**: each page is a stack of BANDS across the page, each band cut into MODULES of 1..C columns side by side
  (a 豆腐块 layout); a module holds one story: heads over the module's width (a 栏目 label tag on a red ground on
  some, an 引题 kicker in 楷体, the headline in 黑体 — or 楷体 — left or centred, a 副题 with or without '——', a
  byline line 本报记者　X), on some a photo (a grey block) with a 楷体 caption, then the body poured through the
  module's columns, balanced (the least column height Prawn fits it in). Some modules are BOXED (a frame, a tint:
  短评 / 链接 / 背景 / 编后) and some a BRIEFS column (简讯 / 新闻集纳 …): 3–6 briefs, each a head line then one
  paragraph, or a run-in head (■head　text / 【head】text); each brief is its own article. Bylines: a line under the
  heads, a dateline run into the first paragraph, a closing bracket line (（记者　X）) or none.
- **Jumps**: page 1's lead module (across all columns or over C−1 with a briefs or boxed module beside it) gets a
  drawn share of the page; Prawn fills it and the story is cut where the space ends, mid-paragraph; on some papers a
  second story in a later band jumps too. The marker is a line (flush right, left or centred) or run into the cut
  paragraph: （下转第二版） / （转第2版） / （下转2版） / （下转第2版） / ▶下转第2版 / （转二版）.
- **Continuations** on page 2 at the TOP, in the MIDDLE or at the FOOT, a module across the page, under the headline
  repeated smaller with a marker line under it, under a SHORT head with the marker on the same line, or under a
  marker line alone: （上接第一版） / （上接1版） / （紧接第1版） / ◀上接第1版 / （接第一版） / （上接第1版）; the cut
  paragraph's tail opens it without indent.
- **Text**: People's Daily January 1998 articles (``pd_article_sample``); kickers and subtitles borrow other
  articles' titles; paper names, dates and editors are invented. About one paper in five is in traditional characters
  (OpenCC s2hk, everything).

Gold: every piece is a block with an id; as Prawn draws each text box it notes the page (``render`` answers, per id,
the pages the block printed on), so the gold page of each piece is where Prawn put it; a block printed on two pages, a
block never printed or a flow Prawn could not finish fails the paper. ``check_gold`` reads the PDF back with
pdfplumber (each piece's characters in order on its page, two pages; headlines as they read). A piece is a
paragraph's text on one page (a paragraph cut by a jump is two pieces, the second ``continues``), a kicker, subtitle,
byline or caption; the headline keys the article. Engine: Ruby with Debian's ruby-prawn (Prawn 2.4, TTFunk 1.7,
pdf-core 0.9; a test-time tool only: nothing in ``qa`` uses it), installed by scripts/install-prawn.sh;
``prawn_available()`` says why not, and callers skip. Papers are cached by seed and the code's hash (this file
without this docstring, the Ruby script, Prawn's version) in ~/.cache/qa-newspaper-prawn.
"""

from __future__ import annotations

import hashlib
import json
import random
import shutil
import subprocess
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from tests.newspaper_pdfs import (
    Article,
    Newspaper,
    Piece,
    drawn_page_texts,
    fonts_missing,
    gold_problems,
    pd_article_sample,
)
from tests.producer_cache import ProducerCache
from tests.producer_corpus import converter

RUBY = Path(__file__).with_suffix(".rb")  # Prawn's side: tests/newspaper_prawn.rb
FONTS = {  # TrueType files TTFunk embeds (WenQuanYi's collection: its first face); 黑体 is the fallback for symbols
    "song": Path("/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf"),
    "ming": Path("/usr/share/fonts/truetype/arphic-bsmi00lp/bsmi00lp.ttf"),
    "kai": Path("/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf"),
    "kait": Path("/usr/share/fonts/truetype/arphic-bkai00mp/bkai00mp.ttf"),
    "hei": Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
}
PAD = 4.0  # a boxed story's inner margin, points
JUMP_OUT = ("（下转第二版）", "（转第2版）", "（下转2版）", "（下转第2版）", "▶下转第2版", "（转二版）")
JUMP_IN = ("（上接第一版）", "（上接1版）", "（紧接第1版）", "◀上接第1版", "（接第一版）", "（上接第1版）")
LABELS = ("要闻", "关注", "经济观察", "社会广角", "今日视点", "民生", "特别报道")
BOX_LABELS = ("短评", "链接", "背景", "编后", "新闻分析")
BRIEF_LABELS = ("简讯", "新闻集纳", "要闻简报", "各地传真")
PAPERS = ("东海日报", "燕赵晚报", "荆楚时报", "天山日报", "珠江商报", "秦川早报", "松江都市报", "赣南日报")
EDITIONS = ("国内要闻", "综合", "经济新闻", "社会", "地方", "时事")
NAMES = ("王磊", "李娜", "张伟", "刘洋", "陈静", "杨帆", "赵敏", "黄强", "周婷", "吴刚")
CITIES = ("北京", "上海", "天津", "杭州", "长沙", "昆明", "济南", "福州")
WEEKDAYS = "一二三四五六日"
LUNAR = ("腊月初三", "腊月十一", "冬月廿八", "腊月十九", "腊月廿六")
WEATHER = ("晴转多云", "多云", "小雪", "阴有小雨", "晴")
PUNCT = set("。！？，、；：”）」』》.,;:!?)")  # a column does not end a cut paragraph at punctuation
GOLD_ROLES = {"body", "kicker", "subtitle", "byline", "caption"}


@dataclass
class PrawnNewspaper(Newspaper):
    """A paper laid out by Prawn; ``conventions`` names what this paper's draw used (for the variety test)."""

    conventions: dict = field(default_factory=dict)


@cache
def _prawn_version() -> str:
    """Prawn's version as Ruby loads it ("" when Ruby or Prawn is missing)."""
    if shutil.which("ruby") is None:
        return ""
    done = subprocess.run(
        ["ruby", "-e", 'require "prawn"; print Prawn::VERSION'], capture_output=True, text=True, timeout=60
    )
    return done.stdout.strip() if done.returncode == 0 else ""


@cache
def prawn_available() -> str | None:
    """None when papers can be made here, else why not (callers skip with it)."""
    if shutil.which("ruby") is None:
        return "Ruby is not installed (scripts/install-prawn.sh)"
    if not _prawn_version():
        return "Ruby cannot load Prawn (scripts/install-prawn.sh installs ruby-prawn)"
    return fonts_missing(FONTS.values(), "scripts/install-prawn.sh")


# ---- the paper's drawn dimensions ----------------------------------------------------------------------------------
def draw_style(rng: random.Random, columns: int | None) -> dict:
    """Every dimension and convention of one paper, each drawn independently."""
    width = rng.uniform(560, 860)
    trad = rng.random() < 0.2
    return {
        "width": width,
        "height": width * rng.uniform(1.35, 1.5),
        "margins": [rng.uniform(22, 40) for _ in range(4)],  # left, right, top, bottom
        "columns": [columns or rng.randint(3, 6), columns or rng.randint(3, 6)],
        "gap": rng.uniform(0.8, 1.6),
        "body": rng.choice((8.5, 9.0, 9.5, 10.0, 10.5)),
        "leading": rng.uniform(1.4, 1.75),
        "indent": rng.random() < 0.7,
        "justify": rng.random() < 0.7,
        "column_rules": rng.random() < 0.45,
        "trad": trad,
        "head_face": rng.choice(("hei", "hei", "kai")),
        "head_align": rng.choice(("left", "center")),
        "lead_scale": rng.uniform(2.2, 3.2),
        "head_scale": rng.uniform(1.4, 2.0),
        "cont_scale": rng.uniform(1.1, 1.5),
        "masthead": rng.choice(("banner", "corner")),
        "corner_side": rng.choice(("index", "ear")),
        "page2_head": rng.choice(("bar", "folio")),
        "footer_swap": rng.random() < 0.5,
        "lead_share": rng.uniform(0.25, 0.42),
        "lead_span": rng.choice(("all", "all", "side")),
        "second_jump": rng.random() < 0.35,
        "marker_form": rng.choice(("line", "line", "runin")),
        "marker_align": rng.choice(("right", "right", "left", "center")),
        "cont_where": rng.choice(("top", "middle", "foot")),
        "cont_head": rng.choice(("head_marker", "short_head", "marker")),
        "brief_style": rng.choice(("line", "square", "bracket")),
        "kicker_rate": rng.uniform(0.1, 0.5),
        "subtitle_rate": rng.uniform(0.1, 0.5),
        "photo_rate": rng.uniform(0.0, 0.4),
        "box_rate": rng.uniform(0.0, 0.3),
        "briefs_rate": rng.uniform(0.0, 0.5),
        "label_rate": rng.uniform(0.0, 0.3),
        "byline_styles": rng.sample(("line", "dateline", "closing", "none"), rng.randint(2, 4)),
        "byline_align": rng.choice(("left", "right", "center")),
    }


# ---- stories and modules -------------------------------------------------------------------------------------------
@dataclass
class Story:
    """One story as printed in one module: its heads and the paragraphs kept there (cut as the page is fitted)."""

    key: str
    headline: str
    paras: list[str]
    kicker: str = ""
    subtitle: str = ""
    label: str = ""
    byline: tuple[str, str] = ("none", "")  # (style, text); a dateline is run into paras[0]
    dateline: str = ""
    photo: str = ""  # the caption when a photo heads the module
    jump: str = ""  # "out": cut here, goes on on page 2; "in": a continuation
    continues: bool = False  # paras[0] is the tail of a paragraph cut on page 1
    box: str = ""  # a boxed story's label
    full: list[str] = field(default_factory=list)  # a jumping story's paragraphs before the cut
    briefs: list[tuple[str, str, str]] = field(default_factory=list)  # a briefs column: (key, head, text)


class Css:
    """The paper's type styles and the blocks of heads and bodies Prawn sets (a block: runs of text in a face, size and
    colour; its line height, alignment and spacing); every piece gets a block id."""

    def __init__(self, st: dict) -> None:
        self.st = st
        self.pieces: list[tuple[str, str, str, bool]] = []  # (story key, role, text, continues), id = "e<index>"

    def pid(self, key: str, role: str, text: str, continues: bool = False) -> str:
        self.pieces.append((key, role, text, continues))
        return f"e{len(self.pieces) - 1}"

    @property
    def song(self) -> str:
        return "ming" if self.st["trad"] else "song"

    @property
    def kai(self) -> str:
        return "kait" if self.st["trad"] else "kai"

    def block(self, runs: list[tuple], pid: str | None = None, **style: object) -> dict:
        """A block for Prawn: ``runs`` of (text, font, size[, colour]); body line height and alignment unless given."""
        st = self.st
        out = {
            "id": pid,
            "runs": [[r[0], r[1], round(r[2], 2), r[3] if len(r) > 3 else None] for r in runs],
            "lh": st["leading"],
            "align": "justify" if st["justify"] else "left",
            "before": 0.0,
            "after": 0.0,
        }
        out.update(style)
        return out

    def heads(self, s: Story, size: float) -> list[dict]:
        """The heads over a module's width (label tag, kicker, headline, subtitle, byline, photo and caption)."""
        st, out = self.st, []
        body, align = st["body"], st["head_align"]
        head_face = "hei" if st["head_face"] == "hei" else self.kai
        if s.label:
            out.append(self.block([(s.label, "hei", body, "ffffff")], lh=1.3, align="left", after=2, bg="b5121b"))
        if s.kicker:
            pid = self.pid(s.key, "kicker", s.kicker)
            out.append(self.block([(s.kicker, self.kai, max(body, size * 0.5))], pid, lh=1.3, align=align))
        out.append(self.block([(s.headline, head_face, size)], lh=1.2, align=align, before=1, after=2))
        if s.subtitle:
            pid = self.pid(s.key, "subtitle", s.subtitle)
            out.append(self.block([(s.subtitle, self.song, max(body, size * 0.55))], pid, lh=1.3, align=align, after=2))
        if s.byline[0] == "line":
            pid = self.pid(s.key, "byline", s.byline[1])
            out.append(self.block([(s.byline[1], self.kai, body)], pid, align=st["byline_align"], after=2))
        if s.photo:
            out.append(self.block([], photo=round(body * 9), before=3, after=1))
            pid = self.pid(s.key, "caption", s.photo)
            out.append(self.block([(s.photo, self.kai, body * 0.92)], pid, align="left", after=3))
        return out

    def body(self, s: Story, marker: str = "") -> list[dict]:
        """The body of a story (its paragraphs, a run-in dateline, a marker line or run-in marker, a closing byline).
        The first-line indent is two ideographic spaces, printed, as a Chinese compositor keys it."""
        st, out = self.st, []
        body = st["body"]
        after = 0.0 if st["indent"] else body * 0.45
        for n, para in enumerate(s.paras):
            cont = n == 0 and s.continues
            lead = "" if cont or not st["indent"] else "　　"
            text = para
            runs: list[tuple] = []
            if n == 0 and s.dateline:
                text = f"{s.dateline}　{para}"
                runs.append((lead + s.dateline, "hei", body))
                runs.append(("　" + para, self.song, body))
            else:
                runs.append((lead + para, self.song, body))
            if marker and n == len(s.paras) - 1 and st["marker_form"] == "runin":
                runs.append((marker, "hei", body))
            out.append(self.block(runs, self.pid(s.key, "body", text, cont), after=after))
        if marker and st["marker_form"] == "line":
            out.append(self.block([(marker, "hei", body)], align=st["marker_align"]))
        if s.byline[0] == "closing":
            out.append(
                self.block([(s.byline[1], self.song, body)], self.pid(s.key, "byline", s.byline[1]), align="right")
            )
        return out

    def briefs_column(self, s: Story) -> list[dict]:
        """A briefs column: its label over a red rule, then each brief (a head line and a paragraph, or a run-in
        head)."""
        st = self.st
        body = st["body"]
        out = [self.block([(s.label, "hei", body * 1.3, "b5121b")], lh=1.3, align="left", after=2, rule="b5121b")]
        after = 0.0 if st["indent"] else body * 0.45
        for key, head, text in s.briefs:
            lead = "　　" if st["indent"] else ""
            if st["brief_style"] == "line":
                out.append(self.block([(head, "hei", body)], align="left", before=3))
                out.append(self.block([(lead + text, self.song, body)], self.pid(key, "body", text), after=after))
            else:
                run = f"■{head}　" if st["brief_style"] == "square" else f"【{head}】"
                runs = [(lead + run, "hei", body), (text, self.song, body)]
                out.append(self.block(runs, self.pid(key, "body", text), after=after))
        return out


# ---- Prawn measure and pour ---------------------------------------------------------------------------------------
class Engine:
    """Prawn in a Ruby process (tests/newspaper_prawn.rb, one per paper): measures blocks, pours them through column
    rectangles, and writes the pages. Rectangles are (x0, y0, x1, y1) from the page's top-left corner."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            ["ruby", str(RUBY)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8"
        )
        fonts = {name: [str(path), 0 if path.suffix == ".ttc" else None] for name, path in FONTS.items()}
        self.ask({"op": "init", "fonts": fonts, "fallback": ["hei"]})

    def ask(self, request: dict) -> dict:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(json.dumps(request, ensure_ascii=False) + "\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError(f"Prawn's process ended (exit {self.proc.wait()})")
        answer = json.loads(line)
        if "error" in answer:
            raise RuntimeError(answer["error"])
        return answer

    def height(self, blocks: list[dict], width: float) -> float:
        """The height Prawn needs to set ``blocks`` in one rectangle ``width`` wide."""
        return self.ask({"op": "height", "blocks": blocks, "width": width})["h"] if blocks else 0.0

    def fits(self, blocks: list[dict], rects: list[tuple[float, float, float, float]]) -> bool:
        """Whether Prawn pours all of ``blocks`` into ``rects``, one after the other."""
        return self.ask({"op": "fits", "blocks": blocks, "rects": rects})["ok"]

    def balanced(self, blocks: list[dict], xs: list[tuple[float, float]], limit: float) -> float:
        """The least column height (≤ ``limit``) Prawn pours ``blocks`` through the columns in; > limit if none."""
        return self.ask({"op": "balanced", "blocks": blocks, "xs": xs, "limit": limit})["h"] if blocks else 0.0

    def render(self, path: Path, size: tuple[float, float], pages: list[list[dict]]) -> dict:
        """Draw the pages' operations with Prawn into ``path``: {"seen": id → pages printed on, "unfinished": [...]}."""
        return self.ask({"op": "render", "path": str(path), "size": list(size), "pages": pages})

    def close(self) -> None:
        if self.proc.poll() is None:
            assert self.proc.stdin is not None
            self.proc.stdin.close()
            self.proc.wait(timeout=30)


# ---- the plan -----------------------------------------------------------------------------------------------------
@dataclass
class Module:
    story: Story
    span: int  # columns
    x0: float = 0.0
    x1: float = 0.0
    head_size: float = 12.0
    head_h: float = 0.0  # the heads' height Prawn needs over the module's width
    body_h: float = 0.0  # the height of the module's columns under its heads


@dataclass
class Band:
    modules: list[Module]
    top: float = 0.0
    total: float = 0.0  # heads and columns
    want: float = 0.0  # a jumping lead's drawn share of the page


class Maker:
    """Draws stories from the article pool and fits them into bands, page by page, with Prawn's measure."""

    def __init__(self, rng: random.Random, st: dict, cv, arts: list[Article], titles: list[str]) -> None:  # noqa: ANN001
        self.rng, self.st, self.cv = rng, st, cv
        self.arts = arts
        self.titles = titles
        self.headlines: dict[str, str] = {}
        self.used: dict[str, int] = {}
        self.conts: dict[str, Story] = {}  # a jumping story's key → its continuation on page 2
        self.css = Css(st)
        self.engine = Engine()

    def count(self, what: str) -> None:
        self.used[what] = self.used.get(what, 0) + 1

    def key(self, art: Article) -> str:
        k = f"s{len(self.headlines)}"
        self.headlines[k] = art.headline
        return k

    # geometry
    def col_xs(self, page: int) -> list[tuple[float, float]]:
        st = self.st
        left, right = st["margins"][0], st["width"] - st["margins"][1]
        n = st["columns"][page - 1]
        gap = st["gap"] * st["body"]
        w = (right - left - gap * (n - 1)) / n
        return [(left + i * (w + gap), left + i * (w + gap) + w) for i in range(n)]

    def story(self, art: Article, size_role: str = "head") -> Story:
        rng, st, cv = self.rng, self.st, self.cv
        s = Story(self.key(art), art.headline, list(art.paragraphs))
        if rng.random() < st["kicker_rate"]:
            s.kicker = rng.choice(self.titles)
            self.count("kicker")
        if rng.random() < st["subtitle_rate"]:
            sub = rng.choice(self.titles)
            s.subtitle = ("——" + sub) if rng.random() < 0.5 else sub
            self.count("subtitle")
        if rng.random() < st["label_rate"]:
            s.label = cv(rng.choice(LABELS))
            self.count("label")
        name = art.byline or rng.choice(NAMES)
        style = rng.choice(st["byline_styles"])
        day = st["day"]
        if style == "line":
            s.byline = ("line", cv(f"本报记者　{name}"))
        elif style == "dateline":
            s.dateline = cv(
                rng.choice(
                    (f"本报{rng.choice(CITIES)}1月{day}日讯　记者{name}", f"新华社{rng.choice(CITIES)}1月{day}日电")
                )
            )
        elif style == "closing":
            s.byline = ("closing", cv(f"（记者　{name}）"))
        self.count(f"byline_{style}")
        if size_role == "lead" and rng.random() < st["photo_rate"] * 1.5 or rng.random() < st["photo_rate"] * 0.5:
            s.photo = cv(rng.choice((f"图为{rng.choice(CITIES)}街头一景。", f"新华社记者　{rng.choice(NAMES)}　摄")))
            self.count("photo")
        return s

    def head_size(self, role: str) -> float:
        st = self.st
        return st["body"] * {"lead": st["lead_scale"], "head": st["head_scale"], "cont": st["cont_scale"]}[role]

    # module measure
    def module_xs(self, page: int, m: Module, start: int) -> list[tuple[float, float]]:
        xs = self.col_xs(page)[start : start + m.span]
        m.x0, m.x1 = xs[0][0], xs[-1][1]
        return xs

    @staticmethod
    def pad(m: Module) -> float:
        """A boxed story's inner margin (its frame and tint are drawn around the module)."""
        return PAD if m.story.box else 0.0

    def inner(self, m: Module, xs: list[tuple[float, float]]) -> list[tuple[float, float]]:
        """The module's columns inside its frame (a boxed story's first and last columns narrowed by the pad)."""
        pad = self.pad(m)
        return [(x0 + (pad if i == 0 else 0), x1 - (pad if i == len(xs) - 1 else 0)) for i, (x0, x1) in enumerate(xs)]

    def heads_blocks(self, m: Module) -> list[dict]:
        s = m.story
        if s.briefs:
            return []
        if s.jump == "in":
            return self.cont_heads(s, m.head_size)
        box = []
        if s.box:
            box = [self.css.block([(s.box, "hei", self.st["body"], "b5121b")], align="left", after=1)]
        return box + self.css.heads(s, m.head_size)

    def cont_heads(self, s: Story, size: float) -> list[dict]:
        st, css = self.st, self.css
        marker, body = st["jump_in"], st["body"]
        head_face = "hei" if st["head_face"] == "hei" else css.kai
        if st["cont_head"] == "head_marker":
            return [
                css.block([(s.headline, head_face, size)], lh=1.2, align=st["head_align"], before=1, after=2),
                css.block([(marker, "hei", body)], align=st["head_align"]),
            ]
        if st["cont_head"] == "short_head":
            short = s.headline[: max(4, min(10, len(s.headline) // 2))]
            runs = [(short, head_face, size), ("　" + marker, "hei", body)]
            return [css.block(runs, lh=1.2, align="left", before=1, after=2)]
        return [css.block([(marker, "hei", body)], align="left")]

    def body_blocks(self, m: Module, marker: str = "") -> list[dict]:
        s = m.story
        if s.briefs:
            return self.css.briefs_column(s)
        return self.css.body(s, marker)

    def measure(self, page: int, m: Module, start: int, limit: float) -> tuple[float, float]:
        """(heads height, balanced body height) of module ``m`` set from column ``start``, each with the box's pad."""
        xs = self.inner(m, self.module_xs(page, m, start))
        pad = self.pad(m)
        css = self.css
        mark = len(css.pieces)
        heads = self.heads_blocks(m)
        head_h = self.engine.height(heads, m.x1 - m.x0 - 2 * pad) + pad
        body_h = self.engine.balanced(self.body_blocks(m, self.marker(m)), xs, limit - pad) + pad
        del css.pieces[mark:]
        return head_h, body_h

    def marker(self, m: Module) -> str:
        return self.st["jump_out"] if m.story.jump == "out" else ""

    # fitting a band
    def fit_band(self, page: int, band: Band, room: float, fill: bool) -> bool:
        """Lay ``band`` in ``room``: the band is as tall as its first module needs (a jumping lead: its drawn share;
        all the room when ``fill``); the other modules are cut at paragraph ends to it. False when the first cannot."""
        lines3 = self.st["body"] * self.st["leading"] * 3
        start, balanced = 0, []
        for m in band.modules:
            m.head_h, body = self.measure(page, m, start, room)
            balanced.append(body)
            start += m.span
        lead = band.modules[0]
        if room - max(m.head_h for m in band.modules) < lines3:
            return False
        if fill:
            total = room
        elif lead.story.jump == "out":
            total = min(room, band.want or room)
        else:
            total = min(room, lead.head_h + max(balanced[0], lines3 * 2))
        band.total = total
        start = 0
        for m in list(band.modules):
            m.body_h = total - m.head_h
            if m.body_h < lines3 or not self.cut_to(page, m, start, m.body_h):
                if m is lead:
                    return False
                band.modules.remove(m)
                continue
            start += m.span
        spare = self.st["columns"][page - 1] - sum(m.span for m in band.modules)
        if spare:  # a module dropped leaves its columns to the first one
            lead.span += spare
            return self.fit_band(page, band, room, fill)
        return True

    def cut_to(self, page: int, m: Module, start: int, height: float) -> bool:
        """Cut ``m``'s story at a paragraph end (or a jump mid-paragraph) until Prawn fits its body in ``height``."""
        xs = self.inner(m, self.module_xs(page, m, start))
        rects = [(x0, 0.0, x1, height - self.pad(m)) for x0, x1 in xs]
        s = m.story

        def fits() -> bool:
            mark = len(self.css.pieces)
            ok = self.engine.fits(self.body_blocks(m, self.marker(m)), rects)
            del self.css.pieces[mark:]
            return ok

        if fits():
            if s.jump == "out":  # it all fits: no jump, and no marker promising one
                s.jump = ""
                del self.conts[s.key]
                self.count("jump_fitted")
            return True
        if s.briefs:
            while len(s.briefs) > 1:
                s.briefs.pop()
                if fits():
                    return True
            return False
        if s.jump == "out":
            return self.cut_jump(m, fits)
        if s.byline[0] == "closing":
            s.byline = ("none", "")
        while len(s.paras) > 1:
            s.paras.pop()
            if fits():
                return True
        return False

    def cut_jump(self, m: Module, fits) -> bool:  # noqa: ANN001
        """Cut a jumping story where its module's space ends: the most characters Prawn fits, mid-paragraph, never
        within eight characters of a paragraph's ends; the rest goes to its continuation."""
        s = m.story
        s.full = s.full or list(s.paras)
        full = s.full
        cont = self.conts[s.key]
        if s.byline[0] == "closing":
            cont.byline, s.byline = s.byline, ("none", "")
        total = sum(map(len, full))

        def take(n: int) -> tuple[list[str], list[str]]:
            shown, left = [], n
            for k, para in enumerate(full):
                if left <= len(para) - 8:
                    at = max(8, left)
                    while at < len(para) - 8 and (para[at - 1] in PUNCT or para[at] in PUNCT):
                        at += 1
                    return [*shown, para[:at]], [para[at:], *full[k + 1 :]]
                shown.append(para)
                left -= len(para)
            return full[:-1], full[-1:]

        lo, hi = 8, total - 8
        s.paras = take(lo)[0]
        if not fits():
            return False
        while hi - lo > 1:
            mid = (lo + hi) // 2
            s.paras = take(mid)[0]
            lo, hi = (mid, hi) if fits() else (lo, mid)
        shown, rest = take(lo)
        s.paras = shown
        cont.paras = rest
        cont.continues = len(shown) + len(rest) > len(full)
        return True

    # page assembly
    def next_art(self) -> Article | None:
        return self.arts.pop(0) if self.arts else None

    def module_spans(self, c: int) -> list[int]:
        rng = self.rng
        shapes = [[c]] + [[a, c - a] for a in range(1, c)]
        if c >= 4:
            shapes += [[a, b, c - a - b] for a in range(1, c - 1) for b in range(1, c - a)]
        return rng.choice(shapes)

    def band_of(self, page: int, first: Module | None = None) -> Band | None:
        rng, st, c = self.rng, self.st, self.st["columns"][page - 1]
        modules = [first] if first else []
        spans = self.module_spans(c - (first.span if first else 0)) if (not first or first.span < c) else []
        for span in spans:
            art = self.next_art()
            if art is None:
                break
            if span == 1 and rng.random() < st["briefs_rate"] and len(self.arts) > 4:
                self.arts.insert(0, art)
                modules.append(Module(self.briefs(), span))
                continue
            s = self.story(art)
            if rng.random() < st["box_rate"]:
                s.box = self.cv(rng.choice(BOX_LABELS))
                s.photo = ""
                self.count("box")
            modules.append(Module(s, span, head_size=self.head_size("head")))
        if not modules:
            return None
        if sum(m.span for m in modules) < c:
            modules[0].span += c - sum(m.span for m in modules)
        if first is None:
            rng.shuffle(modules)
        self.count(f"modules_{len(modules)}")
        return Band(modules)

    def briefs(self) -> Story:
        rng = self.rng
        items = []
        for _ in range(rng.randint(3, 6)):
            art = self.next_art()
            if art is None:
                break
            text = art.paragraphs[0]
            if len(text) > 120:
                ends = [i + 1 for i, ch in enumerate(text) if ch in "。！？" and 25 <= i < 120]
                text = text[: ends[-1]] if ends else text[:120]
            items.append((self.key(art), art.headline, text))
        self.count("briefs")
        return Story("briefs", "", [], label=self.cv(rng.choice(BRIEF_LABELS)), briefs=items)

    def fill(self, page: int, top: float, bottom: float, bands: list[Band], keep: int = 0) -> float:
        """Add bands from the pool from ``top`` until ``bottom`` (before the last ``keep`` bands in the list); the last
        band is cut to the room left. Where the next band starts."""
        y = top
        sep = self.st["body"] * 1.2
        for _ in range(12):
            room = bottom - y
            if room < self.st["body"] * self.st["leading"] * 8:
                break
            band = self.band_of(page)
            if band is None:
                break
            if not self.fit_band(page, band, room, fill=False):
                continue
            band.top = y
            bands.insert(len(bands) - keep, band)
            y += band.total + sep
        return y


def masthead_height(st: dict) -> float:
    """The height of page 1's masthead (the text area starts under it)."""
    body = st["body"]
    if st["masthead"] == "banner":
        return st["width"] * 0.07 * 1.15 + body * 3.4
    return corner_size(st) * 1.3 + body * 3.2 + 10


def corner_size(st: dict) -> float:
    """The size of the paper's name in the corner flag (it fills the first 2–3 columns)."""
    xs = _cols(st, 1)
    k = min(len(xs) - 1, 2 if len(xs) <= 4 else 3)
    return min(st["width"] * 0.065, (xs[k - 1][1] - xs[0][0] - 10) / (len(st["paper"]) + 0.5))


# ---- the paper --------------------------------------------------------------------------------------------------
def make_spec(seed: int, attempt: int = 0, columns: int | None = None) -> tuple[dict, Maker]:
    """The drawn style and a Maker loaded with this paper's stories (nothing laid out yet)."""
    rng = random.Random(seed * 977 + attempt)
    st = draw_style(rng, columns)
    cv = converter(st["trad"], "s2hk")
    st["jump_out"] = cv(rng.choice(JUMP_OUT))
    st["jump_in"] = cv(rng.choice(JUMP_IN))
    day = rng.randint(1, 31)
    st["day"] = day
    weekday = WEEKDAYS[(day + 2) % 7]
    names = rng.sample(NAMES, 4)
    paper = rng.choice(PAPERS)
    issue = rng.randint(5000, 19999)
    st["paper"] = cv(paper)
    st["issue"] = cv(f"1998年1月{day}日　星期{weekday}　农历丁丑年{rng.choice(LUNAR)}　第{issue}期　今日八版")
    st["ear"] = [
        cv(t)
        for t in (
            f"1998年1月{day}日",
            f"星期{weekday}",
            f"农历{rng.choice(LUNAR)}",
            f"今日天气：{rng.choice(WEATHER)}",
            f"国内统一刊号CN{rng.randint(11, 65)}-{rng.randint(1, 99):04d}",
        )
    ]
    st["edition"] = cv(rng.choice(EDITIONS))
    st["dateline2"] = cv(f"1998年1月{day}日　星期{weekday}　{paper}")
    st["footers"] = [
        cv(f"责任编辑：{names[0]}　美术编辑：{names[1]}　校对：{names[2]}"),
        cv(
            f"本报地址：{rng.choice(CITIES)}市人民路{rng.randint(1, 300)}号　邮政编码：{rng.randint(100000, 800000)}"
            f"　零售价：每份0.50元　印刷：{paper}印务中心"
        ),
    ]
    if st["footer_swap"]:
        st["footers"].reverse()
    arts, seen = [], set()
    for a in pd_article_sample(rng, 80):
        paras = [p.strip() for p in a.paragraphs if p.strip()]
        if a.headline in seen or not paras or not a.headline.strip():
            continue
        seen.add(a.headline)
        arts.append(Article(cv(a.headline), [cv(p) for p in paras], byline=cv(a.byline) if a.byline else None))
    titles = [a.headline for a in arts[-12:]]
    arts = arts[:-12]
    maker = Maker(rng, st, cv, arts, titles)
    return st, maker


def plan(st: dict, maker: Maker) -> tuple[dict[int, list[Band]], dict[int, float]]:
    """Both pages' bands, fitted with Prawn's measure; and where each page's text area starts."""
    rng, cv = maker.rng, maker.cv
    top, bottom = st["margins"][2], st["height"] - st["margins"][3]
    foot = st["body"] * 2.2
    mast = masthead_height(st)
    p2head = st["body"] * (3.2 if st["page2_head"] == "bar" else 4.2)
    y1, y2 = top + mast, top + p2head
    end = bottom - foot
    arts = maker.arts
    arts.sort(key=lambda a: -sum(map(len, a.paragraphs)))
    lead_art = arts.pop(0)
    second_art = arts.pop(0) if st["second_jump"] else None
    rng.shuffle(arts)
    st["index"] = [a.headline for a in arts[-3:]]  # the 导读 box names page-2 stories
    page2_pool = arts[-3:]
    del arts[-3:]
    pages: dict[int, list[Band]] = {1: [], 2: []}
    c1 = st["columns"][0]

    def jumper(art: Article, role: str, span: int) -> Module:
        s = maker.story(art, role)
        s.jump = "out"
        cont = Story(s.key, s.headline, [], jump="in", continues=True)
        maker.conts[s.key] = cont
        return Module(s, span, head_size=maker.head_size(role))

    # page 1: the lead takes a drawn share of the page; Prawn fills it and the story jumps where the space ends
    side = st["lead_span"] == "side" and c1 >= 4
    lead = jumper(lead_art, "lead", c1 - 1 if side else c1)
    band = Band([lead])
    if side:
        extra = Module(maker.briefs(), 1) if rng.random() < 0.6 else None
        if extra is None:
            art = maker.next_art()
            s = maker.story(art)
            s.box, s.photo = cv(rng.choice(BOX_LABELS)), ""
            maker.count("box")
            extra = Module(s, 1, head_size=maker.head_size("head"))
        band.modules.append(extra)
        maker.count("lead_side")
    band.want = (end - y1) * st["lead_share"]
    if not maker.fit_band(1, band, end - y1, fill=False):
        raise RuntimeError("the lead does not fit")
    band.top = y1
    pages[1].append(band)
    y = y1 + band.total + st["body"] * 1.2
    if second_art is not None:
        y = maker.fill(1, y, y + (end - y) * 0.3, pages[1])
        second = jumper(second_art, "head", max(2, c1 - rng.randint(0, 2)))
        band2 = maker.band_of(1, second)
        band2.want = (end - y) * rng.uniform(0.25, 0.4)
        if maker.fit_band(1, band2, end - y, fill=False):
            band2.top = y
            pages[1].append(band2)
            y += band2.total + st["body"] * 1.2
            maker.count("second_jump")
        else:
            maker.conts.pop(second.story.key, None)
    maker.fill(1, y, end, pages[1])
    # page 2: continuations (an over-long rest cut at a paragraph end), the 导读 stories first among the rest
    maker.arts[:0] = page2_pool
    cont_mods = []
    for cont in maker.conts.values():
        if not cont.paras:
            continue
        cont_mods.append(Module(cont, st["columns"][1], head_size=maker.head_size("cont")))
        maker.count("continuation")
    budget = (end - y2) * (0.45 if len(cont_mods) == 1 else 0.28)
    cont_bands = []
    for m in cont_mods:
        b = Band([m])
        while True:
            ok = maker.fit_band(2, b, budget, fill=False)
            if ok or len(m.story.paras) <= 1:
                break
            m.story.paras.pop()
        if not ok:
            raise RuntimeError("a continuation does not fit")
        cont_bands.append(b)
    cont_h = sum(b.total + st["body"] * 1.2 for b in cont_bands)
    where = st["cont_where"]
    if where == "top":
        y = y2
        for b in cont_bands:
            b.top = y
            y += b.total + st["body"] * 1.2
        pages[2] += cont_bands
        maker.fill(2, y, end, pages[2])
    elif where == "middle":
        y = maker.fill(2, y2, y2 + (end - y2 - cont_h) * 0.4, pages[2])
        for b in cont_bands:
            b.top = y
            y += b.total + st["body"] * 1.2
        pages[2] += cont_bands
        maker.fill(2, y, end, pages[2])
    else:
        y = end - cont_h + st["body"] * 1.2
        for b in cont_bands:
            b.top = y
            y += b.total + st["body"] * 1.2
        pages[2] += cont_bands
        maker.fill(2, y2, end - cont_h, pages[2], keep=len(cont_bands))
    maker.count(f"cont_{where}")
    return pages, {1: y1, 2: y2}


# ---- drawing ------------------------------------------------------------------------------------------------------
def _furniture(st: dict, page: int, css: Css, engine: Engine) -> tuple[list[dict], list[dict]]:
    """The masthead (page 1) or the page-2 head and each page's footer, as Prawn drawing operations; and the rules to
    draw after the stories."""
    left, right = st["margins"][0], st["width"] - st["margins"][1]
    top, bottom = st["margins"][2], st["height"] - st["margins"][3]
    body, song = st["body"], css.song
    ops: list[dict] = []
    rules: list[dict] = []

    def put(blocks: list[dict], rect: tuple[float, float, float, float]) -> float:
        ops.append({"op": "flow", "name": "furniture", "blocks": blocks, "rects": [list(rect)]})
        return rect[1] + engine.height(blocks, rect[2] - rect[0])

    def line(x0: float, y0: float, x1: float, y1: float, width: float) -> None:
        rules.append({"op": "line", "xy": [x0, y0, x1, y1], "width": width})

    def para(text: str, font: str, size: float, align: str = "left", color: str | None = None, **kw: object) -> dict:
        return css.block([(text, font, size, color)], align=align, lh=kw.pop("lh", 1.4), **kw)

    if page == 1:
        if st["masthead"] == "banner":
            size = st["width"] * 0.07
            y = put([para(st["paper"], "hei", size, "center", "c8161d", lh=1.1)], (left, top, right, top + size * 1.8))
            put([para(st["issue"], song, body, "center")], (left, y + 2, right, y + body * 3))
            line(left, y + body * 2.3, right, y + body * 2.3, 1.6)
            line(left, y + body * 2.6, right, y + body * 2.6, 0.5)
        else:
            xs = _cols(st, 1)
            k = min(len(xs) - 1, 2 if len(xs) <= 4 else 3)
            x1 = xs[k - 1][1]
            size = corner_size(st)
            h = masthead_height(st) - body * 1.2
            ops.append({"op": "fill", "rect": [left, top, x1, top + h], "color": "c8161d"})
            blocks = [
                para(st["paper"], "hei", size, "center", "ffffff", lh=1.3),
                para(f"{st['ear'][0]}　{st['ear'][1]}", song, body * 0.9, "center", "ffffff"),
            ]
            put(blocks, (left + 4, top + 4, x1 - 4, top + h))
            x2 = xs[k][0]
            if st["corner_side"] == "index":
                ops.append({"op": "frame", "rect": [x2, top, right, top + h], "color": "c8161d", "width": 0.8})
                items = [para(f"▲{t}（2版）", song, body, before=1, after=1) for t in st["index"]]
                put([para("本期导读", "hei", body, color="b5121b"), *items], (x2 + 3, top + 3, right - 3, top + h))
            else:
                put([para(t, song, body, "right") for t in st["ear"][2:]], (x2, top, right, top + h))
            line(left, top + h + body * 0.6, right, top + h + body * 0.6, 1.2)
    else:
        if st["page2_head"] == "bar":
            ops.append({"op": "fill", "rect": [left, top, (left + right) / 2, top + body * 2.2], "color": "e3e3e3"})
            put(
                [para(f"2　{st['edition']}", "hei", body * 1.3, lh=1.3)],
                (left + 4, top + 1, (left + right) / 2, top + body * 3),
            )
            put([para(st["dateline2"], song, body, "right")], ((left + right) / 2, top + 3, right, top + body * 3))
            line(left, top + body * 2.5, right, top + body * 2.5, 0.8)
        else:
            put([para("2", "hei", body * 2.6, lh=1.1)], (left, top, left + body * 6, top + body * 4))
            blocks = [para(st["edition"], "hei", body, "center"), para(st["dateline2"], song, body, "center")]
            put(blocks, (left + body * 6, top, right, top + body * 4))
            line(left, top + body * 3.6, right, top + body * 3.6, 1.0)
    fy = bottom - body * 1.5
    put([para(st["footers"][page - 1], song, body * 0.85, "center")], (left, fy, right, bottom + 6))
    line(left, fy - 2, right, fy - 2, 0.5)
    return ops, rules


def _cols(st: dict, page: int) -> list[tuple[float, float]]:
    left, right = st["margins"][0], st["width"] - st["margins"][1]
    n = st["columns"][page - 1]
    gap = st["gap"] * st["body"]
    w = (right - left - gap * (n - 1)) / n
    return [(left + i * (w + gap), left + i * (w + gap) + w) for i in range(n)]


def render(st: dict, maker: Maker, pages: dict[int, list[Band]], path: Path) -> dict[str, list[int]]:
    """Draw both pages with Prawn; each piece id → the pages Prawn printed it on."""
    css = maker.css
    css.pieces.clear()
    gap = st["gap"] * st["body"]
    drawn: list[list[dict]] = []
    for page in (1, 2):
        ops, rules = _furniture(st, page, css, maker.engine)
        for band in pages[page]:
            start = 0
            for m in band.modules:
                xs = maker.module_xs(page, m, start)
                inner, pad = maker.inner(m, xs), maker.pad(m)
                start += m.span
                name = f"p.{page} {m.story.headline[:12] or m.story.label}"
                if m.story.box:
                    frame = [m.x0, band.top, m.x1, band.top + m.head_h + m.body_h]
                    ops.append({"op": "fill", "rect": frame, "color": "f1ece0"})
                    ops.append({"op": "frame", "rect": frame, "color": "333333", "width": 0.8})
                heads = maker.heads_blocks(m)
                y = band.top
                if heads:
                    rect = [m.x0 + pad, y + pad, m.x1 - pad, y + m.head_h + 2]
                    ops.append({"op": "flow", "name": f"{name} heads", "blocks": heads, "rects": [rect]})
                y = band.top + m.head_h
                rects = [[x0, y, x1, y + m.body_h - pad + 0.5] for x0, x1 in inner]
                ops.append(
                    {"op": "flow", "name": name, "blocks": maker.body_blocks(m, maker.marker(m)), "rects": rects}
                )
                if st["column_rules"]:
                    rules += [
                        {"op": "line", "xy": [x1 + gap / 2, y, x1 + gap / 2, y + m.body_h], "width": 0.4}
                        for _, x1 in xs[:-1]
                    ]
                if start < st["columns"][page - 1]:
                    xr = m.x1 + gap / 2
                    rules.append({"op": "line", "xy": [xr, band.top, xr, band.top + band.total], "width": 0.6})
            yb = band.top + band.total + st["body"] * 0.6
            rules.append({"op": "line", "xy": [st["margins"][0], yb, st["width"] - st["margins"][1], yb], "width": 0.6})
        drawn.append(ops + rules)
    done = maker.engine.render(path, (st["width"], st["height"]), drawn)
    if done["unfinished"]:
        raise RuntimeError(f"Prawn did not finish {done['unfinished'][:3]}")
    return done["seen"]


# ---- the producer ---------------------------------------------------------------------------------------------------
CACHE = ProducerCache("qa-newspaper-prawn", "NEWSPAPER_PRAWN_CACHE")


def _code_hash() -> str:
    """This file's and the Ruby script's hash, and Prawn's version: a change to any makes new papers."""
    source = Path(__file__).read_text(encoding="utf-8").replace(__doc__ or "", "", 1)  # docstring edits keep papers
    digest = hashlib.sha256(source.encode() + RUBY.read_bytes())
    digest.update(_prawn_version().encode())
    return digest.hexdigest()[:16]


def make_prawn_newspaper(path: Path, seed: int, pages: int = 2, columns: int | None = None) -> PrawnNewspaper:
    """Lay out a two-page paper with Prawn at ``path``; its gold as Prawn placed the pieces."""
    if pages != 2:
        raise ValueError("the Prawn producer makes two-page papers")
    path = Path(path)
    name = f"{seed}-{columns or 0}-{_code_hash()}"
    kept = CACHE.get(name, (".pdf", ".json"))
    if kept:
        shutil.copyfile(kept[0], path)
        data = json.loads(kept[1].read_text(encoding="utf-8"))
        pieces = [Piece(**p) for p in data["pieces"]]
        return PrawnNewspaper(path, "prawn", data["columns"], 2, pieces, data["jumps"], conventions=data["conventions"])
    problems: list[str] = []
    for attempt in range(4):
        st, maker = make_spec(seed, attempt, columns)
        try:
            bands = plan(st, maker)[0]
            seen = render(st, maker, bands, path)
            paper = _gold(st, maker, seen, path)
        except RuntimeError as exc:
            problems = [str(exc)]
            continue
        finally:
            maker.engine.close()
        problems = check_gold(paper)
        if not problems and paper.jumps:
            data = {
                "pieces": [p.__dict__ for p in paper.pieces],
                "jumps": paper.jumps,
                "columns": paper.columns,
                "conventions": paper.conventions,
            }
            CACHE.put(name, {".pdf": path, ".json": json.dumps(data, ensure_ascii=False).encode("utf-8")})
            return paper
        problems = problems or ["no jump printed"]
    raise RuntimeError(f"seed {seed}: no consistent paper in four attempts: {problems[:3]}")


def _gold(st: dict, maker: Maker, seen: dict[str, list[int]], path: Path) -> PrawnNewspaper:
    """The gold pieces, each on the page Prawn printed its block on (a piece Prawn never printed, or printed on two
    pages, is an error: a paragraph cut by a jump is two blocks)."""
    pieces = []
    for n, (key, role, text, continues) in enumerate(maker.css.pieces):
        if role not in GOLD_ROLES or not "".join(text.split()):
            continue
        pages = seen.get(f"e{n}", [])
        if len(pages) != 1:
            raise RuntimeError(f"Prawn printed piece e{n} on pages {pages}")
        page = pages[0]
        pieces.append(Piece(maker.headlines[key], text, page, role, continues=continues))
    pieces.sort(key=lambda p: p.page)
    by_page: dict[str, set[int]] = {}
    for p in pieces:
        if p.role == "body":
            by_page.setdefault(p.article, set()).add(p.page)
    jumps = [maker.headlines[k] for k in maker.conts if by_page.get(maker.headlines[k]) == {1, 2}]
    conventions = dict(maker.used, jumps=len(jumps), columns=list(st["columns"]))
    for name in (
        "masthead",
        "corner_side",
        "page2_head",
        "head_face",
        "head_align",
        "marker_form",
        "cont_where",
        "cont_head",
        "brief_style",
        "trad",
        "indent",
        "column_rules",
        "lead_span",
    ):
        conventions[name] = st[name]
    return PrawnNewspaper(path, "prawn", st["columns"][0], 2, pieces, jumps, conventions=conventions)


page_texts = drawn_page_texts  # each page's characters in the order Prawn wrote them (white space removed)


def check_gold(paper: Newspaper) -> list[str]:
    """Problems with the gold: the wrong number of pages, pieces whose characters are not drawn, in order, on their
    page (Prawn writes each block's lines in the order it poured them, rectangle after rectangle), or a headline (the
    article's key) whose text is not in the text layer as it reads."""
    texts = page_texts(paper)
    problems = gold_problems(paper, texts)
    if len(texts) != paper.pages:
        return problems
    printed = "".join(texts)
    for headline in dict.fromkeys(p.article for p in paper.pieces):
        if "".join(headline.split()) not in printed:
            problems.append(f"headline {headline!r} not printed as it reads")
    return problems
