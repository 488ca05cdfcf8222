"""Named API endpoints (``/search``, ``/compare``, ``/batch``, ...) returning structured JSON.

They are separate from the UI events so the page can show HTML while a ``gradio_client`` gets
plain dicts. A ``QAError`` becomes ``gr.Error`` with ``public_message``: the client raises with
the same message the page shows. Parameter and return types are real types (``Literal`` modes,
``TypedDict`` records), so ``Client.view_api()`` documents them.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from functools import wraps
from typing import Any, Literal, TypedDict

import gradio as gr

from qa.batch_io import Question
from qa.errors import QAError
from qa.webapp.messages import public_message
from qa.webapp.service import MAX_BATCH_QUESTIONS, QAService

SEARCH_CONCURRENCY = 4  # interactive searches in flight at once; they share one locked encoder
BATCH_CONCURRENCY = 1  # batch runs at once (page and API share the group): a second one queues
SEARCH_GROUP = "search"
BATCH_GROUP = "batch"
BUILD_GROUP = "build"

Mode = Literal["", "hybrid", "dense", "keyword"]  # "" = the default; kept equal to qa.search.MODES by a test


class Span(TypedDict):
    line_start: int
    line_end: int
    char_start: int
    char_end: int


class HitRecord(TypedDict):
    rank: int
    score: float
    chunk_id: str
    doc_id: str
    section_path: list[str]
    section: str
    lines: str
    line_start: int
    line_end: int
    spans: list[Span]
    citation: str
    text: str
    highlights: list[list[int]]


class BatchRecord(TypedDict):
    question_id: str
    question: str
    skipped: str
    hits: list[HitRecord]


class ComparePassage(HitRecord):
    label: str
    question: str
    mode: str
    index: str


class CompareSide(TypedDict):
    side: str
    question: str
    mode: str
    index: str
    found: int


class SelectedPassage(ComparePassage):
    shared: list[list[int]]


class Agreement(TypedDict):
    chunk_id: str
    citation: str
    rank_a: int
    rank_b: int


class CompareResult(TypedDict):
    passages: list[ComparePassage]
    sides: list[CompareSide]
    agreement: list[Agreement]
    picks: list[str]
    selected: list[SelectedPassage]
    shared_terms: list[str]


class DocumentRow(TypedDict):
    doc_id: str
    chunks: int
    sections: int
    characters: int
    lines: int
    encoding: str


class OutlineSection(TypedDict):
    path: list[str]
    section: str
    lines: str
    parts: list[list[int]]
    line_start: int
    line_end: int
    paragraphs: int


class OutlineResult(TypedDict):
    doc_id: str
    sections: list[OutlineSection]
    notes: list[str]


class ContextParagraph(TypedDict):
    line_start: int
    line_end: int
    text: str
    passage: list[list[int]]
    answer: list[list[int]]


class SectionResult(TypedDict):
    doc_id: str
    section: str
    section_path: list[str]
    note: str
    paragraphs: list[ContextParagraph]


class InfoResult(TypedDict):
    model: str
    documents: int
    chunks: int
    indexes: list[str]
    modes: list[str]
    default_mode: str
    max_k: int
    max_batch_questions: int
    upload_types: list[str]
    undo: str


class UndoResult(TypedDict):
    message: str


class RemoveResult(TypedDict):
    removed: list[str]
    documents: int
    chunks: int
    undo: str
    message: str


def _user_errors(fn: Callable[..., Any]) -> Callable[..., Any]:
    """QAError -> gr.Error with the public message; the signature with its annotations evaluated
    (this module postpones them), so ``gr.api`` documents real types."""

    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except QAError as exc:
            raise gr.Error(public_message(exc)) from exc

    wrapper.__signature__ = inspect.signature(fn, eval_str=True)  # type: ignore[attr-defined]
    return wrapper


def batch_records(service: QAService, questions: list[str], k: int, mode: str, doc: str, section: str) -> list[dict]:
    """``/batch``: one record per question given, in order; an empty one is reported, not searched."""
    if len(questions) > MAX_BATCH_QUESTIONS:
        raise QAError(
            f"问题太多 {len(questions)} questions is more than one run takes ({MAX_BATCH_QUESTIONS}): "
            "split the list or use `qa batch` on the command line"
        )
    asked = [Question(str(i), str(q)) for i, q in enumerate(questions, 1) if str(q or "").strip()]
    if not asked:
        raise QAError("没有问题 no questions given: every question is empty")
    found = {r["question_id"]: r for r in service.batch(asked, k, mode or None, doc=doc, section=section)}
    out = []
    for i, q in enumerate(questions, 1):
        record = found.get(str(i))
        if record is None:
            empty = {"question_id": str(i), "question": str(q or ""), "skipped": "空问题 empty question", "hits": []}
            out.append(empty)
        else:
            out.append({**record, "skipped": ""})
    return out


def register_api(service: QAService) -> None:
    """Add the endpoints to the Blocks being built (call inside ``with gr.Blocks()``)."""

    @_user_errors
    def search(question: str, k: int = 5, doc: str = "", section: str = "", mode: Mode = "") -> list[HitRecord]:
        """Ranked passages for a question, each with its citation and answer highlight offsets.

        Args:
            question: what to find, in Chinese or English
            k: how many passages, 1 to 50
            doc: only this document id ("" = all); an unknown id is an error
            section: only sections whose path starts with this ("A › B"); matching nothing is an error
            mode: "hybrid" (default), "dense" or "keyword"
        """
        return service.search_json(question, k, doc or None, section or None, mode or None)

    @_user_errors
    def compare(
        question: str,
        other_question: str = "",
        k: int = 3,
        mode: Mode = "",
        other_mode: Mode = "",
        index: str = "",
        other_index: str = "",
        picks: list[str] | None = None,
    ) -> CompareResult:
        """Side A (and B, when its question, mode or index differ) with the picked passages' shared
        distinctive wording as character spans.

        Args:
            question: question A
            other_question: question B ("" = the same as A)
            k: passages per side
            mode: A's mode: "hybrid", "dense" or "keyword"
            other_mode: B's mode ("" = the same as A)
            index: A's index (see /info "indexes")
            other_index: B's index ("" = the same as A)
            picks: passages to put side by side, e.g. ["A1", "B1"] (default: the top of each side)
        """
        return service.compare(question, other_question, k, mode, other_mode, index, other_index, picks)

    @_user_errors
    def batch(questions: list[str], k: int = 5, mode: Mode = "", doc: str = "", section: str = "") -> list[BatchRecord]:
        """Hits for many questions (at most 5,000), one record per question in order.

        Args:
            questions: the questions; an empty one gets a record with "skipped" set and no hits
            k: passages per question, 1 to 50
            mode: "hybrid" (default), "dense" or "keyword"
            doc: only this document id ("" = all)
            section: only sections whose path starts with this ("A › B")
        """
        return batch_records(service, questions, k, mode, doc, section)

    @_user_errors
    def documents() -> list[DocumentRow]:
        """The indexed documents with chunk and section counts."""
        return service.documents()

    @_user_errors
    def outline(doc_id: str) -> OutlineResult:
        """A document's recovered sections with their line ranges.

        Args:
            doc_id: a document id from /documents
        """
        return service.outline(doc_id)

    @_user_errors
    def section(chunk_id: str) -> SectionResult:
        """The whole section a passage came from.

        Args:
            chunk_id: a passage's chunk_id from /search
        """
        return service.section_by_chunk(chunk_id)

    @_user_errors
    def info() -> InfoResult:
        """Model, document and chunk counts, indexes, search modes, limits and the change Undo would revert."""
        return service.info()

    @_user_errors
    def undo() -> UndoResult:
        """Undo the last change to the documents (an upload or a removal), until the next change."""
        return {"message": service.undo()}

    @_user_errors
    def remove_documents(doc_ids: list[str]) -> RemoveResult:
        """Remove documents from the index (their uploaded files stay on disk); undoable with /undo
        until the next change. An unknown id, or removing every document, is an error.

        Args:
            doc_ids: document ids from /documents
        """
        report = service.remove_documents(doc_ids)
        undo = service.last_change()
        return {
            "removed": list(report.removed),
            "documents": report.documents,
            "chunks": report.chunks,
            "undo": undo,
            "message": "已删除 Removed: " + ", ".join(report.removed),
        }

    # Read-only and fast (tens of ms): served outside the queue, which costs a client more than
    # the search itself; the shared encoder's lock already serialises the expensive part.
    for fn in (search, compare, section):
        gr.api(fn, api_name=fn.__name__, queue=False)
    gr.api(batch, api_name="batch", concurrency_id=BATCH_GROUP, concurrency_limit=BATCH_CONCURRENCY)
    for fn in (documents, outline, info):
        gr.api(fn, api_name=fn.__name__)
    for fn in (undo, remove_documents):
        gr.api(fn, api_name=fn.__name__, concurrency_id=BUILD_GROUP, concurrency_limit=1)

    # Files need a File component for gradio_client's upload handling, hence a hidden event.
    def add_documents(files: list[str] | None, replace: bool = False, keep_both: bool = False) -> dict:
        """Add uploaded files (.txt .md .pdf .docx .html .csv) to the index. A file named like an indexed
        document with other content is listed under "conflicts" and not added, unless replace=True
        (it replaces the document) or keep_both=True (it is added as name-2.txt). Bad files are
        listed under "rejected"."""
        if replace and keep_both:
            raise gr.Error("replace 和 keep_both 只能选一个 choose replace or keep_both, not both")
        choice = "replace" if replace else "keep_both" if keep_both else "refuse"
        try:
            return service.add_documents(files or [], on_conflict=choice).to_json()
        except QAError as exc:
            raise gr.Error(public_message(exc)) from exc

    with gr.Row(visible=False):
        api_files = gr.File(file_count="multiple", label="files")
        api_replace = gr.Checkbox(False, label="replace")
        api_keep = gr.Checkbox(False, label="keep_both")
        api_result = gr.JSON(label="result")
        api_button = gr.Button("add documents (API)")
    api_button.click(
        add_documents,
        [api_files, api_replace, api_keep],
        api_result,
        api_name="add_documents",
        concurrency_id=BUILD_GROUP,
        concurrency_limit=1,
    )
