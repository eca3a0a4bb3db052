#!/usr/bin/env bash
# The main job: score the synthetic Thạch Thất 2021 communes with the shipped criteria set and
# print the ranking (within the ruleset's group "Xã, thị trấn": the town ranked with the
# communes); then the departments in their
# three assessment rounds (tự chấm, thẩm định lần 1, thẩm định lần 2 sau giải trình), with a
# column per round and the change. Extra arguments go to both `cchc score` runs (e.g. `--explain`,
# `--lang en` for English, `--format csv` for Excel), except `--round ID` (e.g. `--round tu_cham`:
# the departments as of their self-assessment), which only the departments' run gets: the
# communes' ruleset declares no rounds.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet -p cchc-cli
communes=()
skip=0
for a in "$@"; do
  if [ "$skip" = 1 ]; then skip=0; continue; fi
  case "$a" in
    --round) skip=1 ;;
    --round=*) ;;
    *) communes+=("$a") ;;
  esac
done
set +e
target/debug/cchc score rules/ha-noi/thach-that/xa-thi-tran/2021.yaml \
  examples/thach-that-2021/xa-thi-tran.csv ${communes[@]+"${communes[@]}"}
rc=$?
echo
target/debug/cchc score rules/ha-noi/thach-that/phong-chuyen-mon/2021.yaml \
  examples/thach-that-2021/phong-chuyen-mon-3-vong.yaml "$@"
rc2=$?
set -e
# Exit 1 only says that some units are incomplete (missing data), which the example shows on purpose.
[ "$rc" -le 1 ] && [ "$rc2" -le 1 ]
