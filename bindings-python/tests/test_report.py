"""The printable report from Python: the same HTML as `cchc report`, saved to a file, and
shown in Jupyter inside an iframe."""

import html
import subprocess

import pytest

import cchc

RULES = "cli/tests/fixtures/report-rules.yaml"
DATA = "cli/tests/fixtures/report-data.yaml"
DATE = "2026-12-01"


def _batch(root, **kw):
    rs = cchc.Ruleset.load(str(root / RULES))
    text = (root / DATA).read_text(encoding="utf-8")
    return rs.score_text(text, format="yaml", origin=DATA, **kw)


def _cli(root, *args):
    out = subprocess.run(
        ["cargo", "run", "-q", "-p", "cchc-cli", "--", *args],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode in (0, 1), out.stderr
    return out.stdout


def test_report_html_equals_the_cli(root):
    batch = _batch(root)
    text = batch.report_html(date=DATE)
    assert text.startswith("<!DOCTYPE html>")
    assert text.count('class="rank-row"') == 2
    assert text == _cli(root, "report", RULES, DATA, "--date", DATE)


def test_report_html_in_english_and_as_of_a_round(root):
    en = _batch(root).report_html("en", date=DATE)
    assert '<html lang="en">' in en
    assert en == _cli(root, "--lang", "en", "report", RULES, DATA, "--date", DATE)
    vi = _batch(root, round="tu_cham").report_html(date=DATE)
    assert "Kết quả theo vòng: Tự chấm điểm" in vi
    assert vi == _cli(root, "report", RULES, DATA, "--date", DATE, "--round", "tu_cham")


def test_save_report(root, tmp_path):
    batch = _batch(root)
    path = tmp_path / "bao-cao.html"
    batch.save_report(path, date=DATE)
    assert path.read_text(encoding="utf-8") == batch.report_html(date=DATE)
    with pytest.raises(OSError):
        batch.save_report(tmp_path / "no-such-dir" / "x.html", date=DATE)


def test_report_in_jupyter_is_an_iframe(root, tmp_path):
    report = _batch(root).report(date=DATE)
    shown = report._repr_html_()
    assert shown.startswith("<iframe srcdoc=")
    # The whole report is in the attribute, escaped: no <style> reaches the notebook.
    assert "<style>" not in shown
    start = shown.index('srcdoc="') + len('srcdoc="')
    inner = html.unescape(shown[start : shown.index('"', start)])
    assert inner == report.html
    report.save(tmp_path / "r.html")
    assert (tmp_path / "r.html").read_text(encoding="utf-8") == report.html


def test_default_date_is_today():
    import datetime

    rs = cchc.Ruleset.from_yaml(
        "format: cchc/1\nid: d\nversion: '1'\ntitle: T\ntotal: 1\ninputs:\n  kh: { type: bool }\n"
        "criteria:\n  - { id: '1', title: Kế hoạch, max: 1, rule: { check: kh } }\n"
    )
    before = datetime.datetime.now(datetime.timezone.utc).date().isoformat()
    text = rs.score_many([{"id": "a", "values": {"kh": True}}]).report_html()
    after = datetime.datetime.now(datetime.timezone.utc).date().isoformat()
    assert f"Ngày lập báo cáo: {before}" in text or f"Ngày lập báo cáo: {after}" in text


def test_bad_lang_raises(root):
    with pytest.raises(ValueError):
        _batch(root).report_html("fr")
