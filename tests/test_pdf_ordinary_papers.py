"""Two-column papers typed in a word processor and printed by LibreOffice: a section heading and its first
subsection heading set one under the other ('2 数据集' over '2.1 图像采集') are two headings, not a headline and its
subtitle — the first subsection's text is cited under the subsection, as the others' are.

Papers written by python-docx in Word's own heading styles (title and abstract in one column, the body in two),
in several faces, sizes and languages, printed by the real LibreOffice; read by the real reader and structure stage.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from qa.loading import load_file
from qa.structure import recover_outline

ZH = "田间采集的图像存在光照不均、背景复杂等问题，需要进行预处理和数据增强，以提高模型的泛化能力和鲁棒性。"
EN = (
    "Images taken in the field vary in lighting and background, so they are normalised and augmented before "
    "training, which makes the model more robust to the conditions it meets in use. "
)
# (file stem, title, body text, body size, face, [(level, heading, paragraphs)])
PAPERS = [
    (
        "rice",
        "基于深度学习的水稻病害识别",
        ZH * 2,
        9.5,
        "WenQuanYi Micro Hei",
        [
            (1, "1 引言", 3),
            (1, "2 数据集", 0),
            (2, "2.1 图像采集", 4),
            (2, "2.2 数据增强", 5),
            (1, "3 方法", 0),
            (2, "3.1 网络结构", 6),
            (2, "3.2 训练策略", 2),
            (1, "4 结论", 3),
        ],
    ),
    (
        "traffic",
        "城市道路拥堵的时空特征分析",
        ZH * 3,
        10.5,
        "WenQuanYi Micro Hei",
        [
            (1, "1. 研究区域", 2),
            (1, "2. 数据与方法", 0),
            (2, "2.1 浮动车数据", 3),
            (2, "2.2 拥堵指数", 3),
            (1, "3. 结果", 0),
            (2, "3.1 时间分布", 4),
            (2, "3.2 空间分布", 3),
            (1, "4. 讨论", 2),
        ],
    ),
    (
        "leaves",
        "Leaf Disease Detection with Small Networks",
        EN * 3,
        10,
        "Liberation Serif",
        [
            (1, "1 Introduction", 3),
            (1, "2 Data", 0),
            (2, "2.1 Collection", 3),
            (2, "2.2 Augmentation", 3),
            (1, "3 Method", 0),
            (2, "3.1 Network", 4),
            (2, "3.2 Training", 2),
            (1, "4 Conclusion", 2),
        ],
    ),
]


def _paper(path: Path, title: str, text: str, size: float, face: str, plan: list) -> None:
    from docx import Document
    from docx.enum.section import WD_SECTION
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    doc = Document()
    for name in ("Normal", "Heading 1", "Heading 2", "Title"):
        style = doc.styles[name]
        style.font.name = face
        style.element.rPr.rFonts.set(qn("w:eastAsia"), face)
    doc.styles["Normal"].font.size = Pt(size)
    doc.add_paragraph(title, style="Title")
    doc.add_paragraph("摘要：" + text[:60] if not text.isascii() else "Abstract. " + text[:200])
    section = doc.add_section(WD_SECTION.CONTINUOUS)  # the body in two columns, as journals set it
    cols = OxmlElement("w:cols")
    cols.set(qn("w:num"), "2")
    cols.set(qn("w:space"), "425")
    section._sectPr.append(cols)
    for level, heading, n in plan:
        doc.add_heading(heading, level)
        for k in range(n):
            doc.add_paragraph(f"[{heading} {k + 1}] {text}")
    doc.save(str(path))


@pytest.fixture(scope="module")
def papers(tmp_path_factory) -> Path:
    """The papers printed by LibreOffice, all in one soffice run (it takes seconds to start)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed (Debian: libreoffice-writer-nogui)")
    root = tmp_path_factory.mktemp("papers")
    sources = []
    for stem, title, text, size, face, plan in PAPERS:
        _paper(root / f"{stem}.docx", title, text, size, face, plan)
        sources.append(str(root / f"{stem}.docx"))
    cmd = [soffice, f"-env:UserInstallation={(root / 'profile').as_uri()}", "--headless", "--norestore"]
    subprocess.run(
        [*cmd, "--convert-to", "pdf", "--outdir", str(root / "out"), *sources],
        check=False,
        capture_output=True,
        timeout=240,
    )
    return root / "out"


@pytest.mark.parametrize("paper", PAPERS, ids=[p[0] for p in PAPERS])
def test_a_two_column_papers_first_subsection_under_its_section_is_a_heading(papers, paper) -> None:
    stem, _, _, _, _, plan = paper
    printed = papers / f"{stem}.pdf"
    if not printed.exists():
        pytest.fail(f"soffice did not print {stem}.docx")
    outline = recover_outline(load_file(printed))
    by_heading = {s.path[-1]: [outline.paragraphs[i].text for i in s.paragraphs] for s in outline.sections if s.path}
    parents: dict[str, str] = {}
    top = ""
    for level, heading, n in plan:
        if level == 1:
            top = heading
        else:
            parents[heading] = top
        if n:  # every paragraph is cited under its own heading, the first subsection's as the others'
            assert heading in by_heading, f"{heading!r} is no section of {stem}: {sorted(by_heading)}"
            text = "\n".join(by_heading[heading])
            assert all(f"[{heading} {k + 1}]" in text for k in range(n)), (heading, text[:200])
    paths = {s.path[-1]: s.path for s in outline.sections if s.path}
    for heading, parent in parents.items():
        assert paths[heading][-2:] == (parent, heading), paths[heading]
