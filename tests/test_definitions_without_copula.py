"""'What is a hot desk?' over a handbook that defines it without 'is' ('Hot desk — a desk that …', 'Hot desk: a desk
…', 'The hot desk, a desk that …, …', 'Service level agreement (SLA) refers to …'): the defining passage comes first,
not the short one that only names the term (``qa.definitions.FORMS``). A label with a colon that is no definition
('Hot desk: see the intranet …') is never lifted, and a subject's other word forms count as the question's
(``qa.words.word_forms``, the one English morphology).
"""

from __future__ import annotations

import pytest

from qa import definitions
from qa.build import build_index
from qa.definitions import subject_scores
from qa.search import Searcher

HANDBOOK = """# Office handbook

## Desks

Hot desk — a desk that no one owns and anyone may book for a day. Staff read this handbook in their first week.

## Suppliers

Service level agreement (SLA) refers to a written promise of how quickly the supplier answers a fault. Older
versions are kept in the archive.

## Notes on desks

Questions about the hot desk go to the office manager.

## Notes on suppliers

SLA: see the intranet for the current form.
"""


@pytest.fixture(scope="module")
def handbook(tmp_path_factory, use_embedder) -> Searcher:
    folder = tmp_path_factory.mktemp("handbook")
    (folder / "handbook.md").write_text(HANDBOOK, encoding="utf-8")
    index = tmp_path_factory.mktemp("index") / "handbook"
    build_index([folder], index, embedder=use_embedder, progress=False)
    return Searcher(index, embedder=use_embedder)


@pytest.mark.parametrize(
    ("question", "answer"),
    [("What is a hot desk?", "no one owns"), ("What is an SLA?", "how quickly the supplier answers")],
)
def test_the_definition_without_a_copula_comes_first(handbook: Searcher, question: str, answer: str, monkeypatch):
    hits = handbook.search(question, k=3, show_weak=True)
    assert answer in hits[0].text, [h.text[:70] for h in hits]
    monkeypatch.setattr(definitions, "FORMS", ())  # without the copula-less forms the mention came first
    definitions.subject_words.cache_clear()
    try:
        assert answer not in handbook.search(question, k=3, show_weak=True)[0].text
    finally:
        definitions.subject_words.cache_clear()


@pytest.mark.parametrize(
    "sentence",
    [
        "Hot desk — a desk that no one owns and anyone may book for a day.",
        "Hot desk: a desk that no one owns.",
        "The hot desk, a desk that no one owns, is booked in the app.",
        "Hot desk refers to a desk that no one owns.",
        "Hot desk denotes a desk that no one owns.",
    ],
)
def test_copula_less_definitions_state_their_subject(sentence: str):
    assert subject_scores(["hot", "desk"], [sentence])[0] == 1.0


@pytest.mark.parametrize(
    "sentence",
    [
        "Hot desk: see the intranet for the booking form.",  # a label, then an instruction
        "Hot desk: if in doubt, ask the office manager.",  # a label, then a clause
        "Hot desk: the office manager may cancel a booking at any time.",  # a label, then a sentence of its own
        "Note: the hot desk is booked in the app.",  # the colon's label is not the question's words
        "If the hot desk is taken, the quiet room may be used.",  # a clause, then a comma
    ],
)
def test_a_colon_or_comma_that_opens_no_definition_is_not_lifted(sentence: str):
    assert subject_scores(["hot", "desk"], [sentence])[0] == 0.0


def test_an_abbreviation_in_brackets_is_the_subject_too():
    sentence = "Service level agreement (SLA) refers to a written promise."
    assert subject_scores(["sla"], [sentence])[0] == 1.0
    assert subject_scores(["service", "level", "agreement"], [sentence])[0] == 1.0
    # a gloss in brackets is part of the name, not a second one: 'shared desk' is not what this sentence defines
    assert subject_scores(["shared", "desk"], ["Hot desk (shared desk) is a desk that no one owns."])[0] < 1.0


def test_a_subject_in_another_word_form_is_the_question_s_word():
    # 'repairs' asked, 'repair' and 'printers' written: qa.words.word_forms, as keyword search matches them
    assert subject_scores(["repairs", "printer"], ["Repair of the printers is done by the IT desk."])[0] == 1.0
    # a longer word is no form of the question's ('repairman' is not 'repair')
    assert subject_scores(["repair"], ["The repairman is on call on Fridays."])[0] == 0.0
