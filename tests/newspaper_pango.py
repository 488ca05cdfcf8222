"""Newspaper PDFs set line by line with Pango and written by cairo's PDF surface, with gold.

A tenth producer (after reportlab, Chromium, WeasyPrint, Typst, LibreOffice, XeLaTeX, fpdf2, PDFKit and Scribus),
written by an engineer who did NOT read the PDF reader's source (qa/formats, qa/structure), its tests, nor the other
producers' layout code (only the gold and scoring interface of tests/newspaper_pdfs.py, the corpus loaders of
tests/text_sources.py and the registration shape of tests/newspaper_scribus.py). The conventions below were written
down before the reader first ran on these papers.

The engine: **Pango** breaks every paragraph into lines (its UAX #14 line breaker with CJK rules, its
justification, its font fallback through fontconfig) and **cairo**'s PDF surface writes the page (its own font
subsetting and ToUnicode maps; no other producer uses cairo). The page composition is this producer's own: a
column grid cut into bands of modules, each story's lines placed column after column by
tests/newspaper_pango_script.py, which runs under Debian's python3 (python3-gi, gir1.2-pango-1.0, python3-gi-cairo:
the project's Python has no GObject bindings). This module draws the paper's dimensions and text and writes the
spec; the script lays the paper out and reports every line it drew.

Conventions (fixed before the first run):

- **Grid**: page width 640–960 pt, height ×1.32–1.48, margins 22–48 pt, 3–6 columns (redrawn until a column holds
  at least 9 body characters), gutter 7–16 pt; body 8.5–10.5 px (pt), leading ×1.35–1.7 on a fixed baseline step.
- **Page 1**: a masthead — the paper's name in large red type, centred with the issue line under it, or at the left
  with an ear of date / 星期 / 第N期 / 国内统一刊号 lines at the right — over a thick rule (double on some
  papers). Then the **lead** over C or C−1 columns (a one-column strip of short stories at the left or right beside
  it on some papers), its body cut at a fixed depth so that it JUMPS; then bands of modules (a band split into
  modules of 1..C columns, e.g. 2+2+1, 1+3+1, 4+2) down to the footer. Modules of one band share the band's depth
  (the deepest story's); longer stories in it are cut at the band's foot (the cut lines are simply not printed and
  not in the gold). On some papers a story in the last band of page 1 jumps too (the **second jump**).
- **Heads**: optional section label (【…】 / ■…, red, furniture, not a piece), 引题 (kicker, 楷体, 0.5–0.65 of
  the head), the headline (黑体 WenQuanYi Micro Hei, or bold 宋体/明体; 2.0–3.2× body for the lead, 1.35–2.0×
  for others), 副题 (subtitle, 楷体, with or without a leading '——'); left-aligned or centred per paper.
- **Bylines**, one style per story: a line of its own under the heads (本报记者　X　Y / 新华社记者　X, left or right
  aligned), a dateline run into the first paragraph (本报北京1月5日电　记者X报道：, part of that paragraph), a
  closing byline in brackets right-aligned under the last paragraph (（记者　X）), or none.
- **Body**: 宋体 (明体 for traditional papers), justified by Pango on most papers or ragged; a two-character first-line
  indent with no space between paragraphs, or no indent and half a line between them. A story is set column after
  column in its module: balanced (the columns' common foot as high as the text allows), except a jumping story,
  which fills its columns to the module's foot.
- **Photos**: a tinted box over the first 1–2 columns of a module's body, its caption (楷体, smaller, 图为… or a
  title and （X摄）) under it; the columns under the photo start lower. The caption is a piece of the story.
- **Boxes**: some stories in a ruled frame with 6 pt padding. Column rules between a module's columns and rules
  between bands on some papers.
- **Jumps**: page 1's lead (and the second jump) ends its last column with a marker line, right- or
  left-aligned, in one of the wordings （下转第2版） / （转第二版） / （下转2版） / （未完，转第2版） /
  下转第二版 / （转2版）; the text stops mid-paragraph where the column ends. Page 2 (a running head 第2版 ·
  版名 over a rule, the date and the paper's name at the right) carries the continuations at the TOP across all
  columns, in a full-height SIDE strip of 1–2 columns, or at the FOOT across all columns; each opens with the
  headline at a smaller size and a marker line under it (（上接第1版） / （接第一版） / （上接1版） /
  （紧接第1版） / 上接第一版 / （接1版）), with a one-line head (the headline with the marker glued after it),
  or with the marker line alone. The rest of a cut paragraph opens the continuation without an indent (a gold
  piece with ``continues``). Page 2's other stories fill the rest in bands.
- **Footer** on each page over a thin rule: 责任编辑 / 美术编辑 / 校对 names (and on page 2 a page number). None are
  pieces; neither are masthead, running head, labels, markers or the repeated headline of a continuation.
- **Text**: People's Daily January 1998 articles (``pd_article_sample``: real headlines and reporter names), with
  CMRC 2018 paragraphs for about a fifth of the stories when that corpus is installed; kickers, subtitles and
  captions borrow other articles' real titles; paper names, dates and editors are invented. About one paper in five
  is converted to traditional characters with OpenCC s2tw (all text: heads, markers, furniture).

Gold: the script reports the text of every line it drew with the box it was drawn in; a piece is a paragraph's lines
on one page (a paragraph cut by a jump is two pieces), a kicker, subtitle, byline or caption. ``check_gold`` reads
each piece's boxes back from the PDF with pdfplumber and requires the piece's text there, on its page. Two pages per
paper. Engine: Pango 1.50 / cairo 1.16 (Debian, LGPL/MPL; a test-time tool only, nothing in ``qa`` uses it),
installed by scripts/install-pango.sh; ``pango_available()`` says why not, and callers skip.
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from tests.newspaper_pdfs import Article, Newspaper, Piece, fonts_missing, pieces_not_on_their_pages
from tests.producer_corpus import converter, mixed_articles

SCRIPT = Path(__file__).with_name("newspaper_pango_script.py")
SYSTEM_PYTHON = "/usr/bin/python3"
FONTS = {
    "song": ("AR PL SungtiL GB", Path("/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf")),
    "kai": ("AR PL KaitiM GB", Path("/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf")),
    "ming": ("AR PL Mingti2L Big5", Path("/usr/share/fonts/truetype/arphic-bsmi00lp/bsmi00lp.ttf")),
    "kai_t": ("AR PL KaitiM Big5", Path("/usr/share/fonts/truetype/arphic-bkai00mp/bkai00mp.ttf")),
    "hei": ("WenQuanYi Micro Hei", Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")),
}
JUMP_OUT = ("（下转第2版）", "（转第二版）", "（下转2版）", "（未完，转第2版）", "下转第二版", "（转2版）")
JUMP_IN = ("（上接第1版）", "（接第一版）", "（上接1版）", "（紧接第1版）", "上接第一版", "（接1版）")
LABELS = ("【今日关注】", "■经济纵横", "【社会广角】", "■基层来信", "【环球视窗】", "■城乡新貌")
PAPERS = ("东海日报", "华中晨报", "黄河商报", "天山日报", "珠江晚报", "燕赵都市报", "三湘时报", "青藏日报")
EDITIONS = ("要闻", "综合新闻", "经济", "社会", "国内新闻")
NAMES = ("李明", "王芳", "张强", "刘丽", "陈刚", "杨帆", "黄河", "赵雪", "周海", "吴静")
CITIES = ("北京", "上海", "天津", "重庆", "杭州", "长沙", "郑州", "兰州")
WEEKDAYS = "一二三四五六日"


@dataclass
class PangoNewspaper(Newspaper):
    """A paper with, for each gold piece, the boxes (x0, top, x1, bottom in pt) of the lines it was drawn in."""

    rects: list[list[list[float]]] = field(default_factory=list)


@cache
def pango_available() -> str | None:
    """None when papers can be made here, else why not (callers skip with it)."""
    if not Path(SYSTEM_PYTHON).exists():
        return f"{SYSTEM_PYTHON} not found (scripts/install-pango.sh)"
    probe = (
        "import gi, cairo; gi.require_version('Pango', '1.0'); gi.require_version('PangoCairo', '1.0');"
        " gi.require_foreign('cairo'); from gi.repository import Pango, PangoCairo"
    )
    done = subprocess.run([SYSTEM_PYTHON, "-c", probe], capture_output=True, text=True, check=False)
    if done.returncode:
        return "Debian's python3 has no Pango/cairo bindings (python3-gi, python3-gi-cairo: scripts/install-pango.sh)"
    why = fonts_missing((path for _, path in FONTS.values()), "scripts/install-pango.sh")
    if why:
        return why
    if shutil.which("fc-list") is None:
        return "fontconfig is not installed (scripts/install-pango.sh)"
    return None


def _draw_style(rng: random.Random, columns: int | None) -> dict:
    while True:
        width = rng.uniform(640, 960)
        margins = [rng.uniform(22, 48) for _ in range(4)]
        cols = columns or rng.randint(3, 6)
        gutter = rng.uniform(7, 16)
        body = rng.choice((8.5, 9.0, 9.5, 10.0, 10.5))
        col_w = (width - margins[0] - margins[1] - (cols - 1) * gutter) / cols
        if col_w / body >= 9 or columns:
            break
    trad = rng.random() < 0.2
    indent = rng.random() < 0.65
    side = cols >= 4 and rng.random() < 0.4
    fonts = {k: v[0] for k, v in FONTS.items()}
    body_face = fonts["ming"] if trad else fonts["song"]
    kai = fonts["kai_t"] if trad else fonts["kai"]
    head_face = rng.choice((fonts["hei"], fonts["hei"], body_face))
    return {
        "width": width,
        "height": width * rng.uniform(1.32, 1.48),
        "margin_l": margins[0],
        "margin_r": margins[1],
        "margin_t": margins[2],
        "margin_b": margins[3],
        "columns": cols,
        "gutter": gutter,
        "body": body,
        "leading": rng.uniform(1.35, 1.7),
        "indent": 2 if indent else 0,
        "para_gap": 0.0 if indent and rng.random() < 0.7 else body * 0.5,
        "justify": rng.random() < 0.75,
        "body_face": body_face,
        "head_face": head_face,
        "head_bold": head_face != fonts["hei"] or rng.random() < 0.3,
        "kicker_face": kai,
        "byline_face": kai,
        "caption_face": kai,
        "lead_scale": rng.uniform(2.0, 3.2),
        "head_scale": rng.uniform(1.35, 2.0),
        "kicker_ratio": rng.uniform(0.5, 0.65),
        "subtitle_ratio": rng.uniform(0.55, 0.7),
        "cont_scale": rng.uniform(1.3, 1.8),
        "head_align": rng.choice(("left", "center")),
        "byline_align": rng.choice(("left", "right")),
        "marker_align": rng.choice(("right", "right", "left")),
        "column_rules": rng.random() < 0.35,
        "band_rules": rng.random() < 0.5,
        "band_gap": rng.uniform(1.2, 2.5),
        "band_cap": rng.uniform(0.25, 0.42),
        "masthead_size": rng.uniform(34, 56),
        "masthead_align": rng.choice(("center", "left")),
        "double_rule": rng.random() < 0.4,
        "footer_align": rng.choice(("left", "center", "right")),
        "side_cols": 1 if side else 0,
        "side_left": rng.random() < 0.5,
        "lead_share": rng.uniform(0.42, 0.6),
        "lead_cut": rng.uniform(0.5, 0.75),
        "p1_stories": rng.randint(3, 8),
        "second_jump": rng.random() < 0.4,
        "cont_where": rng.choice(("top", "side", "foot")),
        "cont_cols": rng.choice((1, 2)) if cols >= 4 else 1,
        "cont_head": rng.choice(("head_marker", "head_inline", "marker")),
        "trad": trad,
    }


def _plain_script(text: str) -> bool:
    """Only Latin, CJK and their punctuation: the AR PL and WenQuanYi fonts cover them, while text in other scripts
    (Thai, Arabic in some CMRC passages) falls back to fonts whose PDF text layer is not Unicode."""
    return all(
        ord(ch) < 0x250
        or 0x2000 <= ord(ch) <= 0x206F
        or 0x2100 <= ord(ch) <= 0x22FF
        or 0x2460 <= ord(ch) <= 0x25FF
        or 0x3000 <= ord(ch) <= 0x303F
        or 0x4E00 <= ord(ch) <= 0x9FFF
        or 0xFF00 <= ord(ch) <= 0xFFEF
        for ch in text
    )


def _story(rng: random.Random, art: Article, titles: list[str], st: dict, date: tuple[int, int]) -> dict:
    month, day = date
    names = art.byline.split("　") if art.byline else rng.sample(NAMES, rng.choice((1, 2)))
    paragraphs = list(art.paragraphs)
    style = rng.choice(("line", "line", "dateline", "closing", None))
    byline = None
    if style == "line":
        byline = rng.choice(("本报记者　", "新华社记者　", "本报通讯员　")) + "　".join(names[:2])
    elif style == "dateline":
        city = rng.choice(CITIES)
        paragraphs[0] = f"本报{city}{month}月{day}日电　记者{'、'.join(names[:2])}报道：" + paragraphs[0]
    elif style == "closing":
        byline = f"（记者　{'　'.join(names[:2])}）"
    spec = {
        "headline": art.headline,
        "paragraphs": paragraphs,
        "byline": byline,
        "byline_style": style,
        "jump_out": st["jump_out"],
        "jump_in": st["jump_in"],
    }
    if rng.random() < 0.3 and titles:
        spec["kicker"] = titles.pop()
    if rng.random() < 0.3 and titles:
        spec["subtitle"] = rng.choice(("——", "")) + titles.pop()
    if rng.random() < 0.15:
        spec["label"] = rng.choice(LABELS)
    if rng.random() < 0.25 and titles:
        title = titles.pop()
        spec["caption"] = rng.choice((f"图为{title}现场。", f"{title}。（{rng.choice(NAMES)}摄）", f"图为：{title}。"))
        spec["photo_cols"] = rng.choice((1, 1, 2))
        spec["photo_ratio"] = rng.uniform(0.5, 0.8)
    spec["boxed"] = rng.random() < 0.12
    return spec


def _convert(value, convert):  # noqa: ANN001, ANN202 - the spec's strings, converted in place of the same shape
    if isinstance(value, str):
        return convert(value)
    if isinstance(value, list):
        return [_convert(v, convert) for v in value]
    if isinstance(value, dict):
        return {k: (_convert(v, convert) if k not in {"byline_style"} else v) for k, v in value.items()}
    return value


def make_spec(seed: int, columns: int | None = None) -> dict:
    """The paper's drawn dimensions and its text (everything but the layout, which the script does)."""
    rng = random.Random(seed)
    st = _draw_style(rng, columns)
    pair = rng.randrange(len(JUMP_OUT))
    st["jump_out"], st["jump_in"] = JUMP_OUT[pair], JUMP_IN[rng.choice((pair, rng.randrange(len(JUMP_IN))))]
    arts = mixed_articles(rng, 30, _plain_script)  # about a fifth CMRC paragraphs
    arts.sort(key=lambda a: -sum(map(len, a.paragraphs)))
    lead = arts.pop(0)  # the longest: it must run over
    rng.shuffle(arts)
    n_stories = min(len(arts), 18)
    titles = [a.headline for a in arts[n_stories:]]
    month, day = 1, rng.randint(1, 31)
    weekday = WEEKDAYS[(day + 2) % 7]
    paper = rng.choice(PAPERS)
    stories = [_story(rng, lead, titles, st, (month, day))]
    stories[0]["boxed"] = False
    if stories[0]["byline_style"] == "closing" and rng.random() < 0.5:
        stories[0]["byline_style"], stories[0]["byline"] = None, None
    stories += [_story(rng, a, titles, st, (month, day)) for a in arts[:n_stories]]
    names = rng.sample(NAMES, 3)
    issue = rng.randint(10000, 19999)
    spec = {
        "seed": seed,
        "style": st,
        "stories": stories,
        "masthead": {
            "name": paper,
            "issue": f"1998年{month}月{day}日　星期{weekday}　第{issue}期　今日{rng.choice((4, 8, 12))}版",
            "ear": [
                f"1998年{month}月{day}日",
                f"星期{weekday}",
                f"第{issue}期",
                f"国内统一刊号CN{rng.randint(11, 65)}-{rng.randint(1, 99):04d}",
            ],
        },
        "running_head": (
            rng.choice(("第2版　", "2　", "A2　")) + rng.choice(EDITIONS),
            f"1998年{month}月{day}日　星期{weekday}　{paper}",
        ),
        "footers": [
            f"责任编辑：{names[0]}　美术编辑：{names[1]}　校对：{names[2]}",
            f"本版编辑：{names[1]}　电话：{rng.randint(6000000, 6999999)}　－2－",
        ],
    }
    out = _convert(spec, converter(st["trad"], "s2tw"))  # traditional papers: every string, markers and furniture too
    out["style"]["trad"] = st["trad"]
    return out


def _run(spec: dict, path: Path) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        spec_path, gold_path = Path(tmp) / "spec.json", Path(tmp) / "gold.json"
        spec_path.write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
        done = subprocess.run(
            [SYSTEM_PYTHON, str(SCRIPT), str(spec_path), str(path), str(gold_path)],
            capture_output=True,
            text=True,
            check=False,
            timeout=300,
        )
        if done.returncode:
            raise RuntimeError(f"the Pango layout script failed on seed {spec['seed']}: {done.stderr[-2000:]}")
        return json.loads(gold_path.read_text(encoding="utf-8"))


def make_pango_newspaper(path: Path, seed: int, pages: int = 2, columns: int | None = None) -> PangoNewspaper:
    """Lay out a two-page paper with Pango/cairo at ``path``; its gold from the lines the script drew."""
    if pages != 2:
        raise ValueError("the Pango producer makes two-page papers")
    spec = make_spec(seed, columns)
    for _ in range(4):  # a lead that fitted its module made no jump: cut it shallower and lay the paper out again
        gold = _run(spec, path)
        if gold["jumps"]:
            break
        spec["style"]["lead_cut"] *= 0.7
    paper = PangoNewspaper(path, "pango", spec["style"]["columns"], 2)
    for p in gold["pieces"]:
        paper.pieces.append(Piece(p["article"], p["text"], p["page"], p["role"], continues=p["continues"]))
        paper.rects.append(p["rects"])
    paper.jumps = list(gold["jumps"])
    return paper


def piece_texts(paper: PangoNewspaper) -> list[list[str]]:
    """For each gold piece, the characters pdfplumber reads in that piece's line boxes (a character counts when its
    centre lies in the box), on page 1 and on page 2, in reading order within each line."""
    import pdfplumber

    with pdfplumber.open(paper.path) as pdf:
        pages = [page.chars for page in pdf.pages]
    out = []
    for rects in paper.rects:
        per_page = []
        for chars in pages:
            parts = []
            for x0, top, x1, bottom in rects:
                inside = [
                    c
                    for c in chars
                    if x0 - 0.5 <= (c["x0"] + c["x1"]) / 2 <= x1 + 0.5
                    and top - 0.3 <= (c["top"] + c["bottom"]) / 2 <= bottom + 0.3
                ]
                parts.append("".join(c["text"] for c in sorted(inside, key=lambda c: c["x0"])))
            per_page.append("".join("".join(parts).split()))
        out.append(per_page)
    return out


def check_gold(paper: PangoNewspaper) -> list[str]:
    """Problems with the gold: pieces whose text is not printed in their own line boxes on their page."""
    problems = []
    for piece, texts in zip(paper.pieces, piece_texts(paper), strict=True):
        problems += pieces_not_on_their_pages([piece], texts)
    return problems


def page_texts(paper: Newspaper) -> list[str]:
    """Each page's characters as pdfplumber reads them (white space removed), for marker checks."""
    import pdfplumber

    with pdfplumber.open(paper.path) as pdf:
        return ["".join((page.extract_text() or "").split()) for page in pdf.pages]
