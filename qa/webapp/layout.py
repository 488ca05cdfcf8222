"""The Blocks page: four tabs (Ask, Compare, Batch, Documents) plus the API endpoints.

Labels are Chinese first with English alongside. The theme uses only system fonts: the default
theme fetches Google Fonts, which hangs a page served where there is no internet.
"""

from __future__ import annotations

import functools
from typing import Any

import gradio as gr

from qa.webapp import render
from qa.webapp.api import (
    BATCH_CONCURRENCY,
    BATCH_GROUP,
    BUILD_GROUP,
    SEARCH_CONCURRENCY,
    SEARCH_GROUP,
    register_api,
)
from qa.webapp.handlers import ALL_DOCS, BATCH_HEADERS, DOC_HEADERS, Handlers
from qa.webapp.modes import default_mode
from qa.webapp.service import MAX_BATCH_QUESTIONS, MAX_K, UPLOAD_TYPES, QAService

TITLE = "文档问答 Document QA"
STATE_TTL_SECONDS = 3600  # a visitor's comparison is dropped an hour after it was made
SESSION_CAPACITY = 200  # visitors whose state is kept, least recently used dropped first (~200 kB each)
MAX_UPLOAD = "50mb"  # per uploaded file: text documents and question lists are far smaller
SYSTEM_FONTS = [
    "system-ui",
    "-apple-system",
    "Segoe UI",
    "PingFang SC",
    "Hiragino Sans GB",
    "Microsoft YaHei",
    "Noto Sans CJK SC",
    "WenQuanYi Micro Hei",
    "sans-serif",
]
MONO_FONTS = ["ui-monospace", "SFMono-Regular", "Menlo", "Consolas", "Noto Sans Mono CJK SC", "monospace"]


def theme() -> gr.themes.Base:
    return gr.themes.Default(font=SYSTEM_FONTS, font_mono=MONO_FONTS)


def launch_kwargs() -> dict[str, Any]:
    """Styling passed to ``launch`` (gradio 6 takes theme and css there, not in Blocks)."""
    return {
        "theme": theme(),
        "css": render.CSS,
        "max_file_size": MAX_UPLOAD,
        "state_session_capacity": SESSION_CAPACITY,
    }


def build_app(service: QAService) -> gr.Blocks:
    """The whole page over ``service``."""
    h = Handlers(service)
    modes = list(service.modes())
    mode_default = default_mode() or None
    indexes = service.index_names()
    doc_ids = service.doc_ids()
    upload_types = list(UPLOAD_TYPES)

    with gr.Blocks(title=TITLE, analytics_enabled=False) as demo:
        gr.Markdown(
            f"## {TITLE}\n"
            "用中文或英文提问，结果附带出处（文档、章节、行号）。"
            " Ask in Chinese or English; every answer cites its document, section and lines.",
            elem_id="qa-intro",
        )
        with gr.Tabs():
            # ---- Ask ---------------------------------------------------------------------
            with gr.Tab("提问 Ask", id="ask"):
                with gr.Row(equal_height=True):
                    question = gr.Textbox(
                        label="问题 Question",
                        placeholder="例如：重庆将如何建设和美乡村？ e.g. What is new about the new Chongqing?",
                        scale=5,
                        lines=1,
                        max_lines=3,
                        elem_id="ask-question",
                        submit_btn=False,
                        autofocus=True,
                    )
                    ask_button = gr.Button("搜索 Search", variant="primary", scale=1, elem_id="ask-button")
                results = gr.HTML(
                    render.message("输入问题后按回车 Type a question and press Enter", "info"), elem_id="ask-results"
                )
                with gr.Accordion("筛选与设置 Filters and settings", open=True, elem_id="ask-settings"), gr.Row():
                    k = gr.Slider(1, MAX_K, value=5, step=1, label="结果数 Results (k)", elem_id="ask-k")
                    doc = gr.Dropdown(
                        choices=[ALL_DOCS, *((d, d) for d in doc_ids)],
                        value="",
                        label="文档（可选） Document (optional)",
                        elem_id="ask-doc",
                    )
                    section = gr.Dropdown(
                        choices=[],
                        value="",
                        allow_custom_value=True,
                        label="章节（可选） Section (optional)",
                        info="选文档后可选章节，或输入路径开头 pick after a document, or type a path prefix A › B",
                        elem_id="ask-section",
                    )
                    mode = gr.Radio(
                        modes or ["dense"],
                        value=mode_default,
                        label="检索方式 Mode",
                        visible=bool(modes),
                        elem_id="ask-mode",
                    )
                ask_inputs = [question, k, doc, section, mode]
                search_queue = {"concurrency_limit": SEARCH_CONCURRENCY, "concurrency_id": SEARCH_GROUP}
                # A question asked while the last one is being answered is answered next (Gradio's default,
                # "once", drops it, and the user waits for an answer that never comes).
                for trigger in (question.submit, ask_button.click):
                    trigger(
                        h.ask,
                        ask_inputs,
                        results,
                        api_name="ui_ask",
                        api_visibility="private",
                        trigger_mode="always_last",
                        **search_queue,
                    )
                # A changed setting searches again: results never show settings they were not made with.
                doc.input(h.sections, doc, section, api_name="ui_sections", api_visibility="private").then(
                    h.refresh_ask,
                    ask_inputs,
                    results,
                    api_name="ui_refresh_ask",
                    api_visibility="private",
                    **search_queue,
                )
                for trigger in (section.input, mode.input, k.release):
                    trigger(
                        h.refresh_ask,
                        ask_inputs,
                        results,
                        api_name="ui_refresh_ask",
                        api_visibility="private",
                        **search_queue,
                    )

            # ---- Compare -----------------------------------------------------------------
            with gr.Tab("对比 Compare", id="compare"):
                gr.Markdown(
                    "比较同一结果列表中的段落，或两个问题 / 两种检索方式 / 两个索引的结果。"
                    " Compare passages from one result list, or from two questions, modes or indexes."
                    " 问题 B 留空则用问题 A。 Leave question B empty to reuse question A."
                )
                with gr.Row():
                    with gr.Column(min_width=280):
                        cmp_q = gr.Textbox(label="问题 A Question A", elem_id="cmp-question-a")
                        cmp_mode = gr.Radio(
                            modes or ["dense"],
                            value=mode_default,
                            label="检索方式 A Mode A",
                            visible=bool(modes),
                            elem_id="cmp-mode-a",
                        )
                        cmp_index = gr.Dropdown(
                            indexes, value=indexes[0], label="索引 A Index A", visible=len(indexes) > 1
                        )
                    with gr.Column(min_width=280):
                        cmp_q2 = gr.Textbox(
                            label="问题 B（可选） Question B (optional)",
                            placeholder="留空则与 A 相同 empty = same as A",
                            elem_id="cmp-question-b",
                        )
                        cmp_mode2 = gr.Radio(
                            modes or ["dense"],
                            value=mode_default,
                            label="检索方式 B Mode B",
                            visible=bool(modes),
                            elem_id="cmp-mode-b",
                        )
                        cmp_index2 = gr.Dropdown(
                            indexes, value=indexes[0], label="索引 B Index B", visible=len(indexes) > 1
                        )
                with gr.Row():
                    cmp_k = gr.Slider(2, 10, value=3, step=1, label="每边结果数 Results per side (k)")
                    cmp_button = gr.Button("检索并对比 Search & compare", variant="primary", elem_id="cmp-button")
                # Small (the passages of one comparison) and expired: per-visitor memory stays bounded.
                cmp_state = gr.State({}, time_to_live=STATE_TTL_SECONDS)
                cmp_picks = gr.CheckboxGroup(
                    [], label="选择要对比的段落（两段以上） Passages to compare (two or more)", elem_id="cmp-picks"
                )
                cmp_html = gr.HTML(elem_id="cmp-result")
                cmp_inputs = [cmp_q, cmp_q2, cmp_k, cmp_mode, cmp_mode2, cmp_index, cmp_index2]
                for trigger in (cmp_button.click, cmp_q.submit, cmp_q2.submit):
                    trigger(
                        h.compare,
                        cmp_inputs,
                        [cmp_state, cmp_picks, cmp_html],
                        api_name="ui_compare",
                        api_visibility="private",
                        **search_queue,
                    )
                cmp_picks.input(h.pick, [cmp_picks, cmp_state], cmp_html, api_name="ui_pick", api_visibility="private")

            # ---- Batch -------------------------------------------------------------------
            with gr.Tab("批量 Batch", id="batch"):
                gr.Markdown(
                    "上传问题文件：.txt 每行一个问题，.csv（question 列），.jsonl（question 字段）；"
                    f"每次最多 {MAX_BATCH_QUESTIONS} 个问题。带 answer 或 gold_id 时显示 hit@1/hit@5/MRR。"
                    " Upload questions: .txt one a line, .csv with a question column, .jsonl with a question field;"
                    f" at most {MAX_BATCH_QUESTIONS:,} per run. With answer or gold_id, hit@1/hit@5/MRR are shown."
                )
                with gr.Row():
                    batch_file = gr.File(
                        label="问题文件 Questions file",
                        file_types=[".txt", ".csv", ".jsonl"],
                        type="filepath",
                        elem_id="batch-file",
                    )
                    with gr.Column():
                        batch_k = gr.Slider(1, MAX_K, value=3, step=1, label="每题结果数 Results per question (k)")
                        batch_mode = gr.Radio(
                            modes or ["dense"], value=mode_default, label="检索方式 Mode", visible=bool(modes)
                        )
                        with gr.Row():
                            batch_doc = gr.Dropdown(
                                choices=[ALL_DOCS, *((d, d) for d in doc_ids)],
                                value="",
                                label="文档 Document",
                                elem_id="batch-doc",
                            )
                            batch_section = gr.Textbox(
                                label="章节开头 Section prefix", placeholder="A › B", elem_id="batch-section"
                            )
                        with gr.Row():
                            batch_button = gr.Button("运行 Run", variant="primary", elem_id="batch-button")
                            batch_stop = gr.Button("停止 Stop", variant="stop", elem_id="batch-stop")
                batch_status = gr.HTML(elem_id="batch-status")
                batch_table = gr.Dataframe(
                    headers=BATCH_HEADERS,
                    label="结果（点击一行看整段） Results (click a row for the whole passage)",
                    interactive=False,
                    wrap=True,
                    column_widths=["6%", "15%", "5%", "16%", "22%", "28%", "8%"],
                    elem_id="batch-table",
                )
                batch_detail = gr.HTML(elem_id="batch-detail")
                with gr.Row():
                    batch_csv = gr.File(label="下载 CSV Download CSV", interactive=False, elem_id="batch-csv")
                    batch_jsonl = gr.File(label="下载 JSONL Download JSONL", interactive=False, elem_id="batch-jsonl")
                batch_button.click(
                    h.batch,
                    [batch_file, batch_k, batch_mode, batch_doc, batch_section],
                    [batch_status, batch_table, batch_csv, batch_jsonl],
                    api_name="ui_batch",
                    api_visibility="private",
                    concurrency_id=BATCH_GROUP,
                    concurrency_limit=BATCH_CONCURRENCY,
                    show_progress_on=[batch_status],
                )
                batch_stop.click(
                    h.stop_batch, None, batch_detail, api_name="ui_stop_batch", api_visibility="private", queue=False
                )
                batch_table.select(h.batch_row, None, batch_detail, api_name="ui_batch_row", api_visibility="private")

            # ---- Documents ---------------------------------------------------------------
            with gr.Tab("文档 Documents", id="documents") as docs_tab:
                # Filled when a page opens, not in the page config: the config is copied per visitor.
                docs_table = gr.Dataframe(
                    headers=DOC_HEADERS,
                    label="已索引的文档 Indexed documents",
                    interactive=False,
                    elem_id="docs-table",
                )
                with gr.Row():
                    with gr.Column(scale=2):
                        outline_doc = gr.Dropdown(
                            doc_ids,
                            value=doc_ids[0] if doc_ids else None,
                            label="章节结构 Outline of",
                            elem_id="docs-outline-doc",
                        )
                        outline_view = gr.HTML(elem_id="docs-outline")
                    with gr.Column(scale=1):
                        upload = gr.File(
                            label=f"上传文档 Upload documents ({' / '.join(upload_types)})",
                            file_count="multiple",
                            file_types=upload_types,
                            type="filepath",
                            elem_id="docs-upload",
                        )
                        add_button = gr.Button("添加到索引 Add to index", variant="primary", elem_id="docs-add")
                        add_status = gr.HTML(elem_id="docs-status")
                        with gr.Group(visible=False, elem_id="docs-conflict") as conflict_box, gr.Row():
                            replace_button = gr.Button("替换 Replace", variant="stop", elem_id="docs-replace")
                            keep_button = gr.Button("保留两者 Keep both", elem_id="docs-keep-both")
                            cancel_button = gr.Button("取消 Cancel", elem_id="docs-cancel")
                        remove_button = gr.Button("删除文档 Remove document", elem_id="docs-remove")
                        with gr.Group(visible=False, elem_id="docs-remove-confirm") as remove_box, gr.Row():
                            confirm_remove = gr.Button("确认删除 Confirm", variant="stop", elem_id="docs-remove-yes")
                            cancel_remove = gr.Button("取消 Cancel", elem_id="docs-remove-no")
                        undo_info = gr.HTML(elem_id="docs-undo-info")
                        undo_button = gr.Button(
                            "撤销上一次更改 Undo last change", interactive=False, elem_id="docs-undo"
                        )
                outline_doc.change(
                    h.outline, outline_doc, outline_view, api_name="ui_outline", api_visibility="private"
                )
                refreshed = [docs_table, doc, outline_doc, outline_view, undo_info, undo_button]
                build_queue = {"concurrency_id": BUILD_GROUP, "concurrency_limit": 1, "api_visibility": "private"}
                add_outputs = [add_status, conflict_box, *refreshed, upload]
                add_button.click(h.add, [upload, outline_doc], add_outputs, api_name="ui_add", **build_queue)
                choices = ((replace_button, "replace"), (keep_button, "keep_both"), (cancel_button, "cancel"))
                for button, choice in choices:
                    resolve = functools.partial(h.resolve, choice)
                    button.click(resolve, [upload, outline_doc], add_outputs, api_name=f"ui_{choice}", **build_queue)
                undo_button.click(h.undo, outline_doc, [add_status, *refreshed], api_name="ui_undo", **build_queue)
                remove_outputs = [add_status, remove_box, *refreshed]
                remove_button.click(
                    h.ask_remove, outline_doc, remove_outputs, api_name="ui_ask_remove", api_visibility="private"
                )
                # The question names one document: picking another withdraws it (confirm acts on the pick).
                hide = functools.partial(gr.update, visible=False)
                outline_doc.input(hide, None, remove_box, api_name="ui_hide_remove", api_visibility="private")
                for button, choice in ((confirm_remove, "confirm"), (cancel_remove, "cancel")):
                    resolve = functools.partial(h.resolve_remove, choice)
                    button.click(resolve, outline_doc, remove_outputs, api_name=f"ui_remove_{choice}", **build_queue)

                docs_tab.select(h.refresh, outline_doc, refreshed, api_name="ui_docs_tab", api_visibility="private")

        # Another session may have added documents: show the index as it is when a page opens.
        demo.load(h.on_page_load, outline_doc, refreshed, api_name="ui_refresh", api_visibility="private")
        register_api(service)
    return demo
