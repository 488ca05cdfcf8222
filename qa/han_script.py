"""One OpenCC traditional → simplified converter for the whole process.

Three stages read Han text as simplified: loading (is a legacy reading traditional Chinese?), structure (a
traditional page's cue words) and the keyword/encoder side (search across scripts). OpenCC's converter loads its
dictionaries once; each stage had its own cached copy.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def t2s_converter():  # noqa: ANN201 - an opencc.OpenCC
    """The shared OpenCC 't2s' converter, made on first use."""
    import opencc

    return opencc.OpenCC("t2s")
