"""Build or update an index: load -> structure -> chunks -> vectors -> index on disk.

Vectors are reused by the hash of the exact text that was embedded, so re-running a build on
unchanged documents embeds nothing, a changed document re-embeds only chunks whose text changed,
and a removed document simply has no chunks in the new generation.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from qa.calibration import calibrate_index
from qa.chunking import ChunkingParams, chunk_outline
from qa.dense import WindowTable, window_spans, window_texts
from qa.embedding import Embedder, load_embedder, same_model
from qa.errors import IndexStoreError, QAError
from qa.fusion import noise_floor
from qa.index_store import IndexStore, LoadedIndex, StoredDocument
from qa.keyword import BM25_B, BM25_K1, KeywordIndex, corpus_tokens
from qa.loading import load_paths
from qa.records import Chunk, Document
from qa.structure import recover_outline

log = logging.getLogger(__name__)

DEFAULT_INDEX = Path("index/default")


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


def build_index(
    paths: Iterable[Path | str],
    index_dir: Path | str = DEFAULT_INDEX,
    model: str | None = None,
    params: ChunkingParams | None = None,
    embedder: Embedder | None = None,
    keep_existing: bool = False,
    progress: bool = True,
) -> BuildReport:
    """Index the documents under ``paths`` into ``index_dir``.

    With ``keep_existing`` the documents already in the index stay (the app's "add documents");
    otherwise the index holds exactly the documents found under ``paths``. ``model=None`` keeps
    the model an existing index was built with, or uses the bundled default for a new one.
    Raises QAError when no document could be indexed; the old index is then left untouched.
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
        if previous is not None and model is None and embedder is None:
            model = previous.model_id
        embedder = embedder or load_embedder(model)
        if previous is not None and not same_model(previous.model_id, embedder.model_id):
            log.warning(
                "index was built with %s; rebuilding every vector with %s", previous.model_id, embedder.model_id
            )
        reusable = previous is not None and previous.model_id == embedder.model_id
        params = params or ChunkingParams()

        docs: dict[str, Document | StoredDocument] = {}
        if keep_existing and previous is not None:
            docs.update(previous.documents)
        old_hashes = {d: s.sha256 for d, s in previous.documents.items()} if previous else {}
        for doc in loaded.documents:
            docs[doc.doc_id] = doc
            if doc.doc_id not in old_hashes:
                report.added.append(doc.doc_id)
            elif old_hashes[doc.doc_id] != doc.sha256:
                report.changed.append(doc.doc_id)
        report.removed = sorted(set(old_hashes) - set(docs))
        if not docs:
            raise QAError("nothing to index: " + ("; ".join(loaded.problems) or "no input"))

        as_documents = [
            d if isinstance(d, Document) else Document(d.doc_id, Path(d.doc_id), d.text, d.sha256, d.encoding)
            for d in docs.values()
        ]
        chunks = chunk_documents(as_documents, params)
        if not chunks:
            raise QAError("nothing to index: the documents contain no text to search")

        cache: dict[str, np.ndarray] = {}
        if reusable:
            old_vectors = previous.vectors.reconstruct_n(0, previous.vectors.ntotal)
            if previous.manifest.get("chunk_vectors") == "embedded":
                cache = {_text_key(c.embed_text): old_vectors[i] for i, c in enumerate(previous.chunks)}
            old_windows = WindowTable.load(previous.directory)
            old_texts = [t for c in previous.chunks for t in window_texts(c)]
            if len(old_texts) == len(old_windows.vectors):  # else the window rules changed: re-embed
                cache.update({_text_key(t): old_windows.vectors[i] for i, t in enumerate(old_texts)})
        chunk_keys = [_text_key(c.embed_text) for c in chunks]
        windows = [window_texts(c) for c in chunks]
        window_keys = [[_text_key(t) for t in ws] for ws in windows]
        # An averaging encoder's chunk vector is the mean of its window vectors (qa.dense), so
        # only windows are embedded; other models embed the whole chunk as well.
        averaging = bool(getattr(embedder, "averaging", False))
        # One text is embedded once even when several chunks (overlap) or windows share it.
        todo: dict[str, str] = {}
        if not averaging:
            for key, chunk in zip(chunk_keys, chunks, strict=True):
                if key not in cache:
                    todo.setdefault(key, chunk.embed_text)
        missing_chunks = len(todo)
        for keys, texts in zip(window_keys, windows, strict=True):
            for key, text in zip(keys, texts, strict=True):
                if key not in cache:
                    todo.setdefault(key, text)
        if todo:
            log.info("embedding %d new texts (chunks and sentence windows) with %s", len(todo), embedder.model_id)
            # Similar lengths together: batches of alike texts encode faster with padding encoders.
            ordered = sorted(todo.items(), key=lambda kv: len(kv[1]))
            fresh = embedder.encode_documents([t for _, t in ordered], progress=progress)
            cache.update({key: fresh[i] for i, (key, _) in enumerate(ordered)})
        window_table = WindowTable.from_counts(
            np.vstack([cache[k] for keys in window_keys for k in keys]).astype(np.float32),
            [len(keys) for keys in window_keys],
        )
        if averaging:
            vectors = window_table.window_mean()
        else:
            vectors = np.vstack([cache[k] for k in chunk_keys]).astype(np.float32)
        keyword = KeywordIndex.build([c.embed_text for c in chunks])
        # Fusion weights for this model and corpus, measured on held-out sentences (qa.calibration).
        calibration = calibrate_index(
            chunks,
            window_table.vectors,
            window_table.starts,
            embedder,
            window_spans,
            lambda text: corpus_tokens([text])[0],
            BM25_K1,
            BM25_B,
            noise_floor,
        )

        def extras(directory: Path) -> list[str]:
            return window_table.save(directory) + keyword.save(directory)

        manifest = {
            "model": embedder.model_id,
            "dim": int(vectors.shape[1]),
            "chunking": params.as_dict(),
            "chunk_vectors": "window-mean" if averaging else "embedded",
            "calibration": calibration.as_dict(),
            "documents": {
                d.doc_id: {
                    "sha256": d.sha256,
                    "encoding": d.encoding,
                    "chunks": sum(c.doc_id == d.doc_id for c in chunks),
                }
                for d in as_documents
            },
            "built_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        }
        store.write(manifest, chunks, vectors, [StoredDocument.from_document(d) for d in as_documents], extra=extras)

    report.documents = len(docs)
    report.chunks = len(chunks)
    fresh_keys = set(todo)
    report.embedded = sum(
        ck in fresh_keys or any(k in fresh_keys for k in wk) for ck, wk in zip(chunk_keys, window_keys, strict=True)
    )
    report.windows = len(window_table.vectors)
    report.windows_embedded = len(todo) - missing_chunks
    report.embedded_texts = len(todo)
    report.seconds = time.perf_counter() - started
    return report
