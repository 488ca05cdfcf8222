"""Official documents, notices and contracts whose numbered headings are set in the body's own type: the PDF reader
files each paragraph under its numbered heading ('一、' › '（一）', '第三条'), ranked by the numbering as the DOCX
reader ranks them (qa.formats.pdf.numbered). PDFs written here by reportlab (and one by LibreOffice from a DOCX),
read by the real reader and structure stage; layouts (margins, sizes, indents) differ from the ones the rule was
written on."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from qa.loading import load_file
from qa.structure import recover_outline

HEI = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")


def _sections(path: Path) -> dict[str, tuple[str, ...]]:
    """Each paragraph's first 12 characters → the section path it is filed under."""
    outline = recover_outline(load_file(path))
    return {outline.paragraphs[i].text[:12]: s.path for s in outline.sections for i in s.paragraphs}


def _build(path: Path, story: list, margin: float) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    SimpleDocTemplate(str(path), pagesize=A4, leftMargin=margin, rightMargin=margin).build(story)


def _styles(body_size: float, heading_face: str = "STSong-Light"):  # noqa: ANN202 - reportlab styles
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.styles import ParagraphStyle

    title = ParagraphStyle(
        "t",
        fontName="STSong-Light",
        fontSize=body_size + 6,
        leading=body_size * 2.4,
        alignment=TA_CENTER,
        spaceAfter=10,
    )
    body = ParagraphStyle(
        "b",
        fontName="STSong-Light",
        fontSize=body_size,
        leading=body_size * 1.7,
        firstLineIndent=2 * body_size,
        wordWrap="CJK",
    )
    head = ParagraphStyle("h", parent=body, fontName=heading_face)
    return title, body, head


NOTICE = [
    ("title", "关于开展2025年防汛安全检查工作的通知"),
    ("plain", "各乡镇人民政府，县直有关单位："),
    (
        "body",
        "为切实做好今年汛期安全防范工作，确保人民群众生命财产安全，经研究，现就开展防汛安全检查有关事项通知如下：",
    ),
    ("head", "一、检查范围"),
    ("body", "全县所有水库、山塘、河道堤防、在建涉水工程以及地质灾害隐患点，均纳入本次检查范围，不留死角。"),
    ("sub", "（一）水库山塘"),
    ("body", "重点检查大坝安全监测设施运行情况，溢洪道是否畅通，防汛物资储备是否充足。"),
    ("item", "1．检查人员须逐库填写检查表，发现问题当场拍照留存。"),
    ("item", "2．对病险水库一律空库运行，并在醒目位置设置警示标志，严禁擅自蓄水。"),
    ("sub", "（二）在建工程"),
    ("body", "施工单位要落实度汛方案，临时围堰和基坑必须有专人值守，人员设备提前撤离到安全地带。"),
    ("head", "二、时间安排"),
    ("body", "检查工作自5月10日开始，至5月31日结束，各单位自查与县级抽查相结合，抽查比例不低于三成。"),
    ("head", "三、工作要求"),
    ("body", "各单位主要负责人要亲自部署，检查结果于6月5日前报县防汛办，逾期未报的予以通报批评。"),
]


def _notice_story(body_size: float, heading_face: str = "STSong-Light") -> list:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    title, body, head = _styles(body_size, heading_face)
    plain = ParagraphStyle("p", parent=body, firstLineIndent=0)
    style = {"title": title, "plain": plain, "body": body, "head": head, "sub": body, "item": body}
    return [Paragraph(text, style[kind]) for kind, text in NOTICE]


def _expect_notice(sections: dict[str, tuple[str, ...]]) -> None:
    title = "关于开展2025年防汛安全检查工作的通知"
    assert sections["全县所有水库、山塘、河道"] == (title, "一、检查范围")
    assert sections["重点检查大坝安全监测设施"] == (title, "一、检查范围", "（一）水库山塘")
    # a numbered point that runs on as a sentence is an item of its section's text, not a heading
    assert sections["1．检查人员须逐库填写检"] == (title, "一、检查范围", "（一）水库山塘")
    assert sections["2．对病险水库一律空库运"] == (title, "一、检查范围", "（一）水库山塘")
    assert sections["施工单位要落实度汛方案，"] == (title, "一、检查范围", "（二）在建工程")
    assert sections["检查工作自5月10日开始"] == (title, "二、时间安排")
    assert sections["各单位主要负责人要亲自部"] == (title, "三、工作要求")
    assert sections["为切实做好今年汛期安全防"] == (title,)


@pytest.mark.parametrize(("body_size", "margin"), [(12, 72), (15, 90)])
def test_a_notice_typed_in_one_face_files_its_text_under_its_numbered_heads(tmp_path, fonts, body_size, margin) -> None:
    path = tmp_path / "notice.pdf"
    _build(path, _notice_story(body_size), margin)
    _expect_notice(_sections(path))


def test_an_official_document_with_heiti_level_one_and_body_type_level_two_heads(tmp_path, fonts) -> None:
    """GB/T 9704: all 16 pt; '一、' in 黑体 (read as bold), '（一）' in the body's face."""
    if not HEI.exists():
        pytest.skip(f"the CJK font {HEI} is not installed (Debian: fonts-wqy-microhei)")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("NoticeHei", str(HEI)))
    path = tmp_path / "gbt9704.pdf"
    _build(path, _notice_story(16, heading_face="NoticeHei"), 79)
    _expect_notice(_sections(path))


def test_a_contracts_clauses_set_as_body_text_are_sections(tmp_path, fonts) -> None:
    """'第一条　车辆基本情况' in the clauses' own type, flush left like them, no space between: each clause number
    opens a section, and the clause text before it (ending short after its full stop) is not run into it."""
    from reportlab.pdfgen import canvas

    path = tmp_path / "contract.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont("STSong-Light", 20)
    c.drawCentredString(297, 780, "车辆买卖合同")
    size, y, per_line = 11, 740, 38  # a measure of 38 characters, lines 2 sizes apart
    c.setFont("STSong-Light", size)
    clauses = [
        (
            "第一条",
            "车辆基本情况",
            "甲方将其所有的小型轿车一辆出售给乙方，车辆识别代号、发动机号码及机动车登记证书号码详见本合同附件，"
            "甲方保证该车辆权属清楚，无抵押、查封等权利限制。",
        ),
        (
            "第二条",
            "价款",
            "车辆成交价为人民币八万元整，乙方于签约当日以银行转账方式一次付清，甲方收款后出具收款凭证。",
        ),
        (
            "第三条",
            "交付",
            "甲方于收到全部价款后三日内交付车辆及全部随车资料，并协助乙方办理过户登记手续，过户费用由乙方承担。",
        ),
        (
            "第四条",
            "违约责任",
            "任何一方违约的，应向守约方支付成交价百分之二十的违约金；违约金不足以弥补损失的，违约方还应赔偿。",
        ),
    ]
    lines = ["甲乙双方经平等协商，就车辆买卖事宜订立本合同，共同遵守。"]
    for number, title, text in clauses:
        lines.append(f"{number}\u3000{title}")
        lines += [text[k : k + per_line] for k in range(0, len(text), per_line)]
    for line in lines:
        y -= 2 * size
        c.drawString(90, y, line)
    c.showPage()
    c.save()
    sections = _sections(path)
    assert sections["甲方将其所有的小型轿车一"] == ("车辆买卖合同", "第一条 车辆基本情况")
    assert sections["车辆成交价为人民币八万元"] == ("车辆买卖合同", "第二条 价款")
    assert sections["任何一方违约的，应向守约"] == ("车辆买卖合同", "第四条 违约责任")
    assert sections["甲乙双方经平等协商，就车"] == ("车辆买卖合同",)


def test_numbered_steps_in_body_type_under_numbered_section_heads_stay_text(tmp_path, fonts) -> None:
    """A manual's sections are headed in display type ('2.1 安装'); its steps '1. 打开设置' in body type, numbered
    shallower than those heads, are its text — not sections."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    _, body, _ = _styles(11)
    h2 = ParagraphStyle("h2", fontName="STSong-Light", fontSize=15, leading=22, spaceBefore=8, spaceAfter=4)
    story = []
    for n, name in ((1, "安装"), (2, "配置"), (3, "卸载")):
        story.append(Paragraph(f"2.{n} {name}", h2))
        story.append(Paragraph(f"本节说明如何{name}本软件，操作前请关闭其他正在运行的程序并保存好工作文件。", body))
        for k, step in enumerate(("打开设置", "选择应用", "确认操作"), 1):
            story.append(Paragraph(f"{k}. {step}", body))
            text = f"在{step}界面中按提示完成{name}，完成后系统会在屏幕下方给出提示信息，请仔细核对各项设置是否正确，"
            story.append(Paragraph(text + "如有错误可以返回上一步重新操作。", body))
    path = tmp_path / "manual.pdf"
    _build(path, story, 72)
    outline = recover_outline(load_file(path))
    assert [s.path[-1] for s in outline.sections if s.path] == ["2.1 安装", "2.2 配置", "2.3 卸载"]


def test_a_libreoffice_printed_notice_files_its_text_under_its_numbered_heads(tmp_path) -> None:
    """The same notice written by python-docx in one face (no heading styles) and printed by LibreOffice."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed (Debian: libreoffice-writer-nogui)")
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    doc = Document()
    for kind, text in NOTICE:
        para = doc.add_paragraph()
        run = para.add_run(text)
        run.font.size = Pt(18 if kind == "title" else 14)
        if kind == "title":
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif kind != "plain":
            para.paragraph_format.first_line_indent = Pt(28)
    source = tmp_path / "notice.docx"
    doc.save(str(source))
    profile = (tmp_path / "profile").as_uri()
    cmd = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", "pdf"]
    subprocess.run(
        [*cmd, "--outdir", str(tmp_path / "out"), str(source)], check=False, capture_output=True, timeout=180
    )
    printed = tmp_path / "out" / "notice.pdf"
    if not printed.exists():
        pytest.fail("soffice did not print the notice")
    _expect_notice(_sections(printed))
