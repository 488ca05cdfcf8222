"""A listing's line and the sentence under it are two paragraphs, in a PDF printed by LibreOffice.

A technical guide sets its commands in a typewriter face a little smaller than the text (pandoc's 'Source Code'
style: 11 pt under a 12 pt body) or at the text's own size. The last line of a listing ran full, the sentence under
it started flush left a line's space below, and the two were read as one paragraph ('--set replicaCount=3默认
replicaCount 为 2'; qa.formats.pdf.paragraphs._starts_paragraph). Negative: a sentence naming a command inline in
that face stays one paragraph across its lines.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from qa.formats.pdf import read_pdf

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
MEASURE = 468.0  # pt: a Letter page's width less two 1-inch margins
MONO_ADVANCE = 0.602  # of the size: a typewriter face's character advance (Liberation Mono, DejaVu Sans Mono)
AFTER = "默认副本数为2；生产环境建议设置为3以上。"
INLINE = "安装完成后，运行"
INLINE_TAIL = (
    "查看每个副本的状态；若某个副本一直处于等待状态，通常是因为存储卷无法绑定，请检查存储类的名称与容量设置是否正确。"
)


def _commands(code_size: float) -> list[str]:
    """The listing: its last line as long as the measure holds, so that it runs full (no short line ends it)."""
    fits = int(MEASURE / (MONO_ADVANCE * code_size)) - 1
    last = "helm install myapp myapp/myapp --namespace {} --set replicaCount=3"
    return ["helm repo add myapp https://charts.example.com", last.format("p" * (fits - len(last) + 2))]


def _guide(path: Path, mono: str, code_size: float) -> None:
    from docx import Document
    from docx.shared import Inches, Pt

    doc = Document()
    section = doc.sections[0]
    section.page_width, section.left_margin, section.right_margin = Inches(8.5), Inches(1), Inches(1)
    doc.styles["Normal"].font.size = Pt(12)
    doc.add_heading("使用 Helm 安装", level=1)
    doc.add_paragraph("先添加仓库，再安装应用，命令如下：")
    for command in _commands(code_size):
        p = doc.add_paragraph()
        p.paragraph_format.space_after = Pt(0)
        run = p.add_run(command)
        run.font.name, run.font.size = mono, Pt(code_size)
    doc.add_paragraph(AFTER)
    p = doc.add_paragraph(INLINE)
    run = p.add_run(" kubectl get pods --namespace production ")
    run.font.name, run.font.size = mono, Pt(code_size)
    p.add_run(INLINE_TAIL)
    doc.save(path)


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.parametrize(("mono", "code_size"), [("Liberation Mono", 12), ("DejaVu Sans Mono", 11)])
def test_a_listing_line_and_the_sentence_under_it_are_two_paragraphs(tmp_path: Path, mono, code_size) -> None:
    docx = tmp_path / "guide.docx"
    _guide(docx, mono, code_size)
    profile = (tmp_path / "profile").as_uri()
    cmd = [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", "pdf"]
    subprocess.run([*cmd, "--outdir", str(tmp_path), str(docx)], capture_output=True, timeout=300, check=False)
    path = tmp_path / "guide.pdf"
    if not path.is_file():
        pytest.skip("LibreOffice did not print the guide")
    paragraphs = [p for p in read_pdf(path, path.name).text.split("\n\n") if p.strip()]
    bare = ["".join(p.split()) for p in paragraphs]
    assert "".join(AFTER.split()) in bare  # the sentence alone, no command glued to it
    assert any(b.endswith("replicaCount=3") for b in bare)  # the listing ends its paragraph
    # a command named inline keeps its sentence whole
    assert any(b.startswith(INLINE) and b.endswith("".join(INLINE_TAIL.split())) for b in bare)
