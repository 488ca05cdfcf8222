"""What stands at a page's edge: furniture the repetition rules miss, and text they took for furniture.

- A two-page LaTeX paper (ctexart, two columns, fancyhdr): the first page has \\maketitle's plain style, so the
  header ('某某学报 第45卷 第3期 … 2025年6月') is printed on the second page only, and the A4 article's folio stands
  0.16 of the page from the foot. Both ran into the paragraph continued across the break (qa.formats.pdf.edge_rows).
  Negative: the same paper on five pages, its header repeated, still reads without it.
- A LibreOffice table whose row a page break parts: the row's cell tail on the next page, after the repeated header
  row, was a row of its own (qa.formats.pdf.carried_rows). Negative: rows under a first column merged over several
  rows keep their empty first cell and stay rows.
- Chromium's print, its default header (date, title) and footer (address, n/N), 1 cm margins: numbered heads and
  sentences that fall at a page's edge on a few pages are text; the header's date over a chapter's title opening a
  page is no kicker of it (qa.formats.pdf.furniture, qa.formats.pdf.edge_rows).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from qa.formats.pdf import read_pdf
from qa.loading import load_file
from qa.structure import recover_outline
from tests import ordinary_pdfs as op
from tests.newspaper_html import CHROMIUM

SENTENCE = "实验区域位于秦岭南麓，平均海拔一千二百米，流域面积约三百六十平方千米，年均降水约九百毫米，汛期在七至九月。"
HEADER_LEFT, HEADER_RIGHT = "气象科学学报 第45卷 第3期", "2025年6月"


def _paper(out: Path, repeat: int) -> Path:
    """A two-column ctexart paper with fancyhdr's header; ``repeat`` sets how many pages its sections fill."""
    body = SENTENCE * repeat
    source = rf"""\documentclass[twocolumn,10pt]{{ctexart}}
\setCJKmainfont{{AR PL SungtiL GB}}\setCJKsansfont{{WenQuanYi Micro Hei}}
\usepackage{{fancyhdr}}\pagestyle{{fancy}}\fancyhead[L]{{{HEADER_LEFT}}}\fancyhead[R]{{{HEADER_RIGHT}}}
\title{{基于地形感知卷积网络的山区短时强降水临近预报}}\author{{张明远}}\date{{}}
\begin{{document}}
\maketitle
\section{{引言}}{body}
\section{{数据与方法}}{body}{body}
\section{{结果}}{body}
\section{{结论}}引入地形特征后，迎风坡强降水的漏报率下降了约四成。
\end{{document}}
"""
    return op._xelatex(source, out)


def _paragraphs(pdf: Path) -> list[str]:
    return [p.replace(" ", "") for p in read_pdf(pdf, pdf.name).text.split("\n") if p.strip()]


needs_tex = pytest.mark.skipif(shutil.which("xelatex") is None, reason="XeLaTeX not installed")
needs_office = pytest.mark.skipif(
    not (shutil.which("soffice") or shutil.which("libreoffice")), reason="LibreOffice not installed"
)
needs_chromium = pytest.mark.skipif(not CHROMIUM.exists(), reason="Chromium (/usr/bin/chromium) is not installed")


def _clean(paragraphs: list[str]) -> None:
    """Nothing of the header or a folio in the text: each paragraph of the body is whole sentences."""
    for text in paragraphs:
        assert HEADER_LEFT.replace(" ", "") not in text and HEADER_RIGHT not in text, text
        assert not re.fullmatch(r"\d{1,2}", text), text  # a folio alone
    # (the body's paragraphs are the sentence over and over, cut where the columns cut it: no other character)
    body = "".join(text for text in paragraphs if "秦岭" in text or "九月" in text)
    assert set(body) <= set(SENTENCE), set(body) - set(SENTENCE)


@needs_tex
def test_a_header_on_one_page_and_a_folio_far_in_are_not_text(tmp_path: Path) -> None:
    pdf = _paper(tmp_path / "paper.pdf", 5)
    _clean(_paragraphs(pdf))


@needs_tex
def test_a_header_repeated_on_every_page_is_still_not_text(tmp_path: Path) -> None:
    pdf = _paper(tmp_path / "paper_long.pdf", 14)
    _clean(_paragraphs(pdf))


def _table_docx(out: Path, merged_first: bool) -> Path:
    """A long table with a repeated header row: either long names that wrap (rows break across pages) or a first
    column merged over groups of rows."""
    from docx import Document
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = "AR PL SungtiL GB"
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "AR PL SungtiL GB")
    doc.add_paragraph("下表列出全市重点建设项目。")
    table = doc.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    header = table.rows[0]
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    header._tr.get_or_add_trPr().append(flag)
    for cell, text in zip(header.cells, ["序号", "项目名称", "所属区县", "总投资（万元）"], strict=True):
        cell.text = text
    for i in range(1, 61):
        cells = table.add_row().cells
        cells[0].text = "" if merged_first else str(i)
        cells[1].text = f"第{i}号项目" + ("城区综合管廊配套改造新建工程" * (1 if merged_first else 4)) + f"止{i}"
        cells[2].text = "高新区"
        cells[3].text = f"{1000 + i * 37:,}"
    if merged_first:  # groups of five rows under one merged group number
        for start in range(1, 61, 5):
            top = table.cell(start, 0)
            top.merge(table.cell(start + 4, 0))
            top.text = f"组{(start + 4) // 5}"
    doc.add_paragraph("以上项目由市发展改革委统一调度。")
    docx = out.with_suffix(".docx")
    doc.save(str(docx))
    return op._soffice(docx, out)


@needs_office
def test_a_table_row_a_page_break_parts_is_one_row(tmp_path: Path) -> None:
    paragraphs = _paragraphs(_table_docx(tmp_path / "rows.pdf", merged_first=False))
    rows = [p for p in paragraphs if "|" in p and "序号" not in p]
    for i in range(1, 61):
        # the row's number, its whole name and its other cells in one row
        mine = [r for r in rows if f"第{i}号项目" in r or r.endswith(f"止{i}") or f"止{i}|" in r]
        assert len(mine) == 1 and mine[0].startswith(f"{i}|") and f"止{i}|" in mine[0], (i, mine)
    assert all("|" in p or "管廊" not in p for p in paragraphs)  # no cell's tail alone


@needs_office
def test_rows_under_a_merged_first_column_stay_rows(tmp_path: Path) -> None:
    paragraphs = _paragraphs(_table_docx(tmp_path / "merged.pdf", merged_first=True))
    for i in range(1, 61):
        assert sum(f"第{i}号项目" in p for p in paragraphs) == 1, i
        assert sum(p.count("号项目") for p in paragraphs if f"第{i}号项目" in p) == 1, i  # not joined to another


def _chromium_print(html: str, out: Path) -> Path:
    """Chromium's own print, with its default header (date, title) and footer (address, n/N)."""
    page = out.with_suffix(".html")
    page.write_text(html, encoding="utf-8")
    cmd = [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", f"--print-to-pdf={out}", page.as_uri()]
    subprocess.run(cmd, check=False, capture_output=True, timeout=180)
    if not out.exists():
        pytest.fail("Chromium did not print the page")
    return out


ZH = (
    "本节说明在典型工业现场部署网关时的注意事项，包括供电、接地、散热以及与现场设备的连接方式。建议在柜内预留散热空间。"
)
EN = "This section describes typical deployment considerations for the gateway, including power and cooling. " * 3


def _manual(chapters: int, per: int, break_chapters: bool) -> str:
    style = "body{font-family:'WenQuanYi Micro Hei';font-size:14px}" + (
        "h2{break-before:page;margin-top:0}" if break_chapters else ""
    )
    parts = ["<h1>EdgeBox X200 边缘网关用户手册</h1>"]
    for c in range(1, chapters + 1):
        parts.append(f"<h2>第{c}章 主题{c}</h2>")
        for s in range(1, per + 1):
            parts.append(f"<h3>{c}.{s} 小节 Section {c}.{s}</h3>")
            parts += [f"<p>{ZH}（{c}.{s}-{k}）</p><p>{EN}（{c}.{s}-{k}e）</p>" for k in range(3)]
    return (
        f"<!DOCTYPE html><html lang='zh-CN'><head><meta charset='utf-8'><title>EdgeBox 用户手册</title>"
        f"<style>{style}</style></head><body>{''.join(parts)}</body></html>"
    )


@needs_chromium
def test_numbered_heads_and_sentences_at_page_edges_are_text(tmp_path: Path) -> None:
    pdf = _chromium_print(_manual(8, 4, False), tmp_path / "manual.pdf")
    outline = recover_outline(load_file(pdf))
    heads = {s.path[-1].replace(" ", "") for s in outline.sections if s.path}
    for c in range(1, 9):
        for s in range(1, 5):
            assert f"{c}.{s}小节Section{c}.{s}" in heads, (c, s)
    text = load_file(pdf).text.replace(" ", "")
    for c in range(1, 9):
        for s in range(1, 5):
            for k in range(3):
                assert f"（{c}.{s}-{k}）" in text and f"（{c}.{s}-{k}e）" in text, (c, s, k)
    # (negative) Chromium's header and footer, repeated on every page, are not text
    assert not re.search(r"\d{1,2}/\d{1,2}/\d{2},\d{1,2}:\d{2}[AP]M", text)
    assert "file://" not in text


@needs_chromium
def test_the_print_date_over_a_chapter_opening_a_page_is_no_kicker(tmp_path: Path) -> None:
    pdf = _chromium_print(_manual(4, 2, True), tmp_path / "manual2.pdf")
    text = load_file(pdf).text.replace(" ", "")
    assert not re.search(r"\d{1,2}/\d{1,2}/\d{2},\d{1,2}:\d{2}[AP]M", text)


# The explorer's paper, as typed: a two-page paper whose last page ends the right column with the references.
LONG = "实验区域位于秦岭南麓，平均海拔一千二百米，流域面积约三百六十平方千米，年平均降水量约九百毫米，"
LONG += "汛期集中在七月至九月。"
PAPER = r"""\documentclass[twocolumn,10pt]{ctexart}
\setCJKmainfont{AR PL SungtiL GB}\setCJKsansfont{WenQuanYi Micro Hei}
\usepackage{fancyhdr}\pagestyle{fancy}\fancyhead[L]{气象科学学报 第45卷 第3期}\fancyhead[R]{2025年6月}
\title{基于地形感知卷积网络的山区短时强降水临近预报}
\author{张明远\thanks{通讯作者：zhangmy@example.edu.cn} \and 陈思雨}
\date{}
\begin{document}
\twocolumn[\maketitle\begin{abstract}ABSTRACT\end{abstract}\vspace{1em}]
\section{引言}
S3短时强降水是指1小时降水量超过20毫米的降水过程\footnote{依据中国气象局《短时临近预报业务规定》。}。
\section{数据与方法}
\subsection{雷达资料}
使用汉中S波段多普勒天气雷达2018—2023年的组合反射率资料，时间分辨率6分钟，空间分辨率1千米。S4
\begin{figure}[t]\centering\fbox{\rule{0pt}{2cm}\rule{3cm}{0pt}}\caption{研究区域地形与雷达站点分布}\end{figure}
\subsection{模型结构}
模型采用编码器—解码器结构，编码器包含4个残差卷积块，地形高程经过独立分支后与回波特征在第二层拼接。S4
\section{结果}
在2023年汛期的38次过程上检验，地形感知模型的CSI为0.47，POD为0.61，FAR为0.33；光流外推方法的CSI仅为0.35。S5
\section{结论}
引入地形特征后，迎风坡强降水的漏报率下降了约四成。今后将引入闪电定位资料进一步改进对流初生阶段的预报。
\begin{thebibliography}{9}
\bibitem{a} 王晓峰, 李明. 雷达回波外推方法研究进展[J]. 气象学报, 2020, 78(2): 301-315.
\bibitem{b} Shi X, Chen Z, Wang H, et al. Convolutional LSTM network[C]. NeurIPS, 2015: 802-810.
\end{thebibliography}
\end{document}
"""
ABSTRACT = "本文针对山区小流域的短时强降水预报问题，提出了一种融合雷达回波外推与地形特征的深度学习模型。" * 2


@needs_tex
def test_references_in_a_right_column_that_ran_out_follow_the_left_columns_sections(tmp_path: Path) -> None:
    """The paper's last page: the left column reads on ('3 结果', '4 结论'), the right holds the references and ends
    early. The full-width gap above '3 结果' is no boundary of a band: the references come last; and the header
    printed on that page alone and the folios are not in the paragraph carried over from the first page."""
    source = PAPER.replace("ABSTRACT", ABSTRACT)
    for n in (3, 4, 5):
        source = source.replace(f"S{n}", LONG * n)
    text = read_pdf(op._xelatex(source, tmp_path / "paper.pdf"), "paper.pdf").text.replace(" ", "")
    assert text.index("3结果") < text.index("4结论") < text.index("参考文献") < text.index("王晓峰")
    assert "气象科学学报" not in text and "2025年6月" not in text


NOTICE_PARAS = [
    "为做好城乡居民基本医疗保险参保缴费工作，根据国家和省有关文件精神，现将有关事项通知如下。",
    "除职工基本医疗保险应参保人员以外的其他所有城乡居民，均可参加城乡居民基本医疗保险。",
    "个人缴费标准为每人每年四百元，财政补助标准不低于每人每年六百七十元。",
    "需要纸质通知的，可点击页面下方的打印本页按钮，或分享到微信后在手机上查看。",
]


def _web_notice(repeat: int) -> str:
    """A government site's notice page: the date line with its font-size buttons and a share bar over the title,
    page buttons under the text — what its HTML reader drops, the browser's print keeps as lines."""
    body = "".join(
        f"<h2>{h}</h2>" + "".join(f"<p>{p}</p>" for p in NOTICE_PARAS) for h in ("一、参保范围", "二、缴费标准")
    )
    body = body * repeat
    return (
        "<!DOCTYPE html><html lang='zh-CN'><head><meta charset='utf-8'><title>参保缴费通知</title><style>"
        "body{font-family:'WenQuanYi Micro Hei';font-size:15px;width:720px;margin:0 auto}.tools{font-size:13px}"
        ".share{float:right}h1{text-align:center}</style></head><body>"
        "<div class='tools'>发布时间：2026-01-12 来源：临江市医疗保障局 字体：【大 中 小】"
        "<span class='share'>分享到：微信 微博 QQ空间</span></div>"
        f"<h1>关于做好居民医保参保缴费工作的通知</h1>{body}"
        "<p style='text-align:right'>临江市医疗保障局<br>2026年1月12日</p>"
        "<div class='tools' style='text-align:right'>【打印本页】【关闭窗口】 返回顶部</div></body></html>"
    )


@needs_chromium
@pytest.mark.parametrize(("repeat", "header"), [(1, True), (4, True), (1, False), (4, False)])
def test_a_printed_web_pages_widgets_at_its_edges_are_no_text(tmp_path: Path, repeat: int, header: bool) -> None:
    """Share bar, font-size and page buttons at the first page's top and the last page's foot leave the text, with
    Chromium's own header and footer or without; a sentence of the notice that names the same buttons stays."""
    page = tmp_path / "notice.html"
    page.write_text(_web_notice(repeat), encoding="utf-8")
    pdf = tmp_path / "notice.pdf"
    flags = [] if header else ["--no-pdf-header-footer"]
    cmd = [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", *flags, f"--print-to-pdf={pdf}", page.as_uri()]
    subprocess.run(cmd, check=False, capture_output=True, timeout=180)
    text = read_pdf(pdf, pdf.name).text
    for widget in ("分享到：微信", "【大 中 小】", "【打印本页】", "【关闭窗口】", "返回顶部"):
        assert widget not in text, widget
    assert text.count("可点击页面下方的打印本页按钮，或分享到微信后在手机上查看。") == 2 * repeat
    assert text.rstrip().endswith("2026年1月12日")


def _signed_notice(path: Path, seal_space: int, note: str) -> Path:
    """A 公文 written with python-docx: body, ``seal_space`` empty paragraphs left for the seal, the issuer and the
    date set flush right, then ``note`` indented two characters, printed by LibreOffice."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt

    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = "AR PL SungtiL GB", Pt(16)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "AR PL SungtiL GB")
    document.add_paragraph(
        "江州市人民政府办公室关于印发城市道路桥梁养护管理办法的通知"
    ).alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph("各县（市、区）人民政府，市政府各部门：")
    for _ in range(2):
        body = document.add_paragraph(
            "《江州市城市道路桥梁养护管理办法》已经市政府同意，现印发给你们，请结合实际认真贯彻执行。"
            "执行中遇到的问题，请及时向市城市管理局反映。"
        )
        body.paragraph_format.first_line_indent = Pt(32)
    for _ in range(seal_space):
        document.add_paragraph("")
    for text in ("江州市人民政府办公室", "2026年3月5日"):
        document.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    document.add_paragraph(note).paragraph_format.first_line_indent = Pt(32)
    document.save(str(path.with_suffix(".docx")))
    return op._soffice(path.with_suffix(".docx"), path)


@needs_office
@pytest.mark.parametrize("seal_space", [0, 2])
def test_a_notes_line_under_a_flush_right_date_is_its_own(tmp_path: Path, seal_space: int) -> None:
    """Issuer, date and the note under them read as three paragraphs in that order, with or without the space
    left for the seal (with it, the date and '（此件公开发布）' ran together as one paragraph)."""
    paragraphs = _paragraphs(_signed_notice(tmp_path / "notice.pdf", seal_space, "（此件公开发布）"))
    assert paragraphs[-3:] == ["江州市人民政府办公室", "2026年3月5日", "（此件公开发布）"]


@needs_office
def test_a_long_note_under_a_flush_right_date_stays_one_paragraph(tmp_path: Path) -> None:
    """Negative: a note of three lines under the date is one paragraph, its lines not parted from each other."""
    note = (
        "注：本办法自印发之日起施行，原《江州市城市道路养护暂行规定》同时废止，"
        "此前有关规定与本办法不一致的，以本办法为准。"
    )
    paragraphs = _paragraphs(_signed_notice(tmp_path / "notice.pdf", 2, note))
    assert paragraphs[-3:] == ["江州市人民政府办公室", "2026年3月5日", note]


def test_a_section_named_like_a_widget_at_a_pages_top_stays_its_heading(tmp_path: Path) -> None:
    """Negative for the widget rule: a report's page opening on a section named '评论' (a word a social page's
    button also says) keeps that heading — only a page's buttons, counts, share bar or two such words are widgets."""
    from tests.reportlab_pages import microhei_canvas

    path = tmp_path / "report.pdf"
    c, (width, height) = microhei_canvas(path)
    text = "本年度全市公共交通客运量稳步回升，地铁新线开通后早晚高峰的拥堵明显缓解，市民出行满意度继续提高。"
    for page, (head, lines) in enumerate([("城市交通年度报告", 12), ("评论", 12), ("展望", 12)]):
        y = height - 60
        c.setFont("W", 20 if page == 0 else 14)
        c.drawString(60, y, head)
        c.setFont("W", 10.5)
        for k in range(lines):
            y -= 18
            c.drawString(60, y, text[k % 4 * 12 : k % 4 * 12 + 40] if k % 3 else text[:38])
        c.showPage()
    c.save()
    outline = recover_outline(load_file(path))
    assert any(s.path and s.path[-1] == "评论" for s in outline.sections), [s.path for s in outline.sections]
