"""A notice signed by office and name with no date ('市长　张三') keeps its signature, filed with the notice.

An exploratory tester's Taipei notice (Big5 .txt) ended '市長　蔣萬安': read as a heading with nothing under it,
the line was in no passage, so searching the mayor's name found nothing. Lines ending a text with no body under
them are text.
"""

from __future__ import annotations

from pathlib import Path

from qa.loading import load_file
from qa.structure import recover_outline

NOTICE = """臺北市政府公告

主旨：公告本市一一四年度社會住宅招租作業相關事項。

壹、申請資格

一、年滿二十歲之中華民國國民，設籍於臺北市者。

二、家庭年所得低於本市百分之五十分位點家庭之平均所得者。

貳、申請期間

自一一四年三月一日起至三月三十一日止，逾期不予受理。

參、租金標準

租金以市場租金之八折計算，低收入戶得再減免百分之三十。

市長　蔣萬安
"""


def _outline(path: Path):
    return recover_outline(load_file(path, path.name))


def _where(outline, needle: str) -> tuple[str, ...] | None:
    for section in outline.sections:
        for k in section.paragraphs:
            if needle in outline.paragraphs[k].text:
                return section.path
    return None


def test_signature_without_date_is_kept_and_filed_with_the_notice(tmp_path: Path) -> None:
    path = tmp_path / "notice.txt"
    path.write_bytes(NOTICE.encode("big5").replace(b"\n", b"\r\n"))
    outline = _outline(path)
    section = _where(outline, "蔣萬安")
    assert section is not None, "the signer's line is in no section: nothing can find it"
    assert not any(level.startswith(("參、", "壹、", "貳、")) for level in section), section


def test_trailing_bare_items_stay_text(tmp_path: Path) -> None:
    """Negative: bare items ending a document (a list of attachments) stay text; no signer, so nothing moves."""
    text = NOTICE.replace("市長　蔣萬安\n", "申請表\n\n承諾書\n")
    path = tmp_path / "notice.txt"
    path.write_text(text, encoding="utf-8")
    outline = _outline(path)
    for needle in ("申請表", "承諾書"):
        assert _where(outline, needle) is not None, needle


def test_heading_over_text_at_the_end_is_still_a_heading(tmp_path: Path) -> None:
    """Negative: a last heading with its text under it keeps heading that text."""
    path = tmp_path / "notice.txt"
    path.write_text(NOTICE.replace("市長　蔣萬安\n", ""), encoding="utf-8")
    section = _where(_outline(path), "租金以市場租金之八折計算")
    assert section is not None and section[-1] == "參、租金標準"


JUDGMENT = """北京市朝阳区人民法院
民事判决书
（2024）京0105民初12345号

原告：张三，男，1980年1月1日出生，住北京市朝阳区。

被告：李四，男，1985年2月2日出生，住北京市海淀区。

原告张三与被告李四民间借贷纠纷一案，本院于2024年3月1日立案后，依法适用简易程序，公开开庭进行了审理。

本院认为，合法的借贷关系受法律保护。被告向原告借款事实清楚，证据充分。

判决如下：

被告李四于本判决生效之日起十日内偿还原告张三借款10万元。

审判员　王五

二〇二四年五月十日

书记员　赵六
"""


def test_judgment_closing_lines_are_text_of_their_own(tmp_path: Path) -> None:
    """The judge, the date and the clerk end a judgment: each a line of its own in a passage, none glued to the next
    as a sentence broken off ('审判员 王五二〇二四年五月十日' was one run-on line, or the lines were in no passage)."""
    path = tmp_path / "judgment.txt"
    path.write_text(JUDGMENT, encoding="utf-8")
    outline = _outline(path)
    for needle in ("审判员", "二〇二四年五月十日", "书记员"):
        assert _where(outline, needle) is not None, needle
    for section in outline.sections:
        for k, join in zip(section.paragraphs, section.joins, strict=True):
            text = outline.paragraphs[k].text
            if text.startswith(("二〇二四年", "书记员")):
                assert not join, f"{text!r} glued to the line above"


def test_post_holders_listed_in_a_section_stay_there(tmp_path: Path) -> None:
    """Negative: '组长：张建国⏎副组长：李明华' under '三、组织领导' is the section's list of post holders,
    not a sign-off,
    and '校长　致辞' names no one."""
    text = (
        "关于开展城乡环境整治工作的实施方案\n\n一、工作目标\n\n全面改善城乡人居环境，提升群众满意度。\n\n"
        "二、主要任务\n\n开展垃圾清运、河道清理和违章建筑整治。\n\n三、组织领导\n\n县政府成立城乡环境整治工作领导小组：\n"
        "组长：张建国\n副组长：李明华\n"
    )
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    outline = _outline(path)
    for needle in ("张建国", "李明华"):
        assert _where(outline, needle)[-1] == "三、组织领导", needle
    from qa.sign_off import signer_line

    assert not signer_line("校长　致辞") and not signer_line("增长　趋势") and signer_line("审判员　王五")
