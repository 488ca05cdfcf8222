"""A page's comments under their own heading ('3 条评论'): a section of the page, each comment a paragraph.

A blog's or a news site's comments are words on the page a reader asks about: an author answers a reader's question
there ('请问功耗大概多少？' — '待机功耗大约6瓦'). They were dropped as chrome (trafilatura's ``comment`` class rule)
while their heading, not named so itself, stayed over nothing: a question answered in a comment found nothing.
trafilatura itself extracts comments by default (``include_comments``), apart from the article's text; so here: a
block whose class or id names comments (``comment``/``comments``) and that OPENS with a heading is read, under that
heading, which is set one level below the page's title (beside the article's own sections: the comments are about
the whole article, not its last section). Each comment (an element whose class is ``comment`` and that holds no other
comment) is one paragraph, its author and date with its words. A comments block without such a heading is still
dropped (filed under the article's last section it would be read as that section's text), and a comments heading
left over nothing (comments loaded by a script) is dropped with its empty section.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from qa.formats.html_markers import HEADINGS, element_words

COMMENTS = "data-qa-comments"  # on a comments block read as a section of the page
COMMENT = "data-qa-comment"  # on one comment inside it: read as one paragraph
COMMENT_WORDS = {"comment", "comments"}


def _opens_with_heading(el) -> bool:  # noqa: ANN001 - lxml element
    """Whether the first words in ``el`` are its first heading's."""
    heading = next(el.iter(*HEADINGS), None)
    if heading is None:
        return False
    own = re.sub(r"\s+", "", heading.text_content())
    return bool(own) and re.sub(r"\s+", "", el.text_content()).startswith(own)


def mark_comment_sections(body) -> None:  # noqa: ANN001 - lxml <body>
    """Marks each comments block that opens with its heading (``COMMENTS``) and the comments in it (``COMMENT``)."""
    for el in body.iter():
        if not isinstance(el.tag, str) or el.tag in HEADINGS or not COMMENT_WORDS & set(element_words(el)):
            continue
        if any(a.get(COMMENTS) for a in el.iterancestors()) or not _opens_with_heading(el):
            continue
        if next(el.iter("h1", "main"), None) is not None or any(
            not COMMENT_WORDS & set(element_words(a)) for a in el.iter("article")
        ):
            continue  # a wrapper named so around the article itself ('comment-wrapper' around the page): not comments
        el.set(COMMENTS, "1")
        for c in el.iterdescendants():
            if (
                isinstance(c.tag, str)
                and "comment" in (c.get("class") or "").split()
                and not any(
                    isinstance(d.tag, str) and "comment" in (d.get("class") or "").split() for d in c.iterdescendants()
                )
                and next(c.iter(*HEADINGS), None) is None
            ):
                c.set(COMMENT, "1")


def comment_only_chrome(words: list[str], chrome: Callable[[str], bool]) -> bool:
    """Whether the only chrome words of a marker are comment words (a 'comment-body', not a 'comment-share')."""
    named = [w for w in words if chrome(w)]
    return bool(named) and all(w in COMMENT_WORDS for w in named)


def comments_placed(found: list[tuple[str, int | None, str]], role: str) -> list[tuple[str, int | None, str]]:
    """The blocks with each comments heading (``role``) set one level below the page's title — the level of the
    article's top sections: the second-shallowest level before it when the shallowest is one title, else the
    shallowest (or one below the only heading) — headings inside the comments moved with it, and a comments heading
    over nothing dropped. Roles become "heading"."""
    out = list(found)
    i = 0
    while i < len(out):
        text, level, r = out[i]
        if r != role or level is None:
            i += 1
            continue
        before = [lv for _, lv, rr in out[:i] if lv is not None and rr != role]
        target = level
        if before:
            top = min(before)
            below = sorted({lv for lv in before if lv > top})
            target = (below[0] if below else top + 1) if before.count(top) == 1 else top
        delta = target - level
        j = i
        while j < len(out) and (out[j][1] is None or out[j][2] == role):
            if out[j][2] == role:
                out[j] = (out[j][0], max(target, min(6, out[j][1] + delta)), "heading")
            j += 1
        i = j
    # a comments heading with nothing under it (the comments were a script's): no section
    return [
        b
        for k, b in enumerate(out)
        if not (
            b[1] is not None
            and found[k][2] == role
            and (k + 1 == len(out) or (out[k + 1][1] is not None and out[k + 1][1] <= b[1]))
        )
    ]
