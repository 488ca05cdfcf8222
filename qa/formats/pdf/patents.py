"""A Chinese patent's description read by its section names: 技术领域, 背景技术, 发明内容, 附图说明, 具体实施方式.

The Implementing Regulations of the Patent Law (专利法实施细则, rule 17) fix the parts of a 说明书 and their
order; the filed document types them as lines of their own, bold at most, at the body's size — and a word
processor printing a 黑体 that has no bold face drops even that (LibreOffice with WenQuanYi Micro Hei: the
PDF's '技术领域' is a line of the body's type). Type says nothing; the names do, in their fixed order. Where at
least ``patents.MIN_PARTS`` of them stand alone as one-line paragraphs in that order, each is a heading one level under
the heading they follow ('说明书'), so a citation names '说明书 › 背景技术' as the DOCX reader's does.
"""

from __future__ import annotations

from dataclasses import replace

from qa.formats.blocks import Block
from qa.structure import patents


def patent_parts(blocks: list[Block], one_line: set[int]) -> list[Block]:
    """``blocks`` with a patent description's part names (one-line body paragraphs, in their order) as headings one
    level under the heading above them; unchanged unless ``patents.MIN_PARTS`` of them are found in order."""
    found: dict[int, int] = {}
    last = -1
    for i, b in enumerate(blocks):
        alone = i in one_line or b.heading_level is not None
        if alone and (n := patents.part_index(b.text)) is not None and n > last:
            found[i] = n
            last = n
    if len(found) < patents.MIN_PARTS:
        return blocks
    out: list[Block] = []
    parent = 0
    first = min(found)
    for i, b in enumerate(blocks):
        if i < first and b.heading_level is not None:
            parent = b.heading_level
        if i in found:
            out.append(replace(b, heading_level=parent + 1, role="heading"))
        elif i > first and b.heading_level is not None and b.heading_level > parent and i not in found:
            out.append(replace(b, heading_level=b.heading_level + 1))  # a heading inside a part stays inside it
        else:
            out.append(b)
    return out
