"""The engine's analyses as pandas DataFrames (issue #13).

The engine computes everything (``cchc::analysis``); these functions only lay its reports out
as tables:

>>> report = rs.sensitivity(batch, draws=1000, range=0.2, seed=1)   # a dict, exact Decimals
>>> cchc.analysis.sensitivity_frame(report)    # a row per unit: rank_median, rank_p5, rank_p95…
>>> cmp = cchc.compare(batch_2021, batch_2022)  # a DataFrame: a row per unit matched by id
>>> rs.improvements(unit)                       # what a unit must fix to reach the next grade
"""

from __future__ import annotations


def _grade_id(g):
    if isinstance(g, dict):
        return g.get("id")
    return g


def sensitivity_frame(report):
    """A row per analysed unit: ``id``, ``name``, ``kind``, ``index``, ``rank``, ``grade``,
    ``rank_median``, ``rank_p5``, ``rank_p95``, ``rank_width``, ``stable_rank``,
    ``stable_grade``, then ``rank_without:<area>`` for each area left out. Numbers stay exact
    (``Decimal``, ``int``); ``df.attrs["summary"]`` is the engine's summary text."""
    import pandas as pd

    rows = []
    for u in report["units"]:
        mc = u.get("monte_carlo") or {}
        row = {
            "id": u.get("id"), "name": u.get("name"), "kind": u.get("kind"),
            "index": u.get("index"), "rank": u.get("rank"), "grade": _grade_id(u.get("grade")),
            "rank_median": mc.get("median_rank"), "rank_p5": mc.get("rank_p5"),
            "rank_p95": mc.get("rank_p95"), "rank_width": mc.get("rank_width"),
            "stable_rank": u.get("stable_rank"), "stable_grade": u.get("stable_grade"),
        }
        for s in u.get("leave_one_out") or []:
            row[f'rank_without:{s["area"]}'] = s.get("rank")
        rows.append(row)
    df = pd.DataFrame(rows)
    df.attrs["summary"] = report.get("summary", {}).get("text")
    df.attrs["unstable_rank"] = report.get("summary", {}).get("unstable_rank")
    df.attrs["unstable_grade"] = report.get("summary", {}).get("unstable_grade")
    return df


def compare_frame(report):
    """A row per unit present in both batches: ``id``, ``name``, ``kind``, ``status_a``,
    ``status_b``, ``index_a``, ``index_b``, ``index_change``, ``rank_a``, ``rank_b``,
    ``rank_change``, ``grade_a``, ``grade_b``, ``grade_changed``, then ``change:<area>`` per
    area. ``df.attrs``: ``only_a``, ``only_b`` (ids in one batch only), ``summary``."""
    import pandas as pd

    rows = []
    for u in report["units"]:
        a, b = u.get("a") or {}, u.get("b") or {}
        row = {
            "id": u.get("id"), "name": u.get("name"), "kind": u.get("kind"),
            "status_a": a.get("status"), "status_b": b.get("status"),
            "index_a": a.get("index"), "index_b": b.get("index"),
            "index_change": u.get("index_change"),
            "rank_a": a.get("rank"), "rank_b": b.get("rank"), "rank_change": u.get("rank_change"),
            "grade_a": _grade_id(a.get("grade")), "grade_b": _grade_id(b.get("grade")),
            "grade_changed": u.get("grade_changed"),
        }
        for ar in u.get("areas") or []:
            row[f'change:{ar["id"]}'] = ar.get("change")
        rows.append(row)
    df = pd.DataFrame(rows)
    df.attrs["only_a"] = [o.get("id") for o in report.get("only_a") or []]
    df.attrs["only_b"] = [o.get("id") for o in report.get("only_b") or []]
    df.attrs["summary"] = report.get("text")
    return df
