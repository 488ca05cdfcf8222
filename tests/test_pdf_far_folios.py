"""A page number set far in from the foot, in the forms documents print it: '第3页', 'Page 3', '3/12', '- 3 -'.

A report whose footer sits 0.13-0.15 of the page from the foot (a generous bottom margin, Word's footer distance
raised) puts its folio outside the furniture step's bands; ``qa.formats.pdf.edge_rows`` takes a number alone there at
one height page after page — but only a bare one ('3'): '第3页' stood as a paragraph of its own between the
paragraphs a page break parts, and a search for the page's text found '第2页' in it. Negative: a short numbered line
of the text ('3．强化督促检查') opening a page is text.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.formats.pdf import read_pdf

reportlab = pytest.importorskip("reportlab")
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.ttfonts import TTFont  # noqa: E402

FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
needs_font = pytest.mark.skipif(not FONT.exists(), reason="WenQuanYi Micro Hei not installed")
SENTENCES = [
    "各单位要高度重视安全生产工作，认真落实安全生产责任制。",
    "有关部门应当加强隐患排查治理，及时发现并整改问题。",
    "项目单位要切实做好应急值守工作，确保信息报送及时准确。",
    "监管机构持续优化现场作业管理，形成长效工作机制。",
]
FORMS = ["第{n}页", "Page {n}", "{n}/{N}", "- {n} -"]


def _report(out: Path, form: str) -> Path:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    if "WQY" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("WQY", str(FONT), subfontIndex=0))
    body = ParagraphStyle("b", fontName="WQY", fontSize=11, leading=18, firstLineIndent=22)
    head = ParagraphStyle("h", fontName="WQY", fontSize=15, leading=24)
    story = [Paragraph("安全生产工作情况报告", head)]
    for k in range(1, 6):
        story.append(Paragraph(f"{'一二三四五'[k - 1]}、工作{'一二三四五'[k - 1]}", head))
        story += [Paragraph("".join(SENTENCES) * 3, body) for _ in range(3)]
        if k == 2:
            story += [Paragraph("1．加强组织领导", body), Paragraph("2．压实工作责任", body), PageBreak()]
            story.append(Paragraph("3．强化督促检查", body))
    pages = {"N": 0}

    def folio(canvas, doc) -> None:  # noqa: ANN001
        canvas.setFont("WQY", 9)
        canvas.drawCentredString(A4[0] / 2, 38 * mm, form.format(n=doc.page, N=pages["N"]))

    for _ in range(2):  # the second pass knows the page count
        made = SimpleDocTemplate(str(out), pagesize=A4, topMargin=25 * mm, bottomMargin=52 * mm)
        made.build(list(story), onFirstPage=folio, onLaterPages=folio)
        pages["N"] = made.page
    return out


@needs_font
@pytest.mark.parametrize("form", FORMS)
def test_a_folio_set_far_in_is_not_text(tmp_path: Path, form: str) -> None:
    pdf = _report(tmp_path / "report.pdf", form)
    paragraphs = [p.replace(" ", "") for p in read_pdf(pdf, pdf.name).text.split("\n") if p.strip()]
    folios = {form.format(n=n, N=N).replace(" ", "") for N in range(2, 9) for n in range(1, N + 1)}
    assert not [p for p in paragraphs if p in folios or any(p.endswith(f) for f in folios)], paragraphs
    assert "3．强化督促检查" in paragraphs  # the short numbered line opening page 3 is text
    body = "".join(p for p in paragraphs if "各单位" in p or "机制。" in p)
    assert body.count(SENTENCES[0]) == 3 * 3 * 5, body.count(SENTENCES[0])
