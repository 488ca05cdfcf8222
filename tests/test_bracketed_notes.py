"""A line wholly in brackets under a document's title — '（2025年12月15日院务会议审议通过）', '（试行）' — is a note on
the document, not a level of its outline: read as a heading, every citation carried it ('办法 › （…通过） › 第四章 …').
Nor is it a sentence broken off: read as one, the paragraph-stitching stage pulled a later clause up to join it."""

from __future__ import annotations

import pytest

from qa.loading import load_file
from qa.structure import recover_outline

CLAUSES = [
    ("第一章 总则", ["第一条 为了规范本单位档案管理工作，制定本办法。", "第二条 本办法适用于本单位各部门。"]),
    ("第二章 档案的收集", ["第三条 会议记录、合同协议书应当在形成后三个月内归档。", "第四条 归档文件按年度分类。"]),
    ("第三章 档案的利用", ["第五条 外单位人员查阅档案，应当持单位介绍信，经办公室批准。"]),
]


@pytest.mark.parametrize("note", ["（2025年12月15日院务会议审议通过）", "（试行）", "(征求意见稿)"])
def test_a_bracketed_note_under_the_title_is_text_of_the_title(tmp_path, note):
    lines = ["某某研究院档案管理办法", "", note, ""]
    for head, body in CLAUSES:
        lines += [head, ""]
        for text in body:
            lines += [text, ""]
    path = tmp_path / "rules.txt"
    path.write_text("\n".join(lines), "utf-8")
    outline = recover_outline(load_file(path))
    where = {outline.paragraphs[i].text: s.path for s in outline.sections for i in s.paragraphs}
    assert where[note] == ("某某研究院档案管理办法",)
    for head, body in CLAUSES:
        for text in body:
            assert where[text] == ("某某研究院档案管理办法", head), text
