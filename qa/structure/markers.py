"""Cross-page jump markers: '（下转第2版）' ends an article's text on one page, '（上接第1版）' opens its rest.

One grammar for every reader and the structure stage, so a wording one of them knows the others
know too. It covers the ways Chinese papers and magazines word a jump, not one paper's style:

- the verb: 下转 / 转下 / 转至 / 转到 / 转 (transfer); 上接 / 接上 / 紧接 / 承接 / 续接 / 接 / 续 (continuation);
  a transfer may say the text is unfinished first (未完，转… / 未完待续，转…);
- the place: an edition '第2版', '2版', '第二版', one with a section letter 'A2版' / '第A2版' / 'A2'
  (the number is what is matched: editions of one file are told apart by their numbers), a page
  '第12页' / '第2面', or the page before/after ('接上页', '转下页'). A bare 'A2' counts only after
  下转/上接 and the like, never after a lone 转/接 ('（转G6）', '（转K9次）' are routes, not jumps);
- after the place, the section the edition belongs to: '转第2版·要闻', '上接第1版 要闻';
- inside the brackets, before the verb, what moves: '（本文转第2版）', '（本文接第1版）';
- before the marker, a pointer: '▲下转第二版', '▼上接第一版', '←接一版'; after a transfer, an arrow: '转二版→';
- a short jump head, the continued story's first words run into the marker in head type ('逐户摸底▼上接第一版',
  '社会学研（接1版）'): ``heading_continuation``.

The marker is bracketed (full- or half-width; round （）, tortoise-shell 〔〕, lenticular 【】 or square ［］)
like newspapers print it; traditional characters (轉, 續, 頁) are read alike. Papers made in a word
processor often leave the brackets off: a bare '下转第2版' / '转2版' counts where a marker stands — at
the very end of a paragraph (or as a line of its own), and a bare '接1版' / '续第1版' at the very start
of one — and only with an edition (版), never a bare page or letter: '转2版' inside a sentence is no
marker. Spaces are allowed anywhere between the parts ('（接第 1版）', '转 2 版'): typesetters insert
them between CJK and digits.
"""

from __future__ import annotations

import re

CN_DIGITS = "一二三四五六七八九十"
_CN_VALUE = {ch: i + 1 for i, ch in enumerate(CN_DIGITS)}
_NUMBER = rf"[\d０-９]{{1,3}}|[{CN_DIGITS}]{{1,3}}"
# An edition or page: 第2版, 2版, 第二版, A2版, 第A2版, 第12页, 第2面; or the page before / after.
_LETTER = rf"(?:第\s*)?[A-ZＡ-Ｚ]\s*(?:{_NUMBER})"
_PLACE = (
    rf"{_LETTER}\s*[版页頁]"
    rf"|(?:第\s*)?(?:{_NUMBER})\s*[版页頁]"
    rf"|第\s*(?:{_NUMBER})\s*面"
    r"|[上前下次后]\s*[页頁版]"
)
_SECTION = r"(?:\s*[·•・．.\-—、\s]?\s*[\u4e00-\u9fff]{1,6})?"
# A lettered edition without 版 ('（下转A3）') only after a verb that cannot be anything but a jump, and
# with nothing after it but a separated section name: '（转G6）', '（转K9次）', '维生素（转B12）' are prose.
_BARE = rf"{_LETTER}(?:\s*[·•・．.\-—、]\s*[\u4e00-\u9fff]{{1,6}})?"
_OPEN, _CLOSE = r"[（(〔【［\[〖]\s*", r"\s*[）)〕】］\]〗]"  # round, tortoise-shell, lenticular, square
_UNFINISHED = r"(?:未完(?:待[续續])?\s*[，,、:：]?\s*)?"
_TRANSFER_VERB = rf"{_UNFINISHED}(?:下[转轉]|[转轉]下|[转轉]至|[转轉]到|[转轉])\s*"
_STRONG_TRANSFER_VERB = rf"{_UNFINISHED}(?:下[转轉]|[转轉]下|[转轉]至|[转轉]到)\s*"
_CONT_VERB = r"(?:上接|接上|[紧緊]接|承接|[续續]接|接|[续續])\s*"
_STRONG_CONT_VERB = r"(?:上接|接上|[紧緊]接|承接|[续續]接)\s*"
_TRANSFER = rf"(?:{_TRANSFER_VERB}(?:{_PLACE}){_SECTION}|{_STRONG_TRANSFER_VERB}{_BARE})"
_CONTINUED = rf"(?:{_CONT_VERB}(?:{_PLACE}){_SECTION}|{_STRONG_CONT_VERB}{_BARE})"
# Without brackets: an edition only (a number, perhaps lettered, then 版), no section after it.
_BARE_EDITION = rf"(?:第\s*)?(?:[A-ZＡ-Ｚ]\s*)?(?:{_NUMBER})\s*版"
# Prose that reads like a bare marker: a lone 转 right after an edition or a number ('对开4版转8版', '4版转8版')
# is a change of size, not a jump; 版 followed by what makes it a word or a phrase ('接1版面', '续3版次',
# '接第一版的报道说', '续第2版的印刷工作') is prose, not a marker run into the first paragraph.
_BARE_TRANSFER_VERB = rf"{_UNFINISHED}(?:下[转轉]|[转轉]下|[转轉]至|[转轉]到|(?<![版\d０-９])[转轉])\s*"
_BARE_TRANSFER = rf"{_BARE_TRANSFER_VERB}{_BARE_EDITION}"
_BARE_CONTINUED = rf"{_CONT_VERB}{_BARE_EDITION}(?![面块塊次权權本式型图圖画畫税稅号號的])"
# A pointer printed before a marker: '▲下转第二版' ends a text, '▼上接第一版' / '←接一版' opens its rest; an arrow
# after a transfer points on to where the text goes ('转二版→', '下转第2版 ▶').
_POINTER = r"(?:[▲△▼▽►▶☞→↓←◀◁⇐⬅]\s*)?"
_AFTER = r"(?:\s*[→⇒➔➡▶►▷↓])?"
# Inside the brackets the marker may name what moves: '（本文转第2版）', '（本文接第1版）' (this article).
_THIS = r"(?:本文|本稿)?\s*"
TRANSFER = re.compile(rf"{_POINTER}(?:{_OPEN}{_THIS}{_TRANSFER}{_CLOSE}|{_BARE_TRANSFER}){_AFTER}\s*$")
CONTINUED = re.compile(rf"^{_POINTER}(?:{_OPEN}{_THIS}{_CONTINUED}{_CLOSE}|{_BARE_CONTINUED})")
ANY = re.compile(
    rf"{_POINTER}{_OPEN}{_THIS}(?:{_TRANSFER}|{_CONTINUED}){_CLOSE}{_AFTER}|{_POINTER}{_BARE_TRANSFER}{_AFTER}\s*$"
    rf"|^\s*{_POINTER}{_BARE_CONTINUED}"
)
# A short jump head: the headline's first words, then the marker ('逐户摸底▼上接第一版', '社会学研（接1版）'); bare
# only after a verb that is nothing but a jump's (上接 / 接上 …), never a lone 接 or 续.
_HEAD_CONTINUED = re.compile(
    rf"{_POINTER}(?:{_OPEN}{_THIS}{_CONTINUED}{_CLOSE}|{_STRONG_CONT_VERB}{_BARE_EDITION})\s*$"
)
_NAMED = re.compile(rf"(?:^|[^A-Za-zＡ-Ｚ\d０-９])[A-ZＡ-Ｚ]?\s*({_NUMBER})\s*[版页頁面]?|([上前下次后])\s*[页頁版]")


def number(text: str) -> int | None:
    """'2', '２', '二', '十二', '二十' as an int."""
    text = text.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if text.isdigit():
        return int(text)
    if not text or any(ch not in _CN_VALUE for ch in text):
        return None
    if len(text) == 1:
        return _CN_VALUE[text]
    tens, _, units = text.partition("十")
    if "十" not in text or len(units) > 1 or len(tens) > 1:
        return None
    return (_CN_VALUE.get(tens, 1) if tens else 1) * 10 + (_CN_VALUE[units] if units else 0)


def transfer_marker(text: str) -> str | None:
    """The '（下转第2版）' marker ending a paragraph, or None."""
    match = TRANSFER.search(text.rstrip())
    return match.group(0).strip() if match else None


def continuation_marker(text: str) -> str | None:
    """The '（上接第1版）' marker opening a paragraph, or None."""
    match = CONTINUED.match(text.strip())
    return match.group(0) if match else None


def named_edition(marker: str, here: int | None = None) -> int | None:
    """The edition (or page) a marker names; for '接上页' / '转下页' the one before / after ``here``."""
    match = _NAMED.search(marker.strip().lstrip("（(〔【［[〖").rstrip("）)〕】］]〗"))
    if not match:
        return None
    if match.group(1):
        return number(match.group(1))
    if here is None:
        return None
    return here - 1 if match.group(2) in "上前" else here + 1


def heading_continuation(text: str) -> tuple[str, str] | None:
    """A heading ending in a continuation marker — a short jump head, the continued story's first words and then
    '（上接第1版）' — as (its words, the marker); None for any other heading. A heading that is the marker alone
    is not one (it heads no words)."""
    match = _HEAD_CONTINUED.search(text.rstrip())
    if not match or not text[: match.start()].strip():
        return None
    return text[: match.start()].strip(), match.group(0).strip()
