"""Page-edge furniture on ordinary multi-page documents: is the furniture dropped, is the text that looks like it kept?

``python benchmarks/page_edges.py [--cache DIR] [--failures TEXT]`` makes documents (notices, reports, briefings whose
slide title repeats, two-column papers) with four real producers — reportlab (canvas furniture drawn on each page),
LibreOffice from python-docx (header/footer with PAGE/NUMPAGES fields, first-page and even-page headers), Chromium via
Playwright (CSS ``@page`` margin boxes, ``:first``/``:left``/``:right``), XeLaTeX with fancyhdr (``twoside`` for
odd/even heads, its own first-page style) — and reads them with ``qa.loading.load_file`` +
``qa.structure.recover_outline``.

The furniture *style* is varied independently of the producer and the document: page numbers '第3页', 'Page 3',
'- 3 -', '3/12' and bare; running titles, an issuer and a date, a journal's issue line; carried on every page, on all
but the first, on odd and even pages differently, or (a short paper's journal header) on one page only; at the top or
the foot, at a side or centred, small or in text size, ruled or not; at the usual distance from the paper's edge or
set far in (styles A2, C2, E2: the head 0.1 of the page from the top, the foot 0.13-0.15 from the bottom, where
LaTeX's A4 article sets its folio — outside the furniture step's outermost band).

The documents hold text that looks like furniture and is content: a '发布时间：…' line under the title, a notice's
signature date forced to the top of a page, a short numbered line ('3．…') opening a page, a briefing's slide title
repeated at the top of three pages.

Gold: every furniture string printed on every page (from the style and the page count); every content sentence,
heading and look-alike line; every body paragraph's section heading. Metrics per document:

- **furn**: furniture dropped — 1 − (furniture strings found in the text ÷ printed). The text left after taking out
  every content unit is searched (a bare number as a whole run of digits; the body has no digits of its own);
- **kept**: content kept — content units (sentences, headings, look-alikes) found in the text, whole or cut by one
  insertion;
- **look**: look-alike lines kept (a part of **kept**);
- **sect**: body paragraphs whose section's own heading is the gold one.

**Split** — TUNING: reportlab, LibreOffice and XeLaTeX with styles A, A2, B, D, E, E2. HELD-OUT: every Chromium
document (a whole producer) and styles C, C2 (odd/even running heads with '- 3 -', a whole furniture style) from every
producer. Only TUNING failures were looked at (``--failures``, which lists TUNING documents only); no rule or threshold
was chosen on HELD-OUT rows. n = documents (one per producer, style and kind with ``--seeds 1``).

The baseline column is the same reader in the same run with ``edge_rows.drop_edge_furniture`` and
``carried_rows.join_carried_rows`` switched off (monkeypatched), showing what those rules add.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import shutil
import sys
import tempfile
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
VERSION = "v1"  # part of the cache key: bump when a maker or the content changes

# ---------------------------------------------------------------- furniture styles


@dataclass(frozen=True)
class Item:
    """One piece of page furniture: where it stands, its text ('{n}' the page, '{N}' the page count), on which pages."""

    where: str  # "top" | "foot"
    align: str  # "l" | "c" | "r"
    text: str
    pages: str = "all"  # "all" | "rest" (all but the first) | "even" | "odd-rest" (odd, not the first)
    small: bool = True  # 9 pt, or the body's size
    rule: bool = False  # a rule under a head (over nothing at the foot)

    def on(self, n: int) -> bool:
        return {
            "all": True,
            "rest": n > 1,
            "even": n % 2 == 0,
            "odd-rest": n % 2 == 1 and n > 1,
        }[self.pages]


# {short}: the running title; {org}: the issuer
STYLES: dict[str, list[Item]] = {
    "A 第N页 folio": [Item("foot", "c", "第{n}页")],
    "B title+date head, Page N": [
        Item("top", "l", "{short}", "rest", rule=True),
        Item("top", "r", "2025年6月", "rest", rule=True),
        Item("foot", "r", "Page {n}"),
    ],
    "C odd/even heads, - N -": [
        Item("top", "l", "{short}", "even", rule=True),
        Item("top", "r", "{org}　第12期", "odd-rest", rule=True),
        Item("foot", "c", "- {n} -", small=False),
    ],
    "D issuer+date head, N/M": [
        Item("top", "l", "{org}", small=False),
        Item("top", "r", "2025-06-03", small=False),
        Item("foot", "r", "{n}/{N}", small=False),
    ],
    "E journal head (short doc)": [
        Item("top", "l", "气象科学学报　第45卷　第3期", "rest", rule=True),
        Item("top", "r", "2025年6月", "rest", rule=True),
        Item("foot", "c", "{n}"),
    ],
}
# The same furniture set far in from the paper's edge, as LaTeX's A4 article sets its folio (0.16 of the page from the
# foot): the head about 0.1 of the page from the top, the foot 0.13-0.15 from the bottom, outside the outermost band.
STYLES["A2 第N页 folio, far in"] = STYLES["A 第N页 folio"]
STYLES["C2 odd/even heads, far in"] = STYLES["C odd/even heads, - N -"]
STYLES["E2 journal head, far in (short)"] = STYLES["E journal head (short doc)"]
FAR = {"A2 第N页 folio, far in", "C2 odd/even heads, far in", "E2 journal head, far in (short)"}
HELD_STYLES = {"C odd/even heads, - N -", "C2 odd/even heads, far in"}
HELD_PRODUCERS = {"Chromium"}

# ---------------------------------------------------------------- content

_SUBJ = (
    "各单位 有关部门 各级政府 项目单位 监管机构 技术团队 运维人员 评审专家 研究人员 管理部门 基层站所 施工企业"
).split()
_VERB = "应当加强 要切实做好 需要统筹推进 必须认真落实 进一步完善 持续优化 全面开展 及时组织".split()
_OBJ = (
    "安全生产检查 隐患排查治理 数据质量管理 应急值守工作 设备巡检维护 资金使用监督 人员培训考核 档案整理归档 "
    "风险评估分析 信息报送工作 质量抽查复核 现场作业管理"
).split()
_TAIL = (
    "确保各项措施落到实处 切实防止问题反弹回潮 形成长效工作机制 做到责任明确分工清楚 及时发现并整改问题 "
    "提高工作的规范化水平 保证数据真实准确完整 为后续工作打下坚实基础"
).split()
_HEADS = "一、总体要求 二、工作任务 三、实施步骤 四、保障措施 五、有关要求 六、监督检查".split()
_PAPER_HEADS = "一、引言 二、数据与方法 三、结果分析 四、讨论 五、结论".split()


@dataclass
class Unit:
    text: str
    kind: str = "body"  # "body" | "head" | "title" | "look"
    count: int = 1  # times printed (a slide title repeated)


@dataclass
class Doc:
    kind: str
    title: str
    short: str
    org: str
    columns: int
    # blocks in order: ("title"|"head"|"para"|"line"|"right"|"break", text)
    blocks: list[tuple[str, str]] = field(default_factory=list)
    units: list[Unit] = field(default_factory=list)
    sections: list[tuple[str, str]] = field(default_factory=list)  # (a body paragraph's first sentence, its heading)


def _sentences(rng: random.Random, used: set[str], k: int) -> list[str]:
    out: list[str] = []
    while len(out) < k:
        s = f"{rng.choice(_SUBJ)}{rng.choice(_VERB)}{rng.choice(_OBJ)}，{rng.choice(_TAIL)}。"
        if s not in used:
            used.add(s)
            out.append(s)
    return out


def make_doc(kind: str, seed: int, short: bool) -> Doc:
    """A document of ``kind`` ('notice', 'report', 'briefing', 'paper'); ``short`` fills about two pages."""
    rng = random.Random(f"{kind}-{seed}")
    used: set[str] = set()
    org = rng.choice(["市应急管理局", "省气象局办公室", "市发展改革委", "区教育局"])
    subject = rng.choice(["安全生产大检查", "汛期气象服务", "重点项目建设", "校园安全管理"])
    titles = {
        "notice": f"关于开展{subject}工作的通知",
        "report": f"{subject}工作情况报告",
        "briefing": f"{subject}工作汇报",
        "paper": f"{subject}的实证分析与对策研究",
    }
    doc = Doc(kind, titles[kind], subject + ("工作" if kind != "paper" else "研究"), org, 2 if kind == "paper" else 1)

    def add(block: str, text: str, unit_kind: str | None = None) -> None:
        doc.blocks.append((block, text))
        if unit_kind == "body":
            doc.units += [Unit(s, "body") for s in re.findall(r"[^。]+。", text) or [text]]
        elif unit_kind:
            doc.units.append(Unit(text, unit_kind))

    add("title", doc.title, "title")
    if kind == "notice":
        add("line", f"发布时间：2025年3月{seed % 20 + 5}日　来源：{org}", "look")
    if kind == "paper":
        add("line", "摘要：" + "".join(_sentences(rng, used, 3)), "body")
    heads = _PAPER_HEADS if kind == "paper" else _HEADS
    n_heads = 3 if short else 5
    per, sent = (3, 6) if short else (3, 8)
    for h, head in enumerate(heads[:n_heads]):
        if kind == "briefing" and h == 1:  # a slide's title over its points, repeated on the three pages it runs over
            for _ in range(3):
                doc.blocks.append(("break", ""))
                doc.blocks.append(("head", head))
                for _ in range(2):
                    text = "".join(_sentences(rng, used, 3))
                    add("para", text, "body")
                    doc.sections.append((re.findall(r"[^。]+。", text)[0], head))
            doc.units.append(Unit(head, "look", 3))
            doc.blocks.append(("break", ""))
            continue
        add("head", head, "head")
        for _ in range(per):
            text = "".join(_sentences(rng, used, sent))
            add("para", text, "body")
            doc.sections.append((re.findall(r"[^。]+。", text)[0], head))
        if kind == "report" and h == 1:  # short numbered lines, the last opening a page
            for i, item in enumerate(["加强组织领导", "压实工作责任", "强化督促检查"], 1):
                if i == 3:
                    doc.blocks.append(("break", ""))
                add("line", f"{i}．{item}", "look")
    if kind == "notice":  # the issuer, then the date alone at the top of the next page
        add("right", org, "body")
        doc.blocks.append(("break", ""))
        add("right", f"2025年3月{seed % 20 + 5}日", "look")
    return doc


def furniture(doc: Doc, style: str, pages: int) -> list[str]:
    """Every furniture string printed, page by page."""
    out = []
    for n in range(1, pages + 1):
        for item in STYLES[style]:
            if item.on(n):
                out.append(item.text.format(n=n, N=pages, short=doc.short, org=doc.org))
    return out


# ---------------------------------------------------------------- producers

SIZE, HEAD, TITLE, SMALL = 11, 14, 18, 9


def _fill(item: Item, doc: Doc, n: int, pages: int) -> str:
    return item.text.format(n=n, N=pages, short=doc.short, org=doc.org)


def make_reportlab(doc: Doc, style: str, out: Path) -> Path:
    from reportlab.lib.enums import TA_CENTER, TA_RIGHT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import BaseDocTemplate, Frame, PageBreak, PageTemplate, Paragraph

    if "WQY" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("WQY", str(FONT), subfontIndex=0))
    width, height = A4
    far = style in FAR
    left, right, top, bottom = 22 * mm, 22 * mm, (38 if far else 25) * mm, (52 if far else 25) * mm
    styles = {
        "title": ParagraphStyle("t", fontName="WQY", fontSize=TITLE, leading=TITLE * 1.5, alignment=TA_CENTER),
        "head": ParagraphStyle("h", fontName="WQY", fontSize=HEAD, leading=HEAD * 1.6, spaceBefore=6),
        "para": ParagraphStyle("p", fontName="WQY", fontSize=SIZE, leading=SIZE * 1.6, firstLineIndent=2 * SIZE),
        "line": ParagraphStyle("l", fontName="WQY", fontSize=SIZE, leading=SIZE * 1.6),
        "right": ParagraphStyle("r", fontName="WQY", fontSize=SIZE, leading=SIZE * 1.6, alignment=TA_RIGHT),
    }

    def build(pages: int) -> int:
        def on_page(canvas, tmpl) -> None:  # noqa: ANN001
            n = tmpl.page
            for item in STYLES[style]:
                if not item.on(n):
                    continue
                size = SMALL if item.small else SIZE
                canvas.setFont("WQY", size)
                y = height - (30 if far else 15) * mm if item.where == "top" else (38 if far else 14) * mm
                text = _fill(item, doc, n, pages)
                if item.align == "l":
                    canvas.drawString(left, y, text)
                elif item.align == "c":
                    canvas.drawCentredString(width / 2, y, text)
                else:
                    canvas.drawRightString(width - right, y, text)
                if item.rule and item.where == "top":
                    canvas.setLineWidth(0.5)
                    canvas.line(left, y - 4, width - right, y - 4)

        gap = 8 * mm
        col = (width - left - right - (doc.columns - 1) * gap) / doc.columns
        frames = [
            Frame(left + i * (col + gap), bottom, col, height - top - bottom, id=f"c{i}") for i in range(doc.columns)
        ]
        tpl = BaseDocTemplate(str(out), pagesize=A4, pageTemplates=[PageTemplate("p", frames, onPage=on_page)])
        story = [PageBreak() if b == "break" else Paragraph(t, styles[b]) for b, t in doc.blocks]
        tpl.build(story)
        return tpl.page

    build(build(1))
    return out


def _tex(doc: Doc, style: str) -> str:
    items = STYLES[style]
    twoside = any(i.pages in ("even", "odd-rest") for i in items)
    pos = {"l": "L", "c": "C", "r": "R"}

    def fields(selected: list[Item]) -> str:
        out = []
        for item in selected:
            text = item.text.format(n=r"\thepage", N=r"\pageref{LastPage}", short=doc.short, org=doc.org)
            text = text if item.small is False else r"{\footnotesize " + text + "}"
            where = "head" if item.where == "top" else "foot"
            side = pos[item.align]
            if twoside:
                side = {"even": side + "E", "odd-rest": side + "O"}.get(item.pages, side + "E," + side + "O")
            out.append(rf"\fancy{where}[{side}]{{{text}}}")
        return "".join(out)

    ruled = any(i.rule for i in items)
    rest = [i for i in items if i.pages == "all"]
    first_rule = any(i.rule and i.where == "top" for i in rest)
    body = []
    for block, text in doc.blocks:
        if block == "title":
            body.append(rf"{{\centering\LARGE {text}\par}}\vspace{{1em}}")
        elif block == "head":
            body.append(rf"\section*{{{text}}}")
        elif block == "para":
            body.append(text + "\n")
        elif block == "line":
            body.append(r"\noindent " + text + "\n")
        elif block == "right":
            body.append(r"\begin{flushright}" + text + r"\end{flushright}")
        else:
            body.append(r"\clearpage")
    if doc.columns == 2:  # the title over both columns
        first = body.index(next(b for b in body if b.startswith(r"{\centering")))
        body[first] = r"\twocolumn[" + body[first] + "]"
    opts = ["a4paper", "11pt"] + (["twoside"] if twoside else []) + (["twocolumn"] if doc.columns == 2 else [])
    return (
        rf"\documentclass[UTF8,{','.join(opts)}]{{ctexart}}\usepackage{{fancyhdr,lastpage,geometry}}"
        + (
            r"\geometry{left=2.5cm,right=2.5cm,top=38mm,headsep=6mm,bottom=52mm,footskip=14mm}"
            if style in FAR
            else r"\geometry{margin=2.5cm}"
        )
        + r"\setCJKmainfont{AR PL SungtiL GB}\setCJKsansfont{WenQuanYi Micro Hei}"
        r"\ctexset{section={format=\Large\bfseries}}"
        rf"\fancypagestyle{{first}}{{\fancyhf{{}}{fields(rest)}"
        rf"\renewcommand{{\headrulewidth}}{{{'0.4pt' if first_rule else '0pt'}}}}}"
        rf"\pagestyle{{fancy}}\fancyhf{{}}{fields(items)}"
        rf"\renewcommand{{\headrulewidth}}{{{'0.4pt' if ruled else '0pt'}}}"
        r"\begin{document}\thispagestyle{first}" + "\n".join(body) + r"\end{document}"
    )


def make_latex(doc: Doc, style: str, out: Path) -> Path:
    from tests.ordinary_pdfs import _xelatex

    return _xelatex(_tex(doc, style), out)


def make_docx(doc: Doc, style: str, out: Path) -> Path:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Inches, Mm, Pt

    from tests.ordinary_pdfs import _soffice

    d = Document()
    normal = d.styles["Normal"]
    normal.font.name = "AR PL SungtiL GB"
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "AR PL SungtiL GB")
    normal.font.size = Pt(SIZE)
    section = d.sections[0]
    section.page_width, section.page_height = Inches(8.5), Inches(11)
    section.left_margin = section.right_margin = Inches(1)  # text 6.5 in: the Header style's tabs (3.25, 6.5 in)
    if style in FAR:
        section.top_margin, section.bottom_margin = Mm(40), Mm(55)
        section.header_distance, section.footer_distance = Mm(28), Mm(40)
    if doc.columns == 2:
        cols = section._sectPr.find(qn("w:cols"))
        if cols is None:
            cols = OxmlElement("w:cols")
            section._sectPr.append(cols)
        cols.set(qn("w:num"), "2")
        cols.set(qn("w:space"), "425")

    def run_text(p, text: str, size: float) -> None:  # noqa: ANN001
        for part in re.split(r"(\{n\}|\{N\})", text):
            if not part:
                continue
            if part in ("{n}", "{N}"):
                fld = OxmlElement("w:fldSimple")
                fld.set(qn("w:instr"), "PAGE" if part == "{n}" else "NUMPAGES")
                r = OxmlElement("w:r")
                rpr = OxmlElement("w:rPr")
                sz = OxmlElement("w:sz")
                sz.set(qn("w:val"), str(int(size * 2)))
                rpr.append(sz)
                r.append(rpr)
                t = OxmlElement("w:t")
                t.text = "1"
                r.append(t)
                fld.append(r)
                p._p.append(fld)
            else:
                run = p.add_run(part)
                run.font.size = Pt(size)

    def fill(part, items: list[Item]) -> None:  # noqa: ANN001
        for where in ("top", "foot"):
            mine = [i for i in items if i.where == where]
            if not mine:
                continue
            box = part.header if where == "top" else part.footer
            p = box.paragraphs[0]
            box.is_linked_to_previous = False
            size = SMALL if all(i.small for i in mine) else SIZE
            by = {i.align: i for i in mine}
            if set(by) == {"c"}:
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                run_text(p, by["c"].text.format(n="{n}", N="{N}", short=doc.short, org=doc.org), size)
            else:  # left, then two tabs to the right margin (the Header style's centre tab, then its right tab)
                text = by["l"].text if "l" in by else ""
                text += "\t\t" + by["r"].text if "r" in by else ""
                run_text(p, text.format(n="{n}", N="{N}", short=doc.short, org=doc.org), size)
            if any(i.rule for i in mine) and where == "top":
                ppr = p._p.get_or_add_pPr()
                bdr = OxmlElement("w:pBdr")
                bottom = OxmlElement("w:bottom")
                for k, v in (("w:val", "single"), ("w:sz", "4"), ("w:space", "1"), ("w:color", "000000")):
                    bottom.set(qn(k), v)
                bdr.append(bottom)
                ppr.append(bdr)

    items = STYLES[style]

    class _Part:  # a header/footer pair of one kind (default, first page, even page)
        def __init__(self, header, footer) -> None:  # noqa: ANN001
            self.header, self.footer = header, footer

    if any(i.pages in ("even", "odd-rest") for i in items):
        d.settings.odd_and_even_pages_header_footer = True
        fill(_Part(section.header, section.footer), [i for i in items if i.pages in ("all", "odd-rest")])
        even = [i for i in items if i.pages in ("all", "even")]
        fill(_Part(section.even_page_header, section.even_page_footer), even)
    else:
        fill(_Part(section.header, section.footer), items)
    if any(i.pages in ("rest", "odd-rest") for i in items):
        section.different_first_page_header_footer = True
        fill(_Part(section.first_page_header, section.first_page_footer), [i for i in items if i.pages == "all"])

    for block, text in doc.blocks:
        if block == "break":
            d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            continue
        p = d.add_paragraph()
        run = p.add_run(text)
        if block == "title":
            run.font.size, run.bold = Pt(TITLE), True
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif block == "head":
            run.font.size, run.bold = Pt(HEAD), True
        elif block == "para":
            p.paragraph_format.first_line_indent = Pt(2 * SIZE)
        elif block == "right":
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    docx = out.with_suffix(".docx")
    d.save(str(docx))
    return _soffice(docx, out)


def _html(doc: Doc, style: str) -> str:
    boxes: dict[str, list[str]] = {"": [], ":first": [], ":left": [], ":right": []}
    font = "font-family:'WenQuanYi Micro Hei'"
    for item in STYLES[style]:
        box = ("top-" if item.where == "top" else "bottom-") + {"l": "left", "c": "center", "r": "right"}[item.align]
        parts = re.split(r"(\{n\}|\{N\})", item.text.format(n="{n}", N="{N}", short=doc.short, org=doc.org))
        counters = {"{n}": "counter(page)", "{N}": "counter(pages)"}
        content = " ".join(counters.get(p, json.dumps(p, ensure_ascii=False)) for p in parts if p)
        rule = ";border-bottom:0.5pt solid black" if item.rule and item.where == "top" else ""
        align = (";vertical-align:" + ("bottom" if item.where == "top" else "top")) if style in FAR else ""
        css = f"@{box}{{content:{content};font-size:{SMALL if item.small else SIZE}pt;{font}{rule}{align}}}"
        page = {"all": "", "rest": "", "even": ":left", "odd-rest": ":right"}[item.pages]
        boxes[page].append(css)
        if item.pages in ("rest", "odd-rest"):
            boxes[":first"].append(f"@{box}{{content:none}}")
    pages = "".join(f"@page {sel}{{{''.join(css)}}}" for sel, css in boxes.items() if css)
    body = []
    for block, text in doc.blocks:
        tag = {"title": "h1", "head": "h2", "para": "p", "line": "p class=l", "right": "p class=r"}.get(block)
        body.append("<div class=br></div>" if block == "break" else f"<{tag}>{text}</{tag.split()[0]}>")
    cols = "main{column-count:2;column-gap:8mm}" if doc.columns == 2 else ""
    title = f"<h1>{doc.title}</h1>"
    rest = "".join(body).replace(title, "", 1)
    return (
        "<!DOCTYPE html><html lang='zh-CN'><head><meta charset='utf-8'><style>"
        f"@page{{size:A4;margin:{'38mm 22mm 48mm' if style in FAR else '25mm 22mm'}}}{pages}"
        f"body{{{font};font-size:{SIZE}pt;line-height:1.6}}h1{{font-size:{TITLE}pt;text-align:center}}"
        f"h2{{font-size:{HEAD}pt}}p{{margin:0;text-indent:2em}}p.l{{text-indent:0}}p.r{{text-align:right}}"
        f".br{{break-before:page}}{cols}</style></head><body>{title}<main>{rest}</main></body></html>"
    )


def make_chromium(doc: Doc, style: str, out: Path) -> Path:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        try:
            page = browser.new_page()
            page.set_content(_html(doc, style))
            page.pdf(path=str(out), prefer_css_page_size=True)
        finally:
            browser.close()
    return out


PRODUCERS: dict[str, Callable[[Doc, str, Path], Path]] = {
    "reportlab": make_reportlab,
    "LibreOffice": make_docx,
    "XeLaTeX": make_latex,
    "Chromium": make_chromium,
}
KINDS = ["notice", "report", "briefing", "paper"]


def _available(producer: str) -> bool:
    return {
        "reportlab": FONT.exists(),
        "LibreOffice": bool(shutil.which("soffice") or shutil.which("libreoffice")),
        "XeLaTeX": bool(shutil.which("xelatex")),
        "Chromium": Path("/usr/bin/chromium").exists(),
    }[producer]


def build(cache: Path, seeds: int) -> list[dict]:
    """Every document (PDFs cached by maker and content)."""
    cache.mkdir(parents=True, exist_ok=True)
    docs = []
    for producer, make in PRODUCERS.items():
        if not _available(producer):
            print(f"{producer} not installed: skipped", file=sys.stderr)
            continue
        for s, style in enumerate(STYLES):
            for kind in KINDS:
                for seed in range(seeds):
                    short = style.startswith("E")
                    doc = make_doc(kind, seed * len(STYLES) + s, short)
                    key = hashlib.sha256(
                        json.dumps([VERSION, producer, style, kind, seed], ensure_ascii=False).encode()
                    ).hexdigest()[:12]
                    pdf = cache / f"{producer}-{style.split()[0]}-{kind}-{seed}-{key}.pdf"
                    if not pdf.is_file():
                        print(f"making {pdf.name}", file=sys.stderr)
                        with tempfile.TemporaryDirectory(prefix="qa-edges-") as tmp:
                            made = make(doc, style, Path(tmp) / "doc.pdf")
                            shutil.copy(made, pdf)
                    held = producer in HELD_PRODUCERS or style in HELD_STYLES
                    docs.append(
                        {
                            "producer": producer,
                            "style": style,
                            "kind": kind,
                            "seed": seed,
                            "pdf": str(pdf),
                            "split": "HELD-OUT" if held else "TUNING",
                            "doc": doc,
                        }
                    )
    return docs


# ---------------------------------------------------------------- scoring


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def _take(text: str, unit: str) -> tuple[bool, str]:
    """Find ``unit`` in ``text``, whole or cut in two by something inserted (a folio run into it); take it out."""
    at = text.find(unit)
    if at >= 0:
        return True, text[:at] + "\n" + text[at + len(unit) :]
    for k in range(2, len(unit) - 1):
        head, tail = unit[:k], unit[k:]
        a = text.find(head)
        if a >= 0:
            b = text.find(tail, a + k)
            if b >= 0 and b - (a + k) <= 40:
                return True, text[:a] + "\n" + text[a + k : b] + "\n" + text[b + len(tail) :]
    return False, text


def _pages(pdf: Path) -> int:
    import pdfplumber

    with pdfplumber.open(str(pdf)) as f:
        return len(f.pages)


def score(docs: list[dict], failures: list[str] | None = None) -> list[dict]:
    from qa.loading import load_file
    from qa.structure import recover_outline

    out = []
    for d in docs:
        doc: Doc = d["doc"]
        pdf = Path(d["pdf"])
        read = load_file(pdf)
        outline = recover_outline(read)
        text = "\n".join(_norm(line) for line in read.text.split("\n"))
        kept = look = looks = units = 0
        for unit in sorted(doc.units, key=lambda u: -len(u.text)):
            for _ in range(unit.count):
                ok, text = _take(text, _norm(unit.text))
                units += 1
                kept += ok
                if unit.kind == "look":
                    looks += 1
                    look += ok
                if not ok and failures is not None:
                    failures.append(f"{pdf.name}: lost {unit.kind} {unit.text!r}")
        printed = furniture(doc, d["style"], _pages(pdf))
        found = 0
        for furn in sorted(printed, key=len, reverse=True):
            want = _norm(furn)
            if want.isdigit():
                match = re.search(rf"(?<!\d){want}(?!\d)", text)
                hit = (match.start(), match.end()) if match else None
            else:
                at = text.find(want)
                hit = (at, at + len(want)) if at >= 0 else None
            if hit:
                found += 1
                text = text[: hit[0]] + "\n" + text[hit[1] :]
                if failures is not None:
                    failures.append(f"{pdf.name}: furniture kept {furn!r}")
        section_of = {i: tuple(s.path) for s in outline.sections for i in s.paragraphs}
        paras = [_norm(p.text) for p in outline.paragraphs]
        sect = 0
        for first, head in doc.sections:
            want = _norm(first)
            hit = next((i for i, t in enumerate(paras) if want in t), None)
            got = section_of.get(hit, ()) if hit is not None else ()
            good = bool(got) and _norm(got[-1]) == _norm(head)
            sect += good
            if not good and failures is not None:
                failures.append(f"{pdf.name}: {first[:12]!r} under {got[-1:] if got else None} (gold {head})")
        out.append(
            {k: d[k] for k in ("producer", "style", "kind", "split")}
            | {
                "printed": len(printed),
                "found": found,
                "units": units,
                "kept": kept,
                "looks": looks,
                "look": look,
                "paras": len(doc.sections),
                "sect": sect,
            }
        )
    return out


def _switch_off() -> None:
    """The reader without the page-edge rules (a far-set folio, a one-page header, a kept header; carried rows)."""
    import qa.formats.pdf as reader

    reader.drop_edge_furniture = lambda pages, body: None
    reader.join_carried_rows = lambda pages: None


KEYS = ("printed", "found", "units", "kept", "looks", "look", "paras", "sect")


def _table(rows: list[dict], base: list[dict] | None) -> None:
    def cell(rs: list[dict]) -> str:
        t = {k: sum(r[k] for r in rs) for k in KEYS}
        return (
            f"{1 - t['found'] / max(t['printed'], 1):5.3f} {t['kept'] / max(t['units'], 1):5.3f} "
            + (f"{t['look'] / t['looks']:5.3f} " if t["looks"] else "  -   ")
            + f"{t['sect'] / max(t['paras'], 1):5.3f}"
        )

    groups: list[tuple[str, Callable[[dict], bool]]] = []
    for split in ("TUNING", "HELD-OUT"):
        for producer in PRODUCERS:
            for style in STYLES:
                groups.append(
                    (
                        f"{split:8s} {producer:11s} {style:26s}",
                        lambda r, s=split, p=producer, st=style: (r["split"], r["producer"], r["style"]) == (s, p, st),
                    )
                )
        for kind in KINDS:
            groups.append(
                (
                    f"{split:8s} {'(all)':11s} {'kind: ' + kind:26s}",
                    lambda r, s=split, k=kind: (r["split"], r["kind"]) == (s, k),
                )
            )
        groups.append((f"{split:8s} {'ALL':11s} {'':26s}", lambda r, s=split: r["split"] == s))
    head = f"{'split':8s} {'producer':11s} {'style / kind':26s} {'docs':>4s} {'furn':>5s} | furn  kept  look  sect"
    print(head + (" | baseline: furn  kept  look  sect" if base else ""))
    print("-" * len(head))
    for name, pick in groups:
        mine = [r for r in rows if pick(r)]
        if not mine:
            continue
        line = f"{name} {len(mine):4d} {sum(r['printed'] for r in mine):5d} | {cell(mine)}"
        if base:
            line += f" | {cell([r for r in base if pick(r)])}"
        print(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "qa-page-edges")
    parser.add_argument("--seeds", type=int, default=1, help="documents per producer, style and kind")
    parser.add_argument("--only", default="", help="producers or styles whose name contains this")
    parser.add_argument("--failures", help="print what went wrong on TUNING documents of producers containing this")
    parser.add_argument("--no-baseline", action="store_true", help="skip the run without the page-edge rules")
    args = parser.parse_args()
    docs = [d for d in build(args.cache, args.seeds) if args.only in d["producer"] or args.only in d["style"]]
    if args.failures:
        fails: list[str] = []
        score([d for d in docs if d["split"] == "TUNING" and args.failures in d["producer"]], fails)
        print("\n".join(fails))
        return
    ours = score(docs)
    base = None
    if not args.no_baseline:
        _switch_off()
        base = score(docs)
    n = {s: sum(r["split"] == s for r in ours) for s in ("TUNING", "HELD-OUT")}
    print(f"{len(docs)} documents: TUNING {n['TUNING']}, HELD-OUT {n['HELD-OUT']} (furn = furniture strings printed)\n")
    _table(ours, base)


if __name__ == "__main__":
    main()
