"""Footnotes in a Word file printed by LibreOffice: a mark followed by a space, notes set in the body's size.

pandoc (and many a Word author) puts a space after a note's mark ('…乘坐二等座。² 飞行时间超过六小时…',
'…before departure.¹ Trips abroad…') and sets the notes in the body's own size, each opening with its raised
number and a space ('¹ Exceptions for…'). Printed by LibreOffice, the space after the mark is no glyph but a gap a
little wider than the mark's reach: the mark and the words after it were read as lines of their own, and the words
('飞行时间超') landed in the next section; the notes, in body type, were not told from the text and were cited under
the last section of their page; a mark after a full stop ('…方可出行。¹') hid the stop, so the next article
('第二条 …') was glued onto it. The DOCX is written by python-docx with real footnotes (as pandoc writes them) and
printed by the real LibreOffice; read by the real reader and structure stage.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml

from qa.loading import load_file
from qa.structure import recover_outline

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
SUPER = "<w:rPr><w:vertAlign w:val='superscript'/></w:rPr>"
REF = "<w:rPr><w:rStyle w:val='FootnoteReference'/></w:rPr>"  # pandoc's character style for a note's marks

# (title, [(heading, [paragraph, ...]), ...], notes): a paragraph's '[n]' is note n's mark, set where it stands.
ZH = (
    "公司差旅管理办法",
    [
        (
            "第一章 总则",
            [
                "第一条 为规范公司差旅管理，制定本办法。员工因公出差须事先在系统提交出差申请，"
                "经部门负责人审批后方可出行。[1]",
                "第二条 本办法适用于公司全体正式员工及实习生。",
            ],
        ),
        (
            "第二章 交通标准",
            [
                "第三条 高级经理及以上人员乘坐高铁可选一等座，其他员工乘坐二等座。[2] "
                "飞行时间超过六小时的国际航班，总监及以上人员可乘坐公务舱。"
            ],
        ),
        (
            "第三章 住宿标准",
            [
                "第四条 一线城市住宿标准为每人每晚六百元，其他城市为每人每晚四百元。超标部分由员工自行承担。",
                "第五条 会议室面积不超过 20 m{2} 的，按小型会议室标准结算。",
            ],
        ),
    ],
    ["紧急出差可先电话报备，返回后两个工作日内补办审批手续。", "夜间乘坐超过八小时的列车可选择软卧。"],
)
EN = (
    "Employee Travel Handbook",
    [
        (
            "Approval",
            [
                "All business trips must be approved by your line manager in the Expense Portal at least ten "
                "working days before departure.[1] Trips abroad additionally need sign-off from the regional "
                "finance director."
            ],
        ),
        (
            "Flights",
            [
                "Economy class is the default for flights under six hours. Business class may be booked for "
                "overnight flights longer than six hours, provided the fare is below the published cap.[2]"
            ],
        ),
        (
            "Hotels",
            [
                "Employees should stay in hotels from the preferred supplier list. The nightly cap is 180 euros "
                "in capital cities and 130 euros in other locations, excluding taxes."
            ],
        ),
    ],
    [
        "Exceptions for urgent client visits can be approved retroactively within two working days.",
        "The fare cap is reviewed every January and published on the intranet finance page.",
    ],
)


def _runs(text: str) -> str:
    out = []
    for k, part in enumerate(text.replace("[", "]").split("]")):
        if k % 2 == 0:
            for j, piece in enumerate(part.replace("{", "}").split("}")):  # '{2}': an exponent set superscript
                rpr = SUPER if j % 2 else ""
                if piece:
                    out.append(f"<w:r {W}>{rpr}<w:t xml:space='preserve'>{piece}</w:t></w:r>")
        else:
            out.append(f"<w:r {W}>{REF}<w:footnoteReference w:id='{part}'/></w:r>")
    return "".join(out)


def _docx(spec: tuple, path: Path) -> None:
    import docx
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    title, sections, notes = spec
    d = docx.Document()
    d.styles.add_style("Footnote Reference", WD_STYLE_TYPE.CHARACTER).font.superscript = True
    d.add_heading(title, 1)
    for heading, paragraphs in sections:
        d.add_heading(heading, 2)
        for text in paragraphs:
            p = d.add_paragraph()
            for run in parse_xml(f"<w:p {W}>{_runs(text)}</w:p>"):
                p._p.append(run)
    xml = "".join(
        f"<w:footnote w:id='{n}'><w:p><w:r>{REF}<w:footnoteRef/></w:r>"
        f"<w:r><w:t xml:space='preserve'> {text}</w:t></w:r></w:p></w:footnote>"
        for n, text in enumerate(notes, 1)
    )
    ct = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
    part = Part(PackURI("/word/footnotes.xml"), ct, f"<w:footnotes {W}>{xml}</w:footnotes>".encode(), d.part.package)
    d.part.relate_to(part, f"{RT}/footnotes")
    d.save(str(path))


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed (Debian: libreoffice-writer-nogui)")
    root = tmp_path_factory.mktemp("spaced_notes")
    for name, spec in (("zh", ZH), ("en", EN)):
        _docx(spec, root / f"{name}.docx")
    cmd = [soffice, f"-env:UserInstallation={(root / 'profile').as_uri()}", "--headless", "--norestore"]
    subprocess.run(
        [*cmd, "--convert-to", "pdf", "--outdir", str(root / "out"), str(root / "zh.docx"), str(root / "en.docx")],
        check=False,
        capture_output=True,
        timeout=240,
    )
    return root / "out"


def _squeeze(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("name,spec", [("zh", ZH), ("en", EN)])
def test_every_paragraph_and_note_is_whole_under_its_own_section(printed, name, spec) -> None:
    path = printed / f"{name}.pdf"
    if not path.exists():
        pytest.fail("soffice did not print the document")
    outline = recover_outline(load_file(path))
    where = {}  # squeezed paragraph text -> its section's heading
    for section in outline.sections:
        for i in section.paragraphs:
            where[_squeeze(outline.paragraphs[i].text)] = section.path[-1] if section.path else ""
    _, sections, notes = spec
    for heading, paragraphs in sections:
        for text in paragraphs:
            # the paragraph whole, its mark read as a superscript number (an exponent too: 'm²'), no other text in it
            want = _squeeze(text.replace("[1]", "¹").replace("[2]", "²").replace("{2}", "²"))
            assert where.get(want) == heading, (want, where)
    cited = {1: sections[0][0], 2: sections[1][0]}  # each note under the section whose paragraph carries its mark
    for n, text in enumerate(notes, 1):
        found = [h for t, h in where.items() if _squeeze(text) in t]
        assert found == [cited[n]], (text, where)
