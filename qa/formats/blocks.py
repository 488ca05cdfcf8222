"""What every format reader produces: blocks of text in reading order, each with what the source said.

A reader (PDF, DOCX, HTML) turns its file into ``Block``s — one per paragraph, heading, table row —
in reading order. ``to_document`` lays them out as the ``Document.text`` the rest of the pipeline
sees (one block per line, blocks separated by a blank line, so a citation's line numbers point at
one paragraph each) and records a ``LineHint`` for every line: the page, the heading level the
source gave it, and its role. There is no second pipeline: paragraphs, structure, chunks and
citations work on this text exactly as on a .txt file.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from qa.errors import LoadError
from qa.ideograph_forms import fold_ideographs
from qa.records import Document, LineHint

_SPACE = re.compile(r"[ \t\u3000\u00a0\u2002\u2003\u2009\u200b\ufeff]+")
_CJK = "\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
# A source line break between two CJK characters is not a space (CSS Text 3 drops it too).
_CJK_BREAK = re.compile(rf"(?<=[{_CJK}])[ \t]*[\r\n]+[ \t]*(?=[{_CJK}])")


@dataclass(frozen=True)
class Block:
    """One paragraph, heading or table row of a structured source, in reading order."""

    text: str
    page: int | None = None
    heading_level: int | None = None  # set only where the source marks a heading
    role: str = "body"  # body, heading, kicker, subtitle, byline, table, title
    edition: int | None = None  # printed edition of the page (PDF newspapers), when known
    # Lines the author broke with a soft break inside one paragraph (``qa.formats.soft_breaks``): '\n' in ``text``
    # stays a line break (one line of the document each, one paragraph); otherwise '\n' is a layout wrap, joined.
    lines: bool = False


_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:|^//")  # 'http:', 'mailto:', '//host': a link out of the document


# A figure's or table's caption (in every format: a PDF line, a bold Word paragraph, an HTML line), by its label
# and number ('表3', '图 2.1 系统结构', 'Table 4: …', 'Figure 3.'): set in
# bold or larger type like a heading, but a label of the float beside it — the text after it stays in its section.
# (Also an example's or listing's numbered by its chapter, as DocBook prints "例 3.1." in its sections' type: a
# textbook's or a slide's "例1 求函数的极值" is a heading.)
CAPTION_LABEL = re.compile(
    r"\s*(?:(?:[图圖表]|插图|fig(?:ure)?\.?|table|tab\.|abbildung|tabelle)\s*[0-9０-９]{1,3}(?:[.\-–][0-9]{1,3})*"
    r"|(?:例|example|listing)\s*[0-9]{1,3}(?:[.\-–][0-9]{1,3})+)(?=$|[\s:：.．、]|[^\x00-\x7f])",
    re.IGNORECASE,
)


# A contents list's title, alone on its line, in every format: '目录', '目 次', 'Contents', 'Table of Contents', and
# the bilingual title an annual report or a standard prints ('目录 Contents', 'CONTENTS / 目录'), a colon allowed.
MIN_CONTENTS_ENTRIES = 3  # a contents list has at least this many entries (a PDF's contents page, Word's typed list)
_CONTENTS_WORD = r"(?:目\s*录|目\s*次|目\s*錄|(?:table\s+of\s+)?contents)"
CONTENTS_TITLE = re.compile(rf"\s*{_CONTENTS_WORD}(?:\s*[/|｜]?\s*{_CONTENTS_WORD})?\s*[:：]?\s*", re.IGNORECASE)


def internal_link(target: str) -> bool:
    """A link target within the document or its document set: '#…' or a relative file ('ch02.html#prereq', as
    pandoc and DocBook link a book's chapters), not a web address ('http://www.gov.cn/', 'mailto:'). Menus and
    contents lists hold the first kind; a list of the second is what an author cites, and is text."""
    return not _SCHEME.match(target.strip().lower())


def clean_inline(text: str) -> str:
    """One line of text: whitespace runs as one space; a line break between CJK characters as nothing;
    look-alike ideographs (Kangxi radicals …, pasted from PDFs into Word and web pages) as the ideographs."""
    text = _CJK_BREAK.sub("", fold_ideographs(text))
    return _SPACE.sub(" ", text.replace("\r", " ").replace("\n", " ")).strip()


def hint_row(hint: LineHint) -> list:
    """A hint as a JSON list (page, level, role, edition[, continues]), as the index stores it."""
    row = [hint.page, hint.heading_level, hint.role, hint.edition]
    return row + [hint.continues] if hint.continues else row


def hints_digest(text: str, hints: dict[int, LineHint] | None) -> str:
    """Hash of the text and its hints: a changed heading style is a changed document."""
    digest = hashlib.sha256(text.encode("utf-8"))
    if hints:
        rows = {str(n): hint_row(h) for n, h in sorted(hints.items())}
        digest.update(json.dumps(rows, ensure_ascii=False, sort_keys=True).encode("utf-8"))
    return digest.hexdigest()


def to_document(blocks: list[Block], path: Path, doc_id: str, source_format: str, encoding: str) -> Document:
    """The ``Document`` for ``blocks``: one line per block (per line of a block of ``lines``), a blank line between
    blocks: each block is one paragraph (``qa.paragraphs.split_paragraphs``)."""
    lines: list[str] = []
    hints: dict[int, LineHint] = {}
    for block in blocks:
        parts = [clean_inline(part) for part in block.text.split("\n")] if block.lines else [clean_inline(block.text)]
        parts = [part for part in parts if part]
        if not parts:
            continue
        if lines:
            lines.append("")
        edition = block.edition if block.edition != block.page else None
        for part in parts:
            lines.append(part)
            hints[len(lines)] = LineHint(block.page, block.heading_level, block.role, edition)
    if not lines:
        raise LoadError(f"{doc_id}: no text found in this {source_format.upper()} file, skipped")
    text = "\n".join(lines) + "\n"
    return Document(
        doc_id=doc_id,
        path=path,
        text=text,
        sha256=hints_digest(text, hints),
        encoding=encoding,
        hints=hints,
        source_format=source_format,
    )
