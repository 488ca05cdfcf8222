"""Footnotes and endnotes of Word files are the author's text: each is read right after the paragraph that
refers to it, so it is indexed and cited under that paragraph's section, and its reference mark does not run
into the sentence. Files written with python-docx (which cannot write notes: the notes part is added as Word
writes it), by pandoc and by LibreOffice (real DOCX writers)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from docx.oxml import parse_xml

from qa.loading import load_file
from qa.structure import recover_outline

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f'xmlns:w="{W_NS}"'
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _sections(path: Path) -> dict[tuple[str, ...], list[str]]:
    outline = recover_outline(load_file(path))
    return {s.path: [outline.paragraphs[i].text for i in s.paragraphs] for s in outline.sections}


def _roles(path: Path) -> dict[str, str | None]:
    outline = recover_outline(load_file(path))
    return {p.text: p.role_hint for p in outline.paragraphs}


def _notes_part(document, kind: str, notes: dict[int, str]) -> None:  # noqa: ANN001
    """Add word/<kind>s.xml as Word writes it: the two separator notes, then the notes."""
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    body = "".join(
        f"<w:{kind} w:id='{n}'><w:p><w:pPr><w:pStyle w:val='{kind.capitalize()}Text'/></w:pPr>"
        f"<w:r><w:rPr><w:rStyle w:val='{kind.capitalize()}Reference'/></w:rPr><w:{kind}Ref/></w:r>"
        f"<w:r><w:t xml:space='preserve'> {text}</w:t></w:r></w:p></w:{kind}>"
        for n, text in notes.items()
    )
    xml = (
        f"<?xml version='1.0' encoding='UTF-8' standalone='yes'?><w:{kind}s {W}>"
        f"<w:{kind} w:type='separator' w:id='-1'><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>"
        f"<w:{kind} w:type='continuationSeparator' w:id='0'><w:p><w:r><w:continuationSeparator/></w:r></w:p>"
        f"</w:{kind}>{body}</w:{kind}s>"
    )
    content_type = f"application/vnd.openxmlformats-officedocument.wordprocessingml.{kind}s+xml"
    part = Part(PackURI(f"/word/{kind}s.xml"), content_type, xml.encode("utf-8"), document.part.package)
    document.part.relate_to(part, f"{RT}/{kind}s")


def _reference(paragraph, kind: str, n: int, custom: str = "") -> None:  # noqa: ANN001
    mark = f"<w:t>{custom}</w:t>" if custom else ""
    follows = " w:customMarkFollows='1'" if custom else ""
    paragraph._p.append(
        parse_xml(
            f"<w:r {W}><w:rPr><w:rStyle w:val='{kind.capitalize()}Reference'/></w:rPr>"
            f"<w:{kind}Reference w:id='{n}'{follows}/>{mark}</w:r>"
        )
    )


def test_a_footnote_is_read_under_the_section_of_the_paragraph_citing_it(tmp_path):
    import docx

    d = docx.Document()
    d.add_heading("第一章 总则", 1)
    p = d.add_paragraph("本办法由市统计局")
    _reference(p, "footnote", 1)
    p.add_run("负责解释。")
    d.add_paragraph("本办法自发布之日起施行。")
    d.add_heading("第二章 附则", 1)
    p = d.add_paragraph("各区参照执行")
    _reference(p, "footnote", 2, custom="*")
    p.add_run("。")
    _notes_part(d, "footnote", {1: "市统计局指北京市统计局。", 2: "含经济技术开发区。"})
    d.save(str(tmp_path / "notes.docx"))

    sections = _sections(tmp_path / "notes.docx")
    # the note follows the sentence citing it; the reference's number or custom mark is not in the sentence
    assert sections[("第一章 总则",)] == [
        "本办法由市统计局负责解释。",
        "市统计局指北京市统计局。",
        "本办法自发布之日起施行。",
    ]
    assert sections[("第二章 附则",)] == ["各区参照执行。", "含经济技术开发区。"]
    roles = _roles(tmp_path / "notes.docx")
    assert roles["市统计局指北京市统计局。"] == "footnote" and roles["本办法由市统计局负责解释。"] != "footnote"


def test_endnotes_in_a_table_and_an_unreferenced_note_are_kept(tmp_path):
    import docx

    d = docx.Document()
    d.add_heading("一、主要指标", 1)
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "地区生产总值"
    _reference(table.cell(0, 1).paragraphs[0], "endnote", 1)
    table.cell(0, 1).paragraphs[0].add_run("5.2%")
    d.add_heading("二、下一步工作", 1)
    d.add_paragraph("继续稳增长。")
    _notes_part(d, "endnote", {1: "按不变价格计算。", 2: "数据来源：国家统计局。"})
    d.save(str(tmp_path / "endnotes.docx"))

    sections = _sections(tmp_path / "endnotes.docx")
    assert sections[("一、主要指标",)] == ["地区生产总值 | 5.2%", "按不变价格计算。"]
    # a note nothing refers to is still the author's text: kept, at the end
    assert sections[("二、下一步工作",)] == ["继续稳增长。", "数据来源：国家统计局。"]
    assert _roles(tmp_path / "endnotes.docx")["按不变价格计算。"] == "endnote"


def test_a_numbered_heading_over_only_a_footnote_is_still_a_heading(tmp_path):
    import docx

    d = docx.Document()
    p = d.add_paragraph("一、背景")  # unstyled, numbered: a heading only if it heads text
    _reference(p, "footnote", 1)
    d.add_paragraph("二、做法")
    d.add_paragraph("全面推进改革。")
    _notes_part(d, "footnote", {1: "本节数据截至2024年底。"})
    d.save(str(tmp_path / "numbered.docx"))
    sections = _sections(tmp_path / "numbered.docx")
    assert sections[("一、背景",)] == ["本节数据截至2024年底。"]
    assert sections[("二、做法",)] == ["全面推进改革。"]


MARKDOWN = (
    "# 第一部分 背景\n\n"
    "LaTeX 起初由 Leslie Lamport 博士开发，目前由 LaTeX 工作组[^team]进行维护。\n\n"
    "TeX 由高德纳设计。\n\n"
    "# 第二部分 安装\n\n"
    "在 Windows 下可以安装 TeX Live[^tl]。\n\n"
    "[^team]: LaTeX 工作组的网站是 latex-project.org。\n"
    "[^tl]: TeX Live 每年发布一个新版本。\n"
)


def _write(tmp_path: Path, writer: str) -> Path:
    """The document written as .docx by pandoc itself, or by LibreOffice from pandoc's ODT (its own Word export)."""
    source = tmp_path / "report.md"
    source.write_text(MARKDOWN, encoding="utf-8")
    target = tmp_path / "report.docx"
    fmt, made = ("docx", target) if writer == "pandoc" else ("odt", tmp_path / "report.odt")
    subprocess.run(["pandoc", "-f", "markdown", "-t", fmt, "-o", str(made), str(source)], check=True, timeout=120)
    if writer == "libreoffice":
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        profile = (tmp_path / "profile").as_uri()
        cmd = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to"]
        cmd += ["docx:MS Word 2007 XML", "--outdir", str(tmp_path), str(made)]
        subprocess.run(cmd, check=True, capture_output=True, timeout=300)
    return target


@pytest.mark.parametrize("writer", ["pandoc", "libreoffice"])
def test_footnotes_of_a_word_file_written_by_a_real_writer(tmp_path, writer):
    if shutil.which("pandoc") is None or (
        writer == "libreoffice" and not (shutil.which("soffice") or shutil.which("libreoffice"))
    ):
        pytest.skip(f"{writer} not installed")
    sections = _sections(_write(tmp_path, writer))
    assert sections[("第一部分 背景",)] == [
        "LaTeX 起初由 Leslie Lamport 博士开发，目前由 LaTeX 工作组进行维护。",
        "LaTeX 工作组的网站是 latex-project.org。",
        "TeX 由高德纳设计。",
    ]
    assert sections[("第二部分 安装",)] == ["在 Windows 下可以安装 TeX Live。", "TeX Live 每年发布一个新版本。"]


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc not installed")
def test_a_footnote_is_found_by_search_and_cites_the_section_citing_it(tmp_path, use_embedder):
    from qa.build import build_index
    from qa.search import Searcher

    folder = tmp_path / "docs"
    folder.mkdir()
    _write(tmp_path, "pandoc").rename(folder / "report.docx")
    build_index([folder], tmp_path / "index", embedder=use_embedder, progress=False)
    hits = Searcher(tmp_path / "index", embedder=use_embedder).search("latex-project.org 网站", k=3, mode="keyword")
    hit = next(h for h in hits if "latex-project.org" in h.chunk.text)
    assert hit.chunk.section_path == ("第一部分 背景",)
    assert hit.citation.endswith("§ 第一部分 背景")
