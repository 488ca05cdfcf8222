#!/usr/bin/env bash
# ConTeXt MkIV (LuaTeX; Debian's `context` package) and the AR PL 宋/楷/明 and WenQuanYi fonts, for the thirteenth
# newspaper producer (tests/newspaper_context.py: pages typeset by ConTeXt's own column and float mechanisms). Debian
# packages only; best effort: `make install-test` goes on if this fails, and the producer's tests skip and say why.
set -euo pipefail
fonts=(/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf /usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf
  /usr/share/fonts/truetype/arphic-bsmi00lp/bsmi00lp.ttf /usr/share/fonts/truetype/arphic-bkai00mp/bkai00mp.ttf
  /usr/share/fonts/truetype/wqy/wqy-microhei.ttc)
missing=0
for f in "${fonts[@]}"; do [ -f "$f" ] || missing=1; done
if [ "$missing" = 0 ] && command -v context >/dev/null && command -v mtxrun >/dev/null; then exit 0; fi
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi
$SUDO apt-get update
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends context \
  fonts-arphic-gbsn00lp fonts-arphic-gkai00mp fonts-arphic-bsmi00lp fonts-arphic-bkai00mp fonts-wqy-microhei
