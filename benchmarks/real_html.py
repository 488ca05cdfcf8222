"""Sections of REAL web pages and Word files, written by other people, against the authors' own markup.

``python benchmarks/real_html.py`` prints one table: per family of documents, per split (TUNING /
REPORT), how well ``qa.formats.read_structured`` + ``qa.structure.recover_outline`` recover the
sections the author marked up. ``--diagnose`` lists what went wrong on TUNING documents only.

The documents are Debian packages' HTML (none is in the repository). The five Chinese documentation packages are
pinned (``PACKAGES``: Debian 12's versions, about 91 MB of .deb) and fetched by the benchmark itself on its first
run — ``apt-get download pkg=version`` and ``dpkg-deb -x`` into ``$XDG_CACHE_HOME/qa-real-html`` (``~/.cache/…``;
``QA_REAL_HTML_DEBS`` names another folder), no root needed, nothing installed — so every machine reads the same
pages; a page is named by its installed path (``/usr/share/…``) wherever it was unpacked, so samples and splits are
those of an installed package. Where apt cannot fetch (offline, another distribution, a version gone from the
archive) the benchmark says so and reads what is installed; with neither it skips with a one-line message naming
the packages (CI has them not). ``--no-fetch`` reads only what is installed or already unpacked:

- Debian Reference, Simplified Chinese (``debian-reference-zh-cn``; DocBook XSL, one file a chapter);
- the Debian Edu manuals, Simplified Chinese (``debian-edu-doc-zh-cn``; DocBook XSL, one big page each);
- the GIMP manual, Simplified Chinese (``gimp-help-zh-cn``; DocBook XSL with GIMP's own customisation),
  a deterministic sample;
- the LibreOffice help, Simplified Chinese (``libreoffice-help-zh-cn``; LibreOffice's own XSLT from
  .xhp — a second producer family, HTML5 with header/aside/footer chrome), a deterministic sample;
- the LinuxCNC G-code quick reference, Simplified Chinese (``linuxcnc-doc-zh-cn``; hand-written XHTML);
- English (and other) HTML under /usr/share/doc: Docutils, DocBook, Doxygen, TeX4ht, hand-written …,
  at most ``PER_PACKAGE`` files a package, a deterministic sample, of the packages in ``ENGLISH_PACKAGES`` only (what
  is installed differs between machines; the output says how many pages and packages it read and which listed
  package has no HTML here);
- DOCX written by a real word processor: a sample of the Chinese pages above opened by LibreOffice
  Writer and saved as Word 2007 XML (``soffice --convert-to docx``; headings carry Word's Heading N
  styles as LibreOffice writes them, tables, lists, preformatted text), and the same pages written by a
  second DOCX writer, pandoc (``pandoc -f html -t docx``: the page's <title> as Title, First Paragraph /
  Compact / Source Code styles; Debian package ``pandoc``, skipped when absent). Their gold is the source
  page's.
- a source this project did not design (``--only latex``): the Chinese LaTeX manuals in texlive-doc
  (lshort-zh-cn's chapters, install-latex-guide-zh-cn, ctex-faq; one file a document). pandoc reads each and
  writes the gold page (HTML5: the authors' \\chapter … \\subsubsection as h1–h6), a DOCX, and an ODT that
  LibreOffice saves as DOCX (its ODT→Word export, not its HTML import); the three are scored against the
  same gold. Footnote numbers (DPUB ``doc-noteref``/``doc-backlink`` links) are found with or without them,
  like hidden phrases: a Word file writes them as footnote references, not text.

**Split.** Each document is TUNING or REPORT by a fixed hash of its source name (``split_of``); a
DOCX made from a page is in the page's split. Both are printed, labelled; reader fixes are diagnosed
on TUNING documents only (``--diagnose`` refuses the others).

**Gold, from the author's markup, independent of our reader** (``gold_of``, lxml's HTML parser, its
own walk; it never calls ``qa.formats``):

- *Headings*: every ``h1``–``h6`` outside navigation with text; they nest by level (a heading closes
  every open heading of its level or deeper), which gives each heading its path of titles.
- *Content paragraphs*: the text a block element owns — ``p li dt dd pre blockquote td th caption
  figcaption address div section article main body table tr ul ol dl figure details summary header
  footer center`` — without the text of the block elements nested in it (a ``td`` holding two ``p`` is two
  paragraphs; inline markup such as ``a code strong span`` is part of its block's text). Each is filed
  under the path of the headings open before it in document order.
- *Navigation* (counted apart, never content): what HTML and ARIA define as navigation and page chrome —
  ``nav``, ``aside``, ``menu``; ``header``/``footer`` not inside ``main``/``article``/``section``/``aside``/
  ``nav`` (ARIA's implicit banner / contentinfo); roles navigation, banner, contentinfo, complementary,
  search, menu, menubar, toolbar; an element whose class or id names navigation (a word ``nav…``,
  ``toc``, ``breadcrumb(s)``, ``menu``, ``sidebar``, ``skip``, ``pager``, ``pagination``,
  split at ``-``/``_``/case changes: DocBook's ``navheader``/``navfooter``/``toc``, LibreOffice's
  ``contents-treeview``); and a link block — a ``ul ol dl table div`` with at least two links whose text is
  ≥ 90% link text (letters counted, so an entry's numbering does not count) pointing inside the same set of
  pages (relative or ``#`` links): a table of contents, an index, a menu of sibling pages (never a block
  holding a heading: a page whose links outweigh its text is still a page); a block (also a ``p``) whose two
  or more links all carry a navigation link type (``rel`` next, prev, up, contents, index …: Texinfo's
  "Next: …, Up: …" node header). A list of external links (a "see also" of URLs) is content.
- *Notes*: a footnote or endnote (an element with a DPUB role ``doc-footnote``/``doc-endnote``, or an item with
  an id in a ``doc-footnotes``/``doc-endnotes`` list: pandoc's ``<section class="footnotes">`` at the page's
  end) belongs to the sentence that refers to it: it is filed under the path of the block (paragraph, item,
  table row, heading) whose link first points at it, right after that block (``note_places``) — where a Word
  file prints it (the foot of the citing page), not under whatever section the page's list of notes ends.
  A note nothing links to stays where it is.
- *Not text at all* (in neither count): ``head``, ``script``, ``style``, ``noscript``, ``template``,
  ``svg``, ``math``, form controls; ``aria-hidden="true"`` or ``display:none`` elements (a hidden phrase
  inside a paragraph may be read or not: either reading is found). Elements with the ``hidden`` attribute
  ARE text: pages reveal them by script — LibreOffice's help hides every application's and platform's part
  of a page ("在 Calc 中…", the macOS and the other menu path, "要访问此命令…") and shows one; the words and
  headings are the author's.

**Metrics** (text compared with all whitespace and ``|`` removed):

- heading R / P: gold headings (by their full path of titles) found among ours, and ours found in the
  gold; our page-title heading (``<title>``, role "title", a document-title policy) is left out of ours
  and out of our paths;
- para→section: of the gold content paragraphs found in our text, the share our outline files under
  exactly the gold path (a paragraph we turned into a heading counts wrong);
- content recall: share of gold content characters found in our paragraphs (in document order);
- nav kept: share of our text (pieces between ``|``) that is gold navigation and no gold content;
- gold nav: share of the page's text the gold calls navigation (what gold drops);
- docs exact: documents whose headings are all right (R = P = 1) and every found paragraph is filed
  under its gold path — the issue's "sections exact".

**A Word file's gold** is what a Word file can carry (``score(..., written=)``), decided from the file, never
from our reader: a gold paragraph whose text appears nowhere in the file's body (every ``w:t``/``m:t`` of
word/document.xml, read with zipfile and lxml) was not written by the converter — pandoc drops some tables —
and is not asked for; a heading we read whose words are an h1–h6 of the page's navigation (LibreOffice help's
footer "Help content debug info:" h3, which both converters write as Heading 3) is excused, neither right nor
wrong: HTML marks it as chrome, Word has no way to. Content filed under such a heading still counts wrong. The
last column counts both and prints the exact count with the excused headings counted wrong.

**Baseline in the same run** (``plain`` rows): what a careless extraction leaves — the page's text nodes
one per line (HTML, lxml ``itertext`` without scripts and styles) or the Word file's paragraphs
(python-docx, no styles) — through the plain-text structure stage, which must guess every heading.

Run time: about 45 s CPU (277 documents; 95 s wall on a machine loaded 6–9; ``--scale 3``: 597 documents, 190 s
CPU), plus LibreOffice and pandoc runs for the DOCX the first time (cached in ``--cache``). ``--split TUNING``
scores the tuning documents alone (while fixing); ``--scale K`` samples K times as many pages, the default
sample's first.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from qa.errors import LoadError  # noqa: E402
from qa.records import Outline  # noqa: E402

PACKAGES = {  # the Chinese pages' packages, pinned: Debian 12 "bookworm" (its main archive as of 2026-12-01)
    "debian-reference-zh-cn": "2.100",
    "debian-edu-doc-zh-cn": "2.12.23~deb12u1",
    "gimp-help-zh-cn": "2.10.34-2",
    "libreoffice-help-zh-cn": "4:7.4.7-1+deb12u14",
    "linuxcnc-doc-zh-cn": "2.9.0~pre1+git20230208.f1270d6ed7-1+deb12u2",
}
DEBS = Path(
    os.environ.get("QA_REAL_HTML_DEBS")
    or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "qa-real-html"
)  # each pinned package unpacked under DEBS/<package>_<version>/ (its usr/share/… tree)
PER_PACKAGE = 5  # English sample: at most this many files of one package
# The /usr/share/doc folders the English sample reads (each a Debian package's; texlive-doc is filled by several
# texlive packages): every folder holding HTML on the machine of 2026-12-01 (the base image, `make install-test` and
# the producers' install scripts). The sample used to take whatever was installed, so a package installed for another
# reason changed the figure: scripts/install-scribus.sh pulls libgdal32 and with it libarmadillo11, whose docs.html
# entered the REPORT sample (heading P 1.000 in the README's table, 0.916 with it). A listed folder without HTML here is
# named and left out; a folder not listed is not read.
ENGLISH_PACKAGES = (
    "adduser",
    "base-passwd",
    "bc",
    "bzip2",
    "fontconfig",
    "gcc-12-base",
    "libarmadillo11",
    "libexpat1-dev",
    "libffi8",
    "libjs-underscore",
    "libjson-c5",
    "libreoffice-common",
    "libxslt1-dev",
    "nettle-dev",
    "ninja-build",
    "nodejs",
    "python3",
    "shared-mime-info",
    "texlive-base",
    "texlive-doc",
    "time",
    "valgrind",
    "xtrans-dev",
    "zlib1g-dev",
)
SAMPLE = {"gimp": 40, "lohelp": 40, "english": 50}
DOCX_SAMPLE = {"debref": 6, "gimp": 8, "lohelp": 8, "edu": 1, "cnc": 1}  # sources converted to DOCX, per family
MAX_BYTES = 1_500_000
LINK_SHARE = 0.9

# ---- gold from the author's markup ------------------------------------------------------------------

_SKIP = {
    "head",
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "math",
    "select",
    "option",
    "button",
    "input",
    "textarea",
    "object",
    "embed",
    "iframe",
    "canvas",
    "title",
    "meta",
    "link",
}
_BLOCKS = {
    "p",
    "li",
    "dt",
    "dd",
    "pre",
    "blockquote",
    "td",
    "th",
    "caption",
    "figcaption",
    "address",
    "div",
    "section",
    "article",
    "main",
    "body",
    "table",
    "tr",
    "thead",
    "tbody",
    "tfoot",
    "ul",
    "ol",
    "dl",
    "figure",
    "details",
    "summary",
    "header",
    "footer",
    "center",
    "html",
    "form",
    "fieldset",
    "nav",
    "aside",
    "menu",
    "hr",
    "colgroup",
}
_HEADING = {f"h{n}": n for n in range(1, 7)}
_NAV_TAGS = {"nav", "aside", "menu"}
_NAV_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "toolbar"}
_NAV_WORD = re.compile(r"^(?:nav\w*|toc|breadcrumbs?|menu|sidebar|skip|pager|pagination)$")
_NAV_RELS = {"next", "prev", "previous", "up", "contents", "toc", "index", "first", "last", "start", "home"}
_SECTIONING = {"main", "article", "section", "aside", "nav"}
_WS = re.compile(r"\s+")


def norm(text: str) -> str:
    """Text for matching: no whitespace, no table-cell bars."""
    return _WS.sub("", text).replace("|", "")


def _words(marker: str) -> list[str]:
    marker = re.sub(r"([a-z])([A-Z])", r"\1 \2", marker)
    return [w for w in re.split(r"[\s_\-]+", marker.lower()) if w]


def _letters(text: str) -> int:
    """Letters only (any script): an entry's numbering '1.5.' is not text outside its link."""
    return sum(1 for c in text if c.isalpha())


def _internal(href: str) -> bool:
    return bool(href) and not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", href)


@dataclass
class GoldPara:
    text: str  # normalised, as shown
    path: tuple[str, ...]  # normalised heading titles
    alt: str = ""  # with its hidden phrases, when it has any: found either way


@dataclass
class Gold:
    headings: list[tuple[str, ...]] = field(default_factory=list)  # full paths, document order
    paragraphs: list[GoldPara] = field(default_factory=list)
    nav: list[str] = field(default_factory=list)  # normalised navigation blocks
    nav_headings: set[str] = field(default_factory=set)  # h1–h6 inside navigation (a Word file cannot mark them)
    order: list[tuple[int, int]] = field(default_factory=list)  # (0 heading / 1 paragraph, its index), in order


def _is_nav(el) -> bool:  # noqa: ANN001 - lxml element
    tag = el.tag
    if tag in _NAV_TAGS:
        return True
    if (el.get("role") or "").strip().lower() in _NAV_ROLES:
        return True
    if tag in ("header", "footer") and not any(a.tag in _SECTIONING for a in el.iterancestors()):
        return True
    marker = f"{el.get('class') or ''} {el.get('id') or ''}"
    if any(_NAV_WORD.match(w) for w in _words(marker)):
        return True
    if tag in ("ul", "ol", "dl", "table", "div", "p") and not any(h.tag in _HEADING for h in el.iterdescendants()):
        links = [a for a in el.iter("a") if a.get("href") is not None]
        if len(links) >= 2 and all(set((a.get("rel") or "").lower().split()) & _NAV_RELS for a in links):
            return True  # links typed as moving between a document's parts (Texinfo's Next/Previous/Up)
        if tag == "p":
            return False
        if len(links) >= 2:
            total = _letters(el.text_content())
            inside = sum(_letters(a.text_content()) for a in links if _internal(a.get("href", "")))
            if total and inside / total >= LINK_SHARE:
                return True
    return False


class _Hidden(str):
    """Text of a hidden inline element: part of the paragraph's alternative reading only."""


def _holds_blocks(el) -> bool:  # noqa: ANN001
    return any(isinstance(d.tag, str) and (d.tag in _BLOCKS or d.tag in _HEADING) for d in el.iterdescendants())


_MARK_ROLES = {"doc-noteref", "doc-backlink"}  # DPUB-ARIA: a footnote's number in the text, its way back


def _hidden(el) -> bool:  # noqa: ANN001
    style = (el.get("style") or "").replace(" ", "").lower()
    return el.get("aria-hidden") == "true" or "display:none" in style


def _mark(el) -> bool:  # noqa: ANN001
    """A footnote reference or back link: a mark a Word file writes as a field or a footnote reference, not
    as text — like a hidden phrase, the paragraph is found with it or without it."""
    return (el.get("role") or "").strip().lower() in _MARK_ROLES


def _unmarked_text(el) -> str:  # noqa: ANN001
    """An element's text without its footnote marks: a heading citing a note ('安装¹') is titled '安装' in a Word
    file, which writes the mark as a footnote reference, not text."""
    parts = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str) and not _mark(child):
            parts.append(_unmarked_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _parse(data: bytes):  # noqa: ANN202 - lxml root
    import lxml.html

    head = data[:4096].lower()
    declared = b"charset" in head or head.lstrip().startswith(b"<?xml")
    if not declared:
        try:
            data.decode("utf-8")
            parser = lxml.html.HTMLParser(encoding="utf-8")
            return lxml.html.document_fromstring(data, parser=parser)
        except UnicodeDecodeError:
            pass
    return lxml.html.document_fromstring(data)


_NOTE_ROLES = {"doc-footnote", "doc-endnote"}  # DPUB-ARIA: a note
_NOTE_LISTS = {"doc-footnotes", "doc-endnotes"}  # DPUB-ARIA: the list of a page's notes
_ANCHOR_BLOCKS = {"p", "li", "dd", "dt", "pre", "blockquote", "figcaption", "caption", "address", "tr", *_HEADING}


def note_places(root) -> dict:  # noqa: ANN001 - lxml root
    """Where each footnote/endnote belongs: {block that first refers to it: [notes]}.

    A note (an element with a DPUB note role, or an item with an id in a DPUB notes list — pandoc writes
    ``<section role="doc-endnotes"><ol><li id="fn1" role="doc-endnote">``) belongs to the sentence that refers
    to it (a link to its id), not to the section that happens to be open where the page lists the notes: a
    Word file prints a footnote at the foot of the page citing it, and the author wrote it for that sentence.
    The gold files it under the path of the block (paragraph, item, table row, heading) that first refers to
    it, right after that block; a note nothing refers to stays where it is."""
    notes = {}
    for el in root.iter():
        if not isinstance(el.tag, str) or not el.get("id"):
            continue
        role = (el.get("role") or "").strip().lower()
        listed = el.tag == "li" and any(
            (a.get("role") or "").strip().lower() in _NOTE_LISTS for a in el.iterancestors()
        )
        if role in _NOTE_ROLES or listed:
            notes[el.get("id")] = el
    places: dict = {}
    seen: set[str] = set()
    for a in root.iter("a"):
        target = (a.get("href") or "").strip()
        if not target.startswith("#") or target[1:] not in notes or target[1:] in seen:
            continue
        note = notes[target[1:]]
        if any(b is note for b in a.iterancestors()):
            continue
        block = next((b for b in a.iterancestors() if b.tag in _ANCHOR_BLOCKS), None)
        if block is not None and block.tag in ("td", "th"):
            block = next((b for b in block.iterancestors() if b.tag == "tr"), block)
        if block is None:
            continue
        seen.add(target[1:])
        places.setdefault(block, []).append(note)
    return places


_PERMALINK_SIGN = re.compile(r"[\s¶#§🔗⚓\ufe0f\u200b]+")


def _without_permalinks(root) -> None:  # noqa: ANN001 - lxml root
    """Drops a heading's permalink anchor — a link within the page whose text is only a sign ('¶' of Sphinx's
    ``headerlink``, '#' of Node.js's and MkDocs' marks, '§', '🔗') — before the gold is read: the sign is a control
    the generator adds to every heading, not a word of the author's heading ('Cluster#' is the heading 'Cluster')."""
    for a in list(root.iter("a")):
        sign = (a.get("href") or "").strip().startswith("#") and _PERMALINK_SIGN.fullmatch(a.text_content() or "")
        if sign and any(isinstance(p.tag, str) and p.tag.lower() in _HEADING for p in a.iterancestors()):
            a.drop_tree()


def gold_of(data: bytes) -> Gold:
    """Headings, content paragraphs (with their heading path) and navigation of one HTML page (a heading's
    permalink sign is no part of it: ``_without_permalinks``)."""
    root = _parse(data)
    _without_permalinks(root)
    gold = Gold()
    places = note_places(root)
    placed = {n for notes in places.values() for n in notes}  # lxml elements hash by identity
    stack: list[tuple[int, str]] = []

    def path() -> tuple[str, ...]:
        return tuple(t for _, t in stack)

    def emit(own: list[str], nav: bool) -> None:
        text = norm("".join(t for t in own if not isinstance(t, _Hidden)))
        alt = norm("".join(own))
        own.clear()
        if text or alt:
            if nav:
                gold.nav.append(alt)
            else:
                gold.order.append((1, len(gold.paragraphs)))
                gold.paragraphs.append(GoldPara(text, path(), alt if alt != text else ""))

    def walk(el, nav: bool, sink: list[str]) -> None:  # noqa: ANN001 - sink: the owning block's text
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        structural = bool(tag) and (tag in _BLOCKS or tag in _HEADING or _holds_blocks(el))
        if el in placed and not placing:  # read after the block that refers to it
            if el.tail:
                sink.append(el.tail)
            return
        if not tag or tag in _SKIP or (_hidden(el) and structural):
            if el.tail:
                sink.append(el.tail)
            return
        if _hidden(el) or _mark(el):  # a hidden phrase (the words a script shows instead of others), a mark
            sink.append(_Hidden(el.text_content()))
            if el.tail:
                sink.append(el.tail)
            return
        if not nav and _is_nav(el) and not structural:  # an inline link such as "skip to content"
            text = norm(el.text_content())
            if text:
                gold.nav.append(text)
            if el.tail:
                sink.append(el.tail)
            return
        nav = nav or _is_nav(el)
        if tag in _HEADING:
            text = norm(_unmarked_text(el))
            if nav:
                if text:
                    gold.nav.append(text)
                    gold.nav_headings.add(text)
            elif text:
                level = _HEADING[tag]
                while stack and stack[-1][0] >= level:
                    stack.pop()
                stack.append((level, text))
                gold.order.append((0, len(gold.headings)))
                gold.headings.append(path())
        elif structural:  # its own text between nested blocks is a paragraph each
            if tag not in _BLOCKS:  # an inline element wrapping blocks (invalid, common): it parts the text
                emit(sink, nav)
            own: list[str] = [el.text or ""]
            for child in el:
                if isinstance(child.tag, str) and (
                    child.tag.lower() in _BLOCKS or child.tag.lower() in _HEADING or _holds_blocks(child)
                ):
                    emit(own, nav)
                walk(child, nav, own)
            emit(own, nav)
        else:  # inline: its text (and its inline children's) joins the owning block
            sink.append(el.text or "")
            for child in el:
                walk(child, nav, sink)
        if el in places and (tag in _HEADING or structural):
            for note in places.pop(el):
                placing.append(note)
                walk(note, nav, [])
                placing.pop()
        if el.tail:
            sink.append(el.tail)

    placing: list = []  # the note being read after its block (a note inside it is read in place)
    body = root.find("body")
    walk(body if body is not None else root, False, [])
    return gold


# ---- our reading ------------------------------------------------------------------------------------


@dataclass
class Reading:
    """Our paragraphs in order with the (title-less, normalised) path each is filed under; None = a heading."""

    texts: list[str]
    paths: list[tuple[str, ...] | None]
    headings: list[tuple[str, ...]]
    raw: list[str]


def reading_of(outline: Outline) -> Reading:
    paras = outline.paragraphs
    path_of: dict[int, tuple[str, ...]] = {}
    for section in outline.sections:
        for i in section.paragraphs:
            path_of[i] = section.path
    titles = {norm(p.text) for p in paras if p.role_hint == "title" and p.heading_level is not None}
    stack: list[tuple[int, str]] = []
    headings: list[tuple[str, ...]] = []
    heading_ids: set[int] = set()
    if not any(p.heading_level is not None for p in paras):
        # plain text (the baseline): the structure stage's headings carry no level; their paths are the
        # sections' paths and every prefix of one
        heading_ids = {p.index for p in paras if outline.roles.get(p.index) == "heading"}
        seen: set[tuple[str, ...]] = set()
        for section in outline.sections:
            for k in range(1, len(section.path) + 1):
                path = tuple(norm(t) for t in section.path[:k])
                if path not in seen:
                    seen.add(path)
                    headings.append(path)
    for p in paras:
        if p.heading_level is None or outline.roles.get(p.index) != "heading":
            continue
        heading_ids.add(p.index)
        if p.role_hint == "title":
            continue
        while stack and stack[-1][0] >= p.heading_level:
            stack.pop()
        stack.append((p.heading_level, norm(p.text)))
        headings.append(tuple(t for _, t in stack))
    texts, paths, raw = [], [], []
    for p in paras:
        # the <title> line our reader puts first is the document's name, not text of the page
        texts.append("" if p.role_hint == "title" and p.heading_level is not None else norm(p.text))
        raw.append(p.text)
        if p.index in heading_ids or p.index not in path_of:
            paths.append(None)
            continue
        full = tuple(norm(t) for t in path_of[p.index])
        if full and full[0] in titles:
            full = full[1:]
        paths.append(full)
    return Reading(texts, paths, headings, raw)


# ---- scoring ----------------------------------------------------------------------------------------


@dataclass
class Score:
    docs: int = 0
    exact_docs: int = 0
    gold_headings: int = 0
    found_headings: int = 0
    our_headings: int = 0
    right_headings: int = 0
    gold_paras: int = 0
    found_paras: int = 0
    right_paras: int = 0
    gold_chars: int = 0
    found_chars: int = 0
    our_chars: int = 0
    nav_chars: int = 0
    page_chars: int = 0
    page_nav_chars: int = 0
    failed: int = 0
    strict_exact: int = 0  # exact with the excused navigation headings counted wrong
    word_docs: int = 0  # documents scored as Word files (with what the file holds)
    lost_paras: int = 0  # gold paragraphs the converter did not write into the Word file (not scored)
    chrome_headings: int = 0  # our headings that are the page's navigation headings, styled so in Word (excused)
    problems: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in self.__dataclass_fields__:
            if name == "problems":
                self.problems += other.problems
            else:
                setattr(self, name, getattr(self, name) + getattr(other, name))


def _multiset_hits(wanted: list[tuple[str, ...]], have: list[tuple[str, ...]]) -> tuple[int, list[tuple[str, ...]]]:
    pool: dict[tuple[str, ...], int] = {}
    for h in have:
        pool[h] = pool.get(h, 0) + 1
    hits, missed = 0, []
    for w in wanted:
        if pool.get(w, 0) > 0:
            pool[w] -= 1
            hits += 1
        else:
            missed.append(w)
    return hits, missed


def _increasing(items: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Longest run of (gold index, position) pairs whose positions increase with the gold order."""
    import bisect

    tails: list[int] = []  # smallest position ending an increasing run of each length
    tail_at: list[int] = []
    back: list[int] = [-1] * len(items)
    for k, (_, pos) in enumerate(items):
        j = bisect.bisect_left(tails, pos)
        if j == len(tails):
            tails.append(pos)
            tail_at.append(k)
        else:
            tails[j] = pos
            tail_at[j] = k
        back[k] = tail_at[j - 1] if j else -1
    out: list[tuple[int, int]] = []
    k = tail_at[-1] if tail_at else -1
    while k >= 0:
        out.append(items[k])
        k = back[k]
    return out[::-1]


ANCHOR = 20  # characters: a gold paragraph this long found once in our text pins the alignment


def locate(texts: list[str], joined: str, alts: list[str] | None = None) -> list[int]:
    """Where each gold paragraph starts in our joined text (-1: not there), read in document order.

    Long paragraphs found exactly once anchor the alignment (the longest run of them in increasing
    order); every other paragraph is looked for after the previous one, before the next anchor, so a
    short repeated text ('Added in: v0.7.0', '提示') is found at its own place, not at its first copy.
    A long paragraph found only elsewhere still counts as present (its section judged where it was found).
    ``alts``: another reading of each paragraph (with its hidden phrases), tried when the first is not there.
    """
    anchors = []
    for i, t in enumerate(texts):
        if len(t) >= ANCHOR:
            first = joined.find(t)
            if first >= 0 and joined.find(t, first + 1) < 0:
                anchors.append((i, first))
    pinned = dict(_increasing(anchors))
    out = [-1] * len(texts)
    cursor = 0
    next_anchor = sorted(pinned)
    k = 0
    for i, t in enumerate(texts):
        while k < len(next_anchor) and next_anchor[k] < i:
            k += 1
        at, size = -1, len(t)
        if i in pinned:
            at = pinned[i]
        else:
            limit = pinned[next_anchor[k]] if k < len(next_anchor) else len(joined)
            for option in [t, alts[i] if alts else ""]:
                if not option:
                    continue
                at, size = joined.find(option, cursor, max(limit, cursor) + len(option)), len(option)
                if at < 0 and len(option) >= ANCHOR:  # a short text elsewhere is another copy, not this one
                    at = joined.find(option)
                if at >= 0:
                    break
        if at >= 0 and at >= cursor:
            cursor = at + size
        out[i] = at
    return out


def written_text(path: Path) -> str:
    """Every character a Word file holds (``w:t``, ``m:t`` anywhere in word/document.xml — paragraphs, tables,
    text boxes, fields — and in its footnotes and endnotes), normalised; read with zipfile and lxml, never
    through our reader. A gold paragraph found nowhere in it was lost by the program that wrote the file."""
    import zipfile

    from lxml import etree

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    m = "http://schemas.openxmlformats.org/officeDocument/2006/math"
    text: list[str] = []
    with zipfile.ZipFile(path) as z:
        for part in ("word/document.xml", "word/footnotes.xml", "word/endnotes.xml"):  # the file's stories
            if part in z.namelist():
                root = etree.fromstring(z.read(part))
                text += [el.text or "" for el in root.iter(f"{{{w}}}t", f"{{{m}}}t")]
    return norm("".join(text))


def score(gold: Gold, reading: Reading, written: str | None = None, outline: set[str] | None = None) -> Score:
    """Score one document's reading against its gold.

    ``written``: for a Word file made from the page, the text the file holds (``written_text``). Its gold is
    then what a Word file can carry: a paragraph the converter did not write is not asked for (pandoc drops
    some tables), and a heading we read whose words are a heading of the page's navigation (a footer's
    "Help content debug info:" h3, which both converters write as Heading 3: Word has no way to say
    "navigation") is excused, neither right nor wrong. Both are counted and printed.

    ``outline``: for a PDF printed from the page, the titles of the file's own outline (its bookmarks, ``norm``ed).
    A heading we read whose words are a heading of the page's navigation and an entry of that outline is excused
    the same way: the printer wrote the page's h3 into the file's outline as a heading (LibreOffice's export), and an
    outline has no way to say "navigation" either. Decided from the file, never from our reader."""
    s = Score(docs=1)
    ours = reading.headings
    if outline is not None:
        golden = set(gold.headings)
        chrome = [h for h in ours if h not in golden and h[-1] in gold.nav_headings and h[-1] in outline]
        s.chrome_headings = len(chrome)
        s.problems += [f"navigation heading in the PDF's outline (excused): {' › '.join(h)}" for h in chrome]
        ours = [h for h in ours if h not in chrome]
    if written is not None:
        s.word_docs = 1
        lost = [p for p in gold.paragraphs if p.text not in written and (not p.alt or p.alt not in written)]
        lost_ids = {id(p) for p in lost}
        s.lost_paras = len(lost)
        s.problems += [f"lost in conversion (not scored): {p.text[:60]}" for p in lost]
        golden = set(gold.headings)
        chrome = [h for h in ours if h not in golden and h[-1] in gold.nav_headings]
        s.chrome_headings = len(chrome)
        s.problems += [f"navigation heading in the Word file (excused): {' › '.join(h)}" for h in chrome]
        ours = [h for h in ours if h not in chrome]
        kept = [i for i, p in enumerate(gold.paragraphs) if id(p) not in lost_ids]
        renumber = {old: new for new, old in enumerate(kept)}
        gold = Gold(
            gold.headings,
            [gold.paragraphs[i] for i in kept],
            gold.nav,
            gold.nav_headings,
            [(k, i if k == 0 else renumber[i]) for k, i in gold.order if k == 0 or i in renumber],
        )
    s.gold_headings = len(gold.headings)
    s.found_headings, missed = _multiset_hits(gold.headings, ours)
    s.our_headings = len(ours)
    s.right_headings, extra = _multiset_hits(ours, gold.headings)
    s.problems += [f"heading missed: {' › '.join(h)}" for h in missed]
    s.problems += [f"heading not in gold: {' › '.join(h)}" for h in extra]

    joined = "".join(reading.texts)
    owner: list[int] = []  # character offset in ``joined`` -> our paragraph index
    for i, t in enumerate(reading.texts):
        owner += [i] * len(t)
    # Headings take part in the alignment (a short paragraph after a heading is looked for after it, not
    # inside its words: '快捷键' under '用于数据库的快捷键'); only paragraphs are scored.
    texts = [gold.headings[i][-1] if kind == 0 else gold.paragraphs[i].text for kind, i in gold.order]
    alts = ["" if kind == 0 else gold.paragraphs[i].alt for kind, i in gold.order]
    found = locate(texts, joined, alts)
    positions = [at for (kind, _), at in zip(gold.order, found, strict=True) if kind == 1]
    wrong_paths = 0
    for para, at in zip(gold.paragraphs, positions, strict=True):
        s.gold_paras += 1
        s.gold_chars += len(para.text)
        if at < 0:
            s.problems.append(f"content missed: {para.text[:60]} [{' › '.join(para.path)}]")
            continue
        s.found_paras += 1
        s.found_chars += len(para.text)
        ours = reading.paths[owner[at]]
        if ours == para.path:
            s.right_paras += 1
        else:
            wrong_paths += 1
            got = "(read as a heading)" if ours is None else " › ".join(ours) or "(no section)"
            s.problems.append(f"filed wrong: {para.text[:40]} [{' › '.join(para.path)}] -> [{got}]")

    content = "\u0000".join([p.alt or p.text for p in gold.paragraphs] + [h[-1] for h in gold.headings])
    navtext = "\u0000".join(gold.nav)
    for raw in reading.raw:
        for piece in raw.split("|"):
            piece = norm(piece)
            if not piece:
                continue
            s.our_chars += len(piece)
            if piece in navtext and piece not in content:
                s.nav_chars += len(piece)
                s.problems.append(f"navigation kept: {piece[:60]}")
    s.page_nav_chars = sum(len(t) for t in gold.nav)
    s.page_chars = s.page_nav_chars + s.gold_chars + sum(len(h[-1]) for h in gold.headings)
    if s.found_headings == s.gold_headings == s.right_headings == s.our_headings and wrong_paths == 0:
        s.exact_docs = 1
        s.strict_exact = int(s.chrome_headings == 0)
    return s


# ---- the pinned packages ----------------------------------------------------------------------------


def _unpacked(package: str, version: str) -> Path:
    return DEBS / f"{package}_{version.replace(':', '%3a')}"


def fetch_packages() -> list[str]:
    """Download and unpack every pinned package not unpacked yet (``apt-get download``, ``dpkg-deb -x``: no root, no
    install); what could not be fetched, one line each (empty when all are there)."""
    problems = []
    for package, version in PACKAGES.items():
        target = _unpacked(package, version)
        if (target / ".complete").is_file():
            continue
        if shutil.which("apt-get") is None or shutil.which("dpkg-deb") is None:
            return [f"no apt-get/dpkg-deb on this machine: cannot fetch {', '.join(PACKAGES)}"]
        print(f"real_html: fetching {package}={version} …", file=sys.stderr)
        DEBS.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix="realdeb-", dir=DEBS) as tmp:
            done = subprocess.run(
                ["apt-get", "download", f"{package}={version}"], cwd=tmp, capture_output=True, text=True, timeout=1800
            )
            debs = list(Path(tmp).glob("*.deb"))
            if done.returncode or len(debs) != 1:
                why = (done.stderr.strip().splitlines() or ["no .deb written"])[-1]
                problems.append(f"apt-get download {package}={version} failed: {why}")
                continue
            tree = Path(tmp) / "tree"
            done = subprocess.run(["dpkg-deb", "-x", str(debs[0]), str(tree)], capture_output=True, text=True)
            if done.returncode:
                problems.append(f"dpkg-deb -x {debs[0].name} failed: {done.stderr.strip()[-300:]}")
                continue
            (tree / ".complete").write_text(f"{package}={version}\n", encoding="utf-8")
            shutil.rmtree(target, ignore_errors=True)  # a partial unpacking of an earlier run
            tree.rename(target)
    return problems


def roots() -> list[Path]:
    """Where pages are looked for: each pinned package unpacked (first: the pinned version wins), then the system."""
    unpacked = [_unpacked(p, v) for p, v in PACKAGES.items()]
    return [r for r in unpacked if (r / ".complete").is_file()] + [Path("/")]


def source_name(path: Path) -> str:
    """A page's name, as the package installs it (``/usr/share/…``) wherever it was unpacked: samples, splits and
    DOCX caches are keyed by it, so an unpacked page is the same document as an installed one."""
    try:
        inside = path.relative_to(DEBS)
    except ValueError:
        return str(path)
    return "/" + "/".join(inside.parts[1:])


def _find(where: str, pattern: str, recursive: bool = False) -> list[Path]:
    """Files matching ``pattern`` under the installed path ``where`` in every root, one a name (the first root's)."""
    found: dict[str, Path] = {}
    for root in roots():
        folder = root / where.lstrip("/")
        for p in folder.rglob(pattern) if recursive else folder.glob(pattern):
            found.setdefault(source_name(p), p)
    return list(found.values())


# ---- documents --------------------------------------------------------------------------------------


def _key(text: str, salt: str) -> str:
    return hashlib.sha1(f"{salt}:{text}".encode()).hexdigest()


def split_of(name: str) -> str:
    """TUNING or REPORT, fixed by a hash of the document's source name (half each)."""
    return "TUNING" if int(_key(name, "split"), 16) % 2 == 0 else "REPORT"


def _sample(paths: Iterable[Path], n: int) -> list[Path]:
    return sorted(paths, key=lambda p: _key(source_name(p), "sample"))[:n]


def _small(paths: Iterable[Path]) -> list[Path]:
    return [p for p in paths if p.is_file() and p.stat().st_size <= MAX_BYTES]


@dataclass
class Family:
    key: str
    label: str
    packages: str
    files: list[Path]
    read: str = ""  # what the family read where that depends on the machine (the English sample), for the output


def families(scale: int = 1) -> list[Family]:
    debref = _small(_find("/usr/share/debian-reference", "*.zh-cn.html"))
    edu = _small(_find("/usr/share/doc/debian-edu-doc-zh-cn", "*.html"))
    cnc = _small(_find("/usr/share/doc/linuxcnc", "gcode_zh_CN.html"))
    gimp = _sample(_small(_find("/usr/share/gimp/2.0/help/zh_CN", "*.html")), SAMPLE["gimp"] * scale)
    lohelp = _sample(_small(_find("/usr/share/libreoffice/help/zh-CN/text", "*.html", True)), SAMPLE["lohelp"] * scale)
    taken = {source_name(p) for p in [*edu, *cnc]}
    by_package: dict[str, list[Path]] = {}
    for p in _small(_find("/usr/share/doc", "*.html", True)):
        if source_name(p) not in taken and "zh" not in p.name.lower():
            by_package.setdefault(Path(source_name(p)).parts[4], []).append(p)
    by_package = {pkg: pages for pkg, pages in by_package.items() if pkg in ENGLISH_PACKAGES}
    english = _sample(
        [p for pkg in by_package.values() for p in _sample(pkg, PER_PACKAGE * scale)], SAMPLE["english"] * scale
    )
    missing = [pkg for pkg in ENGLISH_PACKAGES if pkg not in by_package]
    sampled = {Path(source_name(p)).parts[4] for p in english}
    read = (
        f"/usr/share/doc HTML: {len(english)} pages sampled from {len(sampled)} packages, of "
        f"{sum(map(len, by_package.values()))} pages in {len(by_package)} of the {len(ENGLISH_PACKAGES)} listed "
        f"packages (ENGLISH_PACKAGES); no HTML here: {', '.join(missing) or 'none'}"
    )
    return [
        Family("debref", "Debian Reference zh-cn (DocBook)", "debian-reference-zh-cn", sorted(debref)),
        Family("edu", "Debian Edu manuals zh-cn (DocBook, 1 page)", "debian-edu-doc-zh-cn", sorted(edu)),
        Family("gimp", "GIMP help zh-cn (DocBook, GIMP XSL)", "gimp-help-zh-cn", gimp),
        Family("lohelp", "LibreOffice help zh-CN (LO XSLT, HTML5)", "libreoffice-help-zh-cn", lohelp),
        Family("cnc", "LinuxCNC G-code ref zh-cn (hand-written)", "linuxcnc-doc-zh-cn", cnc),
        Family("english", f"/usr/share/doc HTML (≤{PER_PACKAGE}/package)", "ENGLISH_PACKAGES", english, read),
    ]


def _docx_sources(fams: list[Family], scale: int = 1) -> list[Path]:
    return [p for f in fams for p in _sample(f.files, DOCX_SAMPLE.get(f.key, 0) * scale)]


def pandoc_to_docx(sources: list[Path], cache: Path) -> dict[Path, Path]:
    """Each source page written as .docx by pandoc (a second DOCX writer; cached by the page's content)."""
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        return {}
    cache.mkdir(parents=True, exist_ok=True)
    out: dict[Path, Path] = {}
    for src in sources:
        target = cache / f"{_key(src.read_bytes().hex()[:200000] + source_name(src), 'pandoc')[:16]}.docx"
        if not target.is_file():
            with tempfile.TemporaryDirectory(prefix="realhtml-") as tmp:
                made = Path(tmp) / "page.docx"  # images are not fetched: pandoc writes their description
                subprocess.run(
                    [pandoc, "-f", "html", "-t", "docx", "--resource-path", tmp, "-o", str(made), str(src)],
                    capture_output=True,
                    timeout=300,
                )
                if made.is_file():
                    shutil.move(str(made), target)
        if target.is_file():
            out[src] = target
    return out


def convert_to_docx(sources: list[Path], cache: Path) -> dict[Path, Path]:
    """Each source page saved as .docx by LibreOffice Writer (cached by the page's content)."""
    cache.mkdir(parents=True, exist_ok=True)
    out: dict[Path, Path] = {}
    todo: dict[Path, Path] = {}
    for src in sources:
        target = cache / f"{_key(src.read_bytes().hex()[:200000] + source_name(src), 'docx')[:16]}.docx"
        out[src] = target
        if not target.is_file():
            todo[src] = target
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if todo and soffice is None:
        return {}
    if todo:
        print(f"converting {len(todo)} pages to DOCX with LibreOffice …", file=sys.stderr)
        with tempfile.TemporaryDirectory(prefix="realhtml-") as tmp:
            stage = Path(tmp)
            staged = []
            for src, target in todo.items():  # same stem for the cache name: one soffice run for all
                link = stage / "in" / f"{target.stem}.html"
                link.parent.mkdir(exist_ok=True)
                shutil.copyfile(src, link)
                staged.append(link)
            cmd = [
                soffice,
                f"-env:UserInstallation={(stage / 'profile').as_uri()}",
                "--headless",
                "--norestore",
                "--infilter=HTML (StarWriter)",
                "--convert-to",
                "docx:MS Word 2007 XML",
                "--outdir",
                str(stage / "out"),
                *map(str, staged),
            ]
            subprocess.run(cmd, capture_output=True, text=True, timeout=900)
            for target in todo.values():
                made = stage / "out" / f"{target.stem}.docx"
                if made.is_file():
                    shutil.move(str(made), target)
    return {src: t for src, t in out.items() if t.is_file()}


LATEX_DIRS = [  # Chinese LaTeX manuals in texlive-doc: chapters written by their authors, \\chapter … \\subsubsection
    Path("/usr/share/doc/texlive-doc/latex/lshort-chinese/src/chap"),
    Path("/usr/share/doc/texlive-doc/latex/install-latex-guide-zh-cn/chapter"),
    Path("/usr/share/doc/texlive-doc/latex/install-latex-guide-zh-cn/appendix"),
    Path("/usr/share/doc/texlive-doc/latex/ctex-faq/src"),
]


def latex_sources() -> list[Path]:
    return sorted(p for d in LATEX_DIRS if d.is_dir() for p in d.iterdir() if p.name.endswith((".tex", ".tex.gz")))


def latex_documents(cache: Path) -> dict[Path, dict[str, Path]]:
    """Each Chinese LaTeX chapter made into the page the gold comes from and two Word files, by programs this
    project did not write: pandoc reads the LaTeX (its sectioning is the gold: ``pandoc -t html5``), writes
    DOCX itself, and writes ODT that LibreOffice saves as DOCX (LibreOffice's ODT→Word export, not its HTML
    import). Cached by the source's content; {source: {"html", "pandoc", "libreoffice": file}}."""
    import gzip

    pandoc = shutil.which("pandoc")
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if pandoc is None:
        return {}
    cache.mkdir(parents=True, exist_ok=True)
    out: dict[Path, dict[str, Path]] = {}
    odts: dict[Path, Path] = {}
    for src in latex_sources():
        raw = src.read_bytes()
        tex = gzip.decompress(raw) if src.name.endswith(".gz") else raw
        key = _key(tex.hex()[:200000] + str(src), "latex")[:16]
        made = {"html": cache / f"{key}.html", "pandoc": cache / f"{key}.pandoc.docx"}
        odt, lo = cache / f"{key}.odt", cache / f"{key}.docx"
        with tempfile.TemporaryDirectory(prefix="realtex-") as tmp:
            source = Path(tmp) / "chapter.tex"
            source.write_bytes(tex)
            for target, fmt in ((made["html"], "html5"), (made["pandoc"], "docx"), (odt, "odt")):
                if not target.is_file():
                    subprocess.run(
                        [pandoc, "-f", "latex", "-t", fmt, "--resource-path", tmp, "-o", str(target), str(source)],
                        capture_output=True,
                        timeout=300,
                    )
        if soffice is not None and odt.is_file():
            if not lo.is_file():
                odts[odt] = lo
            made["libreoffice"] = lo
        out[src] = {kind: path for kind, path in made.items() if kind == "libreoffice" or path.is_file()}
    if odts:
        print(f"saving {len(odts)} ODT files as DOCX with LibreOffice …", file=sys.stderr)
        with tempfile.TemporaryDirectory(prefix="realtex-") as tmp:
            cmd = [
                str(soffice),
                f"-env:UserInstallation={(Path(tmp) / 'profile').as_uri()}",
                "--headless",
                "--norestore",
                "--convert-to",
                "docx:MS Word 2007 XML",
                "--outdir",
                str(cache),
                *map(str, odts),
            ]
            subprocess.run(cmd, capture_output=True, text=True, timeout=900)
    for made in out.values():
        if "libreoffice" in made and not made["libreoffice"].is_file():
            del made["libreoffice"]
    return {src: made for src, made in out.items() if "html" in made}


def read_ours(path: Path, doc_id: str) -> Reading:
    from qa.formats import read_structured
    from qa.structure import recover_outline

    return reading_of(recover_outline(read_structured(path, doc_id)))


def plain_text(path: Path) -> str:
    """The baseline's text: an HTML page's text nodes one per line, or a Word file's paragraphs, no markup."""
    if path.suffix.lower() == ".docx":
        import docx

        return "\n\n".join(p.text for p in docx.Document(str(path)).paragraphs if p.text.strip())
    root = _parse(path.read_bytes())
    for el in root.xpath("//script | //style | //head"):
        el.drop_tree()
    return "\n".join(t.strip() for t in root.itertext() if t.strip())


def read_plain(path: Path, doc_id: str) -> Reading:
    from qa.formats.blocks import hints_digest
    from qa.records import Document
    from qa.structure import recover_outline

    text = plain_text(path)
    return reading_of(recover_outline(Document(doc_id, Path(doc_id), text, hints_digest(text, None), "utf-8")))


# ---- report -----------------------------------------------------------------------------------------


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "—"


def row(label: str, split: str, s: Score, method: str = "qa reader") -> str:
    word = f"{s.lost_paras} / {s.chrome_headings} (exact if counted: {s.strict_exact}/{s.docs})"
    return (
        f"| {label} | {split} | {method} | {s.docs}{f' (+{s.failed} unreadable)' if s.failed else ''} | "
        f"{s.gold_headings} | "
        f"{s.gold_paras} | {_ratio(s.found_headings, s.gold_headings)} | {_ratio(s.right_headings, s.our_headings)} | "
        f"{_ratio(s.right_paras, s.found_paras)} | {_ratio(s.found_chars, s.gold_chars)} | "
        f"{_ratio(s.nav_chars, s.our_chars)} | {_ratio(s.page_nav_chars, s.page_chars)} | {s.exact_docs}/{s.docs} | "
        f"{word if s.word_docs else '—'} |"
    )


HEADER = (
    "| family | split | method | docs | gold headings | gold paras | heading R | heading P | para→section "
    "| content recall | nav kept | gold nav | docs exact | Word: paras not written / nav headings excused |\n"
    "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", help="comma-separated family keys (debref, edu, gimp, lohelp, cnc, english, docx)")
    parser.add_argument("--no-docx", action="store_true", help="skip the LibreOffice DOCX family")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "qa-real-html-docx")
    parser.add_argument("--diagnose", action="store_true", help="print per-document problems (TUNING docs only)")
    parser.add_argument("--doc", help="with --diagnose: only documents whose path contains this")
    parser.add_argument("--scale", type=int, default=1, help="sample K times as many pages (same pages first)")
    parser.add_argument("--split", choices=("TUNING", "REPORT"), help="score one split only (TUNING while fixing)")
    parser.add_argument("--no-baseline", action="store_true", help="skip the plain-text baseline rows")
    parser.add_argument("--no-fetch", action="store_true", help="do not download the pinned packages (offline)")
    args = parser.parse_args()
    only = set(args.only.split(",")) if args.only else None

    problems = [] if args.no_fetch else fetch_packages()
    for problem in problems:
        print(f"real_html: {problem}", file=sys.stderr)
    if problems:
        print(
            f"real_html: the pinned pages could not all be fetched ({len(problems)} of {len(PACKAGES)} packages): "
            "the Chinese families read what is installed, if anything — their rows are not the README's",
            file=sys.stderr,
        )
    every = families(args.scale)
    fams = [f for f in every if f.files]
    if not fams:
        print(
            "real_html: skipped — no real documents on this machine (Debian packages: "
            f"{', '.join(f'{p}={v}' for p, v in PACKAGES.items())}, fetched with apt-get download into {DEBS} unless "
            "offline; DOCX also needs libreoffice-writer-nogui)"
        )
        return
    jobs: list[tuple[str, str, Path, Path]] = []  # (family label, source name, file to read, source page)
    for f in fams:
        if only is None or f.key in only:
            jobs += [(f.label, source_name(p), p, p) for p in f.files]
    docx_label = "DOCX: the pages above saved by LibreOffice"
    if not args.no_docx and (only is None or "docx" in only):
        made = convert_to_docx(_docx_sources(fams, args.scale), args.cache)
        if not made:
            print("real_html: DOCX family skipped — LibreOffice (soffice) not installed (libreoffice-writer-nogui)")
        jobs += [(docx_label, source_name(src), docx, src) for src, docx in made.items()]
        written = pandoc_to_docx(_docx_sources(fams, args.scale), args.cache)
        if not written:
            print("real_html: pandoc DOCX family skipped — pandoc not installed (Debian: pandoc)")
        jobs += [("DOCX: the pages above written by pandoc", source_name(src), d, src) for src, d in written.items()]
    if only is None or "latex" in only:
        latex = latex_documents(args.cache)
        if not latex:
            print("real_html: LaTeX family skipped — no texlive-doc Chinese manuals or no pandoc")
        for kind, label in (
            ("html", "LaTeX manuals zh-cn → HTML (pandoc)"),
            ("libreoffice", "LaTeX manuals zh-cn → ODT (pandoc) → DOCX (LibreOffice)"),
            ("pandoc", "LaTeX manuals zh-cn → DOCX (pandoc)"),
        ):
            jobs += [(label, str(src), made[kind], made["html"]) for src, made in latex.items() if kind in made]

    scores: dict[tuple[str, str], Score] = {}
    plain: dict[tuple[str, str], Score] = {}
    started = time.process_time()
    wall = time.perf_counter()
    for n, (label, name, path, source) in enumerate(jobs, 1):
        split = split_of(name)
        if args.split and split != args.split:
            continue
        s = scores.setdefault((label, split), Score(docs=0))
        try:
            gold = gold_of(source.read_bytes())
            reading = read_ours(path, path.name)
        except (LoadError, ValueError) as exc:
            s.failed += 1
            print(f"  unreadable: {name}: {exc}", file=sys.stderr)
            continue
        written = written_text(path) if path.suffix.lower() == ".docx" else None
        one = score(gold, reading, written)
        if args.diagnose and split == "TUNING" and (not args.doc or args.doc in str(path)):
            print(f"\n## {label}: {path} ({len(one.problems)} problems)")
            for line in one.problems[:60]:
                print("   ", line)
        one.problems = []
        s.add(one)
        if not args.no_baseline:
            base = score(gold, read_plain(path, path.name), written)
            base.problems = []
            plain.setdefault((label, split), Score(docs=0)).add(base)
        if n % 20 == 0:
            print(f"  {n}/{len(jobs)} documents", file=sys.stderr)

    print(
        f"\nReal documents (python benchmarks/real_html.py; {len(jobs)} documents, "
        f"{time.perf_counter() - wall:.0f} s wall, {time.process_time() - started:.0f} s CPU in this process)\n"
    )
    for f in every:
        if f.read and (only is None or f.key in only):
            print(f"{f.read}\n")
    print(HEADER)
    labels = list(dict.fromkeys(label for label, _ in scores))
    for split in ("TUNING", "REPORT"):
        for label in labels:
            if (label, split) in scores:
                print(row(label, split, scores[(label, split)]))
                if (label, split) in plain:
                    print(row(label, split, plain[(label, split)], "plain text"))
    for split in ("TUNING", "REPORT"):
        for method, table in (("qa reader", scores), ("plain text", plain)):
            total = Score(docs=0)
            for (_label, sp), s in table.items():
                if sp == split:
                    total.add(s)
            if total.docs:
                print(row("**all families**", split, total, method))


if __name__ == "__main__":
    main()
