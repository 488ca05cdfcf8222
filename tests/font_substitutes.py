"""Reading a PDF as a machine with another CJK face would: pdfium pointed at a private font folder.

pdfium draws and measures a PDF's NON-EMBEDDED font (reportlab's STSong-Light, a CID font every Chinese reader has
by name) with whatever face it finds in the system's font folders — AR PL UMing on one machine, Noto CJK, WenQuanYi
Zen Hei or Droid Sans Fallback on another, none at all on a third. pdfium takes its folder list once, when the library
starts (``FPDF_LIBRARY_CONFIG.m_pUserFontPaths``: given, it scans those folders INSTEAD of /usr/share/fonts), and
pypdfium2 starts it on import with none given; so ``use_font_folder`` restarts the library with one folder. It must run
in a process of its own before any document is opened (``read_under`` runs one), never in a test session's process.

The faces are unpacked privately by scripts/install-font-substitutes.sh (never installed for the system: that would
change what every other test's PDFs are read and printed with).
"""

from __future__ import annotations

import ctypes
import json
import os
import subprocess
import sys
from pathlib import Path

FONTS = Path(
    os.environ.get("QA_FONT_SUBSTITUTES")
    or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "qa-font-substitutes"
)
# A face per folder; "none" is an empty folder: pdfium falls back on its own built-in (Latin) fonts.
FACES = ("uming", "zenhei", "noto", "droid", "none")
ROOT = Path(__file__).resolve().parent.parent
_KEPT: list[object] = []  # the folder strings pdfium keeps pointers to


def substitute_folders() -> dict[str, Path]:
    """The private faces unpacked on this machine, by name (a face not unpacked is left out)."""
    out = {}
    for face in FACES:
        folder = FONTS / face
        if folder.is_dir() and (face == "none" or any(folder.iterdir())):
            out[face] = folder
    return out


def use_font_folder(folder: Path) -> None:
    """Restart pdfium in this process with ``folder`` as its only font folder: the face in it becomes the substitute
    for every non-embedded font pdfium has no built-in metrics for. Only in a fresh process (no document open)."""
    import pypdfium2.raw as raw
    from pypdfium2.internal import bases

    raw.FPDF_DestroyLibrary()
    bases.LIBRARY_AVAILABLE = False
    encoded = ctypes.c_char_p(str(folder).encode())
    paths = (ctypes.c_char_p * 2)(encoded.value, None)
    _KEPT.extend((encoded, paths))
    config = raw.FPDF_LIBRARY_CONFIG(version=2, m_pIsolate=None, m_v8EmbedderSlot=0)
    config.m_pUserFontPaths = ctypes.cast(paths, type(config.m_pUserFontPaths))
    raw.FPDF_InitLibraryWithConfig(config)
    bases.LIBRARY_AVAILABLE = True


def _outline_summary(path: Path) -> dict:
    """What a user sees of a read PDF: its sections' heading paths, in order, each with its paragraphs' text."""
    from qa.formats.pdf import read_pdf
    from qa.structure import recover_outline

    outline = recover_outline(read_pdf(path, path.name))
    return {
        "sections": [
            {"path": list(s.path), "paragraphs": [outline.paragraphs[i].text for i in s.paragraphs]}
            for s in outline.sections
        ]
    }


def read_under(folder: Path | None, paths: list[Path]) -> list[dict]:
    """Each PDF's outline summary as read in a process whose pdfium substitutes from ``folder`` (None: the
    machine's own font folders, as a user's process would)."""
    command = [sys.executable, "-m", "tests.font_substitutes", str(folder or ""), *map(str, paths)]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    done = subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT, env=env)
    return json.loads(done.stdout)


if __name__ == "__main__":
    if sys.argv[1]:
        use_font_folder(Path(sys.argv[1]))
    json.dump([_outline_summary(Path(p)) for p in sys.argv[2:]], sys.stdout, ensure_ascii=False)
