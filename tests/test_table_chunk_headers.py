"""A long table cut into several chunks: each later chunk is read with the table's header row.

Found by the exploratory tester on an annual report's multi-year table printed to PDF (reportlab here): the
table's rows read as printed ('2008年 | 1,349 | 237 | 1,599 | …', no column names), so for '2008年的僱員人數是多少？'
the column's name was only in the chunk holding the header row and the first years, which outranked the chunk
holding the 2008 row. The header row is now read (embedded and indexed, never shown) with the rows of every chunk
it is not in. Negatives: rows that name their columns themselves (the DOCX reader's 'label：value') and a table
whose first row is data get nothing added; the shown text and its spans never change.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from qa.chunking import ChunkingParams, chunk_outline, reading_text, table_heads
from qa.formats.pdf import read_pdf
from qa.records import Paragraph
from qa.structure import recover_outline

FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
COLUMNS = ["年份", "營業額", "經營溢利", "僱員人數", "分店數目", "每股盈利"]


def _annual_report(path: Path, ruled: bool = True, seed: int = 3) -> None:
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph as Para
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

    if "WQY" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("WQY", str(FONT), subfontIndex=0))
    rng = random.Random(seed)
    head = ParagraphStyle("h", fontName="WQY", fontSize=16, leading=22)
    body = ParagraphStyle("b", fontName="WQY", fontSize=10.5, leading=16, wordWrap="CJK")
    rows = [COLUMNS] + [
        [
            f"{year}年",
            f"{rng.randint(800, 3000):,}",
            f"{rng.randint(50, 400):,}",
            f"{rng.randint(1200, 5000):,}",
            str(rng.randint(20, 90)),
            f"{rng.uniform(0.1, 1.5):.2f}",
        ]
        for year in range(1999, 2011)
    ]
    table = Table(rows)
    grid = [("GRID", (0, 0), (-1, -1), 0.5, colors.black)] if ruled else []
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), "WQY", 10), *grid]))
    story = [
        Para("十二年財務摘要", head),
        Para("下表列出本集團過去十二年的主要營運數據。所有金額以港幣百萬元列示。", body),
        table,
        Para("主席報告", head),
        Para("本年度集團業務穩步增長，營業額創歷史新高。董事會建議派發末期股息。", body),
    ]
    SimpleDocTemplate(str(path)).build(story)


@pytest.mark.skipif(not FONT.exists(), reason="WenQuanYi Micro Hei is not installed")
@pytest.mark.parametrize("ruled", [True, False], ids=["ruled", "without ruling"])
def test_chunks_of_a_long_pdf_table_are_read_with_its_header_row(tmp_path, ruled: bool) -> None:
    path = tmp_path / "annual.pdf"
    _annual_report(path, ruled)
    outline = recover_outline(read_pdf(path, path.name))
    header = " | ".join(COLUMNS)
    texts = [p.text for p in outline.paragraphs]
    # the header row a row of its own (without ruling its names, each as wide as its column, were read as cells
    # wrapping onto the first year's figures: '年份1999年 | 營業額1,774 | …')
    assert header in texts, texts
    assert any(t.startswith("1999年 | ") for t in texts), texts
    chunks = chunk_outline(outline, ChunkingParams())
    rows = [c for c in chunks if "2008年 |" in c.text]
    assert rows and all(header not in c.text for c in rows)  # the 2008 row is in a later chunk than the header
    for chunk in rows:
        assert header in chunk.embed_text  # read with the columns' names
        assert chunk.embed_text.endswith(reading_text(chunk.text))  # the shown text as before
    first = next(c for c in chunks if header in c.text)
    assert first.embed_text.count(header) == 1  # a chunk holding the header gets no second copy
    prose = [c for c in chunks if "主席報告" in c.embed_text]
    assert prose and all(header not in c.embed_text for c in prose)


def _paras(texts: list[str]) -> list[Paragraph]:
    out, pos = [], 0
    for i, text in enumerate(texts):
        out.append(Paragraph(i, text, i + 1, i + 1, pos, pos + len(text)))
        pos += len(text) + 1
    return out


def test_rows_naming_their_columns_or_a_headerless_table_get_no_header() -> None:
    header = "城市 | 2024年 | 2025年"
    plain = [header, "杭州 | 812.5 | 860.0", "宁波 | 700.1 | 733.2", "温州 | 500.0 | 512.4"]
    assert table_heads(_paras(plain)) == [None, header, header, header]
    labelled = [header] + [
        "城市：杭州 | 2024年：812.5 | 2025年：860.0",
        "城市：宁波 | 2024年：700.1 | 2025年：733.2",
        "城市：温州 | 2024年：500.0 | 2025年：512.4",
    ]
    assert table_heads(_paras(labelled)) == [None] * 4  # the DOCX/HTML/CSV readers' rows say it already
    data = ["张三 | 李四 | 王五", "赵六 | 钱七 | 孙八", "周九 | 吴十 | 郑一"]
    assert table_heads(_paras(data)) == [None] * 3  # a first row of data names no column
    prose = ["年份 | 數目", "這是一段文字。", "2008年 | 1,599"]
    assert table_heads(_paras(prose)) == [None] * 3  # rows apart are no table
