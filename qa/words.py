"""Word segmentation shared by keyword search and highlighting: jieba for Chinese, words for Latin.

jieba's search mode also emits the shorter words inside long compounds (中华人民共和国 ->
中华, 华人, 人民, 共和, 共和国...), so a question that names part of a compound still matches.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import sys
import tempfile
import threading
import unicodedata
from array import array
from functools import lru_cache
from pathlib import Path

import jieba

from qa.han_script import t2s_converter, taiwan_converter
from qa.structure.script import MIN_TRADITIONAL_SHARE

jieba.setLogLevel(logging.WARNING)
log = logging.getLogger(__name__)

# Function words and punctuation that match everywhere and so say nothing about relevance.
STOPWORDS = frozenset(
    "的 了 在 是 和 与 及 或 也 就 都 而 被 把 对 从 以 为 于 之 其 这 那 个 些 中 上 下 有 将 要 等 "
    "什么 哪 哪些 哪个 哪里 怎么 怎样 如何 为什么 多少 几 吗 呢 吧 啊 谁 是否 "
    "a an the of to in on at for and or is are was were be by with what which who how why when where "
    "does do did this that these those it its as from "
    # English function words (a question's 'How much must I pay?'): in no passage's words either, they
    # only lowered an English question's coverage and its keyword match ('much' unseen in the index).
    # Not 'us', 'can', 'am', 'may': also 'US', 'CAN' (bus), 'AM', a month, which questions name.
    "much many whom whose i me my we our you your he him his she her they them their there here "
    "about into than then so if could would should shall might must has have had been being "
    "any some such very just also only".split()
)
_WORD = re.compile(r"[\w\u4e00-\u9fff]")
# Latin words and numbers are cut apart before jieba sees the text: jieba keeps "GDP7.4" as
# one token, and then neither "GDP" nor "7.4" matches a question that names them.
_RUNS = re.compile(r"[A-Za-z]+(?:['-][A-Za-z]+)*|\d+(?:[.,]\d+)*%?|[^A-Za-z\d\s]+")


_LOAD_LOCK = threading.Lock()
_MAGIC = b"qa-jieba-prefix-dict-1\n"


def load_segmenter() -> None:
    """Load jieba's dictionary now (once; thread-safe: a second caller waits for the first).

    Called before the first question (the app warms it up at start, ``qa.webapp.warmup``) and before
    forking a process that segments words. jieba's own cache (``jieba.cache`` in the temp dir, a
    ``marshal`` of its 500,000-entry prefix dictionary) is most of a fresh process's first question;
    the same dictionary kept as one array of counts and one string of words (``_prefix_dict_cache``)
    reads about three times faster (``python benchmarks/first_question.py`` times the first question).
    The dictionary is the same entries in the same order, so the words, and the answers, are too.
    """
    tokenizer = jieba.dt
    if tokenizer.initialized:
        return
    with _LOAD_LOCK:
        if tokenizer.initialized:
            return
        path = _prefix_dict_cache()
        if path is None:  # a custom dictionary, or no place for the cache: jieba's own way
            tokenizer.initialize()
            return
        loaded = _read_prefix_dict(path)
        if loaded is not None:
            with tokenizer.lock:  # jieba's own lock: its lazy initialize() sees a finished dictionary
                tokenizer.FREQ, tokenizer.total = loaded
                tokenizer.initialized = True
            return
        tokenizer.initialize()
        _write_prefix_dict(path, tokenizer.FREQ, tokenizer.total)


def load_segmenter_in_background() -> threading.Thread:
    """Start loading jieba's dictionary in a daemon thread, beside the caller's own loading (model, index).

    A question asked meanwhile waits for it under ``load_segmenter``'s lock; if the load fails here,
    that question's own call loads it again and reports the error.
    """

    def load() -> None:
        try:
            load_segmenter()
        except Exception:  # noqa: BLE001 - the first question loads it again and shows the error
            log.debug("background segmenter load failed", exc_info=True)

    thread = threading.Thread(target=load, name="load jieba dictionary", daemon=True)
    thread.start()
    return thread


def _prefix_dict_cache() -> Path | None:
    """Where our copy of jieba's default prefix dictionary lives, named for jieba's version and dict file.

    In the user's cache directory (not the shared temp dir) so no other user can hand us a dictionary.
    """
    tokenizer = jieba.dt
    if tokenizer.dictionary != jieba.DEFAULT_DICT or tokenizer.user_word_tag_tab:
        return None
    try:
        source = Path(jieba.__file__).with_name(jieba.DEFAULT_DICT_NAME)
        stat = source.stat()
    except OSError:
        return None
    key = f"{jieba.__version__}|{source}|{stat.st_size}|{stat.st_mtime_ns}|{sys.byteorder}"
    try:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "qa"
    except RuntimeError:  # no home directory: jieba's own cache still works
        return None
    return base / f"jieba-prefix-{hashlib.sha256(key.encode()).hexdigest()[:16]}.bin"


def _read_prefix_dict(path: Path) -> tuple[dict[str, int], int] | None:
    """(prefix dictionary, total) from ``path``, or None if it is missing or not whole (then jieba loads)."""
    try:
        raw = path.read_bytes()
        if not raw.startswith(_MAGIC):
            return None
        head = array("q")
        head.frombytes(raw[len(_MAGIC) : len(_MAGIC) + 16])
        total, count = head
        start = len(_MAGIC) + 16
        counts = array("q")
        counts.frombytes(raw[start : start + 8 * count])
        words = raw[start + 8 * count :].decode("utf-8").split("\0")
        if len(words) != count or len(counts) != count:
            return None
        return dict(zip(words, counts.tolist(), strict=True)), total
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        log.debug("jieba prefix cache %s unreadable (%s): loading jieba's own", path, exc)
        return None


def _write_prefix_dict(path: Path, freq: dict[str, int], total: int) -> None:
    """Keep jieba's prefix dictionary for the next process (atomically; a failure only costs speed)."""
    if any("\0" in word for word in freq):
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        body = _MAGIC + array("q", [total, len(freq)]).tobytes() + array("q", freq.values()).tobytes()
        body += "\0".join(freq).encode("utf-8")
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(body)
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except (OSError, OverflowError) as exc:
        log.debug("not keeping jieba's prefix dictionary in %s: %s", path, exc)


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


_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
SCRIPT = "t2s"  # recorded in an index's manifest (``settings.vectors``): the encoder read Han text folded so
# Recorded as ``settings.words``: the keyword words were folded so, and a traditional passage also holds the mainland
# words of its Taiwan ones (``regional_words``). An index whose words say ``SCRIPT`` reads questions the same way;
# its next build makes the words again.
WORDS_SCRIPT = "t2s+tw"
# Taiwan's standard spelling beside the mainland's where OpenCC's phrase tables have none (身分證 / 身份证: 'tw2sp'
# keeps 身分): applied to the mainland reading of a traditional passage only, as added words, never to shown text.
REGIONAL_SPELLINGS = {"身分": "身份"}
_REGIONAL = re.compile("|".join(map(re.escape, REGIONAL_SPELLINGS)))
# A clause: the stretch a Taiwan phrase fold is applied to, never across a clause mark
_CLAUSE = re.compile(r"[^，。；：！？、,;:!?\n]+[，。；：！？、,;:!?\n]*|[，。；：！？、,;:!?\n]+")


def simplified(text: str) -> str:
    """``text`` in simplified characters (OpenCC t2s), for matching only: what is shown stays as written.

    A question typed in simplified characters (经费来源) must find a passage written in traditional
    ones (經費來源) and the reverse; jieba's dictionary is simplified, so traditional text also cuts
    into better words once converted. Text without Han characters is returned as is (no OpenCC call).
    """
    if not _HAN.search(text):
        return text
    return t2s_converter().convert(text)


def regional_words(text: str, have: list[str]) -> list[str]:
    """The mainland words of a traditional text's Taiwan words that its simplified reading lacks (軟體 → 软件,
    網路 → 网络, 資訊 → 信息, 身分證 → 身份证), for the keyword index: a question in mainland words must find a
    Taiwan passage, as ``simplified`` lets a simplified question find a traditional one.

    Added beside the passage's own words (``have``), not in their place: OpenCC's Taiwan phrases also rewrite
    words both regions write alike (影片 → 视频, 資料 → 数据), and a question that names the word as written must
    still find it. Simplified text gets none (the same phrase tables would rewrite its 影片 too, and a mainland
    question's words are already mainland ones). Words of one character are left out: a spelling fold that splits
    a word differently ('本身分析') only leaves single characters behind.
    """
    if not _HAN.search(text):
        return []
    plain = simplified(text)
    han = sum(1 for ch in text if _HAN.match(ch))
    if sum(a != b for a, b in zip(text, plain, strict=False)) < MIN_TRADITIONAL_SHARE * han:
        return []
    # Only the clauses written in traditional characters: a simplified passage naming '國立臺灣大學' in one clause
    # keeps its '时间序列' in the next (the phrase tables would make it '串行').
    mainland = "".join(
        _REGIONAL.sub(lambda m: REGIONAL_SPELLINGS[m.group()], taiwan_converter().convert(part))
        if simplified(part) != part
        else part
        for part in _CLAUSE.findall(text)
    )
    if mainland == plain:
        return []
    known = set(have)
    return [t for t in content_tokens(mainland, fold_script=False) if len(t) > 1 and t not in known]


def tokens(text: str, fold_script: bool = True) -> list[str]:
    """All word tokens (lower-cased), no punctuation or whitespace; Han characters read as simplified
    (``fold_script=False``: as written, the words of an index built before the fold)."""
    load_segmenter()
    out: list[str] = []
    text = fold_latin(text)
    for run in _RUNS.findall(simplified(text) if fold_script else text):
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


# How a question asks (多长时间, 几天, 什么时候, 哪个…): words no passage holds, since the answer
# states the thing asked for ('一小时内', '十五天'). jieba keeps some of them whole ('几天', '多长时间').
ASKING = re.compile(
    r"多长时间|多少时间|什么时候|什么时间|什么地方|多长|多久|多少|多大|多高|多远|多重|多快|为什么|怎么办|怎么样|怎么|怎样|如何|是否"
    r"|几[天次人点年月日个位号岁遍种项条分周名家所台辆]?|哪[一个些里儿天年位家所种]?|谁"
)


# The same in English: 'how long', 'how often' ask for a length and a frequency the answer states
# ('ten working days', 'twice a day'); the adjective is not what the question is about.
ASKING_EN = re.compile(
    r"\bhow\s+(long|often|far|old|soon|big|large|tall|high|wide|heavy|early|late|frequently)\b", re.IGNORECASE
)


def asking_tokens(question: str, fold_script: bool = True) -> set[str]:
    """The question's words that only say how it asks (``ASKING``, ``ASKING_EN``): '几天' in '病假有几天',
    'long' in 'how long is the warranty'."""
    found = {t for phrase in ASKING.findall(question) for t in content_tokens(phrase, fold_script)}
    return found | {m.group(1).lower() for m in ASKING_EN.finditer(question)}


def question_tokens(question: str, fold_script: bool = True) -> list[str]:
    """A question's content words without the English asking adjectives ('how long' -> no 'long'): no
    passage states 'long' for 'ten days', and as an unseen or common word it only diluted the match.
    Chinese asking words are kept (jieba's '几天' may be a passage's word too)."""
    words = content_tokens(question, fold_script)
    english = {m.group(1).lower() for m in ASKING_EN.finditer(question)}
    return [t for t in words if t not in english] if english else words


# Regular English endings, tried when a question's word is not in the index but another form is:
# 'deposits' asks about a passage's 'deposit', 'paid' about 'pay'. (A stemmer on both sides would change
# every stored index's words; these forms are looked up in the index as it is.)
_ENDINGS = (("ies", ("y",)), ("es", ("", "e")), ("s", ("",)), ("ed", ("", "e")), ("ing", ("", "e")))


def word_forms(word: str) -> list[str]:
    """Other regular forms of an English word (singular/plural, -ed, -ing), the word itself excluded.

    Some are not words ('expir'); they are only looked up in an index, where they are not found."""
    if not (word.isascii() and word.isalpha()) or len(word) < 4:
        return []
    bases = [word]
    for ending, replacements in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            bases += [word[: -len(ending)] + r for r in replacements]
    forms: list[str] = []
    for base in bases:
        forms += [base, base + "s", base + "es", base + "ed", base + "ing"]
        if base.endswith("y"):
            forms += [base[:-1] + "ies", base[:-1] + "ied"]
        if base.endswith("e"):
            forms += [base + "d", base[:-1] + "ing"]
    return [f for f in dict.fromkeys(forms) if f != word]


def content_tokens(text: str, fold_script: bool = True) -> list[str]:
    """Tokens without stopwords: what a question is actually about."""
    return [t for t in tokens(text, fold_script) if t not in STOPWORDS]
