#!/usr/bin/env bash
# Builds the Python package `cchc` (bindings-python/) into a virtualenv and runs its tests.
#
# Idempotent; works on a fresh machine without prompts (CI=true, no stdin):
#   1. creates .venv (python3 -m venv) at the repository root if it is missing;
#   2. installs the build and test tools into it (maturin, pytest, pyyaml, pandas, matplotlib,
#      nbclient, nbformat, ipykernel);
#   3. builds and installs the wheel with `pip install ./bindings-python` (maturin, release
#      profile, the workspace's target/ directory, so repeated runs rebuild only what changed);
#   4. runs pytest on bindings-python/tests (extra arguments are passed to pytest).
# Exits non-zero on any failure.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
export PIP_NO_INPUT=1
export PIP_DISABLE_PIP_VERSION_CHECK=1
export PYTHONDONTWRITEBYTECODE=1
if [ -d "$HOME/.cargo/bin" ]; then
    export PATH="$HOME/.cargo/bin:$PATH"
fi
command -v cargo >/dev/null || { echo "test-python.sh: cargo is not on PATH (install Rust via rustup)" >&2; exit 1; }

PYTHON="${PYTHON:-python3}"
VENV="$ROOT/.venv"
if [ ! -x "$VENV/bin/python" ]; then
    echo "==> creating $VENV"
    "$PYTHON" -m venv "$VENV"
fi
PY="$VENV/bin/python"
export PATH="$VENV/bin:$PATH"   # the maturin build backend runs `maturin` from PATH
export VIRTUAL_ENV="$VENV"

echo "==> installing build and test tools"
"$PY" -m pip install --quiet --upgrade pip </dev/null
"$PY" -m pip install --quiet "maturin>=1.5,<2" pytest pyyaml pandas matplotlib nbclient nbformat ipykernel </dev/null

echo "==> building and installing bindings-python (maturin, target dir $CARGO_TARGET_DIR)"
"$PY" -m pip install --quiet --no-build-isolation --no-deps --force-reinstall ./bindings-python </dev/null

echo "==> running the Python tests"
cd "$ROOT/bindings-python"
"$PY" -m pytest -q -p no:cacheprovider tests "$@" </dev/null
