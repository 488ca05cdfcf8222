"""Chunk and document records of one index segment in SQLite: fetch by id, filter by query.

Why SQLite: at a million chunks, parsing every chunk into a Python object at open (what
``chunks.jsonl`` needed) costs gigabytes and seconds, and a document or section filter was a list
comprehension over all of them. Here a searcher reads only the rows it shows, filters are indexed
queries, and opening costs nothing. A segment's file is written once, then only read (opened with
``immutable=1``: no locks, no journal), so generations can share it through hard links.

Rows are keyed by the chunk's integer id, which is also its id in the FAISS and BM25 indexes of
the segment. The ``windows`` table maps the hash of each embedded text to its row in the
segment's window-vector file, so a later build reuses a vector for the same text from any
document (a renamed or copied file is not embedded again).
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from qa.records import SECTION_SEPARATOR, Chunk

CHUNK_DB = "chunks.sqlite"
_BATCH = 500  # ids per IN (...) query (SQLite's default limit on parameters is 999+)

_SCHEMA = """
CREATE TABLE chunks (id INTEGER PRIMARY KEY, chunk_id TEXT NOT NULL, doc_id TEXT NOT NULL,
                     section_label TEXT NOT NULL, record TEXT NOT NULL, tokens TEXT NOT NULL);
CREATE TABLE documents (doc_id TEXT PRIMARY KEY, record TEXT NOT NULL);
CREATE TABLE texts (key TEXT PRIMARY KEY, kind TEXT NOT NULL, row INTEGER NOT NULL);
"""
_INDEXES = """
CREATE INDEX chunks_doc ON chunks (doc_id);
CREATE INDEX chunks_section ON chunks (section_label);
CREATE INDEX chunks_chunk_id ON chunks (chunk_id);
"""


class ChunkStore(Protocol):
    """What search needs from chunk records, whatever holds them."""

    def fetch(self, ids: Sequence[int]) -> dict[int, Chunk]: ...

    def filter_ids(self, doc: str | None, section: str | None) -> np.ndarray: ...


def section_prefix(section: str) -> str:
    """``A › B``, ``A > B`` or ``A/B`` as the stored label form ``A › B``."""
    import re

    parts = [p.strip() for p in re.split(r"\s*(?:›|>|/)\s*", section) if p.strip()]
    return SECTION_SEPARATOR.join(parts)


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class SqliteChunkStore:
    """One segment's ``chunks.sqlite``, read-only."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        uri = f"file:{self.path}?mode=ro&immutable=1"
        self._conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
        self._conn.execute("PRAGMA case_sensitive_like = ON")  # lets LIKE 'prefix%' use the index
        self._lock = threading.Lock()  # one connection shared by the app's threads

    def close(self) -> None:
        self._conn.close()

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        with self._lock:
            return self._conn.execute(sql, params).fetchall()

    # ---- writing -------------------------------------------------------------------------
    @staticmethod
    def row(chunk_id: int, chunk: Chunk, tokens: list[str]) -> tuple:
        """A chunk as stored: (id, chunk_id, doc_id, section_label, record json, tokens json)."""
        return (
            int(chunk_id),
            chunk.chunk_id,
            chunk.doc_id,
            chunk.section_label,
            json.dumps(chunk.to_json(), ensure_ascii=False),
            json.dumps(tokens, ensure_ascii=False),
        )

    @staticmethod
    def write_rows(
        path: Path,
        rows: Iterable[tuple],
        documents: Iterable[dict[str, Any]],
        texts: Iterable[tuple[str, str, int]] = (),
    ) -> None:
        """Write a new segment file: stored chunk rows (``row``), document records, text-hash rows."""
        conn = sqlite3.connect(str(path))
        try:
            conn.execute("PRAGMA journal_mode = OFF")  # a new file in a temp dir: atomic by the rename
            conn.execute("PRAGMA synchronous = OFF")  # fsynced by the store before the switch
            conn.executescript(_SCHEMA)
            conn.executemany("INSERT INTO chunks VALUES (?, ?, ?, ?, ?, ?)", rows)
            conn.executemany(
                "INSERT INTO documents VALUES (?, ?)",
                ((d["doc_id"], json.dumps(d, ensure_ascii=False)) for d in documents),
            )
            conn.executemany("INSERT OR IGNORE INTO texts VALUES (?, ?, ?)", texts)
            conn.executescript(_INDEXES)
            conn.commit()
        finally:
            conn.close()

    # ---- reading -------------------------------------------------------------------------
    def fetch(self, ids: Sequence[int]) -> dict[int, Chunk]:
        out: dict[int, Chunk] = {}
        ids = [int(i) for i in ids]
        for start in range(0, len(ids), _BATCH):
            part = ids[start : start + _BATCH]
            marks = ",".join("?" * len(part))
            for i, record in self._query(f"SELECT id, record FROM chunks WHERE id IN ({marks})", part):
                out[int(i)] = Chunk.from_json(json.loads(record))
        return out

    def raw_rows(self, ids: Sequence[int]) -> list[tuple]:
        """Stored rows of the given ids, in id order (a merge copies them without parsing)."""
        out: list[tuple] = []
        ids = [int(i) for i in ids]
        for start in range(0, len(ids), _BATCH):
            part = ids[start : start + _BATCH]
            marks = ",".join("?" * len(part))
            out += self._query(f"SELECT * FROM chunks WHERE id IN ({marks}) ORDER BY id", part)
        return sorted(out)

    def all_raw_rows(self) -> list[tuple]:
        return self._query("SELECT * FROM chunks ORDER BY id")

    def all_texts(self) -> list[tuple[str, str, int]]:
        return self._query("SELECT key, kind, row FROM texts")

    def tokens(self, ids: Sequence[int]) -> dict[int, list[str]]:
        out: dict[int, list[str]] = {}
        ids = [int(i) for i in ids]
        for start in range(0, len(ids), _BATCH):
            part = ids[start : start + _BATCH]
            marks = ",".join("?" * len(part))
            for i, toks in self._query(f"SELECT id, tokens FROM chunks WHERE id IN ({marks})", part):
                out[int(i)] = json.loads(toks)
        return out

    def iter_chunks(self) -> Iterator[tuple[int, Chunk]]:
        """Every chunk in id order (for listings and compaction, not per query)."""
        with self._lock:
            rows = self._conn.execute("SELECT id, record FROM chunks ORDER BY id").fetchall()
        for i, record in rows:
            yield int(i), Chunk.from_json(json.loads(record))

    def filter_ids(self, doc: str | None, section: str | None) -> np.ndarray:
        """Ids of chunks of document ``doc`` and/or under section path prefix ``section``."""
        where, params = [], []
        if doc:
            where.append("doc_id = ?")
            params.append(doc)
        if section:
            # A path prefix (A › B matches A › B › C) or, as before, a label that starts with the text.
            prefix = section_prefix(section)
            where.append("(section_label LIKE ? ESCAPE '\\' OR section_label LIKE ? ESCAPE '\\')")
            params += [_like_escape(prefix) + "%", _like_escape(section) + "%"]
        sql = "SELECT id FROM chunks" + (" WHERE " + " AND ".join(where) if where else "")
        rows = self._query(sql, params)
        return np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))

    def doc_chunk_ids(self, doc_ids: Sequence[str]) -> np.ndarray:
        out: list[int] = []
        for start in range(0, len(doc_ids), _BATCH):
            part = list(doc_ids[start : start + _BATCH])
            marks = ",".join("?" * len(part))
            out += [r[0] for r in self._query(f"SELECT id FROM chunks WHERE doc_id IN ({marks})", part)]
        return np.asarray(sorted(out), dtype=np.int64)

    def document(self, doc_id: str) -> dict[str, Any] | None:
        rows = self._query("SELECT record FROM documents WHERE doc_id = ?", (doc_id,))
        return json.loads(rows[0][0]) if rows else None

    def documents(self) -> Iterator[dict[str, Any]]:
        for (record,) in self._query("SELECT record FROM documents ORDER BY doc_id"):
            yield json.loads(record)

    def text_rows(self, keys: Sequence[str], kind: str) -> dict[str, int]:
        """Rows (in this segment's window or chunk vector file) of already embedded texts."""
        out: dict[str, int] = {}
        keys = list(keys)
        for start in range(0, len(keys), _BATCH):
            part = keys[start : start + _BATCH]
            marks = ",".join("?" * len(part))
            sql = f"SELECT key, row FROM texts WHERE kind = ? AND key IN ({marks})"
            out.update({k: int(r) for k, r in self._query(sql, [kind, *part])})
        return out
