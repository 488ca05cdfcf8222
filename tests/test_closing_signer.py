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
