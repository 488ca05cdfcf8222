"""Footnotes in a report written in LibreOffice and printed by it: every note is kept, under the section citing it.

LibreOffice sets a note's number level with its text at the page's foot ('3注3：数据来源于…'), the same few notes
at the same heights on every page: the reader took the lowest for a running footer and dropped it, and filed the
others, read where the page ends, under whatever section the page ended in — cutting a paragraph that ran on over
the page break in two. The report is written as a flat ODF text (LibreOffice's own format, real footnotes) and
printed by the real LibreOffice; read by the real reader and structure stage.
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
CHAPTERS = [("绪论", ["研究背景", "研究意义"]), ("拥堵成因", ["道路供给", "出行结构", "交通管理"]), ("结论", [])]
NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"'
)


def _report(size: float, note_size: float) -> str:
    body = ['<text:p text:style-name="Title">城市交通拥堵研究报告</text:p>']
    n = 0
    for c, (chapter, sections) in enumerate(CHAPTERS, 1):
        body.append(f'<text:h text:outline-level="1">{c} {chapter}</text:h>')
        for s, title in enumerate(sections, 1):
            body.append(f'<text:h text:outline-level="2">{c}.{s} {title}</text:h>')
            for k in range(3):
                text = f"【{title}第{k + 1}段】" + TEXT * 2
                if k == 1:
                    n += 1
                    note = (
                        f'<text:note text:id="n{n}" text:note-class="footnote"><text:note-citation>{n}'
                        '</text:note-citation><text:note-body><text:p text:style-name="Footnote">'
                        f"注{n}：数据来源于{title}统计公报。</text:p></text:note-body></text:note>"
                    )
                    text = text.replace("快速增长", "快速增长" + note, 1)
                body.append(f'<text:p text:style-name="Text_20_body">{text}</text:p>')
    styles = (
        f'<style:style style:name="Standard" style:family="paragraph"><style:text-properties fo:font-size="{size}pt" '
        f'style:font-size-asian="{size}pt"/></style:style>'
        '<style:style style:name="Text_20_body" style:family="paragraph" style:parent-style-name="Standard">'
        '<style:paragraph-properties fo:text-indent="0.3in" fo:margin-bottom="0.08in"/></style:style>'
        '<style:style style:name="Footnote" style:family="paragraph" style:parent-style-name="Standard">'
        f'<style:text-properties fo:font-size="{note_size}pt" style:font-size-asian="{note_size}pt"/></style:style>'
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document {NS} office:version="1.2" '
        'office:mimetype="application/vnd.oasis.opendocument.text">'
        f"<office:styles>{styles}</office:styles><office:body><office:text>{''.join(body)}"
        "</office:text></office:body></office:document>"
    )


VARIANTS = [(10.5, 9), (10.5, 8), (10.5, 7.5)]  # (body, notes): LibreOffice's default body size, notes smaller


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed (Debian: libreoffice-writer-nogui)")
    root = tmp_path_factory.mktemp("notes")
    sources = []
    for size, note_size in VARIANTS:
        source = root / f"report_{size}_{note_size}.fodt"
        source.write_text(_report(size, note_size), encoding="utf-8")
        sources.append(str(source))
    cmd = [soffice, f"-env:UserInstallation={(root / 'profile').as_uri()}", "--headless", "--norestore"]
    subprocess.run(
        [*cmd, "--convert-to", "pdf", "--outdir", str(root / "out"), *sources],
        check=False,
        capture_output=True,
        timeout=240,
    )
    return root / "out"


@pytest.mark.parametrize("size,note_size", VARIANTS)
def test_every_footnote_is_kept_under_the_section_citing_it(printed, size, note_size) -> None:
    path = printed / f"report_{size}_{note_size}.pdf"
    if not path.exists():
        pytest.fail("soffice did not print the report")
    outline = recover_outline(load_file(path))
    notes = 0
    paragraphs = 0
    for section in outline.sections:
        heading = section.path[-1] if section.path else ""
        for i in section.paragraphs:
            text = outline.paragraphs[i].text.replace(" ", "")
            found = re.search(r"注\d+：数据来源于(.+?)统计公报", text)
            if found:
                notes += 1
                assert heading.endswith(found.group(1)), (heading, text)
            opened = re.match(r"【(.+?)第\d段】", text)
            if opened:  # whole, not cut by the notes at a page's foot
                paragraphs += 1
                assert heading.endswith(opened.group(1)) and text.endswith("常态。"), (heading, text[-30:])
    assert notes == sum(len(sections) for _, sections in CHAPTERS)
    assert paragraphs == 3 * sum(len(sections) for _, sections in CHAPTERS)
