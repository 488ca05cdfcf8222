"""Decimal-numbered documents (national standards, ISO-like specifications) as PDFs made by five real tools:
is each paragraph filed under the clause its numbering puts it in?

    python benchmarks/standards_pdfs.py [--docs 6] [--baseline /work/main]

Each document is drawn from seeded dimensions varied independently: heading size (the body's, +1.5 pt, or
chapters 16 pt), heads bold or not, heads in the body's face or another (黑体 over 宋体), numbering depth (2 or 3),
前言/引言 (Foreword/Introduction) or none, appendices '附录A'/'Appendix A'/'Annex A' or none, a terms section
('3.2' alone over 'term English-term') or none, a running header and page-number footer or none, Chinese or
English. Makers: python-docx → LibreOffice, reportlab and fpdf2 are TUNING (the rules of
``qa.formats.pdf.standards`` were written looking at them and at the exploratory tester's three GB/T files);
Typst and XeLaTeX (xeCJK) are HELD-OUT: never looked at while writing the rules, only scored.

Gold: the generator's own outline. A body paragraph is right when its section path, after the cover's headings
(those before the document's first part), is exactly its clause chain: ['5 数据安全要求', '5.2 数据存储'],
['附录A …', 'A.3 …'] (an appendix head matches by its label), ['前言']. A term's definition may be filed either
under its entry ('3 …', '3.2 …') or as text of '3 …' (both are readings users accept; see the module's doc).
The baseline is the reader at ``--baseline`` (a checkout of main), run in the same process on the same PDFs.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SONG = "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf"
HEI = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
TUNING = ("docx-libreoffice", "reportlab", "fpdf2")
HELD_OUT = ("typst", "xelatex")

ZH_CHAPTERS = [
    "范围",
    "规范性引用文件",
    "术语和定义",
    "缩略语",
    "总体要求",
    "技术要求",
    "安全要求",
    "测试方法",
    "检验规则",
    "标志和包装",
]
EN_CHAPTERS = [
    "Scope",
    "Normative references",
    "Terms and definitions",
    "Abbreviated terms",
    "General requirements",
    "Technical requirements",
    "Security requirements",
    "Test methods",
    "Inspection rules",
    "Marking",
]
ZH_SUB = [
    "一般规定",
    "数据采集",
    "数据存储",
    "数据传输",
    "访问控制",
    "日志审计",
    "环境条件",
    "供电要求",
    "接口要求",
    "性能指标",
    "试验条件",
    "试验步骤",
    "结果判定",
    "抽样方案",
    "标识要求",
    "密钥管理",
]
EN_SUB = [
    "General",
    "Data collection",
    "Data storage",
    "Data transmission",
    "Access control",
    "Audit logs",
    "Environmental conditions",
    "Power supply",
    "Interfaces",
    "Performance",
    "Test conditions",
    "Procedure",
    "Evaluation of results",
    "Sampling",
    "Labelling",
    "Key management",
]
ZH_TERMS = [
    ("智能终端", "smart terminal"),
    ("生物特征模板", "biometric template"),
    ("访问控制", "access control"),
    ("安全芯片", "secure element"),
    ("误接受率", "false accept rate"),
    ("固件", "firmware"),
]
EN_TERMS = [
    ("smart terminal", ""),
    ("biometric template", ""),
    ("secure element", ""),
    ("firmware", ""),
    ("false accept rate", ""),
    ("audit trail", ""),
]
ZH_SUBJ = ["设备", "管理平台", "终端应用", "检测机构", "生产企业", "系统管理员", "通信模块", "存储单元"]
ZH_VERB = ["应记录", "应保存", "不应上传", "应加密", "应定期检查", "应在出厂前校验", "应提供", "宜支持"]
ZH_OBJ = ["开锁记录", "用户凭据", "配置参数", "固件版本", "告警信息", "操作日志", "密钥材料", "检测结果"]
EN_SUBJ = [
    "The device",
    "The platform",
    "The client application",
    "The test laboratory",
    "The manufacturer",
    "The administrator",
    "The radio module",
    "The storage unit",
]
EN_VERB = [
    "shall record",
    "shall retain",
    "shall not upload",
    "shall encrypt",
    "shall check",
    "shall verify",
    "shall provide",
    "should support",
]
EN_OBJ = [
    "access records",
    "user credentials",
    "configuration data",
    "firmware versions",
    "alarms",
    "operation logs",
    "key material",
    "test results",
]


@dataclass
class Item:
    kind: str  # cover, part, chapter, sub, term, appendix, status, atitle, para, note
    text: str
    path: list[str] = field(default_factory=list)  # a paragraph's gold clause chain (heads' keys)
    level: int = 0
    alt: list[str] | None = None  # a term definition's other acceptable path


@dataclass
class Dims:
    lang: str
    head_size: str  # body, larger, chapter16
    bold: bool
    face: bool  # heads in another face (黑体) than the body (宋体)
    depth: int
    front: bool
    appendix: str  # '', 附录, Appendix, Annex
    terms: bool
    header: bool

    def label(self) -> str:
        return (
            f"{self.lang} size={self.head_size} bold={int(self.bold)} face={int(self.face)} depth={self.depth} "
            f"front={int(self.front)} app={self.appendix or '-'} terms={int(self.terms)} hdr={int(self.header)}"
        )


def _dims(rng: random.Random) -> Dims:
    return Dims(
        lang=rng.choice(["zh", "zh", "en"]),
        head_size=rng.choice(["body", "body", "larger", "chapter16"]),
        bold=rng.random() < 0.7,
        face=rng.random() < 0.5,
        depth=rng.choice([2, 3]),
        front=rng.random() < 0.6,
        appendix=rng.choice(["", "附录", "附录", "Appendix", "Annex"]),
        terms=rng.random() < 0.6,
        header=rng.random() < 0.5,
    )


def _sentence(rng: random.Random, zh: bool, n: int) -> str:
    """One paragraph of one to three sentences (lengths vary, so its last line ends anywhere)."""
    if zh:
        first = f"{rng.choice(ZH_SUBJ)}{rng.choice(ZH_VERB)}{rng.choice(ZH_OBJ)}，保存期限不少于{n}天"
        more = [
            f"，并在{rng.choice(ZH_OBJ)}变更后{rng.randint(2, 90)}分钟内完成同步",
            f"。{rng.choice(ZH_SUBJ)}{rng.choice(ZH_VERB)}{rng.choice(ZH_OBJ)}",
            "，记录应可追溯",
            f"。{rng.choice(ZH_OBJ)}的格式见{rng.randint(4, 6)}.{rng.randint(1, 3)}",
        ]
        return first + "".join(rng.sample(more, rng.randint(0, 3))) + "。"
    first = f"{rng.choice(EN_SUBJ)} {rng.choice(EN_VERB)} {rng.choice(EN_OBJ)} for at least {n} days"
    more = [
        f" and synchronize {rng.choice(EN_OBJ)} within {rng.randint(2, 90)} minutes of a change",
        f". {rng.choice(EN_SUBJ)} {rng.choice(EN_VERB)} {rng.choice(EN_OBJ)}",
        ", and records shall be traceable",
        f". The format of {rng.choice(EN_OBJ)} is given in {rng.randint(4, 6)}.{rng.randint(1, 3)}",
    ]
    return first + "".join(rng.sample(more, rng.randint(0, 3))) + "."


def make_outline(rng: random.Random, d: Dims) -> list[Item]:
    """The document's items in order, each paragraph with its gold clause chain."""
    zh = d.lang == "zh"
    serial = iter(range(101, 10_000, 7))
    items = [
        Item("cover", "中华人民共和国国家标准" if zh else "INTERNATIONAL STANDARD"),
        Item("cover", "信息安全技术 智能终端数据安全要求" if zh else "Information security — Smart terminals"),
    ]
    items.append(Item("para", "GB/T 99999—2026" if zh else "ISO 99999:2026", path=["<cover>"]))

    def paras(path: list[str], k: int, numbered: str | None = None) -> None:
        for j in range(k):
            text = _sentence(rng, zh, next(serial))
            if numbered:
                text = f"{numbered}.{j + 1} {text}" if zh else f"{numbered}.{j + 1} {text}"
            items.append(Item("para", text, path=list(path)))

    if d.front:
        for name in ["前言", "引言"] if zh else ["Foreword", "Introduction"]:
            items.append(Item("part", name))
            paras([name], rng.randint(1, 2))
    chapters = ZH_CHAPTERS if zh else EN_CHAPTERS
    n_ch = rng.randint(5, 7)
    names = chapters[:2] + ([chapters[2]] if d.terms else []) + chapters[3:]
    subs = list(ZH_SUB if zh else EN_SUB)
    rng.shuffle(subs)
    for c in range(1, n_ch + 1):
        head = f"{c} {names[c - 1]}" if zh else f"{c} {names[c - 1]}"
        items.append(Item("chapter", head))
        if d.terms and c == 3:
            paras([head], 1)
            for t, (term, en) in enumerate((ZH_TERMS if zh else EN_TERMS)[: rng.randint(2, 4)], 1):
                items.append(Item("term", f"3.{t}"))
                items.append(Item("termname", f"{term} {en}".strip()))
                entry = f"3.{t} {term} {en}".strip()
                items.append(
                    Item(
                        "para",
                        (
                            f"对{term}的定义：用于{rng.choice(ZH_OBJ)}的{rng.choice(ZH_SUBJ)}组成部分，"
                            f"编号{next(serial)}。"
                        )
                        if zh
                        else f"part of {rng.choice(EN_SUBJ).lower()} used for {rng.choice(EN_OBJ)}, "
                        f"reference {next(serial)}.",
                        path=[head, entry],
                        alt=[head],
                    )
                )
            continue
        if c <= 2 or rng.random() < 0.3:
            paras([head], rng.randint(1, 2))
            continue
        for s in range(1, rng.randint(2, 4) + 1):
            sub = f"{c}.{s} {subs.pop()}"
            items.append(Item("sub", sub, level=2))
            if d.depth == 3 and rng.random() < 0.5:
                for u in range(1, rng.randint(2, 3) + 1):
                    subsub = f"{c}.{s}.{u} {subs.pop() if subs else 'X'}"
                    items.append(Item("sub", subsub, level=3))
                    paras([head, sub, subsub], 1)
            else:
                paras([head, sub], rng.randint(1, 2), numbered=f"{c}.{s}" if rng.random() < 0.5 else None)
            if not subs:
                subs = list(ZH_SUB if zh else EN_SUB)
                rng.shuffle(subs)
    if d.appendix:
        for letter in "AB"[: rng.randint(1, 2)]:
            label = f"{d.appendix}{letter}" if d.appendix == "附录" else f"{d.appendix} {letter}"
            items.append(Item("appendix", label))
            normative = rng.random() < 0.5
            items.append(
                Item(
                    "status",
                    ("（规范性）" if normative else "（资料性）")
                    if zh
                    else ("(normative)" if normative else "(informative)"),
                )
            )
            items.append(Item("atitle", "测试样本与记录" if zh else "Test samples and records"))
            for s in range(1, rng.randint(2, 3) + 1):
                sub = f"{letter}.{s} {subs.pop()}"
                items.append(Item("sub", sub, level=2))
                paras([label, sub], 1)
                if not subs:
                    subs = list(ZH_SUB if zh else EN_SUB)
                    rng.shuffle(subs)
    name = "参考文献" if zh else "Bibliography"
    items.append(Item("part", name))
    items.append(
        Item(
            "para",
            f"[1] GB/T {next(serial)}—2020 信息安全技术 术语"
            if zh
            else f"[1] ISO/IEC {next(serial)}:2020, Information technology — Vocabulary",
            path=[name],
        )
    )
    return items


# ---------------------------------------------------------------------------------------------- makers
def _style(item: Item, d: Dims) -> tuple[float, bool, bool]:
    """(size, bold, in the heads' face) of an item."""
    body = 10.5
    if item.kind in ("para",):
        return body, False, False
    if item.kind == "cover":
        return (22.0 if item.text.startswith(("中华", "INTER")) else 16.0), True, True
    if item.kind == "note":
        return 9.0, False, False
    size = body
    if d.head_size == "larger":
        size = body + 1.5
    elif d.head_size == "chapter16" and item.kind in ("chapter", "part", "appendix"):
        size = 16.0
    elif d.head_size == "chapter16" and item.kind == "sub":
        size = 12.0
    return size, d.bold, d.face


def make_docx(items: list[Item], d: Dims, out: Path) -> None:
    from docx import Document
    from docx.oxml.ns import qn
    from docx.shared import Pt

    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.size = Pt(10.5)
    normal.font.name = "Times New Roman"
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "AR PL SungtiL GB")
    if d.header:
        doc.sections[0].header.paragraphs[0].text = "GB/T 99999—2026" if d.lang == "zh" else "ISO 99999:2026"
    for it in items:
        size, bold, face = _style(it, d)
        run = doc.add_paragraph().add_run(it.text)
        run.font.size = Pt(size)
        run.bold = bold
        if face:
            run.font.name = "Arial"
            run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "WenQuanYi Micro Hei")
    doc.save(out.with_suffix(".docx"))


def make_reportlab(items: list[Item], d: Dims, out: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    for name, path in (("Song", SONG), ("Hei", HEI)):
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, path))
    c = canvas.Canvas(str(out), pagesize=A4)
    width, height = A4
    left, right, top, bottom = 72, width - 72, height - 72, 72
    y = top
    page = 1

    def furniture() -> None:
        if d.header:
            c.setFont("Song", 9)
            c.drawRightString(right, height - 45, "GB/T 99999—2026" if d.lang == "zh" else "ISO 99999:2026")
            c.drawCentredString(width / 2, 40, str(page))

    furniture()
    for it in items:
        size, bold, face = _style(it, d)
        font = "Hei" if face else "Song"
        lines = _wrap(it.text, font, size, right - left, pdfmetrics)
        need = (len(lines) + 0.8) * size * 1.5
        if y - need < bottom:
            c.showPage()
            page += 1
            furniture()
            y = top
        y -= 0.6 * size
        for ln in lines:
            y -= size * 1.5
            t = c.beginText(left, y)
            t.setFont(font, size)
            if bold:
                t.setTextRenderMode(2)  # fill and stroke: a word processor's synthetic bold
                c.setLineWidth(size * 0.03)
            t.textOut(ln)
            c.drawText(t)
    c.save()


def _wrap(text: str, font: str, size: float, width: float, metrics) -> list[str]:
    lines, line = [], ""
    for ch in text:
        if metrics.stringWidth(line + ch, font, size) > width:
            cut = line.rfind(" ") if line.isascii() and " " in line else -1
            if cut > 0:
                lines.append(line[:cut])
                line = line[cut + 1 :] + ch
            else:
                lines.append(line)
                line = ch
        else:
            line += ch
    return lines + [line] if line else lines


def make_fpdf(items: list[Item], d: Dims, out: Path) -> None:
    from fpdf import FPDF
    from fpdf.enums import TextMode

    class Doc(FPDF):
        def header(self) -> None:
            if d.header:
                self.set_font("Song", size=9)
                self.cell(0, 6, "GB/T 99999—2026" if d.lang == "zh" else "ISO 99999:2026", align="R")
                self.ln(10)

        def footer(self) -> None:
            if d.header:
                self.set_y(-15)
                self.set_font("Song", size=9)
                self.cell(0, 10, str(self.page_no()), align="C")

    pdf = Doc(format="A4")
    pdf.add_font("Song", fname=SONG)
    pdf.add_font("Hei", fname=HEI)
    pdf.set_margins(25, 25, 25)
    pdf.add_page()
    for it in items:
        size, bold, face = _style(it, d)
        pdf.set_font("Hei" if face else "Song", size=size)
        pdf.text_mode = TextMode.FILL_STROKE if bold else TextMode.FILL
        pdf.line_width = size * 0.03 / 2.835
        pdf.multi_cell(0, size * 0.55, it.text)
        pdf.ln(size * 0.25)
    pdf.output(str(out))


def _tex_escape(text: str) -> str:
    return re.sub(r"([&%$#_{}])", r"\\\1", text)


def make_xelatex(items: list[Item], d: Dims, out: Path) -> None:
    body = []
    for it in items:
        size, bold, face = _style(it, d)
        text = _tex_escape(it.text)
        if face:
            text = r"{\heiti " + text + "}"
        if bold:
            text = r"\textbf{" + text + "}"
        body.append(rf"\noindent{{\fontsize{{{size}}}{{{size * 1.5}}}\selectfont {text}}}\par\medskip")
    header = (
        r"\pagestyle{fancy}\fancyhf{}\rhead{GB/T 99999--2026}\cfoot{\thepage}" if d.header else r"\pagestyle{plain}"
    )
    src = "\n".join(
        [
            r"\documentclass[a4paper]{article}",
            r"\usepackage[margin=2.5cm]{geometry}\usepackage{fancyhdr}",
            r"\usepackage{xeCJK}",
            r"\setCJKmainfont[AutoFakeBold=2.5]{AR PL SungtiL GB}",
            r"\setCJKfamilyfont{hei}[AutoFakeBold=2.5]{WenQuanYi Micro Hei}\newcommand{\heiti}{\CJKfamily{hei}}",
            r"\begin{document}",
            header,
            *body,
            r"\end{document}",
        ]
    )
    tex = out.with_suffix(".tex")
    tex.write_text(src, encoding="utf-8")
    subprocess.run(
        ["xelatex", "-interaction=batchmode", "-halt-on-error", tex.name],
        cwd=out.parent,
        capture_output=True,
        timeout=120,
        check=False,
    )


def make_typst(items: list[Item], d: Dims, out: Path) -> None:
    import typst

    lines = [
        '#set page(paper: "a4", margin: 2.5cm'
        + (', header: align(right)[#text(size: 9pt)[GB/T 99999—2026]], numbering: "1"' if d.header else "")
        + ")",
        '#set text(font: ("Times New Roman", "AR PL SungtiL GB"), size: 10.5pt, lang: "zh")',
        "#set par(spacing: 1.2em)",
    ]
    for it in items:
        size, bold, face = _style(it, d)
        font = '("DejaVu Sans", "WenQuanYi Micro Hei")' if face else '("DejaVu Serif", "AR PL SungtiL GB")'
        text = json.dumps(it.text, ensure_ascii=False)
        lines.append(f'#text(size: {size}pt, weight: "{"bold" if bold else "regular"}", font: {font}, {text})')
        lines.append("")
    src = out.with_suffix(".typ")
    src.write_text("\n".join(lines), encoding="utf-8")
    typst.compile(str(src), output=str(out))


MAKERS = {
    "docx-libreoffice": make_docx,
    "reportlab": make_reportlab,
    "fpdf2": make_fpdf,
    "xelatex": make_xelatex,
    "typst": make_typst,
}


# ---------------------------------------------------------------------------------------------- reading
READER = r"""
import json, sys
from pathlib import Path
from qa.loading import load_file
from qa.structure import recover_outline
out = {}
for f in sys.argv[1:]:
    try:
        o = recover_outline(load_file(Path(f)))
    except Exception as exc:  # a PDF a maker failed to write: scored as all wrong
        print(f"{f}: {exc}", file=sys.stderr)
        continue
    heads = [list(s.path) for s in o.sections]
    rows = []
    for s in o.sections:
        for i in s.paragraphs:
            rows.append([o.paragraphs[i].text, list(s.path)])
    out[f] = {"rows": rows}
print(json.dumps(out, ensure_ascii=False))
"""


def read_all(tree: Path, pdfs: list[Path]) -> tuple[dict, float]:
    start = time.process_time()
    t0 = time.time()
    res = subprocess.run(
        [sys.executable, "-c", READER, *map(str, pdfs)],
        cwd=tree,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin", "HOME": str(Path.home())},
    )
    if res.returncode:
        raise SystemExit(f"reader at {tree} failed:\n{res.stderr[-2000:]}")
    del start
    return json.loads(res.stdout), time.time() - t0


_NORM = re.compile(r"[\s\u3000]+")


def _norm(text: str) -> str:
    return _NORM.sub("", text).lower()


def _key(head: str) -> str:
    """What a path element must start with to name a gold head (an appendix by its label)."""
    return _norm(head)


def score(items: list[Item], rows: list[list]) -> tuple[int, int]:
    """(paragraphs filed right, gold paragraphs) for one document."""
    golds = [it for it in items if it.kind == "para" and it.path != ["<cover>"]]
    keys = {_norm(it.text) for it in items if it.kind in ("part", "chapter", "sub", "appendix", "term")}
    right = 0
    found = [(_norm(t), p) for t, p in rows]
    for g in golds:
        text = _norm(g.text)
        serial = re.search(r"\d{3,}", text)  # every paragraph carries its own serial number: match up to it
        prefix = text[: serial.end()] if serial else text[:60]
        match = next((p for t, p in found if t.startswith(prefix)), None)
        if match is None:
            continue
        # the cover's headings (the title) are dropped from the front of the path
        path = [_norm(x) for x in match]
        while path and not any(path[0].startswith(k) for k in keys):
            path = path[1:]
        wants = [g.path] + ([g.alt] if g.alt else [])
        for want in wants:
            w = [_key(x) for x in want]
            if len(path) == len(w) and all(p.startswith(x) for p, x in zip(path, w, strict=True)):
                right += 1
                break
    return right, len(golds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=6, help="documents per maker (default 6)")
    parser.add_argument("--seed", type=int, default=9)
    parser.add_argument("--baseline", type=Path, default=Path("/work/main"), help="main's checkout (baseline)")
    parser.add_argument("--keep", type=Path, help="write the PDFs here (default: a temporary folder)")
    parser.add_argument("--diagnose", help="print paths of TUNING documents whose label contains this")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="qa-standards-"))
    work.mkdir(parents=True, exist_ok=True)
    docs: list[tuple[str, Dims, list[Item], Path]] = []
    for maker in (*TUNING, *HELD_OUT):
        rng = random.Random(f"{args.seed}-{maker}")
        for k in range(args.docs):
            d = _dims(rng)
            items = make_outline(rng, d)
            out = work / f"{maker}_{k}.pdf"
            print(f"making {out.name}: {d.label()}", file=sys.stderr)
            MAKERS[maker](items, d, out)
            docs.append((maker, d, items, out))
    docx = [str(o.with_suffix(".docx")) for m, _, _, o in docs if m == "docx-libreoffice"]
    if docx:
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{work}/lo_profile",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(work),
                *docx,
            ],
            capture_output=True,
            check=False,
            timeout=600,
        )
    pdfs = [o for *_, o in docs if o.exists()]
    trees = {"branch": ROOT, "main": args.baseline}
    results = {}
    for name, tree in trees.items():
        print(f"reading {len(pdfs)} PDFs with {name} ({tree})", file=sys.stderr)
        results[name], _ = read_all(tree, pdfs)
    print(
        f"\nDecimal-numbered PDFs: paragraphs filed under their clause chain ({args.docs} documents a maker, "
        f"seed {args.seed})\n"
    )
    print(f"{'split':9} {'maker':18} {'docs':>4} {'paras':>6} {'main':>7} {'branch':>7}")
    for split, makers in (("TUNING", TUNING), ("HELD-OUT", HELD_OUT)):
        tot = {"main": [0, 0], "branch": [0, 0]}
        for maker in makers:
            row = {"main": [0, 0], "branch": [0, 0]}
            n = 0
            for m, d, items, out in docs:
                if m != maker:
                    continue
                n += 1
                for name in trees:
                    got = results[name].get(str(out), {"rows": []})["rows"]
                    r, g = score(items, got)
                    row[name][0] += r
                    row[name][1] += g
                    if name == "branch" and args.diagnose and split == "TUNING" and args.diagnose in out.name:
                        print(out.name, d.label(), f"{r}/{g}")
                        for t, p in got:
                            print("   ", " › ".join(p)[-70:], "|", t[:30])
            for name in trees:
                tot[name][0] += row[name][0]
                tot[name][1] += row[name][1]
            acc = {k: v[0] / v[1] if v[1] else 0 for k, v in row.items()}
            print(f"{split:9} {maker:18} {n:>4} {row['branch'][1]:>6} {acc['main']:>7.3f} {acc['branch']:>7.3f}")
        acc = {k: v[0] / v[1] if v[1] else 0 for k, v in tot.items()}
        print(f"{split:9} {'all':18} {'':>4} {tot['branch'][1]:>6} {acc['main']:>7.3f} {acc['branch']:>7.3f}")


if __name__ == "__main__":
    main()
