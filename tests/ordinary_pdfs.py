"""Ordinary PDFs people make, by the tools they make them with: slide decks, regulations, exam papers.

Each convention is written by several real programs (XeLaTeX with beamer/ctexbook/ctexart, LibreOffice from
python-docx, reportlab, Typst, fpdf2), so a rule tuned on one program's output is reported on the others'
(``benchmarks/ordinary_pdfs.py``). Each maker returns the PDF and its gold: for every paragraph of text, the section
path it belongs to, a snippet of its start, and whether the snippet must open a paragraph of its own (a question's
stem must not be glued to the previous question's last option).

The conventions, each varied independently of the others:

- **slides** — a deck's title slide, then one title per slide heading its points, a table read by rows, a footer
  (deck title, author, date, slide number) on every slide, slide titles opening with digits in a Latin face
  ('2025年业绩回顾'), numbered and bulleted points.
- **regulation** — 第N章 and 第N节 headings in one type size, articles 第N条 in the body, a running head naming the
  document and the current chapter ('某某办法 第二章 …'), a folio at the foot.
- **handbook** — a title, chapters in heading type, sections set in the body's type that only the PDF's outline
  (bookmarks) names as headings.
- **exam** — a paper's title, 注意事项, part heads '一、选择题（…）', questions '1．…' with options A–D on one line,
  two lines or one a line, fill-in blanks, a footer.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

FONT_DIR = Path("/usr/share/fonts/truetype/wqy")
FONT_FILE = FONT_DIR / "wqy-microhei.ttc"


@dataclass
class Gold:
    path: tuple[str, ...]  # the section the paragraph belongs to (headings from the top)
    snippet: str  # the paragraph's first words
    starts: bool = True  # the snippet opens a paragraph of its own
    parent: str = ""  # a heading the path may also start with (a deck's title over its slides' titles)


@dataclass
class Made:
    pdf: Path
    gold: list[Gold] = field(default_factory=list)


# ---------------------------------------------------------------- content

DECKS = [
    {
        "title": "2026年度营销工作计划",
        "by": ["市场部", "2026年1月"],
        "slides": [
            (
                "2025年业绩回顾",
                "bullets",
                ["全年销售额4.6亿元，同比增长12%", "新增客户320家，其中大客户18家", "华南区首次超过华东区"],
            ),
            (
                "2026年核心目标",
                "numbers",
                ["销售额突破5.5亿元", "客户续约率提升至85%", "开拓东南亚市场，设立新加坡办事处"],
            ),
            (
                "预算分配",
                "table",
                [("项目", "金额（万元）"), ("线上广告", "1200"), ("展会", "450"), ("渠道激励", "800")],
            ),
            ("3大重点行业", "bullets", ["新能源汽车零部件", "医疗器械与耗材", "智能家居"]),
        ],
    },
    {
        "title": "新员工入职培训",
        "by": ["人力资源部", "2026年3月"],
        "slides": [
            (
                "公司概况",
                "bullets",
                ["成立于2008年，总部位于杭州", "员工1200余人，研发人员占六成", "产品覆盖三十多个国家"],
            ),
            (
                "第1周：入职流程",
                "numbers",
                ["领取工牌与办公设备", "开通邮箱和内部系统账号", "与导师见面并制定试用期计划"],
            ),
            ("考勤与休假", "table", [("类别", "天数"), ("年假", "10"), ("病假", "15"), ("婚假", "13")]),
            ("2026年培训日程", "bullets", ["每周三下午产品培训", "每月一次安全演练", "季度末技能考核"]),
        ],
    },
]

REGULATIONS = [
    {
        "title": "某某研究院档案管理办法",
        "chapters": [
            (
                "第一章 总则",
                [
                    (
                        None,
                        [
                            "为了规范本单位档案管理工作，制定本办法。",
                            "本办法适用于本单位各部门形成的各类档案。",
                            "档案工作实行统一领导、分级管理的原则。",
                        ],
                    )
                ],
            ),
            (
                "第二章 档案的收集与整理",
                [
                    (
                        "第一节 归档范围",
                        [
                            "凡是反映本单位主要职能活动的文件材料，均应归档。",
                            "会议记录、合同协议书应当在形成后三个月内归档。",
                        ],
                    ),
                    ("第二节 整理要求", ["归档文件以件为单位进行整理。", "电子文件应当与纸质文件同时归档。"]),
                ],
            ),
            (
                "第三章 档案的保管",
                [
                    ("第一节 库房管理", ["档案库房温度应控制在十四至二十四摄氏度。", "库房钥匙由档案管理员专人保管。"]),
                    ("第二节 保管期限", ["档案保管期限分为永久和定期两种。", "会计凭证的保管期限为三十年。"]),
                ],
            ),
            (
                "第四章 档案的利用",
                [
                    (
                        None,
                        [
                            "本单位职工查阅档案，应当填写查阅登记表。",
                            "外单位人员查阅档案，须持单位介绍信。",
                            "档案原件一律不得带出档案室。",
                        ],
                    )
                ],
            ),
            ("第五章 附则", [(None, ["本办法由办公室负责解释。", "本办法自发布之日起施行。"])]),
        ],
    },
    {
        "title": "某某大学科研经费管理规定",
        "chapters": [
            (
                "第一章 总则",
                [
                    (
                        None,
                        [
                            "为加强科研经费管理，提高资金使用效益，制定本规定。",
                            "本规定所称科研经费，是指学校取得的各类科研项目经费。",
                        ],
                    )
                ],
            ),
            (
                "第二章 预算管理",
                [
                    (
                        "第一节 预算编制",
                        ["项目负责人应当根据研究任务编制项目预算。", "预算编制应当遵循目标相关性原则。"],
                    ),
                    (
                        "第二节 预算调整",
                        ["项目预算总额不变的，直接费用调剂权下放给项目负责人。", "设备费预算一般不予调增。"],
                    ),
                ],
            ),
            (
                "第三章 支出管理",
                [
                    (
                        "第一节 劳务费",
                        ["劳务费用于支付参与项目研究的研究生、博士后的劳务性费用。", "劳务费发放应当通过银行转账。"],
                    ),
                    ("第二节 差旅费", ["差旅费按照学校差旅费管理办法执行。", "出国差旅应当事先报批。"]),
                ],
            ),
            (
                "第四章 监督检查",
                [(None, ["科研管理部门应当定期开展经费使用检查。", "对违规使用经费的，依照有关规定严肃处理。"])],
            ),
        ],
    },
]
FILLER = "为保证本条的执行，各部门应当建立台账，明确责任人，定期自查并向主管部门报送执行情况，发现问题及时整改。"

EXAMS = [
    {
        "title": ["2025—2026学年第一学期期末考试", "高一历史试卷"],
        "note": "（考试时间：75分钟　满分：100分）",
        "parts": [
            (
                "一、选择题（本大题共5小题，每小题4分，共20分）",
                [
                    ("秦朝建立后，在地方上推行的行政制度是", ["分封制", "郡县制", "行省制", "三省六部制"]),
                    ("标志着中国近代史开端的历史事件是", ["鸦片战争", "甲午中日战争", "辛亥革命", "五四运动"]),
                    (
                        "下列关于隋唐科举制的说法，正确的是",
                        ["始创于唐太宗时期", "进士科始于隋炀帝时期", "以门第作为选官标准", "武则天首创殿试"],
                    ),
                    ("1911年爆发的推翻清王朝统治的革命是", ["太平天国运动", "戊戌变法", "辛亥革命", "义和团运动"]),
                    ("丝绸之路的开辟者是西汉时期的", ["班超", "张骞", "郑和", "玄奘"]),
                ],
            ),
            (
                "二、材料分析题（本大题共2小题，共40分）",
                [
                    ("（20分）阅读材料，概括商鞅变法在奖励军功和发展农业方面的措施。", []),
                    ("（20分）阅读材料，评价洋务运动的历史作用。", []),
                ],
            ),
        ],
    },
    {
        "title": ["2025—2026学年第二学期期中考试", "高二地理试卷"],
        "note": "（考试时间：60分钟　满分：100分）",
        "parts": [
            (
                "一、单项选择题（本大题共4小题，每小题5分，共20分）",
                [
                    ("地球自转的方向是", ["自东向西", "自西向东", "顺时针", "逆时针"]),
                    ("我国面积最大的省级行政区是", ["西藏自治区", "内蒙古自治区", "新疆维吾尔自治区", "青海省"]),
                    ("长江的发源地是", ["巴颜喀拉山", "唐古拉山", "昆仑山", "天山"]),
                    ("下列属于可再生能源的是", ["煤炭", "石油", "太阳能", "天然气"]),
                ],
            ),
            (
                "二、综合题（本大题共2小题，共40分）",
                [
                    ("（20分）简述季风气候对我国东部地区农业生产的影响。", []),
                    ("（20分）结合实例，说明人类活动对河流水文特征的影响。", []),
                ],
            ),
        ],
    },
]


GOLD = {}  # family -> its gold function (filled below)


def slides_gold(deck: dict) -> list[Gold]:
    top = deck["title"]
    gold = [Gold((top,), deck["by"][0]), Gold((top,), deck["by"][1])]
    for title, kind, items in deck["slides"]:
        if kind == "table":
            gold += [Gold((title,), f"{a}", parent=top) for a, _ in items]
        else:
            gold += [Gold((title,), item[:6], parent=top) for item in items]
    return gold


def regulation_gold(reg: dict) -> list[Gold]:
    gold: list[Gold] = []
    n = 0
    for chapter, sections in reg["chapters"]:
        for section, articles in sections:
            path = (reg["title"], chapter) + ((section,) if section else ())
            for _ in articles:
                n += 1
                gold.append(Gold(path, f"第{_cn(n)}条"))
    return gold


def exam_gold(exam: dict) -> list[Gold]:
    gold: list[Gold] = []
    n = 0
    for part, questions in exam["parts"]:
        for stem, options in questions:
            n += 1
            gold.append(Gold((exam["title"][-1], part), f"{n}．{stem[:5]}"))
            gold += [
                Gold((exam["title"][-1], part), f"{'ABCD'[k]}．{o[:4]}", starts=False) for k, o in enumerate(options)
            ]
    return gold


GOLD.update(slides=slides_gold, regulation=regulation_gold, exam=exam_gold)


def _cn(n: int) -> str:
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")


def articles(reg: dict):  # noqa: ANN201 - yields (chapter, section, number, text)
    n = 0
    for chapter, sections in reg["chapters"]:
        first = True
        for section, texts in sections:
            for text in texts:
                n += 1
                yield chapter, section, first, n, f"第{_cn(n)}条　{text}{FILLER}{FILLER if n % 2 else ''}"
                first = False


# ---------------------------------------------------------------- tools


def _tex_escape(s: str) -> str:
    return s.replace("%", r"\%").replace("&", r"\&")


def _xelatex(source: str, out: Path) -> Path:
    with tempfile.TemporaryDirectory(prefix="qa-ordinary-tex-") as tmp:
        tex = Path(tmp) / "doc.tex"
        tex.write_text(source, encoding="utf-8")
        for _ in range(2):
            done = subprocess.run(
                ["xelatex", "-interaction=nonstopmode", "doc.tex"],
                cwd=tmp,
                capture_output=True,
                text=True,
                timeout=300,
            )
        if not (Path(tmp) / "doc.pdf").is_file():
            raise RuntimeError(f"xelatex failed: {done.stdout[-800:]}")
        shutil.copy(Path(tmp) / "doc.pdf", out)
    return out


def _soffice(docx: Path, out: Path) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    with tempfile.TemporaryDirectory(prefix="qa-ordinary-lo-") as tmp:
        profile = Path(tmp) / "profile"
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={profile.as_uri()}",
                "--headless",
                "--norestore",
                "--convert-to",
                "pdf",
                "--outdir",
                tmp,
                str(docx),
            ],
            capture_output=True,
            text=True,
            timeout=300,
        )
        made = Path(tmp) / f"{docx.stem}.pdf"
        if not made.is_file():
            raise RuntimeError(f"soffice did not convert {docx.name}")
        shutil.copy(made, out)
    return out


def _typst(source: str, out: Path) -> Path:
    import typst

    out.write_bytes(typst.compile(source.encode("utf-8"), font_paths=[str(FONT_DIR)]))
    return out


def _reportlab_font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "WQY" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("WQY", str(FONT_FILE), subfontIndex=0))
    return "WQY"


# ---------------------------------------------------------------- slides


def slides_beamer(deck: dict, out: Path, theme: str = "Madrid") -> Made:
    frames = []
    for title, kind, items in deck["slides"]:
        if kind == "table":
            rows = "".join(rf"{_tex_escape(a)} & {_tex_escape(b)} \\\hline " for a, b in items)
            inner = rf"\begin{{tabular}}{{|l|r|}}\hline {rows}\end{{tabular}}"
        else:
            env = "itemize" if kind == "bullets" else "enumerate"
            inner = rf"\begin{{{env}}}" + "".join(rf"\item {_tex_escape(i)} " for i in items) + rf"\end{{{env}}}"
        frames.append(rf"\section{{{title}}}\begin{{frame}}{{{_tex_escape(title)}}}{inner}\end{{frame}}")
    footline = r"\setbeamertemplate{footline}[frame number]" if theme == "default" else ""
    src = (
        r"\documentclass[UTF8,aspectratio=169]{ctexbeamer}"
        + rf"\usetheme{{{theme}}}{footline}\setCJKsansfont{{WenQuanYi Micro Hei}}"
        + rf"\title{{{deck['title']}}}\author{{{deck['by'][0]}}}\date{{{deck['by'][1]}}}"
        + r"\begin{document}\frame{\titlepage}"
        + "".join(frames)
        + r"\end{document}"
    )
    return Made(_xelatex(src, out), slides_gold(deck))


def slides_reportlab(deck: dict, out: Path) -> Made:
    from reportlab.pdfgen import canvas

    font = _reportlab_font()
    w, h = 960, 540
    c = canvas.Canvas(str(out), pagesize=(w, h))
    pages = len(deck["slides"]) + 1

    def footer(n: int) -> None:
        c.setFont(font, 11)
        c.setFillGray(0.4)
        c.drawString(40, 20, deck["by"][0])
        c.drawCentredString(w / 2, 20, deck["title"])
        c.drawRightString(w - 40, 20, f"{n} / {pages}")
        c.setFillGray(0)

    c.setFont(font, 44)
    c.drawCentredString(w / 2, 320, deck["title"])
    c.setFont(font, 24)
    c.drawCentredString(w / 2, 250, deck["by"][0])
    c.drawCentredString(w / 2, 215, deck["by"][1])
    footer(1)
    c.showPage()
    for n, (title, kind, items) in enumerate(deck["slides"], start=2):
        c.setFillColorRGB(0.1, 0.3, 0.6)
        c.rect(0, h - 90, w, 90, fill=1, stroke=0)
        c.setFillGray(1)
        c.setFont(font, 36)
        c.drawString(50, h - 60, title)
        c.setFillGray(0)
        y = h - 160
        if kind == "table":
            for a, b in items:
                c.setFont(font, 24)
                c.drawString(80, y, a)
                c.drawRightString(520, y, b)
                c.line(70, y - 10, 530, y - 10)
                y -= 48
        else:
            for k, item in enumerate(items, start=1):
                c.setFont(font, 26)
                c.drawString(60, y, "•" if kind == "bullets" else f"{k}.")
                c.drawString(100, y, item)
                y -= 56
        footer(n)
        c.showPage()
    c.save()
    return Made(out, slides_gold(deck))


def slides_typst(deck: dict, out: Path) -> Made:
    body = []
    for title, kind, items in deck["slides"]:
        if kind == "table":
            cells = ", ".join(f"[{a}], [{b}]" for a, b in items)
            inner = f"#table(columns: 2, inset: 10pt, {cells})"
        else:
            mark = "-" if kind == "bullets" else "+"
            inner = "\n".join(f"{mark} {i}" for i in items)
        body.append(f"#pagebreak()\n= {title}\n\n{inner}\n")
    src = f"""#set page(width: 25.4cm, height: 14.29cm, margin: (x: 1.5cm, top: 1.2cm, bottom: 1.6cm),
  footer: context [#set text(size: 10pt, fill: gray); {deck["by"][0]} #h(1fr) {deck["title"]} #h(1fr)
  #counter(page).display("1 / 1", both: true)])
#set text(font: "WenQuanYi Micro Hei", size: 20pt, lang: "zh")
#show heading: it => block(below: 1em, text(size: 30pt, fill: rgb("#1f4e79"), it.body))
#align(center + horizon)[#text(size: 40pt)[{deck["title"]}] \\ #v(1em) {deck["by"][0]} \\ {deck["by"][1]}]
{"".join(body)}"""
    return Made(_typst(src, out), slides_gold(deck))


def slides_fpdf(deck: dict, out: Path) -> Made:
    from fpdf import FPDF

    pdf = FPDF(orientation="L", unit="pt", format=(540, 960))
    pdf.add_font("wqy", fname=str(FONT_FILE), collection_font_number=0)
    pdf.set_auto_page_break(False)

    def footer(n: int) -> None:
        pdf.set_font("wqy", size=10)
        pdf.set_text_color(110)
        pdf.set_xy(40, 510)
        pdf.cell(880, 14, f"{deck['title']}  |  {deck['by'][0]}  |  {n}", align="R")
        pdf.set_text_color(0)

    pdf.add_page()
    pdf.set_font("wqy", size=40)
    pdf.set_xy(0, 200)
    pdf.cell(960, 50, deck["title"], align="C")
    pdf.set_font("wqy", size=22)
    pdf.set_xy(0, 280)
    pdf.cell(960, 30, deck["by"][0], align="C")
    pdf.set_xy(0, 320)
    pdf.cell(960, 30, deck["by"][1], align="C")
    footer(1)
    for n, (title, kind, items) in enumerate(deck["slides"], start=2):
        pdf.add_page()
        pdf.set_font("wqy", size=34)
        pdf.set_xy(50, 40)
        pdf.cell(860, 44, title)
        pdf.set_draw_color(30, 80, 160)
        pdf.line(50, 92, 910, 92)
        y = 140
        pdf.set_font("wqy", size=24)
        if kind == "table":
            for a, b in items:
                pdf.set_xy(80, y)
                pdf.cell(260, 40, a, border=1)
                pdf.cell(200, 40, b, border=1, align="R")
                y += 40
        else:
            for k, item in enumerate(items, start=1):
                pdf.set_xy(60, y)
                pdf.cell(40, 36, "•" if kind == "bullets" else f"{k})")
                pdf.cell(760, 36, item)
                y += 56
        footer(n)
    pdf.output(str(out))
    return Made(out, slides_gold(deck))


# ---------------------------------------------------------------- regulations


def regulation_ctexbook(reg: dict, out: Path, head: str = "centre") -> Made:
    body = []
    for chapter, section, _first, _n, text in articles(reg):
        if _first:
            body.append(rf"\chapter*{{{chapter}}}\markboth{{{chapter}}}{{}}")
        if section and not any(section in b for b in body):
            body.append(rf"\section*{{{section}}}")
        body.append(text + "\n")
    if head == "centre":
        fancy = rf"\fancyhead[C]{{{reg['title']}\quad\leftmark}}\fancyfoot[C]{{- \thepage\ -}}"
    else:
        fancy = rf"\fancyhead[L]{{{reg['title']}}}\fancyhead[R]{{\leftmark}}\fancyfoot[C]{{\thepage}}"
    src = (
        r"\documentclass[UTF8,a4paper,12pt,oneside]{ctexbook}\usepackage{fancyhdr,geometry}\geometry{margin=3cm}"
        r"\setCJKmainfont{AR PL SungtiL GB}\setCJKsansfont{WenQuanYi Micro Hei}"
        r"\ctexset{chapter={format=\centering\Large\bfseries,beforeskip=10pt,afterskip=10pt,pagestyle=fancy},"
        r"section={format=\centering\Large\bfseries}}"
        rf"\pagestyle{{fancy}}\fancyhf{{}}{fancy}\begin{{document}}"
        rf"\begin{{center}}{{\LARGE {reg['title']}}}\end{{center}}" + "\n".join(body) + r"\end{document}"
    )
    return Made(_xelatex(src, out), regulation_gold(reg))


def regulation_docx(reg: dict, out: Path) -> Made:
    """Word's way: a section (new page) per chapter, each with its own header naming the chapter; 章 and 节 in one
    bold size, centred."""
    from docx import Document
    from docx.enum.section import WD_SECTION
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt

    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = "AR PL SungtiL GB"
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "AR PL SungtiL GB")
    normal.font.size = Pt(12)

    def para(text: str, size: float | None = None, bold: bool = False, centre: bool = False):  # noqa: ANN202
        p = doc.add_paragraph()
        run = p.add_run(text)
        run.bold = bold
        run.font.name = "WenQuanYi Micro Hei" if bold else None
        if bold:
            run.element.rPr.rFonts.set(qn("w:eastAsia"), "WenQuanYi Micro Hei")
        if size:
            run.font.size = Pt(size)
        if centre:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        return p

    para(reg["title"], 22, True, True)
    seen: set[str] = set()
    for chapter, section, first, _n, text in articles(reg):
        if first:
            new = doc.add_section(WD_SECTION.NEW_PAGE)
            new.header.is_linked_to_previous = False
            hp = new.header.paragraphs[0]
            hp.text = f"{reg['title']}　{chapter}"
            hp.alignment = WD_ALIGN_PARAGRAPH.CENTER
            para(chapter, 16, True, True)
        if section and section not in seen:
            seen.add(section)
            para(section, 16, True, True)
        p = para(text)
        p.paragraph_format.first_line_indent = Pt(24)
    docx = out.with_suffix(".docx")
    doc.save(str(docx))
    _soffice(docx, out)
    return Made(out, regulation_gold(reg))


def regulation_typst(reg: dict, out: Path) -> Made:
    body = []
    for chapter, section, first, _n, text in articles(reg):
        if first:
            body.append(f"#pagebreak(weak: true)\n= {chapter}\n")
        if section and f"== {section}" not in body:
            body.append(f"== {section}\n")
        body.append(f"{text}\n")
    src = f"""#set page(paper: "a4", margin: 2.8cm, header: context {{
  let hs = query(selector(heading.where(level: 1)).before(here()))
  align(center, text(size: 10.5pt)[{reg["title"]} #h(1em) #if hs.len() > 0 {{ hs.last().body }}])
}}, footer: context align(center)[— #counter(page).display() —])
#set text(font: "AR PL SungtiL GB", size: 12pt, lang: "zh")
#set par(first-line-indent: (amount: 2em, all: true), justify: true)
#show heading: it => align(center, block(above: 1.2em, below: 1em,
  text(font: "WenQuanYi Micro Hei", size: 15pt, it.body)))
#align(center, text(size: 20pt, font: "WenQuanYi Micro Hei")[{reg["title"]}])
{chr(10).join(body)}"""
    return Made(_typst(src, out), regulation_gold(reg))


# ---------------------------------------------------------------- exam papers


def _option_rows(options: list[str], per_row: int) -> list[list[str]]:
    labelled = [f"{'ABCD'[k]}．{o}" for k, o in enumerate(options)]
    return [labelled[i : i + per_row] for i in range(0, len(labelled), per_row)]


def _per_row(options: list[str]) -> int:
    longest = max(len(o) for o in options)
    return 4 if longest <= 5 else 2 if longest <= 10 else 1


def exam_docx(exam: dict, out: Path) -> Made:
    from docx import Document
    from docx.oxml.ns import qn
    from docx.shared import Pt

    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = "WenQuanYi Micro Hei"
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "WenQuanYi Micro Hei")
    normal.font.size = Pt(11)

    def para(text: str, bold: bool = False, centre: bool = False, size: float | None = None) -> None:
        p = doc.add_paragraph()
        run = p.add_run(text)
        run.bold = bold
        if size:
            run.font.size = Pt(size)
        if centre:
            p.alignment = 1

    for line in exam["title"]:
        para(line, True, True, 16)
    para(exam["note"], centre=True)
    n = 0
    for part, questions in exam["parts"]:
        para(part, True)
        for stem, options in questions:
            n += 1
            para(f"{n}．{stem}{'（　　）' if options else ''}")
            for row in _option_rows(options, _per_row(options)) if options else []:
                para("\t".join(row))
    docx = out.with_suffix(".docx")
    doc.save(str(docx))
    _soffice(docx, out)
    return Made(out, exam_gold(exam))


def exam_ctexart(exam: dict, out: Path) -> Made:
    lines = []
    n = 0
    for part, questions in exam["parts"]:
        lines.append(rf"\noindent\textbf{{{part}}}" + "\n")
        for stem, options in questions:
            n += 1
            rows = _option_rows(options, _per_row(options)) if options else []
            opts = "".join(r"\\" + "\n" + r"\hspace*{2em}" + r"\qquad ".join(row) for row in rows)
            lines.append(rf"\noindent {n}．{stem}{opts}" + "\n")
    src = (
        r"\documentclass[UTF8,a4paper,11pt]{ctexart}\usepackage{geometry,fancyhdr}\geometry{margin=2.2cm}"
        r"\setCJKmainfont{AR PL SungtiL GB}\setCJKsansfont{WenQuanYi Micro Hei}"
        r"\pagestyle{fancy}\fancyhf{}\renewcommand{\headrulewidth}{0pt}"
        rf"\cfoot{{{exam['title'][-1]}\quad 第\thepage 页}}\begin{{document}}"
        rf"\begin{{center}}{{\Large\bfseries {exam['title'][0]}}}\\[3pt]{{\Large\bfseries {exam['title'][1]}}}"
        rf"\\[3pt]{exam['note']}\end{{center}}" + "\n" + "\n".join(lines) + r"\end{document}"
    )
    return Made(_xelatex(src, out), exam_gold(exam))


def exam_reportlab(exam: dict, out: Path) -> Made:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = _reportlab_font()
    c = canvas.Canvas(str(out), pagesize=A4)
    w, h = A4
    y = h - 70
    for line in exam["title"]:
        c.setFont(font, 18)
        c.drawCentredString(w / 2, y, line)
        y -= 28
    c.setFont(font, 11)
    c.drawCentredString(w / 2, y, exam["note"])
    y -= 34
    n = 0
    for part, questions in exam["parts"]:
        c.setFont(font, 12)
        c.drawString(60, y, part)
        y -= 24
        c.setFont(font, 11)
        for stem, options in questions:
            n += 1
            c.drawString(60, y, f"{n}．{stem}")
            y -= 20
            for row in _option_rows(options, _per_row(options)) if options else []:
                step = (w - 140) / len(row)
                for k, opt in enumerate(row):
                    c.drawString(80 + k * step, y, opt)
                y -= 20
            y -= 6
        y -= 10
    c.setFont(font, 9)
    c.drawCentredString(w / 2, 30, f"{exam['title'][-1]}　第1页")
    c.save()
    return Made(out, exam_gold(exam))


def exam_typst(exam: dict, out: Path) -> Made:
    lines = []
    n = 0
    for part, questions in exam["parts"]:
        lines.append(f'#text(weight: "bold")[{part}]\n')
        for stem, options in questions:
            n += 1
            lines.append(f"{n}．{stem}")
            for row in _option_rows(options, _per_row(options)) if options else []:
                cells = ", ".join(f"[{o}]" for o in row)
                lines.append(f"#pad(left: 2em, grid(columns: ({', '.join(['1fr'] * len(row))}), {cells}))")
            lines.append("")
    src = f"""#set page(paper: "a4", margin: 2.2cm, footer: context align(center,
  text(size: 9pt)[{exam["title"][-1]} 第#counter(page).display()页]))
#set text(font: "WenQuanYi Micro Hei", size: 11pt, lang: "zh")
#align(center)[#text(size: 16pt, weight: "bold")[{exam["title"][0]}] \\
  #text(size: 16pt, weight: "bold")[{exam["title"][1]}] \\ {exam["note"]}]
{chr(10).join(lines)}"""
    return Made(_typst(src, out), exam_gold(exam))


# ---------------------------------------------------------------- a Word plan with a text box

PLANS = [
    {
        "title": "智慧园区管理平台项目实施方案",
        "sections": [
            ("总则", "本方案规定了智慧园区管理平台项目的建设目标、实施步骤和保障措施。", None),
            (
                "组织保障",
                "成立项目领导小组，组长由园区管委会副主任陈静担任。",
                "领导小组办公室设在信息中心，联系电话：0571-88886666。",
            ),  # noqa: E501
            ("经费保障", "项目总预算为三百八十万元，其中硬件采购占百分之六十。", None),
        ],
        "box_pt": 250,
    },
    {
        "title": "城区排水管网改造工作方案",
        "sections": [
            ("工作目标", "年内完成老城区十二条道路的雨污分流改造，消除易涝点九处。", None),
            (
                "联系方式",
                "改造期间设立工程指挥部，统一协调施工和交通组织。",
                "工程指挥部值班电话：025-66668888，传真：025-66669999。",
            ),  # noqa: E501
            ("进度安排", "五月底前完成设计招标，六月开工，十一月底前全部完工。", None),
        ],
        "box_pt": 240,
    },
]


def plan_gold(plan: dict) -> list[Gold]:
    gold = []
    for head, text, box in plan["sections"]:
        gold.append(Gold((plan["title"], head), text[:8]))
        if box:
            gold.append(Gold((plan["title"], head), box[:8]))
    return gold


GOLD["plan"] = plan_gold


def plan_docx(plan: dict, out: Path) -> Made:
    """A plan typed in Word: a contents list, Heading 1 sections, and a VML text box holding a line that wraps
    before a phone number (the box's text and the body in a 黑体, figures in the Latin face)."""
    from docx import Document
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = "Times New Roman"  # Latin text and figures in a serif, Chinese in a 黑体
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "WenQuanYi Micro Hei")
    doc.add_heading(plan["title"], 0)
    # A contents list as Word's TOC field leaves it: each entry, a dot leader to a right tab, the page.
    from docx.enum.text import WD_BREAK, WD_TAB_ALIGNMENT, WD_TAB_LEADER
    from docx.shared import Pt

    doc.add_paragraph("目录")
    for k, (head, _, _) in enumerate(plan["sections"], start=1):
        entry = doc.add_paragraph(f"{k}  {head}\t2")
        entry.paragraph_format.tab_stops.add_tab_stop(Pt(430), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    for head, text, box in plan["sections"]:
        doc.add_heading(head, 1)
        doc.add_paragraph(text)
        if box:
            run = (
                f'<w:r {w} xmlns:v="urn:schemas-microsoft-com:vml"><w:pict>'
                f'<v:shape style="width:{plan["box_pt"]}pt;height:60pt"><v:textbox><w:txbxContent>'
                '<w:p><w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"'
                f' w:eastAsia="WenQuanYi Micro Hei"/></w:rPr><w:t>{box}</w:t></w:r></w:p>'
                "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
            )
            doc.add_paragraph()._p.append(parse_xml(run))
    docx = out.with_suffix(".docx")
    doc.save(str(docx))
    _soffice(docx, out)
    return Made(out, plan_gold(plan))


# ---------------------------------------------------------------- handbooks whose section heads only the outline names

HANDBOOKS = [
    {
        "title": "新员工入职手册",
        "chapters": [
            (
                "公司概况",
                [
                    ("发展历程", "公司成立于二〇〇八年，最初从事软件外包业务，二〇一五年起转向自有产品研发。"),
                    ("组织架构", "公司设研发、市场、财务、人力资源四个中心，各中心下设若干部门和项目组。"),
                ],
            ),
            (
                "日常管理",
                [
                    ("考勤制度", "员工实行弹性工作制，每日核心工作时间为上午十点至下午四点，须在此期间在岗。"),
                    ("请假流程", "请假须提前在办公系统提交申请，三天以内由部门经理审批，超过三天报中心负责人。"),
                    ("办公用品", "办公用品由行政部统一采购，员工按月在系统中申领，贵重物品须登记领用人。"),
                ],
            ),
            (
                "薪酬福利",
                [
                    ("工资发放", "工资于每月十五日通过银行代发，如遇节假日则提前至最近的工作日发放。"),
                    ("带薪年假", "员工入职满一年后享受带薪年假五天，此后每满一年增加一天，最多不超过十五天。"),
                ],
            ),
        ],
    },
    {
        "title": "实验室安全管理规程",
        "chapters": [
            (
                "基本要求",
                [
                    ("准入培训", "进入实验室工作的人员须参加安全培训并通过考核，考核合格后方可独立操作仪器。"),
                    ("个人防护", "实验期间须穿着实验服并佩戴护目镜，处理腐蚀性试剂时还应佩戴耐酸碱手套。"),
                ],
            ),
            (
                "危险品管理",
                [
                    ("试剂存放", "易燃试剂存放于防爆柜中，强氧化剂与还原剂分柜存放，柜门张贴试剂清单。"),
                    ("废液处置", "实验废液按有机、无机分类收集于专用容器，每月由学校统一联系有资质的单位回收。"),
                ],
            ),
            (
                "应急处置",
                [
                    ("火灾处置", "发生火情时应立即切断电源和气源，使用就近的灭火器扑救，并拨打校内报警电话。"),
                    ("化学灼伤", "皮肤接触腐蚀性试剂时，应立即用大量流动清水冲洗至少十五分钟，再送医处理。"),
                    ("事故报告", "任何安全事故均须在二十四小时内书面报告实验室主任，并填写事故登记表存档。"),
                ],
            ),
        ],
    },
]
HANDBOOK_FILLER = "各部门应当结合本部门实际情况认真贯彻执行，执行中发现的问题请及时反馈给主管部门。"


def handbook_gold(book: dict) -> list[Gold]:
    return [
        Gold((chapter, section), text[:8], parent=book["title"])
        for chapter, sections in book["chapters"]
        for section, text in sections
    ]


GOLD["handbook"] = handbook_gold


def handbook_docx(book: dict, out: Path) -> Made:
    """Word's Title, Heading 1 chapters, Heading 2 sections restyled to the body's size and weight (a plain
    template); LibreOffice's export writes every heading into the PDF's outline."""
    from docx import Document
    from docx.shared import Pt, RGBColor

    doc = Document()
    h2 = doc.styles["Heading 2"]
    h2.font.size, h2.font.bold, h2.font.color.rgb = Pt(11), False, RGBColor(0, 0, 0)
    doc.add_paragraph(book["title"], style="Title")
    for chapter, sections in book["chapters"]:
        doc.add_heading(chapter, 1)
        for section, text in sections:
            doc.add_heading(section, 2)
            doc.add_paragraph(text + HANDBOOK_FILLER)
    docx = out.with_suffix(".docx")
    doc.save(str(docx))
    _soffice(docx, out)
    return Made(out, handbook_gold(book))


def handbook_ctexart(book: dict, out: Path) -> Made:
    """ctexart with hyperref's bookmarks; sections unnumbered, subsections set in the body's type."""
    body = []
    for chapter, sections in book["chapters"]:
        body.append(f"\\section{{{_tex_escape(chapter)}}}")
        for section, text in sections:
            body.append(f"\\subsection{{{_tex_escape(section)}}}\n{_tex_escape(text + HANDBOOK_FILLER)}\n")
    src = (
        "\\documentclass[UTF8]{ctexart}\n\\usepackage[bookmarks=true]{hyperref}\n"
        "\\ctexset{secnumdepth=0, subsection={format=\\normalfont\\normalsize}}\n"
        f"\\begin{{document}}\n{{\\centering\\LARGE {_tex_escape(book['title'])}\\par}}\n"
        + "\n".join(body)
        + "\n\\end{document}\n"
    )
    return Made(_xelatex(src, out), handbook_gold(book))


def handbook_typst(book: dict, out: Path) -> Made:
    """Typst (its PDF outline lists every heading); level-2 headings shown in the body's type."""
    parts = [
        '#set text(font: "WenQuanYi Micro Hei", size: 11pt, lang: "zh")',
        '#show heading.where(level: 2): it => block(text(size: 11pt, weight: "regular", it.body))',
        f'#align(center, text(size: 20pt, weight: "bold")[{book["title"]}])',
    ]
    for chapter, sections in book["chapters"]:
        parts.append(f"= {chapter}")
        for section, text in sections:
            parts.append(f"== {section}\n\n{text}{HANDBOOK_FILLER}\n")
    return Made(_typst("\n".join(parts), out), handbook_gold(book))
