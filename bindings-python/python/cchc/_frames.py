"""Small pandas and tqdm helpers the engine calls (``Ruleset.template``, ``progress=True``).

They only build objects from what the engine describes: no scoring happens here.
"""

from __future__ import annotations

# The pandas dtype of each input type in a data-entry template (documented in README.md).
DTYPES = {
    "bool": "boolean",
    "count": "Int64",
    "percent": "Float64",
    "number": "Float64",
}


def template(inputs, meta):
    """An empty DataFrame: ``id``, ``name``, ``kind`` and one column per input, in order."""
    import pandas as pd

    from ._cchc import text

    columns = {
        "id": pd.Series([], dtype="string"),
        "name": pd.Series([], dtype="string"),
        "kind": pd.Series([], dtype="string"),
    }
    labels = {
        "id": text("py-template-id"),
        "name": text("py-template-name"),
        "kind": text("py-template-kind"),
    }
    descriptions = {}
    types = {}
    bounds = {}
    options = {}
    for name, info in inputs.items():
        ty = info["type"]
        if ty == "choice":
            dtype = pd.CategoricalDtype(categories=list(info.get("options") or []))
            options[name] = dict(info.get("option_labels") or {o: o for o in info.get("options") or []})
        else:
            dtype = DTYPES.get(ty, "object")
        columns[name] = pd.Series([], dtype=dtype)
        types[name] = ty
        if info.get("label"):
            labels[name] = info["label"]
        if info.get("description"):
            descriptions[name] = info["description"]
        if info.get("min") is not None or info.get("max") is not None:
            bounds[name] = (info.get("min"), info.get("max"))
    df = pd.DataFrame(columns)
    df.attrs.update(meta)
    df.attrs["types"] = types
    df.attrs["labels"] = labels
    df.attrs["descriptions"] = descriptions
    df.attrs["bounds"] = bounds
    df.attrs["options"] = options
    return df


def progress_bar(total, desc, missing):
    """A ``tqdm.auto`` bar (a widget in a notebook, text on a terminal); ``ImportError`` with
    ``missing`` (how to install it) when tqdm is not installed."""
    try:
        from tqdm.auto import tqdm
    except ImportError as e:
        raise ImportError(missing) from e
    return tqdm(total=total, desc=desc, unit="unit")
