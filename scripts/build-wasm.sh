#!/usr/bin/env bash
# Builds the WebAssembly package (bindings-wasm/pkg/): the Rust crate with the size-oriented
# `wasm-release` profile, wasm-bindgen (--target web; Node loads the same file from disk), then
# wasm-opt -Oz from npm's binaryen. Idempotent; runs unattended on a fresh machine (CI=true).
#
# Environment:
#   CCHC_WASM_SKIP_OPT=1   skip wasm-opt (faster local iterations)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WASM_DIR="$ROOT/bindings-wasm"
PKG="$WASM_DIR/pkg"
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
OUT_NAME=cchc_wasm

log() { printf '==> %s\n' "$*" >&2; }

cd "$ROOT"

# 1-3. The wasm32 target, wasm-bindgen-cli (exactly the version of the wasm-bindgen crate in
# Cargo.lock) and the npm devDependencies (binaryen for wasm-opt, playwright-core, yaml).
# shellcheck source=setup.sh
. "$ROOT/scripts/setup.sh"
setup_wasm

# 4. The Rust crate, size-optimised.
log "cargo build --profile wasm-release --target wasm32-unknown-unknown -p cchc-wasm"
cargo build --profile wasm-release --target wasm32-unknown-unknown -p cchc-wasm
RAW_WASM="$TARGET_DIR/wasm32-unknown-unknown/wasm-release/$OUT_NAME.wasm"
[ -f "$RAW_WASM" ] || { echo "missing $RAW_WASM" >&2; exit 1; }

# 5. wasm-bindgen into a staging folder, then swap it in (a failed run leaves pkg/ as it was).
STAGE="$(mktemp -d "$WASM_DIR/.pkg-stage.XXXXXX")"
trap 'rm -rf "$STAGE"' EXIT
log "wasm-bindgen --target web"
wasm-bindgen --target web --out-dir "$STAGE" --out-name "$OUT_NAME" "$RAW_WASM"

# 5b. The demo page's texts (the catalogue's `demo-` messages, vi and en) as a JavaScript module
# next to the glue: the WebAssembly module leaves them out (size budget); `messages()` reads it.
log "demo texts -> pkg/demo_texts.js"
node "$WASM_DIR/scripts/demo-texts.mjs" "$STAGE/demo_texts.js"

# 6. wasm-opt -Oz (npm's binaryen; Debian's produces modules that crash at init).
WASM_OPT="$WASM_DIR/node_modules/.bin/wasm-opt"
if [ "${CCHC_WASM_SKIP_OPT:-0}" = 1 ]; then
  log "wasm-opt skipped (CCHC_WASM_SKIP_OPT=1)"
elif [ -x "$WASM_OPT" ]; then
  # --strip-producers/--strip-target-features: tool metadata sections no runtime reads.
  log "wasm-opt -Oz --low-memory-unused --converge --strip-producers --strip-target-features"
  "$WASM_OPT" -Oz --low-memory-unused --converge --strip-producers --strip-target-features --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
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
# wasm-bindgen writes a .gitignore of '*' into pkg/ with some targets; the root .gitignore
# already ignores pkg/, so keep the folder plain.
rm -f "$PKG/.gitignore" "$PKG/package.json"

# 7. Sizes.
FINAL="$PKG/${OUT_NAME}_bg.wasm"
raw_size=$(wc -c <"$FINAL")
gz_size=$(gzip -9 -c "$FINAL" | wc -c)
awk -v f="${FINAL#"$ROOT"/}" -v r="$raw_size" -v g="$gz_size" 'BEGIN {
  printf "cchc-wasm: %s  %d bytes raw (%.2f MB), %d bytes gzipped (%.0f KB)\n", f, r, r / 1000000, g, g / 1000
}'
