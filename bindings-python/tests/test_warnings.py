"""Load-time warnings reach Python with the same codes and places as in Rust."""

import cchc
from conftest import ROOT

RULES = (ROOT / "tests" / "fixtures" / "warnings.yaml").read_text(encoding="utf-8")


def test_warnings_listed_with_codes_and_places():
    rs = cchc.Ruleset.from_yaml(RULES, origin="w.yaml")
    codes = sorted(w.code for w in rs.warnings)
    assert codes == ["invalid_date", "unreachable_band"]
    band = next(w for w in rs.warnings if w.code == "unreachable_band")
    assert band.file == "w.yaml"
    assert band.line == 20  # 2 comment lines above the file in tests/fixtures
    assert band.criterion == "1"
    assert band.help
    # Warnings do not stop scoring.
    r = rs.score({"id": "a", "values": {"tl": 90}})
    assert r.status == "complete"


def test_clean_file_has_no_warnings():
    rs = cchc.Ruleset.from_yaml(RULES.replace("2021-02-30", "2021-02-28").replace(
        "          - { at_least: 50, points: 1 }\n          - { at_least: 80, points: 2 }\n",
        "          - { at_least: 80, points: 2 }\n          - { at_least: 50, points: 1 }\n",
    ))
    assert rs.warnings == []
