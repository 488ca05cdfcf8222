"""Named API endpoints (``/search``, ``/compare``, ``/batch``, ...) returning structured JSON.

They are separate from the UI events so the page can show HTML while a ``gradio_client`` gets
plain dicts. A ``QAError`` becomes ``gr.Error``: the client raises with the same message the
page would show.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

import gradio as gr

from qa.batch_io import Question
from qa.errors import QAError
from qa.webapp.service import QAService

SEARCH_CONCURRENCY = 4  # UI searches in flight at once; they share one locked encoder


def _user_errors(fn: Callable[..., Any]) -> Callable[..., Any]:
    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except QAError as exc:
            raise gr.Error(str(exc)) from exc

    return wrapper


def register_api(service: QAService) -> None:
    """Add the endpoints to the Blocks being built (call inside ``with gr.Blocks()``)."""

    @_user_errors
    def search(question: str, k: int = 5, doc: str = "", section: str = "", mode: str = "") -> list[dict]:
        """Ranked passages for a question, each with its citation and answer highlight offsets."""
        return service.search_json(question, int(k), doc or None, section or None, mode or None)

    @_user_errors
    def compare(
        question: str,
        other_question: str = "",
        k: int = 3,
        mode: str = "",
        other_mode: str = "",
        index: str = "",
        other_index: str = "",
        picks: list[str] | None = None,
    ) -> dict:
        """Side A (and B, when its question or settings differ) with the picked passages'
        shared wording as character spans (picks like ["A1", "B1"]; default top of each side)."""
        return service.compare(question, other_question, int(k), mode, other_mode, index, other_index, picks)

    @_user_errors
    def batch(questions: list[str], k: int = 5, mode: str = "") -> list[dict]:
        """Hits for many questions at once, one record per question."""
        qs = [Question(str(i), str(q)) for i, q in enumerate(questions, 1) if str(q).strip()]
        if not qs:
            raise QAError("no questions given")
        return service.batch(qs, int(k), mode or None)

    @_user_errors
    def documents() -> list[dict]:
        """The indexed documents with chunk and section counts."""
        return service.documents()

    @_user_errors
    def outline(doc_id: str) -> dict:
        """A document's recovered sections with their line ranges."""
        return service.outline(doc_id)

    @_user_errors
    def section(chunk_id: str) -> dict:
        """The whole section a passage (by chunk_id from /search) came from."""
        return service.section_by_chunk(chunk_id)

    @_user_errors
    def info() -> dict:
        """Model, document and chunk counts, indexes and search modes on offer."""
        return service.info()

    # Read-only and fast (tens of ms): served outside the queue, which costs a client more than
    # the search itself; the shared encoder's lock already serialises the expensive part.
    for fn in (search, compare, section):
        gr.api(fn, api_name=fn.__name__, queue=False)
    for fn in (batch, documents, outline, info):
        gr.api(fn, api_name=fn.__name__)

    # Files need a File component for gradio_client's upload handling, hence a hidden event.
    def add_documents(files: list[str] | None) -> dict:
        """Add uploaded .txt/.md/.pdf/.docx/.html files to the index; bad files are listed under "rejected"."""
        return service.add_documents(files or []).to_json()

    with gr.Row(visible=False):
        api_files = gr.File(file_count="multiple", label="files")
        api_result = gr.JSON(label="result")
        api_button = gr.Button("add documents (API)")
    api_button.click(add_documents, api_files, api_result, api_name="add_documents", concurrency_id="build")
