"""A Word text box floated beside the body text (square wrap, a bordered callout '借阅须知 …'): read from the DOCX
its paragraphs follow the paragraph it is anchored to and its title heads nothing; printed to PDF by LibreOffice its
lines are read apart from the body's, every paragraph of both whole (qa.formats.pdf.textboxes).

Before, the body's lines beside the box and the lines under it running the full width left the reading order
neither a gutter down the whole region nor a cut across it: the box's lines and the body's were one region read by
their tops ('每位读者…图书五' + '六时，法定…'). The document is written by python-docx (a DrawingML text box, Word
2010's form) and printed by LibreOffice; the negative (a box with nothing flowing under it) is a newspaper's framed
story, left to the reading order — the formats benchmark's office and wkhtmltopdf sets.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.table_pdfs import office_pdfs

TITLE = "社区图书馆开放时间调整说明"
BODY = (
    "为方便居民借阅，社区图书馆自下月起调整开放时间。调整后，工作日开放时间为上午九时至晚上八时，周末开放时间为上午十时"
    "至下午六时，法定节假日另行通知。",
    "图书馆新增自助借还设备两台，居民可持身份证或读者证自助办理借书和还书手续。馆内同时开设少儿阅览区，配备适合不同年龄"
    "段儿童阅读的图书。",
    "图书馆每月举办一次读书分享会，欢迎居民踊跃参加。有意参加的居民可提前到服务台登记，也可拨打图书馆电话预约。",
    "图书馆还将定期更新馆藏图书，欢迎居民提出购书建议。建议可写在服务台的意见簿上，也可通过社区公众号留言。",
)
BOX = (
    "借阅须知",
    "每位读者每次最多可借图书五册，借期为三十天，到期前可续借一次。",
    "图书如有损坏或遗失，请按图书馆规定予以赔偿。",
)
EMU = 12700  # per point
NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
)


def _docx(path: Path) -> Path:
    """The notice, the text box (170 × 120 pt, bordered, its title bold 14 pt) anchored 260 pt right in the first
    paragraph, the body wrapping around it."""
    from docx import Document
    from docx.oxml import parse_xml
    from docx.shared import Pt

    doc = Document()
    doc.styles["Normal"].font.size = Pt(12)
    doc.add_heading(TITLE, level=1)
    inner = "".join(
        f'<w:p><w:r><w:rPr>{"<w:b/>" if k == 0 else ""}<w:sz w:val="{28 if k == 0 else 22}"/></w:rPr>'
        f"<w:t>{text}</w:t></w:r></w:p>"
        for k, text in enumerate(BOX)
    )
    w, h = 170 * EMU, 120 * EMU
    box = (
        f'<w:r {NS}><w:drawing><wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" '
        'relativeHeight="2" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="column"><wp:posOffset>{260 * EMU}</wp:posOffset></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{w}" cy="{h}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapSquare wrapText="bothSides"/>'
        '<wp:docPr id="1" name="Text Box 1"/><wp:cNvGraphicFramePr/><a:graphic>'
        '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
        f'<wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{w}" cy="{h}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:ln w="6350"><a:solidFill><a:srgbClr val="000000"/>'
        f"</a:solidFill></a:ln></wps:spPr><wps:txbx><w:txbxContent>{inner}</w:txbxContent></wps:txbx>"
        '<wps:bodyPr wrap="square" anchor="t"/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>'
    )
    for k, text in enumerate(BODY):
        paragraph = doc.add_paragraph(text)
        if k == 0:
            paragraph._p.insert(1, parse_xml(box))
    doc.save(str(path))
    return path


def _paragraphs(path: Path) -> tuple[list[str], list[str]]:
    """The document's paragraphs (whitespace dropped) and its headings."""
    from qa.loading import load_file
    from qa.structure import recover_outline

    outline = recover_outline(load_file(path))
    texts = ["".join(p.text.split()) for p in outline.paragraphs]
    return texts, ["".join(p.text.split()) for p in outline.paragraphs if p.heading_level is not None]


def test_a_docx_text_box_follows_its_anchor_and_heads_nothing(tmp_path: Path) -> None:
    texts, heads = _paragraphs(_docx(tmp_path / "notice.docx"))
    assert heads == [TITLE]
    for text in BODY + BOX[1:]:
        assert text in texts
    assert texts.index(BOX[1]) == texts.index(BODY[0]) + 2  # the box (title, then text) right after its anchor


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice (soffice) is not installed")
def test_a_text_box_printed_by_libreoffice_keeps_its_lines_apart(tmp_path: Path) -> None:
    office_pdfs([_docx(tmp_path / "notice.docx")], tmp_path)
    texts, heads = _paragraphs(tmp_path / "notice.pdf")
    assert TITLE in heads and "借阅须知" not in heads[1:]
    for text in BODY + BOX[1:]:
        assert text in texts, text
