#!/usr/bin/env bash
# PDFKit (npm, MIT) for the eighth newspaper producer (tests/newspaper_pdfkit.py, drawn by tests/newspaper_pdfkit.mjs),
# installed into .pdfkit/ of the checkout (or $PDFKIT_HOME), never globally. Needs node and npm (Debian's nodejs/npm);
# its tests skip and say why when either is missing. Best effort: `make install-test` goes on if this fails.
set -euo pipefail
HOME_DIR="${PDFKIT_HOME:-$(cd "$(dirname "$0")/.." && pwd)/.pdfkit}"
if [ -f "$HOME_DIR/node_modules/pdfkit/package.json" ]; then exit 0; fi
if ! command -v npm >/dev/null; then
  SUDO=""
  if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi
  $SUDO apt-get update
  $SUDO apt-get install -y --no-install-recommends nodejs npm
fi
mkdir -p "$HOME_DIR"
cd "$HOME_DIR"
[ -f package.json ] || echo '{"private": true}' > package.json
npm install --no-audit --no-fund --no-save pdfkit@0.20.2
