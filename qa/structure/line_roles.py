"""Is a paragraph a title line (banner, kicker, headline, subtitle, label) or text? A learned answer.

Fixed length and punctuation thresholds broke on headlines that look like sentences (a full-width
comma, a closing ？ or ！, quotes, a colon, leading digits) and on credit lines. This module
scores a single-line paragraph with a logistic regression over layout and text features of the
line *and its neighbours* (a headline is short next to long text; a body fragment is long, or
short but ends like a sentence, or follows a paragraph that broke off). The model is fitted on
generated pages (``benchmarks/structure.py --train``) and ships as ``line_roles.json``: feature
names, standardisation and coefficients, no pickle. Two passes: the first reads each line
with its neighbours' shape and the page's furniture (a credit line or a '——' subtitle next to it);
the second adds the first pass's verdicts on the lines above and below (a headline is one line of
a block of title lines), trained on first-pass verdicts made out of fold
(``benchmarks/structure_fit.py``). Which families the fitted model has seen and
how it does on the ones it has not is printed by ``python benchmarks/structure.py``.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from qa.structure import cues
from qa.structure.headings import is_heading_block

WEIGHTS = Path(__file__).with_name("line_roles.json")
_PERIOD = set("。；;…")
_QE = set("？！?!")
_SOFT = set("，、,：:")
_LEN_BINS = (4, 8, 12, 16, 20, 26, 32, 40, 60)
_PARTICLES = set("的地得了着和与及在对把被向从为是之等或并而且")  # a line ending on these broke off mid-sentence


@dataclass(frozen=True)
class LineModel:
    names: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    threshold: float = 0.5
    stage1: LineModel | None = None  # the first pass whose verdicts on the neighbours this model reads

    def probability(self, features: dict[str, float]) -> float:
        z = self.intercept
        for name, m, s, c in zip(self.names, self.mean, self.scale, self.coef, strict=True):
            z += c * (features.get(name, 0.0) - m) / s
        return 1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, z))))

    def to_json(self) -> dict:
        return {
            "names": list(self.names),
            "mean": list(self.mean),
            "scale": list(self.scale),
            "coef": list(self.coef),
            "intercept": self.intercept,
            "threshold": self.threshold,
            **({"stage1": self.stage1.to_json()} if self.stage1 is not None else {}),
        }

    @classmethod
    def from_json(cls, data: dict) -> LineModel:
        return cls(
            tuple(data["names"]),
            tuple(data["mean"]),
            tuple(data["scale"]),
            tuple(data["coef"]),
            float(data["intercept"]),
            float(data.get("threshold", 0.5)),
            cls.from_json(data["stage1"]) if data.get("stage1") else None,
        )


_override: list[LineModel] = []


@lru_cache(maxsize=1)
def _shipped() -> LineModel | None:
    if not WEIGHTS.exists():
        return None
    return LineModel.from_json(json.loads(WEIGHTS.read_text(encoding="utf-8")))


def current_model() -> LineModel | None:
    """The model in use: one set by ``using`` (benchmark folds), else the shipped weights."""
    return _override[-1] if _override else _shipped()


@contextmanager
def using(model: LineModel) -> Iterator[None]:
    """Recover structure with another fitted model (leave-one-family-out evaluation)."""
    _override.append(model)
    try:
        yield
    finally:
        _override.pop()


def _end_class(text: str) -> str:
    body = text.rstrip()
    while body and body[-1] in cues.CLOSERS:
        body = body[:-1]
        if body and (body[-1] in _PERIOD or body[-1] in _QE):
            return "closed_quote" if body[-1] in _PERIOD else "none"
    if not body:
        return "none"
    last = body[-1]
    if last in _PERIOD:
        return "period"
    if last in _QE:
        return "none"  # a headline may ask or exclaim; as evidence, ？/！ reads like no sentence end
    if last in _SOFT:
        return "soft"
    return "none"


def ends_open(text: str) -> bool:
    """The line ends on no punctuation (nor a closing quote after a sentence end): a title's ending, or a cut."""
    return _end_class(text.strip()) == "none"


def ends_sentence(text: str) -> bool:
    """The paragraph ends a sentence (。！？, also inside a closing quote): nothing of it runs on below."""
    body = text.rstrip().rstrip(cues.CLOSERS)
    return bool(body) and (body[-1] in _PERIOD or body[-1] in _QE)


def ends_on_particle(text: str) -> bool:
    """The line ends on a particle or conjunction (的, 了, 和, …): a sentence broken off, not a title."""
    t = text.strip()
    return bool(t) and t[-1] in _PARTICLES


def _last_word_len(text: str) -> int:
    from qa.structure.lexical import last_word

    return len(last_word(text))


def _shape(text: str) -> dict[str, float]:
    t = text.strip()
    n = len(t)
    cjk = sum("\u4e00" <= c <= "\u9fff" for c in t)
    end = _end_class(t)
    inner = t[:-1]
    f = {
        "log_len": math.log1p(n),
        f"end_{end}": 1.0,
        "inner_period": float(any(c in "。" for c in inner)),
        "inner_qe": float(any(c in _QE for c in inner)),
        "commas": min(sum(c in "，," for c in t), 4) / 4,
        "colon": float("：" in t or ":" in t),
        "quote": float(any(c in "“”「」《》" for c in t)),
        "digit_start": float(bool(re.match(r"[\d０-９]", t))),
        "dash_start": float(t.startswith(("——", "—", "--"))),
        "cjk_share": cjk / n if n else 0.0,
        "spaces": float(" " in t or "\u3000" in t),
        "paren": float(any(c in "（(" for c in t)),
        "ends_particle": float(bool(t) and t[-1] in _PARTICLES),
        "ends_single_char_word": float(_last_word_len(t) == 1),  # '…局长邓海川介': broken off inside a word
        "rule_heading": float(is_heading_block(t)),  # the hand-written rule, as one piece of evidence
    }
    f["clause_then_broken"] = f["commas"] * max(f["ends_particle"], f["ends_single_char_word"])
    for b in _LEN_BINS:
        if n <= b:
            f[f"len_le_{b}"] = 1.0
            break
    else:
        f["len_gt_60"] = 1.0
    return f


def features(texts: Sequence[str], i: int, median_len: float) -> dict[str, float]:
    """Features of paragraph ``i`` given the page's paragraphs (simplified-script texts)."""
    f = _shape(texts[i])
    n = len(texts[i].strip())
    f["rel_len"] = min(n / median_len, 3.0) if median_len else 1.0
    for side, j in (("prev", i - 1), ("next", i + 1)):
        if 0 <= j < len(texts):
            other = texts[j].strip()
            f[f"{side}_log_len"] = math.log1p(len(other))
            f[f"{side}_end_{_end_class(other)}"] = 1.0
            f[f"{side}_short"] = float(len(other) <= 24)
        else:
            f[f"{side}_missing"] = 1.0
    nxt = texts[i + 1].strip() if i + 1 < len(texts) else ""
    prev = texts[i - 1].strip() if i > 0 else ""
    f["prev_cut_long"] = float(_end_class(prev) in ("none", "soft") and len(prev) > 40)
    # what the neighbours are by the page's own furniture: a line right above a credit line (byline,
    # dateline, editor's note) or a '——' subtitle sits in a headline block whatever its own punctuation (a
    # headline with commas reads like a sentence on its own). Nothing is read from a '——' line *above*: under a
    # headline's subtitle the text follows, under an editorial's '——论…' dek printed after its body the next
    # article's headline does; a model fitted on pages of one convention learnt the other as body (held out,
    # editorial=after_dek fell to 0.91 para→article while 0.98 in-distribution)
    opens_text = bool(nxt) and (cues.is_byline(nxt) or cues.dateline(nxt) is not None or cues.editor_note(nxt))
    f["next_credit"] = float(opens_text)  # a byline, a dateline or an editor's note opens the text below a headline
    f["next_dash"] = float(nxt.startswith(("——", "—")))
    f["next_rule_heading"] = float(bool(nxt) and is_heading_block(nxt))
    f["prev_rule_heading"] = float(bool(prev) and is_heading_block(prev))
    f["next_long"] = float(len(nxt) > 2 * max(n, 1))
    f["first"] = float(i == 0)
    return f


def page_features(texts: Sequence[str]) -> list[dict[str, float]]:
    """First-pass features of every paragraph of a page (simplified-script texts)."""
    lengths = sorted(len(t.strip()) for t in texts) or [0]
    median = float(lengths[len(lengths) // 2]) or 1.0
    return [features(texts, i, median) for i in range(len(texts))]


def _settled(text: str) -> float | None:
    """What the rules already say a paragraph is, as title evidence for its neighbours (None: open)."""
    t = text.strip()
    if "\n" in t:
        return 0.0
    if cues.is_dek(t):
        return 1.0
    if cues.is_byline(t) or cues.dateline(t) or cues.continuation_marker(t) or cues.editor_note(t):
        return 0.0
    if cues.has_transfer_marker(t):  # '（下转第4版）' closes a cut article's text
        return 0.0
    return None


def with_neighbours(texts: Sequence[str], base: list[dict[str, float]], stage1: LineModel) -> list[dict[str, float]]:
    """Second-pass features: each line's own plus the first pass's verdicts on the lines around it.

    A headline is one line of a block of title lines (kicker, headline, subtitle, credit): a line
    with a full-width comma or a closing ？ reads like a sentence on its own, but not when the
    lines above and below it are titles. The first pass judges every line on its own shape.
    """
    first = []
    for t, f in zip(texts, base, strict=True):
        rule = _settled(t)
        first.append(rule if rule is not None else stage1.probability(f))
    out = []
    for i, f in enumerate(base):
        prev_p = first[i - 1] if i > 0 else 0.0
        next_p = first[i + 1] if i + 1 < len(first) else 0.0
        # a line that does not end a sentence, between title lines or right above a credit line
        open_end = float(_end_class(texts[i]) == "none")
        out.append(
            {
                **f,
                "nb_prev_p": prev_p,
                "nb_next_p": next_p,
                "nb_both": prev_p * next_p,
                "nb_open_both": open_end * prev_p * next_p,
                "nb_open_credit": open_end * f.get("next_credit", 0.0),
            }
        )
    return out


def title_probabilities(texts: Sequence[str], model: LineModel | None = None) -> list[float]:
    """Probability that each paragraph is a title-like line; None model → all 0.5."""
    model = model or current_model()
    if model is None:
        return [0.5] * len(texts)
    rows = page_features(texts)
    if model.stage1 is not None:
        rows = with_neighbours(texts, rows, model.stage1)
    return [model.probability(f) for f in rows]


def fit(rows: list[dict[str, float]], labels: list[int], threshold: float = 0.5) -> LineModel:
    """Logistic regression over standardised features (scikit-learn), exported as plain numbers."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    names = tuple(sorted({k for r in rows for k in r}))
    x = np.array([[r.get(k, 0.0) for k in names] for r in rows], dtype=float)
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    clf = LogisticRegression(C=1.0, max_iter=2000)
    clf.fit((x - mean) / scale, np.array(labels))
    return LineModel(
        names,
        tuple(round(float(v), 6) for v in mean),
        tuple(round(float(v), 6) for v in scale),
        tuple(round(float(v), 6) for v in clf.coef_[0]),
        round(float(clf.intercept_[0]), 6),
        threshold,
    )
