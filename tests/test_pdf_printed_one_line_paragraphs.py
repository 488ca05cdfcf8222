"""A law, a notice, a list printed from HTML by Chromium: one ``<p>`` a line, the paragraphs set apart by space.

Shapes the exploratory tester met (qa.formats.pdf.spacing, qa.formats.pdf.contents):

- a law printed one line a paragraph: '第一条…。' ran into '第二条…。', '第二编 分则' into '第三章 许可管理' and that
  into the article under it — the headings lost and the articles filed under the wrong chapter;
- a notice of one-line items that run the full width (two-digit numbers): items 10 to 25 read as one paragraph;
- a law printed with its 目录 (no page numbers: a web page's contents): every entry read as a heading over nothing.

Negative: paragraphs of several lines whose lines happen to end a sentence at the column's edge stay whole, and a
list under '目录' that names nothing further on stays text.
"""

from __future__ import annotations

from pathlib import Path

from qa.formats.pdf import read_pdf
from qa.structure import recover_outline
from tests.newspaper_html import print_pdf

# A page whose text is 30 em wide (16 px type, 480 px, between 1 cm margins): a line of 30 full-width characters
# fills it exactly, as a line of a page printed at its full width does.
STYLE = "body { font-family: 'WenQuanYi Micro Hei', sans-serif; font-size: 16px; margin: 0 }"
PAGE = {"width": "556px", "height": "1123px", "margin": {k: "38px" for k in ("top", "bottom", "left", "right")}}

LAW = [
    "中华人民共和国示范管理法",
    "第一编　总　　则",
    "第一章　一般规定",
    "第一条　为了规范示范管理活动，保护当事人的合法权益，制定本法。",
    "第二条　在中华人民共和国境内从事示范管理活动，适用本法。",
    "第二章　基本原则",
    "第三条　示范管理应当遵循依法、公开、公正以及便民、高效的原则。",
    "第二编　分　　则",
    "第三章　许可管理",
    "第四条　申请示范许可，应当向所在地县级人民政府示范管理部门提交申请书。",
    "第五条　示范管理部门应当自收到申请之日起五个工作日内作出是否受理的决定；"
    "五个工作日内不能作出决定的，经本部门负责人批准，可以延长五日。",
    "第六条　有下列情形之一的，不予许可：申请材料虚假的，或者三年内受过刑事处罚的。",
]
CONTENTS = [
    "目　　录",
    "第一编　总　　则",
    "第一章　一般规定",
    "第二章　基本原则",
    "第二编　分　　则",
    "第三章　许可管理",
]


def _print(browser, paras: list[str], path: Path) -> Path:  # noqa: ANN001 - playwright Browser
    body = "".join(f"<p>{p}</p>" for p in paras)
    html = f"<!DOCTYPE html><html><head><meta charset='utf-8'><style>{STYLE}</style></head>{body}</html>"
    return print_pdf(browser, html, path, page=PAGE)


def _bare(text: str) -> str:
    return "".join(text.split())


def _outline(path: Path):  # noqa: ANN202 - qa.structure.Outline
    return recover_outline(read_pdf(path, path.name))


def _path_of(outline, start: str) -> tuple[str, ...]:  # noqa: ANN001
    for section in outline.sections:
        for i in section.paragraphs:
            if _bare(outline.paragraphs[i].text).startswith(_bare(start)):
                return tuple(_bare(t) for t in section.path)
    raise AssertionError(f"no paragraph opens with {start!r}")


def _paragraphs(outline) -> list[str]:  # noqa: ANN001
    return [_bare(p.text) for p in outline.paragraphs]


def test_a_law_printed_one_line_a_paragraph_keeps_its_articles_and_chapters_apart(browser, tmp_path: Path) -> None:
    outline = _outline(_print(browser, LAW, tmp_path / "law.pdf"))
    paragraphs = _paragraphs(outline)
    assert _bare(LAW[3]) in paragraphs and _bare(LAW[4]) in paragraphs  # 第一条, 第二条: one paragraph each
    assert _path_of(outline, "第二条") == ("第一编总则", "第一章一般规定")
    assert _path_of(outline, "第三条") == ("第一编总则", "第二章基本原则")
    assert _path_of(outline, "第四条") == ("第二编分则", "第三章许可管理")
    assert _bare(LAW[10]) in paragraphs  # a wrapped article stays whole


def test_a_notices_full_width_one_line_items_are_one_paragraph_each(browser, tmp_path: Path) -> None:
    # (numbered in full-width characters, so that each item is exactly 30 em: a line full to the edge)
    items = [
        f"第{n}项：各单位要落实防汛责任制，预案须于汛前完成演练并备案。" for n in "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳"
    ]
    assert all(len(item) == 30 for item in items)  # each fills its line
    outline = _outline(_print(browser, ["关于做好防汛工作的通知", *items], tmp_path / "notice.pdf"))
    paragraphs = _paragraphs(outline)
    assert all(_bare(item) in paragraphs for item in items)


def test_paragraphs_whose_lines_end_a_sentence_at_the_edge_stay_whole(browser, tmp_path: Path) -> None:
    # Each paragraph's first line is a whole sentence of 30 characters, ending at the column's edge; the paragraph
    # goes on under it. Other lines wrap inside a word (what tells the line spacing from the paragraph space).
    first = "本年度全市共完成老旧小区改造项目一百二十个，惠及居民四万户。"
    rest = "改造内容包括加装电梯、更新管网、增设停车位和充电设施等，居民满意度调查显示总体满意率达到百分之九十。"
    assert len(first) == 30
    paras = [f"{first}{rest}"] * 6
    outline = _outline(_print(browser, ["年度工作总结", *paras], tmp_path / "report.pdf"))
    assert _paragraphs(outline).count(_bare(paras[0])) == 6


def test_a_law_printed_with_its_contents_list_reads_the_list_as_no_headings(browser, tmp_path: Path) -> None:
    outline = _outline(_print(browser, [LAW[0], *CONTENTS, *LAW[1:]], tmp_path / "law_contents.pdf"))
    heads = [_bare(outline.paragraphs[i].text) for i in outline.roles if outline.roles[i] == "heading"]
    assert heads.count("第二章基本原则") <= 1  # once, over its articles — not again as a contents entry
    assert _path_of(outline, "第一条") == ("第一编总则", "第一章一般规定")


def test_a_list_under_a_contents_title_that_names_nothing_further_on_stays_text(browser, tmp_path: Path) -> None:
    annexes = ["目　　录", "附件一　报名登记表", "附件二　诚信承诺书", "附件三　材料清单"]
    outline = _outline(
        _print(browser, ["关于开展评选工作的通知", *annexes, "请各单位按附件要求报送材料。"], tmp_path / "n.pdf")
    )
    text = "".join(_paragraphs(outline))
    assert all(_bare(a) in text for a in annexes[1:])
