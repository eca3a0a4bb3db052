//! Grades (xếp loại): added, removed, their label, threshold and condition.

use super::{Change, field, json, num};
use crate::ruleset::model::RulesetDoc;

pub(super) fn diff(old: &RulesetDoc, new: &RulesetDoc, out: &mut Vec<Change>) {
    for n in &new.grades {
        let Some(o) = old.grades.iter().find(|g| g.id == n.id) else {
            out.push(Change::GradeAdded {
                grade: n.id.clone(),
                at_least: num(n.at_least),
            });
            continue;
        };
        let make = |field, old, new| Change::GradeChanged {
            grade: n.id.clone(),
            field,
            old,
            new,
        };
        field(out, "label", json(&o.label), json(&n.label), make);
        field(out, "at_least", num(o.at_least), num(n.at_least), make);
        field(out, "requires", json(&o.requires), json(&n.requires), make);
    }
    for o in &old.grades {
        if !new.grades.iter().any(|g| g.id == o.id) {
            out.push(Change::GradeRemoved {
                grade: o.id.clone(),
                at_least: num(o.at_least),
            });
        }
    }
}
