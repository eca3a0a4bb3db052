"""pandas in (a DataFrame, a row per unit) and out (Batch.to_pandas)."""

import math
from decimal import Decimal

import pytest

from helpers import full_unit, types_ruleset

import pandas as pd  # required, never skipped: scripts/test-python.sh installs it


@pytest.fixture(scope="module")
def rs():
    return types_ruleset()


def frame(rows):
    return pd.DataFrame(rows, columns=["id", "name", "kind", "co", "so", "tl", "diem", "bc"])


def test_dataframe_in(rs):
    df = frame([
        ["a", "Xã A", "xa", True, 4, 50, 5, "cham"],
        ["b", "Xã B", "thi_tran", False, 0, 92.5, 4.5, "dung_han"],
    ])
    b = rs.score_many(df)
    assert len(b) == 2
    assert [r.id for r in b] == ["a", "b"]
    assert b[0].unit == {"id": "a", "name": "Xã A", "kind": "xa"}
    assert b[0].total == Decimal(8)
    # b: 0 + 0 + 2 × 92.5 / 100 = 1.85; 4 × 3.5 / 4 = 3.5; 2 → 7.35
    assert b[1].status == "complete", b[1].errors
    assert b[1].total == Decimal("7.35")


def test_dataframe_missing_values_follow_pandas(rs):
    df = frame([
        ["nan", None, None, True, 4, float("nan"), 5, "cham"],
        ["none", None, None, True, 4, None, 5, "cham"],
    ])
    df["tl"] = df["tl"].astype("Float64")      # nullable: pd.NA
    df.loc[2] = ["na", None, None, True, 4, pd.NA, 5, "cham"]
    b = rs.score_many(df)
    assert len(b) == 3
    for r in b:
        assert r.status == "incomplete", (r.id, r.errors)
        assert {e["code"] for e in r.errors} == {"missing_input"}
        assert r.errors[0]["criterion"] == "1.3"
        assert r.name is None and r.kind is None


def test_dataframe_bad_row_among_good_ones(rs):
    df = frame([
        ["a", "Xã A", "xa", True, 4, 50, 5, "cham"],
        ["bad", "Xã lỗi", "xa", True, 4, 150, 5, "cham"],   # 150 % is out of range
        ["c", "Xã C", "xa", True, 4, 100, 5, "dung_han"],
        [None, "không mã", "xa", True, 4, 100, 5, "cham"],   # no id
        ["e", "Xã E", "xa", "có lẽ", 4, 100, 5, "cham"],     # neither yes nor no
    ])
    b = rs.score_many(df)
    assert len(b) == 5                      # nothing dropped
    assert [r.status for r in b] == ["complete", "error", "complete", "error", "error"]
    assert {e["code"] for e in b[1].errors} == {"value_out_of_range"}
    assert "missing_unit_id" in {e["code"] for e in b[3].errors}
    assert "wrong_value_type" in {e["code"] for e in b[4].errors}
    assert [(x["id"], x["rank"]) for x in b.ranking] == [("c", 1), ("a", 2)]
    out = b.to_pandas()
    assert len(out) == 5
    assert list(out["status"]) == ["complete", "error", "complete", "error", "error"]


def test_dataframe_numpy_dtypes(rs):
    df = frame([["a", "A", "xa", True, 4, 50, 5, "cham"], ["b", "B", "xa", False, 2, 75, 3, "cham"]])
    df["so"] = df["so"].astype("int32")
    df["diem"] = df["diem"].astype("float32")
    df["co"] = df["co"].astype("boolean")
    b = rs.score_many(df)
    assert [r.status for r in b] == ["complete", "complete"], [r.errors for r in b]
    # b: 1.1 = 0; 1.2 = 0.25 × 2 = 0.5; 1.3 = 2 × 75 / 100 = 1.5; 2 = 4 × (3 − 1) / 4 = 2; 3 = 1
    assert b[1].total == Decimal("5")


def test_to_pandas(rs):
    b = rs.score_many([full_unit("a"), full_unit("b", tl=None), full_unit("c", tl=12.5)])
    df = b.to_pandas()
    assert list(df.columns) == ["id", "name", "kind", "status", "total", "max", "index", "grade", "1", "1.1", "1.2", "1.3", "2", "3", "T"]
    assert list(df["id"]) == ["a", "b", "c"]
    assert list(df["status"]) == ["complete", "incomplete", "complete"]
    assert df["total"].dtype == "float64" and df["1.3"].dtype == "float64"
    assert df["total"].tolist() == [8.0, 7.0, 7.25]
    assert df["1.3"].tolist() == [1.0, 0.0, 0.25]
    assert df["grade"].tolist()[0] == "tot" and df["grade"].isna().tolist()[1]
    assert df["index"].tolist()[0] == 80.0 and df["index"].tolist()[2] == 72.5
    assert not math.isnan(df["index"].tolist()[1])  # incomplete units still have an index
    empty = rs.score_many([]).to_pandas()
    assert len(empty) == 0 and list(empty.columns)[:8] == ["id", "name", "kind", "status", "total", "max", "index", "grade"]
