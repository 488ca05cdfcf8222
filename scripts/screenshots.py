"""Screenshots of the Ask and Compare tabs for the README: ``python scripts/screenshots.py``.

Starts the app in-process over a fresh index of ``corpus/`` (in a temp dir, so the real index is
untouched), drives Debian's Chromium through playwright, and writes docs/ask.png and
docs/compare.png.
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
COMPARE_B = "重庆如何推进乡村振兴？"


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
                page.locator("#cmp-question-b textarea").fill(COMPARE_B)
                page.locator("#cmp-button").click()
                page.locator("#cmp-result .qa-compare mark.qa-shared").first.wait_for(timeout=60_000)
                page.set_viewport_size({"width": 1280, "height": 800})
                page.screenshot(path=str(args.out / "compare.png"), full_page=True)
                browser.close()
        finally:
            demo.close()
    for name in ("ask.png", "compare.png"):
        print(args.out / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
