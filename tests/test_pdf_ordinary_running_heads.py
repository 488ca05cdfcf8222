"""A regulation whose running head names the current chapter, with 第N章 and 第N节 set in one size.

- The running head ('某某办法　第二章 档案的收集与整理' over the chapter's pages) changes with the chapter, so it
  never repeats word for word where each chapter fills a page: it was read as text, a paragraph between the last
  article of a chapter and the next chapter's title. What repeats is its stem — the document's name — at the same
  height on every page: it is page furniture.
- ctexbook's \\chapter* and \\section* (and many Word templates) set 章 and 节 in one size: size alone put every
  节 beside its chapter, closing it. The part the number names ranks them: 第N节 nests under 第N章.

Written by XeLaTeX (ctexbook + fancyhdr, \\leftmark in the head) and by LibreOffice from python-docx (a section per
chapter with its own header), read by the real reader and structure stage.
"""

from __future__ import annotations

import shutil

import pytest

from qa.loading import load_file
from qa.structure import recover_outline
from tests import ordinary_pdfs as op


def _check(reg: dict, pdf) -> None:  # noqa: ANN001 - a Path
    outline = recover_outline(load_file(pdf))
    paragraphs = [
        (outline.paragraphs[i].text.replace(" ", "").replace("\u3000", ""), [t.replace(" ", "") for t in s.path])
        for s in outline.sections
        for i in s.paragraphs
    ]
    # no running head among the text
    heads = [t for t, _ in paragraphs if t.startswith(reg["title"]) and "章" in t]
    assert not heads, heads
    for chapter, section, _first, n, _text in op.articles(reg):
        opening = f"第{op._cn(n)}条"
        path = next(p for t, p in paragraphs if t.startswith(opening))
        want = [chapter.replace(" ", "")] + ([section.replace(" ", "")] if section else [])
        assert path[-len(want) :] == want, (opening, path, want)


@pytest.mark.skipif(shutil.which("xelatex") is None, reason="XeLaTeX not installed")
@pytest.mark.parametrize("head", ["centre", "sides"])
def test_a_chapter_running_head_is_furniture_and_sections_nest_under_chapters(tmp_path, head) -> None:
    reg = op.REGULATIONS[0]
    _check(reg, op.regulation_ctexbook(reg, tmp_path / "reg.pdf", head).pdf)


@pytest.mark.skipif(not (shutil.which("soffice") or shutil.which("libreoffice")), reason="LibreOffice not installed")
def test_a_word_header_naming_each_chapter_is_furniture(tmp_path) -> None:
    reg = op.REGULATIONS[1]
    _check(reg, op.regulation_docx(reg, tmp_path / "reg.pdf").pdf)
