//! Analyses of scored units for analysts (feature `tools`; not in the browser scoring build):
//!
//! - [`sensitivity`]: how ranks and grades depend on the area weights — each area left out,
//!   and Monte Carlo draws of the weights (seeded, reproducible, exact decimals);
//! - [`improvements`]: where a unit lost points, and the fewest criteria whose full marks lift
//!   it to the next grade (checked by re-scoring);
//! - [`compare_results`]: two results files (`cchc score --format json`) side by side.
//!
//! Each has a JSON-in/JSON-out entry point for the bindings (`*_json`), and a text rendering
//! in the catalogue's languages. The JSON shapes are documented in `docs/analysis.md`.
//!
//! An **area** (lĩnh vực) is a top-level criterion of kind `normal`; its **weight** is its
//! declared max. Top-level bonus and penalty criteria are not areas: their points are added and
//! subtracted as they are.

mod compare;
mod improve;
mod sensitivity;

use rhai::Dynamic;
use rust_decimal::Decimal;

pub use compare::{
    AreaChange, Comparison, OnlyIn, Side, UnitChange, compare_json, compare_results, compare_values,
};
pub use improve::{
    Improvement, ImprovementOptions, Loss, Outcome as ImprovementOutcome, find_unit, improvements,
    improvements_json, improvements_json_with,
};
pub use sensitivity::{
    Area, FACTOR_PLACES, MAX_CELLS, MAX_DRAWS, Scenario, SensitivityOptions, SensitivityReport,
    UnitSensitivity, draw_factors, sensitivity, sensitivity_json,
};

use crate::error::{Code, Diagnostic, Error, Pos};
use crate::expr::Slot;
use crate::i18n::Message;
use crate::plan::Plan;
use crate::result::{Num, UnitResult};
use crate::types::NodeKind;

/// A unit's grade in an analysis: a grade (index into the ruleset's grades), none, or not
/// decided (a grade condition reads something the analysis cannot know; see
/// `docs/analysis.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GradeOutcome {
    /// The grade at this position of the ruleset's `grades:` (highest first).
    Grade(usize),
    /// No grade holds.
    None,
    /// A grade condition could not be decided.
    Undecided,
}

/// The normal top-level criteria (areas), as node indices.
pub(crate) fn areas(plan: &Plan) -> Vec<usize> {
    plan.roots
        .iter()
        .copied()
        .filter(|&i| {
            plan.nodes
                .get(i)
                .is_some_and(|n| n.kind == NodeKind::Normal)
        })
        .collect()
}

/// An analysis option or input that cannot be used: an [`Error::Data`] with a code, the
/// option's name as the "file", and how to fix it.
pub(crate) fn option_error(code: Code, what: &str, message: Message, help: Message) -> Error {
    Error::Data(Box::new(
        Diagnostic::new(code, what, Pos::default(), message).with_help(help),
    ))
}

/// A decimal as an exact JSON number.
pub(crate) fn num(d: Decimal) -> serde_json::Value {
    serde_json::to_value(Num(d)).unwrap_or(serde_json::Value::Null)
}

/// An optional decimal as an exact JSON number or `null`.
pub(crate) fn opt_num(d: Option<Decimal>) -> serde_json::Value {
    d.map_or(serde_json::Value::Null, num)
}

/// How one grade's `requires` behaves for one unit when only the index and total change.
#[derive(Debug, Clone, Copy)]
enum Gate {
    /// No condition.
    Open,
    /// The condition does not read `index` or `total`: its value for this unit.
    Fixed(bool),
    /// It reads `index` or `total`: evaluated at each new index.
    Dynamic,
    /// It cannot be decided (it reads an input the analysis does not have, or fails).
    Undecided,
}

/// Decides a unit's grade at another index and total, honouring the grade conditions the way
/// the scorer evaluates them (same engine, inputs, node points).
pub(crate) struct Grader<'a> {
    plan: &'a Plan,
    gates: Vec<Gate>,
    slots: Vec<Slot>,
    pts: Vec<(Decimal, Decimal)>,
}

impl<'a> Grader<'a> {
    /// A grader for this result; `slots` are the unit's input slots when known.
    pub(crate) fn new(plan: &'a Plan, result: &UnitResult, slots: Option<Vec<Slot>>) -> Self {
        let pts: Vec<(Decimal, Decimal)> = if plan.grades_need_points {
            result.nodes.iter().map(|n| (n.points, n.max)).collect()
        } else {
            Vec::new()
        };
        let known = slots.is_some();
        let slots = slots.unwrap_or_else(|| plan.absent.clone());
        let mut g = Grader {
            plan,
            gates: Vec::with_capacity(plan.grades.len()),
            slots,
            pts,
        };
        let index = result.index.unwrap_or_default();
        for grade in &plan.grades {
            let gate = match &grade.requires {
                None => Gate::Open,
                Some(c) if c.reads_inputs() && !known => Gate::Undecided,
                Some(c) if c.mentions("index") || c.mentions("total") => Gate::Dynamic,
                Some(c) => match g.eval(c, index, result.total) {
                    Some(b) => Gate::Fixed(b),
                    None => Gate::Undecided,
                },
            };
            g.gates.push(gate);
        }
        g
    }

    fn eval(&self, c: &crate::expr::Compiled, index: Decimal, total: Decimal) -> Option<bool> {
        let extra = [
            ("index", Dynamic::from_decimal(index)),
            ("total", Dynamic::from_decimal(total)),
        ];
        crate::score::check_requires(self.plan, c, &self.slots, self.pts.clone(), &extra).ok()
    }

    /// The grade at this index and total: the first grade whose threshold and condition hold.
    pub(crate) fn grade(&self, index: Decimal, total: Decimal) -> GradeOutcome {
        for (gi, (grade, gate)) in self.plan.grades.iter().zip(&self.gates).enumerate() {
            if index < grade.at_least {
                continue;
            }
            let holds = match gate {
                Gate::Open => Some(true),
                Gate::Fixed(b) => Some(*b),
                Gate::Undecided => None,
                Gate::Dynamic => match &grade.requires {
                    Some(c) => self.eval(c, index, total),
                    None => Some(true),
                },
            };
            match holds {
                Some(true) => return GradeOutcome::Grade(gi),
                Some(false) => {}
                None => return GradeOutcome::Undecided,
            }
        }
        GradeOutcome::None
    }
}

/// Ranks the members of each group by index, highest first (ties share a rank and keep their
/// order), the way a batch ranks: `out[i]` is unit `i`'s rank, 0 when it has no index.
pub(crate) fn rank_into(
    groups: &[Vec<usize>],
    index: &[Option<Decimal>],
    mode: crate::types::RankingMode,
    scratch: &mut Vec<(Decimal, usize)>,
    out: &mut [u32],
) {
    for r in out.iter_mut() {
        *r = 0;
    }
    for members in groups {
        scratch.clear();
        scratch.extend(
            members
                .iter()
                .filter_map(|&i| index.get(i).copied().flatten().map(|d| (d, i))),
        );
        scratch.sort_by(|a, b| crate::num::cmp(b.0, a.0));
        let mut prev: Option<Decimal> = None;
        let mut rank = 0u32;
        for (pos, &(idx, i)) in scratch.iter().enumerate() {
            if prev != Some(idx) {
                rank = match mode {
                    crate::types::RankingMode::Competition => crate::syntax::ordinal(pos),
                    crate::types::RankingMode::Dense => rank.saturating_add(1),
                };
                prev = Some(idx);
            }
            if let Some(o) = out.get_mut(i) {
                *o = rank;
            }
        }
    }
}

/// Groups of unit positions for ranking, exactly as a batch ranks (`score::batch::rank`):
/// all together (`Groups::None`, or `Groups::Ruleset` when the ruleset declares no groups), by
/// kind in order of first appearance (units without a kind form one group), or by the ruleset's
/// `ranking.groups` in declared order, then the implicit group `khac` (units of no group).
pub(crate) fn rank_groups(
    plan: &Plan,
    kinds: &[Option<&str>],
    grouping: crate::score::Groups,
) -> Vec<Vec<usize>> {
    use crate::score::Groups;
    if grouping == Groups::Ruleset && !plan.groups.is_empty() {
        let mut groups: Vec<Vec<usize>> = vec![Vec::new(); plan.groups.len().saturating_add(1)];
        for (i, k) in kinds.iter().enumerate() {
            let g = plan.group_of(*k).unwrap_or(0);
            if let Some(members) = groups.get_mut(g) {
                members.push(i);
            }
        }
        return groups;
    }
    if grouping != Groups::Kind {
        return vec![(0..kinds.len()).collect()];
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut at: std::collections::HashMap<Option<&str>, usize> = std::collections::HashMap::new();
    for (i, k) in kinds.iter().enumerate() {
        let g = *at.entry(*k).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        if let Some(members) = groups.get_mut(g) {
            members.push(i);
        }
    }
    groups
}

/// A grade outcome as JSON: the grade's id, `null` for none, `"?"` when undecided.
pub(crate) fn grade_json(plan: &Plan, g: GradeOutcome) -> serde_json::Value {
    match g {
        GradeOutcome::Grade(i) => plan
            .grades
            .get(i)
            .map_or(serde_json::Value::Null, |g| g.id.clone().into()),
        GradeOutcome::None => serde_json::Value::Null,
        GradeOutcome::Undecided => "?".into(),
    }
}

/// A grade outcome as text for people: the grade's label, "no grade" or "undecided".
pub(crate) fn grade_text(plan: &Plan, g: GradeOutcome, lang: crate::Lang) -> String {
    match g {
        GradeOutcome::Grade(i) => plan
            .grades
            .get(i)
            .map_or_else(String::new, |g| g.label.clone()),
        GradeOutcome::None => crate::msg!("analysis-no-grade").render(lang),
        GradeOutcome::Undecided => crate::msg!("analysis-grade-undecided").render(lang),
    }
}

/// The grade a result has, as an outcome.
pub(crate) fn result_grade(r: &UnitResult) -> GradeOutcome {
    r.grade.map_or(GradeOutcome::None, GradeOutcome::Grade)
}
