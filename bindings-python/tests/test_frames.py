"""Frames score like files (issue #13 item 1): a DataFrame's text cells are read as the CSV
reader reads cells (có/không, x, 1/0, 92,5, 83%), so the natural ways an analyst reads the
shipped example give exactly the command line's results."""

import json
import os
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import cchc
from helpers import EXACT, types_ruleset

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "thach-that-2021" / "xa-thi-tran.csv"
RULES = ROOT / "rules" / "ha-noi" / "thach-that" / "xa-thi-tran" / "2021.yaml"


def cli_path():
    """The `cchc` command: $CCHC_CLI (scripts/test-python.sh builds it and sets it), else the
    workspace's debug or release build, else one on PATH."""
    given = os.environ.get("CCHC_CLI")
    if given:
        return given
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    for p in (target / "debug" / "cchc", target / "release" / "cchc"):
        if p.exists():
            return str(p)
    return shutil.which("cchc")


@pytest.fixture(scope="module")
def cli_json():
    cli = cli_path()
    if cli is None:
        pytest.skip("the cchc command is not built: run scripts/test-python.sh (it builds it)")
    out = subprocess.run(
        [cli, "score", str(RULES), str(EXAMPLE), "--format", "json"],
        capture_output=True, check=False,
    )
    assert out.returncode in (0, 1), out.stderr.decode()
    return json.loads(out.stdout, parse_float=Decimal, parse_int=Decimal)


def figures(unit):
    """What must agree: status, total, index, grade and every node's points."""
    nodes = {}

    def walk(ns):
        for n in ns:
            nodes[n["id"]] = (n.get("points"), n.get("status"))
            walk(n.get("children", []))

    walk(unit.get("criteria", []))
    grade = unit.get("grade")
    return {
        "id": unit.get("unit", {}).get("id", unit.get("id")),
        "status": unit["status"],
        "total": unit.get("total"),
        "index": unit.get("index"),
        "grade": grade["id"] if isinstance(grade, dict) else grade,
        "nodes": nodes,
    }


def batch_figures(data):
    return [figures(u) for u in data["results"]], [
        (r["rank"], r["id"], r["index"]) for r in data["ranking"]
    ]


def excel_value(cell):
    """A CSV cell as a person types it into Excel: numbers as numbers (decimal comma), the rest
    (có, không, 83%, option ids) as text, an empty cell empty."""
    if cell == "":
        return None
    t = cell.replace(",", ".")
    try:
        return int(t)
    except ValueError:
        pass
    try:
        return float(t)
    except ValueError:
        return cell


@pytest.fixture(scope="module")
def workbook(tmp_path_factory):
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        cells = line.split(";")
        ws.append(cells if i == 0 else [excel_value(c) for c in cells])
    path = tmp_path_factory.mktemp("xlsx") / "xa-thi-tran.xlsx"
    wb.save(path)
    return path


READS = {
    "read_csv decimal comma": lambda wb: pd.read_csv(EXAMPLE, sep=";", decimal=","),
    "read_csv plain": lambda wb: pd.read_csv(EXAMPLE, sep=";"),
    "read_excel": lambda wb: pd.read_excel(wb),
}


@pytest.mark.parametrize("how", list(READS))
def test_natural_reads_equal_the_cli(how, cli_json, workbook):
    rs = cchc.Ruleset.load(RULES)
    df = READS[how](workbook)
    batch = rs.score_many(df)
    got = json.loads(batch.to_json(), parse_float=Decimal, parse_int=Decimal)
    want_units, want_ranking = batch_figures(cli_json)
    got_units, got_ranking = batch_figures(got)
    assert len(got_units) == len(want_units) == 23
    for g, w in zip(got_units, want_units):
        assert g == w, (how, w["id"])
    assert got_ranking == want_ranking
    assert len(got_ranking) == 21


def test_natural_read_equals_score_text():
    rs = cchc.Ruleset.load(RULES)
    df = pd.read_csv(EXAMPLE, sep=";", decimal=",")
    a = json.loads(rs.score_many(df).to_json())
    b = json.loads(rs.score_text(EXAMPLE.read_text(encoding="utf-8"), format="csv").to_json())
    assert a == b


@pytest.fixture(scope="module")
def rs():
    return types_ruleset()


def one(rs, **cells):
    row = {"id": "a", "co": True, "so": 4, "tl": 50, "diem": 5, "bc": "cham"}
    row.update(cells)
    return rs.score_many(pd.DataFrame([row]))[0]


@pytest.mark.parametrize("cell,expected", [
    ("có", True), ("Có", True), ("x", True), ("1", True), ("true", True),
    ("không", False), ("0", False), ("False", False),
])
def test_text_cells_for_a_bool(rs, cell, expected):
    r = one(rs, co=cell)
    assert r.status == "complete", r.errors
    assert r.criteria[0]["children"][0]["points"] == (Decimal(1) if expected else Decimal(0))


@pytest.mark.parametrize("cell,points", [("92,5", "1.85"), ("92.5", "1.85"), ("83%", "1.66"), (" 50 ", "1")])
def test_text_cells_for_a_percent(rs, cell, points):
    r = one(rs, tl=cell)
    assert r.status == "complete", r.errors
    assert r.criteria[0]["children"][2]["points"] == Decimal(points)


def test_text_cells_refused_as_the_csv_reader_refuses_them(rs):
    assert {e["code"] for e in one(rs, co="có lẽ").errors} == {"wrong_value_type"}
    assert {e["code"] for e in one(rs, so="1.000").errors} == {"wrong_value_type"}  # thousands?
    assert {e["code"] for e in one(rs, tl="1.234,5").errors} == {"wrong_value_type"}
    assert {e["code"] for e in one(rs, bc="nhanh").errors} == {"unknown_choice"}
    # An empty text cell is missing, as an empty CSV cell.
    assert {e["code"] for e in one(rs, tl="").errors} == {"missing_input"}


def test_dicts_stay_strict(rs):
    """A dict is JSON data: the text "có" for a bool is refused there, as in a JSON file."""
    unit = {"id": "a", "values": {"co": "có", "so": 4, "tl": 50, "diem": 5, "bc": "cham"}}
    assert {e["code"] for e in rs.score(unit).errors} == {"wrong_value_type"}
    assert {e["code"] for e in rs.score_many([unit])[0].errors} == {"wrong_value_type"}


def test_floats_are_their_shortest_decimal(rs):
    # 3.0 is the count 3 (0.25 a piece).
    r = one(rs, tl=92.35, so=3.0)
    assert r.status == "complete", r.errors
    assert r.criteria[0]["children"][1]["points"] == Decimal("0.75")
    # 0.1 + 0.2 == 0.3 exactly: the bonus criterion B checks it (float64 and float32 columns).
    exact = cchc.Ruleset.from_yaml(EXACT)
    for dtype in ("float64", "float32", "object", "Float64"):
        df = pd.DataFrame({"id": ["x"], "a": pd.Series([0.1], dtype=dtype), "b": pd.Series([0.2], dtype=dtype)})
        r = exact.score_many(df)[0]
        assert r.status == "complete", (dtype, r.errors)
        assert [c["points"] for c in r.criteria if c["id"] == "B"] == [Decimal(1)], dtype


def test_numpy_and_pandas_scalar_types(rs):
    df = pd.DataFrame({
        "id": pd.Series(["a", "b", "c"], dtype="string"),
        "co": pd.Series([True, False, None], dtype="boolean"),
        "so": pd.Series([4, 2, None], dtype="Int64"),
        "tl": pd.Series([92.35, 50, 75], dtype="float32"),
        "diem": pd.Series([np.float64(5), np.float64(3), np.float64(4.5)], dtype="object"),
        "bc": pd.Series(["cham", "dung_han", "cham"], dtype="category"),
    })
    b = rs.score_many(df)
    assert [r.status for r in b] == ["complete", "complete", "incomplete"], [r.errors for r in b]
    assert b[0].criteria[0]["children"][2]["points"] == Decimal("1.85")
    assert b[1].total == Decimal("0") + Decimal("0.5") + Decimal("1") + Decimal("2") + Decimal("2")
    # object column of numpy scalars, text column of category and string dtypes
    objs = pd.DataFrame({
        "id": ["a"], "co": [np.bool_(True)], "so": [np.int64(4)], "tl": [np.float64(50.0)],
        "diem": [np.int32(5)], "bc": ["cham"],
    }).astype(object)
    r = rs.score_many(objs)[0]
    assert r.status == "complete" and r.total == Decimal(8), r.errors


def test_missing_cells(rs):
    for missing in (None, float("nan"), pd.NA, np.nan):
        df = pd.DataFrame({"id": ["a"], "co": [True], "so": [4], "tl": pd.Series([missing], dtype=object),
                           "diem": [5], "bc": ["cham"]})
        r = rs.score_many(df)[0]
        assert {e["code"] for e in r.errors} == {"missing_input"}, repr(missing)


def test_special_columns_read_like_csv():
    rs = cchc.Ruleset.load(RULES)
    df = pd.read_csv(EXAMPLE, sep=";", decimal=",", dtype=str)   # every cell text
    plain = json.loads(rs.score_many(df).to_json())
    b = json.loads(rs.score_text(EXAMPLE.read_text(encoding="utf-8"), format="csv").to_json())
    assert plain == b
    df["not_applicable"] = ["1.1"] + [None] * (len(df) - 1)
    df["points:1.2"] = ["0,5"] + [None] * (len(df) - 1)
    r = rs.score_many(df)[0]
    leaves = {c["id"]: c for a in r.criteria for c in a.get("children", [])}
    assert leaves["1.1"]["status"] == "not_applicable"


def test_polars_frame(rs):
    pl = pytest.importorskip("polars", reason="polars is not installed (bindings-python/requirements-test.txt)")
    rs2 = cchc.Ruleset.load(RULES)
    df = pl.read_csv(EXAMPLE, separator=";", infer_schema_length=0)    # every cell text
    a = json.loads(rs2.score_many(df).to_json())
    b = json.loads(rs2.score_text(EXAMPLE.read_text(encoding="utf-8"), format="csv").to_json())
    assert a == b
    typed = pl.DataFrame({"id": ["a", "b"], "co": [True, None], "so": [4, 2], "tl": [92.35, 50.0],
                          "diem": [5, 3], "bc": ["cham", "dung_han"]})
    out = rs.score_many(typed)
    assert [r.status for r in out] == ["complete", "incomplete"], [r.errors for r in out]
    assert out[0].criteria[0]["children"][2]["points"] == Decimal("1.85")
