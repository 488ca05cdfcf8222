"""An index on disk: FAISS vectors + chunk metadata + documents + a manifest, written atomically.

Layout of an index directory::

    CURRENT            name of the live generation, replaced atomically with os.replace
    gen-<stamp>/       manifest.json, vectors.faiss, chunks.jsonl, documents.jsonl, extras
                       (windows.npy + window_starts.npy: sentence-window vectors; bm25/: keyword index)
    .lock              held while a build writes

A build writes a complete new generation, fsyncs it, then flips CURRENT. A crash at any moment
leaves CURRENT naming a complete generation, so the old index stays usable. The manifest holds
file checksums, so a damaged or truncated file is reported instead of searched.
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
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import faiss
import numpy as np

from qa.errors import IndexStoreError
from qa.formats.blocks import hint_row
from qa.records import Chunk, Document, LineHint

log = logging.getLogger(__name__)

FORMAT_VERSION = 2  # 2: sentence-window vectors and a BM25 index in every generation
CURRENT = "CURRENT"
MANIFEST = "manifest.json"
VECTORS = "vectors.faiss"
CHUNKS = "chunks.jsonl"
DOCUMENTS = "documents.jsonl"
KEEP_GENERATIONS = 2  # the live one and the one before, which a running searcher may still read

# Extra files written into a generation (e.g. a keyword index): callable(tmp_dir) -> file names.
ExtraWriter = Callable[[Path], list[str]]


@dataclass
class StoredDocument:
    """What the index keeps of a document: enough to show context and re-chunk without the file."""

    doc_id: str
    sha256: str
    encoding: str
    text: str
    # PDF/DOCX/HTML: what the format said about each line ({"line": [page, level, role, edition, …]}),
    # so a document rebuilt from the index gets the same outline as the one built from the file.
    source_format: str = "text"
    hints: dict[str, list] | None = None

    @classmethod
    def from_document(cls, doc: Document) -> StoredDocument:
        hints = None
        if doc.hints is not None:
            hints = {str(n): hint_row(h) for n, h in sorted(doc.hints.items())}
        return cls(doc.doc_id, doc.sha256, doc.encoding, doc.text, doc.source_format, hints)

    def to_document(self) -> Document:
        """The ``Document`` this record was made from (hints included), without reading the file."""
        hints = None
        if self.hints is not None:
            hints = {int(n): LineHint(*row) for n, row in self.hints.items()}
        return Document(
            self.doc_id, Path(self.doc_id), self.text, self.sha256, self.encoding, hints, self.source_format
        )


@dataclass
class LoadedIndex:
    """A generation read back from disk and checked against its manifest."""

    directory: Path  # the generation directory (extras live here too)
    manifest: dict[str, Any]
    chunks: list[Chunk]
    vectors: faiss.Index
    documents: dict[str, StoredDocument]

    @property
    def model_id(self) -> str:
        return str(self.manifest["model"])


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_jsonl(path: Path, rows: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


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
        name = pointer.read_text(encoding="utf-8").strip()
        gen = self.root / name
        if not name.startswith("gen-") or not gen.is_dir():
            raise IndexStoreError(f"index at {self.root} is damaged: CURRENT names {name!r}, which is missing")
        return gen

    def read_manifest(self) -> dict[str, Any]:
        gen = self.current_dir()
        try:
            manifest = json.loads((gen / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise IndexStoreError(f"index at {self.root} is damaged: cannot read its manifest ({exc})") from exc
        version = manifest.get("format_version")
        if version != FORMAT_VERSION:
            raise IndexStoreError(
                f"index at {self.root} has format version {version}, this qa reads version {FORMAT_VERSION}: "
                "rebuild it with `qa build`"
            )
        return manifest

    def load(self) -> LoadedIndex:
        manifest = self.read_manifest()
        gen = self.current_dir()
        for name, digest in manifest.get("files", {}).items():
            path = gen / name
            if not path.is_file():
                raise IndexStoreError(f"index at {self.root} is damaged: {name} is missing; rebuild it")
            if _sha256_file(path) != digest:
                raise IndexStoreError(
                    f"index at {self.root} is damaged: {name} does not match its checksum; rebuild it"
                )
        try:
            vectors = faiss.read_index(str(gen / VECTORS))
            chunks = [Chunk.from_json(json.loads(line)) for line in (gen / CHUNKS).open(encoding="utf-8")]
            documents = {
                row["doc_id"]: StoredDocument(**row)
                for row in (json.loads(line) for line in (gen / DOCUMENTS).open(encoding="utf-8"))
            }
        except (OSError, RuntimeError, ValueError, KeyError, TypeError) as exc:
            raise IndexStoreError(f"index at {self.root} is damaged: {exc}; rebuild it") from exc
        if vectors.ntotal != len(chunks) or vectors.d != manifest.get("dim"):
            raise IndexStoreError(
                f"index at {self.root} is damaged: {vectors.ntotal} vectors of dimension {vectors.d} "
                f"for {len(chunks)} chunks (manifest says dimension {manifest.get('dim')}); rebuild it"
            )
        return LoadedIndex(gen, manifest, chunks, vectors, documents)

    # ---- writing -------------------------------------------------------------------------
    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        """Serialise builds of the same index (a second one waits)."""
        self.root.mkdir(parents=True, exist_ok=True)
        with (self.root / ".lock").open("w") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def write(
        self,
        manifest: dict[str, Any],
        chunks: list[Chunk],
        vectors: np.ndarray,
        documents: list[StoredDocument],
        extra: ExtraWriter | None = None,
    ) -> Path:
        """Write a new generation and make it current. Call inside ``lock()``."""
        if len(chunks) != len(vectors):
            raise ValueError("one vector per chunk")
        self.root.mkdir(parents=True, exist_ok=True)
        stamp = time.strftime("%Y%m%d-%H%M%S") + f"-{time.time_ns() % 10**9:09d}"
        final = self.root / f"gen-{stamp}"
        tmp = self.root / f".tmp-gen-{stamp}"
        tmp.mkdir()
        try:
            dim = int(manifest["dim"])
            index = faiss.IndexFlatIP(dim)
            if len(vectors):
                index.add(np.ascontiguousarray(vectors, dtype=np.float32))
            faiss.write_index(index, str(tmp / VECTORS))
            _write_jsonl(tmp / CHUNKS, [c.to_json() for c in chunks])
            _write_jsonl(tmp / DOCUMENTS, [vars(d) for d in documents])
            names = [VECTORS, CHUNKS, DOCUMENTS] + (extra(tmp) if extra else [])
            manifest = {
                **manifest,
                "format_version": FORMAT_VERSION,
                "count": len(chunks),
                "files": {name: _sha256_file(tmp / name) for name in names},
            }
            (tmp / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
            for path in tmp.rglob("*"):
                if path.is_file():
                    with path.open("rb+") as handle:
                        os.fsync(handle.fileno())
            _fsync_dir(tmp)
            os.rename(tmp, final)
            pointer_tmp = self.root / f".{CURRENT}.tmp"
            pointer_tmp.write_text(final.name + "\n", encoding="utf-8")
            with pointer_tmp.open("rb+") as handle:
                os.fsync(handle.fileno())
            os.replace(pointer_tmp, self.root / CURRENT)  # the atomic switch
            _fsync_dir(self.root)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        self._collect_garbage(final.name)
        return final

    def _collect_garbage(self, live: str) -> None:
        """Drop half-written temp dirs and all but the newest generations."""
        for path in self.root.glob(".tmp-gen-*"):
            shutil.rmtree(path, ignore_errors=True)
        gens = sorted(p.name for p in self.root.glob("gen-*") if p.is_dir())
        keep = set(gens[-KEEP_GENERATIONS:]) | {live}
        for name in gens:
            if name not in keep:
                shutil.rmtree(self.root / name, ignore_errors=True)
