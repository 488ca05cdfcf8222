"""Markdown files: sections from the Markdown's own headings, citations at the file's own lines.

Every test writes a real .md file and reads it the way ``qa build`` does (``load_paths``); the
section paths and cited lines are what ``qa search`` would print.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.build import build_index
from qa.loading import load_paths
from qa.records import SECTION_SEPARATOR
from qa.search import Searcher
from qa.structure import recover_outline


def _outline(path: Path):
    result = load_paths([path])
    assert result.problems == []
    doc = result.documents[0]
    return doc, recover_outline(doc)


def _section_of(outline, words: str) -> str:
    """The section path (A › B) of the body paragraph holding ``words``."""
    for section in outline.sections:
        for i in section.paragraphs:
            if words in outline.paragraphs[i].text:
                return section.label
    raise AssertionError(f"no body paragraph holds {words!r}")


def _line_of(path: Path, words: str) -> int:
    """1-based line of the file holding ``words``."""
    lines = path.read_text(encoding="utf-8").split("\n")
    return next(n for n, line in enumerate(lines, 1) if words in line)


CODE_NOTES = """# 日志归档工具说明

## 安装

先用 pip 安装依赖，再复制配置文件到用户目录。

## 用法

每天运行一次归档脚本：

```bash
# 压缩上周的日志
tar czf logs.tgz /var/log/app
## 上传到对象存储
aws s3 cp logs.tgz s3://archive/
```

也可以写进定时任务，在凌晨三点执行。

~~~python
# 读取清单
items = load()
~~~

    # 缩进代码块里的注释
    echo done

## 故障排查

归档失败时查看 /tmp/archive.err 里的错误信息。
"""


def test_comment_lines_inside_code_are_body_of_their_section(tmp_path):
    path = tmp_path / "archive.md"
    path.write_text(CODE_NOTES, encoding="utf-8")
    _, outline = _outline(path)
    assert _section_of(outline, "定时任务") == "日志归档工具说明 › 用法"
    assert _section_of(outline, "查看 /tmp/archive.err") == "日志归档工具说明 › 故障排查"
    # the code, '#' lines and all, is searchable text of the section it is in
    assert _section_of(outline, "压缩上周的日志") == "日志归档工具说明 › 用法"
    assert _section_of(outline, "缩进代码块里的注释") == "日志归档工具说明 › 用法"
    paths = {title for s in outline.sections for title in s.path}
    assert not paths & {"压缩上周的日志", "上传到对象存储", "读取清单", "缩进代码块里的注释"}


SETEXT = """Deployment Runbook
==================

This runbook is for the production cluster.

Prerequisites
-------------

Each node needs four cores and eight gigabytes of memory.

Database
--------

PostgreSQL 15 runs on a dedicated host; the connection string is in DATABASE_URL.

Rollback
========

Redeploy the previous image tag and restore the last snapshot.
"""


def test_setext_headings_name_sections_and_underlines_never_do(tmp_path):
    path = tmp_path / "runbook.markdown"
    path.write_text(SETEXT, encoding="utf-8")
    _, outline = _outline(path)
    assert _section_of(outline, "four cores") == "Deployment Runbook › Prerequisites"
    assert _section_of(outline, "DATABASE_URL") == "Deployment Runbook › Database"
    assert _section_of(outline, "previous image tag") == "Rollback"
    for section in outline.sections:
        assert not any(set(title) <= set("=-") for title in section.path), section.path
        for i in section.paragraphs:
            assert not set(outline.paragraphs[i].text.strip()) <= set("=-")


FRONT_MATTER = """---
title: "团队周报模板"
author: 李四
tags: [周报, 模板]
---

## 本周进展

完成了检索服务的灰度发布，错误率下降到千分之一。

## 下周计划

准备压力测试，并整理上线文档。
"""


def test_front_matter_is_kept_out_of_the_text_and_its_title_heads_the_outline(tmp_path):
    path = tmp_path / "weekly.md"
    path.write_text(FRONT_MATTER, encoding="utf-8")
    doc, outline = _outline(path)
    assert "author" not in doc.text and "李四" not in doc.text and "tags:" not in doc.text
    assert _section_of(outline, "灰度发布") == "团队周报模板 › 本周进展"
    assert _section_of(outline, "压力测试") == "团队周报模板 › 下周计划"
    # a body that opens with its own level-1 title keeps it (the front matter's is not stacked on top)
    titled = tmp_path / "titled.md"
    titled.write_text(FRONT_MATTER.replace("## 本周进展", "# 第十二周周报\n\n## 本周进展"), encoding="utf-8")
    _, outline = _outline(titled)
    assert _section_of(outline, "灰度发布") == "第十二周周报 › 本周进展"
    # a level-1 heading further down does not open the body: the front matter's title still heads what comes first
    later = tmp_path / "later.md"
    source = "---\ntitle: 测试文档\ndate: 2024-01-01\n---\n\n正文开始。\n\n# 第一章\n\n内容。\n"
    later.write_text(source, encoding="utf-8")
    doc, outline = _outline(later)
    assert "测试文档" in doc.text
    assert _section_of(outline, "正文开始") == "测试文档"


def test_front_matter_of_a_file_without_headings_is_not_text_and_its_headlines_are_still_inferred(tmp_path):
    plain = "会议纪要\n\n本次会议讨论了明年的预算安排，决定增加研发投入。\n\n后续安排\n\n下周提交详细的预算表。\n"
    (tmp_path / "notes.txt").write_text(plain, encoding="utf-8")
    (tmp_path / "notes.md").write_text("---\ndate: 2024-05-06\nauthor: 王五\n---\n\n" + plain, encoding="utf-8")
    txt_doc, txt_outline = _outline(tmp_path / "notes.txt")
    md_doc, md_outline = _outline(tmp_path / "notes.md")
    assert "王五" not in md_doc.text and "date:" not in md_doc.text
    # what the plain-text stage infers for the .txt, it infers for the same text in a .md
    assert _section_of(md_outline, "预算表") == _section_of(txt_outline, "预算表")


NUMBERED = """# 新员工入职指南

欢迎加入公司，本指南说明入职第一周的安排。

一、报到流程

入职当天上午九点到人事部报到，携带身份证原件。

（一）领取工牌

工牌在前台领取，丢失需补办。

（二）签订合同

劳动合同一式两份，双方各执一份。

二、办公设备

**三、考勤打卡**

使用企业微信打卡，每天上下班各一次。

# 附录

常用电话见内部通讯录。
"""


def test_numbered_paragraphs_under_a_hash_title_nest_by_their_numbering(tmp_path):
    path = tmp_path / "onboarding.md"
    path.write_text(NUMBERED, encoding="utf-8")
    _, outline = _outline(path)
    assert _section_of(outline, "欢迎加入公司") == "新员工入职指南"
    assert _section_of(outline, "九点到人事部") == "新员工入职指南 › 一、报到流程"
    assert _section_of(outline, "前台领取") == "新员工入职指南 › 一、报到流程 › （一）领取工牌"
    assert _section_of(outline, "一式两份") == "新员工入职指南 › 一、报到流程 › （二）签订合同"
    assert _section_of(outline, "企业微信") == "新员工入职指南 › 三、考勤打卡"  # bold numbering is numbering
    assert _section_of(outline, "通讯录") == "附录"  # a Markdown heading closes the numbered ones
    # '二、办公设备' heads no text (the next numbered line is its sibling): it stays text, not an empty section
    assert _section_of(outline, "二、办公设备").startswith("新员工入职指南 › 一、报到流程")


LISTS = """# 接口说明

1. 概述
2. 认证

> 注意：所有请求都要带上令牌。

| 字段 | 含义 |
| ---- | ---- |
| uid  | 用户编号 |

- 返回值为 JSON

认证使用 OAuth 2.0 客户端凭据。
"""


def test_lists_tables_and_quotes_are_text_of_their_section(tmp_path):
    path = tmp_path / "api.md"
    path.write_text(LISTS, encoding="utf-8")
    doc, outline = _outline(path)
    for words in ("概述", "认证", "所有请求都要带上令牌", "用户编号", "返回值为 JSON", "OAuth"):
        assert _section_of(outline, words) == "接口说明", words
    assert "| ---- |" not in doc.text


def test_every_line_of_the_text_is_the_files_line(tmp_path):
    """Citations count lines of Document.text: they must be the file's lines (markup-only lines blank)."""
    for name, source in [("a.md", CODE_NOTES), ("b.md", SETEXT), ("c.md", FRONT_MATTER), ("d.md", NUMBERED)]:
        path = tmp_path / name
        path.write_text(source, encoding="utf-8")
        doc, outline = _outline(path)
        src, got = source.split("\n"), doc.text.split("\n")
        assert len(got) == len(src)
        for n, (file_line, line) in enumerate(zip(src, got, strict=True), 1):
            heading = doc.hints is not None and n in doc.hints and doc.hints[n].heading_level is not None
            assert heading or line in ("", file_line), (name, n, line)
        for section in outline.sections:
            for i in section.paragraphs:
                para = outline.paragraphs[i]
                assert para.text.split("\n")[0].strip() == src[para.line_start - 1].strip()


@pytest.fixture(scope="module")
def searcher(tmp_path_factory, use_embedder):
    root = tmp_path_factory.mktemp("markdown")
    docs = root / "docs"
    docs.mkdir()
    (docs / "archive.md").write_text(CODE_NOTES, encoding="utf-8")
    (docs / "weekly.md").write_text(FRONT_MATTER, encoding="utf-8")
    build_index([docs], root / "index", embedder=use_embedder, progress=False)
    return Searcher(root / "index", embedder=use_embedder), docs


@pytest.mark.parametrize(
    ("question", "doc", "words", "section"),
    [
        ("归档失败时在哪里查看错误信息？", "archive.md", "/tmp/archive.err", ("日志归档工具说明", "故障排查")),
        ("检索服务灰度发布后错误率是多少？", "weekly.md", "千分之一", ("团队周报模板", "本周进展")),
    ],
)
def test_a_citation_names_the_section_and_the_files_line(searcher, question, doc, words, section):
    search, docs = searcher
    hit = search.search(question, k=1, mode="keyword")[0]
    line = _line_of(docs / doc, words)
    assert hit.citation == f"{doc}:{line} § {SECTION_SEPARATOR.join(section)}"


def test_a_leading_rule_is_not_front_matter_and_loses_no_text(tmp_path):
    """'---' opening a file and another further down are two rules, not front matter around the text between."""
    path = tmp_path / "rules.md"
    source = "---\n\n# 发布说明\n\n修复了登录超时的问题。\n\n---\n\n## 已知问题\n\n导出大文件较慢。\n"
    path.write_text(source, encoding="utf-8")
    doc, outline = _outline(path)
    assert _section_of(outline, "登录超时") == "发布说明"
    assert _section_of(outline, "导出大文件") == "发布说明 › 已知问题"
    assert doc.text.split("\n")[4] == "修复了登录超时的问题。"
