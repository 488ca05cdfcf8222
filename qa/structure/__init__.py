"""The structure stage: which section every paragraph belongs to, in reading order.

``recover_outline`` is the one entry point the pipeline calls; chunking and search only see the
``Outline`` it returns, so better recovery slots in here without touching them.
"""

from __future__ import annotations

from qa.paragraphs import split_paragraphs
from qa.records import Document, Outline, Paragraph
from qa.structure.outline import build_outline


def recover_outline(doc: Document, paragraphs: list[Paragraph] | None = None) -> Outline:
    """Assign each paragraph of ``doc`` to a section path."""
    paras = paragraphs if paragraphs is not None else split_paragraphs(doc)
    return build_outline(doc.doc_id, paras)


__all__ = ["recover_outline"]
