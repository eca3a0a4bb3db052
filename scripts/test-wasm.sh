#!/usr/bin/env bash
# Builds the WebAssembly package, makes sure Chromium is there, and runs the package's tests
# (bindings-wasm/test: conformance cases, the API, the paths to a result compared on the
# benchmark fixtures, the demo page in headless Chromium), then a smoke run of the benchmark
# script (bench/bench.mjs --smoke: a few units, one pass, figures printed, never judged).
# Exits non-zero on any failure.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

bash "$ROOT/scripts/build-wasm.sh"
bash "$ROOT/scripts/build-wasm-tools.sh"
bash "$ROOT/scripts/setup-browser.sh"

# The shared benchmark fixtures (200 units, a debug build, the core not timed), for the tests
# that compare paths on them and for the smoke run of the benchmark script.
FIXTURES="$(mktemp -d)"
trap 'rm -rf "$FIXTURES"' EXIT
cargo run -q -p cchc-benches --example fixtures -- "$FIXTURES" 200 --no-time

cd "$ROOT/bindings-wasm"
CCHC_BENCH_FIXTURES="$FIXTURES" node --test test/ tools/test/
node bench/bench.mjs "$FIXTURES" --smoke
