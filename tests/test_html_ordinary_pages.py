"""Ordinary web pages (a novel chapter, a data table, a download page, a FAQ) lose no text to the navigation rules
that real manuals needed (tests/test_html_real_shapes.py): a rule that drops a menu must not drop what an author
wrote. Found by review of those rules, not on the benchmark's pages (it has no such pages)."""

from __future__ import annotations

from pathlib import Path

from qa.loading import load_file
from qa.structure import recover_outline


def _texts(tmp_path: Path, body: str) -> list[str]:
    path = tmp_path / "page.html"
    path.write_text(f"<html><head><title>页</title></head><body>{body}</body></html>", encoding="utf-8")
    outline = recover_outline(load_file(path))
    return [outline.paragraphs[i].text for s in outline.sections for i in s.paragraphs]


def test_a_chapter_with_previous_and_next_links_keeps_its_text(tmp_path):
    body = """<h1>第三章</h1><div class="content"><p>天色渐晚，山路上只剩下他一个人。</p><p>村口的灯亮了。</p>
    <p><a href="2.html" rel="prev">上一章</a> <a href="4.html" rel="next">下一章</a></p></div>"""
    texts = _texts(tmp_path, body)
    assert "天色渐晚，山路上只剩下他一个人。" in texts and "村口的灯亮了。" in texts
    assert not any("下一章" in t for t in texts)  # the prev/next paragraph itself is navigation


def test_a_table_of_linked_names_and_numbers_is_data(tmp_path):
    rows = "".join(
        f'<tr><td><a href="{c}.html">{c}</a></td><td>{n}</td></tr>'
        for c, n in [("北京", 2189), ("上海", 2487), ("广州", 1867), ("深圳", 1756), ("重庆", 3212)]
    )
    body = f"<h1>城市人口</h1><table><tr><th>城市</th><th>人口（万）</th></tr>{rows}</table>"
    texts = _texts(tmp_path, body)
    assert "城市：北京 | 人口（万）：2189" in texts and "城市：重庆 | 人口（万）：3212" in texts


def test_a_list_of_links_to_other_sites_is_what_the_author_wrote(tmp_path):
    body = """<h1>下载</h1><div>请从下列镜像之一下载：<p><a href="https://mirrors.tuna.tsinghua.edu.cn/">清华镜像</a></p>
    <p><a href="https://mirrors.ustc.edu.cn/">中科大镜像</a></p></div>
    <h2>参考资料</h2><ul><li><a href="https://example.org/a">《标准一》</a></li><li><a href="https://example.org/b">《标准二》</a></li></ul>"""
    texts = " ".join(_texts(tmp_path, body))
    for words in ("请从下列镜像之一下载", "清华镜像", "中科大镜像", "《标准一》", "《标准二》"):
        assert words in texts


def test_one_item_with_words_of_its_own_keeps_a_list_of_links(tmp_path):
    items = "".join(f'<li><a href="faq{n}.html">问题{n}</a></li>' for n in range(4))
    body = f"""<h1>常见问题</h1><ul>{items}<li>如果以上都无法解决，请拨打客服电话 400-123-4567。</li></ul>"""
    assert any("请拨打客服电话" in t for t in _texts(tmp_path, body))


def test_a_menu_of_internal_links_is_still_dropped(tmp_path):
    items = "".join(f'<li><a href="{n}.html">栏目{n}</a></li>' for n in range(5))
    body = f"<ul>{items}</ul><h1>通知</h1><p>明天停电。</p>"
    assert _texts(tmp_path, body) == ["明天停电。"]


def test_a_class_that_only_starts_with_nav_is_not_navigation(tmp_path):
    body = '<h1>通知</h1><div class="theme-navy"><p>重要通知：明天停电。</p></div><div class="navbar"><p>首页</p></div>'
    assert _texts(tmp_path, body) == ["重要通知：明天停电。"]


def test_a_data_row_with_a_list_in_a_cell_stays_one_row(tmp_path):
    body = "<h1>功能</h1><table><tr><td>导出</td><td><ul><li>PDF</li><li>DOCX</li></ul></td></tr></table>"
    texts = _texts(tmp_path, body)
    assert len(texts) == 1 and texts[0].startswith("导出 |") and "PDF" in texts[0] and "DOCX" in texts[0]
