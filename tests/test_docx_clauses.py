"""A contract's or a regulation's clauses '第一条　房屋基本情况', unstyled, head sections (under '第一章').

The reader's ranking of unstyled numbered headings did not know 条, so a Word contract was one section. A
clause whose text follows on the same line ('第一条　为了规范…，制定本办法。') is a sentence, not a heading.
"""

from __future__ import annotations

from pathlib import Path

from qa.loading import load_file
from qa.structure import recover_outline


def _sections(path: Path) -> list[tuple[tuple[str, ...], list[str]]]:
    outline = recover_outline(load_file(path))
    return [(s.path, [outline.paragraphs[i].text for i in s.paragraphs]) for s in outline.sections]


def test_unstyled_clauses_head_sections_and_nest_under_chapters(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("第一章 总则")
    d.add_paragraph("第一条 目的")
    d.add_paragraph("为规范公司差旅费管理，制定本办法。")
    d.add_paragraph("第二条 适用范围")
    d.add_paragraph("本办法适用于公司全体员工。")
    d.add_paragraph("第二章 报销标准")
    d.add_paragraph("第三条 住宿")
    d.add_paragraph("一线城市每晚不超过六百元。")
    d.save(str(tmp_path / "rules.docx"))
    assert _sections(tmp_path / "rules.docx") == [
        (("第一章 总则", "第一条 目的"), ["为规范公司差旅费管理，制定本办法。"]),
        (("第一章 总则", "第二条 适用范围"), ["本办法适用于公司全体员工。"]),
        (("第二章 报销标准", "第三条 住宿"), ["一线城市每晚不超过六百元。"]),
    ]


def test_bold_clauses_under_a_large_title_and_clauses_with_their_text_on_the_line(tmp_path):
    import docx
    from docx.shared import Pt

    d = docx.Document()
    title = d.add_paragraph().add_run("房屋租赁合同")
    title.bold, title.font.size = True, Pt(20)
    d.add_paragraph("出租方（甲方）：张明")
    for head, body in (
        ("第一条\u3000房屋基本情况", "甲方将位于北京市海淀区的住房一套出租给乙方，建筑面积八十平方米。"),
        ("第二条\u3000租赁期限", "租赁期共十二个月，自2024年3月1日起至2025年2月28日止。"),
    ):
        d.add_paragraph().add_run(head).bold = True
        d.add_paragraph(body)
    d.add_paragraph("第三条\u3000本合同自双方签字之日起生效，一式两份。")
    d.save(str(tmp_path / "contract.docx"))
    assert _sections(tmp_path / "contract.docx") == [
        (("房屋租赁合同",), ["出租方（甲方）：张明"]),
        (("房屋租赁合同", "第一条 房屋基本情况"), ["甲方将位于北京市海淀区的住房一套出租给乙方，建筑面积八十平方米。"]),
        (
            ("房屋租赁合同", "第二条 租赁期限"),
            ["租赁期共十二个月，自2024年3月1日起至2025年2月28日止。", "第三条 本合同自双方签字之日起生效，一式两份。"],
        ),
    ]


def test_clauses_numbered_in_the_thousands_head_sections(tmp_path):
    """The Civil Code runs to 第一千二百六十条: a clause number with 千 is a clause like any other."""
    import docx

    d = docx.Document()
    d.add_paragraph("第七章 附则")
    d.add_paragraph("第一千二百五十九条 用语含义")
    d.add_paragraph("民法所称的“以上”“以下”“以内”“届满”，包括本数。")
    d.add_paragraph("第一千二百六十条 施行日期")
    d.add_paragraph("本法自2021年1月1日起施行。")
    d.save(str(tmp_path / "code.docx"))
    assert _sections(tmp_path / "code.docx") == [
        (("第七章 附则", "第一千二百五十九条 用语含义"), ["民法所称的“以上”“以下”“以内”“届满”，包括本数。"]),
        (("第七章 附则", "第一千二百六十条 施行日期"), ["本法自2021年1月1日起施行。"]),
    ]
