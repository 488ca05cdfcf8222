"""Markdown files: headings from the Markdown itself, line numbers from the file.

A ``.md`` file used to be read as plain text and its structure guessed from text: a ``# comment``
inside a code fence became a heading, setext headings (``Title`` over ``=====``) were not seen and
their underline became a section title, YAML front matter was indexed as body, and one ``#`` title
switched the numbered-heading rules off. Here the file is parsed by markdown-it-py (CommonMark, with
GFM tables) and mdit-py-plugins' front-matter rule; the parser says which lines are headings, code,
tables, lists, quotes and body, so nothing is guessed from how a line looks.

**Citations keep pointing at the file's lines.** Other readers (HTML, DOCX) rebuild ``Document.text``
from blocks; that would renumber a Markdown file's lines. Here ``Document.text`` is the file's own
(normalised) text, line for line: only lines that carry markup and no text are blanked — the front
matter, a setext underline, code-fence lines, thematic breaks, a table's delimiter row — and a heading
line holds the heading's words without markup, as an ATX heading ('## [API](api.md) `v2`' -> '## API
v2', 'Title' over '=====' -> '# Title'; a heading is only ever shown as the section path), as does a
front-matter ``title:`` line when it heads the outline. A raw HTML block (Feishu, Notion and Yuque exports write
tables, foldouts and callouts so) holds its text as the HTML reader reads it, each block on the line its text
starts on, and image syntax and inline tags are dropped from a line (an image's alt text kept). Every other line
is the file's, so
``doc.md:12-14`` is lines 12-14 of the file. Each line gets a ``LineHint``: its heading level where the
Markdown makes it a heading (ATX or setext, outside lists and quotes), else no level (body, code,
table, list, quote: never a heading).

**Numbered headings written as paragraphs** ('一、报到流程', '1.1 范围', '（二）…' on a line of their
own, as Chinese notes are often written under one ``#`` title) nest under the Markdown heading above
them, as the plain-text stage nests them in a .txt file: a short numbered paragraph that heads text
(body or a deeper numbered heading follows before its next sibling) becomes a heading one level below
the Markdown heading, deeper numberings (``qa.structure.headings.outline_rank``) one level further.
Numbered list items (``1. …``) are a list in Markdown and stay body.

A Markdown file of nothing but paragraphs (no heading, code, list, table, quote or HTML block) is left to
the plain-text structure stage (``hints`` None), as before: it is text in a ``.md`` file, and that stage
infers its bare headlines. Once a file uses any Markdown block, the Markdown decides: a table row, a list
item or a line of code is never taken for a headline (``benchmarks/real_markdown.py``: on real files with no
heading the guessing stage made headings of licence clauses and table rows).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from qa.formats.blocks import hints_digest
from qa.formats.outline_numbers import MAX_NUMBERED_HEADING, SENTENCE_PUNCT
from qa.records import Document, LineHint
from qa.structure.headings import is_bare_heading, outline_rank

# A fence line with nothing else on it, also inside a quote or a list item ('> ```', '- ```').
_FENCE = re.compile(r"^[\s>]*(?:(?:[-*+]|\d{1,9}[.)])\s+)?(`{3,}|~{3,})\s*$")
# Roles of lines inside container or leaf blocks that are never headings.
_CONTAINER_ROLES = {"bullet_list_open": "list", "ordered_list_open": "list", "blockquote_open": "quote"}


def _parser(front_matter: bool = True) -> MarkdownIt:
    md = MarkdownIt("commonmark").enable("table")
    return md.use(front_matter_plugin) if front_matter else md


def _yaml_mapping(content: str) -> dict | None:
    """The front matter as a YAML mapping; None when it is not one (then it was never front matter)."""
    if not content.strip():
        return {}
    try:
        data = yaml.safe_load(content)
    except yaml.YAMLError:
        return None
    return data if isinstance(data, dict) else None


# Hugo's TOML front matter: '+++' lines around 'key = value' pairs, first thing in the file.
_TOML_FENCE = re.compile(r"^\+\+\+[ \t]*$", re.MULTILINE)


def _toml_front_matter(text: str) -> tuple[int, dict] | None:
    """(lines it spans, its mapping) of a TOML front matter ('+++' … '+++') opening the file; None if none."""
    if not text.startswith("+++"):
        return None
    fences = list(_TOML_FENCE.finditer(text))
    if len(fences) < 2 or fences[0].start() != 0:
        return None
    import tomllib

    try:
        data = tomllib.loads(text[fences[0].end() : fences[1].start()])
    except tomllib.TOMLDecodeError:
        return None
    return text[: fences[1].end()].count("\n") + 1, data


def _parse(text: str) -> tuple[list[Token], dict | None]:
    """Tokens of the file, and its front matter when it opens with a YAML mapping between '---' lines.

    A file that opens with a thematic break ('---') and has another further down is not front matter: without
    this check the plugin would take, and we would blank, everything between them."""
    tokens = _parser().parse(text)
    if tokens and tokens[0].type == "front_matter":
        data = _yaml_mapping(tokens[0].content)
        if data is not None:
            return tokens, data
        return _parser(front_matter=False).parse(text), None
    return tokens, None


def _plain(inline: Token) -> str:
    """The words of an inline token without emphasis, code or link marks ('**一、总则**' -> '一、总则')."""
    parts = [
        " " if c.type in ("softbreak", "hardbreak") else c.content
        for c in inline.children or []
        if c.type in ("text", "code_inline", "softbreak", "hardbreak")
    ]
    return " ".join("".join(parts).split())


def _numbered_rank(text: str) -> int | None:
    """Outline depth of a paragraph that reads as a numbered heading ('一、报到流程', '1.1 范围'), else None."""
    if len(text) > MAX_NUMBERED_HEADING or SENTENCE_PUNCT.search(text) or not is_bare_heading(text):
        return None
    return outline_rank(text)


def _front_matter_title(content: str, data: dict) -> tuple[int, str] | None:
    """(line offset within the front matter, title) of its ``title:`` line; None if it has no one-line title."""
    value = data.get("title")
    if not isinstance(value, str) or not value.strip() or "\n" in value.strip():
        return None
    offset = next((n for n, line in enumerate(content.split("\n")) if line.startswith("title:")), None)
    return None if offset is None else (offset, " ".join(value.split()))


class _Lines:
    """The document's lines, which of them are blanked or replaced, and what each says."""

    def __init__(self, text: str) -> None:
        self.lines = text.split("\n")
        self.hints: dict[int, LineHint] = {}  # 1-based line -> hint

    def blank(self, first: int, end: int) -> None:
        """Blank lines ``first`` .. ``end - 1`` (0-based): markup with no text."""
        for i in range(first, min(end, len(self.lines))):
            self.lines[i] = ""
            self.hints.pop(i + 1, None)

    def title(self, first: int, end: int, words: str, level: int, role: str = "heading") -> None:
        """A heading on lines ``first`` .. ``end - 1``: its first line holds its words without markup (what the
        section path shows: no '#', emphasis, link targets or badges), the rest are blanked; none if no words."""
        self.blank(first + 1, end)
        if not words:
            self.blank(first, first + 1)
            return
        # As an ATX heading whatever the source wrote (setext, a numbered paragraph): the paragraph splitter then
        # never joins it to an adjacent line, and the structure stage's heading_title() reads the words.
        self.lines[first] = "#" * min(level, 6) + " " + words
        self.hints[first + 1] = LineHint(heading_level=level, role=role)

    def mark(self, first: int, end: int, level: int | None, role: str) -> None:
        for i in range(first, min(end, len(self.lines))):
            if self.lines[i].strip():
                self.hints[i + 1] = LineHint(heading_level=level, role=role)


def _blocks(tokens: list[Token]) -> list[tuple[Token, Token | None, str | None]]:
    """Top-level blocks as (opening token, its inline token or None, container role or None)."""
    out: list[tuple[Token, Token | None, str | None]] = []
    depth = 0
    container: str | None = None
    for n, token in enumerate(tokens):
        if depth == 0 and token.map is not None and token.nesting >= 0:
            inline = tokens[n + 1] if n + 1 < len(tokens) and tokens[n + 1].type == "inline" else None
            container = _CONTAINER_ROLES.get(token.type)
            out.append((token, inline, container))
        depth += token.nesting
    return out


def markdown_document(path: Path, doc_id: str, text: str, encoding: str) -> Document:
    """The Document of a decoded, normalised Markdown file (see the module docstring)."""
    toml = _toml_front_matter(text)
    if toml is None:
        tokens, front = _parse(text)
    else:  # parsed with its lines emptied (line numbers kept), its title taken as a YAML title is
        span, front = toml
        tokens, _ = _parse("\n" * span + text.split("\n", span)[-1] if text.count("\n") >= span else "")
    lines = _Lines(text)
    if toml is not None:
        lines.blank(0, toml[0])
    blocks = _blocks(tokens)
    headings = [(t, inline) for t, inline, _ in blocks if t.type == "heading_open"]
    for token in tokens:  # a fence inside a list item or a quote: its fence lines carry no text either
        if token.type == "fence" and token.level > 0 and token.map is not None:
            first, end = token.map
            if _FENCE.match(lines.lines[first].replace(token.info, "", 1)):
                lines.blank(first, first + 1)
            if end - 1 > first and _FENCE.match(lines.lines[end - 1]):
                lines.blank(end - 1, end)
    # Nothing but paragraphs (no heading, code, list, table, quote, HTML): text that happens to be in a .md file.
    only_paragraphs = all(t.type in ("paragraph_open", "front_matter", "hr") for t, _, _ in blocks)
    title: tuple[int, str] | None = None
    if toml is not None and isinstance(front.get("title"), str) and front["title"].strip():
        at = next((n for n in range(toml[0]) if re.match(r"title\s*=", text.split("\n")[n])), None)
        title = None if at is None else (at, " ".join(front["title"].split()))

    # Pass 1: blank markup-only lines, hint everything the parser is sure about.
    for token, inline, container in blocks:
        first, end = token.map  # type: ignore[misc]
        if token.type == "front_matter":
            found = _front_matter_title(token.content, front or {})
            lines.blank(first, end)
            if found is not None:
                title = (first + 1 + found[0], found[1])
        elif token.type == "heading_open":
            if token.markup in ("=", "-"):  # setext: the underline is the last line
                lines.blank(end - 1, end)
                end -= 1
            lines.title(first, end, _plain(inline) if inline is not None else "", int(token.tag[1]))
        elif token.type == "fence":
            lines.blank(first, first + 1)
            if end - 1 > first and _FENCE.match(lines.lines[end - 1]):
                lines.blank(end - 1, end)
            lines.mark(first, end, None, "code")
        elif token.type == "code_block":
            lines.mark(first, end, None, "code")
        elif token.type == "hr":
            lines.blank(first, end)
        elif token.type == "table_open":
            lines.blank(first + 1, first + 2)  # the delimiter row '| --- | --- |'
            lines.mark(first, end, None, "table")
        else:
            lines.mark(first, end, None, container or "body")
    for token in tokens:
        if token.type == "html_block" and token.map is not None:
            _read_html_block(lines, token)
        elif token.type == "inline" and token.map is not None and _TOC_MARKER.fullmatch(token.content.strip()):
            lines.blank(*token.map)  # '[TOC]': where a renderer draws the contents list, no words of the file
        elif token.type == "inline" and token.map is not None:
            _without_inline_markup(lines, token)
    _without_alert_markers(tokens, lines)
    _summaries_as_headings(blocks, lines)

    if not headings and only_paragraphs:
        # Text in a .md file: the plain-text stage infers its headlines (markup-only lines blanked all the same).
        doc_text = "\n".join(lines.lines)
        return Document(doc_id, path, doc_text, hints_digest(doc_text, None), encoding, None, "markdown")

    _number_headings(blocks, lines)

    # The front matter's title heads the outline when the body does not open with its own level-1 title.
    first_heading = min(((t.map[0], int(t.tag[1])) for t, _ in headings if t.map is not None), default=None)
    first_block = min(
        (t.map[0] for t, _, _ in blocks if t.map is not None and t.type not in ("front_matter", "hr")), default=None
    )
    opens = first_heading is not None and first_heading[1] == 1 and first_heading[0] <= (first_block or 0)
    if title is not None and not opens:
        line, value = title
        # A front matter's title repeated as the body's '# 标题' under a banner or a logo block heads the banner
        # beside that heading, at its level: put over it, every path read '标题 › 标题 › 二、…'.
        if not _same_words(value, _first_h1(headings)):
            lines.hints = {n: _deeper(h) for n, h in lines.hints.items()}
        lines.title(line, line + 1, value, 1, role="title")

    doc_text = "\n".join(lines.lines)
    hints = dict(sorted(lines.hints.items()))
    return Document(doc_id, path, doc_text, hints_digest(doc_text, hints), encoding, hints, "markdown")


def _same_words(a: str, b: str | None) -> bool:
    return b is not None and "".join(a.split()).casefold() == "".join(b.split()).casefold()


def _first_h1(headings: list[tuple[Token, Token | None]]) -> str | None:
    """The words of the file's first level-1 heading, if it has one."""
    return next((_plain(inline) for t, inline in headings if t.tag == "h1" and inline is not None), None)


def _deeper(hint: LineHint) -> LineHint:
    return hint if hint.heading_level is None else LineHint(heading_level=hint.heading_level + 1, role=hint.role)


def _number_headings(blocks: list[tuple[Token, Token | None, str | None]], lines: _Lines) -> None:
    """Give numbered one-line paragraphs that head text a level under the Markdown heading above them."""
    content = [(t, inline) for t, inline, _ in blocks if t.type not in ("front_matter", "hr")]
    ranks: dict[int, int] = {}  # position in ``content`` -> outline rank of a candidate
    for k, (token, inline) in enumerate(content):
        if token.type == "paragraph_open" and inline is not None and token.map[1] - token.map[0] == 1:  # type: ignore[index]
            rank = _numbered_rank(_plain(inline))
            if rank is not None:
                ranks[k] = rank
    # Spans between Markdown headings; inside each, a candidate heads text when the block after it is body or a
    # deeper numbered line: one followed by a sibling, a Markdown heading or nothing is a list item or a label.
    confirmed: dict[int, int] = {}
    parent_level = 0
    span: list[int] = []

    def settle(span: list[int], parent_level: int) -> None:
        heads: dict[int, int] = {}
        for k in reversed(span):
            if k not in ranks:
                continue
            nxt = k + 1
            if nxt in span and (nxt not in ranks or ranks[nxt] > ranks[k]):
                heads[k] = ranks[k]
        order = sorted(set(heads.values()))
        for k, rank in heads.items():
            confirmed[k] = parent_level + 1 + order.index(rank)

    for k, (token, _) in enumerate(content):
        if token.type == "heading_open" and k not in ranks:
            settle(span, parent_level)
            span = []
            parent_level = int(token.tag[1])
            continue
        span.append(k)
    settle(span, parent_level)
    for k, level in confirmed.items():
        first = content[k][0].map[0]  # type: ignore[index]
        lines.title(first, first + 1, _plain(content[k][1]), level)  # type: ignore[arg-type]


_DETAILS = re.compile(r"^\s*<details\b[^>]*>\s*<summary\b[^>]*>(.*?)</summary>", re.IGNORECASE | re.DOTALL)
_DETAILS_END = re.compile(r"</details\s*>\s*$", re.IGNORECASE)


def _summaries_as_headings(blocks: list[tuple[Token, Token | None, str | None]], lines: _Lines) -> None:
    """A foldout's question ('<details><summary>PON 灯一直闪烁怎么办？</summary>' over its answer) heads its answer one
    level under the Markdown heading it sits in, as an HTML FAQ's buttons do (``qa.formats.html_disclosure``): read
    as a line of text, the question was the passage's best sentence for a question, and the answer went unshown.

    Only where the foldout ends its section's text — the next block after ``</details>`` is a heading, another
    foldout or the file's end — since a heading cannot end before text that follows the foldout in its section."""
    level = 0
    for n, (token, _, _) in enumerate(blocks):
        if token.type == "heading_open":
            level = int(token.tag[1])
            continue
        found = _DETAILS.match(token.content) if token.type == "html_block" and token.level == 0 else None
        if found is None:
            continue
        close = next(
            (
                k
                for k in range(n, len(blocks))
                if blocks[k][0].type == "html_block" and _DETAILS_END.search(blocks[k][0].content)
            ),
            None,
        )
        if close is None:
            continue
        after = blocks[close + 1][0] if close + 1 < len(blocks) else None
        if (
            after is not None
            and after.type != "heading_open"
            and not (after.type == "html_block" and _DETAILS.match(after.content))
        ):
            continue
        question = " ".join(re.sub(r"<[^>]+>", " ", found.group(1)).split())
        first, end = token.map  # type: ignore[misc]
        at = next((k for k in range(first, end) if " ".join(lines.lines[k].split()) == question), None)
        if question and at is not None:
            lines.title(at, at + 1, question, min(level + 1, 6))


def _read_html_block(lines: _Lines, token: Token) -> None:
    """A raw HTML block (Feishu/Notion/Yuque exports: ``<table>``, ``<details><summary>``, ``<callout>``) read as
    the HTML reader reads a page (``qa.formats.html.fragment_lines``): each block's text on the line its text
    starts on, a table a 'cell | cell' line per row, lines holding only tags blanked. Several blocks on one line
    share it. A heading (``<h2>``) at the top level heads a section as '##' would."""
    from qa.formats.html import fragment_lines

    first, end = token.map  # type: ignore[misc]
    placed: dict[int, list[tuple[str, int | None, str]]] = {}
    for offset, text, level, role in fragment_lines(token.content):
        placed.setdefault(min(first + offset, end - 1), []).append((text, level, role))
    role_before = {n: lines.hints[n + 1].role for n in range(first, end) if n + 1 in lines.hints}
    outer = next((r for r in role_before.values() if r in ("list", "quote")), None)
    for n in range(first, end):
        parts = placed.get(n)
        if not parts:
            lines.blank(n, n + 1)
            continue
        # (rows of a table written on one line: '; ' between rows, ' | ' between cells, as elsewhere)
        words = "; ".join(text for text, _, _ in parts) if len(parts) > 1 else parts[0][0]
        level = parts[0][1]
        if level is not None and len(parts) == 1 and token.level == 0:
            lines.title(n, n + 1, words, level)
            continue
        lines.lines[n] = words
        roles = {role for _, _, role in parts}
        lines.hints[n + 1] = LineHint(role=outer or ("table" if roles == {"table"} else "body"))


# An image ('![alt](src "title")', '![alt][ref]', '![alt]'): its alt text is what the file says.
_IMAGE = re.compile(
    r"!\[((?:[^\[\]\\]|\\.)*)\]"  # '![alt'
    r"(?:\((?:<[^>\n]*>|[^()\s]|\([^()\s]*\))*"  # '(src' or '(<src>'
    r"(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^)\n]*\)))?\s*\)"  # ' "title")'
    r"|\[[^\]\n]*\])?"  # or '[ref]'
)


# A link ('[企业认证通道](https://… "title")', '[text][ref]'): its text is what a reader sees; the target is markup.
_LINK = re.compile(
    r"(?<![!\\])\[((?:[^\[\]\\]|\\.)*)\]"  # '[text'
    r"(?:\((?:<[^>\n]*>|[^()\s]|\([^()\s]*\))*"  # '(target' or '(<target>'
    r"(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^)\n]*\)))?\s*\)"  # ' "title")'
    r"|\[[^\]\n]*\])"  # or '[ref]'
)

# A contents-list placeholder on a line of its own, which renderers replace by the contents list: '[TOC]'
# (Python-Markdown, Typora, many Chinese editors), '[[_TOC_]]' (GitLab), '[[toc]]', '{:toc}' (kramdown), '@[toc]'.
_TOC_MARKER = re.compile(r"\[TOC\]|\[\[_?TOC_?\]\]|(?:\*\s*TOC\s*\n)?\{:\s*toc\s*\}|@\[TOC\]|\$\{TOC\}", re.IGNORECASE)


# An inline HTML tag that sets words off within a line (its removal joins nothing); any other ('<br>', '<td>')
# separates words and leaves a space.
_INLINE_TAG = re.compile(
    r"</?(?:a|abbr|b|big|cite|code|del|dfn|em|font|i|ins|kbd|mark|q|s|samp|small|span|strike|strong|sub|sup|u|var)\b",
    re.IGNORECASE,
)


def _emphasis(mark: str) -> re.Pattern[str]:
    m = re.escape(mark)
    c = re.escape(mark[0])
    return re.compile(rf"(?<![\\{c}]){m}(?=[^\s{c}])(.+?)(?<=[^\s{c}\\]){m}(?!{c})")


# Emphasis marks around words ('**红色闪烁**', '*注意*', '__粗体__'): markup, shown to a reader as bold or italic.
_EMPHASIS = {mark: _emphasis(mark) for mark in ("**", "__", "*", "_")}


# An inline code span ('`a*b*c`', '``max_len``'): its text is shown as typed, markup characters included.
_CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)")


def _outside_code_spans(line: str, clean: Callable[[str], str]) -> str:
    """``line`` with ``clean`` applied to the text between its inline code spans only: emphasis and tag removal must
    not touch '`max_len_value`' or '`a*b*c`' — a reader searches for the identifier as written."""
    parts: list[str] = []
    at = 0
    for span in _CODE_SPAN.finditer(line):
        parts += [clean(line[at : span.start()]), span.group(0)]
        at = span.end()
    return "".join([*parts, clean(line[at:])])


def _unmarked(text: str, children: list[Token], tags: list[str], marks: set[str]) -> str:
    """``text`` without image syntax (alt text kept), link targets (its text kept), the given inline tags and
    emphasis marks."""
    if any(c.type == "image" for c in children):
        text = _IMAGE.sub(lambda m: m.group(1), text)
    if any(c.type == "link_open" and c.markup != "autolink" for c in children):
        text = _LINK.sub(lambda m: m.group(1), text)
    for tag in tags:
        if tag in text:
            text = text.replace(tag, "" if _INLINE_TAG.match(tag) else " ", 1)
    for mark in sorted(marks, key=len, reverse=True):  # '**' before '*'
        text = _EMPHASIS[mark].sub(r"\1", text)
    return text


def _without_inline_markup(lines: _Lines, inline: Token) -> None:
    """The lines of a paragraph, list item or table row without image syntax (its alt text kept), emphasis marks
    ('**红色闪烁**' -> '红色闪烁') and inline HTML tags (a ``<br>`` as a space): markup, not words to index or show.
    Done on the lines the parser says hold an image, emphasis or a tag, so text that only looks like markup (in code)
    is left alone."""
    children = inline.children or []
    tags = [c.content for c in children if c.type == "html_inline"]
    marks = {c.markup for c in children if c.type in ("strong_open", "em_open")}
    if not tags and not marks and not any(c.type in ("image", "link_open") for c in children):
        return
    first, end = inline.map  # type: ignore[misc]
    for n in range(first, min(end, len(lines.lines))):
        line = lines.lines[n]
        if n + 1 in lines.hints and lines.hints[n + 1].role == "code":
            continue
        line = _outside_code_spans(line, lambda text: _unmarked(text, children, tags, marks))
        if line != lines.lines[n]:
            line = re.sub(r"(?<=\S)[ \t]{2,}(?=\S)", " ", line)  # the space a removed tag left beside another
            if line.strip(" \t>-*+") or not line.strip():
                lines.lines[n] = line.rstrip()
            else:
                lines.blank(n, n + 1)
            if not lines.lines[n].strip():
                lines.blank(n, n + 1)


# GitHub's alert marker, the first line of a quote ('> [!WARNING]'): a rendering instruction, not text.
_ALERT = re.compile(r"\[!(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*", re.IGNORECASE)


def _without_alert_markers(tokens: list[Token], lines: _Lines) -> None:
    for n, token in enumerate(tokens[:-2]):
        if token.type != "blockquote_open" or tokens[n + 1].type != "paragraph_open":
            continue
        inline = tokens[n + 2]
        if inline.type != "inline" or inline.map is None or not _ALERT.match(inline.content):
            continue
        line = inline.map[0]
        text = _ALERT.sub("", lines.lines[line], count=1)
        if text.strip(" \t>"):
            lines.lines[line] = text
        else:
            lines.blank(line, line + 1)
