#!/usr/bin/env bash
# LibreOffice (writer, no GUI) from Debian for the office-producer test (tests/newspaper_office.py):
# a newspaper typeset by a word processor and exported to PDF, a layout our reader was not written
# against. Best effort: if the package cannot be installed, that test skips and says why, and the
# rest of the suite still runs.
set -uo pipefail
if command -v soffice >/dev/null 2>&1; then exit 0; fi
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-office: no apt-get here; the office-producer test will skip" >&2
  exit 0
fi
$SUDO apt-get install -y --no-install-recommends libreoffice-writer-nogui \
  || { $SUDO apt-get update && $SUDO apt-get install -y --no-install-recommends libreoffice-writer-nogui; } \
  || echo "install-office: libreoffice-writer-nogui did not install; the office-producer test will skip" >&2
exit 0
