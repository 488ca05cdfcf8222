"""Newspaper PDFs typeset by ConTeXt MkIV (LuaTeX), with gold read off the pages ConTeXt shipped out.

A thirteenth producer (after reportlab, Chromium, WeasyPrint, Typst, LibreOffice, XeLaTeX, fpdf2, PDFKit, Scribus,
Pango/cairo, Apache FOP and wkhtmltopdf), written by an engineer who did NOT read the PDF reader's source (qa/formats,
qa/structure) nor its tests: only the gold and scoring interface of tests/newspaper_pdfs.py and the registration shape
of the wkhtmltopdf producer. The conventions below were written down before the reader first ran on these papers; the
set is HELD OUT (nobody diagnoses the reader on its report seeds 21000+; DIAGNOSIS seeds are 21500+).

**Why ConTeXt.** It is the third TeX but shares nothing with XeLaTeX's route: LuaTeX's paragraph builder driven by
ConTeXt's own ``hanzi`` script (its CJK break and punctuation-squeezing rules), ConTeXt's mixed-columns mechanism
(``\\startcolumns``: columns balanced at the end of every band, or filled column by column when a band runs off the
page), its font fallbacks (a glyph missing from the AR PL face is taken from WenQuanYi) and its ``effect`` feature
(synthetic bold drawn as filled-and-stroked outlines: PDF text render mode 2), and LuaTeX's own PDF back end with
its own font subsets and ToUnicode maps. Running heads and footers are ConTeXt's page-body texts.

Conventions (fixed before the first run; every dimension drawn from the seed, independently):

- **Page**: 595–842 pt wide, height ×1.30–1.45, margins 20–36 pt; page 1 has 3–6 columns and page 2 its own 3–6
  (``columns=`` fixes both), column gap 0.8–1.8 body sizes, a rule between columns on some papers; body 8.5–10.5 pt
  宋体 (AR PL SungtiL GB; 明体 AR PL Mingti2L on traditional papers) falling back to WenQuanYi Micro Hei; line
  height ×1.35–1.7; a two-character indent or none with half a line between paragraphs; justified or ragged.
- **Masthead** on page 1: a BANNER (the paper's name centred in red between an issue line and a red double rule)
  or a FLAG at the left with the 报眼 box (date, weekday, issue, 国内统一刊号 stacked in a frame) at the right. Page 2
  has ConTeXt's running head (版次 and 版名 left, date and paper right, over a rule); both pages ConTeXt's footer
  (责任编辑 …, page 2's with its page number). None of it is a piece.
- **Bands**, each across the page: an ACROSS band (one story: heads over all the columns, its body balanced in the
  columns below) or a FLOW band (2–4 stories one after the other down the balanced columns, each under a head set in
  its column). Heads: a section label (栏目名, white on a red panel) on some, an 引题 kicker in 楷体, the headline
  (黑体, or 宋体 made bold by ConTeXt's outline effect; left-aligned or centred per paper; lead 2.2–3.4× the body,
  others 1.3–2.1×), a 副题 with or without '——', a byline line. In flow bands some stories are SIDEBARS: short
  stories (评论/链接/背景…) in a ruled frame inside a column. Bylines: a line under the heads, a dateline run into
  the first paragraph (本报上海1月5日电　记者X报道：), a closing bracket on its own line at the story's end
  (（记者　X）) or none. Photos (grey frames) with 楷体 captions at the top of some across bands' bodies.
- **Briefs strip** (about 40 % of front pages): a band across the page under a red label and rule (简讯 / 新闻速递 /
  本报短讯 / 一句话新闻), its 4–8 briefs balanced in the columns, each one paragraph opening with a RUN-IN head (bold
  黑体 then a space, in 【】, or after ■) — each brief an article of its own; under the lead or at the foot.
- **Page 1**: masthead, the LEAD (an across band of the longest story, cut mid-paragraph at a drawn share of the
  page), on some papers (35 %) a second across story cut the same way, the briefs strip, then flow and across
  bands down to the foot. A jump ends with a marker LINE (flush right, flush left or centred per paper) or a marker
  RUN ON at the end of the cut paragraph: （下转第2版） / （转第2版） / （下转2版） / （下转第二版） / （转二版） /
  〔下转第2版〕 / （本文转第2版）.
- **Page 2**: the continuations at the TOP, in the MIDDLE (after one band) or at the FOOT, each an across band under
  its headline set smaller over a marker line, under a SHORT jump head (the headline's first words, as desks
  shorten it) with the marker on the same line, or under a marker line alone — （上接第1版） / （接第1版） /
  （上接一版） / （接一版） / 〔上接第1版〕 / （本文接第1版） / （紧接第1版）; the tail of the cut paragraph
  opens it without indent. Other stories fill the page in bands.
- **Text**: People's Daily January 1998 articles (``pd_article_sample``: real headlines and reporter names);
  kickers and subtitles borrow other articles' real titles; paper names, dates and editors are invented. About one
  paper in five is converted to traditional characters with OpenCC s2tw (everything).

Fitting, as a make-up editor does it: bands are drawn to overfill each page, ConTeXt lays the paper out, and what
ran off a page is cut at paragraph ends from the page's last stories (a jumped story's overflow moves to its
continuation), then ConTeXt lays it out again, until every piece sits on its page (at most five runs).
Gold: every piece is typeset under a LuaTeX attribute; at shipout a Lua hook counts, page by page, the glyphs
carrying each attribute, so the gold says on which page ConTeXt put each piece (a piece split over two pages makes
the paper refit). ``check_gold`` reads the PDF back with pdfplumber and requires each piece's characters in order on
its page and two pages printed; a paper that does not fit or check is drawn again (up to four attempts,
deterministic per seed). A piece is a paragraph's text on one page (a paragraph cut by a jump is two pieces, the
second ``continues``), a kicker, subtitle, byline or caption; the headline keys the article.
Engine: ConTeXt MkIV (Debian's ``context``, LuaTeX 1.15; a test-time tool only, nothing in ``qa`` uses it), installed
by scripts/install-context.sh; ``context_available()`` says why not, and callers skip. 2–5 ConTeXt runs (3–4 s each)
a paper.
"""

from __future__ import annotations

import hashlib
import os
import random
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from tests.newspaper_pdfs import Article, Newspaper, Piece, drawn_page_texts, fonts_missing, gold_problems
from tests.producer_cache import ProducerCache
from tests.producer_corpus import converter, distinct_articles

FONTS = {
    "song": ("AR PL SungtiL GB", Path("/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf")),
    "ming": ("AR PL Mingti2L Big5", Path("/usr/share/fonts/truetype/arphic-bsmi00lp/bsmi00lp.ttf")),
    "kai": ("AR PL KaitiM GB", Path("/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf")),
    "kait": ("AR PL KaitiM Big5", Path("/usr/share/fonts/truetype/arphic-bkai00mp/bkai00mp.ttf")),
    "hei": ("WenQuanYi Micro Hei", Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")),
}
JUMP_OUT = (
    "（下转第2版）",
    "（转第2版）",
    "（下转2版）",
    "（下转第二版）",
    "（转二版）",
    "〔下转第2版〕",
    "（本文转第2版）",
)
JUMP_IN = (
    "（上接第1版）",
    "（接第1版）",
    "（上接一版）",
    "（接一版）",
    "〔上接第1版〕",
    "（本文接第1版）",
    "（紧接第1版）",
)
LABELS = ("要闻速递", "经济视点", "民生关注", "科教动态", "环球扫描", "地方新闻", "深度报道")
SIDEBAR_LABELS = ("短评", "链接", "背景", "评论", "记者手记")
BRIEF_LABELS = ("简讯", "新闻速递", "本报短讯", "一句话新闻")
PAPERS = ("江淮日报", "闽南时报", "北疆晨报", "湘江晚报", "黄河商报", "渤海日报", "巴蜀都市报", "岭南早报")
EDITIONS = ("要闻", "综合新闻", "经济", "社会", "国内新闻", "专版")
NAMES = ("孙立", "马超", "朱琳", "胡斌", "郭芳", "何静", "高翔", "林涛", "罗兰", "梁宇")
CITIES = ("北京", "上海", "广州", "南京", "武汉", "成都", "西安", "沈阳")
WEEKDAYS = "一二三四五六日"
GOLD_ROLES = {"body", "kicker", "subtitle", "byline", "caption"}
HEAD_ROLES = {"label", "kicker", "headline", "subtitle", "caption"}
TEX_SPECIAL = {
    "\\": r"\letterbackslash{}",
    "{": r"\letterleftbrace{}",
    "}": r"\letterrightbrace{}",
    "%": r"\letterpercent{}",
    "#": r"\letterhash{}",
    "$": r"\letterdollar{}",
    "&": r"\letterampersand{}",
    "_": r"\letterunderscore{}",
    "^": r"\letterhat{}",
    "~": r"\lettertilde{}",
    "|": r"\letterbar{}",
}


@dataclass
class ContextNewspaper(Newspaper):
    """A paper typeset by ConTeXt; ``conventions`` names what this paper's draw used (for the variety test)."""

    conventions: dict = field(default_factory=dict)
    runs: int = 0  # ConTeXt runs it took to fit


@cache
def context_available() -> str | None:
    """None when papers can be made here, else why not (callers skip with it)."""
    if shutil.which("context") is None or shutil.which("mtxrun") is None:
        return "ConTeXt is not installed (scripts/install-context.sh)"
    return fonts_missing((path for _, path in FONTS.values()), "scripts/install-context.sh")


def tex(text: str) -> str:
    """``text`` safe in ConTeXt's text mode (its special characters spelled as ConTeXt's letter commands)."""
    return "".join(TEX_SPECIAL.get(ch, ch) for ch in text.replace("\n", " "))


# ---- the paper's drawn dimensions ----------------------------------------------------------------------------------
def draw_style(rng: random.Random, columns: int | None) -> dict:
    """Every dimension and convention of one paper, each drawn independently."""
    width = rng.uniform(595, 842)
    trad = rng.random() < 0.2
    return {
        "width": width,
        "height": width * rng.uniform(1.30, 1.45),
        "margins": [rng.uniform(20, 36) for _ in range(4)],  # left, right, top, bottom (pt)
        "columns": [columns or rng.randint(3, 6), columns or rng.randint(3, 6)],
        "gap": rng.uniform(0.8, 1.8),  # × body
        "body": rng.choice((8.5, 9.0, 9.5, 10.0, 10.5)),
        "leading": rng.uniform(1.35, 1.7),
        "indent": rng.random() < 0.65,
        "justify": rng.random() < 0.7,
        "column_rules": rng.random() < 0.4,
        "trad": trad,
        "head_face": rng.choice(("hei", "hei", "bold")),
        "head_align": rng.choice(("left", "center")),
        "lead_scale": rng.uniform(2.2, 3.4),
        "head_scale": rng.uniform(1.3, 2.1),
        "cont_scale": rng.uniform(1.15, 1.6),
        "masthead": rng.choice(("banner", "flag")),
        "masthead_size": rng.uniform(34, 56),
        "briefs": rng.random() < 0.4,
        "briefs_where": rng.choice(("under_lead", "foot")),
        "runin_style": rng.choice(("bold", "bracket", "square")),
        "lead_share": rng.uniform(0.28, 0.45),  # of page 1's capacity
        "second_jump": rng.random() < 0.35,
        "marker_form": rng.choice(("line", "line", "runin")),
        "marker_align": rng.choice(("right", "right", "left", "center")),
        "cont_where": rng.choice(("top", "middle", "foot")),
        "cont_head": rng.choice(("head_marker", "short_head", "marker")),
        "flow_rate": rng.uniform(0.3, 0.8),
        "kicker_rate": rng.uniform(0.1, 0.5),
        "subtitle_rate": rng.uniform(0.1, 0.5),
        "photo_rate": rng.uniform(0.0, 0.5),
        "sidebar_rate": rng.uniform(0.0, 0.35),
        "label_rate": rng.uniform(0.0, 0.35),
        "byline_styles": rng.sample(("line", "dateline", "closing", "none"), rng.randint(2, 4)),
        "byline_align": rng.choice(("left", "right", "center")),
    }


# ---- the plan: stories in bands, page by page ----------------------------------------------------------------------
@dataclass
class Story:
    """One story as printed on one page: its heads and the paragraphs kept there (trimmed as the page is fitted)."""

    key: str
    headline: str
    paras: list[str]
    kicker: str = ""
    subtitle: str = ""
    label: str = ""
    byline: tuple[str, str] = ("none", "")  # (style, text)
    photo: str = ""  # the caption, when a photo heads the body
    jump: str = ""  # "out": cut here, goes on on page 2; "in": a continuation
    continues: bool = False  # the first paragraph is the tail of one cut on page 1
    sidebar: str = ""  # a sidebar's label (the story is framed)
    brief: bool = False
    trimmable: bool = True


@dataclass
class Band:
    kind: str  # across | flow | briefs
    stories: list[Story]
    label: str = ""  # the briefs strip's label


class _Writer:
    """Renders the plan to ConTeXt source; every piece it typesets gets a LuaTeX attribute value (a pid)."""

    def __init__(self, st: dict) -> None:
        self.st = st
        self.pids: list[tuple[str, str, str, int, bool]] = []  # (story key, role, text, page, continues)
        self.page = 1

    def pid(self, key: str, role: str, text: str, continues: bool = False) -> int:
        self.pids.append((key, role, text, self.page, continues))
        return len(self.pids)

    def mark(self, key: str, role: str, text: str, body: str | None = None, continues: bool = False) -> str:
        n = self.pid(key, role, text, continues)
        return f"{{\\attribute\\pieceattr={n} {body if body is not None else tex(text)}}}"

    # fonts
    def head_font(self, size: float) -> str:
        family = "heiface" if self.st["head_face"] == "hei" else "headsong"
        return f"\\switchtobodyfont[{family},{size:.1f}pt]\\setupinterlinespace[line={size * 1.22:.1f}pt]"

    def align(self, which: str) -> str:
        return {"left": "raggedright", "right": "raggedleft", "center": "middle"}[which]

    def heads(self, s: Story, size: float, across: bool) -> list[str]:
        st, out = self.st, []
        body = st["body"]
        align = self.align(st["head_align"])
        if s.label:
            out.append(
                f"\\startalignment[{align}]{{\\switchtobodyfont[heiface,{body * 1.05:.1f}pt]"
                f"\\inframed[frame=off,background=color,backgroundcolor=nred,foregroundcolor=white]"
                f"{{{self.mark(s.key, 'label', s.label)}}}}}\\par\\stopalignment"
            )
        if s.kicker:
            k = max(body, size * 0.55)
            out.append(
                f"\\startalignment[{align}]{{\\switchtobodyfont[kaiface,{k:.1f}pt]"
                f"{self.mark(s.key, 'kicker', s.kicker)}\\par}}\\stopalignment"
            )
        out.append(
            f"\\startalignment[{align}]{{{self.head_font(size)}"
            f"{self.mark(s.key, 'headline', s.headline)}\\par}}\\stopalignment"
        )
        if s.subtitle:
            k = max(body, size * 0.6)
            out.append(
                f"\\startalignment[{align}]{{\\switchtobodyfont[paper,{k:.1f}pt]"
                f"{self.mark(s.key, 'subtitle', s.subtitle)}\\par}}\\stopalignment"
            )
        if s.byline[0] == "line":
            out.append(
                f"\\startalignment[{self.align(st['byline_align'])}]{{\\switchtobodyfont[kaiface,{body:.1f}pt]"
                f"{self.mark(s.key, 'byline', s.byline[1])}\\par}}\\stopalignment"
            )
        # a make-up editor keeps a story's heads in one piece and with its text: no column break inside or after them
        return ["\\vbox{" + "".join(out) + "}\\nobreak", f"\\blank[{'medium' if across else 'small'},samepage]"]

    def paras(self, s: Story, marker: str = "") -> list[str]:
        st, out = self.st, []
        if s.photo:
            out.append(
                f"\\framed[width=\\hsize,height={st['body'] * 9:.1f}pt,frame=on,background=color,"
                f"backgroundcolor=lightgray]{{}}\\par"
            )
            out.append(
                f"{{\\switchtobodyfont[kaiface,{st['body'] * 0.9:.1f}pt]\\noindentation "
                f"{self.mark(s.key, 'caption', s.photo)}\\par}}\\blank[small]"
            )
        for n, para in enumerate(s.paras):
            text = para
            lead = "\\noindentation " if (n == 0 and s.continues) else ""
            prefix = ""
            if s.brief:
                head = s.headline
                style = st["runin_style"]
                if style == "bold":
                    runin = f"{{\\switchtobodyfont[heiface]{tex(head)}}}　"
                elif style == "bracket":
                    runin = f"{{\\switchtobodyfont[heiface]【{tex(head)}】}}"
                else:
                    runin = f"{{\\switchtobodyfont[heiface]■{tex(head)}}}　"
                prefix = self.mark(s.key, "headline", head, runin)
                lead = "\\noindentation "
            last = n == len(s.paras) - 1
            run_on = marker if (last and marker and st["marker_form"] == "runin") else ""
            tail = self.mark(s.key, "marker", run_on, f"{{\\switchtobodyfont[heiface]{tex(run_on)}}}") if run_on else ""
            body = self.mark(s.key, "body", text, continues=(n == 0 and s.continues))
            out.append(f"{lead}{prefix}{body}{tail}\\par")
            if last and marker and not run_on:
                out.append(
                    f"\\startalignment[{self.align(st['marker_align'])}]"
                    f"{{\\switchtobodyfont[heiface]{self.mark(s.key, 'marker', marker)}\\par}}\\stopalignment"
                )
        if s.byline[0] == "closing" and s.paras:
            out.append(f"\\startalignment[raggedleft]{self.mark(s.key, 'byline', s.byline[1])}\\par\\stopalignment")
        return out

    def columns(self, n: int) -> str:
        gap = self.st["gap"] * self.st["body"]
        rule = ",separator=rule" if self.st["column_rules"] else ""
        return f"\\startcolumns[n={n},distance={gap:.1f}pt{rule}]"

    def band(self, band: Band, cols: int, lead: bool) -> list[str]:
        st, out = self.st, []
        body = st["body"]
        if band.kind == "across":
            s = band.stories[0]
            if s.jump == "in":
                out += self.cont_heads(s)
            else:
                size = body * (st["lead_scale"] if lead else st["head_scale"])
                out += self.heads(s, size, True)
            out.append(self.columns(cols))
            out += self.paras(s, st["jump_out"] if s.jump == "out" else "")
            out.append("\\stopcolumns")
        elif band.kind == "flow":
            out.append(self.columns(cols))
            for s in band.stories:
                if s.sidebar:
                    inner = self.heads(s, body * 1.25, False) + self.paras(s)
                    out.append(
                        "\\framed[width=\\hsize,align={normal},frame=on,offset=4pt,rulethickness=0.8pt]{"
                        + "".join(inner)
                        + "}\\par\\blank[small]"
                    )
                else:
                    out += self.heads(s, body * st["head_scale"], False)
                    out += self.paras(s)
                    out.append("\\blank[medium]")
            out.append("\\stopcolumns")
        else:  # briefs
            out.append(
                f"\\startalignment[raggedright]{{\\switchtobodyfont[heiface,{body * 1.5:.1f}pt]\\color[nred]"
                f"{{{self.mark('briefs', 'label', band.label)}}}\\par}}\\stopalignment"
            )
            out.append("\\blackrule[width=\\hsize,height=1.2pt,color=nred]\\par\\blank[small]")
            out.append(self.columns(cols))
            for s in band.stories:
                out += self.paras(s)
            out.append("\\stopcolumns")
            out.append("\\blackrule[width=\\hsize,height=0.6pt,color=nred]\\par")
        out.append("\\blank[medium]")
        return out

    def cont_heads(self, s: Story) -> list[str]:
        st = self.st
        size = st["body"] * st["cont_scale"]
        marker = st["jump_in"]
        align = self.align(st["head_align"])
        mk = f"{{\\switchtobodyfont[heiface,{st['body']:.1f}pt]{self.mark(s.key, 'marker', marker)}}}"
        if st["cont_head"] == "head_marker":
            return [
                f"\\startalignment[{align}]{{{self.head_font(size)}{self.mark(s.key, 'headline', s.headline)}\\par}}"
                "\\stopalignment",
                f"\\startalignment[{self.align(st['marker_align'])}]{mk}\\par\\stopalignment\\blank[small]",
            ]
        if st["cont_head"] == "short_head":
            short = _short_head(s.headline)
            return [
                f"\\startalignment[raggedright]{{{self.head_font(size)}{self.mark(s.key, 'headline', short)}}}"
                f"\\quad {mk}\\par\\stopalignment\\blank[small]"
            ]
        return [f"\\startalignment[raggedright]{mk}\\par\\stopalignment\\blank[small]"]

    def masthead(self) -> list[str]:
        st = self.st
        size = st["masthead_size"]
        name = tex(st["paper"])
        if st["masthead"] == "banner":
            return [
                f"\\startalignment[middle]{{\\switchtobodyfont[heiface,{size:.1f}pt]\\color[nred]{{{name}}}\\par}}"
                "\\stopalignment",
                f"\\startalignment[middle]{{\\switchtobodyfont[paper,{st['body']:.1f}pt]{tex(st['issue'])}\\par}}"
                "\\stopalignment",
                "\\blackrule[width=\\hsize,height=1.6pt,color=nred]\\par\\vskip1.5pt"
                "\\blackrule[width=\\hsize,height=0.5pt,color=nred]\\par\\blank[medium]",
            ]
        ear = "\\\\".join(tex(t) for t in st["ear"])
        return [
            f"\\noindentation\\hbox to \\hsize{{\\hbox{{\\switchtobodyfont[heiface,{size:.1f}pt]"
            f"\\color[nred]{{{name}}}}}"
            f"\\hfill\\framed[align=middle,frame=on,rulethickness=1pt,framecolor=nred,offset=5pt]"
            f"{{\\switchtobodyfont[paper,{st['body']:.1f}pt]{ear}}}}}\\par",
            "\\blackrule[width=\\hsize,height=1.2pt,color=nred]\\par\\blank[medium]",
        ]

    def document(self, pages: dict[int, list[Band]]) -> str:
        st = self.st
        ml, mr, mt, mb = st["margins"]
        body, line = st["body"], st["body"] * st["leading"]
        song = FONTS["ming" if st["trad"] else "song"][0]
        kai = FONTS["kait" if st["trad"] else "kai"][0]
        hei = FONTS["hei"][0]
        ranges = (
            "range={cjkunifiedideographs,cjkunifiedideographsextensiona,cjksymbolsandpunctuation,"
            "halfwidthandfullwidthforms,generalpunctuation,geometricshapes,cjkcompatibilityideographs}"
        )
        fallbacks = "".join(f"\\definefallbackfamily[{fam}][rm][{hei}][{ranges}]\n" for fam in ("paper", "kaiface"))
        fallbacks += f"\\definefallbackfamily[headsong][rm][{hei}][{ranges}]\n"
        header = (
            f"\\def\\ProducerHead{{\\ifnum\\realpageno>1 \\vbox{{\\hbox to \\makeupwidth{{\\switchtobodyfont[heiface,"
            f"{body:.1f}pt]{tex(st['running'][0])}\\hfill {tex(st['running'][1])}}}"
            "\\kern2pt\\hrule height 1pt}\\fi}\n"
            f"\\def\\ProducerFoot{{\\vbox{{\\hrule height .4pt\\kern2pt\\hbox to \\makeupwidth{{\\switchtobodyfont"
            f"[paper,{body * 0.85:.1f}pt]\\ifnum\\realpageno>1 {tex(st['footers'][1])}\\else "
            f"{tex(st['footers'][0])}\\fi\\hfill}}}}}}\n"
        )
        pre = [
            f"\\definepapersize[producer][width={st['width']:.1f}pt,height={st['height']:.1f}pt]",
            "\\setuppapersize[producer][producer]",
            f"\\setuplayout[backspace={ml:.1f}pt,cutspace={mr:.1f}pt,width=middle,topspace={mt:.1f}pt,"
            f"header={body * 1.8:.1f}pt,headerdistance={body * 0.6:.1f}pt,footer={body * 1.6:.1f}pt,"
            f"footerdistance={body * 0.6:.1f}pt,bottomspace={mb:.1f}pt,height=middle,margin=0pt,"
            "leftmargin=0pt,rightmargin=0pt,margindistance=0pt]",
            "\\setuppagenumbering[location=]",
            "\\definefontfeature[producerbold][default][effect={width=0.07}]",
            fallbacks.strip(),
            f"\\definefontfamily[paper][rm][{song}]",
            f"\\definefontfamily[paper][ss][{hei}]",
            f"\\definefontfamily[kaiface][rm][{kai}]",
            f"\\definefontfamily[heiface][rm][{hei}]",
            f"\\definefontfamily[headsong][rm][{song}][features=producerbold]",
            f"\\setupbodyfont[paper,{body:.1f}pt]",
            f"\\setupinterlinespace[line={line:.2f}pt]",
            "\\mainlanguage[cn]",
            "\\setscript[hanzi]",
            "\\setupalign[normal]" if st["justify"] else "\\setupalign[raggedright]",
            "\\setupindenting[yes,2em,first]" if st["indent"] else "\\setupindenting[no]",
            "\\setupwhitespace[none]" if st["indent"] else "\\setupwhitespace[halfline]",
            "\\definecolor[nred][r=.72,g=0,b=.1]",
            "\\definecolor[lightgray][s=.82]",
            LUA_TRACKER,
            "\\edef\\pieceattr{\\ctxlua{context(userdata.producer.attr)}}",
            header.strip(),
            "\\setupheadertexts[\\ProducerHead]",
            "\\setupfootertexts[\\ProducerFoot]",
            "\\starttext",
        ]
        out = list(pre)
        for page in (1, 2):
            self.page = page
            cols = st["columns"][page - 1]
            if page == 1:
                out += self.masthead()
            else:
                out.append("\\page")
            for n, band in enumerate(pages[page]):
                out += self.band(band, cols, lead=(page == 1 and n == 0))
        out.append("\\stoptext")
        return _declare_sizes("\n".join(out) + "\n", f"{body:.1f}pt")


def _declare_sizes(source: str, body: str) -> str:
    """``source`` with a body-font environment declared for every size a ``\\switchtobodyfont[face,size]`` asks for.

    Without it ConTeXt (MkIV 2021.03.05) honours such a switch only the first time a size is asked for: every later
    head of that size comes out in the body face at the body size, so all but the first headline of each size looked
    like a line of body text, against the conventions above (heads 1.3–3.4× the body, in 黑体 or bold)."""
    sizes = dict.fromkeys(re.findall(r"\\switchtobodyfont\[\w+,(\d+(?:\.\d+)?pt)\]", source))
    sizes.pop(body, None)
    declared = "".join(f"\\definebodyfontenvironment[{size}]\n" for size in sizes)
    return source.replace("\\setupbodyfont[", declared + "\\setupbodyfont[", 1)


LUA_TRACKER = r"""\startluacode
userdata.producer = { counts = {} }
local a = attributes.private("producerpiece")
userdata.producer.attr = a
local glyph, hlist, vlist, disc = nodes.nodecodes.glyph, nodes.nodecodes.hlist, nodes.nodecodes.vlist,
  nodes.nodecodes.disc
local has = node.has_attribute
local function walk(h, page, counts)
  for n in node.traverse(h) do
    local id = n.id
    if id == glyph then
      local v = has(n, a)
      if v and v > 0 then
        local key = page .. " " .. v
        counts[key] = (counts[key] or 0) + 1
      end
    elseif id == hlist or id == vlist then
      if n.list then walk(n.list, page, counts) end
    elseif id == disc then
      if n.replace then walk(n.replace, page, counts) end
    end
  end
end
function userdata.producer.shipout(head)
  local h = head
  if type(h) == "number" then h = node.direct.tonode(h) end
  walk(h, tex.getcount("realpageno"), userdata.producer.counts)
  return head
end
nodes.tasks.appendaction("shipouts", "normalizers", "userdata.producer.shipout")
nodes.tasks.enableaction("shipouts", "userdata.producer.shipout")
luatex.registerstopactions(function()
  local f = io.open(tex.jobname .. "-gold.txt", "w")
  for k, v in pairs(userdata.producer.counts) do f:write(k, " ", v, "\n") end
  f:close()
end)
\stopluacode"""


def _short_head(headline: str) -> str:
    """The jump head a desk would set: the headline up to its first comma or space, at most eight characters."""
    for sep in ("，", "　", " ", "：", "、"):
        if sep in headline[1:]:
            headline = headline[: headline.index(sep, 1)]
    return headline[:8]


# ---- drawing the plan ----------------------------------------------------------------------------------------------
class _Planner:
    """Draws the stories, heads and bands of both pages, overfilling each page by an estimate of its capacity."""

    def __init__(self, rng: random.Random, st: dict, cv) -> None:  # noqa: ANN001 - str -> str
        self.rng, self.st, self.cv = rng, st, cv
        self.n = 0
        self.used: dict[str, int] = {}
        self.headlines: dict[str, str] = {}

    def count(self, what: str) -> None:
        self.used[what] = self.used.get(what, 0) + 1

    def capacity(self, page: int) -> float:
        """Characters one page's text block holds at the body size (heads and rules not counted)."""
        st = self.st
        ml, mr, mt, mb = st["margins"]
        cols = st["columns"][page - 1]
        gap = st["gap"] * st["body"]
        colw = (st["width"] - ml - mr - (cols - 1) * gap) / cols
        height = st["height"] - mt - mb - st["body"] * 5
        return cols * int(colw / st["body"]) * height / (st["body"] * st["leading"])

    def heads_cost(self, page: int, s: Story, across: bool, size: float) -> float:
        """Characters' worth of room a story's heads take (as lines of the page's columns)."""
        st = self.st
        cols = st["columns"][page - 1]
        per_line = self.capacity(page) / cols / ((st["height"] - sum(st["margins"][2:])) / (st["body"] * st["leading"]))
        lines = size * 1.3 / (st["body"] * st["leading"]) + 1.5
        lines += sum(1.6 for x in (s.kicker, s.subtitle, s.label) if x) + (s.byline[0] == "line") * 1.2
        lines += 10 if s.photo else 0
        return lines * per_line * (cols if across else 1)

    def key(self, art: Article) -> str:
        self.n += 1
        key = f"s{self.n}"
        self.headlines[key] = art.headline
        return key

    def story(self, art: Article, titles: list[str], allow_photo: bool = False) -> Story:
        rng, st = self.rng, self.st
        s = Story(self.key(art), art.headline, list(art.paragraphs))
        if rng.random() < st["kicker_rate"] and titles:
            s.kicker = titles.pop()
            self.count("kicker")
        if rng.random() < st["subtitle_rate"] and titles:
            s.subtitle = ("——" if rng.random() < 0.5 else "") + titles.pop()
            self.count("subtitle")
        if rng.random() < st["label_rate"]:
            s.label = self.cv(rng.choice(LABELS))
            self.count("label")
        style = rng.choice(st["byline_styles"])
        name = art.byline or "　".join(rng.sample(NAMES, rng.randint(1, 2)))
        if style == "line":
            s.byline = ("line", self.cv(f"本报记者　{name}"))
        elif style == "closing":
            s.byline = ("closing", self.cv(f"（记者　{name}）"))
        elif style == "dateline":
            city = rng.choice(CITIES)
            s.paras[0] = self.cv(f"本报{city}1月{st['day']}日电　记者{name}报道：") + s.paras[0]
        self.count(f"byline_{style}")
        if allow_photo and rng.random() < st["photo_rate"] and titles:
            s.photo = self.cv("图为") + titles.pop() + self.cv("现场。　本报记者　") + rng.choice(NAMES) + self.cv("摄")
            self.count("photo")
        return s

    def jump_cut(self, s: Story, budget: float) -> Story:
        """Cut ``s`` after about ``budget`` characters, mid-paragraph; the rest becomes its continuation."""
        total = sum(map(len, s.paras))
        share = max(0.2, min(0.7, budget / total))
        left = int(total * share)
        kept, rest = [], []
        for n, para in enumerate(s.paras):
            if left >= len(para) or rest:
                if rest:
                    rest.append(para)
                else:
                    kept.append(para)
                    left -= len(para)
                continue
            at = max(8, min(len(para) - 8, left))
            kept.append(para[:at])
            rest.append(para[at:])
            if n + 1 < len(s.paras):
                rest += s.paras[n + 1 :]
            break
        if not rest:  # the budget covers all: cut the last paragraph in two
            last = kept.pop()
            at = len(last) // 2
            kept.append(last[:at])
            rest = [last[at:]]
        cont = Story(s.key, s.headline, rest, jump="in", continues=True, trimmable=True)
        s.paras, s.jump, s.trimmable = kept, "out", False
        if s.byline[0] == "closing":  # the closing byline closes the continuation
            cont.byline, s.byline = s.byline, ("none", "")
        return cont

    def bands(self, page: int, arts: list[Article], titles: list[str], room: float) -> list[Band]:
        """Bands of stories whose estimated length (heads included) first exceeds ``room`` characters."""
        rng, st = self.rng, self.st
        out: list[Band] = []
        filled = 0.0
        while filled < room and arts:
            if rng.random() < st["flow_rate"] and len(arts) >= 2:
                k = min(len(arts), rng.randint(2, 4))
                stories = []
                for _ in range(k):
                    s = self.story(arts.pop(0), titles)
                    if rng.random() < st["sidebar_rate"] and not any(x.sidebar for x in stories):
                        s.sidebar = self.cv(rng.choice(SIDEBAR_LABELS))
                        s.label = s.sidebar
                        s.kicker = s.photo = ""
                        s.paras = s.paras[:1] if len(s.paras[0]) > 120 else s.paras[:2]
                        s.trimmable = False  # a frame does not break: kept whole or dropped whole
                        self.count("sidebar")
                    filled += sum(map(len, s.paras)) + self.heads_cost(page, s, False, st["body"] * st["head_scale"])
                    stories.append(s)
                out.append(Band("flow", stories))
                self.count("flow")
            else:
                s = self.story(arts.pop(0), titles, allow_photo=True)
                filled += sum(map(len, s.paras)) + self.heads_cost(page, s, True, st["body"] * st["head_scale"])
                out.append(Band("across", [s]))
                self.count("across")
        return out

    def briefs(self, arts: list[Article]) -> Band:
        rng = self.rng
        stories = []
        for _ in range(rng.randint(4, 8)):
            if not arts:
                break
            art = arts.pop(0)
            first = art.paragraphs[0]
            if len(first) > 160:  # a brief is a sentence or two
                ends = [i + 1 for i, ch in enumerate(first) if ch in "。！？" and 30 <= i < 160]
                first = first[: ends[-1]] if ends else first[:160]
            stories.append(Story(self.key(art), art.headline, [first], brief=True))
        self.count("briefs")
        return Band("briefs", stories, label=self.cv(rng.choice(BRIEF_LABELS)))

    def plan(self, arts: list[Article]) -> tuple[dict[int, list[Band]], list[Story]]:
        rng, st = self.rng, self.st
        titles = [a.headline for a in arts[-10:]]
        arts = arts[:-10]
        cap1, cap2 = self.capacity(1), self.capacity(2)
        pages: dict[int, list[Band]] = {1: [], 2: []}
        conts: list[Story] = []
        arts.sort(key=lambda a: -sum(map(len, a.paragraphs)))
        lead_art, arts = arts[0], arts[1:]
        second_art = arts.pop(0) if st["second_jump"] else None
        rng.shuffle(arts)
        lead = self.story(lead_art, titles, allow_photo=True)
        conts.append(self.jump_cut(lead, st["lead_share"] * cap1))
        pages[1].append(Band("across", [lead]))
        used = st["lead_share"] * cap1 + self.heads_cost(1, lead, True, st["body"] * st["lead_scale"])
        used += cap1 * 0.12  # the masthead
        if second_art is not None:
            second = self.story(second_art, titles)
            budget = rng.uniform(0.1, 0.18) * cap1
            conts.append(self.jump_cut(second, budget))
            pages[1].append(Band("across", [second]))
            used += budget + self.heads_cost(1, second, True, st["body"] * st["head_scale"])
            self.count("second_jump")
        briefs = self.briefs(arts) if st["briefs"] and st["columns"][0] >= 3 else None
        if briefs is not None:
            used += sum(len(s.paras[0]) + 12 for s in briefs.stories) + cap1 * 0.03
            if st["briefs_where"] == "under_lead":
                pages[1].append(briefs)
        pages[1] += self.bands(1, arts, titles, (cap1 - used) * 1.3)
        if briefs is not None and st["briefs_where"] == "foot":
            pages[1].append(briefs)
        # page 2: the continuations (an editor cuts an over-long rest at a paragraph end) and bands
        for c in conts:
            budget = cap2 * (0.45 if len(conts) == 1 else 0.25)
            while len(c.paras) > 1 and sum(map(len, c.paras)) > budget:
                c.paras.pop()
        cont_bands = [Band("across", [c]) for c in conts]
        cont_len = sum(sum(map(len, c.paras)) + cap2 * 0.05 for c in conts)
        where = st["cont_where"]
        room = cap2 * 0.95 - cont_len
        if where == "top":
            pages[2] = cont_bands + self.bands(2, arts, titles, room * 1.3)
        elif where == "middle":
            upper = self.bands(2, arts, titles, room * 0.35)
            pages[2] = upper + cont_bands + self.bands(2, arts, titles, room * 0.75)
        else:
            pages[2] = self.bands(2, arts, titles, room * 0.85) + cont_bands
        return pages, conts


# ---- fitting: run ConTeXt, cut what ran off a page, run again -------------------------------------------------------
CACHE = ProducerCache("qa-newspaper-context", "NEWSPAPER_CONTEXT_CACHE")


def _run_context(source: str, workdir: Path) -> dict[tuple[int, int], int]:
    """Typeset ``source`` (leaving paper.pdf in ``workdir``); the glyph count of every (page, pid) ConTeXt shipped.

    Each run's PDF and counts are cached by the source's hash (NEWSPAPER_CONTEXT_CACHE=0 turns it off): ConTeXt takes
    about ten seconds a run, and a paper made before needs none."""
    digest = hashlib.sha256(source.encode("utf-8")).hexdigest()[:32]
    pdf, gold = workdir / "paper.pdf", workdir / "paper-gold.txt"
    for stale in (pdf, gold):
        stale.unlink(missing_ok=True)
    kept = CACHE.get(digest, (".pdf", ".txt"))
    if kept:
        shutil.copyfile(kept[0], pdf)
        shutil.copyfile(kept[1], gold)
    else:
        (workdir / "paper.tex").write_text(source, encoding="utf-8")
        env = dict(os.environ, OSFONTDIR="/usr/share/fonts")
        done = subprocess.run(
            ["context", "--batchmode", "--once", "--nostatistics", "paper.tex"],
            cwd=workdir,
            capture_output=True,
            text=True,
            timeout=300,
            env=env,
        )
        if done.returncode != 0 or not pdf.is_file() or not gold.is_file():
            log = workdir / "paper.log"
            tail = log.read_text(encoding="utf-8", errors="replace")[-800:] if log.is_file() else done.stdout[-800:]
            raise RuntimeError(f"ConTeXt failed ({done.returncode}): {tail}")
        CACHE.put(digest, {".pdf": pdf, ".txt": gold})
    counts: dict[tuple[int, int], int] = {}
    for line in gold.read_text(encoding="utf-8").split("\n"):
        if line.strip():
            page, pid, n = map(int, line.split())
            counts[(page, pid)] = n
    return counts


def _placement(writer: _Writer, counts: dict[tuple[int, int], int]) -> dict[int, dict[int, int]]:
    """pid → {page: glyphs}."""
    where: dict[int, dict[int, int]] = {}
    for (page, pid), n in counts.items():
        where.setdefault(pid, {})[page] = n
    return where


def _spilled(writer: _Writer, where: dict[int, dict[int, int]], page: int, page_of_2: int) -> dict[str, set[int]]:
    """For the intended ``page``: story key → indexes into its pieces that did not land on it (whole)."""
    target = 1 if page == 1 else page_of_2
    off: dict[str, set[int]] = {}
    for pid0, (key, _, text, p, _) in enumerate(writer.pids):
        if p != page or not "".join(text.split()):
            continue
        at = where.get(pid0 + 1, {})
        if set(at) != {target}:
            off.setdefault(key, set()).add(pid0)
    return off


def _trim(
    pages: dict[int, list[Band]], page: int, writer: _Writer, off_pids: set[int], conts: dict[str, Story]
) -> bool:
    """Cut, from the end of ``page``, every paragraph (and story) that ran off it; False when that is impossible."""
    off_stories = {writer.pids[p][0] for p in off_pids}
    body_off: dict[str, int] = {}  # story key → first body paragraph (index) that ran off
    for p in sorted(off_pids):
        key, role = writer.pids[p][0], writer.pids[p][1]
        if role in ("body", "marker", "byline") and key not in body_off:
            body_off[key] = _para_index(writer, p)
    for band in pages[page]:
        for s in list(band.stories):
            if s.key not in off_stories:
                continue
            first = body_off.get(s.key)
            heads_off = any(writer.pids[p][0] == s.key and writer.pids[p][1] in HEAD_ROLES for p in off_pids)
            if s.jump == "out":
                if heads_off or first is None or first < 1:
                    return False
                cont = conts[s.key]
                first = min(first, len(s.paras) - 1)
                if first < 1:
                    return False
                moved = s.paras[first:]
                if cont.continues:
                    # the cut paragraph goes over whole: it joins its tail
                    cont.paras[0] = moved[-1] + cont.paras[0]
                    cont.continues = False
                    moved = moved[:-1]
                cont.paras[:0] = moved
                s.paras = s.paras[:first]
                if s.byline[0] == "closing":
                    s.byline = ("none", "")
                continue
            if heads_off or first is None or first < 1 or not s.trimmable or s.brief:
                if s.jump == "in" and (first is None or first < 1):
                    return False
                band.stories.remove(s)
                continue
            s.paras = s.paras[:first]
            if s.byline[0] == "closing" and first is not None:
                s.byline = ("none", "")
    pages[page] = [b for b in pages[page] if b.stories]
    return True


def _para_index(writer: _Writer, pid0: int) -> int:
    """Which of its story's paragraphs the piece ``pid0`` is (markers and closing bylines count as the last + 1)."""
    key, page = writer.pids[pid0][0], writer.pids[pid0][3]
    n = -1
    for q in range(pid0 + 1):
        k, role, _, p, _ = writer.pids[q]
        if k == key and p == page and role == "body":
            n += 1
    role = writer.pids[pid0][1]
    return n if role == "body" else n + 1


def make_spec(
    seed: int, attempt: int = 0, columns: int | None = None
) -> tuple[dict, dict[int, list[Band]], dict, dict]:
    """The drawn style, the planned bands of both pages, each story key's headline and the conventions used."""
    rng = random.Random(seed * 131 + attempt)
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
    st["issue"] = cv(f"1998年1月{day}日　星期{weekday}　第{issue}期　今日八版")
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
        cv(rng.choice(("第2版　", "2　", "第二版　")) + rng.choice(EDITIONS)),
        cv(f"1998年1月{day}日　{paper}"),
    ]
    st["footers"] = [
        cv(f"责任编辑：{names[0]}　版式设计：{names[1]}　校对：{names[2]}"),
        cv(f"本版编辑：{names[1]}　　第2版"),
    ]
    arts = [
        Article(cv(a.headline), [cv(p) for p in a.paragraphs], byline=cv(a.byline) if a.byline else None)
        for a in distinct_articles(rng, 70)
    ]
    planner = _Planner(rng, st, cv)
    pages, conts = planner.plan(arts)
    conventions = dict(planner.used)
    for name in (
        "masthead",
        "head_face",
        "head_align",
        "marker_form",
        "cont_where",
        "cont_head",
        "trad",
        "indent",
        "runin_style",
        "column_rules",
    ):
        conventions[name] = st[name]
    conventions["columns"] = tuple(st["columns"])
    return st, pages, planner.headlines, conventions


def _fit(st: dict, pages: dict[int, list[Band]], workdir: Path) -> tuple[_Writer, dict[int, dict[int, int]], int]:
    """Run ConTeXt and cut what ran off each page until everything sits on its page; (writer, placement, runs)."""
    conts = {b.stories[0].key: b.stories[0] for b in pages[2] if b.stories and b.stories[0].jump == "in"}
    for run in range(1, 6):
        writer = _Writer(st)
        counts = _run_context(writer.document(pages), workdir)
        where = _placement(writer, counts)
        shipped = {page for page, _ in counts}
        first2 = min((min(where.get(i + 1, {99: 0})) for i, w in enumerate(writer.pids) if w[3] == 2), default=2)
        off1 = {p for ps in _spilled(writer, where, 1, first2).values() for p in ps}
        off2 = {p for ps in _spilled(writer, where, 2, first2).values() for p in ps}
        if not off1 and not off2 and shipped <= {1, 2} and first2 == 2:
            return writer, where, run
        if off1 and not _trim(pages, 1, writer, off1, conts):
            raise RuntimeError("page 1 cannot be fitted")
        if off2 and not _trim(pages, 2, writer, off2, conts):
            raise RuntimeError("page 2 cannot be fitted")
        if not off1 and not off2:
            raise RuntimeError(f"pages {sorted(shipped)} shipped though every piece is on its page")
    raise RuntimeError("not fitted in five ConTeXt runs")


def make_context_newspaper(path: Path, seed: int, pages: int = 2, columns: int | None = None) -> ContextNewspaper:
    """Typeset a two-page paper with ConTeXt at ``path``; its gold as ConTeXt shipped the pages."""
    if pages != 2:
        raise ValueError("the ConTeXt producer makes two-page papers")
    problems: list[str] = []
    for attempt in range(4):
        st, plan, headlines, conventions = make_spec(seed, attempt, columns)
        with tempfile.TemporaryDirectory() as tmp:
            try:
                writer, where, runs = _fit(st, plan, Path(tmp))
            except RuntimeError as exc:
                problems = [str(exc)]
                continue
            shutil.copyfile(Path(tmp) / "paper.pdf", path)
        pieces = []
        for key, role, text, page, continues in writer.pids:
            if role not in GOLD_ROLES or not "".join(text.split()):
                continue
            pieces.append(Piece(headlines[key], text, page, role, continues=continues))
        pieces.sort(key=lambda p: p.page)  # stable: the source order within a page
        jumps = [
            headlines[k]
            for k in dict.fromkeys(w[0] for w in writer.pids if w[3] == 2 and w[0] != "briefs")
            if any(w[0] == k and w[3] == 1 and w[1] == "body" for w in writer.pids)
        ]
        conventions = dict(conventions, jumps=len(jumps))
        paper = ContextNewspaper(
            path, "context", st["columns"][0], 2, pieces, jumps, conventions=conventions, runs=runs
        )
        problems = check_gold(paper)
        if not problems:
            return paper
    raise RuntimeError(f"seed {seed}: no consistent paper in four attempts: {problems[:3]}")


page_texts = drawn_page_texts  # each page's characters in the order LuaTeX wrote them (white space removed)


def check_gold(paper: Newspaper) -> list[str]:
    """Problems with the gold: the wrong number of pages, or pieces whose characters are not drawn, in order, on
    their page (LuaTeX writes each line's glyphs in order, lines down each column, columns left to right)."""
    return gold_problems(paper, page_texts(paper))
