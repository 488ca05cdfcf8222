"""A story's dateline set bold at the body's size and run into its first paragraph, in a narrow column.

Chinese dailies set the lead-in of a story's text in 黑体 or bold: '本报北京1月5日电　记者张三　' then the text in 宋体.
In a narrow column the bold lead-in fills the first line and runs onto the second, or fills most of the first line:
those lines read as short bold lines, a subhead's shape, so the dateline was cut off as a subhead of the story and
the paragraph lost its opening — the story's first piece no longer whole. A dateline heads nothing: it opens the text.
A bold subhead that does not open with a dateline ('1月5日电话会议部署春耕' names a phone meeting) stays a subhead,
also over a paragraph that cites a wire report ('据新华社曼谷1月7日电…': read on from the subhead, a dateline's shape).

Pages written by reportlab (bold as fill-and-stroke) and read by the real reader.
"""

from __future__ import annotations

from pathlib import Path

from qa.formats.pdf import read_pdf
from qa.structure import recover_outline
from tests.test_pdf_spaced_heads import PAGE_H, PAGE_W, TEXT, _flow, _put, _section_of, _x

HEADS = ("全省春耕生产全面展开", "农资市场货源充足", "气象部门提醒防范低温")
# a dateline and credit longer than the column (10 characters): bold fills line 1 and goes on into line 2; a
# dateline filling most of line 1; a short one and a credit, filling line 1 and going on
LEADS = ("本报北京1月5日电　记者王小明　", "新华社上海1月5日电　", "本报讯　记者李四　")
WIDTHS = (10, 12, 7)
WIRE = "据新华社曼谷1月7日电（记者熊平）"  # a paragraph citing a wire report: no dateline of this story's


def _page(path: Path, subhead: str | None = None) -> None:
    """Three stories side by side, each under its bold head, its first paragraph opening with a bold dateline;
    ``subhead``: the first story's second paragraph under a bold subhead of its own line."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    for col, (head, lead, width) in enumerate(zip(HEADS, LEADS, WIDTHS, strict=True)):
        _put(c, _x(col), 70, head[:6], bold=True, size=18)
        _put(c, _x(col), 94, head[6:], bold=True, size=18)
        row = _flow(c, col, 130, [(lead, True), (TEXT[col * 40 : col * 40 + 40] + "。", False)], width=width)
        if subhead and col == 0:
            row = _flow(c, col, row, [(subhead, True)], width=width)
            _flow(c, col, row, [("　　" + WIRE + TEXT[200:240] + "。", False)], width=width)
    c.showPage()
    c.save()


def test_a_bold_dateline_filling_a_narrow_columns_lines_opens_its_storys_first_paragraph(tmp_path: Path, fonts) -> None:
    path = tmp_path / "datelines.pdf"
    _page(path)
    outline = recover_outline(read_pdf(path, path.name))
    assert not [s.path for s in outline.sections if any("电" in part for part in s.path)]
    for col, (head, lead) in enumerate(zip(HEADS, LEADS, strict=True)):
        first = "".join(lead.split()) + TEXT[col * 40 : col * 40 + 12]
        assert any(first in "".join(p.text.split()) for p in outline.paragraphs), head  # one paragraph, whole
        assert _section_of(outline, TEXT[col * 40 + 5 : col * 40 + 30]) == (head,), head


def test_a_bold_subhead_that_opens_with_no_dateline_stays_a_subhead(tmp_path: Path, fonts) -> None:
    path = tmp_path / "subhead.pdf"
    subhead = "1月5日电话会议部署春耕"
    _page(path, subhead)
    outline = recover_outline(read_pdf(path, path.name))
    assert _section_of(outline, TEXT[205:230]) == (HEADS[0], subhead)
    assert _section_of(outline, TEXT[5:30]) == (HEADS[0],)
