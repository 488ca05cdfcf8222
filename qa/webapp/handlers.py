"""UI event handlers: call the service, turn its results into what the components show.

Every handler catches ``QAError`` and shows its message in the page (a user mistake is a
message, not a red traceback box); the API endpoints in ``qa.webapp.api`` return JSON instead.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import gradio as gr

from qa.batch_io import read_questions, write_results
from qa.errors import QAError
from qa.webapp import render
from qa.webapp.compare import select_and_share
from qa.webapp.service import QAService

MAX_BATCH_QUESTIONS = 5000  # a bigger file belongs on the command line (`qa batch`)
TABLE_TEXT_CHARS = 80

BATCH_HEADERS = ["问题编号 ID", "问题 Question", "排名 Rank", "得分 Score", "出处 Citation", "段落 Passage"]
DOC_HEADERS = ["文档 Document", "段落块 Chunks", "章节 Sections", "字数 Characters", "行数 Lines", "编码 Encoding"]
ALL_DOCS = ("全部文档 All documents", "")
PROGRESS = gr.Progress()  # gradio finds progress trackers by a gr.Progress default value


def _error(exc: Exception) -> str:
    return render.message(f"错误 Error: {exc}", "error")


class Handlers:
    """The functions the Blocks layout wires to its events, bound to one service."""

    def __init__(self, service: QAService) -> None:
        self.service = service

    # ---- Ask -----------------------------------------------------------------------------
    def ask(self, question: str, k: float, doc: str | None, section: str | None, mode: str | None) -> str:
        try:
            searcher, hits = self.service.search(question, int(k), doc or None, section or None, mode or None)
        except QAError as exc:
            return _error(exc)
        contexts = [self.service.section_context(h, searcher) for h in hits]
        return render.hit_cards([h.to_json() for h in hits], contexts)

    def sections(self, doc_id: str | None) -> Any:
        """Section choices for the Ask filter: the chosen document's section paths."""
        if not doc_id:
            return gr.update(choices=[], value="")
        try:
            labels = [s["section"] for s in self.service.outline(doc_id)["sections"] if s["section"]]
        except QAError:
            labels = []
        return gr.update(choices=list(dict.fromkeys(labels)), value="")

    # ---- Compare -------------------------------------------------------------------------
    def compare(
        self,
        question: str,
        other_question: str,
        k: float,
        mode: str | None,
        other_mode: str | None,
        index: str | None,
        other_index: str | None,
    ) -> tuple[list[dict[str, Any]], Any, str]:
        try:
            result = self.service.compare(
                question, other_question, int(k), mode or "", other_mode or "", index or "", other_index or ""
            )
        except QAError as exc:
            return [], gr.update(choices=[], value=[]), _error(exc)
        passages = result["passages"]
        choices = [(_choice_label(p), p["label"]) for p in passages]
        return passages, gr.update(choices=choices, value=result["picks"]), _compare_html(result)

    def pick(self, picks: list[str] | None, passages: list[dict[str, Any]] | None) -> str:
        if not passages:
            return render.message("先检索 Search first, then choose passages", "info")
        if not picks or len(picks) < 2:
            return render.compare_html([], [], [])
        try:
            result = select_and_share(passages, picks)
        except QAError as exc:
            return _error(exc)
        return _compare_html(result)

    # ---- Batch ---------------------------------------------------------------------------
    def batch(
        self, upload: str | None, k: float, mode: str | None, progress: gr.Progress = PROGRESS
    ) -> tuple[str, list[list[Any]], str | None, str | None]:
        if not upload:
            return render.message("请先上传问题文件 Upload a questions file first", "error"), [], None, None
        try:
            questions = read_questions(upload)
            if len(questions) > MAX_BATCH_QUESTIONS:
                raise QAError(
                    f"{len(questions)} questions is more than this page runs at once ({MAX_BATCH_QUESTIONS}); "
                    "use `qa batch` on the command line"
                )
            progress((0, len(questions)), desc="检索中 Searching", unit="questions")

            def report(done: int, total: int, what: str) -> None:
                progress((done, total), desc="检索中 Searching", unit="questions")

            records = self.service.batch(questions, int(k), mode or None, progress=report)
        except QAError as exc:
            return _error(exc), [], None, None
        out_dir = Path(tempfile.mkdtemp(prefix="qa-batch-"))
        stem = Path(upload).stem or "questions"
        csv_path, jsonl_path = out_dir / f"{stem}-results.csv", out_dir / f"{stem}-results.jsonl"
        write_results(csv_path, records)
        write_results(jsonl_path, records)
        rows = []
        for record in records:
            if not record["hits"]:
                rows.append([record["question_id"], record["question"], "", "", "", "—"])
            for hit in record["hits"]:
                text = hit["text"].replace("\n", " ")
                short = text[:TABLE_TEXT_CHARS] + ("…" if len(text) > TABLE_TEXT_CHARS else "")
                score = round(hit["score"], 3)
                rows.append([record["question_id"], record["question"], hit["rank"], score, hit["citation"], short])
        hits = sum(len(r["hits"]) for r in records)
        status = render.message(f"完成 Done: {len(records)} 个问题 questions, {hits} 条结果 hits", "ok")
        return status, rows, str(csv_path), str(jsonl_path)

    # ---- Documents -----------------------------------------------------------------------
    def document_rows(self) -> list[list[Any]]:
        return [
            [d["doc_id"], d["chunks"], d["sections"], d["characters"], d["lines"], d["encoding"]]
            for d in self.service.documents()
        ]

    def refresh(self, selected: str | None = None) -> tuple[list[list[Any]], Any, Any]:
        """Document table and the two document pickers, as the index is now."""
        ids = self.service.doc_ids()
        keep = selected if selected in ids else (ids[0] if ids else None)
        return (
            self.document_rows(),
            gr.update(choices=[ALL_DOCS, *((d, d) for d in ids)]),
            gr.update(choices=ids, value=keep),
        )

    def outline(self, doc_id: str | None) -> str:
        if not doc_id:
            return render.message("选择一个文档 Choose a document", "info")
        try:
            return render.outline_html(self.service.outline(doc_id))
        except QAError as exc:
            return _error(exc)

    def add(
        self, files: list[str] | None, selected: str | None, progress: gr.Progress = PROGRESS
    ) -> tuple[str, list[list[Any]], Any, Any, None]:
        if not files:
            status = render.message("请选择文件 Choose one or more .txt .md .pdf .docx .html files", "error")
            return (status, *self.refresh(selected), None)
        progress(0, desc="检查文件 Checking files")

        def report(done: int, total: int, what: str) -> None:
            progress((done, total), desc="建立索引 Indexing", unit="chunks")

        result = self.service.add_documents(files, progress=report)
        kind = "ok" if result.ok and not result.rejected else "error" if not result.ok else "info"
        status = render.message(result.summary(), kind)
        newest = (result.added or result.changed or [selected])[0]
        return (status, *self.refresh(newest), None)


def _compare_html(result: dict[str, Any]) -> str:
    selected = result["selected"]
    return render.compare_html(selected, [p["shared"] for p in selected], result["shared_terms"])


def _choice_label(passage: dict[str, Any]) -> str:
    """Short enough that several fit on a line: label, score, lines, the last section level."""
    where = (passage.get("section_path") or [passage["doc_id"]])[-1]
    if len(where) > 16:
        where = where[:15] + "…"
    return f"{passage['label']} · {passage['score']:.3f} · 行 {passage['lines']} · {where}"
