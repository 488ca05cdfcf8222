"""'What is the deposit?' over a tenancy agreement: the clause that says what the deposit is comes first, not the
short one that only names it ('…the landlord may retain the deposit.'), which BM25 and the window cosines
favoured for being short (``qa.definitions``). Questions whose answer no sentence defines, and Chinese questions,
keep their order.
"""

from __future__ import annotations

import pytest

from qa import definitions
from qa.build import build_index
from qa.definitions import subject_scores
from qa.search import Searcher

AGREEMENT = """# Tenancy Agreement

## Article 1

The tenant rents the flat at 12 Harbour Road for two years from 1 March 2026.

## Article 2

The monthly rent is GBP 950, paid on the first day of each month by standing order. The deposit is GBP 1,200, held
in a government-approved protection scheme and returned within ten days after the tenancy ends, less agreed
deductions for damage beyond fair wear and tear.

## Article 3

The landlord repairs the structure and exterior of the flat; the tenant reports faults in writing.

## Article 4

If the tenant leaves before the end of the term, the landlord may retain the deposit.

## Article 5

Lost keys are replaced at the tenant's cost.
"""


@pytest.fixture(scope="module")
def agreement(tmp_path_factory, use_embedder) -> Searcher:
    folder = tmp_path_factory.mktemp("tenancy")
    (folder / "tenancy.md").write_text(AGREEMENT, encoding="utf-8")
    index = tmp_path_factory.mktemp("index") / "tenancy"
    build_index([folder], index, embedder=use_embedder, progress=False)
    return Searcher(index, embedder=use_embedder)


@pytest.mark.parametrize("question", ["What is the deposit?", "How much is the deposit?"])
def test_the_clause_that_states_the_deposit_comes_first(agreement: Searcher, question: str):
    hits = agreement.search(question, k=3, show_weak=True)
    assert "GBP 1,200" in hits[0].text, [h.text[:70] for h in hits]
    assert any("may retain the deposit" in h.text for h in hits[1:]), "the mentioning clause is still listed"


@pytest.mark.parametrize("question", ["Who repairs the flat?", "When does the tenancy start?", "押金是多少"])
def test_a_question_no_sentence_defines_keeps_its_order(agreement: Searcher, question: str, monkeypatch):
    shipped = [h.chunk.chunk_id for h in agreement.search(question, k=5, show_weak=True)]
    monkeypatch.setattr(definitions, "DEFINITION_WEIGHT", 0.0)
    without = [h.chunk.chunk_id for h in agreement.search(question, k=5, show_weak=True)]
    assert shipped == without


def test_a_subject_is_the_words_before_the_copula_and_nothing_inside_a_clause():
    texts = [
        "The deposit for the cleaning service is RMB 500.",
        "The landlord may retain the cleaning service deposit if the card is lost.",  # a verb first, then a clause
        "On termination, the deposit is returned.",  # the copula's subject is after a comma: not the deposit's
        "The deposit shall be paid before the keys are handed over.",
    ]
    scores = subject_scores(["deposit"], texts)
    assert scores[0] > 0 and scores[1] == 0 and scores[2] == 0 and scores[3] == 1.0, scores


def test_chinese_subjects_and_words_that_only_contain_a_copula():
    texts = ["储物柜押金为人民币500元。", "遗失卡片的，可扣留储物柜押金。", "因为储物柜押金较高，可分期支付。"]
    scores = subject_scores(["储物柜", "押金"], texts)
    assert scores[0] == 1.0 and scores[1] == 0 and scores[2] == 0, scores
