"""A notice's attachment list ('附件：1. 名单⏎　　　2. 规程', GB/T 9704) is a list, not a heading: its second item
opened a section '… › 四、… › 2. <title>' and the issuer, the date and '（此件公开发布）' were cited under it. Word
(python-docx), the PDF LibreOffice prints from it, and plain text alike; a numbered heading after text that merely
mentions an attachment stays a heading, and a sentence opening with '附件1' stays text."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.loading import load_file
from qa.structure import recover_outline
from tests.newspaper_office import LayoutError, convert, office_available

TITLE = "某某县教育局关于做好2025年秋季学期开学工作的通知"
HEAD = [
    "各乡镇中心学校，县直各学校：",
    "为做好秋季学期开学各项工作，现将有关事项通知如下。",
    "一、做好校舍安全排查",
    "各学校要在开学前完成校舍、围墙、消防设施的全面检查，发现隐患立即整改并建立台账。",
    "二、落实学生资助政策",
    "各学校要按规定做好家庭经济困难学生认定工作，确保资助资金按时足额发放到位。",
    "三、规范校车运行管理",
    "各学校要核定校车线路和乘车人数，严禁超员超速，确保学生往返安全，确保资助资金按时足额发放到位。",
]
ATTACHMENTS = ["附件：1. 开学工作检查表", "　　　2. 学生资助工作细则", "　　　3. 校车安全管理办法"]
CLOSING = ["某某县教育局", "2025年8月20日", "（此件公开发布）"]
ISSUER, DATE, NOTE = CLOSING


def _docx(folder: Path, lines: list[str], bold: set[str], titles: frozenset[str] = frozenset()) -> Path:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    d = docx.Document()
    p = d.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run(TITLE)
    run.bold, run.font.size = True, Pt(20)
    for line in lines:
        if line in titles:  # an annex's title: centred, large, on a page of its own under its label
            p = d.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = p.add_run(line)
            run.bold, run.font.size = True, Pt(18)
            continue
        if line.startswith("附件") and len(line) <= 3:
            d.add_page_break()
        p = d.add_paragraph()
        p.add_run(line).bold = line in bold
        if line in (ISSUER, DATE):
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        elif not line.startswith(("附件", "　")) and line not in bold:
            p.paragraph_format.first_line_indent = Pt(28)
    path = folder / "notice.docx"
    d.save(str(path))
    return path


def _write(kind: str, folder: Path, lines: list[str], titles: frozenset[str] = frozenset()) -> Path:
    bold = {line for line in lines if line[:2] in ("一、", "二、", "三、", "四、") or line in ("附件1", "附件2")}
    if kind == "txt":
        path = folder / "notice.txt"
        path.write_text("\n".join([TITLE, *lines]) + "\n", "utf-8")
        return path
    path = _docx(folder, lines, bold, titles)
    if kind == "pdf":
        why = office_available()
        if why:
            pytest.skip(why)
        try:
            convert([path], folder)
        except LayoutError as exc:
            pytest.skip(str(exc))
        path = folder / "notice.pdf"
    return path


def _outline(path: Path):
    outline = recover_outline(load_file(path))
    where = {}
    for s in outline.sections:
        for i in s.paragraphs:
            where[outline.paragraphs[i].text.strip()] = s.path
    headings = {outline.paragraphs[i].text.strip() for i, role in outline.roles.items() if role == "heading"}
    return where, headings


def _find(where: dict, text: str) -> tuple[str, ...]:
    """The path of the paragraph holding ``text`` (a PDF line may keep its indent or join a neighbour)."""
    hits = [path for para, path in where.items() if text in para]
    assert hits, (text, list(where))
    return hits[0]


@pytest.mark.parametrize("kind", ["txt", "docx", "pdf"])
def test_an_attachment_lists_items_are_no_headings(tmp_path, kind):
    where, headings = _outline(_write(kind, tmp_path, HEAD + ATTACHMENTS + CLOSING))
    assert not any("学生资助工作细则" in h or "校车安全管理办法" in h for h in headings), headings
    for path in where.values():
        assert not any("工作细则" in title or "管理办法" in title for title in path), path
    last = _find(where, "严禁超员超速")
    assert last[-1] == "三、规范校车运行管理"
    # the list is the last section's; the issuer, the date and the note are not under any of its items
    assert _find(where, "学生资助工作细则") == last
    for line in CLOSING:
        assert not any("细则" in t or "办法" in t for t in _find(where, line)), (line, _find(where, line))


def test_plain_text_closing_after_an_attachment_list_is_the_notices(tmp_path):
    path = _write("txt", tmp_path, HEAD + [a.strip() for a in ATTACHMENTS[:1]] + ATTACHMENTS[1:] + CLOSING)
    outline = recover_outline(load_file(path))
    where = {outline.paragraphs[i].text.strip(): s.path for s in outline.sections for i in s.paragraphs}
    last = where[HEAD[-1]]
    assert where["2. 学生资助工作细则"] == last
    for line in CLOSING:
        assert where[line] == last[:-1], (line, where[line])
    texts = {s.tail: outline.paragraphs[s.tail].text for s in outline.stitches}
    assert not any(t.strip() in (ISSUER, DATE, "3. 校车安全管理办法") for t in texts.values()), texts


@pytest.mark.parametrize("kind", ["txt", "docx"])
def test_a_heading_after_a_mention_of_an_attachment_stays_a_heading(tmp_path, kind):
    lines = [
        *HEAD[:6],
        "附件1所列项目须于6月底前开工。",
        "具体检查要求见附件。",
        "四、加强组织领导",
        "各学校校长是开学工作第一责任人，要切实履行职责，确保各项工作落实到位。",
        *CLOSING,
    ]
    where, headings = _outline(_write(kind, tmp_path, lines))
    assert "四、加强组织领导" in headings
    assert _find(where, "第一责任人")[-1] == "四、加强组织领导"
    assert "附件1所列项目须于6月底前开工。" not in headings
    assert _find(where, "附件1所列项目")[-1] == "二、落实学生资助政策"


ANNEX_1 = ["附件1", "开学工作检查表", "学校应逐项检查校舍、食堂、宿舍和消防设施，检查结果报县教育局备案。"]
ANNEX_2 = [
    "附件2",
    "学生资助工作细则",
    "一、资助对象",
    "本县户籍在校学生中家庭经济困难的学生，按规定程序认定后纳入资助范围。",
    "二、资助标准",
    "一档每生每年二千元，二档每生每年一千五百元，由学校按学期发放到学生账户。",
]


@pytest.mark.parametrize("kind", ["txt", "docx", "pdf"])
def test_annexes_are_parts_of_their_own_and_the_closing_is_the_notices(tmp_path, kind):
    lines = HEAD + ATTACHMENTS + CLOSING + ANNEX_1 + ANNEX_2
    # each annex on a new page, its label in bold over its title, centred and large, as GB/T 9704 sets them
    where, _ = _outline(_write(kind, tmp_path, lines, frozenset({ANNEX_1[1], ANNEX_2[1]})))
    last = _find(where, "严禁超员超速")
    assert last[-1] == "三、规范校车运行管理"
    for line in CLOSING:  # the notice's closing, above its annexes, not its last section's
        assert _find(where, line) == last[:-1], (line, _find(where, line))
    assert _find(where, "检查结果报县教育局备案") == ("附件1", "开学工作检查表")
    assert _find(where, "纳入资助范围") == ("附件2", "学生资助工作细则", "一、资助对象")
    assert _find(where, "发放到学生账户") == ("附件2", "学生资助工作细则", "二、资助标准")
