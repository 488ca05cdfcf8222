"""A bilingual manual typed by hand in Word: each head is a bold, larger English line over its Chinese line. The
English line headed nothing (its Chinese twin followed), so it was read as text: '2. Product Specifications' as
the last line of '1. 安全须知', '3.2 How to replace' at the end of 3.1's passage, the English title as '(no
heading)'. Both lines are the head; the text is filed under the Chinese one, as the PDF of the same file reads."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.shared import Pt

from qa.loading import load_file
from qa.structure import recover_outline


def _head(d, text: str, size: int) -> None:  # noqa: ANN001 - python-docx Document
    run = d.add_paragraph().add_run(text)
    run.bold, run.font.size = True, Pt(size)


def _sections(path: Path) -> dict[tuple[str, ...], list[str]]:
    outline = recover_outline(load_file(path))
    return {s.path: [outline.paragraphs[i].text for i in s.paragraphs] for s in outline.sections}


def _manual(path: Path, heads: list[tuple[str, str, int]]) -> Path:
    d = docx.Document()
    d.styles["Normal"].font.size = Pt(10.5)
    for english, chinese, size in heads:
        if english:
            _head(d, english, size)
        if chinese:
            _head(d, chinese, size)
        if size < 20:
            d.add_paragraph(f"This part covers {english or chinese}.")
            d.add_paragraph(f"本节说明{chinese or english}的要求。")
    d.save(path)
    return path


def test_the_english_line_of_a_bilingual_head_is_a_head_not_text(tmp_path):
    heads = [
        ("SmartAir X3 Air Purifier — User Manual", "SmartAir X3 空气净化器 使用说明书", 20),
        ("1. Safety Instructions", "1. 安全须知", 14),
        ("2. Product Specifications", "2. 产品规格", 14),
        ("3.1 When to replace", "3.1 更换时机", 12),
        ("3.2 How to replace", "3.2 更换方法", 12),
    ]
    sections = _sections(_manual(tmp_path / "manual.docx", heads))
    text = [line for lines in sections.values() for line in lines]
    assert not any(t in text for t in ("2. Product Specifications", "3.2 How to replace", heads[0][0]))
    safety = next(lines for path, lines in sections.items() if path[-1] == "1. 安全须知")
    assert safety == ["This part covers 1. Safety Instructions.", "本节说明1. 安全须知的要求。"]
    assert ("SmartAir X3 空气净化器 使用说明书", "2. 产品规格") in sections


def test_lines_in_one_language_or_of_other_numbers_stay_as_they_were(tmp_path):
    d = docx.Document()
    d.styles["Normal"].font.size = Pt(10.5)
    _head(d, "1. Safety Instructions", 14)
    _head(d, "2. 产品规格", 14)  # another head's number: the English line over it heads nothing
    d.add_paragraph("额定功率为45 W。")
    _head(d, "3. 滤网更换", 14)
    d.add_paragraph("每6个月更换一次滤网。")
    d.save(tmp_path / "mixed.docx")
    sections = _sections(tmp_path / "mixed.docx")
    assert sections[("2. 产品规格",)] == ["额定功率为45 W。"]
    assert sections[()] == ["1. Safety Instructions"]  # a line over nothing, as before


def _brochure(path: Path, heads: list[tuple[str, str]]) -> Path:
    """Unnumbered bold 14pt heads ('' = no English line over the Chinese head), each over a line of 11pt text."""
    d = docx.Document()
    d.styles["Normal"].font.size = Pt(11)
    _head(d, "产品使用说明书", 18)
    for english, chinese in heads:
        if english:
            _head(d, english, 14)
        _head(d, chinese, 14)
        d.add_paragraph(f"本节说明{chinese}的具体要求，请仔细阅读。")
    d.save(path)
    return path


def test_one_english_line_over_a_chinese_head_keeps_its_text_in_its_section(tmp_path):
    # review3: a brochure's bold 'Designed by ACME in California' over '售后服务' became an empty heading
    heads = [("", "安全须知"), ("", "包装清单"), ("Designed by ACME in California", "售后服务")]
    sections = _sections(_brochure(tmp_path / "brochure.docx", heads))
    assert sections[("产品使用说明书", "包装清单")] == ["本节说明包装清单的具体要求，请仔细阅读。", heads[2][0]]
    assert sections[("产品使用说明书", "售后服务")] == ["本节说明售后服务的具体要求，请仔细阅读。"]


def test_unnumbered_heads_in_two_languages_throughout_are_one_head_each(tmp_path):
    heads = [("Safety Instructions", "安全须知"), ("Package Contents", "包装清单"), ("After-sales Service", "售后服务")]
    sections = _sections(_brochure(tmp_path / "manual.docx", heads))
    assert sections[("产品使用说明书", "包装清单")] == ["本节说明包装清单的具体要求，请仔细阅读。"]
    text = [line for lines in sections.values() for line in lines]
    assert not any(english in text for english, _ in heads)
