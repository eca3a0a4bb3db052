#!/usr/bin/env bash
# Builds the tools WebAssembly module (bindings-wasm/tools/pkg/, package `cchc-tools`, crate
# `cchc-wasm-tools`): the browser features that do not fit the 600 KB scoring package (the
# printable report, the analyses, the diff of two rule files; later workbooks). The same steps as
# scripts/build-wasm.sh: the `wasm-release` profile, wasm-bindgen --target web (Node loads the
# same file from disk), wasm-opt -Oz from npm's binaryen; then its size, raw and gzipped.
# Idempotent; runs unattended on a fresh machine (CI=true).
#
# Environment:
#   CCHC_WASM_SKIP_OPT=1   skip wasm-opt (faster local iterations)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WASM_DIR="$ROOT/bindings-wasm"
TOOLS="$WASM_DIR/tools"
PKG="$TOOLS/pkg"
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
OUT_NAME=cchc_wasm_tools

log() { printf '==> %s\n' "$*" >&2; }

cd "$ROOT"

# The wasm32 target, wasm-bindgen-cli and the npm devDependencies (binaryen), as for cchc-wasm.
# shellcheck source=setup.sh
. "$ROOT/scripts/setup.sh"
setup_wasm

log "cargo build --profile wasm-release --target wasm32-unknown-unknown -p cchc-wasm-tools"
cargo build --profile wasm-release --target wasm32-unknown-unknown -p cchc-wasm-tools
RAW_WASM="$TARGET_DIR/wasm32-unknown-unknown/wasm-release/$OUT_NAME.wasm"
[ -f "$RAW_WASM" ] || { echo "missing $RAW_WASM" >&2; exit 1; }

STAGE="$(mktemp -d "$TOOLS/.pkg-stage.XXXXXX")"
trap 'rm -rf "$STAGE"' EXIT
log "wasm-bindgen --target web (tools)"
wasm-bindgen --target web --out-dir "$STAGE" --out-name "$OUT_NAME" "$RAW_WASM"

WASM_OPT="$WASM_DIR/node_modules/.bin/wasm-opt"
if [ "${CCHC_WASM_SKIP_OPT:-0}" = 1 ]; then
  log "wasm-opt skipped (CCHC_WASM_SKIP_OPT=1)"
elif [ -x "$WASM_OPT" ]; then
  log "wasm-opt -Oz --converge (tools)"
  "$WASM_OPT" -Oz --low-memory-unused --converge --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$STAGE/${OUT_NAME}_bg.wasm" -o "$STAGE/${OUT_NAME}_bg.opt.wasm"
  mv "$STAGE/${OUT_NAME}_bg.opt.wasm" "$STAGE/${OUT_NAME}_bg.wasm"
else
  log "wasm-opt not found ($WASM_OPT); the module is not optimised further"
fi

rm -rf "$PKG"
chmod 755 "$STAGE"
mv "$STAGE" "$PKG"
trap - EXIT
rm -f "$PKG/.gitignore" "$PKG/package.json"

FINAL="$PKG/${OUT_NAME}_bg.wasm"
raw_size=$(wc -c <"$FINAL")
gz_size=$(gzip -9 -c "$FINAL" | wc -c)
awk -v f="${FINAL#"$ROOT"/}" -v r="$raw_size" -v g="$gz_size" 'BEGIN {
  printf "cchc-tools: %s  %d bytes raw (%.2f MB), %d bytes gzipped (%.0f KB)\n", f, r, r / 1000000, g, g / 1000
}'
