"""Score the PDF reader's section recovery on real PDFs that other people wrote, against their own bookmarks.

Run as ``python benchmarks/real_pdfs.py`` (``--pages N`` caps the pages read per document, default 40;
``--english N`` the English sample size, default 30; ``--list`` prints the documents and their split).
Every generated newspaper the reader was written on was designed here; these documents were not. The
machine's Debian TeX Live documentation (/usr/share/doc, packages texlive-lang-chinese, texlive-lang-cjk,
texlive-xetex, texlive-base …) holds born-digital PDFs whose authors' tools (hyperref, mostly) wrote a PDF
outline: bookmarks with a title, a level, a page and a position on the page. That outline is the gold —
nothing here comes from our reader's output.

Documents
    *Chinese*: every PDF under /usr/share/doc with ≥ 300 CJK characters among its first pages and an
    outline of ≥ 3 entries with destinations. *English*: a deterministic sample (by a hash of the path) of
    the other PDFs with such an outline. Each document is read up to its first ``--pages`` pages (a copy of
    those pages is what the reader gets); outline entries pointing beyond are left out.
Split
    TUNING or REPORT by a fixed hash of the file name (about half each). Reader fixes may be diagnosed on
    TUNING documents only; REPORT documents are only ever scored (``--list`` shows which is which, never the
    REPORT documents' failures).
Gold
    For each outline entry: its title, page and destination height (PDF points, y up; an entry without a
    height stands at the top of its page). Its *printed heading* is found in the page's own characters (pdfium
    char boxes): the title's first occurrence at or below the destination (within 200 pt), extended to the
    left along its baseline by a section number the title leaves out ("1.1", "第 2 节", "A.3", "Chapter 4").
    An entry whose title is not printed there (math in the title, a bookmark worded differently) cannot be
    matched by text; it is counted (``unprinted``) and left out of all three scores.
Matching
    Texts are compared by their letters and digits only (NFKC, case-folded; spaces, punctuation and dot
    leaders ignored). A heading of ours *matches* an entry when its text is the printed heading — or a
    section number ("第1章", "Chapter 3") followed by it, for numbers set on a line of their own — and it is
    located on the entry's page between 200 pt below the destination and 12 pt above it. A heading that is
    the title without the number printed beside it does not match (``split`` counts those entries).
    Where is a paragraph: the first letters/digits of its text found among the page's characters (the page
    the reader gives it; the plain baseline has no pages, so it is searched forward from where the previous
    paragraph was found), at the top of its first character.
Metrics
    1. heading recall: printed outline entries matched by one of our headings (each used once).
    2. heading precision: our headings (role "heading") that match an entry. A LOWER BOUND: outlines often
       leave out minor headings (\\subsubsection, unnumbered heads, a document's title), which count against
       us here; headings we could not locate count as unmatched.
    3. paragraph→section: every non-heading paragraph of our output that we can locate and that comes after
       the first outline entry (page, then height). Gold = the last entry at or above it (destination at most
       2 pt below the paragraph's top). Ours = the innermost heading of its section path that matches the
       text of some outline entry (headings matching none — minor heads the outline omits — are passed over,
       so a paragraph under a sub-subsection is judged by its subsection). Correct when that heading's text
       is the gold entry's printed heading (so a section number split from its title is wrong). ``by text``
       weighs each paragraph by its letters and digits: the methods cut the text into paragraphs differently
       (the reader into lines or paragraphs, pdfium's text into page-long runs), so this is the column to
       compare them by. Paragraphs
       we cannot locate (``unloc``; e.g. only punctuation, or text the reader changed) are counted, not
       scored; so are those under an unprinted entry. A paragraph with fewer than 2 letters/digits (a lone
       "." of a dot leader, a page number) is neither looked for nor counted.
    Position is page then height, which is reading order for one-column pages; a two-column page's right
    column is misjudged (few such documents here).
Methods (same documents, same gold)
    ``pdf reader``: qa.formats.pdf.read_pdf + the structure stage (what ``qa build`` does). ``plain: pdfium
    text``: pdfium's plain text of the same pages through the plain-text structure stage (the careless
    extraction of benchmarks/formats.py).
"""

from __future__ import annotations

import argparse
import glob
import hashlib
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]

from benchmarks.formats import _outline, _pdfium_text, _plain  # noqa: E402
from qa.formats.pdf import read_pdf  # noqa: E402
from qa.records import Outline  # noqa: E402

DOC_ROOT = Path("/usr/share/doc")
PACKAGES = "texlive-lang-chinese, texlive-lang-cjk, texlive-xetex, texlive-base"
CJK = re.compile(r"[\u3400-\u9fff]")
MIN_CJK = 300  # CJK characters among the first pages for the Chinese family
MIN_ENTRIES = 3
BELOW = 200.0  # a heading may stand this far below its destination (a chapter's title under its number)
ABOVE = 12.0  # … or this far above it (destinations are usually set a little above the heading)
KEY_CHARS = 16  # letters/digits of a paragraph's start searched on its page
RELIABLE = 6  # a paragraph found by at least this many letters/digits moves the search on
# A section number printed beside a title (the outline often leaves it out), after NFKC and case folding.
NUMBER = re.compile(
    r"(第?[0-9一二三四五六七八九十百零〇]+[章节節部篇条條]?|[a-z]|[a-z]?[0-9]+(\.[0-9]+)*|§?[0-9]+(\.[0-9]+)*"
    r"|(chapter|part|appendix|section|附录|附錄)[0-9a-z]*|[ivxlc]+)[.、:：)）]?"
)
NUMBER_KEY = re.compile(
    r"(第?[0-9一二三四五六七八九十百零〇]+[章节節部篇条條]?|[a-z]?[0-9]*|(chapter|part|appendix|section|附录|附錄)[0-9a-z]*|[ivxlc]+)"
)


def key(text: str) -> str:
    """Letters and digits only, NFKC, case-folded: how texts are compared."""
    return "".join(c for c in unicodedata.normalize("NFKC", text).casefold() if c.isalnum())


@dataclass
class PageChars:
    """A page's printed characters: the key string and, for each of its characters, the char's box."""

    text: str  # raw characters (pdfium order), for the number beside a title
    boxes: list[tuple[float, float, float, float]]  # (left, bottom, right, top) per raw character
    keys: str  # key characters
    origin: list[int]  # raw index of each key character


def page_chars(pdf) -> list[PageChars]:  # noqa: ANN001 - pypdfium2.PdfDocument
    import pypdfium2.raw as raw

    pages = []
    for page in pdf:
        textpage = page.get_textpage()
        n = textpage.count_chars()
        raw_chars, boxes, keys, origin = [], [], [], []
        for i in range(n):
            ch = chr(raw.FPDFText_GetUnicode(textpage.raw, i))
            raw_chars.append(ch)
            box = textpage.get_charbox(i)
            boxes.append(box)
            for k in key(ch):
                keys.append(k)
                origin.append(i)
        pages.append(PageChars("".join(raw_chars), boxes, "".join(keys), origin))
        textpage.close()
        page.close()
    return pages


@dataclass
class Entry:
    """One outline entry (bookmark) of the document: the gold."""

    level: int
    title: str
    page: int  # 0-based
    y: float | None  # destination height, PDF points, y up; None = top of page
    printed: str | None = None  # key of the printed heading (number + title), None when not printed

    def position(self) -> tuple[int, float]:
        return (self.page, -(self.y if self.y is not None else 1e9))


def outline_entries(pdf, max_pages: int) -> list[Entry]:  # noqa: ANN001 - pypdfium2.PdfDocument
    entries = []
    for bookmark in pdf.get_toc(max_depth=15):
        dest = bookmark.get_dest()
        if dest is None:
            continue
        page = dest.get_index()
        if page is None or page < 0 or page >= max_pages:
            continue
        _mode, view = dest.get_view()
        y = float(view[1]) if len(view) >= 2 and view[1] not in (None, 0) else None
        entries.append(Entry(bookmark.level, bookmark.get_title() or "", page, y))
    return entries


def _same_line(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    middle = (a[1] + a[3]) / 2
    return b[1] - 1 <= middle <= b[3] + 1


def find_printed(entry: Entry, pages: list[PageChars]) -> None:
    """Set ``entry.printed``: its title as printed near the destination, with the number set beside it."""
    title = key(entry.title)
    if not title or entry.page >= len(pages):
        return
    page = pages[entry.page]
    best: tuple[float, int] | None = None
    at = page.keys.find(title)
    while at >= 0:
        top = page.boxes[page.origin[at]][3]
        if entry.y is None or entry.y - BELOW <= top <= entry.y + ABOVE:
            distance = 0.0 if entry.y is None else abs(entry.y - top)
            if best is None or distance < best[0]:
                best = (distance, at)
        at = page.keys.find(title, at + 1)
    if best is None:
        return
    first = page.origin[best[1]]
    # Walk left along the title's line for a section number the title leaves out.
    start = first
    while start > 0 and (page.text[start - 1].isspace() or _same_line(page.boxes[first], page.boxes[start - 1])):
        if page.text[start - 1] in "\r\n":
            break
        start -= 1
    prefix = unicodedata.normalize("NFKC", page.text[start:first]).casefold()
    prefix = "".join(prefix.split())
    entry.printed = key(prefix) + title if prefix and NUMBER.fullmatch(prefix) else title


def text_matches(heading: str, entry: Entry) -> bool:
    """Is ``heading`` (key) the entry's printed heading, or a number on its own line followed by it?"""
    if not entry.printed:
        return False
    if heading == entry.printed:
        return True
    return heading.endswith(entry.printed) and bool(NUMBER_KEY.fullmatch(heading[: -len(entry.printed)]))


def _bare_title(heading: str, printed: str) -> bool:
    """Is ``heading`` the printed heading without the section number printed before it?"""
    return (
        len(heading) < len(printed)
        and printed.endswith(heading)
        and bool(NUMBER_KEY.fullmatch(printed[: -len(heading)]))
    )


@dataclass
class Located:
    page: int  # 0-based
    top: float

    def position(self) -> tuple[int, float]:
        return (self.page, -self.top)


class Locator:
    """Finds where a paragraph of an output starts among the pages' characters."""

    def __init__(self, pages: list[PageChars]) -> None:
        self.pages = pages
        self.cursor = (0, 0)  # (page, key index) after the last paragraph found

    def find(self, text: str, page: int | None) -> Located | None:
        k = key(text)
        for n in (KEY_CHARS, 8, 4):
            if len(k) < min(n, 2) or (n < KEY_CHARS and len(k) <= n):
                continue
            found = self._search(k[:n], page)
            if found is not None:
                return found
        return None

    def _search(self, probe: str, page: int | None) -> Located | None:
        order: Iterable[tuple[int, int]]
        c_page, c_at = self.cursor
        if page is not None:  # the reader's page: from the cursor when on it, then the whole page, then the next
            order = [(page, c_at if c_page == page else 0), (page, 0), (page + 1, 0)]
        else:  # pdfium's text runs in the pages' character order: search forward, then from the start
            order = [(c_page, c_at)] + [(p, 0) for p in range(c_page + 1, len(self.pages))]
            order += [(p, 0) for p in range(0, c_page + 1)]
        for p, start in order:
            if not 0 <= p < len(self.pages):
                continue
            chars = self.pages[p]
            at = chars.keys.find(probe, start)
            if at >= 0:
                if len(probe) >= RELIABLE:  # a short probe ("1.2", "图 1") may be found far ahead: don't jump there
                    self.cursor = (p, at + len(probe))
                return Located(p, chars.boxes[chars.origin[at]][3])
        return None


@dataclass
class Score:
    docs: int = 0
    pages: int = 0
    entries: int = 0  # printed outline entries (the recall denominator)
    unprinted: int = 0
    found: int = 0  # entries matched by a heading
    split: int = 0  # entries missed where a heading is the title without its printed number
    headings: int = 0  # our headings (the precision denominator)
    right_headings: int = 0
    paragraphs: int = 0  # located body paragraphs after the first entry, under a printed entry
    right_paragraphs: int = 0
    text: int = 0  # letters/digits of those paragraphs
    right_text: int = 0
    unlocated: int = 0
    crashes: int = 0
    failures: list[str] = field(default_factory=list)  # for diagnosis on TUNING documents

    def add(self, other: Score) -> None:
        for name in self.__dataclass_fields__:
            if name != "failures":
                setattr(self, name, getattr(self, name) + getattr(other, name))
        self.failures += other.failures

    @staticmethod
    def rate(a: int, b: int) -> str:
        return f"{a / b:.3f}" if b else "  -  "


def score_document(outline: Outline, entries: list[Entry], pages: list[PageChars], paged: bool) -> Score:
    """Score one output (``outline``) of a document against its outline ``entries`` (printed already found).

    ``paged``: the output's paragraphs carry the page they were read on (the reader); otherwise they are
    searched for in character order (pdfium's plain text).
    """
    score = Score(docs=1, pages=len(pages))
    printed = [e for e in entries if e.printed]
    score.entries, score.unprinted = len(printed), len(entries) - len(printed)
    locator = Locator(pages)
    where: dict[int, Located | None] = {}
    for para in outline.paragraphs:
        page = para.page_start - 1 if paged and para.page_start else None
        where[para.index] = locator.find(para.text, page)
    # 1, 2: headings
    used: set[int] = set()
    headings = [p for p in outline.paragraphs if outline.roles.get(p.index) == "heading"]
    score.headings = len(headings)
    for para in headings:
        spot, k = where[para.index], key(para.text)
        if spot is None:
            continue
        for n, entry in enumerate(printed):
            if n in used or entry.page != spot.page or not text_matches(k, entry):
                continue
            if entry.y is not None and not entry.y - BELOW <= spot.top <= entry.y + ABOVE:
                continue
            used.add(n)
            score.right_headings += 1
            break
    score.found = len(used)
    heading_keys = {key(p.text) for p in headings} - {""}
    for n, entry in enumerate(printed):
        if n not in used:
            score.split += any(_bare_title(h, entry.printed or "") for h in heading_keys)
            score.failures.append(f"missed heading p.{entry.page + 1}: {entry.title}")
    # 3: paragraph → section
    ordered = sorted(entries, key=Entry.position)
    section_of: dict[int, tuple[str, ...]] = {}
    for section in outline.sections:
        for i in section.paragraphs:
            section_of[i] = section.path
    for para in outline.paragraphs:
        if outline.roles.get(para.index) == "heading" or para.index not in section_of:
            continue
        spot = where[para.index]
        if spot is None:
            score.unlocated += len(key(para.text)) >= 2  # a lone "." or "1" is not looked for, nor counted
            continue
        gold = None
        for entry in ordered:
            if entry.page < spot.page or (entry.page == spot.page and (entry.y is None or entry.y >= spot.top - 2)):
                gold = entry
            else:
                break
        if gold is None or not gold.printed:
            continue  # before the first entry (title page, contents), or under an entry no text can match
        score.paragraphs += 1
        score.text += len(key(para.text))
        mine = next(
            (k for k in (key(t) for t in reversed(section_of[para.index])) if any(text_matches(k, e) for e in printed)),
            None,
        )
        if mine is not None and text_matches(mine, gold):
            score.right_paragraphs += 1
            score.right_text += len(key(para.text))
        else:
            path = " › ".join(section_of[para.index])
            score.failures.append(f"p.{spot.page + 1} para under '{gold.title}' filed under '{path}': {para.text[:40]}")
    return score


# ---------------------------------------------------------------------------------------------- documents


@dataclass(frozen=True)
class RealPdf:
    path: Path
    family: str  # "Chinese" / "English"
    split: str  # "TUNING" / "REPORT"


def split_of(path: Path) -> str:
    """A fixed hash of the file name: the same document is always on the same side."""
    return "TUNING" if hashlib.sha256(path.name.encode()).digest()[0] % 2 == 0 else "REPORT"


def find_documents(root: Path, english: int, probe_pages: int = 10) -> list[RealPdf]:
    import pypdfium2 as pdfium

    chinese, others = [], []
    seen: set[str] = set()  # the same file shipped by two packages is one document
    for name in sorted(glob.glob(str(root / "**" / "*.pdf"), recursive=True)):
        if not Path(name).is_file():  # a link whose target a package did not install (Debian's tex-gyre docs)
            continue
        digest = hashlib.sha256(Path(name).read_bytes()).hexdigest()
        if digest in seen:
            continue
        seen.add(digest)
        try:
            pdf = pdfium.PdfDocument(name)
        except Exception:  # damaged or encrypted: not a candidate
            continue
        try:
            dests = sum(1 for b in pdf.get_toc(max_depth=15) if b.get_dest() is not None)
            if dests < MIN_ENTRIES:
                continue
            cjk = 0
            for i in range(min(len(pdf), probe_pages)):
                textpage = pdf[i].get_textpage()
                cjk += len(CJK.findall(textpage.get_text_range()))
                textpage.close()
            (chinese if cjk >= MIN_CJK else others).append(Path(name))
        except Exception:
            continue
        finally:
            pdf.close()
    sample = sorted(others, key=lambda p: hashlib.sha256(str(p).encode()).hexdigest())[:english]
    docs = [RealPdf(p, "Chinese", split_of(p)) for p in chinese]
    return docs + [RealPdf(p, "English", split_of(p)) for p in sorted(sample)]


def first_pages(source: Path, target: Path, max_pages: int) -> int:
    """Write the first ``max_pages`` pages of ``source`` to ``target``; the number of pages written."""
    import pypdfium2 as pdfium

    src = pdfium.PdfDocument(str(source))
    try:
        n = min(len(src), max_pages)
        out = pdfium.PdfDocument.new()
        out.import_pages(src, list(range(n)))
        out.save(str(target))
        out.close()
        return n
    finally:
        src.close()


def score_pdf(path: Path, max_pages: int, folder: Path) -> dict[str, Score]:
    """Both methods' scores on one real PDF (its first ``max_pages`` pages)."""
    import pypdfium2 as pdfium

    short = folder / path.name
    first_pages(path, short, max_pages)
    pdf = pdfium.PdfDocument(str(path))
    try:
        entries = outline_entries(pdf, max_pages)
    finally:
        pdf.close()
    pdf = pdfium.PdfDocument(str(short))
    try:
        pages = page_chars(pdf)
    finally:
        pdf.close()
    for entry in entries:
        find_printed(entry, pages)
    scores = {}
    try:
        doc = read_pdf(short, path.name)
        scores["pdf reader"] = score_document(_outline("pdf reader", doc), entries, pages, paged=True)
    except Exception as exc:  # a crash scores nothing found, and says so
        print(f"pdf reader failed on {path}: {exc!r}", file=sys.stderr)
        scores["pdf reader"] = score_document(Outline(path.name, [], []), entries, pages, paged=True)
        scores["pdf reader"].crashes = 1
    plain = _plain(path.name, _pdfium_text(short))
    scores["plain: pdfium text"] = score_document(_outline("plain: pdfium text", plain), entries, pages, paged=False)
    return scores


def _packages(paths: list[Path]) -> str:
    if not shutil.which("dpkg") or not paths:
        return PACKAGES
    try:
        out = subprocess.run(["dpkg", "-S", *map(str, paths)], capture_output=True, text=True, timeout=60).stdout
    except (OSError, subprocess.SubprocessError):
        return PACKAGES
    names = sorted({line.split(":")[0] for line in out.splitlines() if ":" in line})
    return ", ".join(names) or PACKAGES


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=40, help="pages read per document (default 40)")
    parser.add_argument("--english", type=int, default=30, help="English documents sampled (default 30)")
    parser.add_argument("--root", type=Path, default=DOC_ROOT, help="where to look for PDFs (default /usr/share/doc)")
    parser.add_argument("--list", action="store_true", help="list the documents with family and split, and stop")
    parser.add_argument("--only", default="", help="score only the documents whose path contains this text")
    parser.add_argument(
        "--failures", default="", help="print the failures of the TUNING documents whose path contains this text"
    )
    args = parser.parse_args()
    docs = find_documents(args.root, args.english)
    if not any(d.family == "Chinese" for d in docs):
        print(f"no Chinese PDF with an outline under {args.root}: skipped (Debian's {PACKAGES} documentation has them)")
        return
    if args.list:
        for d in docs:
            print(f"{d.family:<8} {d.split:<7} {d.path}")
        return
    docs = [d for d in docs if args.only in str(d.path)]
    print(f"documents from Debian packages: {_packages([d.path for d in docs])}", file=sys.stderr)
    rows: dict[tuple[str, str, str], Score] = {}
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        for n, d in enumerate(docs, 1):
            t0 = time.perf_counter()
            scores = score_pdf(d.path, args.pages, Path(tmp))
            for method, s in scores.items():
                rows.setdefault((d.split, d.family, method), Score()).add(s)
            reader = scores["pdf reader"]
            print(
                f"[{n}/{len(docs)}] {d.family} {d.split} {d.path.name}: {reader.pages} p,"
                f" {time.perf_counter() - t0:.1f}s",
                file=sys.stderr,
            )
            if args.failures and d.split == "TUNING" and args.failures in str(d.path):
                for line in reader.failures:
                    print(f"  {d.path.name}: {line}", file=sys.stderr)
    head = (
        f"{'split':<7} {'family':<8} {'method':<19} {'docs':>4} {'pages':>5} {'entries':>7} {'unpr':>4}"
        f" {'recall':>6} {'split#':>6} {'heads':>5} {'prec≥':>6}"
        f" {'paras':>6} {'para→sec':>8} {'by text':>7} {'unloc':>6} {'crash':>5}"
    )
    print(head)
    print("-" * len(head))
    for split in ("TUNING", "REPORT"):
        for family in ("Chinese", "English"):
            for method in ("pdf reader", "plain: pdfium text"):
                s = rows.get((split, family, method))
                if s is None:
                    continue
                print(
                    f"{split:<7} {family:<8} {method:<19} {s.docs:>4} {s.pages:>5} {s.entries:>7} {s.unprinted:>4}"
                    f" {Score.rate(s.found, s.entries):>6} {s.split:>6} {s.headings:>5}"
                    f" {Score.rate(s.right_headings, s.headings):>6} {s.paragraphs:>6}"
                    f" {Score.rate(s.right_paragraphs, s.paragraphs):>8} {Score.rate(s.right_text, s.text):>7}"
                    f" {s.unlocated:>6} {s.crashes:>5}"
                )
    print(f"\n{len(docs)} documents, first {args.pages} pages each, {time.perf_counter() - started:.0f}s")


if __name__ == "__main__":
    main()
