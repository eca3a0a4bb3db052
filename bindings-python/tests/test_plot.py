"""cchc.plot with the Agg backend: the bars, their lengths and colours, the labels."""

from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import cchc  # noqa: E402
import cchc.plot  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "thach-that-2021" / "xa-thi-tran.csv"
RULES = ROOT / "rules" / "ha-noi" / "thach-that" / "xa-thi-tran" / "2021.yaml"


@pytest.fixture(scope="module")
def batch():
    rs = cchc.Ruleset.load(RULES)
    return rs.score_many(pd.read_csv(EXAMPLE, sep=";", decimal=","))


def teardown_function(_):
    plt.close("all")


def test_ranking(batch):
    ax = cchc.plot.ranking(batch)
    bars = ax.patches
    ranking = batch.ranking
    assert len(bars) == len(ranking) == 21
    assert [b.get_width() for b in bars] == [float(r["index"]) for r in ranking]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[0] == f'1. {ranking[0]["name"]}'
    assert ax.get_title() == "Xếp hạng Chỉ số CCHC"
    # One colour per grade; the legend names the rule file's grade labels.
    by_grade = {}
    for b, r in zip(bars, ranking):
        by_grade.setdefault(r["grade"], set()).add(b.get_facecolor())
    assert all(len(c) == 1 for c in by_grade.values())
    assert len({next(iter(c)) for c in by_grade.values()}) == len(by_grade)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "Xuất sắc" in legend


def test_ranking_english_and_top(batch):
    ax = cchc.plot.ranking(batch, lang="en", top=5)
    assert ax.get_title() == "CCHC index ranking"
    assert len(ax.patches) == len([r for r in batch.ranking if r["rank"] <= 5])


def test_profile(batch):
    r = batch[0]
    ax = cchc.plot.profile(r)
    areas = [c for c in r.criteria if c.get("kind", "normal") == "normal" and c.get("max")]
    assert len(ax.patches) == len(areas)
    for bar, c in zip(ax.patches, areas):
        assert bar.get_width() == pytest.approx(100 * float(c["points"]) / float(c["max"]))
    assert ax.get_title() == f"Điểm theo lĩnh vực: {r.name}"


def test_intervals():
    df = pd.DataFrame({"id": ["a", "b", "c"], "rank_median": [2, 1, 3],
                       "rank_p5": [1, 1, 2], "rank_p95": [3, 2, 3]})
    ax = cchc.plot.intervals(df)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["b", "a", "c"]
    assert ax.get_title() == cchc.text("py-plot-intervals-title")


def test_slope():
    df = pd.DataFrame({"id": ["a", "b", "c"], "index_a": [80.0, 70.0, None],
                       "index_b": [85.0, 65.0, 90.0]})
    ax = cchc.plot.slope(df, lang="en")
    assert len(ax.lines) == 2
    assert [t.get_text() for t in ax.get_xticklabels()] == ["Before", "After"]
    assert sorted(t.get_text() for t in ax.texts) == ["a", "b"]
