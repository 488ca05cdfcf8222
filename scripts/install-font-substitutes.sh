#!/usr/bin/env bash
# Four CJK faces a user's machine may have — AR PL UMing (明体), WenQuanYi Zen Hei (黑体), Noto Sans/Serif CJK and Droid
# Sans Fallback — each unpacked into a folder of its own under FONTS, for benchmarks/font_substitutes.py and
# tests/test_pdf_font_substitutes.py: they point pdfium at one folder at a time (tests/font_substitutes.py), so that a
# PDF's NON-EMBEDDED CJK font (reportlab's STSong-Light) is read through that face, as on a machine that has only it.
# Best effort: `make install-test` goes on if this fails; the benchmark and the test skip a face that is missing.
#
# Never installed for the system: pdfium substitutes whatever CJK face it finds in /usr/share/fonts for every
# non-embedded font, and Chromium prints with the system's faces, so a system install changes every other test's PDFs.
set -euo pipefail
FONTS="${QA_FONT_SUBSTITUTES:-${XDG_CACHE_HOME:-$HOME/.cache}/qa-font-substitutes}"
declare -A files=(
  [uming]="usr/share/fonts/truetype/arphic/uming.ttc"
  [zenhei]="usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
  [noto]="usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
  [droid]="usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"
)
declare -A packages=([uming]=fonts-arphic-uming [zenhei]=fonts-wqy-zenhei [noto]=fonts-noto-cjk [droid]=fonts-droid-fallback)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$FONTS/none"  # no CJK face at all: pdfium falls back to its own built-in fonts
for face in "${!packages[@]}"; do
  have=1
  for f in ${files[$face]}; do [ -f "$FONTS/$face/$(basename "$f")" ] || have=0; done
  [ "$have" = 1 ] && continue
  (cd "$work" && apt-get download "${packages[$face]}")
  mkdir -p "$work/$face" "$FONTS/$face"
  dpkg-deb -x "$work/${packages[$face]}"_*.deb "$work/$face"
  for f in ${files[$face]}; do cp "$work/$face/$f" "$FONTS/$face/"; done  # the face alone: no fontconfig files
done
