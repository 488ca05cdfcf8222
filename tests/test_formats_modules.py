"""PDF reader on newspaper modules: nameplates, headlines over unaligned columns, pull quotes, briefs boxes,
modules parted by rules, and row splitting at gutters. Each page is a real PDF typeset by Typst (its own
line breaking, unbalanced columns, columns that do not share a baseline grid) or drawn with reportlab.

Each test guards one general rule of qa.formats.pdf (found on Typst-typeset papers, benchmarks/formats.py):
without it the article a user is shown for a hit is wrong or its paragraphs are cut.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from qa.loading import load_file
from qa.structure import recover_outline
from tests.newspaper_pdfs import article_pool
from tests.newspaper_typst import FONT, FONT_DIR, typst_available

_why_not = typst_available()
needs_typst = pytest.mark.skipif(_why_not is not None, reason=_why_not or "")

PREAMBLE = (
    f'#set text(font: "{FONT}", size: 10pt, lang: "zh", region: "cn")\n'
    "#set par(justify: true, leading: 0.6em, spacing: 0.6em, first-line-indent: (amount: 2em, all: true))\n"
    "#set block(spacing: 0pt)\n"
)


def _typst(path: Path, source: str) -> Path:
    import typst

    path.write_bytes(typst.compile((PREAMBLE + source).encode("utf-8"), font_paths=[str(FONT_DIR)]))
    return path


def _s(text: str) -> str:
    import json

    return json.dumps(text, ensure_ascii=False)


def _paragraphs(seed: int, n: int, least: int = 40) -> list[str]:
    out = [p for a in article_pool(random.Random(seed)) for p in a.paragraphs if len(p) >= least]
    return out[:n]


def _body(paragraphs: list[str]) -> str:
    return "\n\n".join(f"#par[#{_s(p)}]" for p in paragraphs)


def _sections(path: Path) -> dict[str, list[str]]:
    """Section title (innermost) -> the normalised text of its paragraphs, from what `qa build` reads."""
    outline = recover_outline(load_file(path))
    out: dict[str, list[str]] = {}
    for section in outline.sections:
        title = section.path[-1] if section.path else ""
        out.setdefault(title, []).extend("".join(outline.paragraphs[i].text.split()) for i in section.paragraphs)
    return out


def _whole_in(texts: list[str], paragraph: str) -> bool:
    return any("".join(paragraph.split()) in t for t in texts)


@needs_typst
def test_a_front_page_nameplate_is_no_headline(tmp_path):
    """The paper's name in huge type with its ear (date, CN number, 第1版) is page furniture: the lead story's
    headline is the first section, and the ear's lines are not body text."""
    paras = _paragraphs(1, 6)
    ear = "1998年1月9日　星期五 \\ 农历腊月十一 \\ 国内统一连续出版物号 CN 12-0015 \\ 今日8版　第1版"
    source = (
        "#set page(width: 230mm, height: 320mm, margin: 15mm)\n"
        "#grid(columns: (1fr, 1fr), align: horizon, "
        '[#text(size: 55pt, weight: "bold", tracking: 0.15em)[滨江日报]], '
        f"[#align(right)[#set par(first-line-indent: 0pt, leading: 0.45em); {ear}]])\n"
        "#v(6pt) #line(length: 100%, stroke: 2pt) #v(8pt)\n"
        '#block(width: 100%, below: 8pt)[#set align(center); #text(size: 28pt, weight: "bold")[三峡二期工程全面开工]]\n'
        f"#columns(3, gutter: 14pt)[{_body(paras)}]\n"
    )
    sections = _sections(_typst(tmp_path / "front.pdf", source))
    assert "滨江日报" not in sections and not any("滨江日报" in t for ts in sections.values() for t in ts)
    assert not any("CN12-0015" in t for ts in sections.values() for t in ts)
    assert all(_whole_in(sections["三峡二期工程全面开工"], p) for p in paras)


@needs_typst
def test_a_headline_centred_over_columns_that_do_not_line_up(tmp_path):
    """Columns filled one by one (unbalanced, paragraph spaces of their own) under a headline centred across
    a gutter are read column by column: every paragraph comes out whole, not interleaved row by row."""
    paras = _paragraphs(2, 7)
    source = (
        "#set page(width: 230mm, height: 200mm, margin: 15mm)\n"
        "#set par(spacing: 1.4em)\n"
        '#block(width: 100%, below: 2pt)[#set align(center); #text(size: 16pt, weight: "bold")[湖南郴州讲政德]]\n'
        f"#block(height: 120mm)[#columns(4, gutter: 14pt)[{_body(paras)}]]\n"
    )
    sections = _sections(_typst(tmp_path / "centred.pdf", source))
    whole = [p for p in paras if _whole_in(sections.get("湖南郴州讲政德", []), p)]
    # A paragraph broken at a column end may be cut at the break; the others must be whole.
    assert len(whole) >= len(paras) - 3, (len(whole), len(paras))


@needs_typst
def test_a_pull_quote_is_no_headline(tmp_path):
    """A sentence of the story repeated in large type between rules (ending with a full stop) stays in its
    article; the text after it is not filed under it."""
    paras = _paragraphs(3, 6)
    quote = "这些旅游热线的门票和交通费在春节期间一律半价，老人和孩子免票。"
    pull = (
        "#block(width: 100%, stroke: (top: 0.8pt, bottom: 0.8pt), inset: (y: 4pt), above: 6pt, below: 6pt)"
        f"[#set par(first-line-indent: 0pt, justify: false); #text(size: 13pt)[#{_s(quote)}]]"
    )
    source = (
        "#set page(width: 200mm, height: 260mm, margin: 15mm)\n"
        '#block(width: 100%, below: 8pt)[#text(size: 24pt, weight: "bold")[上海旅游市场火]]\n'
        f"#columns(2, gutter: 14pt)[{_body(paras[:2])}\n\n{pull}\n\n{_body(paras[2:])}]\n"
    )
    sections = _sections(_typst(tmp_path / "quote.pdf", source))
    assert set(sections) == {"上海旅游市场火"}, list(sections)
    assert _whole_in(sections["上海旅游市场火"], quote)
    assert all(_whole_in(sections["上海旅游市场火"], p) for p in paras[2:])


@needs_typst
def test_a_briefs_box_first_item_is_an_item_like_the_others(tmp_path):
    """In a briefs box (要闻简报) every item title, the first one right under the box's title too, heads its own
    item — the first is not taken for the box title's subtitle."""
    items = [("加两大银行合并", _paragraphs(4, 1)[0]), ("英允诺做建设性欧盟主席国", _paragraphs(5, 1)[0])]
    items.append(("中国内地没有禽流感流行", _paragraphs(6, 1)[0]))
    body = "\n\n".join(
        f'#block(above: 6pt, below: 3pt)[#text(size: 11pt, weight: "bold")[#{_s(t)}]]\n\n#par[#{_s(p)}]'
        for t, p in items
    )
    story = _paragraphs(11, 6)
    briefs = (
        "block(width: 100%, stroke: 0.7pt, inset: 5pt)["
        "#block(width: 100%, fill: luma(30), inset: 3pt, below: 6pt)[#text(fill: white, size: 15pt)[要闻简报]]\n"
        f"{body}]"
    )
    beside = (
        '[#block(width: 100%, below: 6pt)[#text(size: 22pt, weight: "bold")[西班牙国际象棋公开赛]]\n'
        f"#columns(2, gutter: 14pt)[{_body(story)}]]"
    )
    source = (
        "#set page(width: 230mm, height: 300mm, margin: 15mm)\n"
        f"#grid(columns: (1fr, 2fr), column-gutter: 18pt, {briefs}, {beside})\n"
    )
    sections = _sections(_typst(tmp_path / "briefs.pdf", source))
    for title, text in items:
        assert _whole_in(sections.get(title, []), text), (title, list(sections))


@needs_typst
def test_modules_parted_by_a_rule_keep_their_text(tmp_path):
    """Two modules stacked close, parted by a rule: the upper module's columns (the last one short) end above
    the rule, and the lower headline, centred across the upper module's gutter, opens the lower story."""
    pool = list(dict.fromkeys(_paragraphs(7, 40)))
    upper = []
    while sum(map(len, upper)) < 480:  # about two and a half columns of text: the third column ends short
        upper.append(pool.pop(0))
    lower = pool[:4]
    source = (
        "#set page(width: 230mm, height: 300mm, margin: 15mm)\n"
        '#block(width: 100%, below: 5pt)[#set align(center); #text(size: 20pt, weight: "bold")[重庆深化爱国主义教育]]\n'
        f"#block(height: 70mm)[#columns(3, gutter: 14pt)[{_body(upper)}]]\n"
        "#v(-1.5pt) #line(length: 100%, stroke: 0.6pt) #v(-1.5pt)\n"
        "#block(width: 100%, below: 5pt)[#set align(center); "
        '#text(size: 20pt, weight: "bold")[斯德哥尔摩成为欧洲文化首都]]\n'
        f"#block(height: 70mm)[#columns(3, gutter: 14pt)[{_body(lower)}]]\n"
    )
    sections = _sections(_typst(tmp_path / "bands.pdf", source))
    assert sum(_whole_in(sections.get("重庆深化爱国主义教育", []), p) for p in upper) >= len(upper) - 1
    assert sum(_whole_in(sections.get("斯德哥尔摩成为欧洲文化首都", []), p) for p in lower) >= len(lower) - 1
    assert not any(_whole_in(sections.get("斯德哥尔摩成为欧洲文化首都", []), p) for p in upper)


def _cid_canvas(path: Path, size: tuple[float, float]):  # noqa: ANN202 - a reportlab canvas
    pytest.importorskip("reportlab")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    return canvas.Canvas(str(path), pagesize=size)


def test_a_line_ending_in_a_comma_does_not_run_into_the_next_column(tmp_path):
    """A full-width comma hangs at a column's line end, its box reaching half an em into a one-em gutter:
    the rows of the two columns stay two lines (reportlab draws each character where a typesetter put it)."""
    size, width, gutter = 10.0, 16, 10.0  # 16 characters a column, a one-em gutter
    text = "".join(_paragraphs(9, 12))
    path = tmp_path / "comma.pdf"
    c = _cid_canvas(path, (2 * width * size + gutter + 80, 400))
    c.setFont("STSong-Light", size)
    at, rows = 0, []
    for row in range(20):
        pair = []
        for col in (0, 1):
            x0 = 40 + col * (width * size + gutter)
            if col == 0 and row % 2 == 0:  # 15 characters spread a little, then the comma hanging
                line = text[at : at + width - 1] + "，"
                xs = [x0 + k * size * 15.5 / 15 for k in range(width - 1)] + [x0 + 15.5 * size]
            else:
                line = text[at : at + width]
                xs = [x0 + k * size for k in range(width)]
            at += width - 1 if line.endswith("，") else width
            for x, ch in zip(xs, line, strict=True):
                c.drawString(x, 360 - row * 15, ch)
            pair.append(line)
        rows.append(pair)
    c.save()
    flat = "".join(load_file(path).text.split())
    left, right = rows[4]
    assert left in flat and right in flat
    assert left + right not in flat


def test_a_justified_headline_with_spread_characters_is_one_heading(tmp_path):
    """A headline justified across its article's two columns (a quarter em between its characters, one such
    gap right over the gutter) is one heading over both columns, not two headlines each over a column."""
    body, head = 10.0, 26.0
    title = "文化下乡又添新景百套机器"
    paras = [p for p in _paragraphs(10, 60, least=60) if not any(ch.isascii() for ch in p)][:8]  # all full-width
    path = tmp_path / "spread.pdf"
    c = _cid_canvas(path, (600, 800))
    c.setFont("STSong-Light", head)
    for k, ch in enumerate(title):
        c.drawString(30 + k * head * 1.27, 740, ch)  # the gap after the 8th character lies over the gutter
    c.setFont("STSong-Light", body)
    for x0, column in ((40, paras[:4]), (300, paras[4:])):
        y = 700
        for p in column:
            lines = [p[:22]] + [p[i : i + 24] for i in range(22, len(p), 24)]
            for n, line in enumerate(lines):
                c.drawString(x0 + (0 if n else 2 * body), y, line)
                y -= 14
    c.save()
    sections = _sections(path)
    assert list(sections) == [title], list(sections)
    assert all(_whole_in(sections[title], p) for p in paras)


@needs_typst
def test_subheads_one_step_larger_than_a_large_body_head_their_part(tmp_path):
    """Subheads set 1.08 times a 10.5 pt body (11.34 pt, read as 11.3 pt) in a weight the font cannot
    show are the article's subheads: the paragraphs after each are filed under it."""
    paras = _paragraphs(12, 6)
    parts = {2: "现场", 4: "数据"}
    body = "\n\n".join(
        (f'#block(above: 8pt, below: 5pt)[#text(size: 11.34pt, weight: "bold")[{parts[k]}]]\n\n' if k in parts else "")
        + f"#par[#{_s(p)}]"
        for k, p in enumerate(paras)
    )
    source = (
        "#set page(width: 230mm, height: 320mm, margin: 15mm)\n#set text(size: 10.5pt)\n"
        '#block(width: 100%, below: 8pt)[#text(size: 24pt, weight: "bold")[一月至二月歌舞乐不休]]\n'
        f"#columns(3, gutter: 14pt)[{body}]\n"
    )
    sections = _sections(_typst(tmp_path / "subheads.pdf", source))
    assert _whole_in(sections.get("现场", []), paras[2]) and _whole_in(sections.get("现场", []), paras[3])
    assert _whole_in(sections.get("数据", []), paras[4])


@needs_typst
def test_a_byline_under_a_centred_headline_does_not_part_it_from_its_first_column(tmp_path):
    """Under a centred headline a byline line sits right above the columns' text (the module's last column
    left empty): the first column is still read under the headline, not before it."""
    pool = list(dict.fromkeys(_paragraphs(15, 30)))
    paras = []
    while sum(map(len, paras)) < 380:  # about one and a half columns
        paras.append(pool.pop(0))
    head = '#block(width: 100%, below: 2pt)[#set align(center); #text(size: 17pt, weight: "bold")[首都劳模联欢]]'
    byline = "#block(width: 100%, below: 3pt)[#set align(center); 本报记者　颜世贵　贾庆林]"
    source = (
        "#set page(width: 230mm, height: 200mm, margin: 15mm)\n"
        f"{head}\n{byline}\n#block(height: 45mm)[#columns(3, gutter: 14pt)[{_body(paras)}]]\n"
        "#v(4pt) #line(length: 100%, stroke: 0.6pt) #v(4pt)\n"
        '#block(width: 100%, below: 4pt)[#text(size: 17pt, weight: "bold")[中国民乐除夕回荡维也纳]]\n'
        f"#columns(3, gutter: 14pt)[{_body(pool[:3])}]\n"
    )
    sections = _sections(_typst(tmp_path / "byline.pdf", source))
    assert sum(_whole_in(sections.get("首都劳模联欢", []), p) for p in paras) >= len(paras) - 1, list(sections)


@needs_typst
def test_a_word_formed_at_a_seam_by_chance_does_not_outweigh_what_the_runs_say(tmp_path):
    """Two stories jump to page 2 with the same markers and no jump heads. One page-1 text ends with 而 and
    the other story's continuation starts with 已 ('而已' is a word): each continuation still goes back to
    the story whose words it uses."""
    formaldehyde = (
        "新装修的住宅里，甲醛是最常见的污染物。室内的甲醛从建材、家具、壁纸的粘着剂以及涂料中释放出来，"
        "越是新的建筑物，释放出的甲醛浓度就越高。甲醛的致癌能力（下转第2版）"
    )
    consumers = (
        "消费者协会发布的调查显示，消费者的自我保护意识和监督意识大大提高。在受到商业欺诈后，"
        "只有两成消费者采取“忍了”的态度，而（下转第2版）"
    )
    runs = {
        "新居甲醛污染不容忽视": "（上接第1版）已通过动物实验得到了证实，甲醛浓度过高甚至能直接导致动物死亡。"
        "此外，甲醛还能引起化学物质过敏症，使人感到头痛、目眩。",
        "消费者维权意识增强": "（上接第1版）在前年，采取同样态度的消费者多达四成，受到过商业欺诈的消费者也比去年多。",
    }
    page = "#set page(width: 200mm, height: 150mm, margin: 15mm)\n"
    head = '#block(width: 100%, below: 6pt)[#text(size: 20pt, weight: "bold")[{}]]\n'
    source = (
        page
        + "#columns(2, gutter: 14pt)["
        + head.format("新居甲醛污染不容忽视")
        + f"#par[#{_s(formaldehyde)}]\n#colbreak()\n"
        + head.format("消费者维权意识增强")
        + f"#par[#{_s(consumers)}]]\n#pagebreak()\n"
        + head.format("另一条新闻")
        + _body(_paragraphs(16, 1))
        + "\n"
        + "\n".join(f"#par(first-line-indent: 0pt)[#{_s(t)}]" for t in runs.values())
    )
    sections = _sections(_typst(tmp_path / "seam.pdf", source))
    for title, run in runs.items():
        assert _whole_in(sections.get(title, []), run), (title, list(sections))
