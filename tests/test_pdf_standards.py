"""National standards (GB/T) and other decimal-numbered documents saved as PDF: each paragraph is cited under the
clause its numbering puts it in ('5 数据安全要求 › 5.2 数据存储', '附录A … › A.3 误接受率计算'), 前言/引言/参考文献 are
parts of their own, and a term entry ('3.2' over '生物特征模板 biometric template') is an entry of chapter 3.

The PDFs are made by real tools: a Word document (python-docx, GB/T's own typography: every head bold at the
body's size) printed by the real LibreOffice, and reportlab pages set in a 宋体 with heads at the body's size.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from qa.loading import load_file
from qa.structure import recover_outline

SONG = Path("/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf")
HEI = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")

# (kind, text): heads as GB/T sets them, paragraphs of text; 'cover' lines in large type.
GBT = [
    ("cover", "中华人民共和国国家标准"),
    ("text", "GB/T 99999—2026"),
    ("cover", "信息安全技术 智能门锁数据安全要求"),
    ("head", "前言"),
    ("text", "本文件按照GB/T 1.1—2020《标准化工作导则 第1部分：标准化文件的结构和起草规则》的规定起草。"),
    ("head", "引言"),
    ("text", "智能门锁通过指纹、人脸、密码等方式验证用户身份，其采集的生物特征数据一旦泄露难以更改。"),
    ("head", "1 范围"),
    ("text", "本文件规定了智能门锁在数据采集、存储、传输和删除等环节的数据安全要求。"),
    ("head", "2 规范性引用文件"),
    ("text", "下列文件中的内容通过文中的规范性引用而构成本文件必不可少的条款。"),
    ("head", "3 术语和定义"),
    ("text", "下列术语和定义适用于本文件。"),
    ("head", "3.1"),
    ("head", "智能门锁 smart door lock"),
    ("text", "以电子方式识别用户身份并控制锁舌动作的门锁装置。"),
    ("head", "3.2"),
    ("head", "生物特征模板 biometric template"),
    ("text", "由生物特征样本提取、用于比对的数字表示。"),
    ("head", "4 缩略语"),
    ("text", "TEE：可信执行环境（Trusted Execution Environment）。"),
    ("head", "5 数据安全要求"),
    ("head", "5.1 数据采集"),
    ("text", "5.1.1 智能门锁应在首次采集生物特征前以显著方式告知用户采集目的，并取得用户的单独同意。"),
    ("head", "5.2 数据存储"),
    ("text", "5.2.1 开锁记录在本地保存的时间不应少于180天，且不应超过3年。"),
    ("head", "6 测试方法"),
    ("head", "6.1 采集测试"),
    ("text", "使用分辨率测试卡检查指纹采集模块的有效分辨率，结果记录在测试报告中。"),
    ("head", "附录A"),
    ("head", "（规范性）"),
    ("head", "活体检测测试方法"),
    ("head", "A.1 测试样本"),
    ("text", "测试样本应包括硅胶指纹膜、打印照片和3D面具三类攻击样本，每类不少于50个。"),
    ("head", "A.3 误接受率计算"),
    ("text", "误接受率等于被错误接受的攻击次数除以攻击总次数，以百分数表示。"),
    ("head", "参考文献"),
    ("text", "[1] GB/T 37036.1—2018 信息技术 移动设备生物特征识别 第1部分：通用要求"),
]


COVER = ("中华人民共和国国家标准", "信息安全技术智能门锁数据安全要求")  # the cover's headings, spaces dropped


def _section_of(outline, start: str) -> list[str]:
    """The section path of the paragraph that starts with ``start``, without the cover's headings."""
    for section in outline.sections:
        for i in section.paragraphs:
            if outline.paragraphs[i].text.replace(" ", "").startswith(start.replace(" ", "")):
                path = list(section.path)
                while path and path[0].replace(" ", "") in COVER:
                    path = path[1:]
                return path
    raise AssertionError(f"no paragraph starts with {start!r}")


def _assert_clauses(outline) -> None:
    """What a user of a GB/T standard expects the citations to say."""
    assert _section_of(outline, "5.2.1 开锁记录") == ["5 数据安全要求", "5.2 数据存储"]
    assert _section_of(outline, "5.1.1 智能门锁") == ["5 数据安全要求", "5.1 数据采集"]
    assert _section_of(outline, "本文件按照") == ["前言"]
    assert _section_of(outline, "智能门锁通过") == ["引言"]
    assert _section_of(outline, "本文件规定了") == ["1 范围"]
    assert _section_of(outline, "TEE：") == ["4 缩略语"]
    assert _section_of(outline, "由生物特征样本") == ["3 术语和定义", "3.2 生物特征模板 biometric template"]
    assert _section_of(outline, "使用分辨率") == ["6 测试方法", "6.1 采集测试"]
    appendix, clause = _section_of(outline, "误接受率等于")
    assert appendix.startswith("附录A") and "活体检测测试方法" in appendix and clause == "A.3 误接受率计算"
    assert _section_of(outline, "[1] GB/T 37036.1") == ["参考文献"]


def _reportlab_pdf(path: Path, lines: list[tuple[str, str]], *, glue: bool = False) -> Path:
    """The standard set by reportlab: text in a 宋体, heads in the same face and size (nothing in the type marks
    them); ``glue``: no space between paragraphs and each paragraph filling its last line, as a justified page
    without paragraph spacing sets it."""
    pytest.importorskip("reportlab")
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if not SONG.exists():
        pytest.skip("fonts-arphic-gbsn00lp is not installed")
    if "StdSong" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("StdSong", str(SONG)))
    c = canvas.Canvas(str(path), pagesize=A4)
    width, height = A4
    y = height - 72
    for kind, text in lines:
        size = 22.0 if kind == "cover" else 10.5
        step = 1.6 * size if glue else 2.2 * size
        per_line = int((width - 144) // size)
        chunks = [text[k : k + per_line] for k in range(0, len(text), per_line)] or [""]
        for chunk in chunks:
            if y < 72 + step:
                c.showPage()
                y = height - 72
            y -= step
            c.setFont("StdSong", size)
            c.drawString(72, y, chunk)
    c.save()
    return path


def test_gbt_heads_in_the_body_type_are_read_by_their_numbering(tmp_path: Path) -> None:
    outline = recover_outline(load_file(_reportlab_pdf(tmp_path / "gbt.pdf", GBT)))
    _assert_clauses(outline)


def test_a_head_run_into_the_paragraph_above_is_set_apart(tmp_path: Path) -> None:
    """A paragraph whose last line is full and a page without paragraph spacing: nothing in the layout starts a new
    paragraph at '5.2 数据存储'; its number, continuing the outline, does."""
    long = [(k, t * 3 if k == "text" and not t.startswith(("5.", "[1]", "TEE")) else t) for k, t in GBT]
    # each body paragraph runs to a full last line: pad it to a multiple of the line's characters
    per_line = int((595.27 - 144) // 10.5)
    padded = []
    for kind, text in long:
        if kind == "text" and not text.startswith("[1]"):
            text = text[:-1] + "记" * (-len(text) % per_line) + text[-1]
        padded.append((kind, text))
    outline = recover_outline(load_file(_reportlab_pdf(tmp_path / "glued.pdf", padded, glue=True)))
    assert _section_of(outline, "5.2.1 开锁记录") == ["5 数据安全要求", "5.2 数据存储"]
    assert _section_of(outline, "误接受率等于")[1] == "A.3 误接受率计算"


def test_numbered_list_without_clauses_is_no_outline(tmp_path: Path) -> None:
    """Three numbered lines with no clause under them ('1 苹果', '2 香蕉', '3 橙子' in a price list) are the list of
    the heading above them, not chapters."""
    lines = [("cover", "水果价格表"), ("text", "本周价格如下，单位为元每千克，价格随行情调整。")]
    lines += [("text", f"{n} {name}") for n, name in enumerate(["苹果 八元", "香蕉 六元", "橙子 九元", "梨 七元"], 1)]
    lines += [("text", "以上价格自周一起执行，如有变动另行通知，敬请留意门店公告。")]
    outline = recover_outline(load_file(_reportlab_pdf(tmp_path / "list.pdf", lines)))
    assert not any(p and p[-1][:1].isdigit() for p in (s.path for s in outline.sections))


@pytest.fixture(scope="module")
def word_standard(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The standard typed in Word with GB/T's styles (heads bold at the body's size, 前言/引言 too) and printed by
    LibreOffice."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed (Debian: libreoffice-writer-nogui)")
    docx = pytest.importorskip("docx")
    from docx.oxml.ns import qn
    from docx.shared import Pt

    root = tmp_path_factory.mktemp("gbt_word")
    document = docx.Document()
    for kind, text in GBT:
        run = document.add_paragraph().add_run(text)
        run.font.size = Pt(22 if kind == "cover" else 10.5)
        if kind != "text":
            run.bold = True
            run.font.name = "SimHei"
            run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "黑体")
    source = root / "gbt.docx"
    document.save(source)
    cmd = [soffice, f"-env:UserInstallation={(root / 'profile').as_uri()}", "--headless", "--norestore"]
    subprocess.run([*cmd, "--convert-to", "pdf", "--outdir", str(root), str(source)], capture_output=True, timeout=180)
    pdf = root / "gbt.pdf"
    if not pdf.exists():
        pytest.fail("soffice did not print gbt.docx")
    return pdf


def test_word_standard_printed_by_libreoffice(word_standard: Path) -> None:
    _assert_clauses(recover_outline(load_file(word_standard)))
