"""Documents with tables, made into PDFs by real tools (LibreOffice from python-docx, reportlab, fpdf2, Typst,
XeLaTeX), for the table tests (tests/test_pdf_tables_*.py) and benchmarks/pdf_tables.py.

A ``TableDoc`` is the content (title, sections, each a heading and a table); each maker lays it out its own way,
ruled or not. Two kinds: a table of figures (a header row, thousands separators, 2–5 columns, cells narrow enough
to wrap a figure when ``narrow``) and a two-column parallel text (a bilingual contract: '第N条 …' / 'Article N …'
rows, then each clause's Chinese and English sentences). The content varies by seed, independently of the layout.
"""

from __future__ import annotations

import random
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

FONT_FILE = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
FONT = "WenQuanYi Micro Hei"
SERIF_CJK = "AR PL SungtiL GB"


@dataclass
class TableDoc:
    title: str
    kind: str  # "data" or "parallel"
    sections: list[tuple[str, list[list[str]]]]  # (heading, rows; the first row is the header for data tables)
    notes: list[str] = field(default_factory=list)  # a paragraph after each section's table
    narrow: bool = False  # figure columns too narrow for a long figure (it wraps inside its cell)


_ITEMS = ["营业收入", "营业成本", "销售费用", "管理费用", "研发费用", "财务费用", "归属于上市公司股东的净利润",
          "经营活动产生的现金流量净额", "总资产", "归属于上市公司股东的净资产", "投资收益", "其他收益",
          "应收账款", "存货", "固定资产", "无形资产", "短期借款", "应付账款", "合同负债", "递延所得税资产"]
_COLUMNS = ["本期数", "上年同期数", "2023年", "2022年"]
_SECTIONS = ["一、主要会计数据", "二、分季度主要财务数据", "三、主营业务分析", "四、资产及负债状况"]

_CLAUSES = [
    ("租赁物", "Leased Premises", "甲方将位于上海市浦东新区张江路88号的办公室出租给乙方使用。",
     "Party A leases to Party B the office at No. 88 Zhangjiang Road, Pudong New Area, Shanghai."),
    ("租赁期限", "Lease Term", "租赁期限为三年，自2026年1月1日起至2028年12月31日止。",
     "The lease term is three years, from 1 January 2026 to 31 December 2028."),
    ("租金", "Rent", "月租金为人民币52000元，乙方应于每季度第一个月的5日前支付当季租金。",
     "The monthly rent is RMB 52,000, payable before the 5th day of the first month of each quarter."),
    ("押金", "Deposit", "押金为两个月租金，租期届满后十个工作日内无息退还。",
     "The deposit equals two months' rent and shall be refunded without interest within ten working days."),
    ("维修责任", "Repairs", "房屋主体结构的维修由甲方负责，室内设施的日常维修由乙方负责。",
     "Party A repairs the main structure; Party B is responsible for routine repairs of indoor fixtures."),
    ("违约责任", "Liability for Breach", "乙方逾期支付租金超过十五日的，甲方有权解除合同并没收押金。",
     "If Party B is more than fifteen days late in paying rent, Party A may terminate this contract."),
    ("转租", "Subletting", "未经甲方书面同意，乙方不得将房屋转租或转借给第三方使用。",
     "Party B shall not sublet or lend the premises to any third party without Party A's written consent."),
    ("保险", "Insurance", "甲方负责为房屋主体投保财产险，乙方负责为其自有财产投保。",
     "Party A insures the building; Party B insures its own property kept on the premises."),
    ("合同解除", "Termination", "任何一方提前解除合同的，应提前三个月书面通知对方。",
     "Either party terminating this contract early shall give the other three months' written notice."),
    ("不可抗力", "Force Majeure", "因不可抗力致使合同无法履行的，双方互不承担违约责任。",
     "Neither party is liable for failing to perform this contract because of force majeure."),
    ("通知", "Notices", "本合同项下的通知应以书面形式送达对方在本合同首页所列地址。",
     "Notices under this contract shall be delivered in writing to the addresses on its first page."),
    ("争议解决", "Dispute Resolution", "因本合同引起的争议，提交上海国际仲裁中心仲裁。",
     "Any dispute arising from this contract shall be submitted to the Shanghai International Arbitration Center."),
]
_CN_NUM = "一二三四五六七八九十"


def _cn(n: int) -> str:
    return _CN_NUM[n - 1] if n <= 10 else "十" + _CN_NUM[n - 11]


def figure(rng: random.Random, big: bool) -> str:
    value = rng.randint(10_000_000, 9_999_999_999) if big else rng.randint(100_000, 99_999_999)
    return f"{value:,}.{rng.randint(0, 99):02d}"


def data_doc(seed: int, columns: int, rows: int, narrow: bool, sections: int = 2) -> TableDoc:
    """A report's tables of figures: ``columns`` columns (the item and its figures), ``rows`` rows a table."""
    rng = random.Random(seed)
    out = []
    notes = []
    for s in range(sections):
        header = ["项目"] + _COLUMNS[: columns - 1]
        items = rng.sample(_ITEMS, min(rows, len(_ITEMS)))
        items += [f"其他项目{k}" for k in range(rows - len(items))]
        body = [[item] + [figure(rng, big=narrow or rng.random() < 0.5) for _ in range(columns - 1)] for item in items]
        out.append((_SECTIONS[s], [header] + body))
        notes.append(f"注：以上数据经审计，第{s + 1}张表单位为人民币元。")
    return TableDoc("江南智造股份有限公司年度报告摘要", "data", out, notes, narrow)


def parallel_doc(seed: int, clauses: int) -> TableDoc:
    """A bilingual contract as a two-column table: a clause row ('第N条 …' | 'Article N …'), then its text."""
    rng = random.Random(seed)
    picked = rng.sample(_CLAUSES, min(clauses, len(_CLAUSES)))
    rows = []
    for n, (zh, en, zs, es) in enumerate(picked, 1):
        rows.append([f"第{_cn(n)}条 {zh}", f"Article {n} {en}"])
        rows.append([zs, es])
    return TableDoc("房屋租赁合同", "parallel", [("", rows)])


# ---- makers: each writes ``out`` (a .pdf) and returns it, or raises RuntimeError naming what is missing ----


def office_docx(doc: TableDoc, out: Path, ruled: bool) -> Path:
    """The document as a .docx (python-docx): Heading 1 heads, 'Table Grid' or no borders."""
    from docx import Document
    from docx.shared import Cm

    d = Document()
    d.add_heading(doc.title, 0)
    for k, (heading, rows) in enumerate(doc.sections):
        if heading:
            d.add_heading(heading, 1)
        t = d.add_table(rows=0, cols=len(rows[0]))
        t.style = d.styles["Table Grid"] if ruled else d.styles["Normal Table"]
        for r in rows:
            cells = t.add_row().cells
            for i, v in enumerate(r):
                cells[i].text = v
        if doc.narrow:
            for col in list(t.columns)[1:]:
                for c in col.cells:
                    c.width = Cm(2.2)
        if k < len(doc.notes):
            d.add_paragraph(doc.notes[k])
    src = out.with_suffix(".docx")
    d.save(src)
    return src


def office_pdfs(sources: list[Path], folder: Path) -> None:
    """LibreOffice Writer's PDF export of ``sources`` into ``folder``, in one run (its own profile there)."""
    if not shutil.which("soffice"):
        raise RuntimeError("LibreOffice (soffice) is not installed")
    profile = folder / "lo_profile"
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile.resolve()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(folder), *map(str, sources)],
        capture_output=True, timeout=300, check=False,
    )


def make_office(doc: TableDoc, out: Path, ruled: bool) -> Path:
    """python-docx → LibreOffice Writer's PDF export."""
    office_pdfs([office_docx(doc, out, ruled)], out.parent)
    if not out.exists():
        raise RuntimeError(f"LibreOffice made no PDF of {out.stem}.docx")
    return out


def make_reportlab(doc: TableDoc, out: Path, ruled: bool) -> Path:
    """reportlab's platypus: Paragraph cells (CJK wrapping) in a Table, a TableStyle GRID when ruled."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    if "WQY" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("WQY", str(FONT_FILE), subfontIndex=0))
    cell = ParagraphStyle("cell", fontName="WQY", fontSize=10, leading=13, wordWrap="CJK")
    body = ParagraphStyle("body", fontName="WQY", fontSize=10.5, leading=15)
    head = ParagraphStyle("head", fontName="WQY", fontSize=15, leading=20, spaceBefore=8, spaceAfter=6)
    title = ParagraphStyle("title", fontName="WQY", fontSize=20, leading=26, alignment=1, spaceAfter=12)
    story = [Paragraph(doc.title, title)]
    width = A4[0] - 144
    for k, (heading, rows) in enumerate(doc.sections):
        if heading:
            story.append(Paragraph(heading, head))
        ncol = len(rows[0])
        widths = [width - 62 * (ncol - 1)] + [62] * (ncol - 1) if doc.narrow else [width / ncol] * ncol
        t = Table([[Paragraph(v, cell) for v in r] for r in rows], colWidths=widths, repeatRows=0)
        style = [("VALIGN", (0, 0), (-1, -1), "TOP")]
        if ruled:
            style.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
        t.setStyle(TableStyle(style))
        story += [t, Spacer(1, 6)]
        if k < len(doc.notes):
            story.append(Paragraph(doc.notes[k], body))
    SimpleDocTemplate(str(out), pagesize=A4, leftMargin=72, rightMargin=72).build(story)
    return out


def make_fpdf(doc: TableDoc, out: Path, ruled: bool) -> Path:
    """fpdf2's ``table()``: borders on every cell or none."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font("wqy", fname=str(FONT_FILE), collection_font_number=0)
    pdf.add_page()
    pdf.set_font("wqy", size=18)
    pdf.cell(0, 12, doc.title, align="C", new_x="LMARGIN", new_y="NEXT")
    for k, (heading, rows) in enumerate(doc.sections):
        if heading:
            pdf.set_font("wqy", size=14)
            pdf.cell(0, 10, heading, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("wqy", size=10)
        ncol = len(rows[0])
        widths = [pdf.epw - 24 * (ncol - 1)] + [24] * (ncol - 1) if doc.narrow else None
        with pdf.table(
            borders_layout="ALL" if ruled else "NONE",
            col_widths=widths,
            first_row_as_headings=False,
            text_align="LEFT",
            line_height=5.5,
        ) as table:
            for r in rows:
                row = table.row()
                for v in r:
                    row.cell(v)
        if k < len(doc.notes):
            pdf.ln(3)
            pdf.multi_cell(0, 6, doc.notes[k])
    pdf.output(str(out))
    return out


def make_typst(doc: TableDoc, out: Path, ruled: bool) -> Path:
    """Typst's ``table`` (stroke 0.5pt, or none)."""
    try:
        import typst
    except ImportError as exc:
        raise RuntimeError("typst (PyPI) is not installed") from exc

    def esc(t: str) -> str:
        return t.replace("\\", "\\\\").replace('"', '\\"')

    src = [f'#set text(font: "{FONT}", size: 10pt, lang: "zh")', '#set page(paper: "a4", margin: 2.5cm)',
           f'#align(center, text(size: 18pt)[{doc.title}])']
    for k, (heading, rows) in enumerate(doc.sections):
        if heading:
            src.append(f"#text(size: 14pt, weight: \"bold\")[{heading}]")
        ncol = len(rows[0])
        # (Typst breaks no figure: a column narrower than one overprints the next cell, which no one would print)
        cols = "(1fr," + " 3.1cm," * (ncol - 1) + ")" if doc.narrow else f"{ncol}"
        cells = ", ".join(f'[#"{esc(v)}"]' for r in rows for v in r)
        stroke = "0.5pt" if ruled else "none"
        src.append(f"#table(columns: {cols}, stroke: {stroke}, inset: 5pt, {cells})")
        if k < len(doc.notes):
            src.append(doc.notes[k])
    out.write_bytes(typst.compile("\n\n".join(src).encode("utf-8"), font_paths=[str(FONT_FILE.parent)]))
    return out


def make_latex(doc: TableDoc, out: Path, ruled: bool) -> Path:
    """XeLaTeX (xeCJK) ``longtable`` with p{} columns: \\hline and | rules, or none."""
    if not shutil.which("xelatex"):
        raise RuntimeError("xelatex is not installed")

    def esc(t: str) -> str:
        return t.replace("%", r"\%").replace("&", r"\&").replace("#", r"\#").replace("$", r"\$").replace("_", r"\_")

    tex = [r"\documentclass[11pt]{article}", r"\usepackage[a4paper,margin=2.5cm]{geometry}", r"\usepackage{xeCJK}",
           rf"\setCJKmainfont{{{SERIF_CJK}}}", r"\usepackage{longtable}", r"\usepackage{array}",
           r"\pagestyle{empty}", r"\begin{document}", rf"\begin{{center}}{{\Large\bfseries {doc.title}}}\end{{center}}"]
    for k, (heading, rows) in enumerate(doc.sections):
        if heading:
            tex.append(rf"\section*{{{heading}}}")
        ncol = len(rows[0])
        spec = [r"p{4.2cm}"] + [r"p{2.7cm}"] * (ncol - 1) if doc.narrow else [rf"p{{{14.5 / ncol:.2f}cm}}"] * ncol
        bar = "|" if ruled else ""
        tex.append(r"\begin{longtable}{" + bar + bar.join(spec) + bar + "}")
        if ruled:
            tex.append(r"\hline")
        for r in rows:
            tex.append(" & ".join(esc(v) for v in r) + r" \\" + (r" \hline" if ruled else ""))
        tex.append(r"\end{longtable}")
        if k < len(doc.notes):
            tex.append(doc.notes[k] + "\n")
    tex.append(r"\end{document}")
    src = out.with_suffix(".tex")
    src.write_text("\n".join(tex), encoding="utf-8")
    for _ in range(2):  # longtable settles its column widths on the second run
        subprocess.run(["xelatex", "-interaction=nonstopmode", src.name], cwd=out.parent, capture_output=True,
                       timeout=300, check=False)
    if not out.exists():
        raise RuntimeError(f"xelatex made no PDF of {src.name}")
    return out


MAKERS = {"office": make_office, "reportlab": make_reportlab, "fpdf2": make_fpdf, "typst": make_typst,
          "latex": make_latex}
