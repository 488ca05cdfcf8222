"""Readers for structured formats: PDF (with its layout), Word .docx and HTML.

One interface: ``read_structured(path, doc_id) -> Document``, chosen by file suffix. Every reader
returns the same ``Document`` a .txt file becomes — ``text`` in reading order, one block per
paragraph or heading — plus ``hints`` (page, heading level, role of each line) and
``source_format``, so the structure stage uses what the format says instead of guessing.
A file a reader cannot use raises ``LoadError`` with a one-line message naming it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from qa.errors import LoadError
from qa.records import Document

log = logging.getLogger(__name__)

Reader = Callable[[Path, str], Document]


def _pdf(path: Path, doc_id: str) -> Document:
    from qa.formats.pdf import read_pdf

    return read_pdf(path, doc_id)


def _docx(path: Path, doc_id: str) -> Document:
    from qa.formats.docx import read_docx

    return read_docx(path, doc_id)


def _html(path: Path, doc_id: str) -> Document:
    from qa.formats.html import read_html

    return read_html(path, doc_id)


def _delimited(path: Path, doc_id: str) -> Document:
    from qa.formats.delimited import read_delimited

    return read_delimited(path, doc_id)


READERS: dict[str, Reader] = {
    ".pdf": _pdf,
    ".docx": _docx,
    ".html": _html,
    ".htm": _html,
    ".csv": _delimited,
    ".tsv": _delimited,
}
STRUCTURED_SUFFIXES = tuple(READERS)


# What a file's first bytes say it is, whatever its name: a PDF ('%PDF', as the PDF reader asks), a
# ZIP package (a .docx, or another Office or OpenDocument package told by its parts), an OLE2 compound file (Word
# 97-2003, Excel 97-2003, WPS), an HTML page.
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_PACKAGES = (  # a ZIP package's telling part -> what it is
    ("word/document.xml", ".docx"),
    ("xl/workbook.xml", "an Excel .xlsx file"),
    ("ppt/presentation.xml", "a PowerPoint .pptx file"),
    ("content.xml", "an OpenDocument file"),
)
_KINDS = {".pdf": "PDF", ".docx": "Word .docx", ".html": "HTML"}


def content_kind(path: Path) -> str | None:
    """The reader's suffix a file's content calls for ('.pdf', '.docx', '.html'), or what the content is when no
    reader reads it ('a Word 97-2003 .doc file'); None when its first bytes say nothing (a text file, a CSV, a
    damaged file: its own reader judges it)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(1024)
    except OSError:
        return None
    if head.startswith(b"PK\x03\x04"):
        import zipfile

        try:
            with zipfile.ZipFile(path) as package:
                names = set(package.namelist())
        except (zipfile.BadZipFile, OSError, ValueError):
            return None
        return next((kind for part, kind in _PACKAGES if part in names), "a ZIP archive")
    if head.startswith(b"%PDF"):
        return ".pdf"
    if head.startswith(_OLE2):
        return "a Word 97-2003 .doc (or other Office 97-2003) file"
    opening = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if opening.startswith((b"<!doctype html", b"<html")):
        return ".html"
    return None


def read_structured(path: Path, doc_id: str) -> Document:
    """The document of a PDF, DOCX, HTML or CSV/TSV file; LoadError (naming the file) if it cannot be read.

    A PDF, DOCX or HTML file whose content is another of these (a PDF saved as '报告.docx', a web page downloaded
    as '.docx') is read as what it is, and the log says so; one whose content no reader reads (a .doc renamed
    .docx) is refused in words a user understands, not python-docx's 'Package not found'."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise LoadError(f"{doc_id}: not a PDF, DOCX, HTML or CSV file")
    if not path.is_file():
        raise LoadError(f"{doc_id}: cannot read (no such file)")
    named = path.suffix.lower()
    if named in (".pdf", ".docx"):
        kind = content_kind(path)
        if kind is not None and kind != named:
            if kind not in READERS:
                what = "a readable Word .docx" if named == ".docx" else "a PDF"
                raise LoadError(f"{doc_id}: not {what} file (it is {kind}; save it as .docx or .pdf), skipped")
            log.warning("%s: named %s but is a %s file, read as %s", doc_id, named, _KINDS[kind], _KINDS[kind])
            reader = READERS[kind]
    try:
        return reader(path, doc_id)
    except LoadError:
        raise
    except Exception as exc:  # a file no reader rule foresaw must not stop a build of many files
        log.debug("reading %s failed", doc_id, exc_info=True)
        kind = path.suffix.lower().lstrip(".").upper()
        raise LoadError(f"{doc_id}: could not be read as {kind} ({type(exc).__name__}: {exc}), skipped") from exc


__all__ = ["READERS", "STRUCTURED_SUFFIXES", "read_structured"]
