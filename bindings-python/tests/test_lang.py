"""Languages: Vietnamese by default, English on request (`lang=`, `cchc.set_lang`, `CCHC_LANG`);
codes, ids and the language-neutral `why` / `message_id` / `args` the same in both."""

import json
import os
import re
import subprocess
import sys
from decimal import Decimal

import pytest

import cchc
from conftest import ROOT
from helpers import TYPES, full_unit, types_ruleset

BAD = TYPES.replace("rule: { check: co }", "rule: { check: co }, titel: x")
WARNINGS = (ROOT / "tests" / "fixtures" / "warnings.yaml").read_text(encoding="utf-8")

# English words that never belong in a Vietnamese sentence (outside `identifiers`).
ENGLISH = re.compile(
    r"\b(the|of|is|are|sum|scored|missing|needs|error|not|applicable|points?|band|holds|script|"
    r"returned|incomplete|complete|index|which|unit|given|value|problems?)\b",
    re.IGNORECASE,
)
# Vietnamese letters with diacritics (the texts of the catalogue use them in every sentence).
VIETNAMESE = re.compile(r"[ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ]", re.IGNORECASE)
# Words of the rule file and the test data (titles, labels, names) that appear in both languages.
DATA_WORDS = re.compile(
    r"Chỉ đạo <điều hành>|Kế hoạch|Sáng kiến|Hoàn thành|Hài lòng|Báo cáo|Thưởng|Đơn vị a|Tốt|Đạt|"
    r"Có kế hoạch|Số sáng kiến|Tỷ lệ|Điểm khảo sát|Kiểm thử Python"
)


def english_words(text):
    """The English words of a text once identifiers (`...`) and the data's own words are removed."""
    bare = DATA_WORDS.sub(" ", re.sub(r"`[^`]*`", " ", text))
    return ENGLISH.findall(bare)


def vietnamese_letters(text):
    return VIETNAMESE.findall(DATA_WORDS.sub(" ", re.sub(r"`[^`]*`", " ", text)))


@pytest.fixture(autouse=True)
def default_language():
    """Every test starts and ends with the module default of the test run (Vietnamese)."""
    before = cchc.get_lang()
    cchc.set_lang("vi")
    yield
    cchc.set_lang(before)


def without_texts(value):
    """A JSON tree without its texts for people (`trace`, `message`, `help`)."""
    if isinstance(value, dict):
        return {k: without_texts(v) for k, v in value.items() if k not in ("trace", "message", "help")}
    if isinstance(value, list):
        return [without_texts(v) for v in value]
    return value


def texts(value, out=None):
    """Every text for people in a JSON tree."""
    out = [] if out is None else out
    if isinstance(value, dict):
        for k, v in value.items():
            if k in ("trace", "message", "help") and isinstance(v, str):
                out.append(v)
            else:
                texts(v, out)
    elif isinstance(value, list):
        for v in value:
            texts(v, out)
    return out


# --- choosing the language --------------------------------------------------------------------


def test_set_and_get_lang():
    assert cchc.LANGS == ["vi", "en"]
    assert cchc.get_lang() == "vi"
    cchc.set_lang("en")
    assert cchc.get_lang() == "en"
    cchc.set_lang("vi-VN")
    assert cchc.get_lang() == "vi"
    cchc.set_lang("EN_us.UTF-8")
    assert cchc.get_lang() == "en"


def test_unknown_language_is_a_value_error_naming_both():
    with pytest.raises(ValueError) as info:
        cchc.set_lang("fr")
    vi = str(info.value)
    assert "`fr`" in vi and "`vi`" in vi and "`en`" in vi
    assert "không được hỗ trợ" in vi
    assert cchc.get_lang() == "vi"  # unchanged
    cchc.set_lang("en")
    with pytest.raises(ValueError, match=r"unknown language `fr`: use `vi` \(Tiếng Việt\) or `en` \(English\)"):
        cchc.set_lang("fr")
    rs = types_ruleset()
    r = rs.score(full_unit())
    for call in (
        lambda: r.explain(lang="fr"),
        lambda: r.to_json(lang="xx"),
        lambda: r.to_dict(lang=""),
        lambda: r.trace("1", lang="de"),
        lambda: rs.score(full_unit(), lang="fr"),
        lambda: rs.score_many([full_unit()], lang="fr"),
        lambda: rs.score_text("{}", lang="fr"),
        lambda: rs.score_many([full_unit()]).to_json(lang="fr"),
        lambda: cchc.Ruleset.from_yaml(TYPES, lang="fr"),
        lambda: cchc.Ruleset.load(ROOT / "rules" / "examples" / "spec-example.yaml", lang="fr"),
    ):
        with pytest.raises(ValueError, match="unknown language"):
            call()


def _run(code, lang):
    env = dict(os.environ)
    env.pop("CCHC_LANG", None)
    if lang is not None:
        env["CCHC_LANG"] = lang
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    return out.stdout.strip()


@pytest.mark.parametrize("value, expected", [(None, "vi"), ("en", "en"), ("en_US.UTF-8", "en"), ("vi", "vi"), ("fr", "vi"), ("", "vi")])
def test_cchc_lang_sets_the_initial_default(value, expected):
    assert _run("import cchc; print(cchc.get_lang())", value) == expected


def test_cchc_lang_reaches_the_texts():
    code = (
        "import sys; sys.path.insert(0, %r)\n"
        "import cchc\n"
        "from helpers import types_ruleset, full_unit\n"
        "r = types_ruleset().score(full_unit(so=None))\n"
        "print(r.explain() == r.explain(lang=cchc.get_lang()), repr(r))\n"
    ) % str(ROOT / "bindings-python" / "tests")
    en = _run(code, "en")
    vi = _run(code, None)
    assert en.startswith("True <cchc.Result id=\"a\" status=incomplete")
    assert vi.startswith("True <cchc.Result mã đơn vị: \"a\"")


def test_set_lang_changes_the_default_of_every_text():
    rs = types_ruleset()
    r = rs.score(dict(full_unit(), valeus={}))
    vi = (r.explain(), r.to_json(), repr(r), r.warnings[0]["message"], repr(rs))
    cchc.set_lang("en")
    en = (r.explain(), r.to_json(), repr(r), r.warnings[0]["message"], repr(rs))
    assert en == (r.explain(lang="en"), r.to_json(lang="en"), repr(r), r.warnings[0]["message"], repr(rs))
    assert vi[2] != en[2] and vi[3] != en[3] and vi[4] != en[4]
    assert vi[0] != en[0]  # the explanation (words of the presentation)
    # An object created with a language keeps it, whatever the module default.
    r_vi = rs.score(full_unit(), lang="vi")
    assert "điểm" in repr(r_vi)
    assert r_vi.explain() == r_vi.explain(lang="vi")
    rs_vi = cchc.Ruleset.from_yaml(TYPES, lang="vi")
    assert rs_vi.lang == "vi" and rs.lang is None
    assert rs_vi.score(full_unit()).explain() == r_vi.explain()
    assert "phiên bản" in repr(rs_vi)


# --- explanations -----------------------------------------------------------------------------


def test_explain_in_both_languages():
    rs = types_ruleset()
    r = rs.score(full_unit(so=None, bc=None, tl=Decimal("37.5")))
    vi, en = r.explain(lang="vi"), r.explain(lang="en")
    assert vi == r.explain()  # Vietnamese is the default
    assert vi != en
    assert english_words(vi) == [], vi
    assert vietnamese_letters(vi)
    assert "thiếu dữ liệu" in vi and "chỉ số" in vi
    assert "incomplete" in en and "sum of" in en
    assert vietnamese_letters(en) == [], en
    # The same figures in both, with the language's decimal separator.
    assert "37,5" in vi or "0,75" in vi
    assert "37.5" in en or "0.75" in en


def test_trace_of_every_node_in_both_languages():
    rs = types_ruleset()
    r = rs.score(full_unit(so=None, bc="cham", tl=50))
    tree_vi, tree_en = r.to_dict(lang="vi"), r.to_dict(lang="en")

    def walk(vi_nodes, en_nodes):
        for a, b in zip(vi_nodes, en_nodes):
            assert a["id"] == b["id"]
            assert r.trace(a["id"]) == a["trace"] == r.trace(a["id"], lang="vi")
            assert r.trace(a["id"], lang="en") == b["trace"]
            assert english_words(a["trace"]) == [], (a["id"], a["trace"])
            assert vietnamese_letters(b["trace"]) == [], (b["id"], b["trace"])
            walk(a.get("children", []), b.get("children", []))

    walk(tree_vi["criteria"], tree_en["criteria"])
    assert r.trace("1", lang="en").startswith("sum of")
    assert not r.trace("1").startswith("sum of")
    with pytest.raises(KeyError, match="9.9"):
        r.trace("9.9")
    with pytest.raises(KeyError):
        r.why("9.9")


def test_why_is_the_same_in_both_languages():
    rs = types_ruleset()
    r = rs.score(dict(full_unit(so=None, tl=Decimal("62.5")), not_applicable=["3"]))
    vi, en = r.to_dict(lang="vi"), r.to_dict(lang="en")

    def walk(a_nodes, b_nodes, seen):
        for a, b in zip(a_nodes, b_nodes):
            assert "why" in a, a
            assert a["why"] == b["why"] == r.why(a["id"])
            if a["why"] is not None:
                assert set(a["why"]) == {"id", "args"}
                assert isinstance(a["why"]["args"], dict)
                seen.add(a["why"]["id"])
            walk(a.get("children", []), b.get("children", []), seen)

    seen = set()
    walk(vi["criteria"], en["criteria"], seen)
    assert len(seen) >= 3, seen  # a group sum, a scale, a not applicable, a missing value…
    assert all(i.startswith("trace-") for i in seen), seen
    # Numbers in `why` are exact Decimals, whatever the language.
    scale = r.why("1.3")
    assert any(v == Decimal("62.5") for v in scale["args"].values()), scale


def test_json_differs_only_in_texts():
    rs = types_ruleset()
    units = [
        dict(full_unit("a", so=None), self_assessed={"1.1": 1}),
        full_unit("b", bc="khac"),  # unknown choice: an error
        dict(full_unit("c"), valeus={}),  # unknown key: a warning
        full_unit("d", tl=[1]),  # a list is not a value
    ]
    b = rs.score_many(units)
    vi, en = json.loads(b.to_json(lang="vi")), json.loads(b.to_json(lang="en"))
    assert without_texts(vi) == without_texts(en)
    assert texts(vi) != texts(en)
    assert vi == json.loads(b.to_json())
    assert b.to_dict(lang="en") == json.loads(b.to_json(lang="en"), parse_float=Decimal, parse_int=Decimal)
    for r in b:
        a, c = json.loads(r.to_json(lang="vi")), json.loads(r.to_json(lang="en"))
        assert without_texts(a) == without_texts(c)
    # Every message and help of the English JSON is English, of the Vietnamese JSON Vietnamese.
    for t in texts(en):
        assert vietnamese_letters(t) == [], t
    for t in texts(vi):
        assert english_words(t) == [], t
    assert b.to_dicts(lang="en") == b.to_dict(lang="en")["results"]


# --- diagnostics and issues -------------------------------------------------------------------


def _load_error(text, lang):
    with pytest.raises(cchc.RulesetError) as info:
        cchc.Ruleset.from_yaml(text, origin="bad.yaml", lang=lang)
    return info.value


def test_diagnostics_in_both_languages_with_the_same_codes():
    vi, en = _load_error(BAD, "vi"), _load_error(BAD, None)
    assert str(vi) == str(en)  # the module default is Vietnamese
    en = _load_error(BAD, "en")
    assert [d.code for d in vi.errors] == [d.code for d in en.errors]
    assert vi.code == en.code == "unknown_key"
    for a, b in zip(vi.errors, en.errors):
        assert (a.lang, b.lang) == ("vi", "en")
        assert a == b and hash(a) == hash(b)  # the same problem
        assert (a.message_id, a.args, a.line, a.column) == (b.message_id, b.args, b.line, b.column)
        assert a.message != b.message
        assert english_words(a.message) == [], a.message
        assert vietnamese_letters(b.message) == [], b.message
        if a.help is not None:
            assert "title" in a.help and "title" in b.help  # the nearest known key
            assert a.help != b.help
        assert a.to_dict()["message"] == a.message and a.to_dict(lang="en")["message"] == b.message
        assert a["message"] == a.message
    assert str(vi).startswith("bộ tiêu chí có 1 lỗi:")
    assert str(en).startswith("the ruleset has 1 problem:")
    d_vi, d_en = vi.errors[0], en.errors[0]
    assert d_en.render().startswith("error[unknown_key]: ")
    assert d_vi.render().startswith("lỗi[unknown_key]: ")
    assert d_vi.render(lang="en") == d_en.render()


def test_load_in_english(tmp_path):
    p = tmp_path / "bad.yaml"
    p.write_text(BAD, encoding="utf-8")
    with pytest.raises(cchc.RulesetError) as info:
        cchc.Ruleset.load(p, lang="en")
    assert str(info.value).startswith("the ruleset has 1 problem:")
    assert "titel: x" in str(info.value)
    with pytest.raises(cchc.RulesetError) as info:
        cchc.Ruleset.load(p)
    assert str(info.value).startswith("bộ tiêu chí có 1 lỗi:")
    assert "titel: x" in str(info.value)


def test_warnings_follow_the_language_of_the_ruleset():
    en = cchc.Ruleset.from_yaml(WARNINGS, origin="w.yaml", lang="en")
    vi = cchc.Ruleset.from_yaml(WARNINGS, origin="w.yaml")
    assert [w.code for w in en.warnings] == [w.code for w in vi.warnings]
    assert {w.lang for w in en.warnings} == {"en"} and {w.lang for w in vi.warnings} == {"vi"}
    for a, b in zip(vi.warnings, en.warnings):
        assert a == b and a.message != b.message
        assert english_words(a.message) == [], a.message


def test_data_error_in_both_languages():
    rs = types_ruleset()
    with pytest.raises(cchc.DataError) as vi:
        rs.score_text("{", origin="u.json")
    with pytest.raises(cchc.DataError) as en:
        rs.score_text("{", origin="u.json", lang="en")
    assert vi.value.code == en.value.code == "data_syntax"
    assert str(vi.value).startswith("không đọc được số liệu:")
    assert str(en.value).startswith("the data cannot be read:")
    assert vi.value.errors[0] == en.value.errors[0]


def test_issues_carry_message_id_and_args():
    rs = types_ruleset()
    unit = {"id": "x", "valeus": {}, "values": {"co": True, "so": [1, 2]}}
    r = rs.score(unit)
    w = next(w for w in r.warnings if w["code"] == "unknown_key")
    assert w["message_id"] == "py-unit-unknown-key"
    assert w["args"]["key"] == "valeus" and "values" in w["args"]["keys"]
    assert "khóa" in w["message"] and "`valeus`" in w["message"]
    r_en = rs.score(unit, lang="en")
    w_en = next(w for w in r_en.warnings if w["code"] == "unknown_key")
    assert w_en["message"].startswith("unknown key `valeus` in a unit; a unit has: `id`")
    assert {k: v for k, v in w.items() if k != "message"} == {k: v for k, v in w_en.items() if k != "message"}
    # A Python value that is not a value: its reason is a message too, in the language asked for.
    e_vi = next(e for e in r.errors if e["code"] == "wrong_value_type")
    e_en = next(e for e in r_en.errors if e["code"] == "wrong_value_type")
    assert "một danh sách không phải là một giá trị" in e_vi["message"]
    assert "a list is not a value" in e_en["message"]
    assert "a list is not a value" in json.dumps(r.to_dict(lang="en")["errors"], default=str)
    # The result's texts follow the module default when no language was asked for.
    cchc.set_lang("en")
    assert next(w for w in r.warnings if w["code"] == "unknown_key")["message"] == w_en["message"]


def test_unit_shape_problems_in_both_languages():
    rs = types_ruleset()
    cases = [
        ("not a unit", "py-unit-not-dict", "mỗi đơn vị phải là một dict", "a unit must be a dict"),
        ({"id": ["x"], "values": {}}, "py-unit-text", "phải là văn bản", "must be text"),
        ({"id": "x", "values": [1]}, "py-unit-mapping", "phải là một dict gồm các cặp", "must be a mapping"),
        ({"id": "x", "values": {1.5: 1}}, "py-unit-names", "các tên trong mục", "the names in"),
        ({"id": "x", "values": {}, "not_applicable": "2"}, "py-unit-not-applicable", "danh sách mã tiêu chí", "list of criterion ids"),
        ({"id": "x", "values": {}, "not_applicable": [1.5]}, "py-unit-not-applicable-item", "chỉ được liệt kê", "must list criterion ids"),
    ]
    for unit, mid, vi_words, en_words in cases:
        vi = [e for e in rs.score(unit).errors if e["message_id"] == mid]
        en = [e for e in rs.score(unit, lang="en").errors if e["message_id"] == mid]
        assert vi and en, (unit, mid)
        assert vi[0]["code"] == en[0]["code"] == "invalid_unit"
        assert vi_words in vi[0]["message"], vi[0]
        assert en_words in en[0]["message"], en[0]


    rs = types_ruleset()
    with pytest.raises(TypeError, match="score_many nhận một danh sách"):
        rs.score_many("not a list")
    with pytest.raises(TypeError, match="score_many takes a list of unit dicts"):
        rs.score_many({"id": "a"}, lang="en")
    with pytest.raises(TypeError, match="not a `int`"):
        rs.score_many(5, lang="en")
    with pytest.raises(ValueError, match="định dạng số liệu `xlsx` không được hỗ trợ"):
        rs.score_text("", format="xlsx")
    with pytest.raises(ValueError, match="unknown data format `xlsx`"):
        rs.score_text("", format="xlsx", lang="en")
    with pytest.raises(TypeError, match="from_yaml nhận nội dung"):
        cchc.Ruleset.from_yaml(42)
    with pytest.raises(TypeError, match="from_yaml takes the rule file's text"):
        cchc.Ruleset.from_yaml(42, lang="en")
    with pytest.raises(TypeError, match="score_text nhận số liệu"):
        rs.score_text(3.5)
    b = rs.score_many([full_unit()])
    with pytest.raises(IndexError, match="nằm ngoài danh sách kết quả"):
        b[3]
    cchc.set_lang("en")
    with pytest.raises(IndexError, match=r"batch index 3 out of range \(the batch has 1 unit\)"):
        b[3]


# --- repr and HTML ----------------------------------------------------------------------------


def test_repr_in_both_languages():
    rs = types_ruleset()
    r = rs.score(full_unit(diem=Decimal("4.5")))  # 1 + 1 + 1 + 3.5 + 1 = 7.5 of 10
    assert r.total == Decimal("7.5")
    assert repr(r) == '<cchc.Result mã đơn vị: "a"; 7,5/10 điểm; chỉ số: 75; xếp loại: "dat"; đủ dữ liệu>'
    r_en = rs.score(full_unit(diem=Decimal("4.5")), lang="en")
    assert repr(r_en) == '<cchc.Result id="a" status=complete total=7.5 max=10 index=75 grade="dat">'
    assert "units=1 ranked=1" in repr(rs.score_many([full_unit()], lang="en"))
    assert repr(rs.score_many([full_unit()])) == "<cchc.Batch 1 đơn vị, 1 đơn vị được xếp hạng>"
    none = rs.score({"values": {}}, lang="en")
    assert 'id=None' in repr(none) and "grade=None" in repr(none)
    assert "mã đơn vị: không có" in repr(rs.score({"values": {}}))
    assert repr(rs) == (
        '<cchc.Ruleset mã: "test.python"; phiên bản: "1"; tên: "Kiểm thử Python <b>"; '
        "cơ quan ban hành: không có; dự thảo>"
    )
    assert (rs.status, rs.issued_by, rs.places) == ("draft", None, 2)
    cchc.set_lang("en")
    assert repr(rs) == (
        '<cchc.Ruleset id="test.python" version="1" title="Kiểm thử Python <b>" '
        "issued_by=None status=draft>"
    )
    shipped = cchc.Ruleset.load(str(ROOT / "rules/ha-noi/thach-that/xa-thi-tran/2021.yaml"), lang="vi")
    assert shipped.status == "illustrative"
    assert "minh họa, không phải kết quả chính thức" in repr(shipped)


def test_html_follows_the_language():
    rs = types_ruleset()
    r = rs.score(full_unit(so=None))
    vi = r._repr_html_()
    b = rs.score_many([full_unit("a"), full_unit("b", so=None)])
    bvi = b._repr_html_()
    cchc.set_lang("en")
    en = r._repr_html_()
    assert "<table>" in vi and "<table>" in en and vi != en
    assert "missing_input" in vi and "missing_input" in en
    assert b._repr_html_() != bvi


def test_dataframe_columns_are_the_same_in_every_language():
    pytest.importorskip("pandas")
    rs = types_ruleset()
    b = rs.score_many([full_unit("a"), full_unit("b", so=None)])
    vi = b.to_pandas()
    cchc.set_lang("en")
    en = b.to_pandas()
    assert list(vi.columns) == list(en.columns)
    assert list(vi["status"]) == list(en["status"]) == ["complete", "incomplete"]
