"""Cut each section of an outline into sentence-aligned, overlapping chunks.

An averaging encoder (USE-m3) blurs long passages, so chunks are kept short; a chunk never
crosses a section, so its citation is always one section path. Every chunk keeps the source
spans (line range and character span) it was cut from, even when the section was stitched from
fragments far apart on the page.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from qa.records import Chunk, Outline, Paragraph, Span
from qa.sentences import bounded_sentence_spans


@dataclass(frozen=True)
class ChunkingParams:
    """How text is cut. Stored in the index manifest: a change means re-chunking."""

    size: int = 300  # most characters in a chunk
    overlap: int = 80  # characters of trailing sentences repeated at the start of the next chunk
    prefix_section: bool = True  # embed "section path\ntext"; the shown text never has the prefix

    def __post_init__(self) -> None:
        if self.size < 20:
            raise ValueError("chunk size must be at least 20 characters")
        if not 0 <= self.overlap < self.size // 2:
            raise ValueError("chunk overlap must be between 0 and half the chunk size")

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True)
class _Segment:
    """Where one paragraph sits inside the concatenated section text."""

    start: int
    end: int
    para: Paragraph


# A space between two CJK characters or CJK punctuation marks (a hard-wrapped line's end, shown as a space).
_CJK = "\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef"
_CJK_GAP = re.compile(rf"(?<=[{_CJK}]) +(?=[{_CJK}])")


def reading_text(text: str) -> str:
    """``text`` as the model and the keyword index read it: without the spaces a hard wrap left inside CJK words.

    A Chinese paragraph wrapped every 20 characters ('建成于一' / '九九零年以前') is shown with a space where each line
    ended, so that offsets map to the source; read with that space, '一九九零年' is two words that no question
    matches, and the paragraph scored a fifth of its unwrapped copy. CJK sets no spaces between words, so the
    space is dropped only here."""
    return _CJK_GAP.sub("", text)


def _section_text(paragraphs: list[Paragraph], joins: list[bool]) -> tuple[str, list[_Segment]]:
    parts: list[str] = []
    segments: list[_Segment] = []
    pos = 0
    for i, para in enumerate(paragraphs):
        if i > 0 and not joins[i]:
            parts.append("\n")
            pos += 1
        # Hard-wrapped lines inside a paragraph become spaces: same length, so offsets still map. A code block's
        # lines are its statements: run together, two commands read as one ('… https://x helm install …').
        text = para.text if para.role_hint == "code" else para.text.replace("\n", " ")
        parts.append(text)
        segments.append(_Segment(pos, pos + len(text), para))
        pos += len(text)
    return "".join(parts), segments


_CELL_SEP = " | "  # how every reader joins a table row's cells (qa.formats.table_rows, the PDF and CSV readers)


def _cells(text: str) -> list[str] | None:
    """A paragraph's cells when it is one table row ('2008年 | 1,349 | 237'), else None."""
    if "\n" in text or _CELL_SEP not in text:
        return None
    return [c.strip() for c in text.split(_CELL_SEP)]


def table_heads(paragraphs: list[Paragraph]) -> list[str | None]:
    """For each paragraph, the header row of the table it is a row of (None for any other paragraph and for the
    header itself) — only where the rows do not name their columns themselves.

    A long table is cut into several chunks, and only the first holds the header row ('年份 | 營業額 | 僱員人數'):
    a PDF's ruled table reads its rows as the page prints them ('2008年 | 1,349 | 237 | 1,599'), with no column
    names. A question about one row ('2008年的僱員人數是多少？') then found the column's name only in the chunk of the
    header and the first rows, which outranked the chunk holding the answering row. The DOCX, HTML and CSV readers
    label each value with its column ('僱員人數：1,599', ``qa.formats.table_rows``); such rows are left as they are.
    A table is a run of rows of one width, its header a first row the CSV reader's rule takes for one
    (``qa.formats.delimited.is_header``, column-name words in most cells or a column of figures under it)."""
    from qa.formats.delimited import is_header

    heads: list[str | None] = [None] * len(paragraphs)
    i = 0
    while i < len(paragraphs):
        first = _cells(paragraphs[i].text)
        j = i + 1
        while first is not None and j < len(paragraphs):
            cells = _cells(paragraphs[j].text)
            if cells is None or len(cells) != len(first):
                break
            j += 1
        if first is not None and j - i > 2:
            rows = [_cells(p.text) or [] for p in paragraphs[i:j]]
            labelled = any(c.startswith(f"{name}：") for row in rows[1:] for name, c in zip(first, row, strict=False))
            if not labelled and is_header(first, rows, words_in_most=True):
                for k in range(i + 1, j):
                    heads[k] = paragraphs[i].text
        i = max(j, i + 1)
    return heads


def _windows(units: list[tuple[int, int]], size: int, overlap: int) -> list[tuple[int, int]]:
    """Greedy packing of sentence units into windows of at most ``size`` characters."""
    windows: list[tuple[int, int]] = []
    i = 0
    while i < len(units):
        j = i
        while j + 1 < len(units) and units[j + 1][1] - units[i][0] <= size:
            j += 1
        windows.append((units[i][0], units[j][1]))
        if j + 1 >= len(units):
            break
        # Next window starts with trailing units of this one that fit in ``overlap``.
        k = j + 1
        while k - 1 > i and units[j][1] - units[k - 1][0] <= overlap:
            k -= 1
        i = k
    return windows


def _spans_for(start: int, end: int, segments: list[_Segment]) -> list[Span]:
    """Source spans of section text [start, end); paragraphs adjacent in the source merge."""
    spans: list[Span] = []
    previous: Paragraph | None = None
    for seg in segments:
        a, b = max(start, seg.start), min(end, seg.end)
        if a >= b:
            continue
        para = seg.para
        rel_a, rel_b = a - seg.start, b - seg.start
        span = Span(
            line_start=para.line_start + para.text.count("\n", 0, rel_a),
            line_end=para.line_start + para.text.count("\n", 0, max(rel_b - 1, 0)),
            char_start=para.char_start + rel_a,
            char_end=para.char_start + rel_b,
        )
        if spans and previous is not None and para.index == previous.index + 1:
            last = spans[-1]
            span = Span(last.line_start, span.line_end, last.char_start, span.char_end)
            spans[-1] = span
        else:
            spans.append(span)
        previous = para
    return spans


def chunk_outline(outline: Outline, params: ChunkingParams | None = None) -> list[Chunk]:
    """Chunks for every section of ``outline``, numbered in reading order."""
    params = params or ChunkingParams()
    chunks: list[Chunk] = []
    for section in outline.sections:
        paragraphs = [outline.paragraphs[i] for i in section.paragraphs]
        text, segments = _section_text(paragraphs, section.joins)
        heads = table_heads(paragraphs)
        for a, b in _windows(bounded_sentence_spans(text, params.size), params.size, params.overlap):
            # Trim surrounding whitespace so the shown text starts and ends on a character.
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if a >= b:
                continue
            body = text[a:b]
            read = reading_text(body)
            label = section.label
            # Rows of a table whose header row is in an earlier chunk: the header is read with them (embedded and
            # indexed, never shown), as a section's path is.
            header = next(
                (
                    heads[k]
                    for k, seg in enumerate(segments)
                    if heads[k] and seg.start < b and a < seg.end and heads[k] not in body
                ),
                None,
            )
            if header:
                read = f"{reading_text(header)}\n{read}"
            pages = [
                page
                for seg in segments
                if seg.start < b and a < seg.end
                for page in (seg.para.page_start, seg.para.page_end)
                if page is not None
            ]
            chunks.append(
                Chunk(
                    chunk_id=f"{outline.doc_id}#{len(chunks)}",
                    doc_id=outline.doc_id,
                    section_path=section.path,
                    text=body,
                    spans=_spans_for(a, b, segments),
                    embed_text=f"{label}\n{read}" if params.prefix_section and label else read,
                    page_start=min(pages) if pages else None,
                    page_end=max(pages) if pages else None,
                    section_confidence=min(
                        (outline.confidence.get(s.para.index, 1.0) for s in segments if s.start < b and s.end > a),
                        default=1.0,
                    ),
                )
            )
    return chunks
