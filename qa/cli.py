"""The ``qa`` command: build, search, eval, batch, remove, verify, structure.

Results go to stdout (or a file); logs and progress to stderr. A user mistake (empty question,
missing index, unreadable file) prints one line and exits 2; it never shows a traceback.
"""

from __future__ import annotations

import argparse
import difflib
import json
import logging
import math
import os
import sys
from pathlib import Path

from qa.build import DEFAULT_INDEX

log = logging.getLogger("qa")

EXIT_USER_ERROR = 2
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE: what `seq 1000000 | head` reports for seq
MAX_K = 1000
EVAL_CSV_FIELDS = ["id", "group", "question", "rank", "hit@1", "hit@5", "rr@10", "top_hit"]
MAX_CHUNK_SIZE = 10_000


class _Parser(argparse.ArgumentParser):
    """argparse with the one-line ``qa: error: …`` (exit 2) every other user mistake gets."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USER_ERROR, f"qa: error: {message} (see `{self.prog} --help`)\n")


def _int_in(low: int, high: int):
    """argparse type: an integer in [low, high]."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{value} is out of range: use {low}..{high}")
        return value

    return parse


def _finite_float(text: str) -> float:
    """argparse type: a real number (nan and inf would silently drop every hit or none)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"{text!r} is not a finite number")
    return value


def _weight(text: str) -> float:
    """argparse type: a fusion weight in [0, 1] (0 = dense only, 1 = keyword only)."""
    value = _finite_float(text)
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"{value:g} is out of range: a weight is between 0 and 1")
    return value


def _check_doc(searcher, doc: str | None) -> None:
    """Refuse a ``--doc`` the index does not hold: a typo must not read as "no passages found"."""
    from qa.errors import QueryError

    if doc is None:
        return
    known = sorted(searcher.index.manifest.get("documents", {}))  # the manifest lists them: no chunk reads
    if doc in known:
        return
    close = [k for k in known if doc.lower() in k.lower()][:3] or difflib.get_close_matches(doc, known, n=3, cutoff=0.5)
    hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else f"; e.g. {known[0]!r}" if known else ""
    raise QueryError(f"no document {doc!r} in the index ({len(known)} documents{hint})")


def _check_section(searcher, doc: str | None, section: str | None) -> None:
    """Refuse a ``--section`` no passage is under: "no good passage found" would blame the question, not the path."""
    from qa.errors import QueryError

    if not section:
        return
    allowed = searcher.index.filter_ids(doc, section)  # the search's own filter (a Milvus filter has no length)
    if hasattr(allowed, "__len__") and len(allowed) == 0:
        where = f" in {doc!r}" if doc else ""
        raise QueryError(f"no section{where} starts with {section!r}: check the path (A › B), see `qa structure`")


def _stdout_gone() -> None:
    """The reader of our output went away (``qa search … | head``): stop quietly.

    Python would print a BrokenPipeError traceback, and again while flushing at exit; pointing
    stdout at /dev/null lets the interpreter finish silently.
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout is not a real file (e.g. captured in tests)
        pass


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
    report = build_index(
        args.paths,
        args.index,
        model=args.model,
        params=params,
        progress=not args.quiet,
        engine=args.engine,
        milvus_uri=args.milvus_uri,
        milvus_collection=args.milvus_collection,
    )
    for problem in report.problems:
        print(f"skipped: {problem.removesuffix(', skipped')}", file=sys.stderr)  # the loader's own message ends so
    print(
        f"indexed {report.documents} document(s) as {report.chunks} chunks in {report.index_dir} "
        f"({report.embedded} embedded, {report.chunks - report.embedded} reused; "
        f"added {len(report.added)}, changed {len(report.changed)}, removed {len(report.removed)}) "
        f"in {report.seconds:.1f}s"
    )
    return 0


def _options(args: argparse.Namespace):
    """The command's search options, validated once (bad values stop here with one line)."""
    from qa.options import SearchOptions

    return SearchOptions(
        k=getattr(args, "k", 5),
        mode=args.mode,
        doc=args.doc,
        section=args.section,
        min_score=getattr(args, "min_score", None),
        rerank=args.rerank,
        keyword_weight=args.keyword_weight,
        # Only `qa search` hides weak passages by default; eval and batch rank every question fully.
        show_weak=getattr(args, "show_weak", True),
    )


def _searcher(args: argparse.Namespace):
    """Open the index; jieba's dictionary, which every question needs, loads beside it
    (``python benchmarks/first_question.py --cli`` times a one-shot search)."""
    from qa.search import Searcher
    from qa.words import load_segmenter_in_background

    load_segmenter_in_background()
    return Searcher(args.index, model=args.model, options=_options(args))


def cmd_search(args: argparse.Namespace) -> int:
    from qa.records import CONFIDENT_SECTION
    from qa.search import clean_question

    question = clean_question(args.question)
    options = _options(args)
    searcher = _searcher(args)
    _check_doc(searcher, args.doc)
    _check_section(searcher, args.doc, args.section)
    hits = searcher.search(question, options=options)
    tty = sys.stdout.isatty()
    # Scores are calibrated relevance (qa.calibration): below the threshold a passage is a guess,
    # listed only with --show-weak (options.show_weak), marked weak.
    if hits and all(h.weak for h in hits):
        print(f"no good passage found (best relevance {hits[0].score:.2f}); the best ones anyway:")
        print()
    for hit in hits:
        unsure = hit.chunk.section_confidence < CONFIDENT_SECTION
        mark = f"  (? section uncertain, confidence {hit.chunk.section_confidence:.2f})" if unsure else ""
        signals = " · ".join(f"{name} {value:.2f}" for name, value in hit.breakdown.items() if name != "fused")
        weak = "  (weak)" if hit.weak else ""
        print(f"[{hit.rank}] {hit.score:.3f}{weak}  {hit.citation}{mark}  [{signals}]")
        text = _mark(hit.text, hit.highlights, tty)
        print("    " + text.replace("\n", "\n    "))
        print()
    if not hits and options.min_score is None and not options.show_weak:
        print("no good passage found; --show-weak lists the best ones anyway")
    elif not hits:
        print("no passages found")
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from qa.evaluate import evaluate, read_gold, searcher_fn, write_rows

    gold = read_gold(args.gold)
    searcher = _searcher(args)
    _check_doc(searcher, args.doc)
    _check_section(searcher, args.doc, args.section)
    result = evaluate(gold, searcher_fn(searcher, doc=args.doc, section=args.section))
    out = args.out or args.gold.with_name(args.gold.stem + f".results-{args.mode}.jsonl")
    if out.suffix.lower() == ".csv":  # one row per question, for a spreadsheet
        from qa.batch_io import write_csv

        rows = [{**row, "top_hit": row["hits"][0]["doc_id"] if row["hits"] else ""} for row in result.rows]
        write_csv(out, EVAL_CSV_FIELDS, rows)
    else:
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
    _check_doc(searcher, args.doc)
    _check_section(searcher, args.doc, args.section)
    results = []
    step = 32
    with tqdm(total=len(questions), desc="questions", disable=args.quiet, file=sys.stderr) as bar:
        for start in range(0, len(questions), step):
            batch = questions[start : start + step]
            results.extend(searcher.search_many([q.text for q in batch], options=searcher.options))
            bar.update(len(batch))
    write_results(args.out, result_rows(questions, results))
    print(f"wrote {len(questions)} questions x top {args.k} to {args.out}")
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    from qa.build import remove_documents

    report = remove_documents(args.doc_ids, args.index)
    print(
        f"removed {len(report.removed)} document(s) from {report.index_dir}: {report.documents} document(s), "
        f"{report.chunks} chunks left ({report.seconds:.2f}s)"
    )
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from qa.errors import IndexStoreError
    from qa.index_store import IndexStore

    store = IndexStore(args.index)
    problems = store.verify()
    if problems:
        for problem in problems:
            print(f"damaged: {problem}")
        raise IndexStoreError(f"index at {args.index} is damaged ({len(problems)} problem(s)); rebuild it")
    manifest = store.read_manifest()
    print(
        f"ok: {args.index}: {len(manifest['files'])} files match their checksums; "
        f"{len(manifest['documents'])} documents, {manifest['count']} chunks in {len(manifest['segments'])} segment(s)"
    )
    return 0


def cmd_structure(args: argparse.Namespace) -> int:
    from qa.loading import load_file
    from qa.structure import recover_outline
    from qa.structure.report import format_outline, outline_json

    doc = load_file(Path(args.file))
    outline = recover_outline(doc)
    if args.json:
        print(json.dumps(outline_json(outline), ensure_ascii=False, indent=1))
    else:
        print(format_outline(outline))
    return 0


def build_parser() -> argparse.ArgumentParser:
    # -q/-v work before or after the subcommand (`qa -q build ...` and `qa build ... -q`); the
    # subcommand's copies use their own names because argparse lets a subparser's defaults
    # overwrite what the main parser already read.
    parser = _Parser(prog="qa", description="Search Chinese and mixed-language documents with citations.")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more logging on stderr")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bars or info logs")
    common = _Parser(add_help=False)
    common.add_argument("-v", "--verbose", dest="sub_verbose", action="count", default=0, help="more logging")
    common.add_argument("-q", "--quiet", dest="sub_quiet", action="store_true", help="no progress bars or info logs")
    sub = parser.add_subparsers(dest="command", required=True)

    def index_opts(p: argparse.ArgumentParser) -> None:
        p.add_argument("--index", type=Path, default=DEFAULT_INDEX, help=f"index directory (default {DEFAULT_INDEX})")
        p.add_argument(
            "--model", default=None, help="embedding model: use-m3 (bundled) or a sentence-transformers name/path"
        )

    p = sub.add_parser("build", parents=[common], help="index .txt/.md/.pdf/.docx/.html/.csv files or directories")
    p.add_argument("paths", nargs="+", type=Path)
    index_opts(p)
    p.add_argument(
        "--chunk-size",
        type=_int_in(20, MAX_CHUNK_SIZE),
        default=300,
        help=f"most characters per chunk, 20..{MAX_CHUNK_SIZE} (default 300)",
    )
    p.add_argument(
        "--overlap",
        type=_int_in(0, MAX_CHUNK_SIZE),
        default=80,
        help="characters repeated between chunks, 0..less than half the chunk size (default 80)",
    )
    p.add_argument(
        "--engine",
        choices=["faiss", "milvus"],
        default=None,
        help="faiss: index files in --index (default for a new index); milvus: chunks in Milvus, manifest in --index",
    )
    p.add_argument("--milvus-uri", default=None, metavar="URI", help="Milvus Lite file (x.db) or http://host:19530")
    p.add_argument("--milvus-collection", default=None, metavar="NAME", help="collection name (default: from --index)")
    p.set_defaults(func=cmd_build)

    def retrieval_opts(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--mode",
            choices=["hybrid", "dense", "keyword"],
            default="hybrid",
            help="hybrid (default): keyword + dense fused by question; dense: embeddings; keyword: jieba BM25",
        )
        p.add_argument("--rerank", metavar="MODEL", default=None, help="re-order with a CrossEncoder (name or path)")
        p.add_argument("--doc", default=None, help="only passages of this document id (must be in the index)")
        p.add_argument("--section", default=None, help="only passages under this section path prefix (A › B, A/B)")
        p.add_argument(
            "--keyword-weight",
            type=_weight,
            default=None,
            metavar="W",
            help="hybrid: keyword weight 0..1 for a Chinese question whose words all occur in the corpus "
            "(default: measured for the index's model and corpus when it was built)",
        )

    p = sub.add_parser("search", parents=[common], help="ask one question")
    p.add_argument("question")
    p.add_argument("-k", type=_int_in(1, MAX_K), default=5, help=f"how many passages, 1..{MAX_K} (default 5)")
    index_opts(p)
    retrieval_opts(p)
    p.add_argument(
        "--min-score",
        type=_finite_float,
        default=None,
        metavar="X",
        help="drop passages whose relevance (0..1, the same scale in every mode) is below X",
    )
    p.add_argument(
        "--show-weak", action="store_true", help="also list passages below the 'no good passage' relevance threshold"
    )
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("eval", parents=[common], help="measure hit@1, hit@5, MRR@10 on a gold JSONL file")
    p.add_argument("gold", type=Path, help="JSONL: question + gold_id (chunk/paragraph/document id) or answer; group")
    p.add_argument(
        "--out", type=Path, default=None, help="per-question results, .jsonl or .csv (default: .jsonl beside the gold)"
    )
    index_opts(p)
    retrieval_opts(p)
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("batch", parents=[common], help="answer a file of questions (.txt/.csv/.jsonl)")
    p.add_argument("file", type=Path)
    p.add_argument("--out", type=Path, required=True, help="results file, .jsonl or .csv")
    p.add_argument("-k", type=_int_in(1, MAX_K), default=5, help=f"passages per question, 1..{MAX_K} (default 5)")
    index_opts(p)
    retrieval_opts(p)
    p.set_defaults(func=cmd_batch)

    p = sub.add_parser("remove", parents=[common], help="remove documents from an index (others untouched)")
    p.add_argument("doc_ids", nargs="+", metavar="DOC", help="document ids as listed by the index (relative paths)")
    p.add_argument("--index", type=Path, default=DEFAULT_INDEX, help=f"index directory (default {DEFAULT_INDEX})")
    p.set_defaults(func=cmd_remove)

    p = sub.add_parser("verify", parents=[common], help="check every index file against its build-time checksum")
    p.add_argument("--index", type=Path, default=DEFAULT_INDEX, help=f"index directory (default {DEFAULT_INDEX})")
    p.set_defaults(func=cmd_verify)

    p = sub.add_parser("structure", parents=[common], help="print the recovered section outline of a file")
    p.add_argument("file", type=Path)
    p.add_argument("--json", action="store_true", help="sections, paragraphs, roles and stitches as JSON")
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
        code = int(args.func(args) or 0)
        sys.stdout.flush()  # a closed pipe shows here, not at interpreter exit
        return code
    except BrokenPipeError:
        _stdout_gone()
        return EXIT_BROKEN_PIPE
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
