"""The PDF reader on REAL web pages printed to PDF, scored against the pages' authors' own headings.

``python benchmarks/real_printed.py`` prints one table: per family of pages, per printer, per split
(TUNING / REPORT), how well ``qa.formats.pdf.read_pdf`` + ``qa.structure.recover_outline`` (what ``qa
build`` does with a PDF) recover the sections the page's author marked up, beside a plain-text baseline
in the same run. ``--diagnose`` lists what went wrong on TUNING documents only.

Why: benchmarks/real_pdfs.py has only TeX-made manuals; the PDFs people mostly have are pages printed
from a browser or a word processor. None of these pages was written or laid out here.

**Pages** — the corpora of benchmarks/real_html.py (its ``families``: Debian Reference zh-cn, the Debian
Edu manuals zh-cn, GIMP help zh-cn, LibreOffice help zh-CN, the LinuxCNC G-code reference, a sample of
/usr/share/doc HTML), the first ``--docs`` pages of each family in a fixed order (real_html's hash of the
path), pages of at most ``--max-kb`` KB (a long page prints to dozens of pages: the run time is bounded here).
The benchmark skips with a one-line message naming the Debian packages when none is installed (CI); pages
``python benchmarks/real_html.py`` fetched and unpacked (its pinned packages, ~/.cache/qa-real-html) are read too.

**Printers** (each PDF cached in ``--cache`` by the page's content and the printer's settings, so a rerun
only reads):

- *Chromium* (Debian's /usr/bin/chromium through playwright, ``page.pdf``): A4, the print dialog's
  defaults — 1 cm margins with the date and the page's title in the header and its address and "n/m" in
  the footer (``displayHeaderFooter``), no backgrounds; scripts run as in a browser.
- *LibreOffice* (``soffice --headless --convert-to pdf``: Writer/Web opens the page, its own layout and
  fonts, PDF export's defaults).

**Split** — TUNING or REPORT by real_html's fixed hash of the source page's name (``split_of``): a page is
on the same side in both benchmarks, and both printers' PDFs of a page are on its side. Reader fixes are
diagnosed on TUNING documents only; ``--diagnose`` refuses the others.

**Gold** — real_html's ``gold_of`` on the source page (the authors' h1–h6 nesting by level, the text each
block owns filed under the headings open before it, navigation counted apart). Printing does not change
what the author marked up. What the printer does not print (hidden blocks, a script's unexpanded parts)
is missed content: it lowers content recall and, for a heading, heading recall — for both methods alike.

**Metrics** — real_html's ``score``: heading R / P by full path of titles; para→section of the gold
paragraphs found in our text; content recall; nav kept; docs exact (every heading right, every found
paragraph under its gold path). Texts are compared without whitespace, so a line broken by the printer
and joined by the reader compares equal. A heading we read whose words are an h1–h6 of the page's navigation and an
entry of the PDF's own outline (LibreOffice writes the help pages' footer h3 "Help content debug info:" into its
bookmarks, as into a Word file's Heading 3) is excused as real_html excuses it in a Word file, neither right nor wrong:
the outline, read from the file with pdfium, cannot say "navigation". The last column counts them and gives the exact
count with them counted wrong; the text under such a heading is still navigation kept.

**Baseline in the same run** (``plain`` rows): pdfium's text of the same PDF through the plain-text
structure stage (what benchmarks/real_pdfs.py and benchmarks/formats.py call the careless extraction).

Run time (defaults: 10 pages a family of at most 300 KB, both printers): 86 PDFs, 1,123 pages; the first run
prints them (about a minute), a rerun reads and scores only (56 s wall alone on 2 shared cores, 26 s CPU).
``--docs N`` takes more pages a family, ``--only`` some families, ``--printer`` one printer, ``--split TUNING``
the tuning side alone.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.real_html import (  # noqa: E402
    HEADER,
    Family,
    Reading,
    Score,
    _key,
    families,
    gold_of,
    norm,
    reading_of,
    score,
    source_name,
    split_of,
)
from benchmarks.real_html import row as html_row  # noqa: E402
from qa.errors import LoadError  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
DOCS = 10  # pages a family, default
MAX_KB = 300  # larger pages print to dozens of PDF pages
SETTINGS = "v1"  # part of the cache key: change when a printer's settings change
# Chromium's print dialog: date and title at the top, address and page n/m at the bottom.
HEADER_TEMPLATE = (
    '<div style="font-size:8px;width:100%;padding:0 1cm;display:flex;justify-content:space-between">'
    '<span class="date"></span><span class="title"></span></div>'
)
FOOTER_TEMPLATE = (
    '<div style="font-size:8px;width:100%;padding:0 1cm;display:flex;justify-content:space-between">'
    '<span class="url"></span><span><span class="pageNumber"></span>/<span class="totalPages"></span></span></div>'
)
PRINTERS = {"chromium": "Chromium (print to PDF)", "libreoffice": "LibreOffice (Writer/Web → PDF)"}


@dataclass
class Job:
    family: Family
    source: Path
    split: str


def _table(line: str) -> str:
    """real_html's table line without its last column when that is the Word files' (a PDF's is ``row``'s own)."""
    if "Word:" not in HEADER:
        return line
    return line[:-1].rsplit("|", 1)[0] + "|"


def row(label: str, split: str, s: Score, method: str) -> str:
    """real_html's row, its last column the navigation headings the PDF's outline names (excused: see ``score``)."""
    return (
        _table(html_row(label, split, s, method))
        + f" {s.chrome_headings} (exact if counted: {s.strict_exact}/{s.docs}) |"
    )


def outline_titles(pdf: Path) -> set[str]:
    """The titles of the PDF's own outline (its bookmarks), as real_html compares text: read with pdfium from the
    file, not by the reader."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        return {norm(item.get_title() or "") for item in doc.get_toc(max_depth=8)}
    finally:
        doc.close()


def _cache_name(source: Path, printer: str) -> str:
    digest = hashlib.sha1(source.read_bytes() + f"{source}|{printer}|{SETTINGS}".encode()).hexdigest()
    return f"{digest[:20]}.pdf"


def pages_to_print(fams: list[Family], docs: int, max_kb: int) -> list[Job]:
    """The first ``docs`` pages of each family (real_html's sample order) of at most ``max_kb`` KB."""
    jobs = []
    for fam in fams:
        small = [p for p in fam.files if p.stat().st_size <= max_kb * 1024]
        small.sort(key=lambda p: _key(source_name(p), "sample"))
        jobs += [Job(fam, p, split_of(source_name(p))) for p in small[:docs]]
    return jobs


def missing_tools(printers: list[str]) -> list[str]:
    """Why a printer cannot run here (one line each, naming what to install)."""
    out = []
    if "chromium" in printers:
        if not CHROMIUM.is_file():
            out.append("chromium: /usr/bin/chromium is not installed (Debian: chromium)")
        else:
            try:
                import playwright.sync_api  # noqa: F401
            except ImportError:
                out.append("chromium: the Python package playwright is not installed")
    if "libreoffice" in printers and not (shutil.which("soffice") or shutil.which("libreoffice")):
        out.append("libreoffice: soffice is not installed (Debian: libreoffice-writer-nogui)")
    return out


def print_chromium(sources: list[Path], cache: Path) -> dict[Path, Path]:
    """Each page printed by Chromium (cached); pages it could not print are left out, with a message."""
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    out, todo = {}, []
    for src in sources:
        target = cache / "chromium" / _cache_name(src, "chromium")
        out[src] = target
        if not target.is_file():
            todo.append((src, target))
    if todo:
        print(f"printing {len(todo)} pages with Chromium …", file=sys.stderr)
        (cache / "chromium").mkdir(parents=True, exist_ok=True)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
            try:
                for n, (src, target) in enumerate(todo, 1):
                    page = browser.new_page()
                    try:
                        page.goto(src.as_uri(), wait_until="load", timeout=60_000)
                        partial = target.with_suffix(".part")
                        page.pdf(
                            path=str(partial),
                            format="A4",
                            display_header_footer=True,
                            header_template=HEADER_TEMPLATE,
                            footer_template=FOOTER_TEMPLATE,
                            margin={"top": "1cm", "bottom": "1cm", "left": "1cm", "right": "1cm"},
                        )
                        partial.replace(target)
                    except PlaywrightError as exc:
                        print(f"  chromium could not print {src}: {str(exc).splitlines()[0]}", file=sys.stderr)
                    finally:
                        page.close()
                    if n % 10 == 0:
                        print(f"  {n}/{len(todo)} printed", file=sys.stderr)
            finally:
                browser.close()
    return {s: t for s, t in out.items() if t.is_file()}


def print_libreoffice(sources: list[Path], cache: Path) -> dict[Path, Path]:
    """Each page converted by LibreOffice in place (its images and styles beside it), a few soffice runs."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    out, todo = {}, []
    for src in sources:
        target = cache / "libreoffice" / _cache_name(src, "libreoffice")
        out[src] = target
        if not target.is_file():
            todo.append((src, target))
    if todo and soffice:
        print(f"printing {len(todo)} pages with LibreOffice …", file=sys.stderr)
        (cache / "libreoffice").mkdir(parents=True, exist_ok=True)
        batches: list[dict[str, tuple[Path, Path]]] = []  # soffice names its output by stem: unique per run
        for src, target in todo:
            batch = next((b for b in batches if src.stem not in b), None)
            if batch is None:
                batch = {}
                batches.append(batch)
            batch[src.stem] = (src, target)
        with tempfile.TemporaryDirectory(prefix="qa-printed-") as tmp:
            profile = (Path(tmp) / "profile").as_uri()
            for k, batch in enumerate(batches):
                outdir = Path(tmp) / f"out{k}"
                cmd = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore"]
                cmd += ["--convert-to", "pdf", "--outdir", str(outdir), *(str(s) for s, _ in batch.values())]
                try:
                    subprocess.run(cmd, capture_output=True, text=True, timeout=1200)
                except subprocess.TimeoutExpired:
                    print("  soffice timed out", file=sys.stderr)
                for stem, (src, target) in batch.items():
                    made = outdir / f"{stem}.pdf"
                    if made.is_file():
                        shutil.move(str(made), target)
                    else:
                        print(f"  LibreOffice could not print {src}", file=sys.stderr)
    return {s: t for s, t in out.items() if t.is_file()}


def read_reader(pdf: Path, doc_id: str) -> Reading:
    from qa.formats.pdf import read_pdf
    from qa.structure import recover_outline

    return reading_of(recover_outline(read_pdf(pdf, doc_id)))


def read_plain(pdf: Path, doc_id: str) -> Reading:
    from benchmarks.formats import _pdfium_text, _plain
    from qa.structure import recover_outline

    return reading_of(recover_outline(_plain(doc_id, _pdfium_text(pdf))))


def _pages(pdf: Path) -> int:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        return len(doc)
    finally:
        doc.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=DOCS, help=f"pages a family (default {DOCS})")
    parser.add_argument("--max-kb", type=int, default=MAX_KB, help=f"largest source page, KB (default {MAX_KB})")
    parser.add_argument("--scale", type=int, default=1, help="real_html's sample size multiplier (more pages to take)")
    parser.add_argument("--only", help="comma-separated family keys (debref, edu, gimp, lohelp, cnc, english)")
    parser.add_argument("--printer", choices=sorted(PRINTERS), help="one printer only")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "qa-real-printed")
    parser.add_argument("--split", choices=("TUNING", "REPORT"), help="score one split only (TUNING while fixing)")
    parser.add_argument("--diagnose", action="store_true", help="print per-document problems (TUNING docs only)")
    parser.add_argument("--doc", help="with --diagnose: only sources whose path contains this")
    parser.add_argument("--no-baseline", action="store_true", help="skip the plain-text baseline rows")
    parser.add_argument("--list", action="store_true", help="list the pages with family and split, and stop")
    args = parser.parse_args()

    only = set(args.only.split(",")) if args.only else None
    fams = [f for f in families(args.scale) if f.files and (only is None or f.key in only)]
    if not fams:
        print(
            "real_printed: skipped — no real web pages on this machine (Debian packages: debian-reference-zh-cn, "
            "debian-edu-doc-zh-cn, gimp-help-zh-cn, libreoffice-help-zh-cn, linuxcnc-doc-zh-cn)"
        )
        return
    printers = [args.printer] if args.printer else list(PRINTERS)
    missing = missing_tools(printers)
    for line in missing:
        print(f"real_printed: printer skipped — {line}")
    printers = [p for p in printers if not any(m.startswith(f"{p}:") for m in missing)]
    if not printers:
        return
    jobs = pages_to_print(fams, args.docs, args.max_kb)
    if args.list:
        for j in jobs:
            print(f"{j.family.key:<8} {j.split:<7} {j.source}")
        return
    if args.diagnose and args.split == "REPORT":
        parser.error("--diagnose reads TUNING documents only")
    sources = [j.source for j in jobs]
    printed = {
        "chromium": print_chromium if "chromium" in printers else None,
        "libreoffice": print_libreoffice if "libreoffice" in printers else None,
    }
    pdfs = {name: fn(sources, args.cache) for name, fn in printed.items() if fn}

    scores: dict[tuple[str, str, str], Score] = {}
    plain: dict[tuple[str, str, str], Score] = {}
    pages = 0
    cpu, wall = time.process_time(), time.perf_counter()
    reader_cpu = 0.0
    total = sum(len(m) for m in pdfs.values())
    n = 0
    for printer, made in pdfs.items():
        for job in jobs:
            if job.source not in made or (args.split and job.split != args.split):
                continue
            n += 1
            pdf = made[job.source]
            label = f"{job.family.label} · {PRINTERS[printer]}"
            key = (label, job.split, printer)
            gold = gold_of(job.source.read_bytes())
            s = scores.setdefault(key, Score(docs=0))
            t0 = time.process_time()
            try:
                reading = read_reader(pdf, job.source.name)
            except (LoadError, ValueError) as exc:
                s.failed += 1
                print(f"  unreadable: {job.source} ({printer}): {exc}", file=sys.stderr)
                continue
            reader_cpu += time.process_time() - t0
            pages += _pages(pdf)
            one = score(gold, reading, outline=outline_titles(pdf))
            if args.diagnose and job.split == "TUNING" and (not args.doc or args.doc in str(job.source)):
                print(f"\n## {printer}: {job.source} → {pdf} ({len(one.problems)} problems)")
                for line in one.problems[:60]:
                    print("   ", line)
            one.problems = []
            s.add(one)
            if not args.no_baseline:
                base = score(gold, read_plain(pdf, job.source.name), outline=outline_titles(pdf))
                base.problems = []
                plain.setdefault(key, Score(docs=0)).add(base)
            if n % 10 == 0:
                print(f"  {n}/{total} PDFs scored", file=sys.stderr)

    print(
        f"\nReal web pages printed to PDF (python benchmarks/real_printed.py --docs {args.docs} "
        f"--max-kb {args.max_kb}; "
        f"{n} PDFs, {pages} PDF pages; {time.perf_counter() - wall:.0f} s wall, {time.process_time() - cpu:.0f} s CPU "
        f"scoring, of which {reader_cpu:.0f} s in read_pdf + structure)\n"
    )
    head, rule = (_table(line) for line in HEADER.split("\n"))
    print(f"{head} outline: nav headings excused |\n{rule}---:|")
    labels = list(dict.fromkeys(label for label, _, _ in scores))
    for split in ("TUNING", "REPORT"):
        for label in labels:
            for printer in printers:
                k = (label, split, printer)
                if k in scores:
                    print(row(label, split, scores[k], "pdf reader"))
                    if k in plain:
                        print(row(label, split, plain[k], "plain: pdfium text"))
    for split in ("TUNING", "REPORT"):
        for printer in printers:
            for method, table in (("pdf reader", scores), ("plain: pdfium text", plain)):
                total_score = Score(docs=0)
                for (_label, sp, pr), s in table.items():
                    if sp == split and pr == printer:
                        total_score.add(s)
                if total_score.docs:
                    print(row(f"**all · {PRINTERS[printer]}**", split, total_score, method))


if __name__ == "__main__":
    main()
