"""Undo for the app's index changes: the generation before the last change, kept until the next one.

Before a change the live generation is hard-linked into ``<index>/.undo/`` (generations are never
modified in place, so a hard link is a free, exact copy that survives the store's clean-up of old
generations). Undo publishes a copy of that snapshot as a new generation through ``IndexStore.restore`` —
the same atomic switch a build makes — so nothing is re-embedded and a search never sees a
half-restored index. The uploads folder is put back too
(files the change created are removed, files it overwrote get their old bytes back).

One level: a change replaces the previous snapshot. The snapshot is on disk, so it survives the
browser tab, but the record of what the change did lives in the running app.
"""

from __future__ import annotations

import shutil
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from qa.errors import QAError
from qa.index_store import CURRENT, IndexStore, link_or_copy

UNDO_DIR = ".undo"


@dataclass
class Change:
    """What one change did, enough to describe it and to put the uploads folder back."""

    description: str
    created: list[Path] = field(default_factory=list)
    overwritten: dict[Path, bytes] = field(default_factory=dict)
    at: float = field(default_factory=time.time)


class UndoLog:
    """The one change that can be undone, and its snapshot of the generation before it."""

    def __init__(self, index_dir: Path) -> None:
        self.index_dir = Path(index_dir)
        self.root = self.index_dir / UNDO_DIR
        self._change: Change | None = None
        self._lock = threading.Lock()

    def snapshot(self) -> None:
        """Keep the live generation (call before a change, under the app's build lock)."""
        live = IndexStore(self.index_dir).current_dir()
        with self._lock:
            self._change = None
            shutil.rmtree(self.root, ignore_errors=True)
            self.root.mkdir(parents=True)
            shutil.copytree(live, self.root / live.name, copy_function=link_or_copy)
            (self.root / CURRENT).write_text(live.name + "\n", encoding="utf-8")

    def record(self, change: Change) -> None:
        with self._lock:
            self._change = change

    def discard(self) -> None:
        """Forget the snapshot (the change it was taken for did not happen)."""
        with self._lock:
            self._change = None
            shutil.rmtree(self.root, ignore_errors=True)

    @property
    def last_change(self) -> Change | None:
        return self._change

    def undo(self) -> Change:
        """Make the snapshot the live generation again and revert the uploads folder."""
        with self._lock:
            change = self._change
            if change is None or not (self.root / CURRENT).is_file():
                raise QAError("没有可撤销的更改 Nothing to undo: no change since the app started or the last undo")
            saved = IndexStore(self.root).current_dir()
            store = IndexStore(self.index_dir)
            with store.lock():
                store.restore(saved)  # checked against its manifest, then switched to atomically
            for path in change.created:
                path.unlink(missing_ok=True)
            for path, data in change.overwritten.items():
                path.write_bytes(data)
            self._change = None
            shutil.rmtree(self.root, ignore_errors=True)
            return change
