"""Disclosure widgets in HTML (an FAQ's accordion): the button that opens a panel of text is the panel's heading.

An FAQ page written as an accordion puts each question in a ``<button>`` and its answer in a collapsed panel the
button opens (``aria-expanded``, ``aria-controls``, Bootstrap's ``data-bs-toggle="collapse"``). Buttons are
page controls and are dropped, so the questions were lost: an answer ('不支持，目前仅支持在线支付。') was
cited without the question it answers ('是否支持货到付款？'), and a search for the question's words found
nothing. Bootstrap wraps each button in a heading of the level of the section the accordion sits in
('<h2>账户与支付</h2>' then '<h2><button>如何修改…？</button></h2>'), so the questions replaced that section
in every path instead of being filed under it.

Here each such button is read as a heading one level below the section the widget sits in, and a heading
wrapping one is put there too. A button is a question's only when it is a plain disclosure (no ``role`` but
'button': a tab, a menu item, a switch is another widget), its label is not a page action, and the panel it
opens comes RIGHT AFTER it — the element it names is the button's next element, or the next of the heading it is
the only content of (with no name, that next element is the panel) — and holds text that is not a list of links.
A button controls many things on a page: '加入购物车' names a cart drawer at the page's end, so the product text
between them was filed under '加入购物车'; '展开全文' opens the rest of an article right after it, under its own
heading; tabs ('产品介绍' '规格参数' '售后服务') name panels after the whole tab list, and all three panels went under
the last tab. Tab widgets are left as they were before: their panels stay under the page's heading they sit in.
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
    """A button (or an element acting as one) that expands and collapses something: not a menu, a dialog, a tab."""
    tag = el.tag if isinstance(el.tag, str) else ""
    role = (el.get("role") or "").lower()
    if role not in ("", "button"):  # role="tab", "menuitem", "switch", "option": another widget's control
        return False
    if tag != "button" and role != "button" and _toggle_kind(el) != "collapse":
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


def _names_panel(el) -> bool:  # noqa: ANN001 - lxml element
    """Whether the toggle names what it opens (by id), found on the page or not."""
    target = el.get("data-bs-target") or el.get("data-target") or el.get("href") or ""
    return bool((el.get("aria-controls") or "").split()) or (target.startswith("#") and len(target) > 1)


def _panel(el):  # noqa: ANN001, ANN202 - lxml elements
    """The panel the toggle opens right after it: the next element after it or after the heading (or other
    wrapper) it is the only content of — and, when the toggle names its panel, that very element. A toggle
    naming an element elsewhere ('加入购物车' and the cart drawer at the page's end) opens no panel here."""
    after = _next_element(el)
    if not _names_panel(el):
        return after
    named = _named_panel(el)
    return named if named is not None and named is after else None


def _next_element(el):  # noqa: ANN001, ANN202 - lxml elements
    """The element after ``el``, or after the wrapper ``el`` is the only content of."""
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


# A label that is a page action, not a question or a topic: a verb of the page's controls, alone or with a
# generic object ('展开全文', '查看更多', '加入购物车', '提交', '点击展开'), or 'more'/'全文' anywhere ('展开阅读全文').
_ACTION_VERBS = (
    "展开|收起|折叠|查看|显示|隐藏|阅读|加入|添加|放入|提交|确定|确认|取消|关闭|打开|登录|登陆|注册|下载|分享|复制|"
    "返回|搜索|购买|领取|加载|切换|收藏|评论|点赞|关注|订阅|了解"
)
_ACTION_OBJECTS = "全文|原文|全部|更多|详情|答案|购物车|收藏夹|评论|菜单|导航|窗口"
_ACTION = re.compile(
    rf"^(?:点击|立即|马上|一键)?(?:{_ACTION_VERBS})+(?:{_ACTION_OBJECTS})?$|更多|全文"
    r"|^(?:read|show|view|see|load)\s+(?:more|less|all|full)|^add\s+to\b"
    r"|^(?:more|less|submit|close|open|expand|collapse|toggle|menu|buy now|sign in|log in|cancel|ok)$",
    re.IGNORECASE,
)


def _action(label: str) -> bool:
    """Whether a button's label is a page action ('展开全文', '加入购物车', 'Read more'): a question ends in '？'."""
    text = re.sub(r"[^\w\s]", "", label).strip()
    return not label.rstrip().endswith(("？", "?")) and bool(_ACTION.search(re.sub(r"\s+", " ", text)))


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
        if _action(el.text_content()):
            continue
        panel = _panel(el)
        if panel is None or order.get(panel, -1) <= order[el] or not _answer(panel):
            continue
        if any(a is panel for a in el.iterancestors()):
            continue
        questions.add(el)
    _as_headings(root, questions)


def _as_headings(root, questions: set) -> None:  # noqa: ANN001 - lxml root
    """Each question a heading one level under the section it sits in (the last heading that is no question's); a
    question already inside a heading raises that heading to the level instead."""
    section = 0
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


# A question by its form: a label ('问：', 'Q：', 'Q1.') before it, or a question mark ending it.
_QUESTION = re.compile(r"^\s*(?:问|問|Q)\s*\d{0,3}\s*[：:.．、]|[？?]\s*$", re.IGNORECASE)


def definition_questions_as_headings(root) -> None:  # noqa: ANN001 - lxml root
    """Reads an FAQ written as a definition list ('<dl><dt>问：账单日是哪天？</dt><dd>答：…</dd>') as questions heading
    their answers, one level below the section the list sits in, as a question in an ``<h3>`` over its answer is.

    Read as items, every question and answer of the list was one section: an answer was cited without its question
    and under its neighbours' section, and the answer's passage led with the question it answers, so the highlight
    marked the question. A list is an FAQ's only when every term is a question (``_QUESTION``: a '问：'/'Q：' label
    or a question mark) followed by its answer (a ``<dd>`` of text, not links); a glossary's terms stay items."""
    lists = [dl for dl in root.iter("dl") if next(dl.iter(*_HEADINGS), None) is None]
    pairs: set = set()
    for dl in lists:
        terms = [c for c in dl if isinstance(c.tag, str) and c.tag == "dt"]
        if not terms:
            continue
        answered = []
        for dt in terms:
            dd = dt.getnext()
            while dd is not None and not isinstance(dd.tag, str):
                dd = dd.getnext()
            label = _words(dt)
            if not label or len(label) > MAX_QUESTION or not _QUESTION.search(dt.text_content()):
                break
            if dd is None or dd.tag != "dd" or not _answer(dd):
                break
            answered.append(dt)
        else:
            pairs.update(answered)
    _as_headings(root, pairs)
