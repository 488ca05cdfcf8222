"""Outline for documents whose source format marks its headings (PDF fonts, DOCX styles, HTML h1–h6).

The loader has already decided which paragraphs are headings and at which level
(``Paragraph.heading_level``); guessing from line length would only add errors. Headings nest by
level: a heading replaces every open heading of its level or deeper. Everything else is body of
the innermost open heading, in the order the loader put it (its reading order).

Newspapers continue articles on other pages. A paragraph that opens with '（上接第1版）' starts a
continuation run — it and the paragraphs after it up to the next top-level heading — and the
run belongs to the article whose text ended with '（下转第2版）'. Runs are matched to articles by
the editions the markers name (the page's printed edition, or its page number), then by the
repeated "jump headline" printed over the run when there is one (or a short jump head: the headline's
first words run into the marker, '逐户摸底▼上接第一版', which opens the run under it), then by the words the run shares
with the article's text on its page (and a word the seam makes whole), then in reading order; the run
is moved right after the article's last paragraph and glued to it when that paragraph stopped
mid-sentence. The jump headline itself is not a section of its own. A run nothing in the file
continues is filed under the headline another page file of the same issue gave it
(``Paragraph.continues``, see qa.formats.issues), else under its own marker — never under the
article printed before it.

Confidence (``Outline.confidence``, shown as "section uncertain" in hits): the loader's headings are
taken as sure, a stitched run is as sure as its stitch, and a run whose article is not in the file
gets ``FROM_ELSEWHERE`` like the plain-text stage's 上接 blocks.
"""

from __future__ import annotations

from qa.records import Outline, Paragraph, Section, Stitch
from qa.structure.confidence import FROM_ELSEWHERE
from qa.structure.cues import continuation_marker, has_transfer_marker, is_cut, strip_transfer
from qa.structure.headings import heading_title
from qa.structure.lexical import Similarity, seam_forms_word
from qa.structure.markers import heading_continuation, named_edition, transfer_marker

DISPLAY_ROLES = ("kicker", "subtitle")
REPEATED_HEAD = 0.6  # bigram share with the article's headline that makes a head over a continuation its jump headline
TOPIC_WEIGHT = 1.0  # the run's words against the article's, below the markers (2 each) and a jump headline (3)


def page_edition(para: Paragraph) -> int | None:
    """The edition a paragraph is printed in, as a jump marker names it: its page's printed edition ('A3'), else its
    page number. The structure stage links jumps within one file and ``qa.formats.issues`` across a build's files by
    it; one reading keeps the two sides of a jump comparable."""
    return para.edition if para.edition is not None else para.page_start


def _similarity(a: str, b: str) -> float:
    """Share of character bigrams the shorter title has in common with the longer one."""
    grams_a = {a[i : i + 2] for i in range(len(a) - 1)}
    grams_b = {b[i : i + 2] for i in range(len(b) - 1)}
    if not grams_a or not grams_b:
        return 0.0
    return len(grams_a & grams_b) / min(len(grams_a), len(grams_b))


def _after_marker(text: str) -> str:
    marker = continuation_marker(text)
    return text[len(marker) :] if marker else text


def _topic_scores(
    paragraphs: list[Paragraph],
    runs: list[tuple[int, list[int], int | None]],
    transfers: list[Paragraph],
    titles: dict[int, str],
) -> dict[tuple[int, int], float]:
    """TF-IDF cosine (character bigrams, frequencies from this document) between each run's text and
    the text of each jumping article printed before its transfer marker on its page, divided by the
    run's best cosine (1.0 for the nearest article)."""
    sim = Similarity(p.text for p in paragraphs if p.heading_level is None)
    run_vecs = [sim.vector(" ".join(_after_marker(paragraphs[i].text) for i in run)) for _, run, _ in runs]
    out: dict[tuple[int, int], float] = {}
    for n, cand in enumerate(transfers):
        own = [
            p.text
            for p in paragraphs[: cand.index + 1]
            if p.heading_level is None and titles[p.index] == titles[cand.index] and p.page_start == cand.page_start
        ]
        vec = sim.vector(strip_transfer(" ".join(own)))
        for r, run_vec in enumerate(run_vecs):
            out[(r, n)] = Similarity.cosine(vec, run_vec)
    # Relative to the run's best match: a short run shares few bigrams with any article, so raw
    # cosines are small and close together; what tells the jumps apart is which article it is nearest.
    for r in range(len(runs)):
        best = max((out[(r, n)] for n in range(len(transfers))), default=0.0)
        if best > 0:
            for n in range(len(transfers)):
                out[(r, n)] /= best
    return out


def _assign(n_runs: int, n_transfers: int, scores: dict[tuple[int, int], float]) -> dict[int, int]:
    """Run -> transfer maximising the summed score over allowed pairs; ties go in reading order."""
    if not scores:
        return {}
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    forbidden = -1e6
    matrix = np.full((n_runs, n_transfers), forbidden)
    for (r, n), score in scores.items():
        matrix[r, n] = score - 1e-3 * abs(r - n) / max(n_runs, n_transfers)
    rows, cols = linear_sum_assignment(-matrix)
    return {int(r): int(n) for r, n in zip(rows, cols, strict=True) if matrix[r, n] > forbidden / 2}


def _head_words(text: str) -> str:
    """A jump headline's title without the marker a short jump head ends in."""
    short = heading_continuation(text)
    return heading_title(short[0] if short else text)


def _short_jump_heads(paragraphs: list[Paragraph]) -> dict[int, tuple[int, str]]:
    """Short jump heads: a heading that ends in a continuation marker ('逐户摸底▼上接第一版', the story's first
    words and the marker, set in head type over the continuation) opens a continuation run like a marker
    opening the first paragraph would. Returns the run's first paragraph -> (the head, its marker). A head whose
    first paragraph opens with a marker of its own is left to that marker."""
    out: dict[int, tuple[int, str]] = {}
    for para in paragraphs:
        short = heading_continuation(para.text) if para.heading_level is not None else None
        if short is None:
            continue
        nxt = next((p for p in paragraphs[para.index + 1 :] if p.role_hint not in DISPLAY_ROLES), None)
        if nxt is None or nxt.heading_level is not None or continuation_marker(nxt.text):
            continue
        out[nxt.index] = (para.index, short[1])
    return out


def _subheads(paragraphs: list[Paragraph], run: list[int], marker: int) -> list[int]:
    """The heads a continuation run carries above its marker paragraph (printed over the continuation)."""
    return [k for k in run if k < marker and paragraphs[k].heading_level is not None]


def _run_from(paragraphs: list[Paragraph], start: int, top: int) -> list[int]:
    """A continuation run: its first paragraph and those after it up to the next top-level heading, marker or
    kicker."""
    run = [start]
    for nxt in paragraphs[start + 1 :]:
        if (nxt.heading_level is not None and nxt.heading_level <= top) or continuation_marker(nxt.text):
            break
        if nxt.heading_level is None and nxt.role_hint in DISPLAY_ROLES:
            break  # the kicker of the next article
        run.append(nxt.index)
    return run


def _jump_order(
    paragraphs: list[Paragraph],
) -> tuple[list[int], dict[int, bool], set[int], list[Stitch], list[str], dict[int, str], dict[int, float]]:
    """Reading order with continuation runs moved after the paragraphs they continue.

    Returns (order, glued: paragraph -> joins its predecessor, jump headlines to drop, stitches,
    notes, orphans: marker paragraph -> the marker naming the section of a run nothing here continues,
    sureness: paragraph of a run -> how sure its section is).
    """
    levels = [p.heading_level for p in paragraphs if p.heading_level is not None]
    top = min(levels) if levels else 1
    titles: dict[int, str] = {}  # paragraph -> title of the top-level article it sits in
    current = ""
    for para in paragraphs:
        if para.heading_level is not None and para.heading_level <= top:
            current = heading_title(para.text)
        titles[para.index] = current

    runs: list[tuple[int, list[int], int | None]] = []  # (marker paragraph, run, jump headline)
    in_run: set[int] = set()
    head_markers = _short_jump_heads(paragraphs)  # first paragraph under a short jump head -> (head, marker)
    for para in paragraphs:
        if para.index in head_markers:
            head, _ = head_markers[para.index]
            run = _run_from(paragraphs, para.index, top)
            runs.append((para.index, run, head))
            in_run.update(run)
            continue
        if para.heading_level is not None or not continuation_marker(para.text):
            continue
        run = _run_from(paragraphs, para.index, top)
        head = None
        k = para.index - 1
        while k >= 0 and (
            (paragraphs[k].heading_level is None and paragraphs[k].role_hint in DISPLAY_ROLES)
            or (paragraphs[k].heading_level is not None and paragraphs[k].heading_level > top)
        ):
            if paragraphs[k].heading_level is not None:  # a subhead printed over the continuation
                run.insert(0, k)
            k -= 1
        if k >= 0 and paragraphs[k].heading_level is not None:
            head = k
        runs.append((para.index, run, head))
        in_run.update(run)

    transfers = [
        p for p in paragraphs if p.heading_level is None and p.index not in in_run and has_transfer_marker(p.text)
    ]
    order = [p.index for p in paragraphs if p.index not in in_run]
    glued: dict[int, bool] = {}
    dropped: set[int] = set()
    stitches: list[Stitch] = []
    notes: list[str] = []
    orphans: dict[int, str] = {}
    sureness: dict[int, float] = {}
    # Every run scored against every transfer; one global assignment (Hungarian) rather than
    # first come, first served: a run without a jump headline must not take the transfer that
    # a later run's jump headline names.
    pair_scores: dict[tuple[int, int], float] = {}
    topic = _topic_scores(paragraphs, runs, transfers, titles) if runs and transfers else {}
    for r, (marker, run, head) in enumerate(runs):
        para = paragraphs[marker]
        here = page_edition(para)
        source = named_edition(continuation_marker(para.text) or head_markers.get(marker, (0, ""))[1], here)
        # the jump headline, or a smaller head over the marker (a headline repeated smaller reads as a subhead)
        named = [_head_words(paragraphs[head].text)] if head is not None else []
        named += [heading_title(paragraphs[k].text) for k in _subheads(paragraphs, run, marker)]
        for n, cand in enumerate(transfers):
            if page_edition(cand) == here:  # an article never jumps within its page
                continue
            target = named_edition(transfer_marker(cand.text) or "", page_edition(cand))
            score = 0.0
            score += 2.0 if source is not None and page_edition(cand) == source else 0.0
            score += 2.0 if target is not None and target == here else 0.0
            if named:
                score += 3.0 * max(_similarity(words, titles[cand.index]) for words in named)
            # A text cut off mid-sentence surely goes on somewhere; one that ends a sentence may
            # not (a tie-breaker between two jumps to the same page).
            score += 0.5 if is_cut(cand.text) else 0.0
            # What the texts say: the run's words are the article's (a tie-breaker between jumps that
            # name the same pages and carry no jump headline), and a word cut at the seam is whole again.
            score += TOPIC_WEIGHT * topic.get((r, n), 0.0)
            if is_cut(cand.text) and seam_forms_word(strip_transfer(cand.text), _after_marker(paragraphs[marker].text)):
                score += 0.5
            pair_scores[(r, n)] = score
    assigned = _assign(len(runs), len(transfers), pair_scores)
    for r, (marker, run, head) in enumerate(runs):
        para = paragraphs[marker]
        scored = [(pair_scores[(r, assigned[r])], 0, transfers[assigned[r]])] if r in assigned else []
        if not scored:
            marker_text = continuation_marker(para.text) or ""
            if para.continues:  # the article is in another page file of the same issue
                orphans[marker] = para.continues
                if head is not None:
                    dropped.add(head)
                notes.append(f"line {para.line_start}: '{marker_text}' continues '{para.continues}' in another file")
            else:
                notes.append(f"line {para.line_start}: '{marker_text}' continues an article not in this document")
                # Its article is not here: whatever it is filed under, the citation cannot name it.
                sureness.update((i, FROM_ELSEWHERE) for i in run)
                if head is None:  # no jump headline either: a section of its own, named by its marker
                    orphans[marker] = marker_text
            # Leave the run where it was printed (under its jump headline, if it has one).
            insert_at = next((n for n, i in enumerate(order) if i > marker), len(order))
            order[insert_at:insert_at] = run
            continue
        score, _, cand = max(scored, key=lambda t: (t[0], t[1]))
        if head is not None:
            dropped.add(head)
            dropped.update(k for k in range(head + 1, marker) if paragraphs[k].role_hint in DISPLAY_ROLES)
        # a smaller head over the marker that repeats the article's headline is its jump headline, no subhead
        dropped.update(
            k
            for k in _subheads(paragraphs, run, marker)
            if _similarity(heading_title(paragraphs[k].text), titles[cand.index]) >= REPEATED_HEAD
        )
        at = order.index(cand.index) + 1
        order[at:at] = run
        glued[marker] = is_cut(cand.text)
        confidence = round(min(1.0, 0.5 + score / 8), 2)
        stitches.append(Stitch(cand.index, marker, confidence, "jump markers 下转/上接 across pages"))
        # The run's section is only as sure as the stitch that put it there.
        sureness.update((i, confidence) for i in run if confidence < 1.0)
    return order, glued, dropped, stitches, notes, orphans, sureness


def build_hinted_outline(doc_id: str, paragraphs: list[Paragraph]) -> Outline:
    """Sections from the source's own heading levels; body in the loader's reading order."""
    order, glued, dropped, stitches, notes, orphans, sureness = _jump_order(paragraphs)
    top = min((p.heading_level for p in paragraphs if p.heading_level is not None), default=1)
    roles: dict[int, str] = {}
    sections: list[Section] = []
    open_headings: list[tuple[int, str]] = []  # (level, title), outermost first
    kickers: list[int] = []  # a kicker is printed above its headline: it joins the section that follows

    def add(section: Section, index: int) -> None:
        section.paragraphs.append(index)
        section.joins.append(bool(glued.get(index)) and len(section.paragraphs) > 1)

    def current() -> Section:
        if not sections:
            sections.append(Section(path=(), paragraphs=[]))
        return sections[-1]

    for index in order:
        para = paragraphs[index]
        if index in dropped:
            roles[index] = "jump-heading" if para.heading_level is not None else para.role_hint or "body"
            continue
        if para.heading_level is not None:
            roles[index] = "heading"
            while open_headings and open_headings[-1][0] >= para.heading_level:
                open_headings.pop()
            open_headings.append((para.heading_level, heading_title(para.text)))
            sections.append(Section(path=tuple(t for _, t in open_headings), paragraphs=[]))
            for k in kickers:
                add(sections[-1], k)
            kickers = []
            continue
        roles[index] = para.role_hint or "body"
        if index in orphans:  # a continuation from a page not in this file: not the previous article
            open_headings = [(top, orphans[index])]
            sections.append(Section(path=(orphans[index],), paragraphs=[]))
        if para.role_hint == "kicker":
            kickers.append(index)
            continue
        for k in kickers:  # no headline followed: the kicker was a label of the text it precedes
            add(current(), k)
        kickers = []
        add(current(), index)
    for k in kickers:
        add(current(), k)
    return Outline(
        doc_id=doc_id,
        paragraphs=paragraphs,
        sections=[s for s in sections if s.paragraphs],
        roles=roles,
        stitches=stitches,
        notes=notes,
        confidence={i: c for i, c in sureness.items() if i not in dropped},
    )
