"""Speaker questions ("文明维说了什么？", "What did Wen Mingwei say?") and near-duplicate hits.

A speaker question asks for what a named person said. Word overlap ranks it badly: "说了什么"
is mostly question words, and a passage that merely contains "说了" can outrank the one quoting
the official. So for a speaker question the speech words are dropped from the keyword query and
a passage where the named person speaks (the name followed within a few characters by a verb
of speech: 说, 表示, 介绍, 指出, 强调...) is lifted above the others that only mention the name
(``SPEAKER_BONUS`` on the fused score, which is ~1 at the top).

Near-duplicates: chunks overlap (80 characters by default), so the answering sentence can sit in
two neighbouring chunks of one document and the same answer would be listed twice. A hit whose
answering sentence is already shown by a higher hit of the same document is collapsed into it.
"""

from __future__ import annotations

import re

SPEAKER_BONUS = 0.3  # added to a passage's fused score when the named person speaks in it
_SPEECH_VERBS = "说|表示|介绍|指出|强调|认为|称|谈到|提到|透露|坦言|回应|解释|补充|答道|回答"
_ZH_SPEAKER = re.compile(
    r"^(?P<name>.+?)(?:在.{0,20}?)?(?:都|又|还|曾|究竟|到底)?(?:说了|讲了|谈了|表示了|介绍了|指出了|强调了|说|讲|谈|表示)"
    r"(?:些|点)?(?:什么|啥|哪些(?:内容|话)?|什么话|了什么)[？?。.!！]*$"
)
_EN_SPEAKER = re.compile(r"^what\s+(?:did|does|has|had)\s+(?P<name>.+?)\s+(?:say|said|tell|told|state|stated)\b", re.I)
_SPEECH_WORDS = frozenset({"说", "说了", "讲", "讲了", "谈", "表示", "介绍", "指出", "强调", "say", "said"})


def speaker_of(question: str) -> str | None:
    """The person a "what did X say" question asks about, or None for any other question."""
    text = question.strip()
    match = _ZH_SPEAKER.match(text) or _EN_SPEAKER.match(text)
    if not match:
        return None
    name = match.group("name").strip(" ，,：:“”\"'")
    # Keep the name itself: a title in front (市委农业农村工委副书记文明维) is matched by its tail.
    return name if 1 < len(name) <= 40 else None


def _name_forms(name: str) -> list[str]:
    """The name and its short forms (the last 2-4 CJK characters: 文明维 of 副书记文明维)."""
    forms = [name]
    cjk_tail = re.search(r"[\u4e00-\u9fff]{2,4}$", name)
    if cjk_tail and cjk_tail.group(0) != name:
        for size in (4, 3, 2):
            if len(cjk_tail.group(0)) >= size:
                forms.append(cjk_tail.group(0)[-size:])
    return forms


def speaks_in(name: str, text: str) -> bool:
    """Whether ``text`` has ``name`` (or its short form) followed closely by a verb of speech."""
    for form in _name_forms(name):
        pattern = re.escape(form) + r"[^。！？\n]{0,12}?(?:" + _SPEECH_VERBS + r")"
        if re.search(pattern, text, flags=re.I):
            return True
    return False


def drop_speech_words(tokens: list[str]) -> list[str]:
    """Keyword tokens of a speaker question without the speech words (they match any quotation)."""
    kept = [t for t in tokens if t not in _SPEECH_WORDS]
    return kept or tokens


def is_near_duplicate(text: str, highlight: tuple[int, int] | None, shown_texts: list[str]) -> bool:
    """Whether a hit adds nothing: its answering sentence (or whole text) is inside a shown hit's text."""
    piece = text[highlight[0] : highlight[1]] if highlight else text
    piece = piece.strip()
    return bool(piece) and any(piece in other for other in shown_texts)


def lift_speakers(ids, scores, texts: list[str], name: str):
    """Re-rank candidates (best first) so passages where ``name`` speaks come before the rest."""
    import numpy as np

    if not len(ids):
        return ids, scores
    top = float(np.max(np.abs(scores))) or 1.0
    bonus = np.array([SPEAKER_BONUS * top if speaks_in(name, t) else 0.0 for t in texts])
    lifted = np.asarray(scores, dtype=np.float64) + bonus
    order = np.argsort(-lifted, kind="stable")
    return ids[order], lifted[order]
