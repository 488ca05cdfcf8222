"""A notice's or a contract's closing — issuer, date, copy list, signature lines — is the document's, not its last
section's: asked '抄送给了哪些单位', the passage was cited under '三、加强应急值守'. Plain text, Word and PDF alike;
a last section that merely ends in short lines without a date or a signature keeps them."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.loading import load_file
from qa.structure import recover_outline

TITLE = "某某市人民政府办公室关于做好春节期间安全生产工作的通知"
BODY = [
    "各区县人民政府，市政府各部门：",
    "一、提高思想认识",
    "各地各部门要充分认识做好节日期间安全生产工作的重要性，切实加强组织领导。",
    "二、突出重点领域",
    "城区范围内全面禁止燃放烟花爆竹，零售网点一律设在城区以外。",
    "三、加强应急值守",
    "节日期间各单位要严格执行二十四小时值班和领导带班制度，值班电话保持畅通。",
]
CLOSING = [
    "某某市人民政府办公室",
    "2026年1月20日",
    "（此件公开发布）",
    "抄送：市委办公室，市人大常委会办公室，市政协办公室。",
    "某某市人民政府办公室　2026年1月20日印发",
]


def _where(path: Path) -> dict[str, tuple[str, ...]]:
    outline = recover_outline(load_file(path))
    return {outline.paragraphs[i].text: s.path for s in outline.sections for i in s.paragraphs}


def _write(kind: str, folder: Path, lines: list[str]) -> Path:
    if kind == "txt":
        path = folder / "notice.txt"
        path.write_text("\n\n".join([TITLE, *lines]), "utf-8")
    elif kind == "docx":
        import docx
        from docx.shared import Pt

        d = docx.Document()
        run = d.add_paragraph().add_run(TITLE)
        run.bold, run.font.size = True, Pt(18)
        for line in lines:
            d.add_paragraph(line)
        path = folder / "notice.docx"
        d.save(str(path))
    else:
        from reportlab.lib.pagesizes import A4
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont
        from reportlab.pdfgen import canvas

        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
        path = folder / "notice.pdf"
        c = canvas.Canvas(str(path), pagesize=A4)
        c.setFont("STSong-Light", 18)
        c.drawString(60, 780, TITLE)
        y = 740
        for line in lines:
            c.setFont("STSong-Light", 12)
            c.drawString(60, y, line)
            y -= 26
        c.save()
    return path


@pytest.mark.parametrize("kind", ["txt", "docx", "pdf"])
def test_a_notices_closing_is_filed_with_the_notice_not_its_last_section(tmp_path, kind):
    where = _where(_write(kind, tmp_path, BODY + CLOSING))
    last = where["节日期间各单位要严格执行二十四小时值班和领导带班制度，值班电话保持畅通。"]
    assert last[-1] == "三、加强应急值守"
    for line in ("2026年1月20日", "抄送：市委办公室，市人大常委会办公室，市政协办公室。"):
        assert where[line] == last[:-1], (line, where[line])


def test_short_lines_without_a_date_or_signature_stay_in_their_section(tmp_path):
    where = _where(_write("docx", tmp_path, [*BODY, "值班电话：12345", "传真：67890"]))
    assert where["传真：67890"][-1] == "三、加强应急值守"


def test_a_contracts_signature_lines_are_the_contracts(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("房屋租赁合同", style="Title")
    for line in (
        "第一条 租赁期限",
        "租赁期共十二个月。",
        "第二条 其他",
        "本合同一式两份，双方各执一份，自签字之日起生效。",
        "甲方（签字）：张明",
        "乙方（签字）：李华",
        "签订日期：2024年3月1日",
    ):
        d.add_paragraph(line)
    d.save(str(tmp_path / "lease.docx"))
    where = _where(tmp_path / "lease.docx")
    assert where["本合同一式两份，双方各执一份，自签字之日起生效。"] == ("房屋租赁合同", "第二条 其他")
    assert where["乙方（签字）：李华"] == ("房屋租赁合同",)
    assert where["签订日期：2024年3月1日"] == ("房屋租赁合同",)


def test_a_last_sections_own_dates_and_contacts_stay_in_it(tmp_path):
    """A deadline, a meeting's time and a contact line are the last section's facts, not the notice's closing
    (a reviewer found them moved to the root); only the issuer over the date moves."""
    import docx

    d = docx.Document()
    for line in (
        "关于举办春季运动会的通知",
        "一、比赛时间",
        "2026年4月10日至4月12日。",
        "二、比赛项目",
        "田径、篮球、排球。",
        "三、报名方式",
        "请各学院于3月30日前将报名表报送体育部。",
        "报名截止日期：2026年3月20日",
        "时间：2026年3月25日",
        "联系人：王老师",
        "联系电话：010-12345678",
        "某某大学体育部",
        "2026年3月1日",
    ):
        d.add_paragraph(line)
    d.save(str(tmp_path / "sports.docx"))
    where = _where(tmp_path / "sports.docx")
    for line in ("报名截止日期：2026年3月20日", "时间：2026年3月25日", "联系人：王老师", "联系电话：010-12345678"):
        assert where[line][-1] == "三、报名方式", (line, where[line])
    assert "三、报名方式" not in where["2026年3月1日"]


def test_a_bare_date_ending_the_last_section_stays(tmp_path):
    import docx

    d = docx.Document()
    lines = ("一、报名", "报名表见附件。", "二、初赛", "初赛在线上进行。", "三、决赛", "决赛时间：", "2026年5月1日")
    for line in lines:
        d.add_paragraph(line)
    d.save(str(tmp_path / "contest.docx"))
    assert _where(tmp_path / "contest.docx")["2026年5月1日"][-1] == "三、决赛"
