"""Fold look-alike code points to the ordinary CJK ideographs they stand for.

Many Chinese PDFs carry, in their text layer, Kangxi radicals (U+2F00–U+2FD5: '⼀' for 一, '⽇' for 日,
'⾏' for 行) or CJK compatibility ideographs (U+F900–U+FAFF, U+2F800–U+2FA1F) where the page shows the
ordinary character: the font maps both code points to one glyph and the PDF writer picked the other one.
Text copied from such a PDF into Word or a web page keeps them. They print the same and are different
characters, so a question typed with ordinary characters never matches the passage (jieba, BM25 and the
encoder's vocabulary all see other characters), and '第⼀章' is no chapter number to the outline rules.

Unicode's compatibility decomposition (NFKC) maps each of them to one unified ideograph; only these blocks
are folded, one character for one, so offsets and line numbers do not move. NFKC over the whole text would
also turn full-width punctuation ('，' '：') into ASCII and change what the document says.
"""

from __future__ import annotations

import unicodedata

_BLOCKS = (
    (0x2E80, 0x2EFF),  # CJK radicals supplement (two of them decompose)
    (0x2F00, 0x2FDF),  # Kangxi radicals
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0x2F800, 0x2FA1F),  # CJK compatibility ideographs supplement
)


def _fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for low, high in _BLOCKS:
        for code in range(low, high + 1):
            folded = unicodedata.normalize("NFKC", chr(code))
            if len(folded) == 1 and folded != chr(code):
                table[code] = folded
    return table


FOLD = _fold_table()  # code point -> the ideograph it looks like; for str.translate


def fold_ideographs(text: str) -> str:
    """``text`` with Kangxi radicals and compatibility ideographs as the ordinary ideographs (same length)."""
    return text.translate(FOLD)


def fold_code(code: int) -> str:
    """One code point read from a PDF's text layer, folded (a character's text, as the PDF reader keeps it)."""
    return FOLD.get(code) or chr(code)
