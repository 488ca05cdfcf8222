"""A numbered list item with a hanging indent is one paragraph, down to its last line.

Word's 'List Number' style (printed by LibreOffice) sets an item's number at the text's left edge and its wrapped
lines under the item's text, in from the number by the number's width — where a paragraph's indented first line
would start. The reader took each wrapped line for a new paragraph, so an item's last line stood alone
('…具体方案须' / '在下周例会前提交周明审批。') and an answer quoting the item's decision came out half a sentence.
Still: a paragraph indented under a list, after the last item's short last line, is a paragraph of its own. The
DOCX is written by python-docx and printed by the real LibreOffice; read by the real reader and structure stage.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from docx.shared import Pt

from qa.loading import load_file
from qa.structure import recover_outline

ITEMS = [
    "研发部负责在5月20日前修复安卓端积分到账延迟问题，修复后由测试部进行不少于三天的回归测试，"
    "并将测试报告同步至产品部邮件组，同时抄送运营部与客服部，以便统一对外答复口径。",
    "市场部于5月底启动“积分翻倍周”推广活动，活动预算上限为8万元，具体方案须在下周例会前提交周明审批。",
    "下次例会改为5月21日上午10点召开，地点不变，请各部门提前准备季度目标完成情况的汇报材料。",
]
AFTER = "会后，各部门负责人应将本部门的落实情况在两个工作日内书面报送办公室，由办公室汇总后统一存档备查。"


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> Path:
    import docx

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed (Debian: libreoffice-writer-nogui)")
    root = tmp_path_factory.mktemp("hanging")
    d = docx.Document()
    d.add_heading("产品部周例会会议纪要", 1)
    d.add_heading("会议决议", 2)
    for text in ITEMS:
        d.add_paragraph(text, style="List Number")
    d.add_paragraph(AFTER).paragraph_format.first_line_indent = Pt(22)  # two characters in, as Chinese sets it
    d.add_heading("其他事项", 2)
    d.add_paragraph("吴婷提出大促期间客服人手不足，建议临时招聘兼职客服10名，由人力资源部协助办理。")
    d.save(str(root / "minutes.docx"))
    cmd = [soffice, f"-env:UserInstallation={(root / 'profile').as_uri()}", "--headless", "--norestore"]
    subprocess.run(
        [*cmd, "--convert-to", "pdf", "--outdir", str(root / "out"), str(root / "minutes.docx")],
        check=False,
        capture_output=True,
        timeout=240,
    )
    return root / "out" / "minutes.pdf"


def test_each_list_item_is_one_paragraph_and_the_text_after_the_list_its_own(printed) -> None:
    if not printed.exists():
        pytest.fail("soffice did not print the minutes")
    outline = recover_outline(load_file(printed))
    texts = ["".join(p.text.split()) for p in outline.paragraphs]
    for n, item in enumerate(ITEMS, 1):
        assert f"{n}.{item}" in texts, (item, texts)
    assert AFTER in texts, texts
