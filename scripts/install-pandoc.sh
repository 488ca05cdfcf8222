#!/usr/bin/env bash
# Debian's pandoc (2.17, about 100 MB installed): a converter written by others that makes the DOCX and HTML the
# footnote and title-note tests read (tests/test_docx_footnotes.py, tests/test_html_footnotes.py,
# tests/test_html_title_notes.py; they skip and say why without it). Debian packages only.
set -euo pipefail
if command -v pandoc >/dev/null 2>&1; then exit 0; fi
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends pandoc
