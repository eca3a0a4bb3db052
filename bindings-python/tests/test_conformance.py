"""Every conformance case in tests/conformance/*.yaml, one test per file.

Structured `units:` go through `Ruleset.score_many(list_of_dicts)`; `data:` text goes through
`Ruleset.score_text(...)`. Numbers compare as exact decimals (`Decimal(str(x))`), code lists as
sets, `load_errors` as the set of codes of `RulesetError.errors`. A case-level `round:` scores
and ranks as of that round (`round=`); `round_error` is the code of the `CchcError` raised for
it. A case-level `parameters:` is passed as `params=`; `parameter_error` is the set of codes of
the `RulesetError` raised for it; a unit's `parameters` is `Result.ruleset["parameters"]` (null:
absent). The fields of assessment rounds (unit `round`, `rounds`; node `rounds`, `change`, `notes`,
`evidence`, `explanation`) are read from `Result.round`, `Result.rounds` and `Result.criteria`;
for a node, an expected null means the key is absent.
"""

import unicodedata
from decimal import Decimal

import pytest
import yaml

import cchc
from conftest import CONFORMANCE

CASES = sorted(CONFORMANCE.glob("*.yaml"))

UNIT_FIELDS = {
    "id", "status", "total", "max", "index", "grade", "self_assessed", "delta", "errors", "warnings", "nodes",
    "round", "rounds", "parameters",
}
NODE_FIELDS = {"points", "max", "status", "self_assessed", "delta", "rounds", "change", "notes", "evidence", "explanation"}
ROUND_FIELDS = {"id", "label", "status", "total", "max", "index", "grade", "errors", "warnings"}
NUMBER_FIELDS = {"total", "max", "index", "self_assessed", "delta", "points", "change"}
# Node fields that are absent from the result when the case expects null.
ABSENT_WHEN_NULL = {"rounds", "change", "notes", "evidence", "explanation"}


def test_conformance_cases_exist():
    # Never pass vacuously: the suite must find cases to run.
    assert CONFORMANCE.is_dir(), f"{CONFORMANCE} is missing"
    assert len(CASES) >= 1, f"no conformance cases in {CONFORMANCE}"


def nfc(s):
    return unicodedata.normalize("NFC", str(s))


def dec(x):
    return None if x is None else Decimal(str(x))


def same_number(expected, actual):
    if expected is None or actual is None:
        return expected is None and actual is None
    return dec(expected) == dec(actual)


def flatten(nodes, out=None):
    out = {} if out is None else out
    for n in nodes:
        out[nfc(n["id"])] = n
        flatten(n.get("children", []), out)
    return out


def same_number_map(expected, actual):
    if not isinstance(actual, dict) or set(map(nfc, expected)) != set(map(nfc, actual)):
        return False
    got = {nfc(k): v for k, v in actual.items()}
    return all(same_number(v, got[nfc(k)]) for k, v in expected.items())


def compare_rounds(where, want, res, diffs):
    got = res.rounds
    if want is None:
        if got:
            diffs.append(f"{where}: rounds: expected none, actual {got!r}")
        return
    if len(want) != len(got):
        diffs.append(f"{where}: rounds: expected {len(want)} round(s), actual {[r['id'] for r in got]}")
        return
    for i, (w, g) in enumerate(zip(want, got)):
        unknown = set(w) - ROUND_FIELDS
        if unknown:
            diffs.append(f"{where}: rounds[{i}]: unknown fields {sorted(unknown)}")
        for field, value in w.items():
            if field in ("errors", "warnings"):
                ok = set(value or []) == {e["code"] for e in g[field]}
                actual = sorted({e["code"] for e in g[field]})
            elif field == "grade":
                actual = g["grade"]["id"] if g["grade"] else None
                ok = value == actual
            elif field in NUMBER_FIELDS:
                actual = g.get(field)
                ok = same_number(value, actual)
            else:
                actual = g.get(field)
                ok = value == actual
            if not ok:
                diffs.append(f"{where}: rounds[{i}] ({g.get('id')!r}): {field}: expected {value!r}, actual {actual!r}")


def same_node_field(field, want, node):
    if want is None and field in ABSENT_WHEN_NULL:
        return field not in node
    got = node.get(field)
    if field == "rounds":
        return same_number_map(want, got)
    if field == "notes":
        return isinstance(got, dict) and {nfc(k): v for k, v in want.items()} == {nfc(k): v for k, v in got.items()}
    if field in NUMBER_FIELDS:
        return same_number(want, got)
    return want == got


def compare_unit(where, exp, res, diffs):
    unknown = set(exp) - UNIT_FIELDS
    if unknown:
        diffs.append(f"{where}: the case uses fields this runner does not know: {sorted(unknown)}")
    actual = {
        "status": res.status,
        "total": res.total,
        "max": res.max,
        "index": res.index,
        "grade": res.grade["id"] if res.grade else None,
        "self_assessed": res.self_assessed,
        "delta": res.delta,
    }
    for field in ("status", "total", "max", "index", "grade", "self_assessed", "delta"):
        if field not in exp:
            continue
        want, got = exp[field], actual[field]
        ok = same_number(want, got) if field in NUMBER_FIELDS else want == got
        if not ok:
            diffs.append(f"{where}: {field}: expected {want!r}, actual {got!r}")
    if "round" in exp and exp["round"] != res.round:
        diffs.append(f"{where}: round: expected {exp['round']!r}, actual {res.round!r}")
    if "rounds" in exp:
        compare_rounds(where, exp["rounds"], res, diffs)
    if "parameters" in exp:
        got = res.ruleset.get("parameters")
        want = exp["parameters"]
        if want is None or got is None:
            ok = want is None and got is None
        else:
            ok = set(want) == set(got) and all(
                same_number(v, got[k]) if isinstance(v, (int, float)) and not isinstance(v, bool) else v == got[k]
                for k, v in want.items()
            )
        if not ok:
            diffs.append(f"{where}: parameters: expected {want!r}, actual {got!r}")
    for field in ("errors", "warnings"):
        if field in exp:
            want = set(exp[field] or [])
            got = {e["code"] for e in getattr(res, field)}
            if want != got:
                diffs.append(f"{where}: {field}: expected {sorted(want)}, actual {sorted(got)} ({getattr(res, field)})")
    if "nodes" in exp:
        nodes = flatten(res.criteria)
        for nid, want_node in (exp["nodes"] or {}).items():
            node = nodes.get(nfc(nid))
            if node is None:
                diffs.append(f"{where}: node {nid!r}: not in the result (ids: {sorted(nodes)})")
                continue
            unknown = set(want_node) - NODE_FIELDS
            if unknown:
                diffs.append(f"{where}: node {nid!r}: unknown fields {sorted(unknown)}")
            for field, want in want_node.items():
                if not same_node_field(field, want, node):
                    got = node.get(field, "<absent>")
                    diffs.append(f"{where}: node {nid!r}: {field}: expected {want!r}, actual {got!r}")


@pytest.mark.parametrize("path", CASES, ids=[p.name for p in CASES])
def test_case(path):
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    name = path.name
    expect = case["expect"]
    group = bool(case.get("group_by_kind", False))

    if "load_errors" in expect:
        with pytest.raises(cchc.RulesetError) as info:
            cchc.Ruleset.from_yaml(case["ruleset"], origin=name)
        got = {e.code for e in info.value.errors}
        assert got == set(expect["load_errors"]), (
            f"{name}: load_errors: expected {sorted(set(expect['load_errors']))}, actual {sorted(got)}\n{info.value}"
        )
        assert info.value.code in got
        return

    rs = cchc.Ruleset.from_yaml(case["ruleset"], origin=name)
    as_of = case.get("round")
    groups = case.get("groups")
    params = case.get("parameters")
    if params is not None:
        # YAML floats are given as Python floats: the binding reads their shortest text.
        params = dict(params)

    def run():
        if "data" in case:
            return rs.score_text(
                case["data"], format=case.get("data_format", "json"), group_by_kind=group, round=as_of,
                params=params, groups=groups,
            )
        assert "units" in case, f"{name}: the case has neither `units` nor `data`"
        return rs.score_many(case["units"], group_by_kind=group, round=as_of, params=params, groups=groups)

    if "parameter_error" in expect:
        with pytest.raises(cchc.RulesetError) as info:
            run()
        got = {e.code for e in info.value.errors}
        assert got == set(expect["parameter_error"]), f"{name}: parameter_error: {sorted(got)} ({info.value})"
        return

    if "round_error" in expect:
        with pytest.raises(cchc.CchcError) as info:
            run()
        assert info.value.code == expect["round_error"], f"{name}: round_error: {info.value.code!r} ({info.value})"
        return
    batch = run()

    diffs = []
    exp_units = expect.get("units", [])
    if len(exp_units) != len(batch):
        diffs.append(f"{name}: expected {len(exp_units)} unit(s), the batch has {len(batch)}")
    for i, (exp, res) in enumerate(zip(exp_units, batch)):
        where = f"{name}: unit #{i} ({exp.get('id')!r})"
        if "id" in exp and exp["id"] != res.id and not (exp["id"] is None and res.id is None):
            diffs.append(f"{where}: id: expected {exp['id']!r}, actual {res.id!r}")
        compare_unit(where, exp, res, diffs)
    if "ranking" in expect:
        with_group = any("group" in r for r in expect["ranking"] or [])
        want = [(r["id"], r["rank"]) + ((r.get("group"),) if with_group else ()) for r in expect["ranking"] or []]
        got = [(r["id"], r["rank"]) + ((r.get("group"),) if with_group else ()) for r in batch.ranking]
        if want != got:
            diffs.append(f"{name}: ranking: expected {want}, actual {got}")
    assert not diffs, "\n".join(diffs)
