"""Python values handed to the engine: exact, never coerced silently."""

from decimal import Decimal

import pytest

from helpers import full_unit, types_ruleset


@pytest.fixture(scope="module")
def rs():
    return types_ruleset()


def codes(r):
    return {e["code"] for e in r.errors}


@pytest.mark.parametrize(
    "name, value, code",
    [
        ("so", True, "wrong_value_type"),              # bool is not a count (bool before int)
        ("co", 1, "wrong_value_type"),                 # a number is not a bool
        ("tl", "92.5", "wrong_value_type"),            # text is not a number (decisions #9)
        ("so", 2.5, "not_whole_number"),
        ("so", -1, "value_out_of_range"),
        ("tl", 100.5, "value_out_of_range"),
        ("diem", Decimal("0.5"), "value_out_of_range"),
        ("tl", float("nan"), "not_finite"),             # NaN in a plain dict is invalid
        ("tl", float("inf"), "not_finite"),
        ("tl", Decimal("NaN"), "not_finite"),
        ("tl", Decimal("-Infinity"), "not_finite"),
        ("so", 10**40, "inexact_number"),
        ("tl", Decimal("1.00000000000000000000000000001"), "inexact_number"),  # 30 digits
        ("tl", [50], "wrong_value_type"),
        ("tl", {"v": 50}, "wrong_value_type"),
        ("tl", object(), "wrong_value_type"),
        ("bc", "khac", "unknown_choice"),
        ("bc", 1, "wrong_value_type"),
    ],
)
def test_invalid_values(rs, name, value, code):
    r = rs.score(full_unit(**{name: value}))
    assert r.status == "error"
    assert code in codes(r), r.errors


def test_none_is_missing(rs):
    r = rs.score(full_unit(tl=None))
    assert r.status == "incomplete"
    assert codes(r) == {"missing_input"}


@pytest.mark.parametrize(
    "value, points",
    [
        (50, "1"),
        (50.0, "1"),
        (Decimal("50.00"), "1"),
        (Decimal("5E+1"), "1"),
        (12.5, "0.25"),
        (0.1, "0"),        # 2 × 0.1 / 100 = 0.002 → 0 at 2 places
        (100, "2"),
    ],
)
def test_numbers_are_exact(rs, value, points):
    r = rs.score(full_unit(tl=value))
    assert r.status == "complete", r.errors
    node = r.criteria[0]["children"][2]
    assert node["id"] == "1.3"
    assert node["points"] == Decimal(points)


def test_large_whole_numbers(rs):
    r = rs.score(full_unit(so=10**20))
    assert r.status == "complete"
    assert r.criteria[0]["children"][1]["points"] == Decimal(1)


def test_nfc_choice(rs):
    r = rs.score(full_unit(bc="cham"))
    assert r.status == "complete"


def test_numpy_scalars(rs):
    import numpy as np  # comes with pandas; required

    r = rs.score(full_unit(co=np.bool_(True), so=np.int64(4), tl=np.float64(50.0), diem=np.int32(5)))
    assert r.status == "complete", r.errors
    assert r.total == Decimal(8)
    r = rs.score(full_unit(tl=np.float64("nan")))
    assert "not_finite" in codes(r)
    r = rs.score(full_unit(tl=np.array([1, 2])))
    assert r.status == "error"


def test_self_assessed_and_not_applicable(rs):
    u = full_unit(diem=None)
    u["not_applicable"] = ["2"]
    u["self_assessed"] = {"1.1": 1, "1.3": Decimal("1.5"), "3": 2.0}
    r = rs.score(u)
    assert r.status == "complete", r.errors
    assert r.max == Decimal(6)          # 4 + 2: "2" excluded
    assert r.total == Decimal(4)        # 3 + 1
    assert r.self_assessed == Decimal("4.5")  # (1 + 1.5) + 2
    assert r.delta == Decimal("-0.5")
    u["self_assessed"] = {"1.1": "one"}
    r = rs.score(u)
    assert "invalid_unit" in codes(r)
