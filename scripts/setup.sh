#!/usr/bin/env bash
# The one place that installs what the tests need. Idempotent: each item is installed only when
# it is missing, so a second run does nothing. Works unattended (CI=true, no standard input) on a
# fresh Debian machine with Rust (rustup), Python 3 and Node >= 20.
#
# Run it:     scripts/setup.sh [os|rust|python|wasm|fuzz|all]   (default: os)
#   os      Debian packages: Chromium (and a font) for the browser test, python3-venv if needed
#   rust    the MSRV toolchain (rust-version in Cargo.toml)
#   python  .venv with bindings-python/requirements-test.txt
#   wasm    wasm32 target, wasm-bindgen-cli (Cargo.lock's version), npm packages of bindings-wasm
#   fuzz    nightly toolchain and cargo-fuzz
#   all     everything above
# Source it:  . scripts/setup.sh   gives the helpers below to the step scripts (scripts/test-*.sh).
#
# Only package registries are used: Debian apt, crates.io (cargo install), PyPI (pip), npm, and
# rustup for toolchains and targets. No script downloads a browser or a binary of its own.

CCHC_ROOT="${CCHC_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

setup_log() { printf '==> %s\n' "$*" >&2; }

# apt-get as root, or through sudo when not root.
_apt_get() {
  local sudo=""
  if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get "$@" </dev/null
}

# ensure_apt_packages PKG...: installs the Debian packages that are not installed yet.
ensure_apt_packages() {
  local missing=() p
  for p in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$p")
    fi
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  setup_log "apt-get install ${missing[*]}"
  _apt_get update -q
  _apt_get install -y -q --no-install-recommends "${missing[@]}"
}

# setup_os: every Debian package the tests need.
setup_os() {
  # The demo page's browser test drives Debian's Chromium with npm's playwright-core.
  if [ ! -x /usr/bin/chromium ]; then
    ensure_apt_packages chromium fonts-dejavu-core
  fi
  # Debian's own python3 needs python3-venv for `python3 -m venv` (pyenv's Python has it).
  if ! "${PYTHON:-python3}" -c 'import ensurepip, venv' >/dev/null 2>&1; then
    ensure_apt_packages python3-venv
  fi
  /usr/bin/chromium --version >&2 2>/dev/null || true
}

# ensure_toolchain NAME: a rustup toolchain (minimal profile) if it is not installed.
ensure_toolchain() {
  local tc="$1"
  if ! rustup toolchain list 2>/dev/null | grep -q "^$tc"; then
    setup_log "rustup toolchain install $tc --profile minimal"
    rustup toolchain install "$tc" --profile minimal --no-self-update
  fi
}

# ensure_rust_target TRIPLE [TOOLCHAIN]: a rustup target if it is not installed.
ensure_rust_target() {
  local target="$1" tc=("${@:2}")
  local plus=()
  [ "${#tc[@]}" -gt 0 ] && plus=(--toolchain "${tc[0]}")
  if ! rustup target list --installed "${plus[@]}" 2>/dev/null | grep -qx "$target"; then
    setup_log "rustup target add $target ${tc[*]}"
    rustup target add "$target" "${plus[@]}"
  fi
}

# ensure_cargo_tool BINARY CRATE [VERSION]: `cargo install` unless BINARY is on PATH (with
# VERSION in its `--version` output when given).
ensure_cargo_tool() {
  local bin="$1" crate="$2" version="${3:-}"
  if command -v "$bin" >/dev/null 2>&1; then
    if [ -z "$version" ]; then return 0; fi
    local have
    have="$("$bin" --version 2>/dev/null || true)"
    # cargo-fuzz is called as `cargo fuzz`; its --version prints "cargo-fuzz X".
    if printf '%s\n' "$have" | grep -qw -- "$version"; then return 0; fi
  fi
  if [ -n "$version" ]; then
    # Not --locked: a pinned dependency of some tools' lock files is missing from the mirror.
    setup_log "cargo install $crate --version $version"
    cargo install "$crate" --version "$version" --force
  else
    setup_log "cargo install $crate"
    cargo install "$crate"
  fi
}

# msrv: the rust-version of [workspace.package] in Cargo.toml.
msrv() {
  awk -F'"' '/^\[workspace.package\]/ { in_ws = 1; next } /^\[/ { in_ws = 0 }
    in_ws && /^rust-version *=/ { print $2; exit }' "$CCHC_ROOT/Cargo.toml"
}

# lock_version CRATE: the version of CRATE in Cargo.lock (first entry).
lock_version() {
  awk -v want="$1" '
    /^\[\[package\]\]/ { name = "" }
    $1 == "name" && $3 == "\"" want "\"" { name = want; next }
    name == want && $1 == "version" { gsub(/"/, "", $3); print $3; exit }
  ' "$CCHC_ROOT/Cargo.lock"
}

# setup_python: .venv at the repository root with the pinned test requirements (exported as
# CCHC_PY, the venv's python).
setup_python() {
  local venv="$CCHC_ROOT/.venv" req="$CCHC_ROOT/bindings-python/requirements-test.txt"
  export PIP_NO_INPUT=1 PIP_DISABLE_PIP_VERSION_CHECK=1
  if [ ! -x "$venv/bin/python" ]; then
    setup_log "python3 -m venv $venv"
    "${PYTHON:-python3}" -m venv "$venv"
  fi
  CCHC_PY="$venv/bin/python"
  export CCHC_PY
  # Reinstall only when the requirements changed since the last install.
  local stamp="$venv/.requirements-test.sha256" sum
  sum="$(sha256sum "$req" | awk '{print $1}')"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$sum" ]; then
    setup_log "pip install -r ${req#"$CCHC_ROOT"/}"
    "$CCHC_PY" -m pip install --quiet -r "$req" </dev/null
    printf '%s\n' "$sum" >"$stamp"
  fi
}

# setup_wasm: wasm32 target, wasm-bindgen-cli of Cargo.lock's wasm-bindgen, npm packages.
setup_wasm() {
  ensure_rust_target wasm32-unknown-unknown
  local wb
  wb="$(lock_version wasm-bindgen)"
  if [ -z "$wb" ]; then
    (cd "$CCHC_ROOT" && cargo metadata --format-version 1 >/dev/null)
    wb="$(lock_version wasm-bindgen)"
  fi
  [ -n "$wb" ] || { echo "setup.sh: no wasm-bindgen version in Cargo.lock" >&2; return 1; }
  ensure_cargo_tool wasm-bindgen wasm-bindgen-cli "$wb"
  local dir="$CCHC_ROOT/bindings-wasm"
  if [ ! -x "$dir/node_modules/.bin/wasm-opt" ] || [ ! -d "$dir/node_modules/yaml" ] \
    || [ ! -d "$dir/node_modules/playwright-core" ] \
    || [ "$dir/package.json" -nt "$dir/node_modules/.package-lock.json" ] \
    || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    setup_log "npm ci (bindings-wasm)"
    (cd "$dir" && npm ci --no-audit --no-fund </dev/null)
  fi
}

# setup_fuzz: nightly toolchain and cargo-fuzz (pinned: the version checked with fuzz/).
setup_fuzz() {
  ensure_toolchain nightly
  ensure_cargo_tool cargo-fuzz cargo-fuzz 0.13.2
}

# setup_rust: the MSRV toolchain.
setup_rust() {
  ensure_toolchain "$(msrv)"
}

setup_main() {
  set -euo pipefail
  local what="${1:-os}"
  case "$what" in
    os) setup_os ;;
    rust) setup_rust ;;
    python) setup_python ;;
    wasm) setup_wasm ;;
    fuzz) setup_fuzz ;;
    all) setup_os; setup_rust; setup_python; setup_wasm; setup_fuzz ;;
    -h | --help) sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' ;;
    *) echo "setup.sh: unknown part '$what' (os, rust, python, wasm, fuzz, all)" >&2; return 2 ;;
  esac
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  setup_main "$@"
fi
