"""A letter's or a notice's title over its date line is the document's first section, not a nameplate.

A newspaper's nameplate (the paper's name in display type, its ear — a date, an issue — beside or under it) is
page furniture. A one-column notice has the same top: '会议通知' in display type over '会议时间：2024年5月8日…';
read as a nameplate, the title and the date line were dropped, and a user lost the meeting's date. A nameplate
heads a page of columns; these head one column. The PDFs are written by reportlab and read by the real reader.
"""

from __future__ import annotations

import pytest

from qa.formats.pdf import read_pdf
from qa.structure import recover_outline

FIELDS = ["会议地点：行政楼三楼第一会议室", "参会人员：各部门负责人", "联系人：王芳，电话13800001111"]
AGENDA = "会议将通报第一季度经营情况，部署第二季度重点工作，并讨论年中考核方案，请各部门提前准备书面材料。"


@pytest.mark.parametrize(
    "date_line",
    [
        "会议时间：2024年5月8日上午九点",
        "发文日期：2024年3月15日",
        "经研究决定，于2024年5月8日上午九点召开第二季度工作会议。",
    ],
)
def test_a_notice_title_over_its_date_line_is_kept(tmp_path, fonts, date_line) -> None:
    from reportlab.pdfgen import canvas

    path = tmp_path / "notice.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont("STSong-Light", 18)
    c.drawString(72, 770, "会议通知")
    c.setFont("STSong-Light", 11)
    y = 740.0
    for line in [date_line, *FIELDS]:
        c.drawString(72, y, line)
        y -= 22
    c.setFont("STSong-Light", 16)
    c.drawString(72, y - 10, "会议议程")
    c.setFont("STSong-Light", 11)
    y -= 40
    for k in range(0, len(AGENDA), 38):
        c.drawString(72, y, AGENDA[k : k + 38])
        y -= 16
    c.save()

    document = read_pdf(path, path.name)
    assert date_line in document.text.replace("\n", "")
    outline = recover_outline(document)
    heads = [p.text for p in outline.paragraphs if outline.roles.get(p.index) == "heading"]
    assert heads[:1] == ["会议通知"] and "会议议程" in heads


def test_an_article_title_over_a_dated_byline_above_two_columns_is_kept(tmp_path, fonts) -> None:
    """Two columns under the title: a page of columns, but the title is set about twice the body, not a paper's name
    (three to five times it); the title and its byline ('张三 李四 2024年3月15日') are text, not a nameplate."""
    from reportlab.pdfgen import canvas

    path = tmp_path / "article.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont("STSong-Light", 22)
    c.drawString(166, 762, "高校教学改革的实践与思考")
    c.setFont("STSong-Light", 10.5)
    c.drawString(242, 734, "张三 李四 2024年3月15日")
    for x in (78, 313):
        y = 690.0
        c.setFont("STSong-Light", 13)
        c.drawString(x, y, "一、引言" if x == 78 else "二、现状分析")
        c.setFont("STSong-Light", 10.5)
        for _ in range(12):
            y -= 16
            c.drawString(x, y, AGENDA[:19])
    c.save()

    document = read_pdf(path, path.name)
    assert "高校教学改革的实践与思考" in document.text and "张三 李四 2024年3月15日" in document.text
