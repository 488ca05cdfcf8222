"""Milvus as the engine: chunk vectors and jieba-BM25 in a Milvus collection, fusion in our code.

``qa build DOCS --index DIR --engine milvus --milvus-uri URI``: URI is a local file (Milvus Lite,
embedded: tests and laptops) or ``http://host:19530`` (Milvus standalone or a cluster; the same
``pymilvus.MilvusClient`` calls). The index directory keeps what a search needs besides Milvus:
the manifest (engine, URI, collection, model, generation) and the document records (SQLite), so
``qa search --index DIR`` needs nothing else. Install with ``pip install qa[milvus]``.

One row per chunk: id, doc_id, section_label (filters become Milvus expressions), the embedded
text with Milvus's BM25 function over the ``jieba`` analyzer, the chunk vector (FLOAT_VECTOR,
inner product), the chunk record, and two generation numbers. Each search sees exactly one
committed generation G: rows with ``gen <= G`` not deleted by then (``dead == 0 or dead > G``).
A build writes its rows with ``gen = G + 1`` and marks replaced rows ``dead = G + 1`` *before* the
local manifest switches, so a crash leaves generation G searchable as it was; the next build first
removes the crashed attempt's rows and marks. Deleted rows are purged after the switch.

Fusion, dense standard scores and highlights are ours (``qa.fusion``, ``qa.highlight``) over the
candidates both Milvus searches return. Unlike the FAISS engine, dense scores are whole-chunk
cosines (no sentence windows in Milvus), so rankings can differ slightly between engines.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from pathlib import Path
from typing import Any

import numpy as np

from qa.candidates import CANDIDATES, DENSE_SAMPLE, Candidates
from qa.chunk_store import SqliteChunkStore, section_prefix
from qa.errors import IndexStoreError, QAError
from qa.index_store import DocumentMap
from qa.records import Chunk

log = logging.getLogger(__name__)
# Milvus Lite logs its server start/stop at INFO (also from atexit, after stderr may be closed) and
# its embedded gRPC server logs "Method not implemented" for calls Lite does not serve; neither is ours.
logging.getLogger("milvus_lite").setLevel(logging.WARNING)
logging.getLogger("grpc._server").setLevel(logging.CRITICAL)

ENGINE = "milvus"
_TEXT_MAX = 65535
_ID_BATCH = 1000
_SEARCH_MAX = 16384  # Milvus's largest search limit (topk)
_DF_CACHE = 4096  # question words whose chunk counts an opened index remembers


def _client(uri: str):
    try:
        from pymilvus import MilvusClient
    except ImportError as exc:  # pragma: no cover - depends on the optional extra
        raise QAError(
            "the milvus engine needs pymilvus (and milvus-lite for a local file): pip install 'qa[milvus]'"
        ) from exc
    try:
        return MilvusClient(uri)
    except Exception as exc:  # pymilvus raises several types for an unreachable server
        raise IndexStoreError(f"cannot reach Milvus at {uri}: {exc}") from exc


def default_collection(index_dir: Path) -> str:
    """A collection name stable for one index directory."""
    digest = hashlib.sha1(str(Path(index_dir).resolve()).encode("utf-8")).hexdigest()[:12]
    return f"qa_{digest}"


def _quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _like(text: str) -> str:
    return _quote(text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")


def _create(client, collection: str, dim: int) -> None:
    from pymilvus import DataType, Function, FunctionType

    schema = client.create_schema(auto_id=False)
    schema.add_field("id", DataType.INT64, is_primary=True)
    schema.add_field("doc_id", DataType.VARCHAR, max_length=4096)
    schema.add_field("section_label", DataType.VARCHAR, max_length=_TEXT_MAX)
    schema.add_field(
        "text",
        DataType.VARCHAR,
        max_length=_TEXT_MAX,
        enable_analyzer=True,
        enable_match=True,
        analyzer_params={"tokenizer": "jieba"},
    )
    schema.add_field("sparse", DataType.SPARSE_FLOAT_VECTOR)
    schema.add_field("vector", DataType.FLOAT_VECTOR, dim=dim)
    schema.add_field("record", DataType.VARCHAR, max_length=_TEXT_MAX)
    schema.add_field("gen", DataType.INT64)
    schema.add_field("dead", DataType.INT64)
    schema.add_function(
        Function(
            name="bm25", function_type=FunctionType.BM25, input_field_names=["text"], output_field_names=["sparse"]
        )
    )
    params = client.prepare_index_params()
    params.add_index("vector", index_type="AUTOINDEX", metric_type="IP")
    params.add_index("sparse", index_type="SPARSE_INVERTED_INDEX", metric_type="BM25")
    client.create_collection(collection, schema=schema, index_params=params)


def _rows_where(client, collection: str, expr: str, fields: list[str]) -> list[dict[str, Any]]:
    return client.query(collection, filter=expr, output_fields=fields, limit=16384)


def write(
    store,
    previous,
    manifest: dict[str, Any],
    part,
    dead_docs: list[str],
    uri: str,
    collection: str,
    first_id: int,
    doc_segment: tuple[str, list[dict[str, Any]]],
    keep: list[str],
) -> None:
    """Write one update to Milvus and switch the local generation (call inside ``store.lock()``)."""
    client = _client(uri)
    committed = int(previous.manifest["milvus"]["gen"]) if previous is not None else 0
    if previous is None:
        if client.has_collection(collection):
            log.warning("replacing Milvus collection %s, which no index manifest names", collection)
            client.drop_collection(collection)
        _create(client, collection, int(manifest["dim"]))
    else:  # undo what a crashed build left: its rows and its deletion marks
        client.delete(collection, filter=f"gen > {committed}")
        _set_dead(client, collection, f"dead > {committed}", 0)
    new_gen = committed + 1
    if dead_docs:
        names = ", ".join(_quote(d) for d in dead_docs)
        _set_dead(client, collection, f"doc_id in [{names}] and gen <= {committed} and dead == 0", new_gen)
    rows = []
    for n, (chunk, vector) in enumerate(zip(part.chunks, part.vectors, strict=True)):
        rows.append(
            {
                "id": first_id + n,
                "doc_id": chunk.doc_id,
                "section_label": chunk.section_label,
                "text": chunk.embed_text or chunk.text,
                "vector": np.asarray(vector, dtype=np.float32).tolist(),
                "record": json.dumps(chunk.to_json(), ensure_ascii=False),
                "gen": new_gen,
                "dead": 0,
            }
        )
    for start in range(0, len(rows), 500):
        client.insert(collection, rows[start : start + 500])
    client.flush(collection)
    manifest["milvus"] = {"uri": uri, "collection": collection, "gen": new_gen}
    name, documents = doc_segment

    def writer(tmp: Path) -> list[dict[str, Any]]:
        if not documents:
            return []
        (tmp / name).mkdir()
        SqliteChunkStore.write_rows(tmp / name / "chunks.sqlite", [], documents, [])
        return [{"name": name, "count": 0, "first_id": 0, "last_id": -1, "dense": "milvus", "nprobe": None}]

    store.write(manifest, writer, keep=keep, previous=previous)
    client.delete(collection, filter=f"dead > 0 and dead <= {new_gen}")  # purge (a crash here only delays it)
    client.close()


def _set_dead(client, collection: str, expr: str, value: int) -> None:
    rows = _rows_where(client, collection, expr, ["*"])
    if not rows:
        return
    for row in rows:
        row["dead"] = value
        row.pop("sparse", None)  # generated by the BM25 function
    client.upsert(collection, rows)


class MilvusFilter:
    """A document/section filter as a Milvus expression (what ``filter_ids`` returns for this engine)."""

    def __init__(self, expr: str) -> None:
        self.expr = expr


class _DocStore:
    def __init__(self, path: Path) -> None:
        self.store = SqliteChunkStore(path)


class MilvusIndex:
    """A committed generation whose chunks live in Milvus (same surface as ``LoadedIndex``)."""

    def __init__(self, directory: Path, manifest: dict[str, Any]) -> None:
        self.directory = directory
        self.manifest = manifest
        self.uri = manifest["milvus"]["uri"]
        self.collection = manifest["milvus"]["collection"]
        self.gen = int(manifest["milvus"]["gen"])
        self.client = _client(self.uri)
        if not self.client.has_collection(self.collection):
            raise IndexStoreError(f"Milvus at {self.uri} has no collection {self.collection}; rebuild the index")
        self.client.load_collection(self.collection)
        self.segments: list = []  # nothing for a FAISS build to reuse
        self._docs = {e["name"]: _DocStore(directory / e["name"] / "chunks.sqlite") for e in manifest["segments"]}
        self.count = int(manifest["count"])
        self.documents = DocumentMap(self)
        self.tombstones = np.zeros(0, dtype=np.int64)
        self.lock = threading.Lock()  # one client shared by the app's threads

        class _Vectors:
            d = int(manifest["dim"])
            ntotal = self.count

        self.vectors = _Vectors()

    @property
    def model_id(self) -> str:
        return str(self.manifest["model"])

    @property
    def visible(self) -> str:
        return f"gen <= {self.gen} and (dead == 0 or dead > {self.gen})"

    def segment_named(self, name: str):
        return self._docs.get(name)

    def close(self) -> None:
        for docs in self._docs.values():
            docs.store.close()
        self.client.close()

    def finder(self):
        return MilvusFinder(self)

    def query(self, expr: str, fields: list[str], limit: int = 16384) -> list[dict[str, Any]]:
        with self.lock:
            return self.client.query(
                self.collection, filter=f"{self.visible} and ({expr})", output_fields=fields, limit=limit
            )

    def fetch(self, ids) -> dict[int, Chunk]:
        out: dict[int, Chunk] = {}
        ids = [int(i) for i in ids]
        for start in range(0, len(ids), _ID_BATCH):
            part = ids[start : start + _ID_BATCH]
            for row in self.query(f"id in {part}", ["id", "record"]):
                out[int(row["id"])] = Chunk.from_json(json.loads(row["record"]))
        return out

    def doc_chunk_ids(self, doc_ids: list[str]) -> np.ndarray:
        if not doc_ids:
            return np.zeros(0, dtype=np.int64)
        names = ", ".join(_quote(d) for d in doc_ids)
        return np.asarray(sorted(int(r["id"]) for r in self.query(f"doc_id in [{names}]", ["id"])), dtype=np.int64)

    def filter_ids(self, doc: str | None, section: str | None) -> MilvusFilter:
        parts = []
        if doc:
            parts.append(f"doc_id == {_quote(doc)}")
        if section:
            parts.append(
                f"(section_label like {_like(section_prefix(section))} or section_label like {_like(section)})"
            )
        return MilvusFilter(" and ".join(parts))

    @property
    def chunks(self) -> list[Chunk]:
        rows = self.query("id >= 0", ["id", "record"])
        return [Chunk.from_json(json.loads(r["record"])) for r in sorted(rows, key=lambda r: r["id"])]


class MilvusFinder:
    """Candidates from Milvus's BM25 and vector searches; scores for their union; our fusion does the rest."""

    def __init__(self, index: MilvusIndex) -> None:
        self.index = index
        self.total = index.count
        self._df: dict[str, int] = {}
        rng = np.random.default_rng(0)
        next_id = int(index.manifest.get("next_id", 0))
        probe = np.sort(rng.choice(next_id, min(next_id, 4 * DENSE_SAMPLE), replace=False)) if next_id else []
        rows = index.query(f"id in {[int(i) for i in probe]}", ["id", "vector"]) if len(probe) else []
        rows = sorted(rows, key=lambda r: r["id"])[:DENSE_SAMPLE]
        dim = int(index.manifest["dim"])
        self._sample = np.asarray([r["vector"] for r in rows], dtype=np.float32).reshape(-1, dim)

    def _search(self, data, field: str, expr: str, limit: int, metric: str) -> tuple[np.ndarray, np.ndarray]:
        full = f"{self.index.visible}" + (f" and ({expr})" if expr else "")
        with self.index.lock:
            hits = self.index.client.search(
                self.index.collection,
                data=[data],
                anns_field=field,
                filter=full,
                limit=max(1, limit),
                output_fields=["id"],
                search_params={"metric_type": metric},
            )[0]
        ids = np.asarray([int(h["id"]) for h in hits], dtype=np.int64)
        scores = np.asarray([float(h["distance"]) for h in hits], dtype=np.float32)
        return ids, np.abs(scores) if metric == "BM25" else scores

    def _word_frequency(self, word: str) -> int:
        """Visible chunks that Milvus's BM25 index holds ``word`` for (cached: this generation's rows are fixed).

        BM25 search, not ``TEXT_MATCH``: in Milvus Lite 3.2.2 ``TEXT_MATCH`` ignores the field's
        jieba analyzer (it finds 重庆 in "hello 重庆" but not in "重庆是一座城市"), so it found none of
        a Chinese question's words; the BM25 index is built by the same analyzer that ranks, and a
        BM25 search returns only rows sharing a word with the query. A word in more chunks than
        Milvus's search limit (16384) counts as that many: its IDF is near zero either way.
        """
        if word in self._df:
            return self._df[word]
        count = 0
        if word.strip() and self.total > 0:
            ids, _ = self._search(word, "sparse", "", min(self.total, _SEARCH_MAX), "BM25")
            count = len(ids)
        if len(self._df) >= _DF_CACHE:
            self._df.clear()
        self._df[word] = count
        return count

    def coverage(self, tokens: list[str]) -> float:
        """Share of the question's words that some visible chunk contains."""
        if not tokens:
            return 0.0
        return sum(self._word_frequency(t) > 0 for t in tokens) / len(tokens)

    def document_frequencies(self, tokens: list[str]) -> tuple[dict[str, int], int]:
        """(visible chunks containing each word, visible chunks): index-wide IDFs, one BM25 search per new word."""
        return {t: self._word_frequency(t) for t in dict.fromkeys(tokens)}, self.total

    def keyword_for(self, tokens: list[str], ids: np.ndarray) -> np.ndarray:
        """BM25 scores of the chunks ``ids`` (0 where no word matches)."""
        question = " ".join(tokens)
        if not question or not len(ids):
            return np.zeros(len(ids), dtype=np.float32)
        found_ids, scores = self._search(question, "sparse", f"id in {[int(i) for i in ids]}", len(ids), "BM25")
        found = dict(zip(found_ids.tolist(), scores.tolist(), strict=True))
        return np.asarray([found.get(int(i), 0.0) for i in ids], dtype=np.float32)

    def dense_scores(self, vector, ids: np.ndarray) -> np.ndarray:
        """Cosine of the question with each chunk ``ids`` (whole-chunk vectors: no windows in Milvus)."""
        if not len(ids):
            return np.zeros(0, dtype=np.float32)
        rows = self.index.query(f"id in {[int(i) for i in ids]}", ["id", "vector"])
        found = {int(r["id"]): float(np.dot(r["vector"], vector)) for r in rows}
        return np.asarray([found.get(int(i), 0.0) for i in ids], dtype=np.float32)

    def find(self, vector, tokens: list[str], mode: str, allowed: MilvusFilter | None) -> Candidates:
        expr = allowed.expr if allowed is not None else ""
        depth = min(self.total, CANDIDATES)
        question = " ".join(tokens)
        kw_ids = kw_scores = dn_ids = dn_scores = np.zeros(0)
        if mode != "dense" and question:
            kw_ids, kw_scores = self._search(question, "sparse", expr, depth, "BM25")
        if mode != "keyword":
            want = min(self.total, depth * (2 if mode == "dense" else 1))
            dn_ids, dn_scores = self._search(np.asarray(vector).tolist(), "vector", expr, want, "IP")
        ids = np.unique(np.concatenate([kw_ids, dn_ids]).astype(np.int64))
        keyword = dense = None
        if mode != "dense":
            found = dict(zip(kw_ids.tolist(), kw_scores.tolist(), strict=True))
            missing = [int(i) for i in ids if int(i) not in found]
            if missing and question:
                more_ids, more = self._search(question, "sparse", f"id in {missing}", len(missing), "BM25")
                found.update(zip(more_ids.tolist(), more.tolist(), strict=True))
            keyword = np.asarray([found.get(int(i), 0.0) for i in ids], dtype=np.float32)
        if mode != "keyword":
            found = dict(zip(dn_ids.tolist(), dn_scores.tolist(), strict=True))
            missing = [int(i) for i in ids if int(i) not in found]
            if missing:
                rows = self.index.query(f"id in {missing}", ["id", "vector"])
                found.update({int(r["id"]): float(np.dot(r["vector"], vector)) for r in rows})
            dense = np.asarray([found.get(int(i), 0.0) for i in ids], dtype=np.float32)
        return Candidates(ids, keyword, dense)

    def dense_stats(self, vector) -> tuple[float, float]:
        if not len(self._sample):
            return 0.0, 0.0
        sims = self._sample @ vector
        return float(sims.mean()), float(sims.std())

    def window_cosines(self, vector, chunk_id: int):
        return None  # no sentence windows in Milvus: the highlight uses word overlap alone
