"""Text whose ideographs are Kangxi radicals ('⼀' for 一, '⽇' for 日) reads and searches as the ideographs.

The PDF is made the way such PDFs are made in the wild: a real font (WenQuanYi Micro Hei, subset with fontTools)
whose cmap maps the radical code points to the ideographs' glyphs, drawn by reportlab, so the page shows 一 and
the text layer (ToUnicode) says U+2F00. The DOCX holds text pasted from such a PDF into Word.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from qa.build import build_index
from qa.ideograph_forms import FOLD, fold_ideographs
from qa.search import Searcher

WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
RADICAL = {ideograph: chr(code) for code, ideograph in FOLD.items() if 0x2F00 <= code <= 0x2FDF}

HEAD = "第一章 日常工作"
BODY = "日常工作中，人们用文字记录生活。每月十日之前，各部门主管把上月的工作小结交到办公室，由办公室汇总后报送。"
DOCX_HEAD = "第二章 用水用火"
DOCX_BODY = "生火做饭之前先看水表，每月月初由大院门卫登记一次用水数字，并在月底之前交给物业。"


def as_radicals(text: str) -> str:
    return "".join(RADICAL.get(ch, ch) for ch in text)


def write_radical_pdf(path: Path) -> None:
    """One page: a 20 pt heading over body lines, every ideograph that has a Kangxi radical written as it."""
    from fontTools import subset
    from fontTools.ttLib import TTFont
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont as ReportlabFont
    from reportlab.pdfgen import canvas

    text = HEAD + BODY
    font = TTFont(str(WQY), fontNumber=0)
    options = subset.Options()
    options.name_IDs = ["*"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    for table in font["cmap"].tables:
        if table.isUnicode():
            for ch in set(text) & RADICAL.keys():
                if ord(ch) in table.cmap:  # the radical's code point now draws the ideograph's glyph
                    table.cmap[ord(RADICAL[ch])] = table.cmap.pop(ord(ch))
    # A name of its own: reportlab keeps one face per font name in the process, and a test before may have
    # registered the unchanged WenQuanYi (whose cmap has no radicals).
    for record in list(font["name"].names):
        if record.nameID in (1, 3, 4, 6):
            font["name"].setName("RadicalHei", record.nameID, record.platformID, record.platEncID, record.langID)
    font_path = path.with_suffix(".ttf")
    font.save(str(font_path))
    pdfmetrics.registerFont(ReportlabFont("RadicalHei", str(font_path)))
    pdf = canvas.Canvas(str(path), pagesize=(595, 842))
    pdf.setFont("RadicalHei", 20)
    pdf.drawString(72, 760, as_radicals(HEAD))
    pdf.setFont("RadicalHei", 11)
    body = as_radicals(BODY * 3)
    for i, y in zip(range(0, len(body), 40), range(720, 0, -16), strict=False):
        pdf.drawString(72, y, body[i : i + 40])
    pdf.save()
    font_path.unlink()


@pytest.mark.skipif(not WQY.exists(), reason="needs fonts-wqy-microhei (scripts/install-cjk-font.sh)")
def test_radicals_in_pdf_docx_and_questions_read_and_search_as_ideographs(tmp_path, use_embedder) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    write_radical_pdf(docs / "通知.pdf")
    import pypdfium2

    layer = pypdfium2.PdfDocument(str(docs / "通知.pdf"))[0].get_textpage().get_text_range()
    assert "⽇常⼯作" in layer and "日常工作" not in layer  # the text layer really holds radicals
    word = docx.Document()
    word.add_heading(as_radicals(DOCX_HEAD), level=1)
    word.add_paragraph(as_radicals(DOCX_BODY))
    word.save(str(docs / "规定.docx"))
    (docs / "说明.txt").write_text(as_radicals("第三章 文字\n\n月底之前由门卫把文字记录交给物业。\n"), encoding="utf-8")

    build_index([docs], tmp_path / "index", embedder=use_embedder, progress=False)
    searcher = Searcher(tmp_path / "index", embedder=use_embedder)

    # Keyword mode: only matching characters score, so a radical left in the index finds nothing.
    pdf_hit = searcher.search("工作小结交到办公室", k=1, mode="keyword", doc="通知.pdf")[0]
    assert "工作小结" in pdf_hit.text and "⼯" not in pdf_hit.text
    assert pdf_hit.section_path == (HEAD,)  # '第⼀章' read as the chapter it is
    docx_hit = searcher.search("用水数字", k=1, mode="keyword", doc="规定.docx")[0]
    assert "用水数字" in docx_hit.text and docx_hit.section_path == (DOCX_HEAD,)
    txt_hit = searcher.search("文字记录交给物业", k=1, mode="keyword", doc="说明.txt")[0]
    assert "文字记录" in txt_hit.text

    # A question pasted out of such a PDF finds the ordinary text too.
    pasted = searcher.search(as_radicals("各部门主管把上月的工作小结"), k=1, mode="keyword")[0]
    assert pasted.doc_id == "通知.pdf"


def test_fold_keeps_length_and_punctuation() -> None:
    text = "第⼀章：⽇⽉，ＡＢ！年"
    folded = fold_ideographs(text)
    assert folded == "第一章：日月，ＡＢ！年"  # full-width punctuation and letters stay as written
    assert len(folded) == len(text)
