"""Characters a PDF repeats at one place on most of its pages: a slide deck's footer, a form's printed labels.

A slide holds a title and a few short points, while its footer (the talk's title, the speaker, the date, 'n / N')
runs along every slide: counted with the text, the footer's small type was the most common size, so every line
of the slides read as display type — the slide's points as headings, and a title's digits set in another font a
few points from its CJK text ('2025␣年业绩回顾') as two columns, the gap measured against the footer's size. The
body size is measured without them (``qa.formats.pdf.page.read_pages``).
"""

from __future__ import annotations

from collections import defaultdict

from qa.formats.pdf.lines import _Char

MIN_PAGES = 3  # a document this long or longer can repeat furniture; a letter of two pages cannot tell it
SHARE = 0.5  # on at least this share of the pages, at one place, with the same character


def repeated_chars(pages: list[list[_Char]]) -> set[int]:
    """ids of the characters standing, with the same text, at the same place (1 pt) on ``SHARE`` of the pages."""
    if len(pages) < MIN_PAGES:
        return set()
    where: dict[tuple[str, int, int], set[int]] = defaultdict(set)
    for n, chars in enumerate(pages):
        for c in chars:
            where[(c.text, round(c.x0), round(c.base))].add(n)
    need = max(MIN_PAGES, SHARE * len(pages))
    return {id(c) for chars in pages for c in chars if len(where[(c.text, round(c.x0), round(c.base))]) >= need}
