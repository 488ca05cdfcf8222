"""A web page's sections as a citation names them, for the HTML reader's tests."""

from __future__ import annotations

from pathlib import Path

from qa.loading import load_file
from qa.structure import recover_outline


def page_sections(tmp_path: Path, html: str, name: str = "page.html") -> dict[str, list[str]]:
    """Section path (' › ' joined) -> its paragraphs' texts, for ``html`` written to ``tmp_path / name`` and read."""
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    outline = recover_outline(load_file(path))
    return {" › ".join(s.path): [outline.paragraphs[i].text for i in s.paragraphs] for s in outline.sections}
