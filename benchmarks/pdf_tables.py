"""Tables in PDFs people make: rows recovered, figures intact, no heading from a cell, each row's section.

``python benchmarks/pdf_tables.py [--baseline /path/to/main-worktree]`` prints one table: per maker and split, over
documents made by real tools (tests/table_pdfs.py: LibreOffice from python-docx, reportlab, fpdf2, Typst, XeLaTeX),
ruled and without ruling, two kinds of table — a report's figures (header row, thousands separators, 2–5 columns,
narrow columns that wrap a figure, 6–40 rows so some tables cross a page) and a two-column bilingual contract
(clause rows '第N条 …' | 'Article N …', then each clause's Chinese and English). The content varies by seed,
independently of the layout. With ``--baseline`` the same PDFs are scored with that worktree's reader in the same
run (a subprocess importing qa from there), printed beside.

**Split**: the reader's table rules were written looking at LibreOffice's PDFs (the exploratory tester's contract and
annual report), reportlab's and XeLaTeX's (TUNING); fpdf2's and Typst's PDFs were never looked at while writing them
(HELD-OUT). Figures on few documents are noise: n is printed.

**Metrics** (texts compared without whitespace):
- rows: a data row read as one paragraph 'cell | cell | …' holding exactly its cells; a parallel-text row's
  Chinese and English each a paragraph of their own, or one 'zh | en' paragraph (not run together);
- figures: figures with thousands separators found verbatim in the document's text;
- cell heads: headings whose text is part of a cell (a clause row '第N条 …' heading its clause is allowed);
- section: a content row's paragraph filed under its table's heading (data) or its clause '第N条' (parallel).

PDFs are cached in ``--cache`` (by maker, ruling and content), so a rerun only reads.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if os.environ.get("PDF_TABLES_QA") is None:
    sys.path.insert(0, str(ROOT))
sys.path.insert(1, str(ROOT / "tests"))

from table_pdfs import MAKERS, TableDoc, data_doc, parallel_doc  # noqa: E402

_FIGURE = re.compile(r"\d{1,3}(?:,\d{3})+\.\d\d")
TUNING = ("office", "reportlab", "latex")
HELD_OUT = ("fpdf2", "typst")


def documents() -> list[tuple[str, TableDoc]]:
    """The documents, their layout dimensions varied independently: columns, rows (a page break), narrow."""
    docs = []
    shapes = [(2, 6, False), (3, 8, True), (4, 12, False), (5, 6, True), (3, 40, False), (4, 30, True)]
    for k, (cols, rows, narrow) in enumerate(shapes):
        docs.append((f"data{k}", data_doc(100 + k, cols, rows, narrow)))
    for k, clauses in enumerate((6, 12)):
        docs.append((f"parallel{k}", parallel_doc(200 + k, clauses)))
    return docs


def make_all(cache: Path) -> list[tuple[str, str, bool, TableDoc, Path]]:
    """Every (maker, document, ruling) PDF, made once into ``cache``."""
    out = []
    cache.mkdir(parents=True, exist_ok=True)
    for maker, make in MAKERS.items():
        for name, doc in documents():
            for ruled in (True, False):
                key = hashlib.sha1(json.dumps([maker, ruled, doc.__dict__], ensure_ascii=False).encode()).hexdigest()
                folder = cache / key[:12]
                folder.mkdir(exist_ok=True)
                pdf = folder / f"{maker}_{name}_{'ruled' if ruled else 'bare'}.pdf"
                if not pdf.exists():
                    print(f"making {pdf.name}", file=sys.stderr)
                    try:
                        make(doc, pdf, ruled)
                    except (RuntimeError, OSError, subprocess.SubprocessError) as exc:
                        print(f"skipped {pdf.name}: {exc}", file=sys.stderr)
                        continue
                out.append((maker, name, ruled, doc, pdf))
    return out


def _norm(text: str) -> str:
    """Whitespace dropped, typographic quotes as typed (TeX sets ' as ’)."""
    return "".join(text.split()).replace("’", "'").replace("‘", "'")


def score(doc: TableDoc, pdf: Path) -> dict[str, float]:
    """The document's counts: rows (found, total), figures, cell heads, sections (right, total)."""
    from qa.loading import load_file
    from qa.structure import recover_outline

    loaded = load_file(pdf)
    outline = recover_outline(loaded)
    paras = [_norm(p.text) for p in outline.paragraphs]
    section_of: dict[int, str] = {}
    for s in outline.sections:
        for i in s.paragraphs:
            section_of[i] = _norm(s.path[-1]) if s.path else ""
    heads = [_norm(p.text) for p in outline.paragraphs if p.heading_level is not None]
    text = loaded.text
    rows = found = figures = intact = cell_heads = placed = sections = 0
    cells = [_norm(c) for _, table in doc.sections for r in table for c in r if c]
    allowed = {_norm(doc.title)} | {_norm(h) for h, _ in doc.sections if h}
    for heading, table in doc.sections:
        clause = ""
        body = table[1:] if doc.kind == "data" else table
        if doc.kind == "data":
            header = [_norm(c) for c in table[0]]
            rows += 1
            found += "|".join(header) in paras
        for r in body:
            zh, *rest = [_norm(c) for c in r]
            if doc.kind == "parallel" and zh.startswith("第") and "条" in zh[:5]:
                clause = zh[: zh.index("条") + 1]
                allowed |= {zh, rest[0], f"{zh}|{rest[0]}"}
                continue
            rows += 1
            if doc.kind == "data":
                hit = [i for i, p in enumerate(paras) if p == "|".join([zh, *rest])]
            else:
                alone = [i for i, p in enumerate(paras) if p == zh]
                joined = [i for i, p in enumerate(paras) if p == f"{zh}|{rest[0]}"]
                hit = alone if alone and rest[0] in paras else joined
            found += bool(hit)
            where = hit or [i for i, p in enumerate(paras) if zh in p]
            gold = _norm(heading) if doc.kind == "data" else clause
            sections += 1
            placed += bool(where) and section_of.get(where[0], "").startswith(gold)
            for c in r:
                if _FIGURE.fullmatch(c):
                    figures += 1
                    intact += c in text
    cell_heads = sum(1 for h in heads if h not in allowed and any(h in c for c in cells))
    return {"rows": rows, "found": found, "figures": figures, "intact": intact, "cell_heads": cell_heads,
            "sections": sections, "placed": placed}


def score_all(items: list[tuple[str, str, bool, TableDoc, Path]]) -> list[dict]:
    out = []
    for maker, name, ruled, doc, pdf in items:
        try:
            counts = score(doc, pdf)
        except Exception as exc:  # noqa: BLE001 - a reader failure is a result: every row missed
            print(f"{pdf.name}: {type(exc).__name__}: {exc}", file=sys.stderr)
            counts = {"rows": 1, "found": 0, "figures": 0, "intact": 0, "cell_heads": 0, "sections": 1, "placed": 0}
        out.append({"maker": maker, "name": name, "ruled": ruled, "kind": doc.kind, **counts})
    return out


def _table(results: list[dict], label: str) -> None:
    def line(name: str, rs: list[dict]) -> str:
        total = {k: sum(r[k] for r in rs) for k in ("rows", "found", "figures", "intact", "cell_heads", "sections",
                                                      "placed")}
        def ratio(a: str, b: str) -> str:
            return f"{total[a] / total[b]:.3f}" if total[b] else "  -  "
        return (f"{name:<34} {len(rs):>4} {ratio('found', 'rows'):>6} {ratio('intact', 'figures'):>8} "
                f"{total['cell_heads']:>10} {ratio('placed', 'sections'):>8}")

    print(f"\n{label}")
    print(f"{'maker / split / ruling / kind':<34} {'docs':>4} {'rows':>6} {'figures':>8} {'cell heads':>10} "
          f"{'section':>8}")
    for split, makers in (("TUNING", TUNING), ("HELD-OUT", HELD_OUT)):
        for maker in makers:
            for ruled in (True, False):
                for kind in ("data", "parallel"):
                    rs = [r for r in results if r["maker"] == maker and r["ruled"] == ruled and r["kind"] == kind]
                    if rs:
                        print(line(f"{maker} {split} {'ruled' if ruled else 'bare'} {kind}", rs))
        rs = [r for r in results if r["maker"] in makers]
        print(line(f"ALL {split}", rs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cache", type=Path, default=Path("/tmp/qa-pdf-tables-cache"))
    parser.add_argument("--baseline", type=Path, help="a worktree of main: its reader scored in the same run")
    parser.add_argument("--json-out", type=Path, help=argparse.SUPPRESS)  # the baseline subprocess's answer
    args = parser.parse_args()
    items = make_all(args.cache)
    if args.json_out:
        args.json_out.write_text(json.dumps(score_all(items)))
        return
    baseline = None
    if args.baseline:
        answer = args.cache / "baseline.json"
        env = dict(os.environ, PYTHONPATH=str(args.baseline.resolve()), PDF_TABLES_QA="baseline")
        t0 = time.perf_counter()
        subprocess.run([sys.executable, __file__, "--cache", str(args.cache), "--json-out", str(answer)], env=env,
                       check=True)
        baseline = json.loads(answer.read_text())
        print(f"baseline scored in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    import qa

    print(f"qa from {Path(qa.__file__).parent.parent}", file=sys.stderr)
    t0 = time.perf_counter()
    results = score_all(items)
    print(f"scored {len(items)} PDFs in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    _table(results, "THIS BRANCH")
    if baseline is not None:
        _table(baseline, f"BASELINE ({args.baseline})")


if __name__ == "__main__":
    main()
