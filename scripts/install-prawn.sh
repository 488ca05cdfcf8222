#!/usr/bin/env bash
# Ruby with Prawn 2.4 (its text layout, line wrapping, TTFunk font subsetting and PDF writer; Debian's ruby-prawn,
# which brings ruby-ttfunk and ruby-pdf-core) and the AR PL 宋/楷/明 and WenQuanYi fonts, for the fourteenth newspaper
# producer (tests/newspaper_prawn.py and .rb). Best effort: `make install-test` goes on if this fails, and the
# producer's tests skip and say why.
set -euo pipefail
fonts=(/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf /usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf
  /usr/share/fonts/truetype/arphic-bsmi00lp/bsmi00lp.ttf /usr/share/fonts/truetype/arphic-bkai00mp/bkai00mp.ttf
  /usr/share/fonts/truetype/wqy/wqy-microhei.ttc)
missing=0
for f in "${fonts[@]}"; do [ -f "$f" ] || missing=1; done
if [ "$missing" = 0 ] && ruby -e 'require "prawn"' 2>/dev/null; then exit 0; fi
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi
$SUDO apt-get update
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends ruby ruby-prawn fonts-arphic-gbsn00lp \
  fonts-arphic-gkai00mp fonts-arphic-bsmi00lp fonts-arphic-bkai00mp fonts-wqy-microhei
