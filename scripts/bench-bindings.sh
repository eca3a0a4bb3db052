#!/usr/bin/env bash
# Every binding's benchmark in one run, on the same fixtures (docs/performance.md, issue #10):
#   1. the fixtures program (release) writes the 100-leaf benchmark ruleset, UNITS distinct
#      synthetic units and the core's own figures on them (benches/examples/fixtures.rs);
#   2. the Node script times the WASM package on them (bindings-wasm/bench/bench.mjs);
#   3. the Python script times the Python package on them (bindings-python/bench/bench.py);
# each prints its figures beside the core's. Builds what it needs through the project's scripts
# (the WASM package, the Python wheel into .venv), idempotently. Timings are reported, never
# asserted.
#
#   scripts/bench-bindings.sh [UNITS]           default 10000
#   scripts/bench-bindings.sh [UNITS] --memory  also peak memory of 100,000 units per binding
#   scripts/bench-bindings.sh --smoke           CI: 200 units, untimed fixtures, one pass each
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=setup.sh
. "$ROOT/scripts/setup.sh"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"

UNITS=10000
SMOKE=0
EXTRA=()
for a in "$@"; do
  case "$a" in
    --smoke) SMOKE=1 ;;
    --memory) EXTRA+=(--memory) ;;
    [0-9]*) UNITS="$a" ;;
    *) echo "bench-bindings.sh: unknown argument '$a'" >&2; exit 2 ;;
  esac
done

DIR="$(mktemp -d "${TMPDIR:-/tmp}/cchc-bench.XXXXXX")"
trap 'rm -rf "$DIR"' EXIT

if [ "$SMOKE" = 1 ]; then
  setup_log "fixtures: 200 units, untimed (debug build)"
  cargo run -q -p cchc-benches --example fixtures -- "$DIR" 200 --no-time
  PASS=(--smoke)
else
  setup_log "fixtures: $UNITS units, the core timed on them (release build)"
  cargo run -q --release -p cchc-benches --example fixtures -- "$DIR" "$UNITS"
  PASS=()
fi

# The packages: built only when missing (scripts/test-wasm.sh and test-python.sh rebuild them).
[ -f bindings-wasm/pkg/cchc_wasm_bg.wasm ] || bash scripts/build-wasm.sh
setup_python
if ! "$CCHC_PY" -c 'import cchc' 2>/dev/null; then
  PATH="$ROOT/.venv/bin:$PATH" VIRTUAL_ENV="$ROOT/.venv" \
    "$CCHC_PY" -m pip install --quiet --no-build-isolation --no-deps ./bindings-python </dev/null
fi

echo
echo "== WASM in Node (bindings-wasm/bench/bench.mjs)"
node bindings-wasm/bench/bench.mjs "$DIR" "${PASS[@]}" "${EXTRA[@]}"
echo
echo "== Python (bindings-python/bench/bench.py)"
"$CCHC_PY" bindings-python/bench/bench.py "$DIR" "${PASS[@]}" "${EXTRA[@]}"
