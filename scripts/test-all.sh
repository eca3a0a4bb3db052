#!/usr/bin/env bash
# Every test of every part, as named steps; each prints a header and its time, and the first
# failing step stops the run with its name. Works with CI=true and no standard input; installs
# what it needs, idempotently, through scripts/setup.sh (the one script that installs Debian
# packages).
#
#   scripts/test-all.sh                 all steps
#   scripts/test-all.sh rust python     only the steps named
#
# Steps:
#   setup          Debian packages (scripts/setup.sh os)
#   rust           fmt, clippy -D warnings, every Rust test, the CLI on shipped files (test-rust.sh)
#   docs-and-msrv  rustdoc -D warnings, the MSRV build, clippy of the core and its tests with
#                  --no-default-features (test-docs-msrv.sh)
#   python         the Python package's tests with pinned tools (test-python.sh)
#   wasm           the WASM package's tests in Node and headless Chromium (test-wasm.sh)
#   fuzz-smoke     each fuzz target briefly (fuzz.sh; CCHC_FUZZ_SMOKE_SECONDS, default 20)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

ALL_STEPS=(setup rust docs-and-msrv python wasm fuzz-smoke)

step_command() {
  case "$1" in
    setup) echo "bash scripts/setup.sh os" ;;
    rust) echo "bash scripts/test-rust.sh" ;;
    docs-and-msrv) echo "bash scripts/test-docs-msrv.sh" ;;
    python) echo "bash scripts/test-python.sh" ;;
    wasm) echo "bash scripts/test-wasm.sh" ;;
    fuzz-smoke) echo "bash scripts/fuzz.sh ${CCHC_FUZZ_SMOKE_SECONDS:-20}" ;;
    *) return 1 ;;
  esac
}

STEPS=("$@")
[ "${#STEPS[@]}" -gt 0 ] || STEPS=("${ALL_STEPS[@]}")
for s in "${STEPS[@]}"; do
  step_command "$s" >/dev/null || { echo "test-all.sh: unknown step '$s' (${ALL_STEPS[*]})" >&2; exit 2; }
done

free_disk() { df -Ph . 2>/dev/null | awk 'NR == 2 { print $4 }'; }
fmt_time() { printf '%dm%02ds' $(($1 / 60)) $(($1 % 60)); }
SUMMARY=()
summary() {
  echo
  echo "== summary"
  local line
  for line in "${SUMMARY[@]}"; do echo "  $line"; done
  echo "  total   $(fmt_time $(($(date +%s) - RUN_START)))"
}

# On CI no build is repeated, so incremental caches only take disk.
if [ "${CI:-}" = "true" ]; then export CARGO_INCREMENTAL=0; fi

RUN_START=$(date +%s)
for s in "${STEPS[@]}"; do
  cmd="$(step_command "$s")"
  echo
  echo "################################################################"
  echo "## step: $s    ($cmd)    $(date -u +%H:%M:%SZ), disk free: $(free_disk)"
  echo "################################################################"
  t0=$(date +%s)
  set +e
  $cmd </dev/null
  rc=$?
  set -e
  dt=$(($(date +%s) - t0))
  if [ "$rc" -ne 0 ]; then
    SUMMARY+=("$(printf '%-14s FAILED (exit %d) after %s' "$s" "$rc" "$(fmt_time "$dt")")")
    summary
    echo "FAILED: step '$s' (exit $rc)" >&2
    exit "$rc"
  fi
  SUMMARY+=("$(printf '%-14s ok  %s' "$s" "$(fmt_time "$dt")")")
  echo "## step $s: ok in $(fmt_time "$dt"), disk free: $(free_disk), target/: $(du -sh target 2>/dev/null | cut -f1)"
done
summary
echo "all suites passed"
