"""The Blocks page: four tabs (Ask, Compare, Batch, Documents) plus the API endpoints.

Labels are Chinese first with English alongside. The theme uses only system fonts: the default
theme fetches Google Fonts, which hangs a page served where there is no internet.
"""

from __future__ import annotations

from typing import Any

import gradio as gr

from qa.loading import SUFFIXES
from qa.webapp import render
from qa.webapp.api import SEARCH_CONCURRENCY, register_api
from qa.webapp.handlers import ALL_DOCS, BATCH_HEADERS, DOC_HEADERS, Handlers
from qa.webapp.modes import default_mode
from qa.webapp.service import QAService

TITLE = "文档问答 Document QA"
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
    return {"theme": theme(), "css": render.CSS, "max_file_size": MAX_UPLOAD}


def build_app(service: QAService) -> gr.Blocks:
    """The whole page over ``service``."""
    h = Handlers(service)
    modes = list(service.modes())
    mode_default = default_mode() or None
    indexes = service.index_names()
    doc_ids = service.doc_ids()

    with gr.Blocks(title=TITLE, analytics_enabled=False) as demo:
        gr.Markdown(
            f"## {TITLE}\n"
            "用中文或英文提问，结果附带出处（文档、章节、行号）。"
            " Ask in Chinese or English; every answer cites its document, section and lines."
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
                    )
                    ask_button = gr.Button("搜索 Search", variant="primary", scale=1, elem_id="ask-button")
                with gr.Row():
                    k = gr.Slider(1, 20, value=5, step=1, label="结果数 Results (k)", elem_id="ask-k")
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
                doc.change(h.sections, doc, section, api_name="ui_sections", api_visibility="private")
                results = gr.HTML(
                    render.message("输入问题后按回车 Type a question and press Enter", "info"), elem_id="ask-results"
                )
                ask_inputs = [question, k, doc, section, mode]
                for trigger in (question.submit, ask_button.click):
                    trigger(
                        h.ask,
                        ask_inputs,
                        results,
                        api_name="ui_ask",
                        api_visibility="private",
                        concurrency_limit=SEARCH_CONCURRENCY,
                        concurrency_id="search",
                    )

            # ---- Compare -----------------------------------------------------------------
            with gr.Tab("对比 Compare", id="compare"):
                gr.Markdown(
                    "比较同一结果列表中的段落，或两个问题 / 两种检索方式 / 两个索引的结果。"
                    " Compare passages from one result list, or from two questions, modes or indexes."
                    " 问题 B 留空则用问题 A。 Leave question B empty to reuse question A."
                )
                with gr.Row():
                    with gr.Column():
                        cmp_q = gr.Textbox(label="问题 A Question A", elem_id="cmp-question-a")
                        cmp_mode = gr.Radio(
                            modes or ["dense"], value=mode_default, label="检索方式 A Mode A", visible=bool(modes)
                        )
                        cmp_index = gr.Dropdown(
                            indexes, value=indexes[0], label="索引 A Index A", visible=len(indexes) > 1
                        )
                    with gr.Column():
                        cmp_q2 = gr.Textbox(
                            label="问题 B（可选） Question B (optional)",
                            placeholder="留空则与 A 相同 empty = same as A",
                            elem_id="cmp-question-b",
                        )
                        cmp_mode2 = gr.Radio(
                            modes or ["dense"], value=mode_default, label="检索方式 B Mode B", visible=bool(modes)
                        )
                        cmp_index2 = gr.Dropdown(
                            indexes, value=indexes[0], label="索引 B Index B", visible=len(indexes) > 1
                        )
                with gr.Row():
                    cmp_k = gr.Slider(2, 10, value=3, step=1, label="每边结果数 Results per side (k)")
                    cmp_button = gr.Button("检索并对比 Search & compare", variant="primary", elem_id="cmp-button")
                cmp_state = gr.State([])
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
                        concurrency_limit=SEARCH_CONCURRENCY,
                        concurrency_id="search",
                    )
                cmp_picks.input(h.pick, [cmp_picks, cmp_state], cmp_html, api_name="ui_pick", api_visibility="private")

            # ---- Batch -------------------------------------------------------------------
            with gr.Tab("批量 Batch", id="batch"):
                gr.Markdown(
                    "上传问题文件：.txt 每行一个问题，.csv（question 列），.jsonl（question 字段）。"
                    " Upload questions: .txt one a line, .csv with a question column, .jsonl with a question field."
                )
                with gr.Row():
                    batch_file = gr.File(
                        label="问题文件 Questions file",
                        file_types=[".txt", ".csv", ".jsonl"],
                        type="filepath",
                        elem_id="batch-file",
                    )
                    with gr.Column():
                        batch_k = gr.Slider(1, 20, value=3, step=1, label="每题结果数 Results per question (k)")
                        batch_mode = gr.Radio(
                            modes or ["dense"], value=mode_default, label="检索方式 Mode", visible=bool(modes)
                        )
                        batch_button = gr.Button("运行 Run", variant="primary", elem_id="batch-button")
                batch_status = gr.HTML(elem_id="batch-status")
                batch_table = gr.Dataframe(
                    headers=BATCH_HEADERS,
                    label="结果 Results",
                    interactive=False,
                    wrap=True,
                    column_widths=["7%", "17%", "6%", "7%", "30%", "33%"],
                    elem_id="batch-table",
                )
                with gr.Row():
                    batch_csv = gr.File(label="下载 CSV Download CSV", interactive=False, elem_id="batch-csv")
                    batch_jsonl = gr.File(label="下载 JSONL Download JSONL", interactive=False, elem_id="batch-jsonl")
                batch_button.click(
                    h.batch,
                    [batch_file, batch_k, batch_mode],
                    [batch_status, batch_table, batch_csv, batch_jsonl],
                    api_name="ui_batch",
                    api_visibility="private",
                    concurrency_id="search",
                )

            # ---- Documents ---------------------------------------------------------------
            with gr.Tab("文档 Documents", id="documents"):
                docs_table = gr.Dataframe(
                    value=h.document_rows(),
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
                        outline_view = gr.HTML(h.outline(doc_ids[0] if doc_ids else None), elem_id="docs-outline")
                    with gr.Column(scale=1):
                        upload = gr.File(
                            label="上传文档 Upload documents (.txt .md .pdf .docx .html)",
                            file_count="multiple",
                            file_types=list(SUFFIXES),
                            type="filepath",
                            elem_id="docs-upload",
                        )
                        add_button = gr.Button("添加到索引 Add to index", variant="primary", elem_id="docs-add")
                        add_status = gr.HTML(elem_id="docs-status")
                outline_doc.change(
                    h.outline, outline_doc, outline_view, api_name="ui_outline", api_visibility="private"
                )
                add_button.click(
                    h.add,
                    [upload, outline_doc],
                    [add_status, docs_table, doc, outline_doc, upload],
                    api_name="ui_add",
                    api_visibility="private",
                    concurrency_id="build",
                )

        # Another session may have added documents: show the index as it is when a page opens.
        demo.load(
            h.refresh, outline_doc, [docs_table, doc, outline_doc], api_name="ui_refresh", api_visibility="private"
        )
        register_api(service)
    return demo
