"""The title of a page a word processor exported: its placeholder ``<title>`` and its Title-style paragraph.

LibreOffice's XHTML export of a document without a title property writes ``<title>- no title specified</title>``
(its XSLT's placeholder), and the page's title was filed as '- no title specified' over every section. The
document's title is its Title-style paragraph, which the export writes as ``<p class="Title">`` (LibreOffice's
style name; Word's own "Save as Web Page" writes ``class=MsoTitle``) and which was read as the first line of
body text. Where the ``<title>`` names nothing, that paragraph titles the page. A ``<title>`` of the page's own
('Title specified by the author', '标题设置说明') is kept, and a paragraph of another class is text.
"""

from __future__ import annotations

import re

from qa.formats.blocks import clean_inline

# LibreOffice's odf2xhtml placeholder for a document without a title (filter/source/xslt/odf2xhtml)
_PLACEHOLDER = re.compile(r"-?\s*no title specified", re.IGNORECASE)
_TITLE_CLASSES = {"Title", "MsoTitle"}  # the Title paragraph style as LibreOffice and Word export it
_HEADINGS = tuple(f"h{n}" for n in range(1, 7))


def placeholder_title(title: str) -> bool:
    """Whether a ``<title>`` is an exporter's placeholder, not a title."""
    return bool(_PLACEHOLDER.fullmatch(title.strip()))


def exported_title(title: str, body) -> str:  # noqa: ANN001 - lxml <body>
    """The page's title: its ``<title>``, or where that names nothing (empty, a placeholder), the Title-style
    paragraph before the page's first heading, taken out of the body so it is not read twice. '' when neither
    names one."""
    if title.strip() and not placeholder_title(title):
        return title
    for el in body.iter("p", *_HEADINGS):
        if el.tag != "p":
            return ""  # a Title paragraph after a heading is not the page's title
        if set((el.get("class") or "").split()) & _TITLE_CLASSES and clean_inline(el.text_content()):
            text = clean_inline(el.text_content())
            el.drop_tree()
            return text
    return ""
