"""Each annex of a document ('附件1' over its title) is a part of its own, not a subsection of the text before it.

An official document (GB/T 9704) prints its attachments after its closing, each on a new page under a label line
('附件1') with its own title under that ('2024年全市供热企业名单及服务电话'), then its own text, tables, even its
own numbered outline ('一、检测仪器'). The readers set that title as a heading under the notice's title, or a
plain-text reading nested '附件2' under '附件1', and in Word the label stayed a line of the text before it: asked
about the list of firms, the answer was cited under the notice, or under the wrong attachment.

Here each label with a title under it opens a part ``('附件1', <title>, …)``, its sections' paths re-rooted there; the
label is the part's heading wherever a reader put it. Only after a numbered text (a notice's '一、', a regulation's
'第一条'): a label line in a document without an outline is left as it was read.
"""

from __future__ import annotations

from qa.records import Outline
from qa.structure.attachments import ANNEX_HEADING, annex_label
from qa.structure.headings import CLAUSE, heading_title, outline_rank


def annex_parts(outline: Outline) -> Outline:
    """``outline`` with the sections after each annex label re-rooted under the label and the title under it."""
    texts = [p.text.strip() for p in outline.paragraphs]
    inline = {
        i for i in range(len(texts)) if outline.roles.get(i) == "heading" and ANNEX_HEADING.match(texts[i])
    }  # '附件1：服务级别协议': the label and the title in one heading
    labels = sorted(inline | {i for i in range(len(texts)) if annex_label(texts, i)})
    if not labels:
        return outline
    numbered = any(
        outline_rank(title) is not None or CLAUSE.match(title)
        for s in outline.sections
        if s.paragraphs and min(s.paragraphs) < labels[0]
        for title in s.path
    )
    if not numbered:
        return outline
    bounds = [*labels[1:], len(texts)]
    for at, stop in zip(labels, bounds, strict=True):
        if at in inline:
            heading = heading_title(texts[at])
            for s in outline.sections:
                if s.paragraphs and at <= min(s.paragraphs) < stop and heading in s.path:
                    s.path = s.path[s.path.index(heading) :]
            continue
        label, title = texts[at], heading_title(texts[at + 1])
        part = [s for s in outline.sections if s.paragraphs and at <= min(s.paragraphs) < stop]
        if not part or not any(title in s.path or label in s.path for s in part):
            continue  # the title is no heading of the part: not an annex the outline shows
        for s in part:
            s.path = _rooted(s.path, label, title)
        if outline.roles.get(at) != "heading":  # a body line (Word) or a kicker (PDF): the part's heading now
            for s in outline.sections:
                if at in s.paragraphs:
                    k = s.paragraphs.index(at)
                    del s.paragraphs[k]
                    del s.joins[k]
            outline.roles[at] = "heading"
    outline.sections = [s for s in outline.sections if s.paragraphs]
    return outline


def _rooted(path: tuple[str, ...], label: str, title: str) -> tuple[str, ...]:
    """``path`` from the annex's title down, under the label: (label, title, …)."""
    if not path:
        return (label, title)
    if title in path:
        return (label, *path[path.index(title) :])
    if label in path:
        return (label, *path[path.index(label) + 1 :])
    return (label, title, path[-1])  # read under another heading: its own heading, in the annex
