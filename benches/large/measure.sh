#!/usr/bin/env bash
# Peak memory and wall time of `cchc score` on a large CSV file and a large .xlsx workbook, for
# each streamed output format (docs/performance.md, "Issue #12: large files"). Generates the
# fixtures (benches/large/make_files.py: N units, 100,000 by default), builds the release CLI and
# runs each case under /usr/bin/time -v, printing a Markdown table.
#
#   bash benches/large/measure.sh [N] [OUT_DIR]       # N=100000 OUT_DIR=/tmp/cchc-large
#   CCHC_LARGE_SMOKE=1 bash benches/large/measure.sh  # 2,000 units, debug build: a quick check
#   CCHC_LARGE_NO_BUILD=1 …                             # use the CLI already built
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
N="${1:-100000}"
OUT="${2:-/tmp/cchc-large}"
PROFILE=release
if [ "${CCHC_LARGE_SMOKE:-0}" = 1 ]; then
  N=2000
  PROFILE=debug
fi
RULES="$ROOT/rules/ha-noi/thach-that/xa-thi-tran/2021.yaml"
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "measure.sh: needs GNU time at $TIME" >&2; exit 1; }

cd "$ROOT"
if [ "${CCHC_LARGE_NO_BUILD:-0}" = 1 ]; then
  :
elif [ "$PROFILE" = release ]; then
  cargo build --release -p cchc-cli >&2
else
  cargo build -p cchc-cli >&2
fi
CCHC="${CARGO_TARGET_DIR:-$ROOT/target}/$PROFILE/cchc"
if [ ! -f "$OUT/units.xlsx" ] || [ "$(cat "$OUT/n" 2>/dev/null)" != "$N" ]; then
  python3 "$ROOT/benches/large/make_files.py" "$OUT" "$N" >&2
  echo "$N" >"$OUT/n"
fi

echo "| data | \`--format\` | maximum resident set | wall time | exit |"
echo "| --- | --- | --- | --- | --- |"
for data in csv xlsx; do
  for format in csv json table; do
    log="$OUT/time-$data-$format.txt"
    set +e
    "$TIME" -v "$CCHC" score "$RULES" "$OUT/units.$data" --format "$format" \
      --out "$OUT/out-$data.$format" 2>"$log"
    status=$?
    set -e
    # Exit 1: some units are not complete (2 of the example's 23 rows); 2 or more: a failure.
    if [ "$status" -gt 1 ]; then
      cat "$log" >&2
      echo "measure.sh: $data/$format failed (exit $status)" >&2
      exit 1
    fi
    rss_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
    wall=$(awk -F': ' '/Elapsed \(wall clock\) time/ {print $2}' "$log")
    printf '| %s units.%s | %s | %d MB | %s | %d |\n' "$N" "$data" "$format" \
      "$((rss_kb / 1000))" "$wall" "$status"
  done
done
# The same units scored from either file give the same output (the origin is not in it).
for format in csv json table; do
  cmp -s "$OUT/out-csv.$format" "$OUT/out-xlsx.$format" \
    || { echo "measure.sh: --format $format differs between the CSV file and the workbook" >&2; exit 1; }
done
