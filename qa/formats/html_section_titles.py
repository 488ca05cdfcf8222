"""A ``<section>`` titled by a class-named block: '<section><div class="sec-title">年假</div><p>…</p></section>'.

Page builders and hand-written templates open each part of a page with a ``<div>`` styled as its title
('chapter-title', 'sec-title', 'section-heading', 'card-title') instead of an h1–h6. Read as text, only what some
other rule found (a '第一章' line) headed a section, and every answer under the titled parts was cited at the level
of the chapter holding them. Here such a block is read as the heading of the section it opens: it is the first thing
in the ``<section>`` (no text before it), its class or id names a title (``_TITLE_WORDS``, whole words of the marker
as ``qa.formats.html`` splits markers), it is one short line with no sentence end (``is_bare_heading``) and holds
no block, and the section has text after it. Its level is one below the nearest enclosing section titled so (or by
an h1–h6 opening it); a titled section inside none is at the page's top (under its h1 when it has one).
"""

from __future__ import annotations

from qa.formats.html_markers import HEADINGS, element_words
from qa.structure.headings import is_bare_heading

_TITLE_WORDS = {"title", "heading", "headline", "hd", "tit"}
_NOTE_WORDS = {"tip", "tips", "note", "notes", "hint", "desc", "caption", "remark"}  # 'title-tip': a note under a title
_TITLE_TAGS = {"div", "p", "span", "strong", "b"}
_BLOCKS = {"p", "div", "ul", "ol", "dl", "table", "section", "article", "li", "pre", "blockquote", *HEADINGS}


def _names_title(el) -> bool:  # noqa: ANN001 - lxml element
    words = element_words(el)
    return any(w in _TITLE_WORDS for w in words) and not any(w in _NOTE_WORDS for w in words)


def _opening(section):  # noqa: ANN001, ANN202 - lxml <section>, its first element or None
    """The section's first element when nothing (no text) comes before it."""
    if (section.text or "").strip():
        return None
    return next((c for c in section if isinstance(c.tag, str)), None)


def _level_of(section, page_has_h1: bool) -> int:  # noqa: ANN001 - lxml <section>
    for outer in section.iterancestors("section", "article"):
        first = _opening(outer)
        if first is not None and first.tag in HEADINGS:
            return min(6, HEADINGS[first.tag] + 1)
    return 2 if page_has_h1 else 1


def section_titles_as_headings(body) -> None:  # noqa: ANN001 - lxml <body>
    """Makes each class-named title block opening a ``<section>`` that section's heading (see the module's words),
    outer sections first so an inner one's level follows its parent's."""
    page_has_h1 = next(body.iter("h1"), None) is not None
    for section in list(body.iter("section")):  # (document order: an outer section before those inside it)
        first = _opening(section)
        if first is None or first.tag not in _TITLE_TAGS or not _names_title(first):
            continue
        text = " ".join(first.text_content().split())
        if (
            not text
            or not is_bare_heading(text)
            or any(isinstance(d.tag, str) and d.tag in _BLOCKS for d in first.iterdescendants())
        ):
            continue
        rest = (first.tail or "") + "".join(
            c.text_content() + (c.tail or "") for c in first.itersiblings() if isinstance(c.tag, str)
        )
        if not rest.strip():
            continue  # a title over nothing is no section's heading
        first.tag = f"h{_level_of(section, page_has_h1)}"
