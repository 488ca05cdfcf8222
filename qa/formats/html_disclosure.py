"""Disclosure widgets in HTML (an FAQ's accordion): the button that opens a panel of text is the panel's heading.

An FAQ page written as an accordion puts each question in a ``<button>`` and its answer in a collapsed panel the
button opens (``aria-expanded``, ``aria-controls``, Bootstrap's ``data-bs-toggle="collapse"``). Buttons are
page controls and are dropped, so the questions were lost: an answer ('不支持，目前仅支持在线支付。') was
cited without the question it answers ('是否支持货到付款？'), and a search for the question's words found
nothing. Bootstrap wraps each button in a heading of the level of the section the accordion sits in
('<h2>账户与支付</h2>' then '<h2><button>如何修改…？</button></h2>'), so the questions replaced that section
in every path instead of being filed under it.

Here each such button is read as a heading one level below the section the widget sits in, and a heading
wrapping one is put there too. A button is a question's only when it opens a panel (one it names, else the
element after it) that follows it and holds text that is not a list of links: a submit button, a share
dropdown, a menu toggle or a 'read more' button revealing the text above it is a control, left as it is.
"""

from __future__ import annotations

import re

_HEADINGS = {f"h{n}": n for n in range(1, 7)}
DISCLOSURE = "data-qa-disclosure"  # on a heading made or moved here: not the section a later question nests in
MAX_QUESTION = 200  # characters: a button longer than this is no question's label
PANEL_LINK_SHARE = 0.5  # a panel this much link text is a menu the button opens, not an answer


def _toggle_kind(el) -> str | None:  # noqa: ANN001 - lxml element
    """What ``el``'s ``data-(bs-)toggle`` names ('collapse', 'dropdown', 'modal'), if anything."""
    return el.get("data-bs-toggle") or el.get("data-toggle")


def _is_toggle(el) -> bool:  # noqa: ANN001 - lxml element
    """A button (or an element acting as one) that expands and collapses something: not a menu or a dialog."""
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag != "button" and (el.get("role") or "").lower() != "button" and _toggle_kind(el) != "collapse":
        return False
    if el.get("aria-haspopup") not in (None, "false"):
        return False
    kind = _toggle_kind(el)
    if kind is not None:
        return kind == "collapse"
    return el.get("aria-expanded") is not None or el.get("aria-controls") is not None


def _named_panel(el):  # noqa: ANN001, ANN202 - lxml elements
    """The panel the toggle names by id (``aria-controls``, ``data-(bs-)target``, ``href``), if it names one."""
    ids = el.get("aria-controls") or ""
    target = el.get("data-bs-target") or el.get("data-target") or el.get("href") or ""
    if target.startswith("#"):
        ids = f"{ids} {target[1:]}"
    root = el.getroottree().getroot()
    for one in ids.split():
        found = root.xpath("//*[@id=$id]", id=one)
        if found:
            return found[0]
    return None


def _panel(el):  # noqa: ANN001, ANN202 - lxml elements
    """The element the toggle opens: the one it names, else the next element after it or after the heading
    (or other wrapper) it is the only content of."""
    named = _named_panel(el)
    if named is not None:
        return named
    at = el
    while at is not None:
        after = at.getnext()
        while after is not None and not isinstance(after.tag, str):
            after = after.getnext()
        if after is not None:
            return after
        parent = at.getparent()
        if parent is None or _words(parent) != _words(at):
            return None
        at = parent
    return None


def _words(el) -> str:  # noqa: ANN001 - lxml element
    return re.sub(r"\s+", "", el.text_content())


def _answer(panel) -> bool:  # noqa: ANN001 - lxml elements
    """Whether the panel holds text and not a list of links."""
    text = _words(panel)
    if not text:
        return False
    links = sum(len(_words(a)) for a in panel.iter("a"))
    return links / len(text) < PANEL_LINK_SHARE


def _heading_of(el):  # noqa: ANN001, ANN202 - lxml elements
    for up in el.iterancestors():
        if isinstance(up.tag, str) and up.tag in _HEADINGS:
            return up
    return None


def questions_as_headings(root) -> None:  # noqa: ANN001 - lxml root
    """Reads each question button of a disclosure widget as a heading under the section the widget sits in
    (see the module's docstring); a page without one is left as it is."""
    toggles = [el for el in root.iter() if isinstance(el.tag, str) and _is_toggle(el)]
    if not toggles:
        return
    order = {el: i for i, el in enumerate(root.iter())}
    questions = set()
    for el in toggles:
        label = _words(el)
        if not label or len(label) > MAX_QUESTION or next(el.iter(*_HEADINGS), None) is not None:
            continue
        panel = _panel(el)
        if panel is None or order.get(panel, -1) <= order[el] or not _answer(panel):
            continue
        if any(a is panel for a in el.iterancestors()):
            continue
        questions.add(el)
    if not questions:
        return
    section = 0  # the level of the last heading that is not a question's: the section the widget sits in
    for el in list(root.iter()):
        if not isinstance(el.tag, str):
            continue
        if el in questions:
            level = min(6, section + 1)
            heading = _heading_of(el)
            if heading is not None:
                heading.tag = f"h{max(_HEADINGS[heading.tag], level)}"
                heading.set(DISCLOSURE, "1")
            else:
                el.tag = f"h{level}"
                el.set(DISCLOSURE, "1")
        elif el.tag in _HEADINGS and not el.get(DISCLOSURE) and not any(q in questions for q in el.iter()):
            section = _HEADINGS[el.tag]
