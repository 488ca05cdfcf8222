"""A bold label above a document's bold title is no title: '附件1', a document number, '重要提示：'.

An annex typed in one size opens with its label '附件1' in bold, then its real title bold and centred, then '一、'
'二、' in bold. Taking the first bold line for the title filed the whole annex under '附件1' ('附件1 › 一、检查范围')
and left '青溪市…实施方案' as body text. The title is the opening line that names the document; the label is text.
"""

from __future__ import annotations

from pathlib import Path

from qa.loading import load_file
from qa.structure import recover_outline

TITLE = "青溪市2025年安全生产大检查实施方案"
BODY = "各单位要对照检查清单逐项开展自查，建立问题台账，明确整改责任人和整改时限，确保整改到位。"
OPENING = "为深入贯彻落实安全生产工作部署，决定在全市范围内开展安全生产大检查，现制定如下方案。"


def _paths(tmp_path: Path, label: str, centre_title: bool = True) -> dict[str, tuple[str, ...]]:
    """Paragraph's first words -> its section path, for a document opening with bold ``label`` over its title."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    document = docx.Document()

    def line(text: str, bold: bool = False, centre: bool = False) -> None:
        paragraph = document.add_paragraph()
        run = paragraph.add_run(text)
        run.font.size, run.bold = Pt(16), bold
        if centre:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER

    line(label, bold=True)
    line(TITLE, bold=True, centre=centre_title)
    line(OPENING)
    for head, first in (("一、检查范围", "全市各"), ("二、检查内容", "重点检"), ("三、工作要求", "各单位")):
        line(head, bold=True)
        line(first + BODY)
    path = tmp_path / "annex.docx"
    document.save(path)
    outline = recover_outline(load_file(path, path.name))
    return {
        outline.paragraphs[k].text[:5]: tuple(section.path) for section in outline.sections for k in section.paragraphs
    }


def test_an_annex_label_above_the_bold_title_stays_text(tmp_path):
    paths = _paths(tmp_path, "附件1")
    assert paths["为深入贯彻"] == (TITLE,)
    assert paths["重点检各单"] == (TITLE, "二、检查内容")
    assert paths["附件1"] == ()  # text, heading nothing
    assert not any("附件1" in part for path in paths.values() for part in path)


def test_a_document_number_above_the_bold_title_stays_text(tmp_path):
    paths = _paths(tmp_path, "青政发〔2025〕3号", centre_title=False)
    assert paths["为深入贯彻"] == (TITLE,)
    assert paths["青政发〔2"] == ()


def test_a_short_label_above_the_bold_title_gives_way_to_the_centred_longer_title(tmp_path):
    paths = _paths(tmp_path, "重要提示")
    assert paths["为深入贯彻"] == (TITLE,)
    assert paths["全市各各单"] == (TITLE, "一、检查范围")
