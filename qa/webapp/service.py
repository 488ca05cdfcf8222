"""The app's service layer: one place that owns the searchers, the index updates and their locks.

The UI and the API both call this class, so they cannot drift apart. Searches read the current
``Searcher`` reference and keep using it to the end; an upload builds a new index generation on
disk (atomic, see ``qa.index_store``), loads it into a new ``Searcher`` and swaps the reference.
A search never waits for a build and never sees a half-built index.
"""

from __future__ import annotations

import contextlib
import logging
import re
import shutil
import sys
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from qa.batch_io import Question, result_rows
from qa.build import BuildReport, build_index, remove_documents
from qa.embedding import BATCH_SIZE, Embedder, load_embedder
from qa.errors import IndexStoreError, LoadError, QAError
from qa.index_store import IndexStore, StoredDocument
from qa.loading import SUFFIXES, load_file
from qa.records import Document, Outline
from qa.search import Hit, Searcher
from qa.structure import recover_outline
from qa.webapp.compare import select_and_share
from qa.webapp.context import outline_summary, section_context
from qa.webapp.messages import public_message
from qa.webapp.modes import default_mode, mode_kwargs, search_modes
from qa.webapp.overlap import document_frequencies
from qa.webapp.undo import Change, UndoLog
from qa.webapp.warmup import WarmUp

log = logging.getLogger(__name__)

ProgressFn = Callable[[int, int, str], None]  # (done, total, what)

BATCH_STEP = 4  # questions per search_many call in a batch run: an Ask waits at most for one step
MAX_BATCH_QUESTIONS = 5000  # per batch run, page and API alike: a bigger file belongs to `qa batch`
MAX_K = 50  # results per question, page and API alike
RELOAD_CHECK_SECONDS = 2.0  # how often a search checks whether another process rebuilt the index
BATCH_YIELD_SECONDS = 1.0  # longest a batch step waits for interactive searches to finish
UPLOAD_TYPES = SUFFIXES  # the one list of document types the app accepts (qa.loading decides)
CONFLICT_CHOICES = ("refuse", "replace", "keep_both")


class SharedEmbedder:
    """One loaded model shared by searches and builds, one encoder call at a time.

    The model is the expensive part to load, and on a small CPU two concurrent encoder calls are
    no faster than two in a row; a lock per call keeps the numpy/BLAS state safe. It is an
    ``Embedder`` in full (``averaging`` included), so a build through it is the CLI's build.
    """

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner
        self.model_id = inner.model_id
        self.dim = inner.dim
        self.averaging = inner.averaging
        self._lock = threading.Lock()

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        with self._lock:
            return self.inner.encode_queries(texts)

    def encode_documents(self, texts: Sequence[str], progress: bool = False) -> np.ndarray:
        with self._lock:
            return self.inner.encode_documents(texts, progress=False)


class ProgressEmbedder:
    """Encodes documents in the embedder's own batches, reporting each (tqdm on stderr and/or a callback).

    Steps are ``qa.embedding.BATCH_SIZE`` texts, the batches ``qa build`` encodes, so the vectors
    are bit-for-bit the CLI's; between steps a waiting search gets the shared encoder.
    """

    def __init__(self, inner: Embedder, callback: ProgressFn | None = None, bar: bool = True) -> None:
        self.inner = inner
        self.model_id = inner.model_id
        self.dim = inner.dim
        self.averaging = inner.averaging
        self.callback = callback
        self.bar = bar

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self.inner.encode_queries(texts)

    def encode_documents(self, texts: Sequence[str], progress: bool = False) -> np.ndarray:
        from tqdm.auto import tqdm

        total = len(texts)
        parts: list[np.ndarray] = []
        with tqdm(total=total, desc="embedding 向量化", unit="chunk", file=sys.stderr, disable=not self.bar) as bar:
            for start in range(0, total, BATCH_SIZE):
                batch = list(texts[start : start + BATCH_SIZE])
                parts.append(self.inner.encode_documents(batch, progress=False))
                bar.update(len(batch))
                if self.callback:
                    self.callback(min(start + BATCH_SIZE, total), total, "embedding 向量化")
        return np.vstack(parts) if parts else np.zeros((0, self.dim), dtype=np.float32)


class FairGate:
    """Interactive searches go first: a batch step starts only when no interactive search runs.

    A batch is many small steps; before each it waits (at most ``BATCH_YIELD_SECONDS``, so a
    stream of questions cannot starve it) until the interactive searches in flight are done. An
    Ask therefore waits for at most the one batch step already running.
    """

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._active = 0

    @contextlib.contextmanager
    def interactive(self) -> Iterator[None]:
        with self._cond:
            self._active += 1
        try:
            yield
        finally:
            with self._cond:
                self._active -= 1
                self._cond.notify_all()

    def batch_turn(self) -> None:
        with self._cond:
            self._cond.wait_for(lambda: self._active == 0, timeout=BATCH_YIELD_SECONDS)


@dataclass
class AddResult:
    """What an upload did: documents indexed, same-name files held back, files refused (with why)."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)  # replaced: same name, new content
    renamed: dict[str, str] = field(default_factory=dict)  # "keep both": upload name -> new id
    conflicts: list[str] = field(default_factory=list)  # same name as an indexed document, not added
    rejected: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    report: BuildReport | None = None
    undo: str = ""  # what "undo" would revert, when this upload changed the index

    @property
    def ok(self) -> bool:
        return bool(self.added or self.changed)

    def summary(self) -> str:
        parts = []
        if self.added:
            parts.append("已添加 Added: " + ", ".join(self.added))
        if self.changed:
            parts.append("已替换 Replaced: " + ", ".join(self.changed))
        if self.report is not None and self.ok:
            r = self.report
            parts.append(f"索引 index: {r.documents} 文档 documents, {r.chunks} 段 chunks")
        if self.conflicts:
            parts.append(
                "同名文档已存在，未添加 Not added, a document with this name is already indexed: "
                + ", ".join(self.conflicts)
                + "（选择替换或保留两者 choose replace or keep both）"
            )
        if self.unchanged:
            parts.append("内容未变 Unchanged, already indexed: " + ", ".join(self.unchanged))
        if self.rejected:
            parts.append("未添加 Rejected: " + "; ".join(self.rejected))
        if not (self.ok or self.rejected or self.conflicts or self.unchanged):
            parts.append("没有选择文件 No files were given")
        return " | ".join(parts)

    def to_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "added": self.added,
            "changed": self.changed,
            "renamed": self.renamed,
            "conflicts": self.conflicts,
            "unchanged": self.unchanged,
            "rejected": self.rejected,
            "documents": self.report.documents if self.report else None,
            "chunks": self.report.chunks if self.report else None,
            "undo": self.undo,
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
        self.gate = FairGate()
        self.undo_log = UndoLog(self.index_dir)
        self._idf: tuple[str, Callable[[str], float]] | None = None
        self.generation = 0  # bumped on every change this app makes, so pages can tell they are stale
        self.warm_up: WarmUp | None = None  # the app's background warm-up (``qa.webapp.main.create_service``)

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
            self.generation += 1

    def index_names(self) -> list[str]:
        return [self.main_name, *self._extra_dirs]

    def searcher_for(self, index: str | None) -> Searcher:
        if not index or index == self.main_name:
            return self.searcher
        if index not in self._extra_dirs:
            raise QAError(f"没有这个索引 unknown index {index!r}: choose one of {', '.join(self.index_names())}")
        if index not in self._extra:
            self._extra[index] = Searcher(self._extra_dirs[index])
        return self._extra[index]

    @staticmethod
    def modes() -> tuple[str, ...]:
        return search_modes()

    def info(self) -> dict[str, Any]:
        searcher = self.searcher
        change = self.undo_log.last_change
        return {
            "model": searcher.index.model_id,
            "documents": len(searcher.index.documents),
            "chunks": len(searcher.chunks),
            "indexes": self.index_names(),
            "modes": list(self.modes()),
            "default_mode": default_mode(),
            "max_k": MAX_K,
            "max_batch_questions": MAX_BATCH_QUESTIONS,
            "upload_types": list(UPLOAD_TYPES),
            "undo": change.description if change else "",
        }

    # ---- search --------------------------------------------------------------------------
    @staticmethod
    def check_k(k: float | int) -> int:
        """``k`` as an int in 1..MAX_K; outside that range is a message, not a silent clamp."""
        try:
            value = int(k)
        except (TypeError, ValueError):
            raise QAError(f"结果数必须是整数 k must be a whole number from 1 to {MAX_K}, not {k!r}") from None
        if value != k or not 1 <= value <= MAX_K:
            raise QAError(f"结果数超出范围 k must be from 1 to {MAX_K}, not {k}")
        return value

    def check_filters(self, searcher: Searcher, doc: str | None, section: str | None) -> None:
        """An unknown document is an error naming the choices (the filter would find nothing)."""
        if doc and doc not in searcher.index.documents:
            known = sorted(searcher.index.documents)
            shown = ", ".join(known[:5]) + (" …" if len(known) > 5 else "")
            raise QAError(f"没有这个文档 No document {doc!r} in the index (indexed: {shown})")

    def explain_empty(self, searcher: Searcher, doc: str | None, section: str | None) -> None:
        """After a search found nothing: say so if the section filter excludes every passage.

        Same prefix rule as ``Searcher.search`` (``A › B``, ``A > B`` or ``A/B``, or the start
        of the label); a filter that matches passages but found no hit is not an error.
        """
        if not section:
            return
        prefix = tuple(p.strip() for p in re.split(r"\s*(?:›|>|/)\s*", section) if p.strip())
        for chunk in searcher.chunks:
            if doc and chunk.doc_id != doc:
                continue
            if chunk.section_path[: len(prefix)] == prefix or chunk.section_label.startswith(section):
                return
        where = f" in {doc!r}" if doc else ""
        raise QAError(f"没有以此开头的章节 No section{where} starts with {section!r}: check the path (A › B)")

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
        k = self.check_k(k)
        doc, section = (doc or "").strip() or None, (section or "").strip() or None
        self.check_filters(searcher, doc, section)
        with self.gate.interactive():
            hits = searcher.search(question, k=k, doc=doc, section=section, **mode_kwargs(mode))
        if not hits:
            self.explain_empty(searcher, doc, section)
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

    def batch_steps(
        self,
        questions: list[Question],
        k: int = 5,
        mode: str | None = None,
        doc: str | None = None,
        section: str | None = None,
        stop: threading.Event | None = None,
    ) -> Iterator[tuple[int, list[dict[str, Any]]]]:
        """Run a batch a few questions at a time, yielding (questions done, records so far).

        Between steps interactive searches go first (``FairGate``) and ``stop`` ends the run;
        the records of the steps done are kept. Questions over ``MAX_BATCH_QUESTIONS`` are refused.
        """
        if len(questions) > MAX_BATCH_QUESTIONS:
            raise QAError(
                f"问题太多 {len(questions)} questions is more than one run takes ({MAX_BATCH_QUESTIONS}): "
                "split the file or use `qa batch` on the command line"
            )
        k = self.check_k(k)
        doc, section = (doc or "").strip() or None, (section or "").strip() or None
        searcher = self.searcher
        self.check_filters(searcher, doc, section)
        kwargs = mode_kwargs(mode)
        records: list[dict[str, Any]] = []
        for start in range(0, len(questions), BATCH_STEP):
            if stop is not None and stop.is_set():
                return
            self.gate.batch_turn()
            part = questions[start : start + BATCH_STEP]
            found = searcher.search_many([q.text for q in part], k=k, doc=doc, section=section, **kwargs)
            records.extend(result_rows(part, found))
            yield start + len(part), records

    def batch(
        self,
        questions: list[Question],
        k: int = 5,
        mode: str | None = None,
        progress: ProgressFn | None = None,
        doc: str | None = None,
        section: str | None = None,
    ) -> list[dict[str, Any]]:
        """Every question's hits as ``result_rows`` records (see ``batch_steps``)."""
        records: list[dict[str, Any]] = []
        for done, so_far in self.batch_steps(questions, k, mode, doc, section):
            records = so_far
            if progress:
                progress(done, len(questions), "questions 问题")
        return records

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
        (default: the top hit of each side, or A1 and A2 with one side). ``sides`` says what
        each side asked and whether it found anything; with two sides, ``agreement`` lists the
        passages both found and their rank on each side.
        """
        mode = mode or default_mode()
        other_mode, other_index = other_mode or mode, other_index or index
        two = bool((other_question or "").strip()) or other_mode != mode or (other_index or "") != (index or "")
        sides = [self.side("A", question, k, mode, index)]
        if two:
            sides.append(self.side("B", other_question or question, k, other_mode, other_index))
        passages = [p for side in sides for p in side["passages"]]
        result = {"passages": passages, "sides": [{k2: v for k2, v in s.items() if k2 != "passages"} for s in sides]}
        result["agreement"] = agreement(sides) if two else []
        if two and not all(s["passages"] for s in sides):
            result.update({"picks": [], "selected": [], "shared_terms": []})
            return result
        return {**result, **select_and_share(passages, picks, self.term_weights())}

    def side(self, side: str, question: str, k: int, mode: str = "", index: str = "") -> dict[str, Any]:
        """One side of a comparison: what it asked, and its hits labelled with the side."""
        searcher, hits = self.search(question, k=k, mode=mode, index=index)
        mode = mode or default_mode()
        return {
            "side": side,
            "question": question,
            "mode": mode,
            "index": index or self.main_name,
            "found": len(hits),
            "passages": [
                {
                    "label": f"{side}{h.rank}",
                    "question": question,
                    "mode": mode,
                    "index": index or self.main_name,
                    **h.to_json(),
                }
                for h in hits
            ],
        }

    def term_weights(self) -> Callable[[str], float]:
        """How distinctive a word is in the main index (IDF from its chunks), for shared wording."""
        searcher = self.searcher
        key = searcher.index.directory.name
        cached = self._idf
        if cached is None or cached[0] != key:
            cached = (key, document_frequencies([c.text for c in searcher.chunks]))
            self._idf = cached
        return cached[1]

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
            raise QAError(f"没有这个文档 No document {doc_id!r} in the index")
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
        raise QAError(f"没有这个段落 No passage {chunk_id!r} in the index")

    # ---- removing documents --------------------------------------------------------------
    def check_removal(self, doc_ids: Sequence[str]) -> list[str]:
        """The ids to remove, or a bilingual error: none given, unknown ids, or every document
        (the engine refuses an empty index; the app says so before anything is touched)."""
        ids = list(dict.fromkeys(str(d) for d in doc_ids if str(d or "").strip()))
        if not ids:
            raise QAError("没有选择文档 No document chosen: pick the document to remove")
        indexed = self.searcher.index.documents
        unknown = [d for d in ids if d not in indexed]
        if unknown:
            raise QAError(f"没有这个文档 No document {', '.join(map(repr, unknown))} in the index")
        if set(ids) >= set(indexed):
            zh, en = ("最后的文档", "the last document") if len(indexed) == 1 else ("所有文档", "every document")
            raise QAError(f"不能删除{zh} Cannot remove {en}: an index needs at least one document (add another first)")
        return ids

    def remove_documents(self, doc_ids: Sequence[str]) -> BuildReport:
        """Remove documents from the index (only their chunks are touched) and swap the searcher.

        Searches keep using the old generation until the new one is open. The uploaded copy of a
        removed document is left in the uploads folder (nothing a user added is deleted from disk),
        and the removal can be undone like an upload: the generation before it is snapshotted.
        """
        with self._build_lock:
            ids = self.check_removal(doc_ids)
            self.undo_log.snapshot()
            try:
                report = remove_documents(ids, self.index_dir)
                new = Searcher(self.index_dir, embedder=self.embedder)
            except QAError:
                self.undo_log.discard()
                raise
            self.undo_log.record(Change("删除 removed " + ", ".join(report.removed)))
            self._swap(new)
        return report

    # ---- adding documents ----------------------------------------------------------------
    def _check_upload(self, path: Path) -> tuple[Document | None, str]:
        """The upload as a document, or None and why it is refused."""
        name = path.name
        if path.suffix.lower() not in UPLOAD_TYPES:
            return None, f"{name}: 不支持的文件类型 only {', '.join(UPLOAD_TYPES)} files can be indexed"
        try:
            return load_file(path, name), ""
        except LoadError as exc:
            return None, public_message(exc)

    def upload_conflicts(self, paths: Sequence[Path | str]) -> list[str]:
        """Names of uploads that would replace an indexed document with different content."""
        documents = self.searcher.index.documents
        conflicts = []
        for raw in paths:
            doc, _ = self._check_upload(Path(raw))
            if doc is not None and doc.doc_id in documents and documents[doc.doc_id].sha256 != doc.sha256:
                conflicts.append(doc.doc_id)
        return conflicts

    def _free_name(self, name: str, taken: set[str]) -> str:
        """``name`` with the first free ``-2``, ``-3``... before its suffix ("keep both")."""
        stem, suffix = Path(name).stem, Path(name).suffix
        n = 2
        while f"{stem}-{n}{suffix}" in taken or (self.uploads_dir / f"{stem}-{n}{suffix}").exists():
            n += 1
        return f"{stem}-{n}{suffix}"

    def add_documents(
        self, paths: Sequence[Path | str], progress: ProgressFn | None = None, on_conflict: str = "refuse"
    ) -> AddResult:
        """Validate uploads, copy the good ones into the uploads folder, update the index.

        A bad file (wrong type, empty, binary, undecodable) is rejected with the loader's
        message and never reaches the index. An upload named like an indexed document with other
        content is held back (``on_conflict="refuse"``, listed under ``conflicts``), replaces it
        (``"replace"``) or is added under a new id (``"keep_both"``: ``name-2.txt``). While the
        build runs, searches use the old index; afterwards the new one replaces it in one
        reference swap. The change can be undone until the next one (``undo``).
        """
        if on_conflict not in CONFLICT_CHOICES:
            raise QAError(f"on_conflict must be one of {', '.join(CONFLICT_CHOICES)}, not {on_conflict!r}")
        result = AddResult()
        with self._build_lock:
            documents = self.searcher.index.documents
            good: list[tuple[Path, str]] = []
            taken = set(documents)
            for raw in paths:
                path = Path(raw)
                doc, why = self._check_upload(path)
                if doc is None:
                    result.rejected.append(why)
                    continue
                name = doc.doc_id
                if name in documents and documents[name].sha256 == doc.sha256:
                    result.unchanged.append(name)
                    continue
                if name in documents or name in {n for _, n in good}:
                    if on_conflict == "refuse":
                        result.conflicts.append(name)
                        continue
                    if on_conflict == "keep_both":
                        new = self._free_name(name, taken | {n for _, n in good})
                        result.renamed[name] = new
                        name = new
                    else:  # replace: within one upload, the later file of a name wins
                        good = [(p, n) for p, n in good if n != name]
                taken.add(name)
                good.append((path, name))
            if not good:
                return result
            self.uploads_dir.mkdir(parents=True, exist_ok=True)
            self.undo_log.snapshot()
            change = Change("")
            copies = []
            for path, name in good:
                target = self.uploads_dir / name
                if target.exists():
                    change.overwritten[target] = target.read_bytes()
                else:
                    change.created.append(target)
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
                for target in change.created:
                    target.unlink(missing_ok=True)
                for target, data in change.overwritten.items():
                    target.write_bytes(data)
                self.undo_log.discard()
                result.rejected.append(public_message(exc))
                return result
            result.report = report
            result.added = list(report.added)
            result.changed = list(report.changed)
            change.description = describe_change(result)
            self.undo_log.record(change)
            result.undo = change.description
            self._swap(new)
        return result

    def undo(self) -> str:
        """Put the index (and the uploads folder) back as it was before the last change."""
        with self._build_lock:
            change = self.undo_log.undo()
            self._swap(Searcher(self.index_dir, embedder=self.embedder))
        return f"已撤销 Undone: {change.description}"

    def last_change(self) -> str:
        change = self.undo_log.last_change
        return change.description if change else ""


def describe_change(result: AddResult) -> str:
    """A short bilingual line naming what an upload changed (shown beside the Undo button)."""
    parts = []
    if result.added:
        parts.append("添加 added " + ", ".join(result.added))
    if result.changed:
        parts.append("替换 replaced " + ", ".join(result.changed))
    return "; ".join(parts)


def agreement(sides: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Passages found by both sides with their rank on each, best combined rank first."""
    a = {p["chunk_id"]: p for p in sides[0]["passages"]}
    b = {p["chunk_id"]: p for p in sides[1]["passages"]}
    rows = [
        {"chunk_id": cid, "citation": a[cid]["citation"], "rank_a": a[cid]["rank"], "rank_b": b[cid]["rank"]}
        for cid in a
        if cid in b
    ]
    return sorted(rows, key=lambda r: (r["rank_a"] + r["rank_b"], r["rank_a"]))
