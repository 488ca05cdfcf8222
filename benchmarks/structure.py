"""Benchmark the structure stage against the first (naive) version.

Run as ``python benchmarks/structure.py``. Prints paragraph→article accuracy and stitch
precision/recall on N generated scrambled pages (tests/scrambled_pages.py) and on the bundled
page against its hand-written gold (tests/structure_gold.py), for both versions in one run.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from scrambled_pages import Score, generate_page, page_gold, score_outline  # noqa: E402
from structure_gold import ARTICLE_OF, KEYS, ORDERS, PAGE  # noqa: E402

from qa.loading import load_file  # noqa: E402
from qa.paragraphs import split_paragraphs  # noqa: E402
from qa.records import Document, Outline  # noqa: E402
from qa.structure import recover_outline  # noqa: E402
from qa.structure.naive import build_outline  # noqa: E402

N_PAGES = 200


def naive(doc: Document) -> Outline:
    return build_outline(doc.doc_id, split_paragraphs(doc))


def run(method, label: str) -> list[tuple[str, str, Score, float]]:
    rows = []
    started = time.perf_counter()
    total = Score()
    for seed in range(N_PAGES):
        page = generate_page(seed)
        gold, orders = page_gold(page)
        total.add(score_outline(method(page.document()), gold, page.keys, orders))
    rows.append((label, f"generated ×{N_PAGES}", total, time.perf_counter() - started))
    started = time.perf_counter()
    bundled = score_outline(method(load_file(PAGE)), ARTICLE_OF, KEYS, ORDERS)
    rows.append((label, "bundled page", bundled, time.perf_counter() - started))
    return rows


def _fmt(x: float) -> str:
    return "  n/a" if x != x else f"{x:5.3f}"


def main() -> None:
    rows = run(naive, "naive (first version)") + run(recover_outline, "structure stage")
    head = f"{'method':<22} {'pages':<16} {'para→article':>12} {'stitch P':>9} {'stitch R':>9} {'seconds':>8}"
    print(head)
    print("-" * len(head))
    for label, pages, s, secs in rows:
        acc = f"{s.accuracy:.3f} ({s.correct}/{s.total})"
        print(f"{label:<22} {pages:<16} {acc:>12} {_fmt(s.precision):>9} {_fmt(s.recall):>9} {secs:8.1f}")
    print()
    print("para→article: body paragraphs whose section path names their gold article.")
    print("stitch P/R: seams (head, continuation, glued?) that join mid-sentence or jump over other lines.")


if __name__ == "__main__":
    main()
