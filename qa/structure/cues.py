"""Surface cues read off a single paragraph: does it end a sentence, start mid-sentence,
open with a dateline or a cross-page marker, or carry an enumeration step.

Everything here is generic newspaper typography (本报讯, 记者, 评论员, 上接/下转, 一是/二是),
never the wording of any particular page, so the cues transfer to pages nobody has seen.
"""

from __future__ import annotations

import re

from qa.paragraphs import record_line, typed_table_row
from qa.sign_off import dated, signer_line
from qa.structure import exams, markers
from qa.structure.headings import block_lines, every_line, outline_rank

CN_DIGITS = markers.CN_DIGITS
_CN_VALUE = {ch: i + 1 for i, ch in enumerate(CN_DIGITS)}

SENTENCE_FINAL = tuple("。！？!?…；;.")
CLOSERS = "”’」』）)》】\"'"  # closing quotes and brackets a sentence ends behind ("……。”"): look through them
# Punctuation and particles that never begin a sentence but often begin the rest of a cut one
# (checked on the first jieba word, so '与会' or '之前' do not count).
_MID_START_PUNCT = set("，、。；：）」』”’")
_MID_START_WORDS = set("的地得了着过们之等是")

# one jump-marker grammar for all readers (qa.structure.markers)
_TRANSFER_MARKER = markers.TRANSFER
# A dateline in any house's form: the paper's own ('本报讯', '本报北京1月5日电'), the wire's
# ('新华社北京3月5日电', '中新社…电'), another paper's, site's or station's with a date
# ('新华网北京3月5日电', '光明日报北京3月5日电', '人民日报客户端北京3月5日电') or without
# ('经济日报讯', '央视网消息'), or the reporter's credit in brackets. The forms other than the
# paper's and the wire's end where the text starts (a space, a bracket, a colon or comma, the
# line's end): '今年3月5日电网…' is a sentence. A paragraph citing a report ('据央视网消息，…') is
# no dateline.
_DAY = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
_HOUSE = r"[\u4e00-\u9fff]{1,10}?(?:社|网|报|台)"  # 经济日报, 央视网, 中国青年报, 北京电视台
_DATELINE = re.compile(
    r"^(?:本报(?:讯|[^，。：:]{0,12}(?:电|讯))|新华社[^，。]{0,24}电|中新社[^，。]{0,24}电|[（(]记者[^）)]{1,30}[）)]"
    rf"|(?!据|记者)(?:[^\s，。；：:,;]{{0,24}}?{_DAY}月{_DAY}日\s*(?:电|讯|消息)|{_HOUSE}\s*(?:讯|消息|电))"
    r"(?=[\s\u3000（(：:，,]|$))"
)
_BYLINE = re.compile(
    r"^[□■●◆◇○]?\s*(?:本报|本刊|新华社|中新社)?(?:特约|首席)?(?:评论员|记者|通讯员|见习记者|撰稿)"
    r"(?:\s*[\u4e00-\u9fff]{2,4})*\s*$"
)
_BOXED_SHORT = re.compile(r"^[□■●◆◇○]\s*\S{1,16}$")
# a book's author line under its title: '清·无名氏 著', '[英]狄更斯 著　张三 译', '作者：王小波' — the credit word
# set apart by a space ('法规汇编' is a title, not a credit)
_AUTHOR_CREDIT = re.compile(
    r"^(?:作\s*者\s*[：:]\s*\S.*|(?:[^\d\s]\S{0,15}\s+(?:原著|编著|主编|著|编|译|撰|口述|整理))"
    r"(?:\s+\S{1,16}\s+(?:译|校|注|整理))?)$"
)
_STEP = re.compile(rf"(?:^|(?<=[。；;：:！？!?，,）)]))\s*(?:第|其)?([{CN_DIGITS}])(?:是|[，,、])")
_COUNT = re.compile(rf"(?<![{CN_DIGITS}百千万两\d])([{CN_DIGITS[1:]}])(?:个|项|条|大|方面|点)")


def strip_transfer(text: str) -> str:
    """Text without a trailing '（下转N版）', which is a pointer, not part of the sentence."""
    return _TRANSFER_MARKER.sub("", text.rstrip()).rstrip()


def has_transfer_marker(text: str) -> bool:
    """True when the paragraph says it continues on another page."""
    return markers.transfer_marker(text) is not None


continuation_marker = markers.continuation_marker  # the '（上接N版）' marker opening a paragraph, or None


# A line that is wholly a document's reference number, complete in itself: a court case's number
# '（2024）京0105民初12345号', an official document's '渝府发〔2026〕12号'. It ends in '号', no sentence
# punctuation, and read as a sentence broken off, the line below (the first party '原告：…') was glued to it.
_REFERENCE_NUMBER = re.compile(
    r"^(?:[（(〔\[［]\s*\d{4}\s*[）)〕\]］]\s*\S{1,20}?|[\u4e00-\u9fffA-Za-z]{1,8}\s*[〔\[［（(]\s*\d{4}\s*[〕\]］）)]\s*\S{0,4}?)\s*"
    r"[\d０-９]+\s*号$"
)


def reference_number(text: str) -> bool:
    """A line that is wholly a case or document number ('（2024）京0105民初12345号', '国办发〔2026〕3号')."""
    return bool(_REFERENCE_NUMBER.match(text.strip()))


def is_cut(text: str) -> bool:
    """True when the paragraph stops mid-sentence (no sentence-final punctuation at its end).

    A closing quote or bracket ends a sentence only if sentence punctuation precedes it, unless the bracket
    closes a note the line is wholly made of (``bracketed_note``); a colon introduces what follows (a list),
    which is a normal paragraph break.
    """
    body = strip_transfer(text).rstrip()
    if not body or (bracketed_note(body) and not markers.continuation_marker(body)):
        return False  # a note wholly in brackets is complete: nothing continues it
    if reference_number(body):
        return False  # a case or document number is a line of its own
    if dated(body) or signer_line(body):
        return False  # so is a document's date or its signer ('审判员　王五⏎二〇二四年五月十日')
    if table_rows(body):
        return False  # a table's row is a line of its own
    if record_line(body):
        return False  # so is a chat message or a log record ('[09:16] 李娜: 收到')
    if exams.line_complete(body):
        return False  # in an exam paper, a question ends at its answer's blank, a row of options is a line of its own
    end = len(body)
    while end > 0 and body[end - 1] in CLOSERS:
        end -= 1
        if end > 0 and body[end - 1] in SENTENCE_FINAL:
            return False
    if end == 0:
        return False
    return body[end - 1] not in SENTENCE_FINAL + ("：", ":")


def starts_mid_sentence(text: str) -> bool:
    """True when the first character cannot open a sentence (a particle or punctuation)."""
    from qa.structure.lexical import first_word

    stripped = text.lstrip()
    if not stripped:
        return False
    return stripped[0] in _MID_START_PUNCT or first_word(stripped) in _MID_START_WORDS


SHORT_FIRST_SENTENCE = 8


def short_first_sentence(text: str) -> bool:
    """True when the paragraph opens with a full stop after a few characters ('…进展。').

    A sentence that short rarely stands alone at the head of a paragraph; it is usually the
    end of a sentence the layout broke off elsewhere.
    """
    stripped = text.lstrip()
    for i, ch in enumerate(stripped[: SHORT_FIRST_SENTENCE + 1]):
        if ch in "，、；：:,":
            return False
        if ch in "。！？!?":
            return i > 0
    return False


_NOTE_WORDS = r"(?:编者按|编者的话|编后语?|编辑手记)"
_EDITOR_NOTE = re.compile(rf"^(?:[【\[]\s*{_NOTE_WORDS}\s*[】\]]|{_NOTE_WORDS}\s*[：:])")


def editor_note(text: str) -> bool:
    """An editor's note ('编者按：…') introducing a report: text of the article, never its title."""
    return bool(_EDITOR_NOTE.match(text.strip()))


def dateline(text: str) -> str | None:
    """A dateline such as '本报讯（记者 …）' or '新华网北京3月5日电' opening a report, or None."""
    match = _DATELINE.match(text.strip())
    return match.group(0) if match else None


def is_byline(text: str) -> bool:
    """A short standalone credit line (a boxed '评论员' credit, '本报记者 张三'), not a heading."""
    stripped = text.strip()
    if "\n" in stripped or len(stripped) > 24:
        return False
    if _AUTHOR_CREDIT.match(stripped) and outline_rank(stripped) is None:  # '3.1 整理' is a numbered heading
        return True
    return bool(_BYLINE.match(stripped)) or (
        bool(_BOXED_SHORT.match(stripped)) and ("评论" in stripped or "记者" in stripped)
    )


_BRACKETED = re.compile(r"^[（(][^（()）\n]{2,60}[）)]$")


def bracketed_note(text: str) -> bool:
    """A line wholly in brackets: a document's note on itself under its title ('（2024年修订）',
    '（征求意见稿）', '（试行）'), a credit ('（图片来源：新华社）'). Such a line says something about the text it
    stands with; read as a heading it became a level every section's path carried. A numbered line opens with its own
    bracket and goes on ('（一）总体要求'), so it never closes at its end only."""
    return bool(_BRACKETED.match(text.strip()))


def table_rows(text: str) -> bool:
    """Every line is a table row typed with bars. Short and ending no sentence, each row read as a headline: a
    section's table opened a section of its own, and the heading over it was left to be stitched as a
    continuation of the section before."""
    return every_line(text, typed_table_row)


def is_dek(line: str) -> bool:
    """A subtitle line of the '——论…' kind that hangs under a commentary's title."""
    stripped = line.strip()
    return stripped.startswith(("——", "--", "—")) and 2 < len(stripped) <= 40


def steps(text: str) -> list[int]:
    """Enumeration steps ('一是…二是…', '其三，', '第四，') in order of appearance."""
    body = text.strip()
    marker = continuation_marker(body)
    if marker:
        body = body[len(marker) :]
    return [_CN_VALUE[m.group(1)] for m in _STEP.finditer(body)]


def first_step(text: str) -> int | None:
    """The enumeration step the paragraph opens with, if it opens with one."""
    body = text.strip()
    marker = continuation_marker(body)
    if marker:
        body = body[len(marker) :].lstrip()
    match = _STEP.match(body)
    return _CN_VALUE[match.group(1)] if match and match.start(1) <= 1 else None


def announced_counts(text: str) -> list[int]:
    """Counts a text announces for a list ('分四个步骤', '六项举措')."""
    return [_CN_VALUE[m.group(1)] for m in _COUNT.finditer(text)]


def unfinished_enumeration(text: str) -> tuple[int, int] | None:
    """(last step, announced count) when the text's list stops before its announced length."""
    found = steps(text)
    if not found:
        return None
    last = found[-1]
    expected = [n for n in announced_counts(text) if last < n <= 10]
    return (last, min(expected)) if expected else None


# A contents entry: a title, then dot leaders (or a wide space) and its page number.
_LEADERS = r"(?:\s*(?:[.．·・…‥]\s*){3,}|\s*…+\s*)"
_CONTENTS_LINE = re.compile(rf"^\S.{{0,80}}?{_LEADERS}\d{{1,4}}$")
_PAGE_AT_END = re.compile(r"^\S.{0,80}?\s+\d{1,4}$")


def contents_entry(text: str) -> bool:
    """Lines of a table of contents ('第一章 现状分析 ........ 1'): text, not the headings they list. One line needs
    its dot leaders; a block of two or more lines, each ending in a page number after a space, is a contents list
    too (the leaders dropped)."""
    lines = block_lines(text)
    if not lines:
        return False
    if all(_CONTENTS_LINE.match(ln) for ln in lines):
        return True
    return len(lines) >= 2 and all(_PAGE_AT_END.match(ln) for ln in lines)
