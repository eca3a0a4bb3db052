"""The Python API: loading, results, batches, errors."""

import json
from decimal import Decimal
from pathlib import Path

import pytest

import cchc
from conftest import SPEC_EXAMPLE
from helpers import EXACT, TYPES, full_unit, types_ruleset


def test_package_exports():
    for name in ("Ruleset", "Result", "Batch", "Diagnostic", "CchcError", "RulesetError", "DataError", "CODES"):
        assert hasattr(cchc, name), name
    assert issubclass(cchc.RulesetError, cchc.CchcError)
    assert issubclass(cchc.DataError, cchc.CchcError)
    assert issubclass(cchc.CchcError, Exception)
    assert "unknown_key" in cchc.CODES and "missing_input" in cchc.CODES
    assert isinstance(cchc.__version__, str)


def test_load_and_properties():
    rs = cchc.Ruleset.load(SPEC_EXAMPLE)
    assert rs.id == "ha-noi.thach-that.xa"
    assert rs.version == "2021.1"
    assert rs.title.startswith("Bộ tiêu chí")
    assert rs.fingerprint.startswith("sha256:")
    assert cchc.Ruleset.load(str(SPEC_EXAMPLE)).fingerprint == rs.fingerprint
    inputs = rs.inputs
    assert list(inputs)[0] == "kh_ban_hanh_dung_han"
    assert inputs["ty_le_hoan_thanh_kh"]["type"] == "percent"
    assert inputs["diem_khao_sat"]["min"] == Decimal(1)
    assert inputs["bao_cao_nam"]["options"] == ["dung_han", "cham", "khong_gui"]
    assert inputs["so_sang_kien"]["on_missing"] == "zero"
    crit = rs.criteria
    assert [c["id"] for c in crit] == ["1", "2", "3", "4", "T"]
    assert [c["id"] for c in crit[0]["children"]] == ["1.1", "1.2", "1.3", "1.4"]
    assert crit[0]["max"] == Decimal(4) and isinstance(crit[0]["max"], Decimal)
    assert crit[0]["children"][0]["rule"] == "check"
    assert crit[4]["kind"] == "bonus"
    assert "Ruleset" in repr(rs)


def test_fingerprint_ignores_comments_and_layout():
    a = cchc.Ruleset.from_yaml(TYPES)
    b = cchc.Ruleset.from_yaml("# a comment\n" + TYPES.replace("total: 10", "total:   10   # tổng"))
    c = cchc.Ruleset.from_yaml(TYPES.replace("points: 0.25", "points: 0.2"))
    assert a.fingerprint == b.fingerprint
    assert a.fingerprint != c.fingerprint


def test_score_one_unit():
    rs = types_ruleset()
    r = rs.score(full_unit())
    assert isinstance(r, cchc.Result)
    assert r.status == "complete"
    # 1.1 = 1; 1.2 = min(0.25 × 4, 1) = 1; 1.3 = 2 × 50/100 = 1; 2 = 4; 3 = 1 → 8 of 10
    assert r.total == Decimal("8") and isinstance(r.total, Decimal)
    assert r.max == Decimal("10")
    assert r.index == Decimal("80")
    assert r.grade == {"id": "tot", "label": "Tốt"}
    assert r.unit == {"id": "a", "name": "Đơn vị a", "kind": "xa"}
    assert (r.id, r.name, r.kind) == ("a", "Đơn vị a", "xa")
    assert r.errors == [] and r.warnings == []
    assert r.self_assessed is None and r.delta is None
    assert r.ruleset == {
        "id": "test.python",
        "version": "1",
        "fingerprint": rs.fingerprint,
        "issued_by": None,
        "status": "draft",
    }
    crit = r.criteria
    assert crit[0]["id"] == "1" and crit[0]["points"] == Decimal(3) and crit[0]["status"] == "scored"
    assert crit[0]["children"][2]["points"] == Decimal(1)
    assert all(isinstance(c["points"], Decimal) for c in crit)
    assert "trace" in crit[0]


def test_result_outputs_agree():
    rs = types_ruleset()
    r = rs.score(dict(full_unit(), self_assessed={"1.1": 1, "2": 3.5}))
    d = r.to_dict()
    assert list(d)[:4] == ["ruleset", "unit", "status", "total"]
    assert d["total"] == r.total and d["self_assessed"] == r.self_assessed
    # to_json is the same data, with exact numbers.
    assert json.loads(r.to_json(), parse_float=Decimal, parse_int=Decimal) == d
    assert json.loads(r.to_json(indent=2), parse_float=Decimal, parse_int=Decimal) == d
    assert "\n  " in r.to_json(indent=2)
    # self-assessed: 1 + 3.5 (+ nodes without marks count nothing) per decisions #13
    assert r.self_assessed == Decimal("4.5")
    assert r.delta == r.total - r.self_assessed
    node2 = [c for c in r.criteria if c["id"] == "2"][0]
    assert node2["self_assessed"] == Decimal("3.5") and node2["delta"] == Decimal("0.5")


def test_explain_and_html():
    rs = types_ruleset()
    r = rs.score(full_unit(so=None))
    text = r.explain()
    # The CLI's explanation (`cchc score --explain`): one renderer for both.
    assert text.splitlines()[0].startswith("Đơn vị a (a) — ")
    assert ", incomplete" in text.splitlines()[0]
    for nid in ("  1 ", "    1.1 ", "    1.2 ", "  2 ", "  3 ", "  T "):
        assert any(line.startswith(nid) for line in text.splitlines()), nid
    assert "1.2 Sáng kiến — 0/1 [thiếu dữ liệu]" in text
    assert "error[missing_input] 1.2: " in text
    html = r._repr_html_()
    assert "<table>" in html and "Chỉ đạo &lt;điều hành&gt;" in html and "<điều" not in html
    assert "missing_input" in html
    assert "status=incomplete" in repr(r)


def test_exact_decimals_per_rule():
    rs = cchc.Ruleset.from_yaml(EXACT)
    # Python floats 0.1 and 0.2 are read as the digits they print: the engine adds exactly.
    r = rs.score({"id": "f", "values": {"a": 0.1, "b": 0.2}})
    assert r.status == "complete", r.errors
    assert r.criteria[0]["points"] == Decimal("0.3")
    assert r.criteria[1]["points"] == Decimal("1")  # a + b == 0.3 holds
    assert r.total == Decimal("1")  # clamp(0.3 + 1, 0, 1)
    r = rs.score({"id": "d", "values": {"a": Decimal("0.1"), "b": Decimal("0.2")}})
    assert r.criteria[0]["points"] == Decimal("0.3")
    assert '"points":0.3' in r.to_json().replace(" ", "")
    assert str(r.criteria[0]["points"]) == "0.3"


def test_batch_api():
    rs = types_ruleset()
    units = [full_unit("a"), full_unit("b", tl=100), full_unit("c", bc="khac"), full_unit("d", tl=100)]
    b = rs.score_many(units)
    assert isinstance(b, cchc.Batch)
    assert len(b) == 4
    assert [r.id for r in b] == ["a", "b", "c", "d"]
    assert b[0].id == "a" and b[-1].id == "d"
    with pytest.raises(IndexError):
        b[4]
    assert [r.id for r in b.results] == ["a", "b", "c", "d"]
    # c has an unknown choice: status error, not ranked; b and d tie (competition ranks).
    assert b[2].status == "error" and {e["code"] for e in b[2].errors} == {"unknown_choice"}
    ranking = b.ranking
    assert [(x["id"], x["rank"]) for x in ranking] == [("b", 1), ("d", 1), ("a", 3)]
    assert isinstance(ranking[0]["rank"], int)
    assert ranking[0]["index"] == Decimal("90") and ranking[0]["total"] == Decimal("9")
    assert ranking[0]["grade"] == "tot" and ranking[0]["name"] == "Đơn vị b" and ranking[0]["kind"] == "xa"
    dicts = b.to_dicts()
    assert len(dicts) == 4 and dicts[1]["index"] == Decimal("90")
    whole = b.to_dict()
    assert set(whole) == {"results", "ranking"}
    assert whole["results"] == dicts
    assert [(x["id"], x["rank"]) for x in whole["ranking"]] == [("b", 1), ("d", 1), ("a", 3)]
    assert json.loads(b.to_json(), parse_float=Decimal, parse_int=Decimal) == whole
    assert "<table>" in b._repr_html_()
    assert "units=4" in repr(b)
    assert b.grouped is False


def test_group_by_kind():
    rs = types_ruleset()
    units = [dict(full_unit("a"), kind="xa"), dict(full_unit("b", tl=100), kind="thi_tran"), dict(full_unit("c", tl=100), kind="xa")]
    b = rs.score_many(units, group_by_kind=True)
    assert b.grouped is True
    assert [(x["id"], x["rank"]) for x in b.ranking] == [("c", 1), ("a", 2), ("b", 1)]


def test_unit_shapes_are_reported_not_raised():
    rs = types_ruleset()
    b = rs.score_many([
        full_unit("ok"),
        {"id": "x", "valeus": {}, "values": {"co": True}},      # unknown key: a warning
        {"id": "y", "values": [1, 2]},                          # values not a mapping
        {"name": "không có mã", "values": {}},                  # no id
        "not a unit",
        {"id": 7, "values": {"co": True}, "not_applicable": ["2", 9]},
        {"id": "z", "values": {"undeclared": 1}, "not_applicable": "2"},
    ])
    assert len(b) == 7
    codes = [{e["code"] for e in r.errors} for r in b]
    warns = [{w["code"] for w in r.warnings} for r in b]
    assert b[0].status == "complete"
    assert "unknown_key" in warns[1]
    assert "invalid_unit" in codes[2]
    assert "missing_unit_id" in codes[3]
    assert {"invalid_unit", "missing_unit_id"} <= codes[4]
    assert b[5].id == "7" and "unknown_criterion" in warns[5]   # id 9 names no criterion
    assert "unknown_input" in warns[6] and "invalid_unit" in codes[6]
    with pytest.raises(TypeError):
        rs.score_many("not a list")
    with pytest.raises(TypeError):
        rs.score_many({"id": "a"})


def test_duplicate_ids_in_batch():
    rs = types_ruleset()
    b = rs.score_many([full_unit("a"), full_unit("a"), full_unit("b")])
    assert [r.status for r in b] == ["error", "error", "complete"]
    assert {e["code"] for e in b[0].errors} == {"duplicate_unit_id"}
    assert [x["id"] for x in b.ranking] == ["b"]


def test_score_text_formats():
    rs = types_ruleset()
    csv = "id;name;co;so;tl;diem;bc\nx1;Xã Một;có;4;50%;5;cham\nx2;Xã Hai;không;0;92,5;4,5;dung_han\n"
    b = rs.score_text(csv, format="csv")
    assert [r.id for r in b] == ["x1", "x2"]
    assert b[0].total == Decimal("8")
    assert b[1].status == "complete"
    b2 = rs.score_text(csv.encode("utf-8"), format="csv")
    assert [r.total for r in b2] == [r.total for r in b]
    js = json.dumps({"units": [full_unit("j")]}, ensure_ascii=False)
    assert rs.score_text(js)[0].total == Decimal("8")
    yml = "units:\n  - id: y\n    values: { co: true, so: 4, tl: 50, diem: 5, bc: cham }\n"
    assert rs.score_text(yml, format="yaml")[0].total == Decimal("8")
    with pytest.raises(ValueError):
        rs.score_text(csv, format="xlsx")


def test_run_tests():
    rs = types_ruleset()
    out = rs.run_tests()
    assert len(out) == 1
    assert out[0]["name"] == "mẫu" and out[0]["passed"] is True and out[0]["failures"] == []
    bad = cchc.Ruleset.from_yaml(TYPES.replace("total: 8, index: 80", "total: 7, index: 80"))
    out = bad.run_tests()
    assert out[0]["passed"] is False
    assert out[0]["failures"] == [{"what": "total", "expected": "7", "actual": "8"}]


def test_ruleset_error_fields():
    text = (
        "format: cchc/1\n"
        "id: t\n"
        'version: "1"\n'
        "title: T\n"
        "total: 2\n"
        "inputs:\n"
        "  a: { type: bool }\n"
        "criteria:\n"
        '  - id: "1"\n'
        "    title: Một\n"
        "    max: 1\n"
        "    rule: { check: a }\n"
        "    evidance: []\n"
        '  - { id: "2", title: Hai, max: 1, rule: { check: b } }\n'
    )
    with pytest.raises(cchc.RulesetError) as info:
        cchc.Ruleset.from_yaml(text, origin="bad.yaml")
    e = info.value
    assert isinstance(e, cchc.CchcError)
    by_code = {d.code: d for d in e.errors}
    assert set(by_code) == {"unknown_key", "undeclared_input"}
    assert e.code == e.errors[0].code
    uk = by_code["unknown_key"]
    assert (uk.file, uk.line, uk.column, uk.criterion) == ("bad.yaml", 13, 5, "1")
    assert "evidence" in uk.help  # the nearest known key is suggested
    ui = by_code["undeclared_input"]
    assert (ui.file, ui.line, ui.criterion) == ("bad.yaml", 14, "2")
    assert ui.column > 0
    # dict-style access and conversion
    assert uk["code"] == "unknown_key" and uk["line"] == 13
    assert uk.to_dict() == {"code": "unknown_key", "file": "bad.yaml", "line": 13, "column": 5, "criterion": "1", "message": uk.message,
                            "end_line": uk.end_line, "end_column": uk.end_column, "help": uk.help, "labels": uk.labels}
    assert dict(uk) == uk.to_dict()
    with pytest.raises(KeyError):
        uk["nope"]
    assert "bad.yaml:13:5" in str(e) and "[unknown_key]" in str(e)
    assert str(uk).startswith("bad.yaml:13:5: ")


def test_load_errors_io_and_syntax(tmp_path):
    with pytest.raises(cchc.RulesetError) as info:
        cchc.Ruleset.load(tmp_path / "missing.yaml")
    assert info.value.code == "io"
    assert info.value.errors[0].file.endswith("missing.yaml")
    p = tmp_path / "syntax.yaml"
    p.write_text("format: cchc/1\nid: [unclosed\n", encoding="utf-8")
    with pytest.raises(cchc.RulesetError) as info:
        cchc.Ruleset.load(p)
    assert info.value.code == "yaml_syntax"
    assert info.value.errors[0].file == str(p) and info.value.errors[0].line >= 2
    with pytest.raises(cchc.RulesetError) as info:
        cchc.Ruleset.from_yaml(b"\xff\xfe not utf-8")
    assert info.value.code == "not_utf8"
    with pytest.raises(cchc.RulesetError) as info:
        cchc.Ruleset.from_yaml("format: cchc/2\n")
    assert "unsupported_format" in {d.code for d in info.value.errors}
    with pytest.raises(TypeError):
        cchc.Ruleset.from_yaml(42)


def test_data_errors():
    rs = types_ruleset()
    cases = [("{", "json", "data_syntax"), ("42", "json", "data_shape"), ("", "csv", "empty_csv"), ("id;co\n", "csv", "empty_csv")]
    for text, fmt, code in cases:
        with pytest.raises(cchc.DataError) as info:
            rs.score_text(text, format=fmt, origin="units.dat")
        e = info.value
        assert isinstance(e, cchc.CchcError)
        assert e.code == code, (text, fmt, e)
        assert [d.code for d in e.errors] == [code]
        assert e.errors[0].file == "units.dat"
        assert e.errors[0].line >= 1


def test_exception_class_defaults():
    assert cchc.CchcError.code is None
    assert tuple(cchc.CchcError.errors) == ()


def test_path_types(tmp_path):
    p = tmp_path / "r.yaml"
    p.write_text(TYPES, encoding="utf-8")
    assert cchc.Ruleset.load(p).id == "test.python"
    assert cchc.Ruleset.load(str(p)).id == "test.python"
    assert cchc.Ruleset.load(Path(str(p))).fingerprint == cchc.Ruleset.from_yaml(TYPES).fingerprint
