#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets into fuzz/seeds/<target>/ from the repository's
own files: the `ruleset` and `units` (or `data`) parts of tests/conformance/*.yaml, the shipped
rule files rules/**/*.yaml and the example data in examples/. Needs PyYAML (the .venv of
scripts/test-python.sh has it):  .venv/bin/python fuzz/make_seeds.py
The seeds are committed; rerun this when conformance cases are added."""

import csv
import io
import json
import pathlib
import shutil
import sys

import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEEDS = ROOT / "fuzz" / "seeds"
TARGETS = ["ruleset", "units_json", "units_yaml", "units_csv"]


def plain(v):
    """YAML 1.1 dates and other non-JSON scalars as text."""
    if isinstance(v, dict):
        return {str(k): plain(x) for k, x in v.items()}
    if isinstance(v, list):
        return [plain(x) for x in v]
    if v is None or isinstance(v, (bool, int, float, str)):
        return v
    return str(v)


def units_csv(units):
    names = []
    for u in units:
        for k in (u.get("values") or {}):
            if k not in names:
                names.append(k)
    out = io.StringIO()
    w = csv.writer(out, delimiter=";", lineterminator="\n")
    w.writerow(["id", "name", "kind", *names])
    for u in units:
        vals = u.get("values") or {}
        row = [u.get("id", ""), u.get("name", ""), u.get("kind", "")]
        for n in names:
            v = vals.get(n)
            if v is None or isinstance(v, (list, dict)):
                row.append("")
            elif isinstance(v, bool):
                row.append("có" if v else "không")
            elif isinstance(v, float):
                row.append(repr(v).replace(".", ","))
            else:
                row.append(str(v))
        w.writerow(row)
    return out.getvalue()


def main():
    for t in TARGETS:
        shutil.rmtree(SEEDS / t, ignore_errors=True)
        (SEEDS / t).mkdir(parents=True)
    counts = dict.fromkeys(TARGETS, 0)

    def put(target, name, text):
        (SEEDS / target / name).write_text(text, encoding="utf-8")
        counts[target] += 1

    for case in sorted((ROOT / "tests" / "conformance").glob("*.yaml")):
        doc = yaml.safe_load(case.read_text(encoding="utf-8"))
        stem = case.stem
        if isinstance(doc.get("ruleset"), str):
            put("ruleset", f"{stem}.yaml", doc["ruleset"])
        if isinstance(doc.get("data"), str):
            fmt = doc.get("data_format", "json")
            target = {"json": "units_json", "yaml": "units_yaml", "csv": "units_csv"}.get(fmt)
            if target:
                put(target, f"{stem}.data.{fmt}", doc["data"])
        units = doc.get("units")
        if isinstance(units, list) and units:
            units = plain(units)
            put("units_json", f"{stem}.json", json.dumps({"units": units}, ensure_ascii=False, indent=1))
            put("units_yaml", f"{stem}.yaml", yaml.safe_dump({"units": units}, allow_unicode=True, sort_keys=False))
            put("units_csv", f"{stem}.csv", units_csv(units))

    for rules in sorted((ROOT / "rules").rglob("*.yaml")):
        name = "rules-" + "-".join(rules.relative_to(ROOT / "rules").with_suffix("").parts) + ".yaml"
        put("ruleset", name, rules.read_text(encoding="utf-8"))

    for data in sorted((ROOT / "examples").rglob("*")):
        target = {".json": "units_json", ".yaml": "units_yaml", ".yml": "units_yaml", ".csv": "units_csv"}.get(data.suffix)
        if target:
            name = "examples-" + "-".join(data.relative_to(ROOT / "examples").parts)
            put(target, name, data.read_text(encoding="utf-8"))

    for t in TARGETS:
        print(f"{t}: {counts[t]} seeds", file=sys.stderr)


if __name__ == "__main__":
    main()
