"""Timing of the Python bindings on the shared benchmark fixtures (issue #10).

Reads the fixtures that ``benches/examples/fixtures.rs`` writes (``ruleset.yaml``, the 100-leaf
benchmark ruleset; ``units.json``, N distinct synthetic units; ``core.json``, the core's own
figures on the same units in the same run) and prints, beside the core's figures:

  (a) ``cchc.Ruleset.from_yaml`` of the ruleset, ms (median);
  (b) ``rs.score(d)``, one call per unit, reading status/total/max/index/grade, µs/unit;
  (c) ``rs.score_many(list of dicts)``, µs/unit;
  (d) ``rs.score_many(DataFrame)`` (the units' values as columns, with id/name), µs/unit;
  (e) reading the full criteria tree of one result (``r.criteria``), µs/result;
  (f) reading a batch's ranking (dicts with Decimals), µs/unit;
  (g) assessment rounds (issue #11): the ruleset with three rounds declared, ``rs.score(d)`` of
      each unit with its values as the first round only, then with two later rounds that each
      change two values (three rounds scored), µs/unit;

each the median of 3 passes after a warm-up pass. Plain timing, stdlib and pandas only.

    python bench.py DIR                 # fixtures already written into DIR
    python bench.py --generate [DIR]    # runs the fixtures program first (release, timed)
    python bench.py --smoke             # 200 untimed fixture units, 1 pass: checks it runs (CI)
    python bench.py --memory [DIR]      # peak RSS of score_many over 100,000 units

Speed is never asserted: the figures are printed for docs/performance.md.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import cchc

ROOT = Path(__file__).resolve().parents[2]
READ = ("status", "total", "max", "index", "grade")


def generate(out: Path, units: int, timed: bool) -> None:
    # Timed: a release build. Untimed (the smoke run, --memory): the debug build that
    # `cargo test --workspace` has already made; the files are the same.
    release = ["--release"] if timed else []
    cmd = ["cargo", "run", "-q", *release, "-p", "cchc-benches", "--example", "fixtures", "--", str(out), str(units)]
    if not timed:
        cmd.append("--no-time")
    subprocess.run(cmd, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)


def load_fixtures(d: Path):
    yaml = (d / "ruleset.yaml").read_text(encoding="utf-8")
    units = json.loads((d / "units.json").read_text(encoding="utf-8"))
    core = json.loads((d / "core.json").read_text(encoding="utf-8"))
    return yaml, units, core


def timed(passes: int, f) -> float:
    """Median seconds of `passes` calls of f, after one warm-up call."""
    f()
    times = []
    for _ in range(passes):
        t = time.perf_counter()
        f()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def frame(units):
    import pandas as pd

    rows = [{"id": u["id"], "name": u.get("name"), **u["values"]} for u in units]
    return pd.DataFrame(rows)


def run(d: Path, passes: int) -> list[tuple[str, float, str]]:
    yaml, units, core = load_fixtures(d)
    n = len(units)
    out = []

    load_s = timed(passes, lambda: [cchc.Ruleset.from_yaml(yaml) for _ in range(10)]) / 10
    out.append(("load: Ruleset.from_yaml (ms)", load_s * 1e3, "load_ms"))
    rs = cchc.Ruleset.from_yaml(yaml)

    def one_by_one():
        for u in units:
            r = rs.score(u)
            r.status, r.total, r.max, r.index, r.grade

    out.append(("score(dict), one call per unit (µs/unit)", timed(passes, one_by_one) / n * 1e6, "score_us"))

    def many():
        len(rs.score_many(units))

    out.append(("score_many(list of dicts) (µs/unit)", timed(passes, many) / n * 1e6, "batch_no_trees_2_threads_us"))

    df = frame(units)

    def many_df():
        len(rs.score_many(df))

    out.append(("score_many(DataFrame) (µs/unit)", timed(passes, many_df) / n * 1e6, "batch_no_trees_2_threads_us"))

    batch = rs.score_many(units)
    out.append(("reading batch.ranking (µs/unit)", timed(passes, lambda: batch.ranking) / n * 1e6, ""))

    results = [rs.score(u) for u in units[: min(n, 200)]]

    def tree():
        for r in results:
            r.criteria

    out.append(("full criteria tree of a result (µs/result)", timed(passes, tree) / len(results) * 1e6, ""))

    rounds_rs = cchc.Ruleset.from_yaml(yaml.rstrip("\n") + "\n" + ROUNDS)
    three = [with_rounds(u) for u in units]

    def one_round():
        for u in units:
            rounds_rs.score(u).total

    def three_rounds():
        for u in three:
            rounds_rs.score(u).total

    out.append(("rounds declared: score(dict), 1 round (µs/unit)", timed(passes, one_round) / n * 1e6, "score_us"))
    out.append(("rounds declared: score(dict), 3 rounds (µs/unit)", timed(passes, three_rounds) / n * 1e6, "score_us"))
    return out, core, n


ROUNDS = """\
rounds:
  - { id: tu_cham, label: Tự chấm điểm }
  - { id: tham_dinh, label: Thẩm định lần 1 }
  - { id: chot_diem, label: Thẩm định lần 2 }
"""


def with_rounds(u):
    """The unit with two later rounds, each giving again two of its values (the first and the
    last), so that every round is scored in full."""
    names = list(u["values"])
    change = {k: u["values"][k] for k in (names[:1] + names[-1:])}
    return dict(u, rounds={"tham_dinh": {"values": change}, "chot_diem": {"values": change}})


def report(rows, core, n, passes) -> None:
    timed_core = core.get("timed", False)
    print(f"cchc {cchc.__version__} Python bindings, {n} units, median of {passes} pass(es), {os.cpu_count()} cores")
    print(f"{'measure':<46} {'python':>10} {'core':>10} {'ratio':>7}")
    for name, value, key in rows:
        c = core.get(key) if timed_core and key else None
        cs = f"{c:10.2f}" if c else f"{'—':>10}"
        ratio = f"{value / c:6.1f}×" if c else f"{'—':>7}"
        print(f"{name:<46} {value:10.2f} {cs} {ratio}")
    if timed_core:
        print(f"(core: score_us {core['score_us']:.2f}, floor_us {core['floor_us']:.2f}, "
              f"batch 1 thread {core['batch_1_thread_us']:.2f}, 2 threads {core['batch_2_threads_us']:.2f} µs/unit; "
              f"without trees, as score_many scores: {core.get('batch_no_trees_1_thread_us', 0):.2f} and "
              f"{core.get('batch_no_trees_2_threads_us', 0):.2f})")


def memory(d: Path, total: int) -> None:
    yaml, units, _ = load_fixtures(d)
    rs = cchc.Ruleset.from_yaml(yaml)
    big = [dict(units[i % len(units)], id=f"m{i}") for i in range(total)]
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t = time.perf_counter()
    b = rs.score_many(big)
    ranked = len(b.ranking)
    elapsed = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"score_many of {total} units: {elapsed:.2f} s; peak RSS {after / 1024:.0f} MB "
          f"(before scoring {before / 1024:.0f} MB with the input dicts; the scoring added "
          f"{(after - before) / 1024:.0f} MB); {ranked} ranked")


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("dir", nargs="?", help="fixtures directory (default: a temporary one, generated)")
    p.add_argument("--generate", action="store_true", help="run the fixtures program first")
    p.add_argument("--units", type=int, default=10_000, help="units to generate (default 10,000)")
    p.add_argument("--smoke", action="store_true", help="200 untimed units, 1 pass (CI)")
    p.add_argument("--memory", action="store_true", help="peak RSS of score_many over 100,000 units")
    a = p.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="cchc-bench-") as tmp:
        d = Path(a.dir) if a.dir else Path(tmp)
        if a.smoke:
            if a.generate or not a.dir:
                generate(d, 200, timed=False)
            rows, core, n = run(d, 1)
            report(rows, core, n, 1)
            return 0
        if a.generate or not a.dir:
            generate(d, a.units, timed=not a.memory)
        if a.memory:
            memory(d, 100_000)
            return 0
        rows, core, n = run(d, 3)
        report(rows, core, n, 3)
    return 0


if __name__ == "__main__":
    sys.exit(main())
