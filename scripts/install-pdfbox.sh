#!/usr/bin/env bash
# Java with Apache PDFBox 2.0 (its own PDF writer and TrueType subsetter; Debian's libpdfbox2-java, which brings
# libfontbox2-java and commons-logging) and three CJK faces no other producer uses — AR PL UMing (明体, simplified and
# traditional), AR PL UKai (楷体) and WenQuanYi Zen Hei (黑体) — for the fifteenth newspaper producer
# (tests/newspaper_pdfbox.py plans and breaks the lines, tests/NewspaperPdfbox.java writes them). Best effort:
# `make install-test` goes on if this fails, and the producer's tests skip and say why.
#
# The three faces are unpacked into a folder of the producer's own (FONTS below), NOT installed for the system: a
# system font changes what other programs draw with — pdfium substitutes AR PL UMing for a PDF's non-embedded
# STSong-Light, Chromium prints a Chinese page without a font-family in WenQuanYi Zen Hei — so installing them
# changed how the reader's other tests' PDFs were made and read (three tests failed on a machine that had them).
set -euo pipefail
FONTS="${QA_PDFBOX_FONTS:-${XDG_CACHE_HOME:-$HOME/.cache}/qa-newspaper-pdfbox-fonts}"
files=(/usr/share/java/pdfbox2.jar /usr/share/java/fontbox2.jar "$FONTS/usr/share/fonts/truetype/arphic/uming.ttc"
  "$FONTS/usr/share/fonts/truetype/arphic/ukai.ttc" "$FONTS/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
missing=0
for f in "${files[@]}"; do [ -f "$f" ] || missing=1; done
if [ "$missing" = 0 ] && command -v javac >/dev/null; then exit 0; fi
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi
$SUDO apt-get update
jdk=""
command -v javac >/dev/null || jdk=default-jdk-headless  # javac compiles the writer once; a JDK present is kept as is
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends $jdk libpdfbox2-java
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get download fonts-arphic-uming fonts-arphic-ukai fonts-wqy-zenhei)
mkdir -p "$FONTS"
for deb in "$work"/*.deb; do dpkg-deb -x "$deb" "$FONTS"; done
