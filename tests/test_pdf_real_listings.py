"""A manual whose code listings hold more characters than its prose: the body is the prose's size.

Seen on the TUNING documents of ``python benchmarks/real_pdfs.py`` (a documented source printed with its code,
a thesis template's manual): listings in a typewriter face a size or two below the prose outnumber its
characters. Measured by them, every line of prose read as display type (a page of one-line "headings") and a
section heading near the top of a page as a nameplate. The PDF here is written by reportlab (Courier listings,
STSong prose) and read by the real reader and structure stage.
"""

from __future__ import annotations

from qa.formats.pdf import read_pdf
from qa.structure import recover_outline

PROSE = 10.5
CODE = 9.0
LEFT = 90.0
TEXT = (
    "本宏包是针对中日韩文的横排文档设计出来的，它依赖于下面这些宏包，请确保发行版里已经安装好了这些宏包的最新版本"
    "在西文排版里，相邻两行基线之间的距离称为行距，一般来说西文的行距为字号的一点二倍左右，而中文的行距要大一些"
)
CODE_LINES = [
    r"\cs_new_protected:Npn \__fdu_check_package:nnn #1#2#3",
    "  {",
    r"    \@ifpackagelater {#1} {#2}",
    r"      { } { \__fdu_error:nnnn { package-too-old } { Package } {#1} {#3} }",
    "  }",
    r"\keys_define:nn { fdu / style }",
    "  {",
    r"    font .choices:nn = { times, termes, stix, xits, libertinus, lm, none }",
    r"      { \tl_set_eq:NN \g__fdu_font_tl \l_keys_choice_tl },",
    r"    cjk-font .tl_set:N = \g__fdu_cjk_font_tl,",
    "  }",
]


def test_code_listings_outnumbering_the_prose_do_not_set_the_body_size(tmp_path, fonts) -> None:
    from reportlab.pdfgen import canvas

    path = tmp_path / "manual.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    titles = ["1 宏包选项", "2 字体设置", "3 页面布局", "4 章节标题"]
    for n, title in enumerate(titles):
        y = 770.0
        c.setFont("STSong-Light", 14)
        c.drawString(LEFT, y, title)
        y -= 30
        # a paragraph of prose: lines of 36 characters, broken mid-sentence as CJK text is
        text = TEXT[n * 7 :] + TEXT[: n * 7]
        text += text
        c.setFont("STSong-Light", PROSE)
        for i in range(0, 144, 36):
            c.drawString(LEFT + (2 * PROSE if i == 0 else 0), y, text[i : i + 36])
            y -= 16
        y -= 8
        c.setFont("Courier", CODE)
        for k in range(2 * len(CODE_LINES)):
            c.drawString(LEFT + 20, y, CODE_LINES[(k + n) % len(CODE_LINES)])
            y -= 11.5
        c.showPage()
    c.save()

    outline = recover_outline(read_pdf(path, path.name))
    headings = [p.text for p in outline.paragraphs if outline.roles.get(p.index) == "heading"]
    assert headings == titles
    # each page's prose is one paragraph under its own section
    for n, title in enumerate(titles):
        text = TEXT[n * 7 :] + TEXT[: n * 7]
        (para,) = [p for p in outline.paragraphs if p.text.startswith(text[:20])]
        assert para.text == (text + text)[:144]
        assert [s.path[-1] for s in outline.sections if para.index in s.paragraphs] == [title]
