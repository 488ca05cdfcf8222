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


def read_structured(path: Path, doc_id: str) -> Document:
    """The document of a PDF, DOCX, HTML or CSV/TSV file; LoadError (naming the file) if it cannot be read."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise LoadError(f"{doc_id}: not a PDF, DOCX, HTML or CSV file")
    if not path.is_file():
        raise LoadError(f"{doc_id}: cannot read (no such file)")
    try:
        return reader(path, doc_id)
    except LoadError:
        raise
    except Exception as exc:  # a file no reader rule foresaw must not stop a build of many files
        log.debug("reading %s failed", doc_id, exc_info=True)
        kind = path.suffix.lower().lstrip(".").upper()
        raise LoadError(f"{doc_id}: could not be read as {kind} ({type(exc).__name__}: {exc}), skipped") from exc


__all__ = ["READERS", "STRUCTURED_SUFFIXES", "read_structured"]
