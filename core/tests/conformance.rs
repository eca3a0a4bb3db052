//! Runs every case in `tests/conformance/` (one test per file) against the engine.
#![allow(
    clippy::expect_used,
    reason = "Test helpers outside `#[test]` functions: a failed unwrap or a panic here is a failing test."
)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use cchc::{BatchOptions, DataFormat, Decimal, Ruleset, UnitResult};
use libtest_mimic::{Arguments, Failed, Trial};
use serde_yaml_ng::Value;

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/conformance")
}

fn dec(v: &Value) -> Option<Decimal> {
    match v {
        Value::Number(n) => {
            let s = n.to_string();
            Decimal::from_str(&s)
                .or_else(|_| Decimal::from_scientific(&s))
                .ok()
                .map(|d| d.normalize())
        }
        _ => None,
    }
}

fn show(d: Option<Decimal>) -> String {
    d.map(|d| d.normalize().to_string())
        .unwrap_or_else(|| "null".into())
}

fn codes(v: &Value) -> BTreeSet<String> {
    v.as_sequence()
        .into_iter()
        .flatten()
        .filter_map(|c| c.as_str().map(str::to_string))
        .collect()
}

struct Check<'a> {
    file: &'a str,
    errs: Vec<String>,
}

impl Check<'_> {
    fn eq(&mut self, unit: &str, field: &str, expected: String, actual: String) {
        if expected != actual {
            self.errs.push(format!(
                "{}: unit `{unit}`, {field}: expected {expected}, got {actual}",
                self.file
            ));
        }
    }

    fn num(&mut self, unit: &str, field: &str, expected: &Value, actual: Option<Decimal>) {
        let e = if expected.is_null() {
            None
        } else {
            dec(expected)
        };
        if !expected.is_null() && e.is_none() {
            self.errs.push(format!(
                "{}: unit `{unit}`, {field}: the expected value {expected:?} is not a number",
                self.file
            ));
            return;
        }
        self.eq(unit, field, show(e), show(actual));
    }
}

fn check_unit(c: &mut Check<'_>, want: &Value, got: &UnitResult) {
    let uid = got.unit.id.clone().unwrap_or_else(|| "(no id)".into());
    if let Some(id) = want.get("id") {
        let id = id
            .as_str()
            .map(str::to_string)
            .or_else(|| (!id.is_null()).then(|| format!("{id:?}")));
        c.eq(&uid, "id", format!("{id:?}"), format!("{:?}", got.unit.id));
    }
    if let Some(s) = want.get("status").and_then(Value::as_str) {
        c.eq(&uid, "status", s.into(), got.status.as_str().into());
    }
    if let Some(v) = want.get("total") {
        c.num(&uid, "total", v, Some(got.total));
    }
    if let Some(v) = want.get("max") {
        c.num(&uid, "max", v, Some(got.max));
    }
    if let Some(v) = want.get("index") {
        c.num(&uid, "index", v, got.index);
    }
    if let Some(v) = want.get("self_assessed") {
        c.num(&uid, "self_assessed", v, got.self_assessed);
    }
    if let Some(v) = want.get("delta") {
        c.num(&uid, "delta", v, got.delta());
    }
    if let Some(v) = want.get("grade") {
        let e = v.as_str().unwrap_or("null").to_string();
        c.eq(
            &uid,
            "grade",
            e,
            got.grade()
                .map(|g| g.id.to_string())
                .unwrap_or_else(|| "null".into()),
        );
    }
    for (field, list) in [("errors", &got.errors), ("warnings", &got.warnings)] {
        if let Some(v) = want.get(field) {
            let actual: BTreeSet<String> =
                list.iter().map(|i| i.code.as_str().to_string()).collect();
            let msgs: Vec<String> = list
                .iter()
                .map(|i| i.message.render(cchc::Lang::En))
                .collect();
            if codes(v) != actual {
                c.errs.push(format!(
                    "{}: unit `{uid}`, {field}: expected {:?}, got {:?} ({msgs:?})",
                    c.file,
                    codes(v),
                    actual
                ));
            }
        }
    }
    if let Some(nodes) = want.get("nodes").and_then(Value::as_mapping) {
        for (id, exp) in nodes {
            let id = match id {
                Value::String(s) => s.clone(),
                other => serde_yaml_ng::to_string(other)
                    .unwrap_or_default()
                    .trim()
                    .to_string(),
            };
            let Some(n) = got.node(&id) else {
                c.errs.push(format!(
                    "{}: unit `{uid}`: no node `{id}` in the result",
                    c.file
                ));
                continue;
            };
            if let Some(v) = exp.get("points") {
                c.num(&uid, &format!("node {id} points"), v, Some(n.points));
            }
            if let Some(v) = exp.get("max") {
                c.num(&uid, &format!("node {id} max"), v, Some(n.max));
            }
            if let Some(s) = exp.get("status").and_then(Value::as_str) {
                c.eq(
                    &uid,
                    &format!("node {id} status"),
                    s.into(),
                    n.status.as_str().into(),
                );
            }
            if let Some(v) = exp.get("self_assessed") {
                c.num(
                    &uid,
                    &format!("node {id} self_assessed"),
                    v,
                    n.self_assessed,
                );
            }
            if let Some(v) = exp.get("delta") {
                c.num(
                    &uid,
                    &format!("node {id} delta"),
                    v,
                    n.self_assessed.map(|s| n.points - s),
                );
            }
        }
    }
}

fn run_case(path: &Path) -> Result<(), Failed> {
    let file = path
        .file_name()
        .and_then(|f| f.to_str())
        .unwrap_or("?")
        .to_string();
    let text = std::fs::read_to_string(path).map_err(|e| format!("{file}: {e}"))?;
    let case: Value =
        serde_yaml_ng::from_str(&text).map_err(|e| format!("{file}: not YAML: {e}"))?;
    let rules = case
        .get("ruleset")
        .and_then(Value::as_str)
        .ok_or(format!("{file}: no `ruleset: |`"))?;
    let expect = case.get("expect").ok_or(format!("{file}: no `expect`"))?;
    let loaded = Ruleset::from_yaml_str(rules, &file);
    if let Some(want) = expect.get("load_errors") {
        return match loaded {
            Ok(_) => Err(format!(
                "{file}: the ruleset loaded, but these errors were expected: {:?}",
                codes(want)
            )
            .into()),
            Err(e) => {
                let got: BTreeSet<String> = e
                    .diagnostics()
                    .iter()
                    .map(|d| d.code.as_str().to_string())
                    .collect();
                for d in e.diagnostics() {
                    if d.line == 0 || d.message.render(cchc::Lang::Vi).is_empty() {
                        return Err(format!(
                            "{file}: diagnostic without position or message: {d:?}"
                        )
                        .into());
                    }
                }
                if got == codes(want) {
                    Ok(())
                } else {
                    let all: Vec<String> = e.diagnostics().iter().map(|d| d.to_string()).collect();
                    Err(format!(
                        "{file}: load errors: expected {:?}, got {got:?}\n{}",
                        codes(want),
                        all.join("\n")
                    )
                    .into())
                }
            }
        };
    }
    let rs = loaded.map_err(|e| {
        let all: Vec<String> = e.diagnostics().iter().map(|d| d.to_string()).collect();
        format!("{file}: the ruleset does not load:\n{}", all.join("\n"))
    })?;
    let units = if let Some(data) = case.get("data").and_then(Value::as_str) {
        let fmt = case
            .get("data_format")
            .and_then(Value::as_str)
            .and_then(DataFormat::parse)
            .ok_or(format!("{file}: bad data_format"))?;
        cchc::read_units(data, fmt, &file).map_err(|e| format!("{file}: data: {e}"))?
    } else {
        let units = case
            .get("units")
            .ok_or(format!("{file}: no `units` or `data`"))?;
        let json = serde_json::to_string(units).map_err(|e| format!("{file}: {e}"))?;
        cchc::read_units(&json, DataFormat::Json, &file)
            .map_err(|e| format!("{file}: units: {e}"))?
    };
    let grouped = case
        .get("group_by_kind")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let batch = rs.score_batch_with(&units, &BatchOptions::grouped(grouped), &mut |_| {});
    let mut c = Check {
        file: &file,
        errs: Vec::new(),
    };
    if let Some(want) = expect.get("units").and_then(Value::as_sequence) {
        if want.len() != batch.results.len() {
            c.errs.push(format!(
                "{file}: expected {} units, got {}",
                want.len(),
                batch.results.len()
            ));
        }
        for (w, g) in want.iter().zip(&batch.results) {
            check_unit(&mut c, w, g);
        }
    }
    if let Some(want) = expect.get("ranking").and_then(Value::as_sequence) {
        let got: Vec<String> = batch
            .ranked()
            .map(|(rank, r)| format!("{}#{rank}", r.unit.id.as_deref().unwrap_or("?")))
            .collect();
        let exp: Vec<String> = want
            .iter()
            .map(|e| {
                let id = e.get("id").and_then(Value::as_str).unwrap_or("?");
                let rank = e.get("rank").and_then(Value::as_u64).unwrap_or(0);
                format!("{id}#{rank}")
            })
            .collect();
        if got != exp {
            c.errs
                .push(format!("{file}: ranking: expected {exp:?}, got {got:?}"));
        }
    }
    if c.errs.is_empty() {
        Ok(())
    } else {
        Err(c.errs.join("\n").into())
    }
}

fn main() {
    let args = Arguments::from_args();
    let mut files: Vec<PathBuf> = std::fs::read_dir(cases_dir())
        .expect("tests/conformance exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    files.sort();
    assert!(
        !files.is_empty(),
        "no conformance cases found in tests/conformance"
    );
    let trials = files
        .into_iter()
        .map(|p| {
            let name = p
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or("?")
                .to_string();
            Trial::test(name, move || run_case(&p))
        })
        .collect();
    libtest_mimic::run(&args, trials).exit();
}
