#!/usr/bin/env bash
# Every test of every part: Rust (core, CLI, conformance, benches' floor), Python, WASM + browser.
# Installs what it needs, idempotently (wasm32 target, wasm-bindgen-cli, Chromium, npm and pip
# packages). Works with CI=true and no standard input.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/test-rust.sh
bash scripts/test-python.sh
bash scripts/test-wasm.sh
echo "all suites passed"
