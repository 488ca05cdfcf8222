"""PDF reading of pages laid out and written by WeasyPrint (its own CSS engine and PDF writer).

Each test prints a small page of its own with WeasyPrint, one layout trait at a time, the way a
newspaper or report set in CSS would have it: a headline centred over columns it does not reach, a
multi-column block opening under another, CJK lines left short by line-breaking rules, bold subheads
in a 黑体 body, two jumps that only their words tell apart. The family as a whole is measured by
benchmarks/formats.py; these guard the general rules it relies on.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.loading import load_file
from qa.structure import markers, recover_outline
from tests.newspaper_weasy import weasyprint_available

_WHY_NOT = weasyprint_available()

CSS = """
@page { size: 297mm 420mm; margin: 18mm }
body { font-family: 'WenQuanYi Micro Hei'; font-size: 10pt; line-height: 1.5; margin: 0 }
p { text-indent: 2em; margin: 0; text-align: justify }
.cols { column-count: 4; column-gap: 1.5em }
"""


def _pdf(tmp_path: Path, body: str, css: str = CSS, name: str = "page.pdf") -> Path:
    if _WHY_NOT:
        pytest.skip(_WHY_NOT)
    from weasyprint import HTML

    path = tmp_path / name
    head = f"<!doctype html><html><head><meta charset='utf-8'><style>{css}</style></head>"
    HTML(string=f"{head}<body>{body}</body></html>").write_pdf(str(path))
    return path


def _text(tag: str, sentences: int) -> str:
    return "".join(f"{tag}第{k}句记录了本地经济社会发展的新进展和群众的新期待。" for k in range(1, sentences + 1))


def _sections(path: Path) -> tuple[dict[str, tuple[str, ...]], list[str]]:
    """Paragraph text -> its section path, and the paragraphs in outline order."""
    outline = recover_outline(load_file(path))
    where, order = {}, []
    for section in outline.sections:
        for i in section.paragraphs:
            text = "".join(outline.paragraphs[i].text.split())
            where[text] = section.path
            order.append(text)
    return where, order


def _section_of(where: dict[str, tuple[str, ...]], text: str) -> tuple[str, ...] | None:
    """The section of the one paragraph holding ``text`` whole (None when it is split or missing)."""
    hits = [path for para, path in where.items() if text in para]
    return hits[0] if len(hits) == 1 else None


def test_jump_marker_wordings_name_their_editions():
    """Wordings papers use besides 下转第2版/上接第1版: unfinished, lettered editions, a section after
    the edition, pages; a reference that is no jump (详见) or a bare 转2 is no marker."""
    transfers = {
        "（未完，转A2版）": 2,
        "（转第2版·要闻）": 2,
        "（下转A3）": 3,
        "（转二版）": 2,
        "（下转第12页）": 12,
        "（转下页）": 2,
        "（下转第２版）": 2,
    }
    for marker, edition in transfers.items():
        found = markers.transfer_marker("正文说到一半" + marker)
        assert found == marker and markers.named_edition(found, here=1) == edition, marker
    continued = {"（接A1版）": 1, "（紧接A1版）": 1, "（上接第1版·要闻）": 1, "（接上页）": 1, "（续第一版）": 1}
    for marker, edition in continued.items():
        found = markers.continuation_marker(marker + "接着说完")
        assert found == marker and markers.named_edition(found, here=2) == edition, marker
    # Routes, vitamins and counts in brackets are prose, not jumps: a bare letter-number needs 下转/上接.
    prose = ("读者可以参阅（详见第5版）", "他说（转2）", "（续）本文", "乘T1次到北京（转K9次）")
    for text in (*prose, "沿京藏高速行驶（转G6）", "补充维生素（转B12）", "每人发一面（转三面）", "（接G6）本文"):
        assert markers.transfer_marker(text) is None and markers.continuation_marker(text) is None


def test_centred_headline_heads_its_columns_and_the_next_block_opens_below(tmp_path):
    """A lead headline centred over four columns it does not reach (the first and last column look
    cut off by a gutter), then a second four-column block whose first story's headline sits a little
    lower than the text atop the other columns: the lead reads headline first, then its columns in
    order, and the block below is not mixed into it."""
    lead = [_text(f"头条{k}", 4) for k in range(1, 5)]
    story = [_text(f"乙文{k}", 6) for k in range(1, 7)]
    other = [_text(f"丙文{k}", 6) for k in range(1, 5)]
    css = (
        CSS
        + """
    h1 { text-align: center; font-size: 24pt; margin: 0 0 .4em 0 }
    h2 { font-size: 16pt; margin: .5em 0 .3em 0 }
    .lead { column-count: 4; column-gap: 1.5em; border-bottom: 1pt solid #000;
            padding-bottom: .5em; margin-bottom: .8em }
    """
    )
    body = (
        "<h1>头条新闻标题</h1><div class='lead'>"
        + "".join(f"<p>{t}</p>" for t in lead)
        + "</div><div class='cols'><h2>第二条新闻的标题</h2>"
        + "".join(f"<p>{t}</p>" for t in story)
        + "<h2>第三条新闻的标题</h2>"
        + "".join(f"<p>{t}</p>" for t in other)
        + "</div>"
    )
    where, order = _sections(_pdf(tmp_path, body, css))
    for texts, headline in ((lead, "头条新闻标题"), (story, "第二条新闻的标题"), (other, "第三条新闻的标题")):
        for text in texts:
            assert _section_of(where, text) == (headline,), text[:12]
    positions = [next(n for n, para in enumerate(order) if text in para) for text in lead]
    assert positions == sorted(positions)


def test_lines_left_short_by_line_breaking_rules_do_not_end_paragraphs(tmp_path):
    """WeasyPrint does not stretch CJK lines: where the next line's first run may not be broken
    (a quotation mark glued to its characters, a number, closing punctuation), the line ends short of
    the column edge. Paragraphs (not indented, so only a short line can end one) are read whole."""
    words = ["“改革年”", "“冰山”。", "１９９７年", "“两国集团”和“四国集团”", "８·９％，", "“菜篮子”"]
    paragraphs = [
        "".join(f"第{p}段第{k}句提到{words[(p + k) % len(words)]}并说明了有关情况" for k in range(1, 9)) + "。"
        for p in range(1, 13)
    ]
    css = (
        CSS.replace("text-indent: 2em; margin: 0", "text-indent: 0; margin: 0 0 .6em 0")
        + """
    h1 { font-size: 22pt } .cols { column-count: 5; column-gap: 1.2em }
    """
    )
    body = "<h1>短行不分段</h1><div class='cols'>" + "".join(f"<p>{t}</p>" for t in paragraphs) + "</div>"
    where, _ = _sections(_pdf(tmp_path, body, css))
    whole = [text for text in paragraphs if _section_of(where, "".join(text.split())) == ("短行不分段",)]
    assert len(whole) == len(paragraphs), f"{len(whole)} of {len(paragraphs)} paragraphs read whole"


def test_bold_subheads_in_a_heiti_body_are_subheads(tmp_path):
    """The body is set in a 黑体 (WenQuanYi Micro Hei, whose name reads bold); the subheads are its bold
    face at almost body size. They are the article's second-level sections, not body text."""
    parts = {"缘起": [_text("缘起", 5), _text("缘起续", 4)], "进展": [_text("进展", 6)], "展望": [_text("展望", 5)]}
    css = CSS + "h1 { font-size: 22pt } h4 { font-size: 10.5pt; font-weight: bold; margin: .3em 0 .15em 0 }"
    body = "<h1>一篇带小标题的报道</h1><div class='cols'>" + _text("导语", 3).join(["<p>", "</p>"])
    for head, texts in parts.items():
        body += f"<h4>{head}</h4>" + "".join(f"<p>{t}</p>" for t in texts)
    body += "</div>"
    where, _ = _sections(_pdf(tmp_path, body, css))
    for head, texts in parts.items():
        for text in texts:
            assert _section_of(where, text) == ("一篇带小标题的报道", head), text[:10]


def test_jumps_naming_the_same_pages_are_told_apart_by_their_words(tmp_path):
    """Two articles jump from page 1 to page 2 with the same markers and no jump headlines; their
    continuations are printed in the other order. Each goes back to the article whose words it uses."""
    panda = ["沈阳市动物园的大熊猫强强今天启程返回四川卧龙，饲养员冯惠芳给熊猫强强准备了牛奶和竹子，熊猫"]
    panda_rest = [
        "强强趴在笼子里，饲养员冯惠芳端起牛奶喂熊猫强强。沈阳市民赶来送别大熊猫强强，熊猫强强将在卧龙安度晚年。"
    ]
    web = ["浙江省政府新闻办公室开通金鸽工程网站，用户在因特网上轻击键盘，就能在金鸽工程的"]
    web_rest = [
        "主页上查询浙江省的人文地理和招商信息。金鸽工程网站每月访问量超过十万次，浙江省新闻办公室还将扩充网站内容。"
    ]
    css = CSS + "h1 { font-size: 20pt } .page2 { break-before: page }"
    body = (
        "<h1>大熊猫强强告别沈阳</h1>"
        + "".join(f"<p>{t}（下转第2版）</p>" for t in panda)
        + "<h1>金鸽工程网站开通</h1>"
        + "".join(f"<p>{t}（下转第2版）</p>" for t in web)
        + "<div class='page2'><h1>另一条新闻</h1><p>"
        + _text("别文", 3)
        + "</p>"
        + "".join(f"<p>（上接第1版）{t}</p>" for t in web_rest)
        + "".join(f"<p>（上接第1版）{t}</p>" for t in panda_rest)
        + "</div>"
    )
    where, _ = _sections(_pdf(tmp_path, body, css))
    assert _section_of(where, panda_rest[0][:20]) == ("大熊猫强强告别沈阳",)
    assert _section_of(where, web_rest[0][:20]) == ("金鸽工程网站开通",)
