"""Text-file encodings: is a file saved in a legacy encoding read as the text its author wrote?

Corpus: real translated text, the message catalogues installed on this machine
(``/usr/share/locale/<lang>/LC_MESSAGES/*.mo``, translated by hundreds of people for Debian, GNU, GNOME …):
Simplified Chinese saved as GBK, GB18030 and UTF-8, Traditional Chinese as Big5, Korean as EUC-KR and UTF-8,
Japanese as Shift-JIS (cp932) and EUC-JP, French, German and Spanish as Latin-1 and cp1252, Polish and Czech as
cp1250, Russian as cp1251 and KOI8-R. For each, texts of 4 to 2000 characters (a file name's worth to a page):
consecutive messages of one catalogue, one per line, cut at the length; texts that encode as pure ASCII, or
not at all, are left out. A text is read right when the loader's decoded text equals the text written.

Whole catalogues are held out: TUNING or REPORT by a hash of the catalogue's file name (``apt.mo`` is in the
same split in every language). Rules were chosen on TUNING only; REPORT is scored, never looked into.

Compared in the same run: charset-normalizer's ``best()`` alone, main's loader (``git show main:qa/loading.py``,
or ``--baseline PATH``), and this worktree's loader. Also counted: texts a loader read wrongly while saying
nothing (a wrong reading with no "could also be" note is silent mojibake in the index).

    python benchmarks/encodings.py [--per-cell N] [--baseline PATH_TO_loading.py]
"""

from __future__ import annotations

import argparse
import gettext
import hashlib
import importlib.util
import logging
import re
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from charset_normalizer import from_bytes  # noqa: E402

import qa.loading as current  # noqa: E402

LOCALES = Path("/usr/share/locale")
# (label, language folders, encoding written with)
CELLS = [
    ("Chinese GBK", ["zh_CN"], "gbk"),
    ("Chinese GB18030", ["zh_CN"], "gb18030"),
    ("Chinese UTF-8", ["zh_CN"], "utf-8"),
    ("Chinese Big5", ["zh_TW"], "big5"),
    ("Korean EUC-KR", ["ko"], "euc_kr"),
    ("Korean UTF-8", ["ko"], "utf-8"),
    ("Japanese Shift-JIS", ["ja"], "cp932"),
    ("Japanese EUC-JP", ["ja"], "euc_jp"),
    ("Western Latin-1", ["fr", "de", "es"], "latin-1"),
    ("Western cp1252", ["fr", "de", "es"], "cp1252"),
    ("Central cp1250", ["pl", "cs"], "cp1250"),
    ("Russian cp1251", ["ru"], "cp1251"),
    ("Russian KOI8-R", ["ru"], "koi8_r"),
]
LENGTHS = [4, 8, 16, 32, 64, 200, 2000]
_FORMAT = re.compile(r"%[-#0-9.*]*[a-zA-Z]|\{[^{}]*\}|_(?=\w)|&(?=\w)|<[^<>]*>")


def split_of(catalogue: str) -> str:
    """TUNING or REPORT by the catalogue's name, the same in every language."""
    return "TUNING" if int(hashlib.sha256(catalogue.encode()).hexdigest(), 16) % 2 else "REPORT"


def messages(lang: str) -> dict[str, list[str]]:
    """Catalogue name -> its translated messages (format codes and accelerators removed), in msgid order."""
    found: dict[str, list[str]] = {}
    for path in sorted((LOCALES / lang / "LC_MESSAGES").glob("*.mo")):
        try:
            with path.open("rb") as f:
                catalog = gettext.GNUTranslations(f)._catalog  # noqa: SLF001 - the catalogue's own table
        except Exception:  # noqa: BLE001 - a broken catalogue is just not used
            continue
        texts = []
        for key in sorted(catalog, key=str):
            if not key or not isinstance(catalog[key], str):
                continue
            text = " ".join(_FORMAT.sub("", catalog[key]).split())
            if len(text) >= 2 and any(ord(ch) > 127 for ch in text):
                texts.append(text)
        if len(texts) >= 20:
            found[path.name] = texts
    return found


def samples(per_cell: int) -> list[tuple[str, str, int, str, str]]:
    """(split, cell label, length, encoding, text): per cell and length, ``per_cell`` texts from each split."""
    out = []
    for label, langs, encoding in CELLS:
        pools: dict[str, list[list[str]]] = defaultdict(list)
        for lang in langs:
            for name, texts in messages(lang).items():
                pools[split_of(name)].append(texts)
        for split, catalogues in pools.items():
            for length in LENGTHS:
                made = 0
                for k in range(10 * per_cell):
                    if made == per_cell:
                        break
                    texts = catalogues[k % len(catalogues)]
                    start = (k * 7919 + length) % len(texts)
                    lines, size = [], 0
                    for text in texts[start:] + texts[:start]:
                        lines.append(text)
                        size += len(text) + 1
                        if size >= length:
                            break
                    text = "\n".join(lines)[:length].strip()
                    try:
                        data = text.encode(encoding)
                    except UnicodeEncodeError:
                        continue
                    if data.isascii() or len(text) < min(length, 4):
                        continue
                    out.append((split, label, length, encoding, text))
                    made += 1
    return out


def baseline_module(path: str | None):  # noqa: ANN201 - a module object
    """Main's loader as a module of its own (same package around it), to run beside this worktree's."""
    if path:
        source = Path(path).read_text(encoding="utf-8")
    else:
        source = subprocess.run(
            ["git", "-C", str(ROOT), "show", "main:qa/loading.py"], capture_output=True, text=True, check=True
        ).stdout
    spec = importlib.util.spec_from_loader("qa_loading_baseline", loader=None)
    module = importlib.util.module_from_spec(spec)
    sys.modules["qa_loading_baseline"] = module
    exec(compile(source, "main:qa/loading.py", "exec"), module.__dict__)  # noqa: S102 - our own file at main
    return module


class _Notes(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.records: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record.getMessage())


def _reader(module) -> Callable[[bytes], tuple[str | None, bool]]:  # noqa: ANN001
    """(decoded text or None, whether the loader said the reading is uncertain) for a module's decode_bytes."""
    notes = _Notes()
    logging.getLogger(module.__name__ if module.__name__ != "qa_loading_baseline" else "qa.loading").addHandler(notes)
    logging.getLogger("qa_loading_baseline").addHandler(notes)

    def read(data: bytes) -> tuple[str | None, bool]:
        notes.records.clear()
        try:
            text, _ = module.decode_bytes(data, "x.txt")
        except Exception:  # noqa: BLE001 - a refused file is a wrong reading
            return None, True
        return text, any("could also" in r for r in notes.records)

    return read


def _detector_alone(data: bytes) -> tuple[str | None, bool]:
    try:
        return data.decode("utf-8"), False
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    return (str(best) if best is not None else None), False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--per-cell", type=int, default=12, help="texts per encoding, length and split")
    parser.add_argument("--baseline", help="a loading.py to compare against (default: main's)")
    args = parser.parse_args()
    logging.getLogger("qa").setLevel(logging.WARNING)
    logging.getLogger("qa").propagate = False
    logging.getLogger("qa_loading_baseline").propagate = False
    t0 = time.perf_counter()
    corpus = samples(args.per_cell)
    readers = {
        "detector alone": _detector_alone,
        "main": _reader(baseline_module(args.baseline)),
        "this branch": _reader(current),
    }
    right: dict[tuple[str, str, str], list[int]] = defaultdict(lambda: [0, 0])
    silent: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    by_length: dict[tuple[str, str, int], list[int]] = defaultdict(lambda: [0, 0])
    seconds: dict[str, float] = defaultdict(float)
    noisy: dict[tuple[str, str], int] = defaultdict(int)
    for split, label, length, encoding, text in corpus:
        data = text.encode(encoding)
        for name, read in readers.items():
            t = time.process_time()
            got, flagged = read(data)
            seconds[name] += time.process_time() - t
            ok = got is not None and got.replace("\r\n", "\n") == text
            right[(split, label, name)][0] += ok
            right[(split, label, name)][1] += 1
            by_length[(split, name, length)][0] += ok
            by_length[(split, name, length)][1] += 1
            silent[(split, name)][0] += (not ok) and not flagged
            silent[(split, name)][1] += 1
            noisy[(split, name)] += ok and flagged
    names = list(readers)
    for split in ("TUNING", "REPORT"):
        print(f"\n## {split} ({'rules chosen here' if split == 'TUNING' else 'held-out catalogues, scored only'})")
        print(f"| encoding | n | {' | '.join(names)} |")
        print("|---|---|" + "---|" * len(names))
        totals = defaultdict(lambda: [0, 0])
        for label, _, _ in CELLS:
            cells = [right[(split, label, name)] for name in names]
            if not cells[0][1]:
                continue
            for name, (ok, n) in zip(names, cells, strict=True):
                totals[name][0] += ok
                totals[name][1] += n
            print(f"| {label} | {cells[0][1]} | " + " | ".join(f"{ok / n:.2f}" for ok, n in cells) + " |")
        print(
            f"| **all** | {totals[names[0]][1]} | "
            + " | ".join(f"**{totals[n][0] / totals[n][1]:.3f}**" for n in names)
            + " |"
        )
        print(
            "| wrong and silent | | "
            + " | ".join(f"{silent[(split, n)][0]}/{silent[(split, n)][1]}" for n in names)
            + " |"
        )
        print("| right, but noted as ambiguous | | " + " | ".join(str(noisy[(split, n)]) for n in names) + " |")
        print(f"\n{split} accuracy by length (characters):")
        print(f"| length | {' | '.join(names)} |")
        print("|---|" + "---|" * len(names))
        for length in LENGTHS:
            cells = [by_length[(split, name, length)] for name in names]
            print(f"| {length} | " + " | ".join(f"{ok / n:.2f} ({n})" if n else "-" for ok, n in cells) + " |")
    print(
        f"\n{len(corpus)} texts; CPU s per reader: "
        + ", ".join(f"{n} {seconds[n]:.1f}" for n in names)
        + f"; wall {time.perf_counter() - t0:.0f} s",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
