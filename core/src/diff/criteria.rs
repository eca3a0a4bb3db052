//! Criteria: added, removed, moved (another parent, or another order among the same
//! siblings), retitled, and their fields; leaves' rules are compared in `rules.rs`.

use std::collections::HashMap;

use serde_json::Value;

use super::{Change, field, json, num, rules};
use crate::ruleset::model::{NodeDecl, RulesetDoc};
use crate::types::NodeKind;

/// A criterion with its place in the tree.
struct Placed<'a> {
    node: &'a NodeDecl,
    parent: Option<&'a str>,
    /// From 1.
    position: usize,
}

/// Every criterion in pre-order, with its parent and position (without recursion).
fn placed(roots: &[NodeDecl]) -> Vec<Placed<'_>> {
    let mut out = Vec::new();
    let mut stack: Vec<(&NodeDecl, Option<&str>, usize)> = roots
        .iter()
        .enumerate()
        .rev()
        .map(|(i, n)| (n, None, i + 1))
        .collect();
    while let Some((node, parent, position)) = stack.pop() {
        out.push(Placed {
            node,
            parent,
            position,
        });
        if let Some(kids) = &node.children {
            stack.extend(
                kids.iter()
                    .enumerate()
                    .rev()
                    .map(|(i, k)| (k, Some(node.id.as_str()), i + 1)),
            );
        }
    }
    out
}

pub(super) fn diff(old: &RulesetDoc, new: &RulesetDoc, out: &mut Vec<Change>) {
    let olds = placed(&old.criteria);
    let news = placed(&new.criteria);
    let old_at: HashMap<&str, usize> = olds
        .iter()
        .enumerate()
        .map(|(i, p)| (p.node.id.as_str(), i))
        .collect();
    let new_at: HashMap<&str, usize> = news
        .iter()
        .enumerate()
        .map(|(i, p)| (p.node.id.as_str(), i))
        .collect();
    let reordered = reordered(&olds, &news, &old_at, &new_at);
    for n in &news {
        let id = n.node.id.as_str();
        let Some(o) = old_at.get(id).and_then(|&i| olds.get(i)) else {
            out.push(Change::CriterionAdded {
                criterion: id.to_string(),
                parent: n.parent.map(str::to_string),
                position: n.position,
                max: num(n.node.max),
            });
            continue;
        };
        if o.parent != n.parent || reordered.contains(&id) {
            out.push(Change::CriterionMoved {
                criterion: id.to_string(),
                old_parent: o.parent.map(str::to_string),
                new_parent: n.parent.map(str::to_string),
                old_position: o.position,
                new_position: n.position,
            });
        }
        node(o.node, n.node, out);
    }
    for o in &olds {
        if !new_at.contains_key(o.node.id.as_str()) {
            out.push(Change::CriterionRemoved {
                criterion: o.node.id.clone(),
                parent: o.parent.map(str::to_string),
                position: o.position,
                max: num(o.node.max),
            });
        }
    }
}

/// Siblings that kept their parent but not their order: those outside a longest common
/// subsequence of the old and new order (so one criterion moved is reported once, not every
/// sibling it passed).
fn reordered<'a>(
    olds: &[Placed<'a>],
    news: &[Placed<'a>],
    old_at: &HashMap<&str, usize>,
    new_at: &HashMap<&'a str, usize>,
) -> Vec<&'a str> {
    // Children of each parent kept under it, in the old and in the new order.
    let same_parent =
        |id: &str, parent: Option<&str>, other: &[Placed<'_>], at: &HashMap<&str, usize>| {
            at.get(id)
                .and_then(|&i| other.get(i))
                .is_some_and(|p| p.parent == parent)
        };
    let mut groups: Vec<(Option<&str>, Vec<&str>, Vec<&'a str>)> = Vec::new();
    let mut index: HashMap<Option<&str>, usize> = HashMap::new();
    for o in olds {
        if same_parent(&o.node.id, o.parent, news, new_at) {
            let g = *index.entry(o.parent).or_insert_with(|| {
                groups.push((o.parent, Vec::new(), Vec::new()));
                groups.len() - 1
            });
            if let Some(g) = groups.get_mut(g) {
                g.1.push(o.node.id.as_str());
            }
        }
    }
    for n in news {
        if same_parent(&n.node.id, n.parent, olds, old_at) {
            if let Some(g) = index.get(&n.parent).and_then(|&g| groups.get_mut(g)) {
                g.2.push(n.node.id.as_str());
            }
        }
    }
    let mut out = Vec::new();
    for (_, a, b) in &groups {
        if a == b {
            continue;
        }
        let keep = lcs(a, b);
        out.extend(b.iter().copied().filter(|id| !keep.contains(id)));
    }
    out
}

/// Most siblings compared by longest common subsequence (quadratic); past it, every sibling
/// whose position among the kept ones changed is reported.
const MAX_LCS: usize = 2_000;

/// A longest common subsequence of two orders of the same ids.
fn lcs<'a>(a: &[&str], b: &[&'a str]) -> Vec<&'a str> {
    if a.len() > MAX_LCS || b.len() > MAX_LCS {
        return b
            .iter()
            .zip(a.iter())
            .filter(|(x, y)| x == y)
            .map(|(x, _)| *x)
            .collect();
    }
    let w = b.len() + 1;
    let mut t = vec![0u32; (a.len() + 1) * w];
    let at = |i: usize, j: usize| i * w + j;
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            let v = if a.get(i) == b.get(j) {
                t.get(at(i + 1, j + 1)).copied().unwrap_or(0) + 1
            } else {
                let down = t.get(at(i + 1, j)).copied().unwrap_or(0);
                let right = t.get(at(i, j + 1)).copied().unwrap_or(0);
                down.max(right)
            };
            if let Some(c) = t.get_mut(at(i, j)) {
                *c = v;
            }
        }
    }
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        if a.get(i) == b.get(j) {
            if let Some(x) = b.get(j) {
                out.push(*x);
            }
            i += 1;
            j += 1;
        } else if t.get(at(i + 1, j)) >= t.get(at(i, j + 1)) {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

/// The fields of a criterion kept in both files.
fn node(o: &NodeDecl, n: &NodeDecl, out: &mut Vec<Change>) {
    let id = n.id.as_str();
    if o.title != n.title {
        out.push(Change::CriterionRetitled {
            criterion: id.to_string(),
            old: o.title.clone(),
            new: n.title.clone(),
        });
    }
    let make = |field, old, new| Change::CriterionChanged {
        criterion: id.to_string(),
        field,
        old,
        new,
    };
    let kind = |d: &NodeDecl| json(&d.kind.unwrap_or(NodeKind::Normal));
    field(out, "max", num(o.max), num(n.max), make);
    field(out, "kind", kind(o), kind(n), make);
    field(
        out,
        "applies_if",
        json(&o.applies_if),
        json(&n.applies_if),
        make,
    );
    field(
        out,
        "if_not_applicable",
        json(&o.if_not_applicable),
        json(&n.if_not_applicable),
        make,
    );
    let cap = |d: &NodeDecl| Value::Bool(d.cap.unwrap_or(false));
    field(out, "cap", cap(o), cap(n), make);
    field(
        out,
        "description",
        json(&o.description),
        json(&n.description),
        make,
    );
    field(out, "evidence", json(&o.evidence), json(&n.evidence), make);
    match (&o.rule, &n.rule) {
        (Some(a), Some(b)) => rules::diff(id, a, b, out),
        (None, None) => {}
        (a, b) => out.push(Change::RuleKindChanged {
            criterion: id.to_string(),
            old: a.as_ref().map(rules::kind),
            new: b.as_ref().map(rules::kind),
        }),
    }
}
