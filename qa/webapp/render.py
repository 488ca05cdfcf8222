"""HTML for the app: hit cards, a section in context, comparison columns, document outlines.

Every piece of document text goes through ``html.escape``; highlighting works on character
offsets (never by string replacement on HTML), so a passage containing ``<``, ``&`` or the
highlighted words twice still renders exactly what the index holds.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

Ranges = Sequence[Sequence[int]]

# Classes rendered as <mark> (the user is meant to notice them); others become <span>.
MARK_CLASSES = frozenset({"qa-answer", "qa-shared"})


def mark_text(text: str, layers: Mapping[str, Ranges]) -> str:
    """Escape ``text`` and wrap each layer's (start, end) ranges in an element with that class.

    Layers may overlap: the text is cut at every range boundary and each piece carries the
    classes active over it, so the output is always well-nested.
    """
    n = len(text)
    cuts = {0, n}
    clean: dict[str, list[tuple[int, int]]] = {}
    for cls, ranges in layers.items():
        kept = []
        for r in ranges:
            a, b = max(0, int(r[0])), min(n, int(r[1]))
            if a < b:
                kept.append((a, b))
                cuts.update((a, b))
        clean[cls] = kept
    points = sorted(cuts)
    out: list[str] = []
    for a, b in zip(points, points[1:], strict=False):
        piece = escape(text[a:b])
        active = sorted(cls for cls, ranges in clean.items() if any(s <= a and b <= e for s, e in ranges))
        if not active:
            out.append(piece)
        elif MARK_CLASSES & set(active):
            out.append(f'<mark class="{" ".join(active)}">{piece}</mark>')
        else:
            out.append(f'<span class="{" ".join(active)}">{piece}</span>')
    return "".join(out)


def message(text: str, kind: str = "info") -> str:
    """A status line (kind: info, error, ok)."""
    return f'<div class="qa-msg qa-msg-{escape(kind)}">{escape(text)}</div>'


def citation_html(hit: Mapping[str, Any]) -> str:
    """出处: the exact citation string (document:lines § section path), as the CLI prints it."""
    return (
        '<div class="qa-cite"><span class="qa-cite-label">出处 Source</span>'
        f'<code class="qa-citation">{escape(str(hit["citation"]))}</code>{_uncertain_mark(hit)}</div>'
    )


def _uncertain_mark(hit: Mapping[str, Any]) -> str:
    """A visible warning when the structure stage is unsure of the cited section."""
    if not hit.get("section_uncertain"):
        return ""
    conf = float(hit.get("section_confidence", 0.0))
    return (
        f' <span class="qa-uncertain" title="section confidence {conf:.2f}">'
        f"⚠ 章节不确定 section uncertain ({conf:.2f})</span>"
    )


def section_html(context: Mapping[str, Any]) -> str:
    """A whole section with line numbers; the hit's passage tinted, its answer marked."""
    rows = []
    for para in context.get("paragraphs", []):
        start, end = para["line_start"], para["line_end"]
        lines = f"{start}" if start == end else f"{start}-{end}"
        if para.get("page") is not None:
            lines += f" p.{para['page']}"
        body = mark_text(para["text"], {"qa-passage": para.get("passage", []), "qa-answer": para.get("answer", [])})
        rows.append(f'<div class="qa-para"><span class="qa-lineno">{escape(str(lines))}</span><p>{body}</p></div>')
    title = escape(context.get("section") or context.get("doc_id", ""))
    note = f'<div class="qa-note">{escape(context["note"])}</div>' if context.get("note") else ""
    return f'<div class="qa-section"><div class="qa-section-title">{title}</div>{note}{"".join(rows)}</div>'


def hit_card(hit: Mapping[str, Any], context: Mapping[str, Any] | None = None) -> str:
    """One result: rank, score, passage with the answering sentence marked, citation, context."""
    text = mark_text(hit["text"], {"qa-answer": hit.get("highlights", [])})
    details = ""
    if context is not None:
        details = (
            '<details class="qa-context"><summary>展开整节 Show the whole section</summary>'
            f"{section_html(context)}</details>"
        )
    return (
        f'<div class="qa-card" data-rank="{int(hit["rank"])}" data-chunk="{escape(str(hit.get("chunk_id", "")))}">'
        '<div class="qa-card-head">'
        f'<span class="qa-rank">#{int(hit["rank"])}</span>'
        f'<span class="qa-score">得分 score {float(hit["score"]):.3f}</span>'
        f'<span class="qa-lines">{escape(str(hit["doc_id"]))} · 行 lines {escape(str(hit["lines"]))}</span>'
        "</div>"
        f'<div class="qa-text">{text}</div>'
        f"{citation_html(hit)}{details}</div>"
    )


def hit_cards(hits: Sequence[Mapping[str, Any]], contexts: Sequence[Mapping[str, Any] | None] | None = None) -> str:
    if not hits:
        return message("没有找到相关段落 No passages found", "info")
    contexts = contexts or [None] * len(hits)
    cards = "".join(hit_card(h, c) for h, c in zip(hits, contexts, strict=True))
    return f'<div class="qa-results">{cards}</div>'


def compare_html(passages: Sequence[Mapping[str, Any]], shared: Sequence[Ranges], terms: Sequence[str]) -> str:
    """Passages in columns, the wording each shares with another marked."""
    if len(passages) < 2:
        return message("请选择至少两段 Choose at least two passages to compare", "info")
    # Show a setting (index, mode) only when the passages differ in it: that is the comparison.
    varying = [key for key in ("index", "mode") if len({str(p.get(key, "")) for p in passages}) > 1]
    labels = {"index": "索引 index", "mode": "方式 mode"}
    cols = []
    for passage, spans in zip(passages, shared, strict=True):
        setting = " · ".join(f"{labels[key]}: {escape(str(passage.get(key, '')))}" for key in varying)
        cols.append(
            f'<div class="qa-col" data-label="{escape(str(passage["label"]))}">'
            f'<div class="qa-col-head"><span class="qa-rank">{escape(str(passage["label"]))}</span>'
            f'<span class="qa-score">得分 score {float(passage["score"]):.3f}</span></div>'
            f'<div class="qa-col-q">问题 Q: {escape(str(passage.get("question", "")))}'
            f"{' · ' + setting if setting else ''}</div>"
            f"{citation_html(passage)}"
            f'<div class="qa-text">{mark_text(passage["text"], {"qa-shared": spans})}</div></div>'
        )
    listed = "、".join(escape(t) for t in terms[:40]) or "—"
    head = f'<div class="qa-shared-terms">共同词语 Shared wording ({len(terms)}): {listed}</div>'
    return f'{head}<div class="qa-compare" style="--cols:{len(cols)}">{"".join(cols)}</div>'


def outline_html(outline: Mapping[str, Any]) -> str:
    """A document's recovered sections as a tree, each leaf with its line span and size.

    Levels shared with the previous section are not repeated, so a banner heading appears once
    above the articles under it.
    """
    sections = outline.get("sections", [])
    if not sections:
        return message("此文档没有识别出章节 No sections recovered for this document", "info")
    items: list[str] = []
    previous: list[str] = []
    for sec in sections:
        path = list(sec["path"]) or ["(正文 body)"]
        common = 0
        while common < min(len(path), len(previous)) - 1 and path[common] == previous[common]:
            common += 1
        for depth in range(common, len(path) - 1):
            items.append(
                f'<li class="qa-outline-item qa-outline-parent" style="margin-left:{depth * 1.2:.1f}em">'
                f"{escape(path[depth])}</li>"
            )
        start, end = sec.get("line_start"), sec.get("line_end")
        span = sec["lines"] if start is None else (f"{start}" if start == end else f"{start}–{end}")
        items.append(
            f'<li class="qa-outline-item" style="margin-left:{(len(path) - 1) * 1.2:.1f}em">'
            f'<span class="qa-outline-title">{escape(path[-1])}</span> '
            f'<span class="qa-outline-meta">行 lines {escape(str(span))} · '
            f"{int(sec['paragraphs'])} 段 paragraphs</span>"
            "</li>"
        )
        previous = path
    notes = "".join(f"<li>{escape(n)}</li>" for n in outline.get("notes", []))
    notes_html = f'<div class="qa-note">注意 Notes:<ul>{notes}</ul></div>' if notes else ""
    return (
        f'<div class="qa-outline"><div class="qa-section-title">{escape(outline["doc_id"])}</div>'
        f"<ul>{''.join(items)}</ul>{notes_html}</div>"
    )


CSS = """
.qa-results, .qa-outline { display: flex; flex-direction: column; gap: 12px; }
.qa-card, .qa-col { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 12px 14px;
  background: var(--background-fill-primary); }
.qa-card-head, .qa-col-head { display: flex; gap: 12px; align-items: baseline; flex-wrap: wrap; margin-bottom: 6px; }
.qa-rank { font-weight: 700; color: var(--color-accent); }
.qa-score { font-variant-numeric: tabular-nums; color: var(--body-text-color-subdued); }
.qa-citation { font-family: var(--font-mono); font-size: 0.95em; background: none; padding: 0; }
.qa-text { white-space: pre-wrap; line-height: 1.7; }
.qa-cite { display: flex; gap: 8px; align-items: baseline; font-size: 0.85em; margin: 6px 0; }
.qa-cite-label { white-space: nowrap; color: var(--body-text-color-subdued); }
.qa-lines { font-size: 0.9em; color: var(--body-text-color-subdued); }
mark.qa-answer { background: #fde68a; color: inherit; padding: 0 1px; border-radius: 2px; }
mark.qa-shared { background: #bfdbfe; color: inherit; padding: 0 1px; border-radius: 2px; }
.qa-passage { background: #ecfccb; }
.dark mark.qa-answer { background: #854d0e; } .dark mark.qa-shared { background: #1e40af; }
.dark .qa-passage { background: #365314; }
.qa-context summary { cursor: pointer; margin-top: 6px; color: var(--color-accent); }
.qa-section { border-left: 3px solid var(--border-color-accent); padding-left: 10px; margin-top: 6px; }
.qa-section-title { font-weight: 700; margin-bottom: 4px; }
.qa-para { display: grid; grid-template-columns: 4.5em 1fr; gap: 8px; }
.qa-para p { margin: 2px 0; white-space: pre-wrap; line-height: 1.7; }
.qa-lineno { font-family: var(--font-mono); font-size: 0.8em; color: var(--body-text-color-subdued);
  text-align: right; }
.qa-compare { display: grid; grid-template-columns: repeat(var(--cols), minmax(0, 1fr)); gap: 12px; }
.qa-col-q { font-size: 0.9em; margin-bottom: 4px; }
.qa-shared-terms { margin: 6px 0 10px; font-size: 0.9em; }
.qa-msg { padding: 8px 12px; border-radius: 6px; margin: 4px 0; }
.qa-msg-error { background: #fee2e2; color: #7f1d1d; }
.qa-msg-ok { background: #dcfce7; color: #14532d; }
.qa-msg-info { background: var(--background-fill-secondary); }
.qa-note { font-size: 0.85em; color: var(--body-text-color-subdued); }
.qa-outline ul { list-style: none; padding-left: 0; margin: 0; }
.qa-outline-parent { font-weight: 600; margin-top: 4px; }
.qa-outline-item { padding: 1px 0; }
.qa-outline-meta { font-size: 0.85em; color: var(--body-text-color-subdued); }
"""
