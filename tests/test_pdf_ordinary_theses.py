"""Theses and reports typeset by XeLaTeX with ctex: footnotes and the contents page.

A thesis chapter's footnote mark ('快速增长¹，') is small raised type: read apart, it cut its paragraph in three
and stood as a paragraph '1' of its own; the notes at the page's foot were read where they stand, so a paragraph
running over the page break was cut by them and a note was filed under whatever section the page ended in. The
contents page ('目录', titles, dot leaders, page numbers) was read as text and sections, so a question about
'研究背景' found the contents line. Documents written here in LaTeX and typeset by the real XeLaTeX (two runs, for
the contents); read by the real reader and structure stage.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from qa.loading import load_file
from qa.structure import recover_outline

TEXT = (
    "城市交通是现代城市运行的基础系统，其运行效率直接影响居民出行质量和城市经济活力。近年来，随着机动车保有量"
    "快速增长，道路供需矛盾日益突出，高峰时段拥堵已经成为常态。"
)
CHAPTERS = [
    ("绪论", ["研究背景", "研究意义", "研究方法"]),
    ("文献综述", ["国外研究现状", "国内研究现状"]),
    ("拥堵成因分析", ["道路供给", "出行结构", "交通管理"]),
    ("结论与展望", []),
]


def _why_not() -> str | None:
    if shutil.which("xelatex") is None or shutil.which("kpsewhich") is None:
        return "XeLaTeX is not installed (scripts/install-latex.sh)"
    found = subprocess.run(["kpsewhich", "ctexart.cls"], capture_output=True, text=True, check=False).stdout
    if not found.strip():
        return "ctex is not installed (Debian: texlive-lang-chinese)"
    return None


def _thesis(cls: str, size: str) -> str:
    """A thesis in ``cls`` (ctexart: sections; ctexrep: chapters), its text in ``size`` (ctex's zihao)."""
    top, sub = ("chapter", "section") if cls == "ctexrep" else ("section", "subsection")
    out = [
        rf"\documentclass[UTF8,a4paper,zihao={size},fontset=none]{{{cls}}}",
        r"\setCJKmainfont{WenQuanYi Micro Hei}",
        r"\usepackage{fancyhdr}\pagestyle{fancy}\fancyhf{}\fancyhead[C]{某某大学硕士学位论文}\fancyfoot[C]{\thepage}",
        r"\title{城市交通拥堵成因与对策研究}\author{陈同学}\date{2024年5月}",
        r"\begin{document}",
        r"\maketitle",
        r"\tableofcontents",
        r"\newpage",
    ]
    note = 0
    for chapter, sections in CHAPTERS:
        out += [rf"\{top}{{{chapter}}}", TEXT * 2]
        for title in sections:
            out.append(rf"\{sub}{{{title}}}")
            for k in range(3):
                text = f"【{title}第{k + 1}段】" + TEXT * 2
                if k == 1:  # a note in the paragraph's first sentence: its mark inside the line
                    note += 1
                    text = text.replace("快速增长", rf"快速增长\footnote{{注{note}：数据来源于{title}统计公报。}}", 1)
                out.append(text)
    out.append(r"\end{document}")
    return "\n\n".join(out)


@pytest.fixture(scope="module", params=[("ctexart", "-4"), ("ctexrep", "5")], ids=["ctexart", "ctexrep"])
def thesis(request, tmp_path_factory) -> Path:
    why = _why_not()
    if why:
        pytest.skip(why)
    cls, size = request.param
    root = tmp_path_factory.mktemp(cls)
    (root / "thesis.tex").write_text(_thesis(cls, size), encoding="utf-8")
    for _ in range(2):  # the second run prints the contents the first one wrote down
        subprocess.run(
            ["xelatex", "-interaction=batchmode", "thesis.tex"], cwd=root, capture_output=True, timeout=240, check=False
        )
    if not (root / "thesis.pdf").exists():
        pytest.fail(f"xelatex did not typeset the {cls} thesis")
    return root / "thesis.pdf"


def _sections(path: Path) -> list[tuple[str, list[str]]]:
    outline = recover_outline(load_file(path))
    return [
        (s.path[-1] if s.path else "", [outline.paragraphs[i].text for i in s.paragraphs]) for s in outline.sections
    ]


def test_every_paragraph_is_whole_and_under_its_heading_footnote_marks_and_all(thesis) -> None:
    seen = 0
    for heading, texts in _sections(thesis):
        for text in texts:
            solid = text.replace(" ", "")
            assert not re.fullmatch(r"[\d⁰-⁹¹²³]+", solid), f"a footnote mark read as a paragraph under {heading}"
            found = re.match(r"【(.+?)第(\d)段】", solid)
            if found:
                seen += 1
                assert heading.endswith(found.group(1)), (heading, solid[:20])
                assert solid.count("城市交通是") == 2 and solid.endswith("常态。"), f"cut paragraph: {solid[:60]}"
    assert seen == 3 * sum(len(sections) for _, sections in CHAPTERS)


def test_a_footnote_is_filed_under_the_section_citing_it(thesis) -> None:
    notes = 0
    for heading, texts in _sections(thesis):
        for text in texts:
            found = re.search(r"注\d+：数据来源于(.+?)统计公报", text.replace(" ", ""))
            if found:
                notes += 1
                assert heading.endswith(found.group(1)), (heading, text)
    assert notes == sum(len(sections) for _, sections in CHAPTERS)


def test_the_contents_page_is_no_section_and_no_text(thesis) -> None:
    sections = _sections(thesis)
    headings = [heading for heading, _ in sections]
    # the contents title may stay a heading (a PDF's bookmarks list it), over nothing
    assert all(not texts for heading, texts in sections if heading.replace(" ", "") == "目录"), sections[:2]
    texts = [text.replace(" ", "") for _, ts in sections for text in ts]
    # the contents lines ('1.1 研究背景 . . . 2') are gone; the headings they list are cited once, as headings
    assert not any(re.search(r"(\.\s*){4,}", t) for t in texts), [t for t in texts if ". ." in t][:3]
    for _, sections_of in CHAPTERS:
        for title in sections_of:
            assert sum(h.endswith(title) for h in headings) == 1
            assert not any(t.endswith(title) for t in texts), title


def test_the_title_pages_author_and_date_stay_with_the_title(thesis) -> None:
    sections = _sections(thesis)
    first_chapter = next(texts for heading, texts in sections if heading.endswith(CHAPTERS[0][0]))
    assert not any("2024" in t for t in first_chapter), first_chapter[:2]
    title = "城市交通拥堵成因与对策研究"
    assert any(heading == title and any("陈同学" in t for t in texts) for heading, texts in sections)
