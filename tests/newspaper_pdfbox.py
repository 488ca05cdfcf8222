"""Newspaper PDFs written by Apache PDFBox (Java) from lines this file breaks itself, with the gold of every piece.

A fifteenth producer (after reportlab, Chromium, WeasyPrint, Typst, LibreOffice, XeLaTeX, fpdf2, PDFKit, Scribus,
Pango/cairo, Apache FOP, wkhtmltopdf, ConTeXt and Prawn), written by an engineer who did NOT read the PDF reader's
source (qa/) nor its tests, nor the other producers' layout code: only their plumbing (the ``Newspaper``/``Piece``
gold, ``pd_article_sample``, the cache, the benchmark's registration). Its conventions, below, were fixed before
the reader first ran on these papers. The set is HELD OUT: REPORT seeds 24000+, DIAGNOSIS seeds 24500+.

**Why PDFBox, and why this is independent.** The line breaker is this file's own (a greedy CJK breaker with a
禁则 table: no closing punctuation at a line's start, no opening one at its end, Latin words and numbers kept whole,
widths from the font's own ``hmtx`` read with fontTools, optional hanging punctuation past the column's edge, lines
justified by character spacing ``Tc``); no browser, TeX, cairo, Qt, Prawn or fontkit decides a break. The PDF writer
is Apache PDFBox 2.0 (tests/NewspaperPdfbox.java: its content streams, its TrueType subsetter and Type0/Identity-H
fonts with ToUnicode maps), no other producer's; and the faces are three no other producer embeds: AR PL UMing (明体;
UMingCN, UMingTW on traditional papers), AR PL UKai (楷体) and WenQuanYi Zen Hei (黑体), all from TrueType
collections. Every line is its own text object (``BT … ET``, one per font run), placed absolutely.

Conventions (fixed before the first run; each drawn from the seed, independently, per paper unless said):

- **Page**: 600–860 pt wide, height ×1.36–1.48, margins 24–40 pt. Page 1 and page 2 each 3–6 columns (``columns=``
  fixes both), gutters 9–15 pt; body 8.6–10.4 pt 明体, leading ×1.38–1.62; paragraphs indented two characters, or
  not indented with a half-line between them. Justified lines (character spacing) or ragged right; closing
  punctuation hung past the column's edge on some papers. Thin rules between columns on some papers.
- **Masthead** (page 1): the paper's name large at the LEFT (黑体 or 楷体, 扁 or 正) with an 报眼 ear box at the right
  (date, 农历, weather, 国内统一连续出版物号, 今日8版), or CENTRED with a date/issue line under it between rules.
  Page-1 foot: 社址/电话/零售价 line. Page 2 head: a FOLIO (large page number, 版名, date, 责任编辑) over a rule, or a
  reversed BAR (white 版次·版名 on black) with the paper's name and date at the right. None of this is a piece.
- **导读** (page 1 index of page-2 stories, always): a STRIP box across the page under the masthead (label at its
  left, the entries in 2–3 columns), or a box at the top of a SIDE column (left or right, full height) with 简讯
  briefs under it. Entries name page-2 stories by their full headline: ▶headline（2版） / ·headline……第2版 /
  headline　见第二版. Not pieces.
- **Stories**: bands across the page, each cut into modules of 1..C columns. Heads are HORIZONTAL over the module
  (left or centred: 栏目 label, 引题 kicker in 楷体, headline, 副题 with or without '——', byline line) or VERTICAL
  (竖排): the headline set top-to-bottom, one character per cell, in a strip at the RIGHT (usually) or LEFT of the
  story's columns, in one or two vertical lines, a smaller vertical 副题 beside it on some. Head faces 黑体 / 楷体 /
  明体, at 长体 85 %, 正 100 % or 扁体 115 % horizontal scale. Some bands hold an L-SHAPED story: its head over its
  first columns, its body running down them and on into the columns under a shorter neighbour. Photos (a grey block
  over the body's first 1–2 columns) with a 楷体 caption (▲… / 图为…（本报记者 X 摄） / 左图：…). BOXED stories (a
  ruled frame, label 短评 / 时评 / 链接). Section labels (栏目): reversed white-on-black tag, 【label】, or none.
- **Bylines**: a line under the heads (本报记者　X / ■本报记者　X　文/图), a dateline run into the first paragraph
  (本报北京1月5日讯（记者 X）/ 新华社北京1月4日电 / 本报讯 记者X报道), a closing bracket line after the last paragraph
  (（记者　X　通讯员　Y）, flush right), or none.
- **Jumps**: page 1's lead always jumps (its module holds 40–65 % of it), and on about 40 % of papers a story in page
  1's last band too; the cut falls where the module's last column ends (mid-paragraph as a rule). The marker is a
  line of its own flush right, or run into the cut line: （下转第2版） / （下转第二版） / （转2版） / （下转2版） /
  下转第2版▶ / （转第二版）.
- **Continuations** anywhere on page 2: the TOP band, a MIDDLE band, the FOOT band, or a full-height SIDE strip;
  two continuations on a paper share a band side by side or sit in different bands. Their heads: the headline
  repeated smaller with a marker line under it; a marker line alone; the marker run into the first line of the
  text; a short head (the headline's first words, 接上文) with the marker; or a vertical head with a marker line.
  Wordings: （上接第1版） / （上接第一版） / （接1版） / （紧接第一版） / 上接第1版◀ / （上接一版）. The tail of the cut
  paragraph opens it without indent.
- **Drawing order** of the content stream: reading order; all bodies before all heads; or stories shuffled.
- **Text**: People's Daily January 1998 articles (``pd_article_sample``); kickers and subtitles borrow other
  articles' titles; paper names, dates, editors and reporters are invented. One paper in five is in traditional
  characters (OpenCC s2tw, everything, with the TW faces).

Gold: this file places every line and records, per piece id, the page it drew the lines on; PDFBox answers which
page it wrote each text object on, and a piece seen on two pages (or none) fails the paper. ``check_gold`` reads the
PDF back with pdfplumber (each piece's characters in order on its page; headlines as they read). A piece is a
paragraph's text on one page (a paragraph cut by a jump is two, the second ``continues``), a kicker, subtitle,
byline line or caption; the headline keys the article (a brief's head is its headline). Engine: Java 17 with
Debian's libpdfbox2-java 2.0.27 and the fonts (scripts/install-pdfbox.sh; a test-time tool only: nothing in ``qa``
uses it); ``pdfbox_available()`` says why not, and callers skip. The Java class is compiled once into the cache;
papers are cached by seed and the code's hash in ~/.cache/qa-newspaper-pdfbox. About 4 s a paper cold (1.3 s of it
Java and PDFBox), 8 s on a loaded machine.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import subprocess
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from tests.newspaper_pdfs import Article, Newspaper, Piece, pd_article_sample, pieces_not_on_their_pages

JAVA = Path(__file__).with_name("NewspaperPdfbox.java")
JARS = [Path("/usr/share/java/pdfbox2.jar"), Path("/usr/share/java/fontbox2.jar"),
        Path("/usr/share/java/commons-logging.jar")]  # fmt: skip
# The three faces live in a folder of this producer's own (scripts/install-pdfbox.sh unpacks them there, not into the
# system's fonts, whose defaults they would change for pdfium and Chromium); a system-wide install is used if present.
FONTS = Path(
    os.environ.get("QA_PDFBOX_FONTS")
    or Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "qa-newspaper-pdfbox-fonts"
)


def _face(relative: str) -> Path:
    private = FONTS / "usr/share/fonts/truetype" / relative
    return private if private.is_file() else Path("/usr/share/fonts/truetype") / relative


UMING = _face("arphic/uming.ttc")
UKAI = _face("arphic/ukai.ttc")
ZENHEI = _face("wqy/wqy-zenhei.ttc")
FACES = {  # key -> (file, face in the collection); "hei" is also the fallback for what a face lacks
    "ming": (UMING, "UMingCN"),
    "kai": (UKAI, "UKaiCN"),
    "ming_tw": (UMING, "UMingTW"),
    "kai_tw": (UKAI, "UKaiTW"),
    "hei": (ZENHEI, "WenQuanYiZenHei"),
}
JUMP_OUT = ("（下转第2版）", "（下转第二版）", "（转2版）", "（下转2版）", "下转第2版▶", "（转第二版）")
JUMP_IN = ("（上接第1版）", "（上接第一版）", "（接1版）", "（紧接第一版）", "上接第1版◀", "（上接一版）")
PAPERS = ("沧江日报", "太行晚报", "闽海时报", "龙城日报", "西岭商报", "洞庭早报", "渤海都市报", "雪域日报")
EDITIONS = ("要闻", "综合新闻", "经济", "社会新闻", "本地", "时政")
LABELS = ("今日关注", "要闻速递", "民生视点", "经济观察", "基层传真", "热点追踪")
BOX_LABELS = ("短评", "时评", "链接")
BRIEF_LABELS = ("简讯", "新闻速览", "一句话新闻")
NAMES = ("孙立", "郑岚", "冯涛", "何洁", "韩冰", "曹阳", "许峰", "邓宁", "彭翔", "萧雨", "蒋波", "沈卉")
CITIES = ("北京", "广州", "成都", "武汉", "西安", "南京", "沈阳", "郑州")
WEEKDAYS = "一二三四五六日"
OPENING = set("（《「『“‘〔【([")
CLOSING = set("，。、；：？！）》」』”’〕】…,.;:?!)%")
SENTENCE_END = set("。！？")
GOLD_ROLES = {"body", "kicker", "subtitle", "byline", "caption"}


@dataclass
class PdfboxNewspaper(Newspaper):
    """A paper written by PDFBox; ``conventions`` names what this paper's draw used (for the variety test)."""

    conventions: dict = field(default_factory=dict)


# ---- the engine ------------------------------------------------------------------------------------------------
def _classpath() -> str:
    return ":".join(str(p) for p in JARS)


@cache
def pdfbox_available() -> str | None:
    """None when papers can be made here, else why not (callers skip with it)."""
    if shutil.which("java") is None or shutil.which("javac") is None:
        return "Java (java and javac) is not installed (scripts/install-pdfbox.sh)"
    missing = [str(p) for p in [*JARS, UMING, UKAI, ZENHEI] if not p.is_file()]
    if missing:
        return f"missing: {', '.join(missing)} (scripts/install-pdfbox.sh installs libpdfbox2-java and the fonts)"
    return None


CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "qa-newspaper-pdfbox"


def _compiled() -> Path:
    """The Java writer compiled once per source version (a folder of classes in the cache)."""
    digest = hashlib.sha256(JAVA.read_bytes()).hexdigest()[:12]
    out = CACHE / f"classes-{digest}"
    if not (out / "NewspaperPdfbox.class").is_file():
        tmp = CACHE / f"classes-{digest}-{os.getpid()}"
        tmp.mkdir(parents=True, exist_ok=True)
        subprocess.run(["javac", "-cp", _classpath(), "-d", str(tmp), str(JAVA)], check=True, capture_output=True)
        try:
            tmp.rename(out)
        except OSError:  # another process compiled it first
            shutil.rmtree(tmp, ignore_errors=True)
    return out


def write_pdf(path: Path, commands: list[str]) -> dict[str, set[int]]:
    """Have PDFBox write ``commands`` (see tests/NewspaperPdfbox.java) to ``path``; the pages it wrote each id on."""
    done = subprocess.run(
        ["java", "-Xss8m", "-cp", f"{_compiled()}:{_classpath()}", "NewspaperPdfbox", str(path)],
        input="\n".join(commands) + "\n",
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )
    if done.returncode != 0 or "DONE" not in done.stdout:
        raise RuntimeError(f"PDFBox failed: {done.stderr[-800:]}")
    seen: dict[str, set[int]] = {}
    for line in done.stdout.splitlines():
        parts = line.split("\t")
        if parts[0] == "SEEN":
            seen.setdefault(parts[1], set()).add(int(parts[2]))
    return seen


# ---- metrics ---------------------------------------------------------------------------------------------------
@cache
def _advances(face: str) -> dict[str, float]:
    """Each character's advance in 1/1000 em in ``face`` (from its cmap and hmtx): the widths PDFBox will write."""
    from fontTools.ttLib import TTCollection

    file, name = FACES[face]
    collection = TTCollection(str(file), lazy=True)
    font = next(f for f in collection.fonts if f["name"].getDebugName(6) == name)
    scale = 1000.0 / font["head"].unitsPerEm
    hmtx = font["hmtx"].metrics
    return {chr(cp): hmtx[g][0] * scale for cp, g in font.getBestCmap().items() if g in hmtx and hmtx[g][0] > 0}


def face_of(ch: str, face: str) -> str:
    return face if ch in _advances(face) else "hei"


def printable(text: str) -> str:
    """``text`` without the characters none of the paper's faces can draw (the gold is what is printed)."""
    hei = _advances("hei")
    return "".join(c for c in text if c in hei or c == " ")


def advance(ch: str, face: str, size: float, hscale: float = 100.0) -> float:
    table = _advances(face_of(ch, face))
    return table.get(ch, 500.0) * size / 1000.0 * hscale / 100.0


def width(text: str, face: str, size: float, hscale: float = 100.0) -> float:
    return sum(advance(c, face, size, hscale) for c in text)


def _tokens(text: str, start: int) -> tuple[int, bool]:
    """The end of the unbreakable token at ``start`` (a Latin word or number is one) and whether it is Latin."""
    end = start
    while end < len(text) and (text[end].isascii() and (text[end].isalnum() or text[end] in ".-%/")):
        end += 1
    return (end, True) if end > start else (start + 1, False)


def next_line(text: str, start: int, room: float, face: str, size: float, hanging: bool) -> tuple[int, float]:
    """Where the line that starts at ``start`` ends (exclusive) in ``room`` points, and its natural width: greedy,
    with the 禁则 (no closing mark starts a line: one hangs past the edge on papers that hang punctuation, else the
    line gives up characters until the next line starts clean; no opening mark ends a line), a Latin word or number
    kept whole unless it is longer than the line."""
    at, used, breaks = start, 0.0, [start]
    while at < len(text):
        end, latin = _tokens(text, at)
        w = width(text[at:end], face, size)
        if used + w > room + 0.01:
            if latin and at == start:  # a word longer than the line: split it by character
                while at < end and used + advance(text[at], face, size) <= room + 0.01:
                    used += advance(text[at], face, size)
                    at += 1
                return max(at, start + 1), used
            break
        used += w
        at = end
        breaks.append(at)
    if at >= len(text):
        return at, used
    if text[at] in CLOSING and hanging and (at + 1 >= len(text) or text[at + 1] not in CLOSING):
        return at + 1, used + advance(text[at], face, size)
    ok = [b for b in breaks[1:] if b >= len(text) or (text[b] not in CLOSING and text[b - 1] not in OPENING)]
    at = ok[-1] if ok else at
    return at, width(text[start:at], face, size)


# ---- flowing text through columns ---------------------------------------------------------------------------------
@dataclass
class Item:
    """Something poured through a story's columns: a paragraph, or a one-line item (a byline or marker line)."""

    text: str
    pid: str
    face: str = "ming"
    size: float = 9.5
    lead: float = 14.0
    indent: float = 0.0
    align: str = "justify"  # justify | left | right | centre
    gap: float = 0.0  # after the item
    single: bool = False  # one line, never broken
    hscale: float = 100.0
    role: str = "body"  # the gold role ("head" and "furn" are not pieces)
    continues: bool = False


@dataclass
class Col:
    x0: float
    x1: float
    top: float
    bottom: float


@dataclass
class Placed:
    x: float
    y: float  # baseline, from the page's top
    text: str
    pid: str
    face: str
    size: float
    tc: float = 0.0
    hscale: float = 100.0
    gray: float = 0.0
    item: int = -1  # the poured item this line belongs to, and its characters [start, end)
    start: int = 0
    end: int = 0


def pour(items: list[Item], cols: list[Col], hanging: bool, justify: bool) -> tuple[list[Placed], tuple[int, int]]:
    """Lines of ``items`` down ``cols`` one after the other; returns the lines and where the flow stopped
    (item index, character) — ``(len(items), 0)`` when everything went in."""
    out: list[Placed] = []
    c, y = 0, cols[0].top if cols else 0.0
    for n, item in enumerate(items):
        pos = 0
        while pos < len(item.text):
            while c < len(cols) and y + item.lead > cols[c].bottom + 0.01:
                c += 1
                y = cols[c].top if c < len(cols) else 0.0
            if c >= len(cols):
                return out, (n, pos)
            col = cols[c]
            room = col.x1 - col.x0
            indent = item.indent if pos == 0 else 0.0
            squeeze = item.hscale / 100.0
            if item.single:
                end, natural = len(item.text), width(item.text, item.face, item.size)
            else:
                end, natural = next_line(item.text, pos, (room - indent) / squeeze, item.face, item.size, hanging)
            natural *= squeeze
            text = item.text[pos:end]
            x, tc = col.x0 + indent, 0.0
            last = end >= len(item.text)
            if item.align == "right":
                x = col.x1 - natural
            elif item.align == "centre":
                x = col.x0 + (room - natural) / 2
            elif item.align == "justify" and justify and not last and len(text) > 1:
                target = room - indent
                if text[-1] in CLOSING and natural > target:
                    target += advance(text[-1], item.face, item.size)
                tc = (target - natural) / (len(text) - 1)
                if tc > item.size * 0.6 or tc < -item.size * 0.3:
                    tc = 0.0
            base = y + item.size * 0.88 + (item.lead - item.size) / 2
            out.append(
                Placed(x, base, text, item.pid, item.face, item.size, tc, item.hscale, item=n, start=pos, end=end)
            )
            y += item.lead
            pos = end
        y += item.gap
    return out, (len(items), 0)


def draw_text(p: Placed, height: float) -> list[str]:
    """TEXT commands for one placed line, split where the face lacks a character (the 黑体 fallback)."""
    out, x, run, run_face = [], p.x, "", None
    segments: list[tuple[str, str, float]] = []
    for ch in p.text:
        f = face_of(ch, p.face)
        if f != run_face and run:
            segments.append((run_face, run, x))
            x += sum(advance(c, run_face, p.size, p.hscale) + p.tc for c in run)
            run = ""
        run_face = f
        run += ch
    if run:
        segments.append((run_face, run, x))
    for face, text, x0 in segments:
        if not text.strip():
            continue
        out.append(
            f"TEXT\t{p.pid}\t{face}\t{p.size:.2f}\t{x0:.2f}\t{height - p.y:.2f}\t{p.hscale:.0f}\t{p.tc:.3f}"
            f"\t{p.gray:.2f}\t{text}"
        )
    return out


# ---- the paper's drawn conventions -----------------------------------------------------------------------------
def draw_style(rng: random.Random, columns: int | None) -> dict:
    """Every convention of one paper, drawn from its seed (the docstring lists them)."""
    page_w = rng.uniform(600, 860)
    body = rng.uniform(8.6, 10.4)
    return {
        "size": (round(page_w, 1), round(page_w * rng.uniform(1.36, 1.48), 1)),
        "margin": rng.uniform(24, 40),
        "columns": (columns or rng.randint(3, 6), columns or rng.randint(3, 6)),
        "gutter": rng.uniform(9, 15),
        "body": body,
        "lead": body * rng.uniform(1.38, 1.62),
        "indent": rng.random() < 0.7,
        "justify": rng.random() < 0.65,
        "hanging": rng.random() < 0.4,
        "column_rules": rng.random() < 0.4,
        "masthead": rng.choice(("left", "centre")),
        "index": rng.choice(("strip", "side")),
        "side_at": rng.choice(("left", "right")),
        "index_form": rng.randrange(3),
        "page2_head": rng.choice(("folio", "bar")),
        "vertical_lead": rng.random() < 0.35,
        "vertical_rate": rng.uniform(0.1, 0.4),
        "l_rate": rng.uniform(0.2, 0.5),
        "head_face": rng.choice(("hei", "kai", "ming")),
        "head_scale": rng.choice((85.0, 100.0, 115.0)),
        "head_align": rng.choice(("left", "centre")),
        "label_form": rng.choice(("reversed", "bracket", "none")),
        "byline_forms": rng.sample(("line", "signed", "dateline", "closing", "none"), rng.randint(2, 4)),
        "photo_rate": rng.uniform(0.15, 0.5),
        "box_rate": rng.uniform(0.05, 0.25),
        "kicker_rate": rng.uniform(0.1, 0.5),
        "subtitle_rate": rng.uniform(0.15, 0.5),
        "marker_form": rng.choice(("line", "runin")),
        "jump_out": rng.choice(JUMP_OUT),
        "jump_in": rng.choice(JUMP_IN),
        "cont_head": rng.choice(("head_marker", "marker", "runin", "short", "vertical")),
        "cont_where": rng.choice(("top", "middle", "foot", "side")),
        "second_jump": rng.random() < 0.4,
        "conts_together": rng.random() < 0.5,
        "draw_order": rng.choice(("reading", "heads_last", "shuffled")),
        "trad": rng.random() < 0.2,
        "paper": rng.choice(PAPERS),
        "day": rng.randint(1, 28),
    }


def _converter(trad: bool):  # noqa: ANN202 - str -> str
    if not trad:
        return lambda s: s
    import opencc

    return opencc.OpenCC("s2tw").convert


@dataclass
class Story:
    key: str  # the headline as printed: the gold article
    paras: list[str]
    kicker: str | None = None
    subtitle: str | None = None
    byline: str | None = None  # a byline line (line / signed forms)
    closing: str | None = None  # a closing bracket line
    label: str | None = None
    vertical: str = ""  # "" (horizontal heads), "right" or "left"
    photo: str | None = None  # the caption
    boxed: str | None = None  # the box's label


class Maker:
    """Plans and sets one paper: every line placed, every piece recorded with the page it is drawn on."""

    def __init__(self, seed: int, attempt: int, columns: int | None) -> None:
        self.rng = random.Random(seed * 7 + attempt)
        self.st = draw_style(self.rng, columns)
        self.conv = _converter(self.st["trad"])
        self.W, self.H = self.st["size"]
        self.body_face = "ming_tw" if self.st["trad"] else "ming"
        self.kai = "kai_tw" if self.st["trad"] else "kai"
        self.blocks: dict[int, list[tuple[int, str, list[str]]]] = {1: [], 2: []}  # page -> (story, kind, commands)
        self.pieces: dict[str, tuple[str, str, str, bool]] = {}  # pid -> (article, role, text, continues)
        self.page_of: dict[str, int] = {}
        self.n = 0
        self.used: dict[str, int] = {}
        self.jumps: list[str] = []
        arts = [a for a in pd_article_sample(self.rng, 120) if a.paragraphs]
        self.arts: list[Article] = []
        seen: set[str] = set()
        for a in arts:
            title = printable(self.conv(a.headline)).strip()
            paras = [printable(self.conv(p)).strip() for p in a.paragraphs]
            paras = [p for p in paras if len(p) > 4]
            if len(title) < 4 or title in seen or not paras:
                continue
            seen.add(title)
            names = [self.conv(n) for n in (a.byline or "").split("　") if n] or self.rng.sample(NAMES, 2)
            self.arts.append(Article(title, paras, byline="　".join(names[:2])))
        self.spare = [a.headline for a in self.arts[-20:]]
        self.arts = self.arts[:-20]
        if len(self.arts) < 30:
            raise RuntimeError("too few articles")

    # -- small helpers --
    def count(self, what: str) -> None:
        self.used[what] = self.used.get(what, 0) + 1

    def pid(self, page: int, key: str, role: str, text: str, continues: bool = False) -> str:
        self.n += 1
        pid = f"e{self.n}"
        if role in GOLD_ROLES:
            self.pieces[pid] = (key, role, text, continues)
            self.page_of[pid] = page
        return pid

    def furn(self, page: int, cmds: list[str], story: int = -1) -> None:
        self.blocks[page].append((story, "furn", cmds))

    def text(self, page: int, p: Placed) -> list[str]:
        return draw_text(p, self.H)

    def line(self, x0: float, y0: float, x1: float, y1: float, w: float = 0.5, gray: float = 0.0) -> str:
        return f"LINE\t{x0:.2f}\t{self.H - y0:.2f}\t{x1:.2f}\t{self.H - y1:.2f}\t{w:.2f}\t{gray:.2f}"

    def box(self, x: float, top: float, w: float, h: float, fill: float = -1, stroke: float = 0.0) -> str:
        return f"BOX\t{x:.2f}\t{self.H - top - h:.2f}\t{w:.2f}\t{h:.2f}\t{fill:.2f}\t{stroke:.2f}"

    def grid(self, c: int) -> list[tuple[float, float]]:
        m, g = self.st["margin"], self.st["gutter"]
        w = (self.W - 2 * m - (c - 1) * g) / c
        return [(m + i * (w + g), m + i * (w + g) + w) for i in range(c)]

    def cols_in(self, x0: float, x1: float, k: int, top: float, bottom: float) -> list[Col]:
        g = self.st["gutter"]
        w = (x1 - x0 - (k - 1) * g) / k
        return [Col(x0 + i * (w + g), x0 + i * (w + g) + w, top, bottom) for i in range(k)]

    def next_art(self, longest: bool = False) -> Article:
        if not self.arts:
            raise RuntimeError("ran out of articles")
        if longest:
            n = max(range(min(12, len(self.arts))), key=lambda i: sum(map(len, self.arts[i].paragraphs)))
            return self.arts.pop(n)
        return self.arts.pop(0)

    def body_item(self, text: str, pid: str, first: bool = True) -> Item:
        st = self.st
        indent = 2 * st["body"] if st["indent"] and first else 0.0
        gap = 0.0 if st["indent"] else st["lead"] * 0.5
        return Item(text, pid, self.body_face, st["body"], st["lead"], indent, "justify", gap)

    def story(self, art: Article, allow_vertical: bool = True, lead: bool = False) -> Story:
        """A story's furniture drawn from the paper's rates: kicker, subtitle, byline form, label, photo, box."""
        st, rng = self.st, self.rng
        s = Story(art.headline, list(art.paragraphs))
        names = (art.byline or "").split("　")
        form = rng.choice(st["byline_forms"])
        if form == "line":
            s.byline = self.conv(f"本报记者　{names[0]}")
        elif form == "signed":
            s.byline = self.conv(f"■本报记者　{'　'.join(names)}　文/图")
        elif form == "closing":
            extra = f"　通讯员　{rng.choice(NAMES)}" if rng.random() < 0.5 else ""
            s.closing = self.conv(f"（记者　{names[0]}{extra}）")
        elif form == "dateline":
            city = rng.choice(CITIES)
            lead_in = rng.choice(
                (
                    f"本报{city}1月{st['day']}日讯（记者 {names[0]}）",
                    f"新华社{city}1月{st['day'] - 1 or 1}日电　",
                    f"本报讯 记者{names[0]}报道　",
                )  # fmt: skip
            )
            s.paras[0] = self.conv(lead_in) + s.paras[0]
        self.count(f"byline:{form}")
        if self.spare and rng.random() < st["kicker_rate"]:
            s.kicker = self.spare.pop()
        if self.spare and rng.random() < st["subtitle_rate"]:
            s.subtitle = ("——" if rng.random() < 0.5 else "") + self.spare.pop()
        if st["label_form"] != "none" and rng.random() < 0.3:
            s.label = self.conv(rng.choice(LABELS))
        vertical_rate = 1.0 if lead and st["vertical_lead"] else (0.0 if lead else st["vertical_rate"])
        if allow_vertical and len(s.key) <= 24 and rng.random() < vertical_rate:
            s.vertical = "right" if rng.random() < 0.75 else "left"
            s.kicker = None
            self.count("vertical")
        if rng.random() < st["photo_rate"] or (lead and rng.random() < 0.5):
            s.photo = self.conv(
                rng.choice(
                    (
                        f"▲{s.key[:12]}现场。",
                        f"图为{s.key[:10]}的情景。（本报记者　{rng.choice(NAMES)}　摄）",
                        f"左图：{s.key[:14]}。新华社发",
                    )  # fmt: skip
                )
            )
        if not lead and rng.random() < st["box_rate"]:
            s.boxed = self.conv(rng.choice(BOX_LABELS))
        return s

    # -- one story in one module --
    def item(
        self, text: str, role: str, face: str, size: float, lead: float, align: str = "left", **kw: object
    ) -> Item:
        self.n += 1
        return Item(text, f"e{self.n}", face, size, lead, align=align, role=role, **kw)  # type: ignore[arg-type]

    def record(self, page: int, key: str, item: Item, text: str | None = None) -> None:
        if item.role in GOLD_ROLES:
            self.pieces[item.pid] = (key, item.role, item.text if text is None else text, item.continues)
            self.page_of[item.pid] = page

    def head_size(self, lead: bool) -> float:
        body = self.st["body"]
        return body * (self.rng.uniform(2.5, 3.3) if lead else self.rng.uniform(1.5, 2.2))

    def vertical_head(self, s: Story, vs: float, top: float, bottom: float) -> tuple[int, float] | None:
        """Vertical lines and the strip's width for the headline at ``vs`` in ``bottom - top``, or None."""
        per = int((bottom - top) / (vs * 1.06))
        if per < 3:
            return None
        lines = -(-len(s.key) // per)
        if lines > 2:
            return None
        sub = vs * 0.5 * 1.4 if s.subtitle else 0.0
        return lines, lines * vs * 1.2 + sub + self.st["gutter"] * 0.6

    def set_story(
        self,
        page: int,
        sid: int,
        s: Story,
        box: tuple[float, float, float, float],
        k: int,
        *,
        lead: bool = False,
        jump: bool = False,
        items: list[Item] | None = None,
        cont: str | None = None,
        ext: list[Col] | None = None,
        balance: bool = True,
    ) -> tuple[float, list[Item] | None]:
        """Set ``s`` in the module ``box`` (x0, top, x1, bottom) over ``k`` columns (plus ``ext``, an L's foot);
        returns the module's used bottom and, for a jump, the items left for page 2."""
        st, rng = self.st, self.rng
        x0, top, x1, bottom = box
        body, blead = st["body"], st["lead"]
        heads: list[Placed] = []
        furn: list[str] = []
        recorded: list[Item] = []
        pad = 6.0 if s.boxed else 0.0
        ix0, ix1, y = x0 + pad, x1 - pad, top + pad
        hs = body * 1.55 if cont else self.head_size(lead)
        face = st["head_face"] if st["head_face"] != "ming" else self.body_face
        if face == "kai":
            face = self.kai
        marker = self.conv(st["jump_in"]) if cont else ""
        flow: list[Item] = []
        vertical = s.vertical if (not cont or cont == "vertical") else ""
        vert = None
        if vertical:
            vs = hs
            while vert is None and vs >= body * 1.3:
                vert = self.vertical_head(s, vs, y, bottom - pad)
                if vert is None:
                    vs *= 0.88
            if vert is None:
                vertical = ""
        tag = s.boxed or (s.label if not cont else None)
        if tag:
            lsz = body * 1.05
            if st["label_form"] == "bracket" and not s.boxed:
                heads.append(Placed(ix0, y + lsz, f"【{tag}】", "f", "hei", lsz))
            else:
                w = width(tag, "hei", lsz) + 8
                furn.append(self.box(ix0, y, w, lsz + 5, fill=0.0))
                heads.append(Placed(ix0 + 4, y + lsz + 0.5, tag, "f", "hei", lsz, gray=1.0))
            y += lsz + 9
        align = "centre" if st["head_align"] == "centre" else "left"
        if not vertical:
            hitems: list[Item] = []
            if cont in ("marker", "runin"):
                pass  # no head: a marker line, or the marker run into the text
            elif cont == "short":
                short = s.key[: max(4, len(s.key) // 2)]
                hitems.append(self.item(f"{short}　{marker}", "head", "hei", hs, hs * 1.3, single=True))
            else:
                if s.kicker and not cont:
                    hitems.append(self.item(s.kicker, "kicker", self.kai, hs * 0.45, hs * 0.62, align))
                size = hs
                while True:
                    head = self.item(s.key, "head", face, size, size * 1.25, align, hscale=st["head_scale"])
                    lines, _ = pour([head], [Col(ix0, ix1, 0, 1e9)], False, False)
                    if len(lines) <= 2 or size < body * 1.3:
                        break
                    size *= 0.9
                hitems.append(head)
                if s.subtitle and not cont:
                    sface = self.kai if rng.random() < 0.5 else self.body_face
                    hitems.append(self.item(s.subtitle, "subtitle", sface, hs * 0.5, hs * 0.7, align))
                if cont == "head_marker":
                    hitems.append(self.item(marker, "furn", self.body_face, body, blead, "right", single=True))
                if s.byline and not cont:
                    hitems.append(self.item(s.byline, "byline", self.kai, body * 0.95, blead, "left"))
            if hitems:
                lines, _ = pour(hitems, [Col(ix0, ix1, y, 1e9)], False, False)
                heads += lines
                y = max(p.y for p in lines) + body * 1.0
                recorded += hitems
            bx0, bx1 = ix0, ix1
        else:
            n_lines, sw = vert
            per = int((bottom - pad - y) / (vs * 1.06))
            right = ix1 if vertical == "right" else ix0 + sw - st["gutter"] * 0.6
            head = self.item(s.key, "head", face, vs, vs)
            for j in range(n_lines):
                cx = right - vs * 1.2 * j - vs * 0.6
                for i, ch in enumerate(s.key[j * per : (j + 1) * per]):
                    a = advance(ch, face, vs)
                    heads.append(Placed(cx - a / 2, y + (i + 1) * vs * 1.06 - vs * 0.16, ch, head.pid, face, vs))
            end_y = y + min(per, len(s.key)) * vs * 1.06
            if s.subtitle and not cont:
                ss = vs * 0.5
                sub = self.item(s.subtitle, "subtitle", self.kai, ss, ss)
                cx = right - vs * 1.2 * n_lines - ss * 0.7
                sper = int((bottom - pad - y) / (ss * 1.08))
                for i, ch in enumerate(s.subtitle[:sper]):
                    a = advance(ch, self.kai, ss)
                    heads.append(Placed(cx - a / 2, y + (i + 1) * ss * 1.08 - ss * 0.16, ch, sub.pid, self.kai, ss))
                sub.text = s.subtitle[:sper]
                recorded.append(sub)
                end_y = max(end_y, y + min(sper, len(s.subtitle)) * ss * 1.08)
            bx0, bx1 = (ix0, ix1 - sw) if vertical == "right" else (ix0 + sw, ix1)
            if cont:
                flow.append(self.item(marker, "furn", self.body_face, body, blead, "left", single=True))
            elif s.byline:
                flow.append(self.item(s.byline, "byline", self.kai, body * 0.95, blead, "left", gap=body * 0.3))
            bottom = max(bottom, end_y + pad) if not jump else bottom
            min_bottom = end_y + pad
        if cont == "marker":
            flow.append(self.item(marker, "furn", self.body_face, body, blead, "left", single=True))
        cols = self.cols_in(bx0, bx1, k, y, bottom - pad)
        if s.photo and not cont and (k >= 2 or rng.random() < 0.4):
            n = 1 if k <= 2 else rng.choice((1, 2))
            pw = cols[n - 1].x1 - cols[0].x0
            ph = pw * rng.uniform(0.5, 0.7)
            cap = self.item(s.photo, "caption", self.kai, body * 0.9, body * 1.3, "left")
            clines, _ = pour([cap], [Col(cols[0].x0, cols[n - 1].x1, y + ph + 3, 1e9)], False, False)
            ctop = max(p.y for p in clines) + body
            if ctop < bottom - pad - 4 * blead:
                furn.append(self.box(cols[0].x0, y, pw, ph, fill=0.78))
                heads += clines
                recorded.append(cap)
                for c in cols[:n]:
                    c.top = ctop
                self.count("photo")
        cols += ext or []
        if items is None:
            items = [self.body_item(p, self.pid(page, s.key, "none", p)) for p in s.paras]
            for it in items:
                it.role = "body"
            if s.closing:
                items.append(self.item(s.closing, "byline", self.body_face, body, blead, "right", single=True))
        elif cont == "runin":
            mw = width(marker, self.body_face, body) + body * 0.3
            items[0].indent = mw
        flow += items
        remainder = None
        if jump:
            if st["marker_form"] == "line":
                cols[-1].bottom -= blead
            lines, stop = pour(flow, cols, st["hanging"], st["justify"])
            if stop[0] >= len(flow) or stop[0] < len(flow) - len(items):
                raise RuntimeError("the jumping story fits its module")
            mark = self.conv(st["jump_out"])
            mw = width(mark, self.body_face, body)
            last = lines[-1]
            col = next(c for c in cols if c.x0 - 0.5 <= last.x <= c.x1 + 0.5)
            if flow[last.item].single:
                raise RuntimeError("the jump cut falls on a one-line item")
            if st["marker_form"] == "line":
                col = cols[-1]
                my = col.bottom + body * 0.88 + (blead - body) / 2
                heads.append(Placed(col.x1 - mw, my, mark, "f", self.body_face, body))
            else:
                text = last.text
                while len(text) > 1 and last.x - col.x0 + width(text, last.face, last.size) + mw > col.x1 - col.x0:
                    text = text[:-1]
                last.text, last.tc = text, 0.0
                stop = (last.item, last.start + len(text))
                heads.append(Placed(col.x1 - mw, last.y, mark, "f", self.body_face, body))
            n, pos = stop
            if pos >= len(flow[n].text):
                n, pos = n + 1, 0
            kept = flow[:n] + ([flow[n]] if pos > 0 else [])
            for it in kept[:-1] if pos > 0 else kept:
                self.record(page, s.key, it)
            if pos > 0:
                self.record(page, s.key, flow[n], flow[n].text[:pos])
            remainder = []
            if n < len(flow):
                first = flow[n]
                rest = self.body_item(first.text[pos:], first.pid + "c", first=pos == 0)
                rest.continues = pos > 0
                rest.role = first.role
                if first.single:
                    rest = first
                remainder = [rest] + flow[n + 1 :]
            used = max(c.bottom for c in cols) + (blead if st["marker_form"] == "line" else 0.0)
        else:
            lines, stop = pour(flow, cols, st["hanging"], st["justify"])
            if stop[0] < len(flow):
                n, pos = stop
                keep = flow[:n]
                cut = flow[n]
                if not cut.single and cut.role == "body":
                    text = cut.text[:pos]
                    ends = [i for i, ch in enumerate(text) if ch in SENTENCE_END]
                    if ends and ends[-1] >= 10:
                        cut.text = cut.text[: ends[-1] + 1]
                        keep.append(cut)
                if not any(it.role == "body" for it in keep):
                    raise RuntimeError("a module too small for its story")
                flow = keep
                lines, stop = pour(flow, cols, st["hanging"], st["justify"])
                assert stop[0] >= len(flow)
            elif balance and not ext:
                lo = max(c.top for c in cols) + blead
                if vertical:
                    lo = max(lo, min_bottom - pad)
                hi = cols[0].bottom
                for _ in range(14):
                    mid = (lo + hi) / 2
                    for c in cols:
                        c.bottom = mid
                    if pour(flow, cols, st["hanging"], st["justify"])[1][0] >= len(flow):
                        hi = mid
                    else:
                        lo = mid
                for c in cols:
                    c.bottom = hi
                lines, stop = pour(flow, cols, st["hanging"], st["justify"])
            if cont == "runin":
                first = next(p for p in lines if p.pid == items[0].pid)
                heads.append(Placed(first.x - items[0].indent, first.y, marker, "f", self.body_face, body))
            for it in flow:
                self.record(page, s.key, it)
            used = max([p.y + body * 0.3 for p in lines] + [c.top for c in cols]) + pad
            if vertical:
                used = max(used, min_bottom)
        for it in recorded:
            self.record(page, s.key, it)
        if s.boxed:
            furn.append(self.box(x0, top, x1 - x0, used - top, stroke=0.8))
        if st["column_rules"]:
            for a, b in zip(cols[:k], cols[1:k], strict=False):
                xm = (a.x1 + b.x0) / 2
                furn.append(self.line(xm, max(a.top, b.top), xm, used - pad, 0.3))
        head_cmds = [c for p in heads for c in self.text(page, p)]
        body_cmds = [c for p in lines for c in self.text(page, p)]
        self.blocks[page].append((sid, "furn", furn))  # first: a label's ground and a photo lie under text
        self.blocks[page].append((sid, "head", head_cmds))
        self.blocks[page].append((sid, "body", body_cmds))
        return used, remainder

    # -- briefs, index, furniture --
    def set_briefs(self, page: int, sid: int, x0: float, x1: float, top: float, bottom: float) -> float:
        """A 简讯 column: a reversed label, then briefs (a 黑体 head line and one paragraph each) while they fit."""
        st = self.st
        body, blead = st["body"], st["lead"]
        label = self.conv(self.rng.choice(BRIEF_LABELS))
        furn = [self.box(x0, top, x1 - x0, body * 1.2 + 6, fill=0.0)]
        heads = [Placed(x0 + 4, top + body * 1.2 + 1, label, "f", "hei", body * 1.2, gray=1.0)]
        y = top + body * 1.2 + 12
        briefs: list[tuple[str, list[Item]]] = []
        for _ in range(8):
            if not self.arts:
                break
            art = self.next_art()
            text = art.paragraphs[0]
            if len(text) > 120:
                ends = [i for i, ch in enumerate(text[:120]) if ch in SENTENCE_END]
                if not ends or ends[-1] < 20:
                    continue
                text = text[: ends[-1] + 1]
            title = self.item(art.headline, "head", "hei", body, blead, "left")
            para = self.item(text, "body", self.body_face, body, blead, "justify", gap=body * 0.6)
            briefs.append((art.headline, [title, para]))
        col = [Col(x0, x1, y, bottom)]
        while briefs:
            flow = [it for _, its in briefs for it in its]
            lines, stop = pour(flow, col, st["hanging"], st["justify"])
            if stop[0] >= len(flow):
                break
            briefs = briefs[: stop[0] // 2]
        if not briefs:
            return top
        for key, its in briefs:
            for it in its:
                self.record(page, key, it)
        self.count("briefs")
        self.blocks[page] += [(sid, "furn", furn), (sid, "head", [c for p in heads for c in self.text(page, p)])]
        self.blocks[page].append((sid, "body", [c for p in lines for c in self.text(page, p)]))
        return max(p.y for p in lines) + body * 0.4

    def index_entries(self, titles: list[str]) -> list[str]:
        form = self.st["index_form"]
        if form == 0:
            return [self.conv(f"▶{t}（2版）") for t in titles]
        if form == 1:
            return [self.conv(f"·{t}……第2版") for t in titles]
        return [f"{t}　{self.conv('见第二版')}" for t in titles]

    def set_index(self, x0: float, x1: float, top: float, titles: list[str], strip: bool) -> float:
        """The 导读 box (page 1): a reversed label and the page-2 stories' headlines; furniture, not pieces."""
        body = self.st["body"]
        label = self.conv("导读")
        lsz = body * 1.3
        entries = self.index_entries(titles)
        cmds: list[str] = []
        if strip:
            lw = lsz * 1.2 + 8
            cmds.append(self.box(x0, top, lw, lsz * 2.6, fill=0.0))
            for i, ch in enumerate(label):
                p = Placed(x0 + 4, top + lsz * (1.1 + 1.2 * i), ch, "f", "hei", lsz, gray=1.0)
                cmds += self.text(1, p)
            m = 2 if len(entries) <= 2 or x1 - x0 < 650 else 3
            cols = self.cols_in(x0 + lw + 8, x1 - 4, m, top + 4, 1e9)
            bottom = top + lsz * 2.6
            for n, e in enumerate(entries):
                c = cols[n % m]
                y = c.top + (n // m) * body * 1.5 * 2
                lines, _ = pour([Item(e, "f", "hei", body, body * 1.5, align="left")], [Col(c.x0, c.x1, y, 1e9)],
                                False, False)  # fmt: skip
                cmds += [x for p in lines for x in self.text(1, p)]
                bottom = max(bottom, max(p.y for p in lines) + body * 0.6)
            cmds.append(self.box(x0, top, x1 - x0, bottom - top, stroke=0.8))
        else:
            cmds.append(self.box(x0, top, x1 - x0, lsz + 8, fill=0.0))
            cmds += self.text(1, Placed(x0 + 5, top + lsz + 2, label, "f", "hei", lsz, gray=1.0))
            flow = [Item(e, "f", "hei", body, body * 1.45, align="left", gap=body * 0.3) for e in entries]
            lines, _ = pour(flow, [Col(x0 + 4, x1 - 4, top + lsz + 12, 1e9)], False, False)
            cmds += [x for p in lines for x in self.text(1, p)]
            bottom = max(p.y for p in lines) + body * 0.8
            cmds.append(self.box(x0, top, x1 - x0, bottom - top, stroke=0.8))
        self.furn(1, cmds)
        self.count(f"index:{'strip' if strip else 'side'}")
        return bottom + body

    def masthead(self) -> float:
        st, rng = self.st, self.rng
        m, W = st["margin"], self.W
        name = self.conv(st["paper"])
        day = st["day"]
        weekday = WEEKDAYS[(day + 2) % 7]
        date = self.conv(f"2026年1月{day}日　星期{weekday}")
        size = rng.uniform(40, 56)
        face = rng.choice(("hei", self.kai))
        hscale = rng.choice((100.0, 118.0))
        cmds: list[str] = []
        if st["masthead"] == "left":
            cmds += self.text(1, Placed(m, m + size, name, "f", face, size, hscale=hscale))
            ear = [date, self.conv(f"农历丙午年冬月{rng.choice(('初八', '十五', '廿二'))}"),
                   self.conv(f"今日8版　第{rng.randint(10000, 29999)}号"),
                   self.conv(f"国内统一连续出版物号 CN{rng.randint(11, 65)}-{rng.randint(1, 99):04d}"),
                   self.conv(f"天气：{rng.choice(('晴', '多云', '小雨转阴'))}")]  # fmt: skip
            ew = max(width(e, "hei", 8) for e in ear) + 12
            ex = W - m - ew
            cmds.append(self.box(ex, m, ew, len(ear) * 11 + 8, stroke=0.6))
            for i, e in enumerate(ear):
                cmds += self.text(1, Placed(ex + 6, m + 14 + i * 11, e, "f", "hei", 8))
            y = m + max(size * 1.25, len(ear) * 11 + 8) + 4
        else:
            nw = width(name, face, size, hscale)
            cmds += self.text(1, Placed((W - nw) / 2, m + size, name, "f", face, size, hscale=hscale))
            y = m + size * 1.25
            cmds.append(self.line(m, y, W - m, y, 0.6))
            line = f"{date}　{self.conv(f'第{rng.randint(10000, 29999)}号　今日8版')}"
            cmds += self.text(1, Placed(m, y + 12, line, "f", self.body_face, 8.5))
            y += 16
        cmds.append(self.line(m, y, W - m, y, 2.0))
        self.furn(1, cmds)
        self.count(f"masthead:{st['masthead']}")
        return y + 8

    def page_foot(self, page: int) -> float:
        st = self.st
        m = st["margin"]
        y = self.H - m
        if page == 1:
            text = self.conv(f"社址：{self.rng.choice(CITIES)}市新华路{self.rng.randint(1, 300)}号　"
                             "邮编：100000　广告热线：12345678　零售价：1.50元")  # fmt: skip
        else:
            text = self.conv(f"本版责任编辑：{self.rng.choice(NAMES)}　美术编辑：{self.rng.choice(NAMES)}")
        cmds = [self.line(m, y - 11, self.W - m, y - 11, 0.5)]
        cmds += self.text(page, Placed(m, y - 2, text, "f", self.body_face, 7.5))
        self.furn(page, cmds)
        return y - 16

    def page2_head(self) -> float:
        st, rng = self.st, self.rng
        m, W = st["margin"], self.W
        edition = self.conv(rng.choice(EDITIONS))
        date = self.conv(f"2026年1月{st['day']}日　星期{WEEKDAYS[(st['day'] + 2) % 7]}")
        cmds: list[str] = []
        if st["page2_head"] == "folio":
            cmds += self.text(2, Placed(m, m + 26, "2", "f", "hei", 30))
            cmds += self.text(2, Placed(m + 30, m + 24, edition, "f", "hei", 16))
            right = f"{date}　{self.conv('责任编辑')}：{self.conv(rng.choice(NAMES))}"
            cmds += self.text(2, Placed(W - m - width(right, "hei", 8.5), m + 24, right, "f", "hei", 8.5))
            y = m + 32
        else:
            label = self.conv(f"第2版·{edition}")
            cmds.append(self.box(m, m, width(label, "hei", 12) + 16, 20, fill=0.0))
            cmds += self.text(2, Placed(m + 8, m + 15, label, "f", "hei", 12, gray=1.0))
            right = f"{self.conv(st['paper'])}　{date}"
            cmds += self.text(2, Placed(W - m - width(right, self.body_face, 9), m + 15, right, "f", self.body_face, 9))
            y = m + 22
        cmds.append(self.line(m, y, W - m, y, 1.2))
        self.furn(2, cmds)
        return y + 8

    # -- bands and pages --
    def sid(self) -> int:
        self.n += 1
        return self.n

    def page_art(self, page: int, chars: float = 0.0) -> Article:
        """The next story for a module holding about ``chars`` characters: page 2 sets the 导读's stories first;
        otherwise the nearest in length among the next few (an editor picks a story to fit the hole)."""
        if page == 2 and self.p2_queue:
            return self.p2_queue.pop(0)
        if chars <= 0 or not self.arts:
            return self.next_art()
        near = min(range(min(8, len(self.arts))), key=lambda i: abs(sum(map(len, self.arts[i].paragraphs)) - chars))
        return self.arts.pop(near)

    def room(self, k: int, x0: float, x1: float, top: float, bottom: float) -> float:
        """About how many characters a module's body holds (its heads take about five body lines)."""
        st = self.st
        colw = (x1 - x0 - (k - 1) * st["gutter"]) / k
        return k * max(0.0, (bottom - top) / st["lead"] - 5) * colw / st["body"]

    def spans(self, n: int) -> list[int]:
        out: list[int] = []
        while n > 0:
            k = min(n, self.rng.choice((1, 2, 2, 3, 3, 4)))
            if n - k == 1 and self.rng.random() < 0.6:
                k = n
            out.append(k)
            n -= k
        self.rng.shuffle(out)
        return out

    def module(self, page: int, grid: list, idx: list[int], top: float, bottom: float, jump: bool = False) -> None:
        """One story over the grid columns ``idx`` between ``top`` and ``bottom`` (a 1-column one may be briefs)."""
        x0, x1 = grid[idx[0]][0], grid[idx[-1]][1]
        if len(idx) == 1 and page == 1 and self.st["index"] == "strip" and self.rng.random() < 0.4:
            self.set_briefs(page, self.sid(), x0, x1, top, bottom)
            return
        for _ in range(2):
            art = self.next_art(longest=True) if jump else self.page_art(page, self.room(len(idx), x0, x1, top, bottom))
            s = self.story(art, allow_vertical=len(idx) >= 2)
            if jump:
                s.boxed = None
            try:
                _, rest = self.set_story(page, self.sid(), s, (x0, top, x1, bottom), len(idx), jump=jump)
            except RuntimeError:
                if page == 2 and art not in self.p2_first:
                    continue
                if jump:
                    jump = False
                    self.arts.insert(0, art)
                    continue
                self.p2_queue.insert(0, art) if page == 2 else None
                continue
            if rest is not None:
                self.conts.append((s, rest))
            return

    def band(self, page: int, grid: list, idx: list[int], top: float, bottom: float, jump: bool = False) -> None:
        st, rng = self.st, self.rng
        n = len(idx)
        g = st["gutter"]
        if n >= 3 and not jump and bottom - top > 220 and rng.random() < st["l_rate"]:
            a = rng.randint(2 if n >= 4 else 1, n - 1)
            hb = (bottom - top) * rng.uniform(0.45, 0.62)
            xb0, xb1 = grid[idx[a]][0], grid[idx[-1]][1]
            sb = self.story(self.page_art(page, self.room(n - a, xb0, xb1, top, top + hb)), allow_vertical=n - a >= 2)
            try:
                used_b, _ = self.set_story(page, self.sid(), sb, (xb0, top, xb1, top + hb), n - a, balance=False)
            except RuntimeError:
                used_b = top
            xa0, xa1 = grid[idx[0]][0], grid[idx[a - 1]][1]
            art = self.page_art(
                page, self.room(a, xa0, xa1, top, bottom) + self.room(n - a, xb0, xb1, top + hb, bottom)
            )
            sa = self.story(art, allow_vertical=False)
            sa.boxed = None
            ext = self.cols_in(xb0, xb1, n - a, used_b + g * 0.9, bottom)
            sida = self.sid()
            try:
                self.set_story(page, sida, sa, (grid[idx[0]][0], top, grid[idx[a - 1]][1], bottom), a, ext=ext,
                               balance=False)  # fmt: skip
            except RuntimeError:
                return
            self.blocks[page].append((sida, "furn", [self.line(xb0, used_b + g * 0.45, xb1, used_b + g * 0.45, 0.5)]))
            self.count("L")
            return
        spans = self.spans(n)
        at = 0
        widest = max(range(len(spans)), key=lambda i: spans[i])
        for i, k in enumerate(spans):
            self.module(page, grid, idx[at : at + k], top, bottom, jump=jump and i == widest and k >= 2)
            at += k
        for x in [grid[idx[at]][0] - g / 2 for at in [sum(spans[: i + 1]) for i in range(len(spans) - 1)]]:
            self.furn(page, [self.line(x, top, x, bottom - g * 0.4, 0.4)])

    def fill(self, page: int, grid: list, idx: list[int], top: float, bottom: float, jump_last: bool = False) -> None:
        st, rng = self.st, self.rng
        min_h = st["lead"] * 6 + 50
        area = self.H - 2 * st["margin"]
        g = st["gutter"]
        while bottom - top > min_h:
            h = area * rng.uniform(0.24, 0.42)
            if bottom - top - h < min_h:
                h = bottom - top
            last = top + h >= bottom - 1
            self.band(page, grid, idx, top, top + h - g * 0.5, jump=jump_last and last)
            if not last:
                self.furn(page, [self.line(grid[idx[0]][0], top + h - g * 0.25, grid[idx[-1]][1], top + h - g * 0.25,
                                           0.6)])  # fmt: skip
            top += h + g * 0.3

    def page_one(self) -> None:
        st, rng = self.st, self.rng
        y = self.masthead()
        foot = self.page_foot(1)
        grid = self.grid(st["columns"][0])
        c = len(grid)
        self.p2_first = [self.next_art() for _ in range(rng.randint(2, 3))]
        self.p2_queue = list(self.p2_first)
        titles = [a.headline for a in self.p2_first]
        idx = list(range(c))
        if st["index"] == "strip":
            y = self.set_index(grid[0][0], grid[-1][1], y, titles, True)
        else:
            side = 0 if st["side_at"] == "left" else c - 1
            idx.remove(side)
            x0, x1 = grid[side]
            yb = self.set_index(x0, x1, y, titles, False)
            self.set_briefs(1, self.sid(), x0, x1, yb, foot)
            xr = x1 + st["gutter"] / 2 if side == 0 else x0 - st["gutter"] / 2
            self.furn(1, [self.line(xr, y, xr, foot, 0.6)])
        art = self.next_art(longest=True)
        paras, total = [], 0
        for p in art.paragraphs:
            if total > 2200:
                break
            paras.append(p)
            total += len(p)
        art = Article(art.headline, paras, byline=art.byline)
        s = self.story(art, lead=True)
        k = len(idx)
        x0, x1 = grid[idx[0]][0], grid[idx[-1]][1]
        colw = (x1 - x0 - (k - 1) * st["gutter"]) / k
        lines, _ = pour([self.body_item(p, "x") for p in s.paras], [Col(0, colw, 0, 1e9)], st["hanging"], False)
        depth = len(lines) * st["lead"] / k * rng.uniform(0.4, 0.65)
        head = st["body"] * 9 if not s.vertical else 0.0
        bottom = min(y + head + depth, y + (foot - y) * 0.6)
        bottom = max(bottom, y + head + st["lead"] * 8)
        used, rest = self.set_story(1, self.sid(), s, (x0, y, x1, bottom), k, lead=True, jump=True)
        self.conts.append((s, rest or []))
        self.furn(1, [self.line(x0, used + st["gutter"] * 0.3, x1, used + st["gutter"] * 0.3, 1.0)])
        self.fill(1, grid, idx, used + st["gutter"] * 0.8, foot, jump_last=st["second_jump"])

    def cont_band(self, grid: list, idx: list[int], top: float, bottom: float, conts: list) -> float:
        """Continuations side by side in one band at ``top`` (other columns get stories of the same depth)."""
        st, rng = self.st, self.rng
        n = len(idx)
        spans = []
        for _ in conts:
            spans.append(max(1, min(n - sum(spans) - (len(conts) - len(spans) - 1), rng.randint(2, max(2, n - 1)))))
        at = 0 if rng.random() < 0.6 else n - sum(spans)
        used = top
        for (s, items), k in zip(conts, spans, strict=True):
            cs = Story(s.key, [], vertical="right" if st["cont_head"] == "vertical" else "")
            x0, x1 = grid[idx[at]][0], grid[idx[at + k - 1]][1]
            u, _ = self.set_story(2, self.sid(), cs, (x0, top, x1, bottom), k, items=items, cont=st["cont_head"])
            used = max(used, u)
            at += k
        self.count(f"cont:{st['cont_head']}")
        taken = set()
        at = 0 if at == sum(spans) else n - sum(spans)
        for k in spans:
            taken.update(idx[at : at + k])
            at += k
        rest = [i for i in idx if i not in taken]
        if rest and used - top > st["lead"] * 6 + 40:
            self.band(2, grid, rest, top, used)
        return used

    def page_two(self) -> None:
        st, rng = self.st, self.rng
        y = self.page2_head()
        foot = self.page_foot(2)
        grid = self.grid(st["columns"][1])
        idx = list(range(len(grid)))
        g = st["gutter"]
        conts = [c for c in self.conts if c[1]]
        where = st["cont_where"]
        self.count(f"where:{where}")
        if where == "side":
            side = 0 if rng.random() < 0.5 else len(grid) - 1
            wide = [side] if len(grid) < 5 else sorted({side, 1 if side == 0 else side - 1})
            idx = [i for i in idx if i not in wide]
            self.cont_band(grid, wide, y, foot, conts[:1])
            x = grid[wide[-1]][1] + g / 2 if side == 0 else grid[wide[0]][0] - g / 2
            self.furn(2, [self.line(x, y, x, foot, 0.6)])
            conts, where = conts[1:], "top"
        groups = [conts] if st["conts_together"] and len(idx) >= 3 else [[c] for c in conts]
        places = [where, {"top": "foot", "middle": "top", "foot": "top"}[where]]
        bottom = foot
        for group, place in zip(groups, places, strict=False):
            if place == "top":
                used = self.cont_band(grid, idx, y, bottom, group)
                y = used + g
            elif place == "middle":
                h = (foot - y) * rng.uniform(0.25, 0.4)
                self.band(2, grid, idx, y, y + h)
                self.furn(2, [self.line(grid[0][0], y + h + g * 0.25, grid[-1][1], y + h + g * 0.25, 0.6)])
                used = self.cont_band(grid, idx, y + h + g * 0.8, bottom, group)
                y = used + g
            else:
                state = (self.rng.getstate(), self.n, len(self.blocks[2]), dict(self.pieces), dict(self.page_of))
                used = self.cont_band(grid, idx, y + (bottom - y) * 0.4, bottom, group)
                h = used - (y + (bottom - y) * 0.4)
                self.rng.setstate(state[0])
                self.n, self.pieces, self.page_of = state[1], state[3], state[4]
                del self.blocks[2][state[2] :]
                top = bottom - h - g * 0.3
                self.cont_band(grid, idx, top, bottom, group)
                bottom = top - g
            self.furn(2, [self.line(grid[0][0], y - g * 0.5, grid[-1][1], y - g * 0.5, 0.6)])
        self.fill(2, grid, idx, y, bottom)
        placed = {v[0] for v in self.pieces.values()}
        if any(a.headline not in placed for a in self.p2_first):
            raise RuntimeError("a story named in 导读 did not fit on page 2")

    def commands(self) -> list[str]:
        st = self.st
        keys = ["hei", self.body_face, self.kai]
        out = [f"META\t{self.conv(st['paper'])}"]
        out += [f"FONT\t{k}\t{FACES[k][0]}\t{FACES[k][1]}" for k in keys]
        for page in (1, 2):
            out.append(f"PAGE\t{self.W:.2f}\t{self.H:.2f}")
            blocks = self.blocks[page]
            if st["draw_order"] == "heads_last":
                blocks = [b for b in blocks if b[1] != "head"] + [b for b in blocks if b[1] == "head"]
            elif st["draw_order"] == "shuffled":
                sids = list(dict.fromkeys(b[0] for b in blocks))
                self.rng.shuffle(sids)
                rank = {s: i for i, s in enumerate(sids)}
                blocks = sorted(blocks, key=lambda b: rank[b[0]])
            for _, _, cmds in blocks:
                out += cmds
        return out


def make_spec(seed: int, attempt: int = 0, columns: int | None = None) -> Maker:
    """The planned paper for ``seed`` (all lines placed; nothing written yet)."""
    maker = Maker(seed, attempt, columns)
    maker.conts = []
    maker.page_one()
    maker.page_two()
    return maker


def _gold(maker: Maker, seen: dict[str, set[int]], path: Path) -> PdfboxNewspaper:
    """The gold pieces, each on the page this file drew it on — which must be the one page PDFBox wrote it on."""
    pieces = []
    for pid, (key, role, text, continues) in maker.pieces.items():
        if not "".join(text.split()):
            continue
        page = maker.page_of[pid]
        if seen.get(pid, set()) != {page}:
            raise RuntimeError(f"piece {pid} drawn on page {page}, PDFBox wrote it on {sorted(seen.get(pid, []))}")
        pieces.append(Piece(key, text, page, role, continues=continues))
    pieces.sort(key=lambda p: p.page)
    by_page: dict[str, set[int]] = {}
    for p in pieces:
        if p.role == "body":
            by_page.setdefault(p.article, set()).add(p.page)
    jumps = [s.key for s, _ in maker.conts if by_page.get(s.key) == {1, 2}]
    conventions = dict(maker.used, jumps=len(jumps), columns=list(maker.st["columns"]))
    for name in ("masthead", "index", "page2_head", "head_face", "head_scale", "head_align", "label_form",
                 "marker_form", "jump_out", "jump_in", "cont_head", "cont_where", "draw_order", "trad", "indent",
                 "justify", "hanging", "column_rules", "second_jump", "vertical_lead"):  # fmt: skip
        conventions[name] = maker.st[name]
    return PdfboxNewspaper(path, "pdfbox", maker.st["columns"][0], 2, pieces, jumps, conventions=conventions)


def _code_hash() -> str:
    """This file's (without its docstring) and the Java writer's hash: a change to either makes new papers."""
    source = Path(__file__).read_text(encoding="utf-8").replace(__doc__ or "", "", 1)
    return hashlib.sha256(source.encode() + JAVA.read_bytes()).hexdigest()[:16]


def make_pdfbox_newspaper(path: Path, seed: int, pages: int = 2, columns: int | None = None) -> PdfboxNewspaper:
    """Lay out a two-page paper and have PDFBox write it at ``path``; its gold as this producer placed the pieces."""
    if pages != 2:
        raise ValueError("the PDFBox producer makes two-page papers")
    path = Path(path)
    name = f"{seed}-{columns or 0}-{_code_hash()}"
    use_cache = os.environ.get("NEWSPAPER_PDFBOX_CACHE", "1") != "0"
    if use_cache and (CACHE / f"{name}.pdf").is_file() and (CACHE / f"{name}.json").is_file():
        shutil.copyfile(CACHE / f"{name}.pdf", path)
        data = json.loads((CACHE / f"{name}.json").read_text(encoding="utf-8"))
        pieces = [Piece(**p) for p in data["pieces"]]
        return PdfboxNewspaper(
            path, "pdfbox", data["columns"], 2, pieces, data["jumps"], conventions=data["conventions"]
        )
    problems: list[str] = []
    for attempt in range(6):
        try:
            maker = make_spec(seed, attempt, columns)
            seen = write_pdf(path, maker.commands())
            paper = _gold(maker, seen, path)
        except RuntimeError as exc:
            problems = [str(exc)]
            continue
        problems = check_gold(paper)
        if not problems and paper.jumps:
            if use_cache:
                CACHE.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, CACHE / f"{name}.pdf")
                data = {"pieces": [p.__dict__ for p in paper.pieces], "jumps": paper.jumps, "columns": paper.columns,
                        "conventions": paper.conventions}  # fmt: skip
                (CACHE / f"{name}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            return paper
        problems = problems or ["no jump printed"]
    raise RuntimeError(f"seed {seed}: no consistent paper in six attempts: {problems[:3]}")


def page_texts(paper: Newspaper) -> list[str]:
    """Each page's characters in the order PDFBox wrote them (white space removed)."""
    import pdfplumber

    with pdfplumber.open(paper.path) as pdf:
        return ["".join("".join(c["text"] for c in page.chars).split()) for page in pdf.pages]


def check_gold(paper: Newspaper) -> list[str]:
    """Problems with the gold: the wrong number of pages, pieces whose characters are not drawn, in order, on their
    page (every piece's lines are written in the order they read), or a headline not in the text layer as it reads."""
    texts = page_texts(paper)
    if len(texts) != paper.pages:
        return [f"{len(texts)} pages printed, {paper.pages} in the gold"]
    problems = pieces_not_on_their_pages(paper.pieces, texts)
    printed = "".join(texts)
    for headline in dict.fromkeys(p.article for p in paper.pieces):
        if "".join(headline.split()) not in printed:
            problems.append(f"headline {headline!r} not printed as it reads")
    return problems
