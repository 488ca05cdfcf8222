"""Numbered headings in body type: a comma in a '（一）' title, and a bold head set right over its first subhead.

Documents are written with python-docx and printed to PDF by LibreOffice (as an office worker does), or
written as plain text; each is read by the product's loader and structure stage. A government work report
heads its '（一）' parts with two phrases split by a comma ('（一）坚持稳中求进，经济运行持续向好'): those must be
headings in every format, while a notice's numbered points written as sentences ('1．各单位要高度重视，…。') and
a run of comma-worded list items stay text. In a LibreOffice PDF a bold '二、检查内容' set right over its bold
'（一）消防设施' must stay two headings, the second under the first, while one bold heading wrapped onto two
lines stays one.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.loading import load_file
from qa.records import Outline
from qa.structure import recover_outline
from tests.newspaper_office import FONT, convert, office_available

REPORT = [
    ("title", "青山区人民政府工作报告"),
    ("centred", "——2026年1月8日在青山区第十八届人民代表大会第五次会议上"),
    ("centred", "青山区区长　王明"),
    ("body", "各位代表：现在，我代表区人民政府向大会报告工作，请予审议。"),
    ("h1", "一、过去一年工作回顾"),
    ("body", "过去一年，全区地区生产总值完成412.6亿元，同比增长5.8%。"),
    ("h2", "（一）坚持项目为王，有效投资稳步增长"),
    ("body", "全年实施重点项目86个，完成投资153亿元，其中产业项目占比达到六成。"),
    ("h2", "（二）坚持人民至上，民生福祉持续改善"),
    ("body", "新建社区养老服务站12个，新增公办学位4300个，城镇新增就业1.1万人。"),
    ("h1", "二、今年工作安排"),
    ("body", "今年全区经济社会发展的主要预期目标是地区生产总值增长5.5%左右。"),
    ("h2", "（一）聚焦实体经济，加快产业提质增效"),
    ("body", "力争规上工业产值突破600亿元，新培育高新技术企业40家。"),
    ("h2", "（二）扎实办好民生实事"),
    ("body", "改造老旧小区31个，新建口袋公园15个，完成农村公路提档升级80公里。"),
]
# A notice's points: numbered sentences, and a run of list items worded with commas and no full stop.
NOTICE = [
    ("title", "关于做好防汛工作的通知"),
    ("body", "各街道、各部门：为切实做好今年防汛工作，现将有关事项通知如下。"),
    ("h1", "一、工作要求"),
    ("body", "各单位要按照分级负责的原则，逐级落实防汛责任。"),
    ("body", "1．各单位要高度重视，加强组织领导，确保责任落实到人。"),
    ("body", "2．严格落实值班值守制度，保持通信畅通，及时报送信息。"),
    ("h1", "二、物资准备"),
    ("body", "各街道要在汛前完成防汛物资的清点和补充。"),
    ("body", "1．储备沙袋，检查抽水泵"),
    ("body", "2．清理排水沟，疏通下水道"),
    ("body", "3．配齐救生衣，备足照明灯"),
    ("h1", "三、信息报送"),
    ("body", "汛情信息实行日报告制度，每日17时前报区防汛办公室。"),
]


def _write_docx(lines: list[tuple[str, str]], path: Path, bold_heads: bool = True) -> Path:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt

    document = docx.Document()
    for kind, text in lines:
        paragraph = document.add_paragraph()
        run = paragraph.add_run(text)
        run.font.size = Pt(22 if kind == "title" else 16)
        run.font.name = FONT
        run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
        run.bold = kind == "title" or (bold_heads and kind not in ("body", "centred"))
        if kind in ("title", "centred"):
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif kind == "body":
            paragraph.paragraph_format.first_line_indent = Pt(32)
    document.save(path)
    return path


def _outline(path: Path) -> Outline:
    return recover_outline(load_file(path, path.name))


def _path_of(outline: Outline, start: str) -> tuple[str, ...]:
    """The section path the paragraph opening with ``start`` is cited under."""
    for section in outline.sections:
        for k in section.paragraphs:
            if "".join(outline.paragraphs[k].text.split()).startswith(start):
                return tuple("".join(t.split()) for t in section.path)
    raise AssertionError(f"no paragraph opens with {start!r}")


def _headings(outline: Outline) -> set[str]:
    return {"".join(t.split()) for section in outline.sections for t in section.path}


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:
    """The report and the notice as plain text, DOCX and (where LibreOffice is installed) PDF."""
    folder = tmp_path_factory.mktemp("comma_heads")
    out: dict[str, Path] = {}
    for name, lines in (("report", REPORT), ("notice", NOTICE)):
        txt = folder / f"{name}.txt"
        txt.write_text("\n\n".join(text for _, text in lines) + "\n", encoding="utf-8")
        out[f"{name}.txt"] = txt
        out[f"{name}.docx"] = _write_docx(lines, folder / f"{name}.docx")
    heads = [
        ("title", "关于开展消防安全检查的通知"),
        ("body", "各部门：为切实做好消防安全工作，决定开展一次全面检查。"),
        ("h1", "一、检查时间"),
        ("body", "2026年4月1日至4月15日。"),
        ("h1", "二、检查内容"),
        ("h2", "（一）消防设施"),
        ("body", "重点检查灭火器压力是否正常，消防通道是否堵塞。"),
        ("h2", "（二）用电安全"),
        ("body", "重点检查私拉乱接电线和违规使用大功率电器的情况。"),
        ("h1", "三、进一步加强和改进全区中小学校园及周边区域消防安全管理工作的具体要求"),
        ("body", "各部门于4月20日前将自查报告报送区应急管理局。"),
    ]
    out["heads.docx"] = _write_docx(heads, folder / "heads.docx")
    if office_available() is None:
        docs = [out["report.docx"], out["notice.docx"], out["heads.docx"]]
        convert(docs, folder)
        for doc in docs:
            out[f"{doc.stem}.pdf"] = doc.with_suffix(".pdf")
    return out


FORMATS = ["txt", "docx", pytest.param("pdf", marks=pytest.mark.skipif(office_available() is not None, reason="no LO"))]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_comma_in_a_numbered_title_still_heads_its_section(files, fmt):
    """'（一）坚持项目为王，有效投资稳步增长' heads the text under it, under its '一、', in every format."""
    outline = _outline(files[f"report.{fmt}"])
    assert _path_of(outline, "全年实施重点项目")[-2:] == (
        "一、过去一年工作回顾",
        "（一）坚持项目为王，有效投资稳步增长",
    )
    assert _path_of(outline, "新建社区养老服务站")[-1] == "（二）坚持人民至上，民生福祉持续改善"
    assert _path_of(outline, "力争规上工业产值")[-1] == "（一）聚焦实体经济，加快产业提质增效"
    assert _path_of(outline, "改造老旧小区")[-1] == "（二）扎实办好民生实事"


@pytest.mark.parametrize("fmt", FORMATS)
def test_numbered_sentences_and_list_items_with_commas_stay_text(files, fmt):
    """A numbered point ending in '。' and a run of comma-worded items without one open no section: each is cited
    under the notice's own '一、' / '二、'."""
    outline = _outline(files[f"notice.{fmt}"])
    assert _path_of(outline, "1．各单位要高度重视")[-1] == "一、工作要求"
    assert _path_of(outline, "2．严格落实值班值守制度")[-1] == "一、工作要求"
    for item in ("1．储备沙袋", "2．清理排水沟", "3．配齐救生衣"):
        assert _path_of(outline, item)[-1] == "二、物资准备"
    assert not any("储备沙袋" in h or "配齐救生衣" in h for h in _headings(outline))


@pytest.mark.skipif(office_available() is not None, reason=office_available() or "")
def test_a_bold_head_right_over_its_first_subhead_stays_two_headings(files):
    """LibreOffice sets '二、检查内容' a line over its first point '（一）消防设施', both bold: two headings, nested."""
    outline = _outline(files["heads.pdf"])
    assert _path_of(outline, "重点检查灭火器")[-2:] == ("二、检查内容", "（一）消防设施")
    assert _path_of(outline, "重点检查私拉乱接")[-2:] == ("二、检查内容", "（二）用电安全")
    assert "二、检查内容（一）消防设施" not in _headings(outline)


@pytest.mark.skipif(office_available() is not None, reason=office_available() or "")
def test_a_centred_subtitle_wrapped_onto_two_lines_is_one_paragraph(files):
    """LibreOffice wraps the long centred subtitle; its centred second line '会议上' goes on with it, while the
    centred line after it (the speaker, under a short line) stays a paragraph of its own."""
    doc = load_file(files["report.pdf"], "report.pdf")
    paragraphs = ["".join(p.split()) for p in doc.text.split("\n") if p.strip()]
    assert "——2026年1月8日在青山区第十八届人民代表大会第五次会议上" in paragraphs
    assert "青山区区长王明" in paragraphs


@pytest.mark.skipif(office_available() is not None, reason=office_available() or "")
def test_a_bold_heading_wrapped_onto_two_lines_stays_one(files):
    """The long '三、…' heading wraps in the PDF; its second line opens no number, so it is the same heading."""
    outline = _outline(files["heads.pdf"])
    assert (
        _path_of(outline, "各部门于4月20日前")[-1]
        == "三、进一步加强和改进全区中小学校园及周边区域消防安全管理工作的具体要求"
    )
