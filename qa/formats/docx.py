"""Word .docx files: headings from styles and outline levels, tables as rows, no headers/footers.

``python-docx`` reads the body in document order. A paragraph is a heading when

- its style is a heading style: the built-in "Heading N" (python-docx reports built-in names in
  English whatever the Word UI language) or a localised name such as "标题 1";
- or it, or a style it is based on, sets an outline level (custom heading styles do this: it
  is what Word's navigation pane uses);
- or it is unstyled but numbered like an outline heading ("第一章", "一、", "（一）", "1.2") and
  short and unpunctuated like a heading, read with the structure stage's own outline rules — unless
  it repeats the words of a styled heading (a contents list, as LibreOffice saves a web page's, or a
  Word contents line with its page number): that line names a heading, it is not one; nor is one that
  heads no text (a run of numbered lines over nothing is a list of contents), nor one whose words are all a
  link to another part of the document set (a contents entry pointing at the part it names), nor one under a
  decimal-numbered heading ('A.3.') numbered otherwise ('（一）…' there is one of the clause's points); a
  decimal-numbered line there ('A.3.1 …', a sibling '1.2 …' of a styled '1.1 …') sits at the level its number
  implies.

In a file with no heading styles (a Title aside), lines set apart by type — a larger size, or bold at the body's
size when several such lines head text — and bold or larger lines of Word's list numbering are headings too, ranked
with the numbered ones by size, then numbering (``_typeset_headings``). A heading shows the number Word draws for it
(``docx_numbering``). A paragraph's line breaks part its lines where a line ends before the margin
(``docx_lines``); numbered lines one after another in it are a list, and a paragraph also broken in mid-sentence
(text laid out by line) gives no numbered headings.

The "Title" style, when used, is the document's top heading and every heading level moves one
down under it. A paragraph's text is every run's text wherever Word nests it — equations (OMML),
content controls, smart tags, fields, tracked insertions (not deletions) — and block content controls
and text boxes are read through, except Word's generated table of contents (a content control or a bare ``TOC``
field) and a contents list typed out as text or in Word's contents styles (``_contents_lines``). Tables become one
block per row, laid out on their grid (``table_rows``: a cell merged down read in every row it covers, values
labelled under a header row, 'a：1 | b：2'); comments (in the margin, their own part) and page headers and footers
live in other parts of the package and are never read.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from pathlib import Path

from qa.errors import LoadError
from qa.formats.blocks import (
    CAPTION_LABEL,
    CONTENTS_TITLE,
    MIN_CONTENTS_ENTRIES,
    Block,
    clean_inline,
    internal_link,
    to_document,
)
from qa.formats.docx_cover import cover_title
from qa.formats.docx_lines import Line, RunFormats, paragraph_lines
from qa.formats.docx_numbering import Numbering
from qa.formats.docx_translated import translated_over, translated_pairs
from qa.formats.outline_numbers import (
    DATE_OR_NUMBER,
    MAX_NUMBERED_HEADING,
    NUMBERING,
    SENTENCE_PUNCT,
    TITLE_OPENERS,
    decimal_level,
    extends_decimal_outline,
    line_outline_rank,
    numbered_heading_rank,
    numbered_line_heads_text,
)
from qa.formats.table_rows import Cell, table_lines
from qa.records import Document
from qa.structure.cues import reference_number
from qa.structure.exams import ANSWER_BLANK, MIN_QUESTIONS, scoring_note
from qa.structure.headings import is_bare_heading, phrased_title

log = logging.getLogger(__name__)

_HEADING_STYLE = re.compile(r"^(?:heading|标题|標題)\s*(\d)$", re.IGNORECASE)
_TITLE_STYLE = {"title", "标题", "標題"}


def _style_level(style) -> int | None:  # noqa: ANN001 - python-docx style object
    """Heading level a paragraph style gives: its name, else its (inherited) outline level."""
    seen = 0
    while style is not None and seen < 10:
        match = _HEADING_STYLE.match((style.name or "").strip())
        if match:
            return int(match.group(1))
        values = style.element.xpath("./w:pPr/w:outlineLvl/@w:val")
        if values and values[0].isdigit() and int(values[0]) < 9:
            return int(values[0]) + 1
        style = style.base_style
        seen += 1
    return None


def _is_title(style) -> bool:  # noqa: ANN001
    return style is not None and (style.name or "").strip().lower() in _TITLE_STYLE


# Styles whose paragraphs are list items or code, whatever their first characters: Word's List Paragraph /
# List Number …, LibreOffice's List Heading / List Contents (a definition list's term and text, as it saves a
# web page's <dl>), preformatted and code styles. A numbered line in them is an item or a line of code.
_NOT_OUTLINE_STYLE = re.compile(r"^(?:list|列表)|preformatted|code|source text|plain text|verbatim|代码", re.IGNORECASE)


def _outline_style(style) -> bool:  # noqa: ANN001 - python-docx style or None
    """Whether a paragraph in this style (or one it is based on) may be an unstyled numbered heading."""
    seen = 0
    while style is not None and seen < 10:
        if _NOT_OUTLINE_STYLE.search((style.name or "").strip()):
            return False
        style = style.base_style
        seen += 1
    return True


_PAGE_REF = re.compile(r"(?:\s*[.…·_]{2,}\s*|\s+)\d+$")  # a contents line's page number (after leaders, a tab)


_TOC_STYLE = re.compile(r"(?:toc|目录|目錄)\s*[1-9]", re.IGNORECASE)  # Word's 'TOC 1'…'TOC 9' (Chinese Word: '目录 1')


def _contents_lines(items: list[tuple[str, str, int | None, bool]], styled: set[str], toc_styled: set[int]) -> set[int]:
    """The lines of a contents list typed out as text (no TOC field): dropped, as a PDF's contents page is.

    An entry names a styled heading and ends in its page number ('第二节 公司简介\t2', as Word caches a contents
    list pasted as text, or a contents list typed by hand); a run of ``MIN_CONTENTS_ENTRIES`` of them one after
    another is the list (a single line naming a heading with a number is a cross-reference, and stays). A
    paragraph in Word's own contents styles that names a heading is an entry wherever it stands. Left in, the list
    was a section '目录' holding every heading again, and a question about one of them found it first.
    """
    entry = [
        kind == "p"
        and level is None
        and not title
        and (bool(_PAGE_REF.search(text)) or i in toc_styled)
        and _repeats_heading(text, styled)
        for i, (kind, text, level, title) in enumerate(items)
    ]
    dropped: set[int] = set()
    start = 0
    for i in range(len(items) + 1):
        if i < len(items) and entry[i]:
            continue
        run = range(start, i)
        listed = {k for k in run if len(run) >= MIN_CONTENTS_ENTRIES or k in toc_styled}
        caption = start - 1
        if listed and caption >= 0 and items[caption][0] == "p" and items[caption][2] is None:
            # its title as a line of text ('目录'), as with a contents field (a heading '目录' heads nothing now)
            listed |= {caption} if CONTENTS_TITLE.fullmatch(items[caption][1]) else set()
        dropped |= listed
        start = i + 1
    return dropped


def _heading_key(text: str) -> str:
    """A heading's words for comparison: no whitespace."""
    return re.sub(r"\s+", "", text)


def _repeats_heading(text: str, styled: set[str]) -> bool:
    """Whether a line names a styled heading: its words, or its words before a contents line's page number."""
    return _heading_key(text) in styled or _heading_key(_PAGE_REF.sub("", text)) in styled


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_TEXT = {f"{_W}t", f"{_M}t"}  # a run's text, an equation's text
_SPACING = {f"{_W}tab": "\t", f"{_W}ptab": "\t", f"{_W}br": "\n", f"{_W}cr": "\n", f"{_W}noBreakHyphen": "-"}
# Not the paragraph's own visible text: properties, text moved away or deleted by tracked changes, text
# boxes (paragraphs of their own), the fallback copy of alternate content, field instructions.
_NOT_TEXT = {f"{_W}pPr", f"{_W}rPr", f"{_W}moveFrom", f"{_W}del", f"{_W}txbxContent", f"{_MC}Fallback"}
# A note's reference in the text (``w:footnoteReference``) and its own mark at the start of the note
# (``w:footnoteRef``): Word draws the number; a custom mark's symbol is the run's text.
_NOTE_MARKS = {f"{_W}footnoteReference", f"{_W}endnoteReference", f"{_W}footnoteRef", f"{_W}endnoteRef"}
_NOTE_REFERENCES = {f"{_W}footnoteReference": "footnote", f"{_W}endnoteReference": "endnote"}
_NOTE_PARTS = {"footnotes": "footnote", "endnotes": "endnote"}  # relationship type's last word -> note kind


def _paragraph_pieces(element) -> list[tuple[str, object]]:  # noqa: ANN001 - lxml w:p
    """A paragraph's text in document order, as Word shows it, in pieces with the run (``w:r``) holding each.

    python-docx's ``Paragraph.text`` reads the runs and hyperlinks directly under the paragraph: the text
    of an equation (OMML ``m:t``: '函数 f(x)=x+1 在区间上连续' lost its formula), of an inline content
    control, a smart tag, a field or a tracked insertion was dropped, and a page made of equations read as
    no text at all. Here every run's text counts, wherever it is nested — but a footnote's or endnote's mark
    is not text: Word numbers it itself, and a custom mark ('*', '†': the text right after a reference with
    ``w:customMarkFollows``) would run into the sentence ('工作组*进行维护'). Only the mark is skipped: text
    sharing the mark's run ('本办法由工作组<ref/>进行维护' in one run) is the sentence's.
    """
    parts: list[tuple[str, object]] = []  # (text, the run holding it or None)
    run = None
    custom = False  # after a reference whose custom mark follows: the next text is that mark

    def walk(el) -> None:  # noqa: ANN001
        nonlocal custom, run
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _NOT_TEXT:
                continue
            if tag in _NOTE_MARKS:
                custom = child.get(f"{_W}customMarkFollows") in ("1", "true", "on")
                continue
            if tag in _TEXT:
                if custom:
                    custom = False
                    continue
                parts.append((child.text or "", run))
            elif tag in _SPACING:
                parts.append((_SPACING[tag], run))
            elif tag == f"{_W}r":
                outer, run = run, child
                walk(child)
                run = outer
            else:
                walk(child)

    walk(element)
    return parts


def _paragraph_text(element) -> str:  # noqa: ANN001 - lxml w:p
    """A paragraph's text in document order (``_paragraph_pieces``), a line break as '\\n'."""
    return "".join(text for text, _ in _paragraph_pieces(element))


_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_FIELD_TARGET = re.compile(r'^\s*HYPERLINK\s+(?:"([^"]*)"|(\S+))?', re.IGNORECASE)


def _internal_field(instruction: str) -> bool:
    """Whether a HYPERLINK field's instruction links within the document (its \\l bookmark switch) or set."""
    match = _FIELD_TARGET.match(instruction)
    if match is None:
        return False
    return bool(re.search(r"\\l\b", instruction)) or internal_link(match.group(1) or match.group(2) or "")


def _is_link_line(element, targets: dict[str, str]) -> bool:  # noqa: ANN001 - lxml w:p
    """Whether every word of a paragraph but its numbering is the text of links within the document or its set
    (``w:hyperlink`` with an anchor or a relative or '#…' target, ``targets`` being the part's relationship id
    -> target; a HYPERLINK field with \\l or such a target).

    Word writes each line of a contents list as a link to the part it names (its own TOC: a hyperlink to a
    ``_Toc`` bookmark; pandoc and LibreOffice: the page's links to its chapters). A numbered line that is all
    such a link is an entry, never a heading: headings are what the links point to. A line that is all a link
    to a web page ('一、<link to http://www.gov.cn/>国务院常务会议部署稳就业工作</link>', a digest's items
    linked to their sources) is the author's heading."""
    inside: list[str] = []
    outside: list[str] = []
    field: list[str] = []  # open complex fields' instructions, innermost last
    result: list[bool] = []  # per open field: past its separator (showing its result)

    def in_link() -> bool:
        return any(r and _internal_field(f) for f, r in zip(field, result, strict=True))

    def internal(link) -> bool:  # noqa: ANN001 - lxml w:hyperlink
        if link.get(f"{_W}anchor"):
            return True
        rid = link.get(f"{_R}id")
        return rid is not None and internal_link(targets.get(rid, "http:"))

    def walk(el, linked: bool) -> None:  # noqa: ANN001
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _NOT_TEXT:
                continue
            if tag == f"{_W}fldChar":
                kind = child.get(f"{_W}fldCharType")
                if kind == "begin":
                    field.append("")
                    result.append(False)
                elif kind == "separate" and result:
                    result[-1] = True
                elif kind == "end" and field:
                    field.pop()
                    result.pop()
            elif tag == f"{_W}instrText":
                if field and not result[-1]:
                    field[-1] += child.text or ""
            elif tag in _TEXT:
                (inside if linked or in_link() else outside).append(child.text or "")
            else:
                here = (tag == f"{_W}hyperlink" and internal(child)) or (
                    tag == f"{_W}fldSimple" and _internal_field(child.get(f"{_W}instr") or "")
                )
                walk(child, linked or here)

    walk(element, False)
    # the entry's number may stand outside its link ('2.5. <link>解决特定软件包问题的主要网站</link>', as pandoc
    # writes a DocBook list of tables): letters outside the link, not digits or a numbering, make it text
    rest = "".join(outside).strip()
    numbering = NUMBERING.match(rest)
    rest = rest[numbering.end() :] if numbering else rest
    return any(c.isalnum() for c in "".join(inside)) and not any(c.isalpha() for c in rest)


def _is_contents_control(sdt) -> bool:  # noqa: ANN001 - lxml w:sdt
    """Word's generated table of contents: a content control of the 'Table of Contents' gallery."""
    return any(
        "contents" in (v or "").lower()
        for v in sdt.xpath("./w:sdtPr/w:docPartObj/w:docPartGallery/@w:val", namespaces={"w": _W[1:-1]})
    )


def _text_boxes(paragraph) -> list:  # noqa: ANN001
    """The text boxes (shapes holding paragraphs: a cover page's title, a sidebar, a callout) anchored in a
    paragraph; each once — Word writes a drawing and a VML fallback copy of the same box."""
    boxes: list = []

    def walk(el) -> None:  # noqa: ANN001
        for child in el:
            if not isinstance(child.tag, str) or child.tag == f"{_MC}Fallback":
                continue
            if child.tag == f"{_W}txbxContent":
                boxes.append(child)
            else:
                walk(child)

    walk(paragraph)
    return boxes


def _body_elements(container):  # noqa: ANN001, ANN202 - yields lxml w:p / w:tbl
    """Paragraphs and tables in body order, also inside block content controls (a template's fields, a
    cover page), custom XML and text boxes — python-docx's body lists skip all three, and their text was
    lost. Word's generated contents (a content control of the 'Table of Contents' gallery) is navigation,
    not read."""
    for child in container:
        tag = child.tag
        if tag == f"{_W}tbl":
            yield child
        elif tag == f"{_W}p":
            yield child
            for box in _text_boxes(child):  # a text box's paragraphs follow the paragraph it is anchored to
                yield from _body_elements(box)
        elif tag == f"{_W}sdt":
            if not _is_contents_control(child):
                for content in child.iterchildren(f"{_W}sdtContent"):
                    yield from _body_elements(content)
        elif tag == f"{_W}customXml":
            yield from _body_elements(child)


def _without_contents_fields(elements: list) -> list:
    """The body without Word's contents list kept as a field: the paragraphs from a ``TOC`` field's start to its
    end (its cached entries, '第一章 总则⟶1'), and a '目录' line right before it, its caption.

    Word, WPS and LibreOffice write a generated contents list either in a content control (skipped by
    ``_body_elements``) or as a bare complex field (``w:fldChar`` begin, ``w:instrText`` 'TOC \\o "1-3" …',
    separate, the entries, end) running over several paragraphs. Read, its entries were indexed as text that
    a search matched before the chapters they name, and a numbered entry could head a section."""
    skip: set[int] = set()
    fields: list[str] = []  # open complex fields' instructions, innermost last
    for n, element in enumerate(elements):
        in_contents = inside = any(f.lstrip().upper().startswith("TOC") for f in fields)
        after = False  # text after the contents field's end in the paragraph where it ends: that is body text
        marks = element.iter(f"{_W}fldChar", f"{_W}instrText", f"{_W}fldSimple", f"{_W}t")
        for mark in marks if element.tag == f"{_W}p" else ():
            if mark.tag == f"{_W}t":
                simple = any(a.tag == f"{_W}fldSimple" for a in mark.iterancestors())  # a one-element field's result
                after |= in_contents and not inside and not simple and bool((mark.text or "").strip())
            elif mark.tag == f"{_W}fldSimple":
                in_contents |= (mark.get(f"{_W}instr") or "").lstrip().upper().startswith("TOC")
            elif mark.tag == f"{_W}instrText":
                if fields:
                    fields[-1] += mark.text or ""
            elif mark.get(f"{_W}fldCharType") == "begin":
                fields.append("")
            elif mark.get(f"{_W}fldCharType") == "end" and fields:
                fields.pop()
            inside = any(f.lstrip().upper().startswith("TOC") for f in fields)
            in_contents |= inside
        if in_contents and not after:
            caption = elements[n - 1] if n > 0 and n - 1 not in skip else None  # before the field's first paragraph
            if caption is not None and caption.tag == f"{_W}p":
                skip |= {n - 1} if CONTENTS_TITLE.fullmatch(re.sub(r"\s+", "", _paragraph_text(caption))) else set()
            skip.add(n)
    if any(f.lstrip().upper().startswith("TOC") for f in fields):
        return elements  # a contents field never closed (a damaged file): what follows it may be the text, keep all
    return [e for n, e in enumerate(elements) if n not in skip]


def _cell_text(cell) -> str:  # noqa: ANN001 - python-docx _Cell
    """A cell's paragraphs, a text box's once: Word also stores a box as a VML copy under mc:Fallback."""
    return " ".join(
        t
        for p in cell._tc.iter(f"{_W}p")
        if not any(a.tag == f"{_MC}Fallback" for a in p.iterancestors()) and (t := clean_inline(_paragraph_text(p)))
    )


def _one_line(text: str) -> str:
    """A paragraph read as one line though it has line breaks (a heading, a contents entry): its number on a
    line of its own ('第一章⏎总则') is set off by a space, as it is typed on one line; other breaks join as
    ``clean_inline`` joins them (a long CJK title broken for layout has no space in it)."""
    first, _, rest = text.partition("\n")
    numbering = NUMBERING.match(first.strip())
    if rest.strip() and first.strip() and numbering is not None and numbering.end() == len(first.strip()):
        return clean_inline(first) + " " + clean_inline(rest)
    return clean_inline(text)


def _set_as_one_heading(lines: list[Line], whole: str) -> bool:
    """Whether a paragraph of several lines is one heading typed over lines ('第一章⏎总则', bold 14 pt): every line
    is set alike (same size and weight, none a sentence), the paragraph is short, and it is bold or opens with a
    number on a line of its own. Read line by line, '第一章' was body text and the chapter was named '总则'."""
    if len(lines) < 2 or len({(x.size, x.bold) for x in lines}) > 1 or any(x.wrapped for x in lines):
        return False
    if len(whole) > MAX_NUMBERED_HEADING or any(SENTENCE_PUNCT.search(x.text) for x in lines):
        return False
    first = lines[0].text.strip()
    numbering = NUMBERING.match(first)
    return lines[0].bold or (numbering is not None and numbering.end() == len(first))


def _line_lists(parted: list[list[int]], items: list) -> set[int]:
    """Numbered lines of paragraphs parted by line breaks that are items of a list, not headings.

    Inside one paragraph a numbered heading heads the line after it ('一、值班时间⏎春节期间…'); numbered lines one
    after another ('1. 安装软件包⏎2. 修改配置⏎3. 重启服务', steps typed with Shift+Enter) are a list, and so are
    all lines of that numbering in the paragraph — the last item is not a heading of the text after the list."""
    found: set[int] = set()
    for lines in parted:
        ranks = {i: line_outline_rank(items[i][1]) for i in lines}
        listed_ranks = set()
        for i in lines:
            rank = ranks[i]
            if rank is None:
                continue
            if i + 1 in ranks and (after := ranks[i + 1]) is not None and after <= rank:
                listed_ranks.add(rank)  # the paragraph's last line is judged as any paragraph is
        found |= {i for i in lines if ranks[i] is not None and ranks[i] in listed_ranks}
    return found


def _labelled(text: str, label: str) -> str:
    """A heading's text with the number Word draws before it ('1.1 目的'), unless it has none or the text is
    numbered already (an author who typed the number and also left Word's numbering on)."""
    if not label or line_outline_rank(text) is not None or text[:1].isdigit():
        return text
    # a number ending in full-width punctuation is typed against its words ('一、工作目标', '（一）加强领导')
    return f"{label}{text}" if label[-1] in "、）．：" else f"{label} {text}"


def _drawn(text: str, label: str) -> str:
    """An ordinary paragraph's text with the number Word draws before it ('第九条 病假须…', '4.1.1 指纹…', '1. 苹果'):
    what the reader sees and types in a question, and what the outline rules read as typed. Not when the text
    is numbered already (the author typed the number and left Word's numbering on); a paragraph opening with a
    figure ('30分钟以内…') is not numbered, so unlike a heading's it still gets its number."""
    if not label or line_outline_rank(text) is not None:
        return text
    rest = text[len(label) :] if text.startswith(label) else None
    if rest is not None and not rest[:1].isdigit() and (not rest or rest[0].isspace() or label[-1] in "、）．：.)"):
        return text  # typed too ('1. 苹果' numbered '1.'); '30天内…' numbered '3' is not
    return f"{label}{text}" if label[-1] in "、）．：" else f"{label} {text}"


def _list_number(element, style) -> tuple[str, int | None] | None:  # noqa: ANN001 - lxml w:p, python-docx style
    """The list (``w:numId``) and level (``w:ilvl``, None when not given) of a paragraph Word numbers, itself or by
    its style; None if it is not numbered."""
    found = element.xpath("./w:pPr/w:numPr")
    seen = 0
    while not found and style is not None and seen < 10:
        found = style.element.xpath("./w:pPr/w:numPr")
        style = style.base_style
        seen += 1
    if not found:
        return None
    num = found[0].xpath("./w:numId/@w:val")
    if not num or num[0] == "0":  # numbering switched off for this paragraph
        return None
    ilvl = found[0].xpath("./w:ilvl/@w:val")
    return num[0], (int(ilvl[0]) if ilvl and ilvl[0].isdigit() else None)


MIN_LARGER = 1.0  # points above the body's size that set a line apart as display type
MAX_BOLD_BODY = 0.3  # share of the body's sentences in bold above which bold sets nothing apart
LIST_RANK = 3  # a Word list's level 0 ranks with '一、' among numbered lines of the same size


def _looks_like_title(text: str) -> bool:
    """Short, unpunctuated, opening with a word: what a heading reads like (not '注意：', not a sentence)."""
    if len(text) > MAX_NUMBERED_HEADING or not is_bare_heading(text):
        return False
    if ("，" in text or "," in text) and not phrased_title(text):  # '（一）坚持稳中求进，经济运行持续向好' is one
        return False
    if text[0].isdigit():  # a title may open with a year or figure ('2023年经济运行情况报告'); a date or number is none
        words = DATE_OR_NUMBER.sub("", text)
        return line_outline_rank(text) is None and len(words) >= 2 and words[0].isalpha()
    return text[0].isalpha() or text[0] in TITLE_OPENERS


# '附件1', '附表2', '附件：': a label naming the annex a document is, set in bold above its title — never the title
_ANNEX_LABEL = re.compile(r"^附\s*[件表录图]\s*[\dA-Za-z０-９一二三四五六七八九十]{0,3}\s*[：:]?$")


def _names_the_document(text: str) -> bool:
    """Whether a bold opening line reads as the document's title: not the label of the annex it is ('附件1'), not
    its reference number ('青政发〔2025〕3号'), not a label introducing what follows ('重要提示：')."""
    return (
        _looks_like_title(text)
        and not _ANNEX_LABEL.match(text)
        and not reference_number(text)
        and not text.rstrip().endswith(("：", ":"))
    )


def _bold_title(
    items: list, looks: dict[int, Line], numbered: dict[int, float], centred: frozenset[int] = frozenset()
) -> int | None:
    """The document's title when its opening lines are bold over numbered headings: a notice typed in one size
    sets '关于开展安全生产大检查的通知' in bold over its '一、' '二、'. A bold line at the body's size stands alone, so
    ``_typeset_headings`` takes it for an emphasised phrase, and the notice's opening text was cited under no heading.

    The opening may be several bold lines at one size — an annex's label '附件1', a document number, '重要提示' —
    above the title: the title is the one that names the document (``_names_the_document``), centred if any is,
    else the longest; the lines above it stay text. Taking the first bold line filed a whole annex under '附件1'
    with its real title as body text."""
    first = next((i for i, item in enumerate(items) if item[0] == "p" and item[1].strip()), None)
    if first is None or not numbered or first in numbered:
        return None
    opening: list[int] = []  # the bold, unnumbered, unstyled lines at the first one's size the document opens with
    for i in range(first, min(numbered)):
        kind, text, level, title = items[i]
        line = looks.get(i)
        if kind == "p" and not text.strip():
            continue  # an empty paragraph spacing the label from the title
        if kind != "p" or level is not None or title or line is None or not line.bold:
            break
        if opening and line.size != looks[opening[0]].size:
            break
        opening.append(i)
    # (a title heads text before the first numbered heading: '各部门：…')
    if not opening or opening[-1] + 1 >= min(numbered):
        return None
    naming = [i for i in opening if _names_the_document(items[i][1])]
    if not naming:
        return None
    return max(naming, key=lambda i: (i in centred, len(items[i][1])))


def _typeset_headings(
    items: list,
    plain: dict[int, str],
    looks: dict[int, Line],
    list_numbers: dict[int, int],
    numbered: dict[int, float],
    entries: set[int],
    listed: set[int],
    noted: frozenset[int],
    centred: frozenset[int] = frozenset(),
) -> dict[int, tuple[float, int, float]]:
    """Headings a document without heading styles sets apart by type or Word's list numbering, with the
    outline-numbered ones (``numbered``), as line -> a rank key (larger type first, then unnumbered before
    numbered, then numbering depth); empty when no line is set apart so (the numbered ones keep their own ranks).

    A line is a heading when it reads like a title (``_looks_like_title``), heads some text, and is set
    apart from the body — the size holding most of the body's characters — by a size at least ``MIN_LARGER``
    larger, or by bold when the body's sentences are not themselves mostly bold; a bold line at the body's
    size counts only when at least two such lines head text (an emphasised phrase stands alone). A line in
    Word's list numbering is a heading only when so set apart (a plain numbered list is a list)."""

    sizes: dict[float, int] = {}
    for i, line in looks.items():
        kind, _, level, title = items[i]
        if level is None and not title and i not in numbered:
            sizes[line.size] = sizes.get(line.size, 0) + len(line.text)
    if not sizes:
        return {}
    body = max(sizes, key=lambda size: (sizes[size], -size))
    sentences = [line for line in looks.values() if not _looks_like_title(line.text)]
    bold_share = sum(len(x.text) for x in sentences if x.bold) / max(1, sum(len(x.text) for x in sentences))
    found: dict[int, tuple[float, int, float]] = {}
    for i, line in looks.items():
        kind, text, level, title = items[i]
        if level is not None or title or i in numbered or not _looks_like_title(plain.get(i, text)):
            continue
        if CAPTION_LABEL.match(text):  # '表1 主要经济指标', 'Figure 2 …': a caption, set bold as a heading is
            continue
        larger = line.size >= body + MIN_LARGER
        if i in list_numbers:
            if (i not in entries or i in listed) and (larger or line.bold):
                found[i] = (-line.size, 1, LIST_RANK + list_numbers[i])
        elif i not in entries and (larger or (line.bold and bold_share < MAX_BOLD_BODY)):
            found[i] = (-line.size, 0, 0 if line.bold else 1)
    if not found:
        return {}
    by_rank: dict[float, list[float]] = {}
    for i, rank in numbered.items():
        by_rank.setdefault(rank, []).append(looks[i].size if i in looks else body)
    typical = {rank: max(set(s), key=lambda v: (s.count(v), v)) for rank, s in by_rank.items()}
    keys = {**{i: (-typical[r], 1, r) for i, r in numbered.items()}, **found}
    # An unnumbered line set like the numbered headings beside it (a bold phrase at their size) ranks below them:
    # numbered chapters ('一、' '二、') are not filed under a bold line of their size.
    numbered_sizes = {key[0] for i, key in keys.items() if key[1] == 1}
    found = {i: (key[0], 2, key[2]) if key[1] == 0 and key[0] in numbered_sizes else key for i, key in found.items()}
    keys.update(found)

    pairs = translated_pairs(items, plain, keys)

    def heads_text(i: int) -> bool:
        if i in noted:
            return True
        for j in range(i + 1, len(items)):
            other = keys.get(j)
            if items[j][0] == "row" or other is None:
                return True
            if j == i + 1 and i in pairs:
                return heads_text(j)  # 'User Manual' over '使用说明书': one head in two languages
            if other <= keys[i]:
                return False
            if j in noted:
                return True
        return False

    found = {i: key for i, key in found.items() if heads_text(i)}
    count: dict[tuple[float, int, float], int] = {}
    for key in found.values():
        count[key] = count.get(key, 0) + 1
    found = {i: key for i, key in found.items() if count[key] >= 2 or i in list_numbers or -key[0] >= body + MIN_LARGER}
    title = _bold_title(items, looks, numbered, centred)
    if title is not None and title not in found:  # (larger type has set it apart already, ranked by its size)
        found[title] = (-looks[title].size, -1, 0)  # above the numbered headings of its size
    if not found:
        return {}
    return {**{i: (-typical[r], 1, r) for i, r in numbered.items()}, **found}


# A numbered line holding an answer's blank (``qa.structure.exams.ANSWER_BLANK``: '（　　）', '____') is a
# question of an exam or a worksheet ('1．地球自转的方向是（　　）'), never a heading: a heading is answered by the
# text under it.
# A question's marks right after its number ('7．（30分）简述…') or '（本题10分）', and the options of a choice
# question on the line after it ('A．自东向西　B．自西向东', 'A. 是'): also what a question has and a heading has not.
# (A part's total in brackets, '二、解答题（共60分）', is no question's mark.)
_SCORE_MARK = re.compile(r"[（(]\s*(?:本[题小]题?)?\s*(?:满分)?\s*\d+(?:\.\d+)?\s*分\s*[)）]")
_OPTIONS = re.compile(r"\s*[A-DＡ-Ｄ]\s*[.．、]")


def _question(items: list, i: int) -> bool:
    """Whether numbered line ``i`` is a question of an exam or worksheet: it holds an answer blank or its marks,
    or the options of a choice question follow it."""
    text = items[i][1]
    numbering = NUMBERING.match(text)
    marked = numbering is not None and _SCORE_MARK.match(text, numbering.end()) is not None
    if ANSWER_BLANK.search(text) or marked or re.search(r"[（(]\s*本[小]?题", text):
        return True
    return i + 1 < len(items) and items[i + 1][0] == "p" and _OPTIONS.match(items[i + 1][1]) is not None


# A note in brackets closing a line: '一、选择题（本大题共4小题，每小题5分，共20分）'.
_CLOSING_NOTE = re.compile(r"\s*([（(][^（）()]+[)）])\s*$")


def _noted_heading(text: str, line: Line | None, paper: bool = False) -> tuple[str, str, float] | None:
    """(title, note, rank) of a bold numbered line whose sentence punctuation is all in a note in brackets closing
    it: an exam's part heading '一、选择题（本大题共4小题，每小题5分，共20分）', set in bold over its questions. The
    note's commas made the whole line read as a sentence, so the paper's parts were lost and its numbered
    questions headed the sections. Only in bold (set apart from the body as a heading is): a numbered item with a
    note in brackets at body weight ('3．按时完成作业（见附件，共三份）') stays an item. In an exam ``paper`` a part
    typed at body weight ('第二部分　非选择题（本部分共3小题，共21分）') is told by its scoring note: its questions
    were filed under the part before it, or the paper's title."""
    if not ((line is not None and line.bold) or (paper and scoring_note(text) is not None)):
        return None
    note = _CLOSING_NOTE.search(text)
    if note is None or not SENTENCE_PUNCT.search(note.group(1)):
        return None
    title = text[: note.start()]
    rank = numbered_heading_rank(title)
    return None if rank is None else (title, note.group(1), rank)


def _row_text(row) -> str:  # noqa: ANN001 - python-docx _Row
    """The row's cells, 'a | b'. A cell merged across columns is listed once per column it spans (the same
    cell element), so it is read once — by identity, not by text: two cells that say the same ('root |
    root', '1 | 1') are two cells, and dropping one shifted every later value under the wrong column."""
    cells: list[str] = []
    previous = None
    for cell in row.cells:
        if cell._tc is previous:
            continue
        previous = cell._tc
        text = _cell_text(cell)
        if text:
            cells.append(text)
    return " | ".join(cells)


def _table_lines(table) -> list[tuple[object, str]]:  # noqa: ANN001 - python-docx Table
    """Each row of a table with its line (``qa.formats.table_rows``): a cell merged down (``w:vMerge``) read in
    every row it covers, one merged across (``w:gridSpan``) once, values labelled under a header row (Word's
    "repeat as header row", ``w:tblHeader``, or a first row of column names). A table python-docx cannot lay out
    on its grid (a damaged merge) is read row by row as it stands."""
    try:
        rows = list(table.rows)
        grid = []
        for row in rows:
            header = bool(row._tr.xpath("./w:trPr/w:tblHeader[not(@w:val='0' or @w:val='false')]"))
            before = [Cell(object(), "") for _ in range(row.grid_cols_before)]
            grid.append(before + [Cell(cell._tc, _cell_text(cell), header) for cell in row.cells])
        return list(zip(rows, table_lines(grid), strict=True))
    except Exception:  # noqa: BLE001 - python-docx raises on a merge it cannot follow; the text is still read
        return [(row, _row_text(row)) for row in table.rows]


def _note_references(element) -> list[tuple[str, str]]:  # noqa: ANN001 - lxml w:p / w:tbl
    """The (kind, id) of every footnote and endnote a paragraph or table refers to, in order; not those in
    deleted text or in a text box (its paragraphs are read, and place their notes, on their own)."""
    found: list[tuple[str, str]] = []

    def walk(el) -> None:  # noqa: ANN001
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _NOT_TEXT:
                continue
            if tag in _NOTE_REFERENCES:
                found.append((_NOTE_REFERENCES[tag], child.get(f"{_W}id") or ""))
            else:
                walk(child)

    walk(element)
    return found


def _notes(document, doc_id: str) -> dict[tuple[str, str], list]:  # noqa: ANN001 - python-docx Document
    """Every footnote's and endnote's content (w:p / w:tbl elements) by (kind, id), in the parts' order.

    python-docx (1.2) has no API for notes: its package loads word/footnotes.xml and word/endnotes.xml as
    generic parts. They are found here by the main part's relationships (where the package says they are, not
    by a guessed file name) and parsed with python-docx's own XML parser. The separator lines Word draws
    above the notes (w:type separator, continuationSeparator, continuationNotice) are not notes. A damaged or
    empty notes part loses its notes, never the body: a warning names the file and the part, and the other
    part is still read."""
    from docx.oxml import parse_xml

    notes: dict[tuple[str, str], list] = {}
    for rel in document.part.rels.values():
        kind = _NOTE_PARTS.get(rel.reltype.rsplit("/", 1)[-1])
        if kind is None or rel.is_external:
            continue
        try:
            root = parse_xml(rel.target_part.blob)
            found = {
                (kind, note.get(f"{_W}id") or ""): list(_body_elements(note))
                for note in root.iterchildren(f"{_W}{kind}")
                if note.get(f"{_W}type") in (None, "normal")
            }
        except Exception as exc:  # lxml's syntax errors, a missing part: the notes are lost, not the document
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            log.warning(
                "%s: its %ss (%s) are not readable (%s); read without them", doc_id, kind, rel.target_ref, reason
            )
            continue
        notes.update(found)
    return notes


def _note_lines(kind: str, content: list, document) -> list[tuple[str, str]]:  # noqa: ANN001
    """A note's paragraphs and table rows as (role, text): role "footnote" or "endnote", never a heading (a note
    written in a heading style is still a note)."""
    from docx.table import Table

    lines: list[tuple[str, str]] = []
    for element in content:
        if element.tag == f"{_W}tbl":
            lines += [(kind, t) for _, t in _table_lines(Table(element, document)) if t]
        elif text := clean_inline(_paragraph_text(element)):
            lines.append((kind, text))
    return lines


# The GB/T template's appendix head, three paragraphs in the '附录标识' style: its label, its nature and its title
# ('附录A' / '（规范性）' / '活体检测测试方法'; older standards '（规范性附录）', '（资料性附录）').
_APPENDIX_LABEL = re.compile(r"附\s*录\s*[A-Z]|Annex\s+[A-Z]|Appendix\s+[A-Z]", re.IGNORECASE)
_APPENDIX_NATURE = re.compile(
    r"[（(]\s*(?:规范性|资料性|参考性|提示的|标准的|normative|informative)\s*(?:附录)?\s*[)）]", re.I
)


def _appendix_heads_joined(blocks: list[Block]) -> list[Block]:
    """Blocks with each appendix head set as three headings of one level (label, nature, title) read as one
    heading '附录A 活体检测测试方法', its nature '（规范性）' a line of text under it: read apart, the label and the
    nature headed nothing and only the title was left, so '附录A' named no section."""
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        level = block.heading_level
        if level is not None and _APPENDIX_LABEL.fullmatch(block.text.strip()):
            j = i + 1
            nature = None
            if (
                j < len(blocks)
                and blocks[j].heading_level == level
                and _APPENDIX_NATURE.fullmatch(blocks[j].text.strip())
            ):
                nature = blocks[j].text.strip()
                j += 1
            title = blocks[j] if j < len(blocks) else None
            if (
                title is not None
                and title.heading_level == level
                and not _APPENDIX_LABEL.fullmatch(title.text.strip())
                and not _APPENDIX_NATURE.fullmatch(title.text.strip())
            ):
                out.append(replace(block, text=f"{block.text.strip()} {title.text.strip()}"))
                out += [Block(nature, role="note")] if nature else []
                i = j + 1
                continue
        out.append(block)
        i += 1
    return out


def _is_centred(para) -> bool:  # noqa: ANN001 - python-docx Paragraph
    """Whether the paragraph is centred, itself or by its style: a title is centred above the label over it."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    style = para.style
    alignment = para.paragraph_format.alignment
    seen = 0
    while alignment is None and style is not None and seen < 10:
        alignment = style.paragraph_format.alignment
        style = style.base_style
        seen += 1
    return alignment == WD_ALIGN_PARAGRAPH.CENTER


def read_docx(path: Path, doc_id: str) -> Document:
    """Blocks of a .docx in body order; LoadError naming the file if it is not a readable .docx."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(str(path))
        body = _without_contents_fields(list(_body_elements(document.element.body)))
    except Exception as exc:  # python-docx raises zipfile, KeyError, lxml and its own errors alike
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise LoadError(f"{doc_id}: not a readable Word .docx file ({reason}), skipped") from exc
    notes = _notes(document, doc_id)
    targets = {rid: rel.target_ref for rid, rel in document.part.rels.items() if rel.reltype.endswith("/hyperlink")}

    items: list[tuple[str, str, int | None, bool]] = []  # (kind, text, level, is_title)
    formats = RunFormats(document.styles.element)
    looks: dict[int, Line] = {}  # paragraph line -> its size and weight
    list_numbers: dict[int, int] = {}  # paragraph numbered by Word's list numbering -> its list level (w:ilvl)
    numbering = Numbering.of(document)
    labels: dict[int, str] = {}  # such a paragraph -> the number Word draws before it ('' if not rendered)
    plain: dict[int, str] = {}  # such a paragraph, not a heading by style -> its text without the number drawn
    plain_titles: set[str] = set()  # styled headings' words without the number Word draws
    parted: list[list[int]] = []  # the lines of each paragraph parted by line breaks
    laid_out: set[int] = set()  # lines of a paragraph also broken in mid-sentence: never a numbered heading
    soft_lines: dict[int, str] = {}  # a paragraph of lines soft breaks do not part -> its lines ('\n' between)
    listed: set[int] = set()  # items in a list or code style: never an unstyled numbered heading
    linked: set[int] = set()  # paragraphs all of whose words are a link: a contents entry, never a heading
    toc_styled: set[int] = set()  # lines in Word's contents styles ('TOC 1'): entries of a contents list
    centred: set[int] = set()  # lines of centred paragraphs: where a title sits among bold opening lines
    # A note is read where it is referenced: its paragraphs follow the paragraph (or table row) citing it, so
    # they are filed, and cited, under that paragraph's section; Word prints them at the page's foot or the
    # document's end, away from the sentence they explain. item index (-1: before any) -> (role, text) lines
    placed: dict[int, list[tuple[str, str]]] = {}
    done: set[tuple[str, str]] = set()

    def place(element) -> None:  # noqa: ANN001 - the body element just read
        for key in _note_references(element):
            if key in notes and key not in done:
                done.add(key)
                placed.setdefault(len(items) - 1, []).extend(_note_lines(key[0], notes[key], document))

    first_break: int | None = None  # lines before the first page break: a cover page's (``docx_cover``)
    for element in body:
        tag = element.tag.rsplit("}", 1)[-1]
        if first_break is None and tag == "p" and element.xpath("./w:pPr/w:pageBreakBefore"):
            first_break = len(items)
        if tag == "p":
            para = Paragraph(element, document)
            own = element.xpath("./w:pPr/w:outlineLvl/@w:val")
            level = int(own[0]) + 1 if own and own[0].isdigit() and int(own[0]) < 9 else None
            style = para.style
            if level is None:
                level = _style_level(style)
            title = _is_title(style)
            link = level is None and _is_link_line(element, targets)
            lines = paragraph_lines(_paragraph_pieces(element), formats, element)
            number = _list_number(element, style)
            middle = _is_centred(para)
            label, list_level = numbering.label(*number, formats.paragraph_style(element)) if number else ("", 0)
            if lines and (level is not None or title or link):  # a heading or a contents entry is one line
                whole = _one_line(_paragraph_text(element))
                if level is not None:
                    plain_titles.add(_heading_key(whole))
                    whole = _labelled(whole, label)
                lines = [Line(whole, min(x.size for x in lines), all(x.bold for x in lines))]
            elif _set_as_one_heading(lines, whole := _one_line(_paragraph_text(element))):
                lines = [Line(whole, lines[0].size, lines[0].bold)]
            if len(lines) > 1:
                parted.append(list(range(len(items), len(items) + len(lines))))
                if any(line.wrapped for line in lines):  # text laid out by line: its breaks are not structure
                    laid_out.update(parted[-1])
            for k, line in enumerate(lines):
                if level is None and not _outline_style(style):
                    listed.add(len(items))
                if link:
                    linked.add(len(items))
                if style is not None and _TOC_STYLE.fullmatch((style.name or "").strip()):
                    toc_styled.add(len(items))
                if middle:
                    centred.add(len(items))
                text = line.text
                if number is not None and level is None and k == 0:
                    list_numbers[len(items)] = list_level
                    labels[len(items)] = label
                    if not title and not link:
                        plain[len(items)] = clean_inline(text)
                        text = _drawn(text, label)
                looks[len(items)] = line
                if "\n" in text:  # lines its soft breaks keep: read as one line, written as its lines
                    soft_lines[len(items)] = text
                items.append(("p", clean_inline(text), level, title))
            place(element)
            if first_break is None and element.xpath(".//w:br[@w:type='page'] | ./w:pPr/w:sectPr"):
                first_break = len(items)
        elif tag == "tbl":
            for row, text in _table_lines(Table(element, document)):
                if text:
                    items.append(("row", text, None, False))
                place(row._tr)
    # a note no text refers to (its reference deleted, a stray part) is still the author's text: at the end
    placed.setdefault(len(items) - 1, []).extend(
        line for key, content in notes.items() if key not in done for line in _note_lines(key[0], content, document)
    )

    cover = cover_title(items, looks, first_break)
    if cover is not None:  # a cover page's title, as a Title-style paragraph would be (read first, over the cover)
        items[cover] = (*items[cover][:3], True)

    # A line repeating a styled heading's words is a contents entry or a cross-reference to it ("3.1. 启动过程概述"
    # in a list before the "Heading 2" it names): never a second, numbered heading.
    styled = {_heading_key(text) for kind, text, level, t in items if kind == "p" and (level is not None or t)}
    styled |= plain_titles  # a contents line may name a heading without its number
    entries = (
        listed
        | linked
        | {
            i
            for i, (kind, text, level, t) in enumerate(items)
            if kind == "p" and level is None and not t and _repeats_heading(text, styled)
        }
    )
    contents = _contents_lines(items, styled, toc_styled)
    has_title = any(is_title for *_, is_title in items)
    styled_depth = max((level for _, _, level, _ in items if level is not None), default=0) + int(has_title)
    parents: dict[int, tuple[str, int]] = {}  # paragraph -> the styled heading it is under, and its level
    parent = ("", 0)
    for i, (_, text, level, t) in enumerate(items):
        if level is not None or t:
            parent = (text, 1 if t else level + int(has_title))
        parents[i] = parent
    in_line_lists = _line_lists(parted, items) | laid_out
    # A paragraph Word numbers is a heading by its list, not by the number drawn before it: in a document without
    # heading styles it is ranked by its list level with the lines set apart by type (``_typeset_headings``); under
    # styled headings it is a list item ('1. 安装软件' under '安装'), unless its drawn number continues its decimal
    # styled heading's ('4.1.1 数据加密' under '4.1 数据存储'), as a typed one does.
    by_list = {i for i in plain if styled_depth == int(has_title) or decimal_level(*parents[i], items[i][1]) is None}
    candidates = {
        i: rank
        for i, (kind, text, level, t) in enumerate(items)
        if kind == "p" and level is None and not t and i not in entries and i not in in_line_lists and i not in by_list
        if (rank := numbered_heading_rank(text)) is not None
        and extends_decimal_outline(parents[i][0], text)
        and not _question(items, i)
    }
    # bold part headings with a note in brackets ('一、选择题（本大题共…）'): headed by their title, the note after it
    split_notes: dict[int, tuple[str, str]] = {}
    paper = sum(1 for i, item in enumerate(items) if item[0] == "p" and _question(items, i)) >= MIN_QUESTIONS
    for i, (kind, text, level, t) in enumerate(items):
        if (
            kind != "p"
            or level is not None
            or t
            or i in entries
            or i in in_line_lists
            or i in candidates
            or i in by_list
        ):
            continue
        found = _noted_heading(text, looks.get(i), paper)
        if found is not None and extends_decimal_outline(parents[i][0], found[0]):
            candidates[i] = found[2]
            split_notes[i] = (found[0], found[1])
    noted = frozenset(k for k, lines in placed.items() if lines)
    # a question ('3．（10分）求函数的极值') is text under the part heading over it, not an entry of a contents list
    questions = frozenset(
        i for i, (kind, text, level, _) in enumerate(items) if kind == "p" and level is None and _question(items, i)
    )
    numbered = {
        i: r
        for i, r in candidates.items()
        if numbered_line_heads_text(i, r, items, candidates, linked, noted | questions)
    }
    # '2. Product Specifications' over '2. 产品规格': one head in two languages, the first heading what the second does
    numbered.update(translated_over(items, candidates, numbered))
    # A decimal-numbered line under a decimal-numbered styled heading sits where its number says; other unstyled
    # numbered headings sit below every styled level, in their own numbering order.
    implied = {i: lv for i in numbered if (lv := decimal_level(*parents[i], items[i][1])) is not None}
    ranks = sorted({r for i, r in numbered.items() if i not in implied})
    # A document without heading styles (a Title aside) may set its headings apart by type alone, or number them
    # with Word's list numbering: then those and the numbered lines are ranked together (``_typeset_headings``).
    keys = {}
    if styled_depth == int(has_title):
        keys = _typeset_headings(
            items, plain, looks, list_numbers, numbered, entries, listed, noted, frozenset(centred)
        )
    order = sorted(set(keys.values()))
    blocks: list[Block] = [Block(text, role=role) for role, text in placed.get(-1, [])]
    for i, (kind, text, level, is_title) in enumerate(items):
        if i in contents:
            pass
        elif kind == "row":
            blocks.append(Block(text, role="table"))
        elif is_title:
            blocks.append(Block(text, heading_level=1, role="title"))
        elif level is not None:
            blocks.append(Block(text, heading_level=level + int(has_title), role="heading"))
        elif i in implied:
            blocks.append(Block(text, heading_level=implied[i], role="heading"))
        elif i in keys:
            level = styled_depth + 1 + order.index(keys[i])
            title, note = split_notes.get(i, (text, ""))
            label = "" if i in plain else labels.get(i, "")  # drawn already
            blocks.append(Block(_labelled(title, label), heading_level=level, role="heading"))
            blocks += [Block(note)] if note else []
        elif i in numbered:
            title, note = split_notes.get(i, (text, ""))
            blocks.append(Block(title, heading_level=styled_depth + 1 + ranks.index(numbered[i]), role="heading"))
            blocks += [Block(note)] if note else []
        else:
            blocks.append(Block(soft_lines.get(i, text), lines=i in soft_lines))
        blocks += [Block(note, role=role) for role, note in placed.get(i, [])]
    if cover:
        at = next(k for k, b in enumerate(blocks) if b.role == "title")
        blocks.insert(len(placed.get(-1, [])), blocks.pop(at))
    return to_document(_appendix_heads_joined(blocks), path, doc_id, "docx", "docx")
