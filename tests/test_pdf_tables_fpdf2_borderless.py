"""fpdf2's tables without borders: a bilingual contract's clauses each under their '第N条' row, a report's figures
one row a line; and fpdf2's prose in two scripts stays prose.

fpdf2's ``table()`` pads its cells thinly (a Chinese cell run full ends 0.6 body sizes from its English) and centres
a row's shorter cell in it (a one-line Chinese clause half a line under its two-line English's first line). Read with
a Word table's gutter and rows, the contract's last rows were prose, not rows, and each centred clause was run into
the clause row above it ('第一条 不可抗力因不可抗力致使…'). The documents are written by fpdf2 itself
(``tests/table_pdfs.make_fpdf``) and read by the real reader.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.table_pdfs import FONT_FILE, data_doc, make_fpdf, parallel_doc
from tests.test_pdf_tables_parallel import _check

pytestmark = pytest.mark.skipif(not FONT_FILE.exists(), reason="WenQuanYi Micro Hei is not installed")


def _outline(pdf: Path):  # noqa: ANN202
    from qa.loading import load_file
    from qa.structure import recover_outline

    return recover_outline(load_file(pdf))


@pytest.mark.parametrize("seed, clauses", [(300, 6), (306, 7)])
def test_an_fpdf2_contract_without_borders_reads_clause_by_clause(tmp_path: Path, seed: int, clauses: int) -> None:
    contract = parallel_doc(seed, clauses)
    _check(contract, make_fpdf(contract, tmp_path / "lease.pdf", ruled=False))


def test_an_fpdf2_table_of_figures_keeps_one_row_a_line(tmp_path: Path) -> None:
    """Narrow columns wrap each figure onto a second line and centre the item beside it: still one row a line."""
    report = data_doc(401, 3, 8, narrow=True)
    outline = _outline(make_fpdf(report, tmp_path / "report.pdf", ruled=False))
    paras = ["".join(p.text.split()) for p in outline.paragraphs]
    for _, table in report.sections:
        for row in table[1:]:
            assert "|".join(row) in paras, f"{row} is not one row"


def test_fpdf2_prose_in_two_scripts_stays_prose(tmp_path: Path) -> None:
    """Chinese prose with English words in it, a page of paragraphs set ragged: a word space between Chinese and a
    Latin word is no gutter between two scripts' columns — no table, each paragraph whole. (Set justified, fpdf2
    stretches such a line's few spaces to several body sizes, which the reader parts as columns: not this rule's
    doing, left alone.)"""
    from fpdf import FPDF

    paras = [
        "本系统使用 Python 语言开发，数据存储在 PostgreSQL 数据库中，前端采用 React 框架。部署时先安装 Docker 引擎，"
        "再运行 compose 文件启动全部服务。",
        "接口遵循 REST 规范，返回 JSON 格式的数据。调用方需在请求头中携带 token 字段，服务端校验通过后才返回结果，"
        "否则返回 401 错误。",
        "日志统一写入 Elasticsearch 集群，运维人员可以在 Kibana 中按时间和关键词检索，也可以设置告警规则。",
    ]
    pdf = FPDF(format="A4")
    pdf.add_font("wqy", fname=str(FONT_FILE), collection_font_number=0)
    pdf.add_page()
    pdf.set_font("wqy", size=10)
    for text in paras:
        pdf.multi_cell(0, 5.5, text, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    path = tmp_path / "prose.pdf"
    pdf.output(str(path))
    got = ["".join(p.text.split()) for p in _outline(path).paragraphs]
    assert got == ["".join(t.split()) for t in paras]
