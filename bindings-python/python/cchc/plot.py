"""Charts of results (``pip install cchc[plot]``: matplotlib).

Each function draws on ``ax`` (a new figure's axes when not given) and returns the matplotlib
``Axes``. Titles and axis labels are the engine's catalogue texts (``cchc.text``), in
Vietnamese by default and in English with ``lang="en"`` (else the module default,
``cchc.set_lang``). The figures drawn are those the engine computed; they are turned into
floats only to be drawn.

>>> import cchc.plot
>>> cchc.plot.ranking(batch)             # the ranking, a bar per unit, coloured by grade
>>> cchc.plot.profile(batch[0])          # one unit: % of each area's maximum
>>> cchc.plot.intervals(sensitivity_df)  # rank intervals from a sensitivity analysis
>>> cchc.plot.slope(compare_df)          # year over year, from a compare DataFrame
"""

from __future__ import annotations

from ._cchc import text

# Grade colours, best grade first (colour-blind-safe, from the Okabe–Ito palette).
GRADE_COLOURS = ["#009E73", "#56B4E9", "#E69F00", "#D55E00", "#CC79A7", "#0072B2", "#F0E442"]
NO_GRADE = "#999999"


def _axes(ax, size):
    if ax is not None:
        return ax
    try:
        import matplotlib.pyplot as plt
    except ImportError as e:  # pragma: no cover - the message says how to install it
        raise ImportError("cchc.plot needs matplotlib: pip install cchc[plot]") from e
    _, ax = plt.subplots(figsize=size)
    return ax


def _float(x):
    return float("nan") if x is None else float(x)


def ranking(batch, ax=None, *, lang=None, top=None):
    """A horizontal bar per ranked unit (best at the top), its length the index, coloured by
    its grade (legend: the grades' labels from the rule file, best first). ``top`` keeps the
    first ``top`` ranks."""
    rows = list(batch.ranking)
    if top is not None:
        rows = [r for r in rows if r["rank"] <= top]
    grades = {}      # grade id -> label, in the order they are met (best first in a ranking)
    by_id = {r.id: r for r in batch}
    for r in rows:
        res = by_id.get(r["id"])
        g = res.grade if res is not None else None
        if g is not None and g["id"] not in grades:
            grades[g["id"]] = g.get("label") or g["id"]
    colour = {g: GRADE_COLOURS[i % len(GRADE_COLOURS)] for i, g in enumerate(grades)}
    ax = _axes(ax, (8, max(2.5, 0.32 * len(rows) + 1)))
    labels = [f'{r["rank"]}. {r["name"] or r["id"]}' for r in rows]
    values = [_float(r["index"]) for r in rows]
    colours = [colour.get(r["grade"], NO_GRADE) for r in rows]
    ys = list(range(len(rows)))
    ax.barh(ys, values, color=colours)
    ax.set_yticks(ys, labels)
    ax.invert_yaxis()
    ax.set_title(text("py-plot-ranking-title", lang))
    ax.set_xlabel(text("py-plot-ranking-x", lang))
    ax.set_ylabel(text("py-plot-ranking-y", lang))
    from matplotlib.patches import Patch

    handles = [Patch(color=colour[g], label=label) for g, label in grades.items()]
    if any(r["grade"] is None for r in rows):
        handles.append(Patch(color=NO_GRADE, label=text("py-plot-no-grade", lang)))
    if handles:
        ax.legend(handles=handles, loc="lower right")
    return ax


def profile(result, ax=None, *, lang=None):
    """One unit's areas (the top-level criteria that have a maximum, bonus and penalty areas
    left out): points obtained as a percentage of each area's maximum."""
    areas = [
        c for c in result.criteria
        if c.get("kind", "normal") == "normal" and c.get("max") and c.get("status") != "not_applicable"
    ]
    ax = _axes(ax, (8, max(2.5, 0.45 * len(areas) + 1)))
    labels = [f'{c["id"]}. {c.get("title") or ""}'.strip() for c in areas]
    values = [100 * _float(c.get("points")) / _float(c["max"]) for c in areas]
    ys = list(range(len(areas)))
    ax.barh(ys, values, color=GRADE_COLOURS[5])
    ax.set_yticks(ys, labels)
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    unit = result.name or result.id or ""
    ax.set_title(text("py-plot-profile-title", lang, unit=unit))
    ax.set_xlabel(text("py-plot-profile-x", lang))
    return ax


def intervals(df, ax=None, *, lang=None, id="id", low="rank_p5", high="rank_p95",
              median="rank_median", label=None):
    """Rank intervals from a sensitivity analysis: a line from the 5 % to the 95 % rank of each
    unit and a dot at its median rank, best median at the top. ``df`` has a row per unit; the
    column names are keywords (``label``: the column of the names shown, default ``id``)."""
    d = df.sort_values(median, kind="stable")
    ax = _axes(ax, (8, max(2.5, 0.32 * len(d) + 1)))
    ys = list(range(len(d)))
    lo = [_float(x) for x in d[low]]
    hi = [_float(x) for x in d[high]]
    ax.hlines(ys, lo, hi, color=GRADE_COLOURS[5], linewidth=3)
    ax.plot([_float(x) for x in d[median]], ys, "o", color=GRADE_COLOURS[3],
            label=text("py-plot-intervals-median", lang))
    ax.set_yticks(ys, [str(x) for x in d[label or id]])
    ax.invert_yaxis()
    ax.set_title(text("py-plot-intervals-title", lang))
    ax.set_xlabel(text("py-plot-intervals-x", lang))
    ax.legend(loc="lower right")
    return ax


def slope(df, ax=None, *, lang=None, before="index_a", after="index_b", label="id"):
    """Year over year: a line per unit from its index in the earlier assessment (``before``
    column) to the later one (``after``), labelled on the right; units present in only one are
    left out."""
    d = df.dropna(subset=[before, after])
    ax = _axes(ax, (6, max(4, 0.28 * len(d) + 1)))
    for _, row in d.iterrows():
        a, b = _float(row[before]), _float(row[after])
        colour = GRADE_COLOURS[0] if b >= a else GRADE_COLOURS[3]
        ax.plot([0, 1], [a, b], "-o", color=colour)
        ax.annotate(str(row[label]), (1, b), xytext=(6, 0), textcoords="offset points",
                    va="center", fontsize=8)
    ax.set_xticks([0, 1], [text("py-plot-before", lang), text("py-plot-after", lang)])
    ax.set_xlim(-0.2, 1.5)
    ax.set_title(text("py-plot-slope-title", lang))
    ax.set_ylabel(text("py-plot-slope-y", lang))
    return ax
