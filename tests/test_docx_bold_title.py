"""A notice typed in one size: its bold first line is its title, over its bold numbered headings.

A Word notice without heading styles sets '关于开展安全生产检查的通知' in bold at the body's size, then '一、' '二、' in
bold. A lone bold line at the body's size reads as an emphasised phrase, so the title was no heading and the notice's
opening text ('各部门：…') was cited under no heading at all.
"""

from __future__ import annotations

from pathlib import Path

from qa.loading import load_file
from qa.structure import recover_outline

LINES = [
    ("关于开展安全生产检查的通知", True),
    ("各部门、各车间：为切实做好安全生产工作，决定开展一次全面检查，现将有关事项通知如下。", False),
    ("一、检查时间", True),
    ("2026年3月10日至3月28日。", False),
    ("二、检查内容", True),
    ("重点检查消防设施、特种设备和用电安全。", False),
    ("三、工作要求", True),
    ("各部门于3月31日前将自查报告报送安全环保部。", False),
]


def _paths(tmp_path: Path, bold_title: bool) -> dict[str, tuple[str, ...]]:
    import docx
    from docx.shared import Pt

    document = docx.Document()
    for n, (text, bold) in enumerate(LINES):
        run = document.add_paragraph().add_run(text)
        run.font.size = Pt(14)
        run.bold = bold if n else bold_title
    path = tmp_path / "notice.docx"
    document.save(path)
    outline = recover_outline(load_file(path, path.name))
    return {
        outline.paragraphs[k].text[:4]: tuple(section.path) for section in outline.sections for k in section.paragraphs
    }


def test_a_bold_first_line_over_numbered_headings_is_the_title(tmp_path):
    paths = _paths(tmp_path, bold_title=True)
    assert paths["各部门、"] == ("关于开展安全生产检查的通知",)
    assert paths["重点检查"] == ("关于开展安全生产检查的通知", "二、检查内容")


def test_a_first_line_in_body_weight_is_text(tmp_path):
    """Negative: the same first line at the body's weight is not set apart, and stays the notice's text."""
    paths = _paths(tmp_path, bold_title=False)
    assert "关于开展" in paths and paths["关于开展"] == ()
    assert paths["重点检查"] == ("二、检查内容",)
