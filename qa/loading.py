"""Load text documents from files and directories, whatever their encoding.

Chinese text still arrives as GB18030/GBK or Big5 as often as UTF-8. Strict UTF-8 is tried first
(it almost never decodes non-UTF-8 bytes by accident); everything else goes to
``charset-normalizer`` rather than a hand-written guesser.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from charset_normalizer import from_bytes

from qa.errors import LoadError
from qa.formats import STRUCTURED_SUFFIXES, read_structured
from qa.records import Document

log = logging.getLogger(__name__)

TEXT_SUFFIXES = (".txt", ".md", ".markdown")
SUFFIXES = TEXT_SUFFIXES + STRUCTURED_SUFFIXES  # PDF, DOCX, HTML go to their readers in qa.formats
# Characters that read as a space but break word matching and line-length heuristics.
_SPACE_LIKE = str.maketrans({"\u3000": " ", "\u00a0": " ", "\u2002": " ", "\u2003": " ", "\ufeff": ""})


_CHINESE_ENCODINGS = {"gb18030", "gbk", "gb2312", "cp936", "big5", "big5hkscs", "cp950", "hz"}


def _reads_as_chinese(text: str) -> bool:
    """Mostly common CJK ideographs, CJK punctuation and ASCII: what a Chinese document is made of."""
    visible = [ch for ch in text if not ch.isspace()]
    if not visible:
        return False
    cjk = sum("\u4e00" <= ch <= "\u9fff" for ch in visible)
    usual = cjk + sum(ch.isascii() or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef" for ch in visible)
    return cjk >= 0.3 * len(visible) and usual >= 0.95 * len(visible)


@dataclass
class LoadResult:
    """Documents that loaded, and a message for every file that did not."""

    documents: list[Document] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def normalise_text(text: str) -> str:
    """LF line endings, full-width/no-break spaces as ASCII spaces, no BOM."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.translate(_SPACE_LIKE)


def decode_bytes(data: bytes, name: str) -> tuple[str, str]:
    """Return (text, encoding) or raise LoadError with a message naming the file."""
    if not data.strip():
        raise LoadError(f"{name}: file is empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with BOM (Windows Notepad's "Unicode")
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise LoadError(f"{name}: starts like UTF-16 but does not decode as it, skipped") from exc
    if b"\x00" in data[:8192]:
        raise LoadError(f"{name}: looks like a binary file (contains NUL bytes), skipped")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    encoding = best.encoding if best is not None else None
    if encoding is None or encoding.replace("_", "").lower() not in _CHINESE_ENCODINGS:
        # Short Chinese files are often mistaken for Korean or other double-byte encodings;
        # when a Chinese decode reads as Chinese text, ask the detector to choose between those.
        chinese = from_bytes(data, cp_isolation=["gb18030", "big5"]).best()
        if chinese is not None and _reads_as_chinese(str(chinese)):
            encoding = chinese.encoding
    if encoding is None:
        raise LoadError(f"{name}: cannot detect a text encoding (not UTF-8, GB18030, GBK or Big5), skipped")
    # GBK is a subset of GB18030; decoding as the superset never loses characters.
    if encoding in ("gbk", "gb2312", "cp936"):
        encoding = "gb18030"
    text = data.decode(encoding, errors="strict")
    printable = sum(ch.isprintable() or ch in "\n\r\t" for ch in text)
    if printable < 0.95 * len(text):
        raise LoadError(f"{name}: decodes as {encoding} but is mostly unprintable; probably binary, skipped")
    return text, encoding


def load_file(path: Path, doc_id: str | None = None) -> Document:
    """Load one file; raise LoadError with a clear message if it is not usable text."""
    name = doc_id or path.name
    if path.suffix.lower() in STRUCTURED_SUFFIXES:
        return read_structured(path, name)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LoadError(f"{name}: cannot read ({exc.strerror or exc})") from exc
    text, encoding = decode_bytes(data, name)
    text = normalise_text(text)
    if not text.strip():
        raise LoadError(f"{name}: file has no text")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    source_format = "markdown" if path.suffix.lower() in (".md", ".markdown") else "text"
    return Document(doc_id=name, path=path, text=text, sha256=digest, encoding=encoding, source_format=source_format)


def read_text_file(path: Path | str) -> str:
    """Decoded, normalised text of a user-given file (questions, gold sets), in any encoding we load.

    LoadError (a QAError) names the file when it is missing, empty, binary or undecodable.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LoadError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    text, _ = decode_bytes(data, str(path))
    return normalise_text(text)


def iter_source_files(root: Path) -> Iterable[tuple[Path, str]]:
    """Yield (file, doc_id) for a file or, recursively, a directory's .txt/.md/.pdf/.docx/.html files."""
    if root.is_file():
        yield root, root.name
        return
    for path in sorted(root.rglob("*")):
        if (
            path.is_file()
            and path.suffix.lower() in SUFFIXES
            and not any(part.startswith(".") for part in path.relative_to(root).parts)
        ):
            yield path, path.relative_to(root).as_posix()


def load_paths(paths: Iterable[Path | str]) -> LoadResult:
    """Load every document under ``paths``; a bad file becomes a message, never an abort."""
    result = LoadResult()
    seen: set[str] = set()
    for raw in paths:
        root = Path(raw)
        if not root.exists():
            result.problems.append(f"{raw}: no such file or directory")
            continue
        found = False
        for path, doc_id in iter_source_files(root):
            found = True
            if doc_id in seen:
                result.problems.append(f"{doc_id}: given twice, second copy ({path}) skipped")
                continue
            try:
                result.documents.append(load_file(path, doc_id))
                seen.add(doc_id)
            except LoadError as exc:
                result.problems.append(str(exc))
        if not found:
            result.problems.append(f"{raw}: no {', '.join(SUFFIXES)} files found")
    if sum(d.source_format == "pdf" for d in result.documents) > 1:
        from qa.formats.issues import link_issue_pages  # page files of one newspaper issue

        result.documents = link_issue_pages(result.documents)
    for problem in result.problems:
        log.warning("%s", problem)
    return result
