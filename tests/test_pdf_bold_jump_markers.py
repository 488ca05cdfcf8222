"""A jump marker set in bold at the end of its cut paragraph stays that paragraph's end, so the jump is stitched.

Papers set '（下转第2版）' in bold or 黑体 run on after the cut paragraph's last words. When that last line is mostly
marker ('…民意（下转第2版）' with two words before it), or the line breaker breaks inside the marker ('…（下' /
'转第2版）'), the line reads as display type: it became a kicker or a subhead of its own, the cut paragraph no longer
ended in a marker, and the continuation on page 2 — under a short jump head, the headline's first words with
'（上接第1版）' beside them — was filed under that short head as an article of its own. The pages are written by
reportlab (two columns, the marker filled and stroked as word processors and ConTeXt embolden type) and read by the
real reader; the user sees the continuation cited under the page-1 headline.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.formats.pdf import read_pdf
from qa.structure import recover_outline

PAGE_W, PAGE_H = 520.0, 700.0
MARGIN, GUTTER, BODY, PITCH = 36.0, 16.0, 10.0, 15.0
PER_LINE = 21  # characters a column line holds
COL_W = PER_LINE * BODY
FONT = "STSong-Light"
HEADLINE = "城市更新条例草案提请审议"
SHORT_HEAD = "城市更新"
OTHER_HEAD = "春运首日客流平稳有序"
OPENING = [
    "市人大常委会昨天开始审议城市更新条例草案。草案明确，城市更新坚持政府引导、市场运作、公众参与的原则，"
    "优先保护历史风貌，改善居住条件，补齐公共服务设施的短板。",
    "草案提出，老旧小区改造应当先征求居民意见，改造方案须经过三分之二以上业主同意后方可实施。对于加装电梯、"
    "增设停车位等事项，街道应当组织协商，并把协商结果向全体居民公示，充分听取居民的意见和建议，凝聚各方共识",
]
CONTINUED = [
    "的意见。草案还规定，改造资金由财政补助、产权人出资和社会资本共同承担，鼓励金融机构提供长期低息贷款。",
    "常委会组成人员在审议中认为，草案总体可行，建议进一步明确各部门职责分工，细化历史建筑保护的具体措施，"
    "加强对改造工程质量的监督检查。",
]
OTHER = [
    "记者从市交通部门获悉，春运首日全市各客运站共发送旅客十二万人次，客流总体平稳有序，未发生旅客滞留现象。",
    "为方便旅客出行，各客运站增开了夜间班次，并在候车大厅设置了爱心服务台，为老人和儿童提供帮助。",
]


def _lines(paragraphs: list[str]) -> list[tuple[str, bool]]:
    """Paragraphs broken into column lines (two-character indent); (text, first line of its paragraph)."""
    out: list[tuple[str, bool]] = []
    for para in paragraphs:
        text, first = "　　" + para, True
        while text:
            out.append((text[:PER_LINE], first))
            text, first = text[PER_LINE:], False
    return out


def _columns(c, lines: list[tuple[str, bool]], top: float) -> float:  # noqa: ANN001 - a reportlab canvas
    """``lines`` set down two columns from ``top``; the y of the last line set."""
    per = -(-len(lines) // 2)
    y = top
    for k, (line, _) in enumerate(lines):
        col, row = divmod(k, per)
        y = top - row * PITCH
        c.drawString(MARGIN + col * (COL_W + GUTTER), y, line)
    return top - (per - 1) * PITCH


def _bold(c, x: float, y: float, text: str, size: float = BODY) -> None:  # noqa: ANN001 - a reportlab canvas
    """``text`` filled and stroked (render mode 2): bold set in a face that has no bold."""
    t = c.beginText(x, y)
    t.setFont(FONT, size)
    t.setTextRenderMode(2)
    t.textOut(text)
    c.drawText(t)


def _cut(words: int) -> list[tuple[str, bool]]:
    """The lead's lines, its cut paragraph trimmed so that its last line holds ``words`` characters."""
    lines = _lines(OPENING)
    while len(lines[-1][0]) != words:
        text = OPENING[1][: len(OPENING[1]) - (len(lines[-1][0]) - words) % PER_LINE]
        lines = _lines([OPENING[0], text])
    return lines


def _paper(path: Path, broken: bool, target: str = "第2版", continuation: bool = True) -> None:
    """Page 1: the lead cut mid-sentence, its bold marker run on after two last words (or, ``broken``, breaking
    after the marker's '（下' at the end of a full line). Page 2: another story, then the continuation under its
    short jump head with '（上接第1版）' beside it (or, ``continuation`` False, a story of its own under a head that
    starts like the lead's, no marker)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    c.setFont(FONT, 22)
    c.drawString(MARGIN, PAGE_H - 60, HEADLINE)
    marker = f"（下转{target}）"
    head, rest = (marker[:2], marker[2:]) if broken else (marker, "")
    lines = _cut(PER_LINE - 2 if broken else 2)
    per = -(-(len(lines) + bool(rest)) // 2)
    spots = [(MARGIN + (k // per) * (COL_W + GUTTER), PAGE_H - 100 - (k % per) * PITCH) for k in range(2 * per)]
    c.setFont(FONT, BODY)
    for (line, _), (x, y) in zip(lines, spots, strict=False):
        c.drawString(x, y, line)
    x, y = spots[len(lines) - 1]
    _bold(c, x + stringWidth(lines[-1][0], FONT, BODY), y, head)
    if rest:
        _bold(c, *spots[len(lines)], rest)
    c.showPage()

    c.setFont(FONT, 18)
    c.drawString(MARGIN, PAGE_H - 60, OTHER_HEAD)
    c.setFont(FONT, BODY)
    head_y = _columns(c, _lines(OTHER), PAGE_H - 90) - 3 * PITCH
    c.setFont(FONT, 16)
    c.drawString(MARGIN, head_y, SHORT_HEAD if continuation else SHORT_HEAD + "试点街区挂牌")
    if continuation:
        c.setFont(FONT, BODY)
        c.drawString(MARGIN + stringWidth(SHORT_HEAD, FONT, 16) + BODY, head_y, "（上接第1版）")
    c.setFont(FONT, BODY)
    _columns(c, _lines(CONTINUED), head_y - 2 * PITCH)
    c.showPage()
    c.save()


def _section_of(path: Path, text: str) -> tuple[tuple[str, ...], str]:
    """(section path, whole paragraph) of the paragraph holding ``text``."""
    outline = recover_outline(read_pdf(path, path.name))
    for section in outline.sections:
        for i in section.paragraphs:
            para = "".join(outline.paragraphs[i].text.split())
            if text in para:
                return section.path, para
    raise AssertionError(f"{text!r} not read")


@pytest.mark.parametrize("broken", [False, True], ids=["words-and-marker", "marker-broken"])
def test_a_bold_marker_line_keeps_the_jump_and_the_continuation_is_cited_under_its_headline(
    tmp_path: Path, fonts, broken: bool
) -> None:
    path = tmp_path / "paper.pdf"
    _paper(path, broken)
    cut_path, cut = _section_of(path, OPENING[0][:12])
    assert cut_path == (HEADLINE,)
    path_2, _ = _section_of(path, CONTINUED[1][:12])
    assert path_2 == (HEADLINE,)  # not under the short jump head '城市更新' as an article of its own
    _, last = _section_of(path, "（下转第2版）")
    assert last.endswith("（下转第2版）") and len(last) > 20  # the marker ends its paragraph, words and all


def test_a_head_like_the_headline_without_a_marker_is_a_story_of_its_own(tmp_path: Path, fonts) -> None:
    path = tmp_path / "paper.pdf"
    _paper(path, broken=False, target="第4版", continuation=False)  # the lead goes on in an edition not in the file
    path_2, _ = _section_of(path, CONTINUED[1][:12])
    assert path_2 == (SHORT_HEAD + "试点街区挂牌",)
    _, last = _section_of(path, "（下转第4版）")
    assert last.endswith("（下转第4版）") and len(last) > 20
