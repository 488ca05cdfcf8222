#!/usr/bin/env bash
# Java with Apache PDFBox 2.0 (its own PDF writer and TrueType subsetter; Debian's libpdfbox2-java, which brings
# libfontbox2-java and commons-logging) and three CJK faces no other producer uses — AR PL UMing (明体, simplified and
# traditional), AR PL UKai (楷体) and WenQuanYi Zen Hei (黑体) — for the fifteenth newspaper producer
# (tests/newspaper_pdfbox.py plans and breaks the lines, tests/NewspaperPdfbox.java writes them). Best effort:
# `make install-test` goes on if this fails, and the producer's tests skip and say why.
set -euo pipefail
files=(/usr/share/java/pdfbox2.jar /usr/share/java/fontbox2.jar /usr/share/fonts/truetype/arphic/uming.ttc
  /usr/share/fonts/truetype/arphic/ukai.ttc /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc)
missing=0
for f in "${files[@]}"; do [ -f "$f" ] || missing=1; done
if [ "$missing" = 0 ] && command -v javac >/dev/null; then exit 0; fi
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi
$SUDO apt-get update
jdk=""
command -v javac >/dev/null || jdk=default-jdk-headless  # javac compiles the writer once; a JDK present is kept as is
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends $jdk libpdfbox2-java \
  fonts-arphic-uming fonts-arphic-ukai fonts-wqy-zenhei
