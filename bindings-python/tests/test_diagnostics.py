"""Diagnostics: the new fields (span end, help, related labels), rendering, and issue places."""

import pytest

import cchc
from helpers import TYPES, types_ruleset

BAD = TYPES.replace("rule: { check: co }", "rule: { check: co }, titel: x")


def _error(text, origin="bad.yaml"):
    with pytest.raises(cchc.RulesetError) as info:
        cchc.Ruleset.from_yaml(text, origin=origin)
    return info.value


def test_fields_and_mapping():
    e = _error(BAD)
    d = next(d for d in e.errors if d.code == "unknown_key")
    assert d.end_line in (0, d.line) or d.end_line > d.line
    assert isinstance(d.end_column, int)
    assert d.help is None or isinstance(d.help, str)
    assert isinstance(d.labels, list)
    for k in ("end_line", "end_column", "help", "labels"):
        assert k in d.keys()
        assert d[k] == getattr(d, k)
    assert set(d.to_dict()) == set(d.keys())
    assert d == d and hash(d) == hash(d)


def test_render_with_and_without_source():
    e = _error(BAD)
    d = next(d for d in e.errors if d.code == "unknown_key")
    bare = d.render(lang="en")
    assert bare.startswith("error[unknown_key]: ")
    assert f"--> bad.yaml:{d.line}:{d.column}" in bare
    full = d.render(BAD)
    line = BAD.splitlines()[d.line - 1]
    assert line in full
    assert "^^^^^" in full  # `titel` underlined
    assert d.render(BAD, warning=True, lang="en").startswith("warning[unknown_key]: ")


def test_exception_message_shows_the_line():
    assert str(_error(BAD)).startswith("bộ tiêu chí có ")
    with pytest.raises(cchc.RulesetError) as info:
        cchc.Ruleset.from_yaml(BAD, origin="bad.yaml", lang="en")
    msg = str(info.value)
    assert msg.startswith("the ruleset has ")
    assert "error[unknown_key]" in msg
    assert "titel: x" in msg  # the source line, from the text given to from_yaml


def test_load_error_message_shows_the_line(tmp_path):
    p = tmp_path / "bad.yaml"
    p.write_text(BAD, encoding="utf-8")
    with pytest.raises(cchc.RulesetError) as info:
        cchc.Ruleset.load(p)
    assert "titel: x" in str(info.value)


def test_control_characters_are_not_echoed_raw():
    text = BAD.replace("titel: x", "titel: \"\x1b[2J\"")
    msg = str(_error(text))
    assert "\x1b" not in msg


def test_data_error_message_shows_the_line():
    rs = types_ruleset()
    with pytest.raises(cchc.DataError) as info:
        rs.score_text('[\n  {"id": "a" "co": true}\n]\n', format="json", origin="units.json")
    msg = str(info.value)
    assert "--> units.json:2:" in msg
    assert '{"id": "a" "co": true}' in msg


def test_issues_carry_help_and_place():
    rs = types_ruleset()
    b = rs.score_text("id,co\na,maybe\n", format="csv", origin="u.csv")
    errs = b[0].errors
    assert errs
    for i in errs:
        assert set(i) >= {"criterion", "code", "message", "help", "at"}
        assert i["at"] is None or set(i["at"]) == {"line", "column"}
