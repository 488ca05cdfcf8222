"""Heads of a page a word processor exported from a document whose heads are not Heading styles.

A Word document whose heads are set by custom styles or by hand (bold, larger: '制度-一级' 15 pt, '制度-二级'
13 pt) exports to HTML without a single h1–h6: LibreOffice's XHTML export writes each head as ``<p class="P1">``
with the size and weight in the page's stylesheet, its plain HTML export as ``<p><font style="font-size:15pt">
<b>…</b></font></p>`` inside ``<ol><li>`` (the head's list number dropped). Every rule about headings saw one
paragraph after another, and the whole document was one section.

On a page a word processor wrote (its ``generator``, or LibreOffice's XHTML comment) that marks no heading, a short
paragraph without a sentence's end is a head when its type sets it apart from the body text: larger than the
body's size, and bold or much larger. Heads are ranked by size, the largest first. The list label LibreOffice
writes in a block of its own before the head's words ('第一章' of '第一章总则') is kept apart from them by a space.
A hand-written page, or an exported one that marks its headings, is left as it is.
"""

from __future__ import annotations

import re
from collections import Counter

_HEADINGS = tuple(f"h{n}" for n in range(1, 7))
_GENERATOR = re.compile(r"^(?:LibreOffice|OpenOffice|Microsoft Word)", re.IGNORECASE)
_LO_XHTML = "converted to xhtml by LibreOffice"
_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_SIZE = re.compile(r"font-size\s*:\s*([\d.]+)\s*pt", re.IGNORECASE)
_BOLD = re.compile(r"font-weight\s*:\s*(?:bold|[6-9]00)", re.IGNORECASE)
_NORMAL = re.compile(r"font-weight\s*:\s*(?:normal|[1-4]00)", re.IGNORECASE)
DEFAULT_SIZE = 12.0  # points: a word processor's body text where the page names no size
MAX_HEAD = 60  # characters: a head is a title, not a paragraph of text
MUCH_LARGER = 1.3  # a head not set in bold is this much larger than the body (a title in 26 pt over 12 pt text)
_SENTENCE_END = re.compile(r"[。．.；;：:，,！!？?）)]$")
MIN_HEADS = 2  # one larger line over a page is its title, which the page's own rules read (numbered heads under it)
MAX_LEVELS = 4  # head sizes ranked as levels; a page with more sizes than this is styled text, not an outline


def _exported(root) -> bool:  # noqa: ANN001 - lxml root
    for meta in root.iter("meta"):
        if (meta.get("name") or "").lower() == "generator" and _GENERATOR.match(meta.get("content") or ""):
            return True
    return any(_LO_XHTML in (c.text or "") for c in root.iter() if not isinstance(c.tag, str))


def _stylesheet(root) -> dict[str, tuple[float | None, bool | None]]:  # noqa: ANN001 - lxml root
    """Size and weight of each class (and of 'p', the default paragraph) the page's ``<style>`` names."""
    styles: dict[str, tuple[float | None, bool | None]] = {}
    for style in root.iter("style"):
        for selectors, body in _RULE.findall(style.text or ""):
            size = _SIZE.search(body)
            bold = True if _BOLD.search(body) else False if _NORMAL.search(body) else None
            for selector in selectors.split(","):
                name = selector.strip()
                key = "p" if name == "p" else name.split(".", 1)[1] if "." in name and " " not in name else None
                if key:
                    styles[key] = (float(size.group(1)) if size else styles.get(key, (None, None))[0], bold)
    return styles


def _look(el, styles: dict, outer: tuple[float | None, bool]) -> tuple[float | None, bool]:  # noqa: ANN001
    """The size and weight ``el`` sets its text in, given those it inherits."""
    size, bold = outer
    for name in (el.get("class") or "").split():
        own_size, own_bold = styles.get(name, (None, None))
        size = own_size or size
        bold = bold if own_bold is None else own_bold
    style = el.get("style") or ""
    found = _SIZE.search(style)
    size = float(found.group(1)) if found else size
    bold = True if el.tag in ("b", "strong") or _BOLD.search(style) else False if _NORMAL.search(style) else bold
    return size, bold


def _text_looks(el, styles: dict, look: tuple[float | None, bool], out: Counter) -> None:  # noqa: ANN001
    """Counts each character of ``el``'s text by the (size, bold) it is set in."""
    look = _look(el, styles, look)
    out[look] += len(re.sub(r"\s+", "", el.text or ""))
    for child in el:
        if isinstance(child.tag, str):
            _text_looks(child, styles, look, out)
        out[look] += len(re.sub(r"\s+", "", child.tail or ""))


def word_processor_heads(root, body) -> None:  # noqa: ANN001 - lxml root and <body>
    """Marks the heads of an exported page that marks none as h1–h4 (see the module's docstring)."""
    if next(body.iter(*_HEADINGS), None) is not None or not _exported(root):
        return
    styles = _stylesheet(root)
    base = (styles.get("p", (None, None))[0] or DEFAULT_SIZE, False)
    for label in body.xpath(".//span[starts-with(@class, 'ListLabel')]"):
        label.tail = " " + (label.tail or "").lstrip()  # '第一章' + '总则': two words, as the document shows them
    paragraphs = [p for p in body.iter("p") if next(p.iterancestors("table"), None) is None]
    looks: dict = {}
    body_text: Counter = Counter()
    for p in paragraphs:
        counts: Counter = Counter()
        _text_looks(p, styles, base, counts)
        counts = Counter({k: n for k, n in counts.items() if n})
        if not counts:
            continue
        size = max(s or base[0] for s, _ in counts)
        looks[p] = (size, all(b for _, b in counts), counts)
        for (s, _), n in counts.items():
            body_text[s or base[0]] += n
    if not body_text:
        return
    body_size = body_text.most_common(1)[0][0]
    heads = {}
    for p, (size, bold, _) in looks.items():
        text = re.sub(r"\s+", " ", p.text_content()).strip()
        if not text or len(text) > MAX_HEAD or _SENTENCE_END.search(text):
            continue
        if size > body_size and (bold or size >= MUCH_LARGER * body_size):
            heads[p] = size
    sizes = sorted(set(heads.values()), reverse=True)
    if len(heads) < MIN_HEADS or len(sizes) > MAX_LEVELS:
        return
    for p, size in heads.items():
        p.tag = f"h{sizes.index(size) + 1}"
