"""Two short numbered heads that end alike are two lines, not a measure narrowed beside a photo (reportlab).

A 公文 sets '二、工作要求' over '（一）抓落实' at the body's size and indent; the two lines start and end at the same
x, as text run round a photo does, and were joined into one paragraph '二、工作要求（一）抓落实': the text under
'（一）' was cited under neither head. Negative: half-length lines beside a photo still run on, also where a line
opens with a figure ('1.5万…').
"""

from __future__ import annotations

from pathlib import Path

from qa.loading import load_file
from qa.structure import recover_outline

FILL = "各地各部门要切实提高政治站位，压实工作责任，确保各项措施落地见效。"


def _gongwen(path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    title = ParagraphStyle("t", fontName="STSong-Light", fontSize=22, leading=34, alignment=1, spaceAfter=20)
    body = ParagraphStyle("b", fontName="STSong-Light", fontSize=16, leading=28, firstLineIndent=32, wordWrap="CJK")
    story = [Paragraph("某市人民政府关于进一步优化营商环境的实施意见", title)]
    story.append(Paragraph("为深入贯彻落实国家关于优化营商环境的决策部署，现提出如下意见。", body))
    story += [Paragraph("一、工作目标", body), Paragraph("到2027年，全市营商环境主要指标进入全省前列。" + FILL, body)]
    story += [Paragraph("二、工作要求", body), Paragraph("（一）抓落实", body)]
    story.append(Paragraph("各单位要把优化营商环境作为一把手工程。" + FILL, body))
    story += [Paragraph("（二）强监督", body), Paragraph("市政府督查室要定期通报各单位工作进展情况。" + FILL, body)]
    SimpleDocTemplate(str(path), pagesize=A4, leftMargin=79, rightMargin=74, topMargin=104).build(story)


def test_two_numbered_heads_ending_alike_are_not_joined(tmp_path, fonts) -> None:
    path = tmp_path / "notice.pdf"
    _gongwen(path)
    outline = recover_outline(load_file(path))
    texts = [p.text for p in outline.paragraphs]
    assert "二、工作要求" in texts and "（一）抓落实" in texts
    path_of = {outline.paragraphs[i].text: s.path for s in outline.sections for i in s.paragraphs}
    assert next(p for t, p in path_of.items() if t.startswith("各单位要把优化营商"))[-1] == "（一）抓落实"


def test_lines_narrowed_beside_a_photo_still_run_on(tmp_path, fonts) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "page.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("STSong-Light", 20)
    c.drawString(72, 780, "新区建设提速增效")
    c.setFont("STSong-Light", 11)
    lines = [  # ten ems each: a measure narrowed beside a photo at the right
        "今年以来累计完成投资",
        "1.5万平方米的厂房已经",
        "建成投用吸引多家企业",
        "入驻，带动就业持续增长。",
    ]
    y = 740
    for text in lines:
        c.drawString(72, y, text)
        y -= 15
    c.rect(72 + 11 * 12, 690, 200, 70)
    for text in [FILL, "新区管委会表示将继续优化服务，推动更多项目早日落地投产，为全市发展注入新的动力。"]:
        c.drawString(72, y - 10, text)
        y -= 25
    c.showPage()
    c.save()
    texts = [p.text for p in recover_outline(load_file(path)).paragraphs]
    assert any(t.startswith("今年以来累计完成投资1.5万平方米的厂房已经建成投用") for t in texts), texts


def test_a_numbered_head_under_a_full_line_of_facts_opens_its_own_paragraph(tmp_path, fonts) -> None:
    """Meeting minutes: facts centred under the title, the last one set nearly full; '一、会议议定事项' right under it
    at the 公文's indent read as the fact's wrapped line ('…负责同志一、会议议定事项')."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    path = tmp_path / "minutes.pdf"
    title = ParagraphStyle("t", fontName="STSong-Light", fontSize=22, leading=34, alignment=1, spaceAfter=20)
    body = ParagraphStyle("b", fontName="STSong-Light", fontSize=16, leading=28, firstLineIndent=32, wordWrap="CJK")
    facts = ParagraphStyle("f", parent=body, firstLineIndent=0, alignment=1)
    story = [Paragraph("市城市管理工作专题会议纪要", title)]
    for text in ["时间：2026年3月5日上午9:00", "地点：市政府三楼第一会议室", "主持人：王副市长"]:
        story.append(Paragraph(text, facts))
    story.append(Paragraph("参会人员：市城管局、市住建局、市交通局负责同志", facts))
    for head in ["一、会议议定事项", "二、下一步工作", "三、其他事项"]:
        story += [Paragraph(head, body), Paragraph(f"会议就{head[2:]}作出安排。" + FILL, body)]
    SimpleDocTemplate(str(path), pagesize=A4, leftMargin=79, rightMargin=74, topMargin=104).build(story)
    texts = [p.text for p in recover_outline(load_file(path)).paragraphs]
    assert "参会人员：市城管局、市住建局、市交通局负责同志" in texts and "一、会议议定事项" in texts, texts
