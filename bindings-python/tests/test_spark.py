"""The PySpark recipe (README.md, "Scale-out"): a Spark DataFrame scored with ``mapInPandas``
and ``cchc.dask.score_partitions`` on a local Spark (two worker threads, Python worker
processes) gives what scoring the whole frame gives. Skipped when pyspark is not importable:
``CCHC_TEST_PYSPARK=1 bash scripts/test-python.sh`` installs it (a large download; CI does not)."""

import os
import shutil
import sys
from pathlib import Path

import pandas as pd
import pytest

import cchc
import cchc.dask

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "thach-that-2021" / "xa-thi-tran.csv"
RULES = ROOT / "rules" / "ha-noi" / "thach-that" / "xa-thi-tran" / "2021.yaml"

pyspark_sql = pytest.importorskip(
    "pyspark.sql", reason="pyspark is not installed (CCHC_TEST_PYSPARK=1 scripts/test-python.sh)"
)
if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip("PySpark needs Java (no java on PATH, no JAVA_HOME)", allow_module_level=True)


@pytest.fixture(scope="module")
def spark():
    # The Python workers run this interpreter (the venv's, which has cchc and pyarrow).
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    session = (
        pyspark_sql.SparkSession.builder.master("local[2]")
        .appName("cchc-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1")
        .getOrCreate()
    )
    yield session
    session.stop()


def test_map_in_pandas_scores_as_the_whole_frame(spark):
    rs = cchc.Ruleset.load(RULES)
    df = pd.read_csv(EXAMPLE, sep=";", decimal=",")
    whole = rs.score_many(df).to_pandas()
    # The documented recipe: mapInPandas over score_partitions, the schema of spark_schema.
    sdf = spark.createDataFrame(df).repartition(3)
    scored = sdf.mapInPandas(
        lambda frames: cchc.dask.score_partitions(frames, rs), cchc.dask.spark_schema(rs)
    )
    got = scored.toPandas().sort_values("id").reset_index(drop=True)
    assert len(got) == len(whole) == 23
    want = whole.sort_values("id").reset_index(drop=True)
    for col in ("id", "status", "grade"):
        assert list(got[col]) == list(want[col]), col
    # Numbers: the DOUBLE columns carry the frame's floats unchanged (compared as their text).
    for col in ("index", "total", "1", "3.8"):
        assert [None if pd.isna(v) else str(v) for v in got[col]] == [
            None if pd.isna(v) else str(v) for v in want[col]
        ], col


def test_spark_schema_names_every_column():
    rs = cchc.Ruleset.load(RULES)
    ddl = cchc.dask.spark_schema(rs)
    assert ddl.startswith("`id` STRING, `name` STRING, `kind` STRING")
    assert "`index` DOUBLE" in ddl and "`3.8` DOUBLE" in ddl
    assert len(ddl.split(", ")) == len(cchc.dask.meta(rs).columns)
