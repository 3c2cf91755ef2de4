#!/usr/bin/env bash
# Measure medpath side by side with the floor: the smallest program on the same
# stack (scripts/floor). Prints one table; docs/PERFORMANCE.md records a run.
#
#   scripts/bench.sh            # about two minutes on a 2-core machine
#   RUNS=50 scripts/bench.sh    # more whole-process runs per command
#
# Whole-process times are medians of RUNS runs after warm-ups, measured with
# bash's EPOCHREALTIME (hyperfine is not needed). Peak memory is the maximum
# resident set size from /usr/bin/time when it is installed.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-30}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

go build -trimpath -ldflags='-s -w' -o "$tmp/medpath" .
go build -trimpath -ldflags='-s -w' -o "$tmp/floor" ./scripts/floor

cat > "$tmp/answers.yaml" <<'EOF'
education: bachelor
college_credits: 120
biology_credits: 12
chemistry_credits: 8
lab_work: 4
technology: 4
goal: technologist
state: OH
timeline_months: 24
budget: 15000
work_while_studying: true
EOF

# median_ms CMD...: the median wall time of RUNS runs, in milliseconds
median_ms() {
  local i t0 t1
  for i in 1 2 3; do "$@" >/dev/null 2>&1 || true; done
  for ((i = 0; i < RUNS; i++)); do
    t0=$EPOCHREALTIME
    "$@" >/dev/null 2>&1 || true
    t1=$EPOCHREALTIME
    echo "$t0 $t1"
  done | awk '{print ($2 - $1) * 1000}' | sort -g | awk '{a[NR] = $1} END {printf "%.2f", (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'
}

peak_mb() {
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -n 1 | awk '{printf "%.1f", $1 / 1024}'
  else
    echo "n/a"
  fi
}

floor=$(median_ms "$tmp/floor")
report=$(median_ms "$tmp/medpath" report --answers "$tmp/answers.yaml")
version=$(median_ms "$tmp/medpath" --version)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }

bench() { # bench PKG REGEX: the ns/op (and custom metrics) lines of go test -bench
  go test "$1" -run '^$' -bench "$2" -benchmem -count 1 2>/dev/null | grep -E '^Benchmark'
}

# a 1,000,000-row cohort, generated once, for batch peak memory
go test ./advisor -run '^TestWriteCohortCSV$' -count 1 -args -cohort "$tmp/cohort.csv" -rows 1000000 >/dev/null
batch_peak=$(peak_mb "$tmp/medpath" batch "$tmp/cohort.csv" --jobs 2 --out "$tmp/cohort-out.csv")
t0=$EPOCHREALTIME
"$tmp/medpath" batch "$tmp/cohort.csv" --jobs 2 --out "$tmp/cohort-out.csv" 2>/dev/null
t1=$EPOCHREALTIME
batch_rate=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.0f", 1000000 / (b - a)}')

size=$(stat -c %s "$tmp/medpath")
first_frame=$(python3 scripts/first-frame.py "$tmp/medpath" "$RUNS" 2>/dev/null || echo n/a)
floor_frame=$(python3 scripts/first-frame.py "$tmp/floor" "$RUNS" -tui 2>/dev/null || echo n/a)
echo "medpath benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(go version | awk '{print $3}'), $(nproc) cores, RUNS=$RUNS"
echo
printf '%-44s %12s %s\n' "measure" "value" "target"
printf '%-44s %10s ms %s\n' "floor (minimal Bubble Tea program)" "$floor" ""
printf '%-44s %10s ms %s\n' "medpath report (whole process)" "$report" ""
printf '%-44s %12s %s\n' "  report / floor" "$(ratio "$report" "$floor")x" "<= 2.5x"
printf '%-44s %10s ms %s\n' "medpath --version (whole process)" "$version" ""
printf '%-44s %12s %s\n' "  --version / floor" "$(ratio "$version" "$floor")x" ""
printf '%-44s %10s ms %s\n' "medpath start to first frame (pty, 80x24)" "$first_frame" "<= 50 ms"
printf '%-44s %10s ms %s\n' "  floor -tui start to its first frame" "$floor_frame" ""
printf '%-44s %12s %s\n' "  first frame / floor's" "$(ratio "$first_frame" "$floor_frame" 2>/dev/null || echo n/a)x" "<= 2.2x"
printf '%-44s %9s MiB %s\n' "binary size (stripped)" "$(awk -v s="$size" 'BEGIN {printf "%.2f", s / 1048576}')" "<= 15 MiB"
printf '%-44s %9s MiB %s\n' "peak memory: medpath report" "$(peak_mb "$tmp/medpath" report --answers "$tmp/answers.yaml")" "<= 30 MiB"
printf '%-44s %9s MiB %s\n' "peak memory: batch of 1,000,000 CSV rows" "$batch_peak" "< 200 MiB"
printf '%-44s %8s /s %s\n' "batch throughput, whole process, 1M rows" "$batch_rate" ">= 20,000/s"
echo
echo "go test -bench (advisor):"
bench ./advisor 'Load|Recommend|Batch'
echo
echo "go test -bench (tui, View per screen at 120x40):"
bench ./tui 'View'
