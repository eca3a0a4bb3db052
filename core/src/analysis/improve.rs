//! Improvement report for one unit (issue #13, item 3): the criteria where it lost points,
//! ordered by their effect on the index, and the fewest criteria whose full marks lift it to
//! the next grade — every claim checked by scoring the unit again with the proposed marks
//! (set as points of its last round, the rounds mechanism of format §17).
//!
//! "Full marks" is the leaf's max, except under an odd number of penalty criteria (a penalty
//! leaf, or a leaf inside a penalty group), where it is 0: no penalty.
//!
//! The search: first greedily (candidates by effect on the index, added one at a time until the
//! grade is reached), then exhaustively by size (1, 2, …, the greedy size) within a budget of
//! scorings. Among the sets of the smallest size, the one needing the fewest points wins, then
//! the first in the order of the losses. When the budget runs out the best set found is given,
//! marked as not proven smallest.

use rust_decimal::Decimal;

use super::{GradeOutcome, grade_json, grade_text, num, opt_num, option_error, result_grade};
use crate::error::{Code, Error};
use crate::i18n::{Arg, Lang};
use crate::inputs::RawValue;
use crate::msg;
use crate::plan::Plan;
use crate::result::{NodeStatus, UnitResult, UnitStatus};
use crate::ruleset::Ruleset;
use crate::types::NodeKind;
use crate::unit::Unit;

/// Options of [`improvements`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ImprovementOptions {
    /// Most scorings of the unit for the search (each is one evaluation of its tree). Default
    /// 20,000.
    pub max_scorings: u32,
}

impl Default for ImprovementOptions {
    fn default() -> Self {
        ImprovementOptions {
            max_scorings: 20_000,
        }
    }
}

/// A criterion (leaf) where the unit lost points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loss {
    /// Node index in the ruleset (pre-order).
    pub node: usize,
    /// The unit's points.
    pub points: Decimal,
    /// Full marks: the leaf's max, or 0 under a penalty.
    pub target: Decimal,
    /// Points to recover (|target − points|).
    pub recoverable: Decimal,
    /// The unit's index with full marks on this criterion alone (re-scored).
    pub index_with: Option<Decimal>,
    /// `index_with` − the unit's index.
    pub index_gain: Decimal,
}

/// What the search for the next grade found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// A set of criteria was found (see [`Improvement::set`]).
    Found,
    /// The unit already has the highest grade.
    AlreadyTop,
    /// The unit is not complete: it has no grade to improve yet.
    NotComplete,
    /// Full marks on every lost criterion do not reach the next grade (a grade condition that
    /// reads inputs, for instance).
    Unreachable,
    /// The search budget (`max_scorings`) ran out before any set reached the next grade:
    /// nothing is claimed either way.
    BudgetSpent,
    /// The ruleset has no grades.
    NoGrades,
}

impl Outcome {
    fn as_str(self) -> &'static str {
        match self {
            Outcome::Found => "found",
            Outcome::AlreadyTop => "already_top",
            Outcome::NotComplete => "not_complete",
            Outcome::Unreachable => "unreachable",
            Outcome::BudgetSpent => "budget_spent",
            Outcome::NoGrades => "no_grades",
        }
    }
}

/// The improvement report of one unit.
#[derive(Debug, Clone)]
pub struct Improvement {
    /// The unit as scored.
    pub result: UnitResult,
    /// Lost points, most effect on the index first.
    pub losses: Vec<Loss>,
    /// The grade aimed at (position in the ruleset's grades).
    pub target: Option<usize>,
    /// What the search found.
    pub outcome: Outcome,
    /// The criteria (positions in `losses`) whose full marks reach `target`.
    pub set: Vec<usize>,
    /// The index and grade the unit gets with those marks (re-scored).
    pub reached: Option<(Option<Decimal>, GradeOutcome)>,
    /// The set is proven to have the fewest criteria (false when the budget ran out).
    pub smallest: bool,
    /// Scorings used.
    pub scorings: u32,
}

/// The unit with full marks on these leaves, set in its last round.
fn with_marks(plan: &Plan, unit: &Unit, marks: &[(usize, Decimal)]) -> Unit {
    let mut u = unit.clone();
    let list = match u.rounds.last_mut() {
        Some(r) => &mut r.points,
        None => &mut u.points,
    };
    for &(node, target) in marks {
        let Some(id) = plan.nodes.get(node).map(|n| n.id.as_str()) else {
            continue;
        };
        list.retain(|(k, _)| crate::text::nfc_cow(k).as_ref() != id);
        list.push((id.to_string(), RawValue::Number(target)));
    }
    u
}

/// True when an odd number of penalty criteria lie on the path from `node` to the root.
fn under_penalty(plan: &Plan, node: usize) -> bool {
    let mut odd = false;
    let mut at = Some(node);
    let mut steps = 0usize;
    while let Some(i) = at {
        let Some(n) = plan.nodes.get(i) else { break };
        if n.kind == NodeKind::Penalty {
            odd = !odd;
        }
        at = n.parent;
        steps += 1;
        if steps > plan.nodes.len() {
            break;
        }
    }
    odd
}

/// Whether a grade outcome reaches grade `target` (or a higher one).
fn reaches(g: GradeOutcome, target: usize) -> bool {
    matches!(g, GradeOutcome::Grade(i) if i <= target)
}

struct Search<'a> {
    ruleset: &'a Ruleset,
    unit: &'a Unit,
    scorings: u32,
    budget: u32,
}

impl Search<'_> {
    /// Scores the unit with full marks on these losses; `None` when the budget is spent.
    fn score(&mut self, losses: &[Loss], set: &[usize]) -> Option<UnitResult> {
        if self.scorings >= self.budget {
            return None;
        }
        self.scorings += 1;
        let marks: Vec<(usize, Decimal)> = set
            .iter()
            .filter_map(|&k| losses.get(k).map(|l| (l.node, l.target)))
            .collect();
        let u = with_marks(&self.ruleset.plan, self.unit, &marks);
        Some(self.ruleset.score(&u))
    }
}

/// The improvement report of `unit` under `ruleset`.
pub fn improvements(ruleset: &Ruleset, unit: &Unit, opts: &ImprovementOptions) -> Improvement {
    let plan: &Plan = &ruleset.plan;
    let result = ruleset.score(unit);
    let mut search = Search {
        ruleset,
        unit,
        scorings: 0,
        budget: opts.max_scorings,
    };
    let base_index = result.index.unwrap_or_default();
    let mut losses: Vec<Loss> = Vec::new();
    for (i, (node, n)) in plan.nodes.iter().zip(&result.nodes).enumerate() {
        if node.is_group() || n.status != NodeStatus::Scored {
            continue;
        }
        let target = if under_penalty(plan, i) {
            Decimal::ZERO
        } else {
            n.max
        };
        let recoverable = (target - n.points).abs();
        if recoverable.is_zero() {
            continue;
        }
        losses.push(Loss {
            node: i,
            points: n.points,
            target,
            recoverable,
            index_with: None,
            index_gain: Decimal::ZERO,
        });
    }
    // Each loss alone, re-scored (always done: one scoring per loss, outside the budget).
    let budget = search.budget;
    search.budget = u32::MAX;
    for k in 0..losses.len() {
        if let Some(r) = search.score(&losses, &[k]) {
            if let Some(l) = losses.get_mut(k) {
                l.index_with = r.index;
                l.index_gain = r.index.map_or(Decimal::ZERO, |x| x - base_index);
            }
        }
    }
    search.budget = search.scorings.saturating_add(budget);
    losses.sort_by(|a, b| {
        b.index_gain
            .cmp(&a.index_gain)
            .then(b.recoverable.cmp(&a.recoverable))
            .then(a.node.cmp(&b.node))
    });

    let mut imp = Improvement {
        result,
        losses,
        target: None,
        outcome: Outcome::NoGrades,
        set: Vec::new(),
        reached: None,
        smallest: false,
        scorings: 0,
    };
    if plan.grades.is_empty() {
        imp.scorings = search.scorings;
        return imp;
    }
    if imp.result.status != UnitStatus::Complete {
        imp.outcome = Outcome::NotComplete;
        imp.scorings = search.scorings;
        return imp;
    }
    let target = match imp.result.grade {
        Some(0) => {
            imp.outcome = Outcome::AlreadyTop;
            imp.scorings = search.scorings;
            return imp;
        }
        Some(g) => g - 1,
        None => plan.grades.len() - 1,
    };
    imp.target = Some(target);
    find_set(&mut imp, &mut search, target);
    imp.scorings = search.scorings;
    imp
}

/// The search for the fewest losses whose full marks reach `target`.
fn find_set(imp: &mut Improvement, search: &mut Search<'_>, target: usize) {
    let n = imp.losses.len();
    // Greedy: the losses in order (most effect first) until the grade is reached.
    let mut greedy: Option<(Vec<usize>, UnitResult)> = None;
    let mut prefix = Vec::new();
    let mut spent = false;
    for k in 0..n {
        prefix.push(k);
        let Some(r) = search.score(&imp.losses, &prefix) else {
            spent = true;
            break;
        };
        if reaches(result_grade(&r), target) {
            greedy = Some((prefix.clone(), r));
            break;
        }
    }
    let Some((gset, gres)) = greedy else {
        // "Unreachable" only when full marks on every loss together were scored; a budget
        // spent before that claims nothing.
        imp.outcome = if spent {
            Outcome::BudgetSpent
        } else {
            Outcome::Unreachable
        };
        imp.smallest = !spent;
        return;
    };
    let mut best: (Vec<usize>, UnitResult) = (gset, gres);
    let mut proven = true;
    let limit = best.0.len();
    'sizes: for size in 1..=limit {
        let mut found: Option<(Vec<usize>, UnitResult, Decimal)> = None;
        let mut comb: Vec<usize> = (0..size).collect();
        loop {
            let Some(r) = search.score(&imp.losses, &comb) else {
                proven = false;
                if let Some((s, r, _)) = found {
                    best = (s, r);
                }
                break 'sizes;
            };
            if reaches(result_grade(&r), target) {
                let need: Decimal = comb
                    .iter()
                    .filter_map(|&k| imp.losses.get(k).map(|l| l.recoverable))
                    .sum();
                if found.as_ref().is_none_or(|(_, _, f)| need < *f) {
                    found = Some((comb.clone(), r, need));
                }
            }
            if !next_combination(&mut comb, n) {
                break;
            }
        }
        if let Some((s, r, _)) = found {
            best = (s, r);
            break;
        }
    }
    imp.outcome = Outcome::Found;
    imp.smallest = proven;
    imp.reached = Some((best.1.index, result_grade(&best.1)));
    imp.set = best.0;
}

/// The next k-combination of 0..n in lexicographic order; false after the last.
fn next_combination(comb: &mut [usize], n: usize) -> bool {
    let k = comb.len();
    let mut i = k;
    while i > 0 {
        i -= 1;
        let limit = n - (k - i);
        if comb.get(i).is_some_and(|&c| c < limit) {
            let start = comb.get(i).copied().unwrap_or(0) + 1;
            for (j, c) in comb.iter_mut().enumerate().skip(i) {
                *c = start + (j - i);
            }
            return true;
        }
    }
    false
}

impl Improvement {
    fn plan(&self) -> &Plan {
        &self.result.plan
    }

    /// The report as JSON (shape in `docs/analysis.md`).
    pub fn to_json(&self, lang: Lang) -> serde_json::Value {
        use serde_json::{Value, json};
        let plan = self.plan();
        let loss = |l: &Loss| -> Value {
            let node = plan.nodes.get(l.node);
            json!({
                "id": node.map(|n| n.id.clone()),
                "title": node.map(|n| n.title.clone()),
                "points": num(l.points),
                "max": node.map(|n| num(n.max)),
                "target": num(l.target),
                "recoverable": num(l.recoverable),
                "index_with": opt_num(l.index_with),
                "index_gain": num(l.index_gain),
            })
        };
        let set: Vec<Value> = self
            .set
            .iter()
            .filter_map(|&k| self.losses.get(k))
            .map(loss)
            .collect();
        json!({
            "ruleset": {"id": plan.id, "version": plan.version, "fingerprint": plan.fingerprint},
            "unit": {"id": self.result.unit.id, "name": self.result.unit.name, "kind": self.result.unit.kind},
            "grades": plan.grades.iter().map(|g| json!({"id": g.id, "label": g.label})).collect::<Vec<_>>(),
            "status": self.result.status.as_str(),
            "index": opt_num(self.result.index),
            "grade": grade_json(plan, result_grade(&self.result)),
            "losses": self.losses.iter().map(loss).collect::<Vec<_>>(),
            "next_grade": {
                "target": self.target.map_or(Value::Null, |t| grade_json(plan, GradeOutcome::Grade(t))),
                "outcome": self.outcome.as_str(),
                "criteria": set,
                "points_needed": num(self.set.iter().filter_map(|&k| self.losses.get(k)).map(|l| l.recoverable).sum()),
                "index": self.reached.map_or(Value::Null, |r| opt_num(r.0)),
                "grade": self.reached.map_or(Value::Null, |r| grade_json(plan, r.1)),
                "verified": self.reached.is_some(),
                "smallest": self.smallest,
                "scorings": self.scorings,
            },
            "text": self.to_text(lang),
        })
    }

    /// The report as text for people, in `lang`.
    pub fn to_text(&self, lang: Lang) -> String {
        let plan = self.plan();
        let places = plan.places;
        let safe = |s: &str| crate::present::terminal_safe(s).into_owned();
        let unit = match (&self.result.unit.id, &self.result.unit.name) {
            (Some(id), Some(name)) => format!("{} ({})", safe(name), safe(id)),
            (Some(id), None) => safe(id),
            (None, Some(name)) => safe(name),
            (None, None) => String::from("?"),
        };
        let mut out = msg!(
            "analysis-imp-heading",
            unit = unit,
            index = self
                .result
                .index
                .map_or_else(|| Arg::Text("-".into()), |i| Arg::fixed(i, places)),
            grade = grade_text(plan, result_grade(&self.result), lang)
        )
        .render(lang);
        out.push('\n');
        if self.losses.is_empty() {
            out.push_str(&msg!("analysis-imp-no-losses").render(lang));
            out.push('\n');
        } else {
            out.push_str(&msg!("analysis-imp-losses", count = self.losses.len()).render(lang));
            out.push('\n');
            for l in &self.losses {
                let Some(node) = plan.nodes.get(l.node) else {
                    continue;
                };
                out.push_str("  ");
                out.push_str(
                    &msg!(
                        "analysis-imp-loss",
                        id = Arg::ident(node.id.as_str()),
                        title = safe(&node.title),
                        points = Arg::fixed(l.points, places),
                        max = Arg::fixed(node.max, places),
                        recoverable = Arg::fixed(l.recoverable, places),
                        gain = Arg::fixed(l.index_gain, places)
                    )
                    .render(lang),
                );
                out.push('\n');
            }
        }
        let target = self
            .target
            .map(|t| grade_text(plan, GradeOutcome::Grade(t), lang))
            .unwrap_or_default();
        let line = match self.outcome {
            Outcome::NoGrades => msg!("analysis-imp-no-grades"),
            Outcome::NotComplete => msg!("analysis-imp-not-complete"),
            Outcome::AlreadyTop => msg!("analysis-imp-already-top"),
            Outcome::Unreachable => msg!("analysis-imp-unreachable", grade = target),
            Outcome::BudgetSpent => {
                msg!(
                    "analysis-imp-budget-spent",
                    grade = target,
                    scorings = self.scorings
                )
            }
            Outcome::Found => {
                let ids: Vec<Arg> = self
                    .set
                    .iter()
                    .filter_map(|&k| self.losses.get(k))
                    .filter_map(|l| plan.nodes.get(l.node))
                    .map(|n| Arg::ident(n.id.as_str()))
                    .collect();
                let (index, grade) = self.reached.unwrap_or((None, GradeOutcome::None));
                msg!(
                    "analysis-imp-found",
                    grade = target,
                    count = ids.len(),
                    criteria = Arg::List(ids),
                    index = index.map_or_else(|| Arg::Text("-".into()), |i| Arg::fixed(i, places)),
                    reached = grade_text(plan, grade, lang)
                )
            }
        };
        out.push_str(&line.render(lang));
        out.push('\n');
        if self.outcome == Outcome::Found && !self.smallest {
            out.push_str(&msg!("analysis-imp-not-proven", scorings = self.scorings).render(lang));
            out.push('\n');
        }
        out
    }
}

/// JSON in, JSON out (for the bindings): reads the units of `data` (JSON or YAML unit data),
/// finds the unit with id `unit_id`, and returns its improvement report as JSON text.
///
/// # Errors
///
/// Unreadable data, or no unit with that id (`invalid_value`).
pub fn improvements_json(
    ruleset: &Ruleset,
    data: &str,
    unit_id: &str,
    lang: Lang,
) -> Result<String, Error> {
    improvements_json_with(ruleset, data, unit_id, "", lang)
}

/// As [`improvements_json`], with options as a JSON object (`{"max_scorings": 20000}`; empty
/// text or `null` for the defaults).
///
/// # Errors
///
/// As [`improvements_json`]; options that are not JSON (`data_syntax`), an unknown key
/// (`unknown_key`) or a bad value (`invalid_value`).
pub fn improvements_json_with(
    ruleset: &Ruleset,
    data: &str,
    unit_id: &str,
    options: &str,
    lang: Lang,
) -> Result<String, Error> {
    let opts = improvement_options_from_json(options)?;
    let units = crate::read_units(data, crate::DataFormat::Json, "data")?;
    let unit = find_unit(&units, unit_id)?;
    Ok(improvements(ruleset, unit, &opts).to_json(lang).to_string())
}

fn improvement_options_from_json(text: &str) -> Result<ImprovementOptions, Error> {
    let mut o = ImprovementOptions::default();
    if text.trim().is_empty() {
        return Ok(o);
    }
    let v: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        option_error(
            Code::DataSyntax,
            "options",
            msg!("analysis-options-not-json", detail = e.to_string()),
            msg!("analysis-bad-option-help"),
        )
    })?;
    let bad = |key: &str| {
        option_error(
            Code::InvalidValue,
            key,
            msg!("analysis-bad-option", key = Arg::ident(key)),
            msg!("analysis-bad-option-help"),
        )
    };
    let Some(map) = v.as_object() else {
        return if v.is_null() {
            Ok(o)
        } else {
            Err(bad("options"))
        };
    };
    for (k, v) in map {
        match k.as_str() {
            "max_scorings" => {
                o.max_scorings = v
                    .as_u64()
                    .and_then(|n| u32::try_from(n).ok())
                    .ok_or_else(|| bad(k))?;
            }
            _ => {
                return Err(option_error(
                    Code::UnknownKey,
                    k,
                    msg!("analysis-unknown-option", key = Arg::ident(k.as_str())),
                    msg!("analysis-unknown-option-help"),
                ));
            }
        }
    }
    Ok(o)
}

/// The unit with this id (compared in Unicode NFC), or `invalid_value` naming a few ids.
pub fn find_unit<'u>(units: &'u [Unit], id: &str) -> Result<&'u Unit, Error> {
    let want = crate::text::nfc_cow(id);
    units
        .iter()
        .find(|u| {
            u.id.as_deref()
                .is_some_and(|x| crate::text::nfc_cow(x) == want)
        })
        .ok_or_else(|| {
            option_error(
                Code::InvalidValue,
                "unit",
                msg!("analysis-unit-not-found", id = Arg::ident(id)),
                msg!(
                    "analysis-unit-not-found-help",
                    ids = Arg::idents(units.iter().filter_map(|u| u.id.clone()).take(5))
                ),
            )
        })
}

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "test code: a failed unwrap is a failing test"
)]
mod tests {
    use super::*;

    const RULES: &str = "format: cchc/1\nid: t\nversion: '1'\ntitle: T\ntotal: 6\ngrades:\n  - { id: tot, label: Tốt, at_least: 100 }\n  - { id: kha, label: Khá, at_least: 0 }\ninputs: { a: { type: bool }, b: { type: bool }, c: { type: bool } }\ncriteria:\n  - { id: '1', title: A, max: 2, rule: { check: a } }\n  - { id: '2', title: B, max: 2, rule: { check: b } }\n  - { id: '3', title: C, max: 2, rule: { check: c } }\n";
    const DATA: &str = r#"[{"id": "x", "values": {"a": true, "b": false, "c": false}}]"#;

    fn setup() -> (Ruleset, Vec<Unit>) {
        let rs = Ruleset::from_yaml_str(RULES, "t.yaml").unwrap();
        let units = crate::read_units(DATA, crate::DataFormat::Json, "data").unwrap();
        (rs, units)
    }

    #[test]
    fn combinations_are_all_visited_once_in_order() {
        let mut seen = Vec::new();
        let mut comb = vec![0, 1];
        loop {
            seen.push(comb.clone());
            if !next_combination(&mut comb, 4) {
                break;
            }
        }
        assert_eq!(
            seen,
            vec![
                vec![0, 1],
                vec![0, 2],
                vec![0, 3],
                vec![1, 2],
                vec![1, 3],
                vec![2, 3]
            ]
        );
    }

    #[test]
    fn both_losses_are_needed_and_found() {
        let (rs, units) = setup();
        let imp = improvements(&rs, &units[0], &ImprovementOptions::default());
        assert_eq!(imp.outcome, Outcome::Found);
        assert_eq!(imp.set.len(), 2);
        assert!(imp.smallest);
        assert_eq!(
            imp.reached,
            Some((Some(Decimal::from(100)), GradeOutcome::Grade(0)))
        );
    }

    /// Regression: a budget spent during the greedy pass was reported as "unreachable" (full
    /// marks everywhere do not reach the grade), a claim nothing had checked.
    #[test]
    fn a_spent_budget_claims_nothing() {
        let (rs, units) = setup();
        let opts = ImprovementOptions { max_scorings: 1 };
        let imp = improvements(&rs, &units[0], &opts);
        assert_eq!(imp.outcome, Outcome::BudgetSpent);
        assert!(!imp.smallest);
        let v = imp.to_json(Lang::En);
        assert_eq!(v["next_grade"]["outcome"], "budget_spent");
        assert!(imp.to_text(Lang::En).contains("--max-scorings"));
    }

    #[test]
    fn json_options() {
        let (rs, _) = setup();
        let out =
            improvements_json_with(&rs, DATA, "x", r#"{"max_scorings": 1}"#, Lang::En).unwrap();
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["next_grade"]["outcome"], "budget_spent");
        let out = improvements_json_with(&rs, DATA, "x", "null", Lang::En).unwrap();
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["next_grade"]["outcome"], "found");
        for (bad, code) in [
            (r#"{"max_scoring": 1}"#, Code::UnknownKey),
            (r#"{"max_scorings": -1}"#, Code::InvalidValue),
            ("[1]", Code::InvalidValue),
            ("{", Code::DataSyntax),
        ] {
            let e = improvements_json_with(&rs, DATA, "x", bad, Lang::En).unwrap_err();
            assert_eq!(e.diagnostics()[0].code, code, "{bad}");
        }
    }
}
