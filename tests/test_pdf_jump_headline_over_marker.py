"""A continuation's headline set over its marker line is read before the marker and the columns under it.

On the jump page a desk sets the continued story's headline (smaller) over the middle of its columns and the marker
line '〔上接第1版〕' at the left under it. On a ConTeXt paper (a DIAGNOSIS seed, 21508: five columns, the continuation
at the top of page 2) the headline left the first column's top white beside it, so the marker and the first column
were read as leaves of their own before it: the continuation's first words were filed under the story printed before
them and the jump was not stitched. The paper is typeset by the real ConTeXt producer and read by the real reader;
skipped without ConTeXt.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.formats.pdf import read_pdf
from qa.structure import recover_outline
from tests.newspaper_context import context_available, make_context_newspaper
from tests.newspaper_pdfs import _norm

WHY_NOT = context_available()
pytestmark = pytest.mark.skipif(WHY_NOT is not None, reason=WHY_NOT or "")
SEED = 21508  # a diagnosis seed: its continuation is headed by the headline over a marker line


def test_the_continuation_under_a_headline_over_its_marker_is_cited_under_its_article(tmp_path: Path) -> None:
    paper = make_context_newspaper(tmp_path / "paper.pdf", SEED)
    assert paper.conventions["cont_head"] == "head_marker"
    outline = recover_outline(read_pdf(paper.path, paper.path.name))
    where = {i: s.path for s in outline.sections for i in s.paragraphs}
    stitched = 0
    for headline in paper.jumps:
        first = next(p for p in paper.pieces if p.article == headline and p.page == 2 and p.role == "body")
        opening = _norm(first.text)[:20]
        hits = [i for i, p in enumerate(outline.paragraphs) if opening in _norm(p.text)]
        stitched += bool(hits) and _norm(headline) in [_norm(t) for t in where.get(hits[0], ())]
    assert stitched >= 1  # the lead's continuation (the other's page is read across its columns: not this rule)


def test_every_continuation_keeps_its_marker_opening_its_text(tmp_path: Path) -> None:
    """The headline moved before the marker: the marker still opens the continuation's text, nothing before it."""
    paper = make_context_newspaper(tmp_path / "paper.pdf", SEED)
    outline = recover_outline(read_pdf(paper.path, paper.path.name))
    opened = [p.text for p in outline.paragraphs if "上接第1版" in p.text]
    assert opened and all(t.lstrip().startswith("〔上接第1版〕") for t in opened)
