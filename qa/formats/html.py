"""HTML pages: the main content's blocks, h1–h6 as the section tree, ``<title>`` as the document title.

Why ``lxml`` rather than ``trafilatura``: trafilatura is tuned to keep running text and drops
what it judges peripheral, which includes headings (trailing titles, headings inside lists,
the h1 it moves into metadata) — and a section tree with a heading missing cites the wrong
section. The boilerplate rules here are the usual ones (the elements and ARIA roles HTML defines
for navigation, banners, footers and asides; class/id words naming chrome such as DocBook's
``navheader``/``navfooter``/``toc``; lists whose items are bare links; scripts and forms), applied to
the ``<main>``/``<article>`` element when the page has one. A table row whose cells hold headings,
lists or tables of their own lays out a page and is read block by block; a row of data is one line, read off
the table's grid (``qa.formats.table_rows``: rowspan/colspan cells filled in, values labelled under header rows). An
inline element wrapping blocks is read as those blocks; ``hidden`` parts are read (scripts reveal them).
Checked on real pages by ``benchmarks/real_html.py``.

Headings are h1–h6 and ARIA's ``role="heading"`` with ``aria-level``. Lines a ``<br>`` breaks are read as
lines, as a browser shows them, of one paragraph unless the break parts it as a Word soft break would
(``qa.formats.soft_breaks``: after a sentence's end, around a numbered line, between bold and plain lines; two
``<br>`` in a row end a paragraph): a sentence an editor broke mid-way is not cut in two.
A page whose content marks no heading (a site editor's article of
paragraphs or ``<br>`` lines, its heads in ``<strong>``) gets heads from its outline numbering, by the DOCX
reader's rules for an unstyled numbered paragraph ('1.' steps only beside 一、/（一）/第N条, as the PDF reader reads
them), and from short lines set all in bold, no clause or caption (``_inferred_headings``).
Site chrome on pages without semantic tags follows what trafilatura and readability drop: a line of internal
links with no words of its own, each a short word (trafilatura's link-density test), where it opens or closes the
page's text (between the text, or naming titles, such a line is the author's: a menu kept costs less than a
paragraph of cited laws lost), and a block whose class names a sidebar or
comments even when it holds headings (trafilatura removes ``sidebar``/``comment`` blocks whole), unless it holds
every heading of the page (trafilatura's over-pruning guard) — but comments under their own heading are read as a
section of the page (``qa.formats.html_comments``; trafilatura's default ``include_comments``). A heading's
permalink ('¶') is no word of it; a ``<section>`` opened by a class-named title block has that as its heading
(``qa.formats.html_section_titles``).
"""

from __future__ import annotations

import re
import weakref
from pathlib import Path

from qa.errors import LoadError
from qa.formats.blocks import CAPTION_LABEL, Block, clean_inline, internal_link, to_document
from qa.formats.html_comments import (
    COMMENT,
    COMMENTS,
    comment_only_chrome,
    comments_placed,
    mark_comment_sections,
)
from qa.formats.html_disclosure import definition_questions_as_headings, questions_as_headings
from qa.formats.html_jumps import without_jump_lines
from qa.formats.html_markers import element_words, marker_words
from qa.formats.html_section_titles import section_titles_as_headings
from qa.formats.html_word_export import exported_title
from qa.formats.html_word_heads import word_processor_heads
from qa.formats.outline_numbers import numbered_heading_rank, numbered_line_heads_text
from qa.formats.pdf.numbered import MAX_RANK
from qa.formats.soft_breaks import ends_paragraph
from qa.formats.table_rows import Cell, table_lines
from qa.formats.widgets import MAX_FURNITURE, engagement_line, site_bar_line, site_buttons
from qa.ideograph_forms import fold_ideographs
from qa.loading import decode_bytes
from qa.records import Document
from qa.structure.attachments import attached_title, attachment_label
from qa.structure.headings import FRONT_MATTER, is_bare_heading

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
# Words of a class or id naming page chrome. Markers are split into words at '-', '_', spaces and
# lower→upper case changes ("navheader", "nav-links", "mainMenu"); "nav" and its compounds are navigation
# (DocBook's navheader/navfooter, navbar, navigation — not "navy"), "toc" a table of contents.
_BOILERPLATE_WORDS = {
    "menu",
    "breadcrumb",
    "breadcrumbs",
    "sidebar",
    "footer",
    "copyright",
    "share",
    "social",
    "comment",
    "comments",
    "related",
    "advert",
    "ads",
    "banner",
    "pagination",
    "pager",
    "toolbar",
    "skip",
    "toc",
}
_NAV_WORD = re.compile(r"nav(?:bar|header|footer|igation|box|links?|menu|list|tabs?|panel)?")
# A list item's own numbering ('1.12. ', '3) '): not words of its own next to its link.
_ITEM_NUMBER = re.compile(r"^[\s\d.．、)）(（]*")
# HTML link types that move between the parts of a document set: a block of such links is navigation.
_NAV_RELS = {"next", "prev", "previous", "up", "contents", "toc", "index", "first", "last", "start", "home"}
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
ARIA_DEFAULT_LEVEL = 2  # WAI-ARIA: a role="heading" without aria-level is level 2


# MediaWiki's section edit links ('<span class="mw-editsection">[编辑]</span>'; 'editsection' before 1.18) and the
# Cite extension's reference marks ('<sup class="reference"><a href="#cite_note-2">[2]</a></sup>').
_EDIT_LINK_CLASSES = {"mw-editsection", "editsection"}
_REFERENCE_CLASSES = {"reference", "mw-ref"}
# A reference mark by its shape: a <sup> whose text is a bracketed label ('[2]', '[注 1]', '[来源请求]') and whose
# only link jumps within the page (to the note).
_MARK_TEXT = re.compile(r"[\[［][^\[\]［］]{1,12}[\]］]")
# The edit link's words as a wiki prints them after (or, in old skins, before) a heading: '[编辑]',
# '[编辑 | 编辑源代码]', '[edit]', '[edit | edit source]', in a page saved as text or a skin without the span's class.
_EDIT_WORDS = r"(?:编辑|編輯|编辑源代码|編輯原始碼|编辑源码|修改|修改源代码|edit|edit source|source)"
_EDIT_LABEL = re.compile(
    rf"^\s*[\[［]\s*{_EDIT_WORDS}(?:\s*[|｜]\s*{_EDIT_WORDS})*\s*[\]］]\s*"
    rf"|\s*[\[［]\s*{_EDIT_WORDS}(?:\s*[|｜]\s*{_EDIT_WORDS})*\s*[\]］]\s*$",
    re.IGNORECASE,
)


def _without_wiki_marks(body) -> None:  # noqa: ANN001 - lxml <body>
    """Drops a wiki's section edit links and inline reference marks: no words of the text. Read, every section of a
    MediaWiki page (Wikipedia, Baidu-Baike-like wikis, a company's wiki) was named '景观[编辑]' in every citation,
    and each cited sentence ran its note's number into it ('修筑白堤[2]。'). The notes themselves stay where the
    page lists them (its '参考文献' section)."""
    for el in list(body.iter()):
        if not isinstance(el.tag, str):
            continue
        classes = set((el.get("class") or "").split())
        mark = el.tag == "sup" and (
            classes & _REFERENCE_CLASSES
            or (
                _MARK_TEXT.fullmatch(_text(el))
                and (links := el.findall(".//a[@href]"))
                and all((a.get("href") or "").strip().startswith("#") for a in links)
            )
        )
        if classes & _EDIT_LINK_CLASSES or mark:
            el.drop_tree()  # (keeps the text after it)


# A heading's permalink: the anchor a documentation generator appends to every heading so a reader can copy a link
# to it (Sphinx's and MkDocs' '<a class="headerlink" href="#id">¶</a>', Docusaurus' 'hash-link', GitHub's and
# Hugo's 'anchor'/'#', '🔗'), no word of the heading. Known by its class, or by being a link within the page whose
# text is nothing but such a sign.
_PERMALINK_CLASSES = {"headerlink", "hash-link", "anchor", "anchorjs-link", "header-anchor", "heading-anchor"}
_PERMALINK_SIGNS = re.compile(r"[\s¶#§🔗⚓\ufe0f\u200b]*")


def _without_permalinks(body) -> None:  # noqa: ANN001 - lxml <body>
    """Drops each heading's permalink anchor (``_PERMALINK_CLASSES``, ``_PERMALINK_SIGNS``), and Sphinx's
    ``headerlink`` wherever it is (after an API entry's signature, a table's or a code block's caption). Read, every
    heading of a Sphinx or MkDocs page ended in '¶': citations read '安装指南¶ › 系统要求¶' and a section asked for by
    its name ('安装指南 › 系统要求') was not found. An anchor with words ('<a href="#x">安装</a>', the heading's text)
    stays."""
    for a in list(body.iter("a")):
        href = (a.get("href") or "").strip()
        if not href.startswith("#"):
            continue
        text = a.text_content()
        classes = set((a.get("class") or "").split())
        if classes & _PERMALINK_CLASSES and not any(ch.isalnum() for ch in text):
            if "headerlink" in classes or any(p.tag in _HEADINGS for p in a.iterancestors()):
                a.drop_tree()  # (keeps the text after it)
        elif text.strip() and _PERMALINK_SIGNS.fullmatch(text) and any(p.tag in _HEADINGS for p in a.iterancestors()):
            a.drop_tree()


def _heading_text(el) -> str:  # noqa: ANN001 - lxml heading
    """A heading's text without a wiki's edit link written as text ('历史[编辑]', ``_EDIT_LABEL``), unless that is
    all of it."""
    text = _text(el)
    return _EDIT_LABEL.sub("", text).strip() or text


def _aria_headings_as_headings(root) -> None:  # noqa: ANN001 - lxml root
    """Reads each element with ARIA's ``role="heading"`` as the h1–h6 its ``aria-level`` declares (pages built
    by script frameworks and accessible widgets mark headings so, in <div>s), so every rule about headings
    sees it as one."""
    for el in root.xpath("//*[@role]"):
        if (el.get("role") or "").strip().lower() == "heading" and el.tag not in _HEADINGS:
            level = (el.get("aria-level") or "").strip()
            el.tag = f"h{min(6, max(1, int(level))) if level.isdigit() else ARIA_DEFAULT_LEVEL}"


def _holds_heading(el) -> bool:  # noqa: ANN001 - lxml element
    return next(el.iter(*_HEADINGS), None) is not None


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
LINK_LIST_SHARE = 0.8  # a list item, caption or preformatted block this much link text is a link, not text


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


def _internal(a) -> bool:  # noqa: ANN001 - lxml <a>
    """A link within the site or document (relative or '#…'): what menus and contents lists hold. A list of
    links to other sites (references, mirrors, sources) is what an author wrote, and is kept as text."""
    return internal_link(a.get("href") or "")


# A link to a document file ('files/报名表.docx', 'download.php?f=a.pdf' is not one, 'a.pdf?v=2' is): a download, the
# article's attachment, not a move to another page of the site.
_FILE_LINK = re.compile(r"\.(?:docx?|xlsx?|pptx?|pdf|wps|et|ofd|zip|rar|7z|gz|bz2|xz|csv)$", re.IGNORECASE)


def _downloads(a) -> bool:  # noqa: ANN001 - lxml <a>
    return bool(_FILE_LINK.search(re.split(r"[?#]", (a.get("href") or "").strip(), maxsplit=1)[0]))


def _bare_link(item) -> bool:  # noqa: ANN001 - lxml element
    """Whether a part of a block is an internal link and nothing else but its numbering ('1.12. <a>…</a>'):
    an entry of a menu or contents list. Any word or number of its own ('北京 | 2189', '参见 <a>…</a>') makes
    it text, and so does a link to a document file: a download list ('附件1：报名表.docx') is the article's."""
    links = [a for a in item.iter("a") if a.get("href") is not None]
    if not links or not all(_internal(a) and not _downloads(a) for a in links):
        return False
    linked = [a.text_content() for a in links]
    own = _ITEM_NUMBER.sub("", item.text_content(), count=1)
    for part in linked:
        own = own.replace(part, "", 1)
    return any(t.strip() for t in linked) and not any(c.isalnum() for c in own)


# readability's "okMaybeItsACandidate" words: a class naming the content too ('main-content-sidebar-layout')
# names a wrapper around the text, not chrome beside it
_CONTENT_WORDS = {"article", "body", "column", "content", "main"}


def _names_content(marker: str) -> bool:
    return any(w in _CONTENT_WORDS for w in marker_words(marker))


def _chrome_word(word: str) -> bool:
    return word in _BOILERPLATE_WORDS or _NAV_WORD.fullmatch(word) is not None


def _names_chrome(marker: str) -> bool:
    """Whether a class/id marker names navigation or other page chrome (see _BOILERPLATE_WORDS)."""
    return any(w in _BOILERPLATE_WORDS or _NAV_WORD.fullmatch(w) for w in marker_words(marker))


def _read_comments(el) -> bool:  # noqa: ANN001 - lxml element
    """Whether ``el`` is a comments block read as a section of the page, or a part of one named for comments alone
    ('<div class="comment">'; a 'comment-share' bar is still chrome): ``qa.formats.html_comments``."""
    if el.get(COMMENTS):
        return True
    if el.get(COMMENT) is None and not ("comment" in (el.get("class") or "") or "comment" in (el.get("id") or "")):
        return False
    return comment_only_chrome(element_words(el), _chrome_word) and any(a.get(COMMENTS) for a in el.iterancestors())


_PAGE_HEADINGS = "data-qa-headings"  # on the page's root: how many headings the page has


def _holds_the_headings(el) -> bool:  # noqa: ANN001 - lxml element
    """Whether a block named as chrome holds a heading and every heading of the page: a page whose text is all
    inside a wrapper with a chrome-like name ('toc-wrapper') is still read. A sidebar or a comments block
    beside the text ('<div class="sidebar"><h3>热门新闻</h3>…<h3>广告</h3>') is chrome, its headings with it;
    kept for its headings, it filed an advert as a subsection of the article and a comments block's heading
    ('网友评论（2）') over comments the same rule dropped."""
    if el.tag in _HEADINGS:
        return True  # a heading whose own id reads like chrome ('XML_SetCommentHandler') is a heading
    own = sum(1 for _ in el.iter(*_HEADINGS))
    if not own:
        return False
    total = el.getroottree().getroot().get(_PAGE_HEADINGS)
    return total is None or own >= int(total)


_CONTROLS = ("button", "input", "select", "textarea")
_CONTROL_ROLES = {"button", "radio", "checkbox", "switch", "slider"}
_WIDGET = "data-qa-widget"  # marks a block that is a prompt over its own controls (``_mark_widgets``)
_SENTENCE_END = re.compile(r"[。！；!;]")


def _control_labels(el) -> str:  # noqa: ANN001 - lxml element
    """The text of ``el`` outside its form controls and scripts: what a widget says beside its buttons."""
    texts = el.xpath(
        ".//text()[not(ancestor::button or ancestor::select or ancestor::textarea or ancestor::script"
        " or ancestor::style or ancestor::*[@role='button' or @role='radio' or @role='checkbox'])]"
    )
    return clean_inline("".join(texts))


def _mark_widgets(body) -> None:  # noqa: ANN001 - lxml <body>
    """Marks each block that is two or more form controls and a short prompt (``_WIDGET``), for the walker to drop.

    A page's feedback box ('这篇文档对您有帮助吗？ [有帮助] [没帮助]', 'Was this page helpful? [Yes] [No]',
    '是否解决了您的问题 [已解决] [未解决]'), a rating's stars, a search box's label: the reader drops the
    controls (they are no text, as trafilatura drops ``button`` and ``rating`` blocks) and their prompt was left
    as the article's last line. A block whose words outside its controls are one short line (``MAX_FURNITURE``)
    with no sentence end is those controls' label; the largest such block around them goes (a wrapper holding
    the prompt in a <p> and the buttons in a <div>), never one holding a heading or more than a prompt:
    a sentence of the author's is text, and so is a step that names a button ('点击 <button>保存</button>。')."""
    page_words = None
    for el in body.iter():
        if not isinstance(el.tag, str) or el.tag not in _BLOCK_TAGS or el.tag in ("br", "hr", "body", "main"):
            continue
        controls = [
            c
            for c in el.iter()
            if isinstance(c.tag, str)
            and (c.tag in _CONTROLS or (c.get("role") or "").strip().lower() in _CONTROL_ROLES)
            and (c.get("type") or "").lower() != "hidden"
        ]
        if len(controls) < 2 or el.tag == "article" or _holds_heading(el):
            continue
        words = _control_labels(el)
        if len(words) > MAX_FURNITURE or _SENTENCE_END.search(words):
            continue
        page_words = _control_labels(body) if page_words is None else page_words
        if words and len(words) >= len(page_words):
            continue  # the page's only words ('系统维护中，请稍后访问 [刷新]'): a page is never emptied
        if not any(a.get(_WIDGET) for a in el.iterancestors()):
            el.set(_WIDGET, "1")


# A template's page header written as a <div> (pre-HTML5 templates, most government and company sites): the site's
# name and menu over every page ('某省人力资源和社会保障厅 | 首页 | 政务公开'), what HTML5 writes as <header>. Whole
# class/id tokens only: 'card-header', 'panel-header' name a part of the content; on a <div> only: pandoc's
# '<tr class="header">' is a table's header row.
_PAGE_HEADER = re.compile(r"(?:site|page|top|global|main)?[-_]?header|masthead|top[-_]?bar", re.IGNORECASE)


def _names_page_header(el) -> bool:  # noqa: ANN001 - lxml element
    """Whether an element's class or id names the page's header (``_PAGE_HEADER``), read as HTML5's <header> outside
    an article is: chrome, unless it holds a heading (a template's '<div class="header"><h1>…' holds the title)."""
    tokens = f"{el.get('class') or ''} {el.get('id') or ''}".split()
    return any(_PAGE_HEADER.fullmatch(t) for t in tokens)


def _is_boilerplate(el, in_content: bool) -> bool:  # noqa: ANN001
    tag = el.tag if isinstance(el.tag, str) else ""
    if el.get(_WIDGET):
        return True
    # ``hidden`` content is read: documents reveal it by script (LibreOffice's help hides each application's
    # and platform's part of a page, "在 Calc 中…", "要访问此命令…", and shows one). aria-hidden marks
    # decoration and duplicates kept from screen readers.
    if tag in _DROP_TAGS or el.get("aria-hidden") == "true":
        return True
    if (el.get("role") or "").lower() in _DROP_ROLES:
        return True
    # A page header is site chrome, an article's <header> holds its h1; footers are chrome either way.
    if (tag == "header" and not in_content) or tag == "footer":
        return True
    if tag == "div" and not in_content and _names_page_header(el) and not _holds_heading(el):
        return True
    marker = f"{el.get('class') or ''} {el.get('id') or ''}"
    if marker != " " and _names_chrome(marker) and not _read_comments(el):
        if not _holds_heading(el):
            return True
        # a block holding headings is chrome by its class (a designer's name for a sidebar, a comments block),
        # not by its id: generators derive ids from titles (a DocBook section id="comments-and-ids")
        # (nor when its class names the content too, as readability spares 'main-content-sidebar-layout')
        classes = el.get("class") or ""
        if _names_chrome(classes) and not _names_content(classes) and not _holds_the_headings(el):
            return True
    # A list of links is navigation: every item an internal link with no words of its own. One link in a list
    # is an item (a type, a reference), not a menu; one item that says something ('参见 …', a phone number)
    # keeps the whole list, bare links and all, since a menu kept costs less than a sentence lost. A block
    # whose parts are all such links ('related topics' written as one <div><p><a> per topic) is a list written
    # without list markup, unless the block has words of its own between them; a block holding a heading is
    # a part of the page, never a menu. A table of such rows is an index (Texinfo's, an API's). A paragraph
    # whose links are all typed as moving between the parts of a document (rel="next prev up contents
    # index", Texinfo's node header 'Next: …, Previous: …, Up: …') is navigation; the block around it is not.
    if tag in ("div", "section", "td") and _is_contents_box(el):
        return True
    if tag in ("td", "th"):
        # a layout cell of links ('首页 > 政务公开 > 通知公告', a menu column), under its caption or not
        return _is_link_line(el) or _is_menu_cell(el)
    if tag not in ("ul", "ol", "dl", "div", "p", "table"):
        return False
    # (A paragraph or a block of text that is internal links and nothing else, '首页 | 本地 | 体育', may be a menu
    # written without list markup: the walker marks it, and ``_without_menu_lines`` judges it by its place.)
    # cheapest tests first: a <div> nested in <div>s is asked at every level
    if tag == "table":
        items = [c for c in el.iter("tr") if _text(c)]
    elif tag == "p":
        items = []
    else:
        kinds = ("li", "dt", "dd") if tag != "div" else _BLOCK_TAGS
        items = [c for c in el if isinstance(c.tag, str) and c.tag in kinds]
        if tag == "div" and len(items) < 2:
            return False
    if tag != "p" and len(items) < 2:
        return False
    links = [a for a in el.iter("a") if a.get("href") is not None]
    if len(links) < 2:
        return False
    if _holds_heading(el):
        return False
    if tag == "p":
        return all(set((a.get("rel") or "").lower().split()) & _NAV_RELS for a in links)
    if tag == "div":
        between = [el.text or ""] + [c.tail or "" for c in el]
        if any(c.isalnum() for t in between for c in t) or not all(_text(c) for c in items):
            return False
        return all(_bare_link(c) for c in items)
    if tag == "table":
        # an index table may have a header row and letter rows ('A', 'B' …) with no link, a menu column its
        # caption ('通知公告' over its entries): rows without a link are labels when each is a short bare line
        # (no clause) and they are fewer than the link rows; any row of text makes the table text
        rows = [r for r in items if r.find(".//a") is not None]
        bare = sum(_bare_link(r) for r in rows)
        if len(rows) < 2 or bare < LINK_LIST_SHARE * len(rows):
            return False
        labels = [r for r in items if r.find(".//a") is None]
        if bare >= LINK_LIST_SHARE * len(items):
            return True
        return len(labels) < len(rows) and all(_bold_title(_text(r)) for r in labels)
    return all(_bare_link(c) for c in items)


def _is_menu_cell(cell) -> bool:  # noqa: ANN001 - lxml <td>/<th>
    """Whether a layout cell is a menu column written as lines: a short caption ('<b>通知公告</b>'), then internal
    links to pages, one a line ('<br>'), nothing else — as a table of such rows is (``_is_boilerplate``). A link to a
    file is a download (``_downloads``), and a caption with a clause ('相关：') or words between the links make the
    cell text."""
    links = [a for a in cell.iter("a") if a.get("href") is not None]
    if len(links) < 2 or any(not _internal(a) or _downloads(a) for a in links) or _holds_heading(cell):
        return False
    if any(isinstance(d.tag, str) and d.tag in _BLOCK_TAGS and d.tag != "br" for d in cell.iterdescendants()):
        return False
    own = clean_inline(cell.text_content())
    for a in links:
        own = own.replace(clean_inline(a.text_content()), " ", 1)
    caption = clean_inline(own)
    if caption and not (own.lstrip().startswith(caption) and _bold_title(caption)):
        return False  # the words of the cell that are not links: one caption before them, or none
    return _short_links(cell)


def _is_contents_box(el) -> bool:  # noqa: ANN001 - lxml element
    """Whether a block is a page's own contents box: a short caption ('本页目录', 'On this page', 'Contents', in a
    paragraph or a heading) over a list of links that all jump within the page ('#req') and is navigation by the
    list rule, and nothing else. The list alone was dropped and its caption was left as a line (or a heading over
    nothing) at the article's end; the contents of a page are no part of its text."""
    children = [c for c in el if isinstance(c.tag, str)]
    if len(children) != 2 or any((t or "").strip() for t in [el.text] + [c.tail for c in children]):
        return False
    caption, listing = children
    if listing.tag not in _LISTS or caption.tag in _LISTS or _wraps_blocks(caption):
        return False
    links = [a.get("href") or "" for a in listing.iter("a") if a.get("href") is not None]
    if not links or not all(h.strip().startswith("#") for h in links):
        return False
    return _bold_title(_text(caption)) and _is_boilerplate(listing, False)


SHORT_LINK = 10  # trafilatura's collect_link_info: a link text shorter than this is a menu's word, not a title
SHORT_LINKS_SHARE = 0.8  # trafilatura's link_density_test: more than this share of short links is a menu


def _short_links(el) -> bool:  # noqa: ANN001 - lxml element
    """Whether the links of a line of links are a menu's short words ('首页 本地 体育'), by trafilatura's test (more
    than 80% of its link texts shorter than 10 characters), not titles ('《中华人民共和国安全生产法》')."""
    texts = [t for a in el.iter("a") if a.get("href") is not None and (t := _text(a))]
    return len(texts) > 1 and sum(len(t) < SHORT_LINK for t in texts) > SHORT_LINKS_SHARE * len(texts)


def _is_link_line(el) -> bool:  # noqa: ANN001 - lxml <p>/<div>
    """Whether a block holding no blocks is two or more internal links with no words of their own between."""
    if len(el.findall(".//a[@href]")) < 2:  # (a path lxml evaluates in C: asked of every <div> at every level)
        return False
    return not _wraps_blocks(el) and not _holds_heading(el) and _bare_link(el)


# A breadcrumb trail: the links of the path to the page, each after a separator ('文档中心 > 管理员指南 > 安装指南'),
# after a short label ('当前位置：', 'You are here:') and before the page's own name, unlinked.
_TRAIL_SEPARATOR = re.compile(r"\s*[>›»→＞/]\s*")
_TRAIL_LABEL = re.compile(r"\s*(?:\S{1,8}\s*[:：])?\s*")
_TRAIL_TAIL = re.compile(r"\s*(?:[>›»→＞/]\s*[^>›»→＞/]{0,80})?\s*")


def _is_trail(el) -> bool:  # noqa: ANN001 - lxml <p>/<div>/<td>
    """Whether a block holding no blocks is a breadcrumb trail: two or more internal links, nothing between them but a
    trail's separator ('>', '›', '»', '/'), before them at most a label ('当前位置：'), after them at most a separator
    and the page's own name. Unlike a menu's bare links, the trail ends in words of its own: the page's name."""
    links = el.findall(".//a[@href]")
    if len(links) < 2 or not all(_internal(a) for a in links) or _wraps_blocks(el) or _holds_heading(el):
        return False
    if any(a.getparent() is not el for a in links):
        return False
    if not _TRAIL_LABEL.fullmatch(el.text or "") or not _TRAIL_TAIL.fullmatch(links[-1].tail or ""):
        return False
    return all(_TRAIL_SEPARATOR.fullmatch(a.tail or "") for a in links[:-1]) and _short_links(el)


_LAYOUT_INSIDE = {*_HEADINGS, "table", "form"}
_LISTS = {"ul", "ol", "dl"}


def _span(cell, name: str, limit: int) -> int:  # noqa: ANN001 - lxml td/th
    """A cell's rowspan/colspan, at least 1 and at most ``limit``; 0 (a row span to the group's end) is ``limit``."""
    value = (cell.get(name) or "").strip()
    number = int(value) if value.isdigit() else 1
    return limit if number == 0 else max(1, min(number, limit))


def _table_grid(table) -> tuple[list, list[list[Cell]]]:  # noqa: ANN001 - lxml <table>
    """The table's own rows (not those of tables inside its cells) and its grid: each cell on every slot its
    rowspan and colspan cover (``qa.formats.table_rows``)."""
    rows = [
        r
        for part in [table, *(c for c in table if isinstance(c.tag, str) and c.tag in ("thead", "tbody", "tfoot"))]
        for r in part
        if isinstance(r.tag, str) and r.tag == "tr"
    ]
    grid: list[dict[int, Cell]] = [{} for _ in rows]
    for r, row in enumerate(rows):
        k = 0
        for cell in row:
            if not isinstance(cell.tag, str) or cell.tag not in ("td", "th"):
                continue
            while k in grid[r]:
                k += 1
            found = Cell(cell, _text(cell), cell.tag == "th")
            for dr in range(_span(cell, "rowspan", len(rows) - r)):
                for dk in range(_span(cell, "colspan", MAX_COLUMNS)):
                    grid[r + dr].setdefault(k + dk, found)
            k += 1
    width = max((max(g) + 1 for g in grid if g), default=0)
    return rows, [[g.get(k) or Cell(object(), "") for k in range(width)] for g in grid]  # (a short row's slots)


def _row_lines(row) -> tuple[str, int] | None:  # noqa: ANN001 - lxml <tr>
    """A data row's line, merged cells filled in and values labelled (``table_rows``), and how many cells the row
    shows (those spanning into it from rows above included); None when the row is not in a table."""
    table = row.getparent()
    if table is not None and table.tag in ("thead", "tbody", "tfoot"):
        table = table.getparent()
    if table is None or table.tag != "table":
        return None
    cached = _ROW_LINES.get(table)
    if cached is None:
        rows, grid = _table_grid(table)
        # a table laying out a page is labelled only by header cells it marks: its first row's words (a title
        # cell beside a date) are no column names of the rows of data it may also hold
        lines = table_lines(grid, guess_header=not any(_holds_layout(r) for r in rows))
        cached = {
            r: (line, len({id(c.key) for c in g if c.text})) for r, line, g in zip(rows, lines, grid, strict=True)
        }
        _ROW_LINES[table] = cached
    return cached.get(row)


MAX_COLUMNS = 1000  # a colspan beyond this is a typo ('colspan=99999'), not a table that wide
_ROW_LINES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # table -> {row: (line, cells shown)}


def _is_layout_row(row) -> bool:  # noqa: ANN001
    """A table row laying out a page (a cell holds a heading, a form or a table of its own, a menu, or a list
    beside paragraphs), not a row of data ('导出 | <ul><li>PDF<li>DOCX</ul>').

    Older sites and generated manuals put the whole page in table cells: the title's h1 in one cell, the
    menu in another, the text in a third. Read as one 'cell | cell' line, every heading in it was lost and
    the menu ran into one line with the text. A row of one cell is no row of data: a site laying out its
    article in a one-column table (a government site's title row, date row and a row holding the article's
    paragraphs) ran the whole article into one line.
    """
    if sum(1 for c in row if isinstance(c.tag, str) and c.tag in ("td", "th")) == 1:
        read = _row_lines(row)  # one cell of its own, beside cells spanning into it from above, is a row of data
        if read is None or read[1] < 2:
            return True
    return _holds_layout(row)


def _holds_layout(row) -> bool:  # noqa: ANN001 - lxml <tr>
    """A row whose cells hold a heading, a form or a table, a menu, or a list beside paragraphs."""
    tags = {d.tag for d in row.iterdescendants() if isinstance(d.tag, str)}
    if tags & _LAYOUT_INSIDE or (tags & _LISTS and "p" in tags) or _holds_heading(row):
        return True
    return any(d.tag in _LISTS and _is_boilerplate(d, False) for d in row.iterdescendants() if isinstance(d.tag, str))


def _wraps_blocks(el) -> bool:  # noqa: ANN001
    return any(isinstance(d.tag, str) and d.tag in _BLOCK_TAGS and d.tag != "br" for d in el.iterdescendants())


_NOTE_ROLES = {"doc-footnote": "footnote", "doc-endnote": "endnote"}  # DPUB-ARIA: a note (pandoc, EPUB)
_NOTE_LISTS = {"doc-footnotes": "footnote", "doc-endnotes": "endnote"}  # DPUB-ARIA: the notes' list
_NOTE_ANCHORS = {*_HEADINGS, "p", "li", "dd", "dt", "pre", "blockquote", "figcaption", "caption", "address", "tr"}
NOTE_ATTRIBUTE = "data-qa-note"  # marks a note moved after the block citing it, with its role
NOTE_KEY = "data-qa-note-key"  # a moved note's id, on the note moved and on the place the page listed it
_NOTE_HOME = "data-qa-note-home"


def _read_there(block, content, in_content: bool) -> bool:  # noqa: ANN001 - lxml elements
    """Whether the walker reads ``block``: inside the content and in no page chrome, judged as the walker judges
    it (``in_content`` is what it starts with; under <main> or <article> a <header> is the article's). A note
    moved after a block that is dropped (a reference in a footer or a menu, in a sidebar outside <main>, in a
    page's <header>) would be dropped with it."""
    if block is not content and not any(a is content for a in block.iterancestors()):
        return False
    chain = [block]
    for a in block.iterancestors():
        if a is content:
            break
        chain.append(a)
    for b in reversed(chain):  # from the content down, as the walker goes
        if _is_boilerplate(b, in_content):
            return False
        in_content = in_content or b.tag in ("main", "article")
    return True


def _move_notes(root, content, in_content: bool) -> dict[str, object]:  # noqa: ANN001 - lxml root, content read
    """Each footnote/endnote moved right after the block (paragraph, item, table row, heading) that refers to
    it, its reference mark and its way back removed; returns the moved notes by id.

    A page keeps its notes in a list at the end (pandoc's ``<section class="footnotes" role="doc-endnotes">``,
    EPUB's ``role="doc-footnote"`` asides): read there, a note was filed under the page's last section, away
    from the sentence it explains — and the reference's number ran into the sentence ('工作组 1进行维护').
    A note is an element with a DPUB note role, or an item with an id in a DPUB notes list; a reference is a
    link to its id (``role="doc-noteref"`` or not). A note nothing read refers to stays where it is; where a
    moved note was listed an empty mark (``_NOTE_HOME``) stays, so the walker can read it there if the block
    it was moved after is not read after all."""
    notes: dict[str, tuple[object, str]] = {}
    for el in root.iter():
        if not isinstance(el.tag, str) or not el.get("id"):
            continue
        role = (el.get("role") or "").strip().lower()
        listed = (
            next(
                (
                    _NOTE_LISTS[r]
                    for a in el.iterancestors()
                    if (r := (a.get("role") or "").strip().lower()) in _NOTE_LISTS
                ),
                None,
            )
            if el.tag == "li"
            else None
        )
        if role in _NOTE_ROLES or listed:
            notes[el.get("id")] = (el, _NOTE_ROLES.get(role) or listed or "footnote")
    if not notes:
        return {}
    moved: dict[str, object] = {}
    for a in list(root.iter("a")):
        href = (a.get("href") or "").strip()
        if not href.startswith("#") or href[1:] not in notes:
            continue
        note, kind = notes[href[1:]]
        if a in note.iter():  # the note's own number or way back: not text
            a.drop_tree()
            continue
        block = next((b for b in a.iterancestors() if b.tag in _NOTE_ANCHORS), None)
        if block is not None and block.tag in ("td", "th"):
            block = next((b for b in block.iterancestors() if b.tag == "tr"), block)
        a.drop_tree()  # the reference's number is not part of the sentence (drop_tree keeps the text after it)
        if block is None or href[1:] in moved or any(b is note for b in block.iterancestors()):
            continue
        if not _read_there(block, content, in_content):
            continue
        holder = note.makeelement("div", {NOTE_ATTRIBUTE: kind, NOTE_KEY: href[1:]})
        moved[href[1:]] = holder
        holder.text = note.text
        for child in list(note):
            holder.append(child)
        tail = block.tail
        block.addnext(holder)
        block.tail, holder.tail = tail, None
        home = note.makeelement("span", {_NOTE_HOME: href[1:]})
        note.addprevious(home)
        note.drop_tree()
    for el in list(root.iter()):
        if isinstance(el.tag, str) and (el.get("role") or "").strip().lower() == "doc-backlink":
            el.drop_tree()
    return moved


_BOLD_TAGS = {"strong", "b"}
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|bolder|[6-9]00)\b", re.IGNORECASE)
_STRONG = "strong"  # a body block set all in bold: a heading candidate on a page without headings
_ITEM = "item"  # a list item or definition: never an inferred heading
_SOFT_ROLES = ("body", _STRONG, _ITEM)  # blocks whose lines a <br> may continue: text, not headings or rows
_COMMENTS = "comments"  # the heading of a comments block (``qa.formats.html_comments``), placed after the walk
_MENU = "menu"  # a line of internal links, each a short word: a menu where it opens or closes the page's text


def _bold_text(el) -> str:  # noqa: ANN001 - lxml element
    """The text of ``el`` set in bold: in <strong>/<b>, or an element styled ``font-weight: bold``/600–900."""
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in _BOLD_TAGS or _BOLD_STYLE.search(el.get("style") or ""):
        return el.text_content()
    return "".join(_bold_text(c) for c in el if isinstance(c.tag, str))


def _styled(el) -> bool:  # noqa: ANN001 - lxml element
    return el.get("style") is not None or el.find(".//*[@style]") is not None


def _all_bold(el) -> bool:  # noqa: ANN001 - lxml element
    """Whether every word of ``el`` is set in bold (a head written '<p><strong>本周进展</strong></p>')."""
    if el.find(".//strong") is None and el.find(".//b") is None and not _styled(el):
        return el.tag in _BOLD_TAGS  # the cheap answer for most paragraphs: nothing in them is bold
    words = re.sub(r"\s+", "", el.text_content())
    return bool(words) and re.sub(r"\s+", "", _bold_text(el)) == words


class _Walker:
    """Depth-first walk emitting one block per heading, paragraph, list item or table row."""

    def __init__(self) -> None:
        self.blocks: list[tuple[str, int | None, str]] = []  # (text, heading level, role)
        self._inline: list[str] = []
        self._bold: list[bool] = []  # whether each piece of ``_inline`` is set in bold
        self._items = 0  # depth of list items and definitions being read (their lines are items, not headings)
        self._role = "body"  # "footnote"/"endnote" inside a note moved after its reference
        self.read_notes: set[str] = set()  # moved notes read after the block citing them
        self.homes: list[tuple[int, str]] = []  # (block index, note id): where the page listed a moved note
        self._after_br = False  # the text being collected follows a <br> straight after the last block's line
        self._comments = 0  # depth of comments blocks read as the page's section (``qa.formats.html_comments``)

    def _passed(self, el) -> None:  # noqa: ANN001
        """Marks where the page listed moved notes, in ``el`` read as one block (or ``el`` itself), and the moved
        notes read as part of that block's text (a row's cell holding an item citing one)."""
        for d in el.iter():
            if not isinstance(d.tag, str):
                continue
            if d.get(_NOTE_HOME):
                self.homes.append((len(self.blocks), d.get(_NOTE_HOME)))
            elif d.get(NOTE_KEY):
                self.read_notes.add(d.get(NOTE_KEY))

    def _add(self, text: str | None, bold: bool = False) -> None:
        if text:
            self._inline.append(text)
            self._bold.append(bold or not text.strip())

    def _body_role(self, bold: bool) -> str:
        """The role of a body block: ``_STRONG`` when all set in bold, ``_ITEM`` in a list (see read_html)."""
        if self._role != "body":
            return self._role
        return _ITEM if self._items else _STRONG if bold else "body"

    def flush(self) -> None:
        text = clean_inline("".join(self._inline))
        bold = all(self._bold)
        self._inline, self._bold = [], []
        after_br, self._after_br = self._after_br, False
        if not text:
            return
        role = self._body_role(bold)
        if after_br and self.blocks and self.blocks[-1][1] is None and self.blocks[-1][2] in _SOFT_ROLES:
            # a line after a <br>: the same paragraph's next line unless the break parts it (``soft_breaks``)
            before, _, before_role = self.blocks[-1]
            if not ends_paragraph(before.rsplit("\n", 1)[-1], text, before_role == role):
                self.blocks[-1] = (before + "\n" + text, None, before_role)
                return
        self.blocks.append((text, None, role))

    def walk(self, el, in_content: bool) -> None:  # noqa: ANN001
        tag = el.tag if isinstance(el.tag, str) else ""
        if not tag or _is_boilerplate(el, in_content):
            self._add(el.tail)  # text after a dropped element or a comment still belongs to its parent
            return
        inside = in_content or tag in ("main", "article")
        menu = tag in ("p", "div", "td") and (_is_link_line(el) and _short_links(el) or _is_trail(el))
        if menu:
            self.flush()
            start = len(self.blocks)
        if el.get(_NOTE_HOME):
            self.flush()
            self._passed(el)
        elif tag in _HEADINGS:
            self.flush()
            self.blocks.append((_heading_text(el), _HEADINGS[tag], _COMMENTS if self._comments else "heading"))
            self._passed(el)
        elif el.get(COMMENT):
            # one comment, one paragraph: its author and date with its words ('老王 2023-11-03 待机功耗大约6瓦…')
            self.flush()
            one = _Walker()
            one._comments = self._comments
            one._add(el.text)
            for child in el:
                one.walk(child, inside)
            one.flush()
            text = " ".join(t for t, _, _ in one.blocks if t)
            if text:
                self.blocks.append((text, None, "body"))
        elif tag == "tr" and not _is_layout_row(el):
            self.flush()
            read = _row_lines(el)
            if read is None:  # a row outside a table (lxml keeps a stray <tr>)
                cells = [_text(c) for c in el if isinstance(c.tag, str) and c.tag in ("td", "th")]
                read = (" | ".join(c for c in cells if c), len(cells))
            self.blocks.append((read[0], None, "table"))
            self._passed(el)
        elif tag in ("p", "li", "dd", "dt", "pre", "figcaption", "caption", "address") and not any(
            isinstance(c.tag, str) and c.tag in _BLOCK_TAGS for c in el.iter() if c is not el
        ):
            # (a paragraph of lines broken by <br> is read line by line below, as a browser shows it: a
            # site's article written as one <p> or <div> of lines, its heads in <strong>, reads as lines)
            self.flush()
            # an item of a list that is not navigation is kept, link or not (the list was judged as a whole)
            if _link_share(el) < LINK_LIST_SHARE or tag in ("p", "li", "dt", "dd"):
                item = tag != "p"
                self._items += item
                self.blocks.append((_text(el), None, self._body_role(_all_bold(el))))
                self._items -= item
            self._passed(el)
        elif el.get(NOTE_ATTRIBUTE):
            self.flush()
            self.read_notes.add(el.get(NOTE_KEY) or "")
            outer, self._role = self._role, el.get(NOTE_ATTRIBUTE)
            self._add(el.text)
            for child in el:
                self.walk(child, inside)
            self.flush()
            self._role = outer
        elif tag == "br":
            # '<br>' ends a line; two in a row (an empty line) end the paragraph, as they look in a browser
            blank = self._after_br and not "".join(self._inline).strip()
            self.flush()
            self._after_br = not blank
        elif el.get(COMMENTS):
            self.flush()
            self._comments += 1
            self._add(el.text)
            for child in el:
                self.walk(child, inside)
            self.flush()
            self._comments -= 1
        elif tag in _BLOCK_TAGS or _wraps_blocks(el):
            # An inline element wrapping paragraphs or headings (invalid, yet common: LibreOffice's help puts
            # each application's part of a page in a <span>) is read as the blocks it holds; read as one run
            # of text it ran every paragraph and heading in it into one line.
            self.flush()
            item = tag in ("li", "dd", "dt")
            self._items += item
            self._add(el.text)
            for child in el:
                self.walk(child, inside)
            self.flush()
            self._items -= item
        else:  # inline element: its text joins the paragraph being collected
            self._add(el.text_content(), _all_bold(el))
            self._passed(el)
        if menu:
            self.flush()
            self.blocks[start:] = [
                (t, level, _MENU if role in ("body", _STRONG) else role) for t, level, role in self.blocks[start:]
            ]
        self._add(el.tail)


def _with_unread_notes(walker: _Walker, moved: dict[str, object]) -> list[tuple[str, int | None, str]]:
    """The walker's blocks, and each moved note the walk did not read (the block citing it was dropped after
    all, by a rule ``_read_there`` does not foresee) read where the page listed it: a note is never lost to the
    move."""
    unread: dict[int, list[tuple[str, int | None, str]]] = {}
    for position, key in walker.homes:
        if key in moved and key not in walker.read_notes:
            walker.read_notes.add(key)
            notes = _Walker()
            notes.walk(moved[key], True)
            notes.flush()
            unread.setdefault(position, []).extend(notes.blocks)
    if not unread:
        return walker.blocks
    blocks: list[tuple[str, int | None, str]] = []
    for i in range(len(walker.blocks) + 1):
        blocks += unread.get(i, [])
        blocks += walker.blocks[i : i + 1]
    return blocks


def _without_menu_lines(found: list[tuple[str, int | None, str]]) -> list[tuple[str, int | None, str]]:
    """The blocks without the lines of short internal links (``_MENU``) that come before the page's first block of
    text or after its last: a site's header line ('首页 | 本地 | 体育'), a pager ('上一篇 下一篇'). The same line
    between two blocks of text is the author's ('详见：' over '第一部分<br>第二部分') and is kept, as is any line
    of links to titles ('《安全生产法》、《消防法》'): a menu kept costs less than a sentence lost."""
    text = [i for i, (_, _, role) in enumerate(found) if role != _MENU]
    if not text:
        return found  # a page of nothing but links: its links are its text
    first, last = text[0], text[-1]
    return [
        (t, level, "body" if role == _MENU else role)
        for i, (t, level, role) in enumerate(found)
        if role != _MENU or first < i < last
    ]


# A social platform's buttons and counts and a site's page buttons around an article: one list for every reader
# (qa.formats.widgets: a browser's print of the page keeps them, and the PDF reader drops them too).


def _without_furniture(found: list[tuple[str, int | None, str]]) -> list[tuple[str, int | None, str]]:
    """The blocks without the social platform's furniture (``qa.formats.widgets.ENGAGEMENT``) and a site's tool bar
    and text breadcrumb (``site_bar_line``) before the page's first other block and after its last: a saved
    article's '阅读原文 阅读 3.2万 赞 256 在看 88', '微信扫一扫 关注该公众号', a government site's '无障碍 | 长者模式 |
    繁體 | English' and '当前位置：首页 > 政务公开 > 政策文件' over a page without semantic tags. The same words between
    blocks of text are kept (when in doubt, keep it: '点赞' may be the author's word)."""
    kept = [
        i
        for i, (text, level, role) in enumerate(found)
        if level is not None or role == "table" or not (engagement_line(text) or site_bar_line(text))
    ]
    if not kept:
        return found
    return found[kept[0] : kept[-1] + 1]


# Feedback prompts: the common Chinese and English phrasings of a documentation site's feedback box, its question
# ('这篇文档对您有帮助吗？', '本文是否对您有帮助', '是否解决了您的问题', 'Was this page helpful?', 'Did this
# article help you?', 'Rate this page') and its answers ('有帮助 / 没帮助', '是 否', '已解决 未解决', 'Yes No',
# 👍 👎) — for a box whose answers are links or icons, which ``_mark_widgets`` does not see as controls.
_FEEDBACK_QUESTION = re.compile(
    r"(?:(?:您|你)?觉得)?(?:这篇|本篇|这个|这|此|本|该)?(?:文档|文章|页面|页|篇|文|内容|帮助|回答|信息)?(?:内容|信息)?"
    r"(?:是否)?(?:对(?:您|你))?有(?:所)?(?:帮助|用)吗?"
    r"|(?:是否|有没有)解决了?(?:您|你)的问题吗?"
    r"|(?:was|is)\s+this\s+(?:page|article|document|doc|information|content|answer|topic)\s+(?:helpful|useful)"
    r"|did\s+this\s+(?:page|article|document|information|answer)\s+help(?:\s+you)?"
    r"|did\s+you\s+find\s+this\s+(?:page|article|document|information)\s+(?:helpful|useful)"
    r"|(?:how\s+would\s+you\s+)?rate\s+this\s+(?:page|article|document)",
    re.IGNORECASE,
)
_FEEDBACK_ANSWER = r"(?:有帮助|没帮助|没有帮助|有用|没用|已解决|未解决|部分解决|是|否|yes|no|👍|👎)"
_FEEDBACK_LINE = re.compile(
    rf"(?:{_FEEDBACK_QUESTION.pattern})?\s*[？?]?[\s|/·•、]*(?:{_FEEDBACK_ANSWER}[\s|/·•、]*)*", re.IGNORECASE
)


def _without_feedback(found: list[tuple[str, int | None, str]]) -> list[tuple[str, int | None, str]]:
    """The blocks without a feedback box's lines closing the page's text (``_FEEDBACK_QUESTION``, its answers): a
    run of lines at the end each nothing but the question and the answers, one of them the question. The same
    question in a sentence of the author's ('读完后请问自己：这篇文档对您有帮助吗？如果没有…') is no such line."""
    end = len(found)
    asked = None
    while end > 0 and found[end - 1][1] is None and found[end - 1][2] != "table":
        text = found[end - 1][0].strip()
        if not text or not _FEEDBACK_LINE.fullmatch(text):
            break
        if _FEEDBACK_QUESTION.search(text):
            asked = end - 1
        end -= 1
    return found[:asked] if asked is not None and asked > 0 else found


# A site's footer and page buttons under an article (Chinese government and news sites): '【打印本页】【关闭窗口】',
# '字体：【大 中 小】', '版权所有：临江市医疗保障局 网站标识码：… 浙ICP备…', '技术支持：…'.
# A site footer's line carries a mark no article's text has: an ICP or police filing number, '©'/'Copyright', the
# site's code ('网站标识码'), '技术支持：', '版权所有' followed by the site's or an organisation's name (not
# '版权所有人按合同约定确定', the author's word). '主办单位：…' and '承办单位：…' alone also close an event notice's
# own text ('三、组织机构'), so they count only beside such a mark in the same block.
_SITE_FOOTER_MARK = re.compile(
    r"copyright|©|\(c\)|ICP[备证]|公网安备|备案[号：:]|网站标识码|网站识别码|技术支持\s*[:：]|建议使用.{0,30}浏览器|"
    r"版权所有(?![人者权])\s*(?:[:：©|]|\s|$|\S{2,40}?(?:局|厅|部|委|院|中心|网|网站|站|政府|公司|集团|大学|学院|学校"
    r"|办公室|协会|学会|报社|社|馆|所)(?:\s|$))",
    re.IGNORECASE,
)
_SITE_FOOTER_LABEL = re.compile(r"主办单位\s*[:：]|承办单位\s*[:：]|主办\s*[:：]|承办\s*[:：]|协办\s*[:：]")
MAX_SITE_FOOTER = 300  # characters: a longer block is text that mentions such words


def _site_furniture(text: str) -> bool:
    """A page-button line ('【打印本页】【关闭窗口】') or a block of the site's footer ('版权所有：…', 'ICP备…')."""
    if site_buttons(text):
        return True
    # a footer's lines are labels and numbers, no sentence: '版权所有，转载请注明出处。以上解答仅供参考…' is text
    lines = [line for line in text.split("\n") if line.strip()]
    return (
        len(text) <= MAX_SITE_FOOTER
        and not re.search(r"[。！？!?；;]", text)
        and any(_SITE_FOOTER_MARK.search(line) for line in lines)
        and all(_SITE_FOOTER_MARK.search(line) or _SITE_FOOTER_LABEL.search(line) for line in lines)
    )


def _article_tail(content, is_article: bool) -> str:  # noqa: ANN001
    """The text after the page's last marked heading inside the element holding it and its section's content
    (whitespace removed): the article's last section, where a footer line is the author's own. The walk climbs
    from the heading while nothing follows it in its parent (a title in a '<div class=title>' of its own). '' for
    a page without heading markup, whose article's end nothing marks, and for headings written straight in the
    page's body (not a <main>/<article>, ``is_article``): the body holds the site's footer as well, told by its
    marks alone."""
    heads = [el for el in content.iter(*_HEADINGS) if not any(_is_boilerplate(a, True) for a in el.iterancestors())]
    if not heads:
        return ""
    el = heads[-1]
    while el is not content and el.getparent() is not None:
        if el.getparent() is content and not is_article:
            return ""
        after = "".join(
            sib.text_content()
            for sib in el.itersiblings()
            if isinstance(sib.tag, str) and not _is_boilerplate(sib, True)
        )
        if after.strip():
            return re.sub(r"\s+", "", after)
        el = el.getparent()
    return ""


def _without_site_footer(
    found: list[tuple[str, int | None, str]], article_tail: str = ""
) -> list[tuple[str, int | None, str]]:
    """The blocks without the page buttons and the site's footer after the article's last block of text (a page
    without semantic tags lays them out in table cells under the article, where they were filed under its last
    section). The same words before the end are kept: '版权所有' in the text is the author's word. A block is
    the site's only with a mark no article line has (``_SITE_FOOTER_MARK``), and never when it lies in the article's
    last section (``article_tail``, for a page with heading markup): an article's closing lines
    ('主办单位：临江市文化和旅游局') are its own."""
    end = len(found)
    while end > 0 and found[end - 1][1] is None and _site_furniture(found[end - 1][0]):
        text = found[end - 1][0]
        if not site_buttons(text) and article_tail and re.sub(r"\s+", "", text) in article_tail:
            break
        end -= 1
    return found[:end] if end > 0 else found


def _with_attachments_apart(found: list[tuple[str, int | None, str]]) -> list[tuple[str, int | None, str]]:
    """An attachment list closing a page ('附件：2026年度参保任务分解表.xlsx', a government notice's files) as a
    section '附件' of its own beside the article's top numbered sections, its files its lines: not filed under the
    last of them ('五、工作要求'), of which it is no part. Only when the list ends the page's text (its label line
    last, or followed by nothing but file names and short numbered titles), the line is a label ('附件：', not
    '附件1所列项目…。', a sentence) and the page has headings (without an outline nothing files it wrongly). The
    label is the section's name; no other text changes."""
    levels = [level for _, level, _ in found if level is not None]
    if not levels:
        return found
    at = len(found) - 1
    start = None
    while at >= 0 and found[at][1] is None and found[at][2] == "body":
        if attachment_label(found[at][0]):
            start = at
        elif not attached_title(found[at][0]):
            break
        at -= 1
    if start is None:
        return found
    at = start
    top = min(levels)
    last_top = max(i for i, (_, level, _) in enumerate(found) if level == top)
    after = next((level for _, level, _ in found[last_top + 1 :] if level is not None), top + 1)
    # a bare label ('附件：') is the section's name; a numbered one ('附件2：名单.xlsx') is kept whole, its number
    # being the list's
    bare = re.match(r"^\s*附\s*件\s*(?:[:：]\s*|\s*$)", found[at][0])
    files = found[at][0][bare.end() :] if bare else found[at][0]
    return [
        *found[:at],
        ("附件", after, "heading"),
        *([(files, None, "body")] if files.strip() else []),
        *found[at + 1 :],
    ]


def _metadata_under_title(
    found: list[tuple[str, int | None, str]], title: str, page_text: str
) -> list[tuple[str, int | None, str]]:
    """The blocks with a page's title heading moved before the table rows that are all the page shows above it: a
    government notice's metadata table (索引号、发布机构、发文日期、文号) laid out over its title is the notice's, and
    read before the title it formed a section of no heading, so the answer '文号：某税公告〔2024〕3号' was cited with
    no section. Only when the heading is the page's title (its ``<title>`` names it, ``_names_the_page``), the
    shallowest heading, and everything before it is table rows (a lead paragraph above a title stays where it is)."""
    at = next((i for i, (_, level, _) in enumerate(found) if level is not None), None)
    if not at or any(role != "table" for _, _, role in found[:at]):
        return found
    heading = found[at]
    if heading[1] != min(level for _, level, _ in found if level is not None):
        return found
    if not _names_the_page(heading[0], title, page_text):
        return found
    return [heading, *found[:at], *found[at + 1 :]]


_TITLE_UNIT = re.compile(r"[A-Za-z0-9]+|\S")


def _abbreviates(title: str, heading: str) -> bool:
    """Whether a page's ``<title>`` is a short name of its opening, shallowest heading: its words (each Chinese
    character, each Latin word or number) all in the heading, in order ('停水通知' over '关于城东片区临时停水的通知').
    The heading titles the page and the ``<title>`` adds no level over it: kept, every citation began '停水通知 ›
    关于城东片区临时停水的通知'. A ``<title>`` naming something else ('Python 教程' over '第三章 函数') is a level."""
    units = _TITLE_UNIT.findall(title)
    own = _TITLE_UNIT.findall(heading)
    if not units or len(units) >= len(own):
        return False
    at = 0
    for unit in units:
        while at < len(own) and own[at].lower() != unit.lower():
            at += 1
        if at == len(own):
            return False
        at += 1
    return True


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _site_title(title: str, headings: list[str]) -> bool:
    """Whether a page's ``<title>`` is one of its headings followed by the site's names ('通知标题_通知公告_临江市医疗
    保障局', '标题 - 新华网', '标题|某某网'): the page's own heading titles the text; the column and site are no
    section of it."""
    lead = re.split(r"\s*(?:_|｜|\||\s[-–—]\s|——)\s*", title.strip(), maxsplit=1)[0].strip()
    return (
        bool(lead)
        and lead != title.strip()
        and any(re.sub(r"\s+", "", h) == re.sub(r"\s+", "", lead) for h in headings)
    )


def _titled_by_heading(title: str, first_heading: str | None) -> bool:
    """Whether the page's h1 says what its ``<title>`` says before the site's name ('常见问题 - 某银行信用卡中心' over
    the h1 '信用卡常见问题'): the one contains the other. The h1 is the page's title, and the ``<title>`` adds the site,
    no level of its own: kept, every citation began '常见问题 - 某银行信用卡中心 › 信用卡常见问题 › …'. (The whole
    ``<title>`` inside the h1 or around it is asked in ``read_html``; a title without a site's part is kept.)"""
    parts = _SITE_SEPARATOR.split(title.strip())
    lead, own = _squeezed(parts[0]), _squeezed(first_heading or "")
    return len(parts) > 1 and bool(lead) and bool(own) and (lead in own or own in lead)


def _names_the_page(heading: str, title: str, page_text: str) -> bool:
    """Whether a page's one marked heading is the title its ``<title>`` gives (whole, or before the site's and column's
    names): the article's title, whatever level the site's template sets it at. Government and news templates set it
    in '<h2 class="title">' or an h3 as often as in an h1, and the heads of its text below it were read as body."""
    own = _squeezed(heading)
    return bool(own) and (
        _site_title(title, [heading]) or own in (_squeezed(title), _squeezed(without_site_name(title, page_text)))
    )


# Between a page's own title and the column's and site's names a site's template sets '_', '｜', '|', or a dash with
# spaces around it; a dash or '_' inside a word ('COVID-19', 'os_path', '2024-2025学年') is the title's own.
_SITE_SEPARATOR = re.compile(r"\s*(?:_|｜|\|)\s*|\s+[-–—－]\s+")
# A site's name by what it is ('…人民政府网', '新华网', '某某门户', '财经频道') or its domain ('www.gov.cn'): such a
# part names the site whatever page it closes.
_SITE_NAME = re.compile(
    r"(?:网|网站|官网|门户|门户网站|频道|客户端)$|^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:cn|com|net|org|gov)$",
    re.IGNORECASE,
)
# An organisation's name ('国家统计局', '某某大学'): the site's only when the page names it as its owner or source
# ('版权所有：国家统计局', '来源：…'); otherwise a headline's own words ('深度调查｜走进北京协和医院').
_ORGANISATION = re.compile(
    r"(?:政府|局|厅|委|委员会|办公室|部|院|中心|协会|学会|集团|公司|大学|学院|医院|银行|日报|晚报|时报|杂志社|报社|电视台)$"
)
_OWNER_LABEL = r"(?:版权所有|主办单位|主办|来源|网站标识码|承办)\s*[：:]?\s*(?:©\s*)?"
MAX_COLUMN_NAME = 8  # characters: a column's name between the title and the site's ('通知公告', '政策解读')
MIN_OWN_TITLE = 4  # characters the page's own title keeps: '中国 - 东盟博览会' names no site


def _names_site(part: str, page_text: str) -> bool:
    """Whether a ``<title>``'s last part is the site's name: it says it is a site, or it is an organisation's name
    the page gives as its owner or source."""
    part = part.strip()
    if _SITE_NAME.search(part):
        return True
    return bool(_ORGANISATION.search(part)) and re.search(_OWNER_LABEL + re.escape(part), page_text) is not None


def _size(part: str) -> int:
    return len(re.sub(r"\s+", "", part))


def without_site_name(title: str, page_text: str = "") -> str:
    """A page's ``<title>`` without the site's and its column's names after it ('关于…的通知_通知公告_重庆市人民政府网'
    → '关于…的通知', '… - 新华网', '…｜国家统计局' on a page '版权所有：国家统计局'): a document titled '… - 新华网'
    cited the site in every answer. Kept whole unless its last part names a site (``_names_site``; '深度调查｜走进北京
    协和医院' names a hospital, not the site) and a title of its own stays; the longest part is the headline and never
    dropped ('人工智能 | 机器学习 | 计算机学院' is kept, '栏目｜标题' keeps its title)."""
    whole = title.strip()
    parts = _SITE_SEPARATOR.split(whole)
    if len(parts) < 2 or not _names_site(parts[-1], page_text):
        return whole
    if _size(parts[-1]) >= max(_size(p) for p in parts):
        return whole  # the longest part is the page's own headline, whatever it ends with
    parts.pop()
    while (
        len(parts) > 1
        and len(parts[-1]) <= MAX_COLUMN_NAME
        and not _CLAUSE_PUNCT.search(parts[-1])
        and _size(parts[-1]) < max(_size(p) for p in parts)
    ):
        parts.pop()  # a column's name between the title and the site's: '通知公告', '政策解读'
    own = whole[: whole.index(parts[-1]) + len(parts[-1])] if parts[-1] else ""
    return own if _size(own) >= MIN_OWN_TITLE else whole


_CLAUSE_PUNCT = re.compile(r"[，,。；;！!？?：:]")


def _bold_title(text: str) -> bool:
    """Whether a line set all in bold reads as a head: short, one line, no clause in it (a sentence, or a label
    and its message: '温馨提示：请妥善保管密码' is emphasis), no caption ('表1 主要经济指标' labels a table)."""
    return is_bare_heading(text) and not _CLAUSE_PUNCT.search(text) and not CAPTION_LABEL.match(text)


def _bold_question(text: str) -> bool:
    """Whether a bold line is a head phrased as a question ('01 哪些人需要办理？', '如何预约办理?'): one short question,
    nothing before its question mark that ``_bold_title`` would refuse. Asked only of lines an editor set apart by type
    (``_set_apart_by_type``): a WeChat article's heads are its reader's questions, while a question in the body's type
    (an FAQ's bold '问：…？' over its answer, a bold question inside the text) is no outline of the page."""
    stripped = text.strip()
    return stripped.endswith(("？", "?")) and _bold_title(stripped.rstrip("？?").rstrip())


BOLD_HEADS_UNDER_TITLE = 3  # bold lines heading text that make an outline under a page's one marked title (h1)
# A section's number set as a badge of its own above its title ('01', '02', 'PART 3', '第一部分'): WeChat editors
# (135editor, xiumi) set it in a box apart from the bold title it numbers.
_BADGE = re.compile(
    r"(?:\d{1,2}|[一二三四五六七八九十]{1,3}|(?:part|no\.?)\s*\d{1,2}|第[一二三四五六七八九十\d]{1,3}部分)", re.I
)


_FONT_SIZE = re.compile(r"(?:^|;)\s*font-size\s*:\s*([\d.]+)\s*(px|pt|r?em)?", re.IGNORECASE)
_COLOR = re.compile(r"(?:^|;)\s*color\s*:\s*([^;]+)", re.IGNORECASE)
_UNIT_PX = {"px": 1.0, "pt": 4 / 3, "em": 16.0, "rem": 16.0}


def _inline_look(el) -> tuple[float | None, str | None]:  # noqa: ANN001 - lxml element
    """The font size (px) and colour the nearest inline styles of ``el`` and its ancestors set."""
    size: float | None = None
    color: str | None = None
    for a in (el, *el.iterancestors()):
        style = a.get("style") or ""
        if size is None and (m := _FONT_SIZE.search(style)):
            size = float(m.group(1)) * _UNIT_PX.get((m.group(2) or "px").lower(), 1.0)
        if color is None and (m := _COLOR.search(style)):
            color = re.sub(r"\s+", "", m.group(1)).lower()
        if size is not None and color is not None:
            break
    return size, color


def _set_apart_by_type(content, found: list[tuple[str, int | None, str]]) -> set[int]:  # noqa: ANN001 - lxml element
    """The bold blocks (``_STRONG``) an editor set apart from the body by inline type: a larger font size or another
    colour than the body's commonest (by characters). WYSIWYG editors (WeChat's, UEditor, 135editor) style a head so;
    a converter's ``<p><strong>`` (pandoc's LaTeX \\textbf paragraph labels) carries no style and sets nothing
    apart."""
    deepest: dict[str, object] = {}
    for el in content.iter():
        if isinstance(el.tag, str) and (text := _text(el)):
            deepest[text] = el  # document order: a child holding all its parent's text replaces it

    def look(text: str) -> tuple[float | None, str | None] | None:
        # (a badge joined to its title: 'PART 1 如何办理' is found by '如何办理')
        el = next(
            (e for k in range(text.count(" ") + 1) if (e := deepest.get(text.split(" ", k)[-1])) is not None), None
        )
        return None if el is None else _inline_look(el)

    weights: dict[tuple[float | None, str | None], int] = {}
    for text, _, role in found:
        if role == "body" and (seen := look(text)) is not None:
            weights[seen] = weights.get(seen, 0) + len(text)
    if not weights:
        return set()
    body_size, body_color = max(weights, key=lambda k: weights[k])
    apart: set[int] = set()
    for i, (text, _, role) in enumerate(found):
        if role != _STRONG or (seen := look(text)) is None:
            continue
        size, color = seen
        if (size is not None and body_size is not None and size > body_size) or (
            color is not None and color != body_color
        ):
            apart.add(i)
    return apart


def _with_badges_joined(found: list[tuple[str, int | None, str]]) -> list[tuple[str, int | None, str]]:
    """The blocks with a bold number badge ('01') joined to the bold title right after it ('01 为什么…'): the head's
    number, not a line of body text filed at the end of the section before it."""
    out: list[tuple[str, int | None, str]] = []
    for text, level, role in found:
        previous = out[-1] if out else None
        if (
            previous is not None
            and previous[2] == _STRONG
            and role == _STRONG
            and _BADGE.fullmatch(previous[0])
            and (_bold_title(text) or _bold_question(text))
        ):
            out[-1] = (f"{previous[0]} {text}", level, role)
        else:
            out.append((text, level, role))
    return out


def _inferred_headings(
    found: list[tuple[str, int | None, str]], below: int = -1, apart: set[int] | None = None
) -> list[tuple[str, int | None, str]]:
    """The blocks of a page without h1–h6 or ARIA headings in its content, with the heads its author set
    in bold or numbered as an outline made headings.

    Many sites' editors (the ``TRS_Editor`` of Chinese government sites, WYSIWYG fields of a CMS) write an
    article as paragraphs or ``<br>``-broken lines, its heads '<strong>一、活动时间</strong>': read as
    body, the whole page was one section, where the same text as a .txt file has one per head. A numbered
    line is a head by the rules the DOCX reader applies to an unstyled numbered paragraph
    (``numbered_heading_rank``: short, unpunctuated, a title after the number; ``numbered_line_heads_text``: it heads
    text, it is not a list of contents), whether in bold or not; its level follows the outline's numbering
    (第一章 above 一、 above （一） above 1.), shallowest first. A line all in bold, short and not a sentence,
    that heads text is a head too, when the page has a numbered head or another such line: before the first
    numbered head it is a title (level 1, the numbered heads below it); after one, a subhead under it, except
    after a '1.' step, whose sibling it is (under the step it filed the rest of the page under that step).
    '1.' lines head sections only beside 一、/（一）/第N条 lines; numbered alone they are a list (the PDF reader's
    rule, ``qa.formats.pdf.numbered``). A caption ('表1 主要经济指标') is never a head. A list
    item is never a head. A page whose content marks one heading, an h1 (a news or government article's title
    in ``<h1>``, its text in an editor's ``<div>``), gets its numbered heads below that h1 (``below``: its
    index), and its bold lines only when at least ``BOLD_HEADS_UNDER_TITLE`` of them each head text and its
    editor set them apart by type (``apart``: a larger size or another colour in inline styles; a WeChat article:
    its title the page's h1, its heads bold, larger, coloured ``<section>``/``<span>`` lines); one or two bold
    lines, or bold lines in the body's type, are emphasis or labels its author chose not to mark as headings
    (pandoc's page of the GFDL, its clause labels '<p><strong>. VERBATIM COPYING</strong></p>'). A page with any
    other heading in its content keeps its author's outline as marked."""
    items = [("row" if role == "table" else "p", text, level, False) for text, level, role in found]
    eligible = [i for i, (_, _, role) in enumerate(found) if role in ("body", _STRONG) and i > below]
    candidates = {
        i: rank
        for i in eligible
        if (rank := numbered_heading_rank(found[i][0])) is not None and not CAPTION_LABEL.match(found[i][0])
    }
    if not any(r < MAX_RANK for r in candidates.values()):
        # '1.' heads a section only under 一、/（一）/第N条, as the PDF reader rules (``qa.formats.pdf.numbered``):
        # a page's '1. 打开设置页面' steps, numbered alone, are its list
        candidates = {i: r for i, r in candidates.items() if r < MAX_RANK}
    numbered = {i: r for i, r in candidates.items() if numbered_line_heads_text(i, r, items, candidates, set())}
    # the last of a run of numbered lines over nothing ('1. 打开设置<br>2. 选择语言<br>3. 点击确定<br>说明…') is
    # that list's last item, not a head over what follows the list
    numbered = {i: r for i, r in numbered.items() if candidates.get(i - 1) != r or (i - 1) in numbered}
    apart = apart or set()
    bold = [
        i
        for i in eligible
        if found[i][2] == _STRONG
        and i not in candidates
        and (_bold_title(found[i][0]) or (i in apart and _bold_question(found[i][0])))
    ]
    heads = set(bold)
    # a bold line heads text: the next block is neither another bold line nor the end of the page
    bold = [i for i in bold if i + 1 < len(found) and (i + 1) not in heads and found[i + 1][2] != "heading"]
    if below >= 0:  # under a marked title: only lines set apart by type, and enough of them to make an outline
        bold = [i for i in bold if i in apart]
        bold = bold if len(bold) >= BOLD_HEADS_UNDER_TITLE else []
    if not numbered and len(bold) < 2:
        return found  # one bold line over a page (a title page's title, a warning) is emphasis, not an outline
    ranks = sorted(set(numbered.values()))
    first = min(numbered, default=len(found))
    # front matter ('前言', '目录') opens a document beside its numbered chapters: their sibling, never their title
    front = {i for i in bold if FRONT_MATTER.fullmatch(found[i][0])}
    lead = int(any(i < first for i in bold if i not in front))
    levels: dict[int, int] = {}
    top = found[below][1] or 1 if below >= 0 else 0  # under the page's one title heading, one level down
    current = 0  # level of the last numbered head
    step = False  # whether the last numbered head is a '1.' step (or deeper): a bold line is its sibling
    for i in sorted([*numbered, *bold]):
        if i in numbered:
            levels[i] = current = top + lead + 1 + ranks.index(numbered[i])
            step = numbered[i] >= MAX_RANK
        elif i in front and numbered:
            levels[i] = current = top + lead + 1
            step = False
        elif step:
            # a bold line after a '1.' step ends the step: filed under it, everything after it was the step's
            levels[i] = current
        else:
            levels[i] = current + 1 if current else top + 1
    return [
        (text, levels[i], "heading") if i in levels else (text, level, role)
        for i, (text, level, role) in enumerate(found)
    ]


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
    title = exported_title(title, body)  # a word processor's placeholder <title>, its Title-style paragraph
    word_processor_heads(root, body)  # an exported document's heads set by type, not Heading styles
    _aria_headings_as_headings(body)
    _without_permalinks(body)  # Sphinx's and MkDocs' '¶' after every heading
    section_titles_as_headings(body)  # '<section><div class="sec-title">年假</div>…': the section's heading
    questions_as_headings(body)  # an FAQ's accordion: each question's button heads its answer
    definition_questions_as_headings(body)  # an FAQ's '<dt>问：…？<dd>答：…': each question heads its answer
    _mark_widgets(body)  # a feedback box's prompt over its buttons: dropped with them (after the FAQ's questions)
    without_jump_lines(body)  # '返回目录', '回到顶部' after each section of a long page
    mark_comment_sections(body)  # '<section id="comments"><h3>3 条评论</h3>…': read as the page's last section
    root.set(_PAGE_HEADINGS, str(sum(1 for _ in body.iter(*_HEADINGS))))
    page_text = body.text_content()  # the site's name as the page gives it ('版权所有：…'), footer included
    mains = body.xpath(".//main | .//*[@role='main']")
    articles = body.xpath(".//article")
    content = mains[0] if mains else articles[0] if len(articles) == 1 else body
    moved = _move_notes(body, content, content is not body)
    _without_wiki_marks(body)  # '[编辑]' after each heading, '[2]' in the text (marks of notes not moved)
    walker = _Walker()
    walker.walk(content, content is not body)
    walker.flush()
    found = _without_menu_lines([(t, level, role) for t, level, role in _with_unread_notes(walker, moved) if t])
    found = _without_site_footer(_without_furniture(found), _article_tail(content, content is not body))
    found = _without_feedback(found)
    marked = [i for i, (_, level, role) in enumerate(found) if level is not None and role != _COMMENTS]
    if not marked:
        found = _with_badges_joined(found)
        # (only a bold question needs to be set apart by type here: the look is read for pages that have one)
        asks = any(role == _STRONG and _bold_question(t) for t, _, role in found)
        found = _inferred_headings(found, apart=_set_apart_by_type(content, found) if asks else None)
    elif len(marked) == 1 and (found[marked[0]][1] == 1 or _names_the_page(found[marked[0]][0], title, page_text)):
        # an article's title alone: its heads are below it (a site template's '<h2 class="title">' as much as an h1)
        found = _with_badges_joined(found)
        title_at = found.index(next(b for b in found if b[1] is not None))
        found = _inferred_headings(found, below=title_at, apart=_set_apart_by_type(content, found))
    found = [(t, level, "body" if role in (_STRONG, _ITEM) else role) for t, level, role in found]
    found = comments_placed(found, _COMMENTS)
    found = _with_attachments_apart(found)
    found = _metadata_under_title(found, title, page_text)
    first_heading = next((t for t, level, _ in found if level == 1), None)
    blocks: list[Block] = []
    shift = 0
    headings = [t for t, level, _ in found if level is not None]
    # the page's own heading names the document, wherever it is (a menu column's caption may come before it)
    own = (
        _site_title(title, headings)
        or any(_squeezed(h) == _squeezed(title) for h in headings)
        or _titled_by_heading(title, first_heading)
    )
    top = next(((t, level) for t, level, _ in found if level is not None), None)
    if top is not None and top[1] == min(level for _, level, _ in found if level is not None):
        own = own or _abbreviates(without_site_name(title, page_text), top[0])
    if title and not own and not (first_heading and (first_heading in title or title in first_heading)):
        blocks.append(Block(without_site_name(title, page_text), heading_level=1, role="title"))
        shift = 1
    blocks += [
        Block(t, heading_level=None if level is None else level + shift, role=role, lines=level is None and "\n" in t)
        for t, level, role in found
    ]
    return to_document(blocks, path, doc_id, "html", encoding)


def fragment_lines(markup: str) -> list[tuple[int, str, int | None, str]]:
    """The blocks of an HTML fragment (a raw HTML block in a Markdown file) as (0-based line of ``markup`` where
    the block's text starts, text, heading level, role), read by the page walker: a table as 'cell | cell' rows,
    a ``<summary>`` or an unknown element (``<callout>``) as its text, ``<script>``/``<style>`` dropped.

    The line of each block is found by the source line of the characters it starts with (lxml records each
    element's line), so a Markdown file's citations still name the lines its text is on. Nothing of the
    fragment is judged as page chrome beyond what the walker drops inside it: the author wrote it."""
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except Exception:  # lxml raises ParserError/ValueError on markup it cannot parse: no text to read
        return []
    chars: list[str] = []  # the fragment's visible characters without whitespace, in document order
    where: list[int] = []  # the 0-based line of each

    def add(text: str | None, line: int, visible: bool) -> int:
        for ch in text or "":
            if ch == "\n":
                line += 1
            elif visible and not ch.isspace() and ch not in "\u200b\ufeff":  # (what ``clean_inline`` reads as space)
                chars.append(ch)
                where.append(line)
        return line

    def visit(el, line: int) -> int:  # noqa: ANN001 - lxml element
        if isinstance(el.tag, str):
            line = max(line, (el.sourceline or 1) - 1)
            line = add(el.text, line, el.tag not in _DROP_TAGS)
            for child in el:
                line = visit(child, line)
        return add(el.tail, line, True)

    visit(root, 0)
    stream = fold_ideographs("".join(chars))
    walker = _Walker()
    walker.walk(root, True)
    walker.flush()
    out: list[tuple[int, str, int | None, str]] = []
    pos = 0
    for text, level, role in walker.blocks:
        if not text:
            continue
        found = -1
        # A row is found by its first cell's own words: a labelled value ('假期类型：年假') without its label (the
        # header's words), a row under a cell spanning rows from above by its own first cell (the spanning one
        # is written once, in the row it starts in).
        pieces = text.split(" | ") if role == "table" else [text]
        if role == "table" and out and out[-1][3] == "table":
            pieces = [q for q in pieces if q not in out[-1][1].split(" | ")] or pieces
        for piece in [p for q in pieces for p in (q, q.split("：", 1)[1] if role == "table" and "：" in q else "")]:
            key = re.sub(r"\s+", "", piece)[:12]
            found = stream.find(key, pos) if key else -1
            if found >= 0:
                break
        if found >= 0:
            line, pos = where[found], found + len(key)
        else:
            line = out[-1][0] if out else 0
        out.append((line, text, level, "body" if role in (_STRONG, _ITEM, _MENU) else role))
    return out
