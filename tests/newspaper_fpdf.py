"""Newspaper PDFs written glyph by glyph with fpdf2, in a drawing order that is not the reading order, with gold.

A seventh producer (after reportlab, Chromium, WeasyPrint, Typst, LibreOffice and XeLaTeX), written by an
engineer who did NOT read the PDF reader's source (qa/formats, qa/structure) nor its tests; it was frozen before
the reader's first run on it (its first figures are in the README). It imitates what page-layout programs
(InDesign, 方正飞腾) put into a PDF and none of the other producers does:

- **Drawing order is not reading order.** A page is composed first (every line of every frame placed), then
  drawn in one of four orders, drawn per paper: frames (a column of a story, a head block, a photo, a briefs
  item, a furniture block) in a shuffled "creation" order; frames in reverse order; every text object of the
  page (a glyph, a run or a line) shuffled on its own; or every head block (kicker, headline, subtitle, byline)
  after all the bodies, with the furniture (banner, folio, credits, rules) put anywhere in the stream.
- **Glyphs placed individually or in short runs.** Each line is justified by the producer itself and written
  either one glyph per text object, in runs of 1–5 glyphs (the justification space goes between runs, as a
  kerning table breaks runs), or — on a few papers — one text object per line with character spacing.
  Closing punctuation may be squeezed to half width (标点挤压) where glyphs are placed singly or in runs.
  Headlines are "bold" by a stroked outline (synthetic bold, text render mode 2) of the same font, or by size
  alone, drawn per paper.
- **Irregular frames.** A page is cut into bands; a band into modules of 1..C columns. A story's headline
  spans only its own columns. In some bands a story is L-shaped (a dogleg): its body fills its own columns and
  then runs on under its right-hand neighbour, whose module is shorter, so the story's last columns sit below
  another story's text. Photos (a tinted box with a caption) sit at the top of a story's first columns.
- **Headline hierarchy per paper.** Head size as a multiple of the body (lead larger), kickers (引题) above,
  subtitles (副题, with or without a dash) below, bylines on a line of their own or a dateline
  (本报北京1月5日电 / 新华社…电) run into the first paragraph or a closing byline in brackets. Briefs
  boxes (简讯 …): a framed one-column module of short items, each with its own title line.
- **Jumps (转版).** Page 1's lead (and sometimes a second story) stops where its frames end, mid-paragraph,
  with a marker in one of several wordings — （下转第2版） / （转2版） / 下转二版 / （转A2版） / ▲下转第二版 — on
  a line of its own or run into the last line. It goes on on the next page in one of that page's two largest
  free modules, wherever that is among the page's stories, under the headline set smaller, a short jump head
  (the headline's first words plus the marker), or just a marker line (（上接第1版） / （接1版） / 上接一版 /
  （接A1版） / ▼上接第一版). A 3-page paper's page-2 stories can jump to page 3.
- **Layout dimensions drawn independently per paper:** 3–6 columns, page size, body size 8.5–10.5 pt,
  leading 1.3–1.75, gutter, indent or paragraph space, column rules, band count and heights, masthead or
  running head, about one paper in five in traditional characters (OpenCC s2t over everything).

Text is not written here: People's Daily January 1998 articles (tests/text_sources.py, via
``pd_article_sample``) with their real headlines and reporter names, and CMRC 2018 encyclopedia paragraphs for
about a quarter of the stories when that corpus is present. Kickers, subtitles, captions and briefs take other
articles' real headlines and first paragraphs. Furniture (paper names, dates, editor credits) is invented.

Gold by construction: every text line is placed by this module, so each printed paragraph (or the part of one
printed on one page), kicker, subtitle, byline line, caption and closing byline is a ``Piece`` of its story on
its page; a briefs item is a piece of its own title (section path: box title › item title). A story that does
not fit is cut at a sentence end (the cut text is not printed and not in the gold); only jumps cut mid-sentence.
``check_gold`` re-reads each page with pdfplumber — the characters inside each placed line's box, in the
producer's reading order — and requires every piece on its page (``pieces_not_on_their_pages``).

Engine: fpdf2 (PyPI ``fpdf2``, LGPL-3.0, a test-only dependency: nothing in ``qa`` imports it) with the CJK font
Debian's fonts-wqy-microhei (faces 0 and 1 of the collection). ``fpdf_available()`` says why not when either is
missing; callers skip.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from pathlib import Path

from tests.newspaper_pdfs import Article, Newspaper, Piece, pd_article_sample, pieces_not_on_their_pages

FONT_FILE = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
FACES = {"hei": 0, "mono": 1}  # WenQuanYi Micro Hei / Micro Hei Mono: two font names in the PDF
NO_LINE_START = set("，。、；：？！）”’」』》〕…")
NO_LINE_END = set("（“‘「『《〔")
SQUEEZABLE = set("，。、；：）”’」』》〕")
SENTENCE_END = "。！？"
BRIEF_BOXES = ["简讯", "新闻速览", "本版快讯", "要闻简报", "一句话新闻"]
PAPER_NAMES = ["江城晚报", "东方商报", "滨海日报", "南岭都市报", "西川时报", "北方晨报"]
EDITORS = ["陈安", "李晴", "钱思远", "赵一鸣", "孙雨", "吴海", "郑晓岚", "冯博", "何静", "邓伟"]
CITIES = ["北京", "上海", "广州", "武汉", "成都", "西安", "南京", "沈阳"]
SECTIONS = ["要闻", "综合", "经济", "国际", "社会", "文化", "地方新闻"]
CN_NUM = "零一二三四五六七八九"


def fpdf_available() -> str | None:
    """None when fpdf2 and the CJK font are here, else why not (for a skip message)."""
    try:
        import fpdf  # noqa: F401
    except Exception as exc:  # the PyPI package 'fpdf2' is not installed
        return f"fpdf2 is not usable here (pip install fpdf2): {exc!r}"
    if not FONT_FILE.is_file():
        return f"the CJK font {FONT_FILE} is not installed (Debian: fonts-wqy-microhei)"
    return None


# ---- per-paper style -------------------------------------------------------------------------------
@dataclass
class _Style:
    columns: int
    page: tuple[float, float]
    body: float
    pitch: float  # body line pitch
    gutter: float
    head: float  # headline size of an ordinary multi-column story
    lead: float  # the lead's headline size
    head_face: str
    body_face: str
    stroke: float  # synthetic bold outline width as a share of the size (0: size alone)
    indent: bool
    para_gap: float  # extra space between paragraphs (when not indented), pt
    glyphs: str  # glyph | runs | line
    squeeze: bool
    order: str  # shuffled | reverse | lines | heads-last
    column_rules: bool
    traditional: bool
    masthead: bool  # page 1 opens with a masthead (else just the running head)
    kicker: float
    subtitle: float
    byline: str  # line | dateline | closing | mixed
    photo: float
    briefs: float
    dogleg: float
    jump_markers: tuple[str, str]  # format strings with {n} (page) for 下转 / 上接
    jump_head: str  # full | short | none | mixed


MARKERS = [
    ("（下转第{n}版）", "（上接第{n}版）"),
    ("（转{n}版）", "（接{n}版）"),
    ("下转{cn}版", "上接{cn}版"),
    ("（转A{n}版）", "（接A{n}版）"),
    ("▲下转第{cn}版", "▼上接第{cn}版"),
]


def _style(rng: random.Random, columns: int | None) -> _Style:
    columns = columns or rng.choice([3, 4, 4, 5, 5, 6])
    width = {3: rng.uniform(600, 700), 4: rng.uniform(700, 842), 5: rng.uniform(800, 920), 6: rng.uniform(880, 1000)}[
        columns
    ]
    body = round(rng.uniform(8.5, 10.5) * 4) / 4
    head = body * rng.uniform(1.7, 2.8)
    indent = rng.random() < 0.8
    return _Style(
        columns=columns,
        page=(round(width), round(width * rng.uniform(1.36, 1.46))),
        body=body,
        pitch=body * rng.uniform(1.3, 1.75),
        gutter=body * rng.uniform(0.9, 2.2),
        head=head,
        lead=head * rng.uniform(1.15, 1.6),
        head_face=rng.choice(["hei", "hei", "mono"]),
        body_face=rng.choice(["hei", "mono"]),
        stroke=rng.choice([0.0, 0.02, 0.035, 0.05]),
        indent=indent,
        para_gap=0.0 if indent else body * rng.uniform(0.3, 0.8),
        glyphs=rng.choices(["glyph", "runs", "line"], [0.4, 0.45, 0.15])[0],
        squeeze=rng.random() < 0.5,
        order=rng.choice(["shuffled", "reverse", "lines", "heads-last"]),
        column_rules=rng.random() < 0.4,
        traditional=rng.random() < 0.2,
        masthead=rng.random() < 0.7,
        kicker=rng.uniform(0.1, 0.5),
        subtitle=rng.uniform(0.1, 0.5),
        byline=rng.choice(["line", "dateline", "closing", "mixed"]),
        photo=rng.uniform(0.0, 0.4),
        briefs=rng.uniform(0.2, 0.6),
        dogleg=rng.uniform(0.2, 0.6),
        jump_markers=rng.choice(MARKERS),
        jump_head=rng.choice(["full", "short", "none", "mixed"]),
    )


def _marker(fmt: str, page: int) -> str:
    return fmt.format(n=page, cn=CN_NUM[page] if page < 10 else str(page))


# ---- drawing operations ----------------------------------------------------------------------------
@dataclass
class _Text:
    face: str
    size: float
    stroke: float
    x: float
    baseline: float
    text: str
    spacing: float = 0.0


@dataclass
class _Shape:
    kind: str  # rect | tint | line
    x: float
    y: float
    w: float
    h: float


@dataclass
class _Group:
    """One frame as a layout program keeps it: drawn as a unit unless the paper shuffles lines."""

    ops: list = field(default_factory=list)
    role: str = "body"  # body | head | furniture
    story: int = -1


@dataclass
class _Line:
    """A placed line of text: its box (for the gold check) and the ops that draw it."""

    text: str
    box: tuple[float, float, float, float]  # x0, top, x1, bottom (pt, from the page top)


class _Metrics:
    def __init__(self, pdf) -> None:  # noqa: ANN001 - fpdf.FPDF
        self.pdf = pdf
        self.cache: dict[tuple[str, str], float] = {}

    def char(self, face: str, ch: str) -> float:
        key = (face, ch)
        if key not in self.cache:
            self.pdf.set_font(face, size=100)
            self.cache[key] = self.pdf.get_string_width(ch) / 100
        return self.cache[key]

    def width(self, face: str, size: float, text: str) -> float:
        return sum(self.char(face, ch) for ch in text) * size


def _tokens(text: str) -> list[str]:
    """Line-breaking units: a run of ASCII letters/digits stays together, anything else is one character."""
    return re.findall(r"[A-Za-z0-9.%]+|.", text)


def _wrap(m: _Metrics, face: str, size: float, text: str, width: float, first_indent: float = 0.0) -> list[str]:
    """Break ``text`` into lines no wider than ``width``: no closing punctuation starts a line (the last
    character is pushed over instead), no opening punctuation ends one."""
    lines: list[str] = []
    current = ""
    limit = width - first_indent
    for tok in _tokens(text):
        if current and m.width(face, size, current + tok) > limit:
            if len(current) > 1 and (tok[0] in NO_LINE_START or current[-1] in NO_LINE_END):
                lines.append(current[:-1])
                current = current[-1]
            else:
                lines.append(current)
                current = ""
            limit = width
        current += tok
    if current:
        lines.append(current)
    return lines


def _set_line(
    m: _Metrics,
    st: _Style,
    rng: random.Random,
    face: str,
    size: float,
    stroke: float,
    x: float,
    top: float,
    text: str,
    width: float | None,
    align: str = "left",
) -> tuple[list[_Text], _Line]:
    """Place one line's glyphs: justified to ``width`` when given, else at natural width (``align`` right or
    centre in a box of ``width`` = None means left). Returns the text ops (per glyph, in runs, or one per line)."""
    baseline = top + size * 0.86
    advances = [m.char(face, ch) * size for ch in text]
    if st.squeeze and st.glyphs != "line":  # one text object per line uses the font's own advances
        advances = [a * 0.5 if ch in SQUEEZABLE and a > size * 0.7 else a for a, ch in zip(advances, text, strict=True)]
    natural = sum(advances)
    ops: list[_Text] = []
    if st.glyphs == "line" or len(text) < 2:
        spare = (width - natural) / (len(text) - 1) if width and align == "justify" and len(text) > 1 else 0.0
        start = x + (width - natural if align == "right" and width else 0.0)
        ops.append(_Text(face, size, stroke, start, baseline, text, max(spare, 0.0)))
        return ops, _Line(text, (start, top, start + natural + spare * (len(text) - 1), top + size))
    if st.glyphs == "glyph":
        runs = [[k] for k in range(len(text))]
    else:
        runs, k = [], 0
        while k < len(text):
            n = rng.randint(1, 5)
            runs.append(list(range(k, min(len(text), k + n))))
            k += n
    gaps = len(runs) - 1
    spare = 0.0
    if align == "justify" and width and gaps:
        spare = max(0.0, (width - natural) / gaps)
    cursor = start = x + (width - natural if align == "right" and width else 0.0)
    for run in runs:
        run_text = "".join(text[k] for k in run)
        if st.squeeze and any(text[k] in SQUEEZABLE for k in run) and len(run) > 1:
            for k in run:  # a squeezed glyph's advance is not the font's: place each one
                ops.append(_Text(face, size, stroke, cursor, baseline, text[k]))
                cursor += advances[k]
        else:
            ops.append(_Text(face, size, stroke, cursor, baseline, run_text))
            cursor += sum(advances[k] for k in run)
        cursor += spare
    return ops, _Line(text, (start, top, cursor - spare, top + size))


# ---- stories ---------------------------------------------------------------------------------------
@dataclass
class _Story:
    kind: str  # story | continuation | briefs
    article: Article
    paragraphs: list[str]
    kicker: str | None = None
    subtitle: str | None = None
    byline: str | None = None  # a line under the head
    closing: str | None = None  # a bracketed byline after the last paragraph
    photo: str | None = None  # caption
    jump_to: int = 0  # page the story jumps to (0: does not jump)
    from_page: int = 0  # continuation: the page it comes from
    head_kind: str = "full"  # continuation: full | short | none
    briefs: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class FpdfNewspaper(Newspaper):
    """The gold, plus every text line this module placed (per page, in reading order) for ``check_gold``."""

    lines: list[list[_Line]] = field(default_factory=list)


@dataclass
class _Module:
    cols: tuple[int, int]  # first column, columns spanned
    top: float
    bottom: float
    extra: list[tuple[int, int, float, float]] = field(default_factory=list)  # dogleg: (col, span, top, bottom)
    lead: bool = False


def _pages_modules(rng: random.Random, st: _Style, top: float, bottom: float, page: int) -> list[_Module]:
    """Bands across the page, each cut into modules; in some bands a dogleg: a module's right-hand neighbour
    ends part-way down and the module's story runs on in the neighbour's columns below it."""
    C = st.columns
    bands = rng.choice([2, 2, 3]) if page == 1 else rng.choice([1, 2, 2, 3])
    shares = [rng.uniform(0.7, 1.3) for _ in range(bands)]
    if page == 1:
        shares[0] *= rng.uniform(1.2, 1.8)
    mods: list[_Module] = []
    y = top
    for b, share in enumerate(shares):
        h = (bottom - top) * share / sum(shares)
        y1 = y + h
        spans: list[int] = []
        left = C
        if page == 1 and b == 0:
            first = rng.randint(max(2, C - 2), C)
            spans.append(first)
            left -= first
        while left:
            span = rng.randint(1, min(left, 3))
            spans.append(span)
            left -= span
        band: list[_Module] = []
        c = 0
        for span in spans:
            band.append(_Module((c, span), y, y1 - st.gutter, lead=page == 1 and b == 0 and c == 0))
            c += span
        if len(band) >= 2 and rng.random() < st.dogleg:
            k = rng.randrange(len(band) - 1)
            a, nb = band[k], band[k + 1]
            cut = nb.top + (nb.bottom - nb.top) * rng.uniform(0.4, 0.65)
            nb.bottom = cut
            a.extra.append((nb.cols[0], nb.cols[1], cut + st.gutter, a.bottom))
        mods.extend(band)
        y = y1
    return mods


def _col_x(st: _Style, margin: float, col: int) -> float:
    return margin + col * (_col_w(st, margin) + st.gutter)


def _col_w(st: _Style, margin: float) -> float:
    return (st.page[0] - 2 * margin - st.gutter * (st.columns - 1)) / st.columns


@dataclass
class _Placed:
    """What a story printed on one page, for the gold."""

    pieces: list[tuple[str, str, str, bool, tuple[str, ...]]] = field(default_factory=list)
    rest: list[str] = field(default_factory=list)  # jumped paragraphs (the cut one's tail first)
    lines: list[_Line] = field(default_factory=list)


class _Composer:
    def __init__(self, m: _Metrics, st: _Style, rng: random.Random, margin: float) -> None:
        self.m, self.st, self.rng, self.margin = m, st, rng, margin
        self.col_w = _col_w(st, margin)

    def head_block(
        self,
        group: _Group,
        lines: list[_Line],
        x: float,
        y: float,
        width: float,
        text: str,
        size: float,
        face: str,
        stroke: float,
        align: str = "left",
    ) -> float:
        """Set a head-like text (headline, kicker, subtitle) over ``width``; return the y below it."""
        for line in _wrap(self.m, face, size, text, width):
            w = self.m.width(face, size, line)
            lx = x + (width - w) / 2 if align == "centre" else x
            ops, placed = _set_line(self.m, self.st, self.rng, face, size, stroke, lx, y, line, None)
            group.ops += ops
            lines.append(placed)
            y += size * 1.22
        return y

    def story(self, story: _Story, mod: _Module, page: int, groups: list[_Group], sid: int) -> _Placed:
        st, m, rng = self.st, self.m, self.rng
        out = _Placed()
        c0, span = mod.cols
        x = _col_x(st, self.margin, c0)
        width = span * self.col_w + (span - 1) * st.gutter
        y = mod.top
        key = story.article.headline
        heads = _Group(role="head", story=sid)
        groups.append(heads)
        if story.kind == "briefs":
            return self._briefs(story, x, width, mod, page, groups, heads, out)
        if story.kind == "continuation":
            marker = _marker(st.jump_markers[1], story.from_page)
            if story.head_kind == "full":
                size = max(st.body * 1.4, st.head * 0.75)
                y = self.head_block(heads, out.lines, x, y, width, key, size, st.head_face, st.stroke * size)
                y += st.body * 0.4
                body_first = [marker]
            elif story.head_kind == "short":
                size = max(st.body * 1.3, st.head * 0.6)
                short = key[: max(4, min(len(key), rng.randint(4, 8)))]
                y = self.head_block(heads, out.lines, x, y, width, f"{short}{marker}", size, st.head_face, 0.0)
                y += st.body * 0.4
                body_first = []
            else:
                body_first = [marker]
        else:
            body_first = []
            ksize = st.body * rng.uniform(1.15, 1.4)
            if story.kicker:
                y = self.head_block(heads, out.lines, x, y, width, story.kicker, ksize, st.body_face, 0.0)
                out.pieces.append(("kicker", story.kicker, key, False, ()))
                y += st.body * 0.2
            size = st.lead if mod.lead else (st.head if span > 1 else max(st.body * 1.45, st.head * 0.72))
            while len(_wrap(m, st.head_face, size, key, width)) > 2 and size > st.body * 1.45:
                size *= 0.9
            align = "centre" if span > 1 and rng.random() < 0.3 else "left"
            y = self.head_block(heads, out.lines, x, y, width, key, size, st.head_face, st.stroke * size, align)
            y += size * 0.15
            if story.subtitle:
                sub = story.subtitle
                y = self.head_block(heads, out.lines, x, y, width, sub, ksize, st.body_face, 0.0, align)
                out.pieces.append(("subtitle", sub, key, False, ()))
            if story.byline:
                y = self.head_block(heads, out.lines, x, y + 2, width, story.byline, st.body, st.body_face, 0.0)
                out.pieces.append(("byline", story.byline, key, False, ()))
            y += st.body * 0.6
        # Body rectangles in reading order: the module's columns, then a dogleg's columns under the neighbour.
        rects = [(_col_x(st, self.margin, c), y, mod.bottom) for c in range(c0, c0 + span)]
        for col, n, top, bottom in mod.extra:
            rects += [(_col_x(st, self.margin, c), top, bottom) for c in range(col, col + n)]
        if story.photo and story.kind == "story":
            pspan = min(span, rng.randint(1, 2))
            ph = min((mod.bottom - y) * 0.4, self.col_w * rng.uniform(0.6, 0.9) * pspan)
            pw = pspan * self.col_w + (pspan - 1) * st.gutter
            photo = _Group(role="body", story=sid)
            photo.ops.append(_Shape("tint", x, y, pw, ph))
            cap_y = self.head_block(photo, out.lines, x, y + ph + 3, pw, story.photo, st.body * 0.85, "hei", 0.0)
            groups.append(photo)
            out.pieces.append(("caption", story.photo, key, False, ()))
            for k in range(pspan):
                rects[k] = (rects[k][0], cap_y + st.body * 0.6, rects[k][2])
        paras = body_first + list(story.paragraphs)
        kinds = ["marker"] * len(body_first) + ["body"] * len(story.paragraphs)
        if story.closing:
            paras.append(story.closing)
            kinds.append("closing")
        self._flow(story, rects, paras, kinds, page, groups, sid, out)
        return out

    def _briefs(
        self,
        story: _Story,
        x: float,
        width: float,
        mod: _Module,
        page: int,
        groups: list[_Group],
        heads: _Group,
        out: _Placed,
    ) -> _Placed:
        st = self.st
        box = story.article.headline
        pad = st.body * 0.6
        heads.ops.append(_Shape("rect", x, mod.top, width, mod.bottom - mod.top))
        y = self.head_block(
            heads,
            out.lines,
            x + pad,
            mod.top + pad,
            width - 2 * pad,
            box,
            st.body * 1.5,
            st.head_face,
            st.stroke * st.body * 1.5,
            "centre",
        )
        y += st.body * 0.3
        for title, text in story.briefs:
            group = _Group(role="body", story=-1)
            groups.append(group)
            tsize = st.body * 1.1
            t_lines = _wrap(self.m, st.head_face, tsize, title, width - 2 * pad)
            b_lines = _wrap(self.m, st.body_face, st.body, text, width - 2 * pad, 2 * st.body)
            need = len(t_lines) * tsize * 1.25 + len(b_lines) * st.pitch
            if y + need > mod.bottom - pad:
                break
            y = self.head_block(
                group, out.lines, x + pad, y, width - 2 * pad, title, tsize, st.head_face, st.stroke * tsize
            )
            for n, line in enumerate(b_lines):
                indent = 2 * st.body if n == 0 else 0.0
                ops, placed = _set_line(
                    self.m,
                    st,
                    self.rng,
                    st.body_face,
                    st.body,
                    0.0,
                    x + pad + indent,
                    y,
                    line,
                    width - 2 * pad - indent,
                    "justify" if n < len(b_lines) - 1 else "left",
                )
                group.ops += ops
                out.lines.append(placed)
                y += st.pitch
            y += st.body * 0.5
            out.pieces.append(("body", text, title, False, (box, title)))
        return out

    def _flow(
        self,
        story: _Story,
        rects: list[tuple[float, float, float]],
        paras: list[str],
        kinds: list[str],
        page: int,
        groups: list[_Group],
        sid: int,
        out: _Placed,
    ) -> None:
        """Flow the paragraphs through the body rectangles (each a column: x, top, bottom). A story that does not
        jump is cut at a sentence end to fit; a jumping one stops mid-paragraph with its 下转 marker."""
        st, m, rng = self.st, self.m, self.rng
        key = story.article.headline
        w = self.col_w

        def lay(paras: list[str]) -> tuple[list[tuple[int, str, float, bool]], int]:
            laid: list[tuple[int, str, float, bool]] = []  # (paragraph, line, indent, last line of paragraph)
            for p, text in enumerate(paras):
                indent = (
                    2 * st.body
                    if st.indent
                    and kinds[p] == "body"
                    and not (story.kind == "continuation" and p == len([k for k in kinds if k == "marker"]))
                    else 0.0
                )
                lines = _wrap(m, st.body_face, st.body, text, w, indent)
                for n, line in enumerate(lines):
                    laid.append((p, line, indent if n == 0 else 0.0, n == len(lines) - 1))
            # Which of these fit: walk the rectangles line by line.
            r, y, fitted = 0, rects[0][1] if rects else 0.0, 0
            for k, (p, _, _, _) in enumerate(laid):
                if k and laid[k - 1][0] != p:
                    y += st.para_gap
                while r < len(rects) and y + st.body > rects[r][2]:
                    r += 1
                    if r < len(rects):
                        y = rects[r][1]
                if r >= len(rects):
                    break
                fitted = k + 1
                y += st.pitch
            return laid, fitted

        laid, fitted = lay(paras)
        jump = bool(story.jump_to) and any(kinds[p] == "body" for p, *_ in laid[fitted:])
        if fitted < len(laid) and not jump:
            # Cut at the last sentence end that fits (an editor's cut), or drop the paragraph that does not fit.
            p = laid[fitted][0]
            shown = "".join(line for q, line, _, _ in laid[:fitted] if q == p)
            ends = [k + 1 for k, ch in enumerate(shown) if ch in SENTENCE_END]
            keep = paras[:p] + ([paras[p][: ends[-1]]] if ends else [])
            kinds[:] = kinds[: len(keep)]
            story.closing = None
            laid, fitted = lay(keep)
            laid = laid[:fitted]
            paras = keep
        if jump:
            marker = _marker(self.st.jump_markers[0], story.jump_to)
            laid = laid[:fitted]
            p, line, indent, _ = laid[-1]
            room = w - indent
            short = line
            while short and m.width(st.body_face, st.body, short + marker) > room:
                short = short[:-1]
            if rng.random() < 0.5 and len(short) >= 3:  # run the marker into the last line
                keep = line
                while keep and m.width(st.body_face, st.body, keep + marker) > room:
                    keep = keep[:-1]
                laid[-1] = (p, keep, indent, False)
                laid.append((-1, marker, 0.0, True))
                run_in = True
            else:
                laid.pop()
                laid.append((-1, marker, 0.0, True))
                run_in = False
            # the rest: the cut paragraph's unprinted text, then the paragraphs after it
            printed = "".join(ln for q, ln, _, _ in laid if q == p)
            rest_first = paras[p][len(printed) :]
            later = [paras[q] for q in range(p + 1, len(paras)) if kinds[q] == "body"]
            out.rest = ([rest_first] if rest_first else []) + later
        else:
            run_in = False
        # Place the lines.
        r, y = 0, rects[0][1]
        group = _Group(role="body", story=sid)
        groups.append(group)
        printed: dict[int, str] = {}
        last_x = last_y = 0.0
        for k, (p, line, indent, last) in enumerate(laid):
            if p < 0 and run_in:  # the 下转 marker right after the shortened last line
                prev = laid[k - 1]
                x0 = last_x + prev[2] + m.width(st.body_face, st.body, prev[1])
                ops, placed = _set_line(m, st, rng, st.body_face, st.body, 0.0, x0, last_y, line, None)
                group.ops += ops
                out.lines.append(placed)
                continue
            if k and laid[k - 1][0] != p and p >= 0:
                y += st.para_gap
            while y + st.body > rects[r][2]:
                r += 1
                y = rects[r][1]
                group = _Group(role="body", story=sid)  # each column a frame of its own
                groups.append(group)
            x = rects[r][0]
            if p < 0 or (kinds[p] == "marker"):
                ops, placed = _set_line(
                    m, st, rng, st.body_face, st.body, 0.0, x, y, line, w, "right" if p < 0 else "left"
                )
            elif kinds[p] == "closing":
                ops, placed = _set_line(m, st, rng, st.body_face, st.body, 0.0, x, y, line, w, "right")
            else:
                justify = not last and k + 1 < len(laid) and laid[k + 1][0] == p
                ops, placed = _set_line(
                    m,
                    st,
                    rng,
                    st.body_face,
                    st.body,
                    0.0,
                    x + indent,
                    y,
                    line,
                    w - indent,
                    "justify" if justify else "left",
                )
            group.ops += ops
            out.lines.append(placed)
            if p >= 0:
                printed[p] = printed.get(p, "") + line
            last_x, last_y = x, y
            y += st.pitch
        n_markers = len([k for k in kinds if k == "marker"])
        for p in sorted(printed):
            if kinds[p] == "marker":
                continue
            role = "byline" if kinds[p] == "closing" else "body"
            continues = story.kind == "continuation" and p == n_markers
            out.pieces.append((role, printed[p], key, continues, ()))


# ---- text ------------------------------------------------------------------------------------------
def _source_articles(rng: random.Random, k: int) -> list[Article]:
    """People's Daily 1998 articles, with about a quarter CMRC encyclopedia articles mixed in when present."""
    from tests import text_sources

    arts = pd_article_sample(rng, k)
    cmrc = text_sources.cmrc_articles()
    if cmrc:
        seen = {a.headline for a in arts}
        for n in rng.sample(range(len(cmrc)), k // 4):
            a = cmrc[n]
            if a.title not in seen:
                seen.add(a.title)
                arts.insert(rng.randrange(len(arts) + 1), Article(a.title, list(a.paragraphs)))
    return arts


def _first_sentences(text: str, limit: int) -> str:
    out = ""
    for s in re.findall(r"[^。！？]+[。！？]?", text):
        if out and len(out) + len(s) > limit:
            break
        out += s
    return out


# ---- the paper -------------------------------------------------------------------------------------
def make_fpdf_newspaper(path: Path, seed: int, pages: int = 2, columns: int | None = None) -> FpdfNewspaper:
    """Write a ``pages``-page newspaper PDF to ``path`` with fpdf2; return the gold of every printed piece."""
    from fpdf import FPDF

    rng = random.Random(seed)
    st = _style(rng, columns)
    conv = _converter(st.traditional)
    pdf = FPDF(unit="pt", format=st.page)
    pdf.set_auto_page_break(False)
    pdf.set_margins(0, 0, 0)
    for face, index in FACES.items():
        pdf.add_font(face, fname=str(FONT_FILE), collection_font_number=index)
    m = _Metrics(pdf)
    glyphs = set.intersection(*(set(pdf.fonts[f].ttfont.getBestCmap()) for f in FACES))
    margin = st.page[0] * rng.uniform(0.04, 0.065)
    comp = _Composer(m, st, rng, margin)
    pool = [
        Article(conv(a.headline), [conv(p) for p in a.paragraphs], byline=conv(a.byline) if a.byline else None)
        for a in _source_articles(rng, 60)
    ]
    pool = [a for a in pool if all(ord(ch) in glyphs for ch in a.headline + "".join(a.paragraphs) if ch.strip())]
    paper = FpdfNewspaper(Path(path), "fpdf2", st.columns, pages)
    date_m, date_d = rng.randint(1, 12), rng.randint(1, 28)
    name = rng.choice(PAPER_NAMES)
    carried: list[_Story] = []
    all_groups: list[list[_Group]] = []
    page_lines: list[list[_Line]] = []
    for page in range(1, pages + 1):
        groups: list[_Group] = []
        lines: list[_Line] = []
        top = _furniture(comp, groups, lines, st, page, name, date_m, date_d, margin, conv)
        bottom = st.page[1] - margin * 1.2
        mods = _pages_modules(rng, st, top, bottom, page)
        here, carried = carried, []
        stories: list[_Story | None] = [None] * len(mods)
        free = [k for k in range(len(mods)) if not mods[k].lead]
        rng.shuffle(free)
        for cont in here:  # continuations go anywhere among the page's stories, biggest modules first
            if not free:
                break
            free.sort(key=lambda k: -(mods[k].cols[1] * (mods[k].bottom - mods[k].top)))
            k = free.pop(rng.randrange(min(2, len(free))))
            stories[k] = cont
        jumps_left = (2 if rng.random() < 0.5 else 1) if page < pages and (page == 1 or rng.random() < 0.5) else 0
        for k, mod in enumerate(mods):
            if stories[k] is not None or not pool:
                continue
            if mod.cols[1] == 1 and not mod.extra and rng.random() < st.briefs and len(pool) > 4:
                box = conv(rng.choice(BRIEF_BOXES))
                items = []
                for _ in range(rng.randint(3, 5)):
                    a = pool.pop()
                    items.append((a.headline, _first_sentences(a.paragraphs[0], rng.randint(50, 110))))
                stories[k] = _Story("briefs", Article(box, []), [], briefs=items)
                continue
            a = pool.pop()
            paras = list(a.paragraphs)
            capacity = _capacity(st, mod, comp.col_w)
            jumping = jumps_left > 0 and (mod.lead or (mod.cols[1] >= 2 and rng.random() < 0.6))
            while pool and sum(map(len, paras)) < capacity * (1.4 if jumping else 0.95):
                paras += pool.pop().paragraphs  # a long story: more of the day's text under one head
            story = _Story("story", a, paras)
            if jumping:
                jumps_left -= 1
                story.jump_to = page + 1
            if pool and rng.random() < st.kicker:
                story.kicker = pool.pop().headline
            if pool and rng.random() < st.subtitle:
                story.subtitle = ("——" if rng.random() < 0.6 else "") + pool.pop().headline
            _byline(rng, st, story, a, date_m, date_d, conv)
            if pool and rng.random() < st.photo and mod.bottom - mod.top > 250:
                who = a.byline or conv(rng.choice(EDITORS))
                story.photo = f"{conv('图为')}{pool.pop().headline}。{who}{conv('摄')}"
            stories[k] = story
        for k, (mod, story) in enumerate(zip(mods, stories, strict=True)):
            if story is None:
                continue
            placed = comp.story(story, mod, page, groups, k)
            lines += placed.lines
            for role, text, art, continues, section in placed.pieces:
                if text:
                    paper.pieces.append(Piece(art, text, page, role, continues, section))
            if story.jump_to and placed.rest:
                paper.jumps.append(story.article.headline)
                head_kind = st.jump_head if st.jump_head != "mixed" else rng.choice(["full", "short", "none"])
                carried.append(
                    _Story(
                        "continuation",
                        story.article,
                        placed.rest,
                        closing=story.closing,
                        from_page=page,
                        head_kind=head_kind,
                    )
                )
            if story.kind != "briefs" and mod.extra == [] and k + 1 < len(mods):
                rule = _Group(role="furniture")
                x = _col_x(st, margin, mod.cols[0])
                w = mod.cols[1] * comp.col_w + (mod.cols[1] - 1) * st.gutter
                rule.ops.append(_Shape("line", x, mod.bottom + st.gutter / 2, w, 0))
                groups.append(rule)
        if st.column_rules:
            rules = _Group(role="furniture")
            for c in range(1, st.columns):
                xr = _col_x(st, margin, c) - st.gutter / 2
                rules.ops.append(_Shape("line", xr, top, 0, bottom - top))
            groups.insert(rng.randrange(len(groups) + 1), rules)
        all_groups.append(groups)
        page_lines.append(lines)
    paper.lines = page_lines
    _draw(pdf, rng, st, all_groups)
    pdf.output(str(path))
    paper.jumps = [
        h for h in paper.jumps if any(p.article == h and p.page > 1 and p.role == "body" for p in paper.pieces)
    ]
    return paper


def _capacity(st: _Style, mod: _Module, col_w: float) -> float:
    """About how many body characters a module holds (for choosing how much text to give it)."""
    per_line = col_w / st.body
    rows = (mod.bottom - mod.top) / st.pitch * mod.cols[1] * 0.8
    rows += sum(n * (b - t) / st.pitch for _, n, t, b in mod.extra)
    return per_line * rows


def _byline(rng: random.Random, st: _Style, story: _Story, a: Article, month: int, day: int, conv) -> None:  # noqa: ANN001
    kind = st.byline if st.byline != "mixed" else rng.choice(["line", "dateline", "closing", "none"])
    names = a.byline or conv("　".join(rng.sample(EDITORS, rng.randint(1, 2))))
    if rng.random() < 0.25:
        return
    if kind == "line":
        story.byline = conv(f"本报记者　{names}")
    elif kind == "dateline":
        city = rng.choice(CITIES)
        lead = rng.choice([f"本报{city}{month}月{day}日电　记者{names}报道：", f"新华社{city}{month}月{day}日电　"])
        story.paragraphs = [conv(lead) + story.paragraphs[0], *story.paragraphs[1:]]
    elif kind == "closing":
        story.closing = conv(f"（{rng.choice(['本报记者', '记者', '通讯员'])}　{names}）")


def _converter(traditional: bool):  # noqa: ANN202 - a str -> str function
    if not traditional:
        return lambda s: s
    import opencc

    return opencc.OpenCC("s2t").convert


def _furniture(
    comp: _Composer,
    groups: list[_Group],
    lines: list[_Line],
    st: _Style,
    page: int,
    name: str,
    month: int,
    day: int,
    margin: float,
    conv,  # noqa: ANN001
) -> float:
    """Masthead or running head, folio and credits; returns where the stories start."""
    rng = comp.rng
    width = st.page[0] - 2 * margin
    week = "一二三四五六日"[(month * 31 + day) % 7]
    date = conv(f"2026年{month}月{day}日　星期{week}")
    section = conv(rng.choice(SECTIONS))
    top = margin
    head = _Group(role="furniture")
    if page == 1 and st.masthead:
        size = st.page[0] * rng.uniform(0.06, 0.085)
        y = comp.head_block(head, lines, margin, top, width, conv(name), size, "hei", size * 0.04, "centre")
        info = conv(f"{date}　　第{rng.randint(1000, 9999)}期　　今日{rng.choice([8, 12, 16, 24])}版")
        y = comp.head_block(head, lines, margin, y + 4, width, info, st.body, st.body_face, 0.0, "centre")
        head.ops.append(_Shape("line", margin, y + 4, width, 0))
        top = y + 14
    else:
        left = conv(f"{name}　{date}")
        right = conv(f"第{page}版　{section}") if rng.random() < 0.5 else conv(f"A{page}　{section}")
        comp.head_block(head, lines, margin, top, width, left, st.body * 0.95, st.body_face, 0.0)
        ops, placed = _set_line(comp.m, st, rng, st.body_face, st.body * 0.95, 0.0, margin, top, right, width, "right")
        head.ops += ops
        lines.append(placed)
        head.ops.append(_Shape("line", margin, top + st.body * 1.6, width, 0))
        top += st.body * 1.6 + 10
    foot = _Group(role="furniture")
    y = st.page[1] - margin
    folio = str(page) if rng.random() < 0.5 else f"— {page} —"
    ops, placed = _set_line(comp.m, st, rng, st.body_face, st.body * 0.9, 0.0, st.page[0] / 2 - st.body, y, folio, None)
    foot.ops += ops
    lines.append(placed)
    credit = conv(f"责任编辑：{rng.choice(EDITORS)}　　版式：{rng.choice(EDITORS)}")
    ops, placed = _set_line(comp.m, st, rng, st.body_face, st.body * 0.8, 0.0, margin, y, credit, width, "right")
    foot.ops += ops
    lines.append(placed)
    groups += [head, foot]
    return top


def _draw(pdf, rng: random.Random, st: _Style, pages: list[list[_Group]]) -> None:  # noqa: ANN001 - fpdf.FPDF
    """Write each page's operations in the paper's drawing order (never simply the reading order)."""
    from fpdf.enums import TextMode

    for groups in pages:
        pdf.add_page()
        if st.order == "lines":
            ops = [op for g in groups for op in g.ops]
            rng.shuffle(ops)
        else:
            order = list(groups)
            rng.shuffle(order)
            if st.order == "reverse":
                order = groups[::-1]
            elif st.order == "heads-last":
                order = [g for g in groups if g.role != "head"] + [g for g in groups if g.role == "head"]
                furniture = [g for g in order if g.role == "furniture"]
                order = [g for g in order if g.role != "furniture"]
                for g in furniture:  # furniture in the middle of the stream
                    order.insert(rng.randrange(len(order) + 1), g)
            ops = [op for g in order for op in g.ops]
        spacing = 0.0
        for op in ops:
            if isinstance(op, _Shape):
                pdf.set_draw_color(0)
                pdf.set_line_width(0.5)
                if op.kind == "tint":
                    pdf.set_fill_color(rng.randint(200, 235))
                    pdf.rect(op.x, op.y, op.w, op.h, style="F")
                elif op.kind == "rect":
                    pdf.rect(op.x, op.y, op.w, op.h, style="D")
                else:
                    pdf.line(op.x, op.y, op.x + op.w, op.y + op.h)
                continue
            pdf.set_font(op.face, size=op.size)
            if op.spacing != spacing:
                pdf.set_char_spacing(op.spacing)
                spacing = op.spacing
            if op.stroke:  # inside q/Q: fpdf2 does not reset the render mode after the text object
                with pdf.local_context():
                    pdf.text_mode = TextMode.FILL_STROKE
                    pdf.set_line_width(op.stroke)
                    pdf.set_draw_color(0)
                    pdf.text(op.x, op.baseline, op.text)
            else:
                pdf.text(op.x, op.baseline, op.text)
        if spacing:
            pdf.set_char_spacing(0)


# ---- the gold check --------------------------------------------------------------------------------
def check_gold(paper: FpdfNewspaper) -> list[str]:
    """Gold pieces (and placed lines) the PDF does not print where the gold says.

    pdfplumber reads each page's characters; for every line this module placed, the characters whose centre
    lies in the line's box, left to right, must be the line's text; and every gold piece must be found, in
    order, in the page's text gathered box by box in the layout's reading order (``pieces_not_on_their_pages``)
    — the stream's own order is shuffled on purpose, so it cannot serve. An empty list means the gold holds."""
    import pdfplumber

    problems: list[str] = []
    with pdfplumber.open(str(paper.path)) as pdf:
        if len(pdf.pages) != paper.pages:
            return [f"{len(pdf.pages)} pages printed, {paper.pages} in the gold"]
        texts = []
        for n, (page, lines) in enumerate(zip(pdf.pages, paper.lines, strict=True), start=1):
            chars = [c for c in page.chars if not c["text"].isspace()]
            parts = []
            for line in lines:
                x0, top, x1, bottom = line.box
                inside = [
                    c
                    for c in chars
                    if x0 - 0.5 <= (c["x0"] + c["x1"]) / 2 <= x1 + 0.5 and top <= (c["top"] + c["bottom"]) / 2 <= bottom
                ]
                got = "".join(c["text"] for c in sorted(inside, key=lambda c: c["x0"]))
                if got != "".join(line.text.split()):
                    problems.append(f"p.{n} line {line.text[:20]!r} printed as {got[:20]!r}")
                parts.append(got)
            texts.append("".join(parts))
    return problems + pieces_not_on_their_pages(paper.pieces, texts)
