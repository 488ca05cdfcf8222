"""Training data for the structure stage's line-role model, from generated pages (no page text is tuned by hand).

Used by ``benchmarks/structure.py``: ``--train`` fits the shipped weights on every family; the
leave-one-family-out part refits without the held-out family, so its figures come from a model
that never saw that family.
"""

from __future__ import annotations

from dataclasses import dataclass

from qa.paragraphs import split_paragraphs
from qa.structure import cues, line_roles
from qa.structure.script import is_traditional, simplified
from tests.layout_pages import TITLE_ROLES, Page, generate
from tests.scrambled_pages import Page as LegacyPage
from tests.scrambled_pages import generate_page as generate_legacy

LEGACY = "convention=legacy"  # the first generator's pages (tests/scrambled_pages.py): a whole layout convention
TRAIN_SEED0 = 100_000  # training pages never share a seed with evaluation pages (0..N)


@dataclass
class PageRows:
    families: set[str]
    rows: list[dict[str, float]]
    labels: list[int]


def page_rows(page: Page | LegacyPage) -> PageRows:
    """Features of every single-line paragraph the rules leave open, and whether it is a title-like line.

    Bylines, deks, datelines, editor's notes and 上接 markers are decided by rules before the model is asked, so
    they are not training rows either.
    """
    paras = split_paragraphs(page.document())
    work = simplified(paras) if is_traditional(paras) else paras
    texts = [p.text for p in work]
    lengths = sorted(len(t.strip()) for t in texts) or [0]
    median = float(lengths[len(lengths) // 2]) or 1.0
    roles = TITLE_ROLES if isinstance(page, Page) else {"heading", "title"}
    title_lines = {page.line_of[k] for k, b in enumerate(page.blocks) if b.role in roles}
    rows, labels = [], []
    for p in work:
        t = p.text
        ruled = cues.is_byline(t) or cues.is_dek(t) or cues.dateline(t) or cues.continuation_marker(t)
        if "\n" in t.strip() or ruled or cues.editor_note(t):
            continue
        rows.append(line_roles.features(texts, p.index, median))
        labels.append(int(p.line_start in title_lines))
    families = set(page.families()) if isinstance(page, Page) else {LEGACY}
    return PageRows(families, rows, labels)


def training_pages(n: int, legacy: int) -> list[PageRows]:
    """``n`` independent-dimension pages and ``legacy`` pages of the first generator's convention."""
    out = [page_rows(generate(TRAIN_SEED0 + s)) for s in range(n)]
    return out + [page_rows(generate_legacy(TRAIN_SEED0 + s)) for s in range(legacy)]


def fit(pages: list[PageRows], exclude: str | None = None) -> line_roles.LineModel:
    """Fit on the pages that do not carry the family ``exclude`` (e.g. 'order=reversed')."""
    rows: list[dict[str, float]] = []
    labels: list[int] = []
    for page in pages:
        if exclude is not None and exclude in page.families:
            continue
        rows.extend(page.rows)
        labels.extend(page.labels)
    return line_roles.fit(rows, labels)
