"""A bilingual contract laid out as a two-column table (Chinese left, English right), saved as PDF: each clause's
Chinese and English read as paragraphs of their own, row by row, filed under the clause ('第N条 …'); no heading
taken from inside a cell. Made by LibreOffice (from python-docx, with and without borders) and by reportlab."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.table_pdfs import TableDoc, make_reportlab, office_docx, office_pdfs, parallel_doc


def _outline(pdf: Path):
    from qa.loading import load_file
    from qa.structure import recover_outline

    return recover_outline(load_file(pdf))


def _norm(text: str) -> str:
    return "".join(text.split())


def _check(doc: TableDoc, pdf: Path) -> None:
    """Every clause's text is a paragraph of each language alone, under its clause; no cell's wrapped line heads."""
    outline = _outline(pdf)
    paras = [_norm(p.text) for p in outline.paragraphs]
    section = {i: s.path for s in outline.sections for i in s.paragraphs}
    rows = doc.sections[0][1]
    clause = ""
    cells = [_norm(c) for r in rows for c in r]
    for zh, en in rows:
        if zh.startswith("第") and "条" in zh[:5]:
            clause = zh.split(" ")[0]
            continue
        assert _norm(zh) in paras, f"{zh!r} is not a paragraph of its own in {pdf.name}"
        assert _norm(en) in paras, f"{en!r} is not a paragraph of its own in {pdf.name}"
        path = section[paras.index(_norm(zh))]
        assert path and path[-1].startswith(clause), f"{zh!r} filed under {path}, not {clause}"
    clause_rows = {_norm(c) for r in rows for c in r if c.startswith(("第", "Article"))}
    for p in outline.paragraphs:
        if p.heading_level is not None and _norm(p.text) not in clause_rows:
            assert not any(_norm(p.text) in c for c in cells), f"a cell's text {p.text!r} read as a heading"


@pytest.fixture(scope="module")
def contract() -> TableDoc:
    return parallel_doc(7, 6)


def test_reportlab_table_without_rules_reads_row_by_row(tmp_path, contract):
    _check(contract, make_reportlab(contract, tmp_path / "lease.pdf", ruled=False))


def test_word_table_with_and_without_borders(tmp_path, contract):
    """The layout the exploratory tester reported: a Word table saved as PDF by LibreOffice, both rulings."""
    sources = [office_docx(contract, tmp_path / "ruled.pdf", True), office_docx(contract, tmp_path / "bare.pdf", False)]
    try:
        office_pdfs(sources, tmp_path)
    except RuntimeError as exc:
        pytest.skip(str(exc))
    for name in ("ruled.pdf", "bare.pdf"):
        if not (tmp_path / name).exists():
            pytest.skip("LibreOffice made no PDF")
        _check(contract, tmp_path / name)


def test_a_glossary_stays_one_row_a_term(tmp_path):
    """Terms beside their translations are a table's rows ('术语 | term'), not a parallel text."""
    rows = [
        ["生物特征模板", "biometric template"],
        ["误接受率", "false accept rate"],
        ["活体检测", "liveness detection"],
        ["误拒绝率", "false reject rate"],
    ]
    doc = TableDoc("术语表", "data", [("一、术语", rows)])
    outline = _outline(make_reportlab(doc, tmp_path / "terms.pdf", ruled=True))
    paras = [_norm(p.text) for p in outline.paragraphs]
    for zh, en in rows:
        assert f"{_norm(zh)}|{_norm(en)}" in paras
