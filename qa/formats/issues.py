"""Jumps across the page files of one newspaper issue ("第1版.pdf", "第2版.pdf" in one folder).

Papers often publish one PDF per page. An article on page 1 that ends "（下转第2版）" continues in
page 2's file under "（上接第1版）". Each file is structured on its own, so page 2 alone cannot
know the headline of what it continues. This pass runs after loading: for every continuation a
file cannot match itself, it looks in the other PDFs of the same folder for an article that
jumps to this file's edition from the edition the marker names, and records that article's
headline on the continuation's line (``LineHint.continues``). The structure stage then files the
continuation under that headline: its citation names the article it belongs to, in its own file.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from qa.formats.blocks import hints_digest
from qa.paragraphs import split_paragraphs
from qa.records import Document, Paragraph
from qa.structure.cues import continuation_marker, has_transfer_marker
from qa.structure.hinted import build_hinted_outline, page_edition
from qa.structure.markers import named_edition, transfer_marker


def _jumps(doc: Document) -> tuple[list[tuple[int, int, str]], list[tuple[int, int, Paragraph]]]:
    """(transfers out: (edition, target edition, headline), unmatched continuations: (edition, source, paragraph))."""
    paragraphs = split_paragraphs(doc)
    outline = build_hinted_outline(doc.doc_id, paragraphs)
    section_of = {i: s.path for s in outline.sections for i in s.paragraphs}
    matched_tails = {st.tail for st in outline.stitches}
    matched_heads = {st.head for st in outline.stitches}
    transfers, continuations = [], []
    for para in paragraphs:
        if para.heading_level is not None:
            continue
        if has_transfer_marker(para.text) and para.index not in matched_heads and section_of.get(para.index):
            target = named_edition(transfer_marker(para.text) or "", page_edition(para))
            if target is not None and page_edition(para) is not None:
                transfers.append((page_edition(para), target, section_of[para.index][-1]))
        marker = continuation_marker(para.text)
        if marker and para.index not in matched_tails:
            source = named_edition(marker, page_edition(para))
            if source is not None and page_edition(para) is not None:
                continuations.append((page_edition(para), source, para))
    return transfers, continuations


def link_issue_pages(documents: list[Document]) -> list[Document]:
    """Documents with continuations from other page files of their folder marked (see module doc)."""
    folders: dict[object, list[int]] = defaultdict(list)
    for n, doc in enumerate(documents):
        if doc.source_format == "pdf" and doc.hints:
            folders[doc.path.parent].append(n)
    out = list(documents)
    for members in folders.values():
        if len(members) < 2:
            continue
        found = {n: _jumps(documents[n]) for n in members}
        open_transfers = [(n, t) for n in members for t in found[n][0]]
        for n in members:
            doc = documents[n]
            hints = dict(doc.hints or {})
            for edition, source, para in found[n][1]:
                match = next(
                    (
                        k
                        for k, (m, (ed, target, _)) in enumerate(open_transfers)
                        if m != n and ed == source and target == edition
                    ),
                    None,
                )
                if match is None:
                    continue
                headline = open_transfers.pop(match)[1][2]
                hints[para.line_start] = replace(hints[para.line_start], continues=headline)
            if hints != doc.hints:
                out[n] = replace(doc, hints=hints, sha256=hints_digest(doc.text, hints))
    return out
