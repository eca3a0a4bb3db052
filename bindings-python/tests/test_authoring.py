"""The authoring tools from Python: cchc.diff, Ruleset.lint(), Ruleset.coverage(), and the JSON
Schema (cchc.json_schema) checked by a real JSON Schema 2020-12 validator (jsonschema) against
every shipped rule file and every conformance ruleset that loads, and against a bad file."""

import glob
import json
import os
from decimal import Decimal

import jsonschema
import pytest
import yaml

import cchc

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")


class NoDates(yaml.SafeLoader):
    """YAML as editors read it (1.2 core schema): `2021-01-01` is text, not a date."""


NoDates.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.copy().items()
}


def validator():
    schema = json.loads(cchc.json_schema())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def shipped():
    return sorted(glob.glob(os.path.join(ROOT, "rules", "**", "*.yaml"), recursive=True))


@pytest.mark.parametrize("path", shipped(), ids=os.path.basename)
def test_schema_accepts_every_shipped_rule_file(path):
    with open(path, encoding="utf-8") as f:
        doc = yaml.load(f, Loader=NoDates)
    errors = [f"{e.json_path}: {e.message}" for e in validator().iter_errors(doc)]
    assert errors == []


def test_schema_accepts_every_conformance_ruleset_that_loads():
    v = validator()
    checked = 0
    for path in sorted(glob.glob(os.path.join(ROOT, "tests", "conformance", "*.yaml"))):
        with open(path, encoding="utf-8") as f:
            case = yaml.load(f, Loader=NoDates)
        text = case.get("ruleset")
        if not isinstance(text, str):
            continue
        try:
            cchc.Ruleset.from_yaml(text)
        except cchc.CchcError:
            continue
        doc = yaml.load(text, Loader=NoDates)
        errors = [f"{e.json_path}: {e.message}" for e in v.iter_errors(doc)]
        assert errors == [], path
        checked += 1
    assert checked > 50


def test_schema_accepts_a_file_without_inputs():
    # `inputs:` is optional (docs/format.md §3), in the loader and in the schema alike.
    doc = {
        "format": "cchc/1", "id": "t", "version": "1", "title": "T", "total": 1,
        "criteria": [{"id": "1", "title": "A", "max": 1, "rule": {"value": {"expr": "1"}}}],
    }
    cchc.Ruleset.from_yaml(json.dumps(doc))
    assert [e.message for e in validator().iter_errors(doc)] == []


def test_schema_rejects_a_bad_file():
    bad = {
        "format": "cchc/1", "id": "t", "version": "1", "title": "T", "total": 1,
        "inputs": {"kh": {"type": "boolean"}},
        "criteria": [{"id": "1", "title": "A", "max": 1, "rule": {"check": "kh"}, "maxx": 2}],
    }
    paths = sorted(e.json_path for e in validator().iter_errors(bad))
    assert paths == ["$.criteria[0]", "$.inputs.kh.type"]


def test_schema_descriptions_are_vietnamese_by_default():
    vi = json.loads(cchc.json_schema(lang="vi"))
    en = json.loads(cchc.json_schema(lang="en"))
    assert "Tổng điểm" in vi["properties"]["total"]["description"]
    assert vi["properties"]["total"]["description"] != en["properties"]["total"]["description"]


def spec_text():
    with open(os.path.join(ROOT, "rules", "examples", "spec-example.yaml"), encoding="utf-8") as f:
        return f.read()


def unit(uid, tl):
    return {"id": uid, "values": {
        "kh_ban_hanh_dung_han": True, "ty_le_hoan_thanh_kh": tl, "so_bao_cao_tre": 0,
        "ho_so_tiep_nhan": 10, "ho_so_dung_han": 10, "diem_khao_sat": 4, "bao_cao_nam": "dung_han"}}


def test_diff_reports_a_moved_threshold_and_the_units_it_moves():
    old_text = spec_text()
    new_text = old_text.replace("- { at_least: 80, below: 100, points: 0.5 }",
                                "- { at_least: 85, below: 100, points: 0.5 }", 1)
    old, new = cchc.Ruleset.from_yaml(old_text), cchc.Ruleset.from_yaml(new_text)
    assert not cchc.diff(old, old)
    assert json.loads(cchc.diff(old, old).to_json())["changes"] == []
    d = cchc.diff(old, new, [unit("u70", 70), unit("u82", 82), unit("u90", 90)], lang="en")
    assert len(d) == 1
    assert d.changes == [{
        "change": "rule_changed", "criterion": "1.2", "rule": "bands", "parameter": "steps.2",
        "old": {"at_least": Decimal(80), "below": Decimal(100), "points": Decimal("0.5")},
        "new": {"at_least": Decimal(85), "below": Decimal(100), "points": Decimal("0.5")},
    }]
    moved = [u["unit"] for u in d.effect["units"] if u["old_index"] != u["new_index"]]
    assert moved == ["u82"]
    assert d.effect["units"][0]["delta"] == Decimal("-0.5")
    assert "`bands.steps.2`" in str(d)
    assert "đổi từ" in d.text(lang="vi")
    assert d._repr_html_().startswith("<pre")
    assert json.loads(d.to_json())["changes"][0]["parameter"] == "steps.2"


def test_lint_and_coverage():
    rs = cchc.Ruleset.load(os.path.join(ROOT, "tests", "lint", "band_gap.yaml"))
    ws = rs.lint(lang="en")
    assert [w.code for w in ws] == ["band_gap"]
    assert (ws[0].line, ws[0].criterion) == (16, "1")
    assert "no step" in ws[0].message
    assert all(not cchc.Ruleset.load(p).lint() for p in shipped())
    c = cchc.Ruleset.load(os.path.join(ROOT, "tests", "coverage", "small.yaml")).coverage()
    assert (c["covered"], c["total"], c["percent"]) == (13, 17, Decimal("76.4"))
