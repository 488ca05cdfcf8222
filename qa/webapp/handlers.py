"""UI event handlers: call the service, turn its results into what the components show.

Every handler catches ``QAError`` and shows ``public_message`` in the page (a user mistake is a
message, not a red traceback box); the API endpoints in ``qa.webapp.api`` raise the same text.
"""

from __future__ import annotations

import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import gradio as gr

from qa.batch_io import Question, answer_text, read_questions, write_results
from qa.errors import QAError
from qa.evaluate import GoldQuestion, Metrics, first_correct
from qa.webapp import render
from qa.webapp.compare import select_and_share
from qa.webapp.messages import public_message
from qa.webapp.service import MAX_BATCH_QUESTIONS, QAService

TABLE_TEXT_CHARS = 120  # passage shown in the table around its answer; the full one on row click
STATUS_EVERY_SECONDS = 0.5  # how often a running batch updates its status line

BATCH_HEADERS = [
    "问题编号 ID",
    "问题 Question",
    "排名 Rank",
    "出处 Citation",
    "答句 Answer",
    "段落 Passage",
    "段落编号 Chunk",
]
DOC_HEADERS = ["文档 Document", "段落块 Chunks", "章节 Sections", "字数 Characters", "行数 Lines", "编码 Encoding"]
ALL_DOCS = ("全部文档 All documents", "")
PROGRESS = gr.Progress()  # gradio finds progress trackers by a gr.Progress default value
_ID_KEYS = ("gold_id", "gold_chunk_id", "gold_paragraph_id", "gold_doc_id", "gold")
_ANSWER_KEYS = ("answer", "answers")


def _error(exc: Exception | str) -> str:
    return render.message(f"错误 Error: {public_message(exc)}", "error")


def passage_excerpt(text: str, answer: tuple[int, int] | None, width: int = TABLE_TEXT_CHARS) -> str:
    """``width`` characters of a passage around its answering sentence (with … where cut)."""
    flat = text.replace("\n", " ")
    if len(flat) <= width:
        return flat
    start = 0
    if answer is not None:
        a, b = answer
        start = max(0, min(a - (width - (b - a)) // 2, len(flat) - width))
    piece = flat[start : start + width]
    return ("…" if start > 0 else "") + piece + ("…" if start + width < len(flat) else "")


def gold_metrics(questions: list[Question], records: list[dict[str, Any]]) -> Metrics | None:
    """hit@1 / hit@5 / MRR like ``qa eval`` when the questions carry ``answer`` or ``gold_id``."""
    golds = []
    for q in questions:
        ids = [str(v) for key in _ID_KEYS for v in _as_list(q.extra.get(key))]
        answers = [str(v) for key in _ANSWER_KEYS for v in _as_list(q.extra.get(key))]
        golds.append(GoldQuestion(q.qid, q.text, ids=ids, answers=answers) if ids or answers else None)
    if not any(golds):
        return None
    by_id = {r["question_id"]: r for r in records}
    ranks = []
    for gold in golds:
        if gold is None or gold.qid not in by_id:
            continue
        hits = by_id[gold.qid]["hits"]
        ranks.append(first_correct([gold.matches(h["chunk_id"], h["doc_id"], h["text"]) for h in hits]))
    return Metrics.from_ranks(ranks)


def _as_list(value: Any) -> list[Any]:
    if value is None or value == "":
        return []
    return list(value) if isinstance(value, list | tuple) else [value]


class Handlers:
    """The functions the Blocks layout wires to its events, bound to one service."""

    def __init__(self, service: QAService) -> None:
        self.service = service
        self._stops: dict[str, threading.Event] = {}  # running batches by session: Stop sets it
        self.page_docs = tuple(service.doc_ids())  # the document list the page config was built with

    # ---- Ask -----------------------------------------------------------------------------
    def ask(self, question: str, k: float, doc: str | None, section: str | None, mode: str | None) -> str:
        settings = {
            "question": (question or "").strip(),
            "mode": mode or "",
            "k": int(k) if k == int(k) else k,
            "doc": doc or "",
            "section": section or "",
        }
        try:
            searcher, hits = self.service.search(question, k, doc or None, section or None, mode or None)
        except QAError as exc:
            return render.settings_html(settings) + _error(exc)
        contexts = [self.service.section_context(h, searcher) for h in hits]
        return render.hit_cards([h.to_json() for h in hits], contexts, settings)

    def refresh_ask(self, question: str, k: float, doc: str | None, section: str | None, mode: str | None) -> Any:
        """A setting changed: search again with it, so no result shows settings it was not made with."""
        if not (question or "").strip():
            return gr.skip()
        return self.ask(question, k, doc, section, mode)

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
    ) -> tuple[dict[str, Any], Any, str]:
        try:
            result = self.service.compare(
                question, other_question, int(k), mode or "", other_mode or "", index or "", other_index or ""
            )
        except QAError as exc:
            return {}, gr.update(choices=[], value=[]), _error(exc)
        passages = result["passages"]
        choices = [(_choice_label(p), p["label"]) for p in passages]
        state = {"passages": passages, "sides": result["sides"], "agreement": result["agreement"]}
        return state, gr.update(choices=choices, value=result["picks"]), _compare_html(result)

    def pick(self, picks: list[str] | None, state: dict[str, Any] | None) -> str:
        passages = (state or {}).get("passages")
        if not passages:
            return render.message("先检索 Search first, then choose passages", "info")
        sides, agreement = state.get("sides", []), state.get("agreement", [])
        if not picks or len(picks) < 2:
            return render.compare_html([], [], [], sides, agreement)
        try:
            result = select_and_share(passages, picks, self.service.term_weights())
        except QAError as exc:
            return _error(exc)
        return _compare_html({**result, "sides": sides, "agreement": agreement})

    # ---- Batch ---------------------------------------------------------------------------
    def batch(
        self,
        upload: str | None,
        k: float,
        mode: str | None,
        doc: str | None,
        section: str | None,
        request: gr.Request,
        progress: gr.Progress = PROGRESS,
    ) -> Iterator[tuple[Any, Any, Any, Any]]:
        """Run a questions file a few questions at a time; Stop keeps what is done."""
        if not upload:
            yield render.message("请先上传问题文件 Upload a questions file first", "error"), [], None, None
            return
        skipped: list[str] = []
        try:
            questions = read_questions(upload, skipped)
            if len(questions) > MAX_BATCH_QUESTIONS:
                raise QAError(
                    f"问题太多 {len(questions)} questions is more than one run takes ({MAX_BATCH_QUESTIONS}): "
                    "split the file or use `qa batch` on the command line"
                )
        except QAError as exc:
            yield _error(exc), [], None, None
            return
        key = getattr(request, "session_hash", None) or str(id(request))
        stop = self._stops[key] = threading.Event()
        total = len(questions)
        records: list[dict[str, Any]] = []
        last = time.monotonic()
        try:
            progress((0, total), desc="检索中 Searching", unit="questions")
            for done, so_far in self.service.batch_steps(questions, k, mode or None, doc, section, stop):
                records = so_far
                progress((done, total), desc="检索中 Searching", unit="questions")
                if time.monotonic() - last > STATUS_EVERY_SECONDS:
                    last = time.monotonic()
                    status = f"检索中 Running: {done}/{total} 个问题 questions"
                    yield render.message(status, "info"), gr.skip(), gr.skip(), gr.skip()
        except QAError as exc:
            yield _error(exc), [], None, None
            return
        finally:
            self._stops.pop(key, None)
        yield self._batch_outputs(upload, questions, records, skipped, stopped=stop.is_set())

    def stop_batch(self, request: gr.Request) -> str:
        key = getattr(request, "session_hash", None) or ""
        stop = self._stops.get(key)
        if stop is None:
            return render.message("没有正在运行的批量任务 No batch is running", "info")
        stop.set()
        return render.message("正在停止… Stopping after the current step…", "info")

    def _batch_outputs(
        self, upload: str, questions: list[Question], records: list[dict[str, Any]], skipped: list[str], stopped: bool
    ) -> tuple[str, list[list[Any]], str | None, str | None]:
        for record in records:
            for hit in record["hits"]:
                hit["answer"] = answer_text(hit)
        out_dir = Path(tempfile.mkdtemp(prefix="qa-batch-"))
        stem = Path(upload).stem or "questions"
        csv_path, jsonl_path = out_dir / f"{stem}-results.csv", out_dir / f"{stem}-results.jsonl"
        write_results(csv_path, records)
        write_results(jsonl_path, records)
        rows = []
        for record in records:
            if not record["hits"]:
                rows.append([record["question_id"], record["question"], "", "", "", "—", ""])
            for hit in record["hits"]:
                first = hit["highlights"][0] if hit.get("highlights") else None
                excerpt = passage_excerpt(hit["text"], tuple(first) if first else None)
                rows.append(
                    [
                        record["question_id"],
                        record["question"],
                        hit["rank"],
                        hit["citation"],
                        hit["answer"],
                        excerpt,
                        hit["chunk_id"],
                    ]
                )
        hits = sum(len(r["hits"]) for r in records)
        parts = [f"{len(records)}/{len(questions)} 个问题 questions, {hits} 条结果 hits"]
        if stopped:
            parts.insert(0, "已停止 Stopped")
        else:
            parts.insert(0, "完成 Done")
        metrics = gold_metrics(questions[: len(records)], records)
        if metrics is not None and metrics.n:
            scores = f"hit@1 {metrics.hit1:.3f} · hit@5 {metrics.hit5:.3f} · MRR {metrics.mrr10:.3f}"
            parts.append(f"评估 gold ({metrics.n}): {scores}")
        if skipped:
            shown = "; ".join(skipped[:10]) + (" …" if len(skipped) > 10 else "")
            parts.append(f"跳过 Skipped {len(skipped)}: {shown}")
        kind = "info" if stopped or skipped else "ok"
        return render.message(" | ".join(parts), kind), rows, str(csv_path), str(jsonl_path)

    def batch_row(self, evt: gr.SelectData) -> str:
        """A clicked row of the results table: its whole passage with the answer marked."""
        try:
            row = list(evt.row_value)
        except (AttributeError, TypeError):
            return ""
        if len(row) < len(BATCH_HEADERS) or not row[-1]:
            return ""
        try:
            context = self.service.section_by_chunk(str(row[-1]))
        except QAError as exc:
            return _error(exc)
        chunk = next((c for c in self.service.searcher.chunks if c.chunk_id == row[-1]), None)
        if chunk is None:
            return ""
        answer = str(row[4] or "")
        spans = []
        for sentence in [s for s in answer.split(" … ") if s]:
            at = chunk.text.find(sentence)
            if at >= 0:
                spans.append((at, at + len(sentence)))
        hit = {"citation": str(row[3])}
        body = render.mark_text(chunk.text, {"qa-answer": spans})
        details = (
            '<details class="qa-context"><summary>展开整节 Show the whole section</summary>'
            f"{render.section_html(context)}</details>"
        )
        return (
            f'<div class="qa-detail"><div class="qa-col-q">问题 Q: {render.escape(str(row[1]))}</div>'
            f'{render.citation_html(hit)}<div class="qa-text">{body}</div>{details}</div>'
        )

    # ---- Documents -----------------------------------------------------------------------
    def document_rows(self) -> list[list[Any]]:
        return [
            [d["doc_id"], d["chunks"], d["sections"], d["characters"], d["lines"], d["encoding"]]
            for d in self.service.documents()
        ]

    def refresh(self, selected: str | None = None) -> tuple[list[list[Any]], Any, Any, str, str, Any]:
        """Document table, the two document pickers, the outline and the undo line, as the index is now."""
        ids = self.service.doc_ids()
        keep = selected if selected in ids else (ids[0] if ids else None)
        return (
            self.document_rows(),
            gr.update(choices=[ALL_DOCS, *((d, d) for d in ids)]),
            gr.update(choices=ids, value=keep),
            self.outline(keep),
            *self.undo_state(),
        )

    def on_page_load(self, selected: str | None = None) -> tuple[Any, ...]:
        """A page opened: refresh the document pickers only if documents changed since the page
        was built. Whatever an event returns is kept in that visitor's session, so the common
        case (nothing changed) returns nothing; the Documents tab fills itself when opened."""
        if tuple(self.service.doc_ids()) == self.page_docs:
            return tuple(gr.skip() for _ in range(6))
        return self.refresh(selected)

    def undo_state(self) -> tuple[str, Any]:
        change = self.service.last_change()
        if not change:
            return "", gr.update(interactive=False)
        return render.message(f"可撤销 Can be undone: {change}", "info"), gr.update(interactive=True)

    def outline(self, doc_id: str | None) -> str:
        if not doc_id:
            return render.message("选择一个文档 Choose a document", "info")
        try:
            return render.outline_html(self.service.outline(doc_id))
        except QAError as exc:
            return _error(exc)

    def add(self, files: list[str] | None, selected: str | None, progress: gr.Progress = PROGRESS) -> tuple[Any, ...]:
        """First click on "Add": asks before any same-name document is replaced."""
        if not files:
            status = render.message("请选择文件 Choose one or more .txt .md .pdf .docx .html .csv files", "error")
            return (status, gr.update(visible=False), *self.refresh(selected), gr.skip())
        conflicts = self.service.upload_conflicts(files)
        if conflicts:
            names = ", ".join(conflicts)
            status = render.message(
                f"已有同名文档 Already indexed under the same name: {names}. "
                "替换、保留两者还是取消？ Replace it, keep both (the upload gets a new name), or cancel?",
                "warn",
            )
            return (status, gr.update(visible=True), *[gr.skip()] * 6, gr.skip())
        return self._add(files, selected, "refuse", progress)

    def resolve(
        self, choice: str, files: list[str] | None, selected: str | None, progress: gr.Progress = PROGRESS
    ) -> tuple[Any, ...]:
        """The answer to the same-name question: replace, keep both, or cancel."""
        if choice == "cancel" or not files:
            status = render.message("已取消，没有更改 Cancelled: nothing was changed", "info")
            return (status, gr.update(visible=False), *self.refresh(selected), None)
        return self._add(files, selected, choice, progress)

    def _add(self, files: list[str], selected: str | None, choice: str, progress: gr.Progress) -> tuple[Any, ...]:
        progress(0, desc="检查文件 Checking files")

        def report(done: int, total: int, what: str) -> None:
            progress((done, total), desc="建立索引 Indexing", unit="chunks")

        result = self.service.add_documents(files, progress=report, on_conflict=choice)
        kind = "ok" if result.ok and not (result.rejected or result.conflicts) else "error" if not result.ok else "info"
        if not result.ok and result.unchanged and not result.rejected:
            kind = "info"
        status = render.message(result.summary(), kind)
        newest = (result.added or result.changed or [selected])[0]
        return (status, gr.update(visible=False), *self.refresh(newest), None)

    def ask_remove(self, selected: str | None) -> tuple[Any, ...]:
        """First click on "Remove": checks the choice, then asks before anything is removed."""
        try:
            self.service.check_removal([selected or ""])
        except QAError as exc:
            return (_error(exc), gr.update(visible=False), *[gr.skip()] * 6)
        status = render.message(
            f"确定从索引中删除 {selected}？ Remove {selected} from the index? "
            "（上传的文件保留在磁盘上，可撤销 the uploaded file stays on disk; this can be undone）",
            "warn",
        )
        return (status, gr.update(visible=True), *[gr.skip()] * 6)

    def resolve_remove(self, choice: str, selected: str | None) -> tuple[Any, ...]:
        """The answer to "Remove?": confirm removes the selected document, cancel changes nothing."""
        if choice == "cancel" or not selected:
            status = render.message("已取消，没有更改 Cancelled: nothing was changed", "info")
            return (status, gr.update(visible=False), *self.refresh(selected))
        try:
            report = self.service.remove_documents([selected])
            status = render.message("已删除 Removed: " + ", ".join(report.removed), "ok")
        except QAError as exc:
            status = _error(exc)
        return (status, gr.update(visible=False), *self.refresh(selected))

    def undo(self, selected: str | None) -> tuple[Any, ...]:
        try:
            status = render.message(self.service.undo(), "ok")
        except QAError as exc:
            status = _error(exc)
        return (status, *self.refresh(selected))


def _compare_html(result: dict[str, Any]) -> str:
    selected = result.get("selected", [])
    return render.compare_html(
        selected,
        [p["shared"] for p in selected],
        result.get("shared_terms", []),
        result.get("sides", []),
        result.get("agreement", []),
    )


def _choice_label(passage: dict[str, Any]) -> str:
    """Short enough that several fit on a line: label, lines, the last section level."""
    where = (passage.get("section_path") or [passage["doc_id"]])[-1]
    if len(where) > 16:
        where = where[:15] + "…"
    return f"{passage['label']} · 行 {passage['lines']} · {where}"
