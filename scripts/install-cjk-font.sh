#!/usr/bin/env bash
# Debian's fonts-wqy-microhei (文泉驿微米黑, about 5 MB), the CJK font the fpdf2 and Typst newspaper producers
# embed (tests/newspaper_fpdf.py, tests/newspaper_typst.py; their tests skip and say why without it). Debian
# packages only; scripts/install-latex.sh installs it too, but that install is large and best effort.
set -euo pipefail
if [ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ]; then exit 0; fi
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends fonts-wqy-microhei
