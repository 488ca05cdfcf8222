"""benchmarks/real_html.py fetches its pinned pages itself: an unpacked page is the same document as an installed one
(same name, so the same sample and split), and a machine that cannot fetch is told why instead of failing."""

from __future__ import annotations

from pathlib import Path

import pytest

import benchmarks.real_html as real_html


def test_an_unpacked_page_is_named_as_installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(real_html, "DEBS", tmp_path)
    page = tmp_path / "gimp-help-zh-cn_2.10.34-2" / "usr/share/gimp/2.0/help/zh_CN/layer-new.html"
    page.parent.mkdir(parents=True)
    page.write_text("<html><body><h1>新建图层</h1><p>正文。</p></body></html>", encoding="utf-8")
    (tmp_path / "gimp-help-zh-cn_2.10.34-2" / ".complete").write_text("", encoding="utf-8")
    monkeypatch.setattr(real_html, "PACKAGES", {"gimp-help-zh-cn": "2.10.34-2"})
    installed = "/usr/share/gimp/2.0/help/zh_CN/layer-new.html"
    assert real_html.source_name(page) == installed
    assert real_html.split_of(real_html.source_name(page)) == real_html.split_of(installed)
    assert real_html.source_name(Path(installed)) == installed
    gimp = next(f for f in real_html.families() if f.key == "gimp")
    assert page in gimp.files


def test_no_apt_is_a_message_not_a_failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(real_html, "DEBS", tmp_path)
    monkeypatch.setattr(real_html.shutil, "which", lambda name: None)
    problems = real_html.fetch_packages()
    assert len(problems) == 1 and "apt-get" in problems[0] and "gimp-help-zh-cn" in problems[0]
    assert real_html.roots() == [Path("/")]
