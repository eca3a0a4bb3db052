"""Assessment rounds (issue #11): unit dicts with points, notes, evidence, explanations and
rounds; Result.round / Result.rounds; node rounds, change, notes, evidence, explanation;
scoring as of a round (`round=`); Ruleset.rounds; the round columns of Batch.to_pandas."""

import json
import math
import re
from decimal import Decimal

import pytest
import yaml

import cchc
from conftest import CONFORMANCE

# The spec's worked example (rounds.md), with grades and a declared `evidence:` on `a`.
WORKED = """\
format: cchc/1
id: test.python-rounds
version: "1"
title: Kiểm thử các vòng chấm điểm
total: 10
inputs:
  p: { type: percent, label: Tỷ lệ hồ sơ đúng hạn }
  k: { type: bool, label: Có báo cáo đúng hạn }
rounds:
  - { id: tu_cham, label: Tự chấm điểm }
  - { id: tham_dinh, label: Thẩm định lần 1 }
  - { id: chot_diem, label: Thẩm định lần 2 (sau giải trình) }
grades:
  - { id: tot, label: Tốt, at_least: 80 }
  - { id: dat, label: Đạt, at_least: 0 }
criteria:
  - id: a
    title: Tỷ lệ hồ sơ giải quyết đúng hạn
    max: 4
    rule:
      bands:
        input: p
        steps:
          - { at_least: 90, points: 4 }
          - { at_least: 70, points: 2 }
          - { points: 0 }
  - id: b
    title: Báo cáo đúng hạn
    max: 6
    rule: { check: k }
"""

NO_ROUNDS = """\
format: cchc/1
id: test.python-no-rounds
version: "1"
title: Không chia vòng
total: 2
inputs:
  k: { type: bool }
criteria:
  - { id: a, title: A, max: 2, rule: { check: k } }
"""


def unit_u(uid="u"):
    return {
        "id": uid,
        "values": {"p": 95, "k": True},
        "rounds": {
            "tham_dinh": {"values": {"p": 80}, "points": {"b": 3}, "notes": {"b": "Thiếu 2 phiếu"}},
            "chot_diem": {"values": {"p": 91}},
        },
    }


@pytest.fixture(scope="module")
def rs():
    return cchc.Ruleset.from_yaml(WORKED, origin="worked.yaml")


def nodes_of(result):
    out = {}

    def walk(ns):
        for n in ns:
            out[n["id"]] = n
            walk(n.get("children", []))

    walk(result.criteria)
    return out


def test_ruleset_rounds(rs):
    assert rs.rounds == [
        {"id": "tu_cham", "label": "Tự chấm điểm"},
        {"id": "tham_dinh", "label": "Thẩm định lần 1"},
        {"id": "chot_diem", "label": "Thẩm định lần 2 (sau giải trình)"},
    ]
    assert cchc.Ruleset.from_yaml(NO_ROUNDS).rounds == []


def test_worked_example(rs):
    r = rs.score(unit_u())
    assert r.status == "complete", r.errors
    assert (r.total, r.max, r.index) == (Decimal(7), Decimal(10), Decimal(70))
    assert r.round == "chot_diem"
    rounds = r.rounds
    assert [x["id"] for x in rounds] == ["tu_cham", "tham_dinh", "chot_diem"]
    assert [x["label"] for x in rounds] == [d["label"] for d in rs.rounds]
    assert [x["total"] for x in rounds] == [Decimal(10), Decimal(5), Decimal(7)]
    assert [x["index"] for x in rounds] == [Decimal(100), Decimal(50), Decimal(70)]
    assert all(isinstance(x["index"], Decimal) and isinstance(x["max"], Decimal) for x in rounds)
    assert [x["grade"] for x in rounds] == [
        {"id": "tot", "label": "Tốt"},
        {"id": "dat", "label": "Đạt"},
        {"id": "dat", "label": "Đạt"},
    ]
    assert [x["status"] for x in rounds] == ["complete"] * 3
    assert all(x["errors"] == [] and x["warnings"] == [] for x in rounds)
    # The official round's figures are the unit's own.
    assert rounds[-1]["total"] == r.total and rounds[-1]["grade"] == r.grade
    nodes = nodes_of(r)
    assert nodes["a"]["rounds"] == {"tu_cham": 4, "tham_dinh": 2, "chot_diem": 4}
    assert nodes["a"]["change"] == 0
    assert nodes["b"]["rounds"] == {"tu_cham": 6, "tham_dinh": 3, "chot_diem": 3}
    assert nodes["b"]["change"] == Decimal(-3)
    assert all(isinstance(v, Decimal) for v in nodes["b"]["rounds"].values())
    assert isinstance(nodes["b"]["change"], Decimal)
    assert nodes["b"]["notes"] == {"tham_dinh": "Thiếu 2 phiếu"}
    assert "notes" not in nodes["a"] and "evidence" not in nodes["a"] and "explanation" not in nodes["a"]
    # The set mark's trace names the round's label and the note.
    assert "Thẩm định lần 1" in r.trace("b") and "Thiếu 2 phiếu" in r.trace("b")
    assert r.why("b")["id"].startswith("trace-set-points")
    # The summary key order of the JSON: round and rounds before criteria.
    keys = list(r.to_dict())
    assert keys.index("round") < keys.index("rounds") < keys.index("criteria")


def test_evidence_and_explanations(rs):
    u = {
        "id": "e",
        "values": {"p": 95, "k": True},
        "evidence": {"a": ["KH 01/KH-UBND", "BC 02"], "b": "Báo cáo 15/BC"},
        "explanations": {"b": "Có văn bản giải trình"},
        "notes": {"a": "Tự chấm đủ"},
    }
    r = rs.score(u)
    nodes = nodes_of(r)
    assert nodes["a"]["evidence"] == ["KH 01/KH-UBND", "BC 02"]
    assert nodes["b"]["evidence"] == ["Báo cáo 15/BC"]
    assert nodes["b"]["explanation"] == "Có văn bản giải trình"
    assert nodes["a"]["notes"] == {"tu_cham": "Tự chấm đủ"}
    # One present round: the change is 0 and the official round is the first.
    assert nodes["a"]["change"] == 0 and r.round == "tu_cham" and len(r.rounds) == 1


def test_no_rounds_ruleset_keeps_its_shape():
    rs = cchc.Ruleset.from_yaml(NO_ROUNDS)
    r = rs.score({"id": "x", "values": {"k": True}})
    assert r.round is None and r.rounds == []
    d = r.to_dict()
    assert "round" not in d and "rounds" not in d
    assert "rounds" not in d["criteria"][0] and "change" not in d["criteria"][0]
    # Notes and evidence still show, keyed by the implicit round "".
    r = rs.score({"id": "x", "values": {"k": True}, "notes": {"a": "ghi chú"}, "evidence": {"a": "KH"}})
    n = r.criteria[0]
    assert n["notes"] == {"": "ghi chú"} and n["evidence"] == ["KH"]
    assert r.round is None and r.rounds == []
    # A rounds block there is the unit's error.
    r = rs.score({"id": "x", "values": {"k": True}, "rounds": {"tham_dinh": {"values": {"k": False}}}})
    assert "unknown_round" in {e["code"] for e in r.errors}


def test_as_of_a_round(rs):
    r = rs.score(unit_u(), round="tham_dinh")
    assert r.round == "tham_dinh" and r.total == Decimal(5)
    assert [x["id"] for x in r.rounds] == ["tu_cham", "tham_dinh"]
    r = rs.score(unit_u(), round="tu_cham")
    assert r.round == "tu_cham" and r.total == Decimal(10)
    # A unit without the round: shown as of its last earlier round, not ranked.
    only_first = {"id": "f", "values": {"p": 95, "k": True}}
    b = rs.score_many([unit_u("u"), only_first], round="tham_dinh")
    assert [x["id"] for x in b.ranking] == ["u"]
    assert "round_absent" in {w["code"] for w in b[1].warnings}
    assert b[1].round == "tu_cham"
    # Official ranking: both ranked; u by its chot_diem index 70, f by 100.
    b = rs.score_many([unit_u("u"), only_first])
    assert [(x["id"], x["rank"]) for x in b.ranking] == [("f", 1), ("u", 2)]
    # score_text takes round= too, with the same results.
    text = json.dumps([unit_u("u"), only_first])
    bt = rs.score_text(text, round="tham_dinh")
    assert strip_at(bt.to_dicts()) == strip_at(b_as_of(rs, "tham_dinh").to_dicts())


def b_as_of(rs, rid):
    return rs.score_many([unit_u("u"), {"id": "f", "values": {"p": 95, "k": True}}], round=rid)


@pytest.mark.parametrize("call", ["score", "score_many", "score_text"])
def test_unknown_round_raises(rs, call):
    fn = {
        "score": lambda **kw: rs.score(unit_u(), **kw),
        "score_many": lambda **kw: rs.score_many([unit_u()], **kw),
        "score_text": lambda **kw: rs.score_text(json.dumps([unit_u()]), **kw),
    }[call]
    with pytest.raises(cchc.CchcError) as info:
        fn(round="giai_trinh")
    assert info.value.code == "unknown_round"
    assert "giai_trinh" in str(info.value) and "tu_cham" in str(info.value)
    assert "vòng" in str(info.value)  # Vietnamese by default
    with pytest.raises(cchc.CchcError) as info:
        fn(round="giai_trinh", lang="en")
    assert "round" in str(info.value) and "vòng" not in str(info.value)
    # A ruleset without rounds has none to ask for.
    plain = cchc.Ruleset.from_yaml(NO_ROUNDS)
    with pytest.raises(cchc.CchcError) as info:
        plain.score({"id": "x", "values": {"k": True}}, round="tu_cham")
    assert info.value.code == "unknown_round"


def strip_at(x):
    """A result's dicts without the places in a data file (dicts have none), and each issue as
    its code and criterion: the binding's reader words the problems of a dict's shape for
    Python (`py-unit-…` messages, naming Python types), the core's reader for the data file."""
    if isinstance(x, dict):
        if "code" in x and "message" in x:
            return {"code": x["code"], "criterion": x.get("criterion")}
        return {k: strip_at(v) for k, v in x.items() if k != "at"}
    if isinstance(x, list):
        return [strip_at(v) for v in x]
    return x


def dumps(x):
    """JSON text of unit dicts, a Decimal written as its exact digits."""
    def mark(v):
        if isinstance(v, Decimal):
            return f"@@{v}@@"
        if isinstance(v, dict):
            return {k: mark(w) for k, w in v.items()}
        if isinstance(v, list):
            return [mark(w) for w in v]
        return v

    return re.sub(r'"@@([^@]*)@@"', r"\1", json.dumps(mark(x), ensure_ascii=False))


def same_both_ways(rs, units, **kw):
    """Dicts read by the binding's typed reader and their JSON read by the core's reader give
    the same results (the places in the data file aside)."""
    by_dict = rs.score_many(units, **kw)
    by_json = rs.score_text(dumps(units), **kw)
    assert strip_at(by_dict.to_dicts()) == strip_at(by_json.to_dicts())
    assert by_dict.ranking == by_json.ranking
    one_kw = {"round": kw["round"]} if "round" in kw else {}
    one = [strip_at(rs.score(u, **one_kw).to_dict()) for u in units]
    assert one == strip_at(by_json.to_dicts())


def test_dicts_and_json_agree_on_rounds(rs):
    units = [
        unit_u(),
        {
            "id": "v",
            "name": "Phòng V",
            "values": {"p": 50, "k": False},
            "points": {"b": 2.5},
            "notes": {"b": 1, "a": True, "": None},
            "evidence": {"a": ["KH 1", 2, 0.5], "b": None},
            "explanations": {"a": "lý do", "b": 1.25},
            "not_applicable": [],
            "rounds": {
                "tham_dinh": None,
                "chot_diem": {"not_applicable": ["a"], "points": {"b": Decimal("4.5")}, "notes": {"b": "chốt"}},
            },
        },
        # Problems: each must be the same unit error or warning both ways.
        {"id": "w", "values": {"p": 70, "k": True}, "points": {"1": 1, "a": 9, "b": "x", "zz": 1}},
        {"id": "x", "values": {"p": 70}, "self_assessed": {"b": 1}, "points": {"b": 1}},
        {"id": "y", "values": {"p": 70, "k": True}, "rounds": {"tu_cham": {"values": {"k": False}}}},
        {"id": "z", "rounds": {"tu_cham": {"values": {"p": 70, "k": True}}, "khac": {}}},
        {"id": "z2", "rounds": {"tham_dinh": {"values": {"p": 70, "k": True}, "not_applicable": None}}},
        {"id": "z3", "values": {"p": 1, "k": True}, "rounds": {"tham_dinh": {"values": {"p": None}}}},
    ]
    same_both_ways(rs, units)
    same_both_ways(rs, units, round="tham_dinh")
    same_both_ways(rs, units, round="tu_cham", group_by_kind=True)


def codes(issues):
    return {i["code"] for i in issues}


def test_shape_problems_are_the_units(rs):
    r = rs.score({"id": "s", "values": {"p": 95, "k": True}, "notes": ["a"]})
    assert "invalid_unit" in codes(r.errors)
    r = rs.score({"id": "s", "values": {"p": 95, "k": True}, "notes": {"a": ["x"]}})
    assert "invalid_unit" in codes(r.errors)
    r = rs.score({"id": "s", "values": {"p": 95, "k": True}, "evidence": {"a": {"x": 1}}})
    assert "invalid_unit" in codes(r.errors)
    r = rs.score({"id": "s", "values": {"p": 95, "k": True}, "evidence": {"a": [None]}})
    assert "invalid_unit" in codes(r.errors)
    r = rs.score({"id": "s", "values": {"p": 95, "k": True}, "rounds": ["tham_dinh"]})
    assert "invalid_unit" in codes(r.errors)
    r = rs.score({"id": "s", "values": {"p": 95, "k": True}, "rounds": {"tham_dinh": 3}})
    assert "invalid_unit" in codes(r.errors)
    r = rs.score({"id": "s", "values": {"p": 95, "k": True}, "rounds": {"tham_dinh": {"evidence": {}}}})
    assert "unknown_key" in codes(r.warnings) | codes(r.errors)
    msg = [w for w in r.warnings + r.errors if w["code"] == "unknown_key"][0]["message"]
    assert "evidence" in msg and "tham_dinh" in msg
    # Points: a group is not a leaf; out of range; not a number.
    r = rs.score({"id": "s", "values": {"p": 95, "k": True}, "points": {"b": 7}})
    assert "points_out_of_range" in codes(r.errors)
    r = rs.score({"id": "s", "values": {"p": 95, "k": True}, "points": {"b": -1}})
    assert "points_out_of_range" in codes(r.errors)
    r = rs.score({"id": "s", "values": {"p": 95, "k": True}, "points": {"b": float("nan")}})
    assert r.errors


def test_conformance_units_agree_both_ways():
    """Every conformance case given as `units:`: dicts and their JSON text give the same."""
    checked = 0
    for path in sorted(CONFORMANCE.glob("*.yaml")):
        case = yaml.safe_load(path.read_text(encoding="utf-8"))
        if "units" not in case or "load_errors" in case["expect"] or "round_error" in case["expect"]:
            continue
        try:
            json.dumps(case["units"])
        except (TypeError, ValueError):
            continue  # YAML values JSON does not have (dates): nothing to compare
        rs = cchc.Ruleset.from_yaml(case["ruleset"], origin=path.name)
        kw = {"round": case["round"]} if "round" in case else {}
        by_dict = rs.score_many(case["units"], **kw)
        by_json = rs.score_text(json.dumps(case["units"], ensure_ascii=False), **kw)
        assert strip_at(by_dict.to_dicts()) == strip_at(by_json.to_dicts()), path.name
        checked += 1
    assert checked > 10


def test_to_pandas_round_columns(rs):
    only_first = {"id": "f", "values": {"p": 95, "k": True}}
    df = rs.score_many([unit_u("u"), only_first]).to_pandas()
    cols = list(df.columns)
    at = cols.index("grade")
    assert cols[at + 1 : at + 8] == [
        "round",
        "total:tu_cham",
        "index:tu_cham",
        "total:tham_dinh",
        "index:tham_dinh",
        "total:chot_diem",
        "index:chot_diem",
    ]
    assert cols[at + 8 :] == ["change", "a", "b"]  # the index's change, from the core's columns
    assert list(df["change"]) == [-30.0, 0.0]  # 70 − 100; one round: 0
    assert list(df["round"]) == ["chot_diem", "tu_cham"]
    assert list(df["index:tu_cham"]) == [100.0, 100.0]
    assert df["index:tham_dinh"][0] == 50.0 and math.isnan(df["index:tham_dinh"][1])
    assert list(df["total:chot_diem"][:1]) == [7.0] and math.isnan(df["total:chot_diem"][1])
    assert list(df["index"]) == [70.0, 100.0]
    # As of a round: the columns stop at nothing, the later rounds are simply absent.
    df = rs.score_many([unit_u("u")], round="tham_dinh").to_pandas()
    assert df["round"][0] == "tham_dinh" and math.isnan(df["index:chot_diem"][0])
    # Without rounds: the columns of today.
    plain = cchc.Ruleset.from_yaml(NO_ROUNDS)
    df = plain.score_many([{"id": "x", "values": {"k": True}}]).to_pandas()
    assert list(df.columns) == ["id", "name", "kind", "status", "total", "max", "index", "grade", "a"]


@pytest.mark.filterwarnings("ignore:DataFrame columns are not unique")
def test_dataframe_round_column_is_like_csv(rs):
    """A DataFrame with a `round` column gives the units its CSV text gives."""
    pd = pytest.importorskip("pandas")
    rows = [
        # id, round, p, k, points:b, notes:b, evidence:a, explanations:a, not_applicable
        ["u", None, 95.0, True, None, None, "KH 1\nKH 2", None, None],
        ["u", "tham_dinh", 80.0, None, 3.0, "Thiếu 2 phiếu", None, None, None],
        ["u", "chot_diem", 91.0, None, None, None, None, "lý do", None],
        ["v", "tham_dinh", 70.0, False, None, None, None, None, "a"],
        ["w", None, 50.0, True, None, None, None, None, None],
        ["w", None, 60.0, True, None, None, None, None, None],
    ]
    cols = ["id", "round", "p", "k", "points:b", "notes:b", "evidence:a", "explanations:a", "not_applicable"]
    df = pd.DataFrame(rows, columns=cols)
    by_frame = rs.score_many(df)

    def cell(v):
        if v is None:
            return ""
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, float):
            return repr(v)
        return '"' + v.replace('"', '""') + '"' if ("\n" in v or ";" in v) else v

    text = ";".join(cols) + "\n" + "\n".join(";".join(cell(v) for v in r) for r in rows) + "\n"
    by_csv = rs.score_text(text, format="csv")
    assert len(by_frame) == len(by_csv) == 4
    assert strip_at(by_frame.to_dicts()) == strip_at(by_csv.to_dicts())
    u = by_frame[0]
    assert u.round == "chot_diem" and u.total == Decimal(7)
    assert [x["total"] for x in u.rounds] == [Decimal(10), Decimal(5), Decimal(7)]
    n = nodes_of(u)
    assert n["b"]["notes"] == {"tham_dinh": "Thiếu 2 phiếu"}
    assert n["a"]["evidence"] == ["KH 1", "KH 2"] and n["a"]["explanation"] == "lý do"
    assert by_frame[1].round == "tham_dinh" and [x["id"] for x in by_frame[1].rounds] == ["tham_dinh"]
    # Two rows of w without a round: two units with the same id.
    assert "duplicate_unit_id" in codes(by_frame[2].errors)
    # The same frame read row by row (repeated column names force the records path) agrees.
    df2 = df.copy()
    df2["extra"] = 1
    df2.columns = cols + ["p"]  # `p` twice: the last (1) wins, as in records
    by_records = rs.score_many(df2)
    assert [r.round for r in by_records] == [r.round for r in by_frame]
    assert [[x["id"] for x in r.rounds] for r in by_records] == [[x["id"] for x in r.rounds] for r in by_frame]


def test_dataframe_without_round_column_unchanged(rs):
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame([["u", 95.0, True], ["v", 50.0, False]], columns=["id", "p", "k"])
    b = rs.score_many(df)
    assert [r.round for r in b] == ["tu_cham", "tu_cham"]
    assert [r.total for r in b] == [Decimal(10), Decimal(0)]


def test_dataframe_keyed_columns_without_round(rs):
    """`KEY:ID` and `not_applicable` columns work without a `round` column, as in CSV."""
    pd = pytest.importorskip("pandas")
    cols = ["id", "p", "k", "self_assessed:b", "evidence:a", "not_applicable"]
    df = pd.DataFrame([["u", 95.0, True, 5.0, "KH 1", None], ["v", 95.0, True, None, None, "b, a"]], columns=cols)
    text = "id;p;k;self_assessed:b;evidence:a;not_applicable\nu;95.0;true;5.0;KH 1;\nv;95.0;true;;;\"b, a\"\n"
    b, c = rs.score_many(df), rs.score_text(text, format="csv")
    assert strip_at(b.to_dicts()) == strip_at(c.to_dicts())
    assert b[0].self_assessed == Decimal(5) and b[0].delta == Decimal(5)
    assert nodes_of(b[1])["a"]["status"] == "not_applicable"


def test_dataframe_round_cell_must_be_text(rs):
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame([["u", 95.0, True, ["x"]]], columns=["id", "p", "k", "round"])
    r = rs.score_many(df)[0]
    assert "invalid_unit" in codes(r.errors)
