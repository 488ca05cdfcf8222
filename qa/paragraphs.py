"""Split a document into paragraphs that keep their exact place in the source.

Blank lines always separate paragraphs. Inside a block of consecutive lines, a line starts a
new paragraph when the line before it ended a sentence, was clearly short (a title, a label), or
either is a Markdown heading or list item; otherwise it is a hard-wrapped continuation. This
handles one-paragraph-per-line Chinese text and hard-wrapped English alike.

A document's sign-off is lines, not a wrapped paragraph: a joint notice's issuers one a line over its date
('重庆市总工会⏎重庆市人力资源和社会保障局⏎重庆市财政局⏎2026年3月1日'). The longest name sets the block's width, so the
shorter names read as wrapped lines and ran together into one paragraph the structure stage could not file as
the document's closing. Each organisation's name directly above the date line is its own paragraph, and so is
the date.
"""

from __future__ import annotations

import re

from qa.records import Document, LineHint, Paragraph
from qa.sign_off import dated, issuer_line

SENTENCE_END = "。！？!?；;…．.:：」』”’\"')）】》"
BLOCK_FORMATS = ("docx", "html")  # readers whose every block of lines is one paragraph
_MARKDOWN_BLOCK = re.compile(r"^\s{0,3}(#{1,6}\s|[-*+]\s|\d+[.)]\s|>\s?|```)")


# A row of a table typed as text: cells between '|' bars ('| 事项 | 负责人 | 截止日期 |', 'a | b | c'), or
# Markdown's rule under a header row ('|---|:---:|').
_TYPED_ROW = re.compile(r"^\s*\|.*\|\s*$|^[^|\n]*(?:\s\|\s[^|\n]*){2,}$")


def typed_table_row(line: str) -> bool:
    """A line of a table typed with bars: a row is a paragraph of its own, as the PDF/DOCX/HTML readers and a
    Markdown table's rows are (run together, a row's last cell read into the next's first)."""
    return bool(_TYPED_ROW.match(line))


# A line opening with an item's number or letter: an exam's question '2．关于声现象…' or its options 'C．教室门…',
# a numbered point '3、…'. The '．' or '、' is the item's, not a decimal point ('2．5%' is a number wrapped onto a
# line).
_ITEM_START = re.compile(r"^\s*(?:\d{1,3}\s*[．、](?!\d)|\d{1,3}\.(?=[\u4e00-\u9fff])|[A-HＡ-Ｈ]\s*[．、](?!\d))")


# A record of a chat export or a log: a line opening with a time stamp set apart as one ('[2024-04-01 09:15] 张伟: …',
# '2024-04-01T09:15:03Z INFO …') or with a bare time and a speaker ('09:16 李娜：收到'). A message seldom ends in a full
# stop ('收到'), so the width rule read a chat's records as one wrapped paragraph. A time alone opens other lines too:
# a report's '10:30，记者来到…' (a paragraph a column may cut), an agenda's '09:00 开幕式' (a heading), a scale
# '1:50000' — none of them a record.
_CLOCK = r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?"
_DATE = r"\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?"
_RECORD_LEAD = re.compile(
    rf"^\s*(?:[\[【(（]\s*(?:{_DATE}[\sT]*)?{_CLOCK}\s*[\]】)）]"  # a bracketed stamp
    rf"|{_DATE}[\sT]+{_CLOCK}Z?(?=\s)"  # a log's date and time
    rf"|{_CLOCK}\s+[^\s：:，,。；;！？!?]{{1,10}}\s?[：:])"  # a time, a speaker and a colon
)


def record_line(line: str) -> bool:
    """A record of a chat or a log (``_RECORD_LEAD``). It is a paragraph of its own, text (no heading, however
    short) and complete (nothing continues it, whatever it ends with)."""
    return bool(_RECORD_LEAD.match(line))


# A field's label opening a line: a few words and a colon ('时间：', '值班人员：', 'Venue:'); with a value after it, a
# fact ('时间：2026年3月5日上午9:00', '主持人：王副市长'). The PDF reader's fields (``qa.formats.pdf.paragraphs``) too.
FIELD_LABEL = re.compile(r"^[\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z0-9 ]{0,11}[：:]")
_INSIDE_SENTENCE = re.compile(r"[。！？!?；;]\s*\S")


def fact_line(text: str) -> bool:
    """One line that is a label with its value, no sentence ending inside it ('地点：市政府三楼第一会议室')."""
    text = text.strip()
    label = FIELD_LABEL.match(text)
    if "\n" in text or label is None or _INSIDE_SENTENCE.search(text):
        return False
    return bool(text[label.end() :].strip())  # a value after the label


def facts_follow(prev: str, line: str) -> bool:
    """Are two lines (``prev``'s last, ``line``'s first) two facts of a run ('时间：…⏎地点：…⏎主持人：…', a
    meeting's or an event's particulars)? Each is a line of its own: a value ends no sentence, yet the next label
    opens no continuation of it — run together, the reader saw '…第一会议室主持人：王副市长', the place and the
    chair as one fact."""
    last, first = prev.strip().split("\n")[-1], line.strip().split("\n")[0]
    return fact_line(last) and fact_line(first) and not last.rstrip().endswith(("，", ",", "、"))


def _starts_paragraph(prev: str, line: str, block_width: int) -> bool:
    prev_s, line_s = prev.rstrip(), line.strip()
    if _MARKDOWN_BLOCK.match(prev) or _MARKDOWN_BLOCK.match(line) or _ITEM_START.match(line):
        return True
    if record_line(line) and record_line(prev):  # records one a line: each its own, whatever its length
        return True
    if facts_follow(prev_s, line_s):
        return True
    if prev_s.endswith(tuple(SENTENCE_END)):
        return True
    return len(prev_s) < 0.6 * block_width and bool(line_s)


def split_paragraphs(doc: Document) -> list[Paragraph]:
    """Return the document's paragraphs in source order with line numbers and char offsets."""
    lines = doc.text.split("\n")
    offsets: list[int] = []
    pos = 0
    for line in lines:
        offsets.append(pos)
        pos += len(line) + 1

    blocks: list[list[int]] = []
    current: list[int] = []
    for i, line in enumerate(lines):
        if line.strip():
            current.append(i)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)

    # A DOCX or HTML reader writes one paragraph per block of lines (``qa.formats.blocks.to_document``): lines
    # inside a block are soft breaks its author typed in one paragraph, which the reader has already parted.
    read_by_block = doc.source_format in BLOCK_FORMATS
    paragraphs: list[Paragraph] = []
    for block in blocks:
        width = max(len(lines[i].strip()) for i in block)
        own = set() if read_by_block else _sign_off_lines([lines[i].strip() for i in block])
        groups: list[list[int]] = [[block[0]]]
        for k, (prev, i) in enumerate(zip(block, block[1:], strict=False), start=1):
            if (
                (not read_by_block and (_starts_paragraph(lines[prev], lines[i], width) or k in own or k - 1 in own))
                or _table_row(doc.hints, i + 1)
                or (not read_by_block and typed_table_row(lines[i]))
            ):
                groups.append([i])
            else:
                groups[-1].append(i)
        for group in groups:
            first, last = group[0], group[-1]
            start = offsets[first] + (len(lines[first]) - len(lines[first].lstrip()))
            end = offsets[last] + len(lines[last].rstrip())
            paragraphs.append(
                Paragraph(
                    index=len(paragraphs),
                    text=doc.text[start:end],
                    line_start=first + 1,
                    line_end=last + 1,
                    char_start=start,
                    char_end=end,
                    **_hinted_fields(doc.hints, first + 1, last + 1),
                )
            )
    return paragraphs


def _sign_off_lines(block: list[str]) -> set[int]:
    """Positions in a block of lines that are a sign-off, each a paragraph of its own: a date line with a line above
    it, and the organisations' names directly above it (the issuers of a joint notice, one a line)."""
    own: set[int] = set()
    for k, text in enumerate(block):
        if k == 0 or not dated(text):
            continue
        names = k
        while names > 0 and issuer_line(block[names - 1]):
            names -= 1
        if names < k:
            own.update(range(names, k + 1))
    return own


def _table_row(hints: dict[int, LineHint] | None, line: int) -> bool:
    """Whether a line is a table row by its source's word (a Markdown table's row): each row is a paragraph of its
    own, as the PDF/DOCX/HTML readers lay rows out; run together, a row's last cell read into the next's first."""
    hint = hints.get(line) if hints else None
    return hint is not None and hint.role == "table"


def _hinted_fields(hints: dict[int, LineHint] | None, line_start: int, line_end: int) -> dict:
    """Pages, heading level and role a structured source gave the lines of one paragraph."""
    if not hints:
        return {}
    marks = [hints[n] for n in range(line_start, line_end + 1) if n in hints]
    pages = [m.page for m in marks if m.page is not None]
    levels = [m.heading_level for m in marks if m.heading_level is not None]
    roles = [m.role for m in marks if m.role]
    editions = [m.edition for m in marks if m.edition is not None]
    continues = [m.continues for m in marks if m.continues]
    return {
        "page_start": min(pages) if pages else None,
        "page_end": max(pages) if pages else None,
        "heading_level": min(levels) if levels else None,
        "role_hint": roles[0] if roles else None,
        "edition": editions[0] if editions else None,
        "continues": continues[0] if continues else None,
    }
