"""Load text documents from files and directories, whatever their encoding.

Chinese text still arrives as GB18030/GBK or Big5 as often as UTF-8. Strict UTF-8 is tried first
(it almost never decodes non-UTF-8 bytes by accident); everything else goes to
``charset-normalizer`` rather than a hand-written guesser.
"""

from __future__ import annotations

import hashlib
import logging
import os
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from qa.encoding_readings import decode, language_of, readings, rival
from qa.errors import LoadError
from qa.formats import STRUCTURED_SUFFIXES, read_structured
from qa.ideograph_forms import FOLD
from qa.records import Document, quote_doc_id

log = logging.getLogger(__name__)

TEXT_SUFFIXES = (".txt", ".md", ".markdown")
SUFFIXES = TEXT_SUFFIXES + STRUCTURED_SUFFIXES  # PDF, DOCX, HTML go to their readers in qa.formats
# Documents people keep in formats not read here: named in the build's messages (not passed over in silence, nor
# called binary), with what to do instead.
UNREAD_SUFFIXES = {
    ".doc": "Word 97-2003 .doc",
    ".wps": "WPS Office .wps",
    ".rtf": "RTF",
    ".odt": "OpenDocument .odt",
    ".odp": "OpenDocument .odp",
    ".ods": "OpenDocument .ods",
    ".xls": "Excel .xls",
    ".xlsx": "Excel .xlsx",
    ".ppt": "PowerPoint .ppt",
    ".pptx": "PowerPoint .pptx",
    ".pages": "Apple Pages",
    ".key": "Apple Keynote",
    ".epub": "EPUB",
}
MAX_FILE_BYTES = 100 * 2**20  # ~33 million Chinese characters, ~110k chunks, ~40 min of embedding on 2 cores
# Characters that read as a space but break word matching and line-length heuristics.
_SPACE_LIKE = str.maketrans({"\u3000": " ", "\u00a0": " ", "\u2002": " ", "\u2003": " ", "\ufeff": ""})
_SPACE_LIKE.update(dict.fromkeys([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F]))  # controls: dropped
_SPACE_LIKE.update(FOLD)  # Kangxi radicals and compatibility ideographs as the ideographs they print as


@dataclass
class LoadResult:
    """Documents that loaded, and a message for every file that did not."""

    documents: list[Document] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def display_name(name: str) -> str:
    """A file name as valid Unicode text, so it can be stored, printed and cited.

    Linux file names are bytes; Python keeps bytes that are not UTF-8 as lone surrogates, which
    no UTF-8 writer accepts (an index build used to fail on them after all the embedding). Such
    bytes are shown as ``\\xNN`` escapes; the file itself is still read through its real path.
    """
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(name).decode("utf-8", errors="backslashreplace")
    return name


def normalise_text(text: str) -> str:
    """LF line endings, full-width/no-break spaces as ASCII spaces, no BOM, no control characters, no look-alike
    ideographs (``qa.ideograph_forms``: text copied out of PDFs carries Kangxi radicals for 一, 日 …).

    NUL and the other C0 controls (except tab, line feed, vertical tab and form feed) are dropped:
    they are never meant as text, a terminal would act on them when a passage is printed, and a
    line of NULs used to look like a short heading.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.translate(_SPACE_LIKE)


def _usual_share(text: str) -> float:
    """Share of characters from the scripts documents are written in (not controls, not private use)."""
    if not text:
        return 0.0
    usual = sum(
        ch.isspace()
        or " " <= ch <= "\u024f"  # ASCII, Latin-1, Latin extended
        or "\u0370" <= ch <= "\u04ff"  # Greek, Cyrillic
        or "\u2000" <= ch <= "\u206f"  # general punctuation
        or "\u3000" <= ch <= "\u30ff"  # CJK punctuation, kana
        or "\u4e00" <= ch <= "\u9fff"  # CJK ideographs
        or "\uac00" <= ch <= "\ud7af"  # Hangul
        or "\uff00" <= ch <= "\uffef"  # full-width forms
        for ch in text
    )
    return usual / len(text)


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text saved without a byte-order mark (its ASCII characters put NULs in every other byte).

    Only accepted when one byte order decodes strictly into ordinary text with line breaks and
    no NUL characters: 8-bit text with stray NUL bytes never does (its line feeds are not followed
    by a NUL), and a binary file decodes into controls and unassigned characters.
    """
    if len(data) % 2:
        return None
    best: tuple[float, str, str] | None = None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" in text or "\n" not in text:
            continue
        share = _usual_share(text)
        if share >= 0.9 and (best is None or share > best[0]):
            best = (share, text, encoding)
    return (best[1], best[2]) if best else None


def _utf8(data: bytes, name: str, notes: list[str]) -> str:
    """Strict UTF-8, except that a last character cut short (a copy or download that stopped one
    byte early) is dropped with a note instead of losing the whole file. Raises UnicodeDecodeError."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        head = data[: exc.start]
        # Only the end is incomplete, and the rest holds real multi-byte UTF-8 (so it is not, say,
        # ASCII followed by one GB18030 character).
        if exc.reason == "unexpected end of data" and exc.end == len(data) and any(b >= 0x80 for b in head):
            notes.append(
                f"{name}: the last character is incomplete (file cut short?), {len(data) - exc.start} byte(s) dropped"
            )
            return head.decode("utf-8")
        raise


def decode_bytes(data: bytes, name: str) -> tuple[str, str]:
    """Return (text, encoding) or raise LoadError with a message naming the file.

    Repairs that keep a file (NUL bytes removed, a cut last character dropped) are logged as
    warnings naming the file; a file that cannot be read as text is refused with a LoadError.
    """
    notes: list[str] = []
    text, encoding = _decode(data, name, notes)
    for note in notes:
        log.warning("%s", note)
    return text, encoding


def _decode(data: bytes, name: str, notes: list[str]) -> tuple[str, str]:
    if not data.strip():
        raise LoadError(f"{name}: file is empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with BOM (Windows Notepad's "Unicode")
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise LoadError(f"{name}: starts like UTF-16 but does not decode as it, skipped") from exc
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return utf16
        # NUL bytes are never text (padding after a crash, a bad copy): they are removed wherever
        # they are, and the file is judged on what remains; a binary file then fails below.
        nuls = data.count(0)
        data = data.replace(b"\x00", b"")
        if not data.strip():
            raise LoadError(f"{name}: looks like a binary file (nothing but NUL bytes), skipped")
        notes.append(f"{name}: {nuls} NUL byte(s) removed")
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return _utf8(data[3:], name, notes), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise LoadError(f"{name}: starts like UTF-8 but does not decode as it ({exc.reason}), skipped") from exc
    try:
        try:
            text, encoding = _utf8(data, name, notes), "utf-8"
        except UnicodeDecodeError:
            text, encoding = _detect(data, name, notes)
        if not _printable(text):
            raise LoadError(f"{name}: decodes as {encoding} but is mostly unprintable; probably binary, skipped")
    except LoadError as exc:
        if notes and "NUL" in notes[-1]:
            raise LoadError(f"{name}: looks like a binary file (NUL bytes, and the rest is not text), skipped") from exc
        raise
    return text, encoding


def _printable(text: str) -> bool:
    """Mostly printable text. Any whitespace is text: a Chinese novel or regulation indents every paragraph with
    ideographic spaces ('　　'), which str.isprintable calls unprintable; so are format marks (a zero-width space)."""
    printable = sum(ch.isprintable() or ch.isspace() or unicodedata.category(ch) == "Cf" for ch in text)
    return printable >= 0.95 * len(text)


def _detect(data: bytes, name: str, notes: list[str]) -> tuple[str, str]:
    """Not UTF-8: the legacy encoding whose reading its own language would write (``qa.encoding_readings``).

    When another reading, in another language or script, is about as plausible (a few bytes of text that
    are valid Chinese and valid Korean alike), the file is read the usual way and a note names it and the
    other reading, so a user sees it rather than finding mojibake in the answers.
    """
    ranked = readings(data)
    found = decode(data, ranked)
    if found is None:
        raise LoadError(f"{name}: cannot detect a text encoding (not UTF-8, GB18030, GBK or Big5), skipped")
    text, best = found
    # a best reading of the sample that is mostly unprintable over the whole file gives way to the next one that
    # is not (the file is refused as binary only when no reading is text)
    later = found
    while later is not None and not _printable(later[0]):
        later = decode(data, ranked[ranked.index(later[1]) + 1 :])
    if later is not None:
        text, best = later
    ranked = ranked[ranked.index(best) :]
    other = rival(ranked)
    if other is not None:
        notes.append(
            f"{name}: read as {best.encoding} ({language_of(best.encoding)}: {_excerpt(best.text)}), but it could "
            f"also be {other.encoding} ({language_of(other.encoding)}: {_excerpt(other.text)}); if the text is "
            "wrong, save the file as UTF-8 and build again"
        )
    return text, best.encoding


def _excerpt(text: str) -> str:
    """The first non-ASCII stretch of a reading, short, to show the two readings side by side."""
    start = next((k for k, ch in enumerate(text) if not ch.isascii()), 0)
    return "'" + " ".join(text[max(0, start - 4) : start + 16].split()) + "'"


def _check_readable(path: Path, name: str) -> None:
    """Refuse what is not a regular file of a sane size before reading a byte of it.

    A pipe or a link to /dev/zero named ``x.txt`` would block or never end; a file over
    MAX_FILE_BYTES is a dump or an archive rather than a document, and would hold the whole
    build (and its memory) for it.
    """
    if not path.is_file():
        if path.is_symlink() and not path.exists():
            raise LoadError(f"{name}: a broken link (it points at {path.readlink()}, which does not exist), skipped")
        if not path.exists():
            raise LoadError(f"{name}: no such file")
        raise LoadError(f"{name}: not a regular file (a directory, a pipe or a device), skipped")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise LoadError(
            f"{name}: {size / 2**20:.0f} MB is more than the {MAX_FILE_BYTES // 2**20} MB a document may have; "
            "split it, skipped"
        )


def load_file(path: Path, doc_id: str | None = None) -> Document:
    """Load one file; raise LoadError with a clear message if it is not usable text."""
    doc_id = doc_id or display_name(path.name)
    name = quote_doc_id(doc_id)  # messages name the file on one line, as citations do
    _check_readable(path, name)
    unread = UNREAD_SUFFIXES.get(path.suffix.lower())
    if unread:
        raise LoadError(f"{name}: {unread} files are not read; save it as .docx, .pdf, .html, .csv or .txt, skipped")
    if path.suffix.lower() in STRUCTURED_SUFFIXES:
        return read_structured(path, doc_id)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LoadError(f"{name}: cannot read ({exc.strerror or exc})") from exc
    text, encoding = decode_bytes(data, name)
    text = normalise_text(text)
    if not text.strip():
        raise LoadError(f"{name}: file has no text")
    if path.suffix.lower() in (".md", ".markdown"):  # headings, code and front matter from the Markdown itself
        from qa.formats.markdown import markdown_document

        return markdown_document(path, doc_id, text, encoding)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Document(doc_id=doc_id, path=path, text=text, sha256=digest, encoding=encoding, source_format="text")


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
    """Yield (file, doc_id) for a file or, recursively, a directory's .txt/.md/.pdf/.docx/.html/.csv/.tsv files."""
    if root.is_file():
        yield root, display_name(root.name)
        return
    for path in sorted(root.rglob("*")):
        if (
            not path.is_dir()  # pipes, devices and broken links are named, then refused by load_file
            and (path.suffix.lower() in SUFFIXES or path.suffix.lower() in UNREAD_SUFFIXES)
            and not any(part.startswith(".") for part in path.relative_to(root).parts)
        ):
            yield path, display_name(path.relative_to(root).as_posix())


def _file_key(path: Path) -> str:
    """The file a path names, however it was reached (a folder and a file in it, a link, '..')."""
    try:
        return str(path.resolve())
    except OSError:  # a link loop: told apart by its name
        return str(path.absolute())


def _named_apart(found: list[tuple[Path, str]]) -> list[tuple[Path, str]]:
    """``found`` with each id that names two different files made distinct by the folders above it, the fewest
    that tell the files apart ('printed/law.pdf', 'lo/law.pdf'), as a folder build names '2024/会议纪要.txt'
    beside '2025/会议纪要.txt'. Two files given with one name are two documents: keeping the first alone lost
    the second without a question able to reach it. A new id must also differ from every other file's id
    ('qa build corpus extra' with corpus/a.txt, corpus/extra/a.txt and extra/a.txt: renaming the last two both
    'extra/a.txt' let one replace the other in the index, silently)."""
    named = list(found)
    for _ in range(len(found)):  # each pass settles the clashes it sees; ids only grow towards full paths
        groups: dict[str, list[int]] = {}
        for i, (_, doc_id) in enumerate(named):
            groups.setdefault(doc_id, []).append(i)
        clashes = [members for members in groups.values() if len(members) > 1]
        if not clashes:
            return named
        for members in clashes:
            doc_id = named[members[0]][1]
            own = len(Path(doc_id).parts)
            parents = [named[i][0].absolute().parts[:-own] for i in members]
            taken = {d for j, (_, d) in enumerate(named) if j not in members}
            for depth in range(1, max(len(p) for p in parents) + 1):
                ids = ["/".join((*p[len(p) - min(depth, len(p)) :], doc_id)).lstrip("/") for p in parents]
                if len(set(ids)) == len(ids) and not taken.intersection(ids):
                    break
            for i, new in zip(members, ids, strict=True):
                named[i] = (named[i][0], display_name(new))
    return named


def load_paths(paths: Iterable[Path | str]) -> LoadResult:
    """Load every document under ``paths``; a bad file becomes a message, never an abort.

    A file given twice (a folder and a file in it, or one path twice) is read once; two different files of one
    name are both read, each named by the folders that tell it apart (``_named_apart``)."""
    result = LoadResult()
    found: list[tuple[Path, str]] = []
    keys: set[str] = set()
    for raw in paths:
        root = Path(raw)
        if not root.exists():
            result.problems.append(f"{raw}: no such file or directory")
            continue
        under = list(iter_source_files(root))
        if not under:
            result.problems.append(f"{raw}: no {', '.join(SUFFIXES)} files found")
        for path, doc_id in under:
            key = _file_key(path)
            if key in keys:
                result.problems.append(f"{path}: given twice, read once")
            else:
                keys.add(key)
                found.append((path, doc_id))
    for path, doc_id in _named_apart(found):
        try:
            result.documents.append(load_file(path, doc_id))
        except LoadError as exc:
            result.problems.append(str(exc))
    if sum(d.source_format == "pdf" for d in result.documents) > 1:
        from qa.formats.issues import link_issue_pages  # page files of one newspaper issue

        result.documents = link_issue_pages(result.documents)
    for problem in result.problems:
        log.warning("%s", problem)
    return result
