"""A decorative slogan set vertically beside a one-column notice (竖排标语) heads nothing; a 竖题 on a page of
columns still heads its story.

The notice is written by reportlab the way an office prints one: its title centred across the top, four paragraphs
in one column, the issuing office and date under them, and the slogan '安全生产人人有责' one character under the
other in the right margin, level with the text. Read as a 竖题, the slogan became a head under the notice's title and
the notice's text (or its signature) was filed under the slogan.
"""

from __future__ import annotations

from pathlib import Path

from qa.formats.pdf import read_pdf
from qa.structure import recover_outline
from tests.test_pdf_vertical_heads import LEFT, LEFT_HEAD, RIGHT, VERTICAL_HEAD
from tests.test_pdf_vertical_heads import _page as newspaper_page

FONT = "STSong-Light"
PAGE_W, PAGE_H = 595.0, 842.0
TITLE, SLOGAN, OFFICE = "关于开展春季安全大检查的通知", "安全生产人人有责", "安全环保部"
PARAS = (
    "各车间、各部门：为切实做好春季安全生产工作，防止各类事故发生，经公司研究决定，在全公司范围内开展一次安全生产大检"
    "查。现将有关事项通知如下。",
    "一、检查时间为三月十日至三月二十日，各部门先行自查，公司检查组随后进行抽查。自查中发现的问题要登记造册，明确整改"
    "责任人和整改期限。",
    "二、检查重点包括消防设施、电气线路、压力容器和危险化学品的存放情况。对检查中发现的重大隐患，要立即停产整改，整改"
    "合格后方可恢复生产。",
    "三、各部门要高度重视，主要负责人亲自抓，确保检查不走过场。检查结束后，请于三月二十五日前将自查报告报送安全环保部。",
)


def _notice(path: Path, slogan_x: float, slogan_top: float) -> None:
    """The notice, its text 26 characters of 12 pt wide from x=70, the slogan in 18 pt at ``slogan_x``."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    c.setFont(FONT, 20)
    c.drawCentredString(PAGE_W / 2, PAGE_H - 80, TITLE)
    c.setFont(FONT, 12)
    y, per = PAGE_H - 130, 26
    for para in PARAS:
        rows = [para[: per - 2]] + [para[k : k + per] for k in range(per - 2, len(para), per)]
        for r, row in enumerate(rows):
            c.drawString(70 + (24 if r == 0 else 0), y, row)
            y -= 20
        y -= 6
    c.drawRightString(70 + per * 12, y - 20, OFFICE)
    c.drawRightString(70 + per * 12, y - 40, "二〇二六年三月一日")
    c.setFont(FONT, 18)
    for k, ch in enumerate(SLOGAN):
        c.drawString(slogan_x, PAGE_H - slogan_top - k * 19, ch)
    c.showPage()
    c.save()


def _paths(path: Path) -> dict[str, tuple[str, ...]]:
    """Each paragraph's first words → the heading path of the section that holds it."""
    outline = recover_outline(read_pdf(path, path.name))
    return {
        "".join(outline.paragraphs[i].text.split())[:8]: tuple(s.path) for s in outline.sections for i in s.paragraphs
    }


def test_a_slogan_beside_a_notice_heads_nothing(tmp_path: Path, fonts) -> None:
    for x, top in ((420.0, 130.0), (400.0, 200.0)):  # level with the text's top, or lower down beside it
        path = tmp_path / f"notice_{x:.0f}_{top:.0f}.pdf"
        _notice(path, x, top)
        paths = _paths(path)
        for para in PARAS:
            assert paths[para[:8]] == (TITLE,), (x, top, paths)
        assert paths[OFFICE] == (TITLE,), paths  # the signature stays the notice's
        assert paths[SLOGAN] == (TITLE,), paths  # the slogan is kept, read as the notice's words in one piece


def test_a_vertical_head_on_a_page_of_columns_still_heads_its_story(tmp_path: Path, fonts) -> None:
    path = tmp_path / "columns.pdf"
    newspaper_page(path, vertical=True)
    paths = _paths(path)
    assert paths["".join(RIGHT.split())[:8]] == (VERTICAL_HEAD,)
    assert paths["".join(LEFT.split())[:8]] == (LEFT_HEAD,)
