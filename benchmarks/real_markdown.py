"""Real Markdown files: do the section headings qa reads match what an independent Markdown reader sees?

Files: the .md files installed on this machine (``/usr/share/doc``, Node and Python packages' READMEs,
CHANGELOGs and docs: written by many authors with many tools), at most 3 per folder, split TUNING/REPORT
by a hash of the path (``--failures`` prints TUNING files only). Gold: pandoc's own reader (``-f
gfm+yaml_metadata_block``, a Haskell implementation sharing no code with markdown-it-py), its top-level
``Header`` blocks — headings inside lists and quotes are not sections, the front matter's title is left
out on both sides (qa's use of it is a choice, not something to score).

Compared: the qa reader (``qa.loading.load_file`` → ``recover_outline``) against the same file read as plain
text (main's behaviour before the reader: ``hints`` None, the structure stage guessing). Per family:
heading precision and recall (titles compared without whitespace), the share of files whose heading
sequence, with each heading's depth in the tree, equals the gold's, and the share whose
``Document.text`` keeps the file's line count (citations cite the file's lines). Also the numbered
paragraphs the reader made headings (pandoc has none: they are paragraphs in Markdown) are counted in
precision, not excused.

    python benchmarks/real_markdown.py [--limit N] [--failures PATH_SUBSTRING]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import subprocess
import sys
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qa.errors import LoadError  # noqa: E402
from qa.loading import decode_bytes, load_file, normalise_text  # noqa: E402
from qa.structure import recover_outline  # noqa: E402
from qa.structure.headings import heading_title  # noqa: E402

FAMILIES = {
    "/usr/share/doc": "Debian /usr/share/doc",
    "node_modules": "Node packages",
    "site-packages": "Python packages",
}
PER_FOLDER = 3


def _family(path: Path) -> str | None:
    text = str(path)
    return next((name for key, name in FAMILIES.items() if key in text), None)


def _files(limit: int) -> list[Path]:
    roots = [Path("/usr/share/doc"), Path("/usr/lib/node_modules"), Path(sys.prefix) / "lib"]
    found: list[Path] = []
    for root in roots:
        if not root.is_dir():
            continue
        per: Counter[Path] = Counter()
        for path in sorted(root.rglob("*.md")):
            if not path.is_file() or _family(path) is None or not 1_000 <= path.stat().st_size <= 400_000:
                continue
            if per[path.parent] < PER_FOLDER:
                per[path.parent] += 1
                found.append(path)
    return found[:limit]


def _split(path: Path) -> str:
    return "TUNING" if int(hashlib.sha256(str(path).encode()).hexdigest(), 16) % 2 else "REPORT"


def _words(inlines: list) -> str:
    out: list[str] = []
    for node in inlines:
        kind, content = node.get("t"), node.get("c")
        if kind in ("Str", "Code", "Math"):
            out.append(content if isinstance(content, str) else content[-1])
        elif kind in ("Space", "SoftBreak", "LineBreak"):
            out.append(" ")
        elif kind in ("Image", "RawInline", "Note"):
            continue
        elif kind in ("Link", "Quoted", "Span"):
            out.append(_words(content[1]))
        elif kind in ("Emph", "Strong", "Strikeout", "Superscript", "Subscript", "SmallCaps", "Underline"):
            out.append(_words(content))
    return "".join(out)


def _depths(levels: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """(depth in the heading tree, key) for (level, title) pairs: '#' then '###' is depth 0 then 1."""
    stack: list[int] = []
    out = []
    for level, title in levels:
        while stack and stack[-1] >= level:
            stack.pop()
        out.append((len(stack), title))
        stack.append(level)
    return out


def _key(title: str) -> str:
    return "".join(title.split())


def gold(path: Path) -> list[tuple[int, str]] | None:
    run = subprocess.run(
        ["pandoc", "-f", "gfm+yaml_metadata_block", "-t", "json", str(path)],
        capture_output=True,
        timeout=60,
        check=False,
    )
    if run.returncode != 0:
        return None
    blocks = json.loads(run.stdout)["blocks"]
    return [(b["c"][0], _key(_words(b["c"][2]))) for b in blocks if b["t"] == "Header" and _words(b["c"][2]).strip()]


def ours(doc) -> list[tuple[int, str]]:  # noqa: ANN001 - a Document
    outline = recover_outline(doc)
    out = []
    for para in outline.paragraphs:
        if outline.roles.get(para.index) != "heading":
            continue
        hint = doc.hints.get(para.line_start) if doc.hints else None
        if hint is not None and hint.role == "title":
            continue
        level = para.heading_level if para.heading_level is not None else 1
        if doc.hints is None:  # plain text: the level a Markdown '#' run gives, else a bare line at level 1
            stripped = para.text.strip()
            level = len(stripped) - len(stripped.lstrip("#")) or 1
        out.append((level, _key(heading_title(para.text))))
    return out


def score(gold_h: list[tuple[int, str]], got: list[tuple[int, str]]) -> tuple[int, int, int, bool]:
    matched = sum((Counter(t for _, t in gold_h) & Counter(t for _, t in got)).values())
    return matched, len(got), len(gold_h), _depths(gold_h) == _depths(got)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=400)
    parser.add_argument("--failures", help="print TUNING files whose path holds this text, and what differs")
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    started = time.time()
    files = _files(args.limit)
    print(f"{len(files)} files", file=sys.stderr)
    rows: dict[tuple[str, str, str], list] = {}
    for n, path in enumerate(files, 1):
        if n % 50 == 0:
            print(f"  {n}/{len(files)} ({time.time() - started:.0f} s)", file=sys.stderr)
        gold_h = gold(path)
        if gold_h is None:
            continue
        try:
            doc = load_file(path, path.name)
        except LoadError:
            continue
        source = normalise_text(decode_bytes(path.read_bytes(), path.name)[0])  # what main indexed
        same_lines = len(doc.text.split("\n")) == len(source.split("\n"))
        plain = replace(doc, text=source, hints=None)
        split = _split(path)
        for reader, d in (("qa reader", doc), ("plain text", plain)):
            got = ours(d)
            result = score(gold_h, got)
            for family in (_family(path), "**all families**"):
                kept = same_lines if reader == "qa reader" else True
                rows.setdefault((family, split, reader), []).append((*result, kept))
            chosen = args.failures and split == "TUNING" and reader == "qa reader" and args.failures in str(path)
            if chosen and not result[3]:
                print(f"--- {path}\n gold {_depths(gold_h)[:12]}\n ours {_depths(got)[:12]}")
    header = "| family | split | reader | files | gold headings | precision | recall | exact outline | lines kept |"
    print(header)
    print("|---" * (header.count("|") - 1) + "|")
    for family in [*FAMILIES.values(), "**all families**"]:
        for split in ("TUNING", "REPORT"):
            for reader in ("qa reader", "plain text"):
                got = rows.get((family, split, reader))
                if not got:
                    continue
                matched = sum(r[0] for r in got)
                ours_n = sum(r[1] for r in got)
                gold_n = sum(r[2] for r in got)
                exact = sum(r[3] for r in got)
                kept = sum(r[4] for r in got)
                print(
                    f"| {family} | {split} | {reader} | {len(got)} | {gold_n} | {matched / max(ours_n, 1):.3f} | "
                    f"{matched / max(gold_n, 1):.3f} | {exact}/{len(got)} | {kept}/{len(got)} |"
                )
    print(f"({time.time() - started:.0f} s)", file=sys.stderr)


if __name__ == "__main__":
    main()
