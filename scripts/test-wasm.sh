#!/usr/bin/env bash
# Builds the WebAssembly package, makes sure Chromium is there, and runs the package's tests
# (bindings-wasm/test: conformance cases, the API, the demo page in headless Chromium).
# Exits non-zero on any failure.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

bash "$ROOT/scripts/build-wasm.sh"
bash "$ROOT/scripts/setup-browser.sh"

cd "$ROOT/bindings-wasm"
node --test test/
