#!/usr/bin/env bash
# XeLaTeX with xeCJK, multicol and fancyhdr, and the AR PL (文鼎) Song/Ming/Kai fonts, for the held-out
# LaTeX newspapers (tests/newspaper_latex.py; its tests skip without them). Debian packages only.
# Measured on Debian 12 (bookworm): 29 packages, 136 MB downloaded, 479 MB on disk, 88 s.
set -euo pipefail
if command -v xelatex >/dev/null && kpsewhich xeCJK.sty >/dev/null 2>&1 \
  && [ -f /usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf ]; then exit 0; fi
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends texlive-xetex texlive-lang-chinese fonts-wqy-microhei \
  fonts-arphic-gbsn00lp fonts-arphic-bsmi00lp fonts-arphic-gkai00mp fonts-arphic-bkai00mp
