"""Jump links of a long HTML page: a line that is only a link back up the page ('返回目录', '回到顶部', 'Top').

A long page repeats such a line after every section; read as text, each section's passage ended in '返回目录'
and the last one in '回到顶部', words no question asks for. The line is navigation when it holds a link within
the page (``href="#…"``) and nothing else, its words are few (a label, not a sentence), and it points back up:
to the page's top ('#', '#top', an anchor above the first heading) or to the contents (a block of links). A link
to a section ('见<a href="#s3">投资估算</a>'), forward or back, or among words of its own is the author's, and is
read.
"""

from __future__ import annotations

import re

from qa.formats.blocks import clean_inline

MAX_LABEL = 10  # characters: trafilatura's short-link length; '返回目录', '回到顶部', 'Back to top'
_LINES = ("p", "div", "li", "center")
CONTENTS_LINK_SHARE = 0.5  # a block this much link text is a list of links: the contents
_HEADINGS = tuple(f"h{n}" for n in range(1, 7))
_TOP = {"", "top", "_top", "page-top", "pagetop"}
_WORD = re.compile(r"[A-Za-z\u4e00-\u9fff]")


def _sole_link(el):  # noqa: ANN001, ANN202 - lxml elements
    """The one in-page link that is all of ``el``'s text, if it is one."""
    links = [a for a in el.iter("a") if (a.get("href") or "").startswith("#")]
    if len(links) != 1 or sum(1 for _ in el.iter("a")) != 1:
        return None
    text = clean_inline(el.text_content())
    label = clean_inline(links[0].text_content())
    if text != label or not label or len(label) > MAX_LABEL or not _WORD.search(label):
        return None
    return links[0]


def without_jump_lines(root) -> None:  # noqa: ANN001 - lxml root
    """Removes each line that is only a link back up the page (see the module's docstring)."""
    candidates = []
    for el in root.iter(*_LINES):
        link = _sole_link(el)
        if link is not None and not any(c is not link and c.tag in _LINES for c in el.iter(*_LINES) if c is not el):
            candidates.append((el, link))
    if not candidates:
        return
    order = {el: i for i, el in enumerate(root.iter())}
    ids = {el.get("id"): el for el in root.iter() if isinstance(el.tag, str) and el.get("id")}
    names = {el.get("name"): el for el in root.iter("a") if el.get("name")}
    first_heading = next(root.iter(*_HEADINGS), None)
    top = order[first_heading] if first_heading is not None else 0
    for el, link in candidates:
        target = link.get("href")[1:]
        found = ids.get(target, names.get(target))
        if target.lower() in _TOP and found is None:
            back = True
        elif found is None or order[found] >= order[el]:
            back = False
        else:
            back = order[found] < top or _contents(found)
        if back and el.getparent() is not None:
            el.drop_tree()  # (its tail, text after it in the parent, stays)


def _contents(el) -> bool:  # noqa: ANN001 - lxml element
    """Whether ``el`` is a contents block: two or more links making most of its text."""
    links = [a for a in el.iter("a") if a.get("href")]
    text = len(re.sub(r"\s+", "", el.text_content()))
    linked = sum(len(re.sub(r"\s+", "", a.text_content())) for a in links)
    return len(links) >= 2 and text > 0 and linked / text >= CONTENTS_LINK_SHARE
