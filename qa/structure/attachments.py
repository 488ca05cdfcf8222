"""An official document's attachment list ('附件：1. 名单⏎　　　2. 规程') is a list, whatever its lines look like.

GB/T 9704 puts the list of a notice's attachments after its text, above the issuer: the label '附件：' with the first
attachment's title on its line, the next ones numbered below it and indented under the first. Each of those lines is
a short numbered title without a sentence end ('2. 供暖期室温检测规程') — the shape of an outline heading — and was
read as one: the issuer, the date and '（此件公开发布）' were then filed under '… › 2. 供暖期室温检测规程'. They are
the list's items; the attachments themselves follow, each under its own label ('附件1' over its title).

Shared by the HTML reader (an attachment list closing a web page), the format readers' numbered headings
(``qa.formats.outline_numbers``) and the plain-text structure stage.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

# A line that IS an attachment label: '附件', '附件：', '附件2：名单.xlsx', '附件：1. 检查表' — the label, then at most
# a short title with no sentence end. '附件1所列项目须于6月底前开工。' is a sentence that names one, no label.
ATTACHMENTS = re.compile(r"^\s*附\s*件\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})?\s*(?:[:：]|\s|$)")
MAX_ATTACHMENT_TITLE = 80  # characters after the label: a file's or form's title
# a file an attachment list names ('2. 参保任务分解表.xlsx'), as a line of its own after '附件：'
ATTACHED_FILE = re.compile(
    r".{1,80}\.(?:docx?|xlsx?|pptx?|pdf|wps|et|ofd|zip|rar|7z|txt|csv|jpe?g|png)", re.IGNORECASE
)
NUMBERED_TITLE = re.compile(r"^\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[.．、]\s*\S")
_SENTENCE = re.compile(r"[。！？!?；;，,]")
# the label of a list ('附件：', '附件：1. 名单', '附件 1. 名单'), not an annex's own label ('附件1' over its title)
_LIST_LABEL = re.compile(r"^\s*附\s*件\s*(?:[:：]|\s+(?=\d{1,2}\s*[.．、]))")


def attachment_label(text: str) -> bool:
    """Whether a line is an attachment label ('附件：…'), not a sentence that begins with the word."""
    m = ATTACHMENTS.match(text)
    if m is None:
        return False
    rest = text[m.end() :]
    return (
        len(rest.strip()) <= MAX_ATTACHMENT_TITLE
        and not _SENTENCE.search(rest)
        or bool(ATTACHED_FILE.fullmatch(rest.strip()))
    )


def attached_title(text: str) -> bool:
    """A line of an attachment list under its label: a file's name, or a numbered short title without a sentence."""
    text = text.strip()
    if ATTACHED_FILE.fullmatch(text):
        return True
    return bool(NUMBERED_TITLE.match(text) and len(text) <= MAX_ATTACHMENT_TITLE and not _SENTENCE.search(text))


def list_label(text: str) -> bool:
    """Whether a line opens an attachment list: the label with a colon ('附件：', '附件：1. 名单') or followed by the
    first item's number ('附件 1. 名单'). An annex's own label ('附件1', '附件2：') heads the attachment itself."""
    return attachment_label(text) and bool(_LIST_LABEL.match(text))


def in_attachment_list(texts: Sequence[str], i: int) -> bool:
    """Whether line ``i`` of ``texts`` (in reading order; blank lines skipped) is an item of an attachment list:
    it reads as one (``attached_title``) and the lines above it, back to the list's label, do too."""
    return listed_under(texts[i], (texts[j] for j in range(i - 1, -1, -1)))


def listed_under(line: str, above: Iterable[str]) -> bool:
    """Whether ``line`` is an item of an attachment list, given the lines ``above`` it, nearest first (read only as
    far as the list goes: a long document costs no more than its list)."""
    if not attached_title(line):
        return False
    for text in above:
        if not text.strip():
            continue
        if list_label(text):
            return True
        if not attached_title(text):
            return False
    return False


def demote_attachment_lists(texts: list[str], kinds: list[str]) -> None:
    """Make body of an attachment list's label and items read as headings (``kinds`` in place, one per text).

    A label is demoted only with its list: carrying its first item ('附件：1. 名单') or with one under it. A bare
    '附件：' over an attachment's own title heads the attachment."""
    for i, text in enumerate(texts):
        if in_attachment_list(texts, i) or (list_label(text) and _opens_list(texts, i)):
            kinds[i] = "body"


def _opens_list(texts: list[str], i: int) -> bool:
    """Whether the list label ``texts[i]`` has items: its first on its line, or the next line one of its items."""
    rest = texts[i][ATTACHMENTS.match(texts[i]).end() :]
    return attached_title(rest) or (i + 1 < len(texts) and in_attachment_list(texts, i + 1))


# An annex's own label, a line to itself over the annex's title: '附件1', '附件', '附表2', '附录A'. Not an attachment
# list ('附件：1. 名单'), not a sentence ('附件1所列项目须于6月底前开工。').
ANNEX_LABEL = re.compile(r"^附\s*[件表录]\s*[\dA-Z０-９一二三四五六七八九十]{0,3}$")


# An annex headed on one line, its label and title together: '附件1：服务级别协议', '附录A 术语表', '附件2　设备清单'.
ANNEX_HEADING = re.compile(r"^附\s*[件表录]\s*[\dA-Z０-９一二三四五六七八九十]{0,3}\s*[：:\s　]\s*\S")


def annexes_start(texts: list[str]) -> int:
    """Index of the first annex label (``ANNEX_LABEL``) with a line under it, ``len(texts)`` when there is none."""
    return next((i for i in range(len(texts)) if annex_label(texts, i)), len(texts))


def annex_label(texts: list[str], i: int) -> bool:
    """Whether line ``i`` is an annex's label over its title: a label alone on its line with a line under it that
    is no item of an attachment list ('附件：⏎1. 检查表.docx' lists files; '附件1⏎开学工作检查表' opens an annex)."""
    if i + 1 >= len(texts) or not ANNEX_LABEL.match(texts[i].strip()) or not texts[i + 1].strip():
        return False
    return not attached_title(texts[i + 1])
