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


def subject(sentence: str) -> str | None:
    """The words before the sentence's first copula ('is', a modal + 'be', '为', '是'), or None without one.

    English copulas are found in the text; Chinese ones as jieba words, so 因为, 作为, 是否 are not taken (only the
    text up to just after each candidate character is segmented: most sentences have none)."""
    found = _EN_COPULA.search(sentence)
    at = found.start() if found else len(sentence)
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
    ``wanted``: ``question_forms``."""
    named = {wanted.get(w, w) for w in subject_words(sentence, fold_script)}
    held = len(named & set(wanted.values()))
    if not held:
        return 0.0
    return held / len(set(wanted.values())) / (1 + len(named) - held)


@lru_cache(maxsize=8192)  # overlapping chunks share sentences, and a popular passage comes back question after question
def subject_words(sentence: str, fold_script: bool = True) -> frozenset[str]:
    """The content words of the sentence's subject; empty without a copula, or when the words before
    it are not one subject (a comma, a modal or a clause word: '…retain the deposit if the card is lost')."""
    before = subject(sentence)
    if before is None or _COMMA.search(before):
        return frozenset()
    words = tokens(before, fold_script)
    if any(w in _CLAUSE for w in words):
        return frozenset()
    return frozenset(w for w in words if w not in STOPWORDS)


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
