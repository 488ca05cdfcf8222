"""Ordinary documents the one-column and real-manual rules must keep reading right (found by a review).

Each PDF is written by reportlab line by line, as a word processor prints it: a report whose points are numbered
'1．' '2．' in its subsections' type, release notes, slides whose titles open with '例1', a caption centred over
the next section's heading, a notice with indented numbered subheads, a manual with bold warning sentences.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.formats.pdf import read_pdf
from qa.structure import recover_outline

WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
pytestmark = pytest.mark.skipif(not WQY.exists(), reason="needs fonts-wqy-microhei (scripts/install-cjk-font.sh)")

BODY = "本项目围绕企业数字化转型的实际需求展开，重点解决数据分散、流程割裂和决策滞后等突出问题，形成可复制推广的经验。"


class Page:
    """Lines placed top-down on A4 pages: (x, y from the top, text, size, bold)."""

    def __init__(self, width: float = 595, height: float = 842) -> None:
        self.width, self.height = width, height
        self.pages: list[list[tuple[float, float, str, float, bool, str]]] = [[]]
        self.y = 70.0

    def line(self, text: str, size: float = 12, bold: bool = False, x: float = 72, font: str = "") -> None:
        self.pages[-1].append((x, self.y, text, size, bold, font))
        self.y += size * 1.5

    def heading(self, text: str, size: float = 12, x: float = 72, space: float = 8) -> None:
        self.y += space
        self.line(text, size, True, x)
        self.y += size * 0.3

    def para(self, text: str, size: float = 12, width: float = 450, lead: float = 1.5, x: float = 72) -> None:
        per = int(width // size)
        first = True
        while text:
            n = per - (2 if first else 0)
            chunk, text = text[:n], text[n:]
            self.pages[-1].append((x + (2 * size if first else 0), self.y, chunk, size, False, ""))
            self.y += size * lead
            first = False
        self.y += 4

    def new_page(self) -> None:
        self.pages.append([])
        self.y = 70.0

    def save(self, path: Path) -> Path:
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont
        from reportlab.pdfbase.ttfonts import TTFont
        from reportlab.pdfgen import canvas

        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
        pdfmetrics.registerFont(TTFont("ReviewHei", str(WQY), subfontIndex=0))
        pdf = canvas.Canvas(str(path), pagesize=(self.width, self.height))
        for items in self.pages:
            for x, y, text, size, bold, font in items:
                name = font or ("ReviewHei" if bold else "STSong-Light")
                pdf.setFont(name, size)
                pdf.drawString(x, self.height - y, text)
            pdf.showPage()
        pdf.save()
        return path


def sections(path: Path) -> dict[str, tuple[str, ...]]:
    """Each paragraph's first 12 characters -> its section path."""
    outline = recover_outline(read_pdf(path, path.name))
    return {
        outline.paragraphs[i].text[:12]: tuple(section.path) for section in outline.sections for i in section.paragraphs
    }


def test_a_subsection_nests_only_under_the_number_it_extends(tmp_path: Path) -> None:
    doc = Page()
    doc.heading("某市智慧园区建设项目可行性研究报告", 20)
    doc.heading("1 项目概况", 16)
    doc.para("甲" + BODY)
    doc.heading("1.1 建设背景")
    doc.para("乙" + BODY)
    doc.heading("1．提高管理效率")  # a point numbered in the subsections' type
    doc.para("丙" + BODY)
    doc.heading("2．降低运营成本")
    doc.para("丁" + BODY)
    doc.heading("1.3 建设内容")
    doc.para("戊" + BODY)
    where = sections(doc.save(tmp_path / "report.pdf"))
    path = next(p for text, p in where.items() if text.startswith("戊"))
    assert path[-1] == "1.3 建设内容" and "2．降低运营成本" not in path


def test_release_notes_versions_stay_siblings(tmp_path: Path) -> None:
    doc = Page()
    doc.heading("客户端软件版本更新说明", 20)
    for n, version in enumerate(["3.1.1", "3.1", "3.0.2", "3.0"]):
        doc.heading(version, 13)
        doc.para("甲乙丙丁"[n] + "修复了离线模式下同步失败的问题，提升了稳定性。" * 3, 10.5)
    where = sections(doc.save(tmp_path / "notes.pdf"))
    path = next(p for text, p in where.items() if text.startswith("丙"))
    assert path[-1] == "3.0.2" and "3.1" not in path


def test_a_slide_title_opening_with_an_example_number_heads_its_slide(tmp_path: Path) -> None:
    doc = Page(842, 595)
    for title, text in [
        ("第三章 导数的应用", "本章学习利用导数研究函数的单调性与极值。"),
        ("例1 求函数的极值", "求函数的极值：令导数等于零，得驻点。"),
        ("课堂小结", "导数为零的点不一定是极值点。"),
    ]:
        doc.line(title, 32, True, 60)
        doc.y += 20
        doc.line(text, 20, False, 80)
        doc.new_page()
    where = sections(doc.save(tmp_path / "slides.pdf"))
    assert where["求函数的极值：令导数等于"][-1] == "例1 求函数的极值"


def test_a_heading_right_under_a_centred_caption_opens_its_section(tmp_path: Path) -> None:
    doc = Page()
    doc.heading("2023年度企业社会责任报告", 20)
    doc.heading("一、公司治理")
    doc.para("甲" + BODY * 2, lead=1.3)
    doc.line("图1 组织结构图", 12, True, 240)  # a caption, bold and centred; the next heading right under it
    doc.line("二、员工发展与人才培养体系建设情况", 12, True)
    doc.para("乙" + BODY * 2, lead=1.3)
    where = sections(doc.save(tmp_path / "caption.pdf"))
    assert where[("乙" + BODY)[:12]][-1] == "二、员工发展与人才培养体系建设情况"


def test_indented_numbered_subheads_of_a_tight_notice_stay_headings(tmp_path: Path) -> None:
    doc = Page()
    doc.line("关于调整部门例会安排的通知", 18, True, 170)
    doc.y += 10
    # The paragraph's last line fills the measure and ends on a bracket, not a full stop (35 + 37 characters).
    text = (
        "为进一步提高会议效率，减少不必要的会议时间占用，经研究决定对各部门例会安排进行调整，"
        "具体调整内容、地点和相关要求详见附件二（例会安排调整表）"
    )
    assert len(text) == 70
    for n, head in enumerate(["一、调整原因", "二、例会安排", "三、工作要求"]):
        doc.line(head, 12, True, 96)  # set two ems in, at the line pitch, no space around it
        doc.y -= 12 * 0.25
        doc.para("甲乙丙"[n] + text, lead=1.25)
        doc.y -= 4
    where = sections(doc.save(tmp_path / "notice.pdf"))
    assert where[("乙" + text)[:12]][-1] == "二、例会安排"
    assert where[("丙" + text)[:12]][-1] == "三、工作要求"


def test_a_bold_warning_sentence_in_a_manual_is_text(tmp_path: Path) -> None:
    doc = Page()
    doc.heading("无线路由器用户手册 User Manual", 20)
    doc.heading("1 安全须知 Safety", 14)
    intro = "使用本产品前请仔细阅读本手册，并妥善保管以备日后查阅。请勿在潮湿或高温环境中使用本设备，以免发生危险。"
    doc.para(intro, 10.5)
    doc.y += 6
    warning = "Do not expose the device to rain or moisture to reduce the risk of fire"
    doc.line(warning, 10.5, True, font="Helvetica-Bold")
    doc.y += 2
    doc.para("请勿将设备暴露在雨水或潮湿环境中，以降低火灾或触电的风险。", 10.5)
    where = sections(doc.save(tmp_path / "manual.pdf"))
    assert where["请勿将设备暴露在雨水或潮"][-1] == "1 安全须知 Safety"
