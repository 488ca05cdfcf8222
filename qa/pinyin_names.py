"""Chinese names written in pinyin, matched to the Chinese text that writes them in characters.

An English question names Chinese people, places and firms in pinyin ("Lu Zhongheng",
"Zhuzhou North railway station", "the Qing prince Shuose"), and the corpus writes them in
characters (陆仲亨, 株洲北站, 硕塞). Neither signal links the two reliably: jieba-BM25 sees
"zhongheng" as an unknown word, and the bundled multilingual encoder places a rare romanised
name near any other rare name (on the CMRC tuning part it ranked 陆仲亨's paragraph 11th and
硕塞's 50th for those questions). Pinyin is a mechanical reading, so the link can be checked
exactly: a passage that contains characters reading zhong-heng in a row names "Zhongheng".

* ``pinyin_names(question)``: the question's Latin-script names that spell whole syllables
  (capitalised words, with hyphenated and consecutive words joined: "Yeh Sheng-mao" is one
  name of three syllables), as syllable tuples of at least two syllables (one syllable matches
  some character in most passages);
* ``NameMatcher(names).scores(texts)``: per text, the mean over names of the longest run of a
  name's syllables found as consecutive characters, as a share of the name (陆仲亨 for "Lu
  Zhongheng": 1; a passage with 中恒 only: 2/3; a run of one syllable counts nothing).

Characters are read with every pronunciation ``pypinyin`` (MIT, a maintained dictionary of
41,923 characters' readings) lists, in Hanyu Pinyin and in Wade-Giles (Taiwanese names: 叶盛茂
"Yeh Sheng-mao"), tones, apostrophes and ü dropped the way English spellings drop them.
Each name becomes one regular expression per run length over character classes, so matching a
few hundred candidate passages costs well under a millisecond.

The reverse dictionary (syllable -> characters) ships precomputed in ``pinyin_readings.tsv`` beside
this module, one ``syllable<TAB>characters`` line each: built from pypinyin at every process's first
English question it cost importing pypinyin (which loads its phrase dictionary and trains its word
segmenter) plus walking 41,923 characters, and that first question stalled; reading the table is a
few milliseconds (``python benchmarks/first_question.py`` prints the first English question's
time in a fresh process, old and new code side by side). ``python -m qa.pinyin_names`` writes the
table again from the installed pypinyin; a test checks the shipped one is what it would write. A
missing or unreadable table falls back to building it from pypinyin (logged).

Only names and romanised Chinese get this: Cantonese and Japanese readings ("Mok Gwai-lan",
"Takahata") and Western names in Chinese transliteration are left to the other signals.
"""

from __future__ import annotations

import logging
import re
import sys
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

from qa.words import STOPWORDS

log = logging.getLogger(__name__)

READINGS_FILE = Path(__file__).with_name("pinyin_readings.tsv")  # syllable -> characters, made by build_readings
MIN_SYLLABLES = 2  # a name (and a matched run) of one syllable says nothing
# Words that open an English question (capitalised there, and some spell pinyin by accident: "In", "He").
LEADING_WORDS = STOPWORDS | frozenset(
    "in at as an he she into between according after before during since under over whom whose name list "
    "tell give describe explain".split()
)
_WORD_RUN = re.compile(r"[A-Za-z]+(?:[-'’][A-Za-z]+)*|[^A-Za-z\s]+|\s+")


@lru_cache(maxsize=1)
def _readings() -> dict[str, str]:
    """Toneless pinyin syllable -> every character with that reading (a string of characters), from the
    shipped table (``READINGS_FILE``), else built from pypinyin."""
    try:
        return read_readings(READINGS_FILE)
    except (OSError, ValueError) as error:
        log.warning("pinyin table %s unreadable (%s): building it from pypinyin", READINGS_FILE, error)
        return build_readings()


def read_readings(path: Path) -> dict[str, str]:
    """The table ``write_readings`` wrote: ``syllable<TAB>characters`` lines after one ``#`` comment line."""
    lines = path.read_text(encoding="utf-8").splitlines()
    table = dict(line.split("\t") for line in lines if line and not line.startswith("#"))
    if not table:
        raise ValueError("no readings in the file")
    return table


def write_readings(path: Path) -> dict[str, str]:
    """Build the table from the installed pypinyin and write it (sorted, so a new pypinyin shows as a diff)."""
    from importlib.metadata import version

    table = build_readings()
    body = "".join(f"{key}\t{chars}\n" for key, chars in sorted(table.items()))
    header = f"# syllable<TAB>characters reading so; python -m qa.pinyin_names from pypinyin {version('pypinyin')}\n"
    partial = path.with_name(path.name + ".partial")  # written whole, then swapped in: a cut-off write leaves the
    partial.write_text(header + body, encoding="utf-8")  # old table, never a short one that reads as valid
    partial.replace(path)
    return table


def build_readings() -> dict[str, str]:
    """The reverse dictionary from pypinyin's character readings (see the module docstring)."""
    from pypinyin.pinyin_dict import pinyin_dict

    chars: dict[str, list[str]] = {}
    for code, readings in pinyin_dict.items():
        if code > 0xFFFF:
            # Rare extension-B+ characters: a character class holding any makes ``re`` test its
            # members one by one (0.5 ms per search instead of 1.4 us), and names hardly use them.
            continue
        char = chr(code)
        for reading in readings.split(","):
            plain = "".join(c for c in unicodedata.normalize("NFD", reading) if not unicodedata.combining(c))
            # ü: English spells 吕 as "Lu" or "Lv" (ju/qu/xu/yu are written without it already).
            for key in {plain.replace("ü", "u"), plain.replace("ü", "v")}:
                if key and any(v in key for v in "aeiouv"):
                    chars.setdefault(key, []).append(char)
    # Taiwanese names are usually written in Wade-Giles (葉盛茂 "Yeh Sheng-mao", 蔣 "Chiang"), apostrophes
    # dropped as English texts drop them.
    from pypinyin.style.wadegiles import to_wade_glides

    for key, found in list(chars.items()):
        wade = to_wade_glides(key).replace("'", "")
        for variant in {wade, wade.replace("v", "u")}:
            if variant != key:
                chars.setdefault(variant, []).extend(found)
    return {k: "".join(sorted(set(v))) for k, v in chars.items()}


@lru_cache(maxsize=4096)
def syllables(word: str) -> tuple[str, ...] | None:
    """``word`` cut into pinyin syllables (the cut with the fewest), or None if it is not pinyin."""
    word = word.lower()
    valid = _readings()
    n = len(word)
    best: list[tuple[str, ...] | None] = [None] * (n + 1)
    best[0] = ()
    for end in range(1, n + 1):
        for start in range(max(0, end - 6), end):
            prefix = best[start]
            piece = word[start:end]
            # Pinyin writes an apostrophe before a vowel-initial syllable inside a word (Xi'an), so
            # "Buyeo" is not bu-ye-o.
            if prefix is not None and piece in valid and (start == 0 or piece[0] not in "aeo"):
                candidate = (*prefix, piece)
                if best[end] is None or len(candidate) < len(best[end]):
                    best[end] = candidate
    return best[n] or None


def pinyin_names(question: str) -> list[tuple[str, ...]]:
    """Syllable tuples of the question's pinyin names (see the module docstring)."""
    names: list[tuple[str, ...]] = []
    current: list[str] = []
    first = True
    for run in _WORD_RUN.findall(question):
        if run.isspace():
            continue
        if not run[0].isascii() or not run[0].isalpha():
            if current and run.strip() not in {"-"}:
                names.append(tuple(current))
                current = []
            first = False
            continue
        parts = re.split(r"[-'’]", run)
        cut = [syllables(p) for p in parts]
        # Pinyin names are Capitalised; an all-capitals word is an acronym (ASE), not a name.
        named = run[0].isupper() and not (len(run) > 1 and run.isupper())
        named = named and not (first and run.lower() in LEADING_WORDS)
        first = False
        if named and all(cut):
            current.extend(s for c in cut if c for s in c)
        else:
            if current:
                names.append(tuple(current))
            current = []
    if current:
        names.append(tuple(current))
    return [n for n in names if len(n) >= MIN_SYLLABLES]


@lru_cache(maxsize=256)
def _pattern(run: tuple[str, ...]) -> re.Pattern[str]:
    classes = _readings()
    return re.compile("".join(f"[{classes[s]}]" for s in run))


class NameMatcher:
    """Scores texts by how much of the question's pinyin names they write in characters."""

    def __init__(self, names: Sequence[tuple[str, ...]]) -> None:
        self.names = [tuple(n) for n in names if len(n) >= MIN_SYLLABLES]

    def __bool__(self) -> bool:
        return bool(self.names)

    def name_score(self, name: tuple[str, ...], text: str) -> float:
        """Longest run of ``name``'s syllables written consecutively in ``text``, as a share of the name."""
        n = len(name)
        for length in range(n, MIN_SYLLABLES - 1, -1):
            for start in range(n - length + 1):
                if _pattern(name[start : start + length]).search(text):
                    return length / n
        return 0.0

    def scores(self, texts: Sequence[str]) -> np.ndarray:
        """Per text: the mean over names of ``name_score`` (0 when the question names nothing).

        A "name" no text writes at all is left out of the mean: it is more likely an English word
        that happens to spell pinyin ("Chinese": chi-ne-se) than a name the corpus lacks, and either
        way it cannot tell the texts apart.
        """
        if not self.names or not len(texts):
            return np.zeros(len(texts), dtype=np.float32)
        table = np.array([[self.name_score(name, text) for name in self.names] for text in texts], dtype=np.float32)
        written = table.max(axis=0) > 0
        if not written.any():
            return np.zeros(len(texts), dtype=np.float32)
        return table[:, written].mean(axis=1)


if __name__ == "__main__":
    written = write_readings(READINGS_FILE)
    print(f"{len(written)} syllables -> {READINGS_FILE}", file=sys.stderr)
