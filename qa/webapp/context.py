"""What the app shows around a hit: its whole section, and a document's outline, as plain dicts.

Offsets are translated from document coordinates to paragraph-local ones here, so the renderer
only escapes and marks.
"""

from __future__ import annotations

from typing import Any

from qa.records import Outline

MAX_CONTEXT_PARAGRAPHS = 80  # a whole section is shown, unless it is longer than this


def section_parts(outline: Outline, indexes: list[int]) -> list[tuple[int, int]]:
    """A section's line ranges in the document: one part per run of consecutive paragraphs.

    A stitched article (its text cut by the layout and continued further down) has several
    parts; blank lines between its own paragraphs do not split it.
    """
    parts: list[list[int]] = []
    previous = None
    for i in sorted(indexes):
        p = outline.paragraphs[i]
        if parts and previous is not None and i == previous + 1:
            parts[-1][1] = max(parts[-1][1], p.line_end)
        else:
            parts.append([p.line_start, p.line_end])
        previous = i
    return [(a, b) for a, b in parts]


def format_parts(parts: list[tuple[int, int]] | list[list[int]]) -> str:
    """``39-52,136-140``: the line-range format of citations (``qa.records.format_line_ranges``)."""
    return ",".join(f"{a}" if a == b else f"{a}-{b}" for a, b in parts)


def outline_summary(doc_id: str, outline: Outline) -> dict[str, Any]:
    """Sections with their line ranges (as parts, in the citations' format) and paragraph count."""
    sections = []
    for sec in outline.sections:
        paras = [outline.paragraphs[i] for i in sec.paragraphs]
        parts = section_parts(outline, list(sec.paragraphs))
        sections.append(
            {
                "path": list(sec.path),
                "section": sec.label,
                "lines": format_parts(parts),
                "parts": [list(p) for p in parts],
                "line_start": min((p.line_start for p in paras), default=0),
                "line_end": max((p.line_end for p in paras), default=0),
                "paragraphs": len(paras),
            }
        )
    return {"doc_id": doc_id, "sections": sections, "notes": list(outline.notes)}


def section_context(text: str, outline: Outline, hit: dict[str, Any]) -> dict[str, Any] | None:
    """The whole section a hit (``Hit.to_json()``) came from, paragraph by paragraph.

    Each paragraph carries local offsets of the hit's passage (``passage``) and of its
    answering sentence (``answer``). If the outline no longer has the hit's section (the
    structure stage changed since the index was built), the paragraphs around the passage are
    returned with a note. None when the passage cannot be placed in the document at all.
    """
    spans = [(s["char_start"], s["char_end"]) for s in hit["spans"]]

    def overlaps(i: int) -> bool:
        p = outline.paragraphs[i]
        return any(p.char_start < e and s < p.char_end for s, e in spans)

    path = tuple(hit["section_path"])
    candidates = [sec for sec in outline.sections if sec.path == path]
    chosen = next((sec for sec in candidates if any(overlaps(i) for i in sec.paragraphs)), None)
    note = ""
    if chosen is not None:
        indexes = list(chosen.paragraphs)
    else:
        touching = [i for i in range(len(outline.paragraphs)) if overlaps(i)]
        if not touching:
            return None
        lo, hi = max(0, touching[0] - 2), min(len(outline.paragraphs), touching[-1] + 3)
        indexes = list(range(lo, hi))
        note = "章节划分已变化，显示段落上下文 The outline changed since indexing: showing surrounding paragraphs"
    if len(indexes) > MAX_CONTEXT_PARAGRAPHS:
        centre = next((n for n, i in enumerate(indexes) if overlaps(i)), 0)
        lo = max(0, centre - MAX_CONTEXT_PARAGRAPHS // 2)
        indexes = indexes[lo : lo + MAX_CONTEXT_PARAGRAPHS]
        note = f"章节较长，只显示部分 Long section: showing {MAX_CONTEXT_PARAGRAPHS} paragraphs around the passage"

    # The answer sentence's offsets are within the chunk text; find the same characters in the
    # document inside the chunk's own spans (a chunk is built from those source ranges).
    answers: list[tuple[int, int]] = []
    for a, b in hit.get("highlights", []):
        sentence = hit["text"][a:b]
        for s, e in spans:
            found = text.find(sentence, s, max(e, s + len(sentence)))
            if found >= 0:
                answers.append((found, found + len(sentence)))
                break

    def local(ranges: list[tuple[int, int]], start: int, end: int) -> list[list[int]]:
        return [[max(s, start) - start, min(e, end) - start] for s, e in ranges if s < end and start < e]

    paragraphs = []
    for i in indexes:
        p = outline.paragraphs[i]
        paragraphs.append(
            {
                "line_start": p.line_start,
                "line_end": p.line_end,
                "page": p.page_start,
                "text": text[p.char_start : p.char_end],
                "passage": local(spans, p.char_start, p.char_end),
                "answer": local(answers, p.char_start, p.char_end),
            }
        )
    return {
        "doc_id": hit["doc_id"],
        "section": " › ".join(path) if chosen is not None else hit.get("section", ""),
        "section_path": list(path),
        "note": note,
        "paragraphs": paragraphs,
    }
