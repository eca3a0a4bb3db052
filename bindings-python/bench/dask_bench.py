"""Scores 1,000,000 units on a local Dask cluster (issue #13: Python at scale).

Each partition is made on its worker (the shipped Thạch Thất example's 23 units, repeated with
new ids, read as pandas reads the CSV: `pd.read_csv(sep=";", decimal=",")`), scored there by
`cchc.dask.score_partition` (the ruleset travels pickled) and reduced to its unit count, its
complete units and the sum of their index, so that what is timed is reading and scoring, not
moving a million result rows back to the client.

    python bench/dask_bench.py                 # 1,000,000 units, 2 workers, 40 partitions
    python bench/dask_bench.py --units 20000   # smaller
    python bench/dask_bench.py --smoke         # 2,000 units, for the test script

Prints the wall time of the Dask run and, for comparison, of one `score_many` over one
partition in this process (the per-unit cost without Dask).
"""

import argparse
import io
import time
from pathlib import Path

import pandas as pd

import cchc
import cchc.dask

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "thach-that-2021" / "xa-thi-tran.csv"
RULES = ROOT / "rules" / "ha-noi" / "thach-that" / "xa-thi-tran" / "2021.yaml"


def make_partition(spec):
    """Partition `k` of `n` units: the example's rows repeated, ids made unique."""
    k, n, text = spec
    base = pd.read_csv(io.StringIO(text), sep=";", decimal=",")
    reps = -(-n // len(base))
    df = pd.concat([base] * reps, ignore_index=True).iloc[:n].copy()
    df["id"] = [f"p{k}-u{i}" for i in range(n)]
    return df


def summary(df, rs):
    out = cchc.dask.score_partition(df, rs)
    complete = out[out["status"] == "complete"]
    return pd.DataFrame({"units": [len(out)], "complete": [len(complete)],
                         "index_sum": [complete["index"].sum()]})


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--units", type=int, default=1_000_000)
    ap.add_argument("--partitions", type=int, default=40)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--smoke", action="store_true")
    args = ap.parse_args()
    if args.smoke:
        args.units, args.partitions = 2000, 4
    import dask.dataframe as dd
    from dask.distributed import Client, LocalCluster

    rs = cchc.Ruleset.load(RULES)
    text = EXAMPLE.read_text(encoding="utf-8")
    per = -(-args.units // args.partitions)
    specs = [(k, min(per, args.units - k * per), text) for k in range(args.partitions)]
    specs = [s for s in specs if s[1] > 0]

    t = time.perf_counter()
    local = make_partition(specs[0])
    t_read = time.perf_counter() - t
    t = time.perf_counter()
    summary(local, rs)
    t_one = time.perf_counter() - t

    with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        meta = pd.DataFrame({"units": pd.Series([], dtype="int64"),
                             "complete": pd.Series([], dtype="int64"),
                             "index_sum": pd.Series([], dtype="float64")})
        ddf = dd.from_map(make_partition, specs)
        t = time.perf_counter()
        parts = ddf.map_partitions(summary, rs, meta=meta).compute(scheduler=client.get)
        wall = time.perf_counter() - t
    units, complete = int(parts["units"].sum()), int(parts["complete"].sum())
    assert units == args.units, (units, args.units)
    print(f"dask: {units:,} units ({complete:,} complete) in {len(specs)} partitions on "
          f"{args.workers} worker processes: {wall:.2f} s wall, "
          f"{units / wall:,.0f} units/s")
    print(f"one partition in this process ({specs[0][1]:,} units): read {t_read:.2f} s, "
          f"score_many + to_pandas {t_one:.2f} s ({specs[0][1] / t_one:,.0f} units/s)")


if __name__ == "__main__":
    main()
