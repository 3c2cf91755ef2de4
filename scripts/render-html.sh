#!/usr/bin/env bash
# Render a medpath HTML report (the handout) to PDF and PNG with headless
# Chromium, so a person can look at it as it will print.
#
#   scripts/render-html.sh report.html [outdir]
#
# Writes outdir/report.pdf (as printed: Letter unless the page asks for A4;
# PAPER=a4 forces A4) and outdir/report.png (the page on screen, 816 pixels
# wide like a Letter page, PNG_HEIGHT pixels tall, default 2200: about two
# pages). When pdftoppm (Debian's poppler-utils) is installed it also writes
# outdir/report-page-N.png, one picture of each printed page.
#
# Needs Debian's chromium package (apt-get install chromium). Chromium runs
# with networking features off; the report itself loads nothing from outside.
set -euo pipefail
in=${1:?usage: scripts/render-html.sh report.html [outdir]}
out=${2:-$(dirname "$in")}
[ -f "$in" ] || { echo "render-html: no such file: $in" >&2; exit 1; }
chrome=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
if [ -z "$chrome" ]; then
  echo "render-html: chromium not found; install it with: apt-get install chromium" >&2
  exit 1
fi
mkdir -p "$out"
base=$(basename "${in%.html}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
       --disable-background-networking --disable-component-update --disable-sync
       --user-data-dir="$work/profile")
page="$work/page.html"
if [ "${PAPER:-}" = a4 ]; then
  sed 's#</style>#@page { size: A4; }</style>#' "$in" > "$page"
else
  cp "$in" "$page"
fi
url="file://$page"
rm -f "$out/$base.pdf" "$out/$base.png"
"$chrome" "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$out/$base.pdf" "$url" >"$work/log" 2>&1 || true
"$chrome" "${flags[@]}" --hide-scrollbars --window-size=816,"${PNG_HEIGHT:-2200}" --screenshot="$out/$base.png" "$url" >>"$work/log" 2>&1 || true
for f in "$out/$base.pdf" "$out/$base.png"; do
  if [ ! -s "$f" ]; then
    echo "render-html: chromium did not write $f; its output was:" >&2
    cat "$work/log" >&2
    exit 1
  fi
done
echo "$out/$base.pdf"
echo "$out/$base.png"
if command -v pdftoppm >/dev/null; then
  rm -f "$out/$base"-page-*.png
  pdftoppm -r 80 -png "$out/$base.pdf" "$out/$base-page"
  ls "$out/$base"-page-*.png
fi
