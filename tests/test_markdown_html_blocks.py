"""Markdown exported from Feishu, Notion or Yuque: raw HTML blocks, GitHub alerts and images read as text.

Such exports write a merged-cell table as ``<table>``, a foldout as ``<details><summary>``, a callout as
``<callout>``; read line for line they were indexed as markup ('<tr><td rowspan="2">婚假</td>…'), and a table's
rows ran past the chunk holding its header. Each test writes a real .md file and reads it as ``qa build`` does.
"""

from __future__ import annotations

from pathlib import Path

from qa.chunking import chunk_outline
from qa.loading import load_paths
from qa.structure import recover_outline

EXPORT = """# 新员工入职手册

> 💡 **提示**
> 本文档由人力资源部维护。

![公司大楼](https://internal.example.com/img/building.png)

## 一、入职第一天

<callout emoji="⚠️">
注意：首日请携带身份证原件和一寸照片两张。
</callout>

## 二、考勤与休假

<table>
<colgroup><col width="120"/><col width="200"/><col width="260"/></colgroup>
<thead><tr><th>假期类型</th><th>天数</th><th>说明</th></tr></thead>
<tbody>
<tr><td>年假</td><td>10天起</td><td>工作满一年后享有，每多一年加一天，最多15天</td></tr>
<tr><td>病假</td><td>每年12天带薪</td><td>需提供医院证明，并在返岗后三个工作日内提交人事系统审核</td></tr>
<tr><td rowspan="2">婚假</td><td>3天</td><td>法定婚假</td></tr>
<tr><td>另加7天</td><td>公司额外福利，需在领证后一年内休完</td></tr>
</tbody>
</table>

> [!WARNING]
> 年假当年未休完的，可顺延至次年3月31日，逾期作废。

## 三、报销流程

<details>
<summary>常见问题：报销多久到账？</summary>

提交审批后，财务部在每月15日和30日统一打款。

</details>
"""


def _read(tmp_path: Path):
    path = tmp_path / "onboarding.md"
    path.write_text(EXPORT, encoding="utf-8")
    result = load_paths([path])
    assert result.problems == []
    doc = result.documents[0]
    return path, doc, recover_outline(doc)


def _file_line(path: Path, words: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if words in line)


def _paragraph(outline, words: str):
    return next(p for p in outline.paragraphs if words in p.text)


def test_html_table_reads_as_rows_cited_at_the_files_lines(tmp_path: Path) -> None:
    path, doc, outline = _read(tmp_path)
    assert "<" not in doc.text  # no tag is indexed or shown
    row = _paragraph(outline, "婚假")
    assert row.text == "假期类型：婚假 | 天数：3天 | 说明：法定婚假"  # labelled by the header row
    assert row.line_start == row.line_end == _file_line(path, "婚假")
    section = next(s for s in outline.sections if row.index in s.paragraphs)
    assert section.path[-1] == "二、考勤与休假"
    header = _paragraph(outline, "假期类型 | 天数 | 说明")
    assert header.line_start == _file_line(path, "<th>假期类型")
    # the header row is in the chunk that holds the rows
    chunks = [c for c in chunk_outline(outline) if "婚假 | 天数：3天" in c.text]
    assert chunks and all("假期类型 | 天数 | 说明" in c.text for c in chunks)


def test_callout_summary_alert_and_image_read_as_their_words(tmp_path: Path) -> None:
    path, doc, outline = _read(tmp_path)
    callout = _paragraph(outline, "首日请携带")
    assert callout.text == "注意：首日请携带身份证原件和一寸照片两张。"
    assert callout.line_start == _file_line(path, "首日请携带")
    # the foldout's question heads its answer, on the <summary> line (qa.formats.markdown._summaries_as_headings)
    answer = next(k for k, p in enumerate(outline.paragraphs) if "统一打款" in p.text)
    assert next(s.path for s in outline.sections if answer in s.paragraphs)[-1] == "常见问题：报销多久到账？"
    assert doc.text.split("\n")[_file_line(path, "<summary>") - 1].endswith(" 常见问题：报销多久到账？")
    assert "[!WARNING]" not in doc.text
    warning = _paragraph(outline, "逾期作废")
    assert warning.line_start == _file_line(path, "逾期作废")
    assert "公司大楼" in doc.text and "building.png" not in doc.text and "![" not in doc.text
    lines = doc.text.split("\n")
    assert len(lines) == len(EXPORT.split("\n"))  # line for line the file
    assert lines[_file_line(path, "本文档由人力资源部维护") - 1] == "> 本文档由人力资源部维护。"
