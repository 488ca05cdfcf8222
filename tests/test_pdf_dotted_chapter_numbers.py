"""A document numbered by hand with a dot after its chapter numbers ('1. 总则' over '1.1 适用范围', how a Word user
types them in Normal paragraphs) nests by its numbering as one without the dot ('1 总则') does
(qa.formats.pdf.standards). Before, '1.' stopped the decimal outline: every head was text and the whole document
one section under its title. A '1.' list of steps in a chapter's text stays text.

Made by reportlab, heads at the body's size (nothing in the type marks them), as ``test_pdf_standards`` sets them.
"""

from __future__ import annotations

from pathlib import Path

from qa.loading import load_file
from qa.structure import recover_outline
from tests.test_pdf_standards import _reportlab_pdf
from tests.test_pdf_standards_manuals import _path_of

TITLE = "绿洲小区物业管理办法"


def _rules(steps: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [
        ("cover", TITLE),
        ("head", "1. 总则"),
        ("text", "本办法适用于绿洲小区全体业主和物业使用人，由业主大会讨论通过后施行。"),
        ("head", "1.1 适用范围"),
        ("text", "本办法适用于小区内住宅、车库及公共区域的使用、维护和管理。"),
        ("head", "1.2 管理单位"),
        ("text", "小区由恒安物业服务有限公司负责日常管理，服务电话为零五七一八八八八六六六六。"),
        ("head", "2. 物业费"),
        ("text", "住宅物业费为每月每平方米二元五角，按季度缴纳，缴费方式如下："),
        *steps,
        ("head", "2.1 滞纳金"),
        ("text", "逾期缴纳物业费的，每日按欠费金额的千分之三收取滞纳金。"),
        ("head", "3. 装修管理"),
        ("text", "装修施工时间为工作日上午八点至十二点、下午两点至六点，周末禁止施工。"),
    ]


def test_chapters_numbered_with_a_dot_nest_their_clauses(tmp_path: Path) -> None:
    outline = recover_outline(load_file(_reportlab_pdf(tmp_path / "rules.pdf", _rules([]))))
    assert _path_of(outline, "本办法适用于绿洲") == [TITLE, "1. 总则"]
    assert _path_of(outline, "本办法适用于小区内") == [TITLE, "1. 总则", "1.1 适用范围"]
    assert _path_of(outline, "小区由恒安") == [TITLE, "1. 总则", "1.2 管理单位"]
    assert _path_of(outline, "住宅物业费") == [TITLE, "2. 物业费"]
    assert _path_of(outline, "逾期缴纳") == [TITLE, "2. 物业费", "2.1 滞纳金"]
    assert _path_of(outline, "装修施工时间") == [TITLE, "3. 装修管理"]


def test_a_dotted_list_of_steps_in_a_chapter_stays_text(tmp_path: Path) -> None:
    steps = [("text", t) for t in ("1. 前往物业服务中心", "2. 使用手机银行转账", "3. 委托银行代扣")]
    outline = recover_outline(load_file(_reportlab_pdf(tmp_path / "rules.pdf", _rules(steps))))
    assert _path_of(outline, "2. 使用手机银行转账") == [TITLE, "2. 物业费"]
    assert _path_of(outline, "3. 委托银行代扣") == [TITLE, "2. 物业费"]
    assert _path_of(outline, "装修施工时间") == [TITLE, "3. 装修管理"]


def test_a_dotted_list_alone_is_no_outline(tmp_path: Path) -> None:
    """Three '1.' items and no clause under any of them: a list in the text, under the document's title."""
    lines = [("cover", "业主大会通知"), ("text", "定于本月二十日召开业主大会，议程如下：")]
    lines += [("text", t) for t in ("1. 审议物业服务合同", "2. 选举业主委员会", "3. 表决维修资金使用方案")]
    lines += [("text", "请各位业主准时参加，不能到会的可书面委托他人代为表决。")]
    outline = recover_outline(load_file(_reportlab_pdf(tmp_path / "notice.pdf", lines)))
    assert _path_of(outline, "3. 表决维修资金") == ["业主大会通知"]
    assert _path_of(outline, "请各位业主") == ["业主大会通知"]
