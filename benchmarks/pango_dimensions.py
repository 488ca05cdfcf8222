"""The reader's score on the Pango/cairo producer's DIAGNOSIS seeds, grouped by each drawn layout dimension and by
the gold piece's role — where a diagnoser of that producer should look first.

Run as ``python benchmarks/pango_dimensions.py [--papers N]`` (seeds 18500.., ~1 min for 40 papers). Only diagnosis
seeds: the REPORT seeds 18000–18039 are scored by ``python benchmarks/formats.py --only Pango`` and never broken
down (a breakdown is a look at them). Scores as in benchmarks/formats.py; a role's row scores only that role's
pieces (jumps are counted in the dimension rows). Small groups are noise: n is printed.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]

from qa.formats.pdf import read_pdf  # noqa: E402
from qa.structure import recover_outline  # noqa: E402
from tests.newspaper_pango import make_pango_newspaper, make_spec, pango_available  # noqa: E402
from tests.newspaper_pdfs import PdfScore, score_outline  # noqa: E402

DIMENSIONS = (
    "columns",
    "side_cols",
    "head_align",
    "justify",
    "indent",
    "second_jump",
    "cont_where",
    "cont_head",
    "trad",
)
DIAGNOSIS_SEED0 = 18500


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--papers", type=int, default=40, help="diagnosis papers, from seed 18500 (default 40)")
    args = parser.parse_args()
    why_not = pango_available()
    if why_not:
        print(f"{why_not}: nothing to measure", file=sys.stderr)
        return
    groups: dict[tuple[str, str], PdfScore] = defaultdict(PdfScore)
    total = PdfScore()
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(args.papers):
            seed = DIAGNOSIS_SEED0 + k
            paper = make_pango_newspaper(Path(tmp) / f"{seed}.pdf", seed)
            style = make_spec(seed)["style"]
            outline = recover_outline(read_pdf(paper.path, paper.path.name))
            score = score_outline(paper, outline)
            total.add(score)
            for dim in DIMENSIONS:
                groups[(dim, str(style[dim]))].add(score)
            for role in {p.role for p in paper.pieces}:
                only = replace(paper, pieces=[p for p in paper.pieces if p.role == role], jumps=[])
                groups[("role", role)].add(score_outline(only, outline))
            print(f"seed {seed}: {score.rate('correct'):.3f}", file=sys.stderr)
    print(f"{'dimension':<12} {'value':<12} {'pieces':>6} {'para→article':>12} {'whole':>6} {'stitched':>9}")
    rows = [(("all", f"{args.papers} papers"), total), *sorted(groups.items())]
    for (dim, value), s in rows:
        stitched = f"{s.stitched}/{s.jumps}" if s.jumps else "—"
        print(f"{dim:<12} {value:<12} {s.pieces:>6} {s.rate('correct'):>12.3f} {s.rate('found'):>6.3f} {stitched:>9}")


if __name__ == "__main__":
    main()
