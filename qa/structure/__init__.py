"""The structure stage: which section every paragraph belongs to, in reading order.

``recover_outline`` is the one entry point the pipeline calls; chunking and search only see the
``Outline`` it returns, so better recovery slots in here without touching them.

Newspaper pages arrive with their reading order scrambled by the layout. The stage runs in
two passes: ``layout`` reads what is printed where (heading runs, bylines, datelines,
'（上接N版）' markers, titles printed after their body, labelled parts of one article), then
``stitching`` solves an assignment of cut fragments to the articles they continue
(``evidence`` scores, ``alignment`` DP). ``outline`` assembles sections, roles, stitches and
notes; ``report.format_outline`` prints them for ``qa structure FILE``. Markdown and non-Chinese
documents keep the first-version outline (``naive``).
"""

from __future__ import annotations

from qa.paragraphs import split_paragraphs
from qa.records import Document, Outline, Paragraph
from qa.structure import exams
from qa.structure import topic as topic_source
from qa.structure.annexes import annex_parts
from qa.structure.closing import place_closing_block
from qa.structure.hinted import build_hinted_outline
from qa.structure.outline import build_outline
from qa.structure.topic import TopicSource


def recover_outline(
    doc: Document, paragraphs: list[Paragraph] | None = None, topic: TopicSource | None = None
) -> Outline:
    """Assign each paragraph of ``doc`` to a section path, in reading order, with stitches.

    ``topic`` lends a sentence encoder to the stitching (loaded only when a page has fragments to
    place); by default the project's default encoder, shared by the process; ``topic.OFF`` for none.
    """
    paras = paragraphs if paragraphs is not None else split_paragraphs(doc)
    with exams.reading(paras):  # an exam paper's questions and options are lines of their own
        if doc.hints is not None:  # the source format says where its headings are (PDF, DOCX, HTML)
            return annex_parts(place_closing_block(build_hinted_outline(doc.doc_id, paras)))
        return annex_parts(
            place_closing_block(build_outline(doc.doc_id, paras, topic if topic is not None else topic_source.shared()))
        )


__all__ = ["TopicSource", "recover_outline"]
