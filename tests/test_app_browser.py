"""The real app on loopback, driven by Debian's Chromium through playwright.

What is asserted is what a user sees: a highlighted answer in a card with its citation, two
comparison columns with shared wording marked, downloaded result files, an uploaded document
found by a search, and an error for a bad upload while the index keeps answering.
"""

from __future__ import annotations

import csv
import io
import json
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
    page.get_by_role("tab", name="提问 Ask").click()
    box = page.locator("#ask-question textarea")
    box.fill(question)
    box.press("Enter")


def card_with(page, citation: str):  # noqa: ANN001, ANN201
    card = page.locator("#ask-results .qa-card", has=page.locator(".qa-citation", has_text=citation)).first
    card.wait_for(timeout=TIMEOUT)
    return card


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

    ask(page, "机器人图书管理员每天清晨做什么？")
    card_with(page, f"{good.name}:")
    _, old_sentence, old_hit = answerable(app.service)
    ask(page, old_sentence)
    card_with(page, old_hit.citation)
