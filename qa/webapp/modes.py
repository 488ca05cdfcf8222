"""Which retrieval modes the installed ``Searcher`` offers, read from its signature.

``Searcher.search`` gained a ``mode`` keyword (hybrid / dense / keyword) after the first search
version; asking the signature lets the app run on both sides of that change without a flag.
"""

from __future__ import annotations

import inspect

import qa.search as qa_search
from qa.errors import QAError
from qa.search import Searcher

DEFAULT_MODES = ("hybrid", "dense", "keyword")


def search_modes() -> tuple[str, ...]:
    """The retrieval modes this version of ``Searcher.search`` accepts (empty: no ``mode`` keyword)."""
    if "mode" not in inspect.signature(Searcher.search).parameters:
        return ()
    for name in ("SEARCH_MODES", "MODES"):
        declared = getattr(qa_search, name, None)
        if declared:
            return tuple(str(m) for m in declared)
    return DEFAULT_MODES


def default_mode() -> str:
    """The mode ``Searcher.search`` uses when none is given ("" if it takes no mode)."""
    param = inspect.signature(Searcher.search).parameters.get("mode")
    if param is None:
        return ""
    return param.default if isinstance(param.default, str) else (search_modes() or ("",))[0]


def mode_kwargs(mode: str | None) -> dict[str, str]:
    """``{"mode": mode}`` when the searcher takes one; refuses a mode it cannot honour."""
    mode = (mode or "").strip().lower()
    modes = search_modes()
    if not mode:
        return {}
    if modes:
        if mode not in modes:
            raise QAError(f"unknown search mode {mode!r}: choose one of {', '.join(modes)}")
        return {"mode": mode}
    if mode != "dense":
        raise QAError(f"search mode {mode!r} is not available in this version: it searches by dense vectors only")
    return {}
