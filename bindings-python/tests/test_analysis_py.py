"""The core's analyses through Python (issue #13): sensitivity, improvements, compare."""

from decimal import Decimal
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import cchc  # noqa: E402
import cchc.analysis  # noqa: E402
import cchc.plot  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "thach-that-2021" / "xa-thi-tran.csv"
RULES = ROOT / "rules" / "ha-noi" / "thach-that" / "xa-thi-tran" / "2021.yaml"


@pytest.fixture(scope="module")
def rs():
    return cchc.Ruleset.load(RULES)


@pytest.fixture(scope="module")
def df():
    return pd.read_csv(EXAMPLE, sep=";", decimal=",")


@pytest.fixture(scope="module")
def batch(rs, df):
    return rs.score_many(df)


def test_sensitivity_is_seeded_and_zero_range_is_the_ranking(rs, batch):
    a = rs.sensitivity(batch, draws=50, range=0.2, seed=7)
    b = rs.sensitivity(batch, draws=50, range="0.2", seed=7)
    assert a == b
    zero = cchc.analysis.sensitivity_frame(rs.sensitivity(batch, draws=20, range=0))
    ranked = {r["id"]: r["rank"] for r in batch.ranking}
    for _, row in zero.iterrows():
        if row["id"] in ranked:
            assert row["rank_p5"] == row["rank_p95"] == ranked[row["id"]]


def test_cchc_sensitivity_frame_and_plot(rs, batch):
    df = cchc.sensitivity(rs, batch, draws=30, seed=1)
    assert {"id", "rank", "rank_median", "rank_p5", "rank_p95"} <= set(df.columns)
    assert df.attrs["summary"]
    ax = cchc.plot.intervals(df.dropna(subset=["rank_median"]))
    assert len(ax.get_yticklabels()) == len(df.dropna(subset=["rank_median"]))


def test_improvements_of_a_frame_row_and_a_dict(rs, df, batch):
    weak = next(r for r in batch if r.status == "complete" and r.grade and r.grade["id"] != "xuat_sac")
    report = rs.improvements(df[df["id"] == weak.id])
    assert report["unit"]["id"] == weak.id and report["index"] == weak.index
    assert report["losses"], report["text"]
    nxt = report["next_grade"]
    assert nxt["target"] is not None and nxt["criteria"]
    if nxt["verified"]:
        assert nxt["index"] > weak.index
    assert isinstance(report["text"], str) and report["text"]
    d = rs.improvements({"id": "a", "values": {}})
    assert d["status"] != "complete"


def test_compare_two_batches(rs, df, batch):
    later = df.copy()
    later.loc[later["id"] == "binh-phu", "ho_so_dung_han"] = 400  # of 576: the on-time rate falls
    b2 = rs.score_many(later)
    cmp = cchc.compare(batch, b2)
    assert len(cmp) == 23
    row = cmp[cmp["id"] == "binh-phu"].iloc[0]
    assert row["index_change"] < 0
    assert (cmp[cmp["id"] != "binh-phu"]["index_change"] == 0).all()
    ax = cchc.plot.slope(cmp)
    assert len(ax.lines) == len(cmp.dropna(subset=["index_a", "index_b"]))


GROUPED = """format: cchc/1
id: t
version: '1'
title: T
total: 4
ranking:
  method: competition
  groups:
    - { id: xa, label: Xã, kinds: [xa, thi_tran] }
    - { id: phuong, label: Phường, kinds: [phuong] }
grades:
  - { id: tot, label: Tốt, at_least: 75 }
  - { id: kha, label: Khá, at_least: 0 }
inputs: { a: { type: bool }, b: { type: bool } }
criteria:
  - { id: '1', title: A, max: 2, rule: { check: a } }
  - { id: '2', title: B, max: 2, rule: { check: b } }
"""
GROUPED_UNITS = [
    {"id": "x1", "kind": "xa", "values": {"a": True, "b": False}},
    {"id": "p1", "kind": "phuong", "values": {"a": True, "b": True}},
    {"id": "t1", "kind": "thi_tran", "values": {"a": True, "b": True}},
    {"id": "p2", "kind": "phuong", "values": {"a": False, "b": False}},
    {"id": "k1", "values": {"a": False, "b": True}},
]


@pytest.mark.parametrize("groups", [None, "ruleset", "kind", "none"])
def test_sensitivity_ranks_within_the_groups_scoring_uses(groups):
    rs = cchc.Ruleset.from_yaml(GROUPED)
    batch = rs.score_many(GROUPED_UNITS, groups=groups)
    report = rs.sensitivity(batch, draws=10, range=0, groups=groups)
    ranked = {r["id"]: r["rank"] for r in batch.ranking}
    got = {u["id"]: u["rank"] for u in report["units"]}
    assert got == ranked
    assert report["options"]["groups"] == (groups or "ruleset")
    df = cchc.sensitivity(rs, batch, draws=10, range=0, groups=groups)
    assert dict(zip(df["id"], df["rank_median"])) == ranked
    if groups in (None, "ruleset"):
        assert ranked == {"x1": 2, "p1": 1, "t1": 1, "p2": 2, "k1": 1}


def test_sensitivity_group_by_kind_alias_and_bad_groups():
    rs = cchc.Ruleset.from_yaml(GROUPED)
    batch = rs.score_many(GROUPED_UNITS, group_by_kind=True)
    report = rs.sensitivity(batch, draws=0, group_by_kind=True)
    assert {u["id"]: u["rank"] for u in report["units"]} == {r["id"]: r["rank"] for r in batch.ranking}
    assert report["options"]["groups"] == "kind"
    with pytest.raises(ValueError):
        rs.sensitivity(batch, draws=0, groups="tinh")
