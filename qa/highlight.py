"""Find the sentence(s) of a passage that best answer a question, as character offsets.

Two views of "answers the question", mixed the same way fusion mixes them for ranking:

* word overlap: the share of the question's character bigrams (and Latin words, numbers) a
  sentence contains, gently damped for long sentences, which pinpoints the answering sentence
  of a Chinese factual question without any model call or word segmentation;
* meaning: the cosine between the question vector and each sentence window's vector (the same
  windows dense search scores), which is the only signal when an English question is asked of
  Chinese text and no word is shared.

``keyword_weight`` (from ``qa.fusion``) says how much to trust overlap for this question; with no
window vectors the overlap alone decides, as in the first version.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from qa.dense import window_spans
from qa.sentences import sentence_spans
from qa.words import STOPWORDS, simplified

_MIN_SCORE = 1e-9
_CJK_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
_LATIN_RUN = re.compile(r"[A-Za-z]+|[0-9]+")
# Question words and their bigrams say what is asked, not where the answer is.
_STOP_GRAMS = frozenset(STOPWORDS) | {"什么", "哪一", "一年", "哪个", "哪些", "多少", "为什", "怎么", "如何", "是否"}


def _grams(text: str) -> set[str]:
    """Character bigrams of CJK runs plus lower-cased Latin words and numbers.

    Bigrams rather than jieba words: they need no segmentation (jieba costs ~2 ms per passage,
    too much per hit per query) and match Chinese word overlap closely.
    """
    grams: set[str] = set()
    for run in _CJK_RUN.findall(simplified(text)):  # 經費 and 经费 are one word (qa.words.simplified)
        grams.update(run[i : i + 2] for i in range(max(1, len(run) - 1)))
    grams.update(_latin_key(w.lower()) for w in _LATIN_RUN.findall(text) if w.lower() not in _STOP_GRAMS)
    return grams - _STOP_GRAMS


def _latin_key(word: str) -> str:
    """An English word without its regular ending, the same on both sides: 'deposits' and 'deposit', 'refunded'
    and 'refund' are one gram (``qa.words.word_forms`` lets search find them; the highlight must agree)."""
    if len(word) <= 4 or not word.isalpha():
        return word
    if word.endswith("ies"):
        word = word[:-3] + "y"
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for ending in ("ing", "ed"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            word = word[: -len(ending)]
            break
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


@lru_cache(maxsize=64)
def _question_grams(question: str) -> frozenset[str]:
    """``_grams`` of a question, kept for its next hits (the same question is highlighted in each)."""
    return frozenset(_grams(question))


def _overlap(wanted: set[str], piece: str, total: float | None = None) -> float:
    """Share of the question's grams found in ``piece`` (Latin words weigh their length), gently
    damped by the piece's length so a long sentence does not win by mentioning everything."""
    grams = _grams(piece)
    if not grams or not wanted:
        return 0.0
    total = total if total is not None else _weight(wanted)
    return _weight(grams & wanted) / total / (1 + len(grams) / 100)


def _weight(grams: set[str]) -> int:
    """A CJK bigram counts 1, a Latin word or number its length."""
    return len(grams) + sum(len(g) - 1 for g in grams if g.isascii())


def _simplified_same_length(text: str) -> str:
    """``text`` read as simplified (the question's grams are), when that keeps every offset: OpenCC's t2s
    maps one character to one almost always; a phrase that changes length leaves the text as written."""
    folded = simplified(text)
    return folded if len(folded) == len(text) else text


def _span_overlaps(wanted: set[str], total: int, text: str, spans: list[tuple[int, int]]) -> np.ndarray:
    """Word-overlap score of every span at once.

    Each question gram is looked up in the passage once (``str.find``) instead of building every
    sentence's gram set (5x faster per hit). A gram found in many sentences of the passage (the
    topic, repeated throughout) counts less than one found in a single sentence (the detail the
    question asks about): weight x log(1 + sentences / sentences containing it).
    """
    scores = np.zeros(len(spans))
    if not wanted or not total:
        return scores
    lowered = _simplified_same_length(text).lower()
    starts = [a for a, _ in spans]
    found: list[set[str]] = [set() for _ in spans]
    for gram in wanted:
        pos = lowered.find(gram)
        while pos >= 0:
            i = bisect_right(starts, pos) - 1  # a plain list: numpy's searchsorted costs ~1 µs a call
            if i >= 0 and pos + len(gram) <= spans[i][1]:
                found[i].add(gram)
            pos = lowered.find(gram, pos + 1)
    df: dict[str, int] = {}
    for grams in found:
        for gram in grams:
            df[gram] = df.get(gram, 0) + 1
    n = len(spans)
    for i, (a, b) in enumerate(spans):
        if found[i]:
            # _weight({g}): a CJK bigram 1, a Latin word or number its length.
            weight = sum((len(g) if g.isascii() else 1) * math.log(1 + n / df[g]) for g in found[i])
            scores[i] = weight / total / (1 + (b - a) / 100)
    return scores


_SENTENCE_END = tuple("。！？!?；;…：:")  # a line ending so is a sentence (or introduces one), no label
_LIST_ITEM = re.compile(r"^\s*(?:[-*•·]|\d+[.、)）]|[（(]\d+[)）]|[一二三四五六七八九十]+、)\s*\S")
LABEL_CHARS = 40  # a line at most this long, with no sentence end, that more text follows, is a label


def _is_row(line: str) -> bool:
    return "|" in line or "\t" in line.strip()


def label_spans(text: str, spans: list[tuple[int, int]]) -> list[bool]:
    """Which spans are labels: a heading-like line (short, no sentence end, more text after it: '家庭护理怎么做',
    '出现这些情况要马上就医', a table's title; at most ``LABEL_CHARS``, no 'key：value') or a table's first row.

    A label repeats the question's words (it names the topic) without answering it; the answer is in the
    lines it introduces. Pages without marked headings (WeChat articles, HTML tables) keep such lines in
    the passage text, where they out-score the answering line on word overlap.
    """
    lines: list[tuple[int, int, bool]] = []
    pos = 0
    for raw in text.split("\n"):
        end = pos + len(raw)
        lines.append((pos, end, bool(raw.strip())))
        pos = end + 1
    out = []
    for a, _ in spans:
        i = next((k for k, (la, lb, _) in enumerate(lines) if la <= a <= lb), None)
        if i is None:
            out.append(False)
            continue
        la, lb, _ = lines[i]
        line = text[la:lb].strip()
        later = any(filled for _, _, filled in lines[i + 1 :])
        if _is_row(line):
            before = i > 0 and lines[i - 1][2] and _is_row(text[lines[i - 1][0] : lines[i - 1][1]])
            out.append(later and not before)  # a table's first row: the column names
            continue
        # At a passage's end too: a chunk may be cut right after a heading (the lines it names follow in
        # the next chunk). A 'key：value' line ('电话：023-…') states something and is no label.
        out.append(
            0 < len(line) <= LABEL_CHARS
            and not re.search(r"\S[：:]\s*\S", re.sub(r"（[^）]*）|\([^)]*\)", "", line))
            and not line.endswith(_SENTENCE_END)
            and not _LIST_ITEM.match(line)
        )
    return out


# A question set in the passage ('问：居住证怎么办理？', 'Q: How do I reset it?', '为什么冬天容易摔倒？因为…'):
# it repeats the asker's words best of all, and its answer is what follows it. 'Q' and '问' only as a FAQ's
# marks: 'Q3：营收…' is a quarter, '问题：资金缺口较大' a finding.
_ASKED = re.compile(r"^\s*(?:问|提问|Q)\s*[：:]")


def _asks(piece: str) -> bool:
    piece = piece.strip()
    return piece.endswith(("？", "?")) or bool(_ASKED.match(piece))


def answered(text: str, spans: list[tuple[int, int]], best: list[int], scores: Sequence[float]) -> list[int]:
    """``best`` with a question sentence replaced by its answer: the best-scoring sentence (``scores``) of those that
    follow it up to the next question, the first of them on a tie.

    FAQs, interviews and Q/A notices write the question out before its answer; word overlap marks the question (it
    holds every word asked), which tells the reader nothing. A question followed by another question (a quiz, a
    list of questions) has no answer after it, and a question last in the passage (its answer cut into the next
    chunk) still shows where the answer starts: both stay marked."""
    out: list[int] = []
    for i in best:
        run: list[int] = []
        j = i + 1
        while j < len(spans) and not _asks(text[spans[j][0] : spans[j][1]]):
            run.append(j)
            j += 1
        if _asks(text[spans[i][0] : spans[i][1]]) and run:
            out.append(max(run, key=lambda k: (scores[k], -k)))
        else:
            out.append(i)
    return sorted(set(out))


def _unlabel(lexical: list[float], labels: list[bool]) -> list[float]:
    """Overlap of labels set to zero when a line that is not a label overlaps the question at all."""
    if any(labels) and any(x > _MIN_SCORE for x, is_label in zip(lexical, labels, strict=True) if not is_label):
        return [0.0 if is_label else x for x, is_label in zip(lexical, labels, strict=True)]
    return lexical


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    piece = text[start:end]
    return start + len(piece) - len(piece.lstrip()), end - (len(piece) - len(piece.rstrip()))


def highlight_spans(
    question: str,
    text: str,
    max_sentences: int = 1,
    window_cosines: Sequence[float] | None = None,
    keyword_weight: float = 1.0,
    shown: Sequence[str] = (),
) -> list[tuple[int, int]]:
    """Offsets of the best-answering sentence(s) in ``text``, trimmed of surrounding space.

    ``window_cosines`` are the question's cosines with ``qa.dense.window_spans(text)`` (in that
    order); when given, each sentence also gets the best cosine of the windows it overlaps, and
    sentences are ranked by a ``keyword_weight`` mix of overlap and meaning (each scaled to 0..1
    within the passage). Without them overlap alone decides, as in the first version.
    ``shown``: texts already on screen (higher hits of the same document); a sentence they hold is
    not picked (the hit's new lines are looked at instead; ``fresh_answer``).
    """
    wanted = _question_grams(question)
    sentences = sentence_spans(text)
    spans = [_trim(text, a, b) for a, b in sentences]
    spans = [(a, b) for a, b in spans if a < b]
    if shown:
        seen = [(a, b) for a, b in spans if any(text[a:b] in other for other in shown)]
        spans = [span for span in spans if span not in seen]  # windows stay those of the whole text
    if not spans:
        return []
    total = _weight(wanted)
    windows = window_spans(text, sentences) if window_cosines is not None else []
    if window_cosines is not None and len(windows) == len(window_cosines):
        cos = np.asarray(window_cosines, dtype=np.float64)
        # Overlap is exact and per sentence, window cosines are coarser (a window may hold several
        # sentences), so overlap gets more say here than in ranking: 0.7 -> 0.91, 0.3 -> 0.51, 0 -> 0.
        lexical_share = 1 - (1 - keyword_weight) ** 2
        if lexical_share < 0.5:
            # Mostly meaning (e.g. an English question over Chinese text): mark whole windows, the
            # unit the cosines were measured on, instead of splitting a window's tie arbitrarily.
            lex_w = _span_overlaps(wanted, total, text, windows)
            lex_w = lex_w / lex_w.max() if lex_w.max() > 0 else lex_w
            spread_w = cos.max() - cos.min()
            cos_n = (cos - cos.min()) / spread_w if spread_w > 1e-9 else np.zeros_like(cos)
            mixed_w = lexical_share * lex_w + (1 - lexical_share) * cos_n
            best_w = np.argsort(-mixed_w, kind="stable")[:max_sentences]
            return [_trim(text, *windows[i]) for i in sorted(best_w)]
        # A passage has a handful of sentences: plain floats here, numpy's per-call cost is most of
        # the work at this size (same arithmetic, same order of operations).
        lexical = _unlabel(_span_overlaps(wanted, total, text, spans).tolist(), label_spans(text, spans))
        cosines = cos.tolist()
        lowest = min(cosines)
        # Each sentence gets the best cosine among the windows it overlaps.
        dense = [
            max((c for (wa, wb), c in zip(windows, cosines, strict=True) if wa < b and a < wb), default=lowest)
            for a, b in spans
        ]
        top = max(lexical)
        lex_n = [x / top for x in lexical] if top > 0 else lexical
        low, spread = min(dense), max(dense) - min(dense)
        dense_n = [(d - low) / spread for d in dense] if spread > 1e-9 else [0.0] * len(dense)
        mixed = [lexical_share * x + (1 - lexical_share) * d for x, d in zip(lex_n, dense_n, strict=True)]
        if max(mixed) <= _MIN_SCORE:  # nothing to go on: the whole passage is equally (un)likely
            return []
        best = sorted(range(len(mixed)), key=lambda i: -mixed[i])[:max_sentences]  # stable, as argsort's
        scores: Sequence[float] = mixed
    else:
        lexical = np.asarray(_unlabel(_span_overlaps(wanted, total, text, spans).tolist(), label_spans(text, spans)))
        best = [int(i) for i in np.argsort(-lexical, kind="stable")[:max_sentences] if lexical[i] > _MIN_SCORE]
        scores = lexical.tolist()
    return [spans[i] for i in answered(text, spans, best, scores)]


def question_overlap(question: str, piece: str) -> float:
    """How much of the question's wording ``piece`` holds (0..1, length-damped; ``_overlap``)."""
    return _overlap(set(_question_grams(question)), piece)


def fresh_answer(question: str, text: str, repeated: tuple[int, int], fresh: list[tuple[int, int]]) -> bool:
    """Whether a hit whose answering sentence a higher hit already shows still answers in its own lines.

    Overlapping chunks repeat sentences; a hit whose best sentence is a repeat adds nothing unless a
    sentence only it holds matches the question at least half as well (a chunk cut right after a heading
    repeats the heading, and the answer under it is in the next chunk only).
    """
    if not fresh:
        return False
    new = question_overlap(question, text[fresh[0][0] : fresh[0][1]])
    return new > _MIN_SCORE and new >= 0.5 * question_overlap(question, text[repeated[0] : repeated[1]])
