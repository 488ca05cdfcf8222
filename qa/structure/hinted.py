"""Outline for documents whose source format marks its headings (PDF fonts, DOCX styles, HTML h1–h6).

The loader has already decided which paragraphs are headings and at which level
(``Paragraph.heading_level``); guessing from line length would only add errors. Headings nest by
level: a heading replaces every open heading of its level or deeper. Everything else is body of
the innermost open heading, in the order the loader put it (its reading order).

This first version does no stitching; the formats work extends it (jump markers across pages).
"""

from __future__ import annotations

from qa.records import Outline, Paragraph, Section
from qa.structure.headings import heading_title


def build_hinted_outline(doc_id: str, paragraphs: list[Paragraph]) -> Outline:
    """Sections from the source's own heading levels; body in the loader's reading order."""
    roles: dict[int, str] = {}
    sections: list[Section] = []
    open_headings: list[tuple[int, str]] = []  # (level, title), outermost first
    for para in paragraphs:
        if para.heading_level is not None:
            roles[para.index] = "heading"
            while open_headings and open_headings[-1][0] >= para.heading_level:
                open_headings.pop()
            open_headings.append((para.heading_level, heading_title(para.text)))
            sections.append(Section(path=tuple(t for _, t in open_headings), paragraphs=[]))
            continue
        roles[para.index] = para.role_hint or "body"
        if not sections:
            sections.append(Section(path=(), paragraphs=[]))
        sections[-1].paragraphs.append(para.index)
        sections[-1].joins.append(False)
    return Outline(doc_id=doc_id, paragraphs=paragraphs, sections=[s for s in sections if s.paragraphs], roles=roles)
