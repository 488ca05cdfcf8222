"""Training data for the structure stage's line-role model, from generated pages (no page text is tuned by hand).

Used by ``benchmarks/structure.py``: ``--train`` fits the shipped weights on every family; the
leave-one-family-out part refits without the held-out family, so its figures come from a model
that never saw that family.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

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
    texts: list[str]  # every paragraph (simplified script): the second pass reads the neighbours
    base: list[dict[str, float]]  # first-pass features of every paragraph
    open: list[int]  # the paragraphs the model is asked about (training rows)
    labels: list[int]  # title-like or not, for each of ``open``

    @property
    def rows(self) -> list[dict[str, float]]:
        return [self.base[i] for i in self.open]


def page_rows(page: Page | LegacyPage) -> PageRows:
    """Features of every paragraph, and which single-line paragraphs the rules leave open (with their labels).

    Bylines, deks, datelines, editor's notes and 上接 markers are decided by rules before the model is asked, so
    they are not training rows either.
    """
    paras = split_paragraphs(page.document())
    work = simplified(paras) if is_traditional(paras) else paras
    texts = [p.text for p in work]
    roles = TITLE_ROLES if isinstance(page, Page) else {"heading", "title"}
    title_lines = {page.line_of[k] for k, b in enumerate(page.blocks) if b.role in roles}
    open_rows, labels = [], []
    for p in work:
        t = p.text
        ruled = cues.is_byline(t) or cues.is_dek(t) or cues.dateline(t) or cues.continuation_marker(t)
        if "\n" in t.strip() or ruled or cues.editor_note(t):
            continue
        open_rows.append(p.index)
        labels.append(int(p.line_start in title_lines))
    families = set(page.families()) if isinstance(page, Page) else {LEGACY}
    return PageRows(families, texts, line_roles.page_features(texts), open_rows, labels)


def training_pages(n: int, legacy: int) -> list[PageRows]:
    """``n`` independent-dimension pages and ``legacy`` pages of the first generator's convention."""
    out = [page_rows(generate(TRAIN_SEED0 + s)) for s in range(n)]
    return out + [page_rows(generate_legacy(TRAIN_SEED0 + s)) for s in range(legacy)]


STACK = [True]  # False: the first pass alone (for the benchmark's comparison)
CROSS_FOLDS = 2  # the second pass learns from first-pass verdicts on pages that pass did not see


def _fit_first(pages: list[PageRows]) -> line_roles.LineModel:
    rows = [r for page in pages for r in page.rows]
    labels = [y for page in pages for y in page.labels]
    return line_roles.fit(rows, labels)


def fit(pages: list[PageRows], exclude: str | None = None) -> line_roles.LineModel:
    """Fit the two-pass line model on the pages that do not carry the family ``exclude`` (e.g. 'order=reversed').

    The first pass reads each line alone; the second reads it with the first pass's verdicts on its
    neighbours. The second pass is trained on verdicts made out of fold (a first pass fitted on the
    other pages), so it learns how far a real first pass can be trusted, not how well it remembers.
    """
    kept = [page for page in pages if exclude is None or exclude not in page.families]
    if not STACK[0]:
        return _fit_first(kept)
    rows: list[dict[str, float]] = []
    labels: list[int] = []
    for k in range(CROSS_FOLDS):
        first = _fit_first([page for j, page in enumerate(kept) if j % CROSS_FOLDS != k])
        for page in kept[k::CROSS_FOLDS]:
            stacked = line_roles.with_neighbours(page.texts, page.base, first)
            rows.extend(stacked[i] for i in page.open)
            labels.extend(page.labels)
    second = line_roles.fit(rows, labels)
    return replace(second, stage1=_fit_first(kept))
