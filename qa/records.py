"""Plain data records passed between pipeline stages.

Data flows one way: load -> paragraphs -> structure (sections) -> chunks -> vectors -> index ->
search -> answers. Each stage takes the records of the stage before and returns its own, so any
stage (the structure stage in particular) can be replaced without touching the others.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

SECTION_SEPARATOR = " › "
CITATION_SECTION = " § "
# A document id with one of these (or anything unprintable, or edge spaces) is quoted in citations.
_CITATION_SEPARATORS = (":", "§", '"')
# A section assignment at or above this confidence (a calibrated P(section right), see
# qa/structure/confidence.py) is shown as certain; below it the CLI and the web app mark the citation
# as uncertain. Chosen by `python benchmarks/structure_confidence.py --train`: the lowest value from 0.9
# up whose confident set is >= 0.98 right on training pages scored by calibrators fitted without their
# layout family; `python benchmarks/structure_confidence.py` reports precision and coverage on held-out
# families.
CONFIDENT_SECTION = 0.9


@dataclass(frozen=True)
class LineHint:
    """What a structured source format (PDF, DOCX, HTML) says about one line of its extracted text.

    Plain text cannot say which line is a headline; a PDF's font sizes, a DOCX heading style or an
    ``<h2>`` can. Loaders record it here so the structure stage uses it instead of guessing.
    """

    page: int | None = None  # 1-based page the line was printed on (PDF); None when the format has no pages
    heading_level: int | None = None  # 1 = top level; set only where the source marks a heading
    role: str | None = None  # e.g. "kicker", "subtitle", "byline", "body", when the source tells
    # The page's printed edition ("第2版") when it differs from its place in the file: newspaper
    # jump markers ("下转第2版") name editions, not PDF page indexes.
    edition: int | None = None
    # Headline of the article this line continues when that article is in another file of the
    # same issue (page files of one paper indexed together); set by qa.formats.issues.
    continues: str | None = None


@dataclass(frozen=True)
class Document:
    """A decoded source file. ``text`` is normalised (LF line endings, ASCII spaces).

    ``hints`` is None for plain text. For a structured format it maps 1-based line numbers of
    ``text`` to what the source said about that line; a line a structured source did not mark as a
    heading is body text (the structure stage must not promote it to a headline).
    """

    doc_id: str  # path relative to the root the user gave, with forward slashes
    path: Path
    text: str
    sha256: str  # hash of the normalised text, so a re-encoded but identical file is unchanged
    encoding: str
    hints: dict[int, LineHint] | None = None
    source_format: str = "text"  # "text", "markdown", "pdf", "docx", "html", "csv"


@dataclass(frozen=True)
class Paragraph:
    """A run of source text the layout presents as one block.

    Offsets point into ``Document.text`` so a citation can always be traced back to the source.
    """

    index: int  # position in source order, 0-based
    text: str
    line_start: int  # 1-based, inclusive
    line_end: int  # 1-based, inclusive
    char_start: int
    char_end: int  # exclusive
    # From the document's LineHints (structured formats only); None for plain text.
    page_start: int | None = None
    page_end: int | None = None
    heading_level: int | None = None  # the source marks this paragraph as a heading of this level
    role_hint: str | None = None
    edition: int | None = None  # printed edition ("第2版") of page_start, when it differs from the page number
    continues: str | None = None  # headline of the article in another file this paragraph continues


@dataclass(frozen=True)
class Span:
    """A contiguous piece of the source that a chunk's text came from."""

    line_start: int
    line_end: int
    char_start: int
    char_end: int

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


@dataclass
class Section:
    """The body paragraphs of one section (an article, or a part of one) in reading order.

    ``paragraphs`` holds indexes into ``Outline.paragraphs``. ``joins[i]`` is True when
    paragraph ``i`` continues paragraph ``i - 1`` mid-sentence, so the chunker glues them without
    a paragraph break. A section's paragraphs need not be contiguous in the source: a stitched
    article cites every line range it came from.
    """

    path: tuple[str, ...]
    paragraphs: list[int]
    joins: list[bool] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.joins:
            self.joins = [False] * len(self.paragraphs)

    @property
    def label(self) -> str:
        return SECTION_SEPARATOR.join(self.path)


@dataclass(frozen=True)
class Stitch:
    """A decision that paragraph ``head`` continues in paragraph ``tail``."""

    head: int
    tail: int
    confidence: float  # 0..1
    reason: str


@dataclass
class Outline:
    """What the structure stage recovered for one document."""

    doc_id: str
    paragraphs: list[Paragraph]
    sections: list[Section]
    roles: dict[int, str] = field(default_factory=dict)  # paragraph index -> heading/body/byline/...
    stitches: list[Stitch] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # ambiguities a user should check
    # paragraph index -> how sure the stage is of the section it put the paragraph in (0..1);
    # absent for a paragraph means 1.0 (e.g. Markdown headings, hinted formats)
    confidence: dict[int, float] = field(default_factory=dict)

    def section_confidence(self, section: Section) -> float:
        """The weakest paragraph assignment of a section's paragraphs."""
        return min((self.confidence.get(i, 1.0) for i in section.paragraphs), default=1.0)


@dataclass
class Chunk:
    """A retrievable passage. ``text`` is what users see; ``embed_text`` may add the section path."""

    chunk_id: str  # "<doc_id>#<n>", stable while the document and chunking settings are unchanged
    doc_id: str
    section_path: tuple[str, ...]
    text: str
    spans: list[Span]
    embed_text: str = ""
    # Pages of a paginated source (PDF) the text was printed on; None for formats without pages.
    page_start: int | None = None
    page_end: int | None = None

    @property
    def pages(self) -> str:
        """'p.1' or 'p.1–2' for a paginated source, '' otherwise."""
        if self.page_start is None:
            return ""
        end = self.page_end if self.page_end is not None else self.page_start
        return f"p.{self.page_start}" if end == self.page_start else f"p.{self.page_start}–{end}"
    section_confidence: float = 1.0  # how sure the structure stage is of section_path (weakest paragraph)

    @property
    def line_start(self) -> int:
        return min(s.line_start for s in self.spans)

    @property
    def line_end(self) -> int:
        return max(s.line_end for s in self.spans)

    @property
    def section_label(self) -> str:
        return SECTION_SEPARATOR.join(self.section_path)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "chunk_id": self.chunk_id,
            "doc_id": self.doc_id,
            "section_path": list(self.section_path),
            "text": self.text,
            "spans": [s.as_dict() for s in self.spans],
            "embed_text": self.embed_text,
            "section_confidence": self.section_confidence,
        }
        if self.page_start is not None:
            data["page_start"], data["page_end"] = self.page_start, self.page_end
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Chunk:
        return cls(
            chunk_id=data["chunk_id"],
            doc_id=data["doc_id"],
            section_path=tuple(data["section_path"]),
            text=data["text"],
            spans=[Span(**s) for s in data["spans"]],
            embed_text=data.get("embed_text", ""),
            page_start=data.get("page_start"),
            page_end=data.get("page_end"),
            section_confidence=float(data.get("section_confidence", 1.0)),
        )


def format_line_ranges(spans: list[Span]) -> str:
    """'12-19,134' style: every source line range a passage came from, merged where adjacent."""
    ranges: list[list[int]] = []
    for span in sorted(spans, key=lambda s: s.line_start):
        if ranges and span.line_start <= ranges[-1][1] + 1:
            ranges[-1][1] = max(ranges[-1][1], span.line_end)
        else:
            ranges.append([span.line_start, span.line_end])
    return ",".join(f"{a}" if a == b else f"{a}-{b}" for a, b in ranges)


def _escape_unprintable(text: str, quote: bool) -> str:
    """Line breaks, controls and other invisible characters as ``\\n`` / ``\\uXXXX`` escapes."""
    out = []
    for ch in text:
        if quote and ch in '"\\':
            out.append("\\" + ch)
        elif ch.isprintable() or ch == " ":
            out.append(ch)
        elif ch in "\n\t\r":
            out.append({"\n": "\\n", "\t": "\\t", "\r": "\\r"}[ch])
        else:  # JSON's \\uXXXX, as a surrogate pair above the BMP, so json.loads reads a quoted id back
            units = ch.encode("utf-16-be", errors="surrogatepass")
            out.extend(f"\\u{int.from_bytes(units[i : i + 2], 'big'):04x}" for i in range(0, len(units), 2))
    return "".join(out)


def quote_doc_id(doc_id: str) -> str:
    """A document id as it appears in a citation: bare when plain, else in double quotes.

    ``doc:lines § section`` must stay one line and parse one way whatever the file is called:
    an id containing ``:``, ``§``, ``"``, a line break or another invisible character (or with
    spaces at its ends) is written as a JSON string, ``"a:b.txt":3-5 § 标题``, which
    ``json.loads`` turns back into the exact id.
    """
    plain = (
        doc_id
        and doc_id == doc_id.strip()
        and not any(sep in doc_id for sep in _CITATION_SEPARATORS)
        and all(ch.isprintable() or ch == " " for ch in doc_id)
    )
    return doc_id if plain else '"' + _escape_unprintable(doc_id, quote=True) + '"'


def format_citation(doc_id: str, lines: str, section_label: str = "", pages: str = "") -> str:
    """``document:lines § section path`` (``document:lines p.2 § …`` with pages), on one line,
    with the document id quoted if it must be."""
    citation = f"{quote_doc_id(doc_id)}:{lines}" + (f" {pages}" if pages else "")
    return citation + (CITATION_SECTION + _escape_unprintable(section_label, quote=False) if section_label else "")
