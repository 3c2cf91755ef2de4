#!/usr/bin/env bash
# Render a medpath HTML report to PDF and PNG with headless Chromium, so a person
# can look at it as it will print.
#
#   scripts/render-html.sh report.html [outdir]
#
# Needs Debian's chromium package (apt-get install chromium). Chromium runs with
# networking features off; the report itself loads nothing from outside.
set -euo pipefail
in=${1:?usage: scripts/render-html.sh report.html [outdir]}
out=${2:-$(dirname "$in")}
chrome=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chrome" ]; then
  echo "render-html: chromium not found; install it with: apt-get install chromium" >&2
  exit 1
fi
mkdir -p "$out"
base=$(basename "${in%.html}")
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
       --disable-background-networking --disable-component-update --disable-sync
       --user-data-dir="$profile")
url="file://$(cd "$(dirname "$in")" && pwd)/$(basename "$in")"
"$chrome" "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$out/$base.pdf" "$url" 2>/dev/null
"$chrome" "${flags[@]}" --window-size=900,1400 --screenshot="$out/$base.png" "$url" 2>/dev/null
echo "$out/$base.pdf"
echo "$out/$base.png"
