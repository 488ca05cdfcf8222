"""``qa.beside.one_blas_thread`` in a process that has made no searcher and no encoder yet (a script or a
library user scoring with the search's pieces): it finds the BLAS libraries itself and never hangs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_first_blas_limit_in_a_fresh_process_finds_its_libraries_and_returns():
    code = (
        "import qa.beside as b\n"
        "with b.one_blas_thread():\n"
        "    inside = b._blas_users\n"
        "print(inside, b._blas_users, b._blas_libs is not None)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60, check=True)
    assert out.stdout.split() == ["1", "0", "True"]
