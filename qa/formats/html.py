"""HTML pages: the main content's blocks, h1–h6 as the section tree, ``<title>`` as the document title.

Why ``lxml`` rather than ``trafilatura``: trafilatura is tuned to keep running text and drops
what it judges peripheral, which includes headings (trailing titles, headings inside lists,
the h1 it moves into metadata) — and a section tree with a heading missing cites the wrong
section. The boilerplate rules here are the usual ones (the elements and ARIA roles HTML defines
for navigation, banners, footers and asides; link lists; scripts and forms), applied to the
``<main>``/``<article>`` element when the page has one.
"""

from __future__ import annotations

import re
from pathlib import Path

from qa.errors import LoadError
from qa.formats.blocks import Block, clean_inline, to_document
from qa.loading import decode_bytes
from qa.records import Document

_DROP_TAGS = {
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "canvas",
    "iframe",
    "form",
    "button",
    "select",
    "nav",
    "aside",
    "menu",
    "dialog",
    "object",
    "embed",
    "head",
}
_DROP_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "dialog"}
_BOILERPLATE = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|sidebar|footer|copyright|share|social|comments?|related|"
    r"advert|ads|banner|pagination|pager|toolbar|skip)(?:$|[\s_-])",
    re.IGNORECASE,
)
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_BLOCK_TAGS = {
    "p",
    "li",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "figcaption",
    "caption",
    "address",
    "summary",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "ul",
    "ol",
    "dl",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "tr",
    "td",
    "th",
    "figure",
    "details",
    "body",
    "center",
    "hr",
    "br",
    *_HEADINGS,
}
_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_-]+)", re.IGNORECASE)
LINK_LIST_SHARE = 0.8  # a list or block whose text is mostly link text is navigation


def _decode(data: bytes, name: str) -> tuple[str, str]:
    """The page's declared charset when it decodes, else the loader's detection (UTF-8, GB18030, Big5)."""
    declared = _CHARSET.search(data[:4096])
    if declared:
        encoding = declared.group(1).decode("ascii").lower()
        encoding = "gb18030" if encoding in ("gb2312", "gbk", "cp936") else encoding
        try:
            return data.decode(encoding), encoding
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(data, name)


def _text(el) -> str:  # noqa: ANN001 - lxml element
    return clean_inline(el.text_content())


def _link_share(el) -> float:  # noqa: ANN001
    total = len(_text(el))
    if not total:
        return 0.0
    return sum(len(_text(a)) for a in el.iter("a")) / total


def _is_boilerplate(el, in_content: bool) -> bool:  # noqa: ANN001
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in _DROP_TAGS or el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    if (el.get("role") or "").lower() in _DROP_ROLES:
        return True
    # A page header is site chrome, an article's <header> holds its h1; footers are chrome either way.
    if (tag == "header" and not in_content) or tag == "footer":
        return True
    marker = f"{el.get('class') or ''} {el.get('id') or ''}"
    if _BOILERPLATE.search(marker) and not any(isinstance(c.tag, str) and c.tag in _HEADINGS for c in el.iter()):
        return True
    return tag in ("ul", "ol", "dl") and _link_share(el) >= LINK_LIST_SHARE


class _Walker:
    """Depth-first walk emitting one block per heading, paragraph, list item or table row."""

    def __init__(self) -> None:
        self.blocks: list[tuple[str, int | None, str]] = []  # (text, heading level, role)
        self._inline: list[str] = []

    def flush(self) -> None:
        text = clean_inline("".join(self._inline))
        self._inline = []
        if text:
            self.blocks.append((text, None, "body"))

    def walk(self, el, in_content: bool) -> None:  # noqa: ANN001
        tag = el.tag if isinstance(el.tag, str) else ""
        if not tag or _is_boilerplate(el, in_content):
            if tag and el.tail:  # text after a dropped element still belongs to its parent
                self._inline.append(el.tail)
            return
        inside = in_content or tag in ("main", "article")
        if tag in _HEADINGS:
            self.flush()
            self.blocks.append((_text(el), _HEADINGS[tag], "heading"))
        elif tag == "tr":
            self.flush()
            cells = [_text(c) for c in el if isinstance(c.tag, str) and c.tag in ("td", "th")]
            self.blocks.append((" | ".join(c for c in cells if c), None, "table"))
        elif tag in ("p", "li", "dd", "dt", "pre", "figcaption", "caption", "address") and not any(
            isinstance(c.tag, str) and c.tag in _BLOCK_TAGS and c.tag != "br" for c in el.iter() if c is not el
        ):
            self.flush()
            if _link_share(el) < LINK_LIST_SHARE or tag == "p":
                self.blocks.append((_text(el), None, "body"))
        elif tag in _BLOCK_TAGS:
            self.flush()
            if el.text:
                self._inline.append(el.text)
            for child in el:
                self.walk(child, inside)
            self.flush()
        else:  # inline element: its text joins the paragraph being collected
            self._inline.append(el.text_content())
        if el.tail:
            self._inline.append(el.tail)


def read_html(path: Path, doc_id: str) -> Document:
    """Blocks of an HTML page's main content; the ``<title>`` heads them unless the page's h1 repeats it."""
    import lxml.html

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LoadError(f"{doc_id}: cannot read ({exc.strerror or exc})") from exc
    text, encoding = _decode(data, doc_id)
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)  # lxml refuses str input that declares an encoding
    try:
        root = lxml.html.document_fromstring(text)
    except Exception as exc:  # lxml raises ParserError/ValueError on documents it cannot parse
        raise LoadError(f"{doc_id}: not a readable HTML page ({exc}), skipped") from exc
    title_el = root.find(".//title")
    title = _text(title_el) if title_el is not None else ""
    body = root.find("body")
    if body is None:
        body = root
    mains = body.xpath(".//main | .//*[@role='main']")
    articles = body.xpath(".//article")
    content = mains[0] if mains else articles[0] if len(articles) == 1 else body
    walker = _Walker()
    walker.walk(content, content is not body)
    walker.flush()
    found = [(t, level, role) for t, level, role in walker.blocks if t]
    first_heading = next((t for t, level, _ in found if level == 1), None)
    blocks: list[Block] = []
    shift = 0
    if title and not (first_heading and (first_heading in title or title in first_heading)):
        blocks.append(Block(title, heading_level=1, role="title"))
        shift = 1
    blocks += [Block(t, heading_level=None if level is None else level + shift, role=role) for t, level, role in found]
    return to_document(blocks, path, doc_id, "html", encoding)
