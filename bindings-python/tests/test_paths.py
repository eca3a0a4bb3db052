"""Every path to a result gives the same result (issue #10).

- a `Result`'s fields, read one by one (built when read), equal the core's own JSON of it;
- a unit scored alone equals the same unit scored in a batch;
- a DataFrame (read column by column) equals the list of dicts it stands for;
- a float is read as the digits of its `repr`, whatever path reads it;
- a large batch is scored with the GIL released (another thread makes progress meanwhile);

over the conformance cases and the shared benchmark fixtures' units.
"""

import json
import math
import random
import subprocess
import sys
import threading
import time
from decimal import Decimal

import pandas as pd
import pytest
import yaml

import cchc
from conftest import CONFORMANCE, ROOT
from helpers import full_unit, types_ruleset

CASES = sorted(CONFORMANCE.glob("*.yaml"))


def exact(text):
    """JSON text with every number a Decimal, as `to_dict` gives it."""
    return json.loads(text, parse_float=Decimal, parse_int=Decimal)


def check_lazy_equals_json(r):
    """Every field read from the Result equals the core's JSON of the same result."""
    want = exact(r.to_json())
    assert r.to_dict() == want
    # The same keys in the same order, the same types (Decimal, str, None, bool) everywhere.
    assert json.dumps(r.to_dict(), default=repr) == json.dumps(want, default=repr)
    assert r.status == want["status"]
    assert r.total == want["total"] and isinstance(r.total, Decimal)
    assert r.max == want["max"]
    assert r.index == want["index"]
    assert (r.grade["id"] if r.grade else None) == (want["grade"]["id"] if want["grade"] else None)
    if r.grade:
        assert r.grade == want["grade"]
    assert r.criteria == want["criteria"]
    assert r.ruleset == want["ruleset"]
    assert r.unit == {k: want["unit"].get(k) for k in ("id", "name", "kind")}
    assert r.self_assessed == want.get("self_assessed")
    assert r.delta == want.get("delta")
    assert [(e["code"], e["message"]) for e in r.errors] == [(e["code"], e["message"]) for e in want["errors"]]
    assert [(e["code"], e["message"]) for e in r.warnings] == [(e["code"], e["message"]) for e in want["warnings"]]
    # The tree read twice (and in the other language and back) is the same.
    assert r.criteria == r.criteria
    assert r.to_dict(lang="en") == exact(r.to_json(lang="en"))


def conformance_cases():
    out = []
    for path in CASES:
        case = yaml.safe_load(path.read_text(encoding="utf-8"))
        if "load_errors" in case["expect"] or "units" not in case:
            continue
        out.append((path.name, case))
    return out


@pytest.fixture(scope="module")
def fixtures(tmp_path_factory):
    """The shared benchmark fixtures (200 units), from the same generator as every benchmark."""
    d = tmp_path_factory.mktemp("fixtures")
    subprocess.run(
        ["cargo", "run", "-q", "-p", "cchc-benches", "--example", "fixtures", "--", str(d), "200", "--no-time"],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    rs = cchc.Ruleset.from_yaml((d / "ruleset.yaml").read_text(encoding="utf-8"))
    units = json.loads((d / "units.json").read_text(encoding="utf-8"))
    assert len(units) == 200
    return rs, units


@pytest.mark.parametrize("name,case", conformance_cases(), ids=[n for n, _ in conformance_cases()])
def test_conformance_paths_agree(name, case):
    rs = cchc.Ruleset.from_yaml(case["ruleset"], origin=name)
    units = case["units"]
    batch = rs.score_many(units)
    assert len(batch) == len(units)
    ids = [u.get("id") if isinstance(u, dict) else None for u in units]
    for i, (u, r) in enumerate(zip(units, batch)):
        check_lazy_equals_json(r)
        # A unit alone equals the unit in its batch, unless the batch marks a repeated id.
        if ids.count(ids[i]) == 1:
            assert rs.score(u).to_json() == r.to_json(), (name, i)
    # The batch's dicts (built without JSON text, D133) are its JSON read back, types included.
    typed = lambda v: json.dumps(v, default=repr)  # noqa: E731
    assert typed(batch.to_dicts()) == typed([exact(r.to_json()) for r in batch])
    assert typed(batch.to_dict(lang="en")) == typed(exact(batch.to_json(lang="en")))


def case_options(case):
    """The case's `round` and `parameters` as `score`/`score_many` keywords."""
    opts = {}
    if "round" in case:
        opts["round"] = case["round"]
    if "parameters" in case:
        opts["params"] = case["parameters"]
    return opts


OPTION_CASES = [(n, c) for n, c in conformance_cases() if case_options(c) and "round_error" not in c["expect"]]


@pytest.mark.parametrize("name,case", OPTION_CASES, ids=[n for n, _ in OPTION_CASES])
def test_batch_trees_put_back_as_of_a_round_and_with_parameters(name, case):
    """A batch keeps no trees (`BatchOptions::trees(false)`): a result's tree is scored again
    when first read, as of the batch's round and with its parameter values, and is the one a
    unit scored alone has; reading figures first, or the tree twice, changes nothing."""
    rs = cchc.Ruleset.from_yaml(case["ruleset"], origin=name)
    opts = case_options(case)
    try:
        batch = rs.score_many(case["units"], **opts)
    except cchc.CchcError:
        return  # refused parameters: nothing scored
    ids = [u.get("id") for u in case["units"]]
    for u, r in zip(case["units"], batch):
        figures = (r.status, r.total, r.max, r.index, r.grade)
        alone = rs.score(u, **opts)
        if ids.count(u.get("id")) == 1:
            assert r.criteria == alone.criteria, name
            assert r.to_json() == alone.to_json(), name
        assert (r.status, r.total, r.max, r.index, r.grade) == figures
        assert r.criteria == r.criteria


def test_fixture_units_every_path_agrees(fixtures):
    rs, units = fixtures
    batch = rs.score_many(units)
    single = [rs.score(u) for u in units]
    assert [r.to_json() for r in batch] == [r.to_json() for r in single]
    assert sum(r.status == "complete" for r in batch) > 0
    for i in range(20):
        check_lazy_equals_json(batch[i])
    frame = pd.DataFrame([{"id": u["id"], "name": u["name"], **u["values"]} for u in units])
    from_frame = rs.score_many(frame)
    assert [r.to_json() for r in from_frame] == [r.to_json() for r in batch]
    assert from_frame.to_json() == batch.to_json()
    # In chunks (the list is read 1,024 units at a time, each finished while the next is read)
    # and as any iterable.
    many = [dict(units[i % len(units)], id=f"m{i}") for i in range(5000)]
    big = rs.score_many(iter(many))
    assert len(big) == 5000
    assert big[4999].to_json() == rs.score(many[4999]).to_json()
    assert big[0].total == batch[0].total


def test_batch_tables_put_every_tree_back_at_once(fixtures):
    """`to_pandas`, `to_json` and the report read every tree of a batch that kept none: they
    are put back together (in parallel), and are those of trees read one by one."""
    rs, units = fixtures
    at_once = rs.score_many(units)
    df = at_once.to_pandas()
    text = at_once.to_json()
    one_by_one = rs.score_many(units)
    for r in one_by_one:
        assert r.criteria
    assert df.equals(one_by_one.to_pandas())
    assert text == one_by_one.to_json()
    assert [r.to_json() for r in at_once] == [rs.score(u).to_json() for u in units]


def test_figures_and_ranking_leave_the_trees_out(fixtures):
    """Regression: reading `batch.ranking` scored every ranked unit again to put back a tree
    it does not read. Figures, the ranking and the summary columns leave the trees out; a
    tree read puts back that result's tree only; `to_dicts` puts back every one."""
    rs, units = fixtures
    batch = rs.score_many(units)
    assert len(batch.ranking) > 0
    for r in batch:
        (r.status, r.total, r.max, r.index, r.grade, r.unit, r.errors, r.warnings, r.ruleset, r.rounds)
    assert not any(r._tree_at_hand() for r in batch)
    assert batch[3].criteria
    assert [r._tree_at_hand() for r in batch][:5] == [False, False, False, True, False]
    assert rs.score(units[0])._tree_at_hand()
    batch.to_dicts()
    assert all(r._tree_at_hand() for r in batch)


def records_with_pandas_missing(df):
    """The list of dicts a DataFrame stands for: cells pandas calls missing are None."""
    rows = []
    for rec in df.to_dict("records"):
        row = {}
        for k, v in rec.items():
            missing = v is None or (not isinstance(v, (str, bool, list, tuple, dict)) and bool(pd.isna(v)))
            row[k] = None if missing else v
        rows.append(row)
    units = []
    for row in rows:
        u = {k: row.pop(k) for k in ("id", "name", "kind") if k in row}
        u["values"] = row
        units.append(u)
    return units


def test_dataframe_equals_list_of_dicts_with_every_dtype():
    rs = types_ruleset()
    df = pd.DataFrame(
        [
            ["a", "Xã A", "xa", True, 4, 50, 5, "cham"],
            ["b", None, "thi_tran", False, 0, 92.5, 4.5, "dung_han"],
            ["c", "Xã C", None, True, 3, float("nan"), 2.25, "cham"],
            [None, "không mã", "xa", True, 4, 100, 5, "cham"],
            ["e", "Xã E", "xa", False, 4, 100, 5, "khac"],
            [7, "số", "xa", True, -1, 150, 0.1, None],
        ],
        columns=["id", "name", "kind", "co", "so", "tl", "diem", "bc"],
    )
    frames = [df]
    typed = df.iloc[:3].copy()
    typed["so"] = typed["so"].astype("int32")
    typed["diem"] = typed["diem"].astype("float32")
    typed["co"] = typed["co"].astype("boolean")
    typed["tl"] = typed["tl"].astype("Float64")
    frames.append(typed)
    extra = df.copy()
    # Text cells of yes/no and number inputs are read as CSV cells in a frame and refused in a
    # dict (tests/test_frames.py): only typed cells here.
    extra["thuong"] = [Decimal("1.5"), None, pd.NA, 2, 1.0, [1]]
    extra["khong_co"] = [1, 2, 3, 4, 5, 6]  # an input the ruleset does not have
    frames.append(extra)
    frames.append(df.iloc[0:0])
    native = df.iloc[:3].infer_objects()  # NumPy bool, int64 and float64 columns (read as bytes)
    assert str(native["co"].dtype) == "bool" and str(native["so"].dtype) == "int64"
    assert str(native["tl"].dtype) == "float64"
    frames.append(native)
    odd_numbers = native.copy()
    odd_numbers["tl"] = [float("inf"), 1e-7, 2.5e16]  # not finite, and `repr` with an exponent
    odd_numbers["so"] = [-3, 2**62, 0]
    frames.append(odd_numbers)
    for f in frames:
        by_column = rs.score_many(f)
        by_dicts = rs.score_many(records_with_pandas_missing(f))
        assert [r.to_json() for r in by_column] == [r.to_json() for r in by_dicts], f.dtypes
        assert [r.errors for r in by_column] == [r.errors for r in by_dicts]


def test_text_columns_read_by_codes_equal_cell_by_cell(monkeypatch):
    # pandas text columns (`str`, `string`) are read through `pandas.factorize` (each distinct
    # text once, D127); the same frame with object columns is read cell by cell.
    rs = types_ruleset()
    factorized = []
    real = pd.factorize

    def factorize(values, *args, **kwargs):
        factorized.append(str(values.dtype))
        return real(values, *args, **kwargs)

    monkeypatch.setattr(pd, "factorize", factorize)
    cells = {
        "id": ["a", "b", "c", "d", None, "f", "g"],
        "name": ["Xã A", None, "", "x\0y", "Đơn vị", "a", "b"],
        "kind": ["xa", "xa", None, "phuong", "", "xa", "xa"],
        "co": ["có", "x", None, "không", "", "true", "có"],
        "so": ["4", "2", "0", None, "abc", "4", "3"],
        "tl": ["92,5", "83%", "50", "100", None, "1e3", "92,5"],
        "diem": ["5", "4,5", "1", "5", "5", "2.25", None],
        "bc": ["cham", "dung_han", "khac", None, "cham", "Cham", "dung_han"],
    }
    frames = []
    for dtype in ("str", "string"):
        df = pd.DataFrame({k: pd.Series(v, dtype=dtype) for k, v in cells.items()})
        df.loc[2, "bc"] = pd.NA if dtype == "string" else float("nan")
        frames.append(df)
    frames.append(frames[0].iloc[1:5])  # a slice: codes of the rows it keeps
    frames.append(frames[1].iloc[0:0])
    for f in frames:
        assert all(str(t) in ("str", "string") for t in f.dtypes), f.dtypes
        factorized.clear()
        by_codes = rs.score_many(f)
        assert len(factorized) == 5 and set(factorized) <= {"str", "string"}, factorized  # not `id`
        by_cells = rs.score_many(f.astype(object))
        assert len(factorized) == 5
        assert all(str(t) == "object" for t in f.astype(object).dtypes)
        assert [r.to_json() for r in by_codes] == [r.to_json() for r in by_cells]
        assert [r.errors for r in by_codes] == [r.errors for r in by_cells]
        assert [(r.id, r.name, r.kind) for r in by_codes] == [(r.id, r.name, r.kind) for r in by_cells]
    assert [r.name for r in rs.score_many(frames[1])][:4] == ["Xã A", None, "", "x\0y"]
    # The reading matters: a frame's text cell is a CSV cell ("có", "92,5").
    r = rs.score_many(frames[0])[0]
    assert r.status == "complete", r.errors


def test_dataframe_with_repeated_or_odd_columns():
    rs = types_ruleset()
    df = pd.DataFrame([["a", True, False, 4]], columns=["id", "co", "co", "so"])
    with pytest.warns(UserWarning):  # pandas: "columns are not unique"
        r = rs.score_many(df)[0]
    assert r.id == "a"  # read row by row: the last `co` wins, as in to_dict("records")
    odd = pd.DataFrame([["a", 4, 1]], columns=["id", "so", 3.5])
    r = rs.score_many(odd)[0]
    assert "invalid_unit" in {e["code"] for e in r.errors}


FLOAT_RULES = """\
format: cchc/1
id: t.floats
version: "1"
title: Số thực
total: 1
inputs:
  x: { type: number, min: 0, max: 0 }
criteria:
  - { id: "1", title: x, max: 1, rule: { value: x } }
"""


def test_float_is_read_as_its_repr():
    # An out-of-range value is named, exactly, in the unit's error: the value the engine read.
    rs = cchc.Ruleset.from_yaml(FLOAT_RULES)
    rng = random.Random(10)
    floats = [0.1, 92.35, 1e-4, 9.999e-5, 1e15, 9999999999999998.0, 1e16, 123456789.123, 2.5e-7, 1 / 3, 2 / 3, -0.0, -7.1]
    for _ in range(2000):
        floats.append(rng.uniform(-1, 1) * 10 ** rng.randint(-8, 18))
        floats.append(round(rng.uniform(0, 100), rng.randint(0, 6)))
        floats.append(struct_float(rng))
    for f in floats:
        if not math.isfinite(f):
            continue
        got = rs.score({"id": "a", "values": {"x": f}})
        want = rs.score({"id": "a", "values": {"x": Decimal(repr(f))}})
        assert [e["code"] for e in got.errors] == [e["code"] for e in want.errors], repr(f)
        if any(e["code"] == "value_out_of_range" for e in want.errors) or not want.errors:
            # Read as a number: the same exact value (and so the same result).
            assert got.to_json() == want.to_json(), repr(f)
            assert got.errors == want.errors, repr(f)
        # Otherwise (more than 28 digits, as `1e+262`) both refuse it; the message quotes the
        # text given (`repr` writes `e`, `Decimal` writes `E`).


def struct_float(rng):
    import struct

    return struct.unpack("<d", rng.getrandbits(64).to_bytes(8, "little"))[0]


def test_batch_scoring_releases_the_gil():
    # With a switch interval of 100 s the interpreter never takes the GIL from the main thread:
    # the other thread counts only while the main thread gives the GIL up, which between the
    # two reads of the counter only `score_many` can do.
    rs = types_ruleset()
    units = [full_unit(f"u{i}", tl=i % 101) for i in range(20000)]
    count = [0]
    stop = threading.Event()
    started = threading.Event()

    def spin():
        started.set()
        while not stop.is_set():
            count[0] += 1
            time.sleep(0)  # gives the GIL back at once

    old = sys.getswitchinterval()
    sys.setswitchinterval(100)
    t = threading.Thread(target=spin)
    t.start()
    try:
        started.wait()
        progressed = 0
        for _ in range(5):
            before = count[0]
            batch = rs.score_many(units)
            progressed = count[0] - before
            if progressed:
                break
        assert progressed > 0, "no other thread ran while 20,000 units were scored"
        assert len(batch) == 20000
        # Holding the GIL (a pure-Python loop) lets nothing run, which shows the test can fail.
        before = count[0]
        sum(i for i in range(200000))
        assert count[0] == before
    finally:
        stop.set()
        t.join()
        sys.setswitchinterval(old)
