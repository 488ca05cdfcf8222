"""One immutable index segment: chunk records, chunk and window vectors, FAISS and BM25 indexes.

An index generation is a list of segments plus a set of deleted chunk ids (tombstones). Adding a
document writes one small segment; removing one adds its chunk ids to the tombstones; the big
segments of earlier generations are shared through hard links, never rewritten. When the small
segments or the deleted rows pile up, a build merges everything into one segment (``qa.build``).

Files of a segment directory::

    ids.npy            chunk ids of the rows, ascending (row r holds chunk ids[r])
    vectors.npy        chunk vectors (float32, L2-normalised), memory-mapped: exact scoring of candidates
    dense.faiss        FAISS index over the same vectors, searched by chunk id (qa.dense_index; below
                       ANN_MIN half-precision copies, rescored from vectors.npy)
    windows.npy, window_starts.npy   sentence-window vectors (qa.dense), memory-mapped
    bm25/              bm25s index of the rows' words (qa.keyword), memory-mapped
    chunks.sqlite      chunk and document records, text hashes of embedded texts (qa.chunk_store)
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from qa.chunk_store import CHUNK_DB, SqliteChunkStore
from qa.dense import WINDOW_VECTORS, WindowTable
from qa.dense_index import ANN_MIN, FaissDense
from qa.keyword import KeywordIndex

IDS = "ids.npy"
VECTORS = "vectors.npy"
DENSE = "dense.faiss"
TUNING_QUERIES = 200  # window vectors used as tuning queries for the IVF nprobe


@dataclass
class SegmentData:
    """Everything needed to write a segment (rows in ascending id order)."""

    ids: np.ndarray
    rows: list[tuple]  # (id, chunk_id, doc_id, section_label, record json, tokens json) as stored
    tokens: list[list[str]]
    vectors: np.ndarray
    windows: WindowTable
    texts: list[tuple[str, str, int]]  # (text hash, "w" window / "c" chunk, row)
    documents: list[dict[str, Any]]


def write_segment(
    directory: Path,
    data: SegmentData,
    ann_min: int = ANN_MIN,
    idf_context: tuple[dict[str, int], int] | None = None,
) -> dict[str, Any]:
    """Write a segment; returns its manifest entry. ``idf_context``: (document frequencies, chunks)
    of the rest of the index, so this segment's BM25 weighs words as the whole index does."""
    directory.mkdir(parents=True)
    np.save(directory / IDS, np.asarray(data.ids, dtype=np.int64), allow_pickle=False)
    np.save(directory / VECTORS, np.ascontiguousarray(data.vectors, dtype=np.float32), allow_pickle=False)
    data.windows.save(directory)
    dense = FaissDense.build(data.vectors, data.ids, ann_min=ann_min)
    recall = None
    if dense.kind == "ivf":
        rng = np.random.default_rng(1)
        picks = rng.choice(len(data.windows.vectors), min(TUNING_QUERIES, len(data.windows.vectors)), replace=False)
        recall = dense.tune_nprobe(data.vectors, data.ids, np.asarray(data.windows.vectors[np.sort(picks)]))
    dense.save(directory / DENSE)
    keyword = KeywordIndex.build_from_tokens(data.tokens)
    if idf_context is not None and idf_context[1] > 0:
        keyword.align_idf(*idf_context)
    keyword.save(directory)
    SqliteChunkStore.write_rows(directory / CHUNK_DB, data.rows, data.documents, data.texts)
    return {
        "name": directory.name,
        "count": int(len(data.ids)),
        "first_id": int(data.ids[0]) if len(data.ids) else 0,
        "last_id": int(data.ids[-1]) if len(data.ids) else -1,
        "dense": dense.kind,
        "nprobe": dense.nprobe,
        "tuning_recall": recall,
        "norm_max": dense.norm_max,  # the half-precision scan's error bound scales with it (qa.dense_index)
    }


class RowReader:
    """Rows of a 2-d ``.npy`` file read with ``pread``: a question copies only its candidates' rows.

    Why not the memory map: a page fault maps a whole large folio of the file (up to 2 MB on this
    kernel), so gathering a few hundred scattered 2 kB rows mapped ~600 MB of a 100k-chunk index
    into the process (measured with ``VmRSS``/``RssFile``); ``pread`` of each row costs ~2 µs and
    maps nothing. Bulk reads (merges, filtered exact scans) still use the memory map.
    """

    def __init__(self, path: Path) -> None:
        with path.open("rb") as handle:
            version = np.lib.format.read_magic(handle)
            read_header = (
                np.lib.format.read_array_header_1_0 if version == (1, 0) else np.lib.format.read_array_header_2_0
            )
            shape, fortran, dtype = read_header(handle)
            self.offset = handle.tell()
        if fortran or len(shape) != 2:
            raise ValueError(f"{path.name}: expected a C-ordered 2-d array")
        self.dtype = np.dtype(dtype)
        self.shape = shape
        self.row_bytes = int(shape[1]) * self.dtype.itemsize
        self._fd = os.open(path, os.O_RDONLY)

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1

    def rows(self, rows: np.ndarray) -> np.ndarray:
        rows = np.asarray(rows, dtype=np.int64)
        return self.ranges(rows, rows + 1)

    def ranges(self, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
        """Rows ``starts[i]:ends[i]`` of every i, concatenated.

        Ranges that follow each other in the file (neighbouring chunks are often candidates
        together) are read with one ``pread``: a quarter fewer calls on a 10k-chunk index.
        """
        starts = np.asarray(starts, dtype=np.int64)
        ends = np.asarray(ends, dtype=np.int64)
        if len(starts) > 1:
            breaks = np.flatnonzero(starts[1:] != ends[:-1]) + 1
            starts, ends = starts[np.r_[0, breaks]], ends[np.r_[breaks - 1, len(ends) - 1]]
        size, fd, pread = self.row_bytes, self._fd, os.pread
        lengths = ((ends - starts) * size).tolist()
        offsets = (starts * size + self.offset).tolist()
        data = b"".join([pread(fd, n, at) for n, at in zip(lengths, offsets, strict=True)])
        return np.frombuffer(data, dtype=self.dtype).reshape(-1, self.shape[1])


class Segment:
    """A segment opened for search: everything memory-mapped or read by row, nothing parsed up front."""

    def __init__(self, directory: Path, entry: dict[str, Any]) -> None:
        self.directory = Path(directory)
        self.name = entry["name"]
        self.count = int(entry["count"])
        self.first_id = int(entry["first_id"])
        self.last_id = int(entry["last_id"])
        self.ids = np.load(directory / IDS, mmap_mode="r", allow_pickle=False)
        self.contiguous = self.count == 0 or self.last_id - self.first_id + 1 == self.count
        self.vectors = np.load(directory / VECTORS, mmap_mode="r", allow_pickle=False)
        # A plain array over the map (no memmap subclass per gather); see read_vectors.
        self._mapped_vectors = np.asarray(self.vectors) if entry.get("dense") == "flat16" else None
        self.windows = WindowTable.load(directory, mmap=True)
        # Each chunk's first and end window, read into memory once (2 x 8 bytes a chunk): a question
        # looks up ~200 of them, and gathering from the map paid numpy's memmap wrapper every time.
        self.window_starts = np.array(self.windows.starts, dtype=np.int64)
        self.window_ends = np.append(self.window_starts[1:], len(self.windows.vectors))
        # Same rule as the chunk vectors (read_vectors): a half-precision segment gathers its candidates'
        # windows from the map, one numpy gather instead of a pread per run of neighbouring chunks.
        self._mapped_windows = np.asarray(self.windows.vectors) if self._mapped_vectors is not None else None
        self.vector_reader = RowReader(directory / VECTORS)
        self.window_reader = RowReader(directory / WINDOW_VECTORS)
        self.dense = FaissDense.load(
            directory / DENSE,
            nprobe=int(entry.get("nprobe") or 32),
            kind=str(entry.get("dense", "ivf")),
            exact=self.chunk_vectors,
            norm_max=float(entry.get("norm_max") or 1.0),
        )
        self.keyword = KeywordIndex.load(directory)
        self.store = SqliteChunkStore(directory / CHUNK_DB)

    def close(self) -> None:
        self.store.close()
        self.vector_reader.close()
        self.window_reader.close()

    def read_vectors(self, rows: np.ndarray) -> np.ndarray:
        """Chunk vectors of the given rows (copied).

        Read with ``pread`` (nothing mapped), except in a segment scanned in half precision: there
        the rows are gathered from the memory map, ~10x cheaper than a ``pread`` each (a question
        reads ~200). Such a segment is below ``ANN_MIN`` chunks; its mapped pages are the half-precision
        codes plus the vector pages touched, at most 1.5x the float index it replaces (``IndexFlatIP``
        mapped and read every vector on every question): 77 against 65 MB of mapped files after 871
        questions on 11,985 chunks (VmRSS 434 against 422 MB).
        """
        if self._mapped_vectors is not None:
            return self._mapped_vectors[np.asarray(rows, dtype=np.int64)]
        return self.vector_reader.rows(rows)

    def chunk_vectors(self, ids: np.ndarray) -> np.ndarray:
        """Float chunk vectors of the given chunk ids of this segment (what a half-precision scan rescores)."""
        return self.read_vectors(self.rows(ids))

    def read_windows(self, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(window vectors of the given chunk rows, concatenated; offset of each chunk's first window).

        A half-precision segment (below ``ANN_MIN`` chunks) gathers them from the memory map in one
        numpy call instead of one ``pread`` per run of neighbouring chunks (~130 for a question's
        ~200 candidates at 12k chunks); others read them with ``pread`` (``RowReader``). Same rows,
        same bytes either way. The price: page faults map whole folios, so after the corpus
        sample's windows are read at open most of the window file shows in the process's RSS (as
        mapped page cache, the pages ``pread`` reads through too, not memory of its own); the rule
        bounds that to the window file of a segment below ``ANN_MIN`` chunks (~4.7 windows x 2 kB a
        chunk). Above it a question reads only its own rows.
        """
        rows = np.asarray(rows, dtype=np.int64)
        starts = self.window_starts[rows]
        ends = self.window_ends[rows]
        lengths = ends - starts
        offsets = np.zeros(len(rows), dtype=np.int64)
        if len(rows):
            np.cumsum(lengths[:-1], out=offsets[1:])
        if self._mapped_windows is None:
            return self.window_reader.ranges(starts, ends), offsets
        # Window rows of every chunk, in order: chunk c's run starts[c]..ends[c] lands at offsets[c].
        where = np.repeat(starts - offsets, lengths) + np.arange(int(lengths.sum()), dtype=np.int64)
        return self._mapped_windows[where], offsets

    def rows(self, ids: np.ndarray) -> np.ndarray:
        """Row of each chunk id (which must be in this segment)."""
        ids = np.asarray(ids, dtype=np.int64)
        if self.contiguous:
            return ids - self.first_id
        return np.searchsorted(self.ids, ids)

    def holds(self, ids: np.ndarray) -> np.ndarray:
        """Mask of the ids that are rows of this segment."""
        ids = np.asarray(ids, dtype=np.int64)
        inside = (ids >= self.first_id) & (ids <= self.last_id)
        if self.contiguous or not inside.any():
            return inside
        rows = np.clip(np.searchsorted(self.ids, ids), 0, max(self.count - 1, 0))
        return inside & (np.asarray(self.ids)[rows] == ids)

    def window_rows(self, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(window rows of the given chunk rows, concatenated; offset of each chunk's first window)."""
        starts = np.asarray(self.windows.starts[rows])
        lengths = self.window_ends[rows] - starts
        offsets = np.zeros(len(rows), dtype=np.int64)
        if len(rows):
            offsets[1:] = np.cumsum(lengths)[:-1]
        flat = np.arange(int(lengths.sum()), dtype=np.int64) + np.repeat(starts - offsets, lengths)
        return flat, offsets
