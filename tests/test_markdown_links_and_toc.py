"""A Markdown file's links show their text, and a '[TOC]' placeholder is no text (an exploratory tester's FAQ:
'[企业认证通道](https://…)' was indexed and shown with its address, and '[TOC]' was the first line of the body).

Line numbers stay the file's: the placeholder's line is blanked, not removed."""

from __future__ import annotations

from qa.loading import load_file
from qa.structure import recover_outline

FAQ = """# 会员服务常见问题

[TOC]

## 账户与登录

企业用户请使用[企业认证通道](https://example.com/biz "认证")办理，详见[帮助][help]。
积分规则见 [注] 与 `[x](y)` 写法。

[help]: https://example.com/help
"""


def test_links_show_their_text_and_the_toc_placeholder_goes(tmp_path) -> None:
    (tmp_path / "faq.md").write_text(FAQ, encoding="utf-8")
    doc = load_file(tmp_path / "faq.md")
    lines = doc.text.split("\n")
    assert "[TOC]" not in doc.text
    assert lines[6] == "企业用户请使用企业认证通道办理，详见帮助。", lines  # line 7 of the file, as cited
    assert "https://" not in lines[6]
    assert lines[7] == "积分规则见 [注] 与 `[x](y)` 写法。", lines  # no link there: brackets and code kept
    outline = recover_outline(doc)
    texts = [outline.paragraphs[i].text for s in outline.sections for i in s.paragraphs]
    assert not any("TOC" in t for t in texts), texts


def test_a_toc_word_in_a_sentence_stays(tmp_path) -> None:
    (tmp_path / "notes.md").write_text("# 说明\n\n在文首写 [TOC] 即可生成目录。\n", encoding="utf-8")
    assert "在文首写 [TOC] 即可生成目录。" in load_file(tmp_path / "notes.md").text
