"""The real app on loopback, driven by Debian's Chromium through playwright.

What is asserted is what a user sees: a highlighted answer in a card with its citation, two
comparison columns with shared wording marked, downloaded result files, an uploaded document
found by a search, and an error for a bad upload while the index keeps answering.
"""

from __future__ import annotations

import csv
import io
import json
import re
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.app_support import CHROMIUM_ARGS, RunningApp, answerable, chromium_or_skip, start_app, unique_sentences

pytestmark = pytest.mark.browser
TIMEOUT = 60_000


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningApp]:
    yield from start_app(tmp_path_factory.mktemp("app-browser"))


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    executable = chromium_or_skip()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(app: RunningApp, browser) -> Iterator[object]:  # noqa: ANN001 - playwright's Browser
    """A fresh page on the app; any request leaving loopback is blocked and recorded."""
    context = browser.new_context(viewport={"width": 1280, "height": 1000}, accept_downloads=True)
    outside: list[str] = []

    def guard(route) -> None:  # noqa: ANN001
        host = urlparse(route.request.url).hostname
        if host in ("127.0.0.1", "localhost") or route.request.url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    page.goto(app.url)
    page.locator("#ask-question textarea").wait_for(timeout=TIMEOUT)
    page.outside_requests = outside
    yield page
    context.close()


def ask(page, question: str) -> None:  # noqa: ANN001
    """Ask on the Ask tab and wait until the results say they answer this question: a question asked while the
    previous one is still being answered can be dropped, and the previous results would pass for its own."""
    page.get_by_role("tab", name="提问 Ask").click()
    box = page.locator("#ask-question textarea")
    box.fill(question)
    box.press("Enter")
    page.locator('#ask-results .qa-setting[data-key="question"]', has_text=question).first.wait_for(timeout=TIMEOUT)


def card_with(page, citation: str):  # noqa: ANN001, ANN201
    card = page.locator("#ask-results .qa-card", has=page.locator(".qa-citation", has_text=citation)).first
    card.wait_for(timeout=TIMEOUT)
    return card


def test_a_question_asked_while_another_is_answered_gets_its_own_answers(app: RunningApp, page, monkeypatch) -> None:  # noqa: ANN001
    slow_question = "重庆的乡村建设有哪些举措？"
    search = app.service.search

    def slow(question, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        if question == slow_question:
            time.sleep(4)  # a busy machine: the first answer is still coming when the next question is asked
        return search(question, *args, **kwargs)

    monkeypatch.setattr(app.service, "search", slow)
    page.get_by_role("tab", name="提问 Ask").click()
    box = page.locator("#ask-question textarea")
    box.fill(slow_question)
    box.press("Enter")
    page.wait_for_timeout(500)
    _, sentence, hit = answerable(app.service)
    ask(page, sentence)  # waits until the results name this question
    card_with(page, hit.citation)


def test_page_loads_without_internet(page) -> None:  # noqa: ANN001
    page.wait_for_load_state("load")
    page.wait_for_timeout(1500)  # gradio keeps a connection open, so "networkidle" never comes
    assert page.get_by_role("tab", name="对比 Compare").is_visible()
    assert page.outside_requests == [], f"the page tried to reach the internet: {page.outside_requests}"


def test_ask_shows_cited_highlighted_hit(app: RunningApp, page) -> None:  # noqa: ANN001
    chunk, sentence, target = answerable(app.service)

    ask(page, sentence)
    card = card_with(page, target.citation)
    marks = card.locator(".qa-text mark.qa-answer")
    assert marks.count() >= 1
    marked = "".join(marks.all_inner_texts())
    assert marked.strip() and marked.strip() in chunk.text
    assert f"#{target.rank}" in card.locator(".qa-rank").inner_text()

    # The hit expands to its whole section, with line numbers and the passage inside it.
    card.locator("details.qa-context summary").click()
    section = card.locator(".qa-section")
    assert section.is_visible()
    assert section.locator(".qa-lineno").count() >= 1
    assert sentence[:10] in section.inner_text()


def test_empty_question_shows_a_message(page) -> None:  # noqa: ANN001
    page.locator("#ask-button").click()
    error = page.locator("#ask-results .qa-msg-error")
    error.wait_for(timeout=TIMEOUT)
    assert "empty" in error.inner_text()


def test_compare_two_passages_side_by_side(app: RunningApp, page) -> None:  # noqa: ANN001
    pairs = unique_sentences(app.service.searcher.chunks)
    (_, first), (_, second) = pairs[0], pairs[len(pairs) // 2]
    expected = app.service.compare(first, second, k=3)

    page.get_by_role("tab", name="对比 Compare").click()
    page.locator("#cmp-question-a textarea").fill(first)
    page.locator("#cmp-question-b textarea").fill(second)
    page.locator("#cmp-button").click()
    columns = page.locator("#cmp-result .qa-col")
    columns.first.wait_for(timeout=TIMEOUT)
    assert columns.count() == 2
    for column, passage in zip(columns.all(), expected["selected"], strict=True):
        assert passage["citation"] in column.locator(".qa-citation").inner_text()
        assert f"#{passage['rank']}" in column.locator(".qa-score").inner_text()
    if expected["shared_terms"]:
        for column in columns.all():
            assert column.locator("mark.qa-shared").count() >= 1
        assert expected["shared_terms"][0] in page.locator("#cmp-result .qa-shared-terms").inner_text()

    # Adding a third passage from the same lists gives a third column.
    page.locator("#cmp-picks label", has_text="A2").click()
    page.locator("#cmp-result .qa-col").nth(2).wait_for(timeout=TIMEOUT)
    assert page.locator("#cmp-result .qa-col").count() == 3


def _download(page, selector: str, out: Path) -> Path:  # noqa: ANN001
    link = page.locator(f"{selector} a").first
    link.wait_for(timeout=TIMEOUT)
    with page.expect_download(timeout=TIMEOUT) as info:
        link.click()
    target = out / info.value.suggested_filename
    info.value.save_as(target)
    return target


def test_batch_upload_run_and_download(app: RunningApp, page, tmp_path: Path) -> None:  # noqa: ANN001
    questions = [s for _, s in unique_sentences(app.service.searcher.chunks)[:3]]
    source = tmp_path / "questions.txt"
    source.write_text("\n".join(questions) + "\n", encoding="utf-8")

    page.get_by_role("tab", name="批量 Batch").click()
    page.locator("#batch-file input[type=file]").set_input_files(str(source))
    page.locator("#batch-file", has_text="questions.txt").wait_for(timeout=TIMEOUT)
    page.locator("#batch-button").click()
    page.locator("#batch-status .qa-msg-ok").wait_for(timeout=TIMEOUT)
    table = page.locator("#batch-table").inner_text()
    assert questions[0][:12] in table

    csv_file = _download(page, "#batch-csv", tmp_path)
    rows = list(csv.DictReader(io.StringIO(csv_file.read_text(encoding="utf-8-sig"))))
    assert {r["question"] for r in rows} == set(questions)
    assert all(r["citation"] for r in rows)

    jsonl_file = _download(page, "#batch-jsonl", tmp_path)
    records = [json.loads(line) for line in jsonl_file.read_text(encoding="utf-8").splitlines()]
    assert [r["question"] for r in records] == questions
    assert all(r["hits"] and r["hits"][0]["citation"] for r in records)


def test_upload_document_then_find_it_and_reject_bad_file(app: RunningApp, page, tmp_path: Path) -> None:  # noqa: ANN001
    sentence = "紫藤湖畔的机器人图书管理员每天清晨都会给三千本旧书逐页除尘。"
    good = tmp_path / "robot_librarian.txt"
    good.write_text(f"机器人图书馆\n\n{sentence}它从不在借阅记录上出错。\n", encoding="utf-8")

    page.get_by_role("tab", name="文档 Documents").click()
    upload = page.locator("#docs-upload input[type=file]")
    upload.set_input_files(str(good))
    page.locator("#docs-upload", has_text=good.name).wait_for(timeout=TIMEOUT)
    page.locator("#docs-add").click()
    page.locator("#docs-status .qa-msg-ok").wait_for(timeout=TIMEOUT)
    assert good.name in page.locator("#docs-status").inner_text()
    page.locator("#docs-table", has_text=good.name).wait_for(timeout=TIMEOUT)

    ask(page, "机器人图书管理员每天清晨做什么？")
    card = card_with(page, f"{good.name}:")
    assert "除尘" in card.locator(".qa-text").inner_text()

    # A binary file is refused with a message; the index (old and new documents) still answers.
    bad = tmp_path / "scan.txt"
    bad.write_bytes(b"\x00\x01\x02\x03 not text \xff\xfe" * 20)
    page.get_by_role("tab", name="文档 Documents").click()
    upload.set_input_files(str(bad))
    page.locator("#docs-upload", has_text=bad.name).wait_for(timeout=TIMEOUT)
    page.locator("#docs-add").click()
    error = page.locator("#docs-status .qa-msg-error")
    error.wait_for(timeout=TIMEOUT)
    assert bad.name in error.inner_text()
    assert "scan.txt" not in app.service.doc_ids()

    ask(page, "机器人图书管理员清晨都做些什么？")  # not the question above: its results must be new ones
    card_with(page, f"{good.name}:")
    _, old_sentence, old_hit = answerable(app.service)
    ask(page, old_sentence)
    card_with(page, old_hit.citation)


# ---- issue 11: trust -------------------------------------------------------------------------


def _new_page(browser, app: RunningApp, **options):  # noqa: ANN001, ANN202
    context = browser.new_context(**{"viewport": {"width": 1280, "height": 1000}, **options})
    page = context.new_page()
    page.goto(app.url)
    page.locator("#ask-question textarea").wait_for(timeout=TIMEOUT)
    return context, page


def test_cards_show_rank_and_keyboard_reaches_them(app: RunningApp, page) -> None:  # noqa: ANN001
    focused = page.evaluate("document.activeElement && document.activeElement.closest('#ask-question') !== null")
    assert focused, "the question box is focused when the page opens"
    _, sentence, target = answerable(app.service)
    ask(page, sentence)
    card = card_with(page, target.citation)
    assert card.get_attribute("tabindex") == "0"
    assert card.locator(".qa-citation").get_attribute("tabindex") == "0"
    assert "score" not in card.locator(".qa-card-head").inner_text(), "no uncalibrated score on the card"
    card.focus()
    assert page.evaluate("document.activeElement.classList.contains('qa-card')")


def test_results_carry_their_settings_and_refresh_on_change(app: RunningApp, page) -> None:  # noqa: ANN001
    _, sentence, _ = answerable(app.service)
    ask(page, sentence)
    settings = page.locator("#ask-results .qa-settings")
    settings.wait_for(timeout=TIMEOUT)
    assert "hybrid" in settings.inner_text()
    page.locator("#ask-mode label", has_text="keyword").click()
    page.locator("#ask-results .qa-setting[data-key=mode]", has_text="keyword").wait_for(timeout=TIMEOUT)


def test_error_box_follows_dark_mode(app: RunningApp, browser) -> None:  # noqa: ANN001
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="dark")
    page = context.new_page()
    page.goto(app.url + "?__theme=dark")
    page.locator("#ask-button").click()
    error = page.locator("#ask-results .qa-msg-error")
    error.wait_for(timeout=TIMEOUT)
    rgb = page.evaluate("getComputedStyle(document.querySelector('#ask-results .qa-msg-error')).backgroundColor")
    r, g, b = (int(x) for x in re.findall(r"\d+", rgb)[:3])
    assert (0.299 * r + 0.587 * g + 0.114 * b) < 128, f"a light error box on a dark page: {rgb}"
    assert re.search(r"[\u4e00-\u9fff]", error.inner_text()) and "empty" in error.inner_text()
    context.close()


def test_batch_reports_empty_rows_answers_and_gold(app: RunningApp, page, tmp_path: Path) -> None:  # noqa: ANN001
    pairs = unique_sentences(app.service.searcher.chunks)[:3]
    source = tmp_path / "gold.csv"
    with source.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "question", "answer"])
        writer.writerow(["q1", pairs[0][1], pairs[0][1][:8]])
        writer.writerow(["q2", "", ""])  # an empty question: reported, never searched as "q2"
        writer.writerow(["q3", pairs[1][1], pairs[1][1][:8]])

    page.get_by_role("tab", name="批量 Batch").click()
    page.locator("#batch-file input[type=file]").set_input_files(str(source))
    page.locator("#batch-file", has_text="gold.csv").wait_for(timeout=TIMEOUT)
    page.locator("#batch-button").click()
    status = page.locator("#batch-status .qa-msg", has_text="完成 Done")
    status.wait_for(timeout=TIMEOUT)
    text = status.inner_text()
    assert "Skipped 1" in text and "line 3" in text
    assert "hit@1" in text
    table = page.locator("#batch-table")
    assert "q2" not in table.inner_text()
    # The answering sentence has its own column; a row click shows the whole passage, answer marked.
    page.locator("#batch-table [role=gridcell]", has_text=pairs[0][1][:12]).first.click()
    detail = page.locator("#batch-detail .qa-detail")
    detail.wait_for(timeout=TIMEOUT)
    assert detail.locator("mark.qa-answer").count() >= 1
    csv_file = _download(page, "#batch-csv", tmp_path)
    rows = list(csv.DictReader(io.StringIO(csv_file.read_text(encoding="utf-8-sig"))))
    assert {r["question_id"] for r in rows} == {"q1", "q3"}
    assert all(r["answer"] and r["answer"] in r["text"] for r in rows)


def test_outline_draws_each_heading_once_with_parts(app: RunningApp, page) -> None:  # noqa: ANN001
    doc_id = app.service.doc_ids()[0]
    outline = app.service.outline(doc_id)
    prefixes = {tuple(s["path"][:d]) for s in outline["sections"] for d in range(1, len(s["path"]) + 1)}
    page.get_by_role("tab", name="文档 Documents").click()
    items = page.locator("#docs-outline .qa-outline-item")
    items.first.wait_for(timeout=TIMEOUT)
    assert items.count() == len(prefixes)
    meta = " ".join(page.locator("#docs-outline .qa-outline-meta").all_inner_texts())
    assert "–" not in meta  # the citations' line format: 39-52,136-140
    if any(len(s["parts"]) > 1 for s in outline["sections"]):
        assert "parts" in meta


def test_phone_layout(app: RunningApp, browser) -> None:  # noqa: ANN001
    context, page = _new_page(browser, app, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    _, sentence, target = answerable(app.service)
    ask(page, sentence)
    first = page.locator("#ask-results .qa-card").first
    first.wait_for(timeout=TIMEOUT)
    assert first.bounding_box()["y"] < 844, "the first result starts within the first screen"
    pairs = unique_sentences(app.service.searcher.chunks)
    page.get_by_role("tab", name="对比 Compare").click()
    page.locator("#cmp-question-a textarea").fill(pairs[0][1])
    page.locator("#cmp-question-b textarea").fill(pairs[1][1])
    page.locator("#cmp-button").click()
    columns = page.locator("#cmp-result .qa-col")
    columns.nth(1).wait_for(timeout=TIMEOUT)
    a, b = columns.nth(0).bounding_box(), columns.nth(1).bounding_box()
    assert b["y"] >= a["y"] + a["height"] - 1, "Compare stacks to one column on a phone"
    assert a["width"] > 300
    context.close()


def test_an_ask_is_answered_while_a_batch_runs_and_stop_keeps_results(
    app: RunningApp,
    browser,
    page,
    tmp_path: Path,  # noqa: ANN001
) -> None:
    pairs = unique_sentences(app.service.searcher.chunks)
    questions = [f"{pairs[i % len(pairs)][1]} {i}" for i in range(3000)]
    source = tmp_path / "many.txt"
    source.write_text("\n".join(questions) + "\n", encoding="utf-8")
    page.get_by_role("tab", name="批量 Batch").click()
    page.locator("#batch-file input[type=file]").set_input_files(str(source))
    page.locator("#batch-file", has_text="many.txt").wait_for(timeout=TIMEOUT)
    page.locator("#batch-button").click()
    # Running: our status line, or (any version) Gradio's progress tracker on the status box.
    running = "#batch-status .qa-msg:has-text('Running'), #batch-status [data-testid=status-tracker]:not(.hide)"
    page.locator(running).first.wait_for(timeout=TIMEOUT)
    for output in ("#batch-table", "#batch-csv", "#batch-jsonl"):  # one progress bar, on the status line
        assert page.locator(f"{output} .progress-text").count() == 0, output

    other, asker = _new_page(browser, app)
    _, sentence, target = answerable(app.service)
    ask(asker, sentence)
    card_with(asker, target.citation)
    other.close()
    assert "Done" not in page.locator("#batch-status").inner_text(), "the Ask waited for the whole batch"

    page.locator("#batch-stop").click()
    stopped = page.locator("#batch-status .qa-msg", has_text="已停止 Stopped")
    stopped.wait_for(timeout=TIMEOUT)
    done = int(re.search(r"(\d+)/3000", stopped.inner_text()).group(1))
    assert 0 < done < 3000
    assert page.locator("#batch-table [role=row]").count() >= 2


def test_same_name_upload_asks_then_undo(app: RunningApp, page, tmp_path: Path) -> None:  # noqa: ANN001
    """Last: it changes the index (and puts it back)."""
    doc_id = app.service.doc_ids()[0]
    impostor = tmp_path / doc_id
    impostor.write_text("冒名文件\n\n这份同名文件讲的是海底图书馆的开放时间。\n", encoding="utf-8")
    page.get_by_role("tab", name="文档 Documents").click()
    page.locator("#docs-outline .qa-outline-item").first.wait_for(timeout=TIMEOUT)
    outline_before = page.locator("#docs-outline .qa-outline").inner_text()
    upload = page.locator("#docs-upload input[type=file]")

    upload.set_input_files(str(impostor))
    page.locator("#docs-upload", has_text=impostor.name).wait_for(timeout=TIMEOUT)
    page.locator("#docs-add").click()
    page.locator("#docs-status .qa-msg-warn", has_text=doc_id).wait_for(timeout=TIMEOUT)
    page.locator("#docs-replace").wait_for(state="visible", timeout=TIMEOUT)
    assert page.locator("#docs-keep-both").is_visible()
    page.locator("#docs-cancel").click()
    page.locator("#docs-status", has_text="Cancelled").wait_for(timeout=TIMEOUT)
    assert app.service.doc_ids().count(doc_id) == 1 and len(app.service.doc_ids()) >= 1

    upload.set_input_files(str(impostor))
    page.locator("#docs-upload", has_text=impostor.name).wait_for(timeout=TIMEOUT)
    page.locator("#docs-add").click()
    page.locator("#docs-replace").click()
    page.locator("#docs-status .qa-msg", has_text="Replaced").wait_for(timeout=TIMEOUT)
    page.locator("#docs-outline", has_text="冒名文件").wait_for(timeout=TIMEOUT)  # the outline follows
    page.locator("#docs-undo-info", has_text=doc_id).wait_for(timeout=TIMEOUT)

    page.locator("#docs-undo").click()
    page.locator("#docs-status", has_text="Undone").wait_for(timeout=TIMEOUT)
    page.wait_for_function(
        "before => document.querySelector('#docs-outline .qa-outline').innerText === before",
        arg=outline_before,
        timeout=TIMEOUT,
    )
    assert page.locator("#docs-undo").is_disabled()


def test_remove_document_asks_then_removes_and_undo_restores(app: RunningApp, page, tmp_path: Path) -> None:  # noqa: ANN001
    """Last too: it removes a document (and puts it back)."""
    note = tmp_path / "storeroom_note.txt"
    note.write_text("库房\n\n旧打印机已经搬到二楼库房的北墙边。\n", encoding="utf-8")
    app.service.add_documents([note], on_conflict="keep_both")  # at least two documents: one may go
    page.get_by_role("tab", name="文档 Documents").click()
    page.locator("#docs-table", has_text=note.name).wait_for(timeout=TIMEOUT)
    doc_id = page.locator("#docs-outline-doc input").input_value()
    assert doc_id in app.service.doc_ids()
    table = page.locator("#docs-table")

    page.locator("#docs-remove").click()
    page.locator("#docs-status .qa-msg-warn", has_text=doc_id).wait_for(timeout=TIMEOUT)
    page.locator("#docs-remove-no").click()
    page.locator("#docs-status", has_text="Cancelled").wait_for(timeout=TIMEOUT)
    assert doc_id in table.inner_text()

    page.locator("#docs-remove").click()
    page.locator("#docs-remove-yes").click()
    page.locator("#docs-status .qa-msg", has_text="Removed").wait_for(timeout=TIMEOUT)
    page.wait_for_function(
        "id => !document.querySelector('#docs-table').innerText.includes(id)", arg=doc_id, timeout=TIMEOUT
    )
    assert doc_id not in app.service.doc_ids()
    assert page.locator("#docs-outline-doc input").input_value() != doc_id  # the picker moved on
    page.locator("#docs-undo-info", has_text=doc_id).wait_for(timeout=TIMEOUT)

    page.locator("#docs-undo").click()
    page.locator("#docs-status", has_text="Undone").wait_for(timeout=TIMEOUT)
    table.filter(has_text=doc_id).wait_for(timeout=TIMEOUT)
    assert doc_id in app.service.doc_ids()
