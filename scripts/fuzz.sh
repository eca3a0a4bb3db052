#!/usr/bin/env bash
# Runs every cargo-fuzz target of fuzz/ for a bounded time each and fails when one finds a crash
# (a panic, an abort, a broken invariant, an input over the time or memory limit).
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     default: 60 s for each of the six targets
#
# Installs the nightly toolchain and cargo-fuzz through scripts/setup.sh (idempotent). Seeds are
# fuzz/seeds/<target>/ (committed; fuzz/make_seeds.py rewrites them); inputs found while running
# go to fuzz/corpus/<target>/ and crash reproducers to fuzz/artifacts/<target>/ (both ignored by
# git). A crash becomes a regression case: see docs/fuzzing.md. One target runs at a time, on one
# core.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=setup.sh
. "$ROOT/scripts/setup.sh"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

SECONDS_EACH="${1:-60}"
[[ "$SECONDS_EACH" =~ ^[0-9]+$ ]] || { echo "fuzz.sh: SECONDS must be a whole number" >&2; exit 2; }
shift || true
ALL_TARGETS=(ruleset units_json units_yaml units_csv units_workbook score_generated)
TARGETS=("$@")
[ "${#TARGETS[@]}" -gt 0 ] || TARGETS=("${ALL_TARGETS[@]}")

setup_fuzz
FUZZ_DIR="$ROOT/fuzz"

echo "== cargo +nightly fuzz build (all targets)"
cargo +nightly fuzz build --fuzz-dir "$FUZZ_DIR"

failed=()
summary=()
for t in "${TARGETS[@]}"; do
  mkdir -p "$FUZZ_DIR/corpus/$t" "$FUZZ_DIR/seeds/$t" "$FUZZ_DIR/artifacts/$t"
  log="$FUZZ_DIR/artifacts/$t/last-run.log"
  echo "== fuzz $t for ${SECONDS_EACH}s"
  set +e
  # -timeout: an input that runs longer than 30 s is reported as a hang;
  # -rss_limit_mb: one over 2 GiB as a memory bomb; -max_len: inputs up to 128 KiB.
  cargo +nightly fuzz run --fuzz-dir "$FUZZ_DIR" "$t" \
    "$FUZZ_DIR/corpus/$t" "$FUZZ_DIR/seeds/$t" -- \
    -max_total_time="$SECONDS_EACH" -timeout=30 -rss_limit_mb=2048 -max_len=131072 \
    -dict="$FUZZ_DIR/cchc.dict" -print_final_stats=1 </dev/null >"$log" 2>&1
  rc=$?
  set -e
  execs="$(awk '/stat::number_of_executed_units/ { print $NF }' "$log" | tail -n 1)"
  cov="$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 | awk '{print $2}')"
  if [ "$rc" -ne 0 ]; then
    failed+=("$t")
    summary+=("$(printf '%-16s CRASH (exit %d) after %s runs; see %s' "$t" "$rc" "${execs:-?}" "${log#"$ROOT"/}")")
    # The crash report: libFuzzer's summary and the panic message.
    grep -E "panicked at|ERROR: libFuzzer|SUMMARY|Test unit written|deadly signal|timeout" "$log" | head -n 20 || true
  else
    summary+=("$(printf '%-16s ok   %s runs, coverage %s' "$t" "${execs:-?}" "${cov:-?}")")
  fi
done

echo "== fuzz summary (${SECONDS_EACH}s per target)"
printf '  %s\n' "${summary[@]}"
if [ "${#failed[@]}" -gt 0 ]; then
  echo "fuzz.sh: crash found in: ${failed[*]} (reproducers in fuzz/artifacts/<target>/)" >&2
  exit 1
fi
echo "fuzz: ok"
