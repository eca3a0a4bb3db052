//! The effect of a change on units: the same units scored with both rulesets; those whose
//! index, grade or rank change, largest change of index first, with the criteria whose points
//! differ.

use std::collections::HashMap;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::ruleset::Ruleset;
use crate::unit::Unit;

/// A criterion whose points differ for a unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct CriterionEffect {
    /// Criterion id.
    pub criterion: String,
    /// Points with the old ruleset (`null`: not in it).
    #[serde(serialize_with = "opt")]
    pub old: Option<Decimal>,
    /// Points with the new ruleset (`null`: not in it).
    #[serde(serialize_with = "opt")]
    pub new: Option<Decimal>,
}

/// A unit whose index, grade or rank changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct UnitEffect {
    /// Unit id (`null` when the data gives none).
    pub unit: Option<String>,
    /// Unit name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Position in the data, from 1.
    pub position: usize,
    /// Index before.
    #[serde(serialize_with = "opt")]
    pub old_index: Option<Decimal>,
    /// Index after.
    #[serde(serialize_with = "opt")]
    pub new_index: Option<Decimal>,
    /// new − old (`null` when either is absent).
    #[serde(serialize_with = "opt")]
    pub delta: Option<Decimal>,
    /// Grade id before.
    pub old_grade: Option<String>,
    /// Grade id after.
    pub new_grade: Option<String>,
    /// Rank before (`null`: not ranked).
    pub old_rank: Option<u32>,
    /// Rank after.
    pub new_rank: Option<u32>,
    /// The criteria responsible: every criterion (group or leaf) whose points differ, in the
    /// new file's order, then those of the old file only.
    pub criteria: Vec<CriterionEffect>,
}

/// The units a change affects.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Effect {
    /// How many units were scored.
    pub scored: usize,
    /// The affected ones: largest |delta| first, then the largest change of rank, then in
    /// data order.
    pub units: Vec<UnitEffect>,
}

fn opt<S: serde::Serializer>(d: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => crate::result::Num(*d).serialize(s),
        None => s.serialize_none(),
    }
}

/// Scores `units` with both rulesets and lists those whose index, grade or rank change.
pub fn effect(old: &Ruleset, new: &Ruleset, units: &[Unit]) -> Effect {
    let a = old.score_batch(units);
    let b = new.score_batch(units);
    let ranks = |batch: &crate::BatchResult| -> HashMap<usize, u32> {
        batch.ranking.iter().map(|e| (e.position, e.rank)).collect()
    };
    let (ra, rb) = (ranks(&a), ranks(&b));
    let mut out = Vec::new();
    for (i, (x, y)) in a.results.iter().zip(b.results.iter()).enumerate() {
        let grade = |r: &crate::UnitResult| r.grade().map(|g| g.id.to_string());
        let (old_rank, new_rank) = (ra.get(&i).copied(), rb.get(&i).copied());
        if x.index == y.index && grade(x) == grade(y) && old_rank == new_rank {
            continue;
        }
        let mut criteria = Vec::new();
        for (node, n) in y.iter_nodes() {
            let before = x.node(&node.id).map(|r| r.points);
            if before != Some(n.points) {
                criteria.push(CriterionEffect {
                    criterion: node.id.clone(),
                    old: before,
                    new: Some(n.points),
                });
            }
        }
        for (node, n) in x.iter_nodes() {
            if y.node(&node.id).is_none() {
                criteria.push(CriterionEffect {
                    criterion: node.id.clone(),
                    old: Some(n.points),
                    new: None,
                });
            }
        }
        out.push(UnitEffect {
            unit: x.unit.id.clone(),
            name: x.unit.name.clone(),
            position: i + 1,
            old_index: x.index,
            new_index: y.index,
            delta: x.index.zip(y.index).and_then(|(o, n)| n.checked_sub(o)),
            old_grade: grade(x),
            new_grade: grade(y),
            old_rank,
            new_rank,
            criteria,
        });
    }
    let rank_move = |u: &UnitEffect| match (u.old_rank, u.new_rank) {
        (Some(a), Some(b)) => a.abs_diff(b),
        (None, None) => 0,
        _ => u32::MAX,
    };
    out.sort_by(|p, q| {
        let d = |u: &UnitEffect| u.delta.map(|d| d.abs()).unwrap_or(Decimal::ZERO);
        d(q).cmp(&d(p))
            .then(rank_move(q).cmp(&rank_move(p)))
            .then(p.position.cmp(&q.position))
    });
    Effect {
        scored: units.len(),
        units: out,
    }
}
