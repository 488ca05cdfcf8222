"""Generated pages laid out in reading order: the structure stage should call their sections confident.

A ``tests/layout_pages.py`` page put back together: every continuation follows its own article, no
jump markers, cuts only at paragraph or sentence ends — the layout a report or a tidy web page has.
Same articles, headlines, kickers, bylines, briefs and editorials as the scrambled pages, so the
only difference a confidence model can see is that nothing was moved.
"""

from __future__ import annotations

import dataclasses

from tests.layout_pages import Page, generate, print_blocks

CLEAN = "layout=clean"  # the family name of these pages in benchmarks


def clean_page(seed: int, dims: dict[str, str] | None = None) -> Page:
    """The page ``generate(seed)`` would print, in reading order (gold labels kept)."""
    page = generate(seed, {**(dims or {}), "markers": "none", "cut": "end"})
    blocks = [b for b in page.blocks if not b.continuation and b.role != "jump_head"]
    for b in (b for b in page.blocks if b.continuation):
        last = max(i for i, x in enumerate(blocks) if x.article == b.article)
        blocks.insert(last + 1, dataclasses.replace(b, continuation=False))
    text, line_of = print_blocks(blocks, blank_lines=page.dims["paragraphs"] == "blank")
    dims = {k: v for k, v in page.dims.items() if k not in ("order", "cut", "markers")}
    return Page(seed=seed, dims=dims, text=text, blocks=blocks, line_of=line_of, keys=page.keys)


def families(page: Page) -> list[str]:
    return [CLEAN, *page.families()]
