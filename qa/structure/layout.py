"""Read the page's visible structure in source order: heading runs, bylines, titles, bodies.

This pass decides which paragraphs open an article (a heading run, a byline with no heading,
a '（上接N版）' marker, a dateline after another report's body), which heading runs are
subsections of an article already open (a list the body announced with '：', or a run shaped
like an earlier subsection run), and which titles belong to articles printed title-last
(an editorial whose '标题 / ——论…' sits below its body). Stitching fragments is a later pass.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from qa.records import Paragraph
from qa.structure import cues, line_roles
from qa.structure.attachments import demote_attachment_lists
from qa.structure.closing import closing_length
from qa.structure.exams import exam_kinds
from qa.structure.headings import (
    MAX_KICKER_CJK,
    apply_heading_run,
    heading_title,
    is_heading_block,
    line_outline_rank,
    title_and_dek,
)
from qa.structure.lexical import Similarity
from qa.structure.numbered_lists import demote_listed_phrases
from qa.structure.patents import is_patent, patent_kinds, patent_path
from qa.structure.stopped_heads import promote_stopped_heads
from qa.structure.unnumbered_lines import demote_unnumbered_lines


@dataclass
class Article:
    """One article: its section path and what opened it."""

    aid: int
    path: tuple[str, ...]
    kind: str  # "headed" | "untitled" | "marker" | "preface"
    opener: int | None = None  # the byline/marker/dateline paragraph that opened it
    title_paras: list[int] = field(default_factory=list)


@dataclass
class Segment:
    """Body paragraphs printed together under one opener: an article or one subsection of it."""

    article: int
    suffix: tuple[str, ...]  # subsection titles below the article's path
    paragraphs: list[int] = field(default_factory=list)
    opened_by_run: list[int] = field(default_factory=list)
    loose: bool = False  # body resuming after a title with no heading: likely continuations
    jumped: bool = False  # a continuation re-attached to its head by a jump marker or jump head


@dataclass
class Layout:
    roles: dict[int, str]
    articles: list[Article]
    segments: list[Segment]
    notes: list[str]
    dangling: list[list[int]] = field(default_factory=list)  # heading runs followed by no body

    def path_of(self, seg: Segment) -> tuple[str, ...]:
        return self.articles[seg.article].path + seg.suffix


MIN_NUMBERED_HEADINGS = 3
MIN_MODEL_PARAGRAPHS = 6
_LAST_PROBS: list[list[float] | None] = [None]  # the line model's output for the page last classified


def last_title_probabilities() -> list[float] | None:
    """Title probabilities from the last ``classify`` call (read by the confidence pass, not recomputed)."""
    return _LAST_PROBS[0]


def _numbered_document(paragraphs: list[Paragraph]) -> bool:
    """A document whose headings carry outline numbers (一、 （二） 1.1): its numbering says where
    the headings are, so the line model (fitted on newspaper pages) is not asked."""
    found = 0
    for para in paragraphs:
        text = para.text.strip()
        if len(text) <= 40 and "\n" not in text and line_outline_rank(heading_title(text)) is not None:
            found += 1
            if found >= MIN_NUMBERED_HEADINGS:
                return True
    return False


def classify(paragraphs: list[Paragraph]) -> list[str]:
    """Kind of each paragraph: heading, title (has a dek), dek, byline or body.

    Single lines are judged by the learned line model (``line_roles``) when weights are shipped:
    a headline may end in ？ or carry commas, a body fragment may be short. Blocks of several
    lines (a title with its dek in one paragraph) keep the rule in ``headings``. A line the model
    left as text but printed inside a block of title lines is a title (``_title_blocks``).
    """
    # the model reads a line against its page (neighbours, median length): a note of three
    # paragraphs has no page to read, and a numbered document says itself where its headings are
    numbered = _numbered_document(paragraphs)
    use_model = len(paragraphs) >= MIN_MODEL_PARAGRAPHS and not numbered
    model = line_roles.current_model() if use_model else None
    probs = line_roles.title_probabilities([p.text for p in paragraphs], model) if model else None
    _LAST_PROBS[:] = [probs]
    kinds: list[str] = []
    for para in paragraphs:
        text = para.text
        single = "\n" not in text.strip()
        if cues.is_byline(text):
            kinds.append("byline")
        elif single and cues.is_dek(text):
            kinds.append("dek")
        elif (
            cues.continuation_marker(text)
            or cues.dateline(text)
            or cues.editor_note(text)
            or cues.contents_entry(text)
            or (single and cues.bracketed_note(text))
            or cues.table_rows(text)
            or (single and cues.record_line(text))
        ):
            kinds.append("body")
        elif probs is not None and single and model is not None:
            kinds.append("heading" if probs[para.index] >= model.threshold else "body")
        elif is_heading_block(text):
            kinds.append("title" if title_and_dek(text)[1] else "heading")
        else:
            kinds.append("body")
    if probs is not None:
        _title_blocks(paragraphs, kinds)
        _titles_over_blocks(paragraphs, kinds)
    # a numbered document's closing (issuer, date, colophon) is never a heading (``closing`` files it), nor are its
    # un-numbered facts and lists further down
    closing = closing_length([p.text for p in paragraphs]) if numbered else 0
    if numbered:
        promote_stopped_heads(paragraphs, kinds)  # '（一）危险化学品领域。' over its text: a 公文's head
        demote_unnumbered_lines(paragraphs, kinds)
    demote_attachment_lists([p.text for p in paragraphs], kinds)  # '附件：1. 名单⏎2. 规程': a list
    demote_listed_phrases(paragraphs, kinds)  # '1．各单位要认真落实，加强组织领导' then '2．…': a list
    for i in range(len(kinds) - closing, len(kinds)):
        kinds[i] = "body"
    patent_kinds(paragraphs, kinds)  # a patent's parts by their fixed names (``patents``)
    exam_kinds(paragraphs, kinds)  # an exam paper's questions are text, its parts headings (``exams``)
    for i in range(1, len(kinds)):  # a heading directly above a dek paragraph is its title
        if kinds[i] == "dek" and kinds[i - 1] == "heading":
            if i + 1 < len(kinds) and kinds[i + 1] in ("body", "byline"):
                kinds[i] = "heading"  # a subtitle under a headline: the text follows, not precedes
            else:
                kinds[i - 1] = "title"
    return kinds


# the longest line read as a title from its place alone: the kicker width (48 and 36 tie on the tuning
# pages, 28 loses; python benchmarks/structure.py --sweep-block)
MAX_BLOCK_LINE = MAX_KICKER_CJK
BLOCK_RULE = [True]  # False: the line model's verdicts alone (the benchmark's comparison)
_FULL_STOPS = set("。；;")


def _title_blocks(paragraphs: list[Paragraph], kinds: list[str]) -> None:
    """A line that ends no sentence, printed between a title line and the next title or credit line, is a title.

    Body text is never printed between a kicker and a subtitle, nor between a headline and the
    byline or dateline that opens its text. The line model reads lines with its neighbours' shape,
    but a headline longer than any it was fitted on (a People's Daily title with its subtitle run
    in, a headline with a full-width comma) still reads like a sentence to it; its place does not.
    """
    if not BLOCK_RULE[0]:
        return
    for i in range(1, len(kinds) - 1):
        if kinds[i] != "body" or kinds[i - 1] != "heading" or not _title_shaped(paragraphs, i):
            continue
        text = paragraphs[i].text.strip()
        if len(os.path.commonprefix([heading_title(paragraphs[i - 1].text), text])) >= 2:
            continue  # a first sentence opening on its headline's subject ('固始站，…' over '固始站是…')
        nxt = paragraphs[i + 1].text
        if kinds[i + 1] == "heading" and i + 2 < len(kinds) and kinds[i + 2] == "heading":
            continue  # the title lines below open a block of their own (a label over the next headline)
        if kinds[i + 1] in ("heading", "byline", "dek") or cues.dateline(nxt):
            kinds[i] = "heading"


def _title_shaped(paragraphs: list[Paragraph], i: int) -> bool:
    """A line that could be a title by its own text (``_title_blocks`` and ``_titles_over_blocks``): one
    short line, ending no sentence, no full stop, aside or marker inside, not broken off on a particle."""
    text = paragraphs[i].text.strip()
    if "\n" in text or len(text) > MAX_BLOCK_LINE:
        return False
    if cues.continuation_marker(text) or cues.has_transfer_marker(text) or cues.dateline(text):
        return False  # a jump marker or a dateline: text
    if cues.editor_note(text) or not line_roles.ends_open(text):  # a sentence end or a comma (not ？/！)
        return False
    if any(c in _FULL_STOPS for c in text):  # a full stop inside: sentences, a first paragraph cut short
        return False
    if any(c in "（(" for c in text):  # a parenthetical aside (学名, a year, a place): text
        return False
    return not line_roles.ends_on_particle(text)  # '…介绍了旅游发展方面的': broken off mid-sentence


WINDOW = 3  # body paragraphs read on each side of a line whose place is in doubt
TITLE_OVER_RULE = [True]  # False: the benchmark's comparison without ``_titles_over_blocks``


def _titles_over_blocks(paragraphs: list[Paragraph], kinds: list[str]) -> None:
    """A title-shaped line between finished text and a title or credit line is a headline when it names the text below.

    A headline that reads like a sentence (commas, 30–40 characters) with a plain subtitle or a byline under it:
    the line model may take it for text and the subtitle for the headline, filing the article under the
    subtitle. Its place alone does not tell it from the opening words of a paragraph cut short at the foot
    of the article above (the next headline follows those too); what it says does: a headline shares its
    words with the article below it, a cut-short paragraph with the text above it (page-local TF-IDF).
    """
    if not TITLE_OVER_RULE[0]:
        return
    n = len(kinds)
    found = []
    for i in range(1, n - 1):
        if kinds[i] != "body" or kinds[i - 1] != "body" or kinds[i + 1] not in ("heading", "byline", "dek"):
            continue
        if not line_roles.ends_sentence(paragraphs[i - 1].text) or not _title_shaped(paragraphs, i):
            continue
        j = i + 1
        while j < n and kinds[j] in ("heading", "byline", "dek", "title"):
            j += 1
        below = [k for k in range(j, min(n, j + WINDOW)) if kinds[k] == "body"]
        above = []
        for k in range(i - 1, max(-1, i - 1 - WINDOW), -1):
            if kinds[k] != "body":
                break
            above.append(k)
        if below and above and j - i - 1 <= 3:
            found.append((i, above, below))
    if not found:
        return
    sim = Similarity(paragraphs[k].text for i, above, below in found for k in (i, *above, *below))
    for i, above, below in found:
        vec = sim.vector(paragraphs[i].text)
        own = sim.cosine(vec, sim.vector(" ".join(paragraphs[k].text for k in below)))
        other = sim.cosine(vec, sim.vector(" ".join(paragraphs[k].text for k in above)))
        if own > other and own > 0:
            kinds[i] = "heading"


def _shape_match(a: list[str], b: list[str]) -> bool:
    """Two heading runs set the same way (same line count, lengths, shared prefixes)."""
    if len(a) != len(b) or abs(len(a[0]) - len(b[0])) > 1:
        return False
    return all(len(x) >= 2 and len(y) >= 2 and x[:2] == y[:2] for x, y in zip(a, b, strict=True))


def _untitled_run(articles: list[Article], segments: list[Segment]) -> bool:
    """A dateline after body text opens a new report only among reports printed without headlines.

    Under a headline a second dateline is part of the same story: a roundup of wire reports
    ('本报讯… 本报讯…'), or a report below its editor's note (编者按). A run of datelined items
    with no headline at all (a wire feed, a briefs column) still splits at every dateline.
    """
    return not segments or articles[segments[-1].article].kind != "headed"


def _walk(paragraphs: list[Paragraph], kinds: list[str]) -> Layout:
    roles: dict[int, str] = {}
    articles: list[Article] = []
    segments: list[Segment] = []
    sub_shapes: list[tuple[int, list[str]]] = []
    level_path: tuple[str, ...] = ()
    run: list[int] = []
    dangling: list[list[int]] = []
    last_item = "start"  # what the previous paragraph was: start/run/byline/body
    nest = patent_path if is_patent(paragraphs) else apply_heading_run  # a patent nests by its parts' names

    all_runs: list[tuple[int, list[str]]] = []  # (first paragraph, titles) of every heading run
    for para in paragraphs:
        if kinds[para.index] != "heading":
            continue
        if all_runs and kinds[para.index - 1] == "heading":
            all_runs[-1][1].append(heading_title(para.text))
        else:
            all_runs.append((para.index, [heading_title(para.text)]))

    def open_article(path: tuple[str, ...], kind: str, opener: int | None, by_run: list[int]) -> None:
        articles.append(Article(aid=len(articles), path=path, kind=kind, opener=opener))
        segments.append(Segment(article=len(articles) - 1, suffix=(), opened_by_run=list(by_run)))

    def open_from_run(prev_body: str | None) -> None:
        nonlocal level_path
        titles = [heading_title(paragraphs[i].text) for i in run]
        for aid, shape in sub_shapes:
            if _shape_match(shape, titles):
                segments.append(Segment(article=aid, suffix=tuple(titles), opened_by_run=list(run)))
                return
        announced = prev_body is not None and prev_body.rstrip().endswith(("：", ":"))
        # a list of labelled parts has more than one part: a sibling run must follow
        siblings = announced and any(start > run[0] and _shape_match(titles, later) for start, later in all_runs)
        if announced and siblings and segments and len(titles) <= 2:
            aid = segments[-1].article
            sub_shapes.append((aid, titles))
            segments.append(Segment(article=aid, suffix=tuple(titles), opened_by_run=list(run)))
            return
        if nest is apply_heading_run:
            # back matter after the last numbered heading closes the numbered levels (``apply_heading_run``) — unless
            # it ended a chapter before (a textbook's '参考文献' after every chapter: the last is chapter's own too)
            last_numbered = not any(
                (start > run[0] and any(line_outline_rank(t) is not None for t in later))
                or (start < run[0] and later[0] == titles[0])
                for start, later in all_runs
            )
            level_path = apply_heading_run(level_path, titles, last_numbered)
        else:
            level_path = nest(level_path, titles)
        open_article(level_path, "headed", None, run)

    prev_body: str | None = None
    for para in paragraphs:
        i, kind = para.index, kinds[para.index]
        if kind == "heading":
            roles[i] = "heading"
            run.append(i)
            last_item = "run"
            continue
        if kind in ("title", "dek"):
            roles[i] = "title"
            last_item = "title"
            if run:  # headings with no body of their own: a title printed apart from its text
                dangling.append(run)
                run = []
            continue
        if kind == "byline":
            roles[i] = "byline"
            if last_item == "run":
                continue  # the credit line under a headline
            open_article((), "untitled", i, [])
            last_item = "byline"
            run = []
            continue
        text = para.text
        if run:
            open_from_run(prev_body)
            run = []
        elif cues.continuation_marker(text):
            open_article((cues.continuation_marker(text) or "",), "marker", i, [])
        elif last_item == "byline":
            pass
        elif last_item == "title" and segments:
            segments.append(Segment(article=segments[-1].article, suffix=segments[-1].suffix, loose=True))
        elif cues.dateline(text) and last_item in ("body", "title") and _untitled_run(articles, segments):
            open_article((), "untitled", i, [])
        elif not segments:
            open_article((), "preface", None, [])
        if cues.continuation_marker(text):
            roles[i] = "marker"
        elif cues.dateline(text):
            roles[i] = "dateline"
        else:
            roles[i] = "body"
        segments[-1].paragraphs.append(i)
        prev_body = text
        last_item = "body"
    if run:
        dangling.append(run)
    return Layout(roles=roles, articles=articles, segments=segments, notes=[], dangling=dangling)


def _title_groups(paragraphs: list[Paragraph], kinds: list[str]) -> list[list[int]]:
    """Title paragraphs grouped with their dek paragraph, in source order."""
    groups: list[list[int]] = []
    for para in paragraphs:
        if kinds[para.index] == "title":
            groups.append([para.index])
        elif kinds[para.index] == "dek" and groups and groups[-1][-1] == para.index - 1:
            groups[-1].append(para.index)
    return groups


def _donated_titles(paragraphs: list[Paragraph], layout: Layout, n_titles: int) -> list[int]:
    """First headings of runs that name the untitled article above them rather than the next one.

    Only used when the page has fewer '——'-style titles than untitled articles: a plain title
    printed right below its body reads like the next article's banner, and only vocabulary
    tells them apart.
    """
    untitled = [a for a in layout.articles if a.kind == "untitled"]
    if len(untitled) <= n_titles:
        return []
    sim = Similarity(p.text for p in paragraphs)
    donated: list[int] = []
    segs = layout.segments
    for k, seg in enumerate(segs[:-1]):
        art = layout.articles[seg.article]
        nxt = segs[k + 1]
        if art.kind != "untitled" or not seg.paragraphs or len(nxt.opened_by_run) < 2 or not nxt.paragraphs:
            continue
        head = nxt.opened_by_run[0]
        vec = sim.vector(paragraphs[head].text)
        own = sim.cosine(vec, sim.vector(" ".join(paragraphs[i].text for i in seg.paragraphs)))
        other = sim.cosine(vec, sim.vector(" ".join(paragraphs[i].text for i in nxt.paragraphs)))
        if own > other and own > 0:
            donated.append(head)
    return donated


def read_layout(paragraphs: list[Paragraph]) -> Layout:
    """Structural pass over the page: articles, their paths, and the role of every paragraph."""
    kinds = classify(paragraphs)
    groups = _title_groups(paragraphs, kinds)
    layout = _walk(paragraphs, kinds)
    donated = _donated_titles(paragraphs, layout, len(groups))
    if donated:
        for i in donated:
            kinds[i] = "title"
        groups = _title_groups(paragraphs, kinds)
        layout = _walk(paragraphs, kinds)
    _assign_titles(paragraphs, layout, groups)
    _keep_trailing_run(paragraphs, layout)
    return layout


def _keep_trailing_run(paragraphs: list[Paragraph], layout: Layout) -> None:
    """Short lines ending the text with nothing under them are its last text, not headings of nothing.

    A notice signed '市长　张三' with no date after it, a list's last bare items: read as a heading run with no body,
    they headed no section and so were in no passage — searching the signer's name found nothing. A run that titles an
    article printed without one (``_assign_titles``) has left ``dangling`` by now.
    """
    if not layout.dangling or not layout.segments:
        return
    run = layout.dangling[-1]
    if any(layout.roles.get(p.index) == "body" for p in paragraphs[run[-1] + 1 :]):
        return
    layout.dangling.remove(run)
    for i in run:
        layout.roles[i] = "body"
    layout.segments[-1].paragraphs.extend(run)


def _assign_titles(paragraphs: list[Paragraph], layout: Layout, groups: list[list[int]]) -> None:
    """Give each title to the nearest untitled article above it (else below it)."""
    untitled = [a for a in layout.articles if a.kind == "untitled"]
    first_para = {seg.article: seg.paragraphs[0] for seg in reversed(layout.segments) if seg.paragraphs}
    for group in groups:
        pos = group[0]
        free = [a for a in untitled if not a.title_paras]
        above = [a for a in free if first_para.get(a.aid, pos) < pos]
        below = [a for a in free if first_para.get(a.aid, -1) > pos]
        target = above[-1] if above else (below[0] if below else None)
        text = "\n".join(paragraphs[i].text for i in group)
        title, dek = title_and_dek(text)
        if target is None:
            layout.notes.append(
                f"line {paragraphs[pos].line_start}: title '{title}' matches no article printed without one"
            )
            continue
        target.title_paras = group
        target.path = (title,)
    for art in untitled:  # no '——' title left: fall back on a heading run that heads no text
        start = first_para.get(art.aid, -1)
        spare = [r for r in layout.dangling if r[0] > start]
        if art.title_paras or not spare:
            continue
        run = spare[0]
        layout.dangling.remove(run)
        art.title_paras = run
        art.path = (heading_title(paragraphs[run[0]].text),)
        for i in run:
            layout.roles[i] = "title"
    for art in untitled:
        if not art.title_paras:
            credit = paragraphs[art.opener].text.strip() if art.opener is not None else ""
            if cues.is_byline(credit):
                label = credit.lstrip("□■●◆◇○ ")
            else:
                label = cues.dateline(credit) or credit[:16] or "untitled"
            art.path = (label[:24],)
            line = paragraphs[art.opener].line_start if art.opener is not None else 0
            layout.notes.append(f"line {line}: article printed without a title; named after its opening")
