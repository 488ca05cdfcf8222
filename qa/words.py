"""Word segmentation shared by keyword search and highlighting: jieba for Chinese, words for Latin.

jieba's search mode also emits the shorter words inside long compounds (中华人民共和国 ->
中华, 华人, 人民, 共和, 共和国...), so a question that names part of a compound still matches.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from functools import lru_cache

import jieba

jieba.setLogLevel(logging.WARNING)

# Function words and punctuation that match everywhere and so say nothing about relevance.
STOPWORDS = frozenset(
    "的 了 在 是 和 与 及 或 也 就 都 而 被 把 对 从 以 为 于 之 其 这 那 个 些 中 上 下 有 将 要 等 "
    "什么 哪 哪些 哪个 哪里 怎么 怎样 如何 为什么 多少 几 吗 呢 吧 啊 谁 是否 "
    "a an the of to in on at for and or is are was were be by with what which who how why when where "
    "does do did this that these those it its as from".split()
)
_WORD = re.compile(r"[\w\u4e00-\u9fff]")
# Latin words and numbers are cut apart before jieba sees the text: jieba keeps "GDP7.4" as
# one token, and then neither "GDP" nor "7.4" matches a question that names them.
_RUNS = re.compile(r"[A-Za-z]+(?:['-][A-Za-z]+)*|\d+(?:[.,]\d+)*%?|[^A-Za-z\d\s]+")


@lru_cache(maxsize=1)
def load_segmenter() -> None:
    """Load jieba's dictionary now (~0.6 s of CPU, once), e.g. before forking a process that segments words."""
    jieba.initialize()


@lru_cache(maxsize=1)
def _fold_table() -> dict[int, str]:
    """Latin letters with diacritics -> the plain letter (Rodić -> Rodic), one character for one."""
    table: dict[int, str] = {}
    for code in range(0x00C0, 0x0250):
        base = unicodedata.normalize("NFD", chr(code))[0]
        if base != chr(code) and base.isascii() and base.isalpha():
            table[code] = base
    return table


def fold_latin(text: str) -> str:
    """``text`` with accented Latin letters made plain, same length: a question typed without
    diacritics ("Rodic") matches a text that writes them ("Rodić"), which jieba would otherwise cut
    into "rodi" and "ć". Other characters (CJK, full-width forms) are left alone."""
    return text.translate(_fold_table())


def tokens(text: str) -> list[str]:
    """All word tokens (lower-cased), no punctuation or whitespace."""
    load_segmenter()
    out: list[str] = []
    for run in _RUNS.findall(fold_latin(text)):
        if run[0].isascii() and run[0].isalnum():
            out.append(run.lower())
        else:
            for block in _JIEBA_BLOCK.split(run):
                if block:
                    out.extend(_block_tokens(block))
    return out


# jieba segments a text block by block (its ``cut`` first splits at this very pattern and cuts each
# block on its own), so the words of a text are the words of its blocks, and a block seen before
# need not be segmented again: overlapping chunks share their sentences, calibration re-reads them.
_JIEBA_BLOCK = re.compile(jieba.re_han_default.pattern)


@lru_cache(maxsize=4096)  # overlapping chunks come one after another: a short memory suffices
def _block_tokens(block: str) -> tuple[str, ...]:
    return tuple(t.lower() for t in jieba.lcut_for_search(block) if _WORD.search(t))


def content_tokens(text: str) -> list[str]:
    """Tokens without stopwords: what a question is actually about."""
    return [t for t in tokens(text) if t not in STOPWORDS]
