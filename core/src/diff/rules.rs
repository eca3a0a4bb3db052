//! A leaf's rule: its kind, then each parameter of that kind (band steps one by one, level
//! prices one by one).

use serde_json::{Map, Value};

use super::{Change, json, num, opt_num};
use crate::ruleset::model::{RuleDecl, StepDecl};
use crate::types::RuleKind;

/// The kind of a declared rule.
pub(super) fn kind(r: &RuleDecl) -> RuleKind {
    match r {
        RuleDecl::Check(_) => RuleKind::Check,
        RuleDecl::Bands(_) => RuleKind::Bands,
        RuleDecl::Scale(_) => RuleKind::Scale,
        RuleDecl::Deduct(_) => RuleKind::Deduct,
        RuleDecl::Per(_) => RuleKind::Per,
        RuleDecl::Levels(_) => RuleKind::Levels,
        RuleDecl::Value(_) => RuleKind::Value,
        RuleDecl::Script(_) => RuleKind::Script,
    }
}

/// A band step as a JSON object of its bounds and points.
pub(crate) fn step_json(s: &StepDecl) -> Value {
    let mut m = Map::new();
    let mut put = |k: &str, v: Option<rust_decimal::Decimal>| {
        if let Some(v) = v {
            m.insert(k.to_string(), num(v));
        }
    };
    put("at_least", s.at_least);
    put("above", s.above);
    put("at_most", s.at_most);
    put("below", s.below);
    put("equals", s.equals);
    put("points", Some(s.points));
    Value::Object(m)
}

pub(super) fn diff(id: &str, o: &RuleDecl, n: &RuleDecl, out: &mut Vec<Change>) {
    let rule = kind(n);
    if kind(o) != rule {
        out.push(Change::RuleKindChanged {
            criterion: id.to_string(),
            old: Some(kind(o)),
            new: Some(rule),
        });
        return;
    }
    let mut param = |parameter: String, old: Value, new: Value| {
        if old != new {
            out.push(Change::RuleChanged {
                criterion: id.to_string(),
                rule,
                parameter,
                old,
                new,
            });
        }
    };
    match (o, n) {
        (RuleDecl::Check(a), RuleDecl::Check(b)) | (RuleDecl::Value(a), RuleDecl::Value(b)) => {
            param("of".into(), json(a), json(b));
        }
        (RuleDecl::Bands(a), RuleDecl::Bands(b)) => {
            param("of".into(), json(&a.of), json(&b.of));
            for i in 0..a.steps.len().max(b.steps.len()) {
                let step = |s: &[StepDecl]| s.get(i).map_or(Value::Null, step_json);
                param(format!("steps.{}", i + 1), step(&a.steps), step(&b.steps));
            }
        }
        (RuleDecl::Scale(a), RuleDecl::Scale(b)) => {
            param("of".into(), json(&a.of), json(&b.of));
            param("from".into(), num(a.from), num(b.from));
            param("to".into(), num(a.to), num(b.to));
        }
        (RuleDecl::Deduct(a), RuleDecl::Deduct(b)) => {
            param("of".into(), json(&a.of), json(&b.of));
            param("per".into(), num(a.per), num(b.per));
            param("floor".into(), opt_num(a.floor), opt_num(b.floor));
        }
        (RuleDecl::Per(a), RuleDecl::Per(b)) => {
            param("of".into(), json(&a.of), json(&b.of));
            param("points".into(), num(a.points), num(b.points));
        }
        (RuleDecl::Levels(a), RuleDecl::Levels(b)) => {
            param("input".into(), json(&a.input), json(&b.input));
            let price = |l: &[(String, rust_decimal::Decimal)], opt: &str| {
                opt_num(l.iter().find(|(k, _)| k == opt).map(|(_, p)| *p))
            };
            let mut options: Vec<&str> = a.points.iter().map(|(k, _)| k.as_str()).collect();
            for (k, _) in &b.points {
                if !options.contains(&k.as_str()) {
                    options.push(k);
                }
            }
            for opt in options {
                param(
                    format!("points.{opt}"),
                    price(&a.points, opt),
                    price(&b.points, opt),
                );
            }
        }
        (RuleDecl::Script(a), RuleDecl::Script(b)) => {
            param("script".into(), json(a), json(b));
        }
        _ => {}
    }
}
