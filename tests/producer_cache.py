"""A newspaper producer's outputs kept by the hash of their input, so that a benchmark or test re-run costs no layout.

Prawn, ConTeXt and FOP take seconds to minutes a paper and are deterministic: the same input makes the same PDF,
so each producer keeps what it made under a key that hashes everything the output depends on (the producer works
out its own key: its source and seed, the typeset source, or the FO and fonts) and copies it back the next time.

A cache is one folder, ``$XDG_CACHE_HOME/<name>`` (``~/.cache/<name>`` when unset), and one environment variable
(``NEWSPAPER_<PRODUCER>_CACHE``): ``0`` turns the cache off (every paper laid out afresh, nothing written), a folder
puts the cache there, unset, empty or ``1`` keeps the default. An entry is one file per suffix (``<key>.pdf``,
``<key>.json`` …; ``<key>`` alone for a one-file entry); each is written under a temporary name and renamed, so a
process laying out the same paper in parallel reads a whole file or none, and an entry counts only when all its files
are there (write the file that completes it last).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Mapping, Sequence
from pathlib import Path


class ProducerCache:
    """The cache folder ``name`` under the user's cache directory, switched by the environment variable ``switch``."""

    def __init__(self, name: str, switch: str) -> None:
        self.name = name
        self.switch = switch

    def folder(self) -> Path | None:
        """Where the entries are, or None when the cache is off (read at each call: a test may switch it)."""
        where = os.environ.get(self.switch, "")
        if where == "0":
            return None
        if where and where != "1":
            return Path(where)
        return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / self.name

    def get(self, key: str, suffixes: Sequence[str] = ("",)) -> list[Path] | None:
        """The entry's files, one per suffix in that order, or None (cache off, or any file missing)."""
        folder = self.folder()
        if folder is None:
            return None
        files = [folder / f"{key}{suffix}" for suffix in suffixes]
        return files if all(f.is_file() for f in files) else None

    def put(self, key: str, files: Mapping[str, Path | bytes]) -> None:
        """Keep ``files`` (suffix → a file to copy, or its bytes) as the entry ``key``, in their order; nothing when
        the cache is off."""
        folder = self.folder()
        if folder is None:
            return
        folder.mkdir(parents=True, exist_ok=True)
        for suffix, content in files.items():
            part = folder / f".{key}{suffix}.{os.getpid()}"
            if isinstance(content, bytes):
                part.write_bytes(content)
            else:
                shutil.copyfile(content, part)
            part.replace(folder / f"{key}{suffix}")  # atomic: a reader sees the whole file or none
