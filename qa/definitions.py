"""Sentence-level evidence for ranking: does a passage *state* what the question asks about, or only mention it?

BM25 and the sentence-window cosines reward a passage for holding the question's words; a short clause that
merely names the thing ('The landlord may retain the deposit if the card is lost.') holds them as densely as the
clause that says what it is ('The deposit for the cleaning service is RMB 500.'), and, being short, often more.
What tells them apart is the shape of one sentence: the defining one opens with the question's words as its
subject, followed by a copula ('X is …', 'X shall be …', 'X equals …', 'X为…', 'X是…'); the mentioning one
names them after a verb, or inside a clause ('…when the pump room is inspected…').

``subject_scores`` gives each passage the best of its sentences' scores: the share of the question's content
words that the subject before the copula holds, divided by ``1 + `` the subject's other content words (a long
subject is about something else: 'Claims under the water pump warranty must be …'). A subject that holds a
verb or opens a clause (a modal, 'if', 'when', 'which' …, or a comma) scores 0. ``lift`` adds
``DEFINITION_WEIGHT`` x that score to the fused score of the best ``DEFINITION_DEPTH`` candidates of an English
(mostly non-Chinese) question; Chinese questions rank as before (``lift``).

The weight was chosen on TUNING sets only: the TUNING families of ``benchmarks/english_questions.py``
(handbooks and bilingual contracts where two facts per document are also named in a clause that does not
state them; n=108 questions per language) and CMRC's tuning part (``benchmarks/retrieval.py --parts tuning``,
500 Chinese and 52 English questions, hybrid hit@1):

    DEFINITION_WEIGHT   facts English  facts Chinese/mixed  CMRC tuning  CMRC English tuning
    0 (none)            0.694          0.759                0.970        0.769
    0.5                 0.861          0.833                0.976        0.769
    1.0                 0.926          0.861                0.978        0.769   <- best on CMRC, no English loss
    2.0                 1.000          0.852                0.968        0.750
    3.0                 1.000          0.861                0.958        0.750

(measured with the copulas is/are/was/were, modal + be, 为, 是; 'equals', 'amounts to', 'means' were added
after, for a lease's 'The deposit equals two months' rent'; Chinese questions were lifted too when this was
measured, and are not since: ``lift``). REPORT results are in the README (search section).

Definitions written without a copula ('Hot desk — a desk that …', 'Hot desk: a desk …', 'The hot desk, a desk
that …, …', 'X refers to / denotes / stands for …', 'Service level agreement (SLA) …' asked as 'What is an SLA?')
have subjects too (``FORMS``); a colon or dash counts only when a noun phrase follows it, so a label
('Hot desk: see the intranet …', '…: the manager may cancel …') is not lifted. Each form was kept on the TUNING
handbooks of ``benchmarks/english_definitions.py --sweep`` (hit@1, n=72; every form alone gains, none costs):

    FORMS               TUNING  REPORT (scored only)
    none                0.278   0.292
    one form alone      0.431-0.472 (abbreviation alone 0.278: it needs a subject)
    all but one         0.736-0.778 (all but abbreviation 0.931, MRR 0.952 vs 0.954)
    all (shipped)       0.931   0.972

On CMRC's 52 English TUNING questions (hybrid, the index of ``benchmarks/retrieval.py --models use-m3``) the forms
kept hit@1 at 0.769 once the abbreviation was only capitals ('(SLA)'): taking any bracket apart ('纳斯卡文明（Nazca
culture）') cost one question (0.750); REPORT's 72 stayed 0.694.
The word forms a subject and a question share are ``qa.words.word_forms`` (the forms keyword search looks up).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

import jieba
import numpy as np

from qa.sentences import sentence_spans
from qa.words import STOPWORDS, load_segmenter, tokens, word_forms

DEFINITION_WEIGHT = 1.0  # added to the fused score x the subject score (TUNING families; README)
CHINESE_FROM = 0.5  # questions at least this Chinese (qa.fusion.cjk_share) are not lifted
DEFINITION_DEPTH = 10  # candidates looked at: the ones the lift can reorder, their records read once

_EN_COPULA = re.compile(
    r"\b(?:is|are|was|were|equals?|amounts?\s+to|means|(?:may|can|must|shall|will|should|would|could|might)\s+be)\b",
    re.IGNORECASE,
)
_ZH_COPULA_CHAR = re.compile("[为是]")
_MODALS = frozenset("may can must shall will should would could might".split())
_ZH_COPULAS = frozenset("为 是".split())
# Words after which the words before a copula are no longer one subject: a verb has come (a modal), or a
# clause has opened ('the card is lost' in '…retain the deposit if the card is lost').
_CLAUSE = _MODALS | frozenset(
    "if when whenever where while unless until after before because although who whoever which that".split()
)
_COMMA = re.compile(r"[,，;；:：]")

# Definitions written without a copula, each a rule of its own (chosen on TUNING: ``ALL_FORMS``, README):
# 'Hot desk — a desk that …' (dash), 'Hot desk: a desk …' (colon), 'The hot desk, a desk that …, is …'
# (apposition): the words before the mark are the subject when a noun phrase follows it (``_noun_phrase``);
# 'SLA refers to / denotes / stands for …' (refers): verbs that define as a copula does; 'Service level agreement
# (SLA) …' (abbreviation): the name and the abbreviation in brackets are each the subject ('What is an SLA?').
ALL_FORMS = ("dash", "colon", "apposition", "refers", "abbreviation")
FORMS: tuple[str, ...] = ALL_FORMS
_SEPARATOR = {
    "dash": re.compile(r"\s+(?:--?|[—–])\s+|\s*[—–]\s*"),
    "colon": re.compile(r"\s*[:：]\s+"),
    "apposition": re.compile(r"\s*,\s+"),
}
_REFERS = re.compile(r"\b(?:refers?\s+to|denotes?|stands?\s+for)\b", re.IGNORECASE)
# After the mark, a noun phrase: an article, then no verb of its own before a relative word opens its clause
# ('a desk that no one owns and anyone may book' is one; 'the landlord may retain it if …' and 'see the
# intranet …' are sentences, the words before the colon only their label).
_ARTICLE = re.compile(r"(?:a|an|the)\s", re.IGNORECASE)
_RELATIVE = re.compile(r"\b(?:that|which|who|whom|whose|where|when)\b", re.IGNORECASE)
_VERB = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|do|does|did|may|can|must|shall|will|should|would|could|might)\b",
    re.IGNORECASE,
)
# An abbreviation in brackets after a name: capitals ('(SLA)', '（RPO）'); a name's translation or gloss in
# brackets ('纳斯卡文明（Nazca culture）') is not taken apart (on CMRC's English TUNING questions that cost one).
_BRACKETS = re.compile(r"\s*[(（]\s*([A-Z][A-Z0-9&]{1,9})\s*[)）]")


def _noun_phrase(text: str) -> bool:
    """Does ``text`` (what follows a dash, colon or comma) open with a noun phrase, not a sentence?"""
    if not _ARTICLE.match(text):
        return False
    relative = _RELATIVE.search(text)
    return _VERB.search(text, 0, relative.start() if relative else len(text)) is None


def _unmarked_end(sentence: str, before: int) -> int | None:
    """Where a copula-less definition's subject ends (``FORMS``: a mark followed by a noun phrase, or a defining
    verb), if before ``before``; else None."""
    ends = []
    for form, mark in _SEPARATOR.items():
        if form in FORMS:
            for hit in mark.finditer(sentence, 0, before):
                if _noun_phrase(sentence[hit.end() :]):
                    ends.append(hit.start())
                    break
    if "refers" in FORMS and (verb := _REFERS.search(sentence, 0, before)):
        ends.append(verb.start())
    return min(ends) if ends else None


def subject(sentence: str) -> str | None:
    """The words before the sentence's first copula ('is', a modal + 'be', '为', '是'), or None without one.

    English copulas are found in the text; Chinese ones as jieba words, so 因为, 作为, 是否 are not taken (only the
    text up to just after each candidate character is segmented: most sentences have none)."""
    found = _EN_COPULA.search(sentence)
    at = found.start() if found else len(sentence)
    unmarked = _unmarked_end(sentence, at) if FORMS else None
    at = unmarked if unmarked is not None else at
    for hit in _ZH_COPULA_CHAR.finditer(sentence, 0, at):
        load_segmenter()
        pos, start = 0, hit.start()
        for word in jieba.lcut(sentence[: start + 2]):
            if pos == start:
                if word in _ZH_COPULAS:
                    at = start
                break
            pos += len(word)
            if pos > start:
                break  # the character is inside a longer word (因为, 是否)
        if at == start:
            break
    if at >= len(sentence) or not sentence[:at].strip():
        return None
    return sentence[:at]


def question_forms(question_words: Sequence[str]) -> dict[str, str]:
    """Each question word, and each other regular form of it (``qa.words.word_forms``: the forms keyword search
    also looks up), mapped to the question's word: 'repairs' in a subject is the question's 'repair'."""
    forms: dict[str, str] = {}
    for w in question_words:
        if w and w not in forms:  # 'repair' after 'repairs' is the same word
            forms[w] = w
            for form in word_forms(w):
                forms.setdefault(form, w)
    return forms


def sentence_score(sentence: str, wanted: dict[str, str], fold_script: bool = True) -> float:
    """How well one sentence's subject (the words before its copula) is the question's content words (0..1);
    ``wanted``: ``question_forms``. A subject with an abbreviation in brackets scores as the better of its two
    names."""
    asked = set(wanted.values())
    best = 0.0
    for name in subject_words(sentence, fold_script):
        named = {wanted.get(w, w) for w in name}
        held = len(named & asked)
        if held:
            best = max(best, held / len(asked) / (1 + len(named) - held))
    return best


@lru_cache(maxsize=8192)  # overlapping chunks share sentences, and a popular passage comes back question after question
def subject_words(sentence: str, fold_script: bool = True) -> tuple[frozenset[str], ...]:
    """The content words of the sentence's subject, one set per name it goes by (the name, and an abbreviation in
    brackets: ``FORMS``); none without a copula, or when the words before it are not one subject (a comma, a
    modal or a clause word: '…retain the deposit if the card is lost')."""
    before = subject(sentence)
    if before is None:
        return ()
    names = [before]
    if "abbreviation" in FORMS and (brackets := _BRACKETS.search(before)):
        names = [before[: brackets.start()] + before[brackets.end() :], brackets.group(1)]
    out = []
    for name in names:
        if _COMMA.search(name):
            return ()
        words = tokens(name, fold_script)
        if any(w in _CLAUSE for w in words):
            return ()
        out.append(frozenset(w for w in words if w not in STOPWORDS))
    return tuple(out)


def subject_scores(question_words: Sequence[str], texts: Sequence[str], fold_script: bool = True) -> np.ndarray:
    """Per passage, the best ``sentence_score`` of its sentences (0 when the question has no content words)."""
    wanted = question_forms(question_words)
    out = np.zeros(len(texts), dtype=np.float64)
    if not wanted:
        return out
    for j, text in enumerate(texts):
        best = 0.0
        for a, b in sentence_spans(text):
            if b - a > 3:
                best = max(best, sentence_score(text[a:b], wanted, fold_script))
        out[j] = best
    return out


def lift(
    question_words: Sequence[str],
    ids: np.ndarray,
    scores: np.ndarray,
    fetch: Callable,
    fold_script: bool = True,
    question_share: float = 0.0,
) -> np.ndarray:
    """Fused ``scores`` plus ``DEFINITION_WEIGHT`` x the subject score, for the ``DEFINITION_DEPTH`` best.

    English (mostly non-Chinese: ``question_share``, ``qa.fusion.cjk_share``, below ``CHINESE_FROM``) questions
    only: on CMRC's Chinese questions the lift moved as many right answers down as up (tuning part +3 of 500,
    report part -3 of 500), so Chinese questions rank as they did.

    ``fetch(ids)`` gives chunk records (the question's memo). Candidates further down keep their score:
    the lift is at most ``DEFINITION_WEIGHT``, and a passage that far below the best rarely states the answer.
    """
    if not DEFINITION_WEIGHT or not len(ids) or not question_words or question_share >= CHINESE_FROM:
        return scores
    top = np.argsort(-scores, kind="stable")[:DEFINITION_DEPTH]
    records = fetch(ids[top])
    texts = [(c.text if (c := records.get(int(ids[j]))) is not None else "") for j in top]
    lifted = scores.astype(np.float64, copy=True)
    lifted[top] += DEFINITION_WEIGHT * subject_scores(question_words, texts, fold_script)
    return lifted.astype(scores.dtype)
