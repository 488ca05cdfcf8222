"""Which legacy encoding a text file that is not UTF-8 was saved in: the reading its language would write.

The same bytes decode without error in several encodings: EUC-KR Korean and Shift-JIS Japanese decode as
GB18030 ideographs, Latin-1 French as cp1250 ('foręt'), KOI8-R as cp1251. charset-normalizer measures how
messy each reading is, but its language coherence has no model of Chinese, Japanese or Korean (it scores 0.0
for every CJK reading) and it orders equally clean readings of a short text arbitrarily — which is how a
Korean file became Chinese mojibake and a French one Polish. So each candidate reading is scored here by how
much of its non-ASCII text is what its language is written with:

- Chinese (GB18030, Big5): ideographs, the ~500 most common (charset-normalizer's own list, read through
  OpenCC for traditional text) counting in full, others of the national standard's first level by half; no
  kana, no hangul;
- Japanese (Shift-JIS, EUC-JP): kana and first-level kanji; no half-width katakana;
- Korean (EUC-KR/cp949): hangul syllables of KS X 1001; hanja count nothing (modern Korean has almost none,
  while Chinese bytes read as Korean are half hanja);
- alphabetic encodings: letters in words of one script and one case pattern, their accented letters all of
  one language's alphabet (French é è ê read as cp1250 become é č ę, letters of no single language).

The highest score wins; equal scores go to the encoding more such files are saved in (``USUAL``'s order).
The rules are hand-written because no maintained permissive library scores CJK readings by language; the
scoring uses charset-normalizer's common-character list and OpenCC, and charset-normalizer's own pick joins
the candidates for encodings not listed here (Greek, Turkish, Hebrew, Arabic, Thai …). Measured on real
translated text, TUNING and held-out REPORT catalogues, by ``python benchmarks/encodings.py``.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from charset_normalizer import from_bytes
from charset_normalizer.constant import FREQUENCIES
from charset_normalizer.md import COMMON_CJK_CHARACTERS

from qa.han_script import t2s_converter

# Legacy encodings people keep text in, the more common first among this tool's users (mainly Chinese): a tie
# between readings goes to the earlier one.
# Korean before EUC-JP: Korean is all hangul, while Japanese made of kanji alone (what a tie with Korean takes) is
# rare.
# cp950 (Windows) and Big5-HKSCS (Hong Kong) are Big5 with more characters ('€', '碁', '邨'), which plain big5 rejects.
USUAL = ("gb18030", "big5", "cp950", "big5hkscs", "cp932", "cp949", "euc_jp", "cp1252", "cp1250", "cp1251", "koi8_r")
_LANGUAGE = {
    "gb18030": "Chinese",
    "big5": "Chinese",
    "cp950": "Chinese",
    "big5hkscs": "Chinese",
    "cp932": "Japanese",
    "euc_jp": "Japanese",
    "cp949": "Korean",
    "cp1252": "Western European",
    "cp1250": "Central European",
    "cp1251": "Cyrillic",
    "koi8_r": "Cyrillic",
}
_TRADITIONAL = ("big5", "cp950", "big5hkscs")
SAMPLE_BYTES = 200_000  # of a long file decoded and scored: enough to tell, bounded on a 100 MB file
SAMPLE_CHARS = 50_000  # of each reading scored
# Credit of an ideograph GBK added to GB2312 (``_beyond_gb2312``) in a Chinese reading: a list of rare name characters
# ('镕基 喆 堃 …') has no common character, and scored nothing it lost to cp1251's reading of its bytes. Chosen on the
# TUNING catalogues of ``benchmarks/encodings.py`` (0.1-0.5 tried), reported on REPORT.
BEYOND_GB2312 = 0.25
AMBIGUOUS_BELOW = 0.05  # a runner-up this close (in score) to the winner, reading other text: the file is named

# Accented letters of the alphabets written in the single-byte Latin encodings (lower case).
_ALPHABETS = (
    "àâæçéèêëîïôœùûüÿ",  # French
    "äöüß",  # German
    "áéíñóúü",  # Spanish
    "áâãàçéêíóôõú",  # Portuguese
    "àèéìíîòóùú",  # Italian
    "àçéèíïòóúü",  # Catalan
    "éëïóöü",  # Dutch
    "æøåéó",  # Danish, Norwegian
    "åäöé",  # Swedish, Finnish
    "áðéíóúýþæö",  # Icelandic
    "ąćęłńóśźż",  # Polish
    "áčďéěíňóřšťúůýž",  # Czech
    "áäčďéíĺľňóôŕšťúýž",  # Slovak
    "áéíóöőúüű",  # Hungarian
    "ăâîșşțţ",  # Romanian
    "čćđšž",  # Croatian, Slovene, Bosnian
    "çğıöşüâî",  # Turkish
    "äöõüšž",  # Estonian
    "ąčęėįšųūž",  # Lithuanian
    "āčēģīķļņšūž",  # Latvian
)
# charset-normalizer's most frequent Korean syllables; other syllables count less, as other ideographs do in
# Chinese: bytes of Chinese or Japanese text read as Korean give syllables from all over the table.
_COMMON_HANGUL = frozenset(FREQUENCIES["Korean"])
_WORD = re.compile(r"[^\W\d_]+")
_CJK_PUNCT = re.compile(r"[\u3000-\u303f\uff01-\uff5e\uffe0-\uffe6\u2010-\u206f\u00b7\u00d7]")
# Punctuation and symbols text in alphabetic scripts uses: « » ° § © ® · £ ¥ ¿ ¡ € ™ – — ‘ ’ ‚ “ ” „ • …
_SYMBOL = re.compile("[\u00a0«»°§©®·£¥¿¡€™\u2013\u2014\u2018-\u201e\u2022\u2026]")
_NOT_IN_WORDS = frozenset("€£¥•")
# Letters of the alphabets written in the Cyrillic encodings (lower case).
_CYRILLIC = (
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",  # Russian
    "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",  # Ukrainian
    "абвгдеёжзійклмнопрстуўфхцчшыьэюя",  # Belarusian
    "абвгдежзийклмнопрстуфхцчшщъьюя",  # Bulgarian
    "абвгдђежзијклљмнњопрстћуфхцчџш",  # Serbian
    "абвгдѓежзѕијклљмнњопрстќуфхцчџш",  # Macedonian
)

# Letters written alone as words in those languages (prepositions, conjunctions, particles: 'в', 'и', 'з', 'ў').
_CYRILLIC_ONE_LETTER = frozenset("авжзийкосуяіўб")


@dataclass(frozen=True)
class Reading:
    """One way to decode the bytes: the encoding, its text, and how much of it its language would write."""

    encoding: str
    text: str
    score: float


def _lead(ch: str, encoding: str) -> int | None:
    try:
        data = ch.encode(encoding)
    except UnicodeEncodeError:
        return None
    return data[0] if len(data) == 2 else None


def _kana(ch: str) -> bool:
    return "\u3041" <= ch <= "\u30ff"


def _hangul(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3"


def _ideograph(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def _first_level(ch: str, traditional: bool) -> bool:
    """In the national standard's first level (its frequent characters): Big5 A440-C67E, GB2312 B0A1-D7F9."""
    if traditional:
        return 0xA4 <= (_lead(ch, "big5") or 0) <= 0xC6
    return 0xB0 <= (_lead(ch, "gb2312") or 0) <= 0xD7


def _beyond_gb2312(ch: str) -> bool:
    """An ideograph GBK added to GB2312 (its rarer characters: the ones in names, '镕', '喆', '堃', '昇').

    Bytes of other text read as GB18030 seldom land there: EUC-KR's and KOI8/cp1251's letters pair into GB2312's own
    rows (both bytes from 0xA1), a Latin word's accented letter before an ASCII letter is skipped as inside that
    word; Shift-JIS, Big5 and UHC do land there, but their own readings are then strong (kana, common characters,
    hangul)."""
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        try:
            return len(ch.encode("gbk")) == 2
        except UnicodeEncodeError:
            return False
    return False


def _spaced(text: str, k: int, kind) -> bool:  # noqa: ANN001 - a character test
    """A character next to a space with another of its kind beyond it ('번역 목', '锅开 格'): Korean spaces its
    words, Chinese and Japanese do not; ideographs so spaced are Korean read in the wrong encoding."""
    for step in (-1, 1):
        j = k + step
        if 0 <= j + step < len(text) and text[j] == " " and kind(text[j + step]):
            return True
    return False


def _inside_latin_word(text: str, k: int) -> bool:
    """A non-ASCII character between two ASCII letters ('b녠d', 'j陑y'): a multi-byte decoder's view of the
    accented letter of a Latin word, not CJK text."""
    return (
        0 < k < len(text) - 1
        and text[k - 1].isascii()
        and text[k - 1].isalpha()
        and text[k + 1].isascii()
        and (text[k + 1].isalpha())
    )


def _chinese(text: str, traditional: bool) -> float:
    plain = t2s_converter().convert(text) if traditional else text
    good = total = 0.0
    # a text mostly of Latin letters ('W dyrektywie numer po „” nie…': cp1250's quotes '„”' pair into one GBK
    # ideograph) is not written in Chinese characters, however rare the one it shows
    written_in_han = sum(map(_ideograph, text)) > sum(ch.isascii() and ch.isalpha() for ch in text)
    for k, (ch, simple) in enumerate(zip(text, plain, strict=False)):
        if ch.isascii() or ch.isspace():
            continue
        total += 1
        if _inside_latin_word(text, k):
            continue
        if _ideograph(ch):
            # Chinese spaces words apart in lists and tables ('张三 李四', '姓名 部门 电话'), and Korean read as
            # GB18030 is spaced like Korean; what tells them apart is that Korean's ideographs are mostly rare ones:
            # a spaced ideograph counts only if it is a common character.
            if simple in COMMON_CJK_CHARACTERS:
                good += 1
            elif _first_level(ch, traditional) and not _spaced(text, k, _ideograph):
                good += 0.5
            elif not traditional and written_in_han and _beyond_gb2312(ch):
                good += BEYOND_GB2312
        elif _CJK_PUNCT.match(ch):
            good += 1
    return good / total if total else 1.0


def _japanese(text: str) -> float:
    good = total = 0.0
    for k, ch in enumerate(text):
        if ch.isascii() or ch.isspace():
            continue
        total += 1
        if _inside_latin_word(text, k) or (_ideograph(ch) and _spaced(text, k, _ideograph)):
            continue
        if _kana(ch) or _CJK_PUNCT.match(ch) or ch in COMMON_CJK_CHARACTERS:
            good += 1
        elif _ideograph(ch) and 0x88 <= (_lead(ch, "cp932") or 0) <= 0x9F:  # JIS level 1: frequent kanji
            good += 0.5
    return good / total if total else 1.0


def _korean(text: str) -> float:
    good = total = 0.0
    for k, ch in enumerate(text):
        if ch.isascii() or ch.isspace():
            continue
        total += 1
        if _inside_latin_word(text, k):
            continue
        if _CJK_PUNCT.match(ch) or ch in _COMMON_HANGUL or (_hangul(ch) and _spaced(text, k, _hangul)):
            good += 1
        elif _hangul(ch) and _lead(ch, "euc_kr") is not None:  # KS X 1001: the 2,350 syllables in use
            good += 0.75
    return good / total if total else 1.0


def _script(ch: str) -> str:
    return unicodedata.name(ch, "?").split(" ")[0]


def _usual_symbol(text: str, k: int) -> bool:
    """A common symbol, in a usual place: not inside a Latin word (an apostrophe aside: 'd’accord'), not next
    to another such symbol ('‚©‚' is Shift-JIS read as cp1252)."""
    ch = text[k]
    if not _SYMBOL.match(ch):
        return False
    if ch in _NOT_IN_WORDS and any(0 <= j < len(text) and text[j].isalpha() for j in (k - 1, k + 1)):
        return False  # '€Т', '•N', 'Б€': a currency sign or a bullet stands apart from letters
    inside = 0 < k < len(text) - 1 and text[k - 1].isalpha() and text[k + 1].isalpha()
    if inside and ch != "\u2019" and not (ch == "\u00b7" and text[k - 1] == text[k + 1] == "l"):  # d’accord, l·l
        return False
    near = [text[j] for j in (k - 1, k + 1) if 0 <= j < len(text)]
    return not any(n != ch and not n.isascii() and not n.isalnum() and not n.isspace() for n in near)


def _alphabetic(text: str, latin: bool | None) -> float:
    """Share of non-ASCII characters in words of one script and case pattern (and, for Latin text, of one
    language's accented letters), or common punctuation and symbols."""
    good = total = 0.0
    accented: list[str] = []
    for word in _WORD.findall(text):
        foreign = [ch for ch in word if not ch.isascii()]
        if not foreign:
            continue
        total += len(foreign)
        one_script = len({_script(ch) for ch in word}) == 1
        if latin is False and not one_script and any(ch.isascii() for ch in word):
            # a Cyrillic letter run into a Latin one ('йF', 'кЖh'): a double-byte character's trail byte read as
            # ASCII, never a Russian word; it counts against the reading as an odd character does
            good -= len(foreign)
            continue
        if latin is False and len(word) == 1 and word.lower() not in _CYRILLIC_ONE_LETTER:
            continue  # a lone letter no Cyrillic alphabet writes as a word ('щ', 'ґ'): a byte of something else
        cased = word.islower() or word.istitle() or word.isupper()
        # a Latin word of accented letters only ('ÀÔ', 'íĺ'): bytes of Cyrillic or Korean text, not a word
        unaccented = latin is not True or len(foreign) < len(word) or len(word) == 1
        if one_script and cased and unaccented:
            # a word in capitals counts half in Cyrillic (KOI8-R and cp1251 swap the cases of each other's letters),
            # and in Latin when it has several accented letters ('ŮYÁĎ' is two Chinese characters)
            capitals = word.isupper() and len(word) > 1 and (latin is False or len(foreign) > 1)
            good += len(foreign) * (0.5 if capitals else 1.0)
            accented += [ch.lower() for ch in foreign]
    others = [k for k, ch in enumerate(text) if not ch.isascii() and not ch.isspace() and not ch.isalpha()]
    total += len(others)
    for k in others:
        if _usual_symbol(text, k):
            good += 1
        else:  # letters touching a box-drawing or other odd character ('ап╬Ю') are not a word either
            good -= sum(1 for j in (k - 1, k + 1) if 0 <= j < len(text) and text[j].isalpha() and not text[j].isascii())
    if accented and latin is not None:  # the (accented) letters not in the best-fitting alphabet do not count
        fits = max(sum(ch in alphabet for ch in accented) for alphabet in (_ALPHABETS if latin else _CYRILLIC))
        good -= len(accented) - fits
    return max(good, 0.0) / total if total else 1.0


def score(text: str, encoding: str) -> float:
    """How much of ``text``'s non-ASCII part is what the encoding's language writes (0 to 1)."""
    text = text[:SAMPLE_CHARS]
    language = _LANGUAGE.get(encoding)
    if encoding == "gb18030":
        return _chinese(text, traditional=False)
    if encoding in _TRADITIONAL:
        return _chinese(text, traditional=True)
    if language == "Japanese":
        return _japanese(text)
    if language == "Korean":
        return _korean(text)
    if any(_kana(ch) or _hangul(ch) or _ideograph(ch) for ch in text):
        return 0.0  # an alphabetic encoding's reading holding CJK: a multi-byte decoder's view of other bytes
    scripts = {_script(ch) for ch in text if ch.isalpha() and not ch.isascii()}
    if language in ("Western European", "Central European") or scripts <= {"LATIN"}:
        return _alphabetic(text, latin=True)
    if language == "Cyrillic" or scripts <= {"CYRILLIC"}:
        return _alphabetic(text, latin=False)
    return _alphabetic(text, latin=None)


def _same(a: str, b: str) -> bool:
    try:
        return codecs.lookup(a).name == codecs.lookup(b).name
    except LookupError:
        return False


def _strict(sample: bytes, encoding: str, cut: bool) -> str | None:
    """The sample decoded strictly (None if it does not decode), less a character cut short at its end (``cut``)."""
    try:
        return sample.decode(encoding)
    except UnicodeDecodeError as exc:
        if cut and exc.start >= len(sample) - 4:
            try:
                return sample[: exc.start].decode(encoding)
            except UnicodeDecodeError:
                return None
        return None


def readings(data: bytes) -> list[Reading]:
    """Strict decodings of ``data`` among ``USUAL`` and charset-normalizer's pick, best first; each reading's text
    is its first ``SAMPLE_BYTES`` (the whole file's decoding may still fail further on: ``decode``)."""
    found: list[Reading] = []
    sample = data[:SAMPLE_BYTES]
    for encoding in USUAL:
        text = _strict(sample, encoding, cut=len(data) > SAMPLE_BYTES)
        if text is not None:
            found.append(Reading(encoding, text, score(text, encoding)))
    best = from_bytes(sample).best()
    if best is not None and not best.encoding.startswith("utf") and not any(_same(best.encoding, e) for e in USUAL):
        text = str(best)
        found.append(Reading(best.encoding, text, score(text, best.encoding)))
    order = {r.encoding: k for k, r in enumerate(found)}
    return sorted(found, key=lambda r: (-r.score, order[r.encoding]))


def language_of(encoding: str) -> str:
    """The language or script an encoding is for, as messages name it."""
    return _LANGUAGE.get(encoding, encoding)


def rival(ranked: list[Reading]) -> Reading | None:
    """A reading as plausible as the winner (within AMBIGUOUS_BELOW) that reads as other text, if any."""
    if len(ranked) < 2:
        return None
    first = ranked[0]
    for other in ranked[1:]:
        if other.score < first.score - AMBIGUOUS_BELOW:
            return None
        if other.text != first.text and language_of(other.encoding) != language_of(first.encoding):
            return other
    return None


def decode(data: bytes, ranked: list[Reading]) -> tuple[str, Reading] | None:
    """The whole file in the best reading that decodes all of it (a sample's reading may fail further on)."""
    for reading in ranked:
        try:
            return data.decode(reading.encoding), reading
        except (UnicodeDecodeError, LookupError):
            continue
    return None
