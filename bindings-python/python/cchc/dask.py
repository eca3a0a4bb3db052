"""Scoring a partitioned DataFrame on workers (Dask, Spark): one function for every engine.

A ``Ruleset`` pickles as its rule file's text (re-compiled and fingerprint-checked on the
worker), so it ships to workers with the function; each partition is scored by the engine on
its worker and comes back as ``Batch.to_pandas()`` rows (one per unit). Ranks are not computed
per partition: rank the whole (``rank_frame``) once the rows are together.

>>> import dask.dataframe as dd, cchc.dask
>>> ddf = dd.read_csv("units-*.csv", sep=";", decimal=",")
>>> scored = ddf.map_partitions(cchc.dask.score_partition, rs, meta=cchc.dask.meta(rs))
>>> scored.compute()

In Spark: ``sdf.mapInPandas(lambda frames: cchc.dask.score_partitions(frames, rs),
cchc.dask.spark_schema(rs))``.
"""

from __future__ import annotations


def score_partition(df, ruleset, **kwargs):
    """The scored rows (``Batch.to_pandas()``) of a pandas partition; ``kwargs`` go to
    ``score_many`` (``round=``, ``group_by_kind=``). Works as Dask's ``map_partitions``
    function and, over an iterator of frames, in Spark's ``mapInPandas`` (see
    ``score_partitions``)."""
    return ruleset.score_many(df, **kwargs).to_pandas()


def score_partitions(frames, ruleset, **kwargs):
    """Spark's ``mapInPandas`` form: an iterator of pandas frames in, scored frames out."""
    for df in frames:
        yield score_partition(df, ruleset, **kwargs)


def meta(ruleset):
    """The empty frame of ``score_partition``'s columns and dtypes (Dask's ``meta=``)."""
    return ruleset.score_many([{"id": "meta"}]).to_pandas().iloc[:0]


def spark_schema(ruleset):
    """The Spark schema of ``score_partition``'s columns, as a DDL string for ``mapInPandas``
    (Spark cannot infer a schema from the empty ``meta`` frame): text columns ``STRING``,
    points and figures ``DOUBLE``. Needs no pyspark import."""
    types = {"f": "DOUBLE", "i": "BIGINT", "u": "BIGINT", "b": "BOOLEAN"}
    cols = []
    for name, dtype in meta(ruleset).dtypes.items():
        quoted = "`" + str(name).replace("`", "``") + "`"
        cols.append(f"{quoted} {types.get(getattr(dtype, 'kind', 'O'), 'STRING')}")
    return ", ".join(cols)
