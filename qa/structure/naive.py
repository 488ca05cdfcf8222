"""Baseline (first version) outline, kept for the benchmark and for Markdown documents.

Headings in source order open sections; body follows them.

A run of consecutive heading lines (banner, topic, headline) names the levels above the body
that follows. A shorter run replaces the deepest levels of the current path, so a new headline
under the same banner keeps the banner.
"""

from __future__ import annotations

from qa.records import Outline, Paragraph, Section
from qa.structure.headings import apply_heading_run, heading_title, is_bare_heading, markdown_level


def build_outline(doc_id: str, paragraphs: list[Paragraph]) -> Outline:
    roles: dict[int, str] = {}
    sections: list[Section] = []
    path: tuple[str, ...] = ()
    md_path: list[tuple[int, str]] = []  # (level, title) for Markdown documents
    pending: list[str] = []  # a run of bare heading lines not yet followed by body
    # A Markdown document says where its headings are; a short unpunctuated line there is body.
    markdown = any(markdown_level(p.text) is not None for p in paragraphs)

    def open_section(new_path: tuple[str, ...]) -> None:
        sections.append(Section(path=new_path, paragraphs=[]))

    for para in paragraphs:
        level = markdown_level(para.text)
        if level is not None:
            roles[para.index] = "heading"
            while md_path and md_path[-1][0] >= level:
                md_path.pop()
            md_path.append((level, heading_title(para.text)))
            pending = []
            path = tuple(title for _, title in md_path)
            open_section(path)
            continue
        nxt = paragraphs[para.index + 1] if para.index + 1 < len(paragraphs) else None
        if not markdown and is_bare_heading(para.text) and nxt is not None:
            roles[para.index] = "heading"
            pending.append(heading_title(para.text))
            continue
        roles[para.index] = "body"
        if pending:
            path = apply_heading_run(path, pending)
            pending = []
            open_section(path)
        if not sections:
            open_section(path)
        sections[-1].paragraphs.append(para.index)
        sections[-1].joins.append(False)
    sections = [s for s in sections if s.paragraphs]
    return Outline(doc_id=doc_id, paragraphs=paragraphs, sections=sections, roles=roles)
