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
sys.path[:0] = [str(ROOT)]

from qa.loading import load_file  # noqa: E402
from qa.paragraphs import split_paragraphs  # noqa: E402
from qa.records import Document, Outline  # noqa: E402
from qa.structure import recover_outline  # noqa: E402
from qa.structure.naive import build_outline  # noqa: E402
from tests.scrambled_pages import Score, generate_page, page_gold, page_paths, path_hits, score_outline  # noqa: E402
from tests.structure_gold import ARTICLE_OF, KEYS, ORDERS, PAGE, PATHS  # noqa: E402

N_PAGES = 200


def naive(doc: Document) -> Outline:
    return build_outline(doc.doc_id, split_paragraphs(doc))


def run(method, label: str) -> list[tuple[str, str, Score, tuple[int, int], float]]:
    rows = []
    started = time.perf_counter()
    total, paths = Score(), [0, 0]
    for seed in range(N_PAGES):
        page = generate_page(seed)
        gold, orders = page_gold(page)
        outline = method(page.document())
        total.add(score_outline(outline, gold, page.keys, orders))
        hit, n = path_hits(outline, page_paths(page))
        paths[0] += hit
        paths[1] += n
    rows.append((label, f"generated ×{N_PAGES}", total, tuple(paths), time.perf_counter() - started))
    started = time.perf_counter()
    outline = method(load_file(PAGE))
    bundled = score_outline(outline, ARTICLE_OF, KEYS, ORDERS)
    rows.append((label, "bundled page", bundled, path_hits(outline, PATHS), time.perf_counter() - started))
    return rows


def _fmt(x: float) -> str:
    return "  n/a" if x != x else f"{x:5.3f}"


def main() -> None:
    rows = run(naive, "naive (first version)") + run(recover_outline, "structure stage")
    head = (
        f"{'method':<22} {'pages':<16} {'para→article':>20} {'stitch P':>9} {'stitch R':>9}"
        f" {'exact path':>11} {'seconds':>8}"
    )
    print(head)
    print("-" * len(head))
    for label, pages, s, (hit, n), secs in rows:
        acc = f"{s.accuracy:.3f} ({s.correct}/{s.total})"
        path = f"{hit / n:.3f}" if n else "n/a"
        stitch = f"{_fmt(s.precision):>9} {_fmt(s.recall):>9}"
        print(f"{label:<22} {pages:<16} {acc:>20} {stitch} {path:>11} {secs:8.1f}")
    print()
    print("para→article: body paragraphs whose section path names their gold article.")
    print("exact path: section path equals the gold path (generated: every body paragraph;")
    print("            bundled page: the hand-checked lines in tests/structure_gold.py PATHS).")
    print("stitch P/R: seams (head, continuation, glued?) that join mid-sentence or jump over other lines.")


if __name__ == "__main__":
    main()
