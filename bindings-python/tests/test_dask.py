"""The Dask recipe (README.md, "Scale-out"): a partitioned DataFrame scored on a local cluster of
two worker processes with map_partitions gives what scoring the whole frame gives."""

from pathlib import Path

import pandas as pd
import pytest

import cchc
import cchc.dask

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "thach-that-2021" / "xa-thi-tran.csv"
RULES = ROOT / "rules" / "ha-noi" / "thach-that" / "xa-thi-tran" / "2021.yaml"

dd = pytest.importorskip("dask.dataframe", reason="dask is not installed (requirements-test.txt)")
distributed = pytest.importorskip("distributed", reason="dask.distributed is not installed")


def test_map_partitions_on_a_local_cluster():
    rs = cchc.Ruleset.load(RULES)
    df = pd.read_csv(EXAMPLE, sep=";", decimal=",")
    big = pd.concat([df.assign(id=df["id"] + f"-{k}") for k in range(20)], ignore_index=True)
    whole = rs.score_many(big).to_pandas()
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        ddf = dd.from_pandas(big, npartitions=4)
        scored = ddf.map_partitions(cchc.dask.score_partition, rs, meta=cchc.dask.meta(rs))
        got = scored.compute(scheduler=client.get).reset_index(drop=True)
        # The workers are other processes: the ruleset travelled there pickled.
        pids = client.run(lambda: __import__("os").getpid())
        assert len(pids) == 2
    assert len(got) == len(big) == 460
    pd.testing.assert_frame_equal(got, whole, check_dtype=False)


def test_meta_matches_the_scored_columns():
    rs = cchc.Ruleset.load(RULES)
    df = pd.read_csv(EXAMPLE, sep=";", decimal=",")
    assert list(cchc.dask.meta(rs).columns) == list(cchc.dask.score_partition(df, rs).columns)


def test_spark_form():
    rs = cchc.Ruleset.load(RULES)
    df = pd.read_csv(EXAMPLE, sep=";", decimal=",")
    parts = list(cchc.dask.score_partitions([df.iloc[:10], df.iloc[10:]], rs))
    assert sum(len(p) for p in parts) == 23
