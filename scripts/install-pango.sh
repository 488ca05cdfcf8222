#!/usr/bin/env bash
# Pango, cairo and their Python bindings for Debian's python3, and the AR PL 宋/楷/明 and WenQuanYi fonts, for the
# tenth newspaper producer (tests/newspaper_pango.py, laid out by tests/newspaper_pango_script.py under /usr/bin/python3:
# the project's Python has no GObject bindings). Debian packages only; best effort: `make install-test` goes on if
# this fails, and the producer's tests skip and say why.
set -euo pipefail
fonts=(/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf /usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf
  /usr/share/fonts/truetype/arphic-bsmi00lp/bsmi00lp.ttf /usr/share/fonts/truetype/arphic-bkai00mp/bkai00mp.ttf
  /usr/share/fonts/truetype/wqy/wqy-microhei.ttc)
missing=0
for f in "${fonts[@]}"; do [ -f "$f" ] || missing=1; done
probe="import gi, cairo; gi.require_version('PangoCairo', '1.0'); gi.require_foreign('cairo'); from gi.repository import PangoCairo"
if [ "$missing" = 0 ] && /usr/bin/python3 -c "$probe" 2>/dev/null; then exit 0; fi
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi
$SUDO apt-get update
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends python3 python3-gi python3-gi-cairo \
  python3-cairo gir1.2-pango-1.0 fontconfig fonts-arphic-gbsn00lp fonts-arphic-gkai00mp fonts-arphic-bsmi00lp \
  fonts-arphic-bkai00mp fonts-wqy-microhei
