"""HTML for the app: hit cards, a section in context, comparison columns, document outlines.

Every piece of document text goes through ``html.escape``; highlighting works on character
offsets (never by string replacement on HTML), so a passage containing ``<``, ``&`` or the
highlighted words twice still renders exactly what the index holds.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

from qa.webapp.context import format_parts

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
    """A status line (kind: info, error, ok); errors are announced to screen readers."""
    role = ' role="alert"' if kind == "error" else ""
    return f'<div class="qa-msg qa-msg-{escape(kind)}"{role}>{escape(text)}</div>'


def citation_html(hit: Mapping[str, Any]) -> str:
    """出处: the exact citation string (document:lines § section path), as the CLI prints it.

    Focusable, so a keyboard user can reach it and select it to copy.
    """
    return (
        '<div class="qa-cite"><span class="qa-cite-label">出处 Source</span>'
        f'<code class="qa-citation" tabindex="0">{escape(str(hit["citation"]))}</code>{_uncertain_mark(hit)}</div>'
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


def relevance_label(hit: Mapping[str, Any]) -> str:
    """What the card says about how good a hit is.

    The raw fused score is on no fixed scale (0.49 can be the best passage there is), so it is
    not shown; the rank is. Once hits carry a calibrated ``relevance`` (0..1, issue 12), it is
    shown here — the one place to switch.
    """
    relevance = hit.get("relevance")
    if isinstance(relevance, int | float):
        return f"相关度 relevance {float(relevance):.0%}"
    return ""


def settings_html(settings: Mapping[str, Any]) -> str:
    """The settings that produced the results below, so old results cannot pass for new ones."""
    labels = {"question": "问题 Q", "mode": "方式 mode", "k": "k", "doc": "文档 doc", "section": "章节 section"}
    parts = [
        f'<span class="qa-setting" data-key="{escape(key)}">{escape(label)}: <b>{escape(str(settings[key]))}</b></span>'
        for key, label in labels.items()
        if settings.get(key) not in (None, "")
    ]
    return f'<div class="qa-settings">{" · ".join(parts)}</div>'


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
    relevance = relevance_label(hit)
    rank = int(hit["rank"])
    return (
        f'<div class="qa-card" tabindex="0" data-rank="{rank}" data-chunk="{escape(str(hit.get("chunk_id", "")))}"'
        f' aria-label="结果 result {rank}: {escape(str(hit["citation"]))}">'
        '<div class="qa-card-head">'
        f'<span class="qa-rank">#{rank}</span>'
        + (f'<span class="qa-score">{escape(relevance)}</span>' if relevance else "")
        + f'<span class="qa-lines">{escape(str(hit["doc_id"]))} · 行 lines {escape(str(hit["lines"]))}</span>'
        "</div>"
        f'<div class="qa-text">{text}</div>'
        f"{citation_html(hit)}{details}</div>"
    )


def hit_cards(
    hits: Sequence[Mapping[str, Any]],
    contexts: Sequence[Mapping[str, Any] | None] | None = None,
    settings: Mapping[str, Any] | None = None,
) -> str:
    head = settings_html(settings) if settings else ""
    if not hits:
        return head + message("没有找到相关段落 No passages found", "info")
    contexts = contexts or [None] * len(hits)
    cards = "".join(hit_card(h, c) for h, c in zip(hits, contexts, strict=True))
    if any(h.get("no_good_passage") or h.get("weak") is True for h in hits[:1]):  # calibrated relevance (issue 12)
        head += message("没有找到可靠的答案段落，以下是最接近的 No good passage found; the closest ones:", "warn")
    return f'{head}<div class="qa-results">{cards}</div>'


def compare_sides_html(sides: Sequence[Mapping[str, Any]], agreement: Sequence[Mapping[str, Any]]) -> str:
    """What each side asked and found; a side that found nothing says so; with two sides, the
    passages both found and their ranks on each."""
    rows = []
    for side in sides:
        found = int(side.get("found", 0))
        what = f"{found} 段 passages" if found else "没有找到段落 found nothing"
        cls = "qa-side" + ("" if found else " qa-side-empty")
        rows.append(
            f'<div class="{cls}" data-side="{escape(str(side["side"]))}"><b>{escape(str(side["side"]))}</b> · '
            f"问题 Q: {escape(str(side['question']))} · 方式 mode: {escape(str(side['mode']))} · "
            f"索引 index: {escape(str(side['index']))} → {escape(what)}</div>"
        )
    if len(sides) == 2 and all(int(s.get("found", 0)) for s in sides):
        if agreement:
            items = "".join(
                f"<li><code>{escape(str(a['citation']))}</code> A#{int(a['rank_a'])} · B#{int(a['rank_b'])}"
                + (" (同名次 same rank)" if a["rank_a"] == a["rank_b"] else "")
                + "</li>"
                for a in agreement
            )
            rows.append(f'<div class="qa-agree">两边都找到 Found by both ({len(agreement)}):<ul>{items}</ul></div>')
        else:
            rows.append('<div class="qa-agree">两边没有共同的段落 The two sides found no passage in common</div>')
    return f'<div class="qa-sides">{"".join(rows)}</div>'


def compare_html(
    passages: Sequence[Mapping[str, Any]],
    shared: Sequence[Ranges],
    terms: Sequence[str],
    sides: Sequence[Mapping[str, Any]] = (),
    agreement: Sequence[Mapping[str, Any]] = (),
) -> str:
    """Passages in columns, each with its answering sentence and the distinctive wording it shares
    with another marked; above them, what each side asked and found."""
    head = compare_sides_html(sides, agreement) if sides else ""
    if len(sides) == 2 and not all(int(s.get("found", 0)) for s in sides):
        empty = [str(s["side"]) for s in sides if not int(s.get("found", 0))]
        text = f"{'、'.join(empty)} 边没有找到段落，无法对比 Side {', '.join(empty)} found nothing to compare"
        return head + message(text, "info")
    if len(passages) < 2:
        return head + message("请选择至少两段 Choose at least two passages to compare", "info")
    # Show a setting (index, mode) only when the passages differ in it: that is the comparison.
    varying = [key for key in ("index", "mode") if len({str(p.get(key, "")) for p in passages}) > 1]
    labels = {"index": "索引 index", "mode": "方式 mode"}
    cols = []
    for passage, spans in zip(passages, shared, strict=True):
        setting = " · ".join(f"{labels[key]}: {escape(str(passage.get(key, '')))}" for key in varying)
        relevance = relevance_label(passage)
        layers = {"qa-shared": spans, "qa-answer": passage.get("highlights", [])}
        cols.append(
            f'<div class="qa-col" tabindex="0" data-label="{escape(str(passage["label"]))}">'
            f'<div class="qa-col-head"><span class="qa-rank">{escape(str(passage["label"]))}</span>'
            f'<span class="qa-score">#{int(passage["rank"])}{" · " + escape(relevance) if relevance else ""}'
            "</span></div>"
            f'<div class="qa-col-q">问题 Q: {escape(str(passage.get("question", "")))}'
            f"{' · ' + setting if setting else ''}</div>"
            f"{citation_html(passage)}"
            f'<div class="qa-text">{mark_text(passage["text"], layers)}</div></div>'
        )
    listed = "、".join(escape(t) for t in terms) or "—"
    legend = (
        '<span class="qa-legend"><mark class="qa-answer">答句 answer</mark> '
        '<mark class="qa-shared">共同词语 shared</mark></span>'
    )
    words = (
        f'<div class="qa-shared-terms">共同的关键词 Distinctive shared words ({len(terms)}): {listed} {legend}</div>'
    )
    return f'{head}{words}<div class="qa-compare" style="--cols:{len(cols)}">{"".join(cols)}</div>'


def outline_html(outline: Mapping[str, Any]) -> str:
    """A document's recovered sections as a tree: each heading once, its line ranges as parts.

    Sections sharing a path (an article cut by the layout and stitched, or text under a heading
    before and after its sub-sections) are one node whose ranges list every part, in the format
    citations use (``39-52,136-140``).
    """
    sections = outline.get("sections", [])
    if not sections:
        return message("此文档没有识别出章节 No sections recovered for this document", "info")
    nodes: dict[tuple[str, ...], dict[str, Any]] = {}
    for sec in sections:
        path = tuple(sec["path"]) or ("(正文 body)",)
        for depth in range(1, len(path) + 1):
            nodes.setdefault(path[:depth], {"parts": [], "paragraphs": 0})
        node = nodes[path]
        node["parts"].extend(tuple(p) for p in sec.get("parts") or [])
        node["paragraphs"] += int(sec["paragraphs"])
    items: list[str] = []
    for path, node in nodes.items():  # insertion order: a node appears where it first occurs
        depth = len(path) - 1
        own = node["paragraphs"] > 0
        meta = ""
        if own:
            parts = sorted(set(node["parts"]))
            meta = (
                f' <span class="qa-outline-meta">行 lines {escape(format_parts(parts))} · '
                f"{int(node['paragraphs'])} 段 paragraphs"
                + (f" · {len(parts)} 部分 parts" if len(parts) > 1 else "")
                + "</span>"
            )
        cls = "qa-outline-item" + ("" if own else " qa-outline-parent")
        items.append(
            f'<li class="{cls}" style="margin-left:{depth * 1.2:.1f}em">'
            f'<span class="qa-outline-title">{escape(path[-1])}</span>{meta}</li>'
        )
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
.dark .qa-msg-error { background: #7f1d1d; color: #fee2e2; }
.dark .qa-msg-ok { background: #14532d; color: #dcfce7; }
.qa-msg-warn { background: #fef3c7; color: #78350f; }
.dark .qa-msg-warn { background: #78350f; color: #fef3c7; }
.qa-settings { font-size: 0.85em; color: var(--body-text-color-subdued); margin: 2px 0 8px; }
.qa-sides { display: flex; flex-direction: column; gap: 4px; margin-bottom: 8px; font-size: 0.9em; }
.qa-side-empty { color: #b91c1c; } .dark .qa-side-empty { color: #fca5a5; }
.qa-agree ul { margin: 2px 0 0 1.2em; padding: 0; }
.qa-legend { margin-left: 8px; }
.qa-card:focus, .qa-col:focus, .qa-citation:focus { outline: 2px solid var(--color-accent); outline-offset: 2px; }
.qa-detail { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 10px 12px; }
.qa-msg-info { background: var(--background-fill-secondary); }
.qa-note { font-size: 0.85em; color: var(--body-text-color-subdued); }
.qa-outline ul { list-style: none; padding-left: 0; margin: 0; }
.qa-outline-parent { font-weight: 600; margin-top: 4px; }
.qa-outline-item { padding: 1px 0; }
.qa-outline-meta { font-size: 0.85em; color: var(--body-text-color-subdued); }
/* Phones: one column everywhere, and the first result within the first screen. */
@media (max-width: 700px) {
  .qa-compare { grid-template-columns: minmax(0, 1fr) !important; }
  #qa-intro { display: none; }
  .qa-para { grid-template-columns: 3em 1fr; }
}
"""
