"""One frozen set of search options, validated once where it is made and passed through every layer.

The CLI, the Python API and the app's service each build a ``SearchOptions`` from what the user
gave; ``Searcher`` and the modules under it take the object as is and never re-check it.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, replace
from typing import Any

from qa.errors import QueryError

MODES = ("hybrid", "dense", "keyword")
DEFAULT_MODE = "hybrid"
MAX_K = 1000  # more hits than anyone reads; bounds the candidate and highlight work


@dataclass(frozen=True)
class SearchOptions:
    """How to search: how many hits, which mode, which filters, reranker and fusion override."""

    k: int = 5
    mode: str = DEFAULT_MODE
    doc: str | None = None  # only passages of this document id
    section: str | None = None  # only passages under this section path prefix (A › B, A > B, A/B)
    min_score: float | None = None  # calibrated relevance 0..1, the same scale in every mode (qa.calibration)
    rerank: str | None = None  # a CrossEncoder name or path
    keyword_weight: float | None = None  # hybrid: keyword weight for a fully covered Chinese question
    # List passages below the "no good passage" relevance threshold too (marked weak). The Python
    # API and the app list them; `qa search` hides them unless --show-weak.
    show_weak: bool = True

    def __post_init__(self) -> None:
        if isinstance(self.k, bool) or not isinstance(self.k, int):
            try:
                object.__setattr__(self, "k", int(self.k))
            except (TypeError, ValueError) as exc:
                raise QueryError(f"k must be a whole number, not {self.k!r}") from exc
        if not 1 <= self.k <= MAX_K:
            raise QueryError(f"k must be between 1 and {MAX_K}, not {self.k}")
        mode = (self.mode or DEFAULT_MODE).strip().lower()
        if mode not in MODES:
            raise QueryError(f"unknown search mode {self.mode!r}: use one of {', '.join(MODES)}")
        object.__setattr__(self, "mode", mode)
        for name in ("doc", "section", "rerank"):
            value = getattr(self, name)
            object.__setattr__(self, name, (str(value).strip() or None) if value is not None else None)
        if self.min_score is not None:
            value = float(self.min_score)
            if not math.isfinite(value):
                raise QueryError(f"--min-score must be a finite number, not {self.min_score!r}")
            object.__setattr__(self, "min_score", value)
        if self.keyword_weight is not None:
            value = float(self.keyword_weight)
            if not (math.isfinite(value) and 0.0 <= value <= 1.0):
                raise QueryError(f"--keyword-weight must be between 0 and 1, not {self.keyword_weight!r}")
            object.__setattr__(self, "keyword_weight", value)

        if not isinstance(self.show_weak, bool):
            if self.show_weak in (0, 1) or str(self.show_weak).strip().lower() in ("true", "false", "0", "1"):
                object.__setattr__(self, "show_weak", str(self.show_weak).strip().lower() in ("true", "1"))
            else:
                raise QueryError(f"show_weak must be true or false, not {self.show_weak!r}")

    def with_changes(self, **changes: Any) -> SearchOptions:
        """A copy with the given fields replaced (None values are ignored), validated again."""
        changes = {k: v for k, v in changes.items() if v is not None}
        return replace(self, **changes) if changes else self

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)
