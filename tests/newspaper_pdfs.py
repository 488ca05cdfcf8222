"""Newspaper-like PDFs made with reportlab, with the gold article of every printed piece of text.

A page is a grid of columns cut into rectangular modules (bands across the page, split into
modules of 1..C columns, sometimes a full-height side column). Each module holds one article:
an optional kicker (引题), the headline across the module, an optional subtitle (副题) and byline,
then the body flowing down the module's columns. Some page-1 articles do not fit and jump:
their last column ends with '（下转第2版）' mid-paragraph and the rest is printed on page 2 under
'（上接第1版）', with or without a repeated jump headline. Page banners, dates, page numbers
and editor credits sit in the top and bottom margins.

Layout dimensions are drawn independently per family (columns, body size, leading, gutter,
headline scale, indent or paragraph spacing, kicker/subtitle/byline rates), so a reader can be
tuned on some families and reported on another (the held-out family now comes from another
producer: tests/newspaper_html.py prints with Chromium). Article text comes from three sources the PDF
reader was not written against: the bundled newspaper page (real articles, hand-labelled in
tests/structure_gold.py), the structure tests' topic generator (tests/scrambled_pages.py) and the
loading tests' sentence pool (tests/textgen.py, Chinese and English).

Fonts: reportlab's built-in CID font STSong-Light (Adobe-GB1), which needs no font file.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from tests import scrambled_pages, textgen
from tests.structure_gold import PAGE, READING

FONT = "STSong-Light"
HANGING = set("，。、；：？！）”」』》")
SUBHEAD = "\x00"  # marks a subhead among an article's paragraphs


@dataclass(frozen=True)
class Family:
    """Ranges the layout dimensions of one family of pages are drawn from."""

    name: str
    columns: tuple[int, ...]
    body: tuple[float, float]  # body size, pt
    leading: tuple[float, float]  # line pitch as a multiple of the body size
    gutter: tuple[float, float]  # column gap as a multiple of the body size
    head: tuple[float, float]  # headline size as a multiple of the body size
    indent: bool  # paragraphs open with a two-character indent (else: a half-line space)
    kicker: float  # share of articles with a kicker / subtitle / byline
    subtitle: float
    byline: float
    jump_head: float  # share of continuations printed under a repeated headline
    page: tuple[float, float] = (842.0, 1191.0)  # A3 broadsheet-like
    subheads: float = 0.0  # share of articles with in-text subheads (小标题), one size up from the body


FAMILIES = {
    "broadsheet": Family(
        "broadsheet", (3, 4, 5), (9.0, 10.5), (1.4, 1.6), (1.2, 2.0), (2.0, 3.2), True, 0.4, 0.4, 0.6, 0.5, subheads=0.3
    ),
    "tabloid": Family(
        "tabloid",
        (2, 3, 4),
        (9.5, 11.0),
        (1.45, 1.7),
        (1.0, 1.8),
        (1.7, 2.6),
        True,
        0.3,
        0.5,
        0.5,
        0.5,
        page=(595.0, 842.0),
        subheads=0.3,
    ),
    # Small dense type, narrow gutters, smaller headlines, no indents (a blank line between paragraphs).
    # Held out of tuning at first; later DIAGNOSED: its failures were inspected on seeds 7000+ (the
    # benchmark scores seeds 1000–5039) and general causes fixed, so it no longer counts as held out.
    "dense": Family(
        "dense", (4, 5), (8.0, 8.5), (1.3, 1.4), (0.75, 1.0), (1.5, 2.0), False, 0.6, 0.6, 0.8, 0.7, subheads=0.4
    ),
}
TUNING = ("broadsheet", "tabloid")
DIAGNOSED = ("dense",)


@dataclass
class Article:
    headline: str
    paragraphs: list[str]
    kicker: str | None = None
    subtitle: str | None = None
    byline: str | None = None
    subhead: str | None = None  # the subhead in force where the printed text stopped (for a jump)


@dataclass
class Piece:
    """A run of one paragraph printed contiguously (a paragraph cut by a jump is two pieces)."""

    article: str  # gold: the article's headline
    text: str
    page: int
    role: str = "body"
    continues: bool = False  # this piece continues a paragraph cut on an earlier page
    section: tuple[str, ...] = ()  # gold section path when it is not just (article,): under a subhead


@dataclass
class Newspaper:
    path: Path
    family: str
    columns: int
    pages: int
    pieces: list[Piece] = field(default_factory=list)
    jumps: list[str] = field(default_factory=list)  # headlines of articles continued on page 2
    subheads: list[tuple[str, str]] = field(default_factory=list)  # (headline, subhead) printed


# ---- article text ------------------------------------------------------------------------------
def _bundled_articles() -> list[Article]:
    lines = PAGE.read_text(encoding="utf-8").split("\n")
    out = []
    for key, orders in READING.items():
        if key.startswith("（"):
            continue
        paras = [lines[n - 1].strip() for order in orders for n, _ in order]
        out.append(Article(key, [p for p in paras if p]))
    return out


def _topic_article(rng: random.Random, topic: dict) -> Article:
    paras, _ = scrambled_pages._article_paragraphs(rng, topic, rng.random() < 0.5)
    return Article(topic["headlines"][0], paras)


def _pool_article(rng: random.Random) -> Article:
    sentences = textgen.ZH_SENTENCES[:]
    rng.shuffle(sentences)
    cuts = sorted(rng.sample(range(1, len(sentences)), 4))
    paras = ["".join(sentences[a:b]) for a, b in zip([0, *cuts], [*cuts, len(sentences)], strict=True)]
    return Article(f"{rng.choice(textgen.TITLES)}观察", paras)


def article_pool(rng: random.Random) -> list[Article]:
    """Articles with distinct headlines from the three text sources, shuffled."""
    pool = _bundled_articles() + [_topic_article(rng, t) for t in scrambled_pages.TOPICS] + [_pool_article(rng)]
    rng.shuffle(pool)
    return pool


# ---- typesetting ---------------------------------------------------------------------------------


def fonts_missing(paths: Iterable[Path], install: str) -> str | None:
    """Why a producer cannot make papers when any of its font files is missing (the files, and the ``install`` script
    that brings them), else None: the last of a producer's availability checks, which its tests skip with."""
    missing = [str(path) for path in paths if not path.is_file()]
    return f"fonts missing: {', '.join(missing)} ({install})" if missing else None


def pd_article_sample(rng: random.Random, k: int) -> list[Article]:
    """Up to ``k`` People's Daily 1998 articles (distinct titles, reporters as the byline) in random order,
    or the built-in pool when the corpus is not installed; for the other producers' generators."""
    from tests import text_sources

    source = text_sources.pd_articles()
    if not source:
        return article_pool(rng)
    out, seen = [], set()
    for n in rng.sample(range(len(source)), min(k, len(source))):
        a = source[n]
        if a.title in seen or not a.paragraphs:
            continue
        seen.add(a.title)
        byline = "　".join(a.names[:2]) if a.names else None  # reporter names, if the source tags any
        out.append(Article(a.title, list(a.paragraphs), byline=byline))
    return out


PUNCT = set("。！？，、；：”）」』》.,;:!?)")


def cut_for_jump(paragraphs: list[str], share: float, edge: int = 8, slack: int = 4) -> tuple[list[str], list[str]]:
    """Paragraphs printed before a jump (the last cut mid-sentence, as a full column cuts it) and the rest
    (the cut paragraph's tail first): about ``share`` of the characters first, never within ``edge``
    characters of a paragraph's ends, moved past punctuation up to ``slack`` before the end."""
    budget = int(sum(map(len, paragraphs)) * share)
    shown: list[str] = []
    for k, para in enumerate(paragraphs):
        if budget < len(para):
            at = max(edge, min(len(para) - edge, budget))
            while at < len(para) - slack and (para[at - 1] in PUNCT or para[at] in PUNCT):
                at += 1
            return shown + [para[:at]], [para[at:], *paragraphs[k + 1 :]]
        shown.append(para)
        budget -= len(para)
    return paragraphs[:-1], paragraphs[-1:]


class _Setter:
    def __init__(self, canvas, height: float, font: str = FONT) -> None:  # noqa: ANN001 - reportlab canvas
        from reportlab.pdfbase.pdfmetrics import stringWidth

        self.font = font
        self.c = canvas
        self.height = height
        self.width_of = stringWidth

    def text(self, x: float, top: float, size: float, s: str, width: float | None = None) -> None:
        """Draw ``s``; with ``width``, justify it to that width (spread between characters)."""
        self.c.setFont(self.font, size)
        if width is None or len(s) < 2:
            self.c.drawString(x, self.height - top - size * 0.88, s)
            return
        spare = max(0.0, width - self.measure(s, size))
        obj = self.c.beginText(x, self.height - top - size * 0.88)
        obj.setFont(self.font, size)
        obj.setCharSpace(spare / (len(s) - 1))
        obj.textOut(s)
        obj.setCharSpace(0)  # character spacing is graphics state: it would outlive this line
        self.c.drawText(obj)

    def measure(self, s: str, size: float) -> float:
        return self.width_of(s, self.font, size)

    def wrap(self, s: str, size: float, width: float, first_indent: float = 0.0) -> list[str]:
        lines: list[str] = []
        current = ""
        limit = width - first_indent
        for ch in s:
            if current and self.measure(current + ch, size) > limit:
                if ch in HANGING and len(current) > 1:  # no line starts with a comma: push a character over
                    lines.append(current[:-1])
                    current = current[-1]
                else:
                    lines.append(current)
                    current = ""
                limit = width
            current += ch
        if current:
            lines.append(current)
        return lines


@dataclass
class _Module:
    x: float
    top: float
    width: float
    height: float
    span: int  # columns


def _modules(
    rng: random.Random, columns: int, x0: float, top: float, width: float, height: float, gutter: float
) -> list[_Module]:
    """Bands across the page, each split into modules; sometimes a full-height last column first."""
    col_w = (width - gutter * (columns - 1)) / columns
    mods: list[_Module] = []
    cols = columns
    if columns >= 3 and rng.random() < 0.35:  # a side column of its own
        cols -= 1
        mods.append(_Module(x0 + cols * (col_w + gutter), top, col_w, height, 1))
    bands = rng.choice([1, 2, 2, 3])
    heights = [rng.uniform(0.7, 1.3) for _ in range(bands)]
    y = top
    out: list[_Module] = []
    for h in heights:
        band_h = height * h / sum(heights)
        start = 0
        while start < cols:
            span = rng.randint(1, cols - start) if start or rng.random() < 0.6 else cols
            span = max(span, 1)
            out.append(
                _Module(x0 + start * (col_w + gutter), y, span * col_w + (span - 1) * gutter, band_h - gutter, span)
            )
            start += span
        y += band_h
    return out + mods


def make_newspaper(
    path: Path, seed: int, family: Family, pages: int = 2, columns: int | None = None, font_file: Path | None = None
) -> Newspaper:
    """Write a ``pages``-page newspaper PDF to ``path``; return the gold article of every piece.

    ``font_file``: a TrueType/TrueType-collection font to embed (subset) instead of the built-in,
    non-embedded STSong-Light — real newspapers embed their fonts.
    """
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas as rl_canvas

    font = FONT
    if font_file is not None:
        from reportlab.pdfbase.ttfonts import TTFont

        font = f"Embedded-{Path(font_file).stem}"
        pdfmetrics.registerFont(TTFont(font, str(font_file), subfontIndex=0))
    else:
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    rng = random.Random(seed)
    columns = columns or rng.choice(family.columns)
    page_w, page_h = family.page
    body = round(rng.uniform(*family.body) * 2) / 2
    pitch = body * rng.uniform(*family.leading)
    gutter = body * rng.uniform(*family.gutter)
    head = body * rng.uniform(*family.head)
    margin = page_w * 0.06
    paper = Newspaper(path, family.name, columns, pages)
    canvas = rl_canvas.Canvas(str(path), pagesize=family.page)
    setter = _Setter(canvas, page_h, font)
    pool = article_pool(rng)
    carried: list[tuple[Article, list[str], str | None]] = []  # jumped here: (article, remaining paragraphs, _)
    jumping: list[tuple[Article, list[str], str | None]] = []  # jumping from this page to the next
    date = f"2026年{rng.randint(1, 12)}月{rng.randint(1, 28)}日 星期{rng.choice('一二三四五六日')}"
    for page in range(1, pages + 1):
        carried, jumping = carried + jumping, []  # what jumped from the page before is set here
        # Furniture: banner with edition and date at the top, page number and credits at the bottom.
        setter.text(
            margin,
            page_h * 0.025,
            body,
            f"示例日报   {date}   第{page}版   {rng.choice(['要闻', '综合', '经济', '民生'])}",
        )
        setter.text(page_w / 2 - body, page_h * 0.965, body * 0.9, f"— {page} —")
        setter.text(
            page_w - margin - body * 12, page_h * 0.965, body * 0.8, f"责任编辑 {rng.choice(scrambled_pages.REPORTERS)}"
        )
        top, height = page_h * 0.08, page_h * 0.84
        modules = _modules(rng, columns, margin, top, page_w - 2 * margin, height, gutter)
        for m_index, module in enumerate(modules):
            if carried and page > 1:
                article, rest, _ = carried.pop(0)
                _set_article(
                    setter,
                    paper,
                    module,
                    article,
                    rest,
                    page,
                    body,
                    pitch,
                    gutter,
                    head,
                    family,
                    rng,
                    continuation=True,
                    columns=columns,
                )
                continue
            if not pool:
                break
            article = pool.pop()
            may_jump = page < pages and m_index < 2 and rng.random() < 0.8
            if may_jump and pool:  # a long story: the lead articles run on to the next page
                article = Article(article.headline, article.paragraphs + pool.pop().paragraphs)
            if rng.random() < family.subheads and len(article.paragraphs) >= 4:
                paras = list(article.paragraphs)
                for k, at in enumerate(sorted(rng.sample(range(2, len(paras)), min(2, len(paras) - 2)))):
                    word = rng.choice(scrambled_pages.PART_WORDS)
                    paras.insert(at + k, f"{SUBHEAD}◆{word}{'之一二'[k + 1]}{len(paper.subheads)}")
                    paper.subheads.append((article.headline, paras[at + k][1:]))
                article = Article(article.headline, paras)
            rest = _set_article(
                setter,
                paper,
                module,
                article,
                list(article.paragraphs),
                page,
                body,
                pitch,
                gutter,
                head,
                family,
                rng,
                continuation=False,
                columns=columns,
                may_jump=may_jump,
            )
            if rest:
                jumping.append((article, rest, None))
                paper.jumps.append(article.headline)
        canvas.showPage()
    canvas.save()
    return paper


def _set_article(
    setter: _Setter,
    paper: Newspaper,
    module: _Module,
    article: Article,
    paragraphs: list[str],
    page: int,
    body: float,
    pitch: float,
    gutter: float,
    head: float,
    family: Family,
    rng: random.Random,
    continuation: bool,
    columns: int,
    may_jump: bool = False,
) -> list[str]:
    """Print one article (or its continuation) into a module; return paragraphs left over for a jump."""
    y = module.top
    key = article.headline
    if continuation:
        if rng.random() < family.jump_head:
            size = max(body * 1.3, head * 0.6)
            for line in setter.wrap(article.headline, size, module.width):
                setter.text(module.x, y, size, line)
                y += size * 1.25
            y += size * 0.35
        marker = f"（上接第{page - 1}版）"
    else:
        marker = ""
        if rng.random() < family.kicker:
            article.kicker = rng.choice(scrambled_pages.BANNERS)
            for line in setter.wrap(article.kicker, body * 1.2, module.width):
                setter.text(module.x, y, body * 1.2, line)
                y += body * 1.2 * 1.3
            paper.pieces.append(Piece(key, article.kicker, page, "kicker"))
            y += body * 0.4
        size = head if module.span > 1 else max(body * 1.4, head * 0.7)
        for line in setter.wrap(article.headline, size, module.width):
            setter.text(module.x, y, size, line)
            y += size * 1.25
        y += size * 0.3
        if rng.random() < family.subtitle:
            article.subtitle = f"——{rng.choice(textgen.TITLES)}的新进展"
            for line in setter.wrap(article.subtitle, body * 1.2, module.width):
                setter.text(module.x, y, body * 1.2, line)
                y += body * 1.2 * 1.3
            paper.pieces.append(Piece(key, article.subtitle, page, "subtitle"))
            y += body * 0.5
        if rng.random() < family.byline:
            article.byline = f"本报记者 {' '.join(rng.sample(scrambled_pages.REPORTERS, rng.randint(1, 2)))}"
            paragraphs = [article.byline, *paragraphs]
        y += pitch - body
    col_w = (module.width - gutter * (module.span - 1)) / module.span
    bottom = module.top + module.height
    rows = max(1, int((bottom - y) / pitch))
    slots = [(module.x + k * (col_w + gutter), y) for k in range(module.span)]
    capacity = rows * module.span
    # Lay the paragraphs out line by line; a paragraph's first line gets its indent.
    laid: list[tuple[str, float, int, bool]] = []  # (line, indent, paragraph index, justified)
    for p_index, para in enumerate(paragraphs):
        if para.startswith(SUBHEAD):
            laid.append((para[1:], 0.0, p_index, False))
            continue
        is_byline = bool(article.byline) and para == article.byline
        first_indent = 2 * body if family.indent and not (continuation and p_index == 0) and not is_byline else 0.0
        wrapped = setter.wrap(para, body, col_w, first_indent)
        for n, line in enumerate(wrapped):
            laid.append((line, first_indent if n == 0 else 0.0, p_index, n < len(wrapped) - 1))
        if not family.indent:
            laid.append(("", 0.0, p_index, False))  # half-line paragraph space, as an empty slot
    # Jump only when text is left over (not just the paragraph space after the last line).
    jump = may_jump and any(line for line, *_ in laid[capacity - 1 :])
    usable = capacity - 1 if jump else capacity
    if continuation:
        laid.insert(0, (marker, 0.0, -1, False))
    usable = min(usable, len(laid))
    while usable > 1 and laid[usable - 1][2] >= 0 and paragraphs[laid[usable - 1][2]].startswith(SUBHEAD):
        usable -= 1  # no module ends on a subhead: it goes on with its text (or is not printed)
    shown = laid[:usable]
    printed: dict[int, str] = {}
    for n, (line, indent, p_index, justified) in enumerate(shown):
        column, row = divmod(n, rows)
        x, y0 = slots[column]
        if line and p_index >= 0 and paragraphs[p_index].startswith(SUBHEAD):
            setter.text(x, y0 + row * pitch, body * 1.15, line)
        elif line:
            setter.text(x + indent, y0 + row * pitch, body, line, col_w - indent if justified else None)
        if p_index >= 0 and line:
            printed[p_index] = printed.get(p_index, "") + line
    if jump:
        column, row = divmod(len(shown), rows)
        x, y0 = slots[min(column, module.span - 1)]
        tag = f"（下转第{page + 1}版）"
        setter.text(x + col_w - setter.measure(tag, body), y0 + min(row, rows - 1) * pitch, body, tag)
    for p_index in sorted(printed):
        text = printed[p_index]
        if paragraphs[p_index].startswith(SUBHEAD):
            article.subhead = paragraphs[p_index][1:]
            continue
        role = "byline" if article.byline and paragraphs[p_index] == article.byline else "body"
        section = (key, article.subhead) if article.subhead else ()
        paper.pieces.append(Piece(key, text, page, role, continues=continuation and p_index == 0, section=section))
    if not jump:
        return []
    last = max(printed, default=-1)
    rest: list[str] = []
    if last >= 0 and not paragraphs[last].startswith(SUBHEAD):
        done = printed[last]
        remainder = paragraphs[last][len(done) :]
        if remainder:
            rest.append(remainder)
    rest.extend(paragraphs[last + 1 :])
    return [p for p in rest if p != article.byline]


# ---- scoring -------------------------------------------------------------------------------------
@dataclass
class PdfScore:
    """Gold pieces whose paragraph lands in their article's section, and jumps stitched back."""

    pieces: int = 0
    correct: int = 0  # the section path names the piece's article
    exact: int = 0  # the section path is exactly (headline,)
    found: int = 0  # the piece's text is inside one output paragraph (paragraph kept whole)
    ambiguous: int = 0  # text shared with another article's piece: not scored
    jumps: int = 0
    stitched: int = 0  # continuation follows the article's page-1 text in the same section

    def add(self, other: PdfScore) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def rate(self, name: str) -> float:
        total = self.jumps if name == "stitched" else self.pieces
        return getattr(self, name) / total if total else float("nan")


def _norm(text: str) -> str:
    return "".join(text.split())


def score_outline(paper: Newspaper, outline) -> PdfScore:  # noqa: ANN001 - qa.records.Outline
    """Score an outline of ``paper`` (from any reader or text path) against its gold pieces."""
    texts = [_norm(p.text) for p in outline.paragraphs]
    where: dict[int, tuple[tuple[str, ...], int, int]] = {}  # paragraph -> (path, section, position)
    for s_index, section in enumerate(outline.sections):
        for pos, i in enumerate(section.paragraphs):
            where[i] = (tuple(_norm(t) for t in section.path), s_index, pos)
    score = PdfScore()
    located: dict[int, tuple[int, int] | None] = {}
    for n, piece in enumerate(paper.pieces):
        t = _norm(piece.text)
        # Body text first: a short piece may also be a substring of a headline. Then the paragraph
        # on the piece's page that fits it most closely: a short piece ('果。', the tail of a cut
        # sentence) is also a substring of many other paragraphs.
        hits = sorted(
            (i for i, text in enumerate(texts) if t in text),
            key=lambda i: (i not in where, outline.paragraphs[i].page_start != piece.page, len(texts[i])),
        )
        path, s_index, pos = where.get(hits[0], ((), -1, -1)) if hits else ((), -1, -1)
        located[n] = (s_index, pos) if hits else None  # also for ambiguous pieces: a jump's tail may be one
        if any(o.article != piece.article and t in _norm(o.text) for o in paper.pieces):
            score.ambiguous += 1
            continue
        score.pieces += 1
        if not hits:
            continue
        score.found += 1
        head = _norm(piece.article)
        score.correct += head in path
        score.exact += path == (tuple(_norm(x) for x in piece.section) if piece.section else (head,))
    for headline in paper.jumps:
        score.jumps += 1
        mine = [n for n, p in enumerate(paper.pieces) if p.article == headline and p.role == "body"]
        start = paper.pieces[mine[0]].page if mine else 0
        first_p2 = next((n for n in mine if paper.pieces[n].page > start), None)
        last_p1 = max((n for n in mine if paper.pieces[n].page == start), default=None)
        if first_p2 is None or last_p1 is None:
            score.jumps -= 1
            continue
        a, b = located.get(last_p1), located.get(first_p2)
        # Right after the page-1 text: next in its section, or first under a subhead that follows it.
        same = bool(a and b and a[0] == b[0] and b[1] == a[1] + 1)
        under_subhead = bool(
            a
            and b
            and b[0] == a[0] + 1
            and b[1] == 0
            and outline.sections[b[0]].path[:1] == outline.sections[a[0]].path[:1]
        )
        score.stitched += same or under_subhead
    return score


def pieces_not_on_their_pages(pieces: list[Piece], page_texts: list[str]) -> list[str]:
    """Each gold piece must be a subsequence of its page's printed characters (whitespace ignored): the
    gold check the Typst and LaTeX producers share. An empty list means the gold is consistent."""
    problems: list[str] = []
    for piece in pieces:
        text = page_texts[piece.page - 1]
        at = 0
        for ch in "".join(piece.text.split()):
            at = text.find(ch, at)
            if at < 0:
                where = f"p.{piece.page} {piece.role} of {piece.article!r}"
                problems.append(f"{where}: {piece.text[:30]!r} not on its page")
                break
            at += 1
    return problems


def drawn_page_texts(paper: Newspaper) -> list[str]:
    """Each page's characters in the order the producer drew them (white space removed): a producer that writes each
    line's glyphs in reading order makes every gold piece a subsequence of its page's text."""
    import pdfplumber

    with pdfplumber.open(paper.path) as pdf:
        return ["".join("".join(c["text"] for c in page.chars).split()) for page in pdf.pages]


def gold_problems(paper: Newspaper, texts: list[str]) -> list[str]:
    """Problems with a paper's gold, given its pages' ``texts``: the wrong number of pages, or pieces whose characters
    are not drawn, in order, on their page (``pieces_not_on_their_pages``)."""
    if len(texts) != paper.pages:
        return [f"{len(texts)} pages printed, {paper.pages} in the gold"]
    return pieces_not_on_their_pages(paper.pieces, texts)


def assert_jumps_span_pages(paper: Newspaper) -> None:
    """A two-page paper's gold: text on both pages, every jumped story on both, continuations only later."""
    assert {p.page for p in paper.pieces} == {1, 2}
    for headline in paper.jumps:
        pages = {p.page for p in paper.pieces if p.article == headline and p.role == "body"}
        assert pages == {1, 2}, headline
    assert all(p.page > 1 for p in paper.pieces if p.continues)


def assert_gold_checked(paper: Newspaper, check_gold: Callable[[Newspaper], list]) -> None:
    """A producer's gold check passes on ``paper`` and is no test that cannot fail: the same gold with its long
    body pieces moved to the other page of a two-page paper is caught, one complaint per piece moved."""
    assert check_gold(paper) == []
    assert_jumps_span_pages(paper)
    long_body = [p.role == "body" and len(p.text) > 40 for p in paper.pieces]
    moved = [replace(p, page=3 - p.page) if long else p for p, long in zip(paper.pieces, long_body, strict=True)]
    assert len(check_gold(replace(paper, pieces=moved))) == sum(long_body)


def read_papers(papers: list[Newspaper]) -> list[tuple]:
    """(paper, document, outline) for each paper, as ``qa build`` reads it: the reader's side of a producer's test."""
    from qa.formats.pdf import read_pdf
    from qa.structure import recover_outline

    out = []
    for paper in papers:
        doc = read_pdf(paper.path, paper.path.name)
        out.append((paper, doc, recover_outline(doc)))
    return out


def assert_jumps_marked(
    papers: list[Newspaper], page_texts: Callable, jump_out: tuple[str, ...], jump_in: tuple[str, ...]
) -> None:
    """Page 1 says where each jumped story goes and page 2 where it came from (in one of the producer's wordings,
    simplified or traditional), and the paragraph cut at page 1's foot goes on on page 2 (a producer's gold)."""
    import opencc

    to_trad = opencc.OpenCC("s2tw").convert
    for paper in papers:
        first, second = page_texts(paper)
        assert any(squeezed(m) in first or squeezed(to_trad(m)) in first for m in jump_out), paper.path.name
        assert any(squeezed(m) in second or squeezed(to_trad(m)) in second for m in jump_in), paper.path.name
        for headline in paper.jumps:
            body = [p for p in paper.pieces if p.article == headline and p.role == "body"]
            assert {p.page for p in body} == {1, 2} and not any(p.continues for p in body if p.page == 1)


def assert_gold_check_can_fail(paper: Newspaper, check_gold: Callable[[Newspaper], list]) -> None:
    """A piece whose text is not on its page (here: a long body piece's characters reversed) is reported, once: a
    producer's gold check is no check that cannot fail."""
    n = next(i for i, p in enumerate(paper.pieces) if p.role == "body" and len(p.text) > 20)
    pieces = list(paper.pieces)
    pieces[n] = replace(pieces[n], text=pieces[n].text[::-1])
    assert len(check_gold(replace(paper, pieces=pieces))) == 1


def assert_cut_paragraphs_go_on(papers: list[Newspaper]) -> None:
    """A jumped story's text on page 2 opens with the tail of the paragraph cut on page 1 (a gold piece that
    ``continues``) or with a whole paragraph, and no later piece continues anything; at least one of the papers cuts
    a paragraph mid-way (a producer whose jumps all fall between paragraphs would not test the reader's stitching)."""
    cut_mid_paragraph = 0
    for paper in papers:
        for headline in paper.jumps:
            body = [p for p in paper.pieces if p.article == headline and p.role == "body"]
            first_p2 = next(p for p in body if p.page == 2)
            assert not any(p.continues for p in body if p is not first_p2), headline
            cut_mid_paragraph += first_p2.continues
    assert cut_mid_paragraph


def assert_headlines_set_as_heads(papers: list[Newspaper]) -> None:
    """Each story's headline is printed, somewhere its first characters stand, as a head: larger than the most
    common (body) size, or in 黑体 (WenQuanYi: a brief's run-in head at the body size) — not as a line of body text."""
    from collections import Counter

    import pdfplumber

    for paper in papers:
        with pdfplumber.open(paper.path) as pdf:
            chars = [c for page in pdf.pages for c in page.chars if c["text"].strip()]
        body = Counter(round(c["size"], 1) for c in chars).most_common(1)[0][0]
        text = "".join(c["text"] for c in chars)
        for headline in dict.fromkeys(p.article for p in paper.pieces):
            start = "".join(headline.split())[:4]
            at = [i for i in range(len(text)) if text.startswith(start, i)]
            assert at, headline
            assert any(chars[i]["size"] > body * 1.1 or "WenQuanYi" in chars[i]["fontname"] for i in at), (
                f"{paper.path.name}: {headline!r} is printed at the body size in the body face"
            )


def assert_both_pages_read(read: list[tuple]) -> None:
    """The reader's text of each paper (``read_papers``) comes from both of its pages."""
    for paper, doc, _ in read:
        assert {h.page for h in (doc.hints or {}).values()} == {1, 2}, paper.path.name


def assert_filed_and_stitched(read: list[tuple]) -> None:
    """The reader's target on a producer's papers (``read_papers``): 98 % of the paragraphs under their story's
    headline, every jump stitched."""
    for paper, _, outline in read:
        score = score_outline(paper, outline)
        assert score.rate("correct") >= 0.98, paper.path.name
        assert score.stitched == score.jumps, paper.path.name


def squeezed(text: str) -> str:
    """``text`` without white space (a PDF reader may keep or drop the spaces a line break leaves)."""
    return "".join(text.split())


def section_of(outline, text: str) -> tuple[str, ...] | None:  # noqa: ANN001 - qa.records.Outline
    """The section path (squeezed) of the paragraph holding ``text`` whole, or None when none does."""
    t = squeezed(text)
    for section in outline.sections:
        if any(t in squeezed(outline.paragraphs[i].text) for i in section.paragraphs):
            return tuple(squeezed(x) for x in section.path)
    return None


def pages_cited(searcher, paper: Newspaper, per_page: int = 3) -> dict[int, int]:  # noqa: ANN001 - qa.search.Searcher
    """Probe the middle of long body paragraphs by keyword; each first hit holding the probe must cite a page
    range including the page the paragraph was printed on. Returns how many were checked per page."""
    checked = {1: 0, 2: 0}
    for piece in paper.pieces:
        body = "".join(piece.text.split())
        if piece.role != "body" or len(body) < 60 or checked.get(piece.page, per_page) >= per_page:
            continue
        probe = body[len(body) // 2 - 8 : len(body) // 2 + 8]
        hits = [h for h in searcher.search(probe, k=10, mode="keyword") if probe in "".join(h.chunk.text.split())]
        if not hits:
            continue
        data = hits[0].to_json()
        assert data["page_start"] <= piece.page <= data["page_end"], (probe, data["page_start"], data["page_end"])
        assert " p." in hits[0].citation
        checked[piece.page] += 1
    return checked
