"""A Word paragraph's lines and their type: where a soft line break parts it, and each line's size and weight.

Two things Word users do that paragraph styles do not show:

- they type Shift+Enter (a line break, ``w:br``) between what are really paragraphs — '一、值班时间⏎春节期间…。
  ⏎二、值班人员⏎…' in one paragraph, a habit of pasted text — and inside one: a meeting's field block, a poem, a
  sentence broken mid-way. ``qa.formats.soft_breaks`` says which break parts the paragraph; the lines of one part
  stay lines of their own (joined by '\n', never glued) in one paragraph; a paragraph whose lines were broken
  where a margin was (``wrapped``: text converted from a PDF) gives ``docx.py`` no numbered heading;
- they make a heading by direct formatting (bold, a larger size, in the Normal style): each line's size and
  weight are resolved as Word resolves them — the run's own properties, its character style, the paragraph's
  style, each with the styles it is based on, then the document defaults — so the reader can tell a line set
  apart from the body (``docx.py`` decides what is a heading).
"""

from __future__ import annotations

from dataclasses import dataclass

from qa.formats.blocks import clean_inline
from qa.formats.soft_breaks import ends_paragraph

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DEFAULT_SIZE = 10.0  # points: Word's size when neither a style nor the document defaults set one

@dataclass(frozen=True)
class Line:
    """One line of a paragraph — or one part of lines its soft breaks do not part ('\n' between them): its text,
    the smallest size (points), whether every character is bold, and whether its lines were broken where a margin
    was (``wrapped``: each but the last about as long as the paragraph's longest — a PDF converted to Word, a
    license pasted as preformatted text — not a field block of short lines)."""

    text: str
    size: float
    bold: bool
    wrapped: bool = False


def _on(element) -> bool | None:  # noqa: ANN001 - lxml w:b
    """A toggle property's value: present without w:val or with a true value is on."""
    if element is None:
        return None
    return element.get(f"{_W}val") not in ("0", "false", "off", "none")


def _props(rpr) -> tuple[float | None, bool | None]:  # noqa: ANN001 - lxml w:rPr or None
    if rpr is None:
        return None, None
    sz = rpr.find(f"{_W}sz")
    size = None
    if sz is not None:
        try:
            size = int(sz.get(f"{_W}val") or "") / 2
        except ValueError:
            size = None
    return size, _on(rpr.find(f"{_W}b"))


class RunFormats:
    """Resolves a run's size and weight from the document's styles part (``w:styles``)."""

    def __init__(self, styles) -> None:  # noqa: ANN001 - lxml w:styles or None
        self._styles: dict[str, object] = {}
        self._cache: dict[str, tuple[float | None, bool | None]] = {}
        self.default_paragraph_style = ""
        size, bold = None, None
        if styles is not None:
            for style in styles.iterchildren(f"{_W}style"):
                sid = style.get(f"{_W}styleId") or ""
                self._styles[sid] = style
                if style.get(f"{_W}type") == "paragraph" and style.get(f"{_W}default") in ("1", "true", "on"):
                    self.default_paragraph_style = sid
            defaults = styles.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr")
            size, bold = _props(defaults)
        self.default_size = size or DEFAULT_SIZE
        self.default_bold = bool(bold)

    def style(self, sid: str) -> tuple[float | None, bool | None]:
        """Size and weight a style sets, itself or through the styles it is based on (None: not set)."""
        if sid not in self._cache:
            size, bold, seen = None, None, 0
            current = self._styles.get(sid)
            while current is not None and seen < 10 and (size is None or bold is None):
                own_size, own_bold = _props(current.find(f"{_W}rPr"))
                size = own_size if size is None else size
                bold = own_bold if bold is None else bold
                based = current.find(f"{_W}basedOn")
                current = self._styles.get(based.get(f"{_W}val") or "") if based is not None else None
                seen += 1
            self._cache[sid] = (size, bold)
        return self._cache[sid]

    def paragraph_style(self, paragraph) -> str:  # noqa: ANN001 - lxml w:p
        found = paragraph.find(f"{_W}pPr/{_W}pStyle")
        return (found.get(f"{_W}val") or "") if found is not None else self.default_paragraph_style

    def run(self, run, paragraph_style: str) -> tuple[float, bool]:  # noqa: ANN001 - lxml w:r or None
        """A run's size (points) and weight; text outside a run (an equation) takes the paragraph's."""
        rpr = run.find(f"{_W}rPr") if run is not None else None
        size, bold = _props(rpr)
        char = rpr.find(f"{_W}rStyle") if rpr is not None else None
        for sid in ([char.get(f"{_W}val") or ""] if char is not None else []) + [paragraph_style]:
            style_size, style_bold = self.style(sid)
            size = style_size if size is None else size
            bold = style_bold if bold is None else bold
        return (size or self.default_size), (self.default_bold if bold is None else bold)


LAID_OUT = 0.6  # a line this long (share of its paragraph's longest) before a soft break filled the line


def _look(parts: list[tuple[str, float, bool]], formats: RunFormats) -> tuple[float, bool]:
    """A line's type: its smallest size and whether all of it is bold (a line set apart is its own paragraph)."""
    marked = [(size, bold) for t, size, bold in parts if t.strip()]
    return min((s for s, _ in marked), default=formats.default_size), bool(marked) and all(b for _, b in marked)


def paragraph_lines(pieces: list[tuple[str, object]], formats: RunFormats, paragraph) -> list[Line]:  # noqa: ANN001
    """The lines of a paragraph from its text pieces (text, run element) in order, '\\n' standing for a break.

    Each line is cleaned as one line of text (``clean_inline``); blank lines are dropped."""
    style = formats.paragraph_style(paragraph)
    raw: list[list[tuple[str, float, bool]]] = [[]]
    for text, run in pieces:
        size, bold = formats.run(run, style)
        for k, part in enumerate(text.split("\n")):
            if k:
                raw.append([])
            if part:
                raw[-1].append((part, size, bold))
    texts = [clean_inline("".join(t for t, _, _ in parts)) for parts in raw]
    kept = [(t, parts) for t, parts in zip(texts, raw, strict=True) if t]
    if not kept:
        return []
    groups: list[list[list[tuple[str, float, bool]]]] = [[kept[0][1]]]
    for (before, parts_before), (after, parts) in zip(kept, kept[1:], strict=False):
        if ends_paragraph(before, after, _look(parts_before, formats) == _look(parts, formats)):
            groups.append([parts])
        else:
            groups[-1].append(parts)
    longest = max(len(t) for t, _ in kept)
    lines: list[Line] = []
    for group in groups:
        texts = [clean_inline("".join(t for t, _, _ in parts)) for parts in group]
        marked = [(size, bold) for parts in group for t, size, bold in parts if t.strip()]
        size = min((s for s, _ in marked), default=formats.default_size)
        # broken where the margin was (each line but the last nearly as long as the longest): text laid out by line
        laid_out = len(texts) > 1 and all(len(t) >= LAID_OUT * longest for t in texts[:-1])
        lines.append(Line("\n".join(texts), size, bool(marked) and all(b for _, b in marked), laid_out))
    return lines
