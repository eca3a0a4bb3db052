"""The analyst's toolkit (issue #13): the data-entry template, pickling, progress, cchc.text."""

import copy
import pickle
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest

import cchc
from helpers import TYPES, full_unit, types_ruleset

ROOT = Path(__file__).resolve().parents[2]
RULES = ROOT / "rules" / "ha-noi" / "thach-that" / "xa-thi-tran" / "2021.yaml"


def test_template_columns_dtypes_and_attrs():
    rs = types_ruleset()
    df = rs.template()
    assert len(df) == 0
    assert list(df.columns) == ["id", "name", "kind", "co", "so", "tl", "diem", "bc", "thuong"]
    assert str(df["co"].dtype) == "boolean"
    assert str(df["so"].dtype) == "Int64" and str(df["thuong"].dtype) == "Int64"
    assert str(df["tl"].dtype) == "Float64" and str(df["diem"].dtype) == "Float64"
    assert isinstance(df["bc"].dtype, pd.CategoricalDtype)
    assert list(df["bc"].dtype.categories) == ["dung_han", "cham"]
    assert df.attrs["ruleset"] == "test.python" and df.attrs["fingerprint"] == rs.fingerprint
    assert df.attrs["labels"]["co"] == "Có kế hoạch"
    assert df.attrs["labels"]["id"] == cchc.text("py-template-id")
    assert df.attrs["types"]["bc"] == "choice"
    assert df.attrs["bounds"]["diem"] == (Decimal(1), Decimal(5))


def test_template_filled_in_scores():
    rs = types_ruleset()
    df = rs.template()
    df.loc[0] = ["a", "Xã A", "xa", True, 4, 50, 5, "cham", 0]
    df.loc[1] = ["b", "Xã B", "xa", None, 2, None, 3, "dung_han", None]
    b = rs.score_many(df)
    assert b[0].status == "complete" and b[0].total == Decimal(8), b[0].errors
    assert b[1].status == "incomplete"


def test_template_in_declaration_order():
    rs = cchc.Ruleset.load(RULES)
    assert list(rs.template().columns)[3:] == list(rs.inputs)


def test_pickle_round_trip():
    rs = cchc.Ruleset.load(RULES, lang="en")
    again = pickle.loads(pickle.dumps(rs))
    assert again.fingerprint == rs.fingerprint and again.id == rs.id and again.lang == "en"
    units = [full_unit("a")]
    t = types_ruleset()
    t2 = pickle.loads(pickle.dumps(t))
    assert t2.score(units[0]).to_json() == t.score(units[0]).to_json()
    assert copy.deepcopy(t) is t


def test_pickle_from_bytes():
    rs = cchc.Ruleset.from_yaml(TYPES.encode("utf-8"), origin="bytes.yaml")
    again = pickle.loads(pickle.dumps(rs))
    assert again.fingerprint == rs.fingerprint


def test_unpickling_checks_the_fingerprint():
    rs = types_ruleset()
    _fn, (source, origin, lang, fingerprint) = rs.__reduce__()
    assert source == TYPES.encode("utf-8") and origin == "types.yaml"
    with pytest.raises(cchc.CchcError) as e:
        cchc._cchc._unpickle_ruleset(source, origin, lang, "sha256:" + "0" * 64)
    assert e.value.code == "fingerprint_mismatch"
    assert "sha256:" in str(e.value)
    # A changed meaning (another maximum) is also a mismatch, not a silent other ruleset.
    changed = source.replace(b"max: 2, rule: { levels", b"max: 3, rule: { levels").replace(b"total: 10", b"total: 11")
    with pytest.raises(cchc.CchcError):
        cchc._cchc._unpickle_ruleset(changed, origin, lang, fingerprint)


class Bar:
    def __init__(self):
        self.n = 0
        self.closed = False

    def update(self, k):
        self.n += k

    def close(self):
        self.closed = True


def test_progress_object_counts_every_unit():
    rs = types_ruleset()
    bar = Bar()
    units = [full_unit(str(i)) for i in range(10000)]
    b = rs.score_many(units, progress=bar)
    assert len(b) == 10000 and bar.n == 10000
    assert not bar.closed   # a bar given is the caller's to close


def test_progress_true_uses_tqdm(capsys):
    pytest.importorskip("tqdm", reason="tqdm is not installed (bindings-python/requirements-test.txt)")
    rs = types_ruleset()
    b = rs.score_many([full_unit(str(i)) for i in range(5000)], progress=True)
    assert len(b) == 5000
    err = capsys.readouterr().err
    assert "5000/5000" in err and "Chấm điểm" in err


def test_progress_without_tqdm(monkeypatch):
    import builtins

    real = builtins.__import__

    def no_tqdm(name, *a, **k):
        if name.startswith("tqdm"):
            raise ImportError("no tqdm")
        return real(name, *a, **k)

    monkeypatch.setattr(builtins, "__import__", no_tqdm)
    rs = types_ruleset()
    with pytest.raises(ImportError, match=r"cchc\[progress\]"):
        rs.score_many([full_unit("a")], progress=True)
    assert len(rs.score_many([full_unit("a")], progress=False)) == 1


def test_text_accessor():
    assert cchc.text("py-plot-ranking-title") == "Xếp hạng Chỉ số CCHC"
    assert cchc.text("py-plot-ranking-title", "en") == "CCHC index ranking"
    assert cchc.text("py-plot-profile-title", "en", unit="Xã A") == "Points by area: Xã A"
    with pytest.raises(KeyError):
        cchc.text("unit-not-a-number")
