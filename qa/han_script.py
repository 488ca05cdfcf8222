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


@lru_cache(maxsize=1)
def taiwan_converter():  # noqa: ANN201 - an opencc.OpenCC
    """OpenCC's 'tw2sp' converter (Taiwan traditional → simplified with mainland phrases: 軟體 → 软件), made on
    first use. Only for traditional text: its phrase tables also rewrite words both regions spell alike (影片 →
    视频, 資料 → 数据), which 't2s' leaves as written."""
    import opencc

    return opencc.OpenCC("tw2sp")
