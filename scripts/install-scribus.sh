#!/usr/bin/env bash
# Scribus (Debian's scribus, a desktop-publishing program) and the AR PL 宋/楷/明 fonts for the ninth newspaper
# producer (tests/newspaper_scribus.py, laid out by tests/newspaper_scribus_script.py inside Scribus). Scribus runs
# headless on Qt's offscreen platform, so no X server is needed. Debian packages only; best effort: `make
# install-test` goes on if this fails, and the producer's tests skip and say why.
set -euo pipefail
fonts=(/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf /usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf
  /usr/share/fonts/truetype/arphic-bsmi00lp/bsmi00lp.ttf /usr/share/fonts/truetype/arphic-bkai00mp/bkai00mp.ttf)
missing=0
for f in "${fonts[@]}"; do [ -f "$f" ] || missing=1; done
if command -v scribus >/dev/null && [ "$missing" = 0 ]; then exit 0; fi
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi
$SUDO apt-get update
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends scribus \
  fonts-arphic-gbsn00lp fonts-arphic-gkai00mp fonts-arphic-bsmi00lp fonts-arphic-bkai00mp
