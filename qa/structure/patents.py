"""A Chinese patent application's parts, read by their fixed names: the documents filed side by side (权利要求书,
说明书, 说明书摘要 …) and the description's parts under 说明书 (技术领域, 背景技术, 发明内容, 附图说明, 具体实施方式).

The Implementing Regulations of the Patent Law (专利法实施细则, rules 17–23) fix these names and their order. In
plain text they are bare lines like any headline, and the newspaper rule for bare lines (a run replaces the
deepest open levels) nested the last document under the description: '说明书 › 发明名称 › 说明书摘要'. By their
names, a filed document is a part of the application's top level, a description part sits one level under 说明书
(beside each other, as the PDF reader files them, ``qa.formats.pdf.patents``), and a heading inside a part
('实施例1') under that part.
"""

from __future__ import annotations

import re

from qa.records import Paragraph
from qa.structure.headings import apply_heading_run, heading_title, is_bare_heading, line_outline_rank

# The description's parts in their fixed order (a utility model says 实用新型内容 for 发明内容).
PARTS = ("技术领域", "背景技术", ("发明内容", "实用新型内容"), "附图说明", "具体实施方式")
MIN_PARTS = 3  # description parts found in order before a document is read as a patent
# The documents of an application, filed side by side (摘要 alone is how some offices head the abstract).
DOCUMENTS = ("权利要求书", "说明书", "说明书摘要", "摘要", "说明书附图", "摘要附图")
_SPACE = re.compile(r"[ \t\u3000]+")


def _key(text: str) -> str:
    return _SPACE.sub("", heading_title(text))


def part_index(text: str) -> int | None:
    """Which description part a line names (0 for 技术领域 …), or None."""
    key = _SPACE.sub("", text)
    for n, names in enumerate(PARTS):
        if key in ((names,) if isinstance(names, str) else names):
            return n
    return None


def is_document(text: str) -> bool:
    """A line naming one of the application's documents ('权利要求书', '说明书摘要')."""
    return _key(text) in DOCUMENTS


def is_patent(paragraphs: list[Paragraph]) -> bool:
    """At least ``MIN_PARTS`` description parts stand alone as one-line paragraphs, in their order, as the document's
    own top-level parts: a guide whose numbered chapter opens above them ('第一章 说明书的撰写⏎技术领域⏎…') only
    names the parts, and read as a patent its next chapter nested under '具体实施方式'. A part is told by its heading's
    title (``_key``), as ``patent_path`` tells it."""
    last, found = -1, 0
    for para in paragraphs:
        text = para.text.strip()
        if "\n" in text:
            continue
        n = part_index(_key(text))
        if n is None and found == 0 and line_outline_rank(text) is not None and is_bare_heading(text):
            return False  # a numbered chapter above the parts: they are its sections, not the document's
        if n is not None and n > last:
            last, found = n, found + 1
    return found >= MIN_PARTS


def patent_kinds(paragraphs: list[Paragraph], kinds: list[str]) -> None:
    """In a patent, its documents' and parts' names standing alone are headings (``kinds`` in place)."""
    if not is_patent(paragraphs):
        return
    for i, para in enumerate(paragraphs):
        text = para.text.strip()
        if "\n" not in text and (is_document(text) or part_index(_key(text)) is not None):
            kinds[i] = "heading"


def _first_part(path: tuple[str, ...]) -> int:
    return next((k for k, t in enumerate(path) if part_index(_key(t)) is not None), len(path))


def patent_path(path: tuple[str, ...], titles: list[str]) -> tuple[str, ...]:
    """The section path after a run of heading lines in a patent: a document's name opens a top-level part, a
    description part replaces the part open (under '说明书' and the invention's title), any other heading nests
    under the open part."""
    rest: list[str] = []

    def below_part(path: tuple[str, ...]) -> tuple[str, ...]:
        depth = min(_first_part(path) + 1, len(path))
        return path[:depth] + apply_heading_run(path[depth:], rest) if rest else path

    for title in titles:
        if is_document(title):
            path, rest = (title,), []
        elif part_index(_key(title)) is not None:
            path, rest = below_part(path), []
            path = (*path[: _first_part(path)], title)
        else:
            rest.append(title)
    return below_part(path)
