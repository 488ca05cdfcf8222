"""An index on disk: generations of immutable segments plus tombstones, switched atomically.

Layout of an index directory::

    CURRENT            name of the live generation, replaced atomically with os.replace
    gen-<stamp>/       manifest.json, tombstones.npy, seg-<n>/ (see qa.segment)
    .lock              held while a build writes

A build writes a new generation in ``.tmp-gen-*``, fsyncs it, renames it and then flips CURRENT,
so a crash at any moment leaves CURRENT naming a complete generation. Segments the new generation
keeps are hard links to the previous generation's files (nothing is copied or rewritten: adding a
document to a million-chunk index writes that document's segment and a new manifest).

Opening is O(1) in the index size: the manifest carries its own checksum (so a manifest edited or
stripped of its file list is refused) and every file's sha256, size and mtime from build time;
opening compares sizes and mtimes only, and hashes a file only when those disagree. ``qa verify``
hashes everything. Half-written ``.tmp-gen-*`` folders of crashed builds are removed by the next
writer as soon as it holds the lock.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import logging
import os
import shutil
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from qa.chunk_store import CHUNK_DB
from qa.errors import IndexStoreError
from qa.records import Chunk, Document, LineHint
from qa.segment import Segment

log = logging.getLogger(__name__)

FORMAT_VERSION = 3  # 3: segments + tombstones, SQLite chunk store, self-checksummed manifest
CURRENT = "CURRENT"
MANIFEST = "manifest.json"
TOMBSTONES = "tombstones.npy"
KEEP_GENERATIONS = 2  # the live one and the one before, which a running searcher may still read
SELF_CHECKSUM = "manifest_sha256"

# Writes new segments into a temp generation directory; returns their manifest entries.
SegmentWriter = Callable[[Path], list[dict[str, Any]]]


@dataclass
class StoredDocument:
    """What the index keeps of a document: enough to show context and re-chunk without the file.

    Fields this version does not know (written by a newer one) are kept in ``extra`` and written
    back unchanged.
    """

    doc_id: str
    sha256: str
    encoding: str
    text: str
    # PDF/DOCX/HTML: what the format said about each line ({"line": LineHint fields}), so a
    # document rebuilt from the index gets the same outline as the one built from the file.
    source_format: str = "text"
    hints: dict[str, dict[str, Any]] | None = None  # line number (as text) -> LineHint fields
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_document(cls, doc: Document) -> StoredDocument:
        hints = getattr(doc, "hints", None)
        return cls(
            doc.doc_id,
            doc.sha256,
            doc.encoding,
            doc.text,
            getattr(doc, "source_format", "text"),
            {str(line): asdict(h) for line, h in hints.items()} if hints else None,
        )

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> StoredDocument:
        known = {"doc_id", "sha256", "encoding", "text", "source_format", "hints"}
        return cls(
            record["doc_id"],
            record["sha256"],
            record.get("encoding", "utf-8"),
            record["text"],
            record.get("source_format", "text"),
            record.get("hints"),
            {k: v for k, v in record.items() if k not in known},
        )

    def to_record(self) -> dict[str, Any]:
        record = {**self.extra, "doc_id": self.doc_id, "sha256": self.sha256, "encoding": self.encoding}
        record.update({"text": self.text, "source_format": self.source_format})
        if self.hints:
            record["hints"] = self.hints
        return record

    def to_document(self) -> Document:
        hints = {int(line): LineHint(**h) for line, h in self.hints.items()} if self.hints else None
        return Document(
            self.doc_id, Path(self.doc_id), self.text, self.sha256, self.encoding, hints, self.source_format
        )


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def manifest_checksum(manifest: dict[str, Any]) -> str:
    body = {k: v for k, v in manifest.items() if k != SELF_CHECKSUM}
    return hashlib.sha256(json.dumps(body, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def link_or_copy(src: str, dst: str) -> None:
    """Hard-link a file of an immutable generation (copy where the file system refuses links)."""
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


def _file_entry(path: Path, digest: str | None = None) -> dict[str, Any]:
    stat = path.stat()
    return {"sha256": digest or sha256_file(path), "size": stat.st_size, "mtime_ns": stat.st_mtime_ns}


class _VectorsView:
    """``LoadedIndex.vectors``: dimension and count of the chunk vectors (the old FAISS handle's shape)."""

    def __init__(self, index: LoadedIndex) -> None:
        self._index = index
        self.d = int(index.manifest["dim"])

    @property
    def ntotal(self) -> int:
        return self._index.count

    def reconstruct_n(self, start: int, n: int) -> np.ndarray:
        ids = self._index.live_ids()[start : start + n]
        return self._index.chunk_vectors(ids)


class DocumentMap(Mapping[str, StoredDocument]):
    """doc_id -> StoredDocument, read from the segment's store on access (opening reads none)."""

    def __init__(self, index: LoadedIndex) -> None:
        self._index = index
        self._entries: dict[str, dict[str, Any]] = index.manifest.get("documents", {})

    def __getitem__(self, doc_id: str) -> StoredDocument:
        entry = self._entries[doc_id]
        segment = self._index.segment_named(entry["segment"])
        record = segment.store.document(doc_id) if segment is not None else None
        if record is None:
            raise IndexStoreError(f"index at {self._index.directory.parent} is damaged: document {doc_id} is missing")
        return StoredDocument.from_record(record)

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._entries


class LoadedIndex:
    """A generation opened for reading: its manifest, segments and deleted chunk ids."""

    def __init__(self, directory: Path, manifest: dict[str, Any]) -> None:
        self.directory = directory
        self.manifest = manifest
        self.segments = [Segment(directory / e["name"], e) for e in manifest.get("segments", [])]
        tomb = directory / TOMBSTONES
        self.tombstones = np.load(tomb, allow_pickle=False) if tomb.is_file() else np.zeros(0, dtype=np.int64)
        self.count = int(manifest.get("count", sum(s.count for s in self.segments) - len(self.tombstones)))
        self.documents = DocumentMap(self)
        self.vectors = _VectorsView(self)
        self._chunks: list[Chunk] | None = None

    @property
    def model_id(self) -> str:
        return str(self.manifest["model"])

    def finder(self):
        """Per-question candidate search over this generation (``qa.candidates``)."""
        from qa.candidates import CandidateFinder

        return CandidateFinder(self)

    def close(self) -> None:
        for segment in self.segments:
            segment.close()

    def segment_named(self, name: str) -> Segment | None:
        return next((s for s in self.segments if s.name == name), None)

    def live_mask(self, segment: Segment) -> np.ndarray | None:
        """Per-row weight mask of a segment (1 live, 0 deleted), None when nothing is deleted."""
        dead = self.tombstones[segment.holds(self.tombstones)] if len(self.tombstones) else self.tombstones
        if not len(dead):
            return None
        mask = np.ones(segment.count, dtype=np.float32)
        mask[segment.rows(dead)] = 0.0
        return mask

    def dead_in(self, segment: Segment) -> np.ndarray:
        return self.tombstones[segment.holds(self.tombstones)] if len(self.tombstones) else self.tombstones

    def is_live(self, ids: np.ndarray) -> np.ndarray:
        if not len(self.tombstones):
            return np.ones(len(ids), dtype=bool)
        return ~np.isin(ids, self.tombstones)

    def split(self, ids: np.ndarray) -> Iterator[tuple[Segment, np.ndarray]]:
        """(segment, positions in ``ids`` it holds) for every segment holding some of ``ids``."""
        ids = np.asarray(ids, dtype=np.int64)
        for segment in self.segments:
            where = np.flatnonzero(segment.holds(ids))
            if len(where):
                yield segment, where

    def live_ids(self) -> np.ndarray:
        parts = [np.asarray(s.ids) for s in self.segments]
        ids = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)
        return ids[self.is_live(ids)]

    def chunk_vectors(self, ids: np.ndarray) -> np.ndarray:
        out = np.zeros((len(ids), int(self.manifest["dim"])), dtype=np.float32)
        for segment, where in self.split(ids):
            out[where] = segment.read_vectors(segment.rows(np.asarray(ids)[where]))
        return out

    def fetch(self, ids: np.ndarray) -> dict[int, Chunk]:
        """Chunk records by id."""
        out: dict[int, Chunk] = {}
        for segment, where in self.split(ids):
            out.update(segment.store.fetch(np.asarray(ids)[where].tolist()))
        return out

    def filter_ids(self, doc: str | None, section: str | None) -> np.ndarray:
        """Live chunk ids passing the document / section-prefix filters (SQL queries per segment)."""
        parts = [s.store.filter_ids(doc, section) for s in self.segments]
        ids = np.sort(np.concatenate(parts)) if parts else np.zeros(0, dtype=np.int64)
        return ids[self.is_live(ids)]

    def doc_chunk_ids(self, doc_ids: list[str]) -> np.ndarray:
        """Live chunk ids of the given documents."""
        parts = [s.store.doc_chunk_ids(doc_ids) for s in self.segments]
        ids = np.sort(np.concatenate(parts)) if parts else np.zeros(0, dtype=np.int64)
        return ids[self.is_live(ids)]

    @property
    def chunks(self) -> list[Chunk]:
        """Every live chunk in id order (read on first use: listings and tests, never per query)."""
        if self._chunks is None:
            dead = set(self.tombstones.tolist())
            self._chunks = [c for s in self.segments for i, c in s.store.iter_chunks() if i not in dead]
        return self._chunks


class IndexStore:
    """Reads and writes generations of one index directory."""

    def __init__(self, root: Path | str) -> None:
        self.root = Path(root)

    # ---- reading -------------------------------------------------------------------------
    def exists(self) -> bool:
        return (self.root / CURRENT).is_file()

    def current_dir(self) -> Path:
        pointer = self.root / CURRENT
        if not pointer.is_file():
            if self.root.is_dir() and (self.root / MANIFEST).is_file():
                raise IndexStoreError(f"{self.root} is an index generation, not an index directory")
            raise IndexStoreError(f"no index at {self.root}: build one first with `qa build PATH --index {self.root}`")
        try:  # damaged bytes are a damaged index, not a crash (and `qa build` then rebuilds it)
            name = pointer.read_bytes().decode("utf-8").strip()
        except (OSError, UnicodeDecodeError) as exc:
            raise IndexStoreError(f"index at {self.root} is damaged: cannot read CURRENT ({exc}); rebuild it") from exc
        gen = self.root / name
        if not name.startswith("gen-") or not gen.is_dir():
            raise IndexStoreError(f"index at {self.root} is damaged: CURRENT names {name!r}, which is missing")
        return gen

    def read_manifest(self, gen: Path | None = None) -> dict[str, Any]:
        gen = gen or self.current_dir()
        try:
            manifest = json.loads((gen / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise IndexStoreError(f"index at {self.root} is damaged: cannot read its manifest ({exc})") from exc
        if not isinstance(manifest, dict):
            raise IndexStoreError(f"index at {self.root} is damaged: its manifest is not an object; rebuild it")
        version = manifest.get("format_version")
        if version != FORMAT_VERSION:
            raise IndexStoreError(
                f"index at {self.root} has format version {version}, this qa reads version {FORMAT_VERSION}: "
                "rebuild it with `qa build`"
            )
        if manifest.get(SELF_CHECKSUM) != manifest_checksum(manifest):
            raise IndexStoreError(
                f"index at {self.root} is damaged: its manifest does not match its own checksum "
                "(edited or corrupted); rebuild it"
            )
        return manifest

    def _check_files(self, gen: Path, manifest: dict[str, Any], full: bool) -> list[str]:
        """Problems with the generation's files: cheap stat comparison, hashing only on mismatch (or ``full``)."""
        problems = []
        files = manifest.get("files")
        if not isinstance(files, dict) or not files:
            return ["its manifest lists no files"]
        for name, entry in files.items():
            path = gen / name
            try:
                stat = path.stat()
            except OSError:
                problems.append(f"{name} is missing")
                continue
            if stat.st_size != entry.get("size"):
                problems.append(f"{name} does not match its checksum (size {stat.st_size}, built {entry.get('size')})")
            elif (full or stat.st_mtime_ns != entry.get("mtime_ns")) and sha256_file(path) != entry.get("sha256"):
                problems.append(f"{name} does not match its checksum")
        return problems

    def load(self) -> LoadedIndex:
        gen = self.current_dir()
        manifest = self.read_manifest(gen)
        problems = self._check_files(gen, manifest, full=False)
        if problems:
            raise IndexStoreError(f"index at {self.root} is damaged: {problems[0]}; rebuild it")
        try:
            if manifest.get("settings", {}).get("engine") == "milvus":
                from qa.milvus_engine import MilvusIndex

                return MilvusIndex(gen, manifest)  # type: ignore[return-value]
            return LoadedIndex(gen, manifest)
        except (OSError, RuntimeError, ValueError, KeyError, TypeError) as exc:
            raise IndexStoreError(f"index at {self.root} is damaged: {exc}; rebuild it") from exc

    def verify(self) -> list[str]:
        """Every problem found by hashing every file and checking every SQLite store (``qa verify``)."""
        import sqlite3

        gen = self.current_dir()
        manifest = self.read_manifest(gen)
        problems = self._check_files(gen, manifest, full=True)
        for entry in manifest.get("segments", []):
            db = gen / entry["name"] / CHUNK_DB
            if db.is_file():
                try:
                    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
                    result = conn.execute("PRAGMA quick_check").fetchone()[0]
                    conn.close()
                except sqlite3.DatabaseError as exc:
                    result = str(exc)
                if result != "ok":
                    problems.append(f"{entry['name']}/{CHUNK_DB}: {result}")
        return problems

    # ---- writing -------------------------------------------------------------------------
    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        """Serialise builds of the same index (a second one waits); clears crashed builds' leftovers."""
        self.root.mkdir(parents=True, exist_ok=True)
        with (self.root / ".lock").open("w") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                self.clean_temporaries()
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def clean_temporaries(self) -> list[str]:
        """Remove half-written generations (only call while holding the lock: no writer is running)."""
        removed = []
        for path in self.root.glob(".tmp-gen-*"):
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path.name)
        if removed:
            log.info("removed %d half-written generation(s) left by an interrupted build", len(removed))
        return removed

    def write(
        self,
        manifest: dict[str, Any] | Callable[[], dict[str, Any]],
        new_segments: SegmentWriter,
        keep: list[str] = (),  # type: ignore[assignment]
        previous: LoadedIndex | None = None,
        tombstones: np.ndarray | None = None,
    ) -> Path:
        """Write a generation (kept segments hard-linked from ``previous``) and make it current.

        Call inside ``lock()``. ``manifest`` may be a function, called once the new segments are
        written: what goes into it (the build's calibration) can then be measured while they are.
        """
        self.root.mkdir(parents=True, exist_ok=True)
        stamp = time.strftime("%Y%m%d-%H%M%S") + f"-{time.time_ns() % 10**9:09d}"
        final = self.root / f"gen-{stamp}"
        tmp = self.root / f".tmp-gen-{stamp}"
        tmp.mkdir()
        try:
            files: dict[str, Any] = {}
            entries: list[dict[str, Any]] = []
            for name in keep:
                assert previous is not None
                entries.append(next(e for e in previous.manifest["segments"] if e["name"] == name))
                for src in (previous.directory / name).rglob("*"):
                    rel = src.relative_to(previous.directory)
                    dst = tmp / rel
                    if src.is_dir():
                        dst.mkdir(parents=True, exist_ok=True)
                        continue
                    dst.parent.mkdir(parents=True, exist_ok=True)
                    try:
                        os.link(src, dst)  # same inode: same size, mtime and checksum
                    except OSError:
                        shutil.copy2(src, dst)
                    old = previous.manifest["files"].get(str(rel))
                    files[str(rel)] = _file_entry(dst, old["sha256"] if old else None)
            fresh = new_segments(tmp)
            entries += fresh
            written = [p for e in fresh for p in (tmp / e["name"]).rglob("*") if p.is_file()]
            tomb = np.unique(np.asarray(tombstones if tombstones is not None else [], dtype=np.int64))
            if len(tomb):
                np.save(tmp / TOMBSTONES, tomb, allow_pickle=False)
                written.append(tmp / TOMBSTONES)
            for path in written:
                with path.open("rb+") as handle:
                    os.fsync(handle.fileno())
                files[str(path.relative_to(tmp))] = _file_entry(path)
            manifest = {
                **(manifest() if callable(manifest) else manifest),
                "format_version": FORMAT_VERSION,
                "segments": entries,
                "deleted": int(len(tomb)),
                "files": files,
            }
            manifest[SELF_CHECKSUM] = manifest_checksum(manifest)
            (tmp / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
            with (tmp / MANIFEST).open("rb+") as handle:
                os.fsync(handle.fileno())
            self._publish(tmp, final)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        self._collect_garbage(final.name)
        return final

    def _publish(self, tmp: Path, final: Path) -> None:
        """Fsync a complete generation's folders, rename it into place and switch ``CURRENT`` to it atomically."""
        for path in [tmp, *(p for p in tmp.rglob("*") if p.is_dir())]:
            _fsync_dir(path)
        os.rename(tmp, final)
        pointer_tmp = self.root / f".{CURRENT}.tmp"
        pointer_tmp.write_text(final.name + "\n", encoding="utf-8")
        with pointer_tmp.open("rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(pointer_tmp, self.root / CURRENT)  # the atomic switch
        _fsync_dir(self.root)

    def restore(self, saved: Path) -> Path:
        """Make a copy of generation ``saved`` (e.g. one kept for undo) the live one. Call inside ``lock()``.

        A generation is self-contained and never modified in place, so hard links are an exact copy:
        sizes, mtimes and checksums in its manifest still hold. The copy is checked before the switch.
        """
        stamp = time.strftime("%Y%m%d-%H%M%S") + f"-{time.time_ns() % 10**9:09d}"
        final, tmp = self.root / f"gen-{stamp}", self.root / f".tmp-gen-{stamp}"
        try:
            shutil.copytree(saved, tmp, copy_function=link_or_copy)
            problems = self._check_files(tmp, self.read_manifest(tmp), full=False)
            if problems:
                raise IndexStoreError(f"cannot restore {saved.name}: {problems[0]}")
            self._publish(tmp, final)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        self._collect_garbage(final.name)
        return final

    def _collect_garbage(self, live: str) -> None:
        """Drop half-written temp dirs and all but the newest generations."""
        self.clean_temporaries()
        gens = sorted(p.name for p in self.root.glob("gen-*") if p.is_dir())
        keep = set(gens[-KEEP_GENERATIONS:]) | {live}
        for name in gens:
            if name not in keep:
                shutil.rmtree(self.root / name, ignore_errors=True)
