"""Human-readable outline for `qa structure FILE`: what was recovered and how sure it is.

The point is to let a reader check the recovery against the page: every section with the line
numbers it cites, what each non-body line was taken for, every stitch with its evidence, and the
ambiguities the stage could not settle.
"""

from __future__ import annotations

from qa.records import SECTION_SEPARATOR, Outline, Paragraph

PREVIEW_CHARS = 28


def _preview(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= PREVIEW_CHARS else flat[:PREVIEW_CHARS] + "…"


def _lines(p: Paragraph) -> str:
    return f"{p.line_start}" if p.line_start == p.line_end else f"{p.line_start}-{p.line_end}"


def format_outline(outline: Outline) -> str:
    """Sections with cited lines and previews, non-body roles, stitches, and notes."""
    paras = outline.paragraphs
    out: list[str] = [f"Outline of {outline.doc_id}: {len(paras)} paragraphs, {len(outline.sections)} sections"]
    body_roles = {"body"}
    out.append("")
    out.append("Sections (reading order; '+' = glued to the previous paragraph mid-sentence)")
    for n, section in enumerate(outline.sections, 1):
        label = SECTION_SEPARATOR.join(section.path) or "(no heading)"
        out.append(f"[{n}] {label}")
        for i, join in zip(section.paragraphs, section.joins, strict=False):
            p = paras[i]
            role = outline.roles.get(i, "body")
            tag = "" if role in body_roles else f" ({role})"
            out.append(f"    {'+' if join else ' '} line {_lines(p):>7}{tag}  {_preview(p.text)}")
    others = [(i, r) for i, r in sorted(outline.roles.items()) if r not in ("body", "dateline", "marker")]
    if others:
        out.append("")
        out.append("Non-body lines")
        for i, role in others:
            out.append(f"    line {_lines(paras[i]):>7}  {role:<8} {_preview(paras[i].text)}")
    if outline.stitches:
        out.append("")
        out.append("Stitches (head → continuation)")
        for st in outline.stitches:
            head, tail = paras[st.head], paras[st.tail]
            seam = f"line {head.line_end} → line {tail.line_start}"
            out.append(f"    {seam}  confidence {st.confidence:.2f}  {st.reason}")
            out.append(f"        …{_preview(head.text[-PREVIEW_CHARS:])} | {_preview(tail.text)}")
    if outline.notes:
        out.append("")
        out.append("Notes (check these)")
        out.extend(f"    - {note}" for note in outline.notes)
    return "\n".join(out) + "\n"


def outline_json(outline: Outline) -> dict:
    """The outline as plain data for tools that check structure (``qa structure FILE --json``).

    Sections in reading order with their path, confidence and paragraphs (line ranges, role,
    whether each is glued to the previous one mid-sentence, confidence); every non-body line with
    its role; every stitch with its confidence and reason; the notes.
    """
    paras = outline.paragraphs

    def para(i: int, join: bool | None = None) -> dict:
        p = paras[i]
        row = {
            "index": i,
            "lines": [p.line_start, p.line_end],
            "role": outline.roles.get(i, "body"),
            "confidence": outline.confidence.get(i, 1.0),
            "preview": _preview(p.text),
        }
        if join is not None:
            row["joins_previous"] = join
        return row

    return {
        "doc_id": outline.doc_id,
        "paragraph_count": len(paras),
        "sections": [
            {
                "path": list(s.path),
                "confidence": outline.section_confidence(s),
                "paragraphs": [para(i, j) for i, j in zip(s.paragraphs, s.joins, strict=False)],
            }
            for s in outline.sections
        ],
        "roles": [para(i) for i, r in sorted(outline.roles.items()) if r not in ("body",)],
        "stitches": [
            {
                "head": {"index": st.head, "lines": [paras[st.head].line_start, paras[st.head].line_end]},
                "tail": {"index": st.tail, "lines": [paras[st.tail].line_start, paras[st.tail].line_end]},
                "confidence": st.confidence,
                "reason": st.reason,
            }
            for st in outline.stitches
        ],
        "notes": list(outline.notes),
    }
