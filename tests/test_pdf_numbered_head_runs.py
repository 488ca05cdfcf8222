"""Numbered headings whose type does not say their level, in PDFs written by reportlab.

- '二、' set a little smaller than '一、' (16 pt after 18 pt) is still its sibling: the count runs on in one
  numbering family (qa.formats.pdf.sequence.siblings_by_count). Negative: '（一）' set smaller under '一、' stays
  nested under it.
- A 公文 (GB/T 9704) sets '（一）' at the body's size in another face and may close it with a full stop; alone on its
  line over its text, under '一、' heads, it heads that text (qa.formats.pdf.numbered._stopped_heads). Negatives: a
  point that runs on as a sentence ('（一）各单位要认真落实，加强组织领导。') is text, a document whose only
  numbered lines end in a full stop (a list of points) gets no headings from them, and neither do such points set
  one under another under '一、' heads with no paragraph of their own (an exam's last questions are the like case,
  tests/test_pdf_exam_papers.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.loading import load_file
from qa.structure import recover_outline

KAI = Path("/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf")
FILL = "各地各部门要切实提高政治站位，压实工作责任，确保各项措施落地见效。"


def _sections(path: Path) -> dict[str, tuple[str, ...]]:
    """Each paragraph's first 10 characters → the section path it is filed under."""
    outline = recover_outline(load_file(path))
    return {outline.paragraphs[i].text[:10]: s.path for s in outline.sections for i in s.paragraphs}


@pytest.mark.parametrize(("first", "second"), [(18, 16), (20, 15)])
def test_a_heading_numbered_next_is_a_sibling_whatever_its_size(tmp_path, fonts, first, second) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "report.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("STSong-Light", first)
    c.drawString(72, 770, "一、设备清单说明")
    c.setFont("STSong-Light", 11)
    c.drawString(72, 740, "本附录列出实验室全部设备，详见下页的参数表格。")
    c.setFont("STSong-Light", second)
    c.drawString(72, 700, "（一）采购来源")
    c.setFont("STSong-Light", 11)
    c.drawString(72, 670, "全部设备经公开招标采购，供应商名单见附件。")
    c.showPage()
    c.setFont("STSong-Light", second)
    c.drawString(72, 770, "二、主要设备参数")
    c.setFont("STSong-Light", 11)
    c.drawString(72, 740, "高效液相色谱仪的检测波长范围为190至800纳米。")
    c.drawString(72, 720, "气相色谱质谱联用仪的质量范围为1.5至1090原子质量单位。")
    c.showPage()
    c.save()
    sections = _sections(path)
    assert sections["高效液相色谱仪的检测"] == ("二、主要设备参数",)
    assert sections["本附录列出实验室全部"] == ("一、设备清单说明",)
    assert sections["全部设备经公开招标采"] == ("一、设备清单说明", "（一）采购来源")  # another family: nested


def _gongwen(path: Path, points: list[tuple[str, str]], level_one: bool = True) -> None:
    """A 公文: title 22 pt, everything else 16 pt; '一、' heads in the body face, ``points`` in 楷体."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(TTFont("GongwenKai", str(KAI)))
    title = ParagraphStyle("t", fontName="STSong-Light", fontSize=22, leading=34, alignment=1, spaceAfter=20)
    body = ParagraphStyle("b", fontName="STSong-Light", fontSize=16, leading=28, firstLineIndent=32, wordWrap="CJK")
    kai = ParagraphStyle("k", parent=body, fontName="GongwenKai")
    story = [Paragraph("某市人民政府关于进一步优化营商环境的实施意见", title)]
    story.append(Paragraph("为深入贯彻落实国家关于优化营商环境的决策部署，现提出如下意见。", body))
    for n, (head, text) in enumerate(points):
        if level_one and n % 2 == 0:
            story.append(Paragraph(("一、提升政务服务效能", "二、降低企业经营成本", "三、强化要素保障")[n // 2], body))
        story.append(Paragraph(head, kai))
        story.append(Paragraph(text + FILL, body))
    SimpleDocTemplate(str(path), pagesize=A4, leftMargin=79, rightMargin=74, topMargin=104).build(story)


POINTS = [
    ("（一）推进“一网通办”。", "省级政务服务事项网上可办率达到98%以上。"),
    ("（二）压缩审批时限。", "社会投资简易低风险项目审批时间压缩至15个工作日以内。"),
    ("（一）减轻企业税费负担。", "小微企业年应纳税所得额不超过300万元的部分减半征收。"),
    ("（二）各单位要认真落实，加强组织领导。", "一般工商业电价每千瓦时降低2分钱。"),
]


def test_a_gongwen_second_level_head_closed_by_a_full_stop_heads_its_text(tmp_path, fonts) -> None:
    if not KAI.exists():
        pytest.skip(f"the 楷体 font {KAI} is not installed (Debian: fonts-arphic-gkai00mp)")
    path = tmp_path / "gongwen.pdf"
    _gongwen(path, POINTS)
    sections = _sections(path)
    title = "某市人民政府关于进一步优化营商环境的实施意见"
    assert sections["省级政务服务事项网上"] == (title, "一、提升政务服务效能", "（一）推进“一网通办”。")
    assert sections["社会投资简易低风险项"] == (title, "一、提升政务服务效能", "（二）压缩审批时限。")
    assert sections["小微企业年应纳税所得"] == (title, "二、降低企业经营成本", "（一）减轻企业税费负担。")
    # a point written as a sentence (a comma, then a full stop) is text of the section it stands in
    assert sections["（二）各单位要认真落"] == (title, "二、降低企业经营成本", "（一）减轻企业税费负担。")


def test_points_closed_by_a_full_stop_with_no_numbered_heads_over_them_are_text(tmp_path, fonts) -> None:
    if not KAI.exists():
        pytest.skip(f"the 楷体 font {KAI} is not installed (Debian: fonts-arphic-gkai00mp)")
    path = tmp_path / "points.pdf"
    _gongwen(path, POINTS[:3], level_one=False)
    outline = recover_outline(load_file(path))
    assert [s.path for s in outline.sections if s.path] == [("某市人民政府关于进一步优化营商环境的实施意见",)]


def test_points_listed_one_under_another_under_numbered_heads_are_text(tmp_path, fonts) -> None:
    """Under '一、' heads, '（一）…。' points set one per line with no paragraph of their own (a list of measures,
    not an outline's level): none of them heads a section, the text after the list stays under its '一、'."""
    if not KAI.exists():
        pytest.skip(f"the 楷体 font {KAI} is not installed (Debian: fonts-arphic-gkai00mp)")
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(TTFont("GongwenKai", str(KAI)))
    title = ParagraphStyle("t", fontName="STSong-Light", fontSize=22, leading=34, alignment=1, spaceAfter=20)
    body = ParagraphStyle("b", fontName="STSong-Light", fontSize=16, leading=28, firstLineIndent=32, wordWrap="CJK")
    kai = ParagraphStyle("k", parent=body, fontName="GongwenKai")
    story = [Paragraph("某市人民政府关于进一步优化营商环境的实施意见", title)]
    for head, points, after in [
        ("一、提升政务服务效能", ["（一）推进“一网通办”。", "（二）压缩审批时限。", "（三）规范中介服务。"], "省级"),
        ("二、降低企业经营成本", ["（一）减轻企业税费负担。", "（二）降低用电成本。"], "小微企业年应"),
        ("三、强化要素保障", ["（一）保障用地需求。", "（二）加强人才支撑。"], "新增建设用地"),
    ]:
        story.append(Paragraph(head, body))
        story += [Paragraph(p, kai) for p in points]
        story.append(Paragraph(after + "事项均按上述措施办理。" + FILL, body))
    path = tmp_path / "listed.pdf"
    SimpleDocTemplate(str(path), pagesize=A4, leftMargin=79, rightMargin=74, topMargin=104).build(story)
    sections = _sections(path)
    title_text = "某市人民政府关于进一步优化营商环境的实施意见"
    assert sections["省级事项均按上述措施"] == (title_text, "一、提升政务服务效能")
    assert sections["小微企业年应事项均按"] == (title_text, "二、降低企业经营成本")
    assert sections["（三）规范中介服务。"] == (title_text, "一、提升政务服务效能")
