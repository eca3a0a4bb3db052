//! Inputs: added, removed, and each field of an input kept (its type first: a retyped input).

use serde_json::Value;

use super::{Change, field, json, opt_num};
use crate::ruleset::model::{InputDecl, RulesetDoc, Scalar};

fn default(d: &InputDecl) -> Value {
    match &d.default {
        Some(Scalar::Number(n)) => opt_num(Some(*n)),
        other => json(other),
    }
}

pub(super) fn diff(old: &RulesetDoc, new: &RulesetDoc, out: &mut Vec<Change>) {
    let find = |doc: &'_ RulesetDoc, name: &str| {
        doc.inputs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, d)| d.clone())
    };
    for (name, n) in &new.inputs {
        let Some(o) = find(old, name) else {
            out.push(Change::InputAdded {
                input: name.clone(),
                ty: n.ty,
            });
            continue;
        };
        let make = |field, old, new| Change::InputChanged {
            input: name.clone(),
            field,
            old,
            new,
        };
        field(out, "type", json(&o.ty), json(&n.ty), make);
        field(out, "min", opt_num(o.min), opt_num(n.min), make);
        field(out, "max", opt_num(o.max), opt_num(n.max), make);
        field(out, "options", json(&o.options), json(&n.options), make);
        field(out, "default", default(&o), default(n), make);
        field(
            out,
            "on_missing",
            json(&o.on_missing),
            json(&n.on_missing),
            make,
        );
        field(out, "label", json(&o.label), json(&n.label), make);
    }
    for (name, o) in &old.inputs {
        if find(new, name).is_none() {
            out.push(Change::InputRemoved {
                input: name.clone(),
                ty: o.ty,
            });
        }
    }
}
