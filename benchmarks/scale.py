"""Index engine at scale: 10k / 100k (/ 1M) chunks, ANN against exact search in the same run.

    python benchmarks/scale.py                 # 10k and 100k chunks (~5 minutes on 2 cores)
    python benchmarks/scale.py --sizes 10000 100000 1000000   # adds 1M (~15-25 minutes, ~12 GB of disk)

Text: sentences of the 1,104 CMRC 2018 paragraphs (``/work/shared/data/cmrc2018``) recombined at
random (``numpy.random.default_rng(size)``), three sentences per chunk, 100 chunks per document,
the paragraph title as the section path. Vectors: each of 3,000 sentences (``--sentences``, drawn
from the ~12.8k) is embedded once by the bundled USE-m3 (``--embedder use``, the default; ~3 minutes
on a busy 2-core machine) and is one sentence window;
a chunk's vector is the mean of its three windows, exactly as the bundled model's chunks are built.
So a million chunks fit on 2 cores, yet neighbourhoods are the real model's. ``--embedder hash``
(hashed character bigrams through a fixed random projection, no model) is near-uniform noise in
512-d: IVF recall on it is far lower (0.71 at nprobe 256 of 1,264 cells at 100k) and says little
about real embeddings. Questions: CMRC questions (``queries.jsonl``, rows 100-399) embedded by the
same model; nprobe is tuned at build time on window vectors of the index (the tuning split), and
recall is reported on these questions (never seen by the tuning).

Build time excludes the encoder (vectors are computed before the timer starts; tokens too, as they
are cached per sentence). Each size is opened and measured in a fresh process (open time, RSS).
Latency: hybrid search of one question, k=10, highlights included, encoder excluded; the exact
baseline is the same searcher with its FAISS index replaced by an exact in-memory flat index.
"Add/remove one doc": ``qa.build.build_index(keep_existing=True)`` of one new document file (twelve
sentences, a few chunks, embedded by the same embedder), then ``qa.build.remove_documents`` of it.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qa.build import ENGINE, MAX_SEGMENTS, build_index, remove_documents  # noqa: E402
from qa.chunk_store import SqliteChunkStore  # noqa: E402
from qa.chunking import ChunkingParams  # noqa: E402
from qa.dense import WindowTable  # noqa: E402
from qa.dense_index import ANN_MIN  # noqa: E402
from qa.index_store import IndexStore  # noqa: E402
from qa.keyword import BM25_B, BM25_K1, BM25_METHOD  # noqa: E402
from qa.records import Chunk, Span  # noqa: E402
from qa.segment import SegmentData, write_segment  # noqa: E402
from qa.words import content_tokens  # noqa: E402

DATA = Path("/work/shared/data/cmrc2018")
DIM = 512
BUCKETS = 1 << 16
PER_CHUNK = 3
PER_DOC = 100
QUESTIONS = 300


class HashEmbedder:
    """Deterministic bag-of-bigrams embedder: hashed CJK/Latin bigrams -> fixed Gaussian projection."""

    model_id = "hash-bigram-512"
    dim = DIM
    averaging = True

    def __init__(self) -> None:
        rng = np.random.default_rng(12345)
        self._proj = rng.standard_normal((BUCKETS, DIM)).astype(np.float32)

    def _one(self, text: str) -> np.ndarray:
        text = re.sub(r"\s+", "", text)
        grams = [hash_gram(text[i : i + 2]) for i in range(max(1, len(text) - 1))]
        v = self._proj[np.asarray(grams, dtype=np.int64)].sum(axis=0)
        return v / max(float(np.linalg.norm(v)), 1e-12)

    def encode_documents(self, texts, progress=False) -> np.ndarray:
        return np.vstack([self._one(t) for t in texts]).astype(np.float32) if texts else np.zeros((0, DIM))

    def encode_queries(self, texts) -> np.ndarray:
        return self.encode_documents(texts)


def hash_gram(gram: str) -> int:
    import zlib

    return zlib.crc32(gram.encode("utf-8")) % BUCKETS


def sentences_of(data: Path) -> tuple[list[str], list[str]]:
    """(sentences, title of each) from the CMRC paragraphs."""
    out, titles = [], []
    for line in (data / "corpus.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        for s in re.findall(r"[^。！？]+[。！？]?", row["text"]):
            if len(s.strip()) >= 8:
                out.append(s.strip())
                titles.append(row["title"].strip() or "无题")
    return out, titles


def build(size: int, index: Path, embedder: HashEmbedder, sentences, titles, sent_vecs, sent_tokens) -> dict:
    """Write a ``size``-chunk index directly from recombined sentences (no structure stage, no encoder)."""
    rng = np.random.default_rng(size)
    picks = rng.integers(0, len(sentences), (size, PER_CHUNK))
    started = time.perf_counter()
    tokens, docs = [], []
    for n in range(size):
        tokens.append([t for i in picks[n] for t in sent_tokens[i]])
        if n % PER_DOC == PER_DOC - 1 or n == size - 1:
            doc_id = f"doc{n // PER_DOC:06d}.txt"
            docs.append(
                {"doc_id": doc_id, "sha256": f"{n:064d}", "encoding": "utf-8", "text": "", "source_format": "text"}
            )

    def rows():  # streamed into SQLite: a million JSON records are not held in memory at once
        for n in range(size):
            doc_id = f"doc{n // PER_DOC:06d}.txt"
            title = titles[picks[n, 0]]
            text = "".join(sentences[i] for i in picks[n])
            line = (n % PER_DOC) * 2 + 3
            span = [Span(line, line, 0, len(text))]
            chunk = Chunk(f"{doc_id}#{n % PER_DOC}", doc_id, (title,), text, span, f"{title}\n{text}")
            yield SqliteChunkStore.row(n, chunk, tokens[n])

    # Window vectors go through a file-backed array: at 1M chunks they are 6 GB.
    table = np.lib.format.open_memmap(
        index.parent / f"windows-{size}.tmp.npy", "w+", np.float32, (size * PER_CHUNK, DIM)
    )
    flat = picks.ravel()
    for start in range(0, len(flat), 300_000):
        table[start : start + 300_000] = sent_vecs[flat[start : start + 300_000]]
    windows = WindowTable.from_counts(table, [PER_CHUNK] * size)
    vectors = windows.window_mean()
    data = SegmentData(np.arange(size, dtype=np.int64), rows(), tokens, vectors, windows, [], docs)
    entries = {
        d["doc_id"]: {"sha256": d["sha256"], "encoding": "utf-8", "chunks": PER_DOC, "segment": "seg-000000"}
        for d in docs
    }
    manifest = {
        "model": embedder.model_id,
        "dim": DIM,
        "chunking": ChunkingParams().as_dict(),
        "chunk_vectors": "window-mean",
        "settings": {
            "engine": ENGINE,
            "ann_min": ANN_MIN,
            "bm25": {"method": BM25_METHOD, "k1": BM25_K1, "b": BM25_B},
            "max_segments": MAX_SEGMENTS,
        },
        "documents": entries,
        "count": size,
        "next_id": size,
        "next_segment": 1,
        "built_at": time.strftime("%FT%T"),
    }
    prep = time.perf_counter() - started
    started = time.perf_counter()
    store = IndexStore(index)
    with store.lock():
        store.write(manifest, lambda tmp: [write_segment(tmp / "seg-000000", data, ann_min=ANN_MIN)])
    seconds = time.perf_counter() - started
    del windows, table
    (index.parent / f"windows-{size}.tmp.npy").unlink()
    disk = sum(p.stat().st_size for p in index.rglob("*") if p.is_file())
    return {"build_s": seconds, "prepare_s": prep, "disk_gb": disk / 1e9}


def rss_mb(field: str = "VmRSS") -> float:
    """Resident memory in MB: VmRSS (all), RssAnon (the process's own), RssFile (mapped page cache)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def make_embedder(name: str):
    if name == "hash":
        return HashEmbedder()
    from qa.embedding import UseEmbedder

    return UseEmbedder()


def measure(index: Path, questions_file: Path, embedder_name: str) -> dict:
    """In a fresh process: open time and RSS, hybrid latency ANN vs exact, recall@10 of the dense top 10."""
    import faiss

    from qa.candidates import CandidateFinder
    from qa.dense_index import FaissDense, exact_search, recall_at
    from qa.search import Searcher

    embedder = make_embedder(embedder_name)
    questions = json.loads(questions_file.read_text(encoding="utf-8"))
    vectors = embedder.encode_queries(questions)
    lookup = {q: v for q, v in zip(questions, vectors, strict=True)}

    class Precomputed:  # the encoder is excluded from latency: question vectors are looked up
        model_id, dim, averaging = embedder.model_id, DIM, True  # noqa: RUF012

        def encode_queries(self, texts):
            return np.vstack([lookup[t] for t in texts])

    del embedder  # the encoder's memory is not the index's
    import gc

    gc.collect()
    rss_before = rss_mb()
    started = time.perf_counter()
    searcher = Searcher(index, embedder=Precomputed())
    open_s = time.perf_counter() - started
    rss_open = rss_mb()
    segment = searcher.index.segments[0]
    ann = segment.dense
    for q in questions[:5]:
        searcher.search(q, k=10)

    def timed() -> list[float]:
        out = []
        for q in questions:
            t = time.perf_counter()
            searcher.search(q, k=10)
            out.append((time.perf_counter() - t) * 1000)
        return out

    ann_ms = timed()
    rss_query = rss_mb()
    anon_query, file_query = rss_mb("RssAnon"), rss_mb("RssFile")
    ann_ids = [ann.search(v, 10)[0] for v in vectors]
    seg_vectors = np.asarray(segment.vectors)
    exact_index = faiss.IndexIDMap2(faiss.IndexFlatIP(DIM))
    exact_index.add_with_ids(np.ascontiguousarray(seg_vectors), np.asarray(segment.ids, dtype=np.int64))
    segment.dense = FaissDense(exact_index)
    searcher.finder = CandidateFinder(searcher.index)
    exact_ms = timed()
    truth = exact_search(seg_vectors, np.asarray(segment.ids), vectors, 10)
    # Recombined chunks share sentences (each sentence is in size*3/3000 chunks), so many chunks tie
    # with the exact 10th score; a found chunk scoring within 1e-4 of it is as good as the one it replaced.
    first = int(segment.ids[0])
    tenth = np.array([float(seg_vectors[t[-1] - first] @ v) for t, v in zip(truth, vectors, strict=True)])
    tie_ok = [
        float(np.mean(seg_vectors[np.asarray(f[:10]) - first] @ v >= s - 1e-4)) if len(f) else 0.0
        for f, v, s in zip(ann_ids, vectors, tenth, strict=True)
    ]
    return {
        "open_s": open_s,
        "rss_open_mb": rss_open,
        "rss_before_mb": rss_before,
        "rss_after_queries_mb": rss_query,
        "rss_anon_after_queries_mb": anon_query,
        "rss_file_after_queries_mb": file_query,
        "dense_kind": ann.kind,
        "nprobe": ann.nprobe,
        "p50_ms": float(np.percentile(ann_ms, 50)),
        "p95_ms": float(np.percentile(ann_ms, 95)),
        "exact_p50_ms": float(np.percentile(exact_ms, 50)),
        "exact_p95_ms": float(np.percentile(exact_ms, 95)),
        "recall10": recall_at(ann_ids, truth),
        "recall10_ties": float(np.mean(tie_ok)),
        "questions": len(questions),
    }


def add_remove(index: Path, embedder: HashEmbedder, work: Path, sentences) -> dict:
    folder = work / "one"
    folder.mkdir(exist_ok=True)
    (folder / "new-report.txt").write_text("新的报告\n\n" + "".join(sentences[:12]) + "\n", encoding="utf-8")
    started = time.perf_counter()
    report = build_index([folder], index, embedder=embedder, keep_existing=True, progress=False)
    add_s = time.perf_counter() - started
    started = time.perf_counter()
    remove_documents(["new-report.txt"], index)
    remove_s = time.perf_counter() - started
    return {"add_s": add_s, "remove_s": remove_s, "add_chunks": report.chunks, "merged": report.merged}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument(
        "--sentences", type=int, default=3000, help="unique sentences recombined into chunks (default 3000)"
    )
    parser.add_argument(
        "--embedder",
        choices=["use", "hash"],
        default="use",
        help="use: bundled USE-m3 on each unique sentence (default); hash: hashed bigrams, no model",
    )
    parser.add_argument("--measure", type=Path, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--questions", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure:
        print(json.dumps(measure(args.measure, args.questions, args.embedder)))
        return 0
    tmp = tempfile.TemporaryDirectory(prefix="qa-scale-") if args.workdir is None else None
    work = Path(tmp.name) if tmp else args.workdir
    work.mkdir(parents=True, exist_ok=True)
    try:
        embedder = make_embedder(args.embedder)
        t = time.perf_counter()
        sentences, titles = sentences_of(args.data)
        keep = np.sort(np.random.default_rng(0).permutation(len(sentences))[: args.sentences])
        sentences, titles = [sentences[i] for i in keep], [titles[i] for i in keep]
        cached = work / f"sentences-{args.embedder}-{len(sentences)}.npy"
        if cached.is_file():
            sent_vecs = np.load(cached)
        else:
            sent_vecs = embedder.encode_documents(sentences, progress=True)
            np.save(cached, sent_vecs)
        sent_tokens = [content_tokens(s) for s in sentences]
        print(f"{len(sentences)} sentences embedded and tokenized in {time.perf_counter() - t:.1f}s", file=sys.stderr)
        queries = [json.loads(line)["question"] for line in (args.data / "queries.jsonl").open(encoding="utf-8")]
        qfile = work / "questions.json"
        qfile.write_text(json.dumps(queries[100 : 100 + QUESTIONS], ensure_ascii=False), encoding="utf-8")
        rows = []
        for size in args.sizes:
            index = work / f"index-{size}"
            if index.exists():
                shutil.rmtree(index)
            print(f"building {size} chunks ...", file=sys.stderr)
            built = build(size, index, embedder, sentences, titles, sent_vecs, sent_tokens)
            print(f"  built in {built['build_s']:.1f}s, {built['disk_gb']:.2f} GB", file=sys.stderr)
            proc = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--measure",
                    str(index),
                    "--questions",
                    str(qfile),
                    "--embedder",
                    args.embedder,
                ],
                capture_output=True,
                text=True,
                check=True,
            )
            measured = json.loads(proc.stdout.strip().splitlines()[-1])
            changed = add_remove(index, embedder, work, sentences)
            rows.append({"size": size, **built, **measured, **changed})
            print(f"  {rows[-1]}", file=sys.stderr)
            shutil.rmtree(index, ignore_errors=True)
        print()
        print(
            f"Scale (`python benchmarks/scale.py --sizes {' '.join(map(str, args.sizes))} --embedder {args.embedder}`; "
            f"{QUESTIONS} CMRC questions; {os.cpu_count()} cores, shared):"
        )
        print()
        head = (
            "| chunks | dense index | build s (no encoder) | disk GB | open s | RSS after open MB "
            "| hybrid p50 / p95 ms | exact hybrid p50 / p95 ms | dense recall@10 vs exact (ties counted) "
            "| RSS after queries MB (own + mapped) | add 1 doc s | remove 1 doc s |"
        )
        print(head)
        print("|" + "---|" * (head.count("|") - 1))
        for r in rows:
            kind = f"{r['dense_kind']}" + (f" nprobe {r['nprobe']}" if r["dense_kind"] == "ivf" else "")
            print(
                f"| {r['size']:,} | {kind} | {r['build_s']:.1f} | {r['disk_gb']:.2f} | {r['open_s']:.2f} "
                f"| {r['rss_open_mb']:.0f} | {r['p50_ms']:.1f} / {r['p95_ms']:.1f} "
                f"| {r['exact_p50_ms']:.1f} / {r['exact_p95_ms']:.1f} | {r['recall10']:.3f} ({r['recall10_ties']:.3f}) "
                f"| {r['rss_anon_after_queries_mb']:.0f} + {r['rss_file_after_queries_mb']:.0f} "
                f"| {r['add_s']:.2f} | {r['remove_s']:.2f} |"
            )
        (work / "scale.json").write_text(json.dumps(rows, indent=1), encoding="utf-8")
    finally:
        if tmp is not None:
            tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
