"""Assemble the Outline: layout (who opens what) + stitching (what continues where).

Markdown documents keep the first-version behaviour: their headings are explicit and their
paragraphs are already in reading order, so there is nothing to recover. So do documents that
are not mostly Chinese: the seam and enumeration cues are Chinese newspaper typography.
"""

from __future__ import annotations

from qa.records import Outline, Paragraph, Section, Stitch
from qa.structure import cues
from qa.structure.confidence import section_confidence
from qa.structure.headings import heading_title, markdown_level, title_and_dek
from qa.structure.jumps import pair_jumps
from qa.structure.layout import read_layout
from qa.structure.lexical import seam_forms_word
from qa.structure.naive import build_outline as naive_outline
from qa.structure.script import is_traditional, simplified
from qa.structure.stitching import stitch
from qa.structure.topic import TopicSource

MIN_CJK_SHARE = 0.3


def _mostly_chinese(paragraphs: list[Paragraph]) -> bool:
    text = "".join(p.text for p in paragraphs)
    letters = [ch for ch in text if ch.isalnum()]
    cjk = sum("\u4e00" <= ch <= "\u9fff" for ch in letters)
    return bool(letters) and cjk >= MIN_CJK_SHARE * len(letters)


def build_outline(doc_id: str, paragraphs: list[Paragraph], topic: TopicSource | None = None) -> Outline:
    """Recover sections, roles, stitches and notes for one document (``topic``: optional sentence encoder)."""
    if any(markdown_level(p.text) is not None for p in paragraphs) or not _mostly_chinese(paragraphs):
        return naive_outline(doc_id, paragraphs)
    original = paragraphs
    paragraphs = simplified(original) if is_traditional(original) else original
    layout = read_layout(paragraphs)
    jumps = pair_jumps(paragraphs, layout, topic)
    assignment = stitch(paragraphs, layout, topic)
    own_words = _title_map(paragraphs, original) if paragraphs is not original else {}
    sections: list[Section] = []
    for k, seg in enumerate(layout.segments):
        order = assignment.order.get(k, [])
        if order:
            path = tuple(own_words.get(el, el) for el in layout.path_of(seg))
            sections.append(Section(path=path, paragraphs=order, joins=assignment.joins[k]))
    sections.sort(key=lambda s: s.paragraphs[0])
    stitches = [Stitch(head=h, tail=t, confidence=c, reason=r) for h, t, c, r in assignment.stitches + jumps]
    for seg_k, order in assignment.order.items():
        joins = assignment.joins[seg_k]
        for prev, cur, join in zip(order, order[1:], joins[1:], strict=False):
            if join and cur == prev + 1:
                stitches.append(_adjacent_stitch(paragraphs, prev, cur))
    stitches.sort(key=lambda s: s.tail)
    confidence = _confidence(paragraphs, layout, assignment, stitches)
    return Outline(
        doc_id=doc_id,
        confidence=confidence,
        paragraphs=original,
        sections=sections,
        roles=dict(sorted(layout.roles.items())),
        stitches=stitches,
        notes=layout.notes + assignment.notes,
    )


def _adjacent_stitch(paragraphs: list[Paragraph], head: int, tail: int) -> Stitch:
    """A sentence broken off and continued in the very next paragraph (the easy case)."""
    reason = "adjacent: paragraph ends mid-sentence"
    head_text, tail_text = paragraphs[head].text, paragraphs[tail].text
    if seam_forms_word(head_text, tail_text):
        return Stitch(head, tail, 0.99, reason + "; a word straddles the seam")
    if cues.starts_mid_sentence(tail_text) or cues.short_first_sentence(tail_text):
        return Stitch(head, tail, 0.97, reason + "; next starts mid-sentence")
    return Stitch(head, tail, 0.9, reason)


def _title_map(work: list[Paragraph], original: list[Paragraph]) -> dict[str, str]:
    """Simplified title → the page's own (traditional) wording, for section paths."""
    found: dict[str, str] = {}
    for w, o in zip(work, original, strict=True):
        if len(w.text) > 200:
            continue
        found.setdefault(heading_title(w.text), heading_title(o.text))
        found.setdefault(title_and_dek(w.text)[0], title_and_dek(o.text)[0])
        found.setdefault(w.text.strip()[:24], o.text.strip()[:24])
    return found


def _confidence(paragraphs: list[Paragraph], layout, assignment, stitches: list[Stitch]) -> dict[int, float]:
    """How sure each paragraph's section is: P(section right) from the solver's evidence (``confidence``)."""
    return section_confidence(paragraphs, layout, assignment, stitches)
