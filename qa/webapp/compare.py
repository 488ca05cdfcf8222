"""Choosing passages to compare and finding the wording they share."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from qa.errors import QAError
from qa.webapp.overlap import shared_spans


def default_picks(passages: Sequence[dict[str, Any]]) -> list[str]:
    """The top hit of each side, or the top two when there is one side.

    When both sides' top hit is the same passage (common in a mode comparison), side B's best
    *other* passage is shown beside it: two copies of one text compare nothing.
    """
    labels = [p["label"] for p in passages]
    firsts = [label for label in labels if label[1:] == "1"]
    if len(firsts) < 2:
        return labels[:2]
    top = next(p for p in passages if p["label"] == firsts[0])
    other = [p for p in passages if p["label"][0] != top["label"][0]]
    differing = next((p for p in other if p.get("chunk_id") != top.get("chunk_id")), None)
    return [top["label"], (differing or other[0])["label"]]


def select_and_share(
    passages: Sequence[dict[str, Any]],
    picks: Sequence[str] | None,
    weight: Callable[[str], float] | None = None,
) -> dict[str, Any]:
    """The picked passages, each with the spans of distinctive wording it shares with another
    picked one (``weight``: see ``qa.webapp.overlap.shared_spans``)."""
    wanted = list(picks) if picks else default_picks(passages)
    by_label = {p["label"]: p for p in passages}
    unknown = [w for w in wanted if w not in by_label]
    if unknown:
        choices = ", ".join(by_label) or "none"
        raise QAError(f"没有这个段落 no passage labelled {', '.join(unknown)}: choose from {choices}")
    selected = [dict(by_label[w]) for w in wanted]
    spans, terms = shared_spans([p["text"] for p in selected], weight)
    for passage, marks in zip(selected, spans, strict=True):
        passage["shared"] = [list(m) for m in marks]
    return {"picks": wanted, "selected": selected, "shared_terms": terms}
