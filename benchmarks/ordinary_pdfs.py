"""The PDF reader on ordinary PDFs people make: slide decks, regulations with a chapter running head, exam papers.

``python benchmarks/ordinary_pdfs.py [--baseline DIR]`` builds each document with the real program that makes such
files (tests/ordinary_pdfs.py: XeLaTeX beamer/ctexbook/ctexart, LibreOffice from python-docx, reportlab, Typst,
fpdf2), caches the PDFs in ``--cache`` (by maker and content), reads them with ``qa.loading.load_file`` +
``qa.structure.recover_outline`` (what ``qa build`` does) and scores every gold paragraph:

- **head**: the paragraph holding the gold snippet sits in a section whose own heading is the gold's last heading;
- **path**: ... and the whole section path is the gold's (titles compared without spaces);
- **starts**: a snippet that must open a paragraph (a slide's point, an article, an exam question) opens one —
  a question glued to the previous question's last option does not;
- **stray**: paragraphs holding no gold snippet (a running head read as text, a slide's numbers read apart).

**Split** — each convention is made by several programs; the programs of the TUNING rows are the ones the reader's
rules for these conventions were looked at on (beamer's Madrid theme, ctexbook with a centred running head, exam
papers from Word via LibreOffice); HELD-OUT rows (other programs, other themes and head layouts) were only scored.
Both decks/regulations/papers (two contents each) are made by every program. The *handbook* family (section heads
set in the body's type, named only by the PDF's outline: LibreOffice, ctexart+hyperref, Typst) is HELD-OUT only: it
was written after ``qa.formats.pdf.bookmarks``' rule and never looked at while writing it.

``--baseline DIR`` scores the same PDFs with the code in DIR (a worktree of main) in a subprocess, in the same run,
and prints its rows beside this tree's. n = gold paragraphs (documents in brackets).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The reader's code: this tree's, or the baseline's when the baseline's subprocess names it (the makers stay ours).
sys.path[:0] = [os.environ.get("QA_ORDINARY_CODE", str(ROOT)), str(ROOT)]


def _load_makers():  # noqa: ANN202 - the module tests/ordinary_pdfs.py of THIS tree, whichever 'tests' is first
    import importlib.util

    spec = importlib.util.spec_from_file_location("ordinary_pdfs", ROOT / "tests" / "ordinary_pdfs.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["ordinary_pdfs"] = module
    spec.loader.exec_module(module)
    return module


op = _load_makers()

# (family, maker label, split, function(content, out) -> Made, contents)
MAKERS: list[tuple[str, str, str, Callable, list]] = [
    ("slides", "beamer Madrid", "TUNING", op.slides_beamer, op.DECKS),
    ("slides", "beamer default", "HELD-OUT", lambda d, o: op.slides_beamer(d, o, "default"), op.DECKS),
    ("slides", "beamer Warsaw", "HELD-OUT", lambda d, o: op.slides_beamer(d, o, "Warsaw"), op.DECKS),
    ("slides", "reportlab", "HELD-OUT", op.slides_reportlab, op.DECKS),
    ("slides", "typst", "HELD-OUT", op.slides_typst, op.DECKS),
    ("slides", "fpdf2", "HELD-OUT", op.slides_fpdf, op.DECKS),
    ("regulation", "ctexbook centred head", "TUNING", op.regulation_ctexbook, op.REGULATIONS),
    ("regulation", "ctexbook L/R head", "HELD-OUT", lambda r, o: op.regulation_ctexbook(r, o, "sides"), op.REGULATIONS),
    ("regulation", "docx→LibreOffice", "HELD-OUT", op.regulation_docx, op.REGULATIONS),
    ("regulation", "typst", "HELD-OUT", op.regulation_typst, op.REGULATIONS),
    ("exam", "docx→LibreOffice", "TUNING", op.exam_docx, op.EXAMS),
    ("exam", "ctexart", "HELD-OUT", op.exam_ctexart, op.EXAMS),
    ("exam", "reportlab", "HELD-OUT", op.exam_reportlab, op.EXAMS),
    ("exam", "typst", "HELD-OUT", op.exam_typst, op.EXAMS),
    ("plan", "docx→LibreOffice", "HELD-OUT", op.plan_docx, op.PLANS),
    # (written after qa.formats.pdf.bookmarks' rule, never looked at while writing it: HELD-OUT only)
    ("handbook", "docx→LibreOffice", "HELD-OUT", op.handbook_docx, op.HANDBOOKS),
    ("handbook", "ctexart+hyperref", "HELD-OUT", op.handbook_ctexart, op.HANDBOOKS),
    ("handbook", "typst", "HELD-OUT", op.handbook_typst, op.HANDBOOKS),
]
VERSION = "v3"
FAILURES: list[str] | None = (
    None  # --failures: what went wrong on TUNING documents  # part of the cache key: bump when a maker changes
)


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text)


_MARK = re.compile(r"^(?:\d{1,2}[.)．、]?|[•·●■▪►▶–-])(?=\D)")  # a point's number or bullet, read with it or not


def _opens(text: str, want: str) -> bool:
    return text.startswith(want) or _MARK.sub("", text).startswith(want)


def build(cache: Path) -> list[dict]:
    """Every document (cached), with its family, maker, split and gold."""
    cache.mkdir(parents=True, exist_ok=True)
    docs = []
    for family, maker, split, make, contents in MAKERS:
        for content in contents:
            key = hashlib.sha256(json.dumps([VERSION, family, maker, content], ensure_ascii=False).encode()).hexdigest()
            pdf = cache / f"{family}-{re.sub(r'[^a-z0-9]+', '_', maker.lower())}-{key[:10]}.pdf"
            if not pdf.is_file():
                print(f"making {pdf.name} ({maker})", file=sys.stderr)
                with tempfile.TemporaryDirectory(prefix="qa-ordinary-") as tmp:
                    pdf.write_bytes(make(content, Path(tmp) / "doc.pdf").pdf.read_bytes())
            # (The gold is the content's, not the PDF's: made afresh each run.)
            gold = [[list(g.path), g.snippet, g.starts, g.parent] for g in op.GOLD[family](content)]
            docs.append({"family": family, "maker": maker, "split": split, "pdf": str(pdf), "gold": gold})
    return docs


def score(docs: list[dict]) -> list[dict]:
    """Per document: n, head, path, starts (right counts), must-start count, stray paragraphs."""
    import qa
    from qa.loading import load_file
    from qa.structure import recover_outline

    print(f"scoring with {Path(qa.__file__).parent}", file=sys.stderr)
    out = []
    for doc in docs:
        gold = doc["gold"]
        outline = recover_outline(load_file(Path(doc["pdf"])))
        section_of: dict[int, tuple[str, ...]] = {}
        for s in outline.sections:
            for i in s.paragraphs:
                section_of[i] = tuple(s.path)
        paras = [_norm(p.text) for p in outline.paragraphs]
        head = path = starts = must = 0
        used: set[int] = set()
        for gpath, snippet, must_start, parent in gold:
            want = _norm(snippet)
            hit = next((i for i, t in enumerate(paras) if _opens(t, want) and i not in used), None)
            if hit is None:
                hit = next((i for i, t in enumerate(paras) if want in t), None)
            must += must_start
            if hit is None:
                if FAILURES is not None:
                    FAILURES.append(f"{Path(doc['pdf']).name}: {snippet!r} not found")
                continue
            if _opens(paras[hit], want) and must_start:
                starts += 1
                used.add(hit)
            got = [_norm(t) for t in section_of.get(hit, ())]
            goal = [_norm(t) for t in gpath]
            if FAILURES is not None and (got != goal or (must_start and not _opens(paras[hit], want))):
                FAILURES.append(
                    f"{Path(doc['pdf']).name}: {snippet!r} in {paras[hit][:30]!r} under {got} (gold {goal})"
                )
            head += bool(got) and got[-1] == goal[-1]
            path += got == goal or (bool(parent) and got == [_norm(parent), *goal])
        found = {i for i, t in enumerate(paras) if any(_norm(s) in t for _, s, *_ in gold)}
        headings = {_norm(t) for s in outline.sections for t in s.path}
        stray = sum(1 for i, t in enumerate(paras) if i not in found and t not in headings and i in section_of)
        out.append({**doc, "n": len(gold), "head": head, "path": path, "starts": starts, "must": must, "stray": stray})
    return out


def _rows(results: list[dict]) -> dict[tuple[str, str, str], dict]:
    rows: dict[tuple[str, str, str], dict] = {}
    for r in results:
        row = rows.setdefault(
            (r["family"], r["maker"], r["split"]),
            {"docs": 0, "n": 0, "head": 0, "path": 0, "starts": 0, "must": 0, "stray": 0},
        )
        row["docs"] += 1
        for k in ("n", "head", "path", "starts", "must", "stray"):
            row[k] += r[k]
    for split in ("TUNING", "HELD-OUT"):
        total = {"docs": 0, "n": 0, "head": 0, "path": 0, "starts": 0, "must": 0, "stray": 0}
        for (_, _, s), row in list(rows.items()):
            if s == split:
                for k in total:
                    total[k] += row[k]
        rows[("ALL", split, split)] = total
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "qa-ordinary-pdfs")
    parser.add_argument("--baseline", type=Path, help="a worktree of main: score the same PDFs with its code too")
    parser.add_argument("--only", help="families whose name contains this")
    parser.add_argument("--failures", help="print the failures of TUNING documents of makers containing this")
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)  # (the baseline's subprocess)
    parser.add_argument("--docs-file", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.docs_file:
        print(json.dumps(score(json.loads(args.docs_file.read_text()))))
        return
    docs = [d for d in build(args.cache) if not args.only or args.only in d["family"]]
    if args.failures:
        global FAILURES
        FAILURES = []
        score([d for d in docs if d["split"] == "TUNING" and args.failures in d["maker"]])
        print("\n".join(FAILURES))
        return
    start, cpu = time.time(), time.process_time()
    ours = score(docs)
    took = (time.time() - start, time.process_time() - cpu)
    base = None
    if args.baseline:
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
            json.dump(docs, f)
        env = {**os.environ, "QA_ORDINARY_CODE": str(args.baseline.resolve())}
        done = subprocess.run(
            [sys.executable, str(Path(__file__).resolve()), "--docs-file", f.name],
            cwd=args.baseline,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        base = _rows(json.loads(done.stdout.strip().splitlines()[-1]))
    rows = _rows(ours)

    def cell(row: dict) -> str:
        return (
            f"{row['head'] / max(row['n'], 1):5.3f} {row['path'] / max(row['n'], 1):5.3f} "
            f"{row['starts'] / max(row['must'], 1):5.3f} {row['stray']:4d}"
        )

    head = f"{'family':11s} {'maker':22s} {'split':9s} {'n(docs)':>8s} | {'head  path  starts stray':25s}"
    print(head + (" | baseline: head  path  starts stray" if base else ""))
    print("-" * len(head))
    for key in sorted(rows, key=lambda k: (k[0] == "ALL", k[2] != "TUNING", k[0], k[1])):
        row = rows[key]
        line = f"{key[0]:11s} {key[1]:22s} {key[2]:9s} {row['n']:>4d}({row['docs']}) | {cell(row)}"
        if base and key in base:
            line += f" | {cell(base[key])}"
        print(line)
    print(
        f"\n{len(docs)} PDFs, read and scored in {took[0]:.1f} s wall, {took[1]:.1f} s CPU "
        f"(load {os.getloadavg()[0]:.1f})"
    )


if __name__ == "__main__":
    main()
