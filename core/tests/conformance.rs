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
use serde_json::Value as Json;
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

/// A JSON number (written exactly: `arbitrary_precision`) as a decimal.
fn json_dec(v: &Json) -> Option<Decimal> {
    let s = v.as_number()?.to_string();
    Decimal::from_str(&s)
        .or_else(|_| Decimal::from_scientific(&s))
        .ok()
        .map(|d| d.normalize())
}

/// The distinct codes of a JSON list of issues.
fn json_codes(v: Option<&Json>) -> BTreeSet<String> {
    v.and_then(Json::as_array)
        .into_iter()
        .flatten()
        .filter_map(|i| i.get("code").and_then(Json::as_str).map(str::to_string))
        .collect()
}

/// A YAML mapping key as text (`1.1` written unquoted is a number in YAML; `""` is the
/// implicit round).
fn key_text(k: &Value) -> String {
    match k {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => serde_yaml_ng::to_string(other)
            .unwrap_or_default()
            .trim()
            .to_string(),
    }
}

/// A YAML scalar as text, for texts compared exactly (notes, evidence, explanations).
fn yaml_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Null | Value::Sequence(_) | Value::Mapping(_) | Value::Tagged(_) => None,
        other => Some(key_text(other)),
    }
}

/// A YAML scalar as comparable text (numbers normalised).
fn yaml_scalar(v: &Value) -> String {
    match v {
        Value::Number(_) => show(dec(v)),
        Value::Bool(b) => b.to_string(),
        other => yaml_text(other).unwrap_or_else(|| "null".into()),
    }
}

/// A JSON scalar as comparable text (numbers normalised).
fn json_scalar(v: &Json) -> String {
    match v {
        Json::Number(_) => show(json_dec(v)),
        Json::Bool(b) => b.to_string(),
        Json::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// A case's parameter value as a caller gives it (a YAML bool, number or text).
fn raw_param(v: &Value) -> cchc::RawValue {
    match v {
        Value::Bool(b) => cchc::RawValue::Bool(*b),
        Value::Number(_) => dec(v).map_or(cchc::RawValue::Null, cchc::RawValue::Number),
        Value::Null => cchc::RawValue::Null,
        other => cchc::RawValue::Text(yaml_text(other).unwrap_or_default()),
    }
}

/// The keys of a JSON text's maps in written order (a `serde_json::Value` does not keep the
/// order, and the design fixes it). Numbers written exactly come through serde_json's private
/// one-key map; they are never looked into.
#[derive(Debug, Default)]
enum Shape {
    Map(Vec<(String, Shape)>),
    Seq(Vec<Shape>),
    Text(String),
    #[default]
    Other,
}

impl<'de> serde::Deserialize<'de> for Shape {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Shape;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("JSON")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut a: A) -> Result<Shape, A::Error> {
                let mut m = Vec::new();
                while let Some((k, v)) = a.next_entry::<String, Shape>()? {
                    m.push((k, v));
                }
                Ok(Shape::Map(m))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut a: A) -> Result<Shape, A::Error> {
                let mut v = Vec::new();
                while let Some(x) = a.next_element::<Shape>()? {
                    v.push(x);
                }
                Ok(Shape::Seq(v))
            }
            fn visit_str<E>(self, s: &str) -> Result<Shape, E> {
                Ok(Shape::Text(s.to_string()))
            }
            fn visit_string<E>(self, s: String) -> Result<Shape, E> {
                Ok(Shape::Text(s))
            }
            fn visit_bool<E>(self, _: bool) -> Result<Shape, E> {
                Ok(Shape::Other)
            }
            fn visit_i64<E>(self, _: i64) -> Result<Shape, E> {
                Ok(Shape::Other)
            }
            fn visit_u64<E>(self, _: u64) -> Result<Shape, E> {
                Ok(Shape::Other)
            }
            fn visit_f64<E>(self, _: f64) -> Result<Shape, E> {
                Ok(Shape::Other)
            }
            fn visit_unit<E>(self) -> Result<Shape, E> {
                Ok(Shape::Other)
            }
            fn visit_none<E>(self) -> Result<Shape, E> {
                Ok(Shape::Other)
            }
        }
        d.deserialize_any(V)
    }
}

impl Shape {
    fn get(&self, key: &str) -> Option<&Shape> {
        match self {
            Shape::Map(m) => m.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    fn keys(&self) -> Vec<&str> {
        match self {
            Shape::Map(m) => m.iter().map(|(k, _)| k.as_str()).collect(),
            _ => Vec::new(),
        }
    }

    fn items(&self) -> &[Shape] {
        match self {
            Shape::Seq(v) => v,
            _ => &[],
        }
    }

    fn text(&self) -> Option<&str> {
        match self {
            Shape::Text(t) => Some(t),
            _ => None,
        }
    }

    /// Every node of a `criteria` tree, in pre-order.
    fn nodes<'a>(&'a self, out: &mut Vec<&'a Shape>) {
        for n in self.items() {
            out.push(n);
            if let Some(c) = n.get("children") {
                c.nodes(out);
            }
        }
    }
}

/// The node with this id in a JSON `criteria` tree.
fn json_node<'a>(tree: Option<&'a Json>, id: &str) -> Option<&'a Json> {
    tree?.as_array()?.iter().find_map(|n| {
        if n.get("id").and_then(Json::as_str) == Some(id) {
            Some(n)
        } else {
            json_node(n.get("children"), id)
        }
    })
}

/// The order of a unit's keys and of a node's keys in the JSON (design of issue #11).
const UNIT_KEYS: &[&str] = &[
    "ruleset",
    "unit",
    "status",
    "total",
    "max",
    "index",
    "grade",
    "self_assessed",
    "delta",
    "round",
    "rounds",
    "criteria",
    "warnings",
    "errors",
];
const NODE_KEYS: &[&str] = &[
    "id",
    "title",
    "kind",
    "points",
    "max",
    "status",
    "trace",
    "why",
    "self_assessed",
    "delta",
    "rounds",
    "change",
    "notes",
    "evidence",
    "explanation",
    "children",
];
/// The keys a case may use (a key this runner does not know fails the case: never pass
/// vacuously).
const CASE_KEYS: &[&str] = &[
    "name",
    "spec",
    "ruleset",
    "units",
    "data",
    "data_format",
    "group_by_kind",
    "round",
    "parameters",
    "groups",
    "expect",
];
const EXPECT_KEYS: &[&str] = &[
    "load_errors",
    "units",
    "ranking",
    "round_error",
    "parameter_error",
];
const UNIT_FIELDS: &[&str] = &[
    "id",
    "status",
    "total",
    "max",
    "index",
    "grade",
    "self_assessed",
    "delta",
    "errors",
    "warnings",
    "nodes",
    "round",
    "rounds",
    "parameters",
];
const ROUND_FIELDS: &[&str] = &[
    "id", "label", "status", "total", "max", "index", "grade", "errors", "warnings",
];
const NODE_FIELDS: &[&str] = &[
    "points",
    "max",
    "status",
    "self_assessed",
    "delta",
    "rounds",
    "change",
    "notes",
    "evidence",
    "explanation",
];

/// The keys of a YAML mapping that are not in `known`.
fn unknown_keys(v: &Value, known: &[&str]) -> Vec<String> {
    v.as_mapping()
        .into_iter()
        .flatten()
        .map(|(k, _)| key_text(k))
        .filter(|k| !known.contains(&k.as_str()))
        .collect()
}

/// Every key of a case that this runner does not know.
fn unknown_case_keys(case: &Value) -> Vec<String> {
    let mut out = unknown_keys(case, CASE_KEYS);
    let Some(expect) = case.get("expect") else {
        return out;
    };
    out.extend(
        unknown_keys(expect, EXPECT_KEYS)
            .into_iter()
            .map(|k| format!("expect.{k}")),
    );
    for u in expect
        .get("units")
        .and_then(Value::as_sequence)
        .into_iter()
        .flatten()
    {
        out.extend(
            unknown_keys(u, UNIT_FIELDS)
                .into_iter()
                .map(|k| format!("unit.{k}")),
        );
        for r in u
            .get("rounds")
            .and_then(Value::as_sequence)
            .into_iter()
            .flatten()
        {
            out.extend(
                unknown_keys(r, ROUND_FIELDS)
                    .into_iter()
                    .map(|k| format!("unit.rounds[].{k}")),
            );
        }
        for (_, n) in u
            .get("nodes")
            .and_then(Value::as_mapping)
            .into_iter()
            .flatten()
        {
            out.extend(
                unknown_keys(n, NODE_FIELDS)
                    .into_iter()
                    .map(|k| format!("node.{k}")),
            );
        }
    }
    out
}

/// The fields of a node that a case checks through the JSON.
const NODE_JSON_FIELDS: &[&str] = &["rounds", "change", "notes", "evidence", "explanation"];

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

    fn fail(&mut self, unit: &str, field: &str, what: String) {
        self.errs
            .push(format!("{}: unit `{unit}`, {field}: {what}", self.file));
    }

    /// The known keys of a JSON map appear in the design's order.
    fn order(&mut self, unit: &str, field: &str, keys: &[&str], order: &[&str]) {
        let known: Vec<&str> = keys.iter().copied().filter(|k| order.contains(k)).collect();
        let mut sorted = known.clone();
        sorted.sort_by_key(|k| order.iter().position(|o| o == k));
        if known != sorted {
            self.fail(
                unit,
                field,
                format!("keys out of order: {known:?}, expected {sorted:?}"),
            );
        }
    }

    /// `null` expected: the key is absent. Otherwise the key is present.
    fn absent(&mut self, unit: &str, field: &str, expected: &Value, actual: Option<&Json>) -> bool {
        if expected.is_null() {
            if let Some(a) = actual {
                self.fail(unit, field, format!("expected no such key, got {a}"));
            }
            return true;
        }
        if actual.is_none() {
            self.fail(
                unit,
                field,
                format!("expected {expected:?}, the key is absent"),
            );
            return true;
        }
        false
    }

    /// A JSON number (or null) against an expected number (or null).
    fn json_num(&mut self, unit: &str, field: &str, expected: &Value, actual: Option<&Json>) {
        match actual {
            Some(Json::Null) | None => self.num(unit, field, expected, None),
            Some(a) => match json_dec(a) {
                Some(d) => self.num(unit, field, expected, Some(d)),
                None => self.fail(unit, field, format!("expected a number, got {a}")),
            },
        }
    }

    fn json_codes(&mut self, unit: &str, field: &str, expected: &Value, actual: Option<&Json>) {
        let got = json_codes(actual);
        if codes(expected) != got {
            self.fail(
                unit,
                field,
                format!("expected {:?}, got {got:?}", codes(expected)),
            );
        }
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
    check_unit_json(c, &uid, want, got);
}

/// The fields of issue #11, read from the result's JSON: the unit's `round` and `rounds`, each
/// node's `rounds`, `change`, `notes`, `evidence` and `explanation`; and the order of keys.
fn check_unit_json(c: &mut Check<'_>, uid: &str, want: &Value, got: &UnitResult) {
    let (json, shape) = match (
        serde_json::to_value(got),
        serde_json::to_string(got)
            .map_err(|e| e.to_string())
            .and_then(|t| serde_json::from_str::<Shape>(&t).map_err(|e| e.to_string())),
    ) {
        (Ok(j), Ok(s)) => (j, s),
        (Err(e), _) => return c.fail(uid, "JSON", e.to_string()),
        (_, Err(e)) => return c.fail(uid, "JSON", e),
    };
    c.order(uid, "unit keys", &shape.keys(), UNIT_KEYS);
    // The summary JSON (no `criteria`) keeps `round` and `rounds` as they are.
    match serde_json::to_value(got.json(cchc::JsonOptions::summary(cchc::Lang::Vi))) {
        Ok(summary) => {
            for k in ["round", "rounds"] {
                if summary.get(k) != json.get(k) {
                    c.fail(
                        uid,
                        k,
                        "differs between the summary JSON and the full JSON".into(),
                    );
                }
            }
        }
        Err(e) => c.fail(uid, "summary JSON", e.to_string()),
    }
    // Every node: keys in order; its `rounds` map names the unit's present rounds, in order.
    let round_ids: Option<Vec<&str>> = shape.get("rounds").map(|r| {
        r.items()
            .iter()
            .filter_map(|e| e.get("id").and_then(Shape::text))
            .collect()
    });
    let mut all = Vec::new();
    if let Some(tree) = shape.get("criteria") {
        tree.nodes(&mut all);
    }
    for n in all {
        let id = n.get("id").and_then(Shape::text).unwrap_or("?");
        c.order(uid, &format!("node {id} keys"), &n.keys(), NODE_KEYS);
        match (n.get("rounds"), &round_ids) {
            (Some(r), Some(ids)) if r.keys() != *ids => c.fail(
                uid,
                &format!("node {id} rounds"),
                format!("keys {:?}, expected the unit's rounds {ids:?}", r.keys()),
            ),
            (Some(_), None) => c.fail(
                uid,
                &format!("node {id} rounds"),
                "present, but the unit has no `rounds`".into(),
            ),
            (None, Some(_)) => c.fail(
                uid,
                &format!("node {id} rounds"),
                "absent, but the unit has `rounds`".into(),
            ),
            _ => {}
        }
    }
    // `ruleset.parameters`: the values used (null: the key is absent).
    if let Some(v) = want.get("parameters") {
        let got = json.get("ruleset").and_then(|r| r.get("parameters"));
        if !c.absent(uid, "parameters", v, got) {
            let e: std::collections::BTreeMap<String, String> = v
                .as_mapping()
                .into_iter()
                .flatten()
                .map(|(k, x)| (key_text(k), yaml_scalar(x)))
                .collect();
            let a: std::collections::BTreeMap<String, String> = got
                .and_then(Json::as_object)
                .into_iter()
                .flatten()
                .map(|(k, x)| (k.clone(), json_scalar(x)))
                .collect();
            c.eq(uid, "parameters", format!("{e:?}"), format!("{a:?}"));
        }
    }
    if let Some(v) = want.get("round") {
        if !c.absent(uid, "round", v, json.get("round")) {
            c.eq(
                uid,
                "round",
                format!("{:?}", v.as_str()),
                format!("{:?}", json.get("round").and_then(Json::as_str)),
            );
        }
    }
    if let Some(v) = want.get("rounds") {
        if !c.absent(uid, "rounds", v, json.get("rounds")) {
            let exp = v.as_sequence().map(Vec::as_slice).unwrap_or_default();
            let act = json
                .get("rounds")
                .and_then(Json::as_array)
                .map(Vec::as_slice)
                .unwrap_or_default();
            if exp.len() != act.len() {
                let ids: Vec<&str> = act
                    .iter()
                    .filter_map(|r| r.get("id").and_then(Json::as_str))
                    .collect();
                c.fail(
                    uid,
                    "rounds",
                    format!("expected {} rounds, got {} {ids:?}", exp.len(), act.len()),
                );
            }
            for (i, (e, a)) in exp.iter().zip(act).enumerate() {
                let f = |k: &str| format!("rounds[{i}].{k}");
                for k in ["id", "label", "status"] {
                    if let Some(t) = e.get(k) {
                        c.eq(
                            uid,
                            &f(k),
                            format!("{:?}", t.as_str()),
                            format!("{:?}", a.get(k).and_then(Json::as_str)),
                        );
                    }
                }
                for k in ["total", "max", "index"] {
                    if let Some(t) = e.get(k) {
                        c.json_num(uid, &f(k), t, a.get(k));
                    }
                }
                if let Some(t) = e.get("grade") {
                    c.eq(
                        uid,
                        &f("grade"),
                        t.as_str().unwrap_or("null").to_string(),
                        a.get("grade")
                            .and_then(|g| g.get("id"))
                            .and_then(Json::as_str)
                            .unwrap_or("null")
                            .to_string(),
                    );
                }
                for k in ["errors", "warnings"] {
                    if let Some(t) = e.get(k) {
                        c.json_codes(uid, &f(k), t, a.get(k));
                    }
                }
            }
        }
    }
    let Some(nodes) = want.get("nodes").and_then(Value::as_mapping) else {
        return;
    };
    for (id, exp) in nodes {
        if !NODE_JSON_FIELDS.iter().any(|k| exp.get(*k).is_some()) {
            continue;
        }
        let id = key_text(id);
        let Some(node) = json_node(json.get("criteria"), &id) else {
            c.fail(uid, &format!("node {id}"), "not in the JSON".into());
            continue;
        };
        let f = |k: &str| format!("node {id} {k}");
        if let Some(v) = exp.get("rounds") {
            if !c.absent(uid, &f("rounds"), v, node.get("rounds")) {
                let e: Vec<(String, String)> = v
                    .as_mapping()
                    .into_iter()
                    .flatten()
                    .map(|(k, n)| (key_text(k), show(dec(n))))
                    .collect::<std::collections::BTreeMap<_, _>>()
                    .into_iter()
                    .collect();
                let a: Vec<(String, String)> = node
                    .get("rounds")
                    .and_then(Json::as_object)
                    .into_iter()
                    .flatten()
                    .map(|(k, n)| (k.clone(), show(json_dec(n))))
                    .collect::<std::collections::BTreeMap<_, _>>()
                    .into_iter()
                    .collect();
                c.eq(uid, &f("rounds"), format!("{e:?}"), format!("{a:?}"));
            }
        }
        if let Some(v) = exp.get("change") {
            if !c.absent(uid, &f("change"), v, node.get("change")) {
                c.json_num(uid, &f("change"), v, node.get("change"));
            }
        }
        if let Some(v) = exp.get("notes") {
            if !c.absent(uid, &f("notes"), v, node.get("notes")) {
                let e: std::collections::BTreeMap<String, Option<String>> = v
                    .as_mapping()
                    .into_iter()
                    .flatten()
                    .map(|(k, t)| (key_text(k), yaml_text(t)))
                    .collect();
                let a: std::collections::BTreeMap<String, Option<String>> = node
                    .get("notes")
                    .and_then(Json::as_object)
                    .into_iter()
                    .flatten()
                    .map(|(k, t)| (k.clone(), t.as_str().map(str::to_string)))
                    .collect();
                c.eq(uid, &f("notes"), format!("{e:?}"), format!("{a:?}"));
            }
        }
        if let Some(v) = exp.get("evidence") {
            if !c.absent(uid, &f("evidence"), v, node.get("evidence")) {
                let e: Vec<Option<String>> = v
                    .as_sequence()
                    .into_iter()
                    .flatten()
                    .map(yaml_text)
                    .collect();
                let a: Vec<Option<String>> = node
                    .get("evidence")
                    .and_then(Json::as_array)
                    .into_iter()
                    .flatten()
                    .map(|t| t.as_str().map(str::to_string))
                    .collect();
                c.eq(uid, &f("evidence"), format!("{e:?}"), format!("{a:?}"));
            }
        }
        if let Some(v) = exp.get("explanation") {
            if !c.absent(uid, &f("explanation"), v, node.get("explanation")) {
                c.eq(
                    uid,
                    &f("explanation"),
                    format!("{:?}", yaml_text(v)),
                    format!("{:?}", node.get("explanation").and_then(Json::as_str)),
                );
            }
        }
    }
}

/// The batch scored without trees (`BatchOptions::trees(false)`, issue #10) has the full
/// batch's ranking and summaries, no `criteria` until `restore_tree`, and then the full
/// batch's JSON, result by result.
fn lean_batch_agrees(
    c: &mut Check<'_>,
    rs: &Ruleset,
    units: &[cchc::Unit],
    full: &cchc::BatchResult,
    opts: BatchOptions,
) {
    let json = |r: &UnitResult, o: cchc::JsonOptions| serde_json::to_value(r.json(o)).ok();
    let lean = rs.score_batch_with(units, &opts.trees(false), &mut |_| {});
    if lean.ranking != full.ranking {
        c.errs
            .push(format!("{}: without trees, another ranking", c.file));
    }
    for ((mut l, f), u) in lean.results.into_iter().zip(&full.results).zip(units) {
        let id = f.unit.id.clone().unwrap_or_default();
        let summary = cchc::JsonOptions::summary(cchc::Lang::Vi);
        if l.has_tree() || !l.nodes.is_empty() {
            c.errs.push(format!(
                "{}: {id}: a tree kept in a batch without trees",
                c.file
            ));
        }
        if json(&l, summary) != json(f, summary) {
            c.errs
                .push(format!("{}: {id}: without trees, another summary", c.file));
        }
        let whole = cchc::JsonOptions::new(cchc::Lang::Vi);
        if json(&l, whole).is_some_and(|j| j.get("criteria").is_some()) {
            c.errs.push(format!(
                "{}: {id}: `criteria` written without a tree",
                c.file
            ));
        }
        l.restore_tree(u);
        if !l.has_tree() || json(&l, whole) != json(f, whole) {
            c.errs.push(format!(
                "{}: {id}: the restored tree is not the batch's",
                c.file
            ));
        }
    }
}

/// The direct JSON writer (`ResultJson::to_text`) writes serde's bytes for every result, in
/// every shape and language.
fn json_text_agrees(c: &mut Check<'_>, batch: &cchc::BatchResult) {
    use cchc::{JsonOptions, Lang};
    for r in &batch.results {
        for o in [
            JsonOptions::new(Lang::Vi),
            JsonOptions::new(Lang::En),
            JsonOptions::new(Lang::Vi).trace(false),
            JsonOptions::new(Lang::En).why(false),
            JsonOptions::summary(Lang::Vi),
            JsonOptions::new(Lang::Vi).ruleset(false),
        ] {
            let direct = r.json(o).to_text().ok();
            if direct.is_none() || direct != serde_json::to_string(&r.json(o)).ok() {
                c.errs.push(format!(
                    "{}: {}: the direct JSON writer differs from serde's ({o:?})",
                    c.file,
                    r.unit.id.as_deref().unwrap_or("?")
                ));
            }
        }
    }
    for o in [JsonOptions::new(Lang::Vi), JsonOptions::summary(Lang::En)] {
        let direct = batch.json(o).to_text().ok();
        if direct.is_none() || direct != serde_json::to_string(&batch.json(o)).ok() {
            c.errs.push(format!(
                "{}: the batch's direct JSON differs from serde's ({o:?})",
                c.file
            ));
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
    let unknown = unknown_case_keys(&case);
    if !unknown.is_empty() {
        return Err(format!("{file}: keys this runner does not know: {unknown:?}").into());
    }
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
    // Parameters set for the batch (CLI --set, Python params=, JavaScript { params }): a name
    // or value refused is an error before anything is scored.
    let params: cchc::Parameters = case
        .get("parameters")
        .and_then(Value::as_mapping)
        .into_iter()
        .flatten()
        .map(|(k, v)| (key_text(k), raw_param(v)))
        .collect();
    let rs = match (rs.with_parameters(&params), expect.get("parameter_error")) {
        (Ok(rs), None) => rs,
        (Ok(_), Some(want)) => {
            return Err(format!("{file}: expected the parameter error {want:?}, got none").into());
        }
        (Err(e), want) => {
            let got: BTreeSet<String> = e
                .diagnostics()
                .iter()
                .map(|d| d.code.as_str().to_string())
                .collect();
            let want: BTreeSet<String> = want.map(codes).unwrap_or_default();
            return if got == want && !want.is_empty() {
                Ok(())
            } else {
                Err(format!("{file}: parameter errors: expected {want:?}, got {got:?}").into())
            };
        }
    };
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
    // As of a round: an id the ruleset does not declare is refused before anything is scored
    // (the CLI exits 2, Python raises, JavaScript throws, all with code `unknown_round`).
    let as_of = match case.get("round") {
        None => None,
        Some(r) => {
            let id = r
                .as_str()
                .map(str::to_string)
                .unwrap_or_else(|| key_text(r));
            let found = rs.round_index(&id);
            if let Some(want) = expect.get("round_error") {
                let want = want.as_str().unwrap_or("?");
                return match (found, want) {
                    (None, "unknown_round") => Ok(()),
                    (None, _) => Err(format!(
                        "{file}: as of `{id}`: expected the error {want}, got unknown_round"
                    )
                    .into()),
                    (Some(i), _) => Err(format!(
                        "{file}: as of `{id}`: expected the error {want}, but the ruleset declares it (round {i})"
                    )
                    .into()),
                };
            }
            Some(found.ok_or(format!(
                "{file}: as of `{id}`: the ruleset declares no such round"
            ))?)
        }
    };
    if expect.get("round_error").is_some() && as_of.is_none() {
        return Err(format!("{file}: `round_error` without a case-level `round`").into());
    }
    // Case-level `groups`: the ruleset's ranking groups (default), `kind` or `none`.
    let groups = match case.get("groups").and_then(Value::as_str) {
        None => cchc::Groups::Ruleset,
        Some(w) => cchc::Groups::parse(w).ok_or(format!("{file}: bad groups {w:?}"))?,
    };
    let batch = rs.score_batch_with(
        &units,
        &BatchOptions::grouped(grouped).groups(groups).as_of(as_of),
        &mut |_| {},
    );
    let mut c = Check {
        file: &file,
        errs: Vec::new(),
    };
    let opts = BatchOptions::grouped(grouped).groups(groups).as_of(as_of);
    lean_batch_agrees(&mut c, &rs, &units, &batch, opts);
    json_text_agrees(&mut c, &batch);
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
        // `group` is compared when the case gives it for any entry.
        let with_group = want.iter().any(|e| e.get("group").is_some());
        let got: Vec<String> = batch
            .ranking
            .iter()
            .filter_map(|e| {
                let r = batch.results.get(e.position)?;
                let id = r.unit.id.as_deref().unwrap_or("?");
                let group = e.group.map(|g| r.ranking_group(g, cchc::Lang::Vi).0);
                Some(if with_group {
                    format!("{id}#{}@{}", e.rank, group.unwrap_or("null"))
                } else {
                    format!("{id}#{}", e.rank)
                })
            })
            .collect();
        let exp: Vec<String> = want
            .iter()
            .map(|e| {
                let id = e.get("id").and_then(Value::as_str).unwrap_or("?");
                let rank = e.get("rank").and_then(Value::as_u64).unwrap_or(0);
                if with_group {
                    let g = e.get("group").and_then(Value::as_str).unwrap_or("null");
                    format!("{id}#{rank}@{g}")
                } else {
                    format!("{id}#{rank}")
                }
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
