"""Benchmark: do the PDF reader's figures depend on the CJK face the machine substitutes for a non-embedded font?

Run as ``python benchmarks/font_substitutes.py [--papers N] [--only TEXT] [--diagnosis-seeds]``. The newspaper sets of
benchmarks/formats.py whose Chinese is set in reportlab's NON-EMBEDDED STSong-Light (the tuning families and the dense
family; the embedded-font set as a control, its font in the file) are read once per substitute, each in a process of
its own whose pdfium knows only one private font folder (tests/font_substitutes.py; the faces come from
scripts/install-font-substitutes.sh: AR PL UMing, WenQuanYi Zen Hei, Noto CJK, Droid Sans Fallback, and an empty
folder — no CJK face at all), and once as this machine's own process reads them (the baseline, "default"). Prints
para→article (correct) and exact per set and substitute, and how many papers read exactly as under the default (the
same sections, headings and paragraph text: what a citation points at).

Splits: the same REPORT seeds as benchmarks/formats.py (tuning seeds 0+ and 2000+, dense 1000+ and 3000+, embedded
font 4000+); ``--diagnosis-seeds`` adds 7000 to every seed, for looking at what differs (never look at the
report seeds' papers).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.font_substitutes import ROOT, substitute_folders, use_font_folder  # noqa: E402

# (label, families, columns, pages, first seed, embedded font) as in benchmarks/formats.py
EMBEDDED_FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
SETS = [
    ("tuning: broadsheet+tabloid, 2–5 col, 1–3 p", "tuning", None, None, 0, False),
    ("diagnosed: dense, 4–5 col, 1–3 p", "dense", None, None, 1000, False),
    ("tuning: 4 col, 2 p (done-when set)", "tuning", 4, 2, 2000, False),
    ("diagnosed: dense, 4 col, 2 p", "dense", 4, 2, 3000, False),
    ("control, font embedded: tuning families, 4 col, 2 p", "tuning", 4, 2, 4000, True),
]


def _worker(folder: str, labels: list[str], papers: int, offset: int) -> None:
    """Read every set in this process (pdfium restarted on ``folder`` first, unless empty); print JSON scores."""
    if folder:
        use_font_folder(Path(folder))
    from qa.formats.pdf import read_pdf
    from qa.structure import recover_outline
    from tests.newspaper_pdfs import DIAGNOSED, FAMILIES, TUNING, PdfScore, make_newspaper, score_outline

    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        for label, kind, columns, pages, seed0, embedded in SETS:
            if label not in labels:
                continue
            names = TUNING if kind == "tuning" else DIAGNOSED
            score, reads = PdfScore(), []
            for k in range(papers):
                seed = seed0 + offset + k
                path = Path(tmp) / f"{seed}.pdf"
                font = EMBEDDED_FONT if embedded else None
                paper = make_newspaper(
                    path,
                    seed,
                    FAMILIES[names[k % len(names)]],
                    pages=pages or 1 + seed % 3,
                    columns=columns,
                    font_file=font,
                )
                outline = recover_outline(read_pdf(path, path.name))
                score.add(score_outline(paper, outline))
                reads.append(
                    [[list(s.path), [outline.paragraphs[i].text for i in s.paragraphs]] for s in outline.sections]
                )
            out[label] = {"score": vars(score), "reads": reads}
    json.dump(out, sys.stdout, ensure_ascii=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--papers", type=int, default=20, help="newspapers per set (default 20)")
    parser.add_argument("--only", default="", help="run only the sets whose label contains this text")
    parser.add_argument("--faces", default="", help="comma-separated substitutes to run (default: every one unpacked)")
    parser.add_argument(
        "--diagnosis-seeds", action="store_true", help="seeds 7000 higher, for diagnosing; not reported"
    )
    parser.add_argument("--worker", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--labels", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    offset = 7000 if args.diagnosis_seeds else 0
    if args.worker is not None:
        _worker(args.worker, json.loads(args.labels), args.papers, offset)
        return
    labels = [s[0] for s in SETS if args.only.lower() in s[0].lower() and (not s[5] or EMBEDDED_FONT.is_file())]
    folders = substitute_folders()
    if args.faces:
        folders = {f: p for f, p in folders.items() if f in args.faces.split(",")}
    missing = sorted(set(args.faces.split(",") if args.faces else ()) - set(folders))
    if missing or not folders:
        print(
            f"faces not unpacked ({', '.join(missing) or 'all'}): run scripts/install-font-substitutes.sh",
            file=sys.stderr,
        )
    results = {}
    for face, folder in {"default": None, **folders}.items():
        started = time.perf_counter()
        command = [sys.executable, __file__, "--worker", str(folder or ""), "--labels", json.dumps(labels)]
        command += ["--papers", str(args.papers)] + (["--diagnosis-seeds"] if args.diagnosis_seeds else [])
        done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
        if done.returncode:
            print(f"{face}: worker failed\n{done.stderr[-3000:]}", file=sys.stderr)
            continue
        results[face] = json.loads(done.stdout)
        print(f"{face}: read in {time.perf_counter() - started:.1f}s", file=sys.stderr)
    split = "DIAGNOSIS seeds (+7000)" if args.diagnosis_seeds else "REPORT seeds"
    print(f"{args.papers} papers per set, {split}; 'same' = papers read exactly as under the default substitute")
    print(f"{'set':54} {'substitute':10} {'para→article':>12} {'exact':>7} {'same':>7}")
    for label in labels:
        base = results.get("default", {}).get(label)
        for face, by_set in results.items():
            r = by_set[label]
            s = r["score"]
            pieces = max(1, s["pieces"])  # as PdfScore.rate
            same = sum(a == b for a, b in zip(r["reads"], base["reads"], strict=True)) if base else 0
            correct, exact = s["correct"] / pieces, s["exact"] / pieces
            print(f"{label:54} {face:10} {correct:12.3f} {exact:7.3f} {same:4}/{len(r['reads'])}")


if __name__ == "__main__":
    main()
