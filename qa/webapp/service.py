"""The app's service layer: one place that owns the searchers, the index updates and their locks.

The UI and the API both call this class, so they cannot drift apart. Searches read the current
``Searcher`` reference and keep using it to the end; an upload builds a new index generation on
disk (atomic, see ``qa.index_store``), loads it into a new ``Searcher`` and swaps the reference.
A search never waits for a build and never sees a half-built index.
"""

from __future__ import annotations

import logging
import shutil
import sys
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from qa.batch_io import Question, result_rows
from qa.build import BuildReport, build_index, remove_documents
from qa.embedding import Embedder, load_embedder
from qa.errors import IndexStoreError, LoadError, QAError
from qa.index_store import IndexStore, StoredDocument
from qa.loading import SUFFIXES, load_file
from qa.records import Outline
from qa.search import Hit, Searcher
from qa.structure import recover_outline
from qa.webapp.compare import select_and_share
from qa.webapp.context import outline_summary, section_context
from qa.webapp.modes import default_mode, mode_kwargs, search_modes

log = logging.getLogger(__name__)

ProgressFn = Callable[[int, int, str], None]  # (done, total, what)

EMBED_STEP = 16  # chunks per encoder call while building: small steps keep progress moving
BATCH_STEP = 8  # questions per search_many call in a batch run
RELOAD_CHECK_SECONDS = 2.0  # how often a search checks whether another process rebuilt the index


class SharedEmbedder:
    """One loaded model shared by searches and builds, one encoder call at a time.

    The model is the expensive part to load, and on a small CPU two concurrent encoder calls are
    no faster than two in a row; a lock per call keeps the numpy/BLAS state safe. Builds encode
    in small steps, so a search waits at most one step while a document is being added.
    """

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner
        self.model_id = inner.model_id
        self.dim = inner.dim
        self._lock = threading.Lock()

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        with self._lock:
            return self.inner.encode_queries(texts)

    def encode_documents(self, texts: Sequence[str], progress: bool = False) -> np.ndarray:
        with self._lock:
            return self.inner.encode_documents(texts, progress=False)


class ProgressEmbedder:
    """Encodes documents in steps, reporting each step (tqdm on stderr and/or a callback).

    The embedders only draw a bar for big jobs; the app wants visible progress for any build.
    """

    def __init__(self, inner: Embedder, callback: ProgressFn | None = None, bar: bool = True) -> None:
        self.inner = inner
        self.model_id = inner.model_id
        self.dim = inner.dim
        self.callback = callback
        self.bar = bar

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self.inner.encode_queries(texts)

    def encode_documents(self, texts: Sequence[str], progress: bool = False) -> np.ndarray:
        from tqdm.auto import tqdm

        total = len(texts)
        parts: list[np.ndarray] = []
        with tqdm(total=total, desc="embedding 向量化", unit="chunk", file=sys.stderr, disable=not self.bar) as bar:
            for start in range(0, total, EMBED_STEP):
                batch = list(texts[start : start + EMBED_STEP])
                parts.append(self.inner.encode_documents(batch, progress=False))
                bar.update(len(batch))
                if self.callback:
                    self.callback(min(start + EMBED_STEP, total), total, "embedding 向量化")
        return np.vstack(parts) if parts else np.zeros((0, self.dim), dtype=np.float32)


@dataclass
class AddResult:
    """What an upload did: documents indexed, files refused (with why), the build report."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)
    report: BuildReport | None = None

    @property
    def ok(self) -> bool:
        return bool(self.added or self.changed)

    def summary(self) -> str:
        parts = []
        if self.added:
            parts.append("已添加 Added: " + ", ".join(self.added))
        if self.changed:
            parts.append("已更新 Updated: " + ", ".join(self.changed))
        if self.report is not None and self.ok:
            r = self.report
            parts.append(f"索引 index: {r.documents} 文档 documents, {r.chunks} 段 chunks")
        if self.rejected:
            parts.append("未添加 Rejected: " + "; ".join(self.rejected))
        if not self.ok and not self.rejected:
            parts.append("没有选择文件 No files were given")
        return " | ".join(parts)

    def to_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "added": self.added,
            "changed": self.changed,
            "rejected": self.rejected,
            "documents": self.report.documents if self.report else None,
            "chunks": self.report.chunks if self.report else None,
            "message": self.summary(),
        }


def ensure_index(
    index_dir: Path | str, corpus: Path | str, model: str | None = None, embedder: Embedder | None = None
) -> BuildReport | None:
    """Build ``index_dir`` from ``corpus`` if it does not exist yet (progress on stderr)."""
    store = IndexStore(index_dir)
    if store.exists():
        return None
    print(f"首次启动：正在从 {corpus} 建立索引 / first launch: building the index from {corpus} ...", file=sys.stderr)
    inner = embedder or load_embedder(model)
    report = build_index([corpus], index_dir, embedder=ProgressEmbedder(inner), progress=False)
    for problem in report.problems:
        print(f"skipped: {problem}", file=sys.stderr)
    print(
        f"索引完成 index ready: {report.documents} document(s), {report.chunks} chunks in {report.seconds:.1f}s",
        file=sys.stderr,
    )
    return report


class QAService:
    """Search, compare, batch, browse and add documents over one main index (plus optional others).

    ``extra_indexes`` (name -> directory) are read-only indexes offered in Compare, e.g. the same
    corpus built with another model.
    """

    def __init__(
        self,
        index_dir: Path | str,
        uploads_dir: Path | str | None = None,
        model: str | None = None,
        extra_indexes: dict[str, Path | str] | None = None,
        embedder: Embedder | None = None,
    ) -> None:
        self.index_dir = Path(index_dir)
        self.uploads_dir = Path(uploads_dir) if uploads_dir else self.index_dir.parent / "uploads"
        model_id = model or IndexStore(self.index_dir).read_manifest().get("model")
        self.embedder = SharedEmbedder(embedder or load_embedder(model_id))
        self._searcher = Searcher(self.index_dir, embedder=self.embedder)
        self._swap_lock = threading.Lock()
        self._build_lock = threading.Lock()
        self._checked = time.monotonic()
        self.main_name = "main"
        self._extra_dirs = {name: Path(d) for name, d in (extra_indexes or {}).items()}
        self._extra: dict[str, Searcher] = {}
        self._outlines: OrderedDict[tuple[str, str], Outline] = OrderedDict()
        self._outline_lock = threading.Lock()

    # ---- the current index ---------------------------------------------------------------
    @property
    def searcher(self) -> Searcher:
        """The live searcher; reloads if another process replaced the index generation."""
        now = time.monotonic()
        if now - self._checked > RELOAD_CHECK_SECONDS and not self._build_lock.locked():
            self._checked = now
            try:
                live = IndexStore(self.index_dir).current_dir().name
                if live != self._searcher.index.directory.name:
                    self._swap(Searcher(self.index_dir, embedder=self.embedder))
            except (IndexStoreError, OSError) as exc:  # keep serving the index we have
                log.warning("not reloading the index: %s", exc)
        return self._searcher

    def _swap(self, new: Searcher) -> None:
        with self._swap_lock:
            self._searcher = new

    def index_names(self) -> list[str]:
        return [self.main_name, *self._extra_dirs]

    def searcher_for(self, index: str | None) -> Searcher:
        if not index or index == self.main_name:
            return self.searcher
        if index not in self._extra_dirs:
            raise QAError(f"unknown index {index!r}: choose one of {', '.join(self.index_names())}")
        if index not in self._extra:
            self._extra[index] = Searcher(self._extra_dirs[index])
        return self._extra[index]

    @staticmethod
    def modes() -> tuple[str, ...]:
        return search_modes()

    def info(self) -> dict[str, Any]:
        searcher = self.searcher
        return {
            "model": searcher.index.model_id,
            "documents": len(searcher.index.documents),
            "chunks": len(searcher.chunks),
            "indexes": self.index_names(),
            "modes": list(self.modes()),
            "default_mode": default_mode(),
        }

    # ---- search --------------------------------------------------------------------------
    def search(
        self,
        question: str,
        k: int = 5,
        doc: str | None = None,
        section: str | None = None,
        mode: str | None = None,
        index: str | None = None,
    ) -> tuple[Searcher, list[Hit]]:
        """Hits for one question, and the searcher that produced them (for section context)."""
        searcher = self.searcher_for(index)
        hits = searcher.search(question, k=int(k), doc=doc or None, section=section or None, **mode_kwargs(mode))
        return searcher, hits

    def search_json(
        self,
        question: str,
        k: int = 5,
        doc: str | None = None,
        section: str | None = None,
        mode: str | None = None,
        index: str | None = None,
    ) -> list[dict[str, Any]]:
        """``search`` as JSON-ready dicts (the API's answer)."""
        return [h.to_json() for h in self.search(question, k, doc, section, mode, index)[1]]

    def batch(
        self,
        questions: list[Question],
        k: int = 5,
        mode: str | None = None,
        progress: ProgressFn | None = None,
    ) -> list[dict[str, Any]]:
        """Every question's hits as ``result_rows`` records, a few questions per encoder call."""
        searcher = self.searcher
        kwargs = mode_kwargs(mode)
        results: list[list[Hit]] = []
        for start in range(0, len(questions), BATCH_STEP):
            part = questions[start : start + BATCH_STEP]
            results.extend(searcher.search_many([q.text for q in part], k=int(k), **kwargs))
            if progress:
                progress(start + len(part), len(questions), "questions 问题")
        return result_rows(questions, results)

    def compare(
        self,
        question: str,
        other_question: str = "",
        k: int = 3,
        mode: str = "",
        other_mode: str = "",
        index: str = "",
        other_index: str = "",
        picks: Sequence[str] | None = None,
    ) -> dict[str, Any]:
        """Results of one or two searches (A, and B when its question or settings differ) and
        the chosen passages side by side with their shared wording.

        Passages are labelled ``A1..Ak`` and ``B1..Bk``; ``picks`` names the ones to compare
        (default: the top hit of each side, or A1 and A2 with one side).
        """
        passages = self.side("A", question, k, mode, index)
        other_mode, other_index = other_mode or mode, other_index or index
        if (other_question or "").strip() or other_mode != mode or other_index != index:
            passages += self.side("B", other_question or question, k, other_mode, other_index)
        return {"passages": passages, **select_and_share(passages, picks)}

    def side(self, side: str, question: str, k: int, mode: str = "", index: str = "") -> list[dict[str, Any]]:
        """One side of a comparison: hits labelled with the side, question and settings."""
        _, hits = self.search(question, k=k, mode=mode, index=index)
        return [
            {
                "label": f"{side}{h.rank}",
                "question": question,
                "mode": mode or default_mode(),
                "index": index or self.main_name,
                **h.to_json(),
            }
            for h in hits
        ]

    # ---- documents, outlines, context ----------------------------------------------------
    def _outline(self, stored: StoredDocument) -> Outline:
        key = (stored.doc_id, stored.sha256)
        with self._outline_lock:
            if key in self._outlines:
                self._outlines.move_to_end(key)
                return self._outlines[key]
        outline = recover_outline(stored.to_document())
        with self._outline_lock:
            self._outlines[key] = outline
            while len(self._outlines) > 64:
                self._outlines.popitem(last=False)
        return outline

    def documents(self) -> list[dict[str, Any]]:
        searcher = self.searcher
        counts: dict[str, int] = {}
        for chunk in searcher.chunks:
            counts[chunk.doc_id] = counts.get(chunk.doc_id, 0) + 1
        rows = []
        for doc_id, stored in sorted(searcher.index.documents.items()):
            rows.append(
                {
                    "doc_id": doc_id,
                    "chunks": counts.get(doc_id, 0),
                    "sections": len(self._outline(stored).sections),
                    "characters": len(stored.text),
                    "lines": stored.text.count("\n") + 1,
                    "encoding": stored.encoding,
                }
            )
        return rows

    def doc_ids(self) -> list[str]:
        return sorted(self.searcher.index.documents)

    def outline(self, doc_id: str) -> dict[str, Any]:
        """A document's recovered sections with their line ranges (for the Documents tab)."""
        stored = self.searcher.index.documents.get(doc_id)
        if stored is None:
            raise QAError(f"no document {doc_id!r} in the index")
        return outline_summary(doc_id, self._outline(stored))

    def section_context(self, hit: Hit | dict[str, Any], searcher: Searcher | None = None) -> dict[str, Any] | None:
        """The whole section a hit came from (see ``qa.webapp.context.section_context``)."""
        data = hit.to_json() if isinstance(hit, Hit) else hit
        searcher = searcher or self.searcher
        stored = searcher.index.documents.get(data["doc_id"])
        if stored is None:
            return None
        return section_context(stored.text, self._outline(stored), data)

    def section_by_chunk(self, chunk_id: str) -> dict[str, Any]:
        searcher = self.searcher
        for chunk in searcher.chunks:
            if chunk.chunk_id == chunk_id:
                context = self.section_context(Hit(1, 0.0, chunk), searcher)
                if context is None:
                    break
                return context
        raise QAError(f"no passage {chunk_id!r} in the index")

    # ---- removing documents --------------------------------------------------------------
    def remove_documents(self, doc_ids: Sequence[str]) -> BuildReport:
        """Remove documents from the index (only their chunks are touched) and swap the searcher.

        Searches keep using the old generation until the new one is open. The uploaded copy of a
        removed document is left in the uploads folder (nothing a user added is deleted from disk).
        """
        with self._build_lock:
            report = remove_documents(list(doc_ids), self.index_dir)
            self._swap(Searcher(self.index_dir, embedder=self.embedder))
        return report

    # ---- adding documents ----------------------------------------------------------------
    def add_documents(self, paths: Sequence[Path | str], progress: ProgressFn | None = None) -> AddResult:
        """Validate uploads, copy the good ones into the uploads folder, update the index.

        A bad file (wrong type, empty, binary, undecodable) is rejected with the loader's
        message and never reaches the index. While the build runs, searches use the old index;
        afterwards the new one replaces it in one reference swap.
        """
        result = AddResult()
        good: list[tuple[Path, str]] = []
        for raw in paths:
            path = Path(raw)
            name = path.name
            if path.suffix.lower() not in SUFFIXES:
                result.rejected.append(f"{name}: 不支持的文件类型 only {', '.join(SUFFIXES)} files can be indexed")
                continue
            try:
                load_file(path, name)
            except LoadError as exc:
                result.rejected.append(str(exc))
                continue
            good.append((path, name))
        if not good:
            return result
        with self._build_lock:
            self.uploads_dir.mkdir(parents=True, exist_ok=True)
            copies = []
            backups: dict[Path, bytes] = {}
            for path, name in good:
                target = self.uploads_dir / name
                if target.exists():
                    backups[target] = target.read_bytes()
                shutil.copyfile(path, target)
                copies.append(target)
            try:
                report = build_index(
                    copies,
                    self.index_dir,
                    embedder=ProgressEmbedder(self.embedder, progress, bar=False),
                    keep_existing=True,
                    progress=False,
                )
                new = Searcher(self.index_dir, embedder=self.embedder)
            except QAError as exc:
                for target in copies:
                    if target in backups:
                        target.write_bytes(backups[target])
                    else:
                        target.unlink(missing_ok=True)
                result.rejected.append(str(exc))
                return result
            self._swap(new)
        result.report = report
        result.added = list(report.added)
        result.changed = list(report.changed)
        unchanged = [n for _, n in good if n not in report.added and n not in report.changed]
        if unchanged:
            result.rejected.extend(f"{n}: 内容未变 unchanged, already indexed" for n in unchanged)
        return result
