#!/bin/sh
# Makes fonts/: the four Noto Sans faces the packet uses, cut down to the
# Latin letters of Western and Central European languages, punctuation and a
# few symbols, keeping only the layout features a PDF renderer applies by
# default. A packet whose text stays within them loads a tenth of the glyph
# and kerning data; any other text is drawn with the full faces in
# fonts/full/, as Google Fonts ships them (see src/render/pdf/fonts.ts).
# Needs fontTools (Debian: python3-fonttools; else pip install fonttools).
set -eu
cd "$(dirname "$0")/.."
FULL=fonts/full
# Keep in step with CORE_RANGES in src/render/pdf/fonts.ts.
UNICODES="U+0000-007E,U+00A0-017F,U+0218-021B,U+02C6-02C7,U+02D8-02DD,U+2010-2027,U+2030-203A,U+2044,U+20AC,U+2122,U+2212,U+FFFD"
# The features fontkit's default shaper applies: no others are ever asked for.
FEATURES="rvrn,ltra,ltrm,frac,numr,dnom,ccmp,locl,rlig,mark,mkmk,calt,clig,liga,rclt,curs,kern"
mkdir -p fonts
for face in 400Regular 700Bold 400Regular_Italic 700Bold_Italic; do
  fonttools subset "$FULL/NotoSans_$face.ttf" --unicodes="$UNICODES" --layout-features="$FEATURES" \
    --layout-scripts='*' --name-IDs='*' --name-languages='*' --name-legacy --glyph-names --notdef-outline \
    --hinting --legacy-kern --no-prune-unicode-ranges --no-prune-codepage-ranges --drop-tables= \
    --output-file="fonts/NotoSans_$face.ttf"
done
