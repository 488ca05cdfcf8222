"""Screenshots of the app for the README: ``python scripts/screenshots.py``.

Starts the app in-process over a fresh index of ``corpus/`` (in a temp dir, so the real index is
untouched), drives Debian's Chromium through playwright, and writes docs/ask.png (a cited answer
with the settings that produced it), docs/compare.png (a mode comparison: what each side found,
the passages both found, distinctive shared words), docs/batch.png (answer column, a row's
whole passage), docs/documents.png (the same-name question before anything is replaced) and
docs/phone.png (Ask at 390 px).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qa.webapp.main import create_service, serve  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
ASK = "重庆将如何建设和美乡村？"
COMPARE_A = "新重庆“新”在哪里？"
BATCH = ["重庆将如何建设和美乡村？", "新重庆“新”在哪里？", "成渝地区双城经济圈建设有什么进展？"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    parser.add_argument("--chromium", default=CHROMIUM)
    args = parser.parse_args(argv)

    from playwright.sync_api import sync_playwright

    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="qa-shots-") as tmp:
        service = create_service(Path(tmp) / "index", args.corpus)
        demo, url = serve(service, block=False)
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS)
                page = browser.new_page(viewport={"width": 1280, "height": 900}, device_scale_factor=1)
                page.goto(url)
                page.locator("#ask-question textarea").fill(ASK)
                page.locator("#ask-question textarea").press("Enter")
                page.locator("#ask-results .qa-card mark.qa-answer").first.wait_for(timeout=60_000)
                page.locator("#ask-results .qa-card details summary").first.click()
                page.screenshot(path=str(args.out / "ask.png"), full_page=False)

                page.get_by_role("tab", name="对比 Compare").click()
                page.locator("#cmp-question-a textarea").fill(COMPARE_A)
                page.locator("#cmp-mode-b label", has_text="dense").click()
                page.locator("#cmp-button").click()
                page.locator("#cmp-result .qa-compare mark.qa-shared").first.wait_for(timeout=60_000)
                page.set_viewport_size({"width": 1280, "height": 800})
                page.screenshot(path=str(args.out / "compare.png"), full_page=True)

                questions = Path(tmp) / "questions.txt"
                questions.write_text("\n".join(BATCH) + "\n", encoding="utf-8")
                page.get_by_role("tab", name="批量 Batch").click()
                page.locator("#batch-file input[type=file]").set_input_files(str(questions))
                page.locator("#batch-file", has_text="questions.txt").wait_for(timeout=60_000)
                page.locator("#batch-button").click()
                page.locator("#batch-status .qa-msg", has_text="Done").wait_for(timeout=60_000)
                page.locator("#batch-table [role=gridcell]", has_text=BATCH[0][:8]).first.click()
                page.locator("#batch-detail .qa-detail").wait_for(timeout=60_000)
                page.screenshot(path=str(args.out / "batch.png"), full_page=True)

                doc_id = service.doc_ids()[0]
                same_name = Path(tmp) / "upload" / doc_id
                same_name.parent.mkdir()
                same_name.write_text("同名文件\n\n一份与已索引文档同名的新文件。\n", encoding="utf-8")
                page.get_by_role("tab", name="文档 Documents").click()
                page.locator("#docs-outline .qa-outline-item").first.wait_for(timeout=60_000)
                page.locator("#docs-upload input[type=file]").set_input_files(str(same_name))
                page.locator("#docs-upload", has_text=doc_id).wait_for(timeout=60_000)
                page.locator("#docs-add").click()
                page.locator("#docs-replace").wait_for(state="visible", timeout=60_000)
                page.screenshot(path=str(args.out / "documents.png"), full_page=False)

                phone = browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=1, is_mobile=True)
                phone.goto(url)
                phone.locator("#ask-question textarea").fill(ASK)
                phone.locator("#ask-question textarea").press("Enter")
                phone.locator("#ask-results .qa-card mark.qa-answer").first.wait_for(timeout=60_000)
                phone.screenshot(path=str(args.out / "phone.png"), full_page=False)
                browser.close()
        finally:
            demo.close()
    for name in ("ask.png", "compare.png", "batch.png", "documents.png", "phone.png"):
        print(args.out / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
