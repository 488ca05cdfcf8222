"""Dense scoring suited to an averaging encoder: a passage is scored from its sentence windows.

USE-m3 averages over its input, so one vector for a 300-character passage blurs the sentence
that answers a question into everything around it. Each chunk is cut into short windows (a
sentence; short sentences merged, long ones cut at commas), each embedded on its own with the
section path in front (as chunks are), and a chunk's dense score is

    score = WINDOW_WEIGHT * max(window cosines) + (1 - WINDOW_WEIGHT) * cosine(chunk vector)

For an averaging encoder the chunk vector itself is the normalised mean of its window vectors
(``window_mean``), not an embedding of the whole chunk: that is both better and ~2x cheaper to
build. What the user sees is unchanged: windows only score chunks; hits are still chunks.

Evidence: ``python benchmarks/tune_retrieval.py`` prints the window weight on the CMRC tuning
part (dense mode, hit@1 CMRC / English, bundled USE ONNX, 500 + 52 questions):

    0.3 max window + 0.7 window mean   0.860 / 0.577
    0.5 max window + 0.5 window mean   0.862 / 0.577   <- used
    0.7 max window + 0.3 window mean   0.856 / 0.558

(Whole-chunk embedding and windows without the section path lost clearly in the first
version's measurements; those were taken on the questions they reported and are not repeated.)

Windows of one chunk are stored contiguously (``starts``), so any set of chunks' windows is a
cheap gather and per-chunk maxima are one ``np.maximum.reduceat``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from qa.chunking import reading_text
from qa.records import Chunk
from qa.sentences import bounded_sentence_spans

WINDOW_MAX = 120  # characters: longer sentences are cut at soft breaks
WINDOW_MIN = 24  # characters: shorter sentences are merged with the next one
WINDOW_WEIGHT = 0.5  # share of the best window in a chunk's dense score (evidence above)

WINDOW_VECTORS = "windows.npy"
WINDOW_STARTS = "window_starts.npy"


def window_spans(text: str, sentences: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """[start, end) windows covering ``text``: sentences, short ones merged, long ones cut.

    ``sentences``: ``qa.sentences.sentence_spans(text)`` when the caller already has them."""
    pieces = bounded_sentence_spans(text, WINDOW_MAX, sentences)
    windows: list[tuple[int, int]] = []
    for start, end in pieces:
        if windows and (windows[-1][1] - windows[-1][0] < WINDOW_MIN) and end - windows[-1][0] <= WINDOW_MAX:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    # A short tail joins the window before it when that still fits.
    if (
        len(windows) > 1
        and windows[-1][1] - windows[-1][0] < WINDOW_MIN
        and windows[-1][1] - windows[-2][0] <= (WINDOW_MAX)
    ):
        windows[-2:] = [(windows[-2][0], windows[-1][1])]
    out = []
    for a, b in windows:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append((a, b))
    return out or [(0, len(text))]


def window_texts(chunk: Chunk) -> list[str]:
    """What gets embedded for each window of ``chunk``: section path line + the window."""
    label = chunk.section_label
    head = f"{label}\n" if label and chunk.embed_text.startswith(label + "\n") else ""
    read = reading_text(chunk.text)
    if read and chunk.embed_text.endswith("\n" + read):
        head = chunk.embed_text[: -len(read)]  # the section path and a long table's header row (qa.chunking)
    return [head + reading_text(chunk.text[a:b]) for a, b in window_spans(chunk.text)]


@dataclass
class WindowTable:
    """Window vectors of every chunk, in chunk order, with where each chunk's windows start."""

    vectors: np.ndarray  # (n_windows, dim) float32, L2-normalised
    starts: np.ndarray  # (n_chunks,) int64: first window of each chunk; every chunk has >= 1

    def __post_init__(self) -> None:
        if not isinstance(self.vectors, np.memmap):  # a memory map stays one (no copy into RAM)
            self.vectors = np.ascontiguousarray(self.vectors, dtype=np.float32)
        if not isinstance(self.starts, np.memmap):
            self.starts = np.asarray(self.starts, dtype=np.int64)

    @classmethod
    def from_counts(cls, vectors: np.ndarray, counts: list[int]) -> WindowTable:
        starts = np.zeros(len(counts), dtype=np.int64)
        if counts:
            starts[1:] = np.cumsum(counts)[:-1]
        return cls(vectors, starts)

    def save(self, directory: Path) -> list[str]:
        """Write ``windows.npy`` and ``window_starts.npy`` into a generation directory."""
        np.save(Path(directory) / WINDOW_VECTORS, self.vectors, allow_pickle=False)
        np.save(Path(directory) / WINDOW_STARTS, self.starts, allow_pickle=False)
        return [WINDOW_VECTORS, WINDOW_STARTS]

    @classmethod
    def load(cls, directory: Path, mmap: bool = False) -> WindowTable:
        """Read the window vectors (memory-mapped with ``mmap``: a search touches only its candidates')."""
        mode = "r" if mmap else None
        return cls(
            np.load(Path(directory) / WINDOW_VECTORS, allow_pickle=False, mmap_mode=mode),
            np.load(Path(directory) / WINDOW_STARTS, allow_pickle=False, mmap_mode=mode),
        )

    def chunk_max(self, queries: np.ndarray) -> np.ndarray:
        """(n_queries, n_chunks): each chunk's best window cosine (all windows: offline use only)."""
        sims = np.asarray(queries, dtype=np.float32) @ self.vectors.T
        return np.maximum.reduceat(sims, self.starts, axis=1)

    def window_mean(self) -> np.ndarray:
        """(n_chunks, dim): the normalised mean of each chunk's window vectors."""
        means = np.add.reduceat(self.vectors, self.starts, axis=0)
        return (means / np.maximum(np.linalg.norm(means, axis=1, keepdims=True), 1e-12)).astype(np.float32)
