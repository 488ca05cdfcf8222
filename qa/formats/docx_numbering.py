"""The numbers Word draws before numbered paragraphs ('1 总则', '1.1 目的'), which are not in the text.

Word numbers headings from the numbering part (``word/numbering.xml``): a paragraph, or its style, names a
list (``w:numPr``: numId, level) and the list's level says how to draw its number (``w:lvlText`` '%1.%2',
``w:numFmt``, ``w:start``). The reader shows them in headings because users see them on the page and type them
in questions ('1.1 目的 is what section?'); a path '总则 › 目的' named sections the page calls '1 总则 › 1.1 目的'.

Formats drawn: decimal (also zero-padded, full-width, circled ①, bracketed ⑴, with a full stop ⒈), Chinese counting
(一、二 …, in Word's mainland, Taiwanese and Japanese variants: LibreOffice writes its '一, 二, 三' outline as
taiwaneseCountingThousand), ideographic digits, heavenly stems (甲、乙), financial numerals (壹、贰), letters (A … Z,
AA, BB as Word repeats them: the GB/T template's '附录A', 'A.1') and Roman numerals; a level using any other
(bullets, ordinal words) draws nothing, rather than a wrong number. A level with legal numbering (``w:isLgl``)
draws every number of its text in digits ('1.1' under '第一章'), as Word does.

Counting follows Word: lists (``w:num``) sharing one definition (``w:abstractNum``) count on together as one list
— Word's "continue numbering" — unless a list restarts a level with ``w:startOverride`` ("restart numbering"): that
list counts on its own from its start. A level restarts after a higher level unless ``w:lvlRestart`` says
otherwise (0: never, as articles '第%2条' run on across chapters; N: only after levels 1 … N). Numbering
python-docx cannot read (no numbering part, damaged XML) draws nothing; the text is still read.
"""

from __future__ import annotations

import logging
import re

log = logging.getLogger(__name__)

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DIGITS = "零一二三四五六七八九"
# Chinese counting as Word's mainland, Taiwanese and Japanese formats all write it for the numbers of headings (一 …
# 十, 十一, 二十): LibreOffice saves its '一, 二, 三, ...' outline numbering as taiwaneseCountingThousand.
_COUNTING = {
    "chineseCounting",
    "chineseCountingThousand",
    "taiwaneseCounting",
    "taiwaneseCountingThousand",
    "japaneseCounting",
}
_HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"  # ideographTraditional: 甲、乙 … 癸 (1-10)
_LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"  # chineseLegalSimplified, with 拾 佰 仟 as units
_SIMPLE = {
    "decimal",
    "decimalZero",
    "decimalFullWidth",
    "decimalFullWidth2",
    "ideographDigital",
    "ideographTraditional",
    "chineseLegalSimplified",
    "upperLetter",
    "lowerLetter",
    "upperRoman",
    "lowerRoman",
    "decimalEnclosedCircle",
    "decimalEnclosedCircleChinese",
    "decimalEnclosedParen",
    "decimalEnclosedFullstop",
    *_COUNTING,
}
# first code point of each enclosed-digit run (1 … 20) and its length
_ENCLOSED = {
    "decimalEnclosedCircle": 0x2460,
    "decimalEnclosedCircleChinese": 0x2460,
    "decimalEnclosedParen": 0x2474,
    "decimalEnclosedFullstop": 0x2488,
}
_ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def roman_number(n: int) -> str:
    """n in Roman numerals (1 … 3999; others in digits)."""
    if not 0 < n < 4000:
        return str(n)
    out = []
    for value, letters in _ROMAN:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def letter_number(n: int) -> str:
    """n as Word letters it: A … Z, then AA … ZZ, AAA (the letter repeated, not a base-26 number)."""
    if n <= 0:
        return str(n)
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def chinese_number(n: int) -> str:
    """n in Chinese counting: 十, 十一, 二十, 一百零一, 一百一十 (a number from 1 to 9999; others in digits)."""
    if not 0 < n < 10000:
        return str(n)
    parts: list[str] = []
    gap = False  # a zero digit between written ones reads 零
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, n = divmod(n, value)
        if digit:
            parts.append(("零" if gap else "") + _DIGITS[digit] + unit)
            gap = False
        elif parts:
            gap = True
    text = "".join(parts)
    return text[1:] if text.startswith("一十") else text


def _format(n: int, fmt: str) -> str:
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return str(n).translate(_FULL_WIDTH)
    if fmt == "ideographDigital":
        return "".join(_DIGITS[int(c)] for c in str(n))
    if fmt == "ideographTraditional":
        return _HEAVENLY_STEMS[n - 1] if 0 < n <= len(_HEAVENLY_STEMS) else str(n)
    if fmt == "chineseLegalSimplified":
        return chinese_number(n).translate(_LEGAL)
    if fmt in _COUNTING:
        return chinese_number(n)
    if fmt in ("upperLetter", "lowerLetter"):
        text = letter_number(n)
        return text if fmt == "upperLetter" else text.lower()
    if fmt in ("upperRoman", "lowerRoman"):
        text = roman_number(n)
        return text if fmt == "upperRoman" else text.lower()
    if fmt in _ENCLOSED:
        return chr(_ENCLOSED[fmt] + n - 1) if 0 < n <= 20 else str(n)
    return str(n)


_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
_LEGAL = str.maketrans(_DIGITS + "十百千", _LEGAL_DIGITS + "拾佰仟")


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


class Numbering:
    """The list definitions of one document, and the counters of the lists read so far."""

    def __init__(self, numbering) -> None:  # noqa: ANN001 - lxml w:numbering or None
        # abstractNumId -> level -> (start, numFmt, lvlText); numId -> (abstractNumId, {level: start override})
        self._abstract: dict[str, dict[int, tuple[int, str, str]]] = {}
        self._legal: set[tuple[str, int]] = set()  # (abstractNumId, level) of levels with w:isLgl
        self._restart: dict[tuple[str, int], int] = {}  # (abstractNumId, level) -> w:lvlRestart (0: never)
        self._style_levels: dict[str, tuple[str, int]] = {}  # paragraph style id -> (abstractNumId, level)
        self._nums: dict[str, tuple[str, dict[int, int]]] = {}
        self._counters: dict[str, dict[int, int]] = {}
        if numbering is None:
            return
        for abstract in numbering.iterchildren(f"{_W}abstractNum"):
            aid = abstract.get(f"{_W}abstractNumId") or ""
            levels: dict[int, tuple[int, str, str]] = {}
            for lvl in abstract.iterchildren(f"{_W}lvl"):
                level = _int(lvl.get(f"{_W}ilvl"), 0)
                start = lvl.find(f"{_W}start")
                fmt = lvl.find(f"{_W}numFmt")
                text = lvl.find(f"{_W}lvlText")
                levels[level] = (
                    _int(start.get(f"{_W}val") if start is not None else None, 1),
                    (fmt.get(f"{_W}val") or "decimal") if fmt is not None else "decimal",
                    (text.get(f"{_W}val") or "") if text is not None else "",
                )
                restart = lvl.find(f"{_W}lvlRestart")
                if restart is not None:
                    self._restart[(aid, level)] = _int(restart.get(f"{_W}val"), level)
                legal = lvl.find(f"{_W}isLgl")
                if legal is not None and legal.get(f"{_W}val", "1") not in ("0", "false", "off"):
                    self._legal.add((aid, level))
                style = lvl.find(f"{_W}pStyle")
                if style is not None and style.get(f"{_W}val"):
                    self._style_levels[style.get(f"{_W}val")] = (aid, level)
            self._abstract[aid] = levels
        for num in numbering.iterchildren(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            overrides = {
                _int(o.get(f"{_W}ilvl"), 0): _int(s.get(f"{_W}val"), 1)
                for o in num.iterchildren(f"{_W}lvlOverride")
                if (s := o.find(f"{_W}startOverride")) is not None
            }
            aid = (ref.get(f"{_W}val") or "") if ref is not None else ""
            self._nums[num.get(f"{_W}numId") or ""] = (aid, overrides)

    @classmethod
    def of(cls, document) -> Numbering:  # noqa: ANN001 - python-docx Document
        """The document's numbering; none when it has no numbering part or python-docx cannot read it."""
        try:
            return cls(document.part.numbering_part.element)
        except Exception as exc:  # noqa: BLE001 - python-docx and lxml raise many kinds; the text is still read
            log.debug("no numbering read: %s", exc)
            return cls(None)

    def label(self, num_id: str, level: int | None, style_id: str) -> tuple[str, int]:
        """Count a paragraph of list ``num_id`` at ``level`` (None: the level its style is linked to, else 0);
        return the number Word draws for it ('1.2'; '' when it draws none or a format not rendered here) and
        the level."""
        aid, overrides = self._nums.get(num_id, ("", {}))
        levels = self._abstract.get(aid, {})
        if level is None:
            linked = self._style_levels.get(style_id)
            level = linked[1] if linked is not None and linked[0] == aid else 0
        if level not in levels:
            return "", level
        # lists of one definition count together (Word's "continue numbering"); one restarting a level counts alone
        counters = self._counters.setdefault(num_id if overrides else f"abstract:{aid}", {})
        start = overrides.get(level, levels[level][0])
        counters[level] = counters[level] + 1 if level in counters else start
        for deeper in [k for k in counters if k > level]:
            restart = self._restart.get((aid, deeper))
            # w:lvlRestart N (1-based): restart after levels 1 … N only; 0: never; absent: after any higher level
            if restart is None or (restart != 0 and level < restart):
                del counters[deeper]
        _, fmt, text = levels[level]
        # Legal numbering (w:isLgl, usual in Chinese report and thesis templates): the level draws every number in
        # its text in digits, whatever the levels' own formats ('第%1章' chapters, '1.1' sections, not '一.1').
        legal = (aid, level) in self._legal
        if (fmt not in _SIMPLE and not legal) or not text:
            return "", level

        def part(match: re.Match[str]) -> str:
            k = int(match.group(1)) - 1
            if k not in levels or (levels[k][1] not in _SIMPLE and not legal):
                raise LookupError
            return _format(counters.get(k, overrides.get(k, levels[k][0])), "decimal" if legal else levels[k][1])

        try:
            return re.sub(r"%([1-9])", part, text).strip(), level
        except LookupError:
            return "", level
