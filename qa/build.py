"""Build or update an index: load -> structure -> chunks -> vectors -> index on disk.

Updates touch only what changed. An unchanged document is not re-read into the pipeline at all;
an added or changed document is structured, chunked, tokenized and embedded on its own and written
as one new segment; a changed or removed document's old chunks become tombstones (deleted ids).
Vectors are reused by the hash of the exact text that was embedded, from any segment, so a
renamed or copied document embeds nothing.

When small segments or deleted rows pile up (``MAX_SEGMENTS``, ``MERGE_DEAD_SHARE``,
``MERGE_NEW_SHARE``), or the model or chunking settings changed, the build writes one merged
segment instead: stored vectors, windows and words are copied, nothing is embedded or tokenized
again.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from qa.build_words import tokens_beside
from qa.calibration import calibrate_update
from qa.chunk_store import SqliteChunkStore
from qa.chunking import ChunkingParams, chunk_outline
from qa.dense import WindowTable, window_texts
from qa.dense_index import ANN_MIN
from qa.embedding import Embedder, available_cores, load_embedder, manifest_model, matches_manifest
from qa.errors import IndexStoreError, QAError
from qa.index_store import IndexStore, LoadedIndex, StoredDocument
from qa.keyword import BM25_B, BM25_K1, BM25_METHOD
from qa.loading import load_paths
from qa.records import Chunk, Document
from qa.segment import SegmentData, write_segment
from qa.structure import recover_outline
from qa.words import SCRIPT as VECTORS
from qa.words import WORDS_SCRIPT as WORDS
from qa.words import simplified

log = logging.getLogger(__name__)

DEFAULT_INDEX = Path("index/default")
ENGINE = "faiss"
ENCODE_BATCH = 64  # texts per task when a model is fed from several threads (encode_texts)
MAX_ENCODE_THREADS = 4  # threads feeding a batch-independent model; each run has the model's own threads too
MAX_SEGMENTS = 8  # more segments than this: merge (each costs a FAISS and a BM25 search per question)
MERGE_DEAD_SHARE = 0.25  # deleted rows above this share of all rows: merge (they still cost search time)
MERGE_NEW_SHARE = 0.25  # a new segment this large against the rest: merge (its BM25 IDFs are aligned, not exact)


@dataclass
class BuildReport:
    """What a build did, for the CLI, the app and the benchmarks."""

    index_dir: Path
    documents: int = 0
    chunks: int = 0
    embedded: int = 0  # chunks with a newly computed vector (or window vector); the rest were reused
    windows: int = 0  # sentence windows scored for dense search
    windows_embedded: int = 0
    embedded_texts: int = 0  # texts sent to the model (chunks and windows, each distinct text once)
    problems: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    merged: bool = False  # the index was rewritten as one segment
    seconds: float = 0.0


def _text_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def chunk_documents(docs: Iterable[Document], params: ChunkingParams) -> list[Chunk]:
    """Structure and chunk each document in turn."""
    chunks: list[Chunk] = []
    for doc in docs:
        chunks.extend(chunk_outline(recover_outline(doc), params))
    return chunks


def _previous(store: IndexStore) -> LoadedIndex | None:
    if not store.exists():
        return None
    try:
        return store.load()
    except IndexStoreError as exc:
        log.warning("ignoring the existing index, it will be rebuilt in full: %s", exc)
        return None


@dataclass
class _NewPart:
    """Freshly chunked documents with their vectors, ready to become segment rows."""

    chunks: list[Chunk]
    tokens: list[list[str]]
    vectors: np.ndarray
    windows: WindowTable
    window_keys: list[str]
    chunk_keys: list[str] | None
    documents: list[dict[str, Any]]
    embedded: int = 0
    windows_embedded: int = 0
    embedded_texts: int = 0  # texts sent to the model (chunks and windows, each distinct text once)


def encode_texts(embedder: Embedder, texts: list[str], progress: bool, queries: bool = False) -> np.ndarray:
    """``embedder.encode_documents(texts)`` (``encode_queries`` with ``queries``), on every core if the model allows.

    An embedder whose vectors do not depend on what else is in the batch (``batch_independent``:
    the ONNX USE runs one text at a time) gets batches from a thread per core: its runtime releases
    the GIL, and one short text per run keeps a single run from using both cores (each run alone
    spent ~20% of its time on the second core). The vectors are the same; only the order of the
    work changes. Other models keep their own batching.
    """
    workers = min(available_cores(), MAX_ENCODE_THREADS)
    if not getattr(embedder, "batch_independent", False) or workers < 2 or len(texts) < 2 * ENCODE_BATCH:
        return embedder.encode_queries(texts) if queries else embedder.encode_documents(texts, progress=progress)
    encode = embedder.encode_queries if queries else embedder.encode_documents
    from concurrent.futures import ThreadPoolExecutor

    from tqdm.auto import tqdm

    batches = [texts[i : i + ENCODE_BATCH] for i in range(0, len(texts), ENCODE_BATCH)]
    parts: list[np.ndarray] = []
    with (
        ThreadPoolExecutor(workers, thread_name_prefix="qa-encode") as pool,
        tqdm(total=len(texts), desc="embedding", unit="chunk", disable=not progress) as bar,
    ):
        for vectors in pool.map(encode, batches):  # in order
            parts.append(vectors)
            bar.update(len(vectors))
    return np.vstack(parts)


def _embed_new(
    docs: list[Document],
    params: ChunkingParams,
    embedder: Embedder,
    previous: LoadedIndex | None,
    progress: bool,
) -> _NewPart:
    chunks = chunk_documents(docs, params)
    averaging = bool(embedder.averaging)
    # The encoder reads Han characters as simplified, as BM25 does (qa.words.simplified): traditional
    # text is a different token stream to it, and its vectors stand further from simplified questions.
    windows = [[simplified(t) for t in window_texts(c)] for c in chunks]
    window_keys = [[_text_key(t) for t in ws] for ws in windows]
    embed_texts = [simplified(c.embed_text) for c in chunks]
    chunk_keys = [_text_key(t) for t in embed_texts]
    wanted_w = sorted({k for ks in window_keys for k in ks})
    wanted_c = [] if averaging else sorted(set(chunk_keys))
    cache: dict[str, np.ndarray] = {}
    if previous is not None:  # same model and settings: reuse vectors of identical texts from any segment
        for segment in previous.segments:
            for kind, wanted, table in (("w", wanted_w, segment.windows.vectors), ("c", wanted_c, segment.vectors)):
                missing = [k for k in wanted if k not in cache]
                rows = segment.store.text_rows(missing, kind) if missing else {}
                for key, row in rows.items():
                    cache[key] = np.asarray(table[row])
    todo: dict[str, str] = {}
    if not averaging:
        for key, text in zip(chunk_keys, embed_texts, strict=True):
            if key not in cache:
                todo.setdefault(key, text)
    missing_chunks = len(todo)
    for keys, texts in zip(window_keys, windows, strict=True):
        for key, text in zip(keys, texts, strict=True):
            if key not in cache:
                todo.setdefault(key, text)
    # Word segmentation (jieba) runs beside the encoder (``tokens_beside``), same tokens.
    tokens_result = tokens_beside([c.embed_text for c in chunks])
    try:
        if todo:
            log.info("embedding %d new texts (chunks and sentence windows) with %s", len(todo), embedder.model_id)
            # Longest first: the encoder's last tasks, which may leave a core idle, are then the shortest.
            ordered = sorted(todo.items(), key=lambda kv: -len(kv[1]))
            fresh = encode_texts(embedder, [t for _, t in ordered], progress)
            cache.update({key: fresh[i] for i, (key, _) in enumerate(ordered)})
    except BaseException:
        tokens_result.cancel()
        raise
    tokens = tokens_result()
    dim = int(embedder.dim)
    flat_keys = [k for keys in window_keys for k in keys]
    window_vectors = np.vstack([cache[k] for k in flat_keys]).astype(np.float32) if flat_keys else np.zeros((0, dim))
    table = WindowTable.from_counts(window_vectors, [len(k) for k in window_keys])
    if averaging:
        vectors = table.window_mean() if len(chunks) else np.zeros((0, dim), dtype=np.float32)
    else:
        vectors = np.vstack([cache[k] for k in chunk_keys]).astype(np.float32) if chunks else np.zeros((0, dim))
    fresh_keys = set(todo)
    embedded = sum(
        ck in fresh_keys or any(k in fresh_keys for k in wk) for ck, wk in zip(chunk_keys, window_keys, strict=True)
    )
    return _NewPart(
        chunks=chunks,
        tokens=tokens,
        vectors=vectors,
        windows=table,
        window_keys=flat_keys,
        chunk_keys=None if averaging else chunk_keys,
        documents=[StoredDocument.from_document(d).to_record() for d in docs],
        embedded=embedded,
        windows_embedded=len(todo) - missing_chunks,
        embedded_texts=len(todo),
    )


def _new_rows(part: _NewPart, first_id: int) -> SegmentData:
    ids = np.arange(first_id, first_id + len(part.chunks), dtype=np.int64)
    texts = [(k, "w", r) for r, k in enumerate(part.window_keys)]
    if part.chunk_keys is not None:
        texts += [(k, "c", r) for r, k in enumerate(part.chunk_keys)]
    return SegmentData(
        ids=ids,
        rows=[SqliteChunkStore.row(int(i), c, t) for i, c, t in zip(ids, part.chunks, part.tokens, strict=True)],
        tokens=part.tokens,
        vectors=part.vectors,
        windows=part.windows,
        texts=texts,
        documents=part.documents,
    )


def _kept_rows(previous: LoadedIndex, dead: np.ndarray, keep_docs: dict[str, str]) -> list[SegmentData]:
    """The live rows of every segment of ``previous`` (for a merge), copied as stored.

    ``keep_docs`` maps each kept document to the segment holding its current record (an earlier
    segment may still hold the record of a version since replaced).
    """
    parts = []
    for segment in previous.segments:
        seg_ids = np.asarray(segment.ids)
        live = np.flatnonzero(~np.isin(seg_ids, dead))
        if not len(live):
            continue
        ids = seg_ids[live]
        flat, offsets = segment.window_rows(live)
        counts = np.diff(np.append(offsets, len(flat)))
        # Old row -> new row maps, to carry the text hashes over.
        window_map = np.full(len(segment.windows.vectors), -1, dtype=np.int64)
        window_map[flat] = np.arange(len(flat))
        chunk_map = np.full(segment.count, -1, dtype=np.int64)
        chunk_map[live] = np.arange(len(live))
        texts = []
        for key, kind, row in segment.store.all_texts():
            new = (window_map if kind == "w" else chunk_map)[row]
            if new >= 0:
                texts.append((key, kind, int(new)))
        rows = segment.store.raw_rows(ids.tolist()) if len(ids) < segment.count else segment.store.all_raw_rows()
        parts.append(
            SegmentData(
                ids=ids,
                rows=rows,
                tokens=[json.loads(r[5]) for r in rows],
                vectors=np.asarray(segment.vectors[live]),
                windows=WindowTable.from_counts(np.asarray(segment.windows.vectors[flat]), counts.tolist()),
                texts=texts,
                documents=[d for d in segment.store.documents() if keep_docs.get(d["doc_id"]) == segment.name],
            )
        )
    return parts


def _concat(parts: Sequence[SegmentData], dim: int) -> SegmentData:
    """One segment's rows from several, in id order (ids only grow, so parts are already ordered)."""
    texts, window_offset, chunk_offset = [], 0, 0
    for part in parts:
        texts += [(k, kind, r + (window_offset if kind == "w" else chunk_offset)) for k, kind, r in part.texts]
        window_offset += len(part.windows.vectors)
        chunk_offset += len(part.ids)
    counts = [int(c) for p in parts for c in np.diff(np.append(p.windows.starts, len(p.windows.vectors)))]
    windows = [p.windows.vectors for p in parts if len(p.windows.vectors)]
    vectors = [p.vectors for p in parts if len(p.vectors)]
    return SegmentData(
        ids=np.concatenate([p.ids for p in parts]).astype(np.int64),
        rows=[r for p in parts for r in p.rows],
        tokens=[t for p in parts for t in p.tokens],
        vectors=np.vstack(vectors) if vectors else np.zeros((0, dim), dtype=np.float32),
        windows=WindowTable.from_counts(np.vstack(windows) if windows else np.zeros((0, dim)), counts),
        texts=texts,
        documents=[d for p in parts for d in p.documents],
    )


def _record_documents(entries: dict[str, dict[str, Any]], part: _NewPart, segment: str) -> None:
    """Manifest entries for the documents a build (re)wrote, in segment ``segment``."""
    per_doc = Counter(c.doc_id for c in part.chunks)  # one pass (counting per document was documents x chunks)
    for record in part.documents:
        entries[record["doc_id"]] = {
            "sha256": record["sha256"],
            "encoding": record["encoding"],
            "chunks": per_doc[record["doc_id"]],
            "segment": segment,
        }


def _manifest(
    embedder: Embedder,
    params: ChunkingParams,
    calibration: dict[str, Any],
    settings: dict[str, Any],
    entries: dict[str, dict[str, Any]],
    live_after: int,
    next_id: int,
    part: _NewPart,
    next_segment: int,
) -> dict[str, Any]:
    """The manifest both engines write: model, chunking, calibration, engine settings, documents, counters."""
    return {
        **manifest_model(embedder),
        "dim": int(embedder.dim),
        "chunking": params.as_dict(),
        "chunk_vectors": "window-mean" if embedder.averaging else "embedded",
        "calibration": calibration,
        "settings": settings,
        "documents": entries,
        "count": int(live_after),
        "next_id": next_id + len(part.chunks),
        "next_segment": next_segment + 1,
        "built_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }


def _report_update(report: BuildReport, entries: dict[str, dict[str, Any]], live_after: int, part: _NewPart) -> None:
    report.documents = len(entries)
    report.chunks = int(live_after)
    report.embedded = part.embedded
    report.windows_embedded = part.windows_embedded
    report.embedded_texts = part.embedded_texts


def _update(
    store: IndexStore,
    previous: LoadedIndex | None,
    embedder: Embedder,
    params: ChunkingParams,
    new_docs: list[Document],
    drop: set[str],
    report: BuildReport,
    progress: bool,
    ann_min: int,
    milvus: dict[str, str] | None = None,
) -> None:
    """Write the generation that replaces documents ``drop`` and adds ``new_docs``. Call inside the lock."""
    if milvus is not None:
        _update_milvus(store, previous, embedder, params, new_docs, drop, report, progress, milvus)
        return
    entries: dict[str, dict[str, Any]] = dict(previous.manifest["documents"]) if previous else {}
    dead = previous.doc_chunk_ids(sorted(drop & set(entries))) if previous else np.zeros(0, dtype=np.int64)
    for doc_id in drop:
        entries.pop(doc_id, None)
    part = _embed_new(new_docs, params, embedder, previous, progress)
    live_before = previous.count if previous else 0
    live_after = live_before - len(dead) + len(part.chunks)
    if live_after <= 0:
        raise QAError("nothing to index: the documents contain no text to search")
    rows_after = (sum(s.count for s in previous.segments) if previous else 0) + len(part.chunks)
    tomb = np.union1d(previous.tombstones, dead) if previous else dead
    next_id = int(previous.manifest.get("next_id", 0)) if previous else 0
    next_segment = int(previous.manifest.get("next_segment", 0)) if previous else 0
    kept_segments = [s.name for s in previous.segments] if previous else []
    merge = (
        previous is None
        or len(kept_segments) + 1 > MAX_SEGMENTS
        or len(tomb) > MERGE_DEAD_SHARE * rows_after
        or len(part.chunks) > MERGE_NEW_SHARE * max(live_before - len(dead), 1)
    )
    name = f"seg-{next_segment:06d}"
    new = _new_rows(part, next_id)
    old_docs = {d: e["segment"] for d, e in entries.items()}  # still live, not replaced by a new version
    _record_documents(entries, part, name)
    if merge:
        fresh = {d["doc_id"] for d in part.documents}
        kept = {d: seg for d, seg in old_docs.items() if d not in fresh}
        parts = _kept_rows(previous, tomb, kept) if previous else []
        data = _concat([*parts, new], int(embedder.dim))
        for entry in entries.values():
            entry["segment"] = name

        def writer(tmp: Path) -> list[dict[str, Any]]:
            return [write_segment(tmp / name, data, ann_min=ann_min)]

        keep, tomb = [], np.zeros(0, dtype=np.int64)
        report.windows = len(data.windows.vectors)
    else:
        assert previous is not None
        if len(part.chunks):
            frequencies: dict[str, int] = {}
            for segment in previous.segments:
                for word, n in segment.keyword.document_frequencies().items():
                    frequencies[word] = frequencies.get(word, 0) + n
            context = (frequencies, sum(s.count for s in previous.segments))

            def writer(tmp: Path) -> list[dict[str, Any]]:
                return [write_segment(tmp / name, new, ann_min=ann_min, idf_context=context)]
        else:

            def writer(tmp: Path) -> list[dict[str, Any]]:
                return []

        keep = kept_segments
        report.windows = sum(len(s.windows.vectors) for s in previous.segments) + len(part.windows.vectors)
    settings = {
        "engine": ENGINE,
        "ann_min": ann_min,
        "bm25": {"method": BM25_METHOD, "k1": BM25_K1, "b": BM25_B},
        "max_segments": MAX_SEGMENTS,
        "words": WORDS,
        "vectors": _vectors_stamp(previous, live_before - len(dead)),  # the encoder read Han as simplified too
    }
    # Fusion weights for this model and corpus, measured on a sample of the live chunks (qa.calibration),
    # while the segment is written: the measurement is mostly Python and NumPy, the writing mostly FAISS,
    # SQLite, bm25s and fsync, so on two cores the two overlap instead of following each other.
    with ThreadPoolExecutor(1, thread_name_prefix="qa-calibrate") as pool:
        measuring = pool.submit(
            calibrate_update,
            previous,
            dead,
            part.chunks,
            part.windows,
            live_after,
            _encoder(embedder),
            known_tokens=_tokens_by_text(part),
        )

        def manifest() -> dict[str, Any]:
            calibration = measuring.result()
            return _manifest(embedder, params, calibration, settings, entries, live_after, next_id, part, next_segment)

        store.write(manifest, writer, keep=keep, previous=previous, tombstones=tomb)
    report.merged = merge
    _report_update(report, entries, live_after, part)


def _update_milvus(
    store: IndexStore,
    previous: LoadedIndex | None,
    embedder: Embedder,
    params: ChunkingParams,
    new_docs: list[Document],
    drop: set[str],
    report: BuildReport,
    progress: bool,
    milvus: dict[str, str],
) -> None:
    """The same update with Milvus holding the chunks (``qa.milvus_engine``)."""
    from qa import milvus_engine

    entries: dict[str, dict[str, Any]] = dict(previous.manifest["documents"]) if previous else {}
    dead_docs = sorted(drop & set(entries))
    removed_chunks = sum(int(entries[d]["chunks"]) for d in dead_docs)
    for doc_id in drop:
        entries.pop(doc_id, None)
    part = _embed_new(new_docs, params, embedder, None, progress)
    live_after = (previous.count if previous else 0) - removed_chunks + len(part.chunks)
    if live_after <= 0:
        raise QAError("nothing to index: the documents contain no text to search")
    next_id = int(previous.manifest.get("next_id", 0)) if previous else 0
    next_segment = int(previous.manifest.get("next_segment", 0)) if previous else 0
    name = f"docs-{next_segment:06d}"
    _record_documents(entries, part, name)
    dead = np.zeros(removed_chunks, dtype=np.int64)  # only their number counts toward recalibrating
    calibration = calibrate_update(
        previous, dead, part.chunks, part.windows, live_after, _encoder(embedder), known_tokens=_tokens_by_text(part)
    )
    settings = {
        "engine": "milvus",
        "bm25": {"analyzer": "jieba", "function": "milvus BM25"},
        "vectors": _vectors_stamp(previous, (previous.count if previous else 0) - removed_chunks),
    }
    manifest = _manifest(embedder, params, calibration, settings, entries, live_after, next_id, part, next_segment)
    keep = [e["name"] for e in previous.manifest["segments"]] if previous else []
    milvus_engine.write(
        store,
        previous,
        manifest,
        part,
        dead_docs,
        milvus["uri"],
        milvus["collection"],
        next_id,
        (name, part.documents),
        keep,
    )
    report.windows = len(part.windows.vectors)
    _report_update(report, entries, live_after, part)


def _milvus_target(
    previous: LoadedIndex | None, engine: str | None, uri: str | None, collection: str | None, index_dir: Path
) -> dict[str, str] | None:
    """Where a Milvus index lives (from the arguments or the existing manifest); None for FAISS files."""
    recorded = previous.manifest.get("milvus") if previous is not None else None
    if engine is None:
        engine = "milvus" if recorded else "faiss"
    if engine not in ("faiss", "milvus"):
        raise QAError(f"unknown engine {engine!r}: use faiss or milvus")
    if engine == "faiss":
        return None
    if recorded and (uri in (None, recorded["uri"])) and (collection in (None, recorded["collection"])):
        return {"uri": recorded["uri"], "collection": recorded["collection"]}
    if not uri:
        raise QAError("the milvus engine needs --milvus-uri (a local .db file for Milvus Lite, or http://host:19530)")
    if uri.endswith(".db") and "://" not in uri:
        uri = str(Path(uri).resolve())
    from qa.milvus_engine import default_collection

    return {"uri": uri, "collection": collection or default_collection(index_dir)}


def _vectors_of(manifest: dict) -> str | None:
    """How an index's vectors were made: ``qa.words.SCRIPT`` (the encoder read Han as simplified) or None."""
    return (manifest.get("settings") or {}).get("vectors")


def _vectors_stamp(previous: LoadedIndex | None, kept_chunks: int) -> str | None:
    """What the new generation's vectors are, for its manifest: folded (``VECTORS``) when every vector in it was made
    from folded text — a fresh index, or no chunk of the previous one kept, or a previous one whose vectors all were
    — else the previous stamp (vectors kept from before the fold make questions read as written: a stamp saying
    't2s' over them would fold questions those vectors never saw). A build re-embeds such an index (``build_index``);
    only a removal, which embeds nothing, keeps the old stamp."""
    if previous is None or kept_chunks <= 0:
        return VECTORS
    return _vectors_of(previous.manifest)


def _words_of(manifest: dict) -> str | None:
    """How an index's BM25 words were made: ``qa.words.WORDS_SCRIPT`` (Han read as simplified, a traditional
    passage's mainland words beside its own), ``qa.words.SCRIPT`` (simplified only) or None (as written)."""
    return (manifest.get("settings") or {}).get("words")


def _resolve_embedder(previous: LoadedIndex | None, model: str | None, embedder: Embedder | None) -> Embedder:
    if previous is not None and model is None and embedder is None:
        model = previous.model_id
    embedder = embedder or load_embedder(model)
    if previous is not None and not matches_manifest(previous.manifest, embedder.model_id):
        log.warning("index was built with %s; rebuilding every vector with %s", previous.model_id, embedder.model_id)
    return embedder


def build_index(
    paths: Iterable[Path | str],
    index_dir: Path | str = DEFAULT_INDEX,
    model: str | None = None,
    params: ChunkingParams | None = None,
    embedder: Embedder | None = None,
    keep_existing: bool = False,
    progress: bool = True,
    ann_min: int = ANN_MIN,
    engine: str | None = None,
    milvus_uri: str | None = None,
    milvus_collection: str | None = None,
) -> BuildReport:
    """Index the documents under ``paths`` into ``index_dir``.

    With ``keep_existing`` the documents already in the index stay (the app's "add documents");
    otherwise the index holds exactly the documents found under ``paths``. ``model=None`` keeps
    the model an existing index was built with, or uses the bundled default for a new one.
    ``engine`` is "faiss" (files in ``index_dir``, the default) or "milvus" (chunks in the Milvus
    at ``milvus_uri``; an existing index keeps its engine). Raises QAError when no document could
    be indexed; the old index is then left untouched.
    """
    started = time.perf_counter()
    store = IndexStore(index_dir)
    report = BuildReport(index_dir=Path(index_dir))
    loaded = load_paths(paths)
    report.problems = list(loaded.problems)
    if not loaded.documents and not keep_existing:
        detail = "; ".join(loaded.problems) or "no input"
        raise QAError(f"nothing to index: {detail}")

    with store.lock():
        previous = _previous(store)
        try:
            milvus = _milvus_target(previous, engine, milvus_uri, milvus_collection, Path(index_dir))
            if previous is not None and bool(milvus) != bool(previous.manifest.get("milvus")):
                previous.close()
                previous = None  # another engine: a fresh index
            elif (
                milvus
                and previous is not None
                and milvus != {k: previous.manifest["milvus"][k] for k in ("uri", "collection")}
            ):
                previous.close()
                previous = None
            embedder = _resolve_embedder(previous, model, embedder)
            params = params or ChunkingParams()
            compatible = (
                previous is not None
                and matches_manifest(previous.manifest, embedder.model_id)
                and previous.manifest.get("chunking") == params.as_dict()
                # BM25 words made otherwise (before the script fold, or without regional words): tokenize all again
                # (Milvus: its own)
                and _words_of(previous.manifest) == (None if milvus else WORDS)
                # vectors embedded before the encoder read Han as simplified: embedded again (FAISS reuses the
                # vector of every text the fold leaves as it was), so the manifest's 't2s' stays true
                and _vectors_of(previous.manifest) == VECTORS
            )
            if previous is not None and _words_of(previous.manifest) != (None if milvus else WORDS):
                # an index from before the script fold: said once, else "added 0, changed 0" hides a full pass
                log.warning("index's keyword words made before the current script folding: they are made again")
            elif previous is not None and _vectors_of(previous.manifest) != VECTORS:
                log.warning("index's vectors made before simplified/traditional folding: its chunks are embedded again")
            old = previous.manifest["documents"] if previous else {}
            incoming = {d.doc_id: d for d in loaded.documents}
            for doc_id, doc in incoming.items():
                if doc_id not in old:
                    report.added.append(doc_id)
                elif old[doc_id]["sha256"] != doc.sha256:
                    report.changed.append(doc_id)
            report.removed = [] if keep_existing else sorted(set(old) - set(incoming))
            if not incoming and not old:
                raise QAError("nothing to index: " + ("; ".join(loaded.problems) or "no input"))
            if compatible:
                assert previous is not None
                if not (report.added or report.changed or report.removed):
                    report.documents, report.chunks = len(old), previous.count
                    report.windows = sum(len(s.windows.vectors) for s in previous.segments)
                    report.seconds = time.perf_counter() - started
                    return report
                new_docs = [incoming[d] for d in report.added + report.changed]
                drop = set(report.changed) | set(report.removed)
                _update(store, previous, embedder, params, new_docs, drop, report, progress, ann_min, milvus)
            else:
                # Another model or chunking: every document is chunked and embedded again.
                docs = {d: previous.documents[d].to_document() for d in old} if previous and keep_existing else {}
                docs.update(incoming)
                same = previous is not None and matches_manifest(previous.manifest, embedder.model_id)
                reuse = previous if same else None
                _update(
                    store, reuse, embedder, params, list(docs.values()), set(old), report, progress, ann_min, milvus
                )
        finally:
            if previous is not None:
                previous.close()
    report.seconds = time.perf_counter() - started
    return report


def remove_documents(doc_ids: Sequence[str], index_dir: Path | str = DEFAULT_INDEX) -> BuildReport:
    """Remove documents from an index without touching the others (their chunk ids become tombstones).

    An unknown document id is an error naming it; removing every document is refused (an empty
    index cannot be searched; delete the folder instead).
    """
    started = time.perf_counter()
    store = IndexStore(index_dir)
    report = BuildReport(index_dir=Path(index_dir))
    with store.lock():
        previous = store.load()
        try:
            entries = previous.manifest["documents"]
            unknown = [d for d in doc_ids if d not in entries]
            if unknown:
                raise QAError(f"no document {', '.join(map(repr, unknown))} in the index at {index_dir}")
            if set(doc_ids) >= set(entries):
                raise QAError("removing every document would leave an empty index: delete the index folder instead")
            report.removed = sorted(set(doc_ids))
            params = ChunkingParams(**previous.manifest["chunking"])
            embedder = _NoEmbedder(previous.model_id, int(previous.manifest["dim"]))
            embedder.averaging = previous.manifest.get("chunk_vectors") == "window-mean"
            ann_min = int(previous.manifest.get("settings", {}).get("ann_min", ANN_MIN))
            milvus = previous.manifest.get("milvus")
            _update(store, previous, embedder, params, [], set(doc_ids), report, False, ann_min, milvus)
        finally:
            previous.close()
    report.seconds = time.perf_counter() - started
    return report


def _tokens_by_text(part: _NewPart) -> dict[str, list[str]]:
    """BM25 tokens of the new chunks by the text they were cut from: calibration need not run jieba again."""
    return {c.embed_text: t for c, t in zip(part.chunks, part.tokens, strict=True) if c.embed_text}


def _encoder(embedder: Embedder) -> Embedder | None:
    """The model to measure calibration with; None for a removal (no model is loaded for it)."""
    return None if isinstance(embedder, _NoEmbedder) else _ThreadedQueries(embedder)


class _ThreadedQueries:
    """The build's model for calibration: its pseudo-questions are encoded like the build's texts (``encode_texts``)."""

    def __init__(self, embedder: Embedder) -> None:
        self._embedder = embedder

    def __getattr__(self, name: str) -> Any:
        return getattr(self._embedder, name)

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        return encode_texts(self._embedder, list(texts), progress=False, queries=True)


class _NoEmbedder:
    """Stands for the index's model when nothing is embedded (removals): loading a model is not needed."""

    def __init__(self, model_id: str, dim: int) -> None:
        self.model_id = model_id
        self.dim = dim
        self.averaging = False

    def encode_documents(self, texts, progress=False):  # pragma: no cover - never called with texts
        raise AssertionError("nothing is embedded when documents are only removed")

    def encode_queries(self, texts):  # pragma: no cover
        raise AssertionError("nothing is embedded when documents are only removed")
