"""The ``qa`` command: build, search, eval, batch, structure.

Results go to stdout (or a file); logs and progress to stderr. A user mistake (empty question,
missing index, unreadable file) prints one line and exits 2; it never shows a traceback.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from qa.build import DEFAULT_INDEX

log = logging.getLogger("qa")

EXIT_USER_ERROR = 2


def _setup_logging(verbosity: int) -> None:
    level = logging.WARNING if verbosity < 0 else logging.DEBUG if verbosity > 0 else logging.INFO
    logging.basicConfig(level=level, format="%(levelname)s: %(message)s", stream=sys.stderr)
    # jieba and the model libraries log chattily at INFO.
    for name in ("jieba", "sentence_transformers", "httpx", "faiss", "bm25s"):
        logging.getLogger(name).setLevel(max(level, logging.WARNING))


def _mark(text: str, spans: list[tuple[int, int]], tty: bool) -> str:
    """Mark answer spans: bold on a terminal, 【】 in a pipe."""
    out, pos = [], 0
    for a, b in sorted(spans):
        out.append(text[pos:a])
        out.append(f"\033[1;33m{text[a:b]}\033[0m" if tty else f"【{text[a:b]}】")
        pos = b
    out.append(text[pos:])
    return "".join(out)


def cmd_build(args: argparse.Namespace) -> int:
    from qa.build import build_index
    from qa.chunking import ChunkingParams

    params = ChunkingParams(size=args.chunk_size, overlap=args.overlap)
    report = build_index(args.paths, args.index, model=args.model, params=params, progress=not args.quiet)
    for problem in report.problems:
        print(f"skipped: {problem}", file=sys.stderr)
    print(
        f"indexed {report.documents} document(s) as {report.chunks} chunks in {report.index_dir} "
        f"({report.embedded} embedded, {report.chunks - report.embedded} reused; "
        f"added {len(report.added)}, changed {len(report.changed)}, removed {len(report.removed)}) "
        f"in {report.seconds:.1f}s"
    )
    return 0


def _searcher(args: argparse.Namespace):
    from qa.search import Searcher

    return Searcher(
        args.index, model=args.model, mode=args.mode, rerank=args.rerank, keyword_ceiling=args.keyword_weight
    )


def cmd_search(args: argparse.Namespace) -> int:
    from qa.search import clean_question

    question = clean_question(args.question)
    searcher = _searcher(args)
    hits = searcher.search(question, k=args.k, doc=args.doc, section=args.section, min_score=args.min_score)
    tty = sys.stdout.isatty()
    # Scores are calibrated relevance (qa.calibration): below the threshold a passage is a guess.
    strong = [h for h in hits if not h.weak]
    if hits and not strong:
        more = "the best ones anyway:" if args.show_weak else "--show-weak lists the best ones anyway"
        print(f"no good passage found (best relevance {hits[0].score:.2f}); {more}")
        print()
    for hit in hits if args.show_weak else strong:
        signals = " · ".join(f"{name} {value:.2f}" for name, value in hit.breakdown.items() if name != "fused")
        print(f"[{hit.rank}] {hit.score:.3f}{'  (weak)' if hit.weak else ''}  {hit.citation}  [{signals}]")
        text = _mark(hit.text, hit.highlights, tty)
        print("    " + text.replace("\n", "\n    "))
        print()
    if not hits:
        print("no passages found")
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from qa.evaluate import evaluate, read_gold, searcher_fn, write_rows

    gold = read_gold(args.gold)
    searcher = _searcher(args)
    result = evaluate(gold, searcher_fn(searcher, doc=args.doc, section=args.section))
    out = args.out or args.gold.with_name(args.gold.stem + f".results-{args.mode}.jsonl")
    write_rows(out, result.rows)
    print(f"mode {args.mode}" + (f", reranked by {args.rerank}" if args.rerank else "") + f", {len(gold)} questions")
    print(result.table())
    print(f"per-question results: {out}")
    return 0


def cmd_batch(args: argparse.Namespace) -> int:
    from tqdm.auto import tqdm

    from qa.batch_io import read_questions, result_rows, write_results

    questions = read_questions(args.file)
    searcher = _searcher(args)
    results = []
    step = 32
    with tqdm(total=len(questions), desc="questions", disable=args.quiet, file=sys.stderr) as bar:
        for start in range(0, len(questions), step):
            batch = questions[start : start + step]
            results.extend(searcher.search_many([q.text for q in batch], k=args.k, doc=args.doc, section=args.section))
            bar.update(len(batch))
    write_results(args.out, result_rows(questions, results))
    print(f"wrote {len(questions)} questions x top {args.k} to {args.out}")
    return 0


def cmd_structure(args: argparse.Namespace) -> int:
    from qa.loading import load_file
    from qa.structure import recover_outline
    from qa.structure.report import format_outline

    doc = load_file(Path(args.file))
    print(format_outline(recover_outline(doc)))
    return 0


def build_parser() -> argparse.ArgumentParser:
    # -q/-v work before or after the subcommand (`qa -q build ...` and `qa build ... -q`); the
    # subcommand's copies use their own names because argparse lets a subparser's defaults
    # overwrite what the main parser already read.
    parser = argparse.ArgumentParser(
        prog="qa", description="Search Chinese and mixed-language documents with citations."
    )
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more logging on stderr")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bars or info logs")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("-v", "--verbose", dest="sub_verbose", action="count", default=0, help="more logging")
    common.add_argument("-q", "--quiet", dest="sub_quiet", action="store_true", help="no progress bars or info logs")
    sub = parser.add_subparsers(dest="command", required=True)

    def index_opts(p: argparse.ArgumentParser) -> None:
        p.add_argument("--index", type=Path, default=DEFAULT_INDEX, help=f"index directory (default {DEFAULT_INDEX})")
        p.add_argument(
            "--model", default=None, help="embedding model: use-m3 (bundled) or a sentence-transformers name/path"
        )

    p = sub.add_parser("build", parents=[common], help="index .txt/.md files or directories")
    p.add_argument("paths", nargs="+", type=Path)
    index_opts(p)
    p.add_argument("--chunk-size", type=int, default=300, help="most characters per chunk (default 300)")
    p.add_argument("--overlap", type=int, default=80, help="characters repeated between chunks (default 80)")
    p.set_defaults(func=cmd_build)

    def retrieval_opts(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--mode",
            choices=["hybrid", "dense", "keyword"],
            default="hybrid",
            help="hybrid (default): keyword + dense fused by question; dense: embeddings; keyword: jieba BM25",
        )
        p.add_argument("--rerank", metavar="MODEL", default=None, help="re-order with a CrossEncoder (name or path)")
        p.add_argument("--doc", default=None, help="only passages of this document id")
        p.add_argument("--section", default=None, help="only passages under this section path prefix (A › B, A/B)")
        p.add_argument(
            "--keyword-weight",
            type=float,
            default=None,
            metavar="W",
            help="hybrid: keyword weight for a Chinese question whose words all occur in the corpus "
            "(default: measured for the index's model and corpus when it was built)",
        )

    p = sub.add_parser("search", parents=[common], help="ask one question")
    p.add_argument("question")
    p.add_argument("-k", type=int, default=5, help="how many passages (default 5)")
    index_opts(p)
    retrieval_opts(p)
    p.add_argument("--min-score", type=float, default=None, help="drop passages whose relevance (0..1) is below this")
    p.add_argument(
        "--show-weak", action="store_true", help="also list passages below the 'no good passage' relevance threshold"
    )
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("eval", parents=[common], help="measure hit@1, hit@5, MRR@10 on a gold JSONL file")
    p.add_argument("gold", type=Path, help="JSONL: question + gold_id (chunk/paragraph/document id) or answer; group")
    p.add_argument("--out", type=Path, default=None, help="per-question results (default: beside the gold file)")
    index_opts(p)
    retrieval_opts(p)
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("batch", parents=[common], help="answer a file of questions (.txt/.csv/.jsonl)")
    p.add_argument("file", type=Path)
    p.add_argument("--out", type=Path, required=True, help="results file, .jsonl or .csv")
    p.add_argument("-k", type=int, default=5)
    index_opts(p)
    retrieval_opts(p)
    p.set_defaults(func=cmd_batch)

    p = sub.add_parser("structure", parents=[common], help="print the recovered section outline of a file")
    p.add_argument("file", type=Path)
    p.set_defaults(func=cmd_structure)
    return parser


def main(argv: list[str] | None = None) -> int:
    from qa.errors import QAError

    parser = build_parser()
    args = parser.parse_args(argv)
    args.quiet = args.quiet or args.sub_quiet
    args.verbose = args.verbose + args.sub_verbose
    _setup_logging(-1 if args.quiet else args.verbose)
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    try:
        return int(args.func(args) or 0)
    except QAError as exc:
        print(f"qa: error: {exc}", file=sys.stderr)
        return EXIT_USER_ERROR
    except ValueError as exc:  # bad option values (chunk size, k) raised by the library
        print(f"qa: error: {exc}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("qa: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
