#!/usr/bin/env bash
# Builds the Python package `cchc` (bindings-python/) into a virtualenv and runs its tests.
#
# Idempotent; works on a fresh machine without prompts (CI=true, no stdin):
#   1. scripts/setup.sh (setup_python) creates .venv at the repository root if it is missing and
#      installs the pinned build and test tools of bindings-python/requirements-test.txt;
#   2. builds and installs the wheel with `pip install ./bindings-python` (maturin, release
#      profile, the workspace's target/ directory, so repeated runs rebuild only what changed);
#   3. runs pytest on bindings-python/tests (extra arguments are passed to pytest);
#   3a. builds the cchc command first (debug), for the tests that compare with it (CCHC_CLI);
#   3b. with CCHC_TEST_PYSPARK=1, installs bindings-python/requirements-spark.txt (PySpark, a
#      large download; needs Java 17+) so that tests/test_spark.py runs instead of skipping;
#   4. runs the benchmark scripts briefly (bench/bench.py --smoke: 200 untimed units, one pass;
#      bench/dask_bench.py --smoke: 2,000 units on a local Dask cluster).
# Exits non-zero on any failure.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=setup.sh
. "$ROOT/scripts/setup.sh"

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
export PYTHONDONTWRITEBYTECODE=1
command -v cargo >/dev/null || { echo "test-python.sh: cargo is not on PATH (install Rust via rustup)" >&2; exit 1; }

setup_python
PY="$CCHC_PY"
VENV="$ROOT/.venv"
export PATH="$VENV/bin:$PATH"   # the maturin build backend runs `maturin` from PATH
export VIRTUAL_ENV="$VENV"

echo "==> building and installing bindings-python (maturin, target dir $CARGO_TARGET_DIR)"
"$PY" -m pip install --quiet --no-build-isolation --no-deps --force-reinstall ./bindings-python </dev/null

# The command line, which tests/test_frames.py compares the natural pandas reads with.
echo "==> building the cchc command (cargo build -p cchc-cli)"
cargo build --quiet -p cchc-cli </dev/null
export CCHC_CLI="$CARGO_TARGET_DIR/debug/cchc"

if [ "${CCHC_TEST_PYSPARK:-}" = 1 ]; then
  echo "==> installing PySpark (CCHC_TEST_PYSPARK=1: bindings-python/requirements-spark.txt)"
  "$PY" -m pip install --quiet -r bindings-python/requirements-spark.txt </dev/null
fi

echo "==> running the Python tests"
cd "$ROOT/bindings-python"
"$PY" -m pytest -q -p no:cacheprovider tests "$@" </dev/null

# The benchmark script, briefly (200 untimed fixture units, one pass), so that it cannot rot;
# its figures are meaningless here. Full run: python bindings-python/bench/bench.py --generate
echo "==> benchmark smoke run (bindings-python/bench/bench.py --smoke)"
"$PY" bench/bench.py --smoke </dev/null
echo "==> Dask benchmark smoke run (bindings-python/bench/dask_bench.py --smoke)"
"$PY" bench/dask_bench.py --smoke </dev/null
