#!/usr/bin/env bash
# Docs and MSRV: rustdoc with warnings as errors, a build with the oldest supported Rust (the
# `rust-version` of Cargo.toml, installed by scripts/setup.sh), and the core library without its
# default features (what the WASM package and embedders without threads use).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=setup.sh
. "$ROOT/scripts/setup.sh"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

echo "== cargo doc --no-deps (RUSTDOCFLAGS=-D warnings)"
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --workspace --quiet

MSRV="$(msrv)"
[ -n "$MSRV" ] || { echo "no rust-version in [workspace.package] of Cargo.toml" >&2; exit 1; }
echo "== MSRV build: cargo +$MSRV build -p cchc -p cchc-cli --locked"
ensure_toolchain "$MSRV"
# Its own target directory: another compiler's artefacts would evict the stable ones.
cargo "+$MSRV" build -p cchc -p cchc-cli --locked --quiet --target-dir target/msrv
# On CI nothing reuses that build: give its disk back to the steps that follow.
if [ "${CI:-}" = "true" ]; then rm -rf target/msrv; fi

echo "== cargo clippy -p cchc --no-default-features --all-targets (the library and its tests)"
cargo clippy -p cchc --no-default-features --all-targets --quiet -- -D warnings
echo "docs-and-msrv: ok"
